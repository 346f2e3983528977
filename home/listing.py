"""What the listing pages share: the filter form and pagination.

Filters never fail a page: a value that is not one of the choices is reported on the form and the listing is
empty, so a hand-edited or stale link gives a 200 with a clear message.
"""

import functools
from html import escape

import pyuca
from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Q
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from .models import FocusArea

LISTING_PAGE_SIZE = getattr(settings, "TWINNING_LISTING_PAGE_SIZE", 12)


def paginate(request, queryset, per_page=LISTING_PAGE_SIZE):
    """One page of `queryset`; a missing, malformed or out-of-range ?page= gives the nearest real page."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


@functools.cache
def _collator():
    # Building the collation table takes a moment; do it once per process, on first use.
    return pyuca.Collator()


def collation_key(text):
    """A sort key that orders words as a reader expects ("Égypte" next to "Espagne"), in any language."""
    return _collator().sort_key(str(text).casefold())


def sorted_country_choices(codes):
    """(code, name) pairs with names in the active language, in that language's alphabetical order."""
    return list(_sorted_country_choices(get_language(), frozenset(code for code in codes if code)))


@functools.lru_cache(maxsize=256)
def _sorted_country_choices(language, codes):
    # Naming and sorting a hundred countries takes milliseconds; a listing asks for the same set on every request.
    named = [(code, countries.name(code)) for code in codes if code in countries]
    return tuple(sorted(named, key=lambda choice: collation_key(choice[1])))


class ChoicesSelect(forms.Select):
    """A `<select>` of flat choices, its options written in one pass rather than through Django's option template
    and option dictionaries (and `format_html` per option): a listing's partnership filter has one option per
    partnership, 2,000 at scale. The markup is the same: Django's attributes, its escaping, the first matching
    option selected."""

    def render(self, name, value, attrs=None, renderer=None):
        selected = set(self.format_value(value))
        options = []
        for option_value, label in self.choices:
            option_value = "" if option_value is None else str(option_value)
            mark = ""
            if option_value in selected:
                mark = " selected"
                selected.clear()  # a single select: only the first match, as Django does
            options.append(f'<option value="{escape(option_value)}"{mark}>{escape(str(label))}</option>')
        attributes = flatatt(self.build_attrs(self.attrs, attrs))
        # Every value and label was escaped above, as format_html would have.
        options = mark_safe("".join(options))  # noqa: S308
        return format_html('<select name="{}"{}>{}</select>', name, attributes, options)


class ListingFilterForm(forms.Form):
    """Focus area and country, the filters every listing has; subclasses add their own."""

    def __init__(self, data, *, locale):
        super().__init__({key: value for key, value in data.items() if value} if data is not None else None)
        self.locale = locale
        # The locale's own focus areas, and the default language's for those not translated yet (slugs are shared).
        translated = FocusArea.objects.filter(locale=locale).values("translation_key")
        focus_areas = (
            FocusArea.objects.filter(
                Q(locale=locale)
                | (Q(locale__language_code=settings.LANGUAGE_CODE) & ~Q(translation_key__in=translated))
            )
            .order_by("name")
            .values_list("slug", "name")
        )
        self.fields["focus_area"] = forms.ChoiceField(
            label=_("Focus area"),
            required=False,
            choices=[("", _("All focus areas")), *focus_areas],
            widget=ChoicesSelect,
        )
        self.fields["country"] = forms.ChoiceField(
            label=_("Country"), required=False, choices=[("", _("All countries"))], widget=ChoicesSelect
        )

    def set_country_choices(self, codes):
        self.fields["country"].choices = [("", _("All countries")), *sorted_country_choices(codes)]

    def add_choice_field(self, name, label, choices, empty_label=None):
        empty_choice = ("", empty_label or _("Any"))
        self.fields[name] = forms.ChoiceField(
            label=label, required=False, choices=[empty_choice, *choices], widget=ChoicesSelect
        )

    @property
    def is_filtered(self):
        return self.is_bound and any(self.data.get(name) for name in self.fields)
