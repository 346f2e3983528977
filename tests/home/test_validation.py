"""Editors get a clear message, and nothing is saved, when a campaign or a call to action does not make sense."""

from django.urls import reverse
from wagtail.test.utils.form_data import streamfield

from home.models import CallToAction, CampaignPage
from tests.utils import SiteTestCase, page_form_data


class CampaignFormTests(SiteTestCase):
    def setUp(self):
        self.login()

    def post_campaign(self, start_date, end_date):
        url = reverse("wagtailadmin_pages:add", args=["home", "campaignpage", self.campaign_index.pk])
        data = page_form_data(
            "Sister City Sunday",
            start_date=start_date,
            end_date=end_date,
            hashtag="SisterCitySunday",
            body=streamfield([]),
            publish=True,
        )
        return self.client.post(url, data)

    def test_an_end_date_before_the_start_date_is_an_error(self):
        response = self.post_campaign("2016-10-02", "2016-10-01")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            response.context["form"].errors, {"end_date": ["The end date cannot be before the start date."]}
        )
        self.assertEqual(CampaignPage.objects.count(), 0)

    def test_a_one_day_campaign_is_accepted(self):
        response = self.post_campaign("2016-10-02", "2016-10-02")
        self.assertEqual(response.status_code, 302)
        campaign = CampaignPage.objects.get()
        self.assertEqual((str(campaign.start_date), str(campaign.end_date)), ("2016-10-02", "2016-10-02"))

    def test_a_hashtag_with_spaces_is_an_error(self):
        url = reverse("wagtailadmin_pages:add", args=["home", "campaignpage", self.campaign_index.pk])
        response = self.client.post(
            url,
            page_form_data(
                "Sister City Sunday", start_date="2016-10-02", hashtag="Sister City Sunday", body=streamfield([])
            ),
        )
        self.assertEqual(
            response.context["form"].errors,
            {"hashtag": ["A hashtag is one word of letters, digits or underscores, for example #SisterCitySunday."]},
        )
        self.assertEqual(CampaignPage.objects.count(), 0)


class CallToActionFormTests(SiteTestCase):
    def setUp(self):
        self.login()

    def post_call_to_action(self, link_page="", link_url=""):
        data = {"label": "Take Action", "kind": "take_action", "description": "", "link_page": link_page}
        data["link_url"] = link_url
        return self.client.post(reverse("wagtailsnippets_home_calltoaction:add"), data)

    def test_both_a_page_and_a_web_address_is_an_error(self):
        before = CallToAction.objects.count()
        response = self.post_call_to_action(link_page=str(self.campaign_index.pk), link_url="https://example.org/")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            response.context["form"].errors, {"link_url": ["Choose a page or enter a web address, not both."]}
        )
        self.assertEqual(CallToAction.objects.count(), before)

    def test_neither_a_page_nor_a_web_address_is_an_error(self):
        before = CallToAction.objects.count()
        response = self.post_call_to_action()
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.context["form"].errors, {"link_page": ["Choose a page or enter a web address."]})
        self.assertEqual(CallToAction.objects.count(), before)

    def test_a_page_or_a_web_address_is_accepted(self):
        before = CallToAction.objects.count()
        self.assertEqual(self.post_call_to_action(link_page=str(self.campaign_index.pk)).status_code, 302)
        self.assertEqual(self.post_call_to_action(link_url="https://example.org/act").status_code, 302)
        created = CallToAction.objects.order_by("-pk")[:2]
        self.assertEqual(CallToAction.objects.count(), before + 2)
        self.assertEqual(
            [(cta.link_page_id, cta.url) for cta in created],
            [(None, "https://example.org/act"), (self.campaign_index.pk, "/en/campaigns/")],
        )
