from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from typing import ClassVar

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.lazyre import lazy_compile
from awesome_lint.parser.document import Document
from awesome_lint.rules.base import Context, Option, Rule
from awesome_lint.rules.venue_common import (
    SHARED,
    STYLE_MIN_SHARE,
    VENUE_OPTIONS,
    Found,
    VenueTokens,
    check_style,
    document_tokens,
    file_style,
    registry_for,
)
from awesome_lint.venues.parse import Style, VenueToken, name_fix, token_style
from awesome_lint.venues.registry import VenueMatch, VenueRegistry

# A spelling of a venue name is the file's own convention when the file writes the
# name so at least this often and this share of the time ("arxiv'23" 861 times in
# one corpus list, "arXiv" never).
CONVENTION_MIN_COUNT = 5
CONVENTION_MIN_SHARE = 0.8
# ... and acronyms written without the registry's hyphens, case kept (`TRO` for
# `T-RO`), when the file writes them so this often in all and none with hyphens.
UNHYPHENATED_MIN = 3

# The year of a dated venue (`arxiv 2024.10`) is written in the file's number of
# digits when it writes that many at least this often (and STYLE_MIN_SHARE of them).
MONTH_DIGITS_MIN = 10
# A file writes months (`arXiv 2024.6`) when this many of its venues have one, and a
# venue's month slip (`2024. 6`) is read only where the file writes that venue with a
# month at least this often too.
MONTHS_MIN_COUNT = 5
VENUE_MONTHS_MIN_COUNT = 2
# What may follow a month: a delimiter, the end of the line, or a bracket or tag.
_AFTER_MONTH = r"(?=[ \t]*(?:[,;|)\]\r\n]|\Z)|[ \t]+[\[(<])"
# "2024. 6": a blank after the dot (read at the year's end, no month parsed).
_SPACED_MONTH = lazy_compile(r"\.[ \t]+(?P<month>1[0-2]|0?[1-9])" + _AFTER_MONTH)
# "2023.1 1": a blank inside a two-digit month (read at the end of month 1).
_SPLIT_MONTH = lazy_compile(r"[ \t]+(?P<digit>[0-2])" + _AFTER_MONTH)


