from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from awesome_lint.diagnostics import Diagnostic
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
    next line would underline a setext heading, or continue a list item).

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
            if directive.own_line:
                start, end = line.start, line.next_start
            else:
                start = directive.start
                while start > line.start and text[start - 1] in " \t":
                    start -= 1
                end = directive.end
            yield self.report(
                message,
                directive.start,
                directive.end,
                self.replace("Remove the suppression comment", start, end, ""),
            )
