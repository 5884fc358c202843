"""The review gate: every rule of SOP steps 5–7, through saved GitHub- and Gitea-shaped REST
payloads (``evkin gate --pr pr.json --reviews reviews.json ...``) on a real git repository.

Each scenario states what a reviewer sees: the SOP status, its step, who acts next, whether
it is signed (exit 0) and which problems are reported. Removing a rule from
``evkin.approval.decision``
changes the outcome of at least one scenario here.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest

from evkin.approval import decision as gate
from evkin.approval.review import APPROVE, REQUEST_CHANGES, PullRequest, Review
from evkin.approval.trail import folder_tree
from evkin.settings import load_settings
from evkin.sop import load_sop

from .conftest import copy_sample, draft_branch, git
from .forge_payloads import EMAILS, Event, commit, files, pull, reviews

FORGES = ("github", "gitea")
EVAL = "2025-tahunan"
REPORT = f"evaluations/{EVAL}/laporan.md"
SEK, KD = "rina-marlina", "hendra-saputra"
SAKIP, SAKIP2 = "fajar-ramadhan", "nurul-aini"


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A sample repository with a draft branch (two drafts), a broken draft and a two-evaluation
    change; ``main`` stays checked out, as in a base checkout."""
    root = copy_sample(tmp_path_factory.mktemp("gate") / "repo")
    old, head = draft_branch(root, REPORT, "Draf kedua, sesudah catatan Sekretaris.")
    git(root, "checkout", "-q", "-b", "rusak")
    csv = root / "evaluations" / EVAL / "indikator.csv"
    csv.write_text(csv.read_text(encoding="utf-8").replace(";81,17;", ";delapan puluh;"),
                   encoding="utf-8")
    git(root, "commit", "-q", "-am", "Realisasi salah ketik")
    broken = git(root, "rev-parse", "HEAD")
    git(root, "checkout", "-q", "-b", "pengaturan", "main")
    with (root / "evkin.yml").open("a", encoding="utf-8") as fh:
        fh.write("# pengaturan diubah\n")
    git(root, "commit", "-q", "-am", "Pengaturan")
    settings_change = git(root, "rev-parse", "HEAD")
    git(root, "checkout", "-q", "main")
    return {"root": root, "head": head, "old": old, "broken": broken,
            "settings": settings_change}


def write_payloads(folder: Path, forge: str, events: list[Event], shas: dict[str, str],
                   author: str = SAKIP, paths: list[str] | None = None,
                   commit_list: list[dict[str, Any]] | None = None) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    head = shas["head"]
    data = {
        "pr.json": pull(forge, 7, author, head),
        "reviews.json": reviews(forge, 7, events, shas),
        "files.json": files(forge, paths if paths is not None else [REPORT]),
        "commits.json": commit_list if commit_list is not None else [
            commit(forge, shas["old"], SAKIP, EMAILS[SAKIP]),
            commit(forge, head, SAKIP, EMAILS[SAKIP])],
    }
    for name, payload in data.items():
        (folder / name).write_text(json.dumps(payload, indent=1), encoding="utf-8")
    return ["--pr", str(folder / "pr.json"), "--reviews", str(folder / "reviews.json"),
            "--files", str(folder / "files.json"), "--commits", str(folder / "commits.json")]


def run_gate(evkin: Any, repo: dict[str, Any], tmp_path: Path, forge: str, events: list[Event],
             *extra: str, head: str | None = None, **kwargs: Any) -> tuple[int, dict[str, Any]]:
    shas = {"head": head or repo["head"], "old": repo["old"]}
    args = write_payloads(tmp_path / forge, forge, events, shas, **kwargs)
    result = evkin("gate", *args, "--base-ref", "main", "--format", "json", *extra,
                   root=repo["root"])
    assert result.code in (0, 1), result.err
    return result.code, json.loads(result.out)


def codes(report: dict[str, Any]) -> list[str]:
    return [n["code"] for n in report["notes"]]


SOP = load_sop()
PARAF = SOP.approval_step("paraf")
SIGN = SOP.approval_step("tanda_tangan")
PUBLISH = next(s for s in SOP.steps if s.publish)

