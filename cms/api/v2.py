"""API v2 (Django REST Framework): pages, images, documents and the shared snippets, read-only and public.

Wagtail's viewsets are extended through their own seams (`filter_backends`, `known_query_parameters`,
`meta_fields`, `get_queryset`, `find_object`, the pagination class); what they add is:

- anonymous, identical answers for everyone (no session authentication, JSON only), so responses can be cached;
- `meta.translations` on every page, read for a whole listing in one query;
- `?locale=fr&fallback=en` and `find/?html_path=/fr/...`;
- the filters in `cms.api.filters`;
- every malformed parameter answered with a 400 (or a 404 for an unknown locale or object), never a 500;
- listings prefetch what their fields show, so the number of queries does not grow with the number of items.
"""

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import DataError
from django.db.models import Prefetch, QuerySet, prefetch_related_objects
from django.http import Http404
from django.utils.translation import get_language, get_language_from_path
from rest_framework.fields import CharField, Field, SkipField
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from taggit.managers import TaggableManager
from wagtail.api.v2.filters import (
    AncestorOfFilter,
    ChildOfFilter,
    DescendantOfFilter,
    OrderingFilter,
    SearchFilter,
    TranslationOfFilter,
)
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import BaseSerializer
from wagtail.api.v2.serializers import PageSerializer as WagtailPageSerializer
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet
from wagtail.api.v2.views import PagesAPIViewSet as WagtailPagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet as WagtailDocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet as WagtailImagesAPIViewSet
from wagtail.images.models import AbstractImage
from wagtail.models import Locale, Page, Site

from cities.models import City, MemberAssociation
from home.models import CallToAction, FocusArea, PartnerOrganisation
from home.query import page_queryset, private_pages_q
from home.rendition_specs import RENDITIONS
from home.site_root_paths import share_site_root_paths

from ..cache import counts, fragments, store, tags
from ..cache.sites import remember_site
from .filters import (
    MAX_INTEGER,
    CampaignFilter,
    CampaignRunningFromFilter,
    CampaignRunningUntilFilter,
    CampaignStatusFilter,
    CountryFilter,
    FallbackFilter,
    FieldsFilter,
    FocusAreaFilter,
    LocaleFilter,
    ParameterFilter,
    PartnershipFilter,
    parse_integer,
)

# Page-id parameters of Wagtail's own filters; "root" is also accepted by some.
PAGE_ID_PARAMETERS = ("child_of", "ancestor_of", "descendant_of", "translation_of")


# What a page link reads (home.blocks.page_link_representation, home.query.is_hidden, its URL, and `localize` for a
# call to action's page): a chosen partnership is otherwise some forty columns, eighty with its locale joined.
PAGE_LINK_FIELDS = ("title", "content_type", "locale", "live", "url_path", "path", "depth", "translation_key")


def api_prefetches(model, field_names):
    """Prefetch lookups for the relations among `field_names` that the API serializers follow.

    Images come with the API's renditions, pages with their locale and whether they are private (for page links),
    snippets with what their own `api_fields` follow, and any page a snippet links to (a call to action's page).
    """
    lookups = []
    for name in field_names:
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if not field.is_relation or field.related_model is None:
            continue
        if isinstance(field, TaggableManager):
            lookups.append(name)
            continue
        related = field.related_model
        if issubclass(related, AbstractImage):
            queryset = related.objects.prefetch_renditions(*RENDITIONS.values())
        elif issubclass(related, Page):
            # `is_private` lets page links leave out restricted pages without a query each (home.query.is_hidden).
            queryset = (
                related.objects.select_related("locale").annotate(is_private=private_pages_q()).only(*PAGE_LINK_FIELDS)
            )
        else:
            queryset = related._default_manager.prefetch_related(*api_prefetches(related, snippet_fields(related)))
        lookups.append(Prefetch(name, queryset=queryset))
    return lookups


