"""Chart titles and descriptions (kept apart from matplotlib so pages need not load it)."""

from django.utils.translation import gettext as _


def chart_title(table, persona_name):
    return _("Jongeren met de kenmerken van %(name)s in %(region)s") % {
        "name": persona_name,
        "region": table.region_name,
    }


def chart_description(table):
    parts = []
    if table.dataset.is_fictional:
        parts.append(_("Fictieve gegevens, alleen ter illustratie."))
    kind = _("Euler-diagram") if len(table.codes) <= 3 else _("UpSet-diagram")
    parts.append(
        _("%(kind)s van %(n)d kenmerken bij %(population)s jongeren van 16 tot 27 jaar.")
        % {"kind": kind, "n": len(table.codes), "population": table.population.display}
    )
    for row in table.sets():
        parts.append(f"{row.label}: {row.display}.")
    parts.append(f"{table.all_of_them.label}: {table.all_of_them.display}.")
    parts.append(
        _("Aantallen onder 10 staan als <10; x is niet getoond om terugrekenen te voorkomen.")
    )
    return " ".join(parts)


def footnote(table):
    dataset = table.dataset
    text = _("Bron: %(source)s (%(year)s). <10 = minder dan 10; x = niet getoond.") % {
        "source": dataset.source,
        "year": dataset.year,
    }
    return text
