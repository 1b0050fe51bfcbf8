from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping
from typing import ClassVar
from urllib.parse import urlsplit

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.lazyre import lazy_compile
from awesome_lint.links.normalize import (
    ARXIV_MIRRORS,
    ArxivForm,
    ArxivLink,
    arxiv_url,
    is_arxiv_mirror,
    parse_arxiv,
)
from awesome_lint.parser.document import Document, Link
from awesome_lint.rules.base import Context, Option, Rule
from awesome_lint.rules.common import entry_holding


class ArxivLinkStyle(Rule):
    """
    ## What it does

    By default, reports links to arXiv mirrors (`xxx.itp.ac.cn`, `xxx.lanl.gov`,
    `cn.arxiv.org` and the other country mirrors) and to arXiv's hosts for
    programs and trials (`export.arxiv.org`, the API's; `browse.arxiv.org`, a
    2023 beta of the abstract pages), and points them to
    `https://arxiv.org`, in the form most of the file's arXiv links use (`abs`,
    `pdf`, or `pdf` with `.pdf`; on a tie, the link's own), keeping the version.

    An abstract page's address with a PDF's ending, `arxiv.org/abs/2012.06780.pdf`
    (a mix of the paper's two addresses), is reported too and pointed to the
    abstract page, `arxiv.org/abs/2012.06780` (an `http://` one is left to
    insecure-link first).

    When the file's arXiv links open one page by habit (at least 20 of them and
    95% open the abstract page, or the PDF), a link that opens the other page is
    reported and pointed to the habit's page: `arxiv.org/pdf/2402.12419` among
    760 `arxiv.org/abs/` links becomes `arxiv.org/abs/2402.12419`. A link whose
    text says `pdf` (`[[pdf]](...)`, `[Paper (PDF)](...)`) and a line that links
    both pages of one paper are left alone.

    With `form = "abs"` or `"pdf"`, it also makes every arXiv paper link follow
    one form: `https://arxiv.org/abs/<id>` (or `https://arxiv.org/pdf/<id>`),
    with the version suffix `vN` kept or stripped. Links to `www.arxiv.org`,
    `export.arxiv.org` and mirrors, and `.pdf` endings, are then rewritten to
    the canonical form. `html` links are left alone.

    ## Why

    A mirror may be slow, unmaintained or gone, and often serves only plain
    http; arxiv.org is the paper's home. One link form per list reads
    consistently, and an unversioned link always opens the latest version of
    the paper.

    ## Example

    `[paper](http://xxx.itp.ac.cn/pdf/2303.16005.pdf)`, in a list whose arXiv
    links are mostly `https://arxiv.org/pdf/<id>.pdf`, becomes
    `[paper](https://arxiv.org/pdf/2303.16005.pdf)`.

    With `form = "abs"`, `[OPT](http://arxiv.org/pdf/2205.01068v2.pdf)` becomes
    `[OPT](https://arxiv.org/abs/2205.01068v2)` (or
    `[OPT](https://arxiv.org/abs/2205.01068)` with `versions = "strip"`).

    ## Fix safety

    Safe: the URL is replaced by another URL of the same paper (of the same
    version, unless `versions = "strip"` asks otherwise). Links with a query or
    a fragment, and reference-style links, are reported without a fix. An
    `http://` link to a mirror is reported here only, not by insecure-link
    (AL501).

    ## Options

    - `form` (`"consistent"` default: mirrors, and links against the file's
      habit as above; `"any"`: links keep their form, only mirrors are
      reported; `"abs"` or `"pdf"`: the page every link opens).
    - `versions` (`"keep"` default, or `"strip"`: drop `vN`; with `form = "any"`,
      only a mirror link's version is dropped).
    """

    code = "AL503"
    name = "arxiv-link-style"
    summary = "An arXiv link goes to a mirror, or does not follow the configured form"
    fix = "safe"
    rewrites_urls = True
    options: ClassVar[Mapping[str, Option]] = {
        "form": Option(
            "consistent",
            "The arXiv page links open (consistent: the file's habit, if it has one; "
            "any: only links to mirrors are reported)",
            choices=("consistent", "any", "abs", "pdf"),
        ),
        "versions": Option(
            "keep", "Keep or strip version suffixes like v2", choices=("keep", "strip")
        ),
    }

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        option = context.options.get("form", "consistent")
        text = document.text
        habit: ArxivForm | None = None
        # (one pass over the text: most lists link no mirror)
        mirrors = option in ("consistent", "any") and _MIRROR_HINT.search(text) is not None
        # the file's habit, where it links both pages
        both_pages = (
            option == "consistent" and "arxiv.org/abs/" in text and "arxiv.org/pdf/" in text
        )
        abs_pdfs = option in ("consistent", "any")  # (abstract pages with a PDF's ending)
        if option == "consistent":
            option = "any"
            if not mirrors and not both_pages:
                if _ABS_PDF.search(text) is not None:
                    yield from self._abstract_pdfs(document.links)
                return
        elif option == "any" and not mirrors:
            if _ABS_PDF.search(text) is not None:
                yield from self._abstract_pdfs(document.links)
            return
        strip = context.options.get("versions", "keep") == "strip"
        # without mirrors, only slips from the habit to report: links to arxiv.org itself
        papers = [
            (link, parse_arxiv(link.url_value))
            for link in document.links
            if mirrors or option != "any" or "arxiv.org/" in link.url_value
        ]
        if abs_pdfs and any(
            paper is not None and paper.form == "abs" and paper.pdf_suffix for _, paper in papers
        ):  # (the links read below hold every link to arxiv.org)
            yield from self._abstract_pdfs([link for link, _ in papers])
        forms: Counter[tuple[ArxivForm, bool]] = Counter(
            _form_of(paper) for _, paper in papers if paper is not None and paper.form != "html"
        )
        if both_pages:
            habit = _page_habit(forms)
        style = _file_form(forms) if option == "any" else None
        for link, paper in papers:
            if paper is None or paper.form == "html":
                continue
            url = link.url_value
            slip = (
                habit is not None
                and _form_of(paper)[0] != habit
                and "pdf" not in text[link.text[0] : link.text[1]].casefold()
                and not _both_pages(text, link.start, paper.id, habit)
                and entry_holding(document, link.start, link.start) is not None  # (no prose)
            )
            if option == "any" and url.startswith(_SITE) and not slip:
                continue  # arxiv.org itself (most links): neither a mirror nor a side host
            host = _host(url)
            side = option == "any" and host.lower() in _SIDE_HOSTS
            mirror = is_arxiv_mirror(host) or side
            version = None if strip else paper.version
            if option == "any":
                if not mirror and not slip:
                    continue
                form, suffix = style or _form_of(paper)
                if slip:
                    form, suffix = habit or form, suffix and habit == "pdf"
                target = arxiv_url(paper.id, form, version) + (".pdf" if suffix else "")
            else:
                target = arxiv_url(paper.id, "pdf" if option == "pdf" else "abs", version)
            if url == target:
                continue
            plain = "?" not in url and "#" not in url
            fix = None
            if plain and not link.reference:
                fix = self.replace(f"Use {target}", link.url[0], link.url[1], target)
            if side:
                message = f"arXiv link goes to {host}, not the site readers use: use {target}"
            elif mirror:
                message = f"arXiv link goes to a mirror ({host}): use {target}"
            elif slip:
                page = "abstract page" if habit == "abs" else "PDF"
                message = (
                    f"arXiv link opens the {'PDF' if habit == 'abs' else 'abstract page'}; "
                    f"the file's arXiv links open the {page}: use {target}"
                )
            else:
                message = f"arXiv link should be {target}"
            yield self.report(message, link.url[0], link.url[1], fix)

    def _abstract_pdfs(self, links: list[Link]) -> Iterator[Diagnostic]:
        """Among ``links``, an abstract page's address with a PDF's ending
        (`arxiv.org/abs/2012.06780.pdf`): a mix of the two addresses of the paper,
        pointed to the abstract page."""
        for link in links:
            url = link.url_value
            if not url.endswith(".pdf") or "/abs/" not in url:
                continue
            paper = parse_arxiv(url)
            if paper is None or paper.form != "abs" or not paper.pdf_suffix:
                continue
            target = arxiv_url(paper.id, "abs", paper.version)
            if url.startswith("http://") or not url.startswith(_SITE):
                continue  # (a mirror or plain http: reported below, or by insecure-link)
            fix = None
            if not link.reference:
                fix = self.replace(f"Use {target}", link.url[0], link.url[1], target)
            yield self.report(
                f"arXiv abstract address ends in '.pdf', which is a PDF's ending: use {target}",
                link.url[0],
                link.url[1],
                fix,
            )


