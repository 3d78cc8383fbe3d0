"""Delivery: the mails around a Berita Acara, queued in the caller's transaction.

The PDF goes to the requester's penanggung jawab only (and to the requester when they are that
person, or when ``copy_to_requester`` is set). Nobody else ever gets it: not the officials, not
the officers. The delivery mail is the PJ's disposition request: its Message-ID carries the token
that the PJ's answer (BELUM SELESAI / NILAI) must carry back.
"""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from mailproc.chain.dispositions import short_code
from mailproc.documents.issuance import Addressee, Issued
from mailproc.chain.notify import category_name, send
from mailproc.outbox.compose import FileToAttach
from mailproc.mail.parse import Mail
from mailproc.store.models import Disposition, OutboxMessage, Ticket

KIND_DELIVERY = "berita_acara"
KIND_REGISTRY = "registry_incomplete"


def _context(ticket: Ticket) -> dict:
    return {"ticket": ticket, "category_name": category_name(ticket)}


def reopen_until(desk, issued_at):
    """The last instant at which BELUM SELESAI still reopens the ticket."""
    cal = desk.calendar
    return cal.add(issued_at, minutes=desk.config.berita_acara.reopen_within_days * cal.full_day_minutes)


def recipients(desk, ticket: Ticket, pj: Addressee) -> tuple[list[str], list[str]]:
    """(to, cc) of the delivery: the PJ; the requester as a copy only when configured."""
    cc = []
    if desk.config.berita_acara.copy_to_requester and ticket.requester_email != pj.email:
        cc.append(ticket.requester_email)
    return [pj.email], cc


def send_berita_acara(desk, s: Session, ticket: Ticket, issued: Issued, disposition: Disposition) -> None:
    document = issued.document
    to, cc = recipients(desk, ticket, issued.pj)
    attachment = FileToAttach(f"Berita-Acara-{ticket.code}-v{document.version}.pdf", "application/pdf", issued.pdf)
    send(desk, s, "berita_acara_delivery", to, {
        **_context(ticket), "pj": issued.pj, "document": document, "code": short_code(disposition.token),
        "reopen_days": desk.config.berita_acara.reopen_within_days,
        "reopen_until": reopen_until(desk, document.issued_at), "copied": cc},
        cc=cc, kind=KIND_DELIVERY, ticket=ticket, message_id=disposition.message_id,
        attachments=[attachment], answering=False)


def ask_registry_once(desk, s: Session, ticket: Ticket) -> bool:
    """Ask the Pranata Komputer to register the PJ, once per OPD (or per sender without an OPD)."""
    opd = desk.registry.get(ticket.opd_key) if ticket.opd_key else None
    who = f"{opd.name} ({opd.key})" if opd else f"<{ticket.requester_email}>"
    asked = s.scalar(select(OutboxMessage.id).where(OutboxMessage.kind == KIND_REGISTRY,
                                                    OutboxMessage.subject.endswith(who, autoescape=True)).limit(1))
    if asked is not None:
        return False
    prakom = desk.config.roles["prakom"]
    send(desk, s, "registry_incomplete", [prakom.email], {
        **_context(ticket), "who": who, "opd": opd, "prakom": prakom}, kind=KIND_REGISTRY, ticket=ticket,
        answering=False)
    return True


def answer(desk, s: Session, ticket: Ticket, mail: Mail, what: str, *, cc: list[str] = (), **extra) -> None:
    """Acknowledge the PJ's answer (``rated``, ``reopened``, ``reopen_late``)."""
    send(desk, s, "berita_acara_answer", [mail.sender], {**_context(ticket), "what": what, "audience": "pj",
          "reopen_days": desk.config.berita_acara.reopen_within_days, **extra},
          cc=[a for a in cc if a != mail.sender], kind=f"ba_{what}", ticket=ticket, in_reply_to=mail.message_id,
          references=mail.references)


def tell_officers_reopened(desk, s: Session, ticket: Ticket, work_order: Disposition, reason: str, pj_email: str) -> None:
    """Why the work is back: a note on the thread of the new work order (which carries the token)."""
    send(desk, s, "berita_acara_answer", [a.email for a in ticket.assignees], {
        **_context(ticket), "what": "reopened", "audience": "officers", "reason": reason, "pj_email": pj_email,
        "code": short_code(work_order.token), "reopen_days": desk.config.berita_acara.reopen_within_days},
        kind="ba_reopened_officers", ticket=ticket, in_reply_to=work_order.message_id, answering=False)


def alert_unsigned(desk, s: Session, ticket: Ticket, reason: str) -> None:
    send(desk, s, "admin_alert", [desk.config.service.admin_email], {
        "problem": f"Berita Acara tiket {ticket.code} diterbitkan TANPA tanda tangan elektronik: "
                   "kunci penandatanganan tidak dapat dipakai.",
        "detail": reason, "next_attempt": None}, kind="admin_alert", ticket=ticket, answering=False)
