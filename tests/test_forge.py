"""The forge clients and the online ``evkin gate`` against a local HTTP server serving GitHub-
and Gitea-shaped REST answers: pagination (GitHub ``Link``; Gitea ``page``/``limit`` with
``X-Total-Count``), authorization headers, the ``evkin/persetujuan`` commit status, and the
merge-time ``--record`` that finds the pull request of a commit.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from evkin import forge
from evkin.approval.review import APPROVE, COMMENT, DISMISSED, PENDING, REQUEST_CHANGES
from evkin.findings import EvkinError

from .conftest import copy_sample, draft_branch, git
from .forge_payloads import EMAILS, Event, commit, commit_status, files, pull, reviews

TOKEN = "tok-3f9a-rahasia"
OWNER_REPO = "bmcktr/evaluasi-kinerja"
EVAL = "2025-tahunan"
REPORT = f"evaluations/{EVAL}/laporan.md"
NEW, OLD = f"evaluations/{EVAL}/dokumen/baru.md", f"evaluations/{EVAL}/dokumen/lama.md"
SEK, KD, SAKIP = "rina-marlina", "hendra-saputra", "fajar-ramadhan"
BASE = f"/repos/{OWNER_REPO}"


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = copy_sample(tmp_path_factory.mktemp("forge") / "repo")
    old, head = draft_branch(root, REPORT, "Draf kedua.")
    git(root, "checkout", "-q", "main")
    return {"root": root, "head": head, "old": old}


def _pages(items: list[Any], size: int) -> list[list[Any]]:
    return [items[i:i + size] for i in range(0, len(items), size)] or [[]]


def serve_github(server: HTTPServer, number: int, pr: dict[str, Any], review_list: list[Any],
                 file_list: list[Any], commit_list: list[Any], page_size: int = 1) -> None:
    """GitHub: ``per_page`` and ``page`` query, ``Link: <...>; rel="next"`` between pages."""
    base = f"{BASE}/pulls/{number}"
    server.expect_request(base, method="GET").respond_with_json(pr)
    for path, items in ((f"{base}/reviews", review_list), (f"{base}/files", file_list),
                        (f"{base}/commits", commit_list)):
        pages = _pages(items, page_size)
        for i, page in enumerate(pages, 1):
            query = {"per_page": "100"} if i == 1 else {"per_page": "100", "page": str(i)}
            headers = {}
            if i < len(pages):
                nxt = server.url_for(path) + f"?per_page=100&page={i + 1}"
                last = server.url_for(path) + f"?per_page=100&page={len(pages)}"
                headers["Link"] = f'<{nxt}>; rel="next", <{last}>; rel="last"'
            server.expect_request(path, method="GET", query_string=query).respond_with_json(
                page, headers=headers)


def serve_gitea(server: HTTPServer, number: int, pr: dict[str, Any], review_list: list[Any],
                file_list: list[Any], commit_list: list[Any], cap: int = 2) -> None:
    """Gitea: ``page``/``limit`` query; the server caps pages at ``cap`` items (its
    MAX_RESPONSE_ITEMS) below the 50 asked for. Reviews carry only ``X-Total-Count``; files and
    commits also a ``Link`` header, as Gitea's API sets them."""
    base = f"{BASE}/pulls/{number}"
    server.expect_request(base, method="GET").respond_with_json(pr)
    for path, items, link, extra in (
            (f"{base}/reviews", review_list, False, {}),
            (f"{base}/files", file_list, True, {}),
            (f"{base}/commits", commit_list, True, {"verification": "false",
                                                    "files": "false"})):
        pages = _pages(items, cap)
        for i, page in enumerate([*pages, []], 1):
            headers = {"X-Total-Count": str(len(items))}
            if link and i < len(pages):
                query = "&".join(f"{k}={v}" for k, v in extra.items())
                nxt = server.url_for(path) + f"?page={i + 1}&limit=50" + (
                    f"&{query}" if query else "")
                headers["Link"] = f'<{nxt}>; rel="next"'
            server.expect_request(path, method="GET",
                                  query_string={"page": str(i), "limit": "50", **extra}
                                  ).respond_with_json(page, headers=headers)


def posted(server: HTTPServer) -> list[dict[str, Any]]:
    return [json.loads(req.get_data()) for req, _ in server.log if req.method == "POST"]


