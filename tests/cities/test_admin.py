from django.test import TestCase
from django.urls import reverse

from tests.factories import CityFactory
from tests.utils import create_superuser


class CitySnippetListingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.user = create_superuser()
        cls.mataro = CityFactory(name="Mataró", country="ES")
        cls.barcelona = CityFactory(name="Barcelona", country="ES")
        cls.nashville = CityFactory(name="Nashville", country="US")

    def setUp(self):
        self.client.force_login(self.user)

    def listed_cities(self, **params):
        response = self.client.get(reverse("wagtailsnippets_cities_city:list"), params)
        self.assertEqual(response.status_code, 200)
        return sorted(city.name for city in response.context["object_list"])

    def test_cities_filter_by_country(self):
        self.assertEqual(self.listed_cities(), ["Barcelona", "Mataró", "Nashville"])
        self.assertEqual(self.listed_cities(country="ES"), ["Barcelona", "Mataró"])
        self.assertEqual(self.listed_cities(country="US"), ["Nashville"])

    def test_an_unknown_country_is_a_form_error_not_a_500(self):
        response = self.client.get(reverse("wagtailsnippets_cities_city:list"), {"country": "ZZ"})
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.context["filters"].errors)
