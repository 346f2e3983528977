"""The role matrix: what each kind of user may do in the admin, wagtail-localize's views and the v3 write API.

Roles: an editor of the stories section only, a moderator (Wagtail's "Moderators" group), a Spanish translator
("Translators: Español", made by setup_translator_groups), a user who may reach the admin and nothing more, and an
anonymous visitor; in the API, each of them through a bearer token, plus revoked, unknown and inactive users' tokens.
Everything outside a role's scope is refused: Wagtail's admin answers a PermissionDenied with a redirect to the
dashboard (and a message), wagtail-localize's views with 403, the API with 403 (401 without a valid token); an
anonymous visitor is sent to the login page. Every refused write is checked to have changed nothing.

What a translator may do object by object (every snippet type, PO files, machine translation) is in
test_translator_matrix.py; this file covers the other roles and the translator's reach outside translation.
"""

import json
from io import StringIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import APIToken, Collection, GroupPagePermission, Locale, Page
from wagtail_factories import DocumentFactory

from cities.models import City
from cms.translation.bulk import translate_tree
from cms.webhooks.models import WebhookSubscription
from tests.factories import CityFactory, CityPartnershipPageFactory, StoryPageFactory
from tests.utils import SiteTestCase

OK, DENIED, LOGIN, FORBIDDEN = "ok", "denied", "login", "403"
ROLES = ["editor", "moderator", "translator", "nobody", "anonymous"]


def expect(editor, moderator, translator, nobody, anonymous=LOGIN):
    return dict(zip(ROLES, [editor, moderator, translator, nobody, anonymous], strict=True))


