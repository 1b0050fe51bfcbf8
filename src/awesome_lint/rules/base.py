"""The rule interface: metadata, options and the ``check`` generator."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from awesome_lint import HOMEPAGE
from awesome_lint.diagnostics import Applicability, Diagnostic, Fix, Related
from awesome_lint.records import FrozenRecord

if TYPE_CHECKING:
    from awesome_lint.parser.document import Document

FixAvailability = Literal["safe", "unsafe", "none"]

DOCS_URL = HOMEPAGE + "/blob/main/docs/rules.md#{anchor}"


class OptionError(ValueError):
    """A rule option has a value the rule does not understand."""


class Option(FrozenRecord):
    """One rule option: its default, and either the allowed choices or a validator.

    ``validate`` returns the (possibly converted) value or raises ``OptionError``.
    """

    default: Any
    help: str
    choices: tuple[str, ...] | None
    validate: Callable[[Any], Any] | None

    _fields = ("default", "help", "choices", "validate")
    __slots__ = _fields

    def __init__(
        self,
        default: Any,
        help: str,
        choices: tuple[str, ...] | None = None,
        validate: Callable[[Any], Any] | None = None,
    ) -> None:
        set_ = object.__setattr__
        set_(self, "default", default)
        set_(self, "help", help)
        set_(self, "choices", choices)
        set_(self, "validate", validate)

    def check(self, key: str, value: Any) -> Any:
        if self.choices is not None and value not in self.choices:
            allowed = ", ".join(repr(c) for c in self.choices)
            raise OptionError(f"{key} = {value!r} is not one of {allowed}")
        if self.validate is not None:
            try:
                return self.validate(value)
            except OptionError as exc:
                raise OptionError(f"{key}: {exc}") from None
        if self.choices is None and type(value) is not type(self.default):
            raise OptionError(
                f"{key} must be a {type(self.default).__name__}, not {type(value).__name__}"
            )
        return value


class Context:
    """What a rule may know besides the document: its options, the file name, and the
    facts the link checker found (``links``: URL as written -> ``LinkFact``; None when
    links were not checked)."""

    # A plain class, not a dataclass: creating a dataclass costs about 1 ms at start-up.
    __slots__ = ("filename", "links", "options")

    def __init__(
        self,
        options: Mapping[str, Any] | None = None,
        filename: str = "-",
        links: Mapping[str, Any] | None = None,
    ) -> None:
        self.options: Mapping[str, Any] = {} if options is None else options
        self.filename = filename
        self.links = links


class Rule:
    """Base class of all rules. Subclasses set the metadata and implement ``check``.

    The class docstring is the rule's Markdown documentation (What it does / Why /
    Example / Fix safety / Options); ``awesome-lint rule CODE`` prints it.
    """

    code: ClassVar[str]
    name: ClassVar[str]
    summary: ClassVar[str]
    fix: ClassVar[FixAvailability] = "none"
    default: ClassVar[bool] = True  # False: opt-in, enabled only by exact code/name or ALL
    # "warning": reported like any finding, but alone it does not make the exit code 1
    severity: ClassVar[Literal["error", "warning"]] = "error"
    # Profiles that turn this (opt-in) rule on: profile = "awesome" in the configuration.
    profiles: ClassVar[frozenset[str]] = frozenset()
    options: ClassVar[Mapping[str, Option]] = {}
    # Options read from another rule's table when not set in this rule's own:
    # option key -> that rule's code (the venue rules share venue-format's venues).
    shared_options: ClassVar[Mapping[str, str]] = {}
    # What a fix of this rule may do beyond plain edits (for the fixer's invariants).
    removes_entries: ClassVar[bool] = False
    rewrites_urls: ClassVar[bool] = False

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        raise NotImplementedError

    # -- helpers for subclasses ------------------------------------------------------

    @classmethod
    def doc(cls) -> str:
        import inspect

        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def url(cls) -> str:
        anchor = f"{cls.code}-{cls.name}".lower()
        return DOCS_URL.format(anchor=anchor)

    @classmethod
    def option_defaults(cls) -> dict[str, Any]:
        return {key: option.default for key, option in cls.options.items()}

    def report(
        self,
        message: str,
        start: int,
        end: int,
        fix: Fix | None = None,
        related: tuple[Related, ...] = (),
    ) -> Diagnostic:
        return Diagnostic(self.code, self.name, message, start, end, fix, related)

    def replace(
        self,
        message: str,
        start: int,
        end: int,
        content: str,
        *,
        unsafe: bool = False,
    ) -> Fix:
        """A one-edit fix with this rule's applicability flags."""
        return Fix.replace(
            message,
            start,
            end,
            content,
            Applicability.UNSAFE if unsafe else Applicability.SAFE,
            removes_entries=1 if self.removes_entries else 0,
            rewrites_urls=self.rewrites_urls,
        )
