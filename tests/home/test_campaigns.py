import datetime
from unittest import mock

from django.core.management import call_command
from django.utils import timezone

from home.models import CampaignPage, HomePage
from tests.factories import CampaignPageFactory, StoryPageFactory
from tests.utils import SiteTestCase

DAY = datetime.timedelta(days=1)


class CampaignStatusTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        today = timezone.localdate()
        cls.today = today
        cls.upcoming = CampaignPageFactory(parent=cls.campaign_index, title="Upcoming", start_date=today + DAY)
        cls.starts_today = CampaignPageFactory(
            parent=cls.campaign_index, title="Starts today", start_date=today, end_date=today + 3 * DAY
        )
        cls.open_ended = CampaignPageFactory(parent=cls.campaign_index, title="Open-ended", start_date=today - 30 * DAY)
        cls.ends_today = CampaignPageFactory(
            parent=cls.campaign_index, title="Ends today", start_date=today - 5 * DAY, end_date=today
        )
        cls.ended = CampaignPageFactory(
            parent=cls.campaign_index, title="Ended", start_date=today - 20 * DAY, end_date=today - DAY
        )
        cls.draft = CampaignPageFactory(parent=cls.campaign_index, title="Draft", start_date=today, live=False)

    def titles(self, queryset):
        return sorted(queryset.values_list("title", flat=True))

    def test_get_status_follows_the_dates(self):
        statuses = {
            campaign.title: campaign.get_status()
            for campaign in (self.upcoming, self.starts_today, self.open_ended, self.ends_today, self.ended)
        }
        self.assertEqual(
            statuses,
            {
                "Upcoming": "upcoming",
                "Starts today": "active",
                "Open-ended": "active",
                "Ends today": "active",
                "Ended": "ended",
            },
        )
        self.assertEqual(self.ended.get_status_display(), "Ended")
        self.assertEqual(self.open_ended.get_status_display(), "Running now")

    def test_get_status_on_a_given_day(self):
        self.assertEqual(self.upcoming.get_status(today=self.today + DAY), "active")
        self.assertEqual(self.ends_today.get_status(today=self.today + DAY), "ended")
        self.assertEqual(self.starts_today.get_status(today=self.today - DAY), "upcoming")

    def test_with_status_matches_get_status(self):
        live = CampaignPage.objects.live()
        self.assertEqual(self.titles(live.with_status(CampaignPage.Status.UPCOMING)), ["Upcoming"])
        self.assertEqual(
            self.titles(live.with_status(CampaignPage.Status.ACTIVE)), ["Ends today", "Open-ended", "Starts today"]
        )
        self.assertEqual(self.titles(live.with_status(CampaignPage.Status.ENDED)), ["Ended"])
        for campaign in live:
            with self.subTest(campaign=campaign.title):
                self.assertTrue(live.with_status(campaign.get_status()).filter(pk=campaign.pk).exists())

    def test_with_status_on_a_given_day(self):
        tomorrow = self.today + DAY
        live = CampaignPage.objects.live()
        self.assertEqual(
            self.titles(live.with_status("active", today=tomorrow)), ["Open-ended", "Starts today", "Upcoming"]
        )
        self.assertEqual(self.titles(live.with_status("ended", today=tomorrow)), ["Ended", "Ends today"])
        self.assertEqual(self.titles(live.with_status("upcoming", today=tomorrow)), [])

    def test_with_status_rejects_an_unknown_status(self):
        with self.assertRaisesMessage(ValueError, "Unknown campaign status: 'paused'"):
            CampaignPage.objects.with_status("paused")

    def test_campaign_index_groups_live_campaigns_by_status(self):
        response = self.client.get(self.campaign_index.url)
        self.assertEqual(response.status_code, 200)
        groups = [
            (str(label), [campaign.title for campaign in campaigns])
            for label, campaigns in response.context["campaign_groups"]
        ]
        self.assertEqual(
            groups,
            [
                ("Running now", ["Starts today", "Ends today", "Open-ended"]),
                ("Upcoming", ["Upcoming"]),
                ("Ended", ["Ended"]),
            ],
        )
        self.assertNotContains(response, "Draft")

    def test_home_page_shows_the_newest_active_campaign_unless_one_is_featured(self):
        self.assertEqual(HomePage.objects.get(pk=self.home.pk).active_campaign, self.starts_today)
        HomePage.objects.filter(pk=self.home.pk).update(featured_campaign=self.ended)
        self.assertEqual(HomePage.objects.get(pk=self.home.pk).active_campaign, self.ended)


class CampaignStoriesTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.campaign = CampaignPageFactory(parent=cls.campaign_index, title="Sister City Sunday")
        cls.other_campaign = CampaignPageFactory(parent=cls.campaign_index, title="Youth Summit")
        StoryPageFactory(
            parent=cls.story_index, title="Older story", date=datetime.date(2016, 10, 2), related_campaign=cls.campaign
        )
        StoryPageFactory(
            parent=cls.story_index, title="Newer story", date=datetime.date(2016, 10, 9), related_campaign=cls.campaign
        )
        StoryPageFactory(parent=cls.story_index, title="Draft story", related_campaign=cls.campaign, live=False)
        StoryPageFactory(parent=cls.story_index, title="Summit story", related_campaign=cls.other_campaign)
        StoryPageFactory(parent=cls.story_index, title="Unrelated story")

    def test_campaign_page_lists_its_own_live_stories_newest_first(self):
        response = self.client.get(self.campaign.url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual([story.title for story in response.context["stories"]], ["Newer story", "Older story"])
        self.assertContains(response, "Newer story")
        self.assertNotContains(response, "Summit story")
        self.assertNotContains(response, "Draft story")
        self.assertNotContains(response, "Unrelated story")


class ScheduledPublishingTests(SiteTestCase):
    def test_a_scheduled_revision_is_published_once_its_time_has_come(self):
        now = timezone.now()
        campaign = CampaignPageFactory(parent=self.campaign_index, title="Scheduled", live=False)
        campaign.go_live_at = now + datetime.timedelta(hours=1)
        campaign.save_revision(user=self.superuser).publish(user=self.superuser)
        campaign.refresh_from_db()
        self.assertFalse(campaign.live)

        call_command("publish_scheduled", verbosity=0)
        campaign.refresh_from_db()
        self.assertFalse(campaign.live)

        with mock.patch("django.utils.timezone.now", return_value=now + datetime.timedelta(hours=2)):
            call_command("publish_scheduled", verbosity=0)
        campaign.refresh_from_db()
        self.assertTrue(campaign.live)
        self.assertEqual(self.client.get(campaign.url).status_code, 200)

    def test_an_expired_campaign_is_unpublished(self):
        now = timezone.now()
        campaign = CampaignPageFactory(parent=self.campaign_index, title="Expiring")
        campaign.expire_at = now + datetime.timedelta(hours=1)
        campaign.save_revision(user=self.superuser).publish(user=self.superuser)
        url = campaign.url
        self.assertEqual(self.client.get(url).status_code, 200)

        with mock.patch("django.utils.timezone.now", return_value=now + datetime.timedelta(hours=2)):
            call_command("publish_scheduled", verbosity=0)
        campaign.refresh_from_db()
        self.assertEqual((campaign.live, campaign.expired), (False, True))
        self.assertEqual(self.client.get(url).status_code, 404)
