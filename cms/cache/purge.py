"""Front-end cache (CDN) purge: the URLs whose responses depended on what changed.

Every response stored in our cache is also one a CDN may keep (`s-maxage`), so its absolute URL is recorded under
each of its tags; when tags are bumped, the URLs recorded under them are purged through Wagtail's front-end cache
backends (`WAGTAILFRONTENDCACHE`: Cloudflare, CloudFront or an HTTP PURGE to Varnish and the like). On Redis the
URL sets are Redis sets (SADD, atomic across web servers); on other backends a read-modify-write.
"""

import logging
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import cache

from .store import PREFIX

logger = logging.getLogger(__name__)


def enabled():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def _urls_key(tag):
    return f"{PREFIX}urls:{tag}"


def _redis_client():
    client = getattr(cache, "client", None)  # django-redis
    if client is not None and hasattr(client, "get_client"):
        return client.get_client(write=True)
    inner = getattr(cache, "_cache", None)  # Django's RedisCache
    if inner is not None and hasattr(inner, "get_client") and type(cache).__name__ == "RedisCache":
        return inner.get_client(write=True)
    return None


def absolute_url(request):
    query = urlencode(sorted(parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True)))
    url = request.build_absolute_uri(request.path)
    return f"{url}?{query}" if query else url


def record(request, tag_set):
    if not enabled():
        return
    url = absolute_url(request)
    redis = _redis_client()
    if redis is not None:
        pipeline = redis.pipeline()
        for tag in tag_set:
            pipeline.sadd(cache.make_key(_urls_key(tag)), url)
        pipeline.execute()
        return
    keys = [_urls_key(tag) for tag in tag_set]
    current = cache.get_many(keys)
    cache.set_many({key: current.get(key, frozenset()) | {url} for key in keys}, timeout=None)


def take(tag_set):
    """The URLs recorded under `tag_set`, forgotten at once (they are purged next)."""
    if not enabled() or not tag_set:
        return set()
    keys = [_urls_key(tag) for tag in tag_set]
    redis = _redis_client()
    if redis is not None:
        pipeline = redis.pipeline()
        for key in keys:
            pipeline.smembers(cache.make_key(key))
        found = pipeline.execute()
        redis.delete(*[cache.make_key(key) for key in keys])
        return {url.decode() if isinstance(url, bytes) else url for members in found for url in members}
    found = cache.get_many(keys)
    cache.delete_many(list(found))
    return set().union(*found.values()) if found else set()


def purge(urls):
    if not urls:
        return
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    try:
        purge_urls_from_cache(sorted(urls))
    except Exception:  # a CDN that is down must not fail a publish; the response expires after s-maxage
        logger.exception("Front-end cache purge of %d URLs failed", len(urls))
