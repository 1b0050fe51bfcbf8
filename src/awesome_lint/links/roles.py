"""What each link of an entry is for: the paper itself, or something beside it.

Paper lists put several links on one entry, and only some of them stand for the
paper. The role of a link is read from its label first (``[code]``, ``[Pytorch]``,
``[GitHub Link]``, ``[Resource repo]`` name a resource; ``[paper]``, ``[pdf]`` name
the paper; ``[CVPR2019]``, ``[12 Feb 2020]`` are a venue or a date used as the
paper link's label), then from its host where the label says little (a one-word
label on a GitHub link after the title is code):

- ``title``: the label is the paper's (or item's) own name: ``[Orca](url)``;
- ``paper``: a generic label for the paper: ``[paper](url)``, ``[pdf](url)``;
- ``venue``: a venue or date as the label of the paper link: ``[[CVPR2019]](url)``;
- ``aux``: code, project page, slides, video, blog, data, model, a pointer to
  another list (``[awesome GNN](url)``), a badge;
- ``other``: an image, an in-document anchor, a relative link.

The rules that compare papers (duplicates, shared links, titles) use only the
first ``title``/``paper``/``venue`` link; an auxiliary link never makes two papers one.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal
from urllib.parse import urlsplit

from awesome_lint.lazyre import lazy_compile
from awesome_lint.parser.inline import local_pdf

LinkRole = Literal["title", "paper", "venue", "aux", "other"]

#: Labels that name the paper itself (the link goes to the paper).
PAPER_LABELS: frozenset[str] = frozenset(
    {
        *("paper", "papers", "pdf", "link", "url", "arxiv", "abs", "abstract", "here"),
        *("link to paper", "paper link", "openreview", "acm", "ieee", "doi", "html"),
        *("preprint", "proceedings", "full paper", "full text", "article", "springer"),
        *("semantic scholar", "acl anthology", "pmlr", "official paper", "published paper"),
        # in a list of models the model's page is the item's own link
        *("model", "models", "weights", "checkpoint", "checkpoints", "huggingface", "hf"),
    }
)

#: Words that make a short label name a resource beside the paper.
AUX_WORDS: frozenset[str] = frozenset(
    {
        *("code", "codes", "github", "gitlab", "repo", "repository", "repositories"),
        *("pytorch", "tensorflow", "tf", "torch", "keras", "jax", "mxnet", "caffe", "paddle"),
        *("chainer", "implementation", "official", "unofficial", "reimplementation"),
        *("project", "page", "blog", "post"),
        *("slides", "slide", "video", "videos", "talk", "youtube", "bilibili", "demo"),
        *("dataset", "datasets", "data", "benchmark", "docs", "documentation"),
        *("poster", "bibtex", "supplementary", "supp", "colab", "notebook", "leaderboard"),
        *("resource", "resources", "tutorial", "media", "news", "twitter", "tweet", "zhihu"),
        *("reproduction", "matlab", "python", "toolbox", "library", "api", "app", "space"),
    }
)

#: Hosts whose links, under a short label after the title, are resources (code, video).
AUX_HOSTS: frozenset[str] = frozenset(
    {
        *("github.com", "gitlab.com", "bitbucket.org", "huggingface.co", "youtube.com"),
        *("youtu.be", "bilibili.com", "colab.research.google.com", "paperswithcode.com"),
        *("zhihu.com", "twitter.com", "x.com", "medium.com", "github.io"),
    }
)

_WORDS = lazy_compile(r"[^\W_]+")
_YEAR = lazy_compile(r"(?<!\d)(?:19[5-9]\d|20[0-4]\d)(?!\d)")
# A venue's name spelt out (never a paper's title), and its acronym closing it.
_VENUE_NAME = lazy_compile(
    r"\b(?:(?:Conference|Symposium|Workshop) on|Proceedings of the|Transactions on)\b"
)
_ACRONYM_END = lazy_compile(r"\([A-Z][A-Za-z&-]*[A-Z]\)\s*$")
_MONTH_DATE = lazy_compile(
    r"(?i)^(?:arxiv\s*(?:on\s+)?)?\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
    r"\.?\s+(?:19|20)\d\d$"
)
_MARKUP = lazy_compile(r"[*_`~]+|<[^>]*>|\\")


def clean_label(label: str) -> str:
    """A link label without Markdown emphasis, HTML tags, escapes, outer brackets and
    surrounding punctuation, in lower case with single spaces."""
    text = _MARKUP.sub("", label)
    text = " ".join(text.split()).strip(" []().,;:!?").casefold()
    return text


def _host(url: str) -> str:
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return host[4:] if host.startswith("www.") else host


def _aux_host(url: str) -> bool:
    host = _host(url)
    return host in AUX_HOSTS or host.endswith((".github.io", ".youtube.com"))


#: Words that may stand beside resource words in a label made only of them.
_FILLER = frozenset(
    {"and", "the", "link", "links", "our", "version", "source", "full", "main", "v1", "v2"}
)


@lru_cache(maxsize=4096)
def label_role(label: str, *, leading: bool = False) -> LinkRole | None:
    """The role a label alone gives a web link, or None when the label is a name
    (a title) that says nothing about the link's role.

    A leading label is the item's own name (``[Code Llama](url)``, ``[Python](url)``
    in a list of lists, ``[awesome X](url)``), never a resource.
    """
    text = clean_label(label)
    if not text or text in PAPER_LABELS:
        return "paper"
    if leading:
        # the item's own name, even [Python](…) or [Docs](…) in a list of tools
        return None if _WORDS.search(text) else "paper"
    words = _WORDS.findall(text)
    if not words:
        return "paper"
    if words[0] == "awesome":
        return "aux"  # a pointer to another list
    if len(words) <= 4 and any(word in AUX_WORDS for word in words):
        return "aux"
    if _MONTH_DATE.match(text):
        return "venue"
    if len(words) <= 4 and _YEAR.search(text) and len(text) <= 32:
        return "venue"  # CVPR2019, ICCV 2019 Oral, TPAMI2020, arXiv 2023
    if _VENUE_NAME.search(label) and (_YEAR.search(text) or _ACRONYM_END.search(label)):
        # "[2016 IEEE International Conference on Bioinformatics and Biomedicine
        # (BIBM)](doi)", "[Pacific Symposium on Biocomputing 2017](doi)" after the title
        # and authors: a venue's name spelt out, with its year or its acronym
        return "venue"
    return None


def link_role(label: str, url: str, *, leading: bool) -> LinkRole:
    """The role of a link with this label and URL.

    ``leading`` says the link opens the entry (nothing but markup or a bracketed
    prefix before it): there a name is the item's own title whatever the host, as
    in ``- [vLLM](https://github.com/vllm-project/vllm) - A serving engine``.
    """
    if not url[:8].lower().startswith(("http://", "https://")) and not local_pdf(url):
        return "other"  # (the scheme test reads 8 characters, not the whole URL)
    role = _role_by_label(label, leading)
    if role is None:  # a label of one or two words after the title: the host decides
        return "aux" if _aux_host(url) else "paper"  # [PyTroch](https://github.com/...)
    return role


@lru_cache(maxsize=4096)
def _role_by_label(label: str, leading: bool) -> LinkRole | None:
    """``link_role`` of a web link as its label alone decides it, or None for a label
    of one or two words after the title, whose role its host decides. (Read for every
    link of a file: cached, as entries repeat labels such as ``[paper]`` or ``[code]``.)"""
    if "![" in label and label.lstrip("[ ").startswith("!["):
        return "aux"  # a badge: an image that links somewhere
    if label[:1] == "<" and label[:4].lower() == "<img":
        return "aux"  # `[<img src="logo.svg">](https://ziglang.org)`: a logo, an image too
    role = label_role(label, leading=leading)
    if role is not None:
        return role
    if leading:
        return "title"
    words = len(_WORDS.findall(clean_label(label)))
    if words <= 2:
        return None
    if words <= 3:
        return "paper"  # "Title [[Must read]](url)": a short label after the title
    if words <= _BRACKETED_LABEL_WORDS and label[:1] == "[" and label[-1:] == "]":
        # "Workshop on Vision-Based Industrial Inspection [[CVPR Workshop paper list
        # 2023]](url)": a label in its own brackets after the title names the link
        return "paper"
    return "title"


_BRACKETED_LABEL_WORDS = 6  # words of a bracketed label after the title: a label


def is_date_label(label: str) -> bool:
    """Whether a label is a day, month and year (``12 Feb 2020``, ``arXiv 13 Sep 2019``):
    the paper link's date, with no venue to read in it."""
    return _MONTH_DATE.match(clean_label(label)) is not None
