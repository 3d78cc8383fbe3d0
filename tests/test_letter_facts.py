"""mailproc.intake.letter.facts: the facts of a surat dinas read from its extracted text.

The letters are written here as the three sources give them: a PDF text layer (clean lines, or
pdftotext-style columns), a DOCX/ODT (the Nomor block a table read cell by cell) and Tesseract OCR of
a phone photo (stray "|" and "—", wrong letters, lost or merged lines, blank lines in the letterhead).
"""
from __future__ import annotations

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mailproc.intake.letter.facts import LetterFacts, read_facts

D = datetime.date

# 1. Clean PDF text layer; the date at the right end of the Nomor line; a two-line Perihal.
PDF_DINKES = """PEMERINTAH KABUPATEN LAMPUNG BARAT
DINAS KESEHATAN
Jalan Raden Intan No. 12 Liwa, Lampung Barat 34812 Telp. (0728) 21023
Nomor    : 045/123/III.05/2026            Liwa, 3 Desember 2026
Sifat    : Biasa
Lampiran : 1 (satu) berkas
Perihal  : Permohonan Pemasangan Jaringan
           Internet di Aula Kantor

Kepada Yth.
Kepala Dinas Komunikasi, Informatika dan Statistik
Kabupaten Lampung Barat
di-
   Liwa

Dengan hormat,
Sehubungan dengan kegiatan Rapat Kerja Kesehatan Daerah yang pada tanggal 10 Desember 2026
akan dilaksanakan di Aula Kantor Dinas Kesehatan, kami mohon bantuan pemasangan jaringan
internet dengan kapasitas minimal 50 Mbps.
Demikian permohonan ini kami sampaikan, atas perhatian dan kerjasamanya kami ucapkan
terima kasih.

                                        Kepala Dinas Kesehatan,


                                        dr. Nurcahyo Wibowo, M.Kes.
                                        Pembina Utama Muda (IV/c)
                                        NIP. 19780512 200501 1 003
Tembusan:
1. Bupati Lampung Barat (sebagai laporan);
2. Arsip.
"""

# 2. DOCX: the letterhead from the page header, the Nomor block a table read cell by cell.
DOCX_KECAMATAN = """PEMERINTAH KABUPATEN LAMPUNG BARAT
KECAMATAN BALIK BUKIT
Jalan Lintas Liwa - Krui No. 3 Liwa Kode Pos 34812
Liwa, 03-12-2026
Nomor
:
800/ 12 /KEC-BB/2026
Lampiran
:
-
Hal
:
Permohonan Perbaikan Jaringan Internet Kantor Camat
Kepada Yth.
Kepala Dinas Komunikasi, Informatika dan Statistik Kabupaten Lampung Barat
di Liwa
Dengan hormat,
Bersama ini kami sampaikan bahwa jaringan internet di Kantor Camat Balik Bukit terputus sejak tanggal 1 Desember 2026 sehingga pelayanan administrasi kependudukan terganggu.
Sehubungan dengan hal tersebut kami mohon kiranya dapat dilakukan perbaikan jaringan dimaksud.
Demikian surat ini kami sampaikan, atas perhatiannya diucapkan terima kasih.
Camat Balik Bukit,



SUPRIYADI, S.Sos
Penata Tingkat I (III/d)
NIP. 19750817 200312 1 004
"""

# 3. OCR of a photo: a UPTD under its Dinas, "N0mor", "Perlhal ;", the date above the signature,
#    a NIP with O and l for 0 and 1.
OCR_PUSKESMAS = """| PEMERINTAH KABUPATEN LAMPUNG BARAT |

DINAS KESEHATAN

UPTD PUSKESMAS LIWA
Jl. Raden Intan No. 5 Liwa, Telp. (0728) 21456 — email: pkmliwa@gmail.com
——————————————————————————————
N0mor : 440/1123/PKM-LW/XI/2026
Lampiran : -
Perlhal ; Permohonan Akun SIMPUS
untuk Petugas Baru

Kepada
Yth. Kepala Dinas Kominfo
Kab. Lampung Barat
di —
Liwa

Dengan hormat,
Bersama ini kami mohon dibuatkan akun aplikasi SIMPUS untuk 3 (tiga) orang
petugas baru UPTD Puskesmas Liwa sebagaimana daftar terlampir.

Demikian permohonan ini kami sampaikan, atas perhatiannya kami ucapkan
terima kasih.

Liwa, 25 Nov 2026
Kepala UPTD Puskesmas Liwa,

~ ttd ~

| ERNAWATI, S.KM
Penata (III/c)
NIP. l9820304 2OO6O4 2 Ol1
"""

# 4. PDF of an RSUD without a "PEMERINTAH" line; a numeric place+date.
PDF_RSUD = """RUMAH SAKIT UMUM DAERAH
ALIMUDDIN UMAR
KABUPATEN LAMPUNG BARAT
Jalan Lintas Sumatera, Way Mengaku, Liwa 34812 Website: rsudau.lampungbaratkab.go.id
Liwa, 03-12-2026
Nomor : 445/ 88 /RSUD-AU/XII/2026
Lampiran : 1 (satu) lembar
Perihal : Permohonan Penambahan Bandwidth Internet

Kepada Yth.
Kepala Dinas Komunikasi, Informatika dan Statistik
di Tempat

Dengan hormat,
Menindaklanjuti surat Kepala Dinas Kominfo Nomor : 555/301/IV.08/2026 tanggal 2 November 2026
perihal pendataan kebutuhan jaringan, bersama ini kami sampaikan bahwa layanan SIMRS membutuhkan
tambahan bandwidth sebesar 100 Mbps.
Demikian kami sampaikan, atas kerjasamanya diucapkan terima kasih.

Direktur RSUD Alimuddin Umar,


dr. H. Andi Saputra, Sp.PD
Pembina Tk. I (IV/b)
NIP. 19700101 199803 1 005
"""

# 5. Sekretariat DPRD: a B- number, the date on the line of the number, no Tembusan.
PDF_DPRD = """SEKRETARIAT DEWAN PERWAKILAN RAKYAT DAERAH
KABUPATEN LAMPUNG BARAT
Jl. Raden Intan No. 1 Liwa Telp. (0728) 21001 Kode Pos 34812
Nomor : B-12/DPRD/XII/2026                           Liwa, 1 Desember 2026
Sifat : Segera
Lampiran : -
Hal : Permohonan Live Streaming Rapat Paripurna

Kepada Yth.
Kepala Dinas Komunikasi, Informatika dan Statistik
Kabupaten Lampung Barat
di -
   Liwa

Dengan hormat,
Dalam rangka Rapat Paripurna DPRD yang akan dilaksanakan pada hari Senin, 14 Desember 2026,
kami mohon bantuan siaran langsung (live streaming) melalui kanal resmi Pemerintah Daerah.
Demikian permohonan ini disampaikan, atas bantuannya diucapkan terima kasih.

Sekretaris DPRD Kabupaten Lampung Barat,


Drs. MARZUKI, M.M.
Pembina Utama Muda (IV/c)
NIP. 19690707 199003 1 008
"""

