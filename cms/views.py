import re

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

SEARCH_QUERY_MAX_LENGTH = 200
SEARCH_PAGE_SIZE = 10


def bench_ok(request):
    """A trivial view, mounted only when TWINNING_BENCH_VIEWS is on: the speed of the stack itself."""
    return HttpResponse("ok", content_type="text/plain")


def search(request):
    """Wagtail search over every page type, in the visitor's language."""
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
    page = Paginator(results, SEARCH_PAGE_SIZE).get_page(request.GET.get("page"))
    return TemplateResponse(
        request, "search/search.html", {"search_query": query, "search_results": page, "search_error": error}
    )
