"""Registration: a sender outside the registry, registered for an OPD by the Pranata Komputer's reply.

A new request from an address neither in the allowed domains nor in ``rules/opd.toml`` (nor
registered before), when ``[senders] unregistered = "ask"`` and the message is authenticated
(``intake.authentication``): the message is kept (outcome ``awaiting_registration``), the sender is
told so at most once a day, and the Pranata Komputer gets one registration request per address,
with the OPD the signature or letterhead names. The request carries a token like a disposition
request (in its Message-ID and as "Kode balasan"); the Prakom (or a delegate) answers
``DAFTARKAN`` (the guessed OPD), ``DAFTARKAN <OPD>`` or ``TOLAK``. A registration turns every kept
message of that address into a ticket, oldest first; a refusal is told to the sender once. A reply
without the token, or from anyone else, changes nothing. Unauthenticated senders get nothing.
"""
from __future__ import annotations

import re
import secrets
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from mailproc.chain import notify, workflow
from mailproc.chain.dispositions import make_token, short_code
from mailproc.intake.authentication import authenticated
from mailproc.mail.parse import Mail, parse_mail
from mailproc.store.archive import Archive
from mailproc.store.models import (AWAITING_REGISTRATION, IGNORED, TICKET, InboundMessage, OutboxMessage,
                                   SenderRegistration)
from mailproc.store.tickets import record

PENDING, REGISTERED, REFUSED = "pending", "registered", "refused"
ANSWER_EVERY = timedelta(hours=24)
EXCERPT = 1500

_ID = re.compile(r"<mailproc\.registration\.([0-9a-f]{32})@", re.IGNORECASE)
_SHORT = re.compile(r"\b([A-Z2-7]{4}-[A-Z2-7]{4})\b")
_DECISION = re.compile(r"^\W*(daftarkan|tolak)\b[\s:,.\-]*(.*)$", re.IGNORECASE)


def on_unregistered(desk, s: Session, mail: Mail, row: InboundMessage) -> str | None:
    """Keep an authenticated request from an unregistered sender and ask the Prakom; the reason for
    ``messages``, or None when the flow does not apply (the message is ignored as before)."""
    if desk.config.senders.unregistered != "ask" or not authenticated(mail, desk.config.senders.authserv_ids):
        return None
    latest = _latest(s, mail.sender)
    if latest is not None and latest.status == REFUSED:
        return None
    if not desk.intent.detect(mail.subject, mail.text).is_request:
        return None
    if not _answered_lately(desk, s, mail.sender):
        notify.send(desk, s, "registration_pending", [mail.sender], {
            "subject": mail.subject, "allowed_domains": desk.config.service.allowed_domains},
            kind="registration_pending", ticket=None, in_reply_to=mail.message_id, references=mail.references)
    if latest is None or latest.status != PENDING:
        _ask_prakom(desk, s, mail, row)
    return "sender not registered: kept until the Pranata Komputer registers it"


def _latest(s: Session, address: str) -> SenderRegistration | None:
    return s.scalar(select(SenderRegistration).where(SenderRegistration.address == address)
                    .order_by(SenderRegistration.id.desc()).limit(1))


def _answered_lately(desk, s: Session, address: str, kind: str = "registration_pending",
                     within: timedelta = ANSWER_EVERY) -> bool:
    """Did ``address`` get a mail of this kind lately (the sender: that their mail is kept, once a day;
    the Prakom: that an answer was not understood, once an hour, so no robot keeps it going)?"""
    since = desk.clock.now() - within
    sent = s.scalars(select(OutboxMessage.recipients).where(
        OutboxMessage.kind == kind, OutboxMessage.created_at >= since))
    return any(address in recipients for recipients in sent)


def _prakom(desk):
    return desk.config.roles["prakom"]


def _ask_prakom(desk, s: Session, mail: Mail, row: InboundMessage) -> None:
    now = desk.clock.now()
    token = make_token(desk.config.secret, "registration", mail.sender, secrets.token_hex(16))
    domain = desk.config.service.address.rsplit("@", 1)[-1]
    guess = desk.registry.named_in(mail.text)
    registration = SenderRegistration(address=mail.sender, status=PENDING, guessed_opd=guess.key if guess else None,
                                      token=token, message_id=f"<mailproc.registration.{token}@{domain}>",
                                      requested_at=now)
    s.add(registration)
    text = mail.text.strip()
    prakom = _prakom(desk)
    notify.send(desk, s, "registration_request", [prakom.email], {
        "sender": mail.sender, "sender_name": mail.sender_name, "subject": mail.subject,
        "received_at": row.received_at, "excerpt": text[:EXCERPT], "cut": len(text) > EXCERPT,
        "attachments": [a.filename for a in row.attachments], "guess": guess, "code": short_code(token)},
        cc=list(prakom.delegates) if prakom.cc_delegates else [], kind="registration_request", ticket=None,
        message_id=registration.message_id, answering=False)


# -- the Prakom's answer ----------------------------------------------------------------------------

