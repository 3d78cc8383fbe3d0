"""Scale-out: three ``mailproc run`` workers on one PostgreSQL database and the same mailbox share a
backlog. Every request must become exactly one ticket, numbered JIP-<year>-0001..N without gaps or
collisions, acknowledged once, with one disposition request to kadis; nothing may be left behind.
A second test kills one worker (SIGKILL) mid-way: the others take over its claims.

MAILPROC_SCALE_N (default 300) sets the backlog.
"""
from __future__ import annotations

import os
import socket
import time
from collections import Counter

import pytest
from sqlalchemy import select

from conftest import DATABASES, write_config
from procs import (REPLACE, check_invariants, drained, engine_for, fill_inbox, gapless, start_worker, state,
                   wait_until)
from mailproc.store.models import MailboxClaim

pytestmark = [pytest.mark.mailstack,
              pytest.mark.skipif("postgresql" not in DATABASES, reason="PostgreSQL not in MAILPROC_TEST_DATABASES"),
              pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)]

N = int(os.environ.get("MAILPROC_SCALE_N", "300"))
WORKERS = 3
TIMEOUT = 100.0


def start_all(tmp_path, db_url, stack):
    config = write_config(tmp_path, db_url, smtp_port=stack.smtp_port, imap_port=stack.imap_port, replace=REPLACE)
    workers = [start_worker(config, tmp_path / f"worker{i}.log") for i in range(WORKERS)]
    for worker in workers:
        worker.wait_ready()
    return workers


def handled_by(worker) -> int:
    """Tickets this worker opened, from its log (one line per committed request)."""
    return worker.text().count(": ticket (request) -> ")


def claims_by_worker(engine) -> Counter:
    with engine.connect() as c:
        return Counter(c.scalars(select(MailboxClaim.worker)))


def check(engine, stack, sent, label, seconds, workers, extra="", killed=0):
    inv = check_invariants(engine, stack, sent)
    shares = [handled_by(w) for w in workers]
    print(f"\n[{label}] {inv.requests} messages, {len(workers)} workers, tickets per worker {shares}, "
          f"{inv.tickets} tickets, {len(inv.duplicates())} duplicates, {inv.inbox_left} left in INBOX, "
          f"{seconds:.1f} s{extra}")
    assert inv.problems() == []
    assert gapless(inv.codes) == []
    # A worker logs a ticket after its commit: one killed between the two took a ticket it never
    # logged (the database, checked above, is the truth; the logs may only fall short by the kills).
    assert N - killed <= sum(shares) <= N, "a request was handled (committed as a ticket) by more than one worker"
    return shares


def test_three_workers_share_a_backlog(tmp_path, db_url, clean_mailstack):
    sent = fill_inbox(clean_mailstack, N)
    engine = engine_for(db_url)
    workers = start_all(tmp_path, db_url, clean_mailstack)
    started = time.monotonic()
    try:
        wait_until(lambda: drained(engine, clean_mailstack, N), TIMEOUT, interval=0.25, what="drained backlog")
        seconds = time.monotonic() - started
        for worker in workers:
            assert worker.terminate() == 0
        shares = check(engine, clean_mailstack, sent, "3 workers", seconds, workers)
        assert sum(1 for s in shares if s) >= 2, f"one worker did everything: {shares}"
        assert not claims_by_worker(engine), "claims left behind after a clean stop"
    finally:
        for worker in workers:
            worker.kill()
        engine.dispose()


def test_a_killed_worker_s_claims_are_taken_over(tmp_path, db_url, clean_mailstack):
    sent = fill_inbox(clean_mailstack, N)
    engine = engine_for(db_url)
    workers = start_all(tmp_path, db_url, clean_mailstack)
    started = time.monotonic()
    try:
        # Mid-way, kill the worker that holds claims right now (it is in the middle of a chunk).
        def victim():
            if state(engine).tickets < N // 3:
                return None
            held = claims_by_worker(engine)
            return next((w for w in workers if held.get(f"{socket.gethostname()}:{w.pid}")), None)
        found = []
        wait_until(lambda: found.append(victim()) or found[-1] is not None, TIMEOUT, interval=0.02,
                   what="a worker holding claims mid-way")
        dead = found[-1]
        dead_worker = f"{socket.gethostname()}:{dead.pid}"
        dead.kill()
        orphaned = claims_by_worker(engine)[dead_worker]
        assert orphaned > 0
        wait_until(lambda: drained(engine, clean_mailstack, N), TIMEOUT, interval=0.25, what="drained backlog")
        seconds = time.monotonic() - started
        survivors = [w for w in workers if w is not dead]
        for worker in survivors:
            assert worker.terminate() == 0
        check(engine, clean_mailstack, sent, "3 workers, one killed", seconds, workers,
              f", {orphaned} claims taken over from the killed worker", killed=1)
        assert not claims_by_worker(engine), "claims left behind"
    finally:
        for worker in workers:
            worker.kill()
        engine.dispose()