# name: (events, status, step, next actor, expected note codes)
SCENARIOS: dict[str, tuple[list[Event], str, int, str, set[str]]] = {
    "no_review_yet": ([], gate.MENUNGGU_PARAF, PARAF.number, PARAF.actor, set()),
    "paraf_on_head": ([Event(SEK, "approve")], gate.MENUNGGU_TANDA_TANGAN, SIGN.number,
                      SIGN.actor, set()),
    "paraf_then_signature": ([Event(SEK, "approve"), Event(KD, "approve")],
                             gate.DITANDATANGANI, PUBLISH.number, PUBLISH.actor, set()),
    # a plain comment neither gives nor withdraws a decision
    "comment_gives_no_paraf": ([Event(SEK, "comment")], gate.MENUNGGU_PARAF, PARAF.number,
                               PARAF.actor, set()),
    "comment_keeps_paraf": ([Event(SEK, "approve"), Event(SEK, "comment"),
                             Event(KD, "approve")], gate.DITANDATANGANI, PUBLISH.number,
                            PUBLISH.actor, set()),
    "pending_is_no_decision": ([Event(SEK, "approve"), Event(SEK, "pending")],
                               gate.MENUNGGU_TANDA_TANGAN, SIGN.number, SIGN.actor, set()),
    # each reviewer's latest decision counts
    "latest_return_beats_paraf": ([Event(SEK, "approve"), Event(SEK, "request", body="Tabel")],
                                  "dikembalikan_ke_tim_sakip", PARAF.return_to_step,
                                  PARAF.return_to_actor, set()),
    "latest_paraf_beats_return": ([Event(SEK, "request", "old", body="Tabel IK-03"),
                                   Event(SEK, "approve")], gate.MENUNGGU_TANDA_TANGAN,
                                  SIGN.number, SIGN.actor, set()),
    # a dismissed review withdraws the decision
    "dismissed_paraf": ([Event(SEK, "approve", dismissed=True)], gate.MENUNGGU_PARAF,
                        PARAF.number, PARAF.actor, set()),
    "dismissed_signature": ([Event(SEK, "approve"), Event(KD, "approve", dismissed=True)],
                            gate.MENUNGGU_TANDA_TANGAN, SIGN.number, SIGN.actor, set()),
    "dismissal_withdraws_earlier_approval": ([Event(SEK, "approve"),
                                              Event(SEK, "approve", dismissed=True)],
                                             gate.MENUNGGU_PARAF, PARAF.number, PARAF.actor,
                                             set()),
    "dismissed_return": ([Event(SEK, "request", dismissed=True)], gate.MENUNGGU_PARAF,
                         PARAF.number, PARAF.actor, set()),
    # the signature must come after the paraf
    "signature_before_paraf": ([Event(KD, "approve"), Event(SEK, "approve")],
                               gate.MENUNGGU_TANDA_TANGAN, SIGN.number, SIGN.actor,
                               {"gate.signature_before_paraf"}),
    "signature_without_paraf": ([Event(KD, "approve")], gate.MENUNGGU_PARAF, PARAF.number,
                                PARAF.actor, {"gate.signature_before_paraf"}),
    # a return by the Kepala Dinas goes back to the Sekretaris and needs a new paraf
    "kepala_returns": ([Event(SEK, "approve"), Event(KD, "request", body="Rekomendasi")],
                       "dikembalikan_ke_sekretaris", SIGN.return_to_step,
                       SIGN.return_to_actor, {"gate.paraf_before_return"}),
    "approval_after_return_without_new_paraf": (
        [Event(SEK, "approve"), Event(KD, "request", body="Rekomendasi"), Event(KD, "approve")],
        "dikembalikan_ke_sekretaris", SIGN.return_to_step, SIGN.return_to_actor,
        {"gate.paraf_before_return", "gate.signature_before_paraf"}),
    "new_paraf_after_return": (
        [Event(SEK, "approve", "old"), Event(KD, "request", "old", body="Rekomendasi"),
         Event(SEK, "approve"), Event(KD, "approve")],
        gate.DITANDATANGANI, PUBLISH.number, PUBLISH.actor, set()),
    "new_paraf_waits_for_signature": (
        [Event(SEK, "approve", "old"), Event(KD, "request", "old"), Event(SEK, "approve")],
        gate.MENUNGGU_TANDA_TANGAN, SIGN.number, SIGN.actor, set()),
    "sekretaris_passes_return_down": (
        [Event(SEK, "approve", "old"), Event(KD, "request", "old"), Event(SEK, "request")],
        "dikembalikan_ke_tim_sakip", PARAF.return_to_step, PARAF.return_to_actor, set()),
    # a return on an older head has been answered by the new draft: back to the paraf
    "return_answered_by_new_draft": ([Event(SEK, "request", "old", body="Tabel")],
                                     gate.MENUNGGU_PARAF, PARAF.number, PARAF.actor, set()),
    "kepala_return_answered_by_new_draft": (
        [Event(SEK, "approve", "old"), Event(KD, "request", "old", body="Rekomendasi")],
        gate.MENUNGGU_PARAF, PARAF.number, PARAF.actor, {"gate.stale"}),
    # approvals of an older head are stale
    "stale_paraf": ([Event(SEK, "approve", "old")], gate.MENUNGGU_PARAF, PARAF.number,
                    PARAF.actor, {"gate.stale"}),
    "stale_signature": ([Event(SEK, "approve"), Event(KD, "approve", "old")],
                        gate.MENUNGGU_TANDA_TANGAN, SIGN.number, SIGN.actor, {"gate.stale"}),
    "unknown_commit": ([Event(SEK, "approve", None)], gate.MENUNGGU_PARAF, PARAF.number,
                       PARAF.actor, {"gate.unknown_commit"}),
    # only the officials named in the target branch's settings fill roles
    "not_an_official": ([Event(SAKIP2, "approve"), Event(KD, "approve")], gate.MENUNGGU_PARAF,
                        PARAF.number, PARAF.actor,
                        {"gate.not_a_role", "gate.signature_before_paraf"}),
}


