"""Messages of the archive site, publication (step 8) and ``evkin verify``."""

MESSAGES: dict[str, dict[str, str]] = {
    "site.not_found_title": {"id": "Halaman tidak ditemukan", "en": "Page not found"},
    "site.not_found_text": {"id": "Alamat ini tidak ada di arsip. Kembali ke beranda arsip.",
                            "en": "This address is not in the archive. Go back to the "
                                  "archive's home page."},
    "site.help": {"id": "situs arsip laporan (MkDocs Material): build atau serve",
                  "en": "the report archive site (MkDocs Material): build or serve"},
    "site.description": {
        "id": "Membuat halaman arsip dari evaluasi yang paraf dan tanda tangannya terverifikasi "
              "(docs/arsip/, docs/index.md), lalu membangun situs dengan MkDocs. Setelah itu "
              "'mkdocs build' saja menghasilkan situs yang sama.",
        "en": "Generates archive pages from evaluations whose paraf and signature verify "
              "(docs/arsip/, docs/index.md), then builds the site with MkDocs. Afterwards "
              "'mkdocs build' alone gives the same site.",
    },
    "site.build_help": {"id": "buat halaman dan bangun situs arsip",
                        "en": "generate the pages and build the archive site"},
    "site.serve_help": {"id": "bangun lalu sajikan situs arsip di komputer ini",
                        "en": "build, then serve the archive site on this computer"},
    "site.opt_preview": {
        "id": "pratinjau: ikutkan draf yang belum disetujui (ditandai di setiap halaman; "
              "tidak pernah diterbitkan)",
        "en": "preview: include drafts not yet approved (marked on every page; never "
              "published)",
    },
    "site.opt_output": {"id": "folder hasil (bawaan: site/)",
                        "en": "output folder (default: site/)"},
    "site.opt_verbose": {"id": "tampilkan pesan MkDocs", "en": "show MkDocs' messages"},
    "site.opt_port": {"id": "port (bawaan: 8000)", "en": "port (default: 8000)"},
    "site.opt_host": {"id": "alamat (bawaan: 127.0.0.1, hanya komputer ini)",
                      "en": "address (default: 127.0.0.1, this computer only)"},
    "site.opt_no_build": {"id": "sajikan folder yang sudah dibangun tanpa membangun ulang",
                          "en": "serve the folder as built, without rebuilding"},
    "site.progress_pdf": {"id": "Membuat PDF {done}/{total}…",
                          "en": "Building PDFs {done}/{total}…"},
    "site.progress_mkdocs": {"id": "Membangun situs dengan MkDocs…",
                             "en": "Building the site with MkDocs…"},
    "site.withheld": {
        "id": "{id}: belum diterbitkan ({reason}).",
        "en": "{id}: not published ({reason}).",
    },
    "site.built": {
        "id": "Situs arsip dibuat di {path}: {final} laporan final; {withheld} evaluasi belum "
              "disetujui tidak diikutkan. Buka {index}.",
        "en": "Archive site built in {path}: {final} final reports; {withheld} evaluations not "
              "yet approved left out. Open {index}.",
    },
    "site.built_preview": {
        "id": "PRATINJAU dibuat di {path}: {final} laporan final dan {drafts} draf (ditandai). "
              "Jangan diterbitkan. Buka {index}.",
        "en": "PREVIEW built in {path}: {final} final reports and {drafts} drafts (marked). "
              "Do not publish it. Open {index}.",
    },
    "site.not_built": {
        "id": "Situs belum dibangun di {path}. Jalankan 'evkin site build' dulu.",
        "en": "No site built in {path}. Run 'evkin site build' first.",
    },
    "site.serving": {
        "id": "Situs arsip tersedia di {url} (folder {path}). Tekan Ctrl+C untuk berhenti.",
        "en": "Archive site at {url} (folder {path}). Press Ctrl+C to stop.",
    },
    "site.stopped": {"id": "Server dihentikan.", "en": "Server stopped."},
    "site.port_busy": {
        "id": "Tidak dapat membuka {host}:{port} ({detail}). Pakai port lain, mis. "
              "'--port 8001'.",
        "en": "Cannot listen on {host}:{port} ({detail}). Use another port, e.g. "
              "'--port 8001'.",
    },
    "site.pagefind_missing": {
        "id": "Program indeks pencarian Pagefind tidak ditemukan ({detail}). Pasang ulang evkin "
              "dengan pip agar paket pagefind-bin ikut terpasang.",
        "en": "The Pagefind search indexer was not found ({detail}). Reinstall evkin with pip "
              "so that the pagefind-bin package is installed too.",
    },
    "site.pagefind_failed": {
        "id": "Pagefind gagal membuat indeks pencarian situs: {detail}",
        "en": "Pagefind failed to build the site's search index: {detail}",
    },
    "site.mkdocs_failed": {
        "id": "MkDocs gagal membangun situs: {detail}",
        "en": "MkDocs failed to build the site: {detail}",
    },
    "site.trail_unreadable": {
        "id": "jejak persetujuan tidak dapat dibaca: {detail}",
        "en": "the approval trail cannot be read: {detail}",
    },
}

