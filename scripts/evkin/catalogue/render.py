"""Messages for `evkin pdf`, `evkin docx` and the text printed in the official documents.

Keys ``render.*`` that appear inside a PDF are always taken in Indonesian (the document's
language); their English text serves people reading the code or logs.
"""

MESSAGES: dict[str, dict[str, str]] = {
    # ---- text printed in the documents
    "render.default_title": {"id": "Laporan Hasil Evaluasi Kinerja Internal {period}",
                             "en": "Internal Performance Evaluation Report {period}"},
    "render.emblem_alt": {"id": "Lambang {pemerintah}", "en": "Emblem of {pemerintah}"},
    "render.table_capaian": {"id": "Capaian Indikator Kinerja {period}",
                             "en": "Achievement of the performance indicators, {period}"},
    "render.capaian_headers": {
        "id": "No.|Indikator Kinerja|Satuan|Target|Realisasi|Capaian|Predikat",
        "en": "No.|Performance indicator|Unit|Target|Actual|Achievement|Rating"},
    "render.sasaran_row": {"id": "Sasaran: {sasaran}", "en": "Goal: {sasaran}"},
    "render.average_row": {"id": "Rata-rata capaian sasaran",
                           "en": "Average achievement of the goal"},
    "render.note_symbols": {
        "id": "R = realisasi, T = target. Capaian dihitung dari data indikator dan dibulatkan "
              "dua desimal; predikat diberikan atas angka yang dibulatkan.",
        "en": "R = actual, T = target. Achievement is computed from the indicator data and "
              "rounded to two decimals; the rating is given on the rounded figure."},
    "render.note_positif": {
        "id": "Indikator positif (semakin tinggi semakin baik): capaian = R / T × 100 % "
              "({ids}).",
        "en": "Positive indicators (higher is better): achievement = A / T × 100 % ({ids})."},
    "render.note_negatif-A": {
        "id": "Indikator negatif (semakin rendah semakin baik), rumus A: capaian = (2T − R) / T "
              "× 100 % ({ids}).",
        "en": "Negative indicators (lower is better), formula A: achievement = (2T − A) / T "
              "× 100 % ({ids})."},
    "render.note_negatif-B": {
        "id": "Indikator negatif (semakin rendah semakin baik), rumus B: capaian = T / R × 100 % "
              "({ids}).",
        "en": "Negative indicators (lower is better), formula B: achievement = T / A × 100 % "
              "({ids})."},
    "render.note_range": {
        "id": "Target rentang ({ids}): realisasi di dalam rentang bernilai 100 %; di luar "
              "rentang dibandingkan dengan batas yang terlewati.",
        "en": "Range targets ({ids}): an actual inside the range counts 100 %; outside it is "
              "compared with the bound it passed."},
    "render.note_capped": {"id": "Capaian dibatasi paling tinggi {cap} % ({ids}).",
                           "en": "Achievement capped at {cap} % ({ids})."},
    "render.note_scale": {"id": "Predikat: {bands}.", "en": "Rating bands: {bands}."},
    "render.previous_unknown": {"id": "Periode Lalu", "en": "Previous period"},
    "render.table_comparison": {
        "id": "Perbandingan Capaian {period} dengan {previous}",
        "en": "Achievement {period} compared with {previous}"},
    "render.comparison_headers": {
        "id": "No.|Indikator Kinerja|Realisasi {previous}|Realisasi {period}|Capaian {previous}|"
              "Capaian {period}|Perubahan (poin)",
        "en": "No.|Performance indicator|Actual {previous}|Actual {period}|Achievement "
              "{previous}|Achievement {period}|Change (points)"},
    "render.note_comparison": {
        "id": "Perubahan = capaian periode ini dikurangi capaian periode lalu, dalam poin "
              "persentase; tanda – berarti data periode lalu tidak tersedia.",
        "en": "Change = this period's achievement minus the previous period's, in percentage "
              "points; – means no data for the previous period."},
    "render.chart_caption": {"id": "Target dan Realisasi per Indikator {period}",
                             "en": "Target and actual per indicator, {period}"},
    "render.chart_alt": {
        "id": "Grafik batang: target (100 %) dan realisasi setiap indikator sebagai capaian. "
              "{items}",
        "en": "Bar chart: target (100 %) and actual of each indicator as achievement. {items}"},
    "render.paraf_title": {"id": "Paraf Hierarki", "en": "Initials"},
    "render.paraf_done": {"id": "Diparaf oleh {nama} pada {waktu}",
                          "en": "Initialled by {nama} on {waktu}"},
    "render.paraf_pending": {"id": "Belum diparaf", "en": "Not initialled yet"},
    "render.signed_note": {
        "id": "Tanda tangan (langkah 7 SOP) diberikan oleh {nama} melalui persetujuan evkin "
              "pada {waktu} (jejak: {trail}).",
        "en": "Signature (SOP step 7) given by {nama} through an evkin approval on {waktu} "
              "(trail: {trail})."},
    "render.unsigned_note": {
        "id": "BELUM DITANDATANGANI. Draf ini belum disetujui: {reason}.",
        "en": "NOT SIGNED YET. This draft is not approved: {reason}."},
    "render.name_unknown": {"id": "(nama tidak tercatat di evkin.yml)",
                            "en": "(name not recorded in evkin.yml)"},
    "render.role_pimpinan": {"id": "Pimpinan Rapat", "en": "Chair"},
    "render.role_notulis": {"id": "Notulis", "en": "Minute taker"},
    "render.stamp": {
        "id": "Dibangun oleh evkin {version} dari komit {commit} ({date}); sidik isi SHA-256 "
              "{digest}.",
        "en": "Built by evkin {version} from commit {commit} ({date}); content SHA-256 "
              "{digest}."},
    "render.stamp_dirty": {"id": "{commit} dengan perubahan yang belum di-commit",
                           "en": "{commit} with uncommitted changes"},
    "render.stamp_nogit": {"id": "(bukan repositori git)", "en": "(not a git repository)"},
    "render.keyword_draft": {"id": "draf", "en": "draft"},
    "render.keyword_final": {"id": "final", "en": "final"},
    "render.subject_draft": {"id": "{title} (draf, belum ditandatangani)",
                             "en": "{title} (draft, not signed)"},
    "render.subject_final": {"id": "{title} (ditandatangani)", "en": "{title} (signed)"},
    "render.docx_note": {
        "id": "Salinan Word untuk ditinjau. Dokumen resmi adalah PDF yang disusun evkin dari "
              "folder evaluasi; ubahan di berkas ini tidak berlaku sampai dimasukkan ke "
              "Markdown.",
        "en": "Word copy for review. The official document is the PDF evkin builds from the "
              "evaluation folder; edits here count only once they are made in the Markdown."},
    "render.docx_stamp": {"id": "Salinan dari komit {commit} ({date}).",
                          "en": "Copy of commit {commit} ({date})."},
    # ---- messages to the person running evkin
    "render.has_findings": {
        "id": "Evaluasi {id} belum dapat dicetak: perbaiki temuan berikut (lihat 'evkin check "
              "{id}').",
        "en": "Evaluation {id} cannot be printed yet: fix these findings (see 'evkin check "
              "{id}')."},
    "render.pandoc_failed": {
        "id": "Pandoc gagal mengubah Markdown: {detail}",
        "en": "Pandoc failed to convert the Markdown: {detail}"},
    "render.typst_failed": {
        "id": "PDF {id} gagal disusun oleh Typst: {detail}",
        "en": "Typst failed to lay out PDF {id}: {detail}"},
    "render.font_fallback": {
        "id": "huruf pertama yang tersedia ({used}) tidak seukuran Arial ({wanted}); baris dan "
              "halaman bisa pecah di tempat lain. Taruh Arial atau Liberation Sans (ikut "
              "terpasang bersama evkin) di depan 'dokumen.huruf' pada evkin.yml.",
        "en": "the first available font ({used}) does not have Arial's metrics ({wanted}); "
              "lines and pages may break elsewhere. Put Arial or Liberation Sans (shipped with "
              "evkin) first in 'dokumen.huruf' in evkin.yml."},
    "render.note_raw": {
        "id": "{path}: teks mentah ({format}) ditampilkan apa adanya sebagai kode: {text}",
        "en": "{path}: raw {format} text is shown literally as code: {text}"},
    "render.note_link_missing": {
        "id": "{path}: tautan internal {target} tidak menemukan judul; '{text}' dicetak sebagai "
              "teks biasa.",
        "en": "{path}: internal link {target} matches no heading; '{text}' is printed as plain "
              "text."},
    "render.note_capaian_at_end": {
        "id": "{path}: bagian 'Realisasi Kinerja' tidak berada di tingkat teratas; tabel "
              "capaian diletakkan di akhir laporan.",
        "en": "{path}: the 'Realisasi Kinerja' section is not at the top level; the capaian "
              "table is placed at the end of the report."},
    "render.image_outside": {
        "id": "{path}: gambar {target} berada di luar folder evaluasi.",
        "en": "{path}: image {target} is outside the evaluation folder."},
    "render.document_unknown": {
        "id": "Dokumen '{key}' tidak dikenal untuk evaluasi {id}; pilihan: {known}.",
        "en": "Unknown document '{key}' for evaluation {id}; choose one of: {known}."},
    "render.document_missing": {
        "id": "Dokumen '{key}' belum ada di evaluasi {id} ({file}).",
        "en": "Document '{key}' does not exist in evaluation {id} ({file})."},
    "pdf.help": {"id": "PDF resmi laporan (draf atau bertanda tangan) beserta lampirannya",
                 "en": "the official report PDF (draft or signed) with its lampiran"},
    "pdf.opt_ids": {"id": "ID evaluasi (bawaan: semua evaluasi)",
                    "en": "evaluation ids (default: all evaluations)"},
    "pdf.opt_out": {"id": "folder keluaran (bawaan: build/pdf)",
                    "en": "output folder (default: build/pdf)"},
    "pdf.opt_documents": {
        "id": "susun juga dokumen langkah 1–4 (Nota Dinas, notulen) sebagai PDF tersendiri",
        "en": "also build the step 1–4 documents (Nota Dinas, minutes) as separate PDFs"},
    "pdf.opt_paper": {"id": "ukuran kertas untuk cetakan ini (bawaan: dokumen.kertas di "
                            "evkin.yml)",
                      "en": "paper size for this build (default: dokumen.kertas in evkin.yml)"},
    "pdf.opt_jobs": {"id": "jumlah proses paralel (bawaan: jumlah inti CPU)",
                     "en": "parallel processes (default: number of CPU cores)"},
    "pdf.built_draft": {"id": "{path} (draf: {reason})", "en": "{path} (draft: {reason})"},
    "pdf.built_final": {"id": "{path} (final, ditandatangani)", "en": "{path} (final, signed)"},
    "pdf.built_document": {"id": "{path}", "en": "{path}"},
    "pdf.refused": {"id": "{count} evaluasi tidak dicetak karena masih memiliki temuan.",
                    "en": "{count} evaluations were not printed because they still have "
                          "findings."},
    "pdf.none": {"id": "Tidak ada evaluasi untuk dicetak di {base}.",
                 "en": "No evaluations to print in {base}."},
    "docx.help": {"id": "salinan Word (.docx) laporan untuk ditinjau dengan Track Changes",
                  "en": "a Word (.docx) copy of the report for review with track changes"},
    "docx.opt_id": {"id": "ID evaluasi", "en": "evaluation id"},
    "docx.opt_out": {"id": "folder keluaran (bawaan: build/docx)",
                     "en": "output folder (default: build/docx)"},
    "docx.built": {"id": "{path} (salinan untuk ditinjau; PDF tetap dokumen resmi)",
                   "en": "{path} (review copy; the PDF remains the official document)"},
    "docx.pandoc_failed": {"id": "Pandoc gagal membuat berkas Word: {detail}",
                           "en": "Pandoc failed to write the Word file: {detail}"},
}
