from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from functools import partial
from typing import ClassVar

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.domain.shapes import labelled_note
from awesome_lint.domain.venues import _masked
from awesome_lint.lazyre import lazy_compile
from awesome_lint.parser.document import Document, Entry
from awesome_lint.rules.base import Context, Option, Rule
from awesome_lint.rules.venue_common import (
    SHARED,
    VENUE_OPTIONS,
    document_tokens,
    entry_tokens,
    labels_venues,
    regions,
    registry_for,
)
from awesome_lint.venues.parse import QUALIFIERS, find_venues, venue_word_starts, venue_words
from awesome_lint.venues.registry import VenueRegistry
from awesome_lint.venues.typo import MIN_LENGTH, NearIndex, distance, key

# A name the file writes at least this often is the file's own, not a typo; a
# spelling of a known venue written this often is the one a fix writes.
FILE_NAME_MIN_COUNT = 3

# A word of three letters (too short to compare: ``ACL``, ``KDD``, ``ICC`` are all
# venues) is read only as a known four-letter name with a letter dropped, written with
# a year in a venue place (a link's text or a venue slot), when the file writes that
# venue at least this often: ``[[ECV2020]]`` among 40 ``[[ECCV2020]]``.
SHORT_LENGTH = MIN_LENGTH - 1
SHORT_MIN_COUNT = 5
# Real three-letter venues the registry lacks that are a letter short of one it knows:
# the European Control Conference (ECCV), ACM SAC (JSAC), CPP (ICPP), Theoretical
# Computer Science (TOCS), FAT* (FAST), IEEE CSE (ICSE), ICT (ICDT), ISA Transactions
# (ISCA), Pattern Analysis and Applications (SPAA; written ``[[PAA 2022]]`` in a list).
SHORT_VENUES = frozenset({"ecc", "sac", "cpp", "tcs", "fat", "cse", "ict", "isa", "paa"})

# Real venues the registry lacks that a guard below would not tell from a slip
# (by key): IEEE T-ITS, written TITS, is one swap from ACM TIST; ISWC (the
# International Symposium on Wearable Computers, held with UbiComp: the registry's
# alias UbiComp/ISWC, and the International Semantic Web Conference) is IISWC with a
# letter dropped; ICDAR (the International Conference on Document Analysis and
# Recognition) is two letters from the journal IJDAR; IberSPEECH (the Iberian speech
# technology conference) is two from INTERSPEECH; MIPRO (the Croatian convention on
# information and communication technology) is one from MICRO; ACL-IJCNLP (ACL held
# jointly with IJCNLP: 2009, 2015, 2021) is one from AACL-IJCNLP. They belong in the
# registry's data; until then they are simply not typos.
OTHER_VENUES = frozenset({"tits", "iswc", "icdar", "iberspeech", "mipro", "aclijcnlp"})

# Well-known universities, labs and companies, as they write their own names (facts),
# that paper lists put in the venue slot or join with "&" (``| Stanford``, ``THU &
# Tencent``): a word one slip from one of them is a typo of it (``Havard``, ``Tecent``).
AFFILIATIONS = frozenset(
    {
        *("Stanford", "Harvard", "Berkeley", "Princeton", "Cornell", "Columbia", "Caltech"),
        *("Oxford", "Cambridge", "Toronto", "Washington", "Michigan", "Illinois", "Purdue"),
        *("Wisconsin", "Maryland", "Tsinghua", "Peking", "Zhejiang", "Shanghai", "Fudan"),
        *("Nanjing", "Wuhan", "Microsoft", "Google", "DeepMind", "OpenAI", "Anthropic"),
        *("NVIDIA", "Nvidia", "Alibaba", "Tencent", "ByteDance", "Huawei", "Baidu", "Amazon"),
        *("Intel", "Qualcomm", "Samsung", "Salesforce", "Adobe", "Databricks", "Meituan"),
        *("Kuaishou", "Xiaomi", "SenseTime", "Megvii", "HuggingFace", "Apple", "Facebook"),
    }
)
AFFILIATION_MIN = 6  # letters: shorter names are one slip from too many words
_AMPERSANDS = lazy_compile(r"(?<![\w.-])[A-Z][\w.-]*(?:[ \t]*&[ \t]*[A-Z][\w.-]*)+")
_CAPITALISED = lazy_compile(r"(?<![\w.-])[A-Z][A-Za-z]{4,}(?![\w-])")

