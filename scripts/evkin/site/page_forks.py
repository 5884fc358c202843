"""MkDocs' page templates rendered on every core: the build forks once it starts writing pages.

MkDocs renders each page's template (navigation, header, footer around the converted
content) one after the other in one process; for an archive of 1,000 reports that is the
longest single step of a publication, on one core of two. Each page's HTML depends only on the
page and the navigation, never on the pages rendered before it, so the build forks when it
reaches the first page: each process renders every n-th page and writes its file, the
children exit, and the parent waits for them before MkDocs goes on (anchor checks, post-build
events). A child that fails stops the build with its page named, as MkDocs would. Where a
plugin or hook sees each rendered page (``on_page_context``, ``on_post_page``: what it gathers
in a child would be lost) one process renders them all, as before.

Only where ``os.fork`` exists and there is more than one core; with fewer pages than
``MIN_PAGES`` forking costs more than it saves.
"""

from __future__ import annotations

import os
import signal
import sys
import traceback
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from typing import Any

MIN_PAGES = 200


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@dataclass
class _Share:
    """This process's part of the page loop."""

    ways: int = 1
    mine: int = 0  # this process renders the pages whose index % ways == mine
    children: dict[int, int] = field(default_factory=dict)  # pid → read end of its pipe
    report: int = -1  # a child's write end: why it failed
    index: int = 0


def _fork(share: _Share, ways: int) -> None:
    sys.stdout.flush()  # nothing buffered before the fork is written twice
    sys.stderr.flush()
    share.ways = ways
    for k in range(1, ways):
        read, write = os.pipe()
        with warnings.catch_warnings():  # Python 3.12 warns of threads (the PDF workers'
            warnings.simplefilter("ignore", DeprecationWarning)  # manager): none is used
            pid = os.fork()
        if pid == 0:
            os.close(read)
            for other in share.children.values():
                os.close(other)
            share.children = {}
            share.mine, share.report = k, write
            return
        os.close(write)
        share.children[pid] = read


def _child_done(share: _Share, status: int, message: str = "") -> None:
    """A child leaves as soon as its pages are written; nothing of the parent's runs in it
    again (no atexit, no buffered output of the parent)."""
    with suppress(OSError):
        if message:
            os.write(share.report, message.encode("utf-8", "replace")[:8192])
        sys.stdout.flush()
        sys.stderr.flush()
    os._exit(status)


def _collect(share: _Share) -> str:
    """Wait for every child; the first failure's message ('' when all rendered their pages)."""
    failed = ""
    for pid, read in share.children.items():
        chunks = []
        while chunk := os.read(read, 65536):
            chunks.append(chunk)
        os.close(read)
        _, status = os.waitpid(pid, 0)
        if status != 0 and not failed:
            failed = b"".join(chunks).decode("utf-8", "replace") or f"status {status}"
    share.children = {}
    return failed


def _stop(share: _Share) -> None:
    for pid, read in share.children.items():
        with suppress(OSError):
            os.kill(pid, signal.SIGKILL)
        with suppress(OSError):
            os.waitpid(pid, 0)
        with suppress(OSError):
            os.close(read)
    share.children = {}


def _watched(config: Any) -> bool:
    """Does a plugin or hook see each rendered page (MkDocs' search plugin gathers its index
    there)? What it gathers in a child would be lost: then one process renders them all."""
    events = config.plugins.events
    return bool(events.get("page_context") or events.get("post_page"))


@contextmanager
def shared(ways: int | None = None) -> Iterator[None]:
    """During one MkDocs build in this process: the page loop split over ``ways`` processes
    (every core by default)."""
    from mkdocs.commands import build as mkdocs_build
    from mkdocs.exceptions import MkDocsException

    ways = ways or cores()
    original: Callable[..., None] = mkdocs_build._build_page
    share = _Share()

    def build_page(page: Any, config: Any, doc_files: Any, nav: Any, env: Any,
                   dirty: bool = False, excluded: bool = False) -> None:
        i, total = share.index, len(doc_files)
        share.index += 1
        if (i == 0 and ways > 1 and total >= MIN_PAGES and not dirty
                and hasattr(os, "fork") and not _watched(config)):
            _fork(share, ways)
        if share.mine == 0:  # the parent: its own pages, then waits for the children
            if i % share.ways == 0:
                try:
                    original(page, config, doc_files, nav, env, dirty, excluded)
                except BaseException:
                    _stop(share)
                    raise
            if i == total - 1 and share.children:
                failed = _collect(share)
                if failed:
                    raise MkDocsException(f"{failed} (evkin.site.page_forks)")
            return
        if i % share.ways == share.mine:
            try:
                original(page, config, doc_files, nav, env, dirty, excluded)
            except BaseException as error:
                detail = "".join(traceback.format_exception_only(error)).strip()
                _child_done(share, 1, f"{page.file.src_uri}: {detail}")
        following = i + 1 + (share.mine - i - 1) % share.ways  # this child's next page
        if following >= total:
            _child_done(share, 0)  # no page of this child is left

    mkdocs_build._build_page = build_page
    try:
        yield
    finally:
        mkdocs_build._build_page = original
        _stop(share)  # a build stopped before its last page: no child renders on
