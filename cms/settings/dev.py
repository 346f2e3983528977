"""Settings for a developer's machine: `make run`."""

from .base import *  # noqa: F403

DEBUG = True
# A fixed key is fine on a laptop; production refuses to start without DJANGO_SECRET_KEY.
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-never-used-in-production"  # noqa: F405, S105
ALLOWED_HOSTS = ["*"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# runserver and WhiteNoise serve static files from the apps' folders; `collectstatic` is for production.
STATIC_ROOT = None
