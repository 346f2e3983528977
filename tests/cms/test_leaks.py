"""No leaks: a marker planted in everything hidden (see leak_fixtures) is found nowhere a visitor or consumer looks.

Every surface is read twice, so that once responses are cached the second read comes from the cache. URLs are
built from the APIs' own descriptions (the v2 router's endpoints and filter classes, the v3 OpenAPI document) and
from the site's pages and filter forms, so a new endpoint, filter or page type is covered without editing this
file; a new parameter without values here fails `test_every_parameter_has_values`.
"""

import json
from urllib.parse import quote, urlencode

from bs4 import BeautifulSoup
from django.conf import settings
from django.core.cache import cache
from django.urls import NoReverseMatch, reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from cms.api.filters import ParameterFilter
from cms.api.v2 import SNIPPET_ENDPOINTS, api_router
from cms.webhooks.models import WebhookDelivery
from home.models import CampaignPage

from .leak_fixtures import CONTROL, MARKER, PUBLIC_WORD, LeakSiteTestCase

LANGUAGES = [code for code, _name in settings.LANGUAGES]
# v3 query parameters that only page through a listing (read with a large limit once) or need no values.
PAGING = {"limit", "offset"}


class Crawler:
    """GETs URLs as an anonymous client, twice each, and records every marker hit with its surface and URL."""

    def __init__(self, client):
        self.client = client
        self.hits = []
        self.read = 0

    def get(self, surface, url, params=None):
        if params:
            url = f"{url}?{urlencode(params, doseq=True)}"
        texts = [self.text(self.client.get(url)) for _ in range(2)]
        self.read += 1
        echoed = 0
        if MARKER in url.partition("?")[2]:
            # The query (a search) may be echoed: compare with the same request for a word never planted.
            echoed = self.text(self.client.get(url.replace(MARKER, CONTROL))).count(CONTROL)
        for attempt, text in enumerate(texts, 1):
            if self.count(text, url) > echoed:
                at = text.find(MARKER)
                context = " ".join(text[max(at - 100, 0) : at + 40].split())
                self.hits.append(f"{surface}: GET {url} (read {attempt}): …{context}…")
        return texts[0]

    @staticmethod
    def text(response):
        body = b"".join(response.streaming_content) if response.streaming else response.content
        headers = "\n".join(f"{name}: {value}" for name, value in response.items())
        return f"{response.status_code}\n{headers}\n\n{body.decode(errors='replace')}"

    @staticmethod
    def count(text, url):
        # A request for a hidden page's own address may be echoed (a login redirect's ?next=); that is not a leak.
        path = url.partition("?")[0]
        for echo in (path, quote(path, safe=""), quote(path)):
            if MARKER in echo:
                text = text.replace(echo, "")
        return text.count(MARKER)


