"""/sitemap.xml: every live, public page of the site in every language, each with its hreflang alternates."""

from collections import defaultdict

from django.shortcuts import render
from wagtail.models import Page, Site


def sitemap_entries(request):
    """(page, url, alternates) for each live public page under the site's root in any language.

    Alternates are (language code, url) pairs for every live translation, the page itself included. Three queries
    whatever the number of pages: the site, its root's translations, the pages (with their locale).
    """
    site = Site.find_for_request(request)
    if site is None:
        return []
    roots = Page.objects.filter(translation_key=site.root_page.translation_key).values_list("path", flat=True)
    pages = [
        page
        for page in Page.objects.live()
        .public()
        .select_related("locale")
        .order_by("path")
        .only("id", "path", "depth", "url_path", "translation_key", "locale", "last_published_at")
        if any(page.path.startswith(root) for root in roots)
    ]
    urls = {page.pk: page.get_full_url(request) for page in pages}
    by_key = defaultdict(list)
    for page in pages:
        if urls[page.pk]:
            by_key[page.translation_key].append((page.locale.language_code, urls[page.pk]))
    return [(page, urls[page.pk], sorted(by_key[page.translation_key])) for page in pages if urls[page.pk]]


def sitemap(request):
    response = render(request, "sitemap.xml", {"entries": sitemap_entries(request)}, content_type="application/xml")
    return response
