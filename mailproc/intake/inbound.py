"""Inbound: one raw message through keep → parse → guard → route → act, in one transaction.

Both doors (IMAP and ``ingest``) call ``Inbound.handle``. The raw bytes are archived before the
database is touched, so nothing is ever lost; the ticket change, its timeline event and the mail
it causes are committed together; a message seen before (same Message-ID, or same mailbox UID)
changes nothing.
"""
from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from mailproc.core.checkpoints import checkpoint
from mailproc.intake.letter.reading import NO_LETTER, LetterReading, has_letter_like, read_letter
from mailproc.store.tickets import record
from mailproc.chain import workflow
from mailproc.intake import on_behalf, registration, status
from mailproc.chain.route import find_thread
from mailproc.store.archive import Archive
from mailproc.mail.parse import Mail, UnreadableMail, parse_mail
from mailproc.store.models import (AWAITING_REGISTRATION, DUPLICATE, FOLLOWUP, IGNORED, PENDING, QUARANTINED,
                                   TICKET, Attachment, InboundMessage)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Result:
    outcome: str                 # ticket | followup | ignored | quarantined | duplicate
    reason: str = ""
    ticket: str | None = None    # ticket code
    inbound_id: int | None = None

    @property
    def quarantined(self) -> bool:
        return self.outcome == QUARANTINED


@dataclass(frozen=True)
class Origin:
    source: str                  # "imap" | "ingest"
    mailbox: str | None = None
    uidvalidity: int | None = None
    uid: int | None = None


