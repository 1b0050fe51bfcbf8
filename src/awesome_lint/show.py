"""``--show-files`` and ``--show-settings``: what a run would check, and with what settings."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from awesome_lint.files import display_path

if TYPE_CHECKING:
    from awesome_lint.config.resolver import ConfigResolver


def show_files(items: Sequence[Path | str]) -> list[str]:
    """One line per file that would be checked (errors are reported by the caller)."""
    return [display_path(item) for item in items if isinstance(item, Path)]


def show_settings(resolver: ConfigResolver, path: Path | None) -> list[str]:
    """The settings resolved for ``path`` (or the working directory), one ``key = value``
    line each, in TOML-like notation."""
    directory = path.parent if path is not None else Path.cwd()
    config = resolver.config_for(directory)
    settings = resolver.settings_for(path, config)
    lines = [
        f"# settings for {display_path(path) if path else display_path(Path.cwd()) or '.'}",
        f"config-file = {_quote(str(config.path)) if config.path else 'none'}",
        f"select = {_codes(rule.code for rule in settings.rules)}",
        f"fixable = {_codes(['ALL'] if settings.fixable is None else settings.fixable)}",
        f"unfixable = {_codes(settings.unfixable)}",
        f"unsafe-fixes = {'true' if settings.unsafe_fixes else 'false'}",
        f"exclude = {_codes(resolver.exclude_for(config))}",
        f"respect-gitignore = {_value(config.values.get('respect-gitignore', True))}",
    ]
    for rule in settings.rules:
        options = settings.rule_options(rule)
        severity = settings.severities.get(rule.code, "error")
        if options or severity != "error":
            values = ", ".join(f"{key} = {_value(value)}" for key, value in sorted(options.items()))
            extra = f"severity = {_quote(severity)}"
            body = f"{values}, {extra}" if values and severity != "error" else values or extra
            lines.append(f"rules.{rule.name} = {{ {body} }}")
    return lines


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _codes(values: object) -> str:
    items = sorted(str(v) for v in values)  # type: ignore[attr-defined]
    return "[" + ", ".join(_quote(item) for item in items) + "]"


def _value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return _quote(value)
    if isinstance(value, (list, tuple, set, frozenset)):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        return "{ " + ", ".join(f"{k} = {_value(v)}" for k, v in value.items()) + " }"
    return str(value)
