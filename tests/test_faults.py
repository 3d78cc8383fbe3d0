"""Faults around the service: the real run loop (``Service`` in a thread) against the real Dovecot and
Postfix, with the IMAP server restarted mid-batch, a refused login, SMTP down for minutes, the
database locked or its connections killed, and a full disk. Each time the service keeps running,
says what is wrong in one line of its log, and catches up by itself without losing or doubling mail.

The only real waiting is on state (bounded); the service's back-off pauses are recorded and cut
short, so the test sees the delays it asked for (1 s, 2 s, 4 s ...) without sleeping them.
"""
from __future__ import annotations

import email
import errno
import hashlib
import logging
import subprocess
import threading
import time
import types
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import event, func, select

from conftest import REQUEST_BODY, T0, make_mail, write_config
from mailproc.service import loop as service_module
from mailproc.store.archive import Archive
from mailproc.core.config import load_config
from mailproc.desk import Desk
from mailproc.intake.inbound import Inbound, Origin
from mailproc.service.loop import Service
from mailproc.store.models import Attachment, InboundMessage, OutboxMessage, Ticket

pytestmark = pytest.mark.mailstack
SERVICE = "aptika@lampungbaratkab.go.id"
ADMIN = "admin@lampungbaratkab.go.id"
KADIS = "kadis@lampungbaratkab.go.id"
REQUESTERS = ("tu@disdik.lampungbaratkab.go.id", "umum@diskes.lampungbaratkab.go.id",
              "it@rsud.lampungbaratkab.go.id", "pelayanan@disdukcapil.lampungbaratkab.go.id")
WAIT = 30.0


# -- helpers -------------------------------------------------------------------------------------

def wait_until(predicate, timeout: float = WAIT, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(0.05)


def live_desk(directory: Path, db_url: str, clock, stack, **replace) -> Desk:
    directory.mkdir(parents=True, exist_ok=True)
    path = write_config(directory, db_url, smtp_port=stack.smtp_port, imap_port=stack.imap_port,
                        replace=replace or None)
    return Desk(load_config(path), clock)


def count(desk, model, *where) -> int:
    with desk.sessions() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where))


def folder_size(stack, address: str, folder: str) -> int:
    try:
        return len(stack.fetch(address, folder))
    except Exception:
        return 0


def request(n: int, sender: str | None = None, **kw) -> tuple[str, bytes]:
    sender = sender or REQUESTERS[n % len(REQUESTERS)]
    return sender, make_mail(sender, f"Internet kantor mati total ({n})", REQUEST_BODY, **kw)


def send_requests(stack, how_many: int) -> None:
    for n in range(how_many):
        sender, raw = request(n)
        stack.send(raw, sender, [SERVICE])
    stack.wait_for(SERVICE, how_many)


class LogLines(logging.Handler):
    """Every record of the mailproc loggers, from any thread."""

    def __init__(self):
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record):
        self.records.append(record)

    def problems(self, *words: str) -> list[logging.LogRecord]:
        return [r for r in self.records if r.levelno >= logging.WARNING
                and all(w.lower() in r.getMessage().lower() for w in words)]


@pytest.fixture
def log_lines():
    handler = LogLines()
    logger = logging.getLogger("mailproc")
    old_level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    yield handler
    logger.removeHandler(handler)
    logger.setLevel(old_level)


def one_clear_line(record: logging.LogRecord) -> bool:
    """A problem said in one line: no traceback, no line break, no repr of a whole SQL statement."""
    text = record.getMessage()
    return record.exc_info is None and "\n" not in text and len(text) < 400


class RunningService:
    """``Service(desk).run()`` in a thread; its back-off pauses are recorded and cut short."""

    def __init__(self, desk, monkeypatch):
        # signal.signal only works in the main thread; stopping here goes through service.stop().
        monkeypatch.setattr(service_module, "signal",
                            types.SimpleNamespace(signal=lambda *a: None, SIGTERM=15, SIGINT=2))
        self.service = Service(desk)
        self.pauses: list[float] = []
        self.service._sleep = self._pause
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="mailproc-service", daemon=True)

    def _pause(self, seconds: float) -> None:
        self.pauses.append(seconds)
        end = time.monotonic() + min(seconds, 0.2)
        while not self.service.stopping and time.monotonic() < end:
            time.sleep(0.02)

    def _run(self):
        try:
            self.service.run()
        except BaseException as exc:   # the service must never die of a fault: the test says so
            self.error = exc

    @property
    def alive(self) -> bool:
        return self.thread.is_alive() and self.error is None

    def __enter__(self):
        self.thread.start()
        wait_until(lambda: self.service.door.client is not None or self.pauses or not self.alive,
                   what="the service started")
        return self

    def __exit__(self, *exc):
        self.service.stop()
        self.thread.join(30)
        assert not self.thread.is_alive(), "the service did not stop"


