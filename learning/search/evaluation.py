"""Relevance of the kennisbank search on judged Dutch queries (``make bench``).

A relevance set (learning/relevance/<name>/) holds lessons in the import format and
queries with graded judgements (0-3) of the demo content and those lessons. Each
query runs through the search contract; the first ten hits are scored:

* nDCG@10 with gain 2^grade - 1 and the ideal order of all judged documents;
* recall@10: the share of the documents judged relevant (grade >= 1) in the first
  ten.

Documents are keyed as the judgements key them: a lesson by its external id
(``demo-…`` for demo lessons), any other page by ``page:<slug>``.
"""

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

from leernetwerk.sitesearch.analysis import STOPWORDS
from leernetwerk.sitesearch.text import fold, words

SETS = Path(__file__).resolve().parent.parent / "relevance"
K = 10


@dataclass
class Judged:
    id: str
    q: str
    filters: dict
    kinds: list
    judgments: dict


@dataclass
class Outcome:
    query: Judged
    ranked: list  # document keys, best first
    ndcg: float = 0.0
    recall: float = 0.0
    extra: dict = field(default_factory=dict)


def load_queries(name):
    path = SETS / name / "queries.jsonl"
    queries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            data = json.loads(line)
            queries.append(
                Judged(
                    data["id"],
                    data["q"],
                    data.get("filters", {}),
                    data.get("kinds", []),
                    data["judgments"],
                )
            )
    return queries


def lessons_file(name):
    return SETS / name / "lessons.jsonl"


def ndcg(ranked, judgments, k=K):
    gains = [2 ** judgments.get(key, 0) - 1 for key in ranked[:k]]
    dcg = sum(g / math.log2(i + 2) for i, g in enumerate(gains))
    ideal = sorted((2**g - 1 for g in judgments.values()), reverse=True)[:k]
    best = sum(g / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / best if best else 0.0


def recall(ranked, judgments, k=K):
    relevant = {key for key, grade in judgments.items() if grade >= 1}
    if not relevant:
        return 0.0
    return len(relevant & set(ranked[:k])) / len(relevant)


def score(query, ranked):
    return Outcome(query, ranked, ndcg(ranked, query.judgments), recall(ranked, query.judgments))


def summary(outcomes):
    """(mean nDCG@10, mean recall@10, queries without any hit)."""
    n = len(outcomes) or 1
    return (
        sum(o.ndcg for o in outcomes) / n,
        sum(o.recall for o in outcomes) / n,
        sum(1 for o in outcomes if not o.ranked),
    )


def by_kind(outcomes):
    """kind -> (queries, mean nDCG@10)."""
    kinds = {}
    for outcome in outcomes:
        for kind in outcome.query.kinds:
            kinds.setdefault(kind, []).append(outcome.ndcg)
    return {kind: (len(v), sum(v) / len(v)) for kind, v in sorted(kinds.items())}


def overlap_ranking(query, documents, allowed, k=K):
    """The baseline the issue measured: documents ranked by how many distinct query
    words (folded, without stop words) their text contains, ties by key."""
    wanted = {w for w in words(query.q) if w not in STOPWORDS}
    scored = []
    for key, text in documents.items():
        if key not in allowed:
            continue
        found = len(wanted & set(words(fold(text))))
        if found:
            scored.append((-found, key))
    return [key for _n, key in sorted(scored)[:k]]
