#!/usr/bin/env python3
"""Build a list of stories in one language from the Twinning API, as an external front end would.

    python examples/story_list.py --base-url http://127.0.0.1:8000 --language fr --fallback en

Stories not yet translated into the language come in the fallback language, marked. Only the standard library
is needed: copy this file into any project.
"""

import argparse
import json
import sys
import urllib.parse
import urllib.request


def get(base_url, path, **params):
    url = f"{base_url.rstrip('/')}{path}?{urllib.parse.urlencode(params)}"
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (an http(s) URL given by the user)
        return json.load(response)


def fetch_stories(base_url, language, fallback=None, limit=20):
    params = {
        "type": "stories.StoryPage",
        "locale": language,
        "fields": "date,intro,focus_areas,hero_image",
        "order": "-date",
        "limit": limit,
    }
    if fallback:
        params["fallback"] = fallback
    return get(base_url, "/api/v2/pages/", **params)["items"]


def format_story(story):
    meta = story["meta"]
    line = f"{story['date']}  {story['title']}"
    if meta.get("fallback"):
        line += f" [{meta['locale']}]"
    focus = ", ".join(area["name"] for area in story["focus_areas"])
    if focus:
        line += f"  ({focus})"
    line += f"\n            {meta['html_url']}"
    if story["hero_image"]:
        line += f"\n            image: {story['hero_image']['renditions']['thumbnail']['url']}"
    translations = ", ".join(translation["locale"] for translation in meta["translations"])
    if translations:
        line += f"\n            also in: {translations}"
    return line


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8000")
    parser.add_argument("--language", default="en")
    parser.add_argument("--fallback", help="also show stories not translated yet, in this language")
    parser.add_argument("--limit", type=int, default=20)
    args = parser.parse_args(argv)
    stories = fetch_stories(args.base_url, args.language, args.fallback, args.limit)
    for story in stories:
        sys.stdout.write(format_story(story) + "\n")
    if not stories:
        sys.stdout.write("No stories.\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
