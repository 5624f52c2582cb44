"""Public newsletter pages: subscribe (double opt-in), confirm, unsubscribe (one click,
RFC 8058), the subscription of a logged-in account, and the archive of sent issues."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from leernetwerk.core.mail import send_email
from leernetwerk.core.models import paginate
from leernetwerk.core.ratelimits import limit_posts

from .forms import SubscribeForm
from .models import NewsletterIssue, Subscriber, confirm_days, normalize_email

ARCHIVE_PAGE_SIZE = 10


def send_confirmation(request, subscriber):
    link = request.build_absolute_uri(
        reverse("newsletter:confirm", kwargs={"token": subscriber.confirm_token()})
    )
    send_email(
        to=[subscriber.email],
        subject="Bevestig je aanmelding voor de nieuwsbrief",
        template="newsletter/email/confirm.txt",
        context={"subscriber": subscriber, "link": link, "days": confirm_days()},
    )


def subscribe_address(email, name):
    """Add ``email`` (unconfirmed) or refresh an unconfirmed one; returns the subscriber
    that needs a confirmation mail, or None when the address is active already."""
    subscriber, _created = Subscriber.objects.select_for_update().get_or_create(
        email=email, defaults={"name": name}
    )
    if subscriber.is_active:
        return None
    if name:
        subscriber.name = name
    subscriber.confirmation_sent_at = timezone.now()
    subscriber.save(update_fields=["name", "confirmation_sent_at"])
    return subscriber


@never_cache
@limit_posts("nieuwsbrief", keys=("ip", "email"))
def subscribe(request):
    initial = {"email": request.user.email} if request.user.is_authenticated else {}
    form = SubscribeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            subscriber = subscribe_address(form.cleaned_data["email"], form.cleaned_data["name"])
            if subscriber is not None:
                send_confirmation(request, subscriber)
        # The same answer whether or not the address was on the list already.
        return redirect("newsletter:subscribed")
    latest = NewsletterIssue.objects.sent().only("pk", "subject", "sent_at").first()
    return render(
        request,
        "newsletter/subscribe.html",
        {"form": form, "latest": latest, "meta_title": "Nieuwsbrief"},
        status=400 if form.errors else 200,
    )


def subscribed(request):
    return render(request, "newsletter/subscribed.html", {"days": confirm_days()})


def _invalid(request, message):
    return render(request, "newsletter/invalid_link.html", {"message": message}, status=400)


@never_cache
def confirm(request, token):
    """GET shows a button, POST confirms: a link scanner that opens the link confirms
    nothing."""
    try:
        key = Subscriber.key_from_confirm_token(token)
    except signing.SignatureExpired:
        return _invalid(
            request,
            f"Deze bevestigingslink is verlopen: hij werkt {confirm_days()} dagen. Meld je "
            "opnieuw aan, dan sturen we een nieuwe link.",
        )
    except signing.BadSignature:
        return _invalid(
            request,
            "Deze bevestigingslink klopt niet. Kopieer de hele link uit de mail, of meld je "
            "opnieuw aan.",
        )
    subscriber = Subscriber.objects.filter(key=key).first()
    if subscriber is None:
        return _invalid(
            request,
            "Deze aanmelding bestaat niet meer. Meld je opnieuw aan als je de nieuwsbrief "
            "wilt ontvangen.",
        )
    if request.method == "POST":
        with transaction.atomic():
            Subscriber.objects.filter(pk=subscriber.pk, confirmed_at__isnull=True).update(
                confirmed_at=timezone.now()
            )
        return redirect("newsletter:confirmed")
    return render(request, "newsletter/confirm.html", {"subscriber": subscriber})


def confirmed(request):
    return render(request, "newsletter/confirmed.html")


@csrf_exempt  # RFC 8058 one-click: mail programs POST without a session; the token is the key
@never_cache
def unsubscribe(request, token):
    """GET asks (a link scanner unsubscribes no one); POST unsubscribes at once and deletes
    the subscription."""
    try:
        key = Subscriber.key_from_unsubscribe_token(token)
    except signing.BadSignature:
        return _invalid(
            request,
            "Deze afmeldlink klopt niet. Kopieer de hele link uit de nieuwsbrief, of neem "
            "contact met ons op.",
        )
    subscriber = Subscriber.objects.filter(key=key).first()
    if request.method == "POST":
        if subscriber is not None:
            with transaction.atomic():
                Subscriber.objects.filter(pk=subscriber.pk).delete()
        return render(request, "newsletter/unsubscribed.html")
    if subscriber is None:
        return render(request, "newsletter/unsubscribed.html", {"already": True})
    return render(request, "newsletter/unsubscribe.html", {"subscriber": subscriber})


@login_required
@never_cache
def my_subscription(request):
    """An account subscribes (its address is verified already) or unsubscribes here."""
    subscription = Subscriber.objects.of_user(request.user).first()
    if request.method == "POST":
        action = request.POST.get("actie")
        if action == "afmelden":
            with transaction.atomic():
                Subscriber.objects.of_user(request.user).delete()
            messages.success(request, "Je bent afgemeld voor de nieuwsbrief.")
            return redirect("newsletter:mine")
        if action == "aanmelden" and request.user.email:
            # The account's address was verified when it was registered or changed.
            with transaction.atomic():
                Subscriber.objects.update_or_create(
                    email=normalize_email(request.user.email),
                    defaults={
                        "user": request.user,
                        "name": request.user.get_full_name(),
                        "confirmed_at": timezone.now(),
                    },
                )
            messages.success(request, "Je ontvangt voortaan de nieuwsbrief.")
            return redirect("newsletter:mine")
        return render(
            request,
            "newsletter/my_subscription.html",
            {"subscription": subscription, "error": True},
            status=400,
        )
    return render(request, "newsletter/my_subscription.html", {"subscription": subscription})


def archive(request):
    issues = NewsletterIssue.objects.sent().only("pk", "subject", "intro", "sent_at")
    return render(
        request,
        "newsletter/archive.html",
        {
            "issues": paginate(request, issues, per_page=ARCHIVE_PAGE_SIZE),
            "meta_title": "Archief van de nieuwsbrief",
        },
    )


def issue_detail(request, pk):
    issue = get_object_or_404(NewsletterIssue.objects.sent(), pk=pk)
    return render(
        request,
        "newsletter/issue_detail.html",
        {"issue": issue, "items": issue.resolved_items(), "meta_title": issue.subject},
    )
