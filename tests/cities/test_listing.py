from home.listing import LISTING_PAGE_SIZE
from tests.factories import CityFactory, CityPartnershipPageFactory, FocusAreaFactory
from tests.utils import SiteTestCase

FILTER_ERROR = "That filter value is not known; showing no partnerships."


def invalid(value):
    return [f"Select a valid choice. {value} is not one of the available choices."]


class PartnershipIndexListingTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        culture = FocusAreaFactory(name="Culture", slug="culture")
        music = FocusAreaFactory(name="Music", slug="music")
        trade = FocusAreaFactory(name="Trade", slug="trade")

        def partnership(city_a, country_a, city_b, country_b, **kwargs):
            return CityPartnershipPageFactory(
                parent=cls.partnership_index,
                city_a=CityFactory(name=city_a, country=country_a),
                city_b=CityFactory(name=city_b, country=country_b),
                **kwargs,
            )

        partnership("Nashville", "US", "Tamworth", "AU", focus_areas=[culture, music])
        partnership("Fort Lauderdale", "US", "Mataró", "ES", focus_areas=[culture])
        partnership(
            "Kyoto", "JP", "Paris", "FR", status="inactive", relationship_type="friendship_city", focus_areas=[trade]
        )
        partnership("Austin", "US", "Lima", "PE", status="proposed", relationship_type="friendship_city")
        partnership("Berlin", "DE", "Chicago", "US", live=False, focus_areas=[culture])

    def get(self, **params):
        response = self.client.get(self.partnership_index.url, params)
        self.assertEqual(response.status_code, 200)
        return response

    def assertListed(self, params, titles):
        response = self.get(**params)
        self.assertEqual(response.context["filter_form"].errors, {})
        self.assertEqual([partnership.title for partnership in response.context["partnerships"].object_list], titles)
        for title in titles:
            self.assertContains(response, title)
        return response

    def assertRejected(self, params, errors):
        response = self.get(**params)
        self.assertEqual(response.context["filter_form"].errors, errors)
        self.assertEqual(list(response.context["partnerships"].object_list), [])
        self.assertContains(response, FILTER_ERROR)
        self.assertContains(response, "No partnerships match these filters.")

    def test_lists_live_partnerships_by_city_name(self):
        response = self.assertListed(
            {},
            ["Austin and Lima", "Fort Lauderdale and Mataró", "Kyoto and Paris", "Nashville and Tamworth"],
        )
        self.assertNotContains(response, "Berlin and Chicago")

    def test_country_choices_are_the_countries_of_live_partnerships(self):
        choices = self.get().context["filter_form"].fields["country"].choices
        self.assertEqual([code for code, _name in choices], ["", "AU", "FR", "JP", "PE", "ES", "US"])

    def test_filter_by_country_of_either_city(self):
        self.assertListed(
            {"country": "US"}, ["Austin and Lima", "Fort Lauderdale and Mataró", "Nashville and Tamworth"]
        )
        self.assertListed({"country": "FR"}, ["Kyoto and Paris"])
        self.assertListed({"country": "ES"}, ["Fort Lauderdale and Mataró"])

    def test_filter_by_focus_area(self):
        self.assertListed({"focus_area": "culture"}, ["Fort Lauderdale and Mataró", "Nashville and Tamworth"])
        self.assertListed({"focus_area": "music"}, ["Nashville and Tamworth"])

    def test_filter_by_status(self):
        self.assertListed({"status": "active"}, ["Fort Lauderdale and Mataró", "Nashville and Tamworth"])
        self.assertListed({"status": "inactive"}, ["Kyoto and Paris"])
        self.assertListed({"status": "proposed"}, ["Austin and Lima"])

    def test_filter_by_relationship_type(self):
        self.assertListed({"relationship_type": "friendship_city"}, ["Austin and Lima", "Kyoto and Paris"])
        self.assertListed(
            {"relationship_type": "sister_city"}, ["Fort Lauderdale and Mataró", "Nashville and Tamworth"]
        )

    def test_filters_combine(self):
        self.assertListed(
            {"country": "US", "focus_area": "culture", "status": "active"},
            ["Fort Lauderdale and Mataró", "Nashville and Tamworth"],
        )
        self.assertListed({"country": "US", "relationship_type": "friendship_city"}, ["Austin and Lima"])
        self.assertListed({"focus_area": "music", "country": "ES"}, [])

    def test_unknown_values_list_nothing_and_say_why(self):
        self.assertRejected({"country": "ZZ"}, {"country": invalid("ZZ")})
        # Germany has a partnership, but only a draft one.
        self.assertRejected({"country": "DE"}, {"country": invalid("DE")})
        self.assertRejected({"focus_area": "nope"}, {"focus_area": invalid("nope")})
        self.assertRejected({"status": "paused"}, {"status": invalid("paused")})
        self.assertRejected({"relationship_type": "twin_town"}, {"relationship_type": invalid("twin_town")})
        self.assertRejected({"status": "active", "country": "ZZ"}, {"country": invalid("ZZ")})

    def test_nul_bytes_are_rejected_not_an_error(self):
        for name in ("country", "focus_area", "status", "relationship_type"):
            with self.subTest(name=name):
                self.assertRejected({name: "US\x00"}, {name: invalid("US\x00")})

    def test_bad_page_numbers_give_the_nearest_real_page(self):
        everything = ["Austin and Lima", "Fort Lauderdale and Mataró", "Kyoto and Paris", "Nashville and Tamworth"]
        for page in ("abc", "99999", "-1", "\x00"):
            with self.subTest(page=page):
                self.assertListed({"page": page}, everything)


class PartnershipIndexPaginationTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.titles = []
        for n in range(LISTING_PAGE_SIZE + 1):
            partnership = CityPartnershipPageFactory(
                parent=cls.partnership_index,
                city_a=CityFactory(name=f"Town {n:02}", country="US"),
                city_b=CityFactory(name="Twin", country="MX"),
            )
            cls.titles.append(partnership.title)

    def titles_on(self, **params):
        response = self.client.get(self.partnership_index.url, params)
        self.assertEqual(response.status_code, 200)
        return [partnership.title for partnership in response.context["partnerships"].object_list]

    def test_pages(self):
        first, last = self.titles[:LISTING_PAGE_SIZE], self.titles[LISTING_PAGE_SIZE:]
        self.assertEqual(len(last), 1)
        self.assertEqual(self.titles_on(), first)
        self.assertEqual(self.titles_on(page="2"), last)
        self.assertEqual(self.titles_on(page="99999"), last)
        self.assertEqual(self.titles_on(page="abc"), first)
        self.assertEqual(self.titles_on(page="2", country="MX"), last)
