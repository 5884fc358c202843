"""``evkin new``: a complete evaluation folder from the SOP, the settings and the previous
evaluation. Built aside and renamed into place, so it never half-exists or overwrites."""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Mapping
from decimal import Decimal
from importlib import resources
from pathlib import Path
from string import Template
from typing import Any

import yaml

from evkin.evaluation import recommendations as recs_data
from evkin.evaluation import recsheet, rencana_aksi
from evkin.evaluation.load import META_FILE, REPORT_FILE, evaluation_folders, load_evaluation
from evkin.evaluation.model import Evaluation, Period
from evkin.evaluation.predecessor import previous_id
from evkin.findings import EvkinError
from evkin.numbers import NumberProblem, format_number, parse_number
from evkin.settings import Person, Settings
from evkin.titlecase import title_case

FILL = "[[ISI: {}]]"
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(.*)$")


def _template(name: str) -> Template:
    return Template(resources.files("evkin").joinpath(f"templates/{name}")
                    .read_text(encoding="utf-8"))


def recommendations(previous: Evaluation) -> list[str]:
    """The list items of the previous report's recommendation section, one line each."""
    for section in previous.sections:
        if section.key != "rekomendasi":
            continue
        items: list[str] = []
        for line in section.body.splitlines():
            if line.lstrip().startswith("#"):
                break  # a sub-section (e.g. follow-up table) is not a recommendation
            match = _LIST_ITEM.match(line)
            if match:
                items.append(match.group(1).strip())
            elif items and line.strip():
                items[-1] += " " + line.strip()
        return items
    return []


def _follow_up(previous: Evaluation | None, tracked: bool) -> str:
    """The follow-up part of ``laporan.md``. With recommendations kept as data
    (``rekomendasi.yml``), the table is generated from ``tindak-lanjut.yml`` instead."""
    return "" if tracked else ("## Tindak Lanjut Rekomendasi Sebelumnya\n\n"
                               + _follow_up_text(previous))


def _follow_up_text(previous: Evaluation | None) -> str:
    if previous is None:
        return FILL.format("tindak lanjut rekomendasi evaluasi sebelumnya, atau tulis "
                           "'Belum ada evaluasi sebelumnya.'")
    items = recommendations(previous)
    if not items:
        return FILL.format(f"tindak lanjut rekomendasi evaluasi {previous.id}")
    rows = ["| Rekomendasi evaluasi " + previous.id + " | Status tindak lanjut |", "|---|---|"]
    for item in items:
        cell = item.replace("|", "\\|")
        rows.append(f"| {cell} | {FILL.format('status tindak lanjut')} |")
    return "\n".join(rows)


def _plain(value: Decimal) -> str:
    """A number ``indikator.csv`` reads back unambiguously: decimal comma, no thousands dot."""
    return format(value, "f").replace(".", ",")


def _target_cells(target: rencana_aksi.Target | None) -> list[str]:
    """``target`` and ``target_maks`` of a row (a range target from the rencana aksi keeps its
    upper bound)."""
    if target is None:
        return ["", ""]
    return [_plain(target.value), "" if target.maks is None else _plain(target.maks)]


def _indicator_csv(previous: Evaluation | None,
                   targets: Mapping[str, rencana_aksi.Target] | None = None,
                   source: Evaluation | None = None, skip: frozenset[str] = frozenset()) -> str:
    """``previous``: the evaluation compared with (its realisasi becomes realisasi_lalu);
    ``source``: where the rows come from when there is no previous one, or it holds no
    indicator yet (a quarterly evaluation planned in the rencana aksi takes the indicators of
    the latest evaluation that has them);
    ``targets``: targets by indicator id (from the rencana aksi); ``skip``: indicators the
    rencana aksi does not measure this quarter."""
    targets = targets or {}
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(["id", "sasaran", "indikator", "satuan", "polaritas", "target",
                     "target_maks", "realisasi", "formula", "realisasi_lalu"])
    if (previous is None or not previous.indicators) and source is not None \
            and source.indicators:
        for ind in source.indicators:
            if ind.id in skip:
                continue
            writer.writerow([ind.id, ind.sasaran, ind.indikator, ind.satuan, ind.polaritas,
                             *_target_cells(targets.get(ind.id)), "", ind.formula or "", ""])
        return out.getvalue()
    if previous is None or not previous.indicators:
        writer.writerow(["IK-01", FILL.format("sasaran strategis"),
                         FILL.format("indikator kinerja"), FILL.format("satuan"), "positif",
                         "", "", "", "", ""])
        return out.getvalue()
    for ind in previous.indicators:
        if ind.id in skip:
            continue
        writer.writerow([ind.id, ind.sasaran, ind.indikator, ind.satuan, ind.polaritas,
                         *_target_cells(targets.get(ind.id)), "", ind.formula or "",
                         format_number(ind.realisasi)])
    return out.getvalue()


def _names(people: tuple[Person, ...]) -> list[dict[str, str]]:
    return [{"nama": p.nama, "jabatan": p.jabatan} for p in people]


