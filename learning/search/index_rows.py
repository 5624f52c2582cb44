"""The full-text index rows as arrays, kept with the search snapshot.

SQLite's match (sqlite_rank.py) reads from them which page each matching row
indexes and its title norm, instead of joining the index table per match.
"""

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, eq=False)
class Entries:
    """The full-text index rows by id (ascending): the object each indexes, its
    content type and its title norm."""

    ids: np.ndarray
    object_ids: np.ndarray  # -1 for objects whose key is not a number
    content_types: np.ndarray
    title_norms: np.ndarray

    @classmethod
    def load(cls):
        from wagtail.search.models import IndexEntry

        rows = list(
            IndexEntry.objects.order_by("id").values_list(
                "id", "object_id", "content_type_id", "title_norm"
            )
        )
        return cls(
            ids=np.fromiter((row[0] for row in rows), np.int64, len(rows)),
            object_ids=np.fromiter(
                (int(row[1]) if row[1].isdigit() else -1 for row in rows), np.int64, len(rows)
            ),
            content_types=np.fromiter((row[2] for row in rows), np.int64, len(rows)),
            title_norms=np.fromiter((row[3] for row in rows), np.float64, len(rows)),
        )

    def lookup(self, ids):
        """(known, object ids, content types, title norms) of the rows ``ids``;
        ``known`` marks the rows the map holds (the others get -1, -1 and 0)."""
        if not len(self.ids):
            missing = np.full(len(ids), -1, dtype=np.int64)
            return np.zeros(len(ids), dtype=bool), missing, missing, np.zeros(len(ids))
        at = np.minimum(np.searchsorted(self.ids, ids), len(self.ids) - 1)
        known = self.ids[at] == ids
        return (
            known,
            np.where(known, self.object_ids[at], -1),
            np.where(known, self.content_types[at], -1),
            np.where(known, self.title_norms[at], 0.0),
        )
