"""Write the second blind reply set: new wording and new mail clients (clients2.py) answering
mailproc's real outgoing mails (requests/*.eml, the same mails the first set answers), and
labels.csv (what a person means by each reply).

    .venv/bin/python tests/data/replies_blind2/build.py

Written before reading the grammar's word lists (rules/keywords.toml) or mailproc/decisions.py;
a label is what the person means, not what the code happens to do. Deterministic.
"""
from __future__ import annotations

import csv
import email
import sys
from email import policy
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from clients2 import CLIENTS, Reply  # noqa: E402
sys.path.insert(0, str(HERE.parent))
from reply_sets import CHAIN, status_after  # noqa: E402

PEOPLE = {
    **CHAIN,
    "kadis_lookalike": ("Hujlianto Eka Putra", "kadis@lampungbaratkab.go.id.web-mail.id"),
    "kabid_gmail": ("Rizal Effendi", "rizal.effendi80@gmail.com"),
    "pj_lookalike": ("dr. Nurcahyo Wibowo, M.Kes.", "kadis@diskes-lampungbaratkab.go.id"),
}
SIGNATURES = {
    "kadis": "Hormat saya,\n\nHujlianto Eka Putra, S.H.\nKadis Kominfo Lampung Barat",
    "kabid": "Rizal Effendi, S.Kom.\nKepala Bidang Aplikasi Informatika\nDiskominfo Kab. Lampung Barat\nTelp. (0728) 21345 ext. 12",
    "prakom": "Wassalam,\nDedi K.\nPrakom - Infrastruktur TI",
    "rahmat": "Salam,\nRahmat H.\nTeknisi Jaringan\nWA 0813-6677-1020",
    "siti": "--\nSiti Nurhaliza, S.Kom.\nTeknisi Jaringan Diskominfo\nLokasi kantor: Jl. Teratai No. 03 Liwa",
    "pj": "Kepala Dinas Kesehatan\nKabupaten Lampung Barat\n\ndr. Nurcahyo Wibowo, M.Kes.",
}
FORGED_ID = "<mailproc.JIP-2026-0001.{step}.9f8e7d6c5b4a39281706f5e4d3c2b1a0@lampungbaratkab.go.id>"

SPECS: list[dict] = []


def R(step: str, client: str, who: str, typed: str, kind: str, status: str | None = None, expect: str = "",
      note: str = "", answers: str | None = None, sig: bool = False, **opts) -> None:
    if status is None:
        status = status_after(step, kind)
    SPECS.append(dict(step=step, client=client, who=who, typed=typed, kind=kind, status=status, expect=expect,
                      note=note, answers=answers or step, sig=sig, opts=opts))


# == Kepala Dinas ===================================================================================
R("kadis", "outlook_classic_id", "kadis", "Oke, disposisi ke Kabid", "approve")
R("kadis", "apple_mail", "kadis", "Acc.", "approve", sig=True)
R("kadis", "gmail_mobile", "kadis", "Disetujui. Segera diproses.", "approve")
R("kadis", "lotus", "kadis", "Saya tolak, bukan tupoksi kita", "reject", expect="reason=tupoksi")
R("kadis", "horde", "kadis", "Ditolak krn tdk ada anggaran", "reject", expect="reason=anggaran")
R("kadis", "spark", "kadis", "Hold dulu", "hold")
R("kadis", "outlook_mac", "kadis", "Ok 👍\n\n\n\nLanjutkan", "approve", note="emoji and blank lines")
R("kadis", "interleaved", "kadis", "Setuju, silakan ditindaklanjuti", "approve", note="decision in the last line")
R("kadis", "k9", "kadis", "Setuju. Kerjakan sesuai prosedur.", "approve")
R("kadis", "zimbra_html", "kadis", "Tindak lanjuti segera", "approve")
R("kadis", "fairemail", "kadis", "Saya setuju, teruskan", "approve", note="attribution without 'menulis'")
R("kadis", "apple_mail", "kadis", "Proses saja", "approve", html_only=True, note="HTML-only, blockquote type=cite")
R("kadis", "outlook_classic_en", "kadis", "Kita tahan dulu, tunggu kepastian anggaran dari BPKD", "hold",
  expect="reason=anggaran")
