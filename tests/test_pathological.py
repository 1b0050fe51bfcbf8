"""Pathological input is checked and fixed without error (speed is measured in bench/)."""

from __future__ import annotations

import pytest

from invariants import check_invariants

CASES = {
    "deep-nesting": "".join("  " * i + "- [x](https://e.org/x): item\n" for i in range(1000)),
    "unclosed-brackets": "[" * 20000 + "\n" + "- [a](" * 5000 + "\n",
    "backtick-runs": " ".join("`" * (i % 40 + 1) for i in range(8000)) + "\n",
    "long-line": "- [T](https://e.org/t): " + "word  [x `y " * 20000 + "| OSDI 22 \n",
    "many-entries": "# L\n\n"
    + "".join(
        f"- [P{i}](https://arxiv.org/abs/2301.{i:05d}) : Sub {i} | OSDI'22\n" for i in range(3000)
    ),
    "html-and-code": (
        "<details>\n\n- [a](https://e.org/a) : b\n\n</details>\n```\n- [c](d) : e\n```\n"
    )
    * 300,
    "only-line-endings": "\r\n\r\r\n\n" * 2000,
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_pathological_input_keeps_every_promise(name: str) -> None:
    check_invariants(CASES[name].encode("utf-8"))