class Inbound:
    def __init__(self, desk):
        self.desk = desk
        self.archive = Archive(desk.storage)

    def handle(self, raw: bytes, origin: Origin) -> Result:
        """Handle one message. A mailbox UID seen before is the door's to skip (one query a batch);
        a UID recorded meanwhile by another worker fails the insert and is found by ``_recorded``."""
        sha = hashlib.sha256(raw).hexdigest()
        # From a mailbox the message stays on the server (moved to Processed, never deleted), so the
        # archive copy need not be synced to disk before the commit; piped mail exists only here.
        self.archive.put("raw", raw, sha, durable=origin.source != "imap")
        try:
            mail = parse_mail(raw)
        except UnreadableMail as exc:
            return self._quarantine(raw, sha, origin, str(exc))
        reading = self._read_letter(mail)
        try:
            with self.desk.transaction() as s:
                if origin.source == "imap" and s.bind.dialect.name == "postgresql":
                    # The door commits synchronously once per batch before it files the batch's
                    # mail (MailboxDoor._remember), which makes these commits durable too.
                    s.execute(text("SET LOCAL synchronous_commit = off"))
                result = self._handle(s, mail, origin, reading)
                checkpoint("transaction")   # tests: a kill just before COMMIT
            if result.outcome != DUPLICATE:   # after the commit: the log tells what is in the database
                log.info("message %s from %s: %s (%s)%s", mail.message_id, mail.sender, result.outcome, result.reason,
                         f" -> {result.ticket}" if result.ticket else "")
            return result
        except IntegrityError:
            # Another worker recorded the same Message-ID or UID first: that one handles it. Any
            # other conflict is a fault: raise, and the message stays to be tried again.
            if self._recorded(mail, origin):
                return Result(DUPLICATE, "handled concurrently by another worker")
            raise

    # -- steps -------------------------------------------------------------------------------

    def quarantine(self, raw: bytes, origin: Origin, reason: str) -> Result:
        """Record a message as quarantined with ``reason`` (e.g. its handling kept failing)."""
        sha = hashlib.sha256(raw).hexdigest()
        self.archive.put("raw", raw, sha)
        return self._quarantine(raw, sha, origin, reason)

    def _quarantine(self, raw: bytes, sha: str, origin: Origin, reason: str) -> Result:
        log.warning("quarantined message sha256=%s: %s", sha[:12], reason)
        try:
            with self.desk.transaction() as s:
                if s.scalar(select(InboundMessage.id).where(InboundMessage.dedupe_key == f"sha256:{sha}")):
                    return Result(DUPLICATE, "unreadable message already quarantined")
                row = self._record(s, None, sha, len(raw), origin, QUARANTINED, reason, dedupe_key=f"sha256:{sha}")
                self._alert_admin_quarantine(s, row, reason)
                return Result(QUARANTINED, reason, inbound_id=row.id)
        except IntegrityError:
            return Result(DUPLICATE, "handled concurrently by another worker")

    def _read_letter(self, mail: Mail) -> LetterReading:
        """The attached letter of what may be a new request, read before the transaction opens (a
        scan takes seconds). Machine mail, replies on a ticket's thread, senders the policy refuses
        and messages seen before need none."""
        desk = self.desk
        refused = desk.guard.machine_mail(mail) or desk.guard.sender_allowed(
            mail.sender, desk.config.service.allowed_domains, desk.registry.lists_address(mail.sender))
        if refused is not None or not has_letter_like(mail):
            return NO_LETTER
        with desk.sessions() as s:
            seen = s.scalar(select(InboundMessage.id).where(
                InboundMessage.dedupe_key == (mail.message_id or f"sha256:{mail.sha256}")))
            if seen is not None or find_thread(s, mail) is not None:
                return NO_LETTER
        return read_letter(mail, desk.config.letters, desk.registry)

    def _handle(self, s: Session, mail: Mail, origin: Origin, reading: LetterReading = NO_LETTER) -> Result:
        dedupe_key = mail.message_id or f"sha256:{mail.sha256}"
        earlier = s.scalar(select(InboundMessage).where(InboundMessage.dedupe_key == dedupe_key))
        if earlier is not None:
            if _same_content(earlier, mail):
                return Result(DUPLICATE, f"Message-ID {mail.message_id} already handled", inbound_id=earlier.id)
            # A reused Message-ID with other content: a different message, kept apart.
            dedupe_key = f"{dedupe_key}#sha256:{mail.sha256}"
            if s.scalar(select(InboundMessage.id).where(InboundMessage.dedupe_key == dedupe_key)):
                return Result(DUPLICATE, "same bytes already handled")
        row = self._record(s, mail, mail.sha256, mail.size, origin, PENDING, None, dedupe_key=dedupe_key)
        refused = self._keep_attachments(s, row, mail)


        desk = self.desk
        refusal = desk.guard.machine_mail(mail)
        thread = find_thread(s, mail)
        if refusal is not None:
            if thread is not None:
                workflow.note_ignored(desk, s, thread.ticket, mail, row, str(refusal))
            return self._finish(row, IGNORED, str(refusal), thread.ticket.code if thread else None)
        question = status.read_question(desk, s, mail, thread)
        if question is not None:   # answered (or not) here: never a ticket, never the chain
            return self._finish(row, *status.answer(desk, s, mail, row, question))
        if thread is not None:
            reason = workflow.on_followup(desk, s, thread, mail, row)
            return self._finish(row, FOLLOWUP, reason, thread.ticket.code)

        decided = registration.on_reply(desk, s, mail, row)   # the Prakom's DAFTARKAN / TOLAK
        if decided is not None:
            return self._finish(row, FOLLOWUP, decided)
        entered = on_behalf.handle(desk, s, mail)   # staff: ATAS NAMA <OPD>
        if isinstance(entered, workflow.Entry):
            ticket = workflow.open_ticket(desk, s, mail, row, refused_attachments=refused, letter=reading.letter,
                                          entry=entered)
            return self._finish(row, TICKET, f"request entered by staff for {entered.opd.key} ({entered.channel})",
                                ticket.code)
        if entered is not None:
            return self._finish(row, IGNORED, entered)

        listed = desk.registry.lists_address(mail.sender, s)
        refusal = desk.guard.sender_allowed(mail.sender, desk.config.service.allowed_domains, listed)
        if refusal is not None:
            kept = registration.on_unregistered(desk, s, mail, row)
            if kept is not None:
                return self._finish(row, AWAITING_REGISTRATION, kept)
            return self._finish(row, IGNORED, str(refusal))

        intent = desk.intent.detect(mail.subject, mail.text, reading.letter_text)
        if not intent.is_request:
            return self._finish(row, IGNORED, intent.reason)

        if self._over_rate_limit(s, mail):
            workflow.explain_rate_limit(desk, s, mail, row)
            return self._finish(row, IGNORED, "rate_limited: too many requests from this sender in the last hour")

        ticket = workflow.open_ticket(desk, s, mail, row, refused_attachments=refused, letter=reading.letter)
        for filename, why in reading.unread:
            record(s, ticket, desk.clock.now(), desk.config.service.address, "letter_unread", f"{filename}: {why}")
        return self._finish(row, TICKET, "request", ticket.code)

    def _recorded(self, mail: Mail, origin: Origin) -> bool:
        with self.desk.sessions() as s:
            by_id = select(InboundMessage.id).where(InboundMessage.dedupe_key.in_(
                [mail.message_id or f"sha256:{mail.sha256}", f"{mail.message_id}#sha256:{mail.sha256}"]))
            if s.scalar(by_id) is not None:
                return True
            return origin.uid is not None and s.scalar(select(InboundMessage.id).where(
                InboundMessage.mailbox == origin.mailbox, InboundMessage.uidvalidity == origin.uidvalidity,
                InboundMessage.uid == origin.uid)) is not None

    def _finish(self, row: InboundMessage, outcome: str, reason: str, ticket: str | None = None) -> Result:
        row.outcome, row.reason = outcome, reason
        return Result(outcome, reason, ticket, row.id)

    def _record(self, s: Session, mail: Mail | None, sha: str, size: int, origin: Origin, outcome: str,
                reason: str | None, dedupe_key: str) -> InboundMessage:
        row = InboundMessage(
            dedupe_key=dedupe_key, raw_sha256=sha, raw_size=size, source=origin.source, mailbox=origin.mailbox,
            uidvalidity=origin.uidvalidity, uid=origin.uid, received_at=self.desk.clock.now(),
            outcome=outcome, reason=reason, to_addrs=[])
        if mail is not None:
            row.message_id, row.from_addr, row.from_name = mail.message_id, mail.sender, mail.sender_name
            row.to_addrs, row.subject, row.sent_date = list(mail.recipients), mail.subject, mail.date
            row.in_reply_to, row.references = mail.in_reply_to, " ".join(mail.references) or None
            row.body_text, row.auth_results = mail.text, mail.header("authentication-results") or None
        row.attachments = []   # a new message: its attachments are the ones added now, no query
        s.add(row)
        s.flush()
        return row

    def _keep_attachments(self, s: Session, row: InboundMessage, mail: Mail) -> list[str]:
        """Store what the limits allow; return an Indonesian line per refused attachment."""
        limits = self.desk.config.limits
        refused = []
        for part in mail.attachments:
            reason = None
            if part.size > limits.max_attachment_bytes:
                reason = (f"{part.filename}: ukuran {part.size / 1048576:.1f} MB melebihi batas "
                          f"{limits.max_attachment_bytes / 1048576:.0f} MB")
            elif part.extension in limits.blocked_extensions:
                reason = f"{part.filename}: jenis berkas .{part.extension} tidak diterima demi keamanan"
            if reason is None:
                self.archive.put("attachments", part.data, part.sha256, durable=row.source != "imap")
            else:
                refused.append(reason)
            row.attachments.append(Attachment(filename=part.filename, content_type=part.content_type,
                                              size=part.size, sha256=part.sha256, stored=reason is None,
                                              refused_reason=reason))
        return refused

    def _over_rate_limit(self, s: Session, mail: Mail) -> bool:
        limit = self.desk.config.limits.max_requests_per_sender_per_hour
        since = self.desk.clock.now() - timedelta(hours=1)
        count = s.scalar(select(func.count(InboundMessage.id)).where(
            InboundMessage.from_addr == mail.sender, InboundMessage.received_at >= since,
            InboundMessage.outcome == TICKET))
        return count >= limit

    def _alert_admin_quarantine(self, s: Session, row: InboundMessage, reason: str) -> None:
        """One alert an hour, however many broken messages arrive: `mailproc messages` lists them all."""
        admin = self.desk.config.service.admin_email
        since = self.desk.clock.now() - timedelta(hours=1)
        earlier = s.scalar(select(func.count(InboundMessage.id)).where(
            InboundMessage.outcome == QUARANTINED, InboundMessage.received_at >= since, InboundMessage.id != row.id))
        if not admin or earlier:
            return
        composer = self.desk.composer
        msg = composer.compose("admin_alert", [admin], {
            "problem": f"Pesan masuk tidak dapat dibaca dan dikarantina (sha256 {row.raw_sha256[:16]}…). "
                       "Pesan lain yang dikarantina dalam satu jam ke depan tidak diberitahukan satu per satu; "
                       "lihat `mailproc messages`.",
            "detail": reason, "next_attempt": None}, answering=False)
        composer.enqueue(s, msg, kind="admin_alert")


def _same_content(earlier: InboundMessage, mail: Mail) -> bool:
    return (earlier.raw_sha256 == mail.sha256 or
            (earlier.from_addr == mail.sender and (earlier.subject or "") == mail.subject
             and (earlier.body_text or "") == mail.text))

