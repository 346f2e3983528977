"""The shapes the APIs give shared values, as typed dictionaries.

API v2 returns them as JSON; API v3 reads them from serializers' and blocks' type annotations to type the OpenAPI
document, so a front end's code generator gets real types rather than "any".
"""

from typing import Literal

from typing_extensions import TypedDict

__all__ = [
    "CallToActionRepresentation",
    "CaptionedImageRepresentation",
    "CityRepresentation",
    "CountryRepresentation",
    "FeaturedPagesRepresentation",
    "FocusAreaRepresentation",
    "ImageRepresentation",
    "MemberAssociationRepresentation",
    "PageLinkRepresentation",
    "PartnerOrganisationRepresentation",
    "RenditionRepresentation",
    "RenditionsRepresentation",
]


class RenditionRepresentation(TypedDict):
    url: str
    width: int
    height: int


class RenditionsRepresentation(TypedDict):
    """One rendition per name in `rendition_specs.RENDITIONS` (a test keeps the two in step)."""

    thumbnail: RenditionRepresentation
    medium: RenditionRepresentation
    large: RenditionRepresentation
    hero: RenditionRepresentation


class ImageRepresentation(TypedDict):
    id: int
    title: str
    alt: str
    width: int
    height: int
    renditions: RenditionsRepresentation


class CountryRepresentation(TypedDict):
    code: str
    name: str
    flag: str


class PageLinkRepresentation(TypedDict):
    id: int
    title: str
    type: str
    locale: str | None
    url: str | None


class FocusAreaRepresentation(TypedDict):
    id: int
    name: str
    slug: str
    description: str


class PartnerOrganisationRepresentation(TypedDict):
    id: int
    name: str
    website: str
    logo: ImageRepresentation | None
    country: CountryRepresentation | None


class CallToActionRepresentation(TypedDict):
    id: int
    label: str
    kind: Literal["take_action", "donate", "other"]
    description: str
    url: str


class CityRepresentation(TypedDict):
    id: int
    name: str
    region: str
    country: CountryRepresentation | None
    latitude: float | None
    longitude: float | None


class MemberAssociationRepresentation(TypedDict):
    id: int
    name: str
    city: CityRepresentation | None
    website: str


class CaptionedImageRepresentation(TypedDict):
    image: ImageRepresentation | None
    decorative: bool
    caption: str


class FeaturedPagesRepresentation(TypedDict):
    heading: str
    pages: list[PageLinkRepresentation]
