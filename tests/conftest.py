import os

import pytest


def require_service(reason):
    """Skip a test that needs PostgreSQL or Redis on a machine without them; fail it in CI.

    `.ci/run` sets TWINNING_REQUIRE_SERVICES=1 so that a missing service can never turn into a silent skip there.
    """
    if os.environ.get("TWINNING_REQUIRE_SERVICES") == "1":
        pytest.fail(f"{reason} (required in CI: TWINNING_REQUIRE_SERVICES=1)")
    pytest.skip(reason)
