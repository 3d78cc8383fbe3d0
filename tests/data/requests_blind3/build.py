"""Build the third blind request set (tests/data/requests_blind3).

Deterministic: the same script always writes the same 80 .eml files and labels.csv.
Standard library only. Run with:  .venv/bin/python tests/data/requests_blind3/build.py

Every name, address, number and text below is invented for this set.
"""
from __future__ import annotations

import base64
import csv
import datetime as dt
import hashlib
import quopri
from email.header import Header
from email.message import Message
from email.utils import format_datetime, formataddr
from pathlib import Path

HERE = Path(__file__).resolve().parent
APTIKA = "aptika@lampungbaratkab.go.id"
WIB = dt.timezone(dt.timedelta(hours=7))

MAILS: list[tuple[str, str | None, str | None, bytes]] = []  # file, category, priority, bytes


# --------------------------------------------------------------------------- MIME helpers

def _h(fname: str, n: int = 12) -> str:
    return hashlib.sha1(fname.encode()).hexdigest()[:n]


def text(body: str, sub: str = "plain", cs: str = "utf-8", cte: str = "quoted-printable") -> Message:
    raw = body.encode(cs)
    part = Message()
    part["Content-Type"] = f'text/{sub}; charset="{cs}"'
    part["Content-Transfer-Encoding"] = cte
    if cte == "quoted-printable":
        payload = quopri.encodestring(raw).decode("ascii")
    elif cte == "base64":
        payload = base64.encodebytes(raw).decode("ascii")
    elif cte == "7bit":
        payload = raw.decode("ascii")
    elif cte == "8bit":
        payload = raw.decode("ascii", "surrogateescape")
    else:
        raise ValueError(cte)
    part.set_payload(payload)
    return part


def html(body: str, cs: str = "utf-8", cte: str = "quoted-printable") -> Message:
    return text(body, "html", cs, cte)


def attachment(filename: str, ctype: str, data: bytes) -> Message:
    part = Message()
    part["Content-Type"] = f'{ctype}; name="{filename}"'
    part["Content-Disposition"] = f'attachment; filename="{filename}"'
    part["Content-Transfer-Encoding"] = "base64"
    part.set_payload(base64.encodebytes(data).decode("ascii"))
    return part


def multi(sub: str, parts: list[Message], seed: str) -> Message:
    part = Message()
    part["Content-Type"] = f'multipart/{sub}; boundary="{"=_" + sub[:3] + "_" + _h(seed + sub, 20)}"'
    for p in parts:
        part.attach(p)
    return part


def alt(plain: str, markup: str, cs: str = "utf-8", seed: str = "") -> Message:
    return multi("alternative", [text(plain, cs=cs), html(markup, cs=cs)], seed or plain[:40])


def pdf(title: str) -> bytes:
    """A tiny one-page PDF (dummy content, valid structure)."""
    stream = f"BT /F1 11 Tf 60 780 Td ({title}) Tj ET".encode("latin-1")
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def jpg(seed: str, size: int = 900) -> bytes:
    """Dummy JPEG-looking bytes (SOI/APP0 header, pseudo-random body, EOI)."""
    body = bytearray()
    h = seed.encode()
    while len(body) < size:
        h = hashlib.sha256(h).digest()
        body += h
    return b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + bytes(body[:size]) + b"\xff\xd9"


def addr(name: str | None, email: str) -> str:
    if not name:
        return email
    return formataddr((name, email), charset="utf-8")


def hdr(value: str) -> str:
    try:
        value.encode("ascii")
        return value
    except UnicodeEncodeError:
        return Header(value, "utf-8").encode()


def mail(fname: str, label: tuple[str, str] | None, *, frm: tuple[str | None, str], subject: str | None,
         date: tuple[int, int, int], body: Message, to: str | list[str] = APTIKA,
         cc: list[str] | None = None, in_reply_to: str | None = None, extra: list[tuple[str, str]] = ()) -> None:
    day, hh, mm = date
    when = dt.datetime(2026, 11, day, hh, mm, int(_h(fname, 2), 16) % 60, tzinfo=WIB)
    domain = frm[1].split("@", 1)[1]
    if domain == "gmail.com":
        mid = f"<CA+{base64.b32encode(bytes.fromhex(_h(fname, 30))).decode().rstrip('=').lower()}@mail.gmail.com>"
    elif "outlook" in fname or "fwd_outlook" in fname:
        mid = f"<{_h(fname, 16).upper()}.{when:%Y%m%d%H%M}@{domain}>"
    else:
        mid = f"<{when:%Y%m%d%H%M%S}.{_h(fname, 10)}@{domain}>"
    headers = [
        ("From", addr(*frm)),
        ("To", ", ".join(to) if isinstance(to, list) else to),
    ]
    if cc:
        headers.append(("Cc", ", ".join(cc)))
    if subject is not None:
        headers.append(("Subject", hdr(subject)))
    headers += [("Date", format_datetime(when)), ("Message-ID", mid)]
    if in_reply_to:
        headers += [("In-Reply-To", in_reply_to), ("References", in_reply_to)]
    headers += list(extra)
    headers.append(("MIME-Version", "1.0"))
    body._headers = headers + body._headers  # noqa: SLF001 - put the envelope headers first
    if label is None:
        MAILS.append((fname, None, None, body.as_bytes()))
    else:
        MAILS.append((fname, label[0], label[1], body.as_bytes()))


# --------------------------------------------------------------------------- shared text

RSUD_DISCLAIMER = """\
------------------------------------------------------------------
RSUD Alimuddin Umar Kabupaten Lampung Barat
Jl. Raden Intan No. 17, Liwa, Lampung Barat 34811
Telp. (0728) 21990 | IGD 24 jam (0728) 21991

PERHATIAN: Surel ini beserta lampirannya ditujukan hanya untuk
penerima yang dituju dan dapat berisi informasi yang bersifat
rahasia, termasuk data pasien yang dilindungi peraturan
perundang-undangan. Apabila Anda bukan penerima yang dimaksud,
mohon segera memberitahukan pengirim dan menghapus surel ini.
Dilarang menyebarluaskan, menyalin atau menggunakan isi surel ini
tanpa izin.
------------------------------------------------------------------"""

PEMDA_DISCLAIMER_HTML = """\
<p style="font-size:8pt;color:#888888;border-top:1px solid #cccccc;padding-top:6px">
DISCLAIMER: Informasi dalam email ini dan lampirannya bersifat rahasia dan hanya ditujukan untuk
penerima yang namanya tercantum. Jika Anda menerima email ini karena kesalahan, mohon segera
memberitahu pengirim dan menghapus email ini. Pemerintah Kabupaten Lampung Barat tidak
bertanggung jawab atas kerugian yang ditimbulkan oleh virus yang mungkin terbawa dalam email ini.<br>
<i>Think before you print.</i></p>"""


def outlook_html(paragraphs: str, signature: str) -> str:
    return f"""<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta name="Generator" content="Microsoft Word 15 (filtered medium)">
<style><!--
p.MsoNormal, li.MsoNormal, div.MsoNormal {{margin:0cm; font-size:11.0pt; font-family:"Calibri",sans-serif;}}
span.EmailStyle17 {{mso-style-type:personal-compose; font-family:"Calibri",sans-serif; color:windowtext;}}
--></style>
</head>
<body lang="EN-US" link="#0563C1" vlink="#954F72">
<div class="WordSection1">
{paragraphs}
<p class="MsoNormal">&nbsp;</p>
{signature}
</div>
</body>
</html>
"""


# =========================================================================== 1.3 perbaikan / pemeliharaan

mail("formal_rsud_surat_jaringan_igd_putus.eml", ("1.3", "tinggi"),
     frm=("Bagian Umum RSUD Alimuddin Umar", "umum@rsud.lampungbaratkab.go.id"),
     subject="Surat Permohonan Perbaikan Jaringan - RSUD Alimuddin Umar",
     date=(3, 7, 52),
     body=multi("mixed", [text(f"""\
Kepada Yth.
Kepala Dinas Komunikasi dan Informatika
Kabupaten Lampung Barat
di -
      Liwa

Nomor    : 445/1021/RSUD/XI/2026
Sifat    : Segera
Lampiran : 1 (satu) berkas
Perihal  : Permohonan Perbaikan Jaringan Internet

Dengan hormat,

Menindaklanjuti gangguan yang terjadi sejak hari Selasa, 3 November 2026
pukul 05.30 WIB, bersama ini kami sampaikan bahwa jaringan intra pada gedung
Instalasi Gawat Darurat (IGD) dan loket pendaftaran rawat jalan RSUD Alimuddin
Umar terputus total. Akibatnya aplikasi SIMRS dan bridging BPJS (V-Claim) tidak
dapat diakses sehingga pendaftaran pasien dilakukan secara manual dan antrean
menumpuk di ruang tunggu.

Petugas IT kami telah melakukan pengecekan awal: perangkat switch di ruang
server menyala normal, namun tidak ada koneksi ke arah jaringan Pemda
(indikator port uplink fiber tidak menyala).

Sehubungan dengan hal tersebut, kami mohon bantuan tim teknis Dinas Komunikasi
dan Informatika untuk segera melakukan pengecekan dan perbaikan. Narahubung di
lokasi: Sdr. Fajar Nugroho (Unit IT), HP 0812-7390-1146.

Demikian kami sampaikan, atas perhatian dan kerja samanya kami ucapkan terima
kasih.

a.n. Direktur RSUD Alimuddin Umar
Kepala Bagian Umum dan Keuangan,

Hj. Erna Susanti, S.KM., M.M.
NIP. 19780312 200312 2 004

{RSUD_DISCLAIMER}
"""), attachment("Surat_445-1021-RSUD-XI-2026.pdf", "application/pdf",
                 pdf("Surat 445/1021/RSUD/XI/2026 Permohonan Perbaikan Jaringan"))],
         "rsud-igd"))

mail("wa_kec_sukau_inet_mati.eml", ("1.3", "tinggi"),
     frm=(None, "kec.sukau@lampungbaratkab.go.id"),
     subject="inet kantor mati",
     date=(4, 8, 17),
     body=text("""\
pagi pak, inet di kntr camat sukau mati total dr td pagi, lmpu modem merah trs.
sdh sy cabut colok lg tp tetep gk bs. smua komputer gk bs konek
mhn bpk cek ya pak, warga yg mau urus surat pd nunggu di dpn

mksh
Rio - kec sukau

Dikirim dari Yahoo Mail di Android
""", cte="7bit"))

mail("english_puskesmas_liwa_outage.eml", ("1.3", "tinggi"),
     frm=("dr. Maya Pratiwi", "puskesmas.liwa@lampungbaratkab.go.id"),
     subject="URGENT: network down at Puskesmas Liwa since 8 am",
     date=(5, 9, 4),
     body=text("""\
Dear Aptika team,

Our whole network at Puskesmas Liwa has been down since around 8 this morning.
None of the PCs at registration, pharmacy or the lab can reach anything, so we
cannot use P-Care or the e-Puskesmas app and patients are queuing outside.
The router in the server cupboard shows power but the WAN light is off. We
have already power-cycled it twice.

Could you please send a technician as soon as possible?

Thanks and regards,

dr. Maya Pratiwi
Kepala UPTD Puskesmas Rawat Inap Liwa
Jl. Pahlawan No. 5, Liwa
""", cte="base64"))

mail("wa_disdik_wifi_lemot_ruang_kabid.eml", ("1.3", "rendah"),
     frm=("Yuniarti", "yuniarti.disdik@gmail.com"),
     subject="wifi lemot",
     date=(5, 10, 26),
     body=text("""\
Assalamualaikum pak, mhn maaf ganggu 🙏
wifi di ruang kabid PAUD (disdikbud) lemot bgt dr kmrn, buka email aja lama
bgt, tp msh bs konek sih. yg lain kyknya gpp.
klo bpk ada waktu tlg dicek ya pak. mksh

Yuni
Bid. PAUD Disdikbud Lambar
""", cte="8bit"))

