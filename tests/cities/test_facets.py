"""The country filters' choices are cached (cities.facets) and follow every change that can alter them."""

from unittest import mock

from django.core.cache import cache
from django.core.cache.backends.dummy import DummyCache
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from cities import facets
from cities.models import CityPartnershipPage
from tests.factories import CityFactory, CityPartnershipPageFactory, PartnershipIndexPageFactory
from tests.utils import SiteTestCase

COUNTRY_QUERY = 'AS "city_a__country"'


# Off, so that every view renders its filter form: this is about the cache beneath the responses.
@override_settings(TWINNING_RESPONSE_CACHE=False)
class CountryFacetTests(SiteTestCase):
    def setUp(self):
        super().setUp()
        cache.clear()
        self.nashville = CityPartnershipPageFactory(
            parent=self.partnership_index,
            city_a=CityFactory(name="Nashville", country="US"),
            city_b=CityFactory(name="Tamworth", country="AU"),
        )

    def directory_countries(self):
        response = self.client.get(self.partnership_index.url)
        self.assertEqual(response.status_code, 200)
        return {code for code, _name in response.context["filter_form"].fields["country"].choices if code}

    def story_listing_countries(self):
        response = self.client.get(self.story_index.url)
        self.assertEqual(response.status_code, 200)
        return {code for code, _name in response.context["filter_form"].fields["country"].choices if code}

    def draft_partnership(self, country_a, country_b, parent=None):
        page = CityPartnershipPageFactory(
            parent=parent or self.partnership_index,
            city_a=CityFactory(country=country_a),
            city_b=CityFactory(country=country_b),
            live=False,
        )
        return CityPartnershipPage.objects.get(pk=page.pk)

    def test_a_second_view_reads_the_countries_from_the_cache(self):
        with CaptureQueriesContext(connection) as first:
            self.assertEqual(self.directory_countries(), {"US", "AU"})
        with CaptureQueriesContext(connection) as second:
            self.assertEqual(self.directory_countries(), {"US", "AU"})
        self.assertEqual(sum(COUNTRY_QUERY in query["sql"] for query in first.captured_queries), 1)
        self.assertEqual(sum(COUNTRY_QUERY in query["sql"] for query in second.captured_queries), 0)

    def test_publishing_and_unpublishing_a_partnership(self):
        self.assertEqual(self.directory_countries(), {"US", "AU"})
        self.assertEqual(self.story_listing_countries(), {"US", "AU"})
        kyoto = self.draft_partnership("JP", "FR")
        self.assertEqual(self.directory_countries(), {"US", "AU"})  # a draft is not offered
        kyoto.save_revision().publish()
        self.assertEqual(self.directory_countries(), {"US", "AU", "JP", "FR"})
        self.assertEqual(self.story_listing_countries(), {"US", "AU", "JP", "FR"})
        CityPartnershipPage.objects.get(pk=kyoto.pk).unpublish()
        self.assertEqual(self.directory_countries(), {"US", "AU"})
        self.assertEqual(self.story_listing_countries(), {"US", "AU"})

    def test_a_city_changing_country(self):
        self.assertEqual(self.directory_countries(), {"US", "AU"})
        city = self.nashville.city_b
        city.country = "NZ"
        city.save()
        self.assertEqual(self.directory_countries(), {"US", "NZ"})
        self.assertEqual(self.story_listing_countries(), {"US", "NZ"})

    def test_a_view_restriction_added_and_removed(self):
        self.assertEqual(self.directory_countries(), {"US", "AU"})
        restriction = PageViewRestriction.objects.create(
            page=self.nashville, restriction_type=PageViewRestriction.PASSWORD, password="secret"
        )
        self.assertEqual(self.directory_countries(), set())
        self.assertEqual(self.story_listing_countries(), set())
        restriction.delete()
        self.assertEqual(self.directory_countries(), {"US", "AU"})

    def test_moving_and_deleting_a_partnership(self):
        kyoto = self.draft_partnership("JP", "FR")
        kyoto.save_revision().publish()
        self.assertEqual(self.directory_countries(), {"US", "AU", "JP", "FR"})
        other_index = PartnershipIndexPageFactory(parent=self.home, slug="other-partnerships")
        CityPartnershipPage.objects.get(pk=kyoto.pk).move(other_index, pos="last-child")
        self.assertEqual(self.directory_countries(), {"US", "AU"})
        self.assertEqual(self.story_listing_countries(), {"US", "AU", "JP", "FR"})  # every partnership of the language
        self.nashville.delete()
        self.assertEqual(self.directory_countries(), set())
        self.assertEqual(self.story_listing_countries(), {"JP", "FR"})

    def test_the_generation_changes_again_when_the_change_commits(self):
        kyoto = self.draft_partnership("JP", "FR")
        with self.captureOnCommitCallbacks(execute=True) as callbacks:
            kyoto.save_revision().publish()
            during = cache.get(facets.GENERATION_KEY)
        self.assertTrue(callbacks)
        self.assertIsNotNone(during)
        self.assertNotEqual(cache.get(facets.GENERATION_KEY), during)

    def test_a_lost_generation_starts_a_new_one(self):
        self.assertEqual(self.directory_countries(), {"US", "AU"})
        generation = cache.get(facets.GENERATION_KEY)
        cache.delete(facets.GENERATION_KEY)
        # Stored under the lost generation, a value that no longer holds would be read again if the count restarted.
        self.assertEqual(self.directory_countries(), {"US", "AU"})
        self.assertNotEqual(cache.get(facets.GENERATION_KEY), generation)

    def test_without_a_cache_the_countries_are_read_every_time(self):
        with mock.patch.object(facets, "cache", DummyCache("dummy", {})):
            self.assertEqual(self.directory_countries(), {"US", "AU"})
            kyoto = self.draft_partnership("JP", "FR")
            kyoto.save_revision().publish()
            self.assertEqual(self.directory_countries(), {"US", "AU", "JP", "FR"})
