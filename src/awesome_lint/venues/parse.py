"""The one venue parser: venue tokens with exact spans, and year styles.

A venue token is a name, an optional separator and a year, as paper lists write
them: ``OSDI'22``, ``OSDI' 22``, ``MobiSys ’22``, ``ICML 2022``, ``OSDI20``,
``Neurips2023``, ``arxiv 2024.12``, and after a known name ``ICLR, 2024``.
Qualifiers ride along and are kept as written (``EMNLP'23 Findings``,
``NeurIPS'24 Workshop``, ``SC workshop'24``), and so is a workshop held at a host
venue (``NAIC @ SIGCOMM'24``: the token is the host).

Spans are offsets into the text given to the parser. The parser knows nothing of
Markdown; callers hand it a piece of an entry (a venue slot, a subtitle, a
bracketed prefix, the text after a title).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from functools import lru_cache

from awesome_lint.lazyre import lazy_compile
from awesome_lint.records import FrozenRecord
from awesome_lint.venues.registry import MatchKind, VenueMatch, VenueRegistry, default_registry

Span = tuple[int, int]

QUALIFIERS = frozenset(
    w.casefold()
    for w in (
        "Findings",
        "Workshop",
        "Workshops",
        "WiP",
        "Demo",
        "Demos",
        "Oral",
        "Spotlight",
        "Poster",
        "Posters",
        "Tutorial",
        "Short",
        "Long",
        "Industry",
        "Main",
        "Highlight",
        "Artifact",
    )
)
_TWO_WORD_QUALIFIERS = frozenset(("best paper", "industry track", "short paper", "survey track"))

# Ordinary words that are also venue names of four or more characters: in free
# text they count only when written exactly as the registry writes them.
_COMMON_WORDS = frozenset(
    ("date", "cluster", "cloud", "micro", "middleware", "findings", "computer", "interspeech")
)

# Characters that end a word (a word may hold ' ’ ` & + - / . but not these). An
# underscore joins two parts of a word (``snake_case``) but is no part of one at its
# start or end: there it is emphasis, ``_TPAMI 2021_.``
_WORD_PART = r"[^\s\[\](){}（）`,;|\"<>*@:!?_]+"
_WORD = lazy_compile(rf"{_WORD_PART}(?:_+(?=[^\W_]){_WORD_PART})*")
_YEAR4 = r"(?:19[6-9]\d|20[0-4]\d)"
_PURE_YEAR = lazy_compile(
    rf"(?P<apo>['’`]?)(?P<year>{_YEAR4}|\d\d)(?P<month>\.(?:1[0-2]|0?[1-9]))?"
    r"(?P<tail>['’`])?\.?\Z"
)
_GLUED = lazy_compile(
    rf"(?P<name>.*?[A-Za-z+&])(?P<sep>['’`]|-)?(?P<year>{_YEAR4}|\d\d)"
    r"(?P<month>\.(?:1[0-2]|0?[1-9]))?\.?\Z"
)
_TWO_DIGITS = lazy_compile(r"\d\d")
# A month's name, whole or cut short (``Jun``, ``June``, ``Sept.``): after two digits
# it makes them a day (``26 Jun 2018``).
_MONTH_WORD = lazy_compile(r"(?i)(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\Z")
# "ICLR, 2024", "(**CVPR, 2021**)": a comma between a known name and a four-digit year.
_COMMA_GAP = lazy_compile(r",[ \t]*")
_SPACES = lazy_compile(r"\s+")
_PAREN_NOTE = lazy_compile(r"[ \t]*\((?P<q>[^()\d\n]{1,30})\)")
_WRAPPED = lazy_compile(r"\[([^\[\]\n]+)\]|\(([^()\n]+)\)|`([^`\n]+)`")
_APOSTROPHES = "'’`"
_OPEN = {"[": "]", "(": ")", "`": "`"}


class VenueToken(FrozenRecord):
    """One venue as written.

    ``span`` covers the whole token: workshop part (if any), name, qualifiers,
    separator and year. ``name`` is the name as written and ``match`` its registry
    entry (None: an unknown name, e.g. ``SAA'25``). ``sep`` is the text between
    the name (or a qualifier glued before the year) and the year, as written.
    ``year`` is the four-digit year (None: a name alone, e.g. ``[arxiv]``).
    """

    span: Span
    name_span: Span
    name: str
    match: VenueMatch | None
    sep_span: Span | None
    sep: str
    year_span: Span | None
    year_text: str
    year: int | None
    month: int | None
    month_span: Span | None
    qualifiers: tuple[Span, ...]
    workshop_span: Span | None  # "NAIC" in "NAIC @ SIGCOMM'24"
    wrapper: str  # "[", "(", "`" when the token fills such a pair, else ""
    tail: str  # an apostrophe after the year, "ECCV 24'" (a style of no name)
    _fields = (
        "span",
        "name_span",
        "name",
        "match",
        "sep_span",
        "sep",
        "year_span",
        "year_text",
        "year",
        "month",
        "month_span",
        "qualifiers",
        "workshop_span",
        "wrapper",
        "tail",
    )
    __slots__ = _fields

    def __init__(
        self,
        span: Span,
        name_span: Span,
        name: str,
        match: VenueMatch | None,
        sep_span: Span | None = None,
        sep: str = "",
        year_span: Span | None = None,
        year_text: str = "",
        year: int | None = None,
        month: int | None = None,
        month_span: Span | None = None,
        qualifiers: tuple[Span, ...] = (),
        workshop_span: Span | None = None,
        wrapper: str = "",
        tail: str = "",
    ) -> None:
        set_ = object.__setattr__
        set_(self, "span", span)
        set_(self, "name_span", name_span)
        set_(self, "name", name)
        set_(self, "match", match)
        set_(self, "sep_span", sep_span)
        set_(self, "sep", sep)
        set_(self, "year_span", year_span)
        set_(self, "year_text", year_text)
        set_(self, "year", year)
        set_(self, "month", month)
        set_(self, "month_span", month_span)
        set_(self, "qualifiers", qualifiers)
        set_(self, "workshop_span", workshop_span)
        set_(self, "wrapper", wrapper)
        set_(self, "tail", tail)

    @property
    def known(self) -> bool:
        return self.match is not None

    @property
    def canonical(self) -> str | None:
        return self.match.venue.canonical if self.match else None

    @property
    def style(self) -> str | None:
        """The year style as a pattern, e.g. ``{name}'{yy}``; None without a year."""
        if self.year_span is None:
            return None
        sep = "".join("'" if c in _APOSTROPHES else c for c in self.sep)
        sep = _SPACES.sub(" ", sep)
        digits = "{yy}" if len(self.year_text) == 2 else "{yyyy}"
        # (an apostrophe after the year, "{name} {yy}'", is no style a rule can write)
        return "{name}" + sep + digits + ("'" if self.tail else "")

    @property
    def year_part_span(self) -> Span | None:
        """Separator and year together (what a style change rewrites)."""
        if self.year_span is None:
            return None
        start = self.sep_span[0] if self.sep_span else self.year_span[0]
        return (start, self.year_span[1])


class Slot(FrozenRecord):
    """What a venue slot (the text after `` | ``) holds."""

    text: str
    tokens: tuple[VenueToken, ...]
    year_only: bool
    _fields = ("text", "tokens", "year_only")
    __slots__ = _fields

    def __init__(self, text: str, tokens: tuple[VenueToken, ...], year_only: bool = False) -> None:
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "tokens", tokens)
        object.__setattr__(self, "year_only", year_only)

    @property
    def empty(self) -> bool:
        return not self.text.strip()

    @property
    def is_venue(self) -> bool:
        return any(t.known for t in self.tokens)

    @property
    def is_unknown(self) -> bool:
        """Neither empty, nor a year, nor holding a known venue (an affiliation,
        or a venue the registry does not know)."""
        return not self.empty and not self.year_only and not self.is_venue


