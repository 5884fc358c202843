"""Messages of the derivation checks: previous release, artifact, signed manifest."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "manifest.malformed": {
        "id": "Manifest arsip {source} tidak dapat dibaca: isian '{field}' {detail}. Berkas ini "
              "ditulis oleh evkin publish; jangan diubah dengan tangan. Terbitkan ulang arsip "
              "(evkin publish) atau tanyakan kepada admin arsip.",
        "en": "Archive manifest {source} cannot be read: field '{field}' {detail}. This file is "
              "written by evkin publish; do not edit it by hand. Publish the archive again "
              "(evkin publish) or ask the archive's admin.",
    },
    "manifest.field_want_text": {"id": "harus berupa teks", "en": "must be text"},
    "manifest.field_want_int": {"id": "harus berupa bilangan bulat",
                                "en": "must be a whole number"},
    "manifest.field_want_object": {"id": "harus berupa objek JSON",
                                   "en": "must be a JSON object"},
    "manifest.field_want_list": {"id": "tidak ada atau bukan daftar JSON ([...])",
                                 "en": "is missing or not a JSON list ([...])"},
    "manifest.field_want_bool": {"id": "harus true atau false", "en": "must be true or false"},
    "manifest.field_missing": {"id": "tidak ada", "en": "is missing"},
    "manifest.field_newer": {
        "id": "versi {found} lebih baru dari yang dikenal evkin ini ({known}); perbarui evkin",
        "en": "version {found} is newer than this evkin knows ({known}); update evkin"},
    "manifest.no_keys": {
        "id": "Manifest arsip {source} tidak dapat diperiksa: tidak ada kunci pencatat yang "
              "berlaku (pencatat.kunci di evkin.yml; kunci CONTOH dan kunci yang dicabut tidak "
              "dihitung). Jalankan perintah ini di dalam repositori evkin instansi (--root "
              "FOLDER), yang evkin.yml-nya mencantumkan kunci publik pencatat instansi.",
        "en": "Archive manifest {source} cannot be checked: there is no record key in force "
              "(pencatat.kunci in evkin.yml; the SAMPLE key and revoked keys do not count). Run "
              "this inside the agency's evkin repository (--root FOLDER), whose evkin.yml lists "
              "the public half of the agency's record key.",
    },
    "manifest.unsigned": {
        "id": "Manifest arsip {source} tidak bertanda tangan ({sig} tidak ada atau rusak), "
              "jadi isinya tidak dapat dipercaya: siapa pun yang menguasai alamat atau "
              "jaringannya dapat mengubahnya. Tanyakan kepada admin arsip; jangan anggap PDF "
              "ini asli.",
        "en": "Archive manifest {source} is not signed ({sig} missing or broken), so its "
              "content cannot be trusted: whoever controls the address or the network could "
              "have changed it. Ask the archive's admin; do not take this PDF as genuine.",
    },
    "manifest.bad_signature": {
        "id": "Tanda tangan manifest arsip {source} ({sig}) TIDAK COCOK dengan kunci pencatat "
              "di evkin.yml: manifest diubah sesudah ditandatangani atau ditandatangani kunci "
              "lain. Jangan anggap PDF ini asli; laporkan kepada admin arsip.",
        "en": "The signature of archive manifest {source} ({sig}) DOES NOT MATCH the record "
              "keys in evkin.yml: the manifest was changed after signing or signed with another "
              "key. Do not take this PDF as genuine; tell the archive's admin.",
    },
    "manifest.signed": {
        "id": "Manifest diperiksa dan ditandatangani: {path} ({count} laporan final).",
        "en": "Manifest checked and signed: {path} ({count} final reports).",
    },
    "manifest.no_key": {
        "id": "Rahasia {env} tidak ada di langkah ini: manifest tidak dapat ditandatangani.",
        "en": "Secret {env} is not available to this step: the manifest cannot be signed.",
    },
    "publish.previous_untrusted": {
        "id": "manifest rilis sebelumnya tidak dipakai ({detail}); rilis ini diterbitkan "
              "seolah yang pertama: tanggal terbit baru, laporan diumumkan lagi",
        "en": "the previous release's manifest is not used ({detail}); this release is "
              "published as if it were the first: new publication dates, reports announced "
              "again",
    },
    "publish.previous_replayed": {
        "id": "manifest rilis sebelumnya di {source} BUKAN manifest terakhir yang diterbitkan "
              "(nomor urut {found}, SHA-256 {found_sha}…): menurut catatan di riwayat main "
              "({file}) yang terakhir adalah nomor {recorded} (SHA-256 {recorded_sha}…), jadi "
              "manifest lama disajikan lagi atau manifest diganti. Tidak ada yang diambil "
              "darinya; rilis ini diturunkan seluruhnya dari versi yang disetujui, seolah belum "
              "pernah terbit: tanggal terbit baru, laporan diumumkan lagi. Periksa siapa yang "
              "dapat menulis ke hosting situs arsip.",
        "en": "the previous release's manifest at {source} is NOT the last one published "
              "(number {found}, SHA-256 {found_sha}…): the record in main's history ({file}) "
              "says the last is number {recorded} (SHA-256 {recorded_sha}…), so an old manifest "
              "was served again or the manifest was replaced. Nothing is taken from it; this "
              "release is derived entirely from the approved versions, as if nothing had been "
              "published: new publication dates, reports announced again. Check who can write "
              "to the archive's hosting.",
    },
    "publish.previous_mismatch": {
        "id": "{id}: PDF rilis sebelumnya ({pdf} di {source}, SHA-256 {found}…) TIDAK SAMA "
              "dengan PDF yang diturunkan dari versi yang disetujui (SHA-256 {derived}…); yang "
              "diterbitkan adalah hasil turunan. Periksa siapa yang mengubah situs arsip, atau "
              "apakah kode tata letak evkin berubah.",
        "en": "{id}: the previous release's PDF ({pdf} at {source}, SHA-256 {found}…) DIFFERS "
              "from the PDF derived from the approved version (SHA-256 {derived}…); the "
              "derived one is published. Check who changed the archive site, or whether "
              "evkin's layout code changed.",
    },
    "publish.opt_sign_manifest": {
        "id": "periksa setiap PDF final di DEST terhadap turunan dari komit yang disetujui, "
              "lalu tandatangani manifest dengan kunci pencatat (EVKIN_RECORD_KEY)",
        "en": "check every final PDF in DEST against its derivation from the approved commit, "
              "then sign the manifest with the record key (EVKIN_RECORD_KEY)",
    },
    "archive.refused": {
        "id": "Arsip di {dest} TIDAK sesuai dengan turunan dari komit yang disetujui ({count} "
              "masalah); tidak ada yang ditandatangani:\n{problems}",
        "en": "The archive in {dest} does NOT match its derivation from the approved commit "
              "({count} problems); nothing was signed:\n{problems}",
    },
    "archive.pdf_mismatch": {
        "id": "{id}: {pdf} tidak sama byte demi byte dengan PDF yang diturunkan dari versi "
              "yang disetujui (SHA-256 {found}…, seharusnya {derived}…)",
        "en": "{id}: {pdf} is not byte for byte the PDF derived from the approved version "
              "(SHA-256 {found}…, expected {derived}…)",
    },
    "archive.pdf_missing": {
        "id": "{id}: PDF {pdf} yang disebut manifest tidak ada",
        "en": "{id}: PDF {pdf} named by the manifest is missing",
    },
    "archive.not_final": {
        "id": "{id}: manifest menyebutnya final, tetapi jejak persetujuannya tidak terverifikasi "
              "pada komit ini (atau PDF-nya tidak dapat diturunkan: {detail})",
        "en": "{id}: the manifest lists it as final, but its approval trail does not verify at "
              "this commit (or its PDF cannot be derived: {detail})",
    },
    "archive.final_missing": {
        "id": "{id}: laporan final ini tidak ada di manifest",
        "en": "{id}: this final report is missing from the manifest",
    },
    "archive.field_mismatch": {
        "id": "{id}: isian '{field}' di manifest ({found}) tidak sama dengan turunannya "
              "({derived})",
        "en": "{id}: field '{field}' in the manifest ({found}) differs from its derivation "
              "({derived})",
    },
    "archive.seal_claim": {
        "id": "{id}: manifest menyebut status segel '{found}', tetapi berkasnya {state}",
        "en": "{id}: the manifest says seal state '{found}', but the file is {state}",
    },
    "archive.state_signed": {"id": "'{state}' menurut tanda tangannya sendiri",
                             "en": "'{state}' by its own signatures"},
    "archive.state_unsealed": {"id": "tidak bertanda tangan elektronik yang sah",
                               "en": "without a valid electronic signature"},
    "archive.commit_moved": {
        "id": "arsip dibangun dari komit {built}, tetapi langkah ini memeriksa komit {here}; "
              "jalankan ulang alur kerja terbit",
        "en": "the archive was built from commit {built}, but this step checks commit {here}; "
              "run the publishing workflow again",
    },
    "archive.unreadable": {
        "id": "manifest {path} tidak dapat dibaca: {detail}",
        "en": "manifest {path} cannot be read: {detail}",
    },
}
