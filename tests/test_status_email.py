"""Status questions by email (issue 12, part 1): "STATUS JIP-…", "STATUS" alone, and a requester's
"sudah sampai mana?" are answered from the ticket, never ticketed, never sent up the chain; anyone
outside the requester's side and the chain learns nothing, and an unauthenticated outsider gets
no mail at all. End to end over Dovecot and Postfix, plus the detection on varied wordings;
SQLite and PostgreSQL."""
from __future__ import annotations

import time
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from chain import KADIS, outbox, parsed, plain, reply_to
from conftest import REQUEST_BODY, ROOT, make_mail, write_config
from mailproc.core.config import load_config
from mailproc.desk import Desk
from mailproc.intake.inbound import Inbound, Origin
from mailproc.intake.status import ANSWERED, REPEATED, UNAUTHENTICATED
from mailproc.outbox.sender import deliver_due
from mailproc.service.mailbox import MailboxDoor
from mailproc.store.models import Event, InboundMessage, OutboxMessage, Ticket

SERVICE = "aptika@lampungbaratkab.go.id"
REQUESTER = "umum@diskes.lampungbaratkab.go.id"
COLLEAGUE = "kapus.liwa@diskes.lampungbaratkab.go.id"      # the same OPD (Dinas Kesehatan)
PJ = "kadis@diskes.lampungbaratkab.go.id"                   # its penanggung jawab
OTHER_OPD = "tu@disdik.lampungbaratkab.go.id"
OUTSIDER = "warga@example.net"
WEBMAIL = "operator.diskes@gmail.com"
AUTHSERV = "mx.lampungbaratkab.go.id"
SUBJECT = "Internet Puskesmas Liwa mati total"


def _config(tmp_path, db_url, **ports):
    """The shipped config, with this test's receiving server trusted for Authentication-Results."""
    trusted = f'authserv_ids = ["{AUTHSERV}"]'
    if "authserv_ids = []" in (ROOT / "config.toml").read_text(encoding="utf-8"):
        return write_config(tmp_path, db_url, replace={"authserv_ids = []": trusted}, **ports)
    return write_config(tmp_path, db_url, extra=f"[senders]\n{trusted}\n", **ports)


@pytest.fixture
def live(tmp_path, db_url, clock, clean_mailstack):
    stack = clean_mailstack
    desk = Desk(load_config(_config(tmp_path, db_url, smtp_port=stack.smtp_port, imap_port=stack.imap_port)), clock)
    door = MailboxDoor(desk)
    yield desk, door, stack
    door.close()


def send_and_handle(desk, door, stack, raw: bytes, sender: str) -> None:
    """Into the service's mailbox by SMTP, through the IMAP door, and the outbox out to Postfix."""
    stack.send(raw, sender, [SERVICE])
    stack.wait_for(SERVICE, 1)
    door.poll_once()
    deliver_due(desk)


def mailbox(stack, address: str, needle: bytes, count: int = 1, timeout: float = 15.0) -> list[bytes]:
    """What ``address`` received that contains ``needle``, once ``count`` arrived (bounded wait)."""
    deadline = time.monotonic() + timeout
    while True:
        found = [m for m in stack.fetch(address) if needle in m]
        if len(found) >= count or time.monotonic() > deadline:
            return found
        time.sleep(0.05)


def status_answers(stack, address: str, count: int = 1, timeout: float = 15.0) -> list[bytes]:
    return mailbox(stack, address, b"Status permohonan", count, timeout)


def open_request(desk, door, stack, sender: str = REQUESTER, subject: str = SUBJECT) -> str:
    send_and_handle(desk, door, stack, make_mail(sender, subject, REQUEST_BODY), sender)
    with desk.sessions() as s:
        return s.scalar(select(Ticket.code).order_by(Ticket.id.desc()))


def kadis_requests(stack) -> int:
    return len(stack.fetch(KADIS))


def count(desk, model, *where) -> int:
    with desk.sessions() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where))


def events(desk, action: str) -> list[Event]:
    with desk.sessions() as s:
        return list(s.scalars(select(Event).where(Event.action == action).order_by(Event.id)))


# -- end to end ------------------------------------------------------------------------------------