def snippet_fields(model):
    """What a snippet's API representation reads: its `api_fields` and any page it links to (a call to action's)."""
    names = [api_field.name for api_field in getattr(model, "api_fields", ())]
    names += [
        field.name
        for field in model._meta.get_fields()
        if field.many_to_one
        and field.related_model is not None
        and issubclass(field.related_model, Page)
        and field.name not in names
    ]
    return names


class BoundedPagination(WagtailPagination):
    """Wagtail's limit/offset pagination, with an offset beyond any real listing refused rather than sent to the
    database (where PostgreSQL and SQLite fail on numbers past 64 bits)."""

    def paginate_queryset(self, queryset, request, view=None):
        if "offset" in request.GET:
            parse_integer("offset", request.GET["offset"])
        if "limit" in request.GET:
            parse_integer("limit", request.GET["limit"])
        return super().paginate_queryset(_CachedCount(queryset), request, view=view)


class _CachedCount:
    """Listing items as Wagtail's pagination reads them (`count()`, then a slice), counted by `counts.count`."""

    def __init__(self, items):
        self.items = items

    def count(self):
        return counts.count(self.items)

    def __getitem__(self, key):
        return self.items[key]


class PrefetchedTagsField(Field):
    """Tags as a sorted list of names, read from prefetched tags (Wagtail's field queries once per item)."""

    def to_representation(self, value):
        return sorted(tag.name for tag in value.all())


class PublicSerializer(BaseSerializer):
    tags = PrefetchedTagsField(read_only=True)


class PageTranslationsField(Field):
    """`meta.translations`: every other live translation of the page as {locale, id, title, url}.

    The first page serialized loads the translations of every page in the response (the listing, or the single
    page) in one query; the rest read them from the serializer context.
    """

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        translations = self.context.get("_translations")
        if translations is None:
            translations = self.context["_translations"] = self.load(self.root.instance)
        return [
            {"locale": other.locale.language_code, "id": other.pk, "title": other.title, "url": other.full_url}
            for other in translations.get(page.translation_key, [])
            if other.pk != page.pk
        ]

    @staticmethod
    def load(instance):
        pages = [instance] if isinstance(instance, Page) else list(instance)
        found = {}
        translations = (
            # Our queryset's public(): the view-restriction test inside this query, not a query of its own first.
            page_queryset(Page)
            .live()
            .public()
            .filter(translation_key__in={page.translation_key for page in pages})
            .select_related("locale")
            # content_type: the response cache reads each page's type (cms.cache.tags.prune).
            .only(
                "id", "title", "url_path", "translation_key", "locale__language_code", "path", "depth", "content_type"
            )
            .order_by("locale__language_code", "pk")
        )
        share_site_root_paths(translations)
        for page in translations:
            found.setdefault(page.translation_key, []).append(page)
        return found


class PageFallbackField(Field):
    """`meta.fallback`, only with ?fallback=: true for a page shown in the fallback language."""

    def get_attribute(self, instance):
        view = self.context["view"]
        if view.get_fallback_locale() is None:
            raise SkipField
        return instance

    def to_representation(self, page):
        return page.locale.language_code != self.context["request"].GET["locale"]


class PageSerializer(WagtailPageSerializer):
    translations = PageTranslationsField(read_only=True)
    fallback = PageFallbackField(read_only=True)


