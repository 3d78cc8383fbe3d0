"""Mail clients the first blind set (../replies_blind/clients.py) does not write, used by build.py.

Each function takes the original (an EmailMessage read from requests/*.eml), a Reply and a seed and
returns the bytes the client would send: Outlook's classic "-----Original Message-----" block, Apple
Mail on macOS (``<blockquote type="cite">``), Gmail's newer quote container and its narrow mobile
wrapping, Lotus Notes' tabbed header table, Horde ("Mengutip ..."), Spark, K-9 Mail, FairEmail (an
attribution without "wrote"), Zimbra HTML-only, mutt-style interleaved bottom-posting, and
auto-replies without RFC 3834 headers or with a hosting panel's own headers.
"""
from __future__ import annotations

import hashlib
import sys
from email.message import EmailMessage
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "replies_blind"))
from clients import (DAYS_ID, DAYS_ID3, MONTHS_ID, MONTHS_ID3, Reply, _envelope, _finish, _parts,  # noqa: E402
                     _typed_divs, _typed_plain, body_of, date_of, esc, original_html, quote_gt, sender_of, wrap)

__all__ = ["CLIENTS", "Reply"]


def _sig_plain(r: Reply, dashes: bool = True) -> str:
    if not r.signature:
        return ""
    return ("\n\n-- \n" if dashes else "\n\n") + r.signature


# -- Outlook 2010-2016 in plain/“-----Original Message-----” mode ------------------------------------

def outlook_classic(original: EmailMessage, r: Reply, seed: str, lang: str = "id") -> bytes:
    name, addr = sender_of(original)
    d = date_of(original)
    if lang == "id":
        head = [("Dari", f"{name} [mailto:{addr}]"),
                ("Dikirim", f"{DAYS_ID[d.weekday()]}, {d.day:02d} {MONTHS_ID[d.month - 1]} {d.year} {d:%H:%M}"),
                ("Kepada", r.name), ("Perihal", original["Subject"])]
        divider = "-----Pesan Asli-----"
    else:
        hour = d.strftime("%I").lstrip("0")
        head = [("From", f"{name} [mailto:{addr}]"), ("Sent", f"{d:%A}, {d:%B} {d.day:02d}, {d.year} {hour}:{d:%M} {d:%p}"),
                ("To", r.name), ("Subject", original["Subject"])]
        divider = "-----Original Message-----"
    orig = body_of(original, "plain") or ""
    plain = f"{_typed_plain(r)}\n\n{divider}\n" + "\n".join(f"{k}: {v}" for k, v in head) + f"\n\n{orig}\n"
    html_body = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=us-ascii">'
                 '<meta name="Generator" content="Microsoft Word 14 (filtered medium)"></head><body lang="IN">'
                 '<div class="WordSection1">'
                 + (r.typed_html or "".join(f'<p class="MsoNormal"><span style="font-size:11.0pt;font-family:&quot;Calibri&quot;">'
                                            f'{esc(x) if x.strip() else "&nbsp;"}</span></p>' for x in _typed_plain(r).splitlines()))
                 + f'<p class="MsoNormal">&nbsp;</p><div class="OutlookMessageHeader" dir="ltr" align="left">'
                   f'<font face="Tahoma" size="2">{divider}<br>'
                 + "".join(f"<b>{k}:</b> {esc(v)}<br>" for k, v in head)
                 + f'</font><br></div>{original_html(original)}</div></body></html>')
    msg = _envelope(original, r, seed, "EXCH01.lampungbaratkab.go.id", "RE: ",
                    {"X-Mailer": "Microsoft Outlook 14.0", "Thread-Index": "Adn" + hashlib.md5(seed.encode()).hexdigest()[:24],
                     "Content-Language": "id"})
    plain, html_body = _parts(r, plain, html_body)
    return _finish(msg, plain, html_body)


# -- Outlook for Mac -------------------------------------------------------------------------------------

