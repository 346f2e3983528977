"""Settings for the test suite: fast hashing, in-memory cache, no real e-mail."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# As the site's own default: room for responses, their pieces and a version per tag (300 entries would cull them).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "tests",
        "OPTIONS": {"MAX_ENTRIES": 20_000},
    }
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR / "test-artifacts" / "media"  # noqa: F405
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database", "AUTO_UPDATE": True}}
# Static files come from the apps' folders through WhiteNoise's finders; nothing is collected for tests.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
# client.login() authenticates without a request, which django-axes refuses; the lockout test turns it back on.
AXES_ENABLED = False
# The API rate limit would count every test's requests; its own test turns it on.
TWINNING_API_RATE_LIMIT = 0
