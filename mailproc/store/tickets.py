"""Tickets: readable yearly IDs without gaps or duplicates, and the timeline."""
from __future__ import annotations

import re
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from mailproc.core.clock import WIB
from mailproc.store.db import upsert_insert
from mailproc.store.models import Event, Ticket, TicketSequence

PREFIX = "JIP"
TAG = re.compile(r"\[\s*(JIP-\d{4}-\d{4,})\s*\]", re.IGNORECASE)


def next_code(session: Session, when: datetime) -> str:
    """Take the next number of the year inside the caller's transaction.

    The sequence row is updated in place (an upsert), so it stays locked until the ticket's
    transaction ends: a rollback gives the number back, and concurrent writers queue up.
    """
    year = when.astimezone(WIB).year
    stmt = upsert_insert(session, TicketSequence).values(year=year, last=1)
    stmt = stmt.on_conflict_do_update(index_elements=[TicketSequence.year],
                                      set_={"last": TicketSequence.last + 1}).returning(TicketSequence.last)
    number = session.execute(stmt).scalar_one()
    return f"{PREFIX}-{year}-{number:04d}"


def find_by_code(session: Session, code: str) -> Ticket | None:
    return session.scalar(select(Ticket).where(Ticket.code == code.upper()))


def record(session: Session, ticket: Ticket, at: datetime, actor: str, action: str, detail: str = "",
           *, inbound_id: int | None = None, on_behalf_of: str | None = None, data: dict | None = None) -> Event:
    event = Event(ticket_id=ticket.id, at=at, actor=actor, on_behalf_of=on_behalf_of, action=action,
                  detail=detail, inbound_id=inbound_id, data=data)
    if "events" in ticket.__dict__:   # already loaded: keep it in step
        ticket.events.append(event)
    else:                             # not loaded: no need to read the whole timeline to add to it
        session.add(event)
    ticket.updated_at = at
    return event
