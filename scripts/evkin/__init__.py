"""evkin: the SOP for Evaluasi Kinerja Internal as a Git-based document workflow."""

__version__ = "0.1.0"
