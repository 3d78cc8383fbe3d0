"""How real mail clients write a reply to one of mailproc's own mails (used by build.py).

Each function takes the original (an EmailMessage read from requests/*.eml), the sender and the
typed text, and returns the reply the client would send: its attribution line or header block,
its quoting (``>`` lines, a ``<blockquote>``, an Outlook ``divRplyFwdMsg`` block, the original
pasted unquoted under a divider), its signature, its MIME structure and its headers.
"""
from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, parsedate_to_datetime

SERVICE = "aptika@lampungbaratkab.go.id"
# Clients fold long headers at whitespace only; one long Message-ID stays on its line, never encoded.
WIRE = policy.default.clone(max_line_length=998)
DAYS_ID = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
DAYS_ID3 = ["Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min"]
MONTHS_ID = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
             "Oktober", "November", "Desember"]
MONTHS_ID3 = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]


@dataclass
class Reply:
    """What the person typed and how their client is set up."""
    name: str                       # display name
    address: str
    typed: str                      # the typed text, as plain lines
    signature: str = ""             # the client's signature (added under the typed text)
    bottom: bool = False            # bottom-posted: the quote first, the answer under it
    html_only: bool = False         # the client sends text/html alone
    plain_only: bool = False        # the client sends text/plain alone
    typed_html: str | None = None   # typed part as the client's HTML (default: built from typed)
    headers: dict[str, str] = field(default_factory=dict)
    subject: str | None = None
    thread: bool = True             # In-Reply-To/References to the original
    references: list[str] | None = None   # other Message-IDs to reference instead of the original's
    sent: datetime | None = None


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def body_of(original: EmailMessage, kind: str) -> str | None:
    part = original.get_body((kind,))
    if part is None:
        return None
    text = part.get_content()
    if kind == "html":
        found = re.search(r"<body[^>]*>(.*)</body>", text, re.S | re.I)
        text = found.group(1) if found else text
    return text


def original_html(original: EmailMessage) -> str:
    """The original as HTML: its own HTML part, or its text as a client renders plain mail."""
    inner = body_of(original, "html")
    if inner is not None:
        return inner
    plain = body_of(original, "plain") or ""
    return "<div>" + "<br>\n".join(esc(line) for line in plain.splitlines()) + "</div>"


def sender_of(original: EmailMessage) -> tuple[str, str]:
    value = original["From"]
    return value.addresses[0].display_name, value.addresses[0].addr_spec


def date_of(original: EmailMessage) -> datetime:
    return parsedate_to_datetime(original["Date"])


def quote_gt(text: str, prefix: str = "> ", empty: str = ">") -> str:
    return "\n".join(prefix + line if line else empty for line in text.splitlines())


def wrap(line: str, width: int = 78) -> str:
    """Soft-wrap one long line the way webmail wraps an attribution line in text/plain."""
    words, lines, current = line.split(" "), [], ""
    for w in words:
        if current and len(current) + 1 + len(w) > width:
            lines.append(current)
            current = w
        else:
            current = f"{current} {w}" if current else w
    lines.append(current)
    return "\n".join(lines)


def _typed_divs(typed: str, tag: str = "div", attrs: str = "") -> str:
    return "".join(f"<{tag}{attrs}>{esc(line) if line.strip() else '<br>'}</{tag}>" for line in typed.splitlines())


def _msgid(seed: str, domain: str) -> str:
    digest = hashlib.sha1(seed.encode()).hexdigest()
    return f"<{digest[:24].upper()}@{domain}>"


def _envelope(original: EmailMessage, r: Reply, seed: str, msgid_domain: str, subject_prefix: str = "Re: ",
              extra: dict[str, str] | None = None) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = f"{r.name} <{r.address}>" if r.name else r.address
    msg["To"] = f'"{sender_of(original)[0]}" <{SERVICE}>'
    msg["Subject"] = r.subject if r.subject is not None else subject_prefix + original["Subject"]
    sent = r.sent or date_of(original) + timedelta(minutes=7)
    msg["Date"] = format_datetime(sent)
    msg["Message-ID"] = _msgid(seed, msgid_domain)
    if r.thread:
        refs = r.references if r.references is not None else [original["Message-ID"]]
        msg["In-Reply-To"] = refs[-1]
        msg["References"] = " ".join(refs)
    for key, value in {**(extra or {}), **r.headers}.items():
        msg[key] = value
    return msg