def expect_status(server: HTTPServer, sha: str, forge_name: str = "github") -> None:
    def handler(request: Request) -> Response:
        body = json.loads(request.get_data())
        return Response(json.dumps(commit_status(forge_name, sha, body)), status=201,
                        content_type="application/json")

    server.expect_request(f"{BASE}/statuses/{sha}", method="POST").respond_with_handler(handler)


def scenario(forge_name: str, repo: dict[str, Any], events: list[Event]
             ) -> tuple[dict[str, Any], list[Any], list[Any], list[Any]]:
    shas = {"head": repo["head"], "old": repo["old"]}
    return (pull(forge_name, 7, SAKIP, repo["head"]), reviews(forge_name, 7, events, shas),
            files(forge_name, [REPORT, NEW], {NEW: OLD}),
            [commit(forge_name, repo["old"], SAKIP, EMAILS[SAKIP]),
             commit(forge_name, repo["head"], SAKIP, EMAILS[SAKIP])])


# --- clients -----------------------------------------------------------------------------------

def test_github_client_pages_and_normalises(httpserver: HTTPServer,
                                            repo: dict[str, Any]) -> None:
    events = [Event(SEK, "comment"), Event(SEK, "approve"), Event(KD, "request", "old"),
              Event(KD, "approve", dismissed=True), Event(KD, "pending")]
    pr, rv, fl, cm = scenario("github", repo, events)
    serve_github(httpserver, 7, pr, rv, fl, cm, page_size=2)
    client = forge.client("github", httpserver.url_for("/"), OWNER_REPO, TOKEN)
    got = client.reviews(7)
    assert [(r.login, r.state) for r in got] == [
        (SEK, COMMENT), (SEK, APPROVE), (KD, REQUEST_CHANGES), (KD, DISMISSED), (KD, PENDING)]
    assert got[1].commit == repo["head"] and got[1].at is not None and got[4].at is None
    assert got[1].url.endswith("#pullrequestreview-2")
    pull_request = client.pull_request(7)
    assert pull_request.head_sha == repo["head"] and pull_request.author == SAKIP
    # the capped file list is never asked for: the gate computes changed paths with git
    assert pull_request.files == ()
    assert not any(req.path.endswith("/files") for req, _ in httpserver.log)
    assert {SAKIP, EMAILS[SAKIP]} <= pull_request.commit_authors
    gets = [req for req, _ in httpserver.log if req.method == "GET"]
    assert all(req.headers["Authorization"] == f"Bearer {TOKEN}" for req in gets)
    assert all(req.headers["Accept"] == "application/vnd.github+json" for req in gets)
    assert sum(1 for req in gets if req.path.endswith("/reviews")) == 3  # 5 reviews, 2 a page


def test_gitea_client_pages_by_total_count_and_marks_dismissals(
        httpserver: HTTPServer, repo: dict[str, Any]) -> None:
    events = [Event(SEK, "approve", "old"), Event(SEK, "request_review", None),
              Event(SEK, "approve"), Event(KD, "approve", dismissed=True), Event(KD, "comment")]
    pr, rv, fl, cm = scenario("gitea", repo, events)
    serve_gitea(httpserver, 7, pr, rv, fl, cm, cap=2)
    client = forge.client("gitea", httpserver.url_for("/api/v1").replace("/api/v1", ""),
                          OWNER_REPO, TOKEN)
    got = client.reviews(7)
    assert [r.state for r in got] == [APPROVE, PENDING, APPROVE, DISMISSED, COMMENT]
    assert got[1].at is None  # Gitea's zero time on a review request
    reviews_gets = [req for req, _ in httpserver.log if req.path.endswith("/reviews")]
    assert len(reviews_gets) == 3  # 5 items at 2 a page; X-Total-Count ends it, no empty page
    pull_request = client.pull_request(7)
    assert pull_request.base_ref == "main" and pull_request.files == ()
    assert not any(req.path.endswith("/files") for req, _ in httpserver.log)
    assert all(req.headers["Authorization"] == f"token {TOKEN}" for req, _ in httpserver.log)


