"""A real web site on 127.0.0.1 for tests: answers are set and changed while it runs.

    site = Site()                                   # or the ``http_site`` fixture (tests/watch/conftest.py)
    site.put("/a", b"<html>...</html>")             # a fixed answer (text/html; charset=utf-8 unless told)
    site.robots("User-agent: *\\nDisallow: /private/\\n")
    site.route("/flaky", site.sequence([Reply(500), Reply(500), Reply(200, b"ok")]))
    site.route("/slow", lambda request: (time.sleep(1), Reply(200, b"late"))[1])
    url = site.url("/a")
    ...
    [seen.path for seen in site.requests]           # every request received: method, path, headers
    site.close()

A handler gets the :class:`Seen` request and returns a :class:`Reply`. A reply's body is bytes, or a list of
chunks sent one after the other (``chunked=True`` sends them with Transfer-Encoding: chunked and no
Content-Length); ``length`` overrides the Content-Length sent (to lie about it). Paths without an answer get
404, and so does /robots.txt until :meth:`Site.robots` sets it.
"""
from __future__ import annotations

import contextlib
import gzip
import socket
import threading
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Seen:
    """One request the site received. ``path`` includes the query; header names are lower-case."""

    method: str
    path: str
    headers: dict[str, str]

    @property
    def route(self) -> str:
        return urlsplit(self.path).path


@dataclass
class Reply:
    status: int = 200
    body: bytes | list[bytes] = b""
    content_type: str | None = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    chunked: bool = False
    length: int | None = None
    """Content-Length to send instead of the body's true length (ignored when chunked)."""


Handler = Callable[[Seen], Reply]


def gzipped(data: bytes) -> bytes:
    return gzip.compress(data)


def deflated(data: bytes) -> bytes:
    return zlib.compress(data)


def gzip_bomb(size: int) -> bytes:
    """``size`` zero bytes, gzip-compressed (about a thousandth of the size), built without holding them whole."""
    squeezer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = b"\0" * 1_000_000
    parts = [squeezer.compress(block) for _ in range(size // len(block))]
    parts.append(squeezer.compress(b"\0" * (size % len(block))))
    parts.append(squeezer.flush())
    return b"".join(parts)


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that hung up (a size cap, a timeout, a closed site): expected in these tests


class Site:
    def __init__(self) -> None:
        self._answers: dict[str, Handler] = {}
        self._lock = threading.Lock()
        self.requests: list[Seen] = []
        self._connections: set[socket.socket] = set()
        site = self

        class _Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:  # quiet
                pass

            def setup(self) -> None:
                super().setup()
                with site._lock:
                    site._connections.add(self.connection)

            def finish(self) -> None:
                with site._lock:
                    site._connections.discard(self.connection)
                super().finish()

            def _answer(self) -> None:
                seen = Seen(self.command, self.path, {k.lower(): v for k, v in self.headers.items()})
                with site._lock:
                    site.requests.append(seen)
                    handler = site._answers.get(seen.route)
                reply = handler(seen) if handler else Reply(404, b"not here", "text/plain")
                try:
                    self._send(reply)
                except (BrokenPipeError, ConnectionResetError):
                    self.close_connection = True  # the client stopped reading (a cap, a timeout)

            def _send(self, reply: Reply) -> None:
                chunks = [reply.body] if isinstance(reply.body, bytes) else list(reply.body)
                self.send_response(reply.status)
                if reply.content_type is not None:
                    self.send_header("Content-Type", reply.content_type)
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                if reply.chunked:
                    self.send_header("Transfer-Encoding", "chunked")
                else:
                    true_length = sum(len(c) for c in chunks)
                    self.send_header("Content-Length", str(reply.length if reply.length is not None else true_length))
                self.end_headers()
                if self.command == "HEAD" or reply.status == 304:
                    return
                for chunk in chunks:
                    if not chunk:
                        continue
                    if reply.chunked:
                        self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                    else:
                        self.wfile.write(chunk)
                    self.wfile.flush()
                if reply.chunked:
                    self.wfile.write(b"0\r\n\r\n")
                if reply.length is not None and not reply.chunked:
                    self.close_connection = True

            do_GET = _answer
            do_HEAD = _answer
            do_POST = _answer

        self._server = _QuietServer(("127.0.0.1", 0), _Handler)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), name="test-site", daemon=True)
        self._thread.start()

    # -- setting answers
    def route(self, path: str, handler: Handler) -> None:
        with self._lock:
            self._answers[path] = handler

    def put(self, path: str, body: bytes | list[bytes], content_type: str | None = "text/html; charset=utf-8",
            headers: dict[str, str] | None = None, status: int = 200) -> None:
        reply = Reply(status, body, content_type, dict(headers or {}))
        self.route(path, lambda _seen: reply)

    def robots(self, text: str, status: int = 200) -> None:
        self.put("/robots.txt", text.encode("utf-8"), "text/plain; charset=utf-8", status=status)

    def remove(self, path: str) -> None:
        with self._lock:
            self._answers.pop(path, None)

    @staticmethod
    def sequence(replies: Iterable[Reply]) -> Handler:
        """Answers one reply per request, in order; the last one is repeated once they run out."""
        queue = list(replies)
        lock = threading.Lock()

        def answer(_seen: Seen) -> Reply:
            with lock:
                return queue.pop(0) if len(queue) > 1 else queue[0]
        return answer

    @staticmethod
    def redirect(location: str, status: int = 302) -> Handler:
        return lambda _seen: Reply(status, b"", None, {"Location": location})

    @staticmethod
    def with_etag(body: bytes, etag: str, content_type: str = "text/html; charset=utf-8") -> Handler:
        """200 with an ETag, or 304 when the request's If-None-Match names it."""
        def answer(seen: Seen) -> Reply:
            if seen.headers.get("if-none-match") == etag:
                return Reply(304, b"", None, {"ETag": etag})
            return Reply(200, body, content_type, {"ETag": etag})
        return answer

    # -- looking at it
    def url(self, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    @property
    def host(self) -> str:
        return f"127.0.0.1:{self.port}"

    def seen(self, route: str) -> list[Seen]:
        """The requests received for one path (query ignored)."""
        with self._lock:
            return [s for s in self.requests if s.route == route]

    def clear(self) -> None:
        with self._lock:
            self.requests.clear()

    def close(self) -> None:
        """Stops the site: no new connection is accepted and kept-alive ones are cut."""
        self._server.shutdown()
        self._server.server_close()
        with self._lock:
            open_ones = list(self._connections)
        for connection in open_ones:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)
        self._thread.join(timeout=5)
