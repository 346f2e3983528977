"""Translation status: every translatable page and snippet of the default language against every other language.

Each cell is missing (no translation), out of date (the source was edited after the translation was last synced)
or up to date, with the admin URL that acts on it: submit a translation, update (sync) it, or edit it.

"Last synced" is the last time wagtail-localize built the translation in that language from its TranslationSource
(its TranslationLog; the source's own last_updated_at is shared by every language, so cannot tell which of them
has caught up). "Edited" is, for a page, its latest revision (drafts included); for a snippet,
its latest create or edit in the admin's log. A translation made outside wagtail-localize (a copy with the same
translation key) is out of date when the source was edited after the translation's own last edit.

Everything is computed in bulk: a fixed number of queries, whatever the number of pages, snippets or languages.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.db.models import Max
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, ModelLogEntry, Page, Site, get_translatable_models
from wagtail_localize.models import TranslationLog, TranslationSource

MISSING, OUT_OF_DATE, UP_TO_DATE = "missing", "out of date", "up to date"
STATUS_LABELS = {MISSING: _("Missing"), OUT_OF_DATE: _("Out of date"), UP_TO_DATE: _("Up to date")}
ACTION_LABELS = {MISSING: _("Translate"), OUT_OF_DATE: _("Update"), UP_TO_DATE: _("Edit")}
PAGES = "pages"


@dataclass(frozen=True)
class Section:
    """What the report can be narrowed to: a section of the page tree, or a snippet type."""

    key: str
    label: str
    path: str = ""  # a page subtree
    model: type | None = None  # a snippet model


@dataclass
class Cell:
    language: str
    status: str
    url: str

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]

    @property
    def action_label(self):
        return ACTION_LABELS[self.status]


@dataclass
class Row:
    label: str
    kind: str
    section: str
    section_label: str
    edited_at: object
    source_url: str
    cells: list = field(default_factory=list)

    def as_dict(self):
        return {
            "object": self.label,
            "type": self.kind,
            "section": self.section,
            **{cell.language: cell.status for cell in self.cells},
        }


def snippet_models():
    return [model for model in get_translatable_models() if not issubclass(model, Page)]


def source_locale():
    return Locale.objects.get(language_code=settings.LANGUAGE_CODE)


def sections():
    """The home page's children (Campaigns, Stories, Partnerships...) then each snippet type. Two queries."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    found = []
    if site is not None:
        for page in site.root_page.get_children().order_by("path").only("slug", "title", "path"):
            found.append(Section(key=page.slug, label=page.title, path=page.path))
    for model in snippet_models():
        found.append(Section(key=model._meta.model_name, label=str(model._meta.verbose_name_plural), model=model))
    return found


def target_locales(language_codes=None):
    """The languages translated into: every configured one but the default, or those of `language_codes`."""
    codes = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
    if language_codes:
        codes = [code for code in codes if code in language_codes]
    by_code = {locale.language_code: locale for locale in Locale.objects.filter(language_code__in=codes)}
    return [by_code[code] for code in codes if code in by_code]


def snippet_edit_url(model, pk):
    return reverse(f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}:edit", args=[pk])


def translation_status(language_codes=None, section=None, all_sections=None):
    """The rows of the report: one per source object, with one cell per language.

    `section` is a Section (or None for everything); `all_sections` the list `sections()` returned, to name each
    page's section without asking again.
    """
    source = source_locale()
    locales = target_locales(language_codes)
    all_sections = sections() if all_sections is None else all_sections
    page_sections = [item for item in all_sections if item.path]
    source_ids = dict(TranslationSource.objects.filter(locale=source).values_list("object_id", "pk"))
    synced = {
        (object_id, locale_id): (source_ids.get(object_id), last)
        for object_id, locale_id, last in TranslationLog.objects.filter(source__locale=source)
        .values_list("source__object_id", "locale_id")
        .annotate(last=Max("created_at"))
    }
    rows = []
    if section is None or section.path:
        rows += _page_rows(source, locales, section, page_sections, synced)
    if section is None or section.model:
        models = [section.model] if section is not None else snippet_models()
        rows += _snippet_rows(source, locales, models, synced)
    return locales, rows


