"""Write the third blind reply set: new wording and new mail clients (clients3.py) answering
mailproc's real outgoing mails (requests/*.eml, the same mails the first two sets answer), and
labels.csv (what a person means by each reply).

    .venv/bin/python tests/data/replies_blind3/build.py

Written without reading the grammar's word lists (rules/), mailproc/decisions.py, replies.py,
guard.py or the tests; a label is what the person means, not what the code happens to do. The labels
were fixed before the first measurement. Deterministic, standard library only.
"""
from __future__ import annotations

import csv
import email
import re
import sys
from dataclasses import replace
from email import policy
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from clients3 import CLIENTS, Original, Reply  # noqa: E402
sys.path.insert(0, str(HERE.parent))
from reply_sets import CHAIN, status_after  # noqa: E402

PEOPLE = {
    **CHAIN,
    # look-alike domains and personal addresses of the same people
    "kadis_lookalike": ("Hujlianto Eka Putra", "kadis@lampungbarat-kab.go.id"),
    "kabid_lookalike": ("Rizal Effendi", "kabid.aptika@lampungbaratkab.co.id"),
    "pj_lookalike": ("dr. Nurcahyo Wibowo, M.Kes.", "kadis@diskes.lampungbaratkab.go.id.webmail-id.com"),
    "kadis_gmail": ("Hujlianto Eka Putra", "hujlianto.ekaputra@gmail.com"),
    "prakom_gmail": ("Dedi Kurniawan", "dedikurniawan.st88@gmail.com"),
    "pj_gmail": ("Nurcahyo Wibowo", "nurcahyo.wibowo76@gmail.com"),
}
SIGNATURES = {
    "kadis": "Hormat saya,\n\nHujlianto Eka Putra, S.H.\nKadis Kominfo Lampung Barat",
    "kabid": "Rizal Effendi, S.Kom.\nKepala Bidang Aplikasi Informatika\nDiskominfo Kab. Lampung Barat\nTelp. (0728) 21345 ext. 12",
    "prakom": "Wassalam,\nDedi K.\nPrakom - Infrastruktur TI",
    "rahmat": "Salam,\nRahmat H.\nTeknisi Jaringan\nWA 0813-6677-1020",
    "siti": "--\nSiti Nurhaliza, S.Kom.\nTeknisi Jaringan Diskominfo\nLokasi kantor: Jl. Teratai No. 03 Liwa",
    "pj": "Kepala Dinas Kesehatan\nKabupaten Lampung Barat\n\ndr. Nurcahyo Wibowo, M.Kes.",
}
# Forged threading: a made-up mailproc-like Message-ID (another hex) or a plain made-up one.
FORGED_MAILPROC = "<mailproc.JIP-2026-0001.{step}.0c1d2e3f405162738495a6b7c8d9eafb@lampungbaratkab.go.id>"
FORGED_OTHER = "<20261127093512.7F3A2C1D{n}@mail.lampungbaratkab.go.id>"

SPECS: list[dict] = []


def R(step: str, client: str, who: str, typed: str, kind: str, status: str | None = None, expect: str = "",
      note: str = "", answers: str | None = None, sig: bool = False, forge: str = "", **opts) -> None:
    if status is None:
        status = status_after(step, kind)
    SPECS.append(dict(step=step, client=client, who=who, typed=typed, kind=kind, status=status, expect=expect,
                      note=note, answers=answers or step, sig=sig, forge=forge, opts=opts))


# == Kepala Dinas ===================================================================================
R("kadis", "gmail_nested", "kadis", "Setuju, lanjutkan ke Kabid.", "approve",
  note="Gmail web id, nested: answers his own earlier 'saya pelajari dulu' (In-Reply-To is that reply)")
R("kadis", "o365_web", "kadis", "stuju", "approve", note="typo")
R("kadis", "outlook_desktop", "kadis", "Approved.", "approve", note="English")
R("kadis", "thunderbird_dmy", "kadis", "Setuju, silakan diproses.", "approve", bottom=True, note="bottom-posted")
R("kadis", "protonmail", "kadis", "Dengan ini saya menyetujui permohonan tersebut untuk ditindaklanjuti oleh Bidang "
  "Aplikasi Informatika sesuai dengan ketentuan yang berlaku.", "approve", sig=True, note="a polite long sentence")
