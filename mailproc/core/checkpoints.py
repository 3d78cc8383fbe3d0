"""Checkpoints: named moments of the work where a test runner may step in (to kill the process).

The service calls ``checkpoint(phase)`` at ``fetch`` (a chunk fetched from the mailbox, nothing of it
handled), ``transaction`` (an inbound message's transaction, just before COMMIT), ``file`` (a chunk
committed, not yet moved out of the folder) and ``send`` (the SMTP server accepted a message that is
not yet recorded as sent). Nothing happens unless a hook is installed; only the crash-test runner
(``tools/crash.py``) installs one.
"""
from __future__ import annotations

from typing import Callable

_hook: Callable[[str], None] | None = None


def install(hook: Callable[[str], None] | None) -> None:
    global _hook
    _hook = hook


def checkpoint(phase: str) -> None:
    if _hook is not None:
        _hook(phase)