def _finish(msg: EmailMessage, plain: str | None, html_body: str | None, cte: str = "quoted-printable") -> bytes:
    if plain is not None:
        msg.set_content(plain, cte=cte)
        if html_body is not None:
            msg.add_alternative(html_body, subtype="html", cte=cte)
    else:
        msg.set_content(html_body, subtype="html", cte=cte)
    if msg.is_multipart():   # a stable boundary, so that building again writes the same bytes
        msg.set_boundary("----=_Part_" + hashlib.sha1(msg["Message-ID"].encode()).hexdigest()[:20])
    return msg.as_bytes(policy=WIRE)


def _parts(r: Reply, plain: str, html_body: str) -> tuple[str | None, str | None]:
    if r.html_only:
        return None, html_body
    if r.plain_only:
        return plain, None
    return plain, html_body


def _typed_plain(r: Reply) -> str:
    return r.typed + (f"\n\n{r.signature}" if r.signature else "")


# -- Gmail --------------------------------------------------------------------------------------

def gmail(original: EmailMessage, r: Reply, seed: str, lang: str = "id", android: bool = False) -> bytes:
    name, addr = sender_of(original)
    d = date_of(original)
    if lang == "id" and android:
        attribution = f"Pada tanggal {DAYS_ID3[d.weekday()]}, {d.day} {MONTHS_ID3[d.month - 1]} {d.year} {d:%H.%M}, {name} <{addr}> menulis:"
    elif lang == "id":
        attribution = f"Pada {DAYS_ID3[d.weekday()]}, {d.day} {MONTHS_ID3[d.month - 1]} {d.year} pukul {d:%H.%M} {name} <{addr}> menulis:"
    else:
        hour = d.strftime("%I").lstrip("0")
        attribution = f"On {d:%a}, {d:%b} {d.day}, {d.year} at {hour}:{d:%M} {d:%p} {name} <{addr}> wrote:"
    plain_quote = quote_gt(body_of(original, "plain") or "")
    sig_plain = f"\n\n-- \n{r.signature}" if r.signature else ""
    if r.bottom:
        plain = f"{wrap(attribution)}\n\n{plain_quote}\n\n{r.typed}{sig_plain}\n"
    else:
        plain = f"{r.typed}{sig_plain}\n\n{wrap(attribution)}\n\n{plain_quote}\n"
    typed_html = r.typed_html or _typed_divs(r.typed)
    sig_html = ""
    if r.signature:
        sig_html = ('<br clear="all"><div><br></div><span class="gmail_signature_prefix">-- </span><br>'
                    '<div dir="ltr" class="gmail_signature" data-smartmail="gmail_signature"><div dir="ltr">'
                    + "<br>".join(esc(x) for x in r.signature.splitlines()) + "</div></div>")
    attr_html = esc(attribution).replace(esc(f"<{addr}>"), f'&lt;<a href="mailto:{addr}">{addr}</a>&gt;')
    quote_html = (f'<div class="gmail_quote"><div dir="ltr" class="gmail_attr">{attr_html}<br></div>'
                  f'<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid '
                  f'rgb(204,204,204);padding-left:1ex">{original_html(original)}</blockquote></div>')
    if r.bottom:
        html_body = f'<div dir="ltr"><br></div><br>{quote_html}<div dir="ltr">{typed_html}{sig_html}</div>'
    else:
        html_body = f'<div dir="{"auto" if android else "ltr"}">{typed_html}{sig_html}</div><br>{quote_html}'
    msg = _envelope(original, r, seed, "mail.gmail.com")
    plain, html_body = _parts(r, plain, html_body)
    return _finish(msg, plain, html_body)


