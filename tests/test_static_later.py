"""MkDocs' copy of the static files, made beside the search index (``site.static_later``):
every file arrives, and a copy that fails fails the build instead of leaving a site without
its PDFs."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from evkin.site import static_later


def test_the_copy_is_recorded_during_the_build_and_made_in_another_thread(
        tmp_path: Path) -> None:
    from mkdocs.structure.files import File, Files

    docs, site = tmp_path / "docs", tmp_path / "site"
    (docs / "arsip").mkdir(parents=True)
    (docs / "arsip" / "laporan.pdf").write_bytes(b"%PDF-1.7 laporan")
    files = Files([File("arsip/laporan.pdf", str(docs), str(site), use_directory_urls=True)])
    with static_later.deferred() as copying:
        files.copy_static_files()
        assert not (site / "arsip" / "laporan.pdf").exists()  # recorded, not made
    copied_in: list[str] = []
    original = copying.calls[0]
    copying.calls[0] = lambda: (copied_in.append(threading.current_thread().name), original())
    copying.start()
    copying.join()
    assert (site / "arsip" / "laporan.pdf").read_bytes() == b"%PDF-1.7 laporan"
    assert copied_in and copied_in[0] != threading.current_thread().name
    files.copy_static_files()  # outside the build MkDocs copies as it always does
    assert Files.copy_static_files.__qualname__ == "Files.copy_static_files"


def test_a_failed_copy_is_raised_where_the_build_waits_for_it(tmp_path: Path) -> None:
    copying = static_later.Copying()

    def fail() -> None:
        raise OSError(28, "No space left on device")

    copying.calls.append(fail)
    copying.start()
    with pytest.raises(OSError, match="No space left"):
        copying.join()
    copying.calls.append(fail)
    copying.join(raise_error=False)  # an earlier error is on its way out: this one is not
