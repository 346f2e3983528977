"""A backup restored into a fresh database gives the same API output, page by page, in every language.

The site (pages translated into Spanish and French with their snippets, an image with renditions) is committed
(TransactionTestCase), read through API v2 and v3, backed up with `backup_site`, restored with `restore_site
--database` into a new database (PostgreSQL: pg_dump/pg_restore; SQLite: its online backup), and read again by a
separate process whose DATABASE_URL is the restored database and whose MEDIA_ROOT is the restored media.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import uuid
from io import StringIO
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import TransactionTestCase
from wagtail.models import Locale, Page

from cms.translation.bulk import translate_tree
from tests.cms.api_fixtures import LeavesMigrationDataMixin
from tests.conftest import require_service
from tests.factories import (
    CallToActionFactory,
    CampaignPageFactory,
    CityFactory,
    CityPartnershipPageFactory,
    FocusAreaFactory,
    ImageFactory,
    StoryPageFactory,
)
from tests.utils import body_stream, build_site_tree

BASE_DIR = Path(__file__).resolve().parent.parent.parent
SNIPPETS = ["cities", "member-associations", "focus-areas", "partner-organisations", "calls-to-action"]

READ_SCRIPT = """
import json, sys
import django
django.setup()
from django.test import Client, override_settings
urls, media_root = json.loads(sys.argv[1]), sys.argv[2]
with override_settings(MEDIA_ROOT=media_root):
    client = Client()
    answers = {url: client.get(url) for url in urls}
    print(json.dumps({url: [response.status_code, response.json()] for url, response in answers.items()}))
