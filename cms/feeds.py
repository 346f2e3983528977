"""The stories feed, one per language: /en/stories/feed/, /es/stories/feed/ (RSS 2.0)."""

from django.contrib.syndication.views import Feed
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from stories.models import StoryPage

FEED_SIZE = 20


class StoryFeed(Feed):
    description = _("New stories from the sister-city network.")

    def title(self):
        return _("Stories")

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return Locale.objects.filter(language_code=get_language()).first()

    def link(self, locale):
        return self.request.build_absolute_uri("/") if locale is None else self.request.path.rsplit("feed/", 1)[0]

    def items(self, locale):
        if locale is None:
            return []
        return (
            StoryPage.objects.live()
            .public()
            .filter(locale=locale)
            .defer_streamfields()
            .order_by("-date", "-pk")[:FEED_SIZE]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.card_summary

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at
