"""Mail clients neither earlier blind set writes, used by build.py (standard library only).

Each client takes the original (an ``Original``: one of mailproc's real mails from requests/), a
``Reply`` (who answers, what they typed, how their client is set up) and a seed (the file name, for
stable Message-IDs and boundaries) and returns the bytes the client would send.

The MIME is written by hand here (not by ``email.message.EmailMessage``), so that every client's
charset (utf-8, windows-1252, iso-8859-1) and transfer encoding (8bit, quoted-printable, base64) is
exactly the one chosen. Quoted-printable lines are broken at spaces where possible, so that the reply
tokens (the "Kode balasan", the ticket number) stay whole in the raw bytes, where the evaluator
rewrites them to the live ticket's; a body that carries a token must therefore not be base64.

Clients: Gmail web in Indonesian ("Pada tgl ..., X menulis:", also nested on the person's own
earlier reply), Outlook 365 on the web (``divRplyFwdMsg``, Dari/Dikirim/Kepada/Subjek), Outlook
desktop (an underscore line over From/Sent/To/Cc/Subject), Yahoo Mail for Android ("Dikirim dari
Yahoo Mail di Android", indented quote), a Huawei phone's mail app, BlackBerry 10 Hub, Thunderbird in
English with a day-first date, Roundcube with an English interface, Mailspring, Proton Mail, a
client pasting the original without '>' prefixes, HTML-only mail with inline styles and no classes,
Windows Live Mail (windows-1252, quoted-printable, upper-case HTML), Alpine (iso-8859-1), a phone
client sending base64 bodies without the quote, auto-replies with and without RFC 3834 headers, read
receipts (RFC 8098 and Outlook's), and forged replies.
"""
from __future__ import annotations

import base64
import hashlib
import html
import re
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from email import message_from_bytes, policy
from email.utils import format_datetime, formataddr, parsedate_to_datetime
from pathlib import Path

SERVICE = "aptika@lampungbaratkab.go.id"
DAYS_ID = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
DAYS_ID3 = ["Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min"]
MONTHS_ID = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
             "Oktober", "November", "Desember"]
MONTHS_ID3 = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]
DAYS_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]


# -- the original and the reply ----------------------------------------------------------------------

@dataclass(frozen=True)
class Original:
    """What a client needs of the mail it answers."""
    name: str
    addr: str
    to: str
    subject: str
    date: datetime
    message_id: str
    plain: str
    html: str | None       # the inner of <body>, or None for a text-only mail

    @classmethod
    def load(cls, path: Path) -> "Original":
        msg = message_from_bytes(path.read_bytes(), policy=policy.default)
        sender = msg["From"].addresses[0]
        plain = msg.get_body(("plain",)).get_content()
        part = msg.get_body(("html",))
        inner = None
        if part is not None:
            text = part.get_content()
            found = re.search(r"<body[^>]*>(.*)</body>", text, re.S | re.I)
            inner = found.group(1) if found else text
        return cls(sender.display_name, sender.addr_spec, str(msg["To"]), str(msg["Subject"]),
                   parsedate_to_datetime(msg["Date"]), msg["Message-ID"].strip(), plain, inner)

    @property
    def code(self) -> str:
        found = re.search(r"Kode balasan: (\S+)", self.plain)
        return found.group(1) if found else ""

    def as_html(self) -> str:
        """The original as a client shows it in HTML: its own HTML, or its text as plain mail renders."""
        if self.html is not None:
            return self.html
        return "<div>" + "<br>\n".join(esc(x) for x in self.plain.splitlines()) + "</div>"

    def forged(self, code: str, message_id: str) -> "Original":
        """A doctored copy: another Kode balasan in the text and another Message-ID."""
        old = self.code
        return replace(self, plain=self.plain.replace(old, code), message_id=message_id,
                       html=self.html.replace(old, code) if self.html is not None else None)


@dataclass
class Reply:
    name: str
    address: str
    typed: str
    signature: str = ""
    bottom: bool = False                      # the answer under the quote
    html_only: bool = False
    subject: str | None = None
    references: list[str] | None = None       # instead of the original's Message-ID
    headers: list[tuple[str, str]] = field(default_factory=list)
    earlier: str = "Baik, saya pelajari dulu."   # gmail_nested: the person's own earlier reply


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def quote_gt(text: str, prefix: str = "> ", empty: str = ">") -> str:
    return "\n".join(prefix + x if x else empty for x in text.splitlines())


def wrap(line: str, width: int = 76) -> str:
    words, lines, cur = line.split(" "), [], ""
    for w in words:
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur)
            cur = w
        else:
            cur = f"{cur} {w}" if cur else w
    lines.append(cur)
    return "\n".join(lines)


def lines_html(text: str, tag: str = "div", attrs: str = "") -> str:
    return "".join(f"<{tag}{attrs}>{esc(x) if x.strip() else '<br>'}</{tag}>" for x in text.splitlines())


def digest(seed: str, n: int = 24) -> str:
    return hashlib.sha1(seed.encode()).hexdigest()[:n]


# -- MIME, written by hand -----------------------------------------------------------------------------

def qp_encode(data: bytes) -> str:
    """Quoted-printable, soft breaks preferably at a space (tokens stay whole)."""
    out = []
    for line in data.split(b"\n"):
        cells = []
        for i, b in enumerate(line):
            if b == 0x3D or b > 126 or (b < 32 and b != 9) or (b in (9, 32) and i == len(line) - 1):
                cells.append(f"={b:02X}")
            else:
                cells.append(chr(b))
        cur = ""
        for cell in cells:
            if len(cur) + len(cell) > 75:
                cut = max(cur.rfind(" "), cur.rfind("<") - 1)
                if cut > 30:
                    out.append(cur[:cut + 1] + "=")
                    cur = cur[cut + 1:]
                else:
                    out.append(cur + "=")
                    cur = ""
            cur += cell
        out.append(cur)
    return "\n".join(out)


