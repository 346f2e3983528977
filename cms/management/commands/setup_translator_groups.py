"""Create or bring up to date one group per language, "Translators: Español" and so on.

Members edit and publish pages under that language's home page and edit that language's snippets, nothing else
(home.permissions derives the snippet locale from the group's page permissions). Run as often as you like.
"""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import get_language_info
from wagtail.models import GroupPagePermission, Locale, Page, Site, get_translatable_models

PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]


def translator_group_name(language_code):
    info = get_language_info(language_code)
    return f"{settings.TWINNING_TRANSLATOR_GROUP_PREFIX}{info['name_local'][:1].upper()}{info['name_local'][1:]}"


class Command(BaseCommand):
    help = "Create or update the translator group of each language (except the default one). Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument("languages", nargs="*", help="Language codes (default: every non-default language).")

    def handle(self, *args, languages, **options):
        configured = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
        unknown = sorted(set(languages) - set(configured))
        if unknown:
            raise CommandError(
                f"Unknown language(s): {', '.join(unknown)}. Choose from: {', '.join(configured) or 'none'}."
            )
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            self.stdout.write(self.style.WARNING("No default site yet: load the demo content first. Nothing done."))
            return
        snippet_permissions = list(
            Permission.objects.filter(
                content_type__app_label__in=["home", "cities"],
                codename__in=[
                    f"change_{model._meta.model_name}"
                    for model in get_translatable_models()
                    if not issubclass(model, Page)
                ],
            )
        )
        admin_access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
        page_permissions = list(
            Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=PAGE_PERMISSIONS)
        )
        with transaction.atomic():
            for code in languages or configured:
                self.ensure_group(code, site, [admin_access, *snippet_permissions], page_permissions)

    def ensure_group(self, code, site, permissions, page_permissions):
        name = translator_group_name(code)
        locale = Locale.objects.filter(language_code=code).first()
        home = site.root_page.get_translation_or_none(locale) if locale else None
        if home is None:
            self.stdout.write(self.style.WARNING(f"  skipped  {name}: the home page has no {code} translation yet"))
            return
        group, created = Group.objects.get_or_create(name=name)
        changed = created
        if set(group.permissions.all()) != set(permissions):
            group.permissions.set(permissions)
            changed = True
        wanted = {(home.pk, permission.pk) for permission in page_permissions}
        existing = set(GroupPagePermission.objects.filter(group=group).values_list("page_id", "permission_id"))
        if existing != wanted:
            GroupPagePermission.objects.filter(group=group).delete()
            GroupPagePermission.objects.bulk_create(
                GroupPagePermission(group=group, page_id=page_id, permission_id=permission_id)
                for page_id, permission_id in sorted(wanted)
            )
            changed = True
        status = "created" if created else "updated" if changed else "up to date"
        self.stdout.write(f"  {status:<10} {name} (pages under {home.url_path}, {code} snippets)")