# What a near name stands for: the venue's canonical name (None for a name that
# only the file uses) and the spelling to suggest.
Target = tuple[str | None, str]

_INDEXES: dict[int, tuple[VenueRegistry, NearIndex[Target]]] = {}


def registry_index(registry: VenueRegistry) -> NearIndex[Target]:
    """The near-miss index of a registry's names (built once per registry)."""
    hit = _INDEXES.get(id(registry))
    if hit is not None and hit[0] is registry:
        return hit[1]
    items: list[tuple[str, Target]] = []
    preferred = registry.exact_preferred  # (each name of the registry is read once)
    for venue in registry:
        canonical = venue.canonical
        for name in venue.names():
            items.append((name, (canonical, preferred(name) or canonical)))
    index: NearIndex[Target] = NearIndex(items)
    if len(_INDEXES) >= 16:
        _INDEXES.clear()
    _INDEXES[id(registry)] = (registry, index)
    return index


class VenueTypo(Rule):
    """
    ## What it does

    Reports a venue-like word that is one or two letters away from a venue name
    the registry knows, or from a name the file itself writes often, but is
    neither: `SIGMODE'23` (SIGMOD), `aiXiv 2023` (arXiv), `AISTAT 2019`
    (AISTATS), `Eurosy '22` (EuroSys). The message says "did you mean ...?".

    Only words where a venue sits are read, anywhere in an entry's first line
    (list items, paragraph entries and table rows alike; the whole first paragraph of
    a block, `**Title** <br>` over its authors and venue lines) and in the text of its
    links (`[[NeurlPS2019]](url)`): a word with a year glued on
    or just after it (`SIGMODE'23`, `AISTAT 2019`, `Neurip Workshop 2023`), a
    venue slot holding one word (`| SIGCOM`), a word alone in brackets,
    parentheses or backticks (`[SIGCOM]`), and a word before a comma and a
    four-digit year (`AISTAT, 2019`, read as a word without a year beside
    it: see below). Names are compared ignoring case
    and punctuation: a name of 5 or 6 letters may be one edit away (a letter
    added, dropped or changed, or two neighbours swapped), a longer one two; a
    four-letter name only by a swap (`CVRP`), since one letter more or another
    letter makes another acronym (`ICMLA`, `MSFT`). A word without a year
    beside it must be one edit from a name of five letters or more, in
    capitals where the name has them (`AWStats` is no AISTATS), in a file that
    names venues (a list of tools writes `request ( Context )`, no CoNEXT). Not
    reported:

    - names the registry knows, aliases and former names included (`NIPS2019`),
      and case or punctuation variants (`Osdi`, `arxiv`: see venue-format);
    - names the file writes at least 3 times (its own venue, not a slip), unless
      the name is a known venue's with two neighbouring letters swapped and the
      file writes that venue at least twice as often: `Arixv'23.12` 13 times
      beside `Arxiv'24.03` 33 times is a slip copied from entry to entry;
    - words shorter than 4 letters (but see below), words whose punctuation
      differs from the name's (`T-ITS` is no TIST, and neither is `TITS`, the
      same journal), and words equally near two venues (no guess is made), or
      one edit of any kind from another venue the file writes at least 3 times
      (`CIDT`: two letters swapped from ICDT, one changed from the file's
      `CIDR`);
    - a known venue's name with a `W` for its workshops (`NeurIPSW2023`, as
      `CVPRW`);
    - words far from every venue (`SAA'25`, `| Stanford`);
    - a name right after the word `workshop` (`AAMAS's workshop LAMAS, 2005`: the
      workshop's own name);
    - an acronym in parentheses right after a venue's name spelt out (`IEEE
      International Conference on Control and Automation (ICCA)`: the acronym of
      that name), unless the name spelt out is the suggested venue's own
      (`ACM SIGMOD Conference on Management of Data (SIGMODE)` is reported);
    - a word without a year in brackets or backticks that opens an entry, in a
      file whose entries open with at least 3 such words that name no venue:
      method names in a column of tags (`**[AUNet]** Title`, `` `BPNet`
      [Title](url) ``);
    - the links of a labelled note under a paper (`  - ExpEnv: [RECON](url)`:
      a dataset or environment the paper uses, not its venue).

    In a list that writes its venues as link labels (`- [[SIGMOD](url)] Title`,
    ten links or more whose whole label is a known venue), a label that is one
    word alone is the venue's slot, read as a word with a year beside it:
    `[[ODSI](url)]` (OSDI, two letters swapped).

    A word of three letters (`ACL`, `KDD` and `ICC` are all venues) is read only
    as a known four-letter name with one letter dropped, in the same case, with a
    year glued on or just after it, in a link's text or a venue slot, where the
    file writes that venue at least 5 times: `[[ECV2020]]` among `[[ECCV2020]]`
    entries, or `| ECV'21`. Not when it may stand for two venues (`CCV`), nor
    for a real venue the registry lacks (`ECC 2021`, the European Control
    Conference).

    Where lists write affiliations, the venue slot (`| Stanford`) and names
    joined by `&` (`THU & BUPT & Tencent`), a capitalised word one slip from a
    well-known university's, lab's or company's name of 6 letters or more is
    reported too: `| Havard` (Harvard), `& Tecent` (Tencent). The first letter
    must agree; the names are facts (how the institutions write themselves).

    Besides the registry's names, a venue-like name (two capitals or more) that
    the file writes with a year at least 3 times is a name too: `MLArchSy'25`
    in a file writing `MLArchSys'23` three times is reported.

    ## Why

    A misspelt venue hides the entry from every other venue rule (format,
    aliases, URL checks, sorting by year) and from anyone searching the list
    for the venue.

    ## Example

    ```markdown
    - [Paper](https://example.org/p): Subtitle | SIGMODE'23
    ```

    reports `Venue 'SIGMODE' looks like a typo: did you mean 'SIGMOD'?`, and
    with `--unsafe-fixes` becomes

    ```markdown
    - [Paper](https://example.org/p): Subtitle | SIGMOD'23
    ```

    ## Fix safety

    Unsafe: a near miss may be a real venue the registry lacks (add it to
    `extra-venues`). The fix replaces the name only, keeping the year and
    everything around it; it writes the file's own spelling of the venue when
    the file has one (a file writing `Eurosys` 20 times gets `Eurosys`), else
    the registry's. Entries the parser cannot fully read get no fix.

    ## Options

    `extra-venues`, `aliases`: see venue-format (set there, they apply here too).
    """

    code = "AL207"
    name = "venue-typo"
    summary = "A venue name is a near miss of a known venue or of one the file uses"
    fix = "unsafe"
    options: ClassVar[Mapping[str, Option]] = dict(VENUE_OPTIONS)
    shared_options = SHARED

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        registry = registry_for(context.options)
        yield from self._affiliations(document)
        words = _candidates(document, registry)
        counts = Counter(name for _, _, _, name, _ in words)
        index = registry_index(registry)
        # A name the file writes often is its own, not a slip, unless it is a known
        # name with two letters swapped that the file writes right far more often.
        often = [name for name, n in counts.items() if n >= FILE_NAME_MIN_COUNT]
        swapped = _repeated_swaps(document, registry, index, counts, often) if often else set()
        rare = [w for w in words if counts[w[3]] < FILE_NAME_MIN_COUNT or w[3] in swapped]
        if not rare:
            return
        # Names the file writes with a year often enough are targets too (a venue
        # the registry lacks), if they look like venue names, not words.
        with_year = Counter(name for _, _, _, name, year in words if year)
        own = [
            (name, (None, name))
            for name, n in with_year.items()
            if n >= FILE_NAME_MIN_COUNT and _venue_like(name)
        ]
        file_index: NearIndex[Target] | None = NearIndex(own) if own else None
        spellings: Counter[tuple[str, str]] | None = None
        names_venues: bool | None = None
        tags: set[str] | None = None
        for entry, start, end, name, year in rare:
            if not year and _whole_label(entry, start, end):
                # `[[ODSI](url)] Quake: ...` among `[[SIGMOD](url)]`, `[[VLDB](url)]`: in
                # a list whose link labels name venues, a label is the venue's slot
                year = labels_venues(document, registry)
            if not year and _opening_tag(document, entry) == name:
                if tags is None:
                    tags = _name_tags(document, registry)
                if name in tags:
                    continue  # a method's name in the file's column of tags
            if not year:
                # without a year only a list that names venues vouches for the word
                # (`request ( Context )` in a list of tools is no CoNEXT)
                if names_venues is None:
                    tokens = document_tokens(document, registry)
                    names_venues = any(found for _, found in tokens.entries)
                if not names_venues:
                    continue
            if _WORKSHOP_BEFORE.search(document.text, max(entry.content[0], start - 12), start):
                continue  # "AAMAS's workshop LAMAS, 2005": a workshop's own name
            if len(name) > 4 and name[-1] == "W" and registry.lookup(name[:-1]) is not None:
                continue  # `NeurIPSW2023`, as `CVPRW`: the venue's workshops
            # A word inside a known venue ("Security" in "USENIX Security'23").
            if any(
                f.token.known and f.span[0] < end and start < f.span[1]
                for f in entry_tokens(document, entry, registry)
            ):
                continue
            short = len(name) == SHORT_LENGTH
            target = (
                _suggest_short(name, index, with_year=year)
                if short
                else _suggest(name, index, file_index, with_year=year)
            )
            if target is None:
                continue
            canonical, suggestion = target
            if _spelt_out(document.text, entry, start, end) and not _full_name_before(
                document.text, entry, start, registry, canonical
            ):
                # "IEEE International Conference on Control and Automation (ICCA)": the
                # acronym of the name spelt out before it, not a slip of another's
                continue
            if canonical is not None:
                if spellings is None:
                    spellings = _spellings(document, registry)
                if short and _written(spellings, canonical) < SHORT_MIN_COUNT:
                    continue
                if _rival(spellings, name, canonical):
                    continue
                suggestion = _file_spelling(spellings, canonical, suggestion)
            fix = (
                self.replace(f"Write {suggestion!r}", start, end, suggestion, unsafe=True)
                if entry.parsed
                else None
            )
            yield self.report(
                f"Venue {name!r} looks like a typo: did you mean {suggestion!r}?", start, end, fix
            )

    def _affiliations(self, document: Document) -> Iterator[Diagnostic]:
        """A misspelt institution where the list writes affiliations (`| Havard`)."""
        for entry, start, end, name in _affiliation_slips(document):
            fix = (
                self.replace(f"Write {name!r}", start, end, name, unsafe=True)
                if entry.parsed
                else None
            )
            yield self.report(
                f"Affiliation {document.text[start:end]!r} looks like a typo: did you mean "
                f"{name!r}?",
                start,
                end,
                fix,
            )


