from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.lazyre import lazy_compile
from awesome_lint.links.papers import link_roles
from awesome_lint.links.roles import AUX_WORDS, PAPER_LABELS
from awesome_lint.parser.document import Document
from awesome_lint.rules.base import Context, Rule
from awesome_lint.rules.common import prose_entries
from awesome_lint.venues.typo import distance

# Resource labels paper lists write, besides the words that give a link its role.
EXTRA_LABELS: frozenset[str] = frozenset(
    {
        *("leaderboard", "demo", "demos", "dataset", "slides", "video", "website", "benchmark"),
        *("homepage", "webpage", "project page", "github", "supplementary", "pretrained"),
        *("online demo", "source code", "official code", "blog post", "code", "paper", "pdf"),
        *("project", "poster", "pytorch", "tensorflow", "video", "talk", "tutorial", "survey"),
    }
)
# Names of venues and publishers (AL207 reads their typos) and of sites are no words.
_NAMES = frozenset(
    {"arxiv", "openreview", "springer", "semantic scholar", "acl anthology", "pmlr", "zhihu"}
)
VOCABULARY: frozenset[str] = frozenset(
    label
    for label in AUX_WORDS | PAPER_LABELS | EXTRA_LABELS
    if len(label.replace(" ", "")) >= 4 and label not in _NAMES
)
_VOCABULARY_WORDS: frozenset[str] = frozenset(
    word for label in AUX_WORDS | PAPER_LABELS | EXTRA_LABELS for word in label.split()
)
# The letters of a short label (one or two words), with what surrounds them in the label.
_LABEL = lazy_compile(r"[\[\\*_ \t]*([A-Za-z]+(?:[ -][A-Za-z]+)?)[\]\\*_ \t]*")
# Only links whose label names a resource or the paper: not a title, venue or date.
_ROLES = frozenset({"aux", "paper"})
# The file's spelling must be written this often, and this many times as often as
# the rare one, to be the spelling the rare one missed.
_OFTEN = 5
_TIMES = 5
_TIMES_OFTEN = 20  # for a label written _OFTEN times or more
# A case-only variant of a label the file writes this often, and this many times as
# often as the variant, is a slip too (`[[paper]]` among 782 `[[Paper]]`).
_CASE_OFTEN = 20
_CASE_TIMES = 20
_SHORTEST = 4  # letters: shorter labels (tf, hf, abs) are close to everything


def _number_habit(key: str, counts: Counter[str]) -> str | None:
    """The label's singular or plural that the file writes as a habit (20 times or
    more, and 20 times as often: `[[Codes]]` among 307 `[[Code]]`), else None."""
    n = counts[key]
    for other in (key + "s", key + "es", key[:-1], key[:-2] if key.endswith("es") else ""):
        if other and other != key and _plural(key, other):
            m = counts.get(other, 0)
            if m >= _CASE_OFTEN and m >= _CASE_TIMES * n:
                return other
    return None


def _habit(
    core: str, key: str, counts: Counter[str], spellings: dict[str, Counter[str]]
) -> tuple[str, int] | None:
    """The file's habit that the label ``core`` (its ``key``) breaks, its singular or
    plural (`Codes` among `Code`s) or else its usual case (`paper` among `Paper`s):
    (the usual spelling, how often it is written), or None."""
    other = _number_habit(key, counts)
    usual, n = spellings[other or key].most_common(1)[0]
    if other is not None or (
        core != usual and n >= _CASE_OFTEN and n >= _CASE_TIMES * spellings[key][core]
    ):
        if other is None and core in _owned_spellings():
            return None  # `GitHub` among 31 `Github`: the name as its owner writes it
        return usual, n
    return None


def _owned_spellings() -> frozenset[str]:
    """Names as their owners write them (`GitHub`, `PyTorch`: term-casing's list)."""
    from awesome_lint.rules.al707_term_casing import TERMS  # (on first need: rarely)

    return frozenset(TERMS)


def _key(label: str) -> str:
    return label.casefold().replace("-", " ")


