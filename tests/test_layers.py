"""The layers hold: only store/ speaks SQL, only use cases commit, the packages import one
another one way (no cycle) and no module outgrows 400 lines.

Modules still waiting for their move are listed; the test fails on any NEW offender (a listed
module that no longer offends is fine: take it off the list).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SQL_IMPORT = re.compile(r"^\s*(from|import) (sqlalchemy|store\.models)\b", re.M)
COMMIT = re.compile(r"\bcommit\(\)")

PACKAGES = ("bot", "store", "services", "reminders", "handlers", "cli")
MAX_LINES = 400
# Which package may import which (each also imports itself). The core imports none; the store
# only the core; the use cases the core and the store; delivery (reminders/) the use cases;
# the chat channels and the command line sit on top.
ALLOWED = {
    "bot": set(),
    "store": {"bot"},
    "services": {"bot", "store"},
    "reminders": {"bot", "store", "services"},
    "handlers": {"bot", "store", "services", "reminders"},
    "cli": {"bot", "store", "services", "reminders", "handlers"},
}

# Modules still waiting for their move (none left since issue 14 moved the outbox SQL to store/).
STILL_SQL: set[str] = set()
STILL_COMMITTING: set[str] = set()


def _modules(*dirs: str) -> list[str]:
    return sorted(
        str(p.relative_to(ROOT)) for d in dirs for p in (ROOT / d).rglob("*.py") if p.is_file()
    )


def test_no_new_module_outside_the_store_imports_sqlalchemy_or_the_models() -> None:
    offenders = {
        m
        for m in _modules("bot", "services", "handlers", "reminders", "cli")
        if SQL_IMPORT.search((ROOT / m).read_text(encoding="utf-8"))
    }
    assert offenders - STILL_SQL == set()
    assert not SQL_IMPORT.search((ROOT / "bot.py").read_text(encoding="utf-8"))


def test_no_new_handler_or_cli_command_commits() -> None:
    offenders = {
        m
        for m in _modules("handlers", "cli")
        if COMMIT.search((ROOT / m).read_text(encoding="utf-8"))
    }
    assert offenders - STILL_COMMITTING == set()


def test_the_check_sees_an_offender() -> None:
    # The patterns must match the forms used in this code base, or the tests above prove nothing.
    assert SQL_IMPORT.search("    from sqlalchemy import select\n")
    assert SQL_IMPORT.search("from store.models import OfficerRow\n")
    assert not SQL_IMPORT.search("from store.uow import UnitOfWork\n")
    assert COMMIT.search("            await uow.commit()\n")


def _imported(path: Path, root: Path) -> set[str]:
    """Every module named by an import in ``path``, at any depth (a lazy import inside a
    function, or one under TYPE_CHECKING, still ties the packages together)."""
    module = path.relative_to(root).with_suffix("").parts
    package = module if path.name == "__init__.py" else module[:-1]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolved against this module's package
                base = list(package[: len(package) - node.level + 1])
                out.add(".".join([*base, *([node.module] if node.module else [])]))
            elif node.module:
                out.add(node.module)
    return out


def package_graph(root: Path = ROOT) -> dict[str, dict[str, set[str]]]:
    """package -> imported package -> the modules of the first that import the second."""
    graph: dict[str, dict[str, set[str]]] = {p: {} for p in PACKAGES}
    for pkg in PACKAGES:
        for path in sorted((root / pkg).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            for name in _imported(path, root):
                top = name.split(".")[0]
                if top in PACKAGES and top != pkg:
                    graph[pkg].setdefault(top, set()).add(str(path.relative_to(root)))
    return graph


def cycles(graph: dict[str, dict[str, set[str]]]) -> list[list[str]]:
    """Every elementary cycle among the packages, each from its smallest name."""
    found: list[list[str]] = []

    def walk(start: str, node: str, path: list[str]) -> None:
        for nxt in sorted(graph.get(node, {})):
            if nxt == start:
                found.append([*path, start])
            elif nxt > start and nxt not in path:
                walk(start, nxt, [*path, nxt])

    for start in sorted(graph):
        walk(start, start, [start])
    return found


def test_no_import_cycle_between_the_packages() -> None:
    graph = package_graph()
    # The offending modules are named, so that a failure says where to look.
    assert [
        [f"{a} -> {b} ({', '.join(sorted(graph[a][b]))})" for a, b in zip(c, c[1:], strict=False)]
        for c in cycles(graph)
    ] == []


def test_each_package_imports_only_the_layers_beneath_it() -> None:
    graph = package_graph()
    wrong = {
        f"{pkg} -> {dep}": sorted(modules)
        for pkg, deps in graph.items()
        for dep, modules in deps.items()
        if dep not in ALLOWED[pkg]
    }
    assert wrong == {}


def test_no_module_is_over_400_lines() -> None:
    long = {
        m: n
        for m in _modules(*PACKAGES)
        if "migrations" not in Path(m).parts
        and (n := len((ROOT / m).read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def test_the_graph_sees_a_cycle_and_a_lazy_import(tmp_path: Path) -> None:
    # A cycle made by a lazy import inside a function, as services/ and reminders/ had one.
    for pkg in PACKAGES:
        (tmp_path / pkg).mkdir()
        (tmp_path / pkg / "__init__.py").write_text("")
    (tmp_path / "services" / "a.py").write_text("from reminders.planner import Planned\n")
    (tmp_path / "reminders" / "b.py").write_text("def f():\n    from services import a\n")
    (tmp_path / "store" / "repos").mkdir()
    (tmp_path / "store" / "repos" / "c.py").write_text("from ..uow import U\nimport bot.model\n")
    graph = package_graph(tmp_path)
    assert graph["services"] == {"reminders": {"services/a.py"}}
    assert graph["reminders"] == {"services": {"reminders/b.py"}}
    assert graph["store"] == {"bot": {"store/repos/c.py"}}  # the relative import stays inside
    assert cycles(graph) == [["reminders", "services", "reminders"]]
    assert cycles({"a": {"b": set()}, "b": {"c": set()}, "c": {}}) == []