# Admin pages: (label, how to build the URL from the test case, expected outcome per role). GET only: a view that
# refuses the GET refuses the POST in the same dispatch (the POST cases below check that nothing changes).
ADMIN_VIEWS = [
    ("dashboard", lambda t: reverse("wagtailadmin_home"), expect(OK, OK, OK, OK)),
    # Pages: the story is in the editor's section, the partnership is not, the Spanish story is the translator's.
    ("edit story", lambda t: t.page_url("edit", t.story), expect(OK, OK, DENIED, DENIED)),
    ("edit partnership", lambda t: t.page_url("edit", t.partnership), expect(DENIED, OK, DENIED, DENIED)),
    ("edit home", lambda t: t.page_url("edit", t.home), expect(DENIED, OK, DENIED, DENIED)),
    ("edit Spanish story", lambda t: t.page_url("edit", t.story_es), expect(DENIED, OK, OK, DENIED)),
    ("add story", lambda t: t.add_url(t.story_index, "stories", "storypage"), expect(OK, OK, DENIED, DENIED)),
    (
        "add partnership",
        lambda t: t.add_url(t.partnership_index, "cities", "citypartnershippage"),
        expect(DENIED, OK, DENIED, DENIED),
    ),
    ("add under home", lambda t: t.page_url("add_subpage", t.home), expect(DENIED, OK, DENIED, DENIED)),
    ("delete story", lambda t: t.page_url("delete", t.story), expect(OK, OK, DENIED, DENIED)),
    ("delete partnership", lambda t: t.page_url("delete", t.partnership), expect(DENIED, OK, DENIED, DENIED)),
    ("unpublish story", lambda t: t.page_url("unpublish", t.story), expect(OK, OK, DENIED, DENIED)),
    ("unpublish partnership", lambda t: t.page_url("unpublish", t.partnership), expect(DENIED, OK, DENIED, DENIED)),
    ("unpublish Spanish story", lambda t: t.page_url("unpublish", t.story_es), expect(DENIED, OK, OK, DENIED)),
    ("move partnership", lambda t: t.page_url("move", t.partnership), expect(DENIED, OK, DENIED, DENIED)),
    ("copy partnership", lambda t: t.page_url("copy", t.partnership), expect(DENIED, OK, DENIED, DENIED)),
    # Snippets: the translator's groups may change Spanish snippets only; nobody else has snippet permissions.
    ("cities", lambda t: reverse("wagtailsnippets_cities_city:list"), expect(DENIED, DENIED, OK, DENIED)),
    ("add city", lambda t: reverse("wagtailsnippets_cities_city:add"), expect(DENIED, DENIED, DENIED, DENIED)),
    ("edit English city", lambda t: t.snippet_url("edit", t.city), expect(DENIED, DENIED, DENIED, DENIED)),
    ("edit Spanish city", lambda t: t.snippet_url("edit", t.city_es), expect(DENIED, DENIED, OK, DENIED)),
    ("delete Spanish city", lambda t: t.snippet_url("delete", t.city_es), expect(DENIED, DENIED, DENIED, DENIED)),
    # Images and documents: moderators have Wagtail's default collection permissions.
    ("images", lambda t: reverse("wagtailimages:index"), expect(DENIED, OK, DENIED, DENIED)),
    ("add image", lambda t: reverse("wagtailimages:add"), expect(DENIED, OK, DENIED, DENIED)),
    ("edit image", lambda t: reverse("wagtailimages:edit", args=[t.image.pk]), expect(DENIED, OK, DENIED, DENIED)),
    ("delete image", lambda t: reverse("wagtailimages:delete", args=[t.image.pk]), expect(DENIED, OK, DENIED, DENIED)),
    ("documents", lambda t: reverse("wagtaildocs:index"), expect(DENIED, OK, DENIED, DENIED)),
    (
        "delete document",
        lambda t: reverse("wagtaildocs:delete", args=[t.document.pk]),
        expect(DENIED, OK, DENIED, DENIED),
    ),
    # Settings: administrators only.
    ("users", lambda t: reverse("wagtailusers_users:index"), expect(DENIED, DENIED, DENIED, DENIED)),
    ("add user", lambda t: reverse("wagtailusers_users:add"), expect(DENIED, DENIED, DENIED, DENIED)),
    (
        "edit user",
        lambda t: reverse("wagtailusers_users:edit", args=[t.superuser.pk]),
        expect(DENIED, DENIED, DENIED, DENIED),
    ),
    ("groups", lambda t: reverse("wagtailusers_groups:index"), expect(DENIED, DENIED, DENIED, DENIED)),
    ("sites", lambda t: reverse("wagtailsites:index"), expect(DENIED, DENIED, DENIED, DENIED)),
    ("locales", lambda t: reverse("wagtaillocales:index"), expect(DENIED, DENIED, DENIED, DENIED)),
    ("redirects", lambda t: reverse("wagtailredirects:index"), expect(DENIED, DENIED, DENIED, DENIED)),
    ("webhooks", lambda t: reverse("webhooksubscription:index"), expect(DENIED, DENIED, DENIED, DENIED)),
    ("add webhook", lambda t: reverse("webhooksubscription:add"), expect(DENIED, DENIED, DENIED, DENIED)),
    (
        "edit webhook",
        lambda t: reverse("webhooksubscription:edit", args=[t.webhook.pk]),
        expect(DENIED, DENIED, DENIED, DENIED),
    ),
    ("webhook deliveries", lambda t: reverse("webhookdelivery:index"), expect(DENIED, DENIED, DENIED, DENIED)),
    ("API tokens", lambda t: reverse("wagtailusers_api_tokens:index"), expect(DENIED, DENIED, DENIED, DENIED)),
    ("add API token", lambda t: reverse("wagtailusers_api_tokens:add"), expect(DENIED, DENIED, DENIED, DENIED)),
    # wagtail-localize: submitting pages and snippets for translation, which needs its submit_translation
    # permission (refused by the admin's own check, a redirect) and, for a translator, the source's language (403
    # from cms.translation.permissions in front of its views).
    (
        "translate story",
        lambda t: reverse("wagtail_localize:submit_page_translation", args=[t.story.pk]),
        expect(DENIED, OK, FORBIDDEN, FORBIDDEN),
    ),
    (
        "translate partnership",
        lambda t: reverse("wagtail_localize:submit_page_translation", args=[t.partnership.pk]),
        expect(FORBIDDEN, OK, FORBIDDEN, FORBIDDEN),
    ),
    (
        "translate city",
        lambda t: reverse("wagtail_localize:submit_snippet_translation", args=["cities", "city", t.city.pk]),
        expect(FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN),
    ),
]


