"""Step 8: publish the archive. Final PDFs and the site are built aside, a manifest with each
PDF's SHA-256 is written, and only then does the published folder switch to the new release.

- Atomic: ``DEST`` is a symbolic link to ``DEST.rilis/<release>``; the switch is one rename of
  a link. A failed build never touches ``DEST``. The last releases are kept for rollback.
- Idempotent: nothing changes when the new release equals the current one; a report whose
  content did not change keeps the very PDF published before (same SHA-256), read from the
  previous release (the folder, or the live site's URL in a fresh CI checkout); a report is
  announced by e-mail once, and an announcement that failed is retried next time.
- Derived, never taken: every final PDF is rendered afresh from the approved content
  (``evkin.archive.derive``); the previous release is only a cache, used where its file is byte for
  byte that render (or that render plus a trusted seal). A mismatch is replaced and reported.
  The previous manifest is used only when its signature (``manifest_sig``) verifies, or when it
  is a local folder without one.
- Never a preview: publication builds final pages only (trails verified afresh).
"""

from __future__ import annotations

import datetime as dt
import filecmp
import hashlib
import os
import shutil
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from evkin import __version__, clock, files
from evkin.archive.derive import MISMATCH, SAME, derive, judge
from evkin.archive.notify import Item
from evkin.archive.release import Previous, approval_of, head_commit, person_of, read_previous
from evkin.archive.seal_step import Sealer
from evkin.evaluation.load import evaluation_folders
from evkin.findings import EvkinError
from evkin.indonesian_dates import day_of, format_date
from evkin.memo import FOLDER as MEMO
from evkin.memo import Memo
from evkin.messages import t
from evkin.record import last_published, manifest_chain, manifest_sig
from evkin.record import manifest as mf
from evkin.record.manifest import (
    ELECTRONIC,
    FORMAT,
    MANIFEST,
    SEALED,
    Earlier,
    Manifest,
    Report,
    Seal,
    Waiting,
)
from evkin.settings import Settings
from evkin.site import paths
from evkin.site.build import Built, build_site, reproducible
from evkin.site.gitstate import _git
from evkin.site.province import open_recommendations, report_facts
from evkin.site.titles import title
from evkin.site.versions import list_earlier

KEEP_RELEASES = 3
GONE = ".hapus-"  # a pruned release, renamed, its files being deleted (``prune``)
# This machine's own derivations (``derive``): by toolchain, then content key.
DERIVED_CACHE = Path("build") / "evkin-cache" / "turunan"


def _ids(settings: Settings) -> list[str]:

    return [p.name for p in evaluation_folders(settings)]


@dataclass
class Outcome:
    dest: Path
    release: Path
    changed: bool
    manifest: Manifest
    new: list[Report] = field(default_factory=list)  # reports to announce
    announced: int = 0
    announce_error: EvkinError | None = None  # the site is published; the mail is retried
    warnings: list[str] = field(default_factory=list)


def releases_dir(dest: Path) -> Path:
    return dest.with_name(dest.name + ".rilis")


# ---------------------------------------------------------------- previous release


def seed_from(previous: Previous, scratch: Path, derived: Any, roots: tuple[Path, ...] = (),
              warnings: list[str] | None = None
              ) -> Callable[[str, Any], tuple[Path, list[Path], str] | None]:
    """Each final report's PDF and charts: this run's derivation (``evkin.archive.derive``). The PDF
    published before for it (same approval, else same content key) is kept instead only when
    it is byte for byte that render, or that render sealed by a trusted certificate: so its
    published bytes (and seal) stay, and nothing the previous site serves decides what is
    final. A mismatch is reported and the derived render published. With each, its SHA-256
    when this run has read it already (else empty): the site does not read it again."""

    by_key = {r.kunci: r for r in previous.reports().values() if r.kunci}
    by_id = previous.reports()

    def seed(key: str, report: Any = None) -> tuple[Path, list[Path], str] | None:
        if report is None or not report.final or report.id not in derived.renders:
            return None  # drafts and refusals: the build renders (and reports) them itself
        fresh: Path = derived.renders[report.id]
        charts: list[Path] = derived.charts.get(report.id, [])
        same = by_id.get(report.id)
        approval = approval_of(report)
        entry = same if (same is not None and approval
                         and same.persetujuan == approval) else by_key.get(key)
        if entry is None or not entry.pdf:
            return fresh, charts, derived.hashed.get(report.id, "")
        old = previous.fetch(entry.pdf, scratch / f"{key}.pdf")
        if old is None:  # not there (any more): nothing to compare
            return fresh, charts, derived.hashed.get(report.id, "")
        content = old.read_bytes()
        listed = entry.sha256
        verdict = (judge(content, fresh.read_bytes(), roots)
                   if hashlib.sha256(content).hexdigest() == listed else MISMATCH)
        if verdict == MISMATCH:
            if warnings is not None:
                warnings.append(t("publish.previous_mismatch", {
                    "id": report.id, "source": previous.url or str(previous.folder or ""),
                    "pdf": entry.pdf,
                    "found": hashlib.sha256(content).hexdigest()[:16],
                    "derived": derived.sha256(report.id)[:16]}))
            return fresh, charts, derived.hashed.get(report.id, "")
        if verdict == SAME:  # the same bytes: this machine's own file, hashed just now
            derived.hashed.setdefault(report.id, listed)
            return fresh, charts, listed
        # Signed over the render: a copy of its own (``old`` is linked to the previous
        # release, which must never share a file with this machine's build).
        signed = scratch / f"{key}.bertanda.pdf"
        shutil.copyfile(old, signed)
        return signed, charts, ""

    return seed