# -- Outlook ------------------------------------------------------------------------------------

def _outlook_block(original: EmailMessage, r: Reply, lang: str, seconds: bool = False) -> list[tuple[str, str]]:
    name, addr = sender_of(original)
    d = date_of(original)
    if lang == "id":
        when = f"{DAYS_ID[d.weekday()]}, {d.day} {MONTHS_ID[d.month - 1]} {d.year} {d:%H.%M}" + (".00" if seconds else "")
        return [("Dari", f"{name} <{addr}>"), ("Dikirim", when), ("Kepada", f"{r.name} <{r.address}>"),
                ("Perihal", original["Subject"])]
    hour = d.strftime("%I").lstrip("0")
    when = f"{d:%A}, {d:%B} {d.day}, {d.year} {hour}:{d:%M}{':00' if seconds else ''} {d:%p}"
    return [("From", f"{name} <{addr}>"), ("Sent", when), ("To", f"{r.name} <{r.address}>"),
            ("Subject", original["Subject"])]


def outlook(original: EmailMessage, r: Reply, seed: str, lang: str = "en", divider: bool = True,
            mobile: bool = False, subject_label: str | None = None) -> bytes:
    """Outlook desktop (Word HTML + plain), Outlook on the web / new Outlook (divRplyFwdMsg), and
    Outlook for Android/iOS ("Get Outlook for Android")."""
    block = _outlook_block(original, r, lang, seconds=mobile)
    if subject_label:
        block[-1] = (subject_label, block[-1][1])
    orig_plain = body_of(original, "plain") or ""
    footer = ""
    if mobile:
        footer = ("Dapatkan Outlook untuk Android<https://aka.ms/AAb9ysg>" if lang == "id"
                  else "Get Outlook for Android<https://aka.ms/AAb9ysg>")
    head = "\n".join(f"{k}: {v}" for k, v in block)
    typed = _typed_plain(r) + (f"\n\n{footer}" if footer else "")
    plain = typed + ("\n" if mobile else "\n\n") + ("________________________________\n" if divider else "") + head + "\n\n" + orig_plain
    head_html = "<br>".join(f"<b>{k}:</b> {esc(v)}" for k, v in block)
    typed_html = r.typed_html or _typed_divs(_typed_plain(r), "div",
                                              ' style="font-family: Calibri, Arial, Helvetica, sans-serif; font-size: 12pt; color: rgb(0, 0, 0);"')
    if footer:
        link = footer.split("<")[0]
        typed_html += f'<div id="ms-outlook-mobile-signature"><div><br></div>{esc(link.replace("Android", ""))}<a href="https://aka.ms/AAb9ysg">Android</a></div>'
    if divider:   # Outlook on the web / new Outlook / mobile
        html_body = (f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body dir="ltr">'
                     f'{typed_html}<div id="appendonsend"></div><hr style="display:inline-block;width:98%" tabindex="-1">'
                     f'<div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt" color="#000000">'
                     f'{head_html}</font><div>&nbsp;</div></div>{original_html(original)}</body></html>')
    else:         # Outlook desktop (Word)
        html_body = ('<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta http-equiv="Content-Type" '
                     'content="text/html; charset=utf-8"><meta name="Generator" content="Microsoft Word 15 (filtered medium)">'
                     '</head><body lang="EN-US" link="#0563C1" vlink="#954F72"><div class="WordSection1">'
                     + "".join(f'<p class="MsoNormal">{esc(line) if line.strip() else "<o:p>&nbsp;</o:p>"}<o:p></o:p></p>'
                               for line in _typed_plain(r).splitlines())
                     + '<p class="MsoNormal"><o:p>&nbsp;</o:p></p><div><div style="border:none;border-top:solid #E1E1E1 1.0pt;'
                       'padding:3.0pt 0cm 0cm 0cm"><p class="MsoNormal">'
                     + "<br>".join(f"<b>{k}:</b> {esc(v)}" for k, v in block)
                     + '<o:p></o:p></p></div></div><p class="MsoNormal"><o:p>&nbsp;</o:p></p>'
                     + original_html(original) + "</div></body></html>")
    prefix = "BLS: " if lang == "id" and not mobile else ("RE: " if not mobile else "Re: ")
    extra = {"Thread-Topic": original["Subject"], "Thread-Index": "AdnB" + hashlib.md5(seed.encode()).hexdigest()[:20],
             "X-MS-Has-Attach": "", "X-MS-TNEF-Correlator": ""}
    if not divider:
        extra["X-Mailer"] = "Microsoft Outlook 16.0"
    msg = _envelope(original, r, seed, "KL1PR03MB5768.apcprd03.prod.outlook.com", prefix, extra)
    plain, html_body = _parts(r, plain, html_body)
    return _finish(msg, plain, html_body)