def _status(key, locale, edited_at, target_edited_at, synced):
    source_id, synced_at = synced.get((key, locale.pk), (None, None))
    if synced_at is not None:
        return (OUT_OF_DATE if edited_at and edited_at > synced_at else UP_TO_DATE), source_id
    if edited_at and target_edited_at and edited_at > target_edited_at:
        return OUT_OF_DATE, None
    return UP_TO_DATE, None


def _page_rows(source, locales, section, page_sections, synced):
    pages = Page.objects.filter(locale=source, depth__gt=1)
    if section is not None:
        pages = pages.filter(path__startswith=section.path)
    keys = pages.values("translation_key")
    pages = list(
        pages.order_by("path").values(
            "pk",
            "title",
            "path",
            "translation_key",
            "latest_revision_created_at",
            "content_type__app_label",
            "content_type__model",
        )
    )
    targets = {}
    for pk, key, locale_id, edited_at in (
        Page.objects.filter(translation_key__in=keys)
        .exclude(locale=source)
        .values_list("pk", "translation_key", "locale_id", "latest_revision_created_at")
    ):
        targets[key, locale_id] = (pk, edited_at)
    rows = []
    for page in pages:
        model = apps.get_model(page["content_type__app_label"], page["content_type__model"])
        key = page["translation_key"]
        page_section = next((item for item in page_sections if page["path"].startswith(item.path)), None)
        row = Row(
            label=page["title"],
            kind=str(model._meta.verbose_name),
            section=page_section.key if page_section else "",
            section_label=page_section.label if page_section else "",
            edited_at=page["latest_revision_created_at"],
            source_url=reverse("wagtailadmin_pages:edit", args=[page["pk"]]),
        )
        for locale in locales:
            target = targets.get((key, locale.pk))
            if target is None:
                row.cells.append(
                    Cell(
                        locale.language_code,
                        MISSING,
                        reverse("wagtail_localize:submit_page_translation", args=[page["pk"]]),
                    )
                )
                continue
            status, source_id = _status(key, locale, row.edited_at, target[1], synced)
            url = (
                reverse("wagtail_localize:update_translations", args=[source_id])
                if status == OUT_OF_DATE and source_id
                else reverse("wagtailadmin_pages:edit", args=[target[0]])
            )
            row.cells.append(Cell(locale.language_code, status, url))
        rows.append(row)
    return rows


def _snippet_rows(source, locales, models, synced):
    edited = defaultdict(lambda: None)
    for model_name, object_id, last in (
        ModelLogEntry.objects.filter(
            content_type__model__in=[model._meta.model_name for model in models],
            action__in=["wagtail.create", "wagtail.edit"],
        )
        .values_list("content_type__model", "object_id")
        .annotate(last=Max("timestamp"))
    ):
        edited[model_name, object_id] = last
    rows = []
    for model in models:
        name = model._meta.model_name
        objects = list(model._default_manager.order_by("pk"))
        targets = {(obj.translation_key, obj.locale_id): obj for obj in objects if obj.locale_id != source.pk}
        for obj in objects:
            if obj.locale_id != source.pk:
                continue
            row = Row(
                label=str(obj),
                kind=str(model._meta.verbose_name),
                section=name,
                section_label=str(model._meta.verbose_name_plural),
                edited_at=edited[name, str(obj.pk)],
                source_url=snippet_edit_url(model, obj.pk),
            )
            for locale in locales:
                target = targets.get((obj.translation_key, locale.pk))
                if target is None:
                    url = reverse(
                        "wagtail_localize:submit_snippet_translation",
                        args=[model._meta.app_label, name, obj.pk],
                    )
                    row.cells.append(Cell(locale.language_code, MISSING, url))
                    continue
                target_edited = edited[name, str(target.pk)]
                status, source_id = _status(obj.translation_key, locale, row.edited_at, target_edited, synced)
                url = (
                    reverse("wagtail_localize:update_translations", args=[source_id])
                    if status == OUT_OF_DATE and source_id
                    else snippet_edit_url(model, target.pk)
                )
                row.cells.append(Cell(locale.language_code, status, url))
            rows.append(row)
    return rows
