"""The response cache (cms/cache): what is shared, its headers, and exact invalidation."""

from unittest import mock

from django.core.cache import cache
from django.test import override_settings
from django.utils.http import http_date
from wagtail.models import Locale, PageViewRestriction

from cms.cache import store
from cms.cache.middleware import CACHE_HEADER
from tests.factories import CityPartnershipPageFactory, FocusAreaFactory, StoryPageFactory
from tests.utils import SiteTestCase

from .api_fixtures import translate

PUBLIC = "public, max-age=60, s-maxage=300"


@override_settings(TWINNING_RESPONSE_CACHE=True, TWINNING_CACHE_MAX_AGE=60, TWINNING_CACHE_S_MAXAGE=300)
class ResponseCacheTestCase(SiteTestCase):
    maxDiff = None

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.en = Locale.objects.get(language_code="en")
        cls.fr = Locale.objects.get_or_create(language_code="fr")[0]
        cls.trade = FocusAreaFactory(name="Trade", slug="trade")
        cls.youth = FocusAreaFactory(name="Youth", slug="youth")
        cls.partnership_x = CityPartnershipPageFactory(parent=cls.partnership_index)
        cls.partnership_y = CityPartnershipPageFactory(parent=cls.partnership_index)
        cls.story_a = StoryPageFactory(
            parent=cls.story_index,
            title="Story Alpha",
            related_partnerships=[cls.partnership_x],
            focus_areas=[cls.trade],
        )
        cls.story_b = StoryPageFactory(parent=cls.story_index, title="Story Beta", focus_areas=[cls.youth])
        # The French site exists already (its home and story index); stories are translated in the tests.
        translate(cls.story_index, cls.fr, title="Histoires")

    def get(self, url, **extra):
        return self.client.get(url, **extra)

    def state(self, url):
        """`hit`, `miss` or `skip`: how the response cache answered a GET of `url`."""
        response = self.get(url)
        self.assertEqual(response.status_code, 200, url)
        return response[CACHE_HEADER]

    def warm(self, *urls):
        for url in urls:
            self.assertEqual(self.state(url), "miss", url)
            self.assertEqual(self.state(url), "hit", url)

    def assertStates(self, expected):
        self.assertEqual({url: self.state(url) for url in expected}, expected)


