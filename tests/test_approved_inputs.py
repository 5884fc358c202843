"""A final report is assembled from the repository as it stood at its approved commit: a later
change to another folder, to the rencana aksi or to evkin.yml changes no byte of its PDF and
nothing of its page. Drafts read the working tree.

Attacks, as a Tim SAKIP member with push rights would try them after 2025-tahunan is final:
edit only 2024-tahunan (its figures, its recommendation texts, a follow-up file), in the working
tree or committed on main; change or break the rencana aksi; add a folder that sorts as a closer
predecessor; delete the predecessor; forge the predecessor's trail inside the pull request.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest

from evkin.approval.trail import verify_trail
from evkin.report import outputs
from evkin.report.assembly import Assembled, assemble_ids
from evkin.settings import load_settings

from .archive_repo import approve
from .conftest import copy_sample, git
from .test_check import edit
from .test_new import fill
from .test_pdf import flat, sign, texts

ID = "2025-tahunan"
PREV = "2024-tahunan"
DATA = f"evaluations/{PREV}/indikator.csv"
RECS = f"evaluations/{PREV}/rekomendasi.yml"
# IK-01 of the sample: 2024 realisasi 78,35 of 79 = 99,18 %; 2025 100,83 %, so +1,65 points.
# With 2024's realisasi 10 it would read 12,66 % and +88,17 (the attack of issue 17).
QUOTED = ("Percepatan survei kondisi jalan menjadi dua kali setahun",
          "Penyusunan SOP layanan PBG daring",
          "Peningkatan kapasitas Tim SAKIP melalui pelatihan")


@dataclass(frozen=True)
class Shown:
    pdf: bytes
    text: str  # the PDF's text, flattened


@pytest.fixture(scope="module")
def approved(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Shown]:
    """The sample as shipped (its trails name an approved commit this copy does not have: the
    inputs come from the commit that recorded the trail) and 2025-tahunan's final PDF."""
    root = copy_sample(tmp_path_factory.mktemp("approved") / "repo")
    assert verify_trail(root, ID).ok and verify_trail(root, PREV).ok
    pdf = outputs.build_pdf(load_settings(root), ID, root / "out")
    return root, Shown(pdf.read_bytes(), flat(" ".join(texts(pdf))))


