"""Recommendations of an evaluation and their follow-up in later evaluations.

Each evaluation may hold ``rekomendasi.yml`` (its own recommendations, each with a stable id
``<evaluation id>-R<nomor>``) and ``tindak-lanjut.yml`` (the follow-up of every recommendation of
an earlier evaluation that is still open). Reading is at the edge (``read_folder``); the ledger
(``build_ledger``) and the findings (``findings_for``) are pure.

A recommendation closes only when an evaluation says ``selesai`` or ``tidak relevan lagi``; until
then every later evaluation must say where it stands.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from evkin.evaluation import recsheet
from evkin.evaluation.load import evaluation_folders
from evkin.evaluation.model import TEMPLATE_MARK, Period
from evkin.findings import Finding
from evkin.indonesian_dates import bad_date
from evkin.shorten import shortened
from evkin.yamlfile import LinedDict, YamlProblem, parse, read_text

if TYPE_CHECKING:
    from evkin.evaluation.model import Period
    from evkin.settings import Settings

RECOMMENDATIONS_FILE = "rekomendasi.yml"
FOLLOW_UP_FILE = "tindak-lanjut.yml"

BELUM = "belum ditindaklanjuti"
PROSES = "dalam proses"
SELESAI = "selesai"
TIDAK_RELEVAN = "tidak relevan lagi"
STATUSES = (BELUM, PROSES, SELESAI, TIDAK_RELEVAN)
CLOSING = frozenset({SELESAI, TIDAK_RELEVAN})
_ID = re.compile(r"^(?P<origin>.+)-R(?P<nomor>\d+)$")


def recommendation_id(origin: str, nomor: int) -> str:
    """``2024-tahunan`` and 1 → ``2024-tahunan-R1``: the id never changes once given."""
    return f"{origin}-R{nomor}"


def origin_of(rec_id: str) -> str | None:
    match = _ID.match(rec_id)
    return match["origin"] if match else None


def normalise_status(text: str) -> str | None:
    """``Dalam Proses``, ``dalam_proses``, ``dalam-proses`` → ``dalam proses``; else None."""
    key = " ".join(re.sub(r"[_-]", " ", text).lower().split()).rstrip(".,;:! ")
    return key if key in STATUSES else None


@dataclass(frozen=True)
class Recommendation:
    id: str
    origin: str  # evaluation id that made it
    nomor: int
    teks: str
    penanggung_jawab: str
    tenggat: dt.date | None
    line: int | None = None
    templated: bool = False  # still holds [[ISI: …]] (reported as such, not as empty)
    lines: Mapping[str, int] = field(default_factory=dict, compare=False)

    def line_of(self, key: str) -> int | None:
        return self.lines.get(key, self.line)


@dataclass(frozen=True)
class FollowUp:
    rekomendasi: str  # recommendation id
    status: str  # one of STATUSES ("" when unreadable)
    uraian: str = ""  # what was done
    alasan: str = ""  # why no longer relevant
    bukti: str = ""  # a file in the folder or an http(s) link
    line: int | None = None
    templated: bool = False
    lines: Mapping[str, int] = field(default_factory=dict, compare=False)

    def line_of(self, key: str) -> int | None:
        return self.lines.get(key, self.line)


@dataclass(frozen=True)
class Record:
    """The recommendation data of one evaluation folder."""

    evaluation_id: str
    period: Period | None
    recommendations: tuple[Recommendation, ...] = ()
    follow_ups: tuple[FollowUp, ...] = ()
    has_follow_up_file: bool = False
    # Where the recommendations and follow-ups were read when not from the YAML files: the
    # workbook's sheets (repository path of indikator.xlsx), so findings name sheet and row.
    sheet_file: str = ""


# ---------------------------------------------------------------- reading (I/O edge)

def read_folder(folder: Path, root: Path) -> tuple[Record, list[Finding]]:
    """``rekomendasi.yml`` and ``tindak-lanjut.yml`` of ``folder`` (both optional)."""

    findings: list[Finding] = []
    evaluation_id = folder.name
    recs_path, follow_path = folder / RECOMMENDATIONS_FILE, folder / FOLLOW_UP_FILE
    workbook = folder / recsheet.DATA_FILE
    sheets = recsheet.Sheets()
    if not (recs_path.is_file() and follow_path.is_file()) and recsheet.has_sheets(workbook):
        sheets = recsheet.read(workbook, _rel(workbook, root))
        findings += sheets.findings
    for name, path in ((recsheet.RECOMMENDATIONS, recs_path), (recsheet.FOLLOW_UPS, follow_path)):
        if name in sheets.entries and path.is_file():
            findings.append(Finding(_rel(path, root), None, "rec.two_sources", {
                "file": path.name, "sheet": name, "workbook": workbook.name}))
    recs_rel, follow_rel = _rel(recs_path, root), _rel(follow_path, root)
    sheet_rel = _rel(workbook, root)
    if recsheet.RECOMMENDATIONS in sheets.entries and not recs_path.is_file():
        recs, recs_rel = sheets.entries[recsheet.RECOMMENDATIONS], sheet_rel
    else:
        recs = _entries(recs_path, root, findings)
    if recsheet.FOLLOW_UPS in sheets.entries and not follow_path.is_file():
        follows, follow_rel = sheets.entries[recsheet.FOLLOW_UPS], sheet_rel + "#"
    else:
        follows = _entries(follow_path, root, findings)
    made = tuple(_recommendations(evaluation_id, recs, recs_rel, findings))
    followed = tuple(_follow_ups(follows, follow_rel, findings))
    record = Record(
        evaluation_id, Period.from_id(evaluation_id), made, followed,
        follow_path.is_file() or recsheet.FOLLOW_UPS in sheets.entries,
        sheet_rel if sheets.entries else "")
    return record, _located(record, findings)


def _located(record: Record, findings: list[Finding]) -> list[Finding]:
    """Findings about sheet rows (located by row number at the workbook, ``#`` marking the
    follow-up sheet) as "lembar <sheet> baris <row>"."""

    if not record.sheet_file:
        return findings
    out = recsheet.relocate(findings, record.sheet_file, recsheet.RECOMMENDATIONS)
    out = recsheet.relocate(out, record.sheet_file + "#", recsheet.FOLLOW_UPS)
    return [Finding(record.sheet_file, f.where, f.code, f.params, f.severity)
            if f.path == record.sheet_file + "#" else f for f in out]


def _rel(path: Path, root: Path) -> str:
    base = _resolved(root)
    for candidate in (root, base):
        if path.is_relative_to(candidate):
            return path.relative_to(candidate).as_posix()
    resolved = path.resolve()
    if resolved.is_relative_to(base):
        return resolved.relative_to(base).as_posix()
    return path.as_posix()


@lru_cache(maxsize=8)
def _resolved(path: Path) -> Path:
    return path.resolve()


def _entries(path: Path, root: Path, findings: list[Finding]) -> list[LinedDict]:
    if not path.is_file():
        return []
    rel = _rel(path, root)
    try:
        text = read_text(path)
    except UnicodeDecodeError:
        findings.append(Finding(rel, None, "file.not_utf8"))
        return []
    except OSError as exc:
        findings.append(Finding(rel, None, "file.unreadable",
                                {"detail": exc.strerror or str(exc)}))
        return []
    try:
        data = parse(text)
    except YamlProblem as problem:
        findings.append(Finding(rel, problem.line, "yaml.invalid", {"detail": problem.detail}))
        return []
    for number, line in enumerate(text.splitlines(), 1):
        if TEMPLATE_MARK in line:
            start = line.find(TEMPLATE_MARK)
            end = line.find("]]", start)
            findings.append(Finding(rel, number, "template.left",
                                    {"text": line[start:end + 2] if end != -1 else line[start:]}))
    if data is None:
        return []
    if not isinstance(data, list):
        findings.append(Finding(rel, 1, "rec.not_list", {"file": path.name}))
        return []
    out = []
    for number, entry in enumerate(data, 1):
        if isinstance(entry, LinedDict):
            out.append(entry)
        else:
            findings.append(Finding(rel, _line_near(text, number), "rec.entry_not_mapping",
                                    {"number": number}))
    return out


def _line_near(text: str, number: int) -> int | None:
    """The line of the ``number``-th top-level list item, for entries that are not mappings."""
    seen = 0
    for i, line in enumerate(text.splitlines(), 1):
        if line.startswith("-"):
            seen += 1
            if seen == number:
                return i
    return None


def _text(entry: LinedDict, key: str) -> str:
    value = entry.get(key)
    return "" if value is None else " ".join(str(value).split())


def _recommendations(origin: str, entries: Sequence[LinedDict], rel: str,
                     findings: list[Finding]) -> Iterator[Recommendation]:
    seen: dict[int, int] = {}
    for entry in entries:
        nomor = entry.get("nomor")
        if isinstance(nomor, bool) or not isinstance(nomor, int) or nomor < 1:
            findings.append(Finding(rel, entry.line_of("nomor"), "rec.bad_number",
                                    {"value": "" if nomor is None else nomor}))
            continue
        if nomor in seen:
            findings.append(Finding(rel, entry.line_of("nomor"), "rec.duplicate_number",
                                    {"nomor": nomor, "first": seen[nomor]}))
            continue
        seen[nomor] = entry.line
        tenggat = entry.get("tenggat")
        if tenggat is not None and not isinstance(tenggat, dt.date) \
                and TEMPLATE_MARK not in str(tenggat):
            findings.append(Finding(rel, entry.line_of("tenggat"), "meta.bad_date",
                                    bad_date("tenggat", tenggat)))
        yield Recommendation(
            recommendation_id(origin, nomor), origin, nomor, _text(entry, "teks"),
            _text(entry, "penanggung_jawab"),
            tenggat if isinstance(tenggat, dt.date) else None, entry.line, _templated(entry),
            dict(entry.lines))


def _follow_ups(entries: Sequence[LinedDict], rel: str,
                findings: list[Finding]) -> Iterator[FollowUp]:
    for entry in entries:
        raw_status = _text(entry, "status")
        status = normalise_status(raw_status) or raw_status  # unknown ones stay as written
        if raw_status and status not in STATUSES and TEMPLATE_MARK not in raw_status:
            findings.append(Finding(rel, entry.line_of("status"), "rec.bad_status",
                                    {"value": raw_status, "allowed": ", ".join(STATUSES)}))
        yield FollowUp(_text(entry, "rekomendasi"), status, _text(entry, "uraian"),
                       _text(entry, "alasan"), _text(entry, "bukti"), entry.line,
                       _templated(entry), dict(entry.lines))


def _templated(entry: LinedDict) -> bool:
    return any(TEMPLATE_MARK in str(value) for value in entry.values())


def gather(settings: Settings, folders: Iterable[Path]) -> tuple[Record, ...]:
    """The recommendation records of every folder (only the two small files are read)."""
    return tuple(read_folder(folder, settings.root)[0] for folder in folders)


# ---------------------------------------------------------------- the ledger (pure)

@dataclass(frozen=True)
class FollowUpStep:
    """What one evaluation said about a recommendation."""

    evaluation_id: str
    follow_up: FollowUp


@dataclass(frozen=True)
class LedgerEntry:
    recommendation: Recommendation
    steps: tuple[FollowUpStep, ...] = ()  # oldest first

    @property
    def status(self) -> str:
        return self.steps[-1].follow_up.status if self.steps else BELUM

    @property
    def closed_by(self) -> str | None:
        for step in self.steps:
            if step.follow_up.status in CLOSING:
                return step.evaluation_id
        return None

    @property
    def open(self) -> bool:
        return self.closed_by is None


@dataclass(frozen=True)
class Ledger:
    records: tuple[Record, ...]  # period order
    entries: dict[str, LedgerEntry] = field(default_factory=dict)

    @cached_property
    def order(self) -> dict[str, int]:
        """Each evaluation's place in period order (asked once per evaluation checked: built
        once, not once per question)."""
        return {r.evaluation_id: i for i, r in enumerate(self.records)}

    def open_before(self, evaluation_id: str) -> list[LedgerEntry]:
        """Recommendations made by an earlier evaluation and not closed by one earlier than
        ``evaluation_id``: the ones this evaluation must follow up."""
        order = self.order
        here = order.get(evaluation_id)
        if here is None:
            return []
        out = []
        for entry in self.entries.values():
            if order.get(entry.recommendation.origin, here) >= here:
                continue
            # As known before ``evaluation_id``: a later evaluation's status is not "the last
            # one" for it (else "masih terbuka (status: selesai)").
            steps = tuple(s for s in entry.steps if order.get(s.evaluation_id, here) < here)
            if not any(s.follow_up.status in CLOSING for s in steps):
                out.append(LedgerEntry(entry.recommendation, steps))
        return out

    def sorted_entries(self) -> list[LedgerEntry]:
        """Open ones first, then by origin (period order) and number."""
        order = self.order
        return sorted(self.entries.values(), key=lambda e: (
            not e.open, order.get(e.recommendation.origin, 0), e.recommendation.nomor))


def build_ledger(records: Iterable[Record]) -> Ledger:
    """Every recommendation with what each later evaluation said of it. Records without a
    period are left out (they have no place in time)."""
    ordered = tuple(sorted((r for r in records if r.period is not None),
                           key=lambda r: (r.period, r.evaluation_id)))
    entries: dict[str, LedgerEntry] = {}
    for record in ordered:
        for rec in record.recommendations:
            entries.setdefault(rec.id, LedgerEntry(rec))
    order = {r.evaluation_id: i for i, r in enumerate(ordered)}
    for record in ordered:
        for follow in record.follow_ups:
            entry = entries.get(follow.rekomendasi)
            if entry is None or order[entry.recommendation.origin] >= order[record.evaluation_id]:
                continue
            if entry.closed_by is not None:
                continue  # said again after closing: reported, not counted
            entries[follow.rekomendasi] = LedgerEntry(
                entry.recommendation,
                (*entry.steps, FollowUpStep(record.evaluation_id, follow)))
    return Ledger(ordered, entries)


def units(settings: Settings) -> tuple[str, ...]:
    """The responsible units the settings' organisation knows: every official's jabatan and
    the SOP's role names."""
    names: list[str] = []
    roles = settings.roles
    people = (roles.kepala_dinas, roles.sekretaris, *roles.tim_sakip, *roles.perencanaan,
              *roles.penerima)
    for person in people:
        if person.jabatan and person.jabatan not in names:
            names.append(person.jabatan)
    for label in settings.sop.roles.values():
        if label and label not in names:
            names.append(label)
    return tuple(names)


