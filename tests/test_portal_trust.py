"""The province portal over a forge-less agency's archive (``persetujuan.cara: tanpa_forge``):
its trails are checked against the officials' SSH keys the province pinned in ``portal.yml``,
never keys the archive ships. Attacks by the agency itself (it holds its record key): trails
re-signed with a key of its own, a trail passed off as a record-signed forge trail."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from evkin import signing
from evkin.approval.records import load_trail, save_trail
from evkin.approval.trail import sign_record
from evkin.portal.verify import SIG_FILE
from evkin.settings import load_settings

from .conftest import SAMPLE_RECORD_KEY, copy_sample, git, ssh_keys
from .test_portal import record_key, sign_manifest
from .test_trail import add_keys

EVAL = "2025-tahunan"


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return ssh_keys(tmp_path_factory.mktemp("kunci"), ("sekretaris", "kepala", "palsu"))


def public(key: Path) -> str:
    return " ".join(Path(f"{key}.pub").read_text(encoding="utf-8").split()[:2])


@pytest.fixture(scope="module")
def forgeless_archive(tmp_path_factory: pytest.TempPathFactory, keys: dict[str, Path]
                      ) -> Iterator[Path]:
    """A forge-less office's archive: 2025-tahunan approved with `evkin approve` by the
    officials' keys, published with the agency's record key signing the manifest."""
    from evkin.archive.publish import publish
    from evkin.cli import main

    base = tmp_path_factory.mktemp("tanpa-forge")
    root = copy_sample(base / "repo")
    git(root, "rm", "-q", "-r", "persetujuan")
    add_keys(root, keys)
    git(root, "commit", "-q", "-am", "Forge-less office: officials' SSH keys")
    for role, key in (("sekretaris", "sekretaris"), ("kepala-dinas", "kepala")):
        assert main(["--root", str(root), "approve", EVAL, "--role", role,
                     "--key", str(keys[key])]) == 0
    outcome = publish(load_settings(root), base / "terbit", previous_source="none",
                      env={"EVKIN_RECORD_KEY": SAMPLE_RECORD_KEY.read_text(encoding="ascii")})
    folder = base / "arsip"
    shutil.copytree(outcome.release, folder)
    assert (folder / SIG_FILE).is_file()
    yield folder


def config(tmp_path: Path, places: dict[str, Path], officials: dict[str, str] | None) -> Path:
    lines = ["judul: Portal Provinsi", "instansi:"]
    for code, where in places.items():
        lines += [f"  - kode: {code}", f"    nama: Dinas {code.title()}", f"    arsip: {where}",
                  "    kunci_pencatat:", f"      - {record_key()}"]
        if officials:
            lines += ["    kunci_pejabat:"] + [f"      {role}:\n        - {key}"
                                              for role, key in officials.items()]
    path = tmp_path / "portal.yml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def trail_of(folder: Path) -> tuple[Path, Any]:
    """The published trail file of EVAL and the trail read from it."""
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    entry = next(e for e in manifest["laporan"] if e["id"] == EVAL)
    path = folder / entry["portal"]["jejak"]
    scratch = folder.parent / f".{folder.name}-jejak"
    (scratch / "persetujuan").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(path, scratch / "persetujuan" / f"{EVAL}.yml")
    trail = load_trail(scratch, EVAL)
    assert trail is not None and trail.source == "ssh"
    return path, trail


def write_trail(path: Path, trail: Any) -> None:
    scratch = path.parent / ".tulis"
    written = save_trail(scratch, trail)
    shutil.copyfile(written, path)
    shutil.rmtree(scratch)


def test_a_forgeless_archive_verifies_against_the_officials_keys_the_province_pinned(
        evkin: Any, forgeless_archive: Path, keys: dict[str, Path], tmp_path: Path) -> None:
    officials = {"sekretaris": public(keys["sekretaris"]), "kepala_dinas": public(keys["kepala"])}
    # The agency re-signs every record with a key of its own (the archive's trail is all it
    # controls; its record key re-signs nothing the officials signed).
    forged = tmp_path / "palsu"
    shutil.copytree(forgeless_archive, forged, symlinks=True)
    path, trail = trail_of(forged)
    resigned = [dataclasses.replace(a, ssh_signature=signing.sign(a.payload(), keys["palsu"]))
                for a in trail.approvals]
    write_trail(path, dataclasses.replace(trail, approvals=tuple(resigned)))
    # The agency passes the trail off as a forge trail signed with its own record key.
    posing = tmp_path / "forge"
    shutil.copytree(forgeless_archive, posing, symlinks=True)
    path, trail = trail_of(posing)
    bare = tuple(dataclasses.replace(a, ssh_signature="") for a in trail.approvals)
    write_trail(path, sign_record(dataclasses.replace(trail, source="github", approvals=bare),
                                  SAMPLE_RECORD_KEY.read_text(encoding="ascii")))
    sign_manifest(posing, SAMPLE_RECORD_KEY)
    run = evkin("portal", "-c", str(config(tmp_path, {"asli": forgeless_archive,
                                                       "palsu": forged, "forge": posing},
                                           officials)), "-o", str(tmp_path / "portal"))
    assert run.code == 1, run.out + run.err
    assert "Dinas Asli: terverifikasi, 1 laporan." in run.out
    out = tmp_path / "portal"
    assert (out / "laporan" / "asli" / EVAL / "index.html").is_file()
    page = (out / "instansi" / "palsu" / "index.html").read_text(encoding="utf-8")
    assert (f"laporan {EVAL}: catatan ke-1 (sekretaris) tidak ditandatangani dengan kunci "
            "pejabat yang ditetapkan provinsi") in page
    page = (out / "instansi" / "forge" / "index.html").read_text(encoding="utf-8")
    assert "jejaknya bukan jejak bertanda tangan SSH pejabat" in page
    for code in ("palsu", "forge"):
        assert not (out / "laporan" / code).exists(), code  # never merged


def test_a_forgeless_archive_needs_the_officials_keys_in_portal_yml(
        evkin: Any, forgeless_archive: Path, tmp_path: Path) -> None:
    """Without ``kunci_pejabat`` the portal cannot check the officials' signatures, and says
    what to add; the record key alone (the agency's) does not make the trail count."""
    run = evkin("portal", "-c", str(config(tmp_path, {"asli": forgeless_archive}, None)),
                "-o", str(tmp_path / "portal"))
    assert run.code == 1
    page = (tmp_path / "portal" / "instansi" / "asli" / "index.html").read_text(encoding="utf-8")
    assert "provinsi belum mencatat kunci pejabat instansi ini" in page
    assert "isi &#x27;kunci_pejabat&#x27;" in page or "isi 'kunci_pejabat'" in page


def test_portal_yml_names_bad_official_keys_by_line(evkin: Any, tmp_path: Path) -> None:
    path = config(tmp_path, {"satu": tmp_path}, {"sekretaris": "bukan-kunci"})
    run = evkin("portal", "-c", str(path), "-o", str(tmp_path / "portal"))
    assert run.code != 0
    assert "portal.yml:8" in run.out + run.err, run.out + run.err
    assert "'kunci_pejabat' harus berisi 'sekretaris' dan 'kepala_dinas'" in run.out + run.err


# ------------------------------------------------------- replay of an older signed manifest

def test_a_replayed_older_manifest_is_shown_as_rolled_back_never_merged(
        evkin: Any, forgeless_archive: Path, keys: dict[str, Path], tmp_path: Path) -> None:
    """The agency's site (or whoever serves it) hands out an older manifest, still genuinely
    signed, to hide a newer report: the portal's own record of the last manifest it verified
    catches it; a second, different manifest with the same number is a fork."""
    officials = {"sekretaris": public(keys["sekretaris"]), "kepala_dinas": public(keys["kepala"])}
    site = tmp_path / "situs"
    shutil.copytree(forgeless_archive, site, symlinks=True)
    first = (site / "manifest.json").read_bytes(), (site / SIG_FILE).read_bytes()
    data = json.loads(first[0])
    assert (data["urutan"], data["sebelumnya"]) == (1, None)  # as `evkin publish` wrote it
    path = config(tmp_path, {"pangan": site}, officials)
    record = tmp_path / "manifes-terakhir.json"

    def portal() -> Any:
        return evkin("portal", "-c", str(path), "-o", str(tmp_path / "portal"))

    def seen() -> int:
        return int(json.loads(record.read_text(encoding="utf-8"))["instansi"]["pangan"]["urutan"])

    def republish(number: int, previous: str | None, note: str) -> None:
        newer = json.loads(first[0])
        newer.update(urutan=number, sebelumnya=previous, catatan_uji=note)
        (site / "manifest.json").write_text(json.dumps(newer), encoding="utf-8")
        sign_manifest(site, SAMPLE_RECORD_KEY)  # the agency's own key: genuinely signed

    assert portal().code == 0 and seen() == 1
    republish(2, hashlib.sha256(first[0]).hexdigest(), "laporan baru")
    assert portal().code == 0 and seen() == 2
    (site / "manifest.json").write_bytes(first[0])  # the replay: version 1, signature and all
    (site / SIG_FILE).write_bytes(first[1])
    run = portal()
    assert run.code == 1
    assert "Dinas Pangan: diputar mundur; tidak digabungkan." in run.out, run.out
    out = tmp_path / "portal"
    page = (out / "instansi" / "pangan" / "index.html").read_text(encoding="utf-8")
    assert ("manifes yang disajikan bernomor urut 1, padahal portal sudah memverifikasi "
            "manifes nomor 2") in page
    assert "Manifes lama diputar ulang: tidak digabungkan" in (out / "index.html").read_text(
        encoding="utf-8")
    assert not (out / "laporan" / "pangan").exists()
    assert seen() == 2  # the record never goes back
    # A fork: another manifest numbered 2, not the one verified.
    republish(2, hashlib.sha256(first[0]).hexdigest(), "versi lain")
    run = portal()
    assert run.code == 1 and "dua manifes bertanda tangan yang berbeda" in run.out, run.out
    assert seen() == 2
    # An unreadable record stops the run rather than starting afresh unnoticed.
    record.write_text("{rusak", encoding="utf-8")
    run = portal()
    assert run.code != 0 and "manifes-terakhir.json tidak dapat dibaca" in run.err, run.err


def test_manifest_chain_decisions() -> None:
    from evkin.record.manifest_chain import FORKED, NEW, ROLLED_BACK, SAME, Seen, judge, link

    one: dict[str, Any] = {"laporan": [], "komit": "a"}
    link(one, None, "")
    assert (one["urutan"], one["sebelumnya"]) == (1, None)
    again = {"laporan": [], "komit": "a"}
    link(again, one, "h1")
    assert again == one  # nothing new published: the same number, the same bytes
    two = {"laporan": [], "komit": "b"}
    link(two, one, "h1")
    assert (two["urutan"], two["sebelumnya"]) == (2, "h1")
    seen = Seen(2, "h2")
    assert judge(None, two, "h2") == NEW and judge(seen, two, "h2") == SAME
    assert judge(seen, one, "h1") == ROLLED_BACK
    assert judge(seen, {"laporan": []}, "old") == ROLLED_BACK  # from before numbering
    assert judge(seen, {**two, "x": 1}, "h2b") == FORKED
    assert judge(seen, {"urutan": 3, "sebelumnya": "h2"}, "h3") == NEW
    assert judge(seen, {"urutan": 3, "sebelumnya": "other"}, "h3") == FORKED
    assert judge(seen, {"urutan": 7, "sebelumnya": "h6"}, "h7") == NEW  # runs missed between
    assert judge(Seen(0, "h0"), {"laporan": []}, "h0b") == NEW  # old archives stay readable


def test_evkin_verify_does_not_vouch_for_a_report_approved_again_since_the_manifest(
        evkin: Any, forgeless_archive: Path, tmp_path: Path) -> None:
    """In the agency's repository, `evkin verify` reads its main line: when the report's trail
    changed after the commit the (genuinely signed) manifest was published from, that manifest
    cannot say the PDF is still the current version (an old manifest served again, or the
    publication not yet run)."""
    clone = tmp_path / "repo"
    subprocess.run(["git", "clone", "-q", str(forgeless_archive.parent / "repo"), str(clone)],
                   check=True)
    manifest = json.loads((forgeless_archive / "manifest.json").read_text(encoding="utf-8"))
    pdf = forgeless_archive / next(e for e in manifest["laporan"] if e["id"] == EVAL)["pdf"]
    run = evkin("verify", str(pdf), "--archive", str(forgeless_archive), root=clone)
    assert run.code == 0 and "ASLI" in run.out, run.out + run.err
    trail = clone / "persetujuan" / f"{EVAL}.yml"
    trail.write_text(trail.read_text(encoding="utf-8") + "# versi baru disetujui\n",
                     encoding="utf-8")
    git(clone, "commit", "-q", "-am", "Persetujuan baru")
    run = evkin("verify", str(pdf), "--archive", str(forgeless_archive), root=clone)
    assert run.code == 1
    assert f"sesudahnya jejak persetujuan {EVAL} berubah di repositori ini" in run.out, run.out
    assert "ASLI" not in run.out
