"""The interface in Spanish, French and Japanese.

The catalogues in locale/ are complete and their committed .mo files are compiled from them (a clone has no
msgfmt; `make messages` refreshes both), and pages and the admin speak the visitor's or the editor's language.
"""

import datetime
import re
from unittest import mock

import polib
from django.conf import settings
from django.test import SimpleTestCase
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale
from wagtail.test.utils.form_data import streamfield
from wagtail.users.models import UserProfile

from cms.translation.bulk import translate_tree
from home import listing
from tests.factories import (
    CityFactory,
    CityPartnershipPageFactory,
    FocusAreaFactory,
    HomePageCallToActionFactory,
    StoryPageFactory,
)
from tests.utils import SiteTestCase, page_form_data

LOCALE_DIR = settings.BASE_DIR / "locale"
# What a translation must carry over unchanged: named placeholders, format fields and HTML tags.
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w*\}|</?[a-z]+")


def catalogue(language):
    return polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))


def live_entries(po):
    return [entry for entry in po if entry.msgid and not entry.obsolete]


def translations(entry):
    return list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]


def messages(entries):
    """What gettext sees: (context, msgid, plural msgid, translations) for each message."""
    return {
        (entry.msgctxt, entry.msgid, entry.msgid_plural, tuple(sorted(entry.msgstr_plural.items())), entry.msgstr)
        for entry in entries
    }


class CatalogueTests(SimpleTestCase):
    def test_one_catalogue_per_language_in_locale(self):
        found = sorted(path.parent.parent.name for path in LOCALE_DIR.glob("*/LC_MESSAGES/django.po"))
        self.assertEqual(found, ["es", "fr", "ja"])

    def test_each_compiled_catalogue_matches_its_source(self):
        # msgfmt leaves out fuzzy and untranslated messages; compare what it would have compiled with the .mo.
        for language in ("es", "fr", "ja"):
            with self.subTest(language=language):
                po = catalogue(language)
                mo_path = LOCALE_DIR / language / "LC_MESSAGES" / "django.mo"
                self.assertTrue(mo_path.exists(), f"{mo_path} is missing: run `make messages`")
                mo = polib.mofile(str(mo_path))
                expected = messages(entry for entry in po.translated_entries() if entry.msgid)
                compiled = messages(entry for entry in mo if entry.msgid)
                self.assertEqual(
                    compiled,
                    expected,
                    f"locale/{language}/LC_MESSAGES/django.mo is out of date: run `make messages` and commit it",
                )
                self.assertEqual(mo.metadata.get("Plural-Forms"), po.metadata.get("Plural-Forms"))

    def test_spanish_and_french_translate_every_message_with_its_placeholders(self):
        for language in ("es", "fr"):
            po = catalogue(language)
            self.assertFalse(po.metadata_is_fuzzy)
            for entry in live_entries(po):
                with self.subTest(language=language, msgid=entry.msgid):
                    self.assertNotIn("fuzzy", entry.flags)
                    self.assertTrue(all(translations(entry)), "untranslated")
                    self.assertPlaceholdersKept(entry)

    def test_japanese_translates_every_visitor_facing_template_message(self):
        po = catalogue("ja")
        visitor_facing = [
            entry
            for entry in live_entries(po)
            if any("/templates/" in path and "/templates/cms/" not in path for path, _line in entry.occurrences)
        ]
        self.assertGreaterEqual(len(visitor_facing), 80)
        for entry in visitor_facing:
            with self.subTest(msgid=entry.msgid):
                self.assertNotIn("fuzzy", entry.flags)
                self.assertTrue(all(translations(entry)), "untranslated")
        for entry in po.translated_entries():
            with self.subTest(msgid=entry.msgid):
                self.assertPlaceholdersKept(entry)

    def test_plural_messages_have_every_form_the_language_needs(self):
        for language, forms in [("es", 3), ("fr", 2), ("ja", 1)]:
            for entry in live_entries(catalogue(language)):
                if entry.msgid_plural:
                    with self.subTest(language=language, msgid=entry.msgid):
                        self.assertEqual(sorted(entry.msgstr_plural), list(range(forms)))

    def test_our_words_carry_a_context_so_wagtails_own_admin_words_stay_its_own(self):
        # Without a context, our Japanese "Status" (状況) would also replace Wagtail's ステータス in the admin.
        wagtail_words = {"Status": "ステータス", "Type": "タイプ", "Active": "有効", "Inactive": "無効"}
        with translation.override("ja"):
            self.assertEqual({word: translation.gettext(word) for word in wagtail_words}, wagtail_words)
            self.assertEqual(
                [
                    translation.pgettext("partnership", "Status"),
                    translation.pgettext("partnership", "Type"),
                    translation.pgettext("partnership status", "Active"),
                    translation.pgettext("campaign", "Status"),
                ],
                ["状況", "種類", "活動中", "状況"],
            )

    def assertPlaceholdersKept(self, entry):
        expected = sorted(PLACEHOLDER.findall(entry.msgid_plural or entry.msgid))
        for text in translations(entry):
            self.assertEqual(sorted(PLACEHOLDER.findall(text)), expected, text)


