"""Write the blind reply set: replies to mailproc's real outgoing mails (requests/*.eml), the way
officials' mail clients write them, and labels.csv (what a person means by each reply).

    .venv/bin/python tests/data/replies_blind/build.py

requests/ holds the mails mailproc really sent (taken from the outbox): the disposition requests
to the Kadis, Kabid and Pranata Komputer, the officers' work order, two hold notices and the
Berita Acara cover note to the PJ. The replies were written without looking at the grammar's word
lists; a label is the reader's job as a person would do it, not what the code happens to do.
"""
from __future__ import annotations

import csv
import email
import sys
from email import policy
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from clients import CLIENTS, Reply  # noqa: E402
sys.path.insert(0, str(HERE.parent))
from reply_sets import CHAIN, status_after  # noqa: E402

PEOPLE = {
    **CHAIN,
    "kadis_gmail": ("Hujlianto Eka Putra", "hujlianto.ep@gmail.com"),
    "prakom_yahoo": ("Dedi Kurniawan", "dedi.kurniawan88@yahoo.com"),
    "pj_gmail": ("dr. Nurcahyo Wibowo, M.Kes.", "nurcahyo.wibowo@gmail.com"),
}
SIGNATURES = {
    "kadis": "Hujlianto Eka Putra, S.H.\nKepala Dinas Komunikasi dan Informatika\nKabupaten Lampung Barat\nNIP. 19710924 199803 1 005",
    "kabid": "Salam,\nRizal Effendi, S.Kom.\nKabid Aplikasi Informatika\nNIP 198003152006041012",
    "prakom": "Dedi Kurniawan, S.T.\nPranata Komputer Ahli Muda\nDiskominfo Lampung Barat\nHP 0812-7261-4410",
    "rahmat": "Rahmat Hidayat, A.Md.\nTeknisi Jaringan - Diskominfo Lampung Barat\nNIP 199205142019031007",
    "siti": "Siti Nurhaliza, S.Kom.\nService Desk Aptika",
    "pj": "dr. Nurcahyo Wibowo, M.Kes.\nKepala Dinas Kesehatan Kab. Lampung Barat\nNIP 19760214 200501 1 009",
}
FORGED_ID = "<mailproc.JIP-2026-0001.{step}.00112233445566778899aabbccddeeff@lampungbaratkab.go.id>"

REPORT = ("SELESAI\nRingkasan Pekerjaan: Mengganti konektor RJ45 pada kabel uplink dan menguji koneksi ke semua PC\n"
          "Ringkasan Masalah: Konektor RJ45 kabel uplink ke switch lantai 1 rusak karena korosi\n"
          "Alternatif Solusi: Memasang pelindung kabel dan merapikan jalur kabel\n"
          "Lokasi: Ruang server Puskesmas Liwa")

SPECS: list[dict] = []


def R(step: str, client: str, who: str, typed: str, kind: str, status: str | None = None, expect: str = "",
      note: str = "", answers: str | None = None, sig: bool = False, **opts) -> None:
    if status is None:
        status = status_after(step, kind)
    SPECS.append(dict(step=step, client=client, who=who, typed=typed, kind=kind, status=status, expect=expect,
                      note=note, answers=answers or step, sig=sig, opts=opts))


# == Kepala Dinas: disposition request ============================================================
R("kadis", "gmail_id", "kadis", "Setuju", "approve")
R("kadis", "gmail_android", "kadis", "ok lanjut", "approve")
R("kadis", "iphone_id", "kadis", "ACC", "approve")
R("kadis", "outlook_id", "kadis", "Disetujui untuk ditindaklanjuti.", "approve", sig=True)
R("kadis", "outlook_en", "kadis", "Approved, please proceed.", "approve")
R("kadis", "zimbra_id", "kadis", "Setuju, teruskan ke Kabid Aptika untuk segera ditangani.", "approve", sig=True)
R("kadis", "yahoo_android", "kadis", "Lanjutkan", "approve")
R("kadis", "thunderbird_id", "kadis", "Disposisi ke Kabid Aptika. Tolong dikawal sampai selesai.", "approve",
  note="Tolong is not TOLAK; selesai in passing")
