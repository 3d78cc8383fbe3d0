"""Crash safety: ``mailproc run`` killed with SIGKILL and restarted until everything is done.

A backlog of requests from several OPD mailboxes waits in aptika's INBOX. The service runs as a
real process; it is killed (SIGKILL) and restarted, again and again, then left to finish: once the
INBOX is empty and the outbox has nothing left it is stopped with SIGTERM (a clean stop). Then every
request must be exactly one ticket, every ticket's acknowledgement must be in its requester's
mailbox exactly once, and kadis must hold exactly one disposition request per ticket.

* ``test_random_sigkills``: kills at random moments (seeded; 0.05-1.0 s into each life).
* ``test_sigkill_at_each_phase``: kills at a named point of the work, through the test-only hook
  MAILPROC_CRASH_AT (see ``tools.crash``), at a random passage of that point.

Runs on SQLite and PostgreSQL. MAILPROC_CRASH_N (default 200) sets the number of requests,
MAILPROC_CRASH_KILLS (default 12) the random kills, MAILPROC_CRASH_SEED the randomness.
"""
from __future__ import annotations

import os
import random
import time
from collections import Counter

import pytest

from conftest import write_config
from procs import (REPLACE, SERVICE, check_invariants, drained, engine_for, fill_inbox, folder_size, start_worker,
                   state, wait_until)

pytestmark = pytest.mark.mailstack

N = int(os.environ.get("MAILPROC_CRASH_N", "200"))
KILLS = int(os.environ.get("MAILPROC_CRASH_KILLS", "12"))
SEED = int(os.environ.get("MAILPROC_CRASH_SEED", "20261127"))
KILL_DELAY = (0.05, 1.0)
DRAIN_TIMEOUT = 90.0   # for the last, uninterrupted life


def run_with_kills(tmp_path, db_url, stack, sent, lives, replace=None):
    """One process per entry of ``lives`` (env, seconds to live or None), each killed by us or by the
    hook; then a last one that is left to drain everything and stopped with SIGTERM.

    Returns (kills, Counter of where the kills fell, seconds)."""
    config = write_config(tmp_path, db_url, smtp_port=stack.smtp_port, imap_port=stack.imap_port,
                          replace={**REPLACE, **(replace or {})})
    engine = engine_for(db_url)
    log = tmp_path / "mailproc.log"
    kills, where, started = 0, Counter(), time.monotonic()
    try:
        for env, seconds in lives:
            if drained(engine, stack, len(sent)):
                break
            worker = start_worker(config, log, env)
            worker.wait_ready()
            if seconds is not None:
                time.sleep(seconds)   # a random moment of its work (not a wait for a state)
                if worker.alive():
                    worker.kill()
            else:   # the hook kills it at its point; the life may also end with nothing left to do
                wait_until(lambda: not worker.alive() or drained(engine, stack, len(sent)), DRAIN_TIMEOUT,
                           interval=0.05, what="the hook's kill")
                if worker.alive():
                    worker.kill()
            if worker.proc.returncode != -9:
                raise AssertionError(f"mailproc died on its own ({worker.proc.returncode}):\n{worker.text()[-3000:]}")
            kills += 1
            if env:
                where.update(line.split(" at ", 1)[1].split(" ", 1)[0] for line in worker.text().splitlines()
                             if "killing myself at" in line)
            where["while mail waited" if folder_size(stack, SERVICE) else "while delivering"] += 1
        worker = start_worker(config, log)
        worker.wait_ready()
        wait_until(lambda: drained(engine, stack, len(sent)), DRAIN_TIMEOUT, interval=0.2,
                   what=f"a drained INBOX and outbox ({state(engine)})")
        assert worker.terminate() == 0, "no clean stop on SIGTERM"
        assert "mailproc stopped" in worker.text()
    finally:
        engine.dispose()
    return kills, where, time.monotonic() - started


def verify(db_url, stack, sent, kills, where, seconds, label):
    engine = engine_for(db_url)
    try:
        inv = check_invariants(engine, stack, sent)
    finally:
        engine.dispose()
    acks = sum(len(c) for c in inv.acks.values())
    print(f"\n[{label}] {db_url.split(':', 1)[0]}: {inv.requests} messages, {kills} kills "
          f"({', '.join(f'{k}: {v}' for k, v in sorted(where.items()))}), {inv.tickets} tickets, "
          f"{acks} acknowledged, {len(inv.kadis)} dispositions, {len(inv.duplicates())} duplicates, "
          f"{inv.inbox_left} left in INBOX, {seconds:.1f} s")
    assert inv.problems() == []
    assert kills > 0


def test_random_sigkills(tmp_path, db_url, clean_mailstack):
    sent = fill_inbox(clean_mailstack, N)
    rng = random.Random(SEED)
    lives = [(None, rng.uniform(*KILL_DELAY)) for _ in range(KILLS)]
    kills, where, seconds = run_with_kills(tmp_path, db_url, clean_mailstack, sent, lives)
    verify(db_url, clean_mailstack, sent, kills, where, seconds, "random SIGKILL")


# (phase, passages at which a life may die): a chunk is 5 messages here, a request queues 2 mails.
PHASES = {"fetch": (2, 4), "transaction": (2, 12), "file": (1, 4), "send": (2, 30)}
PHASE_N = max(50, N // 4)
PHASE_KILLS = 3


@pytest.mark.parametrize("phase", sorted(PHASES))
def test_sigkill_at_each_phase(tmp_path, db_url, clean_mailstack, phase):
    sent = fill_inbox(clean_mailstack, PHASE_N)
    rng = random.Random(f"{SEED}-{phase}")
    lives = [({"MAILPROC_CRASH_AT": f"{phase}:#{rng.randint(*PHASES[phase])}"}, None) for _ in range(PHASE_KILLS)]
    kills, where, seconds = run_with_kills(tmp_path, db_url, clean_mailstack, sent, lives,
                                           replace={"batch_size = 200": "batch_size = 5"})
    verify(db_url, clean_mailstack, sent, kills, where, seconds, f"SIGKILL at {phase}")
    assert where[phase] == kills, f"killed elsewhere than at {phase}: {where}"
