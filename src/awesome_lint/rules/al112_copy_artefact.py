from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from urllib.parse import urlsplit

from awesome_lint.diagnostics import Diagnostic, Edit, Fix
from awesome_lint.lazyre import lazy_compile
from awesome_lint.parser.document import Document, Entry
from awesome_lint.rules.base import Context, Rule
from awesome_lint.rules.common import entry_at, entry_text_spans, text_entry_at

# What text copied out of a PDF, or decoded with the wrong charset, leaves behind:
# - a typographic ligature (U+FB00-U+FB06: "Eﬃcient"), which searches do not match;
# - "©R" glued to a word ("Trends©R"): a registered sign (®) set as a circled C
#   and a raised R in the PDF;
# - UTF-8 read as Windows-1252 ("â€™" for "’");
# - the replacement character (U+FFFD), where a character was lost.
_MOJIBAKE = {
    "â€™": "’",
    "â€˜": "‘",
    "â€œ": "“",
    "â€“": "–",
    "â€”": "—",
    "â€¦": "…",
}
_ARTEFACT = lazy_compile(
    "[\ufb00-\ufb06]|(?<=[^\\W\\d_])©R(?![^\\W\\d_])|" + "|".join(_MOJIBAKE) + "|\ufffd"
)
# A site's name after a page title ("Pond: CXL-Based Memory Pooling (huaicheng.github.io)"),
# as a browser's "copy link with title" writes it: a host name in parentheses ending the
# link text.
_SITE = lazy_compile(r" \((?:www\.)?(?P<host>[a-z0-9-]+(?:\.[a-z0-9-]+)+)\)$")
# A word in braces, BibTeX's guard of its capitals ("2019 {USENIX} Annual Technical
# Conference", "{TVM}: An Automated ... Compiler"), copied from a citation.
# (two letters or more, not after "^" or "_": "$O(n^{K})$" is mathematics)
# One letter in BibTeX's markup inside a word: a capital its braces guard (`{B}ayesian`),
# or an accent (`Li{\`o}`: grave, acute, circumflex, diaeresis, tilde).
# (Both brace patterns start with the brace and test the character before it after it:
# a pattern that starts with a character is searched for quickly, one that starts with
# a look behind is tried at every character of the file, 40 times the work.)
_BRACED_CAPITAL = lazy_compile(r"\{(?<![\w$\\{^_]\{)(?P<letter>[A-Z])\}(?=[a-z]{2})")
_BRACED_ACCENT = lazy_compile(r"\{\\(?P<accent>[`'^\"~])(?P<letter>[A-Za-z])\}")
_ACCENTS = {"`": "\u0300", "'": "\u0301", "^": "\u0302", '"': "\u0308", "~": "\u0303"}
_BRACED = lazy_compile(
    r"\{(?<![\w$\\{^_]\{)[A-Z][A-Za-z0-9-]+\}(?:\{[A-Z][A-Za-z0-9-]+\})*(?![\w}])"
)
# A "?" between two words of a heading, a blank each side.
_LOST = lazy_compile(r"(?<=\w) \? (?=\w)")
# A quotation closed the LaTeX way, with two apostrophes, after a straight double quote
# or two backticks: `"Sparsity May Cry''` (LaTeX source copied as is).
_LATEX_QUOTE = lazy_compile(r"(?P<open>``|\")(?P<inner>[^\"`'\n]{1,120}?)''(?![\w'])")
# The characters an artefact starts with: one quick scan finds the places to look at.
# A full-width parenthesis with Latin text on both sides (a letter, digit or blank
# before, a letter or digit after an opening one; a letter, digit or quote before a
# closing one and no CJK character after it).
# A CJK ideograph, kana or hangul (not the full-width forms of Latin marks).
_CJK = lazy_compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_WIDE_PAREN = lazy_compile(
    r"(?<=[A-Za-z0-9 ])（(?=[A-Za-z0-9])|(?<=[A-Za-z0-9'’.])）(?![\u3000-\u9fff\uff00-\uffef])"
)
_START_CHARS = "\ufb00\ufb01\ufb02\ufb03\ufb04\ufb05\ufb06\ufffd©â"
_START = lazy_compile(f"[{_START_CHARS}]")


