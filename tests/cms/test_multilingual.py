"""Translations end to end: localized snippets and countries, language URLs, bulk translation, translator rights."""

from io import StringIO

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from cities.models import City
from cms.translation.bulk import CREATED, UNCHANGED, translate_tree
from home.listing import sorted_country_choices
from home.localization import localize_all
from home.models import FocusArea
from tests.factories import CityFactory, CityPartnershipPageFactory, FocusAreaFactory
from tests.utils import SiteTestCase


class MultilingualTestCase(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.en = Locale.objects.get(language_code="en")
        cls.es = Locale.objects.get_or_create(language_code="es")[0]
        cls.fr = Locale.objects.get_or_create(language_code="fr")[0]
        cls.trade = FocusAreaFactory(name="Trade", slug="trade")
        cls.culture = FocusAreaFactory(name="Culture", slug="culture")
        cls.partnership = CityPartnershipPageFactory(
            parent=cls.partnership_index,
            city_a=CityFactory(name="Fort Lauderdale", country="US"),
            city_b=CityFactory(name="Mataró", country="ES"),
            title="Fort Lauderdale and Mataró",
        )
        cls.partnership.focus_areas.set([cls.trade, cls.culture])
        cls.partnership.save_revision().publish()
        translate_tree(cls.home, [cls.es, cls.fr], publish=True)


class LocalizeHelperTests(MultilingualTestCase):
    def test_translation_if_there_is_one_else_the_original_in_one_query(self):
        comercio = self.trade.get_translation(self.es)
        comercio.name = "Comercio"
        comercio.save()
        self.culture.get_translation(self.es).delete()
        with self.assertNumQueries(1):
            result = localize_all([self.trade, self.culture, None], locale=self.es)
        self.assertEqual(
            [(type(obj), obj.pk) for obj in result], [(FocusArea, comercio.pk), (FocusArea, self.culture.pk)]
        )

    def test_no_query_when_everything_is_already_in_the_locale(self):
        with self.assertNumQueries(0):
            self.assertEqual(localize_all([self.trade], locale=self.en.pk), [self.trade])


class TranslatedPartnershipPageTests(MultilingualTestCase):
    def test_spanish_page_shows_spanish_snippets_and_country_names(self):
        mataro_es = self.partnership.city_b.get_translation(self.es)
        mataro_es.region = "Cataluña"
        mataro_es.save()
        comercio = self.trade.get_translation(self.es)
        comercio.name = "Comercio"
        comercio.save()
        page_es = self.partnership.get_translation(self.es)
        response = self.client.get(page_es.url)
        self.assertEqual(page_es.url, "/es/partnerships/fort-lauderdale-and-mataro/")
        self.assertContains(response, '<html lang="es" dir="ltr">', html=False)
        self.assertContains(response, "Cataluña, España")
        self.assertContains(response, ">Comercio</a>")
        self.assertContains(response, 'src="/static/flags/es.gif"')

    def test_spanish_directory_offers_its_focus_areas_and_filters_by_any_languages(self):
        comercio = self.trade.get_translation(self.es)
        comercio.name = "Comercio"
        comercio.save()
        self.culture.get_translation(self.es).delete()
        index_es = self.partnership_index.get_translation(self.es)
        partnership_es = self.partnership.get_translation(self.es)
        for slug in ("trade", "culture"):  # the Spanish page keeps the English page's focus areas
            with self.subTest(slug=slug):
                response = self.client.get(index_es.url, {"focus_area": slug})
                self.assertEqual([page.pk for page in response.context["partnerships"]], [partnership_es.pk])
        # Its own focus areas, and the English one not translated yet, by name; no other language's.
        choices = response.context["filter_form"].fields["focus_area"].choices
        self.assertEqual(
            [(value, str(label)) for value, label in choices[1:]], [("trade", "Comercio"), ("culture", "Culture")]
        )

    def test_french_page_names_countries_in_french(self):
        response = self.client.get(self.partnership.get_translation(self.fr).url)
        self.assertContains(response, "Espagne")
        self.assertContains(response, "États-Unis")

    def test_hreflang_alternates_with_x_default(self):
        response = self.client.get(self.partnership.get_translation(self.es).url)
        for code in ("en", "es", "fr"):
            self.assertContains(
                response,
                f'<link rel="alternate" hreflang="{code}" href="http://localhost/{code}/partnerships/'
                'fort-lauderdale-and-mataro/">',
            )
        self.assertContains(
            response,
            '<link rel="alternate" hreflang="x-default" href="http://localhost/en/partnerships/'
            'fort-lauderdale-and-mataro/">',
        )


class LanguageUrlTests(MultilingualTestCase):
    def test_root_redirects_to_the_best_language(self):
        for header, target in [("fr-CA,fr;q=0.9", "/fr/"), ("es", "/es/"), ("de", "/en/")]:
            with self.subTest(header=header):
                response = self.client.get("/", HTTP_ACCEPT_LANGUAGE=header)
                self.assertRedirects(response, target, fetch_redirect_response=False)

    @override_settings(
        LANGUAGES=[("en", "English"), ("ar", "Arabic")], WAGTAIL_CONTENT_LANGUAGES=[("en", "English"), ("ar", "Arabic")]
    )
    def test_a_right_to_left_language_gets_dir_rtl(self):
        arabic = Locale.objects.create(language_code="ar")
        translate_tree(self.home, [arabic], publish=True, include_snippets=False)
        response = self.client.get("/ar/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, '<html lang="ar" dir="rtl">', html=False)

    def test_sitemap_lists_every_language_with_alternates(self):
        response = self.client.get("/sitemap.xml")
        self.assertEqual(response.status_code, 200)
        body = response.content.decode()
        for code in ("en", "es", "fr"):
            self.assertIn(f"<loc>http://localhost/{code}/partnerships/fort-lauderdale-and-mataro/</loc>", body)
        self.assertEqual(body.count("<url>"), 5 * 3)
        self.assertEqual(body.count('hreflang="es"'), 5 * 3)

    def test_story_feed_per_language(self):
        response = self.client.get("/es/stories/feed/")
        self.assertEqual(response.status_code, 200)
        self.assertIn("<language>es</language>", response.content.decode())
        self.assertContains(self.client.get(self.home.url), 'type="application/rss+xml"')

    def test_country_choices_sorted_for_the_language(self):
        from django.utils import translation

        with translation.override("fr"):
            self.assertEqual(
                [name for _code, name in sorted_country_choices(["EG", "ZM", "ES", "US"])],
                ["Égypte", "Espagne", "États-Unis d'Amérique", "Zambie"],
            )


class BulkTranslationTests(MultilingualTestCase):
    def test_rerun_changes_nothing_then_only_what_changed(self):
        result = translate_tree(self.home, [self.es])
        self.assertEqual(result.count(CREATED), 0)
        self.assertEqual(result.count(UNCHANGED), len(result.outcomes))
        self.partnership.intro = "Two ports, one friendship."
        self.partnership.save_revision().publish()
        result = translate_tree(self.home, [self.es])
        changed = [(str(obj), status) for obj, _locale, status, _message in result.outcomes if status != UNCHANGED]
        self.assertEqual(changed, [("Fort Lauderdale and Mataró", "updated")])

    def test_command_creates_drafts_with_machine_translation_and_reports_progress(self):
        german = Locale.objects.create(language_code="de")
        out = StringIO()
        with override_settings(LANGUAGES=[("en", "English"), ("de", "German")]):
            call_command("translate_tree", "/en/partnerships/", "de", "--machine", stdout=out)
        page_de = self.partnership.get_translation(german)
        self.assertFalse(page_de.live)
        self.assertEqual(page_de.get_latest_revision_as_object().intro, "[DE] Two cities working together.")
        self.assertIn("created   de  Fort Lauderdale and Mataró", out.getvalue())
        self.assertIn("Done: ", out.getvalue())

    def test_bad_input_gives_a_clear_error(self):
        for args, message in [
            (["/en/nowhere/", "es"], "No page '/en/nowhere/'"),
            (["/en/", "xx"], "Unknown language(s): xx"),
            (["/en/", "en"], "is already in en"),
            (["/en/", "es", "--user", "nobody"], "No user 'nobody'"),
        ]:
            with self.subTest(args=args), self.assertRaisesMessage(CommandError, message):
                call_command("translate_tree", *args, stdout=StringIO())


class NothingLostTests(MultilingualTestCase):
    def test_changing_one_paragraph_keeps_every_other_translated_segment(self):
        page = self.partnership
        source = TranslationSource.objects.get_for_instance(page)
        for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
            StringTranslation.objects.create(
                translation_of=segment.string, context=segment.context, locale=self.es, data=f"ES {segment.string.data}"
            )
        page.intro = "A new introduction."
        page.save_revision().publish()
        translate_tree(page, [self.es], publish=True, include_snippets=False)
        page_es = page.get_translation(self.es)
        self.assertEqual(page_es.title, "ES Fort Lauderdale and Mataró")
        self.assertEqual(page_es.intro, "A new introduction.")
        # The translator's work on the title survives a second sync.
        translate_tree(page, [self.es], publish=True, include_snippets=False)
        self.assertEqual(page.get_translation(self.es).title, "ES Fort Lauderdale and Mataró")


class TranslatorPermissionTests(MultilingualTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        call_command("setup_translator_groups", stdout=StringIO())
        from django.contrib.auth import get_user_model

        cls.translator = get_user_model().objects.create_user("ana", "ana@example.org", "password")
        cls.translator.groups.add(Group.objects.get(name="Translators: Español"))

    def setUp(self):
        self.client.force_login(self.translator)

    def test_groups_command_is_idempotent_and_rejects_unknown_languages(self):
        out = StringIO()
        call_command("setup_translator_groups", stdout=out)
        self.assertIn("up to date Translators: Español", out.getvalue())
        self.assertIn("up to date Translators: Français", out.getvalue())
        with self.assertRaisesMessage(CommandError, "Unknown language(s): xx"):
            call_command("setup_translator_groups", "xx", stdout=StringIO())

    def test_pages_only_in_their_language(self):
        for page, status in [
            (self.partnership.get_translation(self.es), 200),
            (self.partnership, 403),
            (self.partnership.get_translation(self.fr), 403),
        ]:
            with self.subTest(locale=page.locale.language_code):
                response = self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
                self.assertEqual(response.status_code, 302 if status == 403 else 200)

    def test_snippets_only_in_their_language(self):
        city = self.partnership.city_b
        for obj, status in [(city.get_translation(self.es), 200), (city, 403), (city.get_translation(self.fr), 403)]:
            with self.subTest(locale=obj.locale.language_code):
                response = self.client.get(reverse("wagtailsnippets_cities_city:edit", args=[obj.pk]))
                self.assertEqual(response.status_code == 200, status == 200)
                response = self.client.post(
                    reverse("wagtailsnippets_cities_city:edit", args=[obj.pk]),
                    {"name": "Hacked", "region": "", "country": "ES", "latitude": "", "longitude": ""},
                )
                if status == 403:
                    self.assertNotEqual(City.objects.get(pk=obj.pk).name, "Hacked")

    def test_wagtail_localize_views(self):
        city = self.partnership.city_b
        source = TranslationSource.objects.get_for_instance(city)
        segment = StringSegment.objects.filter(source=source).first()
        for locale, status in [(self.es, 200), (self.fr, 403)]:
            translation = Translation.objects.get(source=source, target_locale=locale)
            with self.subTest(locale=locale.language_code):
                url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
                if status == 403:
                    self.assertEqual(self.client.put(url, {"value": "Mataró"}).status_code, 403)
                url = reverse("wagtail_localize:download_pofile", args=[translation.pk])
                self.assertEqual(self.client.get(url).status_code, status)
                url = reverse("wagtail_localize:upload_pofile", args=[translation.pk])
                self.assertEqual(self.client.post(url, {}).status_code, 400 if status == 200 else 403)
        url = reverse("wagtail_localize:submit_page_translation", args=[self.partnership.pk])
        self.assertEqual(self.client.get(url).status_code, 403)
        url = reverse("wagtail_localize:update_translations", args=[source.pk])
        self.assertEqual(self.client.get(url).status_code, 403)
