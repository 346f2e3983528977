"""A small bilingual site for the API tests: English pages, some translated into French."""

import datetime

from django.core.cache import cache
from django.db import connections
from wagtail.models import Locale

from tests.factories import (
    CampaignPageFactory,
    CityFactory,
    CityPartnershipPageFactory,
    FocusAreaFactory,
    MemberAssociationFactory,
    PartnerOrganisationFactory,
    StoryPageFactory,
)
from tests.utils import SiteTestCase, body_stream


def translate(page, locale, **fields):
    """A live translation of `page` in `locale` (Wagtail's copy_for_translation, then publish)."""
    translation = page.copy_for_translation(locale, copy_parents=True, alias=False)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


class APISiteTestCase(SiteTestCase):
    def setUp(self):
        super().setUp()
        # Wagtail caches renditions by image id; ids are reused after earlier tests' rollbacks.
        cache.clear()

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.en = Locale.objects.get(language_code="en")
        cls.fr = Locale.objects.create(language_code="fr")
        cls.trade = FocusAreaFactory(name="Trade", slug="trade")
        cls.youth = FocusAreaFactory(name="Youth", slug="youth")
        cls.us_city = CityFactory(name="Anderson", country="US", latitude="34.503400", longitude="-82.650100")
        cls.es_city = CityFactory(name="Mataró", country="ES")
        cls.fr_city = CityFactory(name="Lyon", country="FR")
        cls.association = MemberAssociationFactory(name="Anderson SCA", city=cls.us_city)
        cls.partner = PartnerOrganisationFactory(name="EU Delegation", country="BE", logo=cls.image)
        cls.partnership = CityPartnershipPageFactory(
            parent=cls.partnership_index, city_a=cls.us_city, city_b=cls.es_city, title="Anderson and Mataró"
        )
        cls.partnership.focus_areas.set([cls.trade])
        cls.partnership.member_associations.set([cls.association])
        cls.partnership.save_revision().publish()
        cls.other_partnership = CityPartnershipPageFactory(
            parent=cls.partnership_index,
            city_a=cls.us_city,
            city_b=cls.fr_city,
            title="Anderson and Lyon",
            status="proposed",
            relationship_type="friendship_city",
        )
        today = datetime.date.today()
        cls.campaign = CampaignPageFactory(
            parent=cls.campaign_index, title="Sister City Sunday", start_date=today - datetime.timedelta(days=3)
        )
        cls.upcoming = CampaignPageFactory(
            parent=cls.campaign_index, title="Next year", start_date=today + datetime.timedelta(days=300)
        )
        cls.ended = CampaignPageFactory(
            parent=cls.campaign_index,
            title="Long ago",
            start_date=datetime.date(2020, 1, 1),
            end_date=datetime.date(2020, 2, 1),
        )
        cls.campaign.partner_organisations.set([cls.partner])
        cls.campaign.calls_to_action.set([cls.call_to_action])
        cls.campaign.save_revision().publish()
        cls.story = StoryPageFactory(
            parent=cls.story_index,
            title="A trade mission",
            hero_image=cls.image,
            related_campaign=cls.campaign,
            body=body_stream(cls.image, cls.call_to_action),
        )
        cls.story.focus_areas.set([cls.trade])
        cls.story.related_partnerships.set([cls.partnership])
        cls.story.save_revision().publish()
        cls.other_story = StoryPageFactory(parent=cls.story_index, title="A youth exchange")
        cls.other_story.focus_areas.set([cls.youth])
        cls.other_story.related_partnerships.set([cls.other_partnership])
        cls.other_story.save_revision().publish()
        cls.story_fr = translate(cls.story, cls.fr, title="Une mission commerciale", slug="une-mission-commerciale")
        cls.home_fr = cls.story_fr.get_parent().get_parent().specific
        cls.story_index_fr = cls.story_fr.get_parent().specific


class LeavesMigrationDataMixin:
    """For a TransactionTestCase: the data the migrations made (root page, root collection, default locale) is
    there during each test and is put back after it, so that the tests that run later find the database as the
    test runner left it (Django's flush would otherwise leave it empty)."""

    serialized_rollback = True

    def _fixture_teardown(self):
        super()._fixture_teardown()
        for db_name in self._databases_names(include_mirrors=False):
            connection = connections[db_name]
            if hasattr(connection, "_test_serialized_contents"):
                connection.creation.deserialize_db_from_string(connection._test_serialized_contents)
