"""The PDF and the Word copy of assembled reports: ``assembly`` assembles, ``render`` lays out.

``render`` never loads a folder, verifies a trail or asks Git; this module hands it what
``assembly.assemble`` made and the repository state ``gitrepo.read_source`` read. A report
whose trail verifies is stamped with its approved commit and that commit's time, and laid out
with the settings committed there, so its bytes depend on that report alone: the same whether
built alone, in a batch of all, in any order, or by the archive.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from evkin import gitrepo
from evkin.evaluation.model import Evaluation
from evkin.evaluation.recommendations import Record, has_follow_up
from evkin.findings import EvkinError, Finding
from evkin.provenance import Source
from evkin.render import typst_engine
from evkin.render.docx import build_docx as render_docx
from evkin.render.markup import Conversion
from evkin.render.pdf import (
    Batch,
    Built,
    ReportForPdf,
    begin_conversion,
    build_loaded,
    compile_units,
    prepare_loaded,
    single_threaded,
    with_paper,
)
from evkin.report.assembly import Assembled, assemble_ids
from evkin.settings import Settings

PARALLEL_FROM = 8  # below this, worker start-up costs more than it saves


def sources_for(root: Path, reports: Sequence[Assembled]) -> dict[str, Source]:
    """Per report, the source it is stamped with: the approved commit for a final report (so
    later commits leave its bytes alone), the working copy's state for a draft."""

    approved = gitrepo.commit_sources(root, [r.settings_commit for r in reports if r.final])
    if all(r.final and r.settings_commit in approved for r in reports):
        return {r.id: approved[r.settings_commit] for r in reports}  # no working-copy state
    head = gitrepo.read_source(root)
    return {r.id: approved.get(r.settings_commit, head) if r.final else head for r in reports}


def loaded(report: Assembled, source: Source | None = None, paper: str | None = None
           ) -> ReportForPdf:
    """What the PDF needs of an assembled report; ``paper``: this build's paper size
    (``--kertas``), over the settings' own."""
    own = with_paper(report.settings, paper) if report.settings and paper else report.settings
    return ReportForPdf(report.evaluation, report.results, report.previous_id, report.verification,
                  report.errors, report.follow_up, own, source, report.assets,
                  report.averages)


def load(settings: Settings, evaluation_ids: Sequence[str], paper: str | None = None,
         early: list[Conversion] | None = None) -> list[ReportForPdf]:
    """The assembled reports, ready for the PDF. ``early``: gets pandoc begun on their
    Markdown as soon as the folders are checked (``render.pdf.begin_conversion``); the caller
    hands it to the compile and closes it."""

    def begin(found: Sequence[tuple[Evaluation, Record | None]]) -> None:
        if early is not None and found:
            early.append(begin_conversion(settings, [(e, has_follow_up(r)) for e, r in found]))

    reports = assemble_ids(settings, evaluation_ids, timeline=False,
                           checked_hook=begin).reports
    sources = sources_for(settings.root, reports)
    return [loaded(r, sources[r.id], paper) for r in reports]


def build_pdf(settings: Settings, evaluation_id: str, out_dir: Path) -> Path:
    """Build ``<out_dir>/<id>.pdf``: signed when the trail verifies, else a draft."""
    built = build_pdfs(settings, [evaluation_id], out_dir)
    return next(iter(built.values()))


def _refuse(refused: dict[str, list[Finding]]) -> None:
    if refused:
        first = next(iter(refused))
        raise EvkinError("render.has_findings", {"id": first},
                         [f for found in refused.values() for f in found])


def build_pdfs(settings: Settings, evaluation_ids: Sequence[str], out_dir: Path
               ) -> dict[str, Path]:
    """Build many reports with one pandoc run and one Typst compiler; all or nothing."""

    with _early_pandoc() as early:
        units, refused, warnings = prepare_loaded(settings, load(settings, evaluation_ids,
                                                                 early=early), documents=False)
        _refuse(refused)
        built = compile_units(settings, units, out_dir, warnings,
                              started=early[0] if early else None)
    return {b.evaluation_id: b.path for b in built}


