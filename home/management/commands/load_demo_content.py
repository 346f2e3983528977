"""Build the demo site: pages, snippets, images and an admin account, in English, then its translations.

Run it as often as you like. Each object is found by a stable key (slug and locale for pages, slug or name for
snippets, title for images) and left alone if it is already there, so a second run changes nothing and an
editor's later changes survive.

Translations go through wagtail-localize, as a translator's would: the campaign, the Fort Lauderdale–Mataró
partnership, its story, the home and section pages and the snippets get the hand-written Spanish and French of
`home.demo.translations` as manual string translations; every other page is synced with its English text. An object
already translated into a language is left alone.
"""

import html
import io
from collections import Counter, defaultdict

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand
from django.db import transaction
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site
from wagtail.utils.file import hash_filelike
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from home.demo import content, translations
from home.demo.images import IMAGES
from home.models import CallToAction, CampaignPage, FocusArea, HomePage, HomePageCallToAction, PartnerOrganisation
from home.rendition_specs import ALL_RENDITIONS
from home.tasks import make_renditions

# Only ever used on a developer's machine, and printed so they can log in; production sets its own.
DEFAULT_ADMIN_PASSWORD = "changeme-twinning"  # noqa: S105

CREATED, UPDATED, DELETED, EXISTING = "created", "updated", "deleted", "already there"
# Search-engine and listing fields a page's data may set (its Promote tab).
PROMOTE_FIELDS = ("seo_title", "search_description", "listing_summary")


