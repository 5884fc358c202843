"""One module per outside thing: git, SMTP, pandoc/Typst, pyHanko, HTTP. Read from the source
(ast), so a new ``subprocess.run(["git", ...])`` or ``import smtplib`` in another module fails
here with the file and line, before review. Each exception is listed with its reason."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "scripts" / "evkin"
STARTERS = {"run", "Popen", "call", "check_call", "check_output"}

# Outside library (top-level import name) → the one module that talks to it, and the other
# modules allowed to, each with why.
OWNERS: dict[str, tuple[str, dict[str, str]]] = {
    "git": ("gitrepo.py", {}),  # GitPython
    "smtplib": ("archive/notify.py", {}),
    "pypandoc": ("render/markup.py", {}),
    "typst": ("render/typst_engine.py", {}),
    "pyhanko": ("archive/pades.py", {}),
    "pyhanko_certvalidator": ("archive/pades.py", {}),
    "urllib.request": ("forge/http.py", {
        "archive/esign.py": "BSrE's eSign API: its own outside thing, with its own error mapping",
        "portal/source.py": "another agency's published archive, read by the province portal "
                            "(size-capped, file:// too)",
        "published_site.py": "this agency's own published archive (situs.url): the previous "
                             "release for publish, the manifest for verify",
    }),
    "urllib.error": ("forge/http.py", {
        "archive/esign.py": "see urllib.request", "portal/source.py": "see urllib.request",
        "published_site.py": "see urllib.request",
    }),
    "http.client": ("forge/http.py", {}),
    "requests": ("forge/http.py", {}),
}

# Programs other than git that evkin starts, and where (each is that program's one module).
PROGRAMS: dict[str, str] = {
    "gitrepo.py": "git (gitrepo.start, the one way)",
    "signing.py": "ssh-keygen: SSH signatures are made and checked here, beside their parsing",
    "render/markup.py": "pandoc (Markdown to Typst)",
    "render/docx.py": "pandoc (the Word copy)",
    "site/search.py": "Pagefind (the search index)",
    "files.py": "Python itself (old releases deleted in a process nobody waits for)",
}


def modules() -> Iterator[tuple[str, ast.Module]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        yield path.relative_to(PACKAGE).as_posix(), ast.parse(path.read_text("utf-8"))


def imported(tree: ast.Module) -> Iterator[tuple[str, int]]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module, node.lineno


def process_starts(tree: ast.Module) -> Iterator[ast.Call]:
    """Calls of ``subprocess.run`` and its kin (however ``subprocess`` was imported)."""
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if (isinstance(func, ast.Attribute) and func.attr in STARTERS
                and isinstance(func.value, ast.Name) and func.value.id == "subprocess"):
            yield node
        elif isinstance(func, ast.Name) and func.id in STARTERS | {"Popen"}:
            yield node  # from subprocess import run


def starts_git(call: ast.Call) -> bool:
    """A process start whose command names ``git`` anywhere in a literal list."""
    for arg in call.args[:1]:
        if isinstance(arg, ast.List | ast.Tuple):
            return any(isinstance(e, ast.Constant) and e.value == "git" for e in arg.elts)
    return False


def test_only_gitrepo_starts_git_and_in_one_way() -> None:
    outside, inside = [], []
    for rel, tree in modules():
        for call in process_starts(tree):
            if starts_git(call):
                (inside if rel == "gitrepo.py" else outside).append(f"{rel}:{call.lineno}")
    assert not outside, f"git started outside gitrepo.py (use gitrepo.start): {outside}"
    assert not inside, f"gitrepo.py starts git around its one command line: {inside}"
    # git's command line is written once (``gitrepo.command``); every process gitrepo starts
    # is that command: ``start`` runs it, the object reader keeps one open.
    gitrepo = dict(modules())["gitrepo.py"]
    lines = [node.lineno for node in ast.walk(gitrepo) if isinstance(node, ast.List)
             and any(isinstance(e, ast.Constant) and e.value == "git" for e in node.elts)]
    assert len(lines) == 1, f"git's command line is written in more than one place: {lines}"
    calls = list(process_starts(gitrepo))
    assert calls and all(
        isinstance(call.args[0], ast.Call) and isinstance(call.args[0].func, ast.Name)
        and call.args[0].func.id == "command" for call in calls), [c.lineno for c in calls]


def test_processes_are_started_only_by_their_programs_modules() -> None:
    found = sorted({f"{rel}:{call.lineno}" for rel, tree in modules()
                    for call in process_starts(tree) if rel not in PROGRAMS})
    assert not found, f"a program started outside its module ({PROGRAMS}): {found}"


def test_each_outside_library_is_imported_by_its_module_only() -> None:
    wrong = []
    for rel, tree in modules():
        for name, line in imported(tree):
            for library, (owner, allowed) in OWNERS.items():
                if name != library and not name.startswith(library + "."):
                    continue
                if rel != owner and rel not in allowed:
                    wrong.append(f"{rel}:{line} imports {name} (its module: {owner})")
    assert not wrong, "\n".join(wrong)


def test_the_listed_owners_and_exceptions_exist() -> None:
    """An exception for a module that is gone, or no longer needs it, is removed from here."""
    uses: dict[str, set[str]] = {}
    for rel, tree in modules():
        for name, _ in imported(tree):
            for library in OWNERS:
                if name == library or name.startswith(library + "."):
                    uses.setdefault(library, set()).add(rel)
    stale = [f"{library}: {rel}" for library, (owner, allowed) in OWNERS.items()
             for rel in allowed if rel not in uses.get(library, set())]
    assert not stale, f"exceptions that no longer apply: {stale}"
    for rel in [*PROGRAMS, *(owner for owner, _ in OWNERS.values())]:
        assert (PACKAGE / rel).is_file(), f"{rel} moved: name it here where it now is"


def test_the_checks_see_what_they_are_meant_to_catch() -> None:
    """The scanner itself: the forms a hurried change would take are found."""
    sample = ast.parse(
        "import subprocess\nfrom subprocess import run\nimport smtplib\n"
        "from urllib.request import urlopen\n"
        "subprocess.run(['git', 'log'])\nrun(['git', '-C', 'x', 'status'])\n"
        "subprocess.check_output(('ssh-keygen', '-l'))\n")
    assert [c.lineno for c in process_starts(sample) if starts_git(c)] == [5, 6]
    assert len(list(process_starts(sample))) == 3
    assert {n for n, _ in imported(sample)} == {"subprocess", "smtplib", "urllib.request"}
