import datetime
from io import StringIO

from django.core.management import call_command
from django.test import TestCase
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision, Site

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
        campaign = CampaignPage.objects.get(hashtag="#SisterCitySunday")
        self.assertEqual(campaign.start_date, datetime.date(2016, 10, 2))
        self.assertTrue(campaign.live)

    def test_fort_lauderdale_mataro_partnership(self):
        partnership = CityPartnershipPage.objects.get(city_a__name="Fort Lauderdale", city_b__name="Mataró")
        self.assertEqual((partnership.city_a.country.code, partnership.city_b.country.code), ("US", "ES"))
        self.assertTrue(partnership.live)

    def test_nashville_tamworth_partnership(self):
        partnership = CityPartnershipPage.objects.get(city_a__name="Nashville", city_b__name="Tamworth")
        self.assertEqual((partnership.city_a.country.code, partnership.city_b.country.code), ("US", "AU"))
        self.assertTrue(partnership.live)

    def test_joshua_walker_story_credits_the_original(self):
        story = StoryPage.objects.get(contributor_name="Joshua W. Walker")
        self.assertTrue(story.original_url.startswith("https://"))
        response = self.client.get(story.url)
        self.assertContains(response, f'<link rel="canonical" href="{story.original_url}">', html=True)

    def test_home_page_calls_to_action(self):
        home = HomePage.objects.get()
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
