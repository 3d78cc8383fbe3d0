"""End to end over the real local mail stack: requests sent by SMTP, read by IMAP, acknowledged,
and walked through the disposition chain with each official replying from their own mailbox.
Runs on SQLite and PostgreSQL."""
from __future__ import annotations

import time

import pytest
from sqlalchemy import func, select

from chain import KABID, KADIS, PRAKOM, RAHMAT, REPORT, reply_to
from conftest import REQUEST_BODY, make_mail, write_config
from mailproc.core.config import load_config
from mailproc.desk import Desk
from mailproc.service.mailbox import MailboxDoor
from mailproc.outbox.sender import deliver_due
from mailproc.store.models import InboundMessage, Ticket

pytestmark = pytest.mark.mailstack
SERVICE = "aptika@lampungbaratkab.go.id"
REQUESTER = "tu@disdik.lampungbaratkab.go.id"


def folder_count(stack, address: str, folder: str) -> int:
    try:
        return len(stack.fetch(address, folder))
    except Exception:
        return 0


@pytest.fixture
def live(tmp_path, db_url, clock, clean_mailstack):
    mailstack = clean_mailstack
    desk = Desk(load_config(write_config(tmp_path, db_url, smtp_port=mailstack.smtp_port,
                                         imap_port=mailstack.imap_port)), clock)
    door = MailboxDoor(desk)
    yield desk, door, mailstack
    door.close()


def mails_with(stack, address: str, code: str, count: int = 1, timeout: float = 15.0) -> list[bytes]:
    """Wait (on state, bounded) until ``address`` holds ``count`` messages mentioning ``code``."""
    deadline = time.monotonic() + timeout
    while True:
        found = [m for m in stack.fetch(address) if code.encode() in m]
        if len(found) >= count or time.monotonic() > deadline:
            return found
        time.sleep(0.05)


def deliver_and_poll(desk, door, stack, expect_inbox: int) -> None:
    stack.wait_for(SERVICE, expect_inbox)
    door.poll_once()
    deliver_due(desk)


def count(desk, model, *where) -> int:
    with desk.sessions() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where))


def test_request_acknowledged_through_the_stack(live):
    desk, door, stack = live
    raw = make_mail(REQUESTER, "Permohonan pemasangan jaringan LAN ruang rapat baru",
                    "Dengan hormat, mohon pemasangan jaringan LAN dan access point di ruang rapat baru lantai 2.",
                    name="TU Disdik")
    stack.send(raw, REQUESTER, [SERVICE])
    deliver_and_poll(desk, door, stack, 1)
    with desk.sessions() as s:
        code = s.scalar(select(Ticket.code))
    acks = mails_with(stack, REQUESTER, code)
    assert len(acks) == 1 and b"Permohonan diterima" in acks[0]
    assert b"Auto-Submitted: auto-replied" in acks[0]
    assert folder_count(stack, SERVICE, "INBOX") == 0 and folder_count(stack, SERVICE, "Processed") == 1
    # The same message again (resent by the MTA) gives nothing new.
    stack.send(raw, REQUESTER, [SERVICE])
    deliver_and_poll(desk, door, stack, 1)
    assert count(desk, Ticket) == 1
    assert len(mails_with(stack, REQUESTER, code, count=2, timeout=1.0)) == 1


def test_machines_get_no_ticket_and_no_reply(live):
    desk, door, stack = live
    sent = [
        make_mail(REQUESTER, "Balasan Otomatis: Cuti", "Saya sedang cuti.", headers={"Auto-Submitted": "auto-replied"}),
        make_mail("mailer-daemon@lampungbaratkab.go.id", "Undelivered Mail Returned to Sender", "could not be delivered"),
        make_mail(SERVICE, "[JIP-2026-0009] Permohonan diterima: tes", "kiriman kami sendiri"),
    ]
    before = len(stack.fetch(REQUESTER))
    for raw in sent:
        stack.send(raw, "", [SERVICE])
    deliver_and_poll(desk, door, stack, 3)
    assert count(desk, Ticket) == 0
    assert count(desk, InboundMessage, InboundMessage.outcome == "ignored") == 3
    assert len(stack.fetch(REQUESTER)) == before


def test_unreadable_is_quarantined_and_the_next_is_handled(live):
    desk, door, stack = live
    broken = b"From: \r\nTo: aptika@lampungbaratkab.go.id\r\nSubject: rusak\r\n\r\n\xff\xfe\x00 not readable"
    stack.send(broken, "x@lampungbaratkab.go.id", [SERVICE])
    stack.send(make_mail(REQUESTER, "Internet kantor mati total", REQUEST_BODY), REQUESTER, [SERVICE])
    deliver_and_poll(desk, door, stack, 2)
    assert count(desk, Ticket) == 1
    assert count(desk, InboundMessage, InboundMessage.outcome == "quarantined") == 1
    assert folder_count(stack, SERVICE, "Quarantine") == 1 and folder_count(stack, SERVICE, "INBOX") == 0


def test_whole_chain_by_replies_from_each_mailbox(live):
    desk, door, stack = live
    stack.send(make_mail("umum@diskes.lampungbaratkab.go.id", "Internet Puskesmas Liwa mati total", REQUEST_BODY),
               "umum@diskes.lampungbaratkab.go.id", [SERVICE])
    deliver_and_poll(desk, door, stack, 1)
    with desk.sessions() as s:
        code = s.scalar(select(Ticket.code))
    steps = [(KADIS, "SETUJU", "awaiting_kabid"), (KABID, "Disetujui, teruskan.", "awaiting_prakom"),
             (PRAKOM, "TUGASKAN Rahmat Hidayat", "in_progress"), (RAHMAT, REPORT, "done")]
    for address, text, status in steps:
        request = mails_with(stack, address, code)
        assert request, f"{address} got no request for {code}"
        stack.send(reply_to(request[-1], address, text), address, [SERVICE])
        deliver_and_poll(desk, door, stack, 1)
        with desk.sessions() as s:
            assert s.scalar(select(Ticket.status).where(Ticket.code == code)) == status


def test_a_message_whose_handling_keeps_failing_is_quarantined(live, monkeypatch):
    desk, door, stack = live
    from mailproc.intake.inbound import Inbound
    original = Inbound._handle

    def failing(self, s, mail, origin, *rest):
        if "meledak" in mail.subject:
            raise RuntimeError("a bug in handling this message")
        return original(self, s, mail, origin, *rest)

    monkeypatch.setattr(Inbound, "_handle", failing)
    stack.send(make_mail(REQUESTER, "Internet meledak", REQUEST_BODY), REQUESTER, [SERVICE])
    stack.send(make_mail(REQUESTER, "Internet kantor mati total", REQUEST_BODY), REQUESTER, [SERVICE])
    stack.wait_for(SERVICE, 2)
    rounds = [door.poll_once() for _ in range(3)]
    assert [sorted(r.failed) != [] for r in rounds] == [True, True, False]   # tried, tried, quarantined
    assert count(desk, Ticket) == 1
    assert count(desk, InboundMessage, InboundMessage.outcome == "quarantined") == 1
    assert folder_count(stack, SERVICE, "Quarantine") == 1 and folder_count(stack, SERVICE, "INBOX") == 0
