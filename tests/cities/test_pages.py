from cities.models import CityPartnershipPage, PartnershipIndexPage
from home.models import HomePage
from tests.factories import (
    CityFactory,
    CityPartnershipPageFactory,
    FocusAreaFactory,
    MemberAssociationFactory,
    StoryPageFactory,
)
from tests.utils import SiteTestCase, body_form_data, body_stream, page_form_data

BODY_BLOCK_TYPES = ["heading", "paragraph", "image", "quote", "call_to_action", "facts"]


class PartnershipPageTypeTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.fort_lauderdale = CityFactory(name="Fort Lauderdale", region="Florida", country="US")
        cls.mataro = CityFactory(name="Mataró", region="Catalonia", country="ES")
        cls.focus_area = FocusAreaFactory(name="Culture")
        cls.association = MemberAssociationFactory(city=cls.fort_lauderdale)
        cls.partnership = CityPartnershipPageFactory(
            parent=cls.partnership_index,
            city_a=cls.fort_lauderdale,
            city_b=cls.mataro,
            body=body_stream(cls.image, cls.call_to_action),
            hero_image=cls.image,
            focus_areas=[cls.focus_area],
            member_associations=[cls.association],
        )
        StoryPageFactory(parent=cls.story_index, related_partnerships=[cls.partnership])

    def setUp(self):
        self.login()

    def test_allowed_parent_page_types(self):
        self.assertAllowedParentPageTypes(PartnershipIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(CityPartnershipPage, {PartnershipIndexPage})

    def test_allowed_subpage_types(self):
        self.assertAllowedSubpageTypes(PartnershipIndexPage, {CityPartnershipPage})
        self.assertAllowedSubpageTypes(CityPartnershipPage, set())

    def test_can_create_partnership_index_page(self):
        self.assertCanCreate(self.home, PartnershipIndexPage, page_form_data("Directory", intro="Every city."))
        self.assertEqual(PartnershipIndexPage.objects.get(slug="directory").intro, "Every city.")

    def test_can_create_partnership_page_with_a_full_body(self):
        tamworth = CityFactory(name="Tamworth", country="AU")
        nashville = CityFactory(name="Nashville", country="US")
        self.assertCanCreate(
            self.partnership_index,
            CityPartnershipPage,
            page_form_data(
                "Nashville and Tamworth",
                city_a=str(nashville.pk),
                city_b=str(tamworth.pk),
                relationship_type="sister_city",
                status="active",
                year_established="1992",
                intro="Two capitals of country music.",
                body=body_form_data(self.image, self.call_to_action, word="music"),
                many={"focus_areas": [self.focus_area.pk], "member_associations": [self.association.pk]},
            ),
        )
        partnership = CityPartnershipPage.objects.get(slug="nashville-and-tamworth")
        self.assertTrue(partnership.live)
        self.assertEqual(partnership.cities, [nashville, tamworth])
        self.assertEqual(partnership.year_established, 1992)
        self.assertEqual([block.block_type for block in partnership.body], BODY_BLOCK_TYPES)
        self.assertEqual(list(partnership.focus_areas.all()), [self.focus_area])
        self.assertEqual(list(partnership.member_associations.all()), [self.association])

    def test_pages_are_renderable(self):
        for page in (self.partnership_index, self.partnership):
            with self.subTest(page=page.title):
                self.assertPageIsRenderable(page)

    def test_partnership_index_page_is_previewable(self):
        data = page_form_data(self.partnership_index.title, slug=self.partnership_index.slug, intro="A preview intro")
        self.assertPreviewRenders(self.partnership_index, data, contains="A preview intro")

    def test_partnership_page_is_previewable(self):
        data = page_form_data(
            "A previewed partnership",
            slug=self.partnership.slug,
            city_a=str(self.fort_lauderdale.pk),
            city_b=str(self.mataro.pk),
            relationship_type="sister_city",
            status="active",
            body=body_form_data(self.image, self.call_to_action, word="preview"),
        )
        self.assertPreviewRenders(self.partnership, data, contains="About the preview")

    def test_a_new_partnership_page_is_previewable_before_its_first_save(self):
        data = page_form_data(
            "A new partnership",
            city_a=str(self.fort_lauderdale.pk),
            city_b=str(self.mataro.pk),
            relationship_type="sister_city",
            status="active",
            body=body_form_data(self.image, self.call_to_action, word="new"),
            many={"focus_areas": [self.focus_area.pk]},
        )
        self.assertNewPagePreviewRenders(self.partnership_index, CityPartnershipPage, data, contains="About the new")
