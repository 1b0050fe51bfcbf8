from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.lazyre import lazy_compile
from awesome_lint.parser.document import Document, Link
from awesome_lint.parser.inline import code_spans
from awesome_lint.rules.base import Context, Option, OptionError, Rule

# Names whose spelling is settled by their owners, and whose other casings are slips
# (`Github`, `javascript`). Names that are also ordinary words or commands (git, docker,
# pandas, Postgres) are not here: their lower case is often right.
TERMS = (
    "GitHub", "GitLab", "Bitbucket", "JavaScript", "TypeScript", "CoffeeScript",
    "PyTorch", "TensorFlow", "NumPy", "SciPy", "macOS", "iOS", "iPadOS", "watchOS",
    "tvOS", "iPhone", "iPad", "Xcode", "YouTube", "LinkedIn", "WordPress", "PostgreSQL",
    "MySQL", "SQLite", "MongoDB", "MariaDB", "Elasticsearch", "OpenAI", "ChatGPT",
    "LangChain", "LlamaIndex", "Kubernetes", "npm", "Node.js", "Vue.js", "jQuery",
    "GraphQL", "WebAssembly", "WebSocket", "OAuth", "FastAPI", "PyPI", "LaTeX",
    "BibTeX", "JupyterLab", "PyCharm", "IntelliJ", "Linux", "Dropbox", "Wikipedia",
    "Python", "Keras", "Jupyter",
)  # fmt: skip
# Other spellings of a name, beyond letter case.
VARIANTS = {"huggingface": "Hugging Face", "stackoverflow": "Stack Overflow", "nodejs": "Node.js"}

HABIT_MINIMUM = 5  # a wrong spelling used this often ...
HABIT_SHARE = 0.8  # ... and for this share of a name's uses is the file's own

_URL = lazy_compile(r"<?https?://[^\s<>)\]]*|<[A-Za-z/!][^<>]*>")


def _check_terms(value: Any) -> list[str]:
    if not isinstance(value, list) or not all(
        isinstance(v, str) and _TERM.fullmatch(v) for v in value
    ):
        raise OptionError("must be a list of words (letters and digits, dots allowed: Node.js)")
    return value


# A word that may be a name: letters and digits, with dotted parts (`Node.js`), not part of
# a longer name, path, package or address (`pytorch-lightning`, `org/github`, `a@b`).
# A dotted word that is no name (`torch.nn`, `github.com`) is skipped whole.
_WORD = lazy_compile(r"(?<![\w./@#-])[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)*(?![\w@-])")
_TERM = lazy_compile(r"[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)*")


def _names_own_url(label: str, url: str) -> bool:
    """Whether ``label`` is a path segment of ``url`` (or starts one: ``elasticsearch-py``)."""
    for segment in re.split(r"[/?#=&]", url.lower()):
        if segment == label or segment.startswith((label + "-", label + ".", label + "_")):
            return True
    return False