class PublicReadMixin:
    """Anonymous, read-only, JSON only: the answer depends on the URL alone, so any cache may keep it."""

    authentication_classes = []
    permission_classes = [AllowAny]
    renderer_classes = [JSONRenderer]
    pagination_class = BoundedPagination
    base_serializer_class = PublicSerializer
    # Parameters a detail view takes; anything else is refused as it is in listings.
    detail_query_parameters = frozenset(["fields", "rich_text_format", "locale", "format", "_"])

    def get_renderer_context(self):
        # Wagtail asks for JSON indented by 4: larger answers, and Python's pure-Python encoder instead of its C one
        # (a fifth of a listing's time). Compact JSON is the same data.
        context = super().get_renderer_context()
        context.pop("indent", None)
        return context

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if self.action == "detail_view":
            unknown = set(request.GET) - self.detail_query_parameters
            if unknown:
                raise BadRequestError(
                    "query parameter is not an operation or a recognised field: " + ", ".join(sorted(unknown))
                )

    def handle_exception(self, exc):
        # Validation in the filters catches bad input first; this turns what a database or a model field still
        # refuses (a value Wagtail's own code passed through unchecked) into a 400 rather than a 500.
        if isinstance(exc, (ValueError, OverflowError, ValidationError, DataError)) and not isinstance(
            exc, BadRequestError
        ):
            exc = BadRequestError(f"invalid query parameter value ({exc.__class__.__name__})")
        return super().handle_exception(exc)

    def get_object(self):
        if int(self.kwargs["pk"]) > MAX_INTEGER:
            raise Http404(f"No {self.model._meta.object_name} matches the given query.")
        return super().get_object()

    def find_object(self, queryset, request):
        if "id" in request.GET:
            parse_integer("id", request.GET["id"], minimum=1)
        return super().find_object(queryset, request)

    def paginate_prefetched(self, queryset):
        """`queryset`'s rows, with what the serializer's fields follow prefetched."""
        fields = self.get_serializer_class().Meta.fields
        items = list(queryset.prefetch_related(*self.get_prefetches(queryset.model, fields)))
        if issubclass(queryset.model, Page):
            # Plain `Page` objects (a listing without a type) build their URLs from the request's copy of the site
            # root paths too, not from the cache once per page (`home.site_root_paths`).
            share_site_root_paths(items)
        return items

    def paginate_queryset(self, queryset):
        if isinstance(queryset, QuerySet):
            fields = self.get_serializer_class().Meta.fields
            queryset = queryset.prefetch_related(*self.get_prefetches(queryset.model, fields))
            page = super().paginate_queryset(queryset)
            if page is None or not issubclass(queryset.model, Page):
                return page
            page = list(page)
            share_site_root_paths(page)
            return page
        results = super().paginate_queryset(queryset)
        if results is None:
            return None
        results = counts.search_page(results)
        self.prefetch_results(results)
        return results

    def prefetch_results(self, results):
        """Search results: the search backend runs a query of its own, so the prefetches follow on the page of
        results (otherwise each page's locale alone was a query: 20 more for 20 results)."""
        fields = self.get_serializer_class().Meta.fields
        share_site_root_paths(item for item in results if isinstance(item, Page))
        by_model = {}
        for item in results:
            by_model.setdefault(type(item), []).append(item)
        for model, items in by_model.items():
            lookups = self.get_prefetches(model, fields)
            # `meta.locale` reads the page's locale even where `locale` is not among the fields.
            prefetched = {getattr(lookup, "prefetch_to", lookup) for lookup in lookups}
            if issubclass(model, Page) and "locale" not in prefetched:
                lookups.append("locale")
            prefetch_related_objects(items, *lookups)

    def get_prefetches(self, model, field_names):
        return api_prefetches(model, field_names)