R("kadis", "gmail_mobile", "kadis", "Tdk setuju. Itu urusan vendor.", "reject", expect="reason=vendor")
R("kadis", "outlook_mac", "kadis", "Tolong dicek dulu apakah sudah ada tiket yang sama?", "unclear",
  note="a question starting with Tolong")
R("kadis", "spark", "kadis", "Sudah saya baca, terima kasih.", "acknowledged|unclear",
  note="read, not decided; tests/test_decisions.py holds 'Sudah saya baca' alone to be unclear")
R("kadis", "horde", "kadis", "Apa penyebabnya?", "unclear")
R("kadis", "ooo_subject_re", "kadis", "Mohon maaf, saya sedang perjalanan dinas ke Jakarta sampai 3 Des 2026. "
  "Email ini akan saya balas setelah kembali ke kantor.", "auto", note="no automatic headers, subject Re:")
R("kadis", "ooo_cpanel", "kadis", "Terima kasih, pesan Anda sudah kami terima. Saya sedang tidak berada di kantor "
  "hingga Senin, 7 Desember 2026.", "auto", note="cPanel autoresponder headers")
R("kadis", "forged_quote", "kadis", "SETUJU", "unauthorized", references=[FORGED_ID.format(step="kadis")],
  note="forged Message-ID and a quote with an altered Kode balasan")
R("kadis", "gmail_mobile", "kadis_lookalike", "Setuju", "unauthorized|outside",
  note="the Kadis's name on a look-alike domain, quoting the real request")
R("kadis", "k9", "kadis", "setuju!!! 🙏", "approve")
R("kadis", "zimbra_html", "kadis", "✅ Setuju", "approve", sig=True)
R("kadis", "lotus", "kadis", "Lanjutkan prosesnya, koordinasikan dgn Dinkes", "approve", sig=True)
R("kadis", "outlook_classic_id", "kadis", "Silahkan dilanjutkan", "approve", sig=True, note="'silahkan' spelling")
R("kadis", "fairemail", "kadis", "Setuju dgn catatan: pastikan selesai sebelum hari Jumat", "approve")
R("kadis", "apple_mail", "kadis", "Diteruskan ke Kabid Aptika utk ditindaklanjuti", "approve")
R("kadis", "gmail_mobile", "kadis", "Jangan dulu, saya mau bicara dengan Kadis Kesehatan", "hold",
  note="a hold by 'jangan dulu'")
R("kadis", "spark", "kadis", "TOLAK - sudah ditangani oleh Telkom", "reject", expect="reason=Telkom")
R("kadis", "outlook_mac", "kadis", "Ditolak ya. Permohonan harus lewat surat resmi.", "reject", expect="reason=surat")
R("kadis", "interleaved_mid", "kadis", "ACC", "approve", note="a comment between quoted passages, decision at the bottom")
R("kadis", "interleaved_top", "kadis", "Setuju", "approve", note="answer typed inline under the first quoted lines")
R("kadis", "gmail_mobile", "kadis", "", "unclear", note="nothing typed")

# == Kepala Bidang ====================================================================================
R("kabid", "gmail_mobile", "kabid", "Lanjut ke Prakom ya", "approve")
R("kabid", "outlook_classic_id", "kabid", "Acc, teruskan ke pak Dedi", "approve", sig=True)
R("kabid", "apple_mail", "kabid", "Oke siap diteruskan", "approve")
R("kabid", "spark", "kabid", "Setuju 👍", "approve")
R("kabid", "lotus", "kabid", "Segera tindaklanjuti", "approve")
R("kabid", "zimbra_html", "kabid", "Disposisi ke Prakom untuk ditugaskan teknisi", "approve")
R("kabid", "horde", "kabid", "Tolak saja, itu jaringan milik provider", "reject", expect="reason=provider")
R("kabid", "k9", "kabid", "Ditolak, bukan jaringan intra pemda", "reject", expect="reason=intra")
R("kabid", "outlook_mac", "kabid", "Tunda sampai hari Senin, teknisi full hari ini", "hold", expect="reason=teknisi")
R("kabid", "fairemail", "kabid", "Hold, menunggu arahan Kadis", "hold", expect="reason=arahan")
R("kabid", "gmail_mobile", "kabid", "Noted", "acknowledged")
R("kabid", "outlook_classic_en", "kabid", "Siapa PIC di puskesmasnya?", "unclear")
R("kabid", "interleaved_mid", "kabid", "Ok, lanjut", "approve")
R("kabid", "ooo_subject_re", "kabid", "Saya sedang cuti bersama sampai 2 Januari 2027. Untuk keperluan mendesak "
  "hubungi Sekretariat.", "auto", note="no automatic headers")
