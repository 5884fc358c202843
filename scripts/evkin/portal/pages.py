"""The portal's static pages: plain HTML written by evkin (no theme, no script but the search
page's), every text from an agency's manifest escaped, every link into an agency's archive
built from the address the province configured plus a path checked to stay inside it."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any
from urllib.parse import quote, urljoin

from evkin.messages import t
from evkin.portal.source import safe_relative
from evkin.portal.verify import INVALID, OK, ROLLED_BACK, Checked
from evkin.site.safe import plain_title, text

STATUS_LABEL = {OK: "Terverifikasi", INVALID: "Tidak sah: tidak digabungkan",
                "tidak_terjangkau": "Tidak terjangkau: tidak digabungkan",
                ROLLED_BACK: "Manifes lama diputar ulang: tidak digabungkan"}
FILTERS = "instansi:Instansi,tahun:Tahun,predikat:Predikat"


def report_dir(kode: str, report_id: str) -> str:
    return f"laporan/{kode}/{report_id}"  # both checked: verify.ID, config.CODE


def agency_link(checked: Checked, rel: str) -> str | None:
    """The agency's own address for ``rel`` (a page or PDF of its archive), or ``None``."""
    base = checked.agency.link_base
    safe = safe_relative(rel)
    if not base or safe is None:
        return None
    return urljoin(base, quote(safe))


def shell(title: str, body: str, root: str, search: bool = False) -> str:
    """One page: ``root`` is the relative path to the portal's top (``""``, ``"../"``…)."""
    script = (f'<script src="{root}aset/cari.js"></script>' if search else "")
    return (
        "<!doctype html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<title>{text(plain_title(title))}</title>\n"
        f"<link rel=\"stylesheet\" href=\"{root}aset/portal.css\">\n</head>\n<body>\n"
        f"<header><a href=\"{root}index.html\">Beranda</a> · "
        f"<a href=\"{root}cari/index.html\">Cari</a></header>\n<main>\n{body}\n</main>\n"
        f"{script}\n</body>\n</html>\n")


def _latest(reports: Sequence[dict[str, Any]]) -> dict[str, Any] | None:
    dated = [r for r in reports if isinstance(r.get("portal"), dict)]
    return max(dated, key=lambda r: (str(r["portal"].get("tahun")), str(r.get("terbit") or "")),
               default=None)


def year_span(years: Iterable[str]) -> str:
    """'2010–2025, 2027': three or more consecutive years as a range, so an agency with twenty
    years of reports takes one line of the home page's table, not five. A value that is not a
    year is listed as it is, after the years."""
    return ", ".join(year_runs(years))


def year_runs(years: Iterable[str]) -> list[str]:
    """The pieces of ``year_span``: a range, a year, or a value that is not a year."""
    years = [y for y in years if y]
    numbers = sorted({int(y) for y in years if _is_year(y)})
    others = sorted({y for y in years if not _is_year(y)})
    runs: list[list[int]] = []
    for year in numbers:
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    parts: list[str] = []
    for run in runs:
        parts += [f"{run[0]}–{run[-1]}"] if len(run) >= 3 else [str(year) for year in run]
    return parts + others


def _years_cell(years: Iterable[str]) -> str:
    """``year_span`` for a table cell: a range is never broken at its dash."""
    cell = ", ".join(f'<span class="utuh">{text(part)}</span>' for part in year_runs(years))
    return cell or "–"


def _is_year(value: str) -> bool:
    return value.isascii() and value.isdigit() and len(value) <= 6


def home(title: str, checked: Sequence[Checked], when: str) -> str:
    rows = []
    for c in checked:
        reports = c.reports
        years = [str(r["portal"].get("tahun") or "") for r in reports
                 if isinstance(r.get("portal"), dict)]
        latest = _latest(reports)
        predikat = str(latest["portal"].get("predikat") or "–") if latest else "–"
        site = agency_link(c, "index.html")
        site_cell = f'<a href="{text(site)}">situs arsip</a>' if site else "–"
        status = f'<span class="status {text(c.status)}">{text(STATUS_LABEL[c.status])}</span>'
        if c.problems:
            status += "<ul class=\"masalah\">" + "".join(
                f"<li>{text(t(p.code, dict(p.params), 'id'))}</li>" for p in c.problems[:5]
            ) + ("<li>…</li>" if len(c.problems) > 5 else "") + "</ul>"
        rows.append(
            f"<tr><td><a href=\"instansi/{text(c.agency.kode)}/index.html\">"
            f"{text(c.agency.nama)}</a></td><td>{status}</td><td>{len(reports)}</td>"
            f"<td>{_years_cell(years)}</td><td>{text(predikat)}</td>"
            f"<td>{len(c.open_recommendations)}</td><td>{site_cell}</td></tr>")
    verified = sum(1 for c in checked if c.ok)
    body = (
        f"<h1>{text(title)}</h1>\n"
        f"<p>{verified} dari {len(checked)} instansi terverifikasi pada {text(when)}. Setiap "
        "arsip diperiksa dengan kunci pencatat yang ditetapkan provinsi: tanda tangan manifes, "
        "SHA-256 setiap PDF, dan jejak persetujuan setiap laporan. Arsip yang tidak lolos "
        "ditampilkan dengan alasannya dan tidak digabungkan.</p>\n"
        "<form class=\"cari\" role=\"search\" action=\"cari/index.html\" method=\"get\">"
        "<label for=\"kata\">Cari laporan</label> <input id=\"kata\" name=\"q\" type=\"search\" "
        "placeholder=\"misalnya: jalan mantap\"> <button type=\"submit\">Cari</button></form>\n"
        "<div class=\"tabel\"><table><thead><tr><th>Instansi</th><th>Status</th>"
        "<th>Laporan</th><th>Tahun</th><th>Predikat terakhir</th><th>Rekomendasi terbuka</th>"
        f"<th>Arsip</th></tr></thead><tbody>{''.join(rows)}</tbody></table></div>")
    return shell(title, body, "")


