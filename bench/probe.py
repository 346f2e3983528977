"""Run by bench/run.py with the bench environment: the URLs of the mix and the queries each costs.

Queries are counted with Django's test client and CaptureQueriesContext after clearing the cache (the uncached
cost). Each URL's CPU time per request in this process (the median of a few requests, uncached) is measured too:
unlike requests/s under load it hardly moves when other work shares the machine, so its ratio to the trivial view's
is a steadier second reading. Prints one JSON line.
"""

import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.templatetags.static import static  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from cities.models import CityPartnershipPage  # noqa: E402
from home.models import FocusArea  # noqa: E402
from stories.models import StoryPage  # noqa: E402

CPU_SAMPLES = 7


def main():
    story = StoryPage.objects.live().filter(locale__language_code="en").order_by("-date", "-pk").first()
    partnership = CityPartnershipPage.objects.live().filter(locale__language_code="en").select_related("city_a").first()
    focus_area = FocusArea.objects.filter(locale__language_code="en").order_by("slug").first()
    urls = {"trivial": "/bench/ok/", "home": "/en/", "static": static("css/site.css")}
    if story:
        urls["story"] = story.url
        urls["story_listing_filtered"] = f"{story.get_parent().url}?focus_area={focus_area.slug if focus_area else ''}"
        urls["api_story_listing_fields_all"] = "/api/v2/pages/?type=stories.StoryPage&fields=*&limit=20"
        urls["api_story_detail"] = f"/api/v2/pages/{story.pk}/"
        urls["api_search"] = "/api/v2/pages/?search=orchestra&limit=20"
        urls["search"] = "/en/search/?query=orchestra"
    if partnership:
        urls["partnership_directory"] = partnership.get_parent().url
        urls["partnership_directory_filtered"] = (
            f"{partnership.get_parent().url}?country={partnership.city_a.country.code}"
        )
    client = Client(HTTP_HOST="127.0.0.1")
    queries, statuses, cpu_ms, items = {}, {}, {}, {}
    for name, url in urls.items():
        client.get(url)  # renditions made, as on a site in use
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        queries[name] = len(captured)
        statuses[name] = response.status_code
        if response.get("Content-Type", "").startswith("text/html"):
            # Cards (stories, partnerships) on the page: a filter may match more of them on a bigger site.
            items[name] = response.content.count(b'<article class="card')
        timings = []
        for _ in range(CPU_SAMPLES):
            cache.clear()
            started = time.process_time()
            client.get(url)
            timings.append((time.process_time() - started) * 1000)
        cpu_ms[name] = round(statistics.median(timings), 2)
    print(json.dumps({"urls": urls, "queries": queries, "statuses": statuses, "cpu_ms": cpu_ms, "items": items}))


if __name__ == "__main__":
    main()
