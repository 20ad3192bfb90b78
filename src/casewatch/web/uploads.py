"""Reports added from the browser or the API: files or pasted text, stored at once, processed in the background.

An upload is read as it arrives, within the limits in :class:`~casewatch.settings.Settings`: the request's
size (``max_request_bytes``, checked against Content-Length and again while reading), the number of
files (``max_upload_files``) and each file's or pasted text's size (``max_bytes``, the CLI's limit too).
Over any of them the request is refused with 413 before it is held whole. Each input then gets the same
checks as a file on disk (binary, encoding, JSONL line by line); a bad one fails alone with its one-line
reason, the others are stored as raw reports (:func:`casewatch.ingest.store_raw`) and the request is
answered at once. One background worker per app processes what is stored
(:func:`casewatch.ingest.finish_pending`, one runner), so the server keeps answering meanwhile, and an
upload's page or ``GET /api/uploads/ID`` tells how far it has got.
"""
from __future__ import annotations

import logging
import secrets
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

from fastapi import Request
from pydantic import BaseModel, Field
from python_multipart.exceptions import FormParserError
from python_multipart.multipart import MultipartParser, parse_options_header

from ..acquire import Failure, read_bytes, read_upload
from ..errors import ForbiddenError, InvalidValueError, TooLargeError
from ..ingest import finish_pending, store_raw
from ..models import RawReport
from ..runner import SerialRunner
from ..settings import Settings
from ..store import Store
from .auth import Caller, check_csrf, store_of

log = logging.getLogger("casewatch.web")
KEPT_UPLOADS = 500
"""How many uploads' progress the server remembers (the oldest are forgotten first)."""


def megabytes(n: int) -> str:
    return f"{n / 1_000_000:g} MB"


# ---------------------------------------------------------------------------- reading a request within the limits

@dataclass
class Received:
    """What one upload request held: files (name, bytes) and form fields."""

    files: list[tuple[str, bytes]] = field(default_factory=list)
    fields: dict[str, str] = field(default_factory=dict)


class _Multipart:
    """Callbacks for python-multipart that keep each part in memory and refuse one over the limits at once."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.received = Received()
        self._name = self._value = b""
        self._disposition = b""
        self._field = ""
        self._filename: str | None = None
        self._data = bytearray()

    def callbacks(self) -> dict[str, Any]:
        return {"on_part_begin": self.begin, "on_part_data": self.data, "on_part_end": self.end,
                "on_header_field": self.header_field, "on_header_value": self.header_value,
                "on_header_end": self.header_end, "on_headers_finished": self.headers_finished}

    def begin(self) -> None:
        self._disposition, self._filename, self._data = b"", None, bytearray()

    def header_field(self, data: bytes, start: int, end: int) -> None:
        self._name += data[start:end]

    def header_value(self, data: bytes, start: int, end: int) -> None:
        self._value += data[start:end]

    def header_end(self) -> None:
        if self._name.lower() == b"content-disposition":
            self._disposition = self._value
        self._name = self._value = b""

    def headers_finished(self) -> None:
        _, options = parse_options_header(self._disposition)
        self._field = options.get(b"name", b"").decode("utf-8", "replace")
        filename = options.get(b"filename")
        self._filename = filename.decode("utf-8", "replace") if filename is not None else None
        if self._filename is not None and self._field == "files":
            count = len(self.received.files) + 1
            if count > self.settings.max_upload_files:
                raise TooLargeError(f"more than {self.settings.max_upload_files} files in one upload; "
                                    f"send at most {self.settings.max_upload_files} at a time")

    def data(self, data: bytes, start: int, end: int) -> None:
        self._data += data[start:end]
        if len(self._data) > self.settings.max_bytes:
            what = f"upload:{self._filename}" if self._filename is not None else f"the {self._field!r} field"
            raise TooLargeError(f"{what} is larger than {megabytes(self.settings.max_bytes)}, the limit for one "
                                "file or pasted text; split it into smaller reports")

    def end(self) -> None:
        if self._filename is not None:
            if self._field != "files":
                raise InvalidValueError(f"a file was sent in the field {self._field[:40]!r}; send files as 'files'")
            if self._filename:
                self.received.files.append((self._filename, bytes(self._data)))
        elif self._field == "files":
            raise InvalidValueError("the field 'files' holds text, not a file; send each report as a file part "
                                    "(as a browser or curl -F files=@NAME does), or paste text as 'text'")
        else:
            _one_field(self.received.fields, self._field, bytes(self._data).decode("utf-8", "replace"))


FIELDS = ("files", "text", "csrf")


def _one_field(fields: dict[str, str], name: str, value: str) -> None:
    if name not in FIELDS:
        raise InvalidValueError(f"the form field {name[:40]!r} is not one an upload takes; send 'files' and/or "
                                "'text'")
    if name in fields:
        raise InvalidValueError(f"the form field {name!r} is given more than once; send it once")
    fields[name] = value


def check_length(request: Request, settings: Settings) -> None:
    """Refuse a request whose declared size is over the limit, before reading any of it."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > settings.max_request_bytes:
        raise TooLargeError(f"the request is {megabytes(int(declared))}, over the limit of "
                            f"{megabytes(settings.max_request_bytes)} for one upload; send fewer or smaller files "
                            "at a time")


