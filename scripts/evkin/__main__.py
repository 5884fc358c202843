"""Allow ``python -m evkin``."""

from evkin.cli import entry

entry()