R("kadis", "yahoo_android", "kadis", "tolak krn anggaran blm ada", "reject", expect="reason=anggaran",
  note="abbreviations, lower case")
R("kadis", "huawei", "kadis", "SETUJU 👍👍", "approve")
R("kadis", "blackberry", "kadis", "Please proceed.", "approve", note="English")
R("kadis", "mailspring", "kadis", "Rejected, out of scope. Jaringan internal RSUD dikelola vendor sendiri.", "reject",
  expect="reason=scope", note="English reject with a reason")
R("kadis", "roundcube_en", "kadis", "setujui", "approve", note="'setujui' (approve it), lower case")
R("kadis", "noprefix", "kadis", "Saya setuju. Mohon Kabid segera berkoordinasi dengan Kepala Puskesmas.", "approve",
  sig=True, note="original pasted without '>' prefixes")
R("kadis", "inline_html", "kadis", "Tunda dulu. Tunggu laporan resmi dari Kepala Puskesmas.", "hold",
  expect="reason=laporan", note="HTML only, inline styles")
R("kadis", "wlm_1252", "kadis", "“Setuju” – silakan diteruskan…", "approve",
  note="windows-1252 quoted-printable: curly quotes, en dash, ellipsis")
R("kadis", "alpine_latin1", "kadis", "Tidak keberatan, silakan dilanjutkan.", "approve", bottom=True,
  note="'no objection'; iso-8859-1, bottom-posted")
R("kadis", "mobile_b64", "kadis", "Ya, proses.", "approve", note="base64 bodies, no quote: threaded by headers only")
R("kadis", "o365_web", "kadis", "Saya tidak menyetujui permohonan ini karena jaringan Puskesmas dikelola pihak ketiga.",
  "reject", expect="reason=pihak ketiga", html_only=True, note="a negated approval word; HTML only")
R("kadis", "gmail_web", "kadis", "Ini sudah dikoordinasikan dengan Dinkes belum? Mohon info.", "unclear",
  note="a question")
R("kadis", "outlook_desktop", "kadis", "Terima kasih, sudah saya terima.", "acknowledged")
R("kadis", "huawei", "kadis", "SETUJU. SEGERA DITINDAKLANJUTI.", "approve", note="all caps")
R("kadis", "ooo_rfc3834", "kadis", "Yth. Bapak/Ibu,\n\nTerima kasih atas email Anda. Saya sedang menghadiri Rakornas di "
  "Jakarta sampai 4 Desember 2026 dengan akses email terbatas.", "auto",
  note="Auto-Submitted: auto-replied and Precedence: bulk")
R("kadis", "ooo_noheaders", "kadis", "I am out of the office until 7 December 2026 with limited access to email. "
  "For urgent matters please contact the Secretariat.", "auto", note="English, no automatic headers, subject Re:")
R("kadis", "o365_web", "kabid", "Setuju", "unauthorized", note="the Kabid answers the Kadis's request")
R("kadis", "gmail_web", "kadis_lookalike", "SETUJU", "unauthorized|outside", note="look-alike domain lampungbarat-kab.go.id")
R("kadis", "gmail_web", "kadis_gmail", "Setuju, lanjutkan", "unauthorized", note="the Kadis's personal Gmail")
R("kadis", "o365_web", "kadis", "Setuju", "unauthorized", forge="ZQ4T-8KXW",
  note="forged: made-up mailproc-like In-Reply-To, altered Kode balasan in the quote")
R("kadis", "mdn_thunderbird", "kadis", "", "auto", note="read receipt (RFC 8098 multipart/report)")

