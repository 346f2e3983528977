"""Hostile values in every admin form we own: a form error (or a 4xx), never a 500, and nothing stored changes.

Each form (every page type's edit form, each snippet's add and edit form, the webhook subscription form, the
"Translate subtree" action) is posted once per (field, hostile value) with otherwise valid data. The body is
written by hand so that bytes no browser would send (\\xff\\xfe, a lone surrogate's UTF-8) reach the site as they
are. What each post answered is pinned in hostile_admin_expected.json (200: the form again with errors; 302:
accepted, only for values that are valid once decoded, such as the replacement characters Django makes of broken
UTF-8). Whatever was refused left the stored rows and revisions exactly as they were. PostgreSQL refuses NUL
in text and JSON, so CI's PostgreSQL pass is where a NUL reaching the database would show.

302s in the table, each legitimate: broken UTF-8 arrives as replacement characters (valid text); intro and
description fields have no length limit; an unknown stream block type is dropped by Wagtail; -1 is a valid
latitude; "machine" is a checkbox, so any text means on; rich text is sanitised (a <script> is stripped).

The admin's GET parameters we own (the translation status report's filters, the webhook and snippet listings'
search, filters and ordering) get the same values in their query strings: a page (a snippet listing's unknown
locale is a 404), and a NUL byte anywhere in an admin query string is a 400 (PostgreSQL would refuse it).
"""

import json
from pathlib import Path
from urllib.parse import quote

from django.db import transaction
from django.forms.models import model_to_dict
from django.urls import reverse
from wagtail.models import Locale, Page, Revision
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cities.models import City, MemberAssociation
from cms.webhooks.models import WebhookSubscription
from home.blocks import RICH_TEXT_FEATURES
from home.models import CallToAction, FocusArea, PartnerOrganisation
from tests.factories import (
    CampaignPageFactory,
    CityFactory,
    CityPartnershipPageFactory,
    FocusAreaFactory,
    MemberAssociationFactory,
    PartnerOrganisationFactory,
    StoryPageFactory,
)
from tests.utils import SiteTestCase

EXPECTED = json.loads((Path(__file__).parent / "hostile_admin_expected.json").read_text())

RAW = "\ue000"  # marks a value written into the body as it is (already percent-encoded)

TEXT = {
    "nul": "a\x00b",
    "10kB": "x" * 10240,
    "broken_utf8": RAW + "%ff%fe",
    "lone_surrogate": RAW + "%ed%a0%80",
}
NUMBER = {"word": "abc", "huge": "1" + "0" * 30, "negative": "-1", "nul": "1\x00", "superscript": "²"}
DATE = {"bad_date": "2026-02-30", "word": "soon", "huge": "1" + "0" * 30, "nul": "2026-01-01\x00"}
CHOICE = {"wrong_choice": "nope", "nul": "a\x00b", "10kB": "x" * 10240}
MISSING_ID = "2147483000"
# Rich text as the editor posts it (Draftail's JSON), with hostile text inside.
PARAGRAPH = {
    "nul": rich_text("<p>a\x00b</p>", features=RICH_TEXT_FEATURES),
    "10kB": rich_text(f"<p>{'x' * 10240}</p>", features=RICH_TEXT_FEATURES),
    "replacement_chars": rich_text("<p>\ufffd\ufffd</p>", features=RICH_TEXT_FEATURES),
    "script": rich_text("<p><script>alert(1)</script></p>", features=RICH_TEXT_FEATURES),
}
FOREIGN_KEY = {"missing": MISSING_ID, "huge": "1" + "0" * 30, "word": "abc", "negative": "-1", "nul": "1\x00"}


def encode(data):
    """An x-www-form-urlencoded body; values marked RAW go in unquoted."""
    pairs = []
    for name, values in data.items():
        for value in values if isinstance(values, list) else [values]:
            value = value[len(RAW) :] if value.startswith(RAW) else quote(value, safe="")
            pairs.append(f"{quote(name, safe='')}={value}")
    return "&".join(pairs)


def body_with_heading(text):
    return streamfield([("heading", {"text": text, "level": "h2"})])


