"""Requests that arrive as letters: the attached surat permohonan is read (text layer, DOCX, OCR of
a photo) before classification, its facts reach the ticket, the officials and `show --json`; a
hostile or unreadable attachment leaves the request standing without it, with the reason recorded.
Unit level on both databases; end to end over Dovecot + Postfix."""
from __future__ import annotations

import json
import time

import pytest
from sqlalchemy import select

from conftest import make_mail, write_config
from letter_fixtures import (docx_zip_bomb, encrypted_pdf, image_pdf, letter_docx, letter_pdf, page_image,
                             pdf_flate_bomb, photo, png_header)
from mailproc.core.config import load_config
from mailproc.desk import Desk
from mailproc.intake.inbound import Inbound, Origin
from mailproc.outbox.sender import deliver_due
from mailproc.service.mailbox import MailboxDoor
from mailproc.store.models import Event, OutboxMessage, Ticket

SERVICE = "aptika@lampungbaratkab.go.id"
SHARED = "sekretariat.umum@lampungbaratkab.go.id"     # the shared root domain: no OPD of its own
COVER = "Bersama ini kami sampaikan surat permohonan sebagaimana terlampir.\n\nTerima kasih."
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

OUTAGE_HTML = """<html><head><style>@page {{ size: A4; margin: 2cm 2.5cm; }}
body {{ font-family: 'Liberation Serif', serif; font-size: 12pt; }} .kop {{ text-align: center; }}</style></head><body>
<div class="kop"><p><b>PEMERINTAH KABUPATEN LAMPUNG BARAT</b></p><p><b>{agency}</b></p>
<p>Jalan Raya Liwa No. 5, Liwa, Telp (0728) 21001, Kode Pos 34812</p></div><hr>
<p style="text-align:right">Liwa, 3 Desember 2026</p>
<table><tr><td>Nomor</td><td>:</td><td>{number}</td></tr><tr><td>Lampiran</td><td>:</td><td>-</td></tr>
<tr><td>Perihal</td><td>:</td><td>{subject}</td></tr></table>
<p>Kepada Yth.<br>Kepala Dinas Komunikasi dan Informatika<br>Kabupaten Lampung Barat<br>di Liwa</p>
<p>Dengan hormat,</p><p>{body}</p>
<p>Demikian surat ini kami sampaikan, atas perhatian dan kerja samanya kami ucapkan terima kasih.</p>
<p style="margin-left:55%">Camat Balik Bukit,<br><br><br>Drs. Suparman, M.Si.<br>NIP. 19700512 199503 1 002</p>
</body></html>"""


def outage_letter(**fields) -> bytes:
    import weasyprint
    values = {"agency": "KECAMATAN BALIK BUKIT", "number": "800/ 12 /KEC-BB/2026",
              "subject": "Permohonan Perbaikan Jaringan Internet",
              "body": "Kami laporkan bahwa kabel fiber optik yang menghubungkan kantor Kecamatan Balik Bukit "
                      "putus akibat pohon tumbang sejak tanggal 2 Desember 2026, sehingga jaringan internet "
                      "mati total dan pelayanan administrasi kependudukan terhenti. Mohon perbaikan segera."}
    values.update(fields)
    return weasyprint.HTML(string=OUTAGE_HTML.format(**values)).write_pdf()


def invitation_letter() -> bytes:
    return outage_letter(number="005/ 88 /KEC-BB/2026", subject="Undangan Rapat Koordinasi",
                         body="Mengharap kehadiran Bapak/Ibu pada rapat koordinasi persiapan Musrenbang kecamatan "
                              "yang akan dilaksanakan pada hari Kamis, 10 Desember 2026 pukul 09.00 WIB bertempat di "
                              "aula kantor Kecamatan Balik Bukit. Mengingat pentingnya acara, dimohon hadir tepat waktu.")


def handle(desk, attachments, sender=SHARED, subject="Surat", body=COVER):
    raw = make_mail(sender, subject, body, attachments=attachments, when=desk.clock.now())
    return Inbound(desk).handle(raw, Origin("ingest"))


def ticket(desk, code) -> Ticket:
    with desk.sessions() as s:
        found = s.scalar(select(Ticket).where(Ticket.code == code))
        found.events  # loaded
        return found


def events(desk, code, action) -> list[str]:
    with desk.sessions() as s:
        t = s.scalar(select(Ticket).where(Ticket.code == code))
        return [e.detail for e in s.scalars(select(Event).where(Event.ticket_id == t.id, Event.action == action))]


