import datetime
from io import StringIO

from django.core.management import call_command
from django.test import TestCase
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision, Site
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from cities.models import City, CityPartnershipPage, MemberAssociation, PartnershipIndexPage
from home.models import (
    CallToAction,
    CampaignIndexPage,
    CampaignPage,
    FocusArea,
    HomePage,
    HomePageCallToAction,
    PartnerOrganisation,
)
from stories.models import StoryIndexPage, StoryPage

COUNTED_MODELS = [
    Page,
    HomePage,
    CampaignIndexPage,
    CampaignPage,
    StoryIndexPage,
    StoryPage,
    PartnershipIndexPage,
    CityPartnershipPage,
    FocusArea,
    PartnerOrganisation,
    CallToAction,
    HomePageCallToAction,
    City,
    MemberAssociation,
    Revision,
    get_image_model(),
    Site,
    Locale,
    TranslationSource,
    Translation,
    StringTranslation,
]


def counts():
    return {model._meta.label: model.objects.count() for model in COUNTED_MODELS}


def load_demo_content():
    out = StringIO()
    call_command("load_demo_content", stdout=out)
    return out.getvalue()


class DemoContentTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.first_output = load_demo_content()
        cls.counts_after_first_run = counts()

    def test_a_second_run_changes_nothing(self):
        output = load_demo_content()
        self.assertEqual(counts(), self.counts_after_first_run)
        self.assertIn("nothing changed", output)

    def test_it_creates_content_of_every_kind(self):
        empty = [label for label, count in self.counts_after_first_run.items() if count == 0]
        self.assertEqual(empty, [])

    def test_the_home_page_is_the_default_sites_root(self):
        site = Site.objects.get(is_default_site=True)
        self.assertIsInstance(site.root_page.specific, HomePage)
        self.assertEqual(Site.objects.count(), 1)

    def test_sister_city_sunday_campaign(self):
        campaign = CampaignPage.objects.get(hashtag="#SisterCitySunday", locale__language_code="en")
        self.assertEqual(campaign.start_date, datetime.date(2016, 10, 2))
        self.assertTrue(campaign.live)

    def test_fort_lauderdale_mataro_partnership(self):
        partnership = CityPartnershipPage.objects.get(
            city_a__name="Fort Lauderdale", city_b__name="Mataró", locale__language_code="en"
        )
        self.assertEqual((partnership.city_a.country.code, partnership.city_b.country.code), ("US", "ES"))
        self.assertTrue(partnership.live)

    def test_nashville_tamworth_partnership(self):
        partnership = CityPartnershipPage.objects.get(
            city_a__name="Nashville", city_b__name="Tamworth", locale__language_code="en"
        )
        self.assertEqual((partnership.city_a.country.code, partnership.city_b.country.code), ("US", "AU"))
        self.assertTrue(partnership.live)

    def test_joshua_walker_story_credits_the_original(self):
        story = StoryPage.objects.get(contributor_name="Joshua W. Walker", locale__language_code="en")
        self.assertTrue(story.original_url.startswith("https://"))
        response = self.client.get(story.url)
        self.assertContains(response, f'<link rel="canonical" href="{story.original_url}">', html=True)

    def test_home_page_calls_to_action(self):
        home = HomePage.objects.get(locale__language_code="en")
        self.assertEqual(
            [(cta.kind, cta.label.casefold()) for cta in home.calls_to_action],
            [("take_action", "take action"), ("donate", "donate")],
        )
        response = self.client.get(home.url)
        for cta in home.calls_to_action:
            self.assertContains(response, cta.label)

    def test_every_live_page_renders(self):
        pages = Page.objects.live().filter(depth__gt=1).specific()
        self.assertEqual(len(pages), self.counts_after_first_run["wagtailcore.Page"] - 1)
        for page in pages:
            with self.subTest(page=page.url):
                self.assertEqual(self.client.get(page.url).status_code, 200)

    def test_every_page_has_a_published_revision(self):
        pages = Page.objects.filter(depth__gt=1)
        self.assertEqual([page.title for page in pages if page.live_revision_id is None], [])