def _same(a: str, b: str) -> bool:
    return " ".join(a.lower().split()) == " ".join(b.lower().split())


def findings_for(record: Record, ledger: Ledger, known_units: Sequence[str],
                 folder_root: Path, root: Path) -> Iterator[Finding]:
    """What is wrong with one evaluation's recommendations and follow-ups, given the ledger of
    every evaluation. ``folder_root``: the evaluation folder (for evidence files)."""
    yield from _located(record, list(_findings_for(record, ledger, known_units, folder_root,
                                                   root)))


def _findings_for(record: Record, ledger: Ledger, known_units: Sequence[str],
                  folder_root: Path, root: Path) -> Iterator[Finding]:
    recs_rel = _rel(folder_root / RECOMMENDATIONS_FILE, root)
    follow_rel = _rel(folder_root / FOLLOW_UP_FILE, root)
    if record.sheet_file and not (folder_root / RECOMMENDATIONS_FILE).is_file():
        recs_rel = record.sheet_file
    if record.sheet_file and not (folder_root / FOLLOW_UP_FILE).is_file():
        follow_rel = record.sheet_file + "#"
    for rec in record.recommendations:
        if rec.templated:
            continue
        if not rec.teks:
            yield Finding(recs_rel, rec.line, "rec.field_missing", {"field": "teks", "id": rec.id})
        if not rec.penanggung_jawab:
            yield Finding(recs_rel, rec.line, "rec.field_missing",
                          {"field": "penanggung_jawab", "id": rec.id})
        elif TEMPLATE_MARK not in rec.penanggung_jawab and not any(
                _same(rec.penanggung_jawab, u) for u in known_units):
            yield Finding(recs_rel, rec.line_of("penanggung_jawab"), "rec.unknown_unit", {
                "id": rec.id, "unit": rec.penanggung_jawab, "units": ", ".join(known_units)})
        if rec.tenggat is None and "tenggat" not in rec.lines:  # unreadable: said already
            yield Finding(recs_rel, rec.line, "rec.field_missing",
                          {"field": "tenggat", "id": rec.id})

    order = ledger.order
    here = order.get(record.evaluation_id)
    seen: dict[str, int | None] = {}
    for follow in record.follow_ups:
        rec_id = follow.rekomendasi
        if not rec_id:
            yield Finding(follow_rel, follow.line, "rec.follow_field_missing",
                          {"field": "rekomendasi", "id": "?"})
            continue
        if rec_id in seen:
            yield Finding(follow_rel, follow.line, "rec.follow_duplicate",
                          {"id": rec_id, "first": seen[rec_id]})
            continue
        seen[rec_id] = follow.line
        entry = ledger.entries.get(rec_id)
        if entry is None:
            yield Finding(follow_rel, follow.line, "rec.unknown", {"id": rec_id})
            continue
        origin_at = order.get(entry.recommendation.origin)
        if here is None or origin_at is None or origin_at >= here:
            yield Finding(follow_rel, follow.line, "rec.not_earlier",
                          {"id": rec_id, "origin": entry.recommendation.origin})
            continue
        closed = entry.closed_by
        if closed is not None and order.get(closed, here) < here:
            yield Finding(follow_rel, follow.line, "rec.already_closed",
                          {"id": rec_id, "by": closed}, severity="warning")
        if follow.templated:
            continue
        if not follow.status:
            yield Finding(follow_rel, follow.line, "rec.follow_field_missing",
                          {"field": "status", "id": rec_id})
        elif follow.status not in STATUSES:
            pass  # reported when read
        elif follow.status == TIDAK_RELEVAN and not follow.alasan:
            yield Finding(follow_rel, follow.line_of("status"), "rec.reason_missing",
                          {"id": rec_id})
        elif follow.status in (PROSES, SELESAI) and not follow.uraian:
            yield Finding(follow_rel, follow.line, "rec.follow_field_missing",
                          {"field": "uraian", "id": rec_id})
        if follow.bukti:
            problem = evidence_problem(follow.bukti, folder_root)
            if problem:
                yield Finding(follow_rel, follow.line_of("bukti"), problem,
                              {"target": follow.bukti, "kind": "bukti"})
    if here is None:
        return
    for entry in ledger.open_before(record.evaluation_id):
        if entry.recommendation.id not in seen:
            rec = entry.recommendation
            yield Finding(follow_rel, None if not record.has_follow_up_file else 1,
                          "rec.not_addressed", {
                              "id": rec.id, "teks": shortened(rec.teks, 70), "origin": rec.origin,
                              "status": entry.status})


