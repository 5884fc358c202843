"""Reading forge JSON: required fields with located errors, times, identities, and telling a
GitHub payload from a Gitea/Forgejo one."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from evkin.approval.review import PullRequest
from evkin.findings import EvkinError


@dataclass(frozen=True)
class Comment:
    """One comment on a pull request's conversation (an issue comment on both forges)."""

    id: int
    login: str
    body: str
    url: str = ""


@dataclass(frozen=True)
class Opened:
    """A pull request just created: its number and page."""

    number: int
    url: str


def comment(raw: Any, where: str) -> Comment:
    """``GET /repos/{o}/{r}/issues/{n}/comments`` items: GitHub and Gitea name these alike."""
    return Comment(id=int(need(raw, "id", where)), login=login_of(raw.get("user"), where),
                   body=str(raw.get("body") or ""), url=str(raw.get("html_url") or ""))


def comments(raw: Any, where: str) -> list[Comment]:
    return [comment(item, f"{where}[{i}]") for i, item in enumerate(review_list(raw, where))]


def opened(raw: Any, where: str) -> Opened:
    return Opened(number=int(need(raw, "number", where)),
                  url=str(need(raw, "html_url", where)))

GITHUB_ONLY_STATES = {"CHANGES_REQUESTED", "COMMENTED", "DISMISSED"}
GITEA_ONLY_STATES = {"REQUEST_CHANGES", "COMMENT", "REQUEST_REVIEW"}


def need(raw: Any, key: str, where: str) -> Any:
    if not isinstance(raw, dict):
        raise EvkinError("forge.bad_payload", {"where": where, "detail": "object"})
    value = raw.get(key)
    if value is None or value == "":
        raise EvkinError("forge.missing_field", {"where": where, "field": key})
    return value


def login_of(user: Any, where: str) -> str:
    if isinstance(user, dict) and user.get("login"):
        return str(user["login"])
    raise EvkinError("forge.missing_field", {"where": where, "field": "user.login"})


def parse_time(text: Any, where: str, required: bool = True) -> dt.datetime | None:
    """An ISO 8601 time with a zone (``Z`` or an offset); ``None`` when absent and allowed."""
    if text in (None, "", "0001-01-01T00:00:00Z"):
        if required:
            raise EvkinError("forge.missing_field", {"where": where, "field": "submitted_at"})
        return None
    try:
        value = dt.datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    except ValueError:
        raise EvkinError("forge.bad_time", {"where": where, "value": str(text)}) from None
    if value.tzinfo is None:
        raise EvkinError("forge.bad_time", {"where": where, "value": str(text)})
    return value


def review_list(raw: Any, where: str) -> list[dict[str, Any]]:
    """A JSON list of objects; saved pages (a list of lists) are joined in order."""
    if not isinstance(raw, list):
        raise EvkinError("forge.bad_payload", {"where": where, "detail": "list"})
    items: list[Any] = []
    for item in raw:
        items.extend(item if isinstance(item, list) else [item])
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            raise EvkinError("forge.bad_payload", {"where": f"{where}[{i}]", "detail": "object"})
    return items


def commit_identities(commits: Any) -> frozenset[str]:
    """Lower-case logins and e-mail addresses of every author and committer of the commits.

    Logins come from the forge's user objects (null when the e-mail is not linked to an
    account), e-mails from the git commit itself, so an official who committed under an
    unlinked e-mail listed as ``surel`` in the settings is still found.
    """
    out: set[str] = set()
    for item in review_list(commits, "commits"):
        for key in ("author", "committer"):
            user = item.get(key)
            if isinstance(user, dict) and user.get("login"):
                out.add(str(user["login"]).lower())
            person = (item.get("commit") or {}).get(key)
            if isinstance(person, dict) and person.get("email"):
                out.add(str(person["email"]).lower())
    return frozenset(out)


def _vote_pr(pr: Any) -> str | None:
    if not isinstance(pr, dict):
        return None
    head: dict[str, Any] = pr["head"] if isinstance(pr.get("head"), dict) else {}
    if "repo_id" in head or "allow_maintainer_edit" in pr or "merge_base" in pr:
        return "gitea"
    if "node_id" in pr or "_links" in pr or "author_association" in pr:
        return "github"
    return None


def _vote_reviews(reviews: Any) -> str | None:
    items = [r for r in (reviews if isinstance(reviews, list) else []) for r in
             (r if isinstance(r, list) else [r]) if isinstance(r, dict)]
    for item in items:
        if {"dismissed", "official", "stale"} & item.keys():
            return "gitea"
        if {"author_association", "node_id", "_links"} & item.keys():
            return "github"
    for item in items:
        state = str(item.get("state") or "").upper()
        if state in GITEA_ONLY_STATES:
            return "gitea"
        if state in GITHUB_ONLY_STATES:
            return "github"
    return None


def detect(pr: Any, reviews: Any, pr_path: str, reviews_path: str) -> str:
    """``github`` or ``gitea`` from the saved payloads' own fields; refuses mixed shapes."""
    by_pr, by_reviews = _vote_pr(pr), _vote_reviews(reviews)
    if by_pr and by_reviews and by_pr != by_reviews:
        raise EvkinError("forge.shapes_differ", {"pr": pr_path, "pr_forge": by_pr,
                                                 "reviews": reviews_path,
                                                 "reviews_forge": by_reviews})
    found = by_pr or by_reviews
    if not found:
        raise EvkinError("forge.unknown_shape", {"pr": pr_path, "reviews": reviews_path})
    return found


def pull_request(raw: Any, files: Any, commits: Any, where: str) -> PullRequest:
    """A ``PullRequest`` from ``GET /pulls/{n}``, ``/files`` and ``/commits``: GitHub and
    Gitea/Forgejo name these fields alike."""
    if not isinstance(raw, dict):
        raise EvkinError("forge.bad_payload", {"where": where, "detail": "object"})
    head = need(raw, "head", where)
    base = need(raw, "base", where)
    paths: list[str] = []
    for item in review_list(files, "files") if files is not None else []:
        paths.append(str(item.get("filename") or ""))
        if item.get("previous_filename"):
            paths.append(str(item["previous_filename"]))
    return PullRequest(
        number=int(need(raw, "number", where)),
        author=login_of(raw.get("user"), where),
        head_sha=str(need(head, "sha", f"{where}.head")),
        base_ref=str(need(base, "ref", f"{where}.base")),
        files=tuple(p for p in paths if p),
        commit_authors=commit_identities(commits) if commits is not None else frozenset(),
        url=str(raw.get("html_url") or ""),
        title=str(raw.get("title") or ""),
    )
