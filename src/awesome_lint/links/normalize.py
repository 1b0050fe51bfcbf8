"""URL normalisation: one comparison key per paper link, plus the pieces the link rules need.

``normalize_url`` maps every spelling of one link to one key, and two different
papers never to the same key. The key is itself a URL (``https://...``) and a fixed
point: ``normalize_url(normalize_url(u)) == normalize_url(u)``.

Folded for every http(s) URL: the scheme (``http`` = ``https``), host case, a
leading ``www.``, a trailing dot of the host, default ports, percent-escape case
and escaped unreserved characters, a trailing slash, an empty query, tracking
parameters, and the fragment (except hash routes such as ``#/page`` or ``#!/x``,
which select content).

Folded per site, where the mapping is certain (URL patterns are public facts of
each site):

- arXiv: ``abs``/``pdf``/``html`` pages, ``.pdf``, versions ``vN``, the hosts
  ``www.``, ``export.``, ``browse.`` and the mirrors (``xxx.itp.ac.cn``,
  ``xxx.lanl.gov``, ``cn.arxiv.org``, ...: ``ARXIV_MIRRORS``); new ids (``2104.07857``) and old ones
  (``cs/0112017``, ``math.GT/0309136`` = ``math/0309136``). Key:
  ``https://arxiv.org/abs/<id>``.
- DOIs: ``doi.org``/``dx.doi.org`` and the ACM Digital Library's ``doi/``,
  ``doi/abs/``, ``doi/pdf/``, ``doi/epdf/``, ``doi/full/``, ``doi/fullHtml/``
  pages. DOIs are case-insensitive. Key: ``https://doi.org/<doi lower-cased>``.
- OpenReview: ``forum?id=X`` and ``pdf?id=X``. Key: ``https://openreview.net/forum?id=X``.
- IEEE Xplore: ``document/N``, ``abstract/document/N``, ``stamp/stamp.jsp?arnumber=N``.
- NeurIPS proceedings: a paper's ``hash/<H>-Abstract*.html`` page and its
  ``file/<H>-Paper*.pdf`` (hosts ``proceedings.neurips.cc``, ``papers.nips.cc``).
- USENIX: ``system/files/<conf><yy>-<slug>.pdf`` (also under
  ``system/files/conference/<conf><yy>/``) and ``conference/<conf><yy>/presentation/<slug>``
  for OSDI, NSDI, ATC and FAST, whose file names follow that pattern.
- GitHub: owner and repository names are case-insensitive; ``.git`` is dropped.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal
from urllib.parse import SplitResult, urlsplit

from awesome_lint.lazyre import lazy_compile
from awesome_lint.records import FrozenRecord

Span = tuple[int, int]
ArxivForm = Literal["abs", "pdf"]

# -- tracking parameters ---------------------------------------------------------------

#: Parameters that only identify a campaign, a click or a share, on any host.
TRACKING_PARAMS: frozenset[str] = frozenset(
    {
        "fbclid",
        "gclid",
        "gclsrc",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "twclid",
        "ttclid",
        "igshid",
        "mc_cid",
        "mc_eid",
        "_hsenc",
        "_hsmi",
        "mkt_tok",
        "_ga",
        "_gl",
        "oly_anon_id",
        "oly_enc_id",
        "vero_id",
        # a per-user campus-access token that Google Scholar adds to the publisher
        # links it gives (ACM, IEEE, ScienceDirect, IOP, Springer, ...)
        "casa_token",
        # Microsoft's campaign id (WebTrends), copied along with a link out of a
        # Microsoft blog post onto any host (`chapelle11a.pdf?WT.mc_id=Blog_...`)
        "wt.mc_id",
        # SAP's marketing cloud, in the links of Springer Nature's e-mails
        # (`link.springer.com/article/...?sap-outbound-id=...&mkt-key=...`)
        "sap-outbound-id",
        "mkt-key",
    }
)
#: Name prefixes of tracking parameters (``utm_source``, ``utm_medium``, ...).
TRACKING_PREFIXES: tuple[str, ...] = ("utm_",)
#: Parameters that are tracking or session data only on some sites (``si`` a share
#: id). Keyed by the host without ``www.``.
SITE_TRACKING_PARAMS: dict[str, frozenset[str]] = {
    "youtube.com": frozenset({"si", "feature"}),
    "youtu.be": frozenset({"si", "feature"}),
    "open.spotify.com": frozenset({"si"}),
    "twitter.com": frozenset({"ref_src", "s"}),
    "x.com": frozenset({"ref_src", "s"}),
    "linkedin.com": frozenset({"trk", "trackingid"}),
    "openreview.net": frozenset({"referrer"}),
    # Microsoft's campaign id (``?OCID=msr_blog_…_fb``); arXiv's listing context
    # (``?context=cs.LG``), which changes nothing about the paper shown
    "microsoft.com": frozenset({"ocid"}),
    "arxiv.org": frozenset({"context"}),
    # a reading session's token on Elsevier's reader (it expires: the link then fails)
    # and where it was made; the sign-in referrer Wiley's PDF viewer adds
    "reader.elsevier.com": frozenset({"token", "originregion", "origincreation"}),
    "onlinelibrary.wiley.com": frozenset({"saml_referrer"}),
}

# -- hosts known to serve https ----------------------------------------------------------

#: Domains that serve the same pages over https (a subdomain matches too, so
#: ``arxiv.org`` covers ``export.arxiv.org`` and ``github.io`` every GitHub Pages site).
HTTPS_HOSTS: frozenset[str] = frozenset(
    {
        # preprints, publishers, proceedings
        "arxiv.org",
        "openreview.net",
        "doi.org",
        "acm.org",
        "usenix.org",
        "ieeexplore.ieee.org",
        "computer.org",
        "aclanthology.org",
        "aclweb.org",
        "proceedings.mlr.press",
        "jmlr.org",
        "proceedings.neurips.cc",
        "papers.nips.cc",
        "papers.neurips.cc",
        "neurips.cc",
        "nips.cc",
        "icml.cc",
        "iclr.cc",
        "mlsys.org",
        "vldb.org",
        "sigops.org",
        "openaccess.thecvf.com",
        "ijcai.org",
        "aaai.org",
        "link.springer.com",
        "sciencedirect.com",
        "semanticscholar.org",
        "researchgate.net",
        "biorxiv.org",
        "techrxiv.org",
        "nature.com",
        "science.org",
        # code, models, media
        "github.com",
        "github.io",
        "githubusercontent.com",
        "gitlab.com",
        "huggingface.co",
        "pypi.org",
        "readthedocs.io",
        "youtube.com",
        "youtu.be",
        "medium.com",
        "wikipedia.org",
        "scholar.google.com",
        "docs.google.com",
        "drive.google.com",
        "sites.google.com",
        "twitter.com",
        "x.com",
        "pytorch.org",
        "tensorflow.org",
    }
)


def serves_https(host: str) -> bool:
    """True when ``host`` (any case, with or without ``www.``) is in :data:`HTTPS_HOSTS`."""
    host = _clean_host(host)
    parts = host.split(".")
    return any(".".join(parts[i:]) in HTTPS_HOSTS for i in range(len(parts) - 1))


# -- arXiv ---------------------------------------------------------------------------

#: Mirrors of arXiv (not run by arXiv itself, or retired): a link to one is a link to
#: the same paper on arxiv.org (AL503 points it there).
ARXIV_MIRRORS: frozenset[str] = frozenset(
    {
        *("xxx.itp.ac.cn", "xxx.lanl.gov", "xxx.arxiv.org", "lanl.arxiv.org"),
        *(f"{cc}.arxiv.org" for cc in ("au", "br", "cn", "de", "es", "fr", "il", "in", "it")),
        *(f"{cc}.arxiv.org" for cc in ("jp", "kr", "ru", "tw", "uk", "aps")),
    }
)
ARXIV_HOSTS: frozenset[str] = frozenset(
    {"arxiv.org", "export.arxiv.org", "browse.arxiv.org", *ARXIV_MIRRORS}
)
_NEW_ID = r"\d{4}\.\d{4,5}"
_OLD_ID = r"[a-z]+(?:-[a-z]+)?(?:\.[A-Za-z]{2})?/\d{7}"
_ARXIV_PAPER = (
    rf"/+(?P<form>abs|pdf|html)/+(?P<id>{_NEW_ID}|{_OLD_ID})"
    r"(?:v(?P<version>\d+))?(?P<ext>\.pdf)?/?"
)
_ARXIV_PATH = lazy_compile(rf"^{_ARXIV_PAPER}$")
# Most arXiv links are written plainly: ``https://arxiv.org/abs/2104.07857``. For one
# that is exactly that (lower-case scheme and host, no port, query, fragment, escape or
# space), splitting the URL gives this host and path, so this one match says what the
# whole reading would (the others take the whole reading).
_PLAIN_ARXIV = lazy_compile(rf"https?://(?:www\.|export\.|browse\.)?arxiv\.org{_ARXIV_PAPER}\Z")


def is_arxiv_mirror(host: str) -> bool:
    """True when ``host`` (any case, with or without ``www.``) is an arXiv mirror."""
    return _clean_host(host) in ARXIV_MIRRORS


class ArxivLink(FrozenRecord):
    """An arXiv paper link: the id (old ids without subject class), version, page form."""

    id: str
    version: int | None
    form: str  # "abs", "pdf" or "html"
    pdf_suffix: bool  # written with ".pdf"

    _fields = ("id", "version", "form", "pdf_suffix")
    __slots__ = _fields

    def __init__(self, id: str, version: int | None, form: str, pdf_suffix: bool) -> None:
        set_ = object.__setattr__
        set_(self, "id", id)
        set_(self, "version", version)
        set_(self, "form", form)
        set_(self, "pdf_suffix", pdf_suffix)


@lru_cache(maxsize=4096)
def parse_arxiv(url: str) -> ArxivLink | None:
    """The arXiv paper a URL points to, or None (also for listings and search pages)."""
    plain = _PLAIN_ARXIV.match(url)
    if plain is not None:
        return _arxiv_link(plain)
    low = url.lower()
    if "arxiv.org" not in low and "xxx." not in low and not any(c in url for c in "\t\r\n"):
        return None  # no arXiv host in it (urlsplit drops tabs and line breaks)
    parts = _split(url)
    if parts is None or parts.scheme.lower() not in ("http", "https"):
        return None
    if _clean_host(parts.hostname or "") not in ARXIV_HOSTS:
        return None
    match = _ARXIV_PATH.match(parts.path)
    return None if match is None else _arxiv_link(match)


def _arxiv_link(match: re.Match[str]) -> ArxivLink:
    """The paper of a match of ``_ARXIV_PAPER``."""
    version = int(match["version"]) if match["version"] else None
    return ArxivLink(_arxiv_paper(match), version, match["form"], bool(match["ext"]))


def _arxiv_paper(match: re.Match[str]) -> str:
    """The paper id of a match of ``_ARXIV_PAPER``: an old id without its subject class
    (``math.GT/0309136`` -> ``math/0309136``)."""
    paper = match["id"]
    if "/" in paper:
        archive, number = paper.split("/")
        paper = archive.split(".")[0] + "/" + number
    return paper


def arxiv_id(url: str) -> str | None:
    """The version-less arXiv id of a paper URL (``2104.07857``, ``cs/0112017``) or None."""
    link = parse_arxiv(url)
    return link.id if link else None


def arxiv_url(paper: str, form: ArxivForm = "abs", version: int | None = None) -> str:
    """The canonical URL of an arXiv paper: ``https://arxiv.org/abs/2104.07857v2``."""
    suffix = f"v{version}" if version is not None else ""
    return f"https://arxiv.org/{form}/{paper}{suffix}"


