"""Syndication: near-verbatim copies group with their original, in ingest order; other reports do not."""
from __future__ import annotations

import pytest

from casewatch.syndication import SYNDICATION_THRESHOLD, band_keys, group_documents, signature, similarity

STORY = (
    "A court in the northern city of Varn has sentenced the union organiser Pell Aster to eleven years in prison "
    "after a closed hearing that was over within forty minutes, according to the Varn Workers Defence Committee. "
    "The committee said Aster was arrested at his home in March, kept for six weeks with no lawyer allowed in "
    "and questioned about a strike at the municipal bus depot. His family was not told of the hearing until the "
    "verdict had been read, and his lawyer was refused a copy of the charge sheet. The committee called on the "
    "authorities to release him and to open the court's records to independent observers. Aster, who is 44, "
    "has organised drivers at the depot for a decade and was twice fined for leading stoppages over unpaid wages."
)
COPY = (
    "Breaking: Varn organiser jailed\n"
    + STORY.replace("within forty minutes", "in under forty minutes").replace("who is 44", "aged 44")
    + "\nShare this story. Sign up for our daily briefing and never miss an update from the region."
)
OTHER = (
    "Flooding along the lower Semm river forced hundreds of families from their homes on Sunday, and the regional "
    "council opened three schools as shelters. Engineers warned that two embankments near the town of Orr could "
    "give way if the rain continued, while farmers counted the cost of drowned fields and lost livestock. The "
    "council said emergency grants would be paid within a fortnight to households that registered at a shelter."
)
REWRITE = (
    "Pell Aster, a union organiser from Varn, has been given an eleven-year prison term, a workers' rights "
    "committee said. The 44-year-old had been detained in March and interrogated about a bus depot strike; "
    "relatives learned of the hearing only after the verdict, the group added, urging his release."
)


def test_signature_is_a_fixed_length_stable_list_of_ints():
    sig = signature(STORY)
    assert len(sig) == 128 and all(isinstance(v, int) for v in sig)
    assert sig == signature(STORY)
    assert signature(STORY.upper().replace(",", " ,")) == sig  # case and punctuation fold away


def test_band_keys_are_short_stable_strings():
    keys = band_keys(signature(STORY))
    assert len(keys) == 32 and len(set(keys)) == 32
    assert all(isinstance(k, str) and len(k) <= 24 for k in keys)
    assert keys == band_keys(signature(STORY))


def test_similarity_estimates_jaccard():
    assert similarity(signature(STORY), signature(STORY)) == 1.0
    assert similarity(signature(STORY), signature(COPY)) >= SYNDICATION_THRESHOLD
    assert similarity(signature(STORY), signature(OTHER)) < 0.1
    assert similarity(signature(STORY), signature(REWRITE)) < SYNDICATION_THRESHOLD


def test_a_copy_with_other_boilerplate_groups_with_its_original():
    groups = group_documents([("d1", signature(STORY)), ("d2", signature(OTHER)), ("d3", signature(COPY))])
    assert groups == {"d1": "d1", "d2": None, "d3": "d1"}


def test_a_rewrite_of_the_same_statement_is_not_a_copy():
    assert group_documents([("d1", signature(STORY)), ("d2", signature(REWRITE))]) == {"d1": None, "d2": None}


def test_groups_are_named_by_their_smallest_id_whatever_the_order():
    first = group_documents([("d1", signature(STORY)), ("d2", signature(COPY))])
    later = group_documents([("d1", signature(STORY)), ("d2", signature(COPY)), ("d3", signature(STORY + " Ends."))])
    assert first == {"d1": "d1", "d2": "d1"}
    assert later == {"d1": "d1", "d2": "d1", "d3": "d1"}
    assert group_documents([("d2", signature(COPY)), ("d1", signature(STORY))]) == {"d2": "d1", "d1": "d1"}


def test_empty_texts_are_never_grouped():
    assert group_documents([("e1", signature("")), ("e2", signature("  -- "))]) == {"e1": None, "e2": None}


def test_band_parameters_are_datasketchs_choice_for_the_threshold():
    lsh = pytest.importorskip("datasketch.lsh")
    optimal = getattr(lsh, "_optimal_param", None)
    if optimal is None:
        pytest.skip("this datasketch has no optimal-parameter helper")
    sig = signature(STORY)
    rows = len(sig) // len(band_keys(sig))
    assert optimal(SYNDICATION_THRESHOLD, len(sig), 0.1, 0.9) == (len(band_keys(sig)), rows)
