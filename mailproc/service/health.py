"""Is the service healthy? ``status(desk)`` for `mailproc status`, and the admin's alert of an outage.

``status`` reads what the service recorded (``health``, ``heartbeats``, the outbox, the inbound
mail, the tickets), asks the IMAP server how much mail waits, and grades each part by the
thresholds of ``[health]``: 0 OK, 1 WARNING, 2 CRITICAL, the exit codes of a Nagios/Icinga plugin.

``alert_job`` runs with the periodic work: a mailbox failing, or an outbox stuck, for
``health.alert_minutes`` mails ``service.admin_email`` once an hour (an outbox alert shares its hour
with the sender's own alert of a message that keeps failing).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import func, or_, select

from mailproc.core.config import ConfigError
from mailproc.core.errors import describe
from mailproc.core.jobs import Idle
from mailproc.mail.imap import MailboxUnavailable, connect, one_line
from mailproc.service.mailbox import PROCESSED_FLAG
from mailproc.sla.work import OPEN_STEPS
from mailproc.store.db import SCHEMA_REVISION, current_revision
from mailproc.store.health import MAILBOX, OUTBOX
from mailproc.store.models import (OUT_FAILED, OUT_PENDING, OUT_SENDING, QUARANTINED, Health, Heartbeat,
                                   InboundMessage, MailboxClaim, OutboxMessage, Ticket)

OK, WARNING, CRITICAL = 0, 1, 2
LEVEL_NAMES = ("OK", "WARNING", "CRITICAL")
WORKERS_WITHIN = timedelta(days=7)      # workers last seen longer ago are not listed
FAILED_WITHIN = timedelta(hours=24)     # failed outgoing mail counts this long
QUARANTINE_WITHIN = timedelta(hours=24)
ALERT_EVERY = timedelta(hours=1)
MAILBOX_ALERT, OUTBOX_ALERT = "admin_alert_mailbox", "admin_alert_outbox"   # the latter: outbox.sender's too


@dataclass
class Check:
    name: str
    level: int
    text: str                          # one short line
    data: dict = field(default_factory=dict)


@dataclass
class Status:
    at: datetime
    checks: list[Check]

    @property
    def level(self) -> int:
        return max((c.level for c in self.checks), default=OK)

    def headline(self) -> str:
        """``MAILPROC <LEVEL> - <the parts not OK, or all of them>``, Nagios' first line."""
        shown = [c for c in self.checks if c.level == self.level] if self.level else self.checks
        return f"MAILPROC {LEVEL_NAMES[self.level]} - " + "; ".join(f"{c.name}: {c.text}" for c in shown)

    def as_dict(self) -> dict:
        return {"status": LEVEL_NAMES[self.level], "exit_code": self.level, "at": self.at.isoformat(),
                "checks": {c.name: {"status": LEVEL_NAMES[c.level], "text": c.text, **c.data}
                           for c in self.checks}}


def graded(value: float, warn: int, crit: int | None = None) -> int:
    """The level of ``value`` against thresholds; a threshold of 0 is off."""
    if crit and value >= crit:
        return CRITICAL
    return WARNING if warn and value >= warn else OK


def _minutes(delta: timedelta) -> float:
    return max(0.0, delta.total_seconds() / 60)


def _age(delta: timedelta) -> str:
    minutes = int(_minutes(delta))
    if minutes < 1:
        return "under a minute"
    if minutes < 120:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60} min"


def status(desk) -> Status:
    now = desk.clock.now()
    checks = [_database(desk)]
    if checks[0].level == OK:
        with desk.sessions() as s:
            checks += [_mailbox(desk, s, now), _inbox(desk, s), _outbox(desk, s, now), _quarantine(desk, s, now),
                       _breaches(desk, s, now), _workers(desk, s, now)]
    else:   # the tables may not be there: the mailbox is all that can still be asked
        checks.append(_inbox(desk, None))
    return Status(now, checks)


def _database(desk) -> Check:
    try:
        revision = current_revision(desk.engine)
    except Exception as exc:
        return Check("database", CRITICAL, f"unreachable: {describe(exc) or one_line(exc)}",
                     {"revision": None, "expected": SCHEMA_REVISION})
    data = {"revision": revision, "expected": SCHEMA_REVISION}
    if revision != SCHEMA_REVISION:
        found = f"at revision {revision}" if revision else "not initialised"
        return Check("database", CRITICAL, f"{found}, the code needs {SCHEMA_REVISION}: run `mailproc db upgrade`",
                     data)
    return Check("database", OK, f"at revision {revision}", data)