# What a valid paper id looks like: YYMM.NNNNN since 2015 (YYMM.NNNN before), with a
# version and ".pdf"; or an old archive id, math.AG/0601001.
_VALID_NEW_ID = lazy_compile(r"^(?P<yy>\d\d)(?P<mm>\d\d)\.(?P<n>\d{4,5})(?:v\d+)?(?:\.pdf)?/?$")
_VALID_OLD_ID = lazy_compile(
    r"^[a-z-]+(?:\.[a-z]{2})?/\d{7}(?:v\d+)?(?:\.pdf)?/?$",
)


def arxiv_id_problem(rest: str) -> str | None:
    """Why the part of an arXiv address after ``/abs/`` or ``/pdf/`` names no paper
    (None: it does, or it is no id at all, such as a listing)."""
    if _VALID_OLD_ID.match(rest):
        return None
    m = _VALID_NEW_ID.match(rest)
    if m is not None:
        yymm = int(m["yy"] + m["mm"])
        if not 1 <= int(m["mm"]) <= 12 or yymm < 704:
            return f"{m['yy']}{m['mm']} is no year and month of arXiv's"
        if (len(m["n"]) == 5) != (yymm >= 1501):
            digits = "five" if yymm >= 1501 else "four"
            return f"ids of {m['yy']}{m['mm']} have {digits} digits after the dot"
        return None
    if rest[:1].isdigit() and "." in rest:
        return "not an arXiv id (YYMM.NNNNN)"
    return None


