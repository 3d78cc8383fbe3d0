"""SLA work at scale: the ``sla`` job of mailproc.sla.work.periodic_jobs over N open tickets
(bulk-inserted), with nothing due and with 10/100/1000 due escalations; its cost should follow the
due notices, not the open tickets. Also the whole ``mailproc tick`` command with nothing due."""
from __future__ import annotations

import subprocess
import time
from datetime import datetime, timedelta

from sqlalchemy import delete, insert, update

from bench.env import MAILPROC, ROOT, Workspace, database, make_desk, write_config
from bench.report import figure, say

NOW_TEXT = "2026-11-27T10:00:00+07:00"     # a Friday in working time


def _fill(desk, count: int, now: datetime) -> None:
    from mailproc.store.models import Disposition, Ticket
    far = now + timedelta(days=60)
    chunk = 10_000
    for start in range(0, count, chunk):
        n = range(start, min(count, start + chunk))
        tickets = [{"id": i + 1, "code": f"JIP-2026-{i + 1:06d}", "status": "awaiting_kadis", "priority": "sedang",
                    "category": "1.3", "needs_triage": False, "classification": [],
                    "requester_email": f"user{i % 500}@diskes.lampungbaratkab.go.id", "subject": f"Permintaan {i}",
                    "body": "Internet mati.", "message_id": f"<bench{i}@diskes.lampungbaratkab.go.id>",
                    "created_at": now - timedelta(days=1), "updated_at": now - timedelta(days=1),
                    "step_started_at": now - timedelta(days=1), "due_at": far} for i in n]
        dispositions = [{"id": i + 1, "ticket_id": i + 1, "step": "kadis", "token": f"{i:032x}",
                         "message_id": f"<mailproc.kadis.{i}@lampungbaratkab.go.id>",
                         "requested_at": now - timedelta(days=1)} for i in n]
        with desk.transaction() as s:
            s.execute(insert(Ticket), tickets)
            s.execute(insert(Disposition), dispositions)


def _arrange(desk, now: datetime, due: int) -> None:
    """The first ``due`` tickets reached their deadline a minute ago; no notice sent yet; the
    previous scan ran two minutes ago."""
    from mailproc.store.models import Event, OutboxMessage, SlaNotice, Ticket
    with desk.transaction() as s:
        s.execute(delete(OutboxMessage))
        s.execute(delete(Event))
        s.execute(delete(SlaNotice).where(SlaNotice.key != "scan:sla", ~SlaNotice.key.like("digest:%")))
        s.execute(update(Ticket).where(Ticket.due_at < now + timedelta(days=30)).values(due_at=now + timedelta(days=60)))
        if due:
            s.execute(update(Ticket).where(Ticket.id <= due).values(due_at=now - timedelta(minutes=1)))
        s.execute(update(SlaNotice).where(SlaNotice.key == "scan:sla")
                  .values(due_at=now - timedelta(minutes=2), sent_at=now - timedelta(minutes=2)))


def measure(open_tickets: int, runs: int, kinds=("sqlite", "postgresql"), dues=(0, 10, 100, 1000)) -> None:
    try:
        from mailproc.sla import work
    except ImportError:
        print("sla: not available")
        return
    from mailproc.core.clock import Clock, parse_instant
    now = parse_instant(NOW_TEXT)
    for kind in kinds:
        with Workspace.new() as ws, database(kind, ws.path) as url:
            config = write_config(ws.path, url)
            desk = make_desk(config, Clock(now))
            start = time.perf_counter()
            _fill(desk, open_tickets, now)
            say(f"sla {kind}: {open_tickets} open tickets inserted in {time.perf_counter() - start:.1f} s")
            job = dict(work.periodic_jobs(desk))["sla"]
            desk.clock.set(now - timedelta(minutes=2))
            job()                                  # first run: sets the watermark
            desk.clock.set(now)
            for due in dues:
                samples, line = [], ""
                for _ in range(runs):
                    _arrange(desk, now, due)
                    start = time.perf_counter()
                    line = job()
                    samples.append((time.perf_counter() - start) * 1000)
                figure(f"sla.{kind}.job.open_{open_tickets}.due_{due}", samples, "ms", note=line)
            # the whole command, cold, nothing due (the digest of the day is sent on the first one)
            _arrange(desk, now, 0)
            cmd = [str(MAILPROC), "--config", str(config), "--now", NOW_TEXT, "tick"]
            subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True)
            samples = []
            for _ in range(runs):
                _arrange(desk, now, 0)
                start = time.perf_counter()
                subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True)
                samples.append(time.perf_counter() - start)
            figure(f"sla.{kind}.tick_cli.open_{open_tickets}.due_0", samples, "s",
                   note="`mailproc tick`: new process, every periodic job, digest already sent")
            desk.engine.dispose()
