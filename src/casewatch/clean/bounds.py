"""Bounds on what a saved page may ask of the HTML parser, applied to its bytes before parsing.

Pages built to exhaust a parser (tens of thousands of nested elements, tags with thousands of
attributes, a DOCTYPE carrying an internal DTD subset) would otherwise cost minutes or come out with
no text. Each bound is linear in the page's size and keeps the text: an element nested deeper than
:data:`MAX_DEPTH` loses its tags but not its words, a tag keeps its first :data:`MAX_ATTRIBUTES`
attributes, and an internal subset is dropped (a page never needs one).
"""
from __future__ import annotations

import re

from casewatch.errors import InputError

MAX_DEPTH = 128
"""Deepest element nesting kept; deeper tags are removed, their text stays."""
MAX_ATTRIBUTES = 32
"""Attributes kept on one tag."""
MAX_ELEMENTS = 100_000
"""Most elements a page may open: a news page has a few thousand; past this the page is refused, as its parse
tree alone would take gigabytes."""

_SUBSET = re.compile(rb"<!DOCTYPE([^>\[]*)\[.*?\]\s*>", re.I | re.S)
_TAG = re.compile(rb"<!--.*?-->|<(script|style)\b.*?</\1\s*>|<(/?)([A-Za-z][\w:.-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>",
                  re.I | re.S)
"""A tag; comments, scripts and styles are matched whole so that a "<" inside them is never taken for one."""
_ATTRIBUTE = re.compile(rb"""[^\s=/>"']+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?""")
_VOID = frozenset(b"area base br col embed hr img input link meta param source track wbr".split())


def _attributes(rest: bytes) -> bytes:
    found = _ATTRIBUTE.findall(rest)
    if len(found) <= MAX_ATTRIBUTES:
        return rest
    return b" " + b" ".join(found[:MAX_ATTRIBUTES]) + (b" /" if rest.rstrip().endswith(b"/") else b"")


def bound_html(data: bytes, origin: str = "page") -> bytes:
    """The page with the bounds above applied; a page within them comes back unchanged.

    Raises :class:`InputError` for a page of more than :data:`MAX_ELEMENTS` elements."""
    data = _SUBSET.sub(lambda m: b"<!DOCTYPE" + m.group(1).rstrip() + b">", data)
    depth = opened = 0
    out: list[bytes] = []
    last = 0
    changed = False
    for m in _TAG.finditer(data):
        if m.group(3) is None:
            continue
        closing, name, rest = m.group(2), m.group(3).lower(), m.group(4)
        void = name in _VOID or rest.rstrip().endswith(b"/")
        keep = True
        if closing:
            keep = depth <= MAX_DEPTH
            depth = max(depth - 1, 0)
        else:
            opened += 1
            if opened > MAX_ELEMENTS:
                raise InputError(origin, f"a page of more than {MAX_ELEMENTS:,} elements; save the article alone "
                                 "(or its text) and ingest that")
            if not void:
                depth += 1
                keep = depth <= MAX_DEPTH
        bounded = rest if closing else _attributes(rest)
        if keep and bounded is rest:
            continue
        changed = True
        out.append(data[last:m.start()])
        if keep:
            out.append(b"<" + closing + m.group(3) + bounded + b">")
        last = m.end()
    if not changed:
        return data
    out.append(data[last:])
    return b"".join(out)
