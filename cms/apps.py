from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Twinning site"

    def ready(self):
        # The APIs, before anything else imports Wagtail's v3 URLs: cms.api types stream fields for v3 first.
        from . import api  # noqa: F401
        from .webhooks import signals

        signals.connect()

        from .translation import restrictions

        restrictions.connect()