# 6. A Badan with a long name over two lines; OCR with blank lines between letterhead lines.
OCR_BAPPEDA = """PEMERINTAH KABUPATEN LAMPUNG BARAT

BADAN PERENCANAAN PEMBANGUNAN, PENELITIAN DAN

PENGEMBANGAN DAERAH

Komplek Perkantoran Pemkab Lampung Barat, Way Mengaku, Liwa 34812

Nomer : 050/ 211 /BAPPEDA/XI/2026 Liwa, 30 Nopember 2026
Sifat : Biasa
Lampiran : -
Perihal : Permohonan Pembuatan Subdomain Aplikasi

Kepada Yth.
Kepala Dinas Komunikasi, Informatika dan Statistik
di-
Liwa

Dengan hormat,
Dalam rangka pengembangan aplikasi e-Planning, kami mohon dibuatkan subdomain
eplanning.lampungbaratkab.go.id beserta sertifikat SSL-nya.
Demikian kami sampaikan, atas perhatiannya diucapkan terima kasih.

Kepala Badan Perencanaan Pembangunan,
Penelitian dan Pengembangan Daerah,

YULIANTO, S.T., M.Si.
NIP. 19810212 200501 1 009
"""

# 7. An invitation from the Sekretariat Daerah: "No.", "Hal", an event date in the body,
#    the letter's date above the signature as "3 Des. 2026", signed "a.n. Bupati".
PDF_UNDANGAN_SETDA = """PEMERINTAH KABUPATEN LAMPUNG BARAT
SEKRETARIAT DAERAH
Jalan Raden Intan No. 1 Liwa 34812 Telp. (0728) 21001
No.      : 005/045/IV.02/2026
Sifat    : Penting
Lampiran : -
Hal      : Undangan Rapat Koordinasi
           Keamanan Informasi

Yth. Kepala Perangkat Daerah se-Kabupaten Lampung Barat
di-
   Tempat

Dengan hormat,
Dalam rangka penguatan keamanan informasi di lingkungan Pemerintah Kabupaten Lampung Barat,
kami mengundang Saudara untuk hadir pada:
Hari/Tanggal : Kamis, 10 Desember 2026
Waktu        : 09.00 WIB s.d. selesai
Tempat       : Ruang Rapat Sekretariat Daerah
Acara        : Rapat Koordinasi Keamanan Informasi
Demikian undangan ini disampaikan, atas kehadirannya diucapkan terima kasih.

                                        Liwa, 3 Des. 2026
                                        a.n. Bupati Lampung Barat
                                        Sekretaris Daerah,


                                        Ir. AKMAL, M.T.
                                        Pembina Utama Madya (IV/d)
                                        NIP. 19680505 199303 1 010
Tembusan:
1. Bupati Lampung Barat;
2. Wakil Bupati Lampung Barat.
"""

# 8. "Nomor:" with a spaced number, a numeric date with slashes above the signature.
PDF_DISDIK = """PEMERINTAH KABUPATEN LAMPUNG BARAT
DINAS PENDIDIKAN DAN KEBUDAYAAN
Jalan Way Mengaku No. 7 Liwa, Email: disdik@lampungbaratkab.go.id
Nomor: 027/ 87 /II.09/2026
Lampiran: 1 (satu) berkas
Perihal: Permohonan Jaringan Internet Sekolah

Kepada Yth.
Kepala Dinas Komunikasi, Informatika dan Statistik
di Liwa

Dengan hormat,
Bersama ini kami mohon pemasangan jaringan internet untuk 12 (dua belas) SD Negeri
di Kecamatan Sekincau sebagaimana daftar terlampir.
Demikian permohonan ini kami sampaikan.

Liwa, 3/12/2026
Kepala Dinas Pendidikan dan Kebudayaan,


Hj. SITI AMINAH, S.Pd., M.Pd.
NIP. 19720315 199703 2 002
"""

# 9. No letterhead: a Pekon head typing on plain paper; no NIP (signer from the title line).
NO_LETTERHEAD = """Way Mengaku, 5 Januari 2026

Nomor    : 140/ 07 /PK-WM/I/2026
Lampiran : -
Perihal  : Permohonan Titik Wifi Pekon

Kepada Yth.
Kepala Dinas Komunikasi, Informatika dan Statistik
Kabupaten Lampung Barat
di-
   Liwa

Dengan hormat,
Kami Pemerintah Pekon Way Mengaku mengajukan permohonan pemasangan titik wifi publik di
Balai Pekon untuk mendukung pelayanan masyarakat.
Demikian permohonan ini kami buat, atas perhatiannya kami ucapkan terima kasih.

Peratin Pekon Way Mengaku,

ttd

HASAN BASRI
"""

# 10. DOCX: the date in the table's right cell, the Perihal cell two paragraphs long.
DOCX_DATE_CELL = """PEMERINTAH KABUPATEN LAMPUNG BARAT
DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL
Jalan Raden Intan No. 20 Liwa 34812
Nomor
:
470/ 356 /DISDUKCAPIL/2026
Liwa, 7 Oktober 2026
Lampiran
:
1 (satu) berkas
Perihal
:
Permohonan Akses VPN
ke Server Data Kependudukan

Kepada Yth.
Kepala Dinas Komunikasi, Informatika dan Statistik
di
Liwa
Dengan hormat,
Dalam rangka integrasi data kependudukan, kami mohon diberikan akses VPN ke server data kependudukan bagi 2 (dua) orang operator.
Demikian kami sampaikan, atas kerjasamanya diucapkan terima kasih.
Kepala Dinas Kependudukan dan Pencatatan Sipil,
ttd
RUSLAN EFENDI, S.H.
Pembina Tk. I (IV/b)
NIP. 19760921 200212 1 006
"""

# 11. OCR with merged columns: the addressee on the lines of Lampiran and Perihal, no gap to cut
#     at on the continuation line (it is left out rather than mixed with the addressee), the month
#     read "Desernber".
OCR_MERGED_COLUMNS = """PEMERINTAH KABUPATEN LAMPUNG BARAT
DINAS PERHUBUNGAN
Jalan Raden Intan No. 9 Liwa 34812
Nomor — : 551/ 402 /DISHUB/XII/2026 Liwa, 3 Desernber 2026
Sifat : Biasa
Lampiran : - Kepada
Perihal — : Permohonan Pemasangan CCTV — Yth. Kepala Dinas Komunikasi,
Terminal Liwa Informatika dan Statistik
di-
Liwa
Dengan hormat, Bersama ini kami mohon bantuan pemasangan 4 (empat) unit CCTV di Terminal
Liwa yang terhubung ke ruang kendali dinas.
Demikian kami sampaikan, atas perhatiannya diucapkan terima kasih.
Kepala Dinas Perhubungan,
HERMAN SYAH, S.E., M.M.
NIP. 19740404 199903 1 007
"""

# 12. pdftotext -layout: the right column after a wide gap, so the continuation line splits.
PDF_LAYOUT_COLUMNS = """                    PEMERINTAH KABUPATEN LAMPUNG BARAT
                    DINAS KOMUNIKASI, INFORMATIKA DAN STATISTIK
      Komplek Perkantoran Pemkab Lampung Barat, Way Mengaku, Liwa 34812

Nomor    : 555/ 517 /IV.08/2026                        Liwa, 20 Oktober 2026
Sifat    : Biasa
Lampiran : -                                           Kepada
Perihal  : Pemberitahuan Pemeliharaan                  Yth. Camat se-Kabupaten
           Jaringan Fiber Optik                             Lampung Barat
                                                       di-
                                                            Tempat

Dengan hormat,
Bersama ini kami beritahukan bahwa pada tanggal 24 Oktober 2026 akan dilakukan pemeliharaan
jaringan fiber optik sehingga layanan internet terhenti pukul 22.00 s.d. 24.00 WIB.
Demikian pemberitahuan ini kami sampaikan untuk menjadi maklum.

                                                       Kepala Dinas Komunikasi, Informatika
                                                       dan Statistik,


                                                       BUDI HARTONO, S.Kom., M.T.
                                                       NIP 19800808 200604 1 012
"""

