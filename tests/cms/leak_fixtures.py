"""A small site with a unique marker planted in everything a visitor or an API consumer must never see.

The marker (`MARKER`, a fresh uuid4 hex) goes into titles, slugs, search descriptions, intros and bodies of:
a draft of a live page, a page never published, a campaign scheduled for later, an expired page, login-, group-
and password-restricted pages and their descendants, a private collection's document, an unpublished Spanish
translation and a Spanish draft, and the pages restricted after they were translated (the source, and a parent).
Public pages point at the hidden ones through rich-text links (page and document), featured pages, chosen
pages and a call to action, so every way content links to other content is exercised.

`PUBLIC_WORD` is in public content only: finding it proves a surface was really read.
"""

import datetime
import json
import uuid

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Locale, PageViewRestriction

from cms.webhooks.models import WebhookSubscription
from tests.factories import (
    CallToActionFactory,
    CampaignIndexPageFactory,
    CampaignPageFactory,
    CityFactory,
    CityPartnershipPageFactory,
    FocusAreaFactory,
    PartnershipIndexPageFactory,
    StoryIndexPageFactory,
    StoryPageFactory,
    stream_json,
)
from tests.utils import SiteTestCase

from .api_fixtures import translate

MARKER = f"leak{uuid.uuid4().hex}"
# The same shape, never planted: a search for it is the control a search for MARKER is compared with.
CONTROL = f"leak{uuid.uuid4().hex}"
PUBLIC_WORD = "harbourlights"


def marked(label):
    """Text fields of a hidden page, each carrying the marker."""
    return {
        "title": f"{label} {MARKER}",
        "slug": f"{label.lower().replace(' ', '-')}-{MARKER}",
        "search_description": f"Search description {MARKER}",
    }


def hidden_body(label):
    return stream_json(
        ("heading", {"text": f"{label} heading {MARKER}", "level": "h2"}),
        ("paragraph", f"<p>{label} paragraph {MARKER}.</p>"),
        ("quote", {"quote": f"Quote {MARKER}", "attribution": f"Attribution {MARKER}", "role": ""}),
    )


