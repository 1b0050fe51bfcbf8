"""Inputs the fuzzer (fuzz/fuzz_fix.py) once failed on: each must keep every promise now."""

from __future__ import annotations

from pathlib import Path

import pytest

from invariants import check_invariants

CASES = sorted((Path(__file__).parent / "fuzz_regressions").glob("*"))


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_fuzz_regression(case: Path) -> None:
    check_invariants(case.read_bytes())
