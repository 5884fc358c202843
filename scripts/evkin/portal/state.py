"""The portal's own record of the last manifest it verified per agency
(``manifes-terakhir.json`` beside ``portal.yml``, committed by the portal's workflow): the root
a replayed older manifest is caught against. An agency's site cannot write it; a missing or
unreadable record starts afresh (every archive is then judged as new) and says so."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from evkin.files import write_atomic
from evkin.findings import EvkinError
from evkin.portal.verify import Checked
from evkin.record.manifest_chain import NEW, Seen

FILE = "manifes-terakhir.json"
FORMAT = 1


def path_for(config_dir: Path) -> Path:
    return config_dir / FILE


def load(path: Path) -> dict[str, Seen]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise EvkinError("portal.state_unreadable", {"path": str(path),
                                                     "detail": str(error)}) from None
    entries = raw.get("instansi") if isinstance(raw, dict) else None
    if not isinstance(entries, dict):
        raise EvkinError("portal.state_unreadable", {"path": str(path), "detail": "instansi"})
    out = {}
    for code, entry in entries.items():
        if (not isinstance(entry, dict) or not isinstance(entry.get("urutan"), int)
                or not isinstance(entry.get("sha256"), str)):
            raise EvkinError("portal.state_unreadable", {"path": str(path), "detail": code})
        out[str(code)] = Seen(entry["urutan"], entry["sha256"], str(entry.get("dilihat") or ""))
    return out


def updated(seen: dict[str, Seen], checked: Iterable[Checked], when: str) -> dict[str, Seen]:
    """The record after this run: a verified archive's newer manifest replaces the one seen;
    anything else (a rollback, a fork, a failure) leaves the record as it was."""
    out = dict(seen)
    for c in checked:
        if c.ok and c.chain == NEW and c.manifest_sha:
            out[c.agency.kode] = Seen(c.sequence, c.manifest_sha, when)
    return out


def save(path: Path, seen: dict[str, Seen]) -> None:
    data = {"format": FORMAT, "instansi": {
        code: {"urutan": s.sequence, "sha256": s.sha256, "dilihat": s.at}
        for code, s in sorted(seen.items())}}
    write_atomic(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
