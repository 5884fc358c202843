"""A full site build does not fork MkDocs' page templates while the PDF workers take every
core (``site.pdfs.Running.busy``): the fork would gain no time and cost CPU the PDFs need. With
no PDF being laid out (a publication derives them first) the templates are forked as before."""

from __future__ import annotations

from concurrent.futures import Future
from pathlib import Path
from typing import Any

import pytest

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