# -- tracking parameter spans ----------------------------------------------------------


def _is_tracking(name: str, host: str) -> bool:
    key = name.lower()
    if key in TRACKING_PARAMS or key.startswith(TRACKING_PREFIXES):
        return True
    site = SITE_TRACKING_PARAMS.get(host)
    return site is not None and key in site


def _query_bounds(url: str) -> tuple[int, int] | None:
    """Offsets of the query (after ``?``, up to ``#`` or the end), or None."""
    hash_at = url.find("#")
    head_end = len(url) if hash_at < 0 else hash_at
    q = url.find("?", 0, head_end)
    if q < 0:
        return None
    return q + 1, head_end


def tracking_params(url: str) -> list[Span]:
    """Spans of ``url`` to delete to remove its tracking parameters, in order.

    Each span takes its ``&`` with it; when every parameter goes, the ``?`` goes too.
    Deleting the spans leaves the other parameters and everything else byte for byte.
    """
    bounds = _query_bounds(url)
    if bounds is None:
        return []  # no query (checked first: most URLs have none, and it is cheap)
    parts = _split(url)
    if parts is None or parts.scheme.lower() not in ("http", "https"):
        return []
    host = _clean_host(parts.hostname or "")
    q_start, q_end = bounds
    params: list[tuple[int, int, bool]] = []  # (start, end, tracking)
    pos = q_start
    while pos <= q_end:
        amp = url.find("&", pos, q_end)
        end = q_end if amp < 0 else amp
        name = url[pos:end].split("=", 1)[0]
        if "\\" in name:  # a Markdown escape in a link's text, `?\_ga=`: the name `_ga`
            name = name.replace("\\", "")
        if end > pos:
            params.append((pos, end, _is_tracking(name, host)))
        pos = end + 1
    if not any(tracking for _, _, tracking in params):
        return []
    if all(tracking for _, _, tracking in params):
        return [(q_start - 1, q_end)]
    spans: list[Span] = []
    i = 0
    while i < len(params):
        if not params[i][2]:
            i += 1
            continue
        j = i
        while j + 1 < len(params) and params[j + 1][2]:
            j += 1
        if j + 1 < len(params):  # a kept parameter follows: delete up to it
            spans.append((params[i][0], params[j + 1][0]))
        else:  # the run ends the query: delete from the "&" before it
            spans.append((params[i][0] - 1, q_end))
        i = j + 1
    return spans