@dataclass
class Part:
    subtype: str                  # plain, html
    text: str
    charset: str = "utf-8"
    cte: str = "quoted-printable"   # 8bit, quoted-printable, base64
    params: str = ""              # e.g. "; format=flowed"
    label: str = ""               # upper-case header names (old Microsoft clients)


def _part_bytes(p: Part) -> tuple[list[str], bytes]:
    data = p.text.encode(p.charset)   # raises if the client's charset cannot carry the text
    if p.cte == "quoted-printable":
        body = qp_encode(data).encode("ascii")
    elif p.cte == "base64":
        body = base64.encodebytes(data).rstrip(b"\n")
    else:
        body = data
    ctype = f"text/{p.subtype}; charset=\"{p.charset}\"{p.params}"
    return [f"Content-Type: {ctype}", f"Content-Transfer-Encoding: {p.cte}"], body


def mime(headers: list[tuple[str, str]], parts: list[Part], seed: str, kind: str = "alternative",
         extra_parts: list[bytes] | None = None, report_type: str = "") -> bytes:
    out = [f"{k}: {v}" for k, v in headers]
    if len(parts) == 1 and not extra_parts:
        head, body = _part_bytes(parts[0])
        out = out + ["MIME-Version: 1.0"] + head
        return ("\n".join(out) + "\n\n").encode("ascii") + body + b"\n"
    boundary = f"=_{kind[:3]}_{digest(seed, 28)}"
    params = f"; report-type={report_type}" if report_type else ""
    out += ["MIME-Version: 1.0", f'Content-Type: multipart/{kind}{params}; boundary="{boundary}"']
    raw = ("\n".join(out) + "\n\n").encode("ascii")
    for p in parts:
        head, body = _part_bytes(p)
        raw += f"--{boundary}\n".encode() + ("\n".join(head) + "\n\n").encode("ascii") + body + b"\n"
    for blob in extra_parts or []:
        raw += f"--{boundary}\n".encode() + blob + b"\n"
    return raw + f"--{boundary}--\n".encode()


def envelope(o: Original, r: Reply, seed: str, msgid: str, prefix: str = "Re: ",
             extra: list[tuple[str, str]] | None = None, minutes: int | None = None) -> list[tuple[str, str]]:
    sent = o.date + timedelta(minutes=minutes if minutes is not None else 6 + int(digest(seed, 4), 16) % 50)
    heads = [("From", formataddr((r.name, r.address))), ("To", formataddr((o.name, SERVICE))),
             ("Subject", r.subject if r.subject is not None else prefix + o.subject),
             ("Date", format_datetime(sent)), ("Message-ID", msgid)]
    refs = r.references if r.references is not None else [o.message_id]
    if refs:
        heads += [("In-Reply-To", refs[-1]), ("References", " ".join(refs))]
    return heads + (extra or []) + r.headers


def alternatives(r: Reply, plain: str, html_body: str, cte: str = "quoted-printable",
                 charset: str = "utf-8") -> list[Part]:
    if r.html_only:
        return [Part("html", html_body, charset, cte)]
    return [Part("plain", plain, charset, cte), Part("html", html_body, charset, cte)]


def sig_dashes(r: Reply) -> str:
    return f"\n\n-- \n{r.signature}" if r.signature else ""


def sig_plain(r: Reply) -> str:
    return f"\n\n{r.signature}" if r.signature else ""


def hm(d: datetime, sep: str = ".") -> str:
    return f"{d:%H}{sep}{d:%M}"


def en_12h(d: datetime) -> str:
    return f"{d.hour % 12 or 12}:{d:%M} {'AM' if d.hour < 12 else 'PM'}"


# -- Gmail on the web, in Indonesian ------------------------------------------------------------------------

GMAIL_BQ = 'class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex"'


def _gmail_attr(name: str, addr: str, d: datetime) -> str:
    return f"Pada tgl {DAYS_ID3[d.weekday()]}, {d.day} {MONTHS_ID3[d.month - 1]} {d.year} pukul {hm(d)} {name} <{addr}> menulis:"


def _gmail_attr_html(name: str, addr: str, d: datetime) -> str:
    return esc(_gmail_attr(name, addr, d)).replace(esc(f"<{addr}>"), f'&lt;<a href="mailto:{addr}">{addr}</a>&gt;')


