from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.diagnostics import Diagnostic, Related
from awesome_lint.domain.parts import Area, areas
from awesome_lint.lazyre import lazy_compile
from awesome_lint.links.papers import (
    first_sentence_title,
    nested,
    paper_links,
    resource_titles,
    title_key,
    venue_tail,
)
from awesome_lint.parser.document import Document, Entry, Link
from awesome_lint.rules.base import Context, Rule

MIN_TITLE = 12  # characters of the folded title; shorter ones ("Paper", "Survey") say little
MIN_TITLE_WORDS = 3  # ... and words: "Deep Learning", "Neural Networks" name many works
# The part of a title before its last comma compared as a title: at least this long
MIN_HEAD = 30
MIN_HEAD_WORDS = 5


class DuplicateTitle(Rule):
    """
    ## What it does

    Finds one paper title used twice in a section with links that differ even
    after URL normalisation. Titles are compared with case, punctuation and
    whitespace folded (a plus sign counts: `SAME++`, an extension, is not
    `SAME`); in the `[Name](url): subtitle` shape the name and the
    subtitle together are the title. In the `Title, Venue.` shape the part
    before the last comma counts as the title too when what follows names a
    venue (`…Features, RAL.` and `…Features, IEEE ROBOTICS AND AUTOMATION
    LETTERS.`) and the part has five words or more. A title that is another
    title of the section with a short name and a colon put before it
    (`MegaScale: Scaling Large Language Model Training ...` beside `Scaling
    Large Language Model Training ...`) is the same paper too (the rest must
    have five words or more; two titles with different names before one rest,
    `FlashAttention: ...` and `FlashMask: ...`, are two papers). Very short
    titles are ignored, and so is a link after the title whose label is a
    venue's name spelt out, with its year or acronym (`| *Authors* | [2016 IEEE
    International Conference on Bioinformatics and Biomedicine (BIBM)](doi)`:
    a venue, shared by many papers), and so is a nested item that repeats its parent's title
    to give another link, or a nested item whose title another parent's nested
    item bears too (`[Sublime text package](…)` under two editor tools: each
    parent's label for its own link). A title of one or two words (`Deep Learning`: a review
    and a book) names many works and is not compared.

    An entry whose links all point at resources of the paper (`[Code]`, `[Web]`,
    `[Blog]`, `[Project]`) shows its title in the text before them
    (`[4] Li et al, Title, CVPR 2019, [Web](url)`); that title is compared too
    (five words or more), and the later of two copies is reported: the same paper
    listed twice, even where both copies give the same resource link.

    An entry with no link written twice in its section, word for word
    (`* Db2une: Tuning Under Pressure via Deep Learning (VLDB 2024)` twice in a
    list of link-less bullets; case and punctuation folded; five words or more)
    is reported at the later copy. In the `Title. Authors. Venue Year` shape the
    first sentence alone is compared (`... Knowledge Distillation. ICML 2020` and
    `... Knowledge Distillation. Chung, Inseop et al. ICML 2020` are one paper),
    unless it reads as authors (a comma, `et al`, two names joined by `and`).

    An entry with no link at all whose text, after a tag in brackets
    (`[SOSP'24] Enabling Parallelism Hot Switching ...`), is the title of a paper
    listed above it in its section is reported too: the paper listed again, its
    link lost (five words or more).

    A section's parts that a list marks without a Markdown heading count as
    sections of their own here too (see duplicate-link): HTML headings
    (`<h3 id="2.1">...</h3>`) and bold group labels (`**Long-term Memory**`).

    ## Why

    The same paper listed twice with two different links (say its arXiv
    preprint and its proceedings page) is a duplicate that link comparison
    cannot see, or one of the two links points at the wrong paper.

    ## Example

    ```markdown
    - [Efficient Memory Management for LLM Serving](https://arxiv.org/abs/2309.06180)
    - [Efficient memory management for LLM serving](https://dl.acm.org/doi/10.1145/3600006.3613165)
    ```

    The second entry is reported.

    ## Fix safety

    No fix: which entry (and link) to keep is a choice.

    ## Options

    None. Two code repositories with one name (`[Awesome AI Agents](github.com/a/…)`
    and `[Awesome AI Agents](github.com/b/…)`) are two things, not one paper twice.
    """

    code = "AL403"
    name = "duplicate-title"
    summary = "The same paper title appears twice in a section with different links"

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        part = areas(document)
        first: dict[tuple[Area, str], tuple[Entry, Link, str]] = {}
        named: dict[tuple[Area, str], tuple[Entry, Link, str]] = {}  # by title after a name
        for entry, link, title, url_key in paper_links(document):
            if title is None:
                continue
            key = title_key(title)
            if len(key) < MIN_TITLE or key.count(" ") < MIN_TITLE_WORDS - 1:
                continue  # ("Deep Learning": a generic title, many works)
            section: Area = id(entry.section)
            if part:
                section = part.get(id(entry), section)
            this = (entry, link, url_key)
            # "Title, IEEE ROBOTICS AND AUTOMATION LETTERS." and "Title, RAL.": a title
            # read from text before the links may keep its venue after a comma; the
            # part before the last comma counts too when what follows names a venue
            # and the part is a title of its own
            head_key: str | None = None
            if "," in title:
                head, _, tail = title.rpartition(",")
                if venue_tail(tail):
                    head_key = title_key(head)
                    if len(head_key) < MIN_HEAD or head_key.count(" ") < MIN_HEAD_WORDS - 1:
                        head_key = None
            # the first copy listed under the title (else under its head), if another entry's
            original: tuple[Entry, Link, str] | None = None
            for k in (key,) if head_key is None else (key, head_key):
                listed = first.setdefault((section, k), this)
                if original is None and listed is not this and listed[0] is not entry:
                    original = listed
            # "MegaScale: Scaling ..." beside "Scaling ...": a name put before a title
            # of the section (two titles with names are never compared by their rests)
            rest_key = _rest_key(title)
            if rest_key is not None:
                named.setdefault((section, rest_key), this)
                if original is None:
                    original = first.get((section, rest_key))
                    if original is not None and original[0] is entry:
                        original = None
            elif original is None:
                original = named.get((section, key))
            if original is None:
                continue
            if original[2] == url_key or not _copies(original[0], entry):
                continue  # (also "[Sublime text package](…)" under two tools: each parent's)
            if _repository(original[2]) and _repository(url_key):
                continue  # two repositories may share a name ("Awesome AI Agents")
            other, other_link, _ = original
            yield self.report(
                f"Title already listed on line {other.line + 1} with another link",
                link.url[0],
                link.url[1],
                related=(Related(other_link.url[0], other_link.url[1], "First copy"),),
            )
        resources = resource_titles(document)
        if resources:
            yield from self._resource_copies(document, first, resources)
        yield from self._without_link(document, first)

    def _resource_copies(
        self,
        document: Document,
        first: dict[tuple[Area, str], tuple[Entry, Link, str]],
        resources: list[tuple[Entry, Link, str]],
    ) -> Iterator[Diagnostic]:
        """A title listed twice in a section where a copy links only resources of the
        paper (`[4] Li et al, Title, CVPR 2019, [Web](url)`): the later copy is
        reported, with its paper link if it has one, else at its title."""
        part = areas(document)
        earliest: dict[tuple[Area, str], tuple[Entry, Link]] = {}
        for entry, link, title in resources:
            key = title_key(title)
            if len(key) < MIN_HEAD or key.count(" ") < MIN_HEAD_WORDS - 1:
                continue
            area: Area = id(entry.section)
            if part:
                area = part.get(id(entry), area)
            where = (area, key)
            original = earliest.get(where)
            if original is None:
                listed = first.get(where)
                if listed is not None and listed[0].line < entry.line:
                    original = listed[0], listed[1]
                earliest[where] = (entry, link) if original is None else original
            if original is not None and _copies(original[0], entry):
                start, end = _title_span(document, entry, link, title)
                yield self._again(original, start, end, "")
        for where, (entry, link) in earliest.items():
            listed = first.get(where)
            if listed is not None and entry.line < listed[0].line and _copies(entry, listed[0]):
                later = listed[1]
                yield self._again((entry, link), *later.url, " with another link")

    def _again(self, original: tuple[Entry, Link], start: int, end: int, how: str) -> Diagnostic:
        other, other_link = original
        return self.report(
            f"Title already listed on line {other.line + 1}{how}",
            start,
            end,
            related=(Related(other_link.url[0], other_link.url[1], "First copy"),),
        )

    def _without_link(
        self, document: Document, first: dict[tuple[Area, str], tuple[Entry, Link, str]]
    ) -> Iterator[Diagnostic]:
        """Entries with no link at all, in two ways:

        - one whose text, after a bracketed tag (`[SOSP'24]`), is the title of a paper
          of its section: the paper listed again, its link lost;
        - one written twice in its section (`* Db2une: Tuning Under Pressure via Deep
          Learning (VLDB 2024)` twice in a list of link-less bullets; case and
          punctuation folded, `(ArXiv 2022)` and `（arxiv 2022）` alike): the later copy.
          Nested items count only under one parent (a note repeated under two papers is
          each paper's)."""
        part = areas(document)
        text = document.text
        seen: dict[tuple[Area, str], Entry] = {}
        for entry in document.entries():
            if entry.links or entry.more_links or entry.children or entry.toc:
                continue
            start, end = entry.content
            m = _TAG.match(text, start, end)
            written = text[m.end() if m else start : end]
            key = _sentence_key(written) or title_key(written)
            if len(key) < MIN_HEAD or key.count(" ") < MIN_HEAD_WORDS - 1:
                continue
            area: Area = id(entry.section)
            if part:
                area = part.get(id(entry), area)
            original = first.get((area, key)) if first else None
            if original is not None and original[0].line < entry.line:
                other, other_link, _ = original
                yield self.report(
                    f"Title already listed on line {other.line + 1}; this copy has no link",
                    start,
                    end,
                    related=(Related(other_link.url[0], other_link.url[1], "First copy"),),
                )
                continue
            twin = seen.setdefault((id(entry.parent) if entry.depth else area, key), entry)
            if twin is not entry:
                yield self.report(
                    f"Title already listed on line {twin.line + 1}",
                    start,
                    end,
                    related=(Related(twin.content[0], twin.content[1], "First copy"),),
                )


