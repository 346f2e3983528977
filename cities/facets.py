"""The countries a country filter offers: those where a live, public partnership in its scope has a city.

Finding them reads every partnership in scope (2,000 per language at scale) on every listing view, so the answer is
kept in Django's cache under a generation, which any change able to alter it replaces, at once and again when its
transaction commits: a partnership published, unpublished, moved or deleted, a city saved or deleted (its country),
a view restriction added or removed (`public()`). A listing therefore never offers a country from before such a
change. A value computed from the old rows while a change commits is stored under the old generation, which nothing
reads again; a lost generation (evicted) starts a new one; an unreachable cache costs the query, never an error.
"""

import uuid

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

GENERATION_KEY = "twinning:facets:generation"
TIMEOUT = 24 * 60 * 60


def _generation():
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def partnership_countries(partnerships, scope):
    """The country codes of either city of `partnerships` (a queryset of live, public partnerships), as a frozenset.

    `scope` names what `partnerships` selects (`"children:<index id>"`, `"locale:<locale id>"`): it is the cache key.
    """
    generation = _generation()
    key = f"twinning:facets:{generation}:countries:{scope}"
    if generation is not None:
        countries = cache.get(key)
        if countries is not None:
            return countries
    # One branch per city column; the database returns each country once.
    countries_a = partnerships.order_by().values_list("city_a__country", flat=True)
    countries_b = partnerships.order_by().values_list("city_b__country", flat=True)
    countries = frozenset(code for code in countries_a.union(countries_b) if code)
    if generation is not None:
        cache.set(key, countries, timeout=TIMEOUT)
    return countries


def new_generation():
    cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def _changed(**kwargs):
    # Now, so that the connection that made the change reads it; after the commit, so that a value another process
    # computed from the old rows in between is not kept either.
    new_generation()
    transaction.on_commit(new_generation, robust=True)


def connect():
    from .models import City, CityPartnershipPage

    for signal in (page_published, page_unpublished, post_delete):
        signal.connect(_changed, sender=CityPartnershipPage, dispatch_uid=f"twinning_facets_{id(signal)}")
    # A move can take partnerships (or the index above them) from one scope to another: any page.
    post_page_move.connect(_changed, dispatch_uid="twinning_facets_move")
    for model in (City, PageViewRestriction):
        post_save.connect(_changed, sender=model, dispatch_uid=f"twinning_facets_save_{model.__name__}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"twinning_facets_delete_{model.__name__}")