def test_a_text_pdf_letter_behind_a_two_line_mail_decides_the_ticket(desk):
    result = handle(desk, [("Surat_Permohonan.pdf", "application/pdf", outage_letter())])
    assert result.outcome == "ticket"
    t = ticket(desk, result.ticket)
    assert (t.category, t.priority, t.opd_key) == ("1.3", "tinggi", "kec_balikbukit")
    assert t.letter == {"filename": "Surat_Permohonan.pdf", "number": "800/ 12 /KEC-BB/2026",
                        "subject": "Permohonan Perbaikan Jaringan Internet", "date": "2026-12-03",
                        "opd": "Kecamatan Balik Bukit", "signer": "Drs. Suparman, M.Si.",
                        "signer_nip": "197005121995031002", "source": "pdf_text", "agency": "KECAMATAN BALIK BUKIT"}
    assert t.subject == "Permohonan Perbaikan Jaringan Internet"      # the mail's "Surat" says nothing
    sources = {h["source"] for h in t.classification if h["kind"] == "category"}
    assert sources and all(s.startswith("Surat_Permohonan.pdf") for s in sources)
    assert "Surat_Permohonan.pdf, hal. 1" in sources


def test_a_docx_letter_is_read_too_and_its_letterhead_names_the_opd(desk):
    result = handle(desk, [("surat permohonan.docx", DOCX, letter_docx())])
    t = ticket(desk, result.ticket)
    assert t.category == "1.2" and t.opd_key == "dinkes"
    assert t.letter["source"] == "docx" and t.letter["number"] == "005/217/III.02/DISKES/2026"
    assert t.letter["subject"] == "Permohonan Pemasangan Jaringan Internet"


def test_the_sender_s_own_opd_wins_over_the_letterhead(desk):
    result = handle(desk, [("Surat.pdf", "application/pdf", letter_pdf())], sender="tu@disdik.lampungbaratkab.go.id")
    t = ticket(desk, result.ticket)
    assert t.opd_key == "disdikbud" and t.letter["opd"] == "Dinas Kesehatan"


def test_an_attached_invitation_is_not_a_request(desk):
    result = handle(desk, [("UNDANGAN RAKOR.pdf", "application/pdf", invitation_letter())],
                    subject="Kiriman surat", body="Terlampir surat dari kecamatan.")
    assert result.outcome == "ignored" and result.reason.startswith("not_a_request")


@pytest.mark.slow
def test_a_phone_photo_of_the_letter_is_read_by_ocr(desk):
    scan = page_image(outage_letter())
    result = handle(desk, [("IMG_20261203_091512.jpg", "image/jpeg", photo(scan, angle=3))])
    t = ticket(desk, result.ticket)
    assert t.letter["source"] == "ocr"
    assert (t.category, t.opd_key) == ("1.3", "kec_balikbukit")
    assert t.letter["subject"] == "Permohonan Perbaikan Jaringan Internet"
    assert t.letter["number"].replace(" ", "") == "800/12/KEC-BB/2026"


HOSTILE = {
    "pdf_bomb": ("Surat.pdf", "application/pdf", lambda: pdf_flate_bomb(256)),
    "huge_png": ("scan.png", "image/png", png_header),
    "encrypted_pdf": ("Surat_rahasia.pdf", "application/pdf", lambda: encrypted_pdf(letter_pdf())),
    "docx_zip_bomb": ("surat.docx", DOCX, lambda: docx_zip_bomb(512)),
}


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_a_hostile_letter_leaves_the_request_standing_with_the_reason(desk, kind):
    filename, ctype, make = HOSTILE[kind]
    body = "Mohon perbaikan jaringan internet di kantor kami yang mati sejak pagi. Surat terlampir."
    start = time.monotonic()
    result = handle(desk, [(filename, ctype, make())], sender="umum@diskes.lampungbaratkab.go.id",
                    subject="Internet mati", body=body)
    assert time.monotonic() - start < desk.config.letters.timeout + 5
    assert result.outcome == "ticket"
    t = ticket(desk, result.ticket)
    assert t.letter is None and t.category == "1.3"
    unread = events(desk, result.ticket, "letter_unread")
    assert len(unread) == 1 and unread[0].startswith(f"{filename}: ")