# A word of the text: its match (``start()``, ``end()``, ``group()``). The matches
# themselves, not an object made of each: a long entry has dozens of words, and
# only those around a year are read.
_Word = re.Match[str]


def _year_value(text: str) -> int:
    if len(text) == 4:
        return int(text)
    yy = int(text)
    return 2000 + yy if yy < 60 else 1900 + yy


def _only_spaces(text: str) -> bool:
    return text == "" or (text.strip(" \t") == "" and "\n" not in text)


def _is_qualifier_at(words: list[_Word], i: int) -> int:
    """How many words starting at i form a qualifier (0: none)."""
    if i + 1 < len(words):
        pair = f"{words[i].group()} {words[i + 1].group()}".casefold()
        if pair in _TWO_WORD_QUALIFIERS:
            return 2
    return 1 if words[i].group().casefold() in QUALIFIERS else 0


def _lookup(registry: VenueRegistry, name: str, *, free: bool) -> VenueMatch | None:
    match = registry.lookup(name)
    if match is None:
        return None
    if free and not match.exact and name.casefold() in _COMMON_WORDS:
        return None
    return match


def _venue_like(name: str) -> bool:
    """An unknown name that may be a venue (``SAA``, ``NLP-OSS``), not a word."""
    return bool(re.fullmatch(r"[A-Za-z][\w&+./-]{0,19}", name)) and (
        sum(c.isupper() for c in name) >= 2
    )