R("kadis", "outlook_web", "kadis", "Silakan diproses sesuai SOP", "approve")
R("kadis", "samsung", "kadis", "Setuju pak", "approve")
R("kadis", "gmail_id", "kadis", "Setuju, segera ditindaklanjuti", "approve", bottom=True, note="bottom-posted")
R("kadis", "roundcube", "kadis", "oke, proses", "approve")
R("kadis", "gmail_id", "kadis", "SETUJU.\n\nMohon diprioritaskan karena menyangkut layanan puskesmas.", "approve")
R("kadis", "outlook_web", "kadis", "Setuju", "approve", html_only=True, note="HTML-only, divRplyFwdMsg")
R("kadis", "gmail_en", "kadis", "tidak setuju karena sudah ada anggaran sendiri di Dinkes untuk pengadaan jaringan",
  "reject", expect="reason=anggaran")
R("kadis", "outlook_id_subjek", "kadis", "Belum dapat disetujui, mohon dilengkapi surat permohonan resmi dari Kepala Dinas.",
  "reject", expect="reason=surat permohonan", sig=True)
R("kadis", "iphone_id", "kadis", "Tolak. Bukan kewenangan Diskominfo, silakan ke vendor", "reject", expect="reason=kewenangan")
R("kadis", "zimbra_en", "kadis", "Ditolak, permohonan ini duplikat dengan tiket minggu lalu.", "reject", expect="reason=duplikat")
R("kadis", "gmail_android", "kadis", "TUNDA dulu, anggaran belum ada", "hold", expect="reason=anggaran")
R("kadis", "outlook_android_id", "kadis", "Setuju tapi tunda dulu sampai ada kepastian lokasi", "hold",
  expect="reason=lokasi")
R("kadis", "thunderbird_id", "kadis", "Ditunda dulu sampai APBD perubahan disahkan.", "hold", expect="reason=APBD")
R("kadis", "yahoo_id", "kadis", "Jangan diproses dulu, tunggu rapat pimpinan hari Senin.", "hold",
  note="a hold without the word TUNDA")
R("kadis", "gmail_id", "kadis", "Siap, terima kasih", "acknowledged")
R("kadis", "iphone_id", "kadis", "Terima kasih infonya", "acknowledged")
R("kadis", "outlook_id", "kadis", "Saya pelajari dulu ya.", "unclear")
R("kadis", "gmail_id", "kadis", "", "unclear", note="nothing typed, only the quote")
R("kadis", "outlook_web", "kadis", "", "unclear", html_only=True, note="nothing typed, HTML-only")
R("kadis", "gmail_en", "kadis", "?", "unclear")
R("kadis", "gmail_id", "kadis", "Setuju. Tapi tolong koordinasikan dulu dengan Dinkes soal jadwal.", "approve")
R("kadis", "outlook_en", "kadis", "OK, go ahead.", "approve")
R("kadis", "iphone_en", "kadis", "Not approved. This should go through the Dinkes budget.", "reject", expect="reason=budget")
R("kadis", "gmail_id", "kadis", "Acc lanjut", "approve", sig=True)
R("kadis", "gmail_id", "kadis", "Setuju\n\nNB: kalau bisa jangan sampai ditunda-tunda, kasihan pasien.", "approve",
  note="a negated hold word is no hold")
R("kadis", "ooo_exchange", "kadis", "Terima kasih atas email Anda. Saya sedang dinas luar sampai 2 Desember 2026.\n"
  "Untuk hal yang mendesak silakan hubungi Sekretaris Dinas.", "auto")
R("kadis", "ooo_plain", "kadis", "Terima kasih atas email Bapak/Ibu. Saya sedang cuti hingga 4 Desember 2026 dan akan "
  "membalas setelah kembali ke kantor.", "auto", note="no RFC 3834 headers")
R("kadis", "bare", "kadis_gmail", "Setuju", "unauthorized", note="the Kadis's name on a gmail address",
  thread=False, subject="Re: [JIP-2026-0001] Mohon disposisi: Internet Puskesmas Liwa mati total")
R("kadis", "bare", "kadis", "SETUJU", "unauthorized", note="forged token in References, no quote",
  references=[FORGED_ID.format(step="kadis")])
