"""Views: tickets and messages as JSON objects and as text for a person at a terminal."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from mailproc.core.clock import WIB
from mailproc.sla.status import ticket_sla
from mailproc.store.models import TICKET, InboundMessage, SenderRegistration, Ticket


def _iso(value: datetime | None) -> str | None:
    return value.astimezone(WIB).isoformat(timespec="seconds") if value else None


def _local(value: datetime | None) -> str:
    return value.astimezone(WIB).strftime("%Y-%m-%d %H:%M") if value else "-"


def list_tickets(s: Session, status: str | None = None) -> list[Ticket]:
    query = select(Ticket).order_by(Ticket.id)
    if status:
        query = query.where(Ticket.status == status)
    return list(s.scalars(query))


def ticket_summary(t: Ticket, desk=None) -> dict:
    """``sla`` (per step, see ``mailproc.sla.status``) needs the desk's calendar and targets."""
    return {
        "id": t.code, "status": t.status, "category": t.category, "priority": t.priority,
        "needs_triage": t.needs_triage, "opd": t.opd_name, "opd_key": t.opd_key, "requester": t.requester_email,
        "subject": t.subject, "message_id": t.message_id, "channel": t.channel, "created_at": _iso(t.created_at),
        "due_at": _iso(t.due_at),
        "sla": _sla(desk, t),
    }


def _sla(desk, t: Ticket) -> list[dict] | None:
    if desk is None:
        return None
    return ticket_sla(desk, t)


def ticket_detail(desk, t: Ticket) -> dict:
    data = ticket_summary(t, desk)
    data.update({
        "requester_name": t.requester_name, "entered_by": t.entered_by, "contact": t.contact, "body": t.body, "letter": t.letter,
        "classification": t.classification or [],
        "hold_reason": t.hold_reason, "held_from": t.held_from,
        "assignees": [{"name": a.name, "nip": a.nip, "email": a.email} for a in t.assignees],
        "report": t.report, "rating": t.rating,
        "resolution_due_at": _iso(t.resolution_due_at), "work_starts_at": _iso(t.work_starts_at),
        "closed_at": _iso(t.closed_at),
        "events": [{"at": _iso(e.at), "actor": e.actor, "on_behalf_of": e.on_behalf_of, "action": e.action,
                    "detail": e.detail, "message": e.inbound_id} for e in t.events],
    })
    return data


def tickets_table(rows: list[Ticket]) -> str:
    if not rows:
        return "no tickets"
    head = f"{'TICKET':<15} {'STATUS':<16} {'CAT':<5} {'PRIORITY':<8} {'OPD':<34} SUBJECT"
    lines = [head]
    for t in rows:
        lines.append(f"{t.code:<15} {t.status:<16} {t.category or '?':<5} {t.priority:<8} "
                     f"{(t.opd_name or '-')[:34]:<34} {t.subject[:60]}")
    return "\n".join(lines)


ACTION_WORDS = {
    "created": "request received", "forwarded": "forwarded", "rejected": "rejected", "held": "put on hold",
    "resumed": "resumed", "assigned": "assigned", "completed": "completed", "reply_unclear": "reply not understood",
    "reply_ignored": "reply ignored", "reply_unauthorized": "UNAUTHORIZED reply", "requester_info": "requester added",
    "berita_acara_issued": "Berita Acara issued", "reopened": "reopened by the PJ", "rated": "rated by the PJ",
    "reopen_refused": "reopen refused (late)", "rating_not_counted": "rating not counted",
    "work_moved": "work moved (capacity)", "promoted": "promoted by admin", "requester_reply": "requester replied",
    "reopened_as_new": "reported again", "handed_over": "handed over", "request_resent": "request sent again", "letter_unread": "letter not read",
    "status_answered": "status answered", "status_not_answered": "status asked again",
    "status_refused": "status REFUSED",
}