# The word "workshop" right before a name: the name is the workshop's.
_WORKSHOP_BEFORE = lazy_compile(r"(?i)\bworkshops?[ \t]+\Z")
# A venue's name spelt out, then the parenthesis that holds its acronym: a kind of
# meeting or publication and the words of its name after it, `Annual Conference of the
# IEEE Industrial Electronics Society (`.
_KINDS = r"\b(?:Conference|Symposium|Workshop|Journal|Transactions|Society|Congress|Meeting|Forum)"
_KIND_WORD = lazy_compile(_KINDS + r"\b")
_SPELT_OUT = lazy_compile(_KINDS + r"(?:[ \t]+(?:on|of|and|for|in|the|&|[A-Z][\w&/-]*))*[ \t]*\(\Z")
_SPELT_OUT_CHARS = 150


def _whole_label(entry: Entry, start: int, end: int) -> bool:
    """Whether ``start``-``end`` is the whole text of one of the entry's links."""
    return any(link.text == (start, end) for link in (*entry.links, *entry.more_links))


def _spelt_out(text: str, entry: Entry, start: int, end: int) -> bool:
    """Whether the word at ``start``..``end`` is in parentheses right after a venue's
    name spelt out (`... Conference on Control and Automation (ICCA)`)."""
    if start < 1 or text[start - 1] != "(" or text[end : end + 1] != ")":
        return False
    return (
        _SPELT_OUT.search(text, max(entry.content[0], start - _SPELT_OUT_CHARS), start) is not None
    )


