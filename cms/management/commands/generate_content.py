"""generate_content: a large, realistic site for load tests and scale checks, built in bulk.

    manage.py generate_content --stories 10000 --partnerships 2000 --languages es,fr

What it makes: focus areas, cities in about 140 countries, member associations (one per city, at most 500),
partner organisations, calls to action, a pool of a dozen Pillow-drawn images that every page reuses, campaigns,
partnerships between cities of two different countries and stories with stream bodies (headings, paragraphs,
images, quotes, facts, calls to action), each story tied to partnerships, focus areas and sometimes a campaign.

Counts are targets, not increments: the command tops the generated content up to them and a second run with the
same numbers changes nothing. Generated objects are recognisable (page slugs start with `gen-`, snippets carry a
`[generated]` description or `generated` in their name), and `--reset` deletes all of them, and only them, first.

It works after `load_demo_content` (reusing its home page and section pages) and on an empty database (it then
creates the home page, the section pages and the default site).

Speed: pages are written with `bulk_create`, their tree paths computed here as treebeard would (`MP_Node`: a
4-character step per level), and the specific tables written in batches; no revision is made (the pages are
published as they are, as an import would), and the search index is updated in bulk at the end.

Translations: the home and section pages are translated through wagtail-localize
(`TranslationSource.get_or_create_from_instance` then `create_or_update_translation(locale, fallback=True)`),
so editors see ordinary wagtail-localize translations; stories, partnerships, campaigns and snippets are copied
in bulk into each language with the same `translation_key` (what wagtail-localize makes: one row per locale
sharing the key, synchronised fields copied, text fields in the target language). `--translation-mode localize`
sends every page through wagtail-localize instead: exact, but far slower (see bench/README.md for figures).
"""

import argparse
import datetime
import io
import random
import time
import uuid

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models import BigIntegerField
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.text import slugify
from django_countries import countries
from PIL import Image, ImageDraw
from wagtail.blocks import StreamValue
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry
from wagtail_localize.models import TranslationSource

from cities.models import City, CityPartnershipPage, MemberAssociation, PartnershipIndexPage
from home.models import (
    CallToAction,
    CampaignIndexPage,
    CampaignPage,
    FocusArea,
    HomePage,
    PartnerOrganisation,
)
from home.tasks import make_renditions
from stories.models import StoryIndexPage, StoryPage

PREFIX = "gen-"
MARK = "[generated]"
BATCH = 500
INDEX_BATCH = 1000
# Wagtail's search backends that keep their index in the database's IndexEntry table.
DATABASE_SEARCH_BACKENDS = ("modelsearch.backends.database.", "wagtail.search.backends.database.")
MAX_ASSOCIATIONS = 500
IMAGE_POOL = 12
COUNTRY_COUNT = 140

FOCUS_AREAS = [
    ("trade", "Trade"),
    ("culture", "Culture"),
    ("youth", "Youth exchange"),
    ("environment", "Environment"),
    ("education", "Education"),
    ("health", "Health"),
    ("sport", "Sport"),
    ("tourism", "Tourism"),
    ("technology", "Technology"),
    ("humanitarian", "Humanitarian aid"),
]
CITY_SYLLABLES = ["san", "vel", "mar", "to", "ria", "ber", "lin", "do", "ka", "mo", "nes", "por", "ta", "lu", "ve"]
ACTIVITIES = [
    "a youth orchestra exchange",
    "a trade mission",
    "a tree-planting weekend",
    "a school twinning project",
    "a joint art exhibition",
    "a medical supplies drive",
    "a marathon relay",
    "a mayors' summit",
    "a student robotics contest",
    "a food festival",
]
WORDS = {
    "en": {"story": "Story", "and": "and", "about": "About", "index": ("Stories", "Partnerships", "Campaigns")},
    "es": {"story": "Historia", "and": "y", "about": "Sobre", "index": ("Historias", "Hermanamientos", "Campañas")},
    "fr": {"story": "Récit", "and": "et", "about": "À propos de", "index": ("Récits", "Jumelages", "Campagnes")},
    "ja": {
        "story": "ストーリー",
        "and": "と",
        "about": "について",
        "index": ("ストーリー", "姉妹都市", "キャンペーン"),
    },
}


# More than any test or benchmark needs; a larger number is a typing mistake, not a wish to wait for days.
MAX_COUNT = 1_000_000


