"""Messages of `evkin start` and `evkin comment` (working from the forge's web pages)."""

MESSAGES: dict[str, dict[str, str]] = {
    # evkin start
    "start.help": {"id": "buat evaluasi baru di cabang baru dan buka draf pull request",
                   "en": "scaffold an evaluation on a new branch and open a draft pull request"},
    "start.description": {
        "id": "Untuk alur kerja 'Buat evaluasi baru': menjalankan evkin new ID, membuat komit di "
              "cabang evaluasi/ID, mendorongnya ke remote, lalu membuka draf pull request "
              "berbahasa Indonesia yang menautkan berkas-berkas yang harus diisi. Token dibaca "
              "dari EVKIN_TOKEN, GITHUB_TOKEN atau GITEA_TOKEN.",
        "en": "For the 'Buat evaluasi baru' workflow: runs evkin new ID, commits on branch "
              "evaluasi/ID, pushes it, and opens a draft pull request in Indonesian linking "
              "the files to fill in. The token is read from EVKIN_TOKEN, GITHUB_TOKEN or "
              "GITEA_TOKEN."},
    "start.opt_base": {"id": "cabang tujuan pull request (bawaan: cabang yang sedang dipakai)",
                       "en": "target branch of the pull request (default: the current branch)"},
    "start.opt_remote": {"id": "remote git tempat cabang didorong (bawaan: origin)",
                         "en": "git remote to push the branch to (default: origin)"},
    "start.opt_server": {"id": "alamat web forge untuk tautan (bawaan: $GITHUB_SERVER_URL)",
                         "en": "web address of the forge for links (default: "
                               "$GITHUB_SERVER_URL)"},
    "start.branch_exists": {
        "id": "Cabang {branch} sudah ada di remote {remote}: evaluasi {id} sudah dimulai. Buka "
              "pull request-nya dan lanjutkan di sana, atau pilih id lain.",
        "en": "Branch {branch} already exists on remote {remote}: evaluation {id} was already "
              "started. Open its pull request and continue there, or choose another id."},
    "start.dirty": {"id": "Salinan kerja tidak bersih ({paths}); evkin start hanya berjalan pada "
                          "salinan yang baru diambil.",
                    "en": "The working copy is not clean ({paths}); evkin start runs only on a "
                          "fresh checkout."},
    "start.commit_message": {"id": "Mulai evaluasi {id}", "en": "Start evaluation {id}"},
    "start.pr_title": {"id": "Evaluasi kinerja {label}", "en": "Performance evaluation {label}"},
    "start.pr_body": {
        "id": "Draf evaluasi kinerja internal **{label}** (`{path}`), dibuat oleh alur kerja "
              "*Buat evaluasi baru*.\n\n"
              "**Isi berkas berikut** (buka tautan, lalu tombol pensil untuk menyunting; "
              "isian yang harus diganti ditandai `[[ISI: …]]`):\n\n{files}\n\n"
              "Setiap kali Anda menyimpan (commit) ke cabang `{branch}`, evkin memeriksa draf "
              "dan memperbarui satu komentar ringkasan di pull request ini: temuan per berkas "
              "dan baris, tabel capaian, PDF draf, dan siapa yang bertindak berikutnya.\n\n"
              "Berkas `.yml` berisi pasangan `kunci: nilai`: ganti hanya teks sesudah titik "
              "dua, jangan ubah spasi di awal baris, dan apit teks yang memuat titik dua "
              "dengan tanda kutip (`uraian: \"Tahap II: selesai\"`). evkin menunjuk baris "
              "yang keliru dalam bahasa Indonesia.\n\n"
              "Jika draf sudah siap ditinjau (langkah 5 SOP), tekan **Ready for review** "
              "(GitHub) atau hapus awalan `WIP:` dari judul (Gitea/Forgejo). Panduan: "
              "`docs/panduan/tanpa-terminal.md`.",
        "en": "Draft internal performance evaluation **{label}** (`{path}`), created by the "
              "*Buat evaluasi baru* workflow.\n\n**Fill in these files** (open the link, then "
              "the pencil button; placeholders to replace are marked `[[ISI: …]]`):\n\n"
              "{files}\n\nOn every commit to branch `{branch}` evkin checks the draft and "
              "updates one summary comment on this pull request.\n\nThe `.yml` files hold "
              "`key: value` pairs: change only the text after the colon, keep the spaces at "
              "the start of lines, and quote text that holds a colon (`uraian: \"Tahap II: "
              "selesai\"`). evkin names the line at fault.\n\nWhen the draft is ready "
              "for review (SOP step 5), press **Ready for review** (GitHub) or remove the "
              "`WIP:` title prefix (Gitea/Forgejo). Guide: `docs/panduan/tanpa-terminal.md`."},
    "start.pr_file": {"id": "- [{path}]({url}): {what}", "en": "- [{path}]({url}): {what}"},
    "start.file_report": {"id": "naskah laporan", "en": "the report text"},
    "start.file_meta": {"id": "nomor dan tanggal laporan", "en": "report number and date"},
    "start.file_indicators": {"id": "target dan realisasi indikator (lebih suka Excel? mulai "
                                    "evaluasi dengan pilihan Excel: satu indikator.xlsx)",
                              "en": "indicator targets and realisasi (prefer Excel? start the "
                                    "evaluation with the Excel option: one indikator.xlsx)"},
    "start.file_workbook": {"id": "unduh (tombol Download raw file / Raw), isi di Excel: "
                                  "lembar indikator (target dan realisasi), rekomendasi dan "
                                  "tindak-lanjut; lalu unggah lagi dengan nama yang sama",
                            "en": "download it, fill it in with Excel: sheets indikator "
                                  "(targets and realisasi), rekomendasi and tindak-lanjut; "
                                  "then upload it again under the same name"},
    "start.file_recommendations": {"id": "rekomendasi evaluasi ini (satu blok per rekomendasi)",
                                   "en": "this evaluation's recommendations (one block each)"},
    "start.file_follow_ups": {"id": "status tindak lanjut setiap rekomendasi sebelumnya yang "
                                    "masih terbuka",
                              "en": "the follow-up status of each earlier recommendation still "
                                    "open"},
    "start.file_document": {"id": "dokumen langkah {step} SOP", "en": "SOP step {step} document"},
    "start.done": {"id": "Evaluasi {id} dimulai di cabang {branch}; draf pull request: {url}",
                   "en": "Evaluation {id} started on branch {branch}; draft pull request: "
                         "{url}"},
    "start.summary_ok": {"id": "### Evaluasi {id} dimulai\n\nCabang `{branch}`, draf pull "
                               "request: {url}",
                         "en": "### Evaluation {id} started\n\nBranch `{branch}`, draft pull "
                               "request: {url}"},
    "start.summary_refused": {"id": "### Evaluasi tidak dibuat\n\n{message}",
                              "en": "### Evaluation not created\n\n{message}"},
    # evkin comment
    "comment.help": {"id": "ringkasan pull request: kumpulkan hasil periksa, kirim komentar",
                     "en": "pull request summary: collect checked results, post the comment"},
    "comment.help_collect": {
        "id": "periksa evaluasi yang diubah pull request, tulis hasilnya sebagai JSON",
        "en": "check the evaluation a pull request changes, write the results as JSON"},
    "comment.help_post": {
        "id": "buat atau perbarui komentar ringkasan dari JSON itu dan ulasan di forge",
        "en": "create or update the summary comment from that JSON and the forge's reviews"},
    "comment.description": {
        "id": "collect: memeriksa evaluasi yang diubah pull request dan menulis hasilnya "
              "sebagai JSON (tanpa hak tulis). post: membaca JSON itu sebagai data, menghitung "
              "posisi SOP dari ulasan di forge, lalu membuat atau memperbarui satu komentar "
              "ringkasan (tidak menjalankan kode dari pull request).",
        "en": "collect: checks the evaluation a pull request changes and writes the results as "
              "JSON (no write rights). post: reads that JSON as data, works out the SOP "
              "position from the forge's reviews, and creates or updates one summary comment "
              "(runs no code from the pull request)."},
    "comment.opt_out": {"id": "berkas JSON hasil periksa yang ditulis",
                        "en": "checked-results JSON file to write"},
    "comment.opt_data": {"id": "berkas JSON hasil periksa yang dibaca",
                         "en": "checked-results JSON file to read"},
    "comment.opt_base": {"id": "komit cabang tujuan (untuk mencari evaluasi yang diubah)",
                         "en": "target branch commit (to find the changed evaluation)"},
    "comment.opt_head": {"id": "komit kepala pull request yang diperiksa",
                         "en": "head commit of the pull request that was checked"},
    "comment.opt_pdf_url": {"id": "alamat PDF draf (artifact tanpa arsip)",
                            "en": "address of the draft PDF (unzipped artifact)"},
    "comment.opt_run_url": {"id": "alamat halaman run yang memuat PDF draf",
                            "en": "address of the run page holding the draft PDF"},
    "comment.opt_run_id": {"id": "id run alur kerja (github.run_id)",
                           "en": "the workflow run's id (github.run_id)"},
    "comment.opt_run_number": {"id": "nomor run alur kerja di repositori (github.run_number)",
                               "en": "the workflow run's number in the repository "
                                     "(github.run_number)"},
    "comment.opt_pdf_artifact": {"id": "nama artifact PDF draf (Gitea/Forgejo: tautan menurut "
                                       "nama)",
                                 "en": "name of the draft PDF artifact (Gitea/Forgejo link by "
                                       "name)"},
    "comment.unreadable": {"id": "Hasil periksa {path} tidak dapat dibaca: {detail}",
                           "en": "Checked results {path} cannot be read: {detail}"},
    "comment.bad_data": {"id": "Hasil periksa {path} tidak berbentuk yang diharapkan (isian "
                               "{field}); komentar tidak dikirim.",
                         "en": "Checked results {path} are not in the expected shape (field "
                               "{field}); no comment posted."},
    "comment.other_head": {"id": "Hasil periksa untuk komit {data}, padahal kepala pull request "
                                 "kini {head}; komentar tidak dikirim (run berikutnya akan "
                                 "mengirimnya).",
                           "en": "Checked results are for commit {data} but the pull request's "
                                 "head is now {head}; no comment posted (the next run will)."},
    "comment.created": {"id": "Komentar ringkasan dibuat: {url}",
                        "en": "Summary comment created: {url}"},
    "comment.updated": {"id": "Komentar ringkasan diperbarui: {url}",
                        "en": "Summary comment updated: {url}"},
    "comment.collected": {"id": "Hasil periksa {id} ditulis ke {path}.",
                          "en": "Checked results of {id} written to {path}."},
    "comment.not_one": {"id": "Pull request ini mengubah {count} evaluasi ({ids}); satu pull "
                              "request memuat satu evaluasi.",
                        "en": "This pull request changes {count} evaluations ({ids}); one pull "
                              "request holds one evaluation."},
    "comment.title": {"id": "Ringkasan evkin — {id} (komit {commit})",
                      "en": "evkin summary — {id} (commit {commit})"},
    "comment.position_title": {"id": "Posisi dalam SOP", "en": "Position in the SOP"},
    "comment.next": {"id": "Berikutnya bertindak: **{role}**{people}.",
                     "en": "Acts next: **{role}**{people}."},
    "comment.returned": {"id": "Dikembalikan oleh {who}. Alasan: {reason}",
                         "en": "Returned by {who}. Reason: {reason}"},
    "comment.no_reason": {"id": "(tanpa alasan tertulis)", "en": "(no reason written)"},
    "comment.problem": {"id": "Evaluasi tidak dapat diperiksa: {detail}",
                        "en": "The evaluation could not be checked: {detail}"},
    "comment.pdf_title": {"id": "PDF draf", "en": "Draft PDF"},
    "comment.pdf_label": {"id": "Buka PDF draf komit ini", "en": "Open the draft PDF of this "
                                                               "commit"},
    "comment.pdf_direct": {"id": "{link} (langsung di peramban, tanpa membuka arsip).",
                           "en": "{link} (in the browser, no archive to unpack)."},
    "comment.pdf_zip": {"id": "{link} (berkas .zip: buka untuk melihat PDF di dalamnya).",
                        "en": "{link} (a .zip file: open it to see the PDF inside)."},
    "comment.pdf_run_label": {"id": "halaman run pemeriksaan", "en": "the check run's page"},
    "comment.pdf_run": {"id": "PDF draf komit ini ada di bagian *Artifacts* pada {link}.",
                        "en": "The draft PDF of this commit is under *Artifacts* on {link}."},
    "comment.pdf_none": {"id": "PDF draf komit ini belum tersedia.",
                         "en": "No draft PDF for this commit yet."},
    "comment.findings_title": {"id": "Temuan evkin check", "en": "evkin check findings"},
    "comment.findings_none": {"id": "✅ Tidak ada temuan.", "en": "✅ No findings."},
    "comment.findings_count": {"id": "{errors} kesalahan, {warnings} peringatan.",
                               "en": "{errors} errors, {warnings} warnings."},
    "comment.cell": {"id": "sel", "en": "cell"},
    "comment.more": {"id": "… dan {count} lagi.", "en": "… and {count} more."},
    "comment.capaian_title": {"id": "Capaian kinerja", "en": "Performance achievement"},
    "comment.capaian_none": {"id": "Belum ada indikator yang terbaca.",
                             "en": "No indicators could be read yet."},
    "comment.capaian_headers": {"id": "ID|Indikator|Target|Realisasi|Capaian|Predikat",
                                "en": "ID|Indicator|Target|Realisasi|Capaian|Predikat"},
    "comment.diff_title": {"id": "Perubahan kata", "en": "Word changes"},
    "comment.diff_since_review": {"id": "Sejak ulasan terakhir (komit {commit}); "
                                        "~~dicoret~~ = dihapus, **tebal** = ditambahkan.",
                                  "en": "Since the last review (commit {commit}); "
                                        "~~struck~~ = removed, **bold** = added."},
    "comment.diff_since_start": {"id": "Sejak draf dimulai (belum ada ulasan); ~~dicoret~~ = "
                                       "dihapus, **tebal** = ditambahkan.",
                                 "en": "Since the draft began (no review yet); ~~struck~~ = "
                                       "removed, **bold** = added."},
    "comment.diff_none": {"id": "Tidak ada perubahan.", "en": "No changes."},
    "comment.diff_more": {"id": "… {count} baris berubah lainnya: jalankan `evkin diff` atau "
                                "lihat tab *Files changed*.",
                          "en": "… {count} more changed lines: run `evkin diff` or see the "
                                "*Files changed* tab."},
    "comment.footer": {"id": "Komentar ini diperbarui otomatis oleh evkin pada setiap komit; "
                             "jangan disunting.",
                       "en": "This comment is updated by evkin on every commit; do not edit "
                             "it."},
    "comment.truncated": {"id": "… (ringkasan dipotong karena terlalu panjang)",
                          "en": "… (summary cut: too long)"},
}
