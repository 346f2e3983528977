"""The site a request is for, read from the cache while nothing has changed (the counter of `counts.py`).

Wagtail finds it with a query on every request (`Site.find_for_request`: the sites matching the host, with the root
page joined), and keeps it on the request (`request._wagtail_site`) for the rest of it. The views that serve pages and
the API set it first from the cache; a change to anything (sites and locales included) advances the counter, so a
site is never served after a change, and the lookup runs again. Not kept where pieces are not (`fragments.enabled`:
inside a transaction, or reading a replica).
"""

import hashlib

from django.http.request import split_domain_port
from wagtail.models import Site

from . import counts, fragments, store, tags

KEY_PREFIX = f"{store.PREFIX}site:"


def remember_site(request):
    """`Site.find_for_request(request)`, kept on the request where Wagtail reads it first."""
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    if not fragments.enabled():
        return Site.find_for_request(request)
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()
    raw = f"{counts.database_identity()}\n{hostname}\n{port}"
    site = counts.kept(KEY_PREFIX + hashlib.sha256(raw.encode()).hexdigest(), lambda: Site._find_for_request(request))
    if site is not None:
        # As loading the root page with the site would have: a response showing the site depends on it.
        tags.add(tags.page_tag(site.root_page_id))
    request._wagtail_site = site
    return site