def test_gitea_pages_without_count_until_empty(httpserver: HTTPServer) -> None:
    """An older Gitea/Forgejo without X-Total-Count: page on until an empty page."""
    path = f"{BASE}/pulls/3/reviews"
    items = reviews("gitea", 3, [Event(SEK, "approve"), Event(KD, "approve")],
                    {"head": "a" * 40, "old": "b" * 40})
    for page, data in ((1, items[:1]), (2, items[1:]), (3, [])):
        httpserver.expect_request(path, query_string={"page": str(page), "limit": "50"}
                                  ).respond_with_json(data)
    client = forge.client("gitea", httpserver.url_for(""), OWNER_REPO, None)
    assert [r.login for r in client.reviews(3)] == [SEK, KD]
    assert all("Authorization" not in req.headers for req, _ in httpserver.log)


@pytest.mark.parametrize("forge_name", ["github", "gitea"])
def test_status_post_shape(httpserver: HTTPServer, forge_name: str) -> None:
    expect_status(httpserver, "a" * 40, forge_name)
    client = forge.client(forge_name, httpserver.url_for(""), OWNER_REPO, TOKEN)
    client.post_status("a" * 40, "pending", forge.STATUS_CONTEXT, "x" * 300, "https://pr/7")
    (body,) = posted(httpserver)
    assert body == {"state": "pending", "context": "evkin/persetujuan",
                    "description": "x" * 140, "target_url": "https://pr/7"}
    request = httpserver.log[0][0]
    assert request.headers["Content-Type"] == "application/json"


def test_http_errors_are_located_and_never_show_the_token(httpserver: HTTPServer) -> None:
    httpserver.expect_request(f"{BASE}/pulls/9", method="GET").respond_with_json(
        {"message": "Bad credentials", "documentation_url": "https://docs"}, status=401)
    client = forge.client("github", httpserver.url_for(""), OWNER_REPO, TOKEN)
    with pytest.raises(EvkinError) as caught:
        client.pull_request(9)
    text = caught.value.message()
    assert "401" in text and "Bad credentials" in text and "EVKIN_TOKEN" in text
    assert TOKEN not in text


def test_token_comes_from_the_environment_in_order() -> None:
    assert forge.token_from_env({"GITEA_TOKEN": "c", "GITHUB_TOKEN": "b"}) == "b"
    assert forge.token_from_env({"EVKIN_TOKEN": "a", "GITHUB_TOKEN": "b"}) == "a"
    assert forge.token_from_env({"GITHUB_TOKEN": " "}) is None
    assert forge.forge_from_env({"GITHUB_ACTIONS": "true", "GITEA_ACTIONS": "true"}) == "gitea"
    assert forge.forge_from_env({"GITHUB_ACTIONS": "true"}) == "github"


# --- the online gate, end to end ---------------------------------------------------------------

def online(evkin: Any, server: HTTPServer, forge_name: str, root: Path, *extra: str) -> Any:
    return evkin("gate", "--forge", forge_name, "--api-url", server.url_for(""), "--repo",
                 OWNER_REPO, "--base-ref", "main", *extra, root=root)


@pytest.mark.parametrize("forge_name", ["github", "gitea"])
@pytest.mark.parametrize(("events", "state", "code"), [
    ([Event(SEK, "approve"), Event(KD, "comment"), Event(KD, "approve")], "success", 0),
    ([Event(SEK, "approve")], "pending", 1),
    ([Event(SEK, "request", body="Perbaiki tabel")], "failure", 1),
])
def test_online_gate_posts_the_commit_status(evkin: Any, httpserver: HTTPServer,
                                             repo: dict[str, Any], monkeypatch: Any,
                                             forge_name: str, events: list[Event], state: str,
                                             code: int) -> None:
    monkeypatch.setenv("EVKIN_TOKEN", TOKEN)
    pr, rv, fl, cm = scenario(forge_name, repo, events)
    serve = serve_github if forge_name == "github" else serve_gitea
    serve(httpserver, 7, pr, rv, fl, cm)
    expect_status(httpserver, repo["head"], forge_name)
    result = online(evkin, httpserver, forge_name, repo["root"], "--pr", "7")
    assert result.code == code, result.err
    (body,) = posted(httpserver)
    assert body["state"] == state and body["context"] == "evkin/persetujuan"
    assert body["target_url"] == pr["html_url"]
    assert "langkah" in body["description"] and len(body["description"]) <= 140
    assert f"Status komit evkin/persetujuan dikirim ke {repo['head'][:7]}: {state}" in result.out
    assert TOKEN not in result.out + result.err


