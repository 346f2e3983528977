"""The base layer of the site: the home page, campaigns, and the snippets every section shares."""

from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageViewRestriction, TranslatableMixin
from wagtail.search import index
from wagtail_headless_preview.models import HeadlessPreviewMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .api_types import CallToActionRepresentation, PartnerOrganisationRepresentation
from .blocks import BaseStreamBlock, live_pages_in_order
from .forms import LocaleScopedModelForm, LocaleScopedPageForm
from .localization import localize_all
from .query import (
    TwinningPageManager,
    TwinningPageQuerySet,
    having,
    having_related,
    is_hidden,
    route_to_child,
    view_restrictions_for,
)
from .rich_text import safe_url
from .serializers import (
    CallToActionLinksSerializer,
    CallToActionURLSerializer,
    CountrySerializer,
    ImageSerializer,
    PageChooserStreamSerializer,
    PageLinkSerializer,
    call_to_action_url,
    snippet_serializer,
)
from .site_root_paths import request_scope

PAGE_TRANSLATABLE_FIELDS = [
    TranslatableField("title"),
    TranslatableField("slug"),
    TranslatableField("seo_title"),
    TranslatableField("search_description"),
    SynchronizedField("show_in_menus"),
]


class FocusArea(TranslatableMixin, models.Model):
    """A theme partnerships work on, such as trade, culture, youth or the environment."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        allow_unicode=True,
        help_text=_("Used in filter links, for example ?focus_area=trade."),
    )
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("locale")]
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("slug"),
        TranslatableField("description"),
    ]
    api_fields = [APIField("name"), APIField("slug"), APIField("description")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("focus area")
        verbose_name_plural = _("focus areas")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["slug", "locale"], name="unique_focus_area_slug_per_locale")]

    def __str__(self):
        return self.name


class PartnerOrganisation(TranslatableMixin, models.Model):
    """An organisation a campaign is run with, such as the Delegation of the European Union to the US."""

    name = models.CharField(_("name"), max_length=255)
    website = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    country = CountryField(_("country"), blank=True)

    base_form_class = LocaleScopedModelForm
    panels = [FieldPanel("name"), FieldPanel("website"), FieldPanel("logo"), FieldPanel("country")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("locale")]
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("website"),
        SynchronizedField("logo"),
        SynchronizedField("country"),
    ]
    api_fields = [
        APIField("name"),
        APIField("website"),
        APIField("logo", serializer=ImageSerializer()),
        APIField("country", serializer=CountrySerializer()),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")
        ordering = ["name"]

    def __str__(self):
        return self.name


class CallToAction(TranslatableMixin, models.Model):
    """A button asking visitors to do something: take action, donate, sign up."""

    class Kind(models.TextChoices):
        TAKE_ACTION = "take_action", _("Take action")
        DONATE = "donate", _("Donate")
        OTHER = "other", _("Other")

    label = models.CharField(_("label"), max_length=80, help_text=_("The words on the button, for example Donate."))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.TAKE_ACTION)
    description = models.CharField(
        _("description"), max_length=255, blank=True, help_text=_("One sentence shown next to the button.")
    )
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A page on this site. Choose a page or enter a web address, not both."),
    )
    link_url = models.URLField(_("web address"), blank=True, help_text=_("An address on another site."))

    base_form_class = LocaleScopedModelForm
    panels = [
        FieldPanel("label"),
        FieldPanel("kind"),
        FieldPanel("description"),
        MultiFieldPanel([FieldPanel("link_page"), FieldPanel("link_url")], heading=_("Where the button goes")),
    ]
    search_fields = [index.SearchField("label"), index.AutocompleteField("label"), index.FilterField("locale")]
    translatable_fields = [
        TranslatableField("label"),
        SynchronizedField("kind"),
        TranslatableField("description"),
        SynchronizedField("link_page"),
        SynchronizedField("link_url"),
    ]
    api_fields = [
        APIField("label"),
        APIField("kind"),
        APIField("description"),
        APIField("url", serializer=CallToActionURLSerializer()),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("call to action")
        verbose_name_plural = _("calls to action")
        ordering = ["kind", "label"]

    def __str__(self):
        return f"{self.label} ({self.get_kind_display()})"

    def clean(self):
        super().clean()
        if self.link_page_id and self.link_url:
            raise ValidationError({"link_url": _("Choose a page or enter a web address, not both.")})
        if not self.link_page_id and not self.link_url:
            raise ValidationError({"link_page": _("Choose a page or enter a web address.")})

    @property
    def url(self):
        if self.link_page_id:
            page = self.link_page.localized if self.link_page else None
            return "" if is_hidden(page) else page.url
        return safe_url(self.link_url)

    def get_api_representation(self):
        return {
            "id": self.pk,
            "label": self.label,
            "kind": self.kind,
            "description": self.description,
            "url": call_to_action_url(self),
        }


class BasePage(HeadlessPreviewMixin, Page):
    """Fields and panels every page of the site has: how it shows in listings and search results."""

    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("listing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown on cards that link to this page. Leave blank to use the page's main image."),
    )
    listing_summary = models.TextField(
        _("listing summary"),
        blank=True,
        max_length=300,
        help_text=_("One or two sentences shown on cards that link to this page."),
    )

    promote_panels = [
        *Page.promote_panels,
        MultiFieldPanel([FieldPanel("listing_image"), FieldPanel("listing_summary")], heading=_("Cards and listings")),
    ]
    base_form_class = LocaleScopedPageForm
    search_fields = [*Page.search_fields, index.SearchField("listing_summary")]
    translatable_fields = [
        *PAGE_TRANSLATABLE_FIELDS,
        SynchronizedField("listing_image"),
        TranslatableField("listing_summary"),
    ]
    api_fields = [APIField("listing_image", serializer=ImageSerializer()), APIField("listing_summary")]

    objects = TwinningPageManager()

    class Meta:
        abstract = True

    def route(self, request, path_components):
        if path_components:
            return route_to_child(self, request, path_components)
        return super().route(request, path_components)

    def get_view_restrictions(self):
        # Routing reads whether there are any with the page itself (home.routing): when there are none, none is
        # the answer without a query. Otherwise they are read in one query (home.query.view_restrictions_for).
        if self.__dict__.get("has_view_restrictions") is False:
            return PageViewRestriction.objects.none()
        return view_restrictions_for(self)

    def _get_site_root_paths(self, cache_object=None, **kwargs):
        # One copy of the site root paths per request, even where no request is passed (home.site_root_paths).
        if cache_object is None and not kwargs:
            cache_object = request_scope()
        return super()._get_site_root_paths(cache_object, **kwargs)

    @property
    def card_image(self):
        return self.listing_image or getattr(self, "hero_image", None)

    @property
    def card_summary(self):
        return self.listing_summary or getattr(self, "intro", "")

    # Editors preview a draft either as this site renders it or in an external front end (wagtail-headless-preview),
    # which reads the draft from the preview API with the token in its address.
    @property
    def preview_modes(self):
        return [("", _("This site")), ("headless", _("External front end"))]

    def serve_preview(self, request, mode_name):
        if mode_name == "headless":
            return super().serve_preview(request, mode_name)
        return Page.serve_preview(self, request, mode_name)

    def get_preview_url(self, request, token):
        # The front end is told the draft's language, to render it with the right strings and direction.
        return f"{super().get_preview_url(request, token)}&locale={self.locale.language_code}"


class HomePage(BasePage):
    """The front page: a hero, the campaign running now, featured pages, the latest stories."""

    hero_heading = models.CharField(_("hero heading"), max_length=255)
    hero_intro = models.TextField(_("hero introduction"), blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    featured_content = StreamField(
        [("page", blocks.PageChooserBlock(label=_("Page")))],
        verbose_name=_("featured content"),
        blank=True,
        help_text=_("Pages to feature under the hero, in this order. Unpublished pages are left out."),
    )
    featured_campaign = models.ForeignKey(
        "home.CampaignPage",
        verbose_name=_("featured campaign"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leave blank to show the campaign that is running now."),
    )

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["home.CampaignIndexPage", "stories.StoryIndexPage", "cities.PartnershipIndexPage"]

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("hero_heading"), FieldPanel("hero_intro"), FieldPanel("hero_image")], heading=_("Hero")
        ),
        FieldPanel("featured_campaign"),
        FieldPanel("featured_content"),
        InlinePanel(
            "site_calls_to_action",
            heading=_("Site-wide calls to action"),
            label=_("Call to action"),
            help_text=_("Shown on the home page and in the footer of every page, for example Take Action and Donate."),
        ),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("hero_heading"), index.SearchField("hero_intro")]
    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("hero_heading"),
        TranslatableField("hero_intro"),
        SynchronizedField("hero_image"),
        SynchronizedField("featured_content"),
        SynchronizedField("featured_campaign"),
        SynchronizedField("site_calls_to_action"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("hero_heading"),
        APIField("hero_intro"),
        APIField("hero_image", serializer=ImageSerializer()),
        APIField("featured_content", serializer=PageChooserStreamSerializer()),
        APIField("featured_campaign", serializer=PageLinkSerializer()),
        APIField("site_calls_to_action", serializer=CallToActionLinksSerializer()),
    ]

    class Meta:
        verbose_name = _("home page")

    @cached_property
    def featured_pages(self):
        return live_pages_in_order([item["value"] for item in self.featured_content.raw_data])

    @cached_property
    def active_campaign(self):
        if self.featured_campaign_id:
            campaign = CampaignPage.objects.live().public().filter(pk=self.featured_campaign_id).first()
            if campaign:
                return campaign
        return (
            CampaignPage.objects.live()
            .public()
            .filter(locale_id=self.locale_id)
            .with_status(CampaignPage.Status.ACTIVE)
            .select_related("hero_image")
            .order_by("-start_date")
            .first()
        )

    def latest_stories(self, count=3):
        story_model = apps.get_model("stories", "StoryPage")
        return (
            story_model.objects.live()
            .public()
            .filter(locale_id=self.locale_id)
            .defer_streamfields()
            .select_related("hero_image", "listing_image")
            .order_by("-date", "-pk")[:count]
        )

    @cached_property
    def calls_to_action(self):
        return localize_all(
            [link.call_to_action for link in self.site_calls_to_action.select_related("call_to_action__link_page")],
            locale=self.locale_id,
            select_related=["link_page"],
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_stories"] = self.latest_stories()
        return context


class HomePageCallToAction(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="site_calls_to_action")
    call_to_action = models.ForeignKey(
        CallToAction, verbose_name=_("call to action"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("call_to_action")]

    class Meta(Orderable.Meta):
        verbose_name = _("site-wide call to action")


class CampaignIndexPage(BasePage):
    """Lists the network's campaigns: those running now first, then upcoming, then past ones."""

    intro = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.CampaignPage"]

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    translatable_fields = [*BasePage.translatable_fields, TranslatableField("intro")]
    api_fields = [*BasePage.api_fields, APIField("intro")]

    class Meta:
        verbose_name = _("campaign index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        campaigns = list(
            CampaignPage.objects.child_of(self)
            .live()
            .public()
            .defer_streamfields()
            .select_related("hero_image", "listing_image")
            .order_by("-start_date", "pk")
        )
        today = timezone.localdate()
        context["campaign_groups"] = [
            (label, [campaign for campaign in campaigns if campaign.get_status(today) == status])
            for status, label in CampaignPage.Status.choices
        ]
        return context


