<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id" sourcelanguage="en">
<!-- Qt's own strings that AzoDesk's widgets show (standard buttons, the file dialog, context menus):
     Qt ships no Indonesian catalogue. Sources as in Qt's qtbase catalogues; compiled together with
     azodesk_id.ts (see azodesk/ui/catalogue.py). Not written by lupdate: edit by hand or in Qt Linguist. -->
<context>
    <name>CloseButton</name>
    <message>
        <source>Close Tab</source>
        <translation type="unfinished">Tutup tab</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Alias</source>
        <translation type="unfinished">Alias</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation type="unfinished">Drive</translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished">Berkas</translation>
    </message>
    <message>
        <source>File Folder</source>
        <translation type="unfinished">Folder berkas</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation type="unfinished">Folder</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation type="unfinished">Pintasan</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished">Tidak diketahui</translation>
    </message>
</context>
<context>
    <name>QAbstractSpinBox</name>
    <message>
        <source>&amp;Select All</source>
        <translation type="unfinished">Pilih &amp;semua</translation>
    </message>
    <message>
        <source>&amp;Step up</source>
        <translation type="unfinished">&amp;Naik satu langkah</translation>
    </message>
    <message>
        <source>Step &amp;down</source>
        <translation type="unfinished">&amp;Turun satu langkah</translation>
    </message>
</context>
<context>
    <name>QComboBox</name>
    <message>
        <source>False</source>
        <translation type="unfinished">Salah</translation>
    </message>
    <message>
        <source>Open the combo box selection popup</source>
        <translation type="unfinished">Buka daftar pilihan</translation>
    </message>
    <message>
        <source>True</source>
        <translation type="unfinished">Benar</translation>
    </message>
</context>
<context>
    <name>QDialogButtonBox</name>
    <message>
        <source>OK</source>
        <translation type="unfinished">Oke</translation>
    </message>
</context>
<context>
    <name>QErrorMessage</name>
    <message>
        <source>&amp;OK</source>
        <translation type="unfinished">&amp;Oke</translation>
    </message>
    <message>
        <source>&amp;Show this message again</source>
        <translation type="unfinished">&amp;Tampilkan pesan ini lagi</translation>
    </message>
    <message>
        <source>An error occurred</source>
        <translation type="unfinished">Terjadi kesalahan</translation>
    </message>
    <message>
        <source>Critical Error:</source>
        <translation type="unfinished">Kesalahan kritis:</translation>
    </message>
    <message>
        <source>Debug Message:</source>
        <translation type="unfinished">Pesan debug:</translation>
    </message>
    <message>
        <source>Fatal Error:</source>
        <translation type="unfinished">Kesalahan fatal:</translation>
    </message>
    <message>
        <source>Information:</source>
        <translation type="unfinished">Informasi:</translation>
    </message>
    <message>
        <source>Warning:</source>
        <translation type="unfinished">Peringatan:</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>%1
Directory not found.
Please verify the correct directory name was given.</source>
        <translation type="unfinished">%1
Folder tidak ditemukan.
Pastikan nama folder sudah benar.</translation>
    </message>
    <message>
        <source>%1
File not found.
Please verify the correct file name was given.</source>
        <translation type="unfinished">%1
Berkas tidak ditemukan.
Pastikan nama berkas sudah benar.</translation>
    </message>
    <message>
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation type="unfinished">%1 sudah ada.
Apakah Anda ingin menggantinya?</translation>
    </message>
    <message>
        <source>&amp;Choose</source>
        <translation type="unfinished">&amp;Pilih</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished">&amp;Hapus</translation>
    </message>
    <message>
        <source>&amp;Look in:</source>
        <translation type="unfinished">&amp;Cari di:</translation>
    </message>
    <message>
        <source>&amp;New Folder</source>
        <translation type="unfinished">Folder &amp;baru</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished">&amp;Buka</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation type="unfinished">&amp;Ganti nama</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished">&amp;Simpan</translation>
    </message>
    <message>
        <source>'%1' is write protected.
Do you want to delete it anyway?</source>
        <translation type="unfinished">'%1' dilindungi dari penulisan.
