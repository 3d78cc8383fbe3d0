"""The disposition chain by email (directory transport; SQLite and PostgreSQL)."""
from __future__ import annotations

import pytest

from chain import (KABID, KADIS, PRAKOM, RAHMAT, REPORT, REQUESTER, SITI, answer, last_to, outbox, plain, reply_to,
                   ticket)
from conftest import REQUEST_BODY, make_mail
from mailproc.intake.inbound import Inbound, Origin


@pytest.fixture
def opened(desk):
    raw = make_mail(REQUESTER, "Internet Puskesmas Liwa mati total", REQUEST_BODY, name="Bagian Umum Dinkes")
    assert Inbound(desk).handle(raw, Origin("ingest")).ticket == "JIP-2026-0001"
    return desk


def actions(desk) -> list[str]:
    return [e.action for e in ticket(desk).events]


def test_whole_chain(opened, clock):
    desk = opened
    request = last_to(desk, KADIS)
    text = plain(request)
    assert "[JIP-2026-0001] Mohon disposisi: Internet Puskesmas Liwa mati total" == request.subject
    assert "SETUJU" in text and "TOLAK" in text and "Kode balasan:" in text and "mati total" in text
    assert answer(desk, KADIS, KADIS, "SETUJU, segera ditindaklanjuti").reason == "forwarded"
    assert ticket(desk).status == "awaiting_kabid"
    assert answer(desk, KABID, KABID, "Setuju").reason == "forwarded"
    prakom_text = plain(last_to(desk, PRAKOM))
    assert "199205142019031007" in prakom_text and "Siti Nurhaliza" in prakom_text
    assert answer(desk, PRAKOM, PRAKOM, "TUGASKAN Rahmat Hidayat dan Bu Siti").reason == "assigned"
    t = ticket(desk)
    assert t.status == "in_progress" and {a.email for a in t.assignees} == {RAHMAT, SITI}
    assert t.resolution_due_at is not None and t.due_at == t.resolution_due_at
    order = last_to(desk, RAHMAT)
    assert SITI in order.recipients and "Perintah kerja" in order.subject
    assert "Kontak pemohon" in plain(order)
    update = last_to(desk, REQUESTER, "update_assigned")
    assert "Rahmat Hidayat" in plain(update)
    assert answer(desk, RAHMAT, SITI, REPORT).reason == "completed"
    t = ticket(desk)
    assert t.status == "done" and t.report["location"] == "Ruang server Puskesmas Liwa"
    assert actions(desk) == ["created", "forwarded", "forwarded", "assigned", "completed", "berita_acara_issued"]
    assert last_to(desk, REQUESTER, "update_completed")


def test_reject_with_reason(opened):
    assert answer(opened, KADIS, KADIS, "TOLAK bukan kewenangan Diskominfo").reason == "rejected"
    t = ticket(opened)
    assert t.status == "rejected" and t.events[-1].detail.lower().startswith("bukan kewenangan")
    assert "bukan kewenangan Diskominfo" in plain(last_to(opened, REQUESTER, "update_rejected"))


def test_negation_is_rejection_and_tolong_is_not(opened):
    assert answer(opened, KADIS, KADIS, "Tolong dicek dulu ya").reason.startswith("reply not understood")
    assert ticket(opened).status == "awaiting_kadis"
    assert answer(opened, KADIS, KADIS, "Belum dapat disetujui, anggaran habis").reason == "rejected"


def test_hold_and_resume_by_someone_above(opened, clock):
    desk = opened
    answer(desk, KADIS, KADIS, "SETUJU")
    clock.advance(minutes=5)
    assert answer(desk, KABID, KABID, "Setuju, tapi TUNDA dulu sampai anggaran perangkat tersedia").reason == \
        "ticket put on hold"
    t = ticket(desk)
    assert t.status == "on_hold" and t.held_from == "awaiting_kabid" and "anggaran" in t.hold_reason
    held_mail = plain(last_to(desk, REQUESTER, "update_held"))
    assert "mengadakan peralatan secara mandiri" in held_mail
    clock.advance(days=3)   # Monday
    # The Kadis (above the Kabid) resumes from the hold notice, which was copied to them.
    assert answer(desk, KADIS, KADIS, "LANJUTKAN", kind="hold_notice").reason == "ticket resumed"
    t = ticket(desk)
    assert t.status == "awaiting_kabid"
    resumed = t.events[-1]
    assert resumed.action == "resumed" and "ditunda" in resumed.detail
    assert resumed.data["paused_working_minutes"] > 0
    assert answer(desk, KABID, KABID, "setuju").reason == "forwarded"


def test_officer_may_not_resume_a_kabid_hold(opened):
    desk = opened
    answer(desk, KADIS, KADIS, "SETUJU")
    answer(desk, KABID, KABID, "TUNDA menunggu switch baru")
    hold_notice = last_to(desk, KABID, "hold_notice")
    result = Inbound(desk).handle(reply_to(hold_notice, RAHMAT, "LANJUTKAN"), Origin("ingest"))
    assert result.reason.startswith("unauthorized") and ticket(desk).status == "on_hold"


