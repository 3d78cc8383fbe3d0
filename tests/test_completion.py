"""Completion: the Berita Acara issued, recorded, verifiable, delivered only to the PJ, and the
PJ's answer (BELUM SELESAI / NILAI). Driven through real replies on the directory transport,
on SQLite and PostgreSQL."""
from __future__ import annotations

import email
import hashlib
import re
import shutil
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from conftest import REQUEST_BODY, ROOT, make_mail, write_config
from mailproc.documents.verification import export_berita_acara, verify_file
from mailproc.chain.dispositions import short_code
from mailproc.documents.signing import make_test_certificate, read_document_id, signature_status
from mailproc.intake.inbound import Inbound, Origin
from mailproc.store.models import Disposition, Document, OutboxMessage, Ticket
from mailproc.documents.verification import ExportError

KADIS = "kadis@lampungbaratkab.go.id"
KABID = "kabid.aptika@lampungbaratkab.go.id"
PRAKOM = "prakom@lampungbaratkab.go.id"
RAHMAT = "rahmat.hidayat@lampungbaratkab.go.id"
SITI = "siti.nurhaliza@lampungbaratkab.go.id"
AGUS = "agus.setiawan@lampungbaratkab.go.id"
REQUESTER = "umum@diskes.lampungbaratkab.go.id"
PJ = "kadis@diskes.lampungbaratkab.go.id"        # PJ of Dinas Kesehatan in rules/opd.toml
PJ_NAME, PJ_NIP = "dr. Nurcahyo Wibowo, M.Kes.", "197602142005011009"
SUBJECT = "Internet Puskesmas Liwa mati total"
REPORT = {"work_summary": "Mengganti konektor RJ45 kabel uplink dan menguji koneksi",
          "problem_summary": "Konektor kabel uplink ke switch rusak",
          "solution": "Memasang pelindung kabel di jalur kabel",
          "location": "Ruang server Puskesmas Liwa"}


def report_text(fields: dict[str, str] = REPORT) -> str:
    return ("SELESAI\nRingkasan Pekerjaan: {work_summary}\nRingkasan Masalah: {problem_summary}\n"
            "Alternatif Solusi: {solution}\nLokasi: {location}").format(**fields)


# -- driving the chain through real replies ------------------------------------------------------

def outbox(desk, *, code: str | None = None, kind: str | None = None, to: str | None = None) -> list[OutboxMessage]:
    with desk.sessions() as s:
        rows = list(s.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))
        ticket_id = s.scalar(select(Ticket.id).where(Ticket.code == code)) if code else None
    return [r for r in rows if (code is None or r.ticket_id == ticket_id) and (kind is None or r.kind == kind)
            and (to is None or to in r.recipients)]


def parsed(row_or_raw) -> EmailMessage:
    raw = row_or_raw.raw if hasattr(row_or_raw, "raw") else row_or_raw
    return email.message_from_bytes(raw, policy=policy.default)


def plain(row_or_raw) -> str:
    return parsed(row_or_raw).get_body(("plain",)).get_content()


def pdf_attachments(row_or_raw) -> list[bytes]:
    return [part.get_content() for part in parsed(row_or_raw).iter_attachments()
            if part.get_content_type() == "application/pdf"]


def reply(original, sender: str, text: str, when, *, thread: bool = True, subject: str | None = None) -> bytes:
    """A reply as a mail client writes it: typed text above the quoted original."""
    msg = parsed(original)
    quoted = "\n".join("> " + line for line in plain(original).splitlines())
    out = EmailMessage()
    out["From"] = sender
    out["To"] = "aptika@lampungbaratkab.go.id"
    out["Subject"] = subject if subject is not None else "Re: " + msg["Subject"]
    out["Date"] = format_datetime(when)
    out["Message-ID"] = make_msgid(domain=sender.split("@")[1])
    if thread:
        out["In-Reply-To"] = msg["Message-ID"]
        out["References"] = msg["Message-ID"]
    out.set_content(f"{text}\n\nPada {msg['Date']} {msg['From']} menulis:\n{quoted}\n")
    return bytes(out)


def answer(desk, code: str, kind: str, sender: str, text: str, **kw):
    """Reply to the newest mail of ``kind`` queued for ticket ``code``, and hand it to mailproc."""
    rows = outbox(desk, code=code, kind=kind)
    assert rows, f"no {kind} mail for {code}"
    desk.clock.advance(minutes=5)
    return Inbound(desk).handle(reply(rows[-1], sender, text, desk.clock.now(), **kw), Origin("ingest"))


