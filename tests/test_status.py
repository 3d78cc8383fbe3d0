"""`mailproc status`: what the service recorded and what the IMAP server says, graded 0 OK / 1 WARNING /
2 CRITICAL by [health]; and the admin's alert of a lasting outage, at most once an hour.

Against the real Dovecot and Postfix; the clock is moved, never slept on.
"""
from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from conftest import REQUEST_BODY, make_mail, write_config
from mailproc.cli.main import main
from mailproc.core.config import ConfigError, load_config
from mailproc.desk import Desk
from mailproc.intake.inbound import Inbound, Origin
from mailproc.mail.imap import MailboxUnavailable
from mailproc.outbox.sender import deliver_due
from mailproc.service import health
from mailproc.service.mailbox import MailboxDoor
from mailproc.sla.work import heartbeat
from mailproc.store.db import upgrade
from mailproc.store.models import OUT_FAILED, OutboxMessage, Ticket

pytestmark = pytest.mark.mailstack
SERVICE = "aptika@lampungbaratkab.go.id"
ADMIN = "admin@lampungbaratkab.go.id"
REQUESTER = "umum@diskes.lampungbaratkab.go.id"


def live_desk(tmp_path, db_url, clock, stack, **replace) -> Desk:
    return Desk(load_config(write_config(tmp_path, db_url, smtp_port=stack.smtp_port, imap_port=stack.imap_port,
                                         replace=replace or None)), clock)


def healthy(desk) -> Desk:
    """The service's traces of a good minute: a mailbox contact, a delivery round, a heartbeat."""
    door = MailboxDoor(desk)
    try:
        door.poll_once()
    finally:
        door.close()
    deliver_due(desk)
    heartbeat(desk)
    return desk


def level(desk) -> int:
    return health.status(desk).level


def cli_status(desk, clock, *args) -> tuple[int, str]:
    import io
    from contextlib import redirect_stdout
    out = io.StringIO()
    with redirect_stdout(out):
        code = main(["--config", str(desk.config.path), "--now", clock.now().isoformat(), "status", *args])
    return code, out.getvalue()


def request(desk, n: int = 1):
    raw = make_mail(REQUESTER, f"Internet kantor mati total ({n})", REQUEST_BODY)
    return Inbound(desk).handle(raw, Origin("ingest"))


def test_a_healthy_desk_is_ok(tmp_path, db_url, clock, clean_mailstack):
    desk = healthy(live_desk(tmp_path, db_url, clock, clean_mailstack))
    client = clean_mailstack.imap(SERVICE)
    client.append("INBOX", make_mail(REQUESTER, "Internet mati", REQUEST_BODY))
    client.logout()
    code, out = cli_status(desk, clock)
    assert code == 0, out
    first, *rest = out.splitlines()
    assert first.startswith("MAILPROC OK - "), first
    assert "inbox: 1 waiting in INBOX" in out, out          # asked of the IMAP server
    assert "mailbox: last contact under a minute ago" in out, out
    assert {line.split(":")[0] for line in rest} == {"database", "mailbox", "inbox", "outbox", "quarantine",
                                                    "sla", "workers"}


def test_json_shape(tmp_path, db_url, clock, clean_mailstack):
    desk = healthy(live_desk(tmp_path, db_url, clock, clean_mailstack))
    code, out = cli_status(desk, clock, "--json")
    data = json.loads(out)
    assert code == 0 and data["status"] == "OK" and data["exit_code"] == 0
    checks = data["checks"]
    assert checks["database"]["revision"] == checks["database"]["expected"]
    assert checks["inbox"]["waiting"] == 0
    assert set(checks["outbox"]) >= {"status", "text", "pending", "retrying", "failed_24h", "oldest_unsent_at",
                                     "oldest_unsent_minutes", "server_failing_since", "server_error"}
    assert checks["mailbox"]["failing_since"] is None and checks["mailbox"]["ok_at"]
    assert checks["quarantine"]["last_24h"] == 0 and checks["sla"]["breaches"] == 0
    assert list(checks["workers"]["heartbeats"]) == [desk.worker]


def test_a_failed_outbox_row_warns(tmp_path, db_url, clock, clean_mailstack):
    desk = healthy(live_desk(tmp_path, db_url, clock, clean_mailstack))
    request(desk)
    deliver_due(desk)
    assert level(desk) == 0
    with desk.transaction() as s:
        s.execute(update(OutboxMessage).where(OutboxMessage.kind == "acknowledgement").values(
            status=OUT_FAILED, claimed_at=clock.now()))
    report = health.status(desk)
    assert report.level == 1
    assert report.headline().startswith("MAILPROC WARNING - outbox: 0 pending, 1 failed in 24 h")


def test_an_old_unsent_row_warns_then_is_critical(tmp_path, db_url, clock, clean_mailstack):
    desk = healthy(live_desk(tmp_path, db_url, clock, clean_mailstack))
    request(desk)                                       # queued, not delivered
    assert level(desk) == 0
    clock.advance(minutes=11)
    heartbeat(desk)
    assert level(desk) == 1
    assert "oldest unsent 11 min old" in health.status(desk).headline()
    clock.advance(minutes=20)
    heartbeat(desk)
    assert level(desk) == 2


