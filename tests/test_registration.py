"""Senders outside the registry, registered by the Pranata Komputer's reply: who counts as
authenticated (RFC 8601), the kept message, the one answer a day, the registration request and its
token, DAFTARKAN / TOLAK, forged answers; then over the real mail stack (Dovecot + Postfix).
SQLite and PostgreSQL."""
from __future__ import annotations

import email
import json
import time
from datetime import timedelta
from email import policy

import pytest
from sqlalchemy import select

from chain import KABID, KADIS, PRAKOM, last_to, outbox, plain, reply_to
from conftest import REQUEST_BODY, T0, make_mail, write_config
from mailproc.cli import views
from mailproc.cli.main import main as cli_main
from mailproc.core.config import load_config
from mailproc.desk import Desk
from mailproc.intake.authentication import authenticated
from mailproc.intake.inbound import Inbound, Origin
from mailproc.mail.parse import parse_mail
from mailproc.outbox.sender import deliver_due
from mailproc.service.mailbox import MailboxDoor
from mailproc.sla.status import load_timings
from mailproc.store.models import InboundMessage, SenderRegistration, Ticket

SERVICE = "aptika@lampungbaratkab.go.id"
GMAIL = "operator.diskes@gmail.com"
MX = "mx.lampungbaratkab.go.id"
TRUSTED = {"authserv_ids = []": f'authserv_ids = ["{MX}"]'}
PASS = f"{MX}; dkim=pass header.d=gmail.com header.s=20230601; spf=pass smtp.mailfrom=gmail.com; dmarc=pass (p=NONE) header.from=gmail.com"
SIGNED = REQUEST_BODY.replace("Bagian Umum Dinas Kesehatan", "Rina\nOperator Dinas Kesehatan Kabupaten Lampung Barat")


def mail_with(results: list[str], sender: str = GMAIL) -> object:
    headers = {}
    raw = make_mail(sender, "Internet mati", "x", headers=headers)
    prefix = b"".join(f"Authentication-Results: {r}\r\n".encode() for r in results)
    return parse_mail(prefix + raw)


# -- authentication (RFC 8601) --------------------------------------------------------------------

def test_dmarc_or_aligned_dkim_from_a_trusted_server():
    assert authenticated(mail_with([PASS]), [MX])
    assert authenticated(mail_with([f"{MX}; dkim=pass header.d=gmail.com"]), [MX])
    assert authenticated(mail_with([f"{MX} 1; dmarc=pass header.from=gmail.com"]), [MX])
    sub = mail_with([f"{MX}; dkim=pass header.d=example.org"], sender="rina@mail.example.org")
    assert authenticated(sub, [MX])            # header.d a parent of the From domain


@pytest.mark.parametrize("results", [
    [f"{MX}; dkim=pass header.d=evil.example; spf=pass smtp.mailfrom=gmail.com"],   # not aligned; SPF alone
    [f"{MX}; dmarc=fail header.from=gmail.com"],
    [f"{MX}; dmarc=pass header.from=yahoo.com"],
    ["mx.google.com; dkim=pass header.d=gmail.com; dmarc=pass header.from=gmail.com"],   # not our server
    [PASS, f"{MX}; dkim=fail header.d=gmail.com; dmarc=fail header.from=gmail.com"],     # conflicting
    [f"{MX}; none"],
    [],
])
def test_not_authenticated(results):
    assert not authenticated(mail_with(results), [MX])


def test_nothing_is_trusted_without_authserv_ids():
    assert not authenticated(mail_with([PASS]), [])


# -- the flow (directory transport) ----------------------------------------------------------------

@pytest.fixture
def asking(tmp_path, db_url, clock):
    return Desk(load_config(write_config(tmp_path, db_url, replace=TRUSTED)), clock)


def handle(desk, raw: bytes):
    return Inbound(desk).handle(raw, Origin("ingest"))


def gmail_request(subject="Internet Puskesmas Liwa mati total", body=SIGNED, results=(PASS,), when=T0):
    raw = make_mail(GMAIL, subject, body, name="Rina", when=when)
    return b"".join(f"Authentication-Results: {r}\r\n".encode() for r in results) + raw


def registrations(desk) -> list[SenderRegistration]:
    with desk.sessions() as s:
        return list(s.scalars(select(SenderRegistration).order_by(SenderRegistration.id)))


def tickets(desk) -> list[Ticket]:
    with desk.sessions() as s:
        return list(s.scalars(select(Ticket).order_by(Ticket.id)))


def kept(desk) -> list[dict]:
    with desk.sessions() as s:
        return [views.message_summary(m) for m in views.list_messages(s)]


