from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware, except that a view's own 404 is never redirected to a language prefix.

    Django redirects any 404 to the same path under the default language's prefix when that path would match,
    and Wagtail's catch-all under `/en/` matches everything: an API's JSON "not found" would become a redirect
    to an HTML page. Only paths no view matched (`/stories/` typed without a language) get the prefix.
    """

    def process_response(self, request, response):
        if response.status_code == 404 and getattr(request, "resolver_match", None) is not None:
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", get_language())
            return response
        return super().process_response(request, response)
