"""One door: Tim SAKIP changes one indicator's realisasi, and every output shows the same new
capaian, predikat and sasaran average (``evkin summary``, ``evkin check``, the pull-request
comment, the Word copy and the PDF), because each renders what ``assembly.assemble`` made.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

from pytest_httpserver import HTTPServer

from evkin.report.outputs import build_docx, build_pdf
from evkin.settings import load_settings

from .conftest import copy_sample, git
from .test_docx import document_text
from .test_forge import TOKEN
from .test_pdf import flat, texts
from .test_tanpa_terminal import Forge, _run

ID = "2025-tahunan"
DATA = f"evaluations/{ID}/indikator.csv"


def test_a_changed_indicator_shows_the_same_capaian_in_every_output(
        evkin: Any, httpserver: HTTPServer, tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setenv("EVKIN_TOKEN", TOKEN)
    root = copy_sample(tmp_path / "repo")
    base_root = tmp_path / "base"  # the target branch's settings, for the posting job
    base_root.mkdir()
    (base_root / "evkin.yml").write_text((root / "evkin.yml").read_text(encoding="utf-8"),
                                         encoding="utf-8")
    shutil.copytree(root / "assets", base_root / "assets")
    git(root, "checkout", "-q", "-b", "draf-2025")
    data = (root / DATA).read_text(encoding="utf-8")
    # IK-01: target 80,50; realisasi 81,17 → 70,00: capaian 100,83 % → 86,96 % (Tinggi).
    changed = data.replace(";80,50;;81,17;", ";80,50;;70,00;")
    assert changed != data
    (root / DATA).write_text(changed, encoding="utf-8")
    git(root, "commit", "-q", "-am", "Realisasi IK-01 diperbaiki")
    head = git(root, "rev-parse", "HEAD")

    summary = evkin("summary", ID, "--format", "json", root=root)
    assert summary.code == 0, summary.err
    shown = json.loads(summary.out)
    row = next(r for r in shown["indikator"] if r["id"] == "IK-01")
    capaian, predikat = row["capaian_teks"], row["predikat"]
    assert (capaian, predikat) == ("86,96 %", "Tinggi")  # 70 / 80,5, on the sample's scale
    sasaran = next(g for g in shown["sasaran"]
                   if g["sasaran"] == "Meningkatnya kualitas infrastruktur jalan provinsi")

    check = evkin("check", ID, "--format", "json", root=root)
    checked = json.loads(check.out)["evaluations"][0]["indicators"]
    assert [(r["capaian_teks"], r["predikat"]) for r in checked if r["id"] == "IK-01"] \
        == [(capaian, predikat)]

    # The pull-request comment: its table and its figure diff.
    stand_in = Forge(httpserver, "github")
    stand_in.serve(head, {"head": head}, [])
    _run(evkin, stand_in, root, base_root, tmp_path, head)
    (comment,) = stand_in.ours()
    body = comment["body"]
    table_row = next(line for line in body.splitlines() if line.startswith("| IK\\-01 |"))
    cells = [c.strip() for c in table_row.strip("|").split("|")]
    assert cells[-3:] == ["70,00", capaian, predikat], table_row
    # The figure diff (the old commit's capaian beside the new) agrees with the table.
    assert f"capaian ~~100,83 %~~ → **{capaian}**; predikat ~~Sangat Tinggi~~ → " \
           f"**{predikat}**" in body

    # The Word copy and the PDF: the row and the sasaran's average.
    settings = load_settings(root)
    word = document_text(build_docx(settings, ID, tmp_path / "docx"))
    pdf = flat(" ".join(texts(build_pdf(settings, ID, tmp_path / "pdf"))))
    average = f"{sasaran['rata_rata']:.2f} %".replace(".", ",")
    for name, text in (("Word", flat(word)), ("PDF", pdf)):
        assert re.search(rf"\(IK-01\).{{0,80}}? 70,00 {re.escape(capaian)} {predikat}\b",
                         text), name
        assert "100,83 %" not in text.split("Perbandingan Capaian")[0], name
        assert f"{average} {sasaran['predikat']}" in text, name
