"""Status questions by email: "STATUS JIP-2026-0001", "STATUS" alone, or "sudah sampai mana?".

A message is a status question when its subject or first typed line is the command ``STATUS
<ticket>`` (any case, the ID with or without brackets) or ``STATUS`` alone (on a ticket's thread:
that ticket; elsewhere: the sender's OPD's open tickets), or when it names a ticket (tag or bare ID,
or by its thread) and its subject and newest text ask about progress by the rules of
``rules/status.toml``. A follow-up that adds information or asks for new work is not one, nor a
reply to a step's request (an official's decision, the PJ's answer to a Berita Acara) unless it
is the command itself.

A status question never opens a ticket and never reaches the chain. Who gets what:

* the requester side (the requester, any address of the ticket's OPD, its penanggung jawab) and the
  people of the chain (roles, delegates, the ticket's officers): the ticket's status
  (``chain.status_answer``), at most once per sender and ticket in ``REPEAT_WINDOW``;
* anyone else (and a question about a ticket that does not exist): a short answer without any
  ticket data, only when the message is authenticated (``intake.authentication``); otherwise
  nothing. ``STATUS`` alone is answered to registered senders (allowed domain or OPD registry).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from sqlalchemy import func, select, true
from sqlalchemy.orm import Session

from mailproc.chain import status_answer
from mailproc.chain.people import identify
from mailproc.chain.route import Thread
from mailproc.chain.states import OPEN_STATUSES
from mailproc.intake.authentication import authenticated
from mailproc.intake.textrules import (ZONE_DEFAULTS, Normaliser, RuleSet, RulesError, ZoneWeights, read_normaliser,
                                       read_rules, read_settings, read_toml, score_rules, tokenize_message)
from mailproc.mail.parse import Mail
from mailproc.store.models import FOLLOWUP, IGNORED, Assignment, InboundMessage, Ticket
from mailproc.store.tickets import find_by_code, record

STATUS_FILE = "status.toml"
STATUS_SETTINGS = {**ZONE_DEFAULTS, "min_score": 1.0, "min_score_unnamed": 2.0}
SIDES = ("status", "other", "reference")

REPEAT_WINDOW = timedelta(minutes=10)
MAX_LISTED = 20

_ID = r"JIP-\d{4}-\d{1,6}"
CODE = re.compile(rf"(?<![A-Za-z0-9-])({_ID})(?![0-9])", re.IGNORECASE)
COMMAND = re.compile(rf"^\s*(?:\[?\s*(?P<before>{_ID})\s*\]?\s*[:\-]?\s*)?status\b(?:\s+(?:tiket|ticket))?\s*[:#\-]?\s*"
                     rf"(?:\[\s*(?P<tagged>{_ID})\s*\]|(?P<bare>{_ID}))?\s*[.!?]*\s*$", re.IGNORECASE)
_SUBJECT_PREFIX = re.compile(r"^\s*(?:(?:re|aw|fw|fwd|bls|balas|tr|trs|r)\s*(?:\[\d+\])?\s*:\s*)+", re.IGNORECASE)

# The reasons an inbound message is recorded with (``mailproc messages``).
ANSWERED = "status question answered"
LISTED = "status question: open tickets listed"
REPEATED = "status question: answered less than 10 minutes ago, not answered again"
REFUSED = "status question: not the requester's side or the chain; short answer without ticket data"
REFUSED_REPEATED = "status question: not the requester's side or the chain; already told less than 10 minutes ago"
UNAUTHENTICATED = "status question from outside the ticket's side, not authenticated: nothing sent"


@dataclass(frozen=True)
class StatusQuestion:
    code: str | None     # the ticket asked about; None: the sender's OPD's open tickets
    how: str             # "command" | "phrase"
    evidence: tuple[str, ...] = ()   # the command line, or the phrases the rules matched


@dataclass(frozen=True)
class Reading:
    newest: str          # the newest typed text
    score: float         # progress minus the other side
    reference: float     # points back at an earlier request
    matched: tuple[str, ...]   # "rule: phrase" of the progress side


class StatusRules:
    def __init__(self, normaliser: Normaliser, rules: RuleSet, sides: dict[str, str], settings: dict):
        self.normaliser, self._rules, self._sides, self.settings = normaliser, rules, sides, settings
        self._weights = ZoneWeights.from_settings(settings)

    @classmethod
    def load(cls, rules_dir: Path) -> "StatusRules":
        path = Path(rules_dir) / STATUS_FILE
        data = read_toml(path)
        normaliser = read_normaliser(data, path)
        settings = read_settings(data, path, STATUS_SETTINGS)
        raw_targets = data.get("targets")
        if not isinstance(raw_targets, dict) or not raw_targets:
            raise RulesError(f"{path}: targets: missing; expected tables like [targets.progress]")
        sides = {}
        for key, raw in raw_targets.items():
            if not isinstance(raw, dict) or raw.get("side") not in SIDES:
                raise RulesError(f"{path}: targets.{key}.side: must be one of {', '.join(SIDES)}")
            unknown = set(raw) - {"side", "label"}
            if unknown:
                raise RulesError(f"{path}: targets.{key}.{sorted(unknown)[0]}: unknown key")
            sides[key] = raw["side"]
        unknown = set(data) - {"aliases_from", "aliases", "settings", "targets", "rules"}
        if unknown:
            raise RulesError(f"{path}: {sorted(unknown)[0]}: unknown top-level key")
        rules = read_rules(data, path, sides, normaliser, "status target")
        return cls(normaliser, RuleSet(rules), sides, settings)

    def read(self, subject: str, text: str) -> Reading:
        message = tokenize_message(subject, text, self.normaliser)
        scores, hits = score_rules(self._rules, message, self._weights, "status")
        by_side = {side: 0.0 for side in SIDES}
        for target, value in scores.items():
            by_side[self._sides[target]] += value
        matched = tuple(f"{h.rule}: {h.matched}" for h in hits if self._sides[h.target] == "status")
        return Reading(message.zones.newest, by_side["status"] - by_side["other"], by_side["reference"], matched)


def ticket_code(text: str) -> str:
    """"jip-2026-1" -> "JIP-2026-0001", as ``store.tickets.next_code`` writes it."""
    prefix, year, number = text.upper().split("-")
    return f"{prefix}-{year}-{int(number):04d}"


def first_line(text: str) -> str:
    return next((line for line in (text or "").splitlines() if line.strip()), "")


def read_question(desk, s: Session, mail: Mail, thread: Thread | None) -> StatusQuestion | None:
    """Is this message a status question, and about which ticket?"""
    subject = _SUBJECT_PREFIX.sub("", mail.subject or "")
    rules = desk.status_rules
    reading = rules.read(mail.subject, mail.text)
    command = COMMAND.match(subject) or COMMAND.match(first_line(reading.newest))
    if command:
        code = (command.group("tagged") or command.group("bare") or command.group("before")
                or (thread.ticket.code if thread else None))
        return StatusQuestion(ticket_code(code) if code else None, "command", (command.group(0).strip()[:200],))
    if thread is not None and thread.disposition is not None:
        return None     # a reply to a step's request: the chain reads it
    named = CODE.search(subject) or CODE.search(reading.newest)
    code = ticket_code(named.group(1)) if named else (thread.ticket.code if thread else None)
    if code is not None:
        if reading.score < rules.settings["min_score"]:
            return None
        ticket = find_by_code(s, code)
        if ticket is not None and identify(desk, ticket, mail.sender).roles:
            return None     # the chain's people answer requests; they do not ask
        return StatusQuestion(code, "phrase", reading.matched)
    if reading.score >= rules.settings["min_score_unnamed"] and reading.reference > 0 and \
            _registered(desk, s, mail.sender):
        query = _open_tickets_query(_list_scope(desk, s, mail.sender)[2])
        if s.scalar(select(func.count()).select_from(query.subquery())):
            return StatusQuestion(None, "phrase", reading.matched)
    return None


def answer(desk, s: Session, mail: Mail, row: InboundMessage, question: StatusQuestion) -> tuple[str, str, str | None]:
    """Answer (or not) a status question; returns the message's (outcome, reason, ticket code)."""
    if question.code is None:
        return _answer_list(desk, s, mail, row)
    ticket = find_by_code(s, question.code)
    if ticket is None or not _may_see(desk, s, ticket, mail.sender):
        return _refuse(desk, s, mail, row, ticket)
    now = desk.clock.now()
    row.ticket_id = ticket.id
    if _answered_lately(desk, s, mail.sender, row, ANSWERED, ticket.id):
        record(s, ticket, now, mail.sender, "status_not_answered", "pertanyaan status diulang dalam 10 menit; "
               "tidak dijawab lagi", inbound_id=row.id)
        return FOLLOWUP, REPEATED, ticket.code
    status_answer.ticket_status(desk, s, ticket, mail)
    record(s, ticket, now, mail.sender, "status_answered", f"status tiket dikirim ({question.how})",
           inbound_id=row.id, data={"how": question.how, "evidence": list(question.evidence)})
    return FOLLOWUP, ANSWERED, ticket.code