def gmail_web(o: Original, r: Reply, seed: str, nested: bool = False) -> bytes:
    """Gmail in a browser, Indonesian interface. ``nested``: the person answers the thread's last
    mail, their own earlier reply (which quoted the request), so the request sits two levels deep and
    In-Reply-To names that earlier reply; References still carries the request."""
    sig_html = ""
    if r.signature:
        sig_html = ('<br clear="all"><div><br></div><span class="gmail_signature_prefix">-- </span><br><div dir="ltr" '
                    'class="gmail_signature" data-smartmail="gmail_signature"><div dir="ltr">'
                    + "<br>".join(esc(x) for x in r.signature.splitlines()) + "</div></div>")
    inner_attr = _gmail_attr(o.name, o.addr, o.date)
    inner_plain = wrap(inner_attr) + "\n\n" + quote_gt(o.plain)
    inner_html = (f'<div class="gmail_quote gmail_quote_container"><div dir="ltr" class="gmail_attr">'
                  f'{_gmail_attr_html(o.name, o.addr, o.date)}<br></div><blockquote {GMAIL_BQ}>{o.as_html()}'
                  f'</blockquote></div>')
    refs = r.references if r.references is not None else [o.message_id]
    if nested:
        earlier_at = o.date + timedelta(minutes=3)
        earlier_id = f"<CAJ{digest(seed + 'earlier', 30)}@mail.gmail.com>"
        outer_attr = _gmail_attr(r.name, r.address, earlier_at)
        quote_plain = wrap(outer_attr) + "\n\n" + quote_gt(r.earlier + "\n\n" + inner_plain)
        quote_html = (f'<div class="gmail_quote gmail_quote_container"><div dir="ltr" class="gmail_attr">'
                      f'{_gmail_attr_html(r.name, r.address, earlier_at)}<br></div><blockquote {GMAIL_BQ}>'
                      f'<div dir="ltr">{lines_html(r.earlier)}</div><br>{inner_html}</blockquote></div>')
        refs = refs + [earlier_id]
    else:
        quote_plain, quote_html = inner_plain, inner_html
    typed_html = lines_html(r.typed)
    if r.bottom:
        plain = f"{quote_plain}\n\n{r.typed}{sig_dashes(r)}\n"
        html_body = f'<div dir="ltr"><br></div><br>{quote_html}<div dir="ltr">{typed_html}{sig_html}</div>\n'
    else:
        plain = f"{r.typed}{sig_dashes(r)}\n\n{quote_plain}\n"
        html_body = f'<div dir="ltr">{typed_html}{sig_html}</div><br>{quote_html}\n'
    heads = envelope(o, replace(r, references=refs), seed, f"<CAJ{digest(seed, 30)}@mail.gmail.com>")
    return mime(heads, alternatives(r, plain, html_body), seed)


# -- Outlook 365 on the web / new Outlook, Indonesian labels --------------------------------------------------

def o365_web(o: Original, r: Reply, seed: str) -> bytes:
    d = o.date
    head = [("Dari", f"{o.name} <{o.addr}>"),
            ("Dikirim", f"{DAYS_ID[d.weekday()]}, {d.day:02d} {MONTHS_ID[d.month - 1]} {d.year} {hm(d, ':')}"),
            ("Kepada", f"{r.name} <{r.address}>"), ("Subjek", o.subject)]
    plain = (f"{r.typed}{sig_plain(r)}\n\n________________________________\n"
             + "\n".join(f"{k}: {v}" for k, v in head) + f"\n\n{o.plain}\n")
    style = ('style="font-family: Aptos, Aptos_EmbeddedFont, Aptos_MSFontService, Calibri, Helvetica, sans-serif; '
             'font-size: 12pt; color: rgb(0, 0, 0);"')
    typed_html = "".join(f'<div class="elementToProof" {style}>{esc(x) if x.strip() else "<br>"}</div>\n'
                         for x in r.typed.splitlines())
    if r.signature:
        typed_html += (f'<div class="elementToProof" {style}><br></div><div id="Signature">'
                       + "".join(f"<div>{esc(x)}</div>" for x in r.signature.splitlines()) + "</div>\n")
    html_body = ('<html><head>\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\n'
                 '<style type="text/css" style="display:none;"> P {margin-top:0;margin-bottom:0;} </style>\n'
                 f'</head>\n<body dir="ltr">\n{typed_html}<div id="appendonsend"></div>\n'
                 '<hr style="display:inline-block;width:98%" tabindex="-1">\n<div id="divRplyFwdMsg" dir="ltr">'
                 '<font face="Calibri, sans-serif" style="font-size:11pt" color="#000000">'
                 + "<br>\n".join(f"<b>{k}:</b> {esc(v)}" for k, v in head)
                 + f'</font>\n<div>&nbsp;</div>\n</div>\n{o.as_html()}\n</body>\n</html>\n')
    extra = [("Thread-Topic", o.subject), ("Thread-Index", "AQHb" + digest(seed + "ti", 24)),
             ("Accept-Language", "id-ID, en-US"), ("Content-Language", "id-ID"),
             ("X-MS-Has-Attach", ""), ("X-MS-TNEF-Correlator", "")]
    heads = envelope(o, r, seed, f"<SEZPR06MB{digest(seed, 16).upper()}@SEZPR06MB6940.apcprd06.prod.outlook.com>",
                     "RE: ", extra)
    return mime(heads, alternatives(r, plain, html_body), seed)


# -- Outlook desktop: an underscore line over From/Sent/To/Cc/Subject ------------------------------------------

