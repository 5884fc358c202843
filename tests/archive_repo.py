"""Repositories for the archive tests: approved, unapproved, modified-after-approval and an
approved evaluation whose every text field tries to inject script."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from evkin.approval.records import Approval, Trail, save_trail
from evkin.approval.trail import folder_tree
from tests.conftest import copy_sample, git, record_signed

WIB = dt.timezone(dt.timedelta(hours=7))
APPROVED = ("2024-tahunan", "2025-tahunan")  # the sample's own trails
UNAPPROVED = "2026-tw1"
MODIFIED = "2026-tw2"
# The sample's recommendations still open after 2025-tahunan.
OPEN_AFTER_SAMPLE = ("2024-tahunan-R3", "2025-tahunan-R1", "2025-tahunan-R2", "2025-tahunan-R3")
INJECTED = "2026-s1"
MARK = "EVKIN-XSS"
PAYLOAD = f"window.__evkinXss=1,alert('{MARK}')"  # no ';': it also goes into CSV cells

# Every way we know to slip script or markup through Markdown, HTML, YAML and CSV.
REPORT_CORPUS = f"""
<script>{PAYLOAD}</script>

<img src=x onerror="{PAYLOAD}">

<svg onload="{PAYLOAD}"><circle r=5 /></svg>

<svg><script>{PAYLOAD}</script></svg>

<iframe src="javascript:{PAYLOAD}"></iframe>

<object data="javascript:{PAYLOAD}"></object>

<embed src="javascript:{PAYLOAD}">

<form action="javascript:{PAYLOAD}"><button>kirim</button></form>

<meta http-equiv="refresh" content="0;url=javascript:{PAYLOAD}">

<base href="javascript:{PAYLOAD}//">

<details open ontoggle="{PAYLOAD}"><summary>x</summary>y</details>

<a href="javascript:{PAYLOAD}">tautan javascript mentah</a>

<a href="jav&#x09;ascript:{PAYLOAD}">tautan javascript tersamar</a>

<a href="#" onclick="{PAYLOAD}">tautan onclick</a>

