"""Deliver the outbox: claim due rows, send them over one connection, record each result.

Delivery is claim → send → record. A row is claimed (status ``sending``) in its own short
transaction (``FOR UPDATE SKIP LOCKED`` on PostgreSQL), so several workers never send the same row.
Every message also goes, envelope only, to ``smtp.sent_copy``, which the mail server files in the
service mailbox's Sent folder: one SMTP transaction, so the copy exists exactly when the message
was accepted. After a crash a row can be left in ``sending``; ``recover_stale`` settles it by its
own Message-ID: found in Sent means sent; not found after ``resend_grace_seconds`` means it goes
back to the queue. Failures are retried with exponential back-off; a permanent refusal (5xx for
every recipient) ends the row as ``failed``. After ``admin_after_failures`` attempts the admin is
told once.
"""
from __future__ import annotations

import logging
import smtplib
import ssl
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Protocol

from sqlalchemy import func, select, update

from mailproc.core.checkpoints import checkpoint
from mailproc.core.workers import worker_gone
from mailproc.mail.imap import MailboxUnavailable, connect
from mailproc.mail.oauth import LoginRefused, TokenUnavailable, login_with_token, xoauth2_string
from mailproc.store.health import OUTBOX
from mailproc.store.models import OUT_FAILED, OUT_PENDING, OUT_SENDING, OUT_SENT, OutboxMessage

log = logging.getLogger(__name__)

BACKOFF_FIRST = timedelta(minutes=1)
BACKOFF_MAX = timedelta(hours=1)
STALE_AFTER = timedelta(minutes=10)
RECORD_EVERY = 50   # accepted sends recorded together (one transaction for up to this many)


class TemporaryFailure(Exception):
    pass


class PermanentFailure(Exception):
    pass


class RowDeferred(Exception):
    """This one message was refused for now (4xx); the round goes on with the others."""


class Transport(Protocol):
    def __enter__(self) -> "Transport": ...
    def __exit__(self, *exc) -> None: ...
    def send(self, row: OutboxMessage, sender: str) -> None: ...


class SmtpTransport:
    """One SMTP connection for a whole delivery round."""

    def __init__(self, smtp_config, timeout: float = 30.0):
        self.cfg = smtp_config
        self.timeout = timeout
        self.conn: smtplib.SMTP | None = None

    def _context(self) -> ssl.SSLContext:
        ctx = ssl.create_default_context(cafile=str(self.cfg.ca_file) if self.cfg.ca_file else None)
        if not self.cfg.verify:
            ctx.check_hostname = False
            ctx.verify_mode = ssl.CERT_NONE
        return ctx

    def __enter__(self) -> "SmtpTransport":
        c = self.cfg
        try:
            if c.security == "ssl":
                self.conn = smtplib.SMTP_SSL(c.host, c.port, timeout=self.timeout, context=self._context())
            else:
                self.conn = smtplib.SMTP(c.host, c.port, timeout=self.timeout)
                if c.security == "starttls":
                    self.conn.starttls(context=self._context())
            if c.auth == "xoauth2":
                self._oauth2_login()
            elif c.username:
                self.conn.login(c.username, c.password)
        except ssl.SSLCertVerificationError as exc:
            raise TemporaryFailure(f"SMTP {c.host}:{c.port}: TLS certificate not trusted: {exc.verify_message}") from exc
        except (OSError, smtplib.SMTPException) as exc:
            raise TemporaryFailure(f"SMTP {c.host}:{c.port} unreachable: {exc}") from exc
        return self

    def _oauth2_login(self) -> None:
        """AUTH XOAUTH2 with the token of ``token_command``, fetched again once if the server refuses it."""
        c, conn = self.cfg, self.conn
        conn.ehlo_or_helo_if_needed()

        def login(token: str) -> None:
            try:
                conn.auth("XOAUTH2", lambda challenge=None: xoauth2_string(c.username, token),
                          initial_response_ok=True)
            except smtplib.SMTPAuthenticationError as exc:
                raise LoginRefused(f"{exc.smtp_code} {exc.smtp_error.decode(errors='replace')}") from None

        try:
            login_with_token(c.token_command, login)
        except LoginRefused as exc:
            raise TemporaryFailure(f"SMTP {c.host}:{c.port}: XOAUTH2 login as {c.username} refused: {exc}") from None
        except TokenUnavailable as exc:
            raise TemporaryFailure(f"SMTP {c.host}:{c.port}: XOAUTH2 login as {c.username}: {exc}") from None

    def __exit__(self, *exc) -> None:
        if self.conn is not None:
            try:
                self.conn.quit()
            except (OSError, smtplib.SMTPException):
                self.conn.close()

    def send(self, row: OutboxMessage, sender: str) -> None:
        assert self.conn is not None
        recipients = list(row.recipients) + ([self.cfg.sent_copy] if self.cfg.sent_copy else [])
        try:
            refused = self.conn.sendmail(sender, recipients, row.raw)
        except smtplib.SMTPRecipientsRefused as exc:
            refused = exc.recipients
        except smtplib.SMTPServerDisconnected as exc:
            raise TemporaryFailure(str(exc) or "server disconnected") from exc
        except smtplib.SMTPResponseException as exc:   # this message refused (e.g. at DATA)
            if 500 <= exc.smtp_code < 600:
                raise PermanentFailure(f"{exc.smtp_code} {exc.smtp_error!r}") from exc
            raise RowDeferred(f"{exc.smtp_code} {exc.smtp_error!r}") from exc
        except (OSError, smtplib.SMTPException) as exc:
            raise TemporaryFailure(str(exc) or type(exc).__name__) from exc
        real = {addr.lower(): answer for addr, answer in refused.items() if addr != self.cfg.sent_copy}
        if real and {r.lower() for r in row.recipients} <= set(real):
            # Accepted for nobody but our own copy: not a send. Permanent when every refusal is 5xx.
            error = f"all recipients refused: {real}"
            if all(500 <= code < 600 for code, _ in real.values()):
                raise PermanentFailure(error)
            raise RowDeferred(error)
        if real:
            log.warning("outbox %s: some recipients refused: %s", row.message_id, real)