# 13. A Nota Dinas: the fields start with "Kepada :" and carry "Tanggal :", no "Dengan hormat".
NOTA_DINAS = """PEMERINTAH KABUPATEN LAMPUNG BARAT
INSPEKTORAT DAERAH
Jalan Raden Intan No. 4 Liwa 34812

NOTA DINAS
Kepada   : Kepala Dinas Komunikasi, Informatika dan Statistik
Dari     : Inspektur Daerah
Tanggal  : 12 Oktober 2026
Nomor    : 700/ 96 /ITDA/2026
Sifat    : Segera
Lampiran : -
Hal      : Permintaan Data Log Akses Aplikasi

Dalam rangka audit kinerja tahun 2026, kami minta data log akses aplikasi SIMPEG periode
1 Januari 2026 s.d. 30 September 2026.
Demikian disampaikan untuk dapat ditindaklanjuti.

Inspektur Daerah,

Drs. SAHRIAL
NIP. 19670606 199203 1 009
"""

# 14. An invitation as a DOCX with the document title under the letterhead and a dotted date.
DOCX_UNDANGAN = """PEMERINTAH KABUPATEN LAMPUNG BARAT
BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA
Jalan Raden Intan No. 14 Liwa, Telp. (0728) 21111
UNDANGAN
Nomor
:
800/ 1021 /BKPSDM/2026
Hal
:
Undangan Sosialisasi Tanda Tangan Elektronik
Liwa, 03.12.2026
Yth. Kepala Perangkat Daerah se-Kabupaten Lampung Barat
di Tempat
Dengan hormat,
Mengharap kehadiran Saudara pada sosialisasi tanda tangan elektronik yang akan dilaksanakan pada:
Hari/Tanggal
:
Selasa, 8 Desember 2026
Tempat
:
Aula BKPSDM
Demikian undangan ini disampaikan, atas kehadirannya diucapkan terima kasih.
Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia,
ttd
NOVI ANDRIANI, S.Sos., M.Si.
NIP. 19790222 200312 2 003
"""

# 15. A rotated photo after the page was turned upright: noise characters, a lost colon,
#     "Nomor :" alone with its value on the next line, "Hal" without colon.
OCR_ROTATED_FIXED = """= ~ |
» PEMERINTAH KABUPATEN LAMPUNG BARAT «
DINAS LINGKUNGAN HIDUP |
Jalan Soekarno Hatta No. 2 Liwa 34812 — Telp. (0728) 21333
— — — — — — — — — — — —
Nomor :
660/ 214 /DLH/XI/2026
Lampiran 1 (satu) berkas
Hal Permohonan Hosting Aplikasi
SIPANTAU

| Kepada Yth.
Kepala Dinas Komunikasi, Informatika
dan Statistik
di- Liwa

Dengan horrnat,
Bersama ini kami mohon kiranya aplikasi SIPANTAU (Sistem Pemantauan Lingkungan) dapat
ditempatkan pada server Pusat Data Daerah.
Dernikian permohonan kami, atas perhatiannya diucapkan terima kasih.

Liwa, 18 November 2026
Kepala Dinas Lingkungan Hidup,

| WAHYUDI, S.Hut., M.Si |
Pembina (IV/a)
N I P. 19830303 200801 1 015
"""

# 16. The day left blank for the pen: the letter's date is unknown, the body's date is used.
BLANK_DAY = """PEMERINTAH KABUPATEN LAMPUNG BARAT
DINAS SOSIAL
Jalan Raden Intan No. 30 Liwa 34812
Nomor    : 460/      /DINSOS/2026                   Liwa,        Desember 2026
Lampiran : -
Perihal  : Permohonan Peminjaman Perangkat Video Conference

Kepada Yth.
Kepala Dinas Komunikasi, Informatika dan Statistik
di-
   Liwa

Dengan hormat,
Kami mohon peminjaman perangkat video conference untuk rapat daring yang akan
dilaksanakan pada tanggal 16 Desember 2026 di Ruang Rapat Dinas Sosial.
Demikian kami sampaikan.

Kepala Dinas Sosial,


MUHAMMAD YUNUS, S.Sos.
NIP. 19710707 199603 1 004
"""

# 17. A Kecamatan with a Pekon under it; the Pekon is the sender.
PDF_PEKON = """PEMERINTAH KABUPATEN LAMPUNG BARAT
KECAMATAN BATU BRAK
PEKON KEGEMINGAN
Alamat: Jalan Raya Kegemingan No. 1 Kode Pos 34881
Nomor : 470/ 33 /KGM/2026
Lampiran : -
Perihal : Permohonan Perbaikan Website Pekon

Kepada Yth.
Kepala Dinas Komunikasi, Informatika dan Statistik
di-
Liwa

Dengan hormat,
Website Pekon Kegemingan tidak dapat diakses sejak 2 Desember 2026. Kami mohon bantuan perbaikan.
Demikian kami sampaikan, atas bantuannya kami ucapkan terima kasih.

Kegemingan, 4 Desember 2026
Peratin Pekon Kegemingan,

AHMAD DAHLAN
"""

# 18. OCR that merged the government line with the agency line; an English month name.
OCR_MERGED_LETTERHEAD = """PEMERINTAH KABUPATEN LAMPUNG BARAT DINAS PARIWISATA
Jl. Raya Lumbok Seminung No. 1 Liwa Telp. (0728) 21777
Nomor : 556/ 144 /DISPAR/2026
Lampiran : 1 berkas
Perihal : Permohonan Publikasi Festival Skala Brak

Kepada Yth.
Kepala Dinas Komunikasi, Informatika dan Statistik
di Liwa

Dengan hormat,
Kami mohon bantuan publikasi kegiatan Festival Skala Brak melalui kanal media sosial resmi
Pemerintah Kabupaten Lampung Barat.
Demikian kami sampaikan, atas kerjasamanya kami ucapkan terima kasih.

Liwa, 2 December 2026
Kepala Dinas Pariwisata,

| TRI WIBOWO, S.E.
NIP. 19780909 200501 1 011
"""

# 19. A letter whose attachment page (after the signature) lists staff with their NIPs, and whose
#     body names a contact person with a NIP: the signer is the one after the closing.
PDF_WITH_STAFF = """PEMERINTAH KABUPATEN LAMPUNG BARAT
BADAN PENGELOLAAN KEUANGAN DAN ASET DAERAH
Jalan Raden Intan No. 11 Liwa 34812
Nomor : 900/ 778 /BPKAD/2026                     Liwa, 9 September 2026
Lampiran : 1 (satu) lembar
Perihal : Permohonan Akun Email Dinas

Kepada Yth.
Kepala Dinas Komunikasi, Informatika dan Statistik
di-
Liwa

Dengan hormat,
Bersama ini kami mohon dibuatkan akun email dinas bagi pegawai sebagaimana terlampir.
Untuk koordinasi dapat menghubungi:
Nama : RINA MARLINA, S.E.
NIP. 19900101 201503 2 001
Demikian permohonan ini kami sampaikan, atas kerjasamanya diucapkan terima kasih.

Kepala Badan Pengelolaan Keuangan dan Aset Daerah,


Drs. HENDRA KUSUMA, M.Ak.
NIP. 19700303 199403 1 006

Lampiran Surat Nomor : 900/ 778 /BPKAD/2026
Daftar pegawai:
1. DEDI IRAWAN, S.Kom.  NIP. 19910505 201903 1 002
2. SARI DEWI, S.E.      NIP. 19920606 201903 2 004
"""

