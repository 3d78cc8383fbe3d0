"""Test helpers for the disposition chain: find the mails mailproc queued, and answer them the way
a person's mail client would (quoting the original, threading by Message-ID)."""
from __future__ import annotations

import email
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from sqlalchemy import select

from mailproc.intake.inbound import Inbound, Origin
from mailproc.store.models import OutboxMessage, Ticket

KADIS = "kadis@lampungbaratkab.go.id"
KABID = "kabid.aptika@lampungbaratkab.go.id"
PRAKOM = "prakom@lampungbaratkab.go.id"
RAHMAT = "rahmat.hidayat@lampungbaratkab.go.id"
SITI = "siti.nurhaliza@lampungbaratkab.go.id"
REQUESTER = "umum@diskes.lampungbaratkab.go.id"

REPORT = ("SELESAI\nRingkasan Pekerjaan: Mengganti konektor RJ45 kabel uplink dan menguji koneksi\n"
          "Ringkasan Masalah: Konektor kabel uplink ke switch rusak\n"
          "Alternatif Solusi: Memasang pelindung kabel di jalur kabel\n"
          "Lokasi: Ruang server Puskesmas Liwa")


def outbox(desk, address: str | None = None, kind: str | None = None) -> list[OutboxMessage]:
    with desk.sessions() as s:
        rows = list(s.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))
    return [r for r in rows if (address is None or address in r.recipients) and (kind is None or r.kind == kind)]


def last_to(desk, address: str, kind: str | None = None) -> OutboxMessage:
    rows = outbox(desk, address, kind)
    assert rows, f"no mail to {address} ({kind})"
    return rows[-1]


def parsed(row_or_raw) -> EmailMessage:
    raw = row_or_raw.raw if hasattr(row_or_raw, "raw") else row_or_raw
    return email.message_from_bytes(raw, policy=policy.default)


def plain(row_or_raw) -> str:
    return parsed(row_or_raw).get_body(("plain",)).get_content()


def reply_to(original, sender: str, text: str, *, quote: bool = True, subject: str | None = None,
             thread: bool = True, headers: dict | None = None, html: str | None = None) -> bytes:
    """A reply as Gmail would write it: typed text, an attribution line, the quoted original."""
    msg = parsed(original)
    body = text
    if quote:
        quoted = "\n".join("> " + line for line in plain(original).splitlines())
        body += f"\n\nPada {msg['Date']} {msg['From']} menulis:\n{quoted}\n"
    reply = EmailMessage()
    reply["From"] = sender
    reply["To"] = "aptika@lampungbaratkab.go.id"
    reply["Subject"] = subject if subject is not None else "Re: " + msg["Subject"]
    reply["Date"] = format_datetime(__import__("datetime").datetime(2026, 11, 27, 9, 5).astimezone())
    reply["Message-ID"] = make_msgid(domain=sender.split("@")[1])
    if thread:
        reply["In-Reply-To"] = msg["Message-ID"]
        reply["References"] = msg["Message-ID"]
    for key, value in (headers or {}).items():
        reply[key] = value
    reply.set_content(body)
    if html:
        reply.add_alternative(html, subtype="html")
    return bytes(reply)


def answer(desk, step_address: str, sender: str, text: str, kind: str | None = None, **kw):
    """Reply to the newest mail queued for ``step_address`` and hand the reply to mailproc."""
    return Inbound(desk).handle(reply_to(last_to(desk, step_address, kind), sender, text, **kw), Origin("ingest"))


def ticket(desk, code: str = "JIP-2026-0001") -> Ticket:
    with desk.sessions() as s:
        t = s.scalar(select(Ticket).where(Ticket.code == code))
        _ = t.events, t.assignees
        return t
