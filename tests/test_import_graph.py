"""No import cycle in dashboard/, and the geoparser's modules stay small: rules, enforced.

The graph is read from the source with ast: every import statement (in functions and under
TYPE_CHECKING too), and the packages an import runs on the way ('from .geoparse.kinds import x'
runs geoparse/__init__.py first).
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "dashboard"
MAX_LINES = 400


def module_name(path: Path) -> str:
    """Return the dotted name of a module file under ROOT."""
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    """Return every module of the dashboard package by dotted name."""
    return {module_name(path): path for path in PACKAGE.rglob("*.py")
            if "static" not in path.parts}


def imported(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """Return the dashboard modules one module imports, directly."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            submodules = {f"{base}.{alias.name}" for alias in node.names
                          if f"{base}.{alias.name}" in known}
            found |= submodules
            if len(submodules) < len(node.names):  # it takes names from the module itself
                found.add(base)
    return {target for target in found if target in known}


def with_packages(importer: str, target: str) -> set[str]:
    """Return a target and the packages importing it runs first (not the importer's own)."""
    parts = target.split(".")
    ancestors = {".".join(parts[:n]) for n in range(1, len(parts))}
    own = {importer.rsplit(".", n)[0] for n in range(importer.count(".") + 1)}
    return {target} | (ancestors - own)


def graph() -> dict[str, set[str]]:
    """Return the import graph of the dashboard package."""
    known = modules()
    return {name: {edge for target in imported(name, path, known)
                   for edge in with_packages(name, target)} - {name}
            for name, path in known.items()}


def cycle(edges: dict[str, set[str]]) -> list[str]:
    """Return one import cycle as a path of modules, or [] if there is none."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        path.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        state[node] = 2
        path.pop()
        return []

    for node in sorted(edges):
        if node not in state and (found := visit(node)):
            return found
    return []


def test_the_graph_sees_the_imports_that_matter():
    edges = graph()
    assert "dashboard.core.gazetteer" in edges["dashboard.core.geoparse.matching"]
    assert "dashboard.core.lexicon" in edges["dashboard.core.documents"]
    assert cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]


def test_no_import_cycle_in_the_dashboard_package():
    assert cycle(graph()) == []


@pytest.mark.parametrize("folder", ["core/geoparse", "core/lexicon"])
def test_the_geoparsers_modules_stay_under_400_lines(folder):
    long = {path.name: n for path in (PACKAGE / folder).glob("*.py")
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}