# 20. No "Dengan hormat": the body starts after the Kepada block, and ends before "Hormat kami".
NO_GREETING = """PEMERINTAH KABUPATEN LAMPUNG BARAT
DINAS PERTANIAN
Jalan Raden Intan No. 40 Liwa 34812
Nomor : 500/ 612 /DISTAN/2026
Lampiran : -
Perihal : Permohonan Zoom Meeting

Kepada Yth.
Kepala Dinas Komunikasi, Informatika dan Statistik
di Liwa

Kami mohon disediakan ruang Zoom Meeting berkapasitas 300 peserta untuk kegiatan
Bimbingan Teknis Penyuluh Pertanian pada tanggal 15 Desember 2026.
Hormat kami,
Kepala Dinas Pertanian,

Ir. SUKARDI
NIP. 19660101 199103 1 012
"""

# 21. A clean PDF whose subject cell is long and whose closing carries "Wassalam".
PDF_KESBANGPOL = """PEMERINTAH KABUPATEN LAMPUNG BARAT
BADAN KESATUAN BANGSA DAN POLITIK
Jalan Raden Intan No. 8 Liwa 34812
Liwa, 14 Agustus 2026
Nomor : 200/ 145 /KESBANGPOL/VIII/2026
Perihal : Permohonan Dukungan Jaringan Internet Pelaksanaan Peringatan Hari Kemerdekaan

Kepada Yth.
Kepala Dinas Komunikasi, Informatika dan Statistik
di Liwa

Assalamu'alaikum Wr. Wb.
Dalam rangka Peringatan Hari Ulang Tahun Kemerdekaan Republik Indonesia ke-81, kami mohon
dukungan jaringan internet di Lapangan Merdeka Liwa pada tanggal 17 Agustus 2026.
Demikian permohonan ini kami sampaikan.
Wassalamu'alaikum Wr. Wb.

Kepala Badan Kesatuan Bangsa dan Politik,

H. ZULKIFLI, S.Ag., M.H.
NIP. 19720202 199803 1 003
"""

# 22. OCR of a photo with a lost colon on Nomor, "No ." spacing, "Lamp." and a "Perihal" split
#     from its value by a blank line.
OCR_DISNAKER = """PEMERINTAH KABUPATEN LAMPUNG BARAT
DINAS TENAGA KERJA DAN TRANSMIGRASI
Jalan Raden Intan No. 22 Liwa 34812
No . 560/ 71 /DISNAKERTRANS/2026
Lamp. : -
Perihal :

Permohonan Pelatihan Keamanan Siber

Kepada Yth.
Kepala Dinas Komunikasi, Informatika dan Statistik
di-
Liwa

Dengan hormat,
Kami mohon narasumber pelatihan keamanan siber bagi 20 (dua puluh) pegawai.
Demikian kami sampaikan, atas perhatiannya diucapkan terima kasih.

Liwa, 29 Oktober 2026
Kepala Dinas Tenaga Kerja dan Transmigrasi,

YUSUF EFENDI, S.E.
NIP. 19750505 200003 1 004
"""

# 23. Plt. signing with a rank given as "Pangkat :" and the NIP under "NIP :".
PDF_PLT = """PEMERINTAH KABUPATEN LAMPUNG BARAT
DINAS KETAHANAN PANGAN
Jalan Raden Intan No. 50 Liwa 34812
Nomor : 520/ 99 /DKP/2026
Lampiran : -
Perihal : Permohonan Update Data Website

Kepada Yth.
Kepala Dinas Komunikasi, Informatika dan Statistik
di Liwa

Dengan hormat,
Kami mohon pembaruan data harga pangan pada website dinas.
Demikian kami sampaikan.

Liwa, 11 November 2026
Plt. Kepala Dinas Ketahanan Pangan,

MASHURI, S.P.
Pangkat : Pembina (IV/a)
NIP : 19800420 200501 1 007
"""

# 24. DOCX with the month abbreviated "Sept" and a two-column cell order ("Nomor" / ": value").
DOCX_TWO_COLUMNS = """PEMERINTAH KABUPATEN LAMPUNG BARAT
SATUAN POLISI PAMONG PRAJA
Jalan Raden Intan No. 6 Liwa 34812
Nomor
: 331/ 64 /SATPOLPP/2026
Perihal
: Permohonan Radio Komunikasi
Kepada Yth.
Kepala Dinas Komunikasi, Informatika dan Statistik
di Liwa
Dengan hormat,
Kami mohon bantuan perangkat radio komunikasi untuk pengamanan kegiatan.
Demikian kami sampaikan.
Liwa, 21 Sept 2026
Kepala Satuan Polisi Pamong Praja,
ttd
ANTONI, S.H.
NIP. 19770707 200003 1 006
"""

# 25. A DOCX with an unfilled number and an invitation subject.
DOCX_UNFILLED_NUMBER = """PEMERINTAH KABUPATEN LAMPUNG BARAT
DINAS PERPUSTAKAAN DAN KEARSIPAN
Jalan Raden Intan No. 33 Liwa 34812
Nomor
:
041/     /DPK/2026
Hal
:
Undangan Peluncuran Perpustakaan Digital
Liwa, 1 Juli 2026
Kepada Yth.
Kepala Dinas Komunikasi, Informatika dan Statistik
di Liwa
Dengan hormat,
Kami mengundang Saudara pada peluncuran Perpustakaan Digital pada tanggal 6 Juli 2026.
Demikian undangan ini kami sampaikan.
Kepala Dinas Perpustakaan dan Kearsipan,
ttd
LESTARI, S.IP.
NIP. 19850815 201001 2 013
"""

# 26. The date and the Kepada block on the left above the fields; the name in parentheses.
PDF_ADDRESSEE_FIRST = """PEMERINTAH KABUPATEN LAMPUNG BARAT
DINAS KOPERASI, USAHA KECIL DAN MENENGAH
Jalan Raden Intan No. 3 Liwa 34812
Liwa, 2 Februari 2026
Kepada
Yth. Kepala Dinas Komunikasi, Informatika dan Statistik
di-
Liwa
Nomor : 500/ 41 /DISKOP/2026
Lampiran : -
Perihal : Permohonan Pelatihan Website UMKM
Dengan hormat,
Kami mohon pelatihan pembuatan website bagi 25 (dua puluh lima) pelaku UMKM binaan.
Demikian kami sampaikan.
Kepala Dinas Koperasi, Usaha Kecil dan Menengah,
( SUTRISNO, S.E. )
NIP. 19700202 199603 1 001
"""

# 27. OCR that split lines: an empty "Lampiran :", "Di Tempat", the NIP wrapped over two lines.
OCR_SPLIT_LINES = """PEMERINTAH KABUPATEN LAMPUNG BARAT
KECAMATAN SEKINCAU
Jalan Raya Sekincau No. 1 Kode Pos 34885
Nomor : 005/ 77 /KEC-SKC/2026
Lampiran :
Hal : Undangan Musyawarah
Perencanaan Pembangunan
Yth. Peratin se-Kecamatan Sekincau
Di Tempat
Dengan hormat,
Mengundang Saudara hadir pada Musrenbang Kecamatan, Senin, 7 Desember 2026 di Aula Kecamatan.
Demikian, atas kehadirannya diucapkan terima kasih.
Sekincau, 30 November 2026
Camat Sekincau,
DRS. ALI IMRON
NIP. 19680101
199003 1 011
"""

