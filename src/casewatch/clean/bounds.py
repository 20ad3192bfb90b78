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

MAX_DEPTH = 200
"""Deepest element nesting kept once a page nests deeper than the parser reads (:data:`PARSER_DEPTH`); deeper
tags are removed, their text stays. A page within the parser's reach is left as it is."""
PARSER_DEPTH = 256
"""How deep libxml2 nests elements before it gives up on the rest of the page."""
MAX_ATTRIBUTES = 256
"""Attributes kept on one tag (a page's own tags carry a few dozen at most)."""
MAX_ELEMENTS = 100_000
"""Most elements a page may open: a news page has a few thousand; past this the page is refused, as its parse
tree alone would take gigabytes."""

_SUBSET = re.compile(rb"\A(\s*(?:<\?xml[^>]*>\s*)?)<!DOCTYPE([^>\[]*)\[\s*<!.*?\]\s*>", re.I | re.S)
"""A DOCTYPE at the head of the page with an internal subset of declarations (``<!ENTITY ...>``)."""
_TAG = re.compile(rb"<!--.*?-->|<(script|style)\b.*?</\1\s*>"
                  rb"|<(/?)([A-Za-z][\w:.-]*)((?:[^<>\"']|\"[^\"<]*\"|'[^'<]*')*)>", re.I | re.S)
"""A tag (never across another "<"); comments, scripts and styles are matched whole so that a "<" inside them is
never taken for one."""
_ATTRIBUTE = re.compile(rb"""[^\s=/>"']+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?""")
_VOID = frozenset(b"area base br col embed hr img input link meta param source track wbr".split())
_SELF_CLOSING = frozenset(b"p li dt dd option tr td th thead tbody tfoot colgroup rb rt rp optgroup".split())
"""Elements a new one of the same name closes (``<p>a<p>b``), as an HTML parser closes them."""


def _attributes(rest: bytes) -> bytes:
    found = _ATTRIBUTE.findall(rest)
    if len(found) <= MAX_ATTRIBUTES:
        return rest
    return b" " + b" ".join(found[:MAX_ATTRIBUTES]) + (b" /" if rest.rstrip().endswith(b"/") else b"")


def _depths(tags: list[tuple[bool, bytes, bool]]) -> list[int]:
    """The nesting depth at each tag, closing as an HTML parser does: a close tag closes up to its open element
    (a stray one closes nothing), and an element of :data:`_SELF_CLOSING` closes an open one of its name."""
    stack: list[bytes] = []
    out: list[int] = []
    for closing, name, void in tags:
        if closing:
            if name in stack:
                while stack and stack.pop() != name:
                    pass
            out.append(len(stack) + 1)
            continue
        if name in _SELF_CLOSING and name in stack[-8:]:
            while stack and stack.pop() != name:
                pass
        if not void:
            stack.append(name)
        out.append(len(stack))
    return out


def bound_html(data: bytes, origin: str = "page") -> bytes:
    """The page with the bounds above applied; a page within them comes back unchanged (the same object).

    Raises :class:`InputError` for a page of more than :data:`MAX_ELEMENTS` elements."""
    data = _SUBSET.sub(lambda m: m.group(1) + b"<!DOCTYPE" + m.group(2).rstrip() + b">", data, count=1)
    matches = [m for m in _TAG.finditer(data) if m.group(3) is not None]
    opened = sum(1 for m in matches if not m.group(2))
    if opened > MAX_ELEMENTS:
        raise InputError(origin, f"a page of more than {MAX_ELEMENTS:,} elements; save the article alone "
                         "(or its text) and ingest that")
    tags = [(bool(m.group(2)), m.group(3).lower(), m.group(3).lower() in _VOID or m.group(4).rstrip().endswith(b"/"))
            for m in matches]
    depths = _depths(tags)
    too_deep = max(depths, default=0) > PARSER_DEPTH
    out: list[bytes] = []
    last = 0
    changed = False
    for m, (closing, _name, _void), depth in zip(matches, tags, depths, strict=True):
        rest = m.group(4)
        keep = not too_deep or depth <= MAX_DEPTH
        bounded = rest if closing else _attributes(rest)
        if keep and bounded is rest:
            continue
        changed = True
        out.append(data[last:m.start()])
        if keep:
            out.append(b"<" + m.group(2) + m.group(3) + bounded + b">")
        last = m.end()
    if not changed:
        return data
    out.append(data[last:])
    return b"".join(out)
