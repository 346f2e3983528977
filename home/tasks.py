"""Renditions made ahead of time, in the background, so that no page view or API request has to make one.

Publishing a page, or saving an image, queues a task (on commit) in the site's database task queue (the
`webhooks` backend of `TASKS`, queue `renditions`; `make worker` works it) that makes every rendition in
`rendition_specs.ALL_RENDITIONS` for each image the page shows: its own image fields, the images in its stream
fields and inline panels, and the images of the snippets it shows (a partner organisation's logo). Where no worker
runs, a request that finds a rendition missing still makes it, as Wagtail does.
"""

import logging

from django.contrib.contenttypes.models import ContentType
from django_tasks import task
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex

from .rendition_specs import ALL_RENDITIONS

logger = logging.getLogger(__name__)

QUEUE = {"backend": "webhooks", "queue_name": "renditions"}


def referenced_image_ids(obj, depth=1):
    """The ids of the images `obj` refers to (Wagtail's reference index: image fields, stream fields, inline
    panels), and, `depth` levels down, those of the snippets it refers to. Linked pages are not followed."""
    image_model = get_image_model()
    image_ids, snippets = set(), {}
    references = ReferenceIndex.get_references_for_object(obj).values_list("to_content_type_id", "to_object_id")
    for type_id, object_id in references.distinct():
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model is None or issubclass(model, Page):
            continue
        if issubclass(model, image_model):
            image_ids.add(int(object_id))
        elif depth > 0:
            snippets.setdefault(model, set()).add(object_id)
    for model, object_ids in snippets.items():
        for snippet in model._default_manager.filter(pk__in=object_ids):
            image_ids |= referenced_image_ids(snippet, depth=depth - 1)
    return image_ids


def make_renditions(image_ids):
    """Every rendition the site uses, for each image; the ones that exist already are found, not made again."""
    made = 0
    for image in get_image_model().objects.filter(pk__in=image_ids).order_by("pk"):
        try:
            image.get_renditions(*ALL_RENDITIONS)
            made += 1
        except Exception:  # a missing or broken file must not stop the others
            logger.exception("Could not make the renditions of image %s", image.pk)
    return made


@task(**QUEUE)
def generate_page_renditions(page_id):
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return 0
    return make_renditions(referenced_image_ids(page.specific))


@task(**QUEUE)
def generate_image_renditions(image_id):
    return make_renditions([image_id])
