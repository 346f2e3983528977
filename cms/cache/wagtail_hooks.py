"""The page a request serves: its dependency tags, and whether it may be shared at all."""

from django.utils.translation import get_language
from wagtail import hooks

from . import tags


@hooks.register("before_serve_page", order=-100)
def note_served_page(page, request, serve_args, serve_kwargs):
    # First of the hooks: Wagtail's own answers a restricted page with a login redirect or a password form.
    request.twinning_served_page = page
    if page.get_view_restrictions().exists():
        # Login-, group- or password-restricted (itself or through an ancestor): never shared.
        request.twinning_cache_private = True
        return
    tags.add_for_served_page(page, get_language())