# An abstract page's address with a PDF's ending, somewhere in the text.
_ABS_PDF = lazy_compile(r"/abs/[^\s)]*\.pdf\)")
# Links to the site itself, read without taking their host apart.
_SITE = ("https://arxiv.org/", "http://arxiv.org/")
# arXiv's hosts for programs and trials (the export API host; the 2023 "browse" beta
# of the abstract pages): links for readers go to arxiv.org.
_SIDE_HOSTS = frozenset({"export.arxiv.org", "browse.arxiv.org"})
# Where a link to a mirror may be: a host of ARXIV_MIRRORS after "//" (a superset).
_MIRROR_HINT = lazy_compile(
    r"//(?:www\.)?(?:"
    + "|".join(sorted(re.escape(h) for h in ARXIV_MIRRORS | _SIDE_HOSTS))
    + r")(?![\w.-])",
    re.IGNORECASE,
)


# The common case read without urlsplit: a lower-case host of letters, digits, dots and
# hyphens right after the scheme, ended by a path, query or fragment (or the URL's end).
_PLAIN_HOST = lazy_compile(r"https?://([a-z0-9.-]+)(?=[/?#]|\Z)")


def _host(url: str) -> str:
    plain = _PLAIN_HOST.match(url)
    if plain is not None:
        return plain.group(1)  # what urlsplit(url).hostname gives for it
    try:
        return urlsplit(url).hostname or ""
    except ValueError:
        return ""