def find_venues(
    text: str,
    registry: VenueRegistry | None = None,
    *,
    free: bool = True,
) -> list[VenueToken]:
    """Every venue token in ``text``, in order.

    Tokens need a year, except a known name that alone fills a wrapper
    (``[arxiv]``, ``(SC)``) or, with ``free=False`` (a venue slot), the whole
    text. Unknown names are returned only in clear venue shapes (``SAA'25``:
    an apostrophe before the year, or a name and year filling a wrapper).
    ``free`` marks free text, where ordinary words that are venue names
    (``Cluster``, ``Date``) count only when written as the registry writes them.
    """
    reg = registry or default_registry()
    tokens: list[VenueToken] = []
    # Every token with a year has two digits in a row (in one word: digits end no
    # word): only those words are tried; without any, only bare names.
    words: list[_Word] = []
    with_digits: list[int] = []  # their indexes in words
    digits = [m.start() for m in _TWO_DIGITS.finditer(text)]
    if digits:
        words = list(_WORD.finditer(text))
        starts = [word.start() for word in words]
        with_digits = sorted({bisect_right(starts, at) - 1 for at in digits})
    used_until = 0
    after_token = 0  # the first word after the last token
    for i in with_digits:
        if i < after_token:
            continue  # inside the last token
        token = _token_at(text, words, i, reg, free=free, floor=used_until)
        if token is None:
            continue
        # Drop earlier tokens that this one swallowed (the workshop in "X'24 @ Host'24").
        while tokens and tokens[-1].span[1] > token.span[0]:
            tokens.pop()
        tokens.append(token)
        used_until = token.span[1]
        after_token = i + 1
        while after_token < len(words) and words[after_token].start() < used_until:
            after_token += 1
    tokens.extend(_bare_names(text, reg, tokens, whole=not free))
    tokens.sort(key=lambda t: t.span)
    return tokens


