"""What the venue rules (AL201-AL206) share: the registry from options, the file's
year style, and (from ``domain.venues``) where an entry's venue tokens are."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import Any

from awesome_lint.domain.venues import (
    Found,
    VenueTokens,
    all_tokens,
    document_tokens,
    entry_tokens,
    file_spelling,
    regions,
)
from awesome_lint.lazyre import lazy_compile
from awesome_lint.parser.document import Document, Entry
from awesome_lint.rules.base import Option, OptionError
from awesome_lint.venues.parse import (
    DEFAULT_STYLE,
    Style,
    most_common_style,
    parse_style,
    token_style,
)
from awesome_lint.venues.registry import VenueRegistry, default_registry
from awesome_lint.venues.urls import VenueYear, venue_from_url, workshop_from_url

VENUE_FORMAT = "AL201"


def _check_extra(value: Any) -> Any:
    if not isinstance(value, list):
        raise OptionError("must be a list of venue names or tables")
    try:
        default_registry().extended(value, {})
    except ValueError as exc:
        raise OptionError(str(exc)) from None
    return value


def _check_aliases(value: Any) -> Any:
    if not isinstance(value, dict):
        raise OptionError("must be a table of alias = venue")
    try:
        default_registry().extended([], value)
    except ValueError as exc:
        raise OptionError(str(exc)) from None
    return value


VENUE_OPTIONS: dict[str, Option] = {
    "extra-venues": Option(
        [],
        "venues the registry lacks: names, or tables with name, full-name, kind, aliases",
        validate=_check_extra,
    ),
    "aliases": Option(
        {},
        "more names for registry venues: a table of alias = canonical name "
        "(a venue from extra-venues lists its aliases in its own table)",
        validate=_check_aliases,
    ),
}
SHARED = {"extra-venues": VENUE_FORMAT, "aliases": VENUE_FORMAT}


@lru_cache(maxsize=16)
def _extended(key: str) -> VenueRegistry:
    import json  # (only for user venues: the cache key)

    extra, aliases = json.loads(key)
    return default_registry().extended(extra, aliases)


def registry_for(options: Mapping[str, Any]) -> VenueRegistry:
    extra = options.get("extra-venues") or []
    aliases = options.get("aliases") or {}
    if not extra and not aliases:
        return default_registry()
    import json

    return _extended(json.dumps([extra, aliases], sort_keys=True))


def check_style(value: Any) -> Any:
    if value == "consistent":
        return value
    if not isinstance(value, str):
        raise OptionError('must be a string such as "{name}\'{yy}" or "consistent"')
    try:
        parse_style(value)
    except ValueError as exc:
        raise OptionError(str(exc)) from None
    return value


#: A year style is the file's habit when at least this share of its venues follow it.
STYLE_MIN_SHARE = 0.8


def file_style(tokens: VenueTokens, option: str, *, habit: bool = True) -> Style | None:
    """The style to write: the option's, or the file's most common (ties: {name}'{yy});
    None when no style is a habit of the file (``CVPR 2024`` 491 times and ``CVPR2024``
    386 times is two habits, not one with slips). With ``habit=False`` the most common
    style even so (to write a new venue in)."""
    if option != "consistent":
        return parse_style(option)
    counts: dict[Style, int] = {}  # in order of first use
    for where, token, n in tokens.uses():
        if token.match is not None and where != "subtitle" and token.month is None:
            st = token_style(token)
            if st is not None:
                counts[st] = counts.get(st, 0) + n
    best = most_common_style(counts, DEFAULT_STYLE)
    if habit and counts and counts[best] < STYLE_MIN_SHARE * sum(counts.values()):
        return None
    return best


def url_of(entry: Entry, document: Document) -> str | None:
    """The entry's paper link: its leading link, else its first non-image link."""
    if entry.link is not None:
        return entry.link.url_value
    for link in entry.links:
        if not link.image:
            return link.url_value
    return None


def implied_venues(document: Document) -> list[tuple[Entry, VenueYear]]:
    """The entries whose paper link implies a venue and year (see ``venues.urls``),
    with them, in order (computed once per document)."""
    cached: list[tuple[Entry, VenueYear]] | None = document.cache.get("implied-venues")
    if cached is not None:
        return cached
    out: list[tuple[Entry, VenueYear]] = []
    # what each URL implies, read once (for this document only): entries repeat a
    # URL (a paper listed under two topics), and a URL of a venue's site is split
    seen: dict[str, VenueYear | None] = {}
    pdfs: list[tuple[Entry, str]] = []  # the others that link a PDF (file_name_venues)
    for entry in document.entries():
        url = url_of(entry, document)
        if not url:
            continue
        if url in seen:
            implied = seen[url]
        else:
            implied = seen[url] = venue_from_url(url)
        if implied is not None:
            out.append((entry, implied))
        elif url[-1] in "fF" and url.endswith((".pdf", ".PDF")):
            pdfs.append((entry, url))
    document.cache["implied-venues"] = out
    document.cache["pdf-links"] = pdfs
    return out


# A venue key and year in a PDF's file name, between separators: `lprof_osdi14.pdf`,
# `LITE-sosp17.pdf`, `sipml_sigcomm_2021.pdf` (authors' pages name their papers so).
_FILE_TAG = lazy_compile(r"(?i)(?:^|[_.-])([a-z]{2,14})[_-]?((?:19|20)?\d\d)(?=[_.-]|$)")


def file_name_venue(url: str, registry: VenueRegistry) -> VenueYear | None:
    """``(canonical venue, year)`` named by the file name of a PDF link on a host
    ``venue_from_url`` does not read (``.../papers/lprof_osdi14.pdf``): one key the
    registry knows as a conference, spelt as it spells it, with its year; None when the
    name holds none or two different ones (``nips18_sysml``: a workshop's paper)."""
    if not url.endswith((".pdf", ".PDF")) or url.startswith(_ARXIV):
        return None
    tags = _FILE_TAG.findall(url.rpartition("/")[2][:-4])
    if len(tags) != 1:
        return None  # none, or "nips18_sysml19": two keys with years, whichever the venue
    key, digits = tags[0]
    match = registry.lookup(key)
    if match is None or match.venue.kind != "conference":
        return None
    if key.casefold() != match.spelling.casefold():
        return None  # only a name as the registry spells it (no folded or near match)
    year = int(digits) if len(digits) == 4 else 2000 + int(digits)
    return None if year > 2040 else (match.venue.canonical, year)


_ARXIV = ("https://arxiv.org/", "http://arxiv.org/")


def file_name_venues(document: Document, registry: VenueRegistry) -> list[tuple[Entry, VenueYear]]:
    """The entries whose paper link names no venue by its host (``implied_venues``)
    but by its PDF's file name (``file_name_venue``), with it, in order."""
    implied_venues(document)  # (which keeps the PDF links it reads no venue from)
    pdfs: list[tuple[Entry, str]] = document.cache["pdf-links"]
    out: list[tuple[Entry, VenueYear]] = []
    seen: dict[str, VenueYear | None] = {}  # (a paper listed twice: one reading)
    for entry, url in pdfs:
        if url in seen:
            implied = seen[url]
        else:
            implied = seen[url] = file_name_venue(url, registry)
        if implied is not None:
            out.append((entry, implied))
    return out


def implied_workshops(document: Document) -> list[tuple[Entry, VenueYear]]:
    """The entries whose paper link is a workshop paper of a conference (see
    ``venues.urls.workshop_from_url``), with that conference and year, in order."""
    out: list[tuple[Entry, VenueYear]] = []
    text = document.text
    if not any(mark in text for mark in _WORKSHOP_MARKS) or not any(
        workshop_from_url(url) for url in _workshop_hosts(text)
    ):
        return out  # (most lists: no workshop paper's link at all)
    for entry in document.entries():
        url = url_of(entry, document)
        if url:
            implied = workshop_from_url(url)
            if implied is not None:
                out.append((entry, implied))
    return out


def _workshop_hosts(text: str) -> Iterator[str]:
    """The text after each "thecvf.com/" and "aaai.org/" (an address's rest, up to a
    blank or a closing parenthesis): what ``workshop_from_url`` may read, found with
    str.find rather than by reading every entry."""
    for host in ("openaccess.thecvf.com/", "aaai.org/"):
        at = text.find(host)
        while at >= 0:
            rest = _URL_REST.match(text, at)
            assert rest is not None
            yield "https://" + rest.group()
            at = text.find(host, rest.end())


_URL_REST = lazy_compile(r"[^\s)>\]]*")

# What every workshop path ``workshop_from_url`` reads has (a cheap test before it).
_WORKSHOP_MARKS = ("W_", "W/", "_workshops", "/WS/")


__all__ = [
    "SHARED",
    "VENUE_OPTIONS",
    "Found",
    "VenueTokens",
    "all_tokens",
    "check_style",
    "document_tokens",
    "entry_tokens",
    "file_name_venue",
    "file_name_venues",
    "file_spelling",
    "file_style",
    "implied_venues",
    "implied_workshops",
    "regions",
    "registry_for",
    "url_of",
]


# Links whose whole label is a known venue (`[[SIGMOD](url)]`) from which on a list
# writes its venues as link labels: such a label is the entry's venue slot.
LABEL_VENUES_MIN = 10


def labels_venues(document: Document, registry: VenueRegistry) -> bool:
    """Whether at least ``LABEL_VENUES_MIN`` links of the document have a known venue
    as their whole label: the links are read until that many are found, once per
    document (AL205 and AL207 ask)."""
    key = ("labels-venues", id(registry))
    cached: bool | None = document.cache.get(key)
    if cached is not None:
        return cached
    text = document.text
    lookup = registry.lookup
    found = 0
    for link in document.links:
        start, end = link.text
        if end - start <= 20 and not link.image and lookup(text[start:end].strip()) is not None:
            found += 1
            if found >= LABEL_VENUES_MIN:
                break
    answer = document.cache[key] = found >= LABEL_VENUES_MIN
    return answer


# A label that may be a venue the registry lacks: `T-ASE`, `Autonomous Robots`,
# `ICCV&CoRL Workshop`, `RA-L&IROS` (up to four capitalised words, no digits).
_VENUE_LABEL = lazy_compile(r"[A-Z][A-Za-z.&/-]*(?:[ \t]*&?[ \t]*[A-Z][A-Za-z.&/-]*){0,3}")


def label_slot(document: Document, entry: Entry) -> bool:
    """Whether the entry opens with a link whose whole label may be a venue (after an
    emoji or a bracket at most: `- 🤖 [[T-ASE](url)] Title`), the venue's slot in a list
    that labels its links with venues (``labels_venues``)."""
    links = [link for link in entry.links if not link.image]
    if not links:
        return False
    link = links[0]
    text = document.text
    if any(ch.isalnum() for ch in text[entry.content[0] : link.start]):
        return False  # words before the link: not the entry's opening slot
    start, end = link.text
    return (
        end - start <= 30
        and _VENUE_LABEL.fullmatch(text, start, end) is not None
        and text[start:end].casefold() not in _RESOURCE_LABELS
    )


# Labels of a paper's resources, no venue: `[[Code](url)] Title`.
_RESOURCE_LABELS = frozenset(
    {
        *("paper", "pdf", "code", "github", "link", "project", "page", "website", "video"),
        *("demo", "slides", "blog", "dataset", "data", "arxiv", "doi", "official"),
    }
)
