"""docs/deployment.md names every environment variable the settings read, and the scale-out configuration
(replica, S3 media, OpenSearch, Redis, CDN purge) comes out of production settings as documented."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from django.test import SimpleTestCase

from tests.cms.test_production import production_environment

BASE_DIR = Path(__file__).resolve().parent.parent.parent
SETTINGS = [BASE_DIR / "cms" / "settings" / name for name in ("base.py", "dev.py", "production.py", "test.py")]
READS = re.compile(r'(?:os\.environ\.get|os\.environ\[|env_bool|env_list|getenv)\(?\s*"([A-Z][A-Z0-9_]*)"')
# Read by libraries from the environment rather than by our settings.
READ_ELSEWHERE = {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"}

SCALE_OUT = {
    "DATABASE_URL": "postgres://twinning:secret@db1.internal:5432/twinning",
    "DATABASE_CONN_MAX_AGE": "60",
    "DATABASE_REPLICA_URL": "postgres://twinning:secret@db2.internal:5432/twinning",
    "REDIS_URL": "redis://cache1.internal:6379/0",
    "AWS_STORAGE_BUCKET_NAME": "twinning-media",
    "AWS_S3_ENDPOINT_URL": "https://s3.example.net",
    "AWS_S3_REGION_NAME": "eu-west-1",
    "AWS_S3_CUSTOM_DOMAIN": "media.example.org",
    "TWINNING_SEARCH_URL": "https://search1.internal:9200,https://search2.internal:9200",
    "TWINNING_FRONTEND_CACHE": "cloudfront",
    "TWINNING_CLOUDFRONT_DISTRIBUTION_ID": "E2EXAMPLE",
}

DUMP_SETTINGS = """
import json
from django.conf import settings
print(json.dumps({
    "DATABASES": {alias: {key: db[key] for key in ("ENGINE", "NAME", "HOST", "PORT", "USER", "CONN_MAX_AGE",
                                                  "CONN_HEALTH_CHECKS")} for alias, db in settings.DATABASES.items()},
    "DATABASE_ROUTERS": settings.DATABASE_ROUTERS,
    "CACHES": settings.CACHES,
    "STORAGES": settings.STORAGES,
    "WAGTAILSEARCH_BACKENDS": settings.WAGTAILSEARCH_BACKENDS,
    "WAGTAILFRONTENDCACHE": settings.WAGTAILFRONTENDCACHE,
}))
"""


def production_settings_with(extra):
    """The production settings a fresh process computes with `extra` in its environment (nothing connects)."""
    environment = {key: value for key, value in os.environ.items() if key not in SCALE_OUT}
    environment.update({**production_environment(), **extra})
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", f"import django; django.setup(){DUMP_SETTINGS}"],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr  # noqa: S101
    return json.loads(result.stdout.strip().splitlines()[-1])


class EnvironmentDocumentedTests(SimpleTestCase):
    def test_every_variable_the_settings_read_is_documented(self):
        read = set()
        for path in SETTINGS:
            read.update(READS.findall(path.read_text()))
        self.assertGreater(len(read), 40)
        documentation = (BASE_DIR / "docs" / "deployment.md").read_text()
        missing = sorted(name for name in read | READ_ELSEWHERE if f"`{name}`" not in documentation)
        self.assertEqual(missing, [])


class ScaleOutSettingsTests(SimpleTestCase):
    maxDiff = None

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.scaled = production_settings_with(SCALE_OUT)
        cls.single = production_settings_with({"DATABASE_URL": "postgres://postgres@127.0.0.1:5432/twinning"})

    def test_primary_and_replica(self):
        self.assertEqual(
            self.scaled["DATABASES"],
            {
                "default": {
                    "ENGINE": "django.db.backends.postgresql",
                    "NAME": "twinning",
                    "HOST": "db1.internal",
                    "PORT": 5432,
                    "USER": "twinning",
                    "CONN_MAX_AGE": 60,
                    "CONN_HEALTH_CHECKS": True,
                },
                "replica": {
                    "ENGINE": "django.db.backends.postgresql",
                    "NAME": "twinning",
                    "HOST": "db2.internal",
                    "PORT": 5432,
                    "USER": "twinning",
                    "CONN_MAX_AGE": 60,
                    "CONN_HEALTH_CHECKS": True,
                },
            },
        )
        self.assertEqual(self.scaled["DATABASE_ROUTERS"], ["cms.db_router.ReplicaRouter"])
        self.assertEqual(list(self.single["DATABASES"]), ["default"])
        self.assertEqual(self.single["DATABASE_ROUTERS"], [])

    def test_redis_fails_open(self):
        self.assertEqual(
            self.scaled["CACHES"],
            {
                "default": {
                    "BACKEND": "django_redis.cache.RedisCache",
                    "LOCATION": "redis://cache1.internal:6379/0",
                    "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
                }
            },
        )
        self.assertEqual(self.single["CACHES"]["default"]["BACKEND"], "django.core.cache.backends.locmem.LocMemCache")

    def test_media_in_the_bucket(self):
        self.assertEqual(
            self.scaled["STORAGES"],
            {
                "default": {
                    "BACKEND": "storages.backends.s3.S3Storage",
                    "OPTIONS": {
                        "bucket_name": "twinning-media",
                        "endpoint_url": "https://s3.example.net",
                        "region_name": "eu-west-1",
                        "custom_domain": "media.example.org",
                        "location": "",
                        "default_acl": None,
                        "file_overwrite": False,
                        "querystring_auth": False,
                    },
                },
                "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
            },
        )
        self.assertEqual(self.single["STORAGES"]["default"], {"BACKEND": "django.core.files.storage.FileSystemStorage"})

    def test_the_s3_backend_is_installed_and_takes_the_options(self):
        from storages.backends.s3 import S3Storage

        storage = S3Storage(**self.scaled["STORAGES"]["default"]["OPTIONS"])
        self.assertEqual(storage.url("images/a.jpg"), "https://media.example.org/images/a.jpg")

    def test_search_on_opensearch(self):
        self.assertEqual(
            self.scaled["WAGTAILSEARCH_BACKENDS"],
            {
                "default": {
                    "BACKEND": "wagtail.search.backends.opensearch3",
                    "URLS": ["https://search1.internal:9200", "https://search2.internal:9200"],
                    "INDEX_PREFIX": "twinning_",
                    "AUTO_UPDATE": True,
                }
            },
        )
        self.assertEqual(
            self.single["WAGTAILSEARCH_BACKENDS"],
            {"default": {"BACKEND": "wagtail.search.backends.database", "AUTO_UPDATE": True}},
        )

    def test_cdn_purge(self):
        self.assertEqual(
            self.scaled["WAGTAILFRONTENDCACHE"],
            {
                "cloudfront": {
                    "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
                    "DISTRIBUTION_ID": "E2EXAMPLE",
                }
            },
        )
        self.assertEqual(self.single["WAGTAILFRONTENDCACHE"], {})
