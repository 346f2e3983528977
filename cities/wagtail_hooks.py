from django.utils.translation import gettext_lazy as _
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home.permissions import LocalePermissionPolicy

from .models import City, MemberAssociation

# Edit and delete also depend on the snippet's locale: translators work in their own language only.
for _model in (City, MemberAssociation):
    register_permission_policy(_model, LocalePermissionPolicy(_model))


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
