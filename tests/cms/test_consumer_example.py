"""The example consumer in examples/ runs against a live server and builds a story list in French."""

import subprocess
import sys

from django.conf import settings
from django.test import LiveServerTestCase
from wagtail.models import Locale

from tests.factories import FocusAreaFactory, StoryPageFactory
from tests.utils import build_site_tree

from .api_fixtures import LeavesMigrationDataMixin, translate


class StoryListExampleTests(LeavesMigrationDataMixin, LiveServerTestCase):
    def setUp(self):
        tree = build_site_tree()
        trade = FocusAreaFactory(name="Trade", slug="trade")
        self.old = StoryPageFactory(parent=tree.story_index, title="A trade mission", slug="trade-mission")
        self.old.focus_areas.set([trade])
        self.old.save_revision().publish()
        self.new = StoryPageFactory(parent=tree.story_index, title="A youth exchange", slug="youth-exchange")
        translate(self.old, Locale.objects.create(language_code="fr"), title="Une mission commerciale", slug="mission")

    def run_example(self, *args):
        result = subprocess.run(  # noqa: S603
            [
                sys.executable,
                str(settings.BASE_DIR / "examples" / "story_list.py"),
                "--base-url",
                self.live_server_url,
                *args,
            ],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        self.assertEqual(result.returncode, 0, result.stderr)
        return result.stdout

    def test_french_story_list_with_english_fallback(self):
        self.assertEqual(
            self.run_example("--language", "fr", "--fallback", "en"),
            f"{self.new.date}  A youth exchange [en]\n"
            "            http://localhost/en/stories/youth-exchange/\n"
            f"{self.old.date}  Une mission commerciale  (Trade)\n"
            "            http://localhost/fr/stories/mission/\n"
            "            also in: en\n",
        )

    def test_french_only(self):
        self.assertEqual(
            self.run_example("--language", "fr"),
            f"{self.old.date}  Une mission commerciale  (Trade)\n"
            "            http://localhost/fr/stories/mission/\n"
            "            also in: en\n",
        )