# 28. A DOCX invitation whose event details are a table read cell by cell, "Tanggal" among them.
DOCX_EVENT_TABLE = """PEMERINTAH KABUPATEN LAMPUNG BARAT
DINAS PEMUDA DAN OLAHRAGA
Jalan Raden Intan No. 17 Liwa 34812
Nomor
:
426/ 210 /DISPORA/2026
Hal
:
Undangan Rapat Persiapan Porkab
Liwa, 20 November 2026
Kepada Yth.
Kepala Dinas Komunikasi, Informatika dan Statistik
di Liwa
Dengan hormat,
Kami mengundang Saudara pada rapat persiapan Pekan Olahraga Kabupaten yang akan dilaksanakan pada:
Tanggal
:
8 Desember 2026
Tempat
:
Aula GOR Liwa
Demikian undangan ini disampaikan.
Kepala Dinas Pemuda dan Olahraga,
ttd
FIRMANSYAH, S.Pd.
NIP. 19790101 200501 1 010
"""

CASES = {
    "pdf dinas kesehatan": (PDF_DINKES, dict(
        number="045/123/III.05/2026", subject="Permohonan Pemasangan Jaringan Internet di Aula Kantor",
        date=D(2026, 12, 3), agency="DINAS KESEHATAN", signer_name="dr. Nurcahyo Wibowo, M.Kes.",
        signer_nip="197805122005011003")),
    "docx kecamatan, table cells": (DOCX_KECAMATAN, dict(
        number="800/ 12 /KEC-BB/2026", subject="Permohonan Perbaikan Jaringan Internet Kantor Camat",
        date=D(2026, 12, 3), agency="KECAMATAN BALIK BUKIT", signer_name="SUPRIYADI, S.Sos",
        signer_nip="197508172003121004")),
    "ocr uptd puskesmas": (OCR_PUSKESMAS, dict(
        number="440/1123/PKM-LW/XI/2026", subject="Permohonan Akun SIMPUS untuk Petugas Baru",
        date=D(2026, 11, 25), agency="UPTD PUSKESMAS LIWA", signer_name="ERNAWATI, S.KM",
        signer_nip="198203042006042011")),
    "pdf rsud without pemerintah line": (PDF_RSUD, dict(
        number="445/ 88 /RSUD-AU/XII/2026", subject="Permohonan Penambahan Bandwidth Internet",
        date=D(2026, 12, 3), agency="RUMAH SAKIT UMUM DAERAH ALIMUDDIN UMAR",
        signer_name="dr. H. Andi Saputra, Sp.PD", signer_nip="197001011998031005")),
    "pdf sekretariat dprd": (PDF_DPRD, dict(
        number="B-12/DPRD/XII/2026", subject="Permohonan Live Streaming Rapat Paripurna",
        date=D(2026, 12, 1), agency="SEKRETARIAT DEWAN PERWAKILAN RAKYAT DAERAH",
        signer_name="Drs. MARZUKI, M.M.", signer_nip="196907071990031008")),
    "ocr badan, two-line name": (OCR_BAPPEDA, dict(
        number="050/ 211 /BAPPEDA/XI/2026", subject="Permohonan Pembuatan Subdomain Aplikasi",
        date=D(2026, 11, 30), agency="BADAN PERENCANAAN PEMBANGUNAN, PENELITIAN DAN PENGEMBANGAN DAERAH",
        signer_name="YULIANTO, S.T., M.Si.", signer_nip="198102122005011009")),
    "pdf undangan sekretariat daerah": (PDF_UNDANGAN_SETDA, dict(
        number="005/045/IV.02/2026", subject="Undangan Rapat Koordinasi Keamanan Informasi",
        date=D(2026, 12, 3), agency="SEKRETARIAT DAERAH", signer_name="Ir. AKMAL, M.T.",
        signer_nip="196805051993031010")),
    "pdf dinas pendidikan, numeric date": (PDF_DISDIK, dict(
        number="027/ 87 /II.09/2026", subject="Permohonan Jaringan Internet Sekolah",
        date=D(2026, 12, 3), agency="DINAS PENDIDIKAN DAN KEBUDAYAAN",
        signer_name="Hj. SITI AMINAH, S.Pd., M.Pd.", signer_nip="197203151997032002")),
    "no letterhead, no nip": (NO_LETTERHEAD, dict(
        number="140/ 07 /PK-WM/I/2026", subject="Permohonan Titik Wifi Pekon", date=D(2026, 1, 5),
        agency=None, signer_name="HASAN BASRI", signer_nip=None)),
    "docx date in the table's right cell": (DOCX_DATE_CELL, dict(
        number="470/ 356 /DISDUKCAPIL/2026", subject="Permohonan Akses VPN ke Server Data Kependudukan",
        date=D(2026, 10, 7), agency="DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL",
        signer_name="RUSLAN EFENDI, S.H.", signer_nip="197609212002121006")),
    "ocr merged columns": (OCR_MERGED_COLUMNS, dict(
        number="551/ 402 /DISHUB/XII/2026", subject="Permohonan Pemasangan CCTV", date=D(2026, 12, 3),
        agency="DINAS PERHUBUNGAN", signer_name="HERMAN SYAH, S.E., M.M.",
        signer_nip="197404041999031007")),
    "pdf layout columns": (PDF_LAYOUT_COLUMNS, dict(
        number="555/ 517 /IV.08/2026", subject="Pemberitahuan Pemeliharaan Jaringan Fiber Optik",
        date=D(2026, 10, 20), agency="DINAS KOMUNIKASI, INFORMATIKA DAN STATISTIK",
        signer_name="BUDI HARTONO, S.Kom., M.T.", signer_nip="198008082006041012")),
    "nota dinas": (NOTA_DINAS, dict(
        number="700/ 96 /ITDA/2026", subject="Permintaan Data Log Akses Aplikasi", date=D(2026, 10, 12),
        agency="INSPEKTORAT DAERAH", signer_name="Drs. SAHRIAL", signer_nip="196706061992031009")),
    "docx undangan": (DOCX_UNDANGAN, dict(
        number="800/ 1021 /BKPSDM/2026", subject="Undangan Sosialisasi Tanda Tangan Elektronik",
        date=D(2026, 12, 3), agency="BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA",
        signer_name="NOVI ANDRIANI, S.Sos., M.Si.", signer_nip="197902222003122003")),
    "ocr rotated then fixed": (OCR_ROTATED_FIXED, dict(
        number="660/ 214 /DLH/XI/2026", subject="Permohonan Hosting Aplikasi SIPANTAU",
        date=D(2026, 11, 18), agency="DINAS LINGKUNGAN HIDUP", signer_name="WAHYUDI, S.Hut., M.Si",
        signer_nip="198303032008011015")),
    "blank day: the body's date": (BLANK_DAY, dict(
        number="460/ /DINSOS/2026", subject="Permohonan Peminjaman Perangkat Video Conference",
        date=D(2026, 12, 16), agency="DINAS SOSIAL", signer_name="MUHAMMAD YUNUS, S.Sos.",
        signer_nip="197107071996031004")),
    "pekon under a kecamatan": (PDF_PEKON, dict(
        number="470/ 33 /KGM/2026", subject="Permohonan Perbaikan Website Pekon", date=D(2026, 12, 4),
        agency="PEKON KEGEMINGAN", signer_name="AHMAD DAHLAN", signer_nip=None)),
    "ocr merged letterhead, english month": (OCR_MERGED_LETTERHEAD, dict(
        number="556/ 144 /DISPAR/2026", subject="Permohonan Publikasi Festival Skala Brak",
        date=D(2026, 12, 2), agency="DINAS PARIWISATA", signer_name="TRI WIBOWO, S.E.",
        signer_nip="197809092005011011")),
    "staff nips in the body and the attachment": (PDF_WITH_STAFF, dict(
        number="900/ 778 /BPKAD/2026", subject="Permohonan Akun Email Dinas", date=D(2026, 9, 9),
        agency="BADAN PENGELOLAAN KEUANGAN DAN ASET DAERAH", signer_name="Drs. HENDRA KUSUMA, M.Ak.",
        signer_nip="197003031994031006")),
    "no greeting": (NO_GREETING, dict(
        number="500/ 612 /DISTAN/2026", subject="Permohonan Zoom Meeting", date=D(2026, 12, 15),
        agency="DINAS PERTANIAN", signer_name="Ir. SUKARDI", signer_nip="196601011991031012")),
    "assalamualaikum and wassalam": (PDF_KESBANGPOL, dict(
        number="200/ 145 /KESBANGPOL/VIII/2026",
        subject="Permohonan Dukungan Jaringan Internet Pelaksanaan Peringatan Hari Kemerdekaan",
        date=D(2026, 8, 14), agency="BADAN KESATUAN BANGSA DAN POLITIK",
        signer_name="H. ZULKIFLI, S.Ag., M.H.", signer_nip="197202021998031003")),
    "ocr lost colons, perihal value after a blank": (OCR_DISNAKER, dict(
        number="560/ 71 /DISNAKERTRANS/2026", subject="Permohonan Pelatihan Keamanan Siber",
        date=D(2026, 10, 29), agency="DINAS TENAGA KERJA DAN TRANSMIGRASI",
        signer_name="YUSUF EFENDI, S.E.", signer_nip="197505052000031004")),
    "plt with pangkat line": (PDF_PLT, dict(
        number="520/ 99 /DKP/2026", subject="Permohonan Update Data Website", date=D(2026, 11, 11),
        agency="DINAS KETAHANAN PANGAN", signer_name="MASHURI, S.P.", signer_nip="198004202005011007")),
    "docx two columns, sept": (DOCX_TWO_COLUMNS, dict(
        number="331/ 64 /SATPOLPP/2026", subject="Permohonan Radio Komunikasi", date=D(2026, 9, 21),
        agency="SATUAN POLISI PAMONG PRAJA", signer_name="ANTONI, S.H.", signer_nip="197707072000031006")),
    "docx unfilled number": (DOCX_UNFILLED_NUMBER, dict(
        number="041/ /DPK/2026", subject="Undangan Peluncuran Perpustakaan Digital", date=D(2026, 7, 1),
        agency="DINAS PERPUSTAKAAN DAN KEARSIPAN", signer_name="LESTARI, S.IP.",
        signer_nip="198508152010012013")),
    "kepada block above the fields": (PDF_ADDRESSEE_FIRST, dict(
        number="500/ 41 /DISKOP/2026", subject="Permohonan Pelatihan Website UMKM", date=D(2026, 2, 2),
        agency="DINAS KOPERASI, USAHA KECIL DAN MENENGAH", signer_name="SUTRISNO, S.E.",
        signer_nip="197002021996031001")),
    "ocr split lines": (OCR_SPLIT_LINES, dict(
        number="005/ 77 /KEC-SKC/2026", subject="Undangan Musyawarah Perencanaan Pembangunan",
        date=D(2026, 11, 30), agency="KECAMATAN SEKINCAU", signer_name="DRS. ALI IMRON",
        signer_nip="196801011990031011")),
    "docx event table": (DOCX_EVENT_TABLE, dict(
        number="426/ 210 /DISPORA/2026", subject="Undangan Rapat Persiapan Porkab", date=D(2026, 11, 20),
        agency="DINAS PEMUDA DAN OLAHRAGA", signer_name="FIRMANSYAH, S.Pd.",
        signer_nip="197901012005011010")),
}


