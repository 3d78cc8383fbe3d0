"""Requests taken by the service desk for an OPD (``ATAS NAMA``): the header lines, the ticket that
belongs to the OPD, the refusals answered to the staff member; then the same over the real mail
stack (Dovecot + Postfix): the acknowledgement in the PJ's mailbox with the staff member in Cc, a
letter re-attached to the Kadis's request, nothing to the Kadis for a refused entry. SQLite and
PostgreSQL."""
from __future__ import annotations

import email
import time
from datetime import datetime, timedelta
from email import policy

import pytest
from sqlalchemy import select

from chain import KADIS, PRAKOM, RAHMAT, outbox, plain
from conftest import REQUEST_BODY, T0, make_mail, write_config
from mailproc.cli import views
from mailproc.core.clock import WIB
from mailproc.core.config import ConfigError, load_config
from mailproc.desk import Desk
from mailproc.intake.inbound import Inbound, Origin
from mailproc.intake.on_behalf import channel_of, read_header, received_at
from mailproc.outbox.sender import deliver_due
from mailproc.service.mailbox import MailboxDoor
from mailproc.sla.status import load_timings
from mailproc.store.models import InboundMessage, Ticket

SERVICE = "aptika@lampungbaratkab.go.id"
PJ = "kadis@diskes.lampungbaratkab.go.id"          # PJ of Dinas Kesehatan (rules/opd.toml)
OPD_USER = "umum@diskes.lampungbaratkab.go.id"
DESK_STAFF = "loket@lampungbaratkab.go.id"         # listed in [intake] staff by these tests
NOT_STAFF = "bappeda@lampungbaratkab.go.id"        # an OPD address (Bappeda), not staff
STAFF = {"staff = []": f'staff = ["{DESK_STAFF}"]'}

PHONE = """ATAS NAMA Dinas Kesehatan
MELALUI telepon
PEMOHON Bu Rina, operator Puskesmas Liwa, 0812-7788-9900
DITERIMA {received}

Bu Rina menelepon: jaringan internet di Puskesmas Liwa mati total sejak pagi, semua komputer
pelayanan tidak bisa membuka aplikasi P-Care. Mohon dibantu perbaikan.
"""


def wib(value: datetime) -> str:
    return value.astimezone(WIB).strftime("%Y-%m-%d %H:%M")


# -- the header lines --------------------------------------------------------------------------------

def test_header_lines_any_case_and_the_request_after_them():
    header = read_header("\n  atas nama: Bappeda\nmelalui Datang Langsung\npemohon Pak Joni\n\nTolong pasang AP")
    assert (header.opd, header.channel, header.contact, header.received) == (
        "Bappeda", "Datang Langsung", "Pak Joni", None)
    assert header.request.strip() == "Tolong pasang AP"
    assert read_header("Mohon bantuan,\nATAS NAMA Dinas Kesehatan") is None   # not the first typed line


def test_channels_and_received_times():
    assert [channel_of(v) for v in ("telepon", "Datang langsung", "WA", "surat", None, "merpati")] == [
        "telepon", "datang_langsung", "whatsapp", "surat", "telepon", None]
    assert received_at("2026-11-27 08:15") == datetime(2026, 11, 27, 8, 15, tzinfo=WIB)
    assert received_at("27/11/2026 08.15") == datetime(2026, 11, 27, 8, 15, tzinfo=WIB)
    assert received_at("2026-11-27 08:15 WIB") == received_at("8 November 2026 pukul 08.15".replace("8", "27", 1))
    assert received_at("27 Nov 2026 08:15") == datetime(2026, 11, 27, 8, 15, tzinfo=WIB)
    assert received_at("kemarin sore") is None and received_at("2026-13-01 08:00") is None
    assert channel_of("telp.") == "telepon"


def test_blank_lines_between_the_header_lines():
    header = read_header("ATAS NAMA Bappeda\n\nMELALUI surat\n\nPEMOHON Pak Joni\n\nMohon pasang jaringan LAN")
    assert (header.channel, header.contact, header.request) == ("surat", "Pak Joni", "Mohon pasang jaringan LAN")


