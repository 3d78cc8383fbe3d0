"""The service: ``mailproc run`` and ``mailproc tick``.

``run`` waits on the mailbox (IMAP IDLE, or polling where the server lacks it), handles what
arrives, delivers the outbox at once, and drives the periodic jobs with ``schedule``. A job that
fails is logged in one line and tried again next round; SIGTERM/SIGINT stop it cleanly.
"""
from __future__ import annotations

import logging
import signal
import threading
import time

import schedule

from mailproc.chain import officials
from mailproc.core.jobs import Idle, Trouble
from mailproc.outbox.sender import DeliveryReport, deliver_due, recover_stale
from mailproc.service import health
from mailproc.service.pipe import PipeServer
from mailproc.sla import work as sla_work
from mailproc.service.mailbox import MailboxDoor, MailboxUnavailable, backoff_delays, sleep
from mailproc.service.runlock import hold_run_lock

log = logging.getLogger(__name__)

POLL_INTERVAL = 30.0          # seconds between polls when the server has no IDLE
IDLE_RENEW = 25 * 60          # RFC 2177: re-issue IDLE before the server's 30-minute timeout
HELD_RETRY = 1.0              # seconds before looking again at mail that other workers hold
OUTBOX_CHUNK = 20             # outbox rows claimed at a time
OUTBOX_EVERY = 10             # seconds between outbox rounds (sooner when the resend grace is shorter)


def periodic_jobs(desk):
    """The due work of one round, as (name, callable) pairs; each returns a line for the log.

    The outbox comes last: what the SLA work queues (a reminder due now) leaves in the same round.
    """

    def outbox() -> str:
        recovered = recover_stale(desk)
        report = DeliveryReport()
        while True:   # small claims: a worker killed mid-round strands few rows in `sending`
            part = deliver_due(desk, limit=OUTBOX_CHUNK)
            report.sent, report.retried, report.failed = (report.sent + part.sent, report.retried + part.retried,
                                                          report.failed + part.failed)
            report.errors += part.errors
            if part.sent + part.failed < OUTBOX_CHUNK or part.errors:
                break
        text = f"outbox: {report.sent} sent, {report.retried} to retry, {report.failed} failed"
        if recovered:
            text += f", {recovered} unconfirmed send(s) settled"
        text += "".join(f"; {e}" for e in report.errors[:1])
        if report.errors or report.failed:
            return Trouble(text)
        return text if report.sent or report.retried or recovered else Idle(text)

    return [*sla_work.periodic_jobs(desk), ("health", lambda: health.alert_job(desk)), ("outbox", outbox)]


def start_up_jobs(desk):
    """Work due when the configuration is (re)read: `run` does it once at start, each `tick` (a process
    of its own) does it first. Requests still open with officials who left a role go to the new holder."""
    return [("officials", lambda: officials.hand_over_changed(desk))]


def tick(desk) -> list[str]:
    """Run every periodic job once, now (cron, tests, `--now` replays)."""
    lines = []
    for name, job in (*start_up_jobs(desk), *periodic_jobs(desk)):
        try:
            lines.append(job())
        except Exception as exc:
            log.exception("job %s failed", name)
            lines.append(Trouble(f"{name}: FAILED: {exc}"))
    return lines


