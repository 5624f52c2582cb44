"""Approving professionals: by an editor in the CMS, or automatically when the verified
e-mail address belongs to a domain in *Organisatiedomeinen*."""

from allauth.account.signals import email_confirmed
from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction
from django.dispatch import receiver
from django.utils import timezone

from leernetwerk.core.mail import send_email
from leernetwerk.core.roles import PROFESSIONAL

from .models import OrganisationDomain, User


@transaction.atomic
def approve(user, by=None, request=None):
    """Make ``user`` a professional (group "Professional") and tell them by e-mail."""
    if user.professional == User.Professional.GOEDGEKEURD:
        return False
    user.professional = User.Professional.GOEDGEKEURD
    user.approved_at = timezone.now()
    user.approved_by = by
    user.save(update_fields=["professional", "approved_at", "approved_by"])
    user.groups.add(Group.objects.get(name=PROFESSIONAL))
    send_email(
        to=[user.email],
        subject="Je account op Leernetwerk 16-27 is goedgekeurd",
        template="account/email/approved.txt",
        context={"user": user, "site_url": settings.WAGTAILADMIN_BASE_URL},
    )
    return True


@transaction.atomic
def withdraw(user):
    """Take the professional role away again (the account itself stays)."""
    user.professional = User.Professional.WACHT
    user.approved_at = None
    user.approved_by = None
    user.save(update_fields=["professional", "approved_at", "approved_by"])
    user.groups.remove(Group.objects.get(name=PROFESSIONAL))


@receiver(email_confirmed)
def approve_known_domains(request, email_address, **kwargs):
    user = email_address.user
    if user.professional == User.Professional.WACHT and OrganisationDomain.approves(
        email_address.email
    ):
        approve(user, by=None, request=request)
