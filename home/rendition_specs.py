"""The image sizes the site and the APIs use, named once so HTML and API agree."""

RENDITIONS = {
    "thumbnail": "fill-400x300",
    "medium": "max-800x600",
    "large": "max-1600x1200",
    "hero": "fill-1600x700",
}


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