# -- Apple Mail on iPhone ------------------------------------------------------------------------

def iphone(original: EmailMessage, r: Reply, seed: str, lang: str = "id") -> bytes:
    name, addr = sender_of(original)
    d = date_of(original)
    if lang == "id":
        attribution = f"Pada {d.day} {MONTHS_ID3[d.month - 1]} {d.year}, pukul {d:%H.%M}, {name} <{addr}> menulis:"
        sent_from = "Dikirim dari iPhone saya"
    else:
        attribution = f"On {d:%b} {d.day}, {d.year}, at {d:%H:%M}, {name} <{addr}> wrote:"
        sent_from = "Sent from my iPhone"
    orig = body_of(original, "plain") or ""
    typed = r.typed + (f"\n\n{r.signature}" if r.signature else "")
    plain = f"{typed}\n\n{sent_from}\n\n> {attribution}\n> \n" + quote_gt("\ufeff" + orig, empty="> ") + "\n"
    html_body = (f'<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head><body dir="auto">'
                 f'{r.typed_html or _typed_divs(typed, "div", " dir=" + chr(34) + "ltr" + chr(34))}'
                 f'<div dir="ltr"><br><div dir="ltr">{sent_from}</div><div dir="ltr"><br><blockquote type="cite">'
                 f'{esc(attribution)}<br><br></blockquote></div><blockquote type="cite"><div dir="ltr">\ufeff'
                 f'{original_html(original)}</div></blockquote></div></body></html>')
    msg = _envelope(original, r, seed, r.address.split("@")[1], extra={
        "X-Mailer": "iPhone Mail (21F90)", "Mime-Version": "1.0 (1.0)"})
    plain, html_body = _parts(r, plain, html_body)
    return _finish(msg, plain, html_body)


# -- Thunderbird ----------------------------------------------------------------------------------

def thunderbird(original: EmailMessage, r: Reply, seed: str, lang: str = "id") -> bytes:
    name, _addr = sender_of(original)
    d = date_of(original)
    if lang == "id":
        attribution = f"Pada {d:%d/%m/%y} {d:%H.%M}, {name} menulis:"
    else:
        hour = d.strftime("%I").lstrip("0")
        attribution = f"On {d.month}/{d.day}/{d:%y} {hour}:{d:%M} {d:%p}, {name} wrote:"
    orig = quote_gt(body_of(original, "plain") or "")
    sig = f"\n\n-- \n{r.signature}" if r.signature else ""
    if r.bottom:
        plain = f"{attribution}\n{orig}\n\n{r.typed}{sig}\n"
    else:
        plain = f"{r.typed}{sig}\n\n{attribution}\n{orig}\n"
    msg = _envelope(original, r, seed, r.address.split("@")[1],
                    extra={"User-Agent": "Mozilla Thunderbird", "Content-Language": "id-ID" if lang == "id" else "en-US"})
    if r.html_only:
        typed = r.typed_html or _typed_divs(r.typed, "p")
        quote = (f'<div class="moz-cite-prefix">{esc(attribution)}<br></div><blockquote type="cite" '
                 f'cite="mid:{original["Message-ID"].strip("<>")}">{original_html(original)}</blockquote>')
        sig_html = f'<pre class="moz-signature" cols="72">-- \n{esc(r.signature)}</pre>' if r.signature else ""
        body = quote + typed + sig_html if r.bottom else typed + sig_html + quote
        return _finish(msg, None, f"<html><head></head><body>{body}</body></html>", cte="8bit")
    msg.set_content(plain, cte="8bit")
    msg.set_param("format", "flowed")
    return msg.as_bytes(policy=WIRE)


