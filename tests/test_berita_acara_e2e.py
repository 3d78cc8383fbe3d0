"""The Berita Acara over the real local mail stack: a request walked to done, the signed PDF sent by
SMTP and found only in the PJ's IMAP mailbox, verified as received, and the PJ's rating sent back by
SMTP and read from the service mailbox. Runs on SQLite and PostgreSQL."""
from __future__ import annotations

import email
import time
from email import policy

import pytest
from sqlalchemy import select

from conftest import empty_mailboxes, write_config
from mailproc.documents.verification import verify_file
from mailproc.core.config import load_config
from mailproc.desk import Desk
from mailproc.documents.signing import make_test_certificate, signature_status
from mailproc.service.mailbox import MailboxDoor
from mailproc.outbox.sender import deliver_due
from mailproc.store.models import OutboxMessage
from test_completion import (AGUS, KABID, KADIS, PJ, PRAKOM, RAHMAT, REQUESTER, SITI, documents, drive_to_done,
                             reply, ticket)

pytestmark = pytest.mark.mailstack
SERVICE = "aptika@lampungbaratkab.go.id"
NOT_PJ = (KADIS, KABID, PRAKOM, RAHMAT, SITI, AGUS, REQUESTER, SERVICE)


@pytest.fixture
def live(tmp_path, db_url, clock, mailstack, monkeypatch):
    mailstack.add_user(PJ)                 # the PJ of Dinas Kesehatan (rules/opd.toml)
    empty_mailboxes(mailstack)             # each test's fresh database numbers tickets from 0001 again
    p12, passphrase, ca_pem = make_test_certificate(tmp_path / "pki")
    monkeypatch.setenv("MAILPROC_SIGNING_KEY", str(p12))
    monkeypatch.setenv("MAILPROC_SIGNING_PASSWORD", passphrase.decode())
    desk = Desk(load_config(write_config(tmp_path, db_url, smtp_port=mailstack.smtp_port,
                                         imap_port=mailstack.imap_port)), clock)
    door = MailboxDoor(desk)
    yield desk, door, mailstack, ca_pem
    door.close()


def with_code(stack, address: str, code: str) -> list[email.message.EmailMessage]:
    return [email.message_from_bytes(raw, policy=policy.default) for raw in stack.fetch(address)
            if code.encode() in raw]


def wait_for_outbox(desk, stack, code: str, timeout: float = 15.0) -> dict[str, list]:
    """Every mailbox that the outbox wrote to holds all of this ticket's messages (bounded wait on state)."""
    with desk.sessions() as s:
        rows = list(s.scalars(select(OutboxMessage)))
    expected: dict[str, int] = {}
    for row in rows:
        for address in row.recipients:
            expected[address] = expected.get(address, 0) + 1
    deadline = time.monotonic() + timeout
    while True:
        boxes = {address: with_code(stack, address, code) for address in (*expected, PJ, *NOT_PJ)}
        missing = {a: (len(boxes[a]), n) for a, n in expected.items() if len(boxes[a]) < n}
        if not missing:
            return boxes
        assert time.monotonic() < deadline, f"mail not delivered: {missing}"
        time.sleep(0.05)


def pdfs(messages) -> list[bytes]:
    return [part.get_content() for m in messages for part in m.iter_attachments()
            if part.get_content_type() == "application/pdf"]


def test_berita_acara_reaches_only_the_pj_and_the_rating_comes_back(live, tmp_path):
    desk, door, stack, ca_pem = live
    code = drive_to_done(desk, assign="TUGASKAN Rahmat Hidayat, Siti Nurhaliza", reporter=SITI)
    with desk.sessions() as s:
        queued = len(s.scalars(select(OutboxMessage)).all())
    report = deliver_due(desk)
    assert (report.sent, report.failed, report.retried) == (queued, 0, 0)

    boxes = wait_for_outbox(desk, stack, code)
    [doc] = documents(desk, code)
    stored = (desk.storage / doc.path).read_bytes()
    assert pdfs(boxes[PJ]) == [stored]
    for address in NOT_PJ:
        assert pdfs(boxes[address]) == [], f"{address} got the Berita Acara"
    assert boxes[REQUESTER] and boxes[RAHMAT] and boxes[SITI], "the others did get their own mail"

    received = tmp_path / "diterima.pdf"
    received.write_bytes(pdfs(boxes[PJ])[0])
    assert signature_status(received.read_bytes(), [ca_pem]).ok
    verdict = verify_file(desk, received)
    assert verdict.genuine and verdict.ticket == code and verdict.version == 1

    # The PJ answers from their own mail client: SMTP in, read from the service mailbox by IMAP.
    [delivery] = [m for m in boxes[PJ] if pdfs([m])]
    desk.clock.advance(minutes=30)
    stack.send(reply(delivery.as_bytes(), PJ, "NILAI 5 cepat ditangani", desk.clock.now()), PJ, [SERVICE])
    stack.wait_for(SERVICE, 1)
    polled = door.poll_once()
    assert [r.reason for r in polled.results] == ["rated 5"]
    t = ticket(desk, code)
    assert t.rating == 5 and t.rating_comment == "cepat ditangani" and t.events[-1].action == "rated"
    assert deliver_due(desk).sent == 1
    thanks = wait_for_outbox(desk, stack, code)[PJ]
    assert any("Terima kasih atas penilaian" in str(m["Subject"]) for m in thanks)
