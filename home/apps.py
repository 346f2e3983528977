from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and campaigns")

    def ready(self):
        from . import signals, site_root_paths

        signals.connect()
        site_root_paths.connect()
