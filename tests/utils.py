"""Helpers shared by the tests: a site tree, stream data in both the stored and the admin-form shape."""

import re
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.text import slugify
from modelcluster.models import get_all_child_relations
from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail_localize.fields import SynchronizedField, TranslatableField, get_translatable_fields

from home.blocks import RICH_TEXT_FEATURES

from .factories import (
    CallToActionFactory,
    CampaignIndexPageFactory,
    HomePageFactory,
    ImageFactory,
    PartnershipIndexPageFactory,
    StoryIndexPageFactory,
    stream_json,
)


@dataclass
class SiteTree:
    site: Site
    home: Page
    campaign_index: Page
    story_index: Page
    partnership_index: Page


def build_site_tree(**home_kwargs):
    """Root -> HomePage (the default site's root) -> the three index pages.

    Wagtail's migration leaves a welcome page and a site pointing at it; they are replaced so that the test site
    looks like the real one.
    """
    root = Page.get_first_root_node()
    for page in root.get_children():
        page.delete()
    Site.objects.all().delete()
    home = HomePageFactory(parent=root, **home_kwargs)
    site = Site.objects.create(
        hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Twinning"
    )
    return SiteTree(
        site=site,
        home=home,
        campaign_index=CampaignIndexPageFactory(parent=home),
        story_index=StoryIndexPageFactory(parent=home),
        partnership_index=PartnershipIndexPageFactory(parent=home),
    )


def create_superuser(username="editor"):
    return get_user_model().objects.create_superuser(username, f"{username}@example.org", "password")


def body_stream(image, call_to_action, word="partnership"):
    """A body with one block of every kind an editor commonly uses, in the stored (JSON) shape."""
    return stream_json(
        ("heading", {"text": f"About the {word}", "level": "h2"}),
        ("paragraph", f"<p>The {word} began with a <b>visit</b>.</p>"),
        ("image", {"image": {"image": image.pk, "decorative": False, "alt_text": "Mayors"}, "caption": "The signing"}),
        ("quote", {"quote": "Peace, one handshake at a time.", "attribution": "A mayor", "role": "Mayor"}),
        ("call_to_action", call_to_action.pk),
        ("facts", {"heading": "In numbers", "facts": [{"figure": "1956", "label": "founded"}]}),
    )


def body_form_data(image, call_to_action, word="partnership"):
    """The same body as the page editor posts it (for nested_form_data)."""
    return streamfield(
        [
            ("heading", {"text": f"About the {word}", "level": "h2"}),
            ("paragraph", rich_text(f"<p>The {word} began with a <b>visit</b>.</p>", features=RICH_TEXT_FEATURES)),
            (
                "image",
                {"image": {"image": str(image.pk), "decorative": "", "alt_text": "Mayors"}, "caption": "The signing"},
            ),
            ("quote", {"quote": "Peace, one handshake at a time.", "attribution": "A mayor", "role": "Mayor"}),
            ("call_to_action", str(call_to_action.pk)),
            (
                "facts",
                {
                    "heading": "In numbers",
                    "facts": {
                        "count": "2",
                        "0": {"value": {"figure": "1956", "label": "founded"}, "deleted": "", "order": "0"},
                        "1": {"value": {"figure": "60+", "label": "partnerships"}, "deleted": "", "order": "1"},
                    },
                },
            ),
        ]
    )


def page_form_data(title, many=None, publish=False, **fields):
    """Admin page-form data: the title, its slug, an empty comments formset and `fields` (nested).

    `publish` presses Publish rather than Save draft. `many` maps multiple-choice field names to lists of ids
    (nested_form_data would number a list's items).
    """
    fields.setdefault("slug", slugify(title))
    data = nested_form_data({"title": title, "comments": inline_formset([]), **fields})
    for name, values in (many or {}).items():
        data[name] = [str(value) for value in values]
    if publish:
        data["action-publish"] = "action-publish"
    return data


