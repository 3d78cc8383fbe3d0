"""Intake through the ingest door: tickets, acknowledgements, duplicates, guard and quarantine
(on SQLite and PostgreSQL, with the directory transport)."""
from __future__ import annotations

import email
import json
import subprocess
import sys
from email import policy

import pytest
from sqlalchemy import func, select

from conftest import REQUEST_BODY, make_mail, write_config
from mailproc.intake.inbound import Inbound, Origin
from mailproc.store.models import InboundMessage, OutboxMessage, Ticket

REQUESTER = "umum@diskes.lampungbaratkab.go.id"


def count(desk, model, *where) -> int:
    with desk.sessions() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where))


def outbox_to(desk, address: str) -> list[OutboxMessage]:
    with desk.sessions() as s:
        return [o for o in s.scalars(select(OutboxMessage).order_by(OutboxMessage.id)) if address in o.recipients]


def test_request_becomes_ticket_with_acknowledgement(desk):
    raw = make_mail(REQUESTER, "Internet Puskesmas Liwa mati total", REQUEST_BODY, name="Bagian Umum Dinkes")
    result = Inbound(desk).handle(raw, Origin("ingest"))
    assert result.outcome == "ticket" and result.ticket == "JIP-2026-0001"
    with desk.sessions() as s:
        ticket = s.scalar(select(Ticket))
        assert ticket.status == "awaiting_kadis"
        assert ticket.category == "1.3" and ticket.priority == "tinggi"
        assert ticket.opd_key and "Kesehatan" in ticket.opd_name
        assert ticket.classification, "the rules that fired are stored"
        assert [e.action for e in ticket.events] == ["created"]
    acks = outbox_to(desk, REQUESTER)
    assert len(acks) == 1 and acks[0].kind == "acknowledgement"
    msg = email.message_from_bytes(acks[0].raw, policy=policy.default)
    assert msg["Subject"].startswith("[JIP-2026-0001] ")
    assert msg["Auto-Submitted"] == "auto-replied" and msg["X-Auto-Response-Suppress"] == "All"
    assert msg["In-Reply-To"] and msg.get_body(("html",)) is not None
    text = msg.get_body(("plain",)).get_content()
    assert "1.3" in text and "tinggi" in text and "Dinas Kesehatan" in text
    kadis = outbox_to(desk, "kadis@lampungbaratkab.go.id")
    assert len(kadis) == 1 and "Mohon disposisi" in kadis[0].subject


def test_same_message_twice_changes_nothing(desk):
    raw = make_mail(REQUESTER, "Internet Puskesmas Liwa mati total", REQUEST_BODY)
    inbound = Inbound(desk)
    assert inbound.handle(raw, Origin("ingest")).outcome == "ticket"
    second = inbound.handle(raw, Origin("ingest"))
    assert second.outcome == "duplicate"
    # The same message again through the other door, with a trace header added by the server.
    again = b"Received: from mx by imap; Fri, 27 Nov 2026 09:01:00 +0700\r\n" + raw
    assert inbound.handle(again, Origin("imap", "box", 1, 7)).outcome == "duplicate"
    assert count(desk, Ticket) == 1
    assert len(outbox_to(desk, REQUESTER)) == 1


def test_ticket_ids_are_sequential_per_year(desk, clock):
    inbound = Inbound(desk)
    codes = [inbound.handle(make_mail(REQUESTER, f"Internet mati di ruang {n}", REQUEST_BODY), Origin("ingest")).ticket
             for n in range(3)]
    assert codes == ["JIP-2026-0001", "JIP-2026-0002", "JIP-2026-0003"]
    clock.set(clock.now().replace(year=2027, month=1, day=4))
    assert inbound.handle(make_mail(REQUESTER, "Internet mati lagi", REQUEST_BODY), Origin("ingest")).ticket == "JIP-2027-0001"


@pytest.mark.parametrize("sender,subject,headers,reason", [
    (REQUESTER, "Balasan Otomatis: Di luar kantor", {}, "auto_reply"),
    (REQUESTER, "Internet mati", {"Auto-Submitted": "auto-replied"}, "auto_reply"),
    (REQUESTER, "Internet mati", {"X-Autoreply": "yes"}, "auto_reply"),
    (REQUESTER, "Internet mati", {"Precedence": "bulk"}, "auto_reply"),
    (REQUESTER, "Out of Office: Internet mati", {}, "auto_reply"),
    ("mailer-daemon@lampungbaratkab.go.id", "Undelivered Mail Returned to Sender", {}, "bounce"),
    ("postmaster@diskes.lampungbaratkab.go.id", "Delivery Status Notification (Failure)", {}, "bounce"),
    (REQUESTER, "Internet mati", {"List-Id": "<opd.lampungbaratkab.go.id>"}, "mailing_list"),
    ("aptika@lampungbaratkab.go.id", "Internet mati", {}, "own_mail"),
    ("warga@example.net", "Internet mati di rumah", {}, "sender_not_allowed"),
])
def test_guard_refuses_without_reply(desk, sender, subject, headers, reason):
    result = Inbound(desk).handle(make_mail(sender, subject, REQUEST_BODY, headers=headers), Origin("ingest"))
    assert result.outcome == "ignored" and result.reason.startswith(reason)
    assert count(desk, Ticket) == 0 and count(desk, OutboxMessage) == 0