MESSAGES.update({
    "publish.help": {"id": "langkah 8: terbitkan PDF final dan situs arsip, kirim surel",
                     "en": "step 8: publish final PDFs and the archive site, send e-mail"},
    "publish.description": {
        "id": "Membangun situs arsip final (hanya evaluasi yang paraf dan tanda tangannya "
              "terverifikasi) di samping, menulis manifest.json berisi SHA-256 setiap PDF, lalu "
              "memindahkan DEST ke rilis baru sekaligus (tautan simbolik). Bila pembangunan "
              "gagal, DEST tetap seperti semula. Menjalankan ulang tanpa perubahan tidak "
              "mengubah apa pun dan tidak mengirim surel lagi.",
        "en": "Builds the final archive site (only evaluations whose paraf and signature "
              "verify) aside, writes manifest.json with each PDF's SHA-256, then switches DEST "
              "to the new release at once (symbolic link). A failed build leaves DEST as it "
              "was. Running again without changes changes nothing and sends no mail again.",
    },
    "publish.opt_dest": {"id": "folder terbit (tautan simbolik ke rilis; rilis disimpan di "
                               "FOLDER.rilis/)",
                         "en": "published folder (a symbolic link to the release; releases "
                               "are kept in FOLDER.rilis/)"},
    "publish.opt_notify": {
        "id": "kirim surel ke Pejabat Administrator dan Pengawas (pejabat.penerima) untuk "
              "laporan yang baru terbit; SMTP dari EVKIN_SMTP_HOST, _PORT, _USER, _PASSWORD, "
              "_FROM, _STARTTLS",
        "en": "e-mail the Pejabat Administrator and Pengawas (pejabat.penerima) about newly "
              "published reports; SMTP from EVKIN_SMTP_HOST, _PORT, _USER, _PASSWORD, _FROM, "
              "_STARTTLS",
    },
    "publish.opt_previous": {
        "id": "rilis sebelumnya (folder atau URL) bila bukan DEST; 'none' untuk penerbitan "
              "pertama; bawaan: DEST, lalu situs.url",
        "en": "the previous release (folder or URL) if not DEST; 'none' for the first "
              "publication; default: DEST, then situs.url",
    },
    "publish.done": {"id": "Terbit: {dest} → rilis {release} ({count} laporan final).",
                     "en": "Published: {dest} → release {release} ({count} final reports)."},
    "publish.unchanged": {
        "id": "Tidak ada perubahan: {dest} tetap rilis {release} ({count} laporan final).",
        "en": "Nothing changed: {dest} stays at release {release} ({count} final reports).",
    },
    "publish.announced": {"id": "Surel pemberitahuan {count} laporan dikirim ke {people} "
                                "penerima.",
                          "en": "Announcement of {count} reports sent to {people} recipients."},
    "publish.nothing_to_announce": {"id": "Tidak ada laporan baru; surel tidak dikirim.",
                                    "en": "No new report; no e-mail sent."},
    "publish.notify_retry": {
        "id": "Situs sudah terbit, tetapi surel belum terkirim; jalankan 'evkin publish' lagi "
              "untuk mengirim ulang (laporan yang sudah diberitahukan tidak dikirim dua kali).",
        "en": "The site is published but the e-mail was not sent; run 'evkin publish' again "
              "to retry (reports already announced are not sent twice).",
    },
    "publish.previous_unreachable": {
        "id": "Rilis sebelumnya di {url} tidak dapat dibaca ({detail}), jadi tidak dapat "
              "dipastikan laporan mana yang baru. Periksa jaringan, berikan '--previous FOLDER', "
              "atau '--previous none' untuk penerbitan pertama.",
        "en": "The previous release at {url} cannot be read ({detail}), so which reports are "
              "new cannot be told. Check the network, give '--previous FOLDER', or "
              "'--previous none' for the very first publication.",
    },
    "publish.previous_missing": {"id": "Manifest rilis sebelumnya {path} tidak ada.",
                                 "en": "The previous release's manifest {path} does not exist."},
    "publish.previous_unreadable": {
        "id": "Manifest rilis sebelumnya {path} tidak dapat dibaca: {detail}",
        "en": "The previous release's manifest {path} cannot be read: {detail}",
    },
    "notify.no_host": {
        "id": "--notify memerlukan server surel: isi EVKIN_SMTP_HOST (dan EVKIN_SMTP_PORT, "
              "EVKIN_SMTP_USER, EVKIN_SMTP_PASSWORD, EVKIN_SMTP_FROM bila perlu).",
        "en": "--notify needs a mail server: set EVKIN_SMTP_HOST (and EVKIN_SMTP_PORT, "
              "EVKIN_SMTP_USER, EVKIN_SMTP_PASSWORD, EVKIN_SMTP_FROM as needed).",
    },
    "notify.bad_port": {"id": "EVKIN_SMTP_PORT '{value}' bukan nomor port.",
                        "en": "EVKIN_SMTP_PORT '{value}' is not a port number."},
    "notify.bad_starttls": {"id": "EVKIN_SMTP_STARTTLS '{value}' tidak dikenal; pakai 1 atau 0.",
                            "en": "EVKIN_SMTP_STARTTLS '{value}' is unknown; use 1 or 0."},
    "notify.no_sender": {"id": "Isi EVKIN_SMTP_FROM (alamat pengirim) atau EVKIN_SMTP_USER.",
                         "en": "Set EVKIN_SMTP_FROM (sender address) or EVKIN_SMTP_USER."},
    "notify.no_recipients": {
        "id": "Tidak ada penerima: isi 'surel' para Pejabat Administrator dan Pengawas di "
              "pejabat.penerima pada evkin.yml.",
        "en": "No recipients: fill in 'surel' of the Pejabat Administrator and Pengawas under "
              "pejabat.penerima in evkin.yml.",
    },
    "notify.no_site_url": {
        "id": "Surel memuat tautan laporan: isi situs.url pada evkin.yml (alamat situs arsip).",
        "en": "The e-mail carries the report's link: set situs.url in evkin.yml (the archive's "
              "address).",
    },
    "notify.failed": {"id": "Surel tidak terkirim lewat {host}:{port}: {detail}",
                      "en": "E-mail not sent through {host}:{port}: {detail}"},
    "notify.sender_name": {"id": "Arsip Evaluasi Kinerja – {agency}",
                           "en": "Performance Evaluation Archive – {agency}"},
    "notify.subject_one": {"id": "Terbit: {title}", "en": "Published: {title}"},
    "notify.subject_many": {"id": "Terbit: {count} Laporan Hasil Evaluasi Kinerja Internal",
                            "en": "Published: {count} internal performance evaluation reports"},
    "notify.item": {
        "id": "{title}\n  Periode      : {period}\n  Nomor        : {nomor}\n"
              "  Ditandatangani: {signer}, {signed_on}\n  Baca di arsip: {page}\n"
              "  Unduh PDF    : {pdf}\n  SHA-256 PDF  : {sha256}",
        "en": "{title}\n  Period       : {period}\n  Number       : {nomor}\n"
              "  Signed       : {signer}, {signed_on}\n  Read online  : {page}\n"
              "  PDF          : {pdf}\n  PDF SHA-256  : {sha256}",
    },
    "notify.body": {
        "id": "Yth. {name}\n{jabatan}\n{agency}\n\nSesuai SOP {sop} langkah 8, laporan berikut "
              "telah diparaf Sekretaris, ditandatangani Kepala Dinas, dan diterbitkan di arsip "
              "untuk Bapak/Ibu:\n\n{items}\n\nKeaslian salinan PDF dapat diperiksa dengan "
              "perintah 'evkin verify BERKAS.pdf' atau dengan mencocokkan SHA-256 di atas.\n\n"
              "Pesan ini dikirim otomatis oleh evkin; mohon tidak dibalas.\n",
        "en": "Dear {name}\n{jabatan}\n{agency}\n\nUnder SOP {sop} step 8, the following "
              "report has been initialled by the Sekretaris, signed by the Kepala Dinas and "
              "published in the archive:\n\n{items}\n\nCheck a PDF copy with 'evkin verify "
              "FILE.pdf' or by comparing the SHA-256 above.\n\nSent automatically by evkin; "
              "please do not reply.\n",
    },
})

