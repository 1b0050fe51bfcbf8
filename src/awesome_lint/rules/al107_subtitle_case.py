from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.lazyre import lazy_compile
from awesome_lint.parser.document import Document, Entry
from awesome_lint.rules.base import Context, Rule
from awesome_lint.rules.common import dominant, link_first

_WORD = lazy_compile(r"[^\s]+")
# Function words: English whatever the file writes elsewhere.
_ENGLISH = frozenset(
    {
        *("a", "an", "the", "is", "are", "was", "be", "and", "or", "but", "for", "of", "to"),
        *("in", "on", "at", "by", "with", "from", "into", "also", "this", "that", "these"),
        *("it", "its", "our", "we", "you", "your", "how", "what", "why", "when", "not", "no"),
    }
)
# Entries that link one site and start in lower case at least this often (and twice as
# often as capitalised) keep their lower case: a group written by one hand.
HOST_HABIT = 3
_CAPITALISED = lazy_compile(r"\b[A-Z][a-z]*\b")
# Hosts of papers: there "[Name](url): rest of the title" is the paper's own title,
# written as its authors wrote it ("xDiT: an Inference Engine ...").
_PAPER_HOSTS = lazy_compile(
    r"(?i)^https?://(?:[\w-]+\.)*(?:arxiv\.org|doi\.org|acm\.org|openreview\.net|usenix\.org"
    r"|ieee\.org|aclanthology\.org|aclweb\.org|neurips\.cc|nips\.cc|thecvf\.com"
    r"|mlr\.press|mlsys\.org|vldb\.org|springer\.com|semanticscholar\.org)/"
)


def _start_case(word: str) -> str | None:
    """'upper' / 'lower' for a plain word, None for words that keep their case."""
    first = word[0]
    if not first.isalpha():
        return None
    if first.isupper():
        return "upper"
    core = word.rstrip(",.:;!?)")
    # vLLM, eBPF, iOS, gRPC, k8s, e.g.: mixed case, digits or dots keep their case
    if not core.isalpha() or any(ch.isupper() for ch in core) or not core.isascii():
        return None
    return "lower"


# A maker's name after "from" that opens a subtitle: "- from KhronosGroup."
_CREDIT = lazy_compile(r"[ \t]+[A-Z]")


# Verbs that open a description continuing the entry's name as its subject.
_PREDICATES = frozenset({"is", "are", "was", "were", "has", "have"})


