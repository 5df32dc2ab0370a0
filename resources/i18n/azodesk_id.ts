<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>Opening the records…</source>
        <translation type="unfinished">Membuka rekam medis…</translation>
    </message>
    <message>
        <source>AzoDesk cannot start:</source>
        <translation type="unfinished">AzoDesk tidak dapat dimulai:</translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished">Tutup</translation>
    </message>
    <message>
        <source>Chosen plan</source>
        <translation type="unfinished">Rencana yang dipilih</translation>
    </message>
    <message>
        <source>Discussed with the couple</source>
        <translation type="unfinished">Sudah dibahas dengan pasangan</translation>
    </message>
    <message>
        <source>Counselor&apos;s notes (never shown in the couple view)</source>
        <translation type="unfinished">Catatan konselor (tidak pernah tampil di tampilan pasangan)</translation>
    </message>
    <message>
        <source>Notes for the record; saved automatically.</source>
        <translation type="unfinished">Catatan untuk rekam medis; tersimpan otomatis.</translation>
    </message>
    <message>
        <source>Handout language:</source>
        <translation type="unfinished">Bahasa untuk pasangan:</translation>
    </message>
    <message>
        <source>Export signed summary…</source>
        <translation type="unfinished">Ekspor ringkasan bertanda tangan…</translation>
    </message>
    <message>
        <source>Verify a summary…</source>
        <translation type="unfinished">Periksa keabsahan ringkasan…</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation type="unfinished">Evaluasi</translation>
    </message>
    <message>
        <source>Pathway</source>
        <translation type="unfinished">Alur penanganan</translation>
    </message>
    <message>
        <source>Summary &amp;&amp; notes</source>
        <translation type="unfinished">Ringkasan &amp;&amp; catatan</translation>
    </message>
    <message>
        <source>Couple view (F5)</source>
        <translation type="unfinished">Tampilan pasangan (F5)</translation>
    </message>
    <message>
        <source>Chosen plan (numbered)</source>
        <translation type="unfinished">Rencana pilihan (bernomor)</translation>
    </message>
    <message>
        <source>Discussed</source>
        <translation type="unfinished">Sudah dibahas</translation>
    </message>
    <message>
        <source>Signed — read only</source>
        <translation type="unfinished">Sudah ditandatangani — hanya baca</translation>
    </message>
    <message>
        <source>Full screen, large print, for turning the laptop toward the couple</source>
        <translation type="unfinished">Layar penuh, huruf besar, untuk menghadapkan laptop ke pasangan</translation>
    </message>
    <message>
        <source>In the handout language: {language}</source>
        <translation type="unfinished">Dalam bahasa untuk pasangan: {language}</translation>
    </message>
    <message>
        <source>{n} missing</source>
        <translation type="unfinished">{n} belum ada</translation>
    </message>
    <message>
        <source>Nothing chosen yet. In the pathway, open a step and press “In the chosen plan” (or P).</source>
        <translation type="unfinished">Belum ada yang dipilih. Di alur penanganan, buka satu langkah lalu tekan “Tambahkan ke rencana pilihan” (atau P).</translation>
    </message>
    <message>
        <source>Nothing marked yet.</source>
        <translation type="unfinished">Belum ada yang ditandai.</translation>
    </message>
    <message>
        <source>Edit {field}</source>
        <translation type="unfinished">Ubah {field}</translation>
    </message>
    <message>
        <source>Add an item</source>
        <translation type="unfinished">Tambah butir</translation>
    </message>
    <message>
        <source>Remove an item</source>
        <translation type="unfinished">Hapus butir</translation>
    </message>
    <message>
        <source>Mark as discussed</source>
        <translation type="unfinished">Tandai sudah dibahas</translation>
    </message>
    <message>
        <source>Unmark discussed</source>
        <translation type="unfinished">Hapus tanda sudah dibahas</translation>
    </message>
    <message>
        <source>Add to the plan</source>
        <translation type="unfinished">Tambahkan ke rencana</translation>
    </message>
    <message>
        <source>Remove from the plan</source>
        <translation type="unfinished">Keluarkan dari rencana</translation>
    </message>
    <message>
        <source>Editing…</source>
        <translation type="unfinished">Sedang diubah…</translation>
    </message>
    <message>
        <source>Not saved: {error}</source>
        <translation type="unfinished">Belum tersimpan: {error}</translation>
    </message>
    <message>
        <source>Saved {time}</source>
        <translation type="unfinished">Tersimpan {time}</translation>
    </message>
    <message>
        <source>Unnamed couple</source>
        <translation type="unfinished">Pasangan tanpa nama</translation>
    </message>
    <message>
        <source>Man</source>
        <translation type="unfinished">Suami</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation type="unfinished">Istri</translation>
    </message>
    <message>
        <source>Record number</source>
        <translation type="unfinished">No. rekam medis</translation>
    </message>
    <message>
        <source>Consultations</source>
        <translation type="unfinished">Konsultasi</translation>
    </message>
    <message>
        <source>Last consultation</source>
        <translation type="unfinished">Konsultasi terakhir</translation>
    </message>
    <message>
        <source>Couples</source>
        <translation type="unfinished">Pasangan</translation>
    </message>
    <message>
        <source>Search by name or record number — type any part of a word</source>
        <translation type="unfinished">Cari berdasarkan nama atau no. rekam medis — ketik bagian mana pun dari kata</translation>
    </message>
    <message>
        <source>New couple…</source>
        <translation type="unfinished">Pasangan baru…</translation>
    </message>
    <message>
        <source>The list could not be read: {error}</source>
        <translation type="unfinished">Daftar tidak dapat dibaca: {error}</translation>
    </message>
    <message>
        <source>No couples yet. Add the first with “New couple…” (Ctrl+N).</source>
        <translation type="unfinished">Belum ada pasangan. Tambahkan yang pertama dengan “Pasangan baru…” (Ctrl+N).</translation>
    </message>
    <message>
        <source>No couple matches “{query}”.</source>
        <translation type="unfinished">Tidak ada pasangan yang cocok dengan “{query}”.</translation>
    </message>
    <message>
        <source>{n} couples</source>
        <translation type="unfinished">{n} pasangan</translation>
    </message>
    <message>
        <source>1 couple</source>
        <translation type="unfinished">1 pasangan</translation>
    </message>
    <message>
        <source>&amp;Man&apos;s name</source>
        <translation type="unfinished">&amp;Nama suami</translation>
    </message>
    <message>
        <source>Man&apos;s birth date</source>
        <translation type="unfinished">Tanggal lahir suami</translation>
    </message>
    <message>
        <source>&amp;Partner&apos;s name</source>
        <translation type="unfinished">Nama &amp;istri</translation>
    </message>
    <message>
        <source>Partner&apos;s birth date</source>
        <translation type="unfinished">Tanggal lahir istri</translation>
    </message>
    <message>
        <source>&amp;Record number</source>
        <translation type="unfinished">No. &amp;rekam medis</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished">Kontak</translation>
    </message>
    <message>
        <source>Handout language</source>
        <translation type="unfinished">Bahasa untuk pasangan</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <extracomment>Placeholder of a date field. The Indonesian interface shows dates day first (HH/BB/TTTT).</extracomment>
        <translation type="unfinished">HH/BB/TTTT</translation>
    </message>
    <message>
        <source>Create couple</source>
        <translation type="unfinished">Buat pasangan</translation>
    </message>
    <message>
        <source>Save details</source>
        <translation type="unfinished">Simpan data</translation>
    </message>
    <message>
        <source>New consultation</source>
        <translation type="unfinished">Konsultasi baru</translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished">Tanggal</translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished">Status</translation>
    </message>
    <message>
        <source>Likely cause</source>
        <translation type="unfinished">Kemungkinan penyebab</translation>
    </message>
    <message>
        <source>No consultation yet: start one with “New consultation”.</source>
        <translation type="unfinished">Belum ada konsultasi: mulai dengan “Konsultasi baru”.</translation>
    </message>
    <message>
        <source>New couple</source>
        <translation type="unfinished">Pasangan baru</translation>
    </message>
    <message>
        <source>signed</source>
        <translation type="unfinished">ditandatangani</translation>
    </message>
    <message>
        <source>draft</source>
        <translation type="unfinished">draf</translation>
    </message>
    <message>
        <source>AzoDesk met an unexpected problem</source>
        <translation type="unfinished">AzoDesk mengalami masalah tak terduga</translation>
    </message>
    <message>
        <source>Something went wrong inside AzoDesk. Your draft was saved and you can keep working.</source>
        <translation type="unfinished">Terjadi kesalahan di dalam AzoDesk. Draf Anda sudah tersimpan dan Anda dapat terus bekerja.</translation>
    </message>
    <message>
        <source>Something went wrong inside AzoDesk. Your entries are still in the window; check that the draft shows “Saved” before closing.</source>
        <translation type="unfinished">Terjadi kesalahan di dalam AzoDesk. Isian Anda masih ada di jendela; pastikan draf menunjukkan “Tersimpan” sebelum menutup.</translation>
    </message>
    <message>
        <source>If it happens again, copy this report and send it to your AzoDesk support contact. It contains no patient data.</source>
        <translation type="unfinished">Bila terjadi lagi, salin laporan ini dan kirimkan ke kontak dukungan AzoDesk Anda. Laporan ini tidak berisi data pasien.</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation type="unfinished">Salin laporan</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation type="unfinished">Lanjutkan</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation type="unfinished">Tersalin</translation>
    </message>
    <message>
        <source>value</source>
        <translation type="unfinished">nilai</translation>
    </message>
    <message>
        <source>Not taken; the case keeps {previous}. Esc puts it back.</source>
        <translation type="unfinished">Tidak diambil; kasus tetap berisi {previous}. Esc mengembalikannya.</translation>
    </message>
    <message>
        <source>Not taken; the field stays empty in the case. Esc clears it.</source>
        <translation type="unfinished">Tidak diambil; kolom ini tetap kosong di kasus. Esc mengosongkannya.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished">Hapus</translation>
    </message>
    <message>
        <source>Remove this item from the case (Undo brings it back)</source>
        <translation type="unfinished">Hapus butir ini dari kasus (Urungkan akan mengembalikannya)</translation>
    </message>
    <message>
        <source>Nothing entered yet. Add each result with its date; the newest value of each hormone counts.</source>
        <translation type="unfinished">Belum ada isian. Tambahkan setiap hasil beserta tanggalnya; yang dipakai adalah nilai terbaru tiap hormon.</translation>
    </message>
    <message>
        <source>Nothing entered yet. Add each semen analysis with its date; two samples are needed.</source>
        <translation type="unfinished">Belum ada isian. Tambahkan setiap analisis semen beserta tanggalnya; diperlukan dua sampel.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished">Perubahan belum tersimpan</translation>
    </message>
    <message>
        <source>This consultation has changes that are not saved yet.</source>
        <translation type="unfinished">Konsultasi ini memiliki perubahan yang belum tersimpan.</translation>
    </message>
    <message>
        <source>Save and close</source>
        <translation type="unfinished">Simpan dan tutup</translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation type="unfinished">Tutup tanpa menyimpan</translation>
    </message>
    <message>
        <source>Keep working</source>
        <translation type="unfinished">Lanjutkan bekerja</translation>
    </message>
    <message>
        <source>Ctrl+N  new couple · Ctrl+F  find a couple · Alt+←  back</source>
        <translation type="unfinished">Ctrl+N  pasangan baru · Ctrl+F  cari pasangan · Alt+←  kembali</translation>
    </message>
    <message>
        <source>Alt+1 / Alt+2 / Alt+3  evaluation, pathway, summary</source>
        <translation type="unfinished">Alt+1 / Alt+2 / Alt+3  evaluasi, alur penanganan, ringkasan</translation>
    </message>
    <message>
        <source>Ctrl+Z / Ctrl+Shift+Z  undo, redo · Ctrl+S  save now</source>
        <translation type="unfinished">Ctrl+Z / Ctrl+Shift+Z  urungkan, ulangi · Ctrl+S  simpan sekarang</translation>
    </message>
    <message>
        <source>Pathway: Tab / arrows move between steps, Enter opens a step, D discussed, P chosen plan, Ctrl+wheel or Ctrl++ / Ctrl+- zoom, Ctrl+0 fit</source>
        <translation type="unfinished">Alur penanganan: Tab / tombol panah berpindah antarlangkah, Enter membuka langkah, D sudah dibahas, P rencana pilihan, Ctrl+roda tetikus atau Ctrl++ / Ctrl+- perbesar/perkecil, Ctrl+0 paskan</translation>
    </message>
    <message>
        <source>F5  couple view (Esc or F5 to leave, ← → through the steps)</source>
        <translation type="unfinished">F5  tampilan pasangan (Esc atau F5 untuk keluar, ← → menelusuri langkah)</translation>
    </message>
    <message>
        <source>F12  hide the screen at once (F12 again shows it) · Ctrl+L  lock</source>
        <translation type="unfinished">F12  sembunyikan layar seketika (F12 lagi untuk menampilkannya) · Ctrl+L  kunci</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished">Pintasan papan ketik</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished">Buka kunci</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished">Masuk</translation>
    </message>
    <message>
        <source>AzoDesk</source>
        <translation type="unfinished">AzoDesk</translation>
    </message>
    <message>
        <source>AzoDesk is locked</source>
        <translation type="unfinished">AzoDesk terkunci</translation>
    </message>
    <message>
        <source>Locked after {minutes} minutes without use. The work in progress is saved.</source>
        <translation type="unfinished">Terkunci setelah {minutes} menit tanpa pemakaian. Pekerjaan yang sedang berjalan sudah disimpan.</translation>
    </message>
    <message>
        <source>Locked: this account can no longer be used. Another counselor can sign in.</source>
        <translation type="unfinished">Terkunci: akun ini tidak dapat dipakai lagi. Konselor lain dapat masuk.</translation>
    </message>
    <message>
        <source>Locked. The work in progress is saved.</source>
        <translation type="unfinished">Terkunci. Pekerjaan yang sedang berjalan sudah disimpan.</translation>
    </message>
    <message>
        <source>Signed in: {name}. Type your password to continue.</source>
        <translation type="unfinished">Masuk sebagai: {name}. Ketik kata sandi Anda untuk melanjutkan.</translation>
    </message>
    <message>
        <source>Another counselor</source>
        <translation type="unfinished">Konselor lain</translation>
    </message>
    <message>
        <source>Back to unlocking</source>
        <translation type="unfinished">Kembali ke membuka kunci</translation>
    </message>
    <message>
        <source>Not you? Sign in as another counselor</source>
        <translation type="unfinished">Bukan Anda? Masuk sebagai konselor lain</translation>
    </message>
    <message>
        <source>Screen hidden</source>
        <translation type="unfinished">Layar disembunyikan</translation>
    </message>
    <message>
        <source>The records are hidden while someone else can see the screen. Press F12 to show them again.</source>
        <translation type="unfinished">Rekam medis disembunyikan selama orang lain dapat melihat layar. Tekan F12 untuk menampilkannya lagi.</translation>
    </message>
    <message>
        <source>Show my work (F12)</source>
        <translation type="unfinished">Tampilkan pekerjaan saya (F12)</translation>
    </message>
    <message>
        <source>AzoDesk — locked</source>
        <translation type="unfinished">AzoDesk — terkunci</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished">&amp;Berkas</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished">&amp;Sunting</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished">&amp;Tampilan</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished">B&amp;antuan</translation>
    </message>
    <message>
        <source>&amp;New couple…</source>
        <translation type="unfinished">Pasangan &amp;baru…</translation>
    </message>
    <message>
        <source>&amp;Find a couple</source>
        <translation type="unfinished">&amp;Cari pasangan</translation>
    </message>
    <message>
        <source>&amp;Save now</source>
        <translation type="unfinished">&amp;Simpan sekarang</translation>
    </message>
    <message>
        <source>&amp;Export signed summary…</source>
        <translation type="unfinished">&amp;Ekspor ringkasan bertanda tangan…</translation>
    </message>
    <message>
        <source>&amp;Verify a summary…</source>
        <translation type="unfinished">&amp;Periksa keabsahan ringkasan…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished">&amp;Keluar</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished">&amp;Pengaturan…</translation>
    </message>
    <message>
        <source>Interface &amp;language</source>
        <translation type="unfinished">&amp;Bahasa antarmuka</translation>
    </message>
    <message>
        <source>&amp;Couple view</source>
        <translation type="unfinished">&amp;Tampilan pasangan</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation type="unfinished">&amp;Kembali</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished">&amp;Pintasan papan ketik</translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished">Kembali</translation>
    </message>
    <message>
        <source>&amp;Undo: {action}</source>
        <translation type="unfinished">&amp;Urungkan: {action}</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished">&amp;Urungkan</translation>
    </message>
    <message>
        <source>&amp;Redo: {action}</source>
        <translation type="unfinished">U&amp;langi: {action}</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished">U&amp;langi</translation>
    </message>
    <message>
        <source>Consultation of {date}</source>
        <translation type="unfinished">Konsultasi {date}</translation>
    </message>
    <message>
        <source>Saving failed: {error}</source>
        <translation type="unfinished">Gagal menyimpan: {error}</translation>
    </message>
    <message>
        <source>First correct or undo (Esc) the fields marked in red: {fields}</source>
        <translation type="unfinished">Perbaiki dulu atau batalkan (Esc) kolom yang bertanda merah: {fields}</translation>
    </message>
    <message>
        <source>The draft could not be saved: {error}</source>
        <translation type="unfinished">Draf tidak dapat disimpan: {error}</translation>
    </message>
    <message>
        <source>Edits of the last seconds are not in the database yet.</source>
        <translation type="unfinished">Perubahan beberapa detik terakhir belum masuk ke basis data.</translation>
    </message>
    <message>
        <source>Not taken because of a problem: {fields}.</source>
        <translation type="unfinished">Tidak diambil karena ada masalah: {fields}.</translation>
    </message>
    <message>
        <source>Population</source>
        <translation type="unfinished">Populasi</translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished">Sumber</translation>
    </message>
    <message>
        <source>In the chosen plan</source>
        <translation type="unfinished">Masuk rencana pilihan</translation>
    </message>
    <message>
        <source>Add to the chosen plan</source>
        <translation type="unfinished">Tambahkan ke rencana pilihan</translation>
    </message>
    <message>
        <source>Mark this step as discussed with the couple (D)</source>
        <translation type="unfinished">Tandai langkah ini sudah dibahas dengan pasangan (D)</translation>
    </message>
    <message>
        <source>Add this step to the couple&apos;s chosen plan (P)</source>
        <translation type="unfinished">Tambahkan langkah ini ke rencana pilihan pasangan (P)</translation>
    </message>
    <message>
        <source>Close the panel (Esc)</source>
        <translation type="unfinished">Tutup panel (Esc)</translation>
    </message>
    <message>
        <source>Legal limit</source>
        <translation type="unfinished">Batasan hukum</translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished">Alasannya</translation>
    </message>
    <message>
        <source>Still missing to be sure</source>
        <translation type="unfinished">Yang masih diperlukan untuk memastikan</translation>
    </message>
    <message>
        <source>What would change this</source>
        <translation type="unfinished">Yang dapat mengubah ini</translation>
    </message>
    <message>
        <source>Averages from groups of people, not a personal prediction.</source>
        <translation type="unfinished">Rata-rata dari kelompok orang, bukan prediksi perorangan.</translation>
    </message>
    <message>
        <source>What the numbers say</source>
        <translation type="unfinished">Yang ditunjukkan angka</translation>
    </message>
    <message>
        <source>Words used</source>
        <translation type="unfinished">Istilah yang dipakai</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation type="unfinished">Sumber</translation>
    </message>
    <message>
        <source>Only a recommended step, an option or a step waiting for tests can be chosen</source>
        <translation type="unfinished">Hanya langkah yang dianjurkan, pilihan, atau langkah yang menunggu hasil tes yang dapat dipilih</translation>
    </message>
    <message>
        <source>Missing before the cause can be named</source>
        <translation type="unfinished">Yang belum ada sebelum penyebab dapat ditentukan</translation>
    </message>
    <message>
        <source>Recommended steps</source>
        <translation type="unfinished">Langkah yang dianjurkan</translation>
    </message>
    <message>
        <source>Also keep in mind</source>
        <translation type="unfinished">Perlu diingat juga</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished">Catatan</translation>
    </message>
    <message>
        <source>Values to check</source>
        <translation type="unfinished">Nilai yang perlu diperiksa</translation>
    </message>
    <message>
        <source>Ruleset {version}</source>
        <translation type="unfinished">Versi aturan {version}</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished">Pengaturan</translation>
    </message>
    <message>
        <source>&amp;Interface language</source>
        <translation type="unfinished">&amp;Bahasa antarmuka</translation>
    </message>
    <message>
        <source>Menus, the evaluation form and your view of the pathway. The couple&apos;s handout language is chosen for each consultation on the Summary tab; this setting does not change it.</source>
        <translation type="unfinished">Menu, formulir evaluasi, dan tampilan alur penanganan Anda. Bahasa untuk pasangan dipilih untuk setiap konsultasi di tab Ringkasan; pengaturan ini tidak mengubahnya.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished">Simpan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished">Batal</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation type="unfinished">Dokumen PDF (*.pdf)</translation>
    </message>
    <message>
        <source>signed in</source>
        <translation type="unfinished">masuk</translation>
    </message>
    <message>
        <source>sign-in refused</source>
        <translation type="unfinished">masuk ditolak</translation>
    </message>
    <message>
        <source>password asked again</source>
        <translation type="unfinished">kata sandi diminta lagi</translation>
    </message>
    <message>
        <source>signed out</source>
        <translation type="unfinished">keluar</translation>
    </message>
    <message>
        <source>screen locked</source>
        <translation type="unfinished">layar dikunci</translation>
    </message>
    <message>
        <source>viewed</source>
        <translation type="unfinished">dilihat</translation>
    </message>
    <message>
        <source>created</source>
        <translation type="unfinished">dibuat</translation>
    </message>
    <message>
        <source>changed</source>
        <translation type="unfinished">diubah</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation type="unfinished">dihapus</translation>
    </message>
    <message>
        <source>exported</source>
        <translation type="unfinished">diekspor</translation>
    </message>
    <message>
        <source>reprinted</source>
        <translation type="unfinished">dicetak ulang</translation>
    </message>
    <message>
        <source>backup</source>
        <translation type="unfinished">cadangan</translation>
    </message>
    <message>
        <source>restore</source>
        <translation type="unfinished">pemulihan</translation>
    </message>
    <message>
        <source>clinic set up</source>
        <translation type="unfinished">klinik disiapkan</translation>
    </message>
    <message>
        <source>account enabled</source>
        <translation type="unfinished">akun diaktifkan</translation>
    </message>
    <message>
        <source>account disabled</source>
        <translation type="unfinished">akun dinonaktifkan</translation>
    </message>
    <message>
        <source>password changed</source>
        <translation type="unfinished">kata sandi diganti</translation>
    </message>
    <message>
        <source>password reset</source>
        <translation type="unfinished">kata sandi diatur ulang</translation>
    </message>
    <message>
        <source>signing key re-issued</source>
        <translation type="unfinished">kunci tanda tangan diterbitkan ulang</translation>
    </message>
    <message>
        <source>listed</source>
        <translation type="unfinished">didaftar</translation>
    </message>
    <message>
        <source>access refused</source>
        <translation type="unfinished">akses ditolak</translation>
    </message>
    <message>
        <source>couple</source>
        <translation type="unfinished">pasangan</translation>
    </message>
    <message>
        <source>consultation</source>
        <translation type="unfinished">konsultasi</translation>
    </message>
    <message>
        <source>document</source>
        <translation type="unfinished">dokumen</translation>
    </message>
    <message>
        <source>addendum</source>
        <translation type="unfinished">adendum</translation>
    </message>
    <message>
        <source>counselor</source>
        <translation type="unfinished">konselor</translation>
    </message>
    <message>
        <source>clinic</source>
        <translation type="unfinished">klinik</translation>
    </message>
    <message>
        <source>audit log</source>
        <translation type="unfinished">log audit</translation>
    </message>
    <message>
        <source>database</source>
        <translation type="unfinished">basis data</translation>
    </message>
    <message>
        <source>unknown user name</source>
        <translation type="unfinished">nama pengguna tidak dikenal</translation>
    </message>
    <message>
        <source>command line</source>
        <translation type="unfinished">baris perintah</translation>
    </message>
    <message>
        <source>Give it to the counselor in person; they can change it later.</source>
        <translation type="unfinished">Berikan kepada konselor secara langsung; ia dapat menggantinya nanti.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished">Nama pengguna</translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished">Nama</translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished">Peran</translation>
    </message>
    <message>
        <source>Password set</source>
        <translation type="unfinished">Kata sandi dipasang</translation>
    </message>
    <message>
        <source>Add a counselor…</source>
        <translation type="unfinished">Tambah konselor…</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation type="unfinished">Nonaktifkan</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation type="unfinished">Aktifkan</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation type="unfinished">Atur ulang kata sandi…</translation>
    </message>
    <message>
        <source>New account</source>
        <translation type="unfinished">Akun baru</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation type="unfinished">&amp;Nama pengguna</translation>
    </message>
    <message>
        <source>Full &amp;name</source>
        <translation type="unfinished">Nama &amp;lengkap</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation type="unfinished">&amp;Peran</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation type="unfinished">Administrator</translation>
    </message>
    <message>
        <source>Add the account</source>
        <translation type="unfinished">Tambahkan akun</translation>
    </message>
    <message>
        <source>New password for {user}</source>
        <translation type="unfinished">Kata sandi baru untuk {user}</translation>
    </message>
    <message>
        <source>The old password is never shown: AzoDesk keeps only a one-way hash of it. The counselor&apos;s signing key opens only with the old password, so it is destroyed; their next signature issues a new one (summaries signed before still verify).</source>
        <translation type="unfinished">Kata sandi lama tidak pernah ditampilkan: AzoDesk hanya menyimpan hash satu arahnya. Kunci tanda tangan konselor hanya terbuka dengan kata sandi lama, jadi kunci itu dimusnahkan; tanda tangan berikutnya menerbitkan kunci baru (ringkasan yang ditandatangani sebelumnya tetap dapat diperiksa).</translation>
    </message>
    <message>
        <source>Set the new password</source>
        <translation type="unfinished">Pasang kata sandi baru</translation>
    </message>
    <message>
        <source>active</source>
        <translation type="unfinished">aktif</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation type="unfinished">nonaktif</translation>
    </message>
    <message>
        <source>Choose another password: {reasons}</source>
        <translation type="unfinished">Pilih kata sandi lain: {reasons}</translation>
    </message>
    <message>
        <source>Account {user} added. Give them their password in person.</source>
        <translation type="unfinished">Akun {user} ditambahkan. Berikan kata sandinya secara langsung.</translation>
    </message>
    <message>
        <source>{user} can sign in again.</source>
        <translation type="unfinished">{user} dapat masuk lagi.</translation>
    </message>
    <message>
        <source>{user} can no longer sign in; their records and signatures stay.</source>
        <translation type="unfinished">{user} tidak dapat masuk lagi; catatan dan tanda tangannya tetap ada.</translation>
    </message>
    <message>
        <source>New password set for {user}. Their old signing key was destroyed: a new one is issued at their next signature.</source>
        <translation type="unfinished">Kata sandi baru untuk {user} sudah dipasang. Kunci tanda tangan lamanya dimusnahkan: kunci baru diterbitkan pada tanda tangan berikutnya.</translation>
    </message>
    <message>
        <source>New password set for {user}.</source>
        <translation type="unfinished">Kata sandi baru untuk {user} sudah dipasang.</translation>
    </message>
    <message>
        <source>Clinic &amp;name</source>
        <translation type="unfinished">&amp;Nama klinik</translation>
    </message>
    <message>
        <source>&amp;City</source>
        <translation type="unfinished">&amp;Kota</translation>
    </message>
    <message>
        <source>&amp;Jurisdiction</source>
        <translation type="unfinished">&amp;Yurisdiksi</translation>
    </message>
    <message>
        <source>&amp;Lock after (minutes without use)</source>
        <translation type="unfinished">&amp;Kunci setelah (menit tanpa pemakaian)</translation>
    </message>
    <message>
        <source>min</source>
        <translation type="unfinished">mnt</translation>
    </message>
    <message>
        <source>The clinic&apos;s name and city are printed on signed summaries. The jurisdiction decides which treatments the pathway shows as not permitted. Every computer of the clinic locks itself after the minutes without use set here.</source>
        <translation type="unfinished">Nama dan kota klinik dicetak pada ringkasan bertanda tangan. Yurisdiksi menentukan penanganan mana yang ditampilkan alur sebagai tidak diizinkan. Setiap komputer klinik mengunci dirinya setelah menit tanpa pemakaian yang diatur di sini.</translation>
    </message>
    <message>
        <source>Save the settings</source>
        <translation type="unfinished">Simpan pengaturan</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation type="unfinished">Pengaturan disimpan.</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished">Berkas CSV (*.csv)</translation>
    </message>
    <message>
        <source>Look in:</source>
        <translation type="unfinished">Cari di:</translation>
    </message>
    <message>
        <source>File name:</source>
        <translation type="unfinished">Nama berkas:</translation>
    </message>
    <message>
        <source>Files of type:</source>
        <translation type="unfinished">Jenis berkas:</translation>
    </message>
    <message>
        <source>&amp;Counselor</source>
        <translation type="unfinished">&amp;Konselor</translation>
    </message>
    <message>
        <source>&amp;Action</source>
        <translation type="unfinished">&amp;Tindakan</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation type="unfinished">&amp;Dari</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation type="unfinished">&amp;Sampai</translation>
    </message>
    <message>
        <source>everyone</source>
        <translation type="unfinished">semua orang</translation>
    </message>
    <message>
        <source>every action</source>
        <translation type="unfinished">semua tindakan</translation>
    </message>
    <message>
        <source>any day</source>
        <translation type="unfinished">hari apa pun</translation>
    </message>
    <message>
        <source>Clear the filters</source>
        <translation type="unfinished">Hapus filter</translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished">Waktu</translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished">Tindakan</translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished">Catatan</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation type="unfinished">Isian</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished">Keterangan</translation>
    </message>
    <message>
        <source>Newer</source>
        <translation type="unfinished">Lebih baru</translation>
    </message>
    <message>
        <source>Older</source>
        <translation type="unfinished">Lebih lama</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished">Ekspor CSV…</translation>
    </message>
    <message>
        <source>Check the audit chain</source>
        <translation type="unfinished">Periksa rantai audit</translation>
    </message>
    <message>
        <source>no entries</source>
        <translation type="unfinished">tidak ada entri</translation>
    </message>
    <message>
        <source>entries {first}–{last} of {total}</source>
        <translation type="unfinished">entri {first}–{last} dari {total}</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation type="unfinished">Ekspor log audit</translation>
    </message>
    <message>
        <source>{count} entries written to {path}.</source>
        <translation type="unfinished">{count} entri ditulis ke {path}.</translation>
    </message>
    <message>
        <source>The audit log is intact: {count} entries checked, every link holds.</source>
        <translation type="unfinished">Log audit utuh: {count} entri diperiksa, setiap mata rantai tersambung.</translation>
    </message>
    <message>
        <source>The audit log was changed outside AzoDesk. First broken link: entry {id} ({problem}).</source>
        <translation type="unfinished">Log audit diubah di luar AzoDesk. Mata rantai pertama yang putus: entri {id} ({problem}).</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation type="unfinished">Administrasi</translation>
    </message>
    <message>
        <source>Only an administrator can open the administration pages.</source>
        <translation type="unfinished">Hanya administrator yang dapat membuka halaman administrasi.</translation>
    </message>
    <message>
        <source>Counselors</source>
        <translation type="unfinished">Konselor</translation>
    </message>
    <message>
        <source>Clinic</source>
        <translation type="unfinished">Klinik</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation type="unfinished">Log audit</translation>
    </message>
    <message>
        <source>Change my password</source>
        <translation type="unfinished">Ganti kata sandi saya</translation>
    </message>
    <message>
        <source>&amp;Current password</source>
        <translation type="unfinished">Kata sandi &amp;saat ini</translation>
    </message>
    <message>
        <source>Change the password</source>
        <translation type="unfinished">Ganti kata sandi</translation>
    </message>
    <message>
        <source>Type your current password.</source>
        <translation type="unfinished">Ketik kata sandi Anda saat ini.</translation>
    </message>
    <message>
        <source>Password changed. Your signing key now opens with the new password.</source>
        <translation type="unfinished">Kata sandi diganti. Kunci tanda tangan Anda sekarang terbuka dengan kata sandi baru.</translation>
    </message>
    <message>
        <source>Password changed. Your signing key will be made at your first signature.</source>
        <translation type="unfinished">Kata sandi diganti. Kunci tanda tangan Anda akan dibuat pada tanda tangan pertama.</translation>
    </message>
    <message>
        <source>Password changed. Your old signing key did not open with your old password and was destroyed: a new one is issued at your next signature.</source>
        <translation type="unfinished">Kata sandi diganti. Kunci tanda tangan lama Anda tidak terbuka dengan kata sandi lama dan dimusnahkan: kunci baru diterbitkan pada tanda tangan Anda berikutnya.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished">Buka</translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished">ya</translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished">tidak</translation>
    </message>
    <message>
        <source>NOT OK: {reason}</source>
        <translation type="unfinished">TIDAK SAH: {reason}</translation>
    </message>
    <message>
        <source>matches the copy stored in the database</source>
        <translation type="unfinished">sama dengan salinan yang tersimpan di basis data</translation>
    </message>
    <message>
        <source>not compared with a database (none available)</source>
        <translation type="unfinished">tidak dibandingkan dengan basis data (tidak tersedia)</translation>
    </message>
    <message>
        <source>OK: signed by {signer}, intact, trusted, unmodified; {stored}</source>
        <translation type="unfinished">SAH: ditandatangani oleh {signer}, utuh, tepercaya, tidak diubah; {stored}</translation>
    </message>
    <message>
        <source>file SHA-256: {sha}</source>
        <translation type="unfinished">SHA-256 berkas: {sha}</translation>
    </message>
    <message>
        <source>signatures: none</source>
        <translation type="unfinished">tanda tangan: tidak ada</translation>
    </message>
    <message>
        <source>unknown time</source>
        <translation type="unfinished">waktu tidak diketahui</translation>
    </message>
    <message>
        <source>signature {field}: {signer}, {time}</source>
        <translation type="unfinished">tanda tangan {field}: {signer}, {time}</translation>
    </message>
    <message>
        <source>intact: {intact}  trusted by this clinic&apos;s CA: {trusted}  modification level: {level}  covers the whole file: {whole}</source>
        <translation type="unfinished">utuh: {intact}  dipercaya CA klinik ini: {trusted}  tingkat perubahan: {level}  mencakup seluruh berkas: {whole}</translation>
    </message>
    <message>
        <source>stored copy: not compared (no database)</source>
        <translation type="unfinished">salinan tersimpan: tidak dibandingkan (tanpa basis data)</translation>
    </message>
    <message>
        <source>stored copy: matches document {document} (consultation {consultation}, version {version}, {language})</source>
        <translation type="unfinished">salinan tersimpan: sama dengan dokumen {document} (konsultasi {consultation}, versi {version}, {language})</translation>
    </message>
    <message>
        <source>stored copy: no document with this SHA-256 in the database</source>
        <translation type="unfinished">salinan tersimpan: tidak ada dokumen dengan SHA-256 ini di basis data</translation>
    </message>
    <message>
        <source>verified</source>
        <translation type="unfinished">terverifikasi</translation>
    </message>
    <message>
        <source>not re-rendered</source>
        <translation type="unfinished">tidak dibuat ulang</translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished">gagal</translation>
    </message>
    <message>
        <source>absent</source>
        <translation type="unfinished">tidak ada</translation>
    </message>
    <message>
        <source>content digest{digest}: {state} — {detail}</source>
        <translation type="unfinished">digest isi{digest}: {state} — {detail}</translation>
    </message>
    <message>
        <source>Sign here with the mouse or a pen</source>
        <translation type="unfinished">Tanda tangani di sini dengan tetikus atau pena</translation>
    </message>
    <message>
        <source>Export signed summary</source>
        <translation type="unfinished">Ekspor ringkasan bertanda tangan</translation>
    </message>
    <message>
        <source>Your name as it should appear on the summary</source>
        <translation type="unfinished">Nama Anda sebagaimana akan tercantum di ringkasan</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished">Bersihkan</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished">Telusuri…</translation>
    </message>
    <message>
        <source>Your password</source>
        <translation type="unfinished">Kata sandi Anda</translation>
    </message>
    <message>
        <source>Asked again to sign: the password you signed in with</source>
        <translation type="unfinished">Diminta lagi untuk menandatangani: kata sandi yang Anda pakai saat masuk</translation>
    </message>
    <message>
        <source>Counselor</source>
        <translation type="unfinished">Konselor</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished">Frasa sandi</translation>
    </message>
    <message>
        <source>Language of the summary</source>
        <translation type="unfinished">Bahasa ringkasan</translation>
    </message>
    <message>
        <source>Handwritten signature</source>
        <translation type="unfinished">Tanda tangan tulisan tangan</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation type="unfinished">Simpan sebagai</translation>
    </message>
    <message>
        <source>Signing makes this consultation final: later changes need an addendum.</source>
        <translation type="unfinished">Penandatanganan membuat konsultasi ini final: perubahan sesudahnya memerlukan adendum.</translation>
    </message>
    <message>
        <source>Sign and export</source>
        <translation type="unfinished">Tanda tangani dan ekspor</translation>
    </message>
    <message>
        <source>Save the signed summary</source>
        <translation type="unfinished">Simpan ringkasan bertanda tangan</translation>
    </message>
    <message>
        <source>Type your name as counselor.</source>
        <translation type="unfinished">Ketik nama Anda sebagai konselor.</translation>
    </message>
    <message>
        <source>Type your signing passphrase.</source>
        <translation type="unfinished">Ketik frasa sandi tanda tangan Anda.</translation>
    </message>
    <message>
        <source>Sign in to sign summaries.</source>
        <translation type="unfinished">Masuk untuk menandatangani ringkasan.</translation>
    </message>
    <message>
        <source>Type your password: it is asked again to sign.</source>
        <translation type="unfinished">Ketik kata sandi Anda: kata sandi diminta lagi untuk menandatangani.</translation>
    </message>
    <message>
        <source>Rendering and signing…</source>
        <translation type="unfinished">Membuat dan menandatangani…</translation>
    </message>
    <message>
        <source>Signed summary version {version} saved to {path}.</source>
        <translation type="unfinished">Ringkasan bertanda tangan versi {version} disimpan ke {path}.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished">Selesai</translation>
    </message>
    <message>
        <source>Not signed: {error}</source>
        <translation type="unfinished">Tidak ditandatangani: {error}</translation>
    </message>
    <message>
        <source>Verify a summary</source>
        <translation type="unfinished">Periksa keabsahan ringkasan</translation>
    </message>
    <message>
        <source>The summary PDF to check</source>
        <translation type="unfinished">PDF ringkasan yang akan diperiksa</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation type="unfinished">Periksa</translation>
    </message>
    <message>
        <source>Choose a summary</source>
        <translation type="unfinished">Pilih ringkasan</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished">Memeriksa…</translation>
    </message>
    <message>
        <source>Could not check the file: {error}</source>
        <translation type="unfinished">Berkas tidak dapat diperiksa: {error}</translation>
    </message>
    <message>
        <source>Too many wrong passwords. Try again at {time}.</source>
        <translation type="unfinished">Terlalu banyak kata sandi salah. Coba lagi pukul {time}.</translation>
    </message>
    <message>
        <source>Wrong user name or password. Too many wrong passwords: try again at {time}.</source>
        <translation type="unfinished">Nama pengguna atau kata sandi salah. Terlalu banyak kata sandi salah: coba lagi pukul {time}.</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation type="unfinished">Nama pengguna atau kata sandi salah.</translation>
    </message>
    <message>
        <source>This account is disabled. Ask the clinic&apos;s administrator to enable it.</source>
        <translation type="unfinished">Akun ini dinonaktifkan. Mintalah administrator klinik untuk mengaktifkannya.</translation>
    </message>
    <message>
        <source>This counselor has no password yet. The clinic&apos;s administrator sets one.</source>
        <translation type="unfinished">Konselor ini belum memiliki kata sandi. Administrator klinik yang memasangnya.</translation>
    </message>
    <message>
        <source>This clinic is not set up yet.</source>
        <translation type="unfinished">Klinik ini belum disiapkan.</translation>
    </message>
    <message>
        <source>This clinic is set up already. Sign in instead.</source>
        <translation type="unfinished">Klinik ini sudah disiapkan. Silakan masuk.</translation>
    </message>
    <message>
        <source>These records are encrypted, but this installation cannot open encrypted records (install AzoDesk with its &apos;encrypted&apos; extra).</source>
        <translation type="unfinished">Rekam medis ini terenkripsi, tetapi instalasi ini tidak dapat membuka rekam medis terenkripsi (pasang AzoDesk dengan tambahan &apos;encrypted&apos;).</translation>
    </message>
    <message>
        <source>These records are encrypted and could not be unlocked: {reason}</source>
        <translation type="unfinished">Rekam medis ini terenkripsi dan tidak dapat dibuka: {reason}</translation>
    </message>
    <message>
        <source>Not allowed: {reason}</source>
        <translation type="unfinished">Tidak diizinkan: {reason}</translation>
    </message>
    <message>
        <source>Use at least {count} characters; a short sentence is easiest to remember.</source>
        <translation type="unfinished">Pakai minimal {count} karakter; kalimat pendek paling mudah diingat.</translation>
    </message>
    <message>
        <source>Use at most {count} characters.</source>
        <translation type="unfinished">Pakai paling banyak {count} karakter.</translation>
    </message>
    <message>
        <source>This password is too easy to guess; choose another.</source>
        <translation type="unfinished">Kata sandi ini terlalu mudah ditebak; pilih yang lain.</translation>
    </message>
    <message>
        <source>Use letters as well as digits.</source>
        <translation type="unfinished">Pakai huruf selain angka.</translation>
    </message>
    <message>
        <source>Do not use your user name in the password.</source>
        <translation type="unfinished">Jangan memakai nama pengguna Anda dalam kata sandi.</translation>
    </message>
    <message>
        <source>Do not use the clinic&apos;s name in the password.</source>
        <translation type="unfinished">Jangan memakai nama klinik dalam kata sandi.</translation>
    </message>
    <message>
        <source>Use a short sentence you will remember; it also unlocks your signature.</source>
        <translation type="unfinished">Pakai kalimat pendek yang mudah Anda ingat; kalimat itu juga membuka tanda tangan Anda.</translation>
    </message>
    <message>
        <source>New &amp;password</source>
        <translation type="unfinished">Kata sandi &amp;baru</translation>
    </message>
    <message>
        <source>&amp;Repeat it</source>
        <translation type="unfinished">&amp;Ulangi</translation>
    </message>
    <message>
        <source>At least 10 characters; a short sentence works well</source>
        <translation type="unfinished">Minimal 10 karakter; kalimat pendek paling mudah</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation type="unfinished">Kedua kata sandi berbeda.</translation>
    </message>
    <message>
        <source>Strong enough.</source>
        <translation type="unfinished">Cukup kuat.</translation>
    </message>
    <message>
        <source>Welcome to AzoDesk</source>
        <translation type="unfinished">Selamat datang di AzoDesk</translation>
    </message>
    <message>
        <source>This first start sets up the clinic and its administrator. The administrator adds the counselors and can change these settings later.</source>
        <translation type="unfinished">Permulaan pertama ini menyiapkan klinik dan administratornya. Administrator menambahkan konselor dan dapat mengubah pengaturan ini nanti.</translation>
    </message>
    <message>
        <source>The clinic</source>
        <translation type="unfinished">Klinik</translation>
    </message>
    <message>
        <source>The administrator (you)</source>
        <translation type="unfinished">Administrator (Anda)</translation>
    </message>
    <message>
        <source>for example dewi or dr.ayu</source>
        <translation type="unfinished">misalnya dewi atau dr.ayu</translation>
    </message>
    <message>
        <source>as it appears on signed summaries</source>
        <translation type="unfinished">seperti tercetak pada ringkasan bertanda tangan</translation>
    </message>
    <message>
        <source>Create the clinic and sign in</source>
        <translation type="unfinished">Buat klinik dan masuk</translation>
    </message>
    <message>
        <source>Type the clinic&apos;s name.</source>
        <translation type="unfinished">Ketik nama klinik.</translation>
    </message>
    <message>
        <source>Type the administrator&apos;s user name and full name.</source>
        <translation type="unfinished">Ketik nama pengguna dan nama lengkap administrator.</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation type="unfinished">&amp;Kata sandi</translation>
    </message>
    <message>
        <source>Type your user name.</source>
        <translation type="unfinished">Ketik nama pengguna Anda.</translation>
    </message>
    <message>
        <source>Type your password.</source>
        <translation type="unfinished">Ketik kata sandi Anda.</translation>
    </message>
    <message>
        <source>Wrong password. Too many wrong passwords: try again at {time}.</source>
        <translation type="unfinished">Kata sandi salah. Terlalu banyak kata sandi salah: coba lagi pukul {time}.</translation>
    </message>
    <message>
        <source>Wrong password.</source>
        <translation type="unfinished">Kata sandi salah.</translation>
    </message>
    <message>
        <source>You can try again now.</source>
        <translation type="unfinished">Anda dapat mencoba lagi sekarang.</translation>
    </message>
    <message>
        <source>Wait {seconds} s</source>
        <translation type="unfinished">Tunggu {seconds} dtk</translation>
    </message>
    <message>
        <source>Encrypted records</source>
        <translation type="unfinished">Rekam medis terenkripsi</translation>
    </message>
    <message>
        <source>Sign in to see the couples</source>
        <translation type="unfinished">Masuk untuk melihat pasangan</translation>
    </message>
    <message>
        <source>Forgot your password? The clinic&apos;s administrator can set a new one.</source>
        <translation type="unfinished">Lupa kata sandi? Administrator klinik dapat membuat yang baru.</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished">&amp;Bahasa</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation type="unfinished">A&amp;kun</translation>
    </message>
    <message>
        <source>Signed in: {name} ({user})</source>
        <translation type="unfinished">Masuk sebagai: {name} ({user})</translation>
    </message>
    <message>
        <source>&amp;Hide the screen</source>
        <translation type="unfinished">&amp;Sembunyikan layar</translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation type="unfinished">&amp;Kunci sekarang</translation>
    </message>
    <message>
        <source>&amp;Change my password…</source>
        <translation type="unfinished">&amp;Ganti kata sandi saya…</translation>
    </message>
    <message>
        <source>&amp;Sign out</source>
        <translation type="unfinished">Ke&amp;luar akun</translation>
    </message>
    <message>
        <source>Ad&amp;ministration</source>
        <translation type="unfinished">Ad&amp;ministrasi</translation>
    </message>
    <message>
        <source>&amp;Counselors…</source>
        <translation type="unfinished">&amp;Konselor…</translation>
    </message>
    <message>
        <source>C&amp;linic settings…</source>
        <translation type="unfinished">Pengaturan k&amp;linik…</translation>
    </message>
    <message>
        <source>&amp;Audit log…</source>
        <translation type="unfinished">&amp;Log audit…</translation>
    </message>
    <message>
        <source>Hide screen (F12)</source>
        <translation type="unfinished">Sembunyikan layar (F12)</translation>
    </message>
    <message>
        <source>Hide the records at once while someone else can see the screen</source>
        <translation type="unfinished">Sembunyikan rekam medis seketika selama orang lain dapat melihat layar</translation>
    </message>
    <message>
        <source>The open draft could not be saved; its counselor must unlock first.</source>
        <translation type="unfinished">Draf yang terbuka tidak dapat disimpan; konselornya harus membuka kunci lebih dulu.</translation>
    </message>
    <message>
        <source>You signed out. The next counselor can sign in.</source>
        <translation type="unfinished">Anda sudah keluar. Konselor berikutnya dapat masuk.</translation>
    </message>
