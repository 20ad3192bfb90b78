"""Commands that watch the network: sources, fetch (one pass) and monitor (until stopped)."""
from __future__ import annotations
