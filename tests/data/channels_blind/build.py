"""Build the blind channel set (tests/data/channels_blind): status questions by email,
requests entered by desk staff on behalf of an OPD (ATAS NAMA), and senders outside the
registry writing from personal webmail.

Deterministic: the same script always writes the same .eml files and labels.csv.
Standard library only. Run with:  .venv/bin/python tests/data/channels_blind/build.py

Every name, address, phone number and text below is invented for this set.
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
DESK = ("Service Desk Aptika", APTIKA)
TRUSTED = "mail.lampungbaratkab.go.id"
WIB = dt.timezone(dt.timedelta(hours=7))

# file, kind, expect, ticket, opd, channel, note, bytes
MAILS: list[tuple[str, str, str, str, str, str, str, bytes]] = []

TICKETS = {
    "JIP-2026-0001": ("Internet Puskesmas Liwa mati total", "umum@diskes.lampungbaratkab.go.id", (2, 9, 41)),
    "JIP-2026-0002": ("Pemasangan jaringan LAN ruang rapat baru", "tu@disdik.lampungbaratkab.go.id", (3, 10, 14)),
    "JIP-2026-0003": ("Rekomendasi spesifikasi switch", "perencanaan@bappeda.lampungbaratkab.go.id", (4, 13, 27)),
}


# --------------------------------------------------------------------------- MIME helpers

def _h(seed: str, n: int = 12) -> str:
    return hashlib.sha1(seed.encode()).hexdigest()[:n]


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


def alt(plain: str, markup: str, seed: str) -> Message:
    return multi("alternative", [text(plain), html(markup)], seed)


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


def jpg(seed: str, size: int = 700) -> bytes:
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


# --------------------------------------------------------------------------- authentication headers

def auth_pass(email: str, server: str = TRUSTED, dkim: bool = True, dmarc: str = "pass") -> tuple[str, str]:
    """Authentication-Results as the receiving server writes it for an aligned, signed mail."""
    domain = email.split("@", 1)[1]
    sel = {"gmail.com": "20230601", "yahoo.com": "s2048", "yahoo.co.id": "s2048",
           "outlook.com": "selector1"}.get(domain, "default")
    parts = [server]
    if dkim:
        parts.append(f"dkim={'pass' if dmarc == 'pass' else 'fail'} header.d={domain} header.s={sel} "
                     f"header.b={_h(email + server, 8)}")
    parts.append(f"spf={'pass' if dmarc == 'pass' else 'softfail'} ({server}: domain of {email} "
                 f"{'designates' if dmarc == 'pass' else 'does not designate'} {_ip(domain, email)} "
                 f"as permitted sender) smtp.mailfrom={email}")
    pol = "p=NONE sp=QUARANTINE dis=NONE" if domain in ("gmail.com", "yahoo.com", "yahoo.co.id", "outlook.com") \
        else "p=QUARANTINE dis=NONE"
    if dmarc:
        parts.append(f"dmarc={dmarc} ({pol}) header.from={domain}")
    return ("Authentication-Results", ";\n       ".join(parts))


def _ip(domain: str, email: str) -> str:
    return {"gmail.com": "209.85.220.41", "yahoo.com": "106.10.241.148", "yahoo.co.id": "106.10.241.148",
            "outlook.com": "40.92.53.11"}.get(domain, "10.12.0.25")


def received(email: str, when: dt.datetime) -> tuple[str, str]:
    domain = email.split("@", 1)[1]
    if domain == "gmail.com":
        src = "mail-sor-f41.google.com (mail-sor-f41.google.com [209.85.220.41])"
    elif domain.startswith("yahoo"):
        src = "sonic305-21.consmr.mail.sg3.yahoo.com (sonic305-21.consmr.mail.sg3.yahoo.com [106.10.241.148])"
    elif domain == "outlook.com":
        src = "APC01-SG2-obe.outbound.protection.outlook.com (mail-sgaapc01olkn2011.outbound.protection.outlook.com [40.92.53.11])"
    else:
        src = f"webmail.lampungbaratkab.go.id (webmail.lampungbaratkab.go.id [10.12.0.25])"
    stamp = format_datetime(when + dt.timedelta(seconds=3))
    return ("Received", f"from {src}\n        by {TRUSTED} (Postfix) with ESMTPS id {_h(email + stamp, 10).upper()}\n"
                        f"        for <{APTIKA}>; {stamp}")


# --------------------------------------------------------------------------- one mail

def mail(fname: str, kind: str, expect: str, *, ticket: str = "", opd: str = "", channel: str = "",
         note: str = "", frm: tuple[str | None, str], subject: str | None, date: tuple[int, int, int],
         body: Message, to: str | list[str] = APTIKA, cc: list[str] | None = None,
         in_reply_to: str | None = None, auth: list[tuple[str, str]] | None = None,
         mua: str | None = None) -> None:
    day, hh, mm = date
    when = dt.datetime(2026, 12, day, hh, mm, int(_h(fname, 2), 16) % 60, tzinfo=WIB)
    email = frm[1]
    domain = email.split("@", 1)[1]
    if domain == "gmail.com":
        mid = f"<CA+{base64.b32encode(bytes.fromhex(_h(fname, 30))).decode().rstrip('=').lower()}@mail.gmail.com>"
    elif domain.startswith("yahoo"):
        mid = f"<{int(_h(fname, 9), 16)}.{int(_h(fname + 'y', 7), 16)}@mail.yahoo.com>"
    elif domain == "outlook.com" or mua == "outlook":
        mid = f"<{_h(fname, 16).upper()}.{when:%Y%m%d%H%M}@{domain}>"
    else:
        mid = f"<{when:%Y%m%d%H%M%S}.{_h(fname, 10)}@{domain}>"
    headers: list[tuple[str, str]] = [received(email, when)]
    headers += list(auth or [])
    headers += [("From", addr(*frm)), ("To", ", ".join(to) if isinstance(to, list) else to)]
    if cc:
        headers.append(("Cc", ", ".join(cc)))
    if subject is not None:
        headers.append(("Subject", hdr(subject)))
    headers += [("Date", format_datetime(when)), ("Message-ID", mid)]
    if in_reply_to:
        headers += [("In-Reply-To", in_reply_to), ("References", in_reply_to)]
    if mua == "outlook":
        headers.append(("X-Mailer", "Microsoft Outlook 16.0"))
    elif mua == "thunderbird":
        headers.append(("User-Agent", "Mozilla Thunderbird 115.5.0"))
    elif mua == "roundcube":
        headers.append(("User-Agent", "Roundcube Webmail/1.6.5"))
    headers.append(("MIME-Version", "1.0"))
    body._headers = headers + body._headers  # noqa: SLF001 - put the envelope headers first
    MAILS.append((fname, kind, expect, ticket, opd, channel, note, body.as_bytes()))


# --------------------------------------------------------------------------- thread helpers

def ack_id(tid: str) -> str:
    return f"<ack-{tid}@lampungbaratkab.go.id>"


def ack_subject(tid: str) -> str:
    return f"[{tid}] Permohonan layanan diterima: {TICKETS[tid][0]}"


DAYS_ID = ["Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min"]
DAYS_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def ack_text(tid: str) -> str:
    title, requester, _ = TICKETS[tid]
    return f"""\
Yth. Bapak/Ibu,

Permohonan layanan Anda telah kami terima dan dicatat dengan nomor tiket {tid}.

Perihal   : {title}
Pemohon   : {requester}

Permohonan akan diproses sesuai alur layanan jaringan intra pemerintah
Kabupaten Lampung Barat. Mohon cantumkan nomor tiket {tid} pada setiap
korespondensi terkait permohonan ini.

