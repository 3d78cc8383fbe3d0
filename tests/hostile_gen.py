"""Hostile and broken mail, built deterministically at test time (nothing big is committed).

Each ``Hostile`` carries the raw bytes and the outcomes ``Inbound.handle`` may give it. Senders are
spread over many addresses at allowed domains so that the per-sender rate limit never decides an
outcome in a batch. ``big_attachment_mail`` builds the 25 MB message separately (tests that want it
ask for it).
"""
from __future__ import annotations

import base64
import functools
import hashlib
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import format_datetime

from conftest import T0

DOMAIN = "diskes.lampungbaratkab.go.id"
SERVICE = "aptika@lampungbaratkab.go.id"
DATE = format_datetime(T0)

REQUEST = ("Dengan hormat,\r\n\r\nJaringan internet di ruang pelayanan Puskesmas mati total sejak pagi.\r\n"
           "Mohon bantuan perbaikan secepatnya.\r\n\r\nTerima kasih.\r\n")

TICKET = frozenset({"ticket"})
IGNORED = frozenset({"ignored"})
QUARANTINED = frozenset({"quarantined"})
READABLE = frozenset({"ticket", "ignored"})          # parsed; whether it asks for something may vary


@dataclass(frozen=True)
class Hostile:
    name: str
    raw: bytes
    expect: frozenset[str]
    sender: str = ""

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.raw).hexdigest()


def sender(n: int) -> str:
    return f"pemohon{n:03d}@{DOMAIN}"


def mail(n: int, subject: bytes | str, body: bytes | str, *, extra: list[tuple[str, bytes | str]] = (),
         content_type: bytes | str = "text/plain; charset=utf-8", from_: bytes | str | None = None,
         date: bool = True, message_id: bytes | str | None = "", cte: str | None = None) -> bytes:
    """Raw bytes written by hand: CRLF lines, every header exactly as given (no folding, no checks)."""
    def b(value: bytes | str) -> bytes:
        return value if isinstance(value, bytes) else value.encode("utf-8")

    lines: list[bytes] = []
    if from_ is not None:
        lines.append(b"From: " + b(from_))
    else:
        lines.append(b"From: Pemohon <" + sender(n).encode() + b">")
    lines.append(b"To: " + SERVICE.encode())
    lines.append(b"Subject: " + b(subject))
    if date:
        lines.append(b"Date: " + DATE.encode())
    if message_id == "":
        lines.append(f"Message-ID: <hostile-{n:03d}@{DOMAIN}>".encode())
    elif message_id is not None:
        lines.append(b"Message-ID: " + b(message_id))
    lines.append(b"MIME-Version: 1.0")
    if content_type:
        lines.append(b"Content-Type: " + b(content_type))
    if cte:
        lines.append(b"Content-Transfer-Encoding: " + cte.encode())
    for name, value in extra:
        lines.append(name.encode() + b": " + b(value))
    return b"\r\n".join(lines) + b"\r\n\r\n" + b(body)


def _part(headers: str, body: bytes | str) -> bytes:
    return headers.encode() + b"\r\n\r\n" + (body if isinstance(body, bytes) else body.encode())


def _multipart(boundary: str, parts: list[bytes], close: bool = True) -> bytes:
    out = b"Ini pesan MIME.\r\n"
    for part in parts:
        out += f"\r\n--{boundary}\r\n".encode() + part
    if close:
        out += f"\r\n--{boundary}--\r\n".encode()
    return out


def _nested(depth: int) -> tuple[str, bytes]:
    ctype = "text/plain; charset=utf-8"
    body = REQUEST.encode()
    for level in range(depth):
        boundary = f"lvl{level:03d}"
        body = _multipart(boundary, [f"Content-Type: {ctype}\r\n\r\n".encode() + body])
        ctype = f'multipart/mixed; boundary="{boundary}"'
    return ctype, body


def _attachment(filename_header: str, data: bytes, ctype: str = "application/octet-stream") -> bytes:
    return _part(f"Content-Type: {ctype}\r\nContent-Disposition: attachment; {filename_header}\r\n"
                 "Content-Transfer-Encoding: base64", base64.encodebytes(data))


def _with_attachments(n: int, subject: str, attachments: list[bytes]) -> bytes:
    parts = [_part("Content-Type: text/plain; charset=utf-8", REQUEST), *attachments]
    return mail(n, subject, _multipart("att-boundary", parts), content_type='multipart/mixed; boundary="att-boundary"')


