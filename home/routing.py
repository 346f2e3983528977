"""Finding the page a request is for by its URL path: four queries where walking the tree takes six.

Wagtail's `Page.route_for_request` finds the site (a query), the site's root page in the active language (the
active locale, then the root's specific model: two more), then walks down one level at a time, each page's `route()`
finding the next child (`BasePage.route` does it in one query per level, `home.query.route_to_child`). A story is
three levels down, so six queries before the view runs.

Every page stores its URL path below the tree's root (`url_path`, indexed here), and the site root paths Wagtail
keeps in the cache give the root's URL path for each language. So the root (its specific model, which the header
and footer read), the pages between it and the requested one (plain `Page` rows, kept as each page's cached parent
as the walk keeps them) and the requested page (its specific model, joined with its locale and the relations its
template shows, `serve_select_related`) take three queries after the site.

The answer is the walk's only where nothing along the path routes in a way of its own: every page from the root to
the requested one must use Wagtail's `Page.route` or `BasePage.route`. Anything else, and every case this does not
recognise (no site, no root page in the active language or a root not live, no page at the path, two pages at one
path), returns `UNSURE`, and the request is left to Wagtail's walk, which then gives the answer it always gave.
"""

from django.conf import settings
from django.http import Http404
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, Site

from .models import BasePage
from .site_root_paths import site_root_paths

UNSURE = object()

# The routes that find a child by its slug and answer for a page with no path left when it is live, nothing else.
WALKING_ROUTES = frozenset([Page.route, BasePage.route])


def routes_as_walk(model):
    return model is not None and model.route in WALKING_ROUTES


def route_by_url_path(request, path):
    """`Page.route_for_request(request, path)` in four queries: a `RouteResult`, None (no page: a 404) or `UNSURE`."""
    site = Site.find_for_request(request)
    if site is None:
        return UNSURE
    root_model = site.root_page.specific_class
    if not routes_as_walk(root_model):
        return UNSURE
    root_path = _root_path(site)
    if root_path is None:
        return UNSURE
    components = [component for component in path.split("/") if component]
    paths = [
        root_path + "".join(f"{component}/" for component in components[:depth])
        for depth in range(1, len(components) + 1)
    ]

    roots = list(root_model.objects.filter(url_path=root_path)[:2])
    if len(roots) != 1 or not roots[0].live:
        # Wagtail falls back to the site's root page in its own language when the translation is not live.
        return UNSURE
    root = roots[0]
    if not components:
        return _route_page(root, request)

    rows = list(Page.objects.filter(url_path__in=paths))
    by_path = {row.url_path: row for row in rows}
    if len(rows) != len(paths) or len(by_path) != len(paths):
        return UNSURE
    chain = [by_path[url_path] for url_path in paths]
    if any(not routes_as_walk(row.specific_class) for row in chain):
        return UNSURE
    target = chain[-1]
    model = target.specific_class
    related = ("locale", *getattr(model, "serve_select_related", ()))
    page = model._default_manager.select_related(*related).filter(pk=target.pk).first()
    if page is None:  # deleted since the row above was read
        return UNSURE
    # As the walk does: each page keeps the one above it, which treebeard's get_parent() reads instead of querying.
    parent = root
    for row in chain[:-1]:
        row._cached_parent_obj = parent
        parent = row
    page._cached_parent_obj = parent
    return _route_page(page, request)


def _root_path(site):
    """The URL path of the site's root page in the active language, from the site root paths Wagtail caches."""
    if getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        try:
            language = get_supported_content_language_variant(translation.get_language())
        except LookupError:
            return None
    else:
        language = None
    for entry in site_root_paths():
        if entry.site_id == site.pk and (language is None or entry.language_code == language):
            return entry.root_path
    return None


def _route_page(page, request):
    try:
        return page.route(request, [])
    except Http404:
        return None
