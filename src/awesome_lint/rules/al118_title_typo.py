from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import pairwise

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.domain.venues import paper_list
from awesome_lint.domain.words import FieldWords, field_words, title_spots, word_counts
from awesome_lint.lazyre import lazy_compile
from awesome_lint.links.papers import paper_links
from awesome_lint.parser.document import Document, Entry, Heading
from awesome_lint.rules.base import Context, Rule
from awesome_lint.rules.common import in_link_target
from awesome_lint.rules.venue_common import SHARED, VENUE_OPTIONS, registry_for

# A word is the file's own when its titles and headings use it this often (and it is
# this long); a word they use at most RARE_MAX times, one edit away from it and this
# many times rarer, is a misspelling of it.
COMMON_MIN = 15
COMMON_LEN = 8
RARE_MAX = 2
RATIO = 5
RARE_LEN = 7
# Only in paper lists (domain.venues.paper_list): product names in a list of tools,
# "Sharding" beside "Sharing", are words of their own.


class TitleTypo(Rule):
    """
    ## What it does

    Finds a misspelt word in a paper's title or a heading: a word the file's
    titles and headings use at most twice that is one edit (a letter added,
    dropped, changed, or two letters swapped) away from a word they use at
    least 15 times and 5 times as often: `Languagze` among 348
    `Language`, `Grouding` among 19 `Grounding`, `Reperesentation` among 15
    `Representation`. Words are compared case-insensitively, and only words of
    letters (7 or more, the common one 8 or more).

    Left alone: other endings of one word (`optimize`/`optimized`,
    `provided`/`provides`, plurals), British and American spellings (`s`/`z`),
    a change at the first letter (`vAttention` beside `Attention`), a word
    that any link target of the file contains (a system's name, `Transnormer`,
    is in its repository's URL), and lists that are not paper lists (fewer
    than half of their entries name a venue and fewer than half of their
    paper links point at a host of papers such as arxiv.org, openreview.net,
    dl.acm.org: a list of tools names `Sharding` beside `Sharing` on purpose).

    A word the file writes rarely is also compared with the words of the
    field: the long words (7 letters or more) that at least two of the paper and
    awesome lists we have read write in their titles and headings (counted by
    `scripts/build_title_words.py` from the project's corpus: words and counts
    only). A word of 8 letters or more, written at most 3 times, that no other
    list writes, one edit from a word this file writes at least 3 times (and
    more often) and that 3 or more lists write 8 or more times, is reported:
    `Intepretable` beside 4 `Interpretable`, `Reconition`, `Evaulation`. A
    changed letter (not an added, dropped or swapped one) must lead to one of
    the field's most common words (50 uses): it turns one real word into
    another too often (`Protects`/`Projects`). A doubled `l` or `r`
    (`modelling`, `transferrable`) is a spelling of its own.

    The prose of the list (its introduction and notes: paragraphs that are no
    entry, and entries with no paper link: a tool's description, a line of the
    contributing rules, a title without a link) is read the same way against
    the titles' and the field's words, a slip there may be 7 letters long from
    a word of 8 or more (`Pre-trained Languge Model` where the titles write
    `Language` 55 times).

    A long word (10 letters or more) written once, one letter added, dropped or
    swapped from one of the field's most common words (10 known lists, 30 uses),
    is a slip even where this file does not write that word (`comprehsensive`).

    A letter written three times (`acrosss`) where the titles write the word
    with it once or twice at least 3 times (`across`) is a slip too.

    A word with a capital inside (`TransNormer`, `vAttention`) is a name and
    never reported, with one exception: a word the titles write at least 10
    times, written once with its last letter in capitals (`TraininG`), is a
    slip of the shift key, unless the title spells out an acronym
    (`INtermediate Representations for FuturE PRediction`), or its name in
    capitals is spelt by capitals inside its words (`PIKE-RAG: sPecIalized
    KnowledgE and Rationale Augmented Generation`; a name spelt by initials
    alone, `GAN: Generative Adversarial Networks`, does not excuse a slip).

    A rare word that at least two other lists write (`Throughout` beside the
    file's `Throughput`) is a word of its own, not a slip. A letter after a word
    the titles write often counts as a slip when no ending ends with it
    (`Inferencex`; never `s`, `d`, `r`, `y`, `e`, `n`, `l`, `t`, `h`, `k`, `m`).

    A word split by a blank after its first one to three letters is reported
    too, with an unsafe fix that joins it: `Quantization A ccelerator`, where
    the rest (`ccelerator`: 7 letters or more) is written once and is no word
    of the field, and the whole (`accelerator`) is a word the file's titles
    write twice or three known lists write. So is a word whose ending was cut off
    by a blank, `LLM serv ing with length predic tion`: the ending is no word of its
    own (`ing`, `tion`, `ment`, `ness`, `ity` and the like), the head (3 letters or
    more) is written nowhere else in the titles and is no word of the field, and
    the whole is a word the titles write twice or three known lists write.

    Where the colon of `[Name](url): subtitle` slipped into the link text
    (`[Alibaba HPN:](url) A Data Center Network ...`), the text after the link
    is read as the rest of the title.

    It also finds two words run together in a title, `ObjectDetection` where the
    titles write `object detection` at least 3 times and each word at least 10
    times (the glued form written once only, in capitals at both words), with an
    unsafe fix that puts the space back. A title that spells a name so on
    purpose (`MultiModal`, written twice or more) is left alone. Two long words
    run together are reported even where the titles never write them apart,
    `SpecializedApplication Model`: each part 7 letters or more and a word that
    two known lists write (or the file's titles twice), the glued form written
    once, in the middle of a title (not where the title glues another name onto
    the same first word, `PatternNet and PatternAttribution`: a family of
    names). A word that leads its title or ends with a
    colon names a system (`RetrievalAttention: ...`) and is left alone, as is one
    in any link target of the file. And a word
    run into a short word of a title, `Autoencodersfor`, `forSynthetic`
    (written once, no word of the field itself; the other part 6 letters or
    more, written 3 times in the file's titles or, itself or its plural
    (`Recipefor`: `recipes`), by two known lists); a short
    word in front counts only where a capital shows the cut (`forSynthetic`,
    never `Forgetting`).

    ## Why

    A typo in a title hides the paper from a search of the list and from a
    reader skimming it; in a heading it also breaks the table of contents'
    anchor once someone fixes it.

    ## Example

    ```markdown
    - [Improving Large Languagze Model Quantization](https://arxiv.org/abs/2402.00001), arXiv 2024.
    ```

    becomes, with `--unsafe-fixes`, `... Improving Large Language Model ...`.

    ## Fix safety

    Unsafe: the word is replaced by the common one, in the case it was written
    in (`Languagze` → `Language`). A paper's own title may really spell a
    word so; a reader decides. Headings get no fix (their anchors would
    change).

    ## Options

    None.
    """

    code = "AL118"
    name = "title-typo"
    summary = "A word in a title or heading one letter away from a word the file uses often"
    fix = "unsafe"
    options = VENUE_OPTIONS
    shared_options = SHARED

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        links = paper_links(document)
        if len(links) < COMMON_MIN:
            return
        if not paper_list(document, registry_for(context.options)):
            return
        by_key = title_spots(document)
        words = word_counts(by_key)
        yield from self._titles(document, by_key, words)
        yield from self._case_slips(document, by_key, words)
        yield from self._split_words(document, by_key, words)
        yield from self._prose(document, words)

    def _split_words(
        self,
        document: Document,
        by_key: dict[str, list[Entry | Heading]],
        words: Counter[str],
    ) -> Iterator[Diagnostic]:
        """A word split by a blank after its first letters (`A ccelerator`): the
        rest no word (7 letters or more, written once, no word of the field) and the
        whole a word of the file's titles (twice) or of the field (3 known lists)."""
        pairs: dict[tuple[str, str], str] = {}
        field: FieldWords | None = None
        for key in by_key:
            parts = key.split()
            for head, rest in pairwise(parts):
                if rest in SPLIT_TAILS:
                    # an ending cut off (`serv ing`, `predic tion`): the head is written
                    # only so split, and the whole is a word of the titles or the field
                    if len(head) < SPLIT_TAIL_HEAD_MIN or not head.isalpha():
                        continue
                    if field is None:
                        field = field_words()
                    whole = head + rest
                    if head in field or words[head] > _pair_uses(by_key, head, rest):
                        continue
                    if (
                        words[whole] < SPLIT_WHOLE_MIN
                        and field.get(whole, (0, 0))[0] < FIELD_LISTS_MIN
                    ):
                        continue
                    pairs[(head, rest)] = whole
                    continue
                if len(head) > SPLIT_HEAD_MAX or len(rest) < RARE_LEN or words[rest] > 1:
                    continue
                if not head.isalpha() or not rest.isalpha():
                    continue
                if field is None:
                    field = field_words()
                whole = head + rest
                if rest in field or (
                    words[whole] < SPLIT_WHOLE_MIN and field.get(whole, (0, 0))[0] < FIELD_LISTS_MIN
                ):
                    continue
                pairs[(head, rest)] = whole
        if not pairs:
            return
        text = document.text
        for (head, rest), whole in pairs.items():
            pattern = re.compile(
                rf"(?<![\w'’-]){re.escape(head)}[ \t]{re.escape(rest)}(?![\w'’-])", re.IGNORECASE
            )
            for spot in _spots_with(by_key, head, rest):
                start, end, fixable = _where(spot)
                for m in pattern.finditer(text, start, end):
                    if in_link_target(document, m.start()):
                        continue
                    written = m.group()
                    joined = written[: len(head)] + written[len(head) + 1 :]
                    fix = self.replace(f"Write {joined!r}", m.start(), m.end(), joined, unsafe=True)
                    yield self.report(
                        f"{written!r} looks like one word split by a blank: {joined!r} "
                        f"({_how(words, whole)})",
                        m.start(),
                        m.end(),
                        fix if fixable else None,
                    )

    def _case_slips(
        self,
        document: Document,
        by_key: dict[str, list[Entry | Heading]],
        words: Counter[str],
    ) -> Iterator[Diagnostic]:
        """A common word of the titles with its last letter in capitals (`TraininG`),
        written so once; a title that spells out an acronym (`INtermediate
        Representations for FuturE PRediction`, `PIKE-RAG: sPecIalized KnowledgE
        and Rationale Augmented Generation`) is left alone."""
        text = document.text
        # the distinct titles and headings first (most entries have none of these words)
        raw = {title for _, _, title, _ in paper_links(document) if title}
        raw.update(document.span_text(heading.text) for heading in document.headings)
        odd = {
            m.group().casefold()
            for m in _LAST_CAPITAL.finditer("\n".join(raw))
            if words.get(m.group().casefold(), 0) >= CASE_SLIP_MIN
        }
        if not odd:
            return
        found: list[tuple[int, int, bool, str]] = []
        written_as: Counter[str] = Counter()
        for key, spots in by_key.items():
            if odd.isdisjoint(key.split()):
                continue
            for spot in spots:
                spot_start, spot_end, fixable = _where(spot)
                for m in _LAST_CAPITAL.finditer(text, spot_start, spot_end):
                    written = m.group()
                    if written.casefold() not in odd:
                        continue
                    written_as[written] += 1
                    if not _ACRONYM_SPELT.search(
                        text, spot_start, spot_end
                    ) and not _spells_by_inner_capitals(text[spot_start:spot_end]):
                        found.append((m.start(), m.end(), fixable, written))
        for start, end, fixable, written in found:
            if written_as[written] > 1 or in_link_target(document, start):
                continue  # written so twice or more: on purpose
            folded = written.casefold()
            spelt = written[0] + written[1:].lower()
            fix = self.replace(f"Write {spelt!r}", start, end, spelt, unsafe=True)
            yield self.report(
                f"{written!r} has a stray capital: {spelt!r} (the file's titles write "
                f"{folded!r} {words[folded]} times)",
                start,
                end,
                fix if fixable else None,
            )

    def _prose(self, document: Document, words: Counter[str]) -> Iterator[Diagnostic]:
        """Slips in the prose of the list (its introduction, its notes): paragraphs
        outside entries, and entries with no paper link (a tool's description, a
        contributing rule), against the words of its titles and of the field."""
        text = document.text
        # The entries' first lines (in source order) and the furthest last line of the
        # entries starting there or before: a line is an entry's when that reaches it.
        # (A set of every entry's lines cost more than the rest: the paragraphs are few.)
        starts: list[int] = []
        reach: list[int] = []
        furthest = -1
        lines: list[int] = []
        with_paper = {id(entry) for entry, _, _, _ in paper_links(document)}
        for entry in document.entries():
            if entry.end_line > furthest:
                furthest = entry.end_line
            starts.append(entry.line)
            reach.append(furthest)
            if id(entry) not in with_paper:
                lines.extend(range(entry.line, entry.end_line + 1))
        for block in document.blocks:
            if block.kind == "paragraph":
                for index in range(block.start_line, block.end_line + 1):
                    i = bisect_right(starts, index) - 1
                    if i < 0 or reach[i] < index:
                        lines.append(index)
        source_lines = document.source.lines
        spans = [
            (source_lines[i].start, source_lines[i].end)
            for i in sorted(set(lines))
            if i not in document.html_lines
        ]
        if not spans:
            return
        # (only words long enough to be read as slips are counted; one pass in C)
        prose: Counter[str] = Counter(
            map(str.casefold, _LONG_WORD.findall("\n".join(text[a:b] for a, b in spans)))
        )
        here = {
            w: n
            for w, n in words.items()
            if n >= FIELD_HERE_MIN and len(w) >= PROSE_COMMON_LEN and w.isalpha()
        }
        slips: dict[str, str] = {}
        field: FieldWords | None = None
        # the common words by first letter and length, each with its place in ``here``:
        # a slip never changes the first letter (see _slip) nor the length by more than
        # one, so only three of these lists hold a word's candidates
        by_shape: dict[tuple[str, int], list[tuple[int, str]]] | None = None
        for w, n in prose.items():
            if n > 1 or len(w) < PROSE_RARE_LEN or w in here or words.get(w, 0):
                continue
            if field is not None and w in field:
                continue  # a word of the field (checked below once the field is read)
            wide = _wide_slip(w)
            if wide is not None:
                slips[w] = wide
                continue
            if by_shape is None:
                by_shape = {}
                for place, c in enumerate(here):
                    by_shape.setdefault((c[0], len(c)), []).append((place, c))
            initial, size = w[0], len(w)
            shaped = [
                *by_shape.get((initial, size - 1), ()),
                *by_shape.get((initial, size), ()),
                *by_shape.get((initial, size + 1), ()),
            ]
            shaped.sort()  # (in the order of ``here``, as they were read before)
            for _, c in shaped:
                if not _may_slip(w, c) or not _slip(w, c) or _doubled(w, c):
                    continue
                if field is None:
                    field = field_words()
                lists, uses = field.get(c, (0, 0))
                if w in field or lists < FIELD_LISTS_MIN or uses < FIELD_USES_MIN:
                    continue
                if len(w) == len(c) and sorted(w) != sorted(c) and uses < FIELD_CHANGED_USES_MIN:
                    continue
                slips[w] = c
                break
        if not slips:
            return
        for start, end in spans:
            for m in _WORD.finditer(text, start, end):
                written = m.group()
                common = slips.get(written.casefold())
                if common is None or in_link_target(document, m.start()):
                    continue
                if not written.isupper() and not written[1:].islower():
                    continue  # a name
                spelt = _case_like(written, common)
                fix = self.replace(f"Write {spelt!r}", m.start(), m.end(), spelt, unsafe=True)
                yield self.report(
                    f"{written!r} looks like a misspelling of {spelt!r} ({_how(words, common)})",
                    m.start(),
                    m.end(),
                    fix,
                )

    def _titles(
        self,
        document: Document,
        by_key: dict[str, list[Entry | Heading]],
        words: Counter[str],
    ) -> Iterator[Diagnostic]:
        text = document.text
        typos = _typos(words)
        from_field = _field_typos(words, typos)
        typos.update(from_field)
        for word, common in _tripled(words).items():
            typos.setdefault(word, common)
        glued = _glued(words, by_key)
        stuck = _stuck(words, {*typos, *glued})
        for word in (*glued, *stuck):
            typos.setdefault(word, "")
        if not typos:
            return
        # (a link to a heading of the file carries the heading's words, typo and all)
        urls = " ".join(
            link.url_value for link in document.links if not link.url_value.startswith("#")
        ).casefold()
        typos = {w: c for w, c in typos.items() if w not in urls}
        if not typos:
            return
        pattern = re.compile(r"\b(" + "|".join(map(re.escape, typos)) + r")\b", re.IGNORECASE)
        found = sorted(
            (*spot.text, False) if isinstance(spot, Heading) else (*spot.content, spot.parsed)
            for key, spots in by_key.items()
            if not typos.keys().isdisjoint(key.split())
            for spot in spots
        )
        seen: set[int] = set()
        for start, end, fixable in found:
            for m in pattern.finditer(text, start, end):
                if m.start() in seen or in_link_target(document, m.start()):
                    continue
                seen.add(m.start())
                written = m.group()
                folded = written.casefold()
                if folded in glued:
                    cut, why, named = glued[folded]
                    head, tail = written[:cut], written[cut:]
                    if not (head.istitle() and tail.istitle()) or not fixable:
                        continue  # only "ObjectDetection" in a title, never "Objectdetection"
                    if named and _names_a_system(text, start, m.start(), m.end()):
                        continue  # `RetrievalAttention: ...`, a system's name
                    if named and _family(text, start, end, head, m.start()):
                        continue  # `PatternNet and PatternAttribution`: a family of names
                    spaced = f"{head} {tail}"
                    fix = self.replace(f"Write {spaced!r}", m.start(), m.end(), spaced, unsafe=True)
                    yield self.report(
                        f"{written!r} runs two words together: {spaced!r} ({why})",
                        m.start(),
                        m.end(),
                        fix,
                    )
                    continue
                if folded in stuck:
                    cut, head_short, why = stuck[folded]
                    if not fixable or (head_short and not written[cut].isupper()):
                        continue  # `forSynthetic`, never `Forgetting`: a capital shows the cut
                    spaced = f"{written[:cut]} {written[cut:]}"
                    short = written[:cut] if head_short else written[cut:]
                    fix = self.replace(f"Write {spaced!r}", m.start(), m.end(), spaced, unsafe=True)
                    yield self.report(
                        f"{written!r} runs a word into {short!r}: {spaced!r} ({why})",
                        m.start(),
                        m.end(),
                        fix,
                    )
                    continue
                if not written.isupper() and not written[1:].islower():
                    continue  # a capital inside (`TransNormer`, `vAttention`): a name
                common = typos[folded]
                spelt = _case_like(written, common)
                fix = self.replace(f"Write {spelt!r}", m.start(), m.end(), spelt, unsafe=True)
                how = f"{words[common]} times in this file's titles and headings"
                if folded in from_field:
                    how = _how(words, common)
                yield self.report(
                    f"{written!r} looks like a misspelling of {spelt!r} ({how})",
                    m.start(),
                    m.end(),
                    fix if fixable else None,
                )


