"""The approval trail in Git: offline SSH-signed approvals (``evkin approve``), their order, and
verification (``evkin approvals``, ``git verify-tag``) on real repositories with real
``ssh-keygen`` keys. Each rule has a scenario that fails if the rule is removed."""

from __future__ import annotations

import dataclasses
import datetime as dt
import subprocess
from pathlib import Path
from typing import Any

import pytest

from evkin.approval.order import refusal, trail_state
from evkin.approval.records import Approval, Trail, load_trail, save_trail
from evkin.approval.trail import folder_tree, verify_trail
from evkin.signing import sign
from evkin.sop import load_sop

from .conftest import PROJECT, copy_sample, git, record_signed, ssh_keys

EVAL = "2025-tahunan"
REPORT = f"evaluations/{EVAL}/laporan.md"
WIB = dt.timezone(dt.timedelta(hours=7))
SEK_EMAIL = "rina.marlina@bmcktr.example"


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """ed25519 keys without passphrase: the two officials and someone else."""
    return ssh_keys(tmp_path_factory.mktemp("keys"), ("sekretaris", "kepala", "lain"))


def add_keys(root: Path, keys: dict[str, Path], sekretaris: str = "sekretaris",
             kepala: str = "kepala") -> None:
    """Put the public keys in evkin.yml as the role holders' kunci_ssh."""
    path = root / "evkin.yml"
    text = path.read_text(encoding="utf-8")
    for email, name in (("hendra.saputra@bmcktr.example", kepala), (SEK_EMAIL, sekretaris)):
        line = f"    surel: {email}\n"
        public = Path(f"{keys[name]}.pub").read_text(encoding="utf-8").strip()
        assert line in text
        text = text.replace(line, f"{line}    kunci_ssh: {public}\n")
    if "\npersetujuan:" not in text:
        text += "\npersetujuan:\n  cara: tanpa_forge\n"
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def repo(tmp_path: Path, keys: dict[str, Path]) -> Path:
    """The sample without its bundled trails, keys committed in evkin.yml."""
    root = copy_sample(tmp_path / "repo")
    git(root, "rm", "-q", "-r", "persetujuan")
    add_keys(root, keys)
    git(root, "commit", "-q", "-am", "Offline office: SSH keys for the officials")
    return root


def draft(root: Path, text: str, email: str = "sakip@example.id", name: str = "Tim SAKIP"
          ) -> str:
    with (root / REPORT).open("a", encoding="utf-8") as fh:
        fh.write(f"\n{text}\n")
    subprocess.run(["git", "commit", "-q", "-am", f"Draf: {text}"], cwd=root, check=True,
                   env={"PATH": "/usr/bin:/bin", "HOME": str(root), "GIT_AUTHOR_NAME": name,
                        "GIT_AUTHOR_EMAIL": email, "GIT_COMMITTER_NAME": name,
                        "GIT_COMMITTER_EMAIL": email})
    return git(root, "rev-parse", "HEAD")


def approve(evkin: Any, root: Path, role: str, key: Path, reason: str | None = None) -> Any:
    args = ["approve", EVAL, "--role", role, "--key", str(key)]
    if reason is not None:
        args += ["--return", reason]
    return evkin(*args, root=root)


def decisions(root: Path) -> list[tuple[str, str]]:
    trail = load_trail(root, EVAL)
    return [(a.role, a.decision) for a in trail.approvals] if trail else []


# --- the happy path and what verifies it --------------------------------------------------


