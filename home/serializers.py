"""API serializers for the field types every content app shares: countries, images, page links and snippets.

Models use them through `APIField(name, serializer=...)`, so the API's shape stays declared on the model. API v2
calls them directly; API v3 (Wagtail's Ninja API) reuses v2 serializers and types each one from the return
annotation of its `to_representation`, which is why every representation here is a `TypedDict`: the OpenAPI
document then describes exactly what the field holds.

Related objects are read through the model's relations; the API views prefetch them (and image renditions) in
bulk, so nothing here queries per item once a listing has been prefetched.
"""

import copy
import decimal
from functools import cache

from rest_framework.fields import Field

from .api_types import (
    CallToActionRepresentation,
    CountryRepresentation,
    ImageRepresentation,
    PageLinkRepresentation,
)
from .blocks import live_pages_in_order, page_link_representation
from .localization import localize
from .query import is_hidden
from .rendition_specs import image_api_representation
from .rich_text import safe_url


def country_representation(country) -> CountryRepresentation | None:
    """A country as its ISO code, its name in the active language (the API's requested locale) and its flag."""
    if not country:
        return None
    return {"code": country.code, "name": str(country.name), "flag": country.unicode_flag}


class CountrySerializer(Field):
    """A django-countries `CountryField` as `{code, name, flag}`, the name in the requested locale's language."""

    def to_representation(self, value) -> CountryRepresentation | None:
        return country_representation(value)


def call_to_action_url(call_to_action):
    """Where a call to action goes, absolute: its page in the call to action's own language (else the page as
    chosen), or its web address. No query when the page is in that language already.

    A page a visitor may not see (a draft, scheduled, restricted) gives "": its address is not revealed; so does an
    address that would run a script (see `rich_text.safe_url`)."""
    if call_to_action.link_page_id:
        page = call_to_action.link_page and localize(call_to_action.link_page, locale=call_to_action.locale_id)
        return "" if is_hidden(page) else page.full_url
    return safe_url(call_to_action.link_url)


class CallToActionURLSerializer(Field):
    """A call to action's `url` (see `call_to_action_url`)."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, value) -> str:
        return call_to_action_url(value)


class FloatSerializer(Field):
    """A decimal (such as a coordinate) as a JSON number, the same in API v2 and v3."""

    def to_representation(self, value) -> float | None:
        return float(value) if value is not None else None


class ImageSerializer(Field):
    """An image as alt text, original size and a URL per named rendition (see `rendition_specs`)."""

    def to_representation(self, value) -> ImageRepresentation | None:
        return image_api_representation(value)


class PageLinkSerializer(Field):
    """A chosen page as `{id, title, type, locale, url}`; a page since unpublished or restricted comes out as null."""

    def to_representation(self, value) -> PageLinkRepresentation | None:
        if is_hidden(value):
            return None
        return page_link_representation(value)


class PageLinksSerializer(Field):
    """Chosen pages (a many-to-many relation) as a list of page links, live public ones only, in their stored order."""

    def to_representation(self, value) -> list[PageLinkRepresentation]:
        return [page_link_representation(page) for page in value.all() if not is_hidden(page)]


class PageChooserStreamSerializer(Field):
    """A stream of page choosers (such as the home page's featured content) as page links, in the editor's order."""

    def to_representation(self, value) -> list[PageLinkRepresentation]:
        pages = live_pages_in_order([child.value.pk for child in value if child.value is not None])
        return [page_link_representation(page) for page in pages]


@cache
def _bound_api_serializers(model):
    """The model's API serializers, copied and bound once (DRF fields keep their binding state)."""
    bound = {}
    for api_field in model.api_fields:
        if api_field.serializer is not None:
            serializer = copy.deepcopy(api_field.serializer)
            serializer.bind(field_name=api_field.name, parent=None)
            bound[api_field.name] = serializer
    return bound


def snippet_representation(obj):
    """A snippet in full, from its model's `api_fields` (or its own `get_api_representation`), with its id."""
    if obj is None:
        return None
    if hasattr(obj, "get_api_representation"):
        return obj.get_api_representation()
    serializers = _bound_api_serializers(type(obj))
    data = {"id": obj.pk}
    for api_field in obj.api_fields:
        serializer = serializers.get(api_field.name)
        if serializer is not None:
            value = serializer.get_attribute(obj)
            data[api_field.name] = None if value is None else serializer.to_representation(value)
        else:
            value = getattr(obj, api_field.name)
            data[api_field.name] = float(value) if isinstance(value, decimal.Decimal) else value
    return data


def snippet_serializer(representation, many=False):
    """A serializer for a snippet relation (a foreign key, or many-to-many with `many=True`), typed for API v3."""
    if many:

        def to_representation(self, value) -> list[representation]:
            return [snippet_representation(obj) for obj in value.all()]

    else:

        def to_representation(self, value) -> representation | None:
            return snippet_representation(value)

    name = f"{representation.__name__.removesuffix('Representation')}{'List' if many else ''}Serializer"
    return type(name, (Field,), {"to_representation": to_representation, "__doc__": f"{name} for the API."})


class CallToActionLinksSerializer(Field):
    """An inline panel of orderable links to calls to action (the site-wide ones), as the calls to action."""

    def to_representation(self, value) -> list[CallToActionRepresentation]:
        return [snippet_representation(link.call_to_action) for link in value.all()]
