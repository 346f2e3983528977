from unittest import mock

from django.test import TestCase


class HealthzTests(TestCase):
    def test_healthy(self):
        response = self.client.get("/healthz")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json(), {"status": "ok", "database": "ok", "cache": "ok"})
        self.assertIn("no-store", response["Cache-Control"])

    def test_database_down_is_a_503(self):
        with (
            mock.patch("cms.health.connection.cursor", side_effect=OSError("connection refused")),
            self.assertLogs("cms.health", "ERROR"),
        ):
            response = self.client.get("/healthz")
        self.assertEqual(response.status_code, 503)
        self.assertEqual(response["Content-Type"], "application/json")
        self.assertEqual(response.json(), {"status": "error", "database": "error", "cache": "ok"})
        self.assertIn("no-store", response["Cache-Control"])

    def test_cache_down_is_a_503(self):
        with mock.patch("cms.health.cache") as cache, self.assertLogs("cms.health", "ERROR"):
            cache.set.side_effect = ConnectionError("redis is away")
            response = self.client.get("/healthz")
        self.assertEqual(response.status_code, 503)
        self.assertEqual(response.json(), {"status": "error", "database": "ok", "cache": "error"})

    def test_cache_that_loses_values_is_a_503(self):
        with mock.patch("cms.health.cache") as cache, self.assertLogs("cms.health", "ERROR"):
            cache.get.return_value = None
            response = self.client.get("/healthz")
        self.assertEqual(response.status_code, 503)
        self.assertEqual(response.json()["cache"], "error")

    def test_read_only(self):
        self.assertEqual(self.client.post("/healthz").status_code, 405)