def test_paraf_then_signature_verifies_with_evkin_and_git(evkin: Any, repo: Path,
                                                          keys: dict[str, Path]) -> None:
    first = approve(evkin, repo, "sekretaris", keys["sekretaris"])
    assert first.code == 0, first.err
    assert "Paraf Sekretaris" in first.out
    assert evkin("approvals", EVAL, root=repo).code == 1  # a paraf alone is not final
    second = approve(evkin, repo, "kepala-dinas", keys["kepala"])
    assert second.code == 0, second.err

    run = evkin("approvals", EVAL, "--allowed-signers", str(repo / "allowed"), root=repo)
    assert run.code == 0, run.out + run.err
    assert "TERVERIFIKASI" in run.out and "TIDAK" not in run.out
    assert "Dra. Rina Marlina, M.Si." in run.out and "19751104 200003 2 001" in run.out
    assert "git verify-tag: sah" in run.out
    assert folder_tree(repo, EVAL) in run.out

    # git itself verifies the signed tags with the allowed signers written from evkin.yml.
    tags = git(repo, "tag", "--list", f"evkin/{EVAL}/*").splitlines()
    assert tags == [f"evkin/{EVAL}/1-paraf", f"evkin/{EVAL}/2-tanda_tangan"]
    for tag in tags:
        out = subprocess.run(["git", "-c", f"gpg.ssh.allowedSignersFile={repo / 'allowed'}",
                              "verify-tag", tag], cwd=repo, capture_output=True, text=True)
        assert out.returncode == 0, out.stderr
    assert 'Good "git" signature for sekretaris' in subprocess.run(
        ["git", "-c", f"gpg.ssh.allowedSignersFile={repo / 'allowed'}", "verify-tag", tags[0]],
        cwd=repo, capture_output=True, text=True).stderr
    # Each decision is one commit of the trail file alone, signed by the official.
    assert git(repo, "log", "-2", "--format=%ae", "--name-only").split() == [
        "hendra.saputra@bmcktr.example", f"persetujuan/{EVAL}.yml",
        SEK_EMAIL, f"persetujuan/{EVAL}.yml"]
    assert git(repo, "-c", f"gpg.ssh.allowedSignersFile={repo / 'allowed'}", "log", "-2",
               "--format=%G?") == "G\nG"
    assert evkin("approvals", EVAL, "--format", "json", root=repo).code == 0
    # What the history shows Tim SAKIP is in Indonesian, as the tags are.
    tree = folder_tree(repo, EVAL)[:12]
    assert git(repo, "log", "-2", "--format=%s").splitlines() == [
        f"Catat tanda tangan Kepala Dinas atas evaluasi {EVAL} (pohon {tree})",
        f"Catat paraf Sekretaris atas evaluasi {EVAL} (pohon {tree})"]
    assert git(repo, "tag", "-l", "--format=%(contents:subject)", tags[0]) == (
        f"Paraf Sekretaris: evaluasi {EVAL}")


def test_git_verify_tag_fails_without_the_officials_key(evkin: Any, repo: Path,
                                                        keys: dict[str, Path]) -> None:
    assert approve(evkin, repo, "sekretaris", keys["sekretaris"]).code == 0
    other = repo / "other_signers"
    public = Path(f"{keys['lain']}.pub").read_text(encoding="utf-8").strip()
    other.write_text(f'sekretaris namespaces="git" {public}\n', encoding="utf-8")
    out = subprocess.run(["git", "-c", f"gpg.ssh.allowedSignersFile={other}", "verify-tag",
                          f"evkin/{EVAL}/1-paraf"], cwd=repo, capture_output=True, text=True)
    assert out.returncode != 0


def test_change_after_approval_makes_it_unverified(evkin: Any, repo: Path,
                                                   keys: dict[str, Path]) -> None:
    assert approve(evkin, repo, "sekretaris", keys["sekretaris"]).code == 0
    assert approve(evkin, repo, "kepala-dinas", keys["kepala"]).code == 0
    assert evkin("approvals", EVAL, root=repo).code == 0
    (repo / REPORT).write_text((repo / REPORT).read_text(encoding="utf-8") + "\nUbah.\n",
                               encoding="utf-8")
    uncommitted = evkin("approvals", EVAL, root=repo)
    assert uncommitted.code == 1 and "belum di-commit" in uncommitted.out
    git(repo, "commit", "-q", "-am", "Change after signing")
    changed = evkin("approvals", EVAL, root=repo)
    assert changed.code == 1
    assert "TIDAK TERVERIFIKASI: isi folder berubah setelah disetujui" in changed.out
    assert verify_trail(repo, EVAL).reason == "trail.tree_changed"


def test_sample_trails_verify_in_a_copy_of_the_repository(evkin: Any, sample_repo: Path
                                                          ) -> None:
    """The bundled sample ships approved; if a sample folder changes, refresh the trails with
    scripts/maintainer_refresh_sample_trails.py."""
    for ident in ("2024-tahunan", "2025-tahunan"):
        run = evkin("approvals", ident, root=sample_repo)
        assert run.code == 0, (f"{ident}: {run.out}\nThe sample folder changed after its "
                               "fictional approval; run scripts/maintainer_refresh_sample_"
                               "trails.py and commit persetujuan/.")
        trail = load_trail(sample_repo, ident)
        assert trail is not None and trail.tree == git(PROJECT, "rev-parse",
                                                       f"HEAD:evaluations/{ident}")
        assert all(".example/" in a.url for a in trail.approvals)


