"""Following cases and the alerts sent."""
from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