# A common word (its titles write it this often) ending in a capital, `TraininG`; a
# word with two capitals before a small letter (`INtermediate`) spells out an acronym.
CASE_SLIP_MIN = 10
_LAST_CAPITAL = lazy_compile(r"\b[A-Za-z][a-z]{3,}[A-Z]\b")
_ACRONYM_SPELT = lazy_compile(r"\b[A-Z]{2}[a-z]{3,}\b")


_TITLE_WORD = lazy_compile(r"[A-Za-z][\w'-]*")


def _spells_by_inner_capitals(title: str) -> bool:
    """Whether a name in capitals in ``title`` is spelt by capitals inside its other
    words, not by their initials alone (`PIKE-RAG: sPecIalized KnowledgE and Rationale
    Augmented Generation`): capitals put there on purpose."""
    words = _TITLE_WORD.findall(title)
    names = [bare for w in words if len(bare := w.replace("-", "")) >= 3 and bare.isupper()]
    if not names:
        return False
    rest = [w for w in words if not w.replace("-", "").isupper()]
    capitals = "".join(ch for w in rest for ch in w if ch.isupper())
    initials = "".join(w[0] for w in rest if w[0].isupper())
    return any(_in_order(name, capitals) and not _in_order(name, initials) for name in names)


def _in_order(short: str, long: str) -> bool:
    """Whether ``short``'s letters appear in ``long`` in order."""
    rest = iter(long)
    return all(ch in rest for ch in short)


