"""Page querysets and routing that answer in fewer queries than Wagtail's defaults, with the same results.

Wagtail's `PageQuerySet.public()` first reads every view restriction of the site (one query each time it is
called) and builds a filter from them in Python; a page view calls it several times. Here the same rule is one
`NOT EXISTS` subquery inside the query that lists the pages, so `.public()` costs nothing extra.
"""

import functools

from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr
from django.http import Http404
from wagtail.models import Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet


def private_pages_q():
    """Pages at or under a page with a view restriction: a restricted page's path is a prefix of theirs."""
    return Q(Exists(PageViewRestriction.objects.filter(page__path=Substr(OuterRef("path"), 1, Length("page__path")))))


class TwinningPageQuerySet(PageQuerySet):
    def private_q(self):
        return private_pages_q()


TwinningPageManager = PageManager.from_queryset(TwinningPageQuerySet)


def page_queryset(model):
    """A queryset of `model` (such as Wagtail's `Page`) whose `.public()` is the one-query kind."""
    return TwinningPageQuerySet(model).order_by("path")


def having(queryset, *args, **kwargs):
    """`queryset.filter(...)` through a relation, as a semi-join: each row at most once, with no DISTINCT.

    Filtering across a many-to-many relation repeats a row once per match, and `.distinct()` then makes the
    database sort every matching row before it can return the first page of them (2,000 stories for one focus area
    at scale); `pk IN (subquery)` lets it walk an index in the listing's order and stop when the page is full.
    """
    return queryset.filter(pk__in=queryset.model._base_manager.filter(*args, **kwargs).values("pk"))


def having_related(queryset, field_name, targets):
    """The rows of `queryset` whose many-to-many `field_name` names one of `targets` (a queryset of ids).

    `having()` for a many-to-many relation, read from the relation's own table alone (indexed on each column):
    through the ORM's relation the database joins the target table to the whole link table before it can look for
    the targets, which at scale is a scan of every link (60,000 for the stories' focus areas).
    """
    field = queryset.model._meta.get_field(field_name)
    links = field.remote_field.through._default_manager.filter(**{f"{field.m2m_reverse_field_name()}__in": targets})
    return queryset.filter(pk__in=links.values(field.m2m_field_name()))


@functools.cache
def has_view_restrictions():
    """An annotation for a page query: whether `view_restrictions_for(page)` would find any, read in the same query.

    The restrictions are few, so the EXISTS starts from them: one on a page at or above this one that is not an
    alias (its path is a prefix of this page's), or one on the original of an alias at or above this one. Built
    once: a query resolves a copy of it (building it took half a millisecond on every request).
    """
    on_original_of_alias_above = Page.objects.filter(
        alias_of=OuterRef("page"), path=Substr(OuterRef(OuterRef("path")), 1, Length("path"))
    )
    return Exists(
        PageViewRestriction.objects.filter(
            Q(page__alias_of__isnull=True, page__path=Substr(OuterRef("path"), 1, Length("page__path")))
            | Q(Exists(on_original_of_alias_above))
        )
    )


def view_restrictions_for(page):
    """The restrictions on `page` and its ancestors, in one query: what `Page.get_view_restrictions` returns in two.

    An alias takes its restrictions from the page it is an alias of, as in Wagtail (which never makes an alias of
    an alias: `alias_of` always names the original).
    """
    steplen = page.steplen
    paths = [page.path[:end] for end in range(steplen, len(page.path) + 1, steplen)]
    in_tree = Page.objects.filter(path__in=paths)
    return PageViewRestriction.objects.filter(
        Q(page__in=in_tree.filter(alias_of__isnull=True).values("pk"))
        | Q(page__in=in_tree.filter(alias_of__isnull=False).values("alias_of_id"))
    )


def is_hidden(page):
    """True for a page a visitor may not see: missing, not live, or under a view restriction.

    The restriction is read from an `is_private` annotation when the page was loaded with one (the APIs' prefetches
    add it: `private_pages_q()`), else with one query.
    """
    if page is None or not page.live:
        return True
    private = getattr(page, "is_private", None)
    if private is None:
        private = view_restrictions_for(page).exists()
    return private


def route_to_child(parent, request, path_components):
    """`Page.route` for a request below `parent`, in one query per level where Wagtail makes two.

    Wagtail finds the child by slug, then loads its specific model. When the parent allows one page type below
    it (an index page), the child is read from that model's table directly, joined with its locale (so templates
    need not look the active locale up again) and with the relations its model names in `serve_select_related`
    (what its template shows: hero image, cities). Anything else (a child of another type,
    which the page-type rules should prevent) takes the general two-query path.
    """
    child_slug, remaining = path_components[0], path_components[1:]
    subpage_models = parent.specific_class.allowed_subpage_models()
    child = None
    if len(subpage_models) == 1:
        model = subpage_models[0]
        related = ("locale", *getattr(model, "serve_select_related", ()))
        child = model.objects.child_of(parent).filter(slug=child_slug).select_related(*related).first()
    if child is None:
        base = Page.objects.child_of(parent).filter(slug=child_slug).select_related("locale").first()
        if base is None:
            raise Http404
        child = base.specific
        if child is not base:
            child.locale = base.locale
    # As Wagtail does: treebeard's get_parent() reads this instead of querying.
    child._cached_parent_obj = parent
    return child.route(request, remaining)
