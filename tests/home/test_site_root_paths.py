"""Wagtail's site root paths (in the cache: Redis in production) are read once per request, not once per URL."""

from unittest import mock

from django.core.cache import cache
from wagtail.models import Site

from stories.models import StoryPage

from ..factories import StoryPageFactory
from ..utils import SiteTestCase


class SiteRootPathsPerRequestTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        for _ in range(3):
            StoryPageFactory(parent=cls.story_index)

    def reads(self):
        return mock.patch.object(Site, "get_site_root_paths", wraps=Site.get_site_root_paths)

    def test_an_api_listing_reads_them_once(self):
        cache.clear()
        with self.reads() as read:
            response = self.client.get("/api/v2/pages/?type=stories.StoryPage&fields=*")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(len(response.json()["items"]), 3)
        self.assertEqual(read.call_count, 1)

    def test_listings_and_searches_of_plain_pages_read_them_once(self):
        # Without a type, and in search results, the API lists Wagtail's own Page objects.
        for url in ["/api/v2/pages/?limit=20", "/api/v2/pages/?search=Story", "/api/v2/pages/?search=Story&offset=1"]:
            with self.subTest(url):
                cache.clear()
                with self.reads() as read:
                    response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                self.assertGreaterEqual(len(response.json()["items"]), 2)
                self.assertEqual(read.call_count, 1)

    def test_outside_a_request_each_page_reads_them_as_in_wagtail(self):
        pages = list(StoryPage.objects.order_by("pk"))
        with self.reads() as read:
            urls = [page.full_url for page in pages]
        self.assertEqual(urls, [f"http://localhost/en/stories/{page.slug}/" for page in pages])
        self.assertEqual(read.call_count, 3)
