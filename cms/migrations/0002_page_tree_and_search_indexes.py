"""Indexes on Wagtail's own tables for the queries this site makes on every request.

- `wagtailcore_page (depth, path)`: a page's children (the menu in every page's header, `child_of` listings) are
  the pages one level deeper within its path range; Wagtail indexes `path` alone, so finding the home page's few
  menu items meant reading every page under it (36,000 rows at 10,000 stories in three languages).
- `wagtailsearch_indexentry ((title || body))`, PostgreSQL only: Wagtail's PostgreSQL search matches the query
  against the title and body vectors joined, which the GIN indexes on each column cannot serve, so each search
  read the whole index table. SQLite's search uses its own FTS5 table.
"""

from django.db import migrations

PAGE_INDEX = "twinning_page_depth_path"
SEARCH_INDEX = "twinning_search_title_body"


def create_indexes(apps, schema_editor):
    schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {PAGE_INDEX} ON wagtailcore_page (depth, path)")
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {SEARCH_INDEX} ON wagtailsearch_indexentry USING gin ((title || body))"
        )


def drop_indexes(apps, schema_editor):
    schema_editor.execute(f"DROP INDEX IF EXISTS {PAGE_INDEX}")
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {SEARCH_INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create_indexes, drop_indexes, elidable=False)]
