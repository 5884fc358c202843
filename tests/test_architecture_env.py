"""One module reads the environment (``evkin/environment.py``): no other module of the package
reads an ``EVKIN_*`` variable, names one, or calls ``os.getenv``/``os.environ.get``. Passing the
whole environment on to a child process (``{**os.environ, ...}``, ``dict(os.environ)``) stays
where the child is started. The guides and README list the variables from that module."""

from __future__ import annotations

import ast
import re

from evkin import environment

from .conftest import PROJECT

PACKAGE = PROJECT / "scripts" / "evkin"
ENV_MODULE = PACKAGE / "environment.py"
NAME = re.compile(r"EVKIN_[A-Z0-9_]+")


def _passed_on(node: ast.Attribute, parents: dict[ast.AST, ast.AST]) -> bool:
    """``os.environ`` handed whole to a child: ``{**os.environ, ...}`` or ``dict(os.environ)``."""
    parent = parents.get(node)
    if isinstance(parent, ast.Dict) and any(k is None and v is node
                                            for k, v in zip(parent.keys, parent.values,
                                                            strict=True)):
        return True
    return (isinstance(parent, ast.Call) and isinstance(parent.func, ast.Name)
            and parent.func.id == "dict" and parent.args == [node])


def environment_reads(source: str, where: str) -> list[str]:
    """Every place in ``source`` that reads the environment or names an EVKIN_ variable."""
    tree = ast.parse(source)
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    found = []
    for node in ast.walk(tree):
        line = f"{where}:{getattr(node, 'lineno', '?')}"
        if isinstance(node, ast.ImportFrom) and node.module == "os" and any(
                a.name in ("environ", "getenv", "environb", "getenvb") for a in node.names):
            found.append(f"{line}: from os import environ/getenv")
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) \
                and node.value.id == "os":
            if node.attr in ("getenv", "getenvb", "environb"):
                found.append(f"{line}: os.{node.attr}")
            elif node.attr == "environ" and not _passed_on(node, parents):
                found.append(f"{line}: os.environ read")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) \
                and NAME.fullmatch(node.value.strip()):
            found.append(f"{line}: names {node.value.strip()}")
    return found


def test_only_the_environment_module_reads_the_environment() -> None:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path != ENV_MODULE:
            found += environment_reads(path.read_text(encoding="utf-8"),
                                       path.relative_to(PROJECT).as_posix())
    assert not found, "ask evkin.environment instead:\n" + "\n".join(found)


def test_the_rule_catches_each_way_of_reading() -> None:
    """The check itself: each way a module could read a variable is caught; handing the whole
    environment to a child process is not."""
    caught = [
        'import os\nx = os.environ.get("EVKIN_TOKEN")',
        'import os\nx = os.environ["HOME"]',
        'import os\nx = os.getenv("SOURCE_DATE_EPOCH")',
        'from os import environ',
        'import os\nenv = os.environ\n',
        'NAME = "EVKIN_SMTP_HOST"',
        'import os\nos.environ["EVKIN_KUNCI_CONTOH"] = "izinkan"',
    ]
    for source in caught:
        assert environment_reads(source, "m.py"), source
    for source in ('import os\nenv = {**os.environ, "LC_ALL": "C"}',
                   'import os\nenv = dict(os.environ)',
                   '"""Set ``EVKIN_RECORD_KEY`` as a secret."""',
                   'MESSAGE = "setel EVKIN_RECORD_KEY dulu"'):
        assert not environment_reads(source, "m.py"), source


def test_every_variable_the_guides_and_workflows_name_is_declared() -> None:
    declared = {v.name for v in environment.VARIABLES} | set(environment.NOT_READ_BY_EVKIN)
    places = [PROJECT / "README.md", *sorted((PROJECT / "docs").rglob("*.md")),
              *sorted((PROJECT / ".github" / "workflows").glob("*.yml")),
              *sorted((PACKAGE / "templates").rglob("*.yml"))]
    unknown = {f"{path.relative_to(PROJECT)}: {name}" for path in places
               for name in NAME.findall(path.read_text(encoding="utf-8"))
               if name not in declared and not name.endswith("_")}
    assert not unknown, sorted(unknown)
    for name in NAME.findall(ENV_MODULE.read_text(encoding="utf-8")):
        assert name in declared or name.endswith("_"), name


def test_readme_lists_every_variable_evkin_reads() -> None:
    text = (PROJECT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## Configuration"):]
    section = section[:section.index("\n## ", 4)]
    listed = set(NAME.findall(section))
    evkin_reads = {v.name for v in environment.VARIABLES}
    assert evkin_reads <= listed, sorted(evkin_reads - listed)
    assert "environment.py" in section


def test_every_variable_says_what_it_is_for() -> None:
    names = [v.name for v in environment.VARIABLES]
    assert len(names) == len(set(names))
    for variable in environment.VARIABLES:
        assert variable.doc and variable.where, variable.name