def agency_page(c: Checked) -> str:
    a = c.agency
    parts = [f"<h1>{text(a.nama)}</h1>",
             f'<p><span class="status {text(c.status)}">{text(STATUS_LABEL[c.status])}</span>'
             "</p>"]
    if c.problems:
        parts.append("<h2>Hasil pemeriksaan</h2><ul class=\"masalah\">" + "".join(
            f"<li>{text(t(p.code, dict(p.params), 'id'))}</li>" for p in c.problems) + "</ul>")
    rows = []
    for r in sorted(c.reports, key=lambda r: str(r.get("id")), reverse=True):
        facts = r.get("portal") if isinstance(r.get("portal"), dict) else {}
        assert isinstance(facts, dict)
        own = agency_link(c, str(r.get("halaman") or ""))
        pdf = agency_link(c, str(r.get("pdf") or ""))
        rows.append(
            f"<tr><td>{text(facts.get('tahun') or '–')}</td><td>{text(r.get('periode') or '')}"
            f"</td><td><a href=\"../../{report_dir(a.kode, str(r['id']))}/index.html\">"
            f"{text(r.get('judul') or r['id'])}</a></td>"
            f"<td>{text(facts.get('predikat') or '–')}</td>"
            f"<td>{text(facts.get('capaian') or '–')}</td>"
            f"<td>{_links(own, pdf)}</td></tr>")
    if rows:
        parts.append("<h2>Laporan</h2><div class=\"tabel\"><table><thead><tr><th>Tahun</th>"
                     "<th>Periode</th><th>Judul</th><th>Predikat</th>"
                     "<th>Rata-rata capaian (%)</th><th>Di situs instansi</th></tr></thead>"
                     f"<tbody>{''.join(rows)}</tbody></table></div>")
    recs = c.open_recommendations
    if recs:
        parts.append("<h2>Rekomendasi terbuka</h2><div class=\"tabel\"><table><thead><tr>"
                     "<th>ID</th><th>Rekomendasi"
                     "</th><th>Penanggung jawab</th><th>Tenggat</th><th>Status</th></tr></thead>"
                     "<tbody>" + "".join(
                         f"<tr><td>{text(x.get('id') or '')}</td><td>{text(x.get('teks') or '')}"
                         f"</td><td>{text(x.get('penanggung_jawab') or '–')}</td>"
                         f"<td>{text(x.get('tenggat') or '–')}</td>"
                         f"<td>{text(x.get('status') or 'belum')}</td></tr>" for x in recs)
                     + "</tbody></table></div>")
    return shell(a.nama, "\n".join(parts), "../../")


def _links(page: str | None, pdf: str | None) -> str:
    out = []
    if page:
        out.append(f'<a href="{text(page)}">halaman</a>')
    if pdf:
        out.append(f'<a href="{text(pdf)}">PDF</a>')
    return " · ".join(out) or "–"


def _own_site(page: str | None, pdf: str | None) -> str:
    """The report page's line to the agency's own copy, said in words where there is none."""
    if page or pdf:
        return "Di situs instansi: " + _links(page, pdf)
    return ("Arsip instansi ini dibaca dari folder, bukan dari alamat web: tidak ada tautan ke "
            "situs instansi.")


