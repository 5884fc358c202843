"""Recommendations with stable ids and their follow-up across evaluations: `evkin check` names
each open recommendation a later evaluation leaves out; a recommendation closes only on
`selesai` or `tidak relevan lagi`."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from evkin.evaluation.model import Period
from evkin.evaluation.recommendations import (
    CLOSING,
    STATUSES,
    FollowUp,
    Recommendation,
    Record,
    build_ledger,
    normalise_status,
)
from evkin.settings import load_settings
from evkin.site.build import build_site
from evkin.timing import indonesian_holidays, working_days_between

from .conftest import Run
from .htmlpage import read
from .test_check import edit
from .test_new import fill

FOLLOW = "evaluations/2025-tahunan/tindak-lanjut.yml"


def test_unaddressed_recommendation_is_a_located_finding(
        sample_repo: Path, evkin) -> None:  # type: ignore[no-untyped-def]
    edit(sample_repo, FOLLOW, "- rekomendasi: 2024-tahunan-R3\n  status: dalam proses\n"
         "  uraian: Pelatihan tahap I selesai Oktober 2025; tahap II dijadwalkan Maret 2026.\n",
         "")
    run: Run = evkin("check", "2025-tahunan", root=sample_repo)
    assert run.code == 1
    assert (f"{FOLLOW}:1: rekomendasi 2024-tahunan-R3 dari evaluasi 2024-tahunan (Peningkatan "
            "kapasitas Tim SAKIP melalui pelatihan) masih terbuka") in run.out
    assert "2024-tahunan-R1" not in run.out and "2024-tahunan-R2" not in run.out

    english: Run = evkin("--lang", "en", "check", "2025-tahunan", root=sample_repo)
    assert "recommendation 2024-tahunan-R3 of evaluation 2024-tahunan" in english.out


def test_missing_follow_up_file_names_the_file(
        sample_repo: Path, evkin) -> None:  # type: ignore[no-untyped-def]
    (sample_repo / FOLLOW).unlink()
    run: Run = evkin("check", "2025-tahunan", root=sample_repo)
    for n in (1, 2, 3):
        assert f"{FOLLOW}: rekomendasi 2024-tahunan-R{n} dari evaluasi 2024-tahunan" in run.out


def test_follow_up_entries_are_checked(sample_repo: Path, evkin) -> None:  # type: ignore[no-untyped-def]
    bad_status = edit(sample_repo, FOLLOW, "status: selesai\n  uraian: Survei",
                      "status: beres\n  uraian: Survei")
    no_reason = edit(sample_repo, FOLLOW, "- rekomendasi: 2024-tahunan-R3\n  status: dalam proses",
                     "- rekomendasi: 2024-tahunan-R3\n  status: Tidak Relevan Lagi")
    outside = edit(sample_repo, FOLLOW, "bukti: https://bmcktr.example/sop/pbg-daring",
                   "bukti: ../../evkin.yml")
    with (sample_repo / FOLLOW).open("a", encoding="utf-8") as fh:
        fh.write("- rekomendasi: 2024-tahunan-R9\n  status: selesai\n  uraian: x\n")
    run: Run = evkin("check", "2025-tahunan", root=sample_repo)
    assert run.code == 1
    assert (f"{FOLLOW}:{bad_status}: status 'beres' tidak dikenal; tulis salah satu: belum "
            "ditindaklanjuti, dalam proses, selesai, tidak relevan lagi.") in run.out
    assert (f"{FOLLOW}:{no_reason + 1}: tindak lanjut rekomendasi 2024-tahunan-R3: status 'tidak "
            "relevan lagi' memerlukan 'alasan'") in run.out
    assert f"{FOLLOW}:{outside}: bukti '../../evkin.yml' keluar dari folder" in run.out
    assert "rekomendasi 2024-tahunan-R9 tidak ada di rekomendasi.yml" in run.out
    # An unreadable status leaves the recommendation open, so it is also reported as open.
    assert "rekomendasi 2024-tahunan-R1 dari evaluasi 2024-tahunan" not in run.out


def test_responsible_unit_comes_from_the_settings(
        sample_repo: Path, evkin) -> None:  # type: ignore[no-untyped-def]
    line = edit(sample_repo, "evaluations/2025-tahunan/rekomendasi.yml",
                "penanggung_jawab: Kepala Bidang Tata Ruang", "penanggung_jawab: Bidang TR")
    run: Run = evkin("check", "2025-tahunan", root=sample_repo)
    assert (f"evaluations/2025-tahunan/rekomendasi.yml:{line}: rekomendasi 2025-tahunan-R1: "
            "penanggung jawab 'Bidang TR' tidak dikenal") in run.out
    assert "Kepala Bidang Tata Ruang" in run.out  # the accepted names are listed


def test_closed_recommendation_no_longer_asks_for_follow_up(
        sample_repo: Path, evkin) -> None:  # type: ignore[no-untyped-def]
    assert evkin("new", "2026-tahunan", root=sample_repo).code == 0
    folder = sample_repo / "evaluations" / "2026-tahunan"
    fill(folder)
    follow = (folder / "tindak-lanjut.yml").read_text(encoding="utf-8")
    assert "2024-tahunan-R1" not in follow  # closed by 2025-tahunan
    # 2026 closes two of the four that are still open; one is no longer relevant.
    follow = follow.replace(
        "- rekomendasi: 2024-tahunan-R3\n", "- rekomendasi: 2024-tahunan-R3\n", 1)
    parts = follow.split("- rekomendasi: ")
    parts[1] = parts[1].replace("status: dalam proses", "status: selesai")
    parts[2] = parts[2].replace("status: dalam proses",
                                "status: tidak relevan lagi\n  alasan: RDTR dialihkan ke "
                                "kabupaten")
    (folder / "tindak-lanjut.yml").write_text("- rekomendasi: ".join(parts), encoding="utf-8")
    assert evkin("check", "2026-tahunan", root=sample_repo).code == 0

    # 2026-tahunan is a draft nobody approved: its "selesai" closes nothing yet, so 2027 still
    # follows R3 up, with the status last approved (2025-tahunan's "dalam proses").
    assert evkin("new", "2027-tahunan", root=sample_repo).code == 0
    later = (sample_repo / "evaluations/2027-tahunan/tindak-lanjut.yml").read_text()
    assert "- rekomendasi: 2024-tahunan-R3\n" in later
    r3 = later.split("- rekomendasi: 2024-tahunan-R3\n")[1].split("\n")[0]
    assert r3.endswith("status terakhir: dalam proses)"), r3
    assert "- rekomendasi: 2025-tahunan-R2" in later and "- rekomendasi: 2026-tahunan-R1" in later
    assert "status terakhir: selesai" not in later and "tidak relevan" not in later.split(
        "# atau tautan")[1]


def test_a_new_evaluation_never_calls_a_closed_status_open(
        sample_repo: Path, evkin) -> None:  # type: ignore[no-untyped-def]
    """2025-tw4 comes before 2025-tahunan, which closed 2024-tahunan-R1: for 2025-tw4 it is
    open, with the status known before it, never "masih terbuka (status: selesai)"."""
    assert evkin("new", "2025-tw4", root=sample_repo).code == 0
    follow = (sample_repo / "evaluations/2025-tw4/tindak-lanjut.yml").read_text()
    r1 = follow.split("- rekomendasi: 2024-tahunan-R1\n")[1].split("\n")[0]
    assert r1.endswith("status terakhir: belum ditindaklanjuti)"), r1
    assert "status terakhir: selesai" not in follow
    check = evkin("check", "2025-tw4", root=sample_repo)
    assert "(status: selesai)" not in check.out


def test_status_spellings() -> None:
    assert normalise_status("Dalam_Proses") == "dalam proses"
    assert normalise_status("tidak-relevan-lagi") == "tidak relevan lagi"
    assert normalise_status("Selesai.") == "selesai"
    assert normalise_status("hampir selesai") is None


def _record(year: int, recs: int, follows: list[tuple[str, str]]) -> Record:
    origin = f"{year}-tahunan"
    return Record(origin, Period.from_id(origin),
                  tuple(Recommendation(f"{origin}-R{n}", origin, n, "t", "Sekretaris", None)
                        for n in range(1, recs + 1)),
                  tuple(FollowUp(rid, status, "u") for rid, status in follows))


@given(st.lists(st.sampled_from(STATUSES), min_size=1, max_size=6))
def test_open_until_an_evaluation_closes_it(statuses: list[str]) -> None:
    """Whatever the sequence of statuses, the recommendation is open exactly until the first
    closing one, and each later evaluation must address it while open."""
    records = [_record(2020, 1, [])]
    records += [_record(2021 + i, 0, [("2020-tahunan-R1", s)]) for i, s in enumerate(statuses)]
    ledger = build_ledger(records)
    first_close = next((i for i, s in enumerate(statuses) if s in CLOSING), None)
    entry = ledger.entries["2020-tahunan-R1"]
    assert entry.open is (first_close is None)
    for i in range(len(statuses)):
        must = [e.recommendation.id for e in ledger.open_before(f"{2021 + i}-tahunan")]
        assert must == ([] if first_close is not None and i > first_close
                        else ["2020-tahunan-R1"])


def test_tracker_and_report_pages_show_the_samples_follow_up(
        sample_repo: Path) -> None:
    """The site lists exactly the sample's recommendations with their statuses, open ones
    first, the closed ones aged to the report that closed them; the 2025 report page shows
    its follow-up table after its Rekomendasi section; the home page counts the open ones."""
    site = sample_repo / "site"
    build_site(load_settings(sample_repo), site)
    tracker = (site / "arsip" / "rekomendasi" / "index.html").read_text(encoding="utf-8")
    body = tracker[tracker.index("<tbody>"):tracker.index("</tbody>")]
    rows = [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row)).strip()
            for row in body.split("<tr>")[1:]]
    ids = [row.split(" ")[0] for row in rows]
    assert ids == ["2024-tahunan-R3", "2025-tahunan-R1", "2025-tahunan-R2", "2025-tahunan-R3",
                   "2024-tahunan-R1", "2024-tahunan-R2"]
    assert "Tahun 2025 : dalam proses" in rows[0] and rows[0].split()[-1].isdigit()
    from evkin import clock

    deadlines = {"2025-tahunan-R1": dt.date(2026, 3, 31), "2025-tahunan-R2": dt.date(2026, 4, 30),
                 "2025-tahunan-R3": dt.date(2026, 12, 31)}
    for row in rows[1:4]:
        late = deadlines[row.split(" ")[0]] < clock.today()  # open after its deadline: flagged
        assert ("belum ditindaklanjuti lewat tenggat –" if late
                else "belum ditindaklanjuti –") in row, row
    assert "lewat tenggat" in rows[0]  # 2024-tahunan-R3, due 31 Desember 2024, still open
    holidays = indonesian_holidays([2025, 2026])
    closed_age = working_days_between(dt.date(2025, 1, 27), dt.date(2026, 1, 26), holidays)
    assert 230 < closed_age < 260  # a year of working days, less the holidays
    for row in rows[4:]:
        assert row.endswith(f"selesai Tahun 2025 : selesai {closed_age}")
    assert "4 dari 6 rekomendasi masih terbuka" in " ".join(parse_text(tracker))

    home = " ".join(parse_text((site / "index.html").read_text(encoding="utf-8")))
    assert "4 rekomendasi terbuka" in home

    report = " ".join(parse_text(
        (site / "arsip/2025/2025-tahunan/index.html").read_text(encoding="utf-8")))
    # The heading, then the table (the page's table of contents names the heading too).
    start = report.index("Tindak Lanjut Rekomendasi Evaluasi Sebelumnya ¶ Id Rekomendasi")
    assert report.rindex("Faktor Penghambat", 0, start) < start
    table = report[start:report.index("Penutup", start)]
    assert re.findall(r"2024-tahunan-R\d", table) == [
        "2024-tahunan-R1", "2024-tahunan-R2", "2024-tahunan-R3"]
    chunks = re.split(r"2024-tahunan-R\d", table)[1:]
    assert [re.search(r"\d{4} (selesai|dalam proses|belum ditindaklanjuti|tidak relevan lagi)",
                      c)[1] for c in chunks] == ["selesai", "selesai", "dalam proses"]  # type: ignore[index]


def parse_text(markup: str) -> list[str]:
    return [t.strip() for t in read(markup).text if t.strip()]


def test_a_final_report_never_quotes_unapproved_recommendation_text(
        sample_repo: Path, evkin) -> None:  # type: ignore[no-untyped-def]
    """2025-tahunan approved at a commit where 2024-tahunan's recommendation had been edited
    after its own approval: the final report names the recommendation without its text, and
    stays so when 2024-tahunan is put back later (judged at the approved commit)."""
    from evkin.approval.trail import verify_trail
    from evkin.site.collect import collect

    from .conftest import git
    from .test_pdf import flat, sign, texts

    edit(sample_repo, "evaluations/2024-tahunan/rekomendasi.yml",
         "teks: Percepatan survei kondisi jalan menjadi dua kali setahun",
         "teks: Survei kondisi jalan cukup sekali setahun")
    git(sample_repo, "commit", "-q", "-am", "Ubah rekomendasi yang sudah disetujui")
    sign(sample_repo, "2025-tahunan")  # approved at this commit
    settings = load_settings(sample_repo)
    assert not verify_trail(sample_repo, "2024-tahunan").ok
    assert verify_trail(sample_repo, "2025-tahunan").ok

    def rows() -> list[tuple[str, str, str]]:
        report = collect(settings, False, {"2025-tahunan": verify_trail(
            sample_repo, "2025-tahunan")}).by_id()
        return [(r.id, r.teks, r.status) for r in report["2025-tahunan"].follow_up]

    unquoted = [("2024-tahunan-R1", "", "selesai"), ("2024-tahunan-R2", "", "selesai"),
                ("2024-tahunan-R3", "", "dalam proses")]
    assert rows() == unquoted

    run: Run = evkin("pdf", "-o", str(sample_repo / "out"), "2025-tahunan", root=sample_repo)
    assert run.code == 0, run.err
    text = flat(" ".join(texts(sample_repo / "out" / "2025-tahunan.pdf")))
    assert "cukup sekali setahun" not in text
    assert "teks rekomendasi tidak ditampilkan karena laporan asalnya belum final" in text

    git(sample_repo, "revert", "--no-edit", "HEAD~1")  # 2024-tahunan as approved again
    assert verify_trail(sample_repo, "2024-tahunan").ok
    assert rows() == unquoted
