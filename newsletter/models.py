"""The newsletter: subscribers (personal data), issues composed in the CMS, and one send
job per issue with a delivery row per recipient (progress, and never twice to one address).
"""

import secrets
from dataclasses import dataclass
from datetime import date, timedelta

from django.apps import apps
from django.conf import settings
from django.core import signing
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PreviewableMixin

CONFIRM_SALT = "newsletter.bevestigen"
UNSUBSCRIBE_SALT = "newsletter.afmelden"


def new_key():
    return secrets.token_urlsafe(24)


def confirm_days():
    return settings.NEWSLETTER_CONFIRM_DAYS


class SubscriberQuerySet(models.QuerySet):
    def active(self):
        return self.filter(confirmed_at__isnull=False)

    def expired(self, now=None):
        """Unconfirmed subscriptions whose confirmation link has run out."""
        cutoff = (now or timezone.now()) - timedelta(days=confirm_days())
        return self.filter(confirmed_at__isnull=True, confirmation_sent_at__lt=cutoff)

    def of_user(self, user):
        """The subscription an account made, or one for its e-mail address."""
        condition = Q(user=user)
        if user.email:
            condition |= Q(email=normalize_email(user.email))
        return self.filter(condition)


def normalize_email(address):
    return address.strip().lower()


class Subscriber(models.Model):
    """An e-mail address on the list. Active only once confirmed (double opt-in).

    Unsubscribing deletes the row: no address is kept of someone who left."""

    email = models.EmailField(_("e-mailadres"), unique=True)
    name = models.CharField(_("naam"), max_length=100, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="newsletter_subscriptions",
        verbose_name=_("account"),
    )
    # Random and secret: the signed links carry it, never the address or the id.
    key = models.CharField(max_length=64, unique=True, default=new_key, editable=False)
    created_at = models.DateTimeField(_("aangemeld op"), default=timezone.now)
    confirmation_sent_at = models.DateTimeField(
        _("bevestigingsmail verstuurd op"), null=True, blank=True
    )
    confirmed_at = models.DateTimeField(_("bevestigd op"), null=True, blank=True)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("abonnee")
        verbose_name_plural = _("abonnees")
        ordering = ["-created_at"]

    def __str__(self):
        return self.email

    @property
    def is_active(self):
        return self.confirmed_at is not None

    def confirm_token(self):
        return signing.TimestampSigner(salt=CONFIRM_SALT).sign(self.key)

    def unsubscribe_token(self):
        return signing.Signer(salt=UNSUBSCRIBE_SALT).sign(self.key)

    def unsubscribe_path(self):
        return reverse("newsletter:unsubscribe", kwargs={"token": self.unsubscribe_token()})

    @staticmethod
    def key_from_confirm_token(token):
        """The key in a confirmation token; raises signing.SignatureExpired when older
        than NEWSLETTER_CONFIRM_DAYS and signing.BadSignature when forged or garbled."""
        return signing.TimestampSigner(salt=CONFIRM_SALT).unsign(
            token, max_age=timedelta(days=confirm_days())
        )

    @staticmethod
    def key_from_unsubscribe_token(token):
        return signing.Signer(salt=UNSUBSCRIBE_SALT).unsign(token)


def item_page_types():
    """Page types offered in the first chooser: news, and lessons and events when the
    kennisbank and the agenda are installed (a page type of a missing app would break
    the system checks)."""
    types = ["news.NewsPage"]
    if apps.is_installed("learning"):
        types.append("learning.Les")
    if apps.is_installed("agenda"):
        types.append("agenda.EventPage")
    return types


class IssueItemsBlock(blocks.StreamBlock):
    pagina = blocks.PageChooserBlock(
        page_type=item_page_types(), label=_("Nieuws, les of bijeenkomst"), icon="doc-full"
    )
    andere_pagina = blocks.PageChooserBlock(label=_("Andere pagina"), icon="link")


@dataclass
class IssueItem:
    """What an issue shows of a chosen page: title, date, summary and link."""

    title: str
    date: date | None
    summary: str
    url: str


class NewsletterIssueQuerySet(models.QuerySet):
    def sent(self):
        return self.filter(sent_at__isnull=False).order_by("-sent_at", "-pk")


