"""The official PDF: evaluation folder → data + Typst markup (pandoc) → Typst → PDF/A-2b.

One pandoc process converts the Markdown of a whole batch and one ``typst.Compiler`` lays out
every PDF of it. User text reaches Typst only as data (``sys.inputs``) or as markup escaped by
pandoc, so nothing a user writes can run as Typst code; Typst's root is the repository, so even
a template bug could not read files outside it.

A report is signed when ``verify_trail`` says the approved tree is the committed folder;
otherwise it is a draft with a "DRAF" watermark on every page.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from evkin import __version__, environment
from evkin.evaluation.capaian import GroupAverage, Result
from evkin.evaluation.model import Document, Evaluation, Period
from evkin.files import write_atomic
from evkin.findings import EvkinError, Finding
from evkin.indonesian_dates import day_of
from evkin.messages import t
from evkin.provenance import Source, build_time
from evkin.render import content, fonts, indonesian, markup, typst_engine
from evkin.render.chart import chart_svg
from evkin.settings import Settings
from evkin.sop import StepDocument

if TYPE_CHECKING:
    from evkin.approval.trail import Verification
    from evkin.evaluation.recommendations import Row as FollowUpRow

PDF_STANDARDS = ["a-2b"]
CHART_ROWS = 22  # indicators per chart, so one chart fits a page
PARALLEL_FROM = 8  # below this, worker start-up costs more than it saves
TEMPLATE = "typst/evkin.typ"


@dataclass
class Unit:
    """One PDF to compile: the report with its lampiran, or one step 1–4 document."""

    evaluation_id: str
    out_name: str
    kind: str  # laporan | dokumen
    data: dict[str, Any]
    parts: list[tuple[str, Path, int | None]]  # (markdown, file, insert_after) per part
    folder: Path
    when: dt.datetime
    signed: bool = False
    reason: str = ""
    follow_up_after: int | None = None  # heading index for the follow-up table (first part)


@dataclass
class Built:
    path: Path
    evaluation_id: str
    signed: bool
    reason: str  # why it is a draft ('' when signed)
    kind: str


@dataclass
class Batch:
    built: list[Built] = field(default_factory=list)
    refused: dict[str, list[Finding]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- building

def single_threaded() -> None:
    """Worker start: Typst spreads a compile over a thread pool; with one worker per core
    those threads only contend (150 reports on 2 cores: 9.9 s → 9.4 s)."""
    environment.typst_single_threaded()


def build_loaded(settings: Settings, items: Sequence[ReportForPdf], out_dir: Path, source: Source,
                 documents: bool = False, progress: Callable[[Built], None] | None = None,
                 report: bool = True, only: str | None = None,
                 started: markup.Conversion | None = None) -> Batch:
    """A batch of assembled evaluations (see ``ReportForPdf``): what can be built is, what is
    refused is said with its findings. ``source``: the repository state (``gitrepo``);
    ``started``: pandoc begun on their Markdown (``begin_conversion``)."""
    units, refused, warnings = prepare_loaded(settings, items, documents, report, only, source)
    batch = Batch(refused=refused, warnings=warnings)
    batch.built = compile_units(settings, units, out_dir, batch.warnings, progress, started)
    return batch


# ---------------------------------------------------------------- preparing data

@dataclass(frozen=True)
class ReportForPdf:
    """An evaluation already loaded, checked and computed by the caller (the archive build
    has all of them in hand), so a PDF worker does not read and check the folder again."""

    evaluation: Evaluation
    results: tuple[Result, ...]
    previous_id: str | None
    verification: Verification
    errors: tuple[Finding, ...] = ()
    follow_up: tuple[FollowUpRow, ...] = ()
    settings: Settings | None = None  # its own (as approved, for a final report)
    source: Source | None = None  # its commit (the approved one, for a final report)
    assets: tuple[tuple[str, bytes], ...] = ()  # files to place under the root first
    averages: tuple[GroupAverage, ...] = ()  # per sasaran, as assembled


def prepare_loaded(settings: Settings, items: Sequence[ReportForPdf], documents: bool,
                   report: bool = True, only: str | None = None,
                   source: Source | None = None
                   ) -> tuple[list[Unit], dict[str, list[Finding]], list[str]]:
    """The PDFs to compile for evaluations already assembled; those with errors are refused.
    Each is laid out with its own settings (as approved, for a final report)."""
    source = source or Source("", None, frozenset())
    units: list[Unit] = []
    refused: dict[str, list[Finding]] = {}
    for item in items:
        evaluation = item.evaluation
        if item.errors:
            refused[evaluation.id] = list(item.errors)
            continue
        prev_period = Period.from_id(item.previous_id) if item.previous_id else None
        prev_label = prev_period.label() if prev_period else None
        own = item.settings or settings
        src = item.source or source
        place_assets(own.root, item.assets)
        if report:
            units.append(_report_unit(own, evaluation, item.results, item.averages, prev_label,
                                      item.verification, src, item.follow_up))
        if documents:
            units += _document_units(own, evaluation, item.verification, src, only)
    return units, refused, []


def place_assets(root: Path, assets: Sequence[tuple[str, bytes]]) -> None:
    """Write the files an assembled report's layout reads that the working copy may not hold
    (the emblem as approved, ``assembly.settings_at``) where Typst reads them: the renderer's
    own cache under ``build/``, by content hash, so what is there is what is meant."""
    for rel, data in assets:
        target = root / rel
        if not target.is_file() or target.read_bytes() != data:
            target.parent.mkdir(parents=True, exist_ok=True)
            write_output(target, data)


def _base(settings: Settings, evaluation: Evaluation, verification: Verification,
          source: Source) -> dict[str, Any]:
    width, height = content.PAPER_MM.get(settings.paper, content.PAPER_MM["A4"])
    commit = source.commit[:12] if source.commit else ""
    if commit and source.is_dirty(f"evaluations/{evaluation.id}", "evkin.yml", "assets",
                                  f"persetujuan/{evaluation.id}.yml"):
        commit = content.d("render.stamp_dirty", commit=commit)
    return {
        "draft": not verification.ok,
        "paper": {"name": settings.paper, "width": width, "height": height},
        "fonts": [],  # the font chain: filled in by compile_units, whose font scan overlaps pandoc
        "agency": content.agency_data(settings.agency),
        "commit": commit or content.d("render.stamp_nogit"),
        "stamp": "",
    }


def _charts(results: Sequence[Result]) -> list[str]:

    chunks = [results[i:i + CHART_ROWS] for i in range(0, len(results), CHART_ROWS)]
    return [chart_svg(chunk) for chunk in chunks]


def _report_unit(settings: Settings, evaluation: Evaluation, results: Sequence[Result],
                 group_averages: Sequence[GroupAverage], prev_label: str | None,
                 verification: Verification, source: Source,
                 follow_up: Sequence[FollowUpRow] = ()) -> Unit:
    data = _base(settings, evaluation, verification, source)
    report = content.report_data(settings, evaluation, results, group_averages, prev_label,
                                 verification, _charts(results) if results else [])
    report["follow_up"] = content.follow_up_table(follow_up)
    status = "render.keyword_final" if verification.ok else "render.keyword_draft"
    subject = "render.subject_final" if verification.ok else "render.subject_draft"
    data["meta"] = content.meta(settings, report["title"],
                                content.d(subject, title=report["title"]),
                                ["Evaluasi Kinerja Internal", "SAKIP", report["period"],
                                 report["nomor"], evaluation.id, content.d(status)])
    data["report"] = report
    docs = [content.document_data(settings, document, spec.kind, spec.judul, number)
            for number, (spec, document) in enumerate(_documents(settings, evaluation), 1)]
    data["documents"] = docs
    parts, follow_up_after = _report_parts(settings, evaluation, bool(follow_up))
    return Unit(evaluation.id, f"{evaluation.id}.pdf", "laporan", data, parts, evaluation.path,
                build_time(source, evaluation.tanggal), verification.ok,
                "" if verification.ok else _reason(verification), follow_up_after)


def _documents(settings: Settings, evaluation: Evaluation) -> list[tuple[StepDocument, Document]]:
    """The step 1–4 documents the folder holds, in the SOP's order."""
    return [(spec, evaluation.documents[spec.key]) for _step, spec in settings.sop.documents
            if spec.key in evaluation.documents]