class RoleMatrixTestCase(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.es = Locale.objects.create(language_code="es")
        cls.city = CityFactory(name="Mataró", country="ES")
        cls.partnership = CityPartnershipPageFactory(
            parent=cls.partnership_index, city_a=CityFactory(name="Anderson", country="US"), city_b=cls.city
        )
        cls.partnership.save_revision().publish()
        cls.story = StoryPageFactory(parent=cls.story_index, title="A trade mission")
        cls.story.related_partnerships.set([cls.partnership])
        cls.story.save_revision().publish()
        translate_tree(cls.home, [cls.es], publish=True)
        cls.story_es = cls.story.get_translation(cls.es).specific
        cls.city_es = cls.city.get_translation(cls.es)
        cls.document = DocumentFactory(collection=Collection.get_first_root_node())
        Locale.objects.create(language_code="fr")
        cls.webhook = WebhookSubscription.objects.create(
            name="Anderson SCA", target_url="https://hooks.example.org/", secret="s3cret-s3cret"
        )
        call_command("setup_translator_groups", stdout=StringIO())

        users = get_user_model().objects
        access_admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
        story_editors = Group.objects.create(name="Story editors")
        story_editors.permissions.add(access_admin)
        for codename in ("add_page", "change_page", "publish_page"):
            GroupPagePermission.objects.create(
                group=story_editors,
                page=cls.story_index,
                permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
            )
        cls.users = {
            "editor": users.create_user("eddie", "eddie@example.org", "password"),
            "moderator": users.create_user("mona", "mona@example.org", "password"),
            "translator": users.create_user("ana", "ana@example.org", "password"),
            "nobody": users.create_user("noel", "noel@example.org", "password"),
        }
        cls.users["editor"].groups.add(story_editors)
        cls.users["moderator"].groups.add(Group.objects.get(name="Moderators"))
        cls.users["translator"].groups.add(Group.objects.get(name="Translators: Español"))
        cls.users["nobody"].user_permissions.add(access_admin)

    def client_for(self, role):
        client = Client()
        if role != "anonymous":
            client.force_login(self.users[role])
        return client

    def page_url(self, action, page):
        return reverse(f"wagtailadmin_pages:{action}", args=[page.pk])

    def add_url(self, parent, app_label, model_name):
        return reverse("wagtailadmin_pages:add", args=[app_label, model_name, parent.pk])

    def snippet_url(self, action, obj):
        return reverse(f"wagtailsnippets_{obj._meta.app_label}_{obj._meta.model_name}:{action}", args=[obj.pk])

    def outcome(self, response):
        if response.status_code == 200:
            return OK
        if response.status_code == 403:
            return FORBIDDEN
        if response.status_code == 302:
            location = response["Location"]
            if location == reverse("wagtailadmin_home"):
                return DENIED
            if location.startswith(reverse("wagtailadmin_login")):
                return LOGIN
        return f"{response.status_code} {response.get('Location', '')}"


class AdminRoleMatrixTests(RoleMatrixTestCase):
    def test_admin_views(self):
        clients = {role: self.client_for(role) for role in ROLES}
        for label, url, expected in ADMIN_VIEWS:
            for role in ROLES:
                with self.subTest(view=label, role=role):
                    self.assertEqual(self.outcome(clients[role].get(url(self))), expected[role])

    def test_refused_page_actions_change_nothing(self):
        """POSTs to the admin's page actions outside a role's scope: refused, and the page is as it was."""
        actions = [
            ("delete", {}),
            ("unpublish", {}),
            ("move_confirm", {}),
        ]
        for role in ["editor", "translator", "nobody", "anonymous"]:
            client = self.client_for(role)
            for action, data in actions:
                args = [self.partnership.pk] + ([self.story_index.pk] if action == "move_confirm" else [])
                with self.subTest(role=role, action=action):
                    response = client.post(reverse(f"wagtailadmin_pages:{action}", args=args), data)
                    self.assertEqual(self.outcome(response), LOGIN if role == "anonymous" else DENIED)
                    partnership = Page.objects.get(pk=self.partnership.pk)
                    self.assertTrue(partnership.live)
                    self.assertEqual(partnership.get_parent().pk, self.partnership_index.pk)
            with self.subTest(role=role, action="publish through the editor"):
                response = client.post(
                    self.page_url("edit", self.partnership), {"title": "Hacked", "action-publish": "1"}
                )
                self.assertEqual(self.outcome(response), LOGIN if role == "anonymous" else DENIED)
                self.assertNotEqual(Page.objects.get(pk=self.partnership.pk).title, "Hacked")

    def test_refused_settings_writes_change_nothing(self):
        for role in ["editor", "moderator", "translator", "nobody", "anonymous"]:
            client = self.client_for(role)
            refused = LOGIN if role == "anonymous" else DENIED
            with self.subTest(role=role, action="add user"):
                response = client.post(
                    reverse("wagtailusers_users:add"),
                    {
                        "username": "mallory",
                        "email": "m@example.org",
                        "password1": "x-Long-pass-1",
                        "password2": "x-Long-pass-1",
                        "is_superuser": "on",
                    },
                )
                self.assertEqual(self.outcome(response), refused)
                self.assertFalse(get_user_model().objects.filter(username="mallory").exists())
            with self.subTest(role=role, action="change a webhook's target"):
                response = client.post(
                    reverse("webhooksubscription:edit", args=[self.webhook.pk]),
                    {"name": "x", "target_url": "https://evil.example.net/", "secret": "x", "active": "on"},
                )
                self.assertEqual(self.outcome(response), refused)
                self.assertEqual(WebhookSubscription.objects.get().target_url, "https://hooks.example.org/")
            with self.subTest(role=role, action="delete a city"):
                response = client.post(self.snippet_url("delete", self.city_es))
                self.assertEqual(self.outcome(response), refused)
                self.assertTrue(City.objects.filter(pk=self.city_es.pk).exists())


# The v3 write API, for each token holder: (label, method, path, body, expected status per role).
TOKEN_ROLES = ["editor", "moderator", "translator", "nobody", "revoked", "inactive", "unknown", "none"]


def api_expect(editor, moderator, translator, nobody):
    return dict(zip(TOKEN_ROLES, [editor, moderator, translator, nobody, 401, 401, 401, 401], strict=True))


API_WRITES = [
    (
        "create a story",
        "post",
        lambda t: "/api/v3/pages/",
        lambda t: {"meta": {"type": "stories.StoryPage", "parent_id": t.story_index.pk}, "title": "New story"},
        api_expect(201, 201, 403, 403),
    ),
    (
        "create a partnership index under home",
        "post",
        lambda t: "/api/v3/pages/",
        lambda t: {"meta": {"type": "stories.StoryIndexPage", "parent_id": t.home.pk}, "title": "More stories"},
        api_expect(403, 201, 403, 403),
    ),
    (
        "create a Spanish story",
        "post",
        lambda t: "/api/v3/pages/",
        lambda t: {"meta": {"type": "stories.StoryPage", "parent_id": t.story_es.get_parent().pk}, "title": "Nueva"},
        api_expect(403, 201, 201, 403),
    ),
    (
        "edit the story",
        "patch",
        lambda t: f"/api/v3/pages/{t.story.pk}/",
        lambda t: {"title": "Changed"},
        api_expect(200, 200, 403, 403),
    ),
    (
        "edit the partnership",
        "patch",
        lambda t: f"/api/v3/pages/{t.partnership.pk}/",
        lambda t: {"title": "Changed"},
        api_expect(403, 200, 403, 403),
    ),
    (
        "edit the Spanish story",
        "patch",
        lambda t: f"/api/v3/pages/{t.story_es.pk}/",
        lambda t: {"title": "Cambiado"},
        api_expect(403, 200, 200, 403),
    ),
    (
        "publish the partnership",
        "post",
        lambda t: f"/api/v3/pages/{t.partnership.pk}/actions/publish/",
        lambda t: {},
        api_expect(403, 200, 403, 403),
    ),
    (
        "unpublish the partnership",
        "post",
        lambda t: f"/api/v3/pages/{t.partnership.pk}/actions/unpublish/",
        lambda t: {},
        api_expect(403, 200, 403, 403),
    ),
    (
        "unpublish the story",
        "post",
        lambda t: f"/api/v3/pages/{t.story.pk}/actions/unpublish/",
        lambda t: {},
        api_expect(200, 200, 403, 403),
    ),
    (
        "move the partnership",
        "post",
        lambda t: f"/api/v3/pages/{t.partnership.pk}/actions/move/",
        lambda t: {"destination_id": t.story_index.pk},
        api_expect(403, 403, 403, 403),
    ),
    (
        "move the story under home",
        "post",
        lambda t: f"/api/v3/pages/{t.story.pk}/actions/move/",
        lambda t: {"destination_id": t.home.pk},
        api_expect(403, 403, 403, 403),
    ),
    (
        "copy the partnership",
        "post",
        lambda t: f"/api/v3/pages/{t.partnership.pk}/actions/copy/",
        lambda t: {"slug": "copied"},
        api_expect(403, 201, 403, 403),
    ),
    (
        "delete the partnership",
        "delete",
        lambda t: f"/api/v3/pages/{t.partnership.pk}/",
        lambda t: None,
        api_expect(403, 204, 403, 403),
    ),
    (
        "delete the story",
        "delete",
        lambda t: f"/api/v3/pages/{t.story.pk}/",
        lambda t: None,
        api_expect(204, 204, 403, 403),
    ),
    (
        "copy the story for translation",
        "post",
        lambda t: f"/api/v3/pages/{t.partnership.pk}/actions/copy_for_translation/",
        lambda t: {"locale": "fr"},
        api_expect(403, 403, 403, 403),
    ),
    (
        "create a redirect",
        "post",
        lambda t: reverse("wagtailapi_v3:create_redirect"),
        lambda t: {"old_path": "/old-page", "redirect_link": "https://evil.example.net/"},
        api_expect(403, 403, 403, 403),
    ),
]


class APIWriteRoleMatrixTests(RoleMatrixTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.tokens = {role: APIToken.create_token(user=user, name=role)[1] for role, user in cls.users.items()}
        revoked, cls.tokens["revoked"] = APIToken.create_token(user=cls.superuser, name="revoked")
        revoked.revoked_at = timezone.now()
        revoked.save()
        inactive = get_user_model().objects.create_superuser("gone", "gone@example.org", "password", is_active=False)
        cls.tokens["inactive"] = APIToken.create_token(user=inactive, name="inactive")[1]
        cls.tokens["unknown"] = APIToken.generate_token()
        cls.tokens["none"] = None

    def call(self, role, method, path, body):
        headers = {"HTTP_AUTHORIZATION": f"Bearer {self.tokens[role]}"} if self.tokens[role] else {}
        if body is None:
            return getattr(self.client, method)(path, **headers)
        return getattr(self.client, method)(path, json.dumps(body), content_type="application/json", **headers)

    def state(self):
        """What a refused write must leave as it was."""
        pages = Page.objects.order_by("pk").values_list("pk", "title", "live", "path", "has_unpublished_changes")
        return list(pages), list(Redirect.objects.values_list("old_path", flat=True))

    def test_v3_writes(self):
        for label, method, path, body, expected in API_WRITES:
            for role in TOKEN_ROLES:
                with self.subTest(write=label, role=role), transaction.atomic():
                    before = self.state()
                    response = self.call(role, method, path(self), body(self))
                    self.assertEqual(response.status_code, expected[role], response.content[:300])
                    if response.status_code >= 400:
                        self.assertEqual(response["Content-Type"], "application/problem+json")
                        self.assertEqual(self.state(), before)
                    transaction.set_rollback(True)

    def test_a_session_never_authorises_a_write(self):
        for role in ["editor", "moderator", "translator"]:
            client = self.client_for(role)
            with self.subTest(role=role):
                response = client.patch(
                    f"/api/v3/pages/{self.story.pk}/", json.dumps({"title": "Changed"}), content_type="application/json"
                )
                self.assertEqual(response.status_code, 401)
                self.assertEqual(Page.objects.get(pk=self.story.pk).title, "A trade mission")
