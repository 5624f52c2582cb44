"""Reactions of professionals under kennisbank pages, reports, follows and the
visibility setting.

Which pages take reactions is the page class's own business (``accepts_reactions =
True``); this app never imports the app that defines them.
"""

from django.conf import settings
from django.db import models
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

TEXT_MAX_LENGTH = 2000
REASON_MAX_LENGTH = 500
DELETED_AUTHOR = "verwijderd account"


def accepts_reactions(page):
    """Whether reactions may be shown and posted under ``page`` (a live page of a type
    that opts in)."""
    page_class = page.specific_class or type(page)
    return bool(getattr(page_class, "accepts_reactions", False)) and page.live


class ReactionQuerySet(models.QuerySet):
    def visible(self):
        return self.filter(status=Reaction.Status.VISIBLE)

    def with_report_count(self):
        return self.annotate(report_count=Count("reports", distinct=True))


class Reaction(models.Model):
    class Status(models.TextChoices):
        VISIBLE = "zichtbaar", _("Zichtbaar")
        HIDDEN = "verborgen", _("Verborgen door moderator")

    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="reactions",
        verbose_name=_("pagina"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reactions",
        verbose_name=_("auteur"),
    )
    text = models.TextField(_("reactie"), max_length=TEXT_MAX_LENGTH)
    created_at = models.DateTimeField(_("geplaatst op"), default=timezone.now, db_index=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.VISIBLE
    )
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("verborgen door"),
    )
    hidden_at = models.DateTimeField(_("verborgen op"), null=True, blank=True)

    objects = ReactionQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("reactie")
        verbose_name_plural = _("reacties")
        permissions = [("moderate_reaction", _("Kan reacties verbergen en terugzetten"))]
        indexes = [models.Index(fields=["page", "status", "created_at"])]

    def __str__(self):
        excerpt = " ".join(self.text.split())[:60]
        return f"{self.author_name}: {excerpt}"

    @property
    def author_name(self):
        if self.author is None:
            return DELETED_AUTHOR
        return self.author.get_full_name() or self.author.username

    @property
    def author_organisation(self):
        return getattr(self.author, "organisation", "") if self.author else ""

    @property
    def is_hidden(self):
        return self.status == self.Status.HIDDEN

    def hide(self, user):
        self.status = self.Status.HIDDEN
        self.hidden_by = user
        self.hidden_at = timezone.now()
        self.save(update_fields=["status", "hidden_by", "hidden_at"])

    def restore(self):
        self.status = self.Status.VISIBLE
        self.hidden_by = None
        self.hidden_at = None
        self.save(update_fields=["status", "hidden_by", "hidden_at"])


class ReactionReport(models.Model):
    """A reader's report (melding) that a reaction breaks the rules; one per reader."""

    reaction = models.ForeignKey(
        Reaction, on_delete=models.CASCADE, related_name="reports", verbose_name=_("reactie")
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="reaction_reports",
        verbose_name=_("gemeld door"),
    )
    reason = models.TextField(_("reden"), max_length=REASON_MAX_LENGTH)
    created_at = models.DateTimeField(_("gemeld op"), default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        constraints = [
            models.UniqueConstraint(
                fields=["reaction", "reporter"], name="reactions_one_report_per_user"
            )
        ]

    def __str__(self):
        return f"Melding bij reactie {self.reaction_id}"


class Follow(models.Model):
    """A user follows a page: new reactions there are notified to them."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="page_follows"
    )
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("volgen")
        verbose_name_plural = _("gevolgde pagina's")
        constraints = [
            models.UniqueConstraint(fields=["user", "page"], name="reactions_one_follow_per_page")
        ]

    def __str__(self):
        return f"{self.user_id} volgt {self.page_id}"


@register_setting(icon="comment")
class ReactionSettings(BaseSiteSetting):
    class Visibility(models.TextChoices):
        MEMBERS = "leden", _("Alleen voor ingelogde leden")
        EVERYONE = "iedereen", _("Voor iedereen")

    visibility = models.CharField(
        _("wie ziet de reacties"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.MEMBERS,
        help_text=_(
            "Bij 'alleen leden' zien bezoekers die niet ingelogd zijn alleen het aantal "
            "reacties en een uitnodiging om in te loggen. Reageren kan altijd alleen door "
            "goedgekeurde professionals."
        ),
    )

    class Meta:
        verbose_name = _("Reacties")

    @property
    def public(self):
        return self.visibility == self.Visibility.EVERYONE
