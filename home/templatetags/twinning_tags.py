"""Template tags for the site chrome (header, footer), listing cards and pagination links.

The header and footer appear on every page, so what they look up is fetched once per request and stashed on
the request: a page costs the same few queries however many templates ask for the navigation.
"""

from urllib.parse import urlsplit

from django import template
from django.conf import settings
from django.db.models import Model, Prefetch, prefetch_related_objects
from django.http import QueryDict
from django.utils import timezone
from django.utils.safestring import mark_safe
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from home import fragments
from home.localization import active_language_code
from home.models import CallToAction, HomePage
from home.query import page_queryset
from home.rendition_specs import CARD_RENDITIONS  # both widths are fetched in one query per listing
from home.rich_text import safe_url

register = template.Library()

_REQUEST_CACHE_ATTR = "_twinning_chrome"


@register.tag("keep")
def do_keep(parser, token):
    """`{% keep "name" page ... %}...{% endkeep %}`: the enclosed part, kept between requests by the site's keeper
    (`home.fragments`) under its name and the values given (a model instance by its type and id), with the request's
    address and language. The part must not set context variables the rest of the template reads."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError('{% keep %} needs a name: {% keep "footer" %}')
    nodelist = parser.parse(("endkeep",))
    parser.delete_first_token()
    return KeepNode(nodelist, [parser.compile_filter(bit) for bit in bits[1:]])


class KeepNode(template.Node):
    def __init__(self, nodelist, parts):
        self.nodelist = nodelist
        self.parts = parts

    def render(self, context):
        parts = [self.part(value.resolve(context)) for value in self.parts]
        rendered = fragments.keep(context.get("request"), ["html", *parts], lambda: str(self.nodelist.render(context)))
        return mark_safe(rendered)  # noqa: S308

    @staticmethod
    def part(value):
        if isinstance(value, Model):
            return f"{value._meta.label_lower}:{value.pk}"
        return str(value)


def _request_cache(request):
    if request is None:
        return {}
    cache = getattr(request, _REQUEST_CACHE_ATTR, None)
    if cache is None:
        cache = {}
        setattr(request, _REQUEST_CACHE_ATTR, cache)
    return cache


def _active_locale(cache, page=None):
    if "locale" not in cache:
        locale = _locale_of_page_if_active(page)
        if locale is None:
            try:
                locale = Locale.get_active()
            except Locale.DoesNotExist:
                locale = None
        cache["locale"] = locale
    return cache["locale"]


def _locale_of_page_if_active(page):
    """The page's locale when it is already loaded (routing joins it) and is the active one: saves a query."""
    if not isinstance(page, Page) or not Page._meta.get_field("locale").is_cached(page):
        return None
    return page.locale if page.locale.language_code == active_language_code() else None


def get_localized_home(context):
    """The home page in the visitor's language, or the site's own home page when it has no translation."""
    request = context.get("request")
    cache = _request_cache(request)
    if "home" in cache:
        return cache["home"]
    page = context.get("page")
    locale = _active_locale(cache, page)
    home = None
    if isinstance(page, HomePage) and locale and page.locale_id == locale.pk:
        # The home page itself is being rendered: reuse it, and with it its cached calls to action.
        home = page
    elif request is not None and (routed_home := _routed_home(page, locale, request)) is not None:
        home = routed_home
    elif request is not None:
        site = Site.find_for_request(request)
        if site is not None:
            translation_key = Page.objects.filter(pk=site.root_page_id).values("translation_key")[:1]
            candidates = list(HomePage.objects.live().filter(translation_key__in=translation_key))
            by_locale = {candidate.locale_id: candidate for candidate in candidates}
            home = by_locale.get(locale.pk if locale else None) or next(
                (candidate for candidate in candidates if candidate.pk == site.root_page_id), None
            )
    cache["home"] = home
    return home


def _routed_home(page, locale, request):
    """The home page this page was served under, when it is the one the query in get_localized_home would find.

    Serving walks down from the site's root page in the visitor's language and each page keeps the parent it
    came through (`_cached_parent_obj`, as treebeard's get_parent() does), so no query is needed when that home
    page is live, in the active locale and a translation of the site's root page.
    """
    if locale is None or not isinstance(page, Page):
        return None
    site = Site.find_for_request(request)
    if site is None or not Site._meta.get_field("root_page").is_cached(site):
        return None
    ancestor = page
    while ancestor is not None and not isinstance(ancestor, HomePage):
        ancestor = getattr(ancestor, "_cached_parent_obj", None)
    if (
        ancestor is not None
        and ancestor.live
        and ancestor.locale_id == locale.pk
        and ancestor.translation_key == site.root_page.translation_key
    ):
        return ancestor
    return None


