"""When officials change: open requests follow the role to its new holder, and a step's request can
be sent again (``mailproc resend``).

Each request records whom it was mailed to (``Disposition.sent_to``). When the holder configured
for a role is no longer that address, ``hand_over_changed`` sends every open request of the role's
step to the new holder with a fresh token: the old request is closed as ``superseded``, so its
token stops counting (``dispositions.proven_request``), and the old holder's later reply is told
that the step has passed on (``workflow``). A request sent again keeps the step's deadline
(``Ticket.due_at``): neither a hand-over nor a resend starts a new SLA clock. Requests recorded
before ``sent_to`` existed have none and are left alone.
"""
from __future__ import annotations

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from mailproc.chain import dispositions, notify
from mailproc.chain.states import CLOSED_STATUSES, ON_HOLD, RESUME, ROLES, running_step
from mailproc.core.jobs import Idle
from mailproc.store.models import Disposition, Ticket
from mailproc.store.tickets import find_by_code, record


class NothingToResend(ValueError):
    """The ticket does not exist, or no step of it waits for an answer."""


def send_again(desk, s: Session, ticket: Ticket, step: str) -> Disposition:
    """The step's request once more with a fresh token (the open one is superseded); same deadline."""
    disposition = dispositions.open_request(desk, s, ticket, step)
    if step == RESUME:
        notify.hold_notice(desk, s, ticket, disposition)
    else:
        notify.disposition_request(desk, s, ticket, disposition)
    return disposition


def hand_over_changed(desk) -> str:
    """Every open request of an official's step mailed to someone who no longer holds the role goes to
    the new holder (one transaction per request). Returns a line for the log."""
    holders = {role: desk.config.roles[role].email for role in ROLES}
    stale = or_(*(and_(Disposition.step == role, Disposition.sent_to != email) for role, email in holders.items()))
    with desk.sessions() as s:
        found = s.execute(select(Disposition.id, Disposition.ticket_id)
                          .where(Disposition.decided_at.is_(None), stale).order_by(Disposition.id)).all()
    moved = []
    for disposition_id, ticket_id in found:
        with desk.transaction() as s:
            # Another worker may hand the same request over at the same moment: one at a time per ticket.
            ticket = s.get(Ticket, ticket_id, with_for_update=True, populate_existing=True)
            old = s.get(Disposition, disposition_id, populate_existing=True)
            if old.decided_at is not None or old.sent_to == holders[old.step]:
                continue
            new = send_again(desk, s, ticket, old.step)
            holder = desk.config.roles[old.step]
            record(s, ticket, desk.clock.now(), desk.config.service.address, "handed_over",
                   f"tahap {old.step} beralih dari {old.sent_to} kepada {holder.name or holder.email} "
                   f"<{holder.email}>; permintaan dikirim ulang dengan kode balasan baru",
                   data={"step": old.step, "from": old.sent_to, "to": holder.email,
                         "superseded": old.message_id, "request": new.message_id})
            moved.append(f"{ticket.code} {old.step} {old.sent_to} -> {holder.email}")
    if not moved:
        return Idle("officials: no request to hand over")
    return f"officials: {len(moved)} request(s) handed over ({'; '.join(moved[:5])}{'; …' if len(moved) > 5 else ''})"


def resend(desk, code: str) -> str:
    """``mailproc resend``: the current step's request again, to its holder (and delegates) or, on hold,
    the hold notice to whoever held it. Returns the line to print."""
    with desk.transaction() as s:
        found = find_by_code(s, code)
        if found is None:
            raise NothingToResend(f"no ticket {code}")
        ticket = s.get(Ticket, found.id, with_for_update=True, populate_existing=True)
        if ticket.status in CLOSED_STATUSES or running_step(ticket.status, ticket.held_from) is None:
            raise NothingToResend(f"{ticket.code} is {ticket.status}: no step waits for an answer")
        step = RESUME if ticket.status == ON_HOLD else running_step(ticket.status, None)
        disposition = send_again(desk, s, ticket, step)
        record(s, ticket, desk.clock.now(), desk.config.service.address, "request_resent",
               f"permintaan tahap {step} dikirim ulang kepada {disposition.sent_to} dengan kode balasan baru",
               data={"step": step, "to": disposition.sent_to, "request": disposition.message_id})
        holder = desk.config.roles.get(step)
        cc = f" (cc {', '.join(holder.delegates)})" if holder and holder.cc_delegates and holder.delegates else ""
        return (f"{ticket.code}: the {step} request sent again to {disposition.sent_to}{cc}, "
                f"reply code {dispositions.short_code(disposition.token)}; earlier codes no longer count")
