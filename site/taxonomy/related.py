"""Pages related through the shared vocabulary, across page types and apps.

A page type takes part by having a many-to-many field ``levensgebieden`` (to
``Levensgebied``) and/or ``doelgroepen`` (to ``Doelgroep``): lessons, leercirkels and
richtlijnen, arrangements, pilots. Feature apps find each other's pages through this
module, so none imports another. Life domains count in both schemes (a persona's
*wonen* finds a lesson tagged with the Big 5's *wonen*).

Cost: ``expand`` two queries; ``related_pages`` one query per taking-part page type plus
Wagtail's view-restriction check per type, whatever the number of pages.
"""

from dataclasses import dataclass
from functools import lru_cache

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Count, Q
from wagtail.models import get_page_models

from .models import Doelgroep, Levensgebied

# A shared target group says more about a young person than a shared life domain.
WEIGHTS = {"levensgebieden": 1, "doelgroepen": 2}
TARGETS = {"levensgebieden": Levensgebied, "doelgroepen": Doelgroep}


@dataclass(frozen=True)
class Terms:
    """Taxonomy ids to match: life domains (with their equivalents) and target groups."""

    levensgebieden: frozenset = frozenset()
    doelgroepen: frozenset = frozenset()

    def __bool__(self):
        return bool(self.levensgebieden or self.doelgroepen)

    def ids(self, field_name):
        return getattr(self, field_name)


def taxonomy_fields(model):
    """The names of the vocabulary fields (``levensgebieden``, ``doelgroepen``) a model has."""
    names = []
    for name, target in TARGETS.items():
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if field.many_to_many and field.related_model is target:
            names.append(name)
    return tuple(names)


@lru_cache(maxsize=1)
def tagged_page_models():
    """(model, field names) of every concrete page type that carries the vocabulary."""
    result = []
    for model in get_page_models():
        if model._meta.abstract or model._meta.proxy:
            continue
        fields = taxonomy_fields(model)
        if fields:
            result.append((model, fields))
    return tuple(result)


def expand(levensgebieden=(), doelgroepen=()):
    """Terms for these ids; life domains get their counterparts in the other scheme."""
    domain_ids = set(levensgebieden)
    if domain_ids:
        domain_ids = set(
            Levensgebied.objects.filter(pk__in=domain_ids)
            .with_equivalents()
            .values_list("pk", flat=True)
        )
    return Terms(frozenset(domain_ids), frozenset(doelgroepen))


def terms_of(page):
    """The vocabulary a page is tagged with (nothing for a type that carries none)."""
    ids = {}
    for name in taxonomy_fields(type(page)):
        ids[name] = list(getattr(page, name).values_list("id", flat=True))
    return expand(ids.get("levensgebieden", ()), ids.get("doelgroepen", ()))


def shared_score(terms, fields, prefix=""):
    """An annotation counting the shared terms (weighted), or None when none can match.

    ``fields`` maps a Terms attribute to the lookup path of the model being annotated,
    e.g. ``{"levensgebieden": "situations__levensgebied"}``."""
    parts = []
    for name, path in fields.items():
        ids = terms.ids(name)
        if ids:
            count = Count(path, filter=Q(**{f"{path}__in": ids}), distinct=True)
            parts.append(count * WEIGHTS[name])
    if not parts:
        return None
    score = parts[0]
    for part in parts[1:]:
        score = score + part
    return score


def related_pages(terms, *, limit, exclude_ids=(), exclude_models=()):
    """Live, public pages of every taking-part type sharing the most terms, best first
    (then by title); each page has ``shared``, its weighted number of shared terms."""
    if not terms or limit <= 0:
        return []
    found = []
    for model, names in tagged_page_models():
        if issubclass(model, tuple(exclude_models)):
            continue
        score = shared_score(terms, {name: name for name in names})
        if score is None:
            continue
        pages = (
            model.objects.live()
            .public()
            .exclude(pk__in=list(exclude_ids))
            .annotate(shared=score)
            .filter(shared__gt=0)
            .order_by("-shared", "title", "pk")[:limit]
        )
        found.extend(pages)
    found.sort(key=lambda page: (-page.shared, page.title, page.pk))
    return found[:limit]
