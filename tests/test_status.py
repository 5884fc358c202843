"""``evkin status``: SOP step, next actor, and each step's time against the SOP's standard in
working days with Indonesian holidays (the ``holidays`` package)."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from evkin import timing
from evkin.approval.records import Approval
from evkin.report.progress import TimelineFacts, progress
from evkin.sop import load_sop

from .conftest import git

WIB = dt.timezone(dt.timedelta(hours=7))
EVAL = "2024-tahunan"


def at(day: str, time: str = "09:00") -> dt.datetime:
    return dt.datetime.fromisoformat(f"{day}T{time}:00+07:00")


@pytest.fixture(scope="module")
def holidays() -> dict[dt.date, str]:
    return timing.indonesian_holidays([2025, 2026])


def test_holidays_come_from_the_holidays_package(holidays: dict[dt.date, str]) -> None:
    assert holidays[dt.date(2025, 1, 29)] == "Tahun Baru Imlek"
    assert "Isra" in holidays[dt.date(2025, 1, 27)]
    assert "Cuti Bersama" in holidays[dt.date(2025, 1, 28)]  # collective leave for ASN
    assert dt.date(2025, 1, 30) not in holidays


def test_working_days_skip_weekends_and_indonesian_holidays(holidays: dict[dt.date, str]
                                                            ) -> None:
    friday, next_tuesday = dt.date(2025, 1, 24), dt.date(2025, 2, 4)
    assert timing.working_days_between(friday, next_tuesday, set()) == 7
    # Mon 27 Isra Mikraj, Tue 28 cuti bersama, Wed 29 Imlek: only Thu, Fri, Mon, Tue count.
    assert timing.working_days_between(friday, next_tuesday, holidays) == 4
    assert timing.add_working_days(friday, 5, holidays) == dt.date(2025, 2, 5)
    assert timing.add_working_days(friday, 5, set()) == dt.date(2025, 1, 31)
    assert timing.working_days_between(friday, friday, holidays) == 0
    assert not timing.is_working_day(dt.date(2025, 1, 25), set())  # Saturday
    assert timing.is_overdue(friday, dt.date(2025, 2, 6), 5, holidays)
    assert not timing.is_overdue(friday, dt.date(2025, 2, 5), 5, holidays)


def facts(approvals: tuple[Approval, ...] = (), drafts: tuple[dt.datetime, ...] = (),
          tree: str = "T", verified: bool = False) -> TimelineFacts:
    return TimelineFacts(
        evaluation_id=EVAL,
        document_dates={1: dt.date(2025, 1, 13), 2: dt.date(2025, 1, 14),
                        3: dt.date(2025, 1, 15), 4: dt.date(2025, 1, 20)},
        report_ready=True, draft_times=drafts or (at("2025-01-24", "16:00"),),
        report_date=None, approvals=approvals, current_tree=tree, verified=verified)


def approval(role: str, decision: str, when: dt.datetime, tree: str = "T") -> Approval:
    return Approval(role=role, decision=decision, name=role, at=when, tree=tree)


def test_paraf_within_five_working_days_across_holidays_is_on_time(
        holidays: dict[dt.date, str]) -> None:
    paraf = approval("sekretaris", "paraf", at("2025-02-04"))
    result = progress(facts((paraf,)), load_sop(), dt.date(2025, 2, 4), holidays)
    step6 = result.steps[5]
    assert (step6.state, step6.working_days, step6.overdue) == ("done", 4, False)
    assert step6.deadline == dt.date(2025, 2, 5)
    assert (result.step, result.next_actor) == (7, "kepala_dinas")
    # The same dates without the holidays would be 7 working days: late.
    plain = progress(facts((paraf,)), load_sop(), dt.date(2025, 2, 4), set())
    assert plain.steps[5].overdue and plain.overdue == (6,)


def test_open_step_past_its_deadline_is_flagged(holidays: dict[dt.date, str]) -> None:
    sop = load_sop()
    on_time = progress(facts(), sop, dt.date(2025, 2, 5), holidays)
    assert (on_time.step, on_time.next_actor, on_time.overdue) == (6, "sekretaris", ())
    late = progress(facts(), sop, dt.date(2025, 2, 6), holidays)
    assert late.steps[5].state == "current" and late.overdue == (6,)
    # The Kepala Dinas has 2 working days from the paraf.
    paraf = approval("sekretaris", "paraf", at("2025-01-30"))
    signing = progress(facts((paraf,)), sop, dt.date(2025, 2, 4), holidays)
    assert signing.steps[6].state == "current" and signing.overdue == (7,)
    assert progress(facts((paraf,)), sop, dt.date(2025, 2, 3), holidays).overdue == ()


def test_steps_follow_the_trail(holidays: dict[dt.date, str]) -> None:
    sop = load_sop()
    paraf = approval("sekretaris", "paraf", at("2025-01-30"))
    signature = approval("kepala_dinas", "tanda_tangan", at("2025-01-31"))
    merged = progress(facts((paraf, signature), verified=True), sop, dt.date(2025, 2, 3),
                      holidays)  # merged, verified, but not published: step 8 is still open
    assert (merged.step, merged.note, merged.steps[7].state) == (
        8, "status.not_published", "current")
    done = progress(replace(facts((paraf, signature), verified=True),
                            recorded_at=at("2025-02-03", "09:00")), sop, dt.date(2025, 2, 3),
                    holidays)
    assert done.done and done.step == 9 and all(s.state == "done" for s in done.steps)
    unverified = progress(facts((paraf, signature)), sop, dt.date(2025, 2, 3), holidays)
    assert (unverified.step, unverified.next_actor, unverified.note) == (
        8, "perencanaan", "status.unverified")
    back = approval("sekretaris", "kembali", at("2025-01-27"))
    returned = progress(facts((back,)), sop, dt.date(2025, 1, 27), holidays)
    assert (returned.step, returned.next_actor, returned.note) == (5, "tim_sakip",
                                                                   "status.returned")
    stale = progress(facts((paraf,), tree="NEW"), sop, dt.date(2025, 2, 3), holidays)
    assert (stale.step, stale.note) == (6, "status.stale")
    outside_git = progress(facts((paraf,), tree=""), sop, dt.date(2025, 2, 3), holidays)
    assert outside_git.note == "status.no_tree"
    missing = TimelineFacts(EVAL, {1: dt.date(2025, 1, 13)}, False, (), None, (), "T", False)
    early = progress(missing, sop, dt.date(2025, 1, 14), holidays)
    assert (early.step, early.next_actor) == (2, "sekretaris")


def commit_draft(root: Path, when: str) -> None:
    with (root / f"evaluations/{EVAL}/laporan.md").open("a", encoding="utf-8") as fh:
        fh.write("\nDraf yang diserahkan.\n")
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when,
           "GIT_AUTHOR_NAME": "Tim SAKIP", "GIT_AUTHOR_EMAIL": "sakip@example.id",
           "GIT_COMMITTER_NAME": "Tim SAKIP", "GIT_COMMITTER_EMAIL": "sakip@example.id"}
    subprocess.run(["git", "commit", "-q", "-am", "Draf"], cwd=root, env=env, check=True)


def test_status_cli_flags_an_overdue_paraf(evkin: Any, sample_repo: Path) -> None:
    git(sample_repo, "rm", "-q", "-r", "persetujuan")
    git(sample_repo, "commit", "-q", "-m", "No trails yet")
    commit_draft(sample_repo, "2025-01-24T16:00:00+07:00")
    fine = evkin("status", EVAL, "--today", "2025-02-05", root=sample_repo)
    assert fine.code == 0, fine.err
    assert "Langkah 6: Pemeriksaan dan paraf. Berikutnya: Sekretaris." in fine.out
    assert "5 Februari 2025" in fine.out and "LEWAT BATAS" not in fine.out
    late = evkin("status", EVAL, "--today", "2025-02-06", root=sample_repo)
    row = next(line for line in late.out.splitlines() if line.strip().startswith("6 "))
    assert "6 hari kerja" in row and "LEWAT BATAS" in row
    assert "Langkah melewati standar waktu SOP: 6." in late.out
    data = json.loads(evkin("status", "--format", "json", "--today", "2025-02-06",
                            root=sample_repo).out)
    row6 = next(e for e in data["evaluasi"] if e["id"] == EVAL)
    assert row6["langkah"] == 6 and row6["berikutnya"] == "Sekretaris"
    assert row6["terlambat"] == [6]
    assert row6["langkah_langkah"][5]["batas"] == "2025-02-05"
    assert row6["langkah_langkah"][0]["standar"] == "10 menit"
    assert evkin("status", EVAL, "--today", "kemarin", root=sample_repo).code == 2


def test_status_of_the_bundled_sample_is_final(evkin: Any, sample_repo: Path) -> None:
    archive = sample_repo.parent / "arsip"  # as published: three hours after each signature
    archive.mkdir()
    (archive / "manifest.json").write_text(json.dumps({"laporan": [
        {"id": "2024-tahunan", "terbit": "2025-01-31T13:05:00+07:00"},
        {"id": "2025-tahunan", "terbit": "2026-01-29T17:00:00+07:00"}]}), encoding="utf-8")
    run = evkin("status", "--archive", str(archive), root=sample_repo)
    assert run.code == 0
    rows = [line for line in run.out.splitlines() if line.startswith("20")]
    assert len(rows) == 2 and all("selesai (final)" in r for r in rows)
    one = evkin("status", EVAL, "--archive", str(archive), root=sample_repo)
    assert "Semua langkah SOP selesai" in one.out
    assert "30 Januari 2025" in one.out and "31 Januari 2025" in one.out
    # The copy was committed after the (fictional) paraf, so the hand-in falls back to the
    # report's own date rather than a draft time later than the paraf.
    row5 = next(line for line in one.out.splitlines() if line.strip().startswith("5 "))
    assert "27 Januari 2025" in row5
    assert "TERLAMBAT" not in one.out  # step 8 when the archive published it


def test_step_8_falls_back_to_when_the_trail_landed(evkin: Any, sample_repo: Path) -> None:
    """A trail recorded without ``dicatat`` (by an older evkin) and an unsigned ``diarsipkan``
    typed in by hand: step 8 is done only once the published archive lists the report; the
    typed time is ignored, and named by ``evkin check``."""
    import dataclasses

    from evkin.approval.records import load_trail, save_trail

    from .conftest import record_signed

    trail = load_trail(sample_repo, EVAL)
    assert trail is not None and trail.recorded_at
    save_trail(sample_repo, record_signed(dataclasses.replace(trail, recorded_at="")))
    path = sample_repo / "persetujuan" / f"{EVAL}.yml"
    with path.open("a", encoding="utf-8") as handle:
        handle.write("diarsipkan: '2025-01-31T13:05:00+07:00'\n")  # unsigned: not believed
    landed = "2025-02-05T10:00:00+07:00"  # the commit that recorded the trail on main
    subprocess.run(["git", "commit", "-q", "-am", "Trail without archive time"],
                   cwd=sample_repo, check=True,
                   env={**os.environ, "GIT_AUTHOR_DATE": landed, "GIT_COMMITTER_DATE": landed,
                        "GIT_AUTHOR_NAME": "CI", "GIT_AUTHOR_EMAIL": "ci@example.id",
                        "GIT_COMMITTER_NAME": "CI", "GIT_COMMITTER_EMAIL": "ci@example.id"})
    run = evkin("status", EVAL, root=sample_repo)
    row8 = next(line for line in run.out.splitlines() if line.strip().startswith("8 "))
    assert "selesai" not in row8  # the trail landed, but nothing says it was published
    assert "belum tampak di arsip yang terbit" in run.out
    archive = sample_repo.parent / "arsip"
    archive.mkdir()
    (archive / "manifest.json").write_text(json.dumps({"laporan": [
        {"id": EVAL, "terbit": landed}]}), encoding="utf-8")
    run = evkin("status", EVAL, "--archive", str(archive), root=sample_repo)
    row8 = next(line for line in run.out.splitlines() if line.strip().startswith("8 "))
    assert "5 Februari 2025" in row8 and "3 hari kerja" in row8 and "TERLAMBAT" in row8
    check = evkin("check", EVAL, root=sample_repo)
    assert f"persetujuan/{EVAL}.yml" in check.out and "'diarsipkan'" in check.out
    assert "tidak dilindungi tanda tangan" in check.out


def test_a_step_never_ends_before_it_starts_and_future_dates_are_flagged(
        evkin: Any, sample_repo: Path) -> None:
    notulen = sample_repo / f"evaluations/{EVAL}/dokumen/04-notulen-pembahasan.md"
    text = notulen.read_text(encoding="utf-8")
    old = re.search(r"(?m)^tanggal: (\S+)$", text)
    assert old is not None
    notulen.write_text(text.replace(old.group(0), "tanggal: 2099-01-20", 1), encoding="utf-8")
    run = evkin("status", EVAL, "--format", "json", root=sample_repo)
    steps = json.loads(run.out)["evaluasi"][0]["langkah_langkah"]
    for step in steps:
        if step["mulai"] and step["selesai"]:
            assert step["mulai"][:10] <= step["selesai"][:10], step
    assert steps[4]["tanggal_tidak_berurutan"] is True  # the draft "before" the meeting
    text_run = evkin("status", EVAL, root=sample_repo)
    assert "TANGGAL TIDAK BERURUTAN" in text_run.out
    check = evkin("check", EVAL, root=sample_repo)
    line = text.splitlines().index(old.group(0)) + 1
    assert (f"evaluations/{EVAL}/dokumen/04-notulen-pembahasan.md:{line}: peringatan: tanggal "
            "2099-01-20 belum tiba") in check.out
