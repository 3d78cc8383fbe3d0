"""SLA reminders and escalations by email, each sent exactly once and only in working time.

Every open step has a *ladder* of notices, ordered in time:

* an SOP step (kadis, kabid, prakom): a reminder to its holder at each configured fraction of the
  step's working time (``SlaTargets.reminder_fractions``), then at the deadline an escalation to the
  next level up (prakom → Kabid, kabid → Kadis; for the Kadis step a repeat to the Kadis with the
  Kabid informed);
* the officers' step (resolution): a reminder to the assigned officers N working days before the
  resolution deadline and on the morning of the due day (``resolution_reminders``), then at breach
  an escalation to Prakom and Kabid and an honest status mail to the requester.

A notice goes out at its instant, or at the next working instant when that falls outside working
time; the job does nothing outside working time. When the service was away long enough for a
later rung to be reached, only the latest reached rung is sent (a stale "50 %" reminder next to
the escalation helps nobody). Each notice is recorded in ``SlaNotice`` under a unique key, in the
same transaction as its outbox row, inside a savepoint: a second worker racing for the same
notice fails on the key and sends nothing.

Cost: tickets are found by ``Ticket.due_at`` (indexed) windows. A notice with an offset of ``off``
working minutes before the deadline became due in ``(L, now]`` only if the deadline lies in
``[add(L, off), add(now, off)]``; ``L`` is the instant the previous run scanned up to (the
``scan:sla`` watermark row), less a small margin, so a run with nothing due touches no ticket.
The very first run (no watermark) looks back ``FIRST_RUN_LOOKBACK`` only: deploying on a database
full of old overdue tickets must not mail a flood of stale escalations.
Time on hold does not count: the workflow extends ``due_at`` on resume and on-hold tickets are
never selected.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from mailproc.core.catalogue import category_or_default
from mailproc.core.dates import format_working_time
from mailproc.core.jobs import Idle
from mailproc.store.db import upsert_insert
from mailproc.store.models import Disposition, SlaNotice, Ticket
from mailproc.chain import notify
from mailproc.chain.dispositions import short_code
from mailproc.chain.people import holder_addresses
from mailproc.chain.states import STEP_OF_STATUS
from mailproc.store.tickets import record

STATUS_OF_STEP = {step: status for status, step in STEP_OF_STATUS.items()}
# Escalation at a step's deadline: (to, cc) by role; "officer" means the ticket's assigned officers.
ESCALATION = {
    "kadis": (("kadis",), ("kabid",)),
    "kabid": (("kadis",), ("kabid",)),
    "prakom": (("kabid",), ("prakom",)),
    "officer": (("prakom", "kabid"), ("officer",)),
}
WATERMARK_KEY = "scan:sla"
WATERMARK_MARGIN = timedelta(minutes=10)
FIRST_RUN_LOOKBACK = timedelta(days=7)   # the very first run does not dig up older deadlines


@dataclass(frozen=True)
class Notice:
    key: str
    kind: str            # "remind" | "escalate" | "requester"
    label: str           # "0.5", "0.8", "day-1", "morning", "deadline"
    instant: datetime    # the working instant it is due
    rung: int            # position in the ladder; a reached later rung supersedes unsent earlier ones


@dataclass
class NoticeReport:
    sent: list[str] = field(default_factory=list)       # keys
    candidates: int = 0
    outside_working_time: bool = False

    def line(self) -> str:
        if self.outside_working_time:
            return Idle("sla: outside working time, nothing sent")
        line = f"sla: {len(self.sent)} notice(s) sent, {self.candidates} ticket(s) looked at"
        return line if self.sent else Idle(line)


# -- notices already recorded ----------------------------------------------------------------------

def claim(s: Session, key: str, kind: str, due_at: datetime, now: datetime, ticket_id: int | None = None) -> bool:
    """Record notice ``key`` once; False when it exists (sent before, or a concurrent worker won).

    Runs in a savepoint, so a unique-key conflict leaves the caller's transaction usable.
    """
    if s.scalar(select(SlaNotice.id).where(SlaNotice.key == key)) is not None:
        return False
    try:
        with s.begin_nested():
            s.add(SlaNotice(key=key, ticket_id=ticket_id, kind=kind, due_at=due_at, sent_at=now))
    except IntegrityError:
        return False
    return True


def _insert_ignore(s: Session, values: dict):
    return upsert_insert(s, SlaNotice).values(**values).on_conflict_do_nothing(index_elements=[SlaNotice.key])


def read_watermark(s: Session) -> datetime | None:
    return s.scalar(select(SlaNotice.due_at).where(SlaNotice.key == WATERMARK_KEY))


def advance_watermark(s: Session, now: datetime) -> None:
    """The instant up to which notices were scanned; it only moves forward."""
    s.execute(_insert_ignore(s, {"key": WATERMARK_KEY, "kind": "watermark", "due_at": now, "sent_at": now}))
    s.execute(update(SlaNotice).where(SlaNotice.key == WATERMARK_KEY, SlaNotice.due_at < now)
              .values(due_at=now, sent_at=now))


# -- the ladder of one ticket --------------------------------------------------------------------

def ladder(desk, ticket: Ticket, disposition: Disposition) -> list[Notice]:
    """Every notice of the ticket's current step, in time order (instants before the step began dropped)."""
    cal, sla = desk.calendar, desk.sla
    step = STEP_OF_STATUS[ticket.status]
    due = ticket.due_at
    base = f"{ticket.code}:{step}:{disposition.id}"
    begin = cal.next_working_instant(disposition.requested_at)
    notices: list[Notice] = []
    if step == "officer":
        if ticket.work_starts_at and ticket.work_starts_at > begin:
            begin = ticket.work_starts_at
        points: dict[datetime, str] = {}
        for instant, label in sla.resolution_reminder_points(cal, due):
            instant = cal.next_working_instant(instant)   # "a day before" may fall at a day's close
            if label == "morning" or instant not in points:   # the same instant reads best as "today"
                points[instant] = label
        for instant in sorted(points):
            if begin < instant < due:
                notices.append(Notice(f"{base}:remind:{points[instant]}", "remind", points[instant], instant, 0))
        breach = cal.next_working_instant(due)
        notices.append(Notice(f"{base}:escalate", "escalate", "deadline", breach, 0))
        notices.append(Notice(f"{ticket.code}:resolution:requester", "requester", "deadline", breach, 0))
    else:
        target = sla.target_minutes(cal, step)
        # After a hold the step goes on with what was left: the fractions are of the whole target.
        elapsed_before = max(0.0, target - cal.working_minutes_between(begin, due))
        for fraction in sla.reminder_fractions:
            at = fraction * target - elapsed_before
            if at > 1e-6:
                notices.append(Notice(f"{base}:remind:{fraction:g}", "remind", f"{fraction:g}",
                                      cal.next_working_instant(cal.add(begin, minutes=at)), 0))
        notices.append(Notice(f"{base}:escalate", "escalate", "deadline", cal.next_working_instant(due), 0))
    ordered = sorted(notices, key=lambda n: n.instant)
    rungs, result = sorted({n.instant for n in ordered}), []
    for n in ordered:
        result.append(Notice(n.key, n.kind, n.label, n.instant, rungs.index(n.instant)))
    return result