# == Kepala Bidang ====================================================================================
R("kabid", "o365_web", "kabid", "Ok, lanjut ke Prakom utk penugasan teknisi", "approve")
R("kabid", "thunderbird_dmy", "kabid", "TOLAK, BUKAN ASET PEMDA", "reject", expect="reason=aset", note="all caps")
R("kabid", "mailspring", "kabid", "On hold pending budget confirmation.", "hold", expect="reason=budget", note="English")
R("kabid", "protonmail", "kabid", "setuju, diteruskan ke prakom", "approve", note="lower case")
R("kabid", "gmail_nested", "kabid", "Sudah saya terima, terima kasih. Saya pelajari dulu.", "acknowledged|unclear",
  earlier="Sebentar, saya cek dulu jadwal teknisi.", note="received, not decided; nested quote")
R("kabid", "yahoo_android", "kabid", "Tunda, tunggu hasil survei lokasi oleh teknisi", "hold", expect="reason=survei")
R("kabid", "roundcube_en", "kabid", "Setuju.", "approve", bottom=True, sig=True, note="bottom-posted with a signature")
R("kabid", "blackberry", "kabid", "Ok proceed", "approve")
R("kabid", "noprefix", "kabid", "Tolak. Permohonan serupa sudah ditangani minggu lalu oleh vendor jaringan.", "reject",
  expect="reason=minggu lalu")
R("kabid", "wlm_1252", "kabid", "Siapa teknisi yang standby hari ini?", "unclear", note="a question")
R("kabid", "inline_html", "kabid", "Disetujui, mohon diprioritaskan karena layanan pasien terganggu.", "approve", sig=True)
R("kabid", "gmail_web", "kabid", "Setujui, segera tugaskan teknisi ke lokasi", "approve")
R("kabid", "ooo_xautoreply", "kabid", "Saya sedang cuti tahunan s.d. 8 Desember 2026. Pesan Anda akan saya tindak "
  "lanjuti setelah kembali.", "auto", note="only X-Autoreply: yes, subject Re:")
R("kabid", "huawei", "siti", "Setuju", "unauthorized", note="an officer answers the Kabid's request")
R("kabid", "thunderbird_dmy", "kabid", "Setuju, teruskan ke Prakom", "unauthorized", forge="B7XQ-2LMN",
  note="forged: made-up non-mailproc In-Reply-To, altered Kode balasan")
R("kabid", "o365_web", "kabid_lookalike", "Setuju", "unauthorized|outside", note="look-alike domain .co.id")
R("kabid", "mdn_outlook", "kabid", "", "auto", note="Outlook read receipt, Dibaca:")

# == Pranata Komputer ===================================================================================
R("prakom", "o365_web", "prakom", "TUGASKAN:\n1. Rahmat Hidayat\n2. Siti Nurhaliza", "assign",
  expect="officers=rahmat.hidayat,siti.nurhaliza", note="numbered list")
R("prakom", "gmail_web", "prakom", "Pak Rahmat tolong meluncur ke Puskesmas Liwa", "assign",
  expect="officers=rahmat.hidayat", note="by honorific and first name")
R("prakom", "huawei", "prakom", "mbak Siti ya yg berangkat", "assign", expect="officers=siti.nurhaliza",
  note="'mbak Siti', lower case")
R("prakom", "thunderbird_dmy", "prakom", "Tugaskan Agus Setiawan", "assign", expect="officers=agus.setiawan",
  bottom=True, note="bottom-posted")
R("prakom", "outlook_desktop", "prakom", "Assign to Agus and Siti, please.", "assign",
  expect="officers=agus.setiawan,siti.nurhaliza", note="English")
R("prakom", "protonmail", "prakom", "Tugaskan Rahmat Hidayat, A.Md. dan Siti Nurhaliza, S.Kom.", "assign",
  expect="officers=rahmat.hidayat,siti.nurhaliza", note="full names with titles (commas inside)")
R("prakom", "yahoo_android", "prakom", "rahmat sama agus", "assign", expect="officers=rahmat.hidayat,agus.setiawan",
  note="'sama' (and), lower case, no keyword")
R("prakom", "mailspring", "prakom", "Tugaskan NIP 199408232020122015", "assign", expect="officers=siti.nurhaliza",
  note="by NIP")
R("prakom", "roundcube_en", "prakom", "1) Siti\n2) Agus\nMohon segera ke lokasi.", "assign",
  expect="officers=siti.nurhaliza,agus.setiawan", note="numbered first names, no keyword")
