import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.listing import LISTING_PAGE_SIZE
from tests.factories import (
    CityFactory,
    CityPartnershipPageFactory,
    FocusAreaFactory,
    StoryIndexPageFactory,
    StoryPageFactory,
)
from tests.utils import SiteTestCase

FILTER_ERROR = "That filter value is not known; showing no stories."


class StoryIndexListingTests(SiteTestCase):
    """Three partnerships (US-ES, US-AU, JP-FR), four stories about them, and enough older ones to fill two pages."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        trade = FocusAreaFactory(name="Trade", slug="trade")
        culture = FocusAreaFactory(name="Culture", slug="culture")
        cls.us_es = CityPartnershipPageFactory(
            parent=cls.partnership_index, city_a=CityFactory(country="US"), city_b=CityFactory(country="ES")
        )
        cls.us_au = CityPartnershipPageFactory(
            parent=cls.partnership_index, city_a=CityFactory(country="US"), city_b=CityFactory(country="AU")
        )
        cls.jp_fr = CityPartnershipPageFactory(
            parent=cls.partnership_index, city_a=CityFactory(country="JP"), city_b=CityFactory(country="FR")
        )
        cls.draft_partnership = CityPartnershipPageFactory(parent=cls.partnership_index, live=False)

        def story(title, date, focus_areas, partnerships, **kwargs):
            return StoryPageFactory(
                parent=cls.story_index,
                title=title,
                date=date,
                focus_areas=focus_areas,
                related_partnerships=partnerships,
                **kwargs,
            )

        story("Trade mission", datetime.date(2020, 3, 1), [trade], [cls.us_es])
        # Same date, created later: comes first. Two US partnerships: must still be listed once for ?country=US.
        story("Trade follow-up", datetime.date(2020, 3, 1), [trade], [cls.us_es, cls.us_au])
        story("Music exchange", datetime.date(2020, 2, 1), [culture], [cls.us_au])
        story("Youth visit", datetime.date(2020, 1, 1), [trade, culture], [cls.jp_fr])
        story("Draft trade story", datetime.date(2020, 4, 1), [trade], [cls.us_es], live=False)
        cls.archive_titles = [f"Archive story {n}" for n in range(LISTING_PAGE_SIZE - 2)]
        for n, title in enumerate(cls.archive_titles):
            story(title, datetime.date(2010, 1, 1) - datetime.timedelta(days=n), [], [])
        other_index = StoryIndexPageFactory(parent=cls.home, title="Elsewhere")
        StoryPageFactory(parent=other_index, title="Story in another index", date=datetime.date(2021, 1, 1))
        cls.newest_first = ["Trade follow-up", "Trade mission", "Music exchange", "Youth visit", *cls.archive_titles]

    def get(self, **params):
        response = self.client.get(self.story_index.url, params)
        self.assertEqual(response.status_code, 200)
        return response

    def titles(self, response):
        return [story.title for story in response.context["stories"].object_list]

    def assertListed(self, params, titles):
        response = self.get(**params)
        self.assertEqual(response.context["filter_form"].errors, {})
        self.assertEqual(self.titles(response), titles)
        for title in titles:
            self.assertContains(response, title)
        return response

    def assertRejected(self, params, errors):
        response = self.get(**params)
        self.assertEqual(response.context["filter_form"].errors, errors)
        self.assertEqual(self.titles(response), [])
        self.assertContains(response, FILTER_ERROR)
        self.assertContains(response, "No stories match these filters.")
        return response

    def test_newest_first_one_page_at_a_time(self):
        self.assertEqual(len(self.newest_first), LISTING_PAGE_SIZE + 2)
        first = self.assertListed({}, self.newest_first[:LISTING_PAGE_SIZE])
        self.assertEqual(first.context["stories"].paginator.num_pages, 2)
        self.assertContains(first, 'rel="next"')
        self.assertListed({"page": "2"}, self.newest_first[LISTING_PAGE_SIZE:])

    def test_leaves_out_drafts_and_stories_of_other_indexes(self):
        response = self.get(page="1")
        self.assertNotContains(response, "Draft trade story")
        self.assertNotContains(response, "Story in another index")
        self.assertEqual(response.context["stories"].paginator.count, LISTING_PAGE_SIZE + 2)

    def test_filter_by_focus_area(self):
        self.assertListed({"focus_area": "trade"}, ["Trade follow-up", "Trade mission", "Youth visit"])
        self.assertListed({"focus_area": "culture"}, ["Music exchange", "Youth visit"])

    def test_focus_area_filter_matches_the_ids_read_with_the_choices(self):
        # The count and the page name the focus areas by id (read with the form's choices), so the database is not
        # asked to plan for any focus area a subquery on the slug might find.
        with CaptureQueriesContext(connection) as captured:
            response = self.get(focus_area="culture")
        self.assertEqual(response.context["stories"].paginator.count, 2)
        filtering = [query["sql"] for query in captured if '"storypage_id" AS "storypage"' in query["sql"]]
        self.assertEqual(len(filtering), 2)  # the count, the page
        for sql in filtering:
            self.assertNotIn("home_focusarea", sql)

    def test_filter_by_country_of_either_city_of_a_related_partnership(self):
        self.assertListed({"country": "US"}, ["Trade follow-up", "Trade mission", "Music exchange"])
        self.assertListed({"country": "ES"}, ["Trade follow-up", "Trade mission"])
        self.assertListed({"country": "AU"}, ["Trade follow-up", "Music exchange"])
        self.assertListed({"country": "FR"}, ["Youth visit"])

    def test_filter_by_partnership(self):
        self.assertListed({"partnership": str(self.us_au.pk)}, ["Trade follow-up", "Music exchange"])
        self.assertListed({"partnership": str(self.jp_fr.pk)}, ["Youth visit"])

    def partnership_options(self, response):
        return response.context["filter_form"].fields["partnership"].choices

    def test_the_partnerships_offered_are_those_of_the_chosen_country(self):
        response = self.get(country="US")
        self.assertEqual(
            self.partnership_options(response),
            [
                ("", "All partnerships"),
                *sorted([(str(p.pk), p.title) for p in (self.us_es, self.us_au)], key=lambda c: c[1]),
            ],
        )
        self.assertContains(response, f'<option value="{self.us_au.pk}">')
        self.assertNotContains(response, f'<option value="{self.jp_fr.pk}"')
        self.assertNotContains(response, f'<option value="{self.draft_partnership.pk}"')
        self.assertEqual(
            self.partnership_options(self.get(country="FR")),
            [("", "All partnerships"), (str(self.jp_fr.pk), self.jp_fr.title)],
        )

    def test_without_a_country_only_the_partnership_asked_for_is_offered(self):
        empty = ("", "All partnerships (choose a country to list them)")
        self.assertEqual(self.partnership_options(self.get()), [empty])
        response = self.get(partnership=str(self.us_au.pk))
        self.assertEqual(self.partnership_options(response), [empty, (str(self.us_au.pk), self.us_au.title)])
        self.assertContains(response, f'<option value="{self.us_au.pk}" selected>')

    def test_a_partnership_outside_the_chosen_country_is_rejected(self):
        us_au = str(self.us_au.pk)
        self.assertRejected(
            {"country": "FR", "partnership": us_au},
            {"partnership": [f"Select a valid choice. {us_au} is not one of the available choices."]},
        )

    def test_filters_combine(self):
        self.assertListed({"focus_area": "trade", "country": "US"}, ["Trade follow-up", "Trade mission"])
        self.assertListed({"focus_area": "trade", "partnership": str(self.us_au.pk)}, ["Trade follow-up"])
        self.assertListed(
            {"focus_area": "culture", "country": "JP", "partnership": str(self.jp_fr.pk)}, ["Youth visit"]
        )
        response = self.assertListed({"focus_area": "culture", "country": "ES"}, [])
        self.assertContains(response, "No stories match these filters.")
        self.assertNotContains(response, FILTER_ERROR)

    def test_an_empty_filter_is_ignored(self):
        self.assertListed({"focus_area": "", "country": "", "partnership": ""}, self.newest_first[:LISTING_PAGE_SIZE])

    def test_unknown_values_list_nothing_and_say_why(self):
        self.assertRejected(
            {"focus_area": "nope"}, {"focus_area": ["Select a valid choice. nope is not one of the available choices."]}
        )
        self.assertRejected(
            {"country": "ZZ"}, {"country": ["Select a valid choice. ZZ is not one of the available choices."]}
        )
        # A real country, but no partnership has a city there.
        self.assertRejected(
            {"country": "DE"}, {"country": ["Select a valid choice. DE is not one of the available choices."]}
        )
        self.assertRejected(
            {"partnership": "abc"}, {"partnership": ["Select a valid choice. abc is not one of the available choices."]}
        )
        draft = str(self.draft_partnership.pk)
        self.assertRejected(
            {"partnership": draft},
            {"partnership": [f"Select a valid choice. {draft} is not one of the available choices."]},
        )

    def test_nul_bytes_are_rejected_not_an_error(self):
        for name in ("focus_area", "country", "partnership"):
            with self.subTest(name=name):
                self.assertRejected(
                    {name: "trade\x00"},
                    {name: ["Select a valid choice. trade\x00 is not one of the available choices."]},
                )
        self.assertListed({"page": "\x00"}, self.newest_first[:LISTING_PAGE_SIZE])

    def test_bad_page_numbers_give_the_nearest_real_page(self):
        first, last = self.newest_first[:LISTING_PAGE_SIZE], self.newest_first[LISTING_PAGE_SIZE:]
        self.assertListed({"page": "abc"}, first)
        self.assertListed({"page": "99999"}, last)
        self.assertListed({"page": "-1"}, last)
        self.assertListed({"page": "0"}, last)
        self.assertListed({"page": "1.5"}, first)
        self.assertListed({"page": "2", "focus_area": "trade"}, ["Trade follow-up", "Trade mission", "Youth visit"])

    def test_pagination_links_keep_the_rest_of_the_query(self):
        self.assertContains(self.get(), 'href="?page=2"', count=2)
        self.assertContains(self.get(page="1", focus_area=""), 'href="?page=2&amp;focus_area="', count=2)