# A word split by a blank (`A ccelerator`): the head at most this long, the whole
# written at least this often in the titles (or by FIELD_LISTS_MIN known lists).
SPLIT_HEAD_MAX = 3
SPLIT_WHOLE_MIN = 2
# Endings that are no words of their own: a blank before one cuts a word in two
# (`serv ing`, `predic tion`); the head before it at least this long.
SPLIT_TAILS = frozenset(
    {
        *("ing", "ings", "tion", "tions", "sion", "sions", "ation", "ations", "ization"),
        *("ment", "ments", "ness", "ity", "ities", "ance", "ence", "ible", "ive", "ized"),
        *("izing", "ally"),
    }
)
SPLIT_TAIL_HEAD_MIN = 3


def _pair_uses(by_key: dict[str, list[Entry | Heading]], head: str, rest: str) -> int:
    """How often the titles and headings write ``head rest`` (a word cut in two)."""
    pair = f" {head} {rest} "
    return sum(len(spots) * f" {key} ".count(pair) for key, spots in by_key.items())


def _where(spot: Entry | Heading) -> tuple[int, int, bool]:
    """Where a title or heading's text is, and whether a fix may edit it (a heading's
    words are never fixed: links to the heading carry them)."""
    if isinstance(spot, Heading):
        return (*spot.text, False)
    return (*spot.content, spot.parsed)