Apakah Anda tetap ingin menghapusnya?</translation>
    </message>
    <message>
        <source>All Files (*)</source>
        <translation type="unfinished">Semua berkas (*)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished">Semua berkas (*)</translation>
    </message>
    <message>
        <source>Alt+Left</source>
        <translation type="unfinished">Alt+Left</translation>
    </message>
    <message>
        <source>Alt+Right</source>
        <translation type="unfinished">Alt+Right</translation>
    </message>
    <message>
        <source>Alt+Up</source>
        <translation type="unfinished">Alt+Up</translation>
    </message>
    <message>
        <source>Are you sure you want to delete '%1'?</source>
        <translation type="unfinished">Apakah Anda yakin ingin menghapus '%1'?</translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished">Kembali</translation>
    </message>
    <message>
        <source>Change to detail view mode</source>
        <translation type="unfinished">Beralih ke tampilan rinci</translation>
    </message>
    <message>
        <source>Change to list view mode</source>
        <translation type="unfinished">Beralih ke tampilan daftar</translation>
    </message>
    <message>
        <source>Could not delete directory.</source>
        <translation type="unfinished">Folder tidak dapat dihapus.</translation>
    </message>
    <message>
        <source>Create New Folder</source>
        <translation type="unfinished">Buat folder baru</translation>
    </message>
    <message>
        <source>Create a New Folder</source>
        <translation type="unfinished">Buat folder baru</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished">Hapus</translation>
    </message>
    <message>
        <source>Detail View</source>
        <translation type="unfinished">Tampilan rinci</translation>
    </message>
    <message>
        <source>Directories</source>
        <translation type="unfinished">Folder</translation>
    </message>
    <message>
        <source>Directory:</source>
        <translation type="unfinished">Folder:</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation type="unfinished">&amp;Nama berkas:</translation>
    </message>
    <message>
        <source>Files</source>
        <translation type="unfinished">Berkas</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation type="unfinished">&amp;Jenis berkas:</translation>
    </message>
    <message>
        <source>Find Directory</source>
        <translation type="unfinished">Cari folder</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation type="unfinished">Maju</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation type="unfinished">Kembali</translation>
    </message>
    <message>
        <source>Go forward</source>
        <translation type="unfinished">Maju</translation>
    </message>
    <message>
        <source>Go to the parent directory</source>
        <translation type="unfinished">Ke folder induk</translation>
    </message>
    <message>
        <source>List View</source>
        <translation type="unfinished">Tampilan daftar</translation>
    </message>
    <message>
        <source>List of places and bookmarks</source>
        <translation type="unfinished">Daftar tempat dan markah</translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation type="unfinished">Folder baru</translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished">Buka</translation>
    </message>
    <message>
        <source>Parent Directory</source>
        <translation type="unfinished">Folder induk</translation>
    </message>
    <message>
        <source>Recent Places</source>
        <translation type="unfinished">Tempat terakhir</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished">Hapus</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation type="unfinished">Simpan sebagai</translation>
    </message>
    <message>
        <source>Show </source>
        <translation type="unfinished">Tampilkan </translation>
    </message>
    <message>
        <source>Show &amp;hidden files</source>
        <translation type="unfinished">Tampilkan berkas &amp;tersembunyi</translation>
    </message>
    <message>
        <source>Sidebar</source>
        <translation type="unfinished">Bilah samping</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>Computer</source>
        <translation type="unfinished">Komputer</translation>
    </message>
    <message>
        <source>Date Modified</source>
        <translation type="unfinished">Tanggal diubah</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished">Jenis</translation>
    </message>
    <message>
        <source>My Computer</source>
        <translation type="unfinished">Komputer saya</translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished">Nama</translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished">Ukuran</translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished">Tipe</translation>
    </message>
</context>
<context>
    <name>QGnomeTheme</name>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished">&amp;Batal</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished">&amp;Tutup</translation>
    </message>
    <message>
        <source>&amp;OK</source>
        <translation type="unfinished">&amp;Oke</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished">&amp;Simpan</translation>
    </message>
    <message>
        <source>Close without Saving</source>
        <translation type="unfinished">Tutup tanpa menyimpan</translation>
    </message>
</context>
<context>
    <name>QInputDialog</name>
    <message>
        <source>Enter a value:</source>
        <translation type="unfinished">Masukkan nilai:</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished">&amp;Salin</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation type="unfinished">&amp;Tempel</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished">U&amp;langi</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished">&amp;Urungkan</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation type="unfinished">&amp;Potong</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished">Hapus</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation type="unfinished">Pilih semua</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>About Qt</source>
        <translation type="unfinished">Tentang Qt</translation>
    </message>
    <message>
        <source>Hide Details...</source>
        <translation type="unfinished">Sembunyikan rincian...</translation>
    </message>
    <message>
        <source>Show Details...</source>
        <translation type="unfinished">Tampilkan rincian...</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>&amp;No</source>
        <translation type="unfinished">&amp;Tidak</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation type="unfinished">&amp;Ya</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation type="unfinished">Batalkan</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation type="unfinished">Terapkan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished">Batal</translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished">Tutup</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished">Buang</translation>
    </message>
    <message>
        <source>Help</source>
        <translation type="unfinished">Bantuan</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation type="unfinished">Abaikan</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation type="unfinished">T&amp;idak untuk semua</translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished">Oke</translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished">Buka</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation type="unfinished">Setel ulang</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation type="unfinished">Kembalikan bawaan</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished">Coba lagi</translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished">Simpan</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation type="unfinished">Simpan semua</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation type="unfinished">Ya untuk &amp;semua</translation>
    </message>