# --- refusals: the SOP's order and who may act ---------------------------------------------


def test_signature_before_paraf_is_refused_and_nothing_is_written(
        evkin: Any, repo: Path, keys: dict[str, Path]) -> None:
    run = approve(evkin, repo, "kepala-dinas", keys["kepala"])
    assert run.code == 2
    assert "sudah diparaf Sekretaris" in run.err
    assert not (repo / "persetujuan").exists()
    assert git(repo, "tag", "--list") == ""


def test_wrong_key_is_refused(evkin: Any, repo: Path, keys: dict[str, Path]) -> None:
    for key in (keys["kepala"], keys["lain"]):
        run = approve(evkin, repo, "sekretaris", key)
        assert run.code == 2
        assert "bukan kunci Sekretaris" in run.err and "SHA256:" in run.err
    assert decisions(repo) == []


def test_keys_come_from_the_committed_settings(evkin: Any, tmp_path: Path,
                                               keys: dict[str, Path]) -> None:
    root = copy_sample(tmp_path / "r")
    git(root, "rm", "-q", "-r", "persetujuan")
    git(root, "commit", "-q", "-m", "No trails")
    add_keys(root, keys)  # edited but not committed
    run = approve(evkin, root, "sekretaris", keys["sekretaris"])
    assert run.code == 2 and "belum memiliki kunci_ssh" in run.err


def test_changed_tree_makes_the_paraf_stale(evkin: Any, repo: Path, keys: dict[str, Path]
                                            ) -> None:
    assert approve(evkin, repo, "sekretaris", keys["sekretaris"]).code == 0
    draft(repo, "Perbaikan setelah paraf.")
    run = approve(evkin, repo, "kepala-dinas", keys["kepala"])
    assert run.code == 2 and "berubah setelah diparaf" in run.err
    assert approve(evkin, repo, "sekretaris", keys["sekretaris"]).code == 0
    assert approve(evkin, repo, "kepala-dinas", keys["kepala"]).code == 0
    assert evkin("approvals", EVAL, root=repo).code == 0


def test_kepala_dinas_return_needs_a_new_paraf(evkin: Any, repo: Path, keys: dict[str, Path]
                                               ) -> None:
    assert approve(evkin, repo, "sekretaris", keys["sekretaris"]).code == 0
    back = approve(evkin, repo, "kepala-dinas", keys["kepala"], "Perjelas rekomendasi")
    assert back.code == 0 and "dikembalikan" in back.out
    again = approve(evkin, repo, "kepala-dinas", keys["kepala"])
    assert again.code == 2 and "pengembalian terakhir oleh Kepala" in again.err
    status = evkin("status", EVAL, root=repo)
    assert "Berikutnya: Sekretaris" in status.out and "Perjelas rekomendasi" in status.out
    assert approve(evkin, repo, "sekretaris", keys["sekretaris"]).code == 0
    assert approve(evkin, repo, "kepala-dinas", keys["kepala"]).code == 0
    assert decisions(repo) == [("sekretaris", "paraf"), ("kepala_dinas", "kembali"),
                               ("sekretaris", "paraf"), ("kepala_dinas", "tanda_tangan")]
    assert evkin("approvals", EVAL, root=repo).code == 0


def test_sekretaris_return_sends_the_draft_back_to_tim_sakip(evkin: Any, repo: Path,
                                                              keys: dict[str, Path]) -> None:
    assert approve(evkin, repo, "sekretaris", keys["sekretaris"], "").code == 2  # no reason
    back = approve(evkin, repo, "sekretaris", keys["sekretaris"], "Lengkapi faktor penghambat")
    assert back.code == 0
    assert approve(evkin, repo, "sekretaris", keys["sekretaris"], "lagi").code == 2
    status = evkin("status", EVAL, root=repo)
    assert "Langkah 5" in status.out and "Berikutnya: Tim SAKIP" in status.out
    draft(repo, "Faktor penghambat dilengkapi.")
    status = evkin("status", EVAL, root=repo)
    assert "Langkah 6" in status.out and "Berikutnya: Sekretaris" in status.out
    assert approve(evkin, repo, "sekretaris", keys["sekretaris"]).code == 0


