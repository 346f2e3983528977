import re

from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail import views as wagtail_views
from wagtail.models import Locale, Page
from wagtail.url_routing import RouteResult

from home.listing import ListingPaginator
from home.routing import UNSURE, route_by_url_path
from home.site_root_paths import site_root_paths

from .cache import counts, fragments
from .cache.sites import remember_site

SEARCH_QUERY_MAX_LENGTH = 200
SEARCH_PAGE_SIZE = 10


def bench_ok(request):
    """A trivial view, mounted only when TWINNING_BENCH_VIEWS is on: the speed of the stack itself."""
    return HttpResponse("ok", content_type="text/plain")


def serve(request, path):
    """Wagtail's page view, with the page found by its URL path (`home.routing`) where that answers as Wagtail would.

    Wagtail's `Page.route_for_request` keeps its answer on the request (`_wagtail_route_for_request`, as its docstring
    says) and reads it from there: setting it first spares the walk down the tree. Everything else (the hooks, view
    restrictions, the page's own `serve`) is Wagtail's view as it is.
    """
    # What the page shows is collected from the start (the site, the route): the parts it keeps depend on it too.
    with fragments.request_scope(request):
        if not hasattr(request, "_wagtail_route_for_request"):
            remember_site(request)
            # The page found, with the pages above it, is kept like a part of it: dropped by any change to them.
            route = fragments.kept(
                request,
                ["route", path],
                lambda: route_by_url_path(request, path),
                keep=is_route_to_page,
                vary_on_query=False,
            )
            if route is not UNSURE:
                request._wagtail_route_for_request = route
            # `{% pageurl %}` keeps the site root paths on the request: the copy routing read, not another cache read.
            request._wagtail_cached_site_root_paths = site_root_paths()
        response = wagtail_views.serve(request, path)
        if hasattr(response, "render") and not response.is_rendered:
            # Within the scope: the parts of the page it keeps (`{% keep %}`) are rendered now.
            response.render()
    return response


def is_route_to_page(route):
    return isinstance(route, RouteResult) and isinstance(route.page, Page)


def search(request):
    """Wagtail search over every page type, in the visitor's language."""
    remember_site(request)
    query = request.GET.get("query", "").replace("\x00", "").strip()
    error = None
    if len(query) > SEARCH_QUERY_MAX_LENGTH:
        error = _("Please search for %(max)s characters or fewer.") % {"max": SEARCH_QUERY_MAX_LENGTH}
        query = ""
    results = Page.objects.none()
    # Words only: punctuation means nothing to the search, and SQLite's full-text syntax fails on some (`"`, `>`).
    words = " ".join(re.findall(r"\w+", query))
    if words:
        results = (
            Page.objects.live()
            .public()
            .filter(locale=Locale.get_active(), depth__gt=1)
            .specific()
            .search(words, operator="and")
        )
    page = ListingPaginator(results, SEARCH_PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = counts.search_page(page.object_list) if words else page.object_list
    return TemplateResponse(
        request, "search/search.html", {"search_query": query, "search_results": page, "search_error": error}
    )
