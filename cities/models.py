"""Cities, the member associations that run partnerships, and the partnerships between cities."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.api_types import CityRepresentation, FocusAreaRepresentation, MemberAssociationRepresentation
from home.blocks import BaseStreamBlock
from home.forms import LocaleScopedModelForm
from home.listing import ListingFilterForm, paginate
from home.localization import localize_all, localize_related
from home.models import BasePage, FocusArea, in_focus_area, stories_listed_on
from home.serializers import CountrySerializer, FloatSerializer, ImageSerializer, snippet_serializer

from .facets import partnership_countries


class City(TranslatableMixin, models.Model):
    """A city or town that takes part in a partnership."""

    name = models.CharField(_("name"), max_length=120)
    region = models.CharField(
        _("region or state"), max_length=120, blank=True, help_text=_("For example Florida or Catalonia.")
    )
    # Indexed: the country filters start from the cities of one country (in_country).
    country = CountryField(_("country"), db_index=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("region"),
        FieldPanel("country"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")], heading=_("Coordinates (optional)")),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("region"),
        index.FilterField("country"),
        index.FilterField("locale"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("region"),
        SynchronizedField("country"),
        SynchronizedField("latitude"),
        SynchronizedField("longitude"),
    ]
    api_fields = [
        APIField("name"),
        APIField("region"),
        APIField("country", serializer=CountrySerializer()),
        APIField("latitude", serializer=FloatSerializer()),
        APIField("longitude", serializer=FloatSerializer()),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("city")
        verbose_name_plural = _("cities")
        ordering = ["name"]
        # The directory lists partnerships by their cities' names, a page at a time (`get_partnerships`). A plain
        # index: `db_index` would add a second one for LIKE on PostgreSQL, which ordering never uses.
        indexes = [models.Index(fields=["name"], name="cities_city_name_idx")]

    def __str__(self):
        return f"{self.name}, {self.country.name}" if self.country else self.name

    def clean(self):
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(_("Give both latitude and longitude, or neither."))


class MemberAssociation(TranslatableMixin, models.Model):
    """A local sister-city association: the volunteers who run a city's partnerships."""

    name = models.CharField(_("name"), max_length=255)
    city = models.ForeignKey(City, verbose_name=_("city"), on_delete=models.PROTECT, related_name="member_associations")
    website = models.URLField(_("website"), blank=True)

    base_form_class = LocaleScopedModelForm
    panels = [FieldPanel("name"), FieldPanel("city"), FieldPanel("website")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("locale")]
    translatable_fields = [TranslatableField("name"), TranslatableField("city"), SynchronizedField("website")]
    api_fields = [
        APIField("name"),
        APIField("city", serializer=snippet_serializer(CityRepresentation)()),
        APIField("website"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("member association")
        verbose_name_plural = _("member associations")
        ordering = ["name"]

    def __str__(self):
        return self.name


class PartnershipIndexPage(BasePage):
    """The directory of partnerships, filterable by country, focus area, status and type."""

    intro = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["cities.CityPartnershipPage"]

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    translatable_fields = [*BasePage.translatable_fields, TranslatableField("intro")]
    api_fields = [*BasePage.api_fields, APIField("intro")]

    class Meta:
        verbose_name = _("partnership index page")

    def get_partnerships(self):
        return (
            CityPartnershipPage.objects.child_of(self)
            .live()
            .public()
            .defer_streamfields()
            .select_related("city_a", "city_b", "hero_image", "listing_image")
            .order_by("city_a__name", "city_b__name", "pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        partnerships = self.get_partnerships()
        countries = partnership_countries(partnerships, scope=f"children:{self.pk}")
        filter_form = PartnershipFilterForm(request.GET, locale=self.locale, countries=countries)
        partnerships = filter_form.filter(partnerships)
        context["filter_form"] = filter_form
        context["partnerships"] = paginate(request, partnerships.prefetch_related("focus_areas"))
        attach_localized_cities(context["partnerships"], locale=self.locale_id)
        localize_related(context["partnerships"], "focus_areas", "focus_area_list", locale=self.locale_id)
        return context


def in_country(code, relation=""):
    """Partnerships (or, through `relation`, what names them) with either city in the country `code`.

    The country's cities are read first (one query on the indexed country), and the partnerships are then matched
    against that list of ids: the database sees how few they are and reaches the partnerships through the index on
    each city column. As a subquery, the cities are an unknown it plans for by reading every partnership.
    """
    cities = list(City.objects.filter(country=code).order_by().values_list("pk", flat=True))
    return Q(**{f"{relation}city_a__in": cities}) | Q(**{f"{relation}city_b__in": cities})


def attach_localized_cities(partnerships, locale=None):
    """Give each partnership its two cities in the visitor's language (where translated), in one query for all."""
    partnerships = list(partnerships)
    cities = iter(localize_all([city for p in partnerships for city in (p.city_a, p.city_b)], locale=locale))
    for partnership in partnerships:
        partnership.localized_cities = [next(cities), next(cities)]
    return partnerships


class CityPartnershipPage(BasePage):
    """A partnership between two cities in two countries, with the stories it has produced."""

    class RelationshipType(models.TextChoices):
        SISTER_CITY = "sister_city", _("Sister city")
        FRIENDSHIP_CITY = "friendship_city", _("Friendship city")

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        ACTIVE = "active", pgettext_lazy("partnership status", "Active")
        INACTIVE = "inactive", pgettext_lazy("partnership status", "Inactive")

    city_a = models.ForeignKey(City, verbose_name=_("first city"), on_delete=models.PROTECT, related_name="+")
    city_b = models.ForeignKey(City, verbose_name=_("second city"), on_delete=models.PROTECT, related_name="+")
    relationship_type = models.CharField(
        _("relationship type"), max_length=20, choices=RelationshipType.choices, default=RelationshipType.SISTER_CITY
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE)
    year_established = models.PositiveSmallIntegerField(
        _("year established"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1800)],
        help_text=_("The year the two cities signed their agreement."),
    )
    intro = models.TextField(_("introduction"), blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    focus_areas = ParentalManyToManyField(
        FocusArea, verbose_name=_("focus areas"), blank=True, related_name="partnerships"
    )
    member_associations = ParentalManyToManyField(
        MemberAssociation, verbose_name=_("member associations"), blank=True, related_name="partnerships"
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    parent_page_types = ["cities.PartnershipIndexPage"]
    subpage_types = []
    # Loaded with the page when it is served (home.query.route_to_child): the template shows them.
    serve_select_related = ("hero_image", "city_a", "city_b")

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("city_a"), FieldPanel("city_b")]),
                FieldRowPanel([FieldPanel("relationship_type"), FieldPanel("status"), FieldPanel("year_established")]),
            ],
            heading=_("The partnership"),
        ),
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
        FieldPanel("focus_areas"),
        FieldPanel("member_associations"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.RelatedFields("city_a", [index.SearchField("name"), index.SearchField("region")]),
        index.RelatedFields("city_b", [index.SearchField("name"), index.SearchField("region")]),
        index.FilterField("status"),
        index.FilterField("relationship_type"),
    ]
    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("city_a"),
        TranslatableField("city_b"),
        SynchronizedField("relationship_type"),
        SynchronizedField("status"),
        SynchronizedField("year_established"),
        TranslatableField("intro"),
        SynchronizedField("hero_image"),
        SynchronizedField("focus_areas"),
        SynchronizedField("member_associations"),
        TranslatableField("body"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("city_a", serializer=snippet_serializer(CityRepresentation)()),
        APIField("city_b", serializer=snippet_serializer(CityRepresentation)()),
        APIField("relationship_type"),
        APIField("status"),
        APIField("year_established"),
        APIField("intro"),
        APIField("hero_image", serializer=ImageSerializer()),
        APIField("focus_areas", serializer=snippet_serializer(FocusAreaRepresentation, many=True)()),
        APIField("member_associations", serializer=snippet_serializer(MemberAssociationRepresentation, many=True)()),
        APIField("body"),
    ]

    class Meta:
        verbose_name = _("city partnership page")

    def clean(self):
        super().clean()
        errors = {}
        if self.city_a_id and self.city_b_id:
            if self.city_a_id == self.city_b_id:
                errors["city_b"] = _("A partnership needs two different cities.")
            elif self.city_a.country == self.city_b.country:
                errors["city_b"] = _("The two cities must be in different countries.")
        if self.year_established and self.year_established > timezone.localdate().year:
            errors["year_established"] = _("The year established cannot be in the future.")
        if errors:
            raise ValidationError(errors)

    @property
    def cities(self):
        """The two cities in the visitor's language where translated (set in bulk by attach_localized_cities)."""
        if "localized_cities" not in self.__dict__:
            attach_localized_cities([self], locale=self.locale_id)
        return self.localized_cities

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read when the template first uses them: a kept page body (`{% keep %}`) needs none of them.
        context["stories"] = SimpleLazyObject(lambda: stories_listed_on(self))
        context["member_associations_list"] = SimpleLazyObject(
            lambda: localize_all(
                self.member_associations.select_related("city"), locale=self.locale_id, select_related=["city"]
            )
        )
        context["focus_areas_list"] = SimpleLazyObject(
            lambda: localize_all(self.focus_areas.all(), locale=self.locale_id)
        )
        return context


class PartnershipFilterForm(ListingFilterForm):
    """The directory's filters; every value is optional and an unknown one simply matches nothing."""

    def __init__(self, data, *, locale, countries):
        super().__init__(data, locale=locale)
        self.set_country_choices(countries)
        self.add_choice_field("status", pgettext_lazy("partnership", "Status"), CityPartnershipPage.Status.choices)
        self.add_choice_field(
            "relationship_type", pgettext_lazy("partnership", "Type"), CityPartnershipPage.RelationshipType.choices
        )

    def filter(self, partnerships):
        if not self.is_valid():
            return partnerships.none()
        data = self.cleaned_data
        if data.get("country"):
            partnerships = partnerships.filter(in_country(data["country"]))
        if data.get("focus_area"):
            partnerships = in_focus_area(partnerships, data["focus_area"], self.focus_area_ids(data["focus_area"]))
        if data.get("status"):
            partnerships = partnerships.filter(status=data["status"])
        if data.get("relationship_type"):
            partnerships = partnerships.filter(relationship_type=data["relationship_type"])
        return partnerships