class LeakTests(LeakSiteTestCase):
    def setUp(self):
        super().setUp()
        cache.clear()
        self.crawler = Crawler(self.client)

    def assertNoHits(self, minimum_reads):
        self.assertGreaterEqual(self.crawler.read, minimum_reads, "fewer URLs were read than expected")
        hits = self.crawler.hits
        self.assertFalse(hits, f"the marker {MARKER} leaked ({len(hits)} hits, first 30):\n" + "\n".join(hits[:30]))

    # The values each parameter is tried with. Ids and paths come from the planted pages (hidden and public).

    def hidden_ids(self):
        return [page.pk for page in self.hidden_pages]

    def linking_ids(self):
        return [self.draft.pk, self.home.pk, self.public_story.pk, self.campaign.pk, self.campaign_es.pk]

    def hidden_paths(self):
        return [page.get_url_parts()[2] for page in self.hidden_pages] + [
            f"/en/stories/draft-{MARKER}/",
            f"/es/stories/sin-publicar-{MARKER}/",
        ]

    def parameter_values(self):
        # The hidden pages, their parents and the public pages linking to them: other pages show nothing hidden.
        parents = sorted({page.get_parent().pk for page in self.hidden_pages})
        return {
            "child_of": parents + self.hidden_ids(),
            "descendant_of": parents,
            "ancestor_of": self.hidden_ids(),
            "translation_of": self.hidden_ids() + self.linking_ids(),
            "search": [MARKER],
            "search_operator": ["and", "or"],
            "order": ["title", "-id", "random"],
            "locale": LANGUAGES,
            "fallback": LANGUAGES,
            "focus_area": [self.focus.slug],
            "country": ["US", "ES", "FR"],
            "partnership": [self.partnership.pk, self.unpublished_partnership.pk, self.password_partnership.pk],
            "campaign": [self.campaign.pk, self.scheduled.pk, self.group_campaign.pk],
            "status": CampaignPage.Status.values,
            "running_from": ["2000-01-01"],
            "running_until": ["2100-01-01"],
            "html_path": self.hidden_paths(),
            "id": self.hidden_ids(),
            "version": ["latest", "draft"],
            "rich_text_format": ["html", "raw"],
            "site": ["localhost"],
            "translation_of_locale": LANGUAGES,
            "created_at_from": ["2000-01-01T00:00:00Z"],
            "created_at_to": ["2100-01-01T00:00:00Z"],
            "approved_go_live_at_from": ["2000-01-01T00:00:00Z"],
            "approved_go_live_at_to": ["2100-01-01T00:00:00Z"],
            "user_id": [self.superuser.pk],
            "object_str": [MARKER],
        }

    def v3_operations(self):
        document = self.client.get("/api/v3/openapi.json").json()
        for url, operations in document["paths"].items():
            if "get" in operations:
                yield url, operations["get"].get("parameters", [])

    def v2_filters(self):
        pages = api_router._endpoints["pages"]
        return [backend for backend in pages.filter_backends if issubclass(backend, ParameterFilter)]

    def test_every_parameter_has_values(self):
        """So that a new filter or v3 parameter is tried, not skipped silently."""
        known = set(self.parameter_values()) | PAGING | {"type", "fields"}
        names = {backend.parameter for backend in self.v2_filters()}
        names |= {p["name"] for _url, parameters in self.v3_operations() for p in parameters if p["in"] == "query"}
        self.assertEqual(names - known, set())

    # API v2

    def test_api_v2(self):
        values = self.parameter_values()
        hidden = set(self.hidden_ids())
        for name, viewset in api_router._endpoints.items():
            try:
                listing = reverse(f"wagtailapi:{name}:listing")
            except NoReverseMatch:
                continue  # the preview endpoint: test_preview_without_a_valid_token
            surface = f"API v2 {name}"
            self.crawler.get(surface, listing, {"limit": 100})
            if name == "pages":
                self.crawl_v2_pages(listing, values)
            else:
                for locale in LANGUAGES if name in SNIPPET_ENDPOINTS else []:
                    self.crawler.get(surface, listing, {"locale": locale, "limit": 100})
                self.crawler.get(surface, listing, {"search": MARKER})
                for obj in viewset.model.objects.all():
                    self.crawler.get(surface, reverse(f"wagtailapi:{name}:detail", args=[obj.pk]))
                    self.crawler.get(surface, reverse(f"wagtailapi:{name}:find"), {"id": obj.pk})
        # Each hidden page, and each public page that links to one, in full.
        for page_id in [*hidden, *self.linking_ids()]:
            url = reverse("wagtailapi:pages:detail", args=[page_id])
            text = self.crawler.get("API v2 page detail", url, {"fields": "*"})
            if page_id in hidden:
                self.assertTrue(text.startswith("404"), url)
        self.assertNoHits(minimum_reads=200)
        # The crawl read what is public.
        self.assertIn(PUBLIC_WORD, self.client.get("/api/v2/pages/", {"type": "stories.StoryPage"}).content.decode())

    def crawl_v2_pages(self, listing, values):
        surface = "API v2 pages"
        for model in [Page, *{type(page.specific) for page in Page.objects.filter(depth__gt=1)}]:
            base = {"limit": 100, "fields": "*"} if model is not Page else {"limit": 100}
            if model is not Page:
                base["type"] = model._meta.label
            self.crawler.get(surface, listing, base)
            # Every language, with and without the fallback (per type: what its `fields=*` shows).
            for locale in LANGUAGES if model is Page else ["es"]:
                self.crawler.get(surface, listing, {**base, "locale": locale})
                self.crawler.get(surface, listing, {**base, "locale": locale, "fallback": settings.LANGUAGE_CODE})
            for backend in self.v2_filters():
                if backend.applies_to(model) and model is not Page:
                    for value in values[backend.parameter]:
                        self.crawler.get(surface, listing, {**base, backend.parameter: value})
            self.crawler.get(surface, listing, {**base, "search": MARKER})
            # Wagtail's field filters, with the hidden pages' own values.
            if model is not Page:
                fields = api_router._endpoints["pages"]().get_available_fields(model, db_fields_only=True)
                tried = set()
                for page in model.objects.filter(pk__in=self.hidden_ids()):
                    for field in fields:
                        value = getattr(page, field, None)
                        if (
                            isinstance(value, (str, int))
                            and not isinstance(value, bool)
                            and (field, value) not in tried
                        ):
                            tried.add((field, value))
                            self.crawler.get(surface, listing, {"type": base["type"], field: value})
        for name in ("child_of", "descendant_of", "ancestor_of", "translation_of"):
            for value in values[name]:
                self.crawler.get(surface, listing, {"limit": 100, name: value})
        for path in values["html_path"]:
            self.crawler.get(surface, reverse("wagtailapi:pages:find"), {"html_path": path})
        for page_id in values["id"]:
            self.crawler.get(surface, reverse("wagtailapi:pages:find"), {"id": page_id})

    # API v3

    def test_api_v3(self):
        values = self.parameter_values()
        # Every hidden page, and the public pages that link to hidden ones.
        page_ids = [*self.hidden_ids(), *self.linking_ids()]
        path_values = {
            "page_id": page_ids,
            "document_id": list(get_document_model().objects.values_list("pk", flat=True)),
            "image_id": list(get_image_model().objects.values_list("pk", flat=True)),
            "site_id": [self.tree.site.pk],
            "type_name": [],  # schemas describe types, not content
            "redirect_id": [],
        }
        snippet_types = [model._meta.label for model in SNIPPET_ENDPOINTS.values()]
        page_types = sorted({type(page.specific)._meta.label for page in Page.objects.filter(depth__gt=1)})
        for template, parameters in self.v3_operations():
            for url in self.expand_v3_path(template, path_values, snippet_types):
                surface = f"API v3 {template}"
                text = self.crawler.get(
                    surface, url, {"limit": 100} if any(p["name"] == "limit" for p in parameters) else None
                )
                if "/revisions/" in template:
                    self.assertRegex(text, r"^40[134]", f"{url}: revisions are for editors")
                    continue  # refused whatever the parameters
                for parameter in parameters:
                    if parameter["in"] != "query" or parameter["name"] in PAGING:
                        continue
                    name = parameter["name"]
                    for value in page_types if name == "type" else values[name]:
                        self.crawler.get(surface, url, {name: value})
                if template == "/api/v3/pages/":
                    for page_type in page_types:
                        for locale in LANGUAGES:
                            self.crawler.get(surface, url, {"type": page_type, "locale": locale, "limit": 100})
                        self.crawler.get(surface, url, {"type": page_type, "search": MARKER})
        self.assertNoHits(minimum_reads=300)
        self.assertIn(PUBLIC_WORD, self.client.get("/api/v3/pages/", {"search": PUBLIC_WORD}).content.decode())

    def expand_v3_path(self, template, path_values, snippet_types):
        if "{page_id}" in template and "{revision_id}" in template:
            # Each page's own revisions (the draft's newest among them).
            revisions = Revision.objects.page_revisions().filter(
                object_id__in=[str(pk) for pk in path_values["page_id"]]
            )
            return [
                template.replace("{page_id}", revision.object_id).replace("{revision_id}", str(revision.pk))
                for revision in revisions
            ]
        path_values = {**path_values, "revision_id": [1]}  # snippets here have no revisions
        urls = [template]
        for name, choices in [*path_values.items(), ("type", snippet_types)]:
            placeholder = "{" + name + "}"
            if any(placeholder in url for url in urls):
                urls = [url.replace(placeholder, str(choice)) for url in urls for choice in choices]
        if "{snippet_id}" in template:
            model = SNIPPET_ENDPOINTS[template.split("/")[4]]
            urls = [
                url.replace("{snippet_id}", str(pk))
                for url in urls
                for pk in model.objects.values_list("pk", flat=True)
            ]
        if "{pk}" in template:
            models = {model._meta.label: model for model in SNIPPET_ENDPOINTS.values()}
            urls = [
                url.replace("{pk}", str(pk))
                for url in urls
                for pk in models[url.split("/")[4]].objects.values_list("pk", flat=True)
            ]
        self.assertFalse([url for url in urls if "{" in url], f"a new path parameter in {template}: add its values")
        return urls

    # HTML

    def test_html(self):
        public = Page.objects.live().public().filter(depth__gt=1).specific()
        for page in public:
            url = page.get_url_parts()[2]
            html = self.crawler.get("HTML page", url)
            # Every choice of every filter form on the page.
            for form in BeautifulSoup(html.partition("\n\n")[2], "html.parser").find_all("form", method="get"):
                for select in form.find_all("select"):
                    for option in select.find_all("option"):
                        if option.get("value"):
                            self.crawler.get("HTML listing filter", url, {select["name"]: option["value"]})
        for language in LANGUAGES:
            self.crawler.get("HTML search", f"/{language}/search/", {"query": MARKER})
            self.crawler.get("HTML search", f"/{language}/search/", {"query": "Trade"})
            self.crawler.get("RSS feed", f"/{language}/stories/feed/")
            self.crawler.get("HTML 404", f"/{language}/no-such-page/")
            self.crawler.get("HTML home", f"/{language}/")
        self.crawler.get("sitemap", "/sitemap.xml")
        for path in self.hidden_paths():
            text = self.crawler.get("HTML hidden page by its address", path)
            self.assertFalse(text.startswith("200") and 'type="password"' not in text, path)
        document = self.document
        self.crawler.get("private document", f"/documents/{document.pk}/{document.filename}")
        self.assertNoHits(minimum_reads=30)
        self.assertIn(PUBLIC_WORD, self.client.get("/en/stories/feed/").content.decode())
        self.assertIn("open-story", self.client.get("/sitemap.xml").content.decode())

    # Webhooks and previews

    def test_webhook_payloads(self):
        public_once = {page.pk for page in self.public_once}
        deliveries = WebhookDelivery.objects.exclude(page_id__in=public_once)
        payloads = [json.dumps(delivery.payload) for delivery in deliveries]
        self.assertGreater(len(payloads), 10)
        leaked = [payload for payload in payloads if MARKER in payload]
        self.assertEqual(leaked, [], "webhook payloads name hidden pages")

    def test_preview_without_a_valid_token(self):
        draft = self.draft.get_latest_revision_as_object()
        token = draft.create_page_preview().token  # what an editor's "External front end" preview stores
        url = reverse("wagtailapi:preview:detail")
        for params in [
            {},
            {"content_type": "stories.storypage"},
            {"content_type": "stories.storypage", "token": "forged"},
            {"content_type": "stories.storypage", "token": token + "x"},
            {"content_type": "stories.storypage", "token": token.replace(":", ":0", 1)},
            {"content_type": "home.homepage", "token": token},
        ]:
            text = self.crawler.get("preview", url, params)
            self.assertRegex(text, r"^4\d\d", params)
        with self.settings(TWINNING_PREVIEW_TOKEN_MAX_AGE=-1):
            text = self.crawler.get(
                "preview (expired token)", url, {"content_type": "stories.storypage", "token": token}
            )
            self.assertRegex(text, r"^4\d\d")
        self.assertNoHits(minimum_reads=7)
        # The same request with the editor's token does show the draft.
        response = self.client.get(url, {"content_type": "stories.storypage", "token": token})
        self.assertEqual(response.json()["title"], f"Draft {MARKER}")
