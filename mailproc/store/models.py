"""The database schema: inbound mail, tickets and their timeline, the outbox, SLA and documents.

Timestamps are stored in UTC and always come back as aware datetimes (``UTCDateTime``).
Change the schema only together with a new Alembic revision in ``migrations/versions``.
"""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from sqlalchemy import (JSON, BigInteger, Boolean, DateTime, ForeignKey, Index, Integer, LargeBinary,
                        String, Text, TypeDecorator, UniqueConstraint)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class UTCDateTime(TypeDecorator):
    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the database; use aware datetimes")
        value = value.astimezone(timezone.utc)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


class Base(DeclarativeBase):
    type_annotation_map = {datetime: UTCDateTime, dict[str, Any]: JSON, list[Any]: JSON}


# Outcomes of an inbound message.
TICKET, FOLLOWUP, IGNORED, QUARANTINED, DUPLICATE, PENDING = (
    "ticket", "followup", "ignored", "quarantined", "duplicate", "pending")
AWAITING_REGISTRATION = "awaiting_registration"   # kept until the Pranata Komputer registers its sender


class InboundMessage(Base):
    """One message received by either door, with its parsed fields and what became of it."""
    __tablename__ = "inbound_messages"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dedupe_key: Mapped[str] = mapped_column(String(1000), unique=True)
    raw_sha256: Mapped[str] = mapped_column(String(64), index=True)
    raw_size: Mapped[int] = mapped_column(BigInteger)
    source: Mapped[str] = mapped_column(String(16))
    mailbox: Mapped[str | None] = mapped_column(String(200))
    uidvalidity: Mapped[int | None] = mapped_column(BigInteger)
    uid: Mapped[int | None] = mapped_column(BigInteger)
    received_at: Mapped[datetime] = mapped_column(index=True)
    message_id: Mapped[str | None] = mapped_column(String(1000), index=True)
    from_addr: Mapped[str | None] = mapped_column(String(320), index=True)
    from_name: Mapped[str | None] = mapped_column(String(500))
    to_addrs: Mapped[list[Any]] = mapped_column(default=list)
    subject: Mapped[str | None] = mapped_column(Text)
    sent_date: Mapped[datetime | None]
    in_reply_to: Mapped[str | None] = mapped_column(String(1000))
    references: Mapped[str | None] = mapped_column(Text)
    body_text: Mapped[str | None] = mapped_column(Text)
    auth_results: Mapped[str | None] = mapped_column(Text)
    outcome: Mapped[str] = mapped_column(String(32), index=True)
    reason: Mapped[str | None] = mapped_column(Text)
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"), index=True)
    attachments: Mapped[list["Attachment"]] = relationship(back_populates="message", lazy="selectin",
                                                           order_by="Attachment.id")
    __table_args__ = (UniqueConstraint("mailbox", "uidvalidity", "uid", name="uq_inbound_mailbox_uid"),
                      Index("ix_inbound_sender_time", "from_addr", "received_at"))


class Attachment(Base):
    __tablename__ = "attachments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("inbound_messages.id"), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(255))
    size: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64))
    stored: Mapped[bool] = mapped_column(Boolean, default=True)
    refused_reason: Mapped[str | None] = mapped_column(Text)
    message: Mapped[InboundMessage] = relationship(back_populates="attachments")


class TicketSequence(Base):
    """Gapless yearly ticket numbers: incremented inside the ticket's own transaction."""
    __tablename__ = "ticket_sequences"
    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last: Mapped[int] = mapped_column(Integer)


class Ticket(Base):
    __tablename__ = "tickets"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    status: Mapped[str] = mapped_column(String(20), index=True)
    held_from: Mapped[str | None] = mapped_column(String(20))
    hold_reason: Mapped[str | None] = mapped_column(Text)
    held_by: Mapped[str | None] = mapped_column(String(320))
    category: Mapped[str | None] = mapped_column(String(8))
    priority: Mapped[str] = mapped_column(String(10))
    needs_triage: Mapped[bool] = mapped_column(Boolean, default=False)
    classification: Mapped[list[Any]] = mapped_column(default=list)
    opd_key: Mapped[str | None] = mapped_column(String(64))
    opd_name: Mapped[str | None] = mapped_column(String(200))
    requester_email: Mapped[str] = mapped_column(String(320), index=True)
    requester_name: Mapped[str | None] = mapped_column(String(500))
    subject: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    message_id: Mapped[str | None] = mapped_column(String(1000), index=True)
    inbound_id: Mapped[int | None] = mapped_column(Integer)  # the request; no FK (inbound rows point here)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"))
    created_at: Mapped[datetime] = mapped_column(index=True)
    updated_at: Mapped[datetime]
    step_started_at: Mapped[datetime | None]
    due_at: Mapped[datetime | None] = mapped_column(index=True)
    resolution_due_at: Mapped[datetime | None]
    work_starts_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    report: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    rating: Mapped[int | None] = mapped_column(Integer)
    rating_comment: Mapped[str | None] = mapped_column(Text)
    letter: Mapped[dict[str, Any] | None] = mapped_column(JSON)   # the attached letter's facts (show --json)
    channel: Mapped[str] = mapped_column(String(20), default="email", server_default="email")
    entered_by: Mapped[str | None] = mapped_column(String(320))   # staff who entered it (ATAS NAMA)
    contact: Mapped[str | None] = mapped_column(Text)             # the named contact of an entered request
    events: Mapped[list["Event"]] = relationship(back_populates="ticket", order_by="Event.id",
                                                 cascade="all, delete-orphan")
    assignees: Mapped[list["Assignment"]] = relationship(back_populates="ticket", order_by="Assignment.id",
                                                         cascade="all, delete-orphan")


