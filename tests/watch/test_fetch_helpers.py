"""The fetcher's pure parts: headers read, backoff computed, bodies decompressed within limits."""
from __future__ import annotations

import gzip
import zlib
from datetime import UTC, datetime

import pytest

from casewatch.errors import FetchError
from casewatch.watch.fetcher import (
    BodyLimit,
    BodyReader,
    backoff_delay,
    check_charset,
    http_reason,
    media_verdict,
    parse_content_type,
    parse_retry_after,
    sniff_ok,
    user_agent,
)
from watch.http_site import gzip_bomb

NOW = datetime(2026, 12, 4, 12, 0, 0, tzinfo=UTC)


@pytest.mark.parametrize(("value", "expected"), [
    (None, None), ("", None), ("  ", None), ("120", 120.0), (" 0 ", 0.0),
    ("Fri, 04 Dec 2026 12:01:30 GMT", 90.0),
    ("Fri, 04 Dec 2026 11:00:00 GMT", 0.0),  # in the past
    ("Friday, 04-Dec-26 12:00:10 GMT", 10.0),  # RFC 850
    ("soon", None), ("-5", None), ("1.5", None),
])
def test_parse_retry_after(value: str | None, expected: float | None) -> None:
    assert parse_retry_after(value, NOW) == expected


@pytest.mark.parametrize(("value", "expected"), [
    (None, (None, None)), ("", (None, None)),
    ("text/html", ("text/html", None)),
    ("Text/HTML; Charset=UTF-8", ("text/html", "utf-8")),
    ('application/rss+xml; charset="ISO-8859-1"', ("application/rss+xml", "iso-8859-1")),
    ("text/html; boundary=x; charset = windows-1256 ", ("text/html", "windows-1256")),
    ("text/html; charset=", ("text/html", None)),
    ("; charset=utf-8", (None, "utf-8")),
])
def test_parse_content_type(value: str | None, expected: tuple) -> None:
    assert parse_content_type(value) == expected


def test_backoff_grows_and_is_capped() -> None:
    top = [backoff_delay(n, 1.0, 10.0, rng=lambda: 0.999999) for n in range(6)]
    assert top == pytest.approx([1, 2, 4, 8, 10, 10], rel=1e-5)
    assert [backoff_delay(n, 1.0, 10.0, rng=lambda: 0.0) for n in range(3)] == [0.0, 0.0, 0.0]
    assert backoff_delay(2, 0.5, 100.0, rng=lambda: 0.25) == 0.5


def test_user_agent() -> None:
    assert user_agent(" mailto:a@example.org ").endswith("(+mailto:a@example.org)")
    assert user_agent("").endswith("(contact not set)") and user_agent("").startswith("casewatch/")


@pytest.mark.parametrize(("media", "accept", "expected"), [
    ("text/html", "page", "ok"), ("text/html", "feed", "no"), ("text/html", "any", "ok"),
    ("application/atom+xml", "feed", "ok"), ("application/atom+xml", "page", "no"),
    ("text/plain", "feed", "sniff"), ("text/plain", "any", "sniff"), ("text/plain", "page", "no"),
    (None, "page", "sniff"), (None, "feed", "sniff"), ("image/png", "any", "no"),
])
def test_media_verdict(media: str | None, accept: str, expected: str) -> None:
    assert media_verdict(media, accept) == expected


def test_sniff_ok() -> None:
    assert sniff_ok("text/plain", "feed", b"<?xml version='1.0'?><rss/>")
    assert not sniff_ok("text/plain", "any", b"<html><body/></html>")  # text/plain is never a page
    assert sniff_ok(None, "page", b"<!doctype html><html>") and not sniff_ok(None, "feed", b"<!doctype html><html>")


def test_check_charset() -> None:
    assert check_charset(b"abc", None) is None
    assert check_charset("é".encode(), "utf-8") is None
    assert "does not know" in check_charset(b"abc", "x-nothing")
    assert "does not know" in check_charset(b"abc", "base64")  # a codec, but not a text encoding
    assert "byte 1" in check_charset(b"a\xe9b", "utf-8")


def test_http_reason() -> None:
    assert "gone" in http_reason(404, 1) and "gone" in http_reason(410, 1)
    assert "3 tries" in http_reason(500, 3) and "slow down" in http_reason(429, 2)


