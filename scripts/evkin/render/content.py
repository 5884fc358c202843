"""What the official documents show, as plain data for the Typst template. Pure: no I/O.

Everything is formatted here (Indonesian numbers and dates, NIP spacing, sentences from the
catalogue in Indonesian), so the template only lays text out and never computes or parses.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from evkin.approval.records import Approval
from evkin.evaluation.capaian import GroupAverage, Result
from evkin.evaluation.model import Document, Evaluation, Section
from evkin.evaluation.summary import target_text
from evkin.messages import t
from evkin.numbers import format_number, format_percent
from evkin.render import indonesian
from evkin.render.chart import value_label
from evkin.settings import Agency, Person, Settings
from evkin.titlecase import title_case

if TYPE_CHECKING:
    from evkin.approval.trail import Verification
    from evkin.evaluation.recommendations import Row as FollowUpRow

DOC_LANG = "id"  # the official document is Indonesian whatever --lang says
PAPER_MM = {"A4": (210, 297), "F4": (215, 330)}
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
_NUMBERED = re.compile(r"^\s*(?:bab\s+\S+|[IVXLC]+[.)]|[A-Za-z][.)]|\d+(?:\.\d+)*[.)]?)\s",
                       re.I)

NOTA_DINAS_FIELDS = (("kepada", "Yth."), ("dari", "Dari"), ("tembusan", "Tembusan"),
                     ("tanggal", "Tanggal"), ("nomor", "Nomor"), ("sifat", "Sifat"),
                     ("lampiran", "Lampiran"), ("hal", "Hal"))
NOTULEN_FIELDS = (("tanggal", "Hari, tanggal"), ("waktu", "Waktu"), ("tempat", "Tempat"),
                  ("pimpinan", "Pimpinan rapat"), ("notulis", "Notulis"),
                  ("peserta", "Peserta"), ("acara", "Acara"))
NOTULEN_OWN = {"rapat", "daftar_hadir"}


def pct(value: Decimal | None) -> str:
    """``101,46 %`` with a no-break space (narrow table cells); ``–`` when there is none."""
    return format_percent(value).replace(" %", "\u00a0%") if value is not None else "–"


def d(key: str, **params: object) -> str:
    """A document sentence, always in Indonesian."""
    return t(key, params or None, DOC_LANG)


# ---------------------------------------------------------------- agency and people

def agency_data(agency: Agency) -> dict[str, Any]:
    address = agency.alamat
    if agency.telepon:
        address = f"{address}  Telepon {agency.telepon}" if address else f"Telepon {agency.telepon}"
    contacts = "  ".join(x for x in (
        f"Laman {agency.laman}" if agency.laman else "",
        f"Pos-el {agency.surel}" if agency.surel else "") if x)
    return {
        "pemerintah": agency.pemerintah.upper(),
        "nama": agency.nama.upper(),
        "lines": [line for line in (address, contacts) if line],
        "lambang": ("/" + agency.lambang.lstrip("/")) if agency.lambang else "",
        "lambang_alt": d("render.emblem_alt", pemerintah=title_case(agency.pemerintah)),
    }


def region(agency: Agency) -> str:
    """``PEMERINTAH PROVINSI SUMATERA BARAT`` → ``PROVINSI SUMATERA BARAT``."""
    text = agency.pemerintah.strip()
    return re.sub(r"^pemerintah\s+", "", text, flags=re.I)


def jabatan_full(person: Person, agency: Agency) -> str:
    """The signing title in capitals: a bare "Kepala Dinas" gets the agency and region."""
    jabatan = person.jabatan.strip() or "Kepala Dinas"
    words = jabatan.split()
    if words and words[-1].lower() == "dinas" and agency.nama.upper().startswith("DINAS"):
        head = " ".join(words[:-1])
        return f"{head} {agency.nama} {region(agency)}".upper()
    return jabatan.upper()


def signer(person: Person, lines: Sequence[str], place_date: str = "") -> dict[str, Any]:
    return {
        "place_date": place_date,
        "jabatan_lines": list(lines),
        "nama": person.nama,
        "pangkat": person.pangkat,
        "nip": person.nip_spaced if person.nip else "",
    }


def people(settings: Settings) -> list[tuple[str, Person]]:
    roles = settings.roles
    out: list[tuple[str, Person]] = [("kepala_dinas", roles.kepala_dinas),
                                     ("sekretaris", roles.sekretaris)]
    for role in ("tim_sakip", "perencanaan", "penerima"):
        out += [(role, p) for p in roles.holders(role)]
    return out


def person_for(settings: Settings, text: str) -> Person | None:
    """The official a document names, by jabatan ("Kepala Dinas") or by name."""
    wanted = " ".join(text.lower().split())
    if not wanted:
        return None
    for role, person in people(settings):
        titles = {person.jabatan.lower(), settings.sop.roles.get(role, "").lower()}
        if wanted in titles - {""}:
            return person
    for _, person in people(settings):
        if person.nama and wanted.startswith(person.nama.lower()):
            return person
    return None


def _name_only(text: str) -> str:
    """``Dra. Rina Marlina, M.Si. (Sekretaris)`` → ``Dra. Rina Marlina, M.Si.``."""
    return re.sub(r"\s*\([^()]*\)\s*$", "", text).strip()


# ---------------------------------------------------------------- capaian tables

def _formula_notes(results: Sequence[Result], settings: Settings) -> list[str]:
    notes = [d("render.note_symbols")]
    by_formula: dict[str, list[str]] = {}
    for r in results:
        by_formula.setdefault(r.formula, []).append(r.indicator.id)
    for formula in ("positif", "negatif-A", "negatif-B"):
        ids = by_formula.get(formula)
        if ids:
            notes.append(d(f"render.note_{formula}", ids=", ".join(ids)))
    ranged = [r.indicator.id for r in results if r.indicator.target_maks is not None]
    if ranged:
        notes.append(d("render.note_range", ids=", ".join(ranged)))
    capped = [r.indicator.id for r in results if r.capped]
    if capped and settings.cap is not None:
        notes.append(d("render.note_capped", cap=format_number(settings.cap),
                       ids=", ".join(capped)))
    for r in results:
        if r.problem:
            notes.append(f"{r.indicator.id}: {t(r.problem, {'id': r.indicator.id}, DOC_LANG)}")
    notes.append(d("render.note_scale", bands=scale_text(settings)))
    return notes


def scale_text(settings: Settings) -> str:
    parts = []
    for band in settings.scale.bands:
        if band.above is not None and band.upto is not None:
            parts.append(f"> {format_number(band.above)} s.d. {format_number(band.upto)} "
                         f"{band.label}")
        elif band.above is not None:
            parts.append(f"> {format_number(band.above)} {band.label}")
        elif band.upto is not None:
            parts.append(f"≤ {format_number(band.upto)} {band.label}")
    return "; ".join(parts)


def capaian_table(results: Sequence[Result], group_averages: Sequence[GroupAverage],
                  settings: Settings, period: str) -> dict[str, Any]:
    """Table 1: per sasaran, each indicator's target, realisasi, capaian and predikat, and the
    sasaran's average as the assembly computed it (``Assembled.averages``)."""
    groups: dict[str, list[list[str]]] = {}
    for number, r in enumerate(results, 1):
        ind = r.indicator
        groups.setdefault(ind.sasaran, []).append([
            f"{number}.", f"{ind.indikator} ({ind.id})", ind.satuan, target_text(r),
            format_number(ind.realisasi),
            pct(r.value),
            r.predikat or "–",
        ])
    averages_by = {a.sasaran: a for a in group_averages}
    out_groups = []
    for name, rows in groups.items():
        avg = averages_by[name]
        out_groups.append({
            "sasaran": d("render.sasaran_row", sasaran=name),
            "rows": rows,
            "average_label": d("render.average_row"),
            "average": pct(avg.value),
            "predikat": avg.predikat or "–",
        })
    return {
        "caption": d("render.table_capaian", period=period),
        "headers": d("render.capaian_headers").split("|"),
        "groups": out_groups,
        "notes": _formula_notes(results, settings),
    }