MESSAGES.update({
    "verify.help": {"id": "periksa apakah sebuah PDF adalah laporan yang diterbitkan",
                    "en": "check whether a PDF is a published report"},
    "verify.description": {
        "id": "Menghitung SHA-256 berkas dan mencarinya di manifest arsip (manifest.json situs "
              "terbit). Keluar 0 bila asli dan berlaku, 1 bila tidak dikenal atau versi lama.",
        "en": "Hashes the file (SHA-256) and looks it up in the archive's manifest "
              "(manifest.json of the published site). Exits 0 when genuine and current, 1 when "
              "unknown or superseded.",
    },
    "verify.opt_file": {"id": "berkas PDF yang diperiksa", "en": "the PDF file to check"},
    "verify.opt_archive": {
        "id": "arsip terbit: folder atau URL situs (bawaan: situs.url di evkin.yml)",
        "en": "the published archive: folder or site URL (default: situs.url in evkin.yml)",
    },
    "verify.no_archive": {
        "id": "Arsip mana yang dipakai? Berikan '--archive FOLDER_ATAU_URL', atau jalankan di "
              "repositori yang evkin.yml-nya berisi situs.url.",
        "en": "Which archive? Give '--archive FOLDER_OR_URL', or run inside a repository "
              "whose evkin.yml has situs.url.",
    },
    "verify.file_missing": {"id": "Berkas {path} tidak ada.",
                            "en": "File {path} does not exist."},
    "verify.file_unreadable": {"id": "Berkas {path} tidak dapat dibaca: {detail}",
                               "en": "File {path} cannot be read: {detail}"},
    "verify.manifest_missing": {
        "id": "Manifest arsip {source} tidak ada; apakah folder ini hasil 'evkin publish'?",
        "en": "Archive manifest {source} does not exist; is this folder made by 'evkin "
              "publish'?",
    },
    "verify.manifest_unreadable": {"id": "Manifest arsip {source} tidak dapat dibaca: {detail}",
                                   "en": "Archive manifest {source} cannot be read: {detail}"},
    "verify.genuine": {
        "id": "ASLI: {file} adalah laporan yang diterbitkan.\n"
              "  Laporan       : {title} ({id})\n  Nomor         : {nomor}\n"
              "  Periode       : {period}\n  Paraf         : {paraf}, {paraf_at}\n"
              "  Tanda tangan  : {signer}, {signed_at}\n  Terbit        : {published}\n"
              "  Halaman arsip : {page}\n  SHA-256       : {sha256}",
        "en": "GENUINE: {file} is a published report.\n"
              "  Report        : {title} ({id})\n  Number        : {nomor}\n"
              "  Period        : {period}\n  Paraf         : {paraf}, {paraf_at}\n"
              "  Signature     : {signer}, {signed_at}\n  Published     : {published}\n"
              "  Archive page  : {page}\n  SHA-256       : {sha256}",
    },
    "verify.superseded": {
        "id": "VERSI LAMA: {file} pernah diterbitkan sebagai laporan {id} ({published}), tetapi "
              "telah digantikan pada {replaced}. Versi yang berlaku: {current}",
        "en": "SUPERSEDED: {file} was published as report {id} ({published}) but was replaced "
              "on {replaced}. Current version: {current}",
    },
    "verify.unknown": {
        "id": "TIDAK DIKENAL: SHA-256 {sha256} dari {file} tidak ada di manifest arsip "
              "({source}). Berkas ini bukan laporan yang diterbitkan, atau isinya telah diubah.",
        "en": "UNKNOWN: SHA-256 {sha256} of {file} is not in the archive's manifest ({source}). "
              "This file is not a published report, or it has been changed.",
    },
})
