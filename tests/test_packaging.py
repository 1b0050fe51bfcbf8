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
