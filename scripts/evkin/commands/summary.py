"""``evkin summary ID``: capaian and predikat per indicator, computed from the data."""

from __future__ import annotations

import argparse
import csv
import sys

from evkin import summary
from evkin.capaian import averages
from evkin.commands import settings_from
from evkin.evaluation.numbers import format_number, format_percent
from evkin.messages import t
from evkin.output import print_json, table


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("summary", help=t("summary.help"), description=t("summary.help"))
    p.add_argument("id", metavar="ID", help=t("summary.opt_id"))
    p.add_argument("--format", choices=("table", "json", "csv"), default="table")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from evkin.workspace import load_one, results_for

    settings = settings_from(args)
    checked = load_one(settings, args.id)
    results = results_for(settings, checked.evaluation)
    groups = averages(results, settings.scale)
    if checked.errors:
        print(t("summary.has_findings", {"id": checked.evaluation.id,
                                          "count": len(checked.errors)}), file=sys.stderr)
    if args.format == "json":
        print_json({
            "id": checked.evaluation.id,
            "periode": checked.evaluation.period.label() if checked.evaluation.period else None,
            "formula_negatif_bawaan": settings.negative_formula,
            "batas_atas": float(settings.cap) if settings.cap is not None else None,
            "indikator": [summary.json_row(r) for r in results],
            "sasaran": [summary.json_average(g) for g in groups],
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
    else:
        print(table([summary.text_row(r) for r in results], summary.headers(), {3, 4, 5}))
        print()
        for g in groups:
            print(t("summary.average", {
                "sasaran": g.sasaran,
                "value": format_percent(g.value) if g.value is not None else "–",
                "predikat": g.predikat or "–"}))
    return 1 if checked.errors else 0
