from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.diagnostics import Applicability, Diagnostic, Edit, Fix
from awesome_lint.lazyre import lazy_compile
from awesome_lint.links.normalize import arxiv_id_problem
from awesome_lint.links.papers import link_roles
from awesome_lint.parser.document import Document, Link
from awesome_lint.rules.base import Context, Rule
from awesome_lint.rules.common import distinct_links, entry_at, file_habit, prose_entries
from awesome_lint.venues.typo import distance

# An arXiv abstract or PDF address: the host, "abs" or "pdf", and what follows.
_ARXIV = lazy_compile(
    r"(?i)^(?:https?://)?(?:www\.|export\.|browse\.)?arxiv\.org/(?:abs|pdf)/(?P<rest>[^?#]*)"
)
# The usual arXiv paper link, known good in one match: a YYMM.NNNN id of April 2007 to
# December 2014, or a YYMM.NNNNN id from January 2015, after abs/ or pdf/.
_GOOD_ID = (
    r"(?:(?:07(?:0[4-9]|1[0-2])|(?:0[89]|1[0-4])(?:0[1-9]|1[0-2]))\.\d{4}"
    r"|(?:1[5-9]|[2-9]\d)(?:0[1-9]|1[0-2])\.\d{5})(?:v\d+)?(?:\.pdf)?/?"
)
_GOOD_ARXIV = lazy_compile(
    r"(?:https?://)?(?:www\.)?arxiv\.org/(?:abs|pdf)/" + _GOOD_ID + r"(?:[?#]|$)"
)
# In the text: an arXiv paper address whose id is not a good one ending there (what
# may follow an address in Markdown: a query, a fragment, the link's ")", a blank...;
# `2210.01776.pdf%3C/p%3E` is no good one), or an id after another path word (see
# _ARXIV_KIND); one search, not a match per address: a long paper list has thousands.
_ODD_ARXIV_PATH = lazy_compile(
    r"arxiv\.org/(?:(?:abs|pdf)/(?!" + _GOOD_ID + r"""(?:[?#)\s>\]"'<|,;]|$))"""
    r"|(?!(?:abs|pdf)/)[\w-]{2,4}/\d{4}\.)"
)
# An arXiv paper id after a path word that is neither "abs" nor "pdf" nor another of
# arXiv's (`arxiv.org/1df/2509.07789`): a slip of "pdf" or "abs" when one letter differs.
_ARXIV_KIND = lazy_compile(
    r"arxiv\.org/(?!(?:abs|pdf|html|ps|src|format)/)(?P<kind>[\w-]{2,4})/"
    r"(?P<id>\d{4}\.\d{4,5}(?:v\d+)?(?:\.pdf)?)/?(?=[)\s>\]]|$)"
)
_ARXIV_KINDS = ("pdf", "abs")
# A CVF open-access paper whose address lost its ending: ".../papers/..._paper" (the
# PDF, "_paper.pdf") or ".../html/..._paper" (the paper's page, "_paper.html").
_CVF_CUT = lazy_compile(
    r"(?i)^https?://openaccess\.thecvf\.com/.*/(?P<kind>papers|html)/[^/?#]+_paper$"
)
# A venue's list of papers, not one paper: a CVF open-access day or menu page, an
# OpenReview venue group, a PMLR volume, an ACL Anthology event, a NeurIPS year.
_LISTING = lazy_compile(
    r"(?i)^https?://(?:www\.)?(?:"
    r"openaccess\.thecvf\.com/(?:[a-z]+\d{4}(?:[?#].*)?|menu(?:[?#].*)?)"
    r"|openreview\.net/group\?id=.*"
    r"|proceedings\.mlr\.press/v\d+/?"
    r"|aclanthology\.org/events/[^/?#]+/?"
    r"|papers\.nips\.cc/(?:paper|paper_files/paper)/\d{4}/?"
    r")$"
)
# Hosts of those lists (a quick test before the pattern).
_LISTING_HOSTS = (
    *("thecvf.com/", "openreview.net/group", "mlr.press/v"),
    *("aclanthology.org/events/", "nips.cc/paper"),
)
# A paper reached through a Sci-Hub mirror, whose domains move and die (sci-hub.tw is
# gone): what it wraps, a paper's address or a DOI.
_SCI_HUB = lazy_compile(
    r"(?i)^https?://(?:www\.)?sci-hub\.[a-z]{2,6}/+(?P<wrapped>https?://\S+|10\.\d{4,9}/\S+)$"
)
# Code hosts: a venue label that links one ([[ECCV2020]](github.com/...)) links no paper,
# in a file whose venue labels link papers this share of the time (and this often).
_CODE_HOSTS = ("github.com/", "gitlab.com/")
# A code label linking a paper's own address (archives, proceedings, publishers); the
# brackets, blanks and emphasis around the label are bounded (no backtracking on runs).
# (The lookahead for the labels' first letters lets most brackets fail at once.)
_CODE_TO_PAPER = lazy_compile(
    r"(?i)\[[\[\s*_]{0,4}(?=[cgijkmoprst])"
    r"(?:code|codes|pytorch|tensorflow|tf|torch|keras|jax|mxnet|caffe"
    r"|paddle|github|gitlab|repo|repository|implementation|official code|source code)"
    r"[\]\s*_]{0,4}\]\(\s*<?https?://"
    r"(?:www\.)?(?:arxiv\.org/(?:abs|pdf)/|openaccess\.thecvf\.com/[^\s)]*\.pdf|openreview\.net/"
    r"(?:forum|pdf)|aclanthology\.org/|proceedings\.(?:neurips\.cc|mlr\.press)/|papers\.nips\.cc/"
    r"|dl\.acm\.org/doi/|ieeexplore\.ieee\.org/(?:document|stamp)|link\.springer\.com/)"
)
# (a label with a year before a code host's address: what such a link looks like, a
# quick test before the entries are read)
_DATED_LABEL_TO_CODE = lazy_compile(r"\d\d[^\[\]]*\]\]?\(https?://(?:www\.)?git(?:hub|lab)\.com/")
_VENUE_PAPER_SHARE = 0.95
_VENUE_PAPER_MIN = 20


