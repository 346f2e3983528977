"""The admin's "Translate subtree" action, and `translate_tree --publish` on drafts left by an earlier run."""

from io import StringIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Locale, Page

from cms.translation.bulk import translate_object
from tests.factories import FocusAreaFactory, StoryPageFactory
from tests.utils import SiteTestCase


class TranslateSubtreeTestCase(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.es = Locale.objects.get_or_create(language_code="es")[0]
        cls.fr = Locale.objects.get_or_create(language_code="fr")[0]
        cls.trade = FocusAreaFactory(name="Trade", slug="trade")
        cls.story = StoryPageFactory(parent=cls.story_index, title="Trade mission")
        cls.story.focus_areas.set([cls.trade])
        cls.story.save_revision().publish()
        # The home page must exist in a language before its subtree can be translated into it.
        for locale in (cls.es, cls.fr):
            translate_object(cls.home, locale, publish=True)

    def url(self, page=None):
        return reverse("translate_subtree", args=[(page or self.story_index).pk])


class AdminActionTests(TranslateSubtreeTestCase):
    def test_the_button_is_in_the_page_header(self):
        self.login()
        response = self.client.get(reverse("wagtailadmin_explore", args=[self.story_index.pk]))
        self.assertContains(response, self.url())

    def test_the_form_offers_the_other_languages(self):
        self.login()
        response = self.client.get(self.url())
        self.assertEqual(response.status_code, 200)
        self.assertEqual([code for code, _label in response.context["form"].fields["languages"].choices], ["es", "fr"])

    def test_translates_the_subtree_and_its_snippets_as_drafts(self):
        self.login()
        response = self.client.post(self.url(), {"languages": ["es"], "machine": "on", "include_snippets": "on"})
        self.assertRedirects(response, reverse("wagtailadmin_explore", args=[self.story_index.pk]))
        story_es = self.story.get_translation(self.es)
        self.assertFalse(story_es.live)
        self.assertEqual(story_es.get_latest_revision_as_object().intro, "[ES] A story about a partnership.")
        self.assertEqual(self.trade.get_translation(self.es).name, "[ES] Trade")
        self.assertIsNone(self.story.get_translation_or_none(self.fr))
        message = [str(message) for message in response.wsgi_request._messages]
        self.assertEqual(
            message,
            [
                "'Stories' and its subtree translated into Spanish as drafts: "
                "3 created, 1 updated, 0 unchanged, 0 failed."
            ],
        )
        # Again: nothing changed in the source, nothing is touched.
        response = self.client.post(self.url(), {"languages": ["es"]})
        message = [str(message) for message in response.wsgi_request._messages]
        self.assertEqual(len(message), 1)
        self.assertTrue(message[0].endswith(": 0 created, 0 updated, 3 unchanged, 0 failed."), message)

    def test_bad_input_is_a_form_error(self):
        self.login()
        for data, field, error in [
            ({}, "languages", "Choose at least one language."),
            ({"languages": ["xx"]}, "languages", "Select a valid choice. xx is not one of the available choices."),
            ({"languages": ["en"]}, "languages", "Select a valid choice. en is not one of the available choices."),
        ]:
            with self.subTest(data=data):
                response = self.client.post(self.url(), data)
                self.assertEqual(response.status_code, 400)
                self.assertEqual(response.context["form"].errors, {field: [error]})
        self.assertEqual(Page.objects.filter(locale=self.es).count(), 1)

    def test_unknown_page_is_a_404(self):
        self.login()
        self.assertEqual(self.client.get(reverse("translate_subtree", args=[999999])).status_code, 404)

    def test_only_users_who_may_translate_the_tree(self):
        call_command("setup_translator_groups", stdout=StringIO())
        translator = get_user_model().objects.create_user("ana", "ana@example.org", "password")
        translator.groups.add(Group.objects.get(name="Translators: Español"))
        self.client.force_login(translator)
        # A translator cannot edit the English source: no button, and the action is refused.
        response = self.client.post(self.url(), {"languages": ["es"]})
        self.assertRedirects(response, reverse("wagtailadmin_home"), fetch_redirect_response=False)
        self.assertIsNone(self.story.get_translation_or_none(self.es))
        response = self.client.get(reverse("wagtailadmin_explore", args=[self.home.get_translation(self.es).pk]))
        self.assertNotContains(response, "translate-subtree")

    def test_anonymous_users_are_sent_to_the_login(self):
        response = self.client.post(self.url(), {"languages": ["es"]})
        self.assertEqual(response.status_code, 302)
        self.assertIn(reverse("wagtailadmin_login"), response["Location"])


class PublishExistingDraftsTests(TranslateSubtreeTestCase):
    def test_publish_publishes_drafts_an_earlier_run_left(self):
        call_command("translate_tree", str(self.story_index.pk), "es", stdout=StringIO())
        story_es = self.story.get_translation(self.es)
        self.assertFalse(story_es.live)
        out = StringIO()
        call_command("translate_tree", str(self.story_index.pk), "es", "--publish", stdout=out)
        story_es.refresh_from_db()
        self.assertTrue(story_es.live)
        self.assertTrue(self.story_index.get_translation(self.es).live)
        self.assertIn("updated   es  Trade mission (published the existing draft)", out.getvalue())
        out = StringIO()
        call_command("translate_tree", str(self.story_index.pk), "es", "--publish", stdout=out)
        self.assertIn("0 created, 0 updated,", out.getvalue())
