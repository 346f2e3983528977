"""Finding a page by its URL path (home.routing) must answer exactly as Wagtail's walk down the tree does."""

from unittest import mock

from django.core.cache import cache
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Locale, Page, Site

from home.models import BasePage
from home.routing import UNSURE, route_by_url_path
from stories.models import StoryIndexPage
from tests.cms.api_fixtures import translate
from tests.factories import (
    CampaignPageFactory,
    CityPartnershipPageFactory,
    HomePageFactory,
    StoryIndexPageFactory,
    StoryPageFactory,
)
from tests.utils import SiteTestCase


class RouteByURLPathTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.story = StoryPageFactory(parent=cls.story_index, slug="ports-tour")
        cls.partnership = CityPartnershipPageFactory(parent=cls.partnership_index)
        cls.campaign = CampaignPageFactory(parent=cls.campaign_index)
        cls.spanish = Locale.objects.create(language_code="es")
        cls.historia = translate(cls.story, cls.spanish, title="Gira por los puertos", slug="gira-puertos")

    def setUp(self):
        super().setUp()
        cache.clear()

    def request(self):
        return RequestFactory().get("/", HTTP_HOST="localhost")

    def both(self, path, language="en"):
        """(route_by_url_path's answer, Wagtail's), each on a request of its own, in `language`."""
        with translation.override(language):
            ours = route_by_url_path(self.request(), path)
            wagtails = Page.route_for_request(self.request(), path)
        return ours, wagtails

    def assertSameRoute(self, path, language="en"):
        ours, wagtails = self.both(path, language)
        self.assertIsNot(ours, UNSURE, path)
        if wagtails is None:
            self.assertIsNone(ours, path)
            return None
        self.assertEqual(
            (type(ours.page), ours.page.pk, ours.args, ours.kwargs),
            (type(wagtails.page), wagtails.page.pk, wagtails.args, wagtails.kwargs),
        )
        return ours.page

    def test_every_live_page_in_each_language_is_found_as_wagtail_finds_it(self):
        english = [self.home, self.story_index, self.story, self.partnership_index, self.partnership, self.campaign]
        spanish = list(Page.objects.filter(locale=self.spanish))
        self.assertEqual(len(spanish), 3)  # home, story index and story, copied with their parents
        for language, pages in (("en", english), ("es", spanish)):
            for page in pages:
                root = page if page.depth == 2 else page.get_ancestors().get(depth=2)
                with self.subTest(language=language, page=page.title):
                    found = self.assertSameRoute(page.url_path.removeprefix(root.url_path), language)
                    self.assertEqual(found.pk, page.pk)
                    self.assertIsInstance(found, page.specific_class)

    def test_four_queries_and_the_parents_kept_as_the_walk_keeps_them(self):
        with translation.override("en"), self.assertNumQueries(4):  # site, home, the index's row, the story
            route = route_by_url_path(self.request(), "stories/ports-tour/")
        story = route.page
        with self.assertNumQueries(0):
            self.assertEqual(story.get_parent().pk, self.story_index.pk)
            self.assertEqual(story.get_parent().get_parent().pk, self.home.pk)
            self.assertEqual(story.locale.language_code, "en")  # joined
            self.assertEqual(story.get_parent().get_parent().specific_class, type(self.home.specific))
        self.assertIsInstance(story.get_parent().get_parent(), type(self.home.specific))

    def test_page_lookups_are_not_ordered(self):
        # Each matches one row or is matched by path afterwards; an ORDER BY would only cost Django's comparison of
        # every selected column with it. The site lookup is Wagtail's own.
        with translation.override("en"), CaptureQueriesContext(connection) as captured:
            route_by_url_path(self.request(), "stories/ports-tour/")
        page_queries = [query["sql"] for query in captured if 'FROM "wagtailcore_site"' not in query["sql"]]
        self.assertEqual(len(page_queries), 3)
        for sql in page_queries:
            self.assertNotIn("ORDER BY", sql)

    def test_a_page_not_live_is_a_404_as_in_wagtail(self):
        draft = StoryPageFactory(parent=self.story_index, slug="draft", live=False)
        self.assertEqual(self.both(draft.url_path.removeprefix(self.home.url_path)), (None, None))
        self.assertEqual(self.client.get("/en/stories/draft/").status_code, 404)

    def test_a_page_below_a_page_not_live_is_served_as_in_wagtail(self):
        self.story_index.unpublish()
        self.assertSameRoute("stories/ports-tour/")
        self.assertEqual(self.client.get("/en/stories/ports-tour/").status_code, 200)

    def test_no_page_at_the_path_is_left_to_wagtail(self):
        for path in ("stories/no-such-story/", "stories/ports-tour/more/", "nowhere/"):
            with self.subTest(path=path):
                ours, wagtails = self.both(path)
                self.assertIs(ours, UNSURE)
                self.assertIsNone(wagtails)
                self.assertEqual(self.client.get(f"/en/{path}").status_code, 404)

    def test_a_root_not_live_in_the_active_language_is_left_to_wagtail(self):
        spanish_home = Page.objects.get(locale=self.spanish, depth=2)
        spanish_home.unpublish()
        ours, wagtails = self.both("stories/ports-tour/", "es")
        self.assertIs(ours, UNSURE)
        # Wagtail walks from the English home page instead, and finds the English story.
        self.assertEqual(wagtails.page.pk, self.story.pk)
        response = self.client.get("/es/stories/ports-tour/")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.context["page"].pk, self.story.pk)

    def test_a_language_the_root_has_no_translation_in_is_left_to_wagtail(self):
        ours, wagtails = self.both("stories/ports-tour/", "fr")
        self.assertIs(ours, UNSURE)
        self.assertEqual(wagtails.page.pk, self.story.pk)
        self.assertEqual(self.client.get("/fr/stories/ports-tour/").status_code, 200)

    def test_a_page_type_with_routes_of_its_own_is_left_to_wagtail(self):
        def own_route(page, request, path_components):
            return BasePage.route(page, request, path_components)

        with mock.patch.object(StoryIndexPage, "route", own_route):
            ours, wagtails = self.both("stories/ports-tour/")
        self.assertIs(ours, UNSURE)
        self.assertEqual(wagtails.page.pk, self.story.pk)

    def test_two_pages_at_one_path_are_left_to_wagtail(self):
        twin = StoryPageFactory(parent=self.partnership_index, slug="twin")
        Page.objects.filter(pk=twin.pk).update(url_path=self.story.url_path)
        ours, wagtails = self.both("stories/ports-tour/")
        self.assertIs(ours, UNSURE)
        self.assertEqual(wagtails.page.pk, self.story.pk)
        self.assertContains(self.client.get("/en/stories/ports-tour/"), self.story.title)

    def test_a_site_root_paths_cache_older_than_the_site_serves_no_other_tree(self):
        # Another process (or a lagging replica) may still hold the site root paths from before the site's root
        # page changed: Wagtail's walk starts from the new root, and so must what is served.
        Site.get_site_root_paths()
        other_home = HomePageFactory(parent=Page.get_first_root_node(), slug="other-home")
        other_index = StoryIndexPageFactory(parent=other_home, slug="stories")
        other_story = StoryPageFactory(parent=other_index, slug="ports-tour", title="Another ports tour")
        Site.objects.filter(pk=self.tree.site.pk).update(root_page=other_home)  # no signal: the cache stays as it was
        for path, expected in (("stories/ports-tour/", other_story), ("", other_home)):
            with self.subTest(path=path):
                self.assertEqual(self.assertSameRoute(path).pk, expected.pk)
                self.assertEqual(self.client.get(f"/en/{path}").context["page"].pk, expected.pk)

    def test_a_url_path_out_of_step_with_the_tree_serves_no_other_page(self):
        # url_path is Wagtail's copy of the slugs above a page; where it disagrees with the tree, the tree wins.
        elsewhere = StoryPageFactory(parent=self.partnership_index, slug="elsewhere", title="Elsewhere")
        Page.objects.filter(pk=self.story.pk).update(url_path="/moved/")
        Page.objects.filter(pk=elsewhere.pk).update(url_path=self.story.url_path)
        ours, wagtails = self.both("stories/ports-tour/")
        self.assertIs(ours, UNSURE)
        self.assertEqual(wagtails.page.pk, self.story.pk)

    def test_a_path_deeper_than_any_page_is_left_to_wagtail_at_once(self):
        with translation.override("en"), self.assertNumQueries(0):
            self.assertIs(route_by_url_path(self.request(), "a/" * 2000), UNSURE)
        self.assertEqual(self.client.get("/en/" + "a/" * 100).status_code, 404)

    def test_a_deep_page_with_long_slugs_saves_and_is_found(self):
        # Five levels of 255 CJK characters that do not repeat: a URL path of about 3,900 bytes, more than a
        # PostgreSQL B-tree index entry may hold (the index on url_path is a hash index there for this reason).
        parent, components = self.story, ["stories", "ports-tour"]
        for level in range(5):
            slug = "".join(chr(0x4E00 + (n * 7919 + level * 104729) % 20000) for n in range(255))
            parent = StoryPageFactory(parent=parent, slug=slug)
            components.append(slug)
        self.assertGreater(len(parent.url_path.encode()), 3800)
        found = self.assertSameRoute("/".join(components) + "/")
        self.assertEqual(found.pk, parent.pk)

    def test_the_page_view_serves_what_routing_found(self):
        response = self.client.get("/en/stories/ports-tour/")
        self.assertEqual(response.context["page"].pk, self.story.pk)
        self.assertContains(response, self.story.title)
        response = self.client.get("/es/stories/gira-puertos/")
        self.assertEqual(response.context["page"].pk, self.historia.pk)
        self.assertContains(response, "Gira por los puertos")
        self.assertEqual(self.client.get("/en/").context["page"].pk, self.home.pk)
        # Wagtail's own front-end URLs beside the page view still answer.
        self.assertEqual(self.client.get("/en/_util/login/").status_code, 200)
