from django.urls import reverse
from wagtail.models import Locale
from wagtail.test.utils.form_data import streamfield

from stories.models import StoryPage
from tests.factories import CityPartnershipPageFactory, FocusAreaFactory, StoryPageFactory
from tests.utils import SiteTestCase, page_form_data


class StoryFormLanguageTests(SiteTestCase):
    """The story form offers the snippets and pages of the story's own language only."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.spanish = Locale.objects.create(language_code="es")
        cls.trade = FocusAreaFactory(name="Trade", slug="trade")
        cls.comercio = cls.trade.copy_for_translation(cls.spanish)
        cls.comercio.name = "Comercio"
        cls.comercio.save()
        cls.partnership = CityPartnershipPageFactory(parent=cls.partnership_index, title="Fort Lauderdale – Mataró")

    def setUp(self):
        self.login()

    def choices(self, response, name):
        return sorted(str(choice) for choice in response.context["form"].fields[name].queryset)

    def test_a_new_english_story_offers_english_focus_areas_only(self):
        response = self.client.get(
            reverse("wagtailadmin_pages:add", args=("stories", "storypage", self.story_index.pk))
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.choices(response, "focus_areas"), ["Trade"])
        self.assertEqual(self.choices(response, "related_partnerships"), ["Fort Lauderdale – Mataró"])

    def test_a_spanish_focus_area_on_an_english_story_is_a_form_error(self):
        data = page_form_data(
            "A trade mission", date="2019-05-04", body=streamfield([]), many={"focus_areas": [self.comercio.pk]}
        )
        add_url = reverse("wagtailadmin_pages:add", args=("stories", "storypage", self.story_index.pk))
        response = self.client.post(add_url, data)
        self.assertEqual(response.status_code, 200)
        self.assertIn("focus_areas", response.context["form"].errors)
        self.assertFalse(StoryPage.objects.filter(slug="a-trade-mission").exists())

    def test_what_a_page_already_points_to_stays_valid(self):
        story = StoryPageFactory(parent=self.story_index, focus_areas=[self.comercio])
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=(story.pk,)))
        self.assertEqual(self.choices(response, "focus_areas"), ["Comercio", "Trade"])
