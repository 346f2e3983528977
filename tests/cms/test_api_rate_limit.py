from unittest import mock

from django.core.cache import cache
from django.test import override_settings

from tests.factories import StoryPageFactory
from tests.utils import SiteTestCase


@override_settings(TWINNING_API_RATE_LIMIT=3, TWINNING_API_RATE_LIMIT_WINDOW=60)
class APIRateLimitTests(SiteTestCase):
    def setUp(self):
        cache.clear()
        self.addCleanup(cache.clear)
        # A fixed point in time, 15 seconds into a window: the window ends in 45 seconds.
        patcher = mock.patch("cms.ratelimit.time.time", return_value=60 * 1000 + 15)
        patcher.start()
        self.addCleanup(patcher.stop)

    def test_over_the_limit_is_a_429_with_retry_after(self):
        for _ in range(3):
            self.assertEqual(self.client.get("/api/v2/pages/").status_code, 200)
        for url in ("/api/v2/pages/", "/api/v3/pages/"):
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 429)
                self.assertEqual(response["Retry-After"], "45")
                self.assertEqual(response.json(), {"message": "Too many requests: try again in 45 seconds."})

    def test_counted_per_address(self):
        for _ in range(3):
            self.client.get("/api/v2/pages/", REMOTE_ADDR="203.0.113.1")
        self.assertEqual(self.client.get("/api/v2/pages/", REMOTE_ADDR="203.0.113.1").status_code, 429)
        self.assertEqual(self.client.get("/api/v2/pages/", REMOTE_ADDR="203.0.113.2").status_code, 200)

    @override_settings(TWINNING_PROXY_COUNT=1)
    def test_behind_a_proxy_the_forwarded_address_counts(self):
        for _ in range(3):
            self.client.get("/api/v2/pages/", HTTP_X_FORWARDED_FOR="198.51.100.1")
        self.assertEqual(self.client.get("/api/v2/pages/", HTTP_X_FORWARDED_FOR="198.51.100.1").status_code, 429)
        self.assertEqual(self.client.get("/api/v2/pages/", HTTP_X_FORWARDED_FOR="198.51.100.2").status_code, 200)

    def test_a_new_window_starts_afresh(self):
        for _ in range(4):
            self.client.get("/api/v2/pages/")
        with mock.patch("cms.ratelimit.time.time", return_value=60 * 1001):
            self.assertEqual(self.client.get("/api/v2/pages/").status_code, 200)

    def test_pages_are_not_limited(self):
        story = StoryPageFactory(parent=self.story_index)
        for _ in range(5):
            self.assertEqual(self.client.get(story.url).status_code, 200)


class PublicAPIIgnoresSessionsTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.story = StoryPageFactory(parent=cls.story_index, title="A story")
        cls.draft = StoryPageFactory(parent=cls.story_index, title="A draft", live=False)

    def test_a_logged_in_editor_gets_the_anonymous_answers(self):
        urls = ["/api/v2/pages/", f"/api/v2/pages/{self.story.pk}/", f"/api/v2/pages/{self.draft.pk}/"]
        anonymous = [(r.status_code, r.content) for r in map(self.client.get, urls)]
        self.login()
        logged_in = [(r.status_code, r.content) for r in map(self.client.get, urls)]
        self.assertEqual(logged_in, anonymous)
        self.assertEqual([status for status, _ in anonymous], [200, 200, 404])

    def test_basic_auth_is_not_read(self):
        response = self.client.get(
            f"/api/v2/pages/{self.draft.pk}/",
            HTTP_AUTHORIZATION="Basic ZWRpdG9yOnBhc3N3b3Jk",  # editor:password
        )
        self.assertEqual(response.status_code, 404)
        self.assertNotIn("WWW-Authenticate", response)


@override_settings(AXES_ENABLED=True, TWINNING_PROXY_COUNT=1)
class LoginLockoutBehindAProxyTests(SiteTestCase):
    def test_the_lockout_counts_the_forwarded_address(self):
        for _ in range(5):
            self.client.post(
                "/admin/login/", {"username": "editor", "password": "wrong"}, HTTP_X_FORWARDED_FOR="198.51.100.1"
            )
        locked = self.client.post(
            "/admin/login/", {"username": "editor", "password": "password"}, HTTP_X_FORWARDED_FOR="198.51.100.1"
        )
        self.assertEqual(locked.status_code, 429)
        other = self.client.post(
            "/admin/login/", {"username": "editor", "password": "password"}, HTTP_X_FORWARDED_FOR="198.51.100.2"
        )
        self.assertEqual(other.status_code, 302)
