"""Keep the archive's signed and sealed PDFs verifiable for decades (scheduled workflow).

For every final PDF of a built archive that carries a signature, ``ltv.renew`` adds a fresh
document timestamp when the newest one's certificate expires within ``tte.perbarui_hari`` days
(or the first B-LTA material when the file has none). The PDF's new SHA-256 goes into the
manifest and the report page; the signed revisions are untouched, so a copy downloaded before
still verifies (``evkin verify`` finds the render under its signatures).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import replace
from pathlib import Path

from evkin.archive.pades import renew
from evkin.archive.release import listed_pdfs, read_release
from evkin.archive.sealing import load_roots
from evkin.files import write_atomic
from evkin.findings import EvkinError
from evkin.record import manifest
from evkin.record.manifest import ELECTRONIC
from evkin.settings import Settings


def renew_archive(settings: Settings, dest: Path, now: dt.datetime | None = None
                  ) -> tuple[int, int, list[str]]:
    """(renewed, not due, problems) for the archive built in ``dest``."""

    tte = settings.tte
    if not tte.tsa:
        raise EvkinError("tte.no_tsa")
    roots = load_roots(tte.roots)
    release = dest.resolve()
    data = read_release(release)
    before = dt.timedelta(days=tte.renew_days)
    renewed, skipped, problems = 0, 0, []
    for listed in listed_pdfs(release, data, lambda e: e.seal_status in ELECTRONIC):
        entry, path, pdf, old_sha = listed.entry, listed.path, listed.data, listed.sha256
        page_rel = listed.page_rel
        try:
            fresh = renew(pdf, roots, tte.tsa, before, now)
        except EvkinError as error:
            problems.append(f"{entry.id}: {error.message()}")
            continue
        if fresh is None:
            skipped += 1
            continue
        new_sha = hashlib.sha256(fresh).hexdigest()
        write_atomic(path, fresh)
        data = data.with_report(replace(
            entry, sha256=new_sha, ukuran=len(fresh),
            sha256_sebelumnya=(*entry.sha256_sebelumnya, old_sha),
            cap_waktu=(now or dt.datetime.now(dt.UTC)).isoformat()))
        page = release / page_rel
        if page.is_file():
            text = page.read_text(encoding="utf-8")
            write_atomic(page, text.replace(f"<code>{old_sha}</code>",
                                            f"<code>{new_sha}</code>", 1))
        renewed += 1
    manifest.write(release, data, keep_signature=True)
    return renewed, skipped, problems
