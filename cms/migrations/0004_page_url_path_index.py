"""Pages by their URL path, which home.routing finds the page a request is for by.

Wagtail's own migrations do not index `wagtailcore_page.url_path`; without an index, finding a page by its path
reads the whole page table (36,000 rows at 10,000 stories in three languages). Plain SQL that both SQLite and
PostgreSQL accept.
"""

from django.db import migrations

INDEX = "twinning_page_url_path"


class Migration(migrations.Migration):
    dependencies = [("cms", "0003_page_id_text_index")]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page (url_path)",
            f"DROP INDEX IF EXISTS {INDEX}",
            elidable=False,
        )
    ]
