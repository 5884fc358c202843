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
        "id": "disegel secara elektronik oleh instansi (segel elektronik)",
        "en": "sealed electronically by the agency (electronic seal)"},
    "tte.state_signed": {
        "id": "ditandatangani secara elektronik oleh Kepala Dinas sendiri (TTE)",
        "en": "signed electronically by the Kepala Dinas himself (certified signature)"},
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
    "publish.sealed": {"id": "Disegel secara elektronik (segel instansi): {count} PDF.",
                       "en": "Sealed electronically (agency seal): {count} PDF(s)."},
    "tte.retry": {
        "id": "Penandatanganan elektronik dicoba lagi pada publikasi berikutnya.",
        "en": "Electronic signing is tried again at the next publication."},
    "seal.help": {"id": "segel PDF final secara elektronik atas nama instansi (segel, PAdES)",
                  "en": "seal a final PDF electronically as the agency (electronic seal, PAdES)"},
    "seal.description": {
        "id": "Menambahkan segel elektronik instansi (PAdES, pembaruan bertahap) pada PDF "
              "final yang sudah disetujui, dengan kode QR ke halaman arsip versi itu. Segel "
              "instansi bukan tanda tangan pribadi Kepala Dinas (untuk itu: evkin "
              "tandatangani). Penyedia dari tte.penyedia di evkin.yml; rahasia hanya dari "
              "variabel lingkungan.",
        "en": "Adds the agency's electronic seal (PAdES, incremental update) to an approved "
              "final PDF, with a QR code to that version's archive page. The agency's seal is "
              "not the Kepala Dinas' personal signature (for that: evkin tandatangani). "
              "Provider from tte.penyedia in evkin.yml; secrets only from environment "
              "variables."},
    "seal.opt_file": {"id": "PDF final yang ditandatangani", "en": "the final PDF to seal"},
    "seal.opt_out": {"id": "berkas keluaran (bawaan: NAMA-tte.pdf)",
                     "en": "output file (default: NAME-tte.pdf)"},
    "seal.opt_url": {"id": "alamat halaman arsip versi ini (untuk kode QR)",
                     "en": "address of this version's archive page (for the QR code)"},
    "seal.off": {"id": "TTE tidak diaktifkan: isi tte.penyedia di evkin.yml (bsre atau pkcs12).",
                 "en": "TTE is not enabled: set tte.penyedia in evkin.yml (bsre or pkcs12)."},
    "seal.already": {"id": "{path} sudah bertanda tangan atau bersegel elektronik; tidak "
                           "disegel lagi.",
                     "en": "{path} is signed or sealed electronically already; not sealed "
                           "again."},
    "seal.done": {"id": "Disegel secara elektronik (segel instansi): {path} (SHA-256 {sha256}).",
                  "en": "Sealed electronically (agency seal): {path} (SHA-256 {sha256})."},
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
    "verify.why_changed": {
        "id": "isi berkas diubah sesudah ditandatangani (bukan sekadar tanda tangan atau cap "
              "waktu tambahan)",
        "en": "the file was changed after signing (more than another signature or a "
              "timestamp)"},
    "verify.sig_long_term": {
        "id": " Bahan validasi jangka panjang (PAdES B-LTA) ada dan sah.",
        "en": " Long-term validation material (PAdES B-LTA) is present and valid."},
    "verify.opt_at": {
        "id": "periksa seolah-olah pada WAKTU itu (ISO 8601, mis. 2035-01-01): apakah masih "
              "sah setelah sertifikat kedaluwarsa",
        "en": "check as at that moment (ISO 8601, e.g. 2035-01-01): does it still verify "
              "after the certificates expire"},
    "verify.bad_moment": {
        "id": "--pada '{value}' bukan waktu ISO 8601 (mis. 2035-01-01 atau "
              "2035-01-01T08:00:00+07:00).",
        "en": "--pada '{value}' is not an ISO 8601 moment (e.g. 2035-01-01 or "
              "2035-01-01T08:00:00+07:00)."},
    "verify.claimed_unsigned": {
        "id": "BUKAN SALINAN RESMI: {file} cocok dengan laporan {id} di manifest, dan manifest "
              "menyatakan laporan itu '{state}', tetapi berkas ini tidak memuat tanda tangan "
              "atau segel elektronik yang sah. Minta salinan resmi dari halaman arsip, atau "
              "laporkan kepada pengelola arsip.",
        "en": "NOT THE OFFICIAL COPY: {file} matches report {id} in the manifest, which says "
              "it is '{state}', but this file carries no valid electronic signature or seal. "
              "Get the official copy from the archive page, or tell the archive's keeper."},
    "verify.signed_outside": {
        "id": "Berkas ini adalah hasil render yang diterbitkan (SHA-256 {sha256}) ditambah "
              "tanda tangan/segel elektronik yang sah di atasnya (tidak ada perubahan lain).",
        "en": "This file is the published render (SHA-256 {sha256}) with valid electronic "
              "signatures/seals added on top (nothing else changed)."},
    "tte.bad_url": {
        "id": "tte.{key} '{value}' bukan alamat http(s)://.",
        "en": "tte.{key} '{value}' is not an http(s):// address."},
    "tte.bad_days": {
        "id": "tte.perbarui_hari '{value}' harus bilangan bulat positif (hari).",
        "en": "tte.perbarui_hari '{value}' must be a positive whole number (days)."},
    "tte.tsa_unreachable": {
        "id": "Layanan cap waktu {url} tidak dapat dihubungi ({detail}).",
        "en": "The timestamp service {url} cannot be reached ({detail})."},
    "tte.ltv_failed": {
        "id": "Bahan validasi jangka panjang (OCSP/CRL, cap waktu {url}) belum dapat "
              "ditambahkan ({detail}); dicoba lagi oleh alur pembaruan cap waktu.",
        "en": "Long-term validation material (OCSP/CRL, timestamp {url}) could not be added "
              "yet ({detail}); the timestamp renewal tries again."},
    "tte.no_tsa": {
        "id": "tte.cap_waktu belum diisi di evkin.yml: alamat layanan cap waktu (TSA) "
              "diperlukan untuk validasi jangka panjang.",
        "en": "tte.cap_waktu is not set in evkin.yml: a timestamp authority (TSA) address is "
              "needed for long-term validation."},
    "tte.kept_invalid": {
        "id": "PDF yang terbit sebelumnya memuat tanda tangan yang tidak sah ({detail}).",
        "en": "The PDF published before carries a signature that does not verify ({detail})."},
    "ttd.no_signature": {
        "id": "PDF ini tidak memuat tanda tangan elektronik.",
        "en": "This PDF carries no electronic signature."},
    "ttd.not_the_render": {
        "id": "Yang ditandatangani bukan PDF final yang disetujui: isi sebelum tanda tangan "
              "(SHA-256 {sha256}…) berbeda dengan render dari komit yang disetujui "
              "(SHA-256 {expected}…). Unduh ulang PDF final dari arsip atau dengan 'evkin pdf', "
              "tandatangani berkas itu tanpa mengubahnya, lalu unggah lagi.",
        "en": "What was signed is not the approved final PDF: the content before the "
              "signature (SHA-256 {sha256}…) differs from the render of the approved commit "
              "(SHA-256 {expected}…). Download the final PDF again (archive or 'evkin pdf'), "
              "sign that file without changing it, and upload it again."},
    "ttd.changed_after": {
        "id": "PDF diubah sesudah atau bersama tanda tangan (halaman, isi atau anotasi), bukan "
              "sekadar tanda tangan: tidak diterima.",
        "en": "The PDF was changed after or along with the signature (pages, content or "
              "annotations), not only signed: refused."},
    "ttd.no_roots": {
        "id": "tte.akar kosong di evkin.yml: tanpa sertifikat akar tepercaya (mis. akar BSrE) "
              "tanda tangan tidak dapat diterima.",
        "en": "tte.akar is empty in evkin.yml: without trusted root certificates (e.g. "
              "BSrE's root) no signature can be accepted."},
    "ttd.invalid": {
        "id": "Tanda tangan {signer} tidak sah ({detail}): tidak diterima.",
        "en": "The signature of {signer} does not verify ({detail}): refused."},
    "ttd.other_person": {
        "id": "Sertifikat penanda tangan ({signer}) bukan milik Kepala Dinas pada komit yang "
              "disetujui ({expected}): hanya tanda tangan Kepala Dinas sendiri yang diterima.",
        "en": "The signing certificate ({signer}) is not that of the Kepala Dinas at the "
              "approved commit ({expected}): only his own signature is accepted."},
    "ttd.not_approved": {
        "id": "Laporan {id} belum disetujui lengkap (paraf dan tanda tangan persetujuan): "
              "{reason}. PDF final baru dapat ditandatangani sesudahnya.",
        "en": "Report {id} is not fully approved (paraf and approval): {reason}. The final "
              "PDF can be signed after that."},
    "ttd.refused_note": {
        "id": "{path} tidak diterima: {detail}",
        "en": "{path} is refused: {detail}"},
    "ttd.help": {
        "id": "Kepala Dinas: tandatangani sendiri PDF final yang disetujui (TTE pribadi), atau "
              "periksa PDF yang sudah ditandatangani di aplikasi BSrE",
        "en": "Kepala Dinas: sign the approved final PDF yourself (personal TTE), or check a "
              "PDF signed in a BSrE application"},
    "ttd.description": {
        "id": "Merender ulang PDF final dari komit yang disetujui. Tanpa --berkas: meminta "
              "passphrase (atau TOTP) Anda — tidak ditampilkan, tidak disimpan — lalu "
              "menandatangani melalui eSign Client BSrE instansi. Dengan --berkas: memeriksa "
              "PDF yang Anda tandatangani di aplikasi lain. Yang diterima disimpan sebagai "
              "tandatangan/ID.pdf dan menjadi versi resmi yang diterbitkan.",
        "en": "Renders the final PDF again from the approved commit. Without --berkas: asks "
              "for your passphrase (or TOTP) — not shown, not stored — and signs through the "
              "agency's BSrE eSign Client. With --berkas: checks a PDF you signed in another "
              "application. What is accepted is saved as tandatangan/ID.pdf and becomes the "
              "published official version."},
    "ttd.opt_file": {"id": "PDF yang sudah Anda tandatangani di aplikasi BSrE",
                     "en": "a PDF you signed in a BSrE application"},
    "ttd.opt_check": {"id": "hanya periksa tandatangan/ID.pdf yang ada (tanpa menulis)",
                      "en": "only check the existing tandatangan/ID.pdf (writes nothing)"},
    "ttd.opt_totp": {"id": "minta TOTP (BeSign Mobile), bukan passphrase",
                     "en": "ask for a TOTP (BeSign Mobile) instead of the passphrase"},
    "ttd.opt_nik": {"id": "NIK Anda (bawaan: EVKIN_BSRE_NIK)",
                    "en": "your NIK (default: EVKIN_BSRE_NIK)"},
    "ttd.opt_email": {"id": "surel akun BSrE Anda (bawaan: EVKIN_BSRE_EMAIL)",
                      "en": "your BSrE account e-mail (default: EVKIN_BSRE_EMAIL)"},
    "ttd.prompt_passphrase": {"id": "Passphrase TTE Anda (tidak ditampilkan): ",
                              "en": "Your TTE passphrase (not shown): "},
    "ttd.prompt_totp": {"id": "TOTP dari BeSign Mobile (tidak ditampilkan): ",
                        "en": "TOTP from BeSign Mobile (not shown): "},
    "ttd.no_identity": {
        "id": "NIK atau surel akun BSrE Anda belum diberikan: --nik atau --email (atau "
              "EVKIN_BSRE_NIK / EVKIN_BSRE_EMAIL).",
        "en": "Your NIK or BSrE account e-mail is not given: --nik or --email (or "
              "EVKIN_BSRE_NIK / EVKIN_BSRE_EMAIL)."},
    "ttd.empty_secret": {"id": "Passphrase/TOTP kosong: tidak ada yang ditandatangani.",
                         "en": "Empty passphrase/TOTP: nothing was signed."},
    "ttd.accepted": {
        "id": "DITERIMA: tanda tangan {signer} atas PDF final {id} yang disetujui "
              "(SHA-256 render {render}…), pada {when}.{long_term}",
        "en": "ACCEPTED: the signature of {signer} over the approved final PDF {id} "
              "(render SHA-256 {render}…), at {when}.{long_term}"},
    "ttd.saved": {
        "id": "Disimpan: {path}. Unggah berkas ini ke repositori (folder tandatangan/, lewat "
              "peramban atau git) agar diterbitkan sebagai versi resmi.",
        "en": "Saved: {path}. Upload this file to the repository (folder tandatangan/, in the "
              "browser or with git) to publish it as the official version."},
    "ttd.refused": {"id": "DITOLAK: {detail}", "en": "REFUSED: {detail}"},
    "ttd.missing": {"id": "Belum ada {path}.", "en": "{path} does not exist yet."},
    "renew.help": {
        "id": "perbarui cap waktu dokumen PDF bertanda tangan/bersegel di arsip yang dibangun "
              "(validasi jangka panjang, PAdES B-LTA)",
        "en": "renew the document timestamps of signed/sealed PDFs in a built archive "
              "(long-term validation, PAdES B-LTA)"},
    "renew.opt_dest": {"id": "folder arsip yang sudah dibangun (berisi manifest.json)",
                       "en": "the built archive folder (holding manifest.json)"},
    "renew.done": {
        "id": "Cap waktu diperbarui: {count} PDF; belum perlu: {skipped}.",
        "en": "Timestamps renewed: {count} PDF(s); not due yet: {skipped}."},
    "verify.render_of": {
        "id": "{file} adalah hasil cetak (belum ber-TTE) laporan {id}; salinan resmi yang "
              "ditandatangani secara elektronik: {page} (SHA-256 {sha256}).",
        "en": "{file} is the unsealed render of report {id}; the official signed copy: "
              "{page} (SHA-256 {sha256})."},
}