mail("html_disdukcapil_loket_offline.eml", ("1.3", "tinggi"),
     frm=("Disdukcapil Lampung Barat", "pelayanan@disdukcapil.lampungbaratkab.go.id"),
     subject="Loket pelayanan KTP-el OFFLINE - mohon segera",
     date=(6, 9, 31),
     body=html(f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Laporan gangguan</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;font-size:13px;color:#222">
<div>Yth. Tim Aptika Diskominfo Kab. Lampung Barat,</div>
<div><br></div>
<div>Dengan ini kami laporkan bahwa <b>seluruh loket pelayanan</b> di kantor Dinas
Kependudukan dan Pencatatan Sipil tidak dapat terhubung ke server SIAK sejak pukul
09.10 WIB hari ini. Pelayanan perekaman dan pencetakan KTP-el, KK dan akta terhenti,
sementara sekitar 60 warga sudah menunggu di ruang tunggu.</div>
<div><br></div>
<table border="1" cellpadding="4" cellspacing="0" style="border-collapse:collapse;font-size:12px">
<tr style="background:#dde7f3"><th>Loket</th><th>Layanan</th><th>Status</th></tr>
<tr><td>1</td><td>Perekaman KTP-el</td><td style="color:#c00">tidak terhubung</td></tr>
<tr><td>2</td><td>Pencetakan KTP-el</td><td style="color:#c00">tidak terhubung</td></tr>
<tr><td>3 - 4</td><td>Kartu Keluarga</td><td style="color:#c00">tidak terhubung</td></tr>
<tr><td>5 - 6</td><td>Akta Kelahiran / Kematian</td><td style="color:#c00">tidak terhubung</td></tr>
</table>
<div><br></div>
<div>Lampu pada perangkat di rak jaringan masih menyala, tetapi ping ke gateway gagal.
Mohon bantuan tim teknis untuk <u>segera</u> datang ke lokasi.</div>
<div><br></div>
<div>Terima kasih.</div>
<div><br></div>
<table cellpadding="0" cellspacing="0"><tr>
<td style="padding-right:10px;border-right:3px solid #1f5fa8"><b style="color:#1f5fa8">DUKCAPIL</b><br><span style="font-size:10px">Lampung Barat</span></td>
<td style="padding-left:10px;font-size:11px">Sdri. Intan Permatasari<br>Operator SIAK<br>Dinas Kependudukan dan Pencatatan Sipil<br>
Jl. Kesehatan No. 2, Way Mengaku, Liwa | (0728) 21702</td></tr></table>
{PEMDA_DISCLAIMER_HTML}
</body></html>
"""))

mail("reply_gmail_bappeda_switch_lantai2.eml", ("1.3", "sedang"),
     frm=("Andi Saputra", "andi.saputra@bappeda.lampungbaratkab.go.id"),
     to=APTIKA, cc=["sekretariat@bappeda.lampungbaratkab.go.id"],
     subject="Re: jaringan lantai 2 putus",
     date=(10, 8, 5),
     in_reply_to="<CA+bappeda.sekr.20261109@mail.gmail.com>",
     body=alt("""\
Selamat pagi Tim Aptika,

Sesuai arahan Ibu Sekretaris di bawah, kami sampaikan langsung ke aptika.
Jaringan kabel di lantai 2 Bappeda (Bidang Ekonomi dan Bidang Infrastruktur
Kewilayahan, kurang lebih 12 komputer) tidak terhubung sejak kemarin sore.
Switch di lemari jaringan lantai 2 lampunya mati semua padahal listrik ada,
stopkontaknya sudah kami coba pindah. Lantai 1 normal.

Mohon dibantu pengecekan.

Terima kasih,
Andi Saputra
Bappeda Kab. Lampung Barat

Pada Sen, 9 Nov 2026 pukul 16.42 Sekretariat Bappeda <
sekretariat@bappeda.lampungbaratkab.go.id> menulis:

> Dik Andi, coba langsung email ke aptika@lampungbaratkab.go.id saja, cc ke
> saya.
>
> Pada Sen, 9 Nov 2026 pukul 15.58 Andi Saputra <
> andi.saputra@bappeda.lampungbaratkab.go.id> menulis:
>
>> Bu, internet di lantai 2 mati semua, switch nya kayaknya rusak.
>>
""", """\
<div dir="ltr">Selamat pagi Tim Aptika,<div><br></div><div>Sesuai arahan Ibu Sekretaris di bawah, kami sampaikan langsung ke aptika.
Jaringan kabel di lantai 2 Bappeda (Bidang Ekonomi dan Bidang Infrastruktur Kewilayahan, kurang lebih 12 komputer) tidak terhubung sejak kemarin sore.
Switch di lemari jaringan lantai 2 lampunya mati semua padahal listrik ada, stopkontaknya sudah kami coba pindah. Lantai 1 normal.</div>
<div><br></div><div>Mohon dibantu pengecekan.</div><div><br></div><div>Terima kasih,</div><div>Andi Saputra</div><div>Bappeda Kab. Lampung Barat</div></div><br>
<div class="gmail_quote"><div dir="ltr" class="gmail_attr">Pada Sen, 9 Nov 2026 pukul 16.42 Sekretariat Bappeda &lt;<a href="mailto:sekretariat@bappeda.lampungbaratkab.go.id">sekretariat@bappeda.lampungbaratkab.go.id</a>&gt; menulis:<br></div>
<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">
<div dir="ltr">Dik Andi, coba langsung email ke <a href="mailto:aptika@lampungbaratkab.go.id">aptika@lampungbaratkab.go.id</a> saja, cc ke saya.</div><br>
<div class="gmail_quote"><div dir="ltr" class="gmail_attr">Pada Sen, 9 Nov 2026 pukul 15.58 Andi Saputra &lt;<a href="mailto:andi.saputra@bappeda.lampungbaratkab.go.id">andi.saputra@bappeda.lampungbaratkab.go.id</a>&gt; menulis:<br></div>
<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">
<div dir="ltr">Bu, internet di lantai 2 mati semua, switch nya kayaknya rusak.</div>
</blockquote></div></blockquote></div>
""", seed="bappeda-lt2"))

mail("fwd_outlook_sekdis_dinkes_ap_petir.eml", ("1.3", "sedang"),
     frm=("Sekretaris Dinas Kesehatan", "sekretaris@dinkes.lampungbaratkab.go.id"),
     subject="FW: Laporan kerusakan perangkat jaringan akibat petir",
     date=(11, 8, 21),
     body=text("""\
Tolong ditindaklanjuti.

Salam,
drg. Rini Handayani
Sekretaris Dinas Kesehatan Kab. Lampung Barat

-----Original Message-----
From: Subbag Umum Dinkes <umum@dinkes.lampungbaratkab.go.id>
Sent: Wednesday, November 11, 2026 7:48 AM
To: Sekretaris Dinas Kesehatan <sekretaris@dinkes.lampungbaratkab.go.id>
Subject: Laporan kerusakan perangkat jaringan akibat petir

Ibu Sekretaris yang kami hormati,

Melaporkan bahwa tadi malam terjadi hujan disertai petir di sekitar kantor.
Pagi ini access point di aula dan di ruang Bidang P2P mati total, dan satu
switch 24 port di ruang arsip berbau hangus. Akibatnya Bidang P2P dan aula
tidak bisa internet; bagian lain masih normal. Kami tidak memiliki perangkat
cadangan.

Mohon arahan Ibu.

Hormat kami,
Subbag Umum dan Kepegawaian
"""))

mail("wa_pkm_batuketulis_fo_putus_pohon.eml", ("1.3", "tinggi"),
     frm=("Puskesmas Batu Ketulis", "pkm.batuketulis@lampungbaratkab.go.id"),
     subject="kabel fo putus kena pohon",
     date=(12, 7, 38),
     body=multi("mixed", [text("""\
Pak, lapor, kabel FO yg ke puskesmas batu ketulis putus ketimpa pohon tumbang
di jln dpn pasar, td subuh abis hujan angin. skrg puskesmas gk ada internet
sama skali, pendaftaran BPJS manual smua.
ini sy lampirkan foto kabelnya.
mhn segera ditangani pak 🙏🙏

Dedi - admin pkm btk
""", cte="8bit"), attachment("IMG_20261112_071502.jpg", "image/jpeg", jpg("fo-putus"))],
         "pkm-btk"))

mail("formal_kec_waytenong_pemeliharaan_rutin.eml", ("1.3", "rendah"),
     frm=("Kecamatan Way Tenong", "kec.waytenong@lampungbaratkab.go.id"),
     subject="Permohonan Pemeliharaan Jaringan Kantor Camat Way Tenong",
     date=(2, 10, 40),
     body=text("""\
Kepada Yth.
Kepala Dinas Komunikasi dan Informatika
Kabupaten Lampung Barat
di Liwa

Nomor    : 005/214/13/XI/2026
Sifat    : Biasa
Lampiran : -
Perihal  : Permohonan Pemeliharaan Jaringan

Dengan hormat,

Sehubungan dengan telah lebih dari satu tahun tidak dilakukan pemeliharaan
terhadap jaringan di Kantor Camat Way Tenong (gedung utama ± 240 m²), dan
guna menjaga kelancaran pelayanan kepada masyarakat, kami mengharapkan
kiranya tim teknis Dinas Komunikasi dan Informatika dapat melakukan
pemeliharaan rutin berupa pengecekan kabel, perangkat switch dan access
point, serta perapian rak jaringan.

Saat ini jaringan berjalan normal. Waktu pelaksanaan dapat disesuaikan dengan
jadwal tim teknis.

Demikian permohonan ini kami sampaikan, atas perhatian dan kerja samanya
diucapkan terima kasih.

Camat Way Tenong,

ttd

Drs. Hasanudin
NIP. 19690807 199003 1 006
""", cs="iso-8859-1"))

mail("nosubject_dpmptsp_loket_oss.eml", ("1.3", "tinggi"),
     frm=("Fitri DPMPTSP", "pelayanan@dpmptsp.lampungbaratkab.go.id"),
     subject="",
     date=(13, 9, 47),
     body=text("""\
Selamat pagi,

Mohon izin melapor, jaringan di loket perizinan Mal Pelayanan Publik lantai 1
tidak bisa akses OSS dan SiCantik sejak jam 9 tadi. Komputer di ruang back
office juga sama, tidak ada koneksi sama sekali. Pemohon izin sudah antri.

Mohon bantuannya segera ya Pak.

Fitri
Front Office DPMPTSP Kab. Lampung Barat
"""))

mail("sunda_distan_kabel_digigit_tikus.eml", ("1.3", "rendah"),
     frm=("Ujang Suherman", "umum@distan.lampungbaratkab.go.id"),
     subject="Kabel LAN ruang penyuluh rusak",
     date=(16, 13, 55),
     body=multi("mixed", [text("""\
Sampurasun,

Punten Pak, ngiring wartoskeun: kabel LAN di ruang penyuluh Dinas Pertanian
dicokot beurit (digigit tikus) di handapeun lantai kayu, janten 3 komputer
penyuluh teu tiasa nyambung ka jaringan. Komputer di ruangan sanes normal.

Mohon kiranya teknisi tiasa sumping kanggo ngaganti kabelna. Foto terlampir.

Hatur nuhun,

Ujang Suherman
Subbag Umum dan Kepegawaian
Dinas Pertanian Kab. Lampung Barat
""", cs="iso-8859-1"), attachment("kabel_rusak.jpg", "image/jpeg", jpg("tikus", 700))], "distan"))

mail("thanks_plus_new_kesbangpol_ssid_rapat.eml", ("1.3", "rendah"),
     frm=("Tika - Kesbangpol", "umum@kesbangpol.lampungbaratkab.go.id"),
     subject="Re: Perbaikan jaringan Kesbangpol - terima kasih",
     date=(17, 11, 2),
     in_reply_to="<20261116143010.aptika.kesbangpol@lampungbaratkab.go.id>",
     body=text("""\
Selamat siang Pak Dedi dan tim,

Terima kasih banyak atas perbaikan kemarin, internet di ruang staf sudah
lancar kembali.

Sekalian kami mohon bantuan lagi Pak: wifi di ruang rapat Kaban sejak pagi
tidak muncul SSID-nya sama sekali, padahal lampu access point-nya menyala.
Mohon dicek kalau tim ada waktu.

Salam,
Tika
Subbag Umum Badan Kesbangpol

Pada Sen, 16 Nov 2026 pukul 14.30 Aptika Diskominfo <aptika@lampungbaratkab.go.id> menulis:
> Yth. Bapak/Ibu,
> Perbaikan kabel uplink ruang staf Badan Kesbangpol telah selesai dilakukan.
> Mohon dikabarkan apabila masih terdapat kendala.
> Salam, Tim Aptika
"""))

mail("deadline_bpkad_sipd_putus_putus.eml", ("1.3", "tinggi"),
     frm=("Bidang Anggaran BPKAD", "anggaran@bpkad.lampungbaratkab.go.id"),
     subject="Internet BPKAD putus-putus, batas input SIPD 13 November",
     date=(11, 14, 12),
     body=alt("""\
Yth. Tim Aptika Diskominfo,

Sejak Senin koneksi di seluruh kantor BPKAD putus-nyambung setiap beberapa
menit (ping ke gateway RTO). Saat ini semua bidang sedang menginput RKA
perubahan dan penatausahaan di SIPD-RI yang batas akhirnya Jumat, 13 November
2026 pukul 23.59 WIB. Dengan kondisi ini banyak isian yang gagal tersimpan.

Kami mohon dengan sangat agar dapat ditangani hari ini.

Terima kasih.

Hendra Gunawan, S.E.
Kasubbid Anggaran
BPKAD Kabupaten Lampung Barat
""", outlook_html("""\
<p class="MsoNormal">Yth. Tim Aptika Diskominfo,</p>
<p class="MsoNormal">&nbsp;</p>
<p class="MsoNormal">Sejak Senin koneksi di seluruh kantor BPKAD putus-nyambung setiap beberapa menit
(ping ke gateway RTO). Saat ini semua bidang sedang menginput RKA perubahan dan penatausahaan di SIPD-RI
yang batas akhirnya <b>Jumat, 13 November 2026 pukul 23.59 WIB</b>. Dengan kondisi ini banyak isian yang
gagal tersimpan.</p>
<p class="MsoNormal">&nbsp;</p>
<p class="MsoNormal">Kami mohon dengan sangat agar dapat ditangani hari ini.</p>
<p class="MsoNormal">&nbsp;</p>
<p class="MsoNormal">Terima kasih.</p>""", """\
<p class="MsoNormal"><b>Hendra Gunawan, S.E.</b><br>Kasubbid Anggaran<br>BPKAD Kabupaten Lampung Barat</p>"""),
         seed="bpkad-sipd"))

mail("jawa_uptd_pendidikan_waytenong_wifi.eml", ("1.3", "sedang"),
     frm=("UPTD Pendidikan Way Tenong", "uptdik.waytenong@lampungbaratkab.go.id"),
     subject="nyuwun tulung wifi kantor UPTD",
     date=(18, 8, 9),
     body=text("""\
Sugeng enjing Pak,

Nuwun sewu, wifi ing kantor UPTD Pendidikan Kec. Way Tenong mati wiwit wingi
sore. Sampun kulo restart routere nanging tetep mboten saged. Sing nganggo
kabel LAN isih iso, mung laptop-laptop sing nganggo wifi ora iso konek, padahal
akeh operator sekolah sing teko mrene arep sinkron Dapodik.

Mohon bantuanipun nggih Pak, mbok menawi tim teknis saged rawuh.

Maturnuwun,
Slamet Riyadi
"""))

mail("alt_inspektorat_ap_lantai1_mati.eml", ("1.3", "sedang"),
     frm=("Irban Wilayah I", "irban1@inspektorat.lampungbaratkab.go.id"),
     subject="Access point lantai 1 Inspektorat mati",
     date=(19, 10, 15),
     body=alt("""\
Dengan hormat,

Access point di lantai 1 Inspektorat (lorong antara ruang Irban I dan Irban II)
mati sejak Senin; lampunya tidak menyala walaupun adaptor sudah dicoba di
stopkontak lain. Sekitar 15 pegawai tidak bisa terhubung dan terpaksa memakai
tethering HP untuk mengunggah kertas kerja ke aplikasi.

Mohon dapat diperbaiki atau diganti.

Hormat kami,

M. Iqbal Firdaus, S.E.
Auditor Ahli Muda - Irban Wilayah I
Inspektorat Kabupaten Lampung Barat
Jl. Kapten Musa No. 8, Liwa

DISCLAIMER: Informasi dalam email ini dan lampirannya bersifat rahasia dan
hanya ditujukan untuk penerima yang namanya tercantum. Jika Anda menerima email
ini karena kesalahan, mohon segera memberitahu pengirim dan menghapus email
ini. Pemerintah Kabupaten Lampung Barat tidak bertanggung jawab atas kerugian
yang ditimbulkan oleh virus yang mungkin terbawa dalam email ini.
""", outlook_html("""\
<p class="MsoNormal">Dengan hormat,</p><p class="MsoNormal">&nbsp;</p>
<p class="MsoNormal">Access point di lantai 1 Inspektorat (lorong antara ruang Irban I dan Irban II) mati sejak Senin;
lampunya tidak menyala walaupun adaptor sudah dicoba di stopkontak lain. Sekitar 15 pegawai tidak bisa terhubung dan
terpaksa memakai tethering HP untuk mengunggah kertas kerja ke aplikasi.</p><p class="MsoNormal">&nbsp;</p>
<p class="MsoNormal">Mohon dapat diperbaiki atau diganti.</p><p class="MsoNormal">&nbsp;</p>
<p class="MsoNormal">Hormat kami,</p>""", """\
<table border="0" cellpadding="0"><tr><td style="border-left:4px solid #8a1c1c;padding-left:8px">
<p class="MsoNormal"><b>M. Iqbal Firdaus, S.E.</b><br>Auditor Ahli Muda &ndash; Irban Wilayah I<br>
Inspektorat Kabupaten Lampung Barat<br>Jl. Kapten Musa No. 8, Liwa</p></td></tr></table>
""" + PEMDA_DISCLAIMER_HTML), seed="irban-ap"))


# =========================================================================== 1.2 pembangunan / pengembangan

mail("formal_dishub_jaringan_gedung_uptd_terminal.eml", ("1.2", "sedang"),
     frm=("Sekretariat Dinas Perhubungan", "sekretariat@dishub.lampungbaratkab.go.id"),
     subject="Permohonan Pembangunan Jaringan Intra Gedung UPTD Terminal Liwa",
     date=(5, 13, 20),
     body=multi("mixed", [text("""\
Kepada Yth.
Kepala Dinas Komunikasi dan Informatika
Kabupaten Lampung Barat
di -
     Tempat

Nomor    : 550/387/IV.09/2026
Sifat    : Penting
Lampiran : 1 (satu) lembar denah
Perihal  : Permohonan Pembangunan Jaringan Intra

Dengan hormat,

Bersama ini kami sampaikan bahwa gedung kantor UPTD Terminal Tipe C Liwa yang
baru selesai dibangun pada Tahun Anggaran 2026 sampai saat ini belum
terhubung ke jaringan intra Pemerintah Kabupaten Lampung Barat. Gedung
tersebut terdiri atas 4 (empat) ruangan: ruang Kepala UPTD, ruang tata usaha,
ruang pengawasan/loket dan ruang jaga.

Sehubungan dengan hal tersebut, kami mohon kiranya Dinas Komunikasi dan
Informatika dapat melaksanakan pembangunan jaringan intra pada gedung
dimaksud, meliputi penarikan kabel, pemasangan perangkat dan penyambungan ke
jaringan intra Pemerintah Daerah. Gedung direncanakan mulai digunakan pada
awal Januari 2027. Denah gedung kami lampirkan.

Demikian permohonan ini kami sampaikan. Atas perhatian dan kerja samanya kami
ucapkan terima kasih.

Kepala Dinas Perhubungan
Kabupaten Lampung Barat,

ttd

Ir. Sugiharto, M.T.
Pembina Utama Muda (IV/c)
NIP. 19700415 199503 1 002
"""), attachment("Denah_UPTD_Terminal_Liwa.pdf", "application/pdf", pdf("Denah UPTD Terminal Liwa"))],
         "dishub"))

mail("wa_kec_belalau_tambah_titik_lan.eml", ("1.2", "sedang"),
     frm=("Dewi Kec Belalau", "kec.belalau@lampungbaratkab.go.id"),
     subject="tambah titik LAN",
     date=(16, 11, 33),
     body=text("""\
Slmt siang pak,
kami dpt bantuan 3 unit PC baru utk ruang pelayanan PATEN, tp colokan LAN nya
cuma 1. mhn dibantu tambah 3 titik kabel LAN ya pak. kpn kira2 bs dtg?
mksh

Dewi - kec Belalau
""", cte="7bit"))

mail("buried_long_letter_dinsos_ruang_verifikasi.eml", ("1.2", "sedang"),
     frm=("Sekretariat Dinas Sosial", "sekretariat@dinsos.lampungbaratkab.go.id"),
     subject="Penyampaian Rencana Kegiatan Verifikasi dan Validasi DTKS Tahun 2026",
     date=(9, 14, 5),
     to=[APTIKA, "sekretariat@disdukcapil.lampungbaratkab.go.id"],
     body=multi("mixed", [text("""\
Kepada Yth.
1. Kepala Dinas Komunikasi dan Informatika Kab. Lampung Barat
2. Kepala Dinas Kependudukan dan Pencatatan Sipil Kab. Lampung Barat
di -
     Liwa

Nomor    : 460/612/V.11/2026
Sifat    : Penting
Lampiran : 1 (satu) berkas
Perihal  : Penyampaian Rencana Kegiatan Verifikasi dan Validasi DTKS
           Tahun 2026

Dengan hormat,

Dalam rangka pemutakhiran Data Terpadu Kesejahteraan Sosial (DTKS) sebagaimana
diamanatkan oleh peraturan perundang-undangan di bidang penanganan fakir
miskin, serta menindaklanjuti surat Kementerian Sosial mengenai jadwal
pemutakhiran DTKS semester II Tahun 2026, Dinas Sosial Kabupaten Lampung Barat
akan melaksanakan kegiatan verifikasi dan validasi (verivali) DTKS di 15
(lima belas) kecamatan.

Kegiatan verivali akan dilaksanakan oleh tim yang terdiri atas pendamping PKH,
Tenaga Kesejahteraan Sosial Kecamatan (TKSK), operator SIKS-NG kecamatan dan
operator pekon, dengan jadwal sebagaimana tercantum dalam lampiran surat ini.
Hasil verivali lapangan akan diinput melalui aplikasi SIKS-NG dan dipadankan
dengan data kependudukan.

Untuk kelancaran proses pemadanan Nomor Induk Kependudukan (NIK), kami mohon
dukungan Dinas Kependudukan dan Pencatatan Sipil berupa pendampingan operator
dan akses pemadanan data sesuai perjanjian kerja sama yang telah berlaku.

Berkenaan dengan hal tersebut, Dinas Sosial telah menyiapkan satu ruangan baru
di lantai 2 (eks gudang arsip) sebagai ruang operator verivali yang akan
digunakan oleh 10 (sepuluh) orang operator. Ruangan tersebut saat ini belum
memiliki jaringan sama sekali. Untuk itu kami mohon bantuan Dinas Komunikasi
dan Informatika untuk melakukan pemasangan jaringan (kabel LAN untuk 10
komputer dan 1 unit access point) di ruangan tersebut, paling lambat tanggal
30 November 2026 mengingat entri data dimulai tanggal 1 Desember 2026.

Hasil kegiatan verivali akan dilaporkan kepada Bupati Lampung Barat dan
Kementerian Sosial paling lambat akhir bulan Desember 2026. Rapat koordinasi
persiapan akan diselenggarakan kemudian dengan undangan tersendiri.

Demikian kami sampaikan, atas perhatian dan kerja sama Bapak/Ibu kami ucapkan
terima kasih.

Kepala Dinas Sosial
Kabupaten Lampung Barat,

ttd

Dra. Nurhayati Ismail, M.Si.
NIP. 19720110 199703 2 003

Tembusan:
1. Bupati Lampung Barat (sebagai laporan);
2. Sekretaris Daerah Kabupaten Lampung Barat;
3. Arsip.
"""), attachment("Lampiran_Jadwal_Verivali_DTKS_2026.pdf", "application/pdf",
                 pdf("Jadwal Verivali DTKS 2026"))], "dinsos"))

mail("html_rsud_ap_gedung_rawat_inap_baru.eml", ("1.2", "sedang"),
     frm=("Instalasi SIMRS RSUD", "simrs@rsud.lampungbaratkab.go.id"),
     subject="Permintaan pemasangan jaringan & access point Gedung C (rawat inap baru)",
     date=(10, 9, 58),
     body=html("""<html><body>
<div style="font-family:Verdana,sans-serif;font-size:12px">
<p>Yth. Tim Aptika Diskominfo,</p>
<p>Gedung rawat inap baru RSUD Alimuddin Umar (Gedung C) akan mulai dioperasikan pada bulan Desember 2026.
Gedung tersebut belum memiliki jaringan. Mohon kiranya dapat dipasang jaringan dan access point
dengan rincian kebutuhan sebagai berikut:</p>
<table border="1" cellspacing="0" cellpadding="5" style="border-collapse:collapse;font-size:12px">
<thead><tr style="background:#0b6e4f;color:#fff"><th>No</th><th>Ruang</th><th>Lantai</th><th>Kebutuhan</th></tr></thead>
<tbody>
<tr><td>1</td><td>Nurse station Ruang Melati</td><td>1</td><td>1 access point + 2 titik LAN</td></tr>
<tr><td>2</td><td>Nurse station Ruang Mawar</td><td>2</td><td>1 access point + 2 titik LAN</td></tr>
<tr><td>3</td><td>Ruang Kepala Ruangan</td><td>2</td><td>1 titik LAN</td></tr>
<tr><td>4</td><td>Depo farmasi rawat inap</td><td>1</td><td>2 titik LAN</td></tr>
</tbody></table>
<p>Sambungan ke jaringan utama dapat diambil dari panel jaringan Gedung B (jarak &plusmn; 60 m).</p>
<p>Atas bantuannya kami ucapkan terima kasih.</p>
<p>Salam,<br><b>Instalasi SIMRS</b><br>RSUD Alimuddin Umar Kab. Lampung Barat<br>
<span style="color:#666">ext. 214 | simrs@rsud.lampungbaratkab.go.id</span></p>
<hr><p style="font-size:9px;color:#999">Surel ini dapat berisi informasi rahasia. Jika Anda bukan penerima yang dituju,
mohon hapus surel ini.</p>
</div></body></html>
"""))

mail("generic_mohon_bantuan_perpustakaan_wifi.eml", ("1.2", "rendah"),
     frm=("Rahmawati", "dispusip@lampungbaratkab.go.id"),
     subject="Mohon bantuan",
     date=(3, 13, 40),
     body=text("""\
Assalamu'alaikum wr. wb.

Bapak/Ibu di Diskominfo, kami dari Dinas Perpustakaan dan Kearsipan. Ruang
baca umum di lantai 1 selama ini belum ada jaringan internet sama sekali,
sedangkan pengunjung (pelajar dan mahasiswa) sering menanyakan wifi.

Mohon bantuan kiranya dapat dipasang jaringan wifi untuk ruang baca tersebut.
Tidak terburu-buru, bisa menyesuaikan jadwal Bapak/Ibu.

Wassalamu'alaikum wr. wb.

Rahmawati, A.Md.
Pustakawan Dinas Perpustakaan dan Kearsipan
"""))

mail("english_mixed_disparbud_festival_wifi.eml", ("1.2", "tinggi"),
     frm=("Reza - Disparbud", "pemasaran@disparbud.lampungbaratkab.go.id"),
     subject="Need network extension for Festival Sekala Bekhak - 14 Nov",
     date=(9, 15, 48),
     body=text("""\
Hi team Aptika,

Quick request: for Festival Sekala Bekhak 2026 we need the intra network
extended to the main stage area and the media center at Lapangan Merdeka
Liwa - around 25 users (panitia, media, live streaming ke kanal YouTube Pemkab).
The event starts Saturday 14 November at 08.00, so the installation has to be
done by Friday 13 Nov at the latest. Kami bisa siapkan listrik, tenda dan meja
di lokasi.

Please confirm asap ya. Thanks a lot!

Reza Pahlevi
Bidang Pemasaran Pariwisata
Dinas Pariwisata dan Kebudayaan Kab. Lampung Barat
""", cte="7bit"))

mail("reply_outlook_bkpsdm_ruang_cat_pppk.eml", ("1.2", "tinggi"),
     frm=("Nuraini - BKPSDM", "pengadaan@bkpsdm.lampungbaratkab.go.id"),
     subject="RE: Koordinasi persiapan seleksi kompetensi PPPK",
     date=(12, 13, 27),
     in_reply_to="<3F0A9C21B7E4D5A6.202611121020@diskominfo.lampungbaratkab.go.id>",
     body=text("""\
Pak Dedi,

Melanjutkan pembicaraan via telepon tadi, kami resmi mohon dipasang jaringan
kabel untuk 30 PC di aula BKPSDM yang akan dipakai sebagai ruang ujian CAT
seleksi kompetensi PPPK tanggal 19 November 2026. Saat ini aula hanya punya 2
titik LAN. Pemasangan harus sudah selesai dan diuji paling lambat Selasa,
17 November, karena tanggal 18 ada simulasi dari panitia pusat.

Terima kasih,

Nuraini, S.Sos.
Bidang Pengadaan, Pemberhentian dan Informasi Kepegawaian
BKPSDM Kabupaten Lampung Barat

From: Dedi Kurniawan <dedi.kurniawan@diskominfo.lampungbaratkab.go.id>
Sent: Thursday, November 12, 2026 10:20 AM
To: pengadaan@bkpsdm.lampungbaratkab.go.id
Subject: RE: Koordinasi persiapan seleksi kompetensi PPPK

Bu Nur,
Silakan kirimkan permintaannya ke aptika@lampungbaratkab.go.id supaya tercatat
sebagai tiket, nanti kami jadwalkan survei.
Salam, Dedi

From: Nuraini - BKPSDM <pengadaan@bkpsdm.lampungbaratkab.go.id>
Sent: Thursday, November 12, 2026 9:02 AM
To: Dedi Kurniawan <dedi.kurniawan@diskominfo.lampungbaratkab.go.id>
Subject: Koordinasi persiapan seleksi kompetensi PPPK

Pak Dedi, apakah bisa kami telepon terkait persiapan lokasi ujian CAT?
"""))

mail("wa_typo_pkm_sekincau_pindah_farmasi.eml", ("1.2", "sedang"),
     frm=(None, "pkm.sekincau@lampungbaratkab.go.id"),
     subject="pindah ruang farmasi",
     date=(17, 9, 12),
     body=text("""\
pak mhn maaf, ruang farmasi kmi pindh ke gedung sblh (bekas gudang), skrg blm
ada jaringan dsana. mhn bpk bs tarik kabel jaringan ke gedung itu, krn aplikasi
obat hrs online. sementra msh pake ruang lama sampe akhir bln.
mksh pk

apt. Lina - pkm sekincau
""", cte="7bit"))

mail("qp_kec_batubrak_sambungan_kantor_baru.eml", ("1.2", "sedang"),
     frm=("Kecamatan Batu Brak", "kec.batubrak@lampungbaratkab.go.id"),
     subject="Permohonan sambungan jaringan intra ke kantor camat yang baru",
     date=(6, 10, 3),
     body=text("""\
Yth. Kepala Dinas Komunikasi dan Informatika Kabupaten Lampung Barat
c.q. Kepala Bidang Aplikasi Informatika

Dengan hormat,

Kami sampaikan bahwa terhitung tanggal 2 November 2026 Kantor Camat Batu Brak
telah pindah ke gedung baru di Pekon Kembahang, kurang lebih 2 km dari lokasi
lama. Di gedung baru belum terdapat sambungan ke jaringan intra Pemerintah
Daerah, sehingga untuk sementara pelayanan menggunakan modem pribadi pegawai.

Mohon kiranya Diskominfo dapat membangun sambungan jaringan intra ke kantor
baru tersebut (misalnya melalui radio point-to-point dari menara terdekat
atau jalur kabel yang memungkinkan), termasuk jaringan lokal di dalam gedung
yang terdiri dari 6 ruangan.

Atas perhatiannya kami ucapkan terima kasih.

Sekretaris Kecamatan Batu Brak,
Yusuf Effendi, S.IP.
"""))

mail("fwd_gmail_kabag_umum_setda_ruang_rapat_lt3.eml", ("1.2", "sedang"),
     frm=("Kabag Umum Setda", "kabag.umum@setda.lampungbaratkab.go.id"),
     subject="Fwd: Permintaan jaringan ruang rapat utama lantai 3",
     date=(16, 10, 44),
     body=alt("""\
Mohon ditindaklanjuti ya. Terima kasih.

Kabag Umum

---------- Forwarded message ---------
From: Protokol Setda <protokol@setda.lampungbaratkab.go.id>
Date: Sen, 16 Nov 2026 pukul 09.12
Subject: Permintaan jaringan ruang rapat utama lantai 3
To: Kabag Umum Setda <kabag.umum@setda.lampungbaratkab.go.id>


Yth. Kabag Umum,

Ruang rapat utama lantai 3 yang baru selesai direnovasi belum memiliki titik
jaringan untuk video conference. Mohon dapat dipasang 4 titik LAN di meja
pimpinan dan 1 access point, agar ruangan dapat digunakan untuk vicon dengan
Pemerintah Provinsi mulai bulan depan.

Terima kasih,
Subbag Protokol
""", """\
<div dir="ltr">Mohon ditindaklanjuti ya. Terima kasih.<div><br></div><div>Kabag Umum</div><br>
<div class="gmail_quote"><div dir="ltr" class="gmail_attr">---------- Forwarded message ---------<br>
From: <strong class="gmail_sendername" dir="auto">Protokol Setda</strong> <span dir="auto">&lt;<a href="mailto:protokol@setda.lampungbaratkab.go.id">protokol@setda.lampungbaratkab.go.id</a>&gt;</span><br>
Date: Sen, 16 Nov 2026 pukul 09.12<br>Subject: Permintaan jaringan ruang rapat utama lantai 3<br>
To: Kabag Umum Setda &lt;<a href="mailto:kabag.umum@setda.lampungbaratkab.go.id">kabag.umum@setda.lampungbaratkab.go.id</a>&gt;<br></div><br><br>
<div dir="ltr">Yth. Kabag Umum,<div><br></div><div>Ruang rapat utama lantai 3 yang baru selesai direnovasi belum memiliki titik
jaringan untuk video conference. Mohon dapat dipasang 4 titik LAN di meja pimpinan dan 1 access point, agar ruangan dapat
digunakan untuk vicon dengan Pemerintah Provinsi mulai bulan depan.</div><div><br></div><div>Terima kasih,</div><div>Subbag Protokol</div></div>
</div></div>
""", seed="setda-lt3"))

mail("b64_disdagkop_upt_pasar_liwa.eml", ("1.2", "rendah"),
     frm=("UPT Pasar Liwa", "uptpasar@disdagkop.lampungbaratkab.go.id"),
     subject="Pengembangan jaringan ke kantor UPT Pasar Liwa",
     date=(20, 9, 30),
     body=text("""\
Kepada Yth. Tim Aptika Diskominfo,

Kantor UPT Pasar Liwa (Dinas Perdagangan, Koperasi dan UKM) yang berada di
dalam kompleks Pasar Liwa belum terhubung dengan jaringan intra Pemda. Untuk
mendukung rencana penerapan retribusi pasar non-tunai tahun depan, kami
mengusulkan pengembangan jaringan intra sampai ke kantor UPT tersebut (2
ruangan, 4 komputer).

Permohonan ini tidak mendesak dan dapat dijadwalkan sesuai ketersediaan tim
serta anggaran.

Hormat kami,
Kepala UPT Pasar Liwa
Rusdi Hamzah
""", cte="base64"))

mail("html_dprd_tambah_ap_ruang_paripurna.eml", ("1.2", "sedang"),
     frm=("Sekretariat DPRD Kab. Lampung Barat", "sekretariat@dprd.lampungbaratkab.go.id"),
     subject="Penambahan access point Ruang Sidang Paripurna",
     date=(4, 10, 50),
     body=html(f"""<div style="font-family:'Times New Roman',serif;font-size:14px">
<p>Dengan hormat,</p>
<p>Ruang Sidang Paripurna DPRD Kabupaten Lampung Barat saat ini hanya dilayani oleh 1 (satu) unit access point,
sehingga pada saat sidang dengan &plusmn;80 peserta (anggota dewan, TAPD dan undangan) koneksi tidak mencukupi.</p>
<p>Sehubungan dengan hal tersebut kami mohon kiranya Diskominfo dapat melakukan <b>penambahan 2 (dua) unit access point</b>
beserta kabelnya di ruang sidang paripurna, sebelum pelaksanaan Rapat Paripurna Penetapan APBD Tahun Anggaran 2027
yang dijadwalkan tanggal <b>27 November 2026</b>.</p>
<p>Demikian kami sampaikan, atas perhatian dan kerja samanya diucapkan terima kasih.</p>
<p>Kepala Bagian Umum dan Keuangan<br>Sekretariat DPRD Kabupaten Lampung Barat</p>
<p><b>Hj. Marlina, S.E., M.M.</b></p>
</div>
{PEMDA_DISCLAIMER_HTML}
""", cte="base64"))

mail("lampung_kec_lumbokseminung_aula.eml", ("1.2", "sedang"),
     frm=("Hendri", "kec.lumbokseminung@lampungbaratkab.go.id"),
     subject="pemasangan jaringan aula kecamatan",
     date=(18, 14, 21),
     body=text("""\
Tabik pun,

Puakhi tim Aptika, nyak Hendri anjak Kecamatan Lumbok Seminung. Aula kantor
kecamatan sai baru hinji belum ada jaringan sama sekali. Kami mohon
dipasangkan kabel LAN dan wifi di aula, karena akan dipakai untuk pelatihan
aparatur pekon dan rapat-rapat kecamatan.

Kapan tim bisa survei ke lokasi? Kabari nyak gawoh.

Tabik,
Hendri - Staf Kecamatan Lumbok Seminung
"""))


# =========================================================================== 1.1 perancangan interkoneksi

mail("formal_bappeda_desain_topologi.eml", ("1.1", "rendah"),
     frm=("Sekretariat Bappeda", "sekretariat@bappeda.lampungbaratkab.go.id"),
     subject="Permohonan Perancangan Topologi Jaringan Bappeda",
     date=(4, 9, 5),
     body=multi("mixed", [text("""\
Kepada Yth.
Kepala Dinas Komunikasi dan Informatika
Kabupaten Lampung Barat
di -
     Liwa

Nomor    : 050/412/II.04/2026
Sifat    : Biasa
Lampiran : 1 (satu) berkas denah kantor
Perihal  : Permohonan Perancangan Topologi Jaringan

Dengan hormat,

Dalam rangka penyusunan Rencana Kerja dan Anggaran (RKA) Tahun 2027, Bappeda
Kabupaten Lampung Barat berencana menata ulang jaringan kantor yang saat ini
terdiri dari beberapa switch yang dipasang bertahap tanpa rancangan yang
jelas.

Sehubungan dengan hal tersebut, kami mohon bantuan Dinas Komunikasi dan
Informatika untuk menyusun rancangan topologi dan interkoneksi jaringan
Bappeda dengan jaringan intra Pemerintah Daerah, termasuk pembagian segmen
jaringan per bidang. Rancangan tersebut akan kami gunakan sebagai dasar
usulan anggaran, sehingga tidak bersifat mendesak.

Demikian kami sampaikan, atas perhatian dan kerja samanya diucapkan terima
kasih.

a.n. Kepala Bappeda
Sekretaris,

ttd

Ahmad Fauzi, S.T., M.Eng.
NIP. 19800522 200501 1 003
"""), attachment("Denah_Kantor_Bappeda.pdf", "application/pdf", pdf("Denah Kantor Bappeda"))],
         "bappeda-topo"))

mail("wa_dinkes_konsultasi_vlan.eml", ("1.1", "rendah"),
     frm=("Bayu", "bayu.it@dinkes.lampungbaratkab.go.id"),
     subject="konsul vlan",
     date=(6, 15, 10),
     body=text("""\
pak mau konsultasi dong, kami rencana misahin jaringan dinkes jd bbrp vlan
(staf, tamu, server aplikasi SIK). enaknya dibagi gmn ya pak, trs nyambungnya
ke jaringan pemda gmn. kl bpk ada wkt kami yg ke kominfo jg gpp.
thx

bayu - dinkes
""", cte="7bit"))

mail("alt_rsud_rancangan_interkoneksi_rujukan_puskesmas.eml", ("1.1", "sedang"),
     frm=("Bidang Pelayanan Medik RSUD", "yanmed@rsud.lampungbaratkab.go.id"),
     subject="Rancangan interkoneksi jaringan RSUD - Puskesmas untuk SIMRS rujukan",
     date=(10, 11, 6),
     body=alt(f"""\
Yth. Kepala Bidang Aplikasi Informatika Diskominfo,

Bersama ini kami mohon pendampingan Diskominfo dalam merancang interkoneksi
jaringan antara RSUD Alimuddin Umar dengan 15 puskesmas, agar modul rujukan
online SIMRS dapat diakses langsung dari puskesmas melalui jaringan intra
(tanpa melalui internet publik).

Yang kami butuhkan:
  1. gambaran topologi dan jalur koneksi RSUD - puskesmas;
  2. kebutuhan pengamanan (VPN / firewall / segmentasi);
  3. tahapan implementasi.

Rancangan ini direncanakan untuk diimplementasikan pada Triwulan I 2027.

Hormat kami,
dr. Bambang Sutrisno, Sp.PD
Kepala Bidang Pelayanan Medik

{RSUD_DISCLAIMER}
""", """\
<div style="font-family:Calibri,sans-serif;font-size:11pt">
<p>Yth. Kepala Bidang Aplikasi Informatika Diskominfo,</p>
<p>Bersama ini kami mohon pendampingan Diskominfo dalam merancang interkoneksi jaringan antara RSUD Alimuddin Umar
dengan 15 puskesmas, agar modul rujukan online SIMRS dapat diakses langsung dari puskesmas melalui jaringan intra
(tanpa melalui internet publik).</p>
<p>Yang kami butuhkan:</p>
<ol><li>gambaran topologi dan jalur koneksi RSUD &ndash; puskesmas;</li>
<li>kebutuhan pengamanan (VPN / firewall / segmentasi);</li><li>tahapan implementasi.</li></ol>
<p>Rancangan ini direncanakan untuk diimplementasikan pada Triwulan I 2027.</p>
<p>Hormat kami,<br><b>dr. Bambang Sutrisno, Sp.PD</b><br>Kepala Bidang Pelayanan Medik</p>
<p style="font-size:8pt;color:#777">PERHATIAN: Surel ini beserta lampirannya ditujukan hanya untuk penerima yang dituju dan dapat
berisi informasi yang bersifat rahasia.</p></div>
""", seed="rsud-rujukan"))

mail("english_disdikbud_smp_interconnection_design.eml", ("1.1", "sedang"),
     frm=("Bidang Dikdas Disdikbud", "dikdas@disdikbud.lampungbaratkab.go.id"),
     subject="Design proposal - connecting SMP negeri to the intra network",
     date=(12, 10, 37),
     body=text("""\
Dear Diskominfo team,

Disdikbud plans to connect the 21 SMP Negeri across Lampung Barat to the Pemda
intra network, so that school data (Dapodik backups, ANBK sync) goes through a
managed network instead of each school's own ISP.

We'd like your help to design the interconnection architecture: which schools
can be linked via fiber and which via radio, what the topology should look
like, and how it connects to the core at Diskominfo.

Could we schedule a discussion next week? A rough design by mid-December would
be great for our 2027 planning.

Best regards,
Arif Budiman, S.Kom.
Bidang Pendidikan Dasar
Dinas Pendidikan dan Kebudayaan Kab. Lampung Barat
"""))

mail("reply_gmail_kec_sumberjaya_rancang_ulang.eml", ("1.1", "rendah"),
     frm=("Kasi Umum Kec. Sumber Jaya", "kec.sumberjaya@lampungbaratkab.go.id"),
     subject="Re: renovasi kantor kecamatan",
     date=(5, 8, 50),
     in_reply_to="<CA+camat.sumberjaya.20261104@mail.gmail.com>",
     body=text("""\
Pak Aptika,

Meneruskan arahan Pak Camat di bawah: karena kantor kecamatan akan direnovasi
dan tata ruangnya berubah total (ruang pelayanan pindah ke depan, ruang camat
ke lantai 2), kami minta saran dan rancangan ulang jaringan kantor: posisi
rak, jalur kabel dan titik access point. Renovasi fisik baru mulai Februari
2027, jadi tidak mendesak.

Terima kasih.
Sutrisno - Kasi Umum

Pada Rab, 4 Nov 2026 pukul 14.20 Camat Sumber Jaya <camat.sumberjaya@lampungbaratkab.go.id> menulis:

> Tolong koordinasikan dengan Kominfo soal jaringan di gedung yang
> direnovasi, jangan sampai nanti bongkar pasang lagi.
>
> Camat
"""))

mail("generic_permohonan_inspektorat_pendampingan.eml", ("1.1", "sedang"),
     frm=("Sekretariat Inspektorat", "sekretariat@inspektorat.lampungbaratkab.go.id"),
     subject="Permohonan",
     date=(13, 13, 18),
     body=text("""\
Kepada Yth.
Kepala Dinas Komunikasi dan Informatika
Kabupaten Lampung Barat

Nomor    : 700/198/III.02/2026
Sifat    : Biasa
Lampiran : -
Perihal  : Permohonan Pendampingan Perancangan Jaringan

Dengan hormat,

Inspektorat Kabupaten Lampung Barat akan mengimplementasikan aplikasi e-Audit
yang harus terhubung secara langsung dengan server keuangan di BPKAD. Untuk
itu kami mohon pendampingan Dinas Komunikasi dan Informatika dalam perancangan
interkoneksi jaringan antara Inspektorat dan BPKAD, termasuk pengamanan jalur
datanya.

Demikian disampaikan, atas kerja samanya diucapkan terima kasih.

Sekretaris Inspektorat,

Rudi Hartono, S.E., M.Ak.
NIP. 19810319 200604 1 005
"""))

mail("deadline_setda_rancangan_jaringan_mpp.eml", ("1.1", "tinggi"),
     frm=("Bagian Organisasi Setda", "organisasi@setda.lampungbaratkab.go.id"),
     subject="SEGERA - rancangan jaringan Mal Pelayanan Publik, ditunggu Jumat 20/11",
     date=(16, 8, 2),
     to=APTIKA, cc=["kabid.aptika@diskominfo.lampungbaratkab.go.id"],
     body=text("""\
Yth. Kabid Aptika dan Tim,

Menindaklanjuti arahan Bapak Sekda pada rapat persiapan Mal Pelayanan Publik
(MPP) tanggal 13 November, kami membutuhkan rancangan interkoneksi jaringan
untuk 12 gerai instansi di gedung MPP (termasuk gerai instansi vertikal: BPJS,
Samsat, Kantor Pertanahan) yang terhubung ke jaringan intra Pemda.

Dokumen rancangan tersebut harus sudah kami lampirkan dalam laporan kesiapan
MPP ke KemenPAN-RB paling lambat Jumat, 20 November 2026. Mohon bantuannya,
waktunya sangat mepet.

Terima kasih.

Kabag Organisasi Setda Kab. Lampung Barat
Wahyuni Lestari, S.Sos., M.Si.
"""))

mail("fwd_outlook_disdikbud_rencana_jaringan_uptd.eml", ("1.1", "sedang"),
     frm=("Subbag Program Disdikbud", "program@disdikbud.lampungbaratkab.go.id"),
     subject="FW: rencana jaringan ke UPTD",
     date=(18, 8, 45),
     body=text("""\
Selamat pagi Bapak/Ibu Tim Aptika,

Atas perintah Kabid, kami teruskan email beliau di bawah. Mohon arahan dan
bantuan rancangannya.

Salam,
Wulan Sari
Subbag Program dan Keuangan
Disdikbud Kab. Lampung Barat

-----Original Message-----
From: Kabid Pembinaan SD <kabid.sd@disdikbud.lampungbaratkab.go.id>
Sent: Tuesday, November 17, 2026 3:05 PM
To: program@disdikbud.lampungbaratkab.go.id
Subject: rencana jaringan ke UPTD

Wulan,

Tolong ajukan ke Kominfo: kita perlu rancangan bagaimana 15 UPTD Satuan
Pendidikan di kecamatan bisa terhubung ke jaringan intra Pemda, supaya laporan
bulanan bisa langsung masuk ke server dinas. Minta juga gambaran jalurnya.

Kabid
"""))

mail("qp_dpmp_konsultasi_rancangan_jaringan_pekon.eml", ("1.1", "rendah"),
     frm=("Bidang Pemerintahan Pekon DPMP", "pemdes@dpmp.lampungbaratkab.go.id"),
     subject="Konsultasi rancangan interkoneksi kantor pekon",
     date=(19, 14, 0),
     body=text("""\
Yth. Tim Aptika Diskominfo,

Dengan hormat, Dinas Pemberdayaan Masyarakat dan Pekon ingin berkonsultasi
mengenai kemungkinan merancang interkoneksi kantor pekon (131 pekon) ke
jaringan intra Pemda secara bertahap, dimulai dari 5 pekon percontohan.

Kami ingin mengetahui pilihan desain yang memungkinkan (kabel, radio, atau
VPN di atas internet pekon) beserta kelebihan dan kekurangannya, sebagai bahan
diskusi perencanaan Tahun 2028. Belum ada tenggat waktu.

Terima kasih atas perhatiannya.

Kabid Pemerintahan Pekon,
Drs. Zainal Abidin
""", cs="iso-8859-1"))

mail("wa_satpolpp_rancangan_jaringan_cctv.eml", ("1.1", "sedang"),
     frm=("Ops Satpol PP", "ops@satpolpp.lampungbaratkab.go.id"),
     subject="tanya rancangan jaringan cctv",
     date=(20, 13, 36),
     body=text("""\
Siang pak,
kami dr Satpol PP rencana pasang 8 cctv di titik2 rawan (tugu, pasar, terminal)
yg mau dipantau dr posko satpol. blm tau jaringannya nyambung lewat mana.
mhn dibantu buat rancangan jaringannya pak, soalnya hrs sdh ada utk rapat TAPD
tgl 3 Desember. cctv nya nanti kami anggarkan sendiri.
tks

Bripka (purn) Hasan - Ops Satpol PP
""", cte="7bit"))

mail("jawa_bpbd_rancangan_pusdalops.eml", ("1.1", "sedang"),
     frm=("Pusdalops BPBD", "pusdalops@bpbd.lampungbaratkab.go.id"),
     subject="Mohon rancangan jaringan Pusdalops baru",
     date=(23, 11, 11),
     body=text("""\
Sugeng siang, Bapak/Ibu,

BPBD berencana memindahkan Pusdalops ke gedung baru dekat Tugu Liwa. Kami
butuh rancangan interkoneksi jaringan dari Pusdalops baru ke jaringan intra
Pemda, ditambah jalur cadangan (backup) lewat radio supaya tetap bisa jalan
saat kabel putus kena longsor. Mohon dibantu rancangannya sebelum pindahan
awal Januari 2027.

Matur nuwun sanget,
Agus Widodo
Pusdalops BPBD Kab. Lampung Barat
"""))


# =========================================================================== 1.4 rekomendasi peralatan

mail("formal_dinkes_rekomendasi_teknis_pengadaan.eml", ("1.4", "sedang"),
     frm=("Subbag Umum Dinkes", "umum@dinkes.lampungbaratkab.go.id"),
     subject="Permohonan Rekomendasi Teknis Pengadaan Perangkat Jaringan Puskesmas",
     date=(9, 9, 40),
     body=multi("mixed", [text("""\
Kepada Yth.
Kepala Dinas Komunikasi dan Informatika
Kabupaten Lampung Barat
di -
     Liwa

Nomor    : 027/889/III.05/2026
Sifat    : Penting
Lampiran : 1 (satu) berkas
Perihal  : Permohonan Rekomendasi Teknis

Dengan hormat,

Dinas Kesehatan Kabupaten Lampung Barat akan melaksanakan pengadaan perangkat
jaringan untuk 5 (lima) puskesmas (Liwa, Batu Brak, Sekincau, Way Tenong dan
Suoh) berupa router, switch dan access point pada Tahun Anggaran 2027.

Sesuai ketentuan, pengadaan perangkat TIK memerlukan rekomendasi teknis dari
Dinas Komunikasi dan Informatika. Oleh karena itu kami mohon Bapak berkenan
memberikan rekomendasi teknis atas daftar kebutuhan dan spesifikasi
sebagaimana terlampir.

Demikian kami sampaikan, atas perhatian Bapak diucapkan terima kasih.

a.n. Kepala Dinas Kesehatan
Sekretaris,

drg. Rini Handayani
NIP. 19760930 200212 2 002
"""), attachment("Daftar_Kebutuhan_Perangkat_Jaringan_Puskesmas.pdf", "application/pdf",
                 pdf("Daftar kebutuhan perangkat jaringan puskesmas 2027"))], "dinkes-rekom"))

mail("wa_kec_kebuntebu_tanya_merk_router.eml", ("1.4", "rendah"),
     frm=(None, "kec.kebuntebu@lampungbaratkab.go.id"),
     subject="tanya router",
     date=(10, 15, 22),
     body=text("""\
pak mau tny, kami mau beli router baru pake dana kecamatan, anggaran kira2
2 jt. bagusnya merk/tipe apa ya yg cocok buat kantor kecamatan ±20 user?
biar gk salah beli. mksh pak
"""))

mail("fwd_disdikbud_penawaran_vendor_minta_rekomendasi.eml", ("1.4", "sedang"),
     frm=("Subbag Umum Disdikbud", "umum@disdikbud.lampungbaratkab.go.id"),
     subject="Fwd: Penawaran Harga Switch dan Access Point - CV Sekala Net",
     date=(13, 10, 8),
     body=text("""\
Pak/Bu Aptika,

Kami menerima penawaran di bawah. Sebelum kami proses, mohon rekomendasinya
apakah spesifikasi perangkat ini sesuai untuk kebutuhan kantor dinas (±60
pegawai) dan cocok dengan jaringan intra Pemda. Kalau tidak sesuai, mohon
disarankan spesifikasi yang tepat.

Terima kasih.
Subbag Umum Disdikbud

---------- Forwarded message ---------
From: Marketing CV Sekala Net <marketing@sekalanet.co.id>
Date: Kam, 12 Nov 2026 pukul 13.40
Subject: Penawaran Harga Switch dan Access Point - CV Sekala Net
To: <umum@disdikbud.lampungbaratkab.go.id>


Dengan hormat,

Bersama ini kami sampaikan penawaran harga perangkat jaringan sebagai berikut:

1. Switch 24 port gigabit unmanaged ........ 2 unit x Rp 2.450.000
2. Access point dual band AC1200 ........... 6 unit x Rp 1.350.000
3. Kabel UTP Cat6 (1 roll 305 m) ........... 2 roll x Rp 2.100.000

Harga sudah termasuk PPN dan pengiriman ke Liwa. Penawaran berlaku 30 hari.

Hormat kami,
Marketing CV Sekala Net
"""))

mail("html_bpkad_surat_rekomendasi_ekatalog_deadline.eml", ("1.4", "tinggi"),
     frm=("Bidang Aset BPKAD", "aset@bpkad.lampungbaratkab.go.id"),
     subject="Mohon surat rekomendasi spesifikasi perangkat jaringan - batas 18 Nov",
     date=(16, 9, 14),
     body=html(f"""<html><head><meta charset="utf-8"></head><body>
<div style="font-family:Tahoma,sans-serif;font-size:12px">
<p>Dengan hormat,</p>
<p>Dalam rangka pengadaan perangkat jaringan untuk ruang server BPKAD melalui e-Katalog, PPK mensyaratkan
<b>surat rekomendasi teknis dari Diskominfo</b>. Karena batas akhir pembuatan paket Tahun Anggaran 2026 adalah
<b>Rabu, 18 November 2026</b>, kami mohon surat rekomendasi dapat diterbitkan sebelum tanggal tersebut.</p>
<p>Draf spesifikasi yang kami usulkan:</p>
<table border="1" cellpadding="4" cellspacing="0" style="border-collapse:collapse;font-size:12px">
<tr style="background:#eee"><th>Perangkat</th><th>Jumlah</th><th>Spesifikasi minimal (draf)</th></tr>
<tr><td>Managed switch</td><td>2 unit</td><td>24 port gigabit, 4 SFP, VLAN, rack mount</td></tr>
<tr><td>Firewall</td><td>1 unit</td><td>throughput &ge; 1 Gbps, 8 port, lisensi 1 tahun</td></tr>
<tr><td>Patch panel + kabel</td><td>1 set</td><td>24 port Cat6</td></tr>
</table>
<p>Mohon koreksi apabila spesifikasi di atas kurang tepat.</p>
<p>Hormat kami,<br>Kabid Aset BPKAD<br><b>Yohanes Siregar, S.E.</b><br>HP 0813-6640-2218</p>
</div>
{PEMDA_DISCLAIMER_HTML}
</body></html>
"""))

mail("english_rsud_server_room_equipment.eml", ("1.4", "sedang"),
     frm=("Fajar Nugroho - IT RSUD", "it@rsud.lampungbaratkab.go.id"),
     subject="Recommendation for core switch and firewall - new server room",
     date=(17, 16, 5),
     body=text(f"""\
Hi Aptika,

We're setting up a new server room at RSUD for the SIMRS migration next year.
Could you recommend the network equipment we should budget for - core switch
(L3?), firewall, and a rack/UPS for the network gear? We'd also need an
official recommendation letter (surat rekomendasi) to attach to our 2027
budget proposal.

Not urgent today, but we need it before the RKA deadline at the end of
December.

Cheers,
Fajar
IT Unit, RSUD Alimuddin Umar

{RSUD_DISCLAIMER}
"""))

mail("b64_dlh_kebutuhan_perangkat_laboratorium.eml", ("1.4", "rendah"),
     frm=("UPTD Laboratorium Lingkungan DLH", "labling@dlh.lampungbaratkab.go.id"),
     subject="Mohon rekomendasi kebutuhan perangkat jaringan laboratorium",
     date=(24, 10, 12),
     body=text("""\
Yth. Diskominfo Kabupaten Lampung Barat,

Kami akan mengusulkan anggaran tahun 2027 untuk jaringan di UPTD Laboratorium
Lingkungan (1 ruang administrasi dan 1 ruang instrumen). Mohon bantuan
rekomendasi perangkat apa saja yang perlu kami ajukan (jumlah dan spesifikasi
minimal) beserta perkiraan harganya.

Terima kasih.

Siti Aminah, S.Si.
UPTD Laboratorium Lingkungan
Dinas Lingkungan Hidup Kab. Lampung Barat
""", cte="base64"))

mail("nosubject_disnakertrans_spesifikasi_kabel_switch.eml", ("1.4", "rendah"),
     frm=("Bambang - Disnakertrans", "umum@disnakertrans.lampungbaratkab.go.id"),
     subject=None,
     date=(24, 13, 50),
     body=text("""\
Selamat siang,

Kami mau membeli kabel jaringan dan switch sendiri untuk ruang praktik BLK
(balai latihan kerja) yang isinya 16 komputer. Mohon dibantu rekomendasinya:
kabel jenis apa (cat5e atau cat6) dan kira-kira berapa meter, serta switch
yang cocok berapa port. Supaya nanti tim Kominfo tinggal pasang.

Terima kasih,
Bambang
Disnakertrans Kab. Lampung Barat
"""))

mail("reply_outlook_dprd_rekomendasi_peremajaan.eml", ("1.4", "sedang"),
     frm=("Subbag Perencanaan Setwan", "perencanaan@dprd.lampungbaratkab.go.id"),
     subject="RE: Rencana peremajaan perangkat jaringan Sekretariat DPRD",
     date=(17, 9, 25),
     in_reply_to="<9B31E0C4AF2D7781.202611161102@diskominfo.lampungbaratkab.go.id>",
     body=alt("""\
Pak Yoga,

Terima kasih atas penjelasannya. Sesuai saran Bapak, kami mohon diterbitkan
rekomendasi kebutuhan peralatan jaringan untuk peremajaan perangkat di
Sekretariat DPRD, untuk kami masukkan ke usulan anggaran perubahan 2027.
Data perangkat lama:

- Router: 1 unit, dipasang tahun 2017
- Switch 24 port: 4 unit, dipasang tahun 2016-2018
- Access point: 5 unit, sebagian sering restart sendiri

Hormat kami,
Lestiana
Subbag Perencanaan dan Keuangan Setwan DPRD

Dari: Yoga Pratama <yoga.pratama@diskominfo.lampungbaratkab.go.id>
Dikirim: Senin, 16 November 2026 11.02
Kepada: perencanaan@dprd.lampungbaratkab.go.id
Perihal: RE: Rencana peremajaan perangkat jaringan Sekretariat DPRD

Selamat siang Bu,
Untuk perangkat yang sudah berumur memang sebaiknya diajukan peremajaan.
Silakan kirim permohonan rekomendasi ke aptika@lampungbaratkab.go.id beserta
data perangkat lama, nanti kami buatkan rekomendasinya.
Salam, Yoga
""", outlook_html("""\
<p class="MsoNormal">Pak Yoga,</p><p class="MsoNormal">&nbsp;</p>
<p class="MsoNormal">Terima kasih atas penjelasannya. Sesuai saran Bapak, kami mohon diterbitkan rekomendasi kebutuhan
peralatan jaringan untuk peremajaan perangkat di Sekretariat DPRD, untuk kami masukkan ke usulan anggaran perubahan 2027.
Data perangkat lama:</p>
<ul><li class="MsoNormal">Router: 1 unit, dipasang tahun 2017</li><li class="MsoNormal">Switch 24 port: 4 unit, dipasang tahun 2016-2018</li>
<li class="MsoNormal">Access point: 5 unit, sebagian sering restart sendiri</li></ul>
<p class="MsoNormal">Hormat kami,<br>Lestiana<br>Subbag Perencanaan dan Keuangan Setwan DPRD</p>
<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm">
<p class="MsoNormal"><b>Dari:</b> Yoga Pratama &lt;yoga.pratama@diskominfo.lampungbaratkab.go.id&gt;<br>
<b>Dikirim:</b> Senin, 16 November 2026 11.02<br><b>Kepada:</b> perencanaan@dprd.lampungbaratkab.go.id<br>
<b>Perihal:</b> RE: Rencana peremajaan perangkat jaringan Sekretariat DPRD</p></div>
<p class="MsoNormal">Selamat siang Bu,<br>Untuk perangkat yang sudah berumur memang sebaiknya diajukan peremajaan.
Silakan kirim permohonan rekomendasi ke aptika@lampungbaratkab.go.id beserta data perangkat lama, nanti kami buatkan
rekomendasinya.<br>Salam, Yoga</p>""", ""), seed="dprd-rekom"))

mail("typo_pkm_suoh_modem_sering_hang.eml", ("1.4", "sedang"),
     frm=("pkm suoh", "pkm.suoh@lampungbaratkab.go.id"),
     subject="modem sering hang",
     date=(19, 7, 55),
     body=text("""\
slmt pagi pak. modem di puskesmas suoh udh sering bgt hang, sehari bs 3-4x hrs
direstart, kata teknisi wkt itu emg udh tua. kami mau beli sendri aja pake dana
BLUD, tp bingung yg cocok yg mana. mhn rekomendasi modem/router yg pas buat kami
ya pak, klo bs sm spek nya biar bs kami masukin ke pengadaan.
mkasih
""", cte="7bit"))

mail("lampung_kec_bnsuoh_saran_antena_radio.eml", ("1.4", "sedang"),
     frm=("Darmawan", "kec.bandarnegerisuoh@lampungbaratkab.go.id"),
     subject="tabik pun, mohon saran antena radio",
     date=(20, 10, 41),
     body=text("""\
Tabik pun Puakhi,

Nyak Darmawan, operator Kecamatan Bandar Negeri Suoh. Sinyal radio link ke
kantor kami sering lemah kalau cuaca buruk. Kami sedang menyusun usulan
anggaran untuk membeli antena dan radio yang lebih baik.

Mohon rekomendasi merek/tipe dan spesifikasi antena serta radio yang sesuai
untuk jarak ±12 km ke tower Pemda, supaya usulan kami tidak salah.

Tabik,
Darmawan
"""))

mail("attach_pupr_telaah_rab_perangkat_jaringan.eml", ("1.4", "sedang"),
     frm=("Bidang Cipta Karya PUPR", "ciptakarya@pupr.lampungbaratkab.go.id"),
     subject="Mohon telaah RAB perangkat jaringan gedung Dinas PUPR",
     date=(25, 14, 30),
     body=multi("mixed", [text("""\
Dengan hormat,

Terlampir kami sampaikan Rencana Anggaran Biaya (RAB) perangkat jaringan untuk
gedung kantor Dinas PUPR yang akan diajukan pada APBD 2027. Mohon Diskominfo
berkenan menelaah daftar perangkat tersebut dan memberikan rekomendasi apakah
jenis dan jumlah perangkatnya sudah sesuai, sebelum RAB kami finalkan pada
4 Desember 2026.

Atas bantuannya kami ucapkan terima kasih.

Ir. Taufik Hidayat
Kabid Cipta Karya
Dinas PUPR Kab. Lampung Barat
"""), attachment("RAB_Perangkat_Jaringan_PUPR_2027.pdf", "application/pdf",
                 pdf("RAB Perangkat Jaringan PUPR 2027"))], "pupr-rab"))


# =========================================================================== non-requests

mail("thanks_dinkes_quoting_laporan_petir.eml", None,
     frm=("Subbag Umum Dinkes", "umum@dinkes.lampungbaratkab.go.id"),
     subject="Re: FW: Laporan kerusakan perangkat jaringan akibat petir",
     date=(12, 15, 40),
     in_reply_to="<20261111082100.sekdis@dinkes.lampungbaratkab.go.id>",
     body=text("""\
Selamat sore Pak,

Access point di aula dan ruang P2P serta switch di ruang arsip sudah
berfungsi kembali. Terima kasih banyak atas respon cepat tim Aptika.

Salam,
Subbag Umum Dinkes

Pada Rab, 11 Nov 2026 pukul 08.21 Sekretaris Dinas Kesehatan <sekretaris@dinkes.lampungbaratkab.go.id> menulis:
> Tolong ditindaklanjuti.
>
> -----Original Message-----
> Subject: Laporan kerusakan perangkat jaringan akibat petir
>
> Pagi ini access point di aula dan di ruang Bidang P2P mati total, dan satu
> switch 24 port di ruang arsip berbau hangus.
"""))

mail("sudah_normal_kec_sukau.eml", None,
     frm=(None, "kec.sukau@lampungbaratkab.go.id"),
     subject="Re: inet kantor mati",
     date=(4, 10, 2),
     body=text("""\
pak, inet kntr sdh normal lg, ternyata listrik di tiang PLN dpn kntr td sempat
padam jd modemnya ikut mati. gk usah dtg pak. mksh 🙏

Rio
""", cte="8bit"))

mail("pembatalan_formal_dishub_gedung_terminal.eml", None,
     frm=("Sekretariat Dinas Perhubungan", "sekretariat@dishub.lampungbaratkab.go.id"),
     subject="Pembatalan Permohonan Pembangunan Jaringan UPTD Terminal Liwa",
     date=(23, 9, 15),
     body=text("""\
Kepada Yth.
Kepala Dinas Komunikasi dan Informatika
Kabupaten Lampung Barat

Nomor    : 550/421/IV.09/2026
Sifat    : Biasa
Lampiran : -
Perihal  : Pembatalan Permohonan

Dengan hormat,

Menindaklanjuti surat kami Nomor 550/387/IV.09/2026 tanggal 5 November 2026
perihal Permohonan Pembangunan Jaringan Intra Gedung UPTD Terminal Liwa,
bersama ini kami sampaikan bahwa permohonan tersebut kami batalkan, karena
penggunaan gedung ditunda sampai dengan Tahun 2028 menunggu penyelesaian
akses jalan.

Demikian kami sampaikan, atas perhatiannya diucapkan terima kasih.

Kepala Dinas Perhubungan,
Ir. Sugiharto, M.T.
"""))

mail("undangan_bappeda_forum_perangkat_daerah.eml", None,
     frm=("Sekretariat Bappeda", "sekretariat@bappeda.lampungbaratkab.go.id"),
     to=["kadis@diskominfo.lampungbaratkab.go.id", APTIKA],
     subject="Undangan Rapat Forum Perangkat Daerah Bidang Infrastruktur dan Kewilayahan",
     date=(18, 15, 20),
     body=multi("mixed", [text("""\
Yth. Kepala Dinas Komunikasi dan Informatika Kab. Lampung Barat

Nomor    : 005/455/II.04/2026
Sifat    : Penting
Lampiran : 1 (satu) lembar
Perihal  : Undangan

Dengan hormat,

Mengharap kehadiran Bapak/Ibu atau pejabat yang ditunjuk pada Rapat Forum
Perangkat Daerah Bidang Infrastruktur dan Kewilayahan yang akan dilaksanakan
pada:

  hari/tanggal : Rabu, 25 November 2026
  pukul        : 09.00 WIB s.d. selesai
  tempat       : Ruang Rapat Bappeda Lantai 1
  acara        : Pembahasan Rancangan Renja Perangkat Daerah Tahun 2027

Mengingat pentingnya acara tersebut, dimohon hadir tepat waktu dan membawa
bahan paparan program prioritas Tahun 2027.

Demikian disampaikan, atas kehadirannya diucapkan terima kasih.

Kepala Bappeda Kabupaten Lampung Barat
"""), attachment("Undangan_Forum_PD_Infrastruktur.pdf", "application/pdf",
                 pdf("Undangan Forum PD Infrastruktur dan Kewilayahan"))], "bappeda-undangan"))

mail("surat_edaran_sekda_jam_kerja_akhir_tahun.eml", None,
     frm=("Sekretariat Daerah Kab. Lampung Barat", "setda@lampungbaratkab.go.id"),
     to="kepala.opd@lampungbaratkab.go.id",
     cc=[APTIKA],
     subject="Surat Edaran Sekretaris Daerah tentang Hari Kerja Akhir Tahun 2026",
     date=(24, 14, 0),
     body=text("""\
SURAT EDARAN
NOMOR 800/1877/01/2026
TENTANG
HARI KERJA DAN PELAYANAN PUBLIK PADA AKHIR TAHUN 2026

Yth. Kepala Perangkat Daerah di lingkungan Pemerintah Kabupaten Lampung Barat

Sehubungan dengan ditetapkannya cuti bersama Tahun 2026, dengan ini
disampaikan hal-hal sebagai berikut:

1. Cuti bersama Hari Raya Natal ditetapkan pada tanggal 24 Desember 2026;
2. Kepala Perangkat Daerah yang melaksanakan pelayanan publik (rumah sakit,
   puskesmas, kependudukan dan pencatatan sipil, perizinan) agar mengatur
   jadwal piket sehingga pelayanan kepada masyarakat tetap berjalan;
3. Kepala Perangkat Daerah agar memastikan sarana pendukung pelayanan,
   termasuk jaringan dan aplikasi, dalam kondisi siap digunakan;
4. Daftar piket disampaikan kepada Bagian Organisasi paling lambat
   18 Desember 2026.

Demikian Surat Edaran ini untuk dilaksanakan sebagaimana mestinya.

Ditetapkan di Liwa
pada tanggal 24 November 2026

SEKRETARIS DAERAH KABUPATEN LAMPUNG BARAT
""", cs="iso-8859-1"))

mail("newsletter_html_vendor_promo_akhir_tahun.eml", None,
     frm=("Buletin Jaringan Maju", "newsletter@jaringanmaju.co.id"),
     subject="Buletin November: 5 tips wifi kantor + promo switch akhir tahun",
     date=(11, 6, 0),
     extra=[("List-Unsubscribe", "<https://jaringanmaju.co.id/unsub?u=a9f3>")],
     body=html("""<!DOCTYPE html><html><body style="margin:0;background:#f2f4f7">
<table width="100%" cellpadding="0" cellspacing="0"><tr><td align="center">
<table width="600" cellpadding="20" cellspacing="0" style="background:#ffffff;font-family:Arial,sans-serif">
<tr><td style="background:#004aad;color:#fff;font-size:22px"><b>Jaringan Maju</b> &mdash; Buletin November 2026</td></tr>
<tr><td><h2 style="color:#004aad">5 tips agar wifi kantor tidak lemot</h2>
<p>1. Pisahkan SSID tamu dan pegawai. 2. Atur channel agar tidak bertabrakan. 3. Ganti access point lama.
4. Gunakan kabel Cat6 untuk uplink. 5. Lakukan pemeliharaan rutin setiap 6 bulan.</p>
<h2 style="color:#004aad">Promo akhir tahun</h2>
<p>Diskon hingga 20% untuk switch managed dan access point untuk instansi pemerintah. Tersedia di e-Katalog!</p>
<p><a href="https://jaringanmaju.co.id/promo" style="background:#f5a623;color:#fff;padding:10px 18px;text-decoration:none">Lihat promo</a></p>
</td></tr>
<tr><td style="font-size:10px;color:#888">Anda menerima email ini karena terdaftar di buletin kami.
<a href="https://jaringanmaju.co.id/unsub?u=a9f3">Berhenti berlangganan</a></td></tr>
</table></td></tr></table></body></html>
"""))

mail("vendor_penawaran_jasa_splicing_fo.eml", None,
     frm=("PT Fiber Prima Nusantara", "sales@fiberprima.co.id"),
     subject="Penawaran Jasa Splicing Fiber Optik dan Maintenance Jaringan",
     date=(3, 11, 15),
     body=multi("mixed", [text("""\
Kepada Yth.
Kepala Dinas Komunikasi dan Informatika Kabupaten Lampung Barat

Dengan hormat,

Perkenalkan, kami PT Fiber Prima Nusantara, perusahaan yang bergerak di
bidang instalasi dan pemeliharaan jaringan fiber optik di wilayah Sumatera
bagian selatan. Kami menawarkan jasa:

  - penyambungan (splicing) dan perbaikan kabel FO putus, respon 1x24 jam;
  - pemeliharaan jaringan berkala (preventive maintenance);
  - pengukuran OTDR dan dokumentasi jalur.

Company profile dan daftar harga terlampir. Kami siap melakukan presentasi
di kantor Bapak/Ibu.

Hormat kami,
Yudi Setiawan
Account Manager - PT Fiber Prima Nusantara
0811-7200-3344
"""), attachment("Company_Profile_Fiber_Prima.pdf", "application/pdf", pdf("Company Profile Fiber Prima"))],
         "fiberprima"))

mail("phishing_akun_email_dinonaktifkan.eml", None,
     frm=("Admin Email Pemda", "admin@lampungbaratkab-go-id.webmail-verify.com"),
     subject="PEMBERITAHUAN: akun email anda akan dinonaktifkan",
     date=(14, 2, 13),
     body=html("""<html><body style="font-family:Arial">
<p>Pengguna yang terhormat,</p>
<p>Akun email <b>aptika@lampungbaratkab.go.id</b> akan <span style="color:red">dinonaktifkan dalam 24 jam</span>
karena belum melakukan verifikasi keamanan sesuai kebijakan baru server email Pemda.</p>
<p>Untuk menghindari penonaktifan dan kehilangan semua pesan, silakan verifikasi akun anda sekarang:</p>
<p><a href="http://lampungbaratkab-go-id.webmail-verify.com/login?id=aptika">VERIFIKASI AKUN SEKARANG</a></p>
<p>Terima kasih,<br>Tim Administrator Email<br>Pemerintah Kabupaten Lampung Barat</p>
</body></html>
"""))

mail("phishing_english_mailbox_storage_full.eml", None,
     frm=("IT Helpdesk", "helpdesk@mail-quota-support.net"),
     subject="Action required: your mailbox storage is full",
     date=(21, 23, 40),
     body=alt("""\
Dear user,

Your mailbox aptika@lampungbaratkab.go.id has reached 98% of its storage
limit. New incoming messages will be rejected until you upgrade.

To avoid interruption of your email service, click below and sign in to
increase your quota for free:

https://mail-quota-support.net/upgrade?user=aptika

IT Helpdesk
""", """\
<p>Dear user,</p><p>Your mailbox <b>aptika@lampungbaratkab.go.id</b> has reached <b>98%</b> of its storage limit.
New incoming messages will be rejected until you upgrade.</p>
<p>To avoid interruption of your email service, click below and sign in to increase your quota for free:</p>
<p><a href="https://mail-quota-support.net/upgrade?user=aptika">UPGRADE QUOTA</a></p><p>IT Helpdesk</p>
""", seed="phish-quota"))

mail("ooo_cuti_tanpa_header_distan.eml", None,
     frm=("Ujang Suherman", "umum@distan.lampungbaratkab.go.id"),
     subject="Di luar kantor sampai 23 November",
     date=(17, 8, 1),
     body=text("""\
Terima kasih atas email Anda.

Saya sedang cuti tahunan dan tidak membuka email sampai dengan Senin,
23 November 2026. Untuk keperluan mendesak terkait Subbag Umum Dinas
Pertanian silakan menghubungi Sdr. Rohman di 0813-7911-2045.

Salam,
Ujang Suherman
"""))

mail("salah_kirim_skp_ke_aptika.eml", None,
     frm=("Rina Marlina", "rina.marlina.distan@gmail.com"),
     subject="pengiriman SKP bulan Oktober",
     date=(6, 13, 28),
     body=multi("mixed", [text("""\
Selamat siang Bu,

Berikut kami kirimkan SKP bulan Oktober 2026 atas nama:
Nama : Rina Marlina, S.P.
NIP  : 19880214 201101 2 007
Unit : Dinas Pertanian

Mohon diverifikasi. Terima kasih.
"""), attachment("SKP_Oktober_2026_Rina_Marlina.pdf", "application/pdf", pdf("SKP Oktober 2026"))],
         "skp"))

mail("maaf_salah_kirim_permohonan_titik_lan.eml", None,
     frm=("Sekretariat Kecamatan Air Hitam", "kec.airhitam@lampungbaratkab.go.id"),
     subject="Mohon diabaikan - salah kirim",
     date=(19, 14, 44),
     body=text("""\
Mohon maaf Bapak/Ibu,

Email kami sebelumnya tentang permohonan tambah titik LAN di ruang Kasi
Pemerintahan salah kirim, seharusnya untuk bagian umum internal kami sendiri
(kabel dan switch sudah kami punya). Mohon diabaikan.

Terima kasih,
Sekretariat Kecamatan Air Hitam
"""))

mail("cc_fyi_disdikbud_rekap_koneksi_sekolah.eml", None,
     frm=("Subbag Program Disdikbud", "program@disdikbud.lampungbaratkab.go.id"),
     to="kabid.sd@disdikbud.lampungbaratkab.go.id",
     cc=[APTIKA, "dikdas@disdikbud.lampungbaratkab.go.id"],
     subject="Rekap pendataan koneksi internet SMP Negeri",
     date=(20, 16, 10),
     body=multi("mixed", [text("""\
Yth. Bapak Kabid,

Terlampir rekap hasil pendataan koneksi internet di 21 SMP Negeri sesuai
permintaan Bapak minggu lalu: 14 sekolah memakai ISP lokal, 5 memakai satelit
BAKTI, 2 belum memiliki koneksi. Rekap ini kami tembuskan ke Aptika Diskominfo
sebagai informasi awal untuk pembahasan rancangan jaringan nanti.

Hormat kami,
Wulan Sari
"""), attachment("Rekap_Koneksi_SMP_2026.pdf", "application/pdf", pdf("Rekap koneksi SMP Negeri 2026"))],
         "cc-fyi"))

mail("isp_pemberitahuan_maintenance_backbone.eml", None,
     frm=("NOC Sekala Media Nusantara", "noc@sekalamedia.net.id"),
     subject="[Pemberitahuan] Pemeliharaan Terjadwal Backbone 21 November 2026 00.00-04.00 WIB",
     date=(18, 17, 30),
     body=text("""\
Pelanggan Yth.
Pemerintah Kabupaten Lampung Barat
ID Pelanggan: SMN-LBR-00187

Dengan hormat,

Bersama ini kami informasikan bahwa akan dilakukan pemeliharaan terjadwal
pada jaringan backbone kami dengan rincian:

  Waktu    : Sabtu, 21 November 2026 pukul 00.00 - 04.00 WIB
  Kegiatan : penggantian perangkat agregasi POP Bukit Kemuning
  Dampak   : layanan internet dedicated mengalami gangguan/putus +/- 30 menit
  No. MT   : MT-2026-11-0457

Tidak ada tindakan yang perlu dilakukan dari sisi pelanggan. Mohon maaf atas
ketidaknyamanan ini.

Salam,
Network Operation Center
PT Sekala Media Nusantara
""", cte="base64"))

mail("lamaran_kerja_teknisi_jaringan.eml", None,
     frm=("Rizky Ramadhan", "rizky.ramadhan98@gmail.com"),
     subject="Lamaran Pekerjaan sebagai Teknisi Jaringan",
     date=(9, 20, 15),
     body=multi("mixed", [text("""\
Dengan hormat,

Saya yang bertanda tangan di bawah ini:
Nama       : Rizky Ramadhan
Pendidikan : D3 Teknik Komputer, Politeknik Negeri Lampung
Alamat     : Pekon Way Empulau Ulu, Balik Bukit

mengajukan lamaran untuk dapat bekerja sebagai teknisi jaringan (tenaga
kontrak) di Dinas Komunikasi dan Informatika Kabupaten Lampung Barat. Saya
berpengalaman dalam instalasi jaringan LAN, konfigurasi router Mikrotik dan
penarikan kabel FO selama 2 tahun di ISP lokal.

Sebagai bahan pertimbangan, saya lampirkan CV dan ijazah.

Hormat saya,
Rizky Ramadhan
"""), attachment("CV_Rizky_Ramadhan.pdf", "application/pdf", pdf("CV Rizky Ramadhan"))], "lamaran"))

mail("laporan_monitoring_ketersediaan_mingguan.eml", None,
     frm=("Monitoring Jaringan Intra", "monitoring@diskominfo.lampungbaratkab.go.id"),
     subject="Laporan Ketersediaan Jaringan Intra Mingguan (9-15 Nov 2026)",
     date=(16, 7, 0),
     body=html("""<html><body style="font-family:Arial,sans-serif;font-size:12px">
<p>Berikut ringkasan ketersediaan jaringan intra periode 9&ndash;15 November 2026.</p>
<table border="1" cellpadding="4" cellspacing="0" style="border-collapse:collapse">
<tr style="background:#333;color:#fff"><th>Simpul</th><th>Ketersediaan</th><th>Keterangan</th></tr>
<tr><td>Setda / Core</td><td>100,00%</td><td>-</td></tr>
<tr><td>RSUD Alimuddin Umar</td><td>99,80%</td><td>-</td></tr>
<tr><td>BPKAD</td><td>96,10%</td><td>putus-nyambung 9&ndash;11 Nov, selesai (kabel patch diganti)</td></tr>
<tr><td>Puskesmas Batu Ketulis</td><td style="background:#fdd">88,40%</td><td>FO putus 12 Nov, disambung 12 Nov sore</td></tr>
<tr><td>Dinas Kesehatan</td><td>98,90%</td><td>petir 10 Nov, AP dan switch diganti</td></tr>
</table>
<p>Rata-rata ketersediaan: <b>98,2%</b> (target SLA 90%).</p>
<p style="color:#888">Laporan ini disusun oleh tim monitoring Bidang Aptika untuk bahan rapat mingguan.</p>
</body></html>
"""))

mail("ack_baik_pak_siap_kec_belalau.eml", None,
     frm=("Dewi Kec Belalau", "kec.belalau@lampungbaratkab.go.id"),
     subject="Re: tambah titik LAN",
     date=(17, 14, 3),
     body=text("""\
baik pak, siap. kami tunggu hari kamis. mksh

Pada Sel, 17 Nov 2026 pukul 13.51 Aptika Diskominfo <aptika@lampungbaratkab.go.id> menulis:
> Yth. Ibu Dewi,
> Tim akan datang hari Kamis 19/11 pukul 09.00 untuk pemasangan 3 titik LAN di
> ruang pelayanan PATEN. Mohon disiapkan akses ke ruangan.
> Salam, Tim Aptika
""", cte="7bit"))

mail("tanya_jam_layanan_service_desk.eml", None,
     frm=("Sari - Dinsos", "umum@dinsos.lampungbaratkab.go.id"),
     subject="tanya jam layanan",
     date=(20, 11, 20),
     body=text("""\
Pak, mau tanya, service desk Aptika buka sampai jam berapa ya kalau hari Jumat?
Kalau mau antar surat langsung ke kantor Kominfo bisa sampai jam berapa?
Terima kasih.

Sari
"""))

mail("keluhan_konten_berita_website_pemda.eml", None,
     frm=("Bagian Prokopim Setda", "prokopim@setda.lampungbaratkab.go.id"),
     subject="Berita di website Pemkab salah nama pejabat",
     date=(13, 8, 40),
     body=text("""\
Selamat pagi,

Di website resmi Pemkab, berita tanggal 12 November tentang kunjungan kerja
Bupati ke Kecamatan Suoh, nama Kepala Dinas PUPR tertulis salah dan foto yang
dipasang bukan foto kegiatan tersebut. Mohon isi beritanya dapat diperbaiki
oleh admin website.

Terima kasih.
Prokopim Setda
"""))

mail("login_srikandi_lupa_password.eml", None,
     frm=(None, "kec.airhitam@lampungbaratkab.go.id"),
     subject="tidak bisa login srikandi",
     date=(23, 9, 5),
     body=text("""\
pak, sy tdk bs login aplikasi Srikandi, katanya username atau password salah.
pdhl kmrn msh bs. internet nya normal kok, web lain bs dibuka smua.
mhn direset passwordnya pak, user: airhitam.sekcam

mksh
""", cte="7bit"))

mail("makasih_wa_pkm_batuketulis_aman.eml", None,
     frm=("Puskesmas Batu Ketulis", "pkm.batuketulis@lampungbaratkab.go.id"),
     subject="Re: kabel fo putus kena pohon",
     date=(12, 17, 12),
     body=text("""\
mksh bnyk pak, tim aptika sdh sambung kabelnya td sore, inet puskesmas aman
skrg 👍👍

Dedi
""", cte="8bit"))

mail("gak_jadi_kabel_ap_kelepas.eml", None,
     frm=("Yuniarti", "yuniarti.disdik@gmail.com"),
     subject="Re: wifi lemot",
     date=(5, 13, 50),
     body=text("""\
pak yg td pagi sy lapor gk jd ya, trnyt kabel lan ke AP nya kelepas dikit,
sdh sy colok lg, skrg udh kenceng. maaf ngrepotin 🙏

Pada Kam, 5 Nov 2026 pukul 10.26 Yuniarti <yuniarti.disdik@gmail.com> menulis:
> Assalamualaikum pak, mhn maaf ganggu
> wifi di ruang kabid PAUD (disdikbud) lemot bgt dr kmrn
""", cte="8bit"))

mail("undangan_bimtek_keamanan_jaringan_provinsi.eml", None,
     frm=("Diskominfotik Provinsi Lampung", "aptika@diskominfotik.lampungprov.go.id"),
     to=["diskominfo@lampungbaratkab.go.id"], cc=[APTIKA],
     subject="Undangan Bimbingan Teknis Keamanan Jaringan Pemerintah Daerah",
     date=(10, 10, 0),
     body=multi("mixed", [alt("""\
Yth. Kepala Dinas Kominfo Kabupaten/Kota se-Provinsi Lampung

Dengan hormat, dalam rangka peningkatan kapasitas pengelola jaringan
pemerintah daerah, kami mengundang 2 (dua) orang pengelola jaringan dari
instansi Saudara untuk mengikuti Bimbingan Teknis Keamanan Jaringan Pemerintah
Daerah pada:

  hari/tanggal : Selasa-Kamis, 1-3 Desember 2026
  tempat       : Hotel Emersia, Bandar Lampung

Konfirmasi peserta paling lambat 25 November 2026 melalui tautan pada surat
terlampir.

Kepala Dinas Komunikasi, Informatika dan Statistik Provinsi Lampung
""", """\
<p>Yth. Kepala Dinas Kominfo Kabupaten/Kota se-Provinsi Lampung</p>
<p>Dengan hormat, dalam rangka peningkatan kapasitas pengelola jaringan pemerintah daerah, kami mengundang
2 (dua) orang pengelola jaringan dari instansi Saudara untuk mengikuti <b>Bimbingan Teknis Keamanan Jaringan
Pemerintah Daerah</b> pada:</p>
<table><tr><td>hari/tanggal</td><td>: Selasa&ndash;Kamis, 1&ndash;3 Desember 2026</td></tr>
<tr><td>tempat</td><td>: Hotel Emersia, Bandar Lampung</td></tr></table>
<p>Konfirmasi peserta paling lambat 25 November 2026 melalui tautan pada surat terlampir.</p>
<p>Kepala Dinas Komunikasi, Informatika dan Statistik Provinsi Lampung</p>
""", seed="bimtek-prov"), attachment("Undangan_Bimtek_Keamanan_Jaringan.pdf", "application/pdf",
                                   pdf("Undangan Bimtek Keamanan Jaringan"))], "bimtek-mixed"))

mail("fwd_pengumuman_apel_korpri_untuk_diketahui.eml", None,
     frm=("Subbag Umum Diskominfo", "umum@diskominfo.lampungbaratkab.go.id"),
     to=[APTIKA, "kabid.aptika@diskominfo.lampungbaratkab.go.id"],
     subject="Fwd: Pengumuman Apel Gabungan HUT KORPRI ke-55",
     date=(25, 8, 10),
     body=text("""\
Untuk diketahui dan disebarluaskan ke seluruh staf Bidang Aptika.

---------- Forwarded message ---------
From: BKPSDM Lampung Barat <bkpsdm@lampungbaratkab.go.id>
Date: Rab, 25 Nov 2026 pukul 07.30
Subject: Pengumuman Apel Gabungan HUT KORPRI ke-55
To: <kepala.opd@lampungbaratkab.go.id>


Diberitahukan kepada seluruh ASN di lingkungan Pemerintah Kabupaten Lampung
Barat bahwa Apel Gabungan dalam rangka HUT KORPRI ke-55 akan dilaksanakan
pada Senin, 30 November 2026 pukul 07.30 WIB di Lapangan Merdeka Liwa.
Pakaian: seragam KORPRI lengkap.

BKPSDM Kab. Lampung Barat
"""))

mail("spam_english_seo_offer.eml", None,
     frm=("David Miller", "david@rankboostpro.com"),
     subject="Get lampungbaratkab.go.id on Google page 1",
     date=(7, 4, 22),
     body=text("""\
Hi there,

I was checking your website lampungbaratkab.go.id and noticed it is not
ranking for several important keywords. We are an SEO agency with 10+ years
of experience and can bring your site to page 1 of Google within 60 days.

Can I send you a free audit report and our price list?

Best,
David Miller
Senior SEO Consultant, RankBoost Pro
"""))

mail("undangan_zoom_sosialisasi_spbe.eml", None,
     frm=("Bagian Organisasi Setda", "organisasi@setda.lampungbaratkab.go.id"),
     to="kepala.opd@lampungbaratkab.go.id", cc=[APTIKA],
     subject="Undangan Sosialisasi Evaluasi SPBE 2026 (Zoom Meeting)",
     date=(23, 13, 0),
     body=html("""<div style="font-family:Arial,sans-serif;font-size:13px">
<p>Yth. Kepala Perangkat Daerah se-Kabupaten Lampung Barat,</p>
<p>Bersama ini kami mengundang Bapak/Ibu atau operator SPBE yang ditunjuk untuk mengikuti
<b>Sosialisasi Evaluasi SPBE Tahun 2026</b> secara daring:</p>
<table cellpadding="3">
<tr><td>Hari/tanggal</td><td>: Kamis, 26 November 2026</td></tr>
<tr><td>Pukul</td><td>: 09.00 &ndash; 12.00 WIB</td></tr>
<tr><td>Zoom</td><td>: <a href="https://zoom.us/j/81234567890">https://zoom.us/j/81234567890</a></td></tr>
<tr><td>Meeting ID / Passcode</td><td>: 812 3456 7890 / spbe26</td></tr>
</table>
<p><i>Catatan: peserta diharapkan memastikan koneksi internet stabil dan menggunakan nama
&quot;OPD_Nama&quot; pada Zoom.</i></p>
<p>Kabag Organisasi Setda Kabupaten Lampung Barat</p>
</div>
"""))

mail("berita_acara_sudah_ditandatangani_inspektorat.eml", None,
     frm=("Subbag Umum Inspektorat", "umum@inspektorat.lampungbaratkab.go.id"),
     subject="Re: Berita Acara Penanganan Layanan Jaringan - Tiket JIP-2026-0412",
     date=(24, 11, 45),
     body=multi("mixed", [text("""\
Selamat siang,

Berita Acara penanganan perbaikan access point lantai 1 sudah kami
tandatangani, scan terlampir. Terima kasih kepada tim Aptika.

Salam,
Subbag Umum Inspektorat
"""), attachment("BA_JIP-2026-0412_ttd.pdf", "application/pdf", pdf("Berita Acara JIP-2026-0412"))],
         "ba-ttd"))

mail("isian_survei_kepuasan_layanan_dinkes.eml", None,
     frm=("Subbag Umum Dinkes", "umum@dinkes.lampungbaratkab.go.id"),
     subject="Isian survei kepuasan layanan jaringan Triwulan IV",
     date=(26, 10, 30),
     body=multi("mixed", [text("""\
Yth. Tim Aptika,

Bersama ini kami sampaikan isian survei kepuasan layanan jaringan intra untuk
Triwulan IV 2026. Secara umum layanan baik; catatan kami hanya waktu respon
saat gangguan petir awal bulan ini yang agak lama.

Terima kasih.
Subbag Umum Dinkes
"""), attachment("Survei_Kepuasan_TW4_Dinkes.pdf", "application/pdf", pdf("Survei kepuasan TW IV"))],
         "survei"))

mail("pendataan_inventaris_perangkat_kec_waytenong.eml", None,
     frm=("Kecamatan Way Tenong", "kec.waytenong@lampungbaratkab.go.id"),
     subject="Re: Pendataan Perangkat Jaringan OPD Tahun 2026",
     date=(25, 15, 5),
     body=text("""\
Yth. Diskominfo,

Menindaklanjuti surat Diskominfo tentang pendataan perangkat jaringan OPD,
berikut data perangkat di Kantor Camat Way Tenong:

  1. Router                      : 1 unit, kondisi baik
  2. Switch 8 port               : 2 unit (1 baik, 1 rusak ringan - port 7 mati)
  3. Access point                : 2 unit, kondisi baik
  4. Rak jaringan dinding 6U     : 1 unit, kondisi baik

Demikian data ini kami sampaikan.

Kasi Umum dan Kepegawaian Kecamatan Way Tenong
""", cs="iso-8859-1"))

mail("sudah_normal_english_it_rsud.eml", None,
     frm=("Fajar Nugroho - IT RSUD", "it@rsud.lampungbaratkab.go.id"),
     subject="Re: Surat Permohonan Perbaikan Jaringan - RSUD Alimuddin Umar",
     date=(3, 10, 52),
     body=text(f"""\
Hi team,

Update: the uplink came back at 10:40 after PLN restored power to the
distribution panel near the IGD. SIMRS and V-Claim are working again, so no
need to send anyone. Thanks for the quick response.

Fajar
IT Unit RSUD

{RSUD_DISCLAIMER}
"""))


# --------------------------------------------------------------------------- write

def main() -> None:
    names = [m[0] for m in MAILS]
    assert len(names) == len(set(names)), "duplicate file name"
    tickets = [m for m in MAILS if m[1]]
    cats = {c: sum(1 for m in tickets if m[1] == c) for c in ("1.1", "1.2", "1.3", "1.4")}
    assert len(MAILS) == 80 and len(tickets) == 50 and min(cats.values()) >= 10, (len(MAILS), cats)
    for old in HERE.glob("*.eml"):
        old.unlink()
    for fname, _, _, data in MAILS:
        (HERE / fname).write_bytes(data)
    with open(HERE / "labels.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["file", "is_ticket", "category", "priority"])
        for fname, cat, prio, _ in sorted(MAILS, key=lambda m: m[0]):
            w.writerow([fname, 1 if cat else 0, cat or "", prio or ""])
    print(f"{len(MAILS)} mails ({len(tickets)} requests {cats}, {len(MAILS) - len(tickets)} non-requests)")


if __name__ == "__main__":
    main()
