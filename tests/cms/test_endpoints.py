from tests.factories import CityPartnershipPageFactory, StoryPageFactory
from tests.utils import SiteTestCase


class EndpointTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.story = StoryPageFactory(parent=cls.story_index, title="A story")
        cls.partnership = CityPartnershipPageFactory(parent=cls.partnership_index)
        cls.draft = StoryPageFactory(parent=cls.story_index, title="A draft", live=False)

    def test_api_v2_lists_live_pages(self):
        response = self.client.get("/api/v2/pages/", {"type": "stories.StoryPage", "fields": "date,original_url"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/json")
        data = response.json()
        self.assertEqual(data["meta"]["total_count"], 1)
        self.assertEqual([(item["id"], item["title"]) for item in data["items"]], [(self.story.pk, "A story")])
        self.assertEqual(data["items"][0]["date"], self.story.date.isoformat())

    def test_api_v2_page_detail(self):
        response = self.client.get(f"/api/v2/pages/{self.partnership.pk}/")
        self.assertEqual(response.status_code, 200)
        data = response.json()
        self.assertEqual(data["title"], self.partnership.title)
        self.assertEqual(data["meta"]["type"], "cities.CityPartnershipPage")

    def test_api_v2_unknown_page_is_a_json_404(self):
        """A view's own 404 stands: LocaleMiddleware must not redirect it to /en/<path> (Wagtail's catch-all)."""
        for url in (f"/api/v2/pages/{self.draft.pk}/", "/api/v2/pages/999999/"):
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 404)
                self.assertEqual(response["Content-Type"], "application/json")
                self.assertEqual(response.json(), {"message": "No Page matches the given query."})

    def test_unprefixed_page_path_redirects_to_the_language_prefix(self):
        response = self.client.get("/stories/", HTTP_ACCEPT_LANGUAGE="en")
        self.assertEqual(response.status_code, 302)
        self.assertEqual(response["Location"], "/en/stories/")

    def test_api_v3_openapi_schema(self):
        response = self.client.get("/api/v3/openapi.json")
        self.assertEqual(response.status_code, 200)
        schema = response.json()
        self.assertIn("openapi", schema)
        self.assertTrue(schema["paths"])

    def test_sitemap_lists_live_pages(self):
        response = self.client.get("/sitemap.xml")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/xml")
        self.assertContains(response, "<loc>http://localhost/en/stories/a-story/</loc>", html=False)
        self.assertNotContains(response, "a-draft")
