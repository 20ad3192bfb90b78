"""The web workplace: server-rendered pages and a REST API over the store (``casewatch serve``)."""
from .app import create_app

__all__ = ["create_app"]