def test_unclear_reply_gets_an_answer_and_changes_nothing(opened):
    assert answer(opened, KADIS, KADIS, "Ini maksudnya bagaimana?").reason.startswith("reply not understood")
    assert ticket(opened).status == "awaiting_kadis" and actions(opened)[-1] == "reply_unclear"
    assert "SETUJU" in plain(last_to(opened, KADIS, "reply_unclear"))


def test_acknowledgement_alone_is_not_a_decision(opened):
    assert answer(opened, KADIS, KADIS, "Siap, terima kasih").reason == "acknowledgement without a decision"
    assert ticket(opened).status == "awaiting_kadis" and not outbox(opened, KADIS, "reply_unclear")


@pytest.mark.parametrize("headers,subject", [
    ({"Auto-Submitted": "auto-replied"}, None),
    ({}, "Balasan Otomatis: Di luar kantor"),
    ({}, None),   # no headers at all: recognised from the text
])
def test_out_of_office_from_an_official(opened, headers, subject):
    text = "Saya sedang cuti sampai tanggal 4 Desember 2026 dan tidak dapat membalas email. Terima kasih."
    raw = reply_to(last_to(opened, KADIS), KADIS, text, headers=headers, subject=subject)
    Inbound(opened).handle(raw, Origin("ingest"))
    assert ticket(opened).status == "awaiting_kadis"
    assert not outbox(opened, KADIS, "reply_unclear")


def test_unknown_officer_gets_the_list(opened):
    answer(opened, KADIS, KADIS, "SETUJU")
    answer(opened, KABID, KABID, "SETUJU")
    assert answer(opened, PRAKOM, PRAKOM, "TUGASKAN Budi Santoso").reason.startswith("reply not understood")
    text = plain(last_to(opened, PRAKOM, "reply_unclear"))
    assert "Budi Santoso" in text and "Rahmat Hidayat" in text and "199205142019031007" in text
    assert answer(opened, PRAKOM, PRAKOM, "Setuju").reason.startswith("reply not understood")   # whom?
    assert ticket(opened).status == "awaiting_prakom"


def test_missing_report_fields_are_asked_for_and_kept(opened):
    for addr, text in ((KADIS, "SETUJU"), (KABID, "SETUJU"), (PRAKOM, "TUGASKAN Rahmat")):
        answer(opened, addr, addr, text)
    partial = "SELESAI\nRingkasan Pekerjaan: Mengganti konektor\nLokasi: Ruang server"
    assert answer(opened, RAHMAT, RAHMAT, partial).reason == "report incomplete"
    ask = plain(last_to(opened, RAHMAT, "report_incomplete"))
    assert "Ringkasan Masalah" in ask and "Alternatif Solusi" in ask and "Mengganti konektor" in ask
    rest = "SELESAI\nRingkasan Masalah: Konektor rusak\nAlternatif Solusi: Pelindung kabel"
    assert answer(opened, RAHMAT, RAHMAT, rest, kind="report_incomplete").reason == "completed"
    assert ticket(opened).report == {"work_summary": "Mengganti konektor", "location": "Ruang server",
                                     "problem_summary": "Konektor rusak", "solution": "Pelindung kabel"}


def test_delegate_acts_for_the_kadis(tmp_path, db_url, clock):
    from conftest import write_config
    from mailproc.core.config import load_config
    from mailproc.desk import Desk
    desk = Desk(load_config(write_config(tmp_path, db_url, replace={
        'email = "kadis@lampungbaratkab.go.id"\ndelegates = []':
        'email = "kadis@lampungbaratkab.go.id"\ndelegates = ["plt.kadis@lampungbaratkab.go.id"]'})), clock)
    Inbound(desk).handle(make_mail(REQUESTER, "Internet mati total", REQUEST_BODY), Origin("ingest"))
    assert answer(desk, KADIS, "plt.kadis@lampungbaratkab.go.id", "SETUJU").reason == "forwarded"
    event = ticket(desk).events[-1]
    assert event.actor == "plt.kadis@lampungbaratkab.go.id" and event.on_behalf_of == KADIS


# -- forgeries: none of these may move the ticket ------------------------------------------------

def test_forged_from_without_token(opened):
    raw = make_mail(KADIS, "Re: [JIP-2026-0001] Mohon disposisi: Internet Puskesmas Liwa mati total", "SETUJU")
    result = Inbound(opened).handle(raw, Origin("ingest"))
    assert result.reason.startswith("unauthorized")
    t = ticket(opened)
    assert t.status == "awaiting_kadis" and t.events[-1].action == "reply_unauthorized"
    assert t.events[-1].data["raw_sha256"]


