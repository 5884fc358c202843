"""SOP steps 5-7 on a forge: the pull request is the review. REST clients (GitHub,
Gitea/Forgejo) that return the forge-neutral ``evkin.approval.review`` types, and the same
normalisation for saved payloads (``evkin gate --pr pr.json ...``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from evkin import environment
from evkin.approval.review import PullRequest, Review
from evkin.findings import EvkinError
from evkin.forge import gitea, github
from evkin.forge.shape import Comment, Opened

FORGES = (github.NAME, gitea.NAME)
STATUS_CONTEXT = "evkin/persetujuan"
TOKEN_VARIABLES = environment.TOKENS


class Client(Protocol):
    name: str

    def pull_request(self, number: int) -> PullRequest: ...

    def reviews(self, number: int) -> list[Review]: ...

    def merged_pull_of(self, sha: str) -> int | None: ...

    def post_status(self, sha: str, state: str, context: str, description: str,
                    target_url: str) -> None: ...

    def server_version(self) -> str: ...

    def create_pull(self, head: str, base: str, title: str, body: str) -> Opened: ...

    def comments(self, number: int) -> list[Comment]: ...

    def create_comment(self, number: int, body: str) -> Comment: ...

    def update_comment(self, comment_id: int, body: str) -> Comment: ...


def file_url(forge: str, server: str, repo: str, ref: str, path: str, line: int | None = None,
             branch: bool = False) -> str:
    """Where a file at a commit (or on a branch) and line shows on the forge's web pages."""
    if forge == github.NAME:
        return github.file_url(server, repo, ref, path, line, branch)
    return gitea.file_url(server, repo, ref, path, line, branch)


def commit_url(forge: str, server: str, repo: str, sha: str) -> str:
    """A commit's page: ``/commit/<sha>`` on both forges."""
    return f"{server.rstrip('/')}/{repo}/commit/{sha}"


def bot_logins(env: Mapping[str, str] | None = None) -> frozenset[str]:
    """Logins the workflow token writes as (``EVKIN_BOT_LOGIN`` adds one, e.g. on Forgejo)."""
    extra = environment.bot_login(env)
    return frozenset({github.BOT, gitea.BOT, "forgejo-actions", *([extra] if extra else [])})


def client(forge: str, api_url: str, repo: str, token: str | None) -> Client:
    if "/" not in repo.strip("/"):
        raise EvkinError("forge.bad_repo", {"repo": repo})
    repo = repo.strip("/")
    if forge == github.NAME:
        return github.Client(api_url, repo, token)
    if forge == gitea.NAME:
        return gitea.Client(api_url, repo, token)
    raise EvkinError("forge.unknown", {"forge": forge, "known": ", ".join(FORGES)})


def token_from_env(env: Mapping[str, str] | None = None) -> str | None:
    """The API token: ``EVKIN_TOKEN``, else ``GITHUB_TOKEN``, else ``GITEA_TOKEN``.

    Tokens are read from the environment only, never from the command line, where they would
    show in process lists and shell history.
    """
    return environment.token(env)


def forge_from_env(env: Mapping[str, str] | None = None) -> str:
    """The forge a workflow runs on: Gitea/Forgejo runners say so; GitHub's is the default."""
    if environment.runner(env).gitea:
        return gitea.NAME
    return github.NAME


def from_payloads(forge: str, pr: Any, reviews: Any, files: Any, commits: Any,
                  names: Mapping[str, str]) -> tuple[PullRequest, list[Review]]:
    """Saved REST payloads → the gate's input; ``names`` maps pr/reviews to their file names
    for error messages."""
    module = github if forge == github.NAME else gitea
    pull = module.pull_request(pr, files, commits, names.get("pr", "pr"))
    return pull, module.reviews(reviews, names.get("reviews", "reviews"))