</context>
<context>
    <name>QScrollBar</name>
    <message>
        <source>Bottom</source>
        <translation type="unfinished">Paling bawah</translation>
    </message>
    <message>
        <source>Left edge</source>
        <translation type="unfinished">Tepi kiri</translation>
    </message>
    <message>
        <source>Page down</source>
        <translation type="unfinished">Satu halaman ke bawah</translation>
    </message>
    <message>
        <source>Page left</source>
        <translation type="unfinished">Satu halaman ke kiri</translation>
    </message>
    <message>
        <source>Page right</source>
        <translation type="unfinished">Satu halaman ke kanan</translation>
    </message>
    <message>
        <source>Page up</source>
        <translation type="unfinished">Satu halaman ke atas</translation>
    </message>
    <message>
        <source>Right edge</source>
        <translation type="unfinished">Tepi kanan</translation>
    </message>
    <message>
        <source>Scroll down</source>
        <translation type="unfinished">Gulir ke bawah</translation>
    </message>
    <message>
        <source>Scroll here</source>
        <translation type="unfinished">Gulir ke sini</translation>
    </message>
    <message>
        <source>Scroll left</source>
        <translation type="unfinished">Gulir ke kiri</translation>
    </message>
    <message>
        <source>Scroll right</source>
        <translation type="unfinished">Gulir ke kanan</translation>
    </message>
    <message>
        <source>Scroll up</source>
        <translation type="unfinished">Gulir ke atas</translation>
    </message>
    <message>
        <source>Top</source>
        <translation type="unfinished">Paling atas</translation>
    </message>
</context>
<context>
    <name>QTabBar</name>
    <message>
        <source>Scroll Left</source>
        <translation type="unfinished">Gulir ke kiri</translation>
    </message>
    <message>
        <source>Scroll Right</source>
        <translation type="unfinished">Gulir ke kanan</translation>
    </message>
</context>
<context>
    <name>QUndoGroup</name>
    <message>
        <source>Redo</source>
        <translation type="unfinished">Ulangi</translation>
    </message>
    <message>
        <source>Redo %1</source>
        <translation type="unfinished">Ulangi %1</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished">Urungkan</translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation type="unfinished">Urungkan %1</translation>
    </message>
</context>
<context>
    <name>QUndoStack</name>
    <message>
        <source>Redo</source>
        <translation type="unfinished">Ulangi</translation>
    </message>
    <message>
        <source>Redo %1</source>
        <translation type="unfinished">Ulangi %1</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished">Urungkan</translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation type="unfinished">Urungkan %1</translation>
    </message>
</context>
<context>
    <name>QUnicodeControlCharacterMenu</name>
    <message>
        <source>FSI First strong isolate</source>
        <translation type="unfinished">FSI Isolasi kuat pertama</translation>
    </message>
    <message>
        <source>Insert Unicode control character</source>
        <translation type="unfinished">Sisipkan karakter kendali Unicode</translation>
    </message>
    <message>
        <source>LRE Start of left-to-right embedding</source>
        <translation type="unfinished">LRE Awal sisipan kiri-ke-kanan</translation>
    </message>
    <message>
        <source>LRI Left-to-right isolate</source>
        <translation type="unfinished">LRI Isolasi kiri-ke-kanan</translation>
    </message>
    <message>
        <source>LRM Left-to-right mark</source>
        <translation type="unfinished">LRM Tanda kiri-ke-kanan</translation>
    </message>
    <message>
        <source>LRO Start of left-to-right override</source>
        <translation type="unfinished">LRO Awal penggantian kiri-ke-kanan</translation>
    </message>
    <message>
        <source>PDF Pop directional formatting</source>
        <translation type="unfinished">PDF Akhiri format arah</translation>
    </message>
    <message>
        <source>PDI Pop directional isolate</source>
        <translation type="unfinished">PDI Akhiri isolasi arah</translation>
    </message>
    <message>
        <source>RLE Start of right-to-left embedding</source>
        <translation type="unfinished">RLE Awal sisipan kanan-ke-kiri</translation>
    </message>
    <message>
        <source>RLI Right-to-left isolate</source>
        <translation type="unfinished">RLI Isolasi kanan-ke-kiri</translation>
    </message>
    <message>
        <source>RLM Right-to-left mark</source>
        <translation type="unfinished">RLM Tanda kanan-ke-kiri</translation>
    </message>
    <message>
        <source>RLO Start of right-to-left override</source>
        <translation type="unfinished">RLO Awal penggantian kanan-ke-kiri</translation>
    </message>
    <message>
        <source>ZWJ Zero width joiner</source>
        <translation type="unfinished">ZWJ Penyambung lebar nol</translation>
    </message>
    <message>
        <source>ZWNJ Zero width non-joiner</source>
        <translation type="unfinished">ZWNJ Pemisah lebar nol</translation>
    </message>
    <message>
        <source>ZWSP Zero width space</source>
        <translation type="unfinished">ZWSP Spasi lebar nol</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished">&amp;Salin</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation type="unfinished">&amp;Tempel</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished">U&amp;langi</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished">&amp;Urungkan</translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation type="unfinished">Salin &amp;alamat tautan</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation type="unfinished">&amp;Potong</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished">Hapus</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation type="unfinished">Pilih semua</translation>
    </message>
</context>
</TS>
