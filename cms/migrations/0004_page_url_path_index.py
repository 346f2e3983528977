"""Pages by their URL path, which home.routing finds the page a request is for by.

Wagtail's own migrations do not index `wagtailcore_page.url_path`; without an index, finding a page by its path
reads the whole page table (36,000 rows at 10,000 stories in three languages). Lookups are by equality only. On
PostgreSQL the index is a hash index: a B-tree entry may not exceed about 2,700 bytes, which a deep page with long
slugs (255 characters each, three bytes a character in Japanese) could pass, and then saving that page would fail.
SQLite's B-tree has no such limit.
"""

from django.db import migrations

INDEX = "twinning_page_url_path"


def create_index(apps, schema_editor):
    method = "USING hash " if schema_editor.connection.vendor == "postgresql" else ""
    schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page {method}(url_path)")


def drop_index(apps, schema_editor):
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("cms", "0003_page_id_text_index")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
