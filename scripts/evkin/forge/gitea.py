"""Gitea and Forgejo REST (``https://host/api/v1``): pull requests, reviews, commit statuses.

Their review states differ from GitHub's (``REQUEST_CHANGES``, ``COMMENT``, ``REQUEST_REVIEW``)
and a dismissal keeps the state but sets ``dismissed: true``. Their ``pull_request_review``
event payload carries no review state at all, so the reviews API is the only source.
"""

from __future__ import annotations

import datetime as dt
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

NAME = "gitea"
BOT = "gitea-actions"  # who writes as the workflow's token (Gitea and Forgejo)
# Gitea/Forgejo have no draft flag on creation: a title prefix from the server's
# [repository.pull-request] WORK_IN_PROGRESS_PREFIXES (default "WIP:,[WIP]") marks a draft.
DRAFT_PREFIX = "WIP: "
LIMIT = 50  # Gitea's default MAX_RESPONSE_ITEMS; a server may cap lower, pagination copes

STATES = {
    "APPROVED": APPROVE,
    "REQUEST_CHANGES": REQUEST_CHANGES,
    "COMMENT": COMMENT,
    "PENDING": PENDING,
    "REQUEST_REVIEW": PENDING,  # a review was asked for: no decision
}


def file_url(server: str, repo: str, ref: str, path: str, line: int | None,
             branch: bool = False) -> str:
    """A file at a commit (``/src/commit/``) or a branch (``/src/branch/``), at a line."""
    kind = "branch" if branch else "commit"
    return f"{server.rstrip('/')}/{repo}/src/{kind}/{quote(ref)}/{quote(path)}" + (
        f"#L{line}" if line else "")


def submitted(raw: dict[str, Any], where: str, state: str) -> dt.datetime | None:
    """When a review was submitted.

    Gitea and Forgejo answer ``submitted_at`` with the review row's creation time: for a review
    begun earlier (a line comment starts a pending review, "Finish review" submits it later)
    that is when it was begun. Submitting updates the row, so ``updated_at`` is the submission
    (for a dismissed review it is the dismissal: that one keeps ``submitted_at``, and a review
    request or a pending draft has no submission).
    """
    required = state in (APPROVE, REQUEST_CHANGES)
    begun = parse_time(raw.get("submitted_at"), where, required=False)
    if state in (APPROVE, REQUEST_CHANGES, COMMENT):
        done = parse_time(raw.get("updated_at"), where, required=False)
        if done is not None and (begun is None or done >= begun):
            return done
    if begun is None and required:
        raise EvkinError("forge.missing_field", {"where": where, "field": "submitted_at"})
    return begun


def review(raw: dict[str, Any], where: str) -> Review | None:
    """One review; ``None`` for a team's review request, which has no user (``"user": null``
    beside a ``team`` object) and decides nothing."""
    state = str(raw.get("state") or "").upper()
    if state not in STATES:
        raise EvkinError("forge.bad_state", {"where": where, "state": state or "''",
                                             "known": ", ".join(STATES)})
    normal = DISMISSED if raw.get("dismissed") is True else STATES[state]
    user = raw.get("user")
    if normal == PENDING and not (isinstance(user, dict) and user.get("login")):
        return None
    return Review(
        login=login_of(user, where),
        state=normal,
        commit=raw.get("commit_id") or None,
        at=submitted(raw, where, normal),
        url=str(raw.get("html_url") or ""),
        id=int(raw.get("id") or 0),
        body=str(raw.get("body") or ""),
    )


def reviews(raw: Any, where: str) -> list[Review]:
    found = (review(item, f"{where}[{i}]") for i, item in enumerate(review_list(raw, where)))
    return [r for r in found if r is not None]


def _next(resp: Response, url: str, page: int, seen: int) -> str | None:
    """Follow ``Link`` when sent (files, commits); else page on until ``X-Total-Count`` items
    were seen (reviews send only the count) or a page comes back empty."""
    link = next_link(resp.header("Link"))
    if link:
        return link
    total = resp.header("X-Total-Count")
    if total.isdigit() and seen >= int(total):
        return None
    from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query))
    query["page"] = str(page + 1)
    return urlunsplit(parts._replace(query=urlencode(query)))


class Client:
    name = NAME

    def __init__(self, api_url: str, repo: str, token: str | None) -> None:
        if not api_url:
            raise EvkinError("forge.need_api_url", {"forge": NAME})
        self.repo = repo
        self.http = Http(api_url, f"token {token}" if token else None)

    def _list(self, path: str, **extra: object) -> list[Any]:
        return list(self.http.paginate(path, {"page": 1, "limit": LIMIT, **extra}, _next))

    def pull_request(self, number: int) -> PullRequest:
        base = f"repos/{self.repo}/pulls/{number}"
        raw = self.http.get(base).data
        commits = self._list(f"{base}/commits", verification="false", files="false")
        # No file list: the gate computes changed paths with git (a forge list is capped).
        return pull_request(raw, None, commits, base)

    def reviews(self, number: int) -> list[Review]:
        path = f"repos/{self.repo}/pulls/{number}/reviews"
        return reviews(self._list(path), path)

    def merged_pull_of(self, sha: str) -> int | None:
        """The pull request whose merge commit is ``sha`` (404: none)."""
        try:
            raw = self.http.get(f"repos/{self.repo}/commits/{sha}/pull").data
        except EvkinError as error:
            if error.code == "forge.http" and error.params.get("status") == 404:
                return None
            raise
        return int(need(raw, "number", f"commits/{sha}/pull"))

    def post_status(self, sha: str, state: str, context: str, description: str,
                    target_url: str) -> None:
        self.http.post_status(self.repo, sha, state, context, description, target_url)

    def server_version(self) -> str:
        """``GET /version`` (``1.26.1``; Forgejo: ``16.0.1+gitea-1.22.0``); '' if refused."""
        try:
            raw = self.http.get("version").data
        except EvkinError:
            return ""
        return str(raw.get("version") or "") if isinstance(raw, dict) else ""

    def create_pull(self, head: str, base: str, title: str, body: str) -> Opened:
        """``POST /pulls``; the ``WIP:`` title prefix makes it a draft."""
        path = f"repos/{self.repo}/pulls"
        raw = self.http.post(path, {"title": DRAFT_PREFIX + title, "head": head, "base": base,
                                    "body": body}).data
        return opened(raw, path)

    def comments(self, number: int) -> list[Comment]:
        """Gitea/Forgejo list an issue's comments in one answer (no pagination)."""
        path = f"repos/{self.repo}/issues/{number}/comments"
        return comments(self.http.get(path).data, path)

    def create_comment(self, number: int, body: str) -> Comment:
        path = f"repos/{self.repo}/issues/{number}/comments"
        return comment(self.http.post(path, {"body": body}).data, path)

    def update_comment(self, comment_id: int, body: str) -> Comment:
        path = f"repos/{self.repo}/issues/comments/{comment_id}"
        return comment(self.http.patch(path, {"body": body}).data, path)
