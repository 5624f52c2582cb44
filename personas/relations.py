"""Personas on other pages: the reverse side of a persona's related pages.

A lesson, tool, pilot or any other page shows the personas that pinned it, then those
sharing its life domains (in either scheme) and target groups. The page's vocabulary is
read generically (``leernetwerk.taxonomy.related``): personas import no other feature.
"""

from django.db.models import Exists, OuterRef, Q, Value

from leernetwerk.taxonomy.related import shared_score, terms_of

from .models import PersonaPage, PersonaRelatedPage

PANEL_LIMIT = 4
# Where the persona's vocabulary lives, per Terms attribute.
PERSONA_TERMS = {"levensgebieden": "situations__levensgebied", "doelgroepen": "doelgroepen"}


def personas_for(page, limit=PANEL_LIMIT):
    """Live personas related to ``page``, pinned ones first; a fixed number of queries."""
    pinned = Exists(PersonaRelatedPage.objects.filter(persona=OuterRef("pk"), page_id=page.pk))
    personas = PersonaPage.objects.live().public().annotate(pinned=pinned)
    score = shared_score(terms_of(page), PERSONA_TERMS)
    if score is None:
        personas = personas.annotate(shared=Value(0)).filter(pinned=True)
    else:
        personas = personas.annotate(shared=score).filter(Q(pinned=True) | Q(shared__gt=0))
    return list(personas.order_by("-pinned", "-shared", "title", "pk")[:limit])