def answer_registration(desk, sender: str, text: str, **kw):
    return handle(desk, reply_to(last_to(desk, PRAKOM, "registration_request"), sender, text, **kw))


def test_authenticated_sender_is_kept_answered_once_and_prakom_asked(asking, clock):
    first = handle(asking, gmail_request())
    assert first.outcome == "awaiting_registration" and first.ticket is None
    assert [m["outcome"] for m in kept(asking)] == ["awaiting_registration"]
    assert [r.recipients for r in outbox(asking, kind="registration_pending")] == [[GMAIL]]
    request = outbox(asking, kind="registration_request")
    assert [r.recipients for r in request] == [[PRAKOM]]
    text = plain(request[0])
    assert GMAIL in text and "Dinas Kesehatan" in text and "Kode balasan" in text and "P-Care" in text
    (reg,) = registrations(asking)
    assert (reg.status, reg.guessed_opd, reg.address) == ("pending", "dinkes", GMAIL)
    assert reg.token in request[0].message_id

    clock.set(T0 + timedelta(hours=2))
    second = handle(asking, gmail_request("AP ruang rapat mati", "Access point di ruang rapat mati, wifi tidak ada."))
    assert second.outcome == "awaiting_registration"
    assert len(outbox(asking, kind="registration_pending")) == 1        # one answer per 24 hours
    assert len(outbox(asking, kind="registration_request")) == 1        # one question per address
    clock.set(T0 + timedelta(hours=26))
    handle(asking, gmail_request("Printer jaringan", "Printer jaringan di lantai 2 tidak bisa dipakai."))
    assert len(outbox(asking, kind="registration_pending")) == 2
    assert not outbox(asking, KADIS) and tickets(asking) == []


def test_daftarkan_turns_the_kept_messages_into_tickets_in_order(asking, clock):
    handle(asking, gmail_request())
    clock.set(T0 + timedelta(minutes=20))
    handle(asking, gmail_request("AP ruang rapat mati", "Access point di ruang rapat mati, wifi tidak ada."))
    clock.set(T0 + timedelta(hours=1))
    result = answer_registration(asking, PRAKOM, "DAFTARKAN")
    assert result.outcome == "followup" and "registered for dinkes" in result.reason
    first, second = tickets(asking)
    assert (first.subject, second.subject) == ("Internet Puskesmas Liwa mati total", "AP ruang rapat mati")
    assert {(t.opd_key, t.requester_email, t.channel) for t in (first, second)} == {("dinkes", GMAIL, "email")}
    with asking.sessions() as s:
        timing = load_timings(asking, s, s.get(Ticket, first.id))[0]
        assert timing.step == "registration" and timing.started == T0     # the original received time
        assert s.get(InboundMessage, first.inbound_id).received_at == T0
    assert [r.recipients for r in outbox(asking, kind="request_kadis")] == [[KADIS], [KADIS]]
    assert len(outbox(asking, GMAIL, "acknowledgement")) == 2
    assert "JIP-2026-0001" in plain(last_to(asking, PRAKOM, "registration_answer"))
    (reg,) = registrations(asking)
    assert (reg.status, reg.opd_key, reg.decided_by) == ("registered", "dinkes", PRAKOM)
    assert asking.registry.lookup(GMAIL) is None                           # the file is unchanged
    with asking.sessions() as s:
        assert asking.registry.lookup(GMAIL, s).key == "dinkes" and asking.registry.lists_address(GMAIL, s)

    clock.set(T0 + timedelta(hours=2))      # later mail, even without the header, is a normal request
    later = handle(asking, make_mail(GMAIL, "Kabel LAN putus", "Kabel LAN ke ruang TU putus, mohon diperbaiki."))
    assert later.outcome == "ticket" and tickets(asking)[-1].opd_key == "dinkes"


def test_daftarkan_names_the_opd_and_unknown_names_are_asked_again(asking, clock):
    handle(asking, gmail_request(body=REQUEST_BODY.replace("Dinas Kesehatan", "kami")))
    assert registrations(asking)[0].guessed_opd is None
    unclear = answer_registration(asking, PRAKOM, "DAFTARKAN")
    assert "no single OPD" in unclear.reason and registrations(asking)[0].status == "pending"
    answer_registration(asking, PRAKOM, "Baik, nanti saya cek")        # not understood: no second answer this hour
    assert len(outbox(asking, PRAKOM, "registration_unclear")) == 1
    clock.set(T0 + timedelta(hours=1, minutes=1))
    wrong = answer_registration(asking, PRAKOM, "DAFTARKAN Dinas Kesehatn")
    assert "no single OPD" in wrong.reason and "Dinas Kesehatan" in plain(last_to(asking, PRAKOM, "registration_unclear"))
    assert tickets(asking) == []
    done = answer_registration(asking, PRAKOM, "Daftarkan Bappeda")
    assert "registered for bappeda" in done.reason and tickets(asking)[0].opd_key == "bappeda"


