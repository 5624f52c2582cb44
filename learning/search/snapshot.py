"""What the database search filters, counts and sorts, kept in memory per process.

Each search used to read every candidate page (20,000 rows at 20,000 lessons) and
count facet values over about 234,000 rows in SQL: some 100 ms before a single word
was matched. Those data only change when pages are published, unpublished, moved or
deleted, or when a view restriction changes. So each process keeps them as numpy
arrays and reads one row (``SearchState``) per search to see whether they are still
current; every such change writes a new random token in that row, in the same
transaction (``changed``, connected in learning/signals.py). Filters, totals, facet
counts and the date order are then array operations of a few milliseconds. The words
are still matched by the database.

Positions: every searchable page (live, public, below the home page) has a position;
positions run newest first (undated last, then the highest id), so the date order of
any set of pages is the order of its positions.
"""

import threading
import uuid
from dataclasses import dataclass, field

import numpy as np
from django.db import connection
from django.db.models import DateField, F
from django.db.models.functions import Cast, Coalesce
from wagtail.models import Page

from learning.models import FacetValue, SearchState

STATE = "kennisbank"
_snapshots = {}  # (database alias, name) -> Snapshot
_build_lock = threading.Lock()


def changed(**kwargs):
    """Make every process rebuild its snapshot at its next search (also a signal
    receiver). A random token, not a counter: a rolled-back change (a test's
    transaction) must never bring an old number back for different data."""
    token = uuid.uuid4().hex
    if not SearchState.objects.filter(name=STATE).update(token=token):
        SearchState.objects.update_or_create(name=STATE, defaults={"token": token})


def current_token():
    """The content version: a new random token after every change (None when the
    row is missing, as in a freshly flushed test database)."""
    # Plain SQL: this runs before every search, and the ORM doubled its 0.35 ms.
    with connection.cursor() as cursor:
        table = connection.ops.quote_name(SearchState._meta.db_table)
        cursor.execute(f"SELECT token FROM {table} WHERE name = %s", [STATE])  # noqa: S608
        row = cursor.fetchone()
    return row[0] if row else None


def current():
    """The snapshot of the current database (one query when it is up to date)."""
    token = current_token()
    key = (connection.alias, str(connection.settings_dict["NAME"]))
    snapshot = _snapshots.get(key)
    if snapshot is not None and token is not None and snapshot.token == token:
        return snapshot
    with _build_lock:
        # Another thread may have built this very snapshot while we waited.
        snapshot = _snapshots.get(key)
        if snapshot is None or token is None or snapshot.token != token:
            snapshot = build(token)
    # Without a token row (a freshly flushed test database) nothing says when the
    # data change, so such a snapshot is used once and not kept.
    if token is not None:
        _snapshots[key] = snapshot
    return snapshot


