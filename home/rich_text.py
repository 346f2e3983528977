"""Addresses that run no script.

Addresses typed by people reach pages by ways that skip the admin form's checks: a translator's override of a link
in wagtail-localize's editor (rich-text links, embeds, calls to action, a story's original address are all
"overridable segments"), an import, a script. `safe_url` is applied where such an address is output, so a
`javascript:` address is never clickable, whatever way it was stored.
"""

import html
import re

from wagtail.whitelist import check_url


def safe_url(url):
    """`url` if following it runs no script (http, https, ftp, mailto, tel or a relative address), else ""."""
    if not url:
        return ""
    # Wagtail's own check, the one its rich-text editor applies, after undoing character references (&#106;...).
    return url if check_url(html.unescape(url)) is not None else ""


A_TAG_RE = re.compile(r"<a\b[^>]*>", re.IGNORECASE)
HREF_RE = re.compile(r"""\s+href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)


def without_unsafe_links(source):
    """Rich text (the database format) with every link whose address would run a script left without address."""

    def clean_tag(match):
        tag = match.group(0)
        href = HREF_RE.search(tag)
        if href is None or safe_url(next(group for group in href.groups() if group is not None)):
            return tag
        return tag[: href.start()] + tag[href.end() :]

    return A_TAG_RE.sub(clean_tag, source) if source and "<a" in source.lower() else source
