"""Messages for implausible or damaged input: limits, Excel cells, control characters."""

MESSAGES: dict[str, dict[str, str]] = {
    "number.not_finite": {
        "id": "kolom '{column}': '{text}' bukan angka yang terhingga; tulis angka biasa, mis. "
              "85 atau 85,5.",
        "en": "column '{column}': '{text}' is not a finite number; write a plain number, "
              "e.g. 85 or 85,5.",
    },
    "number.too_large": {
        "id": "kolom '{column}': '{text}' melebihi batas wajar {limit}; periksa angkanya (atau "
              "naikkan 'batas.nilai_maks' di evkin.yml bila memang benar).",
        "en": "column '{column}': '{text}' exceeds the plausible limit {limit}; check the "
              "figure (or raise 'batas.nilai_maks' in evkin.yml if it is right).",
    },
    "number.too_many_digits": {
        "id": "kolom '{column}': '{text}' memiliki lebih dari {digits} digit; bulatkan angkanya "
              "(atau naikkan 'batas.digit_angka' di evkin.yml).",
        "en": "column '{column}': '{text}' has more than {digits} digits; round the figure "
              "(or raise 'batas.digit_angka' in evkin.yml).",
    },
    "number.decimal_dot": {
        "id": "kolom '{column}': '{text}' memakai titik desimal gaya Inggris; tulis desimal "
              "dengan koma, mis. 85,5.",
        "en": "column '{column}': '{text}' uses an English decimal point; write decimals with a "
              "comma, e.g. 85,5.",
    },
    "settings.limit_unknown": {
        "id": "batas '{key}' tidak dikenal; yang dikenal: {known}.",
        "en": "unknown limit '{key}'; known: {known}.",
    },
    "settings.limit_range": {
        "id": "batas '{key}: {value}' harus bilangan bulat antara {low} dan {high}.",
        "en": "limit '{key}: {value}' must be a whole number between {low} and {high}.",
    },
    "meta.previous_self": {
        "id": "'sebelumnya: {id}' menunjuk evaluasi ini sendiri; tulis id evaluasi periode "
              "sebelumnya atau hapus baris ini.",
        "en": "'sebelumnya: {id}' names this evaluation itself; write the previous period's id "
              "or remove the line.",
    },
    "text.control_char": {
        "id": "baris ini memuat karakter kendali tak terlihat ({char}), biasanya terbawa saat "
              "menempel teks; hapus karakter itu (ketik ulang baris bila perlu).",
        "en": "this line holds an invisible control character ({char}), usually from a paste; "
              "delete it (retype the line if need be).",
    },
    "text.line_too_long": {
        "id": "baris ini panjangnya {length} karakter, melebihi batas {limit}; pecah menjadi "
              "beberapa paragraf (atau naikkan 'batas.panjang_baris' di evkin.yml).",
        "en": "this line is {length} characters long, over the limit of {limit}; split it into "
              "paragraphs (or raise 'batas.panjang_baris' in evkin.yml).",
    },
    "data.no_rows": {
        "id": "berkas data tidak memuat satu baris indikator pun; isi satu baris per indikator "
              "di bawah baris judul kolom.",
        "en": "the data file holds no indicator row; add one row per indicator below the header "
              "row.",
    },
    "data.too_big": {
        "id": "berkas data berukuran {size} MB, melebihi batas {limit} MB; tabel indikator "
              "biasanya hanya beberapa KB: periksa apakah berkas atau lembar yang benar (atau "
              "naikkan 'batas.ukuran_data_mb' di evkin.yml).",
        "en": "the data file is {size} MB, over the limit of {limit} MB; an indicator table is "
              "usually a few KB: check it is the right file or sheet (or raise "
              "'batas.ukuran_data_mb' in evkin.yml).",
    },
    "data.too_many_rows": {
        "id": "berkas data memuat lebih dari {limit} baris indikator; periksa isinya (atau "
              "naikkan 'batas.baris_data' di evkin.yml).",
        "en": "the data file holds more than {limit} indicator rows; check its content (or "
              "raise 'batas.baris_data' in evkin.yml).",
    },
    "data.xlsx_formula_no_value": {
        "id": "kolom '{column}' berisi rumus {formula} tanpa nilai tersimpan; buka berkas di "
              "Excel, biarkan rumus dihitung, lalu simpan (atau tempel sebagai nilai).",
        "en": "column '{column}' holds the formula {formula} with no saved value; open the file "
              "in Excel, let it calculate, then save (or paste as values).",
    },
    "data.xlsx_merged": {
        "id": "kolom '{column}': sel ini bagian dari sel gabungan {merge} sehingga kosong; "
              "pisahkan gabungan (Unmerge) dan isi nilainya di setiap baris.",
        "en": "column '{column}': this cell is part of the merged range {merge}, so it is "
              "empty; unmerge it and fill in the value on every row.",
    },
    "data.xlsx_percent": {
        "id": "kolom '{column}' diformat persen di Excel, sehingga tampil {shown} % tetapi "
              "tersimpan {shown} ÷ 100; ubah format sel ke Number dan ketik angkanya tanpa %.",
        "en": "column '{column}' is formatted as a percentage in Excel: it shows {shown} % but "
              "stores {shown} ÷ 100; change the cell format to Number and type the figure "
              "without %.",
    },
    "capaian.negative_target": {
        "id": "indikator '{id}': target negatif membuat rumus capaian tidak bermakna; tulis "
              "target sebagai angka positif (lihat panduan folder evaluasi, 'Angka negatif').",
        "en": "indicator '{id}': a negative target makes the capaian formula meaningless; write "
              "the target as a positive figure (see the evaluation folder guide, 'Angka "
              "negatif').",
    },
    "capaian.negative_actual": {
        "id": "indikator '{id}': realisasi negatif pada polaritas negatif tidak bermakna "
              "(rumus memberi lebih dari 200 % atau capaian negatif); nyatakan indikator "
              "sebagai perubahan berpolaritas positif (lihat panduan, 'Angka negatif').",
        "en": "indicator '{id}': a negative realisasi under negative polarity has no meaning "
              "(the formula gives over 200 % or a negative capaian); state the indicator as a "
              "change with positive polarity (see the guide, 'Angka negatif').",
    },
    "pdf.output_is_file": {
        "id": "'-o {path}' adalah berkas, padahal -o meminta folder tujuan; sebut sebuah folder "
              "(mis. -o build/pdf). PDF diberi nama sesuai id evaluasi.",
        "en": "'-o {path}' is a file, but -o takes an output folder; name a folder (e.g. "
              "-o build/pdf). PDFs are named after the evaluation id.",
    },
    "pdf.output_looks_like_file": {
        "id": "'-o {path}' tampak seperti nama berkas PDF, padahal -o meminta folder tujuan; "
              "pakai mis. -o {folder}. PDF diberi nama sesuai id evaluasi.",
        "en": "'-o {path}' looks like a PDF file name, but -o takes an output folder; use e.g. "
              "-o {folder}. PDFs are named after the evaluation id.",
    },
    "eval.not_found_near": {
        "id": "evaluasi '{id}' tidak ditemukan di {base}; maksud Anda '{near}'?",
        "en": "evaluation '{id}' not found in {base}; did you mean '{near}'?",
    },
    "summary.left_out_row": {
        "id": "TIDAK DIHITUNG: {message}",
        "en": "NOT COUNTED: {message}",
    },
    "summary.left_out": {
        "id": "{count} baris {file} tidak dihitung (lihat baris 'TIDAK DIHITUNG'); rata-rata di "
              "bawah belum lengkap. Perbaiki lalu jalankan lagi.",
        "en": "{count} rows of {file} were not counted (see the 'NOT COUNTED' rows); the "
              "averages below are incomplete. Fix them and run again.",
    },
    "notify.some_failed": {
        "id": "Surel tidak terkirim lewat {host}:{port} kepada {count} penerima: {failed}. "
              "{sent} penerima lain sudah menerimanya dan tidak akan dikirimi lagi.",
        "en": "E-mail not delivered through {host}:{port} to {count} recipients: {failed}. "
              "{sent} other recipients have it and will not be mailed again.",
    },
    "text.too_big": {
        "id": "berkas ini berukuran {size} MB, melebihi batas {limit} MB untuk teks; periksa "
              "apakah isinya benar (atau naikkan 'batas.ukuran_teks_mb' di evkin.yml).",
        "en": "this file is {size} MB, over the {limit} MB limit for text; check its content "
              "(or raise 'batas.ukuran_teks_mb' in evkin.yml).",
    },
    "image.too_big": {
        "id": "gambar '{target}' berukuran {size} MB, melebihi batas {limit} MB; perkecil "
              "(mis. simpan ulang sebagai JPEG dengan lebar 2000 piksel) atau naikkan "
              "'batas.ukuran_gambar_mb' di evkin.yml.",
        "en": "image '{target}' is {size} MB, over the {limit} MB limit; shrink it (e.g. save it "
              "again as a JPEG 2000 pixels wide) or raise 'batas.ukuran_gambar_mb' in evkin.yml.",
    },
    "image.too_many_pixels": {
        "id": "gambar '{target}' berukuran {width} × {height} piksel, melebihi batas {limit} "
              "piksel; perkecil gambarnya (mis. lebar 2000 piksel) atau naikkan "
              "'batas.piksel_gambar' di evkin.yml.",
        "en": "image '{target}' is {width} × {height} pixels, over the limit of {limit} pixels; "
              "shrink it (e.g. 2000 pixels wide) or raise 'batas.piksel_gambar' in evkin.yml.",
    },
    "image.unreadable": {
        "id": "'{target}' bukan gambar yang dapat dibaca (PNG, JPEG, GIF atau SVG); simpan ulang "
              "gambarnya dalam salah satu format itu.",
        "en": "'{target}' is not a readable image (PNG, JPEG, GIF or SVG); save it again in one "
              "of those formats.",
    },
    "section.near_miss": {
        "id": "judul '{heading}' tidak dikenali sebagai bagian '{title}'; tulis judulnya persis "
              "(salah satu dari: {accepted}), keterangan lain di baris berikutnya, atau tambahkan "
              "judul ini ke 'bagian' di evkin.yml.",
        "en": "heading '{heading}' is not recognised as section '{title}'; write the heading "
              "exactly (one of: {accepted}) with other words on the next line, or add this "
              "heading under 'bagian' in evkin.yml.",
    },
}
