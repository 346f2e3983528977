"""Serving a page in fewer queries must not change who sees what: view restrictions, routing, body images."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from home.query import has_view_restrictions, view_restrictions_for
from stories.models import StoryPage
from tests.factories import ImageFactory, StoryIndexPageFactory, StoryPageFactory, stream_json
from tests.utils import SiteTestCase, count_queries


def image_blocks(images):
    return stream_json(
        *[
            ("image", {"image": {"image": image.pk, "decorative": False, "alt_text": "A"}, "caption": f"Photo {n}"})
            for n, image in enumerate(images)
        ]
    )


class BodyImageQueryTests(SiteTestCase):
    def measure(self, story):
        self.client.get(story.url)  # makes the renditions
        return count_queries(self.client, story.url)[0]

    def test_eight_image_blocks_cost_the_same_as_one(self):
        one = StoryPageFactory(parent=self.story_index, body=image_blocks([ImageFactory()]))
        eight = StoryPageFactory(parent=self.story_index, body=image_blocks([ImageFactory() for _ in range(8)]))
        self.assertEqual(self.measure(one), self.measure(eight))
        response = self.client.get(eight.url)
        self.assertContains(response, "<figure", count=8)
        self.assertContains(response, "width-1200", count=8)

    def test_the_same_image_twice_renders_twice(self):
        image = ImageFactory()
        story = StoryPageFactory(parent=self.story_index, body=image_blocks([image, image]))
        self.client.get(story.url)
        response = self.client.get(story.url)
        self.assertContains(response, "width-1200", count=2)


class ViewRestrictionTests(SiteTestCase):
    def test_restrictions_of_page_and_ancestors(self):
        story = StoryPageFactory(parent=self.story_index)
        other = StoryPageFactory(parent=self.story_index)
        on_index = PageViewRestriction.objects.create(page=self.story_index, restriction_type="login")
        on_story = PageViewRestriction.objects.create(page=story, restriction_type="password", password="x")
        PageViewRestriction.objects.create(page=self.partnership_index, restriction_type="login")
        page = Page.objects.get(pk=story.pk)
        with self.assertNumQueries(1):
            found = set(view_restrictions_for(page))
        self.assertEqual(found, {on_index, on_story})
        self.assertEqual(found, set(Page.get_view_restrictions(page)))
        self.assertEqual(set(view_restrictions_for(Page.objects.get(pk=other.pk))), {on_index})

    def test_an_alias_takes_the_restrictions_of_its_original(self):
        story = StoryPageFactory(parent=self.story_index)
        restriction = PageViewRestriction.objects.create(page=story, restriction_type="login")
        alias = story.create_alias(update_slug="the-alias")
        self.assertEqual(set(view_restrictions_for(alias)), {restriction})
        self.assertEqual(set(view_restrictions_for(alias)), set(Page.get_view_restrictions(alias)))

    def test_a_restricted_story_is_neither_served_nor_listed(self):
        public = StoryPageFactory(parent=self.story_index, title="Open story")
        private = StoryPageFactory(parent=self.story_index, title="Members-only story")
        PageViewRestriction.objects.create(page=private, restriction_type="password", password="secret")
        cache.clear()
        response = self.client.get(private.url)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, 'name="password"')
        self.assertNotContains(response, "A story about a partnership.")
        listing = self.client.get(self.story_index.url)
        self.assertContains(listing, "Open story")
        self.assertNotContains(listing, "Members-only story")
        self.assertEqual(list(StoryPage.objects.public().order_by("pk")), [StoryPage.objects.get(pk=public.pk)])
        self.assertEqual(list(StoryPage.objects.not_public()), [StoryPage.objects.get(pk=private.pk)])

    def test_a_restricted_section_hides_its_pages(self):
        story = StoryPageFactory(parent=self.story_index)
        PageViewRestriction.objects.create(page=self.story_index, restriction_type="login")
        self.assertFalse(StoryPage.objects.public().filter(pk=story.pk).exists())
        response = self.client.get(story.url)
        self.assertEqual(response.status_code, 302)
        self.assertIn("/login/", response["Location"])


class RoutingTests(SiteTestCase):
    def test_unknown_and_draft_pages_are_404(self):
        StoryPageFactory(parent=self.story_index, slug="a-draft", live=False)
        self.assertEqual(self.client.get(self.story_index.url + "a-draft/").status_code, 404)
        self.assertEqual(self.client.get(self.story_index.url + "no-such-story/").status_code, 404)
        self.assertEqual(self.client.get(self.story_index.url + "a-draft/deeper/").status_code, 404)

    def test_a_child_of_an_unexpected_type_is_still_served(self):
        # Page-type rules stop editors, not code; the general path serves such a child.
        odd = StoryPageFactory(parent=self.partnership_index, title="Odd one", slug="odd-one")
        response = self.client.get(odd.url)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Odd one")


class RoutedViewRestrictionTests(SiteTestCase):
    """Routing reads whether a page has view restrictions with the page; Wagtail's check then needs no query of its own
    for a public page, and must still stop every restricted one."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.open_story = StoryPageFactory(parent=cls.story_index, slug="open")
        cls.locked_story = StoryPageFactory(parent=cls.story_index, slug="locked")
        PageViewRestriction.objects.create(page=cls.locked_story, restriction_type="password", password="x")
        cls.alias_of_locked = cls.locked_story.create_alias(update_slug="alias-of-locked")
        cls.members = StoryIndexPageFactory(parent=cls.home, slug="members")
        PageViewRestriction.objects.create(page=cls.members, restriction_type="login")
        cls.members_story = StoryPageFactory(parent=cls.members, slug="inside")
        # An alias of the members' section, and its children with it: restricted through their original.
        cls.mirror = cls.members.create_alias(recursive=True, update_slug="mirror")
        # A restriction on an alias itself, which Wagtail ignores (an alias has its original's restrictions).
        cls.alias_of_open = cls.open_story.create_alias(update_slug="alias-of-open")
        PageViewRestriction.objects.create(page=cls.alias_of_open, restriction_type="login")

    def setUp(self):
        super().setUp()
        cache.clear()

    def test_the_annotation_says_what_wagtail_finds_for_every_page(self):
        annotated = dict(Page.objects.annotate(restricted=has_view_restrictions()).values_list("pk", "restricted"))
        self.assertEqual(set(annotated.values()), {True, False})
        for page in Page.objects.all():
            with self.subTest(page=page.url_path):
                self.assertEqual(annotated[page.pk], Page.get_view_restrictions(page).exists())

    def test_a_public_page_is_served_without_a_restrictions_query(self):
        with CaptureQueriesContext(connection) as captured:
            response = self.client.get(self.open_story.url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            [query["sql"] for query in captured if query["sql"].startswith('SELECT "wagtailcore_pageviewrestriction"')],
            [],
        )

    def test_every_restricted_page_still_asks(self):
        for page, expected in (
            (self.locked_story, "password"),
            (self.alias_of_locked, "password"),
            (self.members, "login"),
            (self.members_story, "login"),
            (self.mirror, "login"),
            (Page.objects.get(alias_of=self.members_story), "login"),
        ):
            with self.subTest(page=page.url_path):
                response = self.client.get(page.url)
                if expected == "password":
                    self.assertContains(response, 'name="password"')
                else:
                    self.assertEqual(response.status_code, 302)
                    self.assertIn("login", response["Location"])
        self.assertEqual(self.client.get(self.alias_of_open.url).status_code, 200)