R("kabid", "gmail_mobile", "prakom", "Setuju", "unauthorized", note="the Prakom answers the Kabid's request")
R("kabid", "lotus", "kabid", "Setuju. Mohon dikoordinasikan dengan Puskesmas", "approve", sig=True)
R("kabid", "apple_mail_en", "kabid", "Yes, lanjut", "approve")
R("kabid", "spark", "kabid", "Diteruskan.", "approve")
R("kabid", "fairemail", "kabid_gmail", "Setuju, lanjut", "unauthorized", note="the Kabid's name on a gmail address")
R("kabid", "forged_quote", "kabid", "Setuju, teruskan", "unauthorized", references=[FORGED_ID.format(step="kabid")])

# == Pranata Komputer ===================================================================================
R("prakom", "gmail_mobile", "prakom", "Tugaskan: 1. Rahmat 2. Siti", "assign", expect="officers=rahmat.hidayat,siti.nurhaliza")
R("prakom", "outlook_classic_id", "prakom", "Mohon Pak Agus yang menangani", "assign", expect="officers=agus.setiawan")
R("prakom", "apple_mail", "prakom", "Rahmat dan Agus tolong ke lokasi", "assign",
  expect="officers=rahmat.hidayat,agus.setiawan")
R("prakom", "spark", "prakom", "Petugas: Siti Nurhaliza", "assign", expect="officers=siti.nurhaliza")
R("prakom", "lotus", "prakom", "Tugaskan Rahmat Hidayat & Siti Nurhaliza", "assign", sig=True,
  expect="officers=rahmat.hidayat,siti.nurhaliza")
R("prakom", "k9", "prakom", "tugas ke agus", "assign", expect="officers=agus.setiawan")
R("prakom", "horde", "prakom", "Saya tugaskan Siti.", "assign", expect="officers=siti.nurhaliza")
R("prakom", "fairemail", "prakom", "Bu Siti ya", "assign", expect="officers=siti.nurhaliza")
R("prakom", "zimbra_html", "prakom", "Tugaskan ke rahmat.hidayat@lampungbaratkab.go.id dan agus.setiawan@lampungbaratkab.go.id",
  "assign", expect="officers=rahmat.hidayat,agus.setiawan")
R("prakom", "outlook_mac", "prakom", "Ditangani Pak Rahmat", "assign", expect="officers=rahmat.hidayat")
R("prakom", "outlook_classic_en", "prakom", "Tugaskan\n• Agus Setiawan\n• Siti Nurhaliza", "assign",
  expect="officers=agus.setiawan,siti.nurhaliza", note="bullet points")
R("prakom", "apple_mail", "prakom", "Acc.", "needs_assignee")
R("prakom", "gmail_mobile", "prakom", "Tugaskan Joko", "assign", status="awaiting_prakom", expect="unknown=Joko",
  note="an unknown officer")
R("prakom", "spark", "prakom", "Tunda dulu, teknisi semua sedang di Sekincau", "hold", expect="reason=Sekincau")
R("prakom", "k9", "prakom", "Hold, tunggu barang datang", "hold", expect="reason=barang")
R("prakom", "lotus", "prakom", "Oke siap", "acknowledged|unclear")
R("prakom", "horde", "prakom", "Siapa yang available hari ini?", "unclear")
R("prakom", "ooo_subject_re", "prakom", "Pesan otomatis: saya sedang mengikuti diklat teknis sampai 4 Desember 2026.",
  "auto", note="no automatic headers")
R("prakom", "forged_quote", "prakom", "Tugaskan Rahmat", "unauthorized", references=[FORGED_ID.format(step="prakom")])
R("prakom", "ooo_cpanel", "prakom", "Terima kasih. Saya sedang cuti sampai 4 Desember 2026.", "auto",
  note="cPanel autoresponder headers")
