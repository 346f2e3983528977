from django.conf import settings
from django.http import JsonResponse
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

API_PATH_PREFIX = "/api/"


def is_api_request(request):
    return request.path_info.startswith(API_PATH_PREFIX)


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware, except that a view's own 404 is never redirected to a language prefix.

    Django redirects any 404 to the same path under the default language's prefix when that path would match,
    and Wagtail's catch-all under `/en/` matches everything: an API's JSON "not found" would become a redirect
    to an HTML page. Only paths no view matched (`/stories/` typed without a language) get the prefix.
    """

    def process_request(self, request):
        # The APIs answer everyone alike: their language is the one ?locale= names (else the default), never the
        # visitor's Accept-Language or cookie, so a response can be cached by its URL alone.
        if is_api_request(request):
            language = request.GET.get("locale", "")
            if language not in dict(settings.LANGUAGES):
                language = settings.LANGUAGE_CODE
            translation.activate(language)
            request.LANGUAGE_CODE = language
            return None
        return super().process_request(request)

    def process_response(self, request, response):
        if is_api_request(request):
            response.headers.setdefault("Content-Language", get_language())
            return response
        if response.status_code == 404 and getattr(request, "resolver_match", None) is not None:
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", get_language())
            return response
        return super().process_response(request, response)


class APIQueryMiddleware:
    """Refuses an API request whose query string holds a NUL byte, with a 400, before any view sees it.

    PostgreSQL rejects NUL in text, so such a value would otherwise fail deep in a query as a server error.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if is_api_request(request) and any(
            "\x00" in name or any("\x00" in value for value in values) for name, values in request.GET.lists()
        ):
            message = "Null characters are not allowed in query parameters."
            if request.path_info.startswith(f"{API_PATH_PREFIX}v3/"):
                return JsonResponse(
                    {"type": "about:blank", "title": "Bad Request", "status": 400, "detail": message},
                    status=400,
                    content_type="application/problem+json",
                )
            return JsonResponse({"message": message}, status=400)
        return self.get_response(request)
