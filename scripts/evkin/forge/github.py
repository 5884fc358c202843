"""GitHub REST (api.github.com or GitHub Enterprise ``/api/v3``): pull requests, reviews,
commit statuses. Review states are read from the reviews API, never from an event payload.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from evkin.approval.review import (
    APPROVE,
    COMMENT,
    DISMISSED,
    PENDING,
    REQUEST_CHANGES,
    PullRequest,
    Review,
)
from evkin.findings import EvkinError
from evkin.forge.http import Http, Response, next_link
from evkin.forge.shape import (
    Comment,
    Opened,
    comment,
    comments,
    login_of,
    need,
    opened,
    parse_time,
    pull_request,
    review_list,
)

NAME = "github"
DEFAULT_API = "https://api.github.com"
PER_PAGE = 100  # GitHub's maximum
BOT = "github-actions[bot]"  # who writes as the workflow's GITHUB_TOKEN


def file_url(server: str, repo: str, ref: str, path: str, line: int | None,
             branch: bool = False) -> str:
    """A file at a commit (or a branch) on the web (``/blob/``), at a line when given."""
    return f"{server.rstrip('/')}/{repo}/blob/{quote(ref)}/{quote(path)}" + (
        f"#L{line}" if line else "")

STATES = {
    "APPROVED": APPROVE,
    "CHANGES_REQUESTED": REQUEST_CHANGES,
    "COMMENTED": COMMENT,
    "DISMISSED": DISMISSED,
    "PENDING": PENDING,
}


def review(raw: dict[str, Any], where: str) -> Review:
    state = str(need(raw, "state", where)).upper()
    if state not in STATES:
        raise EvkinError("forge.bad_state", {"where": where, "state": state,
                                             "known": ", ".join(STATES)})
    normal = STATES[state]
    return Review(
        login=login_of(raw.get("user"), where),
        state=normal,
        commit=raw.get("commit_id") or None,
        at=parse_time(raw.get("submitted_at"), where, required=normal != PENDING),
        url=str(raw.get("html_url") or ""),
        id=int(raw.get("id") or 0),
        body=str(raw.get("body") or ""),
    )


def reviews(raw: Any, where: str) -> list[Review]:
    return [review(item, f"{where}[{i}]") for i, item in enumerate(review_list(raw, where))]


def _next(resp: Response, url: str, page: int, seen: int) -> str | None:
    return next_link(resp.header("Link"))


class Client:
    """``GET`` what the gate needs and ``POST`` the commit status, with a token if given."""

    name = NAME

    def __init__(self, api_url: str, repo: str, token: str | None) -> None:
        self.repo = repo
        self.http = Http(api_url or DEFAULT_API, f"Bearer {token}" if token else None,
                         accept="application/vnd.github+json",
                         extra_headers={"X-GitHub-Api-Version": "2022-11-28"})

    def _list(self, path: str) -> list[Any]:
        return list(self.http.paginate(path, {"per_page": PER_PAGE}, _next))

    def pull_request(self, number: int) -> PullRequest:
        base = f"repos/{self.repo}/pulls/{number}"
        raw = self.http.get(base).data
        # No file list: the gate computes changed paths with git (a forge list is capped).
        return pull_request(raw, None, self._list(f"{base}/commits"), base)

    def reviews(self, number: int) -> list[Review]:
        path = f"repos/{self.repo}/pulls/{number}/reviews"
        return reviews(self._list(path), path)

    def merged_pull_of(self, sha: str) -> int | None:
        """The merged pull request whose merge produced (or contained) commit ``sha``."""
        path = f"repos/{self.repo}/commits/{sha}/pulls"
        for item in self._list(path):
            if isinstance(item, dict) and item.get("merged_at"):
                return int(item["number"])
        return None

    def post_status(self, sha: str, state: str, context: str, description: str,
                    target_url: str) -> None:
        self.http.post_status(self.repo, sha, state, context, description, target_url)

    def server_version(self) -> str:
        """Not needed on GitHub: its routes do not change with a version."""
        return ""

    def create_pull(self, head: str, base: str, title: str, body: str) -> Opened:
        """``POST /pulls`` as a draft (GitHub's ``draft`` field)."""
        path = f"repos/{self.repo}/pulls"
        raw = self.http.post(path, {"title": title, "head": head, "base": base, "body": body,
                                    "draft": True}).data
        return opened(raw, path)

    def comments(self, number: int) -> list[Comment]:
        path = f"repos/{self.repo}/issues/{number}/comments"
        return comments(self._list(path), path)

    def create_comment(self, number: int, body: str) -> Comment:
        path = f"repos/{self.repo}/issues/{number}/comments"
        return comment(self.http.post(path, {"body": body}).data, path)

    def update_comment(self, comment_id: int, body: str) -> Comment:
        path = f"repos/{self.repo}/issues/comments/{comment_id}"
        return comment(self.http.patch(path, {"body": body}).data, path)