def open_request(desk, sender: str = REQUESTER, subject: str = SUBJECT, name: str = "Bagian Umum Dinkes") -> str:
    result = Inbound(desk).handle(make_mail(sender, subject, REQUEST_BODY, name=name, when=desk.clock.now()),
                                  Origin("ingest"))
    assert result.outcome == "ticket", result
    return result.ticket


def drive_to_done(desk, sender: str = REQUESTER, *, assign: str = "TUGASKAN Rahmat Hidayat", reporter: str = RAHMAT,
                  report: dict[str, str] = REPORT, subject: str = SUBJECT, name: str = "Bagian Umum Dinkes") -> str:
    code = open_request(desk, sender, subject, name)
    assert answer(desk, code, "request_kadis", KADIS, "SETUJU").reason == "forwarded"
    assert answer(desk, code, "request_kabid", KABID, "SETUJU").reason == "forwarded"
    assert answer(desk, code, "request_prakom", PRAKOM, assign).reason == "assigned"
    assert answer(desk, code, "request_officer", reporter, report_text(report)).reason == "completed"
    return code


def ticket(desk, code: str) -> Ticket:
    with desk.sessions() as s:
        t = s.scalar(select(Ticket).where(Ticket.code == code))
        _ = t.events, t.assignees
        return t


def documents(desk, code: str) -> list[Document]:
    with desk.sessions() as s:
        return list(s.scalars(select(Document).join(Ticket, Ticket.id == Document.ticket_id)
                              .where(Ticket.code == code).order_by(Document.version)))


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(data)).pages)


def actions(desk, code: str) -> list[str]:
    return [e.action for e in ticket(desk, code).events]


# -- issued, recorded, delivered only to the PJ ----------------------------------------------------

def test_issued_recorded_and_mailed_to_the_pj_only(desk):
    code = drive_to_done(desk)
    t = ticket(desk, code)
    assert t.status == "done" and actions(desk, code)[-2:] == ["completed", "berita_acara_issued"]
    [doc] = documents(desk, code)
    stored = desk.storage / "berita-acara" / f"{code}-v1.pdf"
    pdf = stored.read_bytes()
    assert doc.version == 1 and not doc.superseded and not doc.signed
    assert doc.path == f"berita-acara/{code}-v1.pdf" and doc.sha256 == hashlib.sha256(pdf).hexdigest()
    assert re.fullmatch(r"[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{2}", doc.verification_code)
    assert read_document_id(pdf) == (code, 1, doc.verification_code)

    text = pdf_text(pdf)
    for value in (code, "Jumat, 27 November 2026", "Rahmat Hidayat, A.Md.", "199205142019031007", PJ_NAME, PJ_NIP,
                  "Dinas Kesehatan", doc.verification_code, *REPORT.values()):
        assert value in " ".join(text.split()), value
    ticked = [line for line in text.splitlines() if "☒" in line]
    assert len(ticked) == 1 and "1.3." in ticked[0] and text.count("☐") == 3

    with_pdf = [r for r in outbox(desk) if pdf_attachments(r)]
    assert len(with_pdf) == 1
    delivery = with_pdf[0]
    assert delivery.recipients == [PJ] and delivery.kind == "berita_acara"
    assert pdf_attachments(delivery) == [pdf]
    with desk.sessions() as s:
        pj_request = s.scalar(select(Disposition).where(Disposition.step == "pj"))
    assert delivery.message_id == pj_request.message_id and pj_request.decided_at is None
    body = plain(delivery)
    assert f"Kode balasan: {short_code(pj_request.token)}" in body
    assert "BELUM SELESAI" in body and "NILAI" in body and "5 hari kerja" in body and doc.verification_code in body
    assert parsed(delivery).get_body(("html",)) is not None
    # The officials, the officers and the requester are told it is done, without the document.
    assert not outbox(desk, kind="registry_incomplete")
    assert "penanggung jawab" in plain(outbox(desk, code=code, kind="update_completed")[-1])


