"""Reading inputs: every bad input gets one reason that names it and says what to do."""
from __future__ import annotations

import codecs
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from casewatch.acquire import (
    Failure,
    check_bytes,
    decode_text,
    iter_inputs,
    list_sources,
    parse_record,
    read_bytes,
    safe_text,
    sniff_kind,
)
from casewatch.errors import InputError
from casewatch.models import RawReport
from casewatch.settings import Settings


def reasons(items) -> dict[str, str]:
    return {i.input: i.reason for i in items if isinstance(i, Failure)}


def reports(items) -> list[RawReport]:
    return [i for i in items if isinstance(i, RawReport)]


@pytest.mark.parametrize(("data", "words"), [
    (b"", "empty"),
    (b"   \n\t\n", "empty"),
    (b"%PDF-1.7 ...", "PDF"),
    (b"\x89PNG\r\n\x1a\n....", "PNG"),
    (b"PK\x03\x04 docx", "ZIP"),
    (b"abc\x00def", "NUL"),
])
def test_check_bytes_refuses_empty_and_binary(data: bytes, words: str) -> None:
    with pytest.raises(InputError) as e:
        check_bytes(data, "in.txt", 1000)
    assert words in str(e.value)
    assert str(e.value).startswith("in.txt: ")


def test_check_bytes_refuses_too_large_and_says_how_to_raise_the_limit() -> None:
    with pytest.raises(InputError, match=r"too large.*--max-size"):
        check_bytes(b"x" * 101, "big.txt", 100)


def test_utf16_with_bom_is_text_not_binary() -> None:
    data = "Report from Varesh".encode("utf-16")
    check_bytes(data, "u16.txt", 1000)
    assert decode_text(data, "u16.txt") == "Report from Varesh"


def test_invalid_utf8_names_the_byte_and_the_fix() -> None:
    with pytest.raises(InputError, match=r"not valid UTF-8 \(byte 0xe9 at offset 4\).*iconv"):
        decode_text(b"caf\x20\xe9 noir", "latin1.txt")


def test_utf8_bom_is_dropped() -> None:
    assert decode_text(b"\xef\xbb\xbfHello", "bom.txt") == "Hello"


def test_parse_record_reads_the_fields() -> None:
    rec = parse_record(json.dumps({
        "text": "A teacher was detained.", "url": "https://news.example/a", "title": "T",
        "outlet": "News Example", "published": "2026-02-03", "id": 17,
    }).encode(), "f.jsonl#1")
    assert rec.text == "A teacher was detained."
    assert rec.published == dt.date(2026, 2, 3)
    assert rec.id == "17"
    assert rec.outlet == "News Example"


@pytest.mark.parametrize(("published", "day"), [
    ("2026-02-03T23:40:00-08:00", "2026-02-03"),
    ("3 February 2026", "2026-02-03"),
    ("February 3, 2026 5:42 PM GMT+2", "2026-02-03"),
])
def test_a_record_published_as_a_page_writes_it(published: str, day: str) -> None:
    rec = parse_record(json.dumps({"text": "A teacher was detained.", "published": published}).encode(), "f#1")
    assert rec.published == dt.date.fromisoformat(day)


@pytest.mark.parametrize(("line", "words"), [
    (b'{"text": "unterminated', "broken JSON line"),
    (b'["text"]', "must be a JSON object"),
    (b'{"title": "no body"}', "no 'text' or 'html'"),
    (b'{"text": "  "}', "no 'text' or 'html'"),
    (b'{"text": 5}', "'text' must be a string"),
    (b'{"text": "x", "published": "3 Feb"}', "not a full date"),
    (b'{"text": "x", "published": "yesterday"}', "not a full date"),
])
def test_parse_record_refuses_bad_lines(line: bytes, words: str) -> None:
    with pytest.raises(InputError) as e:
        parse_record(line, "f.jsonl#4")
    assert words in e.value.reason
    assert e.value.origin == "f.jsonl#4"


def test_jsonl_origin_is_url_else_path_and_line_number(tmp_path: Path) -> None:
    f = tmp_path / "wire.jsonl"
    f.write_text(
        json.dumps({"text": "first", "url": "https://a.example/1"}) + "\n"
        + "\n"
        + json.dumps({"text": "second"}) + "\n"
        + "{broken\n"
        + json.dumps({"html": "<p>third</p>"}) + "\n",
        encoding="utf-8",
    )
    items = list(iter_inputs([str(f)], Settings()))
    assert [r.origin for r in reports(items)] == ["https://a.example/1", f"{f}#3", f"{f}#5"]
    assert all(r.kind == "jsonl" for r in reports(items))
    assert list(reasons(items)) == [f"{f}#4"]


def test_folders_are_walked_recursively_in_order_and_other_files_passed_over(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.html").write_text("<html><body><p>Two</p></body></html>")
    (tmp_path / "a.txt").write_text("One")
    (tmp_path / "notes.md").write_text("not a report")
    (tmp_path / ".hidden.txt").write_text("hidden")
    sources = list_sources([str(tmp_path)], Settings())
    assert [(Path(s.origin).name, s.kind) for s in sources] == [("a.txt", "text"), ("two.html", "html")]


def test_a_named_file_with_another_ending_is_sniffed(tmp_path: Path) -> None:
    f = tmp_path / "page.download"
    f.write_text("<!DOCTYPE html><html><body><p>Hi</p></body></html>")
    (src,) = list_sources([str(f)], Settings())
    assert src.kind == "html"


def test_missing_path_fails_and_the_rest_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("A lawyer was arrested in Varesh.")
    items = list(iter_inputs([str(tmp_path / "nope.txt"), str(good)], Settings()))
    assert reasons(items) == {str(tmp_path / "nope.txt"): "no such file or folder; check the path"}
    assert [r.origin for r in reports(items)] == [str(good)]


def test_oversized_file_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * 300)
    items = list(iter_inputs([str(big)], Settings(max_bytes=1000)))
    assert "too large" in reasons(items)[str(big)]


