"""Changing officials, and delegates, over the real stack (SMTP in, IMAP door, mail out through Postfix):
a role's new holder gets the open requests with a fresh token, the old holder's reply changes nothing
and is told where the step went; Plt./Plh. delegates are in Cc and decide for the holder;
`mailproc resend` sends a step's request again. SQLite and PostgreSQL."""
from __future__ import annotations

import email
import re
import threading
import time
from email import policy

import pytest
from sqlalchemy import select

from chain import KABID, KADIS, PRAKOM, REQUESTER, reply_to
from conftest import REQUEST_BODY, make_mail, write_config
from mailproc.cli.main import main
from mailproc.core.config import ConfigError, load_config
from mailproc.desk import Desk
from mailproc.outbox.sender import deliver_due
from mailproc.service.loop import Service, tick
from mailproc.service.mailbox import MailboxDoor
from mailproc.store.models import Disposition, Event, Ticket

pytestmark = pytest.mark.mailstack
SERVICE = "aptika@lampungbaratkab.go.id"
NEW_KADIS = "ahmad.fauzi@lampungbaratkab.go.id"
PLH_KABID = "plh.kabid@lampungbaratkab.go.id"
KADIS_TABLE = 'name = "Hujlianto Eka Putra, S.H."\nnip = "197109241998031005"\nemail = "kadis@lampungbaratkab.go.id"'
NEW_KADIS_TABLE = f'name = "Ahmad Fauzi, S.Sos., M.M."\nnip = "197502102000031004"\nemail = "{NEW_KADIS}"'
KABID_DELEGATES = ('email = "kabid.aptika@lampungbaratkab.go.id"\ndelegates = []',
                   f'email = "kabid.aptika@lampungbaratkab.go.id"\ndelegates = ["{PLH_KABID}"]')
CODE = re.compile(r"Kode balasan: ([A-Z2-7]{4}-[A-Z2-7]{4})")


class Site:
    """The desk as a site runs it: one config file (rewritten by the admin), the mail stack, the door."""

    def __init__(self, tmp_path, db_url, clock, stack, replace=None):
        self.tmp_path, self.db_url, self.clock, self.stack = tmp_path, db_url, clock, stack
        self.desk = self.door = None
        self.configure(replace)

    def configure(self, replace=None) -> None:
        """Write config.toml (again) and start over with it, as after a restart."""
        if self.door is not None:
            self.door.close()
        self.config = write_config(self.tmp_path, self.db_url, smtp_port=self.stack.smtp_port,
                                   imap_port=self.stack.imap_port, replace=replace)
        self.desk = Desk(load_config(self.config), self.clock)
        self.door = MailboxDoor(self.desk)

    def round(self) -> None:
        self.stack.wait_for(SERVICE, 1)
        self.door.poll_once()
        deliver_due(self.desk)

    def mail_for(self, address: str, needle: bytes, count: int = 1, timeout: float = 15.0) -> list[bytes]:
        deadline = time.monotonic() + timeout
        while True:
            found = [m for m in self.stack.fetch(address) if needle in m]
            if len(found) >= count or time.monotonic() > deadline:
                return found
            time.sleep(0.05)

    def reply(self, request: bytes, sender: str, text: str) -> None:
        self.stack.send(reply_to(request, sender, text), sender, [SERVICE])
        self.round()

    def ticket(self) -> Ticket:
        with self.desk.sessions() as s:
            return s.scalar(select(Ticket))

    def events(self, action: str) -> list[Event]:
        with self.desk.sessions() as s:
            return list(s.scalars(select(Event).where(Event.action == action).order_by(Event.id)))

    def requests(self, step: str) -> list[Disposition]:
        with self.desk.sessions() as s:
            return list(s.scalars(select(Disposition).where(Disposition.step == step).order_by(Disposition.id)))


def code_of(raw: bytes) -> str:
    msg = email.message_from_bytes(raw, policy=policy.default)
    return CODE.search(msg.get_body(("plain",)).get_content()).group(1)


