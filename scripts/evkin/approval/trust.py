"""Roots of trust: which approval mode, officials and keys were in force for a report, taken
only from facts the report's author cannot write (README, "Roots of trust";
docs/panduan/peninjauan.md, "Siapa dapat memalsukan apa").

The trust facts are the part of ``evkin.yml`` that decides whether an approval counts: the
approval mode (``persetujuan.cara``), the holders of the approving roles (name, NIP, login,
``kunci_ssh``) and the record keys (``pencatat.kunci``). They are read along the first-parent
line of the history, version by version (``chain``):

- the first version is the pin (``Chain.root``); its fingerprint is printed in every final PDF
  and on the archive site, so a rewritten beginning shows;
- in forge mode the main line is protected (merges pass the required check), so each version
  on it is in force from its commit on;
- without a forge anyone with push rights writes the main line, so a change counts only when
  its commit is SSH-signed by an official's key trusted before it (a signed chain, as TUF does
  for its root keys); a change nobody trusted signed is refused and named, whenever it was
  committed;
- revocations (``persetujuan.kunci_dicabut``) only take trust away: they count from any
  version and a later edit cannot undo them.

Pure decisions (``decide_change``, ``revoked_at``) with the Git reading at the edge (``chain``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from evkin import environment, gitrepo
from evkin.approval.records import TRAIL_DIR, load_trail
from evkin.findings import EvkinError, Finding
from evkin.settings import SETTINGS_FILE, Revoked, Settings, parse_settings
from evkin.signing import Signer, parse_public_key, verify

FORGE, FORGELESS = "forge", "tanpa_forge"
APPROVING_ROLES = ("sekretaris", "kepala_dinas")

# The sample archive's record key: its private half is in the repository
# (assets/contoh-kunci-pencatat), so it vouches for nothing outside `evkin demo` and the tests.
SAMPLE_RECORD_KEYS = frozenset({
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIO642d0FWSajMAZ2IjV3MSniwrb2/j/WknsMY4zgIBUv",
})
SAMPLE_ENV = environment.SAMPLE_KEY  # "izinkan": `evkin demo` and the test suite only


def sample_allowed() -> bool:
    """May the sample record key vouch for a trail here (the demo and the tests)?"""
    return environment.sample_key_allowed()


def is_sample_key(key: str) -> bool:

    return parse_public_key(key) in SAMPLE_RECORD_KEYS


@dataclass(frozen=True)
class Official:
    role: str
    nama: str
    nip: str
    login: str
    key: str  # "type base64", '' without one
    surel: str = ""  # to recognise the official among draft authors (not a trust fact)


@dataclass(frozen=True)
class TrustFacts:
    """The trust facts of one version of evkin.yml."""

    mode: str
    officials: tuple[Official, ...]
    record_keys: tuple[str, ...]

    def keys_of(self, role: str) -> tuple[str, ...]:
        return tuple(o.key for o in self.officials if o.role == role and o.key)

    @property
    def official_keys(self) -> tuple[str, ...]:
        return tuple(o.key for o in self.officials if o.key)

    def fingerprint(self) -> str:
        """A short, stable fingerprint of these facts (printed where the author cannot
        change it unnoticed: every final PDF, the archive site)."""
        data = {"cara": self.mode, "pencatat": sorted(self.record_keys),
                "pejabat": sorted([o.role, o.nama, "".join(o.nip.split()), o.login.lower(), o.key]
                                  for o in self.officials)}
        text = yaml.safe_dump(data, sort_keys=True, allow_unicode=True)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
        return " ".join(digest[i:i + 4] for i in range(0, 16, 4))

    def differences(self, other: TrustFacts) -> tuple[str, ...]:
        """What changed from ``self`` to ``other``, in words for a message."""
        out = []
        if self.mode != other.mode:
            out.append(f"persetujuan.cara {self.mode} → {other.mode}")
        if set(self.record_keys) != set(other.record_keys):
            out.append("pencatat.kunci")
        for role in APPROVING_ROLES:
            mine = [o for o in self.officials if o.role == role]
            theirs = [o for o in other.officials if o.role == role]
            if {o.key for o in mine} != {o.key for o in theirs}:
                out.append(f"kunci_ssh {role}")
            if {(o.nama, o.nip, o.login) for o in mine} != {(o.nama, o.nip, o.login)
                                                          for o in theirs}:
                out.append(f"pejabat {role}")
        return tuple(out)


def facts_of(settings: Settings) -> TrustFacts:

    officials = tuple(
        Official(role, p.nama.strip(), "".join(p.nip.split()), p.login.strip(),
                 parse_public_key(p.kunci_ssh), p.surel.strip())
        for role in APPROVING_ROLES for p in settings.roles.holders(role))
    return TrustFacts(settings.approval_mode, officials, tuple(settings.record_keys))


@dataclass(frozen=True)
class TrustChange:
    """One version of the trust facts arriving on the line, and whether it counts."""

    commit: str
    author: tuple[str, str]
    time: dt.datetime
    what: tuple[str, ...]
    accepted: bool
    signer: str = ""  # the role whose trusted key signed the commit ('' = none)
    pinned: bool = False  # first keys where none were trusted (the pin moves here)


@dataclass(frozen=True)
class Chain:
    root: TrustFacts  # the pin: the first version, or the first forge-less one (with first keys)
    root_commit: str
    trusted: TrustFacts  # in force at the end of the line
    changes: tuple[TrustChange, ...]  # every change of the trust facts, accepted or not
    revoked: tuple[Revoked, ...]  # every revocation any version named

    @property
    def refused(self) -> tuple[TrustChange, ...]:
        return tuple(c for c in self.changes if not c.accepted)


def revoked_at(revoked: Iterable[Revoked], key: str, when: dt.datetime | dt.date) -> Revoked | None:
    """The revocation that stops ``key`` for a signature dated ``when``, if any."""
    day = when.date() if isinstance(when, dt.datetime) else when
    return next((r for r in revoked if r.key == key and day >= r.since), None)


def decide_change(trusted: TrustFacts, new: TrustFacts, signed_by: str) -> tuple[bool, bool]:
    """(accepted, pinned) for a new version of the trust facts. ``signed_by``: the role of a
    key trusted in ``trusted`` that signed the commit ('' when none did)."""
    if trusted.mode == FORGE:
        # The protected main line vouches; a switch to forge-less approval pins the new facts
        # (from then on only signatures count, and a rewritten history changes the pin).
        return True, new.mode == FORGELESS
    if signed_by:
        return True, False
    if not trusted.official_keys:
        return True, True  # nothing could sign yet: the first keys are pinned (and printed)
    return False, False


def _signed_by(commit: gitrepo.LineCommit, trusted: TrustFacts, revoked: Sequence[Revoked]) -> str:
    return _signed_by_cached(commit, trusted, tuple(revoked))


@lru_cache(maxsize=1024)
def _signed_by_cached(commit: gitrepo.LineCommit, trusted: TrustFacts,
                      revoked: tuple[Revoked, ...]) -> str:
    """The role of a trusted, unrevoked official's key that signed the commit ('' if none):
    ``ssh-keygen -Y verify -n git`` over the commit object without its signature."""

    if not commit.signature:
        return ""
    for official in trusted.officials:
        if not official.key or revoked_at(revoked, official.key, commit.time):
            continue
        if verify(commit.payload, commit.signature, [Signer(official.role, official.key)],
                  official.role, namespace="git"):
            return official.role
    return ""


def chain(root: Path, rev: str = "HEAD") -> Chain | None:
    """The trust facts along ``rev``'s first-parent line; ``None`` without a committed
    evkin.yml that can be read."""
    sha = rev if _is_sha(rev) else (
        gitrepo.resolve_commit(root, rev) if gitrepo.is_repo(root) else "")
    if not sha:
        return None
    root = root.resolve()
    found = _snapshots(root, sha)
    return found[-1][1] if found else None


def chain_on_line(root: Path, head: str, commit: str) -> Chain | None:
    """``chain(root, commit)`` for a commit on ``head``'s first-parent line, read off the
    head's chain (one walk for a whole archive) instead of a walk of its own."""
    root = root.resolve()
    head_sha = head if _is_sha(head) else gitrepo.resolve_commit(root, head)
    line = _positions(root, head_sha)
    if commit not in line:
        return chain(root, commit)
    limit = line[commit]  # newest first: a larger position is older
    before = [c for sha, c in _snapshots(root, head_sha) if line.get(sha, -1) >= limit]
    return before[-1] if before else None