R("kadis", "gmail_id", "kabid", "Setuju", "unauthorized", note="the Kabid answers the Kadis's request")
R("kadis", "gmail_id", "requester", "SETUJU", "outside", note="the requester answers a forwarded Kadis request")
R("kadis", "ooo_exchange", "kadis", "Balasan otomatis: saya sedang mengikuti rapat koordinasi di Bandar Lampung "
  "sampai Selasa, 1 Desember 2026.", "auto")

# == Kepala Bidang ====================================================================================
R("kabid", "gmail_id", "kabid", "Setuju, diteruskan ke Prakom", "approve")
R("kabid", "outlook_id", "kabid", "Lanjut ke pak Dedi untuk penugasan petugas.", "approve", sig=True)
R("kabid", "zimbra_id", "kabid", "ACC, mohon dikawal.", "approve")
R("kabid", "iphone_id", "kabid", "Ok lanjutkan", "approve")
R("kabid", "thunderbird_en", "kabid", "Approved.", "approve", sig=True)
R("kabid", "gmail_android", "kabid", "Tugaskan Rahmat", "approve", note="a TUGASKAN from the Kabid forwards")
R("kabid", "outlook_web", "kabid", "Setuju, agar ditangani hari ini juga", "approve")
R("kabid", "yahoo_id", "kabid", "siap lanjut", "approve")
R("kabid", "roundcube", "kabid", "Setuju.", "approve", bottom=True)
R("kabid", "zimbra_prefixed", "kabid", "Setuju", "approve", note="Zimbra quoting with >")
R("kabid", "thunderbird_id", "kabid", "Setuju, lanjutkan", "approve", html_only=True)
R("kabid", "outlook_id", "kabid", "Disetujui", "approve", sig=True)
R("kabid", "gmail_en", "kabid", "Tolak, permintaan ini sudah ditangani oleh vendor pihak ketiga.", "reject",
  expect="reason=vendor")
R("kabid", "outlook_en", "kabid", "Tidak bisa kita tangani, lokasinya di luar jangkauan jaringan intra.", "reject",
  note="a refusal without TOLAK")
R("kabid", "iphone_id", "kabid", "Tunda, menunggu switch core datang minggu depan", "hold", expect="reason=switch")
R("kabid", "outlook_android", "kabid", "PENDING dulu ya, tim sedang fokus ke gangguan di RSUD", "hold")
R("kabid", "gmail_id", "kabid", "Baik pak", "acknowledged")
R("kabid", "samsung", "kabid", "Mohon info lebih lanjut, titik yang mati di ruangan mana saja?", "unclear")
R("kabid", "ooo_gmail", "kabid", "Mohon maaf, saya sedang mengikuti Diklat PIM sampai 4 Desember 2026 dan akses email "
  "terbatas.", "auto")
R("kabid", "ooo_plain_en", "kabid", "I am out of the office until Monday, November 30, with limited access to email.",
  "auto", note="no RFC 3834 headers")
R("kabid", "gmail_id", "kadis", "Setuju", "unauthorized", answers="kadis",
  note="the Kadis answers his own request again after approving")
R("kabid", "bare", "kabid", "Setuju, lanjutkan", "unauthorized", note="forged token in References, no quote",
  references=[FORGED_ID.format(step="kabid")])

# == Pranata Komputer ===================================================================================
R("prakom", "gmail_id", "prakom", "Tugaskan pak Rahmat dan bu Siti", "assign", expect="officers=rahmat.hidayat,siti.nurhaliza")
R("prakom", "outlook_id", "prakom", "Mohon ditangani oleh Agus Setiawan", "assign", expect="officers=agus.setiawan")
R("prakom", "zimbra_id", "prakom", "TUGASKAN Rahmat Hidayat, A.Md.", "assign", expect="officers=rahmat.hidayat", sig=True)
R("prakom", "iphone_id", "prakom", "Rahmat meluncur ke lokasi", "assign", expect="officers=rahmat.hidayat")
R("prakom", "gmail_android", "prakom", "Tugaskan Siti", "assign", expect="officers=siti.nurhaliza")
R("prakom", "outlook_en", "prakom", "Assign to Agus Setiawan and Rahmat Hidayat", "assign",
  expect="officers=agus.setiawan,rahmat.hidayat")
