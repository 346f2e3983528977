"""axe-core, run inside each kind of page, in English, Spanish and Japanese, on a phone and on a desktop."""

from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation

from tests.browser.conftest import VIEWPORTS
from tests.conftest import require_service

pytestmark = pytest.mark.browser

AXE = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
PAGES = ["home", "story", "partnership", "campaign", "story_index", "partnership_index", "campaign_index"]
BLOCKING = {"serious", "critical"}


@pytest.fixture(scope="module")
def axe_script():
    if not AXE.exists():
        require_service(f"Accessibility tests: axe-core is not installed ({AXE}): run `npm ci` in tests/browser")
    return AXE


def urls(browser_site, language):
    paths = {key: browser_site.path(browser_site.pages[key], language) for key in PAGES}
    with translation.override(language):
        paths["search"] = f"{reverse('search')}?query=Mataró"
    return paths


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
@pytest.mark.parametrize("language", ["en", "es", "ja"])
def test_no_serious_or_critical_violation(browser_site, page, shoot, axe_script, language, viewport):
    page.set_viewport_size(VIEWPORTS[viewport])
    found = []
    for key, path in urls(browser_site, language).items():
        response = page.goto(path)
        assert response.status == 200, path
        assert page.locator("html").get_attribute("lang") == language, path
        page.add_script_tag(path=axe_script)
        results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
        for violation in results["violations"]:
            if violation["impact"] in BLOCKING:
                targets = [" ".join(node["target"]) for node in violation["nodes"]][:5]
                found.append(f"{path}: {violation['impact']} {violation['id']} ({violation['help']}) at {targets}")
        if key in {"home", "story"}:
            shoot(page, key)
    assert found == [], "\n".join(found)
