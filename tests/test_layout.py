"""The house (README, "The house"): modules import one way, with no cycle; the product never
imports the development tooling; an import of mailproc inside a function says why (start-up)."""
from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "mailproc"


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def _imports(path: Path, name: str, modules) -> list[tuple[str, ast.stmt, bool]]:
    """(imported module, statement, inside a function?) for every import of a mailproc module."""
    tree = ast.parse(path.read_text(), str(path))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out = []

    def visit(node, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inner = in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef))
            if isinstance(child, ast.Import):
                out.extend((a.name, child, in_function) for a in child.names)
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    base = ".".join(package.split(".")[: len(package.split(".")) - child.level + 1] + [base]).strip(".")
                for alias in child.names:
                    full = f"{base}.{alias.name}"
                    out.append((full if full in modules else base, child, in_function))
            visit(child, inner)

    visit(tree, False)
    return [(m, stmt, f) for m, stmt, f in out if m in modules or m.split(".")[0] == "tools"]


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: {m for m, _, _ in _imports(path, name, modules) if m in modules and m != name}
            for name, path in modules.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index, low, stack, on, result, counter = {}, {}, [], set(), [], [0]

    def strong(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                result.append(sorted(component))

    sys.setrecursionlimit(10_000)
    for v in graph:
        if v not in index:
            strong(v)
    return result


def test_no_module_imports_itself_back_through_others():
    """Every import, at module level and inside functions: no cycle between modules.
    (A package's ``__init__`` importing its own modules would count; none does.)"""
    graph = _graph()
    assert len(graph) > 60
    assert _cycles(graph) == []


def test_the_cycle_check_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_the_product_never_imports_tools():
    modules = _modules()
    offenders = [f"{path.relative_to(ROOT)}:{stmt.lineno}" for name, path in modules.items()
                 for m, stmt, _ in _imports(path, name, modules) if m.split(".")[0] == "tools"]
    assert offenders == []


def test_an_import_inside_a_function_says_why():
    """Allowed only to keep start-up fast, with a comment on the line or the one above."""
    modules = _modules()
    silent = []
    for name, path in modules.items():
        lines = path.read_text().splitlines()
        for _, stmt, in_function in _imports(path, name, modules):
            if not in_function:
                continue
            here, above = lines[stmt.lineno - 1], lines[stmt.lineno - 2] if stmt.lineno > 1 else ""
            block_comment = any("#" in lines[i] and "start-up" in lines[i] for i in range(max(0, stmt.lineno - 4), stmt.lineno))
            if "#" not in here and not above.strip().startswith("#") and not block_comment:
                silent.append(f"{path.relative_to(ROOT)}:{stmt.lineno}")
    assert silent == []


@pytest.mark.skipif(shutil.which("lint-imports", path=str(Path(sys.executable).parent)) is None,
                    reason="import-linter is not installed (pip install -e '.[dev]')")
def test_import_linter_contracts_are_kept():
    run = subprocess.run([str(Path(sys.executable).parent / "lint-imports")], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout[-2000:]
