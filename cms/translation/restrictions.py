"""A view restriction on a source page also protects its translations (and so their subtrees).

wagtail-localize copies a page's restriction only when it next syncs the translation; a password added to the
English story after it was translated would leave the Spanish story public until then. These signal handlers copy
a default-language page's restrictions to every translation of the page as soon as they are saved, changed (groups
included) or deleted. Copies are real PageViewRestrictions, so `Page.objects.public()` (listings, sitemap, feed,
search, APIs) excludes the translations too, and serving asks for the password or the login.
"""

from django.conf import settings
from django.db.models import QuerySet
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Page, PageViewRestriction

FIELDS = ("restriction_type", "password")


def is_source(page):
    return page.locale.language_code == settings.LANGUAGE_CODE


def translations_of(restriction):
    page = restriction.page
    return page.get_translations() if is_source(page) else []


def copy_restriction(sender, instance, raw=False, **kwargs):
    if raw:
        return
    for translation in translations_of(instance):
        copy = translation.view_restrictions.first()
        if copy is None:
            copy = PageViewRestriction(page=translation)
        elif all(getattr(copy, name) == getattr(instance, name) for name in FIELDS):
            continue
        for name in FIELDS:
            setattr(copy, name, getattr(instance, name))
        copy.save()
        copy.groups.set(instance.groups.all())


def copy_groups(sender, instance, action, **kwargs):
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    groups = list(instance.groups.all())
    for translation in translations_of(instance):
        for copy in translation.view_restrictions.all():
            copy.groups.set(groups)


def remove_restriction(sender, instance, origin=None, **kwargs):
    # Only when the restriction itself is removed; when its page is deleted, the translations stay protected.
    if isinstance(origin, Page) or (isinstance(origin, QuerySet) and origin.model is not PageViewRestriction):
        return
    if not instance.page.view_restrictions.exists():
        PageViewRestriction.objects.filter(page__in=translations_of(instance)).delete()


def connect():
    post_save.connect(copy_restriction, sender=PageViewRestriction, dispatch_uid="twinning_copy_restriction")
    m2m_changed.connect(
        copy_groups, sender=PageViewRestriction.groups.through, dispatch_uid="twinning_copy_restriction_groups"
    )
    post_delete.connect(remove_restriction, sender=PageViewRestriction, dispatch_uid="twinning_remove_restriction")