def _token_at(
    text: str,
    words: list[_Word],
    j: int,
    reg: VenueRegistry,
    *,
    free: bool,
    floor: int,
) -> VenueToken | None:
    """A token whose year is in word j (glued or alone), or None."""
    word = words[j]
    year_m = _PURE_YEAR.match(word.group())
    if year_m is not None and j > 0:
        # "OSDI 2022", "OSDI' 22", "MobiSys ’22": the name ends in an earlier word.
        prev = words[j - 1]
        gap = text[prev.end() : word.start()]
        comma = False
        if not _only_spaces(gap):
            # "ICLR, 2024": only a known name, a four-digit year and no apostrophe
            # ("Smith, 2020", "vol. 3, 24" are no venues)
            comma = (
                _COMMA_GAP.fullmatch(gap) is not None
                and not year_m.group("apo")
                and len(year_m.group("year")) == 4
            )
            if not comma:
                return None
        if prev.end() <= floor:
            return None
        prev_text = prev.group().rstrip(_APOSTROPHES)
        trailing_apo = len(prev.group()) - len(prev_text)
        if not prev_text or (comma and trailing_apo):
            return None
        name_end = prev.start() + len(prev_text)
        sep_start = name_end
        apo = year_m.group("apo")
        year_text = year_m.group("year")
        tail = year_m.group("tail") or ""
        if tail and (apo or trailing_apo or comma):
            return None  # "'24'", "ICLR' 24'": a quoted number, no venue
        if len(year_text) == 2 and not apo and j + 1 < len(words):
            after = words[j + 1]
            if _only_spaces(text[word.end() : after.start()]) and _MONTH_WORD.match(after.group()):
                return None  # "arXiv 26 Jun 2018": a day before its month, no year
        # A bare two-digit number ("OSDI 22") is a year only after a known name, and so
        # is one with an apostrophe after it ("ECCV 24'").
        need_known = comma or bool(tail) or (len(year_text) == 2 and not apo and not trailing_apo)
        year_start = word.start() + len(apo)
        end_word = j
        return _build(
            text,
            words,
            reg,
            name_last=j - 1,
            name_end=name_end,
            sep_span=(sep_start, year_start),
            year_span=(year_start, year_start + len(year_text)),
            month=year_m.group("month"),
            end_word=end_word,
            need_known=need_known,
            apostrophe=bool(apo or trailing_apo),
            free=free,
            floor=floor,
            tail=tail,
        )
    glued = _GLUED.match(word.group())
    if glued is None or year_m is not None:
        return None
    name_end = word.start() + glued.end("name")
    sep = glued.group("sep") or ""
    year_start = word.start() + glued.start("year")
    year_text = glued.group("year")
    return _build(
        text,
        words,
        reg,
        name_last=j,
        name_end=name_end,
        sep_span=(name_end, year_start),
        year_span=(year_start, year_start + len(year_text)),
        month=glued.group("month"),
        end_word=j,
        need_known=sep not in ("'", "’", "`"),
        apostrophe=sep in ("'", "’", "`"),
        free=free,
        floor=floor,
    )


def _build(
    text: str,
    words: list[_Word],
    reg: VenueRegistry,
    *,
    name_last: int,
    name_end: int,
    sep_span: Span,
    year_span: Span,
    month: str | None,
    end_word: int,
    need_known: bool,
    apostrophe: bool,
    free: bool,
    floor: int,
    tail: str = "",
) -> VenueToken | None:
    # Words that make up the name: name_last's text up to name_end, and up to three
    # words before it joined by spaces. Qualifier words just before the year
    # ("SC workshop'24", "EMNLP Findings 2024") are skipped into the qualifiers.
    first_word = words[name_last]
    parts: list[tuple[int, int]] = [(first_word.start(), name_end)]
    k = name_last
    while k > 0 and len(parts) < 5:
        prev = words[k - 1]
        if prev.end() <= floor or not _only_spaces(text[prev.end() : words[k].start()]):
            break
        if not any(ch.isalnum() for ch in prev.group()):
            break  # "*Authors*. EMNLP 2019": a lone "." is no part of a name
        parts.insert(0, (prev.start(), prev.end()))
        k -= 1
    qualifiers: list[Span] = []
    # Trailing qualifier words among the name parts.
    while len(parts) > 1 and text[parts[-1][0] : parts[-1][1]].casefold() in QUALIFIERS:
        qualifiers.insert(0, parts.pop())
    match: VenueMatch | None = None
    name_span: Span | None = None
    for n in range(len(parts), 0, -1):
        start = parts[-n][0]
        candidate = text[start : parts[-1][1]]
        match = _lookup(reg, candidate, free=free)
        if match is not None:
            name_span = (start, parts[-1][1])
            break
    if match is None:
        last = parts[-1]
        name = text[last[0] : last[1]]
        if need_known or not _venue_like(name):
            return None
        name_span = last
        if not apostrophe and not _fills_wrapper(text, last[0], year_span[1]):
            return None
    assert name_span is not None
    # The separator runs from the end of the name (or of a qualifier glued before
    # the year, as in "SC workshop'24") to the year.
    sep_span = ((qualifiers[-1] if qualifiers else name_span)[1], year_span[0])
    end = year_span[1]
    month_value: int | None = None
    month_span: Span | None = None
    if month:
        month_span = (end, end + len(month))
        month_value = int(month[1:])
        end += len(month)
    end += len(tail)
    # Qualifiers after the year: words from the list, or a short parenthesised note.
    w = end_word + 1
    while w < len(words):
        gap = text[end : words[w].start()]
        if not _only_spaces(gap) or not gap:
            break
        n = _is_qualifier_at(words, w)
        if n == 0:
            break
        qualifiers.append((words[w].start(), words[w + n - 1].end()))
        end = words[w + n - 1].end()
        w += n
    paren = _PAREN_NOTE.match(text, end)
    if paren is not None and (
        (not free and len(paren.group("q").split()) <= 3) or _paren_qualifier(paren.group("q"))
    ):
        qualifiers.append((paren.start("q") - 1, paren.end()))
        end = paren.end()
    start = name_span[0]
    workshop_span = _workshop_before(text, start)
    if workshop_span is not None:
        start = workshop_span[0]
    year_text = text[year_span[0] : year_span[1]]
    return VenueToken(
        span=(start, end),
        name_span=name_span,
        name=text[name_span[0] : name_span[1]],
        match=match,
        sep_span=sep_span,
        sep=text[sep_span[0] : sep_span[1]],
        year_span=year_span,
        year_text=year_text,
        year=_year_value(year_text),
        month=month_value,
        month_span=month_span,
        qualifiers=tuple(sorted(qualifiers)),
        workshop_span=workshop_span,
        wrapper=_wrapper(text, start, end),
        tail=tail,
    )


