"""How well officials' replies are read, measured end to end on a labelled set of reply mails.

    python -m tools.reply_eval tests/data/replies_blind [--config config.toml] [--min 0.95]

The folder holds replies (``*.eml``), ``labels.csv`` with the columns
file,step,kind,status,expect,note, and ``requests/<name>.eml``: the mails mailproc really sent that
the replies answer (their Message-IDs carry the reply tokens).

Each reply goes through the whole pipeline (``Inbound.handle``: parse, guard, route, token, reply
extraction, grammar, workflow) on a throw-away SQLite desk built from the configuration, against a
fresh ticket first brought to the labelled step with plain, well-formed answers:

    kadis, kabid, prakom, officer (Rahmat and Siti assigned), resume (held by Rahmat at the
    officers' step), resume_kadis (held by the Kadis at his step), pj (Berita Acara issued).

A reply quotes a request of an earlier run, so the request's Message-ID, its short "Kode balasan"
and the ticket number are rewritten to the live request's, exactly where they occur (headers and
quote). Any other token (a forged one) is left as it is.

A reply is read correctly when the observed kind is one of the labelled kinds (``a|b``), the
ticket's status afterwards is the labelled one and every ``expect`` check holds. Observed kinds are
the grammar's (approve, reject, hold, resume, assign, needs_assignee, done, reopen, rate,
acknowledged, unclear) or the pipeline's refusals: ``auto`` (guard or out-of-office), ``unauthorized``
(wrong person, stale or forged token), ``outside`` (the requester's side writing on the thread),
``new_request`` (a PJ reply turned into a new ticket). On a hold notice an approval counts as
``resume``: the workflow resumes on both.

``expect`` holds ``;``-separated checks: ``officers=a,b`` (the assignees' address local parts, as a
set), ``unknown=Name``, ``rating=N``, ``reason=text`` (in the decision's reason), ``missing=f,g``,
``report.FIELD=text`` / ``report.FIELD!=text`` (text in / not in the stored report field). Besides,
no field of a SELESAI report may carry quoted text (an attribution line, the request's instructions).
"""
from __future__ import annotations

import argparse
import copy
import csv
import email
import os
import re
import shutil
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path

from sqlalchemy import select

from mailproc.core.clock import WIB, Clock
from mailproc.core.config import Config, load_config, parse_config
from mailproc.chain.dispositions import short_code
from mailproc.intake.inbound import Inbound, Origin, Result
from mailproc.store.models import Disposition, Event, OutboxMessage, Ticket

LABELS_FILE = "labels.csv"
REQUESTS_DIR = "requests"
STEPS = ("kadis", "kabid", "prakom", "officer", "resume", "resume_kadis", "pj")
KINDS = frozenset({"approve", "reject", "hold", "resume", "assign", "needs_assignee", "done", "reopen", "rate",
                   "acknowledged", "unclear", "auto", "unauthorized", "outside", "new_request"})
NO_MOVE = frozenset({"auto", "unauthorized", "outside"})   # labels whose reply must never change the ticket
RAM_DISK = Path("/dev/shm")
START = datetime(2026, 11, 30, 8, 0, tzinfo=WIB)          # a Monday morning, in working time
_REQUEST_ID = re.compile(r"<mailproc\.(JIP-\d{4}-\d+)\.([a-z]+)\.([0-9a-f]{32})@[^>]+>")
REQUEST_SUBJECT = "Internet kantor mati total"
REQUEST_BODY = ("Dengan hormat,\n\nJaringan internet di kantor kami mati total sejak pagi ini; seluruh komputer "
                "pelayanan tidak bisa terhubung.\nMohon bantuan perbaikan secepatnya.\n\nTerima kasih.\n")


class EvalError(Exception):
    """The set or the bench is broken (not a misread reply)."""


@dataclass(frozen=True)
class Label:
    file: str
    step: str
    kinds: tuple[str, ...]
    status: str
    expect: tuple[tuple[str, str], ...] = ()
    note: str = ""

    @property
    def must_not_move(self) -> bool:
        return set(self.kinds) <= NO_MOVE


@dataclass(frozen=True)
class Outcome:
    label: Label
    kind: str
    status: str
    status_before: str
    pipeline: str                     # the pipeline's own account (Inbound result)
    problems: tuple[str, ...]
    typed: str = ""

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def moved(self) -> bool:
        return self.status != self.status_before


