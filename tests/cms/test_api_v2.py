"""API v2: content, translations, fallback, find with language prefixes, our filters, snippets, caching."""

from django.core.cache import cache
from wagtail.models import PageViewRestriction

from cities.models import City, CityPartnershipPage, MemberAssociation, PartnershipIndexPage
from home.models import CallToAction, CampaignIndexPage, CampaignPage, FocusArea, HomePage, PartnerOrganisation
from stories.models import StoryIndexPage, StoryPage
from tests.utils import PAGE_CONTENT_FIELDS, content_field_names

from .api_fixtures import APISiteTestCase, translate

PAGE_MODELS = [
    HomePage,
    CampaignIndexPage,
    CampaignPage,
    StoryIndexPage,
    StoryPage,
    PartnershipIndexPage,
    CityPartnershipPage,
]
SNIPPET_MODELS = [City, MemberAssociation, FocusArea, PartnerOrganisation, CallToAction]


def ids(response):
    return [item["id"] for item in response.json()["items"]]


class APIFieldsCoverContentTests(APISiteTestCase):
    def test_every_page_type_exposes_all_its_content(self):
        for model in PAGE_MODELS:
            with self.subTest(model=model.__name__):
                exposed = {field.name for field in model.api_fields} | PAGE_CONTENT_FIELDS
                self.assertEqual(content_field_names(model) - exposed, set())

    def test_every_snippet_exposes_all_its_content(self):
        for model in SNIPPET_MODELS:
            with self.subTest(model=model.__name__):
                exposed = {field.name for field in model.api_fields}
                missing = content_field_names(model) - exposed
                if model is CallToAction:
                    # The page or address is given as one `url`.
                    missing -= {"link_page", "link_url"}
                self.assertEqual(missing, set())


