import os

import pytest


def require_service(reason):
    """Skip a test that needs PostgreSQL or Redis on a machine without them; fail it in CI.

    `.ci/run` sets TWINNING_REQUIRE_SERVICES=1 so that a missing service can never turn into a silent skip there.
    """
    if os.environ.get("TWINNING_REQUIRE_SERVICES") == "1":
        pytest.fail(f"{reason} (required in CI: TWINNING_REQUIRE_SERVICES=1)")
    pytest.skip(reason)


@pytest.fixture(scope="session", autouse=True)
def media_root(tmp_path_factory):
    """Images made by factories and the demo command go to a temporary directory, not test-artifacts/."""
    from django.test import override_settings

    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")):
        yield


@pytest.fixture(autouse=True)
def clear_caches():
    """Every test starts with empty caches: the response cache would otherwise outlive the test's rolled-back data."""
    from django.core.cache import caches

    for cache in caches.all(initialized_only=True):
        cache.clear()
    yield