R("prakom", "blackberry", "prakom", "Mas Agus dibantu Pak Rahmat", "assign", expect="officers=agus.setiawan,rahmat.hidayat",
  note="'dibantu' (helped by)")
R("prakom", "noprefix", "prakom", "TUGASKAN Budi Santoso", "assign", status="awaiting_prakom", expect="unknown=Budi",
  note="an unknown officer")
R("prakom", "inline_html", "prakom", "Pending dulu, tunggu kabel FO dari gudang", "hold", expect="reason=FO")
R("prakom", "wlm_1252", "prakom", "SETUJU", "needs_assignee", status="awaiting_prakom", note="approval without a name")
R("prakom", "alpine_latin1", "prakom", "Siap, sudah saya terima. Terima kasih.", "acknowledged")
R("prakom", "mobile_b64", "prakom", "Tugaskan Rahmat & Siti", "assign", expect="officers=rahmat.hidayat,siti.nurhaliza",
  note="base64, no quote")
R("prakom", "o365_web", "prakom", "Yang kosong hari ini siapa ya? Pak Rahmat masih di Sekincau.", "unclear",
  html_only=True, note="a question naming an officer")
R("prakom", "gmail_nested", "prakom", "Tugaskan Siti Nurhaliza 🙏", "assign", expect="officers=siti.nurhaliza",
  earlier="Saya cek dulu siapa yang standby.", note="nested quote")
R("prakom", "ooo_precedence", "prakom", "Terima kasih. Saya sedang dinas luar ke Way Tenong s.d. 3 Des 2026.", "auto",
  note="only Precedence: bulk")
R("prakom", "huawei", "agus", "Tugaskan Agus", "unauthorized", note="an officer answers the Prakom's request")
R("prakom", "gmail_web", "prakom_gmail", "Tugaskan Siti", "unauthorized", note="the Prakom's personal Gmail")

# == Officers' work order (Rahmat and Siti assigned) =======================================================
R("officer", "o365_web", "rahmat", "SELESAI\nLokasi: Ruang server Puskesmas Liwa\nRingkasan Masalah: modem ONT hang "
  "karena overheat\nRingkasan Pekerjaan: restart ONT dan pasang kipas tambahan\nAlternatif Solusi: pindahkan ONT ke rak "
  "berventilasi", "done", expect="report.location=Ruang server; report.solution=ventilasi; report.work_summary=kipas",
  note="fields in another order")
R("officer", "thunderbird_dmy", "rahmat", "Selesai.\n\nRingkasan Pekerjaan = ganti kabel UTP dari switch ke router\n"
  "Ringkasan Masalah = kabel UTP digigit tikus\nAlternatif Solusi = pasang conduit\nLokasi = Gudang belakang Puskesmas Liwa",
  "done", bottom=True, expect="report.location=Gudang belakang; report.problem_summary=tikus",
  note="'=' separators, bottom-posted")
R("officer", "alpine_latin1", "siti", "SELESAI\nRingkasan Pekerjaan: memasang exhaust fan di ruang server\n"
  "Ringkasan Masalah: suhu ruang server ±38°C sehingga switch hang\nAlternatif Solusi: AC ruang server perlu diservis rutin\n"
  "Lokasi: Ruang server Puskesmas Liwa", "done", expect="report.problem_summary=38°C; report.location=Ruang server",
  note="iso-8859-1 quoted-printable (° and ±)")
R("officer", "huawei", "rahmat", "Sudah selesai pak 🙏\nRingkasan Pekerjaan - konfigurasi ulang router MikroTik\n"
  "Ringkasan Masalah - konfigurasi DHCP terhapus setelah listrik padam\nAlternatif Solusi - pasang UPS untuk router\n"
  "Lokasi - Ruang TU Puskesmas Liwa", "done", expect="report.location=Ruang TU; report.work_summary=MikroTik",
  note="dash separators")
R("officer", "protonmail", "siti", "Done.\nWork: replaced the faulty PoE injector\nProblem: PoE injector burnt out\n"
  "Solution: keep a spare injector\nLocation: Puskesmas Liwa, ruang pendaftaran", "done",
  expect="report.location=pendaftaran; report.solution=spare", note="English labels")