class PageContentTests(APISiteTestCase):
    def test_story_detail_has_every_field_ready_to_render(self):
        data = self.client.get(f"/api/v2/pages/{self.story.pk}/").json()
        self.assertEqual(
            list(data),
            [
                "id",
                "meta",
                "title",
                "listing_image",
                "listing_summary",
                "date",
                "contributor_name",
                "contributor_role",
                "original_url",
                "intro",
                "hero_image",
                "body",
                "focus_areas",
                "related_partnerships",
                "related_campaign",
            ],
        )
        self.assertEqual(
            data["focus_areas"],
            [{"id": self.trade.pk, "name": "Trade", "slug": "trade", "description": "What partnerships do together."}],
        )
        self.assertEqual(
            data["related_partnerships"],
            [
                {
                    "id": self.partnership.pk,
                    "title": "Anderson and Mataró",
                    "type": "cities.CityPartnershipPage",
                    "locale": "en",
                    "url": "http://localhost/en/partnerships/anderson-and-mataro/",
                }
            ],
        )
        self.assertEqual(data["related_campaign"]["type"], "home.CampaignPage")
        hero = data["hero_image"]
        self.assertEqual(sorted(hero), ["alt", "height", "id", "renditions", "title", "width"])
        self.assertEqual(sorted(hero["renditions"]), ["hero", "large", "medium", "thumbnail"])
        self.assertTrue(hero["renditions"]["thumbnail"]["url"].startswith("http://"))
        self.assertEqual(
            [block["type"] for block in data["body"]],
            ["heading", "paragraph", "image", "quote", "call_to_action", "facts"],
        )
        paragraph, image, cta = data["body"][1]["value"], data["body"][2]["value"], data["body"][4]["value"]
        self.assertEqual(paragraph, "<p>The partnership began with a <b>visit</b>.</p>")
        self.assertEqual(image["caption"], "The signing")
        self.assertEqual(image["image"]["alt"], "Mayors")
        self.assertEqual(
            cta,
            {
                "id": self.call_to_action.pk,
                "label": "Donate",
                "kind": "donate",
                "description": "One sentence about the action.",
                "url": "https://give.example.org/",
            },
        )

    def test_countries_in_the_requested_locale(self):
        """Names are in the language ?locale= names (the default language without it), in both APIs."""
        partnership_fr = translate(self.partnership, self.fr)
        english = {"code": "ES", "name": "Spain", "flag": "🇪🇸"}
        french = {"code": "ES", "name": "Espagne", "flag": "🇪🇸"}
        for url, params, country in [
            (f"/api/v2/pages/{self.partnership.pk}/", {}, english),
            (f"/api/v2/pages/{partnership_fr.pk}/", {"locale": "fr"}, french),
            (f"/api/v2/pages/{partnership_fr.pk}/", {}, english),
            (f"/api/v3/pages/{partnership_fr.pk}/", {"locale": "fr"}, french),
            ("/api/v2/pages/", {"type": "cities.CityPartnershipPage", "locale": "fr", "fields": "city_b"}, french),
        ]:
            with self.subTest(url=url, params=params):
                data = self.client.get(url, params).json()
                city_b = data["items"][0]["city_b"] if "items" in data else data["city_b"]
                self.assertEqual(city_b["country"], country)

    def test_partnership_and_campaign_detail(self):
        partnership = self.client.get(f"/api/v2/pages/{self.partnership.pk}/").json()
        self.assertEqual(
            partnership["city_a"],
            {
                "id": self.us_city.pk,
                "name": "Anderson",
                "region": "Region",
                "country": {"code": "US", "name": "United States of America", "flag": "🇺🇸"},
                "latitude": 34.5034,
                "longitude": -82.6501,
            },
        )
        self.assertEqual([item["name"] for item in partnership["member_associations"]], ["Anderson SCA"])
        self.assertEqual(partnership["member_associations"][0]["city"]["name"], "Anderson")
        campaign = self.client.get(f"/api/v2/pages/{self.campaign.pk}/").json()
        self.assertEqual(campaign["status"], "active")
        self.assertEqual([item["name"] for item in campaign["partner_organisations"]], ["EU Delegation"])
        self.assertEqual(campaign["partner_organisations"][0]["country"]["code"], "BE")
        self.assertEqual(campaign["partner_organisations"][0]["logo"]["id"], self.image.pk)
        self.assertEqual([item["label"] for item in campaign["calls_to_action"]], ["Donate"])

    def test_body_is_detail_only(self):
        response = self.client.get("/api/v2/pages/", {"type": "stories.StoryPage", "fields": "body"})
        self.assertEqual(response.status_code, 400)
        self.assertEqual(response.json(), {"message": "unknown fields: body"})


