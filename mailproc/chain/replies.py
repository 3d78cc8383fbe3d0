"""Extract the newly typed part of a reply: no quoted original, no attribution, no signature.

The quote headers of many mail clients and languages come from the pattern table of
``mail-parser-reply`` (``mailparser_reply.constants.MAIL_LANGUAGES``). That table has no
Indonesian entry, so :func:`register_indonesian_language` adds one (``"id"``). The control flow
here is our own, because the library's own splitting keeps bare ``>`` blocks, falls through to the
quoted original when nothing was typed above an Outlook header, and cuts at polite closings
("Thanks,") that are part of what the person typed.

Steps for plain text:
1. normalise line endings and invisible characters;
2. drop every line quoted with ``>`` (top-, bottom-posted and interleaved replies alike), leaving
   a placeholder so that an attribution line in any language ("... wrote:", "... menulis:",
   "... написал:") right above a quote block is recognised as a header, also when webmail wrapped
   it over two lines (the date on the first, the address and the verb on the second);
3. split at quote headers (attribution lines, Outlook header blocks, "Pesan Asli" separators);
   the reply is the first fragment that still has text after cleaning; text after a header is
   only taken (bottom-posting) when that header introduced a ``>`` quote, never when it
   introduced an unquoted original (Outlook style), which would be the request itself;
4. cut the signature: a ``--`` line, "Dikirim dari iPhone saya"/"Sent from my ..." lines, and a
   trailing name/position/NIP block.

HTML-only replies are first turned into text with the quoted part removed at the element level
(``<blockquote>``, Gmail's ``gmail_quote``, Outlook's reply divider and the rest); a text body that
is only the parser's rendering of the HTML counts as no text body.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

from mailparser_reply import constants as _mpr_constants
from mailparser_reply.constants import GENERIC_MAIL_SEPARATOR, MAIL_LANGUAGES, QUOTED_MATCH_INCLUDE

__all__ = ["extract_reply", "extract_text_reply", "reply_html_to_text", "register_indonesian_language", "INDONESIAN",
           "is_nip_line", "looks_like_signature_line"]

_Q = QUOTED_MATCH_INCLUDE

#: Indonesian quote headers, in the shape of mail-parser-reply's language table.
INDONESIAN: dict[str, object] = {
    "wrote_header": [
        # Gmail "Pada Jum, 27 Nov 2026 pukul 09.15 Kadis <kadis@...> menulis:" (may wrap once),
        # iPhone "Pada 27 Nov 2026, pukul 09.15, Kadis <...> menulis:", Thunderbird
        # "Pada 27/11/2026 09.15, X menulis:", Yahoo "Pada Jumat, 27 November 2026 09.15.00 WIB, X menulis:".
        r"^(" + _Q + r"(?:Pada|Pd\.?|Tanggal|Tgl\.?)\s(?:.+?\s?.+?)\s?menulis\s?:)$",
        # Zimbra / Outlook / Gmail separators, Indonesian and English.
        r"^(" + _Q + r"-{2,}\s?(?:Pesan Asli|Pesan Asal|Pesan Terusan|Pesan yang diteruskan|Original Message"
        r"|Forwarded message|Forwarded Message)\s?-{2,})\s*$",
        r"^(" + _Q + r"(?:Awal pesan yang diteruskan|Begin forwarded message)\s?:)$",
    ],
    # Outlook desktop in Indonesian: "Dari: / Dikirim: / Kepada: / Perihal:" (also Tanggal, Cc, Subjek).
    "from_header": r"((?:^|\n)" + _Q + r"[* ]*Dari\s?:[ *]*.*(?:\n" + _Q
    + r"[* ]*(?:Dikirim|Terkirim|Tanggal|Waktu|Kepada|Untuk|Ke|Perihal|Subjek|Judul|Cc|Bcc|Tembusan)"
    r"\s?:[ *]*.*){1,})",
    "disclaimers": ["Penafian:", "Pemberitahuan kerahasiaan:"],
    "signatures": ["Hormat saya", "Hormat kami", "Salam hormat", "Salam,", "Wassalam"],
    "sent_from": r"Dikirim dari|Dikirim melalui|Dikirim menggunakan|Dapatkan Outlook untuk",
}

_REQUIRED_KEYS = ("wrote_header", "from_header", "signatures", "sent_from")


def register_indonesian_language() -> None:
    """Register ``INDONESIAN`` as language ``"id"`` in mail-parser-reply's pattern table.

    mail-parser-reply has no public registration hook: its languages are the module-level dict
    ``mailparser_reply.constants.MAIL_LANGUAGES`` (imported by the parser by reference). This is
    the one place that extends it; it fails loudly if the library changes that structure.
    """
    table = getattr(_mpr_constants, "MAIL_LANGUAGES", None)
    english = table.get("en") if isinstance(table, dict) else None
    if not isinstance(english, dict) or any(key not in english for key in _REQUIRED_KEYS):
        raise RuntimeError(
            "mail-parser-reply changed: mailparser_reply.constants.MAIL_LANGUAGES['en'] no longer has "
            f"the keys {_REQUIRED_KEYS}; update mailproc.chain.replies.register_indonesian_language"
        )
    table.setdefault("id", INDONESIAN)


register_indonesian_language()

#: Languages whose header patterns are used. "pl" is left out on purpose: its Outlook pattern
#: accepts a single "Data:"/"Do:" line, which is ordinary Indonesian text.
LANGUAGES = ("id", "en", "de", "nl", "fr", "es", "it", "da", "sv", "cs", "ja", "zh", "ko")


def _patterns(key: str) -> list[str]:
    found: list[str] = []
    for language in LANGUAGES:
        value = MAIL_LANGUAGES.get(language, {}).get(key)
        if not value:
            continue
        found.extend(value if isinstance(value, list) else [value])
    return found


#: Our own additions for any language: a "From:" line followed by two or more "Label: value" lines
#: (Outlook with Reply-To, Italian "Da:/Risposta:"), and "---- On ... wrote ----" style separators.
_GENERIC_BLOCK_RE = re.compile(
    r"^" + _Q + r"[* ]*(?:From|Dari|Von|Da|De|Van|Fra|Från|Od|От)\s?:[ *]*.*(?:\n" + _Q
    + r"[* ]*[^\W\d_][\w -]{0,24}\s?:[ *]*.*){2,}",
    re.MULTILINE | re.IGNORECASE,
)
_WROTE_EXTRA = (
    r"^" + _Q + r"-{2,}.*\b(?:wrote|menulis|schrieb|écrit|escribió|schreef|skrev|napsal)\b.*-{2,}\s*$"
)

_WROTE_RE = re.compile("|".join(f"(?:{p})" for p in _patterns("wrote_header") + [GENERIC_MAIL_SEPARATOR, _WROTE_EXTRA]),
                       re.MULTILINE | re.IGNORECASE)
_BLOCK_RE = re.compile("|".join(f"(?:{p})" for p in _patterns("from_header")), re.MULTILINE | re.IGNORECASE)

_QUOTE_MARK = "\x01"   # placeholder line for a removed ">" block
_ATTRIBUTION_MARK = "\x02"  # placeholder line for a generic attribution line above a ">" block
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None) | {0xA0: " ", 0x202F: " "}
_QUOTED_LINE = re.compile(r"^\s*>")
_SIG_DELIMITER = re.compile(r"^(?:--|__|—)\s*$")
_SEPARATOR_LINE = re.compile(r"^[-_=*~#.\s]{3,}$")
_SENT_FROM = re.compile(
    r"^\(?\s*(?:"
    r"(?:dikirim|terkirim|kirim)\s(?:dari|melalui|via|dengan|menggunakan|pakai)\s"
    r"(?:[^,]{0,60}\b(?:iphone|ipad|android|samsung|galaxy|xiaomi|redmi|oppo|vivo|realme|huawei|nokia|ponsel|hp"
    r"|handphone|perangkat|seluler|mobile|tablet|yahoo|outlook|gmail|mail|blackberry|surel)\b[^,]{0,40}|[^,]{1,50}\bsaya)"
    r"|dapatkan\s+outlook\s+untuk\b.*"
    r"|sent\s(?:from|via|with|using)\s[^,]{1,80}"
    r"|get\s+(?:\[)?outlook\s+for\b.*"
    r"|envoy[ée]\s+(?:de|depuis)\b.*|von\s+meinem\b.*gesendet.*|verzonden\s+(?:met|vanaf|van)\b.*"
    r"|enviado\s+desde\b.*|inviato\s+da\b.*|skickat\s+från\b.*|sendt\s+fra\b.*|wysłano\s+z\b.*"
    r"|從我的.*傳送|从我的.*发送"
    r")\s*\)?$",
    re.IGNORECASE,
)
_NIP_LINE = re.compile(r"^NIP\s*\.?\s*[:.]?\s*\d[\d .]{13,}\d\s*$", re.IGNORECASE)
_NAME_TOKEN = re.compile(r"^(?:[A-Z][\w'’.-]*,?|[A-Z]\.|\(?[A-Za-z]{1,4}\.(?:[A-Za-z]{1,4}\.?)*,?\)?)$")
_POSITION_WORDS = re.compile(
    r"\b(?:kepala|kabid|kadis|pranata|plt|plh|sekretaris|dinas|bidang|kominfo|diskominfo|pembina|penata|"
    r"pengatur|staf|staff|seksi|kasi|kasubag|jabatan|pangkat|gol(?:ongan)?|lampung|kabupaten)\b",
    re.IGNORECASE,
)


def _normalise(text: str) -> list[str]:
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_INVISIBLE)
    return [line.strip() for line in text.split("\n")]


_DATE_IN_LINE = re.compile(r"\d{1,4}[./:-]\d{1,2}|\b(?:19|20)\d\d\b|年")


def _attribution_start(lines: list[str], end: int) -> int | None:
    """If the non-blank lines ending at ``end`` read as a wrapped "X wrote:" line, return its first index."""
    bottom = lines[end]
    if not bottom.endswith((":", "：")) or len(bottom) > 300:
        return None
    start = end
    while end - start < 2 and start > 0 and lines[start - 1]:
        above, top = lines[start - 1], lines[start]
        wraps = (above.endswith(("<", ",", '"', "(")) or top[:1] in "<(\"" or top[:1].islower()
                 # webmail wraps at a space: "Pada Jum, 27 Nov 2026 pukul 09.15 Service Desk ... Kabupaten"
                 # over "Lampung Barat <aptika@...> menulis:" (the date above, the address and verb below)
                 or bool(_WROTE_RE.match("\n".join(lines[start - 1:end + 1])))
                 or (_DATE_IN_LINE.search(above) is not None
                     and _DATE_IN_LINE.search(" ".join(lines[start:end + 1])) is None))
        if not wraps:
            break
        start -= 1
    joined = " ".join(lines[start:end + 1])
    if "@" in joined or _DATE_IN_LINE.search(joined):
        return start
    return None


def _strip_quoted(lines: list[str]) -> list[str]:
    """Replace each ">" block by one placeholder line, and an attribution line above it by another."""
    out: list[str] = []
    index = 0
    while index < len(lines):
        if not _QUOTED_LINE.match(lines[index]):
            out.append(lines[index])
            index += 1
            continue
        while index < len(lines) and (_QUOTED_LINE.match(lines[index])):
            index += 1
        # the attribution sits right above the block, at most two blank lines up
        probe = len(out) - 1
        blanks = 0
        while probe >= 0 and not out[probe] and blanks < 2:
            probe -= 1
            blanks += 1
        if probe >= 0 and out[probe] and out[probe] not in (_QUOTE_MARK, _ATTRIBUTION_MARK):
            start = _attribution_start(out, probe)
            if start is not None and not _WROTE_RE.match("\n".join(out[start:probe + 1])):
                del out[start:]
                out.append(_ATTRIBUTION_MARK)
        out.append(_QUOTE_MARK)
    return out


def _headers(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, is_attribution) for each quote header, in order, without overlaps."""
    found: list[tuple[int, int, bool]] = []
    for match in _WROTE_RE.finditer(text):
        found.append((match.start(), match.end(), True))
    offset = 0
    for line in text.split("\n"):
        # header blocks start with a "Label:" line; trying only those keeps huge bodies fast
        if ":" in line[:80] or (line[:1] and line[0] in "-_*"):
            match = _BLOCK_RE.match(text, offset) or _GENERIC_BLOCK_RE.match(text, offset)
            if match:
                start = match.start()
                while start < match.end() and text[start] == "\n":
                    start += 1
                found.append((start, match.end(), False))
        offset += len(line) + 1
    for match in re.finditer(f"^{_ATTRIBUTION_MARK}$", text, re.MULTILINE):
        found.append((match.start(), match.end(), True))
    found.sort()
    result: list[tuple[int, int, bool]] = []
    for header in found:
        if result and header[0] < result[-1][1]:
            continue
        result.append(header)
    return result