def clone(approved: tuple[Path, Shown], tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(approved[0], root, ignore=shutil.ignore_patterns("out", "build", "site"))
    return root


def report(root: Path, evaluation_id: str = ID) -> Assembled:
    return assemble_ids(load_settings(root), [evaluation_id]).reports[0]


def ik01(found: Assembled) -> tuple[Decimal | None, Decimal | None]:
    row = next(r for r in found.results if r.indicator.id == "IK-01")
    return row.previous, row.change


def attack_2024(root: Path) -> None:
    """Edit only 2024-tahunan: its IK-01 realisasi, every recommendation text, and a
    follow-up file it never had."""
    edit(root, DATA, ";78,35;", ";10;")
    text = (root / RECS).read_text(encoding="utf-8")
    for n, quoted in enumerate(QUOTED, 1):
        text = text.replace(quoted, f"Teks palsu {n}")
    (root / RECS).write_text(text, encoding="utf-8")
    (root / f"evaluations/{PREV}/tindak-lanjut.yml").write_text(
        "- rekomendasi: 2025-tahunan-R1\n  status: selesai\n  uraian: Palsu.\n",
        encoding="utf-8")


def assert_as_approved(root: Path, approved: tuple[Path, Shown], out: Path) -> None:
    found = report(root)
    assert found.final
    assert ik01(found) == (Decimal("99.18"), Decimal("1.65"))
    assert [r.teks for r in found.follow_up] == list(QUOTED)
    pdf = outputs.build_pdf(load_settings(root), ID, out)
    assert pdf.read_bytes() == approved[1].pdf


def test_the_sample_report_shows_the_figures_the_attack_changed(
        approved: tuple[Path, Shown]) -> None:
    text = approved[1].text
    assert "99,18 %" in text and "+1,65" in text
    assert all(q in text for q in QUOTED)
    assert ik01(report(approved[0])) == (Decimal("99.18"), Decimal("1.65"))


@pytest.mark.parametrize("committed", [False, True], ids=["working-tree", "committed"])
def test_editing_only_the_predecessor_changes_no_final_byte(
        approved: tuple[Path, Shown], tmp_path: Path, committed: bool) -> None:
    root = clone(approved, tmp_path)
    attack_2024(root)
    if committed:
        git(root, "add", "-A")
        git(root, "commit", "-q", "-m", "Ubah 2024-tahunan saja")
    assert_as_approved(root, approved, tmp_path / "out")
    # 2024-tahunan itself is no longer final: the edit is visible, not silent.
    assert not verify_trail(root, PREV).ok


def test_the_archive_page_keeps_the_approved_comparison_and_quotes(
        approved: tuple[Path, Shown], tmp_path: Path) -> None:
    from evkin.site.build import build_site

    root = clone(approved, tmp_path)
    attack_2024(root)
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Ubah 2024-tahunan saja")
    build_site(load_settings(root), root / "site")
    folder = root / "site" / "arsip" / "2025" / ID
    page = re.sub(r"<[^>]+>", " ", (folder / "index.html").read_text(encoding="utf-8"))
    page = " ".join(page.replace("&nbsp;", " ").split())
    assert "99,18" in page and "+1,65" in page
    assert "12,66" not in page and "88,17" not in page
    assert all(q in page for q in QUOTED) and "Teks palsu" not in page
    assert (folder / f"laporan-{ID}.pdf").read_bytes() == approved[1].pdf
    assert not (root / "site" / "arsip" / "2024" / PREV / "index.html").exists()


def test_a_draft_reads_the_working_tree(approved: tuple[Path, Shown], tmp_path: Path) -> None:
    root = clone(approved, tmp_path)
    attack_2024(root)
    report_md = root / "evaluations" / ID / "laporan.md"
    report_md.write_text(report_md.read_text(encoding="utf-8") + "\nRevisi.\n",
                         encoding="utf-8")
    found = report(root)
    assert not found.final
    assert ik01(found) == (Decimal("12.66"), Decimal("88.17"))
    assert [r.teks for r in found.follow_up] == ["Teks palsu 1", "Teks palsu 2", "Teks palsu 3"]
    text = flat(" ".join(texts(outputs.build_pdf(load_settings(root), ID, tmp_path / "o"))))
    assert "12,66 %" in text and "DRAF" in text


def test_deleting_the_predecessor_later_changes_no_final_byte(
        approved: tuple[Path, Shown], tmp_path: Path) -> None:
    root = clone(approved, tmp_path)
    git(root, "rm", "-r", "-q", f"evaluations/{PREV}", f"persetujuan/{PREV}.yml")
    git(root, "commit", "-q", "-m", "Hapus 2024-tahunan")
    assert_as_approved(root, approved, tmp_path / "out")


def test_changed_settings_emblem_and_rencana_aksi_change_no_final_byte(
        approved: tuple[Path, Shown], tmp_path: Path) -> None:
    root = clone(approved, tmp_path)
    (root / "rencana-aksi" / "2025.csv").write_text("id;tw1;tw2;tw3;tw4\nIK-01;1;2;3;4\n",
                                                    encoding="utf-8")
    edit(root, "rencana-aksi/2026.csv", "id", "kode_salah")
    emblem = root / load_settings(root).agency.lambang
    emblem.write_bytes(emblem.read_bytes()[:-1] + b"\0")
    edit(root, "evkin.yml", "Ir. Hendra Saputra, M.T.", "Dr. Orang Lain")
    assert_as_approved(root, approved, tmp_path / "out")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Rencana aksi, lambang dan pejabat baru")
    assert_as_approved(root, approved, tmp_path / "out2")


def test_quotes_are_judged_at_the_approved_commit_a_forged_trail_included(
        approved: tuple[Path, Shown], tmp_path: Path) -> None:
    """Inside the pull request that 2025-tahunan was approved on, 2024-tahunan's texts were
    edited and its trail rewritten to name the edited tree (its record signature cannot
    follow): the final report quotes none of the edited texts."""
    from dataclasses import replace

    from evkin.approval.records import load_trail, save_trail
    from evkin.approval.trail import folder_tree

    root = clone(approved, tmp_path)
    attack_2024(root)
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Ubah 2024-tahunan")
    tree = folder_tree(root, PREV)
    trail = load_trail(root, PREV)
    assert trail is not None
    save_trail(root, replace(trail, tree=tree, approvals=tuple(
        replace(a, tree=tree) for a in trail.approvals)))
    git(root, "commit", "-q", "-am", "Jejak 2024-tahunan disesuaikan")
    sign(root, ID)  # 2025-tahunan approved at this commit
    found = report(root)
    assert found.final and found.settings_commit
    assert [(r.id, r.teks) for r in found.follow_up] == [
        (f"{PREV}-R{n}", "") for n in (1, 2, 3)]
    # The predecessor is still what the approved commit holds: the edited figures.
    assert ik01(found) == (Decimal("12.66"), Decimal("88.17"))


def test_a_closer_predecessor_added_later_and_a_broken_rencana_aksi_change_nothing(
        tmp_path: Path, evkin) -> None:  # type: ignore[no-untyped-def]
    """2026-tw3, approved while 2026-tw1 was the latest earlier quarter (no ``sebelumnya``):
    2026-tw2 added afterwards, and the rencana aksi broken, change no byte of it."""
    root = copy_sample(tmp_path / "repo")
    for quarter in ("2026-tw1", "2026-tw3"):
        made = evkin("new", quarter, root=root)
        assert made.code == 0, made.err
        fill(root / "evaluations" / quarter)
    meta = root / "evaluations" / "2026-tw3" / "evaluasi.yml"
    meta.write_text("".join(line for line in meta.read_text(encoding="utf-8")
                            .splitlines(keepends=True)
                            if not line.startswith("sebelumnya:")), encoding="utf-8")
    realisasi(root, "2026-tw1", "60")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Triwulan 1 dan 3")
    approve(root, "2026-tw3")
    before = report(root, "2026-tw3")
    assert before.final and before.previous_id == "2026-tw1"
    assert previous_of(before) == capaian(report(root, "2026-tw1"))
    first = outputs.build_pdf(load_settings(root), "2026-tw3", tmp_path / "a").read_bytes()

    made = evkin("new", "2026-tw2", root=root)
    assert made.code == 0, made.err
    fill(root / "evaluations" / "2026-tw2")
    realisasi(root, "2026-tw2", "40")
    (root / "rencana-aksi" / "2026.csv").write_text("salah;kolom\n1;2\n", encoding="utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Triwulan 2 dan rencana aksi rusak")
    after = report(root, "2026-tw3")
    assert after.final and after.previous_id == "2026-tw1" and after.errors == ()
    assert after.results == before.results
    again = outputs.build_pdf(load_settings(root), "2026-tw3", tmp_path / "b").read_bytes()
    assert again == first
    # As a draft it compares with the closer quarter, as the working tree has it.
    with (root / "evaluations" / "2026-tw3" / "laporan.md").open("a", encoding="utf-8") as fh:
        fh.write("\nRevisi.\n")
    draft = report(root, "2026-tw3")
    assert not draft.final and draft.previous_id == "2026-tw2"
    assert previous_of(draft) == capaian(report(root, "2026-tw2")) != previous_of(before)


def realisasi(root: Path, evaluation_id: str, value: str) -> None:
    path = root / "evaluations" / evaluation_id / "indikator.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(";82,5;", f";{value};"),
                    encoding="utf-8")


