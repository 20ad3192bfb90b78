"""Acquire: read reports from files, folders, JSONL and standard input.

Reading is the only side effect here; the checks on the bytes are pure functions
that raise :class:`InputError` with a message naming the input and what to do.
A bad input never stops the others: :func:`iter_inputs` yields it as a
:class:`Failure` and goes on.
"""
from __future__ import annotations

import codecs
import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from .errors import InputError
from .models import RawReport
from .settings import Settings

STDIN_ORIGIN = "<stdin>"

_MAGIC = (
    (b"%PDF", "a PDF"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/ODF document)"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\xd0\xcf\x11\xe0", "an Office document"),
    (b"\x7fELF", "a program"),
)
_HTML_START = re.compile(rb"^\s*(<!doctype\s+html|<html|<head|<body|<meta|<!--|<div|<article|<p[\s>])", re.I)
_RECORD_TEXT_KEYS = ("text", "html")
_RECORD_STR_KEYS = ("url", "title", "outlet", "id")


@dataclass(frozen=True)
class Failure:
    """An input that could not be read, and why (the reason says what to do)."""

    input: str
    reason: str

    def line(self) -> str:
        return f"{self.input}: {self.reason}"


@dataclass(frozen=True)
class JsonlRecord:
    """One checked JSONL record."""

    text: str | None
    html: str | None
    url: str | None
    title: str | None
    outlet: str | None
    published: dt.date | None
    id: str | None


# ---------------------------------------------------------------------------- pure checks