def _full_name_before(
    text: str, entry: Entry, start: int, registry: VenueRegistry, canonical: str | None
) -> bool:
    """Whether the registry's full name of ``canonical`` is what is spelt out before
    ``start`` (`Conference on Computer Vision and Pattern Recognition (CVRP)`: a slip
    of CVPR's own acronym after all)."""
    if canonical is None:
        return False
    match = registry.lookup(canonical)
    if match is None:
        return False
    # from its kind of meeting on: the publisher before it is written many ways
    # ("IEEE/CVF Conference on ...", "IEEE Conference on ...")
    kind = _KIND_WORD.search(match.venue.full_name)
    if kind is None:
        return False
    name = match.venue.full_name[kind.start() :].casefold()
    return name in text[max(entry.content[0], start - _SPELT_OUT_CHARS) : start].casefold()


def _affiliation_slips(document: Document) -> Iterator[tuple[Entry, int, int, str]]:
    """Words where a list writes affiliations, one slip from a well-known
    institution's name: (entry, start, end, the name)."""
    text = document.text
    if " & " not in text and "|" not in text:
        return
    for entry in document.entries():
        pieces: list[tuple[int, int]] = []
        if entry.venue is not None:
            pieces.append(entry.venue)
        start, end = entry.content
        if text.find(" & ", start, end) >= 0:
            pieces.extend(m.span() for m in _AMPERSANDS.finditer(text, start, end))
        for a, b in pieces:
            for m in _CAPITALISED.finditer(text, a, b):
                name = _near_affiliation(m.group())
                if name is not None:
                    yield entry, m.start(), m.end(), name


