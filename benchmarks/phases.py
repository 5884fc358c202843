"""Run ``evkin`` with its main steps timed: ``python benchmarks/phases.py OUT.json ARGS...``.

The benchmark's own instrument, not evkin's: each step named in ``STEPS`` is wrapped where its
caller looks it up, and every call's start and end (seconds since the process began) are
written to OUT.json when the command ends, an error included. A step renamed or moved in evkin
makes this fail loudly (the smoke run of the benchmark catches it), never time nothing.
"""

from __future__ import annotations

import atexit
import functools
import importlib
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

BEGAN = time.perf_counter()
# (label, module where the caller finds it, attribute): a publication's steps.
STEPS = (
    ("derive", "evkin.archive.publish", "derive"),
    ("derive: verify trails", "evkin.archive.derive", "verify_all"),
    ("derive: check and assemble", "evkin.archive.derive", "collect"),
    ("site: PDF plan", "evkin.site.build", "plan"),
    ("site: pages", "evkin.site.build", "pages"),
    ("site: write docs/", "evkin.site.build", "write"),
    ("site: MkDocs", "evkin.site.build", "run_mkdocs"),
    ("site: Pagefind, pages linked and started", "evkin.site.search", "begin_index"),
    ("site: Pagefind, waited for after the manifest", "evkin.site.build", "Built.finish"),
)
# The steps that follow one another in the main process: what they leave is the rest.
TOP = ("derive", "site: PDF plan", "site: pages", "site: write docs/", "site: MkDocs",
       "site: Pagefind, pages linked and started",
       "site: Pagefind, waited for after the manifest")
calls: list[tuple[str, float, float]] = []


def timed(label: str, function: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            calls.append((label, start - BEGAN, time.perf_counter() - BEGAN))
    return wrapper


def main() -> None:
    out = Path(sys.argv[1])
    for label, module, attribute in STEPS:
        owner: Any = importlib.import_module(module)
        *classes, name = attribute.split(".")  # a method: "Class.method"
        for cls in classes:
            owner = getattr(owner, cls)
        # getattr fails loudly when evkin renamed the step.
        setattr(owner, name, timed(label, getattr(owner, name)))
    atexit.register(lambda: out.write_text(json.dumps(
        {"calls": calls, "total": time.perf_counter() - BEGAN}), encoding="utf-8"))
    from evkin.cli import main as evkin_main

    # As ``python -m evkin`` runs it (``cli.entry``): the exit handlers, this one's included,
    # run before a command that allows it ends the process at once.
    raise SystemExit(evkin_main(sys.argv[2:], end_process=True))


def summary(runs: list[dict[str, Any]]) -> list[tuple[str, float]]:
    """Per step, the median over ``runs`` of its calls' summed time; then the rest."""
    import statistics

    def per_run(run: dict[str, Any], label: str) -> float:
        return sum(end - start for name, start, end in run["calls"] if name == label)

    rows = [(label, statistics.median(per_run(run, label) for run in runs))
            for label, _, _ in STEPS]
    rest = statistics.median(run["total"] - sum(per_run(run, label) for label in TOP)
                             for run in runs)
    return [*rows, ("the rest: start, manifest, signature, record", rest)]


if __name__ == "__main__":
    main()
