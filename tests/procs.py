"""Test helpers: run ``mailproc run`` as real processes, kill them (SIGKILL), stop them (SIGTERM),
restart them; fill the service mailbox with requests; and read the resulting state (database and
IMAP) to wait on it with a bound and to check the crash/scale-out invariants."""
from __future__ import annotations

import email
import os
import re
import signal
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass
from email import policy
from pathlib import Path

from sqlalchemy import create_engine, func, select
from sqlalchemy.engine import Engine

from conftest import ROOT as REPO, REQUEST_BODY, make_mail
from mailproc.store.models import InboundMessage, OutboxMessage, Ticket

ROOT = Path(__file__).resolve().parent.parent
SERVICE = "aptika@lampungbaratkab.go.id"
KADIS = "kadis@lampungbaratkab.go.id"
REQUESTERS = (
    "umum@diskes.lampungbaratkab.go.id",
    "tu@disdik.lampungbaratkab.go.id",
    "it@rsud.lampungbaratkab.go.id",
    "pelayanan@disdukcapil.lampungbaratkab.go.id",
    "sekcam@kec-balikbukit.lampungbaratkab.go.id",
    "bappeda@lampungbaratkab.go.id",
)
CODE = re.compile(rb"\[(JIP-\d{4}-\d{4,})\]")
READY_LINE = "mailproc running as "
# Many requests from few senders: lift the per-sender hourly limit; settle unconfirmed sends fast.
REPLACE = {"resend_grace_seconds = 30": "resend_grace_seconds = 2",
           "max_requests_per_sender_per_hour = 20": "max_requests_per_sender_per_hour = 100000"}


# -- processes -------------------------------------------------------------------------------------

@dataclass
class Worker:
    """One ``mailproc run`` process; its log (stderr) goes to a file."""
    proc: subprocess.Popen
    log: Path
    offset: int = 0      # where this process's part of the (shared, appended) log begins

    @property
    def pid(self) -> int:
        return self.proc.pid

    def text(self) -> str:
        """This process's part of the log."""
        if not self.log.exists():
            return ""
        with open(self.log, "rb") as fh:
            fh.seek(self.offset)
            return fh.read().decode("utf-8", errors="replace")

    def wait_ready(self, timeout: float = 30.0) -> None:
        """Wait until the service logged that it runs (imports, config and database checked)."""
        deadline = time.monotonic() + timeout
        while READY_LINE not in self.text():
            if self.proc.poll() is not None:
                raise RuntimeError(f"mailproc exited with {self.proc.returncode}:\n{self.text()[-3000:]}")
            if time.monotonic() > deadline:
                raise TimeoutError(f"mailproc not ready after {timeout} s:\n{self.text()[-3000:]}")
            time.sleep(0.02)

    def kill(self) -> None:
        """SIGKILL, and reap it: a zombie still answers kill(pid, 0), so it would look alive."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=10)

    def terminate(self, timeout: float = 30.0) -> int:
        """SIGTERM (the clean stop) and wait for the exit code."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(timeout=timeout)

    def alive(self) -> bool:
        return self.proc.poll() is None


def start_worker(config: Path, log: Path, env: dict[str, str] | None = None) -> Worker:
    """Start ``mailproc --config CONFIG run``; its log is appended to ``log``."""
    full_env = dict(os.environ, MAILPROC_IMAP_PASSWORD="rahasia", PYTHONUNBUFFERED="1")
    full_env.pop("MAILPROC_CRASH_AT", None)
    full_env.update(env or {})
    full_env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), full_env.get("PYTHONPATH")]))
    offset = log.stat().st_size if log.exists() else 0
    with open(log, "ab") as out:
        proc = subprocess.Popen([sys.executable, "-m", "tools.crash", "--config", str(config), "run"],
                                cwd=config.parent, env=full_env, stdout=out, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL)
    return Worker(proc, log, offset)


# -- mail ------------------------------------------------------------------------------------------

def request_mail(i: int) -> tuple[str, bytes]:
    """The i-th request: a distinct subject and body from one of several OPD senders."""
    sender = REQUESTERS[i % len(REQUESTERS)]
    subject = f"Permohonan perbaikan jaringan internet nomor {i:04d}"
    body = REQUEST_BODY.replace("sejak pagi ini", f"sejak pagi ini (laporan {i:04d})")
    return sender, make_mail(sender, subject, body)


def fill_inbox(stack, count: int) -> dict[str, str]:
    """APPEND ``count`` requests to the service INBOX (fast: no SMTP); Message-ID -> sender."""
    sent = {}
    client = stack.imap(SERVICE)
    try:
        for i in range(count):
            sender, raw = request_mail(i)
            client.append("INBOX", raw)
            sent[message_id(raw)] = sender
    finally:
        client.logout()
    return sent


def message_id(raw: bytes) -> str:
    return email.message_from_bytes(raw, policy=policy.compat32)["Message-ID"].strip()


def subject_code(raw: bytes) -> str | None:
    head = raw.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0]
    subject = re.search(rb"(?im)^Subject:(.*(?:\r?\n[ \t].*)*)", head)
    found = CODE.search(subject.group(1)) if subject else None
    return found.group(1).decode() if found else None


def folder_size(stack, address: str, folder: str = "INBOX") -> int:
    client = stack.imap(address)
    try:
        if not client.folder_exists(folder):
            return 0
        return int(client.folder_status(folder, ["MESSAGES"])[b"MESSAGES"])
    finally:
        client.logout()


