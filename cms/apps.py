from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Twinning site")

    def ready(self):
        # The APIs, before anything else imports Wagtail's v3 URLs: cms.api types stream fields for v3 first.
        from . import api  # noqa: F401
        from .webhooks import signals

        signals.connect()

        from .translation import restrictions

        restrictions.connect()

        from .cache import signals as cache_signals

        cache_signals.connect()

        from home.listing import use_counter

        from .cache import counts

        use_counter(counts.count)

        from home.fragments import use_keeper

        from .cache import fragments

        use_keeper(fragments.kept)
