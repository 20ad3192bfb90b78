"""The bundled example reports come back as their manifest says: titles, dates, kept and dropped lines."""
from __future__ import annotations

import re
from pathlib import Path

import pytest


def norm(s: str | None) -> str:
    s = (s or "").replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    s = s.replace("\u2014", "-").replace("\u2013", "-")
    return re.sub(r"\s+", " ", s).strip().lower()


@pytest.fixture(scope="module")
def by_name(example_cli) -> dict[str, dict]:
    out = {}
    for d in example_cli.json("documents"):
        origin = d["origin"]
        if origin.startswith("http"):
            continue
        out[Path(origin.split("#")[0]).name + ("#" + origin.split("#")[1] if "#" in origin else "")] = d
    return out


@pytest.fixture(scope="module")
def docs(example_cli) -> dict[str, dict]:
    return {d["id"]: example_cli.json("document", d["id"]) for d in example_cli.json("documents")}


def find(manifest_key: str, listing: list[dict], docs: dict[str, dict], manifest: dict) -> dict:
    entry = manifest[manifest_key] if manifest_key in manifest else manifest["reports"][manifest_key]
    url = entry.get("url")
    for d in listing:
        name = Path(d["origin"].split("#")[0]).name
        suffix = "#" + d["origin"].split("#")[1] if "#" in d["origin"] else ""
        if name + suffix == manifest_key or (url and d["origin"] == url):
            return docs[d["id"]]
    raise AssertionError(f"{manifest_key} not ingested")


def entries(manifest: dict) -> dict[str, dict]:
    return manifest.get("reports", manifest)


def test_every_example_is_ingested_and_ok(example_cli, manifest) -> None:
    listing = example_cli.json("documents")
    assert len(listing) == len(entries(manifest))
    assert {d["status"] for d in listing} == {"ok"}
    assert {d["language"] for d in listing} == {"en"}


def test_titles_and_publication_dates(example_cli, manifest, docs) -> None:
    listing = example_cli.json("documents")
    for key, entry in entries(manifest).items():
        doc = find(key, listing, docs, entries(manifest))
        if entry.get("title"):
            assert norm(doc["title"]) == norm(entry["title"]), key
        pub = entry.get("published")
        got = doc["published"]
        if pub:
            assert got is not None and got["start"] == pub == got["end"], key


def test_kept_and_dropped_lines(example_cli, manifest, docs) -> None:
    listing = example_cli.json("documents")
    for key, entry in entries(manifest).items():
        text = norm(find(key, listing, docs, entries(manifest))["text"])
        for keep in entry.get("must_keep", []):
            assert norm(keep) in text, (key, keep)
        for drop in entry.get("must_drop", []) + entry.get("must_not_contain", []):
            assert norm(drop) not in text, (key, drop)


def test_planted_dates_resolve(example_cli, manifest, docs) -> None:
    listing = example_cli.json("documents")
    for key, entry in entries(manifest).items():
        doc = find(key, listing, docs, entries(manifest))
        for want in entry.get("dates", []):
            found = [m for m in doc["dates"] if norm(m["text"]) == norm(want["text"])]
            assert any((m["start"], m["end"]) == (want["start"], want["end"]) for m in found), (key, want, found)


def test_every_date_span_is_the_text_it_names(docs) -> None:
    n = 0
    for doc in docs.values():
        for m in doc["dates"]:
            start, end = m["span"]
            assert doc["text"][start:end] == m["text"]
            n += 1
    assert n > 30