class NewsletterIssue(PreviewableMixin, models.Model):
    subject = models.CharField(_("onderwerp"), max_length=150)
    intro = RichTextField(
        _("inleiding"), features=["bold", "italic", "link", "ol", "ul"], max_length=4000
    )
    items = StreamField(
        IssueItemsBlock(),
        blank=True,
        verbose_name=_("onderwerpen"),
        help_text=_(
            "Kies recente nieuwsberichten, lessen of andere pagina's. Van elke pagina tonen "
            "we de titel, de datum en de samenvatting."
        ),
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)
    # Set when an editor confirms "Verzenden": from then on it is in the archive and
    # can never be sent again.
    sent_at = models.DateTimeField(_("verzonden op"), null=True, blank=True, editable=False)

    panels = [FieldPanel("subject"), FieldPanel("intro"), FieldPanel("items")]

    objects = NewsletterIssueQuerySet.as_manager()

    class Meta:
        verbose_name = _("nieuwsbrief")
        verbose_name_plural = _("nieuwsbrieven")
        ordering = ["-created_at"]
        permissions = [("send_newsletter", _("Kan nieuwsbrieven verzenden"))]

    def __str__(self):
        return self.subject

    def get_absolute_url(self):
        return reverse("newsletter:issue", kwargs={"pk": self.pk})

    @property
    def is_sent(self):
        return self.sent_at is not None

    def resolved_items(self):
        """The chosen pages that are live and public, in the editor's order, as IssueItems.

        A fixed number of queries however many items: one for the base pages, one per
        page type for the specific fields (not one per item)."""
        ids = [raw["value"] for raw in self.items.raw_data if raw.get("value")]
        if not ids:
            return []
        pages = Page.objects.live().public().filter(pk__in=ids).specific().in_bulk()
        items = []
        for page_id in ids:
            page = pages.get(page_id)
            if page is None:
                continue
            items.append(
                IssueItem(
                    title=page.get_listing_title()
                    if hasattr(page, "get_listing_title")
                    else page.title,
                    date=getattr(page, "date", None)
                    or (page.first_published_at and timezone.localdate(page.first_published_at)),
                    summary=page.get_listing_summary()
                    if hasattr(page, "get_listing_summary")
                    else page.search_description,
                    url=page.get_full_url(),
                )
            )
        return items

    # Preview in the CMS: the web version from the archive, and the e-mail as sent.
    preview_modes = [("", _("Webversie")), ("email", _("E-mail"))]

    def get_preview_template(self, request, mode_name):
        if mode_name == "email":
            return "newsletter/email/issue.html"
        return "newsletter/issue_detail.html"

    def get_preview_context(self, request, mode_name):
        from .sending import mail_context, site_url

        items = self.resolved_items()
        if mode_name == "email":
            return mail_context(self, items, site_url(reverse("newsletter:subscribe")))
        return {**super().get_preview_context(request, mode_name), "issue": self, "items": items}


class SendJob(models.Model):
    """Sending one issue to every active subscriber; one per issue (sent only once)."""

    issue = models.OneToOneField(NewsletterIssue, on_delete=models.CASCADE, related_name="send_job")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(_("gestart op"), null=True)
    finished_at = models.DateTimeField(_("klaar op"), null=True)
    total = models.PositiveIntegerField(_("ontvangers"), default=0)
    sent = models.PositiveIntegerField(_("verzonden"), default=0)
    failed = models.PositiveIntegerField(_("mislukt"), default=0)
    skipped = models.PositiveIntegerField(_("overgeslagen"), default=0)

    class Meta:
        verbose_name = _("verzending")
        verbose_name_plural = _("verzendingen")

    @property
    def done(self):
        return self.sent + self.failed + self.skipped

    @property
    def percentage(self):
        if self.finished_at:
            return 100
        return int(100 * self.done / self.total) if self.total else 0


class Delivery(models.Model):
    """One recipient of a send job. A row is claimed (``bezig``) before its mail goes out,
    so a restarted task never sends to the same address twice."""

    class Status(models.TextChoices):
        PENDING = "wachtrij", _("in de wachtrij")
        SENDING = "bezig", _("bezig")
        SENT = "verzonden", _("verzonden")
        FAILED = "mislukt", _("mislukt")
        SKIPPED = "overgeslagen", _("overgeslagen (afgemeld)")

    job = models.ForeignKey(SendJob, on_delete=models.CASCADE, related_name="deliveries")
    # Null once the subscriber has left: the delivery keeps no address.
    subscriber = models.ForeignKey(
        Subscriber, null=True, on_delete=models.SET_NULL, related_name="deliveries"
    )
    status = models.CharField(max_length=20, choices=Status, default=Status.PENDING)
    attempted_at = models.DateTimeField(null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["job", "subscriber"], name="newsletter_one_delivery_per_subscriber"
            )
        ]
        indexes = [models.Index(fields=["job", "status"])]
