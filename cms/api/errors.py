"""What API v3 answers when a request's values get past validation but not past the database.

Wagtail's v3 API validates types with pydantic but not ranges: an id or offset beyond 64 bits reaches SQLite
(OverflowError) or PostgreSQL (DataError), and a value with a NUL byte reaches PostgreSQL (ValueError). Wagtail
re-raises such errors as 500s; here they are 400s in the API's own problem+json shape.
"""

from django.db import DataError
from wagtail.api.v3.errors import problem_response


def register_v3_handlers(api):
    @api.exception_handler(OverflowError)
    @api.exception_handler(DataError)
    @api.exception_handler(ValueError)
    def bad_value_handler(request, exc):
        return problem_response(status=400, detail="A query parameter's value is out of range or malformed.")
