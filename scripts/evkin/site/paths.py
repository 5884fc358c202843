"""Where each generated page lives under ``docs/``, and links between them.

Every page is an ``index.md`` in its own folder, so its output is ``<folder>/index.html`` with
``use_directory_urls`` on or off, and every link can name ``index.html`` explicitly: the site
works from any plain web server and from a folder opened in a browser.
"""

from __future__ import annotations

import posixpath
from functools import lru_cache

from evkin.evaluation.model import Evaluation
from evkin.site.safe import slug

GENERATED = "arsip"  # docs/arsip/ (git-ignored) plus docs/index.md
HOME = "index.md"
ARCHIVE = f"{GENERATED}/index.md"
SOP = f"{GENERATED}/sop/index.md"
INDICATORS = f"{GENERATED}/indikator/index.md"
ASSETS = f"{GENERATED}/aset"
NAV_FILE = f"{GENERATED}/.situs.yml"  # read by the MkDocs hook; dotfiles are not published


def year_of(evaluation: Evaluation) -> str:
    return str(evaluation.period.year) if evaluation.period else "lainnya"


def report_dir(evaluation: Evaluation) -> str:
    return f"{GENERATED}/{year_of(evaluation)}/{slug(evaluation.id)}"


def report_page(evaluation: Evaluation) -> str:
    return f"{report_dir(evaluation)}/index.md"


def attachments_page(evaluation: Evaluation) -> str:
    return f"{report_dir(evaluation)}/lampiran/index.md"


def pdf_file(evaluation: Evaluation) -> str:
    return f"{report_dir(evaluation)}/laporan-{slug(evaluation.id)}.pdf"


def chart_file(evaluation: Evaluation, number: int = 1) -> str:
    suffix = "" if number == 1 else f"-{number}"
    return f"{report_dir(evaluation)}/grafik-capaian{suffix}.svg"


def year_page(year: str) -> str:
    return f"{GENERATED}/{year}/index.md"


def period_page(kind: str) -> str:
    return f"{GENERATED}/periode/{kind}/index.md"


def indicator_page(key: str) -> str:
    return f"{GENERATED}/indikator/{key}/index.md"


@lru_cache(maxsize=65536)
def url(from_page: str, to_file: str) -> str:
    """Relative URL from the page ``from_page`` (an ``.md`` under docs/) to ``to_file``
    (a page ``.md`` → its ``.html``, or a static file). Remembered: the archive's pages ask
    the same few thousand pairs tens of thousands of times."""
    target, hash_mark, fragment = to_file.partition("#")
    if target.endswith(".md"):
        target = target[:-3] + ".html"
    return relative(target, posixpath.dirname(from_page)) + hash_mark + fragment


def relative(target: str, base: str) -> str:
    """``posixpath.relpath(target, base or ".")`` for the site's own paths, by their names
    alone (``relpath`` makes both absolute, asking for the current folder, at every call:
    most of the trend pages' time at 1,000 reports). Paths with ``.``, ``..`` or empty parts,
    or absolute ones, go to ``relpath``."""
    to, at = target.split("/"), base.split("/") if base else []
    if target.startswith("/") or base.startswith("/") or any(
            part in ("", ".", "..") for part in (*to, *at)):
        return posixpath.relpath(target, base or ".")
    same = 0
    for mine, theirs in zip(to, at, strict=False):
        if mine != theirs:
            break
        same += 1
    return "/".join([".."] * (len(at) - same) + to[same:]) or "."