def outlook_desktop(o: Original, r: Reply, seed: str) -> bytes:
    d = o.date
    head = [("From", f"{o.name} <{o.addr}>"),
            ("Sent", f"{DAYS_EN[d.weekday()]}, {MONTHS_EN[d.month - 1]} {d.day}, {d.year} {en_12h(d)}"),
            ("To", f"{r.name} <{r.address}>"), ("Cc", ""), ("Subject", o.subject)]
    plain = (f"{r.typed}{sig_plain(r)}\n\n" + "_" * 32 + "\n" + "\n".join(f"{k}: {v}".rstrip() for k, v in head)
             + f"\n\n{o.plain}\n")
    typed_html = "".join(f'<p class="MsoNormal">{esc(x) if x.strip() else "<o:p>&nbsp;</o:p>"}<o:p></o:p></p>\n'
                         for x in (r.typed + sig_plain(r)).splitlines())
    html_body = ('<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office">'
                 '<head>\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\n'
                 '<meta name="Generator" content="Microsoft Word 15 (filtered medium)">\n</head>\n'
                 '<body lang="EN-US" link="#0563C1" vlink="#954F72" style="word-wrap:break-word">\n'
                 f'<div class="WordSection1">\n{typed_html}<p class="MsoNormal"><o:p>&nbsp;</o:p></p>\n'
                 '<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0in 0in 0in">\n<p class="MsoNormal">'
                 + "<br>\n".join(f"<b>{k}:</b> {esc(v)}" for k, v in head)
                 + f'<o:p></o:p></p>\n</div>\n<p class="MsoNormal"><o:p>&nbsp;</o:p></p>\n{o.as_html()}\n</div>\n</body>\n</html>\n')
    extra = [("Thread-Topic", o.subject), ("Thread-Index", "AdtA" + digest(seed + "ti", 24)),
             ("X-Mailer", "Microsoft Outlook 16.0"), ("Content-Language", "en-us"), ("X-MS-Has-Attach", "")]
    heads = envelope(o, r, seed, f"<00{digest(seed, 10)}$0{digest(seed + 'b', 10)}$@lampungbaratkab.go.id>",
                     "RE: ", extra)
    return mime(heads, alternatives(r, plain, html_body), seed)


# -- Yahoo Mail for Android (the newer app) -------------------------------------------------------------------

def yahoo_android(o: Original, r: Reply, seed: str) -> bytes:
    d = o.date
    attribution = (f"Pada {DAYS_ID3[d.weekday()]}, {d.day} {MONTHS_ID3[d.month - 1]} {d.year} pada {d.hour}:{d:%M}, "
                   f"{o.name}<{o.addr}> menulis:")
    footer = "Dikirim dari Yahoo Mail di Android"
    plain = (f"{r.typed}{sig_plain(r)}\n\n{footer}\n\n  {attribution}   \n"
             + "\n".join(("   " + x) if x.strip() else "" for x in o.plain.splitlines()) + "\n")
    html_body = (f'<html><head></head><body><div dir="ltr" data-setdir="false">{lines_html(r.typed + sig_plain(r))}</div>'
                 f'<div id="ymail_android_signature"><a href="https://go.onelink.me/107872968?pid=InProduct&amp;'
                 f'c=Global_Internal_YGrowth_AndroidEmailSig__AndroidUsers&amp;af_wl=ym&amp;af_sub1=Internal&amp;'
                 f'af_sub2=Global_YGrowth&amp;af_sub3=EmailSignature">{footer}</a></div>\n'
                 f'<div id="yahoo_quoted_{int(digest(seed, 8), 16)}" class="yahoo_quoted">\n'
                 f'<div style="font-family:Helvetica Neue, Helvetica, Arial, sans-serif;font-size:13px;color:#26282a;">\n'
                 f'<div>{esc(attribution)}</div><div><br></div><blockquote style="margin: 0 0 20px 0;">'
                 f'<div style="font-family:Roboto, sans-serif; color:#6D00F6;"><div>{o.as_html()}</div></div></blockquote>\n'
                 f'</div>\n</div></body></html>\n')
    msgid = f"<{int(digest(seed, 9), 16)}.{int(digest(seed + 'y', 6), 16)}.1796004{int(digest(seed, 5), 16) % 1000000:06d}@mail.yahoo.com>"
    heads = envelope(o, r, seed, msgid, extra=[("X-Mailer", "WebService/1.1.23187 YMailNorrin"),
                                             ("User-Agent", "YahooMailAndroidMobile/7.7.1")])
    return mime(heads, alternatives(r, plain, html_body), seed)


# -- a Huawei phone's mail app ----------------------------------------------------------------------------------

def huawei(o: Original, r: Reply, seed: str) -> bytes:
    footer = "Sent from my Huawei phone"
    head = [("Subject", o.subject), ("From", f"{o.name} <{o.addr}>"), ("To", r.address), ("CC", "")]
    plain = (f"{r.typed}{sig_plain(r)}\n\n\n{footer}\n\n\n-------- Original Message --------\n"
             + "\n".join(f"{k}: {v}".rstrip() for k, v in head) + f"\n\n\n{o.plain}\n")
    html_body = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"></head><body>'
                 f'{lines_html(r.typed + sig_plain(r))}<div><br></div><div><br></div><div>{footer}</div>\n'
                 '<div id="quoted_header" style="clear:both;"><hr style="border:none; height:1px; color:#E1E1E1; '
                 'background-color:#E1E1E1"><div style="border:none; padding:3.0pt 0cm 0cm 0cm"><span '
                 'style="font-size:11.0pt; font-family:\'Calibri\',\'sans-serif\'">'
                 + "".join(f"<b>{k}:</b> {esc(v)}<br>" for k, v in head)
                 + f'</span></div></div><br type="attribution"><blockquote class="quote" style="margin:0 0 0 .8ex; '
                   f'border-left:1px #ccc solid; padding-left:1ex">{o.as_html()}</blockquote></body></html>\n')
    heads = envelope(o, r, seed, f"<{digest(seed, 8)}-{digest(seed + 'h', 4)}.huawei@{r.address.split('@')[1]}>",
                     extra=[("X-Mailer", "HuaweiEmail/15.0.0.406")])
    return mime(heads, alternatives(r, plain, html_body), seed)


# -- BlackBerry 10 Hub ---------------------------------------------------------------------------------------------

