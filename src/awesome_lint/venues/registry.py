"""The venue registry: canonical names, aliases, misspellings and renames, with lookup.

The data ships in ``venues.json`` beside this module, and as the Python module
``data.py`` (both built by ``scripts/build_venues.py``; the package loads the module,
which costs a fraction of reading the JSON). It is read on first use only;
``default_registry()`` caches it.

Matching follows the data's own advice: names of four or more characters match
case-insensitively (and, failing that, ignoring punctuation and spaces); shorter
names (``SC``, ``ATC``, ``ICS``) match only as written, since they hit ordinary
words otherwise.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from enum import Enum
from functools import cache
from pathlib import Path
from typing import Any

from awesome_lint.lazyre import lazy_compile
from awesome_lint.records import FrozenRecord

DATA_FILE = Path(__file__).with_name("venues.json")

KINDS = ("conference", "journal", "workshop", "preprint")
_MEMO_SIZE = 100_000  # names remembered per registry (bounds memory on huge inputs)


class Rename(FrozenRecord):
    """Another name of a venue, in use from ``first`` through ``last`` (None: open)."""

    name: str
    first: int | None
    last: int | None
    _fields = ("name", "first", "last")
    __slots__ = _fields

    def __init__(self, name: str, first: int | None = None, last: int | None = None) -> None:
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "first", first)
        object.__setattr__(self, "last", last)

    def covers(self, year: int) -> bool:
        return (self.first is None or year >= self.first) and (
            self.last is None or year <= self.last
        )


class Venue(FrozenRecord):
    canonical: str
    full_name: str
    kind: str
    aliases: tuple[str, ...]  # accepted alternative names (ATC, PVLDB)
    misspellings: tuple[str, ...]  # case/punctuation variants and typos
    renames: tuple[Rename, ...]  # names valid only for some years (NIPS <= 2017)
    notes: str
    source: str
    _fields = (
        "canonical",
        "full_name",
        "kind",
        "aliases",
        "misspellings",
        "renames",
        "notes",
        "source",
    )
    __slots__ = _fields

    def __init__(
        self,
        canonical: str,
        full_name: str = "",
        kind: str = "conference",
        aliases: tuple[str, ...] = (),
        misspellings: tuple[str, ...] = (),
        renames: tuple[Rename, ...] = (),
        notes: str = "",
        source: str = "",
    ) -> None:
        set_ = object.__setattr__
        set_(self, "canonical", canonical)
        set_(self, "full_name", full_name)
        set_(self, "kind", kind)
        set_(self, "aliases", aliases)
        set_(self, "misspellings", misspellings)
        set_(self, "renames", renames)
        set_(self, "notes", notes)
        set_(self, "source", source)

    def rename(self, name: str) -> Rename | None:
        return next((r for r in self.renames if r.name == name), None)

    def names(self) -> tuple[str, ...]:
        return (
            self.canonical,
            *self.aliases,
            *self.misspellings,
            *(r.name for r in self.renames),
        )


class MatchKind(str, Enum):
    CANONICAL = "canonical"
    ALIAS = "alias"
    MISSPELLING = "misspelling"
    RENAME = "rename"


class VenueMatch(FrozenRecord):
    """A name found in the registry.

    ``spelling`` is the registry's spelling of the matched name (the canonical
    name, an alias or a former name); ``exact`` says the text was written so.
    """

    venue: Venue
    kind: MatchKind
    spelling: str
    exact: bool
    _fields = ("venue", "kind", "spelling", "exact")
    __slots__ = _fields

    def __init__(self, venue: Venue, kind: MatchKind, spelling: str, exact: bool) -> None:
        object.__setattr__(self, "venue", venue)
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "spelling", spelling)
        object.__setattr__(self, "exact", exact)

    @property
    def preferred(self) -> str:
        """How a formatter writes this name: misspellings become canonical, the rest
        keep their own (registry) spelling."""
        return self.venue.canonical if self.kind is MatchKind.MISSPELLING else self.spelling


# A full name is this long at least (letters and digits), so that short ones
# ("Nature", "Science") are never read as one in ordinary text.
FULL_NAME_MIN = 12
# Publishers a full name may be written with or without, squashed, longest first.
_PUBLISHERS = ("ieeecvf", "ieeersj", "ieee", "acm", "the")


def _norm(name: str) -> str:
    return " ".join(name.split())


def _fold(name: str) -> str:
    return _norm(name).casefold()


_NOT_ALNUM = lazy_compile(r"[\W_]+")  # one pattern object: the index squashes every name


def _squash(name: str) -> str:
    return _NOT_ALNUM.sub("", name.casefold())


class VenueRegistry(FrozenRecord):
    """The venues and their lookup tables; equal (and hashed) by ``venues`` alone."""

    venues: tuple[Venue, ...]
    _exact: dict[str, tuple[Venue, MatchKind]]
    _folded: dict[str, tuple[Venue, MatchKind, str]]
    _squashed: dict[str, tuple[Venue, MatchKind, str] | None]
    # lookup's answers by written name (VenueMatch is immutable, so they can be shared)
    _memo: dict[str, VenueMatch | None]
    # full names, squashed, with and without a leading publisher (built on first use)
    _full: dict[str, Venue | None]
    _fields = ("venues",)
    __slots__ = ("_exact", "_folded", "_full", "_memo", "_squashed", "venues")

    def __init__(self, venues: tuple[Venue, ...]) -> None:
        object.__setattr__(self, "venues", venues)
        exact: dict[str, tuple[Venue, MatchKind]] = {}
        folded: dict[str, tuple[Venue, MatchKind, str]] = {}
        squashed: dict[str, tuple[Venue, MatchKind, str] | None] = {}
        # (Built for every run that reads a venue: the members of MatchKind are read once,
        # an enum member's lookup being a slow attribute read, and a venue's names are
        # read kind by kind, in the order canonical, aliases, renames, misspellings.)
        canonical, alias, rename, misspelling = (
            MatchKind.CANONICAL,
            MatchKind.ALIAS,
            MatchKind.RENAME,
            MatchKind.MISSPELLING,
        )
        squash = _NOT_ALNUM.sub
        for venue in self.venues:
            renames = tuple(r.name for r in venue.renames) if venue.renames else ()
            for names, kind in (
                ((venue.canonical,), canonical),
                (venue.aliases, alias),
                (renames, rename),
                (venue.misspellings, misspelling),
            ):
                for name in names:
                    key = " ".join(name.split())  # (_norm)
                    other = exact.get(key)
                    if other is None:
                        exact[key] = (venue, kind)
                    elif other[0] is not venue:
                        raise ValueError(
                            f"venue name {name!r} is given to both "
                            f"{other[0].canonical!r} and {venue.canonical!r}"
                        )
                    if len(key) >= 4 and kind is not misspelling:
                        folded_key = key.casefold()
                        folded.setdefault(folded_key, (venue, kind, key))  # key is _norm'ed
                        sq = squash("", folded_key)  # (_squash)
                        if len(sq) >= 4:
                            prev = squashed.get(sq, (venue, kind, key))
                            squashed[sq] = prev if prev is not None and prev[0] is venue else None
        object.__setattr__(self, "_exact", exact)
        object.__setattr__(self, "_folded", folded)
        object.__setattr__(self, "_squashed", squashed)
        object.__setattr__(self, "_memo", {})
        object.__setattr__(self, "_full", {})

    def __iter__(self) -> Iterator[Venue]:
        return iter(self.venues)

    def __len__(self) -> int:
        return len(self.venues)

    def get(self, canonical: str) -> Venue | None:
        """The venue whose canonical name is exactly this."""
        hit = self._exact.get(_norm(canonical))
        return hit[0] if hit and hit[1] is MatchKind.CANONICAL else None

    def exact_preferred(self, name: str) -> str | None:
        """``lookup(name).preferred`` for a name written exactly as the registry does
        (None for any other): without the match object and the memo that ``lookup``
        makes, for a caller that reads every name of the registry once (AL207's index)."""
        key = " ".join(name.split())  # (_norm)
        hit = self._exact.get(key) if key else None
        if hit is None:
            return None
        return hit[0].canonical if hit[1] is MatchKind.MISSPELLING else key

    def lookup(self, name: str) -> VenueMatch | None:
        """Find a written name: exact, then (4+ characters) case-insensitive, then
        ignoring punctuation and spaces. None for an unknown name."""
        try:
            return self._memo[name]
        except KeyError:
            pass
        match = self._lookup(name)
        if len(self._memo) < _MEMO_SIZE:
            self._memo[name] = match
        return match

    def _lookup(self, name: str) -> VenueMatch | None:
        key = _norm(name)
        if not key:
            return None
        hit = self._exact.get(key)
        if hit is not None:
            return VenueMatch(hit[0], hit[1], key, True)
        if len(key) < 4:
            return None
        found = self._folded.get(_fold(key))
        if found is None:
            found = self._squashed.get(_squash(key))
            if found is not None:
                # Punctuation differs: a misspelling of the matched name.
                venue, kind, spelling = found
                if kind is MatchKind.CANONICAL:
                    return VenueMatch(venue, MatchKind.MISSPELLING, spelling, False)
                return VenueMatch(venue, kind, spelling, False)
            return None
        venue, kind, spelling = found
        return VenueMatch(venue, kind, spelling, False)

    def by_full_name(self, name: str) -> Venue | None:
        """The venue whose full name this is, ignoring case, punctuation and spaces,
        with or without a leading publisher (``IEEE Robotics and Automation Letters``,
        ``Transactions on Intelligent Transportation Systems``). Only full names of at
        least FULL_NAME_MIN letters and digits count; a name two venues share, none."""
        full = self._full
        if not full:
            for venue in self.venues:
                squashed = _squash(venue.full_name)
                keys = {squashed}
                for publisher in _PUBLISHERS:
                    if squashed.startswith(publisher):
                        keys.add(squashed[len(publisher) :])
                for key in keys:
                    if len(key) >= FULL_NAME_MIN:
                        full[key] = venue if full.get(key, venue) is venue else None
            full.setdefault("", None)  # built (an empty index is rebuilt otherwise)
        return full.get(_squash(name))

    def search(self, query: str = "") -> list[Venue]:
        """Venues whose names or full name contain the query (case-insensitive);
        every venue for an empty query. Exact name matches come first."""
        q = _fold(query)
        if not q:
            return list(self.venues)
        exact = self.lookup(query)
        out = [exact.venue] if exact else []
        for venue in self.venues:
            if venue in out:
                continue
            hay = [*(_fold(n) for n in venue.names()), _fold(venue.full_name)]
            if any(q in h for h in hay):
                out.append(venue)
        return out

    def extended(
        self,
        extra_venues: Iterable[str | Mapping[str, Any]] = (),
        aliases: Mapping[str, str] | None = None,
    ) -> VenueRegistry:
        """A registry with user venues (names, or tables with ``name`` and optional
        ``full-name``, ``kind``, ``aliases``) and user aliases (alias -> a known
        venue). Raises ValueError naming what is wrong."""
        venues = list(self.venues)
        for item in extra_venues:
            venue = _venue_from_config(item)
            if any(n in self._exact for n in venue.names()):
                raise ValueError(f"extra-venues: {venue.canonical!r} is already a known venue")
            venues.append(venue)
        for alias, target in (aliases or {}).items():
            if not isinstance(alias, str) or not isinstance(target, str):
                raise ValueError(f"aliases: {alias!r} = {target!r} must map a name to a name")
            index = next((i for i, v in enumerate(venues) if v.canonical == _norm(target)), None)
            if index is None:
                raise ValueError(f"aliases: {alias!r} maps to unknown venue {target!r}")
            old = venues[index]
            venues[index] = Venue(
                old.canonical,
                old.full_name,
                old.kind,
                (*old.aliases, _norm(alias)),
                old.misspellings,
                old.renames,
                old.notes,
                old.source,
            )
        return VenueRegistry(tuple(venues))


def _venue_from_config(item: str | Mapping[str, Any]) -> Venue:
    if isinstance(item, str):
        if not _norm(item):
            raise ValueError("extra-venues: empty venue name")
        return Venue(_norm(item), kind="conference", source="config")
    if not isinstance(item, Mapping):
        raise ValueError(f"extra-venues: {item!r} is neither a name nor a table")
    unknown = set(item) - {"name", "full-name", "kind", "aliases"}
    if unknown:
        raise ValueError(f"extra-venues: unknown key {sorted(unknown)[0]!r}")
    name = item.get("name")
    if not isinstance(name, str) or not _norm(name):
        raise ValueError("extra-venues: a table needs a 'name'")
    kind = item.get("kind", "conference")
    if kind not in KINDS:
        raise ValueError(f"extra-venues: kind {kind!r} is not one of {', '.join(KINDS)}")
    alias_list = item.get("aliases", [])
    if not isinstance(alias_list, list) or not all(isinstance(a, str) for a in alias_list):
        raise ValueError("extra-venues: 'aliases' must be a list of names")
    full_name = item.get("full-name", "")
    if not isinstance(full_name, str):
        raise ValueError("extra-venues: 'full-name' must be a string")
    return Venue(_norm(name), full_name, kind, tuple(_norm(a) for a in alias_list), source="config")


def _venue_from_json(data: Mapping[str, Any]) -> Venue:
    return Venue(
        canonical=data["canonical"],
        full_name=data.get("full_name", ""),
        kind=data.get("kind", "conference"),
        aliases=tuple(data.get("aliases", ())),
        misspellings=tuple(data.get("misspellings", ())),
        renames=tuple(
            Rename(r["name"], r.get("first"), r.get("last")) for r in data.get("renames", ())
        ),
        notes=data.get("notes", ""),
        source=data.get("source", ""),
    )


def load_registry(path: Path = DATA_FILE) -> VenueRegistry:
    """The registry of a JSON file written as ``venues.json`` is."""
    import json  # (the shipped registry is loaded from its Python module)

    data = json.loads(path.read_bytes())
    return VenueRegistry(tuple(_venue_from_json(v) for v in data["venues"]))


@cache
def default_registry() -> VenueRegistry:
    """The shipped registry, read once per process."""
    from awesome_lint.venues.data import VENUES

    return VenueRegistry(
        tuple(
            Venue(
                canonical,
                full_name,
                kind,
                aliases,
                misspellings,
                tuple(Rename(*rename) for rename in renames) if renames else (),
                notes,
                source,
            )
            for canonical, full_name, kind, aliases, misspellings, renames, notes, source in VENUES
        )
    )