def due_now(notices: list[Notice], sent: set[str], now: datetime) -> list[Notice]:
    """The notices to send at ``now``: the unsent ones of the latest reached rung."""
    reached = [n for n in notices if n.instant <= now]
    if not reached:
        return []
    top = max(n.rung for n in reached)
    return [n for n in reached if n.rung == top and n.key not in sent]


# -- finding candidates by due_at windows ----------------------------------------------------------

def _windows(desk, since: datetime | None, now: datetime) -> list[tuple[str, datetime | None, datetime]]:
    """(status, lowest due_at, highest due_at) ranges holding every ticket with a notice in (since, now]."""
    cal, sla = desk.calendar, desk.sla
    tick = timedelta(seconds=1)
    windows = []
    for step in ("kadis", "kabid", "prakom"):
        target = sla.target_minutes(cal, step)
        for off in {0.0, *((1 - f) * target for f in sla.reminder_fractions)}:
            low = cal.add(since, minutes=off) if since else None
            windows.append((STATUS_OF_STEP[step], low, cal.add(now, minutes=off) + tick))
    status = STATUS_OF_STEP["officer"]
    windows.append((status, since, now + tick))                           # breach
    for n in sla.resolution_reminder_days_before:
        low = min(cal.add_working_days(since, n), cal.add(since, minutes=n * cal.full_day_minutes)) if since else None
        high = max(cal.add_working_days(now, n), cal.add(now, minutes=n * cal.full_day_minutes))
        windows.append((status, low - WATERMARK_MARGIN if low else None, high + WATERMARK_MARGIN))
    if sla.resolution_reminder_morning_of_due:
        day = (since or now).astimezone(cal.tz).date()
        last = now.astimezone(cal.tz).date()
        while day <= last:                      # each working day that began within (since, now]
            if cal.is_working_day(day):
                start = cal.working_day_start(day)
                if (since is None or start > since) and start <= now:
                    windows.append((status, start, cal.working_day_end(day) + tick))
            day += timedelta(days=1)
    return windows


def candidate_ids(desk, s: Session, since: datetime | None, now: datetime) -> set[int]:
    """Tickets whose deadline lies in one of the windows, by the ``due_at`` index alone.

    The status is checked on the few rows found rather than in SQL, where SQLite's planner would
    prefer the status index and walk every open ticket of that status.
    """
    found: set[int] = set()
    for status, low, high in _windows(desk, since, now):
        query = select(Ticket.id, Ticket.status).where(Ticket.due_at <= high)
        if low is not None:
            query = query.where(Ticket.due_at >= low)
        found.update(i for i, st in s.execute(query) if st == status)
    return found