# -- Zimbra (the government mail servers) -----------------------------------------------------------

def zimbra(original: EmailMessage, r: Reply, seed: str, lang: str = "id", prefixed: bool = False) -> bytes:
    name, addr = sender_of(original)
    d = date_of(original)
    if lang == "id":
        head = (f"----- Pesan Asli -----\nDari: \"{name}\" <{addr}>\nKepada: \"{r.name}\" <{r.address}>\n"
                f"Terkirim: {DAYS_ID[d.weekday()]}, {d.day} {MONTHS_ID[d.month - 1]} {d.year} {d.hour}:{d:%M}:{d:%S}\n"
                f"Subjek: {original['Subject']}")
    else:
        hour = d.strftime("%I").lstrip("0")
        head = (f"----- Original Message -----\nFrom: \"{name}\" <{addr}>\nTo: \"{r.name}\" <{r.address}>\n"
                f"Sent: {d:%A}, {d:%B} {d.day}, {d.year} {hour}:{d:%M}:{d:%S} {d:%p}\nSubject: {original['Subject']}")
    orig = body_of(original, "plain") or ""
    if prefixed:
        quoted = quote_gt(head + "\n\n" + orig)
    else:
        quoted = head + "\n\n" + orig
    plain = f"{_typed_plain(r)}\n\n{quoted}\n"
    head_html = "<br>".join(
        f"<b>{esc(k)}: </b>{esc(v)}" for k, v in (line.split(": ", 1) for line in head.splitlines()[1:]))
    html_body = (f'<html><body><div style="font-family: arial, helvetica, sans-serif; font-size: 12pt; color: #000000">'
                 f'{r.typed_html or _typed_divs(_typed_plain(r))}<div><br></div><hr id="zwchr"><div data-marker="__HEADERS__">'
                 f'{head_html}<br></div><br><div data-marker="__QUOTED_TEXT__">{original_html(original)}</div></div></body></html>')
    msg = _envelope(original, r, seed, r.address.split("@")[1],
                    extra={"X-Mailer": "Zimbra 8.8.15_GA_4581 (ZimbraWebClient - GC120 (Win)/8.8.15_GA_4581)",
                           "Thread-Topic": original["Subject"]})
    plain, html_body = _parts(r, plain, html_body)
    return _finish(msg, plain, html_body)


# -- Yahoo Mail ---------------------------------------------------------------------------------------