def one_story_per_page(request, queryset, per_page=None):
    return listing.paginate(request, queryset, per_page=1)


@mock.patch("stories.models.paginate", one_story_per_page)
class TranslatedPagesTests(SiteTestCase):
    """The site's own words (navigation, filters, pagination, search) in the page's language."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in ("es", "fr", "ja")}
        focus_area = FocusAreaFactory(name="Trade", slug="trade")
        partnership = CityPartnershipPageFactory(
            parent=cls.partnership_index,
            city_a=CityFactory(name="Fort Lauderdale", country="US"),
            city_b=CityFactory(name="Mataró", country="ES"),
        )
        for day in (1, 2):
            story = StoryPageFactory(parent=cls.story_index, date=datetime.date(2025, 4, day))
            story.focus_areas.add(focus_area)
            story.related_partnerships.add(partnership)
            story.save_revision().publish()
        HomePageCallToActionFactory(page=cls.home, call_to_action=cls.call_to_action)
        translate_tree(cls.home, list(cls.locales.values()), publish=True)

    def get(self, page, language, query=""):
        response = self.client.get(page.get_translation(self.locales[language]).url + query)
        self.assertEqual(response.status_code, 200)
        return response

    def search(self, language, query):
        with translation.override(language):
            url = reverse("search")
        self.assertTrue(url.startswith(f"/{language}/"), url)
        response = self.client.get(url, {"query": query})
        self.assertEqual(response.status_code, 200)
        return response

    def assertTranslated(self, response, translated, english):
        for text in translated:
            self.assertContains(response, text)
        for text in english:
            self.assertNotContains(response, text)

    def test_spanish_home_page(self):
        self.assertTranslated(
            self.get(self.home, "es"),
            [
                "Saltar al contenido principal",
                'aria-label="Principal"',
                "Buscar en el sitio",
                'placeholder="Busca historias, ciudades…"',
                "Últimas historias",
                "Historia ·",
                "Trae el mundo a tu ciudad",
                "Una red de ciudades hermanas que construye la paz a través de la amistad entre personas.",
                "Todos los derechos reservados.",
            ],
            ["Skip to main content", "Search the site", "Latest stories", "Bring the world", "All rights reserved"],
        )

    def test_french_home_page(self):
        self.assertTranslated(
            self.get(self.home, "fr"),
            [
                "Aller au contenu principal",
                "Rechercher sur le site",
                "Derniers récits",
                "Faites venir le monde dans votre ville",
                "Un réseau de villes jumelles qui bâtit la paix par l’amitié entre les peuples.",
                "Tous droits réservés.",
            ],
            ["Skip to main content", "Search the site", "Latest stories", "Bring the world", "All rights reserved"],
        )

    def test_spanish_story_index_filters_and_pagination(self):
        self.assertTranslated(
            self.get(self.story_index, "es"),
            [
                "Filtrar historias",
                '<label for="id_focus_area">Ámbito de trabajo</label>',
                "Todos los ámbitos",
                '<label for="id_country">País</label>',
                "Todos los países",
                "Todos los hermanamientos",
                "Aplicar filtros",
                "2 historias",
                'rel="next">Siguiente</a>',
                'aria-label="Páginas de historias"',
            ],
            [
                "Filter stories",
                "All countries",
                "All focus areas",
                "Apply filters",
                ">Next<",
                ">Previous<",
                "2 stories",
            ],
        )

    def test_french_story_index_filters_and_pagination(self):
        self.assertTranslated(
            self.get(self.story_index, "fr", "?page=2"),
            [
                "Filtrer les récits",
                "Domaine d’action",
                "Tous les pays",
                "Appliquer les filtres",
                "2 récits",
                'rel="prev">Précédent</a>',
                "Suivant</span>",
            ],
            ["Filter stories", "All countries", "Apply filters", ">Next<", ">Previous<", "2 stories"],
        )

    def test_an_unknown_filter_value_is_explained_in_spanish(self):
        self.assertTranslated(
            self.get(self.story_index, "es", "?country=XX"),
            [
                "No reconocemos ese valor de filtro; no se muestra ninguna historia.",
                "Ninguna historia coincide con estos filtros.",
                "Quitar filtros",
            ],
            ["That filter value is not known", "No stories match these filters.", "Clear filters"],
        )

    def test_spanish_search_page(self):
        self.assertTranslated(
            self.search("es", "zzqx"),
            [
                '<label for="search-query">Busca historias, campañas y hermanamientos</label>',
                '<button class="button button--accent" type="submit">Buscar</button>',
                "0 resultados para «zzqx»",
                "No hay nada que coincida con «zzqx».",
                "Prueba con menos palabras o con otras distintas",
            ],
            ["Search stories, campaigns and partnerships", "Nothing matched", "0 results for", "Try fewer"],
        )

    def test_french_search_page(self):
        self.assertTranslated(
            self.search("fr", "zzqx"),
            [
                '<label for="search-query">Rechercher des récits, des campagnes et des jumelages</label>',
                '<button class="button button--accent" type="submit">Rechercher</button>',
                "0 résultat pour « zzqx »",
                "Aucun résultat pour « zzqx ».",
            ],
            ["Search stories, campaigns and partnerships", "Nothing matched", "0 results for", "Try fewer"],
        )

    def test_spanish_search_results_are_counted_in_spanish(self):
        response = self.search("es", self.story_index.get_children().first().title)
        self.assertContains(response, "1 resultado para «")

    def test_listing_counts_are_numbers_formatted_for_the_language(self):
        """12345 stories, grouped as each language writes it: Spanish and French with a no-break space (Django's
        formats for them), English and Japanese with a comma."""
        expected = {
            "en": "12,345 stories",
            "es": "12\xa0345 historias",
            "fr": "12\xa0345 récits",
            "ja": "12,345",
        }
        with mock.patch.object(listing.ListingPaginator, "count", new_callable=mock.PropertyMock, return_value=12345):
            for language, text in expected.items():
                with self.subTest(language=language):
                    page = (
                        self.story_index
                        if language == "en"
                        else self.story_index.get_translation(self.locales[language])
                    )
                    response = self.client.get(page.url)
                    self.assertEqual(response.status_code, 200)
                    self.assertContains(response, text)

    def test_japanese_pages_show_japanese_navigation_search_and_filters(self):
        self.assertTranslated(
            self.get(self.home, "ja"),
            ["本文へスキップ", "サイト内を検索", 'placeholder="ストーリーや都市を検索…"', "最新のストーリー", ">検索<"],
            ["Skip to main content", "Search the site", "Latest stories", ">Search<"],
        )
        self.assertTranslated(
            self.get(self.story_index, "ja"),
            ["ストーリーを絞り込む", "すべての国", "すべての活動分野", "絞り込む</button>", "2件のストーリー", "次へ"],
            ["All countries", "Apply filters", ">Next<", "2 stories"],
        )
        self.assertTranslated(
            self.search("ja", "zzqx"),
            ["ストーリー、キャンペーン、姉妹都市提携を検索", "「zzqx」に一致するものはありませんでした。"],
            ["Nothing matched", "Search stories, campaigns and partnerships"],
        )

    def test_partnership_page_badges_and_details_in_french(self):
        partnership = self.partnership_index.get_children().first()
        self.assertTranslated(
            self.get(partnership, "fr"),
            ["Ville jumelle", "Actif", "Détails du jumelage", "Année de création", "Créé en 1990"],
            ["Sister city", "Partnership details", "Year established", "Established 1990"],
        )


class SpanishAdminTests(SiteTestCase):
    """An editor whose preferred language is Spanish gets the project's own admin messages in Spanish."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        profile = UserProfile.get_for_user(cls.superuser)
        profile.preferred_language = "es"
        profile.save()
        cls.mataro = CityFactory(name="Mataró", country="ES")

    def setUp(self):
        self.login()

    def test_a_partnership_form_error_is_in_spanish(self):
        url = reverse("wagtailadmin_pages:add", args=["cities", "citypartnershippage", self.partnership_index.pk])
        data = page_form_data(
            "Mataró y Mataró",
            city_a=str(self.mataro.pk),
            city_b=str(self.mataro.pk),
            relationship_type="sister_city",
            status="active",
            year_established="1990",
            body=streamfield([]),
            publish=True,
        )
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 200)
        # The error is a lazy string: read it in the editor's language, as the admin rendered it.
        with translation.override("es"):
            self.assertEqual(
                response.context["form"].errors, {"city_b": ["Un hermanamiento necesita dos ciudades distintas."]}
            )
        self.assertContains(response, "Un hermanamiento necesita dos ciudades distintas.")
        self.assertNotContains(response, "A partnership needs two different cities.")

    def test_the_translation_status_report_is_in_spanish(self):
        response = self.client.get(reverse("translation_status"))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Estado de las traducciones")
        self.assertNotContains(response, "Translation status")
