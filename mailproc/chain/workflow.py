"""The workflow: the SOP's disposition chain as a small state machine driven by mail.

Its states and every allowed change are the table in ``chain.states``; this module is the only
writer of ``Ticket.status``. Each transition has exactly one step whose holder may make it;
configured delegates (Plt./Plh.) act for that role and the timeline says for whom. A reply moves a
ticket only when its sender holds the current step and it carries the token of that step's open
request (see ``dispositions``).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mailproc.chain import completion, delivery, dispositions, notify
from mailproc.chain.people import Actor, holder_addresses, identify
from mailproc.chain.states import (AWAITING_KADIS, CLOSED_STATUSES, HELD_FROM, IN_PROGRESS, ON_HOLD, RANK, ROLES,
                                   STEP_OF_STATUS, Transition, find_transition, running_step)
from mailproc.core.catalogue import category_or_default
from mailproc.core.config import Official, Person
from mailproc.core.dates import format_working_time
from mailproc.mail.parse import Mail
from mailproc.chain.route import Thread
from mailproc.store.models import Assignment, Disposition, Event, InboundMessage, Ticket
from mailproc.store.tickets import next_code, record
from mailproc.worktime.targets import work_day, work_start

GENERIC_SUBJECT_WORDS = 3   # "Surat", "Surat permohonan", "Kiriman surat dinas"


# -- a new request ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Entry:
    """A request staff entered for an OPD (``ATAS NAMA``): the ticket belongs to the OPD, its
    requester is the OPD's penanggung jawab, and the mail only carried it in."""
    opd: Any                          # intake.registry.Opd, with a penanggung jawab
    channel: str                      # telepon | surat | chat | whatsapp | datang_langsung | portal
    entered_by: str                   # the staff address
    contact: str | None               # who called / came, as the staff wrote it
    received_at: datetime | None      # when the request reached the desk (None: the mail's time)
    text: str                         # the request, without the ATAS NAMA lines



def open_ticket(desk, s: Session, mail: Mail, row: InboundMessage, *, refused_attachments=(),
                parent: Ticket | None = None, entry: Entry | None = None, letter=None) -> Ticket:
    """A new ticket from ``mail``. ``letter`` is the attached letter as the intake read it
    (``intake.letter.reading.Letter``): its Perihal and text count like the mail's own words, its
    letterhead names the OPD when the sender's address does not, and the officials see its facts."""
    now = desk.clock.now()
    result = desk.classifier.classify(mail.subject, entry.text if entry else mail.text, letter.text if letter else None)
    opd = entry.opd if entry else desk.registry.lookup(mail.sender, s)
    if opd is None and letter is not None and letter.opd_key:
        opd = desk.registry.get(letter.opd_key)
    subject = _subject(mail.subject, letter.facts.subject if letter else None)
    ticket = Ticket(
        code=next_code(s, now), status=AWAITING_KADIS, category=result.category, priority=result.priority,
        needs_triage=result.needs_triage, classification=[_hit(desk, h, letter) for h in result.hits],
        opd_key=opd.key if opd else None, opd_name=opd.name if opd else None,
        requester_email=entry.opd.pj.email if entry else mail.sender,
        requester_name=(entry.opd.pj.name if entry else mail.sender_name) or None,
        subject=subject, body=entry.text if entry else mail.text, message_id=mail.message_id, letter=letter.as_json() if letter else None,
        inbound_id=row.id, parent_id=parent.id if parent else None, created_at=now, updated_at=now)
    if entry is not None:
        ticket.channel, ticket.entered_by, ticket.contact = entry.channel, entry.entered_by, entry.contact
    s.add(ticket)
    s.flush()
    row.ticket_id = ticket.id
    detail = (f"{ticket.category or 'kategori belum ditentukan (triase)'}, prioritas {ticket.priority}, "
              f"OPD {ticket.opd_name or 'tidak terdaftar'}")
    record(s, ticket, now, mail.sender, "created", detail, inbound_id=row.id,
           data=_created_data(parent, entry))
    notify.acknowledge(desk, s, ticket, mail, refused_attachments, cc=[entry.entered_by] if entry else [],
                       received_at=entry.received_at if entry else None)
    request_step(desk, s, ticket, "kadis", first=True)
    return ticket