def test_verify_export_and_a_changed_byte(desk, tmp_path):
    code = drive_to_done(desk)
    [doc] = documents(desk, code)
    stored = desk.storage / doc.path
    verdict = verify_file(desk, stored)
    assert verdict.genuine and verdict.ticket == code and verdict.version == 1 and verdict.current
    assert "ASLI" in verdict.text and "versi yang berlaku" in verdict.text and "27 November 2026" in verdict.text

    exported = Path(export_berita_acara(desk, code, tmp_path / "salinan.pdf"))
    assert exported.read_bytes() == stored.read_bytes()
    assert export_berita_acara(desk, code, None) == str(stored)
    with pytest.raises(ExportError):
        export_berita_acara(desk, "JIP-2026-9999", None)

    data = bytearray(stored.read_bytes())
    middle = len(data) // 2
    data[middle] ^= 0x01
    altered = tmp_path / "diubah.pdf"
    altered.write_bytes(bytes(data))
    verdict = verify_file(desk, altered)
    assert not verdict.genuine and verdict.ticket == code
    assert "diubah atau tidak diterbitkan oleh layanan ini" in verdict.text

    foreign = tmp_path / "lain.pdf"
    foreign.write_bytes(b"%PDF-1.4\n% not ours\n%%EOF\n")
    verdict = verify_file(desk, foreign)
    assert not verdict.genuine and "bukan Berita Acara" in verdict.text
    assert not verify_file(desk, tmp_path / "tidak-ada.pdf").genuine


def test_signed_berita_acara_validates(desk, tmp_path, monkeypatch):
    p12, passphrase, ca_pem = make_test_certificate(tmp_path / "pki")
    monkeypatch.setenv("MAILPROC_SIGNING_KEY", str(p12))
    monkeypatch.setenv("MAILPROC_SIGNING_PASSWORD", passphrase.decode())
    code = drive_to_done(desk)
    [doc] = documents(desk, code)
    pdf = (desk.storage / doc.path).read_bytes()
    assert doc.signed and doc.sha256 == hashlib.sha256(pdf).hexdigest()
    status = signature_status(pdf, [ca_pem])
    assert status.ok and status.trusted and status.signer == "Service Desk Aptika (test)"
    verdict = verify_file(desk, desk.storage / doc.path)
    assert verdict.genuine and "Tanda tangan elektronik sah" in verdict.text
    assert [pdf_attachments(r) for r in outbox(desk, kind="berita_acara")] == [[pdf]]

    # Bytes appended after the signature (an incremental update) no longer match the record.
    appended = tmp_path / "ditambah.pdf"
    appended.write_bytes(pdf + b"\n% appended\n")
    verdict = verify_file(desk, appended)
    assert not verdict.genuine and "diubah atau tidak diterbitkan" in verdict.text


def test_unusable_signing_key_issues_unsigned_and_alerts_admin(desk, tmp_path, monkeypatch):
    broken = tmp_path / "rusak.p12"
    broken.write_bytes(b"not a pkcs12 file")
    monkeypatch.setenv("MAILPROC_SIGNING_KEY", str(broken))
    code = drive_to_done(desk)
    [doc] = documents(desk, code)
    assert not doc.signed and verify_file(desk, desk.storage / doc.path).genuine
    [alert] = outbox(desk, kind="admin_alert")
    assert "TANPA tanda tangan" in plain(alert)


def test_mail_text_goes_into_the_pdf_as_data(desk):
    hostile = {**REPORT, "work_summary": "<b>tebal</b> & {{ 7*7 }} <img src=\"http://example.net/x.png\">",
               "location": "Ruang <script>alert(1)</script> server"}
    code = drive_to_done(desk, report=hostile)
    text = " ".join(pdf_text((desk.storage / documents(desk, code)[0].path).read_bytes()).split())
    assert "<b>tebal</b> & {{ 7*7 }}" in text and "49" not in text
    assert "<script>alert(1)</script>" in text
    html = parsed(outbox(desk, kind="berita_acara")[0]).get_body(("html",)).get_content()
    assert "<b>tebal</b>" not in html and "&lt;b&gt;tebal&lt;/b&gt;" in html


def test_three_officers_and_the_reporter_signs(desk):
    code = drive_to_done(desk, assign="TUGASKAN Rahmat Hidayat, Siti Nurhaliza, Agus Setiawan", reporter=SITI)
    text = pdf_text((desk.storage / documents(desk, code)[0].path).read_bytes())
    flat = " ".join(text.split())
    assert flat.index("1. Siti Nurhaliza") < flat.index("2. Rahmat Hidayat") < flat.index("3. Agus Setiawan")
    assert flat.count("199408232020122015") == 2    # listed, and under the "Petugas" signature
    # None of the three officers receives the document.
    assert [r.recipients for r in outbox(desk) if pdf_attachments(r)] == [[PJ]]


# -- the PJ's answer ----------------------------------------------------------------------------

