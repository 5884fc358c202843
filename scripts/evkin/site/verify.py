"""Remember every evaluation's trail verdict (``verdicts.verify_many``) for the whole archive.

``verify_trail`` asks Git several questions per evaluation, which adds up to seconds for a
thousand. A site build may remember each answer under a key made of everything the answer
depends on (the trail file's bytes, the folder's tree at HEAD, uncommitted edits, the
committed settings, the code that decides and the libraries it uses). A site build keeps its
answers in a plain JSON file; a publication reads only the record key's sealed memory
(``evkin.memo``), never the site build's file nor anything a job without that key wrote.
"""

from __future__ import annotations

import hashlib
import json
import pickle
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from evkin.approval import trust
from evkin.approval.records import load_trail, trail_path
from evkin.approval.trail import RecordCheck, Verification
from evkin.approval.trust import sample_allowed
from evkin.approval.verdicts import verify_many
from evkin.files import write_atomic
from evkin.findings import EvkinError
from evkin.memo import Memo
from evkin.site.gitstate import GitState
from evkin.site.pagecache import package_hash

SEALED_KIND = "jejak"


def _code_hash() -> str:
    """The one code key the PDFs and pages use too (``pagecache.package_hash``)."""

    return package_hash()


def key(root: Path, evaluation_id: str, state: GitState) -> str:
    """Everything ``verify_trail`` reads, hashed."""
    path = trail_path(root, evaluation_id)

    h = hashlib.sha256(_code_hash().encode())
    h.update(b"contoh" if sample_allowed() else b"-")
    h.update(path.read_bytes() if path.is_file() else b"-")
    h.update(f"\0{state.trees.get(evaluation_id, '')}\0{state.folder_dirty(evaluation_id)}"
             f"\0{state.blobs.get('evkin.yml', '')}\0{'evkin.yml' in state.dirty}"
             f"\0{state.blobs.get('.gitattributes', '')}".encode())
    for extra in (root / "evaluations" / ".gitattributes", root / ".git" / "info" / "attributes"):
        h.update(extra.read_bytes() if extra.is_file() else b"-")
    h.update(_chain_digest(root, state.head).encode())
    return h.hexdigest()


@cache
def _chain_digest(root: Path, head: str) -> str:
    """The trust chain along HEAD's line (``trust.chain``), in short: one per HEAD, as every
    evaluation's key asks for the same (its fingerprints are YAML dumps, 2 ms each)."""

    found = trust.chain(root, head) if head else None
    if found is None:
        return "-"
    return "|".join([found.root.fingerprint(), found.trusted.fingerprint(),
                     *(f"{c.commit}:{c.accepted}" for c in found.changes)])


def _encode(v: Verification) -> dict[str, Any]:
    return {"ok": v.ok, "reason": v.reason, "tree": v.current_tree, "params": dict(v.params),
            "records": [[r.number, r.signature, r.settings_commit, r.tag] for r in v.records],
            "akar": v.trust_root}


def _decode(root: Path, evaluation_id: str, data: dict[str, Any]) -> Verification:
    return Verification(bool(data["ok"]), load_trail(root, evaluation_id), data["reason"],
                        str(data["tree"]), dict(data["params"]),
                        tuple(RecordCheck(int(n), str(s), str(c), str(t))
                              for n, s, c, t in data["records"]),
                        str(data.get("akar") or ""))


def verify_all(root: Path, ids: Sequence[str], state: GitState | None = None,
               memory: Path | None = None, jobs: int | None = None,
               sealed: Memo | None = None) -> dict[str, Verification]:
    """Verification per id. With ``memory`` (a JSON file, the site build's) or ``sealed`` (the
    record key's memory, a publication's: ``evkin.memo``, which keeps each verdict whole, its
    trail parsed) and ``state``, answers whose key is unchanged are reused and the memory is
    rewritten with the current answers."""
    if state is None or not state.status_known:
        memory = sealed = None  # without git status, no key can say "unedited"
    if sealed is not None:
        memory = None
    remembered: dict[str, Any] = {}
    kept: dict[str, bytes] = sealed.read(SEALED_KIND) if sealed is not None else {}
    if memory is not None and memory.is_file():
        try:
            remembered = json.loads(memory.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            remembered = {}
    keep = state is not None and (memory is not None or sealed is not None)
    out: dict[str, Verification] = {}
    keys: dict[str, str] = {}
    missing: list[str] = []
    for evaluation_id in ids:
        if keep and state is not None:
            keys[evaluation_id] = key(root, evaluation_id, state)
            found = (_unsealed(kept.get(keys[evaluation_id])) if sealed is not None
                     else _decoded(root, evaluation_id, remembered.get(keys[evaluation_id])))
            if found is not None:
                out[evaluation_id] = found
                continue
        missing.append(evaluation_id)
    seen = ({i: state.seen(i) for i in missing}
            if state is not None and state.head and state.status_known else None)
    out.update(verify_many(root, missing, seen, jobs))
    if sealed is not None:
        fresh_sealed = {keys[i]: kept.get(keys[i]) or pickle.dumps(
            out[i], protocol=pickle.HIGHEST_PROTOCOL) for i in ids if i in keys}
        if fresh_sealed != kept:
            sealed.write(SEALED_KIND, fresh_sealed)
    elif memory is not None and state is not None:
        fresh = {keys[i]: _encode(out[i]) for i in ids if i in keys}
        if fresh != remembered:
            write_atomic(memory, json.dumps(fresh, ensure_ascii=False, sort_keys=True))
    return {i: out[i] for i in ids}


def _unsealed(raw: bytes | None) -> Verification | None:
    """A verdict from the sealed memory (read only once its seal verified: ``evkin.memo``)."""
    if raw is None:
        return None
    try:
        found = pickle.loads(raw)
    except Exception:  # another evkin's objects: verify again
        return None
    return found if isinstance(found, Verification) else None


def _decoded(root: Path, evaluation_id: str, hit: object) -> Verification | None:
    if not isinstance(hit, dict):
        return None
    try:
        return _decode(root, evaluation_id, hit)
    except (EvkinError, KeyError, TypeError, ValueError):
        return None
