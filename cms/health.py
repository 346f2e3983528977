"""`/healthz`: whether this process can reach its database and its cache, for load balancers and monitors."""

import logging
import uuid

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache():
    # A key of its own per request, so that concurrent probes never read each other's value.
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "ok", timeout=10)
    try:
        if cache.get(key) != "ok":
            raise RuntimeError("the cache did not return the value just set")
    finally:
        cache.delete(key)


CHECKS = {"database": check_database, "cache": check_cache}


@require_safe
def healthz(request):
    """200 with every check "ok", or 503 naming the part that failed (the error goes to the log, not the body)."""
    body = {}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception:
            logger.exception("Health check %s failed", name)
            body[name] = "error"
        else:
            body[name] = "ok"
    healthy = all(value == "ok" for value in body.values())
    response = JsonResponse({"status": "ok" if healthy else "error", **body}, status=200 if healthy else 503)
    add_never_cache_headers(response)
    return response
