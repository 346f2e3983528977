"""Types for stream fields in API v3, generated from the block definitions.

Wagtail types a StreamField as an array of anything. Here each stream block becomes a discriminated union: one
item type per child block, `{"type": "<name>", "value": <the block's API representation>, "id": "<uuid>"}`,
told apart by `type`. A block whose `get_api_representation` differs from its stored value declares what it
returns in `api_representation_type` (see `home/blocks.py`); struct, list, stream, choice and plain field
blocks are typed from their definition.
"""

import datetime
import decimal
from typing import Annotated, Any, Literal, Union

from pydantic import Field
from typing_extensions import TypedDict
from wagtail import blocks
from wagtail.fields import StreamField

_types = {}


def _type_name(block, fallback):
    name = type(block).__name__
    if name in {"StructBlock", "StreamBlock"} and fallback:
        return fallback
    return name


def block_api_type(block, name_hint=""):
    """The Python type of `block.get_api_representation(value)`, for pydantic (and so for OpenAPI)."""
    declared = getattr(block, "api_representation_type", None)
    if declared is not None:
        return declared
    if isinstance(block, blocks.StreamBlock):
        return list[stream_item_type(block, name_hint)]
    if isinstance(block, blocks.StructBlock):
        name = _type_name(block, name_hint)
        if name not in _types:
            fields = {
                child_name: block_api_type(child, f"{name}{child_name.title().replace('_', '')}")
                for child_name, child in block.child_blocks.items()
            }
            _types[name] = TypedDict(name, fields)
        return _types[name]
    if isinstance(block, blocks.ListBlock):
        return list[block_api_type(block.child_block, f"{name_hint}Item")]
    if isinstance(block, blocks.ChoiceBlock):
        values = tuple(str(value) for value, _label in block.field.choices if value != "")
        if not block.required:
            values += ("",)
        return Literal[values] if values else str
    if isinstance(block, blocks.BooleanBlock):
        return bool
    if isinstance(block, blocks.IntegerBlock):
        return int
    if isinstance(block, (blocks.FloatBlock, blocks.DecimalBlock)):
        return float | decimal.Decimal
    if isinstance(block, blocks.DateBlock):
        return datetime.date | None
    if isinstance(block, blocks.ChooserBlock):
        # A chooser's API representation is the chosen object's id.
        return int | None
    if isinstance(block, blocks.FieldBlock):
        return str
    return Any


def stream_item_type(stream_block, name_hint=""):
    """The discriminated union of a stream block's items."""
    stream_name = _type_name(stream_block, name_hint)
    key = f"{stream_name}Item"
    if key not in _types:
        members = []
        for child_name, child in stream_block.child_blocks.items():
            item_name = f"{stream_name}{child_name.title().replace('_', '')}Item"
            value_type = block_api_type(child, f"{stream_name}{child_name.title().replace('_', '')}")
            members.append(TypedDict(item_name, {"type": Literal[child_name], "value": value_type, "id": str | None}))
        if len(members) == 1:
            _types[key] = members[0]
        else:
            _types[key] = Annotated[Union[tuple(members)], Field(discriminator="type")]  # noqa: UP007
    return _types[key]


def streamfield_schema(generator, field: StreamField):
    """A `SchemaGenerator.register_field_schema` function: a typed list for the field's stream block."""
    field_name = field.name

    def resolve(obj, context):
        value = getattr(obj, field_name)
        return value.stream_block.get_api_representation(value, context)

    return list[stream_item_type(field.stream_block)], [], staticmethod(resolve)