class VenueFormat(Rule):
    """
    ## What it does

    Checks how each known venue is written: the name's spelling and case as
    the venue registry writes it (`Eurosys` → `EuroSys`, `PPOPP` → `PPoPP`,
    `arxiv` → `arXiv`), or as the file itself consistently writes it, the
    apostrophe (`’` → `'`), and the year style
    (`OSDI'22`, `OSDI '22`, `OSDI 2022`, ...), in every position paper lists
    use: the slot after ` | `, a bracketed prefix `[OSDI'22] [Title](url)`,
    parentheses, backticks, a venue alone after a dash (`[Title](url) - NeurIPS
    2021`), a trailing `..., Venue 2022` or `..., Venue, 2022`
    (a comma before a four-digit year, after a name the registry knows), and the label of the
    paper link (`Title [[CVPR2019]](url)`; a date label such as `[[12 Feb 2020]]`
    holds no venue), and the end of a title link's text after a dash, a
    parenthesis, a period or a comma (`[Panoptic Segmentation - ECCV - 2018](url)`,
    `[Understanding Ephemeral Storage (ATC'18)](url)`).

    In a file that writes months after the year (`arXiv 2024.6`, at least 5
    times), a month with a blank in it is reported too: `ArXiv, 2024. 6` →
    `ArXiv, 2024.6`, `arXiv 2023.1 1` → `arXiv 2023.11` (with a leading zero
    where most of the file's months below 10 have one). Only for a venue the
    file writes with a month at least twice, and only when a delimiter, the end
    of the line or a bracket follows (`NeurIPS 2023. 2 papers` is no month).
    The year of a venue dated with a month is written in the file's number of
    digits: `arxiv 24.10` → `arxiv 2024.10` where the file writes four digits
    in at least 10 such dates and 80% of them (and two where two is the habit).

    A qualifier goes on the side of the year the file puts it by habit (at
    least 5 uses of that word and 80% of them): `NAACL 2024 Findings` →
    `NAACL Findings 2024` in a file that writes `EMNLP Findings 2024` 30 times,
    `ICML Workshop 2019` → `ICML 2019 Workshop` where `CVPR 2023 Workshop` is
    the habit. Only a token with one qualifier word and no month is moved.

    A file that joins the words of its venues' names with hyphens
    (`[Springer-Book'2015]`, `[Annual-Reviews'2021]`: two names or more, and no
    venue name with a blank) keeps `ECML-PKDD` for the registry's `ECML PKDD`.

    ## Why

    One list often writes `OSDI 22`, `OSDI' 22`, `ATC’ 21`, `MobiSys ’22` and
    `ICML 2022` side by side. One spelling per venue and one year style make
    the list easy to scan and to search.

    ## Example

    In a file whose venues are mostly written `Name'YY`:

    ```markdown
    - [Orca](https://example.org/orca): A Distributed Serving System | Osdi 2022
    ```

    becomes

    ```markdown
    - [Orca](https://example.org/orca): A Distributed Serving System | OSDI'22
    ```

    ## Fix safety

    Safe: only the venue name's case, punctuation or a known misspelling, and
    the separator and digits of the year change, or a qualifier moves to the
    other side of the year, its bytes kept. Wrappers (brackets,
    parentheses, backticks), qualifiers (`Findings`, `Workshop`, `WiP`) and
    the workshop in `Workshop @ Host'YY` are kept byte for byte. Unknown
    venues (`SAA'25`) and affiliations (`| Stanford`) are left alone.
    Alias and renamed names are AL202's business.

    A list's own spelling of a name is respected: when the file writes a name
    one way (in case or punctuation) at least 5 times and for at least 80% of
    its uses, as a list of `[arxiv'23]` tags does, that spelling is the file's
    convention. Then it is not reported, and every other spelling of the name,
    the registry's included, is fixed to it (`arXiv'19` → `arxiv'19` among
    hundreds of `arxiv`). A file that writes its venue names in lower case by
    habit (at least 5 uses and 80% of them: `` `nips2021` ``, `` `iclr2022` ``,
    `` `cikm2022` ``, each name once or twice) keeps every name it writes so in
    lower case. The uses counted include the name after a publisher
    (`IEEE RA-L` counts as `RA-L`, and becomes `IEEE RAL` where the file writes
    `RAL`) and a known name written alone, without a year, as the last
    comma-separated part of an entry's text before its links or after its
    leading link (`Title, RAL. [[paper](url)]`, `[Title](url), RAL.`); such bare
    names are only counted, never reported. Acronyms written without the
    registry's hyphens, their case kept (`TRO` for `T-RO`, `TITS` for `T-ITS`:
    IEEE's journals are written both ways), are the file's spellings when it
    writes them so 3 times at least in all and writes no such acronym with its
    hyphen (`RA-L` beside `TRO` and `TIV`: those two are reported).

    ## Options

    - `style`: `"consistent"` (default: the file's most common style, when at
      least 80% of its venues follow it; a file that writes `CVPR 2024` 491 times
      and `CVPR2024` 386 times has two habits and no year style is enforced; ties
      go to `{name}'{yy}`; a year after a qualifier, `ECCV Workshop 2020`, is
      left as written; venues of one kind, journals say, that follow a style of
      their own, `IEEE T-ITS, 2022` among `CVPR 2022`, are held to theirs, and
      held to none when they mix two: at least 5 uses of that kind, or 2 to 4
      all in one other style, `arXiv 2021` twice among `[[CVPR2021]]`; in a
      kind that mixes two, a venue with a habit of its own, 5 uses and 80% of
      them in one style, is held to it: `IEEE T-ITS 2020` where the list writes
      `IEEE T-ITS, 2020` 15 times, whatever its other journals do; a venue
      written in one field with another, `RSS2023 & IJRR2024`, keeps its year
      as written), or a
      pattern of `{name}`, a separator (`'`, ` '`, `' `, a space, `-`, `, `, `,`
      or nothing) and `{yy}` or `{yyyy}`, e.g.
      `"{name}'{yy}"`, `"{name} '{yy}"`, `"{name} {yyyy}"`, `"{name}, {yyyy}"`.
    - `names`: `"consistent"` (default: keep a spelling the file keeps, as
      above) or `"registry"` (always the registry's spelling).
    - `extra-venues`: venues the registry lacks, as names (`["SAA"]`) or
      tables (`{name = "MLArchSys", kind = "workshop", aliases = [...]}`).
    - `aliases`: more names for registry venues (`{ "Oakland" = "IEEE S&P" }`).

    `extra-venues` and `aliases` set here apply to all venue rules (AL201-AL206).
    """

    code = "AL201"
    name = "venue-format"
    summary = "A venue's name or year is not written as the registry and the file's style say"
    fix = "safe"
    options: ClassVar[Mapping[str, Option]] = {
        "style": Option(
            "consistent",
            'consistent, or a pattern such as "{name}\'{yy}" or "{name} {yyyy}"',
            validate=check_style,
        ),
        "names": Option(
            "consistent",
            "consistent (keep a spelling the file keeps) or registry",
            choices=("consistent", "registry"),
        ),
        **VENUE_OPTIONS,
    }
    shared_options = SHARED

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        registry = registry_for(context.options)
        tokens = document_tokens(document, registry)
        option = context.options.get("style", "consistent")
        style = file_style(tokens, option)
        # (a file with no style of its own has none to relax for a kind of venue)
        kinds = _kind_styles(tokens, style) if option == "consistent" and style else {}
        # in a kind of two habits, a venue with a habit of its own (`IEEE T-ITS, 2020`
        # 15 times, `IEEE T-ITS 2020` twice) is held to it
        venues = _venue_styles(tokens, kinds) if None in kinds.values() else {}
        own: dict[str, str] = {}
        if context.options.get("names") != "registry":
            own = _file_spellings(tokens, registry)
        if _hyphen_habit(tokens):
            own = {**own, **_hyphenated(tokens)}
        months = _file_months(tokens)
        digits = _month_year_digits(tokens)
        text = document.text
        order = _qualifier_order(tokens, text)
        # What to change in a token depends on the token alone, and entries share
        # their tokens ("arXiv'23" thousands of times): decide once per token.
        changes: dict[int, tuple[str | None, str | None]] = {}
        for where, token, _ in tokens.uses():
            if token.match is not None and where != "subtitle":
                venue = token.match.venue
                held = venues.get(venue.canonical, kinds.get(venue.kind, style))
                change = _change(token, held, own, registry)
                if change != (None, None):
                    changes[id(token)] = change
        if not changes and not months and not order and digits is None:
            return
        for f in tokens.found:
            token = f.token
            if not token.known or f.where == "subtitle":
                continue
            moved = _moved_qualifier(text, f, order) if order else None
            if moved is not None:
                start, end, written, (word, count, total) = moved
                name_start = f.abs(token.name_span)[0]
                was = text[name_start:end]
                now = text[name_start:start] + written
                where = "before" if order[word.casefold()][0] else "after"
                yield self.report(
                    f"Venue {was!r} should be written {now!r} (the file writes {word!r} "
                    f"{where} the year {count} of {total} times)",
                    name_start,
                    end,
                    self.replace(f"Write {now!r}", start, end, written) if f.entry.parsed else None,
                )
            if digits is not None and token.month is not None and token.year_span is not None:
                width, count, total = digits
                if len(token.year_text) != width and token.year is not None:
                    start, end = f.abs(token.year_span)
                    written = str(token.year)[-width:]
                    was = text[f.span[0] : f.span[1]]
                    now = text[f.span[0] : start] + written + text[end : f.span[1]]
                    yield self.report(
                        f"Venue {was!r} should be written {now!r} (the file writes the year "
                        f"of a dated venue in {width} digits {count} of {total} times)",
                        f.span[0],
                        f.span[1],
                        self.replace(f"Write {now!r}", start, end, written)
                        if f.entry.parsed
                        else None,
                    )
                    continue
            # A month's slip depends on the text after the token: read at each use.
            slip = _month_slip(text, f, months) if months else None
            if slip is not None:
                start, end, written = slip
                was = text[f.span[0] : end]
                now = text[f.span[0] : start] + written
                month_fix = self.replace(f"Write {now!r}", start, end, written)
                yield self.report(
                    f"Venue {was!r} has a blank in its month: write {now!r}",
                    f.span[0],
                    end,
                    month_fix if f.entry.parsed else None,
                )
                continue
            if id(token) not in changes:
                continue
            new_name, new_year = changes[id(token)]
            if new_year is not None and _joined(text, f):
                new_year = None  # "RSS2023 & IJRR2024": one field, its style its own
                if new_name is None:
                    continue
            year_part = token.year_part_span
            name_start, name_end = f.abs(token.name_span)
            end = f.abs(year_part)[1] if new_year is not None and year_part else name_end
            start = name_start
            written = text[start:end]
            if new_year is not None and year_part is not None:
                middle = text[name_end : f.abs(year_part)[0]]
                name = new_name or token.name
                if name.endswith(".") and token.match and not token.match.spelling.endswith("."):
                    name = name[:-1]  # "ICML. 2000": the period stood for the separator
                replacement = name + middle + new_year
            else:
                replacement = new_name or token.name
            if new_name is not None and new_year is not None:
                what = f"Venue {written!r} should be written {replacement!r}"
            elif new_name is not None:
                what = f"Venue name {token.name!r} should be written {new_name!r}"
                if token.match is not None and new_name != token.match.preferred:
                    what += " (the file's spelling)"
            else:
                used = (
                    venues.get(
                        token.match.venue.canonical, kinds.get(token.match.venue.kind, style)
                    )
                    if token.match
                    else style
                )
                pattern = used.pattern if used is not None else ""
                what = f"Venue {written!r} should be written {replacement!r} ({pattern})"
            fix = (
                self.replace(f"Write {replacement!r}", start, end, replacement)
                if f.entry.parsed
                else None
            )
            yield self.report(what, start, end, fix)


