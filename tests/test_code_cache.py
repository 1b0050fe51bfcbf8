"""The command line's code cache (``codecache``): a module comes from it only while its
source is exactly what the cached code was compiled from; anything else is imported the
way Python imports it."""

from __future__ import annotations

import importlib.resources
import inspect
import marshal
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from awesome_lint import codecache
from awesome_lint.codecache import CodeCache

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "messy-paper-list.md"
PACKAGE = "codecache_demo"
needs_cpython = pytest.mark.skipif(
    sys.implementation.name != "cpython", reason="the cache holds CPython's code objects"
)


@pytest.fixture
def demo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A throwaway package ``codecache_demo`` (a module, a subpackage with a data file)
    on ``sys.path``; its modules are forgotten afterwards. Python may write bytecode
    (whatever ``PYTHONDONTWRITEBYTECODE`` says where the suite runs)."""
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    root = tmp_path / "site"
    folder = root / PACKAGE
    (folder / "sub").mkdir(parents=True)
    (folder / "__init__.py").write_text("")
    (folder / "mod.py").write_text("VALUE = 1\n\n\ndef where():\n    return __file__\n")
    (folder / "sub" / "__init__.py").write_text("NAME = 'sub'\n")
    (folder / "sub" / "leaf.py").write_text(f"from {PACKAGE}.mod import VALUE\nLEAF = VALUE + 10\n")
    (folder / "sub" / "data.txt").write_text("payload\n")
    sys.path.insert(0, str(root))
    try:
        yield folder
    finally:
        sys.path.remove(str(root))
        _forget()


def _forget() -> None:
    for name in [n for n in sys.modules if n == PACKAGE or n.startswith(PACKAGE + ".")]:
        del sys.modules[name]


def _import(cache: CodeCache, name: str) -> object:
    """Import ``name`` afresh with ``cache`` first on ``sys.meta_path``."""
    for module in [n for n in sys.modules if n.startswith(PACKAGE + ".")]:
        del sys.modules[module]
    sys.meta_path.insert(0, cache)
    try:
        return __import__(name, fromlist=["_"])
    finally:
        sys.meta_path.remove(cache)


def _loader(name: str) -> str:
    return type(sys.modules[name].__spec__.loader).__name__


def _edit(path: Path, text: str, *, same_size: bool = False) -> None:
    """Rewrite ``path``; its modification time moves on by a second either way."""
    before = path.stat()
    if same_size:
        assert len(text.encode()) == before.st_size
    path.write_text(text)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000_000))


@needs_cpython
def test_a_second_run_takes_the_code_from_the_file(demo: Path, tmp_path: Path) -> None:
    path = str(tmp_path / "code.marshal")
    first = CodeCache(path, str(demo), PACKAGE)
    assert first.missed  # no file yet
    leaf = _import(first, f"{PACKAGE}.sub.leaf")
    assert leaf.LEAF == 11  # type: ignore[attr-defined]
    assert _loader(f"{PACKAGE}.sub.leaf") == "SourceFileLoader"
    first.save()
    assert not first.missed
    header, entries = marshal.loads(Path(path).read_bytes())
    assert header[-1] == str(demo)
    assert sorted(entries) == [f"{PACKAGE}.mod", f"{PACKAGE}.sub", f"{PACKAGE}.sub.leaf"]
    assert entries[f"{PACKAGE}.sub"][:4] == (
        os.path.join("sub", "__init__.py"),
        len("NAME = 'sub'\n"),
        (demo / "sub" / "__init__.py").stat().st_mtime_ns,
        True,
    )

    second = CodeCache(path, str(demo), PACKAGE)
    leaf = _import(second, f"{PACKAGE}.sub.leaf")
    assert not second.missed
    assert leaf.LEAF == 11  # type: ignore[attr-defined]
    for name in (f"{PACKAGE}.mod", f"{PACKAGE}.sub", f"{PACKAGE}.sub.leaf"):
        assert _loader(name) == "_CachedLoader"
    # the module is an ordinary source module: location, package path, resources, source
    mod = sys.modules[f"{PACKAGE}.mod"]
    assert mod.__file__ == str(demo / "mod.py")
    assert mod.where() == str(demo / "mod.py")
    assert sys.modules[f"{PACKAGE}.sub"].__path__ == [str(demo / "sub")]
    assert (importlib.resources.files(f"{PACKAGE}.sub") / "data.txt").read_text() == "payload\n"
    assert inspect.getsource(mod.where).startswith("def where():")
    modified = os.stat(path).st_mtime_ns
    second.save()  # nothing missed: nothing written
    assert os.stat(path).st_mtime_ns == modified


@needs_cpython
@pytest.mark.parametrize("same_size", [False, True])
def test_an_edited_source_is_imported_from_the_source(
    demo: Path, tmp_path: Path, same_size: bool
) -> None:
    path = str(tmp_path / "code.marshal")
    first = CodeCache(path, str(demo), PACKAGE)
    _import(first, f"{PACKAGE}.mod")
    first.save()
    new = "VALUE = 2\n" if same_size else "VALUE = 2  # edited\n"
    _edit(
        demo / "mod.py",
        (demo / "mod.py").read_text().replace("VALUE = 1\n", new),
        same_size=same_size,
    )

    second = CodeCache(path, str(demo), PACKAGE)
    assert _import(second, f"{PACKAGE}.mod").VALUE == 2  # type: ignore[attr-defined]
    assert _loader(f"{PACKAGE}.mod") == "SourceFileLoader"
    assert second.missed
    second.save()  # the entry now follows the edit
    third = CodeCache(path, str(demo), PACKAGE)
    assert _import(third, f"{PACKAGE}.mod").VALUE == 2  # type: ignore[attr-defined]
    assert _loader(f"{PACKAGE}.mod") == "_CachedLoader"
    assert not third.missed


@needs_cpython
def test_a_deleted_module_is_not_found_and_its_entry_is_dropped(demo: Path, tmp_path: Path) -> None:
    path = str(tmp_path / "code.marshal")
    first = CodeCache(path, str(demo), PACKAGE)
    _import(first, f"{PACKAGE}.sub.leaf")
    first.save()
    (demo / "sub" / "leaf.py").unlink()
    second = CodeCache(path, str(demo), PACKAGE)
    with pytest.raises(ModuleNotFoundError):
        _import(second, f"{PACKAGE}.sub.leaf")
    assert second.missed
    second.save()
    _header, entries = marshal.loads(Path(path).read_bytes())
    assert sorted(entries) == [f"{PACKAGE}.mod", f"{PACKAGE}.sub"]


@needs_cpython
@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not marshal data",
        marshal.dumps(("another", "layout", "entirely")),
        marshal.dumps(((0, "2.7", "cpython-27", 0, "elsewhere"), {})),
    ],
)
def test_a_damaged_or_foreign_file_only_means_importing_as_usual(
    demo: Path, tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "code.marshal"
    path.write_bytes(content)
    cache = CodeCache(str(path), str(demo), PACKAGE)
    assert cache.entries == {}
    assert _import(cache, f"{PACKAGE}.mod").VALUE == 1  # type: ignore[attr-defined]
    assert _loader(f"{PACKAGE}.mod") == "SourceFileLoader"


@needs_cpython
def test_an_entry_whose_code_is_damaged_is_compiled_from_the_source(
    demo: Path, tmp_path: Path
) -> None:
    path = str(tmp_path / "code.marshal")
    first = CodeCache(path, str(demo), PACKAGE)
    _import(first, f"{PACKAGE}.mod")
    first.save()
    header, entries = marshal.loads(Path(path).read_bytes())
    relative, size, mtime_ns, is_package, _code = entries[f"{PACKAGE}.mod"]
    entries[f"{PACKAGE}.mod"] = (relative, size, mtime_ns, is_package, b"\x00garbage")
    Path(path).write_bytes(marshal.dumps((header, entries)))
    second = CodeCache(path, str(demo), PACKAGE)
    assert _import(second, f"{PACKAGE}.mod").VALUE == 1  # type: ignore[attr-defined]
    assert second.missed


@needs_cpython
def test_nothing_is_written_when_python_writes_no_bytecode(
    demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    cache = CodeCache(str(tmp_path / "code.marshal"), str(demo), PACKAGE)
    _import(cache, f"{PACKAGE}.mod")
    cache.save()
    assert list(tmp_path.iterdir()) == [tmp_path / "site"]


def test_the_file_is_per_interpreter_and_installation(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("AWESOME_LINT_CACHE_DIR", "")
    assert codecache.default_cache_path("/one/site-packages/awesome_lint") is None
    monkeypatch.setenv("AWESOME_LINT_CACHE_DIR", str(tmp_path))
    one = codecache.default_cache_path("/one/site-packages/awesome_lint")
    two = codecache.default_cache_path("/two/site-packages/awesome_lint")
    if sys.implementation.name != "cpython":
        assert one is None
        return
    assert one is not None and two is not None
    assert one != two
    assert one == codecache.default_cache_path("/one/site-packages/awesome_lint")
    assert Path(one).parent == tmp_path
    assert Path(one).name.startswith(f"code-{sys.implementation.cache_tag}-")
    # FNV-1a's published check values
    assert codecache._fnv1a("") == 0x811C9DC5
    assert codecache._fnv1a("a") == 0xE40C292C
    assert codecache._fnv1a("foobar") == 0xBF9CF968


def _command_line(folder: str, *args: str, write_bytecode: bool = True) -> str:
    """What a fresh ``python -m awesome_lint`` process prints, with this cache folder."""
    env = {**os.environ, "AWESOME_LINT_CACHE_DIR": folder}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if not write_bytecode:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    completed = subprocess.run(
        [sys.executable, "-m", "awesome_lint", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
    )
    assert completed.returncode in (0, 1), completed.stderr
    return completed.stdout


@needs_cpython
def test_the_command_line_writes_the_file_once_and_serves_the_package_from_it(
    tmp_path: Path,
) -> None:
    args = ("check", "--isolated", "--output-format", "concise", str(EXAMPLE))
    cold = _command_line(str(tmp_path), *args)
    [file] = tmp_path.glob("code-*.marshal")
    modified = file.stat().st_mtime_ns
    _header, entries = marshal.loads(file.read_bytes())
    assert {"awesome_lint.cli", "awesome_lint.rules.al101_entry_shape"} <= set(entries)
    warm = _command_line(str(tmp_path), *args)
    assert warm == cold
    assert cold.count("AL") > 10
    assert file.stat().st_mtime_ns == modified  # every module came from it: not rewritten
    probe = (
        "import sys, awesome_lint.__main__; "
        "print(type(sys.modules['awesome_lint.cli'].__spec__.loader).__name__)"
    )
    served = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env={**os.environ, "AWESOME_LINT_CACHE_DIR": str(tmp_path)},
    )
    assert served.stdout.strip() == "_CachedLoader"


@needs_cpython
def test_the_command_line_writes_no_file_when_asked_to_write_no_bytecode(
    tmp_path: Path,
) -> None:
    _command_line(str(tmp_path), "--version", write_bytecode=False)
    assert list(tmp_path.glob("code-*")) == []
