"""The attribute lookup gives what the model's attribute ruler gives, token for token."""
from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from casewatch.extract.attributes import LOOKUP, Unsupported, compile_rules, use_lookup
from casewatch.extract.nlp import MODEL

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "reports"

TRICKY = [
    "Y'all gonna see: he ain't gotta go, let's c'mon now.",
    "There is a court.  There are   two guards.\n\n\nThe lawyer's appeal was rejected on 3 March 2024.",
    "",
    "   ",
    "HE WAS SENTENCED TO DEATH. Gets what he got, said the judge's spokesman.",
]


def _annotations(doc) -> list[tuple]:
    return [(t.pos_, t.tag_, t.dep_, str(t.morph), t.lemma_, t.head.i, t.ent_iob_, t.ent_type_) for t in doc]


def test_the_pipeline_uses_the_lookup(nlp) -> None:
    assert LOOKUP in nlp.pipe_names
    assert "attribute_ruler" not in nlp.pipe_names


def test_same_annotations_as_the_models_ruler_on_the_example_reports() -> None:
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(EXAMPLES.glob("*.txt"))]
    texts += TRICKY
    model = spacy.load(MODEL)
    fast = spacy.load(MODEL)
    assert use_lookup(fast)
    tokens = 0
    for a, b in zip(model.pipe(texts), fast.pipe(texts), strict=True):
        assert _annotations(a) == _annotations(b)
        tokens += len(a)
    assert tokens > 1000


def _blank_with_rules() -> spacy.language.Language:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "gon"}, {"LOWER": "na"}]], {"LEMMA": "go"}, index=0)
    ruler.add([[{"LOWER": "gon"}, {"LOWER": "na"}]], {"LEMMA": "to"}, index=1)
    ruler.add([[{"LOWER": {"IN": ["gon", "court"]}}]], {"POS": "NOUN", "MORPH": "Number=Sing"})
    ruler.add([[{"LOWER": "court"}]], {"POS": "PROPN"})  # later rules win
    ruler.add([[{"LOWER": {"REGEX": "^n'?t$"}}]], {"LEMMA": "not", "POS": "PART"})
    ruler.add([[{"IS_SPACE": True}]], {"POS": "SPACE", "TAG": "_SP"})
    ruler.add([[{"LOWER": "the"}, {"LOWER": "court"}]], {"LEMMA": "tribunal"}, index=-1)
    return nlp


def test_precedence_multi_token_rules_and_negative_indices_match_the_ruler() -> None:
    text = "Gon na court the court can't do n't  \n the Court gon"
    model = _blank_with_rules()
    fast = _blank_with_rules()
    assert use_lookup(fast)
    a, b = model(text), fast(text)
    assert _annotations(a) == _annotations(b)
    court = [t for t in b if t.lower_ == "court"]
    assert [t.pos_ for t in court] == ["PROPN"] * 3
    assert [t.lemma_ for t in b if t.lower_ == "court"][1:] == ["tribunal", "tribunal"]
    assert [t.lemma_ for t in b[:2]] == ["go", "to"]


def test_a_pattern_it_cannot_run_keeps_the_models_ruler() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "court", "OP": "+"}]], {"POS": "NOUN"})
    with pytest.raises(Unsupported):
        compile_rules(ruler)
    assert not use_lookup(nlp)
    assert nlp.pipe_names == ["attribute_ruler"]
    assert nlp("court")[0].pos_ == "NOUN"
