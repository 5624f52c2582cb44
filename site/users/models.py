from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """Custom user from the first migration, so fields can be added without pain later."""

    email = models.EmailField(_("e-mailadres"), unique=True)
    organisation = models.CharField(_("organisatie"), max_length=200, blank=True)

    class Meta(AbstractUser.Meta):
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")

    def __str__(self):
        return self.get_full_name() or self.username
