"""Participatiescan views. Every scan lookup goes through ``Scan.objects.connected(user)``:
unconnected users get a 404; participants get a 403 on coordinator-only actions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Q
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from leernetwerk.core.mail import send_email

from .. import scan_radar, scan_results
from ..forms.scan import ActiepuntForm, NieuweScanForm, ScoreForm, UitnodigingForm
from ..models import Antwoord, Deelnemer, Scan
from ..pdf import render_pdf


def _scan(request, pk):
    return get_object_or_404(Scan.objects.connected(request.user).select_related("regio"), pk=pk)


def _require_coordinator(request, scan):
    if scan.coordinator_id != request.user.pk:
        raise PermissionDenied(_("Alleen de coördinator van de scan mag dit doen."))


def _require_open(scan):
    if not scan.is_open:
        raise PermissionDenied(_("Deze scan is afgesloten."))


@login_required
def lijst(request):
    scans = (
        Scan.objects.connected(request.user)
        .select_related("regio")
        .annotate(
            aantal=Count("deelnemers", distinct=True),
            ingevuld=Count(
                "deelnemers", filter=Q(deelnemers__submitted_at__isnull=False), distinct=True
            ),
        )
    )
    return render(request, "toolkit/scan_lijst.html", {"scans": scans})


@login_required
@require_http_methods(["GET", "POST"])
def nieuw(request):
    form = NieuweScanForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            scan = Scan.objects.create(
                title=form.cleaned_data["title"],
                regio=form.cleaned_data["regio"],
                coordinator=request.user,
            )
            Deelnemer.objects.create(
                scan=scan,
                email=(request.user.email or f"coordinator-{request.user.pk}@leernetwerk.invalid"),
                organisatie_type=form.cleaned_data["organisatie_type"],
                user=request.user,
            )
        messages.success(request, _("De scan is aangemaakt. Nodig nu de deelnemers uit."))
        return redirect("toolkit:scan_detail", pk=scan.pk)
    status = 400 if form.is_bound else 200
    return render(request, "toolkit/scan_nieuw.html", {"form": form}, status=status)


@login_required
def detail(request, pk, invite_form=None, actie_form=None, status=200):
    scan = _scan(request, pk)
    is_coordinator = scan.coordinator_id == request.user.pk
    mij = scan.deelnemers.filter(user=request.user).first()
    context = {
        "scan": scan,
        "is_coordinator": is_coordinator,
        "mij": mij,
        "actiepunten": scan.actiepunten.select_related("factor"),
    }
    if is_coordinator or not scan.is_open:
        context["results"] = scan_results.report_rows(scan)
        context["radar"] = scan_radar.radar(context["results"])
    if is_coordinator:
        context["deelnemers"] = list(scan.deelnemers.all())
        if scan.is_open:
            context["invite_form"] = invite_form or UitnodigingForm(scan=scan)
        context["actie_form"] = actie_form or ActiepuntForm()
    return render(request, "toolkit/scan_detail.html", context, status=status)


@login_required
@require_POST
def uitnodigen(request, pk):
    scan = _scan(request, pk)
    _require_coordinator(request, scan)
    _require_open(scan)
    form = UitnodigingForm(request.POST, scan=scan)
    if not form.is_valid():
        return detail(request, pk, invite_form=form, status=400)
    with transaction.atomic():
        deelnemer = Deelnemer.objects.create(scan=scan, **form.cleaned_data)
    link = request.build_absolute_uri(reverse("toolkit:scan_uitnodiging", args=[deelnemer.token]))
    send_email(
        to=[deelnemer.email],
        subject=_("Uitnodiging participatiescan: %(titel)s") % {"titel": scan.title},
        template="toolkit/email/scan_uitnodiging.txt",
        context={"scan": scan, "link": link, "coordinator": request.user},
    )
    messages.success(
        request, _("Uitnodiging verstuurd naar %(email)s.") % {"email": deelnemer.email}
    )
    return redirect("toolkit:scan_detail", pk=scan.pk)


def uitnodiging(request, token):
    """The invitation link. The token itself lets an invitee score without an account;
    a logged-in invitee is bound to the invitation (once) and continues as participant."""
    deelnemer = get_object_or_404(Deelnemer.objects.select_related("scan__regio"), token=token)
    if not request.user.is_authenticated:
        return _score(request, deelnemer.scan, deelnemer, success_url=request.path)
    already = deelnemer.scan.deelnemers.filter(user=request.user).exclude(pk=deelnemer.pk)
    if deelnemer.user_id is None and already.exists():
        # one account scores once per scan; the invitation stays free for its addressee
        messages.error(request, _("U doet al mee aan deze scan met een andere uitnodiging."))
        return redirect("toolkit:scan_detail", pk=deelnemer.scan_id)
    if deelnemer.user_id is None:
        with transaction.atomic():
            claimed = Deelnemer.objects.filter(pk=deelnemer.pk, user__isnull=True).update(
                user=request.user
            )
        if not claimed:
            raise Http404
    elif deelnemer.user_id != request.user.pk:
        raise Http404
    return redirect("toolkit:scan_invullen", pk=deelnemer.scan_id)


@login_required
@require_http_methods(["GET", "POST"])
def invullen(request, pk):
    scan = _scan(request, pk)
    deelnemer = scan.deelnemers.filter(user=request.user).first()
    if deelnemer is None:
        raise Http404
    return _score(
        request, scan, deelnemer, success_url=reverse("toolkit:scan_detail", args=[scan.pk])
    )


def _score(request, scan, deelnemer, success_url):
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    if not scan.is_open:
        if request.method == "POST" or request.user.is_authenticated:
            messages.error(request, _("Deze scan is afgesloten; u kunt niet meer invullen."))
        if request.user.is_authenticated:
            return redirect("toolkit:scan_detail", pk=scan.pk)
        return render(request, "toolkit/scan_gesloten.html", {"scan": scan}, status=410)
    themas = scan_results.themas()
    if request.method == "POST":
        form = ScoreForm(request.POST, themas=themas)
        if form.is_valid():
            _save_scores(deelnemer, form)
            messages.success(
                request, _("Uw scores zijn opgeslagen. U kunt ze aanpassen tot de scan sluit.")
            )
            return redirect(success_url)
        status = 400
    else:
        initial = {
            f"factor_{factor_id}": score
            for factor_id, score in deelnemer.antwoorden.values_list("factor_id", "score")
        }
        initial["algemeen_beeld"] = deelnemer.algemeen_beeld
        form = ScoreForm(initial=initial, themas=themas)
        status = 200
    return render(
        request,
        "toolkit/scan_invullen.html",
        {"scan": scan, "form": form, "deelnemer": deelnemer},
        status=status,
    )


def _save_scores(deelnemer, form):
    with transaction.atomic():
        deelnemer.antwoorden.all().delete()
        Antwoord.objects.bulk_create(
            Antwoord(deelnemer=deelnemer, factor_id=factor_id, score=score)
            for factor_id, score in form.scores().items()
        )
        deelnemer.algemeen_beeld = form.cleaned_data["algemeen_beeld"]
        deelnemer.submitted_at = timezone.now()
        deelnemer.save(update_fields=["algemeen_beeld", "submitted_at"])


@login_required
@require_POST
def afsluiten(request, pk):
    scan = _scan(request, pk)
    _require_coordinator(request, scan)
    if not scan.is_open:
        messages.error(request, _("Deze scan was al afgesloten."))
        return redirect("toolkit:scan_detail", pk=scan.pk)
    if not scan.deelnemers.filter(submitted_at__isnull=False).exists():
        messages.error(request, _("Er heeft nog niemand ingevuld; de scan kan nog niet sluiten."))
        return redirect("toolkit:scan_detail", pk=scan.pk)
    Scan.objects.filter(pk=scan.pk, closed_at__isnull=True).update(closed_at=timezone.now())
    messages.success(
        request, _("De scan is afgesloten. De resultaten zijn zichtbaar voor alle deelnemers.")
    )
    return redirect("toolkit:scan_detail", pk=scan.pk)


@login_required
@require_POST
def actiepunt(request, pk):
    scan = _scan(request, pk)
    _require_coordinator(request, scan)
    form = ActiepuntForm(request.POST)
    if not form.is_valid():
        return detail(request, pk, actie_form=form, status=400)
    with transaction.atomic():
        punt = form.save(commit=False)
        punt.scan = scan
        punt.save()
    send_email(
        to=[punt.trekker_email],
        subject=_("Actiepunt uit de participatiescan: %(factor)s") % {"factor": punt.factor.name},
        template="toolkit/email/scan_actiepunt.txt",
        context={
            "scan": scan,
            "punt": punt,
            "link": request.build_absolute_uri(reverse("toolkit:scan_detail", args=[scan.pk])),
        },
    )
    messages.success(
        request, _("Actiepunt opgeslagen en gemaild naar %(trekker)s.") % {"trekker": punt.trekker}
    )
    return redirect("toolkit:scan_detail", pk=scan.pk)


@login_required
def rapport(request, pk):
    scan = _scan(request, pk)
    if scan.coordinator_id != request.user.pk and scan.is_open:
        raise PermissionDenied(_("Het rapport is beschikbaar zodra de scan is afgesloten."))
    results = scan_results.report_rows(scan)
    return render_pdf(
        "toolkit/scan_rapport_pdf.html",
        {
            "scan": scan,
            "results": results,
            "radar": scan_radar.radar(results),
            "actiepunten": scan.actiepunten.select_related("factor"),
            "datum": timezone.localdate(),
        },
        f"participatiescan-{scan.pk}.pdf",
        request,
    )
