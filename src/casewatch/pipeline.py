"""The document layer for one report: decode, clean, metadata, language and dates.

``process_report`` is a pure function of the raw report, so batches of reports
run in any :mod:`casewatch.runner` and a rebuild gives the same result.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlsplit

from .acquire import decode_text, parse_record
from .clean import clean_html, clean_text, detect_language
from .dates import find_dates, parse_published
from .errors import CasewatchError, InputError
from .models import Article, Cleaned, DateMention, RawReport


@dataclass(frozen=True)
class Outcome:
    """What processing one report gave: an article, or the reason it failed."""

    article: Article | None
    error: str | None = None


def _outlet_from_url(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    host = host.removeprefix("www.")
    return host or None


def _published_from_iso(day: dt.date) -> DateMention:
    return DateMention(text=day.isoformat(), first=day, last=day, precision="day")


def clean_report(raw: RawReport) -> tuple[Cleaned, dict[str, object]]:
    """Clean the report and return what its container says about it (JSONL fields)."""
    if raw.kind == "html":
        return clean_html(raw.data, None), {}
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
    published_day = given.get("published")
    if isinstance(published_day, dt.date):
        published: DateMention | None = _published_from_iso(published_day)
    else:
        published = parse_published(cleaned.date_text) if cleaned.date_text else None
    url = given.get("url") or cleaned.url
    text = cleaned.text
    return Article(
        text=text,
        title=given.get("title") or cleaned.title,  # type: ignore[arg-type]
        author=cleaned.author,
        outlet=given.get("outlet") or cleaned.outlet or _outlet_from_url(url),  # type: ignore[arg-type]
        url=url,  # type: ignore[arg-type]
        published=published,
        language=detect_language(text),
        dates=find_dates(text, published.first if published else None),
        external_id=given.get("external_id"),  # type: ignore[arg-type]
    )


def process_report(raw: RawReport) -> Outcome:
    """One report through the document layer; never raises, so one bad report never stops a batch."""
    try:
        return Outcome(build_article(raw))
    except InputError as e:
        return Outcome(None, e.reason)
    except CasewatchError as e:
        return Outcome(None, str(e))
    except Exception as e:  # a stage failing on odd input must not stop the batch
        return Outcome(None, f"could not be processed ({type(e).__name__}: {e}); please report this input")
