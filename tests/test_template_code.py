"""The page templates' compiled code kept between builds (``site.template_code``): a build
that finds it compiles no template and writes the same site; a changed template and a
damaged file are compiled afresh."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from evkin.site import template_code
from evkin.site.build import run_mkdocs


def _tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*"))
            if p.is_file() and "pagefind" not in p.parts}


@pytest.fixture
def compiled(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[str]:
    """The templates Jinja compiles from source, by name; the code kept under tmp_path."""
    names: list[str] = []
    original = jinja2.Environment.compile

    def compile(self: jinja2.Environment, source: object, name: str | None = None,
                *args: object, **kwargs: object) -> object:
        names.append(str(name))
        return original(self, source, name, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(jinja2.Environment, "compile", compile)
    monkeypatch.setattr(template_code, "folder", lambda: tmp_path / "kode")
    monkeypatch.setattr("sys.dont_write_bytecode", False)
    return names


def test_a_second_build_compiles_no_template_and_writes_the_same_site(
        tmp_path: Path, compiled: list[str]) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# Beranda\n\nCapaian 81,17 %.\n", encoding="utf-8")
    run_mkdocs(tmp_path, tmp_path / "a")
    assert "main.html" in compiled and "base.html" in compiled
    kept = sorted((tmp_path / "kode").iterdir())
    assert kept

    compiled.clear()
    run_mkdocs(tmp_path, tmp_path / "b")
    assert compiled == []
    assert _tree(tmp_path / "b") == _tree(tmp_path / "a")

    for path in kept:  # damaged (a disk full mid-write on another machine): compiled again
        path.write_bytes(path.read_bytes()[:40])
    run_mkdocs(tmp_path, tmp_path / "c")
    assert "main.html" in compiled
    assert _tree(tmp_path / "c") == _tree(tmp_path / "a")


def test_a_changed_template_is_compiled_afresh(tmp_path: Path, compiled: list[str]) -> None:
    docs, overrides = tmp_path / "docs", tmp_path / "tema"
    docs.mkdir()
    overrides.mkdir()
    (docs / "index.md").write_text("# Beranda\n", encoding="utf-8")
    hooks = Path(template_code.__file__).with_name("mkdocs_hooks.py")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Arsip\ntheme:\n  name: material\n  custom_dir: tema\n"
        f"hooks: [{hooks.as_posix()}]\n", encoding="utf-8")
    (overrides / "main.html").write_text(
        '{% extends "base.html" %}{% block footer %}<p>versi satu</p>{% endblock %}',
        encoding="utf-8")
    run_mkdocs(tmp_path, tmp_path / "a")
    (overrides / "main.html").write_text(
        '{% extends "base.html" %}{% block footer %}<p>versi dua</p>{% endblock %}',
        encoding="utf-8")
    compiled.clear()
    run_mkdocs(tmp_path, tmp_path / "b")
    # Material reads its language partials with a Jinja of its own while MkDocs loads the
    # configuration, before the site's templates exist: those it compiles either way.
    assert "main.html" in compiled and "base.html" not in compiled
    assert "versi dua" in (tmp_path / "b" / "index.html").read_text(encoding="utf-8")