@register.simple_tag(takes_context=True)
def localized_home(context):
    """`{% localized_home as home %}`: the home page for the current language (may be None)."""
    return get_localized_home(context)


def _menu_items(context, home):
    cache = _request_cache(context.get("request"))
    if "menu" not in cache:
        cache["menu"] = list(home.get_children().live().in_menu()) if home else []
    return cache["menu"]


def _translations(context):
    """Links to the current page in each language it is published in."""
    page = context.get("page")
    if not isinstance(page, Page) or not page.pk:
        return []
    cache = _request_cache(context.get("request"))
    if "translations" not in cache:
        cache["translations"] = list(
            Page.objects.live()
            .filter(translation_key=page.translation_key)
            .select_related("locale")
            .order_by("locale__language_code")
        )
    return cache["translations"]


@register.inclusion_tag("includes/header.html", takes_context=True)
def site_header(context):
    request = context.get("request")
    home = get_localized_home(context)
    page = context.get("page")
    current_path = page.path if isinstance(page, Page) else ""
    menu = [
        {"page": item, "is_current": bool(current_path) and current_path.startswith(item.path)}
        for item in _menu_items(context, home)
    ]
    translations = _translations(context)
    return {
        "request": request,
        "home": home,
        "menu": menu,
        "page": page,
        "translations": translations if len(translations) > 1 else [],
        "search_query": context.get("search_query", ""),
        "is_search": bool(request and request.resolver_match and request.resolver_match.url_name == "search"),
        "site_name": _site_name(context, home),
    }


@register.inclusion_tag("includes/footer.html", takes_context=True)
def site_footer(context):
    home = get_localized_home(context)
    return {
        "request": context.get("request"),
        "home": home,
        "menu": _menu_items(context, home),
        "calls_to_action": home.calls_to_action if home else [],
        "site_name": _site_name(context, home),
        "year": timezone.localdate().year,
    }


def _site_name(context, home):
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site and site.site_name:
        return site.site_name
    return getattr(settings, "WAGTAIL_SITE_NAME", home.title if home else "")


@register.simple_tag(takes_context=True)
def site_name(context):
    return _site_name(context, get_localized_home(context))


@register.simple_tag(takes_context=True)
def query_string_with(context, **kwargs):
    """The current query string with some parameters replaced: `{% query_string_with page=3 %}`.

    Keeps the listing filters in pagination links. A value of None removes the parameter.
    """
    request = context.get("request")
    query = request.GET.copy() if request is not None else QueryDict(mutable=True)
    for key, value in kwargs.items():
        if value is None or value == "":
            query.pop(key, None)
        else:
            query[key] = str(value)
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"


def _prefetch_images(items, specs):
    """Put each item's image (an (object, field name) pair) back on it, with the renditions for `specs`.

    Images already joined by the view's select_related are kept; the others are fetched in one query. Then
    the renditions of every image are fetched in one more query, so `{% image %}` needs no query per item.
    """
    image_model = get_image_model()
    missing = {}
    images = []
    for obj, field_name in items:
        field = obj._meta.get_field(field_name)
        if field.is_cached(obj):
            image = getattr(obj, field_name)
            if image is not None:
                images.append(image)
        else:
            missing.setdefault(getattr(obj, field.attname), []).append((obj, field_name))
    if missing:
        for image in image_model.objects.filter(pk__in=missing):
            for obj, field_name in missing.pop(image.pk):
                setattr(obj, field_name, image)
                images.append(image)
    images = [image for image in images if not hasattr(image, "prefetched_renditions")]
    if images:
        rendition_model = image_model.get_rendition_model()
        prefetch_related_objects(
            images,
            Prefetch(
                "renditions",
                queryset=rendition_model.objects.filter(filter_spec__in=specs),
                to_attr="prefetched_renditions",
            ),
        )


def _card_image_field(page):
    """The field a card takes its image from: the listing image, else the page's main image."""
    for field_name in ("listing_image", "hero_image"):
        if getattr(page, f"{field_name}_id", None):
            return field_name
    return None