def _single_qualifier(text: str, f: Found) -> tuple[str, bool] | None:
    """The token's one qualifier word and whether it stands before the year
    (``EMNLP Findings 2024``) or after it (``EMNLP 2024 Findings``); None for a token
    with no year, a month, a parenthesised note or more than one qualifier."""
    token = f.token
    if len(token.qualifiers) != 1 or token.year_span is None or token.month is not None:
        return None
    q_start, q_end = token.qualifiers[0]
    word = text[q_start + f.offset : q_end + f.offset]
    if not word.isalpha():
        return None
    return word, q_end <= token.year_span[0]


def _qualifier_order(tokens: VenueTokens, text: str) -> dict[str, tuple[bool, int, int]]:
    """Per qualifier word (casefolded) the file writes on one side of the year by
    habit: (before the year?, uses on that side, all uses), at CONVENTION_MIN_COUNT
    uses and CONVENTION_MIN_SHARE of them. A file that writes ``EMNLP Findings 2024``
    30 times and ``NAACL 2024 Findings`` 3 times has the habit; one that writes
    ``SC workshop'25`` 5 times and ``NeurIPS'24 Workshop`` twice has none."""
    counts: dict[str, list[int]] = {}
    for f in tokens.found:
        token = f.token
        if not token.qualifiers or not token.known or f.where == "subtitle":
            continue
        one = _single_qualifier(text, f)
        if one is not None:
            word, before = one
            side = counts.setdefault(word.casefold(), [0, 0])
            side[0 if before else 1] += 1
    out: dict[str, tuple[bool, int, int]] = {}
    for word, (n_before, n_after) in counts.items():
        total = n_before + n_after
        best = max(n_before, n_after)
        if best < total and best >= CONVENTION_MIN_COUNT and best >= CONVENTION_MIN_SHARE * total:
            out[word] = (n_before > n_after, best, total)
    return out


