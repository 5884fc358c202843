"""The page of one report: status and download, the report itself with its capaian table and
chart, the approval trail, the SOP timeline and the attachments."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import unescape

from evkin.approval.records import Approval, Trail
from evkin.evaluation import summary
from evkin.evaluation.load import normalise_heading
from evkin.indonesian_dates import format_moment
from evkin.nip import spaced
from evkin.record.manifest import SEALED, SIGNED
from evkin.report.progress import StepProgress
from evkin.settings import Settings
from evkin.site import html, paths
from evkin.site.body import render_body
from evkin.site.collect import Report
from evkin.site.figures import author_names, overall, reason
from evkin.site.html import raw
from evkin.site.links import Assets, rewriter
from evkin.site.recommendations import follow_up_block
from evkin.site.safe import attr, html_block, md_heading, text
from evkin.site.search import PART_KEY, filter_spans, part_of
from evkin.site.slots import Pending
from evkin.site.titles import front_matter, page_title, title

DECISIONS = {"paraf": "Paraf", "tanda_tangan": "Tanda tangan", "kembali": "Dikembalikan"}


@dataclass(frozen=True)
class Pdf:
    """A published PDF: its docs-relative path, SHA-256 and size."""

    file: str
    sha256: str
    size: int
    seal: str = ""  # '', 'tersegel' (agency seal), 'ditandatangani' (Kepala Dinas), 'belum'
    seal_note: str = ""  # why it is not sealed yet
    render_sha256: str = ""  # the render before sealing: names this version (the QR code)
    seal_at: str = ""  # ISO time the seal or signature itself states
    seal_by: str = ""  # its certificate's subject


def documents_map(settings: Settings, report: Report) -> dict[str, str]:
    """Step-document file (relative to the folder) → its anchor on the attachments page."""
    page = paths.attachments_page(report.evaluation)
    return {doc.file: f"{page}#{doc.key.replace('_', '-')}" for _, doc in settings.sop.documents}


def pdf_part(page: str, report: Report, pdf: Pdf | None) -> str:
    """Download and attachments buttons, and the PDF's SHA-256 (see ``slots``)."""
    attachments = paths.url(page, paths.attachments_page(report.evaluation))
    if pdf is None:
        return (f'<p class="evkin-catatan">PDF belum tersedia.</p>\n'
                f'<p class="evkin-aksi">{_attachments_link(attachments)}</p>')
    return pdf_slot(paths.url(page, pdf.file), attachments, pdf)


PDF_SLOT = re.compile(r'<div class="evkin-berkas" data-evkin-slot="pdf" data-unduh="([^"]*)" '
                      r'data-lampiran="([^"]*)">.*?</div>', re.S)


def _attachments_link(href: str) -> str:
    return html.link(href, "Lampiran (langkah 1–4)", "md-button")


def pdf_slot(href: str, attachments: str, pdf: Pdf) -> str:
    """What a report page shows of its PDF (download button with its size, seal state,
    SHA-256), a declared slot rendered from the PDF's facts alone: the seal step, which builds
    no page, renders it again after sealing (``refill_pdf_slot``). ``href`` and
    ``attachments``: the page-relative links to the PDF and the attachments page."""
    download = html.link(href, f"Unduh PDF ({html.size(pdf.size)})",
                         "md-button md-button--primary evkin-unduh", download=True)
    meta = f'<span hidden data-pagefind-meta="pdf">{text(href)}</span>'
    return (f'<div class="evkin-berkas" data-evkin-slot="pdf" data-unduh="{attr(href)}" '
            f'data-lampiran="{attr(attachments)}">'
            f'<p class="evkin-aksi">{download} {_attachments_link(attachments)}{meta}</p>\n'
            f"{seal_part(pdf)}"
            f'<p class="evkin-hash" id="versi-{text(version_id(pdf))}">SHA-256 berkas PDF: '
            f"<code>{text(pdf.sha256)}"
            f"</code><br><small>Periksa keaslian salinan dengan "
            f"<code>evkin verify BERKAS.pdf</code>.</small></p></div>")


def refill_pdf_slot(page_html: str, pdf: Pdf) -> str | None:
    """A built report page with its PDF slot rendered again from ``pdf``; ``None`` unless
    the page holds exactly one slot (author text cannot write one: ``safe`` keeps no ``data-``
    attribute, so two would mean a page not built by evkin)."""
    found = list(PDF_SLOT.finditer(page_html))
    if len(found) != 1:
        return None
    slot = found[0]
    again = pdf_slot(unescape(slot.group(1)), unescape(slot.group(2)), pdf)
    return page_html[:slot.start()] + again + page_html[slot.end():]


