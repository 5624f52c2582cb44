"""The database's full-text index (learning/search/postings.py, fulltext.py): posting
lists in step with publishing, the vocabulary's counts, and the lexicon seed."""

import io

import numpy as np
import pytest
from django.core.management import call_command

from learning import lexicon
from learning.factories import add_les
from learning.models import SearchDocument, SearchWord, Synoniemgroep, TermPostings
from learning.search import fulltext, postings

pytestmark = pytest.mark.django_db


def lists():
    """term -> sorted page ids, for every posting list."""
    return {
        row.term: np.frombuffer(bytes(row.pages), dtype=postings.ID_TYPE).tolist()
        for row in TermPostings.objects.all()
    }


def impacts():
    return {
        row.term: np.frombuffer(bytes(row.impacts), dtype=postings.IMPACT_TYPE).tolist()
        for row in TermPostings.objects.all()
    }


def test_publishing_writes_what_a_rebuild_writes(content):
    incremental = lists()
    assert incremental["coach"] == sorted([content["wonen"].pk, content["werk"].pk])
    assert all(ids == sorted(set(ids)) for ids in incremental.values())
    fulltext.rebuild()
    assert lists() == incremental
    first = impacts()
    fulltext.rebuild()
    assert impacts() == first  # a rebuild is deterministic


def test_unpublishing_and_deleting_take_a_page_out_of_every_list(content):
    werk = content["werk"]
    werk.unpublish()
    assert all(werk.pk not in ids for ids in lists().values())
    assert not SearchDocument.objects.filter(page_id=werk.pk).exists()
    wonen = content["wonen"]
    wonen.delete()
    assert all(wonen.pk not in ids for ids in lists().values())
    fulltext.rebuild()
    assert all(wonen.pk not in ids and werk.pk not in ids for ids in lists().values())


def test_vocabulary_counts_pages_per_word(kennisbank):
    first = add_les(kennisbank, "Budgetcoaching thuis", summary="Budgetcoaching helpt.")
    second = add_les(kennisbank, "Budgetcoaching op school")
    assert SearchWord.objects.get(word="budgetcoaching").pages == 2
    assert SearchWord.objects.get(word="budgetcoaching").term == "budgetcoach"
    second.unpublish()
    assert SearchWord.objects.get(word="budgetcoaching").pages == 1
    first.delete()
    assert not SearchWord.objects.filter(word="budgetcoaching").exists()


def test_compound_parts_are_indexed_with_less_weight(kennisbank):
    page = add_les(kennisbank, "Schuldhulpverlening", summary="Schuld en nog eens schuld.")
    other = add_les(kennisbank, "Hulpverlening bij schuldhulpverlening")
    found = lists()
    assert page.pk in found["schuld"] and other.pk in found["schuld"]  # as a part
    weights = dict(zip(found["schuld"], impacts()["schuld"], strict=True))
    assert weights[page.pk] > weights[other.pk]  # the word itself weighs more


def test_lexicon_is_seeded_and_loading_it_again_adds_nothing():
    seeded = Synoniemgroep.objects.filter(kind="gelijk").count()
    related = Synoniemgroep.objects.filter(kind="verwant").count()
    assert seeded >= len(lexicon.groups()) and related >= len(lexicon.groups("verwant"))
    assert {"rmc", "ggz", "mbo", "wmo", "lvb"} <= lexicon.abbreviations()
    rmc = Synoniemgroep.objects.get(terms__istartswith="RMC\n")
    rmc.terms = "RMC\nregionaal meld- en coördinatiepunt\nRMC-functie"  # an editor's edit
    rmc.save()
    out = io.StringIO()
    call_command("load_lexicon", stdout=out)
    assert out.getvalue().startswith("0 synoniemgroepen")
    assert Synoniemgroep.objects.count() == seeded + related
    assert "RMC-functie" in Synoniemgroep.objects.get(pk=rmc.pk).terms


def test_loading_only_some_groups_brings_back_none_an_editor_deleted():
    """Migration 0015 adds the groups new in the files with ``only``: a group deleted in
    the CMS stays deleted, a listed group that is missing comes back once."""
    Synoniemgroep.objects.get(kind="verwant", terms__startswith="woning\n").delete()
    Synoniemgroep.objects.get(kind="verwant", terms__startswith="woonruimte\n").delete()
    assert lexicon.load(Synoniemgroep, "verwant", only={"woning"}) == 1
    assert lexicon.load(Synoniemgroep, "verwant", only={"woning"}) == 0
    assert Synoniemgroep.objects.filter(terms__startswith="woning\n").exists()
    assert not Synoniemgroep.objects.filter(terms__startswith="woonruimte\n").exists()
