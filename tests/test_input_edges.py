"""Configuration and input edges: one-line errors, exit 2, never a hang (issue 12, items 9-11)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from awesome_lint.api import document_notes, fix_text
from awesome_lint.cli import cli, main
from awesome_lint.config.loader import ConfigError, discover, load_file, parse_config_text
from awesome_lint.config.resolver import parse_config_options
from awesome_lint.parser.build import parse_document
from awesome_lint.source import DecodeError, SourceText


def test_long_inline_config_is_a_setting_not_a_file_name() -> None:
    value = "select = [" + ", ".join(['"AL102"'] * 60) + "]"
    assert len(value) > 255
    assert parse_config_options([value]) == (None, {"select": ["AL102"] * 60})


def test_deeply_nested_toml_is_a_config_error() -> None:
    value = "x = " + "[" * 5000 + "]" * 5000
    with pytest.raises(ConfigError) as exc:
        parse_config_text(value, value)
    assert str(exc.value) == (
        "--config 'x = [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[...': "
        "not a file and not valid TOML: nested too deeply"
    )


def test_extend_of_a_device_is_refused_without_reading_it(tmp_path: Path) -> None:
    config = tmp_path / ".awesome-lint.toml"
    config.write_text('extend = "/dev/zero"\n')
    with pytest.raises(ConfigError) as exc:
        load_file(config)
    assert str(exc.value) == "/dev/zero: configuration is not a regular file"


def test_huge_config_file_is_refused(tmp_path: Path) -> None:
    config = tmp_path / "big.toml"
    config.write_bytes(b"# " + b"x" * (1024 * 1024) + b"\n")
    with pytest.raises(ConfigError) as exc:
        load_file(config)
    assert str(exc.value).endswith("big.toml: configuration larger than 1 MiB")


def test_broken_pyproject_with_our_table_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.awesome-lint\nselect = ["AL1"]\n')
    with pytest.raises(ConfigError) as exc:
        discover(tmp_path)
    assert "pyproject.toml: invalid TOML: " in str(exc.value)


def test_broken_pyproject_of_another_tool_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.black\nline-length = 1\n")
    assert discover(tmp_path).values == {}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("# T\n".encode("utf-16"), "UTF-16 is not supported, convert the file to UTF-8"),
        ("# T\n".encode("utf-16-be").join([b"\xfe\xff", b""]), "UTF-16 is not supported"),
        ("# T\n".encode("utf-32"), "UTF-32 is not supported, convert the file to UTF-8"),
        (b"# T\n" + b"x" * 100_000 + b"\x00\n", "binary file (contains NUL bytes)"),
    ],
)
def test_undecodable_input_is_named(data: bytes, message: str) -> None:
    with pytest.raises(DecodeError) as exc:
        SourceText.from_bytes(data)
    assert str(exc.value).startswith(message)


def test_cli_errors_are_one_line_with_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "README.md").write_bytes("# T\n".encode("utf-16"))
    with pytest.raises(SystemExit) as exc:
        main(["--isolated", "README.md"])
    assert exc.value.code == 2
    assert capsys.readouterr().err == (
        "awesome-lint: error: README.md: UTF-16 is not supported, convert the file to UTF-8\n"
    )


DEEP = "".join("  " * i + f"- [x{i}](https://e.org/{i}): item\n" for i in range(14))


def test_nesting_beyond_the_parser_limit_is_noted_once() -> None:
    document = parse_document(SourceText(DEEP))
    assert document.nesting_cut == 9
    assert document_notes(document) == [
        "line 10: lists or quotes nested this deep are beyond the Markdown parser's "
        "nesting limit; the lines inside are not checked"
    ]
    assert fix_text(DEEP).notes == document_notes(document)
    shallow = parse_document(SourceText(DEEP.split("\n", 9)[0] + "\n"))
    assert shallow.nesting_cut is None
    assert document_notes(shallow) == []


def test_nesting_note_in_the_cli(tmp_path: Path) -> None:
    (tmp_path / "deep.md").write_text(DEEP)
    result = CliRunner().invoke(cli, ["check", "--isolated", str(tmp_path / "deep.md")])
    assert result.exit_code == 0
    notes = [line for line in result.output.splitlines() if "note:" in line]
    assert len(notes) == 1
    assert notes[0].endswith(
        "deep.md: line 10: lists or quotes nested this deep are beyond "
        "the Markdown parser's nesting limit; the lines inside are not checked"
    )