@pytest.mark.parametrize("forge", FORGES)
@pytest.mark.parametrize("name", SCENARIOS)
def test_review_sequences(evkin: Any, repo: dict[str, Any], tmp_path: Path, forge: str,
                          name: str) -> None:
    events, status, step, actor, notes = SCENARIOS[name]
    code, report = run_gate(evkin, repo, tmp_path, forge, events)
    assert (report["status"], report["step"], report["next_actor"]) == (status, step, actor)
    assert report["signed"] is (status == gate.DITANDATANGANI)
    assert code == (0 if status == gate.DITANDATANGANI else 1)
    assert set(codes(report)) == notes
    assert report["forge"] == forge  # the shape was recognised from the payloads alone


def test_gitea_review_request_is_no_decision(evkin: Any, repo: dict[str, Any],
                                             tmp_path: Path) -> None:
    code, report = run_gate(evkin, repo, tmp_path, "gitea",
                            [Event(SEK, "approve"), Event(SEK, "request_review", None)])
    assert report["status"] == gate.MENUNGGU_TANDA_TANGAN and code == 1


@pytest.mark.parametrize("forge", FORGES)
def test_author_cannot_fill_a_role(evkin: Any, repo: dict[str, Any], tmp_path: Path,
                                   forge: str) -> None:
    code, report = run_gate(evkin, repo, tmp_path, forge,
                            [Event(SEK, "approve"), Event(KD, "approve")], author=SEK)
    assert report["status"] == gate.MENUNGGU_PARAF and code == 1
    assert "gate.author_cannot_approve" in codes(report)
    note = next(n for n in report["notes"] if n["code"] == "gate.author_cannot_approve")
    assert "@rina-marlina" in note["message"] and "Sekretaris" in note["message"]


