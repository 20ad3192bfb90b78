"""Importing this module loads the model: a process pool's server imports it once, so every worker
forked from it starts with the model in memory (shared, not loaded again)."""
from __future__ import annotations

from .nlp import get_nlp

get_nlp()
