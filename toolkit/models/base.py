from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ConnectedQuerySet(models.QuerySet):
    """Saved tool results are private: only their owner is connected to them."""

    def connected(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(owner=user)


class SavedResult(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("eigenaar"),
    )
    omschrijving = models.CharField(_("omschrijving"), max_length=120)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("bijgewerkt"), auto_now=True)

    objects = ConnectedQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["-updated_at", "-pk"]

    def __str__(self):
        return self.omschrijving
