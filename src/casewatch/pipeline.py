"""The per-report stages: decode, clean, metadata, language, dates, extraction and a text signature.

``process_report`` (the document layer) and ``process_reports`` (all per-report
stages over a batch, the model loaded once per process) are pure functions of
the raw reports, so batches run in any :mod:`casewatch.runner` and a rebuild
gives the same result.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import json

from .acquire import decode_text, parse_record, safe_text
from .budget import time_budget
from .clean import clean_html, clean_text, detect_language
from .clean.site import site_domain
from .dates import find_dates, parse_published
from .errors import CasewatchError, InputError
from .models import Article, Cleaned, DateMention, Extraction, Outcome, RawReport

EXTRACT_LANGUAGES = ("en",)
"""Languages the extract stage reads; other reports keep their document layer only."""

EXTRACT_MAX_CHARS = 200_000
"""Longest clean text the extract stage reads (some 35,000 words, far past any news report); a longer one
keeps its document layer and is listed as failed, so that its cost and memory stay bounded."""




def _published_from_iso(day: dt.date) -> DateMention:
    return DateMention(text=day.isoformat(), first=day, last=day, precision="day")


def _safe(value: object) -> str | None:
    """A metadata string stored as :func:`acquire.safe_text` makes it (None stays None)."""
    return safe_text(value) if isinstance(value, str) else None


def web_address(origin: str) -> str | None:
    """The page's address when the report was fetched from the web (its origin is then the URL)."""
    return origin if origin.startswith(("http://", "https://")) else None


def found_with(raw: RawReport) -> dict[str, object]:
    """What the feed a report was found in says of it (title, publication day), for where the page is silent."""
    if not raw.meta:
        return {}
    try:
        meta = json.loads(raw.meta)
    except ValueError:
        return {}
    if not isinstance(meta, dict):
        return {}
    out: dict[str, object] = {}
    if isinstance(meta.get("title"), str) and meta["title"].strip():
        out["title"] = meta["title"].strip()
    if isinstance(meta.get("published"), str):
        with contextlib.suppress(ValueError):
            out["published"] = dt.date.fromisoformat(meta["published"][:10])
    return out


def clean_report(raw: RawReport) -> tuple[Cleaned, dict[str, object]]:
    """Clean the report and return what its container says about it (JSONL fields)."""
    if raw.kind == "html":
        return clean_html(raw.data, web_address(raw.origin)), {}
    if raw.kind == "text":
        return clean_text(decode_text(raw.data, raw.origin)), {}
    if raw.kind == "jsonl":
        rec = parse_record(raw.data, raw.origin)
        if rec.html and rec.html.strip():
            cleaned = clean_html(rec.html.encode("utf-8"), rec.url)
        else:
            cleaned = clean_text(rec.text or "")
        given = {"title": rec.title, "outlet": rec.outlet, "url": rec.url, "published": rec.published,
                 "external_id": rec.id}
        return cleaned, {k: v for k, v in given.items() if v is not None}
    raise InputError(raw.origin, f"unknown kind of report {raw.kind!r}")


def build_article(raw: RawReport) -> Article:
    cleaned, given = clean_report(raw)
    fallback = found_with(raw)
    published_day = given.get("published")
    if isinstance(published_day, dt.date):
        published: DateMention | None = _published_from_iso(published_day)
    else:
        published = parse_published(cleaned.date_text) if cleaned.date_text else None
    if published is None and isinstance(fallback.get("published"), dt.date):
        published = _published_from_iso(fallback["published"])  # type: ignore[arg-type]
    url = _safe(given.get("url") or cleaned.url)
    text = safe_text(cleaned.text)
    return Article(
        text=text,
        title=_safe(given.get("title") or cleaned.title or fallback.get("title")),
        author=_safe(cleaned.author),
        outlet=_safe(given.get("outlet") or cleaned.outlet or site_domain(url)),  # type: ignore[arg-type]
        url=url,
        published=published,
        language=detect_language(text),
        dates=find_dates(text, published.first if published else None),
        external_id=given.get("external_id"),  # type: ignore[arg-type]
    )


def process_report(raw: RawReport) -> Outcome:
    """One report through the document layer; never raises, so one bad report never stops a batch."""
    try:
        with time_budget(raw.origin):
            return Outcome(build_article(raw))
    except InputError as e:
        return Outcome(None, e.reason)
    except CasewatchError as e:
        return Outcome(None, str(e))
    except Exception as e:  # a stage failing on odd input must not stop the batch
        return Outcome(None, f"could not be processed ({type(e).__name__}: {e}); please report this input")


def _extract_all(articles: list[Article]) -> list[Extraction | str]:
    """Extractions for a batch, or an error message for a report the extract stage failed on."""
    from .extract import extract, extract_many

    items = [(a.text, a.dates) for a in articles]
    try:
        return list(extract_many(items))
    except Exception:  # find the report that failed; the others still get their extraction
        out: list[Extraction | str] = []
        for text, dates in items:
            try:
                out.append(extract(text, dates))
            except Exception as e:
                out.append(f"extraction failed ({type(e).__name__}: {e}); please report this input")
        return out


def process_reports(raws: list[RawReport]) -> list[Outcome]:
    """Every per-report stage over a batch: the document layer, then extraction and the text signature."""
    from .syndication import signature

    outcomes = [process_report(r) for r in raws]
    too_long = {i for i, o in enumerate(outcomes) if o.article is not None and len(o.article.text) > EXTRACT_MAX_CHARS}
    todo = [i for i, o in enumerate(outcomes) if i not in too_long
            and o.article is not None and o.article.text.strip() and o.article.language in EXTRACT_LANGUAGES]
    results = _extract_all([outcomes[i].article for i in todo])  # type: ignore[misc]
    extracted = dict(zip(todo, results, strict=True))
    final = []
    for i, o in enumerate(outcomes):
        if o.article is None:
            final.append(o)
            continue
        got = extracted.get(i, Extraction())
        if i in too_long:
            got = (f"too long to read for people and events ({len(o.article.text):,} characters of text, the limit "
                   f"is {EXTRACT_MAX_CHARS:,}); its text is stored: split it into its separate reports")
        sig = signature(o.article.text) if o.article.text.strip() else None
        if isinstance(got, str):  # the document layer stands; the report is listed as failed
            final.append(Outcome(o.article, got, None, sig))
            continue
        final.append(Outcome(o.article, None, got, sig))
    return final
