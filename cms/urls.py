from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.api.v3.urls import api as api_v3
from wagtail.documents import urls as wagtaildocs_urls

from . import health, outage, views
from .api import api_router
from .feeds import StoryFeed
from .sitemaps import sitemap

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("api/v3/", api_v3.urls),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("healthz", health.healthz, name="healthz"),
]

# A database outage is a 503 with Retry-After (cms/outage.py); any other uncaught error, Django's 500.
handler500 = outage.server_error

if settings.TWINNING_BENCH_VIEWS:
    urlpatterns += [path("bench/ok/", views.bench_ok)]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("search/", views.search, name="search"),
    path("stories/feed/", StoryFeed(), name="story_feed"),
    # Wagtail's front-end URLs, its page view through views.serve (which finds the page by its URL path first).
    *[pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"],
    re_path(wagtail_urls.serve_pattern, views.serve, name="wagtail_serve"),
    prefix_default_language=True,
)