def wrap_handle(desk_service: Service, before=None):
    """Count the service's calls of Inbound.handle; ``before(n)`` runs ahead of the n-th call."""
    inbound = desk_service.door.inbound
    original = inbound.handle
    calls = []

    def handle(raw, origin, **options):
        calls.append(origin.uid)
        if before is not None:
            before(len(calls))
        return original(raw, origin, **options)

    inbound.handle = handle
    return calls


def one_database(db_url: str) -> None:
    """For a fault that has nothing to do with the database: run it once, on SQLite."""
    if not db_url.startswith("sqlite"):
        pytest.skip("the same on every database: runs on SQLite")


# -- IMAP ----------------------------------------------------------------------------------------

def test_imap_server_restarted_mid_batch(tmp_path, db_url, clock, clean_mailstack, monkeypatch, log_lines):
    stack = clean_mailstack
    desk = live_desk(tmp_path, db_url, clock, stack, **{"batch_size = 200": "batch_size = 4"})
    send_requests(stack, 10)
    reached, down = threading.Event(), threading.Event()

    def before(n):
        if n == 6:                      # in the middle of the second batch
            reached.set()
            down.wait(WAIT)

    runner = RunningService(desk, monkeypatch)
    calls = wrap_handle(runner.service, before)
    try:
        with runner:
            assert reached.wait(WAIT)
            stack.stop_dovecot()
            down.set()
            wait_until(lambda: len(runner.pauses) >= 3, what="reconnect attempts")
            assert runner.alive and count(desk, Ticket) < 10, runner.error
            stack.start()
            wait_until(lambda: count(desk, Ticket) == 10 and folder_size(stack, SERVICE, "INBOX") == 0,
                       what="all ten handled and filed")
            assert runner.alive, runner.error
    finally:
        stack.start()
    assert count(desk, Ticket) == 10
    assert count(desk, InboundMessage) == 10              # each message recorded once
    assert folder_size(stack, SERVICE, "Processed") == 10 and folder_size(stack, SERVICE, "Quarantine") == 0
    with desk.sessions() as s:
        assert len(set(s.scalars(select(Ticket.message_id)))) == 10
    assert len(calls) >= 10
    retries = log_lines.problems("retrying")
    assert all(one_clear_line(r) for r in retries), [r.getMessage() for r in retries]
    assert any(f"127.0.0.1:{stack.imap_port} unreachable" in r.getMessage() for r in retries)
    assert runner.pauses[:3] == [1.0, 2.0, 4.0]            # back-off doubles while the server is away
    # One line when the outage begins (or its cause changes), not one per retry; one when it ends.
    said = [r.getMessage() for r in retries]
    assert len(said) < len(runner.pauses) and all(a != b for a, b in zip(said, said[1:])), said
    assert any(r.getMessage().startswith("reconnected") for r in log_lines.records)


def test_imap_connection_lost_is_reported_naming_the_server(tmp_path, db_url, clock, clean_mailstack, monkeypatch,
                                                            log_lines):
    one_database(db_url)
    stack = clean_mailstack
    desk = live_desk(tmp_path, db_url, clock, stack)
    send_requests(stack, 1)
    runner = RunningService(desk, monkeypatch)
    try:
        with runner:
            wait_until(lambda: count(desk, Ticket) == 1, what="the first ticket")
            stack.stop_dovecot()                          # the service sits in IDLE on a live session
            wait_until(lambda: len(runner.pauses) >= 2, what="reconnect attempts")
    finally:
        stack.start()
    first = log_lines.problems("retrying")[0].getMessage()
    assert f"127.0.0.1:{stack.imap_port}" in first, first


