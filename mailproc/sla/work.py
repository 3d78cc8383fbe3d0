"""The SLA's periodic jobs for the run loop: reminders, the daily digest, the monthly report, heartbeat.

``periodic_jobs(desk)`` gives (name, callable) pairs; ``service`` runs each every 60 s and ``tick``
runs them once. Each job decides for itself whether anything is due at ``desk.clock.now()``, so
``mailproc --now … tick`` acts at any instant. Whatever is sent is recorded in ``SlaNotice`` under a
unique key in the transaction that queues the mail: a restart or a second worker never repeats it.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Callable

from sqlalchemy import func, select

from mailproc.core.jobs import Idle
from mailproc.sla.reminders import claim, send_due_notices
from mailproc.store.db import upsert_insert
from mailproc.store.models import Heartbeat, Ticket
from mailproc.chain import notify
from mailproc.chain.states import OPEN_STATUSES, STEP_OF_STATUS, STEP_TITLES
from mailproc.outbox.compose import FileToAttach
from mailproc.store.models import SlaNotice

OPEN_STEPS = tuple(STEP_OF_STATUS)   # the statuses whose step is running
DIGEST_LIST_LIMIT = 40
HEARTBEAT_FILL = timedelta(seconds=150)   # a worker seen this recently was alive in between
REPORT_CATCH_UP_DAYS = 3                  # a report missed on the first working day goes out on the next ones


def periodic_jobs(desk) -> list[tuple[str, Callable[[], str]]]:
    last_beat: dict[str, datetime] = {}
    return [
        ("sla", lambda: send_due_notices(desk).line()),
        ("digest", lambda: send_digest(desk)),
        ("monthly_report", lambda: send_monthly_report(desk)),
        ("heartbeat", lambda: heartbeat(desk, last_beat)),
    ]


# -- heartbeat -------------------------------------------------------------------------------------

def heartbeat(desk, last_beat: dict[str, datetime] | None = None) -> str:
    """One ``Heartbeat`` row per minute alive (insert-or-ignore: workers share the minutes).

    The scheduler's 60 s drift can step over a minute; minutes since this worker's previous beat
    (at most ``HEARTBEAT_FILL`` ago) are filled in, since it was alive throughout.
    """
    now = desk.clock.now()
    minute = now.replace(second=0, microsecond=0)
    minutes = [minute]
    previous = (last_beat or {}).get("at")
    if previous is not None and timedelta(0) < minute - previous <= HEARTBEAT_FILL:
        step = previous + timedelta(minutes=1)
        while step < minute:
            minutes.append(step)
            step += timedelta(minutes=1)
    with desk.transaction() as s:
        s.execute(upsert_insert(s, Heartbeat).values([{"minute": m, "worker": desk.worker[:100]} for m in minutes])
                  .on_conflict_do_nothing(index_elements=[Heartbeat.minute]))
    if last_beat is not None:
        last_beat["at"] = minute
    return Idle(f"heartbeat: {minute.isoformat(timespec='minutes')}")


# -- the daily digest ----------------------------------------------------------------------------------

def send_digest(desk) -> str:
    """At the start of each working day, once: open tickets, due today, breached, to Kabid and Prakom."""
    cal, now = desk.calendar, desk.clock.now()
    if not cal.is_working_time(now):
        return Idle("digest: outside working time")
    today = now.astimezone(cal.tz).date()
    key = f"digest:{today.isoformat()}"
    with desk.transaction() as s:
        if not claim(s, key, "digest", cal.working_day_start(today), now):
            return Idle(f"digest: already sent for {today}")
        context = digest_context(desk, s, today, now)
        to = [desk.config.roles["kabid"].email, desk.config.roles["prakom"].email]
        notify.send(desk, s, "sla_digest", to, {**context, "step_titles": STEP_TITLES},
                     kind="sla_digest", ticket=None, answering=False)
    return f"digest: sent for {today} ({context['open_count']} open, {context['breached_count']} breached)"


def digest_context(desk, s, today: date, now: datetime) -> dict:

    cal = desk.calendar
    day_end = cal.working_day_end(today)
    by_status = dict(s.execute(select(Ticket.status, func.count(Ticket.id))
                               .where(Ticket.status.in_(OPEN_STATUSES)).group_by(Ticket.status)).all())

    def listed(*where) -> tuple[list[Ticket], int]:
        total = s.scalar(select(func.count(Ticket.id)).where(*where))
        rows = list(s.scalars(select(Ticket).where(*where).order_by(Ticket.due_at, Ticket.id).limit(DIGEST_LIST_LIMIT)))
        return rows, total or 0

    due_today, due_today_count = listed(Ticket.status.in_(OPEN_STEPS), Ticket.due_at >= now, Ticket.due_at <= day_end)
    breached, breached_count = listed(Ticket.status.in_(OPEN_STEPS), Ticket.due_at < now)
    on_hold, on_hold_count = listed(Ticket.status == "on_hold")
    return {"today": today, "now": now, "by_status": by_status, "open_count": sum(by_status.values()),
            "due_today": due_today, "due_today_count": due_today_count, "breached": breached,
            "breached_count": breached_count, "on_hold": on_hold, "on_hold_count": on_hold_count,
            "limit": DIGEST_LIST_LIMIT}


# -- the monthly report -------------------------------------------------------------------------------

def previous_month(day: date) -> str:
    first = day.replace(day=1)
    return (first - timedelta(days=1)).strftime("%Y-%m")


def _nth_working_day(cal, first: date, n: int) -> date:
    day = first
    for _ in range(n - 1):
        day = cal.next_working_day(day)
    return day


def first_working_day(cal, year: int, month: int) -> date:
    day = date(year, month, 1)
    return day if cal.is_working_day(day) else cal.next_working_day(day)


def send_monthly_report(desk) -> str:
    """On the first working day of a month, once: last month's PDF + CSVs to the Kadis and the Kabid.

    Missed that day (service down), it goes out on the next working days, up to the third.
    """
    cal, now = desk.calendar, desk.clock.now()
    if not cal.is_working_time(now):
        return Idle("monthly_report: outside working time")
    today = now.astimezone(cal.tz).date()
    first = first_working_day(cal, today.year, today.month)
    if not first <= today <= _nth_working_day(cal, first, REPORT_CATCH_UP_DAYS):
        return Idle("monthly_report: not the first working day of the month")
    month = previous_month(today)
    key = f"monthly_report:{month}"
    with desk.sessions() as s:
        if s.scalar(select(SlaNotice.id).where(SlaNotice.key == key)) is not None:
            return Idle(f"monthly_report: {month} already sent")
    from mailproc.sla.report import month_title, write_monthly_report   # start-up: the report's renderer, once a month

    paths = write_monthly_report(desk, month, desk.storage / "reports")
    files = [FileToAttach(p.name, _content_type(p), p.read_bytes()) for p in paths]
    with desk.transaction() as s:
        if not claim(s, key, "monthly_report", now, now):
            return Idle(f"monthly_report: {month} already sent")
        to = [desk.config.roles["kadis"].email, desk.config.roles["kabid"].email]
        notify.send(desk, s, "sla_report", to, {"month": month, "month_name": month_title(month),
                                                  "files": [p.name for p in paths]},
                     kind="sla_report", ticket=None, attachments=files, answering=False)
    return f"monthly_report: {month} sent ({', '.join(p.name for p in paths)})"


def _content_type(path: Path) -> str:
    return {".pdf": "application/pdf", ".csv": "text/csv"}.get(path.suffix, "application/octet-stream")