class BrokenPaperLink(Rule):
    """
    ## What it does

    Finds paper links whose address cannot name the paper, so that the link
    opens an error page:

    - an arXiv address whose id is malformed: `arxiv.org/abs/203.05527` (a
      digit lost), a month 13, a four-digit number after the dot for a paper
      of 2015 or later (`2103.1234`), or five before 2015;
    - an arXiv address with two slashes before the id, `arxiv.org/abs//2307.02628`;
    - an arXiv address whose path word is one letter off `pdf` or `abs`
      (`arxiv.org/1df/2509.07789`, `arxiv.org/asb/2301.00001`);
    - a CVF open-access paper address cut before its ending,
      `openaccess.thecvf.com/content/CVPR2021/papers/Name_Title_CVPR_2021_paper`
      (the papers are `..._paper.pdf`, their pages under `html/` `..._paper.html`);
    - a link labelled as the paper or its venue (`[[CVPR2021]](u)`, `[Paper](u)`)
      that opens a venue's list of papers: a CVF open-access day or menu page
      (`openaccess.thecvf.com/CVPR2021?day=all`), an OpenReview venue group, a PMLR
      volume, an ACL Anthology event, a NeurIPS proceedings year. A title linked
      to such a page is left alone (an entry about the proceedings);
    - a paper link through a Sci-Hub mirror (`sci-hub.tw/https://arxiv.org/abs/…`,
      `sci-hub.tw/10.1109/…`), whose domains move and die: the paper's own address
      (for a DOI, `https://doi.org/…`) is suggested;
    - a venue label with a year that links a code repository
      (`[[ECCV2020]](https://github.com/a/b)`) in a file whose venue labels link
      papers at least 19 times in 20 (and 20 times);
    - the other way round, a code label (`[[Pytorch]]`, `[Code]`, `[GitHub]`)
      that links a paper's own address: an arXiv abstract or PDF, a CVF PDF, an
      OpenReview forum, the ACL Anthology, PMLR, NeurIPS proceedings, the ACM DL,
      IEEE Xplore, Springer.

    Facts used: arXiv's identifier scheme (arxiv.org/help/arxiv_identifier:
    `YYMM.NNNN` from April 2007, `YYMM.NNNNN` from January 2015, and the old
    `archive/YYMMNNN` form before), and the CVF open-access site's file names.

    ## Why

    A broken paper link is the one thing a reader of a paper list cannot
    repair; it usually comes from a copy that lost a character.

    ## Example

    ```markdown
    - [GEAR: KV Cache Compression](https://arxiv.org/abs/203.05527)
    ```

    is reported: "arXiv link names no paper: '203.05527' is not an arXiv id".

    ## Fix safety

    Safe for the doubled slash (removed). Unsafe for a path word one letter off
    (`1df` becomes `pdf`: the likeliest page, not a certain one), for a cut CVF address
    (`.pdf` is added: the address of the paper's PDF on that site) and for a
    Sci-Hub link (replaced by the address it wraps). A malformed arXiv id, a
    list of papers and a code repository are reported only: the right address
    has to be looked up.

    ## Options

    None.
    """

    code = "AL504"
    name = "broken-paper-link"
    summary = "A paper link whose address cannot name the paper"
    fix = "safe"
    rewrites_urls = True

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        text = document.text
        if _DATED_LABEL_TO_CODE.search(text):
            yield from self._venue_to_code(document)
        for m in _CODE_TO_PAPER.finditer(text):
            yield from self._code_to_paper(document, m.start())
        listings = any(host in text for host in _LISTING_HOSTS)
        hubs = "sci-hub." in text
        # (one search of the text: a long paper list links thousands of good arXiv
        # addresses, each read again only when the text holds an odd one)
        odd_arxiv = _ODD_ARXIV_PATH.search(text) is not None
        if not listings and not hubs and not odd_arxiv:
            return  # (every arXiv address of the text is a good one: no link to read)
        for link in distinct_links(document):
            url = link.url_value
            if hubs and "sci-hub." in url and (hub := _SCI_HUB.match(url)) is not None:
                yield from self._sci_hub(document, link, hub["wrapped"])
            elif "arxiv.org/" in url:
                if odd_arxiv and _GOOD_ARXIV.match(url) is None:
                    yield from self._arxiv(document, link)
            elif listings and any(host in url for host in _LISTING_HOSTS) and _LISTING.match(url):
                yield from self._listing(document, link)
            elif "thecvf.com/" in url and (cut := _CVF_CUT.match(url)):
                ending = ".pdf" if cut["kind"].lower() == "papers" else ".html"
                fix = None
                if self._plain(document, link):
                    fix = Fix(
                        f"Add {ending!r}",
                        (Edit(link.url[1], link.url[1], ending),),
                        Applicability.UNSAFE,
                        rewrites_urls=True,
                    )
                what = "the paper" if ending == ".pdf" else "the paper's page"
                yield self.report(
                    f"CVF paper address is cut before its ending: {what} is "
                    f"'{url.rsplit('/', 1)[-1]}{ending}'",
                    link.url[0],
                    link.url[1],
                    fix,
                )

    def _venue_to_code(self, document: Document) -> Iterator[Diagnostic]:
        """Venue labels that link a code repository where the file's venue labels link
        papers."""
        venue_links = [
            link
            for entry in prose_entries(document)
            for link, role in link_roles(document, entry)
            if role == "venue"
        ]
        code = [link for link in venue_links if any(h in link.url_value for h in _CODE_HOSTS)]
        kept = len(venue_links) - len(code)
        if not code or not file_habit(
            kept, len(code), share=_VENUE_PAPER_SHARE, minimum=_VENUE_PAPER_MIN
        ):
            return
        for link in code:
            yield self.report(
                "Venue label links a code repository, not the paper (the file's venue "
                f"labels link papers, {kept} of {len(venue_links)})",
                link.url[0],
                link.url[1],
            )

    def _code_to_paper(self, document: Document, start: int) -> Iterator[Diagnostic]:
        """A resource link labelled as code (``[[Pytorch]]``, ``[Code]``) whose address
        is a paper's (an arXiv abstract, a CVF PDF): the code is missing."""
        entry = entry_at(document, start)
        if entry is None:
            return
        for link, role in link_roles(document, entry):
            if link.start == start and role == "aux":
                yield self.report(
                    f"{document.span_text(link.text).strip('[]')!r} link opens the paper, "
                    "not its code",
                    link.url[0],
                    link.url[1],
                )

    def _sci_hub(self, document: Document, link: Link, wrapped: str) -> Iterator[Diagnostic]:
        """A link through a Sci-Hub mirror: the paper's own address (a DOI as doi.org's)."""
        target = wrapped if wrapped.lower().startswith("http") else f"https://doi.org/{wrapped}"
        fix = None
        if self._plain(document, link):
            fix = Fix(
                f"Link {target!r}",
                (Edit(link.url[0], link.url[1], target),),
                Applicability.UNSAFE,
                rewrites_urls=True,
            )
        yield self.report(
            f"Paper link goes through a Sci-Hub mirror, whose addresses move and die: "
            f"link the paper itself, {target!r}",
            link.url[0],
            link.url[1],
            fix,
        )

    def _listing(self, document: Document, link: Link) -> Iterator[Diagnostic]:
        """A paper link (labelled as the paper or its venue) to a list of papers."""
        entry = entry_at(document, link.start)
        if entry is None:
            return
        role = next((role for each, role in link_roles(document, entry) if each is link), None)
        if role in ("paper", "venue"):
            yield self.report(
                "Paper link opens the venue's list of papers, not this paper",
                link.url[0],
                link.url[1],
            )

    def _arxiv_kind(self, document: Document, link: Link) -> Iterator[Diagnostic]:
        """An arXiv link whose path word is one letter off "pdf" or "abs"
        (`arxiv.org/1df/2509.07789`): the page does not exist."""
        m = _ARXIV_KIND.search(link.url_value)
        if m is None:
            return
        kind = m["kind"].lower()
        # one letter changed or two neighbours swapped: the same length
        near = [k for k in _ARXIV_KINDS if len(kind) == len(k) and distance(kind, k, 1) == 1]
        if len(near) != 1:
            return
        fix = None
        if self._plain(document, link):
            at = link.url[0] + m.start("kind")
            fix = Fix(
                f"Write '{near[0]}'",
                (Edit(at, at + len(m["kind"]), near[0]),),
                Applicability.UNSAFE,
                rewrites_urls=True,
            )
        yield self.report(
            f"arXiv link has '{m['kind']}' where '{near[0]}' goes: the page does not exist",
            link.url[0],
            link.url[1],
            fix,
        )

    def _arxiv(self, document: Document, link: Link) -> Iterator[Diagnostic]:
        url = link.url_value
        m = _ARXIV.match(url)
        if m is None:
            yield from self._arxiv_kind(document, link)
            return
        rest = m["rest"]
        if rest.startswith("/"):
            slashes = len(rest) - len(rest.lstrip("/"))
            fix = None
            if self._plain(document, link):
                at = link.url[0] + m.start("rest")
                fix = Fix(
                    "Remove the extra '/'",
                    (Edit(at, at + slashes, ""),),
                    Applicability.SAFE,
                    rewrites_urls=True,
                )
            yield self.report(
                "arXiv link has two slashes before its id", link.url[0], link.url[1], fix
            )
            rest = rest.lstrip("/")
        problem = arxiv_id_problem(rest)
        if problem is not None:
            shown = rest.removesuffix(".pdf").rstrip("/")
            yield self.report(
                f"arXiv link names no paper: {shown!r}: {problem}", link.url[0], link.url[1]
            )

    @staticmethod
    def _plain(document: Document, link: Link) -> bool:
        """Whether the link's address is written as its value (no escapes, no <>),
        inline: an edit at its offsets edits the value."""
        return not link.reference and document.text[link.url[0] : link.url[1]] == link.url_value
