"""Messages about the shape of ``evkin.yml`` (``settings_schema``): unknown keys, wrong types."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "settings.key_unknown_guess": {
        "id": "isian '{key}' tidak dikenal; maksudnya '{guess}'? Perbaiki ejaannya (evkin "
              "tidak memakai isian yang tidak dikenalnya). Daftar isian: {guide}.",
        "en": "unknown key '{key}'; did you mean '{guess}'? Fix the spelling (evkin does not "
              "use keys it does not know). All keys: {guide}.",
    },
    "settings.key_unknown": {
        "id": "isian '{key}' tidak dikenal di sini; yang dikenal: {known}. Hapus baris ini atau "
              "pindahkan ke tempat yang benar ({guide}).",
        "en": "unknown key '{key}' here; known: {known}. Remove the line or move it where it "
              "belongs ({guide}).",
    },
    "settings.key_invisible": {
        "id": "isian '{key}' memuat karakter tak terlihat (spasi tak terputus, biasanya dari "
              "salinan Excel/Word); ketik ulang namanya sebagai '{guess}'.",
        "en": "key '{key}' holds an invisible character (a non-breaking space, usually pasted "
              "from Excel/Word); retype it as '{guess}'.",
    },
    "settings.wrong_type": {
        "id": "'{key}' harus berupa {want}, bukan {got}. Lihat contohnya di {guide}.",
        "en": "'{key}' must be {want}, not {got}. See the example in {guide}.",
    },
    "settings.shape.peta": {"id": "kumpulan isian (kunci: nilai) di baris-baris berikutnya",
                            "en": "a mapping (key: value lines underneath)"},
    "settings.shape.daftar_peta": {"id": "daftar (baris-baris '- kunci: nilai')",
                                   "en": "a list ('- key: value' lines)"},
    "settings.shape.orang": {"id": "satu orang (nama: ...) atau daftar orang",
                             "en": "one person (nama: ...) or a list of people"},
    "settings.shape.peta_bebas": {"id": "kumpulan isian (kunci: nilai)",
                                  "en": "a mapping (key: value)"},
    "settings.shape.teks": {"id": "teks satu baris", "en": "a single line of text"},
    "settings.shape.teks_atau_daftar": {"id": "teks atau daftar teks",
                                        "en": "text or a list of texts"},
    "settings.shape.angka": {"id": "angka", "en": "a number"},
    "settings.shape.bilangan_bulat": {"id": "bilangan bulat", "en": "a whole number"},
    "settings.shape.pilihan": {"id": "salah satu pilihan", "en": "one of the choices"},
    "settings.shape.tanggal": {"id": "tanggal (TTTT-BB-HH)", "en": "a date (YYYY-MM-DD)"},
    "settings.shape.list": {"id": "daftar", "en": "a list"},
}
