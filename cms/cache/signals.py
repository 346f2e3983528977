"""What to drop when content changes: the tags of exactly what changed, bumped when the transaction commits."""

import logging

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from . import purge, store, tags

logger = logging.getLogger(__name__)

# Fields a draft save or a lock writes on the live row: they change nothing a visitor sees.
DRAFT_FIELDS = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "has_unpublished_changes",
        "draft_title",
        "locked",
        "locked_at",
        "locked_by",
    }
)


def invalidate(tag_set):
    """Bump `tag_set` now and again once the transaction commits, then purge the CDN.

    Now, so that this connection (the request or command that made the change) reads its own change; after the
    commit, so that a response another process rendered from the old rows in between is not kept either.
    """
    tag_set = set(tag_set)
    store.bump(tag_set)

    def after_commit():
        # The bump first: counts and responses must not outlive the change if taking the CDN's URLs fails.
        store.bump(tag_set)
        try:
            urls = purge.take(tag_set)
        except Exception:  # Redis away: the CDN keeps those pages until s-maxage, nothing fails the change
            logger.exception("URLs to purge for %d tags could not be read", len(tag_set))
            return
        purge.purge(urls)

    transaction.on_commit(after_commit, robust=True)


def page_tags(page, include_descendants=False):
    """Every response that may show `page`, whatever changed about it (content, state, place or language)."""
    result = {tags.page_tag(page.pk), tags.translations_tag(page.translation_key)}
    labels = {(page.specific_class or type(page))._meta.label_lower, tags.ALL_PAGES}
    if include_descendants:
        # A subtree moved or restricted: every listing of any of its types may gain or lose items.
        rows = Page.objects.filter(path__startswith=page.path).values_list("pk", "translation_key", "content_type")
        for pk, key, content_type_id in rows:
            result.update((tags.page_tag(pk), tags.translations_tag(key)))
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            if model is not None:
                labels.add(model._meta.label_lower)
    result.add(tags.tree_tag(page.path[: -Page.steplen]))
    language = Locale.objects.filter(pk=page.locale_id).values_list("language_code", flat=True).first()
    for label in labels:
        result.add(tags.list_tag(label))
        if language:
            result.add(tags.list_tag(label, language))
    result.update(tags.refs_tag(key, language) for key in _referenced_translation_keys(page))
    return result


def _referenced_translation_keys(page):
    """The translation keys of the pages `page` names in its own relations (a story's partnerships, campaign)."""
    ids = set()
    for field in type(page)._meta.get_fields():
        related = getattr(field, "related_model", None)
        if not (field.concrete and related and issubclass(related, Page)) or field.name in ("page_ptr",):
            continue
        if field.many_to_one:
            value = getattr(page, field.attname, None)
            if value:
                ids.add(value)
        elif field.many_to_many and page.pk is not None:
            ids.update(obj.pk for obj in getattr(page, field.name).all())
    if not ids:
        return set()
    return set(Page.objects.filter(pk__in=ids).values_list("translation_key", flat=True))


def page_changed(sender, instance, **kwargs):
    invalidate(page_tags(instance))


def page_saved(sender, instance, created, update_fields=None, **kwargs):
    if kwargs.get("raw") or not isinstance(instance, Page):
        return
    if update_fields is not None and set(update_fields) <= DRAFT_FIELDS:
        return
    if instance.live or not created:
        invalidate(page_tags(instance))
    else:
        # A new draft (or an alias of one): no response shows it, but counts taken for editors over drafts (v3
        # with a token) must be taken again: bumping a tag nothing depends on advances the counter (counts.py).
        invalidate({tags.DRAFTS_TAG})


def page_moved(sender, instance, parent_page_before=None, parent_page_after=None, **kwargs):
    moved = Page.objects.get(pk=instance.pk)
    result = page_tags(moved, include_descendants=True)
    if parent_page_before is not None:
        result.add(tags.tree_tag(parent_page_before.path))
    invalidate(result)


def slug_changed(sender, instance, **kwargs):
    """A new slug changes the URL of every page below: Wagtail rewrites their paths without saving them one by one
    (and sends this once the change commits), so they are dropped here, with every listing of their types."""
    invalidate(page_tags(instance, include_descendants=True))


def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        invalidate(page_tags(instance))


def restriction_changed(sender, instance, **kwargs):
    """A view restriction protects its page's subtree; on a source page it protects the translations too."""
    page = Page.objects.filter(pk=instance.page_id).only("translation_key").first()
    if page is None:
        return
    result = set()
    for translation in Page.objects.filter(translation_key=page.translation_key):
        result |= page_tags(translation, include_descendants=True)
    invalidate(result)


def object_changed(sender, instance, **kwargs):
    """A snippet, image or document: each response that showed it or any of its translations, and its lists."""
    if kwargs.get("raw") or not tags.is_tracked_object(sender):
        return
    model = sender._meta.concrete_model
    pks = {instance.pk}
    translation_key = getattr(instance, "translation_key", None)
    if translation_key is not None:
        pks.update(model._default_manager.filter(translation_key=translation_key).values_list("pk", flat=True))
    result = {tags.object_tag(model, pk) for pk in pks}
    result.add(tags.list_tag(model._meta.label_lower))
    language = getattr(getattr(instance, "locale", None), "language_code", None)
    if language:
        result.add(tags.list_tag(model._meta.label_lower, language))
    invalidate(result)


def everything_changed(sender, **kwargs):
    invalidate({tags.GLOBAL_TAG})


def connect():
    tags.connect()
    page_published.connect(page_changed, dispatch_uid="twinning_cache_published")
    page_unpublished.connect(page_changed, dispatch_uid="twinning_cache_unpublished")
    post_page_move.connect(page_moved, dispatch_uid="twinning_cache_moved")
    page_slug_changed.connect(slug_changed, dispatch_uid="twinning_cache_slug_changed")
    post_save.connect(page_saved, dispatch_uid="twinning_cache_page_saved")
    post_delete.connect(page_deleted, dispatch_uid="twinning_cache_page_deleted")
    for signal in (post_save, post_delete):
        signal.connect(restriction_changed, sender=PageViewRestriction, dispatch_uid=f"twinning_cache_pvr_{id(signal)}")
        for model in (Site, Locale):
            signal.connect(
                everything_changed, sender=model, dispatch_uid=f"twinning_cache_{model.__name__}_{id(signal)}"
            )
        # Any sender: snippets are registered after this app is ready.
        signal.connect(object_changed, dispatch_uid=f"twinning_cache_object_{id(signal)}")
