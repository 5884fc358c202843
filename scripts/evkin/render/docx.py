"""``evkin docx``: a Word copy of the report for reviewers who mark up with Track Changes.

Same text, same capaian, comparison and follow-up tables, charts and signature block as the PDF,
through pandoc's docx writer and a reference document made here from pandoc's own:
Arial-compatible font 11 pt, black headings, A4 or F4 with Tata Naskah Dinas margins, table
columns as wide as the PDF's. Charts are PNG pictures (laid out by Typst from the PDF's SVG):
Word and LibreOffice both show a PNG, and LibreOffice 7.4 shows a docx SVG blank. The PDF stays
the official document; the Word copy says so on its first line.
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import tempfile
import zipfile
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from evkin.findings import EvkinError
from evkin.indonesian_dates import day_of
from evkin.provenance import Source, build_time
from evkin.render import content, fonts, indonesian, markup, typst_engine
from evkin.render.chart import chart_svg
from evkin.render.pdf import write_output
from evkin.settings import Settings

if TYPE_CHECKING:  # the type only: render loads nothing (``assembly`` does)
    from evkin.report.assembly import Assembled

FILTER = "docx.lua"
TWIPS_PER_MM = 1440 / 25.4
# Tata Naskah Dinas margins (mm): top, right, bottom, left.
MARGINS_MM = (20, 20, 25, 30)
_ZIP_TIME = (2000, 1, 1, 0, 0, 0)


def _twips(mm: float) -> int:
    return round(mm * TWIPS_PER_MM)


def _styles(xml: str, font: str) -> str:
    """Arial-compatible font everywhere, 11 pt body, black bold headings, Indonesian."""
    fonts = f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" w:cs="{font}" />'
    xml = re.sub(r"<w:rFonts\b[^>]*/>", fonts, xml)
    xml = re.sub(r'(<w:rPrDefault>.*?<w:sz w:val=")\d+(" />\s*<w:szCs w:val=")\d+',
                 r"\g<1>22\g<2>22", xml, count=1, flags=re.S)
    xml = re.sub(r'<w:lang w:val="en-US"', '<w:lang w:val="id-ID"', xml)
    xml = re.sub(r"<w:color\b[^>]*/>", '<w:color w:val="000000" />', xml)
    sizes = {"Title": 28, "Subtitle": 22, "Heading1": 26, "Heading2": 24, "Heading3": 22,
             "Heading4": 22}

    def resize(match: re.Match[str]) -> str:
        block = match.group(0)
        size = sizes[match.group(1)]
        block = re.sub(r'<w:sz w:val="\d+" />', f'<w:sz w:val="{size}" />', block)
        block = re.sub(r'<w:szCs w:val="\d+" />', f'<w:szCs w:val="{size}" />', block)
        if match.group(1) != "Subtitle":
            block = block.replace("<w:rPr>", "<w:rPr><w:b />", 1)
        return block

    pattern = r'<w:style w:type="paragraph" w:styleId="(' + "|".join(sizes) + r')">.*?</w:style>'
    xml = re.sub(pattern, resize, xml, flags=re.S)
    xml = re.sub(r'(<w:style w:type="table" w:default="1" w:styleId="Table">.*?)'
                 r'<w:tblPr>.*?</w:tblPr>', lambda m: m.group(1) + TABLE_PROPERTIES, xml,
                 count=1, flags=re.S)
    return xml.replace("</w:styles>", CUSTOM_STYLES + "</w:styles>")


# Tables as the PDF draws them: a thin grid, text off the borders, 9.5 pt.
_BORDER = 'w:val="single" w:sz="4" w:space="0" w:color="000000"'
TABLE_PROPERTIES = (
    '<w:pPr><w:spacing w:before="20" w:after="20" /></w:pPr>'
    '<w:rPr><w:sz w:val="19" /><w:szCs w:val="19" /></w:rPr>'
    '<w:tblPr><w:tblInd w:w="0" w:type="dxa" /><w:tblBorders>'
    + "".join(f"<w:{side} {_BORDER} />" for side in ("top", "left", "bottom", "right",
                                                     "insideH", "insideV"))
    + '</w:tblBorders><w:tblCellMar><w:top w:w="45" w:type="dxa" />'
    '<w:left w:w="85" w:type="dxa" /><w:bottom w:w="45" w:type="dxa" />'
    '<w:right w:w="85" w:type="dxa" /></w:tblCellMar></w:tblPr>')


def _style(style_id: str, name: str, ppr: str, rpr: str) -> str:
    return (f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{style_id}">'
            f'<w:name w:val="{name}" /><w:basedOn w:val="Normal" /><w:qFormat />'
            f'<w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>')


# The paragraph styles docx.lua names (custom-style), so Word shows them as the PDF does.
CUSTOM_STYLES = "".join((
    _style("ReviewNote", "Review Note",
           '<w:pBdr><w:top w:val="single" w:sz="4" w:space="4" w:color="B00020" />'
           '<w:bottom w:val="single" w:sz="4" w:space="4" w:color="B00020" /></w:pBdr>'
           '<w:spacing w:before="120" w:after="240" />',
           '<w:i /><w:color w:val="B00020" /><w:sz w:val="18" /><w:szCs w:val="18" />'),
    _style("Signature", "Signature", '<w:ind w:left="4820" /><w:spacing w:after="0" />', ""),
    _style("SignatureNote", "Signature Note",
           '<w:ind w:left="4820" /><w:spacing w:before="240" w:after="240" />',
           '<w:i /><w:sz w:val="18" /><w:szCs w:val="18" />'),
    _style("Paraf", "Paraf", '<w:spacing w:before="360" />',
           '<w:sz w:val="18" /><w:szCs w:val="18" />'),
    _style("BuildStamp", "Build Stamp", '<w:spacing w:before="360" />',
           '<w:color w:val="595959" /><w:sz w:val="16" /><w:szCs w:val="16" />'),
))


def _section(paper: str) -> str:
    width, height = content.PAPER_MM.get(paper, content.PAPER_MM["A4"])
    top, right, bottom, left = (_twips(m) for m in MARGINS_MM)
    return (f'<w:sectPr><w:pgSz w:w="{_twips(width)}" w:h="{_twips(height)}" />'
            f'<w:pgMar w:top="{top}" w:right="{right}" w:bottom="{bottom}" w:left="{left}" '
            f'w:header="709" w:footer="709" w:gutter="0" /></w:sectPr>')


def reference_docx(paper: str, font: str) -> bytes:
    """pandoc's default reference.docx restyled for the agency; byte-stable."""
    raw = subprocess.run([markup.pandoc_path(), "--print-default-data-file", "reference.docx"],
                         capture_output=True, check=True).stdout
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/styles.xml":
                data = _styles(data.decode("utf-8"), font).encode("utf-8")
            elif item.filename == "word/document.xml":
                text = re.sub(r"<w:sectPr\b.*?</w:sectPr>", "", data.decode("utf-8"),
                              flags=re.S)
                data = text.replace("</w:body>", _section(paper) + "</w:body>").encode("utf-8")
            info = zipfile.ZipInfo(item.filename, _ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, data)
    return out.getvalue()


