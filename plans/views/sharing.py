"""Sharing by personal invitation only; the owner can revoke at any time."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.mail import send_mail
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from leernetwerk.core.ratelimits import hit, limited_response

from ..access import log_access, plan_view
from ..containment import contain
from ..forms import InviteForm
from ..models import AccessLogEntry, Invitation, Membership, Role
from ..models.sharing import hash_token

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
        body = render_to_string(
            "plans/email/invitation.txt",
            {"inviter": request.user, "link": link, "invitation": invitation},
        )
        send_mail(
            "Uitnodiging voor een toekomstplan",
            body,
            settings.DEFAULT_FROM_EMAIL,
            [invitation.email],
        )
        messages.success(request, "De uitnodiging is verstuurd. De link is 7 dagen geldig.")
        return redirect("plans:sharing", reference=plan.reference)
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


@login_required
@never_cache
@contain
def accept_invitation(request, token):
    invitation = (
        Invitation.objects.select_related("plan").filter(token_hash=hash_token(token)).first()
    )
    if invitation is None:
        raise Http404
    if invitation.used_at or invitation.revoked_at or invitation.expires_at <= timezone.now():
        return _invalid(
            request,
            "Deze uitnodiging is verlopen, ingetrokken of al gebruikt. Vraag de eigenaar van "
            "het plan om een nieuwe uitnodiging.",
            410,
        )
    if invitation.email.lower() != request.user.email.lower():
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
            locked.used_at = timezone.now()
            locked.save(update_fields=["used_at"])
            plan = locked.plan
            if locked.role == Role.EIGENAAR:
                # The young person takes over: the starting professional stays as bewerker.
                plan.memberships.active().filter(role=Role.EIGENAAR).update(role=Role.BEWERKER)
            membership = plan.memberships.active().filter(user=request.user).first()
            if membership is None:
                Membership.objects.create(plan=plan, user=request.user, role=locked.role)
            else:
                membership.role = locked.role
                membership.save(update_fields=["role"])
            log_access(request, plan, Log.JOIN, f"uitnodiging {locked.pk} als {locked.role}")
        messages.success(request, "Welkom! Je hebt nu toegang tot het plan.")
        return redirect("plans:detail", reference=plan.reference)
    return render(request, "plans/invitation_accept.html", {"invitation": invitation})
