"""One report, one truth: every output shows the same report, whatever asks and however it is
batched, on the agency's one clock."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest

from evkin import clock
from evkin.indonesian_dates import format_datetime
from evkin.report import outputs
from evkin.settings import load_settings

from .conftest import copy_sample, git
from .test_pdf import flat, sign, texts

ID = "2025-tahunan"
OTHER = "2024-tahunan"


@pytest.fixture(scope="module")
def signed_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_sample(tmp_path_factory.mktemp("one") / "repo")
    sign(root)
    return root


def test_a_reports_pdf_is_the_same_bytes_alone_in_a_batch_and_in_reverse(
        signed_repo: Path, tmp_path: Path) -> None:
    settings = load_settings(signed_repo)
    alone = outputs.build_pdfs(settings, [ID], tmp_path / "alone")[ID].read_bytes()
    batch = outputs.build_pdfs(settings, [OTHER, ID], tmp_path / "batch")
    reverse = outputs.build_pdfs(settings, [ID, OTHER], tmp_path / "reverse")
    assert batch[ID].read_bytes() == alone
    assert reverse[ID].read_bytes() == alone
    assert batch[OTHER].read_bytes() == reverse[OTHER].read_bytes()


def test_every_time_shown_is_on_the_agency_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    late_utc = dt.datetime(2026, 1, 26, 22, 39, tzinfo=dt.UTC)
    clock.set_zone("Asia/Jakarta")
    assert format_datetime(late_utc) == "Selasa, 27 Januari 2026 05.39 WIB"
    clock.set_zone("Asia/Makassar")
    try:
        assert format_datetime(late_utc, weekday=False) == "27 Januari 2026 06.39 WITA"
        assert format_datetime(late_utc, lang="en") == "Tuesday, 27 January 2026 06:39 WITA"
    finally:
        clock.set_zone("Asia/Jakarta")


def test_a_bad_zone_is_a_located_settings_finding(tmp_path: Path) -> None:
    from evkin.findings import EvkinError

    root = copy_sample(tmp_path / "repo", init_git=False)
    text = (root / "evkin.yml").read_text(encoding="utf-8")
    (root / "evkin.yml").write_text(
        text.replace("zona_waktu: Asia/Jakarta", "zona_waktu: Asia/Padang"),
        encoding="utf-8")
    with pytest.raises(EvkinError) as error:
        load_settings(root)
    assert any(f.code == "settings.zone" and f.line for f in error.value.findings)


def test_pdf_and_cli_show_the_same_time_for_an_approval_made_late_in_utc(
        tmp_path: Path) -> None:
    """An approval recorded at 22.39 UTC is 05.39 WIB the next day in the history, on the
    PDF's paraf box and in its footer date alike."""
    from evkin.approval.records import load_trail, save_trail

    root = copy_sample(tmp_path / "repo")
    sign(root)
    trail = load_trail(root, ID)
    assert trail is not None
    late = dt.datetime(2026, 1, 26, 22, 39, tzinfo=dt.UTC)
    approvals = tuple(dataclasses.replace(a, at=late) if a.decision == "paraf" else a
                      for a in trail.approvals)
    save_trail(root, dataclasses.replace(trail, approvals=approvals))
    git(root, "add", "persetujuan")
    git(root, "commit", "-q", "-m", "Late paraf", "--date=2026-01-26T22:45:00+00:00")
    out = outputs.build_pdf(load_settings(root), ID, tmp_path / "out")
    text = flat(" ".join(texts(out)))
    assert "27 Januari 2026 pukul 05.39 WIB" in text
    assert "22.39" not in text


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from evkin.commands.site import write_local_manifest
    from evkin.site.build import build_site

    from .archive_repo import make_archive_repo

    root = make_archive_repo(tmp_path_factory.mktemp("site") / "repo")
    settings = load_settings(root)
    # As 'evkin site build' does: the pages and the manifest of this local archive, which is
    # how 'evkin status' learns that step 8 (publication) happened for the final reports.
    write_local_manifest(settings, build_site(settings, root / "site"), root / "site")
    return root