def non_negative_int(value):
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"{value!r} is negative")
    if number > MAX_COUNT:
        raise argparse.ArgumentTypeError(f"{value!r} is more than {MAX_COUNT}")
    return number


def words(language_code):
    return WORDS.get(language_code, WORDS["en"])


def block(block_type, value):
    return {"type": block_type, "value": value, "id": str(uuid.uuid4())}


class Progress:
    """A one-line progress bar written through the command's stdout (a line per step when it is not a terminal)."""

    def __init__(self, stdout, label, total, enabled=True):
        self.stdout, self.label, self.total, self.enabled = stdout, label, max(total, 1), enabled
        self.done = 0
        self.started = time.monotonic()
        self.tty = enabled and stdout.isatty()
        self.last_reported = -1

    def advance(self, count):
        self.done += count
        if not self.enabled:
            return
        percent = min(100, self.done * 100 // self.total)
        if self.tty:
            bar = "#" * (percent // 4)
            self.stdout.write(f"\r  {self.label:<28} [{bar:<25}] {percent:3d}% ({self.done}/{self.total})", ending="")
        elif percent // 25 != self.last_reported // 25 or percent == 100:
            self.stdout.write(f"  {self.label:<28} {percent:3d}% ({self.done}/{self.total})")
        self.last_reported = percent

    def finish(self):
        if self.enabled:
            if self.tty:
                self.stdout.write("")
            self.stdout.write(f"  {self.label:<28} done in {time.monotonic() - self.started:.1f}s")


class Command(BaseCommand):
    help = (
        "Generate a large site (stories, partnerships, campaigns, cities, images, translations) for load tests. "
        "Counts are targets: a second run with the same numbers changes nothing; --reset removes generated content."
    )

    def add_arguments(self, parser):
        parser.add_argument("--stories", type=non_negative_int, default=100, help="Stories to have (default 100).")
        parser.add_argument(
            "--partnerships", type=non_negative_int, default=20, help="Partnerships to have (default 20)."
        )
        parser.add_argument(
            "--languages",
            default="",
            help="Comma-separated languages to translate into, from the site's languages, e.g. es,fr.",
        )
        parser.add_argument("--reset", action="store_true", help="Delete previously generated content first.")
        parser.add_argument("--seed", type=int, default=5, help="Random seed, for repeatable content (default 5).")
        parser.add_argument(
            "--translation-mode",
            choices=["bulk", "localize"],
            default="bulk",
            help="bulk (default): copies in bulk with the same translation key; localize: wagtail-localize per page.",
        )
        parser.add_argument("--no-search-index", action="store_true", help="Skip updating the search index.")

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        self.random = random.Random(options["seed"])  # noqa: S311 (repeatable test data, not security)
        self.mode = options["translation_mode"]
        configured = [code for code, _name in settings.LANGUAGES]
        languages = [code.strip() for code in options["languages"].split(",") if code.strip()]
        unknown = [code for code in languages if code not in configured]
        if unknown:
            raise CommandError(f"Unknown language(s): {', '.join(unknown)}. Choose from: {', '.join(configured)}.")
        languages = [code for code in dict.fromkeys(languages) if code != settings.LANGUAGE_CODE]
        started = time.monotonic()

        with transaction.atomic():
            self.locale = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)[0]
            if options["reset"]:
                self.reset()
            self.section("Images and snippets")
            self.images = self.ensure_images()
            self.focus_areas = self.ensure_focus_areas()
            cities = self.ensure_cities(max(20, options["partnerships"] + 10))
            self.ensure_associations(cities)
            self.partners = self.ensure_partner_organisations()
            self.calls_to_action = self.ensure_calls_to_action()
            self.section("Site tree")
            self.home, indexes = self.ensure_tree()
            self.section("Pages")
            campaigns = self.ensure_campaigns(indexes["campaigns"], max(5, options["stories"] // 500))
            partnerships = self.ensure_partnerships(indexes["partnerships"], options["partnerships"], cities)
            self.ensure_stories(indexes["stories"], options["stories"], partnerships, campaigns)
            for code in languages:
                self.section(f"Translations: {code}")
                self.translate(Locale.objects.get_or_create(language_code=code)[0], indexes)
            # Child counts of the home and section pages in every language, recounted once at the end (pages were
            # added beside wagtail-localize's own add_child calls, each of which updates the parent it was given).
            self.fix_numchild(Page.objects.filter(depth__in=[2, 3]).values_list("path", flat=True))
        self.section("Image renditions")
        # Every size the site shows, for the pool of images every generated page uses (home.tasks).
        progress = self.progress("renditions", len(self.images))
        for image in self.images:
            progress.advance(make_renditions([image.pk]))
        progress.finish()
        if not options["no_search_index"]:
            self.section("Search index")
            self.update_search_index()
        self.analyze()
        self.stdout.write(self.style.SUCCESS(f"Generated content ready in {time.monotonic() - started:.1f}s."))
        for model in (StoryPage, CityPartnershipPage, CampaignPage, City, MemberAssociation):
            self.log(f"  {model._meta.verbose_name_plural}: {model.objects.count()}")

    def analyze(self):
        """Fresh planner statistics for the tables just filled.

        PostgreSQL's autovacuum analyzes a table only after a delay; until then the planner believes the tables are
        as small as before the load and picks plans that scan them whole (an API listing took 340 ms instead of 50
        at 10,000 stories). SQLite's ANALYZE feeds its planner the same way.
        """
        self.section("Planner statistics")
        started = time.monotonic()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        self.log(f"  ANALYZE done in {time.monotonic() - started:.1f}s")

    # Output.

    def section(self, title):
        if self.verbosity >= 1:
            self.stdout.write(self.style.MIGRATE_HEADING(title))

    def log(self, message):
        if self.verbosity >= 1:
            self.stdout.write(message)

    def progress(self, label, total):
        return Progress(self.stdout, label, total, enabled=self.verbosity >= 1)

    # Removing generated content.

    def reset(self):
        self.section("Removing generated content")
        generated = Page.objects.filter(slug__startswith=PREFIX)
        parent_paths = {path[: -Page.steplen] for path in generated.values_list("path", flat=True)}
        count, _by_model = generated.delete()
        self.fix_numchild(parent_paths)
        MemberAssociation.objects.filter(name__contains="(generated)").delete()
        City.objects.filter(region=MARK).delete()
        PartnerOrganisation.objects.filter(name__contains="(generated)").delete()
        CallToAction.objects.filter(description__startswith=MARK).delete()
        FocusArea.objects.filter(description__startswith=MARK).delete()
        get_image_model().objects.filter(title__startswith="Generated ").delete()
        self.log(f"  removed {count} rows")

    def fix_numchild(self, parent_paths):
        for parent in Page.objects.filter(path__in=parent_paths):
            numchild = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).count()
            Page.objects.filter(pk=parent.pk).update(numchild=numchild)

    # Images and snippets.

    def ensure_images(self):
        image_model = get_image_model()
        existing = list(image_model.objects.filter(title__startswith="Generated ").order_by("pk"))
        palette = [(22, 42, 74), (26, 94, 138), (38, 140, 150), (232, 106, 84), (236, 178, 62), (120, 80, 160)]
        for n in range(len(existing), IMAGE_POOL):
            picture = Image.new("RGB", (1200, 800), palette[n % len(palette)])
            draw = ImageDraw.Draw(picture)
            for step in range(8):
                colour = palette[(n + step + 1) % len(palette)]
                draw.ellipse(
                    (100 + step * 120, 150 + (step % 3) * 120, 400 + step * 120, 450 + (step % 3) * 120), colour
                )
            buffer = io.BytesIO()
            picture.save(buffer, format="JPEG", quality=80)
            image = image_model(title=f"Generated image {n + 1}", description=f"Generated illustration {n + 1}")
            image.file = ImageFile(io.BytesIO(buffer.getvalue()), name=f"generated-{n + 1}.jpg")
            image.save()
            existing.append(image)
        return existing

    def ensure_focus_areas(self):
        found = {area.slug: area for area in FocusArea.objects.filter(locale=self.locale)}
        new = [
            FocusArea(locale=self.locale, slug=slug, name=name, description=f"{MARK} Partnerships working on {name}.")
            for slug, name in FOCUS_AREAS
            if slug not in found
        ]
        FocusArea.objects.bulk_create(new)
        return list(FocusArea.objects.filter(locale=self.locale).order_by("pk"))

    def ensure_cities(self, count):
        codes = [code for code, _name in countries][:COUNTRY_COUNT]
        existing = City.objects.filter(locale=self.locale, region=MARK).count()
        new = []
        for n in range(existing, count):
            syllables = self.random.sample(CITY_SYLLABLES, 3)
            name = "".join(syllables).capitalize() + f" {n + 1}"
            new.append(
                City(
                    locale=self.locale,
                    name=name,
                    region=MARK,
                    country=codes[n % len(codes)],
                    latitude=round(self.random.uniform(-60, 70), 6),
                    longitude=round(self.random.uniform(-170, 170), 6),
                )
            )
        City.objects.bulk_create(new, batch_size=BATCH)
        return list(City.objects.filter(locale=self.locale, region=MARK).order_by("pk"))

    def ensure_associations(self, cities):
        have = set(
            MemberAssociation.objects.filter(locale=self.locale, name__contains="(generated)").values_list(
                "city_id", flat=True
            )
        )
        new = [
            MemberAssociation(
                locale=self.locale,
                name=f"Sister Cities of {city.name} (generated)",
                city=city,
                website=f"https://{slugify(city.name)}.example.org/",
            )
            for city in cities[:MAX_ASSOCIATIONS]
            if city.pk not in have
        ]
        MemberAssociation.objects.bulk_create(new, batch_size=BATCH)

    def ensure_partner_organisations(self):
        existing = list(PartnerOrganisation.objects.filter(locale=self.locale, name__contains="(generated)"))
        new = [
            PartnerOrganisation(
                locale=self.locale,
                name=f"Partner foundation {n + 1} (generated)",
                website=f"https://partner{n + 1}.example.org/",
                country="US",
                logo=self.images[n % len(self.images)],
            )
            for n in range(len(existing), 6)
        ]
        PartnerOrganisation.objects.bulk_create(new)
        return existing + new

    def ensure_calls_to_action(self):
        existing = list(CallToAction.objects.filter(locale=self.locale, description__startswith=MARK))
        new = [
            CallToAction(
                locale=self.locale,
                label=label,
                kind=kind,
                description=f"{MARK} {label} with the network.",
                link_url=f"https://act.example.org/{kind}/",
            )
            for label, kind in [("Take action", "take_action"), ("Donate", "donate")][len(existing) :]
        ]
        CallToAction.objects.bulk_create(new)
        return existing + new

    # The tree: home page and section pages.

    def ensure_tree(self):
        home = HomePage.objects.filter(depth=2, locale=self.locale).first()
        if home is None:
            root = Page.get_first_root_node()
            # Wagtail's migrations leave a "Welcome to your new Wagtail site!" page: replace it while untouched.
            welcome = (
                root.get_children()
                .filter(slug="home", content_type=ContentType.objects.get_for_model(Page), numchild=0)
                .filter(latest_revision__isnull=True)
                .first()
            )
            if welcome is not None:
                Site.objects.filter(root_page=welcome).update(root_page=root)
                welcome.delete()
            slug = "home" if not root.get_children().filter(slug="home").exists() else "twinning-home"
            home = HomePage(
                title="Twinning",
                slug=slug,
                locale=self.locale,
                hero_heading="Building peace one partnership at a time",
                hero_intro="Cities around the world, working together.",
                hero_image=self.images[0],
            )
            root.add_child(instance=home)
            home.save_revision().publish()
            self.log(f"  created the home page {home.url_path}")
        if not Site.objects.filter(is_default_site=True).exists():
            Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
        elif not Site.objects.filter(root_page__translation_key=home.translation_key).exists():
            Site.objects.filter(is_default_site=True).update(root_page=home)
        indexes = {}
        for key, model, slug, title in [
            ("campaigns", CampaignIndexPage, "campaigns", "Campaigns"),
            ("stories", StoryIndexPage, "stories", "Stories"),
            ("partnerships", PartnershipIndexPage, "partnerships", "Partnerships"),
        ]:
            index = model.objects.child_of(home).first()
            if index is None:
                index = model(title=title, slug=slug, locale=self.locale, show_in_menus=True, intro=f"All {key}.")
                home.add_child(instance=index)
                index.save_revision().publish()
                self.log(f"  created the section page {index.url_path}")
            indexes[key] = index
        return home, indexes

    # Pages in bulk.

    def next_paths(self, parent, count):
        """The tree paths of `count` new children of `parent`, after its last child, as treebeard computes them."""
        last = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).order_by("-path").first()
        start = int(last.path[-Page.steplen :], 36) if last else 0
        return [Page._get_path(parent.path, parent.depth + 1, start + n + 1) for n in range(count)]

    def bulk_pages(self, parent, model, pages, label):
        """Insert `pages` (unsaved specific instances) as live children of `parent`, in batches."""
        if not pages:
            return []
        content_type = ContentType.objects.get_for_model(model)
        now = timezone.now()
        paths = self.next_paths(parent, len(pages))
        parent_url = parent.url_path
        progress = self.progress(label, len(pages))
        created = []
        for start in range(0, len(pages), BATCH):
            chunk = pages[start : start + BATCH]
            bases = []
            for page, path in zip(chunk, paths[start : start + BATCH], strict=True):
                page.path, page.depth, page.numchild = path, parent.depth + 1, 0
                page.content_type = content_type
                page.url_path = f"{parent_url}{page.slug}/"
                page.draft_title = page.title
                page.live, page.has_unpublished_changes = True, False
                page.first_published_at = page.last_published_at = now
                page.locale_id = page.locale_id or parent.locale_id
                page.translation_key = page.translation_key or uuid.uuid4()
                base = Page(**{field.attname: getattr(page, field.attname) for field in Page._meta.concrete_fields})
                bases.append(base)
            Page.objects.bulk_create(bases)
            for page, base in zip(chunk, bases, strict=True):
                page.pk = page.id = page.page_ptr_id = base.pk
                # Only the specific table: the Page row is already there.
                page.save_base(raw=True, force_insert=True, update_fields=None)
            self.save_m2m(chunk)
            created.extend(chunk)
            progress.advance(len(chunk))
        self.fix_numchild([parent.path])
        progress.finish()
        return created

    def save_m2m(self, pages):
        """Write the ParentalManyToMany values set on `pages` as `_m2m` dicts, one bulk insert per relation."""
        rows = {}
        for page in pages:
            for name, targets in getattr(page, "_m2m", {}).items():
                rows.setdefault(name, []).extend((page.pk, target.pk) for target in targets)
        for name, pairs in rows.items():
            field = type(pages[0])._meta.get_field(name)
            through = field.remote_field.through
            source = field.m2m_field_name() + "_id"
            target = field.m2m_reverse_field_name() + "_id"
            through.objects.bulk_create(
                [through(**{source: a, target: b}) for a, b in pairs], batch_size=BATCH, ignore_conflicts=True
            )

    def existing_generated(self, parent, model):
        return model.objects.child_of(parent).filter(slug__startswith=PREFIX).count()

    def ensure_campaigns(self, index, count):
        have = self.existing_generated(index, CampaignPage)
        today = timezone.localdate()
        pages = []
        for n in range(have, count):
            start = today + datetime.timedelta(days=(n % 7 - 3) * 60)
            page = CampaignPage(
                title=f"#Twinning{2020 + n} campaign",
                slug=f"{PREFIX}campaign-{n + 1}",
                hashtag=f"#Twinning{2020 + n}",
                start_date=start,
                end_date=start + datetime.timedelta(days=45),
                intro="A month of joint events across the network.",
                hero_image=self.pick_image(),
                body=self.body("the campaign"),
            )
            page._m2m = {
                "partner_organisations": self.random.sample(self.partners, min(2, len(self.partners))),
                "calls_to_action": self.calls_to_action[:1],
            }
            pages.append(page)
        self.bulk_pages(index, CampaignPage, pages, "campaigns")
        return list(CampaignPage.objects.child_of(index).filter(slug__startswith=PREFIX).only("pk"))

    def ensure_partnerships(self, index, count, cities):
        have = self.existing_generated(index, CityPartnershipPage)
        associations = {
            association.city_id: association
            for association in MemberAssociation.objects.filter(locale=self.locale, name__contains="(generated)")
        }
        pages = []
        for n in range(have, count):
            city_a = cities[n % len(cities)]
            offset = 3
            city_b = cities[(n * 7 + offset) % len(cities)]
            while city_b.country == city_a.country:  # the model's rule: two different countries
                offset += 1
                city_b = cities[(n * 7 + offset) % len(cities)]
            page = CityPartnershipPage(
                title=f"{city_a.name} {words('en')['and']} {city_b.name}",
                slug=f"{PREFIX}partnership-{n + 1}",
                city_a=city_a,
                city_b=city_b,
                relationship_type=self.random.choice(CityPartnershipPage.RelationshipType.values),
                status=self.random.choice(CityPartnershipPage.Status.values),
                year_established=self.random.randint(1956, 2024),
                intro=f"Since its first visit, the partnership has run {self.random.choice(ACTIVITIES)}.",
                hero_image=self.pick_image(),
                body=self.body("the partnership"),
            )
            page._m2m = {
                "focus_areas": self.random.sample(self.focus_areas, 2),
                "member_associations": [associations[c.pk] for c in (city_a, city_b) if c.pk in associations],
            }
            pages.append(page)
        self.bulk_pages(index, CityPartnershipPage, pages, "partnerships")
        return list(CityPartnershipPage.objects.child_of(index).filter(slug__startswith=PREFIX).only("pk"))

    def ensure_stories(self, index, count, partnerships, campaigns):
        have = self.existing_generated(index, StoryPage)
        start_date = timezone.localdate() - datetime.timedelta(days=count)
        pages = []
        for n in range(have, count):
            activity = self.random.choice(ACTIVITIES)
            page = StoryPage(
                title=f"{words('en')['story']} {n + 1}: {activity}",
                slug=f"{PREFIX}story-{n + 1}",
                date=start_date + datetime.timedelta(days=n),
                contributor_name=self.random.choice(["Ana Ruiz", "Kenji Sato", "Claire Martin", "Sam Okafor"]),
                contributor_role="Board member",
                intro=f"How two cities organised {activity}.",
                hero_image=self.pick_image(),
                body=self.body(activity),
                related_campaign_id=self.random.choice(campaigns).pk if campaigns and n % 5 == 0 else None,
            )
            page._m2m = {
                "focus_areas": self.random.sample(self.focus_areas, 2),
                "related_partnerships": self.random.sample(partnerships, min(2, len(partnerships))),
            }
            pages.append(page)
        self.bulk_pages(index, StoryPage, pages, "stories")

    def pick_image(self):
        return self.random.choice(self.images)

    def body(self, subject):
        image = self.pick_image()
        blocks = [
            block("heading", {"text": f"About {subject}", "level": "h2"}),
            block("paragraph", f"<p>Volunteers from both cities prepared {subject} for months.</p>"),
            block(
                "image",
                {
                    "image": {"image": image.pk, "decorative": False, "alt_text": image.description},
                    "caption": "Photo: the organisers",
                },
            ),
            block("quote", {"quote": "Peace, one handshake at a time.", "attribution": "A mayor", "role": "Mayor"}),
            block(
                "facts",
                {
                    "heading": "In numbers",
                    "facts": [{"figure": str(self.random.randint(2, 900)), "label": "participants"}],
                },
            ),
        ]
        if self.calls_to_action:
            blocks.append(block("call_to_action", self.calls_to_action[0].pk))
        return blocks

    # Translations.

    def translate(self, locale, indexes):
        """The home and section pages through wagtail-localize, then everything generated in bulk (or per page)."""
        translated_parents = {}
        for page in [self.home, *indexes.values()]:
            translated_parents[page.pk] = self.localize_page(page, locale)
        self.translate_snippets(locale)
        for key, model in [("campaigns", CampaignPage), ("partnerships", CityPartnershipPage), ("stories", StoryPage)]:
            source_index = indexes[key]
            target_index = translated_parents[source_index.pk]
            done = set(
                model.objects.child_of(target_index)
                .filter(slug__startswith=PREFIX)
                .values_list("translation_key", flat=True)
            )
            sources = list(
                model.objects.child_of(source_index)
                .filter(slug__startswith=PREFIX)
                .exclude(translation_key__in=done)
                .order_by("path")
            )
            if self.mode == "localize":
                progress = self.progress(f"{key} ({locale.language_code})", len(sources))
                for source in sources:
                    self.localize_page(source, locale)
                    progress.advance(1)
                progress.finish()
            else:
                self.copy_pages(sources, model, target_index, locale, key)

    def localize_page(self, page, locale):
        translation = page.get_translation_or_none(locale)
        if translation is not None:
            return translation
        source, _created = TranslationSource.get_or_create_from_instance(page)
        translation_page, _created = source.create_or_update_translation(locale, fallback=True)
        if not translation_page.live:
            translation_page.save_revision().publish()
        return Page.objects.get(pk=translation_page.pk).specific

    def translate_snippets(self, locale):
        for model, queryset in [
            (FocusArea, FocusArea.objects.filter(locale=self.locale, description__startswith=MARK)),
            (City, City.objects.filter(locale=self.locale, region=MARK)),
        ]:
            done = set(model.objects.filter(locale=locale).values_list("translation_key", flat=True))
            copies = []
            for obj in queryset.exclude(translation_key__in=done):
                obj.pk = obj.id = None
                obj.locale = locale
                copies.append(obj)
            model.objects.bulk_create(copies, batch_size=BATCH)

    def copy_pages(self, sources, model, target_index, locale, label):
        """Copies of `sources` in `locale` under `target_index`: same translation key, text in the target language."""
        language = words(locale.language_code)
        m2m_names = [field.name for field in model._meta.get_fields() if field.many_to_many and not field.auto_created]
        m2m_values = {name: {} for name in m2m_names}
        source_ids = [source.pk for source in sources]
        for name in m2m_names:
            field = model._meta.get_field(name)
            through = field.remote_field.through
            source_column, target_column = field.m2m_field_name() + "_id", field.m2m_reverse_field_name() + "_id"
            for page_id, target_id in through.objects.filter(**{f"{source_column}__in": source_ids}).values_list(
                source_column, target_column
            ):
                m2m_values[name].setdefault(page_id, []).append(field.related_model(pk=target_id))
        copies = []
        for source in sources:
            copy = model(
                **{
                    field.attname: getattr(source, field.attname)
                    for field in model._meta.concrete_fields
                    if field.model is model and not field.primary_key
                }
            )
            copy.title = source.title.replace(words("en")["story"], language["story"]).replace(
                f" {words('en')['and']} ", f" {language['and']} "
            )
            copy.slug = source.slug
            copy.translation_key = source.translation_key
            copy.locale_id = locale.pk
            copy.listing_summary = source.listing_summary
            copy._m2m = {name: m2m_values[name].get(source.pk, []) for name in m2m_names}
            copies.append(copy)
        self.bulk_pages(target_index, model, copies, f"{label} ({locale.language_code})")

    # Search.

    def update_search_index(self):
        """Index the generated pages with the backend's bulk add, in batches, their stream fields read in bulk.

        Indexing a stream field reads the images and snippets its blocks name: Wagtail does that per page (two or
        three queries each, most of the indexing time). Here a batch's streams are converted together, so a batch
        costs the same few queries whatever its size.
        """
        backend = get_search_backend()
        for model in (CampaignPage, CityPartnershipPage, StoryPage):
            queryset = model.objects.filter(slug__startswith=PREFIX).order_by("pk")
            if type(backend).__module__.startswith(DATABASE_SEARCH_BACKENDS):
                # Pages already in the index are left as they are (generated pages never change): a second run
                # indexes nothing. Other backends are asked to index everything again.
                indexed = IndexEntry.objects.filter(content_type=ContentType.objects.get_for_model(model))
                queryset = queryset.exclude(
                    pk__in=indexed.annotate(pk_int=Cast("object_id", BigIntegerField())).values("pk_int")
                )
            total = queryset.count()
            progress = self.progress(f"index {model._meta.verbose_name_plural}", total)
            last_pk = 0
            while chunk := list(queryset.filter(pk__gt=last_pk)[:INDEX_BATCH]):
                resolve_streams_in_bulk(chunk)
                backend.add_bulk(model, chunk)
                last_pk = chunk[-1].pk
                progress.advance(len(chunk))
            progress.finish()


def resolve_streams_in_bulk(objects):
    """Convert the stream fields of `objects` (all of one model) to Python values together.

    Wagtail converts a stream's blocks of one type in one go (`bulk_to_python`: one query for all the images of a
    body). Joined into one stream, every object's blocks convert in one go, and each object gets back its own part,
    with its text for the search index worked out once (`BaseStreamBlock.get_searchable_content`).
    """
    if not objects:
        return
    for field in type(objects[0])._meta.concrete_fields:
        if not isinstance(field, StreamField):
            continue
        raw, bounds = [], []
        for obj in objects:
            data = list(getattr(obj, field.attname).raw_data)
            bounds.append((len(raw), len(raw) + len(data)))
            raw.extend(data)
        children = list(StreamValue(field.stream_block, raw, is_lazy=True))
        for obj, (start, end) in zip(objects, bounds, strict=True):
            value = [(child.block_type, child.value, child.id) for child in children[start:end]]
            value = StreamValue(field.stream_block, value, is_lazy=False)
            value.precomputed_searchable_content = field.stream_block.get_searchable_content(value)
            setattr(obj, field.attname, value)
