"""`awesome-lint inspect`: shapes, counts and venue spellings per file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from awesome_lint.cli import cli, main

LIST = """\
# Papers

## Serving

- [Orca](https://arxiv.org/abs/2201.00001): Serving | OSDI'22
- [Alpa](https://example.org/alpa): Parallelism | Osdi'22
- [Pond](https://example.org/pond): Pooling | ASPLOS 2023
- A paper without a link | OSDI'21

## Representation

[ViCo](https://arxiv.org/abs/1908.08527), ICCV 2019 [[code]](https://github.com/a/vico)

[Factorized](https://example.org/f), ICLR 2019

## Datasets

| Name | Paper |
|---|---|
| [KITTI](https://example.org/kitti) | 2012 |
"""


def test_inspect_json(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_text(LIST, encoding="utf-8")
    result = CliRunner().invoke(cli, ["inspect", "--output-format", "json", str(path)])
    assert result.exit_code == 0, result.output
    (report,) = json.loads(result.output)
    assert report["entries"] == 7
    assert [
        (s["heading"], s["line"], s["shape"], s["confidence"], s["entries"], s["kinds"])
        for s in report["sections"]
    ] == [
        ("Serving", 3, "link", 0.75, 4, {"item": 4}),
        ("Representation", 10, "link", 1.0, 2, {"paragraph": 2}),
        ("Datasets", 16, "table", 1.0, 1, {"row": 1}),
    ]
    serving = report["sections"][0]
    assert (
        serving["with_title"],
        serving["with_paper_link"],
        serving["with_venue"],
        serving["with_year"],
    ) == (3, 3, 4, 4)
    assert report["venues"][0] == {
        "venue": "OSDI",
        "uses": 3,
        "spellings": {"OSDI": 2, "Osdi": 1},
        "year_styles": {"{name}'{yy}": 3},
    }


def test_inspect_text_table(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_text(LIST, encoding="utf-8")
    result = CliRunner().invoke(cli, ["inspect", str(path)])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == f"{path.as_posix()}: 7 entries"
    assert lines[1].split() == [
        *("line", "section", "shape", "sure", "entries", "title", "paper", "venue", "year")
    ]
    assert lines[2].split() == ["3", "Serving", "link", "75%", "4", "3", "3", "4", "4"]
    representation = ["10", "Representation", "link", "(paragraph)", "100%"]
    assert lines[3].split() == [*representation, "2", "2", "2", "2", "2"]
    assert "  OSDI (3): OSDI 2, Osdi 1; {name}'{yy} 3" in lines


def test_inspect_missing_file_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["inspect", str(tmp_path / "nope.md")])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err == f"awesome-lint: error: {tmp_path / 'nope.md'}: No such file or directory\n"


def test_a_group_label_lends_its_items_shape(tmp_path: Path) -> None:
    path = tmp_path / "tools.md"
    path.write_text(
        "# Tools\n\n- Agents\n  - [a](https://example.org/a) - A.\n"
        "  - [b](https://example.org/b) - B.\n"
        "- Orchestration\n  - [c](https://example.org/c) - C.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["inspect", "--output-format", "json", str(path)])
    (report,) = json.loads(result.output)
    (section,) = report["sections"]
    assert (section["shape"], section["confidence"], section["entries"]) == ("link", 1.0, 5)
