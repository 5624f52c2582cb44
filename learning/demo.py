"""Kennisbank demo content for ``load_demo`` (idempotent: pages are upserted by slug)."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from django.utils.text import slugify
from wagtail.rich_text import RichText

from leernetwerk.core.demo import paragraph_body, rich
from leernetwerk.core.models import HomeFeaturedItem
from leernetwerk.core.roles import PROFESSIONAL
from leernetwerk.taxonomy.demo import demo_region
from leernetwerk.taxonomy.models import Doelgroep, Levensgebied, SectorGroep

from . import contribute
from . import demo_content as content
from . import demo_details as details
from .models import (
    KennisbankPage,
    Leercirkel,
    Les,
    LesBron,
    LesVerwant,
    Richtlijn,
    RichtlijnAanbeveling,
    RichtlijnLes,
    RichtlijnWijziging,
    Synoniemgroep,
)
from .workflow import ensure_workflow


def upsert(parent, model, slug, *, m2m=None, tags=(), **fields):
    """Create or update ``parent``'s child ``slug`` with fields, relations and tags; publish."""
    page = parent.get_children().filter(slug=slug).first()
    if page is not None:
        page = page.specific
        for name, value in fields.items():
            setattr(page, name, value)
    else:
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
    for name, values in (m2m or {}).items():
        setattr(page, name, values)
    page.tags.set(list(tags))
    page.save_revision().publish()
    return page


def _taxonomy(domains, groups, sectors, region):
    return {
        "levensgebieden": list(Levensgebied.objects.filter(slug__in=domains)),
        "doelgroepen": list(Doelgroep.objects.filter(slug__in=[content.GROUPS[g] for g in groups])),
        "sectoren": list(SectorGroep.objects.filter(slug__in=sectors)),
    }, demo_region(region)


def load(home, log):
    kennisbank = KennisbankPage.objects.child_of(home).first()
    if kennisbank is None:
        log("Kennisbank: geen kennisbankpagina gevonden, overgeslagen.")
        return
    for terms in content.SYNONYMS:
        Synoniemgroep.objects.get_or_create(terms=terms)

    sessions = {}
    for (
        slug,
        kind,
        title,
        date,
        location,
        theme,
        programme,
        report,
        orgs,
        groups,
    ) in content.SESSIONS:
        sessions[slug] = upsert(
            kennisbank,
            Leercirkel,
            slug,
            title=title,
            kind=kind,
            date=date,
            location=location,
            theme=theme,
            programme=rich(programme),
            report=paragraph_body(report),
            organisations=orgs,
            workgroups=groups,
            kennisbronnen=["professionele_kennis"],
            tags=[theme.split(":")[0][:50].lower()] if kind == "werksessie" else ["leercirkel"],
        )

    lessons = {}
    for entry in content.L:
        title, summary = entry[0], entry[1]
        domains, groups, sectors, region, sources, tags, date, at = entry[7:]
        slug = slugify(title)[:80]
        m2m, regio = _taxonomy(domains, groups, sectors, region)
        context, approach, worked, not_worked, tips = lesson_sections(entry)
        lessons[slug] = upsert(
            kennisbank,
            Les,
            slug,
            m2m=m2m,
            tags=tags,
            title=title,
            summary=summary,
            context=rich(context),
            approach=rich(approach),
            worked=rich(worked),
            did_not_work=rich(not_worked),
            tips=rich(tips),
            date=date,
            regio=regio,
            kennisbronnen=sources,
            learned_at=sessions.get(at),
            external_id=f"demo-{slug}",
            **lesson_record(slug, sessions.get(at)),
        )
    for slug, lesson in lessons.items():
        related = details.DETAILS[slug][7]
        lesson.related_links = [LesVerwant(related=lessons[other]) for other in related]
        lesson.save_revision().publish()

    today = timezone.localdate()
    # Review dates relative to today, so the admin panel always has something to show.
    reviews = [
        today + datetime.timedelta(days=20),
        today + datetime.timedelta(days=200),
        today - datetime.timedelta(days=10),
    ]
    related = [
        ["begin-het-toekomstplan-op-je-zestiende", "een-plan-voor-alle-hulpverleners"],
        ["intervisie-over-organisaties-heen"],
        ["checklist-voor-de-achttiende-verjaardag", "jeugd-ggz-en-volwassenen-ggz-spreken-af"],
    ]
    for (
        slug,
        kind,
        status,
        title,
        version,
        adopted,
        _review,
        owner,
        summary,
        body,
        tags,
        domains,
    ), review, links in zip(content.GUIDELINES, reviews, related, strict=True):
        m2m, _regio = _taxonomy(domains, [], [], "")
        guideline = upsert(
            kennisbank,
            Richtlijn,
            slug,
            m2m=m2m,
            tags=tags,
            title=title,
            kind=kind,
            status=status,
            version=version,
            adoption_date=adopted,
            review_date=review,
            responsible=owner,
            summary=summary,
            body=[("paragraph", RichText(rich(body)))],
            kennisbronnen=["professionele_kennis", "wetenschappelijke_kennis"],
            **guideline_record(slug),
        )
        guideline.related_lessons.set([RichtlijnLes(les=lessons[s]) for s in links if s in lessons])
        guideline.save_revision().publish()
    log(
        f"Kennisbank: {len(lessons)} lessen, {len(sessions)} bijeenkomsten, "
        f"{len(content.GUIDELINES)} richtlijnen."
    )
    feature_on_home(home)
    load_contribution(kennisbank, log)