def _front_matter(kind: str, step: int, settings: Settings, period: str) -> dict[str, Any]:
    roles, sop = settings.roles, settings.sop
    date = FILL.format("TTTT-BB-HH")
    if kind == "nota_dinas":
        invite = step == 3
        return {
            "nomor": FILL.format("nomor nota dinas"),
            "tanggal": date,
            "kepada": ("Kepala Dinas, Pejabat Administrator dan Pejabat Pengawas" if invite
                       else sop.role_label("sekretaris")),
            "dari": sop.role_label(sop.step(step).actor),
            "tembusan": [] if invite else [sop.role_label("tim_sakip")],
            "sifat": "Biasa",
            "lampiran": "-" if invite else "1 (satu) berkas Realisasi Rencana Aksi "
                                           "Akuntabilitas Kinerja",
            "hal": (f"Undangan Rapat Pembahasan Evaluasi Kinerja Internal {period}" if invite
                    else f"Penugasan Evaluasi Kinerja Internal {period}"),
        }
    discussion = step == 4
    chair = roles.kepala_dinas if discussion else roles.sekretaris
    people = ((roles.kepala_dinas, roles.sekretaris, *roles.penerima, *roles.tim_sakip)
              if discussion else (roles.sekretaris, *roles.perencanaan, *roles.tim_sakip))
    return {
        "rapat": (f"Rapat Pembahasan Evaluasi Kinerja Internal {period}" if discussion
                  else f"Rapat Tim SAKIP tentang Pelaksanaan Evaluasi Kinerja Internal {period}"),
        "tanggal": date,
        "waktu": FILL.format("09.00 WIB"),
        "tempat": FILL.format("tempat rapat"),
        "pimpinan": f"{chair.nama} ({chair.jabatan})",
        "notulis": FILL.format("nama notulis"),
        "peserta": sorted({p.jabatan for p in people if p.jabatan}),
        "acara": ("Pembahasan target, realisasi, faktor pendorong, faktor penghambat dan "
                  "rekomendasi" if discussion
                  else f"Persiapan evaluasi kinerja internal {period}"),
        "daftar_hadir": _names(people),
    }


def _document(kind: str, step: int, settings: Settings, period: str) -> str:
    meta = yaml.safe_dump(_front_matter(kind, step, settings, period), sort_keys=False,
                          allow_unicode=True, width=100)
    if kind == "nota_dinas":
        body = FILL.format("isi nota dinas")
    else:
        body = "\n\n".join([
            "## Pembukaan", FILL.format("jam dan pimpinan pembukaan rapat"),
            "## Pembahasan", "1. " + FILL.format("pokok bahasan"),
            "## Keputusan", "- " + FILL.format("keputusan rapat"),
            "## Penutup", FILL.format("jam penutupan rapat"),
        ])
    return f"---\n{meta}---\n\n{body}\n"


def _latest_before(settings: Settings, period: Period) -> Evaluation | None:
    """The latest evaluation of any kind before ``period`` that has indicator rows, for its
    rows: the quarter before may be a draft whose realisasi is not filled in yet."""
    earlier = [f for f in evaluation_folders(settings)
               if (p := Period.from_id(f.name)) is not None and p < period]
    for folder in reversed(earlier):
        found = load_evaluation(folder, settings).evaluation
        if found.indicators:
            return found
    return None


def _approved_follow_ups(records: tuple[recs_data.Record, ...], is_final: Callable[[str], bool]
                         ) -> tuple[recs_data.Record, ...]:
    """Follow-up statuses count only from final reports (a verified approval trail): a draft's
    "selesai" was never approved, so its recommendations stay open with the status last
    approved."""
    from dataclasses import replace

    return tuple(r if not r.follow_ups or is_final(r.evaluation_id)
                 else replace(r, follow_ups=()) for r in records)