def test_online_gate_without_token_posts_nothing(evkin: Any, httpserver: HTTPServer,
                                                repo: dict[str, Any], monkeypatch: Any) -> None:
    for name in forge.TOKEN_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    pr, rv, fl, cm = scenario("github", repo, [Event(SEK, "approve"), Event(KD, "approve")])
    serve_github(httpserver, 7, pr, rv, fl, cm)
    result = online(evkin, httpserver, "github", repo["root"], "--pr", "7", "--format", "json")
    assert result.code == 0 and json.loads(result.out)["commit_status"] is None
    assert posted(httpserver) == []
    assert all("Authorization" not in req.headers for req, _ in httpserver.log)


def test_forge_is_taken_from_a_gitea_runner(evkin: Any, httpserver: HTTPServer,
                                            repo: dict[str, Any], monkeypatch: Any) -> None:
    monkeypatch.setenv("GITEA_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_TOKEN", TOKEN)
    monkeypatch.setenv("GITHUB_REPOSITORY", OWNER_REPO)
    monkeypatch.setenv("GITHUB_API_URL", httpserver.url_for(""))
    pr, rv, fl, cm = scenario("gitea", repo, [Event(SEK, "approve")])
    serve_gitea(httpserver, 7, pr, rv, fl, cm)
    expect_status(httpserver, repo["head"], "gitea")
    result = evkin("gate", "--pr", "7", "--base-ref", "main", "--format", "json",
                   root=repo["root"])
    report = json.loads(result.out)
    assert result.code == 1 and report["forge"] == "gitea"
    assert report["commit_status"]["posted"] is True


def test_status_refused_is_reported_not_hidden(evkin: Any, httpserver: HTTPServer,
                                               repo: dict[str, Any], monkeypatch: Any) -> None:
    monkeypatch.setenv("EVKIN_TOKEN", TOKEN)
    pr, rv, fl, cm = scenario("github", repo, [Event(SEK, "approve")])
    serve_github(httpserver, 7, pr, rv, fl, cm)
    httpserver.expect_request(f"{BASE}/statuses/{repo['head']}", method="POST"
                              ).respond_with_json({"message": "Resource not accessible by "
                                                              "integration"}, status=403)
    result = online(evkin, httpserver, "github", repo["root"], "--pr", "7")
    assert result.code == 1
    assert "Status komit tidak dapat dikirim" in result.err
    assert "Resource not accessible" in result.err


def test_token_is_never_an_argument(evkin: Any, repo: dict[str, Any]) -> None:
    result = evkin("gate", "--pr", "7", "--token", TOKEN, root=repo["root"])
    assert result.code == 2


def test_unreachable_forge_exits_2(evkin: Any, repo: dict[str, Any]) -> None:
    result = evkin("gate", "--forge", "github", "--api-url", "http://127.0.0.1:9/",
                   "--repo", OWNER_REPO, "--pr", "7", "--base-ref", "main", root=repo["root"])
    assert result.code == 2 and "tidak dapat dihubungi" in result.err


