"""Packaging metadata, and a README that works on a package index page and as written."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def project() -> dict[str, object]:
    data = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    return dict(data["project"])


def test_classifiers_name_every_supported_python_and_typing() -> None:
    meta = project()
    classifiers = meta["classifiers"]
    assert isinstance(classifiers, list)
    minimum = re.fullmatch(r">=3\.(\d+)", str(meta["requires-python"]))
    assert minimum is not None
    versions = {int(m.group(1)) for c in classifiers if (m := re.fullmatch(r".*:: 3\.(\d+)", c))}
    assert min(versions) == int(minimum.group(1))
    assert versions == set(range(min(versions), max(versions) + 1))
    assert "Typing :: Typed" in classifiers
    assert (REPO / "src" / "awesome_lint" / "py.typed").is_file()
    urls = meta["urls"]
    assert isinstance(urls, dict)
    assert {"Homepage", "Documentation", "Repository", "Issues", "Changelog"} <= set(urls)


def _names(requirements: list[str]) -> set[str]:
    return {re.split(r"[\s<>=!~;\[]", requirement, maxsplit=1)[0] for requirement in requirements}


def test_dev_tools_are_a_dependency_group_the_test_command_installs() -> None:
    data = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    dev = _names(data["dependency-groups"]["dev"])
    extras = data["project"]["optional-dependencies"]
    assert dev == {"ruff", "mypy"}
    published = set().union(*(_names(requirements) for requirements in extras.values()))
    assert not dev & published  # no extra of the package carries them
    assert {"pytest", "hypothesis", "pre-commit"} <= _names(extras["test"])

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    command = next(line for line in readme.splitlines() if "pytest" in line and "--group" in line)
    steps = command.split(" && ")
    [install] = [i for i, step in enumerate(steps) if "--group dev" in step]
    assert "'.[test]'" in steps[install]
    # `pip install --group` needs pip 25.1; a new venv may hold an older pip (23.2 here)
    [upgrade] = [i for i, step in enumerate(steps) if "--upgrade 'pip>=" in step]
    minimum = re.search(r"pip>=(\d+)\.(\d+)", steps[upgrade])
    assert minimum is not None and (int(minimum[1]), int(minimum[2])) >= (25, 1)
    assert upgrade < install
    tools = {step.split()[0] for step in steps[install + 1 :]}
    assert tools == {"ruff", "mypy", "python", "pytest"}


def test_readme_links_work_on_a_package_index_page() -> None:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    text = re.sub(r"```.*?```", "", text, flags=re.S)  # examples in code are no links
    text = re.sub(r"`[^`]*`", "", text)  # code spans may wrap
    targets = re.findall(r"\]\(([^)\s]+)\)", text)
    assert targets
    relative = [t for t in targets if not t.startswith(("https://", "http://", "#"))]
    assert relative == []


def test_readme_pre_commit_snippet_names_real_hooks_and_an_existing_rev() -> None:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    snippet = re.search(r"```yaml\n(repos:\n.*?)```", text, re.S)
    assert snippet is not None
    config = yaml.safe_load(snippet.group(1))
    [repo] = config["repos"]
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert {hook["id"] for hook in repo["hooks"]} <= {hook["id"] for hook in hooks}
    # a branch that always exists, or a version the changelog says was released
    released = re.findall(r"^## \[(\d+\.\d+\.\d+)\]", (REPO / "CHANGELOG.md").read_text(), re.M)
    assert repo["rev"] == "main" or repo["rev"].removeprefix("v") in released