@dataclass
class Report:
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def correct(self) -> int:
        return sum(o.ok for o in self.outcomes)

    @property
    def share(self) -> float:
        return self.correct / len(self.outcomes) if self.outcomes else 0.0

    @property
    def misses(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.ok]

    @property
    def moved_by_no_move(self) -> list[Outcome]:
        """Automatic, forged or outside replies that changed a ticket: must always be empty."""
        return [o for o in self.outcomes if o.label.must_not_move and o.moved]

    def text(self) -> str:
        lines = [f"Replies read correctly: {self.correct}/{len(self.outcomes)} ({100 * self.share:.1f} %)"]
        for step in STEPS:
            mine = [o for o in self.outcomes if o.label.step == step]
            if mine:
                lines.append(f"  {step:<13}{sum(o.ok for o in mine):>4}/{len(mine)}")
        lines.append(f"Automatic, forged or outside replies that moved a ticket: {len(self.moved_by_no_move)}")
        for o in self.moved_by_no_move:
            lines.append(f"  !! {o.label.file}: {o.status_before} -> {o.status}")
        if self.misses:
            lines.append("Misses:")
        for o in self.misses:
            lines.append(f"  {o.label.file} [{o.label.step}] expected {'|'.join(o.label.kinds)} -> {o.label.status}; "
                         f"got {o.kind} -> {o.status} ({o.pipeline})")
            for problem in o.problems:
                lines.append(f"      - {problem}")
            lines.append(f"      typed: {o.typed[:160]!r}")
            if o.label.note:
                lines.append(f"      note: {o.label.note}")
        return "\n".join(lines)


# -- the labelled set ------------------------------------------------------------------------------

def load_labels(folder: Path) -> list[Label]:
    path = folder / LABELS_FILE
    if not path.exists():
        raise EvalError(f"{path}: not found")
    labels = []
    with open(path, newline="", encoding="utf-8") as f:
        for n, row in enumerate(csv.DictReader(f), start=2):
            kinds = tuple(k.strip() for k in row["kind"].split("|") if k.strip())
            step = row["step"].strip()
            if step not in STEPS or not kinds or not set(kinds) <= KINDS:
                raise EvalError(f"{path}:{n}: unknown step or kind: {row['step']!r} {row['kind']!r}")
            if not (folder / row["file"]).exists():
                raise EvalError(f"{path}:{n}: {row['file']} does not exist")
            expect = []
            for check in filter(None, (c.strip() for c in (row.get("expect") or "").split(";"))):
                key, sep, value = check.partition("=")
                if not sep:
                    raise EvalError(f"{path}:{n}: expect {check!r} is not key=value")
                expect.append((key.strip(), value.strip()))
            labels.append(Label(row["file"], step, kinds, row["status"].strip(), tuple(expect),
                                (row.get("note") or "").strip()))
    return labels


@dataclass(frozen=True)
class SavedRequest:
    message_id: str
    code: str
    step: str
    token: str
    to: str


def load_requests(folder: Path) -> list[SavedRequest]:
    saved = []
    for path in sorted((folder / REQUESTS_DIR).glob("*.eml")):
        msg = email.message_from_bytes(path.read_bytes(), policy=policy.default)
        found = _REQUEST_ID.fullmatch((msg["Message-ID"] or "").strip())
        if not found:
            raise EvalError(f"{path}: not a mailproc request (Message-ID {msg['Message-ID']!r})")
        to = msg["To"].addresses[0].addr_spec.lower() if msg["To"] else ""
        saved.append(SavedRequest(found.group(0), found.group(1), found.group(2), found.group(3), to))
    if not saved:
        raise EvalError(f"{folder / REQUESTS_DIR}: no saved requests")
    return saved


# -- the bench: a throw-away desk, tickets brought to a step, replies handed in ----------------------

class RecordingGrammar:
    """The desk's grammar, remembering every decision it reads (the observed kind)."""

    def __init__(self, grammar):
        self._grammar = grammar
        self.decisions: list = []

    def read(self, *args, **kwargs):
        decision = self._grammar.read(*args, **kwargs)
        self.decisions.append(decision)
        return decision

    def __getattr__(self, name):
        return getattr(self._grammar, name)


