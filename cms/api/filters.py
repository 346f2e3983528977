"""Query-parameter filters for API v2, one class per parameter.

Each filter names its parameter and the page types it applies to; a viewset lists them in `filter_backends` and
accepts their parameters only for those types (`?focus_area=` on a campaign listing is an unknown parameter, a
400). A malformed value is a 400 with a message saying what is expected; a well-formed value that matches nothing
gives an empty listing.
"""

import datetime
import re

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django_countries import countries
from rest_framework.filters import BaseFilterBackend
from taggit.managers import TaggableManager
from wagtail.api.v2.filters import FieldsFilter as WagtailFieldsFilter
from wagtail.api.v2.utils import BadRequestError, parse_boolean
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page

from cities.models import CityPartnershipPage, in_country
from home.models import CampaignPage, in_focus_area
from home.query import having_related
from stories.models import StoryPage, about_partnerships

# The largest id or count a parameter may carry: the range of a 32-bit integer column, which every database takes.
MAX_INTEGER = 2**31 - 1
SLUG_RE = re.compile(r"^[-\w]+$")


def parse_integer(name, value, minimum=0):
    """`value` as an integer between `minimum` and MAX_INTEGER, or a 400 naming the parameter."""
    try:
        number = int(value)
    except (TypeError, ValueError) as e:
        raise BadRequestError(f"{name} must be a positive integer") from e
    if not minimum <= number <= MAX_INTEGER:
        raise BadRequestError(f"{name} must be an integer between {minimum} and {MAX_INTEGER}")
    return number


def parse_date(name, value):
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as e:
        raise BadRequestError(f"{name} must be a date in the form YYYY-MM-DD") from e


class ParameterFilter(BaseFilterBackend):
    """One query parameter, applying to the listed page types (all if empty)."""

    parameter = None
    models = ()

    @classmethod
    def applies_to(cls, model):
        return not cls.models or issubclass(model, cls.models)

    def filter_queryset(self, request, queryset, view):
        if self.parameter not in request.GET or not self.applies_to(queryset.model):
            return queryset
        return self.apply(queryset, self.parse(request.GET[self.parameter]))

    def parse(self, value):
        return value

    def apply(self, queryset, value):
        raise NotImplementedError


class FocusAreaFilter(ParameterFilter):
    """?focus_area=trade: stories or partnerships about the focus area with that slug."""

    parameter = "focus_area"
    models = (StoryPage, CityPartnershipPage)

    def parse(self, value):
        if not SLUG_RE.match(value):
            raise BadRequestError("focus_area must be a focus area's slug, such as trade")
        return value

    def apply(self, queryset, value):
        return in_focus_area(queryset, value)


class CountryFilter(ParameterFilter):
    """?country=ES: stories or partnerships involving a city in that country (an ISO 3166 code)."""

    parameter = "country"
    models = (StoryPage, CityPartnershipPage)

    def parse(self, value):
        code = value.upper()
        if code not in countries:
            raise BadRequestError("country must be a two-letter ISO 3166 country code, such as ES")
        return code

    def apply(self, queryset, value):
        if issubclass(queryset.model, StoryPage):
            return about_partnerships(queryset, in_country(value))
        return queryset.filter(in_country(value))


class PartnershipFilter(ParameterFilter):
    """?partnership=12: stories about the partnership page with that id."""

    parameter = "partnership"
    models = (StoryPage,)

    def parse(self, value):
        return parse_integer(self.parameter, value, minimum=1)

    def apply(self, queryset, value):
        return having_related(queryset, "related_partnerships", [value])


class CampaignFilter(ParameterFilter):
    """?campaign=7: stories told for the campaign page with that id."""

    parameter = "campaign"
    models = (StoryPage,)

    def parse(self, value):
        return parse_integer(self.parameter, value, minimum=1)

    def apply(self, queryset, value):
        return queryset.filter(related_campaign_id=value)


