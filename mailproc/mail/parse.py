"""Parse: raw RFC 5322 bytes into one domain object, whatever the charset or MIME shape.

mail-parser does the MIME work; this module decides what the rest of mailproc sees: addresses
lower-cased, the readable text (from HTML when there is no plain part), attachments decoded.
"""
from __future__ import annotations

import base64
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import getaddresses, parseaddr, parsedate_to_datetime

from mailproc.mail.html_text import html_to_text
from mailproc.mail.rawmail import looks_like_mail

# Message-IDs and addresses never carry controls, NULs or lone surrogates (undecodable bytes).
_MSGID = re.compile(r"<[^<>\s\x00-\x1f\x7f\ud800-\udfff]+>")
_ADDR_CHARS = r"[^\s@<>()\[\],;:\"\\\x00-\x1f\x7f\ud800-\udfff]+"
_ADDRESS = re.compile(_ADDR_CHARS + "@" + _ADDR_CHARS)
_ANGLE_ADDR = re.compile(r"<(" + _ADDR_CHARS + "@" + _ADDR_CHARS + r")>")
_ENCODED_WORD = re.compile(r"=\?[^?\s]+\?[bBqQ]\?[^?\s]*\?=")

# Lengths the store keeps (inbound_messages, tickets): longer values are cut here, not by the database.
MAX_ADDRESS = 254           # RFC 5321 path limit
MAX_NAME = 200
MAX_MESSAGE_ID = 900        # leaves room for the "#sha256:…" suffix of a reused Message-ID (column: 1000)
MAX_REFERENCES = 100        # the nearest ancestors; a thread is found by them (an SQL IN list)
_FEED_CHUNK = 64 * 1024     # bytes fed to the stdlib parser at a time

# Delivery reports (RFC 3464, 8098, 5965): machine mail that may legitimately lack a usable From.
REPORT_TYPES = frozenset({"multipart/report", "message/delivery-status", "message/disposition-notification",
                          "message/feedback-report"})


class UnreadableMail(Exception):
    """The bytes cannot be understood as a mail message we can act on; the text says why."""


@dataclass(frozen=True)
class AttachmentPart:
    filename: str           # display name, sanitised; never used as a path
    content_type: str
    data: bytes
    sha256: str

    @property
    def size(self) -> int:
        return len(self.data)

    @property
    def extension(self) -> str:
        return self.filename.rsplit(".", 1)[-1].lower() if "." in self.filename else ""


@dataclass(frozen=True)
class Mail:
    sha256: str
    size: int
    sender: str                     # lower-cased address from From:, "" when there is none
    sender_name: str
    recipients: tuple[str, ...]     # To + Cc
    subject: str
    date: datetime | None
    message_id: str | None          # with angle brackets
    in_reply_to: str | None
    references: tuple[str, ...]
    text: str                       # readable text (from HTML when there is no plain part)
    html: str | None
    content_type: str
    headers: dict[str, str] = field(repr=False)   # lower-case name -> first value, unfolded
    all_headers: dict[str, tuple[str, ...]] = field(repr=False, default_factory=dict)  # name -> every value
    attachments: tuple[AttachmentPart, ...] = ()
    defects: tuple[str, ...] = ()
    text_from_html: bool = False    # no text/plain part: ``text`` is the rendering of ``html``

    @property
    def text_part(self) -> str | None:
        """The text/plain body as sent; None when the mail had only HTML."""
        return None if self.text_from_html else self.text

    def header(self, name: str) -> str:
        return self.headers.get(name.lower(), "")

    def header_values(self, name: str) -> tuple[str, ...]:
        """Every occurrence of a header, in order (Received, Authentication-Results)."""
        return self.all_headers.get(name.lower(), ())

    @property
    def thread_ids(self) -> tuple[str, ...]:
        """Message-IDs this mail answers, nearest first."""
        ids = ([self.in_reply_to] if self.in_reply_to else []) + list(reversed(self.references))
        return tuple(dict.fromkeys(ids))