def version_id(pdf: Pdf) -> str:
    """The anchor of this version on the report page (the QR code of a sealed PDF leads to it):
    the first 12 hex digits of the render's SHA-256."""
    return (pdf.render_sha256 or pdf.sha256)[:12]


def seal_part(pdf: Pdf) -> str:
    """The electronic-signature state of a final PDF (nothing when TTE is not used)."""

    if not pdf.seal:
        return ""
    when = ""
    if pdf.seal_at:

        try:
            when = " pada " + format_moment(dt.datetime.fromisoformat(pdf.seal_at))
        except ValueError:
            when = ""
    by = f" (sertifikat: {pdf.seal_by})" if pdf.seal_by else ""
    if pdf.seal == SIGNED:
        return ('<p class="evkin-tte">' + html.badge("TTE Kepala Dinas", "final") + " " + text(
            f"Ditandatangani secara elektronik oleh Kepala Dinas sendiri{when}{by}. Periksa "
            "di tte.komdigi.go.id/verifyPDF atau dengan evkin verify.") + "</p>\n")
    if pdf.seal == SEALED:
        return ('<p class="evkin-tte">' + html.badge("Segel instansi", "final") + " " + text(
            f"Disegel secara elektronik oleh instansi{when}{by} (segel elektronik instansi, "
            "bukan tanda tangan pribadi). Periksa di tte.komdigi.go.id/verifyPDF atau dengan "
            "evkin verify.") + "</p>\n")
    note = f" {pdf.seal_note}" if pdf.seal_note else ""
    return ('<p class="evkin-tte">' + html.badge("Belum TTE", "draf") + " " + text(
        f"Disetujui, belum ditandatangani secara elektronik.{note} Penandatanganan dicoba "
        "lagi pada publikasi berikutnya.") + "</p>\n")


def status_card(settings: Settings, report: Report, pdf: Pdf | Pending | None,
                page: str) -> str:
    ev = report.evaluation
    trail = report.verification.trail
    signature = trail.signature if trail else None
    if report.final and signature is not None:
        status = html.badge("Final", "final") + " " + text(
            f"Ditandatangani {signature.name} ({signature.jabatan or 'Kepala Dinas'}) "
            f"pada {html.date(signature.at.date())}")
    else:
        status = html.badge("Draf", "draf") + " " + text(
            f"Belum final: {reason(report.verification)}. Halaman ini hanya ada di pratinjau.")
    items: list[tuple[str, html.Cell]] = [
        # Weighted as the title is: a search for the letter's number lists this report
        # before the lists that merely mention it.
        ("Nomor", raw(f'<span data-pagefind-weight="10">{text(ev.nomor)}</span>') if ev.nomor
         else "–"),
        ("Periode", ev.period.label() if ev.period else ev.id),
        ("Tanggal laporan", html.date(ev.tanggal)),
        ("Penyusun", ", ".join(author_names(settings, ev.penyusun)) or "–"),
        ("Rata-rata capaian", raw(text(html.percent(overall(report.results))) + " "
                                  + text(f"({len(report.results)} indikator)"))),
    ]
    cls = "evkin-kartu evkin-status-final" if report.final else "evkin-kartu evkin-status-draf"
    box = pdf.token("kartu", page) if isinstance(pdf, Pending) else pdf_part(page, report, pdf)
    # Excluded from search: the same index whether the PDF was ready or filled in later.

    inner = (f'<p class="evkin-status">{status}</p>\n{html.definition_list(items)}\n'
             f'<div class="evkin-pdf" data-pagefind-ignore>{box}{filter_spans(report)}</div>')
    return html_block(inner, cls)


