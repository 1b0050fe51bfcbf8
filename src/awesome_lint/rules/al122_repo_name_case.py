from __future__ import annotations

import re
from collections.abc import Iterator

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.lazyre import lazy_compile
from awesome_lint.links.roles import AUX_WORDS, PAPER_LABELS, clean_label
from awesome_lint.parser.document import Document, Link
from awesome_lint.rules.base import Context, Rule
from awesome_lint.rules.common import distinct_links, entry_holding

# A GitHub repository's address: the repository's name, then nothing or a path.
_REPO = lazy_compile(
    r"(?i)https?://(?:www\.)?github\.com/[\w.-]+/([\w.-]+?)(?:\.git)?/?(?:[/?#]|$)"
)
# A label that is one name: letters, digits, ".", "-" and "_", maybe in brackets.
_NAME = lazy_compile(r"[\[ \t]*([\w.-]+)[\] \t]*")


def _styled(name: str) -> bool:
    """Whether a repository name has a capital after its first letter (`AReaL`,
    `vLLM`, `OLMo-Eval`): a spelling its authors chose, not a file name. (Asked of
    every link to a repository: an ASCII name, as GitHub's are, is told in C.)"""
    rest = name[1:]
    if rest.isascii():
        return rest != rest.lower()  # (only A-Z change)
    return any(char.isupper() for char in rest)


def _capitalises_parts(written: str, name: str) -> bool:
    """Whether ``written`` is ``name`` with only the first letters of its parts put in
    capitals (`Ion.RangeSlider` for `ion.rangeSlider`): the name set as a title, every
    capital of the repository's own kept."""
    for i, (a, b) in enumerate(zip(written, name, strict=True)):
        if a != b and not (a.isupper() and a.lower() == b and (i == 0 or name[i - 1] in ".-_")):
            return False
    return True


def _adds_capitals(written: str, name: str) -> bool:
    """Whether ``written`` only puts letters of ``name`` in capitals, keeping all of its
    own (`GPTQ-for-LLaMA` for `GPTQ-for-LLaMa`: a title following the model's name)."""
    return all(
        a == b or (a.isupper() and a.lower() == b) for a, b in zip(written, name, strict=True)
    )


class RepoNameCase(Rule):
    """
    ## What it does

    Finds a link label that names the GitHub repository it links, but in
    another case than the repository's own name, where that name is styled on
    purpose with a capital inside it: `[AReal](https://github.com/inclusionAI/AReaL)`,
    `[OLMO-eval](https://github.com/allenai/OLMo-Eval)`. Left alone: a
    repository named in lower case (lists often write `vllm` as `vLLM`, or
    `pytorch` as `PyTorch`), a label in lower case (`crewai`: a list that writes
    package names), and a label that only capitalises the first letter, or the
    first letters of the name's parts, keeping every capital of its own
    (`Ion.RangeSlider` for `ion.rangeSlider`: the name set as a title), and a
    label that names the kind of link (`[Code](https://github.com/aimagelab/CoDE)`).

    An entry's title before its link to the repository is read the same way
    (`3. **OpenCLap**. ... [[Link](https://github.com/thunlp/OpenCLaP)]`), where
    a title that only adds capitals (`GPTQ-for-LLaMA` for `GPTQ-for-LLaMa`, the
    model's own spelling) is left alone.

    ## Why

    A project's own styling is part of its name (`AReaL`, `UpSnap`); a label
    that misspells it looks careless and is missed by a search for the name.

    ## Example

    ```markdown
    - [AReal](https://github.com/inclusionAI/AReaL) - Reinforcement learning for LLM reasoning.
    ```

    becomes, with `--unsafe-fixes`, `- [AReaL](https://github.com/inclusionAI/AReaL) - ...`.

    ## Fix safety

    Unsafe: the label is rewritten in the repository's case; a list may style
    a name its own way. Reference links get no fix.

    ## Options

    None.
    """

    code = "AL122"
    name = "repo-name-case"
    summary = "A link label spells the GitHub repository it links in another case"
    fix = "unsafe"

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        text = document.text
        if "github.com/" not in text:
            return
        styled: list[Link] = []  # the links to a repository with a styled name
        for link in distinct_links(document):
            if link.image or "github.com/" not in link.url_value:
                continue
            repo = _REPO.match(link.url_value)
            if repo is None:
                continue
            name = repo.group(1)
            if _styled(name):
                styled.append(link)
            label = _NAME.fullmatch(text, link.text[0], link.text[1])
            if label is None:
                continue
            written = label.group(1)
            if (
                written == name
                or _generic(written)
                or written.lower() != name.lower()
                or not _styled(name)
                or written.islower()
                or written[1:] == name[1:]
                or _capitalises_parts(written, name)
            ):
                continue
            fix = None
            if not link.reference:
                fix = self.replace(
                    f"Write {name!r}", label.start(1), label.end(1), name, unsafe=True
                )
            yield self.report(
                f"Link label {written!r} spells the repository it links, {name!r}, in another case",
                label.start(1),
                label.end(1),
                fix,
            )
        if styled:
            yield from self._titles(document, styled)

    def _titles(self, document: Document, styled: list[Link]) -> Iterator[Diagnostic]:
        """An entry's title before its link to a repository, naming that repository in
        another case (`3. **OpenCLap**. ... [[Link](https://github.com/thunlp/OpenCLaP)]`)."""
        text = document.text
        done: set[int] = set()  # entries read (one finding an entry)
        for link in styled:
            entry = entry_holding(document, link.start, link.start)
            if entry is None or id(entry) in done or not any(x is link for x in entry.links):
                continue
            done.add(id(entry))
            repo = _REPO.match(link.url_value)
            assert repo is not None
            name = repo.group(1)
            head = text[entry.content[0] : link.start]
            m = re.search(rf"(?<![\w.-]){re.escape(name)}(?![\w-])", head, re.IGNORECASE)
            if m is None:
                continue
            written = m.group()
            start = entry.content[0] + m.start()
            if (
                written == name
                or written.islower()
                or written[1:] == name[1:]
                or _adds_capitals(written, name)
                or any(x.start <= start < x.end for x in entry.links)
            ):
                continue  # (in a link: a title link's label is read above)
            yield self.report(
                f"Title {written!r} spells the repository it links, {name!r}, in another case",
                start,
                start + len(written),
                self.replace(f"Write {name!r}", start, start + len(written), name, unsafe=True),
            )


def _generic(label: str) -> bool:
    """A label that names the kind of link, not the project: `[Code](…/CoDE)`."""
    word = clean_label(label)
    return word in AUX_WORDS or word in PAPER_LABELS