def test_an_sla_breach_warns(tmp_path, db_url, clock, clean_mailstack):
    desk = healthy(live_desk(tmp_path, db_url, clock, clean_mailstack))
    code = request(desk).ticket
    deliver_due(desk)
    with desk.sessions() as s:
        due = s.scalar(select(Ticket.due_at).where(Ticket.code == code))
    clock.set(due - timedelta(minutes=1))
    heartbeat(desk)
    assert level(desk) == 0
    clock.set(due + timedelta(minutes=1))
    heartbeat(desk)
    report = health.status(desk)
    assert report.level == 1 and report.headline() == "MAILPROC WARNING - sla: 1 open past the deadline"


def test_mailbox_refusing_login_is_critical_and_alerts_the_admin_once_an_hour(tmp_path, db_url, clock,
                                                                               clean_mailstack):
    stack = clean_mailstack
    desk = healthy(live_desk(tmp_path, db_url, clock, stack))
    door = MailboxDoor(desk)
    stack.set_password(SERVICE, "kata-sandi-yang-baru-2026")   # changed on the server, not in our env
    try:
        def poll_fails():
            with pytest.raises(MailboxUnavailable):
                door.poll_once()
            heartbeat(desk)

        poll_fails()
        assert level(desk) == 1                # the probe of `status` cannot log in either; not yet long
        clock.advance(minutes=6)
        poll_fails()
        assert level(desk) == 1
        clock.advance(minutes=14)
        poll_fails()
        report = health.status(desk)
        assert report.level == 2
        assert report.headline().startswith("MAILPROC CRITICAL - mailbox: failing for 20 min: IMAP 127.0.0.1:")
        assert f"login as {SERVICE} refused" in report.headline()
        code, out = cli_status(desk, clock)
        assert code == 2 and out.startswith("MAILPROC CRITICAL - ")

        # the admin is told once, not every minute
        assert health.alert_job(desk) == "health: admin alerted (admin_alert_mailbox)"
        for _ in range(3):
            clock.advance(minutes=10)
            poll_fails()
            assert health.alert_job(desk) == "health: nothing to tell the admin"
        assert deliver_due(desk).sent == 1     # SMTP still works: the alert leaves
        clock.advance(minutes=31)
        poll_fails()
        assert health.alert_job(desk) == "health: admin alerted (admin_alert_mailbox)"
        assert deliver_due(desk).sent == 1
    finally:
        stack.set_password(SERVICE, None)
    alerts = [m for m in stack.fetch(ADMIN) if b"Kotak surat layanan" in m or b"Kotak surat" in m]
    assert len(alerts) == 2
    assert b"kata-sandi-yang-baru-2026" not in b"".join(alerts)

    door.poll_once()                            # fixed: OK again, and the admin is not told again
    door.close()
    heartbeat(desk)
    assert level(desk) == 0
    clock.advance(minutes=61)
    heartbeat(desk)
    assert health.alert_job(desk) == "health: nothing to tell the admin"


def test_a_stuck_outbox_alerts_the_admin_once(tmp_path, db_url, clock, clean_mailstack):
    desk = healthy(live_desk(tmp_path, db_url, clock, clean_mailstack))
    request(desk)
    clock.advance(minutes=14)
    assert health.alert_job(desk) == "health: nothing to tell the admin"
    clock.advance(minutes=1)
    assert health.alert_job(desk) == "health: admin alerted (admin_alert_outbox)"
    clock.advance(minutes=90)                   # still stuck, the alert itself still unsent: no second one
    assert health.alert_job(desk) == "health: nothing to tell the admin"
    with desk.sessions() as s:
        rows = list(s.scalars(select(OutboxMessage).where(OutboxMessage.kind == "admin_alert_outbox")))
    assert len(rows) == 1 and rows[0].recipients == [ADMIN]


def test_a_database_behind_is_critical(tmp_path, clock, clean_mailstack):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    upgrade(url, "0002")
    desk = live_desk(tmp_path, url, clock, clean_mailstack)
    code, out = cli_status(desk, clock)
    assert code == 2, out
    assert out.startswith("MAILPROC CRITICAL - database: at revision 0002, the code needs 0003: "
                          "run `mailproc db upgrade`"), out
    assert "inbox: 0 waiting in INBOX" in out   # the mailbox is still asked


def test_thresholds_come_from_the_config(tmp_path, db_url, clock, clean_mailstack):
    desk = healthy(live_desk(tmp_path, db_url, clock, clean_mailstack, **{
        "oldest_unsent_warn_minutes = 10": "oldest_unsent_warn_minutes = 2",
        "oldest_unsent_crit_minutes = 30": "oldest_unsent_crit_minutes = 3"}))
    request(desk)
    clock.advance(minutes=2)
    assert level(desk) == 1
    clock.advance(minutes=1)
    assert level(desk) == 2


@pytest.mark.parametrize("old, new, error", [
    ("heartbeat_warn_minutes = 5", "heartbeat_warn_minutes = 20",
     "health.heartbeat_warn_minutes: 20 is above health.heartbeat_crit_minutes (15)"),
    ("breaches_warn = 1", "breaches_warn = -1", "health.breaches_warn: -1 is negative"),
    ("breaches_warn = 1", "breaches_warn = \"1\"", "health.breaches_warn: expected int"),
    ("breaches_warn = 1", "breach_warn = 1", "health.breach_warn: unknown key"),
])
def test_health_config_is_validated(tmp_path, old, new, error):
    path = write_config(tmp_path, "sqlite:///x.db", replace={old: new})
    with pytest.raises(ConfigError) as exc:
        load_config(path)
    assert error in str(exc.value)
