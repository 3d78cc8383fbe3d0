"""Crash points: a test-only way to kill the process with SIGKILL at named moments of its work.

``MAILPROC_CRASH_AT="<phase>:<probability>[,...]"`` dies at each passage with that probability;
``<phase>:#<n>`` dies exactly at the n-th passage of this process. Phases: ``fetch`` (a chunk
fetched, nothing of it handled), ``transaction`` (an inbound message's transaction, just before
COMMIT), ``file`` (a chunk committed, not yet moved out of the folder), ``send`` (the SMTP server
accepted a message that is not yet recorded as sent). Unset (the normal case) nothing happens.
The crash tests (tests/test_crash.py) use it to hit each phase of the work deterministically.
"""
from __future__ import annotations

import logging
import os
import random
import signal

from sqlalchemy import event
from sqlalchemy.orm import Session

log = logging.getLogger(__name__)

CRASH_ENV = "MAILPROC_CRASH_AT"


def _crash_plan(spec: str) -> dict[str, str]:
    plan = {}
    for part in filter(None, (p.strip() for p in spec.split(","))):
        phase, _, when = part.partition(":")
        plan[phase] = when.strip() or "1"
    return plan


_CRASH = _crash_plan(os.environ.get(CRASH_ENV, ""))
_crash_dice = random.Random()
_crash_passages: dict[str, int] = {}


def crash_point(phase: str) -> None:
    """Die by SIGKILL here when ``MAILPROC_CRASH_AT`` names this phase (see the module)."""
    when = _CRASH.get(phase) if _CRASH else None
    if when is None:
        return
    _crash_passages[phase] = passage = _crash_passages.get(phase, 0) + 1
    due = passage == int(when[1:]) if when.startswith("#") else _crash_dice.random() < float(when)
    if due:
        log.warning("%s: killing myself at %s (passage %d)", CRASH_ENV, phase, passage)
        os.kill(os.getpid(), signal.SIGKILL)


def crash_armed(phase: str) -> bool:
    return phase in _CRASH


in_inbound = False   # set by the mailbox door while a message's transaction runs


if "transaction" in _CRASH:
    @event.listens_for(Session, "before_commit")
    def _crash_before_commit(_session) -> None:
        if in_inbound:
            crash_point("transaction")
