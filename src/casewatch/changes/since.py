"""``--since`` and ``?since=``: a time back from now (``30m``, ``24h``, ``7d``), a day or an ISO time, as the
UTC time stamp the change records are compared with."""
from __future__ import annotations

import datetime as dt
import re

from ..errors import InvalidValueError

SINCE_PATTERN = (r"^(\d{1,5}[mhd]|\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])"
                 r"([T ]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)?)?)?$")
"""Every form accepted (empty: no limit); the web API declares it, so a request that fits is never refused."""

SINCE_FORMS = "30m, 24h, 7d (minutes, hours, days back), a day YYYY-MM-DD or a time YYYY-MM-DDTHH:MM[:SS][Z|+HH:MM]"
UNITS = {"m": "minutes", "h": "hours", "d": "days"}


def stamp(when: dt.datetime) -> str:
    """The form change records' ``at`` has (as ``store.core.now_iso`` writes it), so text order is time order."""
    return when.astimezone(dt.UTC).replace(microsecond=0).isoformat()


def parse_since(text: str, now: dt.datetime, strict: bool = True) -> str | None:
    """The UTC time stamp ``text`` means; None for empty text.

    ``strict`` refuses a day that does not exist (2026-02-30) with :class:`InvalidValueError`; otherwise (the
    web) such a day is compared as written, which orders it where it would fall."""
    text = text.strip()
    if not text:
        return None
    if not re.fullmatch(SINCE_PATTERN, text):
        raise InvalidValueError(f"since {text!r}: give {SINCE_FORMS}")
    if text[-1] in UNITS:
        return stamp(now - dt.timedelta(**{UNITS[text[-1]]: int(text[:-1])}))
    try:
        when = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        if strict:
            raise InvalidValueError(f"since {text!r}: no such day or time; give {SINCE_FORMS}") from None
        day, _, clock = text.replace(" ", "T").partition("T")
        clock = re.split(r"[Z+-]", clock)[0] if clock else "00:00"
        return f"{day}T{clock if len(clock) == 8 else clock + ':00'}+00:00"
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return stamp(when)
