from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from tests.factories import StoryPageFactory, stream_json
from tests.utils import SiteTestCase

VIDEO_URL = "https://www.youtube.com/watch?v=twinning"
PLAYER = '<iframe src="https://www.youtube.com/embed/twinning" title="Sister City Sunday"></iframe>'


class EmbedBlockTests(SiteTestCase):
    """Embeds render without inline styles (the site's Content-Security-Policy refuses them) or as a link."""

    def cache_embed(self, html):
        Embed.objects.create(
            hash=get_embed_hash(VIDEO_URL), url=VIDEO_URL, max_width=None, type="video", html=html, width=None
        )

    def render_story_with_embed(self, url):
        story = StoryPageFactory(parent=self.story_index, body=stream_json(("embed", url)))
        return self.client.get(story.url).content.decode()

    def test_a_known_embed_renders_its_player_without_inline_styles(self):
        self.cache_embed(PLAYER)
        content = self.render_story_with_embed(VIDEO_URL)
        self.assertIn(PLAYER, content)
        wrapper = content[content.index('<div class="embed">') : content.index(PLAYER)]
        self.assertNotIn("style=", wrapper)
        self.assertNotIn("responsive-object", content)
        self.assertNotIn("embed-fallback", content)

    def test_an_embed_with_an_empty_player_falls_back_to_a_link(self):
        self.cache_embed("")
        content = self.render_story_with_embed(VIDEO_URL)
        self.assertIn(f'<a href="{VIDEO_URL}">Watch or view on www.youtube.com</a>', content)
        self.assertNotIn('<div class="embed">', content)

    def test_an_address_no_provider_knows_falls_back_to_a_link(self):
        url = "https://video.example.org/sister-city-sunday"
        content = self.render_story_with_embed(url)
        self.assertIn(f'<a href="{url}">Watch or view on video.example.org</a>', content)
