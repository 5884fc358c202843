"""Earlier published versions on the report page ("Versi sebelumnya").

A published final PDF is replaced only by a newer approval; the replaced one stays in the
archive (``versi_lama`` in the manifest, its file under ``versi/``) and is listed on the report
page, labelled as an earlier version, with its SHA-256 and dates.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from pathlib import Path

from evkin.files import write_atomic
from evkin.indonesian_dates import format_moment
from evkin.record.manifest import Earlier, Manifest
from evkin.site import html
from evkin.site.safe import text

MARK = 'class="evkin-hash"'


def _when(value: object) -> str:

    try:
        return format_moment(dt.datetime.fromisoformat(str(value)))
    except ValueError:
        return "–"


def block(page: str, earlier: list[Earlier]) -> str:
    """The list of earlier versions for a page at ``page`` (site-relative)."""

    items = []
    for entry in sorted(earlier, key=lambda e: e.diganti or "", reverse=True):
        rel = posixpath.relpath(entry.pdf, posixpath.dirname(page))
        render = entry.render or entry.sha256
        items.append(
            f'<li id="versi-{text(render[:12])}">'
            + html.link(rel, "Unduh versi sebelumnya", download=True)
            + text(f" — terbit {_when(entry.terbit)}, digantikan "
                   f"{_when(entry.diganti)}; SHA-256 ")
            + f"<code>{text(entry.sha256)}</code></li>")
    return ('<div class="evkin-versi-lama" data-search-exclude><p><strong>Versi sebelumnya'
            "</strong> (tidak berlaku lagi; disimpan sebagai arsip):</p><ul>"
            + "".join(items) + "</ul></div>")


def list_earlier(data: Manifest, release: Path) -> None:
    """Add the earlier versions to each current report's page in the built ``release``."""
    by_id: dict[str, list[Earlier]] = {}
    for entry in data.versi_lama:
        if entry.pdf:
            by_id.setdefault(entry.id, []).append(entry)
    for report in data.laporan:
        earlier = by_id.get(report.id)
        page = report.halaman
        if not earlier or not page or ".." in page.split("/"):
            continue
        path = release / page
        if not path.is_file():
            continue
        content = path.read_text(encoding="utf-8")
        at = content.find(MARK)
        end = content.find("</p>", at) if at >= 0 else -1
        if end < 0:
            continue
        end += len("</p>")
        write_atomic(path, content[:end] + "\n" + block(page, earlier) + content[end:])