class Command(BaseCommand):
    help = (
        "Create the demo site's pages, snippets, images and an admin user, and translate them into the site's other "
        "languages. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-renditions",
            action="store_true",
            help="Leave the images' renditions to the task worker (or to the first request that needs them).",
        )

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        self.tally = defaultdict(Counter)
        self.objects = {}

        with transaction.atomic():
            self.section("Languages and admin account")
            self.locale = self.ensure_locales()
            self.user = self.ensure_admin()
            self.section("Images")
            self.ensure_images()
            self.section("Snippets")
            self.ensure_snippets()
            self.section("Home and section pages")
            home, home_is_new = self.ensure_home_page()
            self.ensure_index_pages(home)
            self.section("Calls to action")
            self.ensure_calls_to_action()
            self.section("Partnerships, campaigns and stories")
            self.ensure_partnerships()
            self.ensure_campaigns()
            self.ensure_stories()
            self.section("Site")
            if home_is_new:
                self.publish_home_page(home)
            self.ensure_site(home)
            self.section("Translations")
            self.ensure_translations(home)

        if not options["no_renditions"]:
            # Every size the site shows, made now rather than by the first visitors' requests (home.tasks).
            self.section("Image renditions")
            made = make_renditions([image.pk for image in self.objects["image"].values()])
            if self.verbosity >= 1:
                self.stdout.write(f"  {made} images, {len(ALL_RENDITIONS)} sizes each")
        self.report()

    # Output.

    def section(self, title):
        if self.verbosity >= 1:
            self.stdout.write(self.style.MIGRATE_HEADING(title))

    def record(self, kind, label, status):
        self.tally[kind][status] += 1
        if self.verbosity >= 1:
            styled = {CREATED: self.style.SUCCESS, UPDATED: self.style.WARNING, DELETED: self.style.WARNING}.get(
                status, str
            )(f"{status:<13}")
            self.stdout.write(f"  {styled}  {kind}: {label}")

    def report(self):
        if self.verbosity < 1:
            return
        self.section("Summary")
        for kind, counts in self.tally.items():
            line = ", ".join(
                f"{counts[status]} {status}" for status in (CREATED, UPDATED, DELETED, EXISTING) if counts[status]
            )
            self.stdout.write(f"  {kind:<22} {line}")
        changed = sum(counts[CREATED] + counts[UPDATED] + counts[DELETED] for counts in self.tally.values())
        if changed:
            noun = "object" if changed == 1 else "objects"
            self.stdout.write(self.style.SUCCESS(f"Demo content ready: {changed} {noun} created, updated or removed."))
        else:
            self.stdout.write(self.style.SUCCESS("Demo content was already there; nothing changed."))
        admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("wagtailadmin_home")
        self.stdout.write(f"Log in to the admin at {self.style.HTTP_INFO(admin_url)}")
        self.stdout.write(f"  username: {self.user.get_username()}")
        self.stdout.write(f"  password: {self.admin_login_note}")

    # Languages and the admin account.

    def ensure_locales(self):
        default = None
        for code, _name in settings.LANGUAGES:
            locale, created = Locale.objects.get_or_create(language_code=code)
            self.record("locale", code, CREATED if created else EXISTING)
            if code == settings.LANGUAGE_CODE:
                default = locale
        return default or Locale.get_default()

    def ensure_admin(self):
        username = settings.TWINNING_DEMO_ADMIN_USERNAME
        password_from_env = settings.TWINNING_DEMO_ADMIN_PASSWORD
        user_model = get_user_model()
        user = user_model.objects.filter(**{user_model.USERNAME_FIELD: username}).first()
        if user is not None:
            self.record("admin user", username, EXISTING)
            # The password is never changed here; just say whether the default still opens the door.
            if not password_from_env and user.check_password(DEFAULT_ADMIN_PASSWORD):
                self.admin_login_note = f"{DEFAULT_ADMIN_PASSWORD} (the default: change it)"
            else:
                self.admin_login_note = "unchanged (the one you set)"
            return user
        user = user_model.objects.create_superuser(
            username=username,
            email=settings.TWINNING_DEMO_ADMIN_EMAIL,
            password=password_from_env or DEFAULT_ADMIN_PASSWORD,
        )
        self.admin_login_note = "from TWINNING_ADMIN_PASSWORD" if password_from_env else DEFAULT_ADMIN_PASSWORD
        self.record("admin user", username, CREATED)
        return user

    # Images and snippets.

    def ensure_images(self):
        image_model = get_image_model()
        found = {image.title: image for image in image_model.objects.filter(title__in=[i.title for i in IMAGES])}
        images = self.objects.setdefault("image", {})
        for demo_image in IMAGES:
            image = found.get(demo_image.title)
            created = image is None
            if created:
                data = demo_image.render()
                image = image_model(
                    title=demo_image.title,
                    description=demo_image.description,
                    file=ImageFile(io.BytesIO(data), name=demo_image.filename),
                    file_size=len(data),
                    file_hash=hash_filelike(io.BytesIO(data)),
                    uploaded_by_user=self.user,
                )
                image.save()
            images[demo_image.key] = image
            self.record("image", demo_image.title, CREATED if created else EXISTING)

    def ensure_snippets(self):
        for data in content.FOCUS_AREAS:
            self.ensure_snippet("focus_area", FocusArea, data["slug"], {"slug": data["slug"]}, data)
        for data in content.CITIES:
            lookup = {"name": data["name"], "country": data["country"]}
            self.ensure_snippet("city", apps.get_model("cities.City"), data["key"], lookup, data)
        for data in content.MEMBER_ASSOCIATIONS:
            model = apps.get_model("cities.MemberAssociation")
            self.ensure_snippet("member_association", model, data["key"], {"name": data["name"]}, data)
        for data in content.PARTNER_ORGANISATIONS:
            self.ensure_snippet("partner_organisation", PartnerOrganisation, data["key"], {"name": data["name"]}, data)

    def ensure_calls_to_action(self):
        for data in content.CALLS_TO_ACTION:
            lookup = {"kind": data["kind"], "label": data["label"]}
            self.ensure_snippet("call_to_action", CallToAction, data["key"], lookup, data)

    def ensure_snippet(self, kind, model, key, lookup, data):
        instance = model.objects.filter(locale=self.locale, **lookup).first()
        created = instance is None
        if created:
            field_names = {field.name for field in model._meta.get_fields()}
            values = {name: self.resolve_field(value) for name, value in data.items() if name in field_names}
            instance = model(locale=self.locale, **values)
            instance.full_clean()
            instance.save()
        self.objects.setdefault(kind, {})[key] = instance
        self.record(kind.replace("_", " "), str(instance), CREATED if created else EXISTING)

    # Pages.

    def ensure_home_page(self):
        home = HomePage.objects.filter(depth=2, locale=self.locale).first()
        if home is not None:
            self.objects.setdefault("page", {})["home"] = home
            self.record("page", f"{home.title} (home page)", EXISTING)
            return home, False

        root = Page.get_first_root_node()
        self.remove_wagtail_welcome_page(root)
        data = content.HOME_PAGE
        slug = data["slug"]
        if root.get_children().filter(slug=slug).exists():
            slug = "twinning-home"
        # Published at the end, once the campaign and pages it features exist, so that it has one revision.
        home = HomePage(
            title=data["title"],
            slug=slug,
            locale=self.locale,
            owner=self.user,
            live=False,
            hero_heading=data["hero_heading"],
            hero_intro=data["hero_intro"],
            hero_image=self.resolve_object(data["hero_image"]),
            listing_summary=data["listing_summary"],
        )
        root.add_child(instance=home)
        self.objects.setdefault("page", {})["home"] = home
        self.record("page", f"{home.title} (home page)", CREATED)
        return home, True

    def remove_wagtail_welcome_page(self, root):
        """Delete the "Welcome to your new Wagtail site!" page Wagtail's migrations create, if untouched."""
        welcome = (
            root.get_children()
            .filter(
                slug="home",
                content_type=ContentType.objects.get_for_model(Page),
                numchild=0,
                latest_revision__isnull=True,
            )
            .first()
        )
        if welcome is None:
            return
        # A site's root page is deleted with it; point the site at the tree's root until ours exists.
        Site.objects.filter(root_page=welcome).update(root_page=root)
        welcome.delete()
        self.record("page", "Wagtail's default welcome page, replaced by ours", DELETED)

    def publish_home_page(self, home):
        data = content.HOME_PAGE
        home.featured_campaign = self.resolve_object(data["featured_campaign"])
        home.featured_content = [{"type": "page", "value": self.resolve(ref)} for ref in data["featured_content"]]
        home.site_calls_to_action = [
            HomePageCallToAction(call_to_action=self.resolve_object(ref), sort_order=index)
            for index, ref in enumerate(data["site_calls_to_action"])
        ]
        home.save_revision(user=self.user, log_action=True).publish(user=self.user)

    def ensure_index_pages(self, home):
        for data in content.INDEX_PAGES:
            self.ensure_page(home, apps.get_model(data["model"]), data, fields=["intro", "show_in_menus"])

    def ensure_partnerships(self):
        self.ensure_pages(
            self.objects["page"]["partnerships"],
            apps.get_model("cities.CityPartnershipPage"),
            content.PARTNERSHIPS,
            fields=["city_a", "city_b", "relationship_type", "status", "year_established", "intro", "hero_image"],
            m2m=["focus_areas", "member_associations"],
        )

    def ensure_campaigns(self):
        self.ensure_pages(
            self.objects["page"]["campaigns"],
            CampaignPage,
            content.CAMPAIGNS,
            fields=["hashtag", "start_date", "end_date", "intro", "hero_image"],
            m2m=["partner_organisations", "calls_to_action"],
        )

    def ensure_stories(self):
        self.ensure_pages(
            self.objects["page"]["stories"],
            apps.get_model("stories.StoryPage"),
            content.STORIES,
            fields=[
                "date",
                "contributor_name",
                "contributor_role",
                "original_url",
                "intro",
                "hero_image",
                "related_campaign",
            ],
            m2m=["focus_areas", "related_partnerships"],
        )

    def ensure_pages(self, parent, model, items, *, fields, m2m):
        for data in items:
            self.ensure_page(parent, model, data, fields=fields, m2m=m2m)

    def ensure_page(self, parent, model, data, *, fields, m2m=()):
        """Find the page by slug and locale under `parent`, or create and publish it."""
        page = Page.objects.child_of(parent).filter(slug=data["slug"], locale=self.locale).specific().first()
        created = page is None
        if created:
            values = {name: self.resolve_field(data.get(name)) for name in fields}
            values.update({name: data[name] for name in PROMOTE_FIELDS if name in data})
            page = model(title=data["title"], slug=data["slug"], locale=self.locale, owner=self.user, **values)
            for name in m2m:
                setattr(page, name, [self.resolve_object(ref) for ref in data[name]])
            if "body" in data:
                stream_block = model._meta.get_field("body").stream_block
                # Cleaning checks the demo copy against the blocks' own rules: lengths, alt text, page types.
                page.body = stream_block.clean(stream_block.to_python(self.resolve(data["body"])))
            parent.add_child(instance=page)
            page.save_revision(user=self.user, log_action=True).publish(user=self.user)
        self.objects.setdefault("page", {})[data["key"]] = page
        # url_path starts with the home page's slug, which is not part of the page's address.
        path = "/" + page.url_path.strip("/").partition("/")[2] + "/"
        self.record("page", f"{page.title} ({path})", CREATED if created else EXISTING)
        return page

    def ensure_site(self, home):
        site = (
            Site.objects.filter(is_default_site=True).first()
            or Site.objects.filter(hostname="localhost", port=80).first()
        )
        if site is None:
            site = Site.objects.create(
                hostname="localhost",
                port=80,
                site_name=settings.WAGTAIL_SITE_NAME,
                root_page=home,
                is_default_site=True,
            )
            self.record("site", str(site), CREATED)
            return
        changed = []
        if site.root_page_id != home.pk:
            site.root_page = home
            changed.append("root_page")
        if not site.is_default_site:
            site.is_default_site = True
            changed.append("is_default_site")
        if changed:
            site.save(update_fields=changed)
            self.record("site", f"{site} ({', '.join(changed)})", UPDATED)
        else:
            self.record("site", str(site), EXISTING)

    # Translations.

    def ensure_translations(self, home):
        """Every snippet, then every page from the home page down, in each of the site's other languages."""
        locales = [
            Locale.objects.get_or_create(language_code=code)[0]
            for code, _name in settings.LANGUAGES
            if code != self.locale.language_code
        ]
        snippets = [
            snippet
            # Cities before the member associations that point at them.
            for kind in ("focus_area", "city", "member_association", "partner_organisation", "call_to_action")
            for snippet in self.objects.get(kind, {}).values()
        ]
        pages = list(Page.objects.descendant_of(home, inclusive=True).filter(locale=self.locale).order_by("path"))
        hand_translated = {self.objects["page"][key].pk for key in translations.HAND_TRANSLATED_PAGES}
        for locale in locales:
            for obj in snippets + pages:
                if obj.get_translation_or_none(locale) is not None:
                    self.record("translation", f"{obj} ({locale.language_code})", EXISTING)
                    continue
                by_hand = not isinstance(obj, Page) or obj.pk in hand_translated
                self.translate(obj.specific if isinstance(obj, Page) else obj, locale, by_hand)

    def translate(self, obj, locale, by_hand):
        """Create the translation of `obj` through wagtail-localize, with the hand-written strings if `by_hand`."""
        source, _created = TranslationSource.get_or_create_from_instance(obj)
        Translation.objects.get_or_create(source=source, target_locale=locale)
        written = translations.TRANSLATIONS.get(locale.language_code, {}) if by_hand else {}
        translated = 0
        for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
            text = written.get(html.unescape(segment.string.data))
            if text is None:
                continue
            StringTranslation.objects.get_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={
                    "data": html.escape(text, quote=False),
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                    "last_translated_by": self.user,
                },
            )
            translated += 1
        if isinstance(obj, Page):
            # Published now rather than on commit (wagtail-localize's way): the pages below need a live parent.
            translation, _created = source.create_or_update_translation(
                locale, user=self.user, publish=False, fallback=True
            )
            translation.get_latest_revision().publish(user=self.user)
        else:
            source.create_or_update_translation(locale, user=self.user, fallback=True)
        how = f"{translated} strings translated by hand" if translated else "synced with the English text"
        self.record("translation", f"{obj} ({locale.language_code}, {how})", CREATED)

    # References from the content module to objects made earlier in the run.

    def resolve_object(self, ref):
        if ref is None:
            return None
        return self.objects[ref.kind][ref.key]

    def resolve_field(self, value):
        """A model field's value: a Ref becomes the object it names, anything else is used as it is."""
        return self.resolve_object(value) if isinstance(value, content.Ref) else value

    def resolve(self, value):
        """`value` with every Ref replaced by the id of the object it names, as stream blocks store them."""
        if isinstance(value, content.Ref):
            return self.resolve_object(value).pk
        if isinstance(value, dict):
            return {key: self.resolve(item) for key, item in value.items()}
        if isinstance(value, list):
            return [self.resolve(item) for item in value]
        return value