# ---------------------------------------------------------------- manifest


def manifest(settings: Settings, built: Any, previous: Previous, now: dt.datetime,
             head: str) -> Manifest:
    """The archive's manifest: every final report with its PDF hash and approvals.

    ``terbit`` (first published) and ``diberitahukan`` (announced) carry over from the previous
    manifest while the PDF is the same; a replaced PDF's hash moves to ``versi_lama``.
    """

    before = previous.reports()
    superseded = list(previous.manifest.versi_lama if previous.manifest else ())
    waited = previous.waiting()
    entries: list[Report] = []
    waiting: list[Waiting] = []
    for report in built.collection.reports:
        if not report.final:
            continue
        artefact = built.artefacts.get(report.id)
        pdf = built.generated.pdfs.get(report.id)
        if artefact is None or pdf is None:
            # Final but without a PDF yet: its step-8 date is kept, so the page does not
            # show a new "diterbitkan" date at every run until the PDF is made.
            waiting.append(Waiting(report.id, waited.get(report.id) or now.isoformat()))
            continue
        ev = report.evaluation
        trail = report.verification.trail
        old = before.get(report.id)
        render_sha = artefact.render_sha256 or pdf.sha256
        if old is not None and not artefact.render_sha256 and artefact.seal in ELECTRONIC:
            render_sha = old.render or pdf.sha256
        same = old is not None and old.sha256 == pdf.sha256
        # Sealing the render published before is the same version, not a new one.
        sealed_now = (old is not None and not same and render_sha in (old.sha256, old.render))
        if sealed_now and old is not None:
            same = True
        if old is not None and not same and old.sha256:
            superseded.append(_earlier(old, now))
        charts = [paths.chart_file(ev, n) for n in range(1, len(artefact.charts) + 1)]
        kept = old if same and old else None
        entries.append(Report(
            id=report.id,
            judul=title(report),
            nomor=ev.nomor,
            periode=ev.period.label() if ev.period else ev.id,
            halaman=paths.url("index.md", paths.report_page(ev)),
            pdf=pdf.file,
            grafik=tuple(charts),
            sha256=pdf.sha256,
            ukuran=pdf.size,
            kunci=artefact.key,
            pohon=report.verification.current_tree,
            persetujuan=approval_of(report),
            paraf=person_of(trail.paraf if trail else None),
            tanda_tangan=person_of(trail.signature if trail else None),
            render=render_sha,
            portal=report_facts(report),  # for a province portal (portal/facts.py)
            segel=_seal_record(artefact, old, same and not sealed_now, now),
            terbit=kept.terbit if kept else now.isoformat(),
            diberitahukan=kept.diberitahukan if kept else None,
            diberitahukan_kepada=dict(kept.diberitahukan_kepada) if kept else {},
        ))
    current = {e.id for e in entries}
    for report_id, old in before.items():
        if report_id not in current and old.sha256:
            superseded.append(_earlier(old, now))  # no longer final: kept as published
    return Manifest(
        format=FORMAT,
        evkin=__version__,
        instansi=settings.agency.nama,
        situs=settings.site_url,
        komit=head,
        laporan=tuple(entries),
        versi_lama=tuple(superseded),
        tanpa_pdf=tuple(waiting),
        rekomendasi_terbuka=tuple(open_recommendations(built.collection.reports)),
    )