class DirectoryTransport:
    """Writes each message as an .eml file (the `directory` transport: demos, offline set-ups)."""

    def __init__(self, directory: Path):
        self.directory = directory

    def __enter__(self) -> "DirectoryTransport":
        self.directory.mkdir(parents=True, exist_ok=True)
        return self

    def __exit__(self, *exc) -> None:
        pass

    def send(self, row: OutboxMessage, sender: str) -> None:
        name = f"{row.id:08d}-{row.kind}.eml"
        tmp = self.directory / f".{name}.tmp"
        tmp.write_bytes(row.raw)
        tmp.replace(self.directory / name)


def make_transport(config) -> Transport:
    if config.smtp.transport == "directory":
        return DirectoryTransport(config.smtp.directory)
    return SmtpTransport(config.smtp)


@dataclass
class DeliveryReport:
    sent: int = 0
    retried: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)


def backoff(attempts: int) -> timedelta:
    return min(BACKOFF_FIRST * (2 ** max(0, attempts - 1)), BACKOFF_MAX)


def claim(desk, limit: int) -> list[OutboxMessage]:
    now = desk.clock.now()
    with desk.transaction() as s:
        query = (select(OutboxMessage).where(OutboxMessage.status == OUT_PENDING,
                                             OutboxMessage.next_attempt_at <= now)
                 .order_by(OutboxMessage.id).limit(limit))
        if s.bind.dialect.name == "postgresql":
            query = query.with_for_update(skip_locked=True)
        rows = list(s.scalars(query))
        for row in rows:
            row.status, row.claimed_at, row.claimed_by = OUT_SENDING, now, desk.worker
        return rows


def recover_stale(desk, stale_after: timedelta = STALE_AFTER) -> int:
    """Settle rows left in ``sending`` by a worker that died before recording the result.

    Returns how many rows were settled (marked sent or put back in the queue).
    """
    now = desk.clock.now()
    with desk.sessions() as s:
        stuck = list(s.scalars(select(OutboxMessage).where(OutboxMessage.status == OUT_SENDING)))
    stuck = [r for r in stuck if (r.claimed_by != desk.worker and worker_gone(r.claimed_by))
             or r.claimed_at < now - stale_after]
    if not stuck:
        return 0
    try:
        sent_ids = found_in_sent_copy(desk, [r.message_id for r in stuck])
    except MailboxUnavailable as exc:
        log.warning("outbox: %d unconfirmed send(s) wait: cannot check the sent copy: %s", len(stuck), exc)
        return 0
    grace = timedelta(seconds=desk.config.smtp.resend_grace_seconds)
    settled = 0
    with desk.transaction() as s:
        for row in stuck:
            # Locked and re-read: another worker may have settled and re-claimed it meanwhile.
            current = s.get(OutboxMessage, row.id, with_for_update=True, populate_existing=True)
            if current.status != OUT_SENDING or current.claimed_by != row.claimed_by:
                continue
            if sent_ids is not None and row.message_id in sent_ids:
                current.status, current.sent_at = OUT_SENT, current.claimed_at
                log.info("outbox %s: found in the sent copy, recorded as sent", row.message_id)
            elif sent_ids is None or row.claimed_at < now - grace:
                current.status, current.claimed_by = OUT_PENDING, None
                log.warning("outbox %s: send by %s unconfirmed, queued again", row.message_id, row.claimed_by)
            else:
                continue
            settled += 1
    return settled