@pytest.mark.parametrize("forge", FORGES)
def test_committer_cannot_fill_a_role(evkin: Any, repo: dict[str, Any], tmp_path: Path,
                                      forge: str) -> None:
    shas = repo
    by_login = [commit(forge, shas["old"], SAKIP, EMAILS[SAKIP]),
                commit(forge, shas["head"], KD, EMAILS[KD], "Hendra")]
    code, report = run_gate(evkin, repo, tmp_path, forge,
                            [Event(SEK, "approve"), Event(KD, "approve")], commit_list=by_login)
    assert report["status"] == gate.MENUNGGU_TANDA_TANGAN and code == 1
    assert "gate.contributor_cannot_approve" in codes(report)


@pytest.mark.parametrize("forge", FORGES)
def test_committer_found_by_settings_email(evkin: Any, repo: dict[str, Any], tmp_path: Path,
                                           forge: str) -> None:
    """A commit under the Kepala Dinas' e-mail (surel in evkin.yml) with no linked account."""
    unlinked = [commit(forge, repo["head"], None, EMAILS[KD].upper(), "Hendra")]
    code, report = run_gate(evkin, repo, tmp_path, forge,
                            [Event(SEK, "approve"), Event(KD, "approve")],
                            commit_list=unlinked)
    assert report["status"] == gate.MENUNGGU_TANDA_TANGAN and code == 1
    assert "gate.contributor_cannot_approve" in codes(report)


def test_github_web_commits_do_not_exclude_anyone(evkin: Any, repo: dict[str, Any],
                                                  tmp_path: Path) -> None:
    """GitHub's 'web-flow' committer of web edits is not a person holding a role."""
    web = [commit("github", repo["head"], SAKIP, EMAILS[SAKIP], committer="web-flow")]
    code, report = run_gate(evkin, repo, tmp_path, "github",
                            [Event(SEK, "approve"), Event(KD, "approve")], commit_list=web)
    assert report["signed"] and code == 0


@pytest.mark.parametrize("forge", FORGES)
@pytest.mark.parametrize(("paths", "code_expected"), [
    ([REPORT, "evaluations/2024-tahunan/laporan.md"], "gate.many_evaluations"),
    ([REPORT, "evkin.yml"], "gate.governance_with_evaluation"),
    ([REPORT, "persetujuan/2024-tahunan.yml"], "gate.governance_with_evaluation"),
])
def test_mixed_pull_requests_are_refused(evkin: Any, repo: dict[str, Any], tmp_path: Path,
                                         forge: str, paths: list[str],
                                         code_expected: str) -> None:
    code, report = run_gate(evkin, repo, tmp_path, forge,
                            [Event(SEK, "approve"), Event(KD, "approve")], paths=paths)
    assert (report["status"], report["signed"], code) == (gate.DITOLAK, False, 1)
    assert (report["step"], report["next_actor"]) == (PARAF.return_to_step,
                                                      PARAF.return_to_actor)
    assert code_expected in codes(report)


@pytest.mark.parametrize("forge", FORGES)
def test_settings_change_needs_both_approvals(evkin: Any, repo: dict[str, Any], tmp_path: Path,
                                              forge: str) -> None:
    code, report = run_gate(evkin, repo, tmp_path / "a", forge, [Event(SEK, "approve")],
                            paths=[], head=repo["settings"])
    assert (report["status"], report["evaluation"], code) == (gate.MENUNGGU_TANDA_TANGAN,
                                                              None, 1)
    code, report = run_gate(evkin, repo, tmp_path / "b", forge,
                            [Event(SEK, "approve"), Event(KD, "approve")], paths=[],
                            head=repo["settings"])
    assert report["signed"] and code == 0


@pytest.mark.parametrize("forge", FORGES)
def test_evaluation_must_pass_check(evkin: Any, repo: dict[str, Any], tmp_path: Path,
                                    forge: str) -> None:
    code, report = run_gate(evkin, repo, tmp_path, forge,
                            [Event(SEK, "approve"), Event(KD, "approve")], head=repo["broken"])
    assert (report["status"], report["signed"], code) == (gate.PERLU_PERBAIKAN, False, 1)
    assert "gate.check_failed" in codes(report)
    located = [n for n in report["notes"] if n["path"].endswith("indikator.csv")]
    assert located and located[0]["line"], report["notes"]
    # the draft at head is checked, not the working copy (main, which passes)
    assert (repo["root"] / "evaluations" / EVAL / "indikator.csv").read_text(
        encoding="utf-8").count("delapan puluh") == 0