Hormat kami,
Service Desk Aptika
Dinas Komunikasi dan Informatika Kabupaten Lampung Barat"""


def gmail_quote(tid: str) -> str:
    day, hh, mm = TICKETS[tid][2]
    d = dt.date(2026, 12, day)
    head = f"Pada {DAYS_ID[d.weekday()]}, {day} Des 2026 pukul {hh:02d}.{mm + 1:02d} Service Desk Aptika <{APTIKA}> menulis:"
    return head + "\n" + "\n".join("> " + ln if ln else ">" for ln in ack_text(tid).splitlines())


def outlook_quote(tid: str, to: str) -> str:
    day, hh, mm = TICKETS[tid][2]
    d = dt.date(2026, 12, day)
    ampm = "AM" if hh < 12 else "PM"
    h12 = hh if hh <= 12 else hh - 12
    return f"""________________________________
From: Service Desk Aptika <{APTIKA}>
Sent: {DAYS_EN[d.weekday()]}, December {day}, 2026 {h12}:{mm + 1:02d} {ampm}
To: {to}
Subject: {ack_subject(tid)}

{ack_text(tid)}"""


def gmail_quote_html(tid: str) -> str:
    day, hh, mm = TICKETS[tid][2]
    d = dt.date(2026, 12, day)
    inner = ack_text(tid).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>\n")
    return (f'<div class="gmail_quote"><div dir="ltr" class="gmail_attr">Pada {DAYS_ID[d.weekday()]}, {day} Des 2026 '
            f'pukul {hh:02d}.{mm + 1:02d} Service Desk Aptika &lt;<a href="mailto:{APTIKA}">{APTIKA}</a>&gt; menulis:<br></div>'
            f'<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);'
            f'padding-left:1ex">{inner}</blockquote></div>')


def esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def p_html(plain: str) -> str:
    """A plain text as the simple HTML a webmail composer makes of it."""
    paras = [esc(p).replace("\n", "<br>") for p in plain.strip().split("\n\n")]
    return '<div dir="ltr">' + "".join(f"<div>{p}</div><div><br></div>" for p in paras) + "</div>"


# --------------------------------------------------------------------------- people

UMUM_DINKES = ("Sub Bag Umum Dinkes", "umum@diskes.lampungbaratkab.go.id")
LAB_DINKES = ("Yuliana Sari", "yuliana.sari@diskes.lampungbaratkab.go.id")
PJ_DINKES = ("dr. Hendra Kusuma, M.Kes", "kadis@diskes.lampungbaratkab.go.id")
TU_DISDIK = ("TU Disdikbud Lambar", "tu@disdik.lampungbaratkab.go.id")
SARPRAS_DISDIK = ("Doni Saputra", "sarpras@disdik.lampungbaratkab.go.id")
PJ_DISDIK = ("Drs. Suparman, M.Pd", "kadisdik@disdik.lampungbaratkab.go.id")
PRC_BAPPEDA = ("Bidang Perencanaan Bappeda", "perencanaan@bappeda.lampungbaratkab.go.id")
PJ_BAPPEDA = ("Bappeda Lampung Barat", "bappeda@lampungbaratkab.go.id")
DIR_RSUD = ("dr. Ratna Wulandari, Sp.PD", "direktur@rsud.lampungbaratkab.go.id")
ADM_PUPR = ("Admin PUPR", "admin@pupr.lampungbaratkab.go.id")
SEK_DINSOS = ("Sekretariat Dinsos", "sekretariat@dinsos.lampungbaratkab.go.id")

KADIS = ("Kepala Dinas Kominfo", "kadis@lampungbaratkab.go.id")
KABID = ("Kabid Aptika", "kabid.aptika@lampungbaratkab.go.id")
PRAKOM = ("Pranata Komputer Aptika", "prakom@lampungbaratkab.go.id")
RAHMAT = ("Rahmat Hidayat", "rahmat.hidayat@lampungbaratkab.go.id")
SITI = ("Siti Nurhaliza", "siti.nurhaliza@lampungbaratkab.go.id")
AGUS = ("Agus Setiawan", "agus.setiawan@lampungbaratkab.go.id")


def A(who: tuple[str | None, str]) -> list[tuple[str, str]]:
    return [auth_pass(who[1])]


# =========================================================================== 1. STATUS

mail("status_cmd_subject_requester_0001.eml", "status", "status_answer", ticket="JIP-2026-0001",
     note="STATUS <id> in the subject, from the requester",
     frm=UMUM_DINKES, subject="STATUS JIP-2026-0001", date=(7, 8, 12), auth=A(UMUM_DINKES),
     body=text("""\
--
Sub Bagian Umum dan Kepegawaian
Dinas Kesehatan Kabupaten Lampung Barat
Jl. Kesehatan No. 3 Way Mengaku, Liwa
"""))

mail("status_lowercase_subject_requester_0002.eml", "status", "status_answer", ticket="JIP-2026-0002",
     note="lower-case 'status <id>' subject, empty body",
     frm=TU_DISDIK, subject="status JIP-2026-0002", date=(7, 9, 3), auth=A(TU_DISDIK), mua="thunderbird",
     body=text("\n", cte="7bit"))

mail("status_colon_brackets_pj_dinkes_0001.eml", "status", "status_answer", ticket="JIP-2026-0001",
     note="'Status: [id]' from the OPD's PJ (Kadis Kesehatan), Outlook HTML",
     frm=PJ_DINKES, subject="Status: [JIP-2026-0001]", date=(7, 10, 26), auth=A(PJ_DINKES), mua="outlook",
     body=alt("""\
Mohon disampaikan status permohonan tersebut, Puskesmas Liwa sudah 5 hari tanpa internet.

dr. Hendra Kusuma, M.Kes
Kepala Dinas Kesehatan Kab. Lampung Barat
""", """<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>
<body lang="EN-US"><div class="WordSection1">
<p class="MsoNormal">Mohon disampaikan status permohonan tersebut, Puskesmas Liwa sudah 5 hari tanpa internet.</p>
<p class="MsoNormal">&nbsp;</p>
<p class="MsoNormal"><b>dr. Hendra Kusuma, M.Kes</b><br>Kepala Dinas Kesehatan Kab. Lampung Barat</p>
</div></body></html>""", "pj_dinkes_status"))

mail("status_first_line_lower_brackets_bappeda_0003.eml", "status", "status_answer", ticket="JIP-2026-0003",
     note="generic subject, first body line 'status [jip-2026-0003]' in lower case",
     frm=PRC_BAPPEDA, subject="cek tiket", date=(7, 13, 40), auth=A(PRC_BAPPEDA),
     body=text("""\
status [jip-2026-0003]

terima kasih

Bidang Perencanaan, Pengendalian dan Evaluasi
Bappeda Kab. Lampung Barat
"""))

mail("status_alone_subject_dinkes.eml", "status", "status_list", opd="dinkes",
     note="STATUS alone from the requester address -> list of dinkes open tickets",
     frm=UMUM_DINKES, subject="STATUS", date=(8, 8, 5), auth=A(UMUM_DINKES),
     body=text("\n", cte="7bit"))

mail("status_alone_body_disdik.eml", "status", "status_list", opd="disdikbud",
     note="no subject header, body 'Status' alone",
     frm=TU_DISDIK, subject=None, date=(8, 9, 47), auth=A(TU_DISDIK), mua="roundcube",
     body=text("""\
Status

--
Tata Usaha Dinas Pendidikan dan Kebudayaan
Kabupaten Lampung Barat
"""))

mail("status_alone_pj_bappeda.eml", "status", "status_list", opd="bappeda",
     note="STATUS alone from Bappeda's PJ (an address on the kabupaten domain, not staff)",
     frm=PJ_BAPPEDA, subject="status", date=(8, 14, 2), auth=A(PJ_BAPPEDA),
     body=text("""\
