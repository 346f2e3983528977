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
from django.db.models import QuerySet
from django.forms.utils import flatatt
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from .models import FocusArea

LISTING_PAGE_SIZE = getattr(settings, "TWINNING_LISTING_PAGE_SIZE", 12)


# How listings count their items: `count()`, unless the site installs a function that gives the same answer faster
# (`use_counter`; the Twinning site keeps counts in its cache, cms.cache.counts).
_counter = None


def use_counter(function):
    """Count listings with `function(items)`, which must return what `items.count()` would; None: `count()`."""
    global _counter
    _counter = function


class ListingPaginator(Paginator):
    """Django's paginator, counting with the installed counter (`use_counter`)."""

    @cached_property
    def count(self):
        items = self.object_list
        is_search = getattr(items, "query_compiler", None) is not None
        if _counter is None or not (isinstance(items, QuerySet) or is_search):
            return super().count
        return _counter(items)


def paginate(request, queryset, per_page=LISTING_PAGE_SIZE):
    """One page of `queryset`; a missing, malformed or out-of-range ?page= gives the nearest real page."""
    return ListingPaginator(queryset, per_page).get_page(request.GET.get("page"))


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
        # Every language's focus areas, in one query (a few dozen rows): the choices are the locale's own and the
        # default language's not translated yet (slugs are shared), and the ids of each slug's focus areas in every
        # language are what the listing is then filtered by (`focus_area_ids`).
        rows = list(
            FocusArea.objects.order_by("name").values_list(
                "pk", "slug", "name", "locale_id", "translation_key", "locale__language_code"
            )
        )
        translated = {key for _pk, _slug, _name, locale_id, key, _code in rows if locale_id == locale.pk}
        choices = [
            (slug, name)
            for _pk, slug, name, locale_id, key, code in rows
            if locale_id == locale.pk or (code == settings.LANGUAGE_CODE and key not in translated)
        ]
        self._focus_area_ids = {}
        for pk, slug, *_rest in rows:
            self._focus_area_ids.setdefault(slug, []).append(pk)
        self.fields["focus_area"] = forms.ChoiceField(
            label=_("Focus area"),
            required=False,
            choices=[("", _("All focus areas")), *choices],
            widget=ChoicesSelect,
        )
        self.fields["country"] = forms.ChoiceField(
            label=_("Country"), required=False, choices=[("", _("All countries"))], widget=ChoicesSelect
        )

    def focus_area_ids(self, slug):
        """The ids of the focus areas called `slug` in every language, read with the choices.

        Listings filter by these values rather than by a subquery on the slug: the database then reads the links of
        those focus areas alone through their index, where with a subquery it plans for any focus area and reads
        every link (60,000 for the stories at scale: the count of a filtered story listing took 19 ms, 12 ms now).
        """
        return self._focus_area_ids.get(slug, [])

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
