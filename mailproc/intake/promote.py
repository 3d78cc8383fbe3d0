"""Promote: an admin turns a message the guard or the intent rules misjudged into a ticket."""
from __future__ import annotations

from mailproc.core.errors import AdminError
from mailproc.chain import workflow
from mailproc.store.tickets import record
from mailproc.store.archive import Archive
from mailproc.mail.parse import parse_mail
from mailproc.store.models import TICKET, InboundMessage


class PromoteError(AdminError):
    pass


def promote(desk, message_id: int) -> str:

    with desk.transaction() as s:
        row = s.get(InboundMessage, message_id)
        if row is None:
            raise PromoteError(f"no inbound message #{message_id}")
        if row.outcome == TICKET:
            raise PromoteError(f"message #{message_id} is already a ticket")
        mail = parse_mail(Archive(desk.storage).get("raw", row.raw_sha256))
        ticket = workflow.open_ticket(desk, s, mail, row)
        record(s, ticket, desk.clock.now(), "admin", "promoted",
               f"pesan #{row.id} semula: {row.outcome} ({row.reason})")
        row.outcome, row.reason = TICKET, f"promoted by admin (was {row.outcome}: {row.reason})"
        return ticket.code
