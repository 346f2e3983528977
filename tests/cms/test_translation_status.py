"""The translation status report and command: missing, out of date, up to date, in bulk, with links to act."""

import json
from io import StringIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.log_actions import log
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from cms.translation.bulk import translate_tree
from cms.translation.status import MISSING, OUT_OF_DATE, UP_TO_DATE, sections, translation_status
from tests.factories import FocusAreaFactory, StoryPageFactory
from tests.utils import SiteTestCase


def statuses(rows):
    return {row.label: {cell.language: cell.status for cell in row.cells} for row in rows}


class TranslationStatusTestCase(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.es = Locale.objects.get_or_create(language_code="es")[0]
        cls.fr = Locale.objects.get_or_create(language_code="fr")[0]
        cls.ja = Locale.objects.get_or_create(language_code="ja")[0]
        cls.trade = FocusAreaFactory(name="Trade", slug="trade")
        cls.story = StoryPageFactory(parent=cls.story_index, title="Trade mission")
        cls.story.focus_areas.set([cls.trade])
        cls.story.save_revision().publish()
        cls.other = StoryPageFactory(parent=cls.story_index, title="Songwriters")
        cls.other.save_revision().publish()
        translate_tree(cls.home, [cls.es], publish=True)
        translate_tree(cls.home, [cls.fr], publish=True, include_snippets=False)
        # The source changes after both translations were synced; French is then synced again, Spanish is not.
        cls.story.intro = "A new introduction."
        cls.story.save_revision().publish()
        translate_tree(cls.story, [cls.fr], publish=True, include_snippets=False)


class StatusTests(TranslationStatusTestCase):
    def test_missing_out_of_date_and_up_to_date(self):
        locales, rows = translation_status()
        self.assertEqual([locale.language_code for locale in locales], ["es", "fr", "ja"])
        found = statuses(rows)
        self.assertEqual(found["Trade mission"], {"es": OUT_OF_DATE, "fr": UP_TO_DATE, "ja": MISSING})
        self.assertEqual(found["Songwriters"], {"es": UP_TO_DATE, "fr": UP_TO_DATE, "ja": MISSING})
        self.assertEqual(found["Trade"], {"es": UP_TO_DATE, "fr": MISSING, "ja": MISSING})

    def test_an_edited_snippet_is_out_of_date(self):
        self.trade.name = "Trade and business"
        self.trade.save()
        log(self.trade, "wagtail.edit")
        _locales, rows = translation_status(["es"])
        self.assertEqual(statuses(rows)["Trade and business"], {"es": OUT_OF_DATE})

    def test_each_cell_links_to_its_action(self):
        _locales, rows = translation_status()
        row = next(row for row in rows if row.label == "Trade mission")
        source = TranslationSource.objects.get_for_instance(self.story)
        self.assertEqual(
            [cell.url for cell in row.cells],
            [
                reverse("wagtail_localize:update_translations", args=[source.pk]),
                reverse("wagtailadmin_pages:edit", args=[self.story.get_translation(self.fr).pk]),
                reverse("wagtail_localize:submit_page_translation", args=[self.story.pk]),
            ],
        )
        row = next(row for row in rows if row.label == "Trade")
        self.assertEqual(
            [cell.url for cell in row.cells],
            [
                reverse("wagtailsnippets_home_focusarea:edit", args=[self.trade.get_translation(self.es).pk]),
                reverse("wagtail_localize:submit_snippet_translation", args=["home", "focusarea", self.trade.pk]),
                reverse("wagtail_localize:submit_snippet_translation", args=["home", "focusarea", self.trade.pk]),
            ],
        )

    def test_filtered_by_language_and_section(self):
        stories = next(section for section in sections() if section.key == "stories")
        locales, rows = translation_status(["ja"], stories)
        self.assertEqual([locale.language_code for locale in locales], ["ja"])
        self.assertEqual([row.label for row in rows], ["Stories", "Trade mission", "Songwriters"])
        self.assertEqual({row.section for row in rows}, {"stories"})
        focus_areas = next(section for section in sections() if section.key == "focusarea")
        _locales, rows = translation_status(None, focus_areas)
        self.assertEqual([row.label for row in rows], ["Trade"])

    def test_query_count_does_not_grow_with_the_pages(self):
        def count():
            with CaptureQueriesContext(connection) as queries:
                translation_status()
            return len(queries)

        for _index in range(5 - 2):
            StoryPageFactory(parent=self.story_index)
        with self.assertNumQueries(count()):
            self.assertEqual(len(translation_status()[1]), 4 + 5 + 2)
        for _index in range(20 - 5):
            StoryPageFactory(parent=self.story_index).save_revision().publish()
        with self.assertNumQueries(count()):
            self.assertEqual(len(translation_status()[1]), 4 + 20 + 2)

    def test_the_number_of_queries_is_fixed(self):
        for _index in range(18):
            StoryPageFactory(parent=self.story_index)
        with self.assertNumQueries(14):
            translation_status()


class ReportViewTests(TranslationStatusTestCase):
    url = reverse("translation_status")

    def test_listed_in_the_reports_menu(self):
        self.login()
        response = self.client.get(reverse("wagtailadmin_home"))
        self.assertContains(response, self.url)

    def test_every_object_against_every_language(self):
        self.login()
        response = self.client.get(self.url)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Translation status")
        rows = response.context["object_list"]
        self.assertEqual(statuses(rows)["Trade mission"], {"es": OUT_OF_DATE, "fr": UP_TO_DATE, "ja": MISSING})
        source = TranslationSource.objects.get_for_instance(self.story)
        self.assertContains(response, f'href="{reverse("wagtail_localize:update_translations", args=[source.pk])}"')
        self.assertContains(response, "Out of date")

    def test_filters(self):
        self.login()
        response = self.client.get(self.url, {"language": "fr", "section": "stories"})
        self.assertEqual(
            [row.label for row in response.context["object_list"]], ["Stories", "Trade mission", "Songwriters"]
        )
        self.assertEqual([locale.language_code for locale in response.context["report_locales"]], ["fr"])
        response = self.client.get(reverse("translation_status_results"), {"section": "focusarea"})
        self.assertEqual([row.label for row in response.context["object_list"]], ["Trade"])

    def test_bad_filter_values_are_form_errors(self):
        self.login()
        response = self.client.get(self.url, {"language": "xx", "section": "nowhere"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            response.context["filters"].form.errors,
            {
                "language": ["Select a valid choice. xx is not one of the available choices."],
                "section": ["Select a valid choice. nowhere is not one of the available choices."],
            },
        )

    def test_a_translator_sees_their_language_only(self):
        call_command("setup_translator_groups", stdout=StringIO())
        translator = get_user_model().objects.create_user("ana", "ana@example.org", "password")
        translator.groups.add(Group.objects.get(name="Translators: Español"))
        self.client.force_login(translator)
        response = self.client.get(self.url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual([locale.language_code for locale in response.context["report_locales"]], ["es"])

    def test_anonymous_users_are_sent_to_the_login(self):
        response = self.client.get(self.url)
        self.assertEqual(response.status_code, 302)


class CommandTests(TranslationStatusTestCase):
    def run_command(self, *args):
        out = StringIO()
        call_command("translation_status", *args, stdout=out)
        return out.getvalue()

    def test_table(self):
        output = self.run_command("--section", "stories")
        lines = output.splitlines()
        self.assertEqual(lines[0].split(), ["object", "type", "section", "es", "fr", "ja"])
        self.assertIn("Trade mission", output)
        self.assertEqual(lines[-1], "3 missing, 1 out of date, 5 up to date")

    def test_json_and_csv(self):
        data = json.loads(self.run_command("--language", "es", "--section", "stories", "--format", "json"))
        self.assertEqual(
            data,
            [
                {"object": "Stories", "type": "story index page", "section": "stories", "es": UP_TO_DATE},
                {"object": "Trade mission", "type": "story page", "section": "stories", "es": OUT_OF_DATE},
                {"object": "Songwriters", "type": "story page", "section": "stories", "es": UP_TO_DATE},
            ],
        )
        self.assertEqual(
            self.run_command("--language", "fr", "--language", "ja", "--section", "focusarea", "--format", "csv"),
            "object,type,section,fr,ja\nTrade,focus area,focusarea,missing,missing\n",
        )

    def test_usage_errors(self):
        for args, message in [
            (["--language", "xx"], "Unknown language(s): xx. Choose from: es, fr, ja."),
            (["--language", "en"], "Unknown language(s): en."),
            (["--section", "nowhere"], "Unknown section 'nowhere'. Choose from: campaigns, stories, partnerships,"),
            (["--format", "xml"], "Unknown format 'xml'. Choose from: table, csv, json."),
        ]:
            with self.subTest(args=args), self.assertRaisesMessage(CommandError, message):
                self.run_command(*args)
