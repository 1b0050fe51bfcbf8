"""Near misses of venue names: an edit distance with a cut-off, and an index to look
names up by it.

A typo of a venue name is one or two edits away from it: a letter dropped
(``AISTAT``), added (``SIGMODE``), changed (``aiXiv``) or two letters swapped
(``OSID``). Names are compared by their *key*: case-folded, letters and digits
only, so that case and punctuation (AL201's business) never count as edits.

A name may be ``reach`` edits away (1 for keys of up to six characters, 2 for longer
ones). The index compares a word with a name only when their lengths and the
characters they use allow that many edits (see :class:`NearIndex`).
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
    folded = name.casefold()
    return folded if folded.isalnum() else "".join(c for c in folded if c.isalnum())


def reach(name_key: str) -> int:
    """How many edits a key of this length may be away from a word: 0 (too short
    to compare), 1 (four to six characters) or 2 (seven or more)."""
    return _reach(len(name_key))


def _reach(length: int) -> int:
    if length < MIN_LENGTH:
        return 0
    return 1 if length < LONG else 2


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


class NearIndex(Generic[T]):
    """Names (each with a value) to look up by near misses.

    A lookup compares the word only with the names whose keys are at most two
    characters longer or shorter, and computes the distance only for those that pass a
    cheap test on the characters they use: a name within ``d`` edits of the word has
    at most ``d`` characters the word lacks, and the word at most ``d`` the name lacks
    (an edit adds or removes one character at most; a swap neither), counting repeats
    (``ieeetgrs`` has two ``e`` more than ``frigate``). The characters are bit masks
    (see :func:`_mask`), made for the names of one key length when a lookup first needs
    that length: a small file asks for a few lengths and a few words, and indexing every
    name of the venue registry cost more than its whole lint."""

    __slots__ = ("_by_length", "_memo", "_pending", "_values")

    def __init__(self, items: Iterable[tuple[str, T]]) -> None:
        self._values: dict[str, list[T]] = {}
        self._memo: dict[str, list[tuple[int, str, list[T]]]] = {}
        # key length -> the keys of that length whose masks are not made yet
        self._pending: dict[int, list[str]] = {}
        # key length -> (key, character mask) of each name of that length
        self._by_length: dict[int, list[tuple[str, int]]] = {}
        for name, value in items:
            k = key(name)
            if reach(k) == 0:
                continue
            values = self._values.get(k)
            if values is None:
                self._values[k] = [value]
                self._pending.setdefault(len(k), []).append(k)
            elif value not in values:
                values.append(value)

    def _names(self, length: int) -> list[tuple[str, int]]:
        """The keys of this length (in the order they were given), with their masks."""
        names = self._by_length.get(length)
        if names is None:
            names = [(k, _mask(k)) for k in self._pending.pop(length, ())]
            self._by_length[length] = names
        return names

    def __len__(self) -> int:
        return len(self._values)

    def near(self, word: str) -> list[tuple[int, str, list[T]]]:
        """The indexed names within their reach of ``word`` but not equal to it
        (by key), nearest first: ``(distance, name key, values)``."""
        k = key(word)
        found = self._memo.get(k)
        if found is not None:
            return found
        found = list(self._near(k))
        found.sort(key=lambda t: (t[0], t[1]))
        if len(self._memo) < _MEMO_SIZE:
            self._memo[k] = found
        return found

    def dropped(self, word: str) -> list[tuple[str, list[T]]]:
        """The indexed names that ``word`` is with one character dropped (by key), for
        words too short to compare otherwise: ``ECV`` -> ECCV. ``(name key, values)``."""
        k = key(word)
        mask = _mask(k)
        return [
            (name_key, self._values[name_key])
            for name_key, name_mask in self._names(len(k) + 1)
            if not mask & ~name_mask
            and any(name_key[:i] + name_key[i + 1 :] == k for i in range(len(name_key)))
        ]

    def _near(self, k: str) -> Iterator[tuple[int, str, list[T]]]:
        n = len(k)
        if n < MIN_LENGTH:
            return
        mask = _mask(k)
        for length in range(n - 2, n + 3):
            limit = _reach(length)
            if abs(length - n) > limit:
                continue  # (too short to compare: limit 0, and length != n)
            # The test on characters in one step: a mask has one bit per character, so
            # of the bits in which two masks differ, (x + |length - n|) / 2 are on the
            # longer key's side and (x - |length - n|) / 2 on the shorter's; the larger
            # is at most ``limit`` when x is at most 2 * limit - |length - n|.
            most = 2 * limit - abs(length - n)
            maybe = [
                name_key
                for name_key, name_mask in self._names(length)
                if (name_mask ^ mask).bit_count() <= most and name_key != k
            ]
            for name_key in maybe:
                dist = distance(k, name_key, limit)
                if dist <= limit:
                    yield (dist, name_key, self._values[name_key])


def _mask(k: str) -> int:
    """The characters of a key, with their repeats, as a bit mask: the first ``e`` of
    a key sets the bit of ``e`` (its code modulo 64), the second that bit plus 64, the
    third that bit plus 128, and so on. So the bits that one key's mask has and
    another's lacks count the characters (repeats included) one key has more of than
    the other. Characters may share a bit: the test on masks then lets more names
    through, never fewer."""
    mask = 0
    for char in k:
        bit = 1 << (ord(char) & 63)
        while mask & bit:  # a repeat: the next free bit of this character
            bit <<= 64
        mask |= bit
    return mask