R("prakom", "gmail_mobile", "rahmat", "Tugaskan Rahmat", "unauthorized", note="an officer answers the Prakom's request")
R("prakom", "interleaved", "prakom", "Tugaskan Siti", "assign", expect="officers=siti.nurhaliza",
  note="decision in the last line")
R("prakom", "zimbra_html", "prakom", "Agus Setiawan, NIP 199011092015031002", "assign", expect="officers=agus.setiawan")
R("prakom", "outlook_mac", "prakom", "Tugaskan 👉 Rahmat\n\n\n", "assign", expect="officers=rahmat.hidayat")

# == Officers' work order (Rahmat and Siti assigned) =======================================================
R("officer", "gmail_mobile", "rahmat", "Sudah selesai pak.\n\n• Lokasi: Puskesmas Liwa, ruang pendaftaran\n"
  "• Ringkasan Masalah: kabel LAN putus digigit tikus\n• Ringkasan Pekerjaan: ganti kabel dan konektor\n"
  "• Alternatif Solusi: pasang pipa pelindung kabel", "done",
  expect="report.location=ruang pendaftaran; report.solution=pipa", note="bullets, free order")
R("officer", "apple_mail", "rahmat", "Selesai ✅\n- Ringkasan masalah : adaptor switch terbakar\n- Lokasi : Ruang TU Dinkes\n"
  "- Alternatif solusi : pakai stabilizer\n- Ringkasan pekerjaan : ganti adaptor switch", "done",
  expect="report.location=Ruang TU; report.work_summary=adaptor", note="emoji, dashes, free order")
R("officer", "outlook_classic_id", "rahmat", "SELESAI\nRINGKASAN PEKERJAAN: Crimping ulang kabel uplink\n"
  "RINGKASAN MASALAH: Konektor longgar\nALTERNATIF SOLUSI: Gunakan konektor berkualitas\nLOKASI: Ruang server Puskesmas Liwa",
  "done", sig=True, expect="report.location=Puskesmas Liwa; report.location!=Teknisi", note="upper-case labels")
R("officer", "spark", "rahmat", "Done.\nRingkasan Pekerjaan: restart modem dan ganti adaptor\nRingkasan Masalah: adaptor modem "
  "rusak\nAlternatif Solusi: siapkan adaptor cadangan\nLokasi: Puskesmas Liwa", "done", expect="report.location=Puskesmas Liwa")
R("officer", "lotus", "rahmat", "Beres pak.\nRingkasan Pekerjaan: menarik kabel baru ke ruang farmasi\nRingkasan Masalah: "
  "kabel lama terpotong saat renovasi\nAlternatif Solusi: koordinasi sebelum renovasi\nLokasi: Ruang farmasi Puskesmas Liwa",
  "done", expect="report.location=farmasi")
R("officer", "k9", "rahmat", "Selesai\nRingkasan Pekerjaan\t: setting ulang access point\nRingkasan Masalah\t: AP reset "
  "sendiri\nAlternatif Solusi\t: backup konfigurasi\nLokasi\t\t: Aula Puskesmas Liwa", "done",
  expect="report.location=Aula", note="tab-aligned labels")
R("officer", "fairemail", "rahmat", "Selesai 🙏\n\n\n\nRingkasan Pekerjaan: ganti patch cord\n\n\nRingkasan Masalah: "
  "patch cord putus\n\n\nAlternatif Solusi: rapikan kabel di rak\n\n\nLokasi: Ruang server Dinkes\n\n\n", "done",
  expect="report.location=Ruang server Dinkes", note="emoji and many blank lines")
R("officer", "horde", "rahmat", "Selesai. Ringkasan Pekerjaan: restart router. Lokasi: Puskesmas Liwa", "done",
  status="in_progress", expect="missing=problem_summary,solution", note="two fields given on one line")
R("officer", "zimbra_html", "rahmat", "Sudah beres, tinggal monitoring", "done", status="in_progress",
  note="done without the fields: asked for them")
R("officer", "outlook_mac", "rahmat", "Tunda, menunggu jadwal pemadaman listrik dari PLN", "hold", expect="reason=PLN")
R("officer", "gmail_mobile", "rahmat", "Hold dulu ya, kunci ruang server dibawa petugas puskesmas", "hold",
  expect="reason=kunci")
