"""Messages about what keeps a final report exactly what was approved: regular files only in
evaluation folders, record signatures on forge trails, people checked against the settings of
the approved commit, pull requests that change one evaluation folder and nothing else."""

MESSAGES: dict[str, dict[str, str]] = {
    "regular.symlink": {
        "id": "tautan simbolik tidak boleh ada di folder evaluasi (menunjuk ke '{target}'); "
              "ganti dengan salinan berkas yang sebenarnya, lalu commit.",
        "en": "symbolic links are not allowed in an evaluation folder (points to '{target}'); "
              "replace it with a copy of the real file, then commit.",
    },
    "regular.submodule": {
        "id": "submodul git tidak boleh ada di folder evaluasi; simpan berkasnya langsung di "
              "folder ini.",
        "en": "git submodules are not allowed in an evaluation folder; keep the files in this "
              "folder itself.",
    },
    "regular.other": {
        "id": "entri git yang bukan berkas biasa tidak boleh ada di folder evaluasi.",
        "en": "git entries that are not regular files are not allowed in an evaluation folder.",
    },
    "regular.attribute_file": {
        "id": "berkas {name} tidak boleh ada di folder evaluasi: ia dapat membuat isi yang "
              "diterbitkan berbeda dari yang disetujui. Hapus berkas ini.",
        "en": "a {name} file is not allowed in an evaluation folder: it can make the published "
              "content differ from the approved one. Delete this file.",
    },
    "regular.attribute": {
        "id": "atribut git ({attributes}) berlaku untuk berkas ini, sehingga isi yang dibaca "
              "dapat berbeda dari yang disetujui. Hapus aturan itu dari .gitattributes.",
        "en": "git attributes ({attributes}) apply to this file, so what is read can differ "
              "from what was approved. Remove that rule from .gitattributes.",
    },
    "settings.record_key": {
        "id": "'{value}' bukan kunci publik OpenSSH (mis. 'ssh-ed25519 AAAA…'); isi "
              "pencatat.kunci dengan kunci publik pencatat alur kerja terbit.",
        "en": "'{value}' is not an OpenSSH public key (e.g. 'ssh-ed25519 AAAA…'); put the "
              "publishing workflow's record public key in pencatat.kunci.",
    },
    "record.key_unreadable": {
        "id": "kunci pencatat di variabel lingkungan {env} bukan kunci privat OpenSSH; simpan "
              "isi berkas kunci privat (-----BEGIN OPENSSH PRIVATE KEY-----…) sebagai secret.",
        "en": "the record key in environment variable {env} is not an OpenSSH private key; "
              "store the private key file's content (-----BEGIN OPENSSH PRIVATE KEY-----…) "
              "as a secret.",
    },
    "record.no_key": {
        "id": "kunci pencatat tidak tersedia: variabel lingkungan {env} kosong. Jejak forge "
              "hanya sah bila ditandatangani kunci ini; lihat docs/panduan/peninjauan.md.",
        "en": "no record key: environment variable {env} is empty. A forge trail counts only "
              "when this key signs it; see docs/panduan/peninjauan.md.",
    },
    "record.key_not_listed": {
        "id": "kunci pencatat di {env} tidak tercantum di pencatat.kunci pada evkin.yml; "
              "tambahkan kunci publiknya ({key}) lewat pull request pengaturan.",
        "en": "the record key in {env} is not listed in pencatat.kunci in evkin.yml; add its "
              "public key ({key}) through a settings pull request.",
    },
    "trail.no_record_key": {
        "id": "jejak dari forge tanpa tanda tangan pencatat yang sah (tidak ada kunci "
              "pencatat di evkin.yml)",
        "en": "forge trail without a valid record signature (no record key in evkin.yml)",
    },
    "trail.record_unsigned": {
        "id": "jejak dari forge tidak ditandatangani pencatat (alur kerja terbit); jejak yang "
              "ditulis tangan tidak berlaku",
        "en": "the forge trail is not signed by the recorder (publishing workflow); a "
              "hand-written trail does not count",
    },
    "trail.record_bad_signature": {
        "id": "tanda tangan pencatat pada jejak tidak cocok dengan isinya atau dengan kunci "
              "di pencatat.kunci (jejak diubah setelah dicatat?)",
        "en": "the record signature does not match the trail's content or the keys in "
              "pencatat.kunci (was the trail edited after recording?)",
    },
    "trail.person_mismatch": {
        "id": "persetujuan ke-{number}: {field} '{value}' tidak sama dengan pemegang peran "
              "{role} menurut evkin.yml pada komit yang disetujui ({expected})",
        "en": "approval {number}: {field} '{value}' differs from the {role} holder in "
              "evkin.yml at the approved commit ({expected})",
    },
    "trail.irregular": {
        "id": "folder yang disetujui memuat tautan simbolik, submodul atau aturan "
              ".gitattributes ({path}); isinya tidak dapat dijamin sama dengan yang disetujui",
        "en": "the approved folder holds a symbolic link, submodule or .gitattributes rule "
              "({path}); its content cannot be guaranteed to be what was approved",
    },
    "trail.other_evaluation": {
        "id": "jejak ini mencatat persetujuan evaluasi lain ({other}), bukan evaluasi ini",
        "en": "this trail records the approval of another evaluation ({other}), not this one",
    },
    "trail.forge_mismatch": {
        "id": "persetujuan ke-{number} tidak cocok dengan ulasan di forge ({detail})",
        "en": "approval {number} does not match the review on the forge ({detail})",
    },
    "gate.other_with_evaluation": {
        "id": "pull request evaluasi {ids} juga mengubah berkas di luar foldernya: {files}. "
              "Pull request laporan hanya boleh mengubah folder evaluasinya; ajukan perubahan "
              "lain dalam pull request tersendiri.",
        "en": "the pull request for evaluation {ids} also changes files outside its folder: "
              "{files}. A report pull request may change only its evaluation folder; propose "
              "other changes in a pull request of their own.",
    },
    "gate.unaccounted": {
        "id": "komit {sha} di main mengubah {files} tanpa pull request yang ditandatangani "
              "sesuai SOP; evaluasi itu tidak diterbitkan sebagai final. Kembalikan perubahan "
              "ini dan ajukan lewat pull request.",
        "en": "commit {sha} on main changes {files} without a pull request signed under the "
              "SOP; that evaluation is not published as final. Revert this change and propose "
              "it through a pull request.",
    },
    "verify.manifest_behind": {
        "id": "{file} tercantum di manifes {source} sebagai laporan {id} yang berlaku, tetapi "
              "manifes itu diterbitkan dari komit {commit}, dan sesudahnya jejak persetujuan "
              "{id} berubah di repositori ini. Manifes itu belum memuat persetujuan terbaru "
              "(belum diterbitkan ulang, atau manifes lama disajikan lagi): PDF ini tidak dapat "
              "dipastikan masih berlaku. Tunggu penerbitan atau tanyakan pengelola arsip.",
        "en": "{file} is listed in the manifest {source} as the current report {id}, but that "
              "manifest was published from commit {commit}, and the approval trail of {id} "
              "changed in this repository since. The manifest lacks the latest approval (not "
              "published again yet, or an older manifest served again): this PDF cannot be "
              "confirmed as current. Wait for the publication or ask the archive's keeper.",
    },
    "verify.using_local": {
        "id": "Situs arsip {site} tidak dapat dibaca; dibandingkan dengan arsip lokal {path} "
              "(hasil 'evkin site build').",
        "en": "The archive site {site} cannot be read; compared with the local archive {path} "
              "(made by 'evkin site build').",
    },
    "verify.local_note": {
        "id": "Catatan: {path} adalah arsip yang dibangun di komputer ini, belum tentu yang "
              "diterbitkan. Untuk arsip resmi: evkin verify BERKAS.pdf --archive URL_SITUS.",
        "en": "Note: {path} is an archive built on this computer, not necessarily the published "
              "one. For the official archive: evkin verify FILE.pdf --archive SITE_URL.",
    },
    "verify.nothing_to_compare": {
        "id": "Tidak ada manifest arsip untuk pembanding: situs {site} tidak dapat dibaca "
              "({detail}) dan belum ada arsip lokal. Jalankan 'evkin site build' (arsip lokal) "
              "atau 'evkin publish --dest FOLDER', lalu ulangi; atau beri --archive FOLDER/URL.",
        "en": "No archive manifest to compare with: the site {site} cannot be read ({detail}) "
              "and there is no local archive. Run 'evkin site build' (local archive) or "
              "'evkin publish --dest FOLDER', then try again; or give --archive FOLDER/URL.",
    },
    "publish.opt_notify_only": {
        "id": "hanya kirim surel untuk arsip yang sudah dibangun di --dest (tanpa membangun "
              "ulang); dipakai oleh tugas surel alur kerja terbit yang memegang secret SMTP",
        "en": "only e-mail about the archive already built in --dest (no rebuild); used by the "
              "publishing workflow's mail job, which holds the SMTP secrets",
    },
    "publish.no_manifest": {
        "id": "{path} tidak ada atau tidak terbaca; bangun arsip dulu dengan "
              "'evkin publish --dest FOLDER'.",
        "en": "{path} is missing or unreadable; build the archive first with "
              "'evkin publish --dest FOLDER'.",
    },
}
