"""Completion: what follows an accepted SELESAI report, and the PJ's answer to the Berita Acara.

On completion the next version of the Berita Acara is issued (``issuance``) and mailed to the
requester's penanggung jawab alone, as the PJ's disposition request (``delivery``). The PJ answers
on that request's token: ``BELUM SELESAI <alasan>`` within ``reopen_within_days`` working days
reopens the ticket (the officers get a new work order; the next SELESAI issues a new version and
supersedes the old one); later, the PJ is asked to send a new request. ``NILAI 1-5 [komentar]``
records satisfaction. Nothing else from the PJ is handled here. A reopen that is allowed is
returned to the workflow as a ``Reopen``: only the workflow changes a ticket's status.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from sqlalchemy.orm import Session

from mailproc.chain import delivery, dispositions
from mailproc.chain.states import PJ
from mailproc.documents import issuance
from mailproc.mail.parse import Mail
from mailproc.store.models import Event, InboundMessage, Ticket
from mailproc.store.tickets import record

ISSUED = "berita_acara_issued"
_BARE_REOPEN = re.compile(r"\W*(?:belum|tidak|blm)\s+selesai\W*", re.IGNORECASE)  # the keyword, no reason


def on_completed(desk, s: Session, ticket: Ticket) -> None:
    """Issue the Berita Acara of a ticket that just became ``done`` and mail it to the PJ."""
    issued = issuance.issue(desk, s, ticket)
    document, pj = issued.document, issued.pj
    disposition = dispositions.open_request(desk, s, ticket, PJ)
    delivery.send_berita_acara(desk, s, ticket, issued, disposition)
    to, cc = delivery.recipients(desk, ticket, pj)
    record(s, ticket, desk.clock.now(), desk.config.service.address, ISSUED,
           f"Berita Acara versi {document.version} dikirim kepada {pj.email}"
           + (" (pemohon sebagai penanggung jawab pengganti)" if pj.stand_in else ""),
           data={"version": document.version, "sha256": document.sha256, "verification_code": document.verification_code,
                 "pj": pj.email, "stand_in": pj.stand_in, "signed": document.signed, "recipients": to + cc,
                 "officers_left_out": list(issued.officers_left_out)})
    if pj.stand_in:
        delivery.ask_registry_once(desk, s, ticket)
    if issued.unsigned_reason:
        delivery.alert_unsigned(desk, s, ticket, issued.unsigned_reason)


def _issued_to(ticket: Ticket) -> str | None:
    """The address the latest Berita Acara went to (the PJ then, even if the registry changed since)."""
    event: Event | None = next((e for e in reversed(ticket.events) if e.action == ISSUED), None)
    return (event.data or {}).get("pj") if event else None


def on_requester_reply(desk, s: Session, ticket: Ticket, mail: Mail, row: InboundMessage, typed: str) -> "str | Reopen | None":
    """The PJ's answer to the Berita Acara (BELUM SELESAI / NILAI); None when it is not one."""
    pj_email = _issued_to(ticket)
    if pj_email is None:
        return None
    decision = desk.grammar.read(typed, PJ)
    now = desk.clock.now()
    disposition, how = dispositions.proven_request(s, ticket, mail)
    if mail.sender != pj_email or disposition is None or disposition.step != PJ:
        if decision.kind != "rate":
            return None     # the workflow's own handling (BELUM SELESAI from others: reported again)
        why = (f"{mail.sender} is not the PJ ({pj_email})" if mail.sender != pj_email
               else f"no open Berita Acara request: {how}")
        record(s, ticket, now, mail.sender, "rating_not_counted", why, inbound_id=row.id,
               data={"decision": decision.kind, "evidence": decision.evidence[:500]})
        delivery.answer(desk, s, ticket, mail, "not_counted")
        return f"rating not counted: {why}"
    evidence = {"decision": decision.kind, "evidence": decision.evidence[:500], "via": disposition.message_id}
    if decision.kind == "rate":
        ticket.rating, ticket.rating_comment = decision.rating, (decision.reason or None)
        record(s, ticket, now, mail.sender, "rated", f"{decision.rating}/5 {decision.reason}".strip()[:2000],
               inbound_id=row.id, data=evidence)
        delivery.answer(desk, s, ticket, mail, "rated", rating=decision.rating, comment=decision.reason)
        return f"rated {decision.rating}"
    if decision.kind == "reopen":
        if _BARE_REOPEN.fullmatch(decision.reason):
            decision = replace(decision, reason="")
        return _reopen(desk, s, ticket, disposition, decision, mail, row, evidence)
    return None


@dataclass(frozen=True)
class Reopen:
    """The PJ's BELUM SELESAI, within the window: for the workflow to carry out."""
    disposition: object
    reason: str
    rating: int | None
    evidence: dict
    version: int


def _reopen(desk, s: Session, ticket: Ticket, disposition, decision, mail: Mail, row: InboundMessage,
            evidence: dict) -> str | Reopen:
    now = desk.clock.now()
    cal = desk.calendar
    document = issuance.current_document(s, ticket)
    deadline = delivery.reopen_until(desk, document.issued_at)
    if cal.working_minutes_between(document.issued_at, now) > desk.config.berita_acara.reopen_within_days * cal.full_day_minutes:
        if decision.rating is not None:
            ticket.rating = decision.rating
        record(s, ticket, now, mail.sender, "reopen_refused",
               f"BELUM SELESAI setelah batas {desk.config.berita_acara.reopen_within_days} hari kerja: {decision.reason}"[:2000],
               inbound_id=row.id, data={**evidence, "deadline": deadline.isoformat()})
        delivery.answer(desk, s, ticket, mail, "reopen_late", reason=decision.reason, deadline=deadline)
        return "reopen refused: the window has passed"
    return Reopen(disposition, decision.reason, decision.rating, evidence, document.version)
