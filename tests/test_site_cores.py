"""A full site build does not fork MkDocs' page templates while the PDF workers take every
core (``site.pdfs.Running.busy``): the fork would gain no time and cost CPU the PDFs need. With
no PDF being laid out (a publication derives them first) the templates are forked as before."""

from __future__ import annotations

import itertools
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from evkin.settings import load_settings
from evkin.site import build as site_build
from evkin.site import page_forks, pdfs
from evkin.site.generate import write
from tests.conftest import copy_sample


def running(pool: object, futures: list[Future[Any]], jobs: int = 2) -> pdfs.Running:
    made = object.__new__(pdfs.Running)
    made.pool, made.futures, made.jobs = pool, futures, jobs  # type: ignore[assignment]
    return made


def test_busy_while_every_worker_has_a_batch_to_finish() -> None:
    done: Future[Any] = Future()
    done.set_result(({}, []))
    assert running(object(), [Future(), Future(), done]).busy
    assert not running(object(), [Future(), done, done]).busy  # a core is free
    assert not running(object(), [done, done]).busy
    assert not running(None, []).busy  # built inline after MkDocs, or nothing to build


@pytest.mark.parametrize("busy", [True, False])
def test_templates_forked_only_while_no_pdf_worker_is_busy(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, busy: bool) -> None:
    root = copy_sample(tmp_path / "repo")
    asked: list[int | None] = []
    shared = page_forks.shared

    def recording(ways: int | None = None) -> Any:
        asked.append(ways)
        return shared(ways)

    monkeypatch.setattr(page_forks, "shared", recording)
    monkeypatch.setattr(pdfs.Running, "busy", property(lambda self: busy))
    site_build.build_site(load_settings(root), tmp_path / "situs")
    assert asked == [1 if busy else None]
    assert (tmp_path / "situs" / "index.html").is_file()


def test_after_the_pdfs_only_what_they_changed_is_written_and_docs_are_whole(
        tmp_path: Path) -> None:
    """Once the pending PDFs are in, docs/ gets the pages that showed them and the PDFs only;
    nothing else was left to write (a full write of the same pages finds nothing to do)."""
    root = copy_sample(tmp_path / "repo")
    built = site_build.build_site(load_settings(root), tmp_path / "situs")
    assert built.generated.slots.issued  # PDFs were pending while the pages were written
    docs = site_build.docs_dir(root)
    assert write(docs, built.generated) == 0
    for pdf in built.generated.pdfs.values():
        assert (docs / pdf.file).is_file()
    assert "evkinpdf-" not in "".join(p.read_text(encoding="utf-8")
                                      for p in docs.rglob("*.md"))


@given(st.integers(1, 3000), st.integers(1, 8))
def test_worker_tasks_take_every_pdf_once_and_end_small(count: int, jobs: int) -> None:
    """The PDF tasks cover the reports in order, each once, none larger than ``CHUNK``; they
    shrink towards the end, down to one PDF, so the cores finish together."""
    tasks = pdfs.chunks(count, jobs)
    assert tasks[0][0] == 0 and tasks[-1][1] == count
    assert all(a[1] == b[0] for a, b in itertools.pairwise(tasks))
    sizes = [end - start for start, end in tasks]
    assert all(0 < size <= pdfs.CHUNK for size in sizes)
    assert sizes == sorted(sizes, reverse=True) and sizes[-1] == 1


def test_each_pdf_reaches_the_site_as_soon_as_it_is_laid_out(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A full build copies each PDF into the built site when its batch is done, not all after
    the last one: by the time the pages are filled in, every PDF is there, byte for byte the
    render, and a copy of its own (no inode shared with the cache)."""
    root = copy_sample(tmp_path / "repo")
    there: list[bool] = []
    add_pdfs = site_build._add_pdfs

    def adding(site_dir: Path, generated: Any) -> None:
        there.extend((site_dir / pdf.file).is_file() for pdf in generated.pdfs.values())
        add_pdfs(site_dir, generated)

    monkeypatch.setattr(site_build, "_add_pdfs", adding)
    built = site_build.build_site(load_settings(root), tmp_path / "situs")
    assert built.generated.slots.issued  # the PDFs were laid out while the pages were built
    assert there and all(there)
    for pdf in built.generated.pdfs.values():
        render = built.generated.files[pdf.file]
        assert isinstance(render, Path)
        published = tmp_path / "situs" / pdf.file
        assert published.read_bytes() == render.read_bytes()
        assert published.stat().st_ino != render.stat().st_ino
