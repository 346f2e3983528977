"""Admin views for translators: the translation status report and the "Translate subtree" action."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale

from home.permissions import editable_locale_ids

from .status import sections, target_locales, translation_status


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
