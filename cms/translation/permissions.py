"""wagtail-localize's own views, held to the same rules as Wagtail's editor.

wagtail-localize checks that a user may edit a snippet *type* and may submit translations; it does not know that
a Spanish translator must not touch the French translation or the English source. This middleware checks, before
any wagtail-localize view runs, that the user may edit the object the view acts on (and, when submitting, every
language chosen), answering 403 otherwise.
"""

from django.apps import apps
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import HttpResponseBadRequest
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page
from wagtail.permissions import policy_registry
from wagtail_localize.models import Translation, TranslationSource

from home.permissions import user_can_edit_locale

# Views that act on one translation (the target object is what the user changes).
TRANSLATION_VIEWS = {
    "edit_string_translation",
    "edit_override",
    "download_pofile",
    "upload_pofile",
    "machine_translate",
    "preview_translation",
    "stop_translation",
}


def user_can_edit(user, instance):
    """Page permissions for pages; for snippets the model permission and the snippet's locale."""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_edit()
    return policy_registry.get_by_type(type(instance)).user_has_permission_for_instance(user, "change", instance)


class TranslationPermissionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or "wagtail_localize" not in match.namespaces or not request.user.is_authenticated:
            return None
        instance = self.instance_for(match.url_name, view_kwargs)
        if instance is None:
            return None  # the view itself answers 404 for a missing object
        if not user_can_edit(request.user, instance):
            raise PermissionDenied
        if request.method == "POST" and match.url_name == "upload_pofile" and "file" not in request.FILES:
            # wagtail-localize would fail with a KeyError (a 500); say what is missing instead.
            return HttpResponseBadRequest(_("Choose a PO file to upload."))
        if request.method == "POST" and match.url_name.startswith("submit_"):
            locale_ids = [value for value in request.POST.getlist("locales") if value.isdigit()]
            for locale in Locale.objects.filter(pk__in=locale_ids):
                if not user_can_edit_locale(request.user, locale.pk):
                    raise PermissionDenied
        return None

    def instance_for(self, url_name, kwargs):
        try:
            if url_name in TRANSLATION_VIEWS:
                translation = Translation.objects.select_related("source").get(pk=kwargs["translation_id"])
                return translation.get_target_instance()
            if url_name == "update_translations":
                return TranslationSource.objects.get(pk=kwargs["translation_source_id"]).get_source_instance()
            if url_name == "submit_page_translation":
                return Page.objects.get(pk=kwargs["page_id"]).specific
            if url_name == "submit_snippet_translation":
                model = apps.get_model(kwargs["app_label"], kwargs["model_name"])
                return model._default_manager.get(pk=kwargs["pk"])
        except (LookupError, ValueError, ObjectDoesNotExist):
            return None  # an unknown model or object: the view itself answers 404
        return None
