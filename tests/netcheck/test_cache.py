"""The SQLite link cache: freshness per kind, damage, two processes, Ctrl-C."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from awesome_lint.netcheck.cache import LinkCache
from awesome_lint.netcheck.facts import Outcome
from awesome_lint.netcheck.options import DEFAULT_ACCEPT, DEFAULT_MAX_AGE
from awesome_lint.netcheck.session import LinkSession
from netcheck.conftest import fast
from netcheck.server import LocalServer, Reply

DAY = 86400.0


def test_dead_links_expire_sooner_than_good_ones(tmp_path: Path) -> None:
    cache = LinkCache(tmp_path / "c.db")
    now = 1_000_000_000.0
    checked = now - 2 * DAY  # two days ago
    cache.put("https://a.example/ok", Outcome(200, checked_at=checked))
    cache.put("https://a.example/dead", Outcome(404, checked_at=checked))
    cache.put("https://a.example/moved", Outcome(200, permanent="https://b", checked_at=checked))
    cache.put("https://a.example/down", Outcome(None, "timeout", checked_at=now - 600))
    cache.close()
    again = LinkCache(tmp_path / "c.db")
    urls = ["https://a.example/" + p for p in ("ok", "dead", "moved", "down", "never")]
    fresh = again.load(urls, DEFAULT_ACCEPT, DEFAULT_MAX_AGE, now=now)
    assert sorted(fresh) == [
        "https://a.example/down",
        "https://a.example/moved",
        "https://a.example/ok",
    ]
    # with 404 accepted, the same row is a good link and stays fresh for a week
    fresh = again.load(urls, DEFAULT_ACCEPT | {404}, DEFAULT_MAX_AGE, now=now)
    assert "https://a.example/dead" in fresh
    # one hour later the unreachable link is due again
    fresh = again.load(urls, DEFAULT_ACCEPT, DEFAULT_MAX_AGE, now=now + 3600)
    assert "https://a.example/down" not in fresh


def test_a_damaged_cache_file_is_a_warning_not_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    path.write_bytes(b"this is not a database" * 100)
    warnings: list[str] = []
    with LocalServer() as server:
        url = server.route("/dead", Reply(404))
        session = LinkSession(fast(), path, warn=warnings.append)
        assert session.facts([url])[url].kind == "dead"
    assert len(warnings) == 1
    assert "checking without the cache" in warnings[0]


def _cli(cache: Path, cwd: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "awesome_lint",
            "--isolated",
            "--check-links",
            "--config",
            "links.allow-private = true",
            "--config",
            "links.backoff = 0.01",
            "--config",
            "links.pacing = 0",
            "--link-cache",
            str(cache),
            "--output-format",
            "concise",
            "README.md",
        ],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "NO_COLOR": "1"},
    )


def _write_list(folder: Path, urls: list[str]) -> None:
    lines = ["# Links", ""] + [f"- [Link {i}]({u})" for i, u in enumerate(urls)]
    (folder / "README.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _rows(cache: Path) -> int:
    with sqlite3.connect(cache) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        count: int = db.execute("SELECT count(*) FROM outcomes").fetchone()[0]
    return count


@pytest.mark.slow
def test_two_concurrent_processes_share_one_cache(tmp_path: Path) -> None:
    cache = tmp_path / "links.db"
    with LocalServer() as server:
        urls = [
            server.route(f"/p{i}", Reply(404 if i % 5 == 0 else 200, delay=0.02)) for i in range(60)
        ]
        _write_list(tmp_path, urls)
        first, second = _cli(cache, tmp_path), _cli(cache, tmp_path)
        out1, err1 = first.communicate(timeout=60)
        out2, err2 = second.communicate(timeout=60)
        assert (first.returncode, second.returncode) == (1, 1), (err1, err2)
        assert out1 == out2
        assert out1.decode().count("AL801") == 12
        assert _rows(cache) == 60
        hits = len(server.seen)
    # a third run is answered by the cache alone
    third = _cli(cache, tmp_path)
    out3, _ = third.communicate(timeout=60)
    assert out3 == out1
    assert hits >= 60 + 12


@pytest.mark.slow
def test_ctrl_c_keeps_the_cache_sound(tmp_path: Path) -> None:
    cache = tmp_path / "links.db"
    with LocalServer() as server:
        quick = [server.route(f"/q{i}", Reply(200)) for i in range(10)]
        slow = [server.route(f"/s{i}", Reply(200, delay=30)) for i in range(3)]
        _write_list(tmp_path, quick + slow)
        process = _cli(cache, tmp_path)
        deadline = time.monotonic() + 20
        while len({s.path for s in server.seen}) < 13 and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.2)
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=20)
        assert process.returncode == 2, err  # Ctrl-C: "awesome-lint: aborted"
        assert err.endswith(b"awesome-lint: aborted\n")
        assert _rows(cache) == 10  # the finished checks were saved
        before = len(server.seen)
        # the next run asks the server only about the three it never finished
        server.route("/s0", Reply(200))
        server.route("/s1", Reply(200))
        server.route("/s2", Reply(200))
        again = _cli(cache, tmp_path)
        _, err = again.communicate(timeout=30)
        assert again.returncode == 0, err
        assert {s.path for s in server.seen[before:]} == {"/s0", "/s1", "/s2"}