def test_staff_list_is_validated(tmp_path, db_url):
    with pytest.raises(ConfigError, match=r"intake\.staff\[0\]"):
        load_config(write_config(tmp_path, db_url, replace={"staff = []": 'staff = ["bukan alamat"]'}))
    with pytest.raises(ConfigError, match=r"senders\.unregistered"):
        load_config(write_config(tmp_path, db_url, replace={'unregistered = "ask"': 'unregistered = "maybe"'}))


# -- through the intake (directory transport) ------------------------------------------------------

@pytest.fixture
def staffed(tmp_path, db_url, clock):
    return Desk(load_config(write_config(tmp_path, db_url, replace=STAFF)), clock)


def handle(desk, raw: bytes):
    return Inbound(desk).handle(raw, Origin("ingest"))


def the_ticket(desk) -> Ticket:
    with desk.sessions() as s:
        t = s.scalar(select(Ticket))
        _ = t.events if t else None
        return t


def test_phone_request_belongs_to_the_opd(staffed, clock):
    received = T0 - timedelta(hours=1)
    result = handle(staffed, make_mail(DESK_STAFF, "Internet Puskesmas Liwa mati",
                                       PHONE.format(received=wib(received))))
    assert result.outcome == "ticket"
    t = the_ticket(staffed)
    assert (t.opd_key, t.requester_email, t.channel, t.entered_by) == ("dinkes", PJ, "telepon", DESK_STAFF)
    assert t.contact == "Bu Rina, operator Puskesmas Liwa, 0812-7788-9900"
    assert "ATAS NAMA" not in t.body and "P-Care" in t.body
    assert t.category == "1.3"
    with staffed.sessions() as s:
        timings = load_timings(staffed, s, s.get(Ticket, t.id))
    assert timings[0].step == "registration" and timings[0].started == received
    ack = outbox(staffed, kind="acknowledgement")[-1]
    assert ack.recipients == [PJ, DESK_STAFF]
    text = plain(ack)
    assert "melalui telepon" in text and "Bu Rina" in text and DESK_STAFF in text
    assert [r.recipients for r in outbox(staffed, kind="request_kadis")] == [[KADIS]]
    with staffed.sessions() as s:
        detail = views.ticket_detail(staffed, s.get(Ticket, t.id))
        assert (detail["channel"], detail["entered_by"], detail["contact"]) == (
            "telepon", DESK_STAFF, t.contact)
        assert "channel    telepon, entered by " + DESK_STAFF in views.ticket_text(staffed, s.get(Ticket, t.id))


def test_roles_and_officers_are_staff_and_melalui_defaults_to_telepon(staffed):
    result = handle(staffed, make_mail(RAHMAT, "AP Bappeda", "atas nama Bappeda\n\nAccess point ruang rapat mati, "
                                                             "wifi tidak bisa dipakai."))
    assert result.outcome == "ticket"
    t = the_ticket(staffed)
    assert (t.opd_key, t.channel, t.entered_by, t.contact) == ("bappeda", "telepon", RAHMAT, None)
    with staffed.sessions() as s:   # no DITERIMA: the request counts from the mail
        assert load_timings(staffed, s, s.get(Ticket, t.id))[0].started == T0


@pytest.mark.parametrize("first, reason, suggestion", [
    ("ATAS NAMA Dinas Kesehatn", "unknown_opd", "Dinas Kesehatan"),
    ("ATAS NAMA Dinas Rahasia Negara", "unknown_opd", None),
    ("ATAS NAMA Kecamatan", "unknown_opd", "Kecamatan"),
])
def test_unknown_opd_is_answered_with_the_closest(staffed, first, reason, suggestion):
    result = handle(staffed, make_mail(DESK_STAFF, "Internet mati", f"{first}\n\n{REQUEST_BODY}"))
    assert (result.outcome, result.ticket) == ("ignored", None)
    assert result.reason.startswith(f"on_behalf_refused: {reason}")
    answer = outbox(staffed, kind="on_behalf_refused")
    assert [a.recipients for a in answer] == [[DESK_STAFF]]
    if suggestion:
        assert suggestion in plain(answer[0])
    assert not outbox(staffed, KADIS)