def test_requester_asks_by_command_by_subject_and_on_the_thread(live):
    desk, door, stack = live
    code = open_request(desk, door, stack)
    acks = mailbox(stack, REQUESTER, b"Permohonan diterima")
    assert len(acks) == 1
    assert f"berperihal STATUS {code}" in plain(acks[0])        # the acknowledgement says how to ask
    assert len(mailbox(stack, KADIS, code.encode())) == 1

    # 1. "STATUS JIP-…" as a new mail.
    send_and_handle(desk, door, stack, make_mail(REQUESTER, f"STATUS {code}", ""), REQUESTER)
    first = status_answers(stack, REQUESTER)
    assert len(first) == 1
    text = plain(first[0])
    assert parsed(first[0])["Subject"].startswith(f"[{code}] Status permohonan")
    assert "menunggu disposisi Kepala Dinas" in text
    assert "Kepala Dinas Komunikasi dan Informatika" in text        # the role holding it…
    assert KADIS not in text                                         # …never a private address
    assert "Batas waktu tahap" in text and "masih dalam batas waktu" in text
    assert "Permohonan diterima dan dicatat" in text                 # the timeline, in plain words

    # 2. A progress question in the subject, the ticket tagged; the step is late by now.
    desk.clock.advance(minutes=45)
    send_and_handle(desk, door, stack, make_mail(REQUESTER, f"[{code}] Bagaimana perkembangannya?",
                                                 "Mohon info perkembangannya pak, terima kasih."), REQUESTER)
    second = status_answers(stack, REQUESTER, count=2)
    assert len(second) == 2 and "TERLAMBAT" in plain(second[-1])

    # 3. "sudah sampai mana?" as a reply on the acknowledgement's thread.
    desk.clock.advance(minutes=15)
    send_and_handle(desk, door, stack, reply_to(acks[0], REQUESTER, "Sudah sampai mana ya pak?"), REQUESTER)
    assert len(status_answers(stack, REQUESTER, count=3)) == 3

    assert count(desk, Ticket) == 1
    assert [e.actor for e in events(desk, "status_answered")] == [REQUESTER] * 3
    answered = events(desk, "status_answered")
    assert [e.data["how"] for e in answered] == ["command", "phrase", "phrase"]
    assert any("sampai mana" in line for line in answered[2].data["evidence"]), answered[2].data
    assert count(desk, InboundMessage, InboundMessage.reason == ANSWERED) == 3
    assert kadis_requests(stack) == 1, "the Kadis got nothing but the one disposition request"
    assert count(desk, OutboxMessage, OutboxMessage.kind == "requester_info") == 0


def test_the_pj_and_a_colleague_of_the_opd_are_answered(live):
    desk, door, stack = live
    code = open_request(desk, door, stack)
    send_and_handle(desk, door, stack, make_mail(PJ, f"STATUS [{code}]", ""), PJ)
    assert len(status_answers(stack, PJ)) == 1
    send_and_handle(desk, door, stack, make_mail(COLLEAGUE, "Tanya status", f"status {code}\n\nSalam"), COLLEAGUE)
    answer = status_answers(stack, COLLEAGUE)
    assert len(answer) == 1 and SUBJECT in plain(answer[0])
    assert kadis_requests(stack) == 1 and count(desk, Ticket) == 1


def test_another_opd_gets_a_short_answer_without_ticket_data(live):
    desk, door, stack = live
    code = open_request(desk, door, stack)
    # Without authentication, another OPD's address (anyone may forge it) gets nothing.
    send_and_handle(desk, door, stack, make_mail(OTHER_OPD, f"STATUS {code}", ""), OTHER_OPD)
    assert outbox(desk, OTHER_OPD) == []
    signed = {"Authentication-Results": f"{AUTHSERV}; dkim=pass header.d=lampungbaratkab.go.id; spf=pass"}
    send_and_handle(desk, door, stack, make_mail(OTHER_OPD, f"STATUS {code}", "", headers=signed), OTHER_OPD)
    send_and_handle(desk, door, stack, make_mail(OTHER_OPD, f"[{code}] sudah sampai mana?", "Mohon info statusnya.",
                                                 headers=signed), OTHER_OPD)
    got = mailbox(stack, OTHER_OPD, b"tidak dapat memberikan informasi")
    assert len(got) == 1, "one short answer (the second question falls within 10 minutes)"
    raw = got[0]
    text = parsed(raw)["Subject"] + "\n" + plain(raw)
    for secret in (code, SUBJECT, "Kepala Dinas", "menunggu", "Dinas Kesehatan", REQUESTER):
        assert secret not in text, secret
    assert code.encode() not in raw
    assert [e.actor for e in events(desk, "status_refused")] == [OTHER_OPD] * 2
    assert kadis_requests(stack) == 1 and count(desk, Ticket) == 1


