"""Home, the whole archive, one page per year and one per kind of period."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from evkin.settings import Settings
from evkin.site import html, paths
from evkin.site.collect import Report
from evkin.site.figures import overall, reason
from evkin.site.html import raw
from evkin.site.report import Pdf
from evkin.site.safe import html_block, md_heading, plain_title, text
from evkin.site.slots import Pending
from evkin.site.titles import front_matter, title

KINDS = {"tahunan": "Tahunan", "semester": "Semester", "triwulan": "Triwulan"}
LATEST = 6


def _nomor(nomor: str | None) -> html.Cell:
    """A report's letter number in a list, left out of the search index: a search for it
    finds the report's own page first, not every list that mentions it. It may break after
    a slash ('050/0142/ BMCKTR-2026'), never inside a part."""
    if not nomor:
        return "–"
    return raw(f"<span data-pagefind-ignore>{text(nomor).replace('/', '/<wbr>')}</span>")


def site_name(settings: Settings) -> str:
    return "Arsip Evaluasi Kinerja Internal"


def newest_first(reports: Sequence[Report]) -> list[Report]:
    return sorted(reports, key=lambda r: (r.evaluation.period is not None,
                                          r.evaluation.period, r.id), reverse=True)


def signed_on(report: Report) -> str:
    trail = report.verification.trail
    signature = trail.signature if trail else None
    if report.final and signature is not None:
        return html.date(signature.at.date())
    return "belum"


PdfMap = Mapping[str, Pdf | Pending]


def pdf_cell(page: str, pdf: Pdf | None) -> str:
    """The download link of a report list (see ``slots``)."""
    return html.link(paths.url(page, pdf.file), "PDF", download=True) if pdf else "–"


def report_rows(reports: Sequence[Report], page: str, pdfs: PdfMap) -> list[list[html.Cell]]:
    rows: list[list[html.Cell]] = []
    for r in reports:
        ev = r.evaluation
        name = html.link(paths.url(page, paths.report_page(ev)), title(r))
        if not r.final:
            name = html.badge("Draf", "draf") + " " + name
        pdf = pdfs.get(r.id)
        cell = pdf.token("sel", page) if isinstance(pdf, Pending) else pdf_cell(page, pdf)
        rows.append([ev.period.label() if ev.period else ev.id, raw(name), _nomor(ev.nomor),
                     signed_on(r), html.percent(overall(r.results)),
                     raw(f"<span data-search-exclude>{cell}</span>")])
    return rows


# "Rata-rata" kept whole: a squeezed list wrapped it after its hyphen ("Rata-", "rata", "capaian").
HEADERS: list[html.Cell] = ["Periode", "Laporan", "Nomor", "Ditandatangani",
                            raw('<span class="evkin-utuh">Rata-rata</span> capaian'), "Unduh"]


def reports_table(reports: Sequence[Report], page: str, pdfs: PdfMap) -> str:
    if not reports:
        return '<p class="evkin-catatan">Belum ada laporan.</p>'
    return html.table(HEADERS, report_rows(reports, page, pdfs), {4}, "evkin-daftar")


def home_page(settings: Settings, reports: Sequence[Report], pdfs: PdfMap,
              withheld: int, preview: bool, indicator_count: int,
              open_recommendations: int | None = None) -> str:
    page = paths.HOME
    agency = settings.agency
    latest = newest_first(reports)[:LATEST]
    cards = []
    for r in latest:
        ev = r.evaluation
        href = paths.url(page, paths.report_page(ev))
        best = html.predikat_badge(_overall_predikat(settings, r))
        state = "" if r.final else html.badge("Draf", "draf") + " "
        cards.append(
            f'<li class="evkin-kartu-laporan"><a href="{text(href)}">'
            f'<span class="evkin-periode">{state}{text(ev.period.label() if ev.period else ev.id)}'
            f"</span> <strong>{text(title(r))}</strong> "  # spaced: words stay apart in search
            f'<span class="evkin-kecil">Nomor {html.cell(_nomor(ev.nomor))} · ditandatangani '
            f"{text(signed_on(r))}</span> "
            f'<span class="evkin-angka">{text(html.percent(overall(r.results)))} {best}</span>'
            f"</a></li>")
    years = sorted({paths.year_of(r.evaluation) for r in reports}, reverse=True)
    year_links = " ".join(html.link(paths.url(page, paths.year_page(y)), y, "md-button")
                          for y in years)
    kinds = sorted({r.evaluation.period.kind for r in reports if r.evaluation.period})
    kind_links = " ".join(html.link(paths.url(page, paths.period_page(k)), KINDS.get(k, k),
                                    "md-button") for k in kinds)
    intro = (f'<p class="evkin-instansi">{text(agency.pemerintah)}<br>{text(agency.nama)}</p>'
             f"<p>Arsip resmi Laporan Hasil Evaluasi Kinerja Internal sesuai SOP "
             f"{text(settings.sop.nomor)}. Setiap laporan di sini telah diparaf Sekretaris dan "
             f"ditandatangani Kepala Dinas; isinya diperiksa sama dengan versi yang disetujui.</p>"
             f'<form class="evkin-cari-form" id="evkin-beranda-cari" role="search" '
             f'method="get" '
             f'action="{text(paths.url(page, "arsip/cari/index.md"))}">'
             f'<label for="evkin-kata-beranda">Cari laporan atau indikator</label> '
             f'<input id="evkin-kata-beranda" name="q" type="search" '
             f'placeholder="misalnya: jalan mantap"> <button type="submit" '
             f'class="md-button md-button--primary">Cari</button></form>'
             f"<p>"
             f"{html.link(paths.url(page, paths.ARCHIVE), 'Semua laporan', 'md-button')} "
             f"{html.link(paths.url(page, paths.INDICATORS), 'Tren indikator', 'md-button')} "
             f"{html.link(paths.url(page, paths.SOP), 'Alur SOP', 'md-button')}</p>")
    stats = (f'<ul class="evkin-statistik"><li><strong>{len(reports)}</strong> laporan</li>'
             f"<li><strong>{len(years)}</strong> tahun</li>"
             f"<li><strong>{indicator_count}</strong> indikator</li>"
             + ("" if open_recommendations is None else
                f'<li><a href="{text(paths.url(page, "arsip/rekomendasi/index.md"))}">'
                f"<strong>{open_recommendations}</strong> rekomendasi terbuka</a></li>")
             + "</ul>")
    parts = [front_matter(site_name(settings), hide=("navigation", "toc")),
             md_heading(1, "Arsip Laporan Hasil Evaluasi Kinerja Internal", "beranda"), "",
             html_block(intro + stats, "evkin-sambutan")]
    if preview:
        parts.append(html_block(
            '<p class="evkin-peringatan">Ini situs <strong>pratinjau</strong>: laporan yang '
            "belum disetujui ikut ditampilkan dan ditandai DRAF. Pratinjau tidak pernah "
            "diterbitkan.</p>"))
    parts += ["", md_heading(2, "Laporan terbaru", "laporan-terbaru"), ""]
    if cards:
        parts.append(html_block('<ul class="evkin-kartu-daftar">' + "".join(cards) + "</ul>"))
    else:
        parts.append(html_block(
            '<p class="evkin-catatan">Belum ada laporan yang selesai diparaf dan '
            "ditandatangani.</p>"))
    if withheld and not preview:
        parts.append(html_block(
            f'<p class="evkin-catatan">{withheld} evaluasi lain masih dalam proses dan belum '
            "diterbitkan.</p>"))
    parts += ["", md_heading(2, "Telusuri arsip", "telusuri"), "",
              html_block(f"<p><strong>Per tahun:</strong> {year_links or '–'}</p>"
                         f"<p><strong>Per jenis periode:</strong> {kind_links or '–'}</p>",
                         "evkin-telusuri")]
    return "\n".join(parts) + "\n"


def _overall_predikat(settings: Settings, report: Report) -> str | None:
    value = overall(report.results)
    return settings.scale.predikat(value) if value is not None else None


def archive_page(settings: Settings, reports: Sequence[Report], pdfs: PdfMap
                 ) -> str:
    page = paths.ARCHIVE
    parts = [front_matter("Semua laporan"),
             md_heading(1, "Semua laporan", "semua-laporan"), "",
             html_block("<p>Laporan terbaru di atas. Klik judul untuk membaca laporan, "
                        "persetujuan, linimasa SOP dan lampirannya.</p>")]
    by_year: dict[str, list[Report]] = {}
    for r in newest_first(reports):
        by_year.setdefault(paths.year_of(r.evaluation), []).append(r)
    for year, items in by_year.items():
        year_link = html.link(paths.url(page, paths.year_page(year)), f"Halaman Tahun {year}")
        parts += ["", md_heading(2, f"Tahun {year}", f"tahun-{year}"), "",
                  html_block(f"<p>{year_link}</p>\n" + reports_table(items, page, pdfs))]
    if not reports:
        parts.append(html_block(reports_table([], page, pdfs)))
    return "\n".join(parts) + "\n"


def year_page(settings: Settings, year: str, reports: Sequence[Report],
              pdfs: PdfMap) -> str:
    page = paths.year_page(year)
    return "\n".join([
        front_matter(plain_title(f"Laporan tahun {year}")),
        md_heading(1, f"Laporan tahun {year}", f"tahun-{year}"), "",
        html_block(reports_table(newest_first(reports), page, pdfs)),
    ]) + "\n"


def period_page(settings: Settings, kind: str, reports: Sequence[Report],
                pdfs: PdfMap) -> str:
    page = paths.period_page(kind)
    name = KINDS.get(kind, kind)
    return "\n".join([
        front_matter(plain_title(f"Laporan {name.lower()}")),
        md_heading(1, f"Laporan {name.lower()}", f"periode-{kind}"), "",
        html_block(reports_table(newest_first(reports), page, pdfs)),
    ]) + "\n"


def not_final_note(report: Report) -> str:
    return reason(report.verification)
