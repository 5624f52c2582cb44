"""Charts for a persona page: which region, the cached chart files and the page context."""

import csv
import hashlib
import io

from django.core.cache import cache
from django.utils.translation import gettext as _

from leernetwerk.taxonomy.models import Regio

from ..models import Figure
from . import text
from .table import build_table

NATIONAL_SLUG = "nederland"
CACHE_SECONDS = 60 * 60 * 24
FORMATS = {"svg": "image/svg+xml", "png": "image/png", "csv": "text/csv; charset=utf-8"}


def dataset_regions(dataset):
    """Regions with figures in the dataset, municipalities first then by name."""
    ids = Figure.objects.filter(dataset=dataset, region__isnull=False).values("region_id")
    return list(Regio.objects.filter(pk__in=ids).order_by("kind", "name"))


def resolve_region(dataset, slug):
    """The Regio for a slug (None = national); raises Regio.DoesNotExist when unknown."""
    if slug == NATIONAL_SLUG:
        return None
    ids = Figure.objects.filter(dataset=dataset, region__isnull=False).values("region_id")
    return Regio.objects.filter(pk__in=ids).get(slug=slug)


def _cache_key(persona, region, kind):
    dataset = persona.dataset
    kenmerken = persona.sorted_kenmerken
    signature = "|".join(f"{k.code}:{k.label}" for k in kenmerken)
    signature += f"|{persona.title}|{dataset.source}|{dataset.year}|{dataset.is_fictional}"
    digest = hashlib.sha256(signature.encode()).hexdigest()[:16]
    region_part = region.pk if region else NATIONAL_SLUG
    # updated_at as well as version: a deleted dataset's id may come back in SQLite.
    stamp = dataset.updated_at.timestamp() if dataset.updated_at else 0
    return f"personas:chart:{dataset.pk}:{dataset.version}:{stamp}:{region_part}:{digest}:{kind}"


def get_table(persona, region):
    key = _cache_key(persona, region, "table")
    table = cache.get(key)
    if table is None:
        table = build_table(persona.dataset, region, persona.sorted_kenmerken)
        cache.set(key, table or "missing", CACHE_SECONDS)
    return None if table == "missing" else table


def chart_file(persona, region, fmt):
    """The chart as bytes in ``fmt`` (svg, png or csv), or None without figures."""
    key = _cache_key(persona, region, fmt)
    content = cache.get(key)
    if content is not None:
        return content
    table = get_table(persona, region)
    if table is None:
        return None
    title = text.chart_title(table, persona.title)
    if fmt == "csv":
        content = table_csv(table)
    else:
        from . import render  # matplotlib loads only when a chart is drawn

        fig, _layout = render.draw(table, title)
        if fmt == "svg":
            content = render.to_svg(fig, title, text.chart_description(table))
        else:
            content = render.to_png(fig)
    cache.set(key, content, CACHE_SECONDS)
    return content


def table_csv(table):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["regio", "groep", "aantal", "percentage", "opmerking"])
    note = _("fictieve gegevens") if table.dataset.is_fictional else ""
    for row in table.rows.values():
        writer.writerow(
            [table.region_name, row.label, row.display, table.display_percentage(row), note]
        )
    return out.getvalue().encode("utf-8")


def figures_context(persona, request):
    """Context for the figures part of a persona page (region picker, two charts)."""
    dataset = persona.dataset
    kenmerken = persona.sorted_kenmerken
    if dataset is None or len(kenmerken) < 2:
        return {"figures_available": False}
    regions = dataset_regions(dataset)
    chosen_slug = request.GET.get("regio", "")
    by_slug = {region.slug: region for region in regions}
    region_error = ""
    if chosen_slug and chosen_slug not in by_slug:
        region_error = _("Voor deze regio zijn geen cijfers. We tonen een andere regio.")
    default = persona.region if persona.region and persona.region.slug in by_slug else None
    region = by_slug.get(chosen_slug) or default or (regions[0] if regions else None)
    regional = get_table(persona, region) if region else None
    national = get_table(persona, None)
    if regional is None and national is None:
        return {"figures_available": False}
    charts = []
    for table in (regional, national):
        if table is not None:
            charts.append(
                {
                    "table": table,
                    "slug": table.region.slug if table.region else NATIONAL_SLUG,
                    "title": text.chart_title(table, persona.title),
                    "description": text.chart_description(table),
                    "headline": table.all_of_them,
                    "percentage": table.display_percentage(table.all_of_them),
                    "rows": [(row, table.display_percentage(row)) for row in table.rows.values()],
                }
            )
    groups = {}
    for item in regions:
        groups.setdefault(item.get_kind_display(), []).append(item)
    return {
        "figures_available": True,
        "dataset": dataset,
        "region": region,
        "region_groups": groups,
        "region_error": region_error,
        "charts": charts,
    }
