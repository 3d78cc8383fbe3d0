"""On behalf: a request the service desk took by phone, chat, letter or at the counter, entered by
staff for an OPD.

A staff member (a role holder or delegate, an officer, or an address of ``[intake] staff``) writes
to the service address with these lines first (any case, one per line, only the first required)::

    ATAS NAMA Dinas Kesehatan
    MELALUI telepon               (telepon | surat | chat | whatsapp | datang langsung | portal)
    PEMOHON Bu Rina, operator, 0812-xxxx
    DITERIMA 2026-12-08 09:15     (WIB; when the request reached the desk)

followed by the request. Without MELALUI the channel is ``telepon`` (the desk's usual channel
besides email); without DITERIMA the request counts from the mail. The ticket belongs to the OPD
(requester: its penanggung jawab). An unknown or ambiguous OPD, an unknown channel or a DITERIMA in
the future, more than 7 days back or unreadable is answered to the staff member, and no ticket is
made. Both limits count from the mail's Date (when plausible; else from now), so a backlog
handled later judges the entry as when it was written. From anyone else these lines are ordinary
text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from mailproc.chain import notify
from mailproc.chain.workflow import Entry
from mailproc.core.clock import WIB
from mailproc.mail.parse import Mail

CHANNELS = ("telepon", "surat", "chat", "whatsapp", "datang_langsung", "portal")
DEFAULT_CHANNEL = "telepon"
MAX_AGE = timedelta(days=7)
GRACE = timedelta(minutes=1)             # DITERIMA is typed to the minute
PLAUSIBLE_DATE = timedelta(days=30)     # an older Date header is not believed

_FIRST = re.compile(r"^\s*atas\s+nama\s*[:\-]?\s*(.*?)\s*$", re.IGNORECASE)
_FIELD = re.compile(r"^\s*(melalui|pemohon|diterima)\s*[:\-]?\s*(.*?)\s*$", re.IGNORECASE)
_SYNONYMS = {"telp": "telepon", "tlp": "telepon", "telpon": "telepon", "telefon": "telepon", "phone": "telepon",
             "wa": "whatsapp", "whats app": "whatsapp", "datang": "datang_langsung", "walk in": "datang_langsung",
             "langsung": "datang_langsung", "letter": "surat", "web": "portal"}
_WHEN = (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})[ T]+(\d{1,2})[:.](\d{2})$"),       # 2026-12-08 09:15
         re.compile(r"^(\d{1,2})[/-](\d{1,2})[/-](\d{4})[ ,]+(\d{1,2})[:.](\d{2})$"),  # 08/12/2026 09.15
         re.compile(r"^(\d{1,2}) ([a-z]+) (\d{4})[ ,]+(\d{1,2})[:.](\d{2})$"))          # 8 Desember 2026 09.15
_MONTHS = ("januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober",
           "november", "desember")


@dataclass(frozen=True)
class Header:
    """The ATAS NAMA lines as typed, and the request after them."""
    opd: str
    channel: str | None
    contact: str | None
    received: str | None
    request: str


@dataclass(frozen=True)
class Refusal:
    reason: str                     # unknown_opd | ambiguous_opd | no_pj | channel | received_future | ...
    detail: str
    suggestions: tuple = ()         # Opd, closest first


def is_staff(desk, address: str) -> bool:
    config = desk.config
    people = {o.email for o in config.roles.values()} | {a for o in config.roles.values() for a in o.delegates}
    people |= {o.email for o in config.officers} | set(config.intake.staff)
    return address.lower() in people


def read_header(text: str) -> Header | None:
    """The ATAS NAMA lines at the top of ``text`` (blank lines before them skipped), or None."""
    lines = text.splitlines()
    at = 0
    while at < len(lines) and not lines[at].strip():
        at += 1
    first = _FIRST.match(lines[at]) if at < len(lines) else None
    if first is None:
        return None
    fields: dict[str, str] = {}
    at += 1
    while at < len(lines):
        following = at
        while following < len(lines) and not lines[following].strip():   # blank lines between them
            following += 1
        found = _FIELD.match(lines[following]) if following < len(lines) else None
        if found is None or found.group(1).lower() in fields:
            break
        fields[found.group(1).lower()] = found.group(2)
        at = following + 1
    return Header(first.group(1), fields.get("melalui"), fields.get("pemohon") or None, fields.get("diterima"),
                  "\n".join(lines[at:]).strip("\n"))


def channel_of(value: str | None) -> str | None:
    """'Datang Langsung' -> 'datang_langsung'; None when it is not a channel."""
    if value is None or not value.strip():
        return DEFAULT_CHANNEL
    words = " ".join(re.sub(r"[^a-z]+", " ", value.lower()).split())
    words = _SYNONYMS.get(words, words).replace(" ", "_")
    return words if words in CHANNELS else None


def received_at(value: str) -> datetime | None:
    """'2026-12-08 09:15', '08/12/2026 09.15', '8 Desember 2026 pukul 09.15 WIB' as an aware datetime
    (WIB); None when unreadable."""
    text = " ".join(re.sub(r"\b(?:pukul|jam|wib)\b\.?", " ", value.lower()).split())
    for n, pattern in enumerate(_WHEN):
        found = pattern.match(text)
        if not found:
            continue
        a, b, c, hour, minute = found.groups()
        if n == 2:
            month = next((i + 1 for i, name in enumerate(_MONTHS) if name.startswith(b[:3])), None)
            if month is None:
                return None
            year, day = int(c), int(a)
        else:
            year, month, day = (int(a), int(b), int(c)) if n == 0 else (int(c), int(b), int(a))
        try:
            return datetime(year, month, day, int(hour), int(minute), tzinfo=WIB)
        except ValueError:
            return None
    return None


def _written_at(mail: Mail, now: datetime) -> datetime:
    """When the staff member wrote the mail: its Date when plausible (a backlog handled later must
    not make a DITERIMA after it acceptable), else now."""
    if mail.date is not None and now - PLAUSIBLE_DATE <= mail.date <= now + GRACE:
        return mail.date
    return now


def entry_for(desk, mail: Mail, header: Header, now: datetime) -> Entry | Refusal:
    opds = desk.registry.named(header.opd)
    if len(opds) != 1:
        suggestions = tuple(opds) or tuple(desk.registry.find(header.opd, cutoff=0.5)[:5])
        return Refusal("ambiguous_opd" if opds else "unknown_opd", header.opd, suggestions)
    opd = opds[0]
    if opd.pj is None:
        return Refusal("no_pj", opd.name)
    channel = channel_of(header.channel)
    if channel is None:
        return Refusal("channel", header.channel or "")
    when = None
    if header.received is not None:
        when = received_at(header.received)
        if when is None:
            return Refusal("received_unreadable", header.received)
        written = _written_at(mail, now)
        if when > written + GRACE:
            return Refusal("received_future", header.received)
        if written - when > MAX_AGE:
            return Refusal("received_too_old", header.received)
    return Entry(opd=opd, channel=channel, entered_by=mail.sender, contact=header.contact, received_at=when,
                 text=header.request)


def refuse(desk, s: Session, mail: Mail, header: Header, refusal: Refusal) -> str:
    """Tell the staff member why no ticket was made; the reason for ``messages``."""
    notify.send(desk, s, "on_behalf_refused", [mail.sender], {
        "reason": refusal.reason, "detail": refusal.detail, "suggestions": list(refusal.suggestions),
        "opd_text": header.opd, "channels": [c.replace("_", " ") for c in CHANNELS], "subject": mail.subject,
        "max_days": MAX_AGE.days}, kind="on_behalf_refused", ticket=None, in_reply_to=mail.message_id,
        references=mail.references)
    return f"on_behalf_refused: {refusal.reason} ({refusal.detail[:100]})"



def handle(desk, s: Session, mail: Mail) -> Entry | str | None:
    """A staff member's ATAS NAMA message: the entry to open a ticket with, or the reason it was
    refused (the staff member is told); None for any other message."""
    header = read_header(mail.text) if is_staff(desk, mail.sender) else None
    if header is None:
        return None
    entry = entry_for(desk, mail, header, desk.clock.now())
    if isinstance(entry, Refusal):
        return refuse(desk, s, mail, header, entry)
    return entry