def _signed(value: Decimal) -> str:
    """``+2,73`` or ``−1,15``: a typographic minus sign, not a hyphen."""
    sign = "+" if value > 0 else "\u2212" if value < 0 else ""
    return sign + format_number(abs(value), 2)


def keep_year(title: str) -> str:
    """A title whose last word (the year) never stands alone on a line: joined to the word
    before it by a no-break space ("Tahun 2026")."""
    head, space, last = title.rstrip().rpartition(" ")
    return f"{head}\u00a0{last}" if space and head else title


def comparison_table(results: Sequence[Result], period: str,
                     previous: str | None) -> dict[str, Any] | None:
    """Table 2: realisasi and capaian against the previous period, where known."""
    rows = []
    for number, r in enumerate(results, 1):
        ind = r.indicator
        if r.previous is None and ind.realisasi_lalu is None:
            continue
        rows.append([
            f"{number}.", f"{ind.indikator} ({ind.id})",
            format_number(ind.realisasi_lalu) if ind.realisasi_lalu is not None else "–",
            format_number(ind.realisasi),
            pct(r.previous),
            pct(r.value),
            _signed(r.change) if r.change is not None else "–",
        ])
    if not rows:
        return None
    before = previous or d("render.previous_unknown")
    return {
        "caption": d("render.table_comparison", period=period, previous=before),
        "headers": d("render.comparison_headers", period=period, previous=before).split("|"),
        "rows": rows,
        "notes": [d("render.note_comparison")],
    }


