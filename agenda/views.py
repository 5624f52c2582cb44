"""The agenda list and feed, the event page with its registration form, per-event .ics
and the cancel page (GET asks, only POST cancels)."""

import logging

from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from leernetwerk.core.models import paginate
from leernetwerk.core.ratelimits import hit, limited_response

from .emails import send_promotion_mail, send_registration_mail
from .forms import KindFilterForm, RegistrationForm
from .ical import event_ical as event_calendar
from .ical import to_ical
from .models import AgendaIndexPage, EventKind, EventPage, Registration, RegistrationStatus
from .services import AlreadyRegistered, RegistrationClosed, cancel, register

logger = logging.getLogger(__name__)

PAST_PAGE_SIZE = 10
CALENDAR_TYPE = "text/calendar; charset=utf-8"


def agenda_context(index_page, request):
    """Upcoming events (soonest first, all of them) and past ones (latest first, paged),
    optionally of one kind; an unknown kind is ignored."""
    form = KindFilterForm(request.GET or None)
    kind = form.kind()
    now = timezone.now()
    events = index_page.events()
    if kind:
        events = events.filter(kind=kind)
    upcoming = list(events.filter(end__gt=now).order_by("start", "pk"))
    past = paginate(request, events.filter(end__lte=now).order_by("-start", "-pk"), PAST_PAGE_SIZE)
    return {
        "filter_form": form,
        "kind": kind,
        "kind_label": dict(EventKind.choices).get(kind, ""),
        "query_prefix": f"soort={kind}" if kind else "",
        "upcoming": upcoming,
        "past": past,
    }


def _calendar_response(content, filename):
    response = HttpResponse(content, content_type=CALENDAR_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def ical_download(request, path):
    """The .ics of the agenda or of one event, by the page's path under the site root."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    page = (
        Page.objects.live()
        .public()
        .filter(url_path=site.root_page.url_path + path)
        .specific()
        .first()
    )
    if isinstance(page, AgendaIndexPage):
        return agenda_ical(page, request)
    if isinstance(page, EventPage):
        return event_ical(page, request)
    raise Http404


def agenda_ical(index_page, request):
    upcoming = index_page.events().filter(end__gt=timezone.now()).order_by("start", "pk")
    name = _("Agenda Leernetwerk 16-27")
    return _calendar_response(to_ical(upcoming, name, request), "agenda.ics")


def event_ical(page, request):
    return _calendar_response(event_calendar(page, request), f"{page.slug}.ics")


def event_view(page, request):
    context = page.get_context(request)
    status = 200
    user = request.user if request.user.is_authenticated else None
    if request.method == "POST":
        form = RegistrationForm(request.POST, user=user)
        if form.is_spam:
            # Pretend success so bots learn nothing; store and send nothing.
            return redirect(page.url + "?aangemeld=1")
        if not page.registration_open():
            context["closed_error"] = True
            status = 403
        elif form.is_valid() and hit(request, "bijeenkomst"):
            # Counted on the shared cache before anything is stored (RATE_LIMITS).
            return limited_response(request)
        elif form.is_valid():
            data = form.cleaned_data
            try:
                registration = register(
                    page,
                    name=data["name"],
                    email=data["email"],
                    organisation=data["organisation"],
                    user=user,
                )
            except RegistrationClosed:
                context["closed_error"] = True
                status = 403
            except AlreadyRegistered:
                form.add_error(
                    "email",
                    _(
                        "Met dit e-mailadres ben je al aangemeld voor deze bijeenkomst. Kijk in "
                        "je mail voor de bevestiging; daarin staat ook hoe je je afmeldt."
                    ),
                )
                status = 400
            else:
                _mail(send_registration_mail, registration, request)
                request.session["agenda_registration"] = registration.pk
                return redirect(page.url + "?aangemeld=1")
        else:
            status = 400
    else:
        form = RegistrationForm(user=user)
    context["form"] = form
    context["result"] = _last_result(page, request)
    return TemplateResponse(request, "agenda/event_page.html", context, status=status)


def _last_result(page, request):
    """The registration just made in this session (shown after the redirect), if any."""
    if request.GET.get("aangemeld") != "1":
        return None
    pk = request.session.get("agenda_registration")
    registration = Registration.objects.filter(pk=pk, event=page).first() if pk else None
    return registration or "ontvangen"


def _mail(send, registration, request=None):
    try:
        send(registration, request)
    except Exception:
        # The registration is stored; a mail hiccup must not turn that into an error page.
        logger.exception("Agenda-mail voor aanmelding %s niet verstuurd", registration.pk)


def cancel_view(page, request, token):
    registration = (
        Registration.objects.select_related("event").filter(event=page, token=token).first()
    )
    if registration is None:
        raise Http404(_("Deze afmeldlink is niet (meer) geldig."))
    context = page.get_context(request)
    context["registration"] = registration
    if request.method == "POST" and registration.status != RegistrationStatus.CANCELLED:
        if page.has_started():
            context["too_late"] = True
            return TemplateResponse(request, "agenda/cancel.html", context, status=403)
        cancelled, promoted = cancel(registration)
        if promoted is not None:
            _mail(send_promotion_mail, promoted, request)
        context["just_cancelled"] = cancelled
    return TemplateResponse(request, "agenda/cancel.html", context)
