"""One ``mailproc run`` per SQLite database: a lock file beside the database, held while the process lives.

SQLite allows one writer; a second service on the same file would only fight over it (and both
would read the same mailbox). PostgreSQL takes any number of workers, so it needs no lock.
"""
from __future__ import annotations

import fcntl
import os
from pathlib import Path
from typing import IO

from mailproc.core.errors import AdminError


class AlreadyRunning(AdminError):
    """Another ``mailproc run`` holds this SQLite database."""


def lock_path(database_url: str) -> Path | None:
    """The lock file of a SQLite database (``mailproc.db.run-lock``); None for PostgreSQL or memory."""
    if not database_url.startswith("sqlite"):
        return None
    path = database_url.split("///", 1)[-1]
    if not path or path == ":memory:":
        return None
    return Path(path).with_name(Path(path).name + ".run-lock")


def hold_run_lock(database_url: str) -> IO | None:
    """Take the lock (released when the file is closed or the process ends) or refuse in one line."""
    path = lock_path(database_url)
    if path is None:
        return None
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = open(path, "a+")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.seek(0)
        holder = handle.read().strip() or "another process"
        handle.close()
        raise AlreadyRunning(f"another `mailproc run` ({holder}) already uses {path.with_suffix('')}: "
                             f"one service per SQLite database (lock file {path})") from None
    handle.truncate(0)
    handle.write(f"pid {os.getpid()}\n")
    handle.flush()
    return handle
