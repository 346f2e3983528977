from home.listing import LISTING_PAGE_SIZE
from stories.models import StoryPage
from tests.factories import CityPartnershipPageFactory, FocusAreaFactory, ImageFactory, StoryPageFactory
from tests.utils import QueryBudgetMixin, SiteTestCase


class StoryQueryBudgetTests(QueryBudgetMixin, SiteTestCase):
    def add_stories(self, count):
        for _ in range(count):
            StoryPageFactory(
                parent=self.story_index,
                hero_image=ImageFactory(),
                focus_areas=[FocusAreaFactory()],
                related_partnerships=[CityPartnershipPageFactory(parent=self.partnership_index)],
            )

    def test_story_index(self):
        def shows(response):
            self.assertEqual(response.context["stories"].paginator.count, 15)
            self.assertContains(response, "card__title", count=LISTING_PAGE_SIZE)

        self.assertQueryBudget(self.story_index.url, self.add_stories, budget=15, shows=shows)

    def test_story_index_filtered(self):
        focus_area = FocusAreaFactory(slug="trade")

        def add_items(count):
            for _ in range(count):
                StoryPageFactory(parent=self.story_index, hero_image=ImageFactory(), focus_areas=[focus_area])

        def shows(response):
            self.assertEqual(response.context["stories"].paginator.count, 15)

        self.assertQueryBudget(self.story_index.url + "?focus_area=trade&country=", add_items, budget=15, shows=shows)

    def test_story_page(self):
        story = StoryPageFactory(parent=self.story_index, hero_image=self.image)

        def add_items(count):
            page = StoryPage.objects.get(pk=story.pk)
            page.focus_areas.add(*[FocusAreaFactory() for _ in range(count)])
            page.related_partnerships.add(
                *[CityPartnershipPageFactory(parent=self.partnership_index) for _ in range(count)]
            )
            page.save()

        def shows(response):
            self.assertEqual(len(response.context["partnerships"]), 15)
            self.assertEqual(len(response.context["focus_areas_list"]), 15)
            self.assertContains(response, "?focus_area=focus-area-", count=15)

        self.assertQueryBudget(story.url, add_items, budget=12, shows=shows)
