"""Venue rules through the CLI: config errors, shared options, the venues command."""

from __future__ import annotations

from pathlib import Path

from awesome_lint.cli import main

SEED = "# P\n\n- [Orca](https://example.org/o): Serving | Osdi 22\n"


def run(args: list[str]) -> tuple[int, str]:
    import contextlib
    import io

    out, err = io.StringIO(), io.StringIO()
    code = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            main(args)
        except SystemExit as exc:
            code = int(exc.code or 0)
    return code, out.getvalue() + err.getvalue()


def test_bad_style_is_a_config_error_naming_the_key(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text(SEED, encoding="utf-8")
    (tmp_path / ".awesome-lint.toml").write_text(
        '[rules.venue-format]\nstyle = "{name}/{yy}"\n', encoding="utf-8"
    )
    code, output = run(
        ["check", str(tmp_path / "README.md"), "--config", str(tmp_path / ".awesome-lint.toml")]
    )
    assert code == 2
    assert "rules.venue-format.style" in output


def test_bad_extra_venues_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text(SEED, encoding="utf-8")
    (tmp_path / ".awesome-lint.toml").write_text(
        '[rules.venue-format]\nextra-venues = [{name = "X", kind = "blog"}]\n', encoding="utf-8"
    )
    code, output = run(
        ["check", str(tmp_path / "README.md"), "--config", str(tmp_path / ".awesome-lint.toml")]
    )
    assert code == 2
    assert "rules.venue-format.extra-venues" in output


def test_venues_command_searches() -> None:
    code, output = run(["venues", "nips"])
    assert code == 0
    assert output.splitlines()[0] == (
        "NeurIPS\tconference\tConference on Neural Information Processing Systems  (also: NIPS)"
    )
    code, output = run(["venues", "no such venue at all"])
    assert code == 2
    assert "no venue matches" in output


def test_venues_command_lists_all() -> None:
    code, output = run(["venues"])
    assert code == 0
    assert len(output.splitlines()) == 282