</context>
<context>
    <name>Form</name>
    <message>
        <source>“{text}” is not a number; type digits such as 4.1</source>
        <translation type="unfinished">“{text}” bukan angka; ketik angka seperti 4,1</translation>
    </message>
    <message>
        <source>“{text}” is not a whole number; type a count such as 12</source>
        <translation type="unfinished">“{text}” bukan bilangan bulat; ketik jumlah seperti 12</translation>
    </message>
    <message>
        <source>“{text}” is not a date; type it as YYYY-MM-DD or DD/MM/YYYY</source>
        <translation type="unfinished">“{text}” bukan tanggal; ketik sebagai HH/BB/TTTT atau TTTT-BB-HH</translation>
    </message>
    <message>
        <source>“{text}” could mean {whole} or {decimal}; type thousands without a separator</source>
        <translation type="unfinished">“{text}” bisa berarti {whole} atau {decimal}; ketik ribuan tanpa pemisah</translation>
    </message>
    <message>
        <source>Left</source>
        <translation type="unfinished">Kiri</translation>
    </message>
    <message>
        <source>Right</source>
        <translation type="unfinished">Kanan</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished">Ya</translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished">Tidak</translation>
    </message>
    <message>
        <source>— not known —</source>
        <translation type="unfinished">— tidak diketahui —</translation>
    </message>
    <message>
        <source>No sperm</source>
        <translation type="unfinished">Tidak ada sperma</translation>
    </message>
    <message>
        <source>Sperm seen</source>
        <translation type="unfinished">Ada sperma</translation>
    </message>
    <message>
        <source>Present</source>
        <translation type="unfinished">Ada</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation type="unfinished">Tidak ada</translation>
    </message>
    <message>
        <source>Palpable</source>
        <translation type="unfinished">Teraba</translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished">Tidak ada</translation>
    </message>
    <message>
        <source>Subclinical</source>
        <translation type="unfinished">Subklinis</translation>
    </message>
    <message>
        <source>Grade 1</source>
        <translation type="unfinished">Derajat 1</translation>
    </message>
    <message>
        <source>Grade 2</source>
        <translation type="unfinished">Derajat 2</translation>
    </message>
    <message>
        <source>Grade 3</source>
        <translation type="unfinished">Derajat 3</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation type="unfinished">Normal</translation>
    </message>
    <message>
        <source>Soft</source>
        <translation type="unfinished">Lunak</translation>
    </message>
    <message>
        <source>Small and firm</source>
        <translation type="unfinished">Kecil dan keras</translation>
    </message>
    <message>
        <source>Full / indurated</source>
        <translation type="unfinished">Penuh / indurasi</translation>
    </message>
    <message>
        <source>Cystic</source>
        <translation type="unfinished">Kistik</translation>
    </message>
    <message>
        <source>Body and tail absent</source>
        <translation type="unfinished">Korpus dan kauda tidak ada</translation>
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished">Tidak pernah</translation>
    </message>
    <message>
        <source>Currently taking</source>
        <translation type="unfinished">Sedang dipakai</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished">Sudah berhenti</translation>
    </message>
    <message>
        <source>Prescribed testosterone</source>
        <translation type="unfinished">Testosteron dari resep dokter</translation>
    </message>
    <message>
        <source>Anabolic steroids</source>
        <translation type="unfinished">Steroid anabolik</translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished">Lainnya</translation>
    </message>
    <message>
        <source>Documented hypogonadotropic hypogonadism</source>
        <translation type="unfinished">Hipogonadisme hipogonadotropik yang terbukti</translation>
    </message>
    <message>
        <source>Low testosterone, cause unclear</source>
        <translation type="unfinished">Testosteron rendah, penyebab belum jelas</translation>
    </message>
    <message>
        <source>Performance / body</source>
        <translation type="unfinished">Performa / bentuk tubuh</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished">Tidak diketahui</translation>
    </message>
    <message>
        <source>Chemotherapy</source>
        <translation type="unfinished">Kemoterapi</translation>
    </message>
    <message>
        <source>Radiotherapy</source>
        <translation type="unfinished">Radioterapi</translation>
    </message>
    <message>
        <source>Chemo- and radiotherapy</source>
        <translation type="unfinished">Kemoterapi dan radioterapi</translation>
    </message>
    <message>
        <source>One side</source>
        <translation type="unfinished">Satu sisi</translation>
    </message>
    <message>
        <source>Both sides</source>
        <translation type="unfinished">Kedua sisi</translation>
    </message>
    <message>
        <source>Absent or incomplete</source>
        <translation type="unfinished">Tidak terjadi atau tidak lengkap</translation>
    </message>
    <message>
        <source>47,XXY (Klinefelter)</source>
        <translation type="unfinished">47,XXY (Klinefelter)</translation>
    </message>
    <message>
        <source>Mosaic 46,XY/47,XXY</source>
        <translation type="unfinished">Mosaik 46,XY/47,XXY</translation>
    </message>
    <message>
        <source>Other sex-chromosome change</source>
        <translation type="unfinished">Kelainan kromosom seks lain</translation>
    </message>
    <message>
        <source>Translocation</source>
        <translation type="unfinished">Translokasi</translation>
    </message>
    <message>
        <source>46,XX (male)</source>
        <translation type="unfinished">46,XX (pria)</translation>
    </message>
    <message>
        <source>Partial gr/gr</source>
        <translation type="unfinished">Parsial gr/gr</translation>
    </message>
    <message>
        <source>Partial b1/b3</source>
        <translation type="unfinished">Parsial b1/b3</translation>
    </message>
    <message>
        <source>Partial b2/b3</source>
        <translation type="unfinished">Parsial b2/b3</translation>
    </message>
    <message>
        <source>Partial AZFb</source>
        <translation type="unfinished">AZFb parsial</translation>
    </message>
    <message>
        <source>No variant</source>
        <translation type="unfinished">Tanpa varian</translation>
    </message>
    <message>
        <source>One variant</source>
        <translation type="unfinished">Satu varian</translation>
    </message>
    <message>
        <source>Two variants</source>
        <translation type="unfinished">Dua varian</translation>
    </message>
    <message>
        <source>5T only</source>
        <translation type="unfinished">Hanya 5T</translation>
    </message>
    <message>
        <source>Transrectal ultrasound (TRUS)</source>
        <translation type="unfinished">USG transrektal (TRUS)</translation>
    </message>
    <message>
        <source>MRI</source>
        <translation type="unfinished">MRI</translation>
    </message>
    <message>
        <source>One kidney missing</source>
        <translation type="unfinished">Satu ginjal tidak ada</translation>
    </message>
    <message>
        <source>Other finding</source>
        <translation type="unfinished">Temuan lain</translation>
    </message>
    <message>
        <source>Microadenoma</source>
        <translation type="unfinished">Mikroadenoma</translation>
    </message>
    <message>
        <source>Macroadenoma</source>
        <translation type="unfinished">Makroadenoma</translation>
    </message>
    <message>
        <source>Hypospermatogenesis</source>
        <translation type="unfinished">Hipospermatogenesis</translation>
    </message>
    <message>
        <source>Maturation arrest</source>
        <translation type="unfinished">Henti maturasi</translation>
    </message>
    <message>
        <source>Sertoli cell only</source>
        <translation type="unfinished">Sel Sertoli saja</translation>
    </message>
    <message>
        <source>Mixed pattern</source>
        <translation type="unfinished">Pola campuran</translation>
    </message>
    <message>
        <source>None done</source>
        <translation type="unfinished">Belum pernah</translation>
    </message>
    <message>
        <source>Sperm found</source>
        <translation type="unfinished">Sperma ditemukan</translation>
    </message>
    <message>
        <source>No sperm found</source>
        <translation type="unfinished">Sperma tidak ditemukan</translation>
    </message>
    <message>
        <source>Both open</source>
        <translation type="unfinished">Keduanya terbuka</translation>
    </message>
    <message>
        <source>One open</source>
        <translation type="unfinished">Satu terbuka</translation>
    </message>
    <message>
        <source>Both blocked</source>
        <translation type="unfinished">Keduanya tersumbat</translation>
    </message>
    <message>
        <source>Type the value as the laboratory reports it and pick its unit; “&lt;0.1” means below the detection limit.</source>
        <translation type="unfinished">Ketik nilai seperti tertulis di laporan laboratorium dan pilih satuannya; “&lt;0,1” berarti di bawah batas deteksi.</translation>
    </message>
    <message>
        <source>Consultation</source>
        <translation type="unfinished">Konsultasi</translation>
    </message>
    <message>
        <source>Consultation date</source>
        <translation type="unfinished">Tanggal konsultasi</translation>
    </message>
    <message>
        <source>The reference date for ages and intervals. Dates are typed as YYYY-MM-DD or DD/MM/YYYY.</source>
        <translation type="unfinished">Tanggal acuan untuk usia dan selang waktu. Tanggal diketik sebagai HH/BB/TTTT atau TTTT-BB-HH.</translation>
    </message>
    <message>
        <source>Jurisdiction</source>
        <translation type="unfinished">Yurisdiksi</translation>
    </message>
    <message>
        <source>Two-letter country code whose law applies (default: the clinic&apos;s, ID).</source>
        <translation type="unfinished">Kode negara dua huruf yang hukumnya berlaku (bawaan: negara klinik, ID).</translation>
    </message>
    <message>
        <source>Man&apos;s name</source>
        <translation type="unfinished">Nama suami</translation>
    </message>
    <message>
        <source>Record number</source>
        <translation type="unfinished">No. rekam medis</translation>
    </message>
    <message>
        <source>Man&apos;s age</source>
        <translation type="unfinished">Usia suami</translation>
    </message>
    <message>
        <source>years</source>
        <translation type="unfinished">tahun</translation>
    </message>
    <message>
        <source>Man&apos;s birth date</source>
        <translation type="unfinished">Tanggal lahir suami</translation>
    </message>
    <message>
        <source>Wishes natural conception</source>
        <translation type="unfinished">Ingin hamil secara alami</translation>
    </message>
    <message>
        <source>Semen</source>
        <translation type="unfinished">Analisis semen</translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished">Tanggal</translation>
    </message>
    <message>
        <source>No ejaculate produced</source>
        <translation type="unfinished">Tidak keluar ejakulat</translation>
    </message>
    <message>
        <source>Yes = an orgasm or attempt gave no fluid at all (aspermia).</source>
        <translation type="unfinished">Ya = orgasme atau percobaan sama sekali tidak mengeluarkan cairan (aspermia).</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation type="unfinished">Volume</translation>
    </message>
    <message>
        <source>pH</source>
        <translation type="unfinished">pH</translation>
    </message>
    <message>
        <source>Abstinence</source>
        <translation type="unfinished">Abstinensi</translation>
    </message>
    <message>
        <source>days</source>
        <translation type="unfinished">hari</translation>
    </message>
    <message>
        <source>Fructose</source>
        <translation type="unfinished">Fruktosa</translation>
    </message>
    <message>
        <source>Centrifuged pellet</source>
        <translation type="unfinished">Endapan sentrifugasi</translation>
    </message>
    <message>
        <source>The sediment after centrifugation, searched under the microscope.</source>
        <translation type="unfinished">Endapan setelah sentrifugasi, diperiksa di bawah mikroskop.</translation>
    </message>
    <message>
        <source>Concentration</source>
        <translation type="unfinished">Konsentrasi</translation>
    </message>
    <message>
        <source>million/mL</source>
        <translation type="unfinished">juta/mL</translation>
    </message>
    <message>
        <source>Sample {n}</source>
        <translation type="unfinished">Sampel {n}</translation>
    </message>
    <message>
        <source>Add a semen analysis</source>
        <translation type="unfinished">Tambah analisis semen</translation>
    </message>
    <message>
        <source>Urine after orgasm</source>
        <translation type="unfinished">Urine setelah orgasme</translation>
    </message>
    <message>
        <source>Post-ejaculatory urinalysis: sperm in the urine passed right after orgasm.</source>
        <translation type="unfinished">Pemeriksaan urine pasca-ejakulasi: sperma dalam urine yang dikeluarkan segera setelah orgasme.</translation>
    </message>
    <message>
        <source>Hormones</source>
        <translation type="unfinished">Hormon</translation>
    </message>
    <message>
        <source>Testosterone</source>
        <translation type="unfinished">Testosteron</translation>
    </message>
    <message>
        <source>Estradiol</source>
        <translation type="unfinished">Estradiol</translation>
    </message>
    <message>
        <source>Prolactin</source>
        <translation type="unfinished">Prolaktin</translation>
    </message>
    <message>
        <source>Inhibin B</source>
        <translation type="unfinished">Inhibin B</translation>
    </message>
    <message>
        <source>Panel {n}</source>
        <translation type="unfinished">Panel {n}</translation>
    </message>
    <message>
        <source>Add a hormone panel</source>
        <translation type="unfinished">Tambah panel hormon</translation>
    </message>
    <message>
        <source>Examination</source>
        <translation type="unfinished">Pemeriksaan fisik</translation>
    </message>
    <message>
        <source>Testis volume</source>
        <translation type="unfinished">Volume testis</translation>
    </message>
    <message>
        <source>Testis long axis</source>
        <translation type="unfinished">Sumbu panjang testis</translation>
    </message>
    <message>
        <source>Testis consistency</source>
        <translation type="unfinished">Konsistensi testis</translation>
    </message>
    <message>
        <source>Vas deferens</source>
        <translation type="unfinished">Vas deferens</translation>
    </message>
    <message>
        <source>Epididymis</source>
        <translation type="unfinished">Epididimis</translation>
    </message>
    <message>
        <source>Varicocele</source>
        <translation type="unfinished">Varikokel</translation>
    </message>
    <message>
        <source>Body-mass index</source>
        <translation type="unfinished">Indeks massa tubuh</translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished">Riwayat</translation>
    </message>
    <message>
        <source>Vasectomy</source>
        <translation type="unfinished">Vasektomi</translation>
    </message>
    <message>
        <source>Years since vasectomy</source>
        <translation type="unfinished">Tahun sejak vasektomi</translation>
    </message>
    <message>
        <source>Testosterone / steroids</source>
        <translation type="unfinished">Testosteron / steroid</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished">Jenis</translation>
    </message>
    <message>
        <source>Why taken</source>
        <translation type="unfinished">Alasan pemakaian</translation>
    </message>
    <message>
        <source>Months since stopping</source>
        <translation type="unfinished">Bulan sejak berhenti</translation>
    </message>
    <message>
        <source>months</source>
        <translation type="unfinished">bulan</translation>
    </message>
    <message>
        <source>Chemo- or radiotherapy</source>
        <translation type="unfinished">Kemoterapi atau radioterapi</translation>
    </message>
    <message>
        <source>Years since it ended</source>
        <translation type="unfinished">Tahun sejak selesai</translation>
    </message>
    <message>
        <source>Sperm banked before</source>
        <translation type="unfinished">Sperma dibekukan sebelumnya</translation>
    </message>
    <message>
        <source>Undescended testis</source>
        <translation type="unfinished">Testis tidak turun</translation>
    </message>
    <message>
        <source>Age at orchidopexy</source>
        <translation type="unfinished">Usia saat orkidopeksi</translation>
    </message>
    <message>
        <source>Puberty</source>
        <translation type="unfinished">Pubertas</translation>
    </message>
    <message>
        <source>No sense of smell</source>
        <translation type="unfinished">Tidak dapat mencium bau</translation>
    </message>
    <message>
        <source>Spinal cord injury level</source>
        <translation type="unfinished">Tingkat cedera saraf tulang belakang</translation>
    </message>
    <message>
        <source>A level such as C6, T4, L1 or S2; leave empty when there is none.</source>
        <translation type="unfinished">Tingkat seperti C6, T4, L1 atau S2; kosongkan bila tidak ada.</translation>
    </message>
    <message>
        <source>Diabetes</source>
        <translation type="unfinished">Diabetes</translation>
    </message>
    <message>
        <source>Multiple sclerosis</source>
        <translation type="unfinished">Sklerosis multipel</translation>
    </message>
    <message>
        <source>Retroperitoneal lymph-node surgery</source>
        <translation type="unfinished">Operasi kelenjar getah bening retroperitoneal</translation>
    </message>
    <message>
        <source>Bladder-neck surgery</source>
        <translation type="unfinished">Operasi leher kandung kemih</translation>
    </message>
    <message>
        <source>Groin or scrotal surgery</source>
        <translation type="unfinished">Operasi selangkangan atau skrotum</translation>
    </message>
    <message>
        <source>Epididymitis or STI</source>
        <translation type="unfinished">Epididimitis atau IMS</translation>
    </message>
    <message>
        <source>Mumps orchitis</source>
        <translation type="unfinished">Orkitis akibat gondongan</translation>
    </message>
    <message>
        <source>Testicular torsion or injury</source>
        <translation type="unfinished">Torsio atau cedera testis</translation>
    </message>
    <message>
        <source>Prolactin-raising medicines</source>
        <translation type="unfinished">Obat yang menaikkan prolaktin</translation>
    </message>
    <message>
        <source>Alpha-blockers</source>
        <translation type="unfinished">Penghambat alfa</translation>
    </message>
    <message>
        <source>Headache or loss of vision</source>
        <translation type="unfinished">Sakit kepala atau gangguan penglihatan</translation>
    </message>
    <message>
        <source>Has fathered a child before</source>
        <translation type="unfinished">Pernah mempunyai anak kandung</translation>
    </message>
    <message>
        <source>Operations and medicines</source>
        <translation type="unfinished">Operasi dan obat-obatan</translation>
    </message>
    <message>
        <source>Development</source>
        <translation type="unfinished">Tumbuh kembang</translation>
    </message>
    <message>
        <source>Other conditions</source>
        <translation type="unfinished">Penyakit lain</translation>
    </message>
    <message>
        <source>Genetics &amp; imaging</source>
        <translation type="unfinished">Genetika &amp; pencitraan</translation>
    </message>
    <message>
        <source>Karyotype</source>
        <translation type="unfinished">Kariotipe</translation>
    </message>
    <message>
        <source>Karyotype detail</source>
        <translation type="unfinished">Rincian kariotipe</translation>
    </message>
    <message>
        <source>As written in the report, e.g. 46,XY[40]/47,XXY[10].</source>
        <translation type="unfinished">Seperti tertulis di laporan, mis. 46,XY[40]/47,XXY[10].</translation>
    </message>
    <message>
        <source>Y-chromosome microdeletion</source>
        <translation type="unfinished">Mikrodelesi kromosom Y</translation>
    </message>
    <message>
        <source>CFTR gene (man)</source>
        <translation type="unfinished">Gen CFTR (suami)</translation>
    </message>
    <message>
        <source>Imaging method</source>
        <translation type="unfinished">Metode pencitraan</translation>
    </message>
    <message>
        <source>Seminal vesicle width</source>
        <translation type="unfinished">Lebar vesikula seminalis</translation>
    </message>
    <message>
        <source>Midline prostatic cyst</source>
        <translation type="unfinished">Kista prostat garis tengah</translation>
    </message>
    <message>
        <source>Ejaculatory ducts dilated or calcified</source>
        <translation type="unfinished">Duktus ejakulatorius melebar atau berkapur</translation>
    </message>
    <message>
        <source>Seminal vesicles absent or small</source>
        <translation type="unfinished">Vesikula seminalis tidak ada atau kecil</translation>
    </message>
    <message>
        <source>Kidney ultrasound</source>
        <translation type="unfinished">USG ginjal</translation>
    </message>
    <message>
        <source>Pituitary MRI</source>
        <translation type="unfinished">MRI hipofisis</translation>
    </message>
    <message>
        <source>Testis histology</source>
        <translation type="unfinished">Histologi testis</translation>
    </message>
    <message>
        <source>Earlier sperm retrieval</source>
        <translation type="unfinished">Pengambilan sperma sebelumnya</translation>
    </message>
    <message>
        <source>Genetics</source>
        <translation type="unfinished">Genetika</translation>
    </message>
    <message>
        <source>Imaging</source>
        <translation type="unfinished">Pencitraan</translation>
    </message>
    <message>
        <source>Biopsy and retrieval</source>
        <translation type="unfinished">Biopsi dan pengambilan sperma</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation type="unfinished">Istri</translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished">Nama</translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished">Usia</translation>
    </message>
    <message>
        <source>AMH</source>
        <translation type="unfinished">AMH</translation>
    </message>
    <message>
        <source>Antral follicle count</source>
        <translation type="unfinished">Jumlah folikel antral</translation>
    </message>
    <message>
        <source>Fallopian tubes</source>
        <translation type="unfinished">Saluran tuba</translation>
    </message>
    <message>
        <source>Uterine or other factor</source>
        <translation type="unfinished">Faktor rahim atau lainnya</translation>
    </message>
    <message>
        <source>CFTR gene (partner)</source>
        <translation type="unfinished">Gen CFTR (istri)</translation>
    </message>
    <message>
        <source>Earlier IVF/ICSI cycles</source>
        <translation type="unfinished">Siklus bayi tabung/ICSI sebelumnya</translation>
    </message>
    <message>
        <source>item {n}</source>
        <translation type="unfinished">butir {n}</translation>
    </message>
