"""``assembly.assemble`` is the only door to a report: the modules that show a report (render/*,
the site's page builders, the pull-request comment, ``evkin status``, ``docx``, ``summary``,
``check``) receive the assembled report and load, check, compute, verify and ask Git nothing
themselves. Read from the source (``ast``), so a new import that breaks it fails here, named.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "scripts" / "evkin"

# The modules that show an assembled report.
OUTPUTS = sorted([
    *(p.relative_to(PACKAGE).as_posix() for p in (PACKAGE / "render").glob("*.py")),
    *(f"site/{name}.py" for name in (
        "attachments", "body", "figures", "flowchart", "generate", "html", "indexes", "links",
        "paths", "recommendations", "report", "safe", "search", "slots", "sop_page", "trend")),
    "report/prcomment.py", "evaluation/summary.py",
    *(f"commands/{name}.py" for name in ("check", "comment", "docx", "status", "summary")),
])

# Whole modules that load, check, verify or ask Git: only the assembly (and below) uses them.
MODULES = {
    "evkin.evaluation.workspace": "loads and checks evaluation folders",
    "evkin.evaluation.load": "loads evaluation folders",
    "evkin.evaluation.rules": "checks an evaluation",
    "evkin.evaluation.crosscheck": "checks across evaluations",
    "evkin.approval.verdicts": "verifies approval trails",
    "evkin.site.verify": "verifies approval trails",
    "evkin.approval.approved_inputs": "reads a final report's inputs from Git",
    "evkin.gitrepo": "asks Git",
    "evkin.approval.pullgit": "asks Git",
    "evkin.site.gitstate": "asks Git",
    "git": "asks Git (GitPython)",
}
# Names that compute a figure the assembly already computed (types from the same modules, such
# as ``capaian.Result``, are what an output receives and stay allowed).
NAMES = {
    "evkin.evaluation.capaian": {"compute", "compute_all", "averages", "evaluate"},
    "evkin.report.progress": {"facts_of", "progress", "holiday_years"},
    "evkin.approval.trail": {"verify_trail", "record_signed", "committed_settings",
                             "folder_tree"},
    "evkin.evaluation.recommendations": {"read_folder", "gather", "ledger_of", "rows_for",
                                         "follow_up_rows", "records_by_id"},
    "evkin.timing": {"indonesian_holidays"},
}

# Each exception: (module, imported name) → why it is not a second way to a report.
ALLOWED = {
    ("site/body.py", "evkin.evaluation.load.normalise_heading"):
        "a pure text helper (a heading's words as the loader compares them); reads no file",
    ("site/report.py", "evkin.evaluation.load.normalise_heading"):
        "a pure text helper (a heading's words as the loader compares them); reads no file",
    ("site/recommendations.py", "evkin.evaluation.recommendations.build_ledger"):
        "the archive-wide tracker page joins the assembled records of the reports it shows "
        "(a figure of the archive, not of one report); the records come from the assembly",
    ("site/generate.py", "evkin.timing.indonesian_holidays"):
        "the tracker page counts working days up to today, beyond the years the assembled "
        "timelines name",
    ("commands/check.py", "evkin.evaluation.workspace.resolve_folders"):
        "turns the paths typed on the command line into folders to assemble (names only, "
        "nothing loaded)",
    ("commands/comment.py", "evkin.gitrepo"):
        "the comment's collecting job reads what the pull request changes between its base "
        "and head (changed files, word diff, figure diff): Git's facts about the change, not "
        "a figure of the report, which it takes from the assembly",
    ("commands/comment.py", "evkin.approval.pullgit"):
        "the same: the pull request's base, head and changed files, from Git",
}


def _type_checking_nodes(tree: ast.AST) -> set[int]:
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skip |= {id(n) for n in ast.walk(node)}
    return skip


def imports(path: Path) -> Iterator[tuple[str, int]]:
    """Every name imported at run time (``module`` or ``module.name``), with its line; also
    ``alias.name`` where a whole module was imported and one of its names is used."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _type_checking_nodes(tree)
    aliases: dict[str, str] = {}
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            for alias in node.names:
                aliases[alias.asname or alias.name.split(".")[0]] = (
                    alias.name if alias.asname else alias.name.split(".")[0])
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                aliases[alias.asname or alias.name] = full
                yield full, node.lineno
    for node in ast.walk(tree):
        if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                and node.value.id in aliases and id(node) not in skip):
            yield f"{aliases[node.value.id]}.{node.attr}", node.lineno