class TermCasing(Rule):
    """
    ## What it does

    Finds well-known names written with the wrong letter case: `Github`,
    `javascript`, `Pytorch`, `MacOS`, `NPM`. Text in code spans, code blocks,
    HTML, URLs and link destinations is not checked, nor a name that is part
    of a longer one (`pytorch-lightning`, `torch.nn`, `org/github`), nor link
    text that is a segment of its own URL (`[pytorch](https://github.com/pytorch/pytorch)`
    names the repository as it is spelt).

    The built-in list holds names whose owners fix one spelling and whose other
    casings are slips. Names that are also ordinary words or commands (`git`,
    `docker`, `pandas`, `Postgres`) are left out: their lower case is often right.
    A few other spellings are known too: `HuggingFace` → `Hugging Face`,
    `StackOverflow` → `Stack Overflow`, `Nodejs` → `Node.js`.

    Opt-in: enable it by code or name (`extend-select = ["AL707"]`).

    ## Why

    A list is read as a reference; misspelt names look careless and defeat
    searching for the right spelling.

    ## Example

    ```markdown
    - [Octokit](https://example.org/octokit) - Github API client for javascript.
    ```

    becomes, with `--unsafe-fixes`,

    ```markdown
    - [Octokit](https://example.org/octokit) - GitHub API client for JavaScript.
    ```

    ## Fix safety

    Unsafe: the word may not mean the technology (a title quoted as written, a
    project that styles itself differently).

    ## Options

    `terms`: more names, spelt as they should be (e.g. `["vLLM", "DeepSpeed"]`).
    `allow`: spellings to accept although they differ from a name's (e.g.
    `["Github"]`, or `["npm"]` to silence one name entirely).
    `consistent` (default `true`): a spelling the file uses at least 5 times and
    for at least 80% of a name's uses is the file's own (one paper list writes
    `[Pytorch]` code links 233 times) and is not reported; `false` reports it.
    """

    code = "AL707"
    name = "term-casing"
    summary = "A well-known name is written with the wrong letter case"
    fix = "unsafe"
    default = False
    options: ClassVar[Mapping[str, Option]] = {
        "terms": Option([], "more names, spelt as they should be", validate=_check_terms),
        "allow": Option([], "spellings to accept", validate=_check_terms),
        "consistent": Option(True, "accept a spelling the file keeps for a name"),
    }

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        extra = tuple(context.options.get("terms") or ())
        allow = set(context.options.get("allow") or ())
        terms = TERMS + extra
        canonical = {**VARIANTS, **{t.lower(): t for t in terms}}
        for term in allow:
            if term.lower() in canonical and term == canonical[term.lower()]:
                del canonical[term.lower()]  # allowing a name's own spelling turns it off
        found = list(self._find(document, canonical, allow))
        consistent = bool(context.options.get("consistent", True))
        counts: Counter[str] = Counter()
        totals: Counter[str] = Counter()
        for _start, _end, written, wanted in found:
            totals[wanted] += 1
            counts[written] += 1
        for start, end, written, wanted in found:
            if written == wanted:
                continue
            if (
                consistent
                and counts[written] >= HABIT_MINIMUM
                and counts[written] >= (HABIT_SHARE * totals[wanted])
            ):
                continue  # the file's own spelling of the name
            yield self.report(
                f"{written!r} should be written {wanted!r}",
                start,
                end,
                self.replace(f"Write {wanted!r}", start, end, wanted, unsafe=True),
            )

    def _find(
        self,
        document: Document,
        canonical: dict[str, str],
        allow: set[str],
    ) -> Iterator[tuple[int, int, str, str]]:
        """Every use of a name (right or wrong) outside code, HTML, URLs and package names."""
        text = document.text
        source = document.source
        masked_lines = document.code_lines | document.html_lines
        links = sorted(document.links, key=lambda link: link.start)
        starts = [link.start for link in links]
        masks: dict[int, list[tuple[int, int]]] = {}
        for m in _WORD.finditer(text):
            written = m.group()
            wanted = canonical.get(written.lower())
            if wanted is None or written in allow:
                continue
            index = source.line_index(m.start())
            if index in masked_lines:
                continue
            masked = masks.get(index)
            if masked is None:
                masked = masks[index] = _masked(document, index, links, starts)
            if any(a <= m.start() < b for a, b in masked):
                continue
            yield m.start(), m.end(), written, wanted


def _masked(
    document: Document, index: int, links: list[Link], starts: list[int]
) -> list[tuple[int, int]]:
    """Spans of one line that are not prose: code, URLs, HTML tags, package-name link texts."""
    text = document.text
    line = document.source.lines[index]
    masked = code_spans(text, line.start, line.end)
    masked += [m.span() for m in _URL.finditer(text, line.start, line.end)]
    # links that start before the line may reach into it (a link over two lines)
    at = max(0, bisect_left(starts, line.start) - 1)
    while at < len(links) and links[at].start < line.end:
        link = links[at]
        at += 1
        if link.end <= line.start:
            continue
        masked.append(link.url)
        label = text[link.text[0] : link.text[1]].strip().lower()
        if label and _names_own_url(label, link.url_value):
            masked.append(link.text)  # a repository or package name: its own case
    return masked