class Service:
    def __init__(self, desk):
        self.desk = desk
        self.stopping = False
        self.wake = threading.Event()   # set by the pipe door: mail was handled, deliver now
        self.door = MailboxDoor(desk)
        self.scheduler = schedule.Scheduler()
        self.outage: str | None = None   # what is wrong while the service keeps retrying; logged once

    def stop(self, *_args) -> None:
        log.info("stop requested; finishing the current message")
        self.stopping = True

    def reload_requested(self, *_args) -> None:
        log.warning("SIGHUP: the configuration and rules are read only at start; "
                    "restart mailproc to apply changes (systemctl restart mailproc)")

    def _guarded(self, name, job):
        def run():
            try:
                line = job()
                # A round that did nothing stays out of the log at INFO.
                log.log(logging.DEBUG if isinstance(line, Idle) or not line else logging.INFO, "%s", line)
            except Exception as exc:
                log.error("job %s failed, retried next round: %s: %s", name, type(exc).__name__, exc)
        return run

    def _start_pipe(self):
        """The pipe door's fast path (see mailproc.service.pipe); the service runs without it if it cannot listen."""
        try:
            return PipeServer(self.desk.config.service.socket, self.door.inbound, on_handled=self.wake.set).start()
        except (OSError, RuntimeError) as exc:
            log.error("pipe door not available (ingest will handle mail itself): %s", exc)
            return None

    def run(self) -> None:
        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGTERM, self.stop)
            signal.signal(signal.SIGINT, self.stop)
            signal.signal(signal.SIGHUP, self.reload_requested)
        lock = hold_run_lock(self.desk.config.database_url)   # SQLite: one `run` per database
        self.desk.load_rules()
        _ = self.desk.sessions   # refuses to start on an un-migrated database
        if self.desk.config.imap.auth == "password":
            _ = self.desk.config.imap.password   # a missing secret is the admin's to fix, not a retry: stop
        if self.desk.config.secret_is_default:
            log.warning("%s is not set: reply tokens use a development key; set it in production",
                        self.desk.config.service.secret_env)
        jobs = periodic_jobs(self.desk)
        for name, job in jobs:
            # Rows a killed worker left unsent are queued again one resend grace later: look that often.
            grace = self.desk.config.smtp.resend_grace_seconds
            interval = max(1, min(OUTBOX_EVERY, grace + 1)) if name == "outbox" else 60
            self.scheduler.every(interval).seconds.do(self._guarded(name, job))
        log.info("mailproc running as %s on %s:%s/%s", self.desk.worker, self.desk.config.imap.host,
                 self.desk.config.imap.port, self.desk.config.imap.folder)
        delays = backoff_delays()
        deliver = self._guarded("outbox", dict(jobs)["outbox"])
        for name, job in start_up_jobs(self.desk):
            self._guarded(name, job)()
        # At once, not a round later: settle what a killed predecessor left in `sending`, send the rest.
        deliver()
        pipe = self._start_pipe()
        failed_delays = backoff_delays()
        while not self.stopping:
            try:
                report = self.door.poll_once()
                if report.fetched or self.wake.is_set():
                    self.wake.clear()
                    deliver()
                delays = backoff_delays()
                if self.outage is not None:
                    log.info("reconnected: the service works again after: %s", self.outage)
                    self.outage = None
                self.scheduler.run_pending()
                if self.stopping:
                    break
                wait = max(0.5, min(self.scheduler.idle_seconds or IDLE_RENEW, IDLE_RENEW))
                if report.failed:
                    # A message that failed (disk full, database down) is tried again after a pause
                    # that doubles while the fault lasts.
                    self._sleep(min(wait, next(failed_delays)))
                    continue
                failed_delays = backoff_delays()
                if report.held_elsewhere:
                    # Mail in other workers' hands raises no IDLE event when such a worker dies.
                    self._sleep(min(wait, HELD_RETRY))
                elif self.door.idles:
                    self.door.wait_for_mail(wait, lambda: self.stopping or self.wake.is_set())
                else:
                    self._sleep(min(wait, POLL_INTERVAL))
            except MailboxUnavailable as exc:
                self._recover(f"mailbox: {exc}", delays)
            except Exception as exc:
                self._recover(f"{type(exc).__name__}: {' '.join(str(exc).split())[:300]}", delays)
        if pipe is not None:
            pipe.stop()
        self.door.close()
        if lock is not None:
            lock.close()
        log.info("mailproc stopped")

    def _recover(self, problem: str, delays) -> None:
        delay = next(delays)
        if problem != self.outage:   # once when it begins or changes, not at every retry
            log.error("%s; retrying (every %.0f s at first, then less often) until it works", problem, delay)
        else:
            log.debug("%s; retrying in %.0f s", problem, delay)
        self.outage = problem
        self.door.close()
        self.scheduler.run_pending()
        self._sleep(delay)

    def _sleep(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while not self.stopping and not self.wake.is_set() and time.monotonic() < end:
            sleep(min(0.5, end - time.monotonic()))