R("officer", "mailspring", "rahmat", "Pekerjaan sudah selesai pak. Tadi kabel uplink di ruang server diganti karena "
  "konektornya korosi, ke depan sebaiknya konektor dicek tiap tahun. Sekarang internet Puskesmas Liwa sudah normal.",
  "done", status="in_progress", note="a narrative without the four parts: the desk should ask for them")
R("officer", "yahoo_android", "rahmat", "TUNDA, menunggu ONT pengganti dari Telkom", "hold", expect="reason=ONT")
R("officer", "blackberry", "siti", "Selesai\n\nLokasi : Puskesmas Liwa ruang farmasi\nPekerjaan : ganti switch 16 port\n"
  "Masalah : switch mati kena petir\nSaran : pasang grounding & arrester", "done",
  expect="report.location=farmasi; report.solution=grounding", note="short labels, 'Saran' for Alternatif Solusi")
R("officer", "roundcube_en", "rahmat", "SELESAI\n1. Ringkasan Pekerjaan: tarik kabel baru 30 m\n2. Ringkasan Masalah: "
  "kabel lama putus terkena galian\n3. Alternatif Solusi: tanam kabel dalam pipa\n4. Lokasi: halaman depan Puskesmas Liwa",
  "done", bottom=True, sig=True, expect="report.location=halaman depan; report.location!=0813",
  note="numbered fields, bottom-posted, signature")
R("officer", "noprefix", "rahmat", "SELESAI\nRingkasan Pekerjaan: reset dan setting ulang access point\nRingkasan "
  "Masalah: password AP diganti pihak lain\nAlternatif Solusi: ganti password admin secara berkala\nLokasi: Aula "
  "Puskesmas Liwa", "done", expect="report.location=Aula; report.location!=Yth; report.location!=Nomor tiket",
  note="the unprefixed original right under the report")
R("officer", "inline_html", "siti", "SELESAI\nRingkasan Pekerjaan: mengganti patch panel\nRingkasan Masalah: port patch "
  "panel rusak\nAlternatif Solusi: labeli kabel di rak\nLokasi: Ruang rekam medis Puskesmas Liwa", "done", sig=True,
  expect="report.location=rekam medis; report.location!=Teratai", note="HTML only, inline styles, signature")
R("officer", "wlm_1252", "rahmat", "SELESAI\nRingkasan Pekerjaan: ganti adaptor 12V switch\nRingkasan Masalah: adaptor "
  "“soak”\nAlternatif Solusi: sediakan adaptor cadangan\nLokasi: Ruang server – Puskesmas Liwa", "done",
  expect="report.problem_summary=soak; report.location=Puskesmas Liwa", note="windows-1252")
R("officer", "mobile_b64", "siti", "SELESAI\nRingkasan Pekerjaan: crimping ulang konektor\nRingkasan Masalah: konektor "
  "longgar\nAlternatif Solusi: gunakan boot konektor\nLokasi: Ruang pendaftaran Puskesmas Liwa", "done",
  expect="report.location=pendaftaran", note="base64, no quote")
R("officer", "gmail_nested", "rahmat", "Siap pak, sudah saya terima. Meluncur ke lokasi sekarang.", "acknowledged",
  earlier="Izin pak, saya cek dulu alatnya.", note="on the way: not a report")
R("officer", "o365_web", "siti", "Masih dikerjakan bu, kabel baru sedang ditarik. Kemungkinan selesai besok.",
  "unclear|acknowledged", note="a progress note with 'selesai' in it")
R("officer", "gmail_web", "rahmat", "SELESAI\nRingkasan Pekerjaan: ganti konektor RJ45\nLokasi: Puskesmas Liwa", "done",
  status="in_progress", expect="missing=problem_summary,solution", note="two of the four parts")
R("officer", "gmail_web", "rahmat", "SELESAI; Pekerjaan: ganti switch; Masalah: switch rusak; Solusi: pasang "
  "stabilizer; Lokasi: Puskesmas Liwa", "done", expect="report.location=Puskesmas Liwa; report.solution=stabilizer",
  note="all four parts on one line, ';' separated")
