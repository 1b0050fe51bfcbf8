"""Which configuration and settings apply to a file: the files, merged with the command line.

A :class:`ConfigResolver` is owned by its caller, who decides how long what it read is
trusted. One command-line run makes one and reads each configuration file once. A
long-running editor server keeps one with ``revalidate=True``: every lookup finds the
nearest configuration file again and compares the stamps of the files it was read from
(the file and its ``extend`` chain), so an edit, a new file or a deleted one is seen at
the next lint; :meth:`ConfigResolver.invalidate` forgets everything at once.

Precedence: defaults < configuration file < ``--config "key = value"`` < explicit flags.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from awesome_lint.config import selectors
from awesome_lint.config.loader import (
    Config,
    ConfigError,
    find_config_file,
    load_file,
    parse_config_text,
    validate,
)
from awesome_lint.files import matches
from awesome_lint.records import FrozenRecord
from awesome_lint.settings import Settings


class Overrides(FrozenRecord):
    """What the command line says about settings; None means 'not given'."""

    select: tuple[str, ...] | None
    extend_select: tuple[str, ...]
    ignore: tuple[str, ...]
    unsafe_fixes: bool | None
    config_file: Path | None  # --config FILE: the one configuration for every file
    config_values: Mapping[str, Any]  # --config "key = value"
    isolated: bool  # --isolated: no configuration file at all
    exclude: tuple[str, ...] | None  # --exclude: replaces the configuration's
    extend_exclude: tuple[str, ...]  # --extend-exclude
    check_links: bool  # --check-links
    links_timeout: float | None  # --links-timeout (seconds for the whole check)
    link_cache: Path | None  # --link-cache

    _fields = (
        "select",
        "extend_select",
        "ignore",
        "unsafe_fixes",
        "config_file",
        "config_values",
        "isolated",
        "exclude",
        "extend_exclude",
        "check_links",
        "links_timeout",
        "link_cache",
    )
    __slots__ = _fields

    def __init__(
        self,
        select: tuple[str, ...] | None = None,
        extend_select: tuple[str, ...] = (),
        ignore: tuple[str, ...] = (),
        unsafe_fixes: bool | None = None,
        config_file: Path | None = None,
        config_values: Mapping[str, Any] | None = None,
        isolated: bool = False,
        exclude: tuple[str, ...] | None = None,
        extend_exclude: tuple[str, ...] = (),
        check_links: bool = False,
        links_timeout: float | None = None,
        link_cache: Path | None = None,
    ) -> None:
        set_ = object.__setattr__
        set_(self, "select", select)
        set_(self, "extend_select", extend_select)
        set_(self, "ignore", ignore)
        set_(self, "unsafe_fixes", unsafe_fixes)
        set_(self, "config_file", config_file)
        set_(self, "config_values", {} if config_values is None else config_values)
        set_(self, "isolated", isolated)
        set_(self, "exclude", exclude)
        set_(self, "extend_exclude", extend_exclude)
        set_(self, "check_links", check_links)
        set_(self, "links_timeout", links_timeout)
        set_(self, "link_cache", link_cache)

    @classmethod
    def from_options(
        cls,
        *,
        select: Sequence[str] = (),
        extend_select: Sequence[str] = (),
        ignore: Sequence[str] = (),
        config: Sequence[str] = (),
        isolated: bool = False,
        unsafe_fixes: bool | None = None,
        exclude: Sequence[str] = (),
        extend_exclude: Sequence[str] = (),
        check_links: bool = False,
        links_timeout: float | None = None,
        link_cache: str | None = None,
    ) -> Overrides:
        """Overrides from option values as typed: repeated or comma-separated selectors
        (checked, with a did-you-mean), ``--config`` files and ``"key = value"`` snippets.
        An empty ``select`` or ``exclude`` means the option was not given."""
        split = selectors.split_selectors
        chosen = tuple(split(select)) if select else None
        extend, ignored = tuple(split(extend_select)), tuple(split(ignore))
        selectors.check_known([*(chosen or ()), *extend, *ignored])
        config_file, config_values = parse_config_options(config, isolated=isolated)
        return cls(
            select=chosen,
            extend_select=extend,
            ignore=ignored,
            unsafe_fixes=unsafe_fixes,
            config_file=config_file,
            config_values=config_values,
            isolated=isolated,
            exclude=tuple(split(exclude)) if exclude else None,
            extend_exclude=tuple(split(extend_exclude)),
            check_links=check_links,
            links_timeout=links_timeout,
            link_cache=Path(link_cache) if link_cache else None,
        )


def parse_config_options(
    values: Iterable[str], *, isolated: bool = False
) -> tuple[Path | None, dict[str, Any]]:
    """``--config PATH`` selects a file; ``--config "key = value"`` overrides one key.

    Returns the file (the last one named) and the merged key overrides.
    """
    config_file: Path | None = None
    known: dict[str, Any] = {}
    for value in values:
        path = Path(value)
        is_file = _is_file(path)
        if value.endswith(".toml") and not is_file:
            raise ConfigError(f"--config {value}: file not found")
        if is_file:
            if isolated:
                raise ConfigError(
                    f"--config {value}: --isolated ignores all configuration files; "
                    'pass settings as --config "key = value" instead'
                )
            config_file = path
        else:
            snippet = validate(parse_config_text(value, value), f"--config {value!r}")
            for key, item in snippet.items():
                if key == "links" and key in known:  # several links.* overrides add up
                    item = {**known[key], **item}
                known[key] = item
    return config_file, known


def _is_file(path: Path) -> bool:
    """``Path.is_file`` that says no instead of raising (a long inline ``--config`` value
    is not a file name: ``OSError: File name too long``)."""
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


class ConfigResolver:
    """The configuration and settings for each folder and file, cached by this object."""

    def __init__(self, overrides: Overrides | None = None, *, revalidate: bool = False) -> None:
        self.overrides = overrides or Overrides()
        self.revalidate = revalidate
        self._by_folder: dict[Path, Config] = {}  # resolved folder -> its configuration
        self._by_file: dict[Path, Config] = {}  # configuration file -> what it says
        self._none = self._merged(Config())  # no file: defaults and the command line
        if self.overrides.config_file is not None and not self.overrides.isolated:
            self._loaded(self.overrides.config_file)  # a broken --config file fails first

    def invalidate(self) -> None:
        """Forget every configuration read so far: the next lookups read the files again."""
        self._by_folder.clear()
        self._by_file.clear()

    def config_for(self, directory: Path) -> Config:
        """The configuration for files in ``directory``, with the command line's
        ``--config "key = value"`` overrides merged in."""
        o = self.overrides
        if o.isolated:
            return self._none
        if o.config_file is not None:
            return self._loaded(o.config_file)
        folder = directory.resolve()
        config = None if self.revalidate else self._by_folder.get(folder)
        if config is None:
            found = find_config_file(folder)
            config = self._none if found is None else self._loaded(found)
            self._by_folder[folder] = config
        return config

    def _loaded(self, path: Path) -> Config:
        config = self._by_file.get(path)
        if config is None or (self.revalidate and not config.is_current()):
            config = self._merged(load_file(path))
            self._by_file[path] = config
        return config

    def _merged(self, base: Config) -> Config:
        if not self.overrides.config_values:
            return base
        values = dict(base.values)
        for name, value in self.overrides.config_values.items():
            if name == "links":
                value = {**values.get("links", {}), **value}
            elif name == "rules":
                rules = {code: dict(opts) for code, opts in values.get("rules", {}).items()}
                for code, opts in value.items():
                    rules.setdefault(code, {}).update(opts)
                value = rules
            values[name] = value
        return Config(values, base.path, base.sources)

    def settings_for(self, path: Path | None, config: Config | None = None) -> Settings:
        """The settings for the file ``path`` (None: a text with no file, e.g. stdin),
        under ``config`` (default: the configuration of the file's folder)."""
        if config is None:
            config = self.config_for(path.parent if path is not None else Path.cwd())
        o = self.overrides
        if o.select is not None:
            # --select starts afresh: the config's own selection does not apply
            select: list[str] | None = list(o.select)
            extend = list(o.extend_select)
            ignore = list(o.ignore)
        else:
            select = config.get_list("select")
            extend = [*(config.get_list("extend-select") or []), *o.extend_select]
            ignore = [*(config.get_list("ignore") or []), *o.ignore]
            profile = config.values.get("profile")
            if profile is not None:
                from awesome_lint.rules import RULE_TABLE

                extend.extend(rule.code for rule in RULE_TABLE if profile in rule.profiles)
        if path is not None:
            relative = relative_path(path, config.root)
            for pattern, codes in config.values.get("per-file-ignores", {}).items():
                if matches(relative, [pattern]):
                    ignore.extend(codes)
        rules = selectors.resolve(select, extend, ignore)
        fixable_list = config.get_list("fixable")
        fixable = None if fixable_list is None else _codes(fixable_list)
        unfixable = _codes(config.get_list("unfixable") or [])
        unsafe = o.unsafe_fixes
        if unsafe is None:
            unsafe = bool(config.values.get("unsafe-fixes", False))
        options: dict[str, dict[str, Any]] = {}
        # a rule's own default (AL803 is a warning), then the configuration's
        severities: dict[str, str] = {
            rule.code: rule.severity for rule in rules if rule.severity != "error"
        }
        for code, values in config.values.get("rules", {}).items():
            options[code] = {k: v for k, v in values.items() if k != "severity"}
            if "severity" in values:
                severities[code] = values["severity"]
        return Settings(rules, options, fixable, unfixable, unsafe, severities=severities)

    def exclude_for(self, config: Config) -> list[str]:
        """``exclude`` (or ``--exclude``) plus ``extend-exclude`` and ``--extend-exclude``."""
        o = self.overrides
        base = list(o.exclude) if o.exclude is not None else config.get_list("exclude") or []
        return [*base, *(config.get_list("extend-exclude") or []), *o.extend_exclude]

    def is_excluded(self, path: Path) -> bool:
        """Whether the exclusions name this file (for ``--force-exclude``)."""
        config = self.config_for(path.parent)
        exclude = self.exclude_for(config)
        return bool(exclude) and matches(relative_path(path, config.root), exclude)


def _codes(selected: Iterable[str]) -> frozenset[str]:
    """The rule codes of ``fixable``/``unfixable`` selectors (a prefix covers opt-in rules)."""
    return frozenset(code for sel in selected for code in selectors.expand(sel, for_ignore=True))


def relative_path(path: Path, root: Path) -> str:
    """``path`` relative to ``root`` with ``/`` (as written when outside it), for patterns."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