@pytest.fixture
def site(tmp_path, db_url, clock, clean_mailstack):
    for address in (NEW_KADIS, PLH_KABID):
        clean_mailstack.add_user(address)
    site = Site(tmp_path, db_url, clock, clean_mailstack)
    clean_mailstack.send(make_mail(REQUESTER, "Internet Puskesmas Liwa mati total", REQUEST_BODY), REQUESTER,
                         [SERVICE])
    site.round()
    assert site.ticket().status == "awaiting_kadis"
    yield site
    site.door.close()


def test_a_new_kadis_receives_the_open_request_and_the_old_one_is_told(site, clock):
    old_request = site.mail_for(KADIS, b"] Mohon disposisi")[-1]
    due = site.ticket().due_at
    assert site.requests("kadis")[-1].sent_to == KADIS
    clock.advance(minutes=10)

    site.configure({KADIS_TABLE: NEW_KADIS_TABLE})   # the admin edits config.toml; the service restarts
    lines = tick(site.desk)
    assert any(line.startswith("officials: 1 request(s) handed over") for line in lines), lines
    assert "officials: no request to hand over" in tick(site.desk)   # once

    new_request = site.mail_for(NEW_KADIS, b"] Mohon disposisi")[-1]
    assert b"Ahmad Fauzi" in new_request and code_of(new_request) != code_of(old_request)
    ticket = site.ticket()
    assert ticket.status == "awaiting_kadis" and ticket.due_at == due   # no new SLA clock
    [handed] = site.events("handed_over")
    assert handed.data["from"] == KADIS and handed.data["to"] == NEW_KADIS and handed.data["step"] == "kadis"
    old, new = site.requests("kadis")
    assert old.decision == "superseded" and new.decided_at is None and new.sent_to == NEW_KADIS

    # The old Kadis answers the old request: nothing changes, and they hear where the step went.
    site.reply(old_request, KADIS, "SETUJU")
    assert site.ticket().status == "awaiting_kadis"
    told = site.mail_for(KADIS, b"Balasan tidak mengubah tiket")
    assert len(told) == 1
    text = email.message_from_bytes(told[0], policy=policy.default).get_body(("plain",)).get_content()
    assert "sudah beralih kepada Ahmad Fauzi" in text and NEW_KADIS in text
    assert site.events("reply_unauthorized")[-1].detail == f"step passed from {KADIS} to {NEW_KADIS}"
    site.reply(old_request, KADIS, "SETUJU, mohon segera")           # within the hour: not told again
    assert len(site.mail_for(KADIS, b"Balasan tidak mengubah tiket", timeout=1)) == 1

    site.reply(new_request, NEW_KADIS, "SETUJU")
    ticket = site.ticket()
    assert ticket.status == "awaiting_kabid"
    assert site.events("forwarded")[-1].actor == NEW_KADIS


def test_run_hands_over_when_it_starts(site):
    site.configure({KADIS_TABLE: NEW_KADIS_TABLE})
    service = Service(site.desk)
    thread = threading.Thread(target=service.run, daemon=True)
    thread.start()
    try:
        found = site.mail_for(NEW_KADIS, b"] Mohon disposisi")
    finally:
        service.stop()
        thread.join(30)
    assert found and not thread.is_alive()
    assert [e.data["to"] for e in site.events("handed_over")] == [NEW_KADIS]


def test_a_delegate_is_in_cc_and_decides_for_the_holder(site):
    site.configure(dict([KABID_DELEGATES]))
    site.reply(site.mail_for(KADIS, b"] Mohon disposisi")[-1], KADIS, "SETUJU")
    assert site.ticket().status == "awaiting_kabid"
    request = site.mail_for(PLH_KABID, b"] Mohon disposisi")[-1]
    msg = email.message_from_bytes(request, policy=policy.default)
    assert KABID in msg["To"] and PLH_KABID in msg["Cc"]
    assert site.mail_for(KABID, b"] Mohon disposisi")
    site.reply(request, PLH_KABID, "SETUJU")
    assert site.ticket().status == "awaiting_prakom"
    forwarded = site.events("forwarded")[-1]
    assert forwarded.actor == PLH_KABID and forwarded.on_behalf_of == KABID
    assert site.requests("kabid")[-1].sent_to == KABID


