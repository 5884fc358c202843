"""``evkin portal``: check every agency's archive, then write the portal beside the output
folder and put it in place with renames (a failed run leaves the previous portal as it was)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from evkin.files import write_atomic
from evkin.portal import pages, state
from evkin.portal.config import Portal
from evkin.portal.verify import Checked, check_agency
from evkin.site import search


@dataclass
class Result:
    out: Path
    checked: list[Checked]
    reports: int


def write_portal(portal: Portal, checked: list[Checked], folder: Path, when: str) -> int:
    """Every page of the portal into ``folder`` (new and empty); returns the reports listed."""

    def put(rel: str, content: str | bytes) -> None:
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, content)

    put("index.html", pages.home(portal.judul, checked, when))
    put("aset/portal.css", pages.CSS)
    script = resources.files("evkin.site").joinpath("overrides/assets/evkin/cari.js")
    put("aset/cari.js", script.read_bytes())
    put("cari/index.html", pages.search_page(portal.judul))
    put("cari/ringkas.js", pages.summary_index(checked))
    count = 0
    for c in checked:
        put(f"instansi/{c.agency.kode}/index.html", pages.agency_page(c))
        for r in c.reports:
            put(pages.report_dir(c.agency.kode, str(r["id"])) + "/index.html",
                pages.report_page(c, r))
            count += 1
    search.index_site(folder)
    return count


def build(portal: Portal, out: Path, when: str,
          progress: Callable[[Checked], None] | None = None) -> Result:
    workers = max(2, 2 * (os.cpu_count() or 1))
    record = state.path_for(portal.root)
    seen = state.load(record)
    checked = []
    for agency in portal.agencies:
        found = check_agency(agency, workers, seen.get(agency.kode))
        checked.append(found)
        if progress:
            progress(found)
    out = out.absolute()
    out.parent.mkdir(parents=True, exist_ok=True)
    fresh = out.parent / f".{out.name}.baru-{os.getpid()}"
    shutil.rmtree(fresh, ignore_errors=True)
    fresh.mkdir()
    try:
        count = write_portal(portal, checked, fresh, when)
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    old = out.parent / f".{out.name}.lama-{os.getpid()}"
    if out.exists():
        os.replace(out, old)
    os.replace(fresh, out)
    shutil.rmtree(old, ignore_errors=True)
    # After the portal is in place: a run that failed before leaves the record as it was.
    state.save(record, state.updated(seen, checked, when))
    return Result(out, checked, count)
