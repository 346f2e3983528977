"""Each API listing makes the same number of queries for 5 items as for 50."""

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import connection
from django.db.models.signals import post_init
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.documents.models import Document
from wagtail.models import Page

from stories.models import StoryPage
from tests.factories import (
    CallToActionFactory,
    CampaignPageFactory,
    CityFactory,
    CityPartnershipPageFactory,
    FocusAreaFactory,
    ImageFactory,
    MemberAssociationFactory,
    PartnerOrganisationFactory,
    StoryPageFactory,
)
from tests.utils import SiteTestCase

SEARCH_V2_QUERIES = 9
SEARCH_V2_STORY_QUERIES = 11
SEARCH_V3_QUERIES = 7


class APIQueryCountTests(SiteTestCase):
    """With the cache empty: page listings read their page of ids, then load and serialize the pages whose items are
    not kept (cms.cache.fragments), all of them here. `test_kept_items_cost_the_same_for_5_as_for_50` reads them
    back."""

    def count(self, url):
        self.client.get(url)  # makes the image renditions, as on a site in use
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200, response.content[:300])
        return len(queries), response

    def assertConstant(self, url, add, expected_queries, count_key="items"):
        before = len(self.client.get(url).json()[count_key])
        add(5)
        few, response = self.count(url)
        self.assertEqual(len(response.json()[count_key]), before + 5)
        add(45)
        cache.clear()
        self.client.get(url)
        cache.clear()
        with self.assertNumQueries(few):
            response = self.client.get(url)
        self.assertEqual(len(response.json()[count_key]), before + 50)
        self.assertEqual(few, expected_queries, f"{url}: {few} queries")

    def story(self, n):
        focus = FocusAreaFactory()
        partnership = CityPartnershipPageFactory(parent=self.partnership_index)
        campaign = CampaignPageFactory(parent=self.campaign_index)
        for _ in range(n):
            story = StoryPageFactory(parent=self.story_index, hero_image=ImageFactory(), related_campaign=campaign)
            story.focus_areas.set([focus])
            story.related_partnerships.set([partnership])
            story.save()

    def test_pages_listing(self):
        self.assertConstant("/api/v2/pages/?type=stories.StoryPage&limit=100", self.story, 10)

    def test_stories_with_every_field(self):
        self.assertConstant("/api/v2/pages/?type=stories.StoryPage&fields=*&limit=100", self.story, 15)

    @override_settings(TWINNING_RESPONSE_CACHE=False)
    def test_kept_items_cost_the_same_for_5_as_for_50(self):
        url = "/api/v2/pages/?type=stories.StoryPage&fields=*&limit=100"
        self.story(5)
        self.client.get(url)
        with CaptureQueriesContext(connection) as captured:
            self.assertEqual(len(self.client.get(url).json()["items"]), 5)
        # Read now: the connection's query log is a bounded deque, which adding 45 stories moves on.
        few = [query["sql"] for query in captured]
        self.story(45)
        self.client.get(url)
        with self.assertNumQueries(len(few)):
            self.assertEqual(len(self.client.get(url).json()["items"]), 50)
        # The page restrictions, the root page the listing is read below, and the page of ids: no page row, image,
        # snippet or translation.
        tables = [sql.split(" FROM ")[1].split()[0] for sql in few]
        self.assertEqual(
            tables, ['"wagtailcore_pageviewrestriction"', '"wagtailcore_page"', '"stories_storypage"'], tables
        )

    def test_partnerships_with_every_field(self):
        def add(n):
            focus = FocusAreaFactory()
            association = MemberAssociationFactory()
            for _ in range(n):
                page = CityPartnershipPageFactory(parent=self.partnership_index, hero_image=ImageFactory())
                page.focus_areas.set([focus])
                page.member_associations.set([association])
                page.save()

        self.assertConstant("/api/v2/pages/?type=cities.CityPartnershipPage&fields=*&limit=100", add, 17)

    def test_campaigns_with_every_field(self):
        def add(n):
            partner = PartnerOrganisationFactory(logo=ImageFactory())
            action = CallToActionFactory()
            for _ in range(n):
                page = CampaignPageFactory(parent=self.campaign_index, hero_image=ImageFactory())
                page.partner_organisations.set([partner])
                page.calls_to_action.set([action])
                page.save()

        self.assertConstant("/api/v2/pages/?type=home.CampaignPage&fields=*&limit=100", add, 16)

    def test_images_and_documents(self):
        self.assertConstant("/api/v2/images/?limit=100", lambda n: [ImageFactory() for _ in range(n)], 6)

        def documents(n):
            for i in range(n):
                Document.objects.create(title=f"Doc {i}", file=ContentFile(b"x", name=f"doc{i}.txt"))

        self.assertConstant("/api/v2/documents/?limit=100", documents, 6)

    def test_snippet_endpoints(self):
        for endpoint, factory, queries, v3_queries in [
            ("cities", CityFactory, 2, 2),
            ("member-associations", MemberAssociationFactory, 3, 3),
            ("focus-areas", FocusAreaFactory, 2, 2),
            ("partner-organisations", lambda: PartnerOrganisationFactory(logo=ImageFactory()), 4, 4),
            ("calls-to-action", lambda: CallToActionFactory(link_url="", link_page=self.story_index), 5, 5),
        ]:
            with self.subTest(endpoint=endpoint):
                model = factory()._meta.model
                model.objects.all().delete()
                v2, v3 = f"/api/v2/{endpoint}/?limit=100", f"/api/v3/snippets/{endpoint}/?limit=100"
                for _ in range(5):
                    factory()
                few_v2, few_v3 = self.count(v2)[0], self.count(v3)[0]
                for _ in range(45):
                    factory()
                self.assertEqual((self.count(v2)[0], self.count(v3)[0]), (few_v2, few_v3))
                self.assertEqual(len(self.client.get(v3).json()["items"]), 50)
                self.assertEqual((few_v2, few_v3), (queries, v3_queries))

    def test_v3_listings(self):
        self.assertConstant("/api/v3/pages/?type=stories.StoryPage&limit=100", self.story, 7)
        self.assertConstant("/api/v3/snippets/cities/?limit=100", lambda n: [CityFactory() for _ in range(n)], 2)

    def orchestra_stories(self, n):
        for _ in range(n):
            StoryPageFactory(parent=self.story_index, title=f"Youth orchestra exchange {StoryPage.objects.count()}")

    def test_v2_search(self):
        self.assertConstant("/api/v2/pages/?search=orchestra&limit=100", self.orchestra_stories, SEARCH_V2_QUERIES)

    def test_v2_story_search_with_every_field(self):
        self.assertConstant(
            "/api/v2/pages/?type=stories.StoryPage&search=orchestra&fields=*&limit=100",
            self.orchestra_stories,
            SEARCH_V2_STORY_QUERIES,
        )

    def test_v3_search(self):
        self.assertConstant("/api/v3/pages/?search=orchestra&limit=100", self.orchestra_stories, SEARCH_V3_QUERIES)

    def test_a_search_loads_only_the_results_it_answers(self):
        self.orchestra_stories(30)
        loaded = []

        def record(sender, instance, **kwargs):
            if isinstance(instance, Page):
                loaded.append(instance.pk)

        for url in ["/api/v2/pages/?search=orchestra&limit=5", "/api/v3/pages/?search=orchestra&limit=5"]:
            with self.subTest(url=url):
                loaded.clear()
                post_init.connect(record)
                try:
                    response = self.client.get(url)
                finally:
                    post_init.disconnect(record)
                body = response.json()
                self.assertEqual(body.get("count", body.get("meta", {}).get("total_count")), 30)
                self.assertEqual(len(body["items"]), 5)
                # The five results, their translations and the pages their URLs are built from; not all thirty.
                self.assertLess(len(set(loaded)), 15, url)
