"""Faults the site survives: the database unreachable (503 with Retry-After, not 500) and the cache down (served)."""

import json
import os
import subprocess
import sys
from pathlib import Path

from django.db import OperationalError
from django.test import Client, RequestFactory, SimpleTestCase, override_settings

from cms import outage
from tests.cms.test_production import production_environment
from tests.utils import SiteTestCase

BASE_DIR = Path(__file__).resolve().parent.parent.parent

# Nothing listens on port 1: connecting is refused at once, as while PostgreSQL restarts.
UNREACHABLE_DATABASE = "postgres://postgres@127.0.0.1:1/twinning"
UNREACHABLE_REDIS = "redis://127.0.0.1:1/0"

OUTAGE_SCRIPT = """
import json
import django
django.setup()
from django.conf import settings
from django.test import Client, override_settings
# No collectstatic here: static URLs without the manifest (the only setting changed).
override_settings(STORAGES={**settings.STORAGES, "staticfiles": {
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}).enable()
client = Client(raise_request_exception=False, HTTP_HOST="example.org")
answers = {}
for url in ["/api/v2/pages/", "/api/v3/pages/", "/en/", "/en/stories/"]:
    response = client.get(url, secure=True)
    answers[url] = {
        "status": response.status_code,
        "content_type": response["Content-Type"],
        "retry_after": response.get("Retry-After"),
        "cache_control": response.get("Cache-Control"),
        "body": response.content.decode(),
    }
print(json.dumps(answers))
"""


class DatabaseOutageTests(SimpleTestCase):
    """The production site with its database unreachable, in a process of its own (as gunicorn runs it)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        environment = {
            **os.environ,
            **production_environment(),
            "DATABASE_URL": UNREACHABLE_DATABASE,
            "DJANGO_SECURE_SSL_REDIRECT": "false",
        }
        environment.pop("REDIS_URL", None)
        result = subprocess.run(  # noqa: S603
            [sys.executable, "-c", OUTAGE_SCRIPT],
            cwd=BASE_DIR,
            env=environment,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr  # noqa: S101
        cls.answers = json.loads(result.stdout.strip().splitlines()[-1])

    def test_the_apis_answer_503_json_with_retry_after(self):
        for url in ["/api/v2/pages/", "/api/v3/pages/"]:
            with self.subTest(url=url):
                answer = self.answers[url]
                self.assertEqual(answer["status"], 503)
                self.assertEqual(answer["content_type"], "application/json")
                self.assertEqual(answer["retry_after"], "5")
                self.assertEqual(
                    json.loads(answer["body"]),
                    {"message": "The site is briefly unavailable. Please try again in a few seconds."},
                )
                self.assertIn("no-store", answer["cache_control"])

    def test_pages_answer_a_503_page(self):
        for url in ["/en/", "/en/stories/"]:
            with self.subTest(url=url):
                answer = self.answers[url]
                self.assertEqual(answer["status"], 503)
                self.assertEqual(answer["content_type"], "text/html; charset=utf-8")
                self.assertEqual(answer["retry_after"], "5")
                self.assertIn("<title>Briefly unavailable</title>", answer["body"])
                self.assertIn("The site is briefly unavailable. Please try again in a few seconds.", answer["body"])


class ServerErrorHandlerTests(SimpleTestCase):
    def handle(self, exception, path):
        request = RequestFactory().get(path)
        try:
            raise exception
        except Exception:
            return outage.server_error(request)

    def test_a_database_error_is_a_503(self):
        self.assertEqual(self.handle(OperationalError("connection refused"), "/api/v2/pages/").status_code, 503)
        self.assertEqual(self.handle(OperationalError("connection refused"), "/en/").status_code, 503)

    def test_any_other_error_stays_a_500(self):
        response = self.handle(RuntimeError("a bug"), "/api/v2/pages/")
        self.assertEqual(response.status_code, 500)
        self.assertNotIn("Retry-After", response)
        self.assertEqual(self.handle(ZeroDivisionError(), "/en/").status_code, 500)


REDIS_DOWN = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": UNREACHABLE_REDIS,
        "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
    }
}


@override_settings(CACHES=REDIS_DOWN, TWINNING_API_RATE_LIMIT=3)
class CacheDownTests(SiteTestCase):
    """With production's cache configuration and Redis unreachable, the site keeps serving."""

    def test_pages_and_apis_are_served(self):
        client = Client(raise_request_exception=False)
        for url in ["/en/", "/en/stories/", "/api/v2/pages/", "/api/v3/pages/", "/sitemap.xml"]:
            with self.subTest(url=url):
                self.assertEqual(client.get(url).status_code, 200)

    def test_the_rate_limit_fails_open(self):
        statuses = [self.client.get("/api/v2/pages/").status_code for _ in range(5)]
        self.assertEqual(statuses, [200] * 5)

    def test_healthz_names_the_cache(self):
        response = self.client.get("/healthz")
        self.assertEqual(response.status_code, 503)
        self.assertEqual(response.json(), {"status": "error", "database": "ok", "cache": "error"})
