"""No script runs where it should not: script and event-handler payloads in every field come out escaped or stripped.

Payloads go into every title and text field, every stream block, the snippets, an image's and a document's title,
and (`javascript:`) into every address a visitor can click: a rich-text link, an embed, a call to action, a story's
original address, including a translator's override of a link through wagtail-localize's editor. The HTML of the
site, the admin's views and the moderation e-mails are parsed and checked: no script tag carrying the payload, no
event-handler attribute, no `javascript:` address.
"""

import json

from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Locale, Workflow
from wagtail_localize.models import OverridableSegment, Translation

from cms.translation.bulk import translate_tree
from tests.factories import (
    CallToActionFactory,
    CampaignPageFactory,
    CityFactory,
    CityPartnershipPageFactory,
    FocusAreaFactory,
    ImageFactory,
    MemberAssociationFactory,
    PartnerOrganisationFactory,
    StoryPageFactory,
    stream_json,
)
from tests.utils import SiteTestCase, create_superuser

SCRIPT = "<script>alert(1)</script>"
ATTRIBUTE = '"><img src=x onerror=alert(1)>'
PAYLOAD = f"{SCRIPT}{ATTRIBUTE}"
JAVASCRIPT = "javascript:alert(1)"
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster"}
SCRIPT_DATA_TYPES = {"application/json", "application/ld+json", "text/template", "text/x-template"}


def executable_payloads(html):
    """What of the payloads would run in `html`: script tags with the payload, handlers, javascript: addresses."""
    found = []
    for tag in BeautifulSoup(html, "html.parser").find_all(True):
        script = tag.name == "script" and tag.get("type", "text/javascript") not in SCRIPT_DATA_TYPES
        if script and "alert(1)" in (tag.string or ""):
            found.append(str(tag)[:200])
        for name, value in tag.attrs.items():
            value = " ".join(value) if isinstance(value, list) else value
            if name.startswith("on") and "alert(1)" in value:
                found.append(f"<{tag.name} {name}={value!r}>")
            if name in URL_ATTRIBUTES and "".join(value.split()).lower().startswith("javascript:"):
                found.append(f"<{tag.name} {name}={value!r}>")
    return found


