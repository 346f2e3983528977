"""API v3: typed OpenAPI for our pages, snippets and stream blocks; output validated against it; writes need a token."""

from io import StringIO

import jsonschema
from django.core.cache import cache
from django.core.management import call_command
from django.test import TestCase
from referencing import Registry, Resource
from wagtail.models import APIToken, Page

from cities.models import City

from .api_fixtures import APISiteTestCase


def openapi(client):
    return client.get("/api/v3/openapi.json").json()


def validator_for(document, component):
    """A validator for one component schema of the OpenAPI document, resolving its $refs within the document."""
    registry = Registry().with_resource("urn:openapi", Resource.opaque(document))
    schema = {"$ref": f"urn:openapi#/components/schemas/{component}"}
    return jsonschema.Draft202012Validator(schema, registry=registry)


class OpenAPITests(APISiteTestCase):
    def test_stream_fields_are_typed_per_block(self):
        document = openapi(self.client)
        body = document["components"]["schemas"]["StoryPageSchema"]["properties"]["body"]
        self.assertEqual(
            body["items"]["discriminator"]["mapping"],
            {
                name: f"#/components/schemas/BaseStreamBlock{suffix}Item"
                for name, suffix in [
                    ("call_to_action", "CallToAction"),
                    ("embed", "Embed"),
                    ("facts", "Facts"),
                    ("featured_pages", "FeaturedPages"),
                    ("heading", "Heading"),
                    ("image", "Image"),
                    ("paragraph", "Paragraph"),
                    ("quote", "Quote"),
                ]
            },
        )
        heading = document["components"]["schemas"]["HeadingBlock"]
        self.assertEqual(heading["properties"]["level"], {"enum": ["h2", "h3"], "title": "Level", "type": "string"})
        schemas = document["components"]["schemas"]
        self.assertEqual(
            schemas["CityPartnershipPageSchema"]["properties"]["city_a"]["anyOf"],
            [{"$ref": "#/components/schemas/CityRepresentation"}, {"type": "null"}],
        )
        self.assertEqual(
            sorted(schemas["CityRepresentation"]["properties"]),
            ["country", "id", "latitude", "longitude", "name", "region"],
        )

    def test_snippet_routes_are_typed(self):
        document = openapi(self.client)
        for name in ["cities", "member-associations", "focus-areas", "partner-organisations", "calls-to-action"]:
            with self.subTest(name=name):
                self.assertIn(f"/api/v3/snippets/{name}/", document["paths"])
                self.assertIn(f"/api/v3/snippets/{name}/{{snippet_id}}/", document["paths"])
        self.assertEqual(
            sorted(document["components"]["schemas"]["CitySchema"]["properties"]),
            ["country", "id", "latitude", "locale", "longitude", "meta", "name", "region"],
        )

    def test_docs_served_without_a_cdn(self):
        response = self.client.get("/api/v3/docs/")
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        self.assertIn("/static/ninja/swagger-ui-bundle.js", html)
        self.assertNotIn("cdn.", html)
        self.assertEqual(self.client.get("/static/ninja/swagger-ui-bundle.js").status_code, 200)


def assert_pages_match_schemas(test, minimum):
    document = openapi(test.client)
    pages = Page.objects.live().filter(depth__gt=1).specific()
    test.assertGreaterEqual(len(pages), minimum)
    for page in pages:
        component = f"{type(page).__name__}Schema"
        with test.subTest(page=page.title):
            v3 = test.client.get(f"/api/v3/pages/{page.pk}/")
            test.assertEqual(v3.status_code, 200)
            validator_for(document, component).validate(v3.json())
            v2 = test.client.get(f"/api/v2/pages/{page.pk}/").json()
            registry = Registry().with_resource("urn:openapi", Resource.opaque(document))
            # API fields are shared: v2 gives each one exactly as v3 types it.
            for field in type(page).api_fields:
                field_schema = {"$ref": f"urn:openapi#/components/schemas/{component}/properties/{field.name}"}
                jsonschema.Draft202012Validator(field_schema, registry=registry).validate(v2[field.name])
                test.assertEqual(v2[field.name], v3.json()[field.name], field.name)


class DemoContentMatchesSchemaTests(TestCase):
    def setUp(self):
        cache.clear()

    @classmethod
    def setUpTestData(cls):
        call_command("load_demo_content", stdout=StringIO())

    def test_every_demo_page_v2_and_v3_output_validates(self):
        assert_pages_match_schemas(self, minimum=10)


class OutputMatchesSchemaTests(APISiteTestCase):
    def test_every_page_v2_and_v3_output_validates(self):
        assert_pages_match_schemas(self, minimum=12)

    def test_snippet_output_validates(self):
        document = openapi(self.client)
        for name, component in [("cities", "CitySchema"), ("partner-organisations", "PartnerOrganisationSchema")]:
            with self.subTest(name=name):
                data = self.client.get(f"/api/v3/snippets/{name}/").json()
                self.assertGreater(data["count"], 0)
                for item in data["items"]:
                    validator_for(document, component).validate(item)


class WriteAuthTests(APISiteTestCase):
    def test_anonymous_writes_are_refused_and_a_token_may_write(self):
        payload = {"meta": {"type": "stories.StoryIndexPage", "parent_id": self.home.pk}, "title": "News"}
        response = self.client.post("/api/v3/pages/", payload, content_type="application/json")
        self.assertEqual(response.status_code, 401)
        self.assertEqual(response.json()["title"], "Unauthorized")
        self.login()  # a session never authorises a write
        response = self.client.post("/api/v3/pages/", payload, content_type="application/json")
        self.assertEqual(response.status_code, 401)
        _token, key = APIToken.create_token(user=self.superuser, name="test")
        response = self.client.post(
            "/api/v3/pages/", payload, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {key}"
        )
        self.assertEqual(response.status_code, 201, response.content)
        self.assertEqual(response.json()["title"], "News")

    def test_snippet_routes_are_read_only(self):
        city = City.objects.first()
        response = self.client.post(f"/api/v3/snippets/cities/{city.pk}/", {}, content_type="application/json")
        self.assertEqual(response.status_code, 405)


class QueryParameterTests(APISiteTestCase):
    def test_declared_parameters_and_field_filters_are_accepted(self):
        for params, titles in [
            ({"type": "stories.StoryPage", "title": "A trade mission"}, ["A trade mission"]),
            (
                {"type": "stories.StoryPage", "locale": "fr", "order": "-date", "limit": "5"},
                ["Une mission commerciale"],
            ),
            ({"title": "Stories", "locale": "en"}, ["Stories"]),
        ]:
            with self.subTest(params=params):
                response = self.client.get("/api/v3/pages/", params)
                self.assertEqual(response.status_code, 200, response.content)
                self.assertEqual([item["title"] for item in response.json()["items"]], titles)
        self.assertEqual(
            self.client.get(f"/api/v3/pages/{self.story.pk}/", {"rich_text_format": "html"}).status_code, 200
        )