class CampaignStatusFilter(ParameterFilter):
    """?status=active: campaigns that are upcoming, active (running today) or ended."""

    parameter = "status"
    models = (CampaignPage,)

    def parse(self, value):
        if value not in CampaignPage.Status.values:
            raise BadRequestError(f"status must be one of: {', '.join(CampaignPage.Status.values)}")
        return value

    def apply(self, queryset, value):
        return queryset.filter(pk__in=CampaignPage.objects.with_status(value).values("pk"))


class CampaignRunningFromFilter(ParameterFilter):
    """?running_from=2026-04-01: campaigns running on or after that date (no end date, or ending then or later)."""

    parameter = "running_from"
    models = (CampaignPage,)

    def parse(self, value):
        return parse_date(self.parameter, value)

    def apply(self, queryset, value):
        return queryset.filter(Q(end_date__isnull=True) | Q(end_date__gte=value))


class CampaignRunningUntilFilter(ParameterFilter):
    """?running_until=2026-04-30: campaigns that have started on or before that date."""

    parameter = "running_until"
    models = (CampaignPage,)

    def parse(self, value):
        return parse_date(self.parameter, value)

    def apply(self, queryset, value):
        return queryset.filter(start_date__lte=value)


class LocaleFilter(BaseFilterBackend):
    """?locale=fr: objects in that language; an unknown language is a 404, as in Wagtail."""

    def filter_queryset(self, request, queryset, view):
        if "locale" not in request.GET:
            return queryset
        child_of = getattr(queryset, "_filtered_by_child_of", None)
        locale = get_object_or_404(Locale, language_code=request.GET["locale"])
        fallback = view.get_fallback_locale()
        if fallback is None:
            queryset = queryset.filter(locale=locale)
        else:
            # The fallback language's pages whose translation in the requested language is not live (or missing).
            translated = Page.objects.live().filter(locale=locale).values("translation_key")
            queryset = queryset.filter(Q(locale=locale) | (Q(locale=fallback) & ~Q(translation_key__in=translated)))
        if child_of is not None:
            queryset._filtered_by_child_of = child_of
        return queryset


class FallbackFilter(BaseFilterBackend):
    """?fallback=en (with ?locale=fr): also pages in English that have no live French translation, marked as such.

    The work is done by LocaleFilter; this class only checks the parameter, so that it stays documented here.
    """

    def filter_queryset(self, request, queryset, view):
        view.get_fallback_locale()
        return queryset


class FieldsFilter(WagtailFieldsFilter):
    """?<field>=<value>: Wagtail's exact-match filter on a model field, with every value checked first.

    Wagtail passes dates, decimals, choices and relations straight to the database, where a bad value is a
    server error (or, on PostgreSQL, an out-of-range integer is); here each is converted by the model field and
    range-checked, so a bad value is a 400 naming the field.
    """

    def filter_queryset(self, request, queryset, view):
        fields = set(view.get_available_fields(queryset.model, db_fields_only=True)) - {"locale"}
        for name, value in request.GET.items():
            if name in fields:
                self.check_value(queryset.model, name, value)
        return super().filter_queryset(request, queryset, view)

    @staticmethod
    def check_value(model, name, value):
        field = model._meta.get_field(name)
        error = f"field filter error. '{value}' is not a valid value for {name}"
        if isinstance(field, (StreamField, RichTextField, models.JSONField)):
            raise BadRequestError(f"field filter error. {name} cannot be filtered on")
        if isinstance(field, TaggableManager):
            return
        if field.is_relation:
            parse_integer(name, value, minimum=1)
            return
        try:
            if isinstance(field, models.BooleanField):
                parse_boolean(value)
                return
            python_value = field.to_python(value)
        except (ValidationError, ValueError) as e:
            raise BadRequestError(error) from e
        if isinstance(field, (models.IntegerField, models.AutoField)) and not 0 <= python_value <= MAX_INTEGER:
            raise BadRequestError(f"{error} (out of range)")
        if field.choices and python_value not in {choice for choice, _label in field.flatchoices}:
            allowed = ", ".join(str(choice) for choice, _label in field.flatchoices)
            raise BadRequestError(f"{error} (one of: {allowed})")