def _spots_with(
    by_key: dict[str, list[Entry | Heading]], head: str, rest: str
) -> Iterator[Entry | Heading]:
    """The titles and headings whose words hold ``head`` and ``rest`` in a row."""
    pair = f" {head} {rest} "
    for key, spots in by_key.items():
        if pair in f" {key} ":
            yield from spots


def _family(text: str, start: int, end: int, head: str, at: int) -> bool:
    """Whether the title holds another name glued onto the same first word (`PatternNet`
    beside `PatternAttribution`): the names of one family of methods, written so."""
    for m in re.finditer(re.escape(head) + r"[A-Z][A-Za-z0-9]+", text[start:end]):
        if start + m.start() != at:
            return True
    return False


def _names_a_system(text: str, title_start: int, start: int, end: int) -> bool:
    """Whether the word at ``start:end`` leads its title or ends with a colon, where a
    system's name stands (`StreamingDialogue: Prolonged ...`)."""
    return text[end : end + 1] == ":" or not any(c.isalpha() for c in text[title_start:start])


# Two words run together ("ObjectDetection"): each part a word the titles use this
# often, the two written apart this often, the glued form once only.
GLUED_PART_MIN = 10
GLUED_PAIR_MIN = 3
# ... or two long words of the field run together where the titles never write the
# two apart (`SpecializedApplication`): each part this long, and a word that this many
# known lists write (or that the file's titles write this often).
GLUED_LONG_LEN = 7
GLUED_LONG_LISTS = 2
GLUED_LONG_USES = 2