class PagesAPIViewSet(PublicReadMixin, WagtailPagesAPIViewSet):
    base_serializer_class = PageSerializer
    filter_backends = [
        FieldsFilter,
        ChildOfFilter,
        AncestorOfFilter,
        DescendantOfFilter,
        OrderingFilter,
        TranslationOfFilter,
        FallbackFilter,
        LocaleFilter,
        FocusAreaFilter,
        CountryFilter,
        PartnershipFilter,
        CampaignFilter,
        CampaignStatusFilter,
        CampaignRunningFromFilter,
        CampaignRunningUntilFilter,
        SearchFilter,  # last: search results cannot be filtered further
    ]
    known_query_parameters = WagtailPagesAPIViewSet.known_query_parameters.union(["fallback"])
    meta_fields = [*WagtailPagesAPIViewSet.meta_fields, "translations", "fallback"]
    listing_default_fields = [*WagtailPagesAPIViewSet.listing_default_fields, "translations", "fallback"]
    # Stream fields only in a page's detail: a listing shows cards, and defers them.
    detail_only_fields = [*WagtailPagesAPIViewSet.detail_only_fields, "body", "featured_content"]
    detail_query_parameters = PublicReadMixin.detail_query_parameters.union(["site"])

    def initial(self, request, *args, **kwargs):
        # Pages are read below the request's site (Wagtail looks it up for each request): from the cache instead.
        remember_site(request._request)
        super().initial(request, *args, **kwargs)
        for name in PAGE_ID_PARAMETERS:
            if request.GET.get(name, "root") != "root":
                parse_integer(name, request.GET[name], minimum=1)

    def listing_view(self, request):
        """Wagtail's listing, with each page's representation kept beneath the response (`cms.cache.fragments`).

        The page of ids comes first (one narrow query); only the pages not kept are loaded, with their prefetches,
        and serialized. A search ranks its matches itself: its page of results (`counts.search_page`) comes first,
        and only the results not kept are prefetched and serialized.
        """
        queryset = self.filter_queryset(self.check_listing_queryset())
        if not fragments.enabled():
            page = self.paginate_queryset(queryset)
            return self.get_paginated_response(self.get_serializer(page, many=True).data)
        started_at = None
        if isinstance(queryset, QuerySet):
            ids = list(self.paginator.paginate_queryset(queryset.values_list("pk", flat=True), request, view=self))
            model_of = dict.fromkeys(ids, queryset.model)

            def load(missing):
                return serialized(self.paginate_prefetched(queryset.filter(pk__in=missing).order_by()))

        else:
            # The counter before the search reads its results: a change landing after it leaves no item kept.
            started_at = store.clock()
            results = counts.search_page(self.paginator.paginate_queryset(queryset, request, self))
            found = {item.pk: item for item in results}
            ids, model_of = list(found), {pk: type(item) for pk, item in found.items()}

            def load(missing):
                results = [found[pk] for pk in missing]
                self.prefetch_results(results)
                return serialized(results)

        serializers = []

        def serialized(pages):
            """The pages to show, with their serializer and (one query for all of them) their translations."""
            serializers.append(self.get_serializer(pages, many=True))
            if "translations" in serializers[0].child.fields:
                serializers[0].context["_translations"] = PageTranslationsField.load(pages)
            return pages

        def show(page):
            # `meta.translations` (loaded with the pages): a new translation bumps this tag, not the page's own.
            tags.add(tags.translations_tag(page.translation_key))
            return serializers[0].child.to_representation(page)

        keys = {pk: self.item_key(request, model_of[pk], pk) for pk in ids}
        items = fragments.kept_many(keys, load, show, started_at=started_at)
        return self.get_paginated_response([items[pk] for pk in ids if pk in items])

    def check_listing_queryset(self):
        queryset = self.get_queryset()
        self.check_query_parameters(queryset)
        return queryset

    # The parameters that change how a page is shown (its fields, rich text, `meta.fallback`); the others (filters,
    # order, search, pages of the listing) only choose which pages are listed.
    ITEM_PARAMETERS = ("fields", "locale", "fallback", "rich_text_format", "format")

    @classmethod
    def item_key(cls, request, model, pk):
        """What a listed page's representation depends on besides the page: the address it was asked at, the
        language, and the parameters that change how it is shown."""
        parameters = [(name, request.GET.get(name)) for name in cls.ITEM_PARAMETERS if name in request.GET]
        return fragments.key(
            "api-v2-page", model._meta.label_lower, request.get_host(), request.scheme, get_language(), parameters, pk
        )

    def check_query_parameters(self, queryset):
        # Wagtail's check, knowing also our filters' parameters for the page types they apply to.
        model = queryset.model
        allowed = set(self.get_available_fields(model, db_fields_only=True)) | self.known_query_parameters
        allowed |= {
            backend.parameter
            for backend in self.filter_backends
            if issubclass(backend, ParameterFilter) and backend.applies_to(model)
        }
        unknown = set(self.request.GET) - allowed
        if unknown:
            raise BadRequestError(
                "query parameter is not an operation or a recognised field: " + ", ".join(sorted(unknown))
            )

    def get_base_queryset(self):
        # Wagtail builds it (a query for view restrictions, one for the site) each time a filter, the serializer
        # context or the queryset asks; once per request is enough.
        if not hasattr(self, "_base_queryset"):
            self._base_queryset = super().get_base_queryset()
        return self._base_queryset.all()

    def get_queryset(self):
        queryset = super().get_queryset()
        if self.action == "listing_view":
            queryset = queryset.defer_streamfields()
        return queryset

    def get_fallback_locale(self):
        """The Locale named by ?fallback= (which needs ?locale=), or None; an unknown language is a 400."""
        if "fallback" not in self.request.GET:
            return None
        if "locale" not in self.request.GET:
            raise BadRequestError("fallback needs a locale, such as ?locale=fr&fallback=en")
        try:
            return Locale.objects.get(language_code=self.request.GET["fallback"])
        except Locale.DoesNotExist as e:
            raise BadRequestError(f"fallback must be one of the site's languages: {language_list()}") from e

    def find_object(self, queryset, request):
        """`html_path` as the site serves it: under a language prefix (/fr/stories/...), routed from that
        language's home page. A path without a prefix is read in the default language."""
        if "html_path" not in request.GET:
            return super().find_object(queryset, request)
        site = Site.find_for_request(request)
        if site is None:
            return None
        path = "/" + request.GET["html_path"].lstrip("/")
        language = get_language_from_path(path) or settings.LANGUAGE_CODE
        components = [component for component in path.split("/") if component]
        if components and components[0] == language:
            components = components[1:]
        try:
            root = site.root_page.get_translation(Locale.objects.get_for_language(language))
        except (Locale.DoesNotExist, Page.DoesNotExist, LookupError):
            return None
        try:
            page, _args, _kwargs = root.specific.route(request, components)
        except Http404:
            return None
        return page if queryset.filter(id=page.id).exists() else None