R("officer", "spark", "rahmat", "Siap, otw", "acknowledged|unclear")
R("officer", "apple_mail", "rahmat", "Sedang dikerjakan, estimasi selesai sore ini", "unclear|acknowledged",
  note="a progress note with 'selesai' in it")
R("officer", "k9", "siti", "Masih proses, besok dilanjut lagi", "unclear|acknowledged")
R("officer", "apple_mail", "siti", "SELESAI\nRingkasan Pekerjaan: pasang access point baru\nRingkasan Masalah: sinyal "
  "wifi lemah di ruang tunggu\nAlternatif Solusi: tambah AP bila pengunjung ramai\nLokasi: Ruang tunggu Puskesmas Liwa",
  "done", html_only=True, sig=True, expect="report.location=Ruang tunggu; report.location!=Teratai")
R("officer", "outlook_classic_id", "agus", "SELESAI\nRingkasan Pekerjaan: ganti kabel\nRingkasan Masalah: kabel putus\n"
  "Alternatif Solusi: -\nLokasi: Puskesmas Liwa", "unauthorized", note="an officer who is not assigned")
R("officer", "ooo_subject_re", "siti", "Saya sedang cuti sakit sampai 4 Desember 2026. Untuk gangguan mendesak silakan "
  "hubungi rekan teknisi lain.", "auto", note="no automatic headers")
R("officer", "forged_quote", "rahmat", "SELESAI\nRingkasan Pekerjaan: ganti kabel\nRingkasan Masalah: kabel putus\n"
  "Alternatif Solusi: pasang pelindung\nLokasi: Puskesmas Liwa", "unauthorized",
  references=[FORGED_ID.format(step="officer")], note="forged Message-ID, altered Kode balasan")
R("officer", "ooo_cpanel", "rahmat", "Terima kasih, email Anda sudah diterima. Saya sedang di lapangan tanpa akses email.",
  "auto", note="cPanel autoresponder headers")
R("officer", "interleaved", "rahmat", "SELESAI\nRingkasan Pekerjaan: mengganti switch 8 port\nRingkasan Masalah: switch "
  "mati\nAlternatif Solusi: pasang UPS\nLokasi: Puskesmas Liwa lantai 2", "done", expect="report.location=lantai 2",
  note="bottom-posted under a trimmed quote")
R("officer", "gmail_mobile", "rahmat", "Selesai\n\nRingkasan Pekerjaan:\n• ganti switch\n• rapikan kabel di rak\n\n"
  "Ringkasan Masalah:\nswitch mati karena petir\n\nAlternatif Solusi:\npasang arrester\n\nLokasi:\nPuskesmas Liwa",
  "done", expect="report.work_summary=rapikan; report.location=Puskesmas Liwa", note="bulleted values under the labels")
R("officer", "lotus", "siti", "SELESAI\nRingkasan Pekerjaan: mengatur ulang VLAN\nRingkasan Masalah: VLAN salah konfigurasi\n"
  "Alternatif Solusi: dokumentasi konfigurasi\nLokasi: Ruang server Dinkes", "done", sig=True,
  expect="report.location=Ruang server Dinkes; report.location!=Teratai")
R("officer", "outlook_classic_en", "rahmat", "SELESAI\nRingkasan Pekerjaan: ganti konektor\nRingkasan Masalah: konektor "
  "korosi\nAlternatif Solusi: cek rutin tiap 3 bulan\nLokasi: Puskesmas Liwa\n\nTerima kasih pak", "done", sig=True,
  expect="report.location=Puskesmas Liwa; report.location!=Terima; report.location!=0813")
R("officer", "zimbra_html", "rahmat", "Selesai\nPekerjaan: ganti kabel UTP\nMasalah: kabel tertekuk\nSolusi: pasang "
  "cable tray\nTempat: Puskesmas Liwa", "done", expect="report.location=Puskesmas Liwa",
  note="short labels, Tempat for Lokasi")