@pytest.mark.parametrize("when, reason", [
    (T0 + timedelta(minutes=30), "received_future"),
    (T0 - timedelta(days=8), "received_too_old"),
])
def test_received_in_the_future_or_too_old_is_refused(staffed, when, reason):
    result = handle(staffed, make_mail(DESK_STAFF, "Internet mati", PHONE.format(received=wib(when))))
    assert result.outcome == "ignored" and reason in result.reason
    assert the_ticket(staffed) is None and not outbox(staffed, KADIS)
    assert outbox(staffed, DESK_STAFF, "on_behalf_refused")


def test_from_a_non_staff_sender_the_lines_are_ordinary_text(staffed):
    result = handle(staffed, make_mail(NOT_STAFF, "Internet mati", PHONE.format(received=wib(T0))))
    assert result.outcome == "ticket"
    t = the_ticket(staffed)
    assert (t.opd_key, t.requester_email, t.channel, t.entered_by) == ("bappeda", NOT_STAFF, "email", None)
    assert "ATAS NAMA" in t.body
    outside = handle(staffed, make_mail("someone@example.org", "Internet mati", PHONE.format(received=wib(T0))))
    assert outside.outcome == "ignored" and "sender_not_allowed" in outside.reason


def test_report_counts_tickets_per_channel(staffed, tmp_path):
    from mailproc.sla.report import build_report, write_monthly_report
    handle(staffed, make_mail(DESK_STAFF, "Internet mati", PHONE.format(received=wib(T0))))
    handle(staffed, make_mail(OPD_USER, "Internet Puskesmas Liwa mati total", REQUEST_BODY))
    assert build_report(staffed, "2026-11").channels == {"telepon": 1, "email": 1}
    _, summary, _ = write_monthly_report(staffed, "2026-11", tmp_path / "out")
    rows = summary.read_text(encoding="utf-8").splitlines()
    assert "saluran,email,1,,,,,," in rows and "saluran,telepon,1,,,,,," in rows


# -- over the real mail stack ---------------------------------------------------------------------

pdf = b"%PDF-1.4\n% surat permohonan\n" + b"0" * 2000


class Live:
    def __init__(self, tmp_path, db_url, clock, stack):
        self.stack = stack
        self.desk = Desk(load_config(write_config(tmp_path, db_url, smtp_port=stack.smtp_port,
                                                  imap_port=stack.imap_port, replace=STAFF)), clock)
        self.door = MailboxDoor(self.desk)

    def send(self, raw: bytes, sender: str) -> None:
        self.stack.send(raw, sender, [SERVICE])
        self.stack.wait_for(SERVICE, 1)
        self.door.poll_once()
        deliver_due(self.desk)

    def mail_for(self, address: str, needle: bytes, count: int = 1, timeout: float = 15.0) -> list:
        deadline = time.monotonic() + timeout
        while True:
            found = [m for m in self.stack.fetch(address) if needle in m]
            if len(found) >= count or time.monotonic() > deadline:
                return [email.message_from_bytes(m, policy=policy.default) for m in found]
            time.sleep(0.05)

    def settled(self) -> None:
        """Everything the outbox sent has reached its mailboxes (bounded wait on the stack)."""
        for row in outbox(self.desk):
            for address in row.recipients:
                self.mail_for(address, row.message_id.strip("<>").encode())


@pytest.fixture
def live(tmp_path, db_url, clock, clean_mailstack):
    clean_mailstack.add_user(DESK_STAFF)
    d = Live(tmp_path, db_url, clock, clean_mailstack)
    yield d
    d.door.close()


@pytest.mark.mailstack
def test_phone_request_over_the_stack(live, clock):
    received = T0 - timedelta(hours=1)
    live.send(make_mail(DESK_STAFF, "Internet Puskesmas Liwa mati", PHONE.format(received=wib(received)),
                        name="Loket Service Desk"), DESK_STAFF)
    t = the_ticket(live.desk)
    assert (t.opd_key, t.requester_email, t.channel, t.entered_by) == ("dinkes", PJ, "telepon", DESK_STAFF)
    ack = live.mail_for(PJ, b"Permohonan diterima")
    assert len(ack) == 1 and DESK_STAFF in ack[0]["Cc"] and PJ in ack[0]["To"]
    assert "dicatat atas nama Dinas Kesehatan" in " ".join(ack[0].get_body(("plain",)).get_content().split())
    assert len(live.mail_for(DESK_STAFF, b"Permohonan diterima")) == 1
    assert len(live.mail_for(KADIS, t.code.encode())) == 1
    with live.desk.sessions() as s:
        assert load_timings(live.desk, s, s.get(Ticket, t.id))[0].started == received


