"""Configuration files: discovery, reading, validation and ``extend`` chains.

Per directory, nearest wins, no merging: ``.awesome-lint.toml`` >
``awesome-lint.toml`` > ``pyproject.toml`` ``[tool.awesome-lint]`` (a pyproject
without the table is skipped). ``extend = "path"`` inherits explicitly.

Nothing is cached here: :mod:`awesome_lint.config.resolver` keeps what was loaded, for
as long as its owner wants, and each :class:`Config` carries the stamps of the files it
was read from so that the owner can tell when it went stale.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from awesome_lint.errors import AwesomeLintError
from awesome_lint.records import Record


class _TomlError(ValueError):
    """A TOML syntax error (the parser's own message)."""


def _loads(text: str) -> dict[str, Any]:
    """Parse TOML; the parser is imported only when a configuration is read."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    try:
        parsed: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _TomlError(str(exc)) from None
    except RecursionError:
        raise _TomlError("nested too deeply") from None
    return parsed


MAX_CONFIG_BYTES = 1024 * 1024


CONFIG_NAMES = (".awesome-lint.toml", "awesome-lint.toml")
LIST_KEYS = (
    "include",
    "exclude",
    "extend-exclude",
    "select",
    "extend-select",
    "ignore",
    "fixable",
    "unfixable",
)
KNOWN_KEYS = frozenset(
    (
        *LIST_KEYS,
        "extend",
        "unsafe-fixes",
        "respect-gitignore",
        "output-format",
        "per-file-ignores",
        "rules",
        "links",
        "profile",
    )
)
PROFILES = ("awesome",)  # profile = "awesome": the awesome-list guidelines' rules

SEVERITIES = ("error", "warning", "info")  # [rules.<name>] severity = ...


class ConfigError(AwesomeLintError):
    pass


# What a configuration file was when it was read: modification time (ns), size, inode.
# An editor that saves by writing a new file and renaming it changes the inode.
FileStamp = tuple[int, int, int]


def file_stamp(path: Path) -> FileStamp | None:
    """The stamp of ``path`` now (None: it cannot be read)."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size, stat.st_ino


class Config(Record):
    """The raw, validated settings of one configuration file (or none)."""

    values: dict[str, Any]
    path: Path | None  # the file it came from
    # every file read for it (the file, then the ones it extends), stamped as it was read
    sources: tuple[tuple[Path, FileStamp], ...]

    _fields = ("values", "path", "sources")
    __slots__ = _fields

    def __init__(
        self,
        values: dict[str, Any] | None = None,
        path: Path | None = None,
        sources: tuple[tuple[Path, FileStamp], ...] = (),
    ) -> None:
        self.values = {} if values is None else values
        self.path = path
        self.sources = sources

    def is_current(self) -> bool:
        """Whether every file it was read from is still as it was."""
        return all(file_stamp(path) == stamp for path, stamp in self.sources)

    @property
    def root(self) -> Path:
        return self.path.parent if self.path else Path.cwd()

    def get_list(self, key: str) -> list[str] | None:
        value = self.values.get(key)
        return None if value is None else list(value)


def _read_toml(path: Path) -> tuple[dict[str, Any], FileStamp]:
    """The parsed file, and its stamp taken before reading (a later edit changes it)."""
    import stat

    try:
        with path.open("rb") as handle:
            info = os.fstat(handle.fileno())
            # not a device or a pipe (`extend = "/dev/zero"` would never end), not huge
            if not stat.S_ISREG(info.st_mode):
                raise ConfigError(f"{path}: configuration is not a regular file")
            data = handle.read(MAX_CONFIG_BYTES + 1)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc.strerror}") from None
    if len(data) > MAX_CONFIG_BYTES:
        raise ConfigError(f"{path}: configuration larger than 1 MiB")
    try:
        parsed = _loads(data.decode("utf-8"))
    except (UnicodeDecodeError, _TomlError) as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    return parsed, (info.st_mtime_ns, info.st_size, info.st_ino)


def parse_config_text(text: str, origin: str) -> dict[str, Any]:
    """Parse an inline ``--config "key = value"`` snippet."""
    try:
        return _loads(text)
    except _TomlError as exc:
        shown = origin if len(origin) <= 60 else origin[:57] + "..."
        raise ConfigError(f"--config {shown!r}: not a file and not valid TOML: {exc}") from None


def _table(path: Path) -> tuple[dict[str, Any] | None, FileStamp]:
    """Our table of the file (None: a pyproject.toml without one), and the file's stamp."""
    data, stamp = _read_toml(path)
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        table = tool.get("awesome-lint") if isinstance(tool, dict) else None
        return (table if isinstance(table, dict) else None), stamp
    return data, stamp


SELECTOR_KEYS = frozenset({"select", "extend-select", "ignore", "fixable", "unfixable"})


def _check_selectors(values: list[str], where: str) -> None:
    from awesome_lint.config.selectors import check_known

    try:
        check_known(values)
    except AwesomeLintError as exc:
        raise ConfigError(f"{where}: {exc}") from None


