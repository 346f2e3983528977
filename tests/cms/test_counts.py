"""Listing totals kept in the cache (cms.cache.counts): served while nothing changed, taken again after any change."""

from unittest import mock

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models.functions import Now
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from cms.cache import counts, store
from home.listing import ListingPaginator
from stories.models import StoryPage
from tests.factories import FocusAreaFactory, StoryPageFactory
from tests.utils import SiteTestCase

from .test_response_cache_purge import REDIS_CACHE, OnRedis


def total(items):
    """`counts.count(items)` and the number of queries it ran."""
    with CaptureQueriesContext(connection) as captured:
        value = counts.count(items)
    return value, len(captured)


# The response cache off: the counts must hold by themselves, as they do in the bench's uncached phase.
@override_settings(TWINNING_RESPONSE_CACHE=False)
class CountTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.trade = FocusAreaFactory(name="Trade", slug="trade")
        for number in range(3):
            StoryPageFactory(parent=cls.story_index, title=f"Harbour story {number}", focus_areas=[cls.trade])

    def stories(self):
        return StoryPage.objects.live().public().filter(focus_areas=self.trade)

    def publish_story(self, **kwargs):
        with self.captureOnCommitCallbacks(execute=True):
            return StoryPageFactory(parent=self.story_index, focus_areas=[self.trade], **kwargs)

    def test_a_count_is_read_from_the_cache_until_a_page_changes(self):
        self.assertEqual(total(self.stories()), (3, 1))
        self.assertEqual(total(self.stories()), (3, 0))
        story = self.publish_story(title="Harbour story 3")
        self.assertEqual(total(self.stories()), (4, 1))
        self.assertEqual(total(self.stories()), (4, 0))
        with self.captureOnCommitCallbacks(execute=True):
            story.unpublish()
        self.assertEqual(total(self.stories()), (3, 1))
        with self.captureOnCommitCallbacks(execute=True):
            story.delete()
        self.assertEqual(total(self.stories()), (3, 1))

    def test_each_query_has_its_own_count(self):
        self.assertEqual(total(self.stories()), (3, 1))
        self.assertEqual(total(StoryPage.objects.live()), (3, 1))
        self.assertEqual(total(StoryPage.objects.live().filter(title__endswith="1")), (1, 1))
        self.assertEqual(total(self.stories()), (3, 0))
        self.assertEqual(total(StoryPage.objects.live().filter(title__endswith="1")), (1, 0))

    def test_any_change_that_drops_cached_responses_drops_every_count(self):
        self.assertEqual(total(self.stories()), (3, 1))
        store.bump({"obj:home.calltoaction:1"})
        self.assertEqual(total(self.stories()), (3, 1))

    def test_a_count_taken_before_a_change_is_not_served_after_it(self):
        # The count starts, a change lands (its bump) before the count is stored: the stored count is never read.
        stories = self.stories()
        original = type(stories).count

        def count_then_change(queryset):
            value = original(queryset)
            StoryPage.objects.filter(pk=StoryPage.objects.live().first().pk).update(live=False)
            store.bump({"list:stories.storypage"})
            return value

        with mock.patch.object(type(stories), "count", count_then_change):
            self.assertEqual(counts.count(stories), 3)
        self.assertEqual(total(self.stories()), (2, 1))

    def test_a_lost_counter_starts_again_and_counts_are_taken_again(self):
        self.assertEqual(total(self.stories()), (3, 1))
        cache.delete(store.CLOCK_KEY)
        self.assertEqual(total(self.stories()), (3, 1))
        self.assertEqual(total(self.stories()), (3, 0))

    def test_the_same_values_in_another_order_in_a_list_are_the_same_query(self):
        ids = list(StoryPage.objects.values_list("pk", flat=True))
        self.assertEqual(total(StoryPage.objects.filter(pk__in=ids, title__startswith="Harbour")), (3, 1))
        self.assertEqual(total(StoryPage.objects.filter(pk__in=ids[::-1], title__startswith="Harbour")), (3, 0))
        # Values in other places keep their place: these are two queries.
        self.assertEqual(total(StoryPage.objects.filter(pk__in=ids[:1], title__startswith="Harbour")), (1, 1))
        self.assertEqual(total(StoryPage.objects.filter(pk__in=ids, title__startswith="Harbour story 1")), (1, 1))

    def test_what_the_counter_cannot_vouch_for_is_counted_each_time(self):
        cases = {
            "sliced": StoryPage.objects.live()[:2],
            "distinct": StoryPage.objects.live().distinct(),
            "union": StoryPage.objects.live()
            .order_by()
            .values("pk")
            .union(Page.objects.filter(depth=1).order_by().values("pk")),
            "a clock of the database's own": StoryPage.objects.live().filter(first_published_at__lte=Now()),
        }
        for name, queryset in cases.items():
            with self.subTest(name):
                expected = queryset.count()
                self.assertEqual(total(queryset), (expected, 1))
                self.assertEqual(total(queryset), (expected, 1))
        with self.subTest("nothing to match"):
            self.assertEqual(total(StoryPage.objects.none()), (0, 0))
        with self.subTest("a replica"):
            self.assertIsNone(counts._key(StoryPage.objects.using("replica")))

    def test_search_results_are_counted_once_until_a_page_changes(self):
        Page.objects.live().search("Harbour").count()  # Wagtail reads the content types it searches once per process
        self.assertEqual(total(Page.objects.live().search("Harbour")), (3, 1))
        self.assertEqual(total(Page.objects.live().search("Harbour")), (3, 0))
        self.assertEqual(total(Page.objects.live().search("Unheard")), (0, 1))
        self.publish_story(title="Harbour story 3")
        self.assertEqual(total(Page.objects.live().search("Harbour")), (4, 1))
        # A slice of results is counted as Wagtail counts it (its own rows).
        self.assertEqual(total(Page.objects.live().search("Harbour")[1:3]), (2, 1))

    def test_the_story_listing_and_the_api_show_a_new_total_after_a_publish(self):
        api = "/api/v2/pages/?type=stories.StoryPage&fields=title"
        self.assertContains(self.client.get(self.story_index.url), "3 stories")
        self.assertEqual(self.client.get(api).json()["meta"]["total_count"], 3)
        with CaptureQueriesContext(connection) as html_again:
            self.assertContains(self.client.get(self.story_index.url), "3 stories")
        with CaptureQueriesContext(connection) as api_again:
            self.assertEqual(self.client.get(api).json()["meta"]["total_count"], 3)
        self.assertFalse(any("COUNT(" in query["sql"] for query in [*html_again, *api_again]))
        self.publish_story(title="Harbour story 3")
        self.assertContains(self.client.get(self.story_index.url), "4 stories")
        self.assertEqual(self.client.get(api).json()["meta"]["total_count"], 4)
        self.assertEqual(self.client.get("/api/v3/pages/?type=stories.StoryPage").json()["count"], 4)
        self.assertContains(self.client.get("/en/search/?query=Harbour"), "4 results")

    def test_a_page_of_search_results_is_read_by_id_until_a_page_changes(self):
        def search(url):
            with CaptureQueriesContext(connection) as captured:
                response = self.client.get(url)
            searched = any("indexentry" in query["sql"] for query in captured.captured_queries)
            return response, searched

        api = "/api/v2/pages/?search=Harbour&limit=2&offset=1"
        response, searched = search(api)
        self.assertTrue(searched)
        first = [item["id"] for item in response.json()["items"]]
        self.assertEqual(len(first), 2)
        response, searched = search(api)
        self.assertFalse(searched)
        self.assertEqual([item["id"] for item in response.json()["items"]], first)
        self.assertEqual(response.json()["meta"]["total_count"], 3)

        html = "/en/search/?query=Harbour"
        response, searched = search(html)
        self.assertTrue(searched)
        titles = [result.title for result in response.context["search_results"]]
        response, searched = search(html)
        self.assertFalse(searched)
        self.assertEqual([result.title for result in response.context["search_results"]], titles)
        self.assertEqual(sorted(titles), [f"Harbour story {number}" for number in range(3)])

        story = self.publish_story(title="Harbour story 3")
        response, searched = search("/api/v2/pages/?search=Harbour")
        self.assertTrue(searched)
        self.assertIn(story.pk, [item["id"] for item in response.json()["items"]])
        response, searched = search(html)
        self.assertTrue(searched)
        self.assertIn("Harbour story 3", [result.title for result in response.context["search_results"]])
        with self.captureOnCommitCallbacks(execute=True):
            story.unpublish()
        response, searched = search("/api/v2/pages/?search=Harbour")
        self.assertNotIn(story.pk, [item["id"] for item in response.json()["items"]])

    def test_a_page_of_search_results_is_the_search_s_own_in_its_order(self):
        results = Page.objects.live().specific().search("Harbour")
        expected = list(results[:3])
        self.assertEqual(counts.search_page(results[:3]), expected)
        cached = counts.search_page(Page.objects.live().specific().search("Harbour")[:3])
        self.assertEqual(cached, expected)
        self.assertEqual([type(page) for page in cached], [StoryPage] * 3)
        # Another slice of the same search, and the same slice of plain pages: each read as the search reads it.
        self.assertEqual([page.pk for page in counts.search_page(results[1:2])], [expected[1].pk])
        plain = counts.search_page(Page.objects.live().search("Harbour")[:3])
        self.assertEqual([(type(page), page.pk) for page in plain], [(Page, page.pk) for page in expected])

    def test_a_page_of_search_results_read_again_is_a_hit(self):
        results = counts.search_page(Page.objects.live().specific().search("Harbour")[:2])
        with CaptureQueriesContext(connection) as captured:
            again = counts.search_page(Page.objects.live().specific().search("Harbour")[:2])
        self.assertEqual(again, results)
        # The pages by id, then their specific rows (as `.specific()` reads them): no search.
        self.assertEqual(len(captured), 2)
        self.assertFalse(any("indexentry" in query["sql"] for query in captured.captured_queries))

    def test_images_and_documents_are_searched_and_read_by_id_too(self):
        url = f"/api/v2/images/?search={self.image.title}"
        for _ in range(2):
            response = self.client.get(url)
            self.assertEqual(response.status_code, 200)
            self.assertEqual([item["id"] for item in response.json()["items"]], [self.image.pk])
        self.assertEqual(self.client.get("/api/v2/documents/?search=Harbour").json()["items"], [])

    def test_a_page_of_results_with_a_row_gone_without_a_change_is_searched_again(self):
        first = counts.search_page(Page.objects.live().search("Harbour")[:3])
        # Behind the counter's back (no signal): the page read by id is short of a row, so the search runs again.
        Page.objects.filter(pk=first[0].pk).update(live=False)
        again = counts.search_page(Page.objects.live().search("Harbour")[:3])
        self.assertEqual([page.pk for page in again], [page.pk for page in first[1:]])

    def test_inside_a_transaction_counts_are_taken_each_time_and_not_kept(self):
        with transaction.atomic():
            self.assertEqual(total(self.stories()), (3, 1))
            self.assertEqual(total(self.stories()), (3, 1))
            results = Page.objects.live().search("Harbour")
            self.assertEqual(len(counts.search_page(results[:2])), 2)
        self.assertEqual(total(self.stories()), (3, 1))
        self.assertEqual(total(self.stories()), (3, 0))

    def test_a_new_draft_is_counted_where_drafts_are(self):
        everything = StoryPage.objects.all()
        self.assertEqual(total(everything), (3, 1))
        with self.captureOnCommitCallbacks(execute=True):
            StoryPageFactory(parent=self.story_index, live=False)
        self.assertEqual(total(everything), (4, 1))

    def test_the_key_names_the_database_not_only_its_alias(self):
        key = counts._key(self.stories())
        other = {**connection.settings_dict, "NAME": "another_site"}
        with mock.patch.object(connection, "settings_dict", other):
            self.assertNotEqual(counts._key(self.stories()), key)
        self.assertEqual(counts._key(self.stories()), key)

    def test_a_failure_to_read_the_cdn_s_urls_still_drops_every_count(self):
        self.assertEqual(total(self.stories()), (3, 1))
        away = mock.patch("cms.cache.purge.take", side_effect=RuntimeError("Redis away"))
        with away, self.assertLogs("cms.cache.signals", "ERROR"):
            story = self.publish_story(title="Harbour story 3")
        self.assertEqual(total(self.stories()), (4, 1))
        with self.captureOnCommitCallbacks(execute=True):
            story.unpublish()
        self.assertEqual(total(self.stories()), (3, 1))

    def test_listings_of_a_list_are_counted_by_its_length(self):
        paginator = ListingPaginator(["a", "b", "a"], 2)
        self.assertEqual(paginator.count, 3)
        self.assertEqual(paginator.num_pages, 2)


@override_settings(CACHES={"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}})
class NoCacheCountTests(SiteTestCase):
    """A cache that keeps nothing (or is down): every count and search is taken by the database, and right."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        for number in range(2):
            StoryPageFactory(parent=cls.story_index, title=f"Harbour story {number}")

    def test_counts_and_searches_are_taken_each_time(self):
        for _ in range(2):
            self.assertEqual(total(StoryPage.objects.live()), (2, 1))
            self.assertEqual(len(counts.search_page(Page.objects.live().search("Harbour")[:5])), 2)
        response = self.client.get("/api/v2/pages/?search=Harbour")
        self.assertEqual(response.json()["meta"]["total_count"], 2)
        self.assertContains(self.client.get(self.story_index.url), "2 stories")


@override_settings(CACHES=REDIS_CACHE, TWINNING_RESPONSE_CACHE=False)
class RedisCountTests(OnRedis, CountTests):
    """On production's cache: the counter is a Redis integer, the count a pickled pair."""