def language_list():
    return ", ".join(code for code, _name in settings.LANGUAGES)


class SnippetsAPIViewSet(PublicReadMixin, BaseAPIViewSet):
    """A translatable snippet model, listed in full, filterable by ?locale= and by its fields."""

    filter_backends = [FieldsFilter, OrderingFilter, LocaleFilter, SearchFilter]
    known_query_parameters = BaseAPIViewSet.known_query_parameters.union(["locale"])
    meta_fields = [*BaseAPIViewSet.meta_fields, "locale"]

    @classmethod
    def get_listing_default_fields(cls, model):
        return [*cls.listing_default_fields, "locale", *[field.name for field in model.api_fields]]

    def get_queryset(self):
        return self.model.objects.select_related("locale").order_by("id")

    def get_prefetches(self, model, field_names):
        return api_prefetches(model, list(dict.fromkeys([*field_names, *snippet_fields(model)])))

    def get_fallback_locale(self):
        return None


class SnippetSerializer(PublicSerializer):
    locale = CharField(read_only=True, source="locale.language_code")


SnippetsAPIViewSet.base_serializer_class = SnippetSerializer


def snippet_viewset(model, name):
    return type(f"{model.__name__}APIViewSet", (SnippetsAPIViewSet,), {"model": model, "name": name})


class ImagesAPIViewSet(PublicReadMixin, WagtailImagesAPIViewSet):
    base_serializer_class = type(
        "ImageSerializer",
        (WagtailImagesAPIViewSet.base_serializer_class,),
        {"tags": PrefetchedTagsField(read_only=True)},
    )


class DocumentsAPIViewSet(PublicReadMixin, WagtailDocumentsAPIViewSet):
    base_serializer_class = type(
        "DocumentSerializer",
        (WagtailDocumentsAPIViewSet.base_serializer_class,),
        {"tags": PrefetchedTagsField(read_only=True)},
    )


SNIPPET_ENDPOINTS = {
    "cities": City,
    "member-associations": MemberAssociation,
    "focus-areas": FocusArea,
    "partner-organisations": PartnerOrganisation,
    "calls-to-action": CallToAction,
}

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
for endpoint_name, snippet_model in SNIPPET_ENDPOINTS.items():
    api_router.register_endpoint(endpoint_name, snippet_viewset(snippet_model, endpoint_name))