def _moved_qualifier(
    text: str, f: Found, order: dict[str, tuple[bool, int, int]]
) -> tuple[int, int, str, tuple[str, int, int]] | None:
    """The edit that puts the token's qualifier on the file's side of the year:
    (start, end, what to write there, (the word, uses on that side, all uses))."""
    one = _single_qualifier(text, f)
    if one is None:
        return None
    word, before = one
    habit = order.get(word.casefold())
    if habit is None or habit[0] == before:
        return None
    token = f.token
    assert token.year_span is not None
    name_end = f.abs(token.name_span)[1]
    q_start, q_end = f.abs(token.qualifiers[0])
    y_start, y_end = f.abs(token.year_span)
    if before:  # "SC workshop'25" -> "SC'25 workshop"
        gap, sep = text[name_end:q_start], text[q_end:y_start]
        written = sep + text[y_start:y_end] + gap + word
        end = y_end
    else:  # "NAACL 2024 Findings" -> "NAACL Findings 2024"
        sep, gap = text[name_end:y_start], text[y_end:q_start]
        written = gap + word + sep + text[y_start:y_end]
        end = q_end
    return name_end, end, written, (word, habit[1], habit[2])


# A venue with a year joined to this one by "&", "/", "+" or "and", after or before it
_JOINED_AFTER = lazy_compile(r"[ \t]*(?:&amp;|&|/|\+|and)[ \t]*[A-Za-z][\w.-]*[ \t]*['’]?\d{2,4}\b")
_JOINED_BEFORE = lazy_compile(r"[A-Za-z][\w.-]*[ \t]*['’]?\d{2,4}[ \t]*(?:&amp;|&|/|\+|and)[ \t]*$")