def test_roles_come_from_the_target_branch(evkin: Any, tmp_path: Path) -> None:
    """The PR's working copy names Nurul as Sekretaris; the target branch names Rina."""
    root = copy_sample(tmp_path / "repo")
    git(root, "checkout", "-q", "-b", "draf")
    with (root / REPORT).open("a", encoding="utf-8") as fh:
        fh.write("\nDraf.\n")
    git(root, "commit", "-q", "-am", "Draf")
    head = git(root, "rev-parse", "HEAD")
    settings = root / "evkin.yml"  # changed in the working copy only
    settings.write_text(settings.read_text(encoding="utf-8").replace(
        "login: rina-marlina", "login: nurul-aini"), encoding="utf-8")
    shas = {"head": head, "old": head}
    args = write_payloads(tmp_path / "p", "github", [Event(SAKIP2, "approve"),
                                                     Event(KD, "approve")], shas,
                          paths=[REPORT])
    result = evkin("gate", *args, "--base-ref", "main", "--format", "json", root=root)
    report = json.loads(result.out)
    assert result.code == 1 and report["status"] == gate.MENUNGGU_PARAF
    assert "gate.not_a_role" in codes(report)
    # the same reviews under the PR's own settings would have signed: the source matters
    git(root, "update-ref", "refs/remotes/origin/main", "main")  # the base, as CI fetches it
    result = evkin("gate", *args, "--base-settings", str(settings), "--format", "json",
                   root=root)
    assert result.code == 0 and json.loads(result.out)["signed"]


def test_no_target_branch_settings_is_unusable(evkin: Any, repo: dict[str, Any],
                                               tmp_path: Path) -> None:
    args = write_payloads(tmp_path, "github", [], {"head": repo["head"], "old": repo["old"]})
    result = evkin("gate", *args, root=repo["root"])
    assert result.code == 2
    assert "cabang tujuan" in result.err and "--base-ref" in result.err


def test_files_and_commits_from_local_git(evkin: Any, repo: dict[str, Any],
                                          tmp_path: Path) -> None:
    """Without files.json/commits.json the gate reads base...head from git."""
    folder = tmp_path / "p"
    folder.mkdir()
    (folder / "pr.json").write_text(json.dumps(pull("gitea", 7, SAKIP, repo["head"])))
    (folder / "reviews.json").write_text(json.dumps(reviews(
        "gitea", 7, [Event(SEK, "approve"), Event(KD, "approve")],
        {"head": repo["head"], "old": repo["old"]})))
    result = evkin("gate", "--pr", str(folder / "pr.json"), "--reviews",
                   str(folder / "reviews.json"), "--base-ref", "main", "--format", "json",
                   root=repo["root"])
    report = json.loads(result.out)
    assert result.code == 0 and report["evaluation"] == EVAL
    assert report["scope"]["evaluations"] == [EVAL]


def test_text_output_in_indonesian_and_english(evkin: Any, repo: dict[str, Any],
                                               tmp_path: Path) -> None:
    events = [Event(SEK, "approve"), Event(KD, "request", body="Rekomendasi IK-03 belum ada.")]
    args = write_payloads(tmp_path, "github", events, {"head": repo["head"], "old": repo["old"]})
    result = evkin("gate", *args, "--base-ref", "main", root=repo["root"])
    assert result.code == 1
    assert f"Dikembalikan ke Sekretaris untuk diperbaiki — langkah {SIGN.return_to_step}" \
        in result.out
    assert "Berikutnya: Sekretaris — Dra. Rina Marlina, M.Si. (@rina-marlina)" in result.out
    assert "Rekomendasi IK-03 belum ada." in result.out
    result = evkin("--lang", "en", "gate", *args, "--base-ref", "main", root=repo["root"])
    assert "Returned to Sekretaris for correction" in result.out


