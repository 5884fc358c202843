"""One module per subcommand; each exposes ``register(subparsers)`` and ``run(args)``."""

from __future__ import annotations

import argparse
from pathlib import Path

from evkin.settings import Settings, find_root, load_settings


def settings_from(args: argparse.Namespace) -> Settings:
    """The repository's settings, from ``--root`` or the folder evkin runs in."""
    root = find_root(Path(args.root) if getattr(args, "root", None) else None)
    return load_settings(root)
