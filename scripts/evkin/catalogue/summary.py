"""Messages for capaian tables and `evkin summary`."""

MESSAGES: dict[str, dict[str, str]] = {
    "summary.headers": {
        "id": "ID|Indikator|Satuan|Target|Realisasi|Capaian|Predikat|Formula",
        "en": "ID|Indicator|Unit|Target|Actual|Achievement|Rating|Formula",
    },
    "summary.csv_headers": {
        "id": "id;sasaran;indikator;satuan;polaritas;target;target_maks;realisasi;capaian;"
              "predikat;formula",
        "en": "id;goal;indicator;unit;polarity;target;target_max;actual;achievement;rating;"
              "formula",
    },
    "summary.average": {
        "id": "Rata-rata capaian sasaran '{sasaran}': {value} ({predikat})",
        "en": "Average achievement of goal '{sasaran}': {value} ({predikat})",
    },
    "summary.has_findings": {
        "id": "Evaluasi {id} masih memiliki {count} temuan; angka di bawah bisa belum lengkap. "
              "Jalankan 'evkin check {id}'.",
        "en": "Evaluation {id} still has {count} findings; the figures below may be incomplete. "
              "Run 'evkin check {id}'.",
    },
    "formula.positif": {"id": "positif (R/T)", "en": "positive (A/T)"},
    "formula.negatif-A": {"id": "negatif A ((2T−R)/T)", "en": "negative A ((2T−A)/T)"},
    "formula.negatif-B": {"id": "negatif B (T/R)", "en": "negative B (T/A)"},
    "formula.range_dalam": {"id": "dalam rentang", "en": "within range"},
    "formula.range_bawah": {"id": "thd batas bawah", "en": "vs lower bound"},
    "formula.range_atas": {"id": "thd batas atas", "en": "vs upper bound"},
    "formula.capped": {"id": "dibatasi", "en": "capped"},
}
