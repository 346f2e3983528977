from io import StringIO

from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test import TestCase
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import TranslationSource

from cities.models import City, CityPartnershipPage, MemberAssociation
from home.models import CampaignPage, FocusArea
from stories.models import StoryPage


def generate(*args):
    out = StringIO()
    call_command("generate_content", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


class GenerateContentTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        Locale.objects.get_or_create(language_code="es")
        statements = []

        def record(execute, sql, params, many, context):
            statements.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(record):
            cls.output = generate("--stories", "30", "--partnerships", "10", "--languages", "es")
        # What ran after the last write: the statistics refresh must come after everything was loaded.
        last_write = max(i for i, sql in enumerate(statements) if sql.lstrip().upper().startswith(("INSERT", "UPDATE")))
        cls.statements_run_last = [sql for sql in statements[last_write + 1 :] if sql.strip().upper() == "ANALYZE"]
        cls.en = Locale.objects.get(language_code="en")
        cls.es = Locale.objects.get(language_code="es")

    def test_counts_in_each_language(self):
        for locale in (self.en, self.es):
            self.assertEqual(StoryPage.objects.filter(locale=locale).count(), 30)
            self.assertEqual(CityPartnershipPage.objects.filter(locale=locale).count(), 10)
            self.assertEqual(CampaignPage.objects.filter(locale=locale).count(), 5)
        self.assertEqual(City.objects.filter(locale=self.en).count(), 20)
        self.assertEqual(MemberAssociation.objects.count(), 20)
        self.assertEqual(FocusArea.objects.filter(locale=self.en).count(), 10)
        self.assertIn("Generated content ready", self.output)
        self.assertIn("stories", self.output)

    def test_generated_pages_are_in_the_search_index_with_their_bodies(self):
        english = StoryPage.objects.filter(locale=self.en)
        # "Volunteers" is only in the body's paragraph, which the index reads with the stream converted in bulk.
        self.assertEqual(len(english.search("volunteers")), 30)
        orchestra = set(english.filter(title__icontains="orchestra").values_list("pk", flat=True))
        self.assertEqual({page.pk for page in english.search("orchestra")}, orchestra)
        self.assertGreater(len(orchestra), 0)
        self.assertIn("index story pages", self.output)

    def test_the_planner_knows_the_size_of_what_was_loaded(self):
        # Without fresh statistics PostgreSQL plans for empty tables until autovacuum gets round to them.
        self.assertEqual(self.statements_run_last, ["ANALYZE"])
        self.assertIn("ANALYZE done", self.output)
        if connection.vendor == "sqlite":
            # SQLite keeps what ANALYZE learnt in a table: the row count comes first.
            with connection.cursor() as cursor:
                cursor.execute("SELECT CAST(stat AS INTEGER) FROM sqlite_stat1 WHERE tbl = 'stories_storypage'")
                (estimate,) = cursor.fetchone()
            self.assertEqual(estimate, StoryPage.objects.count())

    def test_tree_is_valid(self):
        self.assertEqual(Page.find_problems(), ([], [], [], [], []))
        home = Site.objects.get(is_default_site=True).root_page
        self.assertEqual(home.specific_class.__name__, "HomePage")

    def test_translations_share_the_translation_key(self):
        for model in (StoryPage, CityPartnershipPage, CampaignPage):
            english = dict(model.objects.filter(locale=self.en).values_list("translation_key", "slug"))
            spanish = dict(model.objects.filter(locale=self.es).values_list("translation_key", "slug"))
            self.assertEqual(english, spanish)
        story = StoryPage.objects.filter(locale=self.es).first()
        self.assertEqual(story.get_parent().locale_id, self.es.pk)
        self.assertTrue(story.get_parent().specific.get_translation(self.en))
        # The section pages went through wagtail-localize.
        self.assertEqual(TranslationSource.objects.filter(specific_content_type__model="storyindexpage").count(), 1)

    def test_every_generated_page_renders(self):
        pages = Page.objects.filter(depth__gte=2).specific()
        self.assertEqual(len(pages), 2 * (1 + 3 + 30 + 10 + 5))
        for page in pages:
            with self.subTest(page=page.url):
                self.assertEqual(self.client.get(page.url).status_code, 200)

    def test_listing_filters_work_on_the_data(self):
        story_index = StoryPage.objects.filter(locale=self.en).first().get_parent()
        focus_area = FocusArea.objects.filter(locale=self.en, stories__isnull=False).first()
        expected = StoryPage.objects.filter(locale=self.en, focus_areas=focus_area).distinct().count()
        response = self.client.get(story_index.url, {"focus_area": focus_area.slug})
        self.assertEqual(response.context["stories"].paginator.count, expected)
        self.assertGreater(expected, 0)

        partnership = CityPartnershipPage.objects.filter(locale=self.en).select_related("city_a").first()
        country = partnership.city_a.country.code
        directory = partnership.get_parent()
        response = self.client.get(directory.url, {"country": country})
        shown = [page.pk for page in response.context["partnerships"]]
        self.assertIn(partnership.pk, shown)
        self.assertNotEqual(partnership.city_a.country, partnership.city_b.country)

    def test_a_second_run_changes_nothing(self):
        before = Page.objects.count()
        generate("--stories", "30", "--partnerships", "10", "--languages", "es")
        self.assertEqual(Page.objects.count(), before)
        self.assertEqual(Page.find_problems(), ([], [], [], [], []))

    def test_more_is_added_and_reset_removes_only_generated_content(self):
        generate("--stories", "35", "--partnerships", "10")
        self.assertEqual(StoryPage.objects.filter(locale=self.en).count(), 35)
        self.assertEqual(Page.find_problems(), ([], [], [], [], []))
        generate("--reset", "--stories", "3", "--partnerships", "2")
        self.assertEqual(StoryPage.objects.count(), 3)
        self.assertEqual(CityPartnershipPage.objects.count(), 2)
        self.assertEqual(Page.find_problems(), ([], [], [], [], []))


class GenerateContentArgumentTests(TestCase):
    def test_bad_arguments_are_usage_errors(self):
        for args in (["--stories", "-1"], ["--stories", "many"], ["--languages", "xx"]):
            with self.subTest(args=args), self.assertRaises(CommandError):
                generate(*args)
        self.assertFalse(StoryPage.objects.exists())


class GenerateAfterDemoContentTests(TestCase):
    def test_uses_the_demo_tree(self):
        call_command("load_demo_content", stdout=StringIO())
        home = Site.objects.get(is_default_site=True).root_page
        stories_before = StoryPage.objects.count()
        generate("--stories", "5", "--partnerships", "3")
        self.assertEqual(StoryPage.objects.count(), stories_before + 5)
        self.assertEqual(Site.objects.get(is_default_site=True).root_page, home)
        self.assertEqual(Page.find_problems(), ([], [], [], [], []))
        generated = StoryPage.objects.filter(slug__startswith="gen-").first()
        self.assertEqual(generated.get_parent().get_parent().pk, home.pk)
        self.assertEqual(self.client.get(generated.url).status_code, 200)