def bench_config(config: Config, workdir: Path, database: str) -> Config:
    """The configuration with its own SQLite database, storage and a directory outbox."""
    data = copy.deepcopy(config.raw)
    data.setdefault("database", {})["url"] = f"sqlite:///{workdir / database}"
    service = data.setdefault("service", {})
    service["storage_dir"] = str(workdir / "storage")
    service["socket"] = str(workdir / "mailproc.sock")
    for key in ("rules_dir", "templates_dir"):
        service[key] = str(getattr(config.service, key))
    smtp = data.setdefault("smtp", {})
    smtp["transport"], smtp["directory"] = "directory", str(workdir / "outbox")
    return parse_config(data, config.path)


# The desk's rule objects, loaded once and shared by every per-reply desk.
_SHARED = ("guard", "classifier", "intent", "registry", "calendar", "sla", "composer")


class Bench:
    """A template database with one ticket at every step, built once with well-formed answers; each
    reply is handled on a fresh copy of it, so replies never see each other's effects."""

    def __init__(self, config: Config, workdir: Path, start: datetime = START, pj: str | None = None):
        from mailproc.store.db import upgrade

        self.workdir = workdir
        self.template = bench_config(config, workdir, "template.db")
        self.run_config = bench_config(config, workdir, "run.db")
        upgrade(self.template.database_url)
        self.clock = Clock(start)
        self.grammar: RecordingGrammar | None = None
        desk = self._desk(self.template)
        roles = self.template.roles
        self.people = {"kadis": roles["kadis"].email, "kabid": roles["kabid"].email, "prakom": roles["prakom"].email}
        if len(self.template.officers) < 2:
            raise EvalError("the bench needs at least two officers in the configuration")
        self.officers = self.template.officers[:2]
        self.requester = self._requester(desk, pj)
        self.tickets = {step: self._ticket_at(desk, step) for step in STEPS}
        desk.engine.dispose()
        self.ready_at = self.clock.now() + timedelta(minutes=10)

    def _desk(self, config: Config):
        from mailproc.desk import Desk
        desk = Desk(config, self.clock)
        if self.grammar is None:
            self.grammar = RecordingGrammar(desk.grammar)
            for name in _SHARED:
                getattr(desk, name)
            self._shared = {name: desk.__dict__[name] for name in _SHARED}
        desk.__dict__.update(self._shared, grammar=self.grammar)
        return desk

    def _requester(self, desk, pj: str | None) -> str:
        """An address of the OPD whose penanggung jawab is ``pj`` (the one the PJ replies come from)."""
        for opd in desk.registry.opds:
            if opd.pj and opd.pj.email and (pj is None or opd.pj.email == pj) and (opd.domains or opd.addresses):
                return f"umum@{opd.domains[0]}" if opd.domains else opd.addresses[0]
        raise EvalError(f"no OPD in the registry has the penanggung jawab {pj}")

    # -- the template: a ticket brought to each step with well-formed answers
    def _handle(self, desk, raw: bytes) -> Result:
        self.clock.advance(minutes=1)
        return Inbound(desk).handle(raw, Origin("ingest"))

    def _request_row(self, desk, code: str, kind: str) -> OutboxMessage:
        with desk.sessions() as s:
            ticket_id = s.scalar(select(Ticket.id).where(Ticket.code == code))
            row = s.scalars(select(OutboxMessage).where(OutboxMessage.ticket_id == ticket_id,
                                                        OutboxMessage.kind == kind)
                            .order_by(OutboxMessage.id.desc())).first()
        if row is None:
            raise EvalError(f"{code}: no {kind} mail was queued")
        return row

    def _answer(self, desk, code: str, kind: str, sender: str, text: str, expected: str) -> None:
        row = self._request_row(desk, code, kind)
        msg = EmailMessage()
        msg["From"], msg["To"] = sender, self.template.service.address
        msg["Subject"] = "Re: " + (email.message_from_bytes(row.raw, policy=policy.default)["Subject"] or "")
        msg["Date"] = format_datetime(self.clock.now())
        msg["Message-ID"] = make_msgid(domain=sender.split("@")[-1])
        msg["In-Reply-To"] = msg["References"] = row.message_id
        msg.set_content(text)
        result = self._handle(desk, bytes(msg))
        if result.reason != expected:
            raise EvalError(f"{code}: the well-formed answer {text.splitlines()[0]!r} to {kind} gave "
                            f"{result.reason!r}, not {expected!r}: the bench cannot build the step")

    def _ticket_at(self, desk, step: str) -> str:
        msg = EmailMessage()
        msg["From"], msg["To"] = f"Bagian Umum <{self.requester}>", self.template.service.address
        msg["Subject"], msg["Date"] = REQUEST_SUBJECT, format_datetime(self.clock.now())
        msg["Message-ID"] = make_msgid(domain=self.requester.split("@")[-1])
        msg.set_content(REQUEST_BODY)
        result = self._handle(desk, bytes(msg))
        if result.outcome != "ticket":
            raise EvalError(f"the bench request did not become a ticket: {result}")
        code = result.ticket
        p = self.people

        def answer(kind: str, sender: str, text: str, expected: str) -> None:
            self._answer(desk, code, kind, sender, text, expected)

        if step == "resume_kadis":
            answer("request_kadis", p["kadis"], "TUNDA menunggu anggaran perubahan", "ticket put on hold")
            return code
        if step == "kadis":
            return code
        answer("request_kadis", p["kadis"], "SETUJU", "forwarded")
        if step == "kabid":
            return code
        answer("request_kabid", p["kabid"], "SETUJU", "forwarded")
        if step == "prakom":
            return code
        answer("request_prakom", p["prakom"], "TUGASKAN " + ", ".join(o.name for o in self.officers), "assigned")
        if step == "officer":
            return code
        first = self.officers[0].email
        if step == "resume":
            answer("request_officer", first, "TUNDA menunggu perangkat pengganti", "ticket put on hold")
            return code
        answer("request_officer", first, "SELESAI\nRingkasan Pekerjaan: Mengganti konektor kabel uplink\n"
               "Ringkasan Masalah: Konektor rusak\nAlternatif Solusi: Memasang pelindung kabel\nLokasi: Ruang server",
               "completed")
        return code

    # -- one labelled reply, on a fresh copy of the template
    def rewrite(self, desk, raw: bytes, code: str, saved: list[SavedRequest]) -> bytes:
        """Point the reply's references, short codes and ticket number at the live ticket."""
        with desk.sessions() as s:
            ticket_id = s.scalar(select(Ticket.id).where(Ticket.code == code))
            live = {d.step: d for d in s.scalars(select(Disposition).where(Disposition.ticket_id == ticket_id)
                                                 .order_by(Disposition.id))}
        text = raw.decode("latin-1")
        for req in saved:
            if req.message_id not in text and short_code(req.token) not in text:
                continue
            target = live.get(req.step)
            if target is None:
                continue
            text = text.replace(req.message_id, target.message_id)
            text = text.replace(short_code(req.token), short_code(target.token))
        for old in {r.code for r in saved}:
            text = text.replace(old, code)
        return text.encode("latin-1")

    def run(self, label: Label, raw: bytes, saved: list[SavedRequest]) -> Outcome:
        shutil.copyfile(self.workdir / "template.db", self.workdir / "run.db")
        self.clock.set(self.ready_at)
        desk = self._desk(self.run_config)
        try:
            return self._run(desk, label, raw, saved)
        finally:
            desk.engine.dispose()

    def _run(self, desk, label: Label, raw: bytes, saved: list[SavedRequest]) -> Outcome:
        code = self.tickets[label.step]
        before = self._ticket(desk, code).status
        raw = self.rewrite(desk, raw, code, saved)
        self.grammar.decisions.clear()
        try:
            result = self._handle(desk, raw)
        except Exception as exc:   # a crash is a miss, and the rest of the set still runs
            return Outcome(label, "crash", before, before, f"{type(exc).__name__}: {exc}",
                           (f"the pipeline raised {type(exc).__name__}: {exc}",), _typed(raw))
        decision = self.grammar.decisions[0] if self.grammar.decisions else None
        ticket = self._ticket(desk, code)
        kind = self._observed_kind(desk, result, decision)
        problems = []
        allowed = set(label.kinds) | ({"approve"} if label.step.startswith("resume") and "resume" in label.kinds else set())
        if kind not in allowed:
            problems.append(f"kind {kind}, expected {'|'.join(label.kinds)}")
        if ticket.status != label.status:
            problems.append(f"status {ticket.status}, expected {label.status}")
        problems += check_expectations(label.expect, decision, ticket)
        return Outcome(label, kind, ticket.status, before, f"{result.outcome}: {result.reason}", tuple(problems),
                       _typed(raw))

    @staticmethod
    def _ticket(desk, code: str) -> Ticket:
        with desk.sessions() as s:
            ticket = s.scalar(select(Ticket).where(Ticket.code == code))
            _ = ticket.assignees, ticket.events
            return ticket

    @staticmethod
    def _observed_kind(desk, result: Result, decision) -> str:
        if result.outcome == "ignored":
            return "auto"
        with desk.sessions() as s:
            events = list(s.scalars(select(Event).where(Event.inbound_id == result.inbound_id)))
        actions = {e.action for e in events}
        if "reopened_as_new" in actions:
            return "new_request"
        if any(e.action == "reply_ignored" and "otomatis" in (e.detail or "") for e in events):
            return "auto"
        if actions & {"reply_unauthorized", "rating_not_counted"}:
            return "unauthorized"
        if "requester_info" in actions:
            return "outside"
        return decision.kind if decision is not None else "none"


