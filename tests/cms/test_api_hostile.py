"""Hostile values for every parameter and filter of every public endpoint: never a 5xx, the same on both databases.

bad_input_cases.py pins hand-picked malformed requests with their exact bodies; this table is systematic: each
parameter each endpoint knows (v2 pages with each page type's filters, details, find, images, documents, the five
snippets, preview; v3 pages, details, find, snippets; search, sitemap, feed, /healthz) gets each value of
HOSTILE_VALUES, written into the raw query string so that bytes no browser would send (a lone surrogate's UTF-8,
\\xff\\xfe) reach the site as they are. The status of every request is pinned in hostile_api_expected.json; it is
the same on SQLite and PostgreSQL (CI runs this file on both), where PostgreSQL refuses NUL bytes in text.

Where the answer is a 200 the value is legitimately ignorable, and the pinned table says so row by row:
- free text (`search`, text field filters such as `title`, `slug`, `name`, `tags`, a well-formed slug for
  `focus_area`): a listing that matches nothing;
- an empty `fields`, `order`, `site`, `format` or `type`: Wagtail's default; `_`: a cache-buster, ignored;
- the HTML search page, the sitemap, the feed and /healthz take no parameter but `query` and `page` (the
  search page strips NUL, refuses queries over 200 characters with a message, and reads a bad page number as
  the first page).
IgnoredValueTests shows that those answers are exactly the answer without the parameter, or an empty listing.
"""

import json
from pathlib import Path
from urllib.parse import quote

from .api_fixtures import APISiteTestCase
from .api_parameters import V2_PAGE_PARAMETERS, V2_PAGE_TYPE_FILTERS

EXPECTED = json.loads((Path(__file__).parent / "hostile_api_expected.json").read_text())

# name -> the value as it appears in the raw query string (already percent-encoded where needed).
HOSTILE_VALUES = {
    "word": "abc",
    "huge": "1" + "0" * 30,  # 10**30
    "negative": "-1",
    "float": "1.5",
    "nul": "a%00b",
    "bad_date": "2026-02-30",
    "10kB": "x" * 10240,
    "broken_utf8": "%ff%fe",
    "lone_surrogate": "%ed%a0%80",
    "superscript_digit": quote("²"),  # str.isdigit() says yes, int() says no
    "empty": "",
    "sql": quote("' OR 1=1--"),
}
REPEATED = "repeated"  # ?p=1&p=abc

V2_SNIPPET_PARAMETERS = ["limit", "offset", "fields", "order", "search", "locale", "title", "name", "id", "tags", "x"]
STORY = "stories.StoryPage"


def targets():
    """(path, query prefix, parameter): every parameter of every endpoint, with the page type a filter needs."""
    rows = []
    for parameter in [*V2_PAGE_PARAMETERS, "format", "_", "unknownparam"]:
        rows.append(("/api/v2/pages/", "", parameter))
    filters = {**V2_PAGE_TYPE_FILTERS, STORY: [*V2_PAGE_TYPE_FILTERS[STORY], "intro", "original_url"]}
    for page_type, parameters in filters.items():
        rows += [("/api/v2/pages/", f"type={page_type}&", parameter) for parameter in parameters]
    rows.append(("/api/v2/pages/", "type=cities.CityPartnershipPage&", "city_a"))
    rows.append(("/api/v2/pages/", "search=trade&", "search_operator"))
    rows.append(("/api/v2/pages/", "locale=fr&", "fallback"))
    rows += [("/api/v2/pages/{story}/", "", p) for p in ["fields", "locale", "rich_text_format", "site", "format", "x"]]
    rows += [("/api/v2/pages/find/", "", p) for p in ["html_path", "id", "locale"]]
    for endpoint in [
        "images",
        "documents",
        "cities",
        "member-associations",
        "focus-areas",
        "partner-organisations",
        "calls-to-action",
    ]:
        rows += [(f"/api/v2/{endpoint}/", "", parameter) for parameter in V2_SNIPPET_PARAMETERS]
    rows += [("/api/v2/preview/", "", p) for p in ["content_type", "token"]]
    rows += [("/api/v2/preview/", "content_type=stories.storypage&token=x&", p) for p in ["locale", "fields"]]
    for parameter in [
        "limit",
        "offset",
        "type",
        "locale",
        "child_of",
        "descendant_of",
        "ancestor_of",
        "translation_of",
        "order",
        "search",
        "search_operator",
        "fields",
        "title",
        "slug",
        "x",
    ]:
        rows.append(("/api/v3/pages/", "", parameter))
    rows += [("/api/v3/pages/", f"type={STORY}&", p) for p in ["date", "related_campaign", "focus_area"]]
    rows += [("/api/v3/pages/{story}/", "", p) for p in ["rich_text_format", "version", "locale", "x"]]
    rows += [("/api/v3/pages/find/", "", p) for p in ["html_path", "id", "locale"]]
    for endpoint in ["cities", "member-associations", "focus-areas", "partner-organisations", "calls-to-action"]:
        rows += [(f"/api/v3/snippets/{endpoint}/", "", p) for p in ["limit", "offset", "locale", "name", "x"]]
    rows += [("/api/v3/snippets/cities/{city}/", "", p) for p in ["locale", "x"]]
    rows += [("/en/search/", "", p) for p in ["query", "page", "x"]]
    rows += [("/en/search/", "query=trade&", "page")]
    for path in ["/sitemap.xml", "/en/stories/feed/", "/healthz"]:
        rows += [(path, "", "x")]
    return rows