def evidence_problem(target: str, folder: Path) -> str | None:
    """An evidence link is http(s), or a file that exists inside the evaluation folder."""
    parts = urlsplit(target)
    if parts.scheme:
        if parts.scheme.lower() in ("http", "https") and parts.netloc:
            return None
        return "link.scheme"
    local = unquote(parts.path)
    if local.startswith(("/", "\\")) or parts.netloc:
        return "link.absolute"
    base = folder.resolve()
    resolved = (base / local).resolve()
    if resolved != base and base not in resolved.parents:
        return "link.outside"
    if not resolved.is_file():
        return "link.missing"
    return None


# ---------------------------------------------------------------- shown in documents

@dataclass(frozen=True)
class Row:
    """One line of the follow-up table of an evaluation."""

    id: str
    teks: str
    penanggung_jawab: str
    tenggat: dt.date | None
    status: str
    uraian: str
    bukti: str


def follow_up_rows(record: Record, ledger: Ledger) -> list[Row]:
    """The follow-up table of one evaluation, in the order its file gives, each with the
    recommendation it follows up. A recommendation the ledger does not hold (its evaluation
    left out, e.g. not final) keeps its row, with its id and no text: the table never shows
    text that was not approved."""
    out = []
    for follow in record.follow_ups:
        if not follow.rekomendasi:
            continue
        detail = follow.uraian
        if follow.status == TIDAK_RELEVAN and follow.alasan:
            detail = f"{detail} (alasan: {follow.alasan})" if detail else follow.alasan
        entry = ledger.entries.get(follow.rekomendasi)
        if entry is None:
            out.append(Row(follow.rekomendasi, "", "", None, follow.status, detail, follow.bukti))
            continue
        rec = entry.recommendation
        out.append(Row(rec.id, rec.teks, rec.penanggung_jawab, rec.tenggat,
                       follow.status, detail, follow.bukti))
    return out


