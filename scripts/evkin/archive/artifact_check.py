"""Check a built archive (another job's artifact) against this step's own derivation.

The steps that hold a secret — sealing (TTE) and signing the manifest (record key) — take
nothing from the build job on trust: every final report is rendered again here from the
approved content (``evkin.archive.derive``), and each manifest entry must name a file that is byte
for
byte that render (or that render sealed by a trusted certificate), with the hashes, approvals,
tree and seal state derived here. One problem refuses the whole archive: nothing is sealed or
signed, and each problem names the report and the file.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from evkin.archive.derive import MISMATCH, SAME, SIGNED_OVER, Derived, derive, judge
from evkin.archive.release import approval_of, head_commit, kept_signature, person_of
from evkin.archive.sealing import load_roots
from evkin.findings import EvkinError
from evkin.messages import t
from evkin.record import manifest as mf
from evkin.record.manifest import ELECTRONIC
from evkin.settings import Settings


@dataclass
class CheckedRelease:
    release: Path
    manifest: mf.Manifest
    problems: list[str]


def _safe(rel: str) -> bool:
    return bool(rel) and not rel.startswith(("/", "\\")) and ".." not in rel.split("/") \
        and "://" not in rel


def check_entries(settings: Settings, release: Path, data: mf.Manifest, derived: Derived,
                  roots: tuple[Path, ...]) -> list[str]:
    """What in the manifest ``data`` of ``release`` is not what this step derived."""

    problems: list[str] = []
    built, here = data.komit, head_commit(settings.root)
    if built and built != here:
        problems.append(t("archive.commit_moved", {"built": built[:12], "here": here[:12]}))
    listed: set[str] = set()
    for entry in data.laporan:
        rid = entry.id
        listed.add(rid)
        report = derived.reports.get(rid)
        if report is None or rid not in derived.renders:
            problems.append(t("archive.not_final", {
                "id": rid, "detail": derived.problems.get(rid) or "—"}))
            continue
        rel = entry.pdf
        path = release / rel
        if not _safe(rel) or not path.is_file() or path.is_symlink():
            problems.append(t("archive.pdf_missing", {"id": rid, "pdf": rel or "–"}))
            continue
        content = path.read_bytes()
        actual = hashlib.sha256(content).hexdigest()
        verdict = judge(content, derived.renders[rid].read_bytes(), roots)
        if verdict == MISMATCH:
            problems.append(t("archive.pdf_mismatch", {
                "id": rid, "pdf": rel, "found": actual[:16],
                "derived": derived.sha256(rid)[:16]}))
            continue
        trail = report.verification.trail
        # Compared as written in the manifest (JSON values), field by field.
        listed_json = mf.report_json(entry)
        expected = {
            "sha256": actual,
            "persetujuan": approval_of(report),
            "pohon": report.verification.current_tree,
            "paraf": mf.person_json(person_of(trail.paraf if trail else None)),
            "tanda_tangan": mf.person_json(person_of(trail.signature if trail else None)),
        }
        if entry.render is not None:
            expected["render"] = {"sha256": derived.sha256(rid)}
        for name, value in expected.items():
            if listed_json.get(name) != value:
                problems.append(t("archive.field_mismatch", {
                    "id": rid, "field": name, "found": str(listed_json.get(name))[:80],
                    "derived": str(value)[:80]}))
        # The seal state comes from the file (whose act its first signature is), never from
        # what the manifest claims.
        state = entry.seal_status
        actual_state = ""
        if verdict == SIGNED_OVER:
            kepala = (report.settings or settings).roles.kepala_dinas
            actual_state = kept_signature(content, load_roots(list(roots)), kepala).state
        if (actual_state or state) in ELECTRONIC and actual_state != state:
            problems.append(t("archive.seal_claim", {
                "id": rid, "found": state or "–",
                "state": t("archive.state_signed", {"state": actual_state}) if actual_state
                else t("archive.state_unsealed")}))
        assert verdict in (SAME, SIGNED_OVER)
    for rid in sorted(set(derived.renders) - listed):
        problems.append(t("archive.final_missing", {"id": rid}))
    return problems


def check_archive(settings: Settings, dest: Path, scratch: Path,
                  roots: tuple[Path, ...]) -> CheckedRelease:
    """Derive here, then check the archive in ``dest``; refuses an unreadable manifest."""
    release = dest.resolve()
    data = mf.read(release / mf.MANIFEST)
    derived = derive(settings, scratch)
    return CheckedRelease(release, data, check_entries(settings, release, data, derived, roots))


def refuse(dest: Path, problems: list[str]) -> EvkinError:
    return EvkinError("archive.refused", {"dest": str(dest), "count": len(problems),
                                          "problems": "\n".join(f"  - {p}" for p in problems)})
