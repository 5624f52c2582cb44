"""Starting, reading and editing plans."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError
from django.db.models import Count, Q
from django.forms.formsets import BaseFormSet
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.decorators.http import require_POST

from leernetwerk.core.models import paginate
from leernetwerk.core.privacy import current_privacy_version, privacy_url

from ..access import WRITERS, can_start_plans, log_access, log_list, plan_view, require_open
from ..containment import contain
from ..forms import (
    MAX_ROWS,
    DomainActionFormSet,
    DomainForm,
    NetworkFormSet,
    PlanForm,
    PlanStartForm,
    ReviewForm,
    VersionedForm,
)
from ..history import diff, snapshot
from ..merge import domain_values, edit_values, network_values, three_way
from ..models import AccessLogEntry, Action, Plan, Role, ToekomstplanTemplatePage
from ..writes import Conflict, create_plan, save_version

Log = AccessLogEntry.Action


@login_required
@never_cache
@contain
def plan_list(request):
    plans = (
        Plan.objects.connected(request.user)
        .select_related("template")
        .annotate(open_actions=Count("actions", filter=~Q(actions__status=Action.Status.KLAAR)))
        .order_by("-updated_at", "-pk")
    )
    page = paginate(request, plans)
    log_list(request, page, "planoverzicht")
    return render(request, "plans/plan_list.html", {"plans": page})


@login_required
@sensitive_post_parameters()
@never_cache
@contain
@sensitive_variables()
def plan_start(request, template_id):
    template = get_object_or_404(ToekomstplanTemplatePage.objects.live().public(), pk=template_id)
    if not can_start_plans(request.user):
        return render(request, "plans/start_forbidden.html", {"template": template}, status=403)
    form = PlanStartForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        plan = create_plan(template, form.cleaned_data, request.user)
        log_access(request, plan, Log.CREATE, f"gestart met sjabloon {template.pk}")
        messages.success(request, "Het plan is aangemaakt. Vul het samen met de jongere in.")
        return redirect("plans:edit", reference=plan.reference)
    context = {
        "form": form,
        "template": template,
        "privacy_url": privacy_url(),
        "privacy_version": current_privacy_version(),
    }
    return render(request, "plans/plan_start.html", context)


@plan_view()
def plan_detail(request, plan):
    log_access(request, plan, Log.READ, "plan bekeken")
    context = {
        "plan": plan,
        "domains": plan.domains.select_related("levensgebied").prefetch_related(
            "actions__network_member"
        ),
        "network": plan.network.all(),
        "reviews": plan.reviews.all(),
        "can_write": plan.my_role in WRITERS and not plan.is_closed,
        "is_owner": plan.my_role == Role.EIGENAAR,
    }
    return render(request, "plans/plan_detail.html", context)


def _versioned_edit(
    request, plan, *, make_forms, template, what, title, merge_values=None, context=None
):
    """Validate everything first, then save only if nobody saved in between."""
    require_open(plan, request)
    if request.method == "POST":
        version_form = VersionedForm(request.POST)
        forms = make_forms(request.POST, plan)
        if _tampered(forms):
            return _bad_request(request, plan)
        valid = [version_form.is_valid()] + [form.is_valid() for form in forms]
        if all(valid):
            base = version_form.cleaned_data["version"]
            try:
                save_version(plan, base, request.user, lambda: [form.save() for form in forms])
            except Conflict:
                return _conflict(
                    request, plan, base, make_forms, template, title, merge_values, context
                )
            except IntegrityError:  # rows that no honest form sends; nothing was saved
                return _bad_request(request, plan)
            log_access(request, plan, Log.WRITE, what)
            messages.success(request, "Opgeslagen. Er is een nieuwe versie van het plan gemaakt.")
            return redirect("plans:detail", reference=plan.reference)
        if not version_form.is_valid():
            messages.error(request, "Het formulier is niet compleet. Laad de pagina opnieuw.")
        log_access(request, plan, Log.READ, f"{title}: formulier met fouten getoond")
    else:
        version_form = VersionedForm(initial={"version": plan.version})
        forms = make_forms(None, plan)
        log_access(request, plan, Log.READ, f"{title}: geopend")
    context = {
        **(context or {}),
        "plan": plan,
        "forms": forms,
        "version_form": version_form,
        "title": title,
    }
    return render(request, template, context)


def _tampered(forms):
    """A formset whose management data is missing or was changed by hand."""
    return any(
        isinstance(form, BaseFormSet) and not form.management_form.is_valid() for form in forms
    )


def _bad_request(request, plan):
    log_access(request, plan, Log.DENIED, "onjuist formulier geweigerd")
    message = (
        "Het formulier is onvolledig of aangepast verstuurd. Er is niets opgeslagen. "
        "Laad de pagina opnieuw en probeer het nog eens."
    )
    return render(request, "plans/forbidden.html", {"plan": plan, "message": message}, status=400)


def _conflict(request, stale_plan, base, make_forms, template, title, merge_values, context):
    """Show what others changed and merge it into the editor's input, ready to save again."""
    plan = get_object_or_404(Plan.objects.connected(request.user), pk=stale_plan.pk)
    base_revision = plan.revisions.filter(number=base).first()
    base_snapshot = base_revision.snapshot if base_revision else {}
    current = snapshot(plan)
    changes = diff(base_snapshot, current)
    data = request.POST.copy()
    both_changed = []
    if merge_values is not None:
        both_changed = three_way(
            data, merge_values(base_snapshot, data), merge_values(current, data)
        )
    data["version"] = str(plan.version)
    version_form = VersionedForm(data)
    forms = make_forms(data, plan)
    for form in forms:
        form.is_valid()  # show the merged values with any errors against the new state
    log_access(request, plan, Log.READ, f"{title}: conflictweergave")
    context = {
        **(context or {}),
        "plan": plan,
        "forms": forms,
        "version_form": version_form,
        "title": title,
        "conflict": True,
        "changes": changes,
        "both_changed": len(both_changed),
    }
    return render(request, template, context, status=409)


