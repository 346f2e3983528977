"""Editors get a clear message, and nothing is saved, when a partnership or a city does not make sense."""

from decimal import Decimal

from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import streamfield

from cities.models import City, CityPartnershipPage
from tests.factories import CityFactory, CityPartnershipPageFactory
from tests.utils import SiteTestCase, page_form_data


class PartnershipFormTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.nashville = CityFactory(name="Nashville", country="US")
        cls.fort_lauderdale = CityFactory(name="Fort Lauderdale", country="US")
        cls.tamworth = CityFactory(name="Tamworth", country="AU")
        cls.partnership = CityPartnershipPageFactory(
            parent=cls.partnership_index, city_a=cls.nashville, city_b=cls.tamworth, year_established=1992
        )

    def setUp(self):
        self.login()

    def post_new_partnership(self, city_a, city_b, year="1990"):
        url = reverse("wagtailadmin_pages:add", args=["cities", "citypartnershippage", self.partnership_index.pk])
        data = page_form_data(
            "A new partnership",
            city_a=str(city_a.pk),
            city_b=str(city_b.pk),
            relationship_type="sister_city",
            status="active",
            year_established=year,
            body=streamfield([]),
            publish=True,
        )
        return self.client.post(url, data)

    def assertNotCreated(self, response, errors):
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.context["form"].errors, errors)
        self.assertEqual(CityPartnershipPage.objects.count(), 1)

    def test_the_same_city_twice_is_an_error_on_the_second_city(self):
        response = self.post_new_partnership(self.nashville, self.nashville)
        self.assertNotCreated(response, {"city_b": ["A partnership needs two different cities."]})

    def test_two_cities_in_the_same_country_is_an_error(self):
        response = self.post_new_partnership(self.nashville, self.fort_lauderdale)
        self.assertNotCreated(response, {"city_b": ["The two cities must be in different countries."]})

    def test_a_year_in_the_future_is_an_error(self):
        response = self.post_new_partnership(
            self.fort_lauderdale, self.tamworth, year=str(timezone.localdate().year + 1)
        )
        self.assertNotCreated(response, {"year_established": ["The year established cannot be in the future."]})

    def test_this_year_is_accepted(self):
        response = self.post_new_partnership(self.fort_lauderdale, self.tamworth, year=str(timezone.localdate().year))
        self.assertEqual(response.status_code, 302)
        self.assertEqual(CityPartnershipPage.objects.count(), 2)

    def test_editing_to_the_same_city_twice_is_an_error_and_changes_nothing(self):
        url = reverse("wagtailadmin_pages:edit", args=[self.partnership.pk])
        data = page_form_data(
            self.partnership.title,
            slug=self.partnership.slug,
            city_a=str(self.nashville.pk),
            city_b=str(self.nashville.pk),
            relationship_type="sister_city",
            status="active",
            body=streamfield([]),
            publish=True,
        )
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.context["form"].errors, {"city_b": ["A partnership needs two different cities."]})
        self.partnership.refresh_from_db()
        self.assertEqual(self.partnership.city_b, self.tamworth)
        self.assertIsNone(self.partnership.get_latest_revision())


class CityFormTests(SiteTestCase):
    def setUp(self):
        self.login()

    def post_city(self, **coordinates):
        data = {
            "name": "Mataró",
            "region": "Catalonia",
            "country": "ES",
            "latitude": "",
            "longitude": "",
            **coordinates,
        }
        return self.client.post(reverse("wagtailsnippets_cities_city:add"), data)

    def test_latitude_without_longitude_is_an_error(self):
        response = self.post_city(latitude="41.54")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            response.context["form"].errors, {"__all__": ["Give both latitude and longitude, or neither."]}
        )
        self.assertEqual(City.objects.count(), 0)

    def test_longitude_without_latitude_is_an_error(self):
        response = self.post_city(longitude="2.44")
        self.assertEqual(
            response.context["form"].errors, {"__all__": ["Give both latitude and longitude, or neither."]}
        )
        self.assertEqual(City.objects.count(), 0)

    def test_both_or_neither_are_accepted(self):
        self.assertEqual(self.post_city(latitude="41.54", longitude="2.44").status_code, 302)
        self.assertEqual(self.post_city().status_code, 302)
        self.assertEqual(
            list(City.objects.order_by("pk").values_list("latitude", "longitude")),
            [(Decimal("41.540000"), Decimal("2.440000")), (None, None)],
        )