def _earlier(old: Report, now: dt.datetime) -> Earlier:
    """A published version that a newer approval replaced: kept, with its file."""
    return Earlier(id=old.id, sha256=old.sha256, terbit=old.terbit, diganti=now.isoformat(),
                   nomor=old.nomor, judul=old.judul, pdf=old.pdf, render=old.render,
                   segel=old.segel, tanda_tangan=old.tanda_tangan, paraf=old.paraf)


def keep_earlier(data: Manifest, previous: Previous, staging: Path) -> Manifest:
    """Every earlier version stays downloadable: its PDF is copied into this release under
    ``versi/<id>/<sha256>.pdf`` (from the previous release, checked against its hash)."""
    kept = []
    for entry in data.versi_lama:
        rel, sha = entry.pdf, entry.sha256
        if rel and sha:
            target = f"versi/{entry.id}/{sha[:16]}.pdf"
            if ".." in target.split("/") or "\\" in target:
                entry = replace(entry, pdf="")
            else:
                got = previous.fetch(rel, staging / target, sha)
                entry = replace(entry, pdf=target if got is not None else "")
        kept.append(entry)
    return replace(data, versi_lama=tuple(kept))


def _seal_record(artefact: Any, old: Report | None, unchanged: bool,
                 now: dt.datetime) -> Seal | None:
    """The electronic-signature state of a published PDF (None when TTE is not used): the
    agency's seal or the Kepala Dinas' own signature, with the time the signature itself
    states (so publishing again never moves it) and its certificate's subject."""

    if not artefact.seal:
        return None
    if artefact.seal in ELECTRONIC:
        kept = (old.segel if old else None) or Seal()
        when = artefact.seal_at or (kept.waktu if unchanged and kept.status
                                    == artefact.seal else None)
        return Seal(artefact.seal, jenis="segel_instansi" if artefact.seal == SEALED
                    else "tanda_tangan_kepala_dinas",
                    waktu=when or now.isoformat(), oleh=artefact.seal_by)
    return Seal(artefact.seal, pesan=artefact.seal_note)


def published_dates(previous: Previous, ids: list[str], now: dt.datetime
                    ) -> dict[str, dt.datetime]:
    """Step 8's date per report: when it was first published, or now."""
    out = dict.fromkeys(ids, now)
    for report_id, terbit in previous.waiting().items():
        try:
            out[report_id] = dt.datetime.fromisoformat(terbit)
        except ValueError:
            continue
    for report_id, entry in previous.reports().items():
        try:
            out[report_id] = dt.datetime.fromisoformat(str(entry.terbit))
        except ValueError:
            continue
    return out


# ---------------------------------------------------------------- releases

def same_tree(one: Path, other: Path) -> bool:
    """Do two folders hold the same files (paths and bytes)? The manifest first, then sizes,
    then bytes, stopping at the first difference: a publication with one new report learns it
    from one file instead of hashing two whole releases."""
    def listing(folder: Path) -> dict[str, Path]:
        return {p.relative_to(folder).as_posix(): p for p in folder.rglob("*") if p.is_file()}

    first, second = one / MANIFEST, other / MANIFEST
    if first.is_file() != second.is_file() or (
            first.is_file() and first.read_bytes() != second.read_bytes()):
        return False
    left, right = listing(one), listing(other)
    if left.keys() != right.keys() or any(
            left[k].stat().st_size != right[k].stat().st_size for k in left):
        return False
    return all(filecmp.cmp(left[k], right[k], shallow=False) for k in sorted(left))


def switch(dest: Path, release: Path) -> None:
    """Point ``dest`` at ``release`` with one atomic rename of a symbolic link. A real folder
    at ``dest`` (published by other means) is moved into the releases first."""
    if dest.exists() and not dest.is_symlink():
        keep = releases_dir(dest) / f"sebelumnya-{dt.datetime.now():%Y%m%d%H%M%S}"
        os.replace(dest, keep)
    link = dest.with_name(f".{dest.name}.tautan-{os.getpid()}")
    link.unlink(missing_ok=True)
    os.symlink(os.path.relpath(release, dest.parent), link)
    os.replace(link, dest)


