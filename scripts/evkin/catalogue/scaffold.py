"""Messages of `evkin new`."""

MESSAGES: dict[str, dict[str, str]] = {
    "new.help": {"id": "buat folder evaluasi baru dari templat",
                 "en": "scaffold a new evaluation folder"},
    "new.description": {
        "id": "Membuat evaluations/ID lengkap: evaluasi.yml, laporan.md, indikator.csv dan "
              "dokumen langkah 1–4 SOP, diisi dari evkin.yml dan evaluasi sebelumnya. Folder "
              "yang sudah ada tidak pernah ditimpa.",
        "en": "Creates a complete evaluations/ID: evaluasi.yml, laporan.md, indikator.csv and "
              "the SOP step 1–4 documents, filled from evkin.yml and the previous evaluation. "
              "An existing folder is never overwritten.",
    },
    "new.opt_id": {"id": "id evaluasi: TAHUN-tahunan, TAHUN-s1, TAHUN-tw1 … (mis. 2026-tw1)",
                   "en": "evaluation id: YEAR-tahunan, YEAR-s1, YEAR-tw1 … (e.g. 2026-tw1)"},
    "new.bad_id": {
        "id": "'{id}' bukan id evaluasi; pakai TAHUN-tahunan, TAHUN-s1/s2 atau TAHUN-tw1..tw4, "
              "mis. 2026-tw1.",
        "en": "'{id}' is not an evaluation id; use YEAR-tahunan, YEAR-s1/s2 or YEAR-tw1..tw4, "
              "e.g. 2026-tw1.",
    },
    "new.opt_excel": {
        "id": "isi di Excel: indikator, rekomendasi dan tindak lanjut dalam satu "
              "indikator.xlsx (lembar indikator, rekomendasi, tindak-lanjut) sebagai ganti "
              "indikator.csv, rekomendasi.yml dan tindak-lanjut.yml",
        "en": "fill in with Excel: indicators, recommendations and follow-ups in one "
              "indikator.xlsx (sheets indikator, rekomendasi, tindak-lanjut) instead of "
              "indikator.csv, rekomendasi.yml and tindak-lanjut.yml",
    },
    "new.exists": {"id": "{path} sudah ada; evkin new tidak menimpa folder. Pilih id lain atau "
                         "sunting folder itu.",
                   "en": "{path} already exists; evkin new never overwrites. Choose another "
                         "id or edit that folder."},
    "new.created": {"id": "Folder {path} dibuat.", "en": "Created {path}."},
    "new.from_previous": {"id": "Indikator, realisasi lalu dan rekomendasi diambil dari "
                                "evaluasi {previous}.",
                          "en": "Indicators, last realisasi and recommendations taken from "
                                "evaluation {previous}."},
    "new.next": {"id": "Langkah berikutnya: isi setiap [[ISI: …]], lalu jalankan "
                       "'evkin check {id}' sampai bersih dan commit: git add {path} && "
                       "git commit -m \"Draf {id}\".",
                 "en": "Next: fill every [[ISI: …]], run 'evkin check {id}' until clean, and "
                       "commit: git add {path} && git commit -m \"Draft {id}\"."},
}