class SubtitleCase(Rule):
    """
    ## What it does

    Finds subtitles that start with a lower-case word while most of the
    file's subtitles start with a capital letter.

    ## Why

    `[Orca](…): a distributed serving system` next to a hundred
    `[X](…): A Title Like This` looks like a typo, and usually is.

    ## Example

    `- [Orca](https://example.org/orca): a Distributed Serving System`
    becomes `- [Orca](https://example.org/orca): A Distributed Serving System`.

    Words whose case is deliberate are never changed: names with inner
    capitals or digits (`vLLM`, `eBPF`, `iOS`, `gRPC`, `k8s`), abbreviations
    with dots (`e.g.`), non-ASCII words, and words the file never writes
    capitalised (`sklearn compatible API`), and a name that starts the file's
    subtitles in lower case at least twice and at least as often as capitalised,
    and that two or more of its link targets write (`sbt plugin to ...` five
    times beside `Sbt plugin that ...`, with links to `sbt-assembly`,
    `sbt-revolver`: a name whose owners write it in lower case; `many images`
    twice is still reported), nor a word of the entry's own link text and
    target that the file capitalises nowhere else (`[Love Imgui](…/love-imgui) -
    imgui module for …`: the project's name as its owners write it; `flask
    integration for peewee` in a file that writes `Flask` is reported). Nor is a
    function word (`a`, `an`,
    `the`, `of`, ...) that opens the rest of a paper's own title: after a link to
    a paper (arXiv, a DOI, ACM, USENIX, OpenReview, a PDF, ...) the `: subtitle`
    is the title as its authors wrote it (`[xDiT](https://arxiv.org/abs/2411.01738):
    an Inference Engine ...`), while `: dynamic Scheduling ...` is still a slip.

    Subtitles after each kind of separator are judged on their own habit too:
    where those after `: ` start in lower case at least twice and at least as
    often as capitalised (`[Course](…): a series of lectures …`), they are left
    alone, even though the file's ` - ` subtitles are capitalised. So are the
    entries that link one site: where at least three of them start in lower case
    and twice as many as capitalised (`[Gzip](https://crystal-lang.org/api/Gzip.html)
    - readers and writers of gzip format (Crystal stdlib)`, a group written by
    one hand), their lower case is that group's habit. A subtitle that is an
    author's credit (`[Monitoring with Prometheus](url) - by James Turnbull.`), or
    a maker's (`- from KhronosGroup.`), is not a sentence: it is neither reported
    nor counted. A subtitle that is the predicate of the entry's name
    (`[OPNsense](url) - is an open source firewall`) is reported without a fix:
    `Is an ...` would fix nothing, the subject is what is missing.

    ## Fix safety

    Safe: one letter is upper-cased.

    ## Options

    None. The rule is silent unless at least 80% of the file's subtitles
    start with a capital.
    """

    code = "AL107"
    name = "subtitle-case"
    summary = "A subtitle starts in lower case while the file's start capitalised"
    fix = "safe"

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        text = document.text
        found: list[tuple[Entry, str, int]] = []
        for entry in link_first(document):
            if entry.subtitle is None:
                continue
            m = _WORD.match(text, entry.subtitle[0], entry.subtitle[1])
            if m is None:
                continue
            case = _start_case(m.group())
            if case == "lower" and (
                m.group() == "by"
                or (m.group() == "from" and _CREDIT.match(text, m.end(), entry.subtitle[1]))
            ):
                # "- by James Turnbull.", "- from KhronosGroup.": an author's or a
                # maker's credit, not a sentence
                continue
            if case is not None:
                found.append((entry, case, m.start()))
        if dominant((case for _, case, _ in found), share=0.8, minimum=5) != "upper":
            return
        # per separator (": " or " - "): a file may start the subtitles after one in
        # lower case on purpose ("[Course](u): a series of lectures ...")
        by_separator: Counter[tuple[str, str]] | None = None
        by_host: Counter[tuple[str, str]] | None = None
        capitalised: set[str] | None = None  # words the file writes capitalised somewhere
        starts: Counter[tuple[str, str]] | None = None  # (word folded, case) at subtitle starts
        targets: str | None = None  # the link targets, lower-cased
        for entry, case, pos in found:
            if case == "lower":
                if by_separator is None:
                    by_separator = Counter((_separator(text, item), how) for item, how, _ in found)
                kind = _separator(text, entry)
                if by_separator[kind, "lower"] >= 2 and (
                    by_separator[kind, "lower"] >= by_separator[kind, "upper"]
                ):
                    continue  # the file's habit after this separator
                if by_host is None:
                    # (a capitalised name, "HTTP client", "OAuth consumer", shows no habit)
                    by_host = Counter(
                        (_host(item), how)
                        for item, how, at in found
                        if how == "lower" or _core(text, at)[1:].islower()
                    )
                host = _host(entry)
                if by_host[host, "lower"] >= HOST_HABIT and (
                    by_host[host, "lower"] >= 2 * by_host[host, "upper"]
                ):
                    continue  # the habit of the entries on one site ("(Crystal stdlib)")
                core = _core(text, pos)
                if starts is None:
                    starts = Counter((_core(text, at).lower(), kind) for _, kind, at in found)
                lower = starts[core.lower(), "lower"]
                if lower >= 2 and lower >= starts[core.lower(), "upper"]:
                    if targets is None:
                        targets = " ".join(link.url_value.lower() for link in document.links)
                    named = re.findall(rf"(?<![a-z]){re.escape(core.lower())}(?![a-z])", targets)
                    if len(named) >= 2:
                        continue  # "sbt plugin ...": a name, in lower case as its links write it
                if _own_name(document, entry, core):
                    continue  # "[Love Imgui](…/love-imgui) - imgui module for …": its name
                if core in _ENGLISH:
                    if _paper_title(document, entry):
                        continue  # "xDiT: an Inference Engine": as the authors wrote it
                else:
                    if capitalised is None:
                        capitalised = set(_CAPITALISED.findall(text))
                    if core[:1].upper() + core[1:] not in capitalised:
                        continue  # "sklearn compatible API": a name the file never capitalises
                if core in _PREDICATES:
                    # "[OPNsense](u) - is an open source ...": the name is the subject and
                    # the description its predicate; "Is an ..." would fix nothing
                    yield self.report(
                        f"Subtitle starts with {core!r}: it goes on from the name instead of "
                        "describing the entry on its own ('A ...')",
                        pos,
                        pos + len(core),
                    )
                    continue
                yield self.report(
                    "Subtitle starts with a lower-case letter",
                    pos,
                    pos + 1,
                    self.replace("Capitalise the first letter", pos, pos + 1, text[pos].upper()),
                )


def _own_name(document: Document, entry: Entry, word: str) -> bool:
    """Whether ``word`` (in lower case) is a word of the entry's own link text and of
    its link target, and the file capitalises it nowhere else: the project's name,
    written as its owners write it."""
    link = entry.link
    if link is None or word in _ENGLISH:
        return False
    folded = word.lower()
    label = re.split(r"[\W_]+", document.span_text(link.text).lower())
    target = re.split(r"[\W_]+", link.url_value.lower())
    if folded not in label or folded not in target:
        return False
    # ... and a name the file does not capitalise elsewhere (`flask integration for
    # peewee` under `[flask-peewee]`, in a file that writes `Flask`, is a slip)
    text = document.text
    capital = word[:1].upper() + word[1:]
    start, end = entry.content
    return text.count(capital) == text.count(capital, start, end)


def _host(entry: Entry) -> str:
    """The host of the entry's link, without ``www.``."""
    url = entry.link.url_value.lower() if entry.link is not None else ""
    host = url.partition("//")[2].partition("/")[0]
    return host.removeprefix("www.")


def _separator(text: str, entry: Entry) -> str:
    """The kind of the entry's title separator: ":" or "-" (a dash)."""
    sep = entry.title_separator
    return ":" if sep is not None and ":" in text[sep[0] : sep[1]] else "-"


def _core(text: str, pos: int) -> str:
    word = _WORD.match(text, pos)
    assert word is not None
    return word.group().rstrip(",.:;!?)")


def _paper_title(document: Document, entry: Entry) -> bool:
    """The subtitle continues a paper's own title: ``[Name](paper url): rest``."""
    sep = entry.title_separator
    if sep is None or ":" not in document.text[sep[0] : sep[1]]:
        return False
    link = entry.link
    return link is not None and bool(
        _PAPER_HOSTS.match(link.url_value) or link.url_value.lower().endswith(".pdf")
    )