def blackberry(o: Original, r: Reply, seed: str) -> bytes:
    d = o.date
    footer = "Sent from my BlackBerry 10 smartphone on the Telkomsel network."
    head = [("From", o.name), ("Sent", f"{DAYS_EN[d.weekday()]}, {d.day} {MONTHS_EN[d.month - 1]} {d.year} {hm(d, ':')}"),
            ("To", r.name), ("Reply To", o.addr), ("Subject", o.subject)]
    plain = (f"{r.typed}{sig_plain(r)}\n\n{footer}\n  Original Message  \n"
             + "\n".join(f"{k}: {v}" for k, v in head) + f"\n\n{o.plain}\n")
    div = ('<div style="width: 100%; font-size: initial; font-family: Calibri, \'Slate Pro\', sans-serif, sans-serif; '
           'color: rgb(31, 73, 125); text-align: initial; background-color: rgb(255, 255, 255);">')
    html_body = ('<html><head></head><body style="background-color: white;">'
                 + "".join(f"{div}{esc(x) if x.strip() else '<br>'}</div>" for x in (r.typed + sig_plain(r)).splitlines())
                 + f'{div}<br></div><div style="font-size: initial; font-family: Calibri, \'Slate Pro\', sans-serif, '
                   f'sans-serif; color: rgb(31, 73, 125); text-align: initial; background-color: rgb(255, 255, 255);">'
                   f'{footer}</div>\n<table width="100%" style="background-color:white;border-spacing:0px;"><tbody><tr>'
                   '<td colspan="2" style="font-size: initial; text-align: initial; background-color: rgb(255, 255, 255);">'
                   '<div style="border-style: solid none none; border-top-color: rgb(181, 196, 223); border-top-width: 1pt; '
                   'padding: 3pt 0in 0in; font-family: Tahoma, \'BB Alpha Sans\', \'Slate Pro\'; font-size: 10pt;">'
                   '<div>&nbsp; Original Message &nbsp;</div>'
                 + "".join(f"<div><b>{k}: </b>{esc(v)}</div>" for k, v in head)
                 + f'</div></td></tr></tbody></table><div style="border-style: solid none none; border-top-color: '
                   f'rgb(186, 188, 209); border-top-width: 1pt; font-size: initial; text-align: initial; '
                   f'background-color: rgb(255, 255, 255);"></div><br><div id="_originalContent" style="">{o.as_html()}'
                   f'</div></body></html>\n')
    heads = envelope(o, r, seed, f"<{digest(seed, 20)}.bbmail.{int(digest(seed, 6), 16)}@blackberry.com>")
    return mime(heads, alternatives(r, plain, html_body), seed)


# -- Thunderbird, English interface, day-first date --------------------------------------------------------------

def thunderbird_dmy(o: Original, r: Reply, seed: str) -> bytes:
    d = o.date
    attribution = f"On {d:%d/%m/%Y} {hm(d)}, {o.name} wrote:"
    quoted = quote_gt(o.plain)
    sig = sig_dashes(r)
    if r.bottom:
        plain = f"{attribution}\n{quoted}\n\n{r.typed}{sig}\n"
    else:
        plain = f"{r.typed}{sig}\n\n{attribution}\n{quoted}\n"
    typed_html = "".join(f"<p>{esc(x)}</p>\n" for x in r.typed.split("\n\n"))
    typed_html = typed_html.replace("\n</p>", "</p>").replace("\n", "<br>\n").replace("</p><br>\n", "</p>\n")
    sig_html = f'<pre class="moz-signature" cols="72">-- \n{esc(r.signature)}</pre>\n' if r.signature else ""
    cite = (f'<div class="moz-cite-prefix">{esc(attribution)}<br>\n</div>\n<blockquote type="cite" '
            f'cite="mid:{o.message_id.strip("<>")}">\n{o.as_html()}\n</blockquote>\n')
    body = (cite + typed_html + sig_html) if r.bottom else (typed_html + sig_html + cite)
    html_body = ('<!DOCTYPE html>\n<html>\n  <head>\n    <meta http-equiv="Content-Type" content="text/html; '
                 f'charset=UTF-8">\n  </head>\n  <body>\n{body}  </body>\n</html>\n')
    heads = envelope(o, r, seed, f"<{digest(seed, 8)}-{digest(seed + 't', 4)}-{digest(seed + 'u', 4)}-"
                                 f"{digest(seed + 'v', 12)}@{r.address.split('@')[1]}>",
                     extra=[("User-Agent", "Mozilla Thunderbird"), ("Content-Language", "en-GB")])
    parts = [Part("html", html_body, cte="8bit")] if r.html_only else [
        Part("plain", plain, cte="8bit", params="; format=flowed"), Part("html", html_body, cte="8bit")]
    return mime(heads, parts, seed)


# -- Roundcube, English interface (reply-intro, blockquote, bottom-posting optional) --------------------------------