def _near_affiliation(word: str) -> str | None:
    """The well-known institution ``word`` misspells (a letter added, dropped,
    changed or two neighbours swapped; never the first letter), or None."""
    if word in AFFILIATIONS or len(word) < AFFILIATION_MIN - 1:
        return None
    folded = word.casefold()
    for name in AFFILIATIONS:
        other = name.casefold()
        if len(other) < AFFILIATION_MIN:
            continue
        if other == folded or other[0] != folded[0] or abs(len(other) - len(folded)) > 1:
            continue
        if distance(folded, other, 1) == 1:
            return name
    return None


# A tag that opens an entry, maybe set in bold: `**[OCFusion]** Title`, `[UCB] <[Title]...`,
# or in backticks: `` `BPNet` [Boundary Proposal Network ...](url) ``.
_OPENING_TAG = lazy_compile(
    r"[^\w\[`]{0,3}(?:\[(?P<tag>[^\[\]\n]{1,40})\]|`(?P<code>[^`\n]{1,40})`(?=[ \t]))"
)
# A file whose entries open with this many unknown bracketed names has a column of tags.
TAG_COLUMN_MIN = 3


def _name_tags(document: Document, registry: VenueRegistry) -> set[str]:
    """The tags without a year that open the file's entries (`**[AUNet]** Attention-guided
    Unified Network ...`), when at least 3 distinct ones are no known venue: method
    names in a column of tags, not venues (empty otherwise)."""
    tags = {tag for tag in map(partial(_opening_tag, document), document.entries()) if tag}
    unknown = {tag for tag in tags if registry.lookup(tag) is None}
    return unknown if len(unknown) >= TAG_COLUMN_MIN else set()


