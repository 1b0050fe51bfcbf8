"""A real HTTP/1.1 server on 127.0.0.1 for the link checker tests (threads, stdlib only).

Each path answers from a script of ``Reply`` objects, one per request (the last one
repeats), so a test can say "503, then 200". Every request is recorded.
"""

from __future__ import annotations

import socket
import ssl
import struct
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Reply:
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering
    reset: bool = False  # close the connection with a TCP reset instead of answering
    head: int | None = None  # another status for HEAD requests
    endless: bool = False  # a GET body that never ends


@dataclass
class Seen:
    method: str
    path: str
    host: str
    headers: dict[str, str]
    at: float


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def _answer(self) -> None:
        path = self.path.split("?", 1)[0]
        server = self.server
        with server.lock:
            server.seen.append(
                Seen(
                    self.command,
                    self.path,
                    self.headers.get("Host", ""),
                    dict(self.headers.items()),
                    time.monotonic(),
                )
            )
            script = server.routes.get(path, [Reply(404)])
            index = server.counts[path]
            server.counts[path] += 1
            server.active += 1
            server.max_active = max(server.max_active, server.active)
        try:
            self._reply(script[min(index, len(script) - 1)])
        finally:
            with server.lock:
                server.active -= 1

    def _reply(self, reply: Reply) -> None:
        server = self.server
        if reply.delay:
            time.sleep(reply.delay)
        if reply.reset:
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
            self.close_connection = True
            return
        status = reply.head if self.command == "HEAD" and reply.head else reply.status
        self.send_response(status)
        for key, value in reply.headers.items():
            self.send_header(key, value.replace("{port}", str(server.port)))
        if reply.endless and self.command == "GET":
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            chunk = b"x" * 65536
            try:
                for _ in range(100_000):  # about 6 GB: far more than any reader should take
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            except OSError:
                pass
            self.close_connection = True
            return
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_GET = _answer
    do_HEAD = _answer


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int]) -> None:
        super().__init__(address, _Handler)
        self.routes: dict[str, list[Reply]] = {}
        self.counts: defaultdict[str, int] = defaultdict(int)
        self.seen: list[Seen] = []
        self.lock = threading.Lock()
        self.active = 0  # requests being answered now
        self.max_active = 0

    @property
    def port(self) -> int:
        return int(self.server_address[1])


class LocalServer:
    """``with LocalServer() as server: server.route("/a", Reply(404)); server.url("/a")``."""

    def __init__(self, host: str = "127.0.0.1", tls: ssl.SSLContext | None = None) -> None:
        self._server = _Server((host, 0))
        if tls is not None:
            self._server.socket = tls.wrap_socket(self._server.socket, server_side=True)
        self.scheme = "https" if tls is not None else "http"
        self.host = host
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    def __enter__(self) -> LocalServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    @property
    def port(self) -> int:
        return self._server.port

    def route(self, path: str, *replies: Reply) -> str:
        self._server.routes[path] = list(replies)
        return self.url(path)

    def url(self, path: str, host: str | None = None) -> str:
        return f"{self.scheme}://{host or self.host}:{self.port}{path}"

    def hits(self, path: str) -> list[Seen]:
        with self._server.lock:
            return [s for s in self._server.seen if s.path.split("?", 1)[0] == path]

    def wait_for_hits(self, path: str, count: int, within: float = 5.0) -> list[Seen]:
        """The hits of ``path`` once there are ``count`` of them (or ``within`` seconds passed).

        A client that gave up on a request may return before this server's thread has
        read that request and recorded it, more so on a loaded machine.
        """
        deadline = time.monotonic() + within
        while len(found := self.hits(path)) < count and time.monotonic() < deadline:
            time.sleep(0.01)
        return found

    @property
    def max_active(self) -> int:
        """The most requests this server was answering at one time."""
        return self._server.max_active

    @property
    def seen(self) -> list[Seen]:
        with self._server.lock:
            return list(self._server.seen)
