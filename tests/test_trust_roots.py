"""Roots of trust (issue 17): nothing a report's author can write decides what is final.

Each attack is tried as a Tim SAKIP member with push rights would: the author's own keys put
in evkin.yml for a forge-less approval (at once and days earlier), an offline trail in a forge
repository, the sample record key, the officials of a pull request's own evkin.yml, a role
change by the author while drafting, a revoked key, an edited signed field."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from evkin.approval import trust
from evkin.approval.records import Approval, Trail, load_trail, save_trail
from evkin.approval.trail import folder_tree, verify_trail

from .conftest import copy_sample, git, record_signed, ssh_keys
from .test_trail import add_keys

EVAL = "2025-tahunan"
REPORT = f"evaluations/{EVAL}/laporan.md"
WIB = dt.timezone(dt.timedelta(hours=7))


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The officials' keys and two keys of the report's author."""
    return ssh_keys(tmp_path_factory.mktemp("keys"),
                    ("sekretaris", "kepala", "lain", "author1", "author2"))


def public(key: Path) -> str:
    return Path(f"{key}.pub").read_text(encoding="utf-8").strip()


def commit(root: Path, message: str, when: str | None = None, *, name: str = "Tim SAKIP",
           email: str = "sakip@example.id", sign_with: Path | None = None) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": email,
           "GIT_COMMITTER_NAME": name, "GIT_COMMITTER_EMAIL": email}
    if when:
        env.update(GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
    command = ["git", "commit", "-q", "-am", message]
    if sign_with is not None:
        command[1:1] = ["-c", "gpg.format=ssh", "-c", f"user.signingkey={sign_with}"]
        command.append("-S")
    subprocess.run(command, cwd=root, env=env, check=True, capture_output=True)
    return git(root, "rev-parse", "HEAD")


@pytest.fixture
def office(tmp_path: Path, keys: dict[str, Path]) -> Path:
    """A forge-less office: the sample without trails, its officials' keys and
    ``persetujuan.cara: tanpa_forge`` committed (the pinned root of trust)."""
    root = copy_sample(tmp_path / "repo")
    git(root, "rm", "-q", "-r", "persetujuan")
    add_keys(root, keys)
    commit(root, "Forge-less office: officials' SSH keys", name="Ir. Hendra Saputra, M.T.",
           email="hendra.saputra@bmcktr.example")
    return root


def approve(evkin: Any, root: Path, role: str, key: Path) -> Any:
    return evkin("approve", EVAL, "--role", role, "--key", str(key), root=root)


def tamper(root: Path, when: str | None = None) -> str:
    report = root / REPORT
    report.write_text(report.read_text(encoding="utf-8")
                      + "\nRealisasi seluruh indikator dinyatakan tercapai.\n", encoding="utf-8")
    return commit(root, "Draft", when)


def fresh_clone(root: Path, dest: Path) -> Path:
    subprocess.run(["git", "clone", "-q", str(root), str(dest)], check=True)
    return dest


# ------------------------------------------------------------ forge-less: the signed chain

@pytest.mark.parametrize("days_earlier", [0, 9])
def test_the_authors_own_keys_never_approve_in_a_fresh_clone(
        evkin: Any, office: Path, keys: dict[str, Path], tmp_path: Path,
        days_earlier: int) -> None:
    """The issue's attack: the author lists their own keys as the officials' kunci_ssh (at once,
    or days before), tampers the report, signs both roles, restores evkin.yml."""
    settings = office / "evkin.yml"
    original = settings.read_text(encoding="utf-8")
    forged = (original.replace(public(keys["sekretaris"]), public(keys["author1"]))
              .replace(public(keys["kepala"]), public(keys["author2"])))
    settings.write_text(forged, encoding="utf-8")
    when = None
    if days_earlier:
        when = (dt.datetime.now(WIB) - dt.timedelta(days=days_earlier)).isoformat()
    key_change = commit(office, "Rapikan evkin.yml", when)
    tamper(office)
    assert approve(evkin, office, "sekretaris", keys["author1"]).code == 0
    assert approve(evkin, office, "kepala-dinas", keys["author2"]).code == 0
    settings.write_text(original, encoding="utf-8")
    commit(office, "Kembalikan evkin.yml")

    clone = fresh_clone(office, tmp_path / "clone")
    result = verify_trail(clone, EVAL)
    assert not result.ok and result.reason == "trail.trust_change_unsigned"
    assert result.params["commit"] == key_change[:12]
    run = evkin("approvals", EVAL, root=clone)
    assert run.code == 1 and "TIDAK TERVERIFIKASI" in run.out
    assert key_change[:12] in run.out and "tanpa tanda tangan SSH pejabat" in run.out
    assert "DITOLAK" in run.out  # the chain listing names the refused change too


def test_a_key_rotation_signed_by_a_trusted_official_counts(
        evkin: Any, office: Path, keys: dict[str, Path], tmp_path: Path) -> None:
    """The Sekretaris gets a new key in a commit the Kepala Dinas signed with his trusted key:
    her approvals with the new key verify, the old key no longer approves."""
    settings = office / "evkin.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace(
        public(keys["sekretaris"]), public(keys["lain"])), encoding="utf-8")
    commit(office, "Kunci baru Sekretaris", name="Ir. Hendra Saputra, M.T.",
           email="hendra.saputra@bmcktr.example", sign_with=keys["kepala"])
    tamper(office)
    assert approve(evkin, office, "sekretaris", keys["lain"]).code == 0
    assert approve(evkin, office, "kepala-dinas", keys["kepala"]).code == 0
    clone = fresh_clone(office, tmp_path / "clone")
    assert verify_trail(clone, EVAL).ok
    run = evkin("approvals", EVAL, root=clone)
    assert run.code == 0 and "ditandatangani kepala_dinas" in run.out


