"""The SOP as data stays faithful to the SOP as written (docs/sop/, copied verbatim)."""

import re

from evkin.sop import load_sop

from .conftest import PROJECT

TEXT = (PROJECT / "docs/sop/SOP-150.1-evaluasi-kinerja-internal.txt").read_text(encoding="utf-8")


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def test_every_step_matches_the_written_sop() -> None:
    sop = load_sop()
    rows = {}
    for line in TEXT.splitlines():
        cells = line.split("\t")
        if cells and cells[0].strip().isdigit():
            rows[int(cells[0])] = [c for c in cells[1:] if c.strip()]
    assert sorted(rows) == [s.number for s in sop.steps] == list(range(1, 9))
    for step in sop.steps:
        uraian, kelengkapan, waktu, output = rows[step.number][:4]
        assert squash(step.uraian) == squash(uraian)
        assert squash(step.kelengkapan) == squash(kelengkapan)
        assert squash(step.output) == squash(output)
        assert squash(f"{step.waktu.amount} {step.waktu.unit}") == squash(waktu)


def test_return_paths_and_approvals() -> None:
    sop = load_sop()
    paraf, signature = sop.approval_step("paraf"), sop.approval_step("tanda_tangan")
    assert (paraf.number, paraf.actor, paraf.return_to_actor) == (6, "sekretaris", "tim_sakip")
    assert (signature.number, signature.actor, signature.return_to_actor) == (
        7, "kepala_dinas", "sekretaris")
    assert [s.number for s, _ in sop.documents] == [1, 2, 3, 4]
    assert sop.nomor.replace(" ", "") in squash(TEXT).replace(" ", "").upper()
