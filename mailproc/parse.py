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

from mailproc.html_text import html_to_text

_HEADER_LINE = re.compile(rb"^[!-9;-~]+[ \t]*:")
_MSGID = re.compile(r"<[^<>\s]+>")


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
    attachments: tuple[AttachmentPart, ...] = ()
    defects: tuple[str, ...] = ()

    def header(self, name: str) -> str:
        return self.headers.get(name.lower(), "")

    @property
    def thread_ids(self) -> tuple[str, ...]:
        """Message-IDs this mail answers, nearest first."""
        ids = ([self.in_reply_to] if self.in_reply_to else []) + list(reversed(self.references))
        return tuple(dict.fromkeys(ids))


def looks_like_mail(raw: bytes) -> bool:
    """True when the bytes start with an RFC 5322 header line (after optional mbox 'From ' line)."""
    head = raw.lstrip(b"\r\n")[:2000]
    if head.startswith(b"From "):
        head = head.split(b"\n", 1)[-1]
    return bool(_HEADER_LINE.match(head))


def parse_mail(raw: bytes) -> Mail:
    if not looks_like_mail(raw):
        raise UnreadableMail("not a mail message: no header lines")
    import mailparser  # deferred: a CLI start that does not parse should not pay for it

    try:
        parsed = mailparser.parse_from_bytes(raw)
    except Exception as exc:  # mail-parser raises many kinds on hostile input
        raise UnreadableMail(f"MIME structure cannot be parsed: {type(exc).__name__}: {exc}") from exc
    msg = parsed.message
    headers = {}
    for name, value in msg.items():
        headers.setdefault(name.lower(), _unfold(_header_text(value)))

    name, sender = _first_address(headers.get("from", ""))
    if not sender:
        raise UnreadableMail("no usable sender address in From:")
    recipients = tuple(dict.fromkeys(
        addr.lower() for _, addr in getaddresses([headers.get("to", ""), headers.get("cc", "")]) if "@" in addr))

    text_plain = "\n".join(p for p in (parsed.text_plain or []) if p)
    text_html = "\n".join(p for p in (parsed.text_html or []) if p) or None
    text = text_plain if text_plain.strip() else (html_to_text(text_html) if text_html else "")

    attachments = tuple(_attachments(parsed.attachments))
    return Mail(
        sha256=hashlib.sha256(raw).hexdigest(), size=len(raw), sender=sender, sender_name=name,
        recipients=recipients, subject=_clean_line(headers.get("subject", "")), date=_date(headers.get("date")),
        message_id=_first_id(headers.get("message-id")), in_reply_to=_first_id(headers.get("in-reply-to")),
        references=tuple(_MSGID.findall(headers.get("references", ""))), text=_normalise_text(text),
        html=text_html, content_type=msg.get_content_type(), headers=headers, attachments=attachments,
        defects=tuple(sorted({type(d).__name__ for d in (msg.defects or [])})),
    )


def _header_text(value) -> str:
    """A header as readable text: RFC 2047 words decoded, undecodable bytes replaced."""
    from email.header import decode_header, make_header

    value = str(value)
    try:
        return str(make_header(decode_header(value)))
    except Exception:
        return value.encode("utf-8", "replace").decode("utf-8", "replace")


def _unfold(value: str) -> str:
    return re.sub(r"\r?\n[ \t]+", " ", value).strip()


def _clean_line(value: str) -> str:
    """One line of text with no control characters (a subject can carry CR/LF or NULs)."""
    value = "".join(" " if unicodedata.category(c)[0] == "C" else c for c in value)
    return re.sub(r"\s+", " ", value).strip()[:998]


def _first_address(value: str) -> tuple[str, str]:
    name, addr = parseaddr(value)
    addr = addr.strip().lower()
    if addr.count("@") != 1 or any(c.isspace() for c in addr):
        return "", ""
    return _clean_line(name), addr


def _first_id(value: str | None) -> str | None:
    if not value:
        return None
    found = _MSGID.search(value)
    if found:
        return found.group(0)[:998]
    value = value.strip()
    return f"<{value}>"[:998] if value and " " not in value else None


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
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
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
        else:
            data = payload.encode(item.get("charset") or "utf-8", "replace") if isinstance(payload, str) else payload
        parts.append(AttachmentPart(
            filename=safe_filename(item.get("filename") or ""),
            content_type=(item.get("mail_content_type") or "application/octet-stream").lower()[:255],
            data=data, sha256=hashlib.sha256(data).hexdigest()))
    return parts


def safe_filename(name: str) -> str:
    """A display name: the last path component, no control characters, bounded length."""
    name = _clean_line(name).replace("\\", "/").rsplit("/", 1)[-1].strip(". ")
    if not name:
        return "lampiran"
    stem, dot, ext = name.rpartition(".")
    return (stem[:200] + dot + ext[:20]) if dot else name[:220]