class TranslationsTests(APISiteTestCase):
    def test_meta_translations_in_listing_and_detail(self):
        expected_fr = {
            "locale": "fr",
            "id": self.story_fr.pk,
            "title": "Une mission commerciale",
            "url": "http://localhost/fr/stories/une-mission-commerciale/",
        }
        detail = self.client.get(f"/api/v2/pages/{self.story.pk}/").json()
        self.assertEqual(detail["meta"]["translations"], [expected_fr])
        listing = self.client.get("/api/v2/pages/", {"type": "stories.StoryPage", "locale": "en"}).json()
        by_id = {item["id"]: item["meta"]["translations"] for item in listing["items"]}
        self.assertEqual(by_id, {self.story.pk: [expected_fr], self.other_story.pk: []})
        french = self.client.get(f"/api/v2/pages/{self.story_fr.pk}/").json()
        self.assertEqual(
            french["meta"]["translations"],
            [
                {
                    "locale": "en",
                    "id": self.story.pk,
                    "title": "A trade mission",
                    "url": "http://localhost/en/stories/a-trade-mission/",
                }
            ],
        )

    def test_unpublished_translation_is_not_listed(self):
        self.story_fr.unpublish()
        detail = self.client.get(f"/api/v2/pages/{self.story.pk}/").json()
        self.assertEqual(detail["meta"]["translations"], [])

    def test_restricted_translation_is_not_listed(self):
        for restricted in (self.story_fr, self.story_fr.get_parent()):  # the page itself, or above it
            with self.subTest(restricted=restricted.title):
                restriction = PageViewRestriction.objects.create(page=restricted, restriction_type="login")
                cache.clear()
                detail = self.client.get(f"/api/v2/pages/{self.story.pk}/").json()
                self.assertEqual(detail["meta"]["translations"], [])
                listing = self.client.get("/api/v2/pages/", {"type": "stories.StoryPage", "locale": "en"}).json()
                self.assertEqual([item["meta"]["translations"] for item in listing["items"]], [[], []])
                restriction.delete()
        cache.clear()
        detail = self.client.get(f"/api/v2/pages/{self.story.pk}/").json()
        self.assertEqual([other["id"] for other in detail["meta"]["translations"]], [self.story_fr.pk])

    def test_locale_with_fallback(self):
        response = self.client.get("/api/v2/pages/", {"type": "stories.StoryPage", "locale": "fr", "fallback": "en"})
        self.assertEqual(response.status_code, 200)
        items = {item["id"]: (item["meta"]["locale"], item["meta"]["fallback"]) for item in response.json()["items"]}
        self.assertEqual(items, {self.story_fr.pk: ("fr", False), self.other_story.pk: ("en", True)})

    def test_without_fallback_only_the_locale_and_no_fallback_key(self):
        response = self.client.get("/api/v2/pages/", {"type": "stories.StoryPage", "locale": "fr"})
        self.assertEqual(ids(response), [self.story_fr.pk])
        self.assertNotIn("fallback", response.json()["items"][0]["meta"])

    def test_fallback_errors(self):
        for params, status, body in [
            ({"fallback": "en"}, 400, {"message": "fallback needs a locale, such as ?locale=fr&fallback=en"}),
            (
                {"locale": "fr", "fallback": "xx"},
                400,
                {"message": "fallback must be one of the site's languages: en, es, fr, ja"},
            ),
            ({"locale": "xx"}, 404, {"message": "No Locale matches the given query."}),
        ]:
            with self.subTest(params=params):
                response = self.client.get("/api/v2/pages/", params)
                self.assertEqual(response.status_code, status)
                self.assertEqual(response.json(), body)


class FindTests(APISiteTestCase):
    def test_find_by_path_with_language_prefix(self):
        for path, page in [
            ("/fr/stories/une-mission-commerciale/", self.story_fr),
            ("/en/stories/a-trade-mission/", self.story),
            ("/stories/a-trade-mission/", self.story),
            ("/fr/", self.home_fr),
            ("fr/stories/une-mission-commerciale", self.story_fr),
        ]:
            with self.subTest(path=path):
                response = self.client.get("/api/v2/pages/find/", {"html_path": path})
                self.assertEqual(response.status_code, 302)
                self.assertEqual(response["Location"], f"http://127.0.0.1:8000/api/v2/pages/{page.pk}/?")

    def test_find_unknown_path_is_a_404(self):
        for path in ["/fr/stories/a-trade-mission/", "/ja/stories/", "/de/stories/"]:
            with self.subTest(path=path):
                response = self.client.get("/api/v2/pages/find/", {"html_path": path})
                self.assertEqual(response.status_code, 404)
                self.assertEqual(response.json(), {"message": "not found"})


