"""The translation of an object if there is one, else the object itself: in bulk, one query per model."""

from collections import defaultdict

from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page


def active_language_code():
    """The language code `Locale.get_active()` looks up (the active language's content language), or None."""
    try:
        return get_supported_content_language_variant(translation.get_language())
    except LookupError:
        return None


def active_locale():
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return None


def localize_all(objects, locale=None, select_related=()):
    """`objects` (translatable models, pages or snippets), each replaced by its translation in `locale`.

    `locale` is a Locale or a locale id (a page's `locale_id`, which costs no query), and defaults to the active
    language's. An object with no translation in that locale (for a page: no live
    one) stays as it is, so a Spanish page shows Spanish snippets where they exist and English ones otherwise. The
    order is kept; None is dropped. One query per model among `objects`, whatever their number.
    """
    objects = [obj for obj in objects if obj is not None]
    if locale is None:
        locale = active_locale()
    locale_id = getattr(locale, "pk", locale)
    if locale_id is None:
        return objects
    keys_by_model = defaultdict(set)
    for obj in objects:
        if obj.locale_id != locale_id:
            keys_by_model[type(obj)].add(obj.translation_key)
    translations = {}
    for model, keys in keys_by_model.items():
        queryset = model._default_manager.filter(translation_key__in=keys, locale_id=locale_id)
        if issubclass(model, Page):
            queryset = queryset.live()
        if select_related:
            queryset = queryset.select_related(*select_related)
        translations.update({(model, item.translation_key): item for item in queryset})
    return [translations.get((type(obj), obj.translation_key), obj) for obj in objects]


def localize(obj, locale=None, select_related=()):
    """`localize_all` for one object (or None)."""
    if obj is None:
        return None
    return localize_all([obj], locale=locale, select_related=select_related)[0]


def localize_related(items, attr, to_attr, locale=None):
    """For each of `items`, `to_attr` = its related `attr` objects (a prefetched many-to-many) localized.

    All the related objects of all the items are localized together: one query per model, not one per item.
    """
    items = list(items)
    related = {item.pk: list(getattr(item, attr).all()) for item in items}
    localized = iter(localize_all([obj for objs in related.values() for obj in objs], locale=locale))
    for item in items:
        setattr(item, to_attr, [next(localized) for _obj in related[item.pk]])
    return items
