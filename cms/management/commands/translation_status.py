"""translation_status: which pages and snippets are missing, out of date or up to date in each language."""

import csv
import json

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cms.translation.status import MISSING, OUT_OF_DATE, UP_TO_DATE, sections, translation_status

FORMATS = ("table", "csv", "json")


class Command(BaseCommand):
    help = (
        "Show every translatable page and snippet against every language: missing, out of date (the source changed "
        "since the translation was last synced) or up to date. The admin's Reports > Translation status shows the same."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--language", action="append", default=[], help="Only this language (repeat for several), such as es."
        )
        parser.add_argument("--section", help="Only this section: a section page's slug (stories) or a snippet type.")
        parser.add_argument("--format", default="table", help=f"One of: {', '.join(FORMATS)} (default: table).")

    def handle(self, *args, language, section, format, **options):
        if format not in FORMATS:
            raise CommandError(f"Unknown format {format!r}. Choose from: {', '.join(FORMATS)}.")
        configured = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
        unknown = [code for code in language if code not in configured]
        if unknown:
            raise CommandError(f"Unknown language(s): {', '.join(unknown)}. Choose from: {', '.join(configured)}.")
        all_sections = sections()
        chosen = None
        if section is not None:
            chosen = next((item for item in all_sections if item.key == section), None)
            if chosen is None:
                keys = ", ".join(item.key for item in all_sections)
                raise CommandError(f"Unknown section {section!r}. Choose from: {keys}.")
        locales, rows = translation_status(language or None, chosen, all_sections=all_sections)
        codes = [locale.language_code for locale in locales]
        records = [row.as_dict() for row in rows]
        if format == "json":
            self.stdout.write(json.dumps(records, indent=2, ensure_ascii=False))
        elif format == "csv":
            writer = csv.DictWriter(self.stdout, fieldnames=["object", "type", "section", *codes], lineterminator="\n")
            writer.writeheader()
            writer.writerows(records)
        else:
            self.write_table(records, codes)

    def write_table(self, records, codes):
        headings = ["object", "type", "section", *codes]
        widths = {name: max([len(name)] + [len(str(record[name])) for record in records]) for name in headings}
        widths["object"] = min(widths["object"], 60)
        self.stdout.write("  ".join(name.ljust(widths[name]) for name in headings))
        style = {MISSING: self.style.ERROR, OUT_OF_DATE: self.style.WARNING, UP_TO_DATE: self.style.SUCCESS}
        for record in records:
            cells = [str(record[name])[: widths[name]].ljust(widths[name]) for name in ("object", "type", "section")]
            cells += [style[record[code]](record[code].ljust(widths[code])) for code in codes]
            self.stdout.write("  ".join(cells).rstrip())
        totals = {status: sum(record[code] == status for record in records for code in codes) for status in style}
        self.stdout.write(", ".join(f"{count} {status}" for status, count in totals.items()))