def prune(dest: Path, keep: int = KEEP_RELEASES) -> None:
    """Releases beyond the newest ``keep`` (never the one published) leave the releases folder
    at once, renamed ``.hapus-…``; their files are deleted by a process of their own that the
    publication does not wait for (``files.delete_later``), as ``git gc --auto`` detaches:
    at 1,000 reports a release is about 300 MB in 5,000 files, a second or more of deleting.
    A deletion cut short (the machine stopped) is finished by the next publication's prune."""
    folder = releases_dir(dest)
    current = dest.resolve()
    releases = sorted((p for p in folder.iterdir() if p.is_dir()), key=lambda p: p.name)
    doomed = [p for p in releases if p.name.startswith(GONE)]
    for old in [p for p in releases if not p.name.startswith(GONE)][:-keep]:
        if old.resolve() == current:
            continue
        gone = folder / f"{GONE}{old.name}"
        try:
            os.replace(old, gone)
        except OSError:
            shutil.rmtree(old, ignore_errors=True)
            continue
        doomed.append(gone)
    files.delete_later(doomed)


def _own_renders(root: Path) -> Path | None:
    """The folder of this machine's earlier derivations, unless anything in it came through
    git (a pushed branch could carry a "cached" PDF): then every PDF is rendered afresh."""

    tracked = _git(root, "ls-files", "-z", "--", DERIVED_CACHE.as_posix())
    return root / DERIVED_CACHE if tracked == "" else None


def publish(settings: Settings, dest: Path, previous_source: str | None = None,
            announce: Announce | None = None,
            now: dt.datetime | None = None,
            progress: Callable[[str, int, int], None] | None = None,
            env: Mapping[str, str] | None = None, sign: bool = True,
            keep_renders: bool = True) -> Outcome:
    """Build the final archive aside and switch ``dest`` to it; ``announce`` (if given) is
    called with the reports not announced before, after the switch. ``keep_renders``: this
    machine's own earlier derivations and pages are reused under their content keys
    (``derive``); without it every PDF and page is made afresh."""

    dest = dest.absolute()
    now = now or clock.now()

    early: list[str] = []
    key = manifest_sig.private_key(settings, env)  # before building: a wrong key stops here
    previous = read_previous(dest, previous_source, settings, announce is not None, early)
    tte = settings.tte
    # Also without a seal provider: his own signed copies are accepted against tte.akar.
    sealer = (Sealer(settings, tte, previous.reports(), env, sign)
              if tte.enabled or tte.roots else None)
    releases = releases_dir(dest)
    releases.mkdir(parents=True, exist_ok=True)
    stamp = f"{now:%Y%m%d-%H%M%S}-{os.getpid()}"
    staging = releases / f".baru-{stamp}"
    built: Built | None = None
    with tempfile.TemporaryDirectory(prefix=".evkin-sebelumnya-", dir=releases) as scratch:
        try:
            memo = Memo(settings.root / MEMO, key) if keep_renders and key else None
            derived = derive(settings, Path(scratch) / "turunan",
                             cache=_own_renders(settings.root) if keep_renders else None,
                             memo=memo)
            with reproducible(settings.root):
                # The site build's verification memory is never read here (trails are verified
                # in derive, or remembered sealed by the record key); the pages are remembered
                # by content key like the PDFs, each sealed by the record key (``cache_db``):
                # without it, every page is made afresh.
                built = build_site(settings, staging, preview=False, remember=False,
                                   remember_pages=keep_renders and memo is not None,
                                   collection=derived.collection,
                                   known_keys=derived.keys,
                                   published=published_dates(previous, _ids(settings), now),
                                   seed=seed_from(previous, Path(scratch), derived,
                                                  tte.roots, early),
                                   progress=progress,
                                   finish=sealer.finish if sealer else None,
                                   finish_later=True, memo=memo)
            # The manifest is made while Pagefind indexes the pages (linked before it began:
            # list_earlier's rewrites, by rename, do not reach the index).
            data = manifest(settings, built, previous, now, head_commit(settings.root))
            # The render sealed files grow from: derived here.
            data = replace(data, laporan=tuple(
                replace(e, render=derived.sha256(e.id)) if derived.sha256(e.id) else e
                for e in data.laporan))
            data = keep_earlier(data, previous, staging)
            list_earlier(data, staging)
            data = _chained(data, lambda d: manifest_chain.link(
                d, previous.chain_json(), previous.sha256))
            built.finish()
            write_manifest(staging, data, key)
        except BaseException:
            if built is not None:
                built.stop()
            shutil.rmtree(staging, ignore_errors=True)
            raise
    current = dest.resolve() if dest.exists() else None
    if current is not None and current.is_dir() and same_tree(current, staging):
        shutil.rmtree(staging)
        release, changed = current, False
    else:
        release = releases / stamp
        n = 1
        while release.exists():  # two publications within the same second
            n += 1
            release = releases / f"{stamp}-{n}"
        os.replace(staging, release)
        switch(dest, release)
        prune(dest)
        changed = True
    final = mf.read(release / MANIFEST)
    outcome = Outcome(dest, release, changed, final, warnings=early + list(built.warnings))
    outcome.new = [r for r in final.laporan if not r.diberitahukan]
    if announce is not None:
        _announce(outcome, announce, now, release, key)
    if key is not None:
        record(settings, release, key)
    return outcome


