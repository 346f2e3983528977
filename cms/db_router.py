"""Reads from a PostgreSQL read replica, when DATABASE_REPLICA_URL configures one (the "replica" alias).

Reads go to the replica unless the primary is inside a transaction: a publish, a revision save or a form that
writes then reads must see its own writes, which the replica has not received yet. Writes and migrations always
go to the primary.
"""

from django.db import connections

PRIMARY, REPLICA = "default", "replica"


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        return PRIMARY if connections[PRIMARY].in_atomic_block else REPLICA

    def db_for_write(self, model, **hints):
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints):
        # Both aliases hold the same data.
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == PRIMARY