class LeakSiteTestCase(SiteTestCase):
    """The site with the marker planted; `hidden_pages` are the pages no visitor may read."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.en = Locale.objects.get(language_code="en")
        cls.es = Locale.objects.get_or_create(language_code="es")[0]
        cls.subscription = WebhookSubscription.objects.create(name="Receiver", target_url="http://127.0.0.1:9/hook")
        cls.members = Group.objects.create(name="Members")
        cls.focus = FocusAreaFactory(name="Trade", slug="trade")
        cls.city_us = CityFactory(name="Anderson", country="US")
        cls.city_es = CityFactory(name="Mataró", country="ES")
        cls.city_fr = CityFactory(name="Lyon", country="FR")
        cls.hidden_pages = []
        # Pages that were public when they were published (and so announced), hidden only later.
        cls.public_once = []

        # What is public, and what becomes restricted only after it is translated.
        cls.partnership = cls.publish(
            CityPartnershipPageFactory(
                parent=cls.partnership_index, city_a=cls.city_us, city_b=cls.city_es, title="Anderson and Mataró"
            ),
            focus_areas=[cls.focus],
        )
        cls.campaign = cls.publish(
            CampaignPageFactory(parent=cls.campaign_index, title="Sister City Sunday", intro=f"Join {PUBLIC_WORD}.")
        )
        cls.later_restricted = cls.publish(
            StoryPageFactory(parent=cls.story_index, **marked("Restricted after translation"), intro=MARKER)
        )
        cls.later_restricted_index = StoryIndexPageFactory(
            parent=cls.home, title="Members' stories", slug="members-stories", intro="Stories of the members."
        )
        cls.later_restricted_child = cls.publish(
            StoryPageFactory(parent=cls.later_restricted_index, **marked("Parent restricted after translation"))
        )
        for page in [
            cls.home,
            cls.story_index,
            cls.campaign_index,
            cls.partnership_index,
            cls.later_restricted_index,
            cls.partnership,
            cls.campaign,
            cls.later_restricted,
            cls.later_restricted_child,
        ]:
            translate(page, cls.es)
        for page in (cls.later_restricted, cls.later_restricted_child):
            translation = page.get_translation(cls.es)
            translation.title = f"Traducida {MARKER}"
            translation.intro = f"Introducción {MARKER}"
            translation.save_revision().publish()
            cls.hidden_pages.append(translation)
        cls.hidden_pages += [cls.later_restricted, cls.later_restricted_index, cls.later_restricted_child]
        cls.public_once += cls.hidden_pages
        cls.hidden_pages.append(cls.later_restricted_index.get_translation(cls.es))
        PageViewRestriction.objects.create(
            page=cls.later_restricted,
            restriction_type=PageViewRestriction.PASSWORD,
            password="s3cret",  # noqa: S106
        )
        PageViewRestriction.objects.create(page=cls.later_restricted_index, restriction_type=PageViewRestriction.LOGIN)

        # A live page with a newer draft: only the draft carries the marker.
        cls.draft = StoryPageFactory(parent=cls.story_index, title="Draft story", slug="draft-story")
        cls.publish(cls.draft)
        cls.draft.title, cls.draft.slug = f"Draft {MARKER}", f"draft-{MARKER}"
        cls.draft.search_description = cls.draft.intro = f"Draft intro {MARKER}"
        cls.draft.body = hidden_body("Draft")
        cls.draft.save_revision()

        # Never published.
        cls.unpublished = StoryPageFactory(
            parent=cls.story_index, live=False, **marked("Unpublished"), intro=MARKER, body=hidden_body("Unpublished")
        )
        cls.unpublished.save_revision()
        cls.unpublished_partnership = CityPartnershipPageFactory(
            parent=cls.partnership_index, live=False, city_a=cls.city_us, city_b=cls.city_fr, **marked("Unpublished")
        )
        cls.unpublished_partnership.focus_areas.set([cls.focus])
        cls.unpublished_partnership.save_revision()

        # Scheduled for later (an approved schedule), and expired (Wagtail's scheduled command has run).
        cls.scheduled = CampaignPageFactory(
            parent=cls.campaign_index, live=False, **marked("Scheduled"), intro=MARKER, body=hidden_body("Scheduled")
        )
        cls.scheduled.go_live_at = timezone.now() + datetime.timedelta(days=7)
        cls.scheduled.save_revision().publish()
        cls.expired = StoryPageFactory(parent=cls.story_index, **marked("Expired"), intro=MARKER)
        cls.publish(cls.expired)
        cls.expired.expire_at = timezone.now() - datetime.timedelta(minutes=1)
        cls.expired.save(update_fields=["expire_at"])
        call_command("publish_scheduled", verbosity=0)
        cls.public_once.append(cls.expired)

        # Restricted pages and their descendants (login, group, password), published once restricted.
        cls.login_story = StoryPageFactory(parent=cls.story_index, live=False, **marked("Login"), intro=MARKER)
        PageViewRestriction.objects.create(page=cls.login_story, restriction_type=PageViewRestriction.LOGIN)
        cls.publish(cls.login_story)
        cls.group_index = CampaignIndexPageFactory(parent=cls.home, live=False, **marked("Group index"), intro=MARKER)
        restriction = PageViewRestriction.objects.create(
            page=cls.group_index, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.set([cls.members])
        cls.publish(cls.group_index)
        cls.group_campaign = cls.publish(
            CampaignPageFactory(parent=cls.group_index, live=False, **marked("Group campaign"), intro=MARKER)
        )
        cls.password_index = PartnershipIndexPageFactory(
            parent=cls.home, live=False, **marked("Password index"), intro=MARKER
        )
        PageViewRestriction.objects.create(
            page=cls.password_index,
            restriction_type=PageViewRestriction.PASSWORD,
            password="s3cret",  # noqa: S106
        )
        cls.publish(cls.password_index)
        cls.password_partnership = cls.publish(
            CityPartnershipPageFactory(
                parent=cls.password_index,
                live=False,
                city_a=cls.city_es,
                city_b=cls.city_fr,
                **marked("Password partnership"),
            ),
            focus_areas=[cls.focus],
        )

        # A private collection's document.
        private = Collection.get_first_root_node().add_child(name="Board papers")
        CollectionViewRestriction.objects.create(collection=private, restriction_type=CollectionViewRestriction.LOGIN)
        cls.document = get_document_model().objects.create(
            title=f"Minutes {MARKER}",
            collection=private,
            file=ContentFile(f"Minutes {MARKER}".encode(), name=f"minutes-{MARKER}.txt"),
        )

        # Spanish: a never-published translation, and a draft of a live translation.
        cls.unpublished_es = cls.unpublished_source = cls.publish(
            StoryPageFactory(parent=cls.story_index, title="Translated later", slug="translated-later")
        )
        cls.unpublished_es = cls.unpublished_source.copy_for_translation(cls.es, alias=False)
        cls.unpublished_es.title, cls.unpublished_es.slug = f"Sin publicar {MARKER}", f"sin-publicar-{MARKER}"
        cls.unpublished_es.intro = MARKER
        cls.unpublished_es.save_revision()
        cls.campaign_es = cls.campaign.get_translation(cls.es)
        cls.campaign_es.title, cls.campaign_es.intro = f"Borrador {MARKER}", f"Borrador {MARKER}"
        cls.campaign_es.save_revision()

        # Public content pointing at the hidden pages and document.
        hidden_links = [cls.unpublished, cls.scheduled, cls.login_story, cls.group_campaign, cls.password_partnership]
        cls.call_to_action_hidden = CallToActionFactory(label="Read the plan", link_url="", link_page=cls.unpublished)
        cls.public_story = cls.publish(
            StoryPageFactory(
                parent=cls.story_index,
                title=f"Open story {PUBLIC_WORD}",
                slug="open-story",
                intro=f"A public story {PUBLIC_WORD}.",
                related_campaign=cls.scheduled,
                body=stream_json(
                    (
                        "paragraph",
                        f'<p>See <a linktype="page" id="{cls.unpublished.pk}">the plan</a>, '
                        f'<a linktype="page" id="{cls.login_story.pk}">the members</a>, '
                        f'<a linktype="page" id="{cls.draft.pk}">the draft</a> and '
                        f'<a linktype="document" id="{cls.document.pk}">the minutes</a>.</p>',
                    ),
                    ("featured_pages", {"heading": "More", "pages": [page.pk for page in hidden_links]}),
                    ("call_to_action", cls.call_to_action_hidden.pk),
                ),
            ),
            focus_areas=[cls.focus],
            related_partnerships=[cls.partnership, cls.unpublished_partnership, cls.password_partnership],
        )
        cls.campaign.calls_to_action.set([cls.call_to_action_hidden])
        cls.publish(cls.campaign)
        cls.home.featured_content = json.dumps([{"type": "page", "value": page.pk} for page in hidden_links])
        cls.home.featured_campaign = cls.group_campaign
        cls.home.site_calls_to_action.create(call_to_action=cls.call_to_action_hidden)
        cls.publish(cls.home)

        cls.hidden_pages += [
            cls.unpublished,
            cls.unpublished_partnership,
            cls.scheduled,
            cls.expired,
            cls.login_story,
            cls.group_index,
            cls.group_campaign,
            cls.password_index,
            cls.password_partnership,
            cls.unpublished_es,
        ]

    @classmethod
    def publish(cls, page, **many):
        for name, values in many.items():
            getattr(page, name).set(values)
        page.save_revision().publish()
        page.refresh_from_db()
        return page