class FilterTests(APISiteTestCase):
    def listing(self, page_type, **params):
        response = self.client.get("/api/v2/pages/", {"type": page_type, "locale": "en", **params})
        self.assertEqual(response.status_code, 200, response.content)
        return sorted(ids(response))

    def test_story_filters(self):
        story, other = self.story.pk, self.other_story.pk
        self.assertEqual(self.listing("stories.StoryPage", focus_area="trade"), [story])
        self.assertEqual(self.listing("stories.StoryPage", focus_area="unknown"), [])
        self.assertEqual(self.listing("stories.StoryPage", country="ES"), [story])
        self.assertEqual(self.listing("stories.StoryPage", country="fr"), [other])
        self.assertEqual(self.listing("stories.StoryPage", country="US"), [story, other])
        self.assertEqual(self.listing("stories.StoryPage", partnership=self.other_partnership.pk), [other])
        self.assertEqual(self.listing("stories.StoryPage", campaign=self.campaign.pk), [story])

    def test_partnership_filters(self):
        first, second = self.partnership.pk, self.other_partnership.pk
        page_type = "cities.CityPartnershipPage"
        self.assertEqual(self.listing(page_type, country="ES"), [first])
        self.assertEqual(self.listing(page_type, country="US"), [first, second])
        self.assertEqual(self.listing(page_type, focus_area="trade"), [first])
        self.assertEqual(self.listing(page_type, status="proposed"), [second])
        self.assertEqual(self.listing(page_type, relationship_type="sister_city"), [first])

    def test_campaign_filters(self):
        page_type = "home.CampaignPage"
        self.assertEqual(self.listing(page_type, status="active"), [self.campaign.pk])
        self.assertEqual(self.listing(page_type, status="upcoming"), [self.upcoming.pk])
        self.assertEqual(self.listing(page_type, status="ended"), [self.ended.pk])
        self.assertEqual(
            self.listing(page_type, running_from="2020-01-15", running_until="2020-03-01"), [self.ended.pk]
        )
        self.assertEqual(
            self.listing(page_type, running_from="2020-03-01"), sorted([self.campaign.pk, self.upcoming.pk])
        )

    def test_filter_errors(self):
        for params, message in [
            (
                {"type": "stories.StoryPage", "focus_area": "a b"},
                "focus_area must be a focus area's slug, such as trade",
            ),
            (
                {"type": "stories.StoryPage", "country": "XX"},
                "country must be a two-letter ISO 3166 country code, such as ES",
            ),
            ({"type": "stories.StoryPage", "partnership": "abc"}, "partnership must be a positive integer"),
            ({"type": "stories.StoryPage", "campaign": "0"}, "campaign must be an integer between 1 and 2147483647"),
            ({"type": "home.CampaignPage", "status": "running"}, "status must be one of: active, upcoming, ended"),
            (
                {"type": "home.CampaignPage", "running_from": "2020-13-01"},
                "running_from must be a date in the form YYYY-MM-DD",
            ),
            (
                {"type": "home.CampaignPage", "focus_area": "trade"},
                "query parameter is not an operation or a recognised field: focus_area",
            ),
            ({"focus_area": "trade"}, "query parameter is not an operation or a recognised field: focus_area"),
            (
                {"type": "cities.CityPartnershipPage", "status": "closed"},
                "field filter error. 'closed' is not a valid value for status (one of: proposed, active, inactive)",
            ),
        ]:
            with self.subTest(params=params):
                response = self.client.get("/api/v2/pages/", params)
                self.assertEqual(response.status_code, 400)
                self.assertEqual(response.json(), {"message": message})