def _glued(
    words: Counter[str], by_key: dict[str, list[Entry | Heading]]
) -> dict[str, tuple[int, str, bool]]:
    """Words written once that are two words run together: {word: (where the second
    word starts, why the two are words, whether only long words of the field show it)}."""
    parts = {w for w, n in words.items() if n >= GLUED_PART_MIN}
    candidates: dict[str, tuple[str, str, int]] = {}
    longs: dict[str, tuple[str, str, int]] = {}
    field: FieldWords | None = None
    for w, n in words.items():
        if n != 1 or len(w) < 8 or not w.isalpha():
            continue
        for i in range(3, len(w) - 2):
            a, b = w[:i], w[i:]
            if a in parts and b in parts:
                candidates[w] = (a, b, i)
                break
        if w in candidates or len(w) < 2 * GLUED_LONG_LEN:
            continue
        for i in range(GLUED_LONG_LEN, len(w) - GLUED_LONG_LEN + 1):
            a, b = w[:i], w[i:]
            if field is None:
                field = field_words()
            if all(
                words[part] >= GLUED_LONG_USES or field.get(part, (0, 0))[0] >= GLUED_LONG_LISTS
                for part in (a, b)
            ):
                longs[w] = (a, b, i)
                break
    if not candidates and not longs:
        return {}
    wanted = {(a, b) for a, b, _ in (*candidates.values(), *longs.values())}
    pairs: Counter[tuple[str, str]] = Counter()
    for key, spots in by_key.items():
        split = key.split()
        for pair in pairwise(split):
            if pair in wanted:
                pairs[pair] += len(spots)
    out: dict[str, tuple[int, str, bool]] = {}
    for w, (a, b, i) in candidates.items():
        if pairs[(a, b)] >= GLUED_PAIR_MIN:
            out[w] = (i, f"the file's titles write {a + ' ' + b!r} {pairs[(a, b)]} times", False)
    for w, (a, b, i) in longs.items():
        if pairs[(a, b)] == 0 and field is not None:
            out[w] = (i, f"{_known(words, field, a)}; {_known(words, field, b)}", True)
    return out


