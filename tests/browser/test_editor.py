"""An editor builds a story in Wagtail's admin, previews and publishes it, then finds it everywhere it belongs."""

import random
import re

import pytest
from PIL import Image
from playwright.sync_api import expect

from stories.models import StoryPage
from tests.browser.conftest import EDITOR, login

pytestmark = pytest.mark.browser

TITLE = "Youth orchestra from Mataro plays Fort Lauderdale"
HEADING = "Forty musicians, one week"
PARAGRAPH = "The orchestra rehearsed with students from three Fort Lauderdale high schools."
ALT_TEXT = "The orchestra on stage"


def add_block(page, name):
    """Append a block to the body through the stream's last "+" button and its block menu."""
    page.locator("[data-contentpath=body] button.c-sf-add-button").last.click()
    page.get_by_role("option", name=name, exact=True).click()


def test_editor_creates_previews_and_publishes_a_story(browser_site, page, shoot, tmp_path):
    story_index = browser_site.pages["story_index"]
    partnership = browser_site.pages["partnership"]
    photo = tmp_path / "orchestra.png"
    # A colour of its own, so Wagtail never takes the upload for a duplicate of an earlier image.
    Image.new("RGB", (640, 400), (random.randrange(256), 90, 160)).save(photo)  # noqa: S311

    login(page, EDITOR)
    page.goto(f"/admin/pages/{story_index.pk}/")
    page.get_by_role("link", name=re.compile("Add child page")).first.click()
    # A story index only takes stories, so Wagtail goes straight to the story form.
    page.wait_for_url(re.compile(rf"/admin/pages/add/stories/storypage/{story_index.pk}/$"))
    page.fill("#id_title", TITLE)
    page.fill("#id_intro", "Forty young musicians from Mataró spent a week in Fort Lauderdale.")

    add_block(page, "Heading")
    page.fill("#body-0-value-text", HEADING)
    add_block(page, "Paragraph")
    page.locator("[data-contentpath=body] [contenteditable=true]").first.click()
    page.keyboard.type(PARAGRAPH)

    # The image: uploaded in the chooser's modal, which then chooses it.
    add_block(page, "Image")
    page.locator("#body-2-value-image-image-chooser").get_by_role("button", name=re.compile("Choose an image")).click()
    modal = page.locator(".modal")
    modal.get_by_role("tab", name="Upload").click()
    modal.locator("input[type=file]").set_input_files(photo)
    modal.locator("#id_image-chooser-upload-title").fill("Orchestra in Fort Lauderdale")
    modal.get_by_role("button", name="Upload").click()
    page.wait_for_function("document.querySelector('#body-2-value-image-image').value !== ''")
    page.fill("#body-2-value-image-alt_text", ALT_TEXT)
    page.fill("#body-2-value-caption", "Photo: the orchestra")

    add_block(page, "Call to action")
    page.locator("#body-3-value-chooser").get_by_role("button", name=re.compile("Choose")).first.click()
    page.locator(".modal").get_by_role("link", name=re.compile("^Take action")).click()
    page.wait_for_function("document.querySelector('#body-3-value').value !== ''")

    page.select_option("#id_related_partnerships", value=str(partnership.pk))
    shoot(page, "editor-form")

    # Preview in the side panel: the draft, rendered by the site's own template.
    page.locator("[data-side-panel-toggle=preview]").click()
    # Wagtail swaps in a fresh iframe on each refresh: the last one is the current preview.
    preview = page.frame_locator("[data-w-preview-target=iframe]").last
    expect(preview.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(preview.get_by_role("heading", name=HEADING)).to_be_visible()
    expect(preview.get_by_text(PARAGRAPH)).to_be_visible()
    expect(preview.get_by_alt_text(ALT_TEXT)).to_be_visible()
    shoot(page, "preview", full_page=False)
    page.locator("[data-side-panel-toggle=preview]").click()

    page.get_by_role("button", name="More actions").click()
    page.locator("button[name=action-publish]").click()
    page.wait_for_url(re.compile(rf"/admin/pages/{story_index.pk}/$"))
    expect(page.locator(".messages")).to_contain_text(re.compile(rf"{TITLE}.*published"))
    shoot(page, "published")

    story = StoryPage.objects.get(title=TITLE)
    assert story.live
    assert [block.block_type for block in story.body] == ["heading", "paragraph", "image", "call_to_action"]
    assert list(story.related_partnerships.all()) == [partnership]

    # On the site: the story page, then the index lists it.
    page.goto(story.get_url())
    assert page.get_by_role("heading", level=1).inner_text() == TITLE
    assert page.get_by_role("heading", name=HEADING).is_visible()
    image = page.get_by_alt_text(ALT_TEXT)
    assert image.evaluate("img => img.complete && img.naturalWidth > 0")
    assert page.get_by_role("complementary").get_by_role("link", name=partnership.title).is_visible()
    shoot(page, "story-on-site")
    page.goto(story_index.get_url())
    assert page.get_by_role("link", name=TITLE).is_visible()

    # On the partnership page, among its stories.
    page.goto(partnership.get_url())
    stories = page.locator("section[aria-labelledby=partnership-stories-heading]")
    stories.get_by_role("link", name=TITLE).scroll_into_view_if_needed()
    assert stories.get_by_role("link", name=TITLE).is_visible()
    shoot(page, "partnership-page")

    # In the API: the listing finds it by type and slug, the detail has the body the editor built.
    response = page.request.get(
        "/api/v2/pages/",
        params={"type": "stories.StoryPage", "locale": "en", "slug": story.slug, "fields": "related_partnerships"},
    )
    assert response.status == 200
    [item] = response.json()["items"]
    assert (item["id"], item["title"]) == (story.pk, TITLE)
    assert [link["id"] for link in item["related_partnerships"]] == [partnership.pk]
    detail = page.request.get(f"/api/v2/pages/{story.pk}/").json()
    assert [block["type"] for block in detail["body"]] == ["heading", "paragraph", "image", "call_to_action"]
    assert detail["body"][0]["value"]["text"] == HEADING
    assert detail["body"][2]["value"]["image"]["alt"] == ALT_TEXT
