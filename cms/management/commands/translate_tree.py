"""translate_tree: translate a page, its subtree and the snippets they use into chosen languages, as drafts."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale, Page

from cms.translation.bulk import CREATED, FAILED, UNCHANGED, UPDATED, translate_tree

MAX_PAGE_ID = 2**31 - 1  # beyond it SQLite cannot even look an id up


def find_page(reference):
    """A page by id, or by its URL path such as /en/stories/ (the language prefix picks the locale)."""
    if "\x00" in reference:  # no slug has one, and PostgreSQL refuses it in a query
        return None
    if reference.isascii() and reference.isdigit():  # not "²", which int() refuses
        return Page.objects.filter(pk=int(reference)).first() if int(reference) <= MAX_PAGE_ID else None
    parts = [part for part in reference.strip("/").split("/") if part]
    language_codes = dict(settings.LANGUAGES)
    language = parts.pop(0) if parts and parts[0] in language_codes else settings.LANGUAGE_CODE
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    locale = Locale.objects.filter(language_code=language).first()
    if site is None or locale is None:
        return None
    page = site.root_page.get_translation_or_none(locale)
    for slug in parts:
        page = page.get_children().filter(slug=slug).first() if page else None
    return page


class Command(BaseCommand):
    help = (
        "Translate a page, its subtree and the snippets they use into the given languages, as drafts. "
        "Re-running only updates what changed in the source. Example: translate_tree /en/ es fr --machine"
    )

    def add_arguments(self, parser):
        parser.add_argument("page", help="A page id, or its path such as /en/stories/.")
        parser.add_argument("languages", nargs="+", help="Language codes to translate into, such as es fr.")
        parser.add_argument("--machine", action="store_true", help="Fill untranslated strings by machine.")
        parser.add_argument("--publish", action="store_true", help="Publish the translations instead of drafts.")
        parser.add_argument("--no-snippets", action="store_true", help="Leave the snippets the pages use alone.")
        parser.add_argument("--user", help="Username recorded as the author of the revisions.")

    def handle(self, *args, page, languages, machine, publish, no_snippets, user, **options):
        source = find_page(page)
        if source is None:
            raise CommandError(f"No page {page!r}: give a page id or a path such as /en/stories/.")
        configured = [code for code, _name in settings.LANGUAGES]
        unknown = [code for code in languages if code not in configured]
        if unknown:
            raise CommandError(f"Unknown language(s): {', '.join(unknown)}. Choose from: {', '.join(configured)}.")
        if source.locale.language_code in languages:
            raise CommandError(f"{source.title!r} is already in {source.locale.language_code}; choose other languages.")
        author = None
        if user:
            author = None if "\x00" in user else get_user_model().objects.filter(username=user).first()
            if author is None:
                raise CommandError(f"No user {user!r}.")
        locales = [Locale.objects.get_or_create(language_code=code)[0] for code in languages]
        verbosity = options["verbosity"]

        def progress(done, total, obj, locale, status, message):
            if verbosity >= 1 and (status != UNCHANGED or verbosity >= 2):
                style = {CREATED: self.style.SUCCESS, UPDATED: self.style.WARNING, FAILED: self.style.ERROR}
                label = style.get(status, str)(f"{status:<9}")
                suffix = f" ({message})" if message else ""
                self.stdout.write(f"[{done}/{total}] {label} {locale.language_code}  {obj}{suffix}")

        result = translate_tree(
            source.specific,
            locales,
            user=author,
            machine=machine,
            publish=publish,
            include_snippets=not no_snippets,
            progress=progress,
        )
        summary = ", ".join(f"{result.count(status)} {status}" for status in (CREATED, UPDATED, UNCHANGED, FAILED))
        self.stdout.write(self.style.SUCCESS(f"Done: {summary}."))
        if result.count(FAILED):
            raise CommandError(f"{result.count(FAILED)} object(s) could not be translated; see above.")