def forbidden(name: str) -> str | None:
    """Why ``name`` may not be imported by an output, or ``None``."""
    for module, why in MODULES.items():
        if name == module or name.startswith(module + "."):
            return why
    module, _, attr = name.rpartition(".")
    if attr in NAMES.get(module, set()):
        return f"computes what the assembly computed ({module}.{attr})"
    return None


def violations() -> list[str]:
    out = []
    for rel in OUTPUTS:
        for name, line in imports(PACKAGE / rel):
            why = forbidden(name)
            allowed = any((rel, prefix) in ALLOWED for prefix in
                          (name, *(name.rsplit(".", n)[0] for n in range(1, name.count(".")))))
            if why and not allowed:
                out.append(f"{rel}:{line} imports {name}: {why}")
    return sorted(set(out))


def test_outputs_receive_the_assembled_report_and_compute_nothing() -> None:
    assert violations() == []


def test_every_listed_output_and_exception_exists() -> None:
    """A renamed module or a healed exception shows here, so the lists cannot rot."""
    assert all((PACKAGE / rel).is_file() for rel in OUTPUTS), OUTPUTS
    used = {(rel, name) for rel in OUTPUTS for name, _ in imports(PACKAGE / rel)}
    stale = [key for key in ALLOWED if key not in used]
    assert stale == []
    # Every guarded module still exists where named (a move must carry the lists along).
    missing = [m for m in [*MODULES, *NAMES] if m != "git" and not any(
        (PACKAGE.parent / (m.replace(".", "/") + suffix)).exists()
        for suffix in (".py", "/__init__.py"))]
    assert missing == []


def test_the_check_catches_a_renderer_that_loads_and_computes(tmp_path: Path) -> None:
    """The test can fail: an output that loads a folder, computes capaian and asks Git is
    named, each import with its line."""
    module = tmp_path / "printer.py"
    module.write_text(
        "from evkin.evaluation.load import load_evaluation\n"
        "from evkin import gitrepo\n"
        "from evkin.evaluation import capaian\n"
        "from evkin.evaluation.capaian import Result\n"
        "def show(folder, settings):\n"
        "    ev = load_evaluation(folder, settings).evaluation\n"
        "    return capaian.evaluate(ev, 'A', None, None, None), gitrepo.read_source(folder)\n",
        encoding="utf-8")
    found = {name: forbidden(name) for name, _ in imports(module)}
    assert found["evkin.evaluation.load.load_evaluation"] == "loads evaluation folders"
    assert found["evkin.evaluation.capaian.evaluate"] == \
        "computes what the assembly computed (evkin.evaluation.capaian.evaluate)"
    assert found["evkin.gitrepo"] == "asks Git"
    assert found["evkin.evaluation.capaian.Result"] is None  # the type an output receives


def test_the_trail_verifier_has_one_home_below_the_assembly() -> None:
    """``assembly`` and the archive's memory of verdicts both use ``verdicts``; neither keeps
    its own copy (a function calling ``verify_trail`` itself), and the assembly reaches no
    module of the site above it."""
    for rel in ("report/assembly.py", "site/verify.py"):
        names = {name for name, _ in imports(PACKAGE / rel)}
        assert any(n.startswith("evkin.approval.verdicts") for n in names), rel
        assert "evkin.approval.trail.verify_trail" not in names, rel
    assert not [n for n, _ in imports(PACKAGE / "report/assembly.py")
                if n.startswith("evkin.site")]
    assert not [n for n, _ in imports(PACKAGE / "approval/verdicts.py") if n.startswith(
        ("evkin.site", "evkin.report.assembly", "evkin.render"))]


def test_the_assembly_writes_nothing() -> None:
    """No side effects: the assembly opens no file for writing (the emblem as approved is
    written by the renderer that needs it, ``render.pdf.place_assets``)."""
    tree = ast.parse((PACKAGE / "report/assembly.py").read_text(encoding="utf-8"))
    writers = {"write_atomic", "write_bytes", "write_text", "mkdir", "write_output"}
    calls = [ast.unparse(n.func) for n in ast.walk(tree) if isinstance(n, ast.Call)
             and isinstance(n.func, (ast.Attribute, ast.Name))
             and (n.func.attr if isinstance(n.func, ast.Attribute) else n.func.id) in writers]
    assert calls == []
