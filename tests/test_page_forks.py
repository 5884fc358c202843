"""MkDocs' page loop split over two processes (``site.page_forks``): the same site, byte for
byte, as one process builds; a page that fails in a child stops the build, naming the page."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from evkin.site import page_forks

FAILING: set[str] = set()
pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="os.fork is not available")


def project(tmp_path: Path, pages: int, plugins: str = "[]") -> Path:
    docs = tmp_path / "docs"
    for n in range(pages):
        folder = docs / f"laporan-{n:03d}"
        folder.mkdir(parents=True)
        (folder / "index.md").write_text(
            f"# Laporan {n}\n\nCapaian **{n},5 %** — [berikutnya](../laporan-{(n + 1) % pages:03d}"
            f"/index.md)\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Arsip\nuse_directory_urls: false\ntheme:\n  name: material\n  language: id\n"
        "  features: [navigation.prune]\n"
        f"plugins: {plugins}\n", encoding="utf-8")
    return tmp_path


def build(root: Path, site: str, ways: int) -> Path:
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(root / site))
    with page_forks.shared(ways):
        mkdocs_build.build(config)
    return root / site


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def recorded(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Callable[..., Any]:
    """MkDocs' own ``_build_page``, writing down which process built each page."""
    real = mkdocs_build._build_page
    log = tmp_path / "pids.txt"

    def recording(page: Any, *args: Any, **kwargs: Any) -> None:
        if page.file.src_uri in FAILING:
            raise RuntimeError("template rusak")
        real(page, *args, **kwargs)
        with log.open("a", encoding="utf-8") as out:
            out.write(f"{os.getpid()} {page.file.src_uri}\n")

    monkeypatch.setattr(mkdocs_build, "_build_page", recording)
    monkeypatch.setattr(page_forks, "MIN_PAGES", 4)
    return lambda: [line.split() for line in log.read_text(encoding="utf-8").splitlines()]


def test_two_processes_build_the_same_site(tmp_path: Path, recorded: Callable[..., Any]) -> None:
    root = project(tmp_path, 9)
    one = tree(build(root, "satu", 1))
    (tmp_path / "pids.txt").unlink()
    two = tree(build(root, "dua", 2))
    assert one == two and len([k for k in two if k.endswith(".html")]) == 10
    by = recorded()
    assert sorted(uri for _, uri in by) == [f"laporan-{n:03d}/index.md" for n in range(9)]
    assert len({pid for pid, _ in by}) == 2  # both processes rendered pages
    assert reaped({pid for pid, _ in by})


def reaped(pids: set[str]) -> bool:
    """Every child that rendered pages has exited and was waited for."""
    for pid in pids - {str(os.getpid())}:
        try:
            os.waitpid(int(pid), os.WNOHANG)
        except ChildProcessError:
            continue
        return False
    return True


def test_a_failing_page_in_a_child_stops_the_build(tmp_path: Path,
                                                   recorded: Callable[..., Any]) -> None:
    root = project(tmp_path, 9)
    FAILING.add("laporan-005/index.md")  # the second process's page (odd index)
    try:
        with pytest.raises(MkDocsException) as raised:
            build(root, "dua", 2)
    finally:
        FAILING.clear()
    assert "laporan-005/index.md" in str(raised.value)
    assert "template rusak" in str(raised.value)
    children = {pid for pid, _ in recorded()} - {str(os.getpid())}
    assert children and reaped(children)  # no child is left rendering


def test_a_plugin_that_sees_every_page_keeps_one_process(tmp_path: Path,
                                                         recorded: Callable[..., Any]) -> None:
    """MkDocs' search plugin gathers its index from each rendered page: forking would lose
    half of it, so the pages are rendered in one process and the index is whole."""
    root = project(tmp_path, 9, plugins="[search]")
    one = tree(build(root, "satu", 1))
    two = tree(build(root, "dua", 2))
    assert one == two
    assert b"laporan-001" in two["search/search_index.json"]
    assert len({pid for pid, _ in recorded()}) == 1
