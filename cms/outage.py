"""What a visitor or an API client gets while the database is unreachable: 503 with Retry-After, not a 500.

A restart or fail-over of PostgreSQL takes seconds; during it every request that needs the database raises
OperationalError or InterfaceError, wherever it is (a view, the session or user middleware, a template). Django
turns any such uncaught exception into the `handler500` view, called while the exception is being handled: this
one tells the database's absence apart from a real bug. The site recovers by itself once the database answers
again, as connections are checked before reuse (CONN_HEALTH_CHECKS).
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.csrf import requires_csrf_token
from django.views.defaults import server_error as django_server_error

from .middleware import is_api_request

RETRY_AFTER_SECONDS = 5
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)


def database_unavailable(request):
    """The 503 answer: JSON `{"message"}` on the APIs, a plain page (no database needed to render it) elsewhere."""
    message = _("The site is briefly unavailable. Please try again in a few seconds.")
    if is_api_request(request):
        response = JsonResponse({"message": message}, status=503)
    else:
        body = loader.get_template("503.html").render({"message": message})
        response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


@requires_csrf_token
def server_error(request, template_name="500.html"):
    """handler500: a 503 when the exception being handled is the database being unreachable, else Django's 500."""
    if isinstance(sys.exc_info()[1], DATABASE_UNAVAILABLE):
        return database_unavailable(request)
    return django_server_error(request, template_name=template_name)
