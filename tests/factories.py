"""One factory per model. Page factories need a `parent`: `StoryPageFactory(parent=story_index)`."""

import datetime
import json

import factory
import wagtail_factories
from django.utils import timezone
from django.utils.text import slugify
from factory.django import DjangoModelFactory
from wagtail.models import Collection, Locale

from cities.models import City, CityPartnershipPage, MemberAssociation, PartnershipIndexPage
from home.models import (
    CallToAction,
    CampaignIndexPage,
    CampaignPage,
    FocusArea,
    HomePage,
    HomePageCallToAction,
    PartnerOrganisation,
)
from stories.models import StoryIndexPage, StoryPage


def default_locale():
    return Locale.get_default()


class ImageFactory(wagtail_factories.ImageFactory):
    """A small Pillow-generated image in the root collection."""

    title = factory.Sequence(lambda n: f"Image {n}")
    # wagtail_factories would make a new root collection per image; images belong in the one root.
    collection = factory.LazyFunction(Collection.get_first_root_node)
    file = factory.django.ImageField(width=48, height=32, color="green", filename="photo.png")


class TranslatableFactory(DjangoModelFactory):
    locale = factory.LazyFunction(default_locale)

    class Meta:
        abstract = True


class FocusAreaFactory(TranslatableFactory):
    name = factory.Sequence(lambda n: f"Focus area {n}")
    slug = factory.LazyAttribute(lambda obj: slugify(obj.name))
    description = "What partnerships do together."

    class Meta:
        model = FocusArea


class PartnerOrganisationFactory(TranslatableFactory):
    name = factory.Sequence(lambda n: f"Partner organisation {n}")
    website = factory.Sequence(lambda n: f"https://partner{n}.example.org/")
    country = "US"

    class Meta:
        model = PartnerOrganisation


class CallToActionFactory(TranslatableFactory):
    label = factory.Sequence(lambda n: f"Act now {n}")
    kind = CallToAction.Kind.TAKE_ACTION
    description = "One sentence about the action."
    link_url = factory.Sequence(lambda n: f"https://act.example.org/{n}/")

    class Meta:
        model = CallToAction


class CityFactory(TranslatableFactory):
    name = factory.Sequence(lambda n: f"City {n}")
    region = "Region"
    country = "US"

    class Meta:
        model = City


class MemberAssociationFactory(TranslatableFactory):
    name = factory.Sequence(lambda n: f"Sister Cities of City {n}")
    city = factory.SubFactory(CityFactory)
    website = factory.Sequence(lambda n: f"https://association{n}.example.org/")

    class Meta:
        model = MemberAssociation


class BasePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Page {n}")

    class Meta:
        abstract = True


class HomePageFactory(BasePageFactory):
    title = "Home"
    hero_heading = "Building peace one partnership at a time"
    hero_intro = "Cities around the world, working together."

    class Meta:
        model = HomePage


class HomePageCallToActionFactory(DjangoModelFactory):
    call_to_action = factory.SubFactory(CallToActionFactory)

    class Meta:
        model = HomePageCallToAction


class CampaignIndexPageFactory(BasePageFactory):
    title = "Campaigns"
    intro = "What the network campaigns for."

    class Meta:
        model = CampaignIndexPage


class CampaignPageFactory(BasePageFactory):
    title = factory.Sequence(lambda n: f"Campaign {n}")
    hashtag = factory.Sequence(lambda n: f"#Campaign{n}")
    start_date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=10))
    end_date = None
    intro = "A campaign of the network."

    class Meta:
        model = CampaignPage


class StoryIndexPageFactory(BasePageFactory):
    title = "Stories"
    intro = "What members have done."

    class Meta:
        model = StoryIndexPage


class StoryPageFactory(BasePageFactory):
    title = factory.Sequence(lambda n: f"Story {n}")
    date = factory.Sequence(lambda n: datetime.date(2020, 1, 1) + datetime.timedelta(days=n))
    contributor_name = "Ana Contributor"
    contributor_role = "Board member"
    intro = "A story about a partnership."

    class Meta:
        model = StoryPage


class PartnershipIndexPageFactory(BasePageFactory):
    title = "Partnerships"
    intro = "Every partnership in the network."

    class Meta:
        model = PartnershipIndexPage


class CityPartnershipPageFactory(BasePageFactory):
    city_a = factory.SubFactory(CityFactory, country="US")
    city_b = factory.SubFactory(CityFactory, country="ES")
    title = factory.LazyAttribute(lambda obj: f"{obj.city_a.name} and {obj.city_b.name}")
    relationship_type = CityPartnershipPage.RelationshipType.SISTER_CITY
    status = CityPartnershipPage.Status.ACTIVE
    year_established = 1990
    intro = "Two cities working together."

    class Meta:
        model = CityPartnershipPage


def stream_json(*blocks):
    """A StreamField value from (block_type, raw value) pairs, as stored in the database."""
    return json.dumps([{"type": block_type, "value": value} for block_type, value in blocks])
