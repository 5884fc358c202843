"""What a generated page starts with: a report's title (its own ``judul`` or the SOP's name
for the period, marked DRAF until final) and the YAML front matter MkDocs reads."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from evkin.site.collect import Report
from evkin.site.safe import plain_title


def title(report: Report) -> str:
    ev = report.evaluation
    if ev.judul:
        return ev.judul
    label = ev.period.label() if ev.period else ev.id
    return f"Laporan Hasil Evaluasi Kinerja Internal {label}"


def page_title(report: Report) -> str:
    prefix = "" if report.final else "DRAF – "
    return plain_title(prefix + title(report))


def front_matter(page_title_text: str, description: str = "",
                 hide: Sequence[str] = (), flags: Sequence[str] = (),
                 values: Mapping[str, str] | None = None) -> str:
    """YAML front matter; every value is a ``plain_title`` (no quotes, no markup); ``flags``
    are evkin's own switches read by the theme override (``name: true``), ``values`` its own
    settings (``name: "value"``)."""
    lines = ["---", f'title: "{plain_title(page_title_text)}"']
    if description:
        lines.append(f'description: "{plain_title(description, 300)}"')
    if hide:
        lines.append("hide: [" + ", ".join(hide) + "]")
    lines.extend(f"{flag}: true" for flag in flags)
    lines.extend(f'{name}: "{plain_title(value)}"' for name, value in (values or {}).items())
    lines.append("---")
    return "\n".join(lines) + "\n\n"