def has_follow_up(record: Record | None) -> bool:
    """Whether ``follow_up_rows`` gives rows for ``record``, whatever the ledger: known once
    the folder is read, before the recommendations it quotes are."""
    return record is not None and any(follow.rekomendasi for follow in record.follow_ups)


def open_count(ledger: Ledger) -> int:
    return sum(1 for e in ledger.entries.values() if e.open)


def records_by_id(records: Iterable[Record]) -> Mapping[str, Record]:
    return {r.evaluation_id: r for r in records}


def as_json(entry: LedgerEntry) -> dict[str, Any]:
    rec = entry.recommendation
    return {
        "id": rec.id, "asal": rec.origin, "teks": rec.teks,
        "penanggung_jawab": rec.penanggung_jawab,
        "tenggat": rec.tenggat.isoformat() if rec.tenggat else None,
        "status": entry.status, "ditutup_oleh": entry.closed_by,
        "riwayat": [{"evaluasi": s.evaluation_id, "status": s.follow_up.status}
                    for s in entry.steps],
    }


# ---------------------------------------------------------------- evkin new

def open_for_new(records: Iterable[Record], evaluation_id: str) -> list[LedgerEntry]:
    """The recommendations a new evaluation ``evaluation_id`` has to follow up."""

    others = [r for r in records if r.evaluation_id != evaluation_id]
    ledger = build_ledger([*others, Record(evaluation_id, Period.from_id(evaluation_id))])
    order = ledger.order
    return sorted(ledger.open_before(evaluation_id), key=lambda e: (
        order.get(e.recommendation.origin, 0), e.recommendation.nomor))


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def follow_up_template(entries: Sequence[LedgerEntry]) -> str:
    """``tindak-lanjut.yml`` for a new evaluation: one entry per open recommendation, with the
    last known status; what is left to write is marked ``[[ISI: …]]``."""
    lines = [
        "# Tindak lanjut setiap rekomendasi evaluasi sebelumnya yang masih terbuka.",
        "# status: belum ditindaklanjuti | dalam proses | selesai | tidak relevan lagi",
        "# 'tidak relevan lagi' memerlukan 'alasan'; 'bukti' (opsional): berkas di folder ini",
        "# atau tautan https://.",
    ]
    if not entries:
        return "\n".join([*lines, "[]"]) + "\n"
    for entry in entries:
        rec = entry.recommendation
        tenggat = rec.tenggat.isoformat() if rec.tenggat else "-"
        lines += [
            f"- rekomendasi: {rec.id}",
            f"  # {shortened(rec.teks, 80)} ({rec.penanggung_jawab}; tenggat {tenggat};"
            f" status terakhir: {entry.status})",
            f"  status: {_quoted('[[ISI: status tindak lanjut]]')}",
            f"  uraian: {_quoted('[[ISI: apa yang sudah dilakukan]]')}",
        ]
    return "\n".join(lines) + "\n"


