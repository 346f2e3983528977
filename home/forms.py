"""Admin forms shared by the site's page types."""

from django import forms
from django.db.models import Q
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import TranslatableMixin


class LocaleScopedPageForm(WagtailAdminPageForm):
    """Offers an editor only the snippets and pages in the language of the page being edited.

    Without this, the focus areas, partnerships and campaigns of every language are listed side by side
    (four "Fort Lauderdale – Mataró" entries), and a Spanish story could be tied to an English partnership.
    Whatever the page already points to stays valid, so a page synced from another language still saves.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale_id = self.instance.locale_id
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