CHART_PPI = 200  # sharp when printed at the chart's 16 cm width
CHART_WIDTH_CM = 16


def chart_png(settings: Settings, svg: str) -> bytes:
    """The chart the PDF shows, as a PNG laid out by Typst with the PDF's fonts."""
    source = ('#set page(width: auto, height: auto, margin: 0pt, fill: white)\n'
              f'#image(bytes(sys.inputs.svg), format: "svg", width: {CHART_WIDTH_CM}cm)\n')
    choice = fonts.choose(settings.fonts)
    compiler = typst_engine.compiler(fonts.typst_fonts(choice))
    return typst_engine.compile_document(compiler, source.encode("utf-8"), "png",
                                         {"svg": svg}, ppi=CHART_PPI)


def docx_data(report: Assembled, source: Source, charts_dir: Path
              ) -> tuple[dict[str, Any], int]:
    """(filter data, build time) for one assembled report; charts written as PNG."""

    settings, evaluation = _settings(report), report.evaluation
    svgs = [chart_svg(chunk) for chunk in report.charts]
    shown = content.report_data(settings, evaluation, report.results, report.averages,
                                report.previous_label, report.verification, svgs)
    charts = []
    for i, item in enumerate(shown["charts"]["items"]):
        path = charts_dir / f"grafik-{i + 1}.png"
        path.write_bytes(chart_png(settings, item["svg"]))
        charts.append({"path": path.name, "alt": item["alt"], "caption": item["caption"]})
    when = build_time(source, evaluation.tanggal)
    commit = source.commit[:12] if source.commit else content.d("render.stamp_nogit")
    paraf = shown["paraf"]
    data = {
        "review_note": content.d("render.docx_note"),
        "nomor_line": f"Nomor: {shown['nomor']}",
        "capaian": shown["capaian"],
        "comparison": shown["comparison"],
        "follow_up": content.follow_up_table(report.follow_up),
        "charts": charts,
        "signer": shown["signer"],
        "state_note": shown["state"]["note"],
        "paraf_line": f"{paraf['title']} — {paraf['jabatan']}: {paraf['status']}",
        "stamp": content.d("render.docx_stamp", commit=commit,
                           date=indonesian.tanggal(day_of(when))),
        "meta": content.meta(settings, shown["title"], shown["title"],
                             ["Evaluasi Kinerja Internal", shown["period"], shown["nomor"]]),
    }
    return data, int(when.timestamp())