def _cut_signature(lines: list[str]) -> list[str]:
    for index, line in enumerate(lines):
        if _SIG_DELIMITER.match(line) or (_SENT_FROM.match(line) and len(line) <= 120):
            lines = lines[:index]
            break
    # a trailing "Name / Position / NIP ..." block
    for index in range(len(lines) - 1, 0, -1):
        if not _NIP_LINE.match(lines[index]):
            continue
        start = index
        while start - 1 >= 1 and lines[start - 1] and start > index - 4 and looks_like_signature_line(lines[start - 1]):
            start -= 1
        if all(not line or looks_like_signature_line(line) or _NIP_LINE.match(line) for line in lines[index + 1:]):
            lines = lines[:start]
        break
    return lines


def is_nip_line(line: str) -> bool:
    """A signature's "NIP 19920514 201903 1 007" line."""
    return bool(_NIP_LINE.match(line.strip()))


def looks_like_signature_line(line: str) -> bool:
    """A name, position or NIP line of a signature ("Drs. Budi Santoso, M.Si.", "Kepala Dinas ...")."""
    line = line.strip()
    if _POSITION_WORDS.search(line) or _NIP_LINE.match(line):
        return True
    words = line.split()
    if not 1 <= len(words) <= 6 or (len(words) == 1 and line.isupper()):
        return False
    return all(_NAME_TOKEN.match(word) for word in words)


