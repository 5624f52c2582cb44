"""Score a query plan (plan.py) on the database's posting lists (postings.py).

One query reads the posting lists of every term of the plan; the rest is array
arithmetic over the search snapshot's positions (snapshot.py):

    whole    = weight * mean over its terms of impact (all terms present)
    parts    = PARTS_WEIGHT * mean over the leaves of impact (enough present)
    idf      = ln(1 + (N - df + 0.5) / (df + 0.5)), df the pages searched that
               match the concept in any way (its own idf for every alternative)
    concept  = idf * max(best whole, parts)
    credit   = weight of the best matching alternative (PARTS_CREDIT for parts)
    score    = sum of concepts + COORDINATION * sum of credits

A page qualifies when it matches at least ``plan.minimum`` concepts; when that
leaves nothing among the pages the filters allow, one concept suffices. elastic.py builds the
same score as an Elasticsearch query.
"""

import math
from dataclasses import dataclass

import numpy as np

from . import postings
from .plan import COORDINATION, PARTS_CREDIT, PARTS_WEIGHT


@dataclass
class Scored:
    mask: np.ndarray  # bool per snapshot position: qualifies
    scores: np.ndarray  # float per position (meaningful where mask is set)


def idf(df, n):
    return math.log(1.0 + (n - df + 0.5) / (df + 0.5))


def score(plan, snap, scope, allowed=None):
    """Scored pages of ``scope`` (a snapshot mask) for ``plan``. The minimum of
    concepts is relaxed when no page of ``allowed`` (the scope after the facet
    filters) would qualify."""
    allowed = scope if allowed is None else allowed
    size = snap.size
    lists = postings.read(plan.terms())
    n = int(np.count_nonzero(scope))
    impact, present = {}, {}
    for term, (ids, impacts) in lists.items():
        positions, which = snap.positions(ids)
        values = np.zeros(size, dtype=np.float64)
        values[positions] = impacts[which]
        values[~scope] = 0.0
        if values.any():
            impact[term] = values
            present[term] = values > 0.0

    concept_scores, concept_credits = [], []
    for concept in plan.concepts:
        best = np.zeros(size)  # the concept's score before its idf
        credit = np.zeros(size)  # weight of the best alternative that matches
        backoffs = []
        for alternative in concept.wholes:
            if not all(t in impact for t in alternative.terms):
                continue
            together = np.logical_and.reduce([present[t] for t in alternative.terms])
            mean = sum(impact[t] for t in alternative.terms) / len(alternative.terms)
            if alternative.backoff:
                backoffs.append((alternative, together, mean))
                continue
            best = np.maximum(best, np.where(together, mean * alternative.weight, 0.0))
            credit = np.maximum(credit, together * alternative.weight)
        leaves = [t for t in concept.leaves if t in impact]
        if concept.leaves and len(leaves) >= concept.need:
            enough = sum(present[t].astype(np.int32) for t in leaves) >= concept.need
            total = sum(impact[t] for t in leaves) * (PARTS_WEIGHT / len(concept.leaves))
            best = np.maximum(best, np.where(enough, total, 0.0))
            credit = np.maximum(credit, enough * PARTS_CREDIT)

        # One idf per concept, from the pages that match it in any way: a rare
        # synonym of a common word must not weigh more than the word itself.
        df = int(np.count_nonzero(credit))
        concept_idf = idf(df, n) if df else None
        weighted = best * concept_idf if df else best
        # A lone word of an expression weighs by its own idf ("school" is common),
        # never more than the expression's.
        for alternative, together, mean in backoffs:
            own = idf(int(np.count_nonzero(together)), n)
            own = min(own, concept_idf) if concept_idf else own
            lone = np.where(together, mean * alternative.weight * own, 0.0)
            weighted = np.maximum(weighted, lone)
            credit = np.maximum(credit, together * alternative.weight)
        concept_scores.append(weighted)
        concept_credits.append(credit)
    if not plan.concepts:
        return Scored(np.zeros(size, dtype=bool), np.zeros(size))
    matched = sum((credit > 0).astype(np.int32) for credit in concept_credits)
    total = sum(concept_scores) + COORDINATION * sum(concept_credits)
    # Relax rather than answer nothing: one concept suffices then.
    for least in dict.fromkeys((plan.minimum, 1)):
        mask = scope & (matched >= least)
        if (mask & allowed).any():
            break
    return Scored(mask, total)


def relevance_order(scores, limit):
    """Indexes of the ``limit`` highest ``scores``, best first; equal scores in
    position order (newest first), as Elasticsearch sorts them (score, date, id)."""
    keys = -np.round(scores.astype(np.float32), 4)
    candidates = np.arange(len(keys))
    if len(keys) > limit:
        threshold = np.partition(keys, limit - 1)[limit - 1]
        candidates = np.flatnonzero(keys <= threshold)
    order = np.lexsort((candidates, keys[candidates]))
    return candidates[order[:limit]].tolist()
