"""Writes the reference of ``docs/panduan/pengaturan.md`` from the declaration
(``settings_schema``), between two markers, so the guide cannot drift from what evkin accepts.

Maintainers run ``python -m evkin.settings_doc`` after changing the declaration;
``tests/test_settings_schema.py`` fails while the page and the declaration differ.
"""

from __future__ import annotations

import sys
from pathlib import Path

from evkin import environment
from evkin.files import write_atomic
from evkin.messages import t
from evkin.settings_schema import CHOICE, SCHEMA, Option, walk

BEGIN = ("<!-- evkin:pengaturan (dibuat dari evkin/settings_schema.py: "
         "python -m evkin.settings_doc) -->")
END = "<!-- /evkin:pengaturan -->"
ENV_BEGIN = ("<!-- evkin:variabel (dibuat dari evkin/environment.py: "
             "python -m evkin.settings_doc) -->")
ENV_END = "<!-- /evkin:variabel -->"
PAGE = Path("docs") / "panduan" / "pengaturan.md"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _kind(option: Option) -> str:
    word = t("settings.shape." + option.kind, None, "id")
    if option.kind == CHOICE:
        word += ": " + ", ".join(f"`{c}`" for c in option.choices)
    return word


def _default(option: Option) -> str:
    if option.required:
        return "wajib"
    return f"`{option.default}`" if option.default else "—"


def render_reference() -> str:
    """The generated part of the page: one table per section of ``evkin.yml``."""
    out = [BEGIN, ""]
    for top in SCHEMA:
        out += [f"### `{top.key}`", "",
                f"{top.doc[0].upper()}{top.doc[1:]}. Jenis: {_kind(top)}; "
                f"{'wajib' if top.required else 'boleh tidak ada'}; langkah SOP {top.step}.", ""]
        rows = [(path, o) for path, o in walk(top.children, top.key + ".")]
        if rows:
            out += ["| isian | jenis | bawaan | langkah | keterangan |", "|---|---|---|---|---|"]
            out += [f"| `{path}` | {_cell(_kind(o))} | {_cell(_default(o))} | {o.step} | "
                    f"{_cell(o.doc)} |" for path, o in rows]
            out.append("")
    out.append(END)
    return "\n".join(out)


def render_variables() -> str:
    """The environment variables evkin reads (``environment.VARIABLES``)."""
    out = [ENV_BEGIN, "", "| variabel | untuk | diisi di | rahasia |", "|---|---|---|---|"]
    out += [f"| `{v.name}` | {_cell(v.doc)} | {v.where} | {'ya' if v.secret else '—'} |"
            for v in environment.VARIABLES]
    return "\n".join([*out, "", ENV_END])


def _between(page: str, begin: str, end: str, body: str) -> str:
    start, stop = page.find(begin), page.find(end)
    if start < 0 or stop < start:
        raise ValueError(f"markers {begin!r} … {end!r} missing")
    return page[:start] + body + page[stop + len(end):]


def replace_reference(page: str) -> str:
    """``page`` with its generated sections (options, variables) regenerated."""
    page = _between(page, BEGIN, END, render_reference())
    return _between(page, ENV_BEGIN, ENV_END, render_variables())


def stale(page: str) -> bool:
    return replace_reference(page) != page


def main(argv: list[str] | None = None) -> int:
    path = Path((argv if argv is not None else sys.argv[1:])[0]) if (
        argv if argv is not None else sys.argv[1:]) else PAGE
    text = path.read_text(encoding="utf-8")
    new = replace_reference(text)
    if new != text:
        write_atomic(path, new)
        print(f"{path}: diperbarui")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