def _file_form(forms: Counter[tuple[ArxivForm, bool]]) -> tuple[ArxivForm, bool] | None:
    """The form most of the file's arXiv links take: ``abs``, ``pdf``, or ``pdf`` with a
    ``.pdf`` ending; None on a tie (or without arXiv links)."""
    ranked = forms.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


# The file's arXiv links open one page (abstract or PDF) by habit when at least this
# many do and at least this share of them (HuangOwen's list: 760 `abs`, 14 `pdf`).
HABIT_MIN_LINKS = 20
HABIT_MIN_SHARE = 0.95


def _page_habit(forms: Counter[tuple[ArxivForm, bool]]) -> ArxivForm | None:
    """``abs`` or ``pdf`` when the file's arXiv links open that page by habit."""
    pages: Counter[ArxivForm] = Counter()
    for (page, _), count in forms.items():
        pages[page] += count
    if not pages:
        return None
    page, count = pages.most_common(1)[0]
    total = pages.total()
    if count < total and count >= HABIT_MIN_LINKS and count >= HABIT_MIN_SHARE * total:
        return page
    return None


def _both_pages(text: str, start: int, paper_id: str, habit: ArxivForm) -> bool:
    """Whether the line of a link also links the paper's other page, the habit's
    (``[[abs]](...) [[pdf]](...)``): both pages on purpose."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return f"arxiv.org/{habit}/{paper_id}" in line


def _form_of(paper: ArxivLink) -> tuple[ArxivForm, bool]:
    if paper.form == "pdf":
        return ("pdf", paper.pdf_suffix)
    return ("abs", False)
