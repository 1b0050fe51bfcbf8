from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import ClassVar

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.parser.document import Document, Entry
from awesome_lint.rules.base import Context, Option, Rule
from awesome_lint.rules.common import dominant, link_first

# Endings that are not a sentence period to add or remove.
_ABBREVIATIONS = ("etc.", "al.", "e.g.", "i.e.", "vs.", "inc.", "co.", "ltd.", "jr.", "st.")


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
        entries: list[tuple[Entry, str]] = []
        for entry in link_first(document):
            if entry.subtitle is None:
                continue
            ending = _ending(document.span_text(entry.subtitle))
            if ending is not None:
                entries.append((entry, ending))
        mode = context.options.get("period", "consistent")
        if mode == "consistent":
            want = dominant((ending for _, ending in entries), share=0.8, minimum=5)
            if want is None:
                return
        else:
            want = "period" if mode == "always" else "none"
        text = document.text
        for entry, ending in entries:
            if ending == want:
                continue
            assert entry.subtitle is not None
            start, end = entry.subtitle
            while end > start and text[end - 1] in " \t":
                end -= 1
            if want == "none":
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
