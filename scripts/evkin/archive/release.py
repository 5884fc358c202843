"""A release of the archive as a later step finds it (sealing, timestamp renewal, the next
publication, ``evkin status``): its manifest and listed PDFs read and checked, the release
published before, and the facts an entry states — the approval it names, the signature a PDF
already carries. Below publication and sealing, which both read it."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from evkin import published_site
from evkin.approval.records import Approval
from evkin.archive.pades import (
    SignatureCheck,
    carries_signature,
    render_before_signatures,
    verify_signatures,
)
from evkin.archive.personal import names_person
from evkin.files import link_or_copy
from evkin.findings import EvkinError
from evkin.messages import t
from evkin.record import last_published, manifest_chain, manifest_sig
from evkin.record import manifest as mf
from evkin.record.manifest import (
    MANIFEST,
    NOT_SEALED,
    SEALED,
    SIGNED,
    Manifest,
    Person,
    Report,
)
from evkin.record.manifest_sig import SIG_FILE
from evkin.settings import Person as Official
from evkin.settings import Settings
from evkin.site.gitstate import snapshot

FIRST = "none"  # --previous none: nothing was published before




@dataclass(frozen=True)
class ListedPdf:
    """A PDF a built release's manifest lists, read from the release."""

    entry: Report  # the manifest's entry (the caller writes back a replaced one)
    rel: str  # the PDF's path in the release
    page_rel: str  # the report page's path in the release
    path: Path
    data: bytes
    sha256: str


def read_release(release: Path) -> Manifest:
    """``manifest.json`` of a release built in ``release``; a located error when unreadable."""
    return mf.read(release / MANIFEST)


def listed_pdfs(release: Path, data: Manifest,
                wanted: Callable[[Report], bool]) -> Iterator[ListedPdf]:
    """The entries ``wanted`` picks whose PDF and page stay inside the release and whose file
    is the one the manifest lists (same SHA-256): a later step (sealing, timestamp renewal)
    touches nothing else. Read one at a time, as the caller goes."""
    for entry in data.laporan:
        if not wanted(entry) or not entry.pdf:
            continue
        rel, page_rel = entry.pdf, entry.halaman
        if any(".." in p.split("/") or p.startswith("/") for p in (rel, page_rel)):
            continue
        path = release / rel
        pdf = path.read_bytes()
        sha = hashlib.sha256(pdf).hexdigest()
        if sha == entry.sha256:
            yield ListedPdf(entry, rel, page_rel, path, pdf, sha)


@dataclass
class Previous:
    """The release published before: its manifest and where its files are."""

    manifest: Manifest | None
    folder: Path | None = None
    url: str = ""
    sha256: str = ""  # of the manifest's bytes as published (the next one links to it)
    # Without a usable manifest: the number recorded in git (``last_published``), so the
    # next manifest still follows the last one published.
    sequence: int = 0
    signed: bool = False  # its signature verified (else a local folder of this machine's own)

    def chain_json(self) -> dict[str, Any] | None:
        """What ``manifest_chain.link`` numbers the next manifest after."""
        if self.manifest is not None:
            return mf.to_json(self.manifest)
        return {manifest_chain.SEQUENCE: self.sequence} if self.sequence else None

    def reports(self) -> dict[str, Report]:
        return self.manifest.reports() if self.manifest else {}

    def waiting(self) -> dict[str, str]:
        """Final reports published before without a PDF: id → first publication time."""
        if not self.manifest:
            return {}
        return {r.id: r.terbit for r in self.manifest.tanpa_pdf if r.terbit}

    def fetch(self, rel: str, into: Path, expect_sha: str = "") -> Path | None:
        """A file of the previous release (copied or downloaded), checked against its hash."""
        if rel.startswith(("/", "\\")) or ".." in rel.split("/") or "://" in rel:
            return None  # a manifest names files inside its own release only
        into.parent.mkdir(parents=True, exist_ok=True)
        try:
            if self.folder is not None:
                source = self.folder / rel
                if not source.is_file():
                    return None
                link_or_copy(source, into)  # a release's files are never written in place
            elif self.url:
                into.write_bytes(published_site.get(urljoin(self.url, rel)))
            else:
                return None
        except published_site.FAILED:
            return None
        if expect_sha and _sha256(into) != expect_sha:
            into.unlink(missing_ok=True)
            return None
        return into


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_previous(dest: Path, source: str | None, settings: Settings, strict: bool = True,
                  warnings: list[str] | None = None) -> Previous:
    """The previous release (``_read_previous``), checked against the last manifest recorded
    in git (``last_published``): an older one served again (a lower number, or the same
    number with other bytes) is not used at all, as if nothing had been published, and the
    warning says so. Without a usable manifest, the next one still follows the recorded one."""
    found = _read_previous(dest, source, settings, strict, warnings)
    recorded = last_published.latest(settings)
    if recorded is None:
        return found
    if found.manifest is None:
        return replace(found, sha256=recorded.sha256, sequence=recorded.sequence)
    verdict = manifest_chain.judge(recorded, mf.to_json(found.manifest), found.sha256)
    # A signed manifest must be the recorded one or a newer one. A local folder's unsigned
    # manifest (this machine's own, sealed since, say: same number, other bytes) must at least
    # not be older.
    if not (verdict == manifest_chain.ROLLED_BACK
            or (verdict == manifest_chain.FORKED and found.signed)):
        return found
    if warnings is not None:
        warnings.append(t("publish.previous_replayed", {
            "source": found.url or str(found.folder or dest),
            "found": found.manifest.urutan or 0, "found_sha": found.sha256[:16],
            "recorded": recorded.sequence, "recorded_sha": recorded.sha256[:16],
            "file": last_published.RECORD_FILE}))
    return Previous(None, url=found.url, sha256=recorded.sha256, sequence=recorded.sequence)


