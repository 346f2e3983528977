"""The site's own models: webhook subscriptions, deliveries and attempts (see cms/webhooks)."""

from .webhooks.models import WebhookAttempt, WebhookDelivery, WebhookSubscription

__all__ = ["WebhookAttempt", "WebhookDelivery", "WebhookSubscription"]