def outlook_mac(original: EmailMessage, r: Reply, seed: str) -> bytes:
    name, addr = sender_of(original)
    d = date_of(original)
    head = [("Dari", f"{name} <{addr}>"),
            ("Tanggal", f"{DAYS_ID[d.weekday()]}, {d.day} {MONTHS_ID[d.month - 1]} {d.year} pukul {d:%H.%M}"),
            ("Kepada", f"{r.name} <{r.address}>"), ("Perihal", original["Subject"])]
    orig = body_of(original, "plain") or ""
    plain = f"{_typed_plain(r)}\n\n" + "\n".join(f"{k}: {v}" for k, v in head) + f"\n{orig}\n"
    html_body = ('<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta http-equiv="Content-Type" '
                 'content="text/html; charset=utf-8"><meta name="Generator" content="Microsoft Word 15 (filtered medium)">'
                 '</head><body lang="EN-ID"><div class="WordSection1">'
                 + (r.typed_html or "".join(f'<p class="MsoNormal"><span lang="IN">{esc(x) if x.strip() else "<o:p>&nbsp;</o:p>"}'
                                            f'</span><o:p></o:p></p>' for x in _typed_plain(r).splitlines()))
                 + '<p class="MsoNormal"><o:p>&nbsp;</o:p></p><div style="border:none;border-top:solid #B5C4DF 1.0pt;'
                   'padding:3.0pt 0cm 0cm 0cm"><p class="MsoNormal" style="margin-bottom:12.0pt"><b><span style="font-size:12.0pt;'
                   'color:black">Dari: </span></b>'
                 + "<br>".join((f"<b>{k}: </b>" if i else "") + esc(v) for i, (k, v) in enumerate(head))
                 + f'<o:p></o:p></p></div>{original_html(original)}</div></body></html>')
    msg = _envelope(original, r, seed, r.address.split("@")[1],
                    extra={"User-Agent": "Microsoft-MacOutlook/16.89.24091630", "Thread-Topic": original["Subject"]})
    plain, html_body = _parts(r, plain, html_body)
    return _finish(msg, plain, html_body)


# -- Apple Mail on macOS -----------------------------------------------------------------------------------

def apple_mail(original: EmailMessage, r: Reply, seed: str, lang: str = "id") -> bytes:
    name, addr = sender_of(original)
    d = date_of(original) + __import__("datetime").timedelta(minutes=15)
    if lang == "id":
        attribution = f"Pada {d.day} {MONTHS_ID3[d.month - 1]} {d.year}, pukul {d:%H.%M}, {name} <{addr}> menulis:"
    else:
        attribution = f"On {d.day} {d:%b} {d.year}, at {d:%H:%M}, {name} <{addr}> wrote:"
    orig = body_of(original, "plain") or ""
    plain = f"{_typed_plain(r)}\n\n> {attribution}\n> \n" + quote_gt(orig, empty="> ") + "\n\n"
    typed_html = r.typed_html or "".join(f"{esc(x)}<br>" if x.strip() else "<div><br></div>" for x in r.typed.splitlines())
    sig = ('<br id="lineBreakAtBeginningOfSignature"><div dir="auto" style="caret-color: rgb(0, 0, 0);">'
           + "<br>".join(esc(x) for x in r.signature.splitlines()) + "</div>") if r.signature else ""
    html_body = ('<html aria-label="message body"><head><meta http-equiv="content-type" content="text/html; charset=utf-8">'
                 '</head><body style="overflow-wrap: break-word; -webkit-nbsp-mode: space; line-break: after-white-space;">'
                 f'{typed_html}{sig}<div><br><blockquote type="cite"><div>{esc(attribution)}</div><br '
                 f'class="Apple-interchange-newline"><div><div>{original_html(original)}</div></div></blockquote></div>'
                 '<br></body></html>')
    msg = _envelope(original, r, seed, r.address.split("@")[1],
                    extra={"X-Mailer": "Apple Mail (2.3774.600.62)", "Mime-Version": "1.0 (Mac OS X Mail 16.0 \\(3774.600.62\\))"})
    plain, html_body = _parts(r, plain, html_body)
    return _finish(msg, plain, html_body)


# -- Gmail: the newer quote container, and the app's narrow wrapping ----------------------------------------

def gmail_mobile(original: EmailMessage, r: Reply, seed: str) -> bytes:
    name, addr = sender_of(original)
    d = date_of(original)
    attribution = f"Pada tanggal {DAYS_ID3[d.weekday()]}, {d.day} {MONTHS_ID3[d.month - 1]} {d.year} {d:%H.%M}, {name} <{addr}> menulis:"
    plain_quote = quote_gt(body_of(original, "plain") or "")
    plain = f"{r.typed}{_sig_plain(r)}\n\n{wrap(attribution, 56)}\n\n{plain_quote}\n"
    typed_html = r.typed_html or _typed_divs(r.typed, "div", ' dir="auto"')
    attr_html = esc(attribution).replace(esc(f"<{addr}>"), f'&lt;<a href="mailto:{addr}">{addr}</a>&gt;')
    html_body = (f'<div dir="auto">{typed_html}</div><br><div class="gmail_quote gmail_quote_container">'
                 f'<div dir="ltr" class="gmail_attr">{attr_html}<br></div><blockquote class="gmail_quote" '
                 f'style="margin:0 0 0 .8ex;border-left:1px #ccc solid;padding-left:1ex">{original_html(original)}'
                 f'</blockquote></div>')
    msg = _envelope(original, r, seed, "mail.gmail.com")
    plain, html_body = _parts(r, plain, html_body)
    return _finish(msg, plain, html_body)


