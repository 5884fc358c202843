"""Messages for recommendations, their follow-up, indicator continuity and the rencana aksi."""

MESSAGES: dict[str, dict[str, str]] = {
    "rec.not_list": {
        "id": "{file} harus berupa daftar, setiap butir diawali '- ' (lihat "
              "docs/panduan/folder-evaluasi.md).",
        "en": "{file} must be a list, each item starting with '- ' (see "
              "docs/panduan/folder-evaluasi.md).",
    },
    "rec.entry_not_mapping": {
        "id": "butir ke-{number} harus berisi isian (kunci: nilai), mis. 'nomor: 1'.",
        "en": "item {number} must hold key: value entries, e.g. 'nomor: 1'.",
    },
    "rec.bad_number": {
        "id": "'nomor' rekomendasi harus bilangan bulat 1, 2, 3, … (tertulis: '{value}').",
        "en": "a recommendation's 'nomor' must be a whole number 1, 2, 3, … (found '{value}').",
    },
    "rec.duplicate_number": {
        "id": "nomor rekomendasi {nomor} sudah dipakai di baris {first}; setiap rekomendasi "
              "memerlukan nomor sendiri.",
        "en": "recommendation number {nomor} is already used on line {first}; each "
              "recommendation needs its own number.",
    },
    "rec.field_missing": {
        "id": "rekomendasi {id}: isian '{field}' kosong; isi nilainya.",
        "en": "recommendation {id}: '{field}' is empty; fill it in.",
    },
    "rec.unknown_unit": {
        "id": "rekomendasi {id}: penanggung jawab '{unit}' tidak dikenal di pengaturan "
              "(evkin.yml, 'pejabat'); tulis salah satu: {units}.",
        "en": "recommendation {id}: responsible unit '{unit}' is not in the settings "
              "(evkin.yml, 'pejabat'); write one of: {units}.",
    },
    "rec.bad_status": {
        "id": "status '{value}' tidak dikenal; tulis salah satu: {allowed}.",
        "en": "unknown status '{value}'; write one of: {allowed}.",
    },
    "rec.follow_field_missing": {
        "id": "tindak lanjut rekomendasi {id}: isian '{field}' kosong; isi nilainya.",
        "en": "follow-up of recommendation {id}: '{field}' is empty; fill it in.",
    },
    "rec.follow_duplicate": {
        "id": "rekomendasi {id} sudah ditanggapi di baris {first}; tulis satu tindak lanjut "
              "per rekomendasi.",
        "en": "recommendation {id} is already followed up on line {first}; write one "
              "follow-up per recommendation.",
    },
    "rec.unknown": {
        "id": "rekomendasi {id} tidak ada di rekomendasi.yml evaluasi mana pun; periksa id-nya "
              "(bentuk: <id evaluasi>-R<nomor>, mis. 2024-tahunan-R1).",
        "en": "recommendation {id} is in no evaluation's rekomendasi.yml; check the id "
              "(form: <evaluation id>-R<number>, e.g. 2024-tahunan-R1).",
    },
    "rec.not_earlier": {
        "id": "rekomendasi {id} berasal dari evaluasi {origin}, yang tidak lebih awal dari "
              "evaluasi ini; hanya rekomendasi evaluasi sebelumnya yang ditindaklanjuti.",
        "en": "recommendation {id} comes from evaluation {origin}, which is not earlier than "
              "this one; only earlier evaluations' recommendations are followed up.",
    },
    "rec.already_closed": {
        "id": "rekomendasi {id} sudah ditutup oleh evaluasi {by}; baris ini tidak mengubah "
              "statusnya dan boleh dihapus.",
        "en": "recommendation {id} was already closed by evaluation {by}; this entry does not "
              "change its status and may be removed.",
    },
    "rec.reason_missing": {
        "id": "tindak lanjut rekomendasi {id}: status 'tidak relevan lagi' memerlukan "
              "'alasan'; tulis mengapa rekomendasi ini tidak relevan lagi.",
        "en": "follow-up of recommendation {id}: status 'tidak relevan lagi' needs an "
              "'alasan' (reason); say why it no longer applies.",
    },
    "rec.not_addressed": {
        "id": "rekomendasi {id} dari evaluasi {origin} ({teks}) masih terbuka (status: "
              "{status}) tetapi tidak ditanggapi; tambahkan '- rekomendasi: {id}' dengan "
              "status dan uraian tindak lanjutnya.",
        "en": "recommendation {id} of evaluation {origin} ({teks}) is still open (status: "
              "{status}) but not followed up; add '- rekomendasi: {id}' with its status and "
              "what was done.",
    },
    "rec.table_title": {
        "id": "Tindak Lanjut Rekomendasi Evaluasi Sebelumnya",
        "en": "Follow-up of the Previous Evaluation's Recommendations",
    },
    "render.follow_up_headers": {
        "id": "No.|Rekomendasi|Penanggung Jawab|Tenggat|Status|Tindak Lanjut",
        "en": "No.|Recommendation|Responsible|Deadline|Status|Follow-up",
    },
    "render.follow_up_evidence": {
        "id": "Bukti tindak lanjut: {items}.",
        "en": "Evidence of follow-up: {items}.",
    },
    "render.note_follow_up_at_end": {
        "id": "{path}: bagian 'Rekomendasi' tidak berada di tingkat teratas; tabel tindak lanjut "
              "rekomendasi diletakkan di akhir laporan.",
        "en": "{path}: the 'Rekomendasi' section is not at the top level; the follow-up table "
              "is placed at the end of the report.",
    },
    "data.indicator_changed": {
        "id": "indikator {id} berbeda dari evaluasi {previous}: {changes}. Jika ini indikator "
              "lain, beri id baru; jika indikator yang sama dengan nama baru, tulis 'ganti nama' "
              "di kolom 'perubahan'.",
        "en": "indicator {id} differs from evaluation {previous}: {changes}. If it is another "
              "indicator, give it a new id; if it is the same indicator renamed, write 'ganti "
              "nama' in the 'perubahan' column.",
    },
    "data.bad_change_note": {
        "id": "kolom 'perubahan' indikator {id} berisi '{value}'; tulis 'ganti nama' (indikator "
              "yang sama dengan nama baru) atau kosongkan.",
        "en": "the 'perubahan' column of indicator {id} holds '{value}'; write 'ganti nama' "
              "(the same indicator renamed) or leave it empty.",
    },
    "rec.sheet_columns": {
        "id": "lembar '{sheet}' tidak punya kolom {columns}; baris judulnya harus memuat "
              "kolom {all}.",
        "en": "the '{sheet}' sheet has no column {columns}; its header row must hold the "
              "columns {all}.",
    },
    "rec.two_sources": {
        "id": "{file} dan lembar '{sheet}' di {workbook} sama-sama ada; pakai salah satu (hapus "
              "{file} bila mengisi di Excel). Yang dibaca: {file}.",
        "en": "{file} and the '{sheet}' sheet of {workbook} both exist; use one of them (delete "
              "{file} when filling in Excel). Read: {file}.",
    },
    "plan.target_differs": {
        "id": "target {id} ({target}) berbeda dari rencana aksi triwulan {quarter} ({planned}, "
              "{plan}); samakan, atau jelaskan perubahan target di laporan.",
        "en": "the target of {id} ({target}) differs from the rencana aksi for quarter "
              "{quarter} ({planned}, {plan}); align it, or explain the changed target in the "
              "report.",
    },
    "new.plan_left_out": {
        "id": "Tidak dimasukkan karena rencana aksi {path} tidak memberi target triwulan "
              "{quarter}: {ids}. Bila indikator itu tetap diukur, isi targetnya di rencana aksi "
              "lalu tambahkan barisnya di indikator.csv.",
        "en": "Left out because the rencana aksi {path} sets no target for quarter {quarter}: "
              "{ids}. If such an indicator is measured after all, fill its target in the "
              "rencana aksi and add its row to indikator.csv.",
    },
    "plan.range_reversed": {
        "id": "kolom '{column}': rentang '{text}' terbalik; tulis batas bawah dahulu, mis. "
              "80–90.",
        "en": "column '{column}': the range '{text}' is reversed; write the lower bound first, "
              "e.g. 80–90.",
    },
    "data.target_empty": {
        "id": "kolom 'target' kosong; isi target periode ini (evaluasi triwulan: dari rencana "
              "aksi rencana-aksi/TAHUN.csv), atau hapus baris indikator yang tidak diukur pada "
              "periode ini.",
        "en": "the 'target' column is empty; fill in this period's target (a quarterly "
              "evaluation: from the rencana aksi rencana-aksi/YEAR.csv), or delete the row of an "
              "indicator not measured in this period.",
    },
    "new.from_plan": {
        "id": "Target triwulan diambil dari rencana aksi {path}.",
        "en": "Quarterly targets taken from the rencana aksi {path}.",
    },
    "rec.text_not_final": {
        "id": "({id}: teks rekomendasi tidak ditampilkan karena laporan asalnya belum final)",
        "en": "({id}: recommendation text not shown because its report is not final)",
    },
}