STATUS
"""))

mail("status_subject_tag_outlook_disdik_0002.eml", "status", "status_answer", ticket="JIP-2026-0002",
     note="subject tag + 'Mohon info status', Outlook HTML only",
     frm=TU_DISDIK, subject="[JIP-2026-0002] Mohon info status", date=(8, 10, 31), auth=A(TU_DISDIK),
     mua="outlook",
     body=html("""<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta name="Generator" content="Microsoft Word 15 (filtered medium)"></head>
<body lang="IN"><div class="WordSection1">
<p class="MsoNormal">Selamat pagi Bapak/Ibu Tim Aptika,</p>
<p class="MsoNormal">&nbsp;</p>
<p class="MsoNormal">Mohon info status pekerjaan pemasangan jaringan LAN di ruang rapat baru kami.
Apakah sudah ada jadwal dari petugas?</p>
<p class="MsoNormal">&nbsp;</p>
<p class="MsoNormal">Terima kasih.</p>
<p class="MsoNormal">&nbsp;</p>
<p class="MsoNormal"><span style="color:#1F3864"><b>Sri Wahyuni</b><br>
Kasubbag Umum &amp; Kepegawaian<br>Dinas Pendidikan dan Kebudayaan Kab. Lampung Barat</span></p>
</div></body></html>"""))

mail("status_chat_body_named_dinkes_0001.eml", "status", "status_answer", ticket="JIP-2026-0001",
     note="chat style, ticket named in the body only",
     frm=UMUM_DINKES, subject="tanya pak", date=(8, 11, 18), auth=A(UMUM_DINKES),
     body=text("""\
pak, tiket JIP-2026-0001 udh sampe mana ya? pkm liwa msh blm bs online, pasien bpjs numpuk
mksh pak

Dikirim dari ponsel saya
"""))

mail("status_english_bappeda_0003.eml", "status", "status_answer", ticket="JIP-2026-0003",
     note="English question, ticket named in the body",
     frm=PRC_BAPPEDA, subject="Switch specification recommendation", date=(8, 13, 9), auth=A(PRC_BAPPEDA),
     body=text("""\
Hi Aptika team,

Any update on JIP-2026-0003? We need the switch recommendation before the
budget revision meeting next week, so it would help to know where it stands.

Thanks,
Yoga Pratama
Bappeda Lampung Barat
"""))

mail("status_javanese_pj_disdik_0002.eml", "status", "status_answer", ticket="JIP-2026-0002",
     note="Javanese-flavoured politeness from Disdikbud's PJ, 'kapan dikerjakan'",
     frm=PJ_DISDIK, subject="Nyuwun pirsa - LAN ruang rapat", date=(8, 15, 21), auth=A(PJ_DISDIK),
     body=text("""\
Assalamualaikum wr. wb.

Nuwun sewu Pak/Bu, badhe nyuwun pirsa, permohonan kami JIP-2026-0002
pemasangan LAN ruang rapat niku kapan dikerjakan nggih? Ruangannya sudah
siap, kabel tray juga sudah dipasang tukang.

Matur nuwun sanget.

Suparman
Kadisdikbud Lampung Barat
"""))

mail("status_colleague_dinkes_0001.eml", "status", "status_answer", ticket="JIP-2026-0001",
     note="a colleague at the requester's OPD domain (not the requester), formal",
     frm=LAB_DINKES, subject="Permohonan informasi perkembangan tiket JIP-2026-0001", date=(8, 9, 55),
     auth=A(LAB_DINKES),
     body=text("""\
Dengan hormat,

Menindaklanjuti permohonan yang telah disampaikan oleh Subbag Umum Dinas
Kesehatan dengan nomor tiket JIP-2026-0001 perihal internet Puskesmas Liwa
mati total, bersama ini kami mohon informasi bagaimana perkembangannya.

Atas perhatian Bapak/Ibu kami ucapkan terima kasih.

Yuliana Sari, S.KM
Seksi Data dan Informasi Kesehatan
Dinas Kesehatan Kab. Lampung Barat
"""))

mail("status_colleague_disdik_kapan_0002.eml", "status", "status_answer", ticket="JIP-2026-0002",
     note="colleague at Disdikbud, 'kapan dikerjakan', HTML+plain",
     frm=SARPRAS_DISDIK, subject="LAN ruang rapat kapan dikerjakan?", date=(9, 8, 44), auth=A(SARPRAS_DISDIK),
     body=alt("""\
Selamat pagi,

Untuk permohonan pemasangan LAN ruang rapat baru (JIP-2026-0002), kira2 kapan
dikerjakan ya? Kami dari sarpras perlu koordinasi dengan teknisi listrik.

Salam,
Doni - Sarpras Disdikbud
""", p_html("""\
Selamat pagi,

Untuk permohonan pemasangan LAN ruang rapat baru (JIP-2026-0002), kira2 kapan
dikerjakan ya? Kami dari sarpras perlu koordinasi dengan teknisi listrik.

Salam,
Doni - Sarpras Disdikbud"""), "sarpras_kapan"))

mail("status_officer_rahmat_0002.eml", "status", "status_answer", ticket="JIP-2026-0002",
     note="the assigned officer asks with the command",
     frm=RAHMAT, subject="STATUS JIP-2026-0002", date=(9, 7, 58), auth=A(RAHMAT),
     body=text("""\
STATUS JIP-2026-0002

--
Rahmat Hidayat
Bidang Aptika Diskominfo Lampung Barat
"""))

mail("status_kabid_lower_0003.eml", "status", "status_answer", ticket="JIP-2026-0003",
     note="the Kabid (chain) asks, lower-case command in the subject",
     frm=KABID, subject="status jip-2026-0003", date=(9, 10, 6), auth=A(KABID),
     body=text("\n", cte="7bit"))

mail("status_reply_gmail_quote_dinkes_0001.eml", "status", "status_answer", ticket="JIP-2026-0001",
     note="reply on the thread (In-Reply-To ack), Gmail quoting, 'sudah sampai mana'",
     frm=UMUM_DINKES, subject="Re: " + ack_subject("JIP-2026-0001"), date=(9, 9, 12),
     in_reply_to=ack_id("JIP-2026-0001"), auth=A(UMUM_DINKES),
     body=alt(f"""\
Selamat pagi pak, ini sudah sampai mana ya? Dari puskesmas tanya terus.

Terima kasih

{gmail_quote("JIP-2026-0001")}
""", '<div dir="ltr">Selamat pagi pak, ini sudah sampai mana ya? Dari puskesmas tanya terus.<div><br></div>'
     '<div>Terima kasih</div></div><br>' + gmail_quote_html("JIP-2026-0001"), "reply_gmail_0001"))

mail("status_reply_outlook_disdik_0002.eml", "status", "status_answer", ticket="JIP-2026-0002",
     note="reply on the thread, Outlook quoting, 'mohon info perkembangannya' with a date",
     frm=TU_DISDIK, subject="RE: " + ack_subject("JIP-2026-0002"), date=(9, 11, 3),
     in_reply_to=ack_id("JIP-2026-0002"), auth=A(TU_DISDIK), mua="outlook",
     body=text(f"""\
Yth. Tim Aptika,

Mohon info perkembangannya, ruang rapat tersebut rencananya akan mulai
dipakai tanggal 15 Desember untuk rapat kerja.

Terima kasih.

Sri Wahyuni
TU Disdikbud

{outlook_quote("JIP-2026-0002", TU_DISDIK[1])}
"""))

mail("status_reply_untagged_english_bappeda_0003.eml", "status", "status_answer", ticket="JIP-2026-0003",
     note="thread reply whose subject lost the tag; 'any update?' in English",
     frm=PRC_BAPPEDA, subject="Re: Permohonan layanan diterima", date=(9, 13, 35),
     in_reply_to=ack_id("JIP-2026-0003"), auth=A(PRC_BAPPEDA),
     body=text(f"""\
Dear team, any update? Thanks.

Yoga