def yahoo(original: EmailMessage, r: Reply, seed: str, lang: str = "id", android: bool = False) -> bytes:
    name, addr = sender_of(original)
    d = date_of(original)
    if lang == "id":
        attribution = f"Pada {DAYS_ID[d.weekday()]}, {d.day} {MONTHS_ID[d.month - 1]} {d.year} {d:%H.%M.%S} WIB, {name} <{addr}> menulis:"
        sent_from = "Dikirim dari Yahoo Mail di Android" if android else ""
    else:
        attribution = f"On {d:%A}, {d:%B} {d.day}, {d.year}, {d:%I:%M:%S %p} GMT+7, {name} <{addr}> wrote:"
        sent_from = "Sent from Yahoo Mail on Android" if android else ""
    orig = body_of(original, "plain") or ""
    typed = _typed_plain(r) + (f"\n\n{sent_from}" if sent_from else "")
    if android:   # Yahoo's Android app runs the quote together on indented lines
        flat = " ".join(line.strip() for line in orig.splitlines() if line.strip())
        plain = f"{typed}\n\n  {attribution}   {flat}\n"
    else:
        plain = f"{typed}\n\n\n{attribution}\n\n\n{orig}\n"
    html_body = (f'<html><head></head><body><div class="ydp4a2b yahoo-style-wrap" style="font-family:Helvetica Neue, '
                 f'Helvetica, Arial, sans-serif;font-size:13px;">{r.typed_html or _typed_divs(typed)}</div>'
                 f'<div id="yahoo_quoted_1234567890" class="yahoo_quoted"><div style="font-family:Helvetica Neue, Helvetica, '
                 f'Arial, sans-serif;font-size:13px;color:#26282a;"><div>{esc(attribution)}</div><div><br></div><div><br></div>'
                 f'<div><div id="yiv0123456789">{original_html(original)}</div></div></div></div></body></html>')
    msg = _envelope(original, r, seed, "mail.yahoo.com",
                    extra={"X-Mailer": "WebService/1.1.22645 YMailNorrin" if not android else "YahooMailAndroidMobile/6.43.0"})
    plain, html_body = _parts(r, plain, html_body)
    return _finish(msg, plain, html_body)


# -- Roundcube (webmail on many government hosts) -------------------------------------------------------

def roundcube(original: EmailMessage, r: Reply, seed: str) -> bytes:
    name, addr = sender_of(original)
    d = date_of(original)
    attribution = f"Pada {d:%Y-%m-%d} {d:%H:%M}, {name} menulis:"
    orig = quote_gt(body_of(original, "plain") or "")
    sig = f"\n\n-- \n{r.signature}" if r.signature else ""
    if r.bottom:
        plain = f"{attribution}\n{orig}\n\n{r.typed}{sig}\n"
    else:
        plain = f"{r.typed}{sig}\n\n{attribution}\n{orig}\n"
    typed_html = r.typed_html or "<p>" + "<br>".join(esc(x) for x in r.typed.splitlines()) + "</p>"
    sig_html = f'<div id="signature">-- <br>{"<br>".join(esc(x) for x in r.signature.splitlines())}</div>' if r.signature else ""
    quote = (f'<p>{esc(attribution)}</p><blockquote type="cite" style="padding: 0 0.4em; border-left: #1010ff 2px solid; '
             f'margin: 0">{original_html(original)}</blockquote>')
    body = (quote + typed_html + sig_html) if r.bottom else (typed_html + sig_html + quote)
    html_body = (f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"></head>'
                 f'<body style="font-size: 10pt; font-family: Verdana,Geneva,sans-serif">{body}</body></html>')
    msg = _envelope(original, r, seed, r.address.split("@")[1], extra={"User-Agent": "Roundcube Webmail/1.6.6"})
    plain, html_body = _parts(r, plain, html_body)
    return _finish(msg, plain, html_body)


# -- Samsung Email / generic Android ---------------------------------------------------------------------

def samsung(original: EmailMessage, r: Reply, seed: str) -> bytes:
    name, addr = sender_of(original)
    d = date_of(original)
    typed = _typed_plain(r) + "\n\n\n\nDikirim dari perangkat Samsung Galaxy saya"
    head = (f"-------- Pesan asli --------\nDari : {name} <{addr}>\n"
            f"Tanggal : {d:%d/%m/%Y} {d:%H.%M} (GMT+07:00)\nKepada : {r.address}\nPerihal : {original['Subject']}")
    plain = f"{typed}\n\n{head}\n\n{body_of(original, 'plain') or ''}\n"
    head_html = "<br>".join(esc(x) for x in head.splitlines())
    html_body = (f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"></head><body>'
                 f'<div dir="auto">{"<br>".join(esc(x) for x in typed.splitlines())}</div><div><br></div>'
                 f'<div align="left" dir="auto" style="font-size:100%;color:#000000"><div>{head_html}</div></div>'
                 f'<div dir="auto">{original_html(original)}</div></body></html>')
    msg = _envelope(original, r, seed, r.address.split("@")[1])
    plain, html_body = _parts(r, plain, html_body)
    return _finish(msg, plain, html_body)