class XSSTestCase(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.focus = FocusAreaFactory(name=f"Trade {PAYLOAD}", slug="trade", description=PAYLOAD)
        cls.partner = PartnerOrganisationFactory(name=f"Partner {PAYLOAD}")
        cls.city_a = CityFactory(name=f"Anderson {PAYLOAD}", region=PAYLOAD, country="US")
        cls.city_b = CityFactory(name=f"Mataró {PAYLOAD}", region=PAYLOAD, country="ES")
        cls.association = MemberAssociationFactory(name=f"Association {PAYLOAD}", city=cls.city_a)
        cls.cta = CallToActionFactory(label=f"Act {PAYLOAD}", description=PAYLOAD, link_url=JAVASCRIPT)
        cls.image = ImageFactory(title=f"Image {PAYLOAD}")
        cls.document = get_document_model().objects.create(
            title=f"Document {PAYLOAD}", file=ContentFile(b"minutes", name="minutes.txt")
        )
        cls.partnership = CityPartnershipPageFactory(
            parent=cls.partnership_index, city_a=cls.city_a, city_b=cls.city_b, title=f"Partnership {PAYLOAD}"
        )
        cls.partnership.focus_areas.set([cls.focus])
        cls.partnership.member_associations.set([cls.association])
        cls.partnership.save_revision().publish()
        cls.campaign = CampaignPageFactory(parent=cls.campaign_index, title=f"Campaign {PAYLOAD}", intro=PAYLOAD)
        cls.campaign.partner_organisations.set([cls.partner])
        cls.campaign.calls_to_action.set([cls.cta])
        cls.campaign.save_revision().publish()
        cls.story = StoryPageFactory(
            parent=cls.story_index,
            title=f"Story {PAYLOAD}",
            slug="story",
            intro=PAYLOAD,
            search_description=PAYLOAD,
            seo_title=f"SEO {PAYLOAD}",
            listing_summary=PAYLOAD,
            contributor_name=PAYLOAD,
            contributor_role=PAYLOAD,
            hero_image=cls.image,
            related_campaign=cls.campaign,
            body=cls.hostile_body(),
        )
        cls.story.focus_areas.set([cls.focus])
        cls.story.related_partnerships.set([cls.partnership])
        cls.story.save_revision().publish()
        # Model validation refuses a javascript: address; an import or a script writing the database does not.
        type(cls.story).objects.filter(pk=cls.story.pk).update(original_url=JAVASCRIPT)
        cls.home.site_calls_to_action.create(call_to_action=cls.cta)
        cls.home.save_revision().publish()

    @classmethod
    def hostile_body(cls):
        return stream_json(
            ("heading", {"text": PAYLOAD, "level": "h2"}),
            (
                "paragraph",
                f'<p>{PAYLOAD.replace("<", "&lt;")} <a href="{JAVASCRIPT}">a</a> <a href=" JaVaScRiPt:alert(1)">b</a> '
                f'<a linktype="document" id="{cls.document.pk}">doc</a></p>',
            ),
            ("image", {"image": {"image": cls.image.pk, "decorative": False, "alt_text": PAYLOAD}, "caption": PAYLOAD}),
            ("quote", {"quote": PAYLOAD, "attribution": PAYLOAD, "role": PAYLOAD}),
            ("embed", JAVASCRIPT),
            ("call_to_action", cls.cta.pk),
            ("featured_pages", {"heading": PAYLOAD, "pages": [cls.partnership.pk, cls.campaign.pk]}),
            ("facts", {"heading": PAYLOAD, "facts": [{"figure": PAYLOAD[:40], "label": PAYLOAD}]}),
        )

    def assertSafe(self, url, params=None, status=200, contains=None):
        response = self.client.get(url, params or {})
        self.assertEqual(response.status_code, status, url)
        html = b"".join(response.streaming_content) if response.streaming else response.content
        html = html.decode()
        if response["Content-Type"].startswith("application/json"):
            html = response.json()["html"]  # a chooser's modal
        self.assertEqual(executable_payloads(html), [], f"{url} runs a payload")
        if contains:
            self.assertIn(contains, html, f"{url} does not show the (escaped) payload: the check read nothing")
        return html


class SiteXSSTests(XSSTestCase):
    def test_the_detector_finds_what_would_run(self):
        self.assertEqual(len(executable_payloads(f'<p>{PAYLOAD}<a href="{JAVASCRIPT}">x</a></p>')), 3)
        self.assertEqual(executable_payloads(f'<p>{PAYLOAD.replace("<", "&lt;")}</p><a href="/ok">x</a>'), [])

    def test_html_pages(self):
        escaped = "&lt;script&gt;alert(1)&lt;/script&gt;"
        for page in [self.story, self.campaign, self.partnership, self.home, self.story_index]:
            with self.subTest(page=page.url):
                self.assertSafe(page.url, contains=escaped)
        for index in [self.campaign_index, self.partnership_index]:
            with self.subTest(page=index.url):
                self.assertSafe(index.url)
        self.assertSafe(self.story_index.url, {"focus_area": "trade"}, contains=escaped)
        self.assertSafe("/en/search/", {"query": PAYLOAD})
        self.assertSafe("/en/search/", {"query": "Story"}, contains=escaped)
        self.assertSafe(f"/en/{PAYLOAD}/", status=404)

    def test_the_story_body_keeps_its_safe_parts(self):
        html = self.client.get(self.story.url).content.decode()
        soup = BeautifulSoup(html, "html.parser")
        links = {a.get_text(): a.get("href") for a in soup.select(".rich-text a")}
        self.assertEqual(links, {"a": None, "b": None, "doc": self.document.url})

    def test_rss_feed(self):
        response = self.client.get("/en/stories/feed/")
        self.assertEqual(response.status_code, 200)
        self.assertNotIn(SCRIPT.encode(), response.content)
        self.assertIn(b"&lt;script&gt;alert(1)&lt;/script&gt;", response.content)

    def test_api_gives_no_javascript_address(self):
        body = self.client.get(f"/api/v2/pages/{self.story.pk}/").json()["body"]
        blocks = {block["type"]: block["value"] for block in body}
        self.assertNotIn("javascript:", blocks["paragraph"].lower())
        self.assertEqual(blocks["call_to_action"]["url"], "")
        self.assertEqual(blocks["embed"], "")


class AdminXSSTests(XSSTestCase):
    def setUp(self):
        self.login()

    def test_page_views(self):
        for url in [
            reverse("wagtailadmin_pages:edit", args=[self.story.pk]),
            reverse("wagtailadmin_pages:edit", args=[self.campaign.pk]),
            reverse("wagtailadmin_explore", args=[self.story_index.pk]),
            reverse("wagtailadmin_explore", args=[self.partnership_index.pk]),
            reverse("wagtailadmin_choose_page_child", args=[self.story_index.pk]),
            reverse("wagtailadmin_pages:history", args=[self.story.pk]),
            reverse("wagtailadmin_pages:search") + "?q=Story",
        ]:
            with self.subTest(url=url):
                self.assertSafe(url, contains="&lt;script&gt;alert(1)&lt;/script&gt;")
        self.assertSafe(reverse("wagtailadmin_home"))

    def test_snippet_listings_and_choosers(self):
        for snippet in [self.focus, self.partner, self.city_a, self.association, self.cta]:
            label = f"{snippet._meta.app_label}_{snippet._meta.model_name}"
            for url in [
                reverse(f"wagtailsnippets_{label}:list"),
                reverse(f"wagtailsnippets_{label}:edit", args=[snippet.pk]),
                reverse(f"wagtailsnippetchoosers_{label}:choose"),
            ]:
                with self.subTest(url=url):
                    self.assertSafe(url, contains="&lt;script&gt;alert(1)&lt;/script&gt;")

    def test_image_and_document_views(self):
        for url in [
            reverse("wagtailimages:index"),
            reverse("wagtailimages:edit", args=[self.image.pk]),
            reverse("wagtailimages_chooser:choose"),
            reverse("wagtaildocs:index"),
            reverse("wagtaildocs:edit", args=[self.document.pk]),
            reverse("wagtaildocs_chooser:choose"),
        ]:
            with self.subTest(url=url):
                self.assertSafe(url, contains="&lt;script&gt;alert(1)&lt;/script&gt;")


class ModerationEmailTests(XSSTestCase):
    def test_submitted_for_moderation(self):
        moderator = create_superuser("moderator")
        moderator.groups.add(Group.objects.get(name="Moderators"))
        workflow = Workflow.objects.get(name="Moderators approval")
        story = StoryPageFactory(parent=self.story_index, title=f"Moderated {PAYLOAD}", live=False)
        story.save_revision(user=self.superuser)
        mail.outbox.clear()
        workflow.start(story, self.superuser)
        self.assertTrue(mail.outbox, "no moderation e-mail was sent")
        for message in mail.outbox:
            self.assertIn(f"Moderated {PAYLOAD}", message.subject + message.body)  # plain text: not HTML
            for html, _type in getattr(message, "alternatives", []):
                self.assertEqual(executable_payloads(html), [])
                self.assertIn("&lt;script&gt;", html)


class TranslatorOverrideTests(SiteTestCase):
    """A translator overrides a link's address with `javascript:` in wagtail-localize's editor."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.es = Locale.objects.create(language_code="es")
        cls.story = StoryPageFactory(
            parent=cls.story_index,
            title="Linked story",
            original_url="https://example.org/story",
            body=stream_json(
                ("paragraph", '<p>See <a href="https://example.org/report">the report</a>.</p>'),
                ("embed", "https://www.youtube.com/watch?v=abc"),
                ("call_to_action", cls.call_to_action.pk),
            ),
        )
        cls.story.save_revision().publish()
        translate_tree(cls.home, [cls.es], publish=True)

    def override(self, obj, value, paths):
        """The overridable segments of `obj`'s Spanish translation at `paths` set to `value`, through the editor's
        API, as a translator does; then the translation is published (the save a translator's Publish makes)."""
        translation = Translation.objects.get(source__object_id=obj.translation_key, target_locale=self.es)
        segments = OverridableSegment.objects.filter(source=translation.source, context__path__in=paths)
        self.assertEqual(sorted(segment.context.path for segment in segments), sorted(paths))
        for segment in segments:
            url = reverse("wagtail_localize:edit_override", args=[translation.pk, segment.pk])
            response = self.client.put(url, f"value={value}", content_type="application/x-www-form-urlencoded")
            self.assertIn(response.status_code, (200, 201), response.content)
        translation.save_target(user=self.superuser, publish=True)

    def test_javascript_addresses_in_links_and_embeds_are_not_clickable(self):
        self.login()
        addresses = {
            json.loads(segment.data_json): segment.context.path
            for segment in OverridableSegment.objects.filter(source__object_id=self.story.translation_key)
        }
        # The rich-text link and the embed (the story's original address is test_..._in_a_url_field_is_refused).
        links = ["https://example.org/report", "https://www.youtube.com/watch?v=abc"]
        paths = [addresses[link] for link in links]
        self.override(self.story, JAVASCRIPT, paths)
        self.client.logout()
        story_es = self.story.get_translation(self.es)
        self.assertIn(JAVASCRIPT, json.dumps(list(story_es.body.raw_data)))
        html = self.client.get(story_es.url).content.decode()
        self.assertEqual(executable_payloads(html), [])
        self.assertIn("the report", html)
        api = self.client.get(f"/api/v2/pages/{story_es.pk}/").content.decode()
        self.assertNotIn("javascript:", api.lower())

    def test_a_javascript_address_in_a_url_field_is_refused(self):
        self.login()
        for obj in [self.story, self.call_to_action]:
            field = "original_url" if obj is self.story else "link_url"
            with self.subTest(field=field), self.assertRaises(ValidationError) as refused:
                self.override(obj, JAVASCRIPT, [field])
            self.assertEqual(list(refused.exception.message_dict), [field])
