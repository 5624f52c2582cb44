"""JSON Lines import and export of lessons (manage.py import_lessons / export_lessons).

One lesson per line, keyed by a stable external ``id``; see the README for the format.
Validation reads every line before anything is written, so a bad file imports nothing
(unless the caller chooses to skip the bad lines). Vocabulary values are resolved by
``import_vocabulary`` (slug, name or code, written loosely), rich text is sanitised by
``import_rich_text``.
"""

import datetime
import gc
import json
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.text import slugify

from learning.models import Erkenningsniveau, Les
from learning.models.les_details import age_range_errors
from learning.search import snapshot

from .import_rich_text import for_export
from .import_vocabulary import UnknownValue, Vocabulary, normalise

FIELDS = {
    "id",
    "title",
    "summary",
    "context",
    "approach",
    "worked",
    "did_not_work",
    "tips",
    "life_domains",
    "target_groups",
    "sectors",
    "region",
    "knowledge_sources",
    "tags",
    "date",
    "synthetic",
    # The record fields of a lesson (sources and related lessons are kept in the CMS).
    "author",
    "last_reviewed",
    "target_age_from",
    "target_age_to",
    "evidence_level",
    "contact_name",
    "contact_organisation",
    "contact_email",
}
RECORD_TEXT = {"author": 200, "contact_name": 150, "contact_organisation": 200}
RECORD_FIELDS = [  # stored on the lesson as they are validated
    *RECORD_TEXT,
    *["last_reviewed", "target_age_from", "target_age_to", "evidence_level", "contact_email"],
]
TEXT_FIELDS = ["context", "approach", "worked", "did_not_work", "tips"]
LIST_FIELDS = {  # record key -> vocabulary (Vocabulary.lookups)
    "life_domains": "levensgebieden",
    "target_groups": "doelgroepen",
    "sectors": "sectoren",
    "knowledge_sources": "kennisbronnen",
}


@dataclass
class Record:
    line: int
    data: dict


class LineError(ValueError):
    pass


def _text(data, name, *, required=False, max_length=None):
    value = data.get(name, "")
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise LineError(f"‘{name}’ moet tekst zijn")
    value = value.strip()
    if required and not value:
        raise LineError(f"‘{name}’ ontbreekt of is leeg")
    if max_length and len(value) > max_length:
        raise LineError(f"‘{name}’ is langer dan {max_length} tekens")
    return value


def _list(data, name):
    value = data.get(name, [])
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise LineError(f"‘{name}’ moet een lijst met tekst zijn")
    return [v.strip() for v in value if v.strip()]


def validate_line(text, vocab):
    """The cleaned record for one line, or LineError with a Dutch reason."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise LineError(f"geen geldige JSON ({exc.msg}, kolom {exc.colno})") from None
    if not isinstance(data, dict):
        raise LineError("een regel moet één JSON-object zijn")
    unknown = sorted(set(data) - FIELDS)
    if unknown:
        raise LineError(f"onbekend veld: {', '.join(unknown)}")
    clean = {
        "id": _text(data, "id", required=True, max_length=100),
        "title": _text(data, "title", required=True, max_length=255),
        "summary": _text(data, "summary", required=True, max_length=600),
    }
    for name in TEXT_FIELDS:
        clean[name] = _text(data, name)
    problems = []
    for name, vocabulary in LIST_FIELDS.items():
        values = []
        for written in _list(data, name):
            try:
                values.append(vocab.resolve(vocabulary, written))
            except UnknownValue as exc:
                problems.append(str(exc))
        clean[name] = list(dict.fromkeys(values))
    region = _text(data, "region")
    clean["region"] = ""
    if region:
        try:
            clean["region"] = vocab.resolve("regio", region)
        except UnknownValue as exc:
            problems.append(str(exc))
    if problems:
        raise LineError("; ".join(problems))
    tags = _list(data, "tags")
    if any(len(t) > 100 for t in tags):
        raise LineError("een tag is langer dan 100 tekens")
    clean["tags"] = list(dict.fromkeys(tags))
    raw_date = data.get("date")
    if not isinstance(raw_date, str):
        raise LineError("‘date’ ontbreekt (formaat JJJJ-MM-DD)")
    try:
        clean["date"] = datetime.date.fromisoformat(raw_date)
    except ValueError:
        raise LineError(f"ongeldige datum ‘{raw_date}’ (formaat JJJJ-MM-DD)") from None
    synthetic = data.get("synthetic", False)
    if not isinstance(synthetic, bool):
        raise LineError("‘synthetic’ moet true of false zijn")
    clean["synthetic"] = synthetic
    clean.update(_record_fields(data))
    return clean


def _record_fields(data):
    """Author, last review, target age, recognition level and contact of a lesson."""
    clean = {name: _text(data, name, max_length=size) for name, size in RECORD_TEXT.items()}
    reviewed = data.get("last_reviewed")
    clean["last_reviewed"] = None
    if reviewed not in (None, ""):
        if not isinstance(reviewed, str):
            raise LineError("‘last_reviewed’ moet een datum zijn (formaat JJJJ-MM-DD)")
        try:
            clean["last_reviewed"] = datetime.date.fromisoformat(reviewed)
        except ValueError:
            raise LineError(f"ongeldige datum ‘{reviewed}’ (formaat JJJJ-MM-DD)") from None
    for name in ("target_age_from", "target_age_to"):
        value = data.get(name)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            raise LineError(f"‘{name}’ moet een heel getal zijn")
        clean[name] = value
    if errors := age_range_errors(clean["target_age_from"], clean["target_age_to"]):
        raise LineError("; ".join(f"‘{name}’: {message}" for name, message in errors.items()))
    clean["evidence_level"] = _evidence_level(_text(data, "evidence_level"))
    email = _text(data, "contact_email", max_length=254)
    if email:
        try:
            validate_email(email)
        except ValidationError:
            raise LineError(f"‘contact_email’ is geen e-mailadres: ‘{email}’") from None
    clean["contact_email"] = email
    return clean


def _evidence_level(written):
    """The level's value from its value or label, loosely written; '' when empty."""
    if not written:
        return ""
    key = normalise(written)
    for value, label in Erkenningsniveau.choices:
        if key in (normalise(value), normalise(str(label))):
            return value
    known = ", ".join(value for value, _label in Erkenningsniveau.choices)
    raise LineError(f"onbekend erkenningsniveau ‘{written}’ (kies uit: {known})")


