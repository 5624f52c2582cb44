"""Sharing by personal invitation only; the owner can revoke at any time."""

from urllib.parse import urlencode

from allauth.account.adapter import get_adapter as get_account_adapter
from allauth.account.models import EmailAddress
from allauth.account.utils import perform_login
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from leernetwerk.core.mail import send_email
from leernetwerk.core.privacy import current_privacy_version, privacy_url
from leernetwerk.core.ratelimits import hit, limited_response
from leernetwerk.users.forms import InvitationSignupForm

from ..access import log_access, log_denied, plan_view
from ..containment import contain
from ..forms import InviteForm
from ..models import AccessLogEntry, Invitation, Membership, Role
from ..models.sharing import hash_token
from ..notifications import invitation_accepted

Log = AccessLogEntry.Action
OWNER = {Role.EIGENAAR}


@plan_view(roles=OWNER)
def plan_sharing(request, plan):
    form = InviteForm(request.POST if request.method == "POST" else None, plan=plan)
    if request.method == "POST" and form.is_valid():
        if hit(request, "uitnodiging", key="user"):
            return limited_response(request)
        with transaction.atomic():
            invitation, token = Invitation.issue(
                plan, form.cleaned_data["email"], form.cleaned_data["role"], request.user
            )
            log_access(
                request, plan, Log.SHARE, f"uitnodiging {invitation.pk} als {invitation.role}"
            )
        link = request.build_absolute_uri(reverse("plans:accept", kwargs={"token": token}))
        # The e-mail names no one and holds no plan content: only who invites and the link.
        send_email(
            to=[invitation.email],
            subject="Uitnodiging voor een toekomstplan",
            template="plans/email/invitation.txt",
            context={"inviter": request.user, "link": link, "invitation": invitation},
        )
        messages.success(request, "De uitnodiging is verstuurd. De link is 7 dagen geldig.")
        return redirect("plans:sharing", reference=plan.reference)
    log_access(request, plan, Log.READ, "deelpagina bekeken")
    context = {
        "plan": plan,
        "form": form,
        "memberships": plan.memberships.active().select_related("user"),
        "invitations": plan.invitations.filter(used_at__isnull=True, revoked_at__isnull=True),
    }
    return render(request, "plans/plan_sharing.html", context)


@require_POST
@plan_view(roles=OWNER)
def revoke_membership(request, plan, membership_id):
    membership = get_object_or_404(plan.memberships.active(), pk=membership_id)
    if membership.user_id == request.user.pk:
        messages.error(request, "Je kunt je eigen toegang niet intrekken.")
    else:
        membership.revoked_at = timezone.now()
        membership.save(update_fields=["revoked_at"])
        log_access(request, plan, Log.REVOKE, f"toegang deelnemer {membership.pk} ingetrokken")
        messages.success(request, "De toegang is ingetrokken.")
    return redirect("plans:sharing", reference=plan.reference)


@require_POST
@plan_view(roles=OWNER)
def revoke_invitation(request, plan, invitation_id):
    invitation = get_object_or_404(
        plan.invitations.filter(used_at__isnull=True, revoked_at__isnull=True), pk=invitation_id
    )
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    log_access(request, plan, Log.REVOKE, f"uitnodiging {invitation.pk} ingetrokken")
    messages.success(request, "De uitnodiging is ingetrokken.")
    return redirect("plans:sharing", reference=plan.reference)


def _invalid(request, message, status):
    return render(request, "plans/invitation_invalid.html", {"message": message}, status=status)


def _join(request, invitation, user):
    """Use the (locked, unused) invitation: ``user`` becomes a member with its role."""
    invitation.used_at = timezone.now()
    invitation.save(update_fields=["used_at"])
    plan = invitation.plan
    if invitation.role == Role.EIGENAAR:
        # The young person takes over: the starting professional stays as bewerker.
        plan.memberships.active().filter(role=Role.EIGENAAR).update(role=Role.BEWERKER)
    membership = plan.memberships.active().filter(user=user).first()
    if membership is None:
        Membership.objects.create(plan=plan, user=user, role=invitation.role)
    else:
        membership.role = invitation.role
        membership.save(update_fields=["role"])
    log_access(request, plan, Log.JOIN, f"uitnodiging {invitation.pk} als {invitation.role}", user)
    invitation_accepted(invitation, user)
    return plan


