"""Near misses of venue names: an edit distance with a cut-off and a deletion index.

A typo of a venue name is one or two edits away from it: a letter dropped
(``AISTAT``), added (``SIGMODE``), changed (``aiXiv``) or two letters swapped
(``OSID``). Names are compared by their *key*: case-folded, letters and digits
only, so that case and punctuation (AL201's business) never count as edits.

The index finds every name within reach of a word without comparing the word to
each name: it stores, for each name, the keys left after deleting up to ``reach``
of its characters (``reach`` 1 for names of up to six characters, 2 for longer
ones); a word within distance ``d`` of a name shares at least one such deletion
with it (both sides deleting at most ``d`` characters), so a lookup generates
the word's own deletions, collects the names they hit and checks each with the
real distance.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Generic, TypeVar

T = TypeVar("T")

MIN_LENGTH = 4  # shorter keys (ATC, ICS, SC) are too close to everything
LONG = 7  # keys of this length and more allow two edits, shorter ones one
_MEMO_SIZE = 100_000  # words remembered per index (bounds memory on huge inputs)


def key(name: str) -> str:
    """How names are compared: case-folded, letters and digits only."""
    return "".join(c for c in name.casefold() if c.isalnum())


def reach(name_key: str) -> int:
    """How many edits a key of this length may be away from a word: 0 (too short
    to compare), 1 (four to six characters) or 2 (seven or more)."""
    n = len(name_key)
    if n < MIN_LENGTH:
        return 0
    return 1 if n < LONG else 2


def distance(a: str, b: str, limit: int) -> int:
    """The optimal-string-alignment distance of ``a`` and ``b`` (insertions,
    deletions, substitutions and swaps of two neighbours, each one edit), or
    ``limit + 1`` as soon as it is known to exceed ``limit``."""
    if a == b:
        return 0
    la, lb = len(a), len(b)
    if abs(la - lb) > limit:
        return limit + 1
    over = limit + 1
    prev2: list[int] = []
    prev = list(range(lb + 1))
    for i in range(1, la + 1):
        cur = [i] + [0] * lb
        ca = a[i - 1]
        row_min = i
        for j in range(1, lb + 1):
            cb = b[j - 1]
            cost = 0 if ca == cb else 1
            d = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                d = min(d, prev2[j - 2] + 1)
            cur[j] = d
            if d < row_min:
                row_min = d
        if row_min > limit:
            return over
        prev2, prev = prev, cur
    return min(prev[lb], over)


def deletions(word: str, depth: int) -> set[str]:
    """The word and every string left after deleting up to ``depth`` (0, 1 or 2)
    of its characters."""
    n = len(word)
    out = {word}
    if depth >= 1:
        out.update([word[:i] + word[i + 1 :] for i in range(n)])
    if depth >= 2:
        out.update(
            [word[:i] + word[i + 1 : j] + word[j + 1 :] for i in range(n) for j in range(i + 1, n)]
        )
    return out


class NearIndex(Generic[T]):
    """Names (each with a value) to look up by near misses.

    The deletions of the names of one key length are indexed when a lookup first needs
    that length (a word reaches names at most two characters longer or shorter): a
    small file asks for a few lengths, and indexing every name of the venue registry
    cost more than its whole lint."""

    __slots__ = ("_deletes", "_memo", "_pending", "_values")

    def __init__(self, items: Iterable[tuple[str, T]]) -> None:
        self._values: dict[str, list[T]] = {}
        self._deletes: dict[str, list[str]] = {}
        self._memo: dict[str, list[tuple[int, str, list[T]]]] = {}
        # key length -> the keys of that length whose deletions are not indexed yet
        self._pending: dict[int, list[str]] = {}
        for name, value in items:
            k = key(name)
            if reach(k) == 0:
                continue
            values = self._values.setdefault(k, [])
            if value not in values:
                values.append(value)
            if len(values) > 1:
                continue  # its deletions are in already
            self._pending.setdefault(len(k), []).append(k)

    def _index(self, shortest: int, longest: int) -> None:
        """Index the deletions of the names whose keys have these lengths."""
        for length in range(shortest, longest + 1):
            keys = self._pending.pop(length, None)
            if keys is None:
                continue
            deletes = self._deletes
            for k in keys:
                for d in deletions(k, reach(k)):
                    deletes.setdefault(d, []).append(k)

    def __len__(self) -> int:
        return len(self._values)

    def near(self, word: str) -> list[tuple[int, str, list[T]]]:
        """The indexed names within their reach of ``word`` but not equal to it
        (by key), nearest first: ``(distance, name key, values)``."""
        k = key(word)
        found = self._memo.get(k)
        if found is not None:
            return found
        self._index(len(k) - 2, len(k) + 2)
        found = list(self._near(k))
        found.sort(key=lambda t: (t[0], t[1]))
        if len(self._memo) < _MEMO_SIZE:
            self._memo[k] = found
        return found

    def dropped(self, word: str) -> list[tuple[str, list[T]]]:
        """The indexed names that ``word`` is with one character dropped (by key), for
        words too short to compare otherwise: ``ECV`` -> ECCV. ``(name key, values)``."""
        k = key(word)
        self._index(len(k) + 1, len(k) + 1)
        return [
            (name_key, self._values[name_key])
            for name_key in self._deletes.get(k, ())
            if len(name_key) == len(k) + 1
        ]

    def _near(self, k: str) -> Iterator[tuple[int, str, list[T]]]:
        if len(k) < MIN_LENGTH:
            return
        seen: set[str] = set()
        for d in deletions(k, 2):
            for name_key in self._deletes.get(d, ()):
                if name_key in seen or name_key == k:
                    continue
                seen.add(name_key)
                limit = reach(name_key)
                dist = distance(k, name_key, limit)
                if dist <= limit:
                    yield (dist, name_key, self._values[name_key])