def _subject(mail_subject: str, letter_subject: str | None) -> str:
    """The mail's subject, unless it says no more than "Surat" or "Permohonan" and the letter has
    a Perihal."""
    if letter_subject and len(mail_subject.split()) <= GENERIC_SUBJECT_WORDS:
        return letter_subject
    return mail_subject or "(tanpa perihal)"


def _created_data(parent: Ticket | None, entry: Entry | None) -> dict | None:
    data = {"parent": parent.code} if parent else {}
    if entry is not None:
        data.update({"channel": entry.channel, "entered_by": entry.entered_by, "contact": entry.contact,
                     "received_at": entry.received_at.isoformat() if entry.received_at else None})
    return data or None


def _hit(desk, hit, letter) -> dict:
    source = (letter.source_of(hit.zone, hit.matched, desk.classifier.normaliser) if letter else None) or "email"
    return {"rule": hit.rule, "kind": hit.kind, "target": hit.target, "matched": hit.matched,
            "weight": hit.weight, "source": source}


def request_step(desk, s: Session, ticket: Ticket, step: str, due_at=None, first: bool = False) -> Disposition:
    """Open the step's request, start its clock (or keep ``due_at``) and mail the holder."""
    now = desk.clock.now()
    disposition = dispositions.open_request(desk, s, ticket, step, first=first)
    ticket.step_started_at = now
    if step == "officer":
        ticket.due_at = ticket.resolution_due_at
    else:
        ticket.due_at = due_at or desk.sla.deadline(desk.calendar, step, now)
    notify.disposition_request(desk, s, ticket, disposition)
    return disposition


# -- replies on a ticket's thread --------------------------------------------------------------

def note_ignored(desk, s: Session, ticket: Ticket, mail: Mail, row: InboundMessage, reason: str) -> None:
    record(s, ticket, desk.clock.now(), mail.sender, "reply_ignored", reason, inbound_id=row.id)


def on_followup(desk, s: Session, thread: Thread, mail: Mail, row: InboundMessage) -> str:
    from mailproc.chain.replies import extract_reply   # start-up: mail-parser-reply, only for replies

    # One reply at a time per ticket: on PostgreSQL two workers (or the pipe door and the mailbox)
    # could otherwise both take the same open request. SQLite's writers are serial already.
    ticket = s.get(Ticket, thread.ticket.id, with_for_update=True, populate_existing=True)
    row.ticket_id = ticket.id
    now = desk.clock.now()
    typed = extract_reply(mail.text_part, mail.html)
    actor = identify(desk, ticket, mail.sender)

    successor = _successor(desk, s, ticket, mail)
    if successor is not None and not _is_out_of_office(desk, typed):
        reason = _unauthorized(desk, s, ticket, mail, row, f"step passed from {mail.sender} to {successor.email}")
        _tell_not_counted(desk, s, ticket, mail, typed, "passed", successor)
        return reason
    if not actor.roles:
        return _from_outside_chain(desk, s, ticket, mail, row, typed)

    disposition, how = dispositions.proven_request(s, ticket, mail)
    decision = None
    if disposition is not None:
        decision = desk.grammar.read(typed, _grammar_step(disposition.step, ticket), officers=desk.config.officers,
                                     on_hold=ticket.status == ON_HOLD)
    # An out-of-office text without the headers changes nothing and gets no answer, unless the person
    # also typed a decision ("Tugaskan Rahmat. Siti sedang cuti.").
    if (decision is None or decision.kind in ("unclear", "acknowledged")) and _is_out_of_office(desk, typed):
        record(s, ticket, now, mail.sender, "reply_ignored", "balasan otomatis / di luar kantor", inbound_id=row.id)
        return "out-of-office reply from an official"
    if disposition is None:
        reason = _unauthorized(desk, s, ticket, mail, row, how)
        _tell_not_counted(desk, s, ticket, mail, typed, "stale")
        return reason
    if not _may_answer(desk, ticket, actor, disposition):
        reason = _unauthorized(desk, s, ticket, mail, row, f"{mail.sender} does not hold step {disposition.step}")
        _tell_not_counted(desk, s, ticket, mail, typed, "not_holder")
        return reason
    return apply(desk, s, ticket, disposition, actor, decision, mail, row)


