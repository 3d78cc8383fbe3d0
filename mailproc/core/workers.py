"""Workers: who is doing the work ("host:pid"), and whether a worker of this host still lives.

Claims in the database (outbox rows, mailbox messages) name their worker, so that a restart can
take over what a killed process left half-done, at once, instead of waiting for a timeout.
"""
from __future__ import annotations

import os
import socket


def this_worker() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def worker_gone(worker: str | None) -> bool:
    """True when ``worker`` ran on this host and that process no longer exists."""
    host, _, pid = (worker or "").rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False