def _joined(text: str, f: Found) -> bool:
    """Whether the token is written as one field with another venue:
    ``RSS2023 & IJRR2024`` (IJRR need not be a known venue). A comma written into
    such a field to match the file's ``Venue, Year`` style would split it. (Read only
    for the few tokens whose year the rule would restyle.)"""
    start, end = f.span
    before = text[max(0, start - 6) : start].rstrip(" \t")
    return bool(
        _JOINED_AFTER.match(text, end, min(len(text), end + 60))
        or (
            before.endswith(("&", "/", "+", "and"))
            and _JOINED_BEFORE.search(text, max(0, start - 60), start)
        )
    )


# Uses of one kind of venue (journal, conference, ...) it takes to have a style of its own.
KIND_MIN_USES = 5
KIND_FEW_USES = 2  # fewer uses of a kind, all in one style other than the file's


def _kind_styles(tokens: VenueTokens, style: Style | None) -> dict[str, Style | None]:
    """The year style of each kind of venue whose own most common style is not the
    file's: that style when it is the kind's habit (80% of its uses), else None (two
    habits, no style to hold it to). A list that writes ``CVPR 2022`` and
    ``IEEE T-ITS, 2022`` gives its journals a comma on purpose."""
    per_kind: dict[str, dict[Style, int]] = {}
    for where, token, n in tokens.uses():
        if token.match is None or where == "subtitle" or token.month is not None:
            continue
        own = token_style(token)
        if own is not None:
            counts = per_kind.setdefault(token.match.venue.kind, {})
            counts[own] = counts.get(own, 0) + n
    out: dict[str, Style | None] = {}
    for kind, counts in per_kind.items():
        total = sum(counts.values())
        best = max(counts, key=lambda st: counts[st])  # the first of equals
        if best == style:
            continue
        if total < KIND_MIN_USES:
            # a kind the file writes a few times, every time in one other style
            # (zhaoxin94's two `arXiv 2021` among `[[CVPR2021]]`): its own, not a slip
            if total >= KIND_FEW_USES and counts[best] == total:
                out[kind] = best
            continue
        out[kind] = best if counts[best] >= STYLE_MIN_SHARE * total else None
    return out