def _successor(desk, s: Session, ticket: Ticket, mail: Mail) -> Official | None:
    """The official now holding the role whose request this mail answers, when that request was mailed
    to the sender and the role has since passed to someone else (``officials.hand_over_changed``)."""
    answered = dispositions.carried_request(s, ticket, mail)
    if answered is None or answered.step not in ROLES or answered.sent_to != mail.sender:
        return None
    holder = desk.config.roles[answered.step]
    return holder if holder.email != mail.sender else None


def _grammar_step(step: str, ticket: Ticket) -> str:
    if step == "resume":
        return STEP_OF_STATUS.get(ticket.held_from or "", "kadis")
    return step


def _may_answer(desk, ticket: Ticket, actor: Actor, disposition: Disposition) -> bool:
    if disposition.step == "resume":
        held_by = ticket.held_by or ""
        held_role = next((r for r in RANK if r in identify(desk, ticket, held_by).roles), "officer")
        return actor.address == held_by or any(RANK[r] > RANK[held_role] for r in actor.roles if r in RANK)
    return disposition.step in actor.roles


def _acting_role(actor: Actor, step: str, ticket: Ticket) -> str:
    if step in actor.roles:
        return step
    return max((r for r in actor.roles if r in RANK), key=RANK.get, default="officer")


