"""Cached responses and tag versions in Django's default cache.

A tag's version is a number from one shared counter (`cache.incr`, atomic on Redis): a response rendered from
time T stores the versions it saw and is kept only if no tag it depends on was bumped after T, so a publish that
lands while a page renders can never leave the old page in the cache. A missing version (never set, or evicted)
counts as changed: a lost version costs a miss, never a stale answer. (On Redis a response is served without
reading its versions while the counter has not moved since T: then nothing at all was bumped.)
"""

import hashlib
import logging
import threading
import time
import uuid
from collections import OrderedDict
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

logger = logging.getLogger(__name__)

PREFIX = "twinning:rc:"
CLOCK_KEY = f"{PREFIX}clock"


def _tag_key(tag):
    return f"{PREFIX}tag:{tag}"


def response_key(request, language):
    """The request's URL with its query parameters in a normal order, its language and today's date.

    The date is there because campaign statuses (upcoming, active, ended) follow the calendar: yesterday's home
    page is not served today.
    """
    raw = "\n".join(
        [
            request.get_host(),
            request.path,
            normal_query(request),
            language,
            timezone.localdate().isoformat(),
            request.scheme,
        ]
    )
    return f"{PREFIX}response:{hashlib.sha256(raw.encode()).hexdigest()}"


def normal_query(request):
    """The request's query parameters in a normal order: the same parameters, the same key."""
    return urlencode(sorted(parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True)))


def clock():
    """The current value of the shared counter, started if it is missing (0 if the cache cannot keep it)."""
    value = cache.get(CLOCK_KEY)
    if value is None:
        _start_clock()
        value = cache.get(CLOCK_KEY)
    return value or 0