def _paren_qualifier(note: str) -> bool:
    words = note.split()
    return 0 < len(words) <= 3 and (
        any(w.casefold() in QUALIFIERS for w in words)
        or note.casefold() in _TWO_WORD_QUALIFIERS
        or note.strip().casefold() in ("splotlight", "pmlr", "best paper")
    )


def _workshop_before(text: str, start: int) -> Span | None:
    """The workshop in ``Workshop @ Host'YY``: text before an ``@`` up to a wrapper
    or delimiter."""
    head = text[:start].rstrip(" \t")
    if not head.endswith("@"):
        return None
    left = head[:-1].rstrip(" \t")
    begin = max(left.rfind(c) for c in "[(`|,;") + 1
    while begin < len(left) and left[begin] in " \t":
        begin += 1
    if begin >= len(left):
        return None
    return (begin, len(left))


def _wrapper(text: str, start: int, end: int) -> str:
    if start > 0 and end < len(text):
        opener = text[start - 1]
        if _OPEN.get(opener) == text[end]:
            return opener
    return ""


def _fills_wrapper(text: str, start: int, end: int) -> bool:
    return _wrapper(text, start, end) != ""


def _bare_names(
    text: str, reg: VenueRegistry, tokens: list[VenueToken], *, whole: bool
) -> list[VenueToken]:
    """Known names without a year that fill a wrapper (or the whole slot)."""
    out: list[VenueToken] = []
    spans: list[Span] = []
    if not whole and "[" not in text and "(" not in text and "`" not in text:
        return out
    if whole:
        stripped = text.strip()
        if stripped:
            s = text.index(stripped)
            spans.append((s, s + len(stripped)))
    for m in _WRAPPED.finditer(text):
        g = 1 if m.group(1) is not None else 2 if m.group(2) is not None else 3
        inner = m.group(g)
        stripped = inner.strip()
        if not stripped:
            continue
        s = m.start(g) + inner.index(stripped)
        spans.append((s, s + len(stripped)))
    taken = _Intervals(t.span for t in tokens)
    for s, e in spans:
        if taken.overlaps(s, e):
            continue
        name = text[s:e]
        match = reg.lookup(name)
        if match is None:
            continue
        out.append(
            VenueToken(
                span=(s, e), name_span=(s, e), name=name, match=match, wrapper=_wrapper(text, s, e)
            )
        )
        taken.add(s, e)
    return out


class _Intervals:
    """Spans, for "does this one overlap any?" in logarithmic time: a slot with
    thousands of tokens and wrapped names compared every pair (quadratic)."""

    __slots__ = ("_ends", "_starts")

    def __init__(self, spans: Iterable[Span]) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        for start, end in sorted(spans):
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        """Record a span; spans overlapping it are merged into one (only overlaps are asked)."""
        if start >= end:
            return  # an empty span overlaps nothing
        i = bisect_left(self._ends, start)  # the first span ending at or after start
        j = i
        while j < len(self._starts) and self._starts[j] <= end:
            start = min(start, self._starts[j])
            end = max(end, self._ends[j])
            j += 1
        self._starts[i:j] = [start]
        self._ends[i:j] = [end]

    def overlaps(self, start: int, end: int) -> bool:
        """Whether [start, end) shares a position with a recorded span."""
        i = bisect_right(self._ends, start)  # the first span ending after start
        return i < len(self._starts) and self._starts[i] < end