def roundcube_en(o: Original, r: Reply, seed: str) -> bytes:
    d = o.date
    attribution = f"On {d:%Y-%m-%d} {hm(d, ':')}, {o.name} wrote:"
    quoted = quote_gt(o.plain)
    sig = sig_dashes(r)
    plain = f"{attribution}\n{quoted}\n\n{r.typed}{sig}\n" if r.bottom else f"{r.typed}{sig}\n\n{attribution}\n{quoted}\n"
    typed_html = "<p>" + "<br>".join(esc(x) for x in r.typed.splitlines()) + "</p>\n"
    sig_html = (f'<div id="signature">-- <br>{"<br>".join(esc(x) for x in r.signature.splitlines())}</div>\n'
                if r.signature else "")
    cite = (f'<p id="reply-intro">{esc(attribution)}</p>\n<blockquote type="cite" style="padding: 0 0.4em; border-left: '
            f'#1010ff 2px solid; margin: 0">\n<div class="pre" style="margin: 0; padding: 0; font-family: monospace">'
            f'<!-- html ignored --><!-- head ignored --><!-- meta ignored -->\n{o.as_html()}</div>\n</blockquote>\n')
    body = (cite + typed_html + sig_html) if r.bottom else (typed_html + sig_html + cite)
    html_body = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8" /></head>'
                 f'<body style=\'font-size: 10pt; font-family: Verdana,Geneva,sans-serif\'>\n{body}</body></html>\n')
    heads = envelope(o, r, seed, f"<{digest(seed, 32)}@{r.address.split('@')[1]}>",
                     extra=[("User-Agent", "Roundcube Webmail/1.6.9"), ("X-Sender", r.address)])
    return mime(heads, [Part("plain", plain, params="; format=flowed"), Part("html", html_body)], seed)


# -- Mailspring ---------------------------------------------------------------------------------------------------

def mailspring(o: Original, r: Reply, seed: str) -> bytes:
    d = o.date
    attribution = (f"On {d:%b} {d.day} {d.year}, at {d.hour % 12 or 12}:{d:%M} {'am' if d.hour < 12 else 'pm'}, "
                   f"{o.name} <{o.addr}> wrote:")
    plain = f"{r.typed}{sig_plain(r)}\n\n{attribution}\n{quote_gt(o.plain)}\n"
    html_body = (f'<div>{"<br>".join(esc(x) for x in (r.typed + sig_plain(r)).splitlines())}</div><br><br>'
                 f'<div class="gmail_quote_attribution">{esc(attribution)}</div><blockquote>{o.as_html()}</blockquote>\n')
    heads = envelope(o, r, seed, f"<{digest(seed, 8).upper()}-{digest(seed + 'm', 4).upper()}-"
                                 f"{digest(seed + 'n', 12).upper()}@getmailspring.com>",
                     extra=[("X-Mailer", "Mailspring")])
    return mime(heads, alternatives(r, plain, html_body), seed)


# -- Proton Mail --------------------------------------------------------------------------------------------------

def _ordinal(n: int) -> str:
    return f"{n}{'th' if 11 <= n % 100 <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def protonmail(o: Original, r: Reply, seed: str) -> bytes:
    d = o.date
    when = f"{DAYS_EN[d.weekday()]}, {MONTHS_EN[d.month - 1]} {_ordinal(d.day)}, {d.year} at {hm(d, ':')}"
    attribution = f"On {when}, {o.name} <{o.addr}> wrote:"
    plain = (f"{r.typed}{sig_plain(r)}\n\nSent with Proton Mail secure email.\n\n------- Original Message -------\n"
             f"{attribution}\n\n\n{quote_gt(o.plain)}\n")
    font = 'style="font-family: Arial, sans-serif; font-size: 14px;"'
    html_body = ("".join(f"<div {font}>{esc(x) if x.strip() else '<br>'}</div>" for x in (r.typed + sig_plain(r)).splitlines())
                 + f'<div {font}><br></div>\n<div class="protonmail_signature_block" {font}><div class="protonmail_signature_block'
                   f'-user protonmail_signature_block-empty"></div><div class="protonmail_signature_block-proton">Sent with '
                   f'<a target="_blank" href="https://proton.me/mail/home">Proton Mail</a> secure email.</div></div>'
                   f'<div {font}><br></div>\n<div class="protonmail_quote">\n        ------- Original Message -------<br>\n'
                   f'        {esc(attribution)}<br><br>\n        <blockquote class="protonmail_quote" type="cite">\n'
                   f'{o.as_html()}\n        </blockquote><br>\n    </div>\n')
    msgid = f"<{base64.urlsafe_b64encode(hashlib.sha1(seed.encode()).digest()).decode()[:22]}=@proton.me>"
    heads = envelope(o, r, seed, msgid, extra=[("X-Pm-Date", format_datetime(d + timedelta(minutes=12))),
                                             ("X-Pm-Origin", "internal")])
    return mime(heads, alternatives(r, plain, html_body), seed)


# -- the original pasted with no '>' prefixes under an attribution line -------------------------------------------

def noprefix(o: Original, r: Reply, seed: str) -> bytes:
    d = o.date
    attribution = f"Pada {DAYS_ID3[d.weekday()]}, {d:%d/%m/%Y} {hm(d)}, {o.name} menulis:"
    plain = f"{r.typed}{sig_plain(r)}\n\n{attribution}\n\n{o.plain}\n"
    heads = envelope(o, r, seed, f"<{digest(seed, 16)}.{int(digest(seed, 5), 16)}@{r.address.split('@')[1]}>")
    return mime(heads, [Part("plain", plain, cte="8bit")], seed)


# -- HTML only, inline styles, no class or id to go by ---------------------------------------------------------------

