"""Electronic signing during publication (step 8), two acts kept apart (``sealing.py``):

- the Kepala Dinas' own signature: a signed copy he brought back (``tandatangan/<id>.pdf``)
  that ``personal.accept`` accepts becomes the published file, labelled as his signature;
- otherwise the final PDF, once rendered from the approved version, gets the agency's
  electronic seal (``sealing.seal``), labelled as the agency's seal.

- A signed or sealed PDF is never re-rendered or re-signed: the previous release's file comes
  back through the seed (same report, same approval), and a PDF that carries a valid
  signature (read by pyHanko from its signature fields) is kept as it is, with the time the
  signature itself states.
- A failed or refused signing (wrong passphrase, service down, a secret missing) leaves the
  report approved but not sealed ("disetujui, belum ditandatangani secara elektronik"), with
  the reason; the next publication seals that very render (the seed brings it back).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from evkin.archive.artifact_check import check_archive, refuse
from evkin.archive.pades import carries_signature
from evkin.archive.personal import accept, signed_path
from evkin.archive.release import (
    has_signature,
    kept_signature,
    listed_pdfs,
    read_previous,
    read_release,
)
from evkin.archive.sealing import Appearance, Backend, backend_for, load_roots, seal, version_url
from evkin.files import write_atomic
from evkin.findings import EvkinError
from evkin.messages import t
from evkin.record import manifest
from evkin.record.manifest import NOT_SEALED, SEALED, SIGNED
from evkin.settings import Person, Settings, TteSettings
from evkin.site import paths
from evkin.site.collect import Report
from evkin.site.pdfs import Artefact
from evkin.site.report import Pdf, refill_pdf_slot


class Sealer:
    """``finish`` for the site build: final artefact in, sealed (or not-yet-sealed) out."""

    def __init__(self, settings: Settings, tte: TteSettings,
                 previous: Mapping[str, manifest.Report],
                 env: Mapping[str, str] | None = None, sign: bool = True) -> None:
        self.sign = sign  # False: a later step signs (``seal_published``), with the secrets
        self.settings = settings
        self.tte = tte
        self.previous = previous
        self.env = env  # None: this process's environment (evkin.environment)
        self.done: dict[tuple[str, str], Artefact] = {}
        self._backend: Backend | EvkinError | None = None

    def backend(self) -> Backend:
        if self._backend is None:
            try:
                self._backend = backend_for(self.tte, self.env)
            except EvkinError as error:
                self._backend = error
        if isinstance(self._backend, EvkinError):
            raise self._backend
        return self._backend

    def finish(self, report: Report, art: Artefact) -> Artefact:
        if not report.final or art.pdf is None or not (self.tte.enabled or self.tte.roots):
            return art
        memo = (report.id, art.sha256)
        if memo not in self.done:
            self.done[memo] = self._finish(report, art, art.pdf)
        return self.done[memo]

    def roots(self) -> list[Any]:
        return load_roots(self.tte.roots) if self.tte.roots else []

    def _finish(self, report: Report, art: Artefact, path: Path) -> Artefact:
        render = path.read_bytes()
        kepala = (report.settings or self.settings).roles.kepala_dinas
        kept = kept_signature(render, self.roots(), kepala) if carries_signature(render) \
            else None
        # His own signature over this render wins over the agency's seal published before.
        base = render if kept is None else kept.render
        note = ""  # why his signed copy, if any, was refused
        if base is not None and not (kept is not None and kept.state == SIGNED and kept.valid):
            mine = self._personal(report, base, kepala, path.parent)
            if isinstance(mine, Artefact):
                return dataclasses.replace(mine, key=art.key, charts=art.charts)
            note = mine
        if kept is not None:  # published before (the seed): never signed again
            if kept.valid:
                render_sha = hashlib.sha256(kept.render).hexdigest() if kept.render else ""
                return dataclasses.replace(art, seal=kept.state, seal_at=kept.at,
                                           seal_by=kept.by, render_sha256=render_sha)
            if kept.render is None:
                return dataclasses.replace(art, seal=NOT_SEALED, render_sha256="",
                                           seal_note=t("tte.kept_invalid",
                                                       {"detail": kept.problem}))
            render = kept.render  # a broken signature: back to the render it was added to
            path = path.with_name(f"{art.key}-render.pdf")
            write_atomic(path, render)  # a new file: never into one linked elsewhere
            art = dataclasses.replace(art, pdf=path, sha256=hashlib.sha256(render).hexdigest(),
                                      size=len(render))
        render_sha = art.sha256
        if not self.tte.enabled:  # no seal provider: only his own signature is published
            return art
        if not self.sign:
            return dataclasses.replace(art, seal=NOT_SEALED,
                                       seal_note=note or t("tte.pending_step"),
                                       render_sha256=render_sha)
        sealed_file = path.with_name(f"{art.key}-{render_sha[:16]}-tte.pdf")
        if sealed_file.is_file() and sealed_file.read_bytes().startswith(render) \
                and kept_signature(sealed_file.read_bytes(), self.roots(), kepala).valid:
            signed = sealed_file.read_bytes()  # sealed before on this machine: never again
        else:
            try:
                signed = self._seal(report, render, render_sha)
            except EvkinError as error:
                return dataclasses.replace(art, seal=NOT_SEALED, seal_note=error.message(),
                                           render_sha256=render_sha)
            except Exception as error:  # a broken certificate or PDF inside pyHanko
                return dataclasses.replace(
                    art, seal=NOT_SEALED, render_sha256=render_sha,
                    seal_note=f"{type(error).__name__}: {str(error)[:160]}")
            tmp = sealed_file.with_name(f".{sealed_file.name}.tmp")
            tmp.write_bytes(signed)
            os.replace(tmp, sealed_file)
        kept = kept_signature(signed, self.roots(), kepala)
        return dataclasses.replace(art, pdf=sealed_file,
                                   sha256=hashlib.sha256(signed).hexdigest(),
                                   size=len(signed), seal=SEALED, render_sha256=render_sha,
                                   seal_at=kept.at, seal_by=kept.by)

    def _personal(self, report: Report, render: bytes, kepala: Person, cache: Path
                  ) -> Artefact | str:
        """The Kepala Dinas' signed copy (``tandatangan/<id>.pdf``) as the published file when
        ``personal.accept`` accepts it for this render; else why not ('' when there is none)."""

        copy = signed_path(self.settings.root, report.id)
        if not copy.is_file() or copy.is_symlink():
            return ""
        try:
            got = accept(copy.read_bytes(), render, kepala, self.roots())
        except EvkinError as error:
            return t("ttd.refused_note", {"path": f"tandatangan/{report.id}.pdf",
                                          "detail": error.message()})
        out = cache / f"{report.id}-{got.sha256[:16]}-ttd.pdf"
        tmp = out.with_name(f".{out.name}.tmp")
        tmp.write_bytes(got.pdf)
        os.replace(tmp, out)
        return Artefact("", out, (), got.sha256, len(got.pdf), seal=SIGNED,
                        render_sha256=got.render_sha256,
                        seal_at=got.signed_at.isoformat() if got.signed_at else "",
                        seal_by=got.signer)

    def _seal(self, report: Report, render: bytes, render_sha: str) -> bytes:

        trail = report.verification.trail
        signature = trail.signature if trail else None
        kepala = (report.settings or self.settings).roles.kepala_dinas
        name = (signature.name if signature and signature.name else kepala.nama)
        page = paths.url("index.md", paths.report_page(report.evaluation))
        look = Appearance(version_url(self.settings.site_url, page, render_sha),
                          self.settings.agency.nama, "", dt.datetime.now(dt.UTC), "",
                          block=name)
        return seal(render, look, self.backend(), self.tte).pdf


def seal_states(settings: Settings, archive: str | None = None) -> dict[str, str]:
    """Per report id, its electronic-signature state in the published archive's manifest
    (``--archive`` or ``situs.url``): 'tersegel', 'ditandatangani' or 'belum'; empty when TTE
    is off or the archive cannot be read (then nothing is claimed)."""

    tte = settings.tte
    if not (tte.enabled or tte.roots):
        return {}
    try:
        previous = read_previous(Path(archive or settings.root / "tidak-ada"), archive,
                                 settings, strict=False, warnings=[])
    except EvkinError:
        return {}
    out = {}
    for report_id, entry in previous.reports().items():
        state = entry.seal_status
        out[report_id] = state if state in (SEALED, SIGNED) else NOT_SEALED
    return out


def seal_published(settings: Settings, dest: Path, env: Mapping[str, str] | None = None
                   ) -> tuple[int, list[str]]:
    """Sign the final PDFs of a built archive that are not sealed yet, in place: the PDF, its
    manifest entry and what its report page shows of it. The step that holds the signing
    secrets runs this and builds nothing (no MkDocs hook runs beside them). Returns the number
    sealed and, per report still not sealed, why (tried again by the next run)."""

    tte = settings.tte
    if not tte.enabled:
        raise EvkinError("seal.off")
    # Only what this step derived itself from the approved commit is sealed: the build job's
    # artifact is checked byte for byte first, and one mismatch seals nothing.
    import tempfile


    with tempfile.TemporaryDirectory(prefix="evkin-turunan-") as scratch:
        checked = check_archive(settings, dest, Path(scratch), tte.roots)
    if checked.problems:
        raise refuse(dest, checked.problems)
    release = dest.resolve()
    data = read_release(release)
    sealer = Sealer(settings, tte, {}, env)
    done, problems = 0, []
    for listed in listed_pdfs(release, data, lambda e: e.seal_status not in (SEALED, SIGNED)):
        entry, rel, page_rel = listed.entry, listed.rel, listed.page_rel
        pdf_path, render, render_sha = listed.path, listed.data, listed.sha256
        if has_signature(render):
            continue  # not the render this manifest published: leave it alone
        record = entry.segel or manifest.Seal()
        kepala = settings.roles.kepala_dinas
        look = Appearance(version_url(settings.site_url, page_rel, render_sha),
                          settings.agency.nama, "", dt.datetime.now(dt.UTC), "",
                          block=(entry.tanda_tangan.nama if entry.tanda_tangan else "")
                          or kepala.nama)
        old = Pdf(rel, render_sha, len(render), NOT_SEALED, record.pesan or "", render_sha)
        try:
            signed = seal(render, look, sealer.backend(), tte).pdf
        except EvkinError as error:
            new = dataclasses.replace(old, seal_note=error.message())
            entry = dataclasses.replace(entry, segel=manifest.Seal(NOT_SEALED,
                                                                   pesan=error.message()))
            problems.append(f"{entry.id}: {error.message()}")
        except Exception as error:  # a broken certificate or PDF inside pyHanko
            note = f"{type(error).__name__}: {str(error)[:160]}"
            new = dataclasses.replace(old, seal_note=note)
            entry = dataclasses.replace(entry, segel=manifest.Seal(NOT_SEALED, pesan=note))
            problems.append(f"{entry.id}: {note}")
        else:
            kept = kept_signature(signed, sealer.roots(), kepala)
            new = Pdf(rel, hashlib.sha256(signed).hexdigest(), len(signed), SEALED, "",
                      render_sha, kept.at, kept.by)
            tmp = pdf_path.with_name(f".{pdf_path.name}.tmp")
            tmp.write_bytes(signed)
            os.replace(tmp, pdf_path)
            entry = dataclasses.replace(
                entry, sha256=new.sha256, ukuran=new.size, render=render_sha,
                segel=manifest.Seal(SEALED, jenis="segel_instansi",
                                    waktu=kept.at or dt.datetime.now(dt.UTC).isoformat(),
                                    oleh=kept.by))
            done += 1
        data = data.with_report(entry)
        page = release / page_rel
        if page.is_file():
            # The page's declared PDF slot, rendered again from the new facts (no HTML edits).
            text = refill_pdf_slot(page.read_text(encoding="utf-8"), new)
            if text is None:
                problems.append(t("tte.page_not_updated", {"page": page_rel}))
            else:
                write_atomic(page, text)
    manifest.write(release, data, keep_signature=True)
    return done, problems
