"""A translated story keeps the source's relations; the translated partnership and campaign still list it."""

from wagtail.models import Locale

from cms.translation.bulk import translate_tree
from tests.factories import CampaignPageFactory, CityPartnershipPageFactory, StoryPageFactory
from tests.utils import SiteTestCase


class TranslatedRelationTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.french = Locale.objects.create(language_code="fr")
        cls.partnership = CityPartnershipPageFactory(parent=cls.partnership_index, title="Fort Lauderdale – Mataró")
        cls.other_partnership = CityPartnershipPageFactory(parent=cls.partnership_index, title="Nashville – Tamworth")
        cls.campaign = CampaignPageFactory(parent=cls.campaign_index, title="Sister City Sunday")
        cls.story = StoryPageFactory(
            parent=cls.story_index,
            title="A trade mission",
            related_partnerships=[cls.partnership],
            related_campaign=cls.campaign,
        )
        cls.other_story = StoryPageFactory(
            parent=cls.story_index, title="Songwriters", related_partnerships=[cls.other_partnership]
        )
        translate_tree(cls.home, [cls.french], publish=True)

    def in_french(self, page):
        return page.get_translation(self.french)

    def listed_titles(self, response):
        return [story.title for story in response.context["stories"]]

    def test_the_french_partnership_page_lists_the_french_story(self):
        response = self.client.get(self.in_french(self.partnership).url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.listed_titles(response), [self.in_french(self.story).title])
        self.assertEqual([story.locale_id for story in response.context["stories"]], [self.french.pk])

    def test_the_english_partnership_page_lists_only_the_english_story(self):
        response = self.client.get(self.partnership.url)
        self.assertEqual([story.pk for story in response.context["stories"]], [self.story.pk])

    def test_the_french_campaign_page_lists_the_french_story(self):
        response = self.client.get(self.in_french(self.campaign).url)
        self.assertEqual([story.pk for story in response.context["stories"]], [self.in_french(self.story).pk])

    def test_the_french_story_index_filters_by_the_french_partnership(self):
        index = self.in_french(self.story_index)
        response = self.client.get(index.url, {"partnership": self.in_french(self.partnership).pk})
        self.assertEqual(response.status_code, 200)
        self.assertEqual([story.pk for story in response.context["stories"]], [self.in_french(self.story).pk])
