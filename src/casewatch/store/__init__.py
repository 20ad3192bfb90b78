"""The store: every SQL statement casewatch runs goes through this package, values always bound."""
from .core import (
    STATUS_ERROR,
    STATUS_NO_TEXT,
    STATUS_OK,
    Store,
    StoredDocument,
    document_id,
    now_iso,
    open_store,
    sha256_hex,
)

__all__ = [
    "STATUS_ERROR",
    "STATUS_NO_TEXT",
    "STATUS_OK",
    "Store",
    "StoredDocument",
    "document_id",
    "now_iso",
    "open_store",
    "sha256_hex",
]