@sensitive_post_parameters()
@plan_view(roles=WRITERS)
@sensitive_variables()
def plan_edit(request, plan):
    def make_forms(data, plan):
        return [PlanForm(data, instance=plan)]

    return _versioned_edit(
        request,
        plan,
        make_forms=make_forms,
        template="plans/plan_edit.html",
        what="plan bewerkt",
        title="Plan bewerken",
        merge_values=edit_values,
        context={
            "domains": plan.domains.select_related("levensgebied").prefetch_related("actions")
        },
    )


@sensitive_post_parameters()
@plan_view(roles=WRITERS)
@sensitive_variables()
def plan_network(request, plan):
    def make_forms(data, plan):
        return [NetworkFormSet(data, instance=plan, prefix="network")]

    return _versioned_edit(
        request,
        plan,
        make_forms=make_forms,
        template="plans/plan_formset.html",
        what="steuncirkel bewerkt",
        title="Steuncirkel bewerken",
        merge_values=network_values,
    )


@plan_view(roles=WRITERS)
def plan_actions(request, plan):
    """The actions per levensgebied, each with a link to that levensgebied's page."""
    require_open(plan, request)
    log_access(request, plan, Log.READ, "acties per levensgebied bekeken")
    domains = plan.domains.select_related("levensgebied").prefetch_related(
        "actions__network_member"
    )
    return render(request, "plans/plan_actions.html", {"plan": plan, "domains": domains})


