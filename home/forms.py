"""Admin forms shared by the site's page types."""

from django import forms
from django.db import models
from django.db.models import Q
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.models import TranslatableMixin

# The largest id a row can have in any of our databases (SQLite's INTEGER, PostgreSQL's bigint), and an id that
# matches no row.
MAX_ID = 2**63 - 1
NO_SUCH_ID = "0"


def is_id(value):
    return value.isascii() and value.isdigit() and int(value) <= MAX_ID


def chooses_by_integer(field):
    """Whether a ModelChoiceField's values are integers (an id, or a key such as a page's page_ptr)."""
    model = field.queryset.model
    target = model._meta.get_field(field.to_field_name) if field.to_field_name else model._meta.pk
    while target.is_relation:
        target = target.target_field
    return isinstance(target, models.IntegerField)


class ChoiceIdsMixin:
    """Reads a posted choice that cannot be an id (a word, a NUL byte, a number past 64 bits) as an id that
    matches nothing, so that the editor gets "Select a valid choice" rather than a server error.

    Django's ModelChoiceField lets SQLite's OverflowError through for a number past 64 bits, and Wagtail's chooser
    widgets raise a ValueError when they show the form again with a value that is not an id.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound or not hasattr(self.data, "getlist"):
            return
        data = None
        for name, field in self.fields.items():
            if not isinstance(field, forms.ModelChoiceField) or not chooses_by_integer(field):
                continue
            key = self.add_prefix(name)
            values = self.data.getlist(key)
            safe = [value if value == "" or is_id(value) else NO_SUCH_ID for value in values]
            if safe != values:
                data = data if data is not None else self.data.copy()
                data.setlist(key, safe)
        if data is not None:
            self.data = data


class LocaleScopedMixin:
    """Offers an editor only the snippets and pages in the language of the page or snippet being edited.

    Without this, the focus areas, partnerships and campaigns of every language are listed side by side
    (four "Fort Lauderdale – Mataró" entries), and a Spanish story could be tied to an English partnership.
    Whatever the page already points to stays valid, so a page synced from another language still saves.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale_id = getattr(self.instance, "locale_id", None)
        if not locale_id:
            return
        for name, field in self.fields.items():
            if not isinstance(field, forms.ModelChoiceField):
                continue
            model = field.queryset.model
            if not issubclass(model, TranslatableMixin):
                continue
            field.queryset = field.queryset.filter(Q(locale_id=locale_id) | Q(pk__in=self._current_ids(name)))

    def _current_ids(self, name):
        if not self.instance.pk and not self.initial.get(name):
            return []
        value = self.initial.get(name)
        if value is None:
            return []
        if isinstance(value, (list, tuple)):
            return [getattr(item, "pk", item) for item in value]
        if hasattr(value, "all"):
            return [item.pk for item in value.all()]
        return [getattr(value, "pk", value)]


class LocaleScopedPageForm(LocaleScopedMixin, ChoiceIdsMixin, WagtailAdminPageForm):
    """The admin form of every page type (BasePage.base_form_class)."""


class LocaleScopedModelForm(LocaleScopedMixin, ChoiceIdsMixin, WagtailAdminModelForm):
    """The admin form of our snippets and other models that choose objects: a member association's city is one
    in the association's language, as a page's snippets are in the page's."""