# -- Lotus Notes / HCL Notes ------------------------------------------------------------------------------

def lotus(original: EmailMessage, r: Reply, seed: str) -> bytes:
    name, addr = sender_of(original)
    d = date_of(original)
    head = [("From", f'"{name}" <{addr}>'), ("To", r.address), ("Date", f"{d:%d/%m/%Y} {d:%H.%M}"),
            ("Subject", original["Subject"])]
    orig = body_of(original, "plain") or ""
    plain = (f"{_typed_plain(r)}\n\n\n\n" + "\n".join(f"{k}:\t{v}" for k, v in head) + "\n\n\n\n" + orig + "\n")
    rows = "".join(f'<tr valign="top"><td><font size="1" color="#5f5f5f" face="sans-serif">{k}:</font></td>'
                   f'<td><font size="1" face="sans-serif">{esc(v)}</font></td></tr>' for k, v in head)
    html_body = ('<html><body><font size="2" face="sans-serif">'
                 + (r.typed_html or "<br>".join(esc(x) for x in _typed_plain(r).splitlines()))
                 + f'</font><br><br><br><br><table width="100%">{rows}</table><br><hr width="100%" size="2" align="left" '
                   f'noshade style="color:#A0A0A0"><br><br><br><tt><font size="2">'
                 + "<br>".join(esc(x) for x in orig.splitlines()) + "</font></tt></body></html>")
    msg = _envelope(original, r, seed, "notes.lampungbaratkab.go.id",
                    extra={"X-Mailer": "Lotus Notes Release 8.5.3FP6 November 21, 2013", "X-MIMETrack":
                           "Serialize by Router on NOTES01/Diskominfo(Release 9.0.1FP10|January 22, 2018)"})
    plain, html_body = _parts(r, plain, html_body)
    return _finish(msg, plain, html_body)


# -- Horde / IMP webmail -----------------------------------------------------------------------------------

def horde(original: EmailMessage, r: Reply, seed: str) -> bytes:
    name, addr = sender_of(original)
    attribution = f"Mengutip {name} <{addr}>:"
    plain = f"{r.typed}{_sig_plain(r)}\n\n{attribution}\n\n{quote_gt(body_of(original, 'plain') or '')}\n\n\n"
    msg = _envelope(original, r, seed, r.address.split("@")[1],
                    extra={"User-Agent": "Horde Application Framework 5", "Content-Disposition": "inline"})
    return _finish(msg, plain, None, cte="8bit")


# -- Spark (Readdle) -----------------------------------------------------------------------------------------

def spark(original: EmailMessage, r: Reply, seed: str) -> bytes:
    name, addr = sender_of(original)
    d = date_of(original)
    attribution = f"Pada {d.day} {MONTHS_ID3[d.month - 1]} {d.year} {d:%H.%M} +0700, {name} <{addr}>, menulis:"
    plain = f"{r.typed}{_sig_plain(r, dashes=False)}\n{attribution}\n{quote_gt(body_of(original, 'plain') or '')}\n"
    html_body = (f'<html xmlns="http://www.w3.org/1999/xhtml"><head><title></title></head><body><div name="messageBodySection">'
                 f'{r.typed_html or _typed_divs(_typed_plain(r), "div", " dir=" + chr(34) + "auto" + chr(34))}</div>'
                 f'<div name="messageReplySection">{esc(attribution)}<br><blockquote type="cite" class="spark_quote" '
                 f'style="margin: 5px 5px; padding-left: 10px; border-left: thin solid #1abc9c;">{original_html(original)}'
                 f'</blockquote></div></body></html>')
    msg = _envelope(original, r, seed, "spark", extra={"X-Readdle-Message-ID": hashlib.md5(seed.encode()).hexdigest()})
    plain, html_body = _parts(r, plain, html_body)
    return _finish(msg, plain, html_body)


