"""Syndication: reports whose text is largely copied from one another.

Outlets often republish one report with their own boilerplate around it. Two
reports are one syndicated text when the estimated Jaccard similarity of their
word shingles reaches ``SYNDICATION_THRESHOLD``:

* ``signature(text)``: a datasketch MinHash over 5-word shingles of the text's
  words (lower-cased, punctuation folded away), 128 permutations, a fixed seed
  and the ``affine32`` scheme, so a signature stored today compares with one
  computed next year.
* ``band_keys(signature)``: the LSH bands (32 bands of 4 rows, the parameters
  datasketch's own optimiser picks for the threshold when a missed copy weighs
  more than an extra comparison), each a short stable string. Reports sharing a
  band key are candidates; no pair of reports is compared otherwise.
* ``group_documents([(doc_id, signature), ...])``: candidates confirmed by the
  similarity threshold, joined by union-find. Every document id maps to its
  group id: the smallest document id in the group, so the groups and their ids
  are the same whatever order the reports arrived in. A report copied by no other maps to
  ``None`` (the case file's ``syndication_group`` is null: "not syndicated").
  A text with no words has an empty signature and is never grouped.

Settings live in ``casewatch/data/corroborate.json`` under ``syndication``.
"""
from __future__ import annotations

import hashlib
import json
import re
import struct
from collections.abc import Iterable
from functools import cache
from importlib.resources import files
from typing import Any

from datasketch import MinHash

_SCHEME = "affine32"
_EMPTY = (1 << 32) - 1
"""Every value of an affine32 MinHash that has seen nothing."""
_PUNCT_FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")


@cache
def _settings() -> dict[str, Any]:
    data = json.loads(files("casewatch").joinpath("data", "corroborate.json").read_text(encoding="utf-8"))
    return data["syndication"]


SYNDICATION_THRESHOLD: float = float(_settings()["threshold"])


def words(text: str) -> list[str]:
    """The text's words, lower-cased, quotes and dashes folded, other punctuation dropped."""
    return _WORD.findall(text.translate(_PUNCT_FOLD).casefold())


def shingles(text: str, size: int | None = None) -> set[str]:
    """Runs of ``size`` consecutive words (the whole text when it is shorter); empty for a text with no words."""
    n = size or int(_settings()["shingle_words"])
    ws = words(text)
    if not ws:
        return set()
    if len(ws) <= n:
        return {" ".join(ws)}
    return {" ".join(ws[i:i + n]) for i in range(len(ws) - n + 1)}


def signature(text: str) -> list[int]:
    """The MinHash signature of the text's word shingles (``num_perm`` integers)."""
    cfg = _settings()
    mh = MinHash(num_perm=int(cfg["num_perm"]), seed=int(cfg["seed"]), scheme=_SCHEME)
    mh.update_batch(sorted(s.encode("utf-8") for s in shingles(text)))
    return [int(v) for v in mh.hashvalues]


def is_empty(sig: list[int]) -> bool:
    """Whether the signature is that of a text with no words."""
    return all(v == _EMPTY for v in sig)


def band_keys(sig: list[int]) -> list[str]:
    """One key per LSH band: ``"<band>:<hash of its rows>"``; equal bands give equal keys, always."""
    cfg = _settings()
    bands, rows = int(cfg["bands"]), int(cfg["rows"])
    keys = []
    for b in range(bands):
        chunk = sig[b * rows:(b + 1) * rows]
        digest = hashlib.blake2b(struct.pack(f"<{len(chunk)}Q", *chunk), digest_size=8).hexdigest()
        keys.append(f"{b}:{digest}")
    return keys


def similarity(a: list[int], b: list[int]) -> float:
    """Estimated Jaccard similarity: the share of positions where the two signatures agree."""
    if len(a) != len(b) or not a:
        raise ValueError(f"signatures of different lengths cannot be compared ({len(a)} and {len(b)})")
    return sum(1 for x, y in zip(a, b, strict=True) if x == y) / len(a)


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _union(parent: list[int], i: int, j: int) -> None:
    ri, rj = _find(parent, i), _find(parent, j)
    if ri != rj:
        lo, hi = min(ri, rj), max(ri, rj)
        parent[hi] = lo  # the earliest document stays the root


def candidate_pairs(signatures: Iterable[list[int]]) -> set[tuple[int, int]]:
    """Index pairs (earlier, later) that share at least one band key; empty signatures take no part."""
    buckets: dict[str, list[int]] = {}
    pairs: set[tuple[int, int]] = set()
    for i, sig in enumerate(signatures):
        if is_empty(sig):
            continue
        for key in band_keys(sig):
            bucket = buckets.setdefault(key, [])
            pairs.update((j, i) for j in bucket)
            bucket.append(i)
    return pairs


def group_documents(signatures: list[tuple[str, list[int]]]) -> dict[str, str | None]:
    """Document id -> syndication group id (its smallest document id), or None for a report copied by no other.

    ``signatures`` are in ingest order; candidates come only through shared band keys and
    are joined only when ``similarity`` reaches ``SYNDICATION_THRESHOLD``.
    """
    ids = [doc_id for doc_id, _ in signatures]
    sigs = [sig for _, sig in signatures]
    parent = list(range(len(ids)))
    for i, j in sorted(candidate_pairs(sigs)):
        if similarity(sigs[i], sigs[j]) >= SYNDICATION_THRESHOLD:
            _union(parent, i, j)
    roots = [_find(parent, i) for i in range(len(ids))]
    sizes: dict[int, int] = {}
    for r in roots:
        sizes[r] = sizes.get(r, 0) + 1
    names: dict[int, str] = {}
    for doc_id, r in zip(ids, roots, strict=True):
        names[r] = min(names.get(r, doc_id), doc_id)
    return {doc_id: (names[r] if sizes[r] > 1 else None) for doc_id, r in zip(ids, roots, strict=True)}
