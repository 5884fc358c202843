"""Completeness and consistency rules: each a pure function ``(evaluation, context) -> findings``.

Loaders report what cannot be read; these rules report what is missing, unfinished or unsafe.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from evkin import clock
from evkin.evaluation import images
from evkin.evaluation.capaian import compute
from evkin.evaluation.load import META_FILE, REPORT_FILE, normalise_heading
from evkin.evaluation.markdown import scan
from evkin.evaluation.model import TEMPLATE_MARK, Evaluation, Section
from evkin.findings import Finding
from evkin.indonesian_dates import bad_date
from evkin.settings import Settings

META_REQUIRED = ("judul", "nomor", "tanggal", "penyusun")
SAFE_SCHEMES = ("http", "https", "mailto")
_COMMENT = re.compile(r"^<!--(?:(?!-->).)*-->$", re.S)
_BAD_SCHEME = re.compile(r"\]\(\s*<?\s*(javascript|vbscript|data|file)\s*:", re.I)
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")


@dataclass(frozen=True)
class Context:
    settings: Settings
    known_ids: frozenset[str] = field(default_factory=frozenset)


Rule = Callable[[Evaluation, Context], Iterable[Finding]]


def _rel(path: Path, ctx: Context) -> str:
    root = _resolved(ctx.settings.root)
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        try:
            return path.resolve().relative_to(root).as_posix()
        except ValueError:
            return path.as_posix()


@lru_cache(maxsize=8)
def _resolved(path: Path) -> Path:
    return path.resolve()


def metadata(ev: Evaluation, ctx: Context) -> Iterator[Finding]:
    path = _rel(ev.path / META_FILE, ctx)
    if not (ev.path / META_FILE).is_file():
        return
    for key in META_REQUIRED:
        if key not in ev.meta_lines:
            yield Finding(path, None, "meta.missing", {"field": key})
    if "penyusun" in ev.meta_lines and not ev.penyusun:
        yield Finding(path, ev.meta_lines["penyusun"], "meta.empty", {"field": "penyusun"})
    if ev.sebelumnya and ev.sebelumnya not in ctx.known_ids:
        yield Finding(path, ev.meta_lines.get("sebelumnya"), "meta.previous_unknown",
                      {"id": ev.sebelumnya})


def sections(ev: Evaluation, ctx: Context) -> Iterator[Finding]:
    if not (ev.path / REPORT_FILE).is_file():
        return
    path = _rel(ev.path / REPORT_FILE, ctx)
    for analysis in ctx.settings.sop.analisis:
        found = [s for s in ev.sections if s.key == analysis.key]
        if not found:
            titles = ctx.settings.section_titles(analysis.key)
            near = _near_heading(ev, titles)
            if near is not None:  # "Target Kinerja Triwulan II": say which heading and why
                yield Finding(path, near.line, "section.near_miss", {
                    "title": analysis.judul, "heading": near.title,
                    "accepted": ", ".join(titles)})
            else:  # nothing to point at: the finding is about the file, not its last line
                yield Finding(path, None, "section.missing", {
                    "title": analysis.judul, "accepted": ", ".join(titles)})
            continue
        section = found[0]
        text = "\n".join(line for line in section.body.splitlines()
                         if not line.lstrip().startswith("#"))
        if not text.strip():
            yield Finding(path, section.line, "section.empty", {"title": section.title})


def _near_heading(ev: Evaluation, titles: Iterable[str]) -> Section | None:
    """An unclaimed heading that starts with (or contains) an accepted title."""

    wanted = [normalise_heading(t) for t in titles]
    for section in ev.sections:
        if section.key is not None:
            continue
        heading = normalise_heading(section.title)
        if any(w and (heading.startswith(w) or f" {w}" in f" {heading}") for w in wanted):
            return section
    return None


def template_marks(ev: Evaluation, ctx: Context) -> Iterator[Finding]:
    """Scaffolded placeholders ``[[ISI: …]]`` that nobody has replaced yet."""
    texts: list[tuple[Path, str, int]] = [(ev.path / REPORT_FILE, ev.report_text, 1)]
    for doc in ev.documents.values():
        for key, value in doc.meta.items():
            if TEMPLATE_MARK in str(value):
                yield Finding(_rel(doc.path, ctx), doc.meta_lines.get(key), "template.left",
                              {"text": _snippet(str(value))})
        texts.append((doc.path, doc.body, doc.body_line))
    meta_path = ev.path / META_FILE
    if meta_path.is_file():
        for number, line in enumerate(meta_path.read_text(encoding="utf-8-sig").splitlines(), 1):
            if TEMPLATE_MARK in line:
                yield Finding(_rel(meta_path, ctx), number, "template.left",
                              {"text": _snippet(line)})
    for path, text, first in texts:
        if TEMPLATE_MARK not in text:
            continue
        for offset, line in enumerate(text.splitlines()):
            if TEMPLATE_MARK in line:
                yield Finding(_rel(path, ctx), first + offset, "template.left",
                              {"text": _snippet(line)})


def _snippet(text: str) -> str:
    start = max(text.find(TEMPLATE_MARK), 0)
    end = text.find("]]", start)
    return text[start:end + 2] if end != -1 else text[start:start + 60]


def indicators(ev: Evaluation, ctx: Context) -> Iterator[Finding]:
    if ev.data_file is None:
        return
    seen: dict[str, int | str | None] = {}
    for ind in ev.indicators:
        if ind.id in seen:
            yield Finding(ev.data_file, ind.line, "data.duplicate_id",
                          {"id": ind.id, "first": seen[ind.id]})
        else:
            seen[ind.id] = ind.line
        result = compute(ind, ctx.settings.negative_formula)
        if result.problem:
            yield Finding(ev.data_file, ind.line, result.problem, {"id": ind.id})


def sop_documents(ev: Evaluation, ctx: Context) -> Iterator[Finding]:
    """Steps 1–4 each leave a document with the front matter its kind needs, in date order."""
    dated: list[tuple[int, dt.date, str, int | None]] = []
    for step, spec in ctx.settings.sop.documents:
        doc = ev.documents.get(spec.key)
        if doc is None:
            continue
        path = _rel(doc.path, ctx)
        for name in spec.fields:
            value = doc.meta.get(name)
            if value is None or (isinstance(value, str | list) and not value):
                yield Finding(path, doc.meta_lines.get(name, 1) if name in doc.meta else 1,
                              "doc.field_missing", {"field": name, "judul": spec.judul})
        value = doc.meta.get("tanggal")
        if isinstance(value, dt.date):
            dated.append((step.number, value, path, doc.meta_lines.get("tanggal")))
        elif value is not None and TEMPLATE_MARK not in str(value):
            yield Finding(path, doc.meta_lines.get("tanggal"), "meta.bad_date",
                          bad_date("tanggal", value))
        hadir = doc.meta.get("daftar_hadir")
        if "daftar_hadir" in spec.fields and hadir is not None:
            yield from _attendance(hadir, path, doc.meta_lines.get("daftar_hadir"))
    for (step_a, date_a, _, _), (step_b, date_b, path_b, line_b) in itertools.pairwise(dated):
        if date_b < date_a:
            yield Finding(path_b, line_b, "sop.date_order", {
                "step": step_b, "date": date_b.isoformat(),
                "before_step": step_a, "before_date": date_a.isoformat()})
    if dated and ev.tanggal and ev.tanggal < dated[-1][1]:
        yield Finding(_rel(ev.path / META_FILE, ctx), ev.meta_lines.get("tanggal"),
                      "sop.report_before_meeting", {
                          "date": ev.tanggal.isoformat(), "step": dated[-1][0],
                          "before_date": dated[-1][1].isoformat()})


def _attendance(hadir: object, path: str, line: int | None) -> Iterator[Finding]:
    if not isinstance(hadir, list) or not hadir:
        yield Finding(path, line, "doc.attendance_list")
        return
    for number, entry in enumerate(hadir, 1):
        if not isinstance(entry, dict) or not entry.get("nama") or not entry.get("jabatan"):
            yield Finding(path, getattr(entry, "line", line), "doc.attendance_entry",
                          {"number": number})


def markdown_safety(ev: Evaluation, ctx: Context) -> Iterator[Finding]:
    """No raw HTML (script or otherwise), no link or image that leaves or misses the folder."""
    texts = [(ev.path / REPORT_FILE, ev.report_text, 1)]
    texts += [(d.path, d.body, d.body_line) for d in ev.documents.values()]
    root = ev.path.resolve()
    for path, text, first in texts:
        rel = _rel(path, ctx)
        found = scan(text)
        for raw in found.html:
            if _COMMENT.match(raw.html):
                continue
            code = "html.script" if "<script" in raw.html.lower() else "html.raw"
            yield Finding(rel, first + raw.line - 1, code, {"html": raw.html[:60]})
        for offset, line in enumerate(text.splitlines()):
            match = _BAD_SCHEME.search(line)
            if match:
                yield Finding(rel, first + offset, "link.scheme", {"target": match.group(1)})
        for ref in found.references:
            problem = _reference_problem(ref.target, path.parent, root)
            if problem:
                yield Finding(rel, first + ref.line - 1, problem,
                              {"target": ref.target, "kind": ref.kind})
            elif ref.kind == "image" and not _SCHEME.match(ref.target):
                local = path.parent / unquote(urlsplit(ref.target).path)
                image = images.problem(local, ref.target, ctx.settings.limits)
                if image:
                    yield Finding(rel, first + ref.line - 1, image.code, image.params)


def _reference_problem(target: str, base: Path, root: Path) -> str | None:
    if not target or target.startswith("#"):
        return None
    scheme = _SCHEME.match(target)
    if scheme:
        return None if scheme.group(1).lower() in SAFE_SCHEMES else "link.scheme"
    parts = urlsplit(target)
    local = unquote(parts.path)
    if not local:
        return None
    if local.startswith(("/", "\\")) or parts.netloc:
        return "link.absolute"
    resolved = (base / local).resolve()
    if resolved != root and root not in resolved.parents:
        return "link.outside"
    if not resolved.exists():
        return "link.missing"
    return None


def future_dates(ev: Evaluation, ctx: Context) -> Iterator[Finding]:
    """A document or report dated after today (on the agency's clock) is a slip of the year or
    the month, not a plan: say so rather than count a step as done in the future."""

    today = clock.today()
    dated = [(_rel(doc.path, ctx), doc.meta_lines.get("tanggal"), doc.meta.get("tanggal"))
             for doc in ev.documents.values()]
    dated.append((_rel(ev.path / META_FILE, ctx), ev.meta_lines.get("tanggal"), ev.tanggal))
    for path, line, value in dated:
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime) and value > today:
            yield Finding(path, line, "meta.future_date", {
                "date": value.isoformat(), "today": today.isoformat()}, severity="warning")


RULES: tuple[Rule, ...] = (metadata, sections, template_marks, indicators, sop_documents,
                           markdown_safety, future_dates)


def apply_rules(ev: Evaluation, ctx: Context) -> list[Finding]:
    return [finding for rule in RULES for finding in rule(ev, ctx)]
