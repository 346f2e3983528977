"""The public APIs: v2 (Django REST Framework) at /api/v2/ and v3 (Wagtail's Django Ninja API) at /api/v3/.

`api_router` is the v2 router `cms.urls` mounts; importing this package also adds our routes and schemas to
Wagtail's v3 API before its URLs are built.
"""

import sys

from django.core.exceptions import ImproperlyConfigured
from wagtail.api.v3.schemas.generators.read import read_generator
from wagtail.fields import StreamField

from .stream_schema import streamfield_schema

# Wagtail's v3 registry builds every page schema when it is first imported; stream fields must be typed first.
if "wagtail.api.v3.registry" in sys.modules:
    raise ImproperlyConfigured("cms.api must be imported before wagtail.api.v3's URLs (CmsConfig.ready does it).")
read_generator.register_field_schema(StreamField, streamfield_schema)

from wagtail.api.v3.urls import api as api_v3  # noqa: E402

from ..preview import PagePreviewAPIViewSet  # noqa: E402 (it extends .v2's pages endpoint)
from . import errors  # noqa: E402
from .v2 import api_router  # noqa: E402
from .v3 import router as snippets_router  # noqa: E402

api_v3.add_router("/snippets/", snippets_router)
api_router.register_endpoint("preview", PagePreviewAPIViewSet)
errors.register_v3_handlers(api_v3)

__all__ = ["api_router", "api_v3"]