def test_an_unauthenticated_outsider_gets_nothing_an_authenticated_one_a_short_answer(live):
    desk, door, stack = live
    code = open_request(desk, door, stack)
    send_and_handle(desk, door, stack, make_mail(OUTSIDER, f"STATUS {code}", ""), OUTSIDER)
    send_and_handle(desk, door, stack, make_mail(WEBMAIL, f"[{code}] any update?", "Bagaimana perkembangannya?"),
                    WEBMAIL)
    # A forged header from a server we do not trust counts for nothing.
    forged = {"Authentication-Results": "mx.evil.example; dmarc=pass header.from=example.net"}
    send_and_handle(desk, door, stack, make_mail(OUTSIDER, f"STATUS {code}", "", headers=forged), OUTSIDER)
    assert outbox(desk, OUTSIDER) == [] and outbox(desk, WEBMAIL) == []
    assert mailbox(stack, OUTSIDER, b"", timeout=1.0) == []
    with desk.sessions() as s:
        reasons = list(s.scalars(select(InboundMessage.reason).where(InboundMessage.id > 1)))
    assert reasons == [UNAUTHENTICATED] * 3

    trusted = {"Authentication-Results": f"{AUTHSERV}; dkim=pass header.d=gmail.com; dmarc=pass header.from=gmail.com"}
    send_and_handle(desk, door, stack, make_mail(WEBMAIL, f"STATUS {code}", "", headers=trusted), WEBMAIL)
    [short] = outbox(desk, WEBMAIL)
    assert short.kind == "status_refused" and code.encode() not in short.raw and SUBJECT not in plain(short)
    assert kadis_requests(stack) == 1 and count(desk, Ticket) == 1


def test_status_alone_lists_the_opds_open_tickets(live):
    desk, door, stack = live
    mine = open_request(desk, door, stack)
    colleagues = open_request(desk, door, stack, COLLEAGUE, "Wifi aula Dinas Kesehatan tidak bisa konek")
    others = open_request(desk, door, stack, OTHER_OPD, "Internet ruang guru SMP lambat sekali")
    send_and_handle(desk, door, stack, make_mail(COLLEAGUE, "STATUS", ""), COLLEAGUE)
    [listing] = mailbox(stack, COLLEAGUE, b"tiket terbuka")
    text = plain(listing)
    assert mine in text and colleagues in text and others not in text
    assert "Internet ruang guru" not in text and "menunggu disposisi Kepala Dinas" in text
    assert kadis_requests(stack) == 3 and count(desk, Ticket) == 3


def test_one_answer_per_sender_and_ticket_in_ten_minutes(live):
    desk, door, stack = live
    code = open_request(desk, door, stack)
    send_and_handle(desk, door, stack, make_mail(REQUESTER, f"STATUS {code}", ""), REQUESTER)
    assert len(status_answers(stack, REQUESTER)) == 1
    desk.clock.advance(minutes=9)
    send_and_handle(desk, door, stack, make_mail(REQUESTER, f"STATUS {code}", "lagi"), REQUESTER)
    assert len(status_answers(stack, REQUESTER, count=2, timeout=1.0)) == 1
    assert count(desk, InboundMessage, InboundMessage.reason == REPEATED) == 1
    assert len(events(desk, "status_not_answered")) == 1
    desk.clock.advance(minutes=2)
    send_and_handle(desk, door, stack, make_mail(REQUESTER, f"STATUS {code}", "sekali lagi"), REQUESTER)
    assert len(status_answers(stack, REQUESTER, count=2)) == 2
    assert kadis_requests(stack) == 1 and count(desk, Ticket) == 1


# -- the detection, on varied wordings (directory transport) ------------------------------------------

@pytest.fixture
def desk(tmp_path, db_url, clock):
    """A desk on a fresh database, with the directory transport (no mail server)."""
    return Desk(load_config(_config(tmp_path, db_url)), clock)


TAGGED_QUESTIONS = [   # (subject, body) of a new mail from the requester; {code} is the ticket
    ("STATUS {code}", ""),
    ("status [{code}]", ""),
    ("[{code}] Status", ""),
    ("Status: {code}", "Terima kasih."),
    ("status jip-2026-1", ""),
    ("Pertanyaan", "STATUS {code}\n\nSalam,\nBagian Umum"),
    ("[{code}] Mohon info status", "Dengan hormat, mohon info status permohonan kami. Terima kasih."),
    ("Menanyakan tindak lanjut {code}", "Dengan hormat, bersama ini kami menanyakan tindak lanjut permohonan kami."),
    ("Permohonan {code}", "Selamat siang, bagaimana perkembangannya pak?"),
    ("Re: [{code}] Permohonan diterima", "Pak, gimana progresnya ya? Sudah 2 hari"),
    ("{code}", "udah nyampe mana ya pak"),
    ("[{code}]", "Kapan dikerjakan pak? Kantor kami masih belum bisa internet."),
    ("[{code}]", "Apakah permohonan kami sudah diproses?"),
    ("[{code}]", "sudah diproses belum?"),
    ("[{code}] follow up", "Sudah seminggu belum ada petugas yang datang."),
    ("Request {code}", "Hi, any update on this request? Thanks."),
    ("[{code}]", "What is the status of my request?"),
]

