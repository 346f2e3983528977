"""Who may change a translatable snippet: the model permission, and the locale.

A group's languages come from its page permissions: a group whose page permissions start at the Spanish home
page works in Spanish (its snippet permissions apply to Spanish snippets only); a group with page permissions at
the tree's root, or with none, is not limited by language. No new table: the page tree already says it.
"""

from wagtail.models import GroupPagePermission
from wagtail.permission_policies import ModelPermissionPolicy

ALL_LOCALES = None


def editable_locale_ids(user):
    """The ids of the locales `user` may edit, or ALL_LOCALES (None); computed once per user object."""
    if not user.is_authenticated or not user.is_active:
        return set()
    if user.is_superuser:
        return ALL_LOCALES
    if not hasattr(user, "_twinning_locale_ids"):
        group_ids = set(user.groups.values_list("pk", flat=True))
        roots = {}
        for group_id, depth, locale_id in GroupPagePermission.objects.filter(group_id__in=group_ids).values_list(
            "group_id", "page__depth", "page__locale_id"
        ):
            roots.setdefault(group_id, set()).add(ALL_LOCALES if depth == 1 else locale_id)
        if not group_ids or any(group_id not in roots or ALL_LOCALES in roots[group_id] for group_id in group_ids):
            user._twinning_locale_ids = ALL_LOCALES
        else:
            user._twinning_locale_ids = set().union(*roots.values())
    return user._twinning_locale_ids


def user_can_edit_locale(user, locale_id):
    locale_ids = editable_locale_ids(user)
    return locale_ids is ALL_LOCALES or locale_id in locale_ids


class LocalePermissionPolicy(ModelPermissionPolicy):
    """Model permissions, limited for each object to the locales its user's groups work in."""

    def user_has_permission_for_instance(self, user, action, instance):
        return super().user_has_permission_for_instance(user, action, instance) and user_can_edit_locale(
            user, instance.locale_id
        )

    def instances_user_has_any_permission_for(self, user, actions):
        instances = super().instances_user_has_any_permission_for(user, actions)
        locale_ids = editable_locale_ids(user)
        return instances if locale_ids is ALL_LOCALES else instances.filter(locale_id__in=locale_ids)