def ticket_text(desk, t: Ticket) -> str:
    lines = [f"{t.code}  {t.subject}",
             f"  status     {t.status}" + (f" (from {t.held_from}: {t.hold_reason})" if t.status == "on_hold" else ""),
             f"  category   {t.category or 'undecided (triage)'}   priority {t.priority}",
             f"  OPD        {t.opd_name or '-'}",
             f"  requester  {t.requester_name or ''} <{t.requester_email}>",
             f"  channel    {t.channel}" + (f", entered by {t.entered_by}" if t.entered_by else "") +
             (f", contact {t.contact}" if t.contact else ""),
             f"  created    {_local(t.created_at)}   due {_local(t.due_at)}"]
    if t.letter:
        letter = t.letter
        lines.append(f"  letter     {letter['filename']} ({letter['source']}): Nomor {letter['number'] or '-'}, "
                     f"tanggal {letter['date'] or '-'}, perihal {letter['subject'] or '-'}; "
                     f"from {letter['opd'] or letter.get('agency') or '-'}, signed {letter['signer'] or '-'}")
    if t.assignees:
        lines.append("  assigned   " + "; ".join(f"{a.name} ({a.nip})" for a in t.assignees))
    if t.classification:
        reasons = dict.fromkeys(f"{h['kind']} {h['target']} ← “{h['matched']}” [{h['rule']}] "
                                f"({h.get('source', 'email')})" for h in t.classification)
        lines.append("  why        " + "\n             ".join(reasons))
    if t.report:
        for key, label in (("work_summary", "work"), ("problem_summary", "problem"), ("solution", "solution"),
                           ("location", "location")):
            lines.append(f"  {label:<10} {t.report.get(key, '-')}")
    lines.append("")
    lines.append("  timeline")
    for e in t.events:
        who = e.actor + (f" (for {e.on_behalf_of})" if e.on_behalf_of else "")
        text = ACTION_WORDS.get(e.action, e.action)
        detail = " ".join((e.detail or "").split())
        lines.append(f"  {_local(e.at)}  {text:<20} {who}" + (f": {detail[:100]}" if detail else ""))
    return "\n".join(lines)


def list_messages(s: Session, include_all: bool = False) -> list[InboundMessage]:
    query = select(InboundMessage).order_by(InboundMessage.id)
    if not include_all:
        query = query.where(InboundMessage.outcome != TICKET)
    return list(s.scalars(query))


def message_summary(m: InboundMessage) -> dict:
    return {"id": m.id, "received_at": _iso(m.received_at), "from": m.from_addr, "subject": m.subject,
            "message_id": m.message_id, "source": m.source, "outcome": m.outcome,
            "reason": m.reason,
            "ticket": m.ticket_id, "raw_sha256": m.raw_sha256}


def messages_table(rows: list[InboundMessage]) -> str:
    if not rows:
        return "no messages"
    lines = [f"{'#':>5} {'RECEIVED':<16} {'OUTCOME':<11} {'FROM':<36} {'SUBJECT':<40} REASON"]
    for m in rows:
        lines.append(f"{m.id:>5} {_local(m.received_at):<16} {m.outcome:<11} {(m.from_addr or '-')[:36]:<36} "
                     f"{(m.subject or '')[:40]:<40} {m.reason or ''}")
    return "\n".join(lines)


def registry_data(desk, s: Session) -> dict:
    """rules/opd.toml's OPDs, and the addresses registered (or refused) by the Prakom's reply."""
    opds = [{"key": o.key, "name": o.name, "addresses": list(o.addresses), "domains": list(o.domains),
             "aliases": list(o.aliases), "pj": {"name": o.pj.name, "email": o.pj.email} if o.pj else None}
            for o in desk.registry]
    registrations = [{"address": r.address, "status": r.status, "opd_key": r.opd_key, "guessed_opd": r.guessed_opd,
                      "requested_at": _iso(r.requested_at), "decided_at": _iso(r.decided_at),
                      "decided_by": r.decided_by}
                     for r in s.scalars(select(SenderRegistration).order_by(SenderRegistration.id))]
    return {"opds": opds, "registrations": registrations}


def registry_text(data: dict) -> str:
    lines = [f"{'OPD':<16} {'NAME':<44} ADDRESSES AND DOMAINS"]
    for o in data["opds"]:
        where = ", ".join([*o["addresses"], *o["domains"]])
        lines.append(f"{o['key']:<16} {o['name'][:44]:<44} {where}")
    lines.append("")
    if not data["registrations"]:
        lines.append("no senders registered by reply")
        return "\n".join(lines)
    lines.append(f"{'SENDER':<36} {'STATUS':<11} {'OPD':<16} {'DECIDED':<16} BY")
    for r in data["registrations"]:
        decided = r["decided_at"][:16].replace("T", " ") if r["decided_at"] else "-"
        lines.append(f"{r['address'][:36]:<36} {r['status']:<11} {(r['opd_key'] or r['guessed_opd'] or '-'):<16} "
                     f"{decided:<16} {r['decided_by'] or '-'}")
    return "\n".join(lines)