def _usable(token):
    """The invitation for ``token`` (404 if unknown) and why it cannot be used, if so."""
    invitation = (
        Invitation.objects.select_related("plan").filter(token_hash=hash_token(token)).first()
    )
    if invitation is None:
        raise Http404
    if invitation.used_at or invitation.revoked_at or invitation.expires_at <= timezone.now():
        return invitation, (
            "Deze uitnodiging is verlopen, ingetrokken of al gebruikt. Vraag de eigenaar van "
            "het plan om een nieuwe uitnodiging."
        )
    return invitation, None


@never_cache
@contain
@sensitive_post_parameters()
def accept_invitation(request, token):
    invitation, problem = _usable(token)
    if problem:
        return _invalid(request, problem, 410)
    if not request.user.is_authenticated:
        return _new_account(request, invitation)
    if invitation.email.lower() != request.user.email.lower():
        log_denied(request, invitation.plan.reference, "uitnodiging voor een ander e-mailadres")
        return _invalid(
            request,
            "Deze uitnodiging is voor een ander e-mailadres. Log in met het account dat bij "
            "dat e-mailadres hoort.",
            403,
        )
    if request.method == "POST":
        with transaction.atomic():
            # Lock and re-check, so one token can never be used twice, not even at once.
            locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
            if locked.used_at:
                return _invalid(request, "Deze uitnodiging is al gebruikt.", 410)
            plan = _join(request, locked, request.user)
        messages.success(request, "Welkom! Je hebt nu toegang tot het plan.")
        return redirect("plans:detail", reference=plan.reference)
    return render(request, "plans/invitation_accept.html", {"invitation": invitation})


def _new_account(request, invitation):
    """Someone without a session: log in, or create an account for the invited address.

    The address is the invitation's: whoever holds the link received it there, so it
    counts as verified. Age is confirmed, and under 16 a parent or guardian consents.
    """
    User = get_user_model()
    existing = User.objects.filter(email__iexact=invitation.email).exists()
    login_url = f"{reverse('account_login')}?{urlencode({'next': request.path})}"
    form = None
    if not existing:
        form = InvitationSignupForm(
            request.POST if request.method == "POST" else None, email=invitation.email
        )
    if request.method == "POST" and form is not None:
        if hit(request, "registratie"):
            return limited_response(request)
        if form.is_valid():
            with transaction.atomic():
                locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
                if locked.used_at or User.objects.filter(email__iexact=locked.email).exists():
                    return _invalid(request, "Deze uitnodiging is al gebruikt.", 410)
                user = _create_invited_account(request, locked, form.cleaned_data)
                plan = _join(request, locked, user)
            messages.success(request, "Je account is aangemaakt en je hebt toegang tot het plan.")
            return perform_login(
                request,
                user,
                email_verification="none",
                redirect_url=reverse("plans:detail", kwargs={"reference": plan.reference}),
            )
    context = {
        "invitation": invitation,
        "form": form,
        "existing": existing,
        "login_url": login_url,
        "privacy_url": privacy_url(),
        "privacy_version": current_privacy_version(),
    }
    status = 400 if form is not None and form.errors else 200
    return render(request, "plans/invitation_signup.html", context, status=status)


def _create_invited_account(request, invitation, data):
    User = get_user_model()
    now = timezone.now()
    under_16 = data["age"] == "-16"
    user = User(
        email=invitation.email.lower(),
        first_name=data["first_name"].strip(),
        professional=User.Professional.GEEN,
        privacy_statement_version=current_privacy_version(),
        privacy_accepted_at=now,
        under_16=under_16,
        parental_consent_name=data["parental_consent_name"].strip() if under_16 else "",
        parental_consent_at=now if under_16 else None,
    )
    get_account_adapter(request).populate_username(request, user)
    user.set_password(data["password1"])
    user.save()
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
    return user