def test_imap_login_refused_then_fixed(tmp_path, db_url, clock, clean_mailstack, monkeypatch, log_lines):
    stack = clean_mailstack
    desk = live_desk(tmp_path, db_url, clock, stack)
    send_requests(stack, 2)
    stack.set_password(SERVICE, "kata-sandi-yang-baru-2026")   # the admin changed it; our env still has the old one
    runner = RunningService(desk, monkeypatch)
    try:
        with runner:
            wait_until(lambda: len(runner.pauses) >= 3, what="refused logins")
            assert runner.alive and count(desk, Ticket) == 0
            stack.set_password(SERVICE, None)              # password fixed on the server
            wait_until(lambda: count(desk, Ticket) == 2, what="the backlog after the fix")
            assert runner.alive, runner.error
    finally:
        stack.set_password(SERVICE, None)
    refused = log_lines.problems("login as")
    line = refused[0].getMessage()
    assert f"IMAP 127.0.0.1:{stack.imap_port}: login as {SERVICE} refused" in line, line
    assert all(one_clear_line(r) for r in refused)
    assert runner.pauses[:3] == [1.0, 2.0, 4.0]
    assert len(refused) == 1, [r.getMessage() for r in refused]   # the same refusal is logged once, not per retry
    everything = "\n".join(r.getMessage() for r in log_lines.records)
    assert "kata-sandi-yang-baru-2026" not in everything and stack.password not in everything


# -- SMTP ----------------------------------------------------------------------------------------

def test_smtp_down_for_minutes_through_tick(tmp_path, db_url, clock, clean_mailstack, capsys):
    """`mailproc --now … tick` minute by minute while Postfix is stopped (test_outbox covers a dead port
    with deliver_due; this drives the CLI, checks the back-off spacing and that the admin's alert,
    queued while SMTP is down, goes out with the rest once it is back)."""
    from mailproc.cli.main import main

    stack = clean_mailstack
    desk = live_desk(tmp_path, db_url, clock, stack, **{"admin_after_failures = 5": "admin_after_failures = 3"})
    config = str(desk.config.path)
    Inbound(desk).handle(make_mail(REQUESTERS[0], "Internet kantor mati total", REQUEST_BODY), Origin("ingest"))

    said = []

    def tick(minutes: float) -> str:
        capsys.readouterr()
        assert main(["--config", config, "--now", (T0 + timedelta(minutes=minutes)).isoformat(), "tick"]) == 0
        out = capsys.readouterr().out.splitlines()
        said.append((minutes, out))
        return next(line for line in out if line.startswith("outbox:"))

    def ack_attempts() -> int:
        with desk.sessions() as s:
            return s.scalar(select(OutboxMessage.attempts).where(OutboxMessage.kind == "acknowledgement"))

    try:
        stack.stop_postfix()
        attempts = {}
        for minute in (0, 0.5, 1, 2, 3, 5, 7, 15):
            line = tick(minute)
            attempts[minute] = ack_attempts()
            assert "\n" not in line
        outbox_line = next(line for line in said[0][1] if line.startswith("outbox:"))
        assert f"SMTP 127.0.0.1:{stack.smtp_port} unreachable" in outbox_line, said
        # tried at 0, then 1, 3, 7, 15 minutes: twice the pause each time, nothing in between
        assert attempts == {0: 1, 0.5: 1, 1: 2, 2: 2, 3: 3, 5: 3, 7: 4, 15: 5}, said
        with desk.sessions() as s:
            rows = list(s.scalars(select(OutboxMessage)))
        assert {r.status for r in rows} == {"pending"}
        ack = next(r for r in rows if r.kind == "acknowledgement")
        kadis = next(r for r in rows if r.kind == "request_kadis")
        alerts = [r for r in rows if r.kind == "admin_alert_outbox"]
        assert all(r.recipients == [ADMIN] for r in alerts)
        about = [a for a in alerts if ack.message_id.encode() in a.raw or kadis.message_id.encode() in a.raw]
        assert len(about) == 1                     # told once, at the 3rd failure: not per message, not again
    finally:
        stack.start()
    # Back: each row goes at its next attempt (the longest pause is 16 min by now), and only once.
    sent = sum(int(tick(minute).split()[1]) for minute in (16, 31, 45))
    assert tick(120).startswith("outbox: 0 sent, 0 to retry") and sent == count(desk, OutboxMessage)
    with desk.sessions() as s:
        assert set(s.scalars(select(OutboxMessage.status))) == {"sent"}
    def copies(address: str, message_id: str) -> int:
        return sum(email.message_from_bytes(m)["Message-ID"] == message_id for m in stack.fetch(address))

    wait_until(lambda: copies(REQUESTERS[0], ack.message_id) and copies(KADIS, kadis.message_id)
               and any(ack.message_id.encode() in m for m in stack.fetch(ADMIN)), what="the queued mail delivered")
    alert = next(m for m in stack.fetch(ADMIN) if ack.message_id.encode() in m)
    assert b"belum terkirim setelah 3 kali percobaan" in alert
    time.sleep(0.3)   # a second copy would have arrived by now
    assert copies(REQUESTERS[0], ack.message_id) == 1 and copies(KADIS, kadis.message_id) == 1