def test_stdin_text_and_jsonl() -> None:
    (one,) = iter_inputs(["-"], Settings(), stdin=io.BytesIO(b"A plain report."))
    assert isinstance(one, RawReport) and one.kind == "text" and one.origin == "<stdin>"
    items = list(iter_inputs(["-"], Settings(), stdin=io.BytesIO(b'{"text": "a"}\n{"text": "b"}\n')))
    assert [r.origin for r in reports(items)] == ["<stdin>#1", "<stdin>#2"]


@pytest.mark.parametrize(("data", "kind"), [
    (b"<!DOCTYPE html><html></html>", "html"),
    (b"  <html lang='en'>", "html"),
    (b'{"text": "x"}\n', "jsonl"),
    (b"{curly but not json", "text"),
    (b"Plain words.", "text"),
])
def test_sniff_kind(data: bytes, kind: str) -> None:
    assert sniff_kind(data) == kind


@pytest.mark.parametrize(("line", "words"), [
    (b'{"text": "x", "n": ' + b"7" * 500 + b"}", "500 digits"),
    (b'{"text": "x", "n": ' + b"[" * 400 + b"]" * 400 + b"}", "nested 401 levels"),
    (b'{"text": "x", "n": NaN}', "NaN is not JSON"),
    (b'{"text": "x", "n": Infinity}', "Infinity is not JSON"),
])
def test_a_record_past_the_json_bounds_is_refused_with_its_line(line: bytes, words: str) -> None:
    with pytest.raises(InputError) as e:
        parse_record(line, "feed.jsonl#4")
    assert e.value.origin == "feed.jsonl#4" and words in e.value.reason
    assert "fix or remove that line" in e.value.reason


def test_brackets_inside_strings_are_not_nesting() -> None:
    rec = parse_record(b'{"text": "Pell said: [[[[ {{{{ ' + b"[" * 100 + b'"}', "a#1")
    assert rec.text is not None and rec.text.startswith("Pell said")


def test_lone_surrogates_and_control_characters_are_replaced_one_for_one() -> None:
    rec = parse_record(b'{"text": "Ada \\ud800 Voss\\u0007 was held.", "title": "T\\udfff"}', "a#1")
    assert rec.text == "Ada \ufffd Voss  was held." and rec.title == "T\ufffd"
    assert safe_text("tab\tand\nlines\r") == "tab\tand\nlines\r"
    assert len(safe_text("a\x00b\ud800")) == 4


@pytest.mark.parametrize("codec", ["utf-32-le", "utf-32-be", "utf-16-le", "utf-16-be"])
def test_wide_encodings_with_a_bom_are_read(codec: str) -> None:
    bom = {"utf-32-le": codecs.BOM_UTF32_LE, "utf-32-be": codecs.BOM_UTF32_BE,
           "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}[codec]
    data = bom + "Pell was held in Brill.".encode(codec)
    check_bytes(data, "wide.txt", 10_000)
    assert decode_text(data, "wide.txt") == "Pell was held in Brill."


def test_an_unforeseen_error_in_one_jsonl_line_fails_that_line_only(monkeypatch: pytest.MonkeyPatch) -> None:
    import casewatch.acquire as acquire

    real = acquire.parse_record

    def odd(data: bytes, origin: str):
        if b"boom" in data:
            raise RuntimeError("unexpected")
        return real(data, origin)

    monkeypatch.setattr(acquire, "parse_record", odd)
    items = list(read_bytes(b'{"text": "boom"}\n{"text": "Pell was held."}\n', "f.jsonl", "jsonl", Settings()))
    assert isinstance(items[0], Failure) and "RuntimeError" in items[0].reason and items[0].input == "f.jsonl#1"
    assert not isinstance(items[1], Failure)


def test_a_deep_first_line_is_sniffed_as_jsonl_and_refused_with_its_reason() -> None:
    line = b'{"text": ' + b"[" * 3000 + b"]" * 3000 + b"}"
    assert sniff_kind(line[:4000] + b"}") == "jsonl"
    (item,) = list(read_bytes(b'{"x": ' + b"[" * 1000 + b"]" * 1000 + b"}\n", "<stdin>", None, Settings()))
    assert isinstance(item, Failure) and "nested" in item.reason


def test_an_address_that_cannot_be_read_is_no_outlet() -> None:
    from casewatch.pipeline import process_report

    outcome = process_report(RawReport(b'{"text": "Talia Vorsk was held.", "url": "http://[::1"}', "jsonl", "f#1"))
    assert outcome.error is None and outcome.article is not None and outcome.article.outlet is None


def test_a_record_with_only_an_address_has_its_sites_domain_for_outlet() -> None:
    from casewatch.pipeline import process_report

    raw = b'{"text": "Talia Vorsk was held.", "url": "https://news.valley-post.co.uk/a/1"}'
    outcome = process_report(RawReport(raw, "jsonl", "f#1"))
    assert outcome.article is not None and outcome.article.outlet == "valley-post.co.uk"
    named = b'{"text": "Talia Vorsk was held.", "url": "https://news.valley-post.co.uk/a/1", "outlet": "Valley Post"}'
    assert process_report(RawReport(named, "jsonl", "f#2")).article.outlet == "Valley Post"
