"""Final PDFs derived afresh from the approved content: the one source publication trusts.

A final report is stamped with its approved commit and that commit's time, so rendering it
again from the checked-out main line gives the very bytes published before. Whatever came from
elsewhere — the previous release (a cache, often fetched over plain http), the build job's
artifact — is compared byte for byte with this derivation before it is published, sealed or
listed; a signed or sealed file must be exactly the derived render plus trusted signatures.

A publication may keep its own earlier derivations (``cache``): a render is reused only under
its content key (``site/pdfs.content_key``: the approved folder, predecessor, trail, settings
at the approved commit, every file of evkin) inside a folder named for the toolchain that laid
it out (pandoc's and Typst's versions, ``toolchain_key``). Nothing else is ever written there:
no previous release, no sealed copy, no artifact. And ``build/`` is no root of trust (a job that
ran a pull request's code on the same runner could write that folder): a render (its PDF or
refusal, and its charts) is reused only when the record key's sealed memory (``memo``, kind
``turunan``) holds its digest under its content key; anything else is laid out again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path

from evkin import environment
from evkin.archive.pades import (
    carries_signature,
    only_a_signature_added,
    render_before_signatures,
    verify_signatures,
)
from evkin.archive.sealing import load_roots
from evkin.evaluation.load import evaluation_folders
from evkin.findings import EvkinError
from evkin.memo import Memo
from evkin.settings import Settings
from evkin.site.build import reproducible
from evkin.site.collect import Collection, Report, collect
from evkin.site.gitstate import snapshot
from evkin.site.pdfs import Plan, Running, forget_renders, plan, sha256_file
from evkin.site.verify import verify_all

SAME, SIGNED_OVER, MISMATCH = "sama", "bertanda_tangan", "berbeda"
MEMO_KIND = "turunan"  # content key → digest of the derivation this publication vouches for


@dataclass
class Derived:
    """Per final report: its fresh render (and charts), or why it could not be made."""

    reports: dict[str, Report] = field(default_factory=dict)
    renders: dict[str, Path] = field(default_factory=dict)
    charts: dict[str, list[Path]] = field(default_factory=dict)
    problems: dict[str, str] = field(default_factory=dict)
    collection: Collection | None = None  # what the renders were assembled from
    keys: dict[str, str] = field(default_factory=dict)  # content key per report
    hashed: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    def sha256(self, report_id: str) -> str:
        """The render's SHA-256 (read once: the manifest asks for every report's)."""
        if report_id not in self.hashed:
            path = self.renders.get(report_id)
            self.hashed[report_id] = (hashlib.sha256(path.read_bytes()).hexdigest()
                                      if path else "")
        return self.hashed[report_id]


def toolchain_key() -> str:
    """The programs that turn an evaluation into PDF bytes besides evkin's own files (which
    the content key holds): pandoc (pypandoc-binary, or ``PYPANDOC_PANDOC``) and Typst."""
    from importlib.metadata import PackageNotFoundError, version

    h = hashlib.sha256()
    for name in ("pypandoc-binary", "typst"):
        try:
            h.update(f"{name}={version(name)}\0".encode())
        except PackageNotFoundError:
            h.update(f"{name}=-\0".encode())
    chosen = environment.pandoc_override()
    if chosen:  # another pandoc: its very file
        try:
            h.update(chosen.encode() + Path(chosen).read_bytes())
        except OSError:
            h.update(chosen.encode())
    return h.hexdigest()[:32]


def derive(settings: Settings, scratch: Path,
           progress: Callable[[int, int], None] | None = None,
           cache: Path | None = None, memo: Memo | None = None) -> Derived:
    """Render every final report (trails verified now, no seed) into ``scratch``, or with
    ``cache``, into the folder of earlier derivations (by content key and toolchain), where
    a report whose inputs did not change is not laid out again. ``memo``: the record key's
    sealed memory of verdicts and checked folders (``evkin.memo``), by content key too."""

    root = settings.root
    ids = [p.name for p in evaluation_folders(settings)]
    verifications = verify_all(root, ids, snapshot(root), None, sealed=memo)
    collection = collect(settings, False, verifications, memo)
    finals = [r for r in collection.reports if r.final]
    folder = cache / toolchain_key() if cache is not None else scratch
    folder.mkdir(parents=True, exist_ok=True)
    if cache is not None:
        _forget_other_toolchains(cache, folder)
    planned = plan(settings, finals, folder)
    sealed = memo.read(MEMO_KIND) if memo is not None and cache is not None else {}
    digests: dict[str, bytes] = {}
    waiting = {r.id for r in planned.todo}
    for r in finals:  # a derivation this record key did not vouch for: laid out again
        k = planned.keys[r.id]
        if r.id not in waiting:
            digests[k] = _digest(planned, k)
            if sealed.get(k) != digests[k]:
                _forget(planned, k)
                planned.todo.append(r)
    with reproducible(root), Running(settings, planned, progress=progress) as running:
        running.wait()
    out = Derived(reports={r.id: r for r in finals}, collection=collection,
                  keys=dict(planned.keys))
    if memo is not None and cache is not None:  # those laid out just now digested afresh
        fresh = {r.id for r in planned.todo}
        memo.write(MEMO_KIND, {
            planned.keys[r.id]: (_digest(planned, planned.keys[r.id]) if r.id in fresh
                                 else digests[planned.keys[r.id]])
            for r in finals})
    for report_id, art in planned.artefacts(finals).items():
        if art.pdf is not None:
            out.renders[report_id] = art.pdf
            out.charts[report_id] = list(art.charts)
            if art.sha256:  # hashed for its seal just now
                out.hashed[report_id] = art.sha256
        else:
            out.problems[report_id] = art.problem
    return out


def _digest(planned: Plan, key: str) -> bytes:
    """A derivation as the cache holds it: its PDF (hashed once: the manifest reads the hash
    from ``planned.sums``) or its refusal, and its charts."""
    folder = planned.cache_dir
    h = hashlib.sha256()
    pdf = folder / f"{key}.pdf"
    if key not in planned.sums and pdf.is_file():
        planned.sums[key] = (sha256_file(pdf), pdf.stat().st_size)
    h.update(planned.sums[key][0].encode() if key in planned.sums else b"-")
    for path in (folder / f"{key}.problem", folder / f"{key}.charts",
                 *planned.chart_files(key)):
        h.update(b"\0" + path.name.encode() + b"\0")
        with suppress(OSError):
            h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.digest()


def _forget(planned: Plan, key: str) -> None:
    for path in (planned.cache_dir / f"{key}.pdf", planned.cache_dir / f"{key}.problem",
                 *planned.chart_files(key), planned.cache_dir / f"{key}.charts"):
        path.unlink(missing_ok=True)
    planned.sums.pop(key, None)


def _forget_other_toolchains(cache: Path, current: Path) -> None:
    """Renders of an earlier pandoc or Typst are never asked for again by key: forgotten once
    unused for a month like any other, their folder with them."""
    for other in cache.iterdir():
        if other.is_dir() and not other.is_symlink() and other != current:
            forget_renders(other)
            with suppress(OSError):
                other.rmdir()  # only once empty


def judge(candidate: bytes, render: bytes, roots: tuple[Path, ...]) -> str:
    """``SAME`` when ``candidate`` is the derived render; ``SIGNED_OVER`` when it is that render
    with nothing but signatures, validation data and timestamps added (the Kepala Dinas' own
    signature, the agency's seal), every one valid to a configured root (``tte.akar``); else
    ``MISMATCH``. Without roots no signature can be trusted: mismatch."""
    if candidate == render:
        return SAME
    if not roots or len(candidate) <= len(render) or not candidate.startswith(render):
        return MISMATCH

    try:
        if not carries_signature(candidate) or render_before_signatures(candidate) != render:
            return MISMATCH
        if not only_a_signature_added(candidate, render):
            return MISMATCH
        checks = verify_signatures(candidate, load_roots(list(roots)))
    except EvkinError:
        return MISMATCH
    return SIGNED_OVER if checks and all(c.ok for c in checks) else MISMATCH