def _report_parts(settings: Settings, evaluation: Evaluation, follow_up: bool
                  ) -> tuple[list[tuple[str, Path, int | None]], int | None]:
    """The Markdown of a report's PDF (the report, then its lampiran) and where its follow-up
    table goes: what pandoc converts, known as soon as the folder is loaded."""
    parts: list[tuple[str, Path, int | None]] = [
        (evaluation.report_text, evaluation.path / "laporan.md",
         content.realisasi_heading(evaluation))]
    parts += [(document.body, document.path, None)
              for _spec, document in _documents(settings, evaluation)]
    return parts, content.section_index(evaluation, "rekomendasi") if follow_up else None


def _document_units(settings: Settings, evaluation: Evaluation, verification: Verification,
                    source: Source, only: str | None) -> list[Unit]:
    units = []
    for spec, document in _documents(settings, evaluation):
        if only and spec.key != only:
            continue
        data = _base(settings, evaluation, verification, source)
        doc = content.document_data(settings, document, spec.kind, spec.judul, 1)
        title = f"{spec.judul} — {evaluation.judul or evaluation.id}"
        data["meta"] = content.meta(settings, title, title,
                                    [spec.judul, "Evaluasi Kinerja Internal", evaluation.id])
        data["report"] = {"title": evaluation.judul, "nomor": evaluation.nomor}
        data["documents"] = [doc]
        units.append(Unit(evaluation.id, f"{evaluation.id}-{Path(spec.file).stem}.pdf",
                          "dokumen", data, [(document.body, document.path, None)],
                          evaluation.path, build_time(source, evaluation.tanggal), verification.ok,
                          "" if verification.ok else _reason(verification)))
    return units


