"""Which link and which title stand for the paper of an entry (for the duplicate rules).

Paper lists write an entry in many shapes; the paper's own link is the first web
link of the entry's first line in all of them:

- ``[Title](url): subtitle | Venue`` and ``[Venue'YY] [Title](url)`` (the link text is the title);
- ``Title <br> Venue [[Paper]](url) [[Code]](url)``, ``**Title** [paper](url)``,
  ``Title (Venue'YY) [link to paper](url)`` (the text before a generic link is the title).

Code, slides and badge links come later on the line and are not the paper's.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from awesome_lint.lazyre import lazy_compile
from awesome_lint.links.normalize import normalize_url
from awesome_lint.links.roles import (
    AUX_WORDS,
    PAPER_LABELS,
    LinkRole,
    clean_label,
    label_role,
    link_role,
)
from awesome_lint.parser.build import VENUE_HEAD, authors_first
from awesome_lint.parser.document import Document, Entry, Link
from awesome_lint.parser.tables import row_cells
from awesome_lint.venues.parse import find_venues

# (an underscore inside a word is no emphasis: `sharded_eredis` keeps it)
# (each branch opens with its mark, the look back after it: a pattern opening with a
# look-behind is tried at every character)
_EMPHASIS = lazy_compile(r"[*~`]+|_(?<!\w_)_*|_+(?!\w)")
_NOT_ALNUM = lazy_compile(r"[\W_]+")  # \w is str.isalnum() plus "_"
_NOT_PLUS = lazy_compile(r"[^\w+]+|_+")  # the same, a plus sign kept
_HTML_TAG = lazy_compile(r"<[^<>]*>")  # no "<" inside: linear on a run of "<" (was quadratic)
_ESCAPED = lazy_compile(r"\\(.)")
_BRACKETED = lazy_compile(r"^\s*[\[(][^\])]*[\])]\s*")  # "[OSDI'22] " / "(2023) "
_CUT = lazy_compile(r"(?i)<br\s*/?>|\s[-–—|]\s|\s\\?\(|\s\\?\[")
_IMAGE = lazy_compile(r"!\[[^\]]*\]\([^)]*\)")
_BOLD = lazy_compile(r"^\s*(\*\*|__)(.+?)\1")
_YEAR = lazy_compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_INNER_BRACKETS = lazy_compile(r"\[[^\[\]]*\]|\([^()]*\)")
_YEAR_ALONE = lazy_compile(r"\s*(?:19|20)\d\d[.\s]*")
# A venue before ", 2019": up to five words, each capitalised (or a number, or joining
# words such as "of"), the first capitalised: "Sensors", "IEEE Trans. Intell. Transport.
# Systems", "Journal of Field Robotics". Words of a title look alike ("Objects, Relations
# and Physics"), so more than one word needs a sign of a venue: an acronym (IEEE, T-ITS),
# an abbreviation (Trans.) or a word that names a venue (Journal).
_VENUE_WORD = lazy_compile(r"[A-Z0-9][\w.&'’-]*|of|on|and|for|in|the|&")
_VENUE_WORDS = 5
_VENUE_SIGN = lazy_compile(
    r"[A-Z][\w&-]*[A-Z][\w&-]*|\w+\.|Journal|Transactions|Letters|Proceedings|Conference"
    r"|Workshop|Symposium|Magazine|Review"
)
_MIN_TITLE_WORDS = 3  # what stays of the title after the cut


_LONG_HEAD = 512  # characters before a link: no prefix and emphasis run this long
# A venue and its year before a link ("IEEE CLOUD 2019, "): four words at most.
_VENUE_HEAD_MAX = 48
# ... and its authors before a colon (`Alur, Bodík, Juniwal, Martin, ...: [Title](url)`)
_AUTHORS_HEAD_MAX = 200
_AUTHORS_ENDS = (": ", ". ")


@lru_cache(maxsize=4096)
def _venue_head(head: str) -> object:
    """Whether ``head`` is a venue and its year before a link, or the paper's authors
    and a colon (``Alur, Bodík, Juniwal: ``) (None: not), read once per distinct head
    (entries repeat short heads)."""
    if not any(c.isdigit() for c in head):
        if not head.endswith(_AUTHORS_ENDS):
            return None
        m = authors_first(head, 0, len(head))
        return m if m is not None and m.end() == len(head) else None
    return VENUE_HEAD.fullmatch(head)


def is_web(url: str) -> bool:
    return url[:8].lower().startswith(("http://", "https://"))


def _opening_head(head: str) -> bool:
    """Whether only badges, a bracketed prefix and emphasis are in ``head`` (the text
    before a link): then the link opens its entry."""
    if "![" in head:
        head = _IMAGE.sub("", head)  # badges before the name
    head = _BRACKETED.sub("", head, count=1) if head.lstrip()[:1] in "[(" else head
    rest = head.strip(" \t*_~")
    if not rest:
        return True
    # "🌟 [Title](url)": an emoji flags the entry
    return not rest[0].isascii() and all(c in " \t*_~" or _mark(c) for c in rest)


def _mark(c: str) -> bool:
    """An emoji or a mark (not ASCII, not a letter or digit of any script)."""
    return not c.isascii() and not c.isalnum()


_SHORT_HEAD = 64
_short_opening_head = lru_cache(maxsize=4096)(_opening_head)


def link_roles(document: Document, entry: Entry) -> list[tuple[Link, LinkRole]]:
    """Each non-image link of the entry's first line with its role (see ``links.roles``);
    computed once per document and entry."""
    cached = entry.roles  # (kept on the entry: asked about five times an entry)
    if cached is not None:
        return cached
    out: list[tuple[Link, LinkRole]] = []
    if not entry.links:
        entry.roles = out
        return out
    text = document.text
    start = entry.content[0]
    row = entry.kind == "row"
    title_cell = row_cells(document, entry).get("title") if row else None
    for link in entry.links:
        if link.image:
            continue
        label_start, label_end = link.text
        label = text[label_start:label_end]
        if row:
            # In a table, a link that fills its cell is the row's item; a link inside
            # other text ("[ResNet](url) 论文逐段精读", a video about the paper) is not.
            if _fills_cell(text, link):
                # ... unless the header names another cell the title: then the link is
                # read as one after the title (`|__MOTS: ...__|...|[project page](u)|`)
                leading = title_cell is None or title_cell[0] <= link.start < title_cell[1]
                out.append((link, link_role(label, link.url_value, leading=leading)))
            else:
                # a link in a cell of other text is the paper's only under a label
                # that says so (`Title<br>[Paper](url) [Code](url)`)
                in_text: LinkRole = "paper" if clean_label(label) in CELL_PAPER_LABELS else "other"
                out.append((link, in_text))
            continue
        # Whether the link opens the entry: only emphasis, badges or a bracketed prefix
        # before it. A link after another link never does past a short head, which is
        # then not even sliced (one line with thousands of links would be quadratic).
        if link.start == start:
            leading = True  # (most entries: nothing before the link)
        elif out and link.start - start > _LONG_HEAD:
            leading = False
        else:
            head = text[start : link.start]
            # many entries repeat a short prefix ("[OSDI'22] "): read each once
            leading = _short_opening_head(head) if len(head) <= _SHORT_HEAD else _opening_head(head)
            longest = _AUTHORS_HEAD_MAX if head[-2:] in _AUTHORS_ENDS else _VENUE_HEAD_MAX
            if not leading and not out and len(head) <= longest and _venue_head(head) is not None:
                # "SIGCOMM 2019, [Title](url)": a venue and its year open the entry, or
                # its authors ("Alur, Bodík: [Title](url)"); the link is its title unless
                # its label names a resource ("SysML 2019: [[YouTube]](url)")
                word = clean_label(label)
                generic = word in AUX_WORDS or word in PAPER_LABELS or "![" in label
                role = link_role(label, link.url_value, leading=False) if generic else "title"
                out.append((link, role))
                continue
        out.append((link, link_role(label, link.url_value, leading=leading)))
    entry.roles = out
    return out


# Labels that make a link in a table cell of other text the row's paper link.
CELL_PAPER_LABELS = frozenset(
    {"paper", "pdf", "arxiv", "abs", "abstract", "doi", "openreview", "preprint", "link to paper"}
)


def _fills_cell(text: str, link: Link) -> bool:
    """Whether only the link (and emphasis) stands between the ``|`` around it."""
    before = text.rfind("|", 0, link.start)
    after = text.find("|", link.end)
    line_start = text.rfind("\n", 0, link.start) + 1
    line_end = text.find("\n", link.end)
    if line_end < 0:
        line_end = len(text)
    start = max(before + 1, line_start)
    end = after if 0 <= after < line_end else line_end
    rest = text[start : link.start] + text[link.end : end]
    return not rest.strip(" \t*_")


def primary_link(document: Document, entry: Entry) -> Link | None:
    """The entry's paper link: the first web link of its first line whose label is the
    title, a generic name for the paper or a venue, or None (code, project and other
    resource links are never the paper's).

    A nested item whose link follows words (``- Journal version of [Title](url)``)
    is a note about another paper, not a listing: it has no paper link; so is one
    whose generic label (``[[paper]]``) stands on a later line after eight words or
    more (``- Is an open-source toolkit ... explored (2.4 [[paper]](url)).``).
    """
    return _primary(document, entry)[0]


def _primary(document: Document, entry: Entry) -> tuple[Link, LinkRole] | tuple[None, None]:
    """``primary_link`` and its role."""
    if entry.toc:  # (is_toc, without the property call: read for every entry)
        return None, None
    links = entry.links
    if (
        links
        and links[0].url_value.startswith("#")
        and not _clean(document.text[entry.content[0] : links[0].start]).strip("[]()*_ \t")
    ):
        # "- [Best Paper Awards](#best): also listed in [this site](url)": an item that
        # opens with a link into the page is a contents line, not a paper
        return None, None
    roles = entry.roles
    if roles is None:
        roles = link_roles(document, entry)
    for link, role in roles:
        if role in ("title", "paper", "venue"):
            if _placeholder(link.url_value):
                continue  # `[Paper](-)`: no paper yet, and no paper link
            if entry.depth > 0 and _is_note(document, entry, link):
                return None, None
            return link, role
    return None, None


def _placeholder(url: str) -> bool:
    """Whether a link's target only holds its place: `-`, `#`, `TBD`, `TODO`."""
    bare = url.strip()
    if len(bare) > 4 and bare[0].isalnum():
        return False  # an address (the words below are four letters at most)
    return not any(c.isalnum() for c in bare) or bare.lower() in ("tbd", "todo", "none", "null")


def _is_note(document: Document, entry: Entry, link: Link) -> bool:
    head = document.text[entry.content[0] : link.start]
    if label_role(document.span_text(link.text)) is not None:
        # a generic label (`[[paper]]`) names the item's own paper, unless it stands on
        # a later line of a sentence: "Is an open-source toolkit ... not widely explored
        # (2.4 [[paper]](url))." cites a paper inside a note
        return (
            link.start >= document.source.lines[entry.line].end and len(head.split()) >= _NOTE_WORDS
        )
    # "[IPDPS'23] " venue tags (innermost brackets: linear on a run of "(" or "[")
    head = _INNER_BRACKETS.sub(" ", head)
    return bool(_clean(head).strip("[]() "))


_NOTE_WORDS = 8  # words before a generic label on a nested item's later line: a note


def _clean(text: str) -> str:
    if "<" in text:
        text = _HTML_TAG.sub(" ", text)
    if "_" in text:
        text = _EMPHASIS.sub("", text)
    else:  # (the same without the pattern: an awesome list's "`MIT` `Go`" tails, ~15x faster)
        for mark in "*~`":
            if mark in text:  # (most titles have none)
                text = text.replace(mark, "")
    if "\\" in text:
        text = _ESCAPED.sub(r"\1", text)
    return " ".join(text.split()).strip(" .,;:")


# Hosts of papers (archives, publishers, proceedings): a list whose paper links mostly
# point at them is a paper list, whether or not it names venues.
PAPER_HOSTS = (
    *("arxiv.org", "openreview.net", "aclanthology.org", "aclweb.org", "dl.acm.org"),
    *("ieeexplore.ieee.org", "papers.nips.cc", "proceedings.neurips.cc", "doi.org"),
    *("proceedings.mlr.press", "usenix.org", "openaccess.thecvf.com", "link.springer.com"),
    *("semanticscholar.org", "ojs.aaai.org", "sciencedirect.com", "nature.com"),
)


def paper_host(url: str) -> bool:
    """Whether a URL names a host of papers (``PAPER_HOSTS``) anywhere in it. (A loop,
    not ``any()`` over a generator: read for every paper link of a file, mostly arXiv's,
    which is first; half the time of ``any()`` on a URL that names none.)"""
    for host in PAPER_HOSTS:  # noqa: SIM110 (see above)
        if host in url:
            return True
    return False


# A section whose heading names datasets or metrics: an item there that links a paper
# under a generic label cites it as its source rather than lists it.
_REFERENCE_HEADING = lazy_compile(
    r"(?i)(?<![^\W\d_])(?:datasets?|metrics?|benchmarks?|evaluations?)(?![^\W\d_])"
    r"|数据集|基准|评测|评估"  # (dataset, benchmark, evaluation: Chinese headings)
)


def reference_section(document: Document, entry: Entry, link: Link) -> bool:
    """Whether the entry cites a paper as its source: it stands in a section of datasets,
    benchmarks or metrics (`## 3.Datasets`, `## Evaluation Metrics`, `## Evaluation
    Index`) and links the paper under a
    generic label (`R-precision [[Paper](url)]`): two datasets from one paper share its
    link, and a metric names no paper. (`[MLPerf Inference](url)` names its own.)"""
    section = entry.section
    if section is None or id(section) not in reference_sections(document):
        return False
    return clean_label(document.span_text(link.text)) in PAPER_LABELS


def reference_sections(document: Document) -> frozenset[int]:
    """The sections (by id) whose heading names datasets, benchmarks, metrics or
    evaluation (``## 一、数据集``, ``## Datasets``; read once)."""
    found: frozenset[int] | None = document.cache.get("reference-sections")
    if found is None:
        found = document.cache["reference-sections"] = frozenset(
            id(section)
            for section in document.sections
            if section.heading is not None
            and _REFERENCE_HEADING.search(section.heading.title) is not None
        )
    return found


def entry_title(document: Document, entry: Entry) -> str | None:
    """The paper title an entry shows, as written (without Markdown emphasis), or None.

    The title is the primary link's text, plus the subtitle in the
    ``[Name](url): subtitle`` shape; when the link text is generic (``[Paper]``), the
    text before the link is the title, cut at ``<br>``, a dash, ``(`` or ``[``.
    (Computed once per document and entry: several rules ask.)
    """
    key = ("entry-title", id(entry))
    if key in document.cache:
        cached: str | None = document.cache[key]
        return cached
    title = _entry_title(document, entry, *_primary(document, entry))
    document.cache[key] = title
    return title


# An entry with a paper link: the entry, its primary link, its title (None when it
# shows none) and the link's comparison key (normalize_url).
PaperLink = tuple[Entry, Link, str | None, str]


def paper_links(document: Document) -> list[PaperLink]:
    """Every entry with a paper link, in document order (computed once per document:
    the duplicate-link, shared-link and duplicate-title rules all walk them)."""
    cached: list[PaperLink] | None = document.cache.get("paper-links")
    if cached is None:
        cached = []
        for entry in document.entries():
            link, role = _primary(document, entry)
            if link is not None:
                title = _entry_title(document, entry, link, role)
                cached.append((entry, link, title, normalize_url(link.url_value)))
        document.cache["paper-links"] = cached
    return cached


# What may close a title link's text after its venue: `(ICLR2014)`, `CVPR 2016.`
_LABEL_END = " \t.)]*_）"
_LABEL_VENUE_SEPARATORS = "-–—(（.,"
_LABEL_TITLE_MIN = 10  # characters of title before a venue closing the link's text


def title_venue(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where a venue and its year close a title link's text ``text[start:end]``, after
    a dash, a parenthesis, a period or a comma (`[Panoptic Segmentation - ARXIV -
    2018](url)`, `[Spectral networks on graphs (ICLR2014)](url)`, `[Title. CVPR
    2016.](url)`): the offsets of the title's end and of the venue's start, or None.
    Read for every title link (its callers skip one that ends in a letter, as most
    do, before the call)."""
    k = end
    while k > start and text[k - 1] in _LABEL_END:
        k -= 1
    if k - start < _LABEL_TITLE_MIN + 6 or not (
        text[k - 1].isdecimal() and text[k - 2].isdecimal()
    ):
        return None
    found = _venue_at_end(text[start:k])
    return None if found is None else (start + found[0], start + found[1])


@lru_cache(maxsize=4096)
def _venue_at_end(label: str) -> tuple[int, int] | None:
    """``title_venue`` of a link's text without its closing marks (ending in digits),
    offsets relative to it."""
    end = len(label)
    start = max(0, end - 48)
    tokens = find_venues(label[start:])
    if not tokens:
        return None
    token = tokens[-1]
    if token.match is None or token.year is None or token.span[1] != end - start:
        return None
    at = start + token.span[0]
    head = label[:at].rstrip(" \t")
    if len(head) <= _LABEL_TITLE_MIN or head[-1] not in _LABEL_VENUE_SEPARATORS:
        return None
    return len(head[:-1].rstrip(" \t")), at


def resource_titles(document: Document) -> list[tuple[Entry, Link, str]]:
    """Every entry whose links all point at resources of a paper (``[Code]``, ``[Web]``,
    ``[Project]``) and whose text before them reads as a title (``[4] Li et al, Title,
    CVPR 2019, [Web](url)``): the entry, its first link and the title, in document
    order. The paper has no link of its own there, yet it is listed."""
    cached: list[tuple[Entry, Link, str]] | None = document.cache.get("resource-titles")
    if cached is not None:
        return cached
    cached = []
    text = document.text
    for entry in document.entries():
        roles = entry.roles  # (kept on the entry: read without a call for most entries)
        if roles is None:
            if not entry.links:
                continue
            roles = link_roles(document, entry)
        if not roles or roles[0][1] != "aux" or entry.toc or entry.kind == "row":
            continue  # (most entries: a paper or title link first)
        if any(role != "aux" for _, role in roles):
            continue
        link = roles[0][0]
        head = text[entry.content[0] : link.start]
        title = _head_title(head) if head.strip() else None
        if title is not None:
            cached.append((entry, link, title))
    document.cache["resource-titles"] = cached
    return cached


def _entry_title(
    document: Document, entry: Entry, link: Link | None, role: LinkRole | None
) -> str | None:
    """The title of an entry whose paper link is ``link`` (of role ``role``)."""
    if link is None:
        return None
    autolink = link.text == link.url
    if not autolink and role == "title":
        text = document.text
        start, end = link.text
        # "[Title - CVPR - 2019](url)": the venue is no title (most titles end in a
        # letter: told before a call)
        venue = None if text[end - 1 : end].isalpha() else title_venue(text, start, end)
        label = text[start : end if venue is None else venue[0]]
        title = _clean(label).strip("[]() ")
        if link is entry.link and entry.subtitle is not None:
            title += ": " + _clean(document.span_text(entry.subtitle))
        return title
    if entry.kind == "row":
        # a "[paper]" cell: the title is in another column, if the header names one
        cell = row_cells(document, entry).get("title")
        if cell is None:
            return None
        return _clean(document.span_text(cell)) or None
    head = document.text[entry.content[0] : link.start]
    if head[-6:].rstrip().rpartition(" ")[2].lower() in _LINKING_WORDS:
        # "MLE in [LSC-CNN](url) (distance measure)": the link's text is the object of
        # a sentence, and the paper's name; the words before it are a note
        label = _clean(document.span_text(link.text)).strip("[]() ")
        return None if clean_label(label) in PAPER_LABELS else label or None
    return _head_title(head)


# Words that end a sentence's text before a link that names the paper: `MLE in [X](u)`.
_LINKING_WORDS = frozenset({"in", "of", "by", "see", "at", "on", "via", "from"})


def _head_title(head: str) -> str | None:
    """The title in the text before an entry's paper link: a bold run that opens it
    (``**Title**. *Authors*. Venue 2019.``), else the text cut at ``<br>``, a dash,
    ``(`` or ``[``, without a trailing ``, Venue 2019.`` (``Title, CVPR 2023.``)."""
    bold = _BOLD.match(head)
    if bold is not None:
        return _clean(bold.group(2)) or None
    if '"' in head or "“" in head:
        quoted = _CITED.match(head)
        if quoted is not None:
            return _clean(quoted.group(1)) or None  # `Xu, Mengwei, et al. "Title." Venue.`
    head = _BRACKETED.sub("", head, count=1)
    cut = _CUT.search(head)
    if cut is not None:
        head = head[: cut.start()]
    authors = _AUTHORS_FIRST.match(head)
    if authors is not None:
        head = head[authors.end() :]  # "Eigen et al, Depth Map Prediction ..."
    head = head.rstrip(" \t,;")  # "..., CVPR 2018, [PDF](url)": the comma before the link
    before, dot, last = head.rpartition(". ")
    if (
        dot
        and "," not in last  # ("IEEE Trans. Intell. Transport. Systems, 2019": the commas')
        and _YEAR.search(last)
        and len(last.split()) <= _VENUE_WORDS
        and " " in before
    ):
        head = before  # "Neural Sign Language Translation. *CVPR 2018*. [[paper]](url)"
    before, comma, last = head.rpartition(",")
    if comma and last.strip().lower() in _UNPUBLISHED:
        head = before  # "Title, Arxiv, [PDF](url)"
    elif comma and _YEAR.search(last):
        head = before  # "Title, CVPR 2023." / "Title, 2018."
        if _YEAR_ALONE.fullmatch(last):
            title, comma, venue = head.rpartition(",")
            if comma and _venue_like(venue) and len(title.split()) >= _MIN_TITLE_WORDS:
                head = title  # "Title, Sensors, 2019." / "Title, IEEE Trans. Intell., 2019."
    title = _clean(head).rstrip(" \\[(")
    if title[1:2] == "." and _INITIALED_AUTHORS.fullmatch(title.rstrip(". ")):
        return None  # "A. Payani and F. Fekri.  *Arxiv 2019*. [[paper]](u)": the authors
    return _clean(title) or None


# Names with initials, joined by commas or "and": `A. Payani and F. Fekri`,
# `Y. Fukuchi, M. Osawa, H. Yamakawa and M. Imai` (an author line, no title).
_INITIALED = r"[A-Z]\.(?:[ \t]*[A-Z]\.)*[ \t]*[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)?"
_INITIALED_AUTHORS = lazy_compile(
    rf"{_INITIALED}(?:[ \t]*(?:,|and|&)[ \t]*(?:and[ \t]+)?{_INITIALED})*"
)


# The end of an entry's first sentence: `Title. Authors et al. ICML 2020`.
_SENTENCE_END = lazy_compile(r"\.[ \t]+(?=\S)")
# Two names joined by "and", `Alexander Kolesnikov and Lucas Beyer`: authors, no title.
_NAME_PAIR = lazy_compile(
    r"[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,2}[ \t]+and(?:[ \t]+[A-Z][\w'’.-]*){1,3}"
)
# A title read from an entry without links: this long at least when folded, and words.
UNLINKED_TITLE_MIN = 30
UNLINKED_TITLE_WORDS = 5


def _long_enough(key: str) -> bool:
    return len(key) >= UNLINKED_TITLE_MIN and key.count(" ") >= UNLINKED_TITLE_WORDS - 1


def first_sentence_title(written: str) -> str | None:
    """The first sentence of an entry written `Title. Authors. Venue Year`
    (`Feature-map-level Online Adversarial Knowledge Distillation. Chung, Inseop et al.
    ICML 2020`), as written: the title. None when there is no later sentence, or the
    first is short (``UNLINKED_TITLE_MIN`` folded characters, ``UNLINKED_TITLE_WORDS``
    words) or reads as authors (a comma, `et al`, two names joined by `and`)."""
    end = _SENTENCE_END.search(written)
    if end is None:
        return None
    sentence = written[: end.start()]
    if "," in sentence or "et al" in sentence or _NAME_PAIR.fullmatch(sentence.strip()):
        return None
    return sentence if _long_enough(title_key(sentence)) else None


def unlinked_title(written: str) -> str | None:
    """The paper title of an entry with no link, from its text: the first sentence
    (`Title. Authors. ICML 2020`), else the text before a venue in parentheses or after
    a comma (`Title (VLDB 2024)`, `Title, CVPR 2023.`); None when that is short (see
    ``first_sentence_title``) or reads as authors (two commas, `et al`)."""
    title = first_sentence_title(written)
    if title is None:
        title = _head_title(written)
        if title is None or not _long_enough(title_key(title)):
            return None
        if title.count(",") >= 2 or "et al" in title:
            return None  # "Jun Li, Peng Lei, and Sinisa Todorovic": authors, no title
    return _clean(title)


# Authors before a title, "Eigen et al, " / "Zhang et al. ": one to four names.
_AUTHORS_FIRST = lazy_compile(
    r"[ \t]*[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,3}[ \t]+et[ \t]*al\.?[ \t]*[,:.][ \t]*(?=\S)"
)
_UNPUBLISHED = frozenset({"arxiv", "preprint", "arxiv preprint"})
# A citation: authors to a comma or a period, then the title in quotes, `Xu, Mengwei, et
# al. "DeepCache: Principled cache for mobile deep vision." Proceedings of ...`.
_CITED = lazy_compile(r"[^\"“”\n]*?[.,][ \t]+[\"“]([^\"“”\n]{10,}?)[,.]?[\"”]")


def _venue_like(text: str) -> bool:
    words = _clean(text).split()
    if not words or len(words) > _VENUE_WORDS or not words[0][:1].isupper():
        return False
    if not all(_VENUE_WORD.fullmatch(word) for word in words):
        return False
    return len(words) == 1 or any(_VENUE_SIGN.fullmatch(word) for word in words)


_VENUE_NOUN = lazy_compile(
    r"(?i)\b(?:transactions|journal|letters|conference|proceedings|workshops?|symposium)\b"
)
# What every match of ``_VENUE_NOUN`` holds, in lower case, in a text of ASCII letters.
_VENUE_NOUN_PARTS = (
    *("transactions", "journal", "letters", "conference", "proceedings", "workshop"),
    "symposium",
)


def venue_tail(text: str) -> bool:
    """Whether ``text`` (what follows a title's last comma) names a venue rather than
    going on with the title: ``RAL.``, ``IEEE ROBOTICS AND AUTOMATION LETTERS.``,
    ``IEEE Transactions on Intelligent Transportation Systems``; not ``Changing
    Intentions``."""
    if _venue_like(text):
        return True
    if text.isascii():  # (in other text "ſ" may match an "s" of the pattern's, ignoring case)
        lower = text.lower()
        if not any(noun in lower for noun in _VENUE_NOUN_PARTS):
            return False  # (most texts: settled without the pattern, tried at every character)
    return _VENUE_NOUN.search(text) is not None


@lru_cache(maxsize=8192)
def title_key(title: str) -> str:
    """The comparison form of a title: case, punctuation and whitespace folded. A plus
    sign counts, as a word: ``SAME++`` is the extension of ``SAME``, another paper."""
    text = unicodedata.normalize("NFKC", title).casefold()
    if "+" in text:
        text = text.replace("+", " + ")
        return " ".join(_NOT_PLUS.sub(" ", text).split())
    return " ".join(_NOT_ALNUM.sub(" ", text).split())


MAX_NAME_WORDS = 3  # "Name: subtitle" when the part before the colon is this short
_STOP = frozenset(
    {
        *("a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "is", "of"),
        *("on", "or", "the", "to", "via", "with", "towards", "toward", "using"),
    }
)


def title_words(title: str) -> frozenset[str]:
    """The significant words of a title (folded, stop words dropped)."""
    return frozenset(w for w in title_key(title).split() if w not in _STOP)


def title_name(title: str) -> str | None:
    """The short name before a title's colon, folded (``deltazip``), or None."""
    return _name(title)


def _name(title: str) -> str | None:
    """The short name before a colon (``DeltaZip`` in ``DeltaZip: Efficient ...``), or None."""
    name, colon, _ = title.partition(":")
    key = title_key(name)
    return key if colon and key and len(key.split()) <= MAX_NAME_WORDS else None


def _numbers(key: str) -> set[str]:
    return {word for word in key.split() if any(ch.isdigit() for ch in word)}


def same_paper_title(a: str, b: str) -> bool:
    """Whether two titles may name one paper.

    Yes when they are equal, one contains the other (``Orca`` and ``Orca: A
    Distributed Serving System``), one is the other's acronym (``NLLP 2025`` and
    ``The Natural Legal Language Processing``), or they share most words. No when both start
    with a short name before a colon and the names differ (``NanoFlow: …`` and
    ``Clover: …``), or when the names (or whole titles) carry different numbers
    (``Baichuan-7B`` and ``Baichuan2-7B``).
    """
    ka, kb = title_key(a), title_key(b)
    if not ka or not kb or ka == kb:
        return True
    if _acronym_of(a, b) or _acronym_of(b, a):
        return True  # "NLLP 2025" and "The Natural Legal Language Processing": one name
    name_a, name_b = _name(a), _name(b)
    if name_a is not None and name_b is not None:
        return name_a == name_b
    # "OPT: Open Pre-trained Transformers" and "OPT-1.3|6.7|13B": a paper and its models
    if (name_a is not None and kb.startswith(name_a + " ")) or (
        name_b is not None and ka.startswith(name_b + " ")
    ):
        return True
    # "Llama 3.1" and "Llama 3.1论文精读 · 2. 预训练数据": a name and a title in another script
    for short, long in ((ka, kb), (kb, ka)):
        if long.startswith(short) and len(long) > len(short) and not long[len(short)].isascii():
            return True
    head_a = title_key(a.partition(":")[0])
    head_b = title_key(b.partition(":")[0])
    numbers_a, numbers_b = _numbers(head_a), _numbers(head_b)
    if numbers_a and numbers_b and numbers_a != numbers_b:
        return False
    if ka in kb or kb in ka:
        return True
    wa, wb = title_words(a), title_words(b)
    if not wa or not wb:
        return True
    return len(wa & wb) / min(len(wa), len(wb)) >= 0.5


# Words an acronym leaves out: "The Natural Legal Language Processing" is NLLP.
_MINOR_WORDS = frozenset({"the", "of", "and", "for", "on", "in", "a", "an", "to", "with", "&"})


def _acronym_of(short: str, long: str) -> bool:
    """Whether ``short`` opens with an acronym in capitals (3 to 8 letters, a year or
    nothing else after it) that spells the initials of the words of ``long`` (minor
    words left out): `NLLP 2025` and `The Natural Legal Language Processing`."""
    words = short.split()
    if not words or len(words) > 2 or not (3 <= len(words[0]) <= 8):
        return False
    acronym = words[0]
    if not (acronym.isalpha() and acronym.isupper()):
        return False
    if len(words) == 2 and not (words[1].isdigit() and len(words[1]) in (2, 4)):
        return False
    initials = "".join(
        word[0]
        for word in long.split()
        if word.casefold() not in _MINOR_WORDS and word[0].isalpha()
    )
    return initials.upper() == acronym


# Words of a title's rest after its name (``Deconvnet: Visualizing and understanding
# convolutional networks``) that make two names of one rest one paper.
SAME_REST_WORDS = 4


def same_rest(a: str, b: str) -> bool:
    """Whether two titles are one paper under two names before a colon, the rest alike
    (`Deconvnet: Visualizing and understanding ...` and `Sliding-Patch: Visualizing and
    understanding ...`: a list that files one paper under each method it describes).
    Read for copies that share one link (conflicting-copies' title slips): under two
    links such titles are two papers."""
    head_a, colon_a, rest_a = a.partition(":")
    head_b, colon_b, rest_b = b.partition(":")
    if not colon_a or not colon_b or len(head_a) > 40 or len(head_b) > 40:
        return False
    key = title_key(rest_a)
    if len(key.split()) < SAME_REST_WORDS or key != title_key(rest_b):
        return False
    from difflib import SequenceMatcher  # (rarely reached: two copies of one link)

    # two names, not one name with a slip (`Staring into the Abys` for `... Abyss`)
    return SequenceMatcher(None, head_a.casefold(), head_b.casefold()).ratio() < 0.8


def nested(a: Entry, b: Entry) -> bool:
    """Whether one entry is nested inside the other (a sub-item giving another link)."""
    for inner, outer in ((a, b), (b, a)):
        parent = inner.parent
        while parent is not None:
            if parent is outer:
                return True
            parent = parent.parent
    return False
