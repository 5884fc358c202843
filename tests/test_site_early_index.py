"""The search index is made while the PDFs are laid out (``site.build.EarlyIndex``), not
after them, and is byte for byte the index of the finished site; when a pending PDF cannot be
built, the finished site is indexed instead."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from evkin.settings import load_settings
from evkin.site import search
from evkin.site.build import build_site
from tests.archive_repo import INJECTED, make_archive_repo
from tests.conftest import copy_sample


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def indexed_after(site: Path, tmp_path: Path) -> dict[str, bytes]:
    """The index Pagefind makes of the finished site, as the build did before."""
    again = tmp_path / "lagi"
    shutil.copytree(site, again, ignore=shutil.ignore_patterns(search.BUNDLE))
    search.index_site(again)
    return files(again / search.BUNDLE)


def build(root: Path, site: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Build the site; the finished site's indexing runs (returned) only as the fallback."""
    late: list[Path] = []
    begin_index = search.begin_index
    monkeypatch.setattr(search, "begin_index",
                        lambda d, memo=None: (late.append(d), begin_index(d, memo))[1])
    built = build_site(load_settings(root), site)
    monkeypatch.undo()
    assert built.generated.slots.issued  # PDFs were pending while MkDocs built the pages
    assert not list(site.parent.glob(".evkin-indeks-*"))  # no scratch folder left behind
    return late


def test_the_index_made_meanwhile_is_the_finished_sites(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = copy_sample(tmp_path / "repo")
    site = tmp_path / "situs"
    assert build(root, site, monkeypatch) == []  # indexed early
    assert files(site / search.BUNDLE) == indexed_after(site, tmp_path)
    pages = search.indexed(site)
    assert any(page["meta"].get("pdf") for page in pages.values())  # the PDFs' addresses
    assert "evkinpdf-" not in "".join(str(p) for p in pages.values())  # no stand-in indexed


@pytest.mark.slow
def test_a_pdf_that_cannot_be_built_has_the_finished_site_indexed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_archive_repo(tmp_path / "repo")  # INJECTED is final, its PDF refused
    site = tmp_path / "situs"
    assert build(root, site, monkeypatch) == [site]
    assert files(site / search.BUNDLE) == indexed_after(site, tmp_path)
    page = next(p for url, p in search.indexed(site).items() if INJECTED in url)
    assert "pdf" not in page["meta"]
