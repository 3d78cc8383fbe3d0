"""The answers to status questions (``intake.status`` decides who asks and who may know).

The ticket's answer says where it stands: its status, the step that holds it (the role, never a
person's address), that step's deadline and whether it is late, the resolution target, the
assigned officers and the last few events of its timeline that a requester may read. The list
answers ``STATUS`` alone with the open tickets of the sender's OPD (an official's: all of them; an
officer's: those assigned to them). The refusal shares nothing.
"""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from mailproc.chain.notify import send, ticket_context
from mailproc.chain.states import CLOSED_STATUSES, ON_HOLD, STATUS_NAMES, STEP_TITLES, running_step
from mailproc.mail.parse import Mail
from mailproc.store.models import Event, Ticket

# Timeline events a requester may read, in the words of the template; the rest (unreadable
# replies, refused replies, reminders, status questions) is the desk's own business.
PUBLIC_EVENTS = ("created", "forwarded", "assigned", "held", "resumed", "rejected", "completed", "work_moved",
                 "requester_info", "berita_acara_issued", "reopened", "reopened_as_new")
LAST_EVENTS = 5


def ticket_status(desk, s: Session, ticket: Ticket, mail: Mail) -> None:
    now = desk.clock.now()
    step = running_step(ticket.status, ticket.held_from)
    running = ticket.status not in CLOSED_STATUSES and ticket.status != ON_HOLD
    step_due = ticket.due_at if running else None
    resolution_due = ticket.resolution_due_at
    events = list(s.scalars(select(Event).where(Event.ticket_id == ticket.id, Event.action.in_(PUBLIC_EVENTS))
                            .order_by(Event.at.desc(), Event.id.desc()).limit(LAST_EVENTS)))
    send(desk, s, "status_answer", [mail.sender], {
        **ticket_context(desk, ticket), "now": now, "asker": mail.sender_name, "step_title": STEP_TITLES.get(step or ""),
        "step_due": step_due, "step_late": bool(step_due and now > step_due),
        "resolution_due": resolution_due, "resolution_late": bool(running and resolution_due and now > resolution_due),
        "assignees": list(ticket.assignees), "events": [_event(e) for e in reversed(events)]},
        kind="status_answer", ticket=ticket, in_reply_to=mail.message_id, references=mail.references)


def _event(e: Event) -> dict:
    """What the template needs of an event: when, what, and for a forward the step it went to."""
    word = (e.detail or "").rsplit(" ", 1)[-1]
    return {"at": e.at, "action": e.action, "detail": e.detail or "",
            "to_step": STEP_TITLES.get(word) if e.action == "forwarded" else None}


def open_tickets(desk, s: Session, mail: Mail, scope: str, opd, tickets: list[Ticket], total: int) -> None:
    """``scope``: whose tickets they are: "opd", "all" (an official), "assigned" (an officer), "own"."""
    rows = [{"ticket": t, "status_name": STATUS_NAMES.get(t.status, t.status),
             "due": t.due_at if t.status != ON_HOLD else None} for t in tickets]
    send(desk, s, "status_list", [mail.sender], {
        "now": desk.clock.now(), "asker": mail.sender_name, "scope": scope, "opd": opd, "rows": rows,
        "total": total},
        kind="status_list", ticket=None, in_reply_to=mail.message_id, references=mail.references)


def refused(desk, s: Session, mail: Mail) -> None:
    send(desk, s, "status_refused", [mail.sender], {"asker": mail.sender_name}, kind="status_refused",
         ticket=None, in_reply_to=mail.message_id, references=mail.references)