def _may_see(desk, s: Session, ticket: Ticket, sender: str) -> bool:
    """The requester side (the requester, the OPD's addresses and PJ) and the people of the chain."""
    if sender == ticket.requester_email:
        return True
    opd = desk.registry.lookup(sender, s)   # with the addresses registered by the Prakom's reply
    if opd is not None and ticket.opd_key is not None and opd.key == ticket.opd_key:
        return True
    return bool(identify(desk, ticket, sender).roles)


def _registered(desk, s: Session, sender: str) -> bool:
    return desk.guard.sender_allowed(sender, desk.config.service.allowed_domains,
                                     desk.registry.lists_address(sender, s)) is None


def _list_scope(desk, s: Session, sender: str):
    """Whose open tickets ``STATUS`` alone lists: every one for the officials and their delegates,
    an officer's assigned ones, an OPD's own, and otherwise the sender's own requests."""
    if any(sender == o.email or sender in o.delegates for o in desk.config.roles.values()):
        return "all", None, true()
    if any(sender == p.email for p in desk.config.officers):
        return "assigned", None, Ticket.assignees.any(Assignment.email == sender)
    opd = desk.registry.lookup(sender, s)   # with the addresses registered by the Prakom's reply
    if opd is not None:
        return "opd", opd, Ticket.opd_key == opd.key
    return "own", None, Ticket.requester_email == sender


