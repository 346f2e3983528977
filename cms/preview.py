"""Draft previews for external front ends (wagtail-headless-preview), read through a token-gated API endpoint.

An editor picks the "External front end" preview mode; wagtail-headless-preview stores the draft and opens the
site's front end (its client URL, per site) with `?content_type=<app.model>&token=<token>&locale=<language>`. The
front end then asks `GET /api/v2/preview/?content_type=...&token=...` and gets the draft in the same shape as the
pages endpoint gives a published page.

Tokens are signed and expire after TWINNING_PREVIEW_TOKEN_MAX_AGE seconds. Answers are never cached
(`Cache-Control: no-store`), and a missing, malformed, forged or expired token is a 4xx with a JSON message.
"""

from django.apps import apps
from django.conf import settings
from django.core.signing import BadSignature, SignatureExpired
from django.urls import path
from django.utils.cache import add_never_cache_headers
from rest_framework import status
from rest_framework.response import Response
from wagtail.api.v2.utils import BadRequestError
from wagtail.models import Page
from wagtail_headless_preview.models import HeadlessPreviewMixin

from .api.v2 import PagesAPIViewSet


class PreviewTokenError(Exception):
    pass


class PagePreviewAPIViewSet(PagesAPIViewSet):
    """GET ?content_type=stories.storypage&token=...: the previewed draft, as the pages endpoint shows pages."""

    preview_query_parameters = frozenset(["content_type", "token", "locale", "fields", "rich_text_format", "format"])

    @classmethod
    def get_urlpatterns(cls):
        return [path("", cls.as_view({"get": "preview_view"}), name="detail")]

    def initial(self, request, *args, **kwargs):
        super(PagesAPIViewSet, self).initial(request, *args, **kwargs)
        unknown = set(request.GET) - self.preview_query_parameters
        if unknown:
            raise BadRequestError(
                "query parameter is not an operation or a recognised field: " + ", ".join(sorted(unknown))
            )

    def preview_view(self, request):
        serializer = self.get_serializer(self.get_object())
        return Response(serializer.data)

    def get_object(self):
        if not hasattr(self, "_cached_object"):
            self._cached_object = self.get_preview_page()
        return self._cached_object

    def get_preview_page(self):
        content_type = self.request.GET.get("content_type", "")
        token = self.request.GET.get("token", "")
        if not content_type or not token:
            raise BadRequestError("content_type and token are required")
        try:
            model = apps.get_model(content_type)
        except (LookupError, ValueError) as e:
            raise BadRequestError(f"content_type is not a page type: {content_type}") from e
        if not (issubclass(model, Page) and issubclass(model, HeadlessPreviewMixin)):
            raise BadRequestError(f"content_type is not a page type: {content_type}")
        try:
            model.get_preview_signer().unsign(token, max_age=settings.TWINNING_PREVIEW_TOKEN_MAX_AGE)
        except SignatureExpired as e:
            raise PreviewTokenError("preview token has expired; preview the page again from the editor") from e
        except BadSignature as e:
            raise PreviewTokenError("invalid preview token") from e
        page = model.get_page_from_preview_token(token)
        if page is None:
            raise PreviewTokenError("no preview matches this token; preview the page again from the editor")
        return page

    def handle_exception(self, exc):
        if isinstance(exc, PreviewTokenError):
            return Response({"message": str(exc)}, status=status.HTTP_403_FORBIDDEN)
        return super().handle_exception(exc)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        add_never_cache_headers(response)
        response["Cache-Control"] = "no-store"
        return response
