"""The SOP page: identity, legal basis, the flowchart and the step table, all from sop.yml."""

from __future__ import annotations

import datetime as dt

from evkin.settings import Settings
from evkin.site import html
from evkin.site.flowchart import flowchart
from evkin.site.safe import html_block, md_heading, text
from evkin.site.titles import front_matter

GIT_TERMS = {
    5: "Tim SAKIP mengajukan draf sebagai pull request (setiap simpanan adalah commit).",
    6: "Persetujuan (approve) Sekretaris pada pull request = paraf; permintaan perubahan = "
       "dikembalikan ke Tim SAKIP.",
    7: "Persetujuan Kepala Dinas setelah paraf = tanda tangan; permintaan perubahan = "
       "dikembalikan ke Sekretaris.",
    8: "Penggabungan (merge) ke main: PDF final dibuat, arsip diterbitkan, surel dikirim.",
}


def _date(value: str) -> str:
    try:
        return html.date(dt.date.fromisoformat(value))
    except ValueError:
        return value


def sop_page(settings: Settings) -> str:
    sop = settings.sop
    identity = html.definition_list([
        ("Nomor SOP", sop.nomor), ("Nama SOP", sop.nama),
        ("Tanggal efektif", _date(sop.tanggal_efektif)), ("Instansi", settings.agency.nama),
    ])
    basis = "<ol>" + "".join(f"<li>{text(d)}</li>" for d in sop.dasar_hukum) + "</ol>"
    analysis = "<ul>" + "".join(f"<li>{text(a.judul)}</li>" for a in sop.analisis) + "</ul>"
    rows: list[list[html.Cell]] = []
    for step in sop.steps:
        rows.append([str(step.number), step.uraian, sop.role_label(step.actor),
                     step.kelengkapan, step.waktu.label(), step.output,
                     GIT_TERMS.get(step.number, "Dokumen langkah ini disimpan di folder "
                                   "evaluasi (dokumen/).")])
    return "\n".join([
        front_matter(f"SOP {sop.nama}", hide=("navigation", "toc")),  # the chart needs width
        md_heading(1, f"SOP {sop.nama}", "sop"), "",
        html_block(identity),
        "", md_heading(2, "Dasar hukum", "dasar-hukum"), "", html_block(basis),
        "", md_heading(2, "Diagram alir", "diagram-alir"), "",
        html_block(f'<div class="evkin-gulir">{flowchart(sop)}</div>'
                   '<p class="evkin-catatan">Kapsul: awal dan akhir proses. Persegi: kegiatan. '
                   "Belah ketupat: keputusan; panah \u201cTidak\u201d kembali ke langkah "
                   "sebelumnya untuk diperbaiki. Geser ke samping bila diagram terpotong.</p>"),
        "", md_heading(2, "Uraian langkah", "uraian-langkah"), "",
        html_block(html.table(["No", "Kegiatan", "Pelaksana", "Kelengkapan", "Waktu",
                               "Output", "Dalam evkin"], rows, css="evkin-langkah")),
        "", md_heading(2, "Analisis minimum (langkah 4)", "analisis"), "",
        html_block("<p>Rapat pembahasan dan laporan setidaknya memuat:</p>" + analysis),
    ]) + "\n"