def parse_slot(text: str, registry: VenueRegistry | None = None) -> Slot:
    """Read a venue slot (the text after the last `` | `` of an entry)."""
    reg = registry or default_registry()
    tokens = tuple(find_venues(text, reg, free=False))
    if not any(t.known for t in tokens):
        # A known name written exactly, among other words: "ICML ES-FoMo Workshop 2025".
        for word in _WORD.finditer(text):
            match = reg.lookup(word.group())
            if match is not None and match.exact and match.kind is not MatchKind.MISSPELLING:
                span = word.span()
                if not any(t.span[0] < span[1] and span[0] < t.span[1] for t in tokens):
                    bare = VenueToken(span=span, name_span=span, name=word.group(), match=match)
                    tokens = tuple(sorted((*tokens, bare), key=lambda t: t.span))
                break
    year_only = not tokens and bool(_PURE_YEAR.fullmatch(text.strip().strip("()[]")))
    return Slot(text, tokens, year_only)


_BREAK = r"\s\[\](){}（）`,;|\"<>*@:!?"  # the characters that end a word (see _WORD)
_NAME = r"[A-Za-z]+(?:[&+-][A-Za-z]+)*"
# The name as an atomic group (a lookahead and a back-reference): once a
# word is read, it is never tried shorter, which halves a whole-file search.
_ATOMIC_NAME = rf"(?=(?P<name>{_NAME}))(?P=name)"
# A name and the year after it, matched in the REVERSED text: a pattern that
# starts with a digit is searched for quickly, one that starts with a name is
# tried at every letter (ten times slower on a long list). Read backwards: the
# year ('YY or 'YYYY with an apostrophe around it; YYYY glued, after a hyphen
# or after spaces or a comma; a bare two-digit number is no year: ResNet-50, OSDI 22),
# qualifier words, the name, and a word break before it.
_REVERSED_QUALIFIER = (  # longest first; sorted, so that the pattern is the same every run
    "(?i:" + "|".join(sorted((q[::-1] for q in QUALIFIERS), key=lambda q: (-len(q), q))) + ")"
)
_NAME_BEFORE_YEAR = lazy_compile(
    r"\d(?:\d[ \t]*['’`][ \t]*|(?:[6-9]91|[0-4]02)(?:[ \t]*['’`][ \t]*|-|[ \t]+|[ \t]*,)?)"
    rf"(?:{_REVERSED_QUALIFIER}[ \t]+)*({_NAME})(?![^{_BREAK}])"
)
# The same, from just before a year (in the reversed text), and the year's first
# characters, each searched for quickly as a literal (a digit class is tried at
# every character: ten times slower).
_NAME_BEFORE = lazy_compile(
    r"(?:[ \t]*['’`][ \t]*|-|[ \t]+|[ \t]*,)?"
    rf"(?:{_REVERSED_QUALIFIER}[ \t]+)*({_NAME})(?![^{_BREAK}])"
)
_YEAR_STARTS = tuple(
    lazy_compile(p)
    for p in (r"20[0-4]\d", r"19[6-9]\d", r"'[ \t]*\d\d", r"’[ \t]*\d\d", r"`[ \t]*\d\d")
)
_AFTER_YEAR = lazy_compile(rf"(?:\.(?:1[0-2]|0?[1-9]))?\.?(?![^{_BREAK}])")
# One pattern per wrapper: each starts with its own character, which is searched
# for quickly (a pattern starting with any of the three is tried at each of them).
_WRAPPED_NAMES = tuple(
    lazy_compile(rf"{re.escape(o)}[ \t]*{_ATOMIC_NAME}[ \t]*{re.escape(c)}")
    for o, c in _OPEN.items()
)
_SLOT_NAME = lazy_compile(rf"\|[ \t]*{_ATOMIC_NAME}[ \t]*(?=<!--|\r|\n|\Z)")
_WHOLE_NAME = lazy_compile(rf"\s*({_NAME})\s*\Z")


