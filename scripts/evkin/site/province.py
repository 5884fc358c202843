"""What an agency's archive publishes for a province portal, inside its signed manifest: per
report its year, period, predikat, average capaian, a short summary and where its trail is;
for the archive, the recommendations still open. A portal reads these facts only under the
manifest's record-key signature, never from the agency's HTML."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from evkin.site import paths
from evkin.site.collect import Report
from evkin.site.figures import overall
from evkin.site.recommendations import shown_ledger
from evkin.site.search import filters, summary

TRAIL_FILE = "persetujuan.yml"  # beside the report page: the approval trail as recorded


def trail_file(report: Report) -> str:
    return f"{paths.report_dir(report.evaluation)}/{TRAIL_FILE}"


def report_facts(report: Report) -> dict[str, Any]:

    average = overall(report.results)
    return {**filters(report),
            "capaian": None if average is None else f"{average:.2f}".replace(".", ","),
            "ringkasan": summary(report),
            "jejak": trail_file(report)}


def open_recommendations(reports: Sequence[Report]) -> list[dict[str, Any]]:
    """The recommendations of the final reports still open, oldest first."""

    finals = [r for r in reports if r.final]
    out = []
    for entry in shown_ledger(finals).sorted_entries():
        if not entry.open:
            continue
        rec = entry.recommendation
        out.append({"id": rec.id, "asal": rec.origin, "teks": rec.teks,
                    "penanggung_jawab": rec.penanggung_jawab,
                    "tenggat": rec.tenggat.isoformat() if rec.tenggat else None,
                    "status": entry.status})
    return out