"""


def api_urls():
    urls = []
    for language in ("en", "es", "fr"):
        urls += [f"/api/v2/pages/?locale={language}&limit=100", f"/api/v3/pages/?locale={language}&limit=100"]
        urls += [f"/api/v2/{name}/?locale={language}" for name in SNIPPETS]
        urls += [f"/api/v3/snippets/{name}/?locale={language}" for name in SNIPPETS]
    for page_id in Page.objects.filter(depth__gt=1).order_by("pk").values_list("pk", flat=True):
        urls += [f"/api/v2/pages/{page_id}/", f"/api/v3/pages/{page_id}/"]
    return urls + ["/api/v2/images/", "/api/v2/documents/"]


class BackupRestoreTests(LeavesMigrationDataMixin, TransactionTestCase):
    def setUp(self):
        cache.clear()
        if connection.vendor == "postgresql" and not (shutil.which("pg_dump") and shutil.which("pg_restore")):
            require_service("Backups on PostgreSQL need pg_dump and pg_restore (PostgreSQL's client tools)")
        tree = build_site_tree()
        image = ImageFactory()
        call_to_action = CallToActionFactory(label="Donate", kind="donate", link_url="https://give.example.org/")
        es_city = CityFactory(name="Mataró", country="ES")
        partnership = CityPartnershipPageFactory(
            parent=tree.partnership_index, city_a=CityFactory(name="Anderson", country="US"), city_b=es_city
        )
        partnership.focus_areas.set([FocusAreaFactory(name="Trade", slug="trade")])
        partnership.save_revision().publish()
        campaign = CampaignPageFactory(parent=tree.campaign_index, title="Sister City Sunday")
        campaign.calls_to_action.set([call_to_action])
        campaign.save_revision().publish()
        story = StoryPageFactory(
            parent=tree.story_index, title="A trade mission", hero_image=image, body=body_stream(image, call_to_action)
        )
        story.related_partnerships.set([partnership])
        story.save_revision().publish()
        es = Locale.objects.create(language_code="es")
        fr = Locale.objects.create(language_code="fr")
        translate_tree(tree.home, [es, fr], publish=True)
        self.work = Path(tempfile.mkdtemp(prefix="twinning-backup-test-"))
        self.addCleanup(shutil.rmtree, self.work, ignore_errors=True)

    def read(self, urls):
        return {url: [response.status_code, response.json()] for url in urls for response in [self.client.get(url)]}

    def read_in_another_process(self, database_url, urls, media_root):
        environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.test", "DATABASE_URL": database_url}
        result = subprocess.run(  # noqa: S603
            [sys.executable, "-c", READ_SCRIPT, json.dumps(urls), str(media_root)],
            cwd=BASE_DIR,
            env=environment,
            capture_output=True,
            text=True,
            timeout=300,
        )
        self.assertEqual(result.returncode, 0, result.stderr[-3000:])
        return json.loads(result.stdout.strip().splitlines()[-1])

    def restored_database(self):
        """A new database's name (or file) and the DATABASE_URL that reaches it; dropped after the test."""
        db = connection.settings_dict
        if connection.vendor == "postgresql":
            name = f"twin_restore_{uuid.uuid4().hex[:12]}"
            self.addCleanup(
                subprocess.run,
                [
                    "dropdb",
                    "--if-exists",
                    "-h",
                    db["HOST"] or "127.0.0.1",
                    "-p",
                    str(db["PORT"] or 5432),
                    "-U",
                    db["USER"] or "postgres",
                    name,
                ],  # fmt: skip
                capture_output=True,
                check=False,
            )
            password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
            host = f"{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
            return name, f"postgres://{db['USER'] or 'postgres'}{password}@{host}/{name}"
        path = self.work / "restored.sqlite3"
        return str(path), f"sqlite:///{path}"

    def test_a_restored_backup_gives_identical_api_output(self):
        urls = api_urls()
        self.assertGreater(len([url for url in urls if url.startswith("/api/v3/pages/") and "?" not in url]), 15)
        before = self.read(urls)
        self.assertEqual({status for status, _body in before.values()}, {200})
        self.assertEqual(
            sorted({page["meta"]["locale"] for page in before["/api/v2/pages/?locale=es&limit=100"][1]["items"]}),
            ["es"],
        )
        originals = sorted(
            str(path.relative_to(settings.MEDIA_ROOT))
            for path in Path(settings.MEDIA_ROOT).rglob("*")
            if path.is_file()
        )
        self.assertTrue(any(name.startswith("images/") for name in originals), originals)

        out = StringIO()
        call_command("backup_site", output=str(self.work / "backups"), stdout=out)
        folder = next((self.work / "backups").iterdir())
        self.assertEqual(out.getvalue().splitlines()[-1], f"Backup written to {folder}")
        manifest = json.loads((folder / "manifest.json").read_text())
        dump = "database.dump" if connection.vendor == "postgresql" else "database.sqlite3"
        self.assertEqual(sorted(manifest["files"]), sorted([dump, "media.tar.gz"]))

        name, database_url = self.restored_database()
        media_root = self.work / "restored-media"
        out = StringIO()
        call_command("restore_site", str(folder), database=name, media_root=str(media_root), stdout=out)
        self.assertIn(f"{len(originals)} media files restored.", out.getvalue())
        restored = sorted(str(path.relative_to(media_root)) for path in media_root.rglob("*") if path.is_file())
        self.assertEqual(restored, originals)

        after = self.read_in_another_process(database_url, urls, media_root)
        for url in urls:
            with self.subTest(url=url):
                self.assertEqual(after[url], before[url])


class BackupRefusedTests(LeavesMigrationDataMixin, TransactionTestCase):
    def setUp(self):
        self.work = Path(tempfile.mkdtemp(prefix="twinning-backup-test-"))
        self.addCleanup(shutil.rmtree, self.work, ignore_errors=True)

    def test_a_damaged_or_missing_backup_is_refused(self):
        with self.assertRaisesMessage(CommandError, "is not a backup: no readable manifest.json"):
            call_command("restore_site", str(self.work / "nothing"), database="x", stdout=StringIO())
        call_command("backup_site", output=str(self.work / "backups"), no_media=True, stdout=StringIO())
        folder = next((self.work / "backups").iterdir())
        dump = next(path for path in folder.iterdir() if path.name.startswith("database."))
        dump.write_bytes(dump.read_bytes()[:-10])
        with self.assertRaisesMessage(CommandError, "is missing or damaged (its SHA-256 does not match the manifest)"):
            call_command("restore_site", str(folder), database="x", stdout=StringIO())
