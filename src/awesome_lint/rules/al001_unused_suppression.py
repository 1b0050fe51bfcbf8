from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.lazyre import lazy_compile
from awesome_lint.parser.directives import Directive
from awesome_lint.parser.document import Document
from awesome_lint.rules.base import Context, Rule


class UnusedSuppression(Rule):
    """
    ## What it does

    Finds suppression comments (`<!-- awesome-lint-disable … -->` and its
    `-line`, `-next-line` and `-file` forms) that suppressed nothing.

    ## Why

    A suppression outlives the problem it hid; left in place it would hide
    the next, real problem at that spot.

    ## Example

    ```markdown
    <!-- awesome-lint-disable-next-line AL102 -->
    - [Orca](https://example.org/orca): Serving
    ```

    Nothing on the next line breaks AL102, so the comment is reported.

    ## Fix safety

    Safe: the comment is removed (with its line, when it stands alone on it).
    No fix is offered where the removal would change how the rest parses (the
    next line would underline a setext heading, or continue a list item), nor
    for a comment alone on its line between two lines of text (it ends a block
    there: a table's rows would run on into the next line).

    ## Options

    None. A comment that names a rule which is not enabled in this run is
    never reported: it may be needed in another configuration.
    """

    code = "AL001"
    name = "unused-suppression"
    summary = "A suppression comment suppressed nothing"
    fix = "safe"

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        return iter(())  # computed by the API after suppressions are applied

    def report_unused(
        self,
        document: Document,
        unused: Sequence[Directive],
        enabled: set[str],
        resolve: Callable[[str], str | None],
    ) -> Iterator[Diagnostic]:
        source = document.source
        text = source.text
        for directive in unused:
            codes = [resolve(name) for name in directive.names]
            if any(code is None for code in codes):
                pairs = zip(directive.names, codes, strict=True)
                label = ", ".join(name for name, code in pairs if code is None)
                message = f"Suppression comment names unknown rule {label}"
            elif any(code not in enabled for code in codes):
                continue
            else:
                what = " ".join(directive.names) or "all rules"
                message = f"Unused suppression comment ({directive.kind} {what})"
            line = source.lines[directive.line]
            fixable = True
            if directive.own_line:
                start, end = line.start, line.next_start
                # between two lines of text the comment ends a block (a table, a
                # paragraph, a list item's lazy lines): without it the next line would
                # run on into it, unless that line starts a block of its own
                number = directive.line
                if 0 < number < len(source.lines) - 1:
                    before = source.line_text(number - 1).strip()
                    after = source.line_text(number + 1).strip()
                    fixable = not before or not after or _starts_block(after)
            else:
                start = directive.start
                while start > line.start and text[start - 1] in " \t":
                    start -= 1
                end = directive.end
            yield self.report(
                message,
                directive.start,
                directive.end,
                self.replace("Remove the suppression comment", start, end, "") if fixable else None,
            )


_LIST_ITEM = lazy_compile(r"(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")


def _starts_block(line: str) -> bool:
    """Whether ``line`` (stripped) starts a block that interrupts the one before it: a
    heading, an HTML line, a quote, a fence or a list item (not a line of `-` or `=`,
    which would underline the text before it)."""
    if set(line) <= set("-=* \t"):
        return False
    return line.startswith(("#", "<", ">", "```", "~~~")) or bool(_LIST_ITEM.match(line))