R("officer", "ooo_o365", "siti", "Terima kasih atas pesan Anda. Saya sedang cuti sampai 2 Desember 2026 dan akan "
  "membalas setelah kembali.", "auto", note="Exchange automatic reply, HTML")
R("officer", "ooo_noheaders_quote", "rahmat", "Saya sedang tidak di kantor sampai 2 Desember 2026. Pesan Anda akan "
  "saya baca setelah kembali.", "auto", note="no automatic headers, the original appended under the notice")
R("officer", "protonmail", "agus", "Sudah saya kerjakan pak, SELESAI\nRingkasan Pekerjaan: ganti kabel\nRingkasan "
  "Masalah: kabel putus\nAlternatif Solusi: -\nLokasi: Puskesmas Liwa", "unauthorized", note="an officer not assigned")
R("officer", "huawei", "rahmat", "SELESAI\nRingkasan Pekerjaan: ganti kabel\nRingkasan Masalah: kabel putus\n"
  "Alternatif Solusi: pasang pelindung\nLokasi: Puskesmas Liwa", "unauthorized", forge="P9RT-4WVE",
  note="forged: made-up mailproc-like In-Reply-To, altered Kode balasan")

# == Hold notice, held at the officers' step by Rahmat =====================================================
R("resume", "o365_web", "rahmat", "Switch pengganti sudah tiba, mohon dilanjutkan.", "resume")
R("resume", "huawei", "rahmat", "lanjutkan ya", "resume", note="lower case")
R("resume", "protonmail", "rahmat", "OK, please proceed. The device arrived this morning.", "resume", note="English")
R("resume", "thunderbird_dmy", "prakom", "Perangkat sudah ada, silakan dikerjakan lagi.", "resume", bottom=True,
  note="the Prakom (in Cc), bottom-posted")
R("resume", "yahoo_android", "rahmat", "Belum pak, barangnya masih di ekspedisi", "hold|unclear|acknowledged",
  note="still waiting: stays on hold")
R("resume", "wlm_1252", "rahmat", "LANJUT – barang sudah dipasang", "resume")
R("resume", "mailspring", "agus", "LANJUTKAN", "unauthorized", note="an officer not on the ticket")
R("resume", "ooo_xautoreply", "rahmat", "Saya sedang cuti sampai 3 Desember 2026.", "auto", note="only X-Autoreply")

# == Hold notice, held by the Kadis at his step ============================================================
R("resume_kadis", "outlook_desktop", "kadis", "Anggaran perubahan sudah disahkan DPRD, silakan dilanjutkan.", "resume",
  sig=True)
R("resume_kadis", "gmail_nested", "kadis", "Please continue.", "resume", earlier="Tunggu kabar dari BPKD dulu.",
  note="English, nested quote")
R("resume_kadis", "blackberry", "kadis", "LANJUT", "resume")
R("resume_kadis", "roundcube_en", "kadis", "Tetap ditunda dulu sampai APBD 2027.", "hold|unclear|acknowledged",
  note="stays on hold")
R("resume_kadis", "o365_web", "kabid", "Lanjutkan", "unauthorized", note="the Kabid resumes the Kadis's hold")

# == Berita Acara cover note to the PJ ======================================================================
R("pj", "o365_web", "pj", "Sangat puas, terima kasih atas respon cepatnya.", "rate", expect="rating=5",
  note="'sangat puas' is 5 on the mail's own scale")
R("pj", "gmail_nested", "pj", "Lima. Petugas ramah dan cepat.", "rate", expect="rating=5",
  earlier="Terima kasih, BA sedang kami periksa.", note="the number as a word, nested quote")
R("pj", "huawei", "pj", "4 bintang, tp datangnya agak siang", "rate", expect="rating=4")
R("pj", "thunderbird_dmy", "pj", "NILAI 5", "rate", expect="rating=5", bottom=True, note="bottom-posted")
R("pj", "protonmail", "pj", "Excellent service, 5/5", "rate", expect="rating=5", note="English")
R("pj", "mailspring", "pj", "Masih sama pak, P-Care belum bisa diakses dari ruang poli.", "reopen",
  expect="reason=P-Care")
