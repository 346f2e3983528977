"""Previews in an external front end: the editor's preview mode, per-site client URLs, the token-gated API."""

import re
import time
from html import unescape
from urllib.parse import parse_qs, urlsplit

from django.test import override_settings
from django.urls import reverse

from tests.utils import body_form_data, page_form_data

from .api_fixtures import APISiteTestCase

PREVIEW_SETTINGS = {"CLIENT_URLS": {"default": "https://front.example/preview"}, "ENFORCE_TRAILING_SLASH": True}


@override_settings(WAGTAIL_HEADLESS_PREVIEW=PREVIEW_SETTINGS)
class HeadlessPreviewTests(APISiteTestCase):
    def editor_preview_url(self, page, title):
        """Post the edit form to the preview view, as the editor does, and open the "External front end" mode."""
        self.login()
        url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
        data = page_form_data(
            title,
            slug=page.slug,
            date=str(page.date),
            intro="Draft intro",
            body=body_form_data(self.image, self.call_to_action),
        )
        response = self.client.post(url, data)
        self.assertEqual(response.json(), {"is_valid": True, "is_available": True})
        response = self.client.get(url, {"mode": "headless"})
        self.assertEqual(response.status_code, 200)
        self.client.logout()
        return unescape(re.search(r'<iframe src="([^"]+)"', response.content.decode()).group(1))

    def test_editor_previews_a_draft_in_the_front_end_which_reads_it_from_the_api(self):
        preview_url = self.editor_preview_url(self.story_fr, "Brouillon")
        parts = urlsplit(preview_url)
        self.assertEqual(f"{parts.scheme}://{parts.netloc}{parts.path}", "https://front.example/preview/")
        query = {key: values[0] for key, values in parse_qs(parts.query).items()}
        self.assertEqual(sorted(query), ["content_type", "locale", "token"])
        self.assertEqual((query["content_type"], query["locale"]), ("stories.storypage", "fr"))

        response = self.client.get("/api/v2/preview/", query)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Cache-Control"], "no-store")
        data = response.json()
        self.assertEqual((data["id"], data["title"], data["intro"]), (self.story_fr.pk, "Brouillon", "Draft intro"))
        self.assertEqual(data["meta"]["type"], "stories.StoryPage")
        self.assertEqual(data["meta"]["locale"], "fr")
        self.assertEqual(
            data["body"][0],
            {"type": "heading", "value": {"text": "About the partnership", "level": "h2"}, "id": data["body"][0]["id"]},
        )
        # The live page is unchanged.
        self.assertEqual(
            self.client.get(f"/api/v2/pages/{self.story_fr.pk}/").json()["title"], "Une mission commerciale"
        )

    def test_the_site_preview_still_renders_html(self):
        self.login()
        url = reverse("wagtailadmin_pages:preview_on_edit", args=[self.story.pk])
        self.client.post(
            url,
            page_form_data(
                "Draft",
                slug=self.story.slug,
                date=str(self.story.date),
                body=body_form_data(self.image, self.call_to_action),
            ),
        )
        response = self.client.get(url)
        self.assertContains(response, "<h1", status_code=200)

    def test_client_url_per_site(self):
        settings = {
            **PREVIEW_SETTINGS,
            "CLIENT_URLS": {**PREVIEW_SETTINGS["CLIENT_URLS"], "localhost": "https://anderson.example/preview"},
        }
        with override_settings(WAGTAIL_HEADLESS_PREVIEW=settings):
            preview_url = self.editor_preview_url(self.story, "Draft")
        self.assertTrue(
            preview_url.startswith("https://anderson.example/preview/?content_type=stories.storypage&token=")
        )
        self.assertTrue(preview_url.endswith("&locale=en"))

    def test_bad_and_expired_tokens(self):
        preview = self.story.create_page_preview()
        ok = {"content_type": "stories.storypage", "token": preview.token}
        self.assertEqual(self.client.get("/api/v2/preview/", ok).status_code, 200)
        for params, status, message in [
            ({}, 400, "content_type and token are required"),
            ({"content_type": "stories.storypage"}, 400, "content_type and token are required"),
            ({**ok, "token": preview.token + "x"}, 403, "invalid preview token"),
            (
                {**ok, "content_type": "home.campaignpage"},
                403,
                "no preview matches this token; preview the page again from the editor",
            ),
            ({**ok, "content_type": "wagtailcore.site"}, 400, "content_type is not a page type: wagtailcore.site"),
        ]:
            with self.subTest(params=params):
                response = self.client.get("/api/v2/preview/", params)
                self.assertEqual(response.status_code, status)
                self.assertEqual(response.json(), {"message": message})
                self.assertEqual(response["Cache-Control"], "no-store")
        time.sleep(1.1)
        with self.settings(TWINNING_PREVIEW_TOKEN_MAX_AGE=1):
            response = self.client.get("/api/v2/preview/", ok)
        self.assertEqual(response.status_code, 403)
        self.assertEqual(
            response.json(), {"message": "preview token has expired; preview the page again from the editor"}
        )
