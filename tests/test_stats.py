"""`awesome-lint stats`: counts per section, venue, year and host; the SVG chart; and the
count markers (AL607) counting the same entries."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from awesome_lint.cli import cli, main
from awesome_lint.config.selectors import resolve
from awesome_lint.fixer import fix_text
from awesome_lint.settings import Settings
from awesome_lint.source import SourceText
from awesome_lint.stats import render_svg, render_table, stats_source

SVG = "{http://www.w3.org/2000/svg}"

LIST = """\
# Papers

- [Serving](#serving)
- [Training](#training)

## Serving

- [Orca](https://www.usenix.org/conference/osdi22/presentation/yu): Serving | OSDI'22
- [vLLM](https://arxiv.org/abs/2309.06180): Paged attention | SOSP'23
  - [vLLM again](https://arxiv.org/pdf/2309.06180v2.pdf): the same paper | SOSP 2023
- [Pond](https://example.org/pond): Pooling | ASPLOS 2023
- A paper without a link | OSDI'21

### Edge

- [PowerInfer](https://arxiv.org/abs/2312.12456): Consumer GPUs
- [Notes](https://example.org/notes): a blog post

## Training

| Paper | Venue |
| --- | --- |
| [ZeRO](https://arxiv.org/abs/1910.02054) | SC'20 |
"""

TABLE = """\
list.md: 7 entries, 2 without a venue, 1 without a year, 0 without a paper link, \
1 duplicate paper link

section     shape  entries  total
Papers      -            0      7
  Serving   link         4      6
    Edge    link         2      2
  Training  table        1      1

venue   entries
SOSP          2
ASPLOS        1
OSDI          1
SC            1

year  entries
2020        1
2022        1
2023        4

host         entries
arxiv.org          4
example.org        2
usenix.org         1

duplicate paper links (lines)
  https://arxiv.org/abs/2309.06180: 9, 10
"""

MARKDOWN = """\
**list.md**: 7 entries, 2 without a venue, 1 without a year, 0 without a paper link, \
1 duplicate paper link

| Section | Shape | Entries | With sub-sections |
| --- | --- | ---: | ---: |
| Papers | - | 0 | 7 |
| &emsp;Serving | link | 4 | 6 |
| &emsp;&emsp;Edge | link | 2 | 2 |
| &emsp;Training | table | 1 | 1 |

| Venue | Entries |
| --- | ---: |
| SOSP | 2 |
| ASPLOS | 1 |
| OSDI | 1 |
| SC | 1 |

| Year | Entries |
| --- | ---: |
| 2020 | 1 |
| 2022 | 1 |
| 2023 | 4 |

| Host | Entries |
| --- | ---: |
| arxiv.org | 4 |
| example.org | 2 |
| usenix.org | 1 |

| Duplicate paper link | Lines |
| --- | --- |
| https://arxiv.org/abs/2309.06180 | 9, 10 |
"""


@pytest.fixture
def listing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "list.md"
    path.write_text(LIST, encoding="utf-8")
    return path


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, ["stats", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_json_counts(listing: Path) -> None:
    assert json.loads(run("--output-format", "json", "list.md")) == [
        {
            "filename": "list.md",
            # the TOC items and the item without a link are not entries; the nested
            # item and the table row are
            "entries": 7,
            "without_venue": 2,
            "without_year": 1,
            "without_paper_link": 0,
            # abs and pdf links (with a version) of one arXiv paper
            "duplicates": [{"link": "https://arxiv.org/abs/2309.06180", "lines": [9, 10]}],
            "sections": [
                {
                    "heading": "Papers",
                    "level": 1,
                    "line": 1,
                    "entries": 0,
                    "total": 7,
                    "shape": None,
                },
                {
                    "heading": "Serving",
                    "level": 2,
                    "line": 6,
                    "entries": 4,
                    "total": 6,
                    "shape": "link",
                },
                {
                    "heading": "Edge",
                    "level": 3,
                    "line": 14,
                    "entries": 2,
                    "total": 2,
                    "shape": "link",
                },
                {
                    "heading": "Training",
                    "level": 2,
                    "line": 19,
                    "entries": 1,
                    "total": 1,
                    "shape": "table",
                },
            ],
            "venues": {"SOSP": 2, "ASPLOS": 1, "OSDI": 1, "SC": 1},
            # PowerInfer's year comes from its arXiv id (2312)
            "years": {"2020": 1, "2022": 1, "2023": 4},
            "hosts": {"arxiv.org": 4, "example.org": 2, "usenix.org": 1},
        }
    ]


def test_table_is_the_default(listing: Path) -> None:
    assert run("list.md") == TABLE


def test_markdown(listing: Path) -> None:
    assert run("--output-format", "markdown", "list.md") == MARKDOWN


def test_no_paths_reads_readme(listing: Path) -> None:
    (listing.parent / "README.md").write_text(LIST, encoding="utf-8")
    assert run() == TABLE.replace("list.md", "README.md", 1)


def test_missing_file_is_an_error(listing: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["stats", "nothing.md"])
    assert exited.value.code == 2
    assert capsys.readouterr().err == "awesome-lint: error: nothing.md: No such file or directory\n"


def test_output_file(listing: Path) -> None:
    assert run("--output-format", "markdown", "-o", "stats.md", "list.md") == ""
    assert (listing.parent / "stats.md").read_text(encoding="utf-8") == MARKDOWN


def _chart(text: str) -> ET.Element:
    root = ET.fromstring(text)
    assert root.tag == f"{SVG}svg"
    return root


def _texts(root: ET.Element, cls: str) -> list[str]:
    return [t.text or "" for t in root.iter(f"{SVG}text") if t.get("class") == cls]


def test_svg_years(listing: Path) -> None:
    first = run("--output-format", "svg", "list.md")
    assert run("--output-format", "svg", "list.md") == first  # byte-identical
    root = _chart(first)
    assert root.get("viewBox") == "0 0 760 400"
    bars = [r for r in root.iter(f"{SVG}rect") if r.get("class") == "bar"]
    # 2020, 2022 and 2023 have entries; 2021 is an empty slot on the axis
    assert [b.find(f"{SVG}title").text for b in bars] == ["2020: 1", "2022: 1", "2023: 4"]  # type: ignore[union-attr]
    heights = [float(b.get("height", "0")) for b in bars]
    assert heights[0] == heights[1] and heights[2] == pytest.approx(4 * heights[0])
    assert _texts(root, "tick")[-4:] == ["2020", "2021", "2022", "2023"]
    assert _texts(root, "value") == ["1", "1", "4"]
    assert _texts(root, "axis") == ["Year", "Entries"]
    assert _texts(root, "title") == ["Papers per year"]
    assert _texts(root, "note") == ["7 entries in list.md; 1 without a year"]
    style = root.find(f"{SVG}style")
    assert style is not None and "prefers-color-scheme:dark" in (style.text or "")


def test_svg_venues(listing: Path) -> None:
    root = _chart(run("--output-format", "svg", "--by", "venue", "list.md"))
    assert root.get("viewBox") == "0 0 760 232"  # 72 + 4 rows of 26 + 56
    bars = [r for r in root.iter(f"{SVG}rect") if r.get("class") == "bar"]
    assert len(bars) == 4
    assert _texts(root, "title") == ["Top 4 venues"]
    assert _texts(root, "value") == ["2", "1", "1", "1"]
    ticks = _texts(root, "tick")
    assert ticks[-4:] == ["SOSP", "ASPLOS", "OSDI", "SC"]
    assert _texts(root, "axis") == ["Entries", "Venue"]


def test_svg_escapes_and_handles_no_years() -> None:
    report = stats_source(SourceText.from_bytes(b"# A & B\n\n- [x](https://a.org/x)\n"), "a&b.md")
    root = _chart(render_svg([report]))
    assert not [r for r in root.iter(f"{SVG}rect") if r.get("class") == "bar"]
    assert _texts(root, "note") == ["1 entries in a&b.md; 1 without a year"]
    assert _texts(root, "axis") == ["No entries with a year"]


def test_markers_count_what_stats_counts() -> None:
    text = (
        "Total: <!-- awesome-lint:count -->0<!-- /awesome-lint:count -->, serving: "
        '<!-- awesome-lint:count section="Serving" -->0<!-- /awesome-lint:count -->\n\n' + LIST
    )
    settings = Settings(resolve(["AL607"], [], []), {})
    fixed = fix_text(text, settings).source.text
    report = stats_source(SourceText.from_bytes(text.encode()), "list.md")
    serving = next(s for s in report["sections"] if s["heading"] == "Serving")
    assert fixed.startswith(
        f"Total: <!-- awesome-lint:count -->{report['entries']}<!-- /awesome-lint:count -->, "
        f'serving: <!-- awesome-lint:count section="Serving" -->{serving["total"]}'
    )
    assert (report["entries"], serving["total"]) == (7, 6)


def test_readme_shows_the_real_output() -> None:
    root = Path(__file__).parent.parent
    readme = (root / "README.md").read_text(encoding="utf-8")
    command = "$ awesome-lint stats examples/messy-paper-list.md\n"
    shown = readme.split(command, 1)[1].split("```", 1)[0]
    data = (root / "examples" / "messy-paper-list.md").read_bytes()
    report = stats_source(SourceText.from_bytes(data), "examples/messy-paper-list.md")
    assert shown == render_table(report)
    chart = _chart((root / "docs" / "stats-example.svg").read_text(encoding="utf-8"))
    assert _texts(chart, "title") == ["Papers per year"]
    assert "/awesome-lint/main/docs/stats-example.svg)" in readme