def _mailbox(desk, s, now: datetime) -> Check:
    row = s.get(Health, MAILBOX)
    if row is None:
        return Check("mailbox", OK, "not contacted by the service yet",
                     {"ok_at": None, "failing_since": None, "error": None})
    data = {"ok_at": row.ok_at, "failing_since": row.failing_since, "error": row.error}
    if row.failing_since is None:
        return Check("mailbox", OK, f"last contact {_age(now - row.ok_at)} ago", data)
    t = desk.config.health
    failing = now - row.failing_since
    level = graded(_minutes(failing), t.mailbox_failing_warn_minutes, t.mailbox_failing_crit_minutes)
    return Check("mailbox", level, f"failing for {_age(failing)}: {row.error}", data)


def _inbox(desk, s) -> Check:
    """How many messages wait in the folder (asked of the server) and are held by a worker now."""
    cfg = desk.config.imap
    data: dict = {"waiting": None}
    if s is not None:
        data["in_handling"] = s.scalar(select(func.count()).select_from(MailboxClaim)) or 0
    try:
        client = connect(cfg, timeout=desk.config.health.imap_timeout_seconds)
    except MailboxUnavailable as exc:
        return Check("inbox", WARNING, f"not counted: {exc}", data)
    except ConfigError as exc:   # no password here (the service's secrets file is not readable)
        return Check("inbox", OK, f"not counted: {exc}", data)
    try:
        if cfg.after_handling == "flag":
            client.select_folder(cfg.folder, readonly=True)
            data["waiting"] = len(client.search(["NOT", "KEYWORD", PROCESSED_FLAG]))
        else:
            data["waiting"] = int(client.folder_status(cfg.folder, [b"MESSAGES"])[b"MESSAGES"])
    except Exception as exc:   # imaplib's errors, a timeout: say so in one line
        return Check("inbox", WARNING, f"not counted: IMAP {cfg.host}:{cfg.port}: {one_line(exc)}", data)
    finally:
        try:
            client.logout()
        except Exception:
            pass
    held = f", {data['in_handling']} being handled" if data.get("in_handling") else ""
    return Check("inbox", OK, f"{data['waiting']} waiting in {cfg.folder}{held}", data)


def _outbox(desk, s, now: datetime) -> Check:
    t = desk.config.health
    unsent = (OutboxMessage.status.in_((OUT_PENDING, OUT_SENDING)),)
    pending = s.scalar(select(func.count(OutboxMessage.id)).where(*unsent)) or 0
    retrying = s.scalar(select(func.count(OutboxMessage.id)).where(*unsent, OutboxMessage.attempts > 0)) or 0
    oldest = s.scalar(select(func.min(OutboxMessage.created_at)).where(*unsent))
    failed = s.scalar(select(func.count(OutboxMessage.id)).where(
        OutboxMessage.status == OUT_FAILED, OutboxMessage.claimed_at >= now - FAILED_WITHIN)) or 0
    server = s.get(Health, OUTBOX)
    age = now - oldest if oldest else timedelta(0)
    data = {"pending": pending, "retrying": retrying, "failed_24h": failed,
            "oldest_unsent_at": oldest, "oldest_unsent_minutes": round(_minutes(age), 1) if oldest else None,
            "server_failing_since": server.failing_since if server else None,
            "server_error": server.error if server else None}
    level = max(graded(_minutes(age), t.oldest_unsent_warn_minutes, t.oldest_unsent_crit_minutes) if oldest else OK,
                graded(failed, t.failed_outbox_warn))
    text = f"{pending} pending"
    if retrying:
        text += f" ({retrying} retrying)"
    if oldest:
        text += f", oldest unsent {_age(age)} old"
    text += f", {failed} failed in 24 h"
    if server and server.failing_since:
        text += f"; SMTP failing since {_age(now - server.failing_since)}: {server.error}"
    return Check("outbox", level, text, data)


