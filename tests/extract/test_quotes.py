"""Quotes and who says them."""
from __future__ import annotations

import pytest

from casewatch.extract.quotes import quote_spans


def test_speaker_after_the_quote(run):
    x = run("“The file contains no evidence at all,” the Kelvar Rights Network said.")
    q, = x.quotes
    assert q.evidence.quote == "The file contains no evidence at all,"
    assert q.speaker == "Kelvar Rights Network" and q.speaker_mention is not None


def test_named_person_speaker(run):
    x = run('"We will appeal this verdict tomorrow," Nasrin Tavana said.')
    q, = x.quotes
    assert q.speaker == "Nasrin Tavana"


def test_speaker_before_the_quote(run):
    x = run('Nasrin Tavana said: "We will appeal this verdict tomorrow."')
    q, = x.quotes
    assert q.speaker == "Nasrin Tavana"


def test_second_quote_keeps_the_speaker(run):
    x = run("“There is still time to correct this,” Nasrin Tavana said. “Every day without a decision is cruel.”")
    assert [q.speaker for q in x.quotes] == ["Nasrin Tavana", "Nasrin Tavana"]


def test_pronoun_speaker(run):
    x = run("Nasrin Tavana, his lawyer, visited the court. “The hearing was over before lunch,” she said.")
    q, = x.quotes
    assert q.speaker == "Nasrin Tavana"


def test_unnamed_speaker_then_pronoun(run):
    x = run("A lawyer who followed the case said it was unfair. “The law is clear on paper,” he said.")
    q, = x.quotes
    assert q.speaker == "A lawyer"


def test_scare_quotes_are_skipped(run):
    x = run("He was charged with “sabotage” and called the ministry “lawless” in a speech.")
    assert x.quotes == []


def test_quote_without_speaker(run):
    x = run("“No to Executions on Tuesdays” is a campaign.")
    q, = x.quotes
    assert q.speaker is None


def test_quote_spans_at_most_a_paragraph(run):
    x = run("“This opens a quote that never closes.\nA new paragraph” follows.")
    assert x.quotes == []


def test_single_quotes_as_british_outlets_write_them(run):
    x = run("'We have not heard from him in a month,' the mother of Darian Velmor told reporters.")
    assert [q.evidence.quote for q in x.quotes] == ["We have not heard from him in a month,"]
    assert x.quotes[0].speaker is not None


@pytest.mark.parametrize("text", [
    "The prisoners' families say they don't know where he's held.",
    "In the '90s Darian Velmor's brother was 'a dissident', officials said.",
])
def test_apostrophes_open_no_quote(text):
    assert [text[a:b] for a, b in quote_spans(text) if len(text[a:b].split()) >= 4] == []
