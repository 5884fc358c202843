"""Sealing during publication (step 8): each final PDF, once rendered from the approved
version, gets the Kepala Dinas' certified electronic signature (``sealing.seal``).

- A sealed PDF is never re-rendered or re-signed: the previous release's sealed file comes
  back through the seed (same report, same approval), and a PDF that carries a signature
  already is kept as it is.
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

from evkin.findings import EvkinError
from evkin.messages import t
from evkin.sealing import (
    NOT_SEALED,
    SEALED,
    Appearance,
    Backend,
    TteSettings,
    backend_for,
    seal,
    version_url,
)
from evkin.settings import Settings
from evkin.site.collect import Report
from evkin.site.pdfs import Artefact


def has_signature(pdf: bytes) -> bool:
    """Does the file carry a PDF signature already (a sealed file is never signed again)?"""
    return b"/ByteRange" in pdf and b"/Sig" in pdf


class Sealer:
    """``finish`` for the site build: final artefact in, sealed (or not-yet-sealed) out."""

    def __init__(self, settings: Settings, tte: TteSettings,
                 previous: Mapping[str, Mapping[str, Any]],
                 env: Mapping[str, str] | None = None, sign: bool = True) -> None:
        self.sign = sign  # False: a later step signs (``seal_published``), with the secrets
        self.settings = settings
        self.tte = tte
        self.previous = previous
        self.env = os.environ if env is None else env
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
        if not report.final or art.pdf is None or not self.tte.enabled:
            return art
        memo = (report.id, art.sha256)
        if memo not in self.done:
            self.done[memo] = self._finish(report, art, art.pdf)
        return self.done[memo]

    def _finish(self, report: Report, art: Artefact, path: Path) -> Artefact:
        before = self.previous.get(report.id) or {}
        render = path.read_bytes()
        if has_signature(render):
            kept = before.get("render") or {}
            return dataclasses.replace(art, seal=SEALED,
                                       render_sha256=str(kept.get("sha256") or ""))
        render_sha = art.sha256
        if not self.sign:
            return dataclasses.replace(art, seal=NOT_SEALED, seal_note=t("tte.pending_step"),
                                       render_sha256=render_sha)
        sealed_file = path.with_name(f"{art.key}-{render_sha[:16]}-tte.pdf")
        if sealed_file.is_file() and sealed_file.read_bytes().startswith(render):
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
        return dataclasses.replace(art, pdf=sealed_file,
                                   sha256=hashlib.sha256(signed).hexdigest(),
                                   size=len(signed), seal=SEALED, render_sha256=render_sha)

    def _seal(self, report: Report, render: bytes, render_sha: str) -> bytes:
        from evkin.site import paths

        trail = report.verification.trail
        signature = trail.signature if trail else None
        kepala = self.settings.roles.kepala_dinas
        name = (signature.name if signature and signature.name else kepala.nama)
        jabatan = (signature.jabatan if signature and signature.jabatan
                   else kepala.jabatan or "Kepala Dinas")
        when = signature.at if signature else dt.datetime.now(dt.UTC)
        page = paths.url("index.md", paths.report_page(report.evaluation))
        look = Appearance(version_url(self.settings.site_url, page, render_sha), name,
                          jabatan, when, "")
        return seal(render, look, self.backend(), self.tte).pdf


def seal_states(settings: Settings, archive: str | None = None) -> dict[str, str]:
    """Per report id, its electronic-signature state in the published archive's manifest
    (``--archive`` or ``situs.url``): 'tersegel' or 'belum'; empty when TTE is off or the
    archive cannot be read (then nothing is claimed)."""
    from evkin.publish import read_previous
    from evkin.sealing import load_tte

    if not load_tte(settings.root).enabled:
        return {}
    try:
        previous = read_previous(Path(archive or settings.root / "tidak-ada"), archive,
                                 settings, strict=False, warnings=[])
    except EvkinError:
        return {}
    out = {}
    for report_id, entry in previous.reports().items():
        record = entry.get("segel") or {}
        out[report_id] = SEALED if record.get("status") == SEALED else NOT_SEALED
    return out


def _replace_once(text: str, old: str, new: str) -> str | None:
    return text.replace(old, new, 1) if old in text else None


def seal_published(settings: Settings, dest: Path, env: Mapping[str, str] | None = None
                   ) -> tuple[int, list[str]]:
    """Sign the final PDFs of a built archive that are not sealed yet, in place: the PDF, its
    manifest entry and what its report page shows of it. The step that holds the signing
    secrets runs this and builds nothing (no MkDocs hook runs beside them). Returns the number
    sealed and, per report still not sealed, why (tried again by the next run)."""
    import json

    from evkin.approval import write_atomic
    from evkin.publish import MANIFEST
    from evkin.sealing import load_tte
    from evkin.site import html
    from evkin.site.report import Pdf, seal_part

    tte = load_tte(settings.root)
    if not tte.enabled:
        raise EvkinError("seal.off")
    release = dest.resolve()
    try:
        data = json.loads((release / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise EvkinError("verify.manifest_unreadable",
                         {"source": str(release / MANIFEST), "detail": str(error)}) from None
    sealer = Sealer(settings, tte, {}, env)
    done, problems = 0, []
    for entry in data.get("laporan", []):
        record = entry.get("segel") or {}
        if record.get("status") == SEALED or not entry.get("pdf"):
            continue
        rel, page_rel = str(entry["pdf"]), str(entry.get("halaman", ""))
        if any(".." in p.split("/") or p.startswith("/") for p in (rel, page_rel)):
            continue
        pdf_path = release / rel
        render = pdf_path.read_bytes()
        render_sha = hashlib.sha256(render).hexdigest()
        if render_sha != entry.get("sha256") or has_signature(render):
            continue  # not the render this manifest published: leave it alone
        signature = entry.get("tanda_tangan") or {}
        kepala = settings.roles.kepala_dinas
        when = dt.datetime.fromisoformat(signature["waktu"]) if signature.get("waktu") \
            else dt.datetime.now(dt.UTC)
        look = Appearance(version_url(settings.site_url, page_rel, render_sha),
                          signature.get("nama") or kepala.nama,
                          signature.get("jabatan") or kepala.jabatan or "Kepala Dinas",
                          when, "")
        old = Pdf(rel, render_sha, len(render), NOT_SEALED, str(record.get("pesan") or ""),
                  render_sha)
        try:
            signed = seal(render, look, sealer.backend(), tte).pdf
        except EvkinError as error:
            new = dataclasses.replace(old, seal_note=error.message())
            entry["segel"] = {"status": NOT_SEALED, "pesan": error.message()}
            problems.append(f"{entry.get('id')}: {error.message()}")
        except Exception as error:  # a broken certificate or PDF inside pyHanko
            note = f"{type(error).__name__}: {str(error)[:160]}"
            new = dataclasses.replace(old, seal_note=note)
            entry["segel"] = {"status": NOT_SEALED, "pesan": note}
            problems.append(f"{entry.get('id')}: {note}")
        else:
            new = Pdf(rel, hashlib.sha256(signed).hexdigest(), len(signed), SEALED, "",
                      render_sha)
            tmp = pdf_path.with_name(f".{pdf_path.name}.tmp")
            tmp.write_bytes(signed)
            os.replace(tmp, pdf_path)
            entry.update({"sha256": new.sha256, "ukuran": new.size,
                          "render": {"sha256": render_sha},
                          "segel": {"status": SEALED,
                                    "waktu": dt.datetime.now(dt.UTC).isoformat()}})
            done += 1
        page = release / page_rel
        if page.is_file():
            text: str | None = page.read_text(encoding="utf-8")
            for before, after in ((seal_part(old), seal_part(new)),
                                  (f"<code>{old.sha256}</code>", f"<code>{new.sha256}</code>"),
                                  (f"Unduh PDF ({html.size(old.size)})",
                                   f"Unduh PDF ({html.size(new.size)})")):
                if text is not None and before != after:
                    text = _replace_once(text, before, after)
            if text is None:
                problems.append(t("tte.page_not_updated", {"page": page_rel}))
            else:
                write_atomic(page, text)
    write_atomic(release / MANIFEST, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    return done, problems