# -- the database --------------------------------------------------------------------------------

@contextmanager
def database_outage(desk, db_url: str, stack):
    """SQLite: another connection holds the write lock until the message has arrived and the service
    is waiting on it. PostgreSQL: every connection of the service is terminated (pg_terminate_backend)
    at the moment it records the message, mid-transaction."""
    if db_url.startswith("sqlite"):
        import sqlite3
        lock = sqlite3.connect(db_url.split("///", 1)[1], isolation_level=None)
        lock.execute("BEGIN IMMEDIATE")
        try:
            yield lambda: (stack.wait_for(SERVICE, 1), time.sleep(1.0))   # the service now waits on the lock
        finally:
            lock.execute("ROLLBACK")
            lock.close()
        return
    import psycopg

    from conftest import PG_SERVER
    name = db_url.rsplit("/", 1)[1]
    killed = []

    def terminate(conn, cursor, statement, *_):
        if not killed and statement.lstrip().upper().startswith("INSERT INTO INBOUND_MESSAGES"):
            with psycopg.connect(PG_SERVER.replace("postgresql+psycopg", "postgresql") + "postgres",
                                 autocommit=True) as admin:
                killed.extend(admin.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (name,)
                ).fetchall())

    event.listen(desk.engine, "before_cursor_execute", terminate)
    yield lambda: wait_until(lambda: killed, what="the backends terminated")
    event.remove(desk.engine, "before_cursor_execute", terminate)
    assert killed


def test_database_briefly_unavailable(tmp_path, db_url, clock, clean_mailstack, monkeypatch, log_lines):
    stack = clean_mailstack
    desk = live_desk(tmp_path, db_url, clock, stack)
    runner = RunningService(desk, monkeypatch)
    with runner:
        with database_outage(desk, db_url, stack) as outage_seen:
            sender, raw = request(1)
            stack.send(raw, sender, [SERVICE])
            outage_seen()
            assert runner.alive, runner.error
        wait_until(lambda: count(desk, Ticket) == 1 and folder_size(stack, SERVICE, "INBOX") == 0,
                   what="the message handled after the outage")
        assert runner.alive, runner.error
    assert count(desk, InboundMessage) == 1 and count(desk, Ticket) == 1
    assert count(desk, OutboxMessage, OutboxMessage.kind == "acknowledgement") == 1
    assert len(stack.wait_for(sender, 1)) == 1


def test_database_outage_is_one_clear_line(tmp_path, db_url, clock, clean_mailstack, monkeypatch, log_lines):
    if db_url.startswith("sqlite"):
        pytest.skip("SQLite waits out a held lock (busy_timeout 30 s): nothing to report")
    stack = clean_mailstack
    desk = live_desk(tmp_path, db_url, clock, stack)
    runner = RunningService(desk, monkeypatch)
    with runner:
        with database_outage(desk, db_url, stack) as outage_seen:
            sender, raw = request(1)
            stack.send(raw, sender, [SERVICE])
            outage_seen()
        wait_until(lambda: count(desk, Ticket) == 1, what="the ticket")
    problems = log_lines.problems()
    assert problems and all(one_clear_line(r) for r in problems), [r.getMessage() for r in problems]