{gmail_quote("JIP-2026-0003")}
"""))

mail("status_qp_html_pj_disdik_0002.eml", "status", "status_answer", ticket="JIP-2026-0002",
     note="'STATUS [JIP-2026-0002]' as the first line of an HTML-only quoted-printable body",
     frm=PJ_DISDIK, subject="Laporan", date=(7, 14, 50), auth=A(PJ_DISDIK),
     body=html("""<html><body><div style="font-family:Arial,sans-serif;font-size:13px">
<div>STATUS [JIP-2026-0002]</div><div><br></div>
<div>Terima kasih atas kerja samanya.</div><div><br></div>
<div style="color:#555555">Drs. Suparman, M.Pd<br>Kepala Dinas Pendidikan dan Kebudayaan<br>Kabupaten Lampung Barat</div>
</div></body></html>"""))

mail("status_tag_html_pj_bappeda_0003.eml", "status", "status_answer", ticket="JIP-2026-0003",
     note="Bappeda's PJ (kabupaten-domain address), subject tag, 'sudah sejauh mana'",
     frm=PJ_BAPPEDA, subject="[JIP-2026-0003] Rekomendasi spesifikasi switch", date=(9, 14, 17),
     auth=A(PJ_BAPPEDA),
     body=alt("""\
Yth. Kabid Aptika,

Mohon informasi sudah sejauh mana proses rekomendasi spesifikasi switch yang
kami ajukan. Dokumen tersebut dibutuhkan untuk penyusunan RKA perubahan.

Terima kasih.

Sekretariat Bappeda Kab. Lampung Barat
""", p_html("""\
Yth. Kabid Aptika,

Mohon informasi sudah sejauh mana proses rekomendasi spesifikasi switch yang
kami ajukan. Dokumen tersebut dibutuhkan untuk penyusunan RKA perubahan.

Terima kasih.

Sekretariat Bappeda Kab. Lampung Barat"""), "pj_bappeda_0003"))

# ---- outsiders

mail("status_other_opd_auth_disdik_asks_0001.eml", "status", "status_refused", ticket="JIP-2026-0001",
     note="Disdikbud (dmarc=pass, trusted) asks about Dinkes' ticket",
     frm=TU_DISDIK, subject="Tanya status JIP-2026-0001", date=(7, 11, 2), auth=A(TU_DISDIK),
     body=text("""\
Selamat siang, mau tanya status tiket JIP-2026-0001 internet Puskesmas Liwa,
sudah sampai mana ya? Terima kasih.

TU Disdikbud
"""))

mail("status_other_opd_dkim_rsud_asks_0001.eml", "status", "status_refused", ticket="JIP-2026-0001",
     note="RSUD director (dkim=pass header.d=rsud..., trusted) asks about the Puskesmas ticket",
     frm=DIR_RSUD, subject="Perkembangan JIP-2026-0001", date=(8, 10, 40),
     auth=[("Authentication-Results", f"{TRUSTED};\n       dkim=pass header.d=rsud.lampungbaratkab.go.id "
                                        "header.s=default header.b=Rk3Lm9Qa")],
     body=text("""\
Selamat pagi,

Sehubungan dengan layanan rujukan dari Puskesmas Liwa ke RSUD, kami ingin
mengetahui bagaimana perkembangan penanganan tiket JIP-2026-0001.

dr. Ratna Wulandari, Sp.PD
Direktur RSUD Alimuddin Umar
"""))

mail("status_other_opd_auth_pupr_cmd_0003.eml", "status", "status_refused", ticket="JIP-2026-0003",
     note="PUPR (trusted dmarc=pass) sends the command for Bappeda's ticket",
     frm=ADM_PUPR, subject="STATUS JIP-2026-0003", date=(9, 9, 30), auth=A(ADM_PUPR),
     body=text("\n", cte="7bit"))

mail("status_other_opd_unauth_dinsos_0002.eml", "status", "nothing", ticket="JIP-2026-0002",
     note="Dinsos asks about Disdikbud's ticket without any Authentication-Results",
     frm=SEK_DINSOS, subject="Sudah sampai mana JIP-2026-0002?", date=(8, 13, 55),
     body=text("""\
Siang, mau tanya JIP-2026-0002 sudah sampai mana ya? Makasih.
"""))

mail("status_other_opd_untrusted_server_pupr_0001.eml", "status", "nothing", ticket="JIP-2026-0001",
     note="PUPR asks about Dinkes' ticket; the only Authentication-Results comes from mx.example.net",
     frm=ADM_PUPR, subject="status JIP-2026-0001", date=(9, 15, 5),
     auth=[auth_pass(ADM_PUPR[1], server="mx.example.net")],
     body=text("status JIP-2026-0001\n", cte="7bit"))

mail("status_gmail_unauth_cmd_0001.eml", "status", "nothing", ticket="JIP-2026-0001",
     note="unauthenticated gmail outsider sends the command",
     frm=("Bayu Anggara", "bayu.anggara88@gmail.com"), subject="STATUS JIP-2026-0001", date=(7, 15, 33),
     body=text("STATUS JIP-2026-0001\n", cte="7bit"))

mail("status_gmail_unauth_question_0002.eml", "status", "nothing", ticket="JIP-2026-0002",
     note="unauthenticated gmail outsider, natural question",
     frm=("Nadia Putri", "nadiaputri.lbr@gmail.com"), subject="tanya perkembangan", date=(9, 10, 48),
     body=alt("""\
Halo admin, mau tanya perkembangan jip-2026-0002 gmn ya? kapan dikerjakan?
""", '<div dir="ltr">Halo admin, mau tanya perkembangan jip-2026-0002 gmn ya? kapan dikerjakan?</div>',
         "gmail_unauth_0002"))

# ---- additions to a ticket (not status questions)

mail("followup_reply_location_contact_0001.eml", "status", "followup", ticket="JIP-2026-0001",
     note="thread reply that adds location and contact person",
     frm=UMUM_DINKES, subject="Re: " + ack_subject("JIP-2026-0001"), date=(7, 9, 25),
     in_reply_to=ack_id("JIP-2026-0001"), auth=A(UMUM_DINKES),
     body=text(f"""\
Selamat pagi,

Tambahan informasi: perangkat modem dan router ada di ruang TU lantai 2
Puskesmas Liwa. Kontak di lokasi Pak Budi Santoso (0812-7390-4415), beliau
standby jam 08.00-14.00.

Terima kasih

{gmail_quote("JIP-2026-0001")}
"""))

mail("followup_reply_room_size_outlook_0002.eml", "status", "followup", ticket="JIP-2026-0002",
     note="Outlook thread reply adding the room size and number of points",
     frm=TU_DISDIK, subject="RE: " + ack_subject("JIP-2026-0002"), date=(7, 13, 12),
     in_reply_to=ack_id("JIP-2026-0002"), auth=A(TU_DISDIK), mua="outlook",
     body=text(f"""\
Selamat siang,

Sebagai pelengkap data: ukuran ruang rapat 8 x 12 meter, kebutuhan 12 titik
LAN (10 di meja rapat, 1 untuk proyektor, 1 untuk access point). Sumber
jaringan dari rack di ruang server lantai 1, jarak kurang lebih 35 meter.

Salam,
Sri Wahyuni

{outlook_quote("JIP-2026-0002", TU_DISDIK[1])}
"""))

mail("followup_reply_pdf_inventory_0003.eml", "status", "followup", ticket="JIP-2026-0003",
     note="thread reply with a PDF list of existing devices",
     frm=PRC_BAPPEDA, subject="Re: " + ack_subject("JIP-2026-0003"), date=(8, 8, 52),
     in_reply_to=ack_id("JIP-2026-0003"), auth=A(PRC_BAPPEDA),
     body=multi("mixed", [text(f"""\
Selamat pagi,

