"""`manage.py backup_site`: a backup of the database and the media (see docs/backup.md)."""

from django.core.management.base import BaseCommand, CommandError

from cms.backup import BackupError, backup, media_on_disk


class Command(BaseCommand):
    help = (
        "Write a backup folder twinning-<timestamp>/ under --output: the database (pg_dump custom format, or "
        "SQLite's online backup), MEDIA_ROOT as media.tar.gz, and a manifest with each file's SHA-256."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", default="backups", help="Folder to write the backup under (backups/).")
        parser.add_argument("--no-media", action="store_true", help="Back up the database only.")

    def handle(self, *args, **options):
        self.stdout.write("Backing up the database" + ("" if options["no_media"] else " and the media") + "...")
        try:
            folder = backup(options["output"], media=not options["no_media"])
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        if not options["no_media"] and not media_on_disk():
            self.stdout.write("Media are in object storage, not on disk: back the bucket up with its own versioning.")
        self.stdout.write(self.style.SUCCESS(f"Backup written to {folder}"))
