"""The one stream block every body in the site is built from, and its parts.

Feature apps import these blocks; they never copy them. Each block has a template in
`home/templates/blocks/` and an API representation that a front end can render without further requests.
"""

from django.db.models import Prefetch, prefetch_related_objects
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds import embeds
from wagtail.embeds.blocks import EmbedBlock
from wagtail.embeds.exceptions import EmbedException
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageBlock
from wagtail.models import Page
from wagtail.snippets.blocks import SnippetChooserBlock

from .api_types import CallToActionRepresentation, CaptionedImageRepresentation, FeaturedPagesRepresentation
from .rendition_specs import BODY_IMAGE_RENDITIONS, RENDITIONS, image_api_representation
from .rich_text import safe_url, without_unsafe_links

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]


def live_pages_in_order(page_ids):
    """The live, public, specific pages for `page_ids`, fetched in bulk, in the editor's order.

    Pages deleted or unpublished since the editor chose them are dropped rather than shown as broken links.
    """
    page_ids = [page_id for page_id in page_ids if page_id]
    if not page_ids:
        return []
    found = Page.objects.filter(id__in=page_ids).live().public().specific().in_bulk()
    return [found[page_id] for page_id in page_ids if page_id in found]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=255)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Section heading")), ("h3", _("Sub-heading"))],
        default="h2",
        label=_("Level"),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading_block.html"


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    def to_python(self, value):
        # The editor refuses javascript: links; a translator's override of a link (wagtail-localize) does not.
        return super().to_python(without_unsafe_links(value))

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        template = "blocks/paragraph_block.html"


# What an image block shows: its template's rendition and the API's; fetched for every image of a stream in one
# query. Both must be there: Wagtail takes prefetched renditions as complete, and would make any missing one again.
BLOCK_IMAGE_RENDITIONS = (*BODY_IMAGE_RENDITIONS, *RENDITIONS.values())


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(
        label=_("Caption"),
        required=False,
        max_length=255,
        help_text=_("Shown under the image. Credit the photographer here if needed."),
    )

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/captioned_image_block.html"

    def bulk_to_python(self, values):
        # A stream converts all its image blocks together: their images come in one query (ImageBlock) and their
        # renditions in one more here, so `{% image %}` in the template makes none, however many images there are.
        struct_values = super().bulk_to_python(values)
        images = [value["image"] for value in struct_values if value["image"] is not None]
        if images:
            rendition_model = get_image_model().get_rendition_model()
            prefetch_related_objects(
                images,
                Prefetch(
                    "renditions",
                    queryset=rendition_model.objects.filter(filter_spec__in=BLOCK_IMAGE_RENDITIONS),
                    to_attr="prefetched_renditions",
                ),
            )
        return struct_values

    # What get_api_representation returns, for the typed API v3 schema of every stream field.
    api_representation_type = CaptionedImageRepresentation

    def get_api_representation(self, value, context=None):
        image = value["image"]
        return {
            "image": image_api_representation(image, alt_text=image.contextual_alt_text if image else ""),
            "decorative": bool(image and image.decorative),
            "caption": value["caption"],
        }


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=255)
    role = blocks.CharBlock(
        label=_("Role"),
        required=False,
        max_length=255,
        help_text=_("For example: Mayor of Mataró, or Board member."),
    )

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote_block.html"


class VideoEmbedBlock(EmbedBlock):
    class Meta:
        icon = "media"
        label = _("Embed")
        help_text = _("Paste the address of a video or post, for example from YouTube or Vimeo.")
        template = "blocks/embed_block.html"

    # The API gives the address; a front end embeds it with its own oEmbed client.
    api_representation_type = str

    def get_api_representation(self, value, context=None):
        return safe_url(value.url) if value else ""

    def get_context(self, value, parent_context=None):
        """`embed_html`: the provider's player, or "" when there is none, so the template links to the address."""
        context = super().get_context(value, parent_context=parent_context)
        context["embed_html"] = ""
        context["safe_url"] = safe_url(value.url) if value else ""
        if value and value.url:
            try:
                embed = embeds.get_embed(value.url, value.max_width, value.max_height)
            except EmbedException:
                embed = None
            if embed is not None and embed.html.strip():
                context["embed_html"] = render_to_string("wagtailembeds/embed_frontend.html", {"embed": embed})
        return context


class CallToActionBlock(SnippetChooserBlock):
    def __init__(self, **kwargs):
        super().__init__("home.CallToAction", **kwargs)

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "blocks/call_to_action_block.html"

    api_representation_type = CallToActionRepresentation | None

    def get_api_representation(self, value, context=None):
        if value is None:
            return None
        return value.get_api_representation()


class FeaturedPagesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=255)
    pages = blocks.ListBlock(blocks.PageChooserBlock(label=_("Page")), label=_("Pages"), min_num=1)

    class Meta:
        icon = "doc-full"
        label = _("Featured pages")
        template = "blocks/featured_pages_block.html"

    api_representation_type = FeaturedPagesRepresentation

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["featured_pages"] = live_pages_in_order([page.pk for page in value["pages"] if page])
        return context

    def get_api_representation(self, value, context=None):
        return {
            "heading": value["heading"],
            "pages": [
                page_link_representation(page)
                for page in live_pages_in_order([page.pk for page in value["pages"] if page])
            ],
        }


def page_link_representation(page):
    return {
        "id": page.pk,
        "title": page.title,
        "type": page.specific_class._meta.label,
        "locale": page.locale.language_code if page.locale_id else None,
        "url": page.full_url,
    }


class FactBlock(blocks.StructBlock):
    figure = blocks.CharBlock(
        label=_("Figure"), max_length=40, help_text=_("The number or short fact, for example 1956 or 60+.")
    )
    label = blocks.CharBlock(label=_("Label"), max_length=120)


class FactsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=255)
    facts = blocks.ListBlock(FactBlock(label=_("Fact")), label=_("Facts"), min_num=1, max_num=8)

    class Meta:
        icon = "list-ul"
        label = _("Facts and figures")
        template = "blocks/facts_block.html"


class BaseStreamBlock(blocks.StreamBlock):
    """The body of every page: stories, partnerships and campaigns are all written with these blocks."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    embed = VideoEmbedBlock()
    call_to_action = CallToActionBlock()
    featured_pages = FeaturedPagesBlock()
    facts = FactsBlock()

    class Meta:
        block_counts = {}

    def get_searchable_content(self, value):
        # The PostgreSQL search backend asks for a body's text once per index column (five times); a bulk indexer
        # (generate_content) works it out once and leaves it on the value it indexes.
        precomputed = getattr(value, "precomputed_searchable_content", None)
        if precomputed is not None:
            return precomputed
        return super().get_searchable_content(value)
