"""pandoc begun early (``markup.begin``): a cold ``evkin pdf`` starts it once the folder is
checked, before the trail is verified, and takes its result only when it converted exactly
what the PDF needs. Real pandoc, real git, the bundled sample."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from evkin.findings import EvkinError
from evkin.render import markup
from evkin.render.pdf import build_loaded
from evkin.report import assembly, outputs
from evkin.settings import load_settings
from tests.conftest import git


def test_a_run_begun_early_gives_what_a_fresh_run_gives() -> None:
    parts = [markup.Part("# Satu\n\nIsi *tebal*.\n", 0, None, "p0"),
             markup.Part("Lampiran `kode`.\n", None, None, "p1")]
    begun = markup.begin(parts)
    assert markup.convert(parts, started=begun) == markup.convert(parts)
    assert begun.process.returncode == 0
    assert not Path(begun.folder.name).exists()  # its folder is gone with it


def test_a_run_begun_on_other_parts_is_ended_and_not_used() -> None:
    """A report whose Markdown changed meanwhile (or one refused): never the early text."""
    early = [markup.Part("# Lama\n\nTeks lama.\n", 0, None, "p0")]
    wanted = [markup.Part("# Baru\n\nTeks baru.\n", 0, None, "p0")]
    begun = markup.begin(early)
    got = markup.convert(wanted, started=begun)
    assert "Teks baru" in got[0].text and "Teks lama" not in got[0].text
    assert begun.process.returncode is not None and not Path(begun.folder.name).exists()
    # The same parts with the follow-up table placed elsewhere are other parts too.
    moved = [markup.Part(wanted[0].markdown, 0, 0, "p0")]
    begun = markup.begin(wanted)
    assert markup.convert(moved, started=begun) == markup.convert(moved)


def test_a_run_never_taken_is_ended_with_its_folder() -> None:
    begun = markup.begin([markup.Part("# X\n" * 2000, None, None, "p0")])
    begun.close()
    begun.close()  # twice: nothing more
    assert begun.process.returncode is not None
    assert not Path(begun.folder.name).exists()


def pandoc_runs(monkeypatch: pytest.MonkeyPatch) -> list[markup.Conversion]:
    runs: list[markup.Conversion] = []
    real = markup.Conversion.__init__

    def counted(self: markup.Conversion, spec: str) -> None:
        runs.append(self)
        real(self, spec)

    monkeypatch.setattr(markup.Conversion, "__init__", counted)
    return runs


def test_the_final_sample_is_converted_once_begun_before_its_trail_is_verified(
        sample_repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runs = pandoc_runs(monkeypatch)
    settings = load_settings(sample_repo)
    batch = outputs.build_batch(settings, ["2025-tahunan"], tmp_path / "a")
    assert [b.signed for b in batch.built] == [True] and len(runs) == 1
    # The same bytes as the archive's way, which begins nothing early.
    items = outputs.load(settings, ["2025-tahunan"])
    runs.clear()
    assert items[0].source is not None
    other = build_loaded(settings, items, tmp_path / "b", items[0].source)
    assert len(runs) == 1
    assert digest(batch.built[0].path) == digest(other.built[0].path)


def test_a_report_with_errors_begins_nothing(sample_repo: Path, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    runs = pandoc_runs(monkeypatch)
    laporan = sample_repo / "evaluations" / "2025-tahunan" / "laporan.md"
    laporan.write_text(laporan.read_text(encoding="utf-8") + "\n[[ISI: belum]]\n", "utf-8")
    git(sample_repo, "commit", "-q", "-am", "Draf dengan isian terbuka")
    batch = outputs.build_batch(load_settings(sample_repo), ["2025-tahunan"], tmp_path)
    assert batch.refused and not batch.built
    assert runs == []


def test_a_failure_after_the_early_start_leaves_no_pandoc_behind(
        sample_repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Something goes wrong while the trail is verified (here: git refuses): the run begun
    early is ended and its folder removed, and the error is the user's message."""
    runs = pandoc_runs(monkeypatch)

    def broken(*_args: object, **_kwargs: object) -> None:
        raise EvkinError("git.bad_rev", {"rev": "HEAD"})

    monkeypatch.setattr(assembly, "verify_many", broken)
    with pytest.raises(EvkinError):
        outputs.build_batch(load_settings(sample_repo), ["2025-tahunan"], tmp_path)
    assert len(runs) == 1
    assert runs[0].process.returncode is not None and not Path(runs[0].folder.name).exists()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
