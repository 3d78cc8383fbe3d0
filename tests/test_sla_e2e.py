"""SLA reminders and escalations over the real mail stack: the request by SMTP, the clock set
forward, ``tick``, and each notice read from the right official's IMAP mailbox; a reply to a
reminder moves the ticket. Runs on SQLite and PostgreSQL."""
from __future__ import annotations

import email
import time
from datetime import datetime
from email import policy

import pytest

from chain import KABID, KADIS, reply_to
from conftest import REQUEST_BODY, make_mail, write_config
from mailproc.core.clock import WIB
from mailproc.core.config import load_config
from mailproc.desk import Desk
from mailproc.service.mailbox import MailboxDoor
from mailproc.outbox.sender import deliver_due
from mailproc.service.loop import tick
from mailproc.store.tickets import find_by_code

pytestmark = pytest.mark.mailstack
SERVICE = "aptika@lampungbaratkab.go.id"
REQUESTER = "tu@disdik.lampungbaratkab.go.id"
CODE = "JIP-2026-0001"


@pytest.fixture
def live(tmp_path, db_url, clock, clean_mailstack):
    stack = clean_mailstack
    desk = Desk(load_config(write_config(tmp_path, db_url, smtp_port=stack.smtp_port, imap_port=stack.imap_port)),
                clock)
    door = MailboxDoor(desk)
    yield desk, door, stack
    door.close()


def notices(stack, address: str, word: str) -> list:
    """Messages in ``address``'s INBOX about this test's ticket whose subject has ``word``."""
    found = []
    for raw in stack.fetch(address):
        msg = email.message_from_bytes(raw, policy=policy.default)
        if f"[{CODE}]" in str(msg["Subject"]) and word in str(msg["Subject"]):
            found.append(msg)
    return found


def wait_notices(stack, address: str, word: str, count: int, timeout: float = 15.0) -> list:
    deadline = time.monotonic() + timeout
    while True:
        found = notices(stack, address, word)
        if len(found) >= count or time.monotonic() > deadline:
            return found
        time.sleep(0.05)


def tick_at(desk, clock, when: datetime) -> None:
    clock.set(when)
    tick(desk)
    report = deliver_due(desk)
    assert report.failed == 0 and not report.errors, report.errors


def test_reminders_and_escalations_reach_the_officials_mailboxes(live, clock):
    desk, door, stack = live
    stack.send(make_mail(REQUESTER, "Jaringan SMPN 1 Liwa putus", REQUEST_BODY), REQUESTER, [SERVICE])
    stack.wait_for(SERVICE, 1)
    door.poll_once()
    deliver_due(desk)
    [request] = wait_notices(stack, KADIS, "Mohon disposisi", 1)

    tick_at(desk, clock, datetime(2026, 11, 27, 9, 15, tzinfo=WIB))
    [reminder] = wait_notices(stack, KADIS, "Pengingat", 1)
    assert reminder["In-Reply-To"] == request["Message-ID"]
    tick_at(desk, clock, datetime(2026, 11, 27, 9, 16, tzinfo=WIB))          # nothing new
    tick_at(desk, clock, datetime(2026, 11, 27, 9, 24, tzinfo=WIB))
    wait_notices(stack, KADIS, "Pengingat", 2)
    tick_at(desk, clock, datetime(2026, 11, 27, 9, 30, tzinfo=WIB))
    [repeat] = wait_notices(stack, KADIS, "Eskalasi", 1)
    [informed] = wait_notices(stack, KABID, "Eskalasi", 1)
    assert repeat["Message-ID"] == informed["Message-ID"] and informed["Cc"] == KABID

    # The Kadis answers the reminder from their own mailbox: it counts like an answer to the request.
    clock.set(datetime(2026, 11, 27, 9, 35, tzinfo=WIB))
    stack.send(reply_to(reminder.as_bytes(), KADIS, "SETUJU"), KADIS, [SERVICE])
    stack.wait_for(SERVICE, 1)        # the request itself was moved to Processed
    door.poll_once()
    deliver_due(desk)
    with desk.sessions() as s:
        assert find_by_code(s, CODE).status == "awaiting_kabid"
    wait_notices(stack, KABID, "Mohon disposisi", 1)

    tick_at(desk, clock, datetime(2026, 11, 27, 9, 50, tzinfo=WIB))          # the Kabid's 15 minutes are over
    up = wait_notices(stack, KADIS, "Eskalasi", 2)
    assert "Kepala Bidang" in up[-1]["Subject"]
    assert up[-1]["Cc"] == KABID
    assert len(notices(stack, KADIS, "Pengingat")) == 2 and len(notices(stack, KADIS, "Eskalasi")) == 2
    assert notices(stack, KABID, "Pengingat") == [], "both reminders overtaken by the escalation"