class SharingTests(ResponseCacheTestCase):
    def test_second_anonymous_get_is_served_from_the_cache_without_queries(self):
        first = self.get(self.story_a.url)
        self.assertEqual(first[CACHE_HEADER], "miss")
        with self.assertNumQueries(0):
            second = self.get(self.story_a.url)
        self.assertEqual(second[CACHE_HEADER], "hit")
        self.assertEqual(second.content, first.content)
        self.assertEqual(second["Content-Type"], "text/html; charset=utf-8")
        self.assertEqual(second["Cache-Control"], PUBLIC)
        self.assertEqual(second["ETag"], first["ETag"])
        self.assertEqual(second["Last-Modified"], first["Last-Modified"])

    def test_api_sitemap_and_feed_reads_are_shared(self):
        urls = [
            "/api/v2/pages/?type=stories.StoryPage&fields=*",
            f"/api/v2/pages/{self.story_a.pk}/",
            "/api/v2/focus-areas/",
            "/api/v3/pages/",
            "/sitemap.xml",
            "/en/stories/feed/",
            "/en/search/?query=Alpha",
        ]
        for url in urls:
            self.assertEqual(self.state(url), "miss", url)
            with self.assertNumQueries(0):
                self.assertEqual(self.get(url)[CACHE_HEADER], "hit", url)

    def test_query_parameters_in_any_order_share_one_entry(self):
        self.assertEqual(self.state("/api/v2/pages/?type=stories.StoryPage&order=title"), "miss")
        self.assertEqual(self.state("/api/v2/pages/?order=title&type=stories.StoryPage"), "hit")
        self.assertEqual(self.state("/api/v2/pages/?order=-title&type=stories.StoryPage"), "miss")

    def test_head_is_served_from_the_cache(self):
        self.warm(self.story_a.url)
        response = self.client.head(self.story_a.url)
        self.assertEqual((response.status_code, response[CACHE_HEADER]), (200, "hit"))

    def test_etag_match_is_a_304(self):
        etag = self.get(self.story_a.url)["ETag"]
        for _ in range(2):  # from the rendering and from the cache
            response = self.get(self.story_a.url, HTTP_IF_NONE_MATCH=etag)
            self.assertEqual(response.status_code, 304)
            self.assertEqual(response.content, b"")
            self.assertEqual(response["ETag"], etag)
        self.assertEqual(self.get(self.story_a.url, HTTP_IF_NONE_MATCH='"other"').status_code, 200)

    def test_if_modified_since_the_copy_is_a_304(self):
        last_modified = self.get(self.story_a.url)["Last-Modified"]
        self.assertEqual(self.get(self.story_a.url, HTTP_IF_MODIFIED_SINCE=last_modified).status_code, 304)
        self.assertEqual(self.get(self.story_a.url, HTTP_IF_MODIFIED_SINCE=http_date(0)).status_code, 200)

    def test_logged_in_users_are_never_served_or_stored(self):
        self.login()
        for _ in range(2):
            response = self.get(self.story_a.url)
            self.assertEqual(response.status_code, 200)
            self.assertNotIn(CACHE_HEADER, response)
            self.assertEqual(response["Cache-Control"], "private, max-age=0")
        self.client.logout()
        self.assertEqual(self.state(self.story_a.url), "miss")

    def test_a_session_cookie_bypasses_a_warm_cache(self):
        self.warm(self.story_a.url)
        self.client.cookies["sessionid"] = "anything"
        response = self.get(self.story_a.url)
        self.assertNotIn(CACHE_HEADER, response)
        self.assertEqual(response["Cache-Control"], "private, max-age=0")

    def test_bearer_token_reads_are_not_shared(self):
        response = self.get("/api/v3/pages/", HTTP_AUTHORIZATION="Bearer nothing")
        self.assertNotIn(CACHE_HEADER, response)

    def test_restricted_pages_are_never_shared(self):
        for restriction_type, extra in (
            (PageViewRestriction.PASSWORD, {"password": "secret"}),
            (PageViewRestriction.LOGIN, {}),
        ):
            with self.subTest(restriction_type):
                restriction = PageViewRestriction.objects.create(
                    page=self.story_index, restriction_type=restriction_type, **extra
                )
                for _ in range(2):
                    response = self.get(self.story_a.url)
                    self.assertIn(response.status_code, (200, 302))
                    self.assertIn(response.get(CACHE_HEADER), ("skip", None))
                    self.assertIn("private", response["Cache-Control"])
                restriction.delete()
                self.assertEqual(self.state(self.story_a.url), "miss")

    def test_preview_reads_and_posts_are_not_shared(self):
        response = self.get("/api/v2/preview/?content_type=stories.storypage&token=forged")
        self.assertEqual(response.status_code, 403)
        self.assertEqual(response["Cache-Control"], "no-store")
        self.assertNotIn(CACHE_HEADER, response)
        response = self.get(f"{self.story_a.url}?preview=1&token=abc")
        self.assertNotIn(CACHE_HEADER, response)
        self.assertEqual(response["Cache-Control"], "private, max-age=0")
        response = self.client.post("/api/v3/pages/", {})
        self.assertNotIn(CACHE_HEADER, response)

    def test_errors_and_the_language_redirect_are_not_shared(self):
        for url, status in (
            ("/en/no-such-page/", 404),
            ("/api/v2/pages/?type=nothing.Here", 400),
            ("/api/v2/pages/999999/", 404),
        ):
            for _ in range(2):
                response = self.get(url)
                self.assertEqual((response.status_code, response[CACHE_HEADER]), (status, "skip"), url)
                self.assertEqual(response["Cache-Control"], "private, max-age=0")
        # `/` follows Accept-Language: each visitor is sent to their language, never to the first one's.
        self.assertEqual(self.get("/", HTTP_ACCEPT_LANGUAGE="fr")["Location"], "/fr/")
        response = self.get("/", HTTP_ACCEPT_LANGUAGE="en")
        self.assertEqual((response.status_code, response["Location"]), (302, "/en/"))
        self.assertNotIn(CACHE_HEADER, response)

    @override_settings(TWINNING_RESPONSE_CACHE=False)
    def test_the_setting_turns_it_off(self):
        for _ in range(2):
            response = self.get(self.story_a.url)
            self.assertNotIn(CACHE_HEADER, response)
            self.assertNotIn("Cache-Control", response)


