"""Admin views for translators: the translation status report and the "Translate subtree" action."""

import django_filters
from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale, Page

from home.permissions import editable_locale_ids

from . import bulk
from .status import sections, target_locales, translation_status

MAX_PAGE_ID = 2**31 - 1


class TranslationStatusFilterSet(WagtailFilterSet):
    """The language and section filters; the report reads them itself (its rows are not a queryset)."""

    language = django_filters.ChoiceFilter(label=_("Language"), method="ignore", empty_label=_("All languages"))
    section = django_filters.ChoiceFilter(label=_("Section"), method="ignore", empty_label=_("Everything"))

    class Meta:
        model = Locale
        fields = []

    def __init__(self, *args, languages=(), sections=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["language"].extra["choices"] = [
            (locale.language_code, locale.get_display_name()) for locale in languages
        ]
        self.filters["section"].extra["choices"] = [(section.key, section.label) for section in sections]

    def ignore(self, queryset, name, value):
        return queryset


class TranslationStatusView(ReportView):
    page_title = _("Translation status")
    header_icon = "globe"
    results_template_name = "cms/reports/translation_status_results.html"
    index_url_name = "translation_status"
    index_results_url_name = "translation_status_results"
    filterset_class = TranslationStatusFilterSet
    paginate_by = None

    def dispatch(self, request, *args, **kwargs):
        self.sections = sections()
        locales = target_locales()
        allowed = editable_locale_ids(request.user)
        # A translator sees the languages they work in; editors and administrators see them all.
        self.languages = [locale for locale in locales if allowed is None or locale.pk in allowed]
        return super().dispatch(request, *args, **kwargs)

    def get_filterset_kwargs(self):
        return {
            **super().get_filterset_kwargs(),
            "queryset": Locale.objects.none(),
            "languages": self.languages,
            "sections": self.sections,
        }

    def get_filtered_queryset(self):
        language = section = None
        if self.filters and self.filters.is_valid():
            language = self.filters.form.cleaned_data.get("language") or None
            key = self.filters.form.cleaned_data.get("section")
            section = next((item for item in self.sections if item.key == key), None)
        codes = [language] if language else [locale.language_code for locale in self.languages]
        self.report_locales, rows = (
            translation_status(codes, section, all_sections=self.sections) if codes else ([], [])
        )
        return rows

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["report_locales"] = self.report_locales
        return context


class TranslateSubtreeForm(forms.Form):
    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one language.")},
    )
    machine = forms.BooleanField(label=_("Machine-translate the strings nobody has translated yet"), required=False)
    include_snippets = forms.BooleanField(
        label=_("Also translate the snippets these pages use"), required=False, initial=True
    )

    def __init__(self, *args, locales=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.locales = {locale.language_code: locale for locale in locales}
        self.fields["languages"].choices = [(code, locale.get_display_name()) for code, locale in self.locales.items()]


def user_can_translate_tree(user, page):
    """Like wagtail-localize's "Translate this page": the permission to submit translations and to edit the source."""
    return user.has_perm("wagtail_localize.submit_translation") and page.permissions_for_user(user).can_edit()


def translate_subtree(request, page_id):
    """The admin's bulk action: translate a page, its subtree and their snippets into chosen languages, as drafts."""
    if page_id > MAX_PAGE_ID:  # SQLite cannot even look such an id up
        raise Http404
    page = get_object_or_404(Page, pk=page_id).specific
    if page.is_root() or not user_can_translate_tree(request.user, page):
        raise PermissionDenied
    allowed = editable_locale_ids(request.user)
    locales = [
        locale
        for locale in Locale.objects.exclude(pk=page.locale_id)
        .filter(language_code__in=[code for code, _name in settings.LANGUAGES])
        .order_by("language_code")
        if allowed is None or locale.pk in allowed
    ]
    form = TranslateSubtreeForm(request.POST if request.method == "POST" else None, locales=locales)
    if request.method == "POST" and form.is_valid():
        chosen = [form.locales[code] for code in form.cleaned_data["languages"]]
        result = bulk.translate_tree(
            page,
            chosen,
            user=request.user,
            machine=form.cleaned_data["machine"],
            include_snippets=form.cleaned_data["include_snippets"],
        )
        summary = _("%(created)s created, %(updated)s updated, %(unchanged)s unchanged, %(failed)s failed.") % {
            status: result.count(getattr(bulk, status.upper()))
            for status in ("created", "updated", "unchanged", "failed")
        }
        languages = ", ".join(str(locale.get_display_name()) for locale in chosen)
        messages.success(
            request,
            _("'%(page)s' and its subtree translated into %(languages)s as drafts: %(summary)s")
            % {"page": page.get_admin_display_title(), "languages": languages, "summary": summary},
        )
        for obj, locale, status, message in result.outcomes:
            if status == bulk.FAILED:
                messages.error(request, f"{obj} ({locale.language_code}): {message}")
        return redirect("wagtailadmin_explore", page.pk)
    return TemplateResponse(
        request,
        "cms/translate_subtree.html",
        {"page": page, "form": form, "page_count": page.get_descendants(inclusive=True).count()},
        status=400 if form.errors else 200,
    )
