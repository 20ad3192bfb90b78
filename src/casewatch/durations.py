"""Lengths of time as people type them: ``90s``, ``30m``, ``2h``, ``1d``, ``1w`` (or plain seconds)."""
from __future__ import annotations

import re

from .errors import InvalidValueError

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhdw]?)\s*$", re.I)
FORMS = "a number with s, m, h, d or w (90s, 30m, 2h, 1d, 1w)"


def parse_duration(text: str, what: str = "a length of time") -> float:
    """Seconds in ``text``; an unreadable or zero length is one line saying the forms accepted."""
    m = _DURATION.match(text or "")
    if not m or float(m.group(1)) <= 0:
        raise InvalidValueError(f"{what} {text!r} is not understood; write {FORMS}")
    return float(m.group(1)) * _UNITS[(m.group(2) or "s").lower()]


def say_duration(seconds: float) -> str:
    """The shortest of the forms :func:`parse_duration` reads that says ``seconds`` exactly."""
    for unit in ("w", "d", "h", "m"):
        if seconds >= _UNITS[unit] and seconds % _UNITS[unit] == 0:
            return f"{int(seconds // _UNITS[unit])}{unit}"
    return f"{seconds:g}s"
