"""``evkin summary ID``: capaian and predikat per indicator, computed from the data."""

from __future__ import annotations

import argparse
import csv
import sys

from evkin.commands import settings_from
from evkin.evaluation import summary
from evkin.messages import t
from evkin.numbers import format_number, format_percent
from evkin.output import print_json, table


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("summary", help=t("summary.help"), description=t("summary.help"))
    p.add_argument("id", metavar="ID", help=t("summary.opt_id"))
    p.add_argument("--format", choices=("table", "json", "csv"), default="table")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from evkin.report.assembly import assemble_ids

    settings = settings_from(args)
    checked = assemble_ids(settings, [args.id], timeline=False).reports[0]
    settings = checked.settings or settings  # as approved, for a final report
    results = checked.results
    groups = checked.averages
    if checked.all_errors:
        print(t("summary.has_findings", {"id": checked.evaluation.id,
                                          "count": len(checked.all_errors)}), file=sys.stderr)
    # Rows of the data file that could not be read are not in ``results``: name them in the
    # output itself, so a table pasted elsewhere cannot pass for complete.
    data_file = checked.evaluation.data_file
    left_out = [f for f in checked.all_errors if data_file and f.path == data_file]
    if args.format == "json":
        print_json({
            "id": checked.evaluation.id,
            "periode": checked.evaluation.period.label() if checked.evaluation.period else None,
            "formula_negatif_bawaan": settings.negative_formula,
            "batas_atas": float(settings.cap) if settings.cap is not None else None,
            "indikator": [summary.json_row(r) for r in results],
            "sasaran": [summary.json_average(g) for g in groups],
            "ditolak": [{"letak": f.location(), "pesan": f.message()} for f in left_out],
        })
    elif args.format == "csv":
        writer = csv.writer(sys.stdout, delimiter=";", lineterminator="\n")
        writer.writerow(t("summary.csv_headers").split(";"))
        for r in results:
            ind = r.indicator
            writer.writerow([
                ind.id, ind.sasaran, ind.indikator, ind.satuan, ind.polaritas,
                format_number(ind.target),
                format_number(ind.target_maks) if ind.target_maks is not None else "",
                format_number(ind.realisasi),
                format_number(r.rounded) if r.rounded is not None else "",
                r.predikat or "", r.formula,
            ])
        for f in left_out:
            writer.writerow([f.location(), "", t("summary.left_out_row", {"message": f.message()}),
                             "", "", "", "", "", "", "", ""])
    else:
        rows = [summary.text_row(r) for r in results]
        rows += [[str(f.where or ""), t("summary.left_out_row", {"message": f.message()}),
                  "", "", "", "–", "–", ""] for f in left_out]
        print(table(rows, summary.headers(), {3, 4, 5}))
        if left_out:
            print(t("summary.left_out", {"count": len(left_out), "file": data_file}))
        print()
        for g in groups:
            print(t("summary.average", {
                "sasaran": g.sasaran,
                "value": format_percent(g.value) if g.value is not None else "–",
                "predikat": g.predikat or "–"}))
    return 1 if checked.all_errors else 0
