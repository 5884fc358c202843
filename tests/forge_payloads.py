"""REST payloads shaped exactly as GitHub's and Gitea's documented APIs return them.

GitHub: ``GET /repos/{o}/{r}/pulls/{n}`` (+ ``/files``, ``/commits``, ``/reviews``); Gitea and
Forgejo: the same paths under ``/api/v1`` with their own field sets (``repo_id`` on branches,
``dismissed``/``stale``/``official`` on reviews, ``REQUEST_CHANGES``/``COMMENT`` states).
A review sequence is written once as ``Event`` s and rendered in either shape.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

HOST = {"github": "https://github.com", "gitea": "https://git.bmcktr.example"}
API = {"github": "https://api.github.com", "gitea": "https://git.bmcktr.example/api/v1"}
OWNER, REPO = "bmcktr", "evaluasi-kinerja"
START = dt.datetime(2025, 1, 27, 2, 0, tzinfo=dt.UTC)

EMAILS = {
    "rina-marlina": "rina.marlina@bmcktr.example",
    "hendra-saputra": "hendra.saputra@bmcktr.example",
    "fajar-ramadhan": "fajar.ramadhan@bmcktr.example",
    "nurul-aini": "nurul.aini@bmcktr.example",
}


@dataclass(frozen=True)
class Event:
    """One review: who, what (approve, request, comment, pending, request_review, and on Gitea
    team_request: a team asked, ``login`` names the team), on which commit (``head``, ``old``,
    or None for an unknown one), dismissed or not, with a body. Reviews are listed in the
    order begun, one hour apart; ``finished`` (Gitea/Forgejo) is the later hour a review begun
    as a pending draft was submitted: their ``submitted_at`` still says the hour it was begun,
    ``updated_at`` says the hour it was submitted."""

    login: str
    action: str
    commit: str | None = "head"
    dismissed: bool = False
    body: str = ""
    finished: int | None = None


def _iso(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def user(forge: str, login: str, uid: int = 1) -> dict[str, Any]:
    if forge == "github":
        api = f"{API[forge]}/users/{login}"
        return {"login": login, "id": uid, "node_id": f"U_{uid}", "avatar_url": "",
                "gravatar_id": "", "url": api, "html_url": f"{HOST[forge]}/{login}",
                "followers_url": f"{api}/followers",
                "following_url": f"{api}/following{{/other_user}}",
                "gists_url": f"{api}/gists{{/gist_id}}",
                "starred_url": f"{api}/starred{{/owner}}{{/repo}}",
                "subscriptions_url": f"{api}/subscriptions",
                "organizations_url": f"{api}/orgs", "repos_url": f"{api}/repos",
                "events_url": f"{api}/events{{/privacy}}",
                "received_events_url": f"{api}/received_events", "type": "User",
                "site_admin": False}
    return {"id": uid, "login": login, "login_name": "", "full_name": login,
            "email": EMAILS.get(login, f"{login}@noreply.example"), "avatar_url": "",
            "html_url": f"{HOST[forge]}/{login}", "language": "id-ID", "is_admin": False,
            "last_login": "2025-01-01T00:00:00Z", "created": "2024-01-01T00:00:00Z",
            "restricted": False, "active": True, "prohibit_login": False, "location": "",
            "website": "", "description": "", "visibility": "public", "followers_count": 0,
            "following_count": 0, "starred_repos_count": 0, "username": login}


def _branch(forge: str, ref: str, sha: str) -> dict[str, Any]:
    repo = {"id": 42, "name": REPO, "full_name": f"{OWNER}/{REPO}"}
    if forge == "github":
        return {"label": f"{OWNER}:{ref}", "ref": ref, "sha": sha,
                "user": user(forge, OWNER, 99), "repo": repo}
    return {"label": ref, "ref": ref, "sha": sha, "repo_id": 42, "repo": repo}


def pull(forge: str, number: int, author: str, head: str, base: str = "main",
         title: str = "Draf laporan 2025", merged: bool = False) -> dict[str, Any]:
    html = f"{HOST[forge]}/{OWNER}/{REPO}/pull{'' if forge == 'github' else 's'}/{number}"
    common = {"id": 1000 + number, "number": number, "title": title, "body": "",
              "user": user(forge, author, 7), "state": "closed" if merged else "open",
              "html_url": html, "merged": merged,
              "merged_at": "2025-02-01T03:00:00Z" if merged else None,
              "merge_commit_sha": "f" * 40 if merged else None,
              "created_at": "2025-01-20T01:00:00Z", "updated_at": "2025-01-30T01:00:00Z",
              "head": _branch(forge, "draf-2025", head),
              "base": _branch(forge, base, "b" * 40)}
    if forge == "github":
        return {**common, "url": f"{API[forge]}/repos/{OWNER}/{REPO}/pulls/{number}",
                "node_id": f"PR_{number}", "locked": False, "draft": False,
                "author_association": "MEMBER", "auto_merge": None, "closed_at": None,
                "_links": {"html": {"href": html}}, "commits": 2, "changed_files": 1}
    return {**common, "url": html, "labels": [], "milestone": None, "assignee": None,
            "assignees": None, "requested_reviewers": None, "draft": False,
            "is_locked": False, "comments": 0, "diff_url": f"{html}.diff",
            "patch_url": f"{html}.patch", "mergeable": True, "merged_by": None,
            "allow_maintainer_edit": False, "merge_base": "b" * 40, "due_date": None,
            "closed_at": None, "pin_order": 0}


def files(forge: str, paths: list[str], renamed_from: dict[str, str] | None = None
          ) -> list[dict[str, Any]]:
    out = []
    for path in paths:
        item: dict[str, Any] = {"filename": path, "status": "modified", "additions": 1,
                                "deletions": 0, "changes": 1,
                                "raw_url": f"{HOST[forge]}/raw/{path}",
                                "contents_url": f"{API[forge]}/contents/{path}"}
        if forge == "github":
            item.update({"sha": "c" * 40, "blob_url": f"{HOST[forge]}/blob/{path}",
                         "patch": "@@ -1 +1,2 @@"})
        else:
            item["html_url"] = f"{HOST[forge]}/src/{path}"
        if renamed_from and path in renamed_from:
            item["status"] = "renamed"
            item["previous_filename"] = renamed_from[path]
        out.append(item)
    return out


def commit(forge: str, sha: str, login: str | None, email: str, name: str = "Tim SAKIP",
           committer: str | None = None) -> dict[str, Any]:
    person = {"name": name, "email": email, "date": "2025-01-20T01:00:00Z"}
    who = user(forge, login, 3) if login else None
    by = user(forge, committer, 4) if committer else who
    inner = {"author": person, "committer": dict(person), "message": "Draf",
             "tree": {"sha": "d" * 40, "url": ""}, "url": ""}
    if forge == "github":
        return {"sha": sha, "node_id": f"C_{sha[:6]}", "commit": {**inner, "comment_count": 0},
                "url": "", "html_url": "", "comments_url": "", "author": who,
                "committer": by, "parents": [{"sha": "b" * 40, "url": ""}]}
    return {"url": "", "sha": sha, "created": "2025-01-20T01:00:00Z", "html_url": "",
            "commit": {**inner, "verification": None}, "author": who, "committer": by,
            "parents": [{"url": "", "sha": "b" * 40, "created": "2025-01-19T01:00:00Z"}],
            "files": None, "stats": None}


GITHUB_STATE = {"approve": "APPROVED", "request": "CHANGES_REQUESTED", "comment": "COMMENTED",
                "pending": "PENDING"}
GITEA_STATE = {"approve": "APPROVED", "request": "REQUEST_CHANGES", "comment": "COMMENT",
               "pending": "PENDING", "request_review": "REQUEST_REVIEW"}


def reviews(forge: str, number: int, events: list[Event], shas: dict[str, str]
            ) -> list[dict[str, Any]]:
    """The reviews list, oldest first, one hour apart."""
    out = []
    for i, event in enumerate(events, 1):
        at = _iso(START + dt.timedelta(hours=i))
        commit_id = shas[event.commit] if event.commit else None
        if event.action == "team_request":
            if forge == "github":
                continue  # GitHub lists requested teams apart, never among reviews
            out.append(team_request(number, i, event.login))
            continue
        if forge == "github":
            html = f"{HOST[forge]}/{OWNER}/{REPO}/pull/{number}#pullrequestreview-{i}"
            state = "DISMISSED" if event.dismissed else GITHUB_STATE[event.action]
            item: dict[str, Any] = {
                "id": i, "node_id": f"PRR_{i}", "user": user(forge, event.login, 10 + i),
                "body": event.body, "state": state, "html_url": html,
                "pull_request_url": f"{API[forge]}/repos/{OWNER}/{REPO}/pulls/{number}",
                "author_association": "MEMBER",
                "_links": {"html": {"href": html}, "pull_request": {"href": ""}},
                "commit_id": commit_id,
            }
            if event.action != "pending":
                item["submitted_at"] = at
        else:
            html = f"{HOST[forge]}/{OWNER}/{REPO}/pulls/{number}#issuecomment-{i}"
            item = {
                "id": i, "user": user(forge, event.login, 10 + i), "team": None,
                "state": GITEA_STATE[event.action], "body": event.body,
                "commit_id": commit_id or "", "stale": event.commit == "old",
                "official": event.action in ("approve", "request"),
                "dismissed": event.dismissed, "comments_count": 0,
                "submitted_at": at if event.action != "request_review" else
                "0001-01-01T00:00:00Z",
                "updated_at": at, "html_url": html,
                "pull_request_url": f"{HOST[forge]}/{OWNER}/{REPO}/pulls/{number}",
            }
            if event.finished is not None:
                item["updated_at"] = _iso(START + dt.timedelta(hours=event.finished))
        out.append(item)
    return out


def team(name: str, tid: int = 3) -> dict[str, Any]:
    """Gitea's/Forgejo's ``Team`` (organisation trimmed to what the API always sends)."""
    return {"id": tid, "name": name, "description": "", "includes_all_repositories": False,
            "permission": "write", "units": ["repo.code", "repo.pulls"],
            "units_map": {"repo.code": "write", "repo.pulls": "write"},
            "can_create_org_repo": False,
            "organization": {"id": 2, "name": OWNER, "full_name": OWNER, "email": "",
                             "avatar_url": "", "description": "", "website": "",
                             "location": "", "visibility": "private",
                             "repo_admin_change_team_access": False, "username": OWNER}}


def team_request(number: int, rid: int, name: str) -> dict[str, Any]:
    """A review requested from a team, as Gitea and Forgejo list it among the reviews: no user
    (``null``), the team, state ``REQUEST_REVIEW`` and the zero time."""
    return {"id": rid, "user": None, "team": team(name), "state": "REQUEST_REVIEW", "body": "",
            "commit_id": "", "stale": False, "official": True, "dismissed": False,
            "comments_count": 0, "submitted_at": _iso(START + dt.timedelta(hours=rid)),
            "updated_at": _iso(START + dt.timedelta(hours=rid)), "html_url": "",
            "pull_request_url": f"{HOST['gitea']}/{OWNER}/{REPO}/pulls/{number}"}


def commit_status(forge: str, sha: str, body: dict[str, Any], sid: int = 1) -> dict[str, Any]:
    """The answer to ``POST /repos/{o}/{r}/statuses/{sha}``: GitHub names the state ``state``,
    Gitea and Forgejo name it ``status``."""
    at = "2025-01-28T01:00:00Z"
    if forge == "github":
        return {"url": f"{API[forge]}/repos/{OWNER}/{REPO}/statuses/{sha}", "avatar_url": None,
                "id": sid, "node_id": f"SC_{sid}", "state": body["state"],
                "description": body.get("description"), "target_url": body.get("target_url"),
                "context": body["context"], "created_at": at, "updated_at": at,
                "creator": user(forge, "github-actions[bot]", 41898282)}
    return {"id": sid, "status": body["state"], "target_url": body.get("target_url", ""),
            "description": body.get("description", ""),
            "url": f"{API[forge]}/repos/{OWNER}/{REPO}/statuses/{sha}",
            "context": body["context"], "creator": user(forge, "gitea-actions", 99),
            "created_at": at, "updated_at": at}


def server_version(version: str) -> dict[str, str]:
    """``GET /api/v1/version``: ``1.26.1`` on Gitea, ``16.0.1+gitea-1.22.0`` on Forgejo."""
    return {"version": version}


def issue_comment(forge: str, cid: int, number: int, login: str, body: str
                  ) -> dict[str, Any]:
    """``GET/POST /repos/{o}/{r}/issues/{n}/comments`` and ``PATCH .../issues/comments/{id}``
    items (GitHub's ``issue-comment``, Gitea's ``Comment``)."""
    at = "2025-01-28T01:00:00Z"
    if forge == "github":
        html = f"{HOST[forge]}/{OWNER}/{REPO}/pull/{number}#issuecomment-{cid}"
        bot = login.endswith("[bot]")
        who = {**user(forge, login, 500 + cid), "type": "Bot" if bot else "User"}
        return {"id": cid, "node_id": f"IC_{cid}", "url": f"{API[forge]}/repos/{OWNER}/{REPO}/"
                f"issues/comments/{cid}", "html_url": html, "body": body, "user": who,
                "created_at": at, "updated_at": at,
                "issue_url": f"{API[forge]}/repos/{OWNER}/{REPO}/issues/{number}",
                "author_association": "NONE" if bot else "MEMBER",
                "performed_via_github_app": None}
    html = f"{HOST[forge]}/{OWNER}/{REPO}/pulls/{number}#issuecomment-{cid}"
    return {"id": cid, "html_url": html,
            "pull_request_url": f"{HOST[forge]}/{OWNER}/{REPO}/pulls/{number}",
            "issue_url": "", "user": user(forge, login, 500 + cid), "original_author": "",
            "original_author_id": 0, "body": body, "assets": [], "created_at": at,
            "updated_at": at}
