"""Page events become webhook deliveries, queued after the publishing transaction commits.

Nothing here may fail or slow publishing: deliveries are rows written in the same transaction, the task is
enqueued on commit (a database insert), and any error is logged rather than raised.
"""

import logging

from django.conf import settings
from django.db import transaction
from django.db.models.signals import pre_delete
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished
from wagtail_localize.models import TranslationSource

from .models import WebhookDelivery, WebhookEvent, WebhookSubscription
from .tasks import deliver_webhook

logger = logging.getLogger(__name__)


def is_translation(page):
    """True for a page translated from another language's page with the translation tools (wagtail-localize)."""
    return TranslationSource.objects.filter(object_id=page.translation_key).exclude(locale_id=page.locale_id).exists()


def page_payload(event, page):
    """The event's JSON. A page under a view restriction is named by id, type and language only: its title and
    address are for those allowed to see it, and the public API a receiver reads answers 404 for it anyway."""
    base_url = settings.WAGTAILAPI_BASE_URL.rstrip("/")
    private = page.get_view_restrictions().exists()
    return {
        "event": event,
        "timestamp": timezone.now().isoformat(),
        "page": {
            "id": page.pk,
            "type": page.specific_class._meta.label,
            "locale": page.locale.language_code,
            "title": None if private else page.title,
            "url": page.full_url if event != WebhookEvent.UNPUBLISHED and not private else None,
            "api_url": base_url + reverse("wagtailapi:pages:detail", args=[page.pk]),
            "api_v3_url": base_url + reverse("wagtailapi_v3:detail_page", kwargs={"page_id": page.pk}),
        },
    }


def queue_event(event, page):
    try:
        subscriptions = [
            subscription
            for subscription in WebhookSubscription.objects.filter(
                active=True, **{f"on_{event}": True}
            ).prefetch_related("page_types", "locales")
            if subscription.wants(event, page)
        ]
        if not subscriptions:
            return
        payload = page_payload(event, page)
        deliveries = WebhookDelivery.objects.bulk_create(
            WebhookDelivery(subscription=subscription, event=event, page_id=page.pk, payload=payload)
            for subscription in subscriptions
        )
        ids = [delivery.pk for delivery in deliveries]
        transaction.on_commit(lambda: enqueue(ids), robust=True)
    except Exception:
        logger.exception("Could not queue the %s webhooks for page %s", event, page.pk)


def enqueue(delivery_ids):
    for delivery_id in delivery_ids:
        deliver_webhook.enqueue(delivery_id)


def on_page_published(sender, instance, **kwargs):
    # Wagtail also sends page_published when an editor schedules a page for later; it goes live (and is announced)
    # when publish_scheduled publishes it.
    if not instance.live:
        return
    queue_event(WebhookEvent.TRANSLATION_PUBLISHED if is_translation(instance) else WebhookEvent.PUBLISHED, instance)


def on_page_unpublished(sender, instance, **kwargs):
    # Wagtail also reports a deleted live page as unpublished; its "deleted" event says it all.
    if not getattr(instance, "_webhooks_deleted", False):
        queue_event(WebhookEvent.UNPUBLISHED, instance)


def on_pre_delete(sender, instance, **kwargs):
    if not isinstance(instance, Page):
        return
    instance._webhooks_deleted = True
    # Deleting a page deletes its row in each table of its type; react once, for the specific one, if it was live.
    if type(instance) is instance.specific_class and instance.live:
        queue_event(WebhookEvent.DELETED, instance)


def connect():
    page_published.connect(on_page_published, dispatch_uid="twinning_webhooks_published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="twinning_webhooks_unpublished")
    pre_delete.connect(on_pre_delete, dispatch_uid="twinning_webhooks_deleted")