def _known(words: Counter[str], field: FieldWords, word: str) -> str:
    """Why ``word`` is a word: the file's titles write it, or known lists do."""
    lists = field.get(word, (0, 0))[0]
    if lists >= GLUED_LONG_LISTS:
        return f"{lists} known lists write {word!r}"
    return f"the file's titles write {word!r} {words[word]} times"


# A word run into a short word of a title (`Autoencodersfor`, `forSynthetic`): the
# short word after it or before it, the other part this long and written this often
# in the file's titles (or a word of the field: two lists or more write it), the whole
# written once only and no word of the field itself.
STUCK_TAILS = ("for", "of", "and", "with", "from", "via", "the", "in", "on", "to", "using")
STUCK_HEADS = ("for", "with", "from", "using", "towards", "via")
STUCK_PART_LEN = 6
STUCK_PART_MIN = 3


def _stuck(words: Counter[str], taken: set[str]) -> dict[str, tuple[int, bool, str]]:
    """Words written once that are a word and a short word run together: {word: (where
    the second part starts, whether the short word comes first, why the long part is a
    word)}."""
    field: FieldWords | None = None
    out: dict[str, tuple[int, bool, str]] = {}
    for w, n in words.items():
        if n != 1 or len(w) < STUCK_PART_LEN + 2 or w in taken or not w.isalpha():
            continue
        if not w.endswith(STUCK_TAILS) and not w.startswith(STUCK_HEADS):
            continue  # (most words: no short word at either end)
        splits = [(len(w) - len(s), False, w[: -len(s)]) for s in STUCK_TAILS if w.endswith(s)]
        splits += [(len(s), True, w[len(s) :]) for s in STUCK_HEADS if w.startswith(s)]
        for cut, head_short, part in splits:
            if len(part) < STUCK_PART_LEN:
                continue
            if field is None:
                field = field_words()
            if w in field:
                break  # a word of its own (`information`, `inconsistency`)
            here = words.get(part, 0)
            if here >= STUCK_PART_MIN:
                out[w] = (cut, head_short, f"the file's titles write {part!r} {here} times")
                break
            # the part, or its plural (`Recipefor`: the lists write `recipes`)
            for form in (part, part + "s"):
                lists = field.get(form, (0, 0))[0]
                if lists:
                    out[w] = (cut, head_short, f"{lists} known lists write {form!r}")
                    break
            if w in out:
                break
    return out