def capaian_block(report: Report, chart_urls: Sequence[str], level: int) -> str:
    results = report.results
    with_previous = any(r.previous is not None for r in results)
    headers = summary.headers()
    if with_previous:
        headers = [*headers[:6], "Capaian lalu", "Perubahan", *headers[6:]]
    rows: list[list[html.Cell]] = []
    for r in results:
        row: list[html.Cell] = list(summary.text_row(r))
        row[6] = raw(html.predikat_badge(r.predikat))
        if with_previous:
            change = r.change
            change_text = "–" if change is None else (
                ("+" if change > 0 else "") + html.percent(change).replace(" %", " poin"))
            row = [*row[:6], html.percent(r.previous), change_text, *row[6:]]
        rows.append(row)
    right = {3, 4, 5, 6, 7} if with_previous else {3, 4, 5}
    parts = [md_heading(level, "Capaian per Indikator", "capaian-per-indikator"), "",
             html_block(html.table(headers, rows, right, "evkin-capaian"))]
    averages: list[list[html.Cell]] = [[a.sasaran, str(a.count), html.percent(a.value),
                 raw(html.predikat_badge(a.predikat))] for a in report.averages]
    parts.append(html_block(
        '<p class="evkin-judul-tabel">Rata-rata capaian per sasaran</p>\n'
        + html.table(["Sasaran", "Jumlah indikator", "Rata-rata capaian", "Predikat"],
                     averages, {1, 2})))
    for chart_url in chart_urls:
        parts.append(html_block(
            f'<figure class="evkin-grafik"><img src="{text(chart_url)}" alt="Grafik capaian: '
            f'target (100 %) dibandingkan realisasi setiap indikator" loading="lazy">'
            f"<figcaption>Target dan realisasi per indikator (capaian; target = 100 %)."
            f"</figcaption></figure>"))
    return "\n".join(parts)


def approval_rows(trail: Trail) -> list[list[html.Cell]]:
    rows: list[list[html.Cell]] = []
    for number, a in enumerate(trail.approvals, 1):
        rows.append([str(number), DECISIONS.get(a.decision, a.decision), a.name,
                     a.jabatan or "–", spaced(a.nip) if a.nip else "–",
                     html.date(a.at), _review_cell(a)])
    return rows


def _review_cell(a: Approval) -> html.Cell:
    parts = []
    if a.note:
        parts.append(text(a.note))
    if a.url.startswith(("https://", "http://")):
        parts.append(html.link(a.url, "lihat ulasan"))
    if a.ssh_signature:
        parts.append(text("ditandatangani dengan kunci SSH"))
    return raw("; ".join(parts) or "–")


def approval_block(settings: Settings, report: Report) -> str:
    trail = report.verification.trail
    parts = [md_heading(2, "Persetujuan", "persetujuan"), ""]
    if trail is None or not trail.approvals:
        parts.append(html_block('<p class="evkin-catatan">Belum ada paraf atau tanda tangan '
                                "yang tercatat.</p>"))
        return "\n".join(parts)
    paraf, signature = trail.paraf, trail.signature
    summary_items: list[tuple[str, html.Cell]] = []
    for label, record in (("Paraf (langkah 6)", paraf), ("Tanda tangan (langkah 7)", signature)):
        if record is None:
            summary_items.append((label, "belum tercatat"))
        else:
            summary_items.append((label, raw(
                f"<strong>{text(record.name)}</strong><br>{text(record.jabatan or '–')}"
                f"<br>{text(html.date(record.at))}")))
    if report.final:
        check = ("Isi folder evaluasi yang diterbitkan sama dengan versi yang diparaf dan "
                 f"ditandatangani (pohon git {report.verification.current_tree[:12]}).")
        if report.verification.trust_root:
            check += (" Sidik akar kepercayaan (pejabat dan kunci pertama): "
                      f"{report.verification.trust_root}; sama di setiap PDF final.")
    else:
        check = f"Belum dapat dinyatakan final: {reason(report.verification)}."
    parts.append(html_block(
        html.definition_list(summary_items, "evkin-meta evkin-ttd")
        + f'\n<p class="evkin-catatan">{text(check)}</p>\n'
        + html.table(["No", "Keputusan", "Nama", "Jabatan", "NIP", "Waktu", "Keterangan"],
                     approval_rows(trail), css="evkin-jejak")))
    return "\n".join(parts)


def _timeline_state(step: StepProgress, first: bool) -> tuple[str, str]:
    """The label and badge kind of one step, from the timeline ``evkin status`` shows."""
    if step.state == "current":
        return "sedang berjalan", "netral"
    if step.state != "done":
        return "belum tercatat", "netral"
    if step.overdue:
        return "melebihi standar", "buruk"
    if first or step.start is None:
        return "awal proses", "netral"
    if not step.standard.is_days:
        return "dicatat per tanggal", "netral"
    return "sesuai standar", "baik"


