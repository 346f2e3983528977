"""Settings shared by every environment.

The environment is read here and nowhere else: each setting that varies between machines comes from an
environment variable with a default that suits a developer's laptop.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", False)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1")

INSTALLED_APPS = [
    "home",
    "stories",
    "cities",
    "cms",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail.api.v3",
    "wagtail",
    "rest_framework",
    "modelcluster",
    "taggit",
    "django_countries",
    "django_filters",
    "ninja",
    "corsheaders",
    "django_tasks",
    "django_tasks_db",
    "wagtail_headless_preview",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    # After CORS, so that a front end on another origin can read its 429.
    "cms.ratelimit.APIRateLimitMiddleware",
    "cms.middleware.LocaleMiddleware",
    "cms.middleware.APIQueryMiddleware",
    # After the language is known (it is part of the key), before sessions and users are looked at for the view.
    "cms.cache.middleware.ResponseCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "cms.translation.permissions.TranslationPermissionMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its lockout response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

# SQLite is the embedded default so that `make run` works on a bare machine; production sets DATABASE_URL.
# A persistent connection is checked before each request reuses it (CONN_HEALTH_CHECKS), so after a database
# restart the site reconnects by itself; while the database is away, requests get a 503 (cms/outage.py).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
# A read replica (PostgreSQL streaming replication): reads outside a transaction go to it, everything else to
# the primary (cms/db_router.py).
DATABASE_REPLICA_URL = os.environ.get("DATABASE_REPLICA_URL", "")
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = dj_database_url.parse(
        DATABASE_REPLICA_URL,
        conn_max_age=DATABASES["default"]["CONN_MAX_AGE"],
        conn_health_checks=True,
    )
    DATABASE_ROUTERS = ["cms.db_router.ReplicaRouter"]
DATABASE_IS_POSTGRES = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Login lockout (django-axes): after TWINNING_LOGIN_FAILURE_LIMIT wrong passwords for one username from one IP
# address, that pair is refused (429) for an hour, even with the right password. Axes' backend comes first.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_ENABLED = env_bool("TWINNING_LOGIN_LOCKOUT", True)
AXES_FAILURE_LIMIT = int(os.environ.get("TWINNING_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_HTTP_RESPONSE_CODE = 429

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation. The languages the site is written in come from the environment
# (TWINNING_LANGUAGES=en,es,fr,ja); the first is the default.
LANGUAGE_NAMES = {
    "en": _("English"),
    "es": _("Spanish"),
    "fr": _("French"),
    "ja": _("Japanese"),
    "ar": _("Arabic"),
    "de": _("German"),
    "it": _("Italian"),
    "pt": _("Portuguese"),
    "zh-hans": _("Simplified Chinese"),
}
_language_codes = env_list("TWINNING_LANGUAGES", "en,es,fr,ja") or ["en"]
LANGUAGES = [(code, LANGUAGE_NAMES.get(code, code)) for code in _language_codes]
LANGUAGE_CODE = _language_codes[0]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("TWINNING_TIME_ZONE", "UTC")

# Machine translation in wagtail-localize's editor and in `translate_tree --machine`: DeepL when a key is set,
# otherwise a development translator whose output is plainly marked as not a real translation.
DEEPL_API_KEY = os.environ.get("DEEPL_API_KEY", "")
if DEEPL_API_KEY:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": DEEPL_API_KEY},
    }
else:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {"CLASS": "cms.translation.translators.DevelopmentTranslator"}
# Translator groups are named "<prefix><language's own name>", for example "Translators: Español".
TWINNING_TRANSLATOR_GROUP_PREFIX = "Translators: "
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"

# Uploaded media: on this machine's disk, or with AWS_STORAGE_BUCKET_NAME set, in an S3-compatible bucket through
# django-storages (so that several web servers share it). boto3 reads AWS_ACCESS_KEY_ID and
# AWS_SECRET_ACCESS_KEY (or an instance role) itself.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    MEDIA_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "location": os.environ.get("AWS_LOCATION", ""),
            "default_acl": None,
            "file_overwrite": False,
            "querystring_auth": False,
        },
    }
else:
    MEDIA_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": MEDIA_STORAGE,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = os.environ.get("TWINNING_SITE_NAME", "Twinning")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {
    "default": {
        # The PostgreSQL full-text backend is chosen automatically by the database backend on PostgreSQL.
        "BACKEND": "wagtail.search.backends.database",
        "AUTO_UPDATE": True,
    }
}
# Or OpenSearch / Elasticsearch, when TWINNING_SEARCH_URL names a cluster; TWINNING_SEARCH_ENGINE is the name of
# one of Wagtail's backends for it (the client package it imports, e.g. opensearch-py, is then installed too).
TWINNING_SEARCH_URL = os.environ.get("TWINNING_SEARCH_URL", "")
TWINNING_SEARCH_ENGINE = os.environ.get("TWINNING_SEARCH_ENGINE", "opensearch3")
if TWINNING_SEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": f"wagtail.search.backends.{TWINNING_SEARCH_ENGINE}",
            "URLS": env_list("TWINNING_SEARCH_URL"),
            "INDEX_PREFIX": os.environ.get("TWINNING_SEARCH_INDEX_PREFIX", "twinning_"),
            "AUTO_UPDATE": True,
        }
    }
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# A small file can still decode to a huge bitmap (a "pixel bomb"); 40 megapixels is ample for photographs.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# Documents are always served by Wagtail's view, which checks collection privacy; never by a direct file URL.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Responsive embeds would carry inline style attributes, which the site's Content-Security-Policy refuses; the
# stylesheet sizes embeds instead. The providers whose players may be framed (the CSP's frame-src):
WAGTAILEMBEDS_RESPONSIVE_HTML = False
TWINNING_EMBED_FRAME_SOURCES = env_list(
    "TWINNING_EMBED_FRAME_SOURCES",
    "https://www.youtube.com,https://www.youtube-nocookie.com,https://player.vimeo.com",
)
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILAPI_BASE_URL = os.environ.get("WAGTAILAPI_BASE_URL", WAGTAILADMIN_BASE_URL)
WAGTAILAPI_LIMIT_MAX = 100
# Rich text in both APIs is display HTML (links resolved to URLs), ready to render.
WAGTAILAPI_RICH_TEXT_FORMAT = "html"

# Headless delivery (cms/api, cms/preview.py, cms/webhooks). Front ends on other origins may read the APIs
# (never with cookies): TWINNING_CORS_ORIGINS=https://a.example,https://b.example.
CORS_ALLOWED_ORIGINS = env_list("TWINNING_CORS_ORIGINS")
CORS_URLS_REGEX = r"^/api/(v2|v3)/.*$"
CORS_ALLOW_CREDENTIALS = False
# Editors' "External front end" previews open TWINNING_PREVIEW_CLIENT_URL (per site: TWINNING_PREVIEW_CLIENT_URLS=
# host=url,...) with ?content_type=&token=&locale=; the front end reads the draft from /api/v2/preview/ with them.
WAGTAIL_HEADLESS_PREVIEW = {
    "CLIENT_URLS": {
        "default": os.environ.get("TWINNING_PREVIEW_CLIENT_URL", "http://localhost:3000/preview/"),
        **dict(item.split("=", 1) for item in env_list("TWINNING_PREVIEW_CLIENT_URLS") if "=" in item),
    },
    "ENFORCE_TRAILING_SLASH": True,
}
# Requests to /api/ per client address per window (fixed windows counted in the cache; 0 turns the limit off).
# Behind proxies, TWINNING_PROXY_COUNT says how many, so the address comes from X-Forwarded-For.
TWINNING_API_RATE_LIMIT = int(os.environ.get("TWINNING_API_RATE_LIMIT", "600"))
TWINNING_API_RATE_LIMIT_WINDOW = int(os.environ.get("TWINNING_API_RATE_LIMIT_WINDOW", "60"))
TWINNING_PROXY_COUNT = int(os.environ.get("TWINNING_PROXY_COUNT", "0"))
# The login lockout counts by the same client address.
AXES_CLIENT_IP_CALLABLE = "cms.ratelimit.client_address"
TWINNING_PREVIEW_TOKEN_MAX_AGE = int(os.environ.get("TWINNING_PREVIEW_TOKEN_MAX_AGE", "3600"))
# Wagtail's own tasks run at once, as before; webhook deliveries and image renditions (made ahead of time for
# published pages, home/tasks.py) are queued in the database and run by `make worker`
# (`manage.py db_worker --backend webhooks --queue-name webhooks,renditions`), so publishing never waits for them.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "webhooks": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["webhooks", "renditions"]},
}
TWINNING_WEBHOOK_TIMEOUT = float(os.environ.get("TWINNING_WEBHOOK_TIMEOUT", "5"))
TWINNING_WEBHOOK_MAX_ATTEMPTS = int(os.environ.get("TWINNING_WEBHOOK_MAX_ATTEMPTS", "5"))
TWINNING_WEBHOOK_BACKOFF_SECONDS = float(os.environ.get("TWINNING_WEBHOOK_BACKOFF_SECONDS", "30"))

# The administrator account the demo-content command creates when it is missing (never changed afterwards).
TWINNING_DEMO_ADMIN_USERNAME = os.environ.get("TWINNING_ADMIN_USERNAME", "admin")
TWINNING_DEMO_ADMIN_PASSWORD = os.environ.get("TWINNING_ADMIN_PASSWORD") or None
TWINNING_DEMO_ADMIN_EMAIL = os.environ.get("TWINNING_ADMIN_EMAIL", "")

# bench/run.py sets this to mount /bench/ok/, a view without database access: the ceiling load tests compare to.
TWINNING_BENCH_VIEWS = env_bool("TWINNING_BENCH_VIEWS", False)

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "twinning",
        # Room for the response cache (cms/cache): a response per URL and language, a version per tag.
        "OPTIONS": {"MAX_ENTRIES": 20_000},
    }
}

# Full responses for anonymous reads of HTML pages and the public APIs, dropped exactly when what they showed
# changes (cms/cache). Shared caches (a CDN) may keep them TWINNING_CACHE_S_MAXAGE seconds, browsers
# TWINNING_CACHE_MAX_AGE; behind a CDN set TWINNING_FRONTEND_CACHE so that changes are purged from it too.
TWINNING_RESPONSE_CACHE = env_bool("TWINNING_RESPONSE_CACHE", True)
TWINNING_RESPONSE_CACHE_TIMEOUT = int(os.environ.get("TWINNING_RESPONSE_CACHE_TIMEOUT", str(24 * 3600)))
# With DATABASE_REPLICA_URL, responses read from the replica are kept this long at most: a lagging replica may
# answer with rows from before a change whose tags were already bumped.
TWINNING_REPLICA_RESPONSE_CACHE_TIMEOUT = int(os.environ.get("TWINNING_REPLICA_RESPONSE_CACHE_TIMEOUT", "60"))
# Pieces of responses (API listings' items, parts of pages) kept beneath them, dropped by the same tags
# (cms/cache/fragments.py).
TWINNING_FRAGMENT_CACHE = env_bool("TWINNING_FRAGMENT_CACHE", True)
TWINNING_CACHE_MAX_AGE = int(os.environ.get("TWINNING_CACHE_MAX_AGE", "60"))
TWINNING_CACHE_S_MAXAGE = int(os.environ.get("TWINNING_CACHE_S_MAXAGE", "300"))
# Wagtail's front-end cache invalidation: http (an HTTP PURGE to TWINNING_FRONTEND_CACHE_LOCATION, e.g. Varnish),
# cloudflare (TWINNING_CLOUDFLARE_ZONE_ID and TWINNING_CLOUDFLARE_BEARER_TOKEN) or cloudfront
# (TWINNING_CLOUDFRONT_DISTRIBUTION_ID; boto3 reads the AWS credentials).


def frontend_cache_backends(environ):
    """WAGTAILFRONTENDCACHE for the backend TWINNING_FRONTEND_CACHE names (none when it is empty)."""
    name = environ.get("TWINNING_FRONTEND_CACHE", "").strip().lower()
    backends = {
        "http": ("HTTPBackend", {"LOCATION": "TWINNING_FRONTEND_CACHE_LOCATION"}),
        "cloudflare": (
            "CloudflareBackend",
            {"ZONEID": "TWINNING_CLOUDFLARE_ZONE_ID", "BEARER_TOKEN": "TWINNING_CLOUDFLARE_BEARER_TOKEN"},
        ),
        "cloudfront": ("CloudfrontBackend", {"DISTRIBUTION_ID": "TWINNING_CLOUDFRONT_DISTRIBUTION_ID"}),
    }
    if not name:
        return {}
    if name not in backends:
        raise ImproperlyConfigured("TWINNING_FRONTEND_CACHE must be one of: http, cloudflare, cloudfront.")
    class_name, variables = backends[name]
    missing = [variable for variable in variables.values() if not environ.get(variable)]
    if missing:
        raise ImproperlyConfigured(f"TWINNING_FRONTEND_CACHE={name} needs {', '.join(missing)}.")
    options = {option: environ[variable] for option, variable in variables.items()}
    return {name: {"BACKEND": f"wagtail.contrib.frontend_cache.backends.{class_name}", **options}}


WAGTAILFRONTENDCACHE = frontend_cache_backends(os.environ)
# The exact URLs that showed a change are purged (cms/cache/purge.py), each in its own language: Wagtail need not
# repeat every URL under every language prefix.
WAGTAILFRONTENDCACHE_LANGUAGES = []
# Production's shared cache (cms/settings/production.py).
REDIS_URL = os.environ.get("REDIS_URL", "")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}
