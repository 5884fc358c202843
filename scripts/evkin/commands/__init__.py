"""One module per subcommand; each exposes ``register(subparsers)`` and ``run(args)``: parse,
call the rooms, print. ``evkin --help`` and a mistyped command import every module here, so a
command imports what its ``run`` needs inside ``run``: the only imports of evkin's own modules
inside functions in the package (``tests/test_architecture.py`` keeps it so)."""

from __future__ import annotations

import argparse
from pathlib import Path

from evkin.settings import Settings, find_root, load_settings


def settings_from(args: argparse.Namespace) -> Settings:
    """The repository's settings, from ``--root`` or the folder evkin runs in."""
    root = find_root(Path(args.root) if getattr(args, "root", None) else None)
    return load_settings(root)