def test_a_key_rotation_signed_by_an_untrusted_key_is_refused(
        evkin: Any, office: Path, keys: dict[str, Path]) -> None:
    settings = office / "evkin.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace(
        public(keys["sekretaris"]), public(keys["author1"])), encoding="utf-8")
    commit(office, "Kunci baru Sekretaris", sign_with=keys["author1"])  # signs its own entry
    tamper(office)
    assert approve(evkin, office, "sekretaris", keys["author1"]).code == 0
    assert approve(evkin, office, "kepala-dinas", keys["kepala"]).code == 0
    assert verify_trail(office, EVAL).reason == "trail.trust_change_unsigned"


def test_the_root_fingerprint_changes_when_the_beginning_is_rewritten(
        office: Path, keys: dict[str, Path], tmp_path: Path) -> None:
    """The pin is printed with every final report: a history rewritten from the start with
    other first keys gives another fingerprint."""
    chain = trust.chain(office)
    assert chain is not None
    other = copy_sample(tmp_path / "other")
    git(other, "rm", "-q", "-r", "persetujuan")
    add_keys(other, keys, sekretaris="author1", kepala="author2")
    commit(other, "Forge-less office")
    forged = trust.chain(other)
    assert forged is not None
    assert forged.root.fingerprint() != chain.root.fingerprint()
    assert len(chain.root.fingerprint().replace(" ", "")) == 16


# ------------------------------------------------------------ forge mode

