"""MkDocs' copy of the static files taken out of its build and made beside what follows it.

MkDocs copies every static file (the reports' PDFs: 280 MB at 1,000 reports) before it renders
a page, in its one thread. The copy is the kernel's work (``sendfile``), and the search index
that follows the build leaves part of a core idle: so ``evkin site build`` records the copy
during the build (``deferred``) and runs it in a thread (``Copying.start``) while Pagefind
indexes the pages, which need none of those files. Whatever next writes into the site waits
for it first (``Copying.join``). A plain ``mkdocs build`` copies as MkDocs always does.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any


class Copying:
    """Copies made in a thread of their own while the caller goes on: the static files' copy
    MkDocs asked for (``deferred``), the PDFs a site build adds once they are laid out."""

    def __init__(self) -> None:
        self.calls: list[Callable[[], None]] = []
        self.thread: threading.Thread | None = None
        self.error: BaseException | None = None

    def start(self) -> None:
        """Begin copying (once MkDocs has finished: its page processes are forked no more)."""
        if self.thread is not None or not self.calls:
            return

        def run() -> None:
            try:
                for step in self.calls:
                    step()
            except BaseException as error:  # handed to whoever joins
                self.error = error

        self.thread = threading.Thread(target=run, name="evkin-salin-statis", daemon=True)
        self.thread.start()

    def join(self, raise_error: bool = True) -> None:
        """Wait until every file is copied (copying now if ``start`` was never called); the
        copy's error, if any, is raised here, unless an earlier error is on its way out."""
        if self.thread is None:
            self.start()
        if self.thread is not None:
            self.thread.join()
        self.calls = []
        error, self.error = self.error, None
        if error is not None and raise_error:
            raise error


@contextmanager
def deferred() -> Iterator[Copying]:
    """During one MkDocs build in this process: its static files' copy recorded, not made."""
    from mkdocs.structure.files import Files

    copying = Copying()
    original = Files.copy_static_files

    def record(self: Any, dirty: bool = False, **options: Any) -> None:
        copying.calls.append(lambda: original(self, dirty, **options))

    Files.copy_static_files = record  # type: ignore[method-assign]
    try:
        yield copying
    finally:
        Files.copy_static_files = original  # type: ignore[method-assign]
