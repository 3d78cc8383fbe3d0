"""The crash-test runner: mailproc, killed with SIGKILL at named moments of its work.

``python -m tools.crash [mailproc arguments]`` runs the command line with a hook on mailproc's
checkpoints (``mailproc.core.checkpoints``) that acts on the environment:

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
import sys

from mailproc.cli import main as cli
from mailproc.core import checkpoints

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


def main() -> int:
    """``python -m tools.crash [mailproc arguments]``: mailproc with the crash plan of the environment."""
    if _CRASH:
        checkpoints.install(crash_point)
    return cli.main()


if __name__ == "__main__":
    sys.exit(main())
