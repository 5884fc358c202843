"""Where a workflow run and its artifacts show on each forge's web pages. Pure.

GitHub routes a run by its global id (``github.run_id``). Gitea before 1.26 and Forgejo
before 16 route ``/actions/runs/<n>`` by the repository's run number (``github.run_number``);
the id there opens another run or nothing. An artifact is reached by its name on Gitea and
Forgejo (``/actions/runs/<run>/artifacts/<name>``), by its id on GitHub (the upload action's
``artifact-url``). The forge's version comes from ``GET /api/v1/version``: ``1.26.1`` on
Gitea, ``16.0.1+gitea-1.22.0`` on Forgejo.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote

GITHUB, GITEA, FORGEJO = "github", "gitea", "forgejo"
# The first version of each that routes a run by its id.
RUN_BY_ID = {GITEA: (1, 26), FORGEJO: (16,)}

_VERSION = re.compile(r"v?(\d+)\.(\d+)(?:\.(\d+))?")


@dataclass(frozen=True)
class Server:
    """Which forge answers, and its version when known."""

    product: str  # github | gitea | forgejo
    version: tuple[int, ...] | None = None


def server_of(kind: str, version_text: str) -> Server:
    """The forge from its kind (``github`` or ``gitea``) and its ``/version`` answer."""
    if kind == GITHUB:
        return Server(GITHUB)
    text = version_text.strip()
    product = FORGEJO if "+gitea" in text or "forgejo" in text.lower() else GITEA
    found = _VERSION.match(text)
    if not found:
        return Server(product)
    version = tuple(int(g) for g in found.groups() if g is not None)
    if product == GITEA and version[0] >= 7:
        product = FORGEJO  # Forgejo numbers from 7 on; Gitea is still 1.x
    return Server(product, version)


def run_segment(server: Server, run_id: str, run_number: str) -> str:
    """What follows ``/actions/runs/`` for this run on this forge ('' when not known)."""
    if server.product == GITHUB:
        return run_id if run_id.isdigit() else ""
    if server.version is None:
        return ""
    by_id = server.version >= RUN_BY_ID[server.product]
    chosen = run_id if by_id else run_number
    return chosen if chosen.isdigit() else ""


def run_url(base: str, repo: str, server: Server, run_id: str, run_number: str) -> str:
    """The run's page; the repository's list of runs when the run cannot be named."""
    segment = run_segment(server, run_id, run_number)
    root = f"{base.rstrip('/')}/{repo}/actions"
    return f"{root}/runs/{segment}" if segment else root


def artifact_url(base: str, repo: str, server: Server, run_id: str, run_number: str,
                 name: str) -> str:
    """An artifact's download on Gitea/Forgejo, by name ('' on GitHub or when unknown)."""
    segment = run_segment(server, run_id, run_number)
    if server.product == GITHUB or not segment or not name:
        return ""
    return f"{base.rstrip('/')}/{repo}/actions/runs/{segment}/artifacts/{quote(name, safe='')}"