def _replacement(found: str) -> str | None:
    if found in _MOJIBAKE:
        return _MOJIBAKE[found]
    if found == "©R":
        return "®"
    if found == "\ufffd":
        return None  # the lost character is unknown
    return unicodedata.normalize("NFKC", found)  # "ﬃ" -> "ffi"


def _text_entry(document: Document, start: int, end: int) -> Entry | None:
    """The entry whose first line holds start..end in its text (not in a link target
    or a code span), or None."""
    entry = entry_at(document, start)
    if entry is None or end > entry.content[1]:
        return None  # not in an entry's first line
    if not any(a <= start and end <= b for a, b in entry_text_spans(document.text, entry)):
        return None  # in a link target or a code span
    return entry


class CopyArtefact(Rule):
    """
    ## What it does

    Finds what copying text out of a PDF, or decoding it with the wrong
    character set, leaves in an entry's text: a typographic ligature
    (`Eﬃcient`, with the one character `ﬃ`), a registered sign set as `©R`
    after a word (`Foundations and Trends©R in Systems and Control`), UTF-8
    read as Windows-1252 (`â€™` for `’`), and the replacement character `�`.
    Table cells are read for these too (a title pasted from a PDF into a row).
    A quotation closed the LaTeX way, with two apostrophes, after a straight
    double quote or two backticks (`the "Sparsity May Cry'' Benchmark`) is
    LaTeX source copied as is; it is written with straight double quotes.
    A full-width parenthesis between Latin words (`Compression（ASPLOS'23)`),
    typed with a CJK keyboard, is written as an ASCII one; on a line with CJK
    text anywhere (`模型（BERT）`, `Bases（AAAI 2020 南京大学）`, `William Wang
    （University of California）` in a list of Chinese lectures) the marks are the
    line's own and are left alone.
    In a heading, a `?` with a blank each side between two words
    (`Leaderboard ? Traces`) is a character lost the same way (a heading asks
    no question mid-line).
    A title link whose text ends with its own site's name in parentheses
    (`[Pond: CXL-Based Memory Pooling (huaicheng.github.io)](https://huaicheng.github.io/p/pond.pdf)`)
    is a page title copied with the browser's site suffix: the name must be the
    link's host or end it (`ucsd.edu` for `cseweb.ucsd.edu`), and the link must
    open a page of the site, not its home page (`[Official Site
    (deno.land)](https://deno.land)` says where the link goes), in a list that
    does not name its sources so (`[Best Practices (yos.io, Yos Riady,
    2019)](url)`, twice or more: there `(ludu.co)` alone is the same habit).
    A capitalised word in braces (`2019 {USENIX} Annual Technical Conference`,
    `{TVM}: An Automated ... Compiler`) is BibTeX's guard of its capitals,
    copied from a citation; braces run together (`{USENIX}{ATC}`) are one
    finding. So is one capital in braces at a word's start (`{B}ayesian`) and
    a letter with BibTeX's accent (`Li{\\`o}`, `Jos{\\'e}`: grave, acute,
    circumflex, diaeresis, tilde), written as the letter (`Liò`).
    Link targets and code spans are not text.

    ## Why

    The entry renders oddly, and a search for `Efficient` or the journal's
    name does not find it.

    ## Example

    ```markdown
    - [Survey](https://example.org/s), Foundations and Trends©R in Systems and Control, 2019
    ```

    becomes `..., Foundations and Trends® in Systems and Control, 2019`.

    ## Fix safety

    Safe: the ligature is written as its letters (`ﬃ` → `ffi`), `©R` as `®`,
    and the misread sequence as the character it stood for; LaTeX quotes
    become straight double quotes. A site's name is removed, unsafe (a list may
    want it shown). BibTeX braces are removed, words run together by them a
    blank apart (`{USENIX}{ATC}` → `USENIX ATC`). The replacement
    character has no fix (what it replaced is unknown). Entries the parser
    cannot fully read get no fix.

    ## Options

    None.
    """

    code = "AL112"
    name = "copy-artefact"
    summary = "Left from copying: a PDF ligature, mojibake, BibTeX braces, a site name, ..."
    fix = "safe"

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        text = document.text
        yield from self._lost_in_headings(document)
        yield from self._site_names(document)
        if "{" in text:
            yield from self._bibtex_braces(document)
        if "''" in text:
            yield from self._latex_quotes(document)
        if text.isascii():
            return
        if "（" in text or "）" in text:
            yield from self._wide_parentheses(document)
        found = []
        if not any(c in text for c in _START_CHARS):
            return  # (a test of each character: cheaper than the pattern's scan)
        for start in _START.finditer(text):
            m = _ARTEFACT.match(text, start.start())
            if m is not None:
                found.append(m)
        if not found:
            return
        for m in found:
            # (a table's cells too: a title pasted from a PDF into a row)
            entry = text_entry_at(document, m.start(), m.end())
            if entry is None:
                continue
            new = _replacement(m.group())
            fix = None
            if new is not None and (entry.parsed or entry.kind == "row"):
                fix = self.replace(f"Write {new!r}", m.start(), m.end(), new)
            what = f"write {new!r}" if new is not None else "a character was lost"
            yield self.report(
                f"{m.group()!r} is left over from copying: {what}", m.start(), m.end(), fix
            )

    def _wide_parentheses(self, document: Document) -> Iterator[Diagnostic]:
        """A full-width parenthesis between Latin words (``Compression（ASPLOS'23)``),
        typed with a CJK keyboard; one next to CJK text is that text's own."""
        text = document.text
        for m in _WIDE_PAREN.finditer(text):
            entry = _text_entry(document, m.start(), m.end())
            if entry is None:
                continue
            line = document.source.line_at(m.start())
            if _CJK.search(text, line.start, line.end):
                continue  # a line written in Chinese (or with Chinese in it) keeps its marks
            # an opening one glued to the word before gets its blank: "Compression (ASPLOS"
            glued = m.group() == "（" and text[m.start() - 1].isalnum()
            new = {"（": "(", "）": ")"}[m.group()]
            new = " " + new if glued else new
            fix = self.replace(f"Write {new.strip()!r}", m.start(), m.end(), new)
            yield self.report(
                f"Full-width parenthesis {m.group()!r} in Latin text: write {new.strip()!r}",
                m.start(),
                m.end(),
                fix if entry.parsed else None,
            )

    def _site_names(self, document: Document) -> Iterator[Diagnostic]:
        """A title link whose text ends with its own site's name in parentheses
        (``[LITE Kernel RDMA Support (ucsd.edu)](https://cseweb.ucsd.edu/...)``)."""
        text = document.text
        cites_sites: bool | None = None
        for entry in document.entries():
            link = entry.link
            if link is None or link.image:
                continue
            start, end = link.text
            if end - start < 8 or text[end - 1 : end] != ")":
                continue
            m = _SITE.search(text, start, end)
            if m is None:
                continue
            host = m.group("host")
            parts = urlsplit(link.url_value.strip())
            site = parts.hostname or ""
            if site != host and not site.endswith("." + host):
                continue
            if parts.path in ("", "/") and not parts.query:
                continue  # "[Official Site (deno.land)](https://deno.land)": says where it goes
            if cites_sites is None:
                cites_sites = _cites_sites(document)
            if cites_sites:
                return  # "[Title (yos.io, Yos Riady, 2019)](url)": the list names its sources
            fix = None
            if entry.parsed:
                fix = self.replace(
                    f"Remove {m.group().strip()!r}", m.start(), m.end(), "", unsafe=True
                )
            yield self.report(
                f"Link text ends with its site's name {m.group().strip()!r}, "
                "left over from copying the page's title",
                m.start() + 1,
                m.end(),
                fix,
            )

    def _bibtex_braces(self, document: Document) -> Iterator[Diagnostic]:
        """A word in braces copied from a BibTeX citation (``{USENIX}``); braces run
        together (``{USENIX}{ATC}``) are one finding, their words a blank apart. One
        letter in BibTeX's markup (``{B}ayesian``, ``Li{\\`o}``) too."""
        text = document.text
        found: list[tuple[re.Match[str], str, str]] = []  # match, replacement, what it is
        for m in _BRACED.finditer(text):
            found.append(
                (m, " ".join(m.group()[1:-1].split("}{")), "braces left from a BibTeX citation")
            )
        for m in (*_BRACED_CAPITAL.finditer(text), *_BRACED_ACCENT.finditer(text)):
            letter, accent = m.group("letter"), m.groupdict().get("accent")
            new = unicodedata.normalize("NFC", letter + _ACCENTS[accent]) if accent else letter
            found.append((m, new, "BibTeX's markup of a letter left from a citation"))
        for m, new, what in sorted(found, key=lambda item: item[0].start()):
            entry = _text_entry(document, m.start(), m.end())
            if entry is None:
                continue
            fix = None
            if entry.parsed:
                fix = self.replace(f"Write {new!r}", m.start(), m.end(), new)
            yield self.report(f"{m.group()!r}: {what}; write {new!r}", m.start(), m.end(), fix)

    def _latex_quotes(self, document: Document) -> Iterator[Diagnostic]:
        """A quotation closed with two apostrophes (``"Sparsity May Cry''``)."""
        text = document.text
        for m in _LATEX_QUOTE.finditer(text):
            entry = _text_entry(document, m.start(), m.end())
            if entry is None:
                continue
            fix = None
            if entry.parsed:
                edits = [Edit(m.end() - 2, m.end(), '"')]
                if m.group("open") == "``":
                    edits.insert(0, Edit(m.start(), m.start("inner"), '"'))
                fix = Fix("Write straight double quotes", tuple(edits))
            inner = m.group("inner")
            yield self.report(
                f"{m.group()} closes a quotation the LaTeX way, with two apostrophes: "
                f'write "{inner}"',
                m.start(),
                m.end(),
                fix,
            )

    def _lost_in_headings(self, document: Document) -> Iterator[Diagnostic]:
        """A ``?`` with a blank each side between two words of a heading
        (``Leaderboard ? Traces``): a character the text's charset lacked (a dash,
        an ampersand) written as ``?``; a heading asks no question mid-line."""
        text = document.text
        for heading in document.headings:
            start, end = heading.text
            if text.find(" ? ", start, end) < 0:
                continue
            for m in _LOST.finditer(text, start, end):
                yield self.report(
                    "' ? ' between two words of a heading: a character was lost", m.start(), m.end()
                )


# A site's name and more in parentheses ending a link's text, "(yos.io, Yos Riady, 2019)":
# the source of the page, its author and year, as a list writes them on purpose.
_CITED_SITE = lazy_compile(r" \((?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+,[^()\n]*\)$")
CITED_SITES_MIN = 2


def _cites_sites(document: Document) -> bool:
    """Whether the list names its links' sources in their text, with more than the site
    (``[Best Practices (yos.io, Yos Riady, 2019)](url)``) at least twice: a site's name
    alone there (``(ludu.co)``) is the same habit, not a copied suffix."""
    text = document.text
    found = 0
    for entry in document.entries():
        link = entry.link
        if link is None or link.image or text[link.text[1] - 1 : link.text[1]] != ")":
            continue
        if _CITED_SITE.search(text, link.text[0], link.text[1]) is not None:
            found += 1
            if found >= CITED_SITES_MIN:
                return True
    return False
