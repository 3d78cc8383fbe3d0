"""Dispositions: one step's request mail and the token its reply must carry.

Each request gets an unguessable token, an HMAC of (ticket, step, nonce) under the service's
secret. The full token sits in the request's Message-ID, which every mail client repeats in
In-Reply-To/References; a short form ("Kode balasan: ABCD-EFGH") sits in the body for the
clients that drop references. A reply counts only with the token of a request still open.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets

from sqlalchemy import select
from sqlalchemy.orm import Session

from mailproc.mail.parse import Mail
from mailproc.store.models import Disposition, Ticket

_ID = re.compile(r"<mailproc\.(JIP-\d{4}-\d+)\.([a-z]+)\.([0-9a-f]{32})@", re.IGNORECASE)
_SHORT = re.compile(r"\b([A-Z2-7]{4})-([A-Z2-7]{4})\b")


def make_token(secret: bytes, code: str, step: str, nonce: str) -> str:
    return hmac.new(secret, f"{code}|{step}|{nonce}".encode(), hashlib.sha256).hexdigest()[:32]


def short_code(token: str) -> str:
    text = base64.b32encode(bytes.fromhex(token)[:5]).decode()
    return f"{text[:4]}-{text[4:8]}"


def message_id_for(code: str, step: str, token: str, domain: str) -> str:
    return f"<mailproc.{code}.{step}.{token}@{domain}>"


def open_request(desk, s: Session, ticket: Ticket, step: str, first: bool = False) -> Disposition:
    """A new request for ``step``: earlier open requests of the ticket are closed (superseded).

    ``first``: the ticket was opened in this transaction, so there are none to close.
    """
    now = desk.clock.now()
    if not first:
        for earlier in s.scalars(select(Disposition).where(Disposition.ticket_id == ticket.id,
                                                           Disposition.decided_at.is_(None))):
            earlier.decided_at, earlier.decision = now, "superseded"
    token = make_token(desk.config.secret, ticket.code, step, secrets.token_hex(16))
    domain = desk.config.service.address.rsplit("@", 1)[-1]
    disposition = Disposition(ticket_id=ticket.id, step=step, token=token, requested_at=now,
                              message_id=message_id_for(ticket.code, step, token, domain))
    s.add(disposition)   # flushed with the rest of the transaction: nothing here needs its id
    return disposition


def proven_request(s: Session, ticket: Ticket, mail: Mail) -> tuple[Disposition | None, str]:
    """The open request of ``ticket`` this mail proves it answers, and how (or why not)."""
    open_requests = s.scalars(select(Disposition).where(Disposition.ticket_id == ticket.id,
                                                        Disposition.decided_at.is_(None))).all()
    found, how, claimed = _carried(ticket, mail, open_requests)
    if found is not None:
        return found, how
    if claimed:
        return None, "token of a request that is closed, superseded or of another ticket"
    return None, "no token of an open request in references or text"


def carried_request(s: Session, ticket: Ticket, mail: Mail) -> Disposition | None:
    """The request of ``ticket``, open or closed, whose token this mail carries."""
    requests = s.scalars(select(Disposition).where(Disposition.ticket_id == ticket.id)
                         .order_by(Disposition.id.desc())).all()
    return _carried(ticket, mail, requests)[0]


def _carried(ticket: Ticket, mail: Mail, requests) -> tuple[Disposition | None, str, bool]:
    """The one of ``requests`` whose token the mail carries, how, and whether it claims any token."""
    claimed = False
    for mid in mail.thread_ids:
        found = _ID.search(mid)
        if not found or found.group(1).upper() != ticket.code:
            continue
        claimed = True
        for d in requests:
            if d.step == found.group(2) and hmac.compare_digest(d.token, found.group(3).lower()):
                return d, "token in references", True
    text = f"{mail.subject}\n{mail.text}"
    for a, b in _SHORT.findall(text):
        claimed = True
        for d in requests:
            if hmac.compare_digest(short_code(d.token), f"{a}-{b}"):
                return d, "short code in text", True
    return None, "", claimed
