"""Webhook subscriptions, the deliveries made for them and each attempt at a delivery."""

import secrets

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import get_page_models

from home.forms import LocaleScopedModelForm


def page_content_types():
    return models.Q(id__in=[ContentType.objects.get_for_model(model).id for model in get_page_models()])


def new_secret():
    return secrets.token_urlsafe(32)


class WebhookEvent(models.TextChoices):
    PUBLISHED = "published", _("Page published")
    UNPUBLISHED = "unpublished", _("Page unpublished")
    DELETED = "deleted", _("Page deleted")
    TRANSLATION_PUBLISHED = "translation_published", _("Translation published")


class WebhookSubscription(models.Model):
    """A receiver that wants to hear about page changes, such as a member association's site rebuilding itself."""

    name = models.CharField(_("name"), max_length=255, help_text=_("Who receives these, for example Anderson SCA."))
    target_url = models.URLField(_("target URL"), max_length=500, help_text=_("Each event is POSTed here as JSON."))
    secret = models.CharField(
        _("secret"),
        max_length=255,
        default=new_secret,
        help_text=_("Shared with the receiver, which uses it to check the X-Twinning-Signature header."),
    )
    active = models.BooleanField(_("active"), default=True)
    on_published = models.BooleanField(_("page published"), default=True)
    on_unpublished = models.BooleanField(_("page unpublished"), default=True)
    on_deleted = models.BooleanField(_("page deleted"), default=True)
    on_translation_published = models.BooleanField(
        _("translation published"),
        default=True,
        help_text=_("A translation made with the translation tools is published (instead of 'page published')."),
    )
    page_types = models.ManyToManyField(
        ContentType,
        verbose_name=_("page types"),
        blank=True,
        limit_choices_to=page_content_types,
        related_name="+",
        help_text=_("Leave empty for every page type."),
    )
    locales = models.ManyToManyField(
        "wagtailcore.Locale",
        verbose_name=_("languages"),
        blank=True,
        related_name="+",
        help_text=_("Leave empty for every language."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    base_form_class = LocaleScopedModelForm
    panels = [
        FieldPanel("name"),
        FieldPanel("target_url"),
        FieldPanel("secret"),
        FieldPanel("active"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("on_published"), FieldPanel("on_unpublished")]),
                FieldRowPanel([FieldPanel("on_deleted"), FieldPanel("on_translation_published")]),
            ],
            heading=_("Events"),
        ),
        FieldPanel("page_types"),
        FieldPanel("locales"),
    ]

    class Meta:
        verbose_name = _("webhook subscription")
        verbose_name_plural = _("webhook subscriptions")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def wants(self, event, page):
        if not self.active or not getattr(self, f"on_{event}"):
            return False
        page_types = {content_type.pk for content_type in self.page_types.all()}
        if page_types and page.content_type_id not in page_types:
            return False
        locales = {locale.pk for locale in self.locales.all()}
        return not locales or page.locale_id in locales


class WebhookDelivery(models.Model):
    """One event sent (or being sent) to one subscription, with its payload; retried until it succeeds."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        SUCCEEDED = "succeeded", _("Succeeded")
        FAILED = "failed", _("Failed")

    subscription = models.ForeignKey(
        WebhookSubscription, verbose_name=_("subscription"), on_delete=models.CASCADE, related_name="deliveries"
    )
    event = models.CharField(_("event"), max_length=40, choices=WebhookEvent.choices)
    page_id = models.PositiveIntegerField(_("page id"))
    payload = models.JSONField(_("payload"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    attempt_count = models.PositiveSmallIntegerField(_("attempts"), default=0)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return _("%(event)s: page %(page)s to %(subscription)s") % {
            "event": self.get_event_display(),
            "page": self.page_id,
            "subscription": self.subscription,
        }


class WebhookAttempt(models.Model):
    """One try at a delivery: what the receiver answered (or why it could not be reached) and how long it took."""

    delivery = models.ForeignKey(
        WebhookDelivery, verbose_name=_("delivery"), on_delete=models.CASCADE, related_name="attempts"
    )
    number = models.PositiveSmallIntegerField(_("attempt"))
    started_at = models.DateTimeField(_("started at"))
    duration_ms = models.PositiveIntegerField(_("duration (ms)"))
    status_code = models.PositiveSmallIntegerField(_("response status"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)
    succeeded = models.BooleanField(_("succeeded"))

    class Meta:
        verbose_name = _("webhook attempt")
        verbose_name_plural = _("webhook attempts")
        ordering = ["-started_at", "-pk"]

    def __str__(self):
        return _("Attempt %(number)s of %(delivery)s") % {"number": self.number, "delivery": self.delivery}
