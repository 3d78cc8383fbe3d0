"""The disposition chain's hard cases over the real stack: each official answers from their own
mailbox (SMTP in, IMAP door, mail out through Postfix). SQLite and PostgreSQL."""
from __future__ import annotations

import time

import pytest
from sqlalchemy import select

from chain import KABID, KADIS, PRAKOM, RAHMAT, reply_to
from conftest import REQUEST_BODY, make_mail, write_config
from mailproc.core.config import load_config
from mailproc.desk import Desk
from mailproc.service.mailbox import MailboxDoor
from mailproc.outbox.sender import deliver_due
from mailproc.store.models import Event, Ticket

pytestmark = pytest.mark.mailstack
SERVICE = "aptika@lampungbaratkab.go.id"
REQUESTER = "umum@diskes.lampungbaratkab.go.id"


class Desk2:
    """A desk on the stack, with the door, and a way to wait for what an address receives."""

    def __init__(self, tmp_path, db_url, clock, stack):
        self.stack = stack
        self.desk = Desk(load_config(write_config(tmp_path, db_url, smtp_port=stack.smtp_port,
                                                  imap_port=stack.imap_port)), clock)
        self.door = MailboxDoor(self.desk)

    def round(self, expect_inbox: int = 1) -> None:
        self.stack.wait_for(SERVICE, expect_inbox)
        self.door.poll_once()
        deliver_due(self.desk)

    def mail_for(self, address: str, needle: bytes, count: int = 1, timeout: float = 15.0) -> list[bytes]:
        deadline = time.monotonic() + timeout
        while True:
            found = [m for m in self.stack.fetch(address) if needle in m]
            if len(found) >= count or time.monotonic() > deadline:
                return found
            time.sleep(0.05)

    def reply(self, address: str, text: str, needle: bytes = b"] Mohon ", sender: str | None = None,
              **kw) -> None:
        request = self.mail_for(address, needle)[-1]
        sender = sender or address
        self.stack.send(reply_to(request, sender, text, **kw), sender, [SERVICE])
        self.round()

    def ticket(self) -> Ticket:
        with self.desk.sessions() as s:
            return s.scalar(select(Ticket))

    def actions(self) -> list[str]:
        with self.desk.sessions() as s:
            return list(s.scalars(select(Event.action).order_by(Event.id)))


@pytest.fixture
def live(tmp_path, db_url, clock, clean_mailstack):
    d = Desk2(tmp_path, db_url, clock, clean_mailstack)
    clean_mailstack.send(make_mail(REQUESTER, "Internet Puskesmas Liwa mati total", REQUEST_BODY), REQUESTER,
                         [SERVICE])
    d.round()
    yield d
    d.door.close()


def test_reject(live):
    live.reply(KADIS, "TOLAK bukan kewenangan Diskominfo")
    assert live.ticket().status == "rejected"
    assert live.mail_for(REQUESTER, b"ditolak")


def test_hold_and_resume(live, clock):
    live.reply(KADIS, "SETUJU")
    live.reply(KABID, "TUNDA menunggu anggaran perangkat")
    assert live.ticket().status == "on_hold"
    clock.advance(hours=2)
    live.reply(KABID, "LANJUTKAN", needle=b"Ditunda:")
    assert live.ticket().status == "awaiting_kabid"
    assert live.actions()[-1] == "resumed" and "held" in live.actions()


def test_unclear_and_out_of_office_change_nothing(live):
    live.reply(KADIS, "Maksudnya bagaimana ya?")
    assert live.ticket().status == "awaiting_kadis"
    assert live.mail_for(KADIS, b"belum dapat diproses")
    before = len(live.stack.fetch(KADIS))
    live.reply(KADIS, "Saya sedang cuti sampai 4 Desember.", headers={"Auto-Submitted": "auto-replied"})
    live.reply(KADIS, "Saya sedang cuti sampai 4 Desember dan tidak membuka email.")
    assert live.ticket().status == "awaiting_kadis"
    assert len(live.stack.fetch(KADIS)) == before   # no answer to an out-of-office


def test_unknown_officer_and_missing_report_fields(live):
    live.reply(KADIS, "SETUJU")
    live.reply(KABID, "SETUJU")
    live.reply(PRAKOM, "TUGASKAN Budi Santoso")
    assert live.ticket().status == "awaiting_prakom"
    assert live.mail_for(PRAKOM, b"Budi Santoso")
    live.reply(PRAKOM, "TUGASKAN Rahmat Hidayat")
    assert live.ticket().status == "in_progress"
    live.reply(RAHMAT, "SELESAI\nRingkasan Pekerjaan: Mengganti konektor", needle=b"Perintah kerja")
    assert live.ticket().status == "in_progress"
    assert live.mail_for(RAHMAT, b"belum lengkap")


def test_forgeries_move_nothing(live):
    # A forged From without the token, by subject tag only.
    live.stack.send(make_mail(KADIS, "Re: [JIP-2026-0001] Mohon disposisi: Internet Puskesmas Liwa mati total",
                              "SETUJU"), KADIS, [SERVICE])
    live.round()
    # The right token, the wrong person.
    live.reply(KADIS, "SETUJU", sender=KABID)
    assert live.ticket().status == "awaiting_kadis"
    # The real decision, then a replay of the same request: the second changes nothing.
    live.reply(KADIS, "SETUJU")
    live.reply(KADIS, "TOLAK berubah pikiran")
    assert live.ticket().status == "awaiting_kabid"
    assert live.actions().count("reply_unauthorized") == 3