def test_a_draft_author_cannot_fill_a_role(evkin: Any, repo: Path, keys: dict[str, Path]
                                           ) -> None:
    draft(repo, "Sekretaris menulis sendiri.", email=SEK_EMAIL, name="Rina")
    run = approve(evkin, repo, "sekretaris", keys["sekretaris"])
    assert run.code == 2 and "ikut menulis draf" in run.err
    assert decisions(repo) == []


def test_a_draft_that_fails_check_gets_no_paraf_but_can_be_returned(
        evkin: Any, repo: Path, keys: dict[str, Path]) -> None:
    csv = repo / "evaluations" / EVAL / "indikator.csv"
    csv.write_text(csv.read_text(encoding="utf-8").replace(";81,17;", ";delapan puluh;"),
                   encoding="utf-8")
    git(repo, "commit", "-q", "-am", "Typo in realisasi")
    run = approve(evkin, repo, "sekretaris", keys["sekretaris"])
    assert run.code == 2 and "evkin check" in run.err and "indikator.csv" in run.err
    assert approve(evkin, repo, "sekretaris", keys["sekretaris"], "Perbaiki angka").code == 0


def test_uncommitted_folder_cannot_be_approved(evkin: Any, repo: Path, keys: dict[str, Path]
                                               ) -> None:
    (repo / REPORT).write_text("# Ubah\n", encoding="utf-8")
    run = approve(evkin, repo, "sekretaris", keys["sekretaris"])
    assert run.code == 2 and "belum di-commit" in run.err


def test_a_failed_commit_leaves_no_record_and_no_tag(evkin: Any, repo: Path,
                                                     keys: dict[str, Path]) -> None:
    hook = repo / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\necho 'ditolak oleh hook' >&2\nexit 1\n", encoding="utf-8")
    hook.chmod(0o755)
    run = approve(evkin, repo, "sekretaris", keys["sekretaris"])
    assert run.code == 2 and "ditolak oleh hook" in run.err
    assert not (repo / "persetujuan" / f"{EVAL}.yml").exists()
    assert git(repo, "tag", "--list") == ""
    assert git(repo, "status", "--porcelain") == ""


# --- verification of records that were not made by evkin approve ---------------------------


def record(root: Path, role: str, decision: str, key: Path | None, minute: int,
           **changes: Any) -> Approval:
    holder = {"sekretaris": ("Dra. Rina Marlina, M.Si.", "197511042000032001"),
              "kepala_dinas": ("Ir. Hendra Saputra, M.T.", "197003121995031002")}[role]
    approval = Approval(role=role, decision=decision, name=holder[0], nip=holder[1],
                        at=dt.datetime(2026, 1, 28, 9, minute, tzinfo=WIB),
                        tree=folder_tree(root, EVAL), commit=git(root, "rev-parse", "HEAD"))
    if key is not None:
        approval = dataclasses.replace(approval, ssh_signature=sign(approval.payload(), key))
    return dataclasses.replace(approval, **changes)


def write(root: Path, approvals: list[Approval], source: str = "ssh") -> None:
    tree = folder_tree(root, EVAL)
    trail = Trail(EVAL, tuple(approvals), tree=tree, source=source)
    save_trail(root, trail if source == "ssh" else record_signed(trail))
    git(root, "add", "persetujuan")
    git(root, "commit", "-q", "-m", "Trail")


def test_signature_by_another_key_does_not_verify(repo: Path, keys: dict[str, Path]) -> None:
    write(repo, [record(repo, "sekretaris", "paraf", keys["sekretaris"], 1),
                 record(repo, "kepala_dinas", "tanda_tangan", keys["lain"], 2)])
    result = verify_trail(repo, EVAL)
    assert (result.ok, result.reason, result.params["number"]) == (False, "trail.bad_signature",
                                                                   2)
    assert [r.signature for r in result.records] == ["valid", "invalid"]


def test_a_record_edited_after_signing_does_not_verify(repo: Path, keys: dict[str, Path]
                                                       ) -> None:
    paraf = record(repo, "sekretaris", "paraf", keys["sekretaris"], 1)
    write(repo, [dataclasses.replace(paraf, name="Orang Lain"),
                 record(repo, "kepala_dinas", "tanda_tangan", keys["kepala"], 2)])
    assert verify_trail(repo, EVAL).reason == "trail.bad_signature"


