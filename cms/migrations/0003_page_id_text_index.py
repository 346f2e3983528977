"""PostgreSQL only: pages by their id as text, the join Wagtail's database search makes.

Search index entries name their object by a text `object_id`, so Wagtail's PostgreSQL search joins each match to
its page on `page.id::varchar(50)`. Without an index on that expression the database reads every page to hash
them (36,000 at 10,000 stories in three languages); with it, it looks up the page of each match that it ranks.
"""

from django.db import migrations

INDEX = "twinning_page_id_text"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page ((((id)::varchar(50))::text))"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("cms", "0002_page_tree_and_search_indexes")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
