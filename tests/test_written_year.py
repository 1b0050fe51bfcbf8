"""``written_year``: the year an entry writes out of its venue tokens (AL301 reads it for
every entry of a list it may order by year). Two searches for "19" and "20" tell most
entries of a list of tools apart before any of the five readings; the answer must be the
readings' own."""

from __future__ import annotations

from pathlib import Path

import pytest

from awesome_lint.domain.years import (
    entry_label_year,
    entry_row_year,
    entry_stated_year,
    entry_tag_year,
    entry_title_year,
    written_year,
)
from awesome_lint.parser.build import parse_document
from awesome_lint.parser.document import Document, Entry
from awesome_lint.source import SourceText

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def _read_all(document: Document, entry: Entry) -> int | None:
    """The five readings, in their order, without the shortcut."""
    year = (
        entry_stated_year(document, entry)
        or entry_label_year(document, entry)
        or entry_tag_year(document, entry)
        or entry_title_year(document, entry)
        or (entry_row_year(document, entry) if entry.kind == "row" else None)
    )
    return None if year is None else year.year


def _years(text: str) -> list[int | None]:
    document = parse_document(SourceText(text))
    out = []
    for entry in document.entries():
        found = written_year(document, entry)
        out.append(None if found is None else found.year)
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a list of tools: no "19" or "20" anywhere
        ("- [Caddy](https://caddyserver.com) - A web server. `Apache-2.0` `Go`\n", [None]),
        # "20" in a URL but no year: read, and none found
        ("- [Tool](https://example.com/v20) - Version 2.0.\n", [None]),
        ("- Things, Asian Conference on Machine Learning 2021. [pdf](https://x.org/a)\n", [2021]),
        ("- [Title](https://x.org/a), WACVW 2019 [[code]](https://g.com/b)\n", [2019]),
        ("- Title [[Neurocomputing 2021]](https://x.org/a)\n", [2021]),
        ("- [2022 Nature Communications] **ProtGPT2**\n", [2022]),
        ("- [Deepseek-V3 (2025)](https://x.org/a) - A model\n", [2025]),
        ("- **Neural Speech Synthesis**(2019), N. Li et al. [[pdf]](https://x.org/a)\n", [2019]),
        # the year on the third line of a wrapped entry, before its link
        (
            "- **Video Diffusion Models** <br>\n"
            "  *Jonathan Ho, Tim Salimans* <br>\n"
            "  NeurIPS 2022. [[Paper](https://arxiv.org/abs/2204.03458)]\n",
            [2022],
        ),
        ("| Year | Title |\n|---|---|\n| 2017 | [T](https://x.org/a) |\n", [2017]),
    ],
)
def test_written_year(text: str, expected: list[int | None]) -> None:
    assert _years(text) == expected
    document = parse_document(SourceText(text))
    assert [_read_all(document, e) for e in document.entries()] == expected


def test_written_year_is_the_readings_answer_on_every_corpus_entry() -> None:
    files = sorted(CORPUS.glob("**/*.md"))
    if not files:
        pytest.skip("../shared/corpus is not beside the project")
    entries = with_year = 0
    for path in files:
        document = parse_document(SourceText(path.read_text(encoding="utf-8")))
        for entry in document.entries():
            expected = _read_all(document, entry)
            found = written_year(document, entry)
            assert (None if found is None else found.year) == expected, (path.name, entry.line)
            entries += 1
            with_year += expected is not None
    assert entries > 10_000
    assert with_year > 1_000