def body_with_paragraph(text):
    return streamfield([("paragraph", rich_text(f"<p>{text}</p>", features=RICH_TEXT_FEATURES))])


def page_data(page, **fields):
    data = nested_form_data(
        {"title": page.title, "slug": page.slug, "comments": inline_formset([]), **fields, "action-publish": "1"}
    )
    return data


class HostileAdminFormTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.fr = Locale.objects.create(language_code="fr")
        cls.trade = FocusAreaFactory(name="Trade", slug="trade")
        cls.trade_fr = cls.trade.copy_for_translation(cls.fr)
        cls.trade_fr.save()
        cls.lyon = CityFactory(name="Lyon", country="FR")
        cls.lyon_fr = cls.lyon.copy_for_translation(cls.fr)
        cls.lyon_fr.save()
        cls.anderson = CityFactory(name="Anderson", country="US")
        cls.association = MemberAssociationFactory(name="Anderson SCA", city=cls.anderson)
        cls.partner = PartnerOrganisationFactory(name="EU Delegation", country="BE")
        cls.partnership = CityPartnershipPageFactory(
            parent=cls.partnership_index, city_a=cls.anderson, city_b=cls.lyon, title="Anderson and Lyon"
        )
        cls.campaign = CampaignPageFactory(parent=cls.campaign_index, title="Sister City Sunday")
        cls.story = StoryPageFactory(parent=cls.story_index, title="A trade mission")
        cls.webhook = WebhookSubscription.objects.create(
            name="Receiver", target_url="https://hooks.example.org/in", secret="s3cret-value-long-enough"
        )

    def setUp(self):
        self.login()
        self.client.raise_request_exception = False

    # What each form is: its URL, valid data, and the hostile values for each field.
    def forms(self):
        home, story, campaign, partnership = self.home, self.story, self.campaign, self.partnership
        trade, trade_fr, lyon, lyon_fr = (
            str(self.trade.pk),
            str(self.trade_fr.pk),
            str(self.lyon.pk),
            str(self.lyon_fr.pk),
        )
        common_page = {"title": TEXT, "slug": TEXT, "seo_title": TEXT, "go_live_at": DATE}
        stream = {"body-0-value-text": TEXT, "body-0-type": CHOICE}
        return {
            "home": (
                reverse("wagtailadmin_pages:edit", args=[home.pk]),
                lambda: page_data(
                    home,
                    hero_heading="Welcome",
                    featured_content=streamfield([]),
                    site_calls_to_action=inline_formset([]),
                ),
                {**common_page, "hero_heading": TEXT, "featured_campaign": FOREIGN_KEY, "hero_image": FOREIGN_KEY},
                Page,
            ),
            "campaign_index": (
                reverse("wagtailadmin_pages:edit", args=[self.campaign_index.pk]),
                lambda: page_data(self.campaign_index, intro="Campaigns"),
                {"intro": TEXT, "listing_image": FOREIGN_KEY},
                Page,
            ),
            "campaign": (
                reverse("wagtailadmin_pages:edit", args=[campaign.pk]),
                lambda: page_data(
                    campaign, hashtag="#SisterCitySunday", start_date="2026-04-18", body=body_with_heading("Hi")
                ),
                {
                    **stream,
                    "hashtag": TEXT,
                    "start_date": DATE,
                    "end_date": DATE,
                    "partner_organisations": FOREIGN_KEY,
                },
                Page,
            ),
            "story_index": (
                reverse("wagtailadmin_pages:edit", args=[self.story_index.pk]),
                lambda: page_data(self.story_index, intro="Stories"),
                {"intro": TEXT},
                Page,
            ),
            "story": (
                reverse("wagtailadmin_pages:edit", args=[story.pk]),
                lambda: {**page_data(story, date="2019-05-04", body=body_with_heading("Hi")), "focus_areas": trade},
                {
                    **common_page,
                    **stream,
                    "date": DATE,
                    "original_url": TEXT,
                    "related_campaign": FOREIGN_KEY,
                    "focus_areas": {**FOREIGN_KEY, "other_locale": trade_fr},
                    "related_partnerships": FOREIGN_KEY,
                },
                Page,
            ),
            "story_paragraph": (
                reverse("wagtailadmin_pages:edit", args=[story.pk]),
                lambda: page_data(story, date="2019-05-04", body=body_with_paragraph("Hi")),
                {"body-0-value": PARAGRAPH},
                Page,
            ),
            "partnership_index": (
                reverse("wagtailadmin_pages:edit", args=[self.partnership_index.pk]),
                lambda: page_data(self.partnership_index, intro="Directory"),
                {"intro": TEXT},
                Page,
            ),
            "partnership": (
                reverse("wagtailadmin_pages:edit", args=[partnership.pk]),
                lambda: page_data(
                    partnership,
                    city_a=str(self.anderson.pk),
                    city_b=lyon,
                    relationship_type="sister_city",
                    status="active",
                    year_established="1990",
                    body=streamfield([]),
                ),
                {
                    "title": TEXT,
                    "city_a": FOREIGN_KEY,
                    "city_b": {**FOREIGN_KEY, "other_locale": lyon_fr},
                    "relationship_type": CHOICE,
                    "status": CHOICE,
                    "year_established": NUMBER,
                    "focus_areas": {"other_locale": trade_fr, **FOREIGN_KEY},
                },
                Page,
            ),
            "city_add": (
                reverse("wagtailsnippets_cities_city:add"),
                lambda: {"name": "Mataró", "region": "Catalonia", "country": "ES", "latitude": "", "longitude": ""},
                {
                    "name": TEXT,
                    "region": TEXT,
                    "country": CHOICE,
                    "latitude": {**NUMBER, "out_of_range": "91"},
                    "longitude": NUMBER,
                },
                City,
            ),
            "city_edit": (
                reverse("wagtailsnippets_cities_city:edit", args=[self.anderson.pk]),
                lambda: {"name": "Anderson", "region": "", "country": "US", "latitude": "34.5", "longitude": "-82.6"},
                {"name": TEXT, "country": CHOICE, "latitude": NUMBER},
                City,
            ),
            "member_association_edit": (
                reverse("wagtailsnippets_cities_memberassociation:edit", args=[self.association.pk]),
                lambda: {"name": "Anderson SCA", "city": str(self.anderson.pk), "website": ""},
                {"name": TEXT, "city": {**FOREIGN_KEY, "other_locale": lyon_fr}, "website": TEXT},
                MemberAssociation,
            ),
            "focus_area_add": (
                reverse("wagtailsnippets_home_focusarea:add"),
                lambda: {"name": "Youth", "slug": "youth", "description": ""},
                {"name": TEXT, "slug": TEXT, "description": TEXT},
                FocusArea,
            ),
            "focus_area_edit": (
                reverse("wagtailsnippets_home_focusarea:edit", args=[self.trade.pk]),
                lambda: {"name": "Trade", "slug": "trade", "description": ""},
                {"name": TEXT, "slug": TEXT},
                FocusArea,
            ),
            "partner_organisation_edit": (
                reverse("wagtailsnippets_home_partnerorganisation:edit", args=[self.partner.pk]),
                lambda: {"name": "EU Delegation", "website": "", "logo": "", "country": "BE"},
                {"name": TEXT, "website": TEXT, "logo": FOREIGN_KEY, "country": CHOICE},
                PartnerOrganisation,
            ),
            "call_to_action_edit": (
                reverse("wagtailsnippets_home_calltoaction:edit", args=[self.call_to_action.pk]),
                lambda: {
                    "label": "Donate",
                    "kind": "donate",
                    "description": "",
                    "link_page": "",
                    "link_url": "https://give.example.org/",
                },
                {
                    "label": TEXT,
                    "kind": CHOICE,
                    "link_url": TEXT,
                    "link_page": FOREIGN_KEY,
                },
                CallToAction,
            ),
            "webhook_add": (
                reverse("webhooksubscription:add"),
                lambda: {"name": "New", "target_url": "https://hooks.example.org/new", "secret": "x" * 32},
                {"name": TEXT, "target_url": TEXT, "secret": TEXT, "page_types": FOREIGN_KEY, "locales": FOREIGN_KEY},
                WebhookSubscription,
            ),
            "webhook_edit": (
                reverse("webhooksubscription:edit", args=[self.webhook.pk]),
                lambda: {"name": "Receiver", "target_url": "https://hooks.example.org/in", "secret": "x" * 32},
                {"name": TEXT, "target_url": TEXT, "locales": FOREIGN_KEY},
                WebhookSubscription,
            ),
            "translate_subtree": (
                reverse("translate_subtree", args=[self.story_index.pk]),
                lambda: {"languages": "fr", "include_snippets": "on"},
                {"languages": {**CHOICE, "source_language": "en"}, "machine": TEXT},
                Page,
            ),
        }

    def stored(self, model):
        rows = [model_to_dict(obj) for obj in model.objects.order_by("pk")]
        return rows, Revision.objects.count(), Page.objects.count()

    def test_every_field_of_every_form_with_hostile_values(self):
        actual, server_errors = {}, []
        for name, (url, valid, attacks, model) in self.forms().items():
            for field, values in attacks.items():
                statuses = []
                for value in values.values():
                    data = valid()
                    data[field] = value
                    before = self.stored(model)
                    with transaction.atomic():
                        response = self.client.post(url, encode(data), content_type="application/x-www-form-urlencoded")
                        statuses.append(response.status_code)
                        context = (name, field, value[:30], response.status_code)
                        if response.status_code >= 500:
                            server_errors.append(context)
                        elif response.status_code != 302:
                            self.assertEqual(self.stored(model), before, context)
                            if response.status_code == 200:
                                form = response.context["form"]
                                self.assertTrue(form.errors or getattr(form, "formsets_errors", None), context)
                        transaction.set_rollback(True)
                actual[f"{name}:{field}"] = " ".join(
                    f"{key}={status}" for key, status in zip(values, statuses, strict=True)
                )
        self.assertEqual(server_errors, [])
        self.assertEqual(actual, EXPECTED["forms"])

    def test_the_valid_data_is_valid(self):
        # Otherwise every hostile post above would be refused for another reason.
        for name, (url, valid, _attacks, _model) in self.forms().items():
            with self.subTest(form=name), transaction.atomic():
                response = self.client.post(url, encode(valid()), content_type="application/x-www-form-urlencoded")
                self.assertEqual(response.status_code, 302, response.context and response.context.get("form"))
                transaction.set_rollback(True)

    def test_admin_query_parameters(self):
        values = ["abc", "1" + "0" * 30, "-1", "a%00b", "%ff%fe", "%ed%a0%80", "x" * 10240, "2026-02-30"]
        urls = {
            "translation_status": (reverse("translation_status"), ["language", "section", "export", "x"]),
            "translation_status_results": (reverse("translation_status_results"), ["language", "section"]),
            "webhooks": (reverse("webhooksubscription:index"), ["q", "active", "ordering", "p"]),
            "webhook_deliveries": (reverse("webhookdelivery:index"), ["q", "ordering", "p"]),
            "cities": (reverse("wagtailsnippets_cities_city:list"), ["q", "locale", "ordering", "p"]),
            "focus_areas": (reverse("wagtailsnippets_home_focusarea:list"), ["q", "locale", "ordering", "p"]),
            "translate_subtree": (reverse("translate_subtree", args=[self.story_index.pk]), ["x"]),
        }
        actual = {}
        for name, (url, parameters) in urls.items():
            for parameter in parameters:
                statuses = []
                for value in values:
                    response = self.client.get(f"{url}?{parameter}={value}")
                    self.assertLess(response.status_code, 500, (url, parameter, value[:20]))
                    statuses.append(response.status_code)
                actual[f"{name}?{parameter}"] = " ".join(map(str, statuses))
        self.assertEqual(actual, EXPECTED["queries"])

    def test_hostile_page_ids_in_our_admin_paths(self):
        for page_id in ["1" + "0" * 30, "2147483648", "0"]:
            with self.subTest(page_id=page_id):
                response = self.client.get(f"/admin/pages/{page_id}/translate-subtree/")
                self.assertEqual(response.status_code, 404)