_DIGITS = lazy_compile(r"\d\d")


def _opening_tag(document: Document, entry: Entry) -> str | None:
    """The year-less tag in brackets that opens the entry (`**[AUNet]** ...`), or None."""
    text = document.text
    m = _OPENING_TAG.match(text, entry.content[0], entry.content[1])
    if m is None or text.startswith("(", m.end()):
        return None
    tag = m["tag"] if m["tag"] is not None else m["code"]
    return None if _DIGITS.search(tag) else tag.strip()


def _candidates(
    document: Document, registry: VenueRegistry
) -> list[tuple[Entry, int, int, str, bool]]:
    """Every venue-like word of the document's entries that the registry does not
    know: (entry, start, end, text, whether a year stands with it). Read: the venue
    slot, a prefix, the subtitle and other text of the entry's first line (links
    blanked out), and the text of every link of its first paragraph (a venue as a
    link label, ``[[CVPR2019]](url)``)."""
    cache: dict[tuple[str, str], list[tuple[int, int, str, bool]]] = document.cache.setdefault(
        ("venue-words", id(registry)), {}
    )
    out: list[tuple[Entry, int, int, str, bool]] = []
    text = document.text
    # Quick passes over the file find the venue-like words the registry does not
    # know. Only those near a registry name, or near such a word written with a
    # year (a name of the file's own), can be reported: only the entries on the
    # lines that hold them (and their near names, to count) are read closely.
    before_year, others = venue_word_starts(text)
    unknown = {w for w in before_year if _unknown(w, registry)}
    unknown.update(w for _, w in others if w not in unknown and _unknown(w, registry))
    if not unknown:
        return out
    index = registry_index(registry)
    own: NearIndex[str] = NearIndex((w, w) for w in before_year & unknown if _venue_like(w))
    wanted: set[str] = {
        word
        for word in before_year
        if len(word) == SHORT_LENGTH
        and _unknown(word, registry, short=True)
        and index.dropped(word)
    }
    for word in unknown:
        if index.near(word):
            wanted.add(word)
        for _, _, names in own.near(word):
            wanted.add(word)
            wanted.update(names)
    lines: set[int] = set()
    line_index = document.source.line_index
    for word in wanted & before_year:
        i = text.find(word)
        while i >= 0:
            lines.add(line_index(i))
            i = text.find(word, i + len(word))
    lines.update(line_index(i) for i, word in others if word in wanted)
    if not lines:
        return out
    for entry in document.entries():
        # the lines of its first paragraph (a block's venue and links are on later lines)
        if entry.line not in lines and (
            entry.para_end <= entry.line
            or not any(k in lines for k in range(entry.line + 1, entry.para_end + 1))
        ):
            continue
        for where, start, end in regions(document, entry):
            if start >= end or where == "label":  # every link's text is read below
                continue
            slot = where == "slot" or where == "cell"  # read whole
            piece = text[start:end] if slot else _masked(document, entry, start, end)
            words = cache.get((where, piece))
            if words is None:
                words = _unknown_words(piece, registry, whole=slot)
                cache[(where, piece)] = words
            out.extend((entry, start + a, start + b, w, y) for a, b, w, y in words)
        if entry.is_toc or labelled_note(text, entry):
            continue  # (`  - ExpEnv: [RECON](url)`: a paper's note names a dataset)
        for link in (*entry.links, *entry.more_links):
            start, end = link.text
            if link.image or start >= end:
                continue
            piece = text[start:end]
            words = cache.get(("label", piece))
            if words is None:
                # a label that is one near word alone (`[[ODSI](url)]`) is read whole: a
                # venue there if the list labels its links with venues (see check)
                words = _unknown_words(piece, registry, label=True, whole=piece in wanted)
                cache[("label", piece)] = words
            out.extend((entry, start + a, start + b, w, y) for a, b, w, y in words)
    return out