# -- the job -----------------------------------------------------------------------------------------

def send_due_notices(desk) -> NoticeReport:
    """Send every reminder, escalation and requester status mail due at ``desk.clock.now()``."""
    now = desk.clock.now()
    report = NoticeReport()
    if not desk.calendar.is_working_time(now):
        report.outside_working_time = True
        return report
    with desk.transaction() as s:
        watermark = read_watermark(s)
        since = watermark - WATERMARK_MARGIN if watermark else now - FIRST_RUN_LOOKBACK
        ids = candidate_ids(desk, s, since, now)
        report.candidates = len(ids)
        if ids:
            _send_for(desk, s, sorted(ids), now, report)
        advance_watermark(s, now)
    return report


def _send_for(desk, s: Session, ids: list[int], now: datetime, report: NoticeReport) -> None:
    tickets = list(s.scalars(select(Ticket).where(Ticket.id.in_(ids)).order_by(Ticket.id)))
    requests: dict[int, Disposition] = {}
    for d in s.scalars(select(Disposition).where(Disposition.ticket_id.in_(ids), Disposition.decided_at.is_(None))
                       .order_by(Disposition.id)):
        requests[d.ticket_id] = d
    sent = set(s.scalars(select(SlaNotice.key).where(SlaNotice.ticket_id.in_(ids))))
    for ticket in tickets:
        step = STEP_OF_STATUS.get(ticket.status)
        disposition = requests.get(ticket.id)
        if step is None or ticket.due_at is None or disposition is None or disposition.step != step:
            continue
        for notice in due_now(ladder(desk, ticket, disposition), sent, now):
            if claim(s, notice.key, f"{notice.kind}:{notice.label}", notice.instant, now, ticket.id):
                _mail(desk, s, ticket, disposition, step, notice)
                report.sent.append(notice.key)


# -- the mails -----------------------------------------------------------------------------------------

def _addresses(desk, ticket: Ticket, roles) -> list[str]:
    return list(dict.fromkeys(address for role in roles for address in holder_addresses(desk, ticket, role)))


def _mail(desk, s: Session, ticket: Ticket, disposition: Disposition, step: str, notice: Notice) -> None:

    cal, now = desk.calendar, desk.clock.now()
    context = {**notify.ticket_context(desk, ticket), "step": step, "notice": notice,
               "code": short_code(disposition.token), "due_at": ticket.due_at,
               "holder": desk.config.roles.get(step), "assignees": list(ticket.assignees),
               "officers": desk.config.officers,
               "left": format_working_time(cal.working_minutes_between(now, ticket.due_at)),
               "late": format_working_time(cal.working_minutes_between(ticket.due_at, now)),
               "target": _target_text(desk, ticket, step)}
    thread = {"in_reply_to": disposition.message_id, "references": [disposition.message_id]}
    service = desk.config.service.address
    if notice.kind == "remind":
        to = _addresses(desk, ticket, [step])
        notify.send(desk, s, "sla_reminder", to, context, kind=f"sla_remind_{step}", ticket=ticket,
                     answering=False, **thread)
        record(s, ticket, now, service, "sla_reminder", f"pengingat ({notice.label}) ke {', '.join(to)}",
               data={"key": notice.key})
    elif notice.kind == "escalate":
        to_roles, cc_roles = ESCALATION[step]
        to = _addresses(desk, ticket, to_roles)
        cc = [a for a in _addresses(desk, ticket, cc_roles) if a not in to]
        notify.send(desk, s, "sla_escalation", to, {**context, "to_roles": to_roles, "cc": cc},
                     cc=cc, kind=f"sla_escalate_{step}", ticket=ticket, answering=False, **thread)
        record(s, ticket, now, service, "sla_escalation", f"batas waktu {step} terlewati; eskalasi ke {', '.join(to)}",
               data={"key": notice.key, "cc": cc})
    else:
        hold = _last_hold(ticket)
        notify.send(desk, s, "sla_requester_status", [ticket.requester_email], {**context, "last_hold": hold},
                     kind="sla_requester_status", ticket=ticket, in_reply_to=ticket.message_id, answering=False)
        record(s, ticket, now, service, "sla_requester_status", "pemohon diberi kabar: target penyelesaian terlewati",
               data={"key": notice.key})


def _target_text(desk, ticket: Ticket, step: str) -> str:
    if step == "officer":
        days = desk.sla.resolution_days(category_or_default(ticket.category), ticket.priority)
        return f"{days} hari kerja"
    return format_working_time(desk.sla.target_minutes(desk.calendar, step))


def _last_hold(ticket: Ticket) -> dict | None:
    held = [e for e in ticket.events if e.action == "held"]
    if not held:
        return None
    last = held[-1]
    resumed = next((e for e in ticket.events if e.action == "resumed" and e.at >= last.at), None)
    return {"at": last.at, "reason": last.detail, "by": last.actor, "resumed_at": resumed.at if resumed else None}