def test_reopen_then_done_again_issues_version_2(desk):
    code = drive_to_done(desk)
    result = answer(desk, code, "berita_acara", PJ, "BELUM SELESAI internet di ruang farmasi masih mati")
    assert result.reason == "ticket reopened"
    t = ticket(desk, code)
    assert t.status == "in_progress" and t.closed_at is None and t.due_at == t.resolution_due_at
    assert t.resolution_due_at > desk.clock.now()
    assert t.events[-1].action == "reopened" and "ruang farmasi" in t.events[-1].detail
    orders = outbox(desk, code=code, kind="request_officer")
    assert len(orders) == 2 and orders[-1].recipients == [RAHMAT]
    note = outbox(desk, code=code, kind="ba_reopened_officers")[-1]
    assert note.recipients == [RAHMAT] and "ruang farmasi masih mati" in plain(note)
    ack = outbox(desk, code=code, kind="ba_reopened")[-1]
    assert ack.recipients == [PJ, REQUESTER] and "dibuka kembali" in plain(ack)
    assert "Alasan: internet di ruang farmasi masih mati" in plain(ack)
    assert not any(pdf_attachments(r) for r in (note, ack, orders[-1]))

    # The first SELESAI's token is spent: the officer answers the new work order.
    again = {**REPORT, "work_summary": "Mengganti access point di ruang farmasi"}
    assert answer(desk, code, "request_officer", RAHMAT, report_text(again)).reason == "completed"
    v1, v2 = documents(desk, code)
    assert (v1.version, v1.superseded, v2.version, v2.superseded) == (1, True, 2, False)
    assert v1.verification_code != v2.verification_code
    deliveries = outbox(desk, code=code, kind="berita_acara")
    assert len(deliveries) == 2 and deliveries[-1].recipients == [PJ] and "(versi 2)" in deliveries[-1].subject
    assert "ruang farmasi" in " ".join(pdf_text(pdf_attachments(deliveries[-1])[0]).split())
    old = verify_file(desk, desk.storage / v1.path)
    assert old.genuine and old.current is False and "TIDAK BERLAKU LAGI" in old.text
    assert verify_file(desk, desk.storage / v2.path).current
    # The answer to version 1 is closed; version 2's request is open.
    assert answer(desk, code, "ba_reopened", PJ, "NILAI 2").reason.startswith("rating not counted: no open")
    assert answer(desk, code, "berita_acara", PJ, "NILAI 5").reason == "rated 5"


def test_rating_is_recorded(desk):
    code = drive_to_done(desk)
    assert answer(desk, code, "berita_acara", PJ, "NILAI 4 cepat dan rapi, terima kasih").reason == "rated 4"
    t = ticket(desk, code)
    assert t.status == "done" and t.rating == 4 and t.rating_comment.startswith("cepat dan rapi")
    assert t.events[-1].action == "rated"
    thanks = outbox(desk, code=code, kind="ba_rated")[-1]
    assert thanks.recipients == [PJ] and "4 dari 5" in plain(thanks)


def test_reopen_after_the_window_is_answered_politely(desk):
    code = drive_to_done(desk)                       # Friday 27 November, 09:20
    desk.clock.advance(days=10)                      # 7 working days later
    result = answer(desk, code, "berita_acara", PJ, "BELUM SELESAI masih putus-putus")
    assert result.reason == "reopen refused: the window has passed"
    t = ticket(desk, code)
    assert t.status == "done" and t.events[-1].action == "reopen_refused"
    late = outbox(desk, code=code, kind="ba_reopen_late")[-1]
    assert late.recipients == [PJ] and "permohonan baru" in plain(late) and "telah lewat" in plain(late)
    assert len(documents(desk, code)) == 1 and len(outbox(desk, code=code, kind="request_officer")) == 1


