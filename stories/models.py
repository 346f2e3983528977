"""Stories of partnerships: what members did, written by them or by staff."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cities.facets import partnership_countries
from cities.models import CityPartnershipPage, attach_localized_cities, in_country
from home.api_types import FocusAreaRepresentation
from home.blocks import BaseStreamBlock
from home.forms import is_id
from home.listing import ListingFilterForm, paginate
from home.localization import localize, localize_all, localize_related
from home.models import BasePage, FocusArea, in_focus_area
from home.query import having_related
from home.rich_text import safe_url
from home.serializers import ImageSerializer, PageLinkSerializer, PageLinksSerializer, snippet_serializer


class StoryIndexPage(BasePage):
    """Lists stories, newest first, filterable by focus area, country and partnership."""

    intro = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["stories.StoryPage"]

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    translatable_fields = [*BasePage.translatable_fields, TranslatableField("intro")]
    api_fields = [*BasePage.api_fields, APIField("intro")]

    class Meta:
        verbose_name = _("story index page")

    def get_stories(self):
        return (
            StoryPage.objects.child_of(self)
            .live()
            .public()
            .defer_streamfields()
            .select_related("hero_image", "listing_image")
            .order_by("-date", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        stories = self.get_stories()
        filter_form = StoryFilterForm(request.GET, locale=self.locale)
        stories = filter_form.filter(stories)
        context["filter_form"] = filter_form
        context["stories"] = paginate(request, stories.prefetch_related("focus_areas"))
        localize_related(context["stories"], "focus_areas", "focus_area_list", locale=self.locale_id)
        return context


class StoryPage(BasePage):
    """A story about a partnership: a visit, a trade mission, an exchange. It may first have appeared elsewhere."""

    date = models.DateField(
        _("date"), default=timezone.localdate, help_text=_("When the story happened or was written.")
    )
    contributor_name = models.CharField(
        _("contributor name"),
        max_length=255,
        blank=True,
        help_text=_("Who wrote the story. Contributors need not have an account on this site."),
    )
    contributor_role = models.CharField(
        _("contributor role"),
        max_length=255,
        blank=True,
        help_text=_("For example: Board member, Sister Cities International."),
    )
    original_url = models.URLField(
        _("original address"),
        blank=True,
        help_text=_(
            "If the story first appeared on another site, its address there. The page then credits that site and "
            "tells search engines the original is the main copy."
        ),
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
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)
    focus_areas = ParentalManyToManyField(FocusArea, verbose_name=_("focus areas"), blank=True, related_name="stories")
    related_partnerships = ParentalManyToManyField(
        CityPartnershipPage, verbose_name=_("related partnerships"), blank=True, related_name="stories"
    )
    related_campaign = models.ForeignKey(
        "home.CampaignPage",
        verbose_name=_("related campaign"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stories",
    )

    parent_page_types = ["stories.StoryIndexPage"]
    subpage_types = []
    # Loaded with the page when it is served (home.query.route_to_child): the template shows them.
    serve_select_related = ("hero_image", "related_campaign")

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("contributor_name"), FieldPanel("contributor_role")]),
                FieldPanel("original_url"),
            ],
            heading=_("Contributor"),
        ),
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("focus_areas"), FieldPanel("related_partnerships"), FieldPanel("related_campaign")],
            heading=_("What the story is about"),
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("contributor_name"),
        index.FilterField("date"),
    ]
    translatable_fields = [
        *BasePage.translatable_fields,
        SynchronizedField("date"),
        SynchronizedField("contributor_name"),
        TranslatableField("contributor_role"),
        SynchronizedField("original_url"),
        TranslatableField("intro"),
        SynchronizedField("hero_image"),
        TranslatableField("body"),
        SynchronizedField("focus_areas"),
        SynchronizedField("related_partnerships"),
        SynchronizedField("related_campaign"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("date"),
        APIField("contributor_name"),
        APIField("contributor_role"),
        APIField("original_url"),
        APIField("intro"),
        APIField("hero_image", serializer=ImageSerializer()),
        APIField("body"),
        APIField("focus_areas", serializer=snippet_serializer(FocusAreaRepresentation, many=True)()),
        APIField("related_partnerships", serializer=PageLinksSerializer()),
        APIField("related_campaign", serializer=PageLinkSerializer()),
    ]

    class Meta:
        verbose_name = _("story page")
        # Every story listing (home page, index, partnership and campaign pages, feed) is newest first: with this
        # index the database reads the first page of them in order instead of sorting them all.
        indexes = [models.Index(fields=["-date", "-page_ptr"], name="story_newest_first")]

    @property
    def canonical_url(self):
        return safe_url(self.original_url) or self.full_url

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read when the template first uses them: a kept page body (`{% keep %}`) needs none of them.
        context["partnerships"] = SimpleLazyObject(self.partnerships_shown)
        context["focus_areas_list"] = SimpleLazyObject(
            lambda: localize_all(self.focus_areas.all(), locale=self.locale_id)
        )
        context["campaign"] = SimpleLazyObject(lambda: localize(self.related_campaign, locale=self.locale_id))
        return context

    def partnerships_shown(self):
        # Filter by id rather than calling .live() on the relation: in a preview the relation is an in-memory list.
        partnerships = localize_all(
            CityPartnershipPage.objects.live()
            .public()
            .filter(pk__in=self.related_partnerships.values_list("id", flat=True))
            .select_related("city_a", "city_b"),
            locale=self.locale_id,
            select_related=["city_a", "city_b"],
        )
        return attach_localized_cities(partnerships, locale=self.locale_id)


def about_partnerships(stories, condition):
    """The stories that name a partnership matching `condition` (a `Q` on partnership pages).

    Any language's partnership: a translated story keeps its source's relations, so it names the source-language
    partnerships.
    """
    partnerships = CityPartnershipPage.objects.filter(condition).values("pk")
    return having_related(stories, "related_partnerships", partnerships)


class StoryFilterForm(ListingFilterForm):
    """The story index's filters; an unknown value is reported and matches nothing."""

    def __init__(self, data, *, locale):
        super().__init__(data, locale=locale)
        partnerships = CityPartnershipPage.objects.live().public().filter(locale=locale)
        countries = partnership_countries(partnerships, scope=f"locale:{locale.pk}")
        self.set_country_choices(countries)
        # The partnerships offered are those of the chosen country: listing all of them would put one option per
        # partnership of the language (2,000 at scale) on every view. Without a country, the partnership asked for
        # (a link from its page) is the only one offered, so it still filters.
        country, partnership = self.data.get("country"), self.data.get("partnership")
        self.country_condition = in_country(country) if country in countries else None
        if self.country_condition is not None:
            partnerships = partnerships.filter(self.country_condition)
            empty_label = _("All partnerships")
        else:
            partnerships = partnerships.filter(pk=partnership) if partnership and is_id(partnership) else None
            empty_label = _("All partnerships (choose a country to list them)")
        choices = []
        if partnerships is not None:
            choices = [(str(pk), title) for pk, title in partnerships.order_by("title").values_list("pk", "title")]
        self.add_choice_field("partnership", _("Partnership"), choices, empty_label=empty_label)

    def filter(self, stories):
        if not self.is_valid():
            return stories.none()
        data = self.cleaned_data
        if data.get("focus_area"):
            stories = in_focus_area(stories, data["focus_area"], self.focus_area_ids(data["focus_area"]))
        if data.get("country"):
            stories = about_partnerships(stories, self.country_condition)
        if data.get("partnership"):
            # Translated stories point at the source-language partnership: match any language's version of it.
            partnership_key = CityPartnershipPage.objects.filter(pk=data["partnership"]).values("translation_key")
            stories = about_partnerships(stories, Q(translation_key__in=partnership_key))
        return stories
