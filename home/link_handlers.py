"""Rich-text links that reveal nothing a visitor may not see (registered in `wagtail_hooks`).

Wagtail's own handlers turn `<a linktype="page" id="12">` into a link to page 12 whatever its state, so a link to
a draft, a scheduled or a restricted page puts that page's address (its slug, often its title) in a public page and
in the API's rich text; a link to a document in a private collection does the same with its file name. Here such
links keep their text and lose their address (`<a>`, as Wagtail does for a deleted page), in the same one query.
"""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.documents import get_document_model
from wagtail.documents.rich_text import DocumentLinkHandler
from wagtail.models import CollectionViewRestriction, Page
from wagtail.rich_text.pages import PageLinkHandler

from .query import page_queryset


class PublicPageLinkHandler(PageLinkHandler):
    """Links to live pages that no view restriction covers; others render as `<a>`."""

    @classmethod
    def get_many(cls, attrs_list):
        ids = [attrs.get("id") for attrs in attrs_list]
        pages = page_queryset(Page).filter(id__in=ids).live().public().defer_streamfields().specific()
        by_id = {str(page.id): page for page in pages}
        return [by_id.get(str(page_id)) for page_id in ids]


def private_collection_q():
    """Documents in a collection with a view restriction, or under one (a restricted collection's path prefixes)."""
    restricted = CollectionViewRestriction.objects.filter(
        collection__path=Substr(OuterRef("collection__path"), 1, Length("collection__path"))
    )
    return Exists(restricted)


class PublicDocumentLinkHandler(DocumentLinkHandler):
    """Links to documents outside private collections; others render as `<a>`."""

    @classmethod
    def get_many(cls, attrs_list):
        ids = [attrs.get("id") for attrs in attrs_list]
        documents = get_document_model().objects.filter(id__in=ids).exclude(private_collection_q())
        by_id = {str(document.id): document for document in documents}
        return [by_id.get(str(document_id)) for document_id in ids]