def chart_alt(results: Sequence[Result]) -> str:

    items = "; ".join(f"{r.indicator.id} {value_label(r)}" for r in results)
    return d("render.chart_alt", items=items)


# ---------------------------------------------------------------- approval state

def approval_state(verification: Verification, kepala: Person,
                   sekretaris: Person, evaluation_id: str) -> tuple[dict[str, Any],
                                                                    dict[str, Any]]:
    """(state note in the signature space, the Sekretaris' paraf box)."""
    trail = verification.trail
    trail_file = f"persetujuan/{evaluation_id}.yml"
    paraf_title = d("render.paraf_title")
    jabatan = sekretaris.jabatan or "Sekretaris"
    if verification.ok and trail and trail.paraf and trail.signature:
        signature: Approval = trail.signature
        paraf: Approval = trail.paraf
        note = d("render.signed_note", nama=signature.name or kepala.nama,
                 waktu=indonesian.waktu(signature.at), trail=trail_file)
        if verification.trust_root:
            note += " " + d("render.trust_root", akar=verification.trust_root)
        state = {"signed": True, "note": note}
        box = {"title": paraf_title, "jabatan": jabatan, "status": d(
            "render.paraf_done", nama=paraf.name or sekretaris.nama,
            waktu=indonesian.waktu(paraf.at))}
        return state, box
    reason = (t(verification.reason, verification.params, DOC_LANG)
              if verification.reason else "")
    paraf_now = trail.paraf if trail else None
    if paraf_now and verification.current_tree and paraf_now.tree == verification.current_tree:
        status = d("render.paraf_done", nama=paraf_now.name or sekretaris.nama,
                   waktu=indonesian.waktu(paraf_now.at))
    else:
        status = d("render.paraf_pending")
    state = {"signed": False, "note": d("render.unsigned_note", reason=reason)}
    return state, {"title": paraf_title, "jabatan": jabatan, "status": status}


# ---------------------------------------------------------------- the report

def user_numbered(sections: Sequence[Section]) -> bool:
    """True when the authors numbered their headings themselves (``1. Pendahuluan``)."""
    return any(_NUMBERED.match(s.title) for s in sections if s.level <= 3)


def realisasi_heading(evaluation: Evaluation) -> int:
    """The 0-based index of the "Realisasi Kinerja" heading, -1 when there is none."""
    for index, section in enumerate(evaluation.sections):
        if section.key == "realisasi":
            return index
    return -1


def section_index(evaluation: Evaluation, key: str) -> int:
    """The 0-based index of the heading of analysis section ``key``, -1 when there is none."""
    for index, section in enumerate(evaluation.sections):
        if section.key == key:
            return index
    return -1


def follow_up_table(rows: Sequence[FollowUpRow]) -> dict[str, Any] | None:
    """The follow-up of earlier evaluations' recommendations, as the evaluation states it."""
    if not rows:
        return None
    return {
        "caption": d("rec.table_title"),
        "headers": d("render.follow_up_headers").split("|"),
        "rows": [[
            f"{n}.", f"{r.teks} ({r.id})" if r.teks else d("rec.text_not_final", id=r.id),
            r.penanggung_jawab or "–",
            indonesian.tanggal(r.tenggat) if r.tenggat else "–",
            r.status[:1].upper() + r.status[1:],
            r.uraian or "–",
        ] for n, r in enumerate(rows, 1)],
        "notes": [d("render.follow_up_evidence", items="; ".join(
            f"{r.id}: {r.bukti}" for r in rows if r.bukti))] if any(r.bukti for r in rows)
        else [],
    }


def period_label(evaluation: Evaluation) -> str:
    return evaluation.period.label() if evaluation.period else ""


