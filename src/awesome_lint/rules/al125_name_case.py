from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.lazyre import lazy_compile
from awesome_lint.parser.document import Document
from awesome_lint.parser.inline import code_spans
from awesome_lint.rules.base import Context, Rule
from awesome_lint.rules.common import in_link_target

# A name in camel case (`GitHub`, `ByteDance`, `DeepMind`): capitalised parts of two
# letters or more, run together; a word, not a piece of an address, a file name or an
# identifier (`GitHub.com`, `pytorch-lightning`, `@DeepMind`).
_CAMEL = lazy_compile(r"(?<![\w./@#\\-])[A-Z][a-z]+(?:[A-Z][a-z]+)+(?![\w@/\\-]|\.\w)")
# Where one may start: a cheap scan first (half the time of the whole pattern's), the
# whole pattern then only where it may match.
_CAMEL_START = lazy_compile(r"[A-Z][a-z]+[A-Z][a-z]")
# The file writes the name so at least this often, and this many times as often as the
# other spelling, which it writes at most this often.
NAME_MIN = 5
RATIO = 5
SLIP_MAX = 2


class NameCase(Rule):
    """
    ## What it does

    Finds a name the file writes in camel case, written once or twice with
    only its first capital: `Bytedance` where the file writes `ByteDance` 5
    times, `Github` among `GitHub`, `Deepmind` among `DeepMind`. The file must
    write the camel-case form at least 5 times and 5 times as often as the
    other one, which it writes at most twice. Both are read as words of the
    text: never in a link's target, a code span or an HTML tag, and never as a
    piece of an address, a file name or an identifier (`GitHub.com`,
    `pytorch-lightning`). Lower-case spellings (`github`, `pytorch`) are left
    alone: they are often a package's or a command's name.

    The spelling is the file's own, so it works for the names of any field:
    companies and labs in the affiliation slot, frameworks in descriptions.
    `term-casing` (AL707, opt-in) checks a fixed list of well-known names
    instead, whatever the file writes.

    ## Why

    A list that writes a name one way a dozen times and another way once looks
    careless, and a search of the page for the name misses the odd one.

    ## Example

    ```markdown
    - [Jenga](https://arxiv.org/abs/2503.18292): Memory Management for LLM Serving | Bytedance
    ```

    in a list that writes `ByteDance` everywhere else becomes, with
    `--unsafe-fixes`, `... | ByteDance`.

    ## Fix safety

    Unsafe: the word is written as the file writes it. A paper's title may
    spell a name its own way; a reader decides.

    ## Options

    None.
    """

    code = "AL125"
    name = "name-case"
    summary = "A name written with one capital where the file writes it in camel case ('Github')"
    fix = "unsafe"

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        text = document.text
        match = _CAMEL.match
        names = Counter(
            m.group() for start in _CAMEL_START.finditer(text) if (m := match(text, start.start()))
        )
        common = {name.capitalize(): name for name, n in names.items() if n >= NAME_MIN}
        if not common:
            return
        slip = re.compile(_alternatives(list(common)) + r"(?![\w@/\\-]|\.\w)")
        before = _NOT_BEFORE.match
        hits = [
            m
            for m in slip.finditer(text)
            if not (m.start() and before(text, m.start() - 1))
            and not _in_markup(document, m.start())
        ]
        counts = Counter(m.group() for m in hits)
        for m in hits:
            written = m.group()
            name = common[written]
            if counts[written] > SLIP_MAX or names[name] < RATIO * counts[written]:
                continue
            fix = self.replace(f"Write {name!r}", m.start(), m.end(), name, unsafe=True)
            yield self.report(
                f"{written!r}: the file writes {name!r} {names[name]} times",
                m.start(),
                m.end(),
                fix,
            )


_NOT_BEFORE = lazy_compile(r"[\w./@#\\-]")


def _alternatives(words: list[str], depth: int = 2) -> str:
    """A pattern matching any of ``words``, grouped by their first letters: the regex
    engine then tries one branch at a letter, not every word (a tenth of the time)."""
    if depth == 0 or len(words) < 2:
        return "|".join(map(re.escape, sorted(words, key=lambda w: (-len(w), w))))
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[:1], []).append(word[1:])
    parts = []
    for head, tails in sorted(groups.items()):
        rest = [tail for tail in tails if tail]
        inner = _alternatives(rest, depth - 1) if rest else ""
        if inner and len(rest) < len(tails):
            inner += "|"  # a word ending here too
        parts.append(re.escape(head) + (f"(?:{inner})" if inner else ""))
    return "(?:" + "|".join(parts) + ")"


def _in_markup(document: Document, pos: int) -> bool:
    """Whether ``pos`` is in a link's target, a code span or an HTML tag (of its line:
    a name is looked up a few times, never the whole file's markup)."""
    if in_link_target(document, pos):
        return True
    text = document.text
    first = text.rfind("\n", 0, pos) + 1
    last = text.find("\n", pos)
    last = len(text) if last < 0 else last
    if any(a <= pos < b for a, b in code_spans(text, first, last)):
        return True
    return any(m.start() < pos < m.end() for m in _TAG.finditer(text, first, last))


_TAG = lazy_compile(r"<[A-Za-z/!][^<>\n]*>")