class CampaignPageQuerySet(TwinningPageQuerySet):
    def with_status(self, status, today=None):
        today = today or timezone.localdate()
        if status == CampaignPage.Status.UPCOMING:
            return self.filter(start_date__gt=today)
        if status == CampaignPage.Status.ACTIVE:
            return self.filter(Q(start_date__lte=today) & (Q(end_date__isnull=True) | Q(end_date__gte=today)))
        if status == CampaignPage.Status.ENDED:
            return self.filter(end_date__lt=today)
        raise ValueError(f"Unknown campaign status: {status!r}")


CampaignPageManager = TwinningPageManager.from_queryset(CampaignPageQuerySet)

hashtag_validator = RegexValidator(
    r"^#?[^\W_][\w]*$", _("A hashtag is one word of letters, digits or underscores, for example #SisterCitySunday.")
)


class CampaignPage(BasePage):
    """A campaign the network runs, usually online and with partners, for a set period."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Running now")
        UPCOMING = "upcoming", _("Upcoming")
        ENDED = "ended", _("Ended")

    hashtag = models.CharField(_("hashtag"), max_length=100, blank=True, validators=[hashtag_validator])
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("Leave blank for a campaign with no fixed end.")
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
    partner_organisations = ParentalManyToManyField(
        PartnerOrganisation, verbose_name=_("partner organisations"), blank=True, related_name="campaigns"
    )
    calls_to_action = ParentalManyToManyField(
        CallToAction, verbose_name=_("calls to action"), blank=True, related_name="campaigns"
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    objects = CampaignPageManager()

    parent_page_types = ["home.CampaignIndexPage"]
    subpage_types = []
    # Loaded with the page when it is served (home.query.route_to_child): the template shows it.
    serve_select_related = ("hero_image",)

    content_panels = [
        *Page.content_panels,
        FieldPanel("hashtag"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")], heading=_("Dates")),
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
        FieldPanel("partner_organisations"),
        FieldPanel("calls_to_action"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("hashtag"),
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("start_date"),
        index.FilterField("end_date"),
    ]
    translatable_fields = [
        *BasePage.translatable_fields,
        SynchronizedField("hashtag"),
        SynchronizedField("start_date"),
        SynchronizedField("end_date"),
        TranslatableField("intro"),
        SynchronizedField("hero_image"),
        SynchronizedField("partner_organisations"),
        SynchronizedField("calls_to_action"),
        TranslatableField("body"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("hashtag"),
        APIField("start_date"),
        APIField("end_date"),
        APIField("status"),
        APIField("intro"),
        APIField("hero_image", serializer=ImageSerializer()),
        APIField(
            "partner_organisations", serializer=snippet_serializer(PartnerOrganisationRepresentation, many=True)()
        ),
        APIField("calls_to_action", serializer=snippet_serializer(CallToActionRepresentation, many=True)()),
        APIField("body"),
    ]

    class Meta:
        verbose_name = _("campaign page")

    def clean(self):
        super().clean()
        if self.hashtag and not self.hashtag.startswith("#"):
            self.hashtag = f"#{self.hashtag}"
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date cannot be before the start date.")})

    def get_status(self, today=None):
        today = today or timezone.localdate()
        if self.start_date > today:
            return self.Status.UPCOMING
        if self.end_date and self.end_date < today:
            return self.Status.ENDED
        return self.Status.ACTIVE

    @property
    def status(self):
        return self.get_status()

    def get_status_display(self):
        return self.Status(self.status).label

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read when the template first uses them: a kept page body (`{% keep %}`) needs none of them.
        context["stories"] = SimpleLazyObject(lambda: stories_listed_on(self))
        context["partners"] = SimpleLazyObject(
            lambda: localize_all(
                self.partner_organisations.select_related("logo"), locale=self.locale_id, select_related=["logo"]
            )
        )
        context["actions"] = SimpleLazyObject(
            lambda: localize_all(
                self.calls_to_action.select_related("link_page"), locale=self.locale_id, select_related=["link_page"]
            )
        )
        return context


def in_focus_area(queryset, slug, ids=None):
    """The rows of `queryset` (stories or partnerships) in the focus area `slug`, in any language (slugs are shared).

    `ids`: that slug's focus areas, where the caller has read them already (the listings' filter forms do).
    """
    targets = FocusArea.objects.filter(slug=slug).values("pk") if ids is None else ids
    return having_related(queryset, "focus_areas", targets)


def stories_listed_on(page):
    """The live stories in `page`'s language that name `page` (a partnership or campaign) in any language.

    A translated story keeps the source's relations (they are synchronised), so a French story points at the
    English page: matching on the translation key finds it from the French page too. The story model and the
    relation are read from the page's `stories` reverse relation, so no content app names another's module.
    """
    relation = page._meta.get_field("stories")
    stories = relation.related_model.objects.filter(locale_id=page.locale_id)
    return (
        having(stories, **{f"{relation.field.name}__translation_key": page.translation_key})
        .live()
        .public()
        .defer_streamfields()
        .select_related("hero_image", "listing_image")
        .order_by("-date", "-pk")
    )
