"""Multilingual HTML: dates per language, the language switcher, Japanese pages, hreflang, the sitemap's queries."""

import contextlib
import datetime
import threading
from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.test import Client, TransactionTestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from cms.translation.bulk import translate_object, translate_tree
from tests.cms.api_fixtures import LeavesMigrationDataMixin
from tests.factories import StoryPageFactory
from tests.utils import SiteTestCase, build_site_tree


class LanguagePagesTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in ("en", "es", "fr", "ja")}
        cls.story = StoryPageFactory(parent=cls.story_index, title="Sunday", date=datetime.date(2016, 10, 2))
        cls.story.save_revision().publish()
        translate_tree(cls.home, [cls.locales["es"], cls.locales["ja"]], publish=True)
        # French: the home and section pages only, not the story.
        for page in (cls.home, cls.story_index):
            translate_object(page.specific, cls.locales["fr"], publish=True)

    def test_dates_are_formatted_for_the_language(self):
        for code, text in [("en", "Oct. 2, 2016"), ("es", "2 de octubre de 2016"), ("ja", "2016年10月2日")]:
            with self.subTest(language=code):
                page = self.story.get_translation(self.locales[code])
                self.assertContains(self.client.get(page.url), f'<time datetime="2016-10-02">{text}</time>', html=True)

    def test_the_language_switcher_offers_only_the_languages_the_page_exists_in(self):
        response = self.client.get(self.story.get_translation(self.locales["es"]).url)
        for code in ("en", "es", "ja"):
            self.assertContains(response, f'hreflang="{code}"')
        self.assertNotContains(response, 'hreflang="fr"')
        self.assertNotContains(response, "/fr/stories/")
        # The index exists in French, so its page offers French.
        response = self.client.get(self.story_index.get_translation(self.locales["es"]).url)
        self.assertContains(response, 'hreflang="fr"')

    def test_japanese_pages_render_with_lang_ja(self):
        for page in Page.objects.filter(locale=self.locales["ja"]).live():
            with self.subTest(url=page.url):
                response = self.client.get(page.url)
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, '<html lang="ja" dir="ltr">', html=False)

    def test_every_page_has_hreflang_alternates_and_the_feed_in_its_head(self):
        for page in Page.objects.filter(depth__gt=1).live():
            with self.subTest(url=page.url):
                response = self.client.get(page.url)
                self.assertContains(response, f'hreflang="{page.locale.language_code}"')
                self.assertContains(response, 'hreflang="x-default"')
                feed = f'href="/{page.locale.language_code}/stories/feed/"'
                self.assertContains(response, '<link rel="alternate" type="application/rss+xml"', html=False)
                self.assertContains(response, feed)


class SitemapQueryTests(SiteTestCase):
    def sitemap_queries(self):
        self.client.get("/sitemap.xml")  # the site's root paths are cached after a first request
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get("/sitemap.xml")
        self.assertEqual(response.status_code, 200)
        return len(queries), response.content.decode().count("<url>")

    def test_the_same_queries_for_5_and_20_pages(self):
        es = Locale.objects.get_or_create(language_code="es")[0]
        for _index in range(5):
            StoryPageFactory(parent=self.story_index)
        translate_tree(self.home, [es], publish=True, include_snippets=False)
        queries, urls = self.sitemap_queries()
        self.assertEqual(urls, (4 + 5) * 2)
        for _index in range(15):
            StoryPageFactory(parent=self.story_index)
        translate_tree(self.home, [es], publish=True, include_snippets=False)
        self.client.get("/sitemap.xml")
        with self.assertNumQueries(queries):
            response = self.client.get("/sitemap.xml")
        self.assertEqual(response.content.decode().count("<url>"), (4 + 20) * 2)


class ConcurrentTranslatorsTests(LeavesMigrationDataMixin, TransactionTestCase):
    """Two translators save the same segment at the same moment: no error, and one of the two values wins.

    On PostgreSQL the two requests really run at once, each thread on its own connection. The SQLite test database
    lives in memory and allows one writer at a time, so there the threads share the test's connection (as Django's
    live server does) and take turns: the same view, one request after the other.
    """

    def test_two_translators_save_the_same_segment(self):
        tree = build_site_tree()
        es = Locale.objects.create(language_code="es")
        story = StoryPageFactory(parent=tree.story_index, title="Harbour visit")
        story.save_revision().publish()
        translate_tree(tree.home, [es], publish=True, include_snippets=False)
        source = TranslationSource.objects.get_for_instance(story)
        translation = Translation.objects.get(source=source, target_locale=es)
        segment = StringSegment.objects.get(source=source, context__path="title")
        url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
        for name in ("ana", "luis"):
            get_user_model().objects.create_superuser(name, f"{name}@example.org", "password")
        shared = connections[DEFAULT_DB_ALIAS] if connection.vendor == "sqlite" else None
        turns = threading.Lock() if shared else contextlib.nullcontext()
        barrier = threading.Barrier(2, timeout=30)
        results = {}

        def save(name, value):
            if shared:
                connections[DEFAULT_DB_ALIAS] = shared
            client = Client()
            barrier.wait()
            try:
                with turns:
                    client.force_login(get_user_model().objects.get(username=name))
                    body = urlencode({"value": value})
                    response = client.put(url, body, content_type="application/x-www-form-urlencoded")
                results[name] = response.status_code
            finally:
                if not shared:
                    connections[DEFAULT_DB_ALIAS].close()

        if shared:
            shared.inc_thread_sharing()

        threads = [
            threading.Thread(target=save, args=("ana", "Visita al puerto")),
            threading.Thread(target=save, args=("luis", "Visita portuaria")),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        if shared:
            shared.dec_thread_sharing()
        self.assertEqual(sorted(results.values()), [200, 201])
        saved = StringTranslation.objects.filter(translation_of=segment.string, locale=es, context=segment.context)
        self.assertEqual(saved.count(), 1)
        self.assertIn(saved.get().data, {"Visita al puerto", "Visita portuaria"})
