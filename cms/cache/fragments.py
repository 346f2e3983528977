"""Pieces of responses kept beneath the response cache, and dropped by the same tags.

A full response serves one URL. What it is made of serves many: an API story listing filtered, ordered and paged a
hundred ways shows the same twenty-odd stories, and each story's representation (its fields, images with their
renditions, snippets, linked pages and translations) is the work of the answer (some 1.5 ms a story on this
stack, against well under 0.1 ms to read it back). A piece is kept with the tags of what it showed, collected as a
response's are (`tags.collect()`), and read only while none of them has been bumped since it was made
(`store.get_many`: on Redis one script call a piece, all in one round trip). A piece read back adds its tags to the
response that shows it, so the response cache and the CDN purge stay exact.

Pieces are shared by every visitor: they are kept only for what anyone may see (the public API's published pages),
never inside a transaction (`counts.in_transaction`), and with TWINNING_FRAGMENT_CACHE off, not at all. A piece's key
names the database, the date (campaign statuses follow the calendar, as for responses) and whatever its maker says
it depends on (the request's host, scheme, language and parameters, the object's id).
"""

import contextvars
import hashlib
from contextlib import contextmanager

from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language

from . import counts, store, tags

KEY_PREFIX = f"{store.PREFIX}piece:"


def key(*parts):
    raw = "\n".join([counts.database_identity(), timezone.localdate().isoformat(), *map(str, parts)])
    return KEY_PREFIX + hashlib.sha256(raw.encode()).hexdigest()


def enabled():
    """On, outside a transaction, and reading the primary database: a replica may still hold rows from before a
    change whose tags were bumped when it committed on the primary."""
    return settings.TWINNING_FRAGMENT_CACHE and not counts.in_transaction() and counts.reads_primary()


def kept_many(keys, load, show, started_at=None):
    """{id: piece} for `keys` ({id: cache key}): kept pieces read back; for the rest, `load(ids)` gives their
    objects (an id left out, a row gone meanwhile, is left out) and `show(obj)` makes each piece.

    Each piece depends on what its own object leads to (the related objects loaded or prefetched onto it, however
    deep) and on whatever `show` loads or adds for it, and on nothing else: a piece is never dropped, and no
    response that shows it carries tags, for another object's change. `started_at` is the store's counter when the
    objects were about to be read, when they were read before this is called (search results).
    """
    if not keys:
        return {}
    if not enabled():
        return {obj.pk: show(obj) for obj in load(list(keys))}
    found = store.get_many(keys.values())
    result = {}
    for pk, piece_key in keys.items():
        entry = found.get(piece_key)
        if entry is not None:
            tags.add_shown(entry["versions"], entry["labels"])
            result[pk] = entry["value"]
    missing = [pk for pk in keys if pk not in result]
    if missing:
        if started_at is None:
            started_at = store.clock()
        timeout = settings.TWINNING_RESPONSE_CACHE_TIMEOUT
        entries = {}
        with tags.collect():  # the loading: part of the response, not of any one piece
            for obj in load(missing):
                with tags.collect() as own:
                    tags.add_loaded(tags.reachable(obj))
                    value = show(obj)
                    labels = tags.page_labels()
                entries[keys[obj.pk]] = ({"value": value, "labels": labels}, own)
                result[obj.pk] = value
        for piece_key, (entry, own) in entries.items():
            store.put_many({piece_key: entry}, own, started_at, timeout)
    return result


@contextmanager
def request_scope(request):
    """What the request shows is collected from here on (the response cache does it when it is on): a part of a page
    is kept with everything the request read before it too (`kept`)."""
    if tags.collecting() is not None or not usable_for(request):
        yield
        return
    with tags.collect(started_at=store.clock()):
        yield


def usable_for(request):
    """Parts of pages are kept for what anyone may see: anonymous reads (as the response cache shares), no preview."""
    from .middleware import is_anonymous_read

    return enabled() and is_anonymous_read(request) and not getattr(request, "is_preview", False)


# Set while a part renders: a part within a part would miss what the request read before the outer one.
_making_part = contextvars.ContextVar("twinning_making_part", default=False)


def kept(request, parts, render, keep=None, vary_on_query=True):
    """`render()` (a part of an HTML page, or what the page is made from), or what it gave for the same `parts`
    while nothing it showed changed; kept only when `keep(value)` says so, if given.

    The part depends on what it loads and on everything the request read before it (the page being served, with
    what routing joined to it): each can change what it shows. Kept only within a request's collection
    (`request_scope`, or the response cache's), with the counter from the request's start: a change landing at any
    point of the request leaves nothing kept.
    """
    scope = tags.collecting()
    if scope is None or _making_part.get() or not usable_for(request):
        return render()
    before, started_at = scope
    # The same page under other parameters (a listing's filters) may show other things before and in the part.
    query = store.normal_query(request) if vary_on_query else ""
    piece_key = key("part", request.get_host(), request.scheme, get_language(), query, *parts)
    entry = store.get_many([piece_key]).get(piece_key)
    if entry is not None:
        tags.add_shown(entry["versions"], entry["labels"])
        return entry["value"]
    shown_before, labels_before = set(before), tags.page_labels()
    token = _making_part.set(True)
    try:
        with tags.collect() as collected:
            value = render()
            labels = tags.page_labels()
    finally:
        _making_part.reset(token)
    if keep is None or keep(value):
        entry = {"value": value, "labels": {**labels_before, **labels}}
        timeout = settings.TWINNING_RESPONSE_CACHE_TIMEOUT
        store.put_many({piece_key: entry}, collected | shown_before, started_at, timeout)
    return value
