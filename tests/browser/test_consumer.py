"""A front end on another origin reads the API through CORS and shows the stories in French, with their images."""

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.test import override_settings
from playwright.sync_api import expect

from stories.models import StoryPage

pytestmark = pytest.mark.browser

CONSUMER = Path(__file__).parent / "consumer"


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture
def consumer_origin():
    """tests/browser/consumer/ served by http.server on another free 127.0.0.1 port: a second origin."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=CONSUMER))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_consumer_renders_french_stories_through_cors(browser_site, page, shoot, consumer_origin):
    consumer_url = f"{consumer_origin}/index.html?api={browser_site.url}"
    french = list(StoryPage.objects.live().filter(locale__language_code="fr").order_by("-date", "-pk"))
    assert len(french) >= 4

    # Without the origin in CORS_ALLOWED_ORIGINS the browser refuses the API's answer to the page.
    with override_settings(CORS_ALLOWED_ORIGINS=[]):
        page.goto(consumer_url)
        expect(page.locator("body")).to_have_attribute("data-state", "error")
    shoot(page, "cors-refused")

    with override_settings(CORS_ALLOWED_ORIGINS=[consumer_origin]):
        with page.expect_response(lambda response: "/api/v2/pages/" in response.url) as api_response:
            page.goto(consumer_url)
        assert api_response.value.headers["access-control-allow-origin"] == consumer_origin
        expect(page.locator("body")).to_have_attribute("data-state", "ready")
        stories = page.locator("li.story")
        assert stories.locator("h2").all_inner_texts() == [story.title for story in french]
        images = stories.locator("img")
        assert images.count() == len([story for story in french if story.hero_image_id])
        for image in images.all():
            image.scroll_into_view_if_needed()
            expect(image).to_have_js_property("complete", True)
            assert image.evaluate("img => img.naturalWidth") > 0, image.get_attribute("src")
            assert image.get_attribute("src").startswith(f"{browser_site.url}/media/")
    shoot(page, "french-stories")