@pytest.mark.mailstack
def test_letter_request_over_the_stack(live):
    body = ("ATAS NAMA Badan Perencanaan Pembangunan Daerah (Bappeda)\nMELALUI surat\n"
            "PEMOHON Sekretaris Bappeda\n\nSurat permohonan terlampir: pemasangan jaringan LAN baru di "
            "ruang rapat lantai 2 kantor Bappeda.")
    live.send(make_mail(DESK_STAFF, "Surat Bappeda: jaringan LAN ruang rapat", body,
                        attachments=[("surat-bappeda.pdf", "application/pdf", pdf)]), DESK_STAFF)
    t = the_ticket(live.desk)
    assert (t.opd_key, t.requester_email, t.channel, t.contact) == (
        "bappeda", "bappeda@lampungbaratkab.go.id", "surat", "Sekretaris Bappeda")
    request = live.mail_for(KADIS, t.code.encode())
    assert len(request) == 1
    attached = [p for p in request[0].iter_attachments() if p.get_filename() == "surat-bappeda.pdf"]
    assert attached and attached[0].get_content() == pdf
    with live.desk.sessions() as s:
        row = s.get(InboundMessage, t.inbound_id)
        assert [a.filename for a in row.attachments if a.stored] == ["surat-bappeda.pdf"]


@pytest.mark.mailstack
def test_unknown_opd_over_the_stack(live):
    live.send(make_mail(DESK_STAFF, "Internet mati", f"ATAS NAMA Dinas Kesehatn\n\n{REQUEST_BODY}"), DESK_STAFF)
    answer = live.mail_for(DESK_STAFF, b"belum dicatat")
    assert len(answer) == 1 and "Dinas Kesehatan" in answer[0].get_body(("plain",)).get_content()
    assert the_ticket(live.desk) is None
    assert live.stack.fetch(KADIS) == [] and live.stack.fetch(PRAKOM) == [] and live.stack.fetch(PJ) == []


@pytest.mark.mailstack
def test_non_staff_atas_nama_over_the_stack(live):
    live.send(make_mail(OPD_USER, "Internet Puskesmas Liwa mati total",
                        "ATAS NAMA Bappeda\nMELALUI telepon\n\n" + REQUEST_BODY), OPD_USER)
    t = the_ticket(live.desk)
    assert (t.opd_key, t.requester_email, t.channel, t.entered_by) == ("dinkes", OPD_USER, "email", None)
    assert len(live.mail_for(OPD_USER, b"Permohonan diterima")) == 1
    assert live.stack.fetch("bappeda@lampungbaratkab.go.id") == []


@pytest.mark.parametrize("typed, key", [
    ("Dinas Kesehatan", "dinkes"), ("DINAS KESEHATAN KABUPATEN LAMPUNG BARAT", "dinkes"), ("diskes", "dinkes"),
    ("Dinas Kesehatan (Diskes)", "dinkes"), ("Badan Perencanaan Pembangunan Daerah (Bappeda)", "bappeda"),
    ("Bappeda Lambar", "bappeda"), ("Puskesmas Liwa", "pkm_liwa"), ("kecamatan balik bukit", "kec_balikbukit"),
    ("Dinas Pendidikan", "disdikbud"), ("Kominfo", "diskominfo"),
])
def test_opd_names_as_staff_type_them(desk, typed, key):
    assert [o.key for o in desk.registry.named(typed)] == [key]


@pytest.mark.parametrize("typed", ["Kecamatan", "Dinas Kesehatn", "Lampung Barat", ""])
def test_no_single_opd(desk, typed):
    assert len(desk.registry.named(typed)) != 1


def test_received_is_judged_against_the_mail_date_in_a_backlog(staffed, clock):
    written = T0 - timedelta(days=2)            # handled two days after it was written
    raw = make_mail(DESK_STAFF, "Internet mati", PHONE.format(received=wib(written + timedelta(hours=3))),
                    when=written)
    result = handle(staffed, raw)
    assert result.outcome == "ignored" and "received_future" in result.reason