def _venue_styles(tokens: VenueTokens, kinds: dict[str, Style | None]) -> dict[str, Style | None]:
    """The year style of each venue of a kind with two habits (``kinds`` holds None for
    it) that has a habit of its own: KIND_MIN_USES uses, STYLE_MIN_SHARE of them in one
    style (``IEEE T-ITS, 2020`` 15 times in a list whose journals mix two styles)."""
    per_venue: dict[str, dict[Style, int]] = {}
    for where, token, n in tokens.uses():
        if token.match is None or where == "subtitle" or token.month is not None:
            continue
        venue = token.match.venue
        if venue.kind not in kinds or kinds[venue.kind] is not None:
            continue
        own = token_style(token)
        if own is not None:
            counts = per_venue.setdefault(venue.canonical, {})
            counts[own] = counts.get(own, 0) + n
    out: dict[str, Style | None] = {}
    for canonical, counts in per_venue.items():
        total = sum(counts.values())
        best = max(counts, key=lambda st: counts[st])
        if total >= KIND_MIN_USES and counts[best] >= STYLE_MIN_SHARE * total:
            out[canonical] = best
    return out


_ALL, _LOW, _PADDED = "\0all", "\0low", "\0padded"


def _month_year_digits(tokens: VenueTokens) -> tuple[int, int, int] | None:
    """The number of digits (2 or 4) the file writes the year of a venue dated with
    a month in (``arxiv 2024.10``), how often, and of how many such venues; None when
    no width is a habit (MONTH_DIGITS_MIN uses, STYLE_MIN_SHARE of them) or none slips."""
    widths: Counter[int] = Counter()
    for where, token, n in tokens.uses():
        if token.known and token.month is not None and where != "subtitle" and token.year_text:
            widths[len(token.year_text)] += n
    if len(widths) < 2:
        return None
    (width, count), _ = widths.most_common(2)
    total = sum(widths.values())
    if count < MONTH_DIGITS_MIN or count < STYLE_MIN_SHARE * total:
        return None
    return width, count, total


def _file_months(tokens: VenueTokens) -> Counter[str | None]:
    """Per canonical venue, how often the file writes it with a month; under _ALL, all
    venues, under _LOW the months below 10 and under _PADDED those written with a
    leading zero (``2024.06``). Empty when the file does not write months."""
    counts: Counter[str | None] = Counter()
    for where, token, n in tokens.uses():
        span = token.month_span
        if span is None or token.month is None or not token.known or where == "subtitle":
            continue
        counts[token.canonical] += n
        counts[_ALL] += n
        if token.month < 10:
            counts[_LOW] += n
            counts[_PADDED] += n * (span[1] - span[0] == 3)  # ".06"
    return counts if counts[_ALL] >= MONTHS_MIN_COUNT else Counter()


