"""The field's lexicon: abbreviations with their expansions and synonyms
(learning/data/lexicon.json, kind "gelijk"), and groups of related terms
(learning/data/related.json, kind "verwant", which count less). The search expands
a query with them in both directions.

The files seed the editor-managed snippet "Synoniemen" (``Synoniemgroep``): data
migrations load them into a new database, ``manage.py load_lexicon`` adds groups
that are new in the files to an existing one. Editors change and add groups in the
CMS; loading never overwrites a group whose first term already exists.

Its one-word abbreviations (ggz, mbo, wmo …) are also registered with the Dutch word
list, so compounds split at them (jeugdggz -> jeugd + ggz).
"""

import json
from pathlib import Path

from leernetwerk.sitesearch.text import fold

DATA = Path(__file__).resolve().parent / "data"
FILES = {"gelijk": DATA / "lexicon.json", "verwant": DATA / "related.json"}


def groups(kind="gelijk"):
    """[{"terms": [...], "note": ...}] as the file of ``kind`` has them."""
    return json.loads(FILES[kind].read_text(encoding="utf-8"))


def abbreviations():
    """The folded one-word abbreviations of the lexicon, at least three letters."""
    found = set()
    for group in groups():
        if group.get("kind") != "afkorting":
            continue
        for term in group["terms"]:
            word = fold(term)
            if word.isalpha() and len(word) >= 3 and " " not in word:
                found.add(word)
    return found


def load(model, kind="gelijk", only=None):
    """Add the groups of ``kind``'s file that ``model`` (Synoniemgroep, or its
    historical version in a migration) does not hold yet; returns how many. With
    ``only`` (first terms, folded), just those groups: a migration that brings new
    groups must not bring back one an editor deleted."""
    rows = model.objects.all()
    has_kind = any(field.name == "kind" for field in model._meta.fields)
    if has_kind:  # migration 0009 predates the field: all its rows are "gelijk"
        rows = rows.filter(kind=kind)
    existing = set()
    for terms in rows.values_list("terms", flat=True):
        first = terms.replace(",", "\n").splitlines()[0].strip() if terms.strip() else ""
        existing.add(fold(first))
    added = 0
    kinds = {"kind": kind} if has_kind else {}
    for group in groups(kind):
        first = fold(group["terms"][0])
        if first in existing or (only is not None and first not in only):
            continue
        model.objects.create(terms="\n".join(group["terms"]), **kinds)
        existing.add(first)
        added += 1
    return added