def validate(lines, *, create_missing=False):
    """(records, errors, vocabulary) for an iterable of text lines; errors are
    'regel N: reden'. With ``create_missing`` an unknown doelgroep is not an error:
    the vocabulary keeps it as a new one, which ``import_records`` creates."""
    vocab = Vocabulary.load(create_missing=create_missing)
    records, errors, seen = [], [], {}
    for number, text in enumerate(lines, start=1):
        if not text.strip():
            continue
        try:
            clean = validate_line(text, vocab)
        except LineError as exc:
            errors.append(f"regel {number}: {exc}")
            continue
        if clean["id"] in seen:
            errors.append(
                f"regel {number}: id ‘{clean['id']}’ staat ook al op regel {seen[clean['id']]}"
            )
            continue
        seen[clean["id"]] = number
        records.append(Record(number, clean))
    return records, errors, vocab


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    new_doelgroepen: list = field(default_factory=list)  # Doelgroep objects, by name
    new_themes: list = field(default_factory=list)  # taggit Tags, by name


def import_records(records, vocab, parent, progress=lambda it: it):
    """Create or update a lesson per record, all or nothing. Returns an ImportResult.

    The new doelgroepen the records use are created first, in the same transaction.
    Records are written in batches (see ``lesson_import``); ``progress`` wraps the
    records, so a progress bar advances per lesson."""
    # lesson_import uses this module's field definitions, so it is imported at call time.
    from .lesson_import import BATCH_SIZE, LessonWriter

    with _gc_frozen(), transaction.atomic():
        used = {slug for record in records for slug in record.data["target_groups"]}
        new_doelgroepen = vocab.create_new_doelgroepen(used)
        writer = LessonWriter(parent, vocab)
        batch = []
        for record in progress(records):
            batch.append(record)
            if len(batch) == BATCH_SIZE:
                writer.write(batch, _existing(Les, batch))
                batch = []
        if batch:
            writer.write(batch, _existing(Les, batch))
        writer.finish()
        snapshot.changed()  # also reloads the vocabulary of "bedoelt u"
        transaction.on_commit(LessonWriter.analyze)
    new_themes = sorted(writer.tags.created, key=lambda tag: tag.name.casefold())
    return ImportResult(writer.created, writer.updated, new_doelgroepen, new_themes)


@contextmanager
def _gc_frozen():
    """The records and everything loaded before stay alive throughout an import.
    Frozen, the cyclic garbage collector stops rescanning them at every full
    collection, which took a fifth of a 20,000-lesson import (docs/benchmarks.md)."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _existing(model, batch):
    ids = [record.data["id"] for record in batch]
    return {les.external_id: les for les in model.objects.filter(external_id__in=ids)}


def unique_slug(data, used):
    base = slugify(data["title"])[:60] or "les"
    slug = base
    if slug in used:
        slug = f"{base}-{slugify(data['id'])[:30]}"
    n = 2
    while slug in used:
        slug = f"{base}-{n}"
        n += 1
    used.add(slug)
    return slug


def export_record(les):
    return {
        "id": les.external_id or f"les-{les.pk}",
        "title": les.title,
        "summary": les.summary,
        **{
            name: for_export(getattr(les, name), Les._meta.get_field(name).features)
            for name in TEXT_FIELDS
        },
        "life_domains": [d.slug for d in les.levensgebieden.all()],
        "target_groups": [d.slug for d in les.doelgroepen.all()],
        "sectors": [s.slug for s in les.sectoren.all()],
        "region": les.regio.slug if les.regio_id else "",
        "knowledge_sources": les.kennisbronnen,
        "tags": [t.name for t in les.tags.all()],
        "date": les.date.isoformat(),
        "synthetic": les.synthetic,
        **{name: getattr(les, name) for name in RECORD_TEXT},
        "last_reviewed": les.last_reviewed.isoformat() if les.last_reviewed else None,
        "target_age_from": les.target_age_from,
        "target_age_to": les.target_age_to,
        "evidence_level": les.evidence_level,
        "contact_email": les.contact_email,
    }
