"""Translate a page, its subtree and the snippets they use into other languages, in one go.

Used by the `translate_tree` command and the admin's "Translate subtree" action. Each object goes through
wagtail-localize (TranslationSource, Translation, save_target), so the result is an ordinary wagtail-localize
translation that translators then edit in its editor. Re-running only touches objects whose source changed since
the last run, and strings a translator has translated are never overwritten.
"""

import json
from collections import defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import models, transaction
from modelcluster.models import get_all_child_relations
from wagtail.models import Page, TranslatableMixin
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.segments import RelatedObjectSegmentValue, StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

CREATED, UPDATED, UNCHANGED, FAILED = "created", "updated", "unchanged", "failed"


@dataclass
class BulkResult:
    outcomes: list = field(default_factory=list)

    def add(self, obj, locale, status, message=""):
        self.outcomes.append((obj, locale, status, message))

    def count(self, status):
        return sum(1 for _obj, _locale, outcome, _message in self.outcomes if outcome == status)


def _is_translatable_snippet(model):
    return isinstance(model, type) and issubclass(model, TranslatableMixin) and not issubclass(model, Page)


def snippets_used_by(instance):
    """The translatable snippets `instance` points at: foreign keys, many-to-many, inline rows and stream blocks."""
    found = []
    for model_field in instance._meta.get_fields():
        if isinstance(model_field, models.ForeignKey) and _is_translatable_snippet(model_field.related_model):
            related = getattr(instance, model_field.name)
            if related is not None:
                found.append(related)
        elif (
            model_field.many_to_many
            and not model_field.auto_created
            and _is_translatable_snippet(model_field.related_model)
        ):
            found.extend(getattr(instance, model_field.name).all())
    for relation in get_all_child_relations(instance):
        for child in getattr(instance, relation.get_accessor_name()).all():
            found.extend(
                getattr(child, child_field.name)
                for child_field in child._meta.get_fields()
                if isinstance(child_field, models.ForeignKey)
                and _is_translatable_snippet(child_field.related_model)
                and getattr(child, child_field.attname) is not None
            )
    return found


def collect_objects(page, include_snippets=True):
    """Snippets first (deepest dependencies first), then the page's ancestors below the root, the page, its subtree."""
    pages = [ancestor.specific for ancestor in page.get_ancestors().filter(depth__gt=1)]
    pages += list(page.get_descendants(inclusive=True).specific().order_by("path"))
    snippets = []
    if include_snippets:
        seen = set()
        pending = [snippet for p in pages for snippet in snippets_used_by(p)]
        for p in pages:
            # Snippets chosen in stream blocks (a call-to-action block): read from the content, nothing saved yet.
            pending += [
                segment.get_instance(p.locale)
                for segment in extract_segments(p)
                if isinstance(segment, RelatedObjectSegmentValue)
            ]
        while pending:
            snippet = pending.pop(0)
            key = (type(snippet), snippet.pk)
            if key in seen or snippet.locale_id != page.locale_id:
                continue
            seen.add(key)
            snippets.insert(0, snippet)
            pending += snippets_used_by(snippet)
    return snippets + pages


def machine_translate(source, locale, translator, user=None):
    """Fill every string of `source` that has no translation in `locale` with the machine's; returns the count."""
    if translator is None or not translator.can_translate(source.locale, locale):
        return 0
    existing = set(
        StringTranslation.objects.filter(locale=locale, context__object_id=source.object_id).values_list(
            "translation_of_id", "context_id"
        )
    )
    wanted = defaultdict(list)
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        if (segment.string_id, segment.context_id) in existing:
            continue
        value = StringSegmentValue(segment.context.path, segment.string.as_value())
        if segment.attrs:
            value.attrs = json.loads(segment.attrs)
        wanted[value.string].append((segment.string_id, segment.context_id))
    if not wanted:
        return 0
    translated = translator.translate(source.locale, locale, wanted.keys())
    count = 0
    for string, contexts in wanted.items():
        if translated.get(string) is None or translated[string].data is None:
            continue
        for string_id, context_id in contexts:
            _obj, created = StringTranslation.objects.get_or_create(
                translation_of_id=string_id,
                locale=locale,
                context_id=context_id,
                defaults={
                    "data": translated[string].data,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MACHINE,
                    "tool_name": str(translator.display_name),
                    "last_translated_by": user,
                },
            )
            count += created
    return count


def translate_object(obj, locale, *, user=None, machine=False, publish=False, force=False):
    """Create or update the translation of `obj` in `locale`; returns (status, message)."""
    existing_source = TranslationSource.objects.get_for_instance_or_none(obj)
    old_content = existing_source.content_json if existing_source else None
    source, _created = TranslationSource.update_or_create_from_instance(obj)
    source_changed = old_content is not None and json.loads(old_content) != json.loads(source.content_json)
    translation, translation_created = Translation.objects.get_or_create(source=source, target_locale=locale)
    if not translation.enabled:
        return UNCHANGED, "translation stopped by an editor; left alone"
    target_exists = obj.get_translation_or_none(locale) is not None
    machine_count = machine_translate(source, locale, get_machine_translator(), user) if machine else 0
    if target_exists and not (translation_created or source_changed or machine_count or force):
        if publish and isinstance(obj, Page):
            # Nothing to sync, but a draft left by an earlier run (or a translator) is published when asked.
            target = obj.get_translation(locale)
            if not target.live or target.has_unpublished_changes:
                target.get_latest_revision().publish(user=user)
                return UPDATED, "published the existing draft"
        return UNCHANGED, ""
    try:
        with transaction.atomic():
            if isinstance(obj, Page):
                # wagtail-localize would publish on commit, too late for the pages below this one; publish now.
                translation.save_target(user=user, publish=False)
                if publish:
                    obj.get_translation(locale).get_latest_revision().publish(user=user)
            else:
                # Snippets without drafts can only be saved live.
                translation.save_target(user=user, publish=True)
    except ValidationError as error:
        return FAILED, "; ".join(error.messages)
    message = f"{machine_count} strings machine-translated" if machine_count else ""
    return (UPDATED if target_exists else CREATED), message


def translate_tree(page, locales, *, user=None, machine=False, publish=False, include_snippets=True, progress=None):
    """Translate `page`, its subtree and (optionally) the snippets they use into each of `locales`."""
    result = BulkResult()
    objects = collect_objects(page, include_snippets=include_snippets)
    total = len(objects) * len(locales)
    done = 0
    for locale in locales:
        for obj in objects:
            if obj.locale_id == locale.pk:
                continue
            status, message = translate_object(obj, locale, user=user, machine=machine, publish=publish)
            result.add(obj, locale, status, message)
            done += 1
            if progress:
                progress(done, total, obj, locale, status, message)
    return result