def test_only_the_pj_with_the_token_counts(desk):
    code = drive_to_done(desk)
    # The requester (same OPD, not the PJ) answers the completion notice: the workflow's own
    # handling applies (a problem reported again becomes a new ticket), the closed ticket stays closed.
    assert answer(desk, code, "update_completed", REQUESTER, "BELUM SELESAI masih mati").reason.startswith(
        "problem reported again")
    # The requester got hold of the delivery (forwarded) and rates on it, token and all.
    result = answer(desk, code, "berita_acara", REQUESTER, "NILAI 1 lambat")
    assert result.reason == f"rating not counted: {REQUESTER} is not the PJ ({PJ})"
    assert "belum kami catat" in plain(outbox(desk, code=code, kind="ba_not_counted")[-1])
    # An official answers the delivery.
    assert answer(desk, code, "berita_acara", KADIS, "BELUM SELESAI").reason.startswith("unauthorized")
    # The PJ writes without the token (a new mail with the ticket tag in the subject).
    desk.clock.advance(minutes=5)
    result = Inbound(desk).handle(make_mail(PJ, f"[{code}] penilaian", "NILAI 5 bagus", when=desk.clock.now()),
                                  Origin("ingest"))
    assert result.reason.startswith("rating not counted: no open Berita Acara request")
    t = ticket(desk, code)
    assert t.status == "done" and t.rating is None
    assert not {"reopened", "rated", "reopen_refused"} & set(actions(desk, code))
    assert len(documents(desk, code)) == 1 and len(outbox(desk, code=code, kind="request_officer")) == 1
    assert not outbox(desk, kind="ba_rated") and not outbox(desk, kind="ba_reopened")
    # A thank-you from the PJ is no answer: the workflow records it.
    assert answer(desk, code, "berita_acara", PJ, "Terima kasih, sudah diterima").reason == \
        "requester wrote on a closed ticket"
    # The PJ, answering the delivery, does count.
    assert answer(desk, code, "berita_acara", PJ, "Nilai: 5").reason == "rated 5"


# -- no registered PJ: the requester stands in, the Pranata Komputer is asked once ---------------

def test_stand_in_requester_and_prakom_asked_once(desk):
    staff = "staf.umum@lampungbaratkab.go.id"         # allowed domain, no OPD
    first = drive_to_done(desk, staff, name="Staf Umum Setda", subject="Internet ruang rapat mati")
    second = drive_to_done(desk, staff, name="Staf Umum Setda", subject="Internet ruang arsip mati")
    [doc] = documents(desk, first)
    text = " ".join(pdf_text((desk.storage / doc.path).read_bytes()).split())
    assert "Staf Umum Setda NIP. -" in text and "(OPD belum terdaftar)" in text
    deliveries = outbox(desk, kind="berita_acara")
    assert [r.recipients for r in deliveries] == [[staff], [staff]]
    assert "sebagai pemohon" in plain(deliveries[0])
    [asked] = outbox(desk, kind="registry_incomplete")
    assert asked.recipients == [PRAKOM] and staff in asked.subject and not pdf_attachments(asked)
    assert "nama, NIP" in plain(asked)
    # The stand-in's answer counts like the PJ's.
    assert answer(desk, second, "berita_acara", staff, "NILAI 5").reason == "rated 5"
    other = drive_to_done(desk, "tu.lain@lampungbaratkab.go.id", name="TU", subject="Internet aula mati")
    assert len(outbox(desk, kind="registry_incomplete")) == 2 and other


@pytest.fixture
def desk_without_pj(tmp_path, db_url, clock):
    """The shipped rules plus an OPD registered without a PJ; the requester also gets a copy."""
    from mailproc.core.config import load_config
    from mailproc.desk import Desk
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    with (rules / "opd.toml").open("a", encoding="utf-8") as fh:
        fh.write('\n[opd.uptd_uji]\nname = "UPTD Uji Tanpa PJ"\ndomains = ["uptd-uji.lampungbaratkab.go.id"]\n')
    path = write_config(tmp_path, db_url, replace={f'rules_dir = "{ROOT / "rules"}"': f'rules_dir = "{rules}"',
                                                   "copy_to_requester = false": "copy_to_requester = true"})
    return Desk(load_config(path), clock)


def test_opd_without_pj_and_copy_to_requester(desk_without_pj):
    desk = desk_without_pj
    a, b = "it@uptd-uji.lampungbaratkab.go.id", "tu@uptd-uji.lampungbaratkab.go.id"
    drive_to_done(desk, a, name="IT UPTD", subject="Internet UPTD mati")
    drive_to_done(desk, b, name="TU UPTD", subject="Internet TU UPTD mati")
    assert [r.recipients for r in outbox(desk, kind="berita_acara")] == [[a], [b]]
    [asked] = outbox(desk, kind="registry_incomplete")
    assert "UPTD Uji Tanpa PJ (uptd_uji)" in asked.subject
    # A registered PJ with copy_to_requester: the PJ and the requester, nobody else.
    code = drive_to_done(desk, "operator.suoh@gmail.com", name="Operator Suoh", subject="Internet kantor camat mati")
    delivery = outbox(desk, code=code, kind="berita_acara")[-1]
    assert delivery.recipients == ["camat@kec-suoh.lampungbaratkab.go.id", "operator.suoh@gmail.com"]
    assert "Sukirman, S.Sos." in " ".join(pdf_text(pdf_attachments(delivery)[0]).split())