async def receive_upload(request: Request, settings: Settings) -> Received:
    """The files and fields of an upload (multipart or a urlencoded form), read within the limits."""
    check_length(request, settings)
    kind, options = parse_options_header(request.headers.get("content-type", ""))
    if kind == b"multipart/form-data":
        boundary = options.get(b"boundary")
        if not boundary:
            raise InvalidValueError("the multipart upload has no boundary; send it as a browser or curl -F does")
        reader = _Multipart(settings)
        parser = MultipartParser(boundary, reader.callbacks())
        try:
            async for chunk in request.stream():
                parser.write(chunk)
            parser.finalize()
        except FormParserError as e:
            raise InvalidValueError(f"the upload is not valid multipart data ({e}); send it as a browser or "
                                    "curl -F does") from None
        return reader.received
    if kind in (b"application/x-www-form-urlencoded", b""):
        body = (await request.body()).decode("utf-8", "replace")
        fields: dict[str, str] = {}
        for key, value in parse_qsl(body, keep_blank_values=True):
            _one_field(fields, key, value)
        for key, value in fields.items():
            if len(value.encode("utf-8")) > settings.max_bytes:
                raise TooLargeError(f"the {key!r} field is larger than {megabytes(settings.max_bytes)}, the limit "
                                    "for one file or pasted text; split it into smaller reports")
        return Received(fields=fields)
    raise InvalidValueError("send reports as multipart/form-data (field 'files' and/or 'text'), as a browser or "
                            "curl -F does")


def read_received(received: Received, settings: Settings, strict: bool = False) -> list[RawReport | Failure]:
    """The reports an upload holds, a Failure for each input that cannot be read (the others are kept).

    ``strict`` (the API) refuses a blank ``text`` and a ``csrf`` field; the upload form sends both.
    """
    if strict and "csrf" in received.fields:
        raise InvalidValueError("the API takes the fields 'files' and 'text'; send a browser session's token as "
                                "the X-CSRF-Token header")
    items: list[RawReport | Failure] = []
    for name, data in received.files:
        items.extend(read_upload(name, data, settings))
    pasted = received.fields.get("text", "")
    if strict and "text" in received.fields and not pasted.strip():
        raise InvalidValueError("the pasted text is only blank space; paste a report's text or leave the field empty")
    if pasted.strip():
        items.extend(read_bytes(pasted.replace("\r\n", "\n").encode("utf-8"), "upload:pasted text", "text",
                                settings))
    if not items:
        raise InvalidValueError("nothing to add: choose report files (.txt, .html, .jsonl) or paste a report's text")
    return items


# ---------------------------------------------------------------------------- the background worker

class UploadOut(BaseModel):
    upload_id: str = Field(description="The upload's id: GET /api/uploads/{upload_id} tells its progress.")
    new: list[str] = Field(description="Reports stored by this upload (processed in the background).")
    unchanged: list[str] = Field(description="Reports that were stored already.")
    failed: list[dict[str, str]] = Field(description="Inputs that could not be read or processed: input, reason.")
    processed: int = Field(description="How many of the new reports are processed so far.")
    done: bool = Field(description="Whether every new report is processed.")
    progress: str = Field(description="The same, in words.")