def codes_in(stack, address: str) -> Counter:
    """How many messages in ``address``'s INBOX carry each ticket code in their subject."""
    return Counter(c for c in (subject_code(m) for m in stack.fetch(address)) if c)


# -- database state -------------------------------------------------------------------------------

@dataclass
class State:
    tickets: int
    inbound: int
    outbox_open: int      # pending or sending
    outbox_sent: int


def engine_for(db_url: str) -> Engine:
    return create_engine(db_url, future=True)


def state(engine: Engine) -> State:
    with engine.connect() as c:
        tickets = c.scalar(select(func.count()).select_from(Ticket))
        inbound = c.scalar(select(func.count()).select_from(InboundMessage))
        open_ = c.scalar(select(func.count()).select_from(OutboxMessage)
                         .where(OutboxMessage.status.in_(["pending", "sending"])))
        sent = c.scalar(select(func.count()).select_from(OutboxMessage).where(OutboxMessage.status == "sent"))
    return State(tickets, inbound, open_, sent)


def drained(engine: Engine, stack, expected_tickets: int) -> bool:
    """Every request is a ticket, the INBOX is empty, and nothing waits in the outbox."""
    s = state(engine)
    return (s.tickets >= expected_tickets and s.outbox_open == 0 and s.outbox_sent > 0
            and folder_size(stack, SERVICE) == 0)


def wait_until(predicate, timeout: float, interval: float = 0.2, what: str = "condition") -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what} not reached after {timeout} s")
        time.sleep(interval)


def ticket_rows(engine: Engine) -> list[tuple[str, str | None, str]]:
    """(code, request Message-ID, requester) of every ticket."""
    with engine.connect() as c:
        return [tuple(r) for r in c.execute(select(Ticket.code, Ticket.message_id, Ticket.requester_email))]


def outbox_counts(engine: Engine) -> Counter:
    """(ticket code, kind) -> number of outbox rows, to tell a double *queueing* from a double send."""
    with engine.connect() as c:
        rows = c.execute(select(Ticket.code, OutboxMessage.kind)
                         .join(Ticket, Ticket.id == OutboxMessage.ticket_id))
        return Counter((code, kind) for code, kind in rows)


@dataclass
class Invariants:
    """What a run must leave behind, measured; ``problems()`` lists what is wrong."""
    requests: int
    tickets: int
    tickets_per_message_id: Counter
    missing_requests: list[str]
    codes: list[str]
    acks: dict[str, Counter]
    kadis: Counter
    inbox_left: int

    def duplicates(self) -> dict[str, int]:
        dup = {f"ticket for {m}": n for m, n in self.tickets_per_message_id.items() if n > 1}
        for address, counts in self.acks.items():
            dup.update({f"ack {c} to {address}": n for c, n in counts.items() if n > 1})
        dup.update({f"disposition {c} to kadis": n for c, n in self.kadis.items() if n > 1})
        return dup

    def problems(self) -> list[str]:
        out = [f"duplicate: {k} x{n}" for k, n in self.duplicates().items()]
        if self.missing_requests:
            out.append(f"{len(self.missing_requests)} request(s) without a ticket, e.g. {self.missing_requests[:3]}")
        if self.tickets != self.requests:
            out.append(f"{self.tickets} tickets for {self.requests} requests")
        acked = set()
        for counts in self.acks.values():
            acked |= set(counts)
        if lost := sorted(set(self.codes) - acked):
            out.append(f"{len(lost)} ticket(s) never acknowledged, e.g. {lost[:3]}")
        if lost := sorted(set(self.codes) - set(self.kadis)):
            out.append(f"{len(lost)} ticket(s) without a disposition request to kadis, e.g. {lost[:3]}")
        if self.inbox_left:
            out.append(f"{self.inbox_left} message(s) left in the INBOX")
        return out


def check_invariants(engine: Engine, stack, sent: dict[str, str], settle: float = 20.0) -> Invariants:
    """Compare the database and every mailbox with the requests sent (Message-ID -> sender).

    Mail accepted by Postfix reaches Dovecot a moment later: wait (bounded) until each requester
    and kadis hold at least one message per ticket, then count.
    """
    rows = ticket_rows(engine)
    codes = [code for code, _, _ in rows]
    per_requester = Counter(requester for _, _, requester in rows)

    def delivered() -> bool:
        return (all(folder_size(stack, a) >= n for a, n in per_requester.items())
                and folder_size(stack, KADIS) >= len(rows))
    try:
        wait_until(delivered, settle, what="delivery of every acknowledgement")
    except TimeoutError:
        pass   # counted and reported below
    by_id = Counter(mid for _, mid, _ in rows)
    return Invariants(
        requests=len(sent), tickets=len(rows), tickets_per_message_id=by_id,
        missing_requests=sorted(set(sent) - set(by_id)), codes=codes,
        acks={a: codes_in(stack, a) for a in sorted(set(sent.values()))},
        kadis=codes_in(stack, KADIS), inbox_left=folder_size(stack, SERVICE))


def gapless(codes: list[str]) -> list[str]:
    """Problems with the numbering: every code JIP-<year>-0001..N exactly once."""
    numbers = sorted(int(c.rsplit("-", 1)[1]) for c in codes)
    problems = []
    if numbers != list(range(1, len(numbers) + 1)):
        problems.append(f"numbers not 1..{len(numbers)}: first differences at "
                        f"{[n for i, n in enumerate(numbers, 1) if n != i][:5]}")
    if len(set(codes)) != len(codes):
        problems.append("colliding ticket codes")
    return problems