def strip_tracking(url: str) -> str:
    """``url`` without its tracking parameters."""
    for start, end in reversed(tracking_params(url)):
        url = url[:start] + url[end:]
    return url


# -- the comparison key ----------------------------------------------------------------

# The site patterns below are used only for links to their sites, so they stay strings
# and ``re`` compiles (and caches) each on first use, not at import.
_DOI = r"10\.\d{4,9}/\S+"
_ACM_DOI = rf"^/doi/(?:(?:abs|pdf|epdf|full|fullHtml|book|proceedings)/)?({_DOI})$"
_DOI_PATH = rf"^/({_DOI})$"
_IEEE_DOC = r"^/(?:abstract/)?document/(\d+)(?:/.*)?$"
_NEURIPS = (
    r"^/(?:paper_files/)?paper/(\d{4})/(?:hash|file)/([0-9a-f]{32})-(?:Abstract|Paper)"
    r"(?:-[A-Za-z_]+)?\.(?:html|pdf)$"
)
_USENIX_CONFS = ("osdi", "nsdi", "atc", "fast")
_USENIX_PAGE = lazy_compile(
    r"^/conference/(?P<conf>[a-z]+\d{2})/presentation/(?P<slug>[a-z]+(?:-[a-z]+)*)$"
)
_USENIX_FILE = (
    r"^/system/files/(?:conference/(?P<dir>[a-z]+\d{2})/)?"
    r"(?P<conf>[a-z]+\d{2})-(?P<slug>[a-z]+(?:-[a-z]+)*)\.pdf$"
)
_ESCAPE = lazy_compile(r"%([0-9A-Fa-f]{2})")
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")


def _split(url: str) -> SplitResult | None:
    try:
        parts = urlsplit(url.strip())
        _ = parts.port  # raises ValueError for a bad port
    except ValueError:
        return None
    return parts


def _clean_host(host: str) -> str:
    host = host.lower().rstrip(".")
    # "www." is a subdomain only before a domain: "www.com" is a domain of its own
    return host[4:] if host.startswith("www.") and "." in host[4:] else host


def _unescape(match: re.Match[str]) -> str:
    char = chr(int(match[1], 16))
    return char if char in _UNRESERVED else "%" + match[1].upper()


