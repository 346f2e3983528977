"""`manage.py restore_site <backup folder>`: puts a backup back (see docs/backup.md)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cms.backup import BackupError, read_manifest, restore_database, restore_media


class Command(BaseCommand):
    help = (
        "Restore a backup written by backup_site. Without --database it REPLACES the site's database and writes "
        "the media over MEDIA_ROOT; with --database NAME it restores into a new database (PostgreSQL: a name on "
        "the same server; SQLite: a new file), for a restore drill."
    )

    def add_arguments(self, parser):
        parser.add_argument("backup", help="The backup folder (twinning-<timestamp>/).")
        parser.add_argument("--database", help="Restore into this new database instead of the site's own.")
        parser.add_argument("--media-root", help="Extract the media here instead of MEDIA_ROOT.")
        parser.add_argument("--no-media", action="store_true", help="Restore the database only.")
        parser.add_argument("--noinput", "--no-input", action="store_false", dest="interactive")

    def handle(self, *args, **options):
        folder = Path(options["backup"])
        try:
            manifest = read_manifest(folder)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Backup of {manifest['database']['vendor']} database, made {manifest['created']}.")
        if not options["database"] and options["interactive"]:
            answer = input("This replaces the site's database and media. Type 'yes' to go on: ")
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled.")
        try:
            restore_database(folder, database=options["database"])
            self.stdout.write("Database restored" + (f" into {options['database']}." if options["database"] else "."))
            if not options["no_media"]:
                files = restore_media(folder, options["media_root"])
                self.stdout.write(f"{len(files)} media files restored.")
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS("Restore finished."))
