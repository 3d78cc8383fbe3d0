"""Outbox delivery over the real Postfix: one connection a round, retries with back-off, the admin
told once, and a crash between send and record settled by the sent copy, not by sending twice."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from chain import outbox
from conftest import REQUEST_BODY, free_port, make_mail, write_config
from mailproc.core.config import load_config
from mailproc.desk import Desk
from mailproc.intake.inbound import Inbound, Origin
from mailproc.outbox.sender import claim, deliver_due, recover_stale
from mailproc.store.models import OutboxMessage

pytestmark = pytest.mark.mailstack
REQUESTER = "tu@disdik.lampungbaratkab.go.id"


def live_desk(tmp_path, db_url, clock, stack, smtp_port=None, **replace):
    return Desk(load_config(write_config(tmp_path, db_url, smtp_port=smtp_port or stack.smtp_port,
                                         imap_port=stack.imap_port, replace=replace or None)), clock)


def statuses(desk) -> list[str]:
    return [r.status for r in outbox(desk)]


def test_delivered_once_with_a_sent_copy(tmp_path, db_url, clock, clean_mailstack):
    desk = live_desk(tmp_path, db_url, clock, clean_mailstack)
    Inbound(desk).handle(make_mail(REQUESTER, "Internet mati total", REQUEST_BODY), Origin("ingest"))
    report = deliver_due(desk)
    assert report.sent == 2 and set(statuses(desk)) == {"sent"}
    assert deliver_due(desk).sent == 0
    assert len(clean_mailstack.wait_for(REQUESTER, 1)) == 1
    assert len(clean_mailstack.wait_for("aptika@lampungbaratkab.go.id", 2, folder="Sent")) == 2
    assert clean_mailstack.fetch("aptika@lampungbaratkab.go.id") == []   # copies never reach the INBOX


def test_crash_between_send_and_record_is_settled_by_the_sent_copy(tmp_path, db_url, clock, clean_mailstack):
    desk = live_desk(tmp_path, db_url, clock, clean_mailstack)
    Inbound(desk).handle(make_mail(REQUESTER, "Internet mati total", REQUEST_BODY), Origin("ingest"))
    rows = claim(desk, 10)
    from mailproc.outbox.sender import SmtpTransport
    with SmtpTransport(desk.config.smtp) as transport:
        transport.send(rows[0], desk.config.service.address)   # accepted by Postfix ... then the process dies
    with desk.transaction() as s:   # the dead worker's claim, as a restart finds it
        for row in s.scalars(select(OutboxMessage)):
            row.claimed_by = "some-host-that-is-gone:1"
    clean_mailstack.wait_for("aptika@lampungbaratkab.go.id", 1, folder="Sent")
    clock.advance(minutes=11)
    assert recover_stale(desk) == 2
    assert sorted(statuses(desk)) == ["pending", "sent"]   # the sent one is recorded, the other queued again
    assert deliver_due(desk).sent == 1
    assert len(clean_mailstack.wait_for(REQUESTER, 1)) == 1
    assert len(clean_mailstack.fetch(REQUESTER)) == 1


def test_smtp_down_retries_with_backoff_and_tells_the_admin_once(tmp_path, db_url, clock, clean_mailstack):
    dead_port = free_port()
    desk = live_desk(tmp_path, db_url, clock, clean_mailstack, smtp_port=dead_port,
                     **{"admin_after_failures = 5": "admin_after_failures = 3"})
    Inbound(desk).handle(make_mail(REQUESTER, "Internet mati total", REQUEST_BODY), Origin("ingest"))
    attempts = []
    for _ in range(6):
        report = deliver_due(desk)
        attempts.append(report.retried)
        clock.advance(hours=1)
    assert attempts[0] == 2 and report.errors and "unreachable" in report.errors[0]
    alerts = outbox(desk, "admin@lampungbaratkab.go.id", "admin_alert_outbox")
    assert len(alerts) == 1   # once, when the first message reached the limit: not once per message
    with desk.sessions() as s:
        row = s.scalars(select(OutboxMessage).where(OutboxMessage.kind == "acknowledgement")).one()
        assert row.attempts == 6 and row.status == "pending" and row.next_attempt_at > clock.now() - timedelta(hours=1)
    # The server is back: everything goes out, once.
    (tmp_path / "back").mkdir()
    back = live_desk(tmp_path / "back", db_url, clock, clean_mailstack)
    clock.advance(hours=2)
    assert deliver_due(back).sent == 3   # the two messages and the one alert
    assert set(statuses(back)) == {"sent"}
    assert len(clean_mailstack.wait_for(REQUESTER, 1)) == 1


def test_check_says_whether_the_sent_copies_arrive(tmp_path, db_url, clock, clean_mailstack):
    from mailproc.cli.check import run_checks

    def sent_copy_verdict(desk):
        return next((ok, text) for name, ok, text in run_checks(desk) if name == "sent copy")

    # Copies to an address the server files in its INBOX, not in Sent (as without detail delivery):
    desk = live_desk(tmp_path, db_url, clock, clean_mailstack, **{
        'sent_copy = "aptika+Sent@lampungbaratkab.go.id"': 'sent_copy = "sekda@lampungbaratkab.go.id"'})
    assert sent_copy_verdict(desk)[0] is True      # nothing sent yet: nothing to tell
    Inbound(desk).handle(make_mail(REQUESTER, "Internet mati total", REQUEST_BODY), Origin("ingest"))
    deliver_due(desk)
    clean_mailstack.wait_for("sekda@lampungbaratkab.go.id", 2)
    clock.advance(minutes=1)
    ok, text = sent_copy_verdict(desk)
    assert ok is False and "none of the last 2" in text and "smtp.sent_copy" in text
    # The shipped configuration: Dovecot files aptika+Sent@ in Sent.
    desk = live_desk(tmp_path, db_url, clock, clean_mailstack)
    Inbound(desk).handle(make_mail(REQUESTER, "Jaringan LAN mati", REQUEST_BODY), Origin("ingest"))
    deliver_due(desk)
    clean_mailstack.wait_for("aptika@lampungbaratkab.go.id", 2, folder="Sent")
    clock.advance(minutes=1)
    ok, text = sent_copy_verdict(desk)
    assert ok is True and "2 of the last 4 sent found" in text
