"""The indexes the migrations add serve the queries the site really makes (cms 0002, 0003, stories 0002, cities 0004).

On PostgreSQL, with sequential scans and hash and merge joins discouraged, the planner uses an index wherever one
matches the query's expression, whatever the table sizes in a test: the plan naming ours proves that the index
and the query still fit. SQLite's planner prefers a matching index by itself; its search reads the FTS5 table.
"""

import json

from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from tests.factories import CityPartnershipPageFactory, StoryPageFactory
from tests.utils import SiteTestCase


def plan_of(sql, also_off=()):
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Scans and joins that need no index discouraged: only a missing or unfit index leaves ours out.
            for setting in ("enable_seqscan", "enable_hashjoin", "enable_mergejoin", *also_off):
                cursor.execute(f"SET LOCAL {setting} = off")
            cursor.execute("EXPLAIN (FORMAT JSON) " + sql)
            return json.dumps(cursor.fetchone()[0])
        cursor.execute("EXPLAIN QUERY PLAN " + sql)
        return "\n".join(row[-1] for row in cursor.fetchall())


class IndexTests(SiteTestCase):
    def setUp(self):
        StoryPageFactory(parent=self.story_index, title="Youth orchestra exchange")

    def queries_of(self, evaluate):
        with CaptureQueriesContext(connection) as captured:
            evaluate()
        return [query["sql"] for query in captured.captured_queries]

    def test_search_uses_the_vector_and_page_id_indexes(self):
        results = Page.objects.live().search("orchestra")
        searches = [sql for sql in self.queries_of(lambda: list(results[:20])) if "indexentry" in sql]
        self.assertEqual(len(searches), 1, searches)
        (search,) = searches
        if connection.vendor == "sqlite":
            self.assertIn("VIRTUAL TABLE INDEX", plan_of(search))
            return
        # The page of each match through the id-as-text index.
        self.assertIn("twinning_page_id_text", plan_of(search))
        # The match itself is the expression the GIN index is built on. (In the whole query, with a handful of
        # test rows, the planner may rather narrow by content type first: the match alone shows the index fits.)
        condition = '("wagtailsearch_indexentry"."title" || "wagtailsearch_indexentry"."body")'
        condition += " @@ (to_tsquery('''orchestra'''))"
        self.assertIn(condition, search)
        match_alone = "SELECT id FROM wagtailsearch_indexentry WHERE " + condition  # noqa: S608 (test constants)
        self.assertIn("twinning_search_title_body", plan_of(match_alone))

    def test_a_menu_reads_only_the_children(self):
        (children,) = self.queries_of(lambda: list(self.home.get_children().live().in_menu()))
        self.assertIn("twinning_page_depth_path", plan_of(children))

    def test_latest_stories_come_from_the_date_index(self):
        from stories.models import StoryPage

        (latest,) = self.queries_of(lambda: list(StoryPage.objects.live().order_by("-date", "-pk")[:3]))
        self.assertIn("story_newest_first", plan_of(latest))

    def test_the_directory_takes_its_page_of_partnerships_in_city_name_order(self):
        # Sorting every partnership of a language by its cities' names to show twelve took 19 ms at 10,000 stories;
        # read through the index on the city's name, the first twelve come first (1.5 ms).
        with connection.cursor() as cursor:
            constraints = connection.introspection.get_constraints(cursor, "cities_city")
        self.assertIn(["name"], [item["columns"] for item in constraints.values() if item["index"]])
        if connection.vendor == "sqlite":  # its planner sorts a test's few rows rather than read them by the index
            return
        CityPartnershipPageFactory(parent=self.partnership_index)
        partnerships = self.partnership_index.specific.get_partnerships()
        (directory,) = self.queries_of(lambda: list(partnerships[:12]))
        with connection.cursor() as cursor:  # statistics of a test's few rows, whatever ran before
            cursor.execute("ANALYZE cities_city, cities_citypartnershippage, wagtailcore_page")
        # A full sort discouraged too: the first page in order must be readable through the index.
        self.assertIn("cities_city_name_idx", plan_of(directory, also_off=["enable_sort"]))