@pytest.mark.parametrize("text, expected", CASES.values(), ids=CASES.keys())
def test_facts_of_letters(text, expected):
    facts = read_facts(text)
    assert {key: getattr(facts, key) for key in expected} == expected
    assert facts.is_letter()


# The body: from the greeting to the end of "Demikian …", without the signature or Tembusan.

@pytest.mark.parametrize("text, first, last, absent", [
    (PDF_DINKES, "Dengan hormat,", "terima kasih.", ["Kepala Dinas Kesehatan", "NIP", "Tembusan", "Yth"]),
    (DOCX_KECAMATAN, "Dengan hormat,", "atas perhatiannya diucapkan terima kasih.", ["Camat Balik Bukit,"]),
    (OCR_PUSKESMAS, "Dengan hormat,", "terima kasih.", ["Liwa, 25 Nov 2026", "ERNAWATI"]),
    (PDF_UNDANGAN_SETDA, "Dengan hormat,", "atas kehadirannya diucapkan terima kasih.",
     ["Liwa, 3 Des", "a.n. Bupati", "Tembusan"]),
    (OCR_MERGED_COLUMNS, "Dengan hormat, Bersama ini", "diucapkan terima kasih.",
     ["Kepala Dinas Perhubungan"]),
    (NOTA_DINAS, "Dalam rangka audit", "untuk dapat ditindaklanjuti.", ["Hal", "Inspektur Daerah,"]),
    (NO_GREETING, "Kami mohon disediakan", "tanggal 15 Desember 2026.", ["Hormat kami", "di Liwa"]),
    (PDF_KESBANGPOL, "Assalamu'alaikum Wr. Wb.", "Demikian permohonan ini kami sampaikan.",
     ["Wassalamu", "ZULKIFLI"]),
    (PDF_WITH_STAFF, "Dengan hormat,", "diucapkan terima kasih.", ["HENDRA", "DEDI IRAWAN"]),
    (OCR_ROTATED_FIXED, "Dengan horrnat,", "diucapkan terima kasih.", ["Liwa, 18 November", "WAHYUDI"]),
    (DOCX_EVENT_TABLE, "Dengan hormat,", "Demikian undangan ini disampaikan.", ["FIRMANSYAH"]),
    (OCR_SPLIT_LINES, "Dengan hormat,", "diucapkan terima kasih.", ["Sekincau, 30 November", "Camat"]),
])
def test_body(text, first, last, absent):
    body = read_facts(text).body
    assert body.startswith(first) and body.endswith(last), body
    for fragment in absent:
        assert fragment not in body


def test_body_keeps_what_the_staff_list_in_it_says():
    body = read_facts(PDF_WITH_STAFF).body
    assert "RINA MARLINA" in body and "Untuk koordinasi" in body


# Texts that are not letters: nothing invented, the whole text is the body.

EMAIL_BODY = """Selamat siang Pak,

Mohon bantuan, internet di ruang rapat lantai 2 mati sejak tadi pagi jam 08.00.
Sudah kami coba restart router tapi tetap tidak bisa. Rapat dimulai 3 Desember 2026
jam 13.00, jadi mohon segera ditangani.

No. HP yang bisa dihubungi: 0812 7788 9900

Terima kasih,
Budi Santoso
Staf Bagian Umum
Dinas Kesehatan Kab. Lampung Barat
"""

REPORT_TABLE = """LAPORAN GANGGUAN JARINGAN BULAN NOVEMBER 2026
No | Tanggal    | Lokasi                 | Gangguan            | Status
1  | 03-11-2026 | Puskesmas Liwa         | Internet putus      | Selesai
2  | 10-11-2026 | Kantor Camat Sekincau  | Wifi lambat         | Selesai
3  | 25-11-2026 | RSUD Alimuddin Umar    | Switch rusak        | Proses
Jumlah gangguan: 3
"""

