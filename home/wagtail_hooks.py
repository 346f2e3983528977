from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import CallToAction, FocusArea, PartnerOrganisation


class FocusAreaViewSet(SnippetViewSet):
    model = FocusArea
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class PartnerOrganisationViewSet(SnippetViewSet):
    model = PartnerOrganisation
    icon = "group"
    list_display = ["name", "country", "website"]
    list_filter = ["country"]
    search_fields = ["name"]


class CallToActionViewSet(SnippetViewSet):
    model = CallToAction
    icon = "pick"
    list_display = ["label", "kind", "url"]
    list_filter = ["kind"]
    search_fields = ["label"]


class SharedContentGroup(SnippetViewSetGroup):
    menu_label = _("Shared content")
    menu_icon = "folder-open-inverse"
    menu_order = 300
    items = (FocusAreaViewSet, PartnerOrganisationViewSet, CallToActionViewSet)


register_snippet(SharedContentGroup)
