"""Approval records (paraf, signature, return) and the trail file that keeps them in Git.

A trail lives at ``persetujuan/<id>.yml`` at the repository root, outside the evaluation folder,
so that recording an approval does not change the tree that was approved.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from evkin.files import write_atomic
from evkin.findings import EvkinError, Finding
from evkin.yamlfile import LinedDict, YamlProblem, parse, read_text

TRAIL_DIR = "persetujuan"
DECISIONS = ("paraf", "tanda_tangan", "kembali")
ROLES = ("sekretaris", "kepala_dinas")


@dataclass(frozen=True)
class Approval:
    """One decision by one official on one version (git tree) of an evaluation folder."""

    role: str  # sekretaris | kepala_dinas
    decision: str  # paraf | tanda_tangan | kembali
    name: str
    at: dt.datetime  # timezone-aware
    jabatan: str = ""
    nip: str = ""
    login: str = ""
    url: str = ""  # the review on the forge, if any
    tree: str = ""  # git tree hash of evaluations/<id> that was reviewed
    commit: str = ""  # the head commit that was reviewed
    note: str = ""  # reason given with a return
    ssh_signature: str = ""  # armored SSH signature over ``payload()`` (offline approvals)

    def payload(self) -> bytes:
        """The canonical bytes an SSH signature covers (everything but the signature)."""
        data = self.as_dict()
        data.pop("tanda_tangan_ssh", None)
        return yaml.safe_dump(data, sort_keys=True, allow_unicode=True).encode("utf-8")

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "peran": self.role, "keputusan": self.decision, "nama": self.name,
            "jabatan": self.jabatan, "nip": self.nip, "login": self.login,
            "waktu": self.at.isoformat(), "tautan": self.url, "pohon": self.tree,
            "komit": self.commit, "catatan": self.note,
        }
        if self.ssh_signature:
            out["tanda_tangan_ssh"] = self.ssh_signature
        return out


@dataclass(frozen=True)
class Trail:
    """Every decision on one evaluation, oldest first; ``tree`` is the finally approved tree."""

    evaluation_id: str
    approvals: tuple[Approval, ...] = ()
    tree: str = ""
    commit: str = ""
    source: str = ""  # github | gitea | ssh
    pull_request: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    # Armored SSH signature over ``payload()`` by a key only the publishing workflow holds
    # (``pencatat.kunci`` in evkin.yml): what makes a forge trail more than a hand-written file.
    record_signature: str = ""
    # When the publishing workflow recorded the trail (ISO time), under the record signature:
    # the start of SOP step 8 as a signed fact.
    recorded_at: str = ""

    def payload(self) -> bytes:
        """The canonical bytes the record signature covers: everything the trail says, but
        the signature itself. Keys this version does not know (``extra``) are covered by no
        signature: ``evkin check`` names them and no output shows them."""
        data: dict[str, Any] = {
            "evaluasi": self.evaluation_id, "pohon": self.tree, "komit": self.commit,
            "sumber": self.source, "pull_request": self.pull_request,
            "persetujuan": [a.as_dict() for a in self.approvals]}
        if self.recorded_at:
            data["dicatat"] = self.recorded_at
        return yaml.safe_dump(data, sort_keys=True, allow_unicode=True).encode("utf-8")

    @property
    def recorded_moment(self) -> dt.datetime | None:
        """``dicatat`` as a time with zone (``None`` when absent or unreadable)."""
        try:
            moment = dt.datetime.fromisoformat(self.recorded_at) if self.recorded_at else None
        except ValueError:
            return None
        return moment if moment is not None and moment.tzinfo is not None else None

    @property
    def signed_at(self) -> dt.datetime:
        """When the record signature was made, as the trail says (for revocations)."""
        times = [a.at for a in self.approvals]
        if self.recorded_moment is not None:
            times.append(self.recorded_moment)
        return max(times) if times else dt.datetime.min.replace(tzinfo=dt.UTC)

    def latest(self, decision: str) -> Approval | None:
        found = [a for a in self.approvals if a.decision == decision]
        return found[-1] if found else None

    @property
    def paraf(self) -> Approval | None:
        return self.latest("paraf")

    @property
    def signature(self) -> Approval | None:
        return self.latest("tanda_tangan")

    def with_approval(self, approval: Approval) -> Trail:
        return replace(self, approvals=(*self.approvals, approval))

    def as_dict(self) -> dict[str, Any]:
        return {
            "evaluasi": self.evaluation_id, "pohon": self.tree, "komit": self.commit,
            "sumber": self.source, "pull_request": self.pull_request,
            "persetujuan": [a.as_dict() for a in self.approvals],
            **({"dicatat": self.recorded_at} if self.recorded_at else {}),
            **({"tanda_tangan_pencatat": self.record_signature} if self.record_signature
               else {}),
            **self.extra,  # keys this version does not know (e.g. diarsipkan) survive a save
        }


def trail_path(root: Path, evaluation_id: str) -> Path:
    return root / TRAIL_DIR / f"{evaluation_id}.yml"


def _approval(raw: Any, path: str) -> Approval:
    if not isinstance(raw, LinedDict):
        raise EvkinError("trail.invalid", {"path": path},
                         [Finding(path, None, "trail.entry_not_mapping")])
    problems = []
    for key in ("peran", "keputusan", "nama", "waktu"):
        if not raw.get(key):
            problems.append(Finding(path, raw.line, "trail.field_missing", {"field": key}))
    if raw.get("peran") and raw["peran"] not in ROLES:
        problems.append(Finding(path, raw.line_of("peran"), "trail.bad_role",
                                {"value": raw["peran"]}))
    if raw.get("keputusan") and raw["keputusan"] not in DECISIONS:
        problems.append(Finding(path, raw.line_of("keputusan"), "trail.bad_decision",
                                {"value": raw["keputusan"]}))
    at = raw.get("waktu")
    if isinstance(at, str):
        try:
            at = dt.datetime.fromisoformat(at)
        except ValueError:
            at = None
    if at is not None and (not isinstance(at, dt.datetime) or at.tzinfo is None):
        problems.append(Finding(path, raw.line_of("waktu"), "trail.bad_time"))
    if problems:
        raise EvkinError("trail.invalid", {"path": path}, problems)
    assert isinstance(at, dt.datetime)
    return Approval(
        role=str(raw["peran"]), decision=str(raw["keputusan"]), name=str(raw["nama"]), at=at,
        jabatan=str(raw.get("jabatan") or ""), nip=str(raw.get("nip") or ""),
        login=str(raw.get("login") or ""), url=str(raw.get("tautan") or ""),
        tree=str(raw.get("pohon") or ""), commit=str(raw.get("komit") or ""),
        note=str(raw.get("catatan") or ""), ssh_signature=str(raw.get("tanda_tangan_ssh") or ""),
    )


def load_trail(root: Path, evaluation_id: str) -> Trail | None:
    """The recorded trail of an evaluation, ``None`` when there is none.

    Raises ``EvkinError`` (located) when the file exists but cannot be read.
    """
    path = trail_path(root, evaluation_id)
    rel = f"{TRAIL_DIR}/{path.name}"
    if not path.is_file():
        return None
    try:
        raw = parse(read_text(path))
    except YamlProblem as problem:
        raise EvkinError("trail.invalid", {"path": rel}, [
            Finding(rel, problem.line, "yaml.invalid", {"detail": problem.detail})]) from None
    if not isinstance(raw, LinedDict):
        raise EvkinError("trail.invalid", {"path": rel}, [Finding(rel, 1, "yaml.not_mapping")])
    entries = raw.get("persetujuan") or []
    if not isinstance(entries, list):
        raise EvkinError("trail.invalid", {"path": rel},
                         [Finding(rel, raw.line_of("persetujuan"), "trail.entry_not_mapping")])
    known = {"evaluasi", "pohon", "komit", "sumber", "pull_request", "persetujuan",
             "tanda_tangan_pencatat", "dicatat"}
    return Trail(
        evaluation_id=str(raw.get("evaluasi") or evaluation_id),
        approvals=tuple(_approval(e, rel) for e in entries),
        tree=str(raw.get("pohon") or ""), commit=str(raw.get("komit") or ""),
        source=str(raw.get("sumber") or ""), pull_request=str(raw.get("pull_request") or ""),
        extra={k: v for k, v in raw.items() if k not in known},
        record_signature=str(raw.get("tanda_tangan_pencatat") or ""),
        recorded_at=_iso(raw.get("dicatat")),
    )


def _iso(value: Any) -> str:
    """A time from YAML (text, or a datetime YAML already parsed) as ISO text."""
    if isinstance(value, dt.datetime):
        return value.isoformat()
    return str(value or "")


class _TrailDumper(yaml.SafeDumper):
    """Multi-line text (SSH signatures, long reasons) as literal blocks, readable in diffs."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value,
                                   style="|" if "\n" in value else None)


_TrailDumper.add_representer(str, _text)


def save_trail(root: Path, trail: Trail) -> Path:
    """Write the trail atomically (temporary file, then rename)."""
    path = trail_path(root, trail.evaluation_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    header = (f"# Jejak persetujuan evaluasi {trail.evaluation_id}. Ditulis oleh evkin; "
              "jangan diubah dengan tangan.\n")
    text = header + yaml.dump(trail.as_dict(), Dumper=_TrailDumper, sort_keys=False,
                              allow_unicode=True, width=100)
    write_atomic(path, text)
    return path