class Event(Base):
    """The timeline: every state change and every message on a ticket, with who and from which mail."""
    __tablename__ = "events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), index=True)
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(320))
    on_behalf_of: Mapped[str | None] = mapped_column(String(320))
    action: Mapped[str] = mapped_column(String(40))
    detail: Mapped[str] = mapped_column(Text, default="")
    inbound_id: Mapped[int | None] = mapped_column(ForeignKey("inbound_messages.id"))
    data: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    ticket: Mapped[Ticket] = relationship(back_populates="events")


class Disposition(Base):
    """One step's request to a role holder: the mail we sent and the token its reply must carry."""
    __tablename__ = "dispositions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), index=True)
    step: Mapped[str] = mapped_column(String(20))
    token: Mapped[str] = mapped_column(String(64), unique=True)
    message_id: Mapped[str] = mapped_column(String(1000), index=True)
    requested_at: Mapped[datetime]
    decided_at: Mapped[datetime | None]
    decision: Mapped[str | None] = mapped_column(String(20))
    decided_by: Mapped[str | None] = mapped_column(String(320))
    sent_to: Mapped[str | None] = mapped_column(String(320))   # the holder the request was mailed to


class Assignment(Base):
    __tablename__ = "assignments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    nip: Mapped[str] = mapped_column(String(20))
    email: Mapped[str] = mapped_column(String(320))
    ticket: Mapped[Ticket] = relationship(back_populates="assignees")


# Outbox statuses.
OUT_PENDING, OUT_SENDING, OUT_SENT, OUT_FAILED = "pending", "sending", "sent", "failed"


class OutboxMessage(Base):
    """Outgoing mail, written in the transaction that caused it and delivered later by the sender."""
    __tablename__ = "outbox"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime]
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    recipients: Mapped[list[Any]] = mapped_column()
    subject: Mapped[str] = mapped_column(Text)
    message_id: Mapped[str] = mapped_column(String(1000), unique=True)
    raw: Mapped[bytes] = mapped_column(LargeBinary)
    status: Mapped[str] = mapped_column(String(12))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime]
    claimed_at: Mapped[datetime | None]
    claimed_by: Mapped[str | None] = mapped_column(String(100))
    sent_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)
    __table_args__ = (Index("ix_outbox_due", "status", "next_attempt_at"),)


class MailboxState(Base):
    """Where the IMAP door stands in a folder: its UIDVALIDITY and the last UID handled."""
    __tablename__ = "mailbox_state"
    mailbox: Mapped[str] = mapped_column(String(400), primary_key=True)
    uidvalidity: Mapped[int] = mapped_column(BigInteger)
    last_uid: Mapped[int] = mapped_column(BigInteger, default=0)


class MailboxClaim(Base):
    """A mailbox message taken by one worker, so that several workers share one mailbox."""
    __tablename__ = "mailbox_claims"
    mailbox: Mapped[str] = mapped_column(String(400), primary_key=True)
    uidvalidity: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    uid: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    worker: Mapped[str] = mapped_column(String(100))
    claimed_at: Mapped[datetime]


class SlaNotice(Base):
    """A reminder, escalation or digest that was sent: recorded so that none is ever sent twice."""
    __tablename__ = "sla_notices"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    due_at: Mapped[datetime]
    sent_at: Mapped[datetime]


class Heartbeat(Base):
    """One row per minute the service was alive: the base of the availability figure."""
    __tablename__ = "heartbeats"
    minute: Mapped[datetime] = mapped_column(primary_key=True)
    worker: Mapped[str] = mapped_column(String(100))


class Document(Base):
    """An issued Berita Acara: which ticket, which version, its hash and verification code."""
    __tablename__ = "documents"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    verification_code: Mapped[str] = mapped_column(String(32))
    issued_at: Mapped[datetime]
    path: Mapped[str] = mapped_column(String(500))
    signed: Mapped[bool] = mapped_column(Boolean, default=False)
    superseded: Mapped[bool] = mapped_column(Boolean, default=False)
    __table_args__ = (UniqueConstraint("ticket_id", "version", name="uq_document_version"),)


class SenderRegistration(Base):
    """An address outside the registry, asked about (pending), then registered for an OPD or refused."""
    __tablename__ = "sender_registrations"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    address: Mapped[str] = mapped_column(String(320), index=True)
    status: Mapped[str] = mapped_column(String(12))          # pending | registered | refused
    opd_key: Mapped[str | None] = mapped_column(String(64))
    guessed_opd: Mapped[str | None] = mapped_column(String(64))
    token: Mapped[str] = mapped_column(String(64), unique=True)
    message_id: Mapped[str] = mapped_column(String(1000), index=True)
    requested_at: Mapped[datetime]
    decided_at: Mapped[datetime | None]
    decided_by: Mapped[str | None] = mapped_column(String(320))


class Health(Base):
    """What the service last knew of a part of the world (the mailbox, the outbox): for `status`."""
    __tablename__ = "health"
    name: Mapped[str] = mapped_column(String(400), primary_key=True)
    ok_at: Mapped[datetime | None]
    failing_since: Mapped[datetime | None]
    error: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime]