R("prakom", "thunderbird_id", "prakom", "Tugaskan 199205142019031007", "assign", expect="officers=rahmat.hidayat")
R("prakom", "roundcube", "prakom", "tugaskan siti.nurhaliza@lampungbaratkab.go.id", "assign", expect="officers=siti.nurhaliza")
R("prakom", "yahoo_id", "prakom", "Tugaskan Rahmat, Siti, dan Agus", "assign",
  expect="officers=rahmat.hidayat,siti.nurhaliza,agus.setiawan")
R("prakom", "outlook_web", "prakom", "Tugaskan:\n- Rahmat Hidayat\n- Agus Setiawan", "assign",
  expect="officers=rahmat.hidayat,agus.setiawan", html_only=True,
  typed_html='<div style="font-family: Calibri, Arial, Helvetica, sans-serif; font-size: 12pt;">Tugaskan:</div>'
             '<ul><li>Rahmat Hidayat</li><li>Agus Setiawan</li></ul>')
R("prakom", "gmail_id", "prakom", "Disposisi ke Siti Nurhaliza, S.Kom. untuk dikerjakan hari ini", "assign",
  expect="officers=siti.nurhaliza")
R("prakom", "samsung", "prakom", "Pak Agus tolong ditangani ya", "assign", expect="officers=agus.setiawan")
R("prakom", "gmail_en", "prakom", "Tugaskan Rahmat. Siti sedang cuti.", "assign", expect="officers=rahmat.hidayat",
  note="a name mentioned as unavailable is not assigned")
R("prakom", "iphone_en", "prakom", "Setuju", "needs_assignee")
R("prakom", "zimbra_en", "prakom", "Tugaskan pak Budi", "assign", status="awaiting_prakom", expect="unknown=Budi",
  note="an unknown officer: answered with the list, nothing assigned")
R("prakom", "outlook_id", "prakom", "TUNDA, semua teknisi sedang di lapangan (gangguan RSUD).", "hold",
  expect="reason=teknisi")
R("prakom", "gmail_android", "prakom", "Siap, segera saya atur", "acknowledged|unclear")
R("prakom", "ooo_zimbra", "prakom", "Saya sedang di luar kantor sampai 1 Desember 2026.", "auto")
R("prakom", "gmail_id", "prakom", "", "unclear", note="nothing typed")
R("prakom", "thunderbird_en", "prakom", "Tugaskan Agus", "assign", expect="officers=agus.setiawan", bottom=True)
R("prakom", "outlook_android_id", "prakom", "Rahmat & Siti", "assign", expect="officers=rahmat.hidayat,siti.nurhaliza")
R("prakom", "gmail_id", "prakom", "Tugaskan Rahmat Hidayat\n\nSalam,\nDedi Kurniawan, S.T.\nPranata Komputer", "assign",
  expect="officers=rahmat.hidayat", note="signature typed by hand")
R("prakom", "gmail_id", "prakom", "Yang menangani Siti ya, Rahmat sudah pegang 3 tiket hari ini", "assign",
  expect="officers=siti.nurhaliza", note="a name mentioned as busy is not assigned")
R("prakom", "outlook_en", "prakom", "Tunjuk Agus Setiawan sebagai petugas.", "assign", expect="officers=agus.setiawan")
R("prakom", "gmail_id", "agus", "Tugaskan Agus", "unauthorized", note="an officer answers the Prakom's request")
R("prakom", "gmail_id", "prakom_yahoo", "Tugaskan Rahmat", "unauthorized",
  note="the Prakom's name on a yahoo address, quoting the real request")

# == Officers' work order (Rahmat and Siti assigned) =======================================================
R("officer", "gmail_id", "rahmat", REPORT, "done", expect="report.location=Puskesmas Liwa")
R("officer", "outlook_id", "rahmat", REPORT, "done", sig=True,
  expect="report.location=Puskesmas Liwa; report.location!=NIP; report.location!=Teknisi")
R("officer", "iphone_id", "rahmat", "Selesai pak.\nRingkasan pekerjaan: ganti kabel LAN ruang pendaftaran\n"
  "Ringkasan masalah: kabel digigit tikus\nAlternatif solusi: pasang pipa pelindung kabel\n"
  "Lokasi: Puskesmas Liwa, ruang pendaftaran", "done", expect="report.location=ruang pendaftaran")