def test_an_unsigned_record_in_an_offline_trail_does_not_verify(repo: Path,
                                                                keys: dict[str, Path]) -> None:
    write(repo, [record(repo, "sekretaris", "paraf", None, 1),
                 record(repo, "kepala_dinas", "tanda_tangan", keys["kepala"], 2)])
    result = verify_trail(repo, EVAL)
    assert (result.reason, result.params["number"]) == ("trail.unsigned", 1)


def test_a_role_that_gives_the_other_roles_decision_does_not_verify(
        repo: Path, keys: dict[str, Path]) -> None:
    write(repo, [record(repo, "kepala_dinas", "paraf", keys["kepala"], 1),
                 record(repo, "kepala_dinas", "tanda_tangan", keys["kepala"], 2)])
    assert verify_trail(repo, EVAL).reason == "trail.role_mismatch"


def test_signed_by_a_draft_author_does_not_verify(repo: Path, keys: dict[str, Path]) -> None:
    draft(repo, "Ditulis Sekretaris.", email=SEK_EMAIL, name="Rina")
    write(repo, [record(repo, "sekretaris", "paraf", keys["sekretaris"], 1),
                 record(repo, "kepala_dinas", "tanda_tangan", keys["kepala"], 2)])
    assert verify_trail(repo, EVAL).reason == "trail.author"


def test_forge_trail_order_rules_are_verified(repo: Path) -> None:
    """Forge records carry no SSH signature; order still counts: a return by the Kepala Dinas
    after the paraf needs a new paraf, and the signature must follow the paraf."""
    paraf = record(repo, "sekretaris", "paraf", None, 1)
    back = record(repo, "kepala_dinas", "kembali", None, 2)
    sign_ = record(repo, "kepala_dinas", "tanda_tangan", None, 3)
    write(repo, [paraf, back, sign_], source="github")
    assert verify_trail(repo, EVAL).reason == "trail.out_of_order"
    write(repo, [paraf, back, record(repo, "sekretaris", "paraf", None, 3),
                 record(repo, "kepala_dinas", "tanda_tangan", None, 4)], source="github")
    assert verify_trail(repo, EVAL).ok
    write(repo, [paraf, sign_, record(repo, "sekretaris", "kembali", None, 5)],
          source="github")
    assert verify_trail(repo, EVAL).reason == "trail.returned"
    # Listed in order, but the forge's clock says the signature came first.
    write(repo, [record(repo, "sekretaris", "paraf", None, 7), sign_], source="github")
    assert verify_trail(repo, EVAL).reason == "trail.out_of_order"


def test_a_record_naming_another_nip_does_not_verify(repo: Path, keys: dict[str, Path]
                                                    ) -> None:
    paraf = record(repo, "sekretaris", "paraf", None, 1, nip="198001012005012001")
    paraf = dataclasses.replace(paraf, ssh_signature=sign(paraf.payload(), keys["sekretaris"]))
    write(repo, [paraf, record(repo, "kepala_dinas", "tanda_tangan", keys["kepala"], 2)])
    assert verify_trail(repo, EVAL).reason == "trail.person_mismatch"


def test_a_record_whose_commit_holds_another_tree_does_not_verify(
        repo: Path, keys: dict[str, Path]) -> None:
    before = git(repo, "rev-parse", "HEAD")
    draft(repo, "Draf berikutnya.")
    paraf = record(repo, "sekretaris", "paraf", None, 1, commit=before)
    paraf = dataclasses.replace(paraf, ssh_signature=sign(paraf.payload(), keys["sekretaris"]))
    write(repo, [paraf, record(repo, "kepala_dinas", "tanda_tangan", keys["kepala"], 2)])
    assert verify_trail(repo, EVAL).reason == "trail.commit_mismatch"


def test_a_new_role_holder_does_not_void_earlier_approvals(evkin: Any, repo: Path,
                                                           keys: dict[str, Path]) -> None:
    """Keys are checked against evkin.yml as committed when the decision was made."""
    assert approve(evkin, repo, "sekretaris", keys["sekretaris"]).code == 0
    assert approve(evkin, repo, "kepala-dinas", keys["kepala"]).code == 0
    text = (repo / "evkin.yml").read_text(encoding="utf-8")
    old = Path(f"{keys['sekretaris']}.pub").read_text(encoding="utf-8").strip()
    new = Path(f"{keys['lain']}.pub").read_text(encoding="utf-8").strip()
    (repo / "evkin.yml").write_text(text.replace(old, new), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "New Sekretaris key")
    assert evkin("approvals", EVAL, root=repo).code == 0


