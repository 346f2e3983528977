"""The response cache over time: a publish-and-read loop never sees a stale answer; CDN purges of what changed."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from unittest import mock

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from cms.cache import store
from cms.cache.middleware import CACHE_HEADER
from cms.settings.base import frontend_cache_backends
from tests.conftest import require_service
from tests.factories import StoryPageFactory

from .test_response_cache import ResponseCacheTestCase


class PurgeReceiver:
    """A front-end cache stand-in on 127.0.0.1: records the (Host, path) of each PURGE it receives."""

    def __init__(self):
        self.purged = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_PURGE(self):  # noqa: N802
                receiver.purged.append((self.headers["Host"], self.path))
                self.send_response(200)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.location = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


class PublishAndReadLoopTests(ResponseCacheTestCase):
    def test_reads_between_publishes_always_show_the_latest_revision(self):
        urls = {
            "page": self.story_a.url,
            "index": self.story_index.url,
            "partnership": self.partnership_x.url,
            "api_detail": f"/api/v2/pages/{self.story_a.pk}/",
            "api_listing": "/api/v2/pages/?type=stories.StoryPage&fields=title",
            "v3_detail": f"/api/v3/pages/{self.story_a.pk}/",
            "feed": "/en/stories/feed/",
        }
        states = []
        for revision in range(8):
            title = f"Alpha revision {revision}"
            self.story_a.title = title
            self.story_a.save_revision().publish()
            for _ in range(3):
                for name, url in urls.items():
                    response = self.get(url)
                    states.append(response[CACHE_HEADER])
                    self.assertContains(response, title, msg_prefix=f"{name} after revision {revision}")
                    self.assertNotContains(response, f"Alpha revision {revision - 1}<")
        # Each publish dropped every surface once; the two reads after it were served from the cache.
        self.assertEqual(states.count("miss"), 8 * len(urls))
        self.assertEqual(states.count("hit"), 2 * 8 * len(urls))

    def test_a_draft_saved_between_reads_changes_nothing_shared(self):
        self.warm(self.story_a.url)
        self.story_a.title = "A draft title"
        self.story_a.save_revision()
        response = self.get(self.story_a.url)
        self.assertEqual(response[CACHE_HEADER], "hit")
        self.assertNotContains(response, "A draft title")

    def test_a_response_rendered_while_a_publish_lands_is_not_kept(self):
        started_at = store.clock()
        store.bump({f"page:{self.story_a.pk}"})  # the publish, between the start and the end of the rendering
        response = self.get(self.story_b.url)  # any response: only its tags matter here
        self.assertFalse(store.put("key", response, {"all", f"page:{self.story_a.pk}"}, started_at))
        self.assertTrue(store.put("key", response, {"all", f"page:{self.story_a.pk}"}, store.clock()))
        self.assertIsNone(store.get("missing-key"))
        self.assertEqual(store.get("key")["content"], response.content)


class FrontEndPurgeTests(ResponseCacheTestCase):
    def setUp(self):
        super().setUp()
        self.receiver = PurgeReceiver()
        self.addCleanup(self.receiver.stop)
        backends = {"varnish": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend"}}
        backends["varnish"]["LOCATION"] = self.receiver.location
        overrides = override_settings(WAGTAILFRONTENDCACHE=backends)
        overrides.enable()
        self.addCleanup(overrides.disable)

    def test_publishing_purges_the_urls_that_showed_the_page_and_no_other(self):
        urls = [
            self.story_a.url,
            self.story_b.url,
            self.story_index.url,
            self.partnership_x.url,
            self.partnership_y.url,
            f"/api/v2/pages/{self.story_a.pk}/",
            f"/api/v2/pages/{self.story_b.pk}/",
            "/api/v2/pages/?type=stories.StoryPage&fields=title",
        ]
        self.warm(*urls)
        self.story_a.title = "Story Alpha, revised"
        with self.captureOnCommitCallbacks(execute=True):
            self.story_a.save_revision().publish()
        self.assertEqual(
            sorted(self.receiver.purged),
            sorted(
                (
                    "testserver",
                    url.replace("?type=stories.StoryPage&fields=title", "?fields=title&type=stories.StoryPage"),
                )
                for url in (
                    self.story_a.url,
                    self.story_index.url,
                    self.partnership_x.url,
                    f"/api/v2/pages/{self.story_a.pk}/",
                    "/api/v2/pages/?type=stories.StoryPage&fields=title",
                )
            ),
        )
        # Purged once: the URLs are recorded again only when they are next rendered and stored.
        self.receiver.purged.clear()
        with self.captureOnCommitCallbacks(execute=True):
            self.story_a.save_revision().publish()
        self.assertEqual(self.receiver.purged, [])

    def test_a_new_story_purges_the_listings_it_joins(self):
        self.warm(self.story_index.url, self.story_b.url, "/sitemap.xml")
        with self.captureOnCommitCallbacks(execute=True):
            StoryPageFactory(parent=self.story_index, title="Story Gamma")
        self.assertEqual(
            sorted(self.receiver.purged), sorted([("testserver", "/sitemap.xml"), ("testserver", self.story_index.url)])
        )


def test_front_end_cache_backends_come_from_the_environment():
    http = {"TWINNING_FRONTEND_CACHE": "http", "TWINNING_FRONTEND_CACHE_LOCATION": "http://127.0.0.1:6081"}
    assert frontend_cache_backends(http) == {
        "http": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": "http://127.0.0.1:6081"}
    }
    cloudflare = {
        "TWINNING_FRONTEND_CACHE": "Cloudflare",
        "TWINNING_CLOUDFLARE_ZONE_ID": "zone",
        "TWINNING_CLOUDFLARE_BEARER_TOKEN": "token",
    }
    assert frontend_cache_backends(cloudflare) == {
        "cloudflare": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "ZONEID": "zone",
            "BEARER_TOKEN": "token",
        }
    }
    cloudfront = {"TWINNING_FRONTEND_CACHE": "cloudfront", "TWINNING_CLOUDFRONT_DISTRIBUTION_ID": "E123"}
    assert frontend_cache_backends(cloudfront) == {
        "cloudfront": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": "E123",
        }
    }
    assert frontend_cache_backends({}) == {}
    assert frontend_cache_backends({"TWINNING_FRONTEND_CACHE": " "}) == {}
    with pytest.raises(
        ImproperlyConfigured, match="^TWINNING_FRONTEND_CACHE must be one of: http, cloudflare, cloudfront.$"
    ):
        frontend_cache_backends({"TWINNING_FRONTEND_CACHE": "varnish"})
    with pytest.raises(
        ImproperlyConfigured, match="^TWINNING_FRONTEND_CACHE=http needs TWINNING_FRONTEND_CACHE_LOCATION.$"
    ):
        frontend_cache_backends({"TWINNING_FRONTEND_CACHE": "http"})


REDIS_CACHE = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:6379/14",
        "KEY_PREFIX": "twinning-response-cache-test",
    }
}


def redis_reachable():
    import redis

    try:
        return redis.Redis.from_url(REDIS_CACHE["default"]["LOCATION"], socket_connect_timeout=0.5).ping()
    except redis.RedisError:
        return False


class OnRedis:
    """A test case mixin: the test runs on an empty Redis cache (db 14), emptied after it; without Redis it is skipped
    (a failure in CI)."""

    def setUp(self):
        if not redis_reachable():
            require_service("Redis is not reachable on 127.0.0.1:6379")
        super().setUp()
        from django.core.cache import cache

        cache.clear()
        self.addCleanup(cache.clear)


@override_settings(CACHES=REDIS_CACHE)
class RedisResponseCacheTests(OnRedis, ResponseCacheTestCase):
    """Production's cache: versions counted with Redis INCR, purge URLs kept in Redis sets."""

    def setUp(self):
        super().setUp()
        self.receiver = PurgeReceiver()
        self.addCleanup(self.receiver.stop)
        backends = {"varnish": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend"}}
        backends["varnish"]["LOCATION"] = self.receiver.location
        overrides = override_settings(WAGTAILFRONTENDCACHE=backends)
        overrides.enable()
        self.addCleanup(overrides.disable)

    def test_publishing_drops_and_purges_exactly_on_redis(self):
        self.warm(self.story_a.url, self.story_b.url, self.story_index.url)
        with self.captureOnCommitCallbacks(execute=True):
            self.story_a.save_revision().publish()
        self.assertStates({self.story_a.url: "miss", self.story_b.url: "hit", self.story_index.url: "miss"})
        self.assertEqual(
            sorted(self.receiver.purged),
            sorted([("testserver", self.story_a.url), ("testserver", self.story_index.url)]),
        )

    def test_a_hit_is_one_script_call_and_a_tag_lost_from_redis_counts_as_changed(self):
        from django_redis import get_redis_connection

        self.warm(self.story_a.url, self.story_b.url)
        connection = get_redis_connection("default")
        commands = []
        original = connection.execute_command

        def record(*args, **options):
            commands.append(args[0])
            return original(*args, **options)

        with mock.patch.object(connection, "execute_command", record):
            self.assertStates({self.story_a.url: "hit"})
        self.assertEqual(commands, ["EVALSHA"])

        key = store._redis_client().make_key(store._tag_key(f"page:{self.story_a.pk}"))
        self.assertTrue(connection.exists(key))
        # Redis evicts a tag's version (maxmemory). While nothing was bumped since the responses were stored (the
        # counter has not moved), nothing they show has changed: they are still served, without reading a version.
        connection.delete(key)
        self.assertStates({self.story_a.url: "hit", self.story_b.url: "hit"})
        # Once anything is bumped, each response's versions are read: the lost one counts as changed (a miss, never
        # a stale answer), the other response's are current.
        store.bump({"another-tag"})
        self.assertStates({self.story_a.url: "miss", self.story_b.url: "hit"})
        self.assertStates({self.story_a.url: "hit"})
        # A version that differs in any way is as good as changed.
        connection.set(key, int(connection.get(key)) - 1)
        store.bump({"another-tag"})
        self.assertStates({self.story_a.url: "miss", self.story_b.url: "hit"})
        # So is a response whose list of tags was evicted.
        self.assertStates({self.story_a.url: "hit"})
        connection.delete(*connection.keys("*:check"))
        self.assertStates({self.story_a.url: "miss", self.story_b.url: "miss"})

    def test_a_counter_lost_from_redis_never_comes_back_to_a_value_a_response_was_stored_with(self):
        from django_redis import get_redis_connection

        self.warm(self.story_a.url)
        connection = get_redis_connection("default")
        # The response's (the page's kept parts have theirs too).
        (check_key,) = connection.keys("*:response:*:check")
        stored_with = int(connection.get(check_key).split(b"\n", 1)[0])
        connection.delete(store._redis_client().make_key(store.CLOCK_KEY))
        # Without the counter the versions are read: still current, so still served.
        self.assertStates({self.story_a.url: "hit"})
        store.bump({"another-tag"})
        self.assertGreater(store.clock(), stored_with)
        self.assertStates({self.story_a.url: "hit"})
        # The story changes: the counter moved on, its version with it, and the response is dropped.
        self.story_a.title = "Retitled"
        self.story_a.save_revision().publish()
        response = self.get(self.story_a.url)
        self.assertEqual(response[CACHE_HEADER], "miss")
        self.assertContains(response, "Retitled")

    def test_redis_failing_during_the_check_is_a_miss_not_an_error(self):
        import redis

        self.warm(self.story_a.url)
        with (
            mock.patch.object(redis.commands.core.Script, "__call__", side_effect=redis.ConnectionError("down")),
            self.assertLogs("cms.cache.store", "WARNING"),
        ):
            response = self.get(self.story_a.url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response[CACHE_HEADER], "miss")
        self.assertContains(response, self.story_a.title)
