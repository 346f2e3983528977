"""Webhooks: real HTTP receivers on 127.0.0.1, deliveries through the database task queue and its worker."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO

from django.core.management import call_command
from django.test import TransactionTestCase, override_settings
from django.urls import reverse
from django_tasks_db.models import DBTaskResult
from wagtail.models import Locale

from cms.webhooks.models import WebhookAttempt, WebhookDelivery, WebhookSubscription
from cms.webhooks.signing import verify_signature
from home.models import CampaignPage
from tests.factories import StoryPageFactory
from tests.utils import build_site_tree, create_superuser

from .api_fixtures import LeavesMigrationDataMixin


class Receiver:
    """An HTTP server in a thread that records each POST and answers with `status` after `delay` seconds."""

    def __init__(self, status=200, delay=0.0):
        self.status, self.delay, self.requests = status, delay, []
        self.failures = []  # statuses to answer first, one per request, before `status`
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.requests.append((self.path, dict(self.headers), body))
                time.sleep(receiver.delay)
                self.send_response(receiver.failures.pop(0) if receiver.failures else receiver.status)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


def run_worker():
    call_command(
        "db_worker",
        "--batch",
        "--backend=webhooks",
        "--queue-name=webhooks",
        "--no-startup-delay",
        "--interval=0",
        stdout=StringIO(),
        stderr=StringIO(),
    )


@override_settings(TWINNING_WEBHOOK_BACKOFF_SECONDS=0, TWINNING_WEBHOOK_MAX_ATTEMPTS=3, TWINNING_WEBHOOK_TIMEOUT=1)
class WebhookDeliveryTests(LeavesMigrationDataMixin, TransactionTestCase):
    """The worker commits as it goes, as in production, so these tests commit too."""

    def setUp(self):
        self.tree = build_site_tree()
        self.receiver = Receiver()
        self.addCleanup(self.receiver.stop)
        self.subscription = WebhookSubscription.objects.create(
            name="Anderson SCA", target_url=self.receiver.url, secret="s3cret"
        )

    def publish_story(self, slug="a-visit", **kwargs):
        story = StoryPageFactory(parent=self.tree.story_index, title="A visit", slug=slug, live=False, **kwargs)
        story.save_revision().publish()
        return story

    def test_published_event_is_signed_and_delivered_by_the_worker(self):
        story = self.publish_story()
        delivery = WebhookDelivery.objects.get()
        self.assertEqual((delivery.event, delivery.page_id, delivery.status), ("published", story.pk, "pending"))
        self.assertEqual(self.receiver.requests, [])  # publishing did not wait for the receiver
        run_worker()
        [(path, headers, body)] = self.receiver.requests
        self.assertEqual(path, "/hook")
        self.assertEqual(headers["X-Twinning-Event"], "published")
        self.assertEqual(headers["X-Twinning-Delivery"], str(delivery.pk))
        self.assertEqual(headers["Content-Type"], "application/json")
        self.assertTrue(verify_signature("s3cret", headers["X-Twinning-Signature"], body))
        self.assertFalse(verify_signature("wrong", headers["X-Twinning-Signature"], body))
        self.assertFalse(verify_signature("s3cret", headers["X-Twinning-Signature"], body + b" "))
        payload = json.loads(body)
        self.assertEqual(
            payload["page"],
            {
                "id": story.pk,
                "type": "stories.StoryPage",
                "locale": "en",
                "title": "A visit",
                "url": "http://localhost/en/stories/a-visit/",
                "api_url": f"http://127.0.0.1:8000/api/v2/pages/{story.pk}/",
                "api_v3_url": f"http://127.0.0.1:8000/api/v3/pages/{story.pk}/",
            },
        )
        self.assertEqual(payload["event"], "published")
        self.assertEqual(sorted(payload), ["event", "page", "timestamp"])
        delivery.refresh_from_db()
        self.assertEqual((delivery.status, delivery.attempt_count), ("succeeded", 1))
        attempt = WebhookAttempt.objects.get()
        self.assertEqual((attempt.number, attempt.status_code, attempt.succeeded, attempt.error), (1, 200, True, ""))

    def test_failing_receiver_is_retried_then_given_up_and_every_attempt_logged(self):
        self.receiver.status = 500
        self.publish_story()
        run_worker()
        self.assertEqual(len(self.receiver.requests), 3)
        delivery = WebhookDelivery.objects.get()
        self.assertEqual((delivery.status, delivery.attempt_count), ("failed", 3))
        self.assertEqual(
            list(WebhookAttempt.objects.order_by("number").values_list("number", "status_code", "succeeded", "error")),
            [(n, 500, False, "HTTP 500 Internal Server Error") for n in (1, 2, 3)],
        )

    def test_receiver_recovering_on_a_retry(self):
        self.receiver.failures = [503]
        self.receiver.status = 204
        self.publish_story()
        run_worker()
        delivery = WebhookDelivery.objects.get()
        self.assertEqual((delivery.status, delivery.attempt_count), ("succeeded", 2))
        self.assertEqual(
            list(WebhookAttempt.objects.order_by("number").values_list("status_code", "succeeded")),
            [(503, False), (204, True)],
        )

    @override_settings(TWINNING_WEBHOOK_BACKOFF_SECONDS=30)
    def test_retries_back_off(self):
        self.receiver.status = 500
        self.publish_story()
        run_worker()
        self.assertEqual(len(self.receiver.requests), 1)  # the retry waits
        retry = DBTaskResult.objects.filter(status="READY", queue_name="webhooks").get()  # not the renditions task
        delay = (retry.run_after - retry.enqueued_at).total_seconds()
        self.assertAlmostEqual(delay, 30, delta=2)

    def test_slow_or_unreachable_receiver_never_slows_publishing(self):
        self.receiver.delay = 3
        start = time.monotonic()
        self.publish_story()
        self.assertLess(time.monotonic() - start, 1.5)
        run_worker()
        errors = list(WebhookAttempt.objects.values_list("status_code", "error"))
        self.assertEqual(len(errors), 3)
        self.assertTrue(all(code is None and "timed out" in error for code, error in errors), errors)
        self.subscription.target_url = "http://127.0.0.1:9/closed"
        self.subscription.save()
        self.publish_story(slug="another")
        run_worker()
        self.assertEqual(WebhookDelivery.objects.filter(status="failed").count(), 2)

    def test_unpublished_and_deleted_events(self):
        story = self.publish_story()
        story.refresh_from_db()
        story.unpublish()
        story.save_revision().publish()
        story.refresh_from_db()
        story.delete()
        self.assertEqual(
            list(WebhookDelivery.objects.order_by("pk").values_list("event", flat=True)),
            ["published", "unpublished", "published", "deleted"],
        )
        run_worker()
        # Deliveries are independent: a receiver orders events by their timestamp, not by arrival.
        received = sorted(
            (json.loads(body) for _path, _headers, body in self.receiver.requests), key=lambda p: p["timestamp"]
        )
        self.assertEqual(
            [payload["event"] for payload in received], ["published", "unpublished", "published", "deleted"]
        )
        deleted = received[-1]
        self.assertEqual(deleted["page"]["url"], "http://localhost/en/stories/a-visit/")
        self.assertIsNone(received[1]["page"]["url"])  # an unpublished page has no public address

    def test_subscription_choices(self):
        from django.contrib.contenttypes.models import ContentType

        self.subscription.page_types.set([ContentType.objects.get_for_model(CampaignPage)])
        self.publish_story()
        self.assertFalse(WebhookDelivery.objects.exists())
        self.subscription.page_types.clear()
        self.subscription.locales.set([Locale.objects.create(language_code="fr")])
        self.publish_story(slug="two")
        self.assertFalse(WebhookDelivery.objects.exists())
        self.subscription.locales.clear()
        self.subscription.on_published = False
        self.subscription.save()
        self.publish_story(slug="three")
        self.assertFalse(WebhookDelivery.objects.exists())
        self.subscription.on_published = True
        self.subscription.active = False
        self.subscription.save()
        self.publish_story(slug="four")
        self.assertFalse(WebhookDelivery.objects.exists())

    def test_translation_published(self):
        from wagtail_localize.models import TranslationSource

        story = self.publish_story()
        french = Locale.objects.create(language_code="fr")
        for page in (self.tree.home, self.tree.story_index, story):
            source, _created = TranslationSource.get_or_create_from_instance(page)
            source.create_or_update_translation(french, fallback=True)
        home_fr, index_fr, story_fr = (
            page.get_translation(french) for page in (self.tree.home, self.tree.story_index, story)
        )
        self.assertEqual(
            list(WebhookDelivery.objects.order_by("pk").values_list("event", "page_id")),
            [
                ("published", story.pk),
                ("translation_published", home_fr.pk),
                ("translation_published", index_fr.pk),
                ("translation_published", story_fr.pk),
            ],
        )

    def test_admin_shows_subscriptions_deliveries_and_attempts(self):
        self.publish_story()
        run_worker()
        self.client.force_login(create_superuser())
        delivery = WebhookDelivery.objects.get()
        for url, text in [
            (reverse("webhooksubscription:index"), "Anderson SCA"),
            (reverse("webhooksubscription:add"), "Target URL"),
            (reverse("webhookdelivery:index"), "Page published: page"),
            (reverse("webhookdelivery:inspect", args=[delivery.pk]), "Succeeded"),
            (reverse("webhookattempt:index"), "Attempt 1 of"),
        ]:
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, text)
        self.assertEqual(self.client.get(reverse("webhookdelivery:edit", args=[delivery.pk])).status_code, 302)
