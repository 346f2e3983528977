from home.models import HomePage
from stories.models import StoryIndexPage, StoryPage
from tests.factories import (
    CampaignPageFactory,
    CityPartnershipPageFactory,
    FocusAreaFactory,
    StoryPageFactory,
)
from tests.utils import SiteTestCase, body_form_data, body_stream, page_form_data

BODY_BLOCK_TYPES = ["heading", "paragraph", "image", "quote", "call_to_action", "facts"]


class StoryPageTypeTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.focus_area = FocusAreaFactory(name="Trade")
        cls.partnership = CityPartnershipPageFactory(parent=cls.partnership_index)
        cls.campaign = CampaignPageFactory(parent=cls.campaign_index)
        cls.story = StoryPageFactory(
            parent=cls.story_index,
            body=body_stream(cls.image, cls.call_to_action, word="exchange"),
            hero_image=cls.image,
            focus_areas=[cls.focus_area],
            related_partnerships=[cls.partnership],
            related_campaign=cls.campaign,
        )

    def setUp(self):
        self.login()

    def test_allowed_parent_page_types(self):
        self.assertAllowedParentPageTypes(StoryIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(StoryPage, {StoryIndexPage})

    def test_allowed_subpage_types(self):
        self.assertAllowedSubpageTypes(StoryIndexPage, {StoryPage})
        self.assertAllowedSubpageTypes(StoryPage, set())

    def test_can_create_story_index_page(self):
        self.assertCanCreate(self.home, StoryIndexPage, page_form_data("News", intro="From the network."))
        self.assertEqual(StoryIndexPage.objects.get(slug="news").intro, "From the network.")

    def test_can_create_story_page_with_a_full_body(self):
        self.assertCanCreate(
            self.story_index,
            StoryPage,
            page_form_data(
                "A trade mission",
                date="2019-05-04",
                contributor_name="Joshua W. Walker",
                contributor_role="Board member",
                original_url="https://news.example.com/trade-mission",
                intro="Twelve businesses travelled.",
                body=body_form_data(self.image, self.call_to_action, word="mission"),
                related_campaign=str(self.campaign.pk),
                many={"focus_areas": [self.focus_area.pk], "related_partnerships": [self.partnership.pk]},
            ),
        )
        story = StoryPage.objects.get(slug="a-trade-mission")
        self.assertTrue(story.live)
        self.assertEqual(str(story.date), "2019-05-04")
        self.assertEqual(story.original_url, "https://news.example.com/trade-mission")
        self.assertEqual([block.block_type for block in story.body], BODY_BLOCK_TYPES)
        self.assertEqual(list(story.focus_areas.all()), [self.focus_area])
        self.assertEqual(list(story.related_partnerships.all()), [self.partnership])
        self.assertEqual(story.related_campaign, self.campaign)

    def test_pages_are_renderable(self):
        for page in (self.story_index, self.story):
            with self.subTest(page=page.title):
                self.assertPageIsRenderable(page)

    def test_story_index_page_is_previewable(self):
        data = page_form_data(self.story_index.title, slug=self.story_index.slug, intro="A preview intro")
        self.assertPreviewRenders(self.story_index, data, contains="A preview intro")

    def test_story_page_is_previewable(self):
        data = page_form_data(
            "A previewed story",
            slug=self.story.slug,
            date="2019-05-04",
            body=body_form_data(self.image, self.call_to_action, word="preview"),
            many={"focus_areas": [self.focus_area.pk], "related_partnerships": [self.partnership.pk]},
        )
        response = self.assertPreviewRenders(self.story, data, contains="About the preview")
        self.assertContains(response, self.partnership.title)

    def test_a_new_story_page_is_previewable_before_its_first_save(self):
        data = page_form_data(
            "A new story",
            date="2019-05-04",
            body=body_form_data(self.image, self.call_to_action, word="new"),
            many={"related_partnerships": [self.partnership.pk]},
        )
        self.assertNewPagePreviewRenders(self.story_index, StoryPage, data, contains="About the new")