def test_tolak_tells_the_sender_once_and_makes_no_ticket(asking, clock):
    handle(asking, gmail_request())
    result = answer_registration(asking, PRAKOM, "TOLAK")
    assert result.reason == f"sender {GMAIL} refused"
    assert [r.recipients for r in outbox(asking, kind="registration_refused")] == [[GMAIL]]
    assert registrations(asking)[0].status == "refused" and tickets(asking) == []
    clock.set(T0 + timedelta(days=2))
    again = handle(asking, gmail_request("Masih mati", "Internet masih mati, mohon dibantu perbaikan."))
    assert again.outcome == "ignored" and "sender_not_allowed" in again.reason
    assert len(outbox(asking, GMAIL)) == 2                 # the first answer and the refusal, nothing more
    assert len(outbox(asking, kind="registration_request")) == 1


def test_forged_answers_change_nothing(asking):
    handle(asking, gmail_request())
    before = len(outbox(asking))
    by_kabid = answer_registration(asking, KABID, "DAFTARKAN")          # with the token, not the Prakom
    assert "not the Pranata Komputer" in by_kabid.reason
    by_requester = answer_registration(asking, GMAIL, "DAFTARKAN Dinas Kesehatan")
    assert by_requester.outcome != "ticket"
    no_token = handle(asking, make_mail(PRAKOM, "Daftarkan pengirim", f"DAFTARKAN Dinas Kesehatan\n{GMAIL}"))
    assert "without the request's token" in no_token.reason
    wrong_code = handle(asking, make_mail(PRAKOM, "Re: konfirmasi", "DAFTARKAN\n\nKode balasan: ABCD-EFGH"))
    assert wrong_code.outcome != "ticket"
    assert registrations(asking)[0].status == "pending" and tickets(asking) == []
    assert not outbox(asking, KADIS)
    assert len(outbox(asking)) == before


def test_kode_balasan_alone_proves_the_answer(asking):
    handle(asking, gmail_request())
    code = plain(last_to(asking, PRAKOM, "registration_request")).split("Kode balasan: ")[1][:9]
    result = handle(asking, make_mail(PRAKOM, "konfirmasi pengirim", f"DAFTARKAN\n\nKode balasan: {code}"))
    assert "registered for dinkes" in result.reason


@pytest.mark.parametrize("results", [(), ("mx.google.com; dkim=pass header.d=gmail.com; dmarc=pass header.from=gmail.com",)])
def test_unauthenticated_or_untrusted_gets_nothing(asking, results):
    result = handle(asking, gmail_request(results=results))
    assert result.outcome == "ignored" and "sender_not_allowed" in result.reason
    assert outbox(asking) == [] and registrations(asking) == []


def test_ignore_turns_the_flow_off(tmp_path, db_url, clock):
    desk = Desk(load_config(write_config(tmp_path, db_url, replace={
        **TRUSTED, 'unregistered = "ask"': 'unregistered = "ignore"'})), clock)
    assert handle(desk, gmail_request()).outcome == "ignored"
    assert outbox(desk) == [] and registrations(desk) == []


