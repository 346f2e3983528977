"""The machine translator used when no DeepL key is configured.

It does not translate: it marks each string with the target language ("[ES] Our story"), so a page filled in by
it is obviously unfinished, while the whole workflow (editor button, bulk command) can be tried without a key.
"""

from django.utils.translation import gettext_lazy as _
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.strings import StringValue


def development_marker(locale):
    return f"[{locale.language_code.upper()}]"


class DevelopmentTranslator(BaseMachineTranslator):
    display_name = _("Development translator (not a real translation)")

    def translate(self, source_locale, target_locale, strings):
        marker = development_marker(target_locale)
        return {string: StringValue(f"{marker} {string.data}") for string in strings}

    def can_translate(self, source_locale, target_locale):
        return source_locale.language_code != target_locale.language_code