def _size(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 100_000 else f"{n:,} bytes"


def check_size(n: int, origin: str, max_bytes: int) -> None:
    if n > max_bytes:
        raise InputError(
            origin, f"too large ({_size(n)}, the limit is {_size(max_bytes)}); "
            "split it into smaller reports or raise the limit with --max-size"
        )


def check_bytes(data: bytes, origin: str, max_bytes: int) -> None:
    """Refuse empty, oversized and binary input."""
    check_size(len(data), origin, max_bytes)
    if not data.strip():
        raise InputError(origin, "empty; there is no report to read in it")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(origin, f"binary file ({what}), not a report; save the report as text or HTML")
    head = data[:8192]
    if b"\x00" in head and not head.startswith(_WIDE_BOMS):
        raise InputError(origin, "binary file (it holds NUL bytes), not a report; save the report as text or HTML")


_WIDE_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_WIDE_CODECS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
"""UTF-32's BOMs first: the little-endian one begins with UTF-16's."""

_UNSAFE = re.compile("[\ud800-\udfff\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
"""Lone surrogates (JSON can escape them: "\\ud800"), control characters and non-characters."""


def safe_text(text: str) -> str:
    """The text with each lone surrogate, control character (but tab and line ends) and non-character
    replaced by U+FFFD or a space, one character for one, so every offset stays where it was."""
    if not _UNSAFE.search(text):
        return text
    return _UNSAFE.sub(lambda m: "\ufffd" if "\ud800" <= m.group(0) <= "\udfff" else " ", text)


def decode_text(data: bytes, origin: str) -> str:
    """Text bytes as a string: UTF-8 (with or without a BOM), or UTF-16 or UTF-32 with a BOM; see
    :func:`safe_text` for the characters replaced."""
    for bom, codec in _WIDE_CODECS:
        if data.startswith(bom):
            try:
                return safe_text(data.decode(codec))
            except UnicodeDecodeError:
                break
    try:
        return safe_text(data.decode("utf-8-sig"))
    except UnicodeDecodeError as e:
        raise InputError(
            origin, f"not valid UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start}); "
            "convert it, e.g. `iconv -f WINDOWS-1252 -t UTF-8 FILE > FILE.txt`, and ingest that"
        ) from None


def _iso_day(value: Any, origin: str) -> dt.date | None:
    """A record's publication day: an ISO date or timestamp, or a full date as a page writes it
    ("29 March 2026 5:42 PM GMT+2": the day as written, whatever the zone)."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            from .dates import parse_published

            written = parse_published(value)
            if written is not None and written.first is not None:
                return written.first
    raise InputError(origin, f"'published' is not a full date ({value!r}); write it as YYYY-MM-DD")


JSON_MAX_DEPTH = 32
"""Deepest nesting of arrays and objects read in a JSONL line (a record is one flat object)."""
JSON_MAX_DIGITS = 40
"""Most digits of a whole number in a JSONL line."""
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_JSON_BRACKET = re.compile(r"[\[\]{}]")


def _nesting(line: str) -> int:
    """How deeply a JSON line's arrays and objects nest (brackets inside strings left aside): linear time."""
    depth = deepest = 0
    for m in _JSON_BRACKET.finditer(_JSON_STRING.sub('""', line)):
        if m.group(0) in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def _bounded_int(text: str) -> int:
    digits = len(text.lstrip("-"))
    if digits > JSON_MAX_DIGITS:
        raise ValueError(f"a number of {digits} digits (the limit is {JSON_MAX_DIGITS})")
    return int(text)


def _no_constant(name: str) -> float:
    raise ValueError(f"{name} is not JSON")


def _safe(value: Any) -> Any:
    return safe_text(value) if isinstance(value, str) else value


def parse_record(data: bytes, origin: str) -> JsonlRecord:
    """Check one JSONL line: a JSON object with a non-empty ``text`` or ``html``."""
    line = decode_text(data, origin)
    depth = _nesting(line)
    if depth > JSON_MAX_DEPTH:
        raise InputError(origin, f"JSON nested {depth} levels deep (the limit is {JSON_MAX_DEPTH}); "
                         "a report record is one flat object: fix or remove that line")
    try:
        obj = json.loads(line, parse_int=_bounded_int, parse_constant=_no_constant)
    except json.JSONDecodeError as e:
        raise InputError(origin, f"broken JSON line ({e.msg} at column {e.colno}); fix or remove that line") from None
    except ValueError as e:
        raise InputError(origin, f"{e}; fix or remove that line") from None
    except RecursionError:
        raise InputError(origin, "JSON nested too deeply to read; fix or remove that line") from None
    if not isinstance(obj, dict):
        raise InputError(origin, "a JSONL line must be a JSON object with a 'text' or 'html' field")
    body = {k: obj.get(k) for k in _RECORD_TEXT_KEYS}
    for k, v in body.items():
        if v is not None and not isinstance(v, str):
            raise InputError(origin, f"'{k}' must be a string")
        body[k] = safe_text(v) if v is not None else None
    if not any(v and v.strip() for v in body.values()):
        raise InputError(origin, "the record has no 'text' or 'html' to read; give one of them")
    fields: dict[str, str | None] = {}
    for k in _RECORD_STR_KEYS:
        v = obj.get(k)
        if v is not None and not isinstance(v, str | int):
            raise InputError(origin, f"'{k}' must be a string")
        fields[k] = (safe_text(str(v)).strip() or None) if v is not None else None
    return JsonlRecord(
        text=body["text"], html=body["html"], published=_iso_day(_safe(obj.get("published")), origin), **fields,
    )


def sniff_kind(data: bytes) -> str:
    """Guess what standard input holds: html, jsonl or text."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    if _HTML_START.match(head):
        return "html"
    first = head.lstrip().split(b"\n", 1)[0].strip()
    if first.startswith(b"{") and first.endswith(b"}"):
        try:
            if _nesting(first.decode("utf-8", "replace")) > JSON_MAX_DEPTH:
                return "jsonl"  # a record past the bounds: read as JSONL, so its line is refused with the reason
            if isinstance(json.loads(first), dict):
                return "jsonl"
        except (ValueError, RecursionError):
            pass
    return "text"


# ---------------------------------------------------------------------------- reading (side effects)

def _jsonl_reports(lines: Iterable[bytes], base: str, max_bytes: int) -> Iterator[RawReport | Failure]:
    for number, raw_line in enumerate(lines, start=1):
        line = raw_line.rstrip(b"\r\n")
        where = f"{base}#{number}"
        if not line.strip():
            continue
        try:
            check_size(len(line), where, max_bytes)
            record = parse_record(line, where)
        except InputError as e:
            yield Failure(e.origin, e.reason)
            continue
        except Exception as e:  # one odd line never stops the lines after it
            yield Failure(where, unreadable(e))
            continue
        yield RawReport(data=line, kind="jsonl", origin=record.url or where)


def _read_limited(handle: BinaryIO, origin: str, max_bytes: int) -> bytes:
    data = handle.read(max_bytes + 1)
    check_size(len(data), origin, max_bytes)
    return data


def read_file(path: Path, origin: str, kind: str, settings: Settings) -> Iterator[RawReport | Failure]:
    """The reports in one file: one for text and HTML, one per line for JSONL."""
    try:
        if kind == "jsonl":
            with path.open("rb") as fh:
                yield from _jsonl_reports(fh, origin, settings.max_bytes)
            return
        check_size(path.stat().st_size, origin, settings.max_bytes)
        with path.open("rb") as fh:
            data = _read_limited(fh, origin, settings.max_bytes)
        yield from _one_report(data, origin, kind, settings)
    except InputError as e:
        yield Failure(e.origin, e.reason)
    except OSError as e:
        yield Failure(origin, f"cannot be read ({e.strerror or e}); check the path and its permissions")
    except Exception as e:  # one odd file never stops the files after it
        yield Failure(origin, unreadable(e))


def unreadable(error: BaseException) -> str:
    """The reason given for an input that failed in a way no check foresaw."""
    return f"could not be read ({type(error).__name__}: {str(error)[:200]}); please report this input"


def _one_report(data: bytes, origin: str, kind: str, settings: Settings) -> Iterator[RawReport | Failure]:
    try:
        check_bytes(data, origin, settings.max_bytes)
        if kind == "text":
            decode_text(data, origin)
    except InputError as e:
        yield Failure(e.origin, e.reason)
        return
    yield RawReport(data=data, kind=kind, origin=origin)


def read_stdin(stream: BinaryIO, settings: Settings) -> Iterator[RawReport | Failure]:
    """Standard input: one report, or JSONL records when it holds JSON lines."""
    try:
        data = _read_limited(stream, STDIN_ORIGIN, settings.max_bytes)
    except InputError as e:
        yield Failure(e.origin, e.reason)
        return
    yield from read_bytes(data, STDIN_ORIGIN, None, settings)


def read_bytes(data: bytes, origin: str, kind: str | None, settings: Settings) -> Iterator[RawReport | Failure]:
    """Reports held in memory (standard input, an upload): one, or one per line of JSONL.

    ``kind`` is text, html or jsonl, or None to tell from the bytes. The same
    checks as for files apply, the size limit first.
    """
    try:
        check_size(len(data), origin, settings.max_bytes)
    except InputError as e:
        yield Failure(e.origin, e.reason)
        return
    kind = kind or sniff_kind(data)
    if kind == "jsonl":
        yield from _jsonl_reports(data.splitlines(), origin, settings.max_bytes)
    else:
        yield from _one_report(data, origin, kind, settings)


def read_upload(name: str, data: bytes, settings: Settings) -> Iterator[RawReport | Failure]:
    """A file sent from the browser: its kind from its ending (as in a folder), else from its bytes."""
    origin = f"upload:{Path(name).name or 'report'}"
    yield from read_bytes(data, origin, kind_of(Path(name), settings), settings)


def kind_of(path: Path, settings: Settings) -> str | None:
    return settings.suffixes.get(path.suffix.lower())


def _sniff_file(path: Path) -> str:
    try:
        with path.open("rb") as fh:
            return sniff_kind(fh.read(4096))
    except OSError:
        return "text"


@dataclass(frozen=True)
class Source:
    """One thing to read: a file (with the kind of reports it holds) or standard input."""

    path: Path | None
    origin: str
    kind: str
    size: int


def list_sources(paths: Iterable[str], settings: Settings) -> list[Source | Failure]:
    """What the given paths name, in order; folders are walked recursively and sorted.

    Inside folders only files with a known ending are read (others are passed
    over); a file named on the command line is read whatever its ending.
    """
    out: list[Source | Failure] = []
    for given in paths:
        if given == "-":
            out.append(Source(None, STDIN_ORIGIN, "auto", 0))
            continue
        path = Path(given)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")):
                kind = kind_of(child, settings)
                if kind is not None:
                    out.append(Source(child, str(child), kind, child.stat().st_size))
        elif path.is_file():
            kind = kind_of(path, settings) or _sniff_file(path)
            out.append(Source(path, given, kind, path.stat().st_size))
        elif path.exists():
            out.append(Failure(given, "not a regular file or folder; give report files or folders of them"))
        else:
            out.append(Failure(given, "no such file or folder; check the path"))
    return out


def read_source(source: Source, settings: Settings, stdin: BinaryIO | None = None) -> Iterator[RawReport | Failure]:
    """The reports one source holds."""
    if source.path is None:
        if stdin is None:
            yield Failure(STDIN_ORIGIN, "standard input is not available here")
        else:
            yield from read_stdin(stdin, settings)
        return
    yield from read_file(source.path, source.origin, source.kind, settings)


def iter_inputs(
    paths: Iterable[str], settings: Settings, stdin: BinaryIO | None = None
) -> Iterator[RawReport | Failure]:
    """Every report under the given paths, in order, with a Failure for each input that cannot be read."""
    for item in list_sources(paths, settings):
        if isinstance(item, Failure):
            yield item
        else:
            yield from read_source(item, settings, stdin)
