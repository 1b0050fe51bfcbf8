"""The configuration resolver: a cache its owner controls, refreshed on changed files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import awesome_lint.config.resolver as resolver_module
from awesome_lint.config.loader import ConfigError, load_file
from awesome_lint.config.resolver import ConfigResolver, Overrides


def write(path: Path, text: str) -> None:
    """Write ``text``, and move the modification time on by a second when the file existed,
    so that the change shows on a file system with coarse timestamps too."""
    before = path.stat().st_mtime_ns if path.exists() else None
    path.write_text(text, encoding="utf-8")
    if before is not None:
        os.utime(path, ns=(before + 1_000_000_000, before + 1_000_000_000))


def codes(resolver: ConfigResolver, path: Path) -> list[str]:
    return sorted(rule.code for rule in resolver.settings_for(path).rules)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "papers").mkdir()
    return tmp_path


def test_one_run_reads_each_configuration_once(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loads: list[Path] = []

    def counting(path: Path) -> object:
        loads.append(path)
        return load_file(path)

    monkeypatch.setattr(resolver_module, "load_file", counting)
    config = project / ".awesome-lint.toml"
    write(config, 'select = ["AL104"]\n')
    resolver = ConfigResolver()
    assert codes(resolver, project / "papers" / "a.md") == ["AL104"]
    assert codes(resolver, project / "b.md") == ["AL104"]
    assert loads == [config]
    write(config, 'select = ["AL105"]\n')
    # the run keeps what it read; a new resolver (the next run) reads the edit
    assert codes(resolver, project / "b.md") == ["AL104"]
    assert codes(ConfigResolver(), project / "b.md") == ["AL105"]


def test_invalidate_forgets_what_was_read(project: Path) -> None:
    config = project / ".awesome-lint.toml"
    write(config, 'select = ["AL104"]\n')
    resolver = ConfigResolver()
    assert codes(resolver, project / "a.md") == ["AL104"]
    write(config, 'select = ["AL105"]\n')
    resolver.invalidate()
    assert codes(resolver, project / "a.md") == ["AL105"]


def test_revalidating_sees_edits_new_and_deleted_files(project: Path) -> None:
    resolver = ConfigResolver(revalidate=True)
    path = project / "papers" / "list.md"
    pyproject = project / "pyproject.toml"
    write(pyproject, '[project]\nname = "x"\n')
    assert resolver.config_for(path.parent).path is None  # a pyproject without our table
    write(pyproject, '[project]\nname = "x"\n[tool.awesome-lint]\nselect = ["AL601"]\n')
    assert codes(resolver, path) == ["AL601"]
    write(pyproject, '[project]\nname = "x"\n[tool.awesome-lint]\nselect = ["AL602"]\n')
    assert codes(resolver, path) == ["AL602"]
    nearer = project / "papers" / ".awesome-lint.toml"
    write(nearer, 'select = ["AL104"]\n')
    assert codes(resolver, path) == ["AL104"]
    write(nearer, 'select = ["AL104", "AL105"]\n')
    assert codes(resolver, path) == ["AL104", "AL105"]
    nearer.unlink()
    assert codes(resolver, path) == ["AL602"]


def test_revalidating_follows_the_extend_chain(project: Path) -> None:
    base = project / "base.toml"
    write(base, 'select = ["AL104"]\n')
    write(project / "papers" / "awesome-lint.toml", 'extend = "../base.toml"\nignore = []\n')
    resolver = ConfigResolver(revalidate=True)
    path = project / "papers" / "list.md"
    assert codes(resolver, path) == ["AL104"]
    write(base, 'select = ["AL105"]\n')  # only the file it extends changes
    assert codes(resolver, path) == ["AL105"]


def test_revalidating_reads_an_unchanged_file_once(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loads: list[Path] = []

    def counting(path: Path) -> object:
        loads.append(path)
        return load_file(path)

    monkeypatch.setattr(resolver_module, "load_file", counting)
    config = project / ".awesome-lint.toml"
    write(config, 'select = ["AL104"]\n')
    resolver = ConfigResolver(revalidate=True)
    for _ in range(3):
        assert codes(resolver, project / "papers" / "a.md") == ["AL104"]
    assert loads == [config]


def test_a_broken_edit_is_an_error_until_mended(project: Path) -> None:
    config = project / ".awesome-lint.toml"
    write(config, 'select = ["AL104"]\n')
    resolver = ConfigResolver(revalidate=True)
    assert codes(resolver, project / "a.md") == ["AL104"]
    write(config, 'select = ["AL104"\n')
    with pytest.raises(ConfigError) as caught:
        resolver.settings_for(project / "a.md")
    assert str(caught.value).startswith(f"{config.resolve()}: invalid TOML: ")
    write(config, 'select = ["AL603"]\n')
    assert codes(resolver, project / "a.md") == ["AL603"]


def test_command_line_overrides_apply_to_every_file_and_refresh(project: Path) -> None:
    mine = project / "mine.toml"
    write(mine, 'select = ["AL104", "AL105"]\n[rules.trailing-whitespace]\nseverity = "info"\n')
    write(project / "papers" / ".awesome-lint.toml", 'select = ["AL601"]\n')
    overrides = Overrides.from_options(
        config=[str(mine), '[rules.multiple-spaces]\nseverity = "warning"'], ignore=["AL105"]
    )
    resolver = ConfigResolver(overrides, revalidate=True)
    settings = resolver.settings_for(project / "papers" / "list.md")
    assert [rule.code for rule in settings.rules] == ["AL104"]
    assert settings.severities == {"AL104": "info", "AL105": "warning"}
    write(mine, 'select = ["AL106"]\n')
    settings = resolver.settings_for(project / "papers" / "list.md")
    assert [rule.code for rule in settings.rules] == ["AL106"]
    assert settings.severities == {"AL105": "warning"}


def test_options_are_checked_as_typed() -> None:
    overrides = Overrides.from_options(select=["AL1,AL6"], extend_select=["AL203"], exclude=[])
    assert overrides.select == ("AL1", "AL6")
    assert overrides.extend_select == ("AL203",)
    assert overrides.exclude is None  # not given
    with pytest.raises(ConfigError) as caught:
        Overrides.from_options(config=["missing.toml"])
    assert str(caught.value) == "--config missing.toml: file not found"