def _reason(verification: Verification) -> str:
    return t(verification.reason, verification.params) if verification.reason else ""


# ---------------------------------------------------------------- Typst source

def template_text() -> str:
    return resources.files("evkin.render").joinpath(TEMPLATE).read_text(encoding="utf-8")


def _bind(part: str) -> str:
    return (f'#let evkin-image = image-of("{part}")\n'
            f'#let evkin-figure = figure-of("{part}")\n')


def typst_source(unit: Unit, bodies: Sequence[str]) -> str:
    """The document: our template, then calls and pandoc's markup. ``bodies`` match parts."""
    out = [template_text(), "\n#show: frame\n"]
    if unit.kind == "laporan":
        if unit.data["report"]["numbered"]:
            out.append("#set heading(numbering: bab-numbering)\n")
        out.append("#show heading: heading-rule\n#front(data.report)\n")
        out.append(_bind("p0") + "\n" + bodies[0] + "\n\n#closing(data.report)\n")
        out.append("#set heading(outlined: false, numbering: none)\n")
        for i, body in enumerate(bodies[1:]):
            out.append(f"#lampiran-start({i})\n" + _bind(f"p{i + 1}") + "\n" + body
                       + f"\n\n#lampiran-end({i})\n")
    else:
        out.append("#show heading: heading-rule\n#set heading(outlined: false)\n"
                   "#document-start()\n")
        out.append(_bind("p0") + "\n" + bodies[0] + "\n\n#document-end()\n")
    return "".join(out)


def _images(unit: Unit, index: int, converted: markup.Converted, root: Path,
            problems: list[Finding]) -> list[dict[str, str]]:
    """Image paths from the repository root (Typst's root) with alt text and caption."""
    _, file, _ = unit.parts[index]
    out = []
    folder = unit.folder.resolve()
    for image in converted.images:
        target = (file.parent / unquote(image.src.split("#")[0].split("?")[0])).resolve()
        if target != folder and folder not in target.parents:
            problems.append(Finding(_rel(file, root), None, "render.image_outside",
                                    {"target": image.src}))
            continue
        out.append({"path": "/" + target.relative_to(root.resolve()).as_posix(),
                    "alt": image.alt, "caption": image.title or image.alt})
    return out