THREAD_QUESTIONS = ["Sudah sampai mana ya pak?", "Mohon info perkembangannya.", "Kapan petugas datang?",
                    "Bagaimana kelanjutannya pak?", "Any update?", "STATUS", "Mohon updatenya pak",
                    "Terima kasih, bagaimana perkembangannya?", "Mohon konfirmasi apakah permohonan kami telah "
                    "ditindaklanjuti.", "Kapan ya teknisinya bisa ke lokasi?", "Kapan dipasang AP di lantai 2?",
                    "Sudah diperbaiki belum ya pak? Soalnya besok ada ujian online."]

NOT_QUESTIONS = [   # replies on the acknowledgement's thread: today's behaviour (added information)
    "Alamatnya di lantai 2, ruang server sebelah aula.",
    "Sudah sampai mana? Sebagai tambahan, alamatnya di lantai 2 gedung B.",
    "Berikut kami lampirkan foto kondisi perangkat.",
    "Baik, terima kasih, kami tunggu kabarnya.",
    "Contact person di lokasi: Bu Rina 0812-1111-2222.",
    "Update: internet sudah normal kembali, terima kasih.",
    "Terima kasih atas updatenya.",
    "Status lampu indikator modem masih merah.",
    "Perangkat ada di ruang TU lantai 1, kunci dipegang pak Budi.",
]


def _request(desk) -> tuple[str, bytes]:
    Inbound(desk).handle(make_mail(REQUESTER, SUBJECT, REQUEST_BODY), Origin("ingest"))
    [ack] = outbox(desk, REQUESTER, "acknowledgement")
    with desk.sessions() as s:
        return s.scalar(select(Ticket.code)), ack.raw


def _is_question(result) -> bool:
    return result.reason in (ANSWERED, REPEATED)


def test_status_questions_are_recognised_in_many_wordings(desk):
    code, ack = _request(desk)
    inbound = Inbound(desk)
    missed = []
    for subject, body in TAGGED_QUESTIONS:
        result = inbound.handle(make_mail(REQUESTER, subject.format(code=code), body.format(code=code)),
                                Origin("ingest"))
        if not (_is_question(result) and result.ticket == code):
            missed.append((subject, body, result.reason))
    for text in THREAD_QUESTIONS:
        result = inbound.handle(reply_to(ack, REQUESTER, text), Origin("ingest"))
        if not (_is_question(result) and result.ticket == code):
            missed.append(("(thread)", text, result.reason))
    assert missed == []
    assert count(desk, Ticket) == 1
    assert len(outbox(desk, KADIS)) == 1 and outbox(desk, kind="requester_info") == []


def test_follow_ups_that_add_information_are_not_status_questions(desk):
    code, ack = _request(desk)
    inbound = Inbound(desk)
    for text in NOT_QUESTIONS:
        result = inbound.handle(reply_to(ack, REQUESTER, text), Origin("ingest"))
        assert result.outcome == "followup" and result.reason == "requester added information", (text, result)
    assert outbox(desk, kind="status_answer") == []
    assert len(outbox(desk, KADIS, "requester_info")) == len(NOT_QUESTIONS)


def test_a_question_without_a_ticket_lists_the_open_tickets_a_new_request_stays_a_request(desk):
    code, _ = _request(desk)
    inbound = Inbound(desk)
    result = inbound.handle(make_mail(COLLEAGUE, "Menanyakan status",
                                      "Mohon info status permohonan kami yang kemarin, terima kasih."), Origin("ingest"))
    assert result.reason == "status question: open tickets listed"
    assert code in plain(outbox(desk, COLLEAGUE, "status_list")[0])
    new = inbound.handle(make_mail(COLLEAGUE, "Permohonan pemasangan access point",
                                   "Mohon pemasangan access point baru di aula, kapan bisa dikerjakan?"), Origin("ingest"))
    assert new.outcome == "ticket"
    # Nothing open for the OPD: the same question is an ordinary message again.
    other = inbound.handle(make_mail(OTHER_OPD, "Menanyakan status", "Mohon info status permohonan kami yang kemarin."),
                           Origin("ingest"))
    assert not other.reason.startswith("status question")


