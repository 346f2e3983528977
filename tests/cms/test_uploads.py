from django.conf import settings
from django.core.files.base import ContentFile
from django.test import TestCase
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

SECRET = b"marker-private-collection-document"


class UploadLimitTests(TestCase):
    def test_limits_are_set(self):
        self.assertEqual(settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE, 10 * 1024 * 1024)
        self.assertEqual(settings.WAGTAILDOCS_MAX_UPLOAD_SIZE, 10 * 1024 * 1024)
        self.assertEqual(settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS, 40_000_000)
        self.assertEqual(settings.WAGTAILDOCS_SERVE_METHOD, "serve_view")


class PrivateDocumentTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        root = Collection.get_first_root_node()
        cls.private = root.add_child(name="Board papers")
        CollectionViewRestriction.objects.create(
            collection=cls.private, restriction_type=CollectionViewRestriction.LOGIN
        )
        Document = get_document_model()
        cls.document = Document(title="Minutes", collection=cls.private)
        cls.document.file.save("minutes.txt", ContentFile(SECRET), save=False)
        cls.document.save()
        cls.public = Document(title="Leaflet", collection=root)
        cls.public.file.save("leaflet.txt", ContentFile(b"public leaflet"), save=False)
        cls.public.save()

    def test_documents_are_served_through_the_view(self):
        self.assertEqual(self.document.url, f"/documents/{self.document.pk}/minutes.txt")

    def test_anonymous_is_refused_a_private_collections_document(self):
        response = self.client.get(self.document.url)
        self.assertEqual(response.status_code, 302)
        self.assertIn("login", response["Location"])
        self.assertNotIn(SECRET, response.content)

    def test_the_file_is_not_reachable_under_media(self):
        response = self.client.get(self.document.file.url)
        self.assertEqual(response.status_code, 404)

    def test_a_public_document_is_served(self):
        response = self.client.get(self.public.url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(b"".join(response.streaming_content), b"public leaflet")
