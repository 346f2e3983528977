from cities.models import CityPartnershipPage
from home.listing import LISTING_PAGE_SIZE
from tests.factories import (
    CityPartnershipPageFactory,
    FocusAreaFactory,
    ImageFactory,
    MemberAssociationFactory,
    StoryPageFactory,
)
from tests.utils import QueryBudgetMixin, SiteTestCase


class PartnershipQueryBudgetTests(QueryBudgetMixin, SiteTestCase):
    def test_partnership_index(self):
        def add_items(count):
            for _ in range(count):
                CityPartnershipPageFactory(
                    parent=self.partnership_index, hero_image=ImageFactory(), focus_areas=[FocusAreaFactory()]
                )

        def shows(response):
            self.assertEqual(response.context["partnerships"].paginator.count, 15)
            self.assertContains(response, "card__title", count=LISTING_PAGE_SIZE)

        self.assertQueryBudget(self.partnership_index.url, add_items, budget=15, shows=shows)

    def test_partnership_index_filtered(self):
        focus_area = FocusAreaFactory(slug="culture")

        def add_items(count):
            for _ in range(count):
                CityPartnershipPageFactory(
                    parent=self.partnership_index, hero_image=ImageFactory(), focus_areas=[focus_area]
                )

        def shows(response):
            self.assertEqual(response.context["partnerships"].paginator.count, 15)

        # One more than unfiltered: the country's cities are read first (cities.models.in_country).
        self.assertQueryBudget(
            self.partnership_index.url + "?focus_area=culture&country=ES", add_items, budget=16, shows=shows
        )

    def test_partnership_page(self):
        partnership = CityPartnershipPageFactory(parent=self.partnership_index, hero_image=self.image)

        def add_items(count):
            page = CityPartnershipPage.objects.get(pk=partnership.pk)
            page.focus_areas.add(*[FocusAreaFactory() for _ in range(count)])
            page.member_associations.add(*[MemberAssociationFactory() for _ in range(count)])
            page.save()
            for _ in range(count):
                StoryPageFactory(
                    parent=self.story_index,
                    hero_image=ImageFactory(),
                    related_partnerships=[partnership],
                    focus_areas=[FocusAreaFactory()],
                )

        def shows(response):
            self.assertEqual(len(response.context["stories"]), 15)
            self.assertContains(response, "card__title", count=15)
            self.assertContains(response, "Sister Cities of City", count=15)
            self.assertContains(response, f'href="{self.partnership_index.url}?focus_area=focus-area-', count=15)

        self.assertQueryBudget(partnership.url, add_items, budget=14, shows=shows)