def on_reply(desk, s: Session, mail: Mail, row: InboundMessage) -> str | None:
    """Handle an answer to a registration request; None when the mail is not one."""
    registration, claimed = _proven(s, mail)
    may_decide = _may_decide(desk, mail.sender)
    if registration is None:
        if claimed:
            return "registration reply with a token of no open registration request: changes nothing"
        if may_decide and _DECISION.match(_first_line(mail.text)):
            return "registration decision without the request's token: changes nothing"
        return None
    if not may_decide:
        return f"registration reply from {mail.sender}, who is not the Pranata Komputer: changes nothing"
    from mailproc.chain.replies import extract_reply   # start-up: mail-parser-reply, only for replies
    typed = extract_reply(mail.text_part, mail.html)
    decision = _DECISION.match(_first_line(typed))
    if decision is None:
        _answer(desk, s, mail, registration, "unclear")
        return "registration reply without DAFTARKAN or TOLAK"
    if decision.group(1).lower() == "tolak":
        return _refuse(desk, s, mail, registration)
    named = decision.group(2).strip()
    opds = desk.registry.named(named) if named else ([desk.registry.get(registration.guessed_opd)]
                                                    if registration.guessed_opd else [])
    if len(opds) != 1 or opds[0] is None:
        suggestions = opds if len(opds) > 1 else desk.registry.find(named, cutoff=0.5)[:5] if named else []
        _answer(desk, s, mail, registration, "unknown_opd", named=named, suggestions=suggestions)
        return f"registration reply names no single OPD ({named or 'no guess to accept'})"
    return _register(desk, s, mail, registration, opds[0])


def _first_line(text: str) -> str:
    return next((line for line in (text or "").splitlines() if line.strip()), "")


def _may_decide(desk, address: str) -> bool:
    prakom = _prakom(desk)
    return address == prakom.email or address in prakom.delegates


def _proven(s: Session, mail: Mail) -> tuple[SenderRegistration | None, bool]:
    """The pending registration whose token the mail carries, and whether it claimed any token."""
    tokens = [found.group(1).lower() for mid in mail.thread_ids if (found := _ID.search(mid))]
    if tokens:
        found = s.scalar(select(SenderRegistration).where(SenderRegistration.token.in_(tokens),
                                                          SenderRegistration.status == PENDING))
        return found, True
    codes = set(_SHORT.findall(f"{mail.subject}\n{mail.text}"))
    if not codes:
        return None, False
    for registration in s.scalars(select(SenderRegistration).where(SenderRegistration.status == PENDING)):
        if short_code(registration.token) in codes:
            return registration, True
    return None, False


def _decide(desk, mail: Mail, registration: SenderRegistration, status: str) -> None:
    registration.status, registration.decided_at, registration.decided_by = status, desk.clock.now(), mail.sender


def _kept(s: Session, address: str) -> list[InboundMessage]:
    return list(s.scalars(select(InboundMessage).where(
        InboundMessage.from_addr == address, InboundMessage.outcome == AWAITING_REGISTRATION)
        .order_by(InboundMessage.received_at, InboundMessage.id)))


def _register(desk, s: Session, mail: Mail, registration: SenderRegistration, opd) -> str:
    _decide(desk, mail, registration, REGISTERED)
    registration.opd_key = opd.key
    s.flush()   # the registry's lookup (in open_ticket) sees the address from here on
    archive = Archive(desk.storage)
    codes = []
    for kept in _kept(s, registration.address):
        request = parse_mail(archive.get("raw", kept.raw_sha256))
        refused = [a.refused_reason for a in kept.attachments if not a.stored and a.refused_reason]
        ticket = workflow.open_ticket(desk, s, request, kept, refused_attachments=refused)
        record(s, ticket, desk.clock.now(), mail.sender, "sender_registered",
               f"{registration.address} didaftarkan untuk {opd.name}; pesan diterima {kept.received_at.isoformat()}")
        kept.outcome, kept.reason = TICKET, f"sender registered for {opd.key} by {mail.sender}"
        codes.append(ticket.code)
    _answer(desk, s, mail, registration, "registered", opd=opd, codes=codes)
    return f"sender {registration.address} registered for {opd.key}: tickets {', '.join(codes) or 'none'}"


def _refuse(desk, s: Session, mail: Mail, registration: SenderRegistration) -> str:
    _decide(desk, mail, registration, REFUSED)
    kept = _kept(s, registration.address)
    for row in kept:
        row.outcome, row.reason = IGNORED, f"sender refused by {mail.sender}"
    notify.send(desk, s, "registration_refused", [registration.address], {
        "allowed_domains": desk.config.service.allowed_domains, "count": len(kept)},
        kind="registration_refused", ticket=None)
    _answer(desk, s, mail, registration, "refused", count=len(kept))
    return f"sender {registration.address} refused"


def _answer(desk, s: Session, mail: Mail, registration: SenderRegistration, what: str, **context) -> None:
    """Tell the Prakom what their answer did (or why it did nothing: at most once an hour)."""
    if what in ("unclear", "unknown_opd") and _answered_lately(desk, s, mail.sender, "registration_unclear",
                                                               timedelta(hours=1)):
        return
    guess = desk.registry.get(registration.guessed_opd) if registration.guessed_opd else None
    notify.send(desk, s, "registration_answer", [mail.sender], {
        "what": what, "address": registration.address, "guess": guess, "code": short_code(registration.token),
        **context}, kind="registration_unclear" if what in ("unclear", "unknown_opd") else "registration_answer",
        ticket=None, in_reply_to=mail.message_id,
        references=[registration.message_id, *mail.references])