# A photo read upside down (the page was not turned before OCR).
UPSIDE_DOWN_OCR = """“disiy "z
“we1odej reBegos) jereg Bundureg nedng "1
Z00 I £0S66T TOTOOZET ‘dIN
(9/AD epny ewreyn eurquieg
“ylsey BU) Ueydeonip eAuueneysad seye ‘ueyredures rwey uejrung
epeday -
9Z07 AON SC ‘REMIT 9Z0Z/AdNd/ ZT /008
JOWON
(8ZZ0) ‘dal z18p£ EMIT ‘nyesuapy AEM Teleg Bundurey qeywag uesojueyiag ya|dwoy
NVd WOW? NVVIADdd SVNIG
LVAVI ONNdNV'T NALVaNIVA HVINIYAWId
"""

SPREADSHEET_CELLS = """No
Nama
NIP
Jabatan
1
Dedi Irawan, S.Kom.
199105052019031002
Pranata Komputer
"""


@pytest.mark.parametrize("text", [EMAIL_BODY, REPORT_TABLE, SPREADSHEET_CELLS, UPSIDE_DOWN_OCR, "",
                                  "   \n\n  "])
def test_not_a_letter(text):
    facts = read_facts(text)
    assert not facts.is_letter()
    found = (facts.number, facts.subject, facts.date, facts.agency, facts.signer_name, facts.signer_nip)
    assert found == (None,) * 6
    assert facts.body == text.strip()


def test_is_letter_needs_a_number_or_a_subject():
    assert LetterFacts("1/2/2026", None, None, None, None, None, "").is_letter()
    assert LetterFacts(None, "Undangan", None, None, None, None, "").is_letter()
    assert not LetterFacts(None, None, D(2026, 1, 1), "DINAS SOSIAL", "X", "1" * 18, "x").is_letter()


# Small forms, one at a time.

@pytest.mark.parametrize("line, number", [
    ("Nomor : 045/123/III.05/2026", "045/123/III.05/2026"),
    ("Nomor : 800/ 12 /KEC-BB/2026", "800/ 12 /KEC-BB/2026"),
    ("Nomor : B-12/DPRD/XII/2026.", "B-12/DPRD/XII/2026"),
    ("Nomor : 440/1123/PKM-LW/XI/2026", "440/1123/PKM-LW/XI/2026"),
    ("No. 005/045/IV.02/2026", "005/045/IV.02/2026"),
    ("Nomor: 027/ 87 /II.09/2026", "027/ 87 /II.09/2026"),
    ("Nomer ; 045/123/III.05/2026", "045/123/III.05/2026"),
    ("N0mor 045/123/III.05/2026", "045/123/III.05/2026"),
    ("Nornor : 045/123/III.05/2026 ,", "045/123/III.05/2026"),
    ("NOMOR : 045 / 123 / III.05 / 2026", "045 / 123 / III.05 / 2026"),
    ("Nomor : 0 45/123/III.05/2026", "0 45/123/III.05/2026"),
    ("Nomor Surat : 045/123/III.05/2026", "045/123/III.05/2026"),
    ("Nomor : 045/123/III.05/2026    Liwa, 3 Desember 2026", "045/123/III.05/2026"),
    ("Nomor : 440/12/11/2026 Liwa, 1 Desember 2026", "440/12/11/2026"),
])
def test_number_forms(line, number):
    assert read_facts(line + "\nPerihal : Permohonan").number == number


@pytest.mark.parametrize("line", ["Nomor : -", "Nomor : 12", "Nomor tiket 4471", "No. HP: 0812 7788 9900",
                                  "Nota Dinas 045/12/2026", "Nopember 045/12/2026"])
def test_not_numbers(line):
    assert read_facts(line).number is None


@pytest.mark.parametrize("line, expected", [
    ("Liwa, 3 Desember 2026", D(2026, 12, 3)),
    ("Liwa, 03 Desember 2026", D(2026, 12, 3)),
    ("Liwa, 03-12-2026", D(2026, 12, 3)),
    ("Liwa, 3/12/2026", D(2026, 12, 3)),
    ("Liwa, 03.12.2026", D(2026, 12, 3)),
    ("Liwa, 25 Nov 2026", D(2026, 11, 25)),
    ("Liwa, 3 Des. 2026", D(2026, 12, 3)),
    ("Liwa, 3 December 2026", D(2026, 12, 3)),
    ("Liwa, 3 Desernber 2026", D(2026, 12, 3)),
    ("Liwa, 3 Dcsember 2026", D(2026, 12, 3)),
    ("Liwa, 3 0ktober 2026", D(2026, 10, 3)),
    ("Liwa, 17 Agt 2026", D(2026, 8, 17)),
    ("Liwa, 17 Agustus 2026", D(2026, 8, 17)),
    ("Liwa, 2 Pebruari 2026", D(2026, 2, 2)),
    ("Liwa, 2 Mei 2026", D(2026, 5, 2)),
    ("Liwa, 30 Juni 2026", D(2026, 6, 30)),
    ("Liwa, 30 Juli 2026", D(2026, 7, 30)),
    ("Bandar Lampung, 9 Maret 2026", D(2026, 3, 9)),
    ("Liwa, tanggal 9 Maret 2026", D(2026, 3, 9)),
    ("Liwa 9 Maret 2026", D(2026, 3, 9)),
    ("Tanggal : 9 Maret 2026", D(2026, 3, 9)),
    ("Liwa, 31 Februari 2026", None),
    ("Liwa, 3 Jumi 2026", None),
    ("Liwa, 3 dan 2026", None),
    ("Liwa,     Desember 2026", None),
])
def test_date_forms(line, expected):
    facts = read_facts(f"Nomor : 045/123/III.05/2026\nPerihal : Permohonan\n\n{line}\n")
    assert facts.date == expected


def test_the_place_date_line_wins_over_dates_in_the_subject_and_body():
    text = ("Nomor : 005/045/IV.02/2026\nHal : Undangan Rapat tanggal 10 Desember 2026\n\nDengan hormat,\n"
            "Rapat pada tanggal 10 Desember 2026.\nDemikian.\n\nLiwa, 1 Desember 2026\nKepala Dinas,\n")
    assert read_facts(text).date == D(2026, 12, 1)


def test_a_tanggal_field_wins_over_a_date_in_the_subject():
    text = "Nomor : 700/96/ITDA/2026\nHal : Rapat tanggal 20 Oktober 2026\nTanggal : 12 Oktober 2026\n"
    assert read_facts(text).date == D(2026, 10, 12)


def test_weekday_is_no_place():
    text = "Nomor : 005/045/IV.02/2026\nHal : Undangan\n\nKamis, 10 Desember 2026\nLiwa, 1 Desember 2026\n"
    assert read_facts(text).date == D(2026, 12, 1)


@pytest.mark.parametrize("line, subject", [
    ("Hal : Permohonan", "Permohonan"),
    ("Perihal: Permohonan Akun", "Permohonan Akun"),
    ("Perlhal ; Permohonan Akun", "Permohonan Akun"),
    ("Perihal Permohonan Akun", "Permohonan Akun"),
    ("Hal Undangan", "Undangan"),
    ("Perihal : Permohonan Akun Kepada", "Permohonan Akun"),
    ("Perihal : Permohonan Akun Yth. Kepala Dinas", "Permohonan Akun"),
    ("Perihal : Permohonan Akun        Kepala Dinas Kominfo", "Permohonan Akun"),
    ("Perihal : Permohonan Bantuan Kepada Korban Banjir", "Permohonan Bantuan Kepada Korban Banjir"),
    ("Perihal : -", None),
])
def test_subject_forms(line, subject):
    assert read_facts(line).subject == subject