def read(body_parts: list[bytes], encoding: str | None, max_bytes: int = 100_000, ratio: float = 100,
         ratio_from: int = 10_000) -> bytes:
    reader = BodyReader(encoding, max_bytes=max_bytes, max_ratio=ratio, ratio_from=ratio_from)
    for part in body_parts:
        reader.feed(part)
    return reader.finish()


def pieces(data: bytes, size: int = 7) -> list[bytes]:
    return [data[i:i + size] for i in range(0, len(data), size)]


TEXT = ("Ilse Marangoni was seen at the court in Tarvin on Tuesday. " * 40).encode()


@pytest.mark.parametrize("encoding", [None, "identity", "gzip", "x-gzip", "GZIP", "deflate", "identity, gzip"])
def test_body_reader_decodes(encoding: str | None) -> None:
    if encoding and "gzip" in encoding.lower():
        data = gzip.compress(TEXT)
    elif encoding == "deflate":
        data = zlib.compress(TEXT)
    else:
        data = TEXT
    assert read(pieces(data), encoding) == TEXT
    assert read([data], encoding) == TEXT


def test_body_reader_raw_deflate_and_gzip_members() -> None:
    raw = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    assert read(pieces(raw.compress(TEXT) + raw.flush()), "deflate") == TEXT
    assert read(pieces(gzip.compress(b"first ") + gzip.compress(b"second")), "gzip") == b"first second"
    assert read([], "gzip") == b"" and read([], None) == b""


def test_body_reader_raw_cap() -> None:
    with pytest.raises(BodyLimit) as caught:
        read([b"x" * 60_000, b"x" * 60_000], None)
    assert caught.value.kind == "too_large"


def test_body_reader_decompressed_cap_without_a_bomb_ratio() -> None:
    import os

    noisy = os.urandom(30_000).hex().encode()  # 60 kB that compresses about 2:1
    with pytest.raises(BodyLimit) as caught:
        read(pieces(gzip.compress(noisy * 2), 4096), "gzip", max_bytes=100_000)
    assert caught.value.kind == "too_large" and "decompressed" in caught.value.detail


def test_body_reader_bomb() -> None:
    with pytest.raises(BodyLimit) as caught:
        read(pieces(gzip_bomb(50_000_000), 65536), "gzip", max_bytes=10_000_000)
    assert caught.value.kind == "bomb"


def test_body_reader_ratio_below_the_cap() -> None:
    bomb = gzip_bomb(200_000)  # 200 kB of zeros, well below the cap, but 1000:1
    with pytest.raises(BodyLimit) as caught:
        read([bomb], "gzip", max_bytes=10_000_000, ratio=100, ratio_from=50_000)
    assert caught.value.kind == "bomb"
    assert len(read([bomb], "gzip", max_bytes=10_000_000, ratio=100, ratio_from=1_000_000)) == 200_000


def test_body_reader_broken_and_cut_short() -> None:
    with pytest.raises(BodyLimit) as caught:
        read([b"\x1f\x8b not really gzip"], "gzip")
    assert caught.value.kind == "network"
    with pytest.raises(BodyLimit, match="cut short"):
        read([gzip.compress(TEXT)[:-20]], "gzip")


@pytest.mark.parametrize("encoding", ["br", "zstd", "compress", "gzip, gzip", "gzip, br"])
def test_body_reader_refuses_encodings_it_cannot_bound(encoding: str) -> None:
    with pytest.raises(BodyLimit) as caught:
        BodyReader(encoding, max_bytes=10, max_ratio=10)
    assert caught.value.kind == "content_type"


def test_fetch_error_kinds() -> None:
    error = FetchError("https://a.example/x", "http", "the page is gone (HTTP 404)", status=404)
    assert (error.url, error.kind, error.status, error.retry_after) == ("https://a.example/x", "http", 404, None)
    assert str(error) == "https://a.example/x: the page is gone (HTTP 404)"
    with pytest.raises(ValueError):
        FetchError("https://a.example/x", "sad", "no")


def test_fetch_settings_come_from_the_settings_file(tmp_path) -> None:
    from casewatch.settings import load_settings

    path = tmp_path / "casewatch.toml"
    path.write_text('robots_lifetime = 60\nfetch_ratio_from = 5000\nfetch_total_timeout = 9.5\n'
                    'contact = "mailto:desk@example.org"\n', encoding="utf-8")
    settings = load_settings(path)
    assert (settings.robots_lifetime, settings.fetch_ratio_from, settings.fetch_total_timeout) == (60, 5000, 9.5)
    assert user_agent(settings.contact).endswith("(+mailto:desk@example.org)")
