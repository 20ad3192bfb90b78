"""The store: every SQL statement casewatch runs goes through this package, values always bound."""
from .core import (
    DOCUMENT_ORDERS,
    STATUS_ERROR,
    STATUS_NO_TEXT,
    STATUS_OK,
    DocumentFilters,
    Store,
    StoredDocument,
    document_id,
    now_iso,
    open_store,
    sha256_hex,
)
from .graph import CASE_ORDERS

__all__ = [
    "CASE_ORDERS",
    "DOCUMENT_ORDERS",
    "STATUS_ERROR",
    "STATUS_NO_TEXT",
    "STATUS_OK",
    "DocumentFilters",
    "Store",
    "StoredDocument",
    "document_id",
    "now_iso",
    "open_store",
    "sha256_hex",
]