def _clean(fragment: str) -> str:
    lines = [line for line in fragment.split("\n") if line not in (_QUOTE_MARK, _ATTRIBUTION_MARK)]
    lines = _cut_signature(lines)
    while lines and (not lines[-1] or _SEPARATOR_LINE.match(lines[-1])):
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text)


def _followed_by_quote(text: str, position: int) -> bool:
    rest = text[position:position + 200].lstrip("\n")
    return rest.startswith(_QUOTE_MARK)


def extract_text_reply(text: str) -> str:
    """The newly typed part of a plain-text reply body."""
    body = "\n".join(_strip_quoted(_normalise(text)))
    headers = _headers(body)
    if not headers:
        return _clean(body)
    reply = _clean(body[:headers[0][0]])
    if reply:
        return reply
    # nothing above the first header: bottom-posting, but only below a quote that was removed
    for position, (_, end, wrote) in enumerate(headers):
        if not (wrote and _followed_by_quote(body, end)):
            return ""
        next_start = headers[position + 1][0] if position + 1 < len(headers) else len(body)
        reply = _clean(body[end:next_start])
        if reply:
            return reply
    return ""


def extract_reply(text: str | None, html: str | None = None) -> str:
    """Only the newly typed text of a reply: from the text/plain body, or from the HTML body when
    there is none (pass ``Mail.text_part``, not the text rendered from the HTML): there the quote is
    cut at the element level (``<blockquote>``, ``gmail_quote``, ``divRplyFwdMsg`` ...).
    """
    if text is not None and text.strip():
        return extract_text_reply(text)
    if html is not None and html.strip():
        return extract_text_reply(reply_html_to_text(html))
    return ""