# Text of a quote or attribution: never part of what an officer reported.
_LEAK = re.compile(r"\b(?:menulis|wrote)\s*:|Kode balasan|CARA MENJAWAB|Service Desk Aptika|^>", re.IGNORECASE | re.MULTILINE)


def check_expectations(expect, decision, ticket: Ticket) -> list[str]:
    problems = []
    report = ticket.report or {}
    for name, value in (decision.report if decision else {}).items():
        if _LEAK.search(value or ""):
            problems.append(f"report {name} carries quoted text: {value[:80]!r}")
    for key, value in expect:
        want = value.lower()
        if key == "officers":
            got = {a.email.split("@")[0] for a in ticket.assignees}
            if got != set(want.split(",")):
                problems.append(f"assigned {sorted(got)}, expected {sorted(want.split(','))}")
        elif key == "unknown":
            names = [u.lower() for u in (decision.unknown_officers if decision else ())]
            if not any(want in n for n in names):
                problems.append(f"unknown officers {names}, expected {value!r} among them")
        elif key == "rating":
            if ticket.rating != int(value):
                problems.append(f"rating {ticket.rating}, expected {value}")
        elif key == "reason":
            reason = decision.reason if decision else ""
            if want not in reason.lower():
                problems.append(f"reason {reason!r} lacks {value!r}")
        elif key == "missing":
            got = set(decision.missing if decision else ())
            if got != set(want.split(",")):
                problems.append(f"missing {sorted(got)}, expected {sorted(want.split(','))}")
        elif key.startswith("report.") and key.endswith("!"):
            name = key[len("report."):-1]
            if want in report.get(name, "").lower():
                problems.append(f"report {name} {report.get(name)!r} contains {value!r}")
        elif key.startswith("report."):
            name = key[len("report."):]
            if want not in report.get(name, "").lower():
                problems.append(f"report {name} {report.get(name)!r} lacks {value!r}")
        else:
            problems.append(f"unknown check {key!r}")
    return problems