def test_offline_approval_is_not_mixed_into_a_forge_trail(evkin: Any, sample_repo: Path,
                                                          keys: dict[str, Path]) -> None:
    add_keys(sample_repo, keys)
    git(sample_repo, "commit", "-q", "-am", "Keys")
    run = evkin("approve", EVAL, "--role", "sekretaris", "--key", str(keys["sekretaris"]),
                "--return", "Coba", root=sample_repo)
    assert run.code == 2 and "berasal dari forge" in run.err


def test_an_existing_tag_stops_the_approval(evkin: Any, repo: Path, keys: dict[str, Path]
                                            ) -> None:
    git(repo, "tag", f"evkin/{EVAL}/1-paraf")
    run = approve(evkin, repo, "sekretaris", keys["sekretaris"])
    assert run.code == 2 and f"evkin/{EVAL}/1-paraf" in run.err
    assert decisions(repo) == []


def test_unreadable_trail_exits_2(evkin: Any, repo: Path) -> None:
    (repo / "persetujuan").mkdir()
    (repo / "persetujuan" / f"{EVAL}.yml").write_text("persetujuan: [\n", encoding="utf-8")
    run = evkin("approvals", EVAL, root=repo)
    assert run.code == 2 and f"persetujuan/{EVAL}.yml" in run.err
    assert evkin("approvals", "1999-tahunan", root=repo).code == 2
    none = evkin("approvals", "2024-tahunan", root=repo)
    assert none.code == 1 and "belum memiliki jejak" in none.out


# --- the ordering rules as a pure function -------------------------------------------------


def a(role: str, decision: str, tree: str = "T") -> Approval:
    return Approval(role=role, decision=decision, name=role,
                    at=dt.datetime(2026, 1, 1, tzinfo=WIB), tree=tree)


SEK, KD = "sekretaris", "kepala_dinas"


@pytest.mark.parametrize(("records", "signed", "step"), [
    ([a(SEK, "paraf"), a(KD, "tanda_tangan")], True, 8),
    ([a(KD, "tanda_tangan"), a(SEK, "paraf")], False, 7),  # signature before paraf
    ([a(SEK, "paraf", "OLD"), a(KD, "tanda_tangan")], False, 6),  # stale paraf
    ([a(SEK, "paraf"), a(KD, "kembali"), a(KD, "tanda_tangan")], False, 6),  # needs new paraf
    ([a(SEK, "paraf"), a(KD, "tanda_tangan"), a(SEK, "kembali")], False, 5),  # latest counts
    ([a(SEK, "kembali", "OLD")], False, 6),  # a return on an older draft no longer holds
])
def test_trail_state(records: list[Approval], signed: bool, step: int) -> None:
    state = trail_state(records, "T", load_sop())
    assert (state.signed, state.step) == (signed, step)


def test_refusal_keys() -> None:
    sop = load_sop()
    assert refusal([], KD, "tanda_tangan", "T", sop) == "approve.needs_paraf"
    assert refusal([a(SEK, "paraf", "OLD")], KD, "tanda_tangan", "T", sop) == \
        "approve.paraf_stale"
    assert refusal([a(SEK, "paraf")], KD, "tanda_tangan", "T", sop) is None
    assert refusal([a(SEK, "paraf")], SEK, "paraf", "T", sop) == "approve.already_paraf"
    assert refusal([], SEK, "paraf", "T", sop, signer_is_author=True) == "approve.author"
    assert refusal([a(SEK, "paraf"), a(KD, "tanda_tangan")], SEK, "kembali", "T", sop) == \
        "approve.already_signed"
    assert refusal([], SEK, "tanda_tangan", "T", sop) == "approve.bad_decision"


def test_saving_a_trail_keeps_keys_it_does_not_know(tmp_path: Path) -> None:
    from evkin.approval.records import load_trail, save_trail

    (tmp_path / "persetujuan").mkdir()
    (tmp_path / "persetujuan" / "2025-tahunan.yml").write_text(
        "evaluasi: 2025-tahunan\npersetujuan: []\ndiarsipkan: '2026-01-29T17:00:00+07:00'\n",
        encoding="utf-8")
    trail = load_trail(tmp_path, "2025-tahunan")
    assert trail is not None
    save_trail(tmp_path, trail)
    again = load_trail(tmp_path, "2025-tahunan")
    assert again is not None and again.extra == {"diarsipkan": "2026-01-29T17:00:00+07:00"}