@dataclass
class Upload:
    id: str
    user: str
    new: list[str]
    unchanged: list[str]
    failed: list[Failure]
    processed: int = 0
    stopped: str = ""

    @property
    def done(self) -> bool:
        return self.processed >= len(self.new) or bool(self.stopped)

    def progress(self) -> str:
        if self.stopped:
            return f"{self.processed} of {len(self.new)} reports processed; processing stopped: {self.stopped}"
        if not self.new:
            return "nothing new to process"
        word = "report" if len(self.new) == 1 else "reports"
        return f"{self.processed} of {len(self.new)} {word} processed" + ("" if self.done else " so far")

    def to_out(self) -> UploadOut:
        return UploadOut(upload_id=self.id, new=self.new, unchanged=self.unchanged,
                         failed=[{"input": f.input, "reason": f.reason} for f in self.failed],
                         processed=self.processed, done=self.done, progress=self.progress())

    def lines(self) -> list[str]:
        """What the upload page says: the counts, then each failed input and why."""
        out = [f"{len(self.new)} new, {len(self.unchanged)} already stored, {len(self.failed)} failed; "
               + self.progress()]
        out.extend(f.line() for f in self.failed)
        return out


class UploadWorker:
    """One daemon thread per app that processes stored reports, so requests never wait for them.

    Woken by each upload (and once at the first upload after a start, which also finishes what a stopped
    run left); stops when the app shuts down. Being a daemon it never keeps a stopping server alive.
    """

    def __init__(self, store: Store, settings: Settings):
        self.store, self.settings = store, settings
        self.uploads: OrderedDict[str, Upload] = OrderedDict()
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._runner = SerialRunner()

    def add(self, upload: Upload) -> None:
        with self._lock:
            self.uploads[upload.id] = upload
            while len(self.uploads) > KEPT_UPLOADS:
                self.uploads.popitem(last=False)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="casewatch-uploads", daemon=True)
                self._thread.start()
        self._wake.set()

    def get(self, upload_id: str) -> Upload | None:
        with self._lock:
            upload = self.uploads.get(upload_id)
        if upload is not None and not upload.done:
            self._count(upload)
        return upload

    def stop(self, wait: float = 2.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(wait)

    def _count(self, upload: Upload) -> None:
        upload.processed = len(self.store.processed_ids(upload.new)) if upload.new else 0

    def _active(self) -> list[Upload]:
        with self._lock:
            return [u for u in self.uploads.values() if not u.done]

    def _failed(self, failure: Failure) -> None:
        for upload in self._active():
            if any(doc_id in failure.reason for doc_id in upload.new):
                upload.failed.append(failure)

    def _run(self) -> None:
        while not self._stop.is_set():
            self._wake.wait()
            self._wake.clear()
            if self._stop.is_set():
                return
            try:
                finish_pending(self.store, self._runner, self.settings.upload_batch, on_failure=self._failed,
                               on_progress=lambda _n: [self._count(u) for u in self._active()])
            except Exception as e:  # keep serving; `casewatch finish` completes what is left
                log.exception("processing uploaded reports stopped")
                for upload in self._active():
                    upload.stopped = f"{e}; `casewatch finish` completes it"
                continue
            for upload in self._active():
                self._count(upload)
            self._deliver()

    def _deliver(self) -> None:
        """Send the alerts the uploaded reports caused (a channel that is down is tried again later)."""
        from ..alerts.deliver import deliver_due

        try:
            deliver_due(self.store, self.settings)
        except Exception:  # alerts wait in the store; the monitor or `casewatch alerts send` sends them
            log.exception("sending alerts after an upload stopped")


def worker_of(request: Request) -> UploadWorker:
    return request.app.state.uploads


async def accept_upload(request: Request, caller: Caller, strict: bool = False) -> Upload:
    """Read an upload within the limits, store its reports at once and queue them for processing."""
    from starlette.concurrency import run_in_threadpool

    settings: Settings = request.app.state.settings
    received = await receive_upload(request, settings)
    if caller.via == "session" and not check_csrf(request, caller, received.fields.get("csrf", "")):
        raise ForbiddenError("the form's security token is missing or stale; reload the page and try again")
    items = read_received(received, settings, strict)
    summary = await run_in_threadpool(store_raw, store_of(request), items, settings.batch_size,
                                      actor=caller.user.name)
    upload = Upload(id=secrets.token_urlsafe(12), user=caller.user.name, new=summary.new,
                    unchanged=summary.unchanged, failed=list(summary.failed))
    worker_of(request).add(upload)
    return upload
