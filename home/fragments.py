"""Parts of pages kept between requests, `{% keep %}` in templates: the keeper is installed by the site.

Content apps render; how a rendered part is kept, and when it must be rendered again, is the site's business
(`cms.cache.fragments.kept`, installed at start-up with `use_keeper`). Without a keeper every part is rendered.
"""

_keeper = None


def use_keeper(function):
    """Keep parts with `function(request, parts, render, keep=None)`, which returns `render()` or what it gave
    before (kept only when `keep(value)` is true, if given)."""
    global _keeper
    _keeper = function


def keep(request, parts, render, keep=None):
    if _keeper is None or request is None:
        return render()
    return _keeper(request, parts, render, keep=keep)
