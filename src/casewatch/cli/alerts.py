"""Following and alerts: follow, following, unfollow, alerts."""
from __future__ import annotations
