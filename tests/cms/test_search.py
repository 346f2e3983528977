from django.urls import reverse
from wagtail.models import Locale, Page

from tests.factories import (
    CampaignIndexPageFactory,
    CampaignPageFactory,
    CityPartnershipPageFactory,
    HomePageFactory,
    StoryIndexPageFactory,
    StoryPageFactory,
    stream_json,
)
from tests.utils import SiteTestCase, body_stream

SEARCH_URL = "/en/search/"


def paragraph(text):
    return stream_json(("paragraph", f"<p>{text}</p>"))


class SearchTests(SiteTestCase):
    """Every page type carries one made-up word of its own, and all share the word "twinning"."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()

        def update(page, **fields):
            for name, value in fields.items():
                setattr(page, name, value)
            page.save()
            return page

        update(cls.home, hero_intro="Twinning homeword.")
        update(cls.campaign_index, intro="Twinning campaignindexword.")
        update(cls.story_index, intro="Twinning storyindexword.")
        update(cls.partnership_index, intro="Twinning partnershipindexword.")
        CampaignPageFactory(parent=cls.campaign_index, title="Campaign", body=paragraph("Twinning campaignword."))
        StoryPageFactory(
            parent=cls.story_index,
            title="Story",
            intro="A twinning story.",
            body=body_stream(cls.image, cls.call_to_action, word="storyword"),
        )
        StoryPageFactory(parent=cls.story_index, title="Intro story", intro="Twinning introword.")
        CityPartnershipPageFactory(
            parent=cls.partnership_index, title="Partnership", body=paragraph("Twinning cityword.")
        )
        StoryPageFactory(parent=cls.story_index, title="Draft story", body=paragraph("Twinning storyword."), live=False)
        # The same words in Spanish pages: found only when searching in Spanish.
        spanish = Locale.objects.create(language_code="es")
        inicio = HomePageFactory(parent=Page.get_first_root_node(), title="Inicio", locale=spanish)
        historias = StoryIndexPageFactory(parent=inicio, title="Historias")
        StoryPageFactory(parent=historias, title="Historia", body=paragraph("Twinning storyword historiaword."))
        CampaignIndexPageFactory(parent=inicio, title="Campañas", intro="Twinning campaignindexword.")

    def search(self, query, url=SEARCH_URL):
        response = self.client.get(url, {"query": query})
        self.assertEqual(response.status_code, 200)
        return response

    def found(self, query, url=SEARCH_URL):
        return [page.title for page in self.search(query, url).context["search_results"]]

    def test_search_url(self):
        self.assertEqual(reverse("search"), SEARCH_URL)

    def test_finds_every_page_type_by_a_word_of_its_own(self):
        expected = {
            "homeword": ["Home"],
            "campaignindexword": ["Campaigns"],
            "campaignword": ["Campaign"],
            "storyindexword": ["Stories"],
            "storyword": ["Story"],
            "introword": ["Intro story"],
            "partnershipindexword": ["Partnerships"],
            "cityword": ["Partnership"],
        }
        for word, titles in expected.items():
            with self.subTest(word=word):
                self.assertEqual(self.found(word), titles)

    def test_finds_only_live_pages_in_the_current_language(self):
        self.assertEqual(
            sorted(self.found("twinning")),
            ["Campaign", "Campaigns", "Home", "Intro story", "Partnership", "Partnerships", "Stories", "Story"],
        )
        self.assertEqual(self.found("historiaword"), [])
        self.assertEqual(self.found("historiaword", url="/es/search/"), ["Historia"])
        self.assertEqual(sorted(self.found("twinning", url="/es/search/")), ["Campañas", "Historia"])

    def test_all_words_must_match(self):
        self.assertEqual(self.found("twinning storyword"), ["Story"])
        self.assertEqual(self.found("storyword cityword"), [])

    def test_results_are_rendered_with_a_count(self):
        response = self.search("cityword")
        self.assertContains(response, "1 result for “cityword”")
        self.assertContains(response, 'href="/en/partnerships/partnership/"')

    def test_nothing_found_says_so(self):
        response = self.search("zyzzyva")
        self.assertEqual(list(response.context["search_results"]), [])
        self.assertContains(response, "Nothing matched “zyzzyva”.")

    def test_an_empty_query_shows_the_form_only(self):
        for query in ("", "   "):
            with self.subTest(query=query):
                response = self.search(query)
                self.assertEqual(response.context["search_query"], "")
                self.assertEqual(list(response.context["search_results"]), [])
                self.assertIsNone(response.context["search_error"])
                self.assertContains(response, "Type a city, a country or a topic such as youth exchange.")
        response = self.client.get(SEARCH_URL)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(list(response.context["search_results"]), [])

    def test_a_very_long_query_is_refused_with_a_message(self):
        response = self.search("storyword " * 1024)
        self.assertEqual(response.context["search_error"], "Please search for 200 characters or fewer.")
        self.assertEqual(response.context["search_query"], "")
        self.assertEqual(list(response.context["search_results"]), [])
        self.assertContains(response, "Please search for 200 characters or fewer.")

    def test_nul_bytes_are_dropped(self):
        self.assertEqual(self.found("story\x00word"), ["Story"])
        response = self.search("\x00")
        self.assertEqual(response.context["search_query"], "")
        self.assertEqual(list(response.context["search_results"]), [])

    def test_bad_page_numbers(self):
        for page in ("abc", "99999", "-1", "\x00"):
            with self.subTest(page=page):
                response = self.client.get(SEARCH_URL, {"query": "cityword", "page": page})
                self.assertEqual(response.status_code, 200)
                self.assertEqual([result.title for result in response.context["search_results"]], ["Partnership"])
