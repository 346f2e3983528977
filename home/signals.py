"""Publishing a page or saving an image queues its renditions (home.tasks), once the transaction commits.

Queuing is a database insert; any error is logged, never raised, so that publishing and uploads are unaffected.
"""

import logging
from functools import partial

from django.db import transaction
from django.db.models.signals import post_save
from wagtail.images import get_image_model
from wagtail.signals import page_published

from .tasks import generate_image_renditions, generate_page_renditions

logger = logging.getLogger(__name__)


def _enqueue(task, object_id):
    try:
        task.enqueue(object_id)
    except Exception:
        logger.exception("Could not queue %s for %s", task.name, object_id)


def queue_page_renditions(sender, instance, **kwargs):
    transaction.on_commit(partial(_enqueue, generate_page_renditions, instance.pk), robust=True)


def queue_image_renditions(sender, instance, raw=False, **kwargs):
    if not raw:
        transaction.on_commit(partial(_enqueue, generate_image_renditions, instance.pk), robust=True)


def connect():
    page_published.connect(queue_page_renditions, dispatch_uid="twinning_queue_page_renditions")
    post_save.connect(queue_image_renditions, sender=get_image_model(), dispatch_uid="twinning_queue_image_renditions")
