"""Earlier published versions on the report page ("Versi sebelumnya").

A published final PDF is replaced only by a newer approval; the replaced one stays in the
archive (``versi_lama`` in the manifest, its file under ``versi/``) and is listed on the report
page, labelled as an earlier version, with its SHA-256 and dates.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from pathlib import Path
from typing import Any

from evkin.approval import write_atomic

MARK = 'class="evkin-hash"'


def _when(value: object) -> str:
    from evkin.indonesian_dates import format_moment

    try:
        return format_moment(dt.datetime.fromisoformat(str(value)))
    except ValueError:
        return "–"


def block(page: str, earlier: list[dict[str, Any]]) -> str:
    """The list of earlier versions for a page at ``page`` (site-relative)."""
    from evkin.site import html
    from evkin.site.safe import text

    items = []
    for entry in sorted(earlier, key=lambda e: str(e.get("diganti") or ""), reverse=True):
        rel = posixpath.relpath(str(entry["pdf"]), posixpath.dirname(page))
        render = str((entry.get("render") or {}).get("sha256") or entry["sha256"])
        items.append(
            f'<li id="versi-{text(render[:12])}">'
            + html.link(rel, "Unduh versi sebelumnya", download=True)
            + text(f" — terbit {_when(entry.get('terbit'))}, digantikan "
                   f"{_when(entry.get('diganti'))}; SHA-256 ")
            + f"<code>{text(str(entry['sha256']))}</code></li>")
    return ('<div class="evkin-versi-lama" data-search-exclude><p><strong>Versi sebelumnya'
            "</strong> (tidak berlaku lagi; disimpan sebagai arsip):</p><ul>"
            + "".join(items) + "</ul></div>")


def list_earlier(data: dict[str, Any], release: Path) -> None:
    """Add the earlier versions to each current report's page in the built ``release``."""
    by_id: dict[str, list[dict[str, Any]]] = {}
    for entry in data.get("versi_lama", []):
        if isinstance(entry, dict) and entry.get("pdf"):
            by_id.setdefault(str(entry.get("id")), []).append(entry)
    for report in data.get("laporan", []):
        earlier = by_id.get(str(report.get("id")))
        page = str(report.get("halaman") or "")
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