def _query_params(query: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for part in query.split("&"):
        name, _, value = part.partition("=")
        out.setdefault(name, value)
    return out


def _site_key(host: str, path: str, query: str) -> str | None:
    """The key of a link whose paper is identified by the site's own id, or None."""
    if host in ARXIV_HOSTS:
        match = _ARXIV_PATH.match(path)
        if match is not None:
            return arxiv_url(_arxiv_paper(match))
    if host in ("doi.org", "dx.doi.org"):
        match = re.match(_DOI_PATH, path)
        if match is not None:
            return "https://doi.org/" + match[1].lower()
    if host == "dl.acm.org":
        match = re.match(_ACM_DOI, path)
        if match is not None:
            return "https://doi.org/" + match[1].lower()
    if host == "openreview.net" and path in ("/forum", "/pdf"):
        paper = _query_params(query).get("id")
        if paper:
            return "https://openreview.net/forum?id=" + paper
    if host == "ieeexplore.ieee.org":
        match = re.match(_IEEE_DOC, path)
        number = match[1] if match else None
        if path == "/stamp/stamp.jsp":
            number = _query_params(query).get("arnumber")
        if number and number.isdigit():
            return "https://ieeexplore.ieee.org/document/" + number
    if host in ("proceedings.neurips.cc", "papers.nips.cc", "papers.neurips.cc"):
        match = re.match(_NEURIPS, path)
        if match is not None:
            return f"https://proceedings.neurips.cc/paper/{match[1]}/hash/{match[2]}"
    if host == "usenix.org":
        page = _USENIX_PAGE.match(path)
        if page is not None and page["conf"].startswith(_USENIX_CONFS):
            conf = page["conf"]
            return f"https://usenix.org/conference/{conf}/presentation/{page['slug']}"
        pdf = re.match(_USENIX_FILE, path)
        if (
            pdf is not None
            and pdf["conf"][:-2] in _USENIX_CONFS
            and pdf["dir"] in (None, pdf["conf"])
        ):
            return f"https://usenix.org/conference/{pdf['conf']}/presentation/{pdf['slug']}"
    return None


@lru_cache(maxsize=16384)
def normalize_url(url: str) -> str:
    """The comparison key of ``url``: equal for spellings of one link, different otherwise.

    Non-http(s) URLs (``mailto:``, relative links, ``#anchors``) come back stripped,
    with only the scheme lower-cased.
    """
    plain = _PLAIN_ARXIV.match(url)
    if plain is not None:  # (what ``_site_key`` makes of it)
        return arxiv_url(_arxiv_paper(plain))
    url = url.strip()
    parts = _split(url)
    if parts is None:
        return url
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        if scheme and url[: len(scheme)] != scheme:
            return scheme + url[len(scheme) :]
        return url
    host = _clean_host(parts.hostname)
    port = parts.port
    netloc = f"[{host}]" if ":" in host else host
    if parts.username is not None:
        netloc = parts.netloc.rpartition("@")[0] + "@" + netloc
    if port is not None and port not in (80, 443):
        netloc += f":{port}"
    path = _ESCAPE.sub(_unescape, parts.path).rstrip("/")
    query = ""
    if parts.query:  # strip_tracking needs the host for site-specific parameters
        query = strip_tracking(f"https://{host}/?{parts.query}").partition("?")[2]
    site = _site_key(host, path, query)
    if site is not None:
        return site
    if host == "github.com":
        segments = path.split("/")
        if len(segments) >= 3:  # "", owner, repo, ...
            segments[1] = segments[1].lower()
            segments[2] = segments[2].lower()
            if len(segments) == 3 and segments[2].endswith(".git"):
                segments[2] = segments[2][:-4]
            path = "/".join(segments)
    key = f"https://{netloc}{path}"
    if query:
        key += "?" + query
    fragment = parts.fragment
    if fragment.startswith(("/", "!")) or _ITEM_FRAGMENT.fullmatch(fragment):
        key += "#" + fragment
    return key


# A fragment that names one item of a page of many (`schedule.html#react-native`, a
# talk; `simple-samples#hash`, a sample; `packages/#cat:Compression`, a category, after
# a `word:` anything but `=`; a heading's slug with `--` for ` / `, `survey--sok`): two
# such links are two items. Not one that names a part of any page (`#readme`,
# `#abstract`, `#page=3`), nor a short one.
_ITEM_FRAGMENT = lazy_compile(
    r"(?!(?:readme|top|abstract|abs|intro|introduction|overview|summary|content|contents|"
    r"main|install|installation|usage|features|documentation|docs|download|downloads|"
    r"paper|pdf|code|citation|cite|bibtex|results|demo)$)"
    r"(?:[a-z][a-z0-9]*(?:[-_]+[a-z0-9]+)*|[a-z]+:[^=&\s]+)",
    re.IGNORECASE,
)