def test_an_official_replying_to_a_request_is_read_by_the_chain(desk):
    code, _ = _request(desk)
    [request] = outbox(desk, KADIS)
    result = Inbound(desk).handle(reply_to(request, KADIS, "SETUJU, bagaimana perkembangannya nanti kabari"),
                                  Origin("ingest"))
    assert result.reason == "forwarded"
    # …but the command itself is answered, on the thread's ticket.
    desk.clock.advance(minutes=1)
    asked = Inbound(desk).handle(reply_to(outbox(desk, "kabid.aptika@lampungbaratkab.go.id")[0],
                                          "kabid.aptika@lampungbaratkab.go.id", "STATUS"), Origin("ingest"))
    assert asked.reason == ANSWERED and asked.ticket == code


def test_machine_mail_never_gets_a_status_answer(desk):
    code, _ = _request(desk)
    result = Inbound(desk).handle(make_mail(REQUESTER, f"STATUS {code}", "",
                                            headers={"Auto-Submitted": "auto-replied"}), Origin("ingest"))
    assert result.outcome == "ignored" and outbox(desk, kind="status_answer") == []


def test_an_unknown_ticket_gets_the_short_answer_when_authenticated(desk):
    _request(desk)
    inbound = Inbound(desk)
    result = inbound.handle(make_mail(REQUESTER, "STATUS JIP-2026-0999", ""), Origin("ingest"))
    assert result.reason == UNAUTHENTICATED and outbox(desk, REQUESTER, "status_refused") == []
    signed = {"Authentication-Results": f"{AUTHSERV}; dmarc=pass header.from=diskes.lampungbaratkab.go.id"}
    result = inbound.handle(make_mail(REQUESTER, "STATUS JIP-2026-0999", "", headers=signed), Origin("ingest"))
    assert result.outcome == "followup" and outbox(desk, REQUESTER, "status_refused")
    assert count(desk, Ticket) == 1


def test_a_webmail_address_registered_by_the_prakom_counts_for_its_opd(desk):
    from mailproc.store.models import SenderRegistration
    code, _ = _request(desk)
    inbound = Inbound(desk)
    assert inbound.handle(make_mail(WEBMAIL, f"STATUS {code}", ""), Origin("ingest")).reason == UNAUTHENTICATED
    with desk.transaction() as s:
        s.add(SenderRegistration(address=WEBMAIL, status="registered", opd_key="dinkes", token="t" * 32,
                                 message_id="<kept@gmail.com>", requested_at=desk.clock.now(),
                                 decided_at=desk.clock.now(), decided_by="prakom@lampungbaratkab.go.id"))
    result = inbound.handle(make_mail(WEBMAIL, f"[{code}] sudah sampai mana?", "Mohon infonya."), Origin("ingest"))
    assert result.reason == ANSWERED and outbox(desk, WEBMAIL, "status_answer")


def test_status_alone_from_an_official_lists_every_open_ticket_from_an_officer_their_own(desk):
    code, _ = _request(desk)
    inbound = Inbound(desk)
    other = inbound.handle(make_mail(OTHER_OPD, "Internet ruang guru lambat sekali", REQUEST_BODY), Origin("ingest"))
    assert inbound.handle(make_mail(KADIS, "STATUS", ""), Origin("ingest")).reason == "status question: open tickets listed"
    [listing] = outbox(desk, KADIS, "status_list")
    assert code in plain(listing) and other.ticket in plain(listing) and "semua OPD" in plain(listing)
    assert len(outbox(desk, KADIS, "request_kadis")) == 2 and count(desk, Ticket) == 2
    rahmat = "rahmat.hidayat@lampungbaratkab.go.id"
    inbound.handle(make_mail(rahmat, "status", ""), Origin("ingest"))
    [nothing_yet] = outbox(desk, rahmat, "status_list")
    assert code not in plain(nothing_yet) and "tidak ada permohonan" in plain(nothing_yet)


def test_show_prints_the_status_questions_on_the_timeline(desk):
    from mailproc.cli.views import ticket_text
    from mailproc.store.tickets import find_by_code
    code, _ = _request(desk)
    Inbound(desk).handle(make_mail(REQUESTER, f"STATUS {code}", ""), Origin("ingest"))
    with desk.sessions() as s:
        text = ticket_text(desk, find_by_code(s, code))
    assert any("status answered" in line and REQUESTER in line for line in text.splitlines()), text