def _workbook(indicators_csv: str, evaluation_id: str,
              open_entries: list[recs_data.LedgerEntry]) -> bytes:
    """``indikator.xlsx`` for Tim SAKIP working in Excel: the indicator rows as in
    ``indikator.csv`` (numbers as numbers), and the sheets ``rekomendasi`` and ``tindak-lanjut``
    in place of the two YAML files, the open recommendations listed to follow up."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    sheet = book.active
    sheet.title = "indikator"
    rows = list(csv.reader(io.StringIO(indicators_csv), delimiter=";"))
    numeric = {"target", "target_maks", "realisasi", "realisasi_lalu"}
    for number, row in enumerate(rows):
        cells: list[object] = []
        for name, value in zip(rows[0], row, strict=False):
            if number and name in numeric and value:
                try:
                    cells.append(float(parse_number(value)))
                    continue
                except NumberProblem:
                    pass
            cells.append(value or None)
        sheet.append(cells)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for letter, width in zip("ABCDEFGHIJ", (8, 36, 48, 10, 10, 10, 12, 11, 9, 14),
                             strict=True):
        sheet.column_dimensions[letter].width = width
    # The two columns with fixed answers offer them as a list to pick from (as the
    # follow-up's status does); the header row stays in view while scrolling.
    for column, allowed in (("polaritas", "positif,negatif"), ("formula", "A,B")):
        letter = "ABCDEFGHIJ"[rows[0].index(column)]
        picker = DataValidation(type="list", formula1=f'"{allowed}"', allow_blank=True)
        sheet.add_data_validation(picker)
        picker.add(f"{letter}2:{letter}{len(rows) + 50}")
    sheet.freeze_panes = "A2"
    recommendations = [{"nomor": 1, "teks": FILL.format("rekomendasi singkat"),
                        "penanggung_jawab": FILL.format("jabatan penanggung jawab"),
                        "tenggat": None}]
    follow_ups = [{"rekomendasi": e.recommendation.id,
                   "isi rekomendasi": f"{e.recommendation.teks} (status terakhir: {e.status})"}
                  for e in open_entries]
    recsheet.write_sheets(book, recommendations, follow_ups, recs_data.STATUSES)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def scaffold(settings: Settings, evaluation_id: str, is_final: Callable[[str], bool],
             excel: bool = False) -> tuple[Path, str | None]:
    """Create ``evaluations/<id>``; returns the folder and the previous evaluation's id.
    ``is_final`` says whether an evaluation's approval trail verifies (the caller asks the
    trail verifier, a room above this one). ``excel``: indicators, recommendations and
    follow-ups in one ``indikator.xlsx``."""
    period = Period.from_id(evaluation_id)
    if period is None:
        raise EvkinError("new.bad_id", {"id": evaluation_id})
    base = settings.evaluations_dir
    target = base / evaluation_id
    if target.exists():
        raise EvkinError("new.exists", {"path": str(target)})
    existing = [p.name for p in base.iterdir() if p.is_dir()] if base.is_dir() else []
    stub = Evaluation(id=evaluation_id, path=target, period=period)
    prev_id = previous_id(stub, existing)
    previous = None
    if prev_id and (base / prev_id).is_dir():
        previous = load_evaluation(base / prev_id, settings).evaluation

    targets: dict[str, rencana_aksi.Target] = {}
    skip: frozenset[str] = frozenset()
    source = None
    if period.kind == "triwulan" and period.number is not None:
        plan = rencana_aksi.read_plan(settings.root, period.year)
        targets = rencana_aksi.targets_for(plan, period.number)
        skip = frozenset(rencana_aksi.unplanned(plan, period.number))
        if plan is not None and (previous is None or not previous.indicators):
            source = _latest_before(settings, period)
    records = _approved_follow_ups(recs_data.gather(settings, evaluation_folders(settings)),
                                   is_final)
    open_entries = recs_data.open_for_new(records, evaluation_id)
    tracked = bool(open_entries) or any(r.recommendations for r in records)

    label = period.label()
    titles = {f"judul_{a.key}": a.judul for a in settings.sop.analisis}
    report = _template("laporan.md").safe_substitute(
        periode=label,
        dasar_hukum="\n".join(f"{i}. {d};" for i, d in enumerate(
            [*settings.sop.dasar_hukum,
             f"SOP Nomor {settings.sop.nomor} tentang {settings.sop.nama}"], 1)),
        tindak_lanjut=_follow_up(previous, tracked),
        instansi=title_case(settings.agency.nama),
        **titles,
    )
    meta: dict[str, Any] = {
        "judul": f"Laporan Hasil Evaluasi Kinerja Internal {label}",
        "nomor": FILL.format("nomor laporan"),
        "tanggal": FILL.format("TTTT-BB-HH tanggal laporan"),
        "penyusun": [p.login or p.nama for p in settings.roles.tim_sakip]
        or [FILL.format("login anggota Tim SAKIP")],
    }
    if previous is not None:
        meta["sebelumnya"] = previous.id

    base.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{evaluation_id}.", dir=base))
    try:
        (staging / META_FILE).write_text(
            yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=100),
            encoding="utf-8")
        (staging / REPORT_FILE).write_text(report, encoding="utf-8")
        indicators = _indicator_csv(previous, targets, source, skip)
        if excel:
            (staging / "indikator.xlsx").write_bytes(
                _workbook(indicators, evaluation_id, open_entries))
        else:
            (staging / recs_data.RECOMMENDATIONS_FILE).write_text(
                recs_data.recommendations_template(evaluation_id), encoding="utf-8")
            if open_entries:
                (staging / recs_data.FOLLOW_UP_FILE).write_text(
                    recs_data.follow_up_template(open_entries), encoding="utf-8")
            (staging / "indikator.csv").write_text(indicators, encoding="utf-8")
        for step, spec in settings.sop.documents:
            path = staging / spec.file
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(_document(spec.kind, step.number, settings, label),
                            encoding="utf-8")
        os.rename(staging, target)  # fails rather than overwrite if target appeared meanwhile
    except OSError:
        shutil.rmtree(staging, ignore_errors=True)
        if target.exists():
            raise EvkinError("new.exists", {"path": str(target)}) from None
        raise
    return target, prev_id
