"""What every step of the extract stage shares about one report: the parse, its sentences and lookups.

Offsets are character offsets into the clean text; ``Evidence`` is only ever
made here, from those offsets, so its quote is always the text they cover.
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..models import DateMention, Evidence, Mention
from .lexicon import Lexicon, lexicon

_ADDRESS_LINE = re.compile(r"^[^\n]*(?:https?\s*:\s*/|\bwww\s*\.)[^\n]*$", re.M | re.I)
"""A line holding a web address, written whole or with spaces between its parts."""


@dataclass
class Context:
    """One parsed report and the indexes built over it."""

    text: str
    doc: Doc
    dates: list[DateMention]
    lex: Lexicon = field(default_factory=lexicon)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    sent_tokens: list[tuple[int, int]] = field(default_factory=list)
    tok_sent: list[int] = field(default_factory=list)
    sent_para: list[int] = field(default_factory=list)
    tok_date: dict[int, int] = field(default_factory=dict)
    quote_spans: list[tuple[int, int]] = field(default_factory=list)
    quote_speakers: list[tuple[tuple[int, int], Token | None]] = field(default_factory=list)
    """Each long quote with the word naming who says it ("mother" in "the mother of X told ..."), if known."""
    mentions: list[Mention] = field(default_factory=list)
    tok_mention: list[int] = field(default_factory=list)
    mention_tokens: list[tuple[int, int]] = field(default_factory=list)
    expansion_of: dict[str, str] = field(default_factory=dict)
    memo: dict[object, object] = field(default_factory=dict, repr=False)
    """Results of report-wide lookups the name rules ask for more than once, by their arguments."""
    tokens: list[Token] = field(init=False, repr=False)
    """The parse's tokens, made once: every step reads them many times, and spaCy makes a new object on
    each access to the Doc."""

    def __post_init__(self) -> None:
        self.tokens = list(self.doc)

    @functools.cached_property
    def lowers(self) -> list[str]:
        """Each token's lower-case form."""
        return [t.lower_ for t in self.tokens]

    @functools.cached_property
    def lower_words(self) -> frozenset[str]:
        """The words the report writes in lower case somewhere, web addresses left out (a page's address pasted
        with its text writes the names of its headline in lower case: "www . site . com / leyla - varo - freed")."""
        spans = [(m.start(), m.end()) for m in _ADDRESS_LINE.finditer(self.text)]
        if not spans:
            return frozenset(t.lower_ for t in self.tokens if t.is_alpha and t.is_lower)
        return frozenset(t.lower_ for t in self.tokens if t.is_alpha and t.is_lower
                         and not any(a <= t.idx < b for a, b in spans))

    # ------------------------------------------------------------------ evidence

    def evidence(self, start: int, end: int) -> Evidence:
        """Words of the report between two offsets (surrounding white space left out)."""
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return Evidence(start, end, self.text[start:end])

    def token_evidence(self, first: int, last: int) -> Evidence:
        """Words from token ``first`` to token ``last`` (both included)."""
        a, b = self.tokens[first], self.tokens[last]
        return self.evidence(a.idx, b.idx + len(b.text))

    def sentence_evidence(self, index: int) -> Evidence:
        start, end = self.sentences[index]
        return self.evidence(start, end)

    def sentences_evidence(self, first: int, last: int) -> Evidence:
        return self.evidence(self.sentences[min(first, last)][0], self.sentences[max(first, last)][1])

    # ------------------------------------------------------------------ lookups

    def sent_of(self, tok: Token | int) -> int:
        i = tok if isinstance(tok, int) else tok.i
        return self.tok_sent[i]

    def para_of_sent(self, index: int) -> int:
        return self.sent_para[index]

    def mention_of(self, tok: Token | int) -> int | None:
        i = tok if isinstance(tok, int) else tok.i
        m = self.tok_mention[i]
        return None if m < 0 else m

    def person_of_token(self, tok: Token) -> int | None:
        m = self.mention_of(tok)
        return m if m is not None and self.mentions[m].label == "PERSON" else None

    def mention_head(self, index: int) -> Token:
        """The token of a mention whose syntactic head lies outside it (its last token if none)."""
        s, e = self.mention_tokens[index]
        for i in range(s, e):
            h = self.tokens[i].head
            if h.i < s or h.i >= e or h.i == i:
                return self.tokens[i]
        return self.tokens[e - 1]

    def in_quote(self, offset: int) -> bool:
        k = bisect.bisect_right(self.quote_spans, (offset, len(self.text) + 1)) - 1
        return k >= 0 and self.quote_spans[k][0] <= offset < self.quote_spans[k][1]

    def span_text(self, first: int, last: int) -> str:
        a, b = self.tokens[first], self.tokens[last]
        return self.text[a.idx:b.idx + len(b.text)]


def build_sentences(ctx: Context) -> None:
    """Sentences with at least one letter or digit, their token ranges, paragraphs and the date index."""
    doc, text = ctx.doc, ctx.text
    breaks = [i for i, ch in enumerate(text) if ch == "\n"]
    tok_sent = [0] * len(doc)
    tokens = ctx.tokens
    for sent in doc.sents:
        s, e = sent.start, sent.end
        toks = [t for t in tokens[s:e] if not t.is_space]
        if not toks or not any(ch.isalnum() for t in toks for ch in t.text):
            last = max(len(ctx.sentences) - 1, 0)
            tok_sent[s:e] = [last] * (e - s)
            continue
        index = len(ctx.sentences)
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        ctx.sentences.append((start, end))
        ctx.sent_tokens.append((toks[0].i, toks[-1].i + 1))
        ctx.sent_para.append(bisect.bisect_left(breaks, start))
        tok_sent[s:e] = [index] * (e - s)
    ctx.tok_sent = tok_sent
    ctx.tok_mention = [-1] * len(doc)
    for k, d in enumerate(ctx.dates):
        if d.span is None:
            continue
        span = doc.char_span(d.span[0], d.span[1], alignment_mode="expand")
        if span is None:
            continue
        for t in span:
            ctx.tok_date.setdefault(t.i, k)
