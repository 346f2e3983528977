"""A per-address request limit on the APIs: a fixed window counted in the cache (Redis in production)."""

import math
import time

from django.conf import settings
from django.core.cache import cache
from django.http import JsonResponse

from .middleware import is_api_request


def client_address(request):
    """The caller's IP address: REMOTE_ADDR, or with TWINNING_PROXY_COUNT trusted proxies in front, the address
    the outermost of them saw (that many entries from the right of X-Forwarded-For)."""
    proxies = settings.TWINNING_PROXY_COUNT
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


class APIRateLimitMiddleware:
    """Answers 429 with Retry-After once an address has made TWINNING_API_RATE_LIMIT API requests in the current
    window of TWINNING_API_RATE_LIMIT_WINDOW seconds. A limit of 0 turns it off."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = settings.TWINNING_API_RATE_LIMIT
        if limit and is_api_request(request):
            retry_after = self.retry_after(client_address(request), limit, settings.TWINNING_API_RATE_LIMIT_WINDOW)
            if retry_after:
                response = JsonResponse(
                    {"message": f"Too many requests: try again in {retry_after} seconds."}, status=429
                )
                response["Retry-After"] = str(retry_after)
                return response
        return self.get_response(request)

    def retry_after(self, address, limit, window):
        """Counts this request; returns the seconds until the window ends if it is over the limit, else 0."""
        now = time.time()
        key = f"ratelimit:api:{address}:{int(now // window)}"
        # add() starts the window's count (a no-op if it exists); incr() is atomic on Redis.
        cache.add(key, 0, timeout=window + 1)
        try:
            count = cache.incr(key)
        except ValueError:  # the key expired between add() and incr()
            cache.set(key, 1, timeout=window + 1)
            count = 1
        # With the cache down (django-redis ignoring its errors) incr() answers None: the limit fails open.
        if count is None or count <= limit:
            return 0
        return max(1, math.ceil(window - now % window))