def _sentence_key(written: str) -> str | None:
    """The folded first sentence of a link-less entry written `Title. Authors. Venue
    Year` (see ``links.papers.first_sentence_title``), or None."""
    sentence = first_sentence_title(written)
    return None if sentence is None else title_key(sentence)


def _copies(original: Entry, entry: Entry) -> bool:
    """Whether two entries with one title are two listings of it (not a nested item
    giving another link, nor each parent's label for its own link)."""
    if original is entry or nested(original, entry):
        return False
    return not (original.parent is not entry.parent and original.depth > 0 < entry.depth)


def _title_span(document: Document, entry: Entry, link: Link, title: str) -> tuple[int, int]:
    """Where an entry's title (read from the text before its first link) is written:
    the title itself when it is there as read, else the text before the link."""
    start = entry.content[0]
    at = document.text.find(title, start, link.start)
    if at >= 0:
        return at, at + len(title)
    head = document.text[start : link.start]
    return start + len(head) - len(head.lstrip()), start + len(head.rstrip(" \t,;"))


MAX_NAME_WORDS = 3  # "Name: Title": the name before the colon at most this long


def _rest_key(title: str) -> str | None:
    """The folded title after a short name and a colon (``MegaScale: Scaling Large
    Language Model Training``), when it is a title of its own, else None."""
    name, colon, rest = title.partition(":")
    if not colon or not 0 < len(name.split()) <= MAX_NAME_WORDS:
        return None
    key = title_key(rest)
    if len(key) < MIN_HEAD or key.count(" ") < MIN_HEAD_WORDS - 1:
        return None
    return key


# A tag before an entry's title: `[SOSP'24] `, `(ICLR 2024) `.
_TAG = lazy_compile(r"[ \t]*(?:\[[^\]\n]{1,40}\]|\([^)\n]{1,40}\))[ \t]*")

_REPOSITORY = lazy_compile(r"https://(?:github\.com|gitlab\.com|codeberg\.org)/[^/]+/[^/]+$")


def _repository(url_key: str) -> bool:
    """The link is a code repository's front page (a normalised key)."""
    return _REPOSITORY.match(url_key) is not None