def apply(desk, s: Session, ticket: Ticket, disposition: Disposition, actor: Actor, decision, mail: Mail,
          row: InboundMessage) -> str:
    now = desk.clock.now()
    role = _acting_role(actor, disposition.step, ticket)
    behalf = actor.on_behalf_of.get(role)
    kind = decision.kind
    evidence = {"decision": kind, "evidence": decision.evidence[:500], "via": disposition.message_id}

    def event(action: str, detail: str = "") -> None:
        record(s, ticket, now, actor.address, action, detail, inbound_id=row.id, on_behalf_of=behalf,
               data=evidence)

    if kind == "acknowledged":
        event("reply_ignored", "hanya ucapan/konfirmasi, bukan keputusan")
        return "acknowledgement without a decision"
    if kind in ("unclear", "needs_assignee") or (kind == "assign" and decision.unknown_officers):
        event("reply_unclear", _unclear_detail(decision))
        if _answered_lately(desk, s, ticket, actor.address):
            return f"reply not understood ({kind}); already answered within the hour"
        notify.reply_unclear(desk, s, ticket, disposition, mail, decision)
        return f"reply not understood ({kind})"

    transition = find_transition(ticket.status, kind)
    if ticket.status == ON_HOLD and transition is None:
        return _refused(desk, s, ticket, disposition, mail, decision, event)
    if kind == "hold":
        if transition is None:
            return _refused(desk, s, ticket, disposition, mail, decision, event)
        ticket.held_from, ticket.hold_reason, ticket.held_by = ticket.status, decision.reason, actor.address
        _move(ticket, transition)
        disposition.decided_at, disposition.decision, disposition.decided_by = now, "hold", actor.address
        event("held", decision.reason)
        notify.requester_update(desk, s, ticket, "held", reason=decision.reason)
        resume = dispositions.open_request(desk, s, ticket, "resume")
        notify.hold_notice(desk, s, ticket, resume)
        return "ticket put on hold"

    if transition is not None and transition.target == HELD_FROM:
        previous = ticket.held_from or AWAITING_KADIS
        held_at = max((e.at for e in ticket.events if e.action == "held"), default=now)
        cal = desk.calendar
        paused = cal.working_minutes_between(held_at, now)
        # Time on hold does not count: the clock goes on with what was left when the hold began.
        due_at = None
        if previous == IN_PROGRESS and ticket.resolution_due_at:
            left = cal.working_minutes_between(held_at, ticket.resolution_due_at)
            ticket.resolution_due_at = cal.add(cal.next_working_instant(now), minutes=left)
        elif ticket.due_at:   # what was left of the step (nothing, when it was late already: still late)
            left = cal.working_minutes_between(held_at, ticket.due_at)
            due_at = cal.add(cal.next_working_instant(now), minutes=left) if left > 0 else ticket.due_at
        _move(ticket, transition)
        ticket.held_from, ticket.hold_reason, ticket.held_by = None, None, None
        disposition.decided_at, disposition.decision, disposition.decided_by = now, "resume", actor.address
        evidence.update({"held_at": held_at.isoformat(), "paused_working_minutes": round(paused, 1)})
        event("resumed", f"dilanjutkan ke status {previous}; ditunda {format_working_time(paused)} waktu kerja")
        notify.requester_update(desk, s, ticket, "resumed")
        request_step(desk, s, ticket, STEP_OF_STATUS[previous], due_at=due_at)
        return "ticket resumed"

    if transition is None or transition.step != disposition.step:
        return _refused(desk, s, ticket, disposition, mail, decision, event)

    if kind == "done" and decision.missing:
        merged = {**(ticket.report or {}), **decision.report}
        missing = [k for k in decision.missing if not merged.get(k)]
        if missing:
            ticket.report = merged
            event("reply_unclear", "laporan SELESAI belum lengkap: " + ", ".join(missing))
            notify.report_incomplete(desk, s, ticket, disposition, mail, merged, missing)
            return "report incomplete"
        decision_report = merged
    else:
        decision_report = {**(ticket.report or {}), **decision.report} if kind == "done" else None

    disposition.decided_at, disposition.decision, disposition.decided_by = now, kind, actor.address
    _move(ticket, transition)
    if transition.action == "forwarded":
        event("forwarded", f"diteruskan ke {transition.target.removeprefix('awaiting_')}")
        request_step(desk, s, ticket, STEP_OF_STATUS[transition.target])
    elif transition.action == "rejected":
        ticket.closed_at, ticket.due_at = now, None
        event("rejected", decision.reason)
        notify.requester_update(desk, s, ticket, "rejected", reason=decision.reason)
    elif transition.action == "assigned":
        _assign(desk, s, ticket, decision.officers, now)
        event("assigned", ", ".join(f"{o.name} ({o.nip})" for o in decision.officers))
        request_step(desk, s, ticket, "officer")
        notify.requester_update(desk, s, ticket, "assigned")
    elif transition.action == "completed":
        ticket.report, ticket.closed_at, ticket.due_at = decision_report, now, None
        event("completed", decision_report.get("work_summary", "")[:500])
        notify.requester_update(desk, s, ticket, "completed")
        completion.on_completed(desk, s, ticket)
    return transition.action


def _move(ticket: Ticket, transition: Transition) -> None:
    """The one place a ticket's status changes: along a row of ``states.TRANSITIONS``."""
    assert ticket.status == transition.source, (ticket.status, transition)
    ticket.status = (ticket.held_from or AWAITING_KADIS) if transition.target == HELD_FROM else transition.target


def _assign(desk, s: Session, ticket: Ticket, officers: tuple[Person, ...], now) -> None:
    for a in list(ticket.assignees):
        s.delete(a)
    ticket.assignees.clear()
    for officer in officers:
        ticket.assignees.append(Assignment(name=officer.name, nip=officer.nip, email=officer.email))
    start, moved = _work_start(desk, s, ticket, now)
    ticket.work_starts_at = start
    ticket.resolution_due_at = desk.sla.deadline(desk.calendar, "resolution", start, category_or_default(ticket.category),
                                                 ticket.priority)
    if moved:
        record(s, ticket, now, desk.config.service.address, "work_moved",
               f"kapasitas harian penuh: pekerjaan dimulai {start.isoformat()}")
        notify.requester_update(desk, s, ticket, "work_moved")


