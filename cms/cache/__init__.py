"""Full-response caching for anonymous reads, invalidated exactly ("generational tags").

While a cacheable request renders, `tags.collect()` records what it showed: every page, snippet, image and
document instance loaded (`page:<id>`, `obj:<app.model>:<id>`) and the collections it listed (`list:<app.model>`,
per language `list:<app.model>:<lang>`, `refs:<translation key>` for pages listing the pages that name them,
`tree:<path>` for the menu). The response is stored with the current version of each tag; a read compares those
versions with the current ones and serves the copy only if none moved (on Redis, one script call that returns the
response only then; on other caches, one `get_many`). Publishing, unpublishing, moving, deleting or restricting a
page, or saving a snippet, image or document, bumps exactly the tags of what changed (`signals.py`), so every
response that showed it is dropped, and nothing else. No key is ever scanned,
so any Django cache backend works (Redis in production, local memory otherwise). Behind a CDN, the URLs
recorded under each bumped tag are purged through Wagtail's front-end cache backends (`purge.py`). Beneath the
responses, listing totals are kept until the next bump of any tag (`counts.py`).
"""