def timeline_block(settings: Settings, report: Report) -> str:
    """The SOP timeline: the same dates and working days ``evkin status`` shows."""
    sop = settings.sop
    rows: list[list[html.Cell]] = []
    steps = report.timeline.steps if report.timeline else ()
    for i, s in enumerate(steps):
        step = sop.step(s.number)
        label, kind = _timeline_state(s, i == 0)
        elapsed = "–" if s.working_days is None else f"{s.working_days} hari kerja"
        rows.append([str(s.number), sop.role_label(s.actor), step.output,
                     html.date(s.start), html.date(s.end), s.standard.label(), elapsed,
                     raw(html.badge(label, kind))])
    note = ("Sama dengan evkin status. Lama dihitung dalam hari kerja dari mulai sampai selesai "
            "langkah (tanpa Sabtu, Minggu, libur nasional dan cuti bersama). Standar dalam hari "
            "dinilai; standar dalam menit atau jam berlaku untuk pelaksanaan kegiatan, yang "
            "tidak terlihat dari tanggal, sehingga hanya dicatat. Langkah yang sedang berjalan "
            "tidak dihitung di arsip.")
    return "\n".join([
        md_heading(2, "Linimasa SOP", "linimasa-sop"), "",
        html_block(html.table(["Langkah", "Pelaksana", "Keluaran", "Mulai", "Selesai",
                               "Standar waktu", "Lama", "Keterangan"], rows,
                              css="evkin-linimasa")
                   + f'\n<p class="evkin-catatan">{text(note)}</p>'),
    ])


def attachments_block(settings: Settings, report: Report, page: str) -> str:
    ev = report.evaluation
    target = paths.attachments_page(ev)
    items = []
    for step, spec in settings.sop.documents:
        doc = ev.documents.get(spec.key)
        detail = []
        if doc is not None:
            for key in ("nomor", "tanggal"):
                value = doc.meta.get(key)
                if value:
                    detail.append(html.date(value) if isinstance(value, dt.date) else str(value))
        href = paths.url(page, f"{target}#{spec.key.replace('_', '-')}")
        label = f"Langkah {step.number}: {spec.judul}"
        extra = f" <small>({text(', '.join(detail))})</small>" if detail else ""
        items.append(f"<li>{html.link(href, label)}{extra}</li>" if doc else
                     f"<li>{text(label)} <small>(tidak ada)</small></li>")
    return "\n".join([md_heading(2, "Lampiran", "lampiran"), "",
                      html_block("<ul>" + "".join(items) + "</ul>")])


def report_page(settings: Settings, report: Report, pdf: Pdf | Pending | None,
                charts: Sequence[str], assets: Assets) -> str:
    ev = report.evaluation
    page = paths.report_page(ev)
    report_dir = paths.report_dir(ev)
    rewrite = rewriter(ev.path, ev.path, page, report_dir, documents_map(settings, report),
                       assets)
    used = {"capaian-per-indikator", "persetujuan", "linimasa-sop", "lampiran", "laporan"}
    heading_titles: Sequence[str] = settings.section_titles("realisasi")
    chart_urls = [paths.url(page, c) for c in charts]
    # The report's own top headings become h2; the capaian table sits one level below
    # the "Realisasi Kinerja" heading it follows.
    realisasi_level = _section_level(report, heading_titles)
    insertion = capaian_block(report, chart_urls, min(6, realisasi_level + 1))

    follow_up = follow_up_block(page, report,
                                min(6, _section_level(report, settings.section_titles(
                                    "rekomendasi")) + 1))
    used.add("tindak-lanjut-rekomendasi")
    body, placed = render_body(ev.report_text, 2, rewrite, heading_titles, insertion,
                               used=used, more=[(settings.section_titles("rekomendasi"),
                                                 follow_up)])
    if not placed:
        body += "\n" + capaian_block(report, chart_urls, 2)
    display = title(report)
    heading = md_heading(1, ("DRAF – " if not report.final else "") + display, "laporan")
    return "\n".join([
        front_matter(page_title(report), f"{display}. Nomor {ev.nomor}.", ("navigation",),
                     values={PART_KEY: part_of(ev.id)}),
        heading, "",
        status_card(settings, report, pdf, page),
        body, "",
        approval_block(settings, report), "",
        timeline_block(settings, report), "",
        attachments_block(settings, report, page), "",
    ])


def _section_level(report: Report, titles: Sequence[str]) -> int:
    """The page level of the realisasi heading (report headings start at h2)."""

    sections = report.evaluation.sections
    if not sections:
        return 2
    top = min(s.level for s in sections)
    wanted = {normalise_heading(t) for t in titles}
    for s in sections:
        if normalise_heading(s.title) in wanted:
            return s.level - top + 2
    return 2
