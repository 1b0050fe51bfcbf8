"""``run_check(CheckRequest) -> CheckOutcome``: the check command as a function, no subprocess."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from awesome_lint.check import CheckOutcome, CheckRequest, run_check
from awesome_lint.cli import check
from awesome_lint.errors import AwesomeLintError

MESSY = b"# T\n\n- [A](https://example.org/a) : X  y\n"
FIXED = b"# T\n\n- [A](https://example.org/a): X y\n"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for name in ("GITHUB_STEP_SUMMARY", "GITHUB_WORKSPACE"):
        monkeypatch.delenv(name, raising=False)
    (tmp_path / "messy.md").write_bytes(MESSY)
    (tmp_path / "ok.md").write_bytes(b"# T\n\ntext\n")
    return tmp_path


def found(outcome: CheckOutcome) -> dict[str, list[tuple[str, int, int, int, int]]]:
    """(code, line, column, end line, end column) of each finding, per file."""
    out = {}
    for result in outcome.results:
        if result.error is None:
            assert result.source is not None
            out[result.filename] = [
                (d.code, *result.source.position(d.start), *result.source.position(d.end))
                for d in result.diagnostics
            ]
    return out


def no_stdin() -> bytes:
    raise AssertionError("standard input must not be read")


def test_findings_and_exit_code(folder: Path) -> None:
    outcome = run_check(
        CheckRequest(paths=("messy.md", "ok.md"), isolated=True, output_format="concise"),
        stdin=no_stdin,
    )
    assert outcome.exit_code == 1
    assert found(outcome) == {
        "messy.md": [("AL102", 3, 29, 3, 32), ("AL105", 3, 33, 3, 35)],
        "ok.md": [],
    }
    assert outcome.diagnostics.keys() == {"messy.md", "ok.md"}
    assert (outcome.messages, outcome.listing, outcome.content) == ((), (), b"")
    assert (outcome.fixed_files, outcome.errors) == ([], {})
    assert not outcome.report_to_stderr
    assert outcome.render() == (
        "messy.md:3:29: AL102 [*] Title separator ' : ' should be ': '\n"
        "messy.md:3:33: AL105 [*] 2 spaces in a row\n"
        "Found 2 problems. 2 fixable with --fix.\n"
    )
    assert (folder / "messy.md").read_bytes() == MESSY  # a check writes nothing


def test_exit_codes_follow_the_options(folder: Path) -> None:
    def code(**options: object) -> int:
        return run_check(CheckRequest(paths=("messy.md",), isolated=True, **options)).exit_code  # type: ignore[arg-type]

    assert code(exit_zero=True) == 0
    assert code(ignore=("AL102,AL105",)) == 0
    assert code(config=('[rules.AL102]\nseverity = "warning"', "ignore = ['AL105']")) == 0
    assert code(config=('[rules.AL102]\nseverity = "warning"',), strict=True) == 1
    assert code(select=("AL6",)) == 0


def test_fix_writes_exact_bytes(folder: Path) -> None:
    crlf = folder / "crlf.md"
    crlf.write_bytes(b"\xef\xbb\xbf# T\r\n\r\n- [B](https://example.org/b) : Y\r\n")
    outcome = run_check(
        CheckRequest(paths=("messy.md", "crlf.md"), fix=True, isolated=True),
        stdin=no_stdin,
    )
    assert outcome.exit_code == 0
    assert (folder / "messy.md").read_bytes() == FIXED
    assert crlf.read_bytes() == b"\xef\xbb\xbf# T\r\n\r\n- [B](https://example.org/b): Y\r\n"
    assert outcome.fixed_files == ["messy.md", "crlf.md"]
    assert [(r.fixed, r.fixed_codes) for r in outcome.results] == [
        (2, {"AL102": 1, "AL105": 1}),
        (1, {"AL102": 1}),
    ]
    assert found(outcome) == {"messy.md": [], "crlf.md": []}
    assert outcome.render() == "Found 3 problems (3 fixed, 0 remaining).\n"
    again = run_check(CheckRequest(paths=("messy.md",), fix=True, isolated=True))
    assert (again.exit_code, again.fixed_files) == (0, [])
    assert (
        run_check(
            CheckRequest(paths=("crlf.md",), isolated=True, exit_non_zero_on_fix=True)
        ).exit_code
        == 0
    )  # nothing left to change


def test_stdin_fix_goes_to_content_and_the_report_to_stderr(folder: Path) -> None:
    outcome = run_check(
        CheckRequest(
            paths=("-",),
            stdin=MESSY,
            stdin_filename="papers/list.md",
            fix=True,
            isolated=True,
            output_format="concise",
        ),
        stdin=no_stdin,
    )
    assert (outcome.exit_code, outcome.content) == (0, FIXED)
    assert outcome.report_to_stderr
    assert outcome.fixed_files == ["papers/list.md"]
    assert outcome.render() == "Found 2 problems (2 fixed, 0 remaining).\n"
    assert sorted(p.name for p in folder.iterdir()) == ["messy.md", "ok.md"]


def test_stdin_is_read_only_when_a_request_names_it(folder: Path) -> None:
    outcome = run_check(CheckRequest(stdin_filename="x.md", isolated=True), stdin=lambda: MESSY)
    assert found(outcome) == {"x.md": [("AL102", 3, 29, 3, 32), ("AL105", 3, 33, 3, 35)]}


def test_diff_prints_a_patch_and_writes_nothing(folder: Path) -> None:
    outcome = run_check(CheckRequest(paths=("messy.md",), diff=True, isolated=True))
    assert outcome.exit_code == 1
    assert outcome.content == (
        b"--- messy.md\n+++ messy.md\n@@ -1,3 +1,3 @@\n # T\n \n"
        b"-- [A](https://example.org/a) : X  y\n+- [A](https://example.org/a): X y\n"
    )
    assert outcome.report_to_stderr
    assert (folder / "messy.md").read_bytes() == MESSY


def test_files_that_cannot_be_checked(folder: Path) -> None:
    (folder / "bad.md").write_bytes(b"# \xff\n")
    outcome = run_check(
        CheckRequest(paths=("ok.md", "bad.md", "missing.md"), isolated=True), stdin=no_stdin
    )
    assert outcome.exit_code == 2
    assert outcome.errors == {
        "bad.md": "not valid UTF-8 (byte 0xff at offset 2)",
        "missing.md": "no such file or directory",
    }
    assert outcome.messages == (
        "awesome-lint: error: bad.md: not valid UTF-8 (byte 0xff at offset 2)",
        "awesome-lint: error: missing.md: no such file or directory",
    )
    assert found(outcome) == {"ok.md": []}
    assert outcome.render() == "No problems found, but 2 files could not be checked.\n"


@pytest.mark.parametrize(
    ("request_", "message"),
    [
        (
            CheckRequest(paths=("ok.md",), select=("titel-separator",)),
            "unknown rule code or name: titel-separator (did you mean title-separator?)",
        ),
        (
            CheckRequest(paths=("ok.md",), statistics=True, output_format="json"),
            "--statistics works with the text formats (full, concise, grouped), not json",
        ),
        (
            CheckRequest(paths=("-",), changed_since="main"),
            "--changed-since cannot be used with stdin",
        ),
        (
            CheckRequest(paths=("ok.md",), output_file="nowhere/report.txt"),
            "-o nowhere/report.txt: folder nowhere does not exist",
        ),
    ],
)
def test_usage_errors_raise_before_any_work(
    folder: Path, request_: CheckRequest, message: str
) -> None:
    with pytest.raises(AwesomeLintError) as caught:
        run_check(request_, stdin=no_stdin)
    assert (str(caught.value), caught.value.exit_code) == (message, 2)


def test_show_files_lists_and_checks_nothing(folder: Path) -> None:
    (folder / "sub").mkdir()
    (folder / "sub" / "x.md").write_bytes(MESSY)
    outcome = run_check(CheckRequest(paths=("sub", "gone.md"), show_files=True, isolated=True))
    assert outcome.exit_code == 2
    assert outcome.listing == ("sub/x.md",)
    assert outcome.messages == ("awesome-lint: error: gone.md: no such file or directory",)
    assert (outcome.results, outcome.report_format, outcome.render()) == ((), None, "")


def test_an_excluded_stdin_file_passes_through(folder: Path) -> None:
    (folder / ".awesome-lint.toml").write_text('exclude = ["drafts/"]\n')
    request = CheckRequest(
        paths=("-",), stdin=MESSY, stdin_filename="drafts/x.md", fix=True, force_exclude=True
    )
    outcome = run_check(request)
    assert (outcome.exit_code, outcome.content, outcome.results) == (0, MESSY, ())
    assert outcome.report_format is None


def test_every_option_of_the_command_is_a_field_of_the_request() -> None:
    names = {
        param.name for param in check.params if isinstance(param, click.Option | click.Argument)
    }
    fields = set(CheckRequest._fields)
    # --color and -v are the terminal's business; stdin is what the command reads itself
    assert names - {"color", "verbose"} == fields - {"stdin"}
