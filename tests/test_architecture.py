"""The package's rooms stay as the README draws them: rooms by SOP stage, each importing only
from its own room and the rooms below it, no import circles, and evkin's own modules imported
inside functions only where ``evkin --help`` speed needs it (the commands)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import evkin

PACKAGE = Path(evkin.__file__).parent

# Lowest first. A room may import its own modules and those of rooms before it.
ROOMS = ("ground", "evaluation", "approval", "forge", "render", "report", "record", "site",
         "archive", "portal", "commands")
# Ground: the modules at the package's top level (settings, sop, messages, clock, git, ...).
TOP = ("cli", "__main__")  # the command line sits above every room
# Imports that point up on purpose, each with its reason.
UPWARD_ALLOWED = {
    ("evkin.commands.demo", "evkin.cli"):
        "the demo runs every step through the real command line, as a user would type it",
}


def room(module: str) -> str:
    parts = module.split(".")
    if module in MODULES and MODULES[module].name == "__init__.py" and len(parts) == 2:
        return parts[1] if parts[1] != "catalogue" else "ground"  # a room's own __init__
    if len(parts) == 1:
        return "ground"  # the package's own __init__: its version
    if len(parts) == 2 or parts[1] == "catalogue":
        return "top" if parts[1] in TOP else "ground"
    return parts[1]


def modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


MODULES = modules()


def imports(module: str, path: Path) -> Iterator[tuple[str, int, bool]]:
    """(imported evkin module, line, inside a function) for each import of evkin's own code."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    is_pkg = path.name == "__init__.py"

    def targets(node: ast.Import | ast.ImportFrom) -> list[str]:
        if isinstance(node, ast.Import):
            return [a.name for a in node.names if a.name.split(".")[0] == "evkin"]
        base = node.module or ""
        if node.level:
            pkg = module.split(".") if is_pkg else module.split(".")[:-1]
            base = ".".join(pkg[: len(pkg) - node.level + 1] + ([base] if base else []))
        if base.split(".")[0] != "evkin":
            return []
        return [f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base
                for a in node.names]

    def walk(node: ast.AST, inside: bool) -> Iterator[tuple[str, int, bool]]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                continue
            if isinstance(child, (ast.Import, ast.ImportFrom)):
                for target in targets(child):
                    if target in MODULES and target != module:
                        yield target, child.lineno, inside
            else:
                yield from walk(child, inside or isinstance(
                    child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)))

    yield from walk(tree, False)


GRAPH = {m: list(imports(m, p)) for m, p in MODULES.items()}


def test_every_module_lives_in_a_known_room() -> None:
    unknown = {m for m in MODULES if room(m) not in (*ROOMS, "top")}
    assert not unknown, f"add these rooms to ROOMS in the right order: {sorted(unknown)}"


def test_no_room_imports_from_a_room_above_it() -> None:
    order = {name: i for i, name in enumerate((*ROOMS, "top"))}
    upward = [f"{m}:{line} imports {target} ({room(m)} -> {room(target)})"
              for m, edges in GRAPH.items()
              for target, line, _ in edges
              if order[room(target)] > order[room(m)] and (m, target) not in UPWARD_ALLOWED]
    assert not upward, "\n".join(upward)


def test_no_import_circles_even_through_imports_inside_functions() -> None:
    edges = {m: {t for t, _, _ in es} for m, es in GRAPH.items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    circles: list[list[str]] = []

    def visit(v: str) -> None:  # Tarjan's strongly connected components
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in edges[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    for v in edges:
        if v not in index:
            visit(v)
    assert not circles, circles


def test_evkins_own_modules_are_imported_inside_functions_only_by_commands() -> None:
    """A command module is imported for ``evkin --help`` with every other command: it imports
    what its ``run`` needs inside ``run`` (``evkin.cli``'s docstring). Everywhere else an import
    inside a function hides a circle or a dependency the reader should see at the top."""
    inner = [f"{m}:{line} imports {target}" for m, edges in GRAPH.items()
             if room(m) not in ("commands", "top")
             for target, line, inside in edges if inside]
    assert not inner, "\n".join(inner)