def test_delegates_left_out_of_cc_when_configured(tmp_path, db_url, clock):
    from chain import answer, last_to
    from mailproc.intake.inbound import Inbound, Origin
    desk = Desk(load_config(write_config(tmp_path, db_url, replace={
        KABID_DELEGATES[0]: KABID_DELEGATES[1] + "\ncc_delegates = false"})), clock)
    Inbound(desk).handle(make_mail(REQUESTER, "Internet Puskesmas Liwa mati total", REQUEST_BODY), Origin("ingest"))
    answer(desk, KADIS, KADIS, "SETUJU")
    row = last_to(desk, KABID, "request_kabid")
    assert PLH_KABID not in row.recipients
    assert answer(desk, KABID, PLH_KABID, "SETUJU").reason == "forwarded"   # still acts for the Kabid


def test_resend_gives_a_fresh_code_and_the_old_one_stops_counting(site, clock, capsys):
    first = site.mail_for(KADIS, b"] Mohon disposisi")[-1]
    due = site.ticket().due_at
    clock.advance(minutes=5)
    now = ["--config", str(site.config), "--now", clock.now().isoformat()]
    assert main([*now, "resend", "jip-2026-0001"]) == 0
    line = capsys.readouterr().out.strip()
    assert line.startswith(f"JIP-2026-0001: the kadis request sent again to {KADIS}, reply code ")
    second = site.mail_for(KADIS, b"] Mohon disposisi", count=2)[-1]
    assert code_of(second) != code_of(first) and code_of(second) in line
    assert site.ticket().due_at == due
    assert [e.data["step"] for e in site.events("request_resent")] == ["kadis"]

    site.reply(first, KADIS, "SETUJU")
    assert site.ticket().status == "awaiting_kadis"
    assert site.mail_for(KADIS, b"Balasan tidak mengubah tiket")
    site.reply(second, KADIS, "TOLAK bukan kewenangan Diskominfo")
    assert site.ticket().status == "rejected"

    assert main([*now, "resend", "JIP-2026-0001"]) == 65
    err = capsys.readouterr().err.strip()
    assert err == "mailproc resend: JIP-2026-0001 is rejected: no step waits for an answer"
    assert main([*now, "resend", "JIP-2026-0099"]) == 65
    assert capsys.readouterr().err.strip() == "mailproc resend: no ticket JIP-2026-0099"


@pytest.mark.parametrize("table, message", [
    ('delegates = ["plt kadis"]', "roles.kadis.delegates: 'plt kadis' is not an email address"),
    ('delegates = ["kadis@lampungbaratkab.go.id"]', "roles.kadis.delegates: kadis@lampungbaratkab.go.id is the holder's own address"),
    ('delegates = []\ncc_delegates = "ya"', "roles.kadis.cc_delegates: expected bool, got str 'ya'"),
])
def test_delegate_settings_are_checked(tmp_path, table, message):
    path = write_config(tmp_path, "sqlite:///x.db", replace={
        'email = "kadis@lampungbaratkab.go.id"\ndelegates = []': f'email = "kadis@lampungbaratkab.go.id"\n{table}'})
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert message in str(caught.value)


def test_resend_on_hold_sends_the_hold_notice_again(desk, clock):
    from chain import answer, last_to
    from mailproc.chain.officials import resend
    from mailproc.intake.inbound import Inbound, Origin
    Inbound(desk).handle(make_mail(REQUESTER, "Internet Puskesmas Liwa mati total", REQUEST_BODY), Origin("ingest"))
    answer(desk, KADIS, KADIS, "SETUJU")
    answer(desk, KABID, KABID, "TUNDA menunggu anggaran perangkat")
    first = last_to(desk, KABID, "hold_notice")
    line = resend(desk, "JIP-2026-0001")
    assert line.startswith(f"JIP-2026-0001: the resume request sent again to {KABID}")
    second = last_to(desk, KABID, "hold_notice")
    assert second.id != first.id and code_of(second.raw) != code_of(first.raw)
    Inbound(desk).handle(reply_to(first, KABID, "LANJUTKAN"), Origin("ingest"))
    assert last_status(desk) == "on_hold"                  # the first notice's code no longer counts
    assert answer(desk, KABID, KABID, "LANJUTKAN", kind="hold_notice").reason == "ticket resumed"


def last_status(desk) -> str:
    with desk.sessions() as s:
        return s.scalar(select(Ticket.status))
