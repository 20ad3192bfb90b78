"""Hostile inputs (the shapes that once stopped or stalled an ingest) and a few good invented reports."""
from __future__ import annotations

import codecs
import json
from pathlib import Path

GOOD_REPORTS = {
    "good-weaver.txt": "Weaver detained in Pellmoor\n\nMonitors said on Friday that Tobin Aster, a weaver, "
                       "was detained in Pellmoor on 3 March 2026.\n\nHis sister said he was taken to the "
                       "district jail the next day.\n",
    "good-baker.txt": "Baker sentenced in Varn\n\nA court in Varn sentenced the baker Ilse Moravec to four "
                      "years in prison on Tuesday, her lawyer said.\n\nShe denies the charges.\n",
}
GOOD_PAGE = ("<!DOCTYPE html><html><head><title>Singer freed | Lowmarsh Herald</title></head><body><article>"
             "<h1>Singer freed on bail</h1><p>The singer Dara Quill was freed on bail on 9 February 2026 after "
             "two weeks in custody, her family said on Monday.</p><p>She had been arrested at a concert in "
             "Lowmarsh, a friend said.</p></article></body></html>")
GOOD_RECORD = {"text": "A journalist, Emil Strand, was arrested in Korvik on Sunday, his editor said.",
               "url": "https://hostile.example/good-1", "title": "Journalist arrested"}


def hostile_jsonl_lines() -> list[str]:
    """A 5,000-digit number, a 10,000-deep nested array and a lone surrogate, each on its own line."""
    return [
        '{"text": "A number.", "count": ' + "9" * 5000 + "}",
        '{"text": "Deep.", "x": ' + "[" * 10_000 + "]" * 10_000 + "}",
        '{"text": "Lone \\ud800 surrogate: Mara Voss was detained in Elt on Monday, her brother said."}',
    ]


def many_attributes_page(tags: int = 2000, attrs: int = 200) -> str:
    one = "<span " + " ".join(f'data-a{i}="v{i}"' for i in range(attrs)) + ">x</span>"
    return "<html><body><article><p>Many attributes.</p>" + one * tags + "</article></body></html>"


def nested_divs(depth: int = 50_000) -> str:
    return ("<html><body>" + "<div>" * depth + "<p>Deep inside, the poet Ansel Rook was held in Darrow on "
            "Friday, his wife said.</p>" + "</div>" * depth + "</body></html>")


DOCTYPE_SUBSET_PAGE = ('<!DOCTYPE html [ <!ENTITY a "aaaaaaaaaa"> <!ENTITY b "&a;&a;&a;&a;"> ]>'
                       "<html><body><article><p>The printer Hale Oduya was detained in Strenn on Monday, "
                       "a colleague said. &b;</p></article></body></html>")

UTF32_TEXT = "Carver held in Ovel\n\nThe carver Nils Haber was held in Ovel on Monday, his son said.\n"


def write_hostile(folder: Path) -> tuple[Path, int]:
    """Write the hostile batch and the good reports; returns the folder and how many good reports it holds."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = [*hostile_jsonl_lines(), json.dumps(GOOD_RECORD)]
    (folder / "reports.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "short-lines.txt").write_text("a\n" * 100_000, encoding="utf-8")
    (folder / "nested.html").write_text(nested_divs(), encoding="utf-8")
    (folder / "attributes.html").write_text(many_attributes_page(), encoding="utf-8")
    (folder / "doctype.html").write_text(DOCTYPE_SUBSET_PAGE, encoding="utf-8")
    (folder / "utf32.txt").write_bytes(codecs.BOM_UTF32_LE + UTF32_TEXT.encode("utf-32-le"))
    for name, text in GOOD_REPORTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "good-singer.html").write_text(GOOD_PAGE, encoding="utf-8")
    return folder, len(GOOD_REPORTS) + 2


def one_mb_shapes(size: int = 1_000_000) -> dict[str, tuple[str, bytes]]:
    """Reports of about ``size`` bytes in four shapes: name -> (kind, bytes)."""
    sentence = "The tailor Orrin Vale was detained in Mossby on Monday, his cousin said. "
    shapes = {
        "repeated-sentence": ("text", sentence * (size // len(sentence))),
        "one-line": ("text", ("word " * (size // 5)).strip() + "\n"),
        "short-lines": ("text", "a\n" * (size // 2)),
        "nested-tags": ("html", "<html><body>" + "<div><p>x</p>" * (size // 13) + "</body></html>"),
    }
    return {name: (kind, text.encode("utf-8")) for name, (kind, text) in shapes.items()}
