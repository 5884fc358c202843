"""YAML alias bombs and deep nesting are refused, located, within the same memory ceiling as
the 50 MB CSV (tests/test_limits.py): nothing is expanded, the line is named."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evkin.yamlfile import MAX_DEPTH, YamlProblem, parse
from tests.conftest import copy_sample
from tests.test_limits import EVAL, limited


def bomb(levels: int = 9, width: int = 9) -> str:
    """A billion-laughs document: ``width ** levels`` strings once expanded."""
    lines = ["a0: &a0 [" + ", ".join(["lol"] * width) + "]"]
    for n in range(1, levels + 1):
        lines.append(f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


def merge_bomb(levels: int = 9, width: int = 9) -> str:
    """The same with merge keys (``<<``), which PyYAML copies before building anything."""
    lines = ["m0: &m0 {k: 1, l: 2}"]
    for n in range(1, levels + 1):
        refs = ", ".join([f"*m{n - 1}"] * width)
        lines.append(f"m{n}: &m{n}\n  <<: [{refs}]\n  x{n}: {n}")
    return "\n".join(lines) + "\n"


def test_an_alias_is_refused_at_its_own_line() -> None:
    with pytest.raises(YamlProblem) as caught:
        parse("a: &x [1, 2]\nb: 3\nc: *x\n")
    assert caught.value.line == 3
    said = str(caught.value.detail)
    assert "alias YAML" in said and "baris 1" in said


def test_bombs_and_deep_nesting_are_refused_without_expanding() -> None:
    for text in (bomb(), merge_bomb()):
        with pytest.raises(YamlProblem, match="alias YAML"):
            parse(text)
    deep = "x: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n"
    with pytest.raises(YamlProblem, match="lebih dari 32 tingkat") as caught:
        parse(deep, line_offset=4)
    assert caught.value.line == 5
    assert parse("x: " + "[" * 20 + "1" + "]" * 20 + "\n")  # ordinary nesting still reads


@settings(max_examples=40, deadline=None)
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=5),
                    lambda inner: st.lists(inner, max_size=3)
                    | st.dictionaries(st.text(min_size=1, max_size=5), inner, max_size=3),
                    max_leaves=12))
def test_plain_yaml_without_aliases_reads_as_before(value: object) -> None:
    import yaml

    text = yaml.safe_dump({"v": value}, allow_unicode=True)
    # As PyYAML itself reads it (its own round trip folds a few characters, e.g. U+0085).
    assert parse(text) == yaml.safe_load(text)


def test_bombs_in_every_file_evkin_reads_are_named_under_a_memory_ceiling(tmp_path: Path
                                                                         ) -> None:
    root = copy_sample(tmp_path / "repo", init_git=False)
    folder = root / EVAL
    note = folder / "dokumen" / "01-nota-dinas-penugasan.md"
    note.write_text(note.read_text(encoding="utf-8").replace(
        "---\n", "---\n" + bomb(), 1), encoding="utf-8")
    (folder / "rekomendasi.yml").write_text("# bom\n" + bomb(), encoding="utf-8")
    (folder / "tindak-lanjut.yml").write_text(merge_bomb(), encoding="utf-8")
    check = limited(root, "check", EVAL)
    assert "Traceback" not in check.stderr and "MemoryError" not in check.stderr, check.stderr
    assert check.returncode == 1, check.stdout + check.stderr
    out = check.stdout
    assert f"{EVAL}/dokumen/01-nota-dinas-penugasan.md:3: " in out and "alias YAML" in out
    assert f"{EVAL}/rekomendasi.yml:3: " in out
    assert f"{EVAL}/tindak-lanjut.yml:3: " in out

    trail = root / "persetujuan" / "2025-tahunan.yml"
    trail.write_text(trail.read_text(encoding="utf-8") + bomb().replace("a0:", "zz0:"),
                     encoding="utf-8")
    approvals = limited(root, "approvals", "2025-tahunan")
    assert "Traceback" not in approvals.stderr and "MemoryError" not in approvals.stderr
    assert approvals.returncode != 0
    assert "persetujuan/2025-tahunan.yml" in approvals.stdout + approvals.stderr
    assert "alias YAML" in approvals.stdout + approvals.stderr

    settings_file = root / "evkin.yml"
    settings_file.write_text(bomb() + settings_file.read_text(encoding="utf-8"),
                             encoding="utf-8")
    broken = limited(root, "check", EVAL)
    assert "Traceback" not in broken.stderr and "MemoryError" not in broken.stderr
    assert broken.returncode == 2
    assert "evkin.yml:2" in broken.stdout + broken.stderr and "alias YAML" in broken.stderr


def test_huge_yaml_is_refused_before_it_is_built(tmp_path: Path) -> None:
    """A 50 MB paste and a megabyte of tiny values: named, within the memory ceiling."""
    root = copy_sample(tmp_path / "repo", init_git=False)
    folder = root / EVAL
    with (folder / "tindak-lanjut.yml").open("w", encoding="utf-8") as fh:
        while fh.tell() < 50 * 1024 * 1024:
            fh.write("- rekomendasi: 2024-tahunan-R1\n  status: selesai\n  uraian: "
                     + "y" * 200 + "\n")
    (folder / "rekomendasi.yml").write_text("# tempel\n- " + "[" + "1," * 600_000 + "1]\n",
                                            encoding="utf-8")
    check = limited(root, "check", EVAL)
    assert "Traceback" not in check.stderr and "MemoryError" not in check.stderr, check.stderr
    assert check.returncode == 1, check.stdout + check.stderr
    assert f"{EVAL}/tindak-lanjut.yml:1: " in check.stdout
    assert "melebihi batas 5 MB" in check.stdout
    assert f"{EVAL}/rekomendasi.yml:2: " in check.stdout
    assert "lebih dari 200.000 nilai YAML" in check.stdout
