"""Pieces kept beneath the response cache (cms.cache.fragments, cms.cache.sites): API v2 listing items and the
request's site, read back while nothing they showed changed, and never served after a change."""

from unittest import mock

from django.core.cache import cache
from django.db import connection, transaction
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Locale, PageViewRestriction, Site

from cms.cache import counts, fragments, store
from cms.cache.middleware import CACHE_HEADER
from tests.factories import CityPartnershipPageFactory, FocusAreaFactory, ImageFactory, StoryPageFactory
from tests.utils import SiteTestCase

from .api_fixtures import translate
from .test_response_cache_purge import REDIS_CACHE, OnRedis

LISTING = "/api/v2/pages/?type=stories.StoryPage&fields=*"


@override_settings(TWINNING_RESPONSE_CACHE=False, TWINNING_FRAGMENT_CACHE=True)
class ListingItemTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.trade = FocusAreaFactory(name="Trade", slug="trade")
        cls.partnership = CityPartnershipPageFactory(parent=cls.partnership_index, title="Harbour twins")
        cls.stories = [
            StoryPageFactory(
                parent=cls.story_index,
                title=f"Harbour story {number}",
                hero_image=ImageFactory(),
                focus_areas=[cls.trade],
                related_partnerships=[cls.partnership],
            )
            for number in range(4)
        ]

    def setUp(self):
        super().setUp()
        cache.clear()

    def read(self, url=LISTING):
        with CaptureQueriesContext(connection) as captured:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200, response.content[:300])
        return response.json(), len(captured)

    def as_made(self, url=LISTING):
        """The answer with no piece kept: what every answer must equal."""
        with override_settings(TWINNING_FRAGMENT_CACHE=False):
            return self.client.get(url).json()

    def titles(self, data):
        return {item["title"] for item in data["items"]}

    def test_items_are_read_back_by_other_pages_and_orders_of_the_listing(self):
        first, made_queries = self.read(f"{LISTING}&limit=2")
        self.assertEqual(first, self.as_made(f"{LISTING}&limit=2"))
        # Another page and another order of the same listing: the two stories shown already are not loaded again.
        later, _ = self.read(f"{LISTING}&order=-title")
        self.assertEqual(later, self.as_made(f"{LISTING}&order=-title"))
        with mock.patch.object(store, "put_many") as put_many:
            again, kept_queries = self.read(f"{LISTING}&order=title&search_operator=and&offset=0")
        put_many.assert_not_called()  # every item read back: the order, a filter and the page choose, not show
        self.assertEqual(again, self.as_made(f"{LISTING}&order=title"))
        self.assertEqual(len(again["items"]), 4)
        # Every item kept: the page of ids, no page, image, snippet or translation loaded.
        self.assertLess(kept_queries, made_queries)
        with CaptureQueriesContext(connection) as captured:
            self.client.get(f"{LISTING}&order=title")
        self.assertFalse([q["sql"] for q in captured if "wagtailimages" in q["sql"] or "home_focusarea" in q["sql"]])

    def test_another_field_list_or_language_is_another_piece(self):
        self.read()
        narrow, _ = self.read("/api/v2/pages/?type=stories.StoryPage&fields=title")
        self.assertEqual(narrow, self.as_made("/api/v2/pages/?type=stories.StoryPage&fields=title"))
        self.assertNotIn("hero_image", narrow["items"][0])
        Locale.objects.get_or_create(language_code="fr")
        url = "/api/v2/pages/?type=stories.StoryPage&fields=*&locale=fr&fallback=en"
        self.assertEqual(self.read(url)[0], self.as_made(url))
        self.assertTrue(all(item["meta"]["fallback"] for item in self.read(url)[0]["items"]))

    def test_publishing_a_story_drops_the_items_made_with_it_only(self):
        # Made one at a time, each item depends on its own story; made together, on what all of them showed.
        for offset in range(3):
            self.read(f"{LISTING}&limit=1&offset={offset}")
        self.read(f"{LISTING}&limit=2&offset=3")
        story = self.stories[0]
        story.title = "Harbour story, revised"
        with self.captureOnCommitCallbacks(execute=True):
            story.save_revision().publish()
        with mock.patch.object(fragments.store, "put_many", wraps=store.put_many) as put_many:
            data, _ = self.read()
        self.assertIn("Harbour story, revised", self.titles(data))
        self.assertEqual(data, self.as_made())
        self.assertEqual([entry["value"]["id"] for entry in put_many.call_args.args[0].values()], [story.pk])

    def test_a_snippet_image_or_linked_page_change_drops_the_items_showing_it(self):
        self.read()
        self.trade.name = "Commerce"
        with self.captureOnCommitCallbacks(execute=True):
            self.trade.save()
        data, _ = self.read()
        self.assertEqual({area["name"] for item in data["items"] for area in item["focus_areas"]}, {"Commerce"})

        self.partnership.title = "Harbour twins, renamed"
        with self.captureOnCommitCallbacks(execute=True):
            self.partnership.save_revision().publish()
        data, _ = self.read()
        self.assertEqual(
            {link["title"] for item in data["items"] for link in item["related_partnerships"]},
            {"Harbour twins, renamed"},
        )

        image = self.stories[1].hero_image
        image.title = "A new alt text"
        with self.captureOnCommitCallbacks(execute=True):
            image.save()
        data, _ = self.read()
        self.assertEqual(data, self.as_made())
        self.assertIn("A new alt text", str(data))

    def test_a_new_translation_shows_in_meta_translations(self):
        self.read()
        french = Locale.objects.get_or_create(language_code="fr")[0]
        with self.captureOnCommitCallbacks(execute=True):
            translated = translate(self.stories[2], french, title="Histoire du port")
        data, _ = self.read()
        item = next(item for item in data["items"] if item["id"] == self.stories[2].pk)
        self.assertEqual([t["id"] for t in item["meta"]["translations"]], [translated.pk])
        self.assertEqual(data, self.as_made())

    def test_unpublished_and_deleted_stories_leave_the_listing(self):
        self.read()
        with self.captureOnCommitCallbacks(execute=True):
            self.stories[0].unpublish()
            self.stories[1].delete()
        data, _ = self.read()
        self.assertEqual(self.titles(data), {"Harbour story 2", "Harbour story 3"})
        self.assertEqual(data["meta"]["total_count"], 2)

    def test_a_piece_made_while_a_change_lands_is_not_kept(self):
        original_versions, original_put = store.current_versions, store.put_many
        stored = {}
        # Every tag the items show has a version; the items are dropped (as by a change to a site or a locale).
        self.read()
        store.bump({"all"})

        def bumped_meanwhile(tag_set):
            store.bump({f"page:{self.stories[0].pk}"})  # lands while the items are being made
            return original_versions(tag_set)

        def put_many(entries, *args):
            kept = original_put(entries, *args)
            stored.update({entry["value"]["id"]: kept for entry in entries.values()})
            return kept

        with (
            mock.patch.object(store, "current_versions", bumped_meanwhile),
            mock.patch.object(store, "put_many", put_many),
        ):
            self.read()
        # The changed story's item is not kept; the others never showed it, and are.
        self.assertEqual(stored, {story.pk: story != self.stories[0] for story in self.stories})
        stored.clear()
        with mock.patch.object(store, "put_many", put_many):
            self.read()
        self.assertEqual(stored, {self.stories[0].pk: True})

    def test_each_item_depends_on_what_it_shows_only(self):
        self.read()
        image = self.stories[1].hero_image
        image.title = "A new alt text"
        with mock.patch.object(fragments.store, "put_many", wraps=store.put_many) as put_many:
            with self.captureOnCommitCallbacks(execute=True):
                image.save()
            data, _ = self.read()
        self.assertEqual(
            [entry["value"]["id"] for call in put_many.call_args_list for entry in call.args[0].values()],
            [self.stories[1].pk],
        )
        self.assertEqual(data, self.as_made())
        # A response built from the items carries the tags of the items it shows, and no other item's.
        with mock.patch.object(store, "put", wraps=store.put) as put, override_settings(TWINNING_RESPONSE_CACHE=True):
            self.client.get(f"{LISTING}&limit=1")
        shown = put.call_args.args[2]
        self.assertIn(f"obj:wagtailimages.image:{self.stories[0].hero_image_id}", shown)
        self.assertNotIn(f"obj:wagtailimages.image:{self.stories[1].hero_image_id}", shown)

    def test_search_results_are_kept_as_items_too(self):
        url = "/api/v2/pages/?type=stories.StoryPage&fields=*&search=Harbour"
        first, made_queries = self.read(url)
        self.assertEqual(len(first["items"]), 4)
        self.assertEqual(first, self.as_made(url))
        again, kept_queries = self.read(url)
        self.assertEqual(again, first)
        self.assertLess(kept_queries, made_queries)
        self.trade.name = "Commerce"
        with self.captureOnCommitCallbacks(execute=True):
            self.trade.save()
        changed, _ = self.read(url)
        self.assertEqual({area["name"] for item in changed["items"] for area in item["focus_areas"]}, {"Commerce"})
        self.assertEqual(changed, self.as_made(url))
        # A story's own change drops its item, though the search read the story before the items were made.
        story = self.stories[3]
        story.intro = "A harbour renewed"
        with self.captureOnCommitCallbacks(execute=True):
            story.save_revision().publish()
        changed, _ = self.read(url)
        self.assertIn("A harbour renewed", [item["intro"] for item in changed["items"]])

    def test_off_or_inside_a_transaction_nothing_is_kept(self):
        with override_settings(TWINNING_FRAGMENT_CACHE=False), mock.patch.object(store, "put_many") as put_many:
            self.read()
        put_many.assert_not_called()
        with transaction.atomic(), mock.patch.object(store, "put_many") as put_many:
            self.read()
        put_many.assert_not_called()

    def test_a_cached_response_built_from_kept_items_is_dropped_by_their_change(self):
        self.read(f"{LISTING}&limit=3")  # the items kept, no response stored
        with override_settings(TWINNING_RESPONSE_CACHE=True):
            self.assertEqual(self.client.get(f"{LISTING}&limit=2")[CACHE_HEADER], "miss")
            self.assertEqual(self.client.get(f"{LISTING}&limit=2")[CACHE_HEADER], "hit")
            shown = self.client.get(f"{LISTING}&limit=2").json()["items"][0]
            self.trade.name = "Commerce"
            with self.captureOnCommitCallbacks(execute=True):
                self.trade.save()
            response = self.client.get(f"{LISTING}&limit=2")
            self.assertEqual(response[CACHE_HEADER], "miss")
            item = next(item for item in response.json()["items"] if item["id"] == shown["id"])
            self.assertEqual(item["focus_areas"][0]["name"], "Commerce")


