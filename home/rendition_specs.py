"""The image sizes the site and the APIs use, named once so HTML, API and the renditions made ahead agree.

`ALL_RENDITIONS` is what the tasks in `home.tasks` make for every image a published page shows, so that
neither a page view nor an API request has to make one (tests/home/test_renditions.py keeps the templates' specs
in this list).
"""

# The API's named renditions (`renditions: {thumbnail, medium, large, hero}` on every image).
RENDITIONS = {
    "thumbnail": "fill-400x300",
    "medium": "max-800x600",
    "large": "max-1600x1200",
    "hero": "fill-1600x700",
}
# blocks/captioned_image_block.html: an image in a body.
BODY_IMAGE_RENDITIONS = ("width-1200",)
# includes/cards/card_image.html: cards in listings, at two widths (srcset).
CARD_RENDITIONS = ("fill-480x300", "fill-960x600")
# includes/detail_hero.html: the hero of a story, partnership or campaign (srcset).
DETAIL_HERO_RENDITIONS = ("fill-800x450", "fill-1600x700")
# home/home_page.html: the home page's hero (srcset) and its campaign.
HOME_HERO_RENDITIONS = ("fill-800x900", "fill-1600x800", "fill-2400x1000")
CAMPAIGN_TEASER_RENDITIONS = ("fill-800x600",)
# home/campaign_page.html: partner organisations' logos.
LOGO_RENDITIONS = ("max-240x120",)

ALL_RENDITIONS = tuple(
    dict.fromkeys(
        [
            *RENDITIONS.values(),
            *BODY_IMAGE_RENDITIONS,
            *CARD_RENDITIONS,
            *DETAIL_HERO_RENDITIONS,
            *HOME_HERO_RENDITIONS,
            *CAMPAIGN_TEASER_RENDITIONS,
            *LOGO_RENDITIONS,
        ]
    )
)


def image_api_representation(image, alt_text=None):
    """An image as a front end needs it: alt text, original size and a URL for each named rendition."""
    if image is None:
        return None
    renditions = image.get_renditions(*RENDITIONS.values())
    return {
        "id": image.pk,
        "title": image.title,
        "alt": alt_text if alt_text is not None else image.default_alt_text,
        "width": image.width,
        "height": image.height,
        "renditions": {
            name: {
                "url": renditions[spec].full_url,
                "width": renditions[spec].width,
                "height": renditions[spec].height,
            }
            for name, spec in RENDITIONS.items()
        },
    }