Berikut kami lampirkan daftar perangkat jaringan existing di kantor Bappeda
(2 unit switch 24 port unmanaged, 1 router, 3 access point) sebagai bahan
pertimbangan rekomendasi. Jumlah pegawai 46 orang.

Terima kasih

{gmail_quote("JIP-2026-0003")}
"""), attachment("Daftar_Perangkat_Jaringan_Bappeda_2026.pdf", "application/pdf",
                 pdf("Daftar Perangkat Jaringan Existing - Bappeda Lampung Barat"))], "followup_0003"))

mail("followup_tag_ont_los_0001.eml", "status", "followup", ticket="JIP-2026-0001",
     note="new mail with the subject tag adding device details and a photo, no question",
     frm=UMUM_DINKES, subject="[JIP-2026-0001] Tambahan data perangkat", date=(8, 14, 30), auth=A(UMUM_DINKES),
     body=multi("mixed", [text("""\
Yth. Tim Aptika,

Melengkapi laporan sebelumnya, lampu LOS pada ONT di Puskesmas Liwa menyala
merah sejak Rabu pagi. Nomor layanan internet 1223 0045 8871. Foto ONT kami
lampirkan.

Terima kasih.

Subbag Umum Dinkes
"""), attachment("IMG_20261208_0931.jpg", "image/jpeg", jpg("ont_los"))], "followup_tag_0001"))


# =========================================================================== 2. ATAS NAMA

def staff_sig(who: tuple[str, str]) -> str:
    return f"--\n{who[0]}\nBidang Aptika - Diskominfo Kab. Lampung Barat"


mail("onbehalf_phone_dinkes_full.eml", "on_behalf", "ticket", opd="dinkes", channel="telepon",
     note="all four lines, OPD by full name",
     frm=RAHMAT, subject="Input permohonan via telepon - Dinkes", date=(7, 9, 10), auth=A(RAHMAT),
     body=text(f"""\
ATAS NAMA Dinas Kesehatan
MELALUI telepon
PEMOHON Ibu Rina Marlina, staf Seksi Yankes, 0813-6677-2190
DITERIMA 2026-12-07 08:35

Wifi di aula lantai 3 Dinas Kesehatan tidak bisa konek sejak pagi, padahal
jam 10 ada pelatihan aplikasi SATUSEHAT untuk 40 peserta. Mohon dicek
access point di aula.

{staff_sig(RAHMAT)}
"""))

mail("onbehalf_whatsapp_pkm_liwa.eml", "on_behalf", "ticket", opd="pkm_liwa", channel="whatsapp",
     note="'Puskesmas Liwa' written loosely, no DITERIMA",
     frm=SITI, subject="permohonan dari PKM Liwa (WA)", date=(7, 10, 2), auth=A(SITI),
     body=text(f"""\
ATAS NAMA Puskesmas Liwa
MELALUI whatsapp
PEMOHON Pak Jamal, operator SIMPUS, 0852-6901-3347

Mohon dipasang 1 titik LAN tambahan di ruang pendaftaran, komputer baru untuk
antrean online belum dapat jaringan. Saat ini pakai tethering HP.

{staff_sig(SITI)}
"""))

mail("onbehalf_letter_pdf_kec_balikbukit.eml", "on_behalf", "ticket", opd="kec_balikbukit", channel="surat",
     note="paper letter scanned to PDF, 'Kecamatan Balik Bukit', DITERIMA three days back",
     frm=AGUS, subject="Surat Camat Balik Bukit - permohonan jaringan", date=(7, 11, 15), auth=A(AGUS),
     body=multi("mixed", [text(f"""\
ATAS NAMA Kecamatan Balik Bukit
MELALUI surat
PEMOHON Camat Balik Bukit (surat No. 005/212/II.01/2026)
DITERIMA 2026-12-04 14:20

Surat permohonan terlampir. Intinya Kantor Camat Balik Bukit meminta
pemasangan jaringan intra pemda ke kantor kecamatan yang baru direnovasi,
karena aplikasi SRIKANDI dan e-Kinerja belum bisa diakses dari sana.

{staff_sig(AGUS)}
"""), attachment("Surat_Camat_BalikBukit_005-212.pdf", "application/pdf",
                 pdf("Surat Camat Balik Bukit No. 005/212/II.01/2026 - Permohonan Jaringan"))], "letter_kbb"))

mail("onbehalf_walkin_disdik_lower.eml", "on_behalf", "ticket", opd="disdikbud", channel="datang_langsung",
     note="'dinas pendidikan' in lower case, walk-in",
     frm=PRAKOM, subject="Tamu datang langsung - Disdik", date=(7, 14, 5), auth=A(PRAKOM),
     body=text(f"""\
ATAS NAMA dinas pendidikan
MELALUI datang langsung
PEMOHON Sdr. Fikri Ramadhan, operator Dapodik, 0821-7744-0912
DITERIMA 2026-12-07 13:30

Pemohon datang ke kantor menyampaikan bahwa koneksi ke server Dapodik di
ruang operator sering putus (RTO) tiap siang. Minta dicek kabel dan switch
di ruang operator lantai 1.

{staff_sig(PRAKOM)}
"""))

mail("onbehalf_chat_rsud.eml", "on_behalf", "ticket", opd="rsud", channel="chat",
     note="'RSUD' alone, chat, HTML",
     frm=KABID, subject="Permintaan RSUD lewat chat", date=(8, 8, 40), auth=A(KABID),
     body=alt("""\
ATAS NAMA RSUD
MELALUI chat
PEMOHON Fajar Nugroho, IT RSUD

Mohon dibuatkan VLAN terpisah untuk perangkat CCTV di RSUD, sekarang masih
satu jaringan dengan SIMRS dan bikin lambat.

Kabid Aptika
""", """<div>ATAS NAMA RSUD</div><div>MELALUI chat</div><div>PEMOHON Fajar Nugroho, IT RSUD</div><div><br></div>
<div>Mohon dibuatkan VLAN terpisah untuk perangkat CCTV di RSUD, sekarang masih
satu jaringan dengan SIMRS dan bikin lambat.</div><div><br></div><div>Kabid Aptika</div>""", "onbehalf_rsud"))

mail("onbehalf_portal_pupr.eml", "on_behalf", "ticket", opd="pupr", channel="portal",
     note="'PUPR', entered from the portal form, no PEMOHON",
     frm=RAHMAT, subject="Dari portal: PUPR", date=(8, 9, 20), auth=A(RAHMAT),
     body=text(f"""\
ATAS NAMA PUPR
MELALUI portal
DITERIMA 2026-12-06 19:42

Isian formulir portal: "Mohon penambahan access point di ruang Bidang Bina
Marga, sinyal wifi tidak sampai ke ruang drafter, 8 orang tidak bisa
mengakses internet."

{staff_sig(RAHMAT)}
"""))

mail("onbehalf_phone_kec_sukau.eml", "on_behalf", "ticket", opd="kec_sukau", channel="telepon",
     note="'Kec. Sukau', phone",
     frm=AGUS, subject="telp dari kec sukau", date=(8, 10, 12), auth=A(AGUS),
     body=text(f"""\
ATAS NAMA Kec. Sukau
MELALUI telepon
PEMOHON Pak Sekcam Sukau, 0812-7211-5038

Internet kantor kecamatan Sukau mati sejak kemarin sore, radio link ke
tower Pekon Tapak Siring kemungkinan bergeser kena angin. Mohon dicek.

{staff_sig(AGUS)}
"""))

mail("onbehalf_whatsapp_pertanian_html.eml", "on_behalf", "ticket", opd="pertanian", channel="whatsapp",
     note="'Dinas Pertanian', Outlook HTML, 'WhatsApp' capitalised",
     frm=RAHMAT, subject="WA Dinas Pertanian", date=(8, 11, 30), auth=A(RAHMAT), mua="outlook",
     body=html("""<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>