def _work_start(desk, s: Session, ticket: Ticket, now):
    cal = desk.calendar
    day = work_day(cal, now)
    begin = cal.working_day_start(day)
    started = s.scalar(select(func.count(Ticket.id)).where(
        Ticket.work_starts_at >= begin, Ticket.work_starts_at < begin + timedelta(days=1), Ticket.id != ticket.id))
    start, moved = work_start(cal, now, started or 0, desk.sla.daily_capacity)
    while moved:
        day_begin = cal.working_day_start(start.date())
        count = s.scalar(select(func.count(Ticket.id)).where(
            Ticket.work_starts_at >= day_begin, Ticket.work_starts_at < day_begin + timedelta(days=1)))
        if (count or 0) < desk.sla.daily_capacity:
            break
        start = cal.working_day_start(cal.next_working_day(start.date()))
    return start, moved


def _answered_lately(desk, s: Session, ticket: Ticket, address: str) -> bool:
    """Did this person get a "not understood" answer on this ticket in the last hour? A robot that
    ignores Auto-Submitted must not keep an exchange going."""
    since = desk.clock.now() - timedelta(hours=1)
    earlier = s.scalar(select(func.count(Event.id)).where(
        Event.ticket_id == ticket.id, Event.actor == address, Event.action == "reply_unclear", Event.at >= since))
    return (earlier or 0) > 1   # the event just recorded counts as one


def _refused(desk, s, ticket, disposition, mail, decision, event) -> str:
    event("reply_ignored", f"keputusan {decision.kind} tidak berlaku pada status {ticket.status}")
    notify.reply_unclear(desk, s, ticket, disposition, mail, decision, not_allowed=True)
    return f"{decision.kind} not allowed in status {ticket.status}"


def _unclear_detail(decision) -> str:
    if decision.kind == "needs_assignee":
        return "persetujuan tanpa nama petugas"
    if decision.unknown_officers:
        return "petugas tidak dikenal: " + ", ".join(decision.unknown_officers)
    return "keputusan tidak terbaca"


def _unauthorized(desk, s, ticket, mail, row, why: str) -> str:
    evidence = {"why": why, "from": mail.sender, "references": list(mail.thread_ids)[:10],
                "authentication_results": mail.header("authentication-results")[:500] or None,
                "raw_sha256": mail.sha256}
    record(s, ticket, desk.clock.now(), mail.sender, "reply_unauthorized", why, inbound_id=row.id, data=evidence)
    return f"unauthorized: {why}"


def _tell_not_counted(desk, s: Session, ticket: Ticket, mail: Mail, typed: str, why: str,
                      successor: Official | None = None) -> None:
    """An official whose reply did not count hears why (once an hour per ticket), at their own
    address: a late answer, an old request, a step someone else holds, or one that has passed to a
    new holder (``successor``). A forged From: thus warns the real official instead of telling the
    forger anything."""
    if not typed.strip():
        return
    since = desk.clock.now() - timedelta(hours=1)
    earlier = s.scalar(select(func.count(Event.id)).where(
        Event.ticket_id == ticket.id, Event.actor == mail.sender, Event.action == "reply_unauthorized",
        Event.at >= since))
    if (earlier or 0) > 1:   # the event just recorded counts as one
        return
    step = running_step(ticket.status, ticket.held_from)
    holders = holder_addresses(desk, ticket, step) if step else []
    notify.reply_not_counted(desk, s, ticket, mail, why, holders, successor)


def _is_out_of_office(desk, typed: str) -> bool:
    # On the typed text alone: the subject of a reply on our thread repeats our own request
    # ("Mohon disposisi: internet mati"), and an "Automatic reply:" subject is the guard's already.
    intent = desk.intent.detect("", typed)
    return not intent.is_request and "out" in intent.reason and "office" in intent.reason