@sensitive_post_parameters()
@plan_view(roles=WRITERS)
@sensitive_variables()
def plan_domain(request, plan, domain_id):
    """One levensgebied: its fields and its actions, added, changed and removed together."""
    domain = plan.domains.select_related("levensgebied").filter(pk=domain_id).first()
    if domain is None:
        log_access(request, plan, Log.DENIED, "onbekend levensgebied gevraagd")
        raise Http404
    name = domain.levensgebied.name

    def make_forms(data, plan):
        return [
            DomainForm(data, instance=domain, prefix="domain"),
            DomainActionFormSet(data, instance=plan, domain=domain, prefix="actions"),
        ]

    options = {
        "make_forms": make_forms,
        "template": "plans/plan_domain.html",
        "title": name,
        "context": {"domain": domain, "max_rows": MAX_ROWS},
    }
    if request.method == "POST" and "actie_toevoegen" in request.POST:
        return _add_action_row(request, plan, **options)
    return _versioned_edit(
        request,
        plan,
        what=f"levensgebied {name} bewerkt",
        merge_values=domain_values(domain.pk),
        **options,
    )


def _add_action_row(request, plan, *, make_forms, template, title, context):
    """ "Actie toevoegen" without JavaScript: the same page with everything typed so far and
    one empty action more. Nothing is saved yet."""
    require_open(plan, request)
    forms = make_forms(request.POST, plan)
    if _tampered(forms):
        return _bad_request(request, plan)
    actions = forms[1]
    data = request.POST
    if actions.total_form_count() < MAX_ROWS:
        data = actions.with_new_row(request.POST)
        forms = make_forms(data, plan)
        forms[1].forms[-1].fields["what"].widget.attrs["autofocus"] = True
    else:
        messages.error(request, f"Een plan heeft hoogstens {MAX_ROWS} acties.")
    log_access(request, plan, Log.READ, f"{title}: lege actie toegevoegd aan het formulier")
    context = {
        **context,
        "plan": plan,
        "forms": forms,
        "version_form": VersionedForm(data),
        "title": title,
        "adding": True,
    }
    return render(request, template, context)


@sensitive_post_parameters()
@plan_view(roles=WRITERS)
@sensitive_variables()
def plan_review(request, plan):
    def make_forms(data, plan):
        form = ReviewForm(data, prefix="review")
        form.instance.plan = plan
        form.instance.author = request.user
        return [form]

    return _versioned_edit(
        request,
        plan,
        make_forms=make_forms,
        template="plans/plan_formset.html",
        what="evaluatie toegevoegd",
        title="Evaluatie toevoegen",
    )


@plan_view()
def plan_revisions(request, plan):
    log_access(request, plan, Log.READ, "versies bekeken")
    revisions = plan.revisions.select_related("author").defer("snapshot")
    return render(
        request,
        "plans/plan_revisions.html",
        {"plan": plan, "revisions": paginate(request, revisions)},
    )


@plan_view()
def plan_revision_diff(request, plan, number):
    revision = get_object_or_404(plan.revisions.select_related("author"), number=number)
    previous = plan.revisions.filter(number__lt=number).order_by("-number").first()
    log_access(request, plan, Log.READ, f"verschil versie {number} bekeken")
    changes = diff(previous.snapshot if previous else {}, revision.snapshot)
    context = {"plan": plan, "revision": revision, "previous": previous, "changes": changes}
    return render(request, "plans/plan_diff.html", context)


@require_POST
@plan_view(roles={Role.EIGENAAR})
def plan_close(request, plan):
    closing = not plan.is_closed

    def apply():
        plan.status = Plan.Status.AFGESLOTEN if closing else Plan.Status.ACTIEF
        plan.closed_at = timezone.now() if closing else None
        plan.save()

    save_version(plan, plan.version, request.user, apply)
    log_access(request, plan, Log.CLOSE, "afgesloten" if closing else "heropend")
    if closing:
        messages.success(request, "Het plan is afgesloten. Na de bewaartermijn wordt het gewist.")
    else:
        messages.success(request, "Het plan is weer geopend.")
    return redirect(reverse("plans:detail", kwargs={"reference": plan.reference}))
