"""Renditions are made ahead of time: publishing a page (or saving an image) queues a task that makes every
rendition the site uses, so that afterwards neither the API nor the page itself makes one or opens an image file."""

import re
from pathlib import Path
from unittest import mock

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.module_loading import import_string
from django_tasks_db.models import DBTaskResult
from wagtail.images import get_image_model

from home.rendition_specs import ALL_RENDITIONS
from home.tasks import referenced_image_ids

from ..factories import ImageFactory, PartnerOrganisationFactory, StoryPageFactory
from ..utils import SiteTestCase, body_stream

Image = get_image_model()
Rendition = Image.get_rendition_model()


def run_rendition_tasks():
    """Run the queued rendition tasks as the worker would (the worker itself closes the database connection, which a
    TestCase's transaction cannot survive on PostgreSQL)."""
    for row in DBTaskResult.objects.filter(queue_name="renditions", status="READY").order_by("enqueued_at"):
        import_string(row.task_path).call(*row.args_kwargs["args"], **row.args_kwargs["kwargs"])


RENDITION_INSERT = re.compile(r'INSERT (OR IGNORE )?INTO "wagtailimages_rendition"')


def rendition_inserts(queries):
    return [query["sql"] for query in queries.captured_queries if RENDITION_INSERT.match(query["sql"])]


class RenditionsAheadTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.body_image = ImageFactory()
        cls.story = StoryPageFactory(
            parent=cls.story_index, hero_image=cls.image, body=body_stream(cls.body_image, cls.call_to_action)
        )

    def publish(self, page):
        with self.captureOnCommitCallbacks(execute=True):
            page.save_revision().publish()

    def get_all(self):
        """The API detail and listing and the HTML page, with queries captured and image files unreadable."""
        urls = [
            f"/api/v2/pages/{self.story.pk}/",
            "/api/v2/pages/?type=stories.StoryPage&fields=*",
            self.story.url,
        ]
        with (
            CaptureQueriesContext(connection) as queries,
            mock.patch.object(Image, "open_file", side_effect=AssertionError("an image file was opened")),
        ):
            for url in urls:
                self.assertEqual(self.client.get(url).status_code, 200, url)
        return queries

    def test_publishing_queues_the_page_renditions_and_the_worker_makes_them(self):
        Rendition.objects.all().delete()
        cache.clear()
        self.publish(self.story)
        queued = DBTaskResult.objects.filter(queue_name="renditions").values_list("task_path", "args_kwargs")
        self.assertEqual(
            list(queued), [("home.tasks.generate_page_renditions", {"args": [self.story.pk], "kwargs": {}})]
        )

        run_rendition_tasks()
        cache.clear()

        self.assertEqual(
            set(Rendition.objects.values_list("image_id", "filter_spec")),
            {(image.pk, spec) for image in (self.image, self.body_image) for spec in ALL_RENDITIONS},
        )
        self.assertEqual(rendition_inserts(self.get_all()), [])

    def test_without_the_worker_a_request_still_makes_what_is_missing(self):
        Rendition.objects.all().delete()
        cache.clear()  # Wagtail also keeps renditions in the cache
        with CaptureQueriesContext(connection) as queries:
            self.assertEqual(self.client.get(f"/api/v2/pages/{self.story.pk}/").status_code, 200)
        self.assertEqual(len(rendition_inserts(queries)), 2)  # one bulk insert per image (hero, body)

    def test_saving_an_image_queues_its_renditions(self):
        image = ImageFactory()
        with self.captureOnCommitCallbacks(execute=True):
            image.title = "Renamed"
            image.save()
        self.assertIn(
            {"args": [image.pk], "kwargs": {}},
            list(
                DBTaskResult.objects.filter(task_path="home.tasks.generate_image_renditions").values_list(
                    "args_kwargs", flat=True
                )
            ),
        )
        run_rendition_tasks()
        self.assertEqual(Rendition.objects.filter(image=image).count(), len(ALL_RENDITIONS))

    def test_referenced_images_include_the_logos_of_shown_snippets(self):
        logo = ImageFactory()
        partner = PartnerOrganisationFactory(logo=logo)
        self.assertEqual(referenced_image_ids(self.story.specific), {self.image.pk, self.body_image.pk})
        self.assertEqual(referenced_image_ids(partner), {logo.pk})


class RenditionSpecsTests(SiteTestCase):
    def test_every_rendition_a_template_shows_is_made_ahead(self):
        specs = set()
        for template in Path(settings.BASE_DIR).glob("*/templates/**/*.html"):
            text = template.read_text()
            for match in re.finditer(r"{% (?:image|srcset_image) \S+ ([\w{},-]+)", text):
                spec = match.group(1)
                braces = re.match(r"(\w+-)\{([^}]*)\}", spec)
                specs |= {braces.group(1) + size for size in braces.group(2).split(",")} if braces else {spec}
        self.assertEqual(
            specs,
            {
                "width-1200",
                "fill-480x300",
                "fill-960x600",
                "fill-800x450",
                "fill-1600x700",
                "fill-800x900",
                "fill-1600x800",
                "fill-2400x1000",
                "fill-800x600",
                "max-240x120",
            },
        )
        self.assertLessEqual(specs, set(ALL_RENDITIONS))
