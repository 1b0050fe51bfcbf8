"""The link cache: one SQLite file (WAL mode) shared by runs and processes.

Each row is the raw ``Outcome`` of one URL; how long it stays fresh depends on what
it means (``max-age`` per kind), so changing ``accept`` never needs a fresh cache.
Writes are batched in short transactions; a run stopped by Ctrl-C loses at most the
batch in flight, and WAL mode lets a second run read and write meanwhile.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable, Mapping
from pathlib import Path

from awesome_lint.netcheck.facts import Outcome, classify

SCHEMA_VERSION = 1
BATCH = 64
BUSY_TIMEOUT_MS = 10_000
_CHUNK = 500  # URLs per SELECT (SQLite's parameter limit is 999 on old builds)


class CacheError(Exception):
    """The cache file cannot be used (the run goes on without it)."""


def default_path() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("awesome-lint", appauthor=False)) / "links.sqlite3"


class LinkCache:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._pending: list[tuple[str, int | None, str | None, str, str | None, str | None, float]]
        self._pending = []
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
            self._db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = NORMAL")
            version = self._db.execute("PRAGMA user_version").fetchone()[0]
            if version != SCHEMA_VERSION:
                with self._db:
                    self._db.execute("DROP TABLE IF EXISTS outcomes")
                    self._db.execute(
                        "CREATE TABLE outcomes (url TEXT PRIMARY KEY, status INTEGER, "
                        "error TEXT, detail TEXT NOT NULL, permanent TEXT, final TEXT, "
                        "checked_at REAL NOT NULL)"
                    )
                    self._db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except (sqlite3.Error, OSError) as exc:
            raise CacheError(f"link cache {path}: {exc}") from None

    def load(
        self,
        urls: Iterable[str],
        accept: frozenset[int],
        max_age: Mapping[str, float],
        now: float | None = None,
    ) -> dict[str, Outcome]:
        """The fresh outcomes among ``urls`` (stale and missing ones are left out)."""
        now = time.time() if now is None else now
        wanted = list(dict.fromkeys(urls))
        found: dict[str, Outcome] = {}
        try:
            for i in range(0, len(wanted), _CHUNK):
                chunk = wanted[i : i + _CHUNK]
                marks = ",".join("?" * len(chunk))
                rows = self._db.execute(
                    "SELECT url, status, error, detail, permanent, final, checked_at "
                    f"FROM outcomes WHERE url IN ({marks})",
                    chunk,
                )
                for url, status, error, detail, permanent, final, checked_at in rows:
                    outcome = Outcome(status, error, detail, permanent, final, checked_at)
                    kind = classify(outcome, accept)
                    age = max_age.get(kind, 0.0)
                    if 0 <= now - checked_at <= age:
                        found[url] = outcome
        except sqlite3.Error as exc:
            raise CacheError(f"link cache {self.path}: {exc}") from None
        return found

    def put(self, url: str, outcome: Outcome) -> None:
        self._pending.append(
            (
                url,
                outcome.status,
                outcome.error,
                outcome.detail,
                outcome.permanent,
                outcome.final,
                outcome.checked_at,
            )
        )
        if len(self._pending) >= BATCH:
            self.flush()

    def flush(self) -> None:
        if not self._pending:
            return
        rows, self._pending = self._pending, []
        try:
            with self._db:
                self._db.executemany(
                    "INSERT OR REPLACE INTO outcomes VALUES (?, ?, ?, ?, ?, ?, ?)", rows
                )
        except sqlite3.Error as exc:
            raise CacheError(f"link cache {self.path}: {exc}") from None

    def close(self) -> None:
        try:
            self.flush()
        finally:
            self._db.close()