def test_wrong_person_with_a_valid_token(opened):
    result = answer(opened, KADIS, KABID, "SETUJU")
    assert result.reason.startswith("unauthorized") and ticket(opened).status == "awaiting_kadis"


def test_token_of_an_earlier_step_and_replay(opened):
    first = last_to(opened, KADIS)
    assert Inbound(opened).handle(reply_to(first, KADIS, "SETUJU"), Origin("ingest")).reason == "forwarded"
    # The same decision sent again (a new message) is a replay of a closed request.
    again = Inbound(opened).handle(reply_to(first, KADIS, "TOLAK saya berubah pikiran"), Origin("ingest"))
    assert again.reason.startswith("unauthorized") and ticket(opened).status == "awaiting_kabid"
    # The Kabid answering the Kadis's (closed) request.
    other = Inbound(opened).handle(reply_to(first, KABID, "SETUJU"), Origin("ingest"))
    assert other.reason.startswith("unauthorized") and ticket(opened).status == "awaiting_kabid"


def test_token_of_another_ticket(opened):
    Inbound(opened).handle(make_mail(REQUESTER, "Wifi aula lemot", "wifi di aula lemot mohon dicek"), Origin("ingest"))
    second_request = last_to(opened, KADIS)
    assert "JIP-2026-0002" in second_request.subject
    forged = reply_to(second_request, KADIS, "SETUJU",
                      subject="Re: [JIP-2026-0001] Mohon disposisi: Internet Puskesmas Liwa mati total", thread=False)
    forged = forged.replace(b"Subject:", b"In-Reply-To: " + second_request.message_id.replace(
        "JIP-2026-0002", "JIP-2026-0001").encode() + b"\r\nSubject:", 1)
    result = Inbound(opened).handle(forged, Origin("ingest"))
    assert ticket(opened).status == "awaiting_kadis"
    assert result.reason.startswith("unauthorized")


# -- the requester on the thread ------------------------------------------------------------------

def test_requester_detail_is_forwarded_to_the_holder(opened):
    ack = last_to(opened, REQUESTER, "acknowledgement")
    raw = reply_to(ack, REQUESTER, "Tambahan: foto perangkat terlampir. Lampu LOS pada ONT menyala merah.")
    assert Inbound(opened).handle(raw, Origin("ingest")).reason == "requester added information"
    forwarded = last_to(opened, KADIS, "requester_info")
    assert "LOS pada ONT" in plain(forwarded)
    assert ticket(opened).status == "awaiting_kadis"


def test_reply_on_a_closed_ticket(opened):
    answer(opened, KADIS, KADIS, "TOLAK sudah ditangani vendor")
    update = last_to(opened, REQUESTER, "update_rejected")
    thanks = Inbound(opened).handle(reply_to(update, REQUESTER, "Baik, terima kasih."), Origin("ingest"))
    assert thanks.reason == "requester wrote on a closed ticket"
    again = reply_to(update, REQUESTER, "Mohon maaf, internet di puskesmas mati lagi sejak pagi, mohon dicek kembali.")
    result = Inbound(opened).handle(again, Origin("ingest"))
    assert result.reason.startswith("problem reported again: new ticket JIP-2026-0002")
    assert ticket(opened, "JIP-2026-0002").parent_id == ticket(opened).id


def test_html_only_outlook_reply(opened):
    request = last_to(opened, KADIS)
    html = ("<html><body><div>Setuju, lanjutkan.</div><div id=\"appendonsend\"></div><hr>"
            "<div id=\"divRplyFwdMsg\"><b>Dari:</b> Service Desk<br><b>Dikirim:</b> Jumat, 27 November 2026<br>"
            "<b>Perihal:</b> Mohon disposisi</div><div>TOLAK &lt;alasan&gt; tolak permohonan. TUNDA</div></body></html>")
    msg = __import__("email").message_from_bytes(reply_to(request, KADIS, "x", quote=False),
                                                  policy=__import__("email").policy.default)
    msg.clear_content()
    msg.set_content(html, subtype="html")
    assert Inbound(opened).handle(bytes(msg), Origin("ingest")).reason == "forwarded"


def test_an_official_whose_reply_did_not_count_hears_why_once(opened):
    first = last_to(opened, KADIS)
    Inbound(opened).handle(reply_to(first, KADIS, "SETUJU"), Origin("ingest"))
    for text in ("TOLAK saya berubah pikiran", "TOLAK sekali lagi"):   # answers to a request already decided
        assert Inbound(opened).handle(reply_to(first, KADIS, text), Origin("ingest")).reason.startswith("unauthorized")
    answers = outbox(opened, KADIS, "reply_not_counted")
    assert len(answers) == 1   # once an hour, not per message
    text = plain(answers[0])
    assert "tidak mengubah tiket" in text and "menunggu disposisi Kepala Bidang Aptika" in text
    assert not outbox(opened, KABID, "reply_not_counted")
