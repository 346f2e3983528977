"""Our additions to Wagtail's API v3 (Django Ninja): read-only endpoints for the shared snippets.

Wagtail's v3 API has pages, sites and schemas; external front ends also need the snippets pages refer to. Each
snippet model gets `GET /api/v3/snippets/<name>/` (paginated, `?locale=`) and `GET /api/v3/snippets/<name>/<id>/`,
with a schema generated from its `api_fields` by Wagtail's own read generator, so the OpenAPI document types it.
They are public like page reads (a session never changes the answer); there are no write routes.
"""

from django.apps import apps
from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import Resolver404, resolve
from ninja import Path, Query, Router, Schema
from ninja.operation import PathView
from ninja.pagination import paginate
from pydantic import Field
from wagtail.api.v3.auth import AllowAnonymous, BearerTokenAuth
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination
from wagtail.api.v3.schemas import BaseSchema
from wagtail.api.v3.schemas.generators.read import read_generator
from wagtail.api.v3.schemas.pages import BASE_PAGE_READ_FIELDS
from wagtail.api.v3.schemas.params import locale_filter_q
from wagtail.api.validators import APIFieldValidator
from wagtail.models import Page
from wagtail.search.backends.base import BaseSearchResults

from ..cache import counts
from .v2 import SNIPPET_ENDPOINTS, api_prefetches, snippet_fields

MAX_ID = 2**31 - 1


def _items_count(self, queryset):
    """The total of a listing: search results counted by the database, like a queryset, and both kept in the cache
    until something changes (`cms.cache.counts`).

    Ninja counts anything that is not a QuerySet with `len()`, which for search results loads every match (3,500
    pages for a common word at 10,000 stories, 170 ms) to answer a page of 20. Wagtail's v3 page routes use this
    pagination class, so the count is mended on it.
    """
    if isinstance(queryset, BaseSearchResults | QuerySet):
        return counts.count(queryset)
    return _ninja_items_count(self, queryset)


_ninja_items_count = WagtailLimitOffsetPagination._items_count
WagtailLimitOffsetPagination._items_count = _items_count

router = Router(tags=["snippets"])


class SnippetSchema(BaseSchema):
    id: int
    locale: str

    @staticmethod
    def resolve_locale(obj) -> str:
        return obj.locale.language_code


class SnippetFilterSchema(Schema):
    locale: str | None = Field(None, max_length=20, pattern=r"^[-\w]+$")


def add_snippet_routes(name, model):
    schema = read_generator.generate_schema(model, base_class=SnippetSchema)
    label = model._meta.verbose_name_plural

    @router.get(
        f"/{name}/",
        response=list[schema],
        url_name=f"list_{name}",
        summary=f"List {label}",
        operation_id=f"snippets_{name.replace('-', '_')}_list",
        auth=[BearerTokenAuth(), AllowAnonymous()],
    )
    @paginate(WagtailLimitOffsetPagination)
    def list_snippets(request: HttpRequest, filters: SnippetFilterSchema = Query(...), **kwargs):  # noqa: B008
        queryset = model.objects.select_related("locale").order_by("pk")
        queryset = queryset.prefetch_related(*api_prefetches(model, snippet_fields(model)))
        if filters.locale:
            queryset = queryset.filter(locale_filter_q(filters.locale))
        return queryset

    @router.get(
        f"/{name}/{{snippet_id}}/",
        response=schema,
        url_name=f"detail_{name}",
        summary=f"{model._meta.verbose_name.capitalize()} detail",
        operation_id=f"snippets_{name.replace('-', '_')}_detail",
        auth=[BearerTokenAuth(), AllowAnonymous()],
    )
    def get_snippet(request: HttpRequest, snippet_id: int = Path(..., ge=1, le=MAX_ID)):  # noqa: B008
        return get_object_or_404(model.objects.select_related("locale"), pk=snippet_id)


for endpoint_name, snippet_model in SNIPPET_ENDPOINTS.items():
    add_snippet_routes(endpoint_name, snippet_model)


# Listings that also filter by any of their model's API fields (?date=2026-04-18), and the fields always allowed.
FIELD_FILTER_VIEWS = {"list_pages", "list_snippets"}


def unknown_query_parameters(request):
    """The query parameters of a v3 GET that its operation neither declares nor (listings) filters fields by.

    Wagtail's v3 API ignores parameters it does not know, so a mistyped filter silently returns everything; the
    API middleware refuses them instead, as API v2 does. The operation's parameters are read from Ninja's own
    description of it (the schemas of its query parameters).
    """
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return set()
    path_view = next(
        (cell.cell_contents for cell in match.func.__closure__ or () if isinstance(cell.cell_contents, PathView)), None
    )
    operation = path_view and next((op for op in path_view.operations if request.method in op.methods), None)
    if operation is None:
        return set()
    allowed = {"locale"}  # the language of the answer (see cms.middleware), on every endpoint
    for model in operation.models:
        if getattr(model, "__ninja_param_source__", None) != "query":
            continue
        for name, field in model.model_fields.items():
            nested = getattr(field.annotation, "model_fields", None)
            allowed.update(nested or [field.alias or name])
    candidates = set(request.GET) - allowed
    if candidates and operation.view_func.__name__ in FIELD_FILTER_VIEWS:
        candidates -= set(field_filters(request, match, candidates))
    return candidates


def field_filters(request, match, names):
    """Which of `names` the listing's model accepts as field filters (as Wagtail's APIFieldFilterSchema does)."""
    try:
        if "type" in match.kwargs:  # /snippets/<app.Model>/; an unknown type is the view's own 404
            model, base_fields = apps.get_model(match.kwargs["type"]), []
        else:
            types = request.GET.get("type", "").split(",")
            model = apps.get_model(types[0]) if len(types) == 1 and types[0] else Page
            base_fields = BASE_PAGE_READ_FIELDS
    except (LookupError, ValueError):
        return []
    validator = APIFieldValidator(
        model=model, fields=set(names), base_fields=base_fields, db_fields_only=True, skip_invalid=True
    )
    return validator.fields