def _quarantine(desk, s, now: datetime) -> Check:
    count = s.scalar(select(func.count(InboundMessage.id)).where(
        InboundMessage.outcome == QUARANTINED, InboundMessage.received_at >= now - QUARANTINE_WITHIN)) or 0
    return Check("quarantine", graded(count, desk.config.health.quarantined_warn),
                 f"{count} in 24 h (`mailproc messages`)", {"last_24h": count})


def _breaches(desk, s, now: datetime) -> Check:
    count = s.scalar(select(func.count(Ticket.id)).where(Ticket.status.in_(OPEN_STEPS), Ticket.due_at < now)) or 0
    return Check("sla", graded(count, desk.config.health.breaches_warn), f"{count} open past the deadline",
                 {"breaches": count})


def _workers(desk, s, now: datetime) -> Check:
    """Each worker's last heartbeat (workers share a minute: the first to write it is named)."""
    t = desk.config.health
    rows = s.execute(select(Heartbeat.worker, func.max(Heartbeat.minute)).where(
        Heartbeat.minute >= now - WORKERS_WITHIN).group_by(Heartbeat.worker)).all()
    workers = {worker: last for worker, last in sorted(rows, key=lambda r: r[1], reverse=True)}
    if not workers:
        return Check("workers", WARNING, "no heartbeat in 7 days: is `mailproc run` (or the tick timer) running?",
                     {"heartbeats": {}})
    latest = max(workers.values())
    age = now - latest
    level = graded(_minutes(age), t.heartbeat_warn_minutes, t.heartbeat_crit_minutes)
    return Check("workers", level, f"last heartbeat {_age(age)} ago ({len(workers)} worker(s) in 7 days)",
                 {"heartbeats": workers})


# -- the admin's alert -------------------------------------------------------------------------------

def alert_job(desk) -> str:
    """Mail the admin when the mailbox fails or the outbox is stuck for ``alert_minutes``; once an hour."""
    admin = desk.config.service.admin_email
    if not admin:
        return Idle("health: no admin_email")
    now = desk.clock.now()
    limit = timedelta(minutes=desk.config.health.alert_minutes)
    sent = []
    with desk.transaction() as s:
        mailbox = s.get(Health, MAILBOX)
        if mailbox and mailbox.failing_since and now - mailbox.failing_since >= limit:
            problem = (f"Kotak surat layanan ({desk.config.imap.username} di {desk.config.imap.host}) tidak dapat "
                       f"dibuka sejak {_age(now - mailbox.failing_since)} yang lalu: surat masuk belum diproses.")
            sent += _alert(desk, s, now, MAILBOX_ALERT, problem, mailbox.error or "")
        oldest = s.scalar(select(func.min(OutboxMessage.created_at)).where(
            OutboxMessage.status.in_((OUT_PENDING, OUT_SENDING)), OutboxMessage.kind.not_like("admin_alert%")))
        if oldest and now - oldest >= limit:
            server = s.get(Health, OUTBOX)
            problem = (f"Surat keluar tertahan: yang tertua belum terkirim sejak {_age(now - oldest)} yang lalu. "
                       f"Periksa server SMTP dan `mailproc status`.")
            detail = server.error if server and server.failing_since else ""
            sent += _alert(desk, s, now, OUTBOX_ALERT, problem, detail or "")
    return f"health: admin alerted ({', '.join(sent)})" if sent else Idle("health: nothing to tell the admin")


def _alert(desk, s, now: datetime, kind: str, problem: str, detail: str) -> list[str]:
    """Queue one alert of ``kind`` unless one was queued in the last hour (as quarantine alerts do) or
    the last one still waits to be sent (an outbox stuck for a day must not queue 24 alerts)."""
    if s.scalar(select(OutboxMessage.id).where(OutboxMessage.kind == kind, or_(
            OutboxMessage.created_at >= now - ALERT_EVERY,
            OutboxMessage.status.in_((OUT_PENDING, OUT_SENDING)))).limit(1)):
        return []
    problem += " Pemberitahuan berikutnya paling cepat satu jam lagi bila gangguan berlanjut."
    msg = desk.composer.compose("admin_alert", [desk.config.service.admin_email],
                                {"problem": problem, "detail": detail, "next_attempt": None}, answering=False)
    desk.composer.enqueue(s, msg, kind=kind)
    return [kind]