def inline_html(o: Original, r: Reply, seed: str) -> bytes:
    d = o.date
    typed = (r.typed + sig_plain(r)).splitlines()
    typed_html = "".join(f'<div style="margin:0;font-family:Tahoma,Geneva,sans-serif;font-size:13px;color:#1f1f1f">'
                         f'{esc(x) if x.strip() else "&nbsp;"}</div>\n' for x in typed)
    head = [("Dari", f"{o.name} <{o.addr}>"), ("Tanggal", f"{d.day} {MONTHS_ID[d.month - 1]} {d.year} {hm(d)}"),
            ("Kepada", r.address), ("Perihal", o.subject)]
    block = ('<div style="margin-top:14px;padding-top:6px;border-top:1px solid #b5c4df;font-family:Tahoma,Geneva,'
             'sans-serif;font-size:12px;color:#444444">'
             + "".join(f'<span style="font-weight:bold">{k}:</span> {esc(v)}<br>' for k, v in head)
             + '</div>\n<div style="margin:8px 0 0 6px;padding-left:8px;border-left:2px solid #cccccc;color:#555555">'
             + o.as_html() + "</div>\n")
    body = (block + typed_html) if r.bottom else (typed_html + block)
    html_body = f'<html><body style="margin:0;padding:8px">\n{body}</body></html>\n'
    heads = envelope(o, r, seed, f"<{digest(seed, 20)}@{r.address.split('@')[1]}>")
    return mime(heads, [Part("html", html_body)], seed)


# -- Windows Live Mail 2012: windows-1252, quoted-printable, upper-case HTML -------------------------------------------

def wlm(o: Original, r: Reply, seed: str) -> bytes:
    d = o.date
    head = [("From", o.name), ("To", r.address),
            ("Sent", f"{DAYS_EN[d.weekday()]}, {MONTHS_EN[d.month - 1]} {d.day}, {d.year} {en_12h(d)}"),
            ("Subject", o.subject)]
    plain = (f"{r.typed}{sig_plain(r)}\n\n----- Original Message ----- \n" + "\n".join(f"{k}: {v}" for k, v in head)
             + f"\n\n\n{quote_gt(o.plain)}\n")
    typed_html = "".join(f"<DIV>{esc(x) if x.strip() else '&nbsp;'}</DIV>\n" for x in (r.typed + sig_plain(r)).splitlines())
    html_body = ('<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">\n<HTML><HEAD>\n'
                 '<META content="text/html; charset=windows-1252" http-equiv=Content-Type>\n</HEAD>\n'
                 '<BODY style="PADDING-LEFT: 10px; PADDING-RIGHT: 10px; PADDING-TOP: 15px" id=MailContainerBody '
                 'leftMargin=0 topMargin=0 CanvasTabStop="true" name="Compose message area">\n'
                 f'<DIV style="FONT-SIZE: 12pt; FONT-FAMILY: \'Calibri\'; COLOR: #000000">\n{typed_html}'
                 '<DIV style="FONT: 10pt tahoma">\n<DIV>&nbsp;</DIV>\n<DIV style="BACKGROUND: #f5f5f5">\n'
                 f'<DIV style="font-color: black"><B>From:</B> <A title={o.addr} href="mailto:{o.addr}">{esc(o.name)}</A> </DIV>\n'
                 f'<DIV><B>Sent:</B> {esc(head[2][1])}</DIV>\n<DIV><B>To:</B> <A title={r.address} '
                 f'href="mailto:{r.address}">{r.address}</A> </DIV>\n<DIV><B>Subject:</B> {esc(o.subject)}</DIV></DIV></DIV>\n'
                 f'<DIV>&nbsp;</DIV></DIV>\n<DIV style="FONT-SIZE: 12pt; FONT-FAMILY: \'Calibri\'; COLOR: #000000">\n'
                 f'{o.as_html()}</DIV></BODY></HTML>\n')
    heads = envelope(o, r, seed, f"<{digest(seed, 12).upper()}{digest(seed + 'w', 8).upper()}@{r.address.split('@')[0].split('.')[0].upper()}-PC>",
                     extra=[("X-Priority", "3"), ("X-MSMail-Priority", "Normal"), ("Importance", "Normal"),
                            ("X-Mailer", "Microsoft Windows Live Mail 16.4.3528.331"),
                            ("X-MimeOLE", "Produced By Microsoft MimeOLE V16.4.3528.331")])
    return mime(heads, alternatives(r, plain, html_body, charset="windows-1252"), seed)


# -- Alpine: iso-8859-1, quoted-printable, plain only -----------------------------------------------------------------

def alpine(o: Original, r: Reply, seed: str) -> bytes:
    d = o.date
    attribution = f"On {d:%a}, {d.day} {d:%b} {d.year}, {o.name} wrote:"
    quoted = quote_gt(o.plain)
    plain = (f"{attribution}\n\n{quoted}\n\n{r.typed}{sig_dashes(r)}\n" if r.bottom
             else f"{r.typed}{sig_dashes(r)}\n\n{attribution}\n\n{quoted}\n")
    heads = envelope(o, r, seed, f"<alpine.DEB.2.26.{d:%y%m%d}{int(digest(seed, 6), 16) % 10 ** 7:07d}."
                                 f"{int(digest(seed + 'p', 4), 16)}@ws-{r.address.split('@')[0].split('.')[0]}>",
                     extra=[("User-Agent", "Alpine 2.26 (DEB 649 2022-06-02)")])
    return mime(heads, [Part("plain", plain, "iso-8859-1", params="; format=flowed")], seed)


# -- a phone client sending base64 bodies and leaving the quote out ---------------------------------------------------

def mobile_b64(o: Original, r: Reply, seed: str) -> bytes:
    footer = "Dikirim dari ponsel Xiaomi saya"
    plain = f"{r.typed}{sig_plain(r)}\n\n{footer}\n"
    html_body = f'<html><body><div dir="auto">{lines_html(r.typed + sig_plain(r))}<br><br>{footer}</div></body></html>\n'
    heads = envelope(o, r, seed, f"<{digest(seed, 8)}-{digest(seed + 'x', 4)}.mail@{r.address.split('@')[1]}>",
                     extra=[("X-Mailer", "MiuiEmail/14.0")])
    return mime(heads, alternatives(r, plain, html_body, cte="base64"), seed)


