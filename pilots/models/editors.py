from django.contrib.auth.models import Group
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class RegioRedactie(models.Model):
    """Gives a region its own editors: a user group that may publish progress updates
    under that region's pilots and propose changes to the pilots themselves."""

    regio = models.OneToOneField(
        "taxonomy.Regio",
        on_delete=models.CASCADE,
        related_name="redactie",
        verbose_name=_("regio"),
    )
    group = models.OneToOneField(
        Group,
        on_delete=models.PROTECT,
        editable=False,
        related_name="regio_redactie",
        verbose_name=_("gebruikersgroep"),
    )

    panels = [
        FieldPanel(
            "regio",
            help_text=_(
                "Na opslaan bestaat de groep 'Regioredactie <regio>'. Koppel redacteuren "
                "eraan via Instellingen > Gebruikers."
            ),
        )
    ]

    class Meta:
        ordering = ["regio__name"]
        verbose_name = _("regioredactie")
        verbose_name_plural = _("regioredacties")

    def __str__(self):
        return self.group.name if self.group_id else str(self.regio)

    def save(self, *args, **kwargs):
        from ..permissions import grant_editor_base_permissions, sync_region_page_permissions

        with transaction.atomic():
            if not self.group_id:
                self.group, _created = Group.objects.get_or_create(name=self.group_name(self.regio))
            super().save(*args, **kwargs)
            grant_editor_base_permissions(self.group)
            sync_region_page_permissions(regions=[self.regio])

    def delete(self, *args, **kwargs):
        # The group exists only for this region: remove it with its page permissions.
        group = self.group
        with transaction.atomic():
            result = super().delete(*args, **kwargs)
            group.delete()
        return result

    @staticmethod
    def group_name(regio):
        return f"Regioredactie {regio.name}"[:150]