<style>body {{ background: url(http://example.invalid/x.png) }}</style>

<link rel="stylesheet" href="http://example.invalid/x.css">

<img src="http://example.invalid/luar.png">

<math><mtext><table><mglyph><style><img src=x onerror="{PAYLOAD}">

<div id="__config">{{}}</div>

<div id="mermaid" class="mermaid">graph TD; A-->B</div>

<pre class="mermaid">graph TD; A-->B</pre>

<input autofocus onfocus="{PAYLOAD}">

<video><source onerror="{PAYLOAD}"></video>

[tautan markdown](javascript:{PAYLOAD})

[tautan huruf campur](JaVaScRiPt:{PAYLOAD})

[tautan data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)

<javascript:{PAYLOAD}>

![gambar](x" onerror="{PAYLOAD})

![gambar luar](http://example.invalid/y.png)

Teks dengan atribut {{: onclick="{PAYLOAD}" }}
{{: onclick="{PAYLOAD}" }}

```mermaid
graph TD
  A-->B
  click A call alert('{MARK}')
```

```
</code></pre><script>{PAYLOAD}</script>
```

| kolom | isi |
|---|---|
| <script>{PAYLOAD}</script> | <img src=x onerror="{PAYLOAD}"> |
| `<b>` | <a href="javascript:{PAYLOAD}">sel</a> |

--8<-- "/etc/passwd"

\x02wzxhzdk:0\x03
"""

HEADING = f"Ruang Lingkup <img src=x onerror=\"{PAYLOAD}\"> {{#x onclick=\"{PAYLOAD}\"}}"


def approve(root: Path, evaluation_id: str, paraf_at: dt.datetime | None = None,
            commit: bool = True) -> None:
    """Record a paraf and a later signature of the folder as committed at HEAD."""
    tree = folder_tree(root, evaluation_id)
    head = git(root, "rev-parse", "HEAD")
    at = paraf_at or dt.datetime(2026, 7, 20, 9, 0, tzinfo=WIB)
    common = {"tree": tree, "commit": head}
    trail = Trail(evaluation_id, (
        Approval("sekretaris", "paraf", "Dra. Rina Marlina, M.Si.", at, jabatan="Sekretaris",
                 nip="197511042000032001", login="rina-marlina",
                 url=f"https://git.example/pr/1#{evaluation_id}-paraf", **common),
        Approval("kepala_dinas", "tanda_tangan", "Ir. Hendra Saputra, M.T.",
                 at + dt.timedelta(days=1, hours=2), jabatan="Kepala Dinas",
                 nip="197003121995031002", login="hendra-saputra", **common),
    ), tree=tree, commit=head, source="github", pull_request="https://git.example/pr/1")
    save_trail(root, record_signed(trail))
    if commit:
        git(root, "add", "persetujuan")
        git(root, "commit", "-q", "-m", f"Jejak persetujuan {evaluation_id}")


def add_evaluation(root: Path, evaluation_id: str, source: str = "2025-tahunan") -> Path:
    folder = root / "evaluations" / evaluation_id
    shutil.copytree(root / "evaluations" / source, folder)
    meta = folder / "evaluasi.yml"
    text = meta.read_text(encoding="utf-8")
    text = text.replace("sebelumnya: 2024-tahunan", f"sebelumnya: {source}")
    text = text.replace("Tahun 2025", f"Periode {evaluation_id}")
    meta.write_text(text, encoding="utf-8")
    # The copy makes no recommendations of its own and follows up every one still open.
    (folder / "rekomendasi.yml").unlink(missing_ok=True)
    (folder / "tindak-lanjut.yml").write_text("".join(
        f"- rekomendasi: {rec}\n  status: dalam proses\n  uraian: Sedang dikerjakan.\n"
        for rec in OPEN_AFTER_SAMPLE), encoding="utf-8")
    return folder


def inject(folder: Path) -> None:
    """Put the corpus into every author-written field of an evaluation folder."""
    meta = folder / "evaluasi.yml"
    text = meta.read_text(encoding="utf-8").splitlines()
    text = [f"judul: \"</title><script>{PAYLOAD}</script> Laporan Semester <b>I</b>\""
            if line.startswith("judul:") else line for line in text]
    meta.write_text("\n".join(text) + "\n", encoding="utf-8")
    report = folder / "laporan.md"
    body = report.read_text(encoding="utf-8")
    body = body.replace("## Ruang Lingkup", f"## {HEADING}")
    body = body.replace("# Analisis", f"{REPORT_CORPUS}\n# Analisis", 1)
    report.write_text(body, encoding="utf-8")
    data = folder / "indikator.csv"
    rows = data.read_text(encoding="utf-8").splitlines()
    rows[1] = rows[1].replace("Persentase jalan provinsi dalam kondisi mantap",
                              f"Jalan <img src=x onerror=\"{PAYLOAD}\"> mantap")
    rows[2] = rows[2].replace("Meningkatnya kualitas infrastruktur jalan provinsi",
                              f"Sasaran <script>{PAYLOAD}</script>")
    data.write_text("\n".join(rows) + "\n", encoding="utf-8")
    nota = folder / "dokumen" / "01-nota-dinas-penugasan.md"
    text_n = nota.read_text(encoding="utf-8")
    text_n = text_n.replace("sifat: Biasa", f"sifat: \"<img src=x onerror=\\\"{PAYLOAD}\\\">\"")
    text_n = text_n.replace("hal: ", f"hal: </dd><script>{PAYLOAD}</script> ", 1)
    text_n += f"\n<script>{PAYLOAD}</script>\n\n[lampiran](javascript:{PAYLOAD})\n"
    nota.write_text(text_n, encoding="utf-8")
    notulen = folder / "dokumen" / "04-notulen-pembahasan.md"
    text_m = notulen.read_text(encoding="utf-8")
    text_m = text_m.replace("jabatan: Kepala Dinas}",
                            f"jabatan: \"<svg onload={PAYLOAD}>\"}}", 1)
    notulen.write_text(text_m, encoding="utf-8")


def make_archive_repo(dest: Path) -> Path:
    """Sample (two approved) + one unapproved + one modified after approval + one approved
    injection corpus; all committed."""
    root = copy_sample(dest)
    add_evaluation(root, UNAPPROVED)
    add_evaluation(root, MODIFIED)
    inject(add_evaluation(root, INJECTED))
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Evaluasi 2026")
    approve(root, MODIFIED)
    approve(root, INJECTED)
    report = root / "evaluations" / MODIFIED / "laporan.md"
    report.write_text(report.read_text(encoding="utf-8") + "\nKalimat tambahan.\n",
                      encoding="utf-8")
    git(root, "commit", "-q", "-am", "Ubah laporan setelah disetujui")
    return root
