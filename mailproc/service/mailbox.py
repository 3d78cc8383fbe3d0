"""The IMAP door: fetch new mail in batches, hand each message to ``Inbound``, then file it.

The folder's UIDVALIDITY and the last UID handled are remembered in the database. Messages are
fetched with BODY.PEEK[] (nothing is marked read by fetching) and only after a message's
transaction has committed is it moved to ``processed_folder`` (or flagged), or to the quarantine
folder when it could not be read. Mail is never deleted by us; MOVE is COPY+EXPUNGE of that UID
only where the server lacks MOVE.
"""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError

from mailproc.core.checkpoints import checkpoint
from mailproc.core.errors import describe
from mailproc.mail.imap import MailboxUnavailable, connect, one_line
from mailproc.intake.inbound import Inbound, Origin, Result
from mailproc.store.health import MAILBOX
from mailproc.store.models import InboundMessage, MailboxClaim, MailboxState
from mailproc.core.workers import worker_gone

log = logging.getLogger(__name__)
PROCESSED_FLAG = "$MailprocDone"
POISON_TRIES = 3   # a message whose handling fails (not an outage) this often is quarantined
CLAIM_STALE = timedelta(minutes=10)   # a claim older than this is taken over, whoever holds it
CLAIM_CHUNK = 25   # messages claimed (and fetched, filed) at a time: several workers share a backlog
@dataclass
class PollReport:
    fetched: int = 0
    held_elsewhere: int = 0   # waiting messages that live workers hold: look again soon
    failed: set[int] = field(default_factory=set)   # UIDs whose handling failed this round: later
    outcomes: dict[str, int] = field(default_factory=dict)
    results: list[Result] = field(default_factory=list)

    def add(self, result: Result) -> None:
        self.fetched += 1
        self.outcomes[result.outcome] = self.outcomes.get(result.outcome, 0) + 1
        self.results.append(result)


