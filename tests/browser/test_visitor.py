"""A visitor switches language, filters the stories and pages through them, on a phone and on a desktop."""

import re

import pytest

from tests.browser.conftest import EXTRA_STORIES, VIEWPORTS

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_visitor_switches_language_filters_and_pages(browser_site, context, page, shoot, viewport):
    page.set_viewport_size(VIEWPORTS[viewport])
    partnership = browser_site.pages["partnership"]
    # The demo's story about the partnership, the extra ones and any the other journeys added: two pages of twelve.
    expected = partnership.stories.live().filter(locale=partnership.locale).count()
    assert 12 < EXTRA_STORIES + 1 <= expected <= 24

    page.goto("/")
    page.wait_for_url(re.compile(r"/en/$"))
    shoot(page, "home-en")

    # The language switcher: the same page in Spanish, marked as the current one.
    page.get_by_role("navigation", name="Languages").get_by_role("link", name="Español").click()
    page.wait_for_url(re.compile(r"/es/$"))
    assert page.locator("html").get_attribute("lang") == "es"
    # The interface is in Spanish too: the switcher is now named "Idiomas".
    current = page.get_by_role("navigation", name="Idiomas").locator("[aria-current=page]")
    assert current.inner_text() == "Español"
    shoot(page, "home-es")
    page.get_by_role("navigation", name="Idiomas").get_by_role("link", name="English").click()
    page.wait_for_url(re.compile(r"/en/$"))

    # The story index, filtered by partnership: a country first, then one of that country's partnerships (the
    # select does not list every partnership of the network).
    page.goto(browser_site.path(browser_site.pages["story_index"]))
    assert page.get_by_label("Partnership").locator("option").count() == 1
    page.get_by_label("Country").select_option(value=partnership.city_a.country.code)
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(re.compile(rf"country={partnership.city_a.country.code}"))
    page.get_by_label("Partnership").select_option(label=partnership.title)
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(re.compile(rf"partnership={partnership.pk}"))
    assert page.locator("#results-heading").inner_text() == f"{expected} stories"
    first_page_titles = page.locator(".card__title").all_inner_texts()
    assert len(first_page_titles) == 12
    shoot(page, "stories-filtered")

    # Page 2 keeps the filter and shows the rest.
    pagination = page.get_by_role("navigation", name="Story pages")
    pagination.get_by_role("link", name="Next").click()
    page.wait_for_url(re.compile(r"page=2"))
    assert f"partnership={partnership.pk}" in page.url
    assert pagination.get_by_role("link", name="Page 2").get_attribute("aria-current") == "page"
    second_page_titles = page.locator(".card__title").all_inner_texts()
    assert len(second_page_titles) == expected - 12
    assert not set(first_page_titles) & set(second_page_titles)
    shoot(page, "stories-page-2")

    # Clearing the filters shows every story again.
    page.get_by_role("link", name="Clear filters").click()
    page.wait_for_url(re.compile(r"/en/stories/$"))
    assert page.locator("#results-heading").inner_text() != f"{expected} stories"
