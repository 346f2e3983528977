"""Wagtail's site root paths, read once per request.

Every page URL Wagtail builds (`page.url`, `page.full_url`) needs `Site.get_site_root_paths()`, which Wagtail keeps
in the default cache: Redis in production, so each read is a network round trip. Wagtail keeps the answer for the
rest of a request only when it is handed the request (`pageurl` in templates); code that has no request at hand
(API serializers, page links in stream blocks, snippets linking to pages) read it again for every page: over a
hundred round trips for an API listing of twenty stories.

Here a request holds one copy, shared by every page the request builds a URL for: `BasePage` reads it through
`request_scope()`, and the API hands it to plain `Page` objects it lists. Outside a request (commands, the shell)
there is no scope and Wagtail's own behaviour applies.
"""

from contextvars import ContextVar
from types import SimpleNamespace

from django.core.signals import request_finished, request_started
from wagtail.models import Site

_scope = ContextVar("twinning_site_root_paths_scope", default=None)


def request_scope():
    """The object the current request keeps its site root paths on, or None outside a request."""
    return _scope.get()


def site_root_paths():
    """`Site.get_site_root_paths()`, read once per request: the copy pages of this request use too."""
    scope = _scope.get()
    if scope is None:
        return Site.get_site_root_paths()
    if not hasattr(scope, "_wagtail_cached_site_root_paths"):
        scope._wagtail_cached_site_root_paths = Site.get_site_root_paths()
    return scope._wagtail_cached_site_root_paths


def share_site_root_paths(pages):
    """Let plain `Page` objects (not our page models) use the request's copy too."""
    scope = _scope.get()
    if scope is None:
        return
    for page in pages:
        page._get_site_root_paths(scope)
        page._wagtail_cached_site_root_paths = scope._wagtail_cached_site_root_paths


def _start(**kwargs):
    _scope.set(SimpleNamespace())


def _finish(**kwargs):
    _scope.set(None)


def connect():
    request_started.connect(_start, dispatch_uid="twinning_site_root_paths_start")
    request_finished.connect(_finish, dispatch_uid="twinning_site_root_paths_finish")
