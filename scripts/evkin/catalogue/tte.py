"""Messages for the certified electronic signature (TTE): sealing and `evkin verify`."""

MESSAGES: dict[str, dict[str, str]] = {
    "cert.common_name": {"id": "Nama", "en": "Common Name"},
    "cert.organizational_unit_name": {"id": "Unit", "en": "Organizational Unit"},
    "cert.organization_name": {"id": "Organisasi", "en": "Organization"},
    "cert.locality_name": {"id": "Kota", "en": "Locality"},
    "cert.state_or_province_name": {"id": "Provinsi", "en": "State or Province"},
    "cert.country_name": {"id": "Negara", "en": "Country"},
    "cert.email_address": {"id": "Surel", "en": "Email Address"},
    "cert.serial_number": {"id": "Nomor seri", "en": "Serial Number"},
    "tte.provider": {
        "id": "tte.penyedia '{value}' tidak dikenal. Pilih salah satu: {known} (atau hapus "
              "baris ini bila TTE tidak dipakai).",
        "en": "tte.penyedia '{value}' is unknown. Choose one of: {known} (or remove the line "
              "when TTE is not used)."},
    "tte.root_missing": {
        "id": "Sertifikat akar tepercaya '{path}' (tte.akar) tidak ada di repositori. Simpan "
              "berkas sertifikat akar (PEM atau DER), mis. akar BSrE, lalu tulis jalurnya.",
        "en": "Trust root certificate '{path}' (tte.akar) is not in the repository. Store the "
              "root certificate file (PEM or DER), e.g. BSrE's root, and give its path."},
    "tte.root_unreadable": {
        "id": "Sertifikat akar {path} tidak dapat dibaca: {detail}",
        "en": "Root certificate {path} cannot be read: {detail}"},
    "tte.env_missing": {
        "id": "Rahasia {name} belum diatur di lingkungan (secret forge pada langkah "
              "penandatanganan). Lihat docs/panduan/tte.md.",
        "en": "Secret {name} is not set in the environment (a forge secret of the signing "
              "step). See docs/panduan/tte.md."},
    "tte.p12_missing": {
        "id": "Berkas PKCS#12 yang ditunjuk {name} tidak ada.",
        "en": "The PKCS#12 file named by {name} does not exist."},
    "tte.p12_unreadable": {
        "id": "Berkas PKCS#12 ({name}) tidak dapat dibuka: kata sandi salah atau berkas rusak.",
        "en": "The PKCS#12 file ({name}) cannot be opened: wrong passphrase or broken file."},
    "tte.no_space": {
        "id": "Ruang tanda tangan {name} dengan catatan persetujuan evkin tidak ditemukan: "
              "hanya PDF final yang sudah disetujui (bukan draf) yang dapat ditandatangani "
              "secara elektronik. Buat ulang dengan 'evkin pdf' setelah persetujuan.",
        "en": "No signature space for {name} with evkin's approval note was found: only an "
              "approved final PDF (not a draft) can be sealed. Rebuild it with 'evkin pdf' "
              "after the approval."},
    "tte.seal_invalid": {
        "id": "Tanda tangan yang dikembalikan layanan tidak sah terhadap akar tepercaya "
              "(tte.akar) ({signer}); hasilnya tidak diterbitkan.",
        "en": "The signature the service returned does not verify against the trust roots "
              "(tte.akar) ({signer}); it is not published."},
    "tte.not_incremental": {
        "id": "Layanan penandatanganan mengubah isi PDF (bukan pembaruan bertahap); hasilnya "
              "ditolak.",
        "en": "The signing service changed the PDF's content (not an incremental update); "
              "its result is refused."},
    "tte.esign_refused": {
        "id": "Layanan eSign BSrE menolak penandatanganan (HTTP {status}): periksa NIK/surel, "
              "passphrase atau TOTP, dan akun klien eSign.",
        "en": "The BSrE eSign service refused to sign (HTTP {status}): check the NIK/e-mail, "
              "passphrase or TOTP, and the eSign client account."},
    "tte.esign_failed": {
        "id": "Layanan eSign BSrE gagal (HTTP {status}).",
        "en": "The BSrE eSign service failed (HTTP {status})."},
    "tte.esign_unreachable": {
        "id": "Layanan eSign BSrE tidak dapat dihubungi ({detail}).",
        "en": "The BSrE eSign service cannot be reached ({detail})."},
    "tte.esign_bad_answer": {
        "id": "Jawaban layanan eSign BSrE tidak sesuai API v2 ({detail}).",
        "en": "The BSrE eSign service's answer does not match API v2 ({detail})."},
    "tte.pdf_unreadable": {
        "id": "PDF tidak dapat dibaca untuk memeriksa tanda tangan: {detail}",
        "en": "The PDF cannot be read to check its signatures: {detail}"},
    "tte.state_sealed": {
        "id": "ditandatangani secara elektronik (TTE)",
        "en": "signed electronically (certified signature)"},
    "tte.state_not_sealed": {
        "id": "disetujui, belum ditandatangani secara elektronik",
        "en": "approved, not yet signed electronically"},
    "tte.pending_step": {
        "id": "menunggu langkah penandatanganan elektronik.",
        "en": "waiting for the electronic signing step."},
    "tte.page_not_updated": {
        "id": "Halaman {page} tidak dapat diperbarui dengan status TTE; bangun ulang situs.",
        "en": "Page {page} could not be updated with the TTE state; rebuild the site."},
    "publish.opt_no_seal": {
        "id": "jangan tandatangani PDF final di sini (langkah terpisah --seal-only memegang "
              "rahasia TTE)",
        "en": "do not seal the final PDFs here (a separate --seal-only step holds the TTE "
              "secrets)"},
    "publish.opt_seal_only": {
        "id": "hanya tandatangani secara elektronik PDF final yang belum ber-TTE di arsip yang "
              "sudah dibangun (tanpa membangun apa pun)",
        "en": "only seal the not-yet-sealed final PDFs of the archive built already (builds "
              "nothing)"},
    "publish.sealed": {"id": "Ditandatangani secara elektronik: {count} PDF.",
                       "en": "Sealed electronically: {count} PDF(s)."},
    "tte.retry": {
        "id": "Penandatanganan elektronik dicoba lagi pada publikasi berikutnya.",
        "en": "Electronic signing is tried again at the next publication."},
    "seal.help": {"id": "tandatangani PDF final secara elektronik (TTE, PAdES)",
                  "en": "seal a final PDF with a certified electronic signature (PAdES)"},
    "seal.description": {
        "id": "Menambahkan tanda tangan elektronik tersertifikasi (PAdES, pembaruan bertahap) "
              "pada PDF final yang sudah disetujui, dengan kode QR ke halaman arsip versi itu. "
              "Penyedia dari tte.penyedia di evkin.yml; rahasia hanya dari variabel "
              "lingkungan. Untuk kantor tanpa forge.",
        "en": "Adds a certified electronic signature (PAdES, incremental update) to an "
              "approved final PDF, with a QR code to that version's archive page. Provider "
              "from tte.penyedia in evkin.yml; secrets only from environment variables. For "
              "offices without a forge."},
    "seal.opt_file": {"id": "PDF final yang ditandatangani", "en": "the final PDF to seal"},
    "seal.opt_out": {"id": "berkas keluaran (bawaan: NAMA-tte.pdf)",
                     "en": "output file (default: NAME-tte.pdf)"},
    "seal.opt_url": {"id": "alamat halaman arsip versi ini (untuk kode QR)",
                     "en": "address of this version's archive page (for the QR code)"},
    "seal.off": {"id": "TTE tidak diaktifkan: isi tte.penyedia di evkin.yml (bsre atau pkcs12).",
                 "en": "TTE is not enabled: set tte.penyedia in evkin.yml (bsre or pkcs12)."},
    "seal.already": {"id": "{path} sudah bertanda tangan elektronik; tidak ditandatangani lagi.",
                     "en": "{path} is signed electronically already; not signed again."},
    "seal.done": {"id": "Ditandatangani secara elektronik: {path} (SHA-256 {sha256}).",
                  "en": "Signed electronically: {path} (SHA-256 {sha256})."},
    "verify.opt_root": {
        "id": "sertifikat akar tepercaya tambahan (PEM/DER); bawaan: tte.akar di evkin.yml",
        "en": "extra trust root certificate (PEM/DER); default: tte.akar in evkin.yml"},
    "verify.sig_none": {"id": "Tanda tangan elektronik: tidak ada.",
                        "en": "Electronic signatures: none."},
    "verify.sig_ok": {
        "id": "Tanda tangan elektronik {n}: SAH — {signer}; diterbitkan oleh {issuer}; pada "
              "{when}.{partial}",
        "en": "Electronic signature {n}: VALID — {signer}; issued by {issuer}; at {when}."
              "{partial}"},
    "verify.sig_bad": {
        "id": "Tanda tangan elektronik {n}: TIDAK SAH — {why} ({signer}).",
        "en": "Electronic signature {n}: NOT VALID — {why} ({signer})."},
    "verify.sig_partial": {
        "id": " Ada perubahan sesudah tanda tangan ini.",
        "en": " The file was changed after this signature."},
    "verify.why_integrity": {"id": "isi berkas berubah sesudah ditandatangani",
                             "en": "the file's content changed after signing"},
    "verify.why_trust": {
        "id": "sertifikat tidak berantai ke akar tepercaya atau tidak berlaku saat itu",
        "en": "the certificate does not chain to a trusted root or was not valid then"},
    "verify.why_cryptographic": {"id": "tanda tangan kriptografis tidak cocok",
                                 "en": "the cryptographic signature does not match"},
    "verify.why_broken": {"id": "tanda tangan rusak", "en": "the signature is broken"},
    "verify.render_of": {
        "id": "{file} adalah hasil cetak (belum ber-TTE) laporan {id}; salinan resmi yang "
              "ditandatangani secara elektronik: {page} (SHA-256 {sha256}).",
        "en": "{file} is the unsealed render of report {id}; the official signed copy: "
              "{page} (SHA-256 {sha256})."},
}