@override_settings(TWINNING_RESPONSE_CACHE=False, TWINNING_FRAGMENT_CACHE=True)
class SiteLookupTests(SiteTestCase):
    def setUp(self):
        super().setUp()
        cache.clear()

    def site_queries(self, url):
        with CaptureQueriesContext(connection) as captured:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        # Wagtail's lookup by host ranks the sites that match (a CASE); the site root paths read them all.
        return sum('FROM "wagtailcore_site"' in query["sql"] and "CASE WHEN" in query["sql"] for query in captured)

    def test_the_site_is_looked_up_once_until_something_changes(self):
        self.assertEqual(self.site_queries(self.story_index.url), 1)
        self.assertEqual(self.site_queries(self.story_index.url), 0)
        self.assertEqual(self.site_queries("/api/v2/pages/?type=stories.StoryPage"), 0)
        site = Site.objects.get(is_default_site=True)
        site.site_name = "Sister cities"
        with self.captureOnCommitCallbacks(execute=True):
            site.save()
        self.assertEqual(self.site_queries(self.story_index.url), 1)
        self.assertEqual(self.site_queries(self.story_index.url), 0)

    def test_each_host_has_its_own_site(self):
        other_root = StoryPageFactory(parent=self.home, title="Other site root")
        with self.captureOnCommitCallbacks(execute=True):
            Site.objects.create(hostname="twins.example", port=80, root_page=other_root)
        with override_settings(ALLOWED_HOSTS=["*"]):
            self.client.get(self.story_index.url)
            self.client.get("/api/v2/pages/", HTTP_HOST="twins.example")
            response = self.client.get("/api/v2/pages/", HTTP_HOST="twins.example")
        self.assertEqual([item["title"] for item in response.json()["items"]], ["Other site root"])

    def test_off_the_site_is_looked_up_each_time(self):
        with override_settings(TWINNING_FRAGMENT_CACHE=False):
            self.assertEqual(self.site_queries(self.story_index.url), 1)
            self.assertEqual(self.site_queries(self.story_index.url), 1)