def count_queries(client, url):
    """The number of queries an anonymous GET of `url` makes with a cold cache; the response must be a 200."""
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(queries), [query["sql"] for query in queries.captured_queries]


class SiteTestCase(WagtailPageTestCase):
    """A WagtailPageTestCase with the site tree, an image, a call to action and a superuser, made once per class."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.tree = build_site_tree()
        cls.home = cls.tree.home
        cls.campaign_index = cls.tree.campaign_index
        cls.story_index = cls.tree.story_index
        cls.partnership_index = cls.tree.partnership_index
        cls.image = ImageFactory()
        cls.call_to_action = CallToActionFactory(label="Donate", kind="donate", link_url="https://give.example.org/")
        cls.superuser = create_superuser()

    def login(self):
        self.client.force_login(self.superuser)

    def assertPreviewRenders(self, page, post_data, contains=None):
        """assertPageIsPreviewable, then the preview itself must render with a 200 (Wagtail only checks the POST)."""
        self.assertPageIsPreviewable(page, post_data=post_data)
        self.login()
        url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
        self.client.post(url, post_data)
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        if contains:
            self.assertContains(response, contains)
        return response

    def assertNewPagePreviewRenders(self, parent, model, post_data, contains):
        """The preview of a page that has never been saved (the editor presses Preview on the create form)."""
        self.login()
        url = reverse(
            "wagtailadmin_pages:preview_on_add", args=[model._meta.app_label, model._meta.model_name, parent.pk]
        )
        response = self.client.post(url, post_data)
        self.assertJSONEqual(response.content.decode(), {"is_valid": True, "is_available": True})
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, contains)


class QueryBudgetMixin:
    """Pins the queries an anonymous page view makes, and shows the number does not grow with the items shown."""

    def measure(self, url):
        # A first view makes the image renditions; the measured one is a cold-cache view of a site in use.
        self.client.get(url)
        return count_queries(self.client, url)

    def assertQueryBudget(self, url, add_items, budget, shows=None):
        """`add_items(n)` adds n items to what `url` shows; `shows(response)` checks the 15 are really shown."""
        add_items(5)
        few, few_sql = self.measure(url)
        add_items(10)
        many, many_sql = self.measure(url)
        few_shapes = [re.sub(r"\d+", "N", sql) for sql in few_sql]
        many_shapes = [re.sub(r"\d+", "N", sql) for sql in many_sql]
        repeated = sorted({sql for sql in many_shapes if many_shapes.count(sql) > few_shapes.count(sql)})
        self.assertEqual(
            few, many, f"{url} makes more queries with 15 items than with 5; extra:\n" + "\n".join(repeated)
        )
        cache.clear()
        with self.assertNumQueries(budget):
            response = self.client.get(url)
        if shows:
            shows(response)


# The Page fields an editor writes; Wagtail's own machinery (paths, publishing dates, locks) is not content.
PAGE_CONTENT_FIELDS = {"title", "slug", "seo_title", "search_description", "show_in_menus"}


def content_field_names(model):
    """Every field an editor can fill in on `model`, child relations (inline panels) included."""
    names = set()
    for field in model._meta.get_fields():
        if field.auto_created or not (field.concrete or field.many_to_many) or not field.editable:
            continue
        if field.model is Page and field.name not in PAGE_CONTENT_FIELDS:
            continue
        if field.name in {"locale", "translation_key"}:
            continue
        names.add(field.name)
    names.update(
        relation.get_accessor_name()
        for relation in get_all_child_relations(model)
        if relation.field.remote_field.model is not Page  # such as Wagtail's comments
    )
    return names


def translatable_field_list(model):
    """`get_translatable_fields(model)` as (field name, "translatable" or "synchronized") pairs, in order."""
    kinds = {TranslatableField: "translatable", SynchronizedField: "synchronized"}
    return [(field.field_name, kinds[type(field)]) for field in get_translatable_fields(model)]
