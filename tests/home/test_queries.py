import datetime

from django.utils import timezone

from home.models import CampaignPage, HomePage
from tests.factories import (
    CallToActionFactory,
    CampaignPageFactory,
    HomePageCallToActionFactory,
    ImageFactory,
    PartnerOrganisationFactory,
    StoryPageFactory,
)
from tests.utils import QueryBudgetMixin, SiteTestCase


class HomeQueryBudgetTests(QueryBudgetMixin, SiteTestCase):
    def test_home_page(self):
        def add_items(count):
            home = HomePage.objects.get(pk=self.home.pk)
            stories = [StoryPageFactory(parent=self.story_index, hero_image=ImageFactory()) for _ in range(count)]
            for n in range(count):
                CampaignPageFactory(
                    parent=self.campaign_index,
                    hero_image=ImageFactory(),
                    start_date=timezone.localdate() - datetime.timedelta(days=n),
                )
                HomePageCallToActionFactory(
                    page=home, call_to_action=CallToActionFactory(link_page=stories[n], link_url="")
                )
            home.featured_content = [("page", story) for story in stories] + [
                (block.block_type, block.value) for block in home.featured_content
            ]
            home.save()

        def shows(response):
            self.assertEqual(len(response.context["page"].featured_pages), 15)
            self.assertEqual(len(response.context["page"].calls_to_action), 15)
            self.assertContains(response, "card__title", count=15 + 3)

        self.assertQueryBudget(self.home.url, add_items, budget=16, shows=shows)

    def test_campaign_index(self):
        def add_items(count):
            today = timezone.localdate()
            for n in range(count):
                CampaignPageFactory(
                    parent=self.campaign_index,
                    hero_image=ImageFactory(),
                    start_date=today + datetime.timedelta(days=n - count // 2),
                    end_date=today + datetime.timedelta(days=n - count // 3) if n % 2 else None,
                )

        def shows(response):
            groups = response.context["campaign_groups"]
            self.assertEqual(sum(len(campaigns) for _label, campaigns in groups), 15)
            self.assertContains(response, "card__title", count=15)

        self.assertQueryBudget(self.campaign_index.url, add_items, budget=11, shows=shows)

    def test_campaign_page(self):
        campaign = CampaignPageFactory(parent=self.campaign_index, hero_image=self.image)

        def add_items(count):
            page = CampaignPage.objects.get(pk=campaign.pk)
            page.partner_organisations.add(*[PartnerOrganisationFactory(logo=ImageFactory()) for _ in range(count)])
            page.calls_to_action.add(
                *[CallToActionFactory(link_page=self.story_index, link_url="") for _ in range(count)]
            )
            page.save()
            for _ in range(count):
                StoryPageFactory(parent=self.story_index, related_campaign=campaign, hero_image=ImageFactory())

        def shows(response):
            self.assertEqual(len(response.context["stories"]), 15)
            self.assertContains(response, "Partner organisation", count=15)
            self.assertContains(response, "Act now", count=15)

        self.assertQueryBudget(campaign.url, add_items, budget=15, shows=shows)
