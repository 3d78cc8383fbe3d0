"""SLA reminders, escalations, the digest and the heartbeat, with the clock set step by step
(directory transport; SQLite and PostgreSQL)."""
from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, select

from chain import KABID, KADIS, PRAKOM, RAHMAT, REQUESTER, answer, last_to, outbox, parsed, plain, reply_to, ticket
from conftest import REQUEST_BODY, T0, make_mail
from mailproc.core.clock import WIB
from mailproc.desk import Desk
from mailproc.intake.inbound import Inbound, Origin
from mailproc.service.loop import tick
from mailproc.sla import reminders
from mailproc.sla.work import heartbeat, send_digest
from mailproc.store.models import Assignment, Disposition, Heartbeat, SlaNotice, Ticket

CODE = "JIP-2026-0001"


def at(day: int, hour: int, minute: int = 0, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=WIB)


def sla_mail(desk) -> list:
    return [r for r in outbox(desk) if r.kind.startswith("sla_") and r.kind not in ("sla_digest", "sla_report")]


def open_ticket(desk, clock, when: datetime = T0) -> None:
    clock.set(when)
    raw = make_mail(REQUESTER, "Internet Puskesmas Liwa mati total", REQUEST_BODY, name="Bagian Umum Dinkes",
                    when=when)
    assert Inbound(desk).handle(raw, Origin("ingest")).ticket == CODE


def run(desk, clock, when: datetime) -> list:
    """Tick at ``when``; the SLA mail it queued."""
    clock.set(when)
    before = len(sla_mail(desk))
    tick(desk)
    return sla_mail(desk)[before:]


def test_kadis_step_reminders_and_escalation_each_once(desk, clock):
    open_ticket(desk, clock)
    request = last_to(desk, KADIS, "request_kadis")
    assert run(desk, clock, at(27, 9, 14)) == []
    [half] = run(desk, clock, at(27, 9, 15))
    assert half.recipients == [KADIS] and half.kind == "sla_remind_kadis"
    msg = parsed(half)
    assert msg["Subject"].startswith(f"[{CODE}] Pengingat")
    assert msg["In-Reply-To"] == request.message_id and request.message_id in msg["References"]
    assert "15 menit" in plain(half) and "Kode balasan:" in plain(half)
    assert run(desk, clock, at(27, 9, 15)) == [] and run(desk, clock, at(27, 9, 20)) == []
    [late] = run(desk, clock, at(27, 9, 24))
    assert late.recipients == [KADIS]
    [escalation] = run(desk, clock, at(27, 9, 30))
    msg = parsed(escalation)
    assert msg["To"] == KADIS and msg["Cc"] == KABID, "the Kadis again, the Kabid informed"
    assert "Eskalasi" in msg["Subject"] and CODE in msg["Subject"] and msg["In-Reply-To"] == request.message_id
    assert run(desk, clock, at(27, 10, 30)) == [] and run(desk, clock, at(30, 9, 0)) == []
    keys = [n.key for n in _notices(desk) if n.ticket_id]
    assert sorted(keys) == sorted(f"{CODE}:kadis:1:{k}" for k in ("remind:0.5", "remind:0.8", "escalate"))


def _notices(desk) -> list[SlaNotice]:
    with desk.sessions() as s:
        return list(s.scalars(select(SlaNotice).order_by(SlaNotice.id)))


def test_a_reply_to_a_reminder_works_like_a_reply_to_the_request(desk, clock):
    open_ticket(desk, clock)
    [reminder] = run(desk, clock, at(27, 9, 15))
    clock.set(at(27, 9, 16))
    result = Inbound(desk).handle(reply_to(reminder, KADIS, "SETUJU"), Origin("ingest"))
    assert result.reason == "forwarded" and ticket(desk).status == "awaiting_kabid"
    later = run(desk, clock, at(27, 9, 30))
    assert [r.kind for r in later] == ["sla_remind_kabid"], "the Kadis step is closed: no escalation"


