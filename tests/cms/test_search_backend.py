import os

from django.db import connection
from django.test import SimpleTestCase
from wagtail.search.backends import get_search_backend


class SearchBackendTests(SimpleTestCase):
    databases = {"default"}

    def test_the_database_backend_matches_the_database(self):
        """PostgreSQL's full-text search on PostgreSQL, SQLite's FTS5 on SQLite: never the slow fallback."""
        expected = {"postgresql": "PostgresSearchBackend", "sqlite": "SQLiteSearchBackend"}[connection.vendor]
        self.assertEqual(type(get_search_backend()).__name__, expected)

    def test_the_suite_runs_on_the_database_it_was_given(self):
        """CI's second run must really be on PostgreSQL, not silently on SQLite."""
        url = os.environ.get("DATABASE_URL", "sqlite://")
        expected = "postgresql" if url.startswith(("postgres://", "postgresql://")) else "sqlite"
        self.assertEqual(connection.vendor, expected)