def test_start_while_sqlite_is_locked_waits_for_the_lock(tmp_path, clock):
    import sqlite3

    url = f"sqlite:///{tmp_path / 'mailproc.db'}"
    from mailproc.store.db import upgrade
    upgrade(url)
    desk = Desk(load_config(write_config(tmp_path, url)), clock)
    lock = sqlite3.connect(tmp_path / "mailproc.db", isolation_level=None, check_same_thread=False)
    lock.execute("BEGIN IMMEDIATE")                  # e.g. `mailproc ingest` from the MTA, mid-transaction
    release = threading.Timer(0.5, lambda: lock.execute("ROLLBACK"))
    release.start()
    try:
        assert desk.sessions is not None             # waits out the lock (busy_timeout) instead of failing
    finally:
        release.join()
        lock.close()


# -- a full disk ---------------------------------------------------------------------------------

@pytest.fixture
def small_disk(tmp_path):
    """``tmp_path/storage`` on a 256 KiB tmpfs; ``grow()`` makes room (remount at 16 MiB)."""
    storage = tmp_path / "storage"
    storage.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k,mode=0755", "tmpfs", str(storage)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")

    def grow():
        subprocess.run(["mount", "-o", "remount,size=16m", str(storage)], check=True)

    yield types.SimpleNamespace(path=storage, grow=grow)
    subprocess.run(["umount", "-l", str(storage)], check=False)


PHOTO = ("foto-switch.jpg", "image/jpeg", bytes(range(256)) * 1200)   # 300 KiB: more than the disk holds


def test_disk_full_keeps_the_message_and_catches_up(tmp_path, db_url, clock, clean_mailstack, monkeypatch,
                                                    log_lines, small_disk):
    stack = clean_mailstack
    desk = live_desk(tmp_path, db_url, clock, stack)
    assert desk.storage == small_disk.path
    sender, raw = request(1, attachments=[PHOTO])
    stack.send(raw, sender, [SERVICE])
    stack.wait_for(SERVICE, 1)
    runner = RunningService(desk, monkeypatch)
    try:
        with runner:
            wait_until(lambda: log_lines.problems("No space left"), what="the full disk reported")
            # A full disk is temporary: the message stays in the INBOX (not quarantined), nothing recorded.
            assert folder_size(stack, SERVICE, "INBOX") == 1 and folder_size(stack, SERVICE, "Quarantine") == 0
            assert count(desk, InboundMessage) == 0 and runner.alive
            small_disk.grow()
            wait_until(lambda: count(desk, Ticket) == 1 and folder_size(stack, SERVICE, "INBOX") == 0,
                       what="caught up once there is room")
            assert runner.alive, runner.error
    finally:
        small_disk.grow()
    assert count(desk, Attachment, Attachment.stored.is_(True)) == 1
    assert Archive(desk.storage).path("attachments", hashlib.sha256(PHOTO[2]).hexdigest()).exists()


def test_disk_full_is_one_line_and_no_busy_loop(tmp_path, db_url, clock, clean_mailstack, monkeypatch, log_lines,
                                               small_disk):
    one_database(db_url)
    stack = clean_mailstack
    desk = live_desk(tmp_path, db_url, clock, stack)
    sender, raw = request(1, attachments=[PHOTO])
    stack.send(raw, sender, [SERVICE])
    stack.wait_for(SERVICE, 1)
    runner = RunningService(desk, monkeypatch)
    calls = wrap_handle(runner.service)
    try:
        with runner:
            wait_until(lambda: log_lines.problems("No space left"), what="the full disk reported")
            wait_until(lambda: len(calls) >= 3, what="three attempts")
            attempts, problems, pauses = len(calls), log_lines.problems("No space left"), list(runner.pauses)
            small_disk.grow()
    finally:
        small_disk.grow()
    # Each new attempt comes after a pause that doubles while the fault lasts (the harness cuts the
    # pauses short, so count them instead of the clock): no busy loop.
    backoff = [p for p in pauses if p >= 1.0]
    assert backoff[:2] == [1.0, 2.0] and attempts <= len(pauses) + 1, (attempts, pauses)
    assert len(problems) == attempts and all(one_clear_line(r) for r in problems)


def test_failed_archive_write_leaves_no_partial_file(small_disk):
    archive = Archive(small_disk.path)
    with pytest.raises(OSError) as failure:
        archive.put("raw", PHOTO[2])
    assert failure.value.errno == errno.ENOSPC
    assert [p for p in small_disk.path.rglob("*") if p.is_file()] == []