def _read_previous(dest: Path, source: str | None, settings: Settings, strict: bool,
                   warnings: list[str] | None) -> Previous:
    """The previous manifest: from ``source`` (folder or URL), else ``DEST``, else the live
    site (``situs.url``). A site that answers 404 has published nothing yet; one that cannot
    be reached is an error when ``strict`` (announcing: we could not tell which reports are
    new), else a warning and a first publication."""
    if source == FIRST:
        return Previous(None)
    candidates: list[str] = []
    if source:
        candidates.append(source)
    elif (dest / MANIFEST).is_file():
        candidates.append(str(dest))
    elif settings.site_url.startswith(("http://", "https://")):
        candidates.append(settings.site_url)
    for candidate in candidates:
        if candidate.startswith(("http://", "https://")):
            base = candidate if candidate.endswith("/") else candidate + "/"
            try:
                raw = published_site.get(urljoin(base, MANIFEST))
                data = mf.parse(raw, urljoin(base, MANIFEST))
            except published_site.HTTPError as error:
                if error.code == 404:
                    return Previous(None, url=base)
                problem = EvkinError("publish.previous_unreachable",
                                     {"url": base, "detail": str(error)})
            except published_site.FAILED as error:
                problem = EvkinError("publish.previous_unreachable",
                                     {"url": base, "detail": str(error)})
            except EvkinError as error:  # not a manifest: said which field
                problem = error
            else:
                if not _trusted(settings, raw, published_site.short_text(urljoin(base, SIG_FILE)),
                                urljoin(base, MANIFEST), warnings, required=True):
                    return Previous(None, url=base)
                return Previous(data, url=base, sha256=manifest_chain.digest(raw),
                                signed=True)
            if strict or source:
                raise problem
            if warnings is not None:
                warnings.append(problem.message())
            return Previous(None)
        folder = Path(candidate)
        path = folder / MANIFEST
        if not path.is_file():
            if source:
                raise EvkinError("publish.previous_missing", {"path": str(path)})
            continue
        try:
            raw = path.read_bytes()
        except OSError as error:
            raise EvkinError("publish.previous_unreadable",
                             {"path": str(path), "detail": str(error)}) from None
        data = mf.parse(raw, str(path))
        sig = folder / SIG_FILE
        signature = sig.read_text(encoding="utf-8", errors="replace") if sig.is_file() else None
        # A local release without a signature is this machine's own; a signature, when there
        # is one, must verify.
        if not _trusted(settings, raw, signature, str(path), warnings,
                        required=signature is not None):
            return Previous(None)
        return Previous(data, folder=folder.resolve(), sha256=manifest_chain.digest(raw),
                        signed=signature is not None)
    return Previous(None)


def _trusted(settings: Settings, raw: bytes, signature: str | None, source: str,
             warnings: list[str] | None, required: bool) -> bool:
    """Is the previous manifest signed by a record key (when ``required``)? If not, it is not
    used at all (a first publication), and the warning says why."""

    if not required:
        return True
    try:
        manifest_sig.check(settings, raw, signature, source)
    except EvkinError as error:
        if warnings is not None:
            warnings.append(t("publish.previous_untrusted", {"detail": error.message()}))
        return False
    return True


def approval_of(report: Any) -> str:
    """What identifies a report's approval: the approved tree and the signature's time.
    A published final PDF is replaced only when this changes (a newer approval)."""
    trail = report.verification.trail
    signature = trail.signature if trail else None
    if not report.final or signature is None:
        return ""
    return f"{signature.tree}@{signature.at.isoformat()}"


def person_of(record: Approval | None) -> Person | None:
    if record is None:
        return None
    return Person(record.name, record.jabatan, record.nip, record.at.isoformat())


def head_commit(root: Path) -> str:

    return snapshot(root).head


def has_signature(pdf: bytes) -> bool:
    """Does the file carry a signature already? Read from its signature fields by pyHanko
    (a report titled "/ByteRange /Sig" carries none)."""
    return carries_signature(pdf)


@dataclass(frozen=True)
class Kept:
    """A file that carries signatures already, as its own signatures say."""

    valid: bool
    state: str  # SIGNED (the Kepala Dinas' own) or SEALED (the agency's)
    render: bytes | None  # the file before its first signature
    at: str  # ISO time of the last signature ('' unknown)
    by: str  # the last signature's certificate subject
    problem: str = ""


def kept_signature(pdf: bytes, roots: list[Any], kepala: Official) -> Kept:
    """What a signed file holds: valid (to ``roots``; intact when none are configured),
    whose act, and when. Never re-sealed when valid."""

    try:
        checks: list[SignatureCheck] = verify_signatures(pdf, roots, quick=True)
        before = render_before_signatures(pdf)
    except EvkinError as error:
        return Kept(False, NOT_SEALED, None, "", "", error.message())
    if not checks:
        return Kept(False, NOT_SEALED, before, "", "", "–")
    first, last = min(checks, key=lambda c: c.revision), max(checks, key=lambda c: c.revision)
    valid = all((c.ok if roots else c.intact and not c.problem) for c in checks)
    state = SIGNED if names_person(first.common_name, first.serial, kepala) else SEALED
    bad = next((c for c in checks if not (c.ok if roots else c.intact)), None)
    return Kept(valid, state, before, last.signed_at.isoformat() if last.signed_at else "",
                last.signer, "" if bad is None else f"{bad.signer}: {bad.problem}")
