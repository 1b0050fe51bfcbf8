"""Unified diffs of a file before and after fixing, in time linear in its size.

``difflib`` compares every line with every other one it may match, which is
quadratic on large lists full of repeated lines (blank lines, `---`). A fix
changes a few lines here and there, so a greedy walk that re-synchronises
within a small window after each difference finds the same hunks in linear
time. Where no re-synchronisation point lies within the window, the window is
reported as replaced: the diff stays correct, only less tight.

Lines end at ``\\n`` only (as ``patch`` reads them); a ``\\r`` stays part of its line.
"""

from __future__ import annotations

from awesome_lint.lazyre import lazy_compile

WINDOW = 64  # lines looked ahead for a re-synchronisation point
CONFIRM = 3  # lines that must agree there (fewer at the end of the file)
CONTEXT = 3

_LINE = lazy_compile(r"[^\n]*\n|[^\n]+")

Opcode = tuple[str, int, int, int, int]


def split_lines(text: str) -> list[str]:
    return _LINE.findall(text)


def opcodes(a: list[str], b: list[str]) -> list[Opcode]:
    """Like ``difflib.SequenceMatcher.get_opcodes``, found greedily."""
    ops: list[Opcode] = []
    i = j = 0
    n, m = len(a), len(b)
    while i < n and j < m:
        if a[i] == b[j]:
            i0, j0 = i, j
            while i < n and j < m and a[i] == b[j]:
                i += 1
                j += 1
            ops.append(("equal", i0, i, j0, j))
            continue
        di, dj = _resync(a, b, i, j)
        ops.extend(_refine(a, b, i, di, j, dj))
        i += di
        j += dj
    if i < n or j < m:
        ops.append((_tag(n - i, m - j), i, n, j, m))
    return ops


def _refine(a: list[str], b: list[str], i: int, di: int, j: int, dj: int) -> list[Opcode]:
    """Split a changed block (at most WINDOW lines a side) around the lines it keeps.

    The re-synchronisation needs CONFIRM equal lines, so a block can hold single
    unchanged lines between changed ones; without this they would show as removed and
    added again. ``difflib`` is quadratic only in the block's size, which is bounded.
    """
    if not (di and dj):
        return [(_tag(di, dj), i, i + di, j, j + dj)]
    import difflib

    matcher = difflib.SequenceMatcher(None, a[i : i + di], b[j : j + dj], autojunk=False)
    return [(tag, i + a1, i + a2, j + b1, j + b2) for tag, a1, a2, b1, b2 in matcher.get_opcodes()]


def _tag(di: int, dj: int) -> str:
    return "replace" if di and dj else "delete" if di else "insert"


def _resync(a: list[str], b: list[str], i: int, j: int) -> tuple[int, int]:
    """The smallest (di, dj) after which ``a`` and ``b`` agree again."""
    positions: dict[str, list[int]] = {}
    for dj in range(min(WINDOW, len(b) - j) + 1):
        key = b[j + dj] if j + dj < len(b) else ""
        positions.setdefault(key, []).append(dj)
    best: tuple[int, int] | None = None
    for di in range(min(WINDOW, len(a) - i) + 1):
        if best is not None and di >= best[0] + best[1]:
            break
        key = a[i + di] if i + di < len(a) else ""
        for dj in positions.get(key, ()):
            if best is not None and di + dj >= best[0] + best[1]:
                break
            if (di or dj) and _agree(a, b, i + di, j + dj):
                best = (di, dj)
                break
    if best is None:
        return min(WINDOW, len(a) - i), min(WINDOW, len(b) - j)
    return best


def _agree(a: list[str], b: list[str], i: int, j: int) -> bool:
    """Whether a[i:] and b[j:] start with the same CONFIRM lines (or both end first)."""
    for k in range(CONFIRM):
        left = a[i + k] if i + k < len(a) else None
        right = b[j + k] if j + k < len(b) else None
        if left != right:
            return False
        if left is None:
            return True
    return True


def _range(start: int, stop: int) -> str:
    length = stop - start
    if length == 1:
        return str(start + 1)
    return f"{start if not length else start + 1},{length}"


def unified_diff(old_text: str, new_text: str, name: str) -> str:
    """A unified diff with ``CONTEXT`` lines of context, headed ``--- name`` / ``+++ name``."""
    a, b = split_lines(old_text), split_lines(new_text)
    ops = opcodes(a, b)
    changes = [k for k, op in enumerate(ops) if op[0] != "equal"]
    if not changes:
        return ""
    out = [f"--- {name}\n", f"+++ {name}\n"]
    # group changes whose equal gap is at most 2 * CONTEXT lines
    groups: list[list[int]] = [[changes[0]]]
    for k in changes[1:]:
        gap = sum(op[2] - op[1] for op in ops[groups[-1][-1] + 1 : k])
        if gap <= 2 * CONTEXT:
            groups[-1].append(k)
        else:
            groups.append([k])
    for group in groups:
        first, last = ops[group[0]], ops[group[-1]]
        i1, i2 = max(0, first[1] - CONTEXT), min(len(a), last[2] + CONTEXT)
        j1, j2 = max(0, first[3] - CONTEXT), min(len(b), last[4] + CONTEXT)
        out.append(f"@@ -{_range(i1, i2)} +{_range(j1, j2)} @@\n")
        out.extend(_mark(" ", line) for line in a[i1 : first[1]])  # leading context
        for tag, a1, a2, b1, b2 in ops[group[0] : group[-1] + 1]:
            if tag == "equal":
                out.extend(_mark(" ", line) for line in a[a1:a2])
            else:
                out.extend(_mark("-", line) for line in a[a1:a2])
                out.extend(_mark("+", line) for line in b[b1:b2])
        out.extend(_mark(" ", line) for line in a[last[2] : i2])  # trailing context
    return "".join(out)


def _mark(prefix: str, line: str) -> str:
    if line.endswith("\n"):
        return prefix + line
    return prefix + line + "\n\\ No newline at end of file\n"