def _is_sha(rev: str) -> bool:
    return len(rev) == 40 and all(c in "0123456789abcdef" for c in rev)


@lru_cache(maxsize=8)
def _positions(root: Path, head: str) -> dict[str, int]:
    return {sha: i for i, sha in enumerate(gitrepo.first_parent_line(root, head))}


@lru_cache(maxsize=256)
def _snapshots(root: Path, sha: str) -> tuple[tuple[str, Chain], ...]:
    """The chain after each version of evkin.yml on ``sha``'s line, oldest first."""

    versions: list[tuple[gitrepo.LineCommit, Settings]] = []
    for commit in gitrepo.line_changes(root, sha, SETTINGS_FILE):
        settings = committed_settings(root, commit.sha)
        if settings is not None:
            versions.append((commit, settings))
    if not versions:
        return ()
    revoked: list[Revoked] = []
    for _commit, settings in versions:
        revoked.extend(r for r in settings.revoked if r not in revoked)
    first_commit, first = versions[0]
    pin, pin_commit = facts_of(first), first_commit.sha
    trusted = pin
    changes: list[TrustChange] = []
    out = [(first_commit.sha, Chain(pin, pin_commit, trusted, (), tuple(revoked)))]
    for commit, settings in versions[1:]:
        new = facts_of(settings)
        what = trusted.differences(new)
        if what:
            signer = _signed_by(commit, trusted, revoked)
            accepted, pinned = decide_change(trusted, new, signer)
            changes.append(TrustChange(commit.sha, commit.author, commit.time, what, accepted,
                                  signer, pinned))
            if accepted:
                trusted = new
                if pinned:
                    pin, pin_commit = new, commit.sha
        out.append((commit.sha, Chain(pin, pin_commit, trusted, tuple(changes),
                                      tuple(revoked))))
    return tuple(out)