class DemoTranslationTests(TestCase):
    """The campaign, the Fort Lauderdale–Mataró partnership and its story in Spanish and French; the rest synced."""

    @classmethod
    def setUpTestData(cls):
        load_demo_content()
        cls.locales = {locale.language_code: locale for locale in Locale.objects.all()}

    def test_every_page_is_live_in_every_language(self):
        english = Page.objects.filter(depth__gt=1, locale__language_code="en")
        for code in ("es", "fr", "ja"):
            with self.subTest(language=code):
                translated = Page.objects.filter(depth__gt=1, locale__language_code=code, live=True)
                self.assertEqual(
                    set(translated.values_list("translation_key", flat=True)),
                    set(english.values_list("translation_key", flat=True)),
                )

    def test_the_spanish_partnership_reads_in_spanish(self):
        partnership = CityPartnershipPage.objects.get(locale__language_code="es", slug="fort-lauderdale-mataro")
        self.assertEqual(partnership.url, "/es/hermanamientos/fort-lauderdale-mataro/")
        response = self.client.get(partnership.url)
        self.assertContains(response, "Sobre los cimientos de la industria náutica")
        self.assertContains(
            response,
            "Mataró, en la costa del Maresme, al norte de Barcelona, ha convertido su puerto deportivo en el corazón",
        )
        self.assertContains(response, "Cataluña, España")
        self.assertContains(response, "Desarrollo económico y comercio")
        self.assertContains(response, "<title>Fort Lauderdale y Mataró: un hermanamiento construido sobre barcos")

    def test_the_french_partnership_reads_in_french(self):
        partnership = CityPartnershipPage.objects.get(locale__language_code="fr", slug="fort-lauderdale-mataro")
        self.assertEqual(partnership.url, "/fr/jumelages/fort-lauderdale-mataro/")
        response = self.client.get(partnership.url)
        self.assertContains(response, "Catalogne, Espagne")
        self.assertContains(response, "Le jumelage en un coup d&#x27;œil")

    def test_the_story_and_the_campaign_in_spanish_and_french(self):
        for url, sentence in [
            (
                "/es/historias/mision-comercial-fort-lauderdale-mataro/",
                "Volvieron a casa con algo más que tarjetas de visita.",
            ),
            ("/fr/histoires/mission-commerciale-fort-lauderdale-mataro/", "La mission en bref"),
            ("/es/campanas/domingo-ciudades-hermanas/", "#SisterCitySunday comenzó el 2 de octubre de 2016."),
            ("/fr/campagnes/dimanche-villes-jumelles/", "Pourquoi un hashtag ?"),
        ]:
            with self.subTest(url=url):
                self.assertContains(self.client.get(url), sentence)

    def test_every_segment_of_the_hand_translated_objects_is_translated_in_wagtail_localize(self):
        hand_translated = TranslationSource.objects.filter(
            object_id__in=Page.objects.filter(
                locale__language_code="en",
                slug__in=[
                    "home",
                    "campaigns",
                    "stories",
                    "partnerships",
                    "sister-city-sunday",
                    "fort-lauderdale-mataro",
                    "fort-lauderdale-mataro-trade-mission",
                ],
            ).values("translation_key")
        )
        snippet_sources = TranslationSource.objects.exclude(object_id__in=Page.objects.values("translation_key"))
        sources = list(hand_translated) + list(snippet_sources)
        self.assertEqual(len(sources), 7 + 16)
        for source in sources:
            for code in ("es", "fr"):
                translation = Translation.objects.get(source=source, target_locale=self.locales[code])
                total, translated = translation.get_progress()
                with self.subTest(source=str(source.get_source_instance()), language=code):
                    self.assertEqual(translated, total)
                    self.assertGreater(total, 0)
        self.assertFalse(
            StringTranslation.objects.filter(translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE).exists()
        )

    def test_the_other_pages_carry_the_english_text(self):
        story = StoryPage.objects.get(locale__language_code="ja", slug="nashville-tamworth-songwriters")
        self.assertEqual(story.title, "Songs across the Pacific: Nashville and Tamworth write together")
        source = TranslationSource.objects.get_for_instance(story.get_translation(self.locales["en"]))
        self.assertTrue(Translation.objects.filter(source=source, target_locale=self.locales["ja"]).exists())
        self.assertFalse(
            StringTranslation.objects.filter(
                translation_of__in=StringSegment.objects.filter(source=source).values("string")
            ).exists()
        )
        self.assertEqual(self.client.get(story.url).status_code, 200)