def _month_slip(text: str, f: Found, months: Counter[str | None]) -> tuple[int, int, str] | None:
    """A month written with a blank in it (``2024. 6``, ``2023.1 1``) where the file
    writes this venue's months whole: (start, end, what to write there), or None."""
    token = f.token
    if token.year_span is None or months[token.canonical] < VENUE_MONTHS_MIN_COUNT:
        return None
    if token.month is None:
        start = f.abs(token.year_span)[1]
        m = _SPACED_MONTH.match(text, start)
        if m is None:
            return None
        month = int(m.group("month"))
    elif token.month == 1 and token.month_span is not None:
        start = f.abs(token.month_span)[0]
        m = _SPLIT_MONTH.match(text, start + 2)  # after ".1"
        if m is None:
            return None
        month = 10 + int(m.group("digit"))
    else:
        return None
    padded = months[_PADDED] * 2 > months[_LOW]  # most months below 10 have a leading zero
    written = f".{month:02d}" if padded else f".{month}"
    return (start, m.end(), written)


def _change(
    token: VenueToken, style: Style | None, own: dict[str, str], registry: VenueRegistry
) -> tuple[str | None, str | None]:
    """The name and the separator and year to write instead of the token's (None: as
    written)."""
    assert token.match is not None
    new_name = name_fix(token)
    if own:
        kept, spelling = _own_spelling(token, own, registry)
        if kept:
            new_name = spelling
    new_year = None
    if (
        style is not None
        and token.year_part_span is not None
        and token.year is not None
        and token.month is None
        and not token.tail
        and not _qualified_year(token)
    ):
        rendered = style.year_part(token.year)
        if rendered != token.sep + token.year_text:
            new_year = rendered
    return new_name, new_year


def _file_spellings(tokens: VenueTokens, registry: VenueRegistry) -> dict[str, str]:
    """The file's own spelling of registry names it keeps writing one way.

    Keyed by the registry's spelling. Only variants in case and punctuation
    qualify (``arxiv``, not ``arixv``), and only at CONVENTION_MIN_COUNT uses
    and CONVENTION_MIN_SHARE of all uses of that name, misspellings included.
    A name after a publisher counts as the name (``IEEE RA-L`` as ``RA-L``), and
    names written alone where an entry's venue goes (``Title, RAL. [[paper](url)]``)
    count too.
    """
    pairs: Counter[tuple[str, str]] = Counter()
    for where, token, n in tokens.uses():
        if token.match is not None and where != "subtitle":
            _, name, match = _core(token.name, token.match, registry)
            pairs[(match.preferred, name)] += n
    for match, name, n in tokens.bare_uses():
        pairs[(match.preferred, name)] += n
    uses: Counter[str] = Counter()
    best: dict[str, tuple[int, str]] = {}  # per registry spelling: the most used variant
    for (preferred, name), count in pairs.items():
        uses[preferred] += count
        variant = name != preferred and _squash(name) == _squash(preferred)
        if variant and count > best.get(preferred, (0, ""))[0]:
            best[preferred] = (count, name)
    own: dict[str, str] = {}
    for preferred, (count, name) in best.items():
        if count >= CONVENTION_MIN_COUNT and count >= CONVENTION_MIN_SHARE * uses[preferred]:
            own[preferred] = name
    # `TRO` for the registry's `T-RO` (3 of 3), `RAL` and `TITS`: a file that writes its
    # acronyms without their hyphens, and none with them, spells each of them so
    bare = [(p, name, n) for (p, name), n in pairs.items() if _unhyphenated(p, name)]
    if sum(n for _, _, n in bare) >= UNHYPHENATED_MIN and not any(
        name == p and "-" in p and p.replace("-", "").isalnum() for p, name in pairs
    ):
        for preferred, name, _ in bare:
            own.setdefault(preferred, name)
    # A file that writes its venues in lower case by habit (`nips2021`, `iclr2022`,
    # `cikm2022`: each name once or twice, all of them lower case) keeps each name it
    # writes so in lower case, however few its own uses.
    lower = sum(n for (preferred, name), n in pairs.items() if _lowered(preferred, name))
    cased = sum(n for (preferred, _), n in pairs.items() if preferred.lower() != preferred)
    if lower >= CONVENTION_MIN_COUNT and lower >= CONVENTION_MIN_SHARE * cased:
        for preferred, name in pairs:
            if _lowered(preferred, name):
                own.setdefault(preferred, name)
    return own