def _open_tickets_query(clause):
    return select(Ticket).where(clause, Ticket.status.in_(OPEN_STATUSES)).order_by(Ticket.created_at.desc(),
                                                                                    Ticket.id.desc())


def _answer_list(desk, s: Session, mail: Mail, row: InboundMessage) -> tuple[str, str, str | None]:
    if not _registered(desk, s, mail.sender):
        return _refuse(desk, s, mail, row, None)
    if _answered_lately(desk, s, mail.sender, row, LISTED, None):
        return FOLLOWUP, REPEATED, None
    scope, opd, clause = _list_scope(desk, s, mail.sender)
    query = _open_tickets_query(clause)
    total = s.scalar(select(func.count()).select_from(query.subquery())) or 0
    tickets = list(s.scalars(query.limit(MAX_LISTED)))
    status_answer.open_tickets(desk, s, mail, scope, opd, tickets, total)
    return FOLLOWUP, LISTED, None


def _refuse(desk, s: Session, mail: Mail, row: InboundMessage, ticket: Ticket | None) -> tuple[str, str, str | None]:
    """Someone outside the ticket's side (or asking about no ticket): a short answer without ticket
    data, only when the message is authenticated; the ticket's timeline keeps the attempt either way."""
    now = desk.clock.now()
    if not authenticated(mail, desk.config.senders.authserv_ids):
        if ticket is not None:
            record(s, ticket, now, mail.sender, "status_refused", "bukan pihak pemohon atau rantai disposisi, "
                   "tidak terautentikasi; tidak dijawab", inbound_id=row.id)
        return IGNORED, UNAUTHENTICATED, None
    if _answered_lately(desk, s, mail.sender, row, REFUSED, None):
        return FOLLOWUP, REFUSED_REPEATED, None
    status_answer.refused(desk, s, mail)
    if ticket is not None:
        record(s, ticket, now, mail.sender, "status_refused", "bukan pihak pemohon atau rantai disposisi; "
               "dijawab tanpa data tiket", inbound_id=row.id)
    return FOLLOWUP, REFUSED, None


def _answered_lately(desk, s: Session, sender: str, row: InboundMessage, reason: str, ticket_id: int | None) -> bool:
    since = desk.clock.now() - REPEAT_WINDOW
    same_ticket = InboundMessage.ticket_id == ticket_id if ticket_id is not None else InboundMessage.ticket_id.is_(None)
    return (s.scalar(select(func.count(InboundMessage.id)).where(
        InboundMessage.from_addr == sender, InboundMessage.reason == reason, InboundMessage.received_at >= since,
        InboundMessage.id != row.id, same_ticket)) or 0) > 0
