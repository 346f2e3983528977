"""Sending a delivery: one POST per attempt, every attempt recorded, retried with exponential backoff.

The task runs in the `webhooks` task backend (a database queue, `django_tasks_db`), worked by
`manage.py db_worker --backend webhooks --queue-name webhooks`; a slow or failing receiver holds up only the worker.
"""

import json
import time
import urllib.error
import urllib.request
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from .models import WebhookAttempt, WebhookDelivery
from .signing import SIGNATURE_HEADER, sign


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    # A receiver answers; a redirect is not an answer (and POST bodies are not re-sent by urllib anyway).
    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_NoRedirects)


def backoff(attempt_number):
    """Seconds to wait before the next attempt: base, 2 x base, 4 x base, ..."""
    return settings.TWINNING_WEBHOOK_BACKOFF_SECONDS * 2 ** (attempt_number - 1)


def encode_payload(payload):
    return json.dumps(payload, separators=(",", ":"), sort_keys=True).encode()


def post(delivery):
    """One attempt: (status code or None, error text)."""
    body = encode_payload(delivery.payload)
    timestamp = int(time.time())
    request = urllib.request.Request(  # noqa: S310 (the URL is an http(s) URLField an editor entered)
        delivery.subscription.target_url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "User-Agent": "Twinning-Webhooks/1",
            "X-Twinning-Event": delivery.event,
            "X-Twinning-Delivery": str(delivery.pk),
            SIGNATURE_HEADER: sign(delivery.subscription.secret, timestamp, body),
        },
    )
    try:
        with _opener.open(request, timeout=settings.TWINNING_WEBHOOK_TIMEOUT) as response:
            return response.status, ""
    except urllib.error.HTTPError as e:
        return e.code, f"HTTP {e.code} {e.reason}"
    except (urllib.error.URLError, TimeoutError, OSError) as e:
        return None, str(getattr(e, "reason", e)) or e.__class__.__name__


@task(backend="webhooks", queue_name="webhooks")
def deliver_webhook(delivery_id):
    delivery = WebhookDelivery.objects.select_related("subscription").filter(pk=delivery_id).first()
    if delivery is None or delivery.status != WebhookDelivery.Status.PENDING:
        return
    number = delivery.attempt_count + 1
    started_at = timezone.now()
    start = time.monotonic()
    status_code, error = post(delivery)
    succeeded = status_code is not None and 200 <= status_code < 300
    WebhookAttempt.objects.create(
        delivery=delivery,
        number=number,
        started_at=started_at,
        duration_ms=int((time.monotonic() - start) * 1000),
        status_code=status_code,
        error=error,
        succeeded=succeeded,
    )
    delivery.attempt_count = number
    if succeeded or number >= settings.TWINNING_WEBHOOK_MAX_ATTEMPTS:
        delivery.status = WebhookDelivery.Status.SUCCEEDED if succeeded else WebhookDelivery.Status.FAILED
        delivery.finished_at = timezone.now()
        delivery.save(update_fields=["attempt_count", "status", "finished_at"])
        return
    delivery.save(update_fields=["attempt_count"])
    deliver_webhook.using(run_after=timezone.now() + timedelta(seconds=backoff(number))).enqueue(delivery.pk)
