from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, streamfield

from cities.models import PartnershipIndexPage
from home.models import CampaignIndexPage, CampaignPage, HomePage
from stories.models import StoryIndexPage
from tests.factories import CampaignPageFactory, HomePageCallToActionFactory, PartnerOrganisationFactory
from tests.utils import SiteTestCase, body_form_data, body_stream, page_form_data

BODY_BLOCK_TYPES = ["heading", "paragraph", "image", "quote", "call_to_action", "facts"]


class HomePageTypeTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.campaign = CampaignPageFactory(
            parent=cls.campaign_index, body=body_stream(cls.image, cls.call_to_action, word="campaign")
        )
        HomePageCallToActionFactory(page=cls.home, call_to_action=cls.call_to_action)

    def setUp(self):
        self.login()

    def test_allowed_parent_page_types(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedParentPageTypes(CampaignIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(CampaignPage, {CampaignIndexPage})

    def test_allowed_subpage_types(self):
        self.assertAllowedSubpageTypes(HomePage, {CampaignIndexPage, StoryIndexPage, PartnershipIndexPage})
        self.assertAllowedSubpageTypes(CampaignIndexPage, {CampaignPage})
        self.assertAllowedSubpageTypes(CampaignPage, set())

    def test_can_create_home_page_at_the_root(self):
        root = Page.get_first_root_node()
        self.assertCanCreate(
            root,
            HomePage,
            page_form_data(
                "Inicio",
                hero_heading="Construyendo la paz",
                hero_intro="Ciudades de todo el mundo.",
                featured_content=streamfield([("page", str(self.story_index.pk))]),
                site_calls_to_action=inline_formset([{"call_to_action": str(self.call_to_action.pk)}]),
            ),
        )
        home = HomePage.objects.get(slug="inicio")
        self.assertEqual([block.value.pk for block in home.featured_content], [self.story_index.pk])
        self.assertEqual(home.calls_to_action, [self.call_to_action])

    def test_can_create_campaign_index_page(self):
        self.assertCanCreate(self.home, CampaignIndexPage, page_form_data("Past campaigns", intro="All of them."))
        self.assertEqual(CampaignIndexPage.objects.get(slug="past-campaigns").intro, "All of them.")

    def test_can_create_campaign_page_with_a_full_body(self):
        partner = PartnerOrganisationFactory()
        self.assertCanCreate(
            self.campaign_index,
            CampaignPage,
            page_form_data(
                "Sister City Sunday",
                hashtag="SisterCitySunday",
                start_date="2016-10-02",
                end_date="2016-10-09",
                intro="A day for sister cities.",
                body=body_form_data(self.image, self.call_to_action),
                many={"partner_organisations": [partner.pk], "calls_to_action": [self.call_to_action.pk]},
            ),
        )
        campaign = CampaignPage.objects.get(slug="sister-city-sunday")
        self.assertTrue(campaign.live)
        self.assertEqual(campaign.hashtag, "#SisterCitySunday")
        self.assertEqual([block.block_type for block in campaign.body], BODY_BLOCK_TYPES)
        self.assertEqual(campaign.body[2].value["image"].pk, self.image.pk)
        self.assertEqual(campaign.body[4].value, self.call_to_action)
        self.assertEqual([fact["figure"] for fact in campaign.body[5].value["facts"]], ["1956", "60+"])
        self.assertEqual(list(campaign.partner_organisations.all()), [partner])

    def test_pages_are_renderable(self):
        for page in (self.home, self.campaign_index, self.campaign):
            with self.subTest(page=page.title):
                self.assertPageIsRenderable(page)

    def test_home_page_is_previewable(self):
        data = page_form_data(
            self.home.title,
            slug=self.home.slug,
            hero_heading="A preview heading",
            featured_content=streamfield([("page", str(self.campaign.pk))]),
            site_calls_to_action=inline_formset([{"call_to_action": str(self.call_to_action.pk)}]),
        )
        self.assertPreviewRenders(self.home, data, contains="A preview heading")

    def test_campaign_index_page_is_previewable(self):
        data = page_form_data(self.campaign_index.title, slug=self.campaign_index.slug, intro="A preview intro")
        self.assertPreviewRenders(self.campaign_index, data, contains="A preview intro")

    def test_campaign_page_is_previewable(self):
        data = page_form_data(
            "A previewed campaign",
            slug=self.campaign.slug,
            start_date="2016-10-02",
            body=body_form_data(self.image, self.call_to_action, word="preview"),
        )
        self.assertPreviewRenders(self.campaign, data, contains="About the preview")

    def test_a_new_campaign_page_is_previewable_before_its_first_save(self):
        data = page_form_data(
            "A new campaign", start_date="2016-10-02", body=body_form_data(self.image, self.call_to_action, word="new")
        )
        self.assertNewPagePreviewRenders(self.campaign_index, CampaignPage, data, contains="About the new")