def test_registry_command_lists_opds_and_registrations(asking, capsys):
    handle(asking, gmail_request())
    answer_registration(asking, PRAKOM, "DAFTARKAN")
    assert cli_main(["--config", str(asking.config.path), "registry", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    dinkes = next(o for o in data["opds"] if o["key"] == "dinkes")
    assert "diskes.lampungbaratkab.go.id" in dinkes["domains"]
    assert [(r["address"], r["status"], r["opd_key"]) for r in data["registrations"]] == [(GMAIL, "registered", "dinkes")]
    assert cli_main(["--config", str(asking.config.path), "registry"]) == 0
    assert GMAIL in capsys.readouterr().out


# -- over the real mail stack ---------------------------------------------------------------------

class Live:
    def __init__(self, tmp_path, db_url, clock, stack):
        self.stack = stack
        self.desk = Desk(load_config(write_config(tmp_path, db_url, smtp_port=stack.smtp_port,
                                                  imap_port=stack.imap_port, replace=TRUSTED)), clock)
        self.door = MailboxDoor(self.desk)

    def send(self, raw: bytes, sender: str) -> None:
        self.stack.send(raw, sender, [SERVICE])
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

    def settle(self) -> None:
        """Every mail the outbox sent is in its recipients' mailboxes."""
        with self.desk.sessions() as s:
            from mailproc.store.models import OutboxMessage
            rows = list(s.scalars(select(OutboxMessage)))
        for row in rows:
            assert row.status == "sent", (row.kind, row.status, row.last_error)
            for address in row.recipients:
                assert self.mail_for(address, row.message_id.strip("<>").encode()), (row.kind, address)


@pytest.fixture
def live(tmp_path, db_url, clock, clean_mailstack):
    clean_mailstack.add_user(GMAIL)
    d = Live(tmp_path, db_url, clock, clean_mailstack)
    yield d
    d.door.close()


def subject_of(raw: bytes) -> str:
    return str(email.message_from_bytes(raw, policy=policy.default)["Subject"])


@pytest.mark.mailstack
def test_registered_by_daftarkan_over_the_stack(live, clock):
    live.send(gmail_request(), GMAIL)
    live.settle()
    assert [subject_of(m) for m in live.stack.fetch(GMAIL)] == ["Pesan Anda kami simpan: Internet Puskesmas Liwa mati total"]
    (request,) = live.mail_for(PRAKOM, b"Mohon konfirmasi pengirim")
    assert live.stack.fetch(KADIS) == []
    clock.set(T0 + timedelta(minutes=30))
    live.send(reply_to(request, PRAKOM, "DAFTARKAN"), PRAKOM)
    live.settle()
    (ticket,) = tickets(live.desk)
    assert (ticket.opd_key, ticket.requester_email) == ("dinkes", GMAIL)
    assert len(live.mail_for(GMAIL, b"Permohonan diterima")) == 1
    kadis = live.stack.fetch(KADIS)
    assert len(kadis) == 1 and ticket.code.encode() in kadis[0]      # only the ticket's own request
    assert all(b"konfirmasi pengirim" not in m for m in kadis)
    clock.set(T0 + timedelta(hours=1))
    live.send(make_mail(GMAIL, "Kabel LAN putus", "Kabel LAN ke ruang TU putus, mohon diperbaiki."), GMAIL)
    live.settle()
    assert len(tickets(live.desk)) == 2 and len(live.stack.fetch(KADIS)) == 2


@pytest.mark.mailstack
def test_refused_by_tolak_over_the_stack(live):
    live.send(gmail_request(), GMAIL)
    (request,) = live.mail_for(PRAKOM, b"Mohon konfirmasi pengirim")
    live.send(reply_to(request, PRAKOM, "TOLAK"), PRAKOM)
    live.settle()
    assert len(live.mail_for(GMAIL, b"belum dapat didaftarkan")) == 1
    assert tickets(live.desk) == [] and live.stack.fetch(KADIS) == []


@pytest.mark.mailstack
def test_forged_daftarkan_over_the_stack(live):
    live.send(gmail_request(), GMAIL)
    (request,) = live.mail_for(PRAKOM, b"Mohon konfirmasi pengirim")
    live.send(reply_to(request, KABID, "DAFTARKAN"), KABID)                              # not the Prakom
    live.send(make_mail(PRAKOM, "Daftarkan", f"DAFTARKAN Dinas Kesehatan {GMAIL}"), PRAKOM)   # no token
    live.settle()
    assert registrations(live.desk)[0].status == "pending" and tickets(live.desk) == []
    assert live.stack.fetch(KADIS) == [] and live.stack.fetch(KABID) == []


@pytest.mark.mailstack
def test_unauthenticated_sender_over_the_stack(live):
    live.send(gmail_request(results=()), GMAIL)
    live.send(gmail_request("Lagi", results=("mx.google.com; dmarc=pass header.from=gmail.com",)), GMAIL)
    live.settle()
    assert outbox(live.desk) == []
    assert live.stack.fetch(GMAIL) == [] and live.stack.fetch(PRAKOM) == [] and live.stack.fetch(KADIS) == []


def test_a_delegate_of_the_prakom_is_asked_in_cc_and_may_answer(tmp_path, db_url, clock):
    plh = "plh.prakom@lampungbaratkab.go.id"
    desk = Desk(load_config(write_config(tmp_path, db_url, replace={
        **TRUSTED, 'email = "prakom@lampungbaratkab.go.id"\ndelegates = []':
        f'email = "prakom@lampungbaratkab.go.id"\ndelegates = ["{plh}"]'})), clock)
    handle(desk, gmail_request())
    request = last_to(desk, PRAKOM, "registration_request")
    assert plh in request.recipients
    result = handle(desk, reply_to(request, plh, "DAFTARKAN"))
    assert "registered for dinkes" in result.reason and registrations(desk)[0].decided_by == plh
