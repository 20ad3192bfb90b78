"""The changes command: what changed in case files, newest first."""
from __future__ import annotations
