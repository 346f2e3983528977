"""Listing totals and pages of search results kept in the cache until anything a visitor can see changes.

A listing's pager and an API listing's `meta.total_count` count every matching row: the one query of a listing whose
cost grows with the site (on PostgreSQL at 10,000 stories, 17 ms for the 30,000 stories of the API listing, 12 to
22 ms for the 2,000 of a focus area, against under 1 ms at 100). A count is kept with the value the store's counter
(`store.CLOCK_KEY`) had before it was taken. Every change that drops cached responses advances that counter before
anything else (`store.bump`, now and again when the change commits), so a count is served only while nothing has
changed since it was taken: a count taken while a change commits is stored under a value the counter has left, and
never read. The same events keep cached responses exact (`signals.py`), and listings' totals are part of those
responses. One `get_many` reads the counter and the count together.

A search ranks every match to return a page of them (28 ms of PostgreSQL for the 3,471 pages a common word matches
at 10,000 stories): the ids of a page of results, in their order, are kept the same way (`search_page`).

Only what the counter can vouch for is kept: a plain query on the primary database (not sliced, not DISTINCT, no
UNION) outside a transaction, whose SQL names no clock of the database's own (its results would move with time, not
with changes). Counts read from a replica are taken each time: the replica may still hold rows from before a change
whose bump has landed. Anything else, or a cache that cannot keep the counter, is counted by the database as before.
The key names the database (engine, name, host, port) with the SQL: sites sharing one cache never share a count.
"""

import hashlib
import re

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db import DEFAULT_DB_ALIAS, connections, router
from django.db.models import QuerySet
from wagtail.models import Page

from . import store

KEY_PREFIX = f"{store.PREFIX}count:"
# Counts are small; an hour bounds what a counter that never moves (a site nobody edits) leaves in the cache.
TIMEOUT = 60 * 60
# SQL whose answer depends on the time it runs (PostgreSQL and SQLite spellings).
VOLATILE_SQL = (
    "NOW()",
    "CURRENT_TIMESTAMP",
    "CURRENT_DATE",
    "CURRENT_TIME",
    "LOCALTIME",
    "CLOCK_TIMESTAMP",
    "STATEMENT_TIMESTAMP",
    "RANDOM()",
    "'NOW'",
    "TRANSACTION_TIMESTAMP",
    "TIMEOFDAY",
    "CURDATE",
    "SYSDATE",
    "UTC_TIMESTAMP",
)

IN_LIST = re.compile(r"\bIN \(((?:%s, )*%s)\)")
PLACEHOLDER = re.compile(r"(?<!%)%s")


def count(items):
    """`items.count()` for a queryset or search results, from the cache while nothing has changed since."""
    queryset = countable_queryset(items)
    key = queryset is not None and _key(queryset)
    if not key:
        return items.count()
    return kept(key, items.count)


def search_page(results):
    """`list(results)` for a page (a slice) of search results, its ids read from the cache while nothing changed.

    On a hit the objects are read by id from the query the search started from, whose rows the search returned
    (one query on the primary key), and put in the order the search gave them.
    """
    queryset = None
    if getattr(results, "_score_field", None) is None and not getattr(results, "prefetch_related", None):
        queryset = _search_queryset(results)
    key = queryset is not None and _key(queryset, ordered=True)
    if not key:
        return list(results)

    def read_by_id(ids):
        by_id = results.query_compiler.queryset.in_bulk(ids)
        return [by_id[pk] for pk in ids] if len(by_id) == len(ids) else None  # a row gone: search again

    return kept(key, lambda: list(results), stored=lambda items: [item.pk for item in items], restored=read_by_id)


def kept(key, compute, stored=None, restored=None):
    """`compute()`, or what it gave while the counter has not moved since (`stored` and `restored` convert it).

    The counter is read (and started if missing) before computing: a change that lands meanwhile moves it, and what
    was computed is stored under a value the counter has left. A cache that cannot keep the counter keeps nothing.
    """
    found = cache.get_many([store.CLOCK_KEY, key])
    clock = found.get(store.CLOCK_KEY)
    entry = found.get(key)
    if clock is not None and isinstance(entry, tuple) and entry[0] == clock:
        value = restored(entry[1]) if restored else entry[1]
        if value is not None:
            return value
    if clock is None:
        clock = store.clock()
    value = compute()
    if clock:
        cache.set(key, (clock, stored(value) if stored else value), timeout=TIMEOUT)
    return value


def countable_queryset(items):
    """The queryset whose rows `items.count()` counts, or None where that is not a plain queryset.

    Search results of the database backends count their own queryset (`get_queryset()`, the match without its
    ranking); other backends (OpenSearch) count in the search engine, and are left to it.
    """
    if isinstance(items, QuerySet):
        return items
    if getattr(items, "start", 0) or getattr(items, "stop", None) is not None:
        return None
    return _search_queryset(items)


def _search_queryset(results):
    get_queryset = getattr(results, "get_queryset", None)
    if get_queryset is None or getattr(results, "query_compiler", None) is None:
        return None
    queryset = get_queryset()
    return queryset if isinstance(queryset, QuerySet) else None


def _canonical_params(sql, params):
    """`params` with the values of each `IN (...)` list in one order: the same query, the same key.

    Wagtail's search names the content types it looks in from a set, in a different order from one query to the next.
    """
    params = list(params)
    for match in IN_LIST.finditer(sql):
        start = len(PLACEHOLDER.findall(sql, 0, match.start()))
        stop = start + match.group(1).count("%s")
        params[start:stop] = sorted(params[start:stop], key=repr)
    return params


def _key(queryset, ordered=False):
    """The cache key of the rows `queryset` selects (`ordered`: in its order and slice), or None."""
    query = queryset.query
    if queryset.db != DEFAULT_DB_ALIAS or query.distinct or query.combinator or (query.is_sliced and not ordered):
        return None
    if in_transaction(queryset.db):
        return None
    try:
        # The rows counted are the rows this selects: compiling one column costs less than the count's own SQL.
        rows = queryset.values_list("pk") if ordered else queryset.order_by().values_list("pk")
        sql, params = rows.query.sql_with_params()
    except EmptyResultSet:  # `.none()`, or a filter that can match nothing: counted without a query
        return None
    upper = sql.upper()
    if any(word in upper for word in VOLATILE_SQL):
        return None
    raw = f"{database_identity(queryset.db)}\n{ordered}\n{sql}\n{_canonical_params(sql, params)!r}"
    return KEY_PREFIX + hashlib.sha256(raw.encode()).hexdigest()


def in_transaction(alias=DEFAULT_DB_ALIAS):
    """Whether reads on `alias` run inside a transaction (other than the one a test case wraps each test in).

    Inside one, rows may include its own uncommitted changes (or, if it rolls back, changes that never happen), and
    its snapshot may predate the counter's value: nothing read there is shared.
    """
    return any(not getattr(block, "_from_testcase", False) for block in connections[alias].atomic_blocks)


def reads_primary():
    """Whether reads go to the primary database now (not to a replica, `cms.db_router`)."""
    return router.db_for_read(Page) == DEFAULT_DB_ALIAS


def database_identity(alias=DEFAULT_DB_ALIAS):
    """The database itself, not only its alias: two sites sharing one cache run the same SQL on different data."""
    settings_dict = connections[alias].settings_dict
    return repr({name: settings_dict.get(name) for name in ("ENGINE", "NAME", "HOST", "PORT")})
