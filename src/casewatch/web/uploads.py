"""Reports added from the browser or the API: files or pasted text, through the CLI's ingest and limits.

Each upload is read with the same checks as a file on disk (size limit, binary
and encoding checks, JSONL line by line), then ingested in this process, one
upload at a time; a bad file is reported by name and never stops the others.
"""
from __future__ import annotations

import threading

from fastapi import Request
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile

from ..acquire import Failure, read_bytes, read_upload
from ..errors import InvalidValueError
from ..ingest import ingest
from ..models import RawReport
from ..runner import SerialRunner
from ..settings import Settings
from .auth import Caller, store_of

MAX_FILES = 200
_lock = threading.Lock()


class UploadResult(BaseModel):
    new: list[str]
    unchanged: list[str]
    failed: list[dict[str, str]]


async def _read(form: FormData, settings: Settings) -> list[RawReport | Failure]:
    items: list[RawReport | Failure] = []
    uploads = [f for f in form.getlist("files") if isinstance(f, UploadFile) and f.filename]
    if len(uploads) > MAX_FILES:
        raise InvalidValueError(f"{len(uploads)} files in one upload; send at most {MAX_FILES} at a time")
    for upload in uploads:
        data = await upload.read(settings.max_bytes + 1)
        items.extend(read_upload(upload.filename or "report", data, settings))
    pasted = str(form.get("text") or "")
    if pasted.strip():
        items.extend(read_bytes(pasted.replace("\r\n", "\n").encode("utf-8"), "upload:pasted text", "text",
                                settings))
    if not items:
        raise InvalidValueError("nothing to add: choose report files (.txt, .html, .jsonl) or paste a report's text")
    return items


def _ingest(request: Request, items: list[RawReport | Failure], caller: Caller) -> UploadResult:
    settings: Settings = request.app.state.settings
    with _lock:
        summary = ingest(store_of(request), iter(items), SerialRunner(), settings.batch_size,
                         actor=caller.user.name)
    return UploadResult(new=summary.new, unchanged=summary.unchanged,
                        failed=[{"input": f.input, "reason": f.reason} for f in summary.failed])


async def ingest_uploads(request: Request, form: FormData, caller: Caller) -> UploadResult:
    items = await _read(form, request.app.state.settings)
    return await run_in_threadpool(_ingest, request, items, caller)


def result_lines(result: UploadResult) -> list[str]:
    """What the upload page says about each outcome."""
    out = [f"{len(result.new)} new, {len(result.unchanged)} already stored, {len(result.failed)} failed"]
    out.extend(f"{f['input']}: {f['reason']}" for f in result.failed)
    return out