R("pj", "yahoo_android", "pj", "internet sudah nyala tp sore tadi mati lagi", "reopen", expect="reason=mati lagi",
  note="lower case")
R("pj", "blackberry", "pj", "Still not working in the pharmacy.", "reopen", expect="reason=pharmacy", note="English")
R("pj", "roundcube_en", "pj", "★★★★☆ cukup memuaskan", "rate", expect="rating=4", note="four of five stars")
R("pj", "noprefix", "pj", "Saya beri nilai 3 karena petugas datang terlambat.", "rate", expect="rating=3", sig=True)
R("pj", "inline_html", "pj", "BELUM SELESAI, printer jaringan di loket pendaftaran belum bisa mencetak", "reopen",
  expect="reason=printer")
R("pj", "wlm_1252", "pj", "Kurang puas – nilai 2", "rate", expect="rating=2")
R("pj", "alpine_latin1", "pj", "BA sudah kami terima, terima kasih.", "acknowledged")
R("pj", "mobile_b64", "pj", "Apakah BA ini perlu ditandatangani basah dan dikirim balik?", "unclear", note="a question")
R("pj", "ooo_rfc3834", "pj", "Terima kasih. Saya sedang mengikuti pelatihan di Bandar Lampung sampai 5 Desember 2026.",
  "auto")
R("pj", "gmail_web", "pj_gmail", "Nilai 5", "unauthorized", note="the PJ's personal Gmail")
R("pj", "outlook_desktop", "requester", "Nilai 5, terima kasih", "outside|unauthorized",
  note="the requester's mailbox, not the PJ")
R("pj", "gmail_web", "pj_lookalike", "NILAI 5", "unauthorized|outside", note="look-alike domain")
R("pj", "mdn_outlook", "pj", "", "auto", note="Outlook read receipt")
R("pj", "o365_web", "pj", "NILAI 5", "unauthorized", forge="K3MD-7QZA",
  note="forged: made-up non-mailproc In-Reply-To, altered Kode balasan")

TOKEN = re.compile(r"\b[A-Z0-9]{4}-[A-Z0-9]{4}\b|JIP-\d{4}-\d{4}")


def check_tokens(raw: bytes, name: str) -> None:
    """Every token a reply's text carries must stand whole in its raw bytes (the evaluator rewrites it there)."""
    msg = email.message_from_bytes(raw, policy=policy.default)
    wire = raw.decode("latin-1")
    for part in msg.walk():
        if part.get_content_maintype() == "text":
            for token in set(TOKEN.findall(part.get_content())):
                if token not in wire:
                    raise SystemExit(f"{name}: token {token} is not whole in the raw message")


def main() -> None:
    originals = {p.stem: Original.load(p) for p in sorted((HERE / "requests").glob("*.eml"))}
    for old in HERE.glob("*.eml"):
        old.unlink()
    counters: dict[str, int] = {}
    rows = []
    forged = 0
    for spec in SPECS:
        step = spec["step"]
        counters[step] = counters.get(step, 0) + 1
        name = f"{step}_{counters[step]:02d}_{spec['client']}.eml"
        display, address = PEOPLE[spec["who"]]
        signature = SIGNATURES.get(spec["who"], "") if spec["sig"] else ""
        original = originals[spec["answers"]]
        reply = Reply(name=display, address=address, typed=spec["typed"], signature=signature, **spec["opts"])
        if spec["forge"]:
            forged += 1
            request_step = original.message_id.split(".")[2]
            fake = (FORGED_MAILPROC.format(step=request_step) if forged % 2 else FORGED_OTHER.format(n=forged))
            original = original.forged(spec["forge"], fake)
            reply = replace(reply, references=[fake])
        raw = CLIENTS[spec["client"]](original, reply, name)
        check_tokens(raw, name)
        (HERE / name).write_bytes(raw)
        rows.append([name, step, spec["kind"], spec["status"], spec["expect"], spec["note"]])
    with open(HERE / "labels.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["file", "step", "kind", "status", "expect", "note"])
        w.writerows(rows)
    print(f"{len(rows)} replies written")


if __name__ == "__main__":
    main()