<body lang="IN"><div class="WordSection1">
<p class="MsoNormal">ATAS NAMA Dinas Pertanian</p>
<p class="MsoNormal">MELALUI WhatsApp</p>
<p class="MsoNormal">PEMOHON Ibu Desi Anggraini, Kasubbag Program, 0857-8120-6634</p>
<p class="MsoNormal">DITERIMA 2026-12-08 07:55</p>
<p class="MsoNormal">&nbsp;</p>
<p class="MsoNormal">Mohon dibantu konfigurasi jaringan untuk 6 komputer baru di ruang Program
Dinas Pertanian, belum mendapat IP dan tidak bisa akses aplikasi e-RDKK.</p>
<p class="MsoNormal">&nbsp;</p>
<p class="MsoNormal">Rahmat Hidayat</p>
</div></body></html>"""))

mail("onbehalf_walkin_dishub_short.eml", "on_behalf", "ticket", opd="dishub", channel="datang_langsung",
     note="'Dishub', walk-in, DITERIMA three days back",
     frm=SITI, subject="Dishub datang langsung", date=(8, 13, 45), auth=A(SITI),
     body=text(f"""\
ATAS NAMA Dishub
MELALUI datang langsung
PEMOHON Sdr. Heri, staf Bidang LLAJ
DITERIMA 2026-12-05 10:15

Minta jaringan untuk ruang kontrol CCTV traffic light di kantor Dishub,
perangkat NVR baru belum tersambung ke jaringan intra.

{staff_sig(SITI)}
"""))

mail("onbehalf_letter_pdf_bappeda.eml", "on_behalf", "ticket", opd="bappeda", channel="surat",
     note="'Bappeda', letter with PDF",
     frm=PRAKOM, subject="Surat masuk Bappeda - jaringan ruang Musrenbang", date=(9, 8, 30), auth=A(PRAKOM),
     body=multi("mixed", [text(f"""\
ATAS NAMA Bappeda
MELALUI surat
PEMOHON Sekretaris Bappeda (surat No. 050/388/III.03/2026)
DITERIMA 2026-12-08 15:10

Permohonan penyediaan jaringan internet dan LAN sementara untuk ruang
Musrenbang Bappeda, 25 titik, untuk kegiatan forum perangkat daerah.
Surat terlampir.

{staff_sig(PRAKOM)}
"""), attachment("Surat_Bappeda_050-388.pdf", "application/pdf",
                 pdf("Surat Bappeda No. 050/388/III.03/2026 - Jaringan Ruang Musrenbang"))], "letter_bappeda"))

mail("onbehalf_phone_dinsos_caps.eml", "on_behalf", "ticket", opd="dinsos", channel="telepon",
     note="'dinas sosial', 'Telepon' capitalised, no PEMOHON/DITERIMA",
     frm=AGUS, subject="dinsos telepon", date=(9, 9, 5), auth=A(AGUS),
     body=text(f"""\
ATAS NAMA dinas sosial
MELALUI Telepon

Komputer verifikasi DTKS di ruang Bidang Linjamsos tidak dapat koneksi
jaringan, kabel LAN dari switch ke ruangan putus digigit tikus.

{staff_sig(AGUS)}
"""))

mail("onbehalf_letter_rsud_kadis.eml", "on_behalf", "ticket", opd="rsud", channel="surat",
     note="the Kadis enters a letter for 'RSUD Alimuddin Umar', qp",
     frm=KADIS, subject="Disposisi surat RSUD", date=(9, 10, 20), auth=A(KADIS),
     body=multi("mixed", [text("""\
ATAS NAMA RSUD Alimuddin Umar
MELALUI surat
PEMOHON Direktur RSUD Alimuddin Umar
DITERIMA 2026-12-07 09:00

Direktur RSUD mengajukan permohonan penambahan bandwidth dan jalur cadangan
(backup link) untuk layanan rujukan dan BPJS, karena sering putus saat jam
sibuk poliklinik. Mohon ditindaklanjuti sesuai prosedur.

Kepala Dinas Kominfo
"""), attachment("Surat_RSUD_Permohonan_Bandwidth.pdf", "application/pdf",
                 pdf("Surat Direktur RSUD Alimuddin Umar - Permohonan Bandwidth"))], "letter_rsud"))

mail("onbehalf_chat_kec_balikbukit_short.eml", "on_behalf", "ticket", opd="kec_balikbukit", channel="chat",
     note="'kecamatan balik bukit' lower case, chat, terse",
     frm=SITI, subject="chat kec balik bukit", date=(9, 13, 10), auth=A(SITI),
     body=text(f"""\
ATAS NAMA kecamatan balik bukit
MELALUI chat
PEMOHON Mbak Lia, staf pelayanan, 0822-8011-4472
DITERIMA 2026-12-09 11:40

Printer jaringan dan PC pelayanan KTP di kantor camat gak dapet IP sejak
pagi, mohon dicek DHCP / switch nya.

{staff_sig(SITI)}
"""))

# ---- refused

mail("onbehalf_unknown_opd_pariwisata_kota.eml", "on_behalf", "on_behalf_refused",
     note="OPD of another government (Kota Bandar Lampung) -> unknown",
     frm=RAHMAT, subject="Permohonan via telepon", date=(7, 14, 40), auth=A(RAHMAT),
     body=text(f"""\
ATAS NAMA Dinas Pariwisata Kota Bandar Lampung
MELALUI telepon
PEMOHON Ibu Maya, 0811-7290-3381

Minta dipasang wifi untuk stand pameran di gedung serbaguna.

{staff_sig(RAHMAT)}
"""))

mail("onbehalf_ambiguous_puskesmas.eml", "on_behalf", "on_behalf_refused",
     note="'Puskesmas' without a name -> ambiguous",
     frm=SITI, subject="telp puskesmas", date=(8, 9, 35), auth=A(SITI),
     body=text(f"""\
ATAS NAMA Puskesmas
MELALUI telepon

Internet puskesmas lambat sekali sejak kemarin, mohon dicek.

{staff_sig(SITI)}
"""))

mail("onbehalf_ambiguous_kecamatan.eml", "on_behalf", "on_behalf_refused",
     note="'Kecamatan' without a name -> ambiguous (Balik Bukit, Sukau)",
     frm=AGUS, subject="permohonan kecamatan", date=(8, 15, 0), auth=A(AGUS),
     body=text(f"""\
ATAS NAMA Kecamatan
MELALUI datang langsung
PEMOHON Pak Suryadi, staf kecamatan

Mohon pemasangan access point di aula kantor kecamatan untuk kegiatan
Musrenbang kecamatan.

{staff_sig(AGUS)}
"""))

mail("onbehalf_unknown_dinas_perikanan.eml", "on_behalf", "on_behalf_refused",
     note="an OPD not in the registry",
     frm=PRAKOM, subject="walk in - perikanan", date=(9, 11, 25), auth=A(PRAKOM),
     body=text(f"""\
ATAS NAMA Dinas Perikanan
MELALUI datang langsung
PEMOHON Sdr. Andi, operator

Minta dibuatkan jaringan LAN untuk 4 komputer di ruang UPTD Balai Benih Ikan.

{staff_sig(PRAKOM)}
"""))

mail("onbehalf_received_tomorrow.eml", "on_behalf", "on_behalf_refused",
     note="DITERIMA the day after the mail's Date (future)",
     frm=AGUS, subject="input telp pertanian", date=(8, 10, 50), auth=A(AGUS),
     body=text(f"""\
ATAS NAMA Dinas Pertanian
MELALUI telepon
PEMOHON Ibu Desi, 0857-8120-6634
DITERIMA 2026-12-09 09:00

Jaringan di ruang Bidang Penyuluhan putus, switch mati total.