# -- auto-replies ------------------------------------------------------------------------------------------------------

def ooo(o: Original, r: Reply, seed: str, subject: str, auto_headers: list[tuple[str, str]], as_html: bool = False,
        quote: bool = False) -> bytes:
    """An out-of-office notice: ``auto_headers`` as the responder writes them (maybe none at all)."""
    text = r.typed + sig_plain(r)
    if quote:   # a hand-made rule that forwards the original under its notice
        text += f"\n\n-----Original Message-----\nFrom: {o.name} <{o.addr}>\nSubject: {o.subject}\n\n{o.plain}"
    r = replace(r, subject=subject.format(subject=o.subject))
    heads = envelope(o, r, seed, f"<{digest(seed, 20)}@{r.address.split('@')[1]}>", extra=auto_headers, minutes=1)
    if as_html:
        html_body = f'<html><body><div style="font-family:Calibri,sans-serif;font-size:11pt">{lines_html(text, "p")}</div></body></html>\n'
        return mime(heads, [Part("plain", text + "\n"), Part("html", html_body)], seed)
    return mime(heads, [Part("plain", text + "\n", cte="8bit")], seed)


def mdn(o: Original, r: Reply, seed: str, outlook: bool = False) -> bytes:
    """A read receipt (RFC 8098 multipart/report), as Thunderbird or Outlook sends it."""
    d = o.date
    read_at = d + timedelta(minutes=21)
    if outlook:
        subject = f"Dibaca: {o.subject}"
        human = (f"Pesan Anda\n\n    Kepada: {r.name}\n    Subjek: {o.subject}\n    Dikirim: {d.day:02d}/{d.month:02d}/{d.year} "
                 f"{hm(d)}\n\ntelah dibaca pada {read_at.day:02d}/{read_at.month:02d}/{read_at.year} {hm(read_at)}.\n")
        ua = "Reporting-UA: lampungbaratkab.go.id; Microsoft Outlook 16.0"
        extra = [("Thread-Topic", o.subject), ("X-Mailer", "Microsoft Outlook 16.0")]
    else:
        subject = f"Return Receipt (displayed) - {o.subject}"
        human = (f"This is a Return Receipt for the mail that you sent to {r.address}.\n\nNote: This Return Receipt only "
                 "acknowledges that the message was displayed on the recipient's computer. There is no guarantee that "
                 "the recipient has read or understood the message contents.\n")
        ua = "Reporting-UA: lampungbaratkab.go.id; Mozilla Thunderbird"
        extra = [("User-Agent", "Mozilla Thunderbird")]
    r = replace(r, subject=subject)
    heads = envelope(o, r, seed, f"<{digest(seed, 20)}@{r.address.split('@')[1]}>", extra=extra, minutes=21)
    report = (f"Content-Type: message/disposition-notification; name=\"MDNPart2.txt\"\nContent-Disposition: inline\n"
              f"Content-Transfer-Encoding: 7bit\n\n{ua}\nFinal-Recipient: rfc822;{r.address}\n"
              f"Original-Message-ID: {o.message_id}\nDisposition: manual-action/MDN-sent-manually; displayed\n")
    return mime(heads, [Part("plain", human, cte="7bit")], seed, kind="report", report_type="disposition-notification",
                extra_parts=[report.encode("ascii")])


CLIENTS = {
    "gmail_web": gmail_web,
    "gmail_nested": lambda o, r, s: gmail_web(o, r, s, nested=True),
    "o365_web": o365_web,
    "outlook_desktop": outlook_desktop,
    "yahoo_android": yahoo_android,
    "huawei": huawei,
    "blackberry": blackberry,
    "thunderbird_dmy": thunderbird_dmy,
    "roundcube_en": roundcube_en,
    "mailspring": mailspring,
    "protonmail": protonmail,
    "noprefix": noprefix,
    "inline_html": inline_html,
    "wlm_1252": wlm,
    "alpine_latin1": alpine,
    "mobile_b64": mobile_b64,
    # auto-replies: with RFC 3834's header, with only a vendor header or Precedence, with none at all
    "ooo_rfc3834": lambda o, r, s: ooo(o, r, s, "Balasan otomatis: {subject}",
                                       [("Auto-Submitted", "auto-replied"), ("Precedence", "bulk")]),
    "ooo_xautoreply": lambda o, r, s: ooo(o, r, s, "Re: {subject}", [("X-Autoreply", "yes")]),
    "ooo_precedence": lambda o, r, s: ooo(o, r, s, "Tidak di kantor: {subject}", [("Precedence", "bulk")]),
    "ooo_o365": lambda o, r, s: ooo(o, r, s, "Balasan Otomatis: {subject}",
                                    [("Auto-Submitted", "auto-generated"), ("X-Auto-Response-Suppress", "All"),
                                     ("X-MS-Exchange-Inbox-Rules-Loop", r.address)], as_html=True),
    "ooo_noheaders": lambda o, r, s: ooo(o, r, s, "Re: {subject}", []),
    "ooo_noheaders_quote": lambda o, r, s: ooo(o, r, s, "RE: {subject}", [], quote=True),
    "mdn_thunderbird": mdn,
    "mdn_outlook": lambda o, r, s: mdn(o, r, s, outlook=True),
}
