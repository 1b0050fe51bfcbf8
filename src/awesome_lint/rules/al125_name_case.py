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
# The end of a name: no word character, piece of an address or file name after it.
_WORD_END = r"(?![\w@/\\-]|\.\w)"
_CAMEL = lazy_compile(r"(?<![\w./@#\\-])[A-Z][a-z]+(?:[A-Z][a-z]+)+" + _WORD_END)
_END = lazy_compile(_WORD_END)
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
    other one, which it writes at most twice, and more often than with a
    lower-case first letter (`Arxiv` is left alone in a file that writes `ArXiv`
    5 times but `arXiv` 141 times). Both are read as words of the
    text: never in a code block, a link's target, a code span or an HTML tag, and never as a
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
        # the text one byte a character (any other than ASCII a "?"), so that its words
        # are found by the bytes' fast methods, at the text's own offsets
        ascii_text = text.encode("ascii", "replace")
        names = _camel_names(text, ascii_text.translate(_CASES))
        common = {name.capitalize(): name for name, n in names.items() if n >= NAME_MIN}
        if not common:
            return
        hits = [
            hit
            for hit in _slips(text, ascii_text.translate(_LETTERS), common)
            if not _in_markup(document, hit[0])
        ]
        counts = Counter(written for _, _, written in hits)
        for start, end, written in hits:
            name = common[written]
            if counts[written] > SLIP_MAX or names[name] < RATIO * counts[written]:
                continue
            if text.count(name[0].lower() + name[1:]) > names[name]:
                continue  # `Arxiv` where the file writes `arXiv` 141 times, `ArXiv` 5
            fix = self.replace(f"Write {name!r}", start, end, name, unsafe=True)
            yield self.report(
                f"{written!r}: the file writes {name!r} {names[name]} times", start, end, fix
            )


# The text's characters by kind, one byte each: a lower-case ASCII letter "a", a
# capital "A", any other character a blank; and ASCII letters as they are, any other
# character a blank.
_CASES = bytes(97 if 97 <= c <= 122 else 65 if 65 <= c <= 90 else 32 for c in range(256))
_LETTERS = bytes(c if 97 <= c <= 122 or 65 <= c <= 90 else 32 for c in range(256))


def _camel_names(text: str, cases: bytes) -> Counter[str]:
    """The names in camel case of the text and how often each is written, in the order
    they first appear: ``_CAMEL``'s matches.

    Such a name is a whole run of ASCII letters (no word character before it), with a
    lower-case letter then a capital in it: ``_CAMEL`` is tried only at the start of
    such a run, not at every capital of the text.
    """
    names: Counter[str] = Counter()
    match = _CAMEL.match
    find = cases.find
    blank = cases.rfind
    last = -1
    inner = find(b"aA")
    while inner >= 0:
        start = blank(b" ", 0, inner) + 1
        if start != last:  # the first lower-case-capital pair of its run
            last = start
            m = match(text, start)
            if m is not None:
                names[m.group()] += 1
        inner = find(b"aA", inner + 2)
    return names


# Beyond this many of the slips looked for written somewhere as a word, one pattern of
# them all finds them (a search of the text for each costs more).
_MAX_SEARCHED = 24


def _slips(text: str, letters: bytes, common: dict[str, str]) -> list[tuple[int, int, str]]:
    """Where the text writes one of ``common``'s words (a name with one capital) as a
    word: start, end and the word, in the text's order.

    A word is a whole run of ASCII letters, so only those of ``common`` written as a
    run of ``letters`` somewhere are looked for.
    """
    written = {word.encode("ascii"): word for word in common}
    found = sorted(written[run] for run in written.keys() & letters.split())
    if not found:
        return []
    before = _NOT_BEFORE.match
    if len(found) > _MAX_SEARCHED:
        slip = re.compile(_alternatives(found) + _WORD_END)
        return [
            (m.start(), m.end(), m.group())
            for m in slip.finditer(text)
            if not (m.start() and before(text, m.start() - 1))
        ]
    end = _END.match
    hits = []
    for word in found:
        size = len(word)
        start = text.find(word)
        while start >= 0:
            if not (start and before(text, start - 1)) and end(text, start + size):
                hits.append((start, start + size, word))
            start = text.find(word, start + size)
    hits.sort()
    return hits


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
    """Whether ``pos`` is in a code block, a link's target, a code span or an HTML tag
    (of its line: a name is looked up a few times, never the whole file's markup)."""
    if document.code_lines and document.source.line_index(pos) in document.code_lines:
        return True  # a BibTeX entry in a fence, say: copied text, not the list's
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
