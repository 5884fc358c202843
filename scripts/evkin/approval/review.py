"""Forge-neutral review data: what the gate decides on, whatever forge (or none) it came from.

GitHub and Gitea/Forgejo clients (``evkin.forge``) and offline SSH approvals all produce these.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

# Normalised review states.
APPROVE = "approve"
REQUEST_CHANGES = "request_changes"
COMMENT = "comment"
DISMISSED = "dismissed"
PENDING = "pending"


@dataclass(frozen=True)
class Review:
    """One submitted review. ``commit`` is the head the reviewer saw (may be unknown)."""

    login: str
    state: str  # APPROVE | REQUEST_CHANGES | COMMENT | DISMISSED | PENDING
    commit: str | None
    at: dt.datetime | None
    url: str = ""
    id: int = 0
    body: str = ""


@dataclass(frozen=True)
class PullRequest:
    """What the gate needs to know of a pull request (or of an offline review round)."""

    number: int
    author: str
    head_sha: str
    base_ref: str
    files: tuple[str, ...] = ()
    commit_authors: frozenset[str] = field(default_factory=frozenset)
    url: str = ""
    title: str = ""
