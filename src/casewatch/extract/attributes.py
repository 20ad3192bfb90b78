"""The model's attribute rules (tag map, lemma and morphology exceptions) applied by table lookup.

The English model maps fine-grained tags to coarse parts of speech and
morphology with an ``attribute_ruler``: 179 token patterns run by spaCy's
``Matcher`` over every token of every report, an eighth of the model's time.
Nearly all of them test one token's tag, lower-case form, dependency label or
whether it is whitespace, so the same result comes from evaluating the patterns
once per distinct (tag, lower, dep, space) and looking it up for every token
after that. :func:`compile_rules` compiles the ruler's own patterns; the result
is the ruler's, token for token (later patterns win, as in the ruler; every
pattern is matched against the tokens as they were before any is applied). A
pattern this module cannot read leaves the model's ruler in place.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

Key = tuple[str, str, str, bool]
"""A token as the patterns see it: tag, lower-case form, dependency label, whether it is whitespace."""
Predicate = Callable[[Key], bool]

_COLUMNS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
_READ = [TAG, LOWER, DEP, IS_SPACE]
_WRITE = [POS, MORPH, LEMMA]
_CACHE_LIMIT = 500_000


class Unsupported(ValueError):
    """A pattern uses an attribute or operator the lookup does not implement."""


def _operator(column: int, op: str, arg: object) -> Predicate:
    if op == "IN":
        allowed = frozenset(arg)  # type: ignore[call-overload]
        return lambda k: k[column] in allowed
    if op == "NOT_IN":
        banned = frozenset(arg)  # type: ignore[call-overload]
        return lambda k: k[column] not in banned
    if op == "REGEX" and column != 3:
        rx = re.compile(str(arg))
        return lambda k: bool(rx.search(k[column]))  # type: ignore[arg-type]
    raise Unsupported(f"operator {op}")


def _check(column: int, value: object) -> Predicate:
    if not isinstance(value, dict):
        return lambda k: k[column] == value
    checks = [_operator(column, op, arg) for op, arg in value.items()]
    return lambda k: all(c(k) for c in checks)


def compile_token(spec: dict[str, object]) -> Predicate:
    """One token pattern as a predicate over a :data:`Key`."""
    checks = []
    for name, value in spec.items():
        if name not in _COLUMNS:
            raise Unsupported(f"attribute {name}")
        if not isinstance(value, bool if name == "IS_SPACE" else (str, dict)):
            raise Unsupported(f"value {value!r} for {name}")
        checks.append(_check(_COLUMNS[name], value))
    return lambda k: all(c(k) for c in checks)


@dataclass
class LookupRules:
    """The ruler's patterns in its order, compiled: token predicates, the token the attributes go to, the
    attributes."""

    rules: list[tuple[list[Predicate], int, dict[int, int]]]
    single: list[int] = field(default_factory=list)
    multi: list[int] = field(default_factory=list)
    cache: dict[tuple[int, int, int, int], tuple[tuple[int, ...], frozenset[tuple[int, int]]]] = field(
        default_factory=dict)
    merged: dict[tuple[int, ...], dict[int, int]] = field(default_factory=dict)
    lower_words: frozenset[str] | None = None
    """Every lower-case form a pattern names; None when forms are not reduced (see ``_lower_class``)."""
    lower_regexes: tuple[re.Pattern[str], ...] = ()
    lower_class: dict[int, int] = field(default_factory=dict)
    """A lower-case form's id to the id of the first form seen that every pattern treats alike."""
    representative: dict[tuple[bool, ...], int] = field(default_factory=dict)

    def _lower_class(self, doc: Doc, lower: int) -> int:
        """Forms no pattern names and that the patterns' regexes match alike are one form to the patterns: the
        cache then holds a key per class of words rather than per word (reports bring new words all along)."""
        got = self.lower_class.get(lower)
        if got is not None:
            return got
        text = doc.vocab.strings[lower] if lower else ""
        assert self.lower_words is not None
        if text in self.lower_words:
            got = lower
        else:
            got = self.representative.setdefault(tuple(bool(rx.search(text)) for rx in self.lower_regexes), lower)
        if len(self.lower_class) >= _CACHE_LIMIT:
            self.lower_class.clear()
        self.lower_class[lower] = got
        return got

    def __post_init__(self) -> None:
        self.single = [n for n, (preds, _, _) in enumerate(self.rules) if len(preds) == 1]
        self.multi = [n for n, (preds, _, _) in enumerate(self.rules) if len(preds) > 1]

    def _describe(self, doc: Doc, key: tuple[int, int, int, int]) -> tuple[tuple[int, ...],
                                                                             frozenset[tuple[int, int]]]:
        strings = doc.vocab.strings
        k: Key = (strings[key[0]] if key[0] else "", strings[key[1]] if key[1] else "",
                  strings[key[2]] if key[2] else "", bool(key[3]))
        singles = tuple(n for n in self.single if self.rules[n][0][0](k))
        parts = frozenset((n, j) for n in self.multi for j, p in enumerate(self.rules[n][0]) if p(k))
        if len(self.cache) >= _CACHE_LIMIT:
            self.cache.clear()
        self.cache[key] = (singles, parts)
        return singles, parts

    def _merge(self, rules: tuple[int, ...]) -> dict[int, int]:
        got = self.merged.get(rules)
        if got is None:
            got = {}
            for n in sorted(rules):
                got.update(self.rules[n][2])
            self.merged[rules] = got
        return got

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if not n:
            return doc
        keys = doc.to_array(_READ).tolist()
        infos = []
        reduce = self.lower_words is not None
        for key in keys:
            if reduce:
                key[1] = self._lower_class(doc, key[1])
            t = tuple(key)
            info = self.cache.get(t)  # type: ignore[arg-type]
            infos.append(info if info is not None else self._describe(doc, t))  # type: ignore[arg-type]
        extra_rules: dict[int, list[int]] = {}
        for i, (_, parts) in enumerate(infos):
            for rule, j in parts:
                preds, index, _ = self.rules[rule]
                if j or i + len(preds) > n:
                    continue
                if all((rule, m) in infos[i + m][1] for m in range(1, len(preds))):
                    extra_rules.setdefault(i + index, []).append(rule)
        columns = doc.to_array(_WRITE).tolist()
        later: list[tuple[int, int, int]] = []
        for i, (singles, _) in enumerate(infos):
            more = extra_rules.get(i)
            if not singles and not more:
                continue
            attrs = self._merge(tuple(sorted((*singles, *more))) if more else singles)
            row = columns[i]
            for attr, value in attrs.items():
                if attr == POS:
                    row[0] = value
                elif attr == MORPH:
                    row[1] = value
                elif attr == LEMMA:
                    row[2] = value
                else:
                    later.append((i, attr, value))
        doc.from_array(_WRITE, np.array(columns, dtype=np.uint64))
        for i, attr, value in later:
            if attr == TAG:
                doc[i].tag = value
            elif attr == DEP:
                doc[i].dep = value
            else:  # compile_rules only accepts the attributes handled here
                raise Unsupported(f"attribute {attr}")
        return doc