@pytest.mark.parametrize("forge_name", ["github", "gitea"])
def test_record_after_merge_finds_the_pull_request_of_the_commit(
        evkin: Any, httpserver: HTTPServer, tmp_path: Path, monkeypatch: Any,
        forge_name: str, record_key: str) -> None:
    from evkin.approval.records import load_trail

    root = copy_sample(tmp_path / "repo")
    git(root, "checkout", "-q", "-b", "draf")
    with (root / REPORT).open("a", encoding="utf-8") as fh:
        fh.write("\nDraf.\n")
    git(root, "commit", "-q", "-am", "Draf")
    head = git(root, "rev-parse", "HEAD")
    git(root, "checkout", "-q", "main")
    git(root, "merge", "-q", "--no-ff", "draf", "-m", "Merge pull request #7")
    merge, before = git(root, "rev-parse", "HEAD"), git(root, "rev-parse", "HEAD~1")
    monkeypatch.setenv("EVKIN_TOKEN", TOKEN)
    repo = {"root": root, "head": head, "old": head}
    pr, rv, fl, cm = scenario(forge_name, repo, [Event(SEK, "approve"), Event(KD, "approve")])
    pr["merged"] = True
    if forge_name == "github":
        serve_github(httpserver, 7, pr, rv, fl, cm)
        httpserver.expect_request(f"{BASE}/commits/{merge}/pulls", query_string={
            "per_page": "100"}).respond_with_json([{**pr, "merged_at": "2025-02-01T03:00:00Z"}])
        httpserver.expect_request(f"{BASE}/commits/{before}/pulls", query_string={
            "per_page": "100"}).respond_with_json([])
    else:
        serve_gitea(httpserver, 7, pr, rv, fl, cm)
        httpserver.expect_request(f"{BASE}/commits/{merge}/pull").respond_with_json(pr)
        httpserver.expect_request(f"{BASE}/commits/{before}/pull").respond_with_json(
            {"message": "pull request does not exist"}, status=404)

    common = ("--forge", forge_name, "--api-url", httpserver.url_for(""), "--repo", OWNER_REPO,
              "--base-ref", before, "--record")
    result = evkin("gate", *common, "--commit", merge, root=root)
    assert result.code == 0, result.err
    trail = load_trail(root, EVAL)
    assert trail is not None and trail.commit == head and trail.source == forge_name
    assert posted(httpserver) == []  # recording after merge posts no status
    result = evkin("gate", *common, "--commit", before, root=root)
    assert result.code == 0 and "bukan hasil penggabungan" in result.err


# --- review shapes only Gitea and Forgejo return ------------------------------------------------

@pytest.mark.parametrize(("events", "state"), [
    # A team asked to review (user null, a team object) before and after the decisions.
    ([Event("sekretariat", "team_request"), Event(SEK, "approve"),
      Event("pimpinan", "team_request"), Event(KD, "approve")], "success"),
    # The Kepala Dinas began his review (a line comment) before the paraf and submitted it
    # after: signed after the paraf, as the forge's timeline shows.
    ([Event(KD, "approve", finished=3), Event(SEK, "approve")], "success"),
    # ... and one submitted before the paraf still counts as before it.
    ([Event(KD, "approve"), Event(SEK, "approve")], "pending"),
    # The Sekretaris began hers first but submitted it after the Kepala Dinas signed: no paraf
    # came before the signature.
    ([Event(SEK, "approve", finished=3), Event(KD, "approve")], "pending"),
    # A stale approval (on the older head) and a dismissed one count for nothing.
    ([Event(SEK, "approve", "old"), Event(KD, "approve")], "pending"),
    ([Event(SEK, "approve", dismissed=True), Event(KD, "approve")], "pending"),
])
def test_gitea_review_shapes_are_decided_right(evkin: Any, httpserver: HTTPServer,
                                               repo: dict[str, Any], monkeypatch: Any,
                                               events: list[Event], state: str) -> None:
    monkeypatch.setenv("EVKIN_TOKEN", TOKEN)
    pr, rv, fl, cm = scenario("gitea", repo, events)
    serve_gitea(httpserver, 7, pr, rv, fl, cm)
    expect_status(httpserver, repo["head"], "gitea")
    result = online(evkin, httpserver, "gitea", repo["root"], "--pr", "7")
    assert result.code == (0 if state == "success" else 1), result.err
    (body,) = posted(httpserver)
    assert body["state"] == state


def test_a_team_request_is_no_reviewer(httpserver: HTTPServer, repo: dict[str, Any]) -> None:
    events = [Event("sekretariat", "team_request"), Event(SEK, "request_review", None),
              Event(SEK, "approve")]
    pr, rv, fl, cm = scenario("gitea", repo, events)
    assert rv[0]["user"] is None and rv[0]["team"]["name"] == "sekretariat"
    serve_gitea(httpserver, 7, pr, rv, fl, cm)
    got = forge.client("gitea", httpserver.url_for(""), OWNER_REPO, TOKEN).reviews(7)
    assert [(r.login, r.state) for r in got] == [(SEK, PENDING), (SEK, APPROVE)]