def parse_mail(raw: bytes) -> Mail:
    if not looks_like_mail(raw):
        raise UnreadableMail("not a mail message: no header lines")
    parsed = _parse_mime(raw)
    msg = parsed.message
    headers: dict[str, str] = {}
    raw_headers: dict[str, str] = {}
    all_headers: dict[str, list[str]] = {}
    for name, value in msg.raw_items():
        key = _storable(str(name)).lower()
        raw_headers.setdefault(key, _unfold(_raw_header(value)))
        text = _storable(_unfold(_header_text(value)))
        headers.setdefault(key, text)
        all_headers.setdefault(key, []).append(text)

    name, sender = _first_address(raw_headers.get("from", ""))
    if not sender and not _machine_report(msg, headers):
        raise UnreadableMail("no usable sender address in From:")
    recipients = tuple(dict.fromkeys(
        addr.lower() for _, addr in getaddresses([raw_headers.get("to", ""), raw_headers.get("cc", "")])
        if _valid_address(addr)))

    text_plain = "\n".join(p for p in (parsed.text_plain or []) if p)
    if "\ufffd" in text_plain or "\x1b" in text_plain:   # a lying charset, or undecoded ISO-2022 (7-bit)
        text_plain = _redecode_plain(msg) or text_plain
    text_html = _storable("\n".join(p for p in (parsed.text_html or []) if p)) or None
    from_html = not text_plain.strip() and bool(text_html)
    text = html_to_text(text_html) if from_html else text_plain

    attachments = tuple(_attachments(parsed.attachments))
    return Mail(
        sha256=hashlib.sha256(raw).hexdigest(), size=len(raw), sender=sender, sender_name=name,
        recipients=recipients, subject=_clean_line(headers.get("subject", "")), date=_date(headers.get("date")),
        message_id=_first_id(headers.get("message-id")), in_reply_to=_first_id(headers.get("in-reply-to")),
        references=tuple(r[:MAX_MESSAGE_ID] for r in _MSGID.findall(headers.get("references", ""))[-MAX_REFERENCES:]),
        text=_normalise_text(text), html=text_html, content_type=_storable(msg.get_content_type())[:255],
        headers=headers, all_headers={k: tuple(v) for k, v in all_headers.items()}, attachments=attachments,
        defects=tuple(sorted({type(d).__name__ for d in (msg.defects or [])})), text_from_html=from_html,
    )


def _parse_mime(raw: bytes):
    """mail-parser over the stdlib parse, with its known traps on hostile input defused."""
    from email.feedparser import BytesFeedParser

    import mailparser  # deferred: a CLI start that does not parse should not pay for it

    try:
        # Fed in chunks, as mail-parser's own from_file does: email.message_from_bytes decodes the
        # whole message into one string first and peaks near 8x the size of a large message (~3x here).
        parser = BytesFeedParser()
        for start in range(0, len(raw), _FEED_CHUNK):
            parser.feed(raw[start:start + _FEED_CHUNK])
        message = parser.close()
        # mail-parser 4.8 reads the epilogue of a message with a StartBoundaryNotFoundDefect and
        # fails on None (a multipart whose text ends at a boundary line has no epilogue).
        if message.is_multipart() and message.epilogue is None:
            message.epilogue = ""
        return mailparser.MailParser(message)
    except Exception as exc:  # mail-parser raises many kinds on hostile input; RecursionError on deep nesting
        raise UnreadableMail(f"MIME structure cannot be parsed: {type(exc).__name__}: {exc}"[:500]) from exc


def _raw_header(value) -> str:
    """The header as sent, 8-bit bytes decoded (UTF-8 as RFC 6532 allows, else Windows-1252)."""
    value = str(value)
    try:
        data = value.encode("ascii", "surrogateescape")
    except UnicodeEncodeError:
        return value
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")


def _header_text(value) -> str:
    """A header as readable text: raw 8-bit decoded, RFC 2047 words decoded, bad words left as sent."""
    from email.header import decode_header

    value = _raw_header(value)
    if "=?" not in value:
        return value
    try:
        chunks = decode_header(value)
    except Exception:  # a broken encoded word (bad base64): keep the text as it came
        return value
    out = []
    for chunk, charset in chunks:
        if isinstance(chunk, str):
            out.append(chunk)
            continue
        if charset in (None, "unknown-8bit"):
            out.append(chunk.decode("raw-unicode-escape", "replace"))
            continue
        try:
            out.append(chunk.decode(charset, "replace"))
        except (LookupError, ValueError):  # an unknown or malformed charset name ("\x00ISO-8859-1"): most
            # such words are UTF-8 or ASCII anyway
            out.append(chunk.decode("utf-8", "replace"))
    return "".join(out)