def test_escalations_go_up_the_chain_and_the_requester_hears_at_breach(desk, clock):
    open_ticket(desk, clock)
    clock.set(at(27, 9, 5))
    answer(desk, KADIS, KADIS, "SETUJU")                                 # Kabid step: 09:05 - 09:20
    assert [r.recipients for r in run(desk, clock, at(27, 9, 18))] == [[KABID]], "only the latest rung: 80 %"
    [up] = run(desk, clock, at(27, 9, 20))
    assert (up.kind, parsed(up)["To"], parsed(up)["Cc"]) == ("sla_escalate_kabid", KADIS, KABID)
    clock.set(at(27, 9, 25))
    answer(desk, KABID, KABID, "SETUJU")                                 # Prakom step: 09:25 - 09:40
    [up] = run(desk, clock, at(27, 9, 45))
    assert (up.kind, parsed(up)["To"], parsed(up)["Cc"]) == ("sla_escalate_prakom", KABID, PRAKOM)
    clock.set(at(27, 9, 50))
    answer(desk, PRAKOM, PRAKOM, "TUGASKAN Rahmat Hidayat")              # 1.3 tinggi: 1 working day
    t = ticket(desk)
    assert t.status == "in_progress" and t.resolution_due_at == at(30, 9, 50)
    order = last_to(desk, RAHMAT, "request_officer")
    assert run(desk, clock, at(27, 15, 59)) == []
    assert run(desk, clock, at(28, 10, 0)) == [], "Saturday"
    [morning] = run(desk, clock, at(30, 8, 0))
    assert morning.recipients == [RAHMAT] and "hari ini" in morning.subject
    assert parsed(morning)["In-Reply-To"] == order.message_id
    assert run(desk, clock, at(30, 9, 49)) == []
    breach = run(desk, clock, at(30, 9, 50))
    kinds = {r.kind: r for r in breach}
    assert set(kinds) == {"sla_escalate_officer", "sla_requester_status"}
    escalation = parsed(kinds["sla_escalate_officer"])
    assert escalation["To"] == f"{PRAKOM}, {KABID}" and escalation["Cc"] == RAHMAT
    status = kinds["sla_requester_status"]
    assert status.recipients == [REQUESTER] and CODE in status.subject
    text = plain(status)
    assert "Rahmat Hidayat" in text and "kesepakatan para pihak" in text and "tidak ada" in text
    assert parsed(status)["In-Reply-To"] == ticket(desk).message_id, "threaded to the request, no token"
    assert run(desk, clock, at(30, 13, 0)) == [] and run(desk, clock, at(1, 9, 0, month=12)) == []


def test_nothing_outside_working_time_waits_for_the_next_working_instant(desk, clock):
    open_ticket(desk, clock, at(23, 15, 40, month=12))    # Wed before Christmas; 50 % due at 15:55
    assert run(desk, clock, at(23, 16, 5, month=12)) == []
    assert run(desk, clock, at(24, 9, 0, month=12)) == [], "cuti bersama"
    assert run(desk, clock, at(25, 9, 0, month=12)) == [], "Christmas"
    assert run(desk, clock, at(26, 10, 0, month=12)) == [], "Saturday"
    assert run(desk, clock, at(28, 7, 59, month=12)) == []
    [half] = run(desk, clock, at(28, 8, 0, month=12))
    assert half.kind == "sla_remind_kadis" and "10 menit" in plain(half)     # due Monday 08:10
    [late] = run(desk, clock, at(28, 8, 4, month=12))
    assert late.kind == "sla_remind_kadis"
    [escalation] = run(desk, clock, at(28, 8, 10, month=12))
    assert escalation.kind == "sla_escalate_kadis"


def test_a_deadline_at_the_end_of_the_day_escalates_next_morning(desk, clock):
    open_ticket(desk, clock, at(27, 15, 30))                               # due Friday 16:00 exactly
    assert [r.kind for r in run(desk, clock, at(27, 15, 59))] == ["sla_remind_kadis"]
    assert run(desk, clock, at(27, 16, 0)) == []
    assert [r.kind for r in run(desk, clock, at(30, 8, 0))] == ["sla_escalate_kadis"]


def test_restart_and_a_second_worker_do_not_repeat(desk, clock):
    open_ticket(desk, clock)
    assert len(run(desk, clock, at(27, 9, 15))) == 1
    again = Desk(desk.config, clock)                                       # a restart, or another worker
    assert run(again, clock, at(27, 9, 15)) == [] and run(again, clock, at(27, 9, 20)) == []
    with desk.transaction() as s:                                          # even without the scan watermark
        s.execute(delete(SlaNotice).where(SlaNotice.key == reminders.WATERMARK_KEY))
    assert run(again, clock, at(27, 9, 20)) == []
    with desk.transaction() as s:                                          # a racing worker's insert
        assert not reminders.claim(s, f"{CODE}:kadis:1:remind:0.5", "remind:0.5", T0, T0, 1)
        assert reminders.claim(s, "test:fresh", "test", T0, T0)
    assert len(run(again, clock, at(27, 9, 24))) == 1