class InvalidationTests(ResponseCacheTestCase):
    def surfaces(self):
        return {
            "story_a": self.story_a.url,
            "story_b": self.story_b.url,
            "story_index": self.story_index.url,
            "home": self.home.url,
            "partnership_x": self.partnership_x.url,
            "partnership_y": self.partnership_y.url,
            "partnership_index": self.partnership_index.url,
            "api_story_list": "/api/v2/pages/?type=stories.StoryPage&fields=*",
            "api_partnership_list": "/api/v2/pages/?type=cities.CityPartnershipPage",
            "api_all_pages": "/api/v2/pages/",
            "api_a": f"/api/v2/pages/{self.story_a.pk}/",
            "api_b": f"/api/v2/pages/{self.story_b.pk}/",
            "api_y": f"/api/v2/pages/{self.partnership_y.pk}/",
            "v3_story_list": "/api/v3/pages/?type=stories.StoryPage",
            "v3_a": f"/api/v3/pages/{self.story_a.pk}/",
            "v3_b": f"/api/v3/pages/{self.story_b.pk}/",
            "api_focus_areas": "/api/v2/focus-areas/",
            "sitemap": "/sitemap.xml",
            "feed": "/en/stories/feed/",
            "feed_fr": "/fr/stories/feed/",
        }

    def assertDropped(self, dropped, gone=()):
        """After a change: `dropped` surfaces render again, `gone` ones are no longer 200, the rest are hits."""
        surfaces = self.surfaces()
        expected = {name: ("miss" if name in dropped else "hit") for name in surfaces if name not in gone}
        actual = {name: self.state(surfaces[name]) for name in expected}
        self.assertEqual(actual, expected)

    def setUp(self):
        super().setUp()
        self.warm(*self.surfaces().values())

    def test_publishing_a_story_drops_every_response_that_showed_it_and_nothing_else(self):
        self.story_a.title = "Story Alpha, revised"
        self.story_a.save_revision().publish()
        self.assertDropped(
            {
                "story_a",
                "story_index",
                "home",
                "partnership_x",
                "api_story_list",
                "api_all_pages",
                "api_a",
                "v3_story_list",
                "v3_a",
                "sitemap",
                "feed",
            }
        )
        self.assertContains(self.get(self.story_index.url), "Story Alpha, revised")
        self.assertContains(self.get(self.partnership_x.url), "Story Alpha, revised")
        self.assertEqual(self.get(f"/api/v2/pages/{self.story_a.pk}/").json()["title"], "Story Alpha, revised")

    def test_a_new_story_shows_up_in_listings_and_on_its_partnership(self):
        story = StoryPageFactory(parent=self.story_index, title="Story Gamma", live=False)
        story.related_partnerships = [self.partnership_y]
        story.save_revision().publish()
        self.assertDropped(
            {
                "story_index",
                "home",
                "partnership_y",
                "api_story_list",
                "api_all_pages",
                "v3_story_list",
                "sitemap",
                "feed",
            }
        )
        self.assertContains(self.get(self.partnership_y.url), "Story Gamma")
        self.assertContains(self.get("/en/stories/feed/"), "Story Gamma")

    def test_unpublishing_a_story(self):
        self.story_a.unpublish()
        self.assertDropped(
            {
                "story_index",
                "home",
                "partnership_x",
                "api_story_list",
                "api_all_pages",
                "v3_story_list",
                "sitemap",
                "feed",
            },
            gone={"story_a", "api_a", "v3_a"},
        )
        self.assertNotContains(self.get(self.story_index.url), "Story Alpha")

    def test_deleting_a_story(self):
        self.story_a.delete()
        self.assertDropped(
            {
                "story_index",
                "home",
                "partnership_x",
                "api_story_list",
                "api_all_pages",
                "v3_story_list",
                "sitemap",
                "feed",
            },
            gone={"story_a", "api_a", "v3_a"},
        )
        self.assertEqual(self.get(self.surfaces()["story_a"]).status_code, 404)

    def test_moving_a_partnership_drops_it_and_the_pages_linking_to_it(self):
        old_url = self.partnership_x.url
        self.partnership_x.move(self.story_index, pos="last-child")
        self.partnership_x.refresh_from_db()
        self.assertNotEqual(self.get(old_url).status_code, 200)
        surfaces = self.surfaces()
        self.assertEqual(
            {name: self.state(surfaces[name]) for name in ("story_a", "story_b", "partnership_y", "api_b")},
            {"story_a": "miss", "story_b": "hit", "partnership_y": "hit", "api_b": "hit"},
        )
        self.assertContains(self.get(self.story_a.url), self.partnership_x.url)

    def test_a_new_section_slug_drops_every_page_below_it(self):
        old_story_url = self.story_a.url
        self.story_index.slug = "news"
        # Wagtail rewrites the paths below and signals the new slug when the change commits.
        with self.captureOnCommitCallbacks(execute=True):
            self.story_index.save_revision().publish()
        self.story_a.refresh_from_db()
        self.story_b.refresh_from_db()
        self.story_index.refresh_from_db()
        self.assertEqual(self.story_a.url, "/en/news/story-alpha/")
        # Wagtail's redirects app sends the old address on to the new one.
        self.assertRedirects(self.get(old_story_url), self.story_a.url, status_code=301, fetch_redirect_response=False)
        self.assertDropped(
            {
                "story_a",
                "story_b",
                "story_index",
                "home",
                "partnership_x",
                "partnership_y",
                "partnership_index",
                "api_story_list",
                "api_all_pages",
                "api_a",
                "api_b",
                "v3_story_list",
                "v3_a",
                "v3_b",
                "sitemap",
                "feed",
            }
        )
        listing = self.get("/api/v2/pages/?type=stories.StoryPage&fields=*").json()
        self.assertEqual(
            sorted(item["meta"]["html_url"] for item in listing["items"]),
            ["http://localhost/en/news/story-alpha/", "http://localhost/en/news/story-beta/"],
        )

    def test_a_listing_is_stored_with_the_tags_its_list_tags_do_not_cover(self):
        cache.clear()
        with mock.patch.object(store, "put", wraps=store.put) as put:
            self.assertEqual(self.state("/api/v2/pages/?type=stories.StoryPage&fields=*"), "miss")
        stored = put.call_args.args[2]
        # Every story's change bumps the story list: their own tags would only slow each hit down.
        self.assertIn("list:stories.storypage", stored)
        self.assertNotIn(f"page:{self.story_a.pk}", stored)
        self.assertNotIn(f"page:{self.story_b.pk}", stored)
        # What the stories show of other types keeps its tags: a partnership's title, a focus area.
        self.assertIn(f"page:{self.partnership_x.pk}", stored)
        self.assertIn(f"obj:home.focusarea:{self.trade.pk}", stored)

    def test_renaming_a_partnership_drops_the_story_listing_that_names_it(self):
        self.partnership_x.title = "Renamed partnership"
        self.partnership_x.save_revision().publish()
        self.assertEqual(self.state("/api/v2/pages/?type=stories.StoryPage&fields=*"), "miss")
        self.assertContains(self.get("/api/v2/pages/?type=stories.StoryPage&fields=*"), "Renamed partnership")

    def test_translating_a_story_drops_its_pages_and_the_new_language_s_listings(self):
        french = translate(self.story_a, self.fr, title="Histoire Alpha")
        self.assertDropped(
            {"story_a", "api_a", "v3_a", "api_story_list", "api_all_pages", "v3_story_list", "sitemap", "feed_fr"}
        )
        self.assertContains(self.get(self.story_a.url), f'hreflang="fr" href="http://localhost{french.url}"')

    def test_changing_a_snippet_drops_the_pages_showing_it(self):
        self.trade.name = "Commerce and trade"
        self.trade.save()
        self.assertDropped(
            {"story_a", "api_a", "v3_a", "api_story_list", "api_focus_areas", "story_index", "partnership_index"}
        )
        self.assertContains(self.get(self.story_a.url), "Commerce and trade")

    def test_a_restriction_drops_the_page_and_the_listings_showing_it(self):
        PageViewRestriction.objects.create(page=self.story_a, restriction_type=PageViewRestriction.LOGIN)
        self.assertDropped(
            {
                "story_index",
                "home",
                "partnership_x",
                "api_story_list",
                "api_all_pages",
                "v3_story_list",
                "sitemap",
                "feed",
            },
            gone={"story_a", "api_a", "v3_a"},
        )
        self.assertNotContains(self.get("/sitemap.xml"), self.story_a.url)

    def test_restricting_a_section_drops_the_listings_of_every_page_in_it(self):
        PageViewRestriction.objects.create(page=self.story_index, restriction_type=PageViewRestriction.LOGIN)
        # The partnership pages drop too: their menu showed the story index. Partnership listings stay.
        self.assertDropped(
            {
                "home",
                "partnership_x",
                "partnership_y",
                "partnership_index",
                "api_story_list",
                "api_all_pages",
                "v3_story_list",
                "sitemap",
                "feed",
            },
            gone={"story_a", "story_b", "story_index", "api_a", "api_b", "v3_a", "v3_b"},
        )
