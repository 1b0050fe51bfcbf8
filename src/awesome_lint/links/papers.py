"""Which link and which title stand for the paper of an entry (for the duplicate rules).

Paper lists write an entry in many shapes; the paper's own link is the first web
link of the entry's first line in all of them:

- ``[Title](url): subtitle | Venue`` and ``[Venue'YY] [Title](url)`` (the link text is the title);
- ``Title <br> Venue [[Paper]](url) [[Code]](url)``, ``**Title** [paper](url)``,
  ``Title (Venue'YY) [link to paper](url)`` (the text before a generic link is the title).

Code, slides and badge links come later on the line and are not the paper's.
"""

from __future__ import annotations

import re
import unicodedata

from awesome_lint.parser.document import Document, Entry, Link

#: Link texts that name a kind of resource, not a paper.
GENERIC_TEXTS: frozenset[str] = frozenset(
    {
        "paper",
        "papers",
        "pdf",
        "link",
        "url",
        "arxiv",
        "abs",
        "abstract",
        "here",
        "link to paper",
        "paper link",
        "code",
        "github",
        "project",
        "project page",
        "homepage",
        "website",
        "blog",
        "slides",
        "video",
        "talk",
        "openreview",
        "acm",
        "ieee",
        "doi",
        "html",
        "preprint",
        "proceedings",
    }
)
_HTML_TAG = re.compile(r"<[^>]*>")
_EMPHASIS = re.compile(r"[*_~`]+")
_BRACKETED = re.compile(r"^\s*[\[(][^\])]*[\])]\s*")  # "[OSDI'22] " / "(2023) "
_CUT = re.compile(r"<br\s*/?>|\s[-–—|]\s|\s\(|\s\[", re.IGNORECASE)


def is_web(url: str) -> bool:
    return url.lower().startswith(("http://", "https://"))


def primary_link(entry: Entry) -> Link | None:
    """The entry's paper link: its first non-image web link on the first line, or None."""
    if entry.is_toc:
        return None
    for link in entry.links:
        if not link.image and is_web(link.url_value):
            return link
    return None


def _clean(text: str) -> str:
    text = _HTML_TAG.sub(" ", text)
    text = _EMPHASIS.sub("", text)
    text = re.sub(r"\\(.)", r"\1", text)
    return " ".join(text.split()).strip(" .,;:")


def entry_title(document: Document, entry: Entry) -> str | None:
    """The paper title an entry shows, as written (without Markdown emphasis), or None.

    The title is the primary link's text, plus the subtitle in the
    ``[Name](url): subtitle`` shape; when the link text is generic (``[Paper]``), the
    text before the link is the title, cut at ``<br>``, a dash, ``(`` or ``[``.
    """
    link = primary_link(entry)
    if link is None:
        return None
    label = _clean(document.span_text(link.text)).strip("[]() ")
    if label and label.lower() not in GENERIC_TEXTS:
        title = label
        if link is entry.link and entry.subtitle is not None:
            title += ": " + _clean(document.span_text(entry.subtitle))
        return title
    head = document.text[entry.content[0] : link.start]
    head = _BRACKETED.sub("", head, count=1)
    cut = _CUT.search(head)
    if cut is not None:
        head = head[: cut.start()]
    title = _clean(head)
    return title or None


def title_key(title: str) -> str:
    """The comparison form of a title: case, punctuation and whitespace folded."""
    text = unicodedata.normalize("NFKC", title).casefold()
    kept = [ch if ch.isalnum() else " " for ch in text]
    return " ".join("".join(kept).split())


_STOP = frozenset(
    {
        *("a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "is", "of"),
        *("on", "or", "the", "to", "via", "with", "towards", "toward", "using"),
    }
)


def title_words(title: str) -> frozenset[str]:
    """The significant words of a title (folded, stop words dropped)."""
    return frozenset(w for w in title_key(title).split() if w not in _STOP)


def same_paper_title(a: str, b: str) -> bool:
    """Whether two titles may name one paper: equal, one containing the other, or
    sharing most words (``Orca`` and ``Orca: A Distributed Serving System``)."""
    ka, kb = title_key(a), title_key(b)
    if not ka or not kb or ka == kb or ka in kb or kb in ka:
        return True
    wa, wb = title_words(a), title_words(b)
    if not wa or not wb:
        return True
    return len(wa & wb) / min(len(wa), len(wb)) >= 0.5