def test_on_hold_gets_no_reminders_and_the_requester_hears_why(desk, clock):
    open_ticket(desk, clock)
    for who, text in ((KADIS, "SETUJU"), (KABID, "SETUJU"), (PRAKOM, "TUGASKAN Rahmat Hidayat")):
        answer(desk, who, who, text)
    clock.set(at(27, 10, 0))
    assert answer(desk, RAHMAT, RAHMAT, "TUNDA menunggu switch pengganti dari OPD").reason == "ticket put on hold"
    assert run(desk, clock, at(30, 9, 5)) == []
    assert run(desk, clock, at(3, 10, 0, month=12)) == []
    clock.set(at(4, 9, 0, month=12))
    assert answer(desk, RAHMAT, RAHMAT, "LANJUTKAN", kind="hold_notice").reason == "ticket resumed"
    due = ticket(desk).resolution_due_at
    assert due == at(4, 16, 0, month=12)       # what was left (7 working hours) from Friday 09:00
    assert run(desk, clock, at(4, 15, 59, month=12)) == [] and run(desk, clock, due) == []
    breach = run(desk, clock, at(7, 8, 0, month=12))                      # 16:00 is no longer working time
    status = next(r for r in breach if r.kind == "sla_requester_status")
    assert "menunggu switch pengganti dari OPD" in plain(status)


def test_the_digest_goes_once_each_working_day(desk, clock):
    open_ticket(desk, clock, at(26, 9, 0))                                 # breached by Friday
    clock.set(at(27, 8, 0))
    assert send_digest(desk).startswith("digest: sent")
    assert send_digest(desk).startswith("digest: already")
    [digest] = outbox(desk, kind="sla_digest")
    assert digest.recipients == [KABID, PRAKOM]
    text = plain(digest)
    assert "MELEWATI BATAS WAKTU (1)" in text and CODE in text and "Tiket terbuka: 1" in text
    assert parsed(digest).get_body(("html",)) is not None
    clock.set(at(28, 9, 0))
    assert "outside working time" in send_digest(desk)
    clock.set(at(30, 8, 0))
    send_digest(Desk(desk.config, clock))
    assert len(outbox(desk, kind="sla_digest")) == 2


def test_heartbeat_one_row_a_minute_filled_across_scheduler_drift(desk, clock):
    last: dict = {}
    clock.set(at(27, 9, 0))
    heartbeat(desk, last)
    heartbeat(Desk(desk.config, clock))                                    # a second worker, same minute
    clock.set(at(27, 9, 2).replace(second=5))
    heartbeat(desk, last)                                                  # 09:01 was skipped by drift
    with desk.sessions() as s:
        minutes = list(s.scalars(select(Heartbeat.minute).order_by(Heartbeat.minute)))
    assert minutes == [at(27, 9, 0), at(27, 9, 1), at(27, 9, 2)]


def test_window_scan_finds_every_notice_at_its_instant(desk, clock):
    """Resolution tickets with deadlines all over two working days; ticking every 5 minutes sends
    each ladder notice once, within 5 minutes of its instant (checks the due_at windows)."""
    start = at(27, 8, 0)
    with desk.transaction() as s:
        for n in range(12):
            due = desk.calendar.add(start, minutes=300 + 97 * n)          # Fri 13:00 .. Tue
            t = Ticket(code=f"JIP-2026-{900 + n:04d}", status="in_progress", category="1.3", priority="tinggi",
                       requester_email=REQUESTER, subject=f"uji {n}", body="-", created_at=start - timedelta(days=3),
                       updated_at=start, due_at=due, resolution_due_at=due)
            s.add(t)
            s.flush()
            s.add(Assignment(ticket_id=t.id, name="Rahmat Hidayat, A.Md.", nip="199205142019031007", email=RAHMAT))
            s.add(Disposition(ticket_id=t.id, step="officer", token=f"{n:032x}", message_id=f"<t{n}@x>",
                              requested_at=start - timedelta(days=3)))
    with desk.sessions() as s:
        expected = {n.key: n.instant for t in s.scalars(select(Ticket))
                    for n in reminders.ladder(desk, t, s.scalar(select(Disposition).where(Disposition.ticket_id == t.id)))
                    if n.instant >= start}      # earlier ones were overtaken by a later rung before the first tick
    now = start
    while now <= at(1, 16, 0, month=12):
        clock.set(now)
        reminders.send_due_notices(desk)
        now += timedelta(minutes=5)
    sent = {n.key: n.sent_at for n in _notices(desk) if n.ticket_id}
    assert set(sent) == set(expected)
    for key, instant in expected.items():
        assert timedelta(0) <= sent[key] - instant < timedelta(minutes=5), key