{staff_sig(AGUS)}
"""))

mail("onbehalf_received_ten_days_back.eml", "on_behalf", "on_behalf_refused",
     note="DITERIMA ten days before the mail's Date",
     frm=RAHMAT, subject="surat lama dishub", date=(8, 14, 15), auth=A(RAHMAT),
     body=text(f"""\
ATAS NAMA Dinas Perhubungan
MELALUI surat
PEMOHON Kepala Dinas Perhubungan
DITERIMA 2026-11-28 10:00

Surat permohonan pemasangan jaringan di terminal Liwa baru ketemu di meja
arsip, mohon diproses.

{staff_sig(RAHMAT)}
"""))

# ---- not staff: the lines are ordinary text

mail("onbehalf_by_opd_disdik_for_dinkes.eml", "on_behalf", "ticket", opd="disdikbud", channel="email",
     note="ATAS NAMA written by Disdikbud's TU address: an ordinary request of Disdikbud",
     frm=TU_DISDIK, subject="Permohonan jaringan", date=(7, 15, 10), auth=A(TU_DISDIK),
     body=text("""\
ATAS NAMA Dinas Kesehatan
MELALUI telepon

Mohon bantuan pemasangan access point di ruang guru SMP Negeri 1 Liwa yang
berada satu komplek dengan kantor dinas, sinyal wifi tidak sampai.

TU Disdikbud
"""))

mail("onbehalf_by_opd_dinkes_for_sukau.eml", "on_behalf", "ticket", opd="dinkes", channel="email",
     note="ATAS NAMA + DITERIMA written by Dinkes' umum address: an ordinary request of Dinkes",
     frm=UMUM_DINKES, subject="permohonan perbaikan jaringan", date=(9, 14, 40), auth=A(UMUM_DINKES),
     body=text("""\
ATAS NAMA Kecamatan Sukau
MELALUI telepon
DITERIMA 2026-12-09 08:00

Kabel LAN di ruang Farmasi Dinas Kesehatan putus, 3 komputer tidak bisa
akses jaringan. Mohon diperbaiki.

Subbag Umum Dinkes
"""))


# =========================================================================== 3. WEBMAIL

def gmail_req(fname: str, expect: str, note: str, who: tuple[str, str], subject: str, date: tuple[int, int, int],
              plain: str, auth: list[tuple[str, str]] | None, attach: Message | None = None) -> None:
    body = alt(plain, p_html(plain), fname)
    if attach is not None:
        body = multi("mixed", [body, attach], fname)
    mail(fname, "webmail", expect, note=note, frm=who, subject=subject, date=date, body=body, auth=auth)


W_PKM = ("Eko Prasetyo", "eko.pkmliwa@gmail.com")
gmail_req("webmail_gmail_auth_pkm_liwa.eml", "awaiting_registration",
          "Puskesmas Liwa operator on gmail, trusted dmarc=pass",
          W_PKM, "Internet Puskesmas Liwa sering putus", (7, 8, 50), """\
Selamat pagi Bapak/Ibu Diskominfo,

Saya Eko, operator SIMPUS di UPTD Puskesmas Liwa. Mohon bantuan, jaringan
internet di ruang pendaftaran dan apotek sering putus sejak minggu lalu,
aplikasi P-Care BPJS sering gagal kirim data.

Mohon maaf saya kirim dari email pribadi karena belum punya email dinas.

Terima kasih,
Eko Prasetyo
UPTD Puskesmas Liwa
0812-7456-2201""", A(W_PKM))

W_YAHOO = ("Rini Handayani", "rini_handayani77@yahoo.co.id")
mail("webmail_yahoo_auth_kec_sukau.eml", "webmail", "awaiting_registration",
     note="Kecamatan Sukau staff on yahoo.co.id, trusted dmarc=pass",
     frm=W_YAHOO, subject="permohonan pemasangan wifi kantor camat sukau", date=(7, 10, 40), auth=A(W_YAHOO),
     body=text("""\
Yth. Admin Aptika

Dengan hormat, kami dari Kantor Kecamatan Sukau mohon dipasangkan wifi di
ruang pelayanan, karena masyarakat yang mengurus adminduk sering menunggu
lama saat aplikasi SIAK tidak terkoneksi.

Hormat kami,
Rini Handayani
Staf Kecamatan Sukau
"""))

W_OUT = ("Teguh Wibowo", "teguh.wibowo.dishub@outlook.com")
mail("webmail_outlookcom_auth_dishub.eml", "webmail", "awaiting_registration",
     note="Dishub staff on outlook.com, trusted dkim+dmarc pass, Outlook HTML",
     frm=W_OUT, subject="Permohonan jaringan ruang kontrol ATCS", date=(7, 13, 20), auth=A(W_OUT),
     body=alt("""\
Selamat siang,

Kami dari Dinas Perhubungan memohon pemasangan jaringan LAN untuk ruang
kontrol ATCS (4 komputer dan 1 NVR) di lantai 2 kantor Dishub.

Terima kasih.

Teguh Wibowo
Bidang LLAJ Dinas Perhubungan Kab. Lampung Barat
""", """<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>
<body dir="ltr"><div style="font-family: Aptos, Calibri, Helvetica, sans-serif; font-size: 12pt;">
Selamat siang,<br><br>Kami dari Dinas Perhubungan memohon pemasangan jaringan LAN untuk ruang
kontrol ATCS (4 komputer dan 1 NVR) di lantai 2 kantor Dishub.<br><br>Terima kasih.<br><br>
Teguh Wibowo<br>Bidang LLAJ Dinas Perhubungan Kab. Lampung Barat</div></body></html>""", "outlookcom_dishub"))

W_BPP = ("Andri Kurniawan", "andrikurniawan.kecsukau@gmail.com")
gmail_req("webmail_gmail_auth_pertanian_bpp.eml", "awaiting_registration",
          "Dinas Pertanian (BPP) staff on gmail, trusted dmarc=pass, chat style",
          W_BPP, "jaringan BPP", (8, 9, 15), """\
slmt pagi pak/bu, sy andri dr dinas pertanian (BPP Sukau). mohon dibantu
pasang jaringan intra ke kantor BPP, skrg kami input e-RDKK pake kuota hp
pribadi. trims""", A(W_BPP))

W_DINSOS = ("Lestari Dewi", "lestaridewi.dinsos@gmail.com")
gmail_req("webmail_gmail_auth_dinsos_pdf.eml", "awaiting_registration",
          "Dinsos staff on gmail with a PDF letter, trusted dmarc=pass",
          W_DINSOS, "Surat Permohonan Jaringan Ruang Verifikasi DTKS", (8, 11, 5), """\
Dengan hormat,

Bersama ini kami sampaikan surat permohonan penambahan titik jaringan untuk
ruang verifikasi DTKS Dinas Sosial (terlampir). Surat asli akan kami antar
ke kantor Diskominfo.

Atas perhatiannya kami ucapkan terima kasih.

Lestari Dewi
Sekretariat Dinas Sosial Kab. Lampung Barat""", A(W_DINSOS),
          attachment("Surat_Permohonan_Jaringan_Dinsos.pdf", "application/pdf",
                     pdf("Surat Permohonan Jaringan Ruang Verifikasi DTKS - Dinas Sosial")))

W_KBB = ("Operator Kec. Balik Bukit", "kecbalikbukit.lambar@gmail.com")
mail("webmail_gmail_dkim_only_kec_balikbukit.eml", "webmail", "awaiting_registration",
     note="Kecamatan Balik Bukit office gmail; trusted header with dkim=pass header.d=gmail.com (no dmarc result)",
     frm=W_KBB, subject="Mohon pengecekan jaringan kantor camat", date=(8, 14, 25),
     auth=[("Authentication-Results", f"{TRUSTED};\n       dkim=pass header.d=gmail.com header.s=20230601 "
                                        "header.b=Qw8tLp2x")],
     body=alt("""\
Assalamualaikum,