# -- K-9 Mail (plain only) and FairEmail (an attribution without "wrote") --------------------------------------

def k9(original: EmailMessage, r: Reply, seed: str) -> bytes:
    name, addr = sender_of(original)
    d = date_of(original)
    attribution = f'Pada {d.day} {MONTHS_ID[d.month - 1]} {d.year} {d:%H.%M.%S} GMT+07:00, "{name}" <{addr}> menulis:'
    plain = (f"{_typed_plain(r)}\n-- \nDikirim dari perangkat Android saya dengan K-9 Mail. Mohon maaf atas keringkasan "
             f"saya.\n\n{attribution}\n{quote_gt(body_of(original, 'plain') or '')}\n")
    msg = _envelope(original, r, seed, r.address.split("@")[1], extra={"User-Agent": "K-9 Mail for Android"})
    return _finish(msg, plain, None, cte="8bit")


def fairemail(original: EmailMessage, r: Reply, seed: str) -> bytes:
    name, addr = sender_of(original)
    d = date_of(original)
    attribution = f"{d.day} {MONTHS_ID3[d.month - 1]} {d.year} {d:%H.%M.%S} {name} <{addr}>:"
    plain = f"{_typed_plain(r)}\n\n{attribution}\n\n{quote_gt(body_of(original, 'plain') or '')}\n"
    html_body = (f'<!DOCTYPE html><html><head><meta name="x-apple-disable-message-reformatting"></head><body>'
                 f'<p>{"<br>".join(esc(x) for x in _typed_plain(r).splitlines())}</p><div class="fairemail_quote">'
                 f'<p>{esc(attribution)}</p><blockquote style="border-left:3px solid #ccc; padding-left:3px;">'
                 f'{original_html(original)}</blockquote></div></body></html>')
    msg = _envelope(original, r, seed, r.address.split("@")[1])
    plain, html_body = _parts(r, plain, html_body)
    return _finish(msg, plain, html_body)


# -- Zimbra, HTML only (the web client set to compose in HTML, no text part) -----------------------------------

def zimbra_html(original: EmailMessage, r: Reply, seed: str) -> bytes:
    name, addr = sender_of(original)
    d = date_of(original)
    head = [("Dari", f'"{name}" <{addr}>'), ("Kepada", f'"{r.name}" <{r.address}>'),
            ("Dikirim", f"{DAYS_ID[d.weekday()]}, {d.day} {MONTHS_ID[d.month - 1]} {d.year} {d.hour}:{d:%M}:{d:%S}"),
            ("Perihal", original["Subject"])]
    typed_html = r.typed_html or "".join(f"<p>{esc(x)}</p>" if x.strip() else "<p><br data-mce-bogus=\"1\"></p>"
                                         for x in _typed_plain(r).splitlines())
    html_body = (f'<html><body id="htmlmode"><div style="font-family: verdana, helvetica, sans-serif; font-size: 10pt; '
                 f'color: #000000">{typed_html}<div><br></div><hr id="zwchr" data-marker="__DIVIDER__">'
                 f'<div data-marker="__HEADERS__"><blockquote style="border-left:2px solid #1010FF;margin-left:5px;'
                 f'padding-left:5px;color:#000;font-weight:normal;font-style:normal;text-decoration:none;font-family:'
                 f'Helvetica,Arial,sans-serif;font-size:12pt;">'
                 + "".join(f"<b>{k}: </b>{esc(v)}<br>" for k, v in head)
                 + f'</blockquote></div><div data-marker="__QUOTED_TEXT__"><blockquote style="border-left:2px solid '
                   f'#1010FF;margin-left:5px;padding-left:5px;">{original_html(original)}</blockquote></div></div></body></html>')
    msg = _envelope(original, r, seed, r.address.split("@")[1],
                    extra={"X-Mailer": "Zimbra 10.0.6_GA_4617 (ZimbraWebClient - FF128 (Linux)/10.0.6_GA_4617)"})
    return _finish(msg, None, html_body)


# -- mutt / Thunderbird bottom-posting under an interleaved (trimmed) quote ---------------------------------------

