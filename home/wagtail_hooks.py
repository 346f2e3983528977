from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import TranslatableMixin
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .link_handlers import PublicDocumentLinkHandler, PublicPageLinkHandler
from .models import CallToAction, FocusArea, PartnerOrganisation
from .permissions import LocalePermissionPolicy, user_can_edit_locale


@hooks.register("register_rich_text_features", order=100)
def register_public_link_handlers(features):
    # After Wagtail's own (order 0), which these replace: links to hidden pages and documents lose their address.
    features.register_link_type(PublicPageLinkHandler)
    features.register_link_type(PublicDocumentLinkHandler)


# Edit and delete also depend on the snippet's locale: translators work in their own language only.
for _model in (FocusArea, PartnerOrganisation, CallToAction):
    register_permission_policy(_model, LocalePermissionPolicy(_model))


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


@hooks.register("before_edit_snippet")
@hooks.register("before_delete_snippet")
def check_snippet_locale(request, instance):
    """Wagtail's snippet views check the model permission only; a translator may change their language alone."""
    instances = instance if isinstance(instance, list | tuple) else [instance]
    for obj in instances:
        if isinstance(obj, TranslatableMixin) and not user_can_edit_locale(request.user, obj.locale_id):
            raise PermissionDenied