# --------------------------------------------------------------------------- HTML

_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_SKIP_CONTENT = frozenset("script style head title template xml noscript".split())
_BLOCK = frozenset(
    "p div br li tr table ul ol pre section article header footer address center dd dt dl h1 h2 h3 h4 h5 h6 "
    "blockquote form fieldset figure hr tbody thead tfoot".split()
)
_DROP_CLASSES = ("gmail_quote", "gmail_attr", "moz-cite-prefix", "yahoo_quoted", "gmail_signature",
                 "moz-signature", "protonmail_quote", "zmail_extra")
_DROP_IDS = ("signature", "signature_bookmark", "zwchr")
_STOP_IDS = ("divrplyfwdmsg", "appendonsend", "stopspelling", "olk_src_body_section", "mail-editor-reference-message-container")


class _ReplyHtmlParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.stack: list[str] = []
        self.drop_depth: int | None = None
        self.stopped = False
        self.pre = 0

    def _dropping(self) -> bool:
        return self.drop_depth is not None

    def _break(self) -> None:
        """A block boundary: a new line unless the output already stands at the start of one."""
        last = next((part for part in reversed(self.parts) if part), "\n")
        if not last.endswith("\n"):
            self.parts.append("\n")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.stopped:
            return
        attributes = {name.lower(): (value or "") for name, value in attrs}
        classes = attributes.get("class", "").lower()
        ident = attributes.get("id", "").lower()
        style = attributes.get("style", "").lower().replace(" ", "")
        if not self._dropping():
            if tag == "hr" or ident in _STOP_IDS or any(ident.startswith(s) for s in _STOP_IDS) or (
                tag == "div" and "border-top" in style and "solid" in style
            ):
                self.stopped = True
                return
            drop = (tag == "blockquote" or tag in _SKIP_CONTENT or ident in _DROP_IDS
                    or "yahoo_quoted" in ident or any(c in classes for c in _DROP_CLASSES)
                    or attributes.get("data-signatureblock") == "true")
            if drop and tag not in _VOID:
                if tag == "blockquote":
                    self._break()
                    self.parts.append(">\n")
                self.drop_depth = len(self.stack)
        if tag in _VOID:
            if tag == "br" and not self._dropping():
                self.parts.append("\n")
            return
        self.stack.append(tag)
        if self._dropping():
            return
        if tag == "pre":
            self.pre += 1
        if tag == "li":
            self._break()
            self.parts.append("- ")
        elif tag in _BLOCK:
            self._break()
        elif tag in ("td", "th"):
            self.parts.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and self.stack and self.stack[-1] == tag:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.stopped or tag in _VOID or tag not in self.stack:
            return
        while self.stack:
            popped = self.stack.pop()
            if not self._dropping() and popped == "pre":
                self.pre = max(0, self.pre - 1)
            if popped == tag:
                break
        if self._dropping():
            if len(self.stack) <= self.drop_depth:
                self.drop_depth = None
            return
        if tag in _BLOCK:
            self._break()

    def handle_data(self, data: str) -> None:
        if self.stopped or self._dropping():
            return
        self.parts.append(data if self.pre else re.sub(r"\s+", " ", data))


def reply_html_to_text(html: str) -> str:
    """Plain text of an HTML reply body, with quoted originals and reply dividers removed."""
    parser = _ReplyHtmlParser()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # html.parser is lenient; keep whatever was read before a failure
        pass
    lines = [line.strip() for line in "".join(parser.parts).translate(_INVISIBLE).split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