def _settings(report: Assembled) -> Settings:
    if report.settings is None:  # ``assemble`` always sets them
        raise ValueError(f"{report.id}: assembled without settings")
    return report.settings


def build_docx(report: Assembled, source: Source, out_dir: Path) -> Path:
    """Write ``<out_dir>/<id>.docx`` (atomic) of an assembled report (``outputs``), laid out
    with the settings it was assembled with; same report at the same commit, same bytes."""
    settings, evaluation = _settings(report), report.evaluation
    with tempfile.TemporaryDirectory(prefix="evkin-docx-") as tmp_name:
        tmp = Path(tmp_name)
        data, epoch = docx_data(report, source, tmp)
        follow_up_after = content.section_index(evaluation, "rekomendasi") if report.follow_up \
            else None
        ast = markup.convert([markup.Part(evaluation.report_text,
                                          content.realisasi_heading(evaluation),
                                          follow_up_after)],
                             writer="json")[0].text
        (tmp / "data.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        font = next((f for f in settings.fonts), "Arial")
        (tmp / "reference.docx").write_bytes(reference_docx(settings.paper, font))
        target = tmp / "out.docx"
        filter_path = Path(str(resources.files("evkin.render").joinpath(FILTER)))
        done = subprocess.run(
            [markup.pandoc_path(), "-f", "json", "-t", "docx",
             "--reference-doc", str(tmp / "reference.docx"), "-L", str(filter_path),
             "-M", f"evkin-data={tmp / 'data.json'}",
             "--resource-path", os.pathsep.join([str(evaluation.path), str(tmp)]),
             "-o", str(target)],
            input=ast, capture_output=True, text=True, check=False, cwd=tmp,
            env={**os.environ, "SOURCE_DATE_EPOCH": str(epoch)})
        if done.returncode != 0 or not target.is_file():
            raise EvkinError("docx.pandoc_failed", {"detail": done.stderr.strip()[:500]})
        path = out_dir / f"{evaluation.id}.docx"
        write_output(path, target.read_bytes())
    return path