def offline_records(root: Path, keys: dict[str, Path]) -> None:
    """An SSH-signed trail written by hand, as `evkin approve` would write it."""
    from evkin import signing

    tree, head = folder_tree(root, EVAL), git(root, "rev-parse", "HEAD")
    approvals = []
    for minute, (role, decision, key) in enumerate((("sekretaris", "paraf", "sekretaris"),
                                                     ("kepala_dinas", "tanda_tangan", "kepala"))):
        person = {"sekretaris": ("Dra. Rina Marlina, M.Si.", "197511042000032001",
                                 "rina-marlina"),
                  "kepala_dinas": ("Ir. Hendra Saputra, M.T.", "197003121995031002",
                                   "hendra-saputra")}[role]
        record = Approval(role=role, decision=decision, name=person[0], nip=person[1],
                          login=person[2], at=dt.datetime(2026, 2, 2, 9, minute, tzinfo=WIB),
                          tree=tree, commit=head)
        approvals.append(dataclasses.replace(
            record, ssh_signature=signing.sign(record.payload(), keys[key])))
    save_trail(root, Trail(EVAL, tuple(approvals), tree=tree, commit=head, source="ssh"))
    git(root, "add", "persetujuan")
    commit(root, "Jejak")


def test_an_offline_trail_is_never_final_in_a_forge_repository(
        evkin: Any, sample_repo: Path, keys: dict[str, Path], tmp_path: Path) -> None:
    """Officials' keys listed, records validly signed, but the repository declares approval
    through the forge: without the record signature nothing is final, and publication lists
    the report as not final."""
    add_keys(sample_repo, keys)
    settings = sample_repo / "evkin.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace(
        "cara: tanpa_forge", "cara: forge"), encoding="utf-8")
    commit(sample_repo, "Keys")
    offline_records(sample_repo, keys)
    result = verify_trail(sample_repo, EVAL)
    assert not result.ok and result.reason == "trail.mode_forge"
    publish = evkin("publish", "--dest", str(tmp_path / "out"), "--no-seal", root=sample_repo)
    assert "Traceback" not in publish.err
    import json

    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    final = [str(r.get("id")) for r in manifest.get("laporan", [])]
    assert "2024-tahunan" in final and EVAL not in final


def test_evkin_approve_refuses_in_a_forge_repository(evkin: Any, tmp_path: Path,
                                                     keys: dict[str, Path]) -> None:
    root = copy_sample(tmp_path / "repo")
    git(root, "rm", "-q", "-r", "persetujuan")
    add_keys(root, keys)
    settings = root / "evkin.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace(
        "cara: tanpa_forge", "cara: forge"), encoding="utf-8")
    commit(root, "Keys, forge mode")
    run = approve(evkin, root, "sekretaris", keys["sekretaris"])
    assert run.code == 2 and "persetujuan lewat forge" in run.err
    assert load_trail(root, EVAL) is None


def record_sock_signature(root: Path, head: str) -> None:
    """The sample trail recorded again (record-signed) for the folder at ``head``, its
    signature given by the login ``hendra-saputra-2``: what the record step would write had
    the forge shown that account's approval and the settings named it Kepala Dinas."""
    trail = load_trail(root, EVAL)
    assert trail is not None
    tree = folder_tree(root, EVAL)
    approvals = tuple(dataclasses.replace(
        a, tree=tree, commit=head,
        login="hendra-saputra-2" if a.role == "kepala_dinas" else a.login)
        for a in trail.approvals)
    save_trail(root, record_signed(dataclasses.replace(
        trail, approvals=approvals, tree=tree, commit=head)))


def test_officials_come_from_the_main_line_not_the_pull_requests_evkin_yml(
        sample_repo: Path) -> None:
    """A pull request that also changes the Kepala Dinas' login in evkin.yml (say, merged by
    an administrator past the gate), signed as recorded: the officials in force are those
    of main before the report landed, so the sock account's signature does not count."""
    git(sample_repo, "checkout", "-q", "-b", "draf")
    settings = sample_repo / "evkin.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace(
        "login: hendra-saputra", "login: hendra-saputra-2"), encoding="utf-8")
    head = tamper(sample_repo)
    git(sample_repo, "checkout", "-q", "main")
    git(sample_repo, "merge", "-q", "--no-ff", "draf", "-m", "Merge pull request #9")
    record_sock_signature(sample_repo, head)
    commit(sample_repo, "Catat jejak persetujuan")
    result = verify_trail(sample_repo, EVAL)
    assert not result.ok and result.reason == "trail.person_mismatch"
    assert result.params["value"] == "hendra-saputra-2"


