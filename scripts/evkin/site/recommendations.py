"""Recommendations on the archive site: the follow-up table of a report page, the page that
lists every recommendation with its status over the periods, and the home page's count.

Only reports the archive shows count: in a final build, what a draft says of a recommendation
changes nothing until the draft is approved.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Container, Mapping, Sequence

from evkin.evaluation.recommendations import (
    BELUM,
    Ledger,
    LedgerEntry,
    Record,
    Row,
    build_ledger,
)
from evkin.messages import t
from evkin.site import html, paths
from evkin.site.collect import Report
from evkin.site.safe import html_block, md_heading, text
from evkin.site.titles import front_matter
from evkin.timing import working_days_between

PAGE = f"{paths.GENERATED}/rekomendasi/index.md"
TITLE = "Tindak Lanjut Rekomendasi Evaluasi Sebelumnya"
ROW_HEADERS = ["Id", "Rekomendasi", "Penanggung jawab", "Tenggat", "Status", "Tindak lanjut",
               "Bukti"]
STATUS_KIND = {"selesai": "final", "tidak relevan lagi": "final", "dalam proses": "draf",
               BELUM: "draf"}


def shown_ledger(reports: Sequence[Report]) -> Ledger:
    """The ledger of the reports the archive shows."""
    return build_ledger(r.record for r in reports if r.record is not None)


def status_badge(status: str) -> str:
    return html.badge(status or BELUM, STATUS_KIND.get(status, "draf"))


def _evidence(page: str, report: Report, target: str) -> html.Cell:
    if not target:
        return "–"
    if target.startswith(("http://", "https://")):
        return html.raw(html.link(target, target))
    # A file of the evaluation folder: the site copies report files next to the page only
    # when the report links them, so name it rather than link a file that may not be there.
    return target


def follow_up_block(page: str, report: Report, level: int) -> str:
    """The table a report page shows after its Rekomendasi section (empty when none)."""
    rows: Sequence[Row] = report.follow_up
    if not rows:
        return ""
    body = [[r.id, r.teks or t("rec.text_not_final", {"id": r.id}, "id"),
             r.penanggung_jawab or "–", html.date(r.tenggat) if r.tenggat else "–",
             html.raw(status_badge(r.status)), r.uraian or "–", _evidence(page, report, r.bukti)]
            for r in rows]
    link = html.link(paths.url(page, PAGE), "Semua rekomendasi dan statusnya")
    return "\n".join([
        "", md_heading(level, TITLE, "tindak-lanjut-rekomendasi"), "",
        html_block(html.table(ROW_HEADERS, body, (), "evkin-tindak-lanjut")
                   + f'<p class="evkin-catatan">{link}.</p>'), ""])


def age(entry: LedgerEntry, dates: Mapping[str, dt.date | None], today: dt.date,
        holidays: Container[dt.date]) -> int | None:
    """Working days from the report that made the recommendation to the one that closed it,
    or to ``today`` while it is open."""
    start = dates.get(entry.recommendation.origin)
    closed = entry.closed_by
    end = dates.get(closed) if closed else today
    if start is None or end is None or end < start:
        return None
    return working_days_between(start, end, holidays)


def overdue(entry: LedgerEntry, today: dt.date) -> bool:
    """Still open after its deadline (the day itself is not late)."""
    deadline = entry.recommendation.tenggat
    return entry.open and deadline is not None and deadline < today


def tracker_page(reports: Sequence[Report], today: dt.date,
                 holidays: Container[dt.date]) -> str:
    """Every recommendation of the shown reports, open ones first, with each period's status."""
    ledger = shown_ledger(reports)
    by_id = {r.id: r for r in reports}
    dates = {r.id: r.evaluation.tanggal for r in reports}
    page = PAGE
    entries = ledger.sorted_entries()
    open_count = sum(1 for e in entries if e.open)
    overdue_count = 0
    rows: list[list[html.Cell]] = []
    for entry in entries:
        rec = entry.recommendation
        origin = by_id.get(rec.origin)
        ref = (html.raw(html.link(paths.url(page, paths.report_page(origin.evaluation)), rec.id))
               if origin else rec.id)
        history = "".join(
            f"<li>{_period_link(page, by_id.get(s.evaluation_id), s.evaluation_id)}: "
            f"{status_badge(s.follow_up.status)}</li>" for s in entry.steps)
        days = age(entry, dates, today, holidays)
        late = overdue(entry, today)
        overdue_count += late
        status = status_badge(entry.status) + (
            " " + html.badge("lewat tenggat", "lewat") if late else "")
        rows.append([
            ref, rec.teks, rec.penanggung_jawab,
            html.date(rec.tenggat) if rec.tenggat else "–",
            html.raw(status),
            html.raw(f"<ul>{history}</ul>" if history else "–"),
            "–" if days is None else str(days),
        ])
    late_badge = html.badge("lewat tenggat", "lewat")
    late_text = (f" <strong>{overdue_count}</strong> di antaranya {late_badge}."
                 if overdue_count else "")
    intro = (f"<p><strong>{open_count}</strong> dari {len(entries)} rekomendasi masih terbuka."
             f"{late_text} "
             "Rekomendasi tertutup hanya bila sebuah evaluasi menyatakannya <em>selesai</em> "
             "atau <em>tidak relevan lagi</em>. Umur dihitung dalam hari kerja (tanpa libur "
             "nasional dan cuti bersama) sejak tanggal laporan yang memberi rekomendasi, "
             "sampai laporan yang menutupnya atau, bila masih terbuka, sampai "
             f"{text(html.date(today))}.</p>")
    table = (html.table(["Id", "Rekomendasi", "Penanggung jawab", "Tenggat", "Status terkini",
                         "Status per periode", "Umur (hari kerja)"], rows, {6},
                        "evkin-rekomendasi")
             if rows else '<p class="evkin-catatan">Belum ada rekomendasi yang dicatat sebagai '
                          "data.</p>")
    return "\n".join([
        front_matter("Rekomendasi dan tindak lanjutnya", TITLE, ("navigation",)),
        md_heading(1, "Rekomendasi dan tindak lanjutnya", "rekomendasi"), "",
        html_block(intro + table, "evkin-rekomendasi-daftar"), ""])


def _period_link(page: str, report: Report | None, evaluation_id: str) -> str:
    if report is None:
        return text(evaluation_id)
    label = report.evaluation.period.label() if report.evaluation.period else evaluation_id
    return html.link(paths.url(page, paths.report_page(report.evaluation)), label)


def open_count(reports: Sequence[Report]) -> int:
    return sum(1 for e in shown_ledger(reports).entries.values() if e.open)


def records_of(reports: Sequence[Report]) -> list[Record]:
    return [r.record for r in reports if r.record is not None]
