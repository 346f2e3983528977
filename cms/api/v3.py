"""Our additions to Wagtail's API v3 (Django Ninja): read-only endpoints for the shared snippets.

Wagtail's v3 API has pages, sites and schemas; external front ends also need the snippets pages refer to. Each
snippet model gets `GET /api/v3/snippets/<name>/` (paginated, `?locale=`) and `GET /api/v3/snippets/<name>/<id>/`,
with a schema generated from its `api_fields` by Wagtail's own read generator, so the OpenAPI document types it.
They are public like page reads (a session never changes the answer); there are no write routes.
"""

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Path, Query, Router, Schema
from ninja.pagination import paginate
from pydantic import Field
from wagtail.api.v3.auth import AllowAnonymous, BearerTokenAuth
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination
from wagtail.api.v3.schemas import BaseSchema
from wagtail.api.v3.schemas.generators.read import read_generator
from wagtail.api.v3.schemas.params import locale_filter_q

from .v2 import SNIPPET_ENDPOINTS, api_prefetches, snippet_fields

MAX_ID = 2**31 - 1

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