def _deletions(words: Iterable[str]) -> dict[str, list[str]]:
    """Every word under itself and each of its one-letter deletions: two words one edit
    apart share an entry (a symmetric-deletion index)."""
    index: dict[str, list[str]] = {}
    for w in words:
        index.setdefault(w, []).append(w)
        for i in range(len(w)):
            index.setdefault(w[:i] + w[i + 1 :], []).append(w)
    return index


def _near(word: str, index: dict[str, list[str]]) -> list[str]:
    """The indexed words at most one edit from ``word`` (not itself), sorted."""
    get = index.get
    hits = [hit for hit in map(get, [word[:i] + word[i + 1 :] for i in range(len(word))]) if hit]
    own = get(word)
    if own:
        hits.append(own)
    if not hits:
        return []  # (most words: no set built)
    near = {w for hit in hits for w in hit}
    near.discard(word)
    return sorted(near)


def _typos(words: Counter[str]) -> dict[str, str]:
    """Rare words one edit from a common one: {rare word: common word}."""
    common = {
        w: n for w, n in words.items() if n >= COMMON_MIN and len(w) >= COMMON_LEN and w.isalpha()
    }
    if not common:
        return {}
    index = _deletions(common)
    out: dict[str, str] = {}
    field: FieldWords | None = None
    for w, n in words.items():
        if n > RARE_MAX or len(w) < RARE_LEN or w in common or not w.isalpha():
            continue
        if field is not None and w in field:
            continue  # (the check below, made before the neighbours are looked for)
        for c in _near(w, index):
            if field is None:
                field = field_words()
            if w in field:
                break  # other lists write it too: a word of its own (`throughout`)
            if common[c] >= RATIO * n and _slip(w, c, stray_end=True):
                out[w] = c
                break
    return out


# A word no other list writes, one edit from a word of the field (``field_words``):
# the rare word written at most this often and this long, the field's word written
# this often here and by this many lists, this many times in all.
FIELD_RARE_MAX = 3
FIELD_RARE_LEN = 8
FIELD_HERE_MIN = 3
FIELD_LISTS_MIN = 3
FIELD_USES_MIN = 8
# In prose a slip may be shorter (`Languge`): this long, from a word this long.
PROSE_RARE_LEN = 7
PROSE_COMMON_LEN = 8
_WORD = lazy_compile(r"[A-Za-z]+")
_LONG_WORD = lazy_compile(rf"[A-Za-z]{{{PROSE_RARE_LEN},}}")
# A changed letter turns one real word into another far more often than an added,
# dropped or swapped one (``projects``/``protects``, ``bridging``/``bringing``): the
# field's word must then be one of its most common.
FIELD_CHANGED_USES_MIN = 50


def _field_typos(words: Counter[str], found: dict[str, str]) -> dict[str, str]:
    """Rare words one edit from a word that this file writes 3 times or more and that
    the field writes often, and that no other list of the field writes: {rare: word}."""
    here = {
        w: n
        for w, n in words.items()
        if n >= FIELD_HERE_MIN and len(w) >= FIELD_RARE_LEN - 1 and w.isalpha()
    }
    rare = [
        w
        for w, n in words.items()
        if n <= FIELD_RARE_MAX
        and len(w) >= FIELD_RARE_LEN
        and w not in here
        and w not in found
        and w.isalpha()
    ]
    if not rare:
        return {}
    index = _deletions(here)
    field: FieldWords | None = None
    out: dict[str, str] = {}
    for w in rare:
        if field is not None and w in field:
            continue  # a word of the field itself (checked below once the field is read)
        for c in _near(w, index):
            if field is None:
                field = field_words()
            if w in field:
                break  # a word of the field itself
            if here[c] <= words[w] or not _slip(w, c) or _doubled(w, c):
                continue
            lists, uses = field.get(c, (0, 0))
            if lists < FIELD_LISTS_MIN or uses < FIELD_USES_MIN:
                continue
            if len(w) == len(c) and sorted(w) != sorted(c) and uses < FIELD_CHANGED_USES_MIN:
                continue  # a changed letter (not two swapped): needs a very common word
            out[w] = c
            break
        else:
            if words[w] == 1 and (wide := _wide_slip(w)) is not None:
                out[w] = wide
    return out


# A long word one letter added, dropped or swapped from one of the field's most common
# words is a slip even where this file does not write that word (`comprehsensive`):
# the rare word this long, the field's word written by this many lists, this often.
WIDE_RARE_LEN = 10
WIDE_LISTS_MIN = 10
WIDE_USES_MIN = 30


@lru_cache(maxsize=1)
def _wide_index() -> dict[str, list[str]]:
    """The deletion index of the field's most common long words (package data: built
    once per process)."""
    return _deletions(
        w
        for w, (lists, uses) in field_words().items()
        if lists >= WIDE_LISTS_MIN and uses >= WIDE_USES_MIN and len(w) >= WIDE_RARE_LEN - 1
    )