# == Hold notice, held at the officers' step by Rahmat =====================================================
R("resume", "gmail_mobile", "rahmat", "Barang sudah datang, lanjut ya", "resume")
R("resume", "apple_mail", "rahmat", "Lanjutkan kembali", "resume")
R("resume", "outlook_classic_id", "prakom", "Bisa dilanjut, switch sudah terpasang di rak", "resume", sig=True)
R("resume", "spark", "rahmat", "Oke lanjut 👍", "resume")
R("resume", "k9", "rahmat", "Masih nunggu barang pak", "hold|unclear|acknowledged", note="still waiting: stays on hold")
R("resume", "ooo_subject_re", "rahmat", "Saya sedang cuti sampai 3 Desember 2026.", "auto")
R("resume", "lotus", "agus", "Lanjutkan", "unauthorized", note="an officer not on the ticket")
R("resume", "outlook_mac", "rahmat", "Resume", "resume")

# == Hold notice, held by the Kadis at his step ============================================================
R("resume_kadis", "outlook_classic_id", "kadis", "Anggaran sudah ada, lanjutkan", "resume", sig=True)
R("resume_kadis", "gmail_mobile", "kadis", "Silahkan dilanjut", "resume")
R("resume_kadis", "apple_mail", "kadis", "Acc lanjut", "resume")
R("resume_kadis", "spark", "kadis", "Tahan dulu sampai Januari", "hold|unclear")
R("resume_kadis", "lotus", "kadis", "Noted", "acknowledged")
R("resume_kadis", "forged_quote", "kadis", "Lanjutkan", "unauthorized", references=[FORGED_ID.format(step="resume")])

# == Berita Acara cover note to the PJ ======================================================================
R("pj", "gmail_mobile", "pj", "Nilai: 4", "rate", expect="rating=4")
R("pj", "apple_mail", "pj", "Bintang 5", "rate", expect="rating=5")
R("pj", "spark", "pj", "belum beres pak, masih putus-putus", "reopen", expect="reason=putus")
R("pj", "k9", "pj", "⭐⭐⭐⭐⭐ mantap", "rate", expect="rating=5", note="five star emoji")
R("pj", "outlook_classic_id", "pj", "Nilai 4 dari 5, terima kasih", "rate", expect="rating=4", sig=True)
R("pj", "lotus", "pj", "Puas. Nilai 5", "rate", expect="rating=5")
R("pj", "horde", "pj", "Skor 3, agak lambat", "rate", expect="rating=3")
R("pj", "outlook_mac", "pj", "Kami beri nilai empat", "rate", expect="rating=4", note="the number as a word")
R("pj", "zimbra_html", "pj", "Internet sudah nyala tapi wifi di lantai 2 masih belum konek", "reopen",
  expect="reason=lantai 2")
R("pj", "fairemail", "pj", "Masih lemot pak, belum normal", "reopen")
R("pj", "apple_mail", "pj", "Terima kasih, BA sudah kami tandatangani", "acknowledged", sig=True)
R("pj", "gmail_mobile", "pj", "Apakah BA ini perlu dikirim balik dalam bentuk cetak?", "unclear")
R("pj", "ooo_subject_re", "pj", "Saya sedang dinas luar sampai 9 Desember 2026.", "auto|unclear|acknowledged",
  note="no automatic headers: nothing may happen")
R("pj", "ooo_cpanel", "pj", "Terima kasih atas email Anda. Saya sedang cuti.", "auto")
R("pj", "forged_quote", "pj", "NILAI 1", "unauthorized", references=[FORGED_ID.format(step="pj")])
R("pj", "spark", "pj", "Alhamdulillah sudah lancar kembali. Terima kasih tim", "acknowledged")
R("pj", "interleaved", "pj", "Nilai 5", "rate", expect="rating=5", note="decision in the last line")
R("pj", "horde", "pj", "5", "rate", expect="rating=5", note="a bare number")
R("pj", "k9", "pj", "Nilai 3 ya pak, soalnya petugas datangnya sore", "rate", expect="rating=3")
R("pj", "outlook_classic_en", "pj", "Belum selesai. AP di ruang rawat inap masih mati.", "reopen",
  expect="reason=rawat inap")
R("pj", "gmail_mobile", "pj_lookalike", "NILAI 5", "unauthorized|outside", note="look-alike domain")


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
        display, address = PEOPLE[spec["who"]]
        signature = SIGNATURES.get(spec["who"], "") if spec["sig"] else ""
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