# Attachment names that try to reach the filesystem or fool a reader.
EVIL_NAMES = [
    'filename="../../etc/passwd"',
    'filename="/etc/shadow"',
    'filename="..\\\\..\\\\Windows\\\\System32\\\\drivers\\\\etc\\\\hosts"',
    'filename="C:\\\\autoexec.bat"',
    "filename*=utf-8''..%2F..%2F..%2Froot%2F.ssh%2Fauthorized_keys",
    "filename*=utf-8''laporan%00.exe",
    "filename*=utf-8''foto%E2%80%AEgpj.exe",          # RTL override: shows as "fotoexe.jpg"
    'filename="' + "A" * 1000 + '.pdf"',
    'filename=".."',
    'filename=""',
    "filename*=utf-8''%2E%2E%2F%2E%2E%2Fdev%2Fnull",
    'filename="=?utf-8?b?Li4vLi4vLi4vZXRjL2Nyb250YWI=?="',   # "../../../etc/crontab" as an encoded word
]


def messages() -> list[Hostile]:
    """The generated hostile corpus (about 60 messages, a few MB in all)."""
    out: list[Hostile] = []

    def add(name: str, raw: bytes, expect: frozenset[str], n: int | None = None) -> None:
        out.append(Hostile(name, raw, expect, sender(n) if n is not None else ""))

    n = iter(range(1, 1000))

    # -- MIME structure ------------------------------------------------------------------------
    k = next(n)
    add("boundary_not_used", mail(k, "Internet mati (batas MIME salah)",
        _multipart("used", [_part("Content-Type: text/plain", REQUEST)]),
        content_type='multipart/mixed; boundary="declared"'), READABLE, k)
    k = next(n)
    add("boundary_missing_param", mail(k, "Internet mati (tanpa boundary)", REQUEST,
        content_type="multipart/mixed"), READABLE, k)
    k = next(n)
    add("boundary_unclosed", mail(k, "Internet mati (tidak ditutup)",
        _multipart("open", [_part("Content-Type: text/plain", REQUEST)], close=False),
        content_type='multipart/mixed; boundary="open"'), TICKET, k)
    k = next(n)
    add("boundary_prefix_confusion", mail(k, "Internet mati (boundary awalan)",
        _multipart("a", [_part('Content-Type: multipart/alternative; boundary="ab"',
                              _multipart("ab", [_part("Content-Type: text/plain", REQUEST)]))]),
        content_type='multipart/mixed; boundary="a"'), READABLE, k)
    k = next(n)
    add("boundary_empty_epilogue", mail(k, "Internet mati (epilog)",
        b"--ab\r\nContent-Type: multipart/mixed; boundary=\"a\"\r\n\r\n--ab\r\nContent-Type: text/plain\r\n\r\n"
        + REQUEST.encode() + b"\r\n--a\r\n", content_type='multipart/mixed; boundary="ab"'), READABLE, k)
    k = next(n)
    ctype, body = _nested(100)
    add("nested_100_multiparts", mail(k, "Internet mati (100 tingkat)", body, content_type=ctype), READABLE, k)
    k = next(n)
    ctype, body = _nested(1000)
    add("nested_1000_multiparts", mail(k, "Internet mati (1000 tingkat)", body, content_type=ctype),
        READABLE | QUARANTINED, k)
    k = next(n)
    inner = mail(900, "Pesan asli yang diteruskan", REQUEST)
    add("rfc822_attached", mail(k, "Fwd: Internet mati di Puskesmas",
        _multipart("fwd", [_part("Content-Type: text/plain", REQUEST),
                           _part("Content-Type: message/rfc822\r\nContent-Disposition: attachment", inner)]),
        content_type='multipart/mixed; boundary="fwd"'), TICKET, k)
    k = next(n)
    add("rfc822_only_body", mail(k, "Fwd: permohonan", inner, content_type="message/rfc822"), READABLE, k)
    k = next(n)
    add("rfc822_broken_inside", mail(k, "Internet mati, terlampir pesan rusak",
        _multipart("brk", [_part("Content-Type: text/plain", REQUEST),
                           _part("Content-Type: message/rfc822", b"\xff\xfe\x00garbage without headers")]),
        content_type='multipart/mixed; boundary="brk"'), TICKET, k)
    k = next(n)
    add("empty_body", mail(k, "Internet mati", b""), READABLE, k)
    k = next(n)
    add("no_body_no_blank_line", mail(k, "Internet mati", b"")[:-2], READABLE, k)
    k = next(n)
    add("content_type_garbage", mail(k, "Internet mati (tipe rusak)", REQUEST,
        content_type="text/;;;;=\"\x01\"; charset"), READABLE, k)
    k = next(n)
    add("base64_invalid", mail(k, "Internet mati (base64 rusak)", b"SW50ZXJuZXQgbWF0aQ=!!!**\r\n@@@",
        cte="base64"), READABLE, k)
    k = next(n)
    add("cte_unknown", mail(k, "Internet mati (encoding aneh)", REQUEST, cte="x-martian"), READABLE, k)
    k = next(n)
    add("qp_invalid", mail(k, "Internet mati (qp rusak)", REQUEST.replace("mati", "m=ZZati=\r\n=4") + "=",
        cte="quoted-printable"), READABLE, k)
    k = next(n)
    add("nul_and_cr_only", mail(k, "Internet mati (NUL)", REQUEST.replace("\r\n", "\r").replace("mati", "ma\x00ti")),
        READABLE, k)

    # -- charsets ------------------------------------------------------------------------------
    k = next(n)
    add("charset_unknown", mail(k, "Internet mati (charset tak dikenal)",
        REQUEST.encode() + "Keterangan: ruang \xe9\xe8 lantai dua".encode("latin-1"),
        content_type="text/plain; charset=x-unknown"), TICKET, k)
    k = next(n)
    add("charset_utf8_but_latin1", mail(k, "Internet mati (utf-8 palsu)",
        (REQUEST + "Pak Andr\xe9 di ruang r\xe9sepsionis.\r\n").encode("latin-1"),
        content_type="text/plain; charset=utf-8"), TICKET, k)
    k = next(n)
    add("charset_iso2022jp", mail(k, "=?ISO-2022-JP?B?GyRCJDMkcyQLJEEkTxsoQg==?= Internet mati",
        (REQUEST + "日本語のテキストも含まれています。\r\n").encode("iso-2022-jp"),
        content_type="text/plain; charset=ISO-2022-JP", cte="7bit"), TICKET, k)
    k = next(n)
    add("charset_encoded_word_unknown", mail(k, "=?x-unknown?q?Internet_mati?= =?utf-8?b?!!!notbase64?=", REQUEST),
        TICKET, k)
    k = next(n)
    add("charset_utf16_declared", mail(k, "Internet mati (utf-16)", REQUEST.encode("utf-16"),
        content_type="text/plain; charset=utf-16"), TICKET, k)
    k = next(n)
    add("text_attachment_unknown_charset", _with_attachments(k, "Internet mati (lampiran teks)", [
        _part('Content-Type: text/plain; charset=x-unknown\r\nContent-Disposition: attachment; filename="catatan.txt"',
              "catatan \xe9\xe8".encode("latin-1"))]), TICKET, k)

    # -- headers -------------------------------------------------------------------------------
    k = next(n)
    add("header_raw_utf8", mail(k, "Internet mati – ruang rapat lantai 2 ✓".encode(), REQUEST,
        from_="Bapak Ārif Ünal <".encode() + sender(k).encode() + b">"), TICKET, k)
    k = next(n)
    add("header_raw_latin1", mail(k, "Internet mati r\xe9sepsionis".encode("latin-1"), REQUEST,
        from_=b"Andr\xe9 <" + sender(k).encode() + b">"), TICKET, k)
    k = next(n)
    add("header_raw_binary", mail(k, b"Internet mati \x00\x01\x7f\xff\xfe", REQUEST,
        extra=[("X-Junk", b"\x00\xff\xc3\x28\r\n\tcontinued \xf0\x28\x8c\x28")]), TICKET, k)
    k = next(n)
    add("subject_100k", mail(k, "Internet mati " + "sangat " * 15000, REQUEST), TICKET, k)
    k = next(n)
    add("subject_100k_folded_encoded", mail(k, "\r\n ".join(
        ["=?utf-8?b?" + base64.b64encode("Internet mati ".encode()).decode() + "?="] * 5000), REQUEST), TICKET, k)
    k = next(n)
    add("line_1mb_no_newline", mail(k, "Internet mati (baris 1 MB)", REQUEST + "x" * (1024 * 1024)), TICKET, k)
    k = next(n)
    add("header_line_1mb", mail(k, "Internet mati (header 1 MB)", REQUEST, extra=[("X-Long", "y" * (1024 * 1024))]),
        TICKET, k)
    k = next(n)
    add("ten_thousand_headers", mail(k, "Internet mati (banyak header)", REQUEST,
        extra=[(f"X-H{i}", "v") for i in range(10000)]), TICKET, k)
    k = next(n)
    add("five_thousand_recipients", mail(k, "Internet mati (banyak penerima)", REQUEST,
        extra=[("Cc", ", ".join(f"orang{i}@example.org" for i in range(5000)))]), TICKET, k)
    k = next(n)
    add("message_id_huge", mail(k, "Internet mati (Message-ID panjang)", REQUEST,
        message_id="<" + "m" * 5000 + "@" + DOMAIN + ">"), TICKET, k)
    k = next(n)
    add("message_id_control_chars", mail(k, "Internet mati (Message-ID aneh)", REQUEST,
        message_id=b"<ab\x00c\x01@x>", extra=[("References", b"<r\x00ef@x> <ok@x>"),
                                              ("In-Reply-To", b"<\x00\x00@x>")]), TICKET, k)
    k = next(n)
    add("references_70000", mail(k, "Internet mati (References panjang)", REQUEST,
        extra=[("References", " ".join(f"<ref{i}@example.org>" for i in range(70000))),
               ("In-Reply-To", "<ref69999@example.org>")]), TICKET, k)
    k = next(n)
    add("from_address_huge", mail(k, "Internet mati (alamat panjang)", REQUEST,
        from_="<" + "p" * 2000 + "@" + DOMAIN + ">"), QUARANTINED | IGNORED, k)
    k = next(n)
    add("from_name_huge", mail(k, "Internet mati (nama panjang)", REQUEST,
        from_="Nama" + " Panjang" * 500 + f" <{sender(k)}>"), TICKET, k)
    k = next(n)
    add("from_nul_in_address", mail(k, "Internet mati (NUL di alamat)", REQUEST,
        from_=b"Pemohon <pemo\x00hon@" + DOMAIN.encode() + b">"), QUARANTINED | IGNORED, k)
    k = next(n)
    add("no_from", mail(k, "Internet mati (tanpa From)", REQUEST, from_=b"")[len(b"From: \r\n"):], QUARANTINED, k)
    k = next(n)
    add("from_two_addresses", mail(k, "Internet mati (dua pengirim)", REQUEST,
        from_=f"{sender(k)}, penyusup@example.com"), TICKET | IGNORED, k)
    k = next(n)
    add("no_date", mail(k, "Internet mati (tanpa Date)", REQUEST, date=False), TICKET, k)
    k = next(n)
    add("date_garbage", mail(k, "Internet mati (Date rusak)", REQUEST, date=False,
        extra=[("Date", "Jumat, 99 Foo 99999 99:99:99 +9999")]), TICKET, k)
    k = next(n)
    add("no_message_id", mail(k, "Internet mati (tanpa Message-ID)", REQUEST, message_id=None), TICKET, k)
    k = next(n)
    add("no_headers_at_all", b"\r\n" + REQUEST.encode(), QUARANTINED)
    add("not_mail_binary", bytes(range(256)) * 4, QUARANTINED)
    add("zero_bytes", b"", QUARANTINED)

    # -- the same Message-ID twice, with different content (both are kept, neither is lost) -----
    k = next(n)
    add("duplicate_id_first", mail(k, "Internet mati di lantai 1", REQUEST, message_id="<reused@example.org>"),
        TICKET, k)
    add("duplicate_id_second", mail(k, "Printer jaringan tidak terhubung di lantai 3",
        REQUEST.replace("Jaringan internet", "Printer jaringan"), message_id="<reused@example.org>"), TICKET, k)

    # -- header injection and markup in what people write ---------------------------------------
    k = next(n)
    add("subject_crlf_injection", mail(k, "=?utf-8?q?Internet_mati=0D=0ABcc:_penyusup@example.com=0D=0AX-Injected:_1?=",
        REQUEST, from_="=?utf-8?q?Pak_Budi=0D=0ABcc:_penyusup2@example.com=0A?= <" + sender(k) + ">"), TICKET, k)
    k = next(n)
    add("markup_in_request", mail(k, "Internet mati <script>alert('subjek')</script>",
        REQUEST + "<script>alert('isi')</script><b>tebal</b><img src=x onerror=alert(1)>\r\n",
        from_=f"<i>Pemohon</i> <{sender(k)}>"), TICKET, k)
    k = next(n)
    html = ("<html><head><script>alert('x')</script><style>p{color:red}</style></head><body>"
            "<p>Jaringan internet di ruang pelayanan <b>mati total</b>. Mohon bantuan perbaikan.</p>"
            "<img src=\"http://tracker.example.com/pixel.gif?id=123\" width=1 height=1>"
            "<img src=\"https://cdn.example.com/banner.png\"><iframe src=\"http://evil.example.com\"></iframe>"
            "<a href=\"javascript:alert(1)\">klik</a><script>document.write('jahat')</script></body></html>")
    add("html_only_scripts_pixels", mail(k, "Internet mati (HTML)", html, content_type="text/html; charset=utf-8"),
        TICKET, k)
    k = next(n)
    add("html_unclosed_tags", mail(k, "Internet mati (HTML rusak)",
        "<div><p>Jaringan internet mati total, mohon bantuan perbaikan" + "<div><span>" * 20000 + "<script>",
        content_type="text/html; charset=utf-8"), TICKET, k)

    # -- attachments -------------------------------------------------------------------------
    k = next(n)
    add("attachment_names_traversal", _with_attachments(k, "Internet mati, lampiran nama aneh",
        [_attachment(name, f"isi {i}".encode()) for i, name in enumerate(EVIL_NAMES)]), TICKET, k)
    k = next(n)
    add("attachment_exe", _with_attachments(k, "Internet mati, lampiran program", [
        _attachment('filename="setup.exe"', b"MZ\x90\x00" + b"\x00" * 200),
        _attachment('filename="FOTO.JPG.EXE"', b"MZ\x90\x01"),
        _attachment('filename="script.ps1 "', b"Remove-Item -Recurse C:\\"),
        _attachment('filename="laporan.pdf"', b"%PDF-1.4 fake", "application/pdf")]), TICKET, k)
    k = next(n)
    add("attachment_zip", _with_attachments(k, "Internet mati, lampiran zip", [
        _attachment('filename="foto-lokasi.zip"', _zip_with_exe(), "application/zip")]), TICKET, k)
    k = next(n)
    add("attachment_many", _with_attachments(k, "Internet mati, 300 lampiran", [
        _attachment(f'filename="foto{i}.jpg"', b"\xff\xd8" + i.to_bytes(2, "big"), "image/jpeg") for i in range(300)]),
        TICKET, k)
    k = next(n)
    add("attachment_no_name_binary", _with_attachments(k, "Internet mati, lampiran tanpa nama", [
        _part("Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n"
              "Content-Disposition: attachment", base64.encodebytes(bytes(range(256))))]), TICKET, k)

    # -- machine mail without a proper sender: never a ticket, never an answer -----------------
    k = next(n)
    add("bounce_null_sender", mail(k, "Undelivered Mail Returned to Sender", "The mail system\r\n\r\n<x@example.org>: unknown",
        from_="MAILER-DAEMON <>", content_type='multipart/report; report-type=delivery-status; boundary="b"'),
        IGNORED, k)
    k = next(n)
    add("autoreply_no_from", mail(k, "Balasan otomatis: sedang cuti", "Saya sedang cuti.", from_=b"",
        extra=[("Auto-Submitted", "auto-replied")])[len(b"From: \r\n"):], IGNORED, k)
    return out