def report_data(settings: Settings, evaluation: Evaluation, results: Sequence[Result],
                group_averages: Sequence[GroupAverage], previous_label: str | None,
                verification: Verification, charts: Sequence[str]) -> dict[str, Any]:
    period = period_label(evaluation)
    roles = settings.roles
    place_date = indonesian.date_line(settings.agency.kota, evaluation.tanggal)
    state, paraf = approval_state(verification, roles.kepala_dinas, roles.sekretaris,
                                  evaluation.id)
    alt = chart_alt(results)
    total = len(charts)
    return {
        "title": evaluation.judul or d("render.default_title", period=period),
        "title_display": keep_year(evaluation.judul or d("render.default_title",
                                                         period=period)),
        "nomor": evaluation.nomor or "-",
        "period": period,
        "numbered": not user_numbered(evaluation.sections),
        "capaian": capaian_table(results, group_averages, settings, period),
        "comparison": comparison_table(results, period, previous_label),
        "charts": {"items": [{
            "svg": svg, "alt": alt,
            "caption": d("render.chart_caption", period=period) + (
                f" ({i}/{total})" if total > 1 else ""),
        } for i, svg in enumerate(charts, 1)]},
        "signer": signer(roles.kepala_dinas,
                         [jabatan_full(roles.kepala_dinas, settings.agency) + ","], place_date),
        "state": state,
        "paraf": paraf,
    }


def meta(settings: Settings, title: str, subject: str, keywords: Sequence[str]
         ) -> dict[str, Any]:
    agency = settings.agency
    return {
        "title": title,
        "author": f"{agency.nama}, {agency.pemerintah}",
        "subject": subject,
        "keywords": [k for k in keywords if k],
    }


# ---------------------------------------------------------------- step 1–4 documents

def _field_rows(meta_values: Mapping[str, Any], order: Sequence[tuple[str, str]],
                skip: set[str], dates: str) -> list[list[str]]:
    rows = []
    known = {key for key, _ in order} | skip
    for key, label in order:
        value = meta_values.get(key)
        if value is None or value == "" or value == []:
            continue
        if key == "tanggal" and isinstance(value, dt.date):
            text = (indonesian.hari_tanggal(value) if dates == "hari"
                    else indonesian.tanggal(value))
        else:
            text = indonesian.text_value(value)
        rows.append([label, text])
    for key, value in meta_values.items():  # nothing the author wrote is dropped
        if key in known or value is None or value == "":
            continue
        rows.append([key.replace("_", " ").capitalize(), indonesian.text_value(value)])
    return rows


def _attendance_rows(raw: object) -> list[list[str]]:
    rows = []
    if isinstance(raw, list):
        for number, entry in enumerate(raw, 1):
            if isinstance(entry, Mapping):
                rows.append([f"{number}.", str(entry.get("nama") or ""),
                             str(entry.get("jabatan") or "")])
            else:
                rows.append([f"{number}.", indonesian.text_value(entry), ""])
    return rows


def document_data(settings: Settings, document: Document, kind: str, title: str,
                  number: int) -> dict[str, Any]:
    """A Nota Dinas or a notulen (with its daftar hadir) as template data."""
    m = document.meta
    lampiran_number = ROMAN[number - 1] if 0 < number <= len(ROMAN) else str(number)
    if kind == "nota_dinas":
        dari = indonesian.text_value(m.get("dari"))
        person = person_for(settings, dari)
        lines = [(jabatan_full(person, settings.agency) if person else dari.upper()) + ","]
        sign = signer(person, lines) if person else {
            "place_date": "", "jabatan_lines": lines, "nama": d("render.name_unknown"),
            "pangkat": "", "nip": ""}
        return {
            "kind": kind, "key": document.key, "title": title,
            "lampiran_number": lampiran_number, "subtitle": "",
            "nomor": "",
            "fields": _field_rows(m, NOTA_DINAS_FIELDS, set(), "tanggal"),
            "signers": [sign], "hadir": None,
        }
    signers = []
    for key, role in (("pimpinan", "render.role_pimpinan"), ("notulis", "render.role_notulis")):
        text = indonesian.text_value(m.get(key))
        person = person_for(settings, _name_only(text))
        name = person.nama if person else (_name_only(text) or d("render.name_unknown"))
        signers.append({"place_date": "", "jabatan_lines": [d(role) + ","], "nama": name,
                        "pangkat": "", "nip": person.nip_spaced if person and person.nip
                        else ""})
    hadir_raw = m.get("daftar_hadir")
    hadir = None
    if hadir_raw is not None:
        hadir = {"fields": _field_rows({k: m.get(k) for k in ("tanggal", "tempat", "acara")},
                                       NOTULEN_FIELDS, set(), "hari"),
                 "rows": _attendance_rows(hadir_raw)}
    return {
        "kind": kind, "key": document.key, "title": title,
        "lampiran_number": lampiran_number,
        "subtitle": indonesian.text_value(m.get("rapat")),
        "nomor": "",
        "fields": _field_rows(m, NOTULEN_FIELDS, NOTULEN_OWN, "hari"),
        "signers": signers,
        "hadir": hadir,
    }