def test_the_submission_time_of_a_review_begun_earlier() -> None:
    from evkin.forge import gitea

    (begun, plain, dismissed) = reviews("gitea", 7, [
        Event(KD, "approve", finished=5), Event(SEK, "approve"),
        Event(SEK, "approve", dismissed=True, finished=6)], {"head": "a" * 40, "old": "b" * 40})
    got = gitea.reviews([begun, plain, dismissed], "reviews")
    assert got[0].at is not None and got[0].at.hour == 7  # 02:00 + 5 h: when submitted
    assert got[1].at is not None and got[1].at.hour == 4
    # A dismissal also moves updated_at: a dismissed review keeps the time it was listed with.
    assert got[2].at is not None and got[2].at.hour == 5
    broken = {**plain, "submitted_at": None, "updated_at": None}
    with pytest.raises(EvkinError) as caught:
        gitea.reviews([broken], "reviews")
    assert caught.value.params["field"] == "submitted_at"


# --- links as each forge routes them -----------------------------------------------------------

@pytest.mark.parametrize(("kind", "version", "run", "pdf"), [
    ("github", "", "runs/9120334455", ""),
    ("gitea", "1.23.8", "runs/17", "runs/17/artifacts/draf%202025.pdf"),
    ("gitea", "1.25.3", "runs/17", "runs/17/artifacts/draf%202025.pdf"),
    ("gitea", "1.26.0", "runs/9120334455", "runs/9120334455/artifacts/draf%202025.pdf"),
    ("gitea", "1.27.0+dev-412-g1a2b3c4", "runs/9120334455",
     "runs/9120334455/artifacts/draf%202025.pdf"),
    ("gitea", "8.0.3+gitea-1.22.0", "runs/17", "runs/17/artifacts/draf%202025.pdf"),
    ("gitea", "15.0.2+gitea-1.22.0", "runs/17", "runs/17/artifacts/draf%202025.pdf"),
    ("gitea", "16.0.1+gitea-1.22.0", "runs/9120334455",
     "runs/9120334455/artifacts/draf%202025.pdf"),
    ("gitea", "", "", ""),  # version refused: the list of runs, no PDF link that may miss
])
def test_run_and_artifact_links_land_on_each_forge(kind: str, version: str, run: str,
                                                   pdf: str) -> None:
    from evkin.forge import links

    server = links.server_of(kind, version)
    root = "https://git.bmcktr.example/bmcktr/evaluasi-kinerja/actions"
    got = links.run_url("https://git.bmcktr.example/", OWNER_REPO, server, "9120334455", "17")
    assert got == (f"{root}/{run}" if run else root)
    art = links.artifact_url("https://git.bmcktr.example", OWNER_REPO, server, "9120334455",
                             "17", "draf 2025.pdf")
    assert art == (f"{root}/{pdf}" if pdf else "")
    if version.startswith(("8.", "15.", "16.")):
        assert server.product == "forgejo"


def test_gitea_server_version_is_asked_and_a_refusal_is_no_error(httpserver: HTTPServer
                                                                 ) -> None:
    client = forge.client("gitea", httpserver.url_for(""), OWNER_REPO, TOKEN)
    httpserver.expect_oneshot_request("/version").respond_with_json({"version": "1.26.1"})
    assert client.server_version() == "1.26.1"
    httpserver.expect_oneshot_request("/version").respond_with_json({"message": "x"},
                                                                    status=403)
    assert client.server_version() == ""


def test_links_cannot_be_bent_by_what_the_workflow_passes() -> None:
    """Run ids and artifact names arrive as text: only digits route a run, a name is encoded
    (no Markdown or path tricks in the comment's link)."""
    from evkin.forge import links

    server = links.server_of("gitea", "1.25.0")
    root = "https://git.bmcktr.example/bmcktr/evaluasi-kinerja/actions"
    assert links.run_url("https://git.bmcktr.example", OWNER_REPO, server, "1", "5/../../x"
                         ) == root
    assert links.artifact_url("https://git.bmcktr.example", OWNER_REPO, server, "1", "",
                              "draf-pdf") == ""
    art = links.artifact_url("https://git.bmcktr.example", OWNER_REPO, server, "1", "5",
                             "x)](https://evil.example)/../y")
    assert art.startswith(f"{root}/runs/5/artifacts/") and ")" not in art and "/../" not in art
