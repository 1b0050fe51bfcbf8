from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.diagnostics import Diagnostic, Edit, Fix
from awesome_lint.parser.document import Document
from awesome_lint.rules.base import Context, Rule

_BLANKS = " \t"


class LinkTextSpaces(Rule):
    """
    ## What it does

    Finds blanks at the start or end of a link's text, inside its brackets:
    `[ Paper](url)`, `[code ](url)`, and inside the bracketed labels paper
    lists write, `[[ 24 Jul 2020]](url)`. (The rule idea is markdownlint's
    MD039, "spaces inside link text".)

    A link with blanks at both ends (`[ Name ](url)`) is one finding.

    A link whose text is an image (`[ ![badge](svg) ](url)`) and a link whose
    text is only blanks (AL704's business) are left alone.

    ## Why

    The blank is underlined with the link and shifts the label out of line
    with its neighbours; `[[ 24 Jul 2020]]` among `[[24 Jul 2020]]` also
    defeats a search for the label.

    ## Example

    ```markdown
    - Learning to Adapt [[ 24 Jul 2020]](https://arxiv.org/abs/2007.12345)
    ```

    becomes

    ```markdown
    - Learning to Adapt [[24 Jul 2020]](https://arxiv.org/abs/2007.12345)
    ```

    ## Fix safety

    Safe: only the blanks inside the brackets are removed; the link's target
    and the rest of its text stay as written.

    ## Options

    None.
    """

    code = "AL117"
    name = "link-text-spaces"
    summary = "Blanks at the start or end of a link's text inside its brackets"
    fix = "safe"

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        text = document.text
        for link in document.links:
            if link.image or link.reference:
                continue
            start, end = link.text
            if start >= end:
                continue
            # "[[ 24 Jul 2020]](url)": the label inside the inner brackets
            if text[start] == "[" and text[end - 1] == "]" and end - start >= 2:
                start, end = start + 1, end - 1
            if start >= end or (text[start] not in _BLANKS and text[end - 1] not in _BLANKS):
                continue  # the usual case: no blank at either end
            label = text[start:end]
            inner = label.strip(_BLANKS)
            if not inner or "\n" in label or inner.startswith("![") or inner.endswith(")"):
                continue
            lead = len(label) - len(label.lstrip(_BLANKS))
            trail = len(label) - len(label.rstrip(_BLANKS))
            if lead and trail:  # "[ Name ](url)": one finding, both blanks go
                fix = Fix("Remove the blanks", (Edit(start, start + lead), Edit(end - trail, end)))
                yield self.report(
                    f"Link text {label!r} has blanks at its start and end", start, end, fix
                )
                continue
            a, b, where = (start, start + lead, "start") if lead else (end - trail, end, "end")
            fix = self.replace("Remove the blank", a, b, "")
            yield self.report(f"Link text {label!r} has a blank at its {where}", a, b, fix)
