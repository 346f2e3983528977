"""Property-based fuzzing of the APIs' query strings: no input is ever a server error.

- API v3: Schemathesis generates requests from our OpenAPI document (/api/v3/openapi.json), valid and invalid
  ones, for every GET operation, and sends them to the site in-process through WSGI. Each answer must not be a
  5xx; a 2xx must match the operation's documented schema and content type.
- API v2 (no OpenAPI document): Hypothesis draws arbitrary text, including NUL, lone surrogates' replacement
  characters, digits of other scripts and huge numbers, for every known parameter and filter of each endpoint.
  Each answer must be a 200, or a 4xx JSON body with a message; never a 5xx.

Both are derandomized (the same examples on every run) and kept small so that the suite stays fast.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance

from cms.wsgi import application
from tests.factories import CityFactory, FocusAreaFactory, StoryPageFactory
from tests.utils import build_site_tree

from .api_parameters import V2_PAGE_PARAMETERS, V2_PAGE_TYPE_FILTERS

FUZZ_SETTINGS = settings(
    max_examples=10,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)

# Every read. Revisions need a token (a 401 whatever the query) and Wagtail's schema for them is one Schemathesis
# cannot satisfy (its path parameters' constraints contradict), so they are left out.
schema = (
    schemathesis.openapi.from_wsgi("/api/v3/openapi.json", application)
    .include(method="GET")
    .exclude(path_regex="/revisions/")
)


@pytest.fixture
def keep_connection():
    """Requests go through the WSGI handler, whose request_started and request_finished close the database
    connection: on PostgreSQL that would end the test's transaction. Django's test client disconnects them too."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def site(db):
    tree = build_site_tree()
    focus_area = FocusAreaFactory(name="Trade", slug="trade")
    CityFactory(name="Lyon", country="FR")
    story = StoryPageFactory(parent=tree.story_index, title="A trade mission")
    story.focus_areas.set([focus_area])
    story.save_revision().publish()
    return tree


@schema.parametrize()
@FUZZ_SETTINGS
def test_v3_operations_never_answer_5xx_and_match_the_schema(case, site, keep_connection):
    response = case.call()
    case.validate_response(response, checks=[not_a_server_error, response_schema_conformance, content_type_conformance])
    assert response.status_code < 500, (case.path, case.query, response.status_code)


# Every parameter API v2 endpoints know, with the page type that makes a filter applicable.
V2_PARAMETERS = {
    "/api/v2/pages/": {"": V2_PAGE_PARAMETERS, **V2_PAGE_TYPE_FILTERS},
    "/api/v2/pages/find/": {"": ["html_path", "id", "locale"]},
    "/api/v2/images/": {"": ["limit", "offset", "fields", "order", "search", "title", "id", "tags"]},
    "/api/v2/documents/": {"": ["limit", "offset", "fields", "order", "search", "title", "id", "tags"]},
    "/api/v2/cities/": {"": ["limit", "offset", "fields", "order", "search", "locale", "name", "country"]},
    "/api/v2/member-associations/": {"": ["limit", "offset", "fields", "order", "locale", "name", "city"]},
    "/api/v2/focus-areas/": {"": ["limit", "offset", "fields", "order", "locale", "name", "slug"]},
    "/api/v2/partner-organisations/": {"": ["limit", "offset", "fields", "order", "locale", "name", "country"]},
    "/api/v2/calls-to-action/": {"": ["limit", "offset", "fields", "order", "locale", "label", "kind"]},
    "/api/v2/preview/": {"": ["content_type", "token", "locale", "fields"]},
}
V2_TARGETS = [
    (path, page_type, parameter)
    for path, groups in V2_PARAMETERS.items()
    for page_type, parameters in groups.items()
    for parameter in parameters
]

# Arbitrary text (any code point Django can receive, NUL included), numbers far outside every column's range,
# digits of other scripts, and dates near the edge of the calendar.
hostile_text = st.one_of(
    st.text(st.characters(blacklist_categories=["Cs"]), max_size=40),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.sampled_from(["²", "٣", "１２", "2026-02-30", "0000-00-00", "9999-12-31", "-1", "1e9", "\x00", "%00"]),
    st.text(st.sampled_from("0123456789-.,*()!:"), min_size=1, max_size=12),
)


@pytest.mark.django_db
@settings(FUZZ_SETTINGS, max_examples=80)  # one test for all endpoints: more examples than each v3 operation gets
@given(target=st.sampled_from(V2_TARGETS), values=st.lists(hostile_text, min_size=1, max_size=2))
def test_v2_query_strings_never_answer_5xx(client, site, target, values):
    path, page_type, parameter = target
    query = [("type", page_type)] if page_type else []
    query += [(parameter, value) for value in values]  # one value, or the same parameter repeated
    response = client.get(path, _query_dict(query))
    assert response.status_code < 500, (path, query, response.status_code, connection.vendor)
    if response.status_code != 302:  # find/ redirects to the page it found
        assert response["Content-Type"].split(";")[0] == "application/json"
    if response.status_code >= 400:
        assert set(response.json()) == {"message"}, response.json()


def _query_dict(pairs):
    from django.http import QueryDict

    query = QueryDict(mutable=True)
    for name, value in pairs:
        query.appendlist(name, value)
    return query


@pytest.mark.django_db
def test_an_unknown_snippet_type_with_an_unknown_parameter_is_a_400(client):
    # Found by the v3 fuzzing: a type without a dot reached apps.get_model unguarded (a 500).
    for snippet_type in ["abc", "home.nothing", "%40%22"]:
        response = client.get(f"/api/v3/snippets/{snippet_type}/", {"\rx": "1"})
        assert response.status_code == 400, snippet_type
        assert response.json()["detail"] == "query parameter is not an operation or a recognised field: \rx"