class SnippetEndpointTests(APISiteTestCase):
    def test_each_snippet_endpoint_lists_by_locale(self):
        french_focus = FocusArea.objects.create(
            name="Commerce", slug="trade", locale=self.fr, translation_key=self.trade.translation_key
        )
        response = self.client.get("/api/v2/focus-areas/", {"locale": "fr"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            response.json()["items"],
            [
                {
                    "id": french_focus.pk,
                    "meta": {
                        "type": "home.FocusArea",
                        "detail_url": f"http://127.0.0.1:8000/api/v2/focus-areas/{french_focus.pk}/",
                        "locale": "fr",
                    },
                    "name": "Commerce",
                    "slug": "trade",
                    "description": "",
                }
            ],
        )
        for endpoint, model in [
            ("cities", City),
            ("member-associations", MemberAssociation),
            ("focus-areas", FocusArea),
            ("partner-organisations", PartnerOrganisation),
            ("calls-to-action", CallToAction),
        ]:
            with self.subTest(endpoint=endpoint):
                data = self.client.get(f"/api/v2/{endpoint}/", {"locale": "en"}).json()
                self.assertEqual(data["meta"]["total_count"], model.objects.filter(locale=self.en).count())
                self.assertEqual(list(data["items"][0]), ["id", "meta", *[field.name for field in model.api_fields]])

    def test_city_detail_in_the_requested_language(self):
        city_fr = City.objects.create(
            name="Mataró", country="ES", locale=self.fr, translation_key=self.es_city.translation_key
        )
        data = self.client.get(f"/api/v2/cities/{city_fr.pk}/", {"locale": "fr"}).json()
        self.assertEqual(data["country"], {"code": "ES", "name": "Espagne", "flag": "🇪🇸"})
        data = self.client.get(f"/api/v2/cities/{self.es_city.pk}/").json()
        self.assertEqual(data["country"], {"code": "ES", "name": "Spain", "flag": "🇪🇸"})


class CachingTests(APISiteTestCase):
    def test_public_reads_are_the_same_for_everyone(self):
        for url in (f"/api/v2/pages/{self.story.pk}/", f"/api/v3/pages/{self.story.pk}/", "/api/v3/snippets/cities/"):
            with self.subTest(url=url):
                self.client.logout()
                self.client.get(url)  # makes the image renditions
                anonymous = self.client.get(url, HTTP_ACCEPT_LANGUAGE="fr")
                self.login()
                logged_in = self.client.get(url, HTTP_ACCEPT_LANGUAGE="ja")
                self.assertEqual(anonymous.content, logged_in.content)
                for response in (anonymous, logged_in):
                    self.assertEqual(response.status_code, 200)
                    self.assertNotIn("Cookie", response.get("Vary", ""))
                    self.assertNotIn("Accept-Language", response.get("Vary", ""))
                    self.assertNotIn("Set-Cookie", response)
                    self.assertEqual(response["Content-Language"], "en")

    def test_cors_for_configured_origins_on_the_apis_only(self):
        with self.settings(CORS_ALLOWED_ORIGINS=["https://front.example"]):
            api = self.client.get("/api/v2/pages/", HTTP_ORIGIN="https://front.example")
            self.assertEqual(api["Access-Control-Allow-Origin"], "https://front.example")
            self.assertNotIn("Access-Control-Allow-Credentials", api)
            v3 = self.client.get("/api/v3/pages/", HTTP_ORIGIN="https://front.example")
            self.assertEqual(v3["Access-Control-Allow-Origin"], "https://front.example")
            other = self.client.get("/api/v2/pages/", HTTP_ORIGIN="https://evil.example")
            self.assertNotIn("Access-Control-Allow-Origin", other)
            html = self.client.get("/en/", HTTP_ORIGIN="https://front.example")
            self.assertNotIn("Access-Control-Allow-Origin", html)


class CallToActionURLTests(APISiteTestCase):
    def test_a_call_to_action_links_the_page_in_its_own_language(self):
        english = CallToAction.objects.create(label="Read", link_page=self.story, locale=self.en)
        french = CallToAction.objects.create(
            label="Lire", link_page=self.story, locale=self.fr, translation_key=english.translation_key
        )
        urls = {
            item["label"]: item["url"]
            for item in self.client.get("/api/v2/calls-to-action/", {"label": "Lire"}).json()["items"]
            + self.client.get("/api/v2/calls-to-action/", {"label": "Read"}).json()["items"]
        }
        self.assertEqual(
            urls,
            {
                "Read": "http://localhost/en/stories/a-trade-mission/",
                "Lire": "http://localhost/fr/stories/une-mission-commerciale/",
            },
        )
        self.assertEqual(
            self.client.get(f"/api/v3/snippets/calls-to-action/{french.pk}/").json()["url"],
            "http://localhost/fr/stories/une-mission-commerciale/",
        )