def _timeline_rows(page: Path) -> list[list[str]]:
    html = page.read_text(encoding="utf-8")
    table = re.search(r'evkin-linimasa"><table>(.*?)</table>', html, re.S)
    assert table is not None
    rows = re.findall(r"<tr>(.*?)</tr>", table.group(1), re.S)
    out = []
    for row in rows:
        cells = [re.sub(r"<[^>]+>", "", c).strip()
                 for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
        if cells:
            out.append(cells)
    return out


def test_status_and_the_site_show_the_same_timeline(archive: Path, evkin) -> None:  # type: ignore[no-untyped-def]
    from evkin.indonesian_dates import format_moment

    # Step 8 as published: the archive's manifest says when (here, when each trail was
    # recorded, which is what the archive's own pages show).
    published = archive.parent / "terbit"
    published.mkdir(exist_ok=True)
    (published / "manifest.json").write_text(json.dumps({"laporan": [
        {"id": "2024-tahunan", "terbit": "2025-01-31T13:05:00+07:00"},
        {"id": "2025-tahunan", "terbit": "2026-01-29T17:00:00+07:00"}]}), encoding="utf-8")
    for evaluation_id, year in (("2025-tahunan", "2025"), ("2024-tahunan", "2024")):
        done = evkin("status", evaluation_id, "--format", "json", "--archive", str(published),
                     root=archive)
        assert done.code == 0, done.err
        steps = json.loads(done.out)["evaluasi"][0]["langkah_langkah"]
        rows = _timeline_rows(archive / "site" / "arsip" / year / evaluation_id / "index.html")
        assert [r[0] for r in rows] == [str(s["langkah"]) for s in steps]
        for row, step in zip(rows, steps, strict=True):
            for cell, key in ((row[3], "mulai"), (row[4], "selesai")):
                value = step[key]
                moment = (None if value is None else dt.datetime.fromisoformat(value)
                          if "T" in value else dt.date.fromisoformat(value))
                assert cell == format_moment(moment, lang="id"), (evaluation_id, step)
            days = step["hari_kerja"]
            if step["status"] == "done":
                assert row[6] == ("–" if days is None else f"{days} hari kerja")
            assert ("melebihi standar" in row[7]) == step["terlambat"]
        assert all(s["status"] == "done" for s in steps)  # final: every step recorded


def test_check_and_summary_give_the_same_indicator_rows(archive: Path, evkin) -> None:  # type: ignore[no-untyped-def]
    """The samples and the archive's generated evaluations: one row schema, one computation
    (the predecessor's capaian included)."""
    checked = json.loads(evkin("check", "--format", "json", root=archive).out)
    compared = 0
    for item in checked["evaluations"]:
        summary = json.loads(evkin("summary", item["id"], "--format", "json", root=archive).out)
        assert item["indicators"] == summary["indikator"], item["id"]
        compared += sum(1 for row in item["indicators"]
                        if row["capaian_sebelumnya"] is not None)
    assert compared > 0  # the comparison with the previous period is in both


def test_the_archive_publishes_the_pdf_evkin_pdf_builds(archive: Path, tmp_path: Path) -> None:
    """Built alone by `evkin pdf` or in the site's batch: one report, the same bytes."""
    for evaluation_id, year in (("2024-tahunan", "2024"), ("2025-tahunan", "2025")):
        folder = archive / "site" / "arsip" / year / evaluation_id
        published = folder / f"laporan-{evaluation_id}.pdf"
        alone = outputs.build_pdf(load_settings(archive), evaluation_id, tmp_path)
        assert alone.read_bytes() == published.read_bytes(), evaluation_id


def test_render_imports_nothing_that_loads_verifies_or_runs_git() -> None:
    import ast

    forbidden = ("evkin.evaluation.workspace", "evkin.evaluation.load", "evkin.approval.trail",
                 "evkin.gitrepo", "evkin.report.assembly", "evkin.report.outputs",
                 "evkin.evaluation.recommendations", "evkin.site",
                 "git")
    render = Path(__file__).resolve().parents[1] / "scripts" / "evkin" / "render"
    found = []
    for path in sorted(render.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip: set[int] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                skip |= {id(n) for n in ast.walk(node)}
        for node in ast.walk(tree):
            if id(node) in skip:
                continue
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            found += [f"{path.name}: {n}" for n in names
                      if any(n == f or n.startswith(f + ".") for f in forbidden)]
        assert '"git"' not in path.read_text(encoding="utf-8"), path.name
    assert found == []


def test_a_change_to_the_capaian_code_changes_the_one_cache_key(tmp_path: Path) -> None:
    """Pages, PDFs and trail verdicts are cached under one code key that covers capaian.py."""
    import subprocess
    import sys

    package = Path(__file__).resolve().parents[1] / "scripts" / "evkin"
    copy = tmp_path / "lib" / "evkin"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__"))
    probe = ("from evkin.site import pagecache, pdfs, verify;"
             "print(pdfs.code_hash(), pagecache.package_hash(), verify._code_hash())")

    def keys() -> list[str]:
        done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                              env={"PYTHONPATH": str(copy.parent), "PATH": "/usr/bin:/bin"},
                              check=True)
        return done.stdout.split()

    before = keys()
    assert len(set(before)) == 1  # one key
    capaian = copy / "evaluation" / "capaian.py"
    capaian.write_text(capaian.read_text(encoding="utf-8") + "\n# changed rounding\n",
                       encoding="utf-8")
    after = keys()
    assert len(set(after)) == 1 and after[0] != before[0]


@pytest.mark.slow
def test_final_output_is_rendered_with_the_settings_as_approved(tmp_path: Path, evkin) -> None:  # type: ignore[no-untyped-def]
    """After approval, main changes the Kepala Dinas' name and NIP, the predikat bands and
    formula_negatif: the final PDF keeps its bytes and the site its signer and figures; a draft
    uses the current settings."""
    from evkin.site.build import build_site

    root = copy_sample(tmp_path / "repo")
    sign(root)
    settings = load_settings(root)
    before = outputs.build_pdf(settings, ID, tmp_path / "before").read_bytes()
    summary_before = evkin("summary", ID, "--format", "json", root=root).out
    text = (root / "evkin.yml").read_text(encoding="utf-8")
    changed = (text.replace("Ir. Hendra Saputra, M.T.", "Dr. Ganti Orang, S.T.")
               .replace("19700312 199503 1 002", "19800101 200501 1 001")
               .replace("formula_negatif: A", "formula_negatif: B")
               .replace("{predikat: Sangat Tinggi, lebih_dari: 90}",
                        "{predikat: Sangat Tinggi, lebih_dari: 101}")
               .replace("{predikat: Tinggi, lebih_dari: 75, sampai: 90}",
                        "{predikat: Tinggi, lebih_dari: 75, sampai: 101}"))
    assert changed.count("Dr. Ganti Orang") == 1 and "lebih_dari: 101" in changed
    (root / "evkin.yml").write_text(changed, encoding="utf-8")
    git(root, "commit", "-q", "-am", "Pejabat dan predikat baru")
    after = outputs.build_pdf(load_settings(root), ID, tmp_path / "after").read_bytes()
    assert after == before
    assert evkin("summary", ID, "--format", "json", root=root).out == summary_before
    build_site(load_settings(root), root / "site")
    page = (root / "site" / "arsip" / "2025" / ID / "index.html").read_text(encoding="utf-8")
    assert "Ir. Hendra Saputra, M.T." in page and "Dr. Ganti Orang" not in page
    assert "Sangat Tinggi" in page
    site_pdf = root / "site" / "arsip" / "2025" / ID / f"laporan-{ID}.pdf"
    assert site_pdf.read_bytes() == before
    # A draft (its folder changed after approval) takes the settings of today.
    report = root / "evaluations" / ID / "laporan.md"
    report.write_text(report.read_text(encoding="utf-8") + "\nTambahan.\n", encoding="utf-8")
    git(root, "commit", "-q", "-am", "Ubah laporan")
    draft = outputs.build_pdf(load_settings(root), ID, tmp_path / "draft")
    assert "Dr. Ganti Orang, S.T." in flat(" ".join(texts(draft)))
