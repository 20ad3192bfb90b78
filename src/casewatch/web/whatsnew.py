"""The What's new page and the API over change records; each case page's history of changes."""
from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
