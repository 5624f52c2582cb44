"""Lessons learned in a progress update that editors mark for the kennisbank become
``learning.Les`` pages (live, linked back to the pilot), so the kennisbank search finds them.

The learning app is optional for this module: without it the lessons stay on the update,
where the site search indexes them too.
"""

import logging

from django.apps import apps
from django.db import transaction
from django.utils.text import slugify

logger = logging.getLogger(__name__)


def _models():
    try:
        return apps.get_model("learning", "Les"), apps.get_model("learning", "KennisbankPage")
    except LookupError:
        return None, None


def external_id(update, leerpunt):
    # Stable across revisions (row ids of inline lessons may change when republished).
    return f"pilots-{update.pk}-{slugify(leerpunt.title)[:60]}"


def _unique_slug(parent, title):
    base = slugify(title)[:200] or "les"
    slug, n = base, 2
    while parent.get_children().filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def publish_lessons(update):
    """Create (once) and link a kennisbank lesson for each marked lesson of ``update``."""
    les_model, kennisbank_model = _models()
    if les_model is None:
        return []
    kennisbank = kennisbank_model.objects.live().first()
    if kennisbank is None:
        return []
    pilot = update.pilot
    created = []
    for leerpunt in update.leerpunten.filter(create_les=True, link_page__isnull=True):
        try:
            with transaction.atomic():
                les = les_model.objects.filter(external_id=external_id(update, leerpunt)).first()
                if les is None:
                    les = _create_les(les_model, kennisbank, leerpunt, update, pilot)
                    created.append(les)
                type(leerpunt).objects.filter(pk=leerpunt.pk).update(link_page=les)
        except Exception:
            # A change in the learning app must not make publishing the update fail.
            logger.exception("Les voor leerpunt %s niet aangemaakt", leerpunt.pk)
    return created


def _create_les(les_model, kennisbank, leerpunt, update, pilot):
    regions = list(pilot.regions.all()) if pilot else []
    les = les_model(
        title=leerpunt.title,
        slug=_unique_slug(kennisbank, leerpunt.title),
        summary=(leerpunt.text or leerpunt.title)[:600],
        date=update.date,
        learned_at=pilot,
        external_id=external_id(update, leerpunt),
    )
    if hasattr(les, "regio") and regions:
        les.regio = regions[0]
    if hasattr(les, "sectoren") and pilot is not None:
        les.sectoren = pilot.sector_groups
    kennisbank.add_child(instance=les)
    les.save_revision().publish()
    return les
