"""The living summary comment of a pull request: pure parsing of the checked results and pure
rendering to forge Markdown (GitHub and Gitea/Forgejo render the same subset).

The checked results come from a job that ran on the pull request's content, so every field is
untrusted: ``parse_report`` keeps only the expected fields with the expected types, and every
text taken from it goes through ``inert`` before it reaches the comment. ``inert`` makes text
one line of plain words: no HTML, no Markdown (images, links, code fences, tables, headings),
no mentions (``@``), no issue references (``#12``) and no autolinked addresses. The SOP
position (``Position``) is computed by the posting job from the forge's own answers.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from evkin.messages import t

MARKER = "<!-- evkin:ringkasan -->"
FORMAT = 1  # version of the checked-results JSON

MAX_TEXT = 300  # characters of one report text (a message, a reason)
MAX_CELL = 120
MAX_FINDINGS = 50
MAX_ROWS = 60
MAX_DIFF_LINES = 60
MAX_BODY = 60_000  # GitHub refuses bodies over 65,536 characters

ZWSP = "\u200b"
# Backslash-escaped: every ASCII punctuation mark Markdown (and GitHub's math) gives meaning to.
_ESCAPED = set("\\`*_{}[]()#+-.!|~^$:=\"'")
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_SPACES = re.compile(r"\s+")
_AUTOLINK = re.compile(r"(?i)(://|www\.)")
_SAFE_PATH = re.compile(r"^(?!/)(?!.*(?:^|/)\.\.?(?:/|$))[^\x00-\x1f\\]{1,300}$")
_SHA = re.compile(r"^[0-9a-f]{40}([0-9a-f]{24})?$")


def inert(text: object, limit: int = MAX_TEXT) -> str:
    """``text`` as one line of inert forge Markdown, at most ``limit`` characters of it."""
    raw = str(text)
    # Controls, line breaks, bidirectional overrides and zero-width characters become spaces.
    raw = "".join(ch if unicodedata.category(ch)[0] not in ("C", "Z") else " " for ch in raw)
    raw = _SPACES.sub(" ", raw).strip()
    if len(raw) > limit:
        raw = raw[:limit - 1].rstrip() + "…"
    raw = _AUTOLINK.sub(lambda m: f"{m.group(1)[:-1]}{ZWSP}{m.group(1)[-1]}", raw)
    out: list[str] = []
    for ch in raw:
        if ch in _HTML:
            out.append(_HTML[ch])
        elif ch in _ESCAPED:
            out.append("\\" + ch)
        else:
            out.append(ch)
        if ch in "@#":
            out.append(ZWSP)  # breaks mentions and issue references
    return "".join(out)


# --- the checked results (untrusted JSON) ------------------------------------------------------

@dataclass(frozen=True)
class FindingRow:
    path: str
    line: int | None
    cell: str
    severity: str  # "error" | "warning"
    message: str


@dataclass(frozen=True)
class IndicatorRow:
    id: str
    indikator: str
    satuan: str
    target: str
    realisasi: str
    capaian: str
    predikat: str


@dataclass(frozen=True)
class DiffLine:
    path: str
    line: int
    segments: tuple[tuple[str, str], ...]  # (' ' | '-' | '+', text)


@dataclass(frozen=True)
class Report:
    """What the checking job found at the head commit."""

    head: str
    evaluation: str | None
    title: str = ""  # the report's judul
    findings: tuple[FindingRow, ...] = ()
    indicators: tuple[IndicatorRow, ...] = ()
    diff_since: str = ""  # commit of the last review ('' → since the draft began)
    diff: tuple[DiffLine, ...] = ()
    diff_more: int = 0  # changed lines left out
    problem: str = ""  # why the evaluation could not be checked, if it could not
    changed: tuple[str, ...] = ()  # paths git says the pull request changes (folders as one)


class BadReport(ValueError):
    """The checked results are not in the expected shape."""


def _str(raw: Mapping[str, Any], key: str, default: str = "") -> str:
    value = raw.get(key, default)
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise BadReport(key)
    return str(value)


def _int(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise BadReport("line")
    return value


def _list(raw: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
    value = raw.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise BadReport(key)
    return value


def parse_report(raw: Any) -> Report:
    """A ``Report`` from the JSON the checking job wrote; ``BadReport`` if it is not one."""
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise BadReport("format")
    head = _str(raw, "head")
    if not _SHA.match(head):
        raise BadReport("head")
    evaluation = _str(raw, "evaluation") or None
    findings = tuple(
        FindingRow(_str(f, "path"), _int(f.get("line")), _str(f, "cell"),
                   "warning" if f.get("severity") == "warning" else "error",
                   _str(f, "message"))
        for f in _list(raw, "findings"))
    indicators = tuple(
        IndicatorRow(*(_str(r, k) for k in ("id", "indikator", "satuan", "target",
                                             "realisasi", "capaian", "predikat")))
        for r in _list(raw, "indicators"))
    diff: list[DiffLine] = []
    for item in _list(raw, "diff"):
        segments = item.get("segments")
        if not isinstance(segments, list) or not all(
                isinstance(s, list) and len(s) == 2 and s[0] in (" ", "-", "+")
                and isinstance(s[1], str) for s in segments):
            raise BadReport("segments")
        diff.append(DiffLine(_str(item, "path"), _int(item.get("line")) or 0,
                             tuple((str(k), str(v)) for k, v in segments)))
    since = _str(raw, "diff_since")
    if since and not _SHA.match(since):
        raise BadReport("diff_since")
    more = _int(raw.get("diff_more")) or 0
    return Report(head=head, evaluation=evaluation, title=_str(raw, "title"), findings=findings,
                  indicators=indicators, diff_since=since, diff=tuple(diff), diff_more=more,
                  problem=_str(raw, "problem"), changed=_paths(raw.get("changed")))


def _paths(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise BadReport("changed")
    return tuple(value)


# --- where the report stands (trusted: computed by the posting job) ----------------------------

@dataclass(frozen=True)
class Return:
    role: str  # role label, e.g. "Sekretaris"
    login: str
    reason: str
    url: str = ""


@dataclass(frozen=True)
class Position:
    status: str  # one line: status and SOP step
    next_role: str | None  # label of who acts next
    next_people: tuple[str, ...] = ()
    returns: tuple[Return, ...] = ()  # standing returns, oldest first
    signed: bool = False
    notes: tuple[str, ...] = ()  # the gate's own notes (not from the report)


@dataclass(frozen=True)
class Links:
    """Addresses the comment links to; ``file`` gives a file (and line) at the head commit."""

    file: Callable[[str, int | None], str]
    pdf: str = ""  # the draft PDF itself (unzipped on GitHub), or its .zip on Gitea/Forgejo
    run: str = ""  # the run page holding the draft PDF as an artifact
    since: Callable[[str], str] | None = None  # a commit's page
    pdf_zipped: bool = False  # ``pdf`` downloads a .zip holding the PDF


def _link(text: str, url: str) -> str:
    return f"[{text}]({url})" if url else text


def safe_path(path: str) -> bool:
    return bool(_SAFE_PATH.match(path))


def _findings(report: Report, links: Links) -> list[str]:
    errors = sum(1 for f in report.findings if f.severity == "error")
    warnings = len(report.findings) - errors
    out = [f"### {t('comment.findings_title')}", ""]
    if not report.findings:
        out.append(t("comment.findings_none"))
        return out
    out.append(t("comment.findings_count", {"errors": errors, "warnings": warnings}))
    out.append("")
    for f in report.findings[:MAX_FINDINGS]:
        where = inert(f.path, MAX_CELL) + (f":{f.line}" if f.line else "")
        if f.cell:
            where += f" ({t('comment.cell')} {inert(f.cell, 12)})"
        url = links.file(f.path, f.line) if safe_path(f.path) else ""
        mark = "❌" if f.severity == "error" else "⚠️"
        out.append(f"- {mark} {_link(where, url)}: {inert(f.message)}")
    if len(report.findings) > MAX_FINDINGS:
        out.append(f"- {t('comment.more', {'count': len(report.findings) - MAX_FINDINGS})}")
    return out


def _cell(text: str) -> str:
    return inert(text, MAX_CELL) or "–"


def _table(report: Report) -> list[str]:
    out = [f"### {t('comment.capaian_title')}", ""]
    if not report.indicators:
        return [*out, t("comment.capaian_none")]
    out.append("| " + " | ".join(t("comment.capaian_headers").split("|")) + " |")
    out.append("|---|---|---:|---:|---:|---|")
    for r in report.indicators[:MAX_ROWS]:
        name = _cell(r.indikator) + (f" ({_cell(r.satuan)})" if r.satuan else "")
        out.append("| " + " | ".join([_cell(r.id), name, _cell(r.target), _cell(r.realisasi),
                                      _cell(r.capaian), _cell(r.predikat)]) + " |")
    if len(report.indicators) > MAX_ROWS:
        out += ["", t("comment.more", {"count": len(report.indicators) - MAX_ROWS})]
    return out


def _segment(kind: str, text: str) -> str:
    body = inert(text, MAX_CELL)
    lead = " " if text[:1].isspace() else ""
    tail = " " if text[-1:].isspace() else ""
    if not body:
        return lead
    if kind == " ":
        return f"{lead}{body}{tail}"  # words either side of a change keep their spaces
    return f"{lead}{'~~' if kind == '-' else '**'}{body}{'~~' if kind == '-' else '**'}{tail}"


def _diff(report: Report, links: Links) -> list[str]:
    out = [f"### {t('comment.diff_title')}", ""]
    if report.diff_since:
        short = report.diff_since[:7]
        url = links.since(report.diff_since) if links.since else ""
        out.append(t("comment.diff_since_review", {"commit": _link(f"`{short}`", url)}))
    else:
        out.append(t("comment.diff_since_start"))
    out.append("")
    if not report.diff:
        return [*out, t("comment.diff_none")]
    for line in report.diff[:MAX_DIFF_LINES]:
        where = f"{inert(line.path, MAX_CELL)}:{line.line}"
        url = links.file(line.path, line.line) if safe_path(line.path) else ""
        text = "".join(_segment(kind, text) for kind, text in line.segments).strip()
        out.append(f"- {_link(where, url)}: {text}")
    more = report.diff_more + max(0, len(report.diff) - MAX_DIFF_LINES)
    if more:
        out.append(f"- {t('comment.diff_more', {'count': more})}")
    return out


def _position(position: Position) -> list[str]:
    out = [f"### {t('comment.position_title')}", "", f"**{inert(position.status)}**"]
    if position.next_role:
        people = ", ".join(inert(p, MAX_CELL) for p in position.next_people)
        out += ["", t("comment.next", {"role": inert(position.next_role, MAX_CELL),
                                       "people": f" ({people})" if people else ""})]
    for ret in position.returns:
        who = _link(f"{inert(ret.role, MAX_CELL)} ({inert(ret.login, 60)})", ret.url)
        reason = inert(ret.reason) or t("comment.no_reason")
        out += ["", t("comment.returned", {"who": who, "reason": reason})]
    if position.notes:
        out += ["", *(f"- {inert(n)}" for n in position.notes[:10])]
    return out


def _pdf(report: Report, links: Links) -> list[str]:
    if report.evaluation is None:
        return []
    if links.pdf:
        key = "comment.pdf_zip" if links.pdf_zipped else "comment.pdf_direct"
        line = t(key, {"link": _link(t("comment.pdf_label"), links.pdf)})
    elif links.run:
        line = t("comment.pdf_run", {"link": _link(t("comment.pdf_run_label"), links.run)})
    else:
        line = t("comment.pdf_none")
    return [f"### {t('comment.pdf_title')}", "", line]


def render(report: Report, position: Position, links: Links) -> str:
    """The whole comment: marker, heading, position, PDF, findings, capaian, word changes."""
    title = t("comment.title", {"id": inert(report.evaluation or "–", 60),
                                "commit": report.head[:7]})
    heading = [MARKER, f"## {title}"]
    if report.title:
        heading += ["", f"**{inert(report.title, MAX_CELL)}**"]
    parts: list[Sequence[str]] = [heading, _position(position)]
    if report.problem:
        parts.append([f"> {t('comment.problem', {'detail': inert(report.problem)})}"])
    if report.evaluation is not None:
        parts += [_pdf(report, links), _findings(report, links), _table(report),
                  _diff(report, links)]
    parts.append([f"<sub>{t('comment.footer')}</sub>"])
    body = "\n\n".join("\n".join(p) for p in parts if p) + "\n"
    if len(body) > MAX_BODY:
        cut = body.rfind("\n", 0, MAX_BODY - 200)
        body = body[:cut] + "\n\n" + t("comment.truncated") + "\n"
    return body


def find_own(comments: Sequence[Any], bots: frozenset[str]) -> Any | None:
    """The summary comment written earlier: the oldest one by the workflow's own account that
    starts with the marker (a person quoting the marker does not take it over)."""
    for comment in comments:
        if comment.login in bots and comment.body.startswith(MARKER):
            return comment
    return None
