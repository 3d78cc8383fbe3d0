"""Backlog intake: mailproc's IMAP door against the bare-minimum baseline, on the same mailbox in
the same run; and the same backlog shared by 1, 2, 3 ``mailproc run`` workers on PostgreSQL."""
from __future__ import annotations

import os
import signal
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench import baseline
from bench.env import MAILPROC, ROOT, Workspace, database, dbapi_connect, make_desk, write_config
from bench.mailbox import refill_inbox
from bench.report import Target, figure, say

PROFILE_DIR = Path(os.environ.get("MAILPROC_BENCH_PROFILES", "/tmp/mailproc-bench-profiles"))


@dataclass
class IntakeRun:
    seconds: float
    fetched: int
    outcomes: dict[str, int] = field(default_factory=dict)


def mailproc_poll(stack, kind: str, profile: bool = False) -> IntakeRun:
    """``MailboxDoor(desk).poll_once()`` in-process on a fresh database: intake only (tickets and
    their outbox rows committed, mail moved to Processed), no delivery. Rules, templates and the
    database connection are loaded before the clock starts."""
    from mailproc.service.mailbox import MailboxDoor
    with Workspace.new() as ws, database(kind, ws.path) as url:
        desk = make_desk(write_config(ws.path, url, imap_port=stack.imap_port))
        desk.load_rules()
        _ = desk.sessions, desk.composer
        door = MailboxDoor(desk)
        profiler = None
        if profile:
            from pyinstrument import Profiler
            profiler = Profiler(interval=0.002)
            profiler.start()
        start = time.perf_counter()
        report = door.poll_once()
        seconds = time.perf_counter() - start
        door.close()
        if profiler is not None:
            profiler.stop()
            PROFILE_DIR.mkdir(parents=True, exist_ok=True)
            path = PROFILE_DIR / f"intake-{kind}.txt"
            path.write_text(profiler.output_text(unicode=True, color=False, show_all=False))
            (PROFILE_DIR / f"intake-{kind}.html").write_text(profiler.output_html())
            say(f"profile of the {kind} intake: {path}")
        desk.engine.dispose()
        return IntakeRun(seconds, report.fetched, dict(report.outcomes))


def backlog_intake(stack, kind: str, count: int, runs: int, profile: bool) -> None:
    base_full, base_fetch, base_parse, ours = [], [], [], []
    outcomes = {}
    for i in range(runs):
        assert refill_inbox(stack, count) == count
        with Workspace.new() as ws, database(kind, ws.path, migrate=False) as url:
            b = baseline.run(stack, url)
        assert b.count == count, (b.count, count)
        base_fetch.append(count / b.fetch)
        base_parse.append(count / b.fetch_parse)
        base_full.append(count / b.full)
        run = mailproc_poll(stack, kind)
        assert run.fetched == count, (run.fetched, count)
        ours.append(count / run.seconds)
        outcomes = run.outcomes
        say(f"intake {kind} run {i + 1}/{runs}: mailproc {ours[-1]:.0f} msgs/s, baseline {base_full[-1]:.0f} msgs/s")
    figure(f"intake.{kind}.baseline_fetch", base_fetch, "msgs/s", note="imapclient fetch alone")
    figure(f"intake.{kind}.baseline_fetch_parse", base_parse, "msgs/s", note="fetch + mail-parser")
    figure(f"intake.{kind}.mailproc", ours, "msgs/s", baseline=base_full, target=Target(0.7, True, "ratio"),
           note=f"{count} msgs; baseline = fetch + parse + 1 insert/txn; outcomes {outcomes}")
    figure(f"intake.{kind}.mailproc_vs_rt5", ours, "msgs/s", baseline=3.7, target=Target(370, True),
           note="RT5 rt-mailgate 3.7 emails/s")
    if profile:
        assert refill_inbox(stack, count) == count
        mailproc_poll(stack, kind, profile=True)


# -- several workers ------------------------------------------------------------------------------

def _count_inbound(url: str) -> int:
    conn = dbapi_connect(url)
    try:
        cur = conn.execute("SELECT count(*) FROM inbound_messages")
        return cur.fetchone()[0]
    finally:
        conn.close()


def _wait_running(proc: subprocess.Popen, log: Path, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"mailproc run exited: {log.read_text()[-2000:]}")
        if "mailproc running as" in log.read_text(errors="replace"):
            return
        time.sleep(0.05)
    raise TimeoutError(f"mailproc run did not start: {log.read_text()[-2000:]}")


def workers_intake(stack, count: int, workers: int, kind: str = "postgresql") -> float:
    """Seconds from the backlog landing in the idle workers' INBOX (one server-side COPY) until every
    message is recorded. Outbox delivery (directory transport) follows each worker's drain, untimed."""
    from bench.mailbox import BACKLOG, connect, empty
    with connect(stack) as c:
        empty(c)
    with Workspace.new() as ws, database(kind, ws.path) as url:
        config = write_config(ws.path, url, imap_port=stack.imap_port)
        procs, logs = [], []
        try:
            for i in range(workers):
                log = ws.path / f"worker{i}.log"
                logs.append(log)
                procs.append(subprocess.Popen([str(MAILPROC), "--config", str(config), "run"], cwd=ROOT,
                                              stdout=subprocess.DEVNULL, stderr=log.open("wb")))
            for proc, log in zip(procs, logs):
                _wait_running(proc, log)
            time.sleep(1.0)   # let each worker finish its first (empty) poll and enter IDLE
            with connect(stack) as c:
                c.select_folder(BACKLOG, readonly=True)
                uids = sorted(c.search(["ALL"]))[:count]
                start = time.perf_counter()
                c.copy(uids, "INBOX")
            while _count_inbound(url) < count:
                if any(p.poll() is not None for p in procs):
                    raise RuntimeError("a worker died: " + " | ".join(l.read_text()[-500:] for l in logs))
                time.sleep(0.05)
            return time.perf_counter() - start
        finally:
            for proc in procs:
                proc.send_signal(signal.SIGTERM)
            for proc in procs:
                try:
                    proc.wait(timeout=60)
                except subprocess.TimeoutExpired:
                    proc.kill()


def scale_out(stack, count: int, runs: int) -> None:
    rates = {}
    for n in (1, 2, 3):
        rates[n] = [count / workers_intake(stack, count, n) for _ in range(runs)]
        say(f"scale-out {n} worker(s): {rates[n]}")
    for n in (1, 2, 3):
        figure(f"scale_out.postgresql.workers_{n}", rates[n], "msgs/s", baseline=rates[1] if n > 1 else None,
               note=f"{count} msgs, `mailproc run` x{n}, {os.cpu_count()} CPUs; ratio vs 1 worker")
