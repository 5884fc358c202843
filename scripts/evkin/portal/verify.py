"""Check one agency's published archive against the keys the province pinned for it, offline
(no forge, none of the archive's code or HTML): the manifest's record-key signature, each
listed PDF's SHA-256 and size, and each report's approval trail (its record signature, or for a
forge-less agency each record's SSH signature by the officials' keys the province pinned, and
the tree and signature time the manifest names). Any failure leaves the whole archive out of the
portal's listings and search, shown with its reasons: never merged silently."""

from __future__ import annotations

import hashlib
import json
import re
import tempfile
from collections.abc import Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from evkin.approval import trust
from evkin.approval.order import trail_state
from evkin.approval.records import TRAIL_DIR, Approval, Trail, load_trail
from evkin.findings import EvkinError
from evkin.portal.config import Agency
from evkin.portal.source import Source, Unreachable, safe_relative
from evkin.record import manifest as mf
from evkin.record import manifest_chain, manifest_sig
from evkin.record.manifest_chain import Seen
from evkin.signing import RECORD_PRINCIPAL, Signer, verify
from evkin.sop import load_sop

MANIFEST = mf.MANIFEST
# As publication signs it (manifest_sig): the record key's signature beside the manifest.
SIG_FILE = manifest_sig.SIG_FILE
SIG_NAMESPACE = manifest_sig.NAMESPACE

OK, INVALID, UNREACHABLE = "terverifikasi", "tidak_sah", "tidak_terjangkau"
ROLLED_BACK = "diputar_mundur"  # an older genuinely signed manifest than the portal last saw
ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")  # a report id, usable as a folder name


@dataclass(frozen=True)
class Problem:
    code: str  # a catalogue key (portal.*)
    params: Mapping[str, object] = field(default_factory=dict)


@dataclass
class Checked:
    agency: Agency
    status: str = OK
    problems: list[Problem] = field(default_factory=list)
    manifest: dict[str, Any] = field(default_factory=dict)
    manifest_sha: str = ""  # of the signed manifest's bytes
    sequence: int = 0  # its number (manifest_chain.SEQUENCE)
    chain: str = ""  # manifest_chain.judge against the portal's record: baru, sama, …

    @property
    def ok(self) -> bool:
        return self.status == OK

    @property
    def reports(self) -> list[dict[str, Any]]:
        """The verified reports (none unless the whole archive verified)."""
        return list(self.manifest.get("laporan", [])) if self.ok else []

    @property
    def open_recommendations(self) -> list[dict[str, Any]]:
        found = self.manifest.get("rekomendasi_terbuka", []) if self.ok else []
        return [r for r in found if isinstance(r, dict)]


def usable_keys(agency: Agency) -> tuple[str, ...]:
    """The pinned keys, less the sample key (outside the demo and the tests)."""
    return tuple(k for k in agency.kunci
                 if trust.sample_allowed() or not trust.is_sample_key(k))


def signed_by(data: bytes, signature: str, keys: Iterable[str], namespace: str) -> bool:
    """Made by one of the pinned record keys, in ``namespace`` (a trail's signature,
    namespace ``evkin``, never passes for a manifest's, nor the reverse)."""
    return verify(data, signature, [Signer(RECORD_PRINCIPAL, k) for k in keys],
                  RECORD_PRINCIPAL, namespace)


def check_agency(agency: Agency, workers: int = 4, seen: Seen | None = None) -> Checked:
    """Everything the portal will show of ``agency``, checked; see the module's docstring.
    ``seen``: the last manifest the portal verified for it (its own record, ``state``)."""
    checked = Checked(agency)
    source = Source(agency.arsip)
    keys = usable_keys(agency)
    try:
        data = source.read(MANIFEST, 20 * 1024 * 1024)
    except Unreachable as error:
        checked.status = UNREACHABLE
        checked.problems.append(Problem("portal.unreachable", {"detail": str(error)}))
        return checked
    try:
        signature = source.read(SIG_FILE, 64 * 1024).decode("ascii", errors="replace")
    except Unreachable:
        signature = ""
    if not keys:
        return _invalid(checked, Problem("portal.sample_key_only"))
    if "BEGIN SSH SIGNATURE" not in signature:
        return _invalid(checked, Problem("portal.manifest_unsigned", {"sig": SIG_FILE}))
    if not signed_by(data, signature, keys, SIG_NAMESPACE):
        return _invalid(checked, Problem("portal.manifest_bad_signature", {"sig": SIG_FILE}))
    try:
        manifest = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        return _invalid(checked, Problem("portal.manifest_unreadable", {"detail": str(error)}))
    try:
        mf.from_json(manifest)  # the one reader's checks; the pages read the JSON as signed
    except mf.Malformed as error:
        return _invalid(checked, Problem("portal.manifest_unreadable", {
            "detail": f"'{error.where}' {error.detail()}"}))
    checked.manifest_sha = manifest_chain.digest(data)
    checked.sequence = manifest_chain.sequence_of(manifest)
    checked.chain = manifest_chain.judge(seen, manifest, checked.manifest_sha)
    if seen is not None and checked.chain in (manifest_chain.ROLLED_BACK, manifest_chain.FORKED):
        params = {"got": checked.sequence, "seen": seen.sequence, "at": seen.at or "?"}
        if checked.chain == manifest_chain.FORKED:
            return _invalid(checked, Problem("portal.manifest_forked", params))
        checked.status = ROLLED_BACK
        checked.problems.append(Problem("portal.manifest_rolled_back", params))
        return checked
    with tempfile.TemporaryDirectory(prefix="evkin-portal-") as tmp, \
            ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        found = list(pool.map(lambda e: _check_report(source, e, agency, keys, Path(tmp)),
                              manifest["laporan"]))
    for problems in found:
        checked.problems.extend(problems)
    if checked.problems:
        checked.status = UNREACHABLE if all(
            p.code == "portal.file_unreachable" for p in checked.problems) else INVALID
        return checked
    checked.manifest = manifest
    return checked