R("officer", "zimbra_id", "rahmat", "SELESAI\nLokasi: Ruang TU Dinas Kesehatan\nRingkasan Masalah: IP address bentrok "
  "dengan printer\nRingkasan Pekerjaan: Mengatur ulang DHCP dan memberi IP statis untuk printer\n"
  "Alternatif Solusi: Daftarkan perangkat baru ke admin jaringan", "done",
  expect="report.location=Ruang TU; report.work_summary=DHCP", note="fields in another order")
R("officer", "gmail_android", "rahmat", "Selesai\n\nRingkasan Pekerjaan:\n- Mengganti switch 8 port yang mati\n"
  "- Menata ulang kabel di rak\n- Uji ping ke server SIMPUS\n\nRingkasan Masalah:\nSwitch 8 port mati karena adaptor "
  "rusak akibat listrik tidak stabil\n\nAlternatif Solusi:\nPasang UPS untuk perangkat jaringan\n\nLokasi:\n"
  "Ruang server lantai 2 Puskesmas Liwa", "done",
  expect="report.work_summary=Uji ping; report.location=lantai 2", note="values on the lines under the labels")
R("officer", "outlook_en", "rahmat", "SELESAI\n1. Ringkasan Pekerjaan : Konfigurasi ulang access point\n"
  "2. Ringkasan Masalah : Access point reset ke pengaturan pabrik setelah listrik padam\n"
  "3. Alternatif Solusi : Backup konfigurasi AP secara berkala\n4. Lokasi : Aula Dinas Kesehatan", "done",
  expect="report.location=Aula", note="numbered fields, space before the colon")
R("officer", "thunderbird_id", "rahmat", REPORT, "done", bottom=True, expect="report.location=Puskesmas Liwa")
R("officer", "yahoo_id", "rahmat", "SELESAI\nRingkasan Pekerjaan: Memindahkan jalur kabel yang sebelumnya ditolak "
  "pemilik gedung\nRingkasan Masalah: Kabel fiber putus tertimpa material renovasi\nAlternatif Solusi: Tunda renovasi "
  "di jalur kabel sampai kabel dipindah permanen\nLokasi: Gedung B Dinas Kesehatan", "done",
  expect="report.solution=Tunda renovasi", note="TOLAK/TUNDA words inside values")
R("officer", "roundcube", "rahmat", "Selesai", "done", status="in_progress", note="SELESAI without fields: asked for them")
R("officer", "outlook_web", "rahmat", "SELESAI\nRingkasan Pekerjaan: Reset router dan ganti kabel power\n"
  "Lokasi: Puskesmas Liwa", "done", status="in_progress", expect="missing=problem_summary,solution")
R("officer", "gmail_en", "rahmat", "Sudah selesai pak, internet sudah normal kembali.", "done", status="in_progress",
  note="done without the fields")
R("officer", "iphone_id", "rahmat", "TUNDA menunggu switch pengganti dari gudang", "hold", expect="reason=switch")
R("officer", "outlook_android_id", "rahmat", "Ditunda dulu, ruangan terkunci, petugas puskesmas sedang libur", "hold",
  expect="reason=terkunci")
R("officer", "samsung", "rahmat", "Siap laksanakan", "acknowledged")
R("officer", "gmail_id", "rahmat", "Baik, kami meluncur ke lokasi jam 10", "acknowledged|unclear")
R("officer", "zimbra_en", "rahmat", "Belum selesai, masih menunggu material kabel dari gudang.", "unclear|acknowledged",
  note="a progress note, not a decision")
R("officer", "gmail_id", "siti", "SELESAI\nRingkasan Pekerjaan: Mengganti access point yang rusak di ruang tunggu\n"
  "Ringkasan Masalah: Access point mati total\nAlternatif Solusi: Sediakan AP cadangan\nLokasi: Ruang tunggu Puskesmas Liwa",
  "done", sig=True, expect="report.location=Ruang tunggu; report.location!=Service Desk")
R("officer", "gmail_id", "agus", REPORT, "unauthorized", note="an officer who is not assigned")
R("officer", "ooo_plain", "rahmat", "Saya sedang cuti tahunan sampai 3 Desember 2026. Untuk gangguan jaringan "
  "silakan hubungi Service Desk Aptika.", "auto", note="no RFC 3834 headers")