Mohon pengecekan jaringan di kantor camat Balik Bukit, sejak renovasi
kemarin kabel jaringan ke ruang sekcam dan ruang pelayanan belum tersambung.

Wassalam
Operator Kecamatan Balik Bukit
""", p_html("""\
Assalamualaikum,

Mohon pengecekan jaringan di kantor camat Balik Bukit, sejak renovasi
kemarin kabel jaringan ke ruang sekcam dan ruang pelayanan belum tersambung.

Wassalam
Operator Kecamatan Balik Bukit"""), "dkim_only_kbb"))

W_QP = ("Wahyu Hidayat", "wahyu.hidayat.pupr@gmail.com")
mail("webmail_gmail_auth_pupr_qp_html.eml", "webmail", "awaiting_registration",
     note="PUPR staff on gmail, HTML only quoted-printable, trusted dmarc=pass",
     frm=W_QP, subject="Permohonan akses jaringan intra untuk bidang Cipta Karya", date=(9, 8, 20), auth=A(W_QP),
     body=html("""<div dir="ltr"><div>Yth. Bapak/Ibu Bidang Aptika,</div><div><br></div>
<div>Kami dari Bidang Cipta Karya Dinas PUPR memohon agar ruang kerja bidang kami (lantai 2, sayap kanan)
dapat terhubung ke jaringan intra Pemkab. Saat ini ruangan tersebut belum memiliki titik jaringan sama sekali
sehingga aplikasi SIMBG dan SIPD tidak bisa diakses.</div><div><br></div>
<div>Terima kasih atas bantuannya.</div><div><br></div>
<div>Salam,</div><div>Wahyu Hidayat, S.T.</div><div>Bidang Cipta Karya – Dinas PUPR Lampung Barat</div></div>"""))

# ---- not authenticated -> nothing

W_NOHDR = ("Budi Santoso", "budisantoso.pkm@gmail.com")
gmail_req("webmail_gmail_no_header.eml", "nothing",
          "gmail request without any Authentication-Results",
          W_NOHDR, "Permohonan perbaikan jaringan Puskesmas", (7, 9, 45), """\
Selamat pagi,

Saya Budi dari Puskesmas Liwa. Mohon dicek jaringan di ruang laboratorium,
komputer tidak bisa akses internet dan aplikasi SIMPUS.

Terima kasih
Budi""", None)

W_YNO = ("Sulastri", "sulastri_dishub@yahoo.com")
mail("webmail_yahoo_no_header.eml", "webmail", "nothing",
     note="yahoo.com request without any Authentication-Results",
     frm=W_YNO, subject="mohon pasang wifi", date=(7, 14, 15),
     body=text("""\
Selamat siang pak, mohon pasang wifi di ruang pelayanan uji KIR Dishub,
sinyal dari ruang sebelah tidak sampai. Terima kasih.

Sulastri - Dishub
"""))

W_UNTR = ("Hendra Gunawan", "hendragunawan.bappeda@gmail.com")
gmail_req("webmail_gmail_untrusted_server.eml", "nothing",
          "dmarc=pass, but written by mx.example.net (not the trusted server)",
          W_UNTR, "Permohonan titik LAN ruang Bidang Ekonomi", (8, 10, 5), """\
Dengan hormat,

Mohon penambahan 4 titik LAN di ruang Bidang Ekonomi Bappeda untuk pegawai
baru. Terima kasih.

Hendra Gunawan
Bappeda""", [auth_pass(W_UNTR[1], server="mx.example.net")])

W_FAIL = ("Admin Disdik", "admin.disdik.lambar@gmail.com")
gmail_req("webmail_gmail_dmarc_fail.eml", "nothing",
          "trusted server, but dmarc=fail (and dkim=fail)",
          W_FAIL, "URGENT: Jaringan Disdik mati, mohon segera", (8, 13, 25), """\
Yth. Diskominfo,

Jaringan seluruh kantor Dinas Pendidikan mati sejak pagi. Mohon segera
dikirim teknisi ke lokasi.

Admin Disdik""", [auth_pass(W_FAIL[1], dmarc="fail")])

W_CONF = ("Siska Amelia", "siska.amelia.rsud@gmail.com")
gmail_req("webmail_gmail_two_headers_conflict.eml", "nothing",
          "two trusted Authentication-Results: one dmarc=pass, one dmarc=fail",
          W_CONF, "Permohonan jaringan ruang rekam medis", (9, 9, 40), """\
Selamat pagi,

Kami dari RSUD mohon penambahan jaringan untuk ruang rekam medis yang baru
dipindah ke gedung belakang. Ada 5 komputer yang belum terhubung.

Terima kasih,
Siska Amelia""", [auth_pass(W_CONF[1]), auth_pass(W_CONF[1], dmarc="fail")])

W_SPF = ("Ujang Permana", "ujangpermana.pertanian@gmail.com")
gmail_req("webmail_gmail_spf_only.eml", "nothing",
          "trusted header with spf=pass only (no dkim, no dmarc result)",
          W_SPF, "Mohon bantuan jaringan kantor", (9, 11, 10), """\
Selamat siang,

Jaringan di kantor UPTD Dinas Pertanian di Sekincau sering terputus, mohon
dicek ke lokasi. Terima kasih.

Ujang""", [auth_pass(W_SPF[1], dkim=False, dmarc="")])

W_MIS = ("Ria Oktaviani", "ria.oktaviani.kec@outlook.com")
mail("webmail_outlookcom_misaligned_header.eml", "webmail", "nothing",
     note="From outlook.com but the trusted dmarc=pass is for header.from=gmail.com (another domain)",
     frm=W_MIS, subject="Permohonan perbaikan LAN kantor kecamatan", date=(9, 13, 50),
     auth=[("Authentication-Results", f"{TRUSTED};\n       dmarc=pass (p=NONE sp=QUARANTINE dis=NONE) "
                                        "header.from=gmail.com")],
     body=text("""\
Selamat siang,

Mohon perbaikan kabel LAN di ruang PATEN kantor Kecamatan Balik Bukit yang
rusak akibat renovasi.

Ria Oktaviani
"""))


# --------------------------------------------------------------------------- write

KINDS = {"status": {"status_answer", "status_list", "status_refused", "nothing", "followup"},
         "on_behalf": {"ticket", "on_behalf_refused"},
         "webmail": {"awaiting_registration", "nothing"}}
CHANNELS = {"telepon", "surat", "chat", "whatsapp", "datang_langsung", "portal", "email"}
OPDS = {"dinkes", "disdikbud", "rsud", "bappeda", "pupr", "dinsos", "kec_balikbukit", "kec_sukau",
        "pkm_liwa", "pertanian", "dishub"}


def main() -> None:
    names = [m[0] for m in MAILS]
    assert len(names) == len(set(names)), "duplicate file name"
    for fname, kind, expect, ticket, opd, channel, _, _ in MAILS:
        assert expect in KINDS[kind], fname
        if expect in ("status_answer", "status_refused", "followup"):
            assert ticket in TICKETS, fname
        if expect == "status_list":
            assert opd in OPDS, fname
        if expect == "ticket":
            assert opd in OPDS and channel in CHANNELS, fname
    for old in HERE.glob("*.eml"):
        old.unlink()
    for m in MAILS:
        (HERE / m[0]).write_bytes(m[7])
    with open(HERE / "labels.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["file", "kind", "expect", "ticket", "opd", "channel", "note"])
        for m in sorted(MAILS, key=lambda m: m[0]):
            w.writerow(m[:7])
    counts: dict[tuple[str, str], int] = {}
    for m in MAILS:
        counts[(m[1], m[2])] = counts.get((m[1], m[2]), 0) + 1
    print(f"{len(MAILS)} mails")
    for (k, e), n in sorted(counts.items()):
        print(f"  {k:10s} {e:22s} {n}")


if __name__ == "__main__":
    main()
