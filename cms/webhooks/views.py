"""The admin for webhooks: editors manage subscriptions; deliveries and their attempts are read-only logs."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from .models import WebhookAttempt, WebhookDelivery, WebhookSubscription


class WebhookSubscriptionViewSet(ModelViewSet):
    model = WebhookSubscription
    icon = "link-external"
    menu_label = _("Subscriptions")
    list_display = ["name", "target_url", "active", "created_at"]
    list_filter = ["active"]
    search_fields = ["name", "target_url"]
    copy_view_enabled = False
    inspect_view_enabled = True
    form_fields = [
        "name",
        "target_url",
        "secret",
        "active",
        "on_published",
        "on_unpublished",
        "on_deleted",
        "on_translation_published",
        "page_types",
        "locales",
    ]


class LogPermissionPolicy(ModelPermissionPolicy):
    """Logs may be viewed (with the model's view permission), never added, edited or deleted by hand."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class ReadOnlyLogViewSet(ModelViewSet):
    copy_view_enabled = False
    inspect_view_enabled = True
    exclude_form_fields = []


class WebhookDeliveryViewSet(ReadOnlyLogViewSet):
    model = WebhookDelivery
    icon = "history"
    menu_label = _("Deliveries")
    list_display = ["__str__", "event", "status", "attempt_count", "created_at", "finished_at"]
    list_filter = ["status", "event", "subscription"]
    inspect_view_fields = [
        "subscription",
        "event",
        "page_id",
        "status",
        "attempt_count",
        "created_at",
        "finished_at",
        "payload",
    ]


class WebhookAttemptViewSet(ReadOnlyLogViewSet):
    model = WebhookAttempt
    icon = "list-ul"
    menu_label = _("Attempts")
    list_display = ["__str__", "number", "succeeded", "status_code", "error", "duration_ms", "started_at"]
    list_filter = ["succeeded", "delivery__subscription"]


class WebhooksViewSetGroup(ViewSetGroup):
    menu_label = _("Webhooks")
    menu_icon = "link-external"
    add_to_settings_menu = True
    items = (WebhookSubscriptionViewSet, WebhookDeliveryViewSet, WebhookAttemptViewSet)