def test_a_scan_that_runs_past_the_time_limit_is_given_up(tmp_path, db_url, clock):
    from mailproc.store.db import upgrade
    upgrade(db_url)
    desk = Desk(load_config(write_config(tmp_path, db_url, extra="[letters]\ntimeout = 1\n")), clock)
    from mailproc.intake.letter.extract import extract
    extract("warm.docx", DOCX, letter_docx())   # the reader process runs: what is timed is the scan alone
    start = time.monotonic()
    scanned = image_pdf(page_image(outage_letter()), pages=5)   # five pages of OCR: seconds on any machine
    result = handle(desk, [("Scan_2026-12-03.pdf", "application/pdf", scanned)],
                    sender="umum@diskes.lampungbaratkab.go.id", subject="Internet mati",
                    body="Mohon perbaikan jaringan internet kantor yang mati total.")
    assert time.monotonic() - start < 6
    assert result.outcome == "ticket"
    assert any("timed out" in d for d in events(desk, result.ticket, "letter_unread"))


def test_show_json_carries_the_letter(desk, capsys):
    from mailproc.cli import views
    result = handle(desk, [("Surat_Permohonan.pdf", "application/pdf", outage_letter())])
    with desk.sessions() as s:
        data = views.ticket_detail(desk, s.scalar(select(Ticket).where(Ticket.code == result.ticket)))
        text = views.ticket_text(desk, s.scalar(select(Ticket).where(Ticket.code == result.ticket)))
    assert json.loads(json.dumps(data, default=str))["letter"]["number"] == "800/ 12 /KEC-BB/2026"
    assert "Nomor 800/ 12 /KEC-BB/2026" in text and "(Surat_Permohonan.pdf, hal. 1)" in text


def test_the_kadis_request_shows_the_letter_and_keeps_it_attached(desk):
    result = handle(desk, [("Surat_Permohonan.pdf", "application/pdf", outage_letter())])
    with desk.sessions() as s:
        t = s.scalar(select(Ticket).where(Ticket.code == result.ticket))
        rows = {o.kind: o.raw for o in s.scalars(select(OutboxMessage).where(OutboxMessage.ticket_id == t.id))}
    import email
    from email import policy
    request = email.message_from_bytes(rows["request_kadis"], policy=policy.default)
    text = request.get_body(("plain",)).get_content()
    assert "Surat: Nomor 800/ 12 /KEC-BB/2026, tanggal 3 Desember 2026, perihal Permohonan Perbaikan Jaringan " \
           "Internet" in text
    assert [p.get_filename() for p in request.iter_attachments()] == ["Surat_Permohonan.pdf"]
    ack = email.message_from_bytes(rows["acknowledgement"], policy=policy.default).get_body(("plain",)).get_content()
    assert "Surat Saudara Nomor 800/ 12 /KEC-BB/2026" in ack


# -- end to end ----------------------------------------------------------------------------------

@pytest.mark.mailstack
@pytest.mark.slow
def test_letters_by_pdf_docx_and_photo_through_the_stack(tmp_path, db_url, clock, clean_mailstack):
    stack = clean_mailstack
    desk = Desk(load_config(write_config(tmp_path, db_url, smtp_port=stack.smtp_port, imap_port=stack.imap_port)),
                clock)
    sent = [("Surat_Permohonan.pdf", "application/pdf", outage_letter()),
            ("surat permohonan jaringan.docx", DOCX, letter_docx()),
            ("IMG_20261203_091512.jpg", "image/jpeg", photo(page_image(outage_letter(
                agency="UPTD PUSKESMAS LIWA", number="440/1123/PKM-LW/XII/2026")), angle=2))]
    for attachment in sent:
        stack.send(make_mail(SHARED, "Surat", COVER, attachments=[attachment], when=clock.now()), SHARED, [SERVICE])
    stack.wait_for(SERVICE, len(sent))
    door = MailboxDoor(desk)
    try:
        door.poll_once()
    finally:
        door.close()
    deliver_due(desk)
    with desk.sessions() as s:
        tickets = {t.letter["filename"]: t for t in s.scalars(select(Ticket)) if t.letter}
    assert set(tickets) == {name for name, _, _ in sent}
    pdf, docx, jpg = (tickets[name] for name, _, _ in sent)
    assert (pdf.category, pdf.priority, pdf.opd_key, pdf.letter["source"]) == ("1.3", "tinggi", "kec_balikbukit", "pdf_text")
    assert (docx.category, docx.opd_key, docx.letter["source"]) == ("1.2", "dinkes", "docx")
    assert (jpg.category, jpg.opd_key, jpg.letter["source"]) == ("1.3", "pkm_liwa", "ocr")
    deadline = time.monotonic() + 15
    while len(requests := stack.fetch("kadis@lampungbaratkab.go.id")) < 3 and time.monotonic() < deadline:
        time.sleep(0.1)
    assert len(requests) == 3
    assert any(b"800/ 12 /KEC-BB/2026" in r and b"Permohonan Perbaikan Jaringan" in r for r in requests)
    assert any(b"005/217/III.02/DISKES/2026" in r for r in requests)