def record(settings: Settings, release: Path, key: str) -> None:
    """The manifest of ``release``, just signed, recorded in the working copy
    (``last_published``) for the next publication to check the previous release against."""
    raw = (release / MANIFEST).read_bytes()
    last_published.write(settings.root, raw, mf.parse(raw, str(release / MANIFEST)).urutan or 0,
                         key)


# Mails the reports not announced yet; returns them with each recipient reached recorded
# (``diberitahukan_kepada``), and the error naming whoever was not reached.
Announce = Callable[[list[Report]], tuple[list[Report], EvkinError | None]]


def _announce(outcome: Outcome, announce: Announce, now: dt.datetime, folder: Path,
              key: str | None) -> None:
    """Announce ``outcome``'s reports not announced before; on success each is marked
    ``diberitahukan``. The manifest is written even after a failure: who was reached is
    recorded, so no one is mailed twice."""
    final = outcome.manifest
    new = [r for r in final.laporan if not r.diberitahukan]
    outcome.new = new
    if not new:
        return
    updated, outcome.announce_error = announce(new)
    by_id = {r.id: r for r in updated}
    reports = [by_id.get(r.id, r) for r in final.laporan]
    if outcome.announce_error is None:
        reports = [r if r.diberitahukan else replace(r, diberitahukan=now.isoformat())
                   for r in reports]
    final = replace(final, laporan=tuple(reports))
    if key is not None:  # a second signed manifest: the next number, after the first
        before = manifest_chain.digest((folder / MANIFEST).read_bytes())
        final = _chained(final, lambda d: manifest_chain.follow(d, before))
    outcome.manifest = final
    write_manifest(folder, final, key)
    outcome.new = [final.reports()[r.id] for r in new]
    outcome.announced = sum(1 for r in outcome.new if r.diberitahukan)


def _chained(data: Manifest, change: Callable[[dict[str, Any]], None]) -> Manifest:
    """``data`` numbered by ``manifest_chain`` (whose decisions read the manifest's JSON)."""
    as_json = mf.to_json(data)
    change(as_json)
    return mf.from_json(as_json)


def write_manifest(folder: Path, data: Manifest, key: str | None) -> None:
    """``manifest.json`` and, with the record key, its signature; without one, no signature
    (a stale one would no longer match and is removed)."""
    mf.write(folder, data, key)


def announce_built(dest: Path, announce: Announce, now: dt.datetime | None = None) -> Outcome:
    """Announce the reports of an archive already built in ``dest`` that were not announced
    before, and mark them in its manifest. Builds nothing: the publishing workflow runs this
    in the one job that holds the mail secrets, where no MkDocs hook or other repository code
    of the build runs."""
    dest = dest.absolute()
    path = dest / MANIFEST
    if not path.is_file():
        raise EvkinError("publish.no_manifest", {"path": str(path)})
    final = mf.read(path)
    outcome = Outcome(dest, dest.resolve(), False, final)
    # This step holds no record key: the signature is made afresh by the step that does.
    _announce(outcome, announce, now or clock.now(), path.resolve().parent, None)
    return outcome


def absolute(settings: Settings, rel: str) -> str:
    base = settings.site_url if settings.site_url.endswith("/") else settings.site_url + "/"
    return urljoin(base, rel)


def items_for(settings: Settings, entries: list[Report]) -> list[Any]:
    """What the e-mail lists for each report, from its manifest entry."""

    out = []
    for entry in entries:
        signature = entry.tanda_tangan
        when = signature.waktu if signature else ""
        signed_on = format_date(day_of(dt.datetime.fromisoformat(when))) if when else "–"
        signer = signature.nama if signature else "–"
        if signature and signature.jabatan:
            signer += f" ({signature.jabatan})"
        out.append(Item(entry.judul, entry.nomor, entry.periode,
                        signer, signed_on, absolute(settings, entry.halaman),
                        absolute(settings, entry.pdf), entry.sha256))
    return out