R("officer", "ooo_exchange", "siti", "Saya sedang cuti melahirkan sampai Februari 2027.", "auto")
R("officer", "gmail_id", "rahmat", REPORT.replace("SELESAI\n", "SELESAI\n\n"), "done", html_only=True,
  typed_html="<div><b>SELESAI</b></div><div><br></div>" + "".join(
      f"<div><b>{line.split(': ', 1)[0]}:</b> {line.split(': ', 1)[1]}</div>" for line in REPORT.splitlines()[1:]),
  expect="report.location=Puskesmas Liwa", note="HTML-only, bold labels")
R("officer", "outlook_en", "rahmat", "Selesai dikerjakan.\n\nRingkasan Pekerjaan: Mengganti patch cord di rak server\n\n"
  "Ringkasan Masalah: Patch cord putus\n\nAlternatif Solusi: Tidak ada\n\nLokasi: Ruang server Dinkes", "done",
  expect="report.solution=Tidak ada; report.location=Ruang server Dinkes")
R("officer", "gmail_id", "rahmat", REPORT + "\n\nTerima kasih.", "done", sig=True,
  expect="report.location=Puskesmas Liwa; report.location!=Terima kasih; report.location!=Rahmat",
  note="thanks and a signature under the last field")
R("officer", "thunderbird_en", "rahmat", "SELESAI - Ringkasan Pekerjaan: ganti konektor; Ringkasan Masalah: konektor "
  "rusak; Alternatif Solusi: cek berkala; Lokasi: Puskesmas Liwa", "done", expect="report.location=Puskesmas Liwa",
  note="all fields on one line")
R("officer", "gmail_android", "rahmat", "Selesai\nPekerjaan: ganti kabel UTP ruang pendaftaran\nMasalah: kabel putus\n"
  "Solusi: pasang cable duct\nLokasi: Puskesmas Liwa", "done", expect="report.location=Puskesmas Liwa",
  note="short field labels")
R("officer", "outlook_id", "rahmat", REPORT, "done", expect="report.location=Puskesmas Liwa")
R("officer", "zimbra_prefixed", "siti", REPORT, "done", expect="report.location=Puskesmas Liwa")

# == Hold notice, held at the officers' step by Rahmat (sent to Rahmat and the Prakom) ========================
R("resume", "gmail_id", "rahmat", "LANJUTKAN", "resume")
R("resume", "iphone_id", "rahmat", "Switch sudah datang, lanjutkan", "resume")
R("resume", "outlook_id", "prakom", "Lanjutkan, perangkat sudah tersedia di gudang.", "resume", sig=True)
R("resume", "gmail_android", "rahmat", "Lanjut", "resume")
R("resume", "zimbra_id", "rahmat", "Sudah bisa dilanjutkan pak, barang sudah diterima.", "resume")
R("resume", "yahoo_id", "rahmat", "Siap", "acknowledged")
R("resume", "thunderbird_id", "rahmat", "Belum bisa dilanjutkan, barang belum datang.", "hold|unclear",
  note="negated resume: stays on hold")
R("resume", "outlook_web", "prakom", "Silakan dilanjutkan", "resume")
R("resume", "ooo_gmail", "rahmat", "Saya sedang cuti sampai 3 Desember 2026.", "auto")
R("resume", "gmail_en", "rahmat", "", "unclear", note="nothing typed")
R("resume", "gmail_id", "siti", "Lanjutkan", "unauthorized", note="a fellow officer cannot lift Rahmat's hold")
R("resume", "bare", "prakom", "LANJUTKAN", "unauthorized", note="forged token in References, no quote",
  references=[FORGED_ID.format(step="resume")])

# == Hold notice, held at the Kadis's step by the Kadis ==========================================================
R("resume_kadis", "gmail_id", "kadis", "Lanjutkan", "resume")
R("resume_kadis", "outlook_id", "kadis", "Anggaran sudah tersedia, silakan dilanjutkan.", "resume", sig=True)
R("resume_kadis", "iphone_id", "kadis", "Setuju, lanjut", "resume")
R("resume_kadis", "zimbra_id", "kadis", "Tetap ditunda dulu", "hold|unclear")
R("resume_kadis", "gmail_android", "kadis", "Terima kasih", "acknowledged")

