"""Sentences: spaCy's, with every line break ending one."""
from __future__ import annotations


def test_line_break_ends_a_sentence(run):
    text = "At a Glance\nThe court sentenced him on Monday\nHe appealed."
    x = run(text)
    assert [text[a:b] for a, b in x.sentences] == [
        "At a Glance", "The court sentenced him on Monday", "He appealed."]


def test_sentences_inside_a_paragraph_and_offsets(run):
    text = "He was arrested. He was released on bail.\n\nA new paragraph."
    x = run(text)
    assert [text[a:b] for a, b in x.sentences] == ["He was arrested.", "He was released on bail.", "A new paragraph."]


def test_dateline_is_its_own_sentence(run):
    text = "TARSEN, Qelvar (QNA) - Omid Farrokhan, a 24-year-old nurse, was arrested on Sunday."
    x = run(text)
    assert text[x.sentences[0][0]:x.sentences[0][1]] == "TARSEN, Qelvar (QNA) -"


def test_mention_sentence_index(run):
    text = "Nothing here.\nDarian Velmor was detained."
    x = run(text)
    person = next(m for m in x.mentions if m.label == "PERSON")
    assert person.sentence == 1