</context>
<context>
    <name>Panel</name>
    <message>
        <source>verified</source>
        <translation type="unfinished">terverifikasi</translation>
    </message>
    <message>
        <source>verified through a secondary summary</source>
        <translation type="unfinished">terverifikasi lewat ringkasan sekunder</translation>
    </message>
    <message>
        <source>not verified</source>
        <translation type="unfinished">belum terverifikasi</translation>
    </message>
    <message>
        <source>engineering choice, not evidence</source>
        <translation type="unfinished">pilihan rancangan, bukan bukti ilmiah</translation>
    </message>
    <message>
        <source>cannot be corrected</source>
        <translation type="unfinished">tidak dapat diperbaiki</translation>
    </message>
    <message>
        <source>possibly correctable</source>
        <translation type="unfinished">mungkin dapat diperbaiki</translation>
    </message>
    <message>
        <source>correctable</source>
        <translation type="unfinished">dapat diperbaiki</translation>
    </message>
</context>
<context>
    <name>PathwayPane</name>
    <message>
        <source>Zoom in</source>
        <translation type="unfinished">Perbesar</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation type="unfinished">Perkecil</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation type="unfinished">Paskan</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl + wheel, Ctrl++)</source>
        <translation type="unfinished">Perbesar (Ctrl + roda tetikus, Ctrl++)</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl + wheel, Ctrl+-)</source>
        <translation type="unfinished">Perkecil (Ctrl + roda tetikus, Ctrl+-)</translation>
    </message>
    <message>
        <source>Show the whole pathway (Ctrl+0)</source>
        <translation type="unfinished">Tampilkan seluruh alur (Ctrl+0)</translation>
    </message>
    <message>
        <source>Click a step, or Tab to it and press Enter, to see why. Drag to move.</source>
        <translation type="unfinished">Klik satu langkah, atau Tab ke sana lalu tekan Enter, untuk melihat alasannya. Seret untuk menggeser.</translation>
    </message>
</context>
</TS>
