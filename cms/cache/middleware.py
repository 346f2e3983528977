"""ResponseCacheMiddleware: serves anonymous GETs and HEADs from the cache, stores what may be shared."""

import hashlib
import re

from django.conf import settings
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, parse_http_date_safe
from django.utils.translation import get_language

from . import counts, purge, store, tags

CACHE_HEADER = "X-Twinning-Cache"
# Never cached, whoever asks: the admin, previews, documents (served through a permission check), health probes.
EXCLUDED_PATHS = re.compile(r"^/(admin/|documents/|healthz|bench/|api/v2/preview/)")
# Query parameters that carry a preview token or ask for a draft.
PRIVATE_PARAMETERS = {"token", "preview", "content_type"}
SHAREABLE_VARY = {"accept-encoding", "accept-language", "cookie", "origin"}
API_PAGES = re.compile(r"^/api/v[23]/pages/(?P<rest>.*)$")
API_PAGE_DETAIL = re.compile(r"^/api/v[23]/pages/(?P<id>\d+)/$")
API_DETAIL = re.compile(r"^/api/v[23]/(?:snippets/)?[\w-]+/\d+/$")
API_ENDPOINT = re.compile(r"^/api/v(?:2|3/snippets)/(?P<name>[\w-]+)/$")


def is_anonymous_read(request):
    if request.method not in ("GET", "HEAD"):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "HTTP_AUTHORIZATION" in request.META:
        return False
    if EXCLUDED_PATHS.match(request.path_info):
        return False
    return not PRIVATE_PARAMETERS.intersection(request.GET)


def may_share(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if getattr(request, "twinning_cache_private", False):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    vary = {word.strip().lower() for word in response.get("Vary", "").split(",") if word.strip()}
    return vary <= SHAREABLE_VARY


def listing_tags(request, language):
    """The collections an API listing, the sitemap, a feed or search shows (pages add theirs when served)."""
    path = request.path_info
    if path.startswith("/api/"):
        detail = API_PAGE_DETAIL.match(path)
        if detail:
            # A page's detail lists its translations (`meta.translations`).
            from wagtail.models import Page

            keys = Page.objects.filter(pk=detail["id"]).values_list("translation_key", flat=True)
            return [tags.translations_tag(key) for key in keys]
        if API_DETAIL.match(path):
            return []
        pages = API_PAGES.match(path)
        if pages:
            types = [name.strip().lower() for name in request.GET.get("type", "").split(",") if name.strip()]
            return [tags.list_tag(label) for label in types] or [tags.list_tag(tags.ALL_PAGES)]
        endpoint = API_ENDPOINT.match(path)
        if endpoint:
            from cms.api.v2 import SNIPPET_ENDPOINTS, api_router

            model = SNIPPET_ENDPOINTS.get(endpoint["name"])
            if model is None and endpoint["name"] in api_router._endpoints:
                model = api_router._endpoints[endpoint["name"]].model
            if model is not None:
                return [tags.list_tag(model._meta.label_lower)]
        return [tags.list_tag(tags.ALL_PAGES)]
    if getattr(request, "twinning_served_page", None) is not None:
        return []
    if path.endswith("/stories/feed/"):
        return [tags.list_tag("stories.storypage", language)]
    if path.endswith("/search/"):
        return [tags.list_tag(tags.ALL_PAGES, language)]
    # The sitemap and anything else that is not one page: any page's change may change it.
    return [tags.list_tag(tags.ALL_PAGES)]


class ResponseCacheMiddleware:
    """Full responses for anonymous reads, shared by every visitor, dropped exactly when what they showed changes.

    Placed after the locale middleware (the language is part of the key) and before the session, CSRF and
    authentication ones run for the view: a request that carries a session cookie or an Authorization header is
    never served from, nor stored in, the cache, and neither is a response that sets a cookie, is private, varies
    on anything but language, encoding, origin or cookie, or is not a 200.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.TWINNING_RESPONSE_CACHE:
            return self.get_response(request)
        if not is_anonymous_read(request):
            response = self.get_response(request)
            self.mark_private(request, response)
            return response

        language = get_language() or settings.LANGUAGE_CODE
        key = store.response_key(request, language)
        entry = store.get(key)
        if entry is not None:
            return self.from_entry(request, entry)

        started_at = store.clock()
        with tags.collect(started_at=started_at) as collected:
            response = self.get_response(request)
            tags.add(*listing_tags(request, language))
            page_labels = tags.page_labels()
        if request.method != "GET" or not may_share(request, response):
            self.mark_private(request, response)
            response[CACHE_HEADER] = "skip"
            return response

        self.make_public(response)
        # Read from a replica, the response may come from rows a change has already replaced on the primary (its
        # tags bumped when it committed there): kept a short while only, as a CDN would keep it.
        timeout = None if counts.reads_primary() else settings.TWINNING_REPLICA_RESPONSE_CACHE_TIMEOUT
        if store.put(key, response, tags.prune(collected, page_labels), started_at, timeout):
            purge.record(request, collected)
        response[CACHE_HEADER] = "miss"
        return get_conditional_response(
            request,
            etag=response["ETag"],
            last_modified=parse_http_date_safe(response["Last-Modified"]),
            response=response,
        )

    @staticmethod
    def make_public(response):
        if not response.has_header("ETag"):
            response["ETag"] = f'"{hashlib.md5(response.content, usedforsecurity=False).hexdigest()}"'
        if not response.has_header("Last-Modified"):
            response["Last-Modified"] = http_date()
        patch_cache_control(
            response,
            public=True,
            max_age=settings.TWINNING_CACHE_MAX_AGE,
            s_maxage=settings.TWINNING_CACHE_S_MAXAGE,
        )

    @staticmethod
    def mark_private(request, response):
        """A read that was not shared is not for shared caches either (unless the view said otherwise)."""
        if request.method in ("GET", "HEAD") and not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, max_age=0)

    @staticmethod
    def from_entry(request, entry):
        from django.http import HttpResponse

        response = HttpResponse(entry["content"], status=entry["status"])
        for name, value in entry["headers"]:
            response[name] = value
        response[CACHE_HEADER] = "hit"
        return get_conditional_response(
            request,
            etag=response["ETag"],
            last_modified=parse_http_date_safe(response["Last-Modified"]),
            response=response,
        )