def test_hal_in_a_sentence_is_no_subject():
    assert read_facts("Hal ini kami sampaikan karena jaringan putus.").subject is None


@pytest.mark.parametrize("line, nip", [
    ("NIP. 19780512 200501 1 003", "197805122005011003"),
    ("NIP 197805122005011003", "197805122005011003"),
    ("NIP : 19780512 200501 1 003", "197805122005011003"),
    ("Nip. 19780512  200501  1  003", "197805122005011003"),
    ("NlP. 19780512 2OO5O1 l OO3", "197805122005011003"),
    ("N I P. 19780512 200501 1 003", "197805122005011003"),
    ("NIP. 19780512 200501 1 00", None),
    ("NIP. 19780512 200501 1 0031", None),
    ("NIP. -", None),
])
def test_nip_forms(line, nip):
    text = f"Nomor : 1/2/2026\nHal : Permohonan\n\nDengan hormat,\nMohon.\n\nKepala Dinas,\n\nBUDI\n{line}\n"
    assert read_facts(text).signer_nip == nip


@pytest.mark.parametrize("kop, agency", [
    (["PEMERINTAH KABUPATEN LAMPUNG BARAT", "DINAS KESEHATAN", "Jalan Raden Intan No. 1"], "DINAS KESEHATAN"),
    (["PEMERINTAH KABUPATEN", "LAMPUNG BARAT", "DINAS SOSIAL", "Jl. Raden Intan"], "DINAS SOSIAL"),
    (["PEMERlNTAH KABUPATEN LAMPUNG BARAT", "DINAS SOSIAL Jalan Raden Intan No. 30 Liwa"], "DINAS SOSIAL"),
    (["PEMERINTAH KABUPATEN LAMPUNG BARAT", "DINAS PEKERJAAN UMUM DAN", "PENATAAN RUANG",
      "Komplek Perkantoran Pemkab"], "DINAS PEKERJAAN UMUM DAN PENATAAN RUANG"),
    (["PEMERINTAH KABUPATEN LAMPUNG BARAT", "DINAS PEMBERDAYAAN MASYARAKAT DAN", "PEKON",
      "Telp. (0728) 21000"], "DINAS PEMBERDAYAAN MASYARAKAT DAN PEKON"),
    (["PEMERINTAH KABUPATEN LAMPUNG BARAT", "UPTD PENGELOLAAN JALAN DAN JEMBATAN",
      "Jalan Raden Intan No. 2"], "UPTD PENGELOLAAN JALAN DAN JEMBATAN"),
    (["PEMERINTAH PROVINSI LAMPUNG", "DINAS KOMUNIKASI, INFORMATIKA DAN STATISTIK",
      "Jalan Wolter Monginsidi No. 69 Bandar Lampung"], "DINAS KOMUNIKASI, INFORMATIKA DAN STATISTIK"),
    (["DINAS KESEHATAN", "KABUPATEN LAMPUNG BARAT", "Jalan Raden Intan No. 1"], "DINAS KESEHATAN"),
    (["PEMERINTAH KABUPATEN LAMPUNG BARAT", "SEKRETARIAT DPRD", "Jl. Raden Intan"], "SEKRETARIAT DPRD"),
    (["SURAT PERMOHONAN"], None),
    (["UNDANGAN", "Jl. Raden Intan No. 1"], None),
    (["Liwa, 3 Desember 2026"], None),
])
def test_agency_forms(kop, agency):
    text = "\n".join(kop) + "\nNomor : 045/123/III.05/2026\nPerihal : Permohonan\n"
    assert read_facts(text).agency == agency


# Never raises, never backtracks catastrophically.

@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("Nomor:/ 0123456789PerihalKepadaYth,.-\n|DesemberLiwaNIP"))
               ) | st.text())
def test_any_text_is_read(text):
    facts = read_facts(text)
    assert isinstance(facts.body, str)
    assert facts.signer_nip is None or (len(facts.signer_nip) == 18 and facts.signer_nip.isdigit())


@settings(max_examples=200, deadline=None)
@given(st.sampled_from([text for text, _ in CASES.values()]), st.integers(0, 2500), st.integers(0, 200),
       st.text(max_size=40))
def test_damaged_letters_are_read(letter, at, cut, junk):
    """A letter with a piece cut out and junk put in (OCR's worst) still reads without error."""
    facts = read_facts(letter[:at] + junk + letter[at + cut:])
    assert facts.number is None or "/" in facts.number


ADVERSARIAL = [
    "Nomor " * 5000,
    "Nomor : " + "1/" * 5000 + "x",
    "Nomor : " + "a " * 10000,
    "Nomor : " + "0 " * 10000,
    "Perihal : " + "a " * 10000,
    "Perihal : Permohonan" + " Kepada" * 3000,
    "1 " * 10000,
    "12-" * 7000,
    "3 Desember " * 2000,
    "Liwa, " * 4000,
    "Kepada\n" * 3000,
    "Dengan hormat\n" * 1500,
    "Demikian\n" * 2000,
    "NIP " * 5000,
    "NIP. " + "1 " * 10000,
    "PEMERINTAH KABUPATEN\n" * 1000,
    "DINAS " * 4000,
    " " * 20000,
    "\n" * 20000,
    "Hal : x\n" * 2500,
    "Nomor : 1/2/2026\n" * 1000,
    (PDF_DINKES * 20)[:20000],
    (OCR_PUSKESMAS * 20)[:20000],
]


@pytest.mark.timeout(10)
@pytest.mark.parametrize("text", ADVERSARIAL, ids=range(len(ADVERSARIAL)))
def test_adversarial_text_is_read(text):
    """No pattern backtracks catastrophically on 20 KB of hostile text (a few milliseconds each;
    the timeout is only a generous sanity bound)."""
    assert isinstance(read_facts(text), LetterFacts)


# -- what layouts and OCR mix into the fields (general rules, pinned with wording of our own) -----

COLUMN_READ = """PEMERINTAH KABUPATEN LAMPUNG BARAT
DINAS PERHUBUNGAN
Jalan Raden Intan No. 40 Liwa, Kode Pos 34812

Nomor
Sifat
Lampiran
Perihal

Liwa, 2 Desember 2026

: 551/ 77 /X1.04/2026 Kepada

: Penting Yth. Kepala Dinas Komunikasi dan
- Informatika

: Permohonan Pemasangan Kabupaten Lampung Barat
Access Point Terminal di -
Liwa

Dengan hormat,
Mohon pemasangan access point di terminal penumpang.
"""


def test_a_field_block_read_column_by_column_is_put_back_together():
    facts = read_facts(COLUMN_READ, ocr=True)
    assert facts.number == "551/ 77 /XI.04/2026"
    assert facts.subject == "Permohonan Pemasangan Access Point Terminal"


@pytest.mark.parametrize("ocr_number, read", [
    ("005/12/X11/2026", "005/12/XII/2026"), ("1 556/ 144 /111.15/2026", "556/ 144 /III.15/2026"),
    ("027/ 431 /DPRD/XI/2026 Liwa, 27/11/2026", "027/ 431 /DPRD/XI/2026"),
])
def test_ocr_s_digits_in_a_roman_numeral_and_a_trailing_date_are_mended(ocr_number, read):
    assert read_facts(f"Nomor : {ocr_number}\nPerihal : Permohonan\n", ocr=True).number == read


def test_digits_of_a_text_layer_are_left_as_printed():
    assert read_facts("Nomor : 027/ 87 /11.09/2026\nPerihal : Permohonan\n").number == "027/ 87 /11.09/2026"