def capaian(found: Assembled) -> dict[str, Decimal | None]:
    return {r.indicator.id: r.rounded for r in found.results}


def previous_of(found: Assembled) -> dict[str, Decimal | None]:
    return {r.indicator.id: r.previous for r in found.results}


def test_a_predecessor_named_before_it_exists_stays_absent(
        approved: tuple[Path, Shown], tmp_path: Path) -> None:
    """Approved while ``sebelumnya`` named a folder that did not exist: the final report has no
    comparison, and a folder of that name added later (holding any figures) gives it none."""
    root = clone(approved, tmp_path)
    edit(root, f"evaluations/{ID}/evaluasi.yml", "sebelumnya: 2024-tahunan",
         "sebelumnya: 2023-tahunan")
    git(root, "commit", "-q", "-am", "Pembanding 2023")
    sign(root, ID)
    before = report(root)
    assert before.final and before.errors == ()  # 'sebelumnya unknown' does not stop it
    assert ik01(before) == (None, None)
    pdf = outputs.build_pdf(load_settings(root), ID, tmp_path / "a").read_bytes()
    shutil.copytree(root / "evaluations" / PREV, root / "evaluations" / "2023-tahunan")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Folder 2023 ditambahkan")
    after = report(root)
    assert after.final and ik01(after) == (None, None)
    assert outputs.build_pdf(load_settings(root), ID, tmp_path / "b").read_bytes() == pdf


def test_a_link_in_the_predecessor_is_never_followed(
        approved: tuple[Path, Shown], tmp_path: Path) -> None:
    """The predecessor's data, at the approved commit, a symbolic link to a file outside the
    evaluations: the comparison reads no data through it, then or after the target changes."""
    root = clone(approved, tmp_path)
    data = root / DATA
    outside = root / "rencana-aksi" / "data-2024.csv"
    outside.write_bytes(data.read_bytes())
    data.unlink()
    data.symlink_to(Path("../../rencana-aksi/data-2024.csv"))
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Data 2024 lewat tautan")
    sign(root, ID)
    before = report(root)
    assert before.final and ik01(before) == (None, None)
    outside.write_text(outside.read_text(encoding="utf-8").replace(";78,35;", ";10;"),
                       encoding="utf-8")
    git(root, "commit", "-q", "-am", "Data di luar berubah")
    assert ik01(report(root)) == (None, None)