def _zip_with_exe() -> bytes:
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        info = zipfile.ZipInfo("../../evil.exe", date_time=(2026, 11, 27, 9, 0, 0))
        zf.writestr(info, b"MZ")
        zf.writestr(zipfile.ZipInfo("foto.jpg", date_time=(2026, 11, 27, 9, 0, 0)), b"\xff\xd8")
    return buf.getvalue()


@functools.lru_cache(maxsize=1)
def big_attachment_mail(size: int = 25_000_000, n: int = 999, filename: str = "rekaman-cctv.mp4") -> bytes:
    """A request with one ``size``-byte attachment (deterministic, incompressible-looking bytes)."""
    block = hashlib.sha256(b"mailproc").digest() * 2048          # 64 KiB
    data = (block * (size // len(block) + 1))[:size]
    msg = EmailMessage()
    msg["From"] = f"Pemohon <{sender(n)}>"
    msg["To"] = SERVICE
    msg["Subject"] = "Internet mati, rekaman CCTV terlampir"
    msg["Date"] = DATE
    msg["Message-ID"] = f"<big-{size}@{DOMAIN}>"
    msg.set_content(REQUEST.replace("\r\n", "\n"))
    msg.add_attachment(data, maintype="video", subtype="mp4", filename=filename)
    return bytes(msg)