def _start_clock():
    # A counter that is missing (new, evicted, flushed) starts above any value it had before, from the time in
    # microseconds: a response stored with an earlier value must never see the counter at that value again (on
    # Redis, an unchanged counter lets a hit skip its tags' versions). `add`: another process may start it first.
    cache.add(CLOCK_KEY, time.time_ns() // 1000, timeout=None)


def _tick():
    try:
        return cache.incr(CLOCK_KEY)
    except ValueError:
        _start_clock()
    try:
        return cache.incr(CLOCK_KEY)
    except ValueError:  # a cache that keeps nothing (Django's DummyCache): there is nothing to drop either
        return None


# On Redis the counter and the tags' versions move together (one script, atomic): a counter moved without the
# versions would let an entry's check pass on versions that should have changed.
BUMP_SCRIPT = r"""
if redis.call("EXISTS", KEYS[1]) == 0 then return false end
local version = redis.call("INCR", KEYS[1])
for i = 2, #KEYS do redis.call("SET", KEYS[i], version) end
return version
"""
_bump_script = []


def _redis_bump(client, tags):
    from redis.exceptions import RedisError

    keys = [str(client.make_key(CLOCK_KEY)), *(str(client.make_key(_tag_key(tag))) for tag in tags)]
    try:
        connection = client.get_client(write=True)
        if not _bump_script:
            _bump_script.append(connection.register_script(BUMP_SCRIPT))
        if _bump_script[0](keys=keys, client=connection) is None:  # no counter yet (new, evicted, flushed)
            _start_clock()
            _bump_script[0](keys=keys, client=connection)
    except RedisError:
        logger.error("Redis unavailable: cached responses showing %d changed tags were not dropped", len(tags))


def bump(tags):
    """Give each tag a new version: every response stored with one of them is stale from now on."""
    if not tags:
        return
    client = _redis_client()
    if client is not None:
        _redis_bump(client, tags)
        return
    version = _tick()
    if version is None:  # a cache that fails open (django-redis with IGNORE_EXCEPTIONS) while it is down
        return
    cache.set_many({_tag_key(tag): version for tag in tags}, timeout=None)


def current_versions(tags):
    """{tag: version} for `tags`; a tag without one (never bumped, or evicted) gets the counter's current value, set
    now so it is not missing next time. Not 0: an evicted tag may have been bumped since an entry was stored with
    0, and must not match that entry again."""
    keys = {_tag_key(tag): tag for tag in tags}
    found = cache.get_many(list(keys))
    missing = [key for key in keys if key not in found]
    if missing:
        now = clock()
        for key in missing:
            cache.add(key, now, timeout=None)
        found.update(cache.get_many(missing))
    return {keys[key]: version for key, version in found.items()}


# On Redis a hit is one script call: the response's tags (their Redis keys and the versions it was stored with)
# sit beside it under `<key>:check` as plain text, and the script returns the stored response only if every
# version is still current. Otherwise a hit would take a round trip for the response and another for its tags'
# versions, each one encoded and decoded in Python (an API listing of 20 stories depends on about a hundred tags).
# The check's first line is the counter's value when the response began to render: every bump advances the counter
# before it sets any version, so while the counter still has that value nothing was bumped since, and the response
# is served without reading its tags (for a listing's sixty-odd, 0.15 ms of the script's 0.30).
# The script reads tag keys it does not declare: that needs one Redis (or a primary with replicas), not Redis
# Cluster, as docs/deployment.md describes.
# Each stored entry has an id, in the entry and on the check's second line: the script returns it with the entry,
# and an entry whose id is not its check's (its own write failed, or has not landed yet) is a miss. A worker that
# read the entry before keeps its bytes (`_local`) and passes the id, and while that entry is still the stored one
# and fresh the script answers "=" instead of sending it again (a listing's 40 KB, most of what a hit costs).
# Freshness is still Redis's answer every time.
GET_IF_FRESH_SCRIPT = r"""
local check = redis.call("GET", KEYS[2])
if not check then return false end
local first = string.find(check, "\n", 1, true)
if not first then return false end
local second = string.find(check, "\n", first + 1, true)
if not second then return false end
local id = string.sub(check, first + 1, second - 1)
local function answer()
    if ARGV[1] ~= "" and ARGV[1] == id then return {id, "="} end
    local entry = redis.call("GET", KEYS[1])
    if not entry then return false end
    return {id, entry}
end
if redis.call("GET", KEYS[3]) == string.sub(check, 1, first - 1) then return answer() end
check = string.sub(check, second + 1)
local split = string.find(check, "\n\n", 1, true)
if not split then return false end
local versions = {}
for version in string.gmatch(string.sub(check, split + 2), "[^\n]+") do versions[#versions + 1] = version end
local i = 0
for key in string.gmatch(string.sub(check, 1, split - 1), "[^\n]+") do
    i = i + 1
    if redis.call("GET", key) ~= versions[i] then return false end
end
if i ~= #versions then return false end
return answer()
"""
_script = []  # the script, registered once (redis-py runs it on whichever client is passed)


def _redis_client():
    """django-redis's client when the default cache is django-redis, else None."""
    client = getattr(cache, "client", None)
    if client is None or not all(hasattr(client, name) for name in ("get_client", "make_key", "decode")):
        return None
    return client


def _redis_keys(client, key):
    """The Redis keys of a response, of its check beside it, and of the counter."""
    response_key = str(client.make_key(key))
    return response_key, f"{response_key}:check", str(client.make_key(CLOCK_KEY))


def _script_for(connection):
    if not _script:
        _script.append(connection.register_script(GET_IF_FRESH_SCRIPT))
    return _script[0]


def _redis_get_many(client, keys):
    """{key: entry} for the fresh ones among `keys`: one script call each, all in one round trip."""
    from redis.exceptions import RedisError

    with _local_lock:
        held = {key: _local.get(key) for key in keys}
    try:
        connection = client.get_client(write=False)
        script = _script_for(connection)
        calls = [(list(_redis_keys(client, key)), [held[key][0] if held[key] else ""]) for key in keys]
        if len(keys) == 1:
            raws = [script(keys=calls[0][0], args=calls[0][1], client=connection)]
        else:
            pipeline = connection.pipeline(transaction=False)
            for redis_keys, args in calls:
                script(keys=redis_keys, args=args, client=pipeline)
            raws = pipeline.execute()
    except RedisError:
        # As django-redis does with IGNORE_EXCEPTIONS: Redis down is a miss, logged, never an error page.
        logger.warning("Redis unavailable: a cached response could not be read", exc_info=True)
        return {}
    found = {}
    for key, answer in zip(keys, raws, strict=True):
        if not answer:
            _forget(key)
            continue
        check_id, raw = answer[0].decode(), answer[1]
        local = raw == b"=" and held[key] is not None and held[key][0] == check_id
        if local:
            raw = held[key][1]
        entry = client.decode(raw)  # decoded afresh: each request gets objects of its own
        if not isinstance(entry, dict) or entry.get("id") != check_id:
            # Not the entry its check vouches for (its own write failed, or is still on its way): a miss.
            _forget(key)
            continue
        found[key] = entry
        if local:
            with _local_lock:
                if key in _local:
                    _local.move_to_end(key)
        else:
            _remember(key, check_id, raw)
    return found


# Entries' bytes as this worker last read them, by key: (id, bytes), least recently used first; one lock for the
# threads of a worker.
_local = OrderedDict()
_local_size = [0]
_local_lock = threading.Lock()
LOCAL_BYTES = 32 * 1024 * 1024
LOCAL_ENTRY_BYTES = 2 * 1024 * 1024  # larger entries are read from Redis each time


def _forget(key):
    with _local_lock:
        _drop(key)


def _drop(key):
    previous = _local.pop(key, None)
    if previous is not None:
        _local_size[0] -= len(previous[1])


def _remember(key, entry_id, raw):
    with _local_lock:
        _drop(key)
        if len(raw) > LOCAL_ENTRY_BYTES:
            return
        _local[key] = (entry_id, raw)
        _local_size[0] += len(raw)
        while _local_size[0] > LOCAL_BYTES and _local:
            _, (_, dropped) = _local.popitem(last=False)
            _local_size[0] -= len(dropped)


def _redis_put_checks(client, ids, versions, started_at, timeout):
    """The check beside each entry ({key: entry id}): the counter when it began, its id, its tags and versions."""
    from redis.exceptions import RedisError

    # django-redis stores integers as their digits, unpickled (so that INCR works on them): the script compares
    # those digits with these. The counter's value when the response began comes first.
    items = sorted(versions.items())
    tags_and_versions = "\n".join(str(client.make_key(_tag_key(tag))) for tag, _ in items)
    tags_and_versions += "\n\n" + "\n".join(str(version) for _, version in items)
    try:
        pipeline = client.get_client(write=True).pipeline(transaction=False)
        for key, entry_id in ids.items():
            pipeline.set(_redis_keys(client, key)[1], f"{started_at}\n{entry_id}\n{tags_and_versions}", ex=timeout)
        pipeline.execute()
    except RedisError:
        logger.warning("Redis unavailable: a response was not cached", exc_info=True)


def get(key):
    return get_many([key]).get(key)


def get_many(keys):
    """{key: entry} for the entries among `keys` that are stored and fresh, as `get` reads one, in one round trip
    on Redis (two `get_many` on other caches)."""
    keys = list(keys)
    if not keys:
        return {}
    client = _redis_client()
    if client is not None:
        return _redis_get_many(client, keys)
    entries = cache.get_many(keys)
    current = cache.get_many(list({_tag_key(tag) for entry in entries.values() for tag in entry["versions"]}))
    return {
        key: entry
        for key, entry in entries.items()
        if all(
            version is not None and current.get(_tag_key(tag)) == version for tag, version in entry["versions"].items()
        )
    }


def put(key, response, tags, started_at, timeout=None):
    """Store the response unless one of its tags was bumped since `started_at`; returns whether it was stored."""
    entry = {
        "status": response.status_code,
        "headers": list(response.items()),
        "content": response.content,
    }
    if timeout is None:
        timeout = settings.TWINNING_RESPONSE_CACHE_TIMEOUT
    return put_many({key: entry}, tags, started_at, timeout)


def put_many(entries, tags, started_at, timeout):
    """Store each of `entries` ({key: entry dict}), all depending on `tags`, unless one of the tags was bumped since
    `started_at`; returns whether they were stored."""
    versions = current_versions(tags)
    if len(versions) != len(tags) or any(version is None or version > started_at for version in versions.values()):
        return False
    ids = {key: uuid.uuid4().hex for key in entries}
    cache.set_many(
        {key: {**entry, "versions": versions, "id": ids[key]} for key, entry in entries.items()}, timeout=timeout
    )
    client = _redis_client()
    if client is not None and timeout > 0:  # 0: Django's cache stores nothing
        # After the entries: a reader between the two writes pairs a new entry with the previous check, whose
        # versions are older, so it misses; the other order could pair a stale entry with a fresh check.
        _redis_put_checks(client, ids, versions, started_at, timeout)
    return True
