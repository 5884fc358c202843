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
