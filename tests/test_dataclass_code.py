"""Dataclass methods from code kept by an earlier run (``evkin.dataclass_code``): the classes
behave exactly as compiled afresh, a damaged or foreign file is ignored, and nothing is written
where Python would write no bytecode either."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import evkin
from evkin import dataclass_code

# Classes of every kind dataclasses writes methods for, then what they do, as JSON.
SCRIPT = r'''
import builtins, dataclasses, json, sys
from types import CodeType
import evkin
import evkin.findings  # some of evkin's own classes too

@dataclasses.dataclass(frozen=True)
class Frozen:
    name: str
    items: tuple[int, ...] = ()
    extra: list[str] = dataclasses.field(default_factory=list, compare=False)

@dataclasses.dataclass
class Plain:
    a: int
    b: str = "b"
    c: dict[str, int] = dataclasses.field(default_factory=dict)

@dataclasses.dataclass(order=True, kw_only=True)
class Ordered:
    x: int
    y: int = 0

f = Frozen("n", (1, 2))
try:
    f.name = "other"
    frozen = False
except dataclasses.FrozenInstanceError:
    frozen = True
store = dataclasses.exec.store
same = all(
    next(c for c in code.co_consts if isinstance(c, CodeType))
    == _fresh.__code__ and code.co_filename == "<string>"
    for text, code in store.known.items()
    for _fresh in [(lambda ns: (builtins.exec(text, {}, ns), ns["__create_fn__"])[1])({})])
print(json.dumps({
    "added": store.added, "known": len(store.known), "same_code": same,
    "frozen": frozen, "eq": f == Frozen("n", (1, 2), ["ignored"]), "hash": hash(f) == hash(
        Frozen("n", (1, 2))), "repr": repr(f), "plain": repr(Plain(1)),
    "mutable": Plain(1).c is not Plain(1).c, "order": Ordered(x=1) < Ordered(x=2),
    "fields": [x.name for x in dataclasses.fields(Frozen)],
}))
'''


def run(tmp: Path, env: dict[str, str] | None = None) -> dict[str, object]:
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    environment.update({"PYTHONPYCACHEPREFIX": str(tmp / "pycache"), **(env or {})})
    done = subprocess.run([sys.executable, "-c", SCRIPT], env=environment, capture_output=True,
                          text=True, check=True)
    result: dict[str, object] = json.loads(done.stdout)
    return result


def kept_file(tmp: Path) -> Path:
    source = Path(dataclass_code.__file__).resolve()
    found = list((tmp / "pycache").rglob("dataclass_code.*.code"))
    assert len(found) == 1, found
    assert source.parent.as_posix().lstrip("/") in found[0].as_posix()
    return found[0]


EXPECTED = {"frozen": True, "eq": True, "hash": True, "repr": "Frozen(name='n', items=(1, 2), "
            "extra=[])", "plain": "Plain(a=1, b='b', c={})", "mutable": True, "order": True,
            "fields": ["name", "items", "extra"]}


def test_a_second_run_compiles_nothing_and_its_classes_behave_the_same(tmp_path: Path) -> None:
    first = run(tmp_path)
    assert first["added"] is True
    assert {k: first[k] for k in EXPECTED} == EXPECTED
    path = kept_file(tmp_path)
    second = run(tmp_path)
    assert second["added"] is False  # every method's code came from the kept file
    assert second["known"] == first["known"]
    assert second["same_code"] is True  # the kept code is what exec(text) compiles
    assert {k: second[k] for k in EXPECTED} == EXPECTED
    assert path.stat().st_mode & 0o777 == Path(dataclass_code.__file__).stat().st_mode & 0o666


def test_a_damaged_or_foreign_file_is_ignored_and_written_afresh(tmp_path: Path) -> None:
    run(tmp_path)
    path = kept_file(tmp_path)
    good = path.read_bytes()
    for bad in (b"", good[: len(good) // 2], b"evkin-dataclass-code\n\x00\x00\x0d\x0a\x00"
                + good[len(dataclass_code.HEADER):], dataclass_code.HEADER + b"\xff" * 40):
        path.write_bytes(bad)
        again = run(tmp_path)
        assert again["added"] is True
        assert {k: again[k] for k in EXPECTED} == EXPECTED
        assert path.read_bytes().startswith(dataclass_code.HEADER)
        assert run(tmp_path)["added"] is False


def test_code_of_another_kind_in_the_file_is_not_executed(tmp_path: Path) -> None:
    """A file holding something other than text -> code (as a planted one might) is dropped."""
    import marshal

    run(tmp_path)
    path = kept_file(tmp_path)
    path.write_bytes(dataclass_code.HEADER + marshal.dumps(["not", "a", "mapping"]))
    assert run(tmp_path)["added"] is True


def test_nothing_is_written_where_python_writes_no_bytecode(tmp_path: Path) -> None:
    run(tmp_path, {"PYTHONDONTWRITEBYTECODE": "1"})
    assert not list((tmp_path / "pycache").rglob("*.code"))


def test_evkin_installs_it_once() -> None:
    import dataclasses

    bound = dataclasses.exec  # type: ignore[attr-defined]
    assert bound.store.path == dataclass_code.cache_path()
    dataclass_code.install()
    assert dataclasses.exec is bound  # type: ignore[attr-defined]
    assert evkin.__version__
