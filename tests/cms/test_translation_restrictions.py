"""A view restriction added to a source page after translation protects its translations too."""

from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Locale, PageViewRestriction

from cms.translation.bulk import translate_tree
from tests.factories import StoryPageFactory
from tests.utils import SiteTestCase


class RestrictionTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.es = Locale.objects.get_or_create(language_code="es")[0]
        cls.story = StoryPageFactory(parent=cls.story_index, title="Secret plans", intro="Harbour secret plans.")
        cls.story.save_revision().publish()
        translate_tree(cls.home, [cls.es], publish=True)
        cls.story_es = cls.story.get_translation(cls.es)

    def set_privacy(self, page, data):
        self.login()
        response = self.client.post(reverse("wagtailadmin_pages:set_privacy", args=[page.pk]), data)
        self.assertEqual(response.status_code, 200)
        self.client.logout()

    def assertPublic(self, public):
        """The Spanish story is (or is not) served, listed, in the sitemap, the feed and search."""
        response = self.client.get(self.story_es.url)
        self.assertEqual(response.status_code, 200)
        if public:
            self.assertContains(response, "Harbour secret plans.")
        else:
            self.assertNotContains(response, "Harbour secret plans.")
            self.assertContains(response, 'type="password"')
        for url in [self.story_index.get_translation(self.es).url, "/sitemap.xml", "/es/stories/feed/"]:
            with self.subTest(url=url):
                self.assertEqual(self.story_es.url in self.client.get(url).content.decode(), public)
        search = self.client.get("/es/search/", {"query": "Secret"})
        self.assertEqual(self.story_es.url in search.content.decode(), public)

    def test_a_password_added_to_the_source_protects_the_translation_and_removing_it_frees_it(self):
        self.assertPublic(True)
        self.set_privacy(self.story, {"restriction_type": "password", "password": "harbour"})
        restriction = self.story_es.view_restrictions.get()
        self.assertEqual((restriction.restriction_type, restriction.password), ("password", "harbour"))
        self.assertPublic(False)
        response = self.client.post(
            reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, self.story_es.pk]),
            {"password": "harbour", "return_url": self.story_es.url},
        )
        self.assertRedirects(response, self.story_es.url, fetch_redirect_response=False)
        self.assertContains(self.client.get(self.story_es.url), "Harbour secret plans.")
        self.client.logout()
        self.set_privacy(self.story, {"restriction_type": "none"})
        self.assertFalse(PageViewRestriction.objects.exists())
        self.assertPublic(True)

    def test_a_changed_password_and_groups_follow(self):
        self.set_privacy(self.story, {"restriction_type": "password", "password": "harbour"})
        self.set_privacy(self.story, {"restriction_type": "password", "password": "marina"})
        self.assertEqual(self.story_es.view_restrictions.get().password, "marina")
        members = Group.objects.create(name="Members")
        self.set_privacy(self.story, {"restriction_type": "groups", "groups": [members.pk]})
        restriction = self.story_es.view_restrictions.get()
        self.assertEqual(restriction.restriction_type, "groups")
        self.assertEqual(list(restriction.groups.all()), [members])

    def test_the_translations_subtree_is_protected(self):
        self.set_privacy(self.story_index, {"restriction_type": "login"})
        self.assertEqual(self.story_index.get_translation(self.es).view_restrictions.get().restriction_type, "login")
        response = self.client.get(self.story_es.url)
        self.assertEqual(response.status_code, 302)
        self.assertNotIn(self.story_es.url, self.client.get("/sitemap.xml").content.decode())

    def test_a_restriction_on_a_translation_stays_its_own(self):
        self.set_privacy(self.story_es, {"restriction_type": "password", "password": "solo"})
        self.assertFalse(self.story.view_restrictions.exists())

    def test_deleting_the_source_page_leaves_the_translation_protected(self):
        self.set_privacy(self.story, {"restriction_type": "password", "password": "harbour"})
        self.story.delete()
        self.assertTrue(self.story_es.view_restrictions.exists())
