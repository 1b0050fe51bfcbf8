"""The links section of the benchmark: ``--check-links`` on 2,000 links over 20 local hosts.

Twenty HTTP servers run in this process, one on each of 127.0.0.1 ... 127.0.0.20 (all
loopback: nothing leaves the machine). Each answers after a latency drawn once per path
(20-250 ms, most near 60 ms, a few slow ones), and a fixed share of paths are dead
(404), permanently redirected (301) or refuse HEAD (405, then GET). awesome-lint runs
with the default link settings (concurrency 32, 4 per host, 50 ms pacing) and one
cache file: the first run checks every link; the cached re-runs (best of 3) find them
all in the cache; the same check without ``--check-links`` (best of 3) shows what the
lint itself costs. Standard library only.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable, Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

HOSTS = 20
LINKS = 2000


def _plan(path: str) -> tuple[float, int, bool]:
    """(latency in seconds, status, refuses HEAD) for a path, the same on every run."""
    rng = random.Random(path)
    latency = min(0.25, max(0.02, rng.lognormvariate(-2.8, 0.5)))
    roll = rng.random()
    if roll < 0.04:
        return latency, 404, False
    if roll < 0.07:
        return latency, 301, False
    return latency, 200, roll > 0.97


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        pass

    def _answer(self) -> None:
        latency, status, no_head = _plan(self.path)
        time.sleep(latency)
        self.server.requests += 1  # type: ignore[attr-defined]
        if no_head and self.command == "HEAD":
            status = 405
        self.send_response(status)
        if status == 301:
            self.send_header("Location", self.path + "/moved")
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_GET = _answer
    do_HEAD = _answer


def _serve(count: int) -> list[ThreadingHTTPServer]:
    servers = []
    for index in range(count):
        server = ThreadingHTTPServer((f"127.0.0.{index + 1}", 0), _Handler)
        server.daemon_threads = True
        server.requests = 0  # type: ignore[attr-defined]
        threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        ).start()
        servers.append(server)
    return servers


def links_section(
    folder: Path,
    lint: Sequence[str],
    run_once: Callable[[Sequence[str]], tuple[float, float, int, float]],
) -> str:
    servers = _serve(HOSTS)
    try:
        lines = ["# Links", ""]
        for i in range(LINKS):
            host, port = servers[i % HOSTS].server_address[:2]
            lines.append(f"- [Paper {i}](http://{host}:{port}/paper/{i}): A subtitle")
        readme = folder / "README.md"
        readme.write_text("\n".join(lines) + "\n", encoding="utf-8")
        cache = folder / "links.sqlite3"
        argv = [
            *lint,
            "check",
            "--isolated",
            "--quiet",
            "--check-links",
            "--config",
            "links.allow-private = true",
            "--link-cache",
            str(cache),
            str(readme),
        ]
        plain = [a for a in argv if a not in ("--check-links",)]
        out = [f"Links: {LINKS} links over {HOSTS} local hosts (default link settings):"]
        runs = (("first run", argv, 1), ("cached re-run", argv, 3), ("no --check-links", plain, 3))
        for label, command, count in runs:
            before = sum(s.requests for s in servers)  # type: ignore[attr-defined]
            wall, peak, code, cpu = min(run_once(command) for _ in range(count))
            requests = sum(s.requests for s in servers) - before  # type: ignore[attr-defined]
            best = "best of 3" if count > 1 else "one run"
            out.append(
                f"  {label:16} wall {wall:6.2f} s  CPU {cpu:5.2f} s  peak {peak:4.0f} MB  "
                f"{requests:5d} requests  exit {code}  ({best})"
            )
        return "\n".join(out)
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()
