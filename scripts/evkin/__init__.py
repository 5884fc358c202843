"""evkin: the SOP for Evaluasi Kinerja Internal as a Git-based document workflow."""

from evkin import dataclass_code

__version__ = "0.1.0"

dataclass_code.install()  # before any of evkin's dataclasses is defined
