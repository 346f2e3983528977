"""Dependency tags: what a response showed, collected while it renders."""

import contextvars
from contextlib import contextmanager

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model
from django.db.models.signals import post_init
from wagtail.models import Page

_collected = contextvars.ContextVar("twinning_cache_tags", default=None)
# The type (`app.model`) of each page tag collected, for `prune()`.
_page_labels = contextvars.ContextVar("twinning_cache_page_labels", default=None)
# The store's counter when the outermost collection (the request's) began: what it collects was read after that.
_started_at = contextvars.ContextVar("twinning_cache_started_at", default=None)

# Always a dependency: sites and locales change rarely and change every page.
GLOBAL_TAG = "all"
ALL_PAGES = "page"
# Bumped when a draft page is created: no response depends on it; it advances the counter (cms/cache/counts.py).
DRAFTS_TAG = "drafts"

# What an HTML page of each type lists besides itself, so that a newly published item shows up (the items
# already shown are covered by their own `page:`/`obj:` tags).
PAGE_LISTINGS = {
    "home.homepage": ("stories.storypage", "home.campaignpage"),
    "home.campaignindexpage": ("home.campaignpage",),
    "stories.storyindexpage": ("stories.storypage", "cities.citypartnershippage", "home.focusarea", "cities.city"),
    "cities.partnershipindexpage": ("cities.citypartnershippage", "home.focusarea", "cities.city"),
}

_instance_tagger_by_class = {}


def page_tag(pk):
    return f"page:{pk}"


def object_tag(model, pk):
    return f"obj:{model._meta.label_lower}:{pk}"


def list_tag(label, language=None):
    return f"list:{label}:{language}" if language else f"list:{label}"


def refs_tag(translation_key, language):
    """Pages in `language` that name the page (any translation of it) with this translation key."""
    return f"refs:{translation_key}:{language}"


def translations_tag(translation_key):
    """The set of a page's translations and their titles and URLs (language switcher, `meta.translations`)."""
    return f"tkey:{translation_key}"


def tree_tag(path):
    return f"tree:{path}"


def tracked_object_models():
    """Snippets, images and documents: models whose instances pages show and whose changes must drop them."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.snippets.models import get_snippet_models

    return {*get_snippet_models(), get_image_model(), get_document_model()}


def _tagger(cls):
    try:
        return _instance_tagger_by_class[cls]
    except KeyError:
        pass
    if issubclass(cls, Page):
        tagger = page_tag
    elif cls in tracked_object_models():
        model = cls._meta.concrete_model

        def tagger(pk):
            return object_tag(model, pk)

    else:
        tagger = None
    _instance_tagger_by_class[cls] = tagger
    return tagger


def is_tracked_object(cls):
    tagger = _tagger(cls)
    return tagger is not None and tagger is not page_tag


def _record_instance(sender, instance, **kwargs):
    tags = _collected.get()
    if tags is None:
        return
    tagger = _tagger(sender)
    if tagger is not None and instance.pk is not None:
        tag = tagger(instance.pk)
        tags.add(tag)
        if tagger is page_tag:
            _page_labels.get()[tag] = _page_label(sender, instance)


def add_loaded(instances):
    """Record `instances` as though they were loaded now: they were read before the current collection began."""
    for instance in instances:
        _record_instance(type(instance), instance)


def reachable(instance):
    """`instance` and every model instance it leads to through related objects already loaded onto it (joined or
    prefetched), however deep: what showing it can read without a query."""
    seen, found, todo = set(), [], [instance]
    while todo:
        obj = todo.pop()
        if id(obj) in seen or not isinstance(obj, Model):
            continue
        seen.add(id(obj))
        found.append(obj)
        todo.extend(value for value in obj._state.fields_cache.values() if value is not None)
        for related in getattr(obj, "_prefetched_objects_cache", {}).values():
            todo.extend(getattr(related, "_result_cache", None) or (related if isinstance(related, list) else ()))
    return found


def _page_label(sender, instance):
    """The page's own type, also when it was loaded as a plain `Page` (its content type says which); None when the
    content type was not loaded (reading a deferred field would be a query per page)."""
    if sender is not Page:
        return sender._meta.label_lower
    content_type_id = instance.__dict__.get("content_type_id")
    model = ContentType.objects.get_for_id(content_type_id).model_class() if content_type_id else None
    return model._meta.label_lower if model is not None else None


def connect():
    post_init.connect(_record_instance, dispatch_uid="twinning_cache_record_instance")


@contextmanager
def collect(started_at=None):
    """Within the block, every tracked instance loaded and every `add()` lands in the yielded set.

    Blocks nest: what an inner block collected (a piece kept beneath the response, `fragments.py`) is part of what
    the enclosing one showed, and lands in its set too when the inner block ends. The request's block gives the
    store's counter as it began (`started_at`): everything collected within was read after it.
    """
    outer, outer_labels = _collected.get(), _page_labels.get()
    tags = {GLOBAL_TAG}
    token = _collected.set(tags)
    labels_token = _page_labels.set({})
    started_token = _started_at.set(started_at) if started_at is not None else None
    try:
        yield tags
    finally:
        labels = _page_labels.get()
        _collected.reset(token)
        _page_labels.reset(labels_token)
        if started_token is not None:
            _started_at.reset(started_token)
        if outer is not None:
            outer.update(tags)
            outer_labels.update(labels)


def collecting():
    """(tags collected so far, the counter when the request's collection began), or None outside one."""
    collected, started_at = _collected.get(), _started_at.get()
    if collected is None or started_at is None:
        return None
    return collected, started_at


def prune(tags, page_labels):
    """`tags` without the item tags that a list tag in `tags` already covers.

    Every change to a page or a tracked object bumps the list tag of its type, in every language, along with its own
    tag (`cms.cache.signals.page_tags` and `object_changed`): a response that depends on `list:stories.storypage`
    is dropped by any story's change, so the tags of the stories it shows add nothing but work to each cache hit
    (an API listing of 20 stories, with their translations, carried 60 of them). Tags of unknown type are kept.
    """
    covered = {tag[len("list:") :] for tag in tags if tag.startswith("list:") and tag.count(":") == 1}
    if not covered:
        return set(tags)
    kept = set()
    for tag in tags:
        if tag in page_labels and ALL_PAGES in covered:
            continue  # every page's change bumps `list:page`
        label = tag.split(":")[1] if tag.startswith("obj:") else page_labels.get(tag)
        if label is None or label not in covered:
            kept.add(tag)
    return kept


def page_labels():
    """The types of the page tags collected so far (within `collect()`), as {tag: label}."""
    return dict(_page_labels.get() or {})


def add(*tags):
    collected = _collected.get()
    if collected is not None:
        collected.update(tags)


def add_shown(tag_set, labels):
    """What a piece read from the cache showed: its tags, and the types of its page tags (for `prune()`)."""
    collected = _collected.get()
    if collected is not None:
        collected.update(tag_set)
        _page_labels.get().update(labels)


def add_for_served_page(page, language):
    """A served HTML page depends on the pages that name it, its site's menu and what its type lists."""
    add(page_tag(page.pk), translations_tag(page.translation_key), refs_tag(page.translation_key, language))
    if page.depth >= 2:
        add(tree_tag(page.path[: Page.steplen * 2]))
    for label in PAGE_LISTINGS.get(page._meta.label_lower, ()):
        add(list_tag(label, language))