def compile_rules(ruler: AttributeRuler) -> LookupRules:
    """The ruler's patterns in its order (later rules win: the ruler sorts its matches by rule number);
    raises :class:`Unsupported` for one the lookup cannot run."""
    rules = []
    for n in range(len(ruler.attrs)):
        attrs = dict(ruler.attrs[n])
        if set(attrs) - {POS, MORPH, LEMMA, TAG, DEP}:
            raise Unsupported("attributes other than POS, MORPH, LEMMA, TAG and DEP")
        for pattern in ruler.matcher.get(str(n))[1]:
            if any(not isinstance(t, dict) or not t or "OP" in t for t in pattern):
                raise Unsupported("operators or empty tokens")
            index = ruler.indices[n]
            index = index if index >= 0 else len(pattern) + index
            if not 0 <= index < len(pattern):
                raise Unsupported("index outside the pattern")
            rules.append(([compile_token(t) for t in pattern], index, attrs))
    words, regexes = _lower_forms(ruler)
    return LookupRules(rules, lower_words=words, lower_regexes=regexes)


def _lower_forms(ruler: AttributeRuler) -> tuple[frozenset[str] | None, tuple[re.Pattern[str], ...]]:
    """The lower-case forms the patterns name and the regexes they test forms with."""
    words: set[str] = set()
    regexes: list[re.Pattern[str]] = []
    for n in range(len(ruler.attrs)):
        for pattern in ruler.matcher.get(str(n))[1]:
            for t in pattern:
                value = t.get("LOWER")
                if value is None:
                    continue
                if isinstance(value, str):
                    words.add(value)
                    continue
                for op, arg in value.items():
                    if op in ("IN", "NOT_IN"):
                        words.update(arg)
                    elif op == "REGEX":
                        regexes.append(re.compile(str(arg)))
                    else:
                        return None, ()
    return frozenset(words), tuple(regexes)


LOOKUP = "casewatch_attributes"


@Language.factory(LOOKUP)
def make_lookup(nlp: Language, name: str) -> LookupRules:
    """The lookup built from the pipeline's ``attribute_ruler`` (which must be present when it is added)."""
    return compile_rules(nlp.get_pipe("attribute_ruler"))


def use_lookup(nlp: Language) -> bool:
    """Put the lookup in place of the model's attribute ruler; False (and the ruler kept) if it cannot."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    try:
        nlp.add_pipe(LOOKUP, after="attribute_ruler")
    except Unsupported:
        return False
    nlp.remove_pipe("attribute_ruler")
    return True
