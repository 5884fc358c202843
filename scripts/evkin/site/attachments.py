"""The attachments page of a report: the SOP step 1–4 documents (Nota Dinas, notulen with
daftar hadir), each with its header fields and text."""

from __future__ import annotations

import datetime as dt
from typing import Any

from evkin.evaluation.model import Document
from evkin.settings import Settings
from evkin.site import html, paths, search
from evkin.site.body import plain_markdown
from evkin.site.collect import Report
from evkin.site.links import Assets, rewriter
from evkin.site.report import documents_map
from evkin.site.safe import html_block, md_heading
from evkin.site.titles import front_matter, title

LABELS = {
    "nomor": "Nomor", "tanggal": "Tanggal", "kepada": "Yth.", "dari": "Dari",
    "tembusan": "Tembusan", "sifat": "Sifat", "lampiran": "Lampiran", "hal": "Hal",
    "rapat": "Rapat", "waktu": "Waktu", "tempat": "Tempat", "pimpinan": "Pimpinan rapat",
    "notulis": "Notulis", "peserta": "Peserta", "acara": "Acara",
}
ORDER = ("nomor", "rapat", "tanggal", "waktu", "tempat", "kepada", "dari", "tembusan", "sifat",
         "lampiran", "hal", "pimpinan", "notulis", "peserta", "acara")
OWN_BLOCKS = {"daftar_hadir"}


def value_text(value: Any, weekday: bool = False) -> str:
    if isinstance(value, dt.date):
        return html.date(value, weekday)
    if isinstance(value, list | tuple):
        return ", ".join(value_text(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {value_text(v)}" for k, v in value.items())
    return "–" if value is None else str(value)


def header_fields(doc: Document) -> list[tuple[str, html.Cell]]:
    notulen = "rapat" in doc.meta
    keys = [k for k in ORDER if k in doc.meta]
    keys += [k for k in doc.meta if k not in ORDER and k not in OWN_BLOCKS]
    out: list[tuple[str, html.Cell]] = []
    for key in keys:
        label = LABELS.get(key, key.replace("_", " ").capitalize())
        if key == "tanggal" and notulen:
            label = "Hari, tanggal"
        out.append((label, value_text(doc.meta[key], weekday=notulen and key == "tanggal")))
    return out


def attendance(doc: Document) -> str:
    entries = doc.meta.get("daftar_hadir")
    if not isinstance(entries, list) or not entries:
        return ""
    rows: list[list[html.Cell]] = []
    for number, entry in enumerate(entries, 1):
        if isinstance(entry, dict):
            rows.append([str(number), value_text(entry.get("nama")),
                         value_text(entry.get("jabatan"))])
        else:
            rows.append([str(number), value_text(entry), "–"])
    return ('<p class="evkin-judul-tabel">Daftar hadir</p>\n'
            + html.table(["No", "Nama", "Jabatan"], rows, css="evkin-hadir"))


def attachments_page(settings: Settings, report: Report, assets: Assets) -> str:
    ev = report.evaluation
    page = paths.attachments_page(ev)
    report_url = paths.url(page, paths.report_page(ev))
    documents = documents_map(settings, report)
    parts = [front_matter(f"Lampiran – {title(report)}", hide=("navigation",),
                          flags=(search.UNINDEXED_FLAG,)),
             md_heading(1, f"Lampiran: {title(report)}", "lampiran"), "",
             html_block(f"<p>Dokumen langkah 1–4 SOP yang menyertai laporan ini. "
                        f"{html.link(report_url, 'Kembali ke laporan')}</p>")]
    for step, spec in settings.sop.documents:
        anchor = spec.key.replace("_", "-")
        parts += ["", md_heading(2, f"{step.number}. {spec.judul}", anchor), ""]
        doc = ev.documents.get(spec.key)
        if doc is None:
            parts.append(html_block('<p class="evkin-catatan">Dokumen ini tidak ada di folder '
                                    "evaluasi.</p>"))
            continue
        rewrite = rewriter(ev.path, doc.path.parent, page, paths.report_dir(ev), documents,
                           assets)
        parts.append(html_block(html.definition_list(header_fields(doc), "evkin-meta evkin-kop"),
                                "evkin-dokumen"))
        parts.append(plain_markdown(doc.body, rewrite, 3))
        table = attendance(doc)
        if table:
            parts.append(html_block(table))
    return "\n".join(parts) + "\n"