def _typed(raw: bytes) -> str:
    from mailproc.mail.parse import parse_mail
    from mailproc.chain.replies import extract_reply
    try:
        mail = parse_mail(raw)
        return extract_reply(mail.text_part, mail.html)
    except Exception as exc:   # a display aid only
        return f"<{exc}>"


def evaluate(folder: Path, config: Config | None = None, workdir: Path | None = None) -> Report:
    folder = Path(folder)
    labels = load_labels(folder)
    saved = load_requests(folder)
    config = config or load_config()
    if workdir is None and RAM_DISK.is_dir() and os.access(RAM_DISK, os.W_OK):
        workdir = RAM_DISK     # the bench writes a database per reply: twice as fast in memory
    with tempfile.TemporaryDirectory(prefix="mailproc-reply-eval-", dir=workdir) as tmp:
        pj = next((r.to for r in saved if r.step == "pj"), None)
        bench = Bench(config, Path(tmp), pj=pj)
        return Report([bench.run(label, (folder / label.file).read_bytes(), saved) for label in labels])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.reply_eval", description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--config", help="config.toml (people, officers, rules); default as for mailproc")
    parser.add_argument("--min", type=float, default=None, help="exit 1 when the share read correctly is below this")
    args = parser.parse_args(argv)
    import logging
    logging.disable(logging.WARNING)
    try:
        report = evaluate(args.folder, load_config(args.config))
    except EvalError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(report.text())
    counts = Counter(o.kind for o in report.outcomes)
    print("Observed kinds: " + ", ".join(f"{k} {n}" for k, n in sorted(counts.items())))
    if report.moved_by_no_move:
        return 1
    if args.min is not None and report.share < args.min:
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