@pytest.mark.parametrize(("content", "expected"), [
    ("[{]", "bukan JSON yang sah (baris 1"),
    (json.dumps({"action": "submitted", "review": {"state": "approved"}}), "reviews.json"),
    (json.dumps([{"user": {"login": SEK}, "state": "LGTM", "commit_id": "x",
                  "submitted_at": "2025-01-01T00:00:00Z", "node_id": "a"}]), "'LGTM'"),
])
def test_unusable_payloads_exit_2(evkin: Any, repo: dict[str, Any], tmp_path: Path,
                                  content: str, expected: str) -> None:
    args = write_payloads(tmp_path, "github", [], {"head": repo["head"], "old": repo["old"]})
    (tmp_path / "reviews.json").write_text(content, encoding="utf-8")
    result = evkin("gate", *args, "--base-ref", "main", root=repo["root"])
    assert result.code == 2
    assert expected in result.err
    assert "Traceback" not in result.err


def test_mixed_forge_shapes_exit_2(evkin: Any, repo: dict[str, Any], tmp_path: Path) -> None:
    shas = {"head": repo["head"], "old": repo["old"]}
    args = write_payloads(tmp_path, "github", [Event(SEK, "approve")], shas)
    (tmp_path / "reviews.json").write_text(
        json.dumps(reviews("gitea", 7, [Event(SEK, "approve")], shas)), encoding="utf-8")
    result = evkin("gate", *args, "--base-ref", "main", root=repo["root"])
    assert result.code == 2 and "github" in result.err and "gitea" in result.err


@pytest.mark.parametrize("forge", FORGES)
def test_record_writes_a_trail_that_verifies_after_merge(evkin: Any, tmp_path: Path,
                                                         forge: str, record_key: str) -> None:
    from evkin.approval.records import load_trail
    from evkin.approval.trail import verify_trail

    root = copy_sample(tmp_path / "repo")
    old, head = draft_branch(root, REPORT, "Draf kedua.", branch="draf")
    git(root, "checkout", "-q", "main")
    shas = {"head": head, "old": old}
    reason = "Faktor penghambat IK-03 belum dianalisis."

    trail_file = root / "persetujuan" / f"{EVAL}.yml"
    before_record = trail_file.read_bytes() if trail_file.exists() else None
    unsigned = write_payloads(tmp_path / "u", forge, [Event(SEK, "approve")], shas)
    result = evkin("gate", *unsigned, "--base-ref", "main", "--record", root=root)
    assert result.code == 1 and "TIDAK ditulis" in result.err
    assert (trail_file.read_bytes() if trail_file.exists() else None) == before_record

    events = [Event(SEK, "approve", "old"), Event(KD, "request", "old", body=reason),
              Event(SEK, "approve"), Event(KD, "approve")]
    args = write_payloads(tmp_path / "s", forge, events, shas)
    git(root, "merge", "-q", "--no-ff", "draf", "-m", "Merge pull request #7")
    before = git(root, "rev-parse", "HEAD~1")
    result = evkin("gate", *args, "--base-ref", before, "--record", "--format", "json",
                   root=root)
    assert result.code == 0, result.err
    assert json.loads(result.out)["recorded"] == f"persetujuan/{EVAL}.yml"
    trail = load_trail(root, EVAL)
    assert trail is not None
    assert trail.tree == folder_tree(root, EVAL, head) == folder_tree(root, EVAL, "HEAD")
    assert [(a.role, a.decision) for a in trail.approvals] == [
        ("kepala_dinas", "kembali"), ("sekretaris", "paraf"), ("kepala_dinas", "tanda_tangan")]
    assert trail.approvals[0].note == reason
    assert trail.approvals[1].nip == "197511042000032001"
    assert trail.approvals[2].name == "Ir. Hendra Saputra, M.T."
    assert trail.source == forge and trail.commit == head
    git(root, "add", "persetujuan")
    git(root, "commit", "-q", "-m", "Catat jejak persetujuan")
    verification = verify_trail(root, EVAL)
    assert verification.ok, verification


# --- the pure decision, without files ---------------------------------------------------------