def prepare_cards(pages, specs=CARD_RENDITIONS):
    pages = [page for page in (pages or []) if page is not None]
    _prefetch_images([(page, field) for page in pages if (field := _card_image_field(page))], specs)
    return pages


@register.simple_tag
def with_card_images(pages, *specs):
    """`{% with_card_images stories as cards %}`: the pages, with their card images and renditions loaded in bulk.

    A card shows `listing_image`, else `hero_image`. Loading each would be a query or two per card; this costs
    at most two queries for the whole list.
    """
    return prepare_cards(pages, specs or CARD_RENDITIONS)


@register.simple_tag
def with_card_images_grouped(groups, *specs):
    """Like `with_card_images` for a list of (label, pages) pairs, such as the campaign index's groups."""
    groups = [(label, list(pages)) for label, pages in groups]
    prepare_cards([page for _label, pages in groups for page in pages], specs or CARD_RENDITIONS)
    return groups


@register.simple_tag
def with_image_renditions(objects, field_name, *specs):
    """`{% with_image_renditions partners "logo" "max-240x120" as partners %}`: one image field, renditions in bulk."""
    objects = list(objects or [])
    _prefetch_images([(obj, field_name) for obj in objects if getattr(obj, f"{field_name}_id", None)], specs)
    return objects


@register.simple_tag(takes_context=True)
def call_to_action_links(context, calls_to_action):
    """`{% call_to_action_links actions as links %}`: each call to action with its address, resolved in bulk.

    A button that points at a page goes to that page's translation in the visitor's language when there is a
    live one, as `CallToAction.url` does, but with one query for all the buttons rather than several each.
    """
    if calls_to_action is None:
        return []
    if isinstance(calls_to_action, CallToAction):
        calls_to_action = [calls_to_action]
    calls_to_action = [cta for cta in calls_to_action if cta is not None]
    request = context.get("request")
    locale = _active_locale(_request_cache(request), context.get("page"))
    linked = [cta.link_page for cta in calls_to_action if cta.link_page_id and cta.link_page]
    to_translate = {page.translation_key for page in linked if locale and page.locale_id != locale.pk}
    # Buttons go to live pages only, so a button never reveals a draft's address. The translations wanted take one
    # query, which also leaves out restricted ones; a chosen page itself is checked for `live` without a query (an
    # editor may well point a button at a members-only page: the visitor then meets its login).
    translations = {}
    if to_translate:
        translations = {
            page.translation_key: page
            for page in page_queryset(Page).live().public().filter(translation_key__in=to_translate, locale=locale)
        }
    links = []
    for cta in calls_to_action:
        if cta.link_page_id:
            page = cta.link_page
            if page is None:
                continue
            page = translations.get(page.translation_key, page)
            if not page.live:
                continue
            url = page.get_url(request)
        else:
            url = safe_url(cta.link_url)
        if url:
            links.append({"call_to_action": cta, "url": url, "kind": cta.kind})
    return links


@register.simple_tag
def elided_page_range(page_obj, on_each_side=1, on_ends=1):
    """The page numbers to link to, with the paginator's ellipsis where numbers are left out."""
    return list(page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=on_each_side, on_ends=on_ends))


@register.simple_tag(takes_context=True)
def page_translations(context):
    """The live translations of the current page, the page itself included (one query, shared with the header)."""
    return _translations(context)


@register.filter
def has_items(groups):
    """True when any (label, items) pair in `groups` has items."""
    return any(items for _label, items in groups or [])


@register.filter(name="safe_url")
def safe_url_filter(url):
    """`{{ address|safe_url }}`: the address, or "" when following it would run a script (javascript:...)."""
    return safe_url(url)


@register.filter
def url_host(url):
    """`https://www.example.org/a/b` -> `www.example.org`."""
    try:
        return urlsplit(url or "").hostname or url
    except ValueError:
        return url


@register.filter
def verbose_name(page):
    """The page type, as an editor would call it: "story page"."""
    model = getattr(page, "specific_class", None) or type(page)
    return model._meta.verbose_name if model else ""


@register.filter
def page_kind(page):
    """A short CSS-friendly name for the page's model: "storypage"."""
    model = getattr(page, "specific_class", None) or type(page)
    return model._meta.model_name if model else "page"


@register.simple_tag
def default_language_code():
    """The site's default language (the `x-default` of hreflang links)."""
    return settings.LANGUAGE_CODE