def _unknown_words(
    piece: str, registry: VenueRegistry, *, whole: bool = False, label: bool = False
) -> list[tuple[int, int, str, bool]]:
    """The venue-like words of a piece that are no known name or qualifier (of three
    letters only with a year, in a link's text or a whole slot). In a
    link's text, words inside known venues are left out too (``Chips`` in
    ``[Hot Chips 2023]``; elsewhere the entry's venue tokens tell)."""
    out = []
    for (a, b), year in venue_words(piece, whole=whole):
        word = piece[a:b]
        # three letters only with a year, in a link's text or a slot
        if _unknown(word, registry, short=year and (whole or label)):
            out.append((a, b, word, year))
    if out and label:
        known = [t.span for t in find_venues(piece, registry) if t.known]
        out = [w for w in out if not _inside(known, w[0], w[1])]
    return out


def _unknown(word: str, registry: VenueRegistry, *, short: bool = False) -> bool:
    """A word of four letters or more (with ``short``, three letters too) that is no
    known name and no qualifier."""
    return (
        (len(word) >= MIN_LENGTH or (short and len(word) == SHORT_LENGTH))
        and word.casefold() not in QUALIFIERS
        and registry.lookup(word) is None
    )


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether start..end overlaps one of the (sorted) spans."""
    lo, hi = 0, len(spans)
    while lo < hi:  # the first span ending after start
        mid = (lo + hi) // 2
        if spans[mid][1] <= start:
            lo = mid + 1
        else:
            hi = mid
    return lo < len(spans) and spans[lo][0] < end


def _punctuation(name: str) -> str:
    return "".join(c for c in name if not c.isalnum())


def _plausible(word: str, name_key: str, spelling: str, *, with_year: bool) -> bool:
    """Whether a near miss of a name is a slip rather than another name.

    A slip changes letters, not the name's shape: punctuation stays
    (``T-ITS`` is no TIST). A four-letter name is only mistyped by swapping two
    letters (``CVRP``): one letter more or another letter makes another acronym
    (``ICMLA``, ``ICSES``, ``MSFT``). Without a year to vouch for the word (alone
    in a slot or brackets, where any acronym or product name may stand), only
    names of five letters or more count, one edit away, with capitals where the
    name has them (``AWStats`` is no AISTATS, ``osem`` no TOSEM).
    """
    if _punctuation(word) != _punctuation(spelling) or key(word) in OTHER_VENUES:
        return False
    if not with_year:
        return (
            len(name_key) > MIN_LENGTH
            and distance(key(word), name_key, 1) <= 1
            and word.isupper() == spelling.isupper()
        )
    if len(name_key) == MIN_LENGTH:
        return sorted(key(word)) == sorted(name_key)
    return True


def _suggest(
    name: str,
    index: NearIndex[Target],
    file_index: NearIndex[Target] | None,
    *,
    with_year: bool,
) -> Target | None:
    """The one nearest name that ``name`` may be a slip of; None when there is
    none, or two venues are equally near (no single suggestion: ``ACCV`` is as
    near to ECCV as to ICCV)."""
    near = [
        (dist, target)
        for dist, name_key, values in index.near(name)
        for target in values
        if _plausible(name, name_key, target[1], with_year=with_year)
    ]
    if file_index is not None:
        near.extend(
            (dist, target)
            for dist, name_key, values in file_index.near(name)
            for target in values
            if _plausible(name, name_key, target[1], with_year=with_year)
        )
    if not near:
        return None
    best = min(dist for dist, _ in near)
    # A venue is one target whichever of its names is near; a file name is one
    # target by itself.
    targets = {
        canonical if canonical is not None else "\0" + spelling: (canonical, spelling)
        for dist, (canonical, spelling) in near
        if dist == best
    }
    if len(targets) != 1:
        return None
    return next(iter(targets.values()))


def _rival(spellings: Counter[tuple[str, str]], name: str, canonical: str) -> bool:
    """Whether the file writes another known venue at least 3 times one edit of any
    kind from ``name``: `CIDT` is two letters swapped from ICDT, but one changed from
    the file's CIDR (a four-letter name is suggested only for a swap; no guess)."""
    word = key(name)
    totals: Counter[str] = Counter()
    for (venue, written), n in spellings.items():
        if venue != canonical:
            totals[key(written)] += n
    return any(
        n >= FILE_NAME_MIN_COUNT and distance(word, other, 1) <= 1 for other, n in totals.items()
    )