def venue_words(text: str, *, whole: bool = False) -> list[tuple[Span, bool]]:
    """Where a venue name sits in ``text``, whatever the name (known or not):
    single words of letters (and ``&+-`` inside) that

    - have a year glued on or just after them, past qualifier words
      (``SIGMODE'23``, ``AISTAT2019``, ``aiXiv 2023``, ``Eurosy '22``,
      ``Neurip Workshop 2023``; a bare two-digit number is no year here:
      ``ResNet-50``, ``OSDI 22``),
    - are followed by a comma and a four-digit year (``AISTAT, 2019``: a venue
      position, but a comma vouches less than a year beside the word),
    - fill a wrapper alone (``[Eurosy]``, ``(SIGMODE)``),
    - or, with ``whole``, are the whole text (a venue slot: ``| Eurosy``).

    Returns ``(name span, with_year)`` pairs in order; ``with_year`` tells the
    first kind (a year beside it vouches for the word) from the others. This is where
    typos of venue names are looked for: words in running text never qualify.
    """
    spans: dict[Span, bool] = {}
    if _TWO_DIGITS.search(text):
        n = len(text)
        for m in _NAME_BEFORE_YEAR.finditer(text[::-1]):
            if _AFTER_YEAR.match(text, n - m.start()):
                # a comma between ("AISTAT, 2019") places the word, but vouches less
                spans[(n - m.end(1), n - m.start(1))] = "," not in m.group()
    for opener, pattern in zip(_OPEN, _WRAPPED_NAMES, strict=True):
        if opener in text:
            for m in pattern.finditer(text):
                spans.setdefault(m.span("name"), False)
    if whole:
        whole_m = _WHOLE_NAME.match(text)
        if whole_m is not None:
            spans.setdefault(whole_m.span(1), False)
    return sorted(spans.items())


_SHORT_HEAD = 48  # characters of a line before a year: see venue_word_starts


def venue_word_starts(text: str) -> tuple[set[str], list[tuple[int, str]]]:
    """Where ``venue_words`` may find words in pieces of ``text`` (and a few more
    places), in quick passes over a whole file, a word alone after a last `` | ``
    standing for a slot: to tell which few lines of a long list deserve a closer
    look. Returns the words found before a year (many, and mostly known names:
    their places are left to the caller to find, for the few it cares about),
    and (start offset, word) for the others."""
    n = len(text)
    reversed_text = text[::-1]
    name_at = _NAME_BEFORE.match
    reversed_names: set[str] = set()  # as read backwards: each turned round once, below
    # What ``_NAME_BEFORE`` finds before a year depends on the year's line up to it
    # alone (the pattern reads spaces, tabs, quotes, commas and letters, never a line
    # break): thousands of years follow one of a few heads ("- [arXiv'23]"), each read
    # once. (A long head is read in place: it would rarely repeat.)
    by_head: dict[str, str | None] = {}
    rfind = text.rfind
    for year in _YEAR_STARTS:
        for m in year.finditer(text):
            at = m.start()
            # the line's start looked for within a short head only (a long line with
            # thousands of years would be read back again for each)
            reach = at - _SHORT_HEAD - 1
            line_break = rfind("\n", max(reach, 0), at)
            if line_break >= 0 or reach < 0:
                head = text[line_break + 1 : at]
                if head in by_head:
                    found = by_head[head]
                else:
                    name = name_at(reversed_text, n - at)
                    found = by_head[head] = None if name is None else name.group(1)
            else:
                name = name_at(reversed_text, n - at)
                found = None if name is None else name.group(1)
            if found is not None:
                reversed_names.add(found)
    before_year = {name[::-1] for name in reversed_names}
    others = [
        (m.start("name"), m.group("name"))
        for pattern in (*_WRAPPED_NAMES, _SLOT_NAME)
        for m in pattern.finditer(text)
    ]
    return before_year, others


# -- styles -----------------------------------------------------------------------

STYLE_SEPARATORS = ("'", " '", "' ", " ", "", "-", ", ", ",")
DEFAULT_STYLE = "{name}'{yy}"


