"""Small value classes without ``@dataclass``: equality, hash, repr from their fields.

``@dataclass`` writes each class's methods as source text and compiles it at import:
about 0.5 ms a class (1 ms for ``slots=True``, which builds the class twice), and a
run of ``check`` imports about thirty of them, a fifth of the start-up. A class that
derives from :class:`Record` (or :class:`FrozenRecord`) names its fields in
``_fields`` (with ``__slots__ = _fields``) and writes its own ``__init__`` taking them
in that order; it gets what the dataclass gave it: ``==`` over the fields (same class
only), ``repr`` as ``Name(field=value, ...)``, a hash for frozen records (none for
mutable ones, like a dataclass with ``eq=True``), ``copy``/``pickle`` support, and
:func:`replace`.
"""

from __future__ import annotations

from dataclasses import FrozenInstanceError
from typing import Any, TypeVar

_R = TypeVar("_R", bound="Record")


class Record:
    """A mutable record: its fields are ``_fields``, in ``__init__``'s order."""

    __slots__: tuple[str, ...] = ()
    _fields: tuple[str, ...] = ()  # in __init__'s order (also the repr's and equality's)

    def _values(self) -> tuple[Any, ...]:
        return tuple([getattr(self, name) for name in self._fields])

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Record) and other.__class__ is self.__class__:
            return self._values() == other._values()
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable: unhashable, as a dataclass with eq=True

    _hidden: tuple[str, ...] = ()  # fields left out of the repr (back-references, caches)

    def __repr__(self) -> str:
        values = ", ".join(
            f"{name}={getattr(self, name)!r}" for name in self._fields if name not in self._hidden
        )
        return f"{type(self).__qualname__}({values})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), self._values())


class FrozenRecord(Record):
    """An immutable, hashable record; ``__init__`` sets fields with ``object.__setattr__``."""

    __slots__: tuple[str, ...] = ()

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(self._values())

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")


def replace(record: _R, **changes: Any) -> _R:
    """A copy of ``record`` with some fields changed (``dataclasses.replace``)."""
    values = {name: getattr(record, name) for name in record._fields}
    values.update(changes)
    return type(record)(**values)