def _from_outside_chain(desk, s, ticket, mail, row, typed: str) -> str:
    """The requester, their OPD or the PJ writing on the ticket's thread."""
    now = desk.clock.now()
    opd = desk.registry.lookup(mail.sender, s)
    same_side = mail.sender == ticket.requester_email or (opd is not None and opd.key == ticket.opd_key)
    if not same_side:
        return _unauthorized(desk, s, ticket, mail, row, f"{mail.sender} is neither in the chain nor the requester's OPD")
    if ticket.status in CLOSED_STATUSES:
        handled = completion.on_requester_reply(desk, s, ticket, mail, row, typed)
        if isinstance(handled, completion.Reopen):
            return _reopen(desk, s, ticket, handled, mail, row)
        if handled:
            return handled
        intent = desk.intent.detect(mail.subject, typed)
        acknowledgement = desk.grammar.read(typed, "pj").kind == "acknowledged"
        asks = bool(typed.strip()) and intent.is_request and not acknowledgement
        # A new ticket only when the typed text reports a network problem again (the rules find a
        # category in it); a question about the finished work goes to the Pranata Komputer instead.
        if asks and desk.classifier.classify("", typed).category is not None:
            new = open_ticket(desk, s, mail, row, parent=ticket)
            record(s, ticket, now, mail.sender, "reopened_as_new", f"laporan ulang menjadi tiket {new.code}",
                   inbound_id=row.id)
            return f"problem reported again: new ticket {new.code}"
        record(s, ticket, now, mail.sender, "requester_reply", typed[:2000], inbound_id=row.id)
        if asks:
            notify.forward_requester_info(desk, s, ticket, mail, row, typed,
                                          to=[desk.config.roles["prakom"].email])
            return "requester asked about a closed ticket: forwarded to the Pranata Komputer"
        return "requester wrote on a closed ticket"
    record(s, ticket, now, mail.sender, "requester_info", typed[:2000], inbound_id=row.id)
    notify.forward_requester_info(desk, s, ticket, mail, row, typed)
    return "requester added information"


def _reopen(desk, s: Session, ticket: Ticket, reopen: completion.Reopen, mail: Mail, row: InboundMessage) -> str:
    """The PJ's BELUM SELESAI within the window: the work starts again."""
    now = desk.clock.now()
    cal = desk.calendar
    disposition = reopen.disposition
    if reopen.rating is not None:
        ticket.rating = reopen.rating
    disposition.decided_at, disposition.decision, disposition.decided_by = now, "reopen", mail.sender
    _move(ticket, find_transition(ticket.status, "reopen"))
    ticket.closed_at = None
    # A fresh resolution target from now: the work starts again, with the same target as before.
    ticket.resolution_due_at = desk.sla.deadline(cal, "resolution", cal.next_working_instant(now),
                                                 category_or_default(ticket.category), ticket.priority)
    # The report the PJ just turned down stays in the timeline, not on the ticket: the next SELESAI
    # must say what was done this time (a bare SELESAI is asked for all four fields again).
    record(s, ticket, now, mail.sender, "reopened", reopen.reason[:2000] or "belum selesai", inbound_id=row.id,
           data={**reopen.evidence, "version": reopen.version, "previous_report": ticket.report})
    ticket.report = None
    work_order = request_step(desk, s, ticket, "officer")
    delivery.tell_officers_reopened(desk, s, ticket, work_order, reopen.reason, mail.sender)
    cc = [ticket.requester_email] if ticket.requester_email != mail.sender else []
    delivery.answer(desk, s, ticket, mail, "reopened", cc=cc, reason=reopen.reason)
    return "ticket reopened"


def explain_rate_limit(desk, s: Session, mail: Mail, row: InboundMessage) -> None:
    """One explanation per sender per hour, however many messages the flood holds."""
    since = desk.clock.now() - timedelta(hours=1)
    explained = s.scalar(select(func.count(InboundMessage.id)).where(
        InboundMessage.from_addr == mail.sender, InboundMessage.received_at >= since,
        InboundMessage.reason.like("rate_limited%")))
    if not explained:
        notify.rate_limited(desk, s, mail)