def _wide_slip(rare: str) -> str | None:
    """The field's common word that ``rare`` (written once here, no word of the field)
    misspells by a letter added, dropped or swapped, or None."""
    if len(rare) < WIDE_RARE_LEN or not rare.isalpha() or rare in field_words():
        return None
    for common in _near(rare, _wide_index()):
        if len(rare) == len(common) and sorted(rare) != sorted(common):
            continue  # a changed letter: too often another word
        if _slip(rare, common) and not _doubled(rare, common):
            return common
    return None


_TRIPLE = lazy_compile(r"([a-z])\1\1")
TRIPLED_MIN = 3  # the word without the extra letter: written this often in the titles


def _tripled(words: Counter[str]) -> dict[str, str]:
    """Words written once with a letter tripled (``acrosss``) where the titles write the
    word without the extra letter often (``across``): {slip: word}."""
    out: dict[str, str] = {}
    for w, n in words.items():
        if n != 1 or len(w) < 5 or not w.isalpha() or _TRIPLE.search(w) is None:
            continue
        for fewer in (_TRIPLE.sub(r"\1\1", w), _TRIPLE.sub(r"\1", w)):
            if words.get(fewer, 0) >= TRIPLED_MIN:
                out[w] = fewer
                break
    return out


def _how(words: Counter[str], common: str) -> str:
    """Why ``common`` is the word meant: how often this file and the field write it."""
    lists, uses = field_words().get(common, (0, 0))
    here = words[common]
    if here < FIELD_HERE_MIN:
        return f"{lists} known lists write it {uses} times"
    return f"{here} times in this file's titles and headings; {lists} known lists write it"


def _doubled(rare: str, common: str) -> bool:
    """Whether the two differ by a doubled ``l`` or ``r``, a spelling of its own
    (``modelling``/``modeling``, ``transferrable``/``transferable``)."""
    longer, shorter = (rare, common) if len(rare) > len(common) else (common, rare)
    if len(longer) != len(shorter) + 1:
        return False
    for i in range(1, len(longer)):
        if longer[i] == longer[i - 1] in "lr" and longer[:i] + longer[i + 1 :] == shorter:
            return True
    return False


def _slip(rare: str, common: str, *, stray_end: bool = False) -> bool:
    """One edit turns ``common`` into ``rare``, and not one that makes another form of
    the word (an ending, a plural, a British spelling) or changes its first letter.
    With ``stray_end``, a letter after the word that no ending ends with counts too
    (`Inferencex`; asked only of words the file itself writes often)."""
    if rare.rstrip("s") == common.rstrip("s") or rare + "es" == common or common + "es" == rare:
        return False
    lr, lc = len(rare), len(common)
    if lr == lc:
        diff = [i for i in range(lr) if rare[i] != common[i]]
        if len(diff) == 1:
            i = diff[0]
            return 0 < i < lr - 2 and {rare[i], common[i]} != {"s", "z"}
        if len(diff) == 2 and diff[1] == diff[0] + 1:
            i, j = diff
            return rare[i] == common[j] and rare[j] == common[i] and i > 0
        return False
    longer, shorter = (rare, common) if lr > lc else (common, rare)
    if len(longer) != len(shorter) + 1:
        return False
    if stray_end and rare is longer and rare.startswith(common) and rare[-1] not in _ENDING_LETTERS:
        return True  # a stray key after the word (`Inferencex`): no ending ends so
    for i in range(len(longer)):
        if longer[:i] + longer[i + 1 :] == shorter:
            return 0 < i < len(longer) - 1
    return False


def _may_slip(a: str, b: str) -> bool:
    """A quick test that ``_slip`` needs (it passes every pair that one edit makes):
    one edit, a letter changed, added or dropped or two neighbours swapped, touches at
    most two places of the shorter word from some place ``i`` on, so the words start
    alike up to ``i`` and end alike after it; the first half of the shorter, or its
    end past the half and two more letters, is the same in both."""
    shorter = min(len(a), len(b))
    half = shorter // 2
    if a[:half] == b[:half]:
        return True
    tail = shorter - half - 2
    return tail <= 0 or a[len(a) - tail :] == b[len(b) - tail :]


# Letters that end a word's other forms (`-s`, `-d`, `-r`, `-y`, `-e`, `-n`, ...): one
# of them after a common word may make another word; any other letter is a stray key.
_ENDING_LETTERS = frozenset("sdryenlthkm")


def _case_like(written: str, word: str) -> str:
    """``word`` in the case ``written`` has: all capitals, a capital first, or lower."""
    if written.isupper():
        return word.upper()
    if written[:1].isupper():
        return word[:1].upper() + word[1:]
    return word