def report_page(c: Checked, r: dict[str, Any]) -> str:
    facts = r.get("portal") if isinstance(r.get("portal"), dict) else {}
    assert isinstance(facts, dict)
    own = agency_link(c, str(r.get("halaman") or ""))
    pdf = agency_link(c, str(r.get("pdf") or ""))
    filters = {"instansi": c.agency.nama, "tahun": facts.get("tahun"),
               "predikat": facts.get("predikat")}
    spans = "".join(f'<span hidden data-pagefind-filter="{name}">{text(plain_title(value))}'
                    "</span>" for name, value in filters.items() if value)
    meta = f'<span hidden data-pagefind-meta="pdf">{text(pdf)}</span>' if pdf else ""
    people = []
    for key, label in (("paraf", "Paraf"), ("tanda_tangan", "Tanda tangan")):
        person = r.get(key)
        if isinstance(person, dict):
            people.append(f"<dt>{label}</dt> <dd>{text(person.get('nama') or '')}, "
                          f"{text(person.get('jabatan') or '')} "
                          f"({text(str(person.get('waktu') or '')[:10])})</dd>\n")
    body = (
        f"<article data-pagefind-body>\n<h1>{text(r.get('judul') or r['id'])}</h1>\n"
        f"<p class=\"instansi\">{text(c.agency.nama)}</p>\n<dl>\n"
        # One per line: Pagefind joins adjacent elements' words written without a space.
        f"<dt>Periode</dt> <dd>{text(r.get('periode') or '')}</dd>\n"
        f"<dt>Nomor</dt> <dd>{text(r.get('nomor') or '–')}</dd>\n"
        f"<dt>Predikat</dt> <dd>{text(facts.get('predikat') or '–')}</dd>\n"
        f"<dt>Rata-rata capaian</dt> <dd>{text(facts.get('capaian') or '–')} %</dd>\n"
        f"{''.join(people)}</dl>\n<p>{text(facts.get('ringkasan') or '')}</p>\n"
        f"<div data-pagefind-ignore><p>{_own_site(own, pdf)}</p>"
        f"<p class=\"hash\">SHA-256 PDF: <code>{text(r.get('sha256') or '')}</code></p>"
        f"{spans}{meta}</div>\n</article>")
    return shell(str(r.get("judul") or r["id"]), body, "../../../")


def search_page(title: str) -> str:
    body = (
        "<h1>Cari laporan</h1>\n"
        f'<div id="evkin-cari" data-akar="../" data-ringkas="ringkas.js" '
        f'data-saring="{FILTERS}" data-luar="1">\n'
        '<form role="search" action="index.html" method="get"><label for="evkin-kata">Kata kunci'
        '</label> <input id="evkin-kata" name="q" type="search" autocomplete="off" '
        'placeholder="misalnya: jalan mantap"> <button type="submit">Cari</button></form>\n'
        '<div class="evkin-cari-saring"></div>\n'
        '<p class="evkin-cari-status" role="status" aria-live="polite"></p>\n'
        '<ol class="evkin-cari-hasil"></ol>\n'
        "<noscript><p>Pencarian memerlukan JavaScript.</p></noscript>\n</div>")
    return shell(f"Cari – {title}", body, "../", search=True)


def summary_index(checked: Sequence[Checked]) -> str:
    """``cari/ringkas.js``: the offline index (a page opened from a folder)."""
    entries = []
    for c in checked:
        for r in c.reports:
            facts = r.get("portal") if isinstance(r.get("portal"), dict) else {}
            assert isinstance(facts, dict)
            entry: dict[str, Any] = {
                "judul": plain_title(r.get("judul") or r["id"]),
                "url": report_dir(c.agency.kode, str(r["id"])) + "/index.html",
                "ringkasan": f"{c.agency.nama}. {facts.get('ringkasan') or ''}",
                "saring": {k: str(v) for k, v in (("instansi", c.agency.nama),
                                                   ("tahun", facts.get("tahun")),
                                                   ("predikat", facts.get("predikat"))) if v}}
            pdf = agency_link(c, str(r.get("pdf") or ""))
            if pdf:
                entry["pdf"] = pdf
            entries.append(entry)
    data = json.dumps(entries, ensure_ascii=True, sort_keys=True, separators=(",", ":"))
    return f"// Dibuat oleh evkin portal.\nwindow.evkinRingkas = {data};\n"


CSS = """body{font-family:system-ui,sans-serif;margin:0;color:#1d1d1f;line-height:1.5}
header{background:#1f4e8c;padding:.6rem 1rem}header a{color:#fff;margin-right:.5rem}
main{max-width:72rem;margin:1rem auto;padding:0 1rem;overflow-wrap:anywhere}
table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid #d5d9e0;padding:.35rem .5rem;text-align:left;vertical-align:top;
overflow-wrap:break-word}
.status{font-weight:600}.terverifikasi{color:#1b7f3b}.tidak_sah,.tidak_terjangkau,.diputar_mundur{color:#b3261e}
.masalah{margin:.2rem 0;font-size:.85rem;color:#b3261e}dl{display:grid;
grid-template-columns:max-content minmax(0,1fr);gap:.2rem 1rem}dt{font-weight:600}
dd{margin:0;overflow-wrap:anywhere}.hash{font-size:.8rem}.hash code{word-break:break-all}
.tabel{overflow-x:auto}.tabel table{min-width:36rem}.utuh{white-space:nowrap}
.evkin-cari-item{margin-bottom:1rem}.evkin-cari-judul{font-weight:600;margin:0}
.evkin-cari-label,.evkin-cari-kutipan{margin:.1rem 0}.evkin-cari-filter{margin-right:1rem}
.evkin-cari-lagi{margin:0 0 1rem}
"""
