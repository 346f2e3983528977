"""The page a request serves: its dependency tags, and whether it may be shared at all."""

from django.utils.translation import get_language
from wagtail import hooks

from . import tags


@hooks.register("before_serve_page", order=-100)
def note_served_page(page, request, serve_args, serve_kwargs):
    # Private until the page itself is served: Wagtail answers a login-, group- or password-restricted page (itself
    # or through an ancestor) with a redirect or a password form before that, and those are never shared.
    request.twinning_served_page = page
    request.twinning_cache_private = True


@hooks.register("on_serve_page", order=1000)
def note_page_content_served(serve):
    # The innermost wrapper: reached only once Wagtail's view-restriction check (an outer on_serve_page hook) has
    # let the request through, which for an anonymous visitor means the page has no restriction. No extra query.
    def inner(page, request, serve_args, serve_kwargs):
        request.twinning_cache_private = False
        tags.add_for_served_page(page, get_language())
        return serve(page, request, serve_args, serve_kwargs)

    return inner
