from tests.factories import StoryPageFactory
from tests.utils import SiteTestCase

ORIGINAL_URL = "https://www.usatoday.com/story/opinion/2016/10/02/sister-cities/"


class StoryCanonicalTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.republished = StoryPageFactory(parent=cls.story_index, title="Republished", original_url=ORIGINAL_URL)
        cls.original = StoryPageFactory(parent=cls.story_index, title="Written here")

    def test_a_republished_story_points_search_engines_at_the_original(self):
        response = self.client.get(self.republished.url)
        self.assertContains(response, 'rel="canonical"', count=1)
        self.assertContains(response, f'<link rel="canonical" href="{ORIGINAL_URL}">', html=True)
        self.assertEqual(self.republished.canonical_url, ORIGINAL_URL)

    def test_a_republished_story_says_where_it_first_appeared(self):
        response = self.client.get(self.republished.url)
        self.assertContains(
            response, f'This story first appeared at <a href="{ORIGINAL_URL}">www.usatoday.com</a>.', html=True
        )

    def test_a_story_written_here_is_its_own_canonical(self):
        self.assertEqual(self.original.full_url, "http://localhost/en/stories/written-here/")
        response = self.client.get(self.original.url)
        self.assertContains(response, 'rel="canonical"', count=1)
        self.assertContains(response, f'<link rel="canonical" href="{self.original.full_url}">', html=True)
        self.assertNotContains(response, "first appeared")
        self.assertEqual(self.original.canonical_url, self.original.full_url)