def _redecode_plain(msg) -> str:
    """The inline text/plain parts again, when mail-parser could not decode them: a declared charset
    that lies (Latin-1 bytes sent as "utf-8" are common), or a 7-bit ISO-2022 text it leaves encoded.
    The declared charset if it fits, else UTF-8, else Windows-1252."""
    texts = []
    for part in msg.walk():
        if part.get_content_type() != "text/plain" or part.get_filename() or \
                part.get_content_disposition() == "attachment":
            continue
        data = part.get_payload(decode=True) or b""
        for charset in (part.get_content_charset() or "utf-8", "utf-8"):
            try:
                texts.append(data.decode(charset))
                break
            except (LookupError, ValueError):   # unknown or malformed name, or bytes it cannot decode
                continue
        else:
            texts.append(data.decode("cp1252", "replace"))
    return "\n".join(t for t in texts if t)


def _storable(value: str) -> str:
    """Text any database keeps: no NUL, no lone surrogates (undecodable bytes)."""
    if "\x00" in value:
        value = value.replace("\x00", "")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        value = value.encode("utf-8", "replace").decode("utf-8")
    return value


def _machine_report(msg, headers: dict[str, str]) -> bool:
    """A delivery report or an auto-submitted message: a null or local-only sender is normal there."""
    auto = headers.get("auto-submitted", "").split(";")[0].strip().lower()
    return msg.get_content_type() in REPORT_TYPES or (bool(auto) and auto != "no")


def _unfold(value: str) -> str:
    return re.sub(r"\r?\n[ \t]+", " ", value).strip()


def _clean_line(value: str) -> str:
    """One line of text with no control characters (a subject can carry CR/LF or NULs)."""
    value = "".join(" " if unicodedata.category(c)[0] == "C" else c for c in value)
    return re.sub(r"\s+", " ", value).strip()[:998]


def _valid_address(addr: str) -> bool:
    return len(addr) <= MAX_ADDRESS and _ADDRESS.fullmatch(addr) is not None


def _first_address(raw: str) -> tuple[str, str]:
    """(display name, address) of the first mailbox in a raw From: header.

    The address is read with encoded words masked, so that a display name like
    ``=?utf-8?q?Budi=0D=0ABcc:_x@evil?=`` can never supply the address; the name is decoded after.
    """
    words: list[str] = []

    def mask(found: re.Match) -> str:
        words.append(found.group(0))
        return f"mailprocword{len(words) - 1}x"

    masked = _ENCODED_WORD.sub(mask, raw)
    name, addr = parseaddr(masked)
    addr = addr.strip()
    if not _valid_address(addr):
        # parseaddr gives up on markup in the name ("<i>Budi</i> <budi@x>"): take the last angle-addr.
        angles = _ANGLE_ADDR.findall(masked)
        if not angles or not _valid_address(angles[-1]):
            return "", ""
        addr = angles[-1]
        name = masked[:masked.rfind("<" + addr)].strip().strip('"')
    name = re.sub(r"mailprocword(\d+)x", lambda m: words[int(m.group(1))], name)
    return _clean_line(_header_text(name))[:MAX_NAME], addr.lower()


def _first_id(value: str | None) -> str | None:
    if not value:
        return None
    found = _MSGID.search(value)
    if found:
        return found.group(0)[:MAX_MESSAGE_ID]
    value = value.strip()
    if not value or _MSGID.fullmatch(f"<{value}>") is None:
        return None
    return f"<{value}>"[:MAX_MESSAGE_ID]


def _date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if parsed is None:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def _normalise_text(text: str) -> str:
    text = _storable(text).replace("\r\n", "\n").replace("\r", "\n")
    return re.sub(r"\n{4,}", "\n\n\n", text).strip()


def _attachments(items: list[dict]) -> list[AttachmentPart]:
    parts = []
    for item in items or []:
        payload = item.get("payload") or ""
        if item.get("binary"):
            try:
                data = base64.b64decode(payload)
            except (ValueError, TypeError):
                data = payload.encode("latin-1", "replace") if isinstance(payload, str) else bytes(payload)
        elif isinstance(payload, str):
            try:
                data = payload.encode(item.get("charset") or "utf-8", "replace")
            except (LookupError, ValueError):  # an unknown or malformed charset name
                data = payload.encode("utf-8", "replace")
        else:
            data = bytes(payload)
        parts.append(AttachmentPart(
            filename=safe_filename(item.get("filename") or ""),
            content_type=_storable(item.get("mail_content_type") or "application/octet-stream").lower()[:255],
            data=data, sha256=hashlib.sha256(data).hexdigest()))
    return parts


def safe_filename(name: str) -> str:
    """A display name: the last path component, no control characters, bounded length."""
    name = _clean_line(name).replace("\\", "/").rsplit("/", 1)[-1].strip(". ")
    if not name:
        return "lampiran"
    stem, dot, ext = name.rpartition(".")
    return (stem[:200] + dot + ext[:20]) if dot else name[:220]