def recommendations_template(evaluation_id: str) -> str:
    """``rekomendasi.yml`` for a new evaluation, one recommendation to fill in."""
    return "\n".join([
        f"# Rekomendasi evaluasi ini. Id tetap setiap rekomendasi: {evaluation_id}-R<nomor>.",
        "# penanggung_jawab: jabatan dari evkin.yml (pejabat); tenggat: TTTT-BB-HH.",
        "- nomor: 1",
        f"  teks: {_quoted('[[ISI: rekomendasi singkat]]')}",
        f"  penanggung_jawab: {_quoted('[[ISI: jabatan penanggung jawab]]')}",
        f"  tenggat: {_quoted('[[ISI: TTTT-BB-HH tenggat]]')}",
    ]) + "\n"


def ledger_of(settings: Settings) -> Ledger:
    """The ledger of every evaluation folder of the repository (reads the small files)."""

    return build_ledger(gather(settings, evaluation_folders(settings)))


def rows_for(settings: Settings, evaluation_id: str,
             trusted: Callable[[str], bool] | None = None) -> tuple[Row, ...]:
    """The follow-up table of ``evaluation_id`` (empty when it follows nothing up).
    ``trusted``: which other evaluations may lend their recommendations' text (for a final
    report: those whose approval verifies, so the text is the approved text)."""

    records = [r for r in gather(settings, evaluation_folders(settings))
               if r.evaluation_id == evaluation_id or trusted is None
               or trusted(r.evaluation_id)]
    ledger = build_ledger(records)
    record = records_by_id(records).get(evaluation_id)
    return tuple(follow_up_rows(record, ledger)) if record else ()
