"""Notify: every mail the workflow sends, each from its template, queued in the same transaction.

People are told what they need in Indonesian: the requester (acknowledgement, progress), the
officials (disposition requests, answers to unreadable replies), the officers (the work order).
"""
from __future__ import annotations

import re
from sqlalchemy.orm import Session

from mailproc.chain.dispositions import short_code
from mailproc.chain.people import holder_addresses
from mailproc.chain.states import DECISION_NAMES, ON_HOLD, RANK, STATUS_NAMES, STEP_TITLES, running_step
from mailproc.store.archive import Archive
from mailproc.core.config import Official
from mailproc.core.catalogue import CATEGORIES as CATEGORY_NAMES
from mailproc.outbox.compose import FileToAttach
from mailproc.mail.parse import Mail
from mailproc.store.models import Disposition, InboundMessage, Ticket

def category_name(ticket: Ticket) -> str:
    return CATEGORY_NAMES.get(ticket.category or "", "Belum ditentukan (triase)")


_EQUIPMENT = re.compile(r"anggaran|dana|biaya|peralatan|perangkat|alat|pengadaan|budget|equipment", re.IGNORECASE)


def classification_basis(ticket: Ticket) -> dict[str, list[str]]:
    """The words that decided the ticket's category and priority, for a person to read (the rules'
    full evidence, with weights and rule names, stays in `mailproc show`)."""
    basis: dict[str, list[str]] = {"category": [], "priority": []}
    for hit in ticket.classification or []:
        kind, target = hit.get("kind"), hit.get("target")
        wanted = ticket.category if kind == "category" else ticket.priority if kind == "priority" else None
        if wanted is None or target != wanted or str(hit.get("rule", "")).startswith("bias."):
            continue
        word = " ".join(str(hit.get("matched", "")).split())
        if word and word not in basis[kind]:
            basis[kind].append(word)
    return {k: v[:6] for k, v in basis.items()}


def ticket_context(desk, ticket: Ticket) -> dict:
    return {"ticket": ticket, "category_name": category_name(ticket),
            "status_name": STATUS_NAMES.get(ticket.status, ticket.status), "decision_names": DECISION_NAMES,
            "basis": classification_basis(ticket),
            "categories": CATEGORY_NAMES, "roles": desk.config.roles, "step_titles": STEP_TITLES}


def send(desk, s: Session, template: str, to: list[str], context: dict, *, kind: str, ticket: Ticket | None,
          cc: list[str] = (), in_reply_to: str | None = None, references=(), message_id: str | None = None,
          attachments=(), answering: bool = True) -> None:
    composer = desk.composer
    msg = composer.compose(template, to, context, cc=cc, in_reply_to=in_reply_to, references=references,
                           message_id=message_id, ticket_code=ticket.code if ticket else None,
                           attachments=attachments, answering=answering)
    composer.enqueue(s, msg, kind=kind, ticket_id=ticket.id if ticket else None)


CHANNEL_NAMES = {"email": "email", "telepon": "telepon", "surat": "surat", "chat": "chat", "whatsapp": "WhatsApp",
                 "datang_langsung": "kunjungan langsung ke Diskominfo", "portal": "portal service desk"}


