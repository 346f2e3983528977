from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .webhooks.models import WebhookAttempt, WebhookDelivery
from .webhooks.views import LogPermissionPolicy, WebhooksViewSetGroup

register_permission_policy(WebhookDelivery, LogPermissionPolicy(WebhookDelivery))
register_permission_policy(WebhookAttempt, LogPermissionPolicy(WebhookAttempt))


@hooks.register("register_admin_viewset")
def register_webhooks_viewsets():
    return WebhooksViewSetGroup()