def _unhyphenated(preferred: str, name: str) -> bool:
    """Whether ``name`` is the registry's ``preferred`` acronym without its hyphens,
    case kept (``TRO`` for ``T-RO``, ``RAL`` for ``RA-L``)."""
    return name != preferred and name == preferred.replace("-", "") and name.isalnum()


def _lowered(preferred: str, name: str) -> bool:
    """Whether ``name`` is the registry's ``preferred`` spelling in lower case."""
    return name != preferred and name == preferred.lower()


# Publishers written before a journal's name ("IEEE RA-L", "ACM TIST"): the name after
# them is spelt as the file spells it alone.
_PUBLISHERS = ("IEEE ", "ACM ")


def _hyphen_habit(tokens: VenueTokens) -> bool:
    """Whether the file joins the words of a venue's name with hyphens: it writes
    two names or more so (``Springer-Book'2015``, ``CEUR-Workshop'2021``) and no
    name with a blank in it (the registry's own hyphenated names, ``RA-L``, and
    names with a digit, do not count)."""
    joined = 0
    for f in tokens.found:
        name = f.token.name
        if f.where == "subtitle":
            continue
        if " " in name.strip():
            return False
        if f.token.match is not None and "-" in f.token.match.preferred:
            continue
        words = name.split("-")
        if len(words) > 1 and all(len(w) > 1 and w.isalpha() for w in words):
            joined += 1
    return joined >= 2


def _hyphenated(tokens: VenueTokens) -> dict[str, str]:
    """In a file that joins a name's words with hyphens, the hyphenated spelling of
    each registry name with blanks that it writes so (``ECML-PKDD``)."""
    own: dict[str, str] = {}
    for f in tokens.found:
        match = f.token.match
        preferred = match.preferred if match is not None else ""
        if " " in preferred and f.token.name == preferred.replace(" ", "-"):
            own[preferred] = f.token.name
    return own


def _core(name: str, match: VenueMatch, registry: VenueRegistry) -> tuple[str, str, VenueMatch]:
    """A name split into a publisher and the venue's name after it (``IEEE ``,
    ``RA-L``) when that name alone is the same venue; else ``""``, the name."""
    for publisher in _PUBLISHERS:
        if name.startswith(publisher):
            rest = name[len(publisher) :]
            found = registry.lookup(rest)
            if found is not None and found.venue is match.venue:
                return publisher, rest, found
            break
    return "", name, match


def _own_spelling(
    token: VenueToken, own: dict[str, str], registry: VenueRegistry
) -> tuple[bool, str | None]:
    """Whether the file has its own spelling of the token's name, and what to write
    instead of the name (None: as written). A variant in case or punctuation is
    written the file's way, the registry's spelling included (``RA-L`` where the file
    writes ``RAL``; after a publisher, ``IEEE RA-L`` -> ``IEEE RAL``); a known
    misspelling too (``arixv`` -> ``arxiv``)."""
    assert token.match is not None
    head, written, match = _core(token.name, token.match, registry)
    spelling = own.get(match.preferred)
    if spelling is None:
        return False, None
    if written == spelling:
        return True, None
    if _squash(written) != _squash(spelling):
        return True, None if head else name_fix(token, spelling)
    # Never add or drop punctuation at the ends ("arXiv Preprint." keeps its period).
    for a, b in ((written[0], spelling[0]), (written[-1], spelling[-1])):
        if a.isalnum() != b.isalnum():
            return True, None
    return True, head + spelling


def _squash(name: str) -> str:
    return "".join(c for c in name.casefold() if c.isalnum())


def _qualified_year(token: VenueToken) -> bool:
    """A qualifier stands between the name and the year (``ECCV Workshop 2020``): the
    year's style is the qualifier's business, not the name's."""
    year = token.year_span
    return year is not None and any(q[1] <= year[0] for q in token.qualifiers)