def interleaved(original: EmailMessage, r: Reply, seed: str, middle: str = "") -> bytes:
    """The original trimmed to a few quoted passages (always keeping the Kode balasan line), an
    optional comment typed between them (``middle``), and the answer under the last passage."""
    name, addr = sender_of(original)
    d = date_of(original)
    attribution = f"* {name} <{addr}> [{d:%Y-%m-%d %H:%M}]:"
    lines = (body_of(original, "plain") or "").splitlines()
    head = lines[:4]
    code = [x for x in lines if x.startswith("Kode balasan")]
    cara = [x for x in lines if x.startswith("=== CARA") or x.startswith("Balas email")]
    parts = [attribution, quote_gt("\n".join(head)), "> [...]"]
    if middle:
        parts += ["", middle, ""]
    parts += [quote_gt("\n".join(cara + code))]
    plain = "\n".join(parts) + f"\n\n{r.typed}{_sig_plain(r)}\n"
    msg = _envelope(original, r, seed, r.address.split("@")[1], extra={"User-Agent": "NeoMutt/20231103"})
    return _finish(msg, plain, None, cte="8bit")


def interleaved_top(original: EmailMessage, r: Reply, seed: str) -> bytes:
    """The answer typed inline right under the quoted request line, the rest of the quote after it."""
    name, addr = sender_of(original)
    d = date_of(original)
    attribution = f"Pada {d:%d/%m/%Y} {d:%H:%M}, {name} menulis:"
    lines = (body_of(original, "plain") or "").splitlines()
    plain = (f"{attribution}\n{quote_gt(chr(10).join(lines[:3]))}\n\n{r.typed}\n\n{quote_gt(chr(10).join(lines[3:]))}"
             f"{_sig_plain(r)}\n")
    msg = _envelope(original, r, seed, r.address.split("@")[1], extra={"User-Agent": "Mozilla Thunderbird"})
    return _finish(msg, plain, None, cte="8bit")


# -- auto-replies the first set does not have --------------------------------------------------------------------

def ooo_reply_subject(original: EmailMessage, r: Reply, seed: str) -> bytes:
    """A hand-made out-of-office rule: "Re:" subject, no automatic headers at all, a one-part body."""
    r.subject = "Re: " + original["Subject"]
    msg = _envelope(original, r, seed, r.address.split("@")[1])
    return _finish(msg, _typed_plain(r) + "\n", None, cte="8bit")


def ooo_cpanel(original: EmailMessage, r: Reply, seed: str) -> bytes:
    """A hosting panel's autoresponder: its own headers and Precedence, no Auto-Submitted."""
    r.subject = "Autoreply: " + original["Subject"]
    msg = _envelope(original, r, seed, r.address.split("@")[1],
                    extra={"X-Autorespond": original["Subject"], "Precedence": "auto_reply", "X-Autoreply": "yes"})
    return _finish(msg, _typed_plain(r) + "\n", None, cte="8bit")


def forged_quote(original: EmailMessage, r: Reply, seed: str) -> bytes:
    """A reply threaded on a forged Message-ID, quoting a copy of the request whose Kode balasan was
    altered: it looks like Gmail but proves nothing."""
    name, addr = sender_of(original)
    text = body_of(original, "plain") or ""
    text = "\n".join("Kode balasan: QX7K-M2PL (biarkan tetap ada di kutipan atau subjek balasan)"
                     if x.startswith("Kode balasan") else x for x in text.splitlines())
    d = date_of(original)
    attribution = f"Pada {DAYS_ID3[d.weekday()]}, {d.day} {MONTHS_ID3[d.month - 1]} {d.year} pukul {d:%H.%M} {name} <{addr}> menulis:"
    plain = f"{r.typed}\n\n{attribution}\n\n{quote_gt(text)}\n"
    msg = _envelope(original, r, seed, "mail.gmail.com")
    return _finish(msg, plain, None)


CLIENTS = {
    "outlook_classic_id": lambda o, r, s: outlook_classic(o, r, s, "id"),
    "outlook_classic_en": lambda o, r, s: outlook_classic(o, r, s, "en"),
    "outlook_mac": outlook_mac,
    "apple_mail": lambda o, r, s: apple_mail(o, r, s, "id"),
    "apple_mail_en": lambda o, r, s: apple_mail(o, r, s, "en"),
    "gmail_mobile": gmail_mobile,
    "lotus": lotus,
    "horde": horde,
    "spark": spark,
    "k9": k9,
    "fairemail": fairemail,
    "zimbra_html": zimbra_html,
    "interleaved": interleaved,
    "interleaved_mid": lambda o, r, s: interleaved(o, r, s, middle="Sudah saya baca."),
    "interleaved_top": interleaved_top,
    "ooo_subject_re": ooo_reply_subject,
    "ooo_cpanel": ooo_cpanel,
    "forged_quote": forged_quote,
}
