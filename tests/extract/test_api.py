"""The public API: names, purity, batches, and empty input."""
from __future__ import annotations

import pytest

import casewatch.extract as ex
from casewatch.extract import extract, extract_many
from casewatch.models import Extraction

TEXT = "Darian Velmor, a 31-year-old teacher, was arrested in Qelvar on Monday, the Kelvar Rights Network said."


def test_public_names():
    assert ex.__all__ == ["extract", "extract_many"]


def test_extract_returns_an_extraction(nlp):
    x = extract(TEXT, [])
    assert isinstance(x, Extraction)
    assert x.sentences == [(0, len(TEXT))]
    assert any(m.text == "Darian Velmor" for m in x.mentions)


def test_pure_same_input_same_output(nlp):
    assert extract(TEXT, []) == extract(TEXT, [])


def test_extract_many_keeps_order_and_matches_extract(nlp):
    other = "More than 200 people have been killed, activists said."
    many = extract_many([(TEXT, []), (other, []), ("", [])], batch_size=2)
    assert len(many) == 3
    assert many[0] == extract(TEXT, [])
    assert many[1] == extract(other, [])
    assert many[2] == Extraction()


def test_empty_and_blank_text(nlp):
    assert extract("", []) == Extraction()
    assert extract("  \n\n ", []) == Extraction()


def test_text_longer_than_the_model_reads(nlp):
    text = "Darian Velmor was arrested in Qelvar.\n" + "The case went on. " * 20
    old = nlp.max_length
    nlp.max_length = 80
    try:
        x = extract(text, [])
        many = extract_many([(text, [])])
    finally:
        nlp.max_length = old
    assert x == many[0]
    assert x.sentences[-1][1] <= 80
    assert any(e.type == "arrest" for e in x.events)


def test_parse_must_be_of_the_text(nlp):
    with pytest.raises(ValueError):
        ex.extract_doc("Another text.", nlp("Some text."), [])