class MailboxDoor:
    def __init__(self, desk, inbound: Inbound | None = None):
        self.desk = desk
        self.cfg = desk.config.imap
        self.inbound = inbound or Inbound(desk)
        self.client = None
        self.key = f"{self.cfg.username}@{self.cfg.host}:{self.cfg.port}/{self.cfg.folder}"
        self.can_move = False
        self.failures: dict[tuple[int, int], int] = {}   # (uidvalidity, uid) -> failed handlings here

    # -- connection ----------------------------------------------------------------------------

    def open(self) -> None:
        if self.client is not None:
            return
        client = connect(self.cfg)
        caps = {c.decode().upper() if isinstance(c, bytes) else str(c).upper() for c in client.capabilities()}
        self.can_move = "MOVE" in caps
        self.can_idle = "IDLE" in caps
        folders = [self.cfg.quarantine_folder] + ([self.cfg.processed_folder] if self.cfg.after_handling == "move" else [])
        for folder in folders:
            if not client.folder_exists(folder):
                client.create_folder(folder)
        self.client = client
        self._select()

    def _select(self) -> None:
        info = self.client.select_folder(self.cfg.folder)
        self.uidvalidity = int(info[b"UIDVALIDITY"])

    def close(self) -> None:
        if self.client is None:
            return
        try:
            self.client.logout()
        except Exception:
            pass
        self.client = None

    # -- state -----------------------------------------------------------------------------------

    def _last_uid(self) -> int:
        with self.desk.transaction() as s:
            state = s.get(MailboxState, self.key)
            if state is None or state.uidvalidity != self.uidvalidity:
                if state is not None:
                    log.warning("mailbox %s: UIDVALIDITY changed %s -> %s; rescanning (Message-IDs prevent doubles)",
                                self.key, state.uidvalidity, self.uidvalidity)
                    s.delete(state)
                    s.flush()
                s.add(MailboxState(mailbox=self.key, uidvalidity=self.uidvalidity, last_uid=0))
                return 0
            return state.last_uid

    def _remember(self, uid: int) -> None:
        """Record the highest UID handled, always as a write: its synchronous commit is the batch's
        durability point (see ``_handle_claimed``)."""
        with self.desk.transaction() as s:
            s.execute(update(MailboxState).where(MailboxState.mailbox == self.key).values(
                last_uid=func.max(MailboxState.last_uid, uid) if s.bind.dialect.name == "sqlite"
                else func.greatest(MailboxState.last_uid, uid)))

    # -- work ------------------------------------------------------------------------------------

    def _lost(self, exc: Exception) -> MailboxUnavailable:
        self.close()
        return MailboxUnavailable(f"IMAP {self.cfg.host}:{self.cfg.port}: connection lost: {one_line(exc)}")

    def poll_once(self, limit: int | None = None) -> PollReport:
        """Handle every message that is waiting now and no other live worker holds, then return."""
        from imapclient.exceptions import IMAPClientAbortError
        try:
            report = self._poll_once(limit)
        except MailboxUnavailable as exc:
            self.desk.health.failing(MAILBOX, str(exc))
            raise
        except (IMAPClientAbortError, OSError) as exc:
            lost = self._lost(exc)
            self.desk.health.failing(MAILBOX, str(lost))
            raise lost from exc
        self.desk.health.ok(MAILBOX)
        return report

    def _poll_once(self, limit: int | None) -> PollReport:
        self.open()
        self._last_uid()
        report = PollReport()
        chunk = max(1, min(self.cfg.batch_size, CLAIM_CHUNK))
        while True:
            uids = [u for u in self._pending_uids() if u not in report.failed]
            if limit is not None:
                uids = uids[: max(0, limit - report.fetched)]
            report.held_elsewhere = 0
            progress = False
            for start in range(0, len(uids), chunk):
                part = uids[start:start + chunk]
                taken = self._handle_batch(part, report)
                report.held_elsewhere += len(part) - taken
                progress = progress or taken > 0
                if limit is not None and report.fetched >= limit:
                    return report
            if not progress:
                # Nothing waiting, or all of it in other workers' hands: do not spin on their claims.
                self._sweep(uids)
                return report

    def _pending_uids(self) -> list[int]:
        self.client.noop()
        # Everything still in the folder is unhandled (handled mail is moved away or flagged),
        # so search the whole folder: a message left behind by a crash is picked up again.
        criteria = ["NOT", "KEYWORD", PROCESSED_FLAG] if self.cfg.after_handling == "flag" else ["ALL"]
        return sorted(int(u) for u in self.client.search(criteria))

    def _claim(self, uids: list[int]) -> list[int]:
        """Take the UIDs no live worker holds: a new claim row, or one left by a dead worker.

        Taking over is a conditional update (still held by the worker we saw): of two workers
        taking over the same dead claim, only one gets it.
        """
        now = self.desk.clock.now()
        key, validity, me = self.key, self.uidvalidity, self.desk.worker
        with self.desk.transaction() as s:
            held = {c.uid: (c.worker, c.claimed_at) for c in s.scalars(select(MailboxClaim).where(
                MailboxClaim.mailbox == key, MailboxClaim.uidvalidity == validity, MailboxClaim.uid.in_(uids)))}
            taken = []
            for uid in uids:
                if uid not in held:
                    s.add(MailboxClaim(mailbox=key, uidvalidity=validity, uid=uid, worker=me, claimed_at=now))
                    taken.append(uid)
                    continue
                worker, claimed_at = held[uid]
                if worker != me and not worker_gone(worker) and claimed_at >= now - CLAIM_STALE:
                    continue
                moved = s.execute(update(MailboxClaim).where(
                    MailboxClaim.mailbox == key, MailboxClaim.uidvalidity == validity, MailboxClaim.uid == uid,
                    MailboxClaim.worker == worker,
                ).values(worker=me, claimed_at=now).execution_options(synchronize_session=False))
                if moved.rowcount == 1:
                    taken.append(uid)
        return taken

    def _sweep(self, pending: list[int]) -> None:
        """Drop claims that dead workers left on messages no longer waiting (filed, then killed)."""
        waiting = set(pending)
        with self.desk.transaction() as s:
            claims = list(s.scalars(select(MailboxClaim).where(
                MailboxClaim.mailbox == self.key, MailboxClaim.uidvalidity == self.uidvalidity)))
            dead = {c.worker for c in claims if c.worker != self.desk.worker and worker_gone(c.worker)}
            done = [c.uid for c in claims if c.worker in dead and c.uid not in waiting]
            if done:   # a statement, not ORM deletes: another worker may sweep the same rows
                s.execute(delete(MailboxClaim).where(
                    MailboxClaim.mailbox == self.key, MailboxClaim.uidvalidity == self.uidvalidity,
                    MailboxClaim.uid.in_(done), MailboxClaim.worker.in_(dead)))

    def _release(self, uids: list[int]) -> None:
        if uids:
            with self.desk.transaction() as s:
                s.execute(delete(MailboxClaim).where(MailboxClaim.mailbox == self.key,
                                                     MailboxClaim.uidvalidity == self.uidvalidity,
                                                     MailboxClaim.uid.in_(uids)))

    def _handle_batch(self, uids: list[int], report: PollReport) -> int:
        """Claim, handle and file these UIDs; returns how many were claimed."""
        try:
            uids = self._claim(uids)
        except IntegrityError:
            return 0   # another worker claimed some of them at the same moment: next round
        if not uids:
            return 0
        try:
            self._handle_claimed(uids, report)
        finally:
            self._release(uids)
        return len(uids)

    def _handle_claimed(self, uids: list[int], report: PollReport) -> None:
        fetched = self.client.fetch(uids, ["BODY.PEEK[]"])
        checkpoint("fetch")
        done, quarantined = [], []
        with self.desk.sessions() as s:   # one query for the batch: UIDs handled before a crash
            seen = set(s.scalars(select(InboundMessage.uid).where(
                InboundMessage.mailbox == self.key, InboundMessage.uidvalidity == self.uidvalidity,
                InboundMessage.uid.in_(uids))))
        for uid in uids:
            data = fetched.get(uid)
            if data is None or b"BODY[]" not in data:
                continue   # expunged meanwhile by someone else
            if uid in seen:
                report.add(Result("duplicate", "mailbox UID already handled"))
                done.append(uid)
                continue
            raw = data[b"BODY[]"]
            origin = Origin("imap", self.key, self.uidvalidity, uid)
            try:
                result = self.inbound.handle(raw, origin)
            except Exception as exc:
                # An outage (disk, database) or a bug, for this one message: it stays in the folder and
                # is tried again in a later round, not at once.
                known = str(exc) if isinstance(exc, OSError) else describe(exc)
                if known:   # an outage: it passes, and the message is handled then
                    report.failed.add(uid)
                    log.error("message uid %s left in %s for a retry: %s", uid, self.cfg.folder, known)
                    continue
                # A fault of this message's handling: tried a few times, then quarantined with the
                # reason so that it neither blocks the folder nor is lost.
                tries = self.failures[(self.uidvalidity, uid)] = self.failures.get((self.uidvalidity, uid), 0) + 1
                if tries < POISON_TRIES:
                    report.failed.add(uid)
                    log.exception("message uid %s left in %s for a retry (%d of %d): %s", uid, self.cfg.folder,
                                  tries, POISON_TRIES, exc)
                    continue
                log.exception("message uid %s quarantined after %d failed attempts", uid, tries)
                result = self.inbound.quarantine(raw, origin, f"handling failed {tries} times: "
                                                              f"{type(exc).__name__}: {exc}"[:500])
            report.add(result)
            (quarantined if result.quarantined else done).append(uid)
        # A synchronous commit before any mail leaves the INBOX: on PostgreSQL it also makes the
        # batch's asynchronous commits durable (the write-ahead log is flushed in order).
        if uids:
            self._remember(max(uids))
        checkpoint("file")
        self._file(done, self.cfg.processed_folder)
        self._file(quarantined, self.cfg.quarantine_folder, quarantine=True)

    def _file(self, uids: list[int], folder: str, quarantine: bool = False) -> None:
        if not uids:
            return
        from imapclient.exceptions import IMAPClientError
        try:
            if self.cfg.after_handling == "flag" and not quarantine:
                self.client.add_flags(uids, [PROCESSED_FLAG])
            elif self.can_move:
                self.client.move(uids, folder)
            else:
                self.client.copy(uids, folder)
                self.client.add_flags(uids, [b"\\Deleted"])
                self.client.uid_expunge(uids)
        except IMAPClientError as exc:
            # Handled and committed already; a message left behind is a duplicate next round.
            log.warning("could not file %d message(s) in %s: %s", len(uids), folder, exc)

    @property
    def idles(self) -> bool:
        return self.cfg.idle and self.can_idle

    def wait_for_mail(self, timeout: float, should_stop=lambda: False) -> bool:
        """IDLE until the server announces mail, ``timeout`` passes or ``should_stop()``; True on mail."""
        from imapclient.exceptions import IMAPClientAbortError
        self.open()
        deadline = time.monotonic() + timeout
        try:
            self.client.idle()
            try:
                while not should_stop():
                    left = deadline - time.monotonic()
                    if left <= 0:
                        return False
                    responses = self.client.idle_check(timeout=min(1.0, left))
                    if any(len(r) > 1 and r[1] in (b"EXISTS", b"RECENT") for r in responses):
                        return True
                return False
            finally:
                self.client.idle_done()
        except (IMAPClientAbortError, OSError) as exc:
            raise self._lost(exc) from exc


def backoff_delays(first: float = 1.0, cap: float = 300.0):
    delay = first
    while True:
        yield delay
        delay = min(cap, delay * 2)


def sleep(seconds: float) -> None:   # the one real sleep of the run loop, kept apart for tests
    time.sleep(seconds)