def _invalid(checked: Checked, problem: Problem) -> Checked:
    checked.status = INVALID
    checked.problems.append(problem)
    return checked


def _check_report(source: Source, entry: Mapping[str, Any], agency: Agency,
                  keys: tuple[str, ...], scratch: Path) -> list[Problem]:
    """One report: its PDF's hash and size, and its trail."""
    report_id = str(entry.get("id") or "")
    if not ID.match(report_id):
        return [Problem("portal.bad_entry", {"id": report_id or "?", "field": "id"})]
    problems: list[Problem] = []
    pdf = str(entry.get("pdf") or "")
    page = str(entry.get("halaman") or "")
    facts = entry.get("portal")
    trail_rel = str(facts.get("jejak") or "") if isinstance(facts, dict) else ""
    for name, value in (("pdf", pdf), ("halaman", page), ("portal.jejak", trail_rel)):
        if safe_relative(value) is None:
            problems.append(Problem("portal.bad_entry", {"id": report_id, "field": name}))
    if problems:
        return problems
    try:
        body = source.read(pdf)
    except Unreachable as error:
        problems.append(Problem("portal.file_unreachable", {"id": report_id,
                                                            "detail": str(error)}))
    else:
        if hashlib.sha256(body).hexdigest() != str(entry.get("sha256") or "") or (
                entry.get("ukuran") is not None and entry.get("ukuran") != len(body)):
            problems.append(Problem("portal.pdf_mismatch", {"id": report_id, "file": pdf}))
    try:
        raw = source.read(trail_rel, 1024 * 1024)
    except Unreachable as error:
        problems.append(Problem("portal.file_unreachable", {"id": report_id,
                                                            "detail": str(error)}))
        return problems
    folder = scratch / report_id
    (folder / TRAIL_DIR).mkdir(parents=True, exist_ok=True)
    (folder / TRAIL_DIR / f"{report_id}.yml").write_bytes(raw)
    try:
        trail = load_trail(folder, report_id)
    except EvkinError:
        trail = None
    if trail is None:
        problems.append(Problem("portal.trail_unsigned", {"id": report_id}))
        return problems
    if agency.forgeless:
        refused = officials_problems(trail, agency, report_id)
        if refused:
            return problems + refused
        state = trail_state(trail.approvals, str(entry.get("pohon") or ""), load_sop())
        paraf, signature = state.paraf, state.signature
    else:
        if trail.source == "ssh":  # forge-less: only the officials' keys can vouch for it
            problems.append(Problem("portal.official_keys_missing", {"id": report_id}))
            return problems
        if not trail.record_signature:
            problems.append(Problem("portal.trail_unsigned", {"id": report_id}))
            return problems
        if not signed_by(trail.payload(), trail.record_signature, keys, "evkin"):
            problems.append(Problem("portal.trail_bad_signature", {"id": report_id}))
            return problems
        paraf, signature = trail.paraf, trail.signature
    claimed = str(entry.get("persetujuan") or "")
    if (trail.evaluation_id != report_id or trail.tree != str(entry.get("pohon") or "")
            or signature is None or paraf is None
            or claimed != f"{signature.tree}@{signature.at.isoformat()}"):
        problems.append(Problem("portal.trail_mismatch", {"id": report_id}))
    return problems


def officials_problems(trail: Trail, agency: Agency, report_id: str) -> list[Problem]:
    """A forge-less agency's trail: every record SSH-signed by a key the province pinned for
    its role (``kunci_pejabat``), never a key the archive ships; a record-signed forge trail
    does not count, since the agency itself holds its record key."""
    if trail.source != "ssh" or not trail.approvals:
        return [Problem("portal.trail_not_forgeless", {"id": report_id})]
    for number, approval in enumerate(trail.approvals, 1):
        if not _official_signed(approval, agency.official_keys(approval.role)):
            return [Problem("portal.official_bad_signature",
                            {"id": report_id, "number": number, "role": approval.role})]
    return []


def _official_signed(approval: Approval, keys: tuple[str, ...]) -> bool:
    return bool(keys) and bool(approval.ssh_signature) and verify(
        approval.payload(), approval.ssh_signature, [Signer(approval.role, k) for k in keys],
        approval.role)