def _suggest_short(name: str, index: NearIndex[Target], *, with_year: bool) -> Target | None:
    """The one known venue whose four-letter name ``name`` (three letters, with a year
    beside it) is with a letter dropped, in the same case: ``ECV`` -> ECCV; None when
    there is none or there are two (``CCV``: ECCV or ICCV?)."""
    if not with_year or not name.isalpha() or key(name) in SHORT_VENUES:
        return None
    targets = {
        target[0]: target
        for _, values in index.dropped(name)
        for target in values
        if target[0] is not None and target[1].isalpha() and target[1].isupper() == name.isupper()
    }
    return next(iter(targets.values())) if len(targets) == 1 else None


def _spellings(document: Document, registry: VenueRegistry) -> Counter[tuple[str, str]]:
    """The file's spellings of known venues: (canonical name, spelling) -> uses."""
    spellings: Counter[tuple[str, str]] = Counter()
    for where, token, n in document_tokens(document, registry).uses():
        if token.match is not None and where != "subtitle":
            spellings[(token.match.venue.canonical, token.name)] += n
    return spellings


# A swap written often is still a slip when the file writes the venue this many
# times as often: `Arixv'23.12` 13 times beside `Arxiv'24.03` 33 times.
SWAP_RATIO = 2


def _repeated_swaps(
    document: Document,
    registry: VenueRegistry,
    index: NearIndex[Target],
    counts: Counter[str],
    names: list[str],
) -> set[str]:
    """The names of ``names`` (each written 3 times or more) that are a known venue's
    name with two neighbouring letters swapped, in a file that writes that venue at
    least twice as often: a slip copied from entry to entry, not the file's own name."""
    out: set[str] = set()
    spellings: Counter[tuple[str, str]] | None = None
    for name in names:
        word = key(name)
        targets = {
            target[0]
            for dist, name_key, values in index.near(name)
            if dist == 1 and _swap(word, name_key)
            for target in values
        }
        if len(targets) != 1 or None in targets:
            continue
        if spellings is None:
            spellings = _spellings(document, registry)
        canonical = next(iter(targets))
        if canonical is not None and _written(spellings, canonical) >= SWAP_RATIO * counts[name]:
            out.add(name)
    return out


def _swap(a: str, b: str) -> bool:
    """Whether ``b`` is ``a`` with two neighbouring characters swapped."""
    if len(a) != len(b):
        return False
    diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]


def _written(spellings: Counter[tuple[str, str]], canonical: str) -> int:
    """How often the file writes a known venue, in any spelling."""
    return sum(n for (venue, _), n in spellings.items() if venue == canonical)


def _venue_like(name: str) -> bool:
    """A name with two capitals or more (``MLArchSys``), not a word (``Networks``)."""
    return sum(c.isupper() for c in name) >= 2


def _file_spelling(spellings: Counter[tuple[str, str]], canonical: str, spelling: str) -> str:
    """The file's own spelling of ``spelling`` (same letters, other case or
    punctuation) when the file writes it often and more than the registry's."""
    best, best_count = spelling, spellings[(canonical, spelling)]
    for (venue, written), n in spellings.items():
        if (
            venue == canonical
            and n >= FILE_NAME_MIN_COUNT
            and n > best_count
            and key(written) == key(spelling)
        ):
            best, best_count = written, n
    return best
