"""What the service last knew of a part of the world (the mailbox, the outbox), for `mailproc status`.

``HealthNotes`` writes the ``health`` table: on every successful contact ``ok_at`` (at most once a
minute while nothing changes, so a busy mailbox costs no extra writes), and on a failure
``failing_since`` (kept from the first failure until the next success) and the error. Writing it
must never break the work it describes: a database that cannot be written is logged and left.
"""
from __future__ import annotations

import logging
from datetime import datetime, timedelta

from mailproc.store.models import Health

log = logging.getLogger(__name__)

MAILBOX, OUTBOX = "mailbox", "outbox"
REWRITE_AFTER = timedelta(minutes=1)   # an unchanged state is written again this often at most


class HealthNotes:
    def __init__(self, transaction, clock):
        self.transaction, self.clock = transaction, clock
        self._written: dict[str, tuple[str | None, datetime]] = {}   # name -> (error, when written)

    def ok(self, name: str) -> None:
        self._note(name, None)

    def failing(self, name: str, error: str) -> None:
        self._note(name, " ".join(error.split())[:1000] or "failed")

    def _note(self, name: str, error: str | None) -> None:
        now = self.clock.now()
        last = self._written.get(name)
        if last is not None and last[0] == error and timedelta(0) <= now - last[1] < REWRITE_AFTER:
            return
        try:
            with self.transaction() as s:
                row = s.get(Health, name, with_for_update=True)
                if row is None:
                    row = Health(name=name)
                    s.add(row)
                if error is None:
                    row.ok_at, row.failing_since, row.error = now, None, None
                else:
                    row.failing_since = row.failing_since or now
                    row.error = error
                row.updated_at = now
        except Exception as exc:   # the database itself may be the outage: the log says so
            log.debug("health of %s not recorded: %s", name, exc)
            return
        self._written[name] = (error, now)