def found_in_sent_copy(desk, message_ids: list[str]) -> set[str] | None:
    """Which of these Message-IDs are in the Sent folder; None when there is no sent copy to ask."""
    if not desk.config.smtp.sent_copy or desk.config.smtp.transport != "smtp":
        return None
    client = connect(desk.config.imap)
    found = set()
    try:
        folder = desk.config.imap.sent_folder
        if not client.folder_exists(folder):
            return found
        client.select_folder(folder, readonly=True)
        for message_id in message_ids:
            if client.search(["HEADER", "Message-ID", message_id]):
                found.add(message_id)
    finally:
        client.logout()
    return found


def deliver_due(desk, limit: int = 500, transport: Transport | None = None) -> DeliveryReport:
    report = DeliveryReport()
    rows = claim(desk, limit)
    if not rows:
        return report
    sender = desk.config.service.address
    transport = transport or make_transport(desk.config)
    pending = list(rows)
    sent: list[int] = []
    try:
        with transport:
            while pending:
                row = pending[0]
                try:
                    transport.send(row, sender)
                    checkpoint("send")
                except PermanentFailure as exc:
                    _record(desk, row, failed=str(exc), permanent=True)
                    report.failed += 1
                except RowDeferred as exc:
                    _record(desk, row, failed=str(exc))
                    report.retried += 1
                else:
                    sent.append(row.id)
                    if len(sent) >= RECORD_EVERY:
                        _record_sent(desk, sent)
                    report.sent += 1
                pending.pop(0)
    except TemporaryFailure as exc:
        report.errors.append(str(exc))
        desk.health.failing(OUTBOX, str(exc))
        for row in pending:
            _record(desk, row, failed=str(exc))
            report.retried += 1
    else:
        desk.health.ok(OUTBOX)
    finally:
        _record_sent(desk, sent)
    return report


def _record_sent(desk, ids: list[int]) -> None:
    """Record accepted sends, several at a time: a crash in between is settled by the sent copy."""
    if not ids:
        return
    with desk.transaction() as s:
        s.execute(update(OutboxMessage).where(OutboxMessage.id.in_(ids)).values(
            status=OUT_SENT, sent_at=desk.clock.now(), last_error=None))
    ids.clear()


def _record(desk, row: OutboxMessage, failed: str, permanent: bool = False) -> None:
    """Record a failed send: retry later with back-off, or give up on a permanent refusal."""
    now = desk.clock.now()
    with desk.transaction() as s:
        current = s.get(OutboxMessage, row.id)
        current.attempts += 1
        current.last_error = failed[:2000]
        if permanent:
            current.status = OUT_FAILED
            log.error("outbox %s to %s failed for good: %s", current.message_id, current.recipients, failed)
        else:
            current.status = OUT_PENDING
            current.next_attempt_at = now + backoff(current.attempts)
            log.warning("outbox %s: delivery failed (attempt %d), retry at %s: %s", current.message_id,
                        current.attempts, current.next_attempt_at.isoformat(timespec="seconds"), failed)
        limit = desk.config.smtp.admin_after_failures
        if current.attempts == limit and not current.kind.startswith("admin_alert"):
            _alert_admin(desk, s, current)


def _alert_admin(desk, session, row: OutboxMessage) -> None:
    """One alert an hour however many messages wait: an outage must not flood the admin."""
    admin = desk.config.service.admin_email
    if not admin or admin in row.recipients:
        return
    since = desk.clock.now() - timedelta(hours=1)
    if session.scalar(select(OutboxMessage.id).where(OutboxMessage.kind == "admin_alert_outbox",
                                                     OutboxMessage.created_at >= since)):
        return
    waiting = session.scalar(select(func.count(OutboxMessage.id)).where(OutboxMessage.status == OUT_PENDING,
                                                                       OutboxMessage.attempts > 0))
    msg = desk.composer.compose("admin_alert", [admin], {
        "problem": f"Surat keluar {row.message_id} ({row.kind}) untuk {', '.join(row.recipients)} "
                   f"belum terkirim setelah {row.attempts} kali percobaan; {waiting} surat keluar menunggu "
                   "pengiriman ulang. Pemberitahuan berikutnya paling cepat satu jam lagi.",
        "detail": row.last_error or "", "next_attempt": row.next_attempt_at}, answering=False)
    desk.composer.enqueue(session, msg, kind="admin_alert_outbox", ticket_id=row.ticket_id)
