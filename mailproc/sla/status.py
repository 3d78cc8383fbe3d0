"""Where a ticket stands against each SLA target, step by step (the ``sla`` key of ``show --json``).

Steps, in SOP order: ``registration`` (the request mail until the ticket exists, 3 h), ``kadis``,
``kabid``, ``prakom`` (each from its disposition request to the decision) and ``resolution``
(from the start of work to ``done``, in working days). Working time only; time on hold does not
count: a step's working time is the sum over its requests (the workflow opens a new request for the
same step on resume), and its deadline is the workflow's own (``Ticket.due_at`` /
``resolution_due_at``) for the step in hand, or the target counted with the holds left out.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, object_session

from mailproc.core.catalogue import category_or_default
from mailproc.core.clock import WIB
from mailproc.worktime.targets import deadline_with_pauses
from mailproc.store.models import Disposition, InboundMessage, Ticket
from mailproc.chain.states import STEP_OF_STATUS

CURRENT_STEP = {status: "resolution" if step == "officer" else step for status, step in STEP_OF_STATUS.items()}
ENDING = ("hold", "superseded", None)     # decisions that do not finish a step
EPSILON = 1e-6                           # working minutes; float noise of the calendar's arithmetic
PLAUSIBLE_SENT = timedelta(days=30)      # a Date header older than this is not believed


@dataclass(frozen=True)
class StepTiming:
    step: str
    target_minutes: float | None          # SOP steps
    target_days: int | None               # resolution
    started: datetime | None
    finished: datetime | None
    due: datetime | None
    working_minutes: float | None         # so far, when not finished
    met: bool | None                      # None while open
    breached: bool
    on_hold: bool = False

    def as_dict(self) -> dict:
        data: dict = {"step": self.step}
        if self.target_days is not None:
            data["target_days"] = self.target_days
        else:
            data["target_minutes"] = self.target_minutes
        data.update({"started": _iso(self.started), "finished": _iso(self.finished), "due": _iso(self.due),
                     "working_minutes": None if self.working_minutes is None else round(self.working_minutes, 1),
                     "met": self.met, "breached": self.breached})
        if self.on_hold:
            data["on_hold"] = True
        return data


def _iso(value: datetime | None) -> str | None:
    return value.astimezone(WIB).isoformat(timespec="seconds") if value else None


def request_start(ticket: Ticket, inbound: InboundMessage | None) -> datetime:
    """When the requester asked: for a request staff entered (ATAS NAMA), its DITERIMA; else the
    mail's Date when plausible, else when we received it."""
    entered = _entered_received_at(ticket)
    if entered is not None:
        return min(entered, ticket.created_at)
    if inbound is None:
        return ticket.created_at
    start = inbound.received_at or ticket.created_at
    sent = inbound.sent_date
    if sent is not None and start - PLAUSIBLE_SENT <= sent <= start:
        start = sent
    return min(start, ticket.created_at)


def _entered_received_at(ticket: Ticket) -> datetime | None:
    """The DITERIMA of an entered request, kept in its ``created`` event."""
    if not ticket.entered_by:
        return None
    for event in ticket.events:
        if event.action == "created":
            value = (event.data or {}).get("received_at")
            return datetime.fromisoformat(value) if value else None
    return None


def step_timings(desk, ticket: Ticket, dispositions: list[Disposition], inbound: InboundMessage | None,
                 now: datetime) -> list[StepTiming]:
    """Every step the ticket has reached, with its timing against the target, as of ``now``."""
    cal, sla = desk.calendar, desk.sla
    on_hold = ticket.status == "on_hold"
    current = CURRENT_STEP.get(ticket.held_from if on_hold else ticket.status)
    out: list[StepTiming] = []

    start = request_start(ticket, inbound)
    target = sla.target_minutes(cal, "registration")
    minutes = cal.working_minutes_between(start, ticket.created_at)
    met = minutes <= target + EPSILON
    out.append(StepTiming("registration", target, None, start, ticket.created_at,
                          cal.add(start, minutes=target), minutes, met, not met))

    by_step: dict[str, list[Disposition]] = {}
    for d in sorted(dispositions, key=lambda d: (d.requested_at, d.id)):
        by_step.setdefault(d.step, []).append(d)

    for step in ("kadis", "kabid", "prakom"):
        requests = by_step.get(step)
        if not requests:
            continue
        target = sla.target_minutes(cal, step)
        last = requests[-1]
        finished = last.decided_at if last.decision not in ENDING else None
        minutes = sum(cal.working_minutes_between(d.requested_at, d.decided_at or now) for d in requests)
        paused = on_hold and current == step
        if finished is None and current == step and not on_hold and ticket.due_at:
            due = ticket.due_at
        else:
            pauses = [(a.decided_at, b.requested_at) for a, b in zip(requests, requests[1:]) if a.decided_at]
            if finished is None and last.decided_at is not None:
                pauses.append((last.decided_at, None))
            due = deadline_with_pauses(cal, requests[0].requested_at, target, pauses)
        if finished is not None:
            met = minutes <= target + EPSILON
            breached = not met
        else:
            met = None
            breached = minutes > target + EPSILON
        out.append(StepTiming(step, target, None, requests[0].requested_at, finished, due, minutes, met,
                              breached, paused))

    officer = by_step.get("officer")
    if officer:
        days = sla.resolution_days(category_or_default(ticket.category), ticket.priority)
        begin = ticket.work_starts_at or officer[0].requested_at
        finished = ticket.closed_at if ticket.status == "done" else None
        minutes = sum(cal.working_minutes_between(max(d.requested_at, begin), d.decided_at or finished or now)
                      for d in officer)
        due = ticket.resolution_due_at
        paused = on_hold and current == "resolution"
        if finished is not None:
            met = due is None or finished <= due
            breached = not met
        else:
            met = None
            breached = bool(due and now > due and not paused)
        out.append(StepTiming("resolution", None, days, begin, finished, due, minutes, met, breached, paused))
    return out


def load_timings(desk, s: Session, ticket: Ticket, now: datetime | None = None) -> list[StepTiming]:
    dispositions = list(s.scalars(select(Disposition).where(Disposition.ticket_id == ticket.id)))
    inbound = s.get(InboundMessage, ticket.inbound_id) if ticket.inbound_id else None
    return step_timings(desk, ticket, dispositions, inbound, now or desk.clock.now())


def ticket_sla(desk, ticket: Ticket) -> list[dict]:
    """Per step: {step, target_minutes | target_days, started, finished, due, met, breached, ...}."""
    s = object_session(ticket)
    if s is not None:
        return [t.as_dict() for t in load_timings(desk, s, ticket)]
    with desk.sessions() as s:
        return [t.as_dict() for t in load_timings(desk, s, s.merge(ticket, load=False))]
