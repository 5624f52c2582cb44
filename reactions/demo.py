"""Demo reactions for ``load_demo`` (idempotent): two demo professionals react under a
lesson and a guideline of the kennisbank demo, and one reaction is reported, so the
moderation queue in the CMS has something to show."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Page

from leernetwerk.core.roles import PROFESSIONAL

from .models import Follow, Reaction, ReactionReport

USERS = [
    {
        "username": "demo-petra",
        "email": "petra.demo@leernetwerk.invalid",
        "first_name": "Petra",
        "last_name": "Jansen",
        "organisation": "Wijkteam Centrum (demo)",
        "function": "Jongerenwerker",
    },
    {
        "username": "demo-karim",
        "email": "karim.demo@leernetwerk.invalid",
        "first_name": "Karim",
        "last_name": "Bouali",
        "organisation": "Mbo-college Oost (demo)",
        "function": "Loopbaanbegeleider",
    },
]
# (page slug, author, text): the slugs are those of the kennisbank demo.
REACTIONS = [
    (
        "begin-het-toekomstplan-op-je-zestiende",
        "demo-petra",
        "Herkenbaar. Wij begonnen pas rond de zeventiende verjaardag en dat bleek te laat "
        "om de zorgverzekering en de bankrekening rustig te regelen.",
    ),
    (
        "begin-het-toekomstplan-op-je-zestiende",
        "demo-karim",
        "Op school gebruiken we het plan nu ook in het loopbaangesprek. Onze handreiking "
        "staat op https://example.org/handreiking-loopbaan (fictief demovoorbeeld).",
    ),
    (
        "richtlijn-toekomstplan-vanaf-16",
        "demo-karim",
        "Fijn dat de richtlijn de checklist voor achttien jaar noemt. Is er ook een versie "
        "in eenvoudige taal voor jongeren?",
    ),
]
REPORT_REASON = "Staat hier een link naar een externe site die niet bij de les hoort?"


def demo_users():
    users = {}
    group = Group.objects.get(name=PROFESSIONAL)
    for fields in USERS:
        user, created = get_user_model().objects.get_or_create(
            username=fields["username"],
            defaults={**fields, "professional": "goedgekeurd", "approved_at": timezone.now()},
        )
        if created:
            user.set_unusable_password()  # set one with manage.py changepassword
            user.save(update_fields=["password"])
        user.groups.add(group)
        users[user.username] = user
    return users


def load(home, log):
    users = demo_users()
    pages = {page.slug: page for page in Page.objects.live().descendant_of(home)}
    count = 0
    for slug, author, text in REACTIONS:
        page = pages.get(slug)
        if page is None:
            continue
        reaction, _ = Reaction.objects.get_or_create(page=page, author=users[author], text=text)
        Follow.objects.get_or_create(user=users[author], page=page)
        count += 1
        if author == "demo-karim" and "https://" in text:
            ReactionReport.objects.get_or_create(
                reaction=reaction,
                reporter=users["demo-petra"],
                defaults={"reason": REPORT_REASON},
            )
    log(f"Reacties: {count} demoreacties, één gemeld voor de moderatie.")