@contextmanager
def _early_pandoc() -> Iterator[list[Conversion]]:
    """Where ``load`` puts pandoc begun early; whatever the compile did not take is ended."""
    early: list[Conversion] = []
    try:
        yield early
    finally:
        for conversion in early:
            conversion.close()


def build_document_pdf(settings: Settings, evaluation_id: str, document_key: str,
                       out_dir: Path) -> Path:
    """One step 1–4 document (Nota Dinas, notulen with daftar hadir) as its own PDF."""
    known = [spec.key for _, spec in settings.sop.documents]
    if document_key not in known:
        raise EvkinError("render.document_unknown", {"key": document_key, "id": evaluation_id,
                                                     "known": ", ".join(known)})
    batch = build_loaded(settings, load(settings, [evaluation_id]), out_dir,
                         Source("", None, frozenset()), documents=True, report=False,
                         only=document_key)
    if batch.refused:
        raise EvkinError("render.has_findings", {"id": evaluation_id},
                         batch.refused[evaluation_id])
    if not batch.built:
        spec = next(s for _, s in settings.sop.documents if s.key == document_key)
        raise EvkinError("render.document_missing", {"key": document_key, "id": evaluation_id,
                                                     "file": spec.file})
    return batch.built[0].path


def _batch(settings: Settings, ids: Sequence[str], out_dir: Path, documents: bool,
           progress: Callable[[Built], None] | None = None, paper: str | None = None) -> Batch:
    with _early_pandoc() as early:
        items = load(settings, ids, paper, early=None if documents else early)
        return build_loaded(settings, items, out_dir, Source("", None, frozenset()), documents,
                            progress, started=early[0] if early else None)


def _batch_worker(job: tuple[Settings, list[str], Path, bool, str | None]
                  ) -> Batch | tuple[str, dict[str, object], list[Finding]]:
    """One worker's chunk. An ``EvkinError`` comes back as data: its parameters would not
    survive pickling as an exception."""
    settings, ids, out_dir, documents, paper = job
    try:
        return _batch(settings, ids, out_dir, documents, paper=paper)
    except EvkinError as error:
        return error.code, error.params, error.findings


def build_batch(settings: Settings, evaluation_ids: Sequence[str], out_dir: Path,
                documents: bool = False,
                progress: Callable[[Built], None] | None = None, jobs: int = 1,
                paper: str | None = None) -> Batch:
    """The CLI's batch: build what can be built, report what was refused and why.

    With ``jobs`` > 1 and enough evaluations, the ids are split into chunks built by that many
    worker processes, each with its own pandoc run and its own reused Typst compiler.
    """
    ids = list(evaluation_ids)
    if jobs <= 1 or len(ids) < PARALLEL_FROM:
        return _batch(settings, ids, out_dir, documents, progress, paper)
    from concurrent.futures import ProcessPoolExecutor

    typst_engine.load()  # once here, inherited by the forked workers

    size = max(1, -(-len(ids) // (jobs * 2)))
    chunks = [ids[i:i + size] for i in range(0, len(ids), size)]
    batch = Batch()
    with ProcessPoolExecutor(max_workers=jobs, initializer=single_threaded) as pool:
        for outcome in pool.map(_batch_worker,
                                [(settings, chunk, out_dir, documents, paper)
                                 for chunk in chunks]):
            if isinstance(outcome, tuple):  # an EvkinError, carried as data
                code, params, findings = outcome
                raise EvkinError(code, params, findings)
            batch.refused.update(outcome.refused)
            batch.warnings += outcome.warnings
            for built in outcome.built:
                batch.built.append(built)
                if progress:
                    progress(built)
    return batch


def build_docx(settings: Settings, evaluation_id: str, out_dir: Path,
               paper: str | None = None) -> Path:
    """Write ``<out_dir>/<id>.docx`` (atomic) from the assembled report."""
    report = assemble_ids(settings, [evaluation_id], timeline=False).reports[0]
    if report.errors:
        raise EvkinError("render.has_findings", {"id": report.id}, list(report.errors))
    source = sources_for(settings.root, [report])[report.id]
    if paper:
        report = dataclasses.replace(report, settings=with_paper(report.settings or settings,
                                                                 paper))
    return render_docx(report, source, out_dir)