def validate(values: Mapping[str, Any], origin: str) -> dict[str, Any]:
    """Check keys and value types; raise ConfigError naming the offending key."""
    from awesome_lint.rules import get_rule
    from awesome_lint.rules.base import OptionError

    out: dict[str, Any] = {}
    for key, value in values.items():
        if key not in KNOWN_KEYS:
            raise ConfigError(f"{origin}: unknown configuration key {key!r}")
        if key in LIST_KEYS:
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(f"{origin}: {key!r} must be a list of strings")
            if key in SELECTOR_KEYS:
                _check_selectors(value, f"{origin}: {key!r}")
        elif key in ("unsafe-fixes", "respect-gitignore"):
            if not isinstance(value, bool):
                raise ConfigError(f"{origin}: {key!r} must be true or false")
        elif key in ("output-format", "extend"):
            if not isinstance(value, str):
                raise ConfigError(f"{origin}: {key!r} must be a string")
        elif key == "profile":
            if value not in PROFILES:
                allowed = ", ".join(repr(p) for p in PROFILES)
                raise ConfigError(f"{origin}: 'profile' must be one of {allowed}")
        elif key == "per-file-ignores":
            if not isinstance(value, dict) or not all(
                isinstance(v, list) and all(isinstance(c, str) for c in v) for v in value.values()
            ):
                raise ConfigError(
                    f"{origin}: 'per-file-ignores' must map glob patterns to lists of codes"
                )
            for pattern, codes in value.items():
                _check_selectors(codes, f"{origin}: 'per-file-ignores' {pattern!r}")
        elif key == "links":
            from awesome_lint.netcheck.options import LinkOptionError, validate_table

            try:
                value = validate_table(value)
            except LinkOptionError as exc:
                raise ConfigError(f"{origin}: {exc}") from None
        elif key == "rules":
            if not isinstance(value, dict):
                raise ConfigError(f"{origin}: 'rules' must be a table of rule tables")
            checked: dict[str, dict[str, Any]] = {}
            for rule_key, options in value.items():
                rule = get_rule(rule_key)
                if rule is None:
                    raise ConfigError(f"{origin}: unknown rule {rule_key!r} in [rules]")
                if not isinstance(options, dict):
                    raise ConfigError(f"{origin}: [rules.{rule_key}] must be a table")
                converted: dict[str, Any] = {}
                for option_key, option_value in options.items():
                    if option_key == "severity":
                        if option_value not in SEVERITIES:
                            raise ConfigError(
                                f"{origin}: rules.{rule.name}.severity must be one of "
                                + ", ".join(repr(s) for s in SEVERITIES)
                            )
                        converted[option_key] = option_value
                        continue
                    option = rule.options.get(option_key)
                    if option is None:
                        raise ConfigError(
                            f"{origin}: unknown option {option_key!r} for rule {rule.name}"
                        )
                    try:
                        converted[option_key] = option.check(
                            f"rules.{rule.name}.{option_key}", option_value
                        )
                    except OptionError as exc:
                        raise ConfigError(f"{origin}: {exc}") from None
                checked[rule.code] = converted
            value = checked
        out[key] = value
    return out


def load_file(path: Path, _seen: tuple[Path, ...] = ()) -> Config:
    """Load one configuration file, following ``extend``."""
    path = path.resolve()
    if path in _seen:
        raise ConfigError(f"{path}: 'extend' forms a cycle")
    table, stamp = _table(path)
    values = validate(table or {}, str(path))
    sources: tuple[tuple[Path, FileStamp], ...] = ((path, stamp),)
    base = values.pop("extend", None)
    if base is not None:
        parent = load_file((path.parent / base), (*_seen, path))
        sources += parent.sources
        merged = dict(parent.values)
        rules = {code: dict(opts) for code, opts in merged.get("rules", {}).items()}
        for code, opts in values.get("rules", {}).items():
            rules.setdefault(code, {}).update(opts)
        links = {**merged.get("links", {}), **values.get("links", {})}
        merged.update(values)
        if rules:
            merged["rules"] = rules
        if links:
            merged["links"] = links
        values = merged
    return Config(values, path, sources)


def find_config_file(directory: Path) -> Path | None:
    """The nearest configuration file at or above ``directory`` (read afresh each time)."""
    for folder in (directory, *directory.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _may_hold_our_table(pyproject):
            try:
                has_table = _table(pyproject)[0] is not None
            except ConfigError:
                # Broken: an error if it seems to hold our table (the user's settings would
                # be dropped without a word), else someone else's file to skip.
                if _mentions_our_table(pyproject):
                    raise
                has_table = False
            if has_table:
                return pyproject
    return None


def _may_hold_our_table(path: Path) -> bool:
    """False for a pyproject.toml that cannot hold ``[tool.awesome-lint]``: it never writes
    ``awesome-lint``, nor a ``\\u`` escape (which could spell it in a quoted key). Such a
    file is someone else's and is not parsed: no TOML parser to import at start-up."""
    try:
        with path.open("rb") as handle:
            head = handle.read(MAX_CONFIG_BYTES + 1)
    except OSError:
        return True  # the full read reports (or skips) it as before
    return b"awesome-lint" in head or b"\\u" in head or b"\\U" in head


def _mentions_our_table(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            head = handle.read(MAX_CONFIG_BYTES)
    except OSError:
        return False
    return re.search(rb"""\btool\s*\.\s*["']?awesome-lint\b""", head) is not None


def discover(directory: Path) -> Config:
    found = find_config_file(directory.resolve())
    return load_file(found) if found else Config()
