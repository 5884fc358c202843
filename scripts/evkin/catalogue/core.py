"""Messages for settings, evaluation folders and `evkin check`."""

MESSAGES: dict[str, dict[str, str]] = {
    "common.warning": {"id": "peringatan", "en": "warning"},
    # Settings
    "settings.not_found": {
        "id": "Berkas pengaturan evkin.yml tidak ditemukan di {start} atau folder di atasnya. "
              "Jalankan evkin dari dalam repositori evaluasi, atau buat evkin.yml (lihat README).",
        "en": "No evkin.yml found in {start} or above. Run evkin inside the evaluation "
              "repository, or create evkin.yml (see README).",
    },
    "settings.invalid": {
        "id": "Pengaturan evkin.yml tidak dapat dipakai; perbaiki hal berikut:",
        "en": "The settings in evkin.yml cannot be used; fix the following:",
    },
    "settings.missing": {
        "id": "isian '{key}' wajib ada tetapi tidak ditemukan; tambahkan '{key}: ...'.",
        "en": "required entry '{key}' is missing; add '{key}: ...'.",
    },
    "settings.not_mapping": {
        "id": "'{key}' harus berupa kumpulan isian (kunci: nilai) di baris-baris berikutnya.",
        "en": "'{key}' must be a mapping (key: value lines).",
    },
    "settings.not_text": {
        "id": "'{key}' harus berupa teks satu baris.",
        "en": "'{key}' must be a single line of text.",
    },
    "settings.person_not_mapping": {
        "id": "data pejabat '{where}' harus berisi nama, jabatan, pangkat, nip, login, surel.",
        "en": "official '{where}' must hold nama, jabatan, pangkat, nip, login, surel.",
    },
    "settings.scale_not_list": {
        "id": "'predikat' harus berupa daftar rentang, mis. '- {{predikat: Tinggi, lebih_dari: "
              "75, sampai: 90}}'.",
        "en": "'predikat' must be a list of bands, e.g. '- {{predikat: Tinggi, lebih_dari: 75, "
              "sampai: 90}}'.",
    },
    "settings.scale_top_open": {
        "id": "rentang predikat tertinggi tidak boleh memiliki 'sampai' (batas atas terbuka).",
        "en": "the highest predikat band must not have 'sampai' (open upper end).",
    },
    "settings.scale_bottom_open": {
        "id": "rentang predikat terendah tidak boleh memiliki 'lebih_dari' (batas bawah "
              "terbuka).",
        "en": "the lowest predikat band must not have 'lebih_dari' (open lower end).",
    },
    "settings.scale_unbounded_middle": {
        "id": "rentang predikat '{label}' di tengah skala harus memiliki 'lebih_dari' dan "
              "'sampai'.",
        "en": "predikat band '{label}' in the middle of the scale needs both 'lebih_dari' and "
              "'sampai'.",
    },
    "settings.scale_overlap": {
        "id": "rentang predikat tumpang tindih: '{lower}' sampai {edge} melewati '{upper}' yang "
              "mulai di atas {above}. Samakan kedua batas.",
        "en": "predikat bands overlap: '{lower}' up to {edge} runs past '{upper}', which starts "
              "above {above}. Make the two edges equal.",
    },
    "settings.scale_gap": {
        "id": "ada celah di skala predikat: '{lower}' berakhir di {edge}, '{upper}' mulai di "
              "atas {above}. Samakan kedua batas.",
        "en": "gap in the predikat scale: '{lower}' ends at {edge}, '{upper}' starts above "
              "{above}. Make the two edges equal.",
    },
    "settings.emblem_missing": {
        "id": "berkas lambang '{path}' tidak ada; periksa jalurnya (relatif terhadap folder "
              "evkin.yml).",
        "en": "emblem file '{path}' does not exist; check the path (relative to evkin.yml).",
    },
    "settings.zone": {
        "id": "zona waktu '{value}' tidak dikenal; tulis nama zona IANA, mis. Asia/Jakarta "
              "(WIB), Asia/Makassar (WITA) atau Asia/Jayapura (WIT).",
        "en": "unknown time zone '{value}'; write an IANA zone name, e.g. Asia/Jakarta (WIB), "
              "Asia/Makassar (WITA) or Asia/Jayapura (WIT).",
    },
    "settings.paper": {
        "id": "ukuran kertas '{value}' tidak dikenal; pilih A4 atau F4.",
        "en": "unknown paper size '{value}'; choose A4 or F4.",
    },
    "settings.formula": {
        "id": "formula polaritas negatif '{value}' tidak dikenal; pilih A atau B.",
        "en": "unknown negative-polarity formula '{value}'; choose A or B.",
    },
    "settings.cap_low": {
        "id": "batas atas capaian {value} di bawah 100; hapus atau isi 100 ke atas (mis. 120).",
        "en": "capaian cap {value} is below 100; remove it or use 100 or more (e.g. 120).",
    },
    "settings.section_unknown": {
        "id": "bagian '{key}' tidak dikenal; yang dikenal: {known}.",
        "en": "unknown section '{key}'; known: {known}.",
    },
    "settings.same_login": {
        "id": "Kepala Dinas dan Sekretaris memakai login yang sama ({login}); paraf dan tanda "
              "tangan harus dari dua orang.",
        "en": "Kepala Dinas and Sekretaris share the login {login}; paraf and signature must "
              "come from two people.",
    },
    # Files and YAML
    "file.missing": {
        "id": "berkas {name} tidak ada; buat berkas ini (evkin new membuat kerangkanya).",
        "en": "file {name} is missing; create it (evkin new scaffolds it).",
    },
    "file.not_utf8": {
        "id": "berkas bukan teks UTF-8; simpan ulang sebagai UTF-8.",
        "en": "file is not UTF-8 text; save it again as UTF-8.",
    },
    "file.unreadable": {
        "id": "berkas tidak dapat dibaca: {detail}.",
        "en": "file cannot be read: {detail}.",
    },
    "yaml.invalid": {
        "id": "YAML tidak valid: {detail}",
        "en": "invalid YAML: {detail}",
    },
    "yaml.why.colon": {
        "id": "ada titik dua diikuti spasi (': ') di dalam sebuah nilai. Bila titik dua itu "
              "bagian dari teks, apit seluruh nilainya dengan tanda kutip, mis. "
              "uraian: \"Tahap II: pelatihan\".",
        "en": "a colon followed by a space (': ') inside a value. If the colon is part of the "
              "text, put the whole value in quotes, e.g. uraian: \"Tahap II: training\".",
    },
    "yaml.why.tab": {
        "id": "ada karakter tab; YAML hanya menerima spasi untuk indentasi. Ganti tab dengan "
              "spasi.",
        "en": "a tab character; YAML only accepts spaces for indentation. Replace the tab with "
              "spaces.",
    },
    "yaml.why.bracket": {
        "id": "kurung [ atau { dibuka tetapi tidak ditutup. Bila kurung itu bagian dari teks, "
              "apit seluruh nilainya dengan tanda kutip.",
        "en": "a [ or { is opened but not closed. If the bracket is part of the text, put the "
              "whole value in quotes.",
    },
    "yaml.why.quote": {
        "id": "tanda kutip dibuka tetapi tidak ditutup (atau teks berlanjut setelah kutip "
              "penutup). Tutup tanda kutipnya di akhir nilai.",
        "en": "a quote is opened but not closed (or text follows the closing quote). Close the "
              "quote at the end of the value.",
    },
    "yaml.why.alias": {
        "id": "nilai yang diawali * atau & dibaca sebagai rujukan YAML. Apit nilainya dengan "
              "tanda kutip.",
        "en": "a value starting with * or & is read as a YAML reference. Put the value in "
              "quotes.",
    },
    "yaml.why.escape": {
        "id": "garis miring terbalik (\\) di dalam tanda kutip ganda. Pakai tanda kutip "
              "tunggal ('…') atau hapus garis miringnya.",
        "en": "a backslash (\\) inside double quotes. Use single quotes ('…') or remove the "
              "backslash.",
    },
    "yaml.why.documents": {
        "id": "berkas memuat lebih dari satu bagian (baris '---' di tengah berkas). Hapus "
              "baris '---' itu.",
        "en": "the file holds more than one part (a '---' line inside it). Remove that '---' "
              "line.",
    },
    "yaml.why.character": {
        "id": "sebuah nilai diawali karakter yang tidak boleh di awal (mis. @ atau `). Apit "
              "nilainya dengan tanda kutip.",
        "en": "a value starts with a character that cannot start one (e.g. @ or `). Put the "
              "value in quotes.",
    },
    "yaml.why.indent": {
        "id": "indentasi (spasi di awal baris) tidak sejajar dengan baris sebelumnya, atau "
              "tanda '-' atau ':' tidak pada tempatnya. Samakan spasi awal dengan isian lain "
              "di tingkat yang sama.",
        "en": "the indentation (spaces at the start of the line) does not line up with the "
              "lines before, or a '-' or ':' is out of place. Use the same leading spaces as "
              "the other entries at that level.",
    },
    "yaml.why.duplicate": {
        "id": "isian '{key}' ditulis dua kali. Hapus salah satunya.",
        "en": "the entry '{key}' is written twice. Remove one of them.",
    },
    "yaml.why.key": {
        "id": "nama isian di sebelah kiri titik dua harus berupa teks.",
        "en": "the entry name left of the colon must be text.",
    },
    "yaml.why.not_mapping": {
        "id": "isinya harus berupa pasangan 'kunci: nilai'.",
        "en": "it must hold 'key: value' pairs.",
    },
    "yaml.why.other": {
        "id": "susunannya tidak terbaca (pesan pengurai YAML: {detail}). Periksa titik dua, "
              "tanda kutip dan indentasi di baris ini.",
        "en": "its structure cannot be read (YAML parser: {detail}). Check colons, quotes and "
              "indentation on this line.",
    },
    "yaml.alias": {
        "id": "alias YAML (*nama, merujuk jangkar &nama di baris {anchor_line}) tidak diterima "
              "evkin; tulis nilainya langsung tanpa & dan *.",
        "en": "YAML aliases (*name, referring to the anchor &name on line {anchor_line}) are not "
              "accepted by evkin; write the value out without & and *.",
    },
    "yaml.too_big": {
        "id": "berkas YAML berukuran {size} MB, melebihi batas {max} MB; berkas evkin "
              "berisi beberapa kilobita, periksa apakah isinya tertempel berulang",
        "en": "the YAML file is {size} MB, over the {max} MB limit; evkin's files hold a few "
              "kilobytes, check whether its content was pasted over and over",
    },
    "yaml.too_many": {
        "id": "lebih dari {max} nilai YAML; berkas evkin berisi beberapa ribu, periksa apakah "
              "isinya tertempel berulang",
        "en": "more than {max} YAML values; evkin's files hold a few thousand, check whether "
              "its content was pasted over and over",
    },
    "yaml.too_deep": {
        "id": "bersarang lebih dari {max} tingkat; susun datanya lebih datar.",
        "en": "nested more than {max} levels deep; lay the data out flatter.",
    },
    "yaml.not_mapping": {
        "id": "isi berkas harus berupa pasangan 'kunci: nilai'.",
        "en": "the file must hold 'key: value' pairs.",
    },
    # NIP
    "nip.length": {
        "id": "NIP {where} '{nip}' harus 18 angka (spasi boleh), mis. 19720925 199803 1 003.",
        "en": "NIP of {where} '{nip}' must be 18 digits (spaces allowed), e.g. "
              "19720925 199803 1 003.",
    },
    "nip.birth": {
        "id": "NIP {where} '{nip}': 8 angka pertama bukan tanggal lahir yang sah (TTTTBBHH).",
        "en": "NIP of {where} '{nip}': the first 8 digits are not a valid birth date "
              "(YYYYMMDD).",
    },
    "nip.appointment": {
        "id": "NIP {where} '{nip}': angka 9–14 bukan bulan pengangkatan yang sah (TTTTBB, "
              "setelah usia 15 tahun).",
        "en": "NIP of {where} '{nip}': digits 9–14 are not a valid appointment month (YYYYMM, "
              "after age 15).",
    },
    "nip.sex": {
        "id": "NIP {where} '{nip}': angka ke-15 (jenis kelamin) harus 1 atau 2.",
        "en": "NIP of {where} '{nip}': digit 15 (sex) must be 1 or 2.",
    },
    # Numbers
    "number.empty": {
        "id": "kolom '{column}' kosong; isi dengan angka.",
        "en": "column '{column}' is empty; enter a number.",
    },
    "number.ambiguous_dot": {
        "id": "kolom '{column}': '{text}' ambigu (titik bisa pemisah ribuan atau desimal). "
              "Tulis desimal dengan koma (68,4) dan ribuan tanpa titik (1234) atau lengkap "
              "(1.234,0).",
        "en": "column '{column}': '{text}' is ambiguous (the dot may separate thousands or "
              "decimals). Write decimals with a comma (68,4) and thousands plainly (1234) or "
              "in full (1.234,0).",
    },
    "number.mixed": {
        "id": "kolom '{column}': '{text}' memakai format angka Inggris; tulis gaya Indonesia, "
              "mis. 1.234,5.",
        "en": "column '{column}': '{text}' is in English number format; write it Indonesian "
              "style, e.g. 1.234,5.",
    },
    "number.unreadable": {
        "id": "kolom '{column}': '{text}' bukan angka; tulis mis. 85 atau 85,5.",
        "en": "column '{column}': '{text}' is not a number; write e.g. 85 or 85,5.",
    },
    # Evaluation folder
    "eval.bad_id": {
        "id": "nama folder '{id}' bukan id evaluasi; pakai TAHUN-tahunan, TAHUN-s1/s2 atau "
              "TAHUN-tw1..tw4 (mis. 2025-tw1).",
        "en": "folder name '{id}' is not an evaluation id; use YEAR-tahunan, YEAR-s1/s2 or "
              "YEAR-tw1..tw4 (e.g. 2025-tw1).",
    },
    "eval.not_found": {
        "id": "evaluasi '{id}' tidak ditemukan (dicari sebagai folder dan di {base}).",
        "en": "evaluation '{id}' not found (looked for it as a folder and in {base}).",
    },
    "meta.missing": {
        "id": "isian '{field}' wajib ada di evaluasi.yml; tambahkan '{field}: ...'.",
        "en": "entry '{field}' is required in evaluasi.yml; add '{field}: ...'.",
    },
    "meta.empty": {
        "id": "isian '{field}' kosong; isi dengan nama anggota Tim SAKIP penyusun.",
        "en": "entry '{field}' is empty; list the Tim SAKIP members who wrote it.",
    },
    "meta.future_date": {
        "id": "tanggal {date} belum tiba (hari ini {today}); periksa tahun dan bulannya.",
        "en": "the date {date} is still to come (today is {today}); check its year and month.",
    },
    "meta.bad_date": {
        "id": "'{field}: {value}' bukan tanggal; {advice}",
        "en": "'{field}: {value}' is not a date; {advice}",
    },
    "date.write_iso": {
        "id": "tulis TTTT-BB-HH, mis. 2025-01-20.",
        "en": "write YYYY-MM-DD, e.g. 2025-01-20.",
    },
    "date.means": {
        "id": "bila maksudnya {spelled}, tulis {iso} (TTTT-BB-HH).",
        "en": "if you mean {spelled}, write {iso} (YYYY-MM-DD).",
    },
    "date.not_in_calendar": {
        "id": "{spelled} tidak ada di kalender. Periksa hari dan bulannya, lalu tulis TTTT-BB-HH, "
              "mis. 2025-01-20.",
        "en": "{spelled} is not in the calendar. Check its day and month, then write YYYY-MM-DD, "
              "e.g. 2025-01-20.",
    },
    "date.no_month": {
        "id": "tidak ada bulan ke-{month}. Tulis TTTT-BB-HH (bulan 01–12), mis. 2025-01-20.",
        "en": "there is no month {month}. Write YYYY-MM-DD (month 01–12), e.g. 2025-01-20.",
    },
    "date.spelled": {"id": "{day} {month_id} {year}", "en": "{day} {month_en} {year}"},
    "meta.bad_list": {
        "id": "'{field}' harus berupa daftar nama.",
        "en": "'{field}' must be a list of names.",
    },
    "meta.previous_unknown": {
        "id": "evaluasi sebelumnya '{id}' tidak ada di folder evaluations/.",
        "en": "previous evaluation '{id}' is not in evaluations/.",
    },
    # Indicator data
    "data.missing": {
        "id": "data indikator tidak ada; buat indikator.csv (atau indikator.xlsx) dengan kolom "
              "id, sasaran, indikator, satuan, polaritas, target, realisasi.",
        "en": "no indicator data; create indikator.csv (or indikator.xlsx) with columns id, "
              "sasaran, indikator, satuan, polaritas, target, realisasi.",
    },
    "data.two_files": {
        "id": "ada dua berkas data indikator; hapus salah satu (yang dipakai: {other}).",
        "en": "two indicator data files; remove one ({other} is used).",
    },
    "data.unknown_column": {
        "id": "kolom '{column}' tidak dikenal; hapus atau ganti namanya "
              "(kolom yang dikenal: id, sasaran, indikator, satuan, polaritas, target, "
              "target_maks, realisasi, formula, realisasi_lalu).",
        "en": "unknown column '{column}'; remove or rename it (known: id, sasaran, indikator, "
              "satuan, polaritas, target, target_maks, realisasi, formula, realisasi_lalu).",
    },
    "data.missing_columns": {
        "id": "baris judul tidak memuat kolom wajib: {columns}.",
        "en": "the header row lacks required columns: {columns}.",
    },
    "data.extra_cells": {
        "id": "baris ini memiliki sel lebih banyak dari judul kolom; periksa pemisah '{delimiter}'"
              " dan beri tanda kutip pada angka berkoma.",
        "en": "this row has more cells than the header; check the '{delimiter}' separator and "
              "quote numbers with commas.",
    },
    "data.csv_error": {
        "id": "CSV rusak: {detail}.",
        "en": "broken CSV: {detail}.",
    },
    "data.xlsx_error": {
        "id": "berkas Excel tidak dapat dibuka ({detail}); simpan ulang sebagai .xlsx.",
        "en": "the Excel file cannot be opened ({detail}); save it again as .xlsx.",
    },
    "data.cell_empty": {
        "id": "kolom '{column}' kosong; isi nilainya.",
        "en": "column '{column}' is empty; fill it in.",
    },
    "data.bad_polarity": {
        "id": "polaritas '{value}' tidak dikenal; tulis 'positif' (semakin tinggi semakin baik) "
              "atau 'negatif' (semakin rendah semakin baik).",
        "en": "unknown polarity '{value}'; write 'positif' (higher is better) or 'negatif' "
              "(lower is better).",
    },
    "data.bad_formula": {
        "id": "formula '{value}' tidak dikenal; kosongkan (ikut pengaturan) atau tulis A atau B.",
        "en": "unknown formula '{value}'; leave it empty (agency default) or write A or B.",
    },
    "data.range_reversed": {
        "id": "target_maks {high} lebih kecil dari target {low}; tukar kedua nilai.",
        "en": "target_maks {high} is below target {low}; swap them.",
    },
    "data.duplicate_id": {
        "id": "id indikator '{id}' sudah dipakai di baris {first}; setiap indikator perlu id "
              "sendiri.",
        "en": "indicator id '{id}' is already used on row {first}; each indicator needs its "
              "own id.",
    },
    "capaian.zero_target": {
        "id": "indikator '{id}': target 0 membuat capaian tak terhitung; periksa target.",
        "en": "indicator '{id}': a target of 0 leaves capaian undefined; check the target.",
    },
    "capaian.zero_actual_b": {
        "id": "indikator '{id}': formula B (target ÷ realisasi) tak terdefinisi untuk realisasi "
              "0; pakai formula A.",
        "en": "indicator '{id}': formula B (target ÷ realisasi) is undefined for realisasi 0; "
              "use formula A.",
    },
    # SOP documents
    "sop.document_missing": {
        "id": "dokumen langkah {step} SOP ({judul}) tidak ada; buat {file} (evkin new membuat "
              "kerangkanya).",
        "en": "SOP step {step} document ({judul}) is missing; create {file} (evkin new "
              "scaffolds it).",
    },
    "sop.date_order": {
        "id": "tanggal langkah {step} ({date}) lebih awal dari langkah {before_step} "
              "({before_date}); urutan SOP dilanggar, periksa tanggalnya.",
        "en": "step {step} is dated {date}, before step {before_step} ({before_date}); the SOP "
              "order is broken, check the dates.",
    },
    "sop.report_before_meeting": {
        "id": "tanggal laporan ({date}) lebih awal dari langkah {step} ({before_date}); laporan "
              "disusun setelah rapat pembahasan.",
        "en": "report date ({date}) is before step {step} ({before_date}); the report follows "
              "the discussion meeting.",
    },
    "doc.no_front_matter": {
        "id": "dokumen tidak diawali blok '---' berisi data dokumen (nomor, tanggal, ...).",
        "en": "the document does not start with a '---' block of document data (nomor, "
              "tanggal, ...).",
    },
    "doc.field_missing": {
        "id": "{judul}: isian '{field}' wajib diisi.",
        "en": "{judul}: entry '{field}' is required.",
    },
    "doc.attendance_list": {
        "id": "daftar_hadir harus berupa daftar '- {{nama: ..., jabatan: ...}}'.",
        "en": "daftar_hadir must be a list of '- {{nama: ..., jabatan: ...}}'.",
    },
    "doc.attendance_entry": {
        "id": "daftar_hadir nomor {number} perlu 'nama' dan 'jabatan'.",
        "en": "daftar_hadir entry {number} needs 'nama' and 'jabatan'.",
    },
    # Report sections
    "section.missing": {
        "id": "bagian '{title}' tidak ditemukan di laporan; tambahkan judul bagian "
              "(salah satu dari: {accepted}).",
        "en": "section '{title}' not found in the report; add a heading (one of: {accepted}).",
    },
    "section.empty": {
        "id": "bagian '{title}' masih kosong; tuliskan isinya.",
        "en": "section '{title}' is empty; write its content.",
    },
    "template.left": {
        "id": "teks templat belum diganti: {text}",
        "en": "template text not replaced yet: {text}",
    },
    # Markdown safety
    "html.script": {
        "id": "skrip tidak diizinkan dalam dokumen: {html}; hapus.",
        "en": "script is not allowed in documents: {html}; remove it.",
    },
    "html.raw": {
        "id": "HTML mentah tidak diizinkan (tidak tampil di PDF): {html}; tulis dengan Markdown.",
        "en": "raw HTML is not allowed (it would be lost in the PDF): {html}; use Markdown.",
    },
    "link.scheme": {
        "id": "tautan dengan skema '{target}' tidak diizinkan; pakai http(s), mailto atau berkas "
              "di folder evaluasi.",
        "en": "links with scheme '{target}' are not allowed; use http(s), mailto or a file in "
              "the evaluation folder.",
    },
    "link.absolute": {
        "id": "{kind} '{target}' memakai jalur absolut; pakai jalur relatif di dalam folder "
              "evaluasi.",
        "en": "{kind} '{target}' uses an absolute path; use a relative path inside the "
              "evaluation folder.",
    },
    "link.outside": {
        "id": "{kind} '{target}' keluar dari folder evaluasi; salin berkasnya ke folder ini.",
        "en": "{kind} '{target}' leaves the evaluation folder; copy the file into it.",
    },
    "link.missing": {
        "id": "{kind} '{target}' menunjuk berkas yang tidak ada.",
        "en": "{kind} '{target}' points to a file that does not exist.",
    },
}
