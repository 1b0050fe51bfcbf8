from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import ClassVar

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.lazyre import lazy_compile
from awesome_lint.parser.document import Document, Entry, Span
from awesome_lint.rules.base import Context, Option, Rule
from awesome_lint.rules.common import dominant, link_first

# Endings that are not a sentence period to add or remove.
_ABBREVIATIONS = ("etc.", "al.", "e.g.", "i.e.", "vs.", "inc.", "co.", "ltd.", "jr.", "st.")


# Fewer venue slots than this in a file: a "|" in a description is part of it.
_SLOT_HABIT = 3
_SPACE = lazy_compile(r"\s")


def _prose(slot: str) -> bool:
    """Whether a venue slot's text is the end of a sentence, not a venue or an
    affiliation: three words or more and a final period."""
    said = slot.strip()
    return said.endswith(".") and len(said.split()) >= 3


def _ending(text: str) -> str | None:
    """'period', 'none', or None when the ending does not take part (other punctuation)."""
    stripped = text.rstrip()
    if not stripped:
        return None
    last = stripped[-1]
    if last == ".":
        lower = stripped.lower()
        if stripped.endswith("..") or lower.endswith(_ABBREVIATIONS):
            return None
        return "period"
    if last.isalnum():
        return "none"
    return None


class SubtitlePeriod(Rule):
    """
    ## What it does

    Checks whether subtitles (the text after `): ` or the awesome-list ` - `
    description) end with a period, against the file's own habit.

    A subtitle of one word (`- Edistys`, the source of a tutorial) is a name,
    not a sentence, and is not judged against the habit. Nor, in a file whose
    subtitles have no final period, is one of two sentences or more
    (`... demystifies relevance work. Using Elasticsearch, it teaches ...`):
    its last period is kept, like the one inside it. In a file with fewer
    than three venue slots, a `|` followed by three words or more and a period
    is part of the description (`Superforms and ZOD | Valibot Schema within
    minutes.`): it is read to the end of the line.

    ## Why

    Some lists end every description with a period (the awesome-list
    guidelines ask for it), paper lists usually do not. Mixing both looks
    careless; which one a list uses is its own choice.

    ## Example

    In a file whose subtitles have no final period,
    `- [Orca](https://example.org/orca): A Distributed Serving System.`
    loses its period.

    ## Fix safety

    Safe: one period is removed or added. Endings such as `etc.`, `et al.`,
    `e.g.`, `...` and other punctuation (`?`, `!`, `)`) are never touched.

    ## Options

    `period`: `"consistent"` (default: follow the form used by at least 80% of
    the file's subtitles; silent when there is no such majority), `"never"`,
    `"always"`.
    """

    code = "AL106"
    name = "subtitle-period"
    summary = "A subtitle's final period goes against the file's convention"
    fix = "safe"
    options: ClassVar[Mapping[str, Option]] = {
        "period": Option(
            "consistent", "consistent, never or always", choices=("consistent", "never", "always")
        )
    }

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        mode = context.options.get("period", "consistent")
        entries: list[tuple[Entry, str, Span]] = []
        first = link_first(document)
        # a file that hardly writes venue slots has a "|" in a description, not a slot:
        # "... Superforms and ZOD | Valibot Schema within minutes."
        slots = sum(1 for entry in first if entry.venue is not None)
        read_on = slots < _SLOT_HABIT
        for entry in first:
            if entry.subtitle is None:
                continue
            span = entry.subtitle
            if read_on and entry.venue is not None and _prose(document.span_text(entry.venue)):
                span = (span[0], entry.venue[1])
            said = document.span_text(span)
            if mode == "consistent" and not _SPACE.search(said.strip()):
                continue  # one word, "- Edistys": a source's name, not a sentence
            ending = _ending(said)
            if ending is not None:
                entries.append((entry, ending, span))
        if mode == "consistent":
            want = dominant((ending for _, ending, _ in entries), share=0.8, minimum=5)
            if want is None:
                return
        else:
            want = "period" if mode == "always" else "none"
        text = document.text
        for _, ending, (start, end) in entries:
            if ending == want:
                continue
            while end > start and text[end - 1] in " \t":
                end -= 1
            if want == "none":
                if mode == "consistent" and _two_sentences(text[start:end]):
                    # "... demystifies relevance work. Using Elasticsearch, it teaches ...":
                    # without its last period the description would end one sentence
                    # with a period and the next without
                    continue
                yield self.report(
                    "Subtitle ends with a period",
                    end - 1,
                    end,
                    self.replace("Remove the period", end - 1, end, ""),
                )
            else:
                yield self.report(
                    "Subtitle does not end with a period",
                    end - 1,
                    end,
                    self.replace("Add a period", end, end, "."),
                )


# A sentence's end inside a description: a period after a word (not an abbreviation such
# as `e.g.` or `vs.`), then a blank and a capital.
_SENTENCE_END = lazy_compile(r"\b([A-Za-z][a-z]+|\d+)\.[ \t]+[A-Z]")
_SHORT_FORMS = frozenset(
    {"etc", "al", "vs", "cf", "inc", "co", "ltd", "jr", "st", "mr", "dr", "no", "fig"}
)


def _two_sentences(said: str) -> bool:
    """Whether a description holds more than one sentence (a period inside it ends one:
    ``... relevance work. Using Elasticsearch, it teaches ...``)."""
    return any(m.group(1).lower() not in _SHORT_FORMS for m in _SENTENCE_END.finditer(said))