@override_settings(CACHES=REDIS_CACHE)
class RedisListingItemTests(OnRedis, ListingItemTests):
    """Production's cache: the items' freshness checked by one script call each, in one round trip."""


@override_settings(TWINNING_RESPONSE_CACHE=False, TWINNING_FRAGMENT_CACHE=True)
class PagePartTests(SiteTestCase):
    """Parts of HTML pages (`{% keep %}`: the header, the footer, the alternate languages, a story's body)."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.trade = FocusAreaFactory(name="Trade", slug="trade")
        cls.partnership = CityPartnershipPageFactory(parent=cls.partnership_index, title="Harbour twins")
        cls.story = StoryPageFactory(
            parent=cls.story_index,
            title="Harbour story",
            hero_image=ImageFactory(title="Cranes at dawn"),
            focus_areas=[cls.trade],
            related_partnerships=[cls.partnership],
        )
        # The footer shows the site's calls to action; the header, the sections shown in menus.
        cls.home.site_calls_to_action.create(call_to_action=cls.call_to_action)
        cls.home.save_revision().publish()
        cls.partnership_index.show_in_menus = True
        cls.partnership_index.save_revision().publish()

    def setUp(self):
        super().setUp()
        cache.clear()

    def read(self, url=None):
        with CaptureQueriesContext(connection) as captured:
            response = self.client.get(url or self.story.url)
        self.assertEqual(response.status_code, 200)
        return response.content.decode(), len(captured)

    def as_made(self, url=None):
        with override_settings(TWINNING_FRAGMENT_CACHE=False):
            return self.client.get(url or self.story.url).content.decode()

    def change(self, obj, publish=False, **fields):
        for name, value in fields.items():
            setattr(obj, name, value)
        with self.captureOnCommitCallbacks(execute=True):
            obj.save_revision().publish() if publish else obj.save()

    def test_a_story_read_again_is_put_together_from_its_kept_parts(self):
        first, made_queries = self.read()
        again, kept_queries = self.read()
        self.assertEqual(again, first)
        self.assertEqual(again, self.as_made())
        # The page, its route and its parts all kept: nothing is read from the database.
        self.assertEqual(kept_queries, 0)
        self.assertGreater(made_queries, 0)

    def test_every_change_a_story_shows_renders_its_parts_again(self):
        self.assertIn("Donate", self.read()[0])
        changes = [
            (lambda: self.change(self.story, publish=True, title="Harbour story, revised"), "Harbour story, revised"),
            (lambda: self.change(self.trade, name="Commerce"), "Commerce"),
            (
                lambda: self.change(self.partnership, publish=True, title="Harbour twins, renamed"),
                "Harbour twins, renamed",
            ),
            (lambda: self.change(self.story.hero_image, title="Cranes at dusk"), "Cranes at dusk"),
            (lambda: self.change(self.call_to_action, label="Give today"), "Give today"),
            (lambda: self.change(self.partnership_index, publish=True, title="Our partnerships"), "Our partnerships"),
            (
                lambda: self.change(self.story_index, publish=True, title="News from the network"),
                "News from the network",
            ),
        ]
        for make_change, shown in changes:
            with self.subTest(shown=shown):
                self.assertNotIn(shown, self.read()[0])
                make_change()
                self.story.refresh_from_db()
                page, _ = self.read()
                self.assertIn(shown, page)
                self.assertEqual(page, self.as_made())

    def test_a_kept_route_never_outlives_a_change_to_the_page_or_a_page_above_it(self):
        self.read()
        old_url = self.story.url
        with self.captureOnCommitCallbacks(execute=True):
            self.story.move(self.partnership_index, pos="last-child")
        self.story.refresh_from_db()
        # Not the kept route: Wagtail's redirects app sends the old address to the new one.
        self.assertRedirects(self.client.get(old_url), self.story.url, status_code=301, fetch_redirect_response=False)
        self.assertIn("Harbour story", self.read(self.story.url)[0])

        with self.captureOnCommitCallbacks(execute=True):
            self.story.unpublish()
        self.assertEqual(self.client.get(self.story.url).status_code, 404)
        with self.captureOnCommitCallbacks(execute=True):
            self.story.save_revision().publish()
        self.read(self.story.url)

        with self.captureOnCommitCallbacks(execute=True):
            PageViewRestriction.objects.create(page=self.partnership_index, restriction_type=PageViewRestriction.LOGIN)
        response = self.client.get(self.story.url)
        self.assertEqual(response.status_code, 302)
        self.assertIn("/login/", response["Location"])

    def test_a_section_s_new_slug_moves_the_kept_route(self):
        self.read()
        old_url = self.story.url
        self.story_index.slug = "news"
        with self.captureOnCommitCallbacks(execute=True):
            self.story_index.save_revision().publish()
        self.story.refresh_from_db()
        self.assertEqual(self.client.get(old_url).status_code, 301)
        page, _ = self.read(self.story.url)
        self.assertIn('href="/en/news/"', page)
        self.assertEqual(page, self.as_made(self.story.url))

    def test_a_new_translation_is_linked_from_the_story(self):
        self.read()
        french = Locale.objects.get_or_create(language_code="fr")[0]
        with self.captureOnCommitCallbacks(execute=True):
            translated = translate(self.story, french, title="Histoire du port")
        page, _ = self.read()
        self.assertIn(f'hreflang="fr" href="http://localhost{translated.url}"', page)
        self.assertEqual(page, self.as_made())

    def test_previews_and_signed_in_reads_neither_use_nor_keep_parts(self):
        self.read()
        self.story.title = "A draft title"
        self.story.save_revision()
        self.client.force_login(self.superuser)
        with mock.patch.object(store, "put_many") as put_many, mock.patch.object(store, "get_many") as get_many:
            draft = self.client.get(reverse("wagtailadmin_pages:view_draft", args=[self.story.pk]))
            self.assertContains(draft, "A draft title")
            self.assertContains(self.client.get(self.story.url), "Harbour story")
        put_many.assert_not_called()
        get_many.assert_not_called()
        self.client.logout()
        self.assertNotIn("A draft title", self.read()[0])

    def test_a_part_rendered_while_a_change_lands_is_not_kept(self):
        original_get, original_put = store.get_many, store.put_many
        stored = []

        def change_landing(keys):
            # The story, which routing read before any part rendered, changes while the page renders.
            store.bump({f"page:{self.story.pk}"})
            return original_get(keys)

        def put_many(*args):
            stored.append(original_put(*args))
            return stored[-1]

        with mock.patch.object(store, "get_many", change_landing), mock.patch.object(store, "put_many", put_many):
            self.read()
        self.assertEqual(stored, [False] * 5)  # the route, language links, header, body and footer: none kept
        with mock.patch.object(store, "put_many", put_many):
            self.read()
        self.assertEqual(stored[5:], [True] * 5)

    def test_a_cached_response_put_together_from_kept_parts_is_dropped_by_their_change(self):
        self.read()  # the parts kept, no response stored
        with override_settings(TWINNING_RESPONSE_CACHE=True):
            self.assertEqual(self.client.get(self.story.url)[CACHE_HEADER], "miss")
            self.assertEqual(self.client.get(self.story.url)[CACHE_HEADER], "hit")
            self.change(self.trade, name="Commerce")
            response = self.client.get(self.story.url)
            self.assertEqual(response[CACHE_HEADER], "miss")
            self.assertContains(response, "Commerce")


@override_settings(TWINNING_RESPONSE_CACHE=False, TWINNING_FRAGMENT_CACHE=True)
class KeepingRulesTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.story = StoryPageFactory(parent=cls.story_index, title="Harbour story", hero_image=ImageFactory())

    def setUp(self):
        super().setUp()
        cache.clear()

    def puts(self, url):
        with mock.patch.object(store, "put_many", wraps=store.put_many) as put_many:
            self.assertEqual(self.client.get(url).status_code, 200)
        return put_many.call_count

    def test_reads_from_a_replica_keep_nothing(self):
        # A replica may still hold rows from before a change whose tags were bumped on the primary.
        with mock.patch.object(counts.router, "db_for_read", return_value="replica"):
            self.assertFalse(fragments.enabled())
        with mock.patch.object(counts, "reads_primary", return_value=False):
            for url in (self.story.url, LISTING, self.story.url, LISTING):
                self.assertEqual(self.puts(url), 0)
            with CaptureQueriesContext(connection) as captured:
                self.client.get(self.story.url)
            self.assertTrue([query for query in captured if 'FROM "wagtailcore_site"' in query["sql"]])
            # Responses read from the replica are kept a short while only.
            with (
                mock.patch.object(store, "put", wraps=store.put) as put,
                override_settings(TWINNING_RESPONSE_CACHE=True),
            ):
                self.client.get(f"{self.story.url}?from=replica")
            self.assertEqual(put.call_args.args[4], 60)
        with mock.patch.object(store, "put", wraps=store.put) as put, override_settings(TWINNING_RESPONSE_CACHE=True):
            self.client.get(f"{self.story.url}?from=primary")
        self.assertIsNone(put.call_args.args[4])

    def test_a_page_s_parts_are_kept_per_query_string(self):
        self.assertGreater(self.puts(self.story.url), 0)
        self.assertEqual(self.puts(self.story.url), 0)
        # Another query string may change what the page read before a part: its own parts (the route is shared).
        self.assertEqual(self.puts(f"{self.story.url}?ref=newsletter"), 4)
        self.assertEqual(self.puts(f"{self.story.url}?ref=newsletter"), 0)

    def test_a_part_within_a_part_is_rendered_with_it_not_kept_apart(self):
        from django.template import Context, Template
        from django.test import RequestFactory

        from cms.cache import tags

        template = Template('{% load twinning_tags %}{% keep "outer" %}a{% keep "inner" %}b{% endkeep %}{% endkeep %}')
        request = RequestFactory().get("/en/")
        with (
            mock.patch.object(store, "put_many", wraps=store.put_many) as put_many,
            tags.collect(started_at=store.clock()),
        ):
            self.assertEqual(template.render(Context({"request": request})), "ab")
        self.assertEqual(put_many.call_count, 1)

    def test_a_change_landing_after_a_search_keeps_none_of_its_items(self):
        url = "/api/v2/pages/?type=stories.StoryPage&fields=*&search=Harbour"
        self.client.get(url)
        store.bump({"all"})  # the items are dropped; every tag they show has a version
        original = fragments.store.get_many

        def change_after_search(keys):
            store.bump({f"page:{self.story.pk}"})  # the search has read the story already
            return original(keys)

        original_put, stored = store.put_many, []

        def put_many(*args):
            stored.append(original_put(*args))
            return stored[-1]

        with (
            mock.patch.object(fragments.store, "get_many", change_after_search),
            mock.patch.object(store, "put_many", put_many),
        ):
            self.client.get(url)
        self.assertEqual(stored, [False])
        self.assertEqual(self.puts(url), 1)  # not kept above: made again


@override_settings(TWINNING_RESPONSE_CACHE=False)
class EvictedTagTests(SiteTestCase):
    def test_an_evicted_tag_never_makes_an_older_entry_fresh_again(self):
        store.put_many({"entry": {"value": 1}}, {"tag-a"}, store.clock(), 60)
        self.assertIn("entry", store.get_many(["entry"]))
        store.bump({"tag-a"})
        self.assertEqual(store.get_many(["entry"]), {})
        cache.delete(store._tag_key("tag-a"))  # evicted
        store.current_versions({"tag-a"})  # another entry's store reads it again
        self.assertEqual(store.get_many(["entry"]), {})


@override_settings(CACHES=REDIS_CACHE)
class RedisEvictedTagTests(OnRedis, EvictedTagTests):
    pass


@override_settings(CACHES=REDIS_CACHE)
class LocalCopyTests(OnRedis, SiteTestCase):
    """On Redis a worker keeps the bytes of the entries it read, and Redis answers "=" while they are current."""

    def setUp(self):
        super().setUp()
        store._local.clear()
        store._local_size[0] = 0
        self.addCleanup(store._local.clear)

    def answers(self, keys):
        """What the script sent back for each key (bytes, b"=" or None), and the entries read."""
        sent = []
        real = store._script_for

        def recording(connection):
            script = real(connection)

            def call(**kwargs):
                result = script(**kwargs)
                if kwargs["client"] is connection:
                    sent.append(result[1] if result else result)  # (the check's id, the entry or "=")
                return result

            return call

        with mock.patch.object(store, "_script_for", recording):
            found = store.get_many(keys)
        return sent, found

    def put(self, key, value, tag="tag-a"):
        self.assertTrue(store.put_many({key: {"value": value}}, {tag}, store.clock(), 60))

    def test_a_current_entry_read_again_is_not_sent_again(self):
        self.put("entry", ["a list", 1])
        sent, found = self.answers(["entry"])
        self.assertNotEqual(sent, [b"="])
        first = found["entry"]["value"]
        sent, found = self.answers(["entry"])
        self.assertEqual(sent, [b"="])
        self.assertEqual(found["entry"]["value"], first)
        self.assertIsNot(found["entry"]["value"], first)  # decoded afresh for each reader

    def test_a_new_entry_under_the_same_key_or_a_bumped_tag_is_never_read_from_the_copy(self):
        self.put("entry", "old")
        self.answers(["entry"])
        self.put("entry", "new")
        sent, found = self.answers(["entry"])
        self.assertNotEqual(sent, [b"="])
        self.assertEqual(found["entry"]["value"], "new")
        store.bump({"tag-a"})
        self.assertEqual(self.answers(["entry"])[1], {})
        self.assertNotIn("entry", store._local)

    def test_an_entry_its_check_does_not_vouch_for_is_a_miss(self):
        self.put("entry", "old")
        store.bump({"tag-a"})
        # The new entry's own write is lost (django-redis swallows the error), its check is written.
        with mock.patch.object(store.cache, "set_many"):
            self.put("entry", "new")
        self.assertEqual(store.get_many(["entry"]), {})
        self.assertNotIn("entry", store._local)

    def test_a_bump_moves_the_counter_and_the_versions_together(self):
        store.bump({"tag-a", "tag-b"})
        counter = store.cache.get(store.CLOCK_KEY)
        self.assertEqual(store.current_versions({"tag-a", "tag-b"}), {"tag-a": counter, "tag-b": counter})
        from django_redis import get_redis_connection

        get_redis_connection("default").delete(store._redis_client().make_key(store.CLOCK_KEY))
        store.bump({"tag-a"})  # the counter is started again, above any earlier value
        self.assertGreater(store.cache.get(store.CLOCK_KEY), counter)
        self.assertEqual(store.current_versions({"tag-a"}), {"tag-a": store.cache.get(store.CLOCK_KEY)})

    def test_the_copies_stay_within_their_budget(self):
        self.put("entry-0", "x" * 200)
        store.get_many(["entry-0"])
        size = store._local_size[0]
        with mock.patch.object(store, "LOCAL_BYTES", size * 3 + size // 2):
            for number in range(1, 10):
                self.put(f"entry-{number}", "x" * 200)
                store.get_many([f"entry-{number}"])
        self.assertEqual(list(store._local), ["entry-7", "entry-8", "entry-9"])  # the least recently read go
        self.assertEqual(store._local_size[0], sum(len(raw) for _, raw in store._local.values()))
        with mock.patch.object(store, "LOCAL_ENTRY_BYTES", size - 1):
            self.put("entry-10", "x" * 200)
            store.get_many(["entry-10"])
        self.assertNotIn("entry-10", store._local)

    def test_a_page_and_a_listing_read_again_are_served_from_the_copies(self):
        story = StoryPageFactory(parent=self.story_index, title="Harbour story")
        with override_settings(TWINNING_RESPONSE_CACHE=True):
            for url in (story.url, LISTING):
                first = self.client.get(url)
                second = self.client.get(url)
                self.assertEqual(second[CACHE_HEADER], "hit")
                self.assertEqual(second.content, first.content)
            story.title = "Harbour story, revised"
            with self.captureOnCommitCallbacks(execute=True):
                story.save_revision().publish()
            self.assertContains(self.client.get(story.url), "Harbour story, revised")
            self.assertContains(self.client.get(LISTING), "Harbour story, revised")
