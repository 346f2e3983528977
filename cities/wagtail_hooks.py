from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import City, MemberAssociation


class CityViewSet(SnippetViewSet):
    model = City
    icon = "site"
    list_display = ["name", "region", "country"]
    list_filter = ["country"]
    search_fields = ["name"]


class MemberAssociationViewSet(SnippetViewSet):
    model = MemberAssociation
    icon = "group"
    list_display = ["name", "city", "website"]
    list_filter = ["city__country"]
    search_fields = ["name"]


class NetworkGroup(SnippetViewSetGroup):
    menu_label = _("Network")
    menu_icon = "site"
    menu_order = 290
    items = (CityViewSet, MemberAssociationViewSet)


register_snippet(NetworkGroup)
