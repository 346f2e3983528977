"""What is translated and what is kept in sync, for every model with text: a new field needs a decision here."""

from django.test import SimpleTestCase

from cities.models import City, CityPartnershipPage, MemberAssociation, PartnershipIndexPage
from home.models import (
    CallToAction,
    CampaignIndexPage,
    CampaignPage,
    FocusArea,
    HomePage,
    PartnerOrganisation,
)
from stories.models import StoryIndexPage, StoryPage
from tests.utils import content_field_names, translatable_field_list

T, S = "translatable", "synchronized"

PAGE = [
    ("title", T),
    ("slug", T),
    ("seo_title", T),
    ("search_description", T),
    ("show_in_menus", S),
    ("listing_image", S),
    ("listing_summary", T),
]

EXPECTED = {
    HomePage: [
        *PAGE,
        ("hero_heading", T),
        ("hero_intro", T),
        ("hero_image", S),
        ("featured_content", S),
        ("featured_campaign", S),
        ("site_calls_to_action", S),
    ],
    CampaignIndexPage: [*PAGE, ("intro", T)],
    CampaignPage: [
        *PAGE,
        ("hashtag", S),
        ("start_date", S),
        ("end_date", S),
        ("intro", T),
        ("hero_image", S),
        ("partner_organisations", S),
        ("calls_to_action", S),
        ("body", T),
    ],
    StoryIndexPage: [*PAGE, ("intro", T)],
    StoryPage: [
        *PAGE,
        ("date", S),
        ("contributor_name", S),
        ("contributor_role", T),
        ("original_url", S),
        ("intro", T),
        ("hero_image", S),
        ("body", T),
        ("focus_areas", S),
        ("related_partnerships", S),
        ("related_campaign", S),
    ],
    PartnershipIndexPage: [*PAGE, ("intro", T)],
    CityPartnershipPage: [
        *PAGE,
        ("city_a", T),
        ("city_b", T),
        ("relationship_type", S),
        ("status", S),
        ("year_established", S),
        ("intro", T),
        ("hero_image", S),
        ("focus_areas", S),
        ("member_associations", S),
        ("body", T),
    ],
    FocusArea: [("name", T), ("slug", S), ("description", T)],
    PartnerOrganisation: [("name", T), ("website", S), ("logo", S), ("country", S)],
    CallToAction: [("label", T), ("kind", S), ("description", T), ("link_page", S), ("link_url", S)],
    City: [("name", T), ("region", T), ("country", S), ("latitude", S), ("longitude", S)],
    MemberAssociation: [("name", T), ("city", T), ("website", S)],
}


class TranslatableFieldsTests(SimpleTestCase):
    def test_each_model_declares_exactly_these_fields(self):
        for model, expected in EXPECTED.items():
            with self.subTest(model=model.__name__):
                self.assertEqual(translatable_field_list(model), expected)

    def test_every_content_field_has_a_decision(self):
        for model in EXPECTED:
            with self.subTest(model=model.__name__):
                declared = {name for name, _kind in translatable_field_list(model)}
                self.assertEqual(content_field_names(model) - declared, set())
                self.assertEqual(declared - content_field_names(model), set())

    def test_content_field_names_sees_every_kind_of_field(self):
        # The coverage check is only as good as this: plain, foreign key, many-to-many, stream and inline fields.
        self.assertTrue(
            {"hero_heading", "hero_image", "featured_content", "site_calls_to_action"} <= content_field_names(HomePage)
        )
        self.assertTrue({"focus_areas", "related_campaign", "body", "title"} <= content_field_names(StoryPage))
        self.assertFalse({"locale", "translation_key", "go_live_at", "path", "owner"} & content_field_names(StoryPage))

    def test_every_translatable_model_is_pinned(self):
        from wagtail.models import TranslatableMixin, get_translatable_models

        models = {
            model
            for model in get_translatable_models(include_subclasses=True)
            if model._meta.app_label in {"home", "stories", "cities"}
        }
        self.assertEqual(models, set(EXPECTED))
        self.assertTrue(all(issubclass(model, TranslatableMixin) for model in models))
