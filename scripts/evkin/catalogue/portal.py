"""Messages of the province portal (``evkin portal``)."""

MESSAGES = {
    "portal.help": {
        "id": "portal provinsi: gabungan arsip banyak instansi, masing-masing diverifikasi",
        "en": "province portal: many agencies' archives in one, each verified",
    },
    "portal.description": {
        "id": "Membangun portal statis dari arsip terbit instansi yang terdaftar di portal.yml. "
              "Setiap arsip diperiksa tanpa forge dengan kunci pencatat yang ditetapkan provinsi "
              "(tanda tangan manifes, SHA-256 setiap PDF, jejak persetujuan); arsip yang tidak "
              "lolos ditampilkan dengan alasannya dan tidak digabungkan.",
        "en": "Builds a static portal from the published archives of the agencies listed in "
              "portal.yml. Each archive is checked without a forge against the record keys the "
              "province pinned (manifest signature, every PDF's SHA-256, approval trails); an "
              "archive that fails is shown with its reasons and not merged.",
    },
    "portal.opt_config": {"id": "berkas pengaturan portal (bawaan: portal.yml)",
                          "en": "portal settings file (default: portal.yml)"},
    "portal.opt_output": {"id": "folder keluaran (bawaan: portal)",
                          "en": "output folder (default: portal)"},
    "portal.config_missing": {
        "id": "Berkas pengaturan portal {path} tidak ada. Buat portal.yml berisi daftar "
              "instansi (lihat docs/panduan/portal.md).",
        "en": "The portal settings file {path} does not exist. Create portal.yml listing the "
              "agencies (see docs/panduan/portal.md).",
    },
    "portal.config_invalid": {"id": "{path} tidak dapat dipakai:",
                              "en": "{path} cannot be used:"},
    "portal.no_agencies": {
        "id": "tidak ada daftar 'instansi': tulis setiap instansi dengan kode, nama, arsip dan "
              "kunci_pencatat",
        "en": "no 'instansi' list: give each agency a kode, nama, arsip and kunci_pencatat",
    },
    "portal.agency_not_mapping": {
        "id": "setiap butir 'instansi' harus berisi kode, nama, arsip dan kunci_pencatat",
        "en": "each 'instansi' item must hold kode, nama, arsip and kunci_pencatat",
    },
    "portal.bad_code": {
        "id": "kode '{value}' tidak dapat dipakai: huruf kecil, angka dan tanda hubung, "
              "paling banyak 40 karakter (misalnya bmcktr)",
        "en": "code '{value}' cannot be used: lowercase letters, digits and hyphens, at most "
              "40 characters (e.g. bmcktr)",
    },
    "portal.duplicate_code": {"id": "kode '{value}' dipakai dua kali",
                              "en": "code '{value}' is used twice"},
    "portal.field_missing": {"id": "instansi '{code}': '{field}' belum diisi",
                             "en": "agency '{code}': '{field}' is missing"},
    "portal.bad_link": {
        "id": "tautan '{value}' harus alamat http:// atau https://",
        "en": "link '{value}' must be an http:// or https:// address",
    },
    "portal.no_keys": {
        "id": "instansi '{code}': 'kunci_pencatat' belum diisi: salin kunci publik pencatat "
              "dari evkin.yml instansi itu (pencatat.kunci), diterima langsung dari instansi",
        "en": "agency '{code}': 'kunci_pencatat' is missing: copy the public record keys from "
              "that agency's evkin.yml (pencatat.kunci), received from the agency itself",
    },
    "portal.bad_key": {
        "id": "instansi '{code}': salah satu kunci_pencatat bukan kunci publik SSH "
              "(ssh-ed25519 AAAA…)",
        "en": "agency '{code}': one of kunci_pencatat is not an SSH public key "
              "(ssh-ed25519 AAAA…)",
    },
    "portal.bad_official_keys": {
        "id": "instansi '{code}': 'kunci_pejabat' harus berisi 'sekretaris' dan 'kepala_dinas', "
              "masing-masing daftar kunci publik SSH (ssh-ed25519 AAAA…) yang diterima langsung "
              "dari pejabat atau instansi itu",
        "en": "agency '{code}': 'kunci_pejabat' must hold 'sekretaris' and 'kepala_dinas', each "
              "a list of SSH public keys (ssh-ed25519 AAAA…) received from the officials or "
              "the agency itself",
    },
    "portal.trail_not_forgeless": {
        "id": "laporan {id}: instansi ini menyetujui tanpa forge (kunci_pejabat di portal.yml), "
              "tetapi jejaknya bukan jejak bertanda tangan SSH pejabat",
        "en": "report {id}: this agency approves without a forge (kunci_pejabat in portal.yml), "
              "but its trail is not one SSH-signed by the officials",
    },
    "portal.official_keys_missing": {
        "id": "laporan {id} disetujui tanpa forge (tanda tangan SSH pejabat), tetapi provinsi "
              "belum mencatat kunci pejabat instansi ini: isi 'kunci_pejabat' (sekretaris, "
              "kepala_dinas) di portal.yml dengan kunci publik yang diterima langsung dari "
              "instansi",
        "en": "report {id} was approved without a forge (officials' SSH signatures), but the "
              "province has not pinned this agency's officials' keys: fill 'kunci_pejabat' "
              "(sekretaris, kepala_dinas) in portal.yml with public keys received from the "
              "agency itself",
    },
    "portal.official_bad_signature": {
        "id": "laporan {id}: catatan ke-{number} ({role}) tidak ditandatangani dengan kunci "
              "pejabat yang ditetapkan provinsi (kunci_pejabat di portal.yml)",
        "en": "report {id}: record {number} ({role}) is not signed with an official's key the "
              "province pinned (kunci_pejabat in portal.yml)",
    },
    "portal.unreachable": {"id": "arsip tidak dapat dibaca: {detail}",
                           "en": "the archive cannot be read: {detail}"},
    "portal.sample_key_only": {
        "id": "hanya kunci contoh evkin yang terdaftar untuk instansi ini; kunci itu tidak "
              "menjamin apa pun di luar demo",
        "en": "only evkin's sample key is listed for this agency; it vouches for nothing "
              "outside the demo",
    },
    "portal.manifest_unsigned": {
        "id": "manifest.json tidak bertanda tangan ({sig} tidak ada): isinya tidak dapat "
              "dipastikan berasal dari instansi",
        "en": "manifest.json is not signed ({sig} is missing): its content cannot be shown to "
              "come from the agency",
    },
    "portal.manifest_bad_signature": {
        "id": "tanda tangan manifest.json ({sig}) tidak cocok dengan kunci pencatat yang "
              "ditetapkan provinsi: manifes diubah atau ditandatangani kunci lain",
        "en": "the signature of manifest.json ({sig}) does not match the record keys the "
              "province pinned: the manifest was changed or signed by another key",
    },
    "portal.manifest_unreadable": {"id": "manifest.json tidak dapat dibaca: {detail}",
                                   "en": "manifest.json cannot be read: {detail}"},
    "portal.bad_entry": {
        "id": "laporan {id}: isian '{field}' di manifes tidak dapat dipakai (harus jalur di "
              "dalam arsip)",
        "en": "report {id}: the manifest's '{field}' cannot be used (it must be a path inside "
              "the archive)",
    },
    "portal.file_unreachable": {"id": "laporan {id}: berkas tidak dapat dibaca: {detail}",
                                "en": "report {id}: a file cannot be read: {detail}"},
    "portal.pdf_mismatch": {
        "id": "laporan {id}: PDF {file} tidak sama dengan yang tercatat di manifes (SHA-256 "
              "atau ukuran berbeda)",
        "en": "report {id}: PDF {file} is not the one the manifest lists (SHA-256 or size "
              "differs)",
    },
    "portal.trail_unsigned": {
        "id": "laporan {id}: jejak persetujuan tidak ada, tidak terbaca, atau tanpa tanda "
              "tangan pencatat",
        "en": "report {id}: the approval trail is missing, unreadable, or has no record "
              "signature",
    },
    "portal.trail_bad_signature": {
        "id": "laporan {id}: tanda tangan pencatat pada jejak persetujuan tidak cocok dengan "
              "kunci yang ditetapkan provinsi",
        "en": "report {id}: the trail's record signature does not match the pinned keys",
    },
    "portal.trail_mismatch": {
        "id": "laporan {id}: jejak persetujuan tidak sesuai dengan manifes (versi yang "
              "disetujui, paraf atau tanda tangan berbeda)",
        "en": "report {id}: the approval trail does not match the manifest (approved version, "
              "paraf or signature differ)",
    },
    "portal.manifest_rolled_back": {
        "id": "manifes yang disajikan bernomor urut {got}, padahal portal sudah memverifikasi "
              "manifes nomor {seen} (pada {at}): arsip diputar mundur ke manifes lama, yang "
              "dapat menyembunyikan laporan atau penggantian versi yang lebih baru. Tanyakan "
              "kepada instansi; portal tetap mencatat nomor {seen}",
        "en": "the manifest served is number {got}, but the portal already verified manifest "
              "number {seen} (at {at}): the archive was rolled back to an old manifest, which "
              "can hide a newer report or a replaced version. Ask the agency; the portal keeps "
              "number {seen} on record",
    },
    "portal.manifest_forked": {
        "id": "manifes bernomor urut {got} tidak melanjutkan manifes nomor {seen} yang sudah "
              "diverifikasi portal (pada {at}): ada dua manifes bertanda tangan yang berbeda "
              "untuk urutan yang sama. Tanyakan kepada instansi",
        "en": "manifest number {got} does not follow manifest number {seen} the portal "
              "verified (at {at}): two different signed manifests exist for the same place in "
              "the line. Ask the agency",
    },
    "portal.state_unreadable": {
        "id": "catatan manifes terakhir portal {path} tidak dapat dibaca ({detail}): pulihkan "
              "dari riwayat git repositori portal; portal tidak dibangun tanpa catatan itu",
        "en": "the portal's record of last manifests {path} cannot be read ({detail}): restore "
              "it from the portal repository's git history; the portal is not built without it",
    },
    "portal.agency_ok": {"id": "{name}: terverifikasi, {count} laporan.",
                         "en": "{name}: verified, {count} reports."},
    "portal.agency_failed": {"id": "{name}: {status}; tidak digabungkan.",
                             "en": "{name}: {status}; not merged."},
    "portal.done": {
        "id": "Portal: {path} ({reports} laporan; {agencies} dari {total} instansi "
              "terverifikasi).",
        "en": "Portal: {path} ({reports} reports; {agencies} of {total} agencies verified).",
    },
}