def test_benchmark_smoke_every_report_reads_its_own_approved_commit() -> None:
    """The benchmark's archive (each report approved at its own commit) in its smallest size:
    every report final, compared with its predecessor at its approved commit, quoting the
    predecessor's recommendation."""
    from benchmarks.bench_assemble import main

    reports = main(["--smoke"])["reports"]
    assert isinstance(reports, list) and len(reports) == 8
    by_id = {r[0]: r for r in reports}
    for evaluation_id, final, previous, from_git, quoted in reports:
        assert final, evaluation_id
        if previous is None:
            assert quoted == []
            continue
        assert previous in by_id and from_git
        assert quoted == [f"Rekomendasi dari {previous}"]
    assert sum(1 for r in reports if r[2] is None) == 1


def test_a_trail_signed_with_a_key_only_the_approved_commits_evkin_yml_lists_is_not_quoted(
        approved: tuple[Path, Shown], tmp_path: Path) -> None:
    """The same attack with a record signature that verifies: the approved commit's evkin.yml
    lists the author's own record key, and 2024-tahunan's rewritten trail is signed with it.
    Keys count only from the roots of trust (the main line's record keys), so no text is
    quoted."""
    import subprocess
    from dataclasses import replace

    from evkin.approval.records import load_trail, save_trail
    from evkin.approval.trail import folder_tree, sign_record

    root = clone(approved, tmp_path)
    attack_2024(root)
    key = tmp_path / "kunci-penyusun"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(key)], check=True)
    own = Path(f"{key}.pub").read_text(encoding="utf-8").split()
    settings = root / "evkin.yml"
    text = settings.read_text(encoding="utf-8")
    marker = "  kunci:\n"
    assert marker in text
    settings.write_text(text.replace(marker, f"{marker}    - {own[0]} {own[1]}\n", 1),
                        encoding="utf-8")
    admin = ["-c", "user.name=Pengelola", "-c", "user.email=pengelola@example.id"]
    git(root, "add", "-A")
    git(root, *admin, "commit", "-q", "-m", "Ubah 2024-tahunan dan kunci pencatat")
    tree = folder_tree(root, PREV)
    trail = load_trail(root, PREV)
    assert trail is not None
    forged = replace(trail, tree=tree, approvals=tuple(replace(a, tree=tree)
                                                      for a in trail.approvals))
    save_trail(root, sign_record(forged, key.read_text(encoding="ascii")))
    git(root, *admin, "commit", "-q", "-am", "Jejak 2024-tahunan disesuaikan")
    sign(root, ID)  # 2025-tahunan approved at this commit
    git(root, "checkout", "-q", "HEAD~3", "--", "evkin.yml")  # the key gone again on main
    git(root, *admin, "commit", "-q", "-m", "Kembalikan evkin.yml")
    found = report(root)
    assert found.final, found.verification.reason
    assert [(r.id, r.teks) for r in found.follow_up] == [
        (f"{PREV}-R{n}", "") for n in (1, 2, 3)]


def test_assembling_writes_nothing_and_a_planted_emblem_is_not_printed(
        approved: tuple[Path, Shown], tmp_path: Path, evkin) -> None:  # type: ignore[no-untyped-def]
    """``evkin summary`` and ``check`` of a final report write nothing (no emblem under
    ``build/``: the assembly has no side effects). A file planted where the PDF renderer
    places the approved emblem (``build/`` is not under review) is replaced by the approved
    bytes: the final PDF is unchanged."""
    root = clone(approved, tmp_path)
    for command in (("summary", ID), ("check", ID)):
        assert evkin(*command, root=root).code == 0
    assert not (root / "build").exists()
    found = report(root)
    assert not (root / "build").exists()
    assert found.final and found.settings is not None
    (rel, emblem), = found.assets
    assert found.settings.agency.lambang == rel and rel.startswith("build/")
    planted = root / rel
    planted.parent.mkdir(parents=True)
    planted.write_bytes(emblem.replace(b"<svg", b"<svg><!-- lain -->", 1) + b"\n")
    assert_as_approved(root, approved, tmp_path / "out")
    assert planted.read_bytes() == emblem