# == Berita Acara cover note to the PJ ==================================================================================
R("pj", "gmail_id", "pj", "NILAI 5 mantap", "rate", expect="rating=5")
R("pj", "outlook_id", "pj", "Nilai 4. Terima kasih, petugas cepat tanggap.", "rate", expect="rating=4", sig=True)
R("pj", "iphone_id", "pj", "Kami beri nilai 5, sangat puas dengan pelayanannya", "rate", expect="rating=5")
R("pj", "zimbra_id", "pj", "Nilai: 3 - responnya agak lama, baru ditangani sore hari", "rate", expect="rating=3")
R("pj", "gmail_android", "pj", "5/5 terima kasih tim aptika", "rate", expect="rating=5")
R("pj", "yahoo_id", "pj", "Belum selesai, masih putus", "reopen", expect="reason=putus")
R("pj", "outlook_web", "pj", "BELUM SELESAI internet di ruang farmasi masih mati", "reopen", expect="reason=farmasi")
R("pj", "gmail_en", "pj", "Mohon maaf, internet di ruang rawat inap masih belum bisa tersambung.", "reopen",
  note="not finished, said without the keyword")
R("pj", "thunderbird_id", "pj", "Terima kasih, Berita Acara sudah kami terima.", "acknowledged", sig=True)
R("pj", "samsung", "pj", "Sudah normal kembali, terima kasih banyak", "acknowledged")
R("pj", "outlook_en", "pj", "Nilai 5, tapi mohon ke depan responnya lebih cepat", "rate", expect="rating=5")
R("pj", "iphone_en", "pj", "Rating: 4. Good job.", "rate", expect="rating=4")
R("pj", "gmail_id", "pj", "Tidak puas, jaringan masih sering putus. Belum selesai.", "reopen")
R("pj", "roundcube", "pj", "NILAI 2\nPetugas datang terlambat dan tidak konfirmasi.", "rate", expect="rating=2")
R("pj", "ooo_exchange", "pj", "Saya sedang dinas luar kota sampai 2 Desember 2026.", "auto")
R("pj", "ooo_plain", "pj", "Terima kasih. Saya sedang cuti sampai 7 Desember 2026, email Anda akan saya baca setelah "
  "kembali.", "auto|unclear|acknowledged", note="no RFC 3834 headers; the PJ's path has no OOO branch: nothing may happen")
R("pj", "gmail_id", "requester", "NILAI 5", "unauthorized", note="a rating from the requester, not the PJ")
R("pj", "gmail_id", "pj_gmail", "NILAI 1", "unauthorized", note="the PJ's name on a gmail address")
R("pj", "gmail_id", "pj", "", "unclear", note="nothing typed")
R("pj", "outlook_android_id", "pj", "Nilai 5", "rate", expect="rating=5")
R("pj", "gmail_id", "pj", "Sangat puas, nilai 5 untuk Pak Rahmat dan Bu Siti", "rate", expect="rating=5")
R("pj", "zimbra_en", "pj", "BELUM SELESAI. Printer jaringan di ruang TU belum bisa dipakai.", "reopen",
  expect="reason=Printer")


def main() -> None:
    requests = {p.stem: email.message_from_bytes(p.read_bytes(), policy=policy.default)
                for p in sorted((HERE / "requests").glob("*.eml"))}
    for old in HERE.glob("*.eml"):
        old.unlink()
    counters: dict[str, int] = {}
    rows = []
    for spec in SPECS:
        step = spec["step"]
        counters[step] = counters.get(step, 0) + 1
        name = f"{step}_{counters[step]:02d}_{spec['client']}.eml"
        who = spec["who"]
        display, address = PEOPLE[who]
        signature = SIGNATURES.get(who, "") if spec["sig"] else ""
        reply = Reply(name=display, address=address, typed=spec["typed"], signature=signature, **spec["opts"])
        raw = CLIENTS[spec["client"]](requests[spec["answers"]], reply, name)
        (HERE / name).write_bytes(raw)
        rows.append([name, step, spec["kind"], spec["status"], spec["expect"], spec["note"]])
    with open(HERE / "labels.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["file", "step", "kind", "status", "expect", "note"])
        w.writerows(rows)
    print(f"{len(rows)} replies written")


if __name__ == "__main__":
    main()
