from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.lazyre import lazy_compile
from awesome_lint.parser.document import Document
from awesome_lint.rules.base import Context, Rule
from awesome_lint.rules.common import text_entry_at

# An article and the word after it, after a blank or "[" (a literal first: one fast
# scan of a big file each): "a"/"an" before a word of lower-case letters (maybe
# capitalised) that starts with a, e, i, o or a lower-case consonant other than h
# (an acronym is read letter by letter, "an SVM"; "h" and "u" are no guide to the
# sound: "an hour", "a unified", "an umbrella").
_WORD = r"(A|a|An|an) ([AEIOaeiob-df-gj-np-tv-z][a-z]+)(?![\w'’])"
_AFTER_BLANK = lazy_compile(" " + _WORD)
_AFTER_BRACKET = lazy_compile(r"\[" + _WORD)
# Vowel-initial words that start with a consonant sound ("a one-shot", "a European").
_VOWEL = lazy_compile(r"[aeiouyAEIOUY]")
# No article comes before these: "A and" is an initial in a list of authors.
_CONJUNCTIONS = frozenset({"and", "or", "und", "et"})
_CONSONANT_SOUND = ("one", "once", "eu", "ewe")
# A noun that a capital letter labels (`part A of the loss function`, `type A or B`,
# `Plan A is`): the letter is a name, not the article.
_LABEL_NOUN = lazy_compile(
    r"(?i)\b(?:part|type|class|plan|group|option|step|section|appendix|figure|fig\.|table"
    r"|case|level|grade|phase|stage|version|category|track|subset|variant|scenario)[ \t]+\Z"
)


# Two letters that open English words (`fl`, `sn`, `str`...): a word that opens with
# another pair after f, l, m, n, r, s or x (`nginx`, `xrandr`, `ffmpeg`, `lsof`) is
# read letter by letter at its start, and those letters' names start with a vowel
# sound ("en-", "ex-", "eff-"): "an nginx" is right.
_ONSETS = frozenset(
    {"fl", "fr", "fj", "sc", "sh", "sk", "sl", "sm", "sn", "sp", "sq", "st", "sw", "sv"}
)


def _spelt_start(word: str) -> bool:
    """Whether the word opens with a letter whose name starts with a vowel sound, then a
    consonant that makes no English opening with it (`nginx`, `xrandr`, `ffmpeg`)."""
    low = word.lower()
    if len(low) < 2 or low[0] not in "flmnrsx" or low[1] in "aeiouy":
        return False
    return low[:2] not in _ONSETS


class IndefiniteArticle(Rule):
    """
    ## What it does

    Finds `a` before a word that starts with a vowel, `a actor-based
    architecture`, `Towards a Open and Compiler-centric Ecosystem`, and `an`
    before a word that starts with a consonant, `an self-hosted`, in an entry's
    text. Only clear cases are read: a word of lower-case letters (capitalised
    or not) after `a`, starting with `a`, `e`, `i` or `o` but not `one`,
    `once` or `eu` (`a European`); a lower-case word after `an`, starting with
    a consonant other than `h` (`an hour`). Words starting with `u` (`a
    unified`, `an umbrella`), acronyms (`an SVM`, and `an npm`, `an svg`: a word
    without a vowel is read letter by letter; so is the start of a word that opens
    with f, l, m, n, r, s or x and a consonant no English word opens with, `an
    nginx`, `an xrandr`, `an ffmpeg`: "en-", "ex-", "eff-") and words with digits are
    left alone: their sound is not in their first letter. Table rows are read; link
    targets and code spans are not. `A` before `and` or `or` is an author's
    initial (`Efros, Alexei A and Darrell, Trevor`), no article, and `A` after a
    noun such as part, type, plan or figure is a label (`part A of the loss
    function`).

    ## Why

    The slip reads badly on the rendered page, in a paper's title above all,
    where a search for the exact title then misses the entry.

    ## Example

    ```markdown
    - [OSDI'25] [KPerfIR: Towards a Open and Compiler-centric Ecosystem](https://example.org/k)
    ```

    becomes, with `--unsafe-fixes`, `Towards an Open and Compiler-centric ...`.

    ## Fix safety

    Unsafe: `a` becomes `an` (or the other way, in the article's own case). A
    title may keep its authors' wording; a reader decides. Table rows, and
    entries the parser cannot fully read, get no fix.

    ## Options

    None.
    """

    code = "AL121"
    name = "indefinite-article"
    summary = "'a' before a vowel or 'an' before a consonant ('a actor-based')"
    fix = "unsafe"

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        text = document.text
        found: list[tuple[int, int, int, str, str]] = []
        for pattern in (_AFTER_BLANK, _AFTER_BRACKET):
            for m in pattern.finditer(text):
                article, word = m.group(1), m.group(2)
                if word.lower() in _CONJUNCTIONS:
                    continue  # "Efros, Alexei A and Darrell": an initial, no article
                if len(article) == 1:  # "a": wrong before a vowel sound
                    if word[0] not in "AEIOaeio" or word.lower().startswith(_CONSONANT_SOUND):
                        continue
                    if article == "A" and _LABEL_NOUN.search(
                        text, max(0, m.start(1) - 12), m.start(1)
                    ):
                        continue  # "part A of the loss", "type A or B": a label, no article
                    right = article + "n"
                elif word[0] in "AEIOaeio":  # "an" before a vowel: right
                    continue
                elif not _VOWEL.search(word):
                    continue  # "an npm", "an svg": letters read one by one ("en-pee-em")
                elif _spelt_start(word):
                    continue  # "an nginx", "an xrandr", "an ffmpeg": "en-", "ex-", "eff-"
                else:
                    right = article[0]
                found.append((m.start(1), m.end(), m.end(1), right, word))
        for start, end, article_end, right, word in sorted(found):
            entry = text_entry_at(document, start, end)
            if entry is None:
                continue
            fix = self.replace(f"Write {right!r}", start, article_end, right, unsafe=True)
            yield self.report(
                f"{text[start:end]!r}: write {right + ' ' + word!r}",
                start,
                end,
                fix if entry.parsed else None,
            )