def test_a_role_change_by_the_author_while_drafting_stops_the_report(sample_repo: Path) -> None:
    """With a forge: the author drafts, gets a change of the Kepala Dinas' login onto main,
    drafts on; even with a record-signed trail naming the new login, never final, and the
    message names the change."""
    report = sample_repo / REPORT
    report.write_text(report.read_text(encoding="utf-8") + "\nDraf pertama.\n",
                      encoding="utf-8")
    commit(sample_repo, "Draft 1")
    settings = sample_repo / "evkin.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace(
        "login: hendra-saputra", "login: hendra-saputra-2"), encoding="utf-8")
    change = commit(sample_repo, "Perbarui login")
    head = tamper(sample_repo)
    record_sock_signature(sample_repo, head)
    commit(sample_repo, "Catat jejak persetujuan", name="evkin", email="evkin@example.id")
    result = verify_trail(sample_repo, EVAL)
    assert not result.ok and result.reason == "trail.trust_change_by_author"
    assert result.params["commit"] == change[:12]


# ------------------------------------------------------------ the sample record key

def test_the_sample_record_key_makes_nothing_final_outside_the_demo(
        evkin: Any, sample_repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert verify_trail(sample_repo, EVAL).ok  # the demo and the tests allow it
    monkeypatch.delenv(trust.SAMPLE_ENV)
    result = verify_trail(sample_repo, EVAL)
    assert not result.ok and result.reason == "trail.sample_key"
    check = evkin("check", root=sample_repo)
    assert check.code == 1
    line = next(n for n, text in enumerate(
        (sample_repo / "evkin.yml").read_text(encoding="utf-8").splitlines(), 1)
        if "AAAAC3NzaC1lZDI1NTE5AAAAIO642d0FWSajMAZ2IjV3MSniwrb2" in text)
    assert f"evkin.yml:{line}" in check.out and "kunci CONTOH" in check.out
    assert "di 0 evaluasi dan di evkin.yml" in check.err
    assert "ssh-keygen -t ed25519" in check.out
    approvals = evkin("approvals", EVAL, root=sample_repo)
    assert approvals.code == 1 and "kunci pencatat CONTOH" in approvals.out
    publish = evkin("publish", "--dest", str(sample_repo.parent / "out"), "--no-seal",
                    root=sample_repo)
    assert publish.code == 1 and "kunci CONTOH" in publish.err
    import json

    manifest = json.loads((sample_repo.parent / "out" / "manifest.json").read_text("utf-8"))
    assert manifest.get("laporan") == []


def test_the_record_step_refuses_to_sign_with_the_sample_key(
        evkin: Any, sample_repo: Path, tmp_path: Path, record_key: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from .test_integrity import commit_all, merge_signed

    monkeypatch.delenv(trust.SAMPLE_ENV)
    git(sample_repo, "checkout", "-q", "-b", "draf")
    head = tamper(sample_repo)
    del commit_all
    before, args = merge_signed(sample_repo, tmp_path, head)
    trail_before = (sample_repo / "persetujuan" / f"{EVAL}.yml").read_bytes()
    result = evkin("gate", *args, "--base-ref", before, "--record", root=sample_repo)
    assert result.code == 2 and "kunci pencatat CONTOH" in result.err
    assert "Traceback" not in result.err
    assert (sample_repo / "persetujuan" / f"{EVAL}.yml").read_bytes() == trail_before


# ------------------------------------------------------------ signed fields and revocation

def test_editing_the_signed_recording_time_breaks_the_record_signature(
        sample_repo: Path) -> None:
    path = sample_repo / "persetujuan" / f"{EVAL}.yml"
    text = path.read_text(encoding="utf-8")
    assert "dicatat: '2026-01-29T17:00:00+07:00'" in text
    path.write_text(text.replace("2026-01-29T17:00:00", "2026-03-31T17:00:00"),
                    encoding="utf-8")
    commit(sample_repo, "Geser waktu pencatatan")
    assert verify_trail(sample_repo, EVAL).reason == "trail.record_bad_signature"


def test_a_revoked_record_key_stops_later_trails_only(evkin: Any, sample_repo: Path) -> None:
    """The record key is revoked from 1 January 2026: the 2024 report (recorded January 2025)
    still verifies, the 2025 report (recorded January 2026) does not."""
    settings = sample_repo / "evkin.yml"
    key = next(k for k in trust.SAMPLE_RECORD_KEYS)
    settings.write_text(settings.read_text(encoding="utf-8") + (
        "\npersetujuan:\n  kunci_dicabut:\n"
        f"    - {{kunci: {key}, sejak: 2026-01-01, alasan: bocor}}\n"), encoding="utf-8")
    commit(sample_repo, "Cabut kunci pencatat")
    assert verify_trail(sample_repo, "2024-tahunan").ok
    result = verify_trail(sample_repo, EVAL)
    assert not result.ok and result.reason == "trail.key_revoked"
    run = evkin("approvals", EVAL, root=sample_repo)
    assert "dicabut sejak 2026-01-01" in run.out


def test_a_revocation_cannot_be_undone_by_a_later_edit(sample_repo: Path) -> None:
    settings = sample_repo / "evkin.yml"
    original = settings.read_text(encoding="utf-8")
    key = next(k for k in trust.SAMPLE_RECORD_KEYS)
    settings.write_text(original + (
        "\npersetujuan:\n  kunci_dicabut:\n"
        f"    - {{kunci: {key}, sejak: 2026-01-01}}\n"), encoding="utf-8")
    commit(sample_repo, "Cabut kunci pencatat")
    settings.write_text(original, encoding="utf-8")
    commit(sample_repo, "Hapus pencabutan")
    assert verify_trail(sample_repo, EVAL).reason == "trail.key_revoked"


def test_a_revoked_officials_key_stops_approvals_from_its_date(
        evkin: Any, office: Path, keys: dict[str, Path]) -> None:
    tamper(office)
    assert approve(evkin, office, "sekretaris", keys["sekretaris"]).code == 0
    assert approve(evkin, office, "kepala-dinas", keys["kepala"]).code == 0
    assert verify_trail(office, EVAL).ok
    settings = office / "evkin.yml"
    yesterday = (dt.date.today() - dt.timedelta(days=1)).isoformat()
    settings.write_text(settings.read_text(encoding="utf-8") + (
        "  kunci_dicabut:\n"
        f"    - {{kunci: {public(keys['kepala']).rsplit(' ', 1)[0]}, sejak: {yesterday}}}\n"),
        encoding="utf-8")
    commit(office, "Cabut kunci Kepala Dinas", sign_with=keys["sekretaris"])
    result = verify_trail(office, EVAL)
    assert not result.ok and result.reason == "trail.key_revoked"


def test_settings_reject_a_bad_mode_and_a_bad_revocation(evkin: Any, sample_repo: Path) -> None:
    settings = sample_repo / "evkin.yml"
    settings.write_text(settings.read_text(encoding="utf-8") + (
        "\npersetujuan:\n  cara: github\n  kunci_dicabut:\n    - {kunci: abc, sejak: kemarin}\n"),
        encoding="utf-8")
    run = evkin("check", root=sample_repo)
    assert run.code == 2
    assert "persetujuan.cara 'github' tidak dikenal" in run.err
    assert "kunci_dicabut perlu 'kunci'" in run.err
    assert "Traceback" not in run.err


# ------------------------------------------------------------ the pin, printed

def test_the_root_fingerprint_is_printed_in_the_final_pdf_and_on_the_site(
        evkin: Any, sample_repo: Path, tmp_path: Path) -> None:
    import pypdf

    chain = trust.chain(sample_repo)
    assert chain is not None
    fingerprint = chain.root.fingerprint()
    assert evkin("pdf", EVAL, "-o", str(tmp_path / "pdf"), root=sample_repo).code == 0
    pdf = next((tmp_path / "pdf").glob("*.pdf"))
    text = " ".join(" ".join((page.extract_text() or "").split())
                    for page in pypdf.PdfReader(pdf).pages)
    assert f"Sidik akar kepercayaan: {fingerprint}" in text
    assert evkin("site", "build", "--preview", root=sample_repo).code == 0
    pages = list((sample_repo / "docs" / "arsip").rglob(f"{EVAL}*.md")) + list(
        (sample_repo / "docs" / "arsip").rglob("index.md"))
    assert any(fingerprint in p.read_text(encoding="utf-8") for p in pages)


def test_an_unsigned_switch_to_forge_mode_with_the_authors_record_key_is_refused(
        office: Path, keys: dict[str, Path]) -> None:
    """Forge-less office: the author declares forge mode and lists a record key of their own
    (unsigned), then writes a forge trail signed with it. The chain refuses the change, so no
    record key is in force and the trail is named as resting on a refused change."""
    from evkin.approval.trail import sign_record

    settings = office / "evkin.yml"
    text = settings.read_text(encoding="utf-8").replace("cara: tanpa_forge", "cara: forge")
    text = text.replace("evkin-pencatat-CONTOH-jangan-dipakai", "")
    lines = text.splitlines(keepends=True)
    own = public(keys["author1"])
    sample = "- ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIO6"
    text = "".join(f"    - {own}\n" if line.strip().startswith(sample) else line
                   for line in lines)
    settings.write_text(text, encoding="utf-8")
    commit(office, "Pakai forge")
    head = tamper(office)
    tree = folder_tree(office, EVAL)
    at = dt.datetime(2026, 2, 2, 9, 0, tzinfo=WIB)
    approvals = (
        Approval("sekretaris", "paraf", "Dra. Rina Marlina, M.Si.", at, nip="197511042000032001",
                 login="rina-marlina", tree=tree, commit=head),
        Approval("kepala_dinas", "tanda_tangan", "Ir. Hendra Saputra, M.T.",
                 at + dt.timedelta(hours=1), nip="197003121995031002", login="hendra-saputra",
                 tree=tree, commit=head))
    trail = sign_record(Trail(EVAL, approvals, tree=tree, commit=head, source="github"),
                        keys["author1"].read_text(encoding="ascii"))
    save_trail(office, trail)
    git(office, "add", "persetujuan")
    commit(office, "Jejak")
    chain = trust.chain(office)
    assert chain is not None and chain.trusted.mode == trust.FORGELESS
    result = verify_trail(office, EVAL)
    assert not result.ok and result.reason == "trail.trust_change_unsigned"


def test_decide_change_rules() -> None:
    """The chain's one decision, without Git: the main line vouches in forge mode (a switch
    to forge-less pins the new facts); forge-less, only a trusted signature does, unless no
    key was trusted yet (the first keys are pinned)."""
    official = trust.Official("kepala_dinas", "A", "1", "a", "ssh-ed25519 AAAA")
    forge = trust.TrustFacts(trust.FORGE, (official,), ())
    forgeless = trust.TrustFacts(trust.FORGELESS, (official,), ())
    keyless = trust.TrustFacts(trust.FORGELESS, (dataclasses.replace(official, key=""),), ())
    other = trust.TrustFacts(trust.FORGELESS, (dataclasses.replace(official, key="ssh-ed25519 B"),),
                        ())
    assert trust.decide_change(forge, forge, "") == (True, False)
    assert trust.decide_change(forge, forgeless, "") == (True, True)
    assert trust.decide_change(forgeless, other, "kepala_dinas") == (True, False)
    assert trust.decide_change(forgeless, other, "") == (False, False)
    assert trust.decide_change(keyless, other, "") == (True, True)
    assert forgeless.differences(other) == ("kunci_ssh kepala_dinas",)