def _review(login: str, state: str, hour: int, commit: str = "h" * 40) -> Review:
    import datetime as dt

    return Review(login=login, state=state, commit=commit,
                  at=dt.datetime(2025, 1, 1, hour, tzinfo=dt.UTC), url=f"#r{hour}")


def test_steps_and_return_paths_come_from_the_sop_data() -> None:
    """A different SOP (drafting at step 4 by 'bidang') changes the answer: nothing is
    restated in the gate."""
    root = Path(__file__).resolve().parents[1]
    settings = load_settings(root)
    steps = tuple(dataclasses.replace(s, return_to_step=4, return_to_actor="bidang")
                  if s.approval == "paraf" else s for s in settings.sop.steps)
    changed = dataclasses.replace(settings, sop=dataclasses.replace(settings.sop, steps=steps))
    pr = PullRequest(7, SAKIP, "h" * 40, "main", files=("README.md",))
    state = gate.decide(pr, [_review(SEK, REQUEST_CHANGES, 1)], changed, [])
    assert (state.status, state.step, state.next_actor) == ("dikembalikan_ke_bidang", 4,
                                                            "bidang")
    state = gate.decide(pr, [_review(SEK, REQUEST_CHANGES, 1)], settings, [])
    assert (state.status, state.step, state.next_actor) == (
        "dikembalikan_ke_tim_sakip", PARAF.return_to_step, PARAF.return_to_actor)


def test_unchecked_evaluation_cannot_be_signed() -> None:
    settings = load_settings(Path(__file__).resolve().parents[1])
    pr = PullRequest(7, SAKIP, "h" * 40, "main", files=(REPORT,))
    both = [_review(SEK, APPROVE, 1), _review(KD, APPROVE, 2)]
    assert not gate.decide(pr, both, settings, None).signed
    assert gate.decide(pr, both, settings, []).signed


def test_approvals_build_trail_records_from_settings() -> None:
    settings = load_settings(Path(__file__).resolve().parents[1])
    pr = PullRequest(7, SAKIP, "h" * 40, "main", files=(REPORT,))
    state = gate.decide(pr, [_review(KD, REQUEST_CHANGES, 1, "o" * 40), _review(SEK, APPROVE, 2),
                             _review(KD, APPROVE, 3)], settings, [])
    records = state.approvals(settings, "t" * 40)
    assert [(r.decision, r.tree, r.commit[:1]) for r in records] == [
        ("kembali", "", "o"), ("paraf", "t" * 40, "h"), ("tanda_tangan", "t" * 40, "h")]
    assert records[1].jabatan == "Sekretaris" and records[2].nip == "197003121995031002"
    assert all(r.at.tzinfo for r in records)


def test_scope_of_paths() -> None:
    scope = gate.scope_of([REPORT, "evaluations/2025-tahunan/dokumen/01-x.md", "evkin.yml",
                           "persetujuan/2024-tahunan.yml", "evaluations/README.md", "docs/a.md"])
    assert scope.evaluations == (EVAL,)
    assert scope.governance == ("evkin.yml", "persetujuan/2024-tahunan.yml")
    assert scope.other == ("docs/a.md", "evaluations/README.md")


def test_workflow_layout_target_branch_beside_pull_request(evkin: Any, repo: dict[str, Any],
                                                           tmp_path: Path) -> None:
    """As the gate workflow runs it: the target branch checked out in base/, the pull request's
    head in pr/ (its content read as data), roles from base/evkin.yml."""
    base, pr = tmp_path / "base", tmp_path / "pr"
    git(tmp_path, "clone", "-q", "--branch", "main", str(repo["root"]), str(base))
    git(tmp_path, "clone", "-q", str(repo["root"]), str(pr))
    git(pr, "checkout", "-q", "--detach", repo["head"])
    args = write_payloads(tmp_path / "p", "github", [Event(SEK, "approve"),
                                                     Event(KD, "approve")],
                          {"head": repo["head"], "old": repo["old"]})
    result = evkin("gate", *args, "--base-settings", str(base / "evkin.yml"), "--format",
                   "json", root=pr)
    assert result.code == 0, result.err
    assert json.loads(result.out)["signed"]
