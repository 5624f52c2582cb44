"""Test and benchmark helpers that create published kennisbank pages."""

import datetime

from django.utils.text import slugify

from leernetwerk.taxonomy.models import Doelgroep, Levensgebied, Regio, SectorGroep

from .models import KennisbankPage, Leercirkel, Les, Richtlijn


def make_kennisbank(home):
    existing = KennisbankPage.objects.child_of(home).first()
    if existing:
        return existing
    page = KennisbankPage(title="Kennisbank", slug="kennisbank")
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def _publish(parent, page, *, domains=(), groups=(), sectors=(), tags=()):
    parent.add_child(instance=page)
    if domains:
        page.levensgebieden = list(Levensgebied.objects.filter(slug__in=domains))
    if groups:
        page.doelgroepen = list(Doelgroep.objects.filter(slug__in=groups))
    if sectors:
        page.sectoren = list(SectorGroep.objects.filter(slug__in=sectors))
    if tags:
        page.tags.set(list(tags))
    page.save_revision().publish()
    return page


def make_region(name="Venlo", kind="gemeente"):
    region, _ = Regio.objects.get_or_create(
        slug=slugify(name), defaults={"name": name, "kind": kind}
    )
    return region


def make_doelgroep(name="Jongeren die de jeugdhulp verlaten"):
    group, _ = Doelgroep.objects.get_or_create(slug=slugify(name), defaults={"name": name})
    return group


def add_les(
    parent,
    title,
    *,
    domains=(),
    groups=(),
    sectors=(),
    tags=(),
    date=datetime.date(2020, 1, 1),
    **fields,
):
    fields.setdefault("summary", f"Samenvatting van {title.lower()}.")
    fields.setdefault("slug", slugify(title)[:80])
    page = Les(title=title, date=date, **fields)
    return _publish(parent, page, domains=domains, groups=groups, sectors=sectors, tags=tags)


def add_leercirkel(parent, title, **fields):
    fields.setdefault("date", datetime.date(2018, 11, 22))
    fields.setdefault("theme", "Samen leren")
    fields.setdefault("slug", slugify(title)[:80])
    tags = fields.pop("tags", ())
    return _publish(parent, Leercirkel(title=title, **fields), tags=tags)


def add_richtlijn(parent, title, **fields):
    fields.setdefault("summary", f"Samenvatting van {title.lower()}.")
    fields.setdefault("responsible", "Nederlands Jeugdinstituut")
    fields.setdefault("slug", slugify(title)[:80])
    tags = fields.pop("tags", ())
    return _publish(parent, Richtlijn(title=title, **fields), tags=tags)
