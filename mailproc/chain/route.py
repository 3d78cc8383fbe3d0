"""Route: does an inbound message belong to a ticket's thread, and to which step's request?

References first (In-Reply-To, then References from the newest), then the subject tag
``[JIP-2026-0001]``. The step is known only through references to a disposition request.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from mailproc.mail.parse import Mail
from mailproc.store.models import Disposition, InboundMessage, OutboxMessage, Ticket
from mailproc.store.tickets import TAG, find_by_code


@dataclass(frozen=True)
class Thread:
    ticket: Ticket
    disposition: Disposition | None   # the step request this mail answers, when it references one


def find_thread(session: Session, mail: Mail) -> Thread | None:
    ids = list(mail.thread_ids)
    if ids:
        order = {mid: n for n, mid in enumerate(ids)}
        dispositions = session.scalars(select(Disposition).where(Disposition.message_id.in_(ids))).all()
        if dispositions:
            nearest = min(dispositions, key=lambda d: order[d.message_id])
            return Thread(session.get(Ticket, nearest.ticket_id), nearest)
        ticket_ids: list[tuple[int, int]] = []
        for model in (OutboxMessage, InboundMessage):
            rows = session.execute(select(model.message_id, model.ticket_id)
                                   .where(model.message_id.in_(ids), model.ticket_id.is_not(None))).all()
            ticket_ids += [(order[mid], tid) for mid, tid in rows]
        rows = session.execute(select(Ticket.message_id, Ticket.id).where(Ticket.message_id.in_(ids))).all()
        ticket_ids += [(order[mid], tid) for mid, tid in rows]
        if ticket_ids:
            return Thread(session.get(Ticket, min(ticket_ids)[1]), None)
    tag = TAG.search(mail.subject or "")
    if tag:
        ticket = find_by_code(session, tag.group(1))
        if ticket is not None:
            return Thread(ticket, None)
    return None