# Hostile path segments where an id goes: v2 answers a JSON 404, v3 a 422 (not an integer) or 404.
PATH_SEGMENTS = ["abc", "1" + "0" * 30, "-1", "0", quote("²"), quote("٣"), "%00", "%ff", "1.5"]
ID_PATHS = [
    "/api/v2/pages/",
    "/api/v2/images/",
    "/api/v2/documents/",
    "/api/v2/cities/",
    "/api/v3/pages/",
    "/api/v3/images/",
    "/api/v3/documents/",
    "/api/v3/snippets/cities/",
]


class HostileQueryTests(APISiteTestCase):
    def setUp(self):
        super().setUp()
        self.client.raise_request_exception = False
        self.ids = {"story": self.story.pk, "city": self.us_city.pk}

    def get(self, url):
        response = self.client.get(url)
        self.assertLess(response.status_code, 500, url[:200])
        if url.startswith("/api/") and response.status_code != 302:
            media_type = response["Content-Type"].split(";")[0]
            self.assertIn(media_type, {"application/json", "application/problem+json"}, url[:200])
            body = response.json()
            if response.status_code >= 400:
                # v2 says {"message": ...}; v3 answers application/problem+json with a "detail".
                self.assertTrue("message" in body or "detail" in body, (url[:200], body))
        return response

    def test_every_parameter_with_every_hostile_value(self):
        actual = {}
        for path, prefix, parameter in targets():
            url = path.format(**self.ids) + "?" + prefix
            statuses = [self.get(f"{url}{parameter}={value}").status_code for value in HOSTILE_VALUES.values()]
            statuses.append(self.get(f"{url}{parameter}=1&{parameter}=abc").status_code)
            actual[f"{path}?{prefix}{parameter}"] = " ".join(map(str, statuses))
        self.assertEqual(list(EXPECTED["columns"]), [*HOSTILE_VALUES, REPEATED])
        self.assertEqual(actual, EXPECTED["queries"])

    def test_hostile_ids_in_paths(self):
        actual = {}
        for path in ID_PATHS:
            actual[path] = " ".join(str(self.get(f"{path}{segment}/").status_code) for segment in PATH_SEGMENTS)
        self.assertEqual(actual, EXPECTED["paths"])

    def test_search_page_refuses_a_10kB_query_with_a_message(self):
        response = self.get("/en/search/?query=" + "x" * 10240)
        self.assertContains(response, "Please search for 200 characters or fewer.")
        response = self.get("/en/search/?query=a%00b%ff%fe")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.context["search_query"], "ab\ufffd\ufffd")


class IgnoredValueTests(APISiteTestCase):
    """The 200s of the table: an ignorable value gives exactly the answer without it."""

    def assertSameAs(self, url, baseline):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        self.assertEqual(response.json(), self.client.get(baseline).json(), url)

    def test_empty_defaults_and_the_cache_buster(self):
        for path in ["/api/v2/pages/", "/api/v2/images/", "/api/v2/cities/"]:
            for query in ["fields=", "order="]:
                with self.subTest(path=path, query=query):
                    self.assertSameAs(f"{path}?{query}", path)
        for query in ["site=", "format=", "type=", f"_={'x' * 10240}", "_=%ff%fe"]:
            with self.subTest(query=query[:20]):
                self.assertSameAs(f"/api/v2/pages/?{query}", "/api/v2/pages/")
        self.assertSameAs(f"/api/v2/pages/{self.story.pk}/?site=", f"/api/v2/pages/{self.story.pk}/")
        self.assertSameAs("/api/v3/pages/?locale=", "/api/v3/pages/")

    def test_free_text_that_matches_nothing_is_an_empty_listing(self):
        for url in [
            "/api/v2/pages/?search=" + "x" * 10240,
            "/api/v2/pages/?search=%ed%a0%80",
            "/api/v2/pages/?title=%ff%fe",
            "/api/v2/pages/?slug=" + "x" * 10240,
            f"/api/v2/pages/?type={STORY}&focus_area=%C2%B2",
            f"/api/v2/pages/?type={STORY}&intro=' OR 1=1--",
            "/api/v2/images/?tags=abc",
            "/api/v2/cities/?name=-1",
            "/api/v3/pages/?search=" + "x" * 10240,
            "/api/v3/pages/?title=%ed%a0%80",
        ]:
            with self.subTest(url=url[:60]):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                body = response.json()
                self.assertEqual(body["meta"]["total_count"] if "meta" in body else body["count"], 0)