@dataclass(eq=False)
class Snapshot:
    token: str | None
    pks: np.ndarray  # page id per position
    ct_codes: np.ndarray  # index into content_types per position
    content_types: list[int]
    keys: list[tuple[str, str, str]]  # (facet, value, label) per key, grouped by facet
    row_key: np.ndarray  # facet rows: key per row, sorted by key
    row_pos: np.ndarray  # facet rows: page position per row
    key_rows: np.ndarray  # rows of key k: row_key[key_rows[k]:key_rows[k + 1]]
    facet_keys: dict[str, tuple[int, int]]  # facet -> its key range
    # Derived from the fields above in __post_init__:
    key_index: dict[tuple[str, str], int] = field(init=False)
    _sorter: np.ndarray = field(init=False)  # positions in page id order
    _sorted_pks: np.ndarray = field(init=False)
    # Other data kept as long as this snapshot is current (``memo``).
    _memo: dict = field(init=False, default_factory=dict)

    def __post_init__(self):
        self.key_index = {(f, v): k for k, (f, v, _label) in enumerate(self.keys)}
        self._sorter = np.argsort(self.pks, kind="stable")
        self._sorted_pks = self.pks[self._sorter]

    def memo(self, name, build, refresh=False):
        """``build()``'s result, built once per snapshot (again with ``refresh``).
        Two threads may both build it; either result is kept."""
        if refresh or name not in self._memo:
            self._memo[name] = build()
        return self._memo[name]

    @property
    def size(self):
        return len(self.pks)

    def everything(self):
        return np.ones(self.size, dtype=bool)

    def of_types(self, content_type_ids):
        """Mask of the pages whose content type is one of ``content_type_ids``."""
        wanted = set(content_type_ids)
        codes = [i for i, ct in enumerate(self.content_types) if ct in wanted]
        return np.isin(self.ct_codes, codes)

    def positions(self, page_ids):
        """(positions, which) of the ``page_ids`` (an array) that the snapshot holds:
        ``which`` selects those ids, ``positions`` are theirs."""
        page_ids = np.asarray(page_ids, dtype=np.int64)
        if not self.size or not len(page_ids):
            return np.empty(0, dtype=np.int64), np.zeros(len(page_ids), dtype=bool)
        at = np.searchsorted(self._sorted_pks, page_ids)
        at[at >= self.size] = 0
        which = self._sorted_pks[at] == page_ids
        return self._sorter[at[which]], which

    def with_values(self, facet, values):
        """Mask of the pages that have any of ``values`` for ``facet``."""
        mask = np.zeros(self.size, dtype=bool)
        for value in values:
            key = self.key_index.get((facet, value))
            if key is not None:
                mask[self.row_pos[self.key_rows[key] : self.key_rows[key + 1]]] = True
        return mask

    def value_counts(self, mask, facet=None):
        """[(facet, value, label, count)] with count > 0 over the pages in ``mask``,
        for one ``facet`` or all."""
        if facet is None:
            first, last = 0, len(self.keys)
        elif facet in self.facet_keys:
            first, last = self.facet_keys[facet]
        else:
            return []
        rows = slice(self.key_rows[first], self.key_rows[last])
        keys = self.row_key[rows][mask[self.row_pos[rows]]]
        counts = np.bincount(keys - first, minlength=last - first)
        return [(*self.keys[first + i], int(counts[i])) for i in np.flatnonzero(counts).tolist()]

    def type_counts(self, mask):
        """content type id -> number of pages in ``mask``."""
        counts = np.bincount(self.ct_codes[mask], minlength=len(self.content_types))
        return {self.content_types[i]: int(counts[i]) for i in np.flatnonzero(counts).tolist()}


def build(token):
    """Read the searchable pages and their facet values (two queries)."""
    pages = (
        Page.objects.live()
        .public()
        .filter(depth__gt=2)  # not the tree root or the home page
        .order_by()
        .values_list(
            "pk",
            "content_type_id",
            Coalesce(F("search_entry__date"), Cast("first_published_at", DateField())),
        )
    )
    # Newest first, undated last, then the highest id: the contract's date order.
    ordered = sorted(
        pages, key=lambda row: (row[2] is None, -(row[2].toordinal() if row[2] else 0), -row[0])
    )
    content_types = sorted({ct for _pk, ct, _date in ordered})
    code_of = {ct: i for i, ct in enumerate(content_types)}
    position_of = {pk: i for i, (pk, _ct, _date) in enumerate(ordered)}

    found = {}  # (facet, value) -> (label, [positions])
    rows = FacetValue.objects.order_by().values_list("page_id", "facet", "value", "label")
    for page_id, facet, value, label in rows.iterator(chunk_size=10000):
        position = position_of.get(page_id)
        if position is not None:
            found.setdefault((facet, value), (label, []))[1].append(position)
    keys, row_key, row_pos, key_rows, facet_keys = [], [], [], [0], {}
    for facet, value in sorted(found):
        label, positions = found[(facet, value)]
        first, _last = facet_keys.get(facet, (len(keys), None))
        facet_keys[facet] = (first, len(keys) + 1)
        row_key.extend([len(keys)] * len(positions))
        row_pos.extend(positions)
        keys.append((facet, value, label))
        key_rows.append(len(row_pos))
    return Snapshot(
        token=token,
        pks=np.array([pk for pk, _ct, _date in ordered], dtype=np.int64),
        ct_codes=np.array([code_of[ct] for _pk, ct, _date in ordered], dtype=np.int32),
        content_types=content_types,
        keys=keys,
        row_key=np.array(row_key, dtype=np.int32),
        row_pos=np.array(row_pos, dtype=np.int64),
        key_rows=np.array(key_rows, dtype=np.int64),
        facet_keys=facet_keys,
    )