def lesson_sections(entry):
    """The five sections of a demo lesson (a row of ``demo_content.L``): its short text,
    then the fuller paragraph of ``demo_details``."""
    extra = details.DETAILS[slugify(entry[0])[:80]][0]
    return [f"{short}\n\n{more}" for short, more in zip(entry[2:7], extra, strict=True)]


def lesson_record(slug, session):
    """The databank fields of demo lesson ``slug`` (related lessons are set afterwards,
    when every lesson exists)."""
    _text, (age_from, age_to), level, author, reviewed, contact, keys, _related = details.DETAILS[
        slug
    ]
    sources = [
        LesBron(title=title, author=by, year=year, url=url)
        for title, by, year, url in (details.SOURCES[key] for key in keys)
    ]
    if session is not None:  # the report of the meeting where it was learned
        sources.insert(
            0,
            LesBron(
                title=f"Verslag: {session.title}",
                author="Leernetwerk 16-27",
                year=session.date.year,
            ),
        )
    return {
        "target_age_from": age_from,
        "target_age_to": age_to,
        "evidence_level": level,
        "author": author,
        "last_reviewed": reviewed,
        "contact_name": contact[0],
        "contact_organisation": contact[1],
        "contact_email": "",
        "sources": sources,
    }


def guideline_record(slug):
    recommendations, verantwoording, changes = details.GUIDELINE_DETAILS[slug]
    return {
        "recommendations": [
            RichtlijnAanbeveling(text=text, strength=strength, justification=rich(why))
            for text, strength, why in recommendations
        ],
        "verantwoording": rich(verantwoording),
        "changes": [
            RichtlijnWijziging(version=version, date=date, description=what)
            for version, date, what in changes
        ],
    }


CONTRIBUTOR = {
    "username": "demo-fatima",
    "email": "fatima.demo@leernetwerk.invalid",
    "first_name": "Fatima",
    "last_name": "El Amrani",
    "organisation": "Jeugdteam Zuid (demo)",
    "function": "Jeugdprofessional",
}
CONTRIBUTION = {
    "title": "Oefenen met de eerste huurbetaling voordat je achttien wordt",
    "summary": (
        "Jongeren die zelfstandig gaan wonen, oefenden een half jaar vooraf met een eigen "
        "rekening en een vast bedrag voor huur. Fictief demovoorbeeld."
    ),
    "context": "Een kamertrainingscentrum met twaalf jongeren van zeventien jaar.",
    "approach": (
        "Elke jongere kreeg een eigen betaalrekening. De mentor zette maandelijks een "
        "oefenbedrag klaar, en de jongere maakte zelf de 'huur' over aan de groep.\n\n"
        "Bij een gemiste betaling volgde een gesprek, geen straf."
    ),
    "worked": "Bij de echte eerste huur wisten de jongeren wat een automatische overboeking is.",
    "did_not_work": "Twee jongeren haakten af toen hun bijbaan stopte.",
    "tips": "Betrek de bewindvoerder of budgetcoach vanaf het begin.",
    "themes": ["geld", "zelfstandig wonen"],
}


def demo_contributor():
    """A demo professional (no password: set one with ``manage.py changepassword``)."""
    user, created = get_user_model().objects.get_or_create(
        username=CONTRIBUTOR["username"],
        defaults={**CONTRIBUTOR, "professional": "goedgekeurd", "approved_at": timezone.now()},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    user.groups.add(Group.objects.get(name=PROFESSIONAL))
    return user


def load_contribution(kennisbank, log):
    """One lesson shared through "Les delen", waiting for a Moderator's review."""
    user = demo_contributor()
    if Les.objects.filter(contributed_by=user).exists():
        return
    ensure_workflow()
    data = {
        **CONTRIBUTION,
        "levensgebieden": Levensgebied.objects.filter(slug__in=["wonen", "inkomen"]),
        "doelgroepen": Doelgroep.objects.none(),
        "sectoren": SectorGroep.objects.none(),
        "regio": None,
        "credit_consent": True,
    }
    contribute.submit(user, data, kennisbank)
    log("Kennisbank: een ingezonden les wacht op beoordeling (demo-fatima).")


def feature_on_home(home, count=3):
    """Feature the most recent lessons on the home page when an editor has not chosen any."""
    if home.featured_items.exists():
        return
    lessons = Les.objects.live().descendant_of(home).order_by("-first_published_at")
    for order, lesson in enumerate(lessons[:count]):
        HomeFeaturedItem.objects.create(home=home, page=lesson, sort_order=order)