def _plural(a: str, b: str) -> bool:
    """One is the other with a plural ending: paper/papers, slide/slides."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return long in (short + "s", short + "es")


def _reach(key: str) -> int:
    return 1 if len(key.replace(" ", "")) <= 7 else 2


def _swap_only(a: str, b: str) -> bool:
    """Two neighbouring letters swapped: the only slip read in a four-letter word
    (``cdoe``), where one changed letter is often another word (``data``/``date``)."""
    if len(a) != len(b):
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]


def _slips(a: str, b: str, limit: int, *, change: bool) -> int:
    """The optimal-string-alignment distance of ``a`` and ``b`` (a letter added,
    dropped, or two neighbours swapped: one slip each; a letter changed: one slip when
    ``change``, else two), or ``limit + 1`` once it is known to exceed ``limit``."""
    if change:
        return distance(a, b, limit)
    la, lb = len(a), len(b)
    if abs(la - lb) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(lb + 1))
    for i in range(1, la + 1):
        cur = [i] + [0] * lb
        for j in range(1, lb + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 2
            d = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d = min(d, prev2[j - 2] + 1)
            cur[j] = d
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return min(prev[lb], limit + 1)


def _fewest_slips(a: str, b: str, *, change: bool) -> int:
    """A lower bound of ``_slips(a, b, ..., change=change)``, cheap to compute: each
    letter one word uses and the other lacks needs an edit. An added or dropped letter
    makes one letter used by one word only, a changed letter one on each side (one slip
    when ``change``, else two), a swap none: so ``change`` needs at least as many slips
    as either side has such letters, and without it as many as both sides together."""
    only_a, only_b = len(set(a) - set(b)), len(set(b) - set(a))
    return max(only_a, only_b) if change else only_a + only_b


def _near(key: str, target: str, *, change: bool) -> int | None:
    """The distance of ``key`` to ``target`` when it reads as a misspelling, else None.
    ``change``: a changed letter counts as one slip (against the file's own frequent
    labels); against the vocabulary it does not (``Touch``, ``Modal`` are words)."""
    if key == target or _plural(key, target):
        return None
    letters = len(key.replace(" ", ""))
    if letters < _SHORTEST or len(target.replace(" ", "")) < _SHORTEST:
        return None
    if letters == _SHORTEST or len(target.replace(" ", "")) == _SHORTEST:
        return 1 if _swap_only(key, target) else None
    limit = _reach(key)
    if _fewest_slips(key, target, change=change) > limit:
        return None  # (most pairs: told apart by the letters they use, without _slips)
    d = _slips(key, target, limit, change=change)
    if d > limit:
        return None
    if d == 2 and _ending_only(key, target):
        return None  # "supplemental" / "supplementary": another form of the word
    return d


def _dropped(short: str, long: str) -> bool:
    """``short`` is ``long`` with one letter left out (not its first)."""
    return any(long[:i] + long[i + 1 :] == short for i in range(1, len(long)))


def _ending_only(a: str, b: str) -> bool:
    """The words differ only in their last three letters (an ending, not a slip)."""
    same = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        same += 1
    return same >= max(len(a), len(b)) - 3


def _cased(word: str, like: str) -> str:
    """``word`` in the case pattern of ``like``."""
    if like.isupper():
        return word.upper()
    if like.islower():
        return word.lower()
    if like[:1].isupper():
        return " ".join(part[:1].upper() + part[1:] for part in word.split(" "))
    return word


class LabelTypo(Rule):
    """
    ## What it does

    Finds a link label that is a misspelling of a resource label: `[[Pyotrch]](u)`
    in a file that writes `[[Pytorch]](u)` dozens of times, `[leadboard](u)` for
    `leaderboard`. Only short labels (one or two words, letters only) of links
    beside the entry's title are read, and compared, ignoring case, with the
    labels the file writes at least five times (and five times as often as the
    rare one) and with a vocabulary of resource labels (`code`, `demo`,
    `dataset`, `leaderboard`, `slides`, `video`, `website`, ...). A label is a
    misspelling when one letter is added, dropped, changed or two neighbours are
    swapped (two such slips in labels longer than seven letters; in four-letter
    labels only a swap; a three-letter label written once is read only as a
    letter dropped from a four-letter label the file writes 20 times or more,
    `[[Cde]]` among `[[Code]]`s). A label the file writes five times or more is its own,
    unless the near label is written twenty times as often (a slip pasted five
    times, `[[PyTroch]]` among 217 `[[Pytorch]]`). A label written in another
    case than the file's habit is reported too where the habit is written at
    least 20 times and 20 times as often (`[[paper]]` among 776 `[[Paper]]`; but
    never a name written as its owner writes it, `[[GitHub]]` among 31 `[[Github]]`:
    see term-casing, AL707, for the list), and
    so is a singular or plural against such a habit (`[[Codes]]` among 307
    `[[Code]]`).
    Not reported: a label that is in the vocabulary, a rarer case-only
    difference, singular and plural (`slide`/`slides`), labels with digits
    (venues, dates), acronyms in capitals (venue names: AL207's business) and
    titles (an entry's only link is its title unless its label has brackets of
    its own: `Title <br> Arxiv 2025 [[paper]](u)`).

    ## Why

    A misspelt label reads as a slip on the rendered page and escapes a search
    for the resource (`Pytorch` finds every implementation but that one).

    ## Example

    ```markdown
    - Unsupervised Video Adaptation [[ECCV2022]](https://example.org/p) [[Pyotrch]](https://github.com/a/b)
    ```

    becomes, in a file writing `[[Pytorch]]` by habit,

    ```markdown
    - Unsupervised Video Adaptation [[ECCV2022]](https://example.org/p) [[Pytorch]](https://github.com/a/b)
    ```

    ## Fix safety

    Unsafe: the label is replaced by the file's spelling (or the vocabulary word
    in the label's own case), and an odd label may be a name on purpose.

    A label that its own link's address holds (`[ProjectQ](https://github.com/
    ProjectQ-Framework/ProjectQ)`, one letter from `Project`) is a name, not a
    misspelling (its case is still compared with the file's habit).

    ## Options

    None.
    """

    code = "AL115"
    name = "label-typo"
    summary = "A link label looks like a misspelling of a resource label, or breaks its case"
    fix = "unsafe"

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        text = document.text
        # each label's letters: span, key, and whether its link's address holds it
        found: list[tuple[int, int, str, bool]] = []
        counts: Counter[str] = Counter()
        spellings: dict[str, Counter[str]] = {}
        for entry in prose_entries(document):
            # at most the entry's leading link: its title, unless its label is in
            # brackets of its own (`Title <br> Arxiv 2025 [[paper]](u)`)
            lead = entry.link
            if len(entry.links) < 2 and lead is not None and text[lead.text[0]] != "[":
                continue
            for link, role in link_roles(document, entry):
                if role not in _ROLES:
                    continue
                start, end = link.text
                match = _LABEL.fullmatch(text, start, end)
                if match is None:
                    continue
                core = match.group(1)
                key = _key(core)
                counts[key] += 1
                spelt = spellings.get(key)
                if spelt is None:
                    spelt = spellings[key] = Counter()
                spelt[core] += 1
                own = len(core) >= 4 and core.lower() in link.url_value.lower()
                found.append((match.start(1), match.end(1), key, own))
        if not found:
            return
        often = [key for key, n in counts.items() if n >= _OFTEN]
        best: dict[str, tuple[str, int] | None] = {}
        habits: dict[str, tuple[str, int] | None] = {}  # by label as written
        for start, end, key, own in found:
            if key not in best:
                best[key] = self._suggest(key, counts, often)
            suggestion = best[key]
            if suggestion is None:
                core = text[start:end]
                if core not in habits:
                    habits[core] = _habit(core, key, counts, spellings)
                habit = habits[core]
                if habit is not None:
                    usual, n = habit
                    yield self.report(
                        f"Link label {core!r} is written {usual!r} {n} times in this file",
                        start,
                        end,
                        self.replace(f"Write {usual!r}", start, end, usual, unsafe=True),
                    )
                continue
            target, n = suggestion
            core = text[start:end]
            if core.isupper() and " " not in core:
                continue  # an acronym: a venue or a name, not a word
            if own:
                continue  # `[ProjectQ](…/ProjectQ-Framework/ProjectQ)`: its own name
            new = spellings[target].most_common(1)[0][0] if n else _cased(target, core)
            written = f"written {n} times" if n else "a common resource label"
            yield self.report(
                f"Link label {core!r} looks like a misspelling of {new!r} ({written})",
                start,
                end,
                self.replace(f"Write {new!r}", start, end, new, unsafe=True),
            )

    @staticmethod
    def _suggest(key: str, counts: Counter[str], often: list[str]) -> tuple[str, int] | None:
        """The label ``key`` misspells: (its key, how often the file writes it, or 0 for
        a vocabulary word the file writes rarely), or None when none or several fit."""
        n = counts[key]
        if key in VOCABULARY:
            return None
        words = key.split()
        if all(
            word in _VOCABULARY_WORDS or (len(words) > 1 and counts[word] >= _OFTEN)
            for word in words
        ):
            return None  # "unofficial code": known words, not a misspelt one
        # a label the file writes often is its own, unless a near one is far more common
        # (a slip pasted five times: [[PyTroch]] among 217 [[Pytorch]])
        times = _TIMES if n < _OFTEN else _TIMES_OFTEN
        if any(key.endswith(t) and _plural(key, t) for t in VOCABULARY):
            return None
        hits: dict[str, int] = {}
        for target in often:
            if counts[target] < times * n:
                continue
            if len(key) == _SHORTEST - 1 and n == 1 and counts[target] >= _TIMES_OFTEN:
                # three letters: only a letter dropped from a four-letter label the file
                # writes 20 times or more (`Cde` among `Code`s)
                if len(target) == _SHORTEST and _dropped(key, target):
                    hits[target] = 1
                continue
            d = _near(key, target, change=True)
            if d is not None:
                hits[target] = d
        for target in VOCABULARY if n < _OFTEN else ():
            if target in hits:
                continue
            d = _near(key, target, change=False)
            if d is not None:
                hits[target] = d
        if not hits:
            return None
        nearest = min(hits.values())
        targets = [t for t, d in hits.items() if d == nearest]
        if len(targets) != 1:
            return None
        target = targets[0]
        return (target, counts[target] if counts[target] >= _OFTEN else 0)