def landing(root: Path, evaluation_id: str, tree: str, rev: str = "HEAD") -> str:
    """The commit before the approved folder (``tree``) arrived on ``rev``'s first-parent
    line: the main line as it stood before the report landed ('' when it never did). For a
    root commit, that commit itself."""
    if not tree:
        return ""
    folder = gitrepo.folder_path(evaluation_id)
    for commit, parent in gitrepo.line_folder_changes(root, rev).get(evaluation_id, ()):
        if gitrepo.tree_at(root, folder, commit) == tree:
            return parent or commit
    return ""


def settings_findings(settings: Settings) -> list[Finding]:
    """What ``evkin check`` says of the trust settings themselves: the sample record key
    still listed (an error outside the demo and the tests)."""
    if sample_allowed() or not any(is_sample_key(k) for k in settings.record_keys):
        return []
    path = settings.root / SETTINGS_FILE
    line = None
    try:
        for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if any(k.split()[1] in text for k in SAMPLE_RECORD_KEYS):
                line = number
                break
    except (OSError, UnicodeDecodeError):
        pass
    return [Finding(SETTINGS_FILE, line, "settings.sample_record_key")]


def trail_findings(root: Path, evaluation_id: str) -> list[Finding]:
    """Keys in a trail that no signature covers: named as warnings, shown nowhere."""

    try:
        trail = load_trail(root, evaluation_id)
    except EvkinError:
        return []  # an unreadable trail is reported where it is verified
    if trail is None or not trail.extra:
        return []
    return [Finding(f"{TRAIL_DIR}/{evaluation_id}.yml", None, "trail.unsigned_field",
                    {"field": key}, "warning") for key in sorted(trail.extra)]


def committed_settings(root: Path, rev: str = "HEAD") -> Settings | None:
    """The settings as committed at ``rev`` (an uncommitted edit of evkin.yml does not count);
    ``None`` when evkin.yml is not committed there or cannot be read. Parsed once per content
    (blob), since an archive's reports share a handful of versions of evkin.yml. Read without
    the unknown-key check: a version once committed was accepted, and the approvals recorded
    under it must keep verifying."""
    blob = gitrepo.blob_id(root, rev, SETTINGS_FILE)
    return _settings_of_blob(root.resolve(), blob) if blob else None


@lru_cache(maxsize=64)
def _settings_of_blob(root: Path, blob: str) -> Settings | None:
    text = gitrepo.blob_text(root, blob)
    if text is None:
        return None
    try:
        return parse_settings(text, root, strict=False)
    except EvkinError:
        return None