class Style(FrozenRecord):
    """A year style: the separator between name and year, and 2 or 4 digits."""

    sep: str
    digits: int
    _fields = ("sep", "digits")
    __slots__ = _fields

    def __init__(self, sep: str, digits: int) -> None:
        object.__setattr__(self, "sep", sep)
        object.__setattr__(self, "digits", digits)

    def __hash__(self) -> int:  # type: ignore[override]
        # (the record's hash, its fields' tuple, without reading them by name: a file's
        # styles are counted for every venue token)
        return hash((self.sep, self.digits))

    @property
    def pattern(self) -> str:
        return "{name}" + self.sep + ("{yy}" if self.digits == 2 else "{yyyy}")

    def year_part(self, year: int) -> str:
        """The separator and year in this style: ``'22``, `` 2022``."""
        digits = f"{year % 100:02d}" if self.digits == 2 else f"{year:04d}"
        return self.sep + digits

    def render(self, name: str, year: int) -> str:
        return name + self.year_part(year)


_STYLE = lazy_compile(r"\{name\}(?P<sep>.*?)\{(?P<y>yy|yyyy)\}")


@lru_cache(maxsize=64)
def parse_style(pattern: str) -> Style:
    """Read a style pattern such as ``{name}'{yy}``; ValueError if not understood."""
    m = _STYLE.fullmatch(pattern)
    if m is None or m.group("sep") not in STYLE_SEPARATORS:
        seps = ", ".join(repr("{name}" + s + "{yy}") for s in STYLE_SEPARATORS)
        raise ValueError(
            f"style {pattern!r} is not understood (use {{name}}, a separator and "
            f"{{yy}} or {{yyyy}}, e.g. {seps})"
        )
    return Style(m.group("sep"), 2 if m.group("y") == "yy" else 4)


# token_style's answers by separator as written and number of digits (a long list
# writes a handful of them, thousands of times)
_TOKEN_STYLES: dict[tuple[str, int, str], Style | None] = {}


def token_style(token: VenueToken) -> Style | None:
    """The token's style, or None when it has no year or an unusual separator."""
    if token.year_span is None:
        return None
    key = (token.sep, len(token.year_text), token.tail)
    try:
        return _TOKEN_STYLES[key]
    except KeyError:
        pass
    pattern = token.style
    assert pattern is not None
    try:
        style: Style | None = parse_style(pattern)
    except ValueError:
        style = None
    if len(_TOKEN_STYLES) < 1024:
        _TOKEN_STYLES[key] = style
    return style


def render(name: str, year: int, style: str | Style = DEFAULT_STYLE) -> str:
    """A name and year written in a style: ``render("OSDI", 2022, "{name} {yyyy}")``."""
    st = parse_style(style) if isinstance(style, str) else style
    return st.render(name, year)


def dominant_style(styles: list[Style], default: str = DEFAULT_STYLE) -> Style:
    """The most common style; ties (and no styles at all) favour the default."""
    counts: dict[Style, int] = {}
    for st in styles:
        counts[st] = counts.get(st, 0) + 1
    return most_common_style(counts, default)


def most_common_style(counts: dict[Style, int], default: str = DEFAULT_STYLE) -> Style:
    """:func:`dominant_style` from counts of each style, in order of first use."""
    fallback = parse_style(default)
    if not counts:
        return fallback
    best = max(counts.values())
    if counts.get(fallback) == best:
        return fallback
    return next(st for st, n in counts.items() if n == best)


def name_fix(token: VenueToken, spelling: str | None = None) -> str | None:
    """The name as the registry writes it (or as ``spelling``, the file's own
    spelling of the same name), when the token's spelling differs only in case,
    punctuation or a known misspelling (a safe fix); else None."""
    if token.match is None:
        return None
    preferred = spelling or token.match.preferred
    if preferred == token.name:
        return None
    written = token.name
    # Never add or drop punctuation at the ends ("arXiv Preprint." keeps its period).
    for a, b in ((written[0], preferred[0]), (written[-1], preferred[-1])):
        if a.isalnum() != b.isalnum():
            return None
    if token.match.kind is MatchKind.MISSPELLING or not token.match.exact:
        return preferred
    return None