# -- auto-replies ----------------------------------------------------------------------------------------------

def auto_reply(original: EmailMessage, r: Reply, seed: str, subject: str, rfc3834: bool,
               exchange: bool = False) -> bytes:
    """An out-of-office notice: with the RFC 3834 headers servers add, or without (a hand-made rule)."""
    extra: dict[str, str] = {}
    if rfc3834:
        extra["Auto-Submitted"] = "auto-replied (zimbra; vacation)" if "luar kantor" in subject else "auto-replied"
        if exchange:
            extra.update({"X-MS-Exchange-Inbox-Rules-Loop": r.address, "X-Auto-Response-Suppress": "All"})
        else:
            extra["Precedence"] = "bulk"
    r.subject = subject
    msg = _envelope(original, r, seed, r.address.split("@")[1], extra=extra)
    plain = _typed_plain(r) + "\n"
    html_body = "<html><body>" + _typed_divs(_typed_plain(r)) + "</body></html>"
    plain, html_body = _parts(r, plain, html_body)
    return _finish(msg, plain, html_body)


def bare(original: EmailMessage, r: Reply, seed: str) -> bytes:
    """A message typed from scratch (no quote): what someone without the original can send."""
    msg = _envelope(original, r, seed, r.address.split("@")[1])
    return _finish(msg, _typed_plain(r) + "\n", None, cte="8bit")


CLIENTS = {
    "bare": bare,
    "ooo_exchange": lambda o, r, s: auto_reply(o, r, s, "Automatic reply: " + o["Subject"], True, exchange=True),
    "ooo_gmail": lambda o, r, s: auto_reply(o, r, s, "Re: " + o["Subject"], True),
    "ooo_zimbra": lambda o, r, s: auto_reply(o, r, s, "Di luar kantor", True),
    "ooo_plain": lambda o, r, s: auto_reply(o, r, s, "Balasan Otomatis: " + o["Subject"], False),
    "ooo_plain_en": lambda o, r, s: auto_reply(o, r, s, "Out of Office: " + o["Subject"], False),
    "gmail_id": lambda o, r, s: gmail(o, r, s, "id"),
    "gmail_en": lambda o, r, s: gmail(o, r, s, "en"),
    "gmail_android": lambda o, r, s: gmail(o, r, s, "id", android=True),
    "outlook_en": lambda o, r, s: outlook(o, r, s, "en", divider=False),
    "outlook_id": lambda o, r, s: outlook(o, r, s, "id", divider=True),
    "outlook_id_subjek": lambda o, r, s: outlook(o, r, s, "id", divider=True, subject_label="Subjek"),
    "outlook_web": lambda o, r, s: outlook(o, r, s, "en", divider=True),
    "outlook_android": lambda o, r, s: outlook(o, r, s, "en", divider=True, mobile=True),
    "outlook_android_id": lambda o, r, s: outlook(o, r, s, "id", divider=True, mobile=True),
    "iphone_id": lambda o, r, s: iphone(o, r, s, "id"),
    "iphone_en": lambda o, r, s: iphone(o, r, s, "en"),
    "thunderbird_id": lambda o, r, s: thunderbird(o, r, s, "id"),
    "thunderbird_en": lambda o, r, s: thunderbird(o, r, s, "en"),
    "zimbra_id": lambda o, r, s: zimbra(o, r, s, "id"),
    "zimbra_en": lambda o, r, s: zimbra(o, r, s, "en"),
    "zimbra_prefixed": lambda o, r, s: zimbra(o, r, s, "id", prefixed=True),
    "yahoo_id": lambda o, r, s: yahoo(o, r, s, "id"),
    "yahoo_android": lambda o, r, s: yahoo(o, r, s, "id", android=True),
    "yahoo_en": lambda o, r, s: yahoo(o, r, s, "en"),
    "roundcube": roundcube,
    "samsung": samsung,
}