def test_not_a_request_is_recorded_and_listed(desk, tmp_path):
    raw = make_mail("it@rsud.lampungbaratkab.go.id", "Terima kasih", "Terima kasih, jaringan di IGD sudah normal kembali.")
    result = Inbound(desk).handle(raw, Origin("ingest"))
    assert result.outcome == "ignored" and result.reason.startswith("not_a_request")
    assert count(desk, OutboxMessage) == 0
    out = subprocess.run([sys.executable, "-m", "mailproc.cli", "--config", str(desk.config.path), "messages", "--json"],
                         capture_output=True, text=True, check=True).stdout
    listed = json.loads(out)
    assert listed[0]["outcome"] == "ignored" and listed[0]["reason"].startswith("not_a_request")
    from mailproc.intake.promote import promote
    code = promote(desk, listed[0]["id"])
    assert code == "JIP-2026-0001" and len(outbox_to(desk, "it@rsud.lampungbaratkab.go.id")) == 1


def test_unreadable_message_is_quarantined_and_next_is_handled(desk):
    inbound = Inbound(desk)
    broken = b"From: \r\nSubject: \xff\xfe broken\r\nContent-Type: multipart/mixed\r\n\r\n--\r\n"
    assert inbound.handle(broken, Origin("ingest")).outcome == "quarantined"
    assert inbound.handle(broken, Origin("ingest")).outcome == "duplicate"
    good = make_mail(REQUESTER, "Internet Puskesmas Liwa mati total", REQUEST_BODY)
    assert inbound.handle(good, Origin("ingest")).outcome == "ticket"
    with desk.sessions() as s:
        row = s.scalar(select(InboundMessage).where(InboundMessage.outcome == "quarantined"))
        assert "sender" in row.reason
        assert (desk.storage / "raw" / row.raw_sha256[:2] / row.raw_sha256).read_bytes() == broken
    assert len(outbox_to(desk, desk.config.service.admin_email)) == 1


def test_attachment_limits_are_explained(desk):
    raw = make_mail(REQUESTER, "Internet mati, foto terlampir", REQUEST_BODY, attachments=[
        ("../../../etc/passwd.jpg", "image/jpeg", b"\xff\xd8fake"),
        ("setup.exe", "application/octet-stream", b"MZ..")])
    assert Inbound(desk).handle(raw, Origin("ingest")).outcome == "ticket"
    ack = outbox_to(desk, REQUESTER)[0]
    text = email.message_from_bytes(ack.raw, policy=policy.default).get_body(("plain",)).get_content()
    assert "setup.exe" in text and "tidak diterima" in text
    stored = list((desk.storage / "attachments").rglob("*"))
    assert all(desk.storage in p.resolve().parents for p in stored)
    assert not any("passwd" in p.name for p in stored)


def test_rate_limit_explains_once(desk, tmp_path):
    from mailproc.core.config import load_config
    from mailproc.desk import Desk
    limited = Desk(load_config(write_config(tmp_path, desk.config.database_url, replace={
        "max_requests_per_sender_per_hour = 20": "max_requests_per_sender_per_hour = 2"})), desk.clock)
    inbound = Inbound(limited)
    outcomes = [inbound.handle(make_mail(REQUESTER, f"Internet mati ruang {n}", REQUEST_BODY), Origin("ingest")).outcome
                for n in range(5)]
    assert outcomes == ["ticket", "ticket", "ignored", "ignored", "ignored"]
    kinds = [o.kind for o in outbox_to(limited, REQUESTER)]
    assert kinds.count("rate_limited") == 1 and kinds.count("acknowledgement") == 2


def test_ingest_exit_codes(desk, tmp_path):
    cmd = [sys.executable, "-m", "mailproc.cli", "--config", str(desk.config.path), "ingest"]
    ok = subprocess.run(cmd, input=make_mail(REQUESTER, "Internet mati total", REQUEST_BODY), capture_output=True)
    assert ok.returncode == 0 and b"ticket JIP-2026-0001" in ok.stdout
    junk = subprocess.run(cmd, input=b"\x00\x01 this is not mail", capture_output=True)
    assert junk.returncode == 65
    broken_config = tmp_path / "broken.toml"
    broken_config.write_text("[service]\naddress = 'nope'\n")
    temp = subprocess.run([sys.executable, "-m", "mailproc.cli", "--config", str(broken_config), "ingest"],
                          input=b"From: a@b.c\r\n\r\nx", capture_output=True)
    assert temp.returncode == 75 and b"service.address" in temp.stderr


def test_refuses_unmigrated_database(tmp_path):
    config = write_config(tmp_path, f"sqlite:///{tmp_path / 'fresh.db'}")
    out = subprocess.run([sys.executable, "-m", "mailproc.cli", "--config", str(config), "tickets"],
                         capture_output=True, text=True)
    assert out.returncode != 0 and "mailproc db upgrade" in out.stderr
