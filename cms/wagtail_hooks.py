from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .cache import wagtail_hooks as cache_hooks  # noqa: F401 (the response cache's before_serve_page hook)
from .webhooks.models import WebhookAttempt, WebhookDelivery
from .webhooks.views import LogPermissionPolicy, WebhooksViewSetGroup

register_permission_policy(WebhookDelivery, LogPermissionPolicy(WebhookDelivery))
register_permission_policy(WebhookAttempt, LogPermissionPolicy(WebhookAttempt))


@hooks.register("register_admin_viewset")
def register_webhooks_viewsets():
    return WebhooksViewSetGroup()


# Translation tooling (cms/translation): the status report in the Reports menu.
@hooks.register("register_admin_urls")
def register_translation_urls():
    from django.urls import path

    from .translation.views import TranslationStatusView, translate_subtree

    return [
        path("pages/<int:page_id>/translate-subtree/", translate_subtree, name="translate_subtree"),
        path("reports/translation-status/", TranslationStatusView.as_view(), name="translation_status"),
        path(
            "reports/translation-status/results/",
            TranslationStatusView.as_view(results_only=True),
            name="translation_status_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    from django.urls import reverse
    from django.utils.translation import gettext_lazy as _
    from wagtail.admin.menu import MenuItem

    return MenuItem(
        _("Translation status"), reverse("translation_status"), name="translation-status", icon_name="globe", order=750
    )


@hooks.register("register_page_header_buttons")
def register_translate_subtree_button(page, user, view_name, next_url=None):
    from django.urls import reverse
    from django.utils.translation import gettext_lazy as _
    from wagtail.admin.widgets import Button

    from .translation.views import user_can_translate_tree

    if not page.is_root() and user_can_translate_tree(user, page):
        yield Button(
            _("Translate subtree"),
            reverse("translate_subtree", args=[page.pk]),
            icon_name="globe",
            priority=66,
        )