def acknowledge(desk, s: Session, ticket: Ticket, mail: Mail, refused_attachments=(), *, cc: list[str] = (),
                received_at=None) -> None:
    """To the requester; a request staff entered for an OPD (``ticket.entered_by``) goes to its PJ
    with the staff member in Cc, and says who took it, how and when (``received_at``)."""
    resolution_days = None
    if ticket.category:
        resolution_days = desk.sla.resolution_days(ticket.category, ticket.priority)
    minutes = {step: int(desk.sla.step_target(step).total_seconds() // 60) for step in ("kadis", "kabid", "prakom")}
    send(desk, s, "acknowledgement", [ticket.requester_email], {
        **ticket_context(desk, ticket), "resolution_days": resolution_days, "step_minutes": minutes,
        "refused_attachments": list(refused_attachments), "channel_name": CHANNEL_NAMES.get(ticket.channel),
        "entered_by": _staff_name(desk, ticket.entered_by), "received_at": received_at or ticket.created_at},
        cc=list(cc), kind="acknowledgement", ticket=ticket, in_reply_to=mail.message_id, references=mail.references)


def _staff_name(desk, address: str | None) -> str | None:
    """'Name <address>' of a staff member the config names, else the address."""
    if not address:
        return None
    people = [*desk.config.roles.values(), *desk.config.officers]
    name = next((p.name for p in people if p.email == address), None)
    return f"{name} <{address}>" if name else address


def _request_attachments(desk, s: Session, ticket: Ticket) -> tuple[list[FileToAttach], list[str]]:
    """The request's attachments to re-attach (within ``max_forward_bytes``), and the names left out."""
    if ticket.inbound_id is None:
        return [], []
    archive = Archive(desk.storage)
    budget = desk.config.limits.max_forward_bytes
    files, left_out = [], []
    request = s.get(InboundMessage, ticket.inbound_id)
    for att in (request.attachments if request else []):
        if not att.stored:
            continue
        if att.size > budget:
            left_out.append(f"{att.filename} ({att.size / 1048576:.1f} MB)")
            continue
        try:
            files.append(FileToAttach(att.filename, att.content_type, archive.get("attachments", att.sha256)))
        except OSError:
            left_out.append(att.filename)
            continue
        budget -= att.size
    return files, left_out


def disposition_request(desk, s: Session, ticket: Ticket, disposition: Disposition) -> None:
    step = disposition.step
    files, left_out = _request_attachments(desk, s, ticket)
    context = {**ticket_context(desk, ticket), "step": step, "code": short_code(disposition.token),
               "due_at": ticket.due_at, "officers": desk.config.officers,
               "holder": desk.config.roles.get(step), "left_out": left_out}
    cc: list[str] = []
    if step == "officer":
        to = [a.email for a in ticket.assignees]
        opd = desk.registry.get(ticket.opd_key) if ticket.opd_key else None
        template, context = "work_order", {**context, "opd": opd, "assignees": ticket.assignees}
    else:
        holder = desk.config.roles[step]
        to = [holder.email]
        cc = [a for a in holder.delegates if a != holder.email] if holder.cc_delegates else []
        template = "disposition_request"
    disposition.sent_to = ", ".join(to)[:320]
    send(desk, s, template, to, {**context, "delegates": cc}, cc=cc, kind=f"request_{step}", ticket=ticket,
          message_id=disposition.message_id, attachments=files, answering=False)


def hold_notice(desk, s: Session, ticket: Ticket, disposition: Disposition) -> None:
    held_step = running_step(ticket.status, ticket.held_from) or "kadis"
    above = [desk.config.roles[r].email for r, rank in RANK.items() if r != "officer" and rank > RANK[held_step]]
    disposition.sent_to = ticket.held_by
    send(desk, s, "hold_notice", [ticket.held_by], {**ticket_context(desk, ticket),
          "code": short_code(disposition.token)}, cc=[a for a in above if a != ticket.held_by][:1],
          kind="hold_notice", ticket=ticket, message_id=disposition.message_id, answering=False)


def requester_update(desk, s: Session, ticket: Ticket, what: str, reason: str = "") -> None:
    send(desk, s, "requester_update", [ticket.requester_email], {
        **ticket_context(desk, ticket), "what": what, "reason": reason,
        "equipment_advice": bool(_EQUIPMENT.search(reason or "")), "assignees": ticket.assignees},
        kind=f"update_{what}", ticket=ticket, in_reply_to=ticket.message_id, answering=False)


def reply_unclear(desk, s: Session, ticket: Ticket, disposition: Disposition, mail: Mail, decision,
                  not_allowed: bool = False) -> None:
    send(desk, s, "reply_unclear", [mail.sender], {
        **ticket_context(desk, ticket), "decision": decision, "not_allowed": not_allowed,
        "step": disposition.step, "code": short_code(disposition.token), "officers": desk.config.officers},
        kind="reply_unclear", ticket=ticket, in_reply_to=mail.message_id,
        references=[disposition.message_id, *mail.references])


def reply_not_counted(desk, s: Session, ticket: Ticket, mail: Mail, why: str, holders: list[str],
                      successor: Official | None = None) -> None:
    """``successor``: with ``why`` "passed", the official the sender's step has passed to."""
    send(desk, s, "reply_not_counted", [mail.sender], {**ticket_context(desk, ticket), "why": why,
          "holders": holders, "successor": successor}, kind="reply_not_counted", ticket=ticket,
          in_reply_to=mail.message_id, references=mail.references)


def report_incomplete(desk, s: Session, ticket: Ticket, disposition: Disposition, mail: Mail, given: dict,
                      missing: list[str]) -> None:
    send(desk, s, "report_incomplete", [mail.sender], {
        **ticket_context(desk, ticket), "given": given, "missing": missing, "code": short_code(disposition.token)},
        kind="report_incomplete", ticket=ticket, in_reply_to=mail.message_id,
        references=[disposition.message_id, *mail.references])


def forward_requester_info(desk, s: Session, ticket: Ticket, mail: Mail, row: InboundMessage, typed: str,
                           to: list[str] | None = None) -> None:
    """What the requester added, to whoever holds the ticket now (or to ``to``)."""
    if to is None:
        step = running_step(ticket.status, ticket.held_from) or "kadis"
        to = holder_addresses(desk, ticket, step) if ticket.status != ON_HOLD else [ticket.held_by]
    archive = Archive(desk.storage)
    files = [FileToAttach(a.filename, a.content_type, archive.get("attachments", a.sha256))
             for a in row.attachments if a.stored]
    send(desk, s, "requester_info", [a for a in to if a], {**ticket_context(desk, ticket), "typed": typed,
          "sender": mail.sender}, kind="requester_info", ticket=ticket, attachments=files, answering=False)


def rate_limited(desk, s: Session, mail: Mail) -> None:
    send(desk, s, "rate_limited", [mail.sender], {
        "limit": desk.config.limits.max_requests_per_sender_per_hour, "subject": mail.subject},
        kind="rate_limited", ticket=None, in_reply_to=mail.message_id)
