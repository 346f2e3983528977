"""Finding the page a request is for by its URL path: four queries where walking the tree takes six.

Wagtail's `Page.route_for_request` finds the site (a query), the site's root page in the active language (the
active locale, then the root's specific model: two more), then walks down one level at a time, each page's `route()`
finding the next child (`BasePage.route` does it in one query per level, `home.query.route_to_child`). A story is
three levels down, so six queries before the view runs.

The root is the site's root page's translation in the active language (its specific model with its locale, which the
header and footer read: one query by translation key and locale). Every page stores its URL path below the tree's
root (`url_path`, indexed), so the pages between the root and the requested one (plain `Page` rows, kept as each
page's cached parent as the walk keeps them) take one query, and the requested page (its specific model, joined
with its locale and the relations its template shows, `serve_select_related`) one more: three after the site.
The page's query (the root's, when the root is the page) also says whether a view restriction applies to it
(`has_view_restrictions`), so Wagtail's check before serving it needs no query when none does
(`BasePage.get_view_restrictions`).

A URL path only says where to look; the tree confirms it, as the walk would read it: each page below the root must
be a child of the one above it (treebeard's path and depth) with the slug the URL names.
The answer is the walk's only where nothing along the path routes in a way of its own: every page from the root to
the requested one must use Wagtail's `Page.route` or `BasePage.route`. Anything else, and every case this does not
recognise (no site, no root page in the active language or a root not live, no page at the path, two pages at one
path, a path deeper than any page can be), returns `UNSURE`, and the request is left to Wagtail's walk, which then
gives the answer it always gave.
"""

from django.conf import settings
from django.http import Http404
from wagtail.models import Page, Site

from .localization import active_language_code
from .models import BasePage
from .query import has_view_restrictions

UNSURE = object()

# No page is deeper than treebeard's path allows (255 characters, four for each level).
MAX_DEPTH = Page._meta.get_field("path").max_length // Page.steplen

# The routes that find a child by its slug and answer for a page with no path left when it is live, nothing else.
WALKING_ROUTES = frozenset([Page.route, BasePage.route])


def routes_as_walk(model):
    return model is not None and model.route in WALKING_ROUTES


def route_by_url_path(request, path):
    """`Page.route_for_request(request, path)` in four queries: a `RouteResult`, None (no page: a 404) or `UNSURE`.

    URL paths only point to the candidates: what is served is checked against the tree as Wagtail's walk reads it,
    each page below the root a child of the one above it (treebeard's path and depth) with the slug the URL names.
    """
    components = [component for component in path.split("/") if component]
    if len(components) > MAX_DEPTH:  # deeper than any page can be: Wagtail's walk stops at the first missing slug
        return UNSURE
    site = Site.find_for_request(request)
    if site is None:
        return UNSURE
    root_model = site.root_page.specific_class
    if not routes_as_walk(root_model):
        return UNSURE
    root = _localized_root(site, root_model, serves_root=not components)
    if root is None or not root.live:  # Wagtail then starts from the site's root page in its own language
        return UNSURE
    if not components:
        return _route_page(root, request)

    paths = [
        root.url_path + "".join(f"{component}/" for component in components[:depth])
        for depth in range(1, len(components) + 1)
    ]
    rows = list(Page.objects.filter(url_path__in=paths).order_by())  # matched by path below: no ORDER BY needed
    by_path = {row.url_path: row for row in rows}
    if len(rows) != len(paths) or len(by_path) != len(paths):
        return UNSURE
    chain = [by_path[url_path] for url_path in paths]
    parent = root
    for row, slug in zip(chain, components, strict=True):
        is_child = row.depth == parent.depth + 1 and row.path.startswith(parent.path) and row.slug == slug
        if not is_child or not routes_as_walk(row.specific_class):
            return UNSURE
        # As the walk does: each page keeps the one above it, which treebeard's get_parent() reads instead of querying.
        row._cached_parent_obj = parent
        parent = row
    target = chain[-1]
    model = target.specific_class
    related = ("locale", *getattr(model, "serve_select_related", ()))
    page = _single(
        model._default_manager.select_related(*related)
        .annotate(has_view_restrictions=has_view_restrictions())
        .filter(pk=target.pk)
    )
    if page is None:  # deleted since the row above was read
        return UNSURE
    page._cached_parent_obj = target._cached_parent_obj
    return _route_page(page, request)


def _localized_root(site, root_model, serves_root):
    """What Wagtail's walk starts from, `site.root_page.localized`, if it is a translation in the active language.

    None where that is not the case (no such translation, or a language Wagtail cannot name a locale for): Wagtail
    then starts from the site's root page itself, and the request is left to it. One query, with the locale, and
    when the root is the page to serve (`serves_root`), whether a view restriction applies to it.
    """
    roots = root_model._default_manager.select_related("locale")
    if serves_root:
        roots = roots.annotate(has_view_restrictions=has_view_restrictions())
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return _single(roots.filter(pk=site.root_page_id))
    language = active_language_code()
    if language is None:
        return None
    return _single(roots.filter(translation_key=site.root_page.translation_key, locale__language_code=language))


def _single(queryset):
    """The one row a unique lookup finds, or None: `.first()` without its ORDER BY.

    Pages are ordered by tree path, and for an ordered query Django compares every selected column with the ordering
    (ninety for a story with its locale and images): a millisecond of Python on each lookup that can match one row.
    """
    return next(iter(queryset.order_by()[:1]), None)


def _route_page(page, request):
    try:
        return page.route(request, [])
    except Http404:
        return None
