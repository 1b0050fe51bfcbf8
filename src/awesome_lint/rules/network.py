"""What the network rules share: the links of a document with the checker's facts."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from awesome_lint.parser.document import Document, Link
from awesome_lint.rules.base import Context
from awesome_lint.rules.common import distinct_links


def links_with_facts(document: Document, context: Context, kind: str) -> Iterator[tuple[Link, Any]]:
    """Each link whose URL the checker found to be of ``kind`` (nothing without a check)."""
    facts = context.links
    if not facts:
        return
    for link in distinct_links(document):
        fact = facts.get(link.url_value.strip())
        if fact is not None and fact.kind == kind:
            yield link, fact
