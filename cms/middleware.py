from django.conf import settings
from django.core.exceptions import BadRequest
from django.http import JsonResponse
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

API_PATH_PREFIX = "/api/"
ADMIN_PATH_PREFIX = "/admin/"


def is_api_request(request):
    return request.path_info.startswith(API_PATH_PREFIX)


def is_number(text):
    """Whether `text` is a run of ASCII digits: str.isdigit() alone also takes "²", which int() refuses."""
    return text.isascii() and text.isdigit()


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
    """Refuses, before any view sees it, an API request with a NUL byte in its query string (400), a number in its
    query past 2147483647 (400) or an id in its path past that (404); an API address no route matches is a JSON
    404 too. An admin request with a NUL byte in its query string is a 400 as well.

    PostgreSQL rejects NUL in text, and integers past a column's range, and SQLite past 64 bits: such values
    would otherwise fail deep in a query, as server errors or differently on each database (Wagtail's v3
    pagination and page filters have no upper bound). No id, offset or limit is that large; `search` is free text.
    """

    MAX_INTEGER = 2**31 - 1

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if is_api_request(request):
            if any(is_number(part) and int(part) > self.MAX_INTEGER for part in request.path_info.split("/")):
                return self.error(request, 404, "Not Found", "No object has this id.")
            message = self.problem(request)
            if message:
                return self.error(request, 400, "Bad Request", message)
            response = self.get_response(request)
            if response.status_code == 404 and response.get("Content-Type", "").startswith("text/html"):
                # No API route matched (/api/v2/pages/abc/): Django's HTML page would be the only non-JSON answer.
                return self.error(request, 404, "Not Found", "Nothing is at this API address.")
            return response
        if request.path_info.startswith(ADMIN_PATH_PREFIX) and self.has_null_character(request):
            # Wagtail's admin listings look their ?locale= up as it is: PostgreSQL would fail on the NUL (a 500).
            raise BadRequest("Null characters are not allowed in query parameters.")  # Django's 400 page
        return self.get_response(request)

    @staticmethod
    def has_null_character(request):
        return any("\x00" in name or any("\x00" in value for value in values) for name, values in request.GET.lists())

    def error(self, request, status, title, message):
        if request.path_info.startswith(f"{API_PATH_PREFIX}v3/"):
            return JsonResponse(
                {"type": "about:blank", "title": title, "status": status, "detail": message},
                status=status,
                content_type="application/problem+json",
            )
        return JsonResponse({"message": message}, status=status)

    def problem(self, request):
        if self.has_null_character(request):
            return "Null characters are not allowed in query parameters."
        for name, value in request.GET.items():
            if name != "search" and is_number(value) and int(value) > self.MAX_INTEGER:
                return f"{name} must be at most {self.MAX_INTEGER}."
        if request.method == "GET" and request.path_info.startswith(f"{API_PATH_PREFIX}v3/"):
            from cms.api.v3 import unknown_query_parameters

            unknown = unknown_query_parameters(request)
            if unknown:
                return "query parameter is not an operation or a recognised field: " + ", ".join(sorted(unknown))
        return None
