"""What a Spanish translator may do, page and every snippet type, through the admin and wagtail-localize's views.

Allowed in Spanish; refused in English and French: 403 from wagtail-localize's views, and from Wagtail's own edit
views the redirect to the dashboard with which the admin answers a PermissionDenied.
"""

from io import StringIO
from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from cities.models import City
from cms.translation.bulk import translate_tree
from tests.factories import (
    CampaignPageFactory,
    CityFactory,
    CityPartnershipPageFactory,
    FocusAreaFactory,
    MemberAssociationFactory,
    PartnerOrganisationFactory,
)
from tests.utils import SiteTestCase


def snippet_url(obj, action):
    return reverse(f"wagtailsnippets_{obj._meta.app_label}_{obj._meta.model_name}:{action}", args=[obj.pk])


class TranslatorMatrixTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.en = Locale.objects.get(language_code="en")
        cls.es = Locale.objects.get_or_create(language_code="es")[0]
        cls.fr = Locale.objects.get_or_create(language_code="fr")[0]
        mataro = CityFactory(name="Mataró", region="Catalonia", country="ES")
        cls.partnership = CityPartnershipPageFactory(
            parent=cls.partnership_index, city_a=CityFactory(name="Fort Lauderdale", country="US"), city_b=mataro
        )
        cls.partnership.focus_areas.set([FocusAreaFactory(name="Trade", slug="trade")])
        cls.partnership.member_associations.set(
            [MemberAssociationFactory(name="Amics de Fort Lauderdale", city=mataro)]
        )
        cls.partnership.save_revision().publish()
        cls.campaign = CampaignPageFactory(parent=cls.campaign_index)
        cls.campaign.partner_organisations.set([PartnerOrganisationFactory(name="Sister Cities International")])
        cls.campaign.calls_to_action.set([cls.call_to_action])
        cls.campaign.save_revision().publish()
        translate_tree(cls.home, [cls.es, cls.fr], publish=True)
        call_command("setup_translator_groups", stdout=StringIO())
        cls.translator = get_user_model().objects.create_user("ana", "ana@example.org", "password")
        cls.translator.groups.add(Group.objects.get(name="Translators: Español"))
        cls.sources = {
            "page": cls.partnership,
            "city": mataro,
            "member association": cls.partnership.member_associations.get(),
            "focus area": cls.partnership.focus_areas.get(),
            "partner organisation": cls.campaign.partner_organisations.get(),
            "call to action": cls.call_to_action,
        }

    def setUp(self):
        self.client.force_login(self.translator)

    def each(self, check, languages=("en", "es", "fr")):
        """check(kind, source, locale, target, allowed) for every object kind and language, each in a subTest."""
        for kind, source in self.sources.items():
            for locale in (self.en, self.es, self.fr):
                if locale.language_code not in languages:
                    continue
                target = source.get_translation(locale)
                target = target.specific if kind == "page" else target
                with self.subTest(kind=kind, language=locale.language_code):
                    check(kind, source, locale, target, locale == self.es)

    def edit_url(self, kind, obj):
        return reverse("wagtailadmin_pages:edit", args=[obj.pk]) if kind == "page" else snippet_url(obj, "edit")

    def translation(self, source, locale):
        return Translation.objects.get(source=TranslationSource.objects.get_for_instance(source), target_locale=locale)

    def test_admin_edit_view(self):
        def check(kind, _source, _locale, target, allowed):
            response = self.client.get(self.edit_url(kind, target))
            if allowed:
                self.assertEqual(response.status_code, 200)
            else:
                # Wagtail's admin answers a PermissionDenied by sending the user to the dashboard, with a message.
                self.assertRedirects(response, reverse("wagtailadmin_home"), fetch_redirect_response=False)

        self.each(check)

    def test_edit_a_string_then_publish_through_the_translation_editor(self):
        def check(kind, source, locale, target, allowed):
            translation = self.translation(source, locale)
            segment = StringSegment.objects.filter(source=translation.source).order_by("order").first()
            url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
            body = urlencode({"value": f"Traducido {kind}"})
            response = self.client.put(url, body, content_type="application/x-www-form-urlencoded")
            self.assertEqual(response.status_code, 201 if allowed else 403)
            response = self.client.post(self.edit_url(kind, target), {"action": "publish"})
            self.assertEqual(response.status_code, 302)
            target.refresh_from_db()
            field = segment.context.path
            self.assertEqual(getattr(target, field) == f"Traducido {kind}", allowed, field)

        self.each(check, languages=("es", "fr"))

    def test_english_is_refused_in_wagtail_localize_too(self):
        def check(kind, source, _locale, _target, _allowed):
            if kind == "page":
                url = reverse("wagtail_localize:submit_page_translation", args=[source.pk])
            else:
                url = reverse(
                    "wagtail_localize:submit_snippet_translation",
                    args=[source._meta.app_label, source._meta.model_name, source.pk],
                )
            self.assertEqual(self.client.get(url).status_code, 403)
            self.assertEqual(self.client.post(url, {"locales": [self.es.pk]}).status_code, 403)
            source_id = TranslationSource.objects.get_for_instance(source).pk
            url = reverse("wagtail_localize:update_translations", args=[source_id])
            self.assertEqual(self.client.get(url).status_code, 403)
            self.assertEqual(self.client.post(url, {}).status_code, 403)

        self.each(check)

    def test_po_download_and_upload(self):
        def check(_kind, source, locale, _target, allowed):
            translation = self.translation(source, locale)
            response = self.client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
            self.assertEqual(response.status_code, 200 if allowed else 403)
            po = translation.export_po()
            po[0].msgstr = "Subido"
            upload = SimpleUploadedFile("translation.po", str(po).encode(), content_type="text/x-gettext-translation")
            response = self.client.post(
                reverse("wagtail_localize:upload_pofile", args=[translation.pk]), {"file": upload, "next": "/admin/"}
            )
            self.assertEqual(response.status_code, 302 if allowed else 403)
            uploaded = StringTranslation.objects.filter(
                locale=locale, data="Subido", context__object=source.translation_key
            )
            self.assertEqual(uploaded.exists(), allowed)

        self.each(check, languages=("es", "fr"))

    def test_machine_translate(self):
        def check(_kind, source, locale, _target, allowed):
            translation = self.translation(source, locale)
            StringTranslation.objects.filter(locale=locale, context__object=source.translation_key).delete()
            response = self.client.post(
                reverse("wagtail_localize:machine_translate", args=[translation.pk]), {"next": "/admin/"}
            )
            self.assertEqual(response.status_code, 302 if allowed else 403)
            machine = StringTranslation.objects.filter(
                locale=locale, context__object=source.translation_key, translation_type="machine"
            )
            self.assertEqual(machine.exists(), allowed)

        self.each(check, languages=("es", "fr"))

    def test_preview_a_page_translation(self):
        for locale, status in [(self.es, 200), (self.fr, 403)]:
            translation = self.translation(self.partnership, locale)
            with self.subTest(language=locale.language_code):
                response = self.client.get(reverse("wagtail_localize:preview_translation", args=[translation.pk]))
                self.assertEqual(response.status_code, status)

    def test_a_snippet_through_the_plain_admin_form_once_its_translation_is_stopped(self):
        city_es = self.sources["city"].get_translation(self.es)
        translation = self.translation(self.sources["city"], self.es)
        translation.enabled = False
        translation.save()
        data = {"name": "Mataró", "region": "Cataluña", "country": "ES", "latitude": "", "longitude": ""}
        response = self.client.post(snippet_url(city_es, "edit"), data)
        self.assertEqual(response.status_code, 302)
        self.assertEqual(City.objects.get(pk=city_es.pk).region, "Cataluña")
        city_fr = self.sources["city"].get_translation(self.fr)
        response = self.client.post(snippet_url(city_fr, "edit"), {**data, "region": "Hacked"})
        self.assertRedirects(response, reverse("wagtailadmin_home"), fetch_redirect_response=False)
        self.assertNotEqual(City.objects.get(pk=city_fr.pk).region, "Hacked")