def _rel(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _notes(converted: markup.Converted, file: str) -> list[str]:
    out = []
    for note in converted.notes:
        code = str(note.get("code", ""))
        params = {"path": file, **{k: str(v)[:80] for k, v in note.items() if k != "code"}}
        if code == "raw":
            out.append(t("render.note_raw", params))
        elif code == "link_missing":
            out.append(t("render.note_link_missing", params))
        elif code == "capaian_at_end":
            out.append(t("render.note_capaian_at_end", params))
        elif code == "follow_up_at_end":
            out.append(t("render.note_follow_up_at_end", params))
    return out


def _digest(source: str, data: dict[str, Any], files: Sequence[Path]) -> str:
    h = hashlib.sha256()
    h.update(source.encode("utf-8"))
    h.update(json.dumps(data, sort_keys=True, ensure_ascii=False).encode("utf-8"))
    for path in files:
        h.update(path.read_bytes() if path.is_file() else b"")
    return h.hexdigest()


# ---------------------------------------------------------------- compiling

def write_output(path: Path, data: bytes) -> None:
    """Atomic write with a normal file's permissions (readable by the web server)."""
    write_atomic(path, data)


def _compiler(settings: Settings, choice: fonts.FontChoice) -> Any:
    return typst_engine.compiler(fonts.typst_fonts(choice), root=str(settings.root))


def font_warnings(settings: Settings) -> list[str]:
    choice = fonts.choose(settings.fonts)
    if choice.metric_compatible:
        return []
    return [t("render.font_fallback", {"wanted": ", ".join(settings.fonts),
                                       "used": choice.families[0]})]


def _flat(units: Sequence[tuple[list[tuple[str, Path, int | None]], int | None]]
          ) -> list[markup.Part]:
    """Every part of ``units`` ((parts, follow_up_after) each) for one pandoc run. Labels are
    named by the part's place in its own PDF (p0 = report, p1... = lampiran), so a report's
    bytes never depend on the other reports of the batch."""
    return [markup.Part(text, insert, follow_up_after if i == 0 else None, f"p{i}")
            for parts, follow_up_after in units for i, (text, _, insert) in enumerate(parts)]


def begin_conversion(settings: Settings, reports: Sequence[tuple[Evaluation, bool]]
                     ) -> markup.Conversion:
    """pandoc started on the reports' Markdown (each with whether its follow-up table is
    shown) as soon as their folders are loaded, before their trails are verified and the rest
    assembled: ``compile_units`` takes its result when its reports come out the same (a
    report refused or laid out otherwise meanwhile: a new run)."""
    return markup.begin(_flat([_report_parts(settings, e, follow_up) for e, follow_up in reports]))


def compile_units(settings: Settings, units: Sequence[Unit], out_dir: Path,
                  warnings: list[str], progress: Callable[[Built], None] | None = None,
                  started: markup.Conversion | None = None) -> list[Built]:
    """Convert all Markdown in one pandoc run (``started``, if it converts the same), then
    lay out each PDF with one compiler."""
    if not units:
        if started is not None:
            started.close()
        return []
    flat = _flat([(unit.parts, unit.follow_up_after) for unit in units])
    made: list[tuple[fonts.FontChoice, Any]] = []

    def prepare() -> None:
        """The font chain (a scan of the machine's fonts) and Typst's compiler: made while
        pandoc converts, since they need nothing of it, rather than before or after."""
        choice = fonts.choose(settings.fonts)
        warnings.extend(font_warnings(settings))
        made.append((choice, _compiler(settings, choice)))

    converted = markup.convert(flat, meanwhile=prepare, started=started)
    choice, compiler = made[0]
    out_dir.mkdir(parents=True, exist_ok=True)
    built = []
    position = 0
    for unit in units:
        mine = converted[position:position + len(unit.parts)]
        position += len(unit.parts)
        problems: list[Finding] = []
        parts_data = {}
        files: list[Path] = []
        for i, conv in enumerate(mine):
            images = _images(unit, i, conv, settings.root, problems)
            parts_data[f"p{i}"] = {"images": images}
            files += [settings.root / img["path"].lstrip("/") for img in images]
            warnings += _notes(conv, _rel(unit.parts[i][1], settings.root))
        if problems:
            raise EvkinError("render.has_findings", {"id": unit.evaluation_id}, problems)
        unit.data["parts"] = parts_data
        unit.data["fonts"] = list(choice.families)
        if unit.data["agency"]["lambang"]:
            files.append(settings.root / unit.data["agency"]["lambang"].lstrip("/"))
        text = typst_source(unit, [c.text for c in mine])
        when = unit.when
        digest = _digest(text, unit.data, files)
        unit.data["stamp"] = t("render.stamp", {
            "version": __version__, "commit": unit.data["commit"],
            "date": indonesian.tanggal(day_of(when)), "digest": digest[:16]}, content.DOC_LANG)
        try:
            pdf = typst_engine.compile_document(
                compiler, text.encode("utf-8"),
                sys_inputs={"evkin": json.dumps(unit.data, ensure_ascii=False)},
                pdf_standards=PDF_STANDARDS, timestamp=int(when.timestamp()))
        except typst_engine.TypstFailed as error:
            raise EvkinError("render.typst_failed", {"id": unit.evaluation_id,
                                                     "detail": error.detail[:400]}) from None
        path = out_dir / unit.out_name
        write_output(path, pdf)
        done = Built(path, unit.evaluation_id, unit.signed, unit.reason, unit.kind)
        built.append(done)
        if progress:
            progress(done)
    return built


def with_paper(settings: Settings, paper: str | None) -> Settings:
    """Settings with another paper size for one build (``evkin pdf --kertas F4``)."""
    if not paper:
        return settings
    return dataclasses.replace(settings, paper=paper.upper())
