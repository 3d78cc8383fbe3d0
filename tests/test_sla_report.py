"""The monthly SLA report: a month of tickets with known timings, the CSV checked against figures
computed here, and the PDF rendered (SQLite and PostgreSQL)."""
from __future__ import annotations

import csv
import json
import shutil
import statistics
import subprocess
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from mailproc.core.clock import WIB
from mailproc.sla.report import build_report, write_monthly_report
from mailproc.sla.status import ticket_sla
from mailproc.store.models import Disposition, Event, Heartbeat, InboundMessage, Ticket

REQUESTER = "umum@diskes.lampungbaratkab.go.id"
CATEGORIES = ("1.1", "1.2", "1.3", "1.4")
REPORT_AT = datetime(2026, 12, 1, 10, 0, tzinfo=WIB)


def at(day: int, hour: int, minute: int = 0, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=WIB)


class Month:
    """Builds tickets whose step durations (working minutes) are chosen here, and remembers them."""

    def __init__(self, desk, s):
        self.desk, self.s, self.n = desk, s, 0
        self.minutes: dict[tuple[str, str], list[float]] = {}
        self.outcome: dict[tuple[str, str], list[bool]] = {}      # evaluated steps: met?

    def note(self, category: str, step: str, minutes: float | None, met: bool | None) -> None:
        for key in ((category, step), ("semua", step)):
            if minutes is not None:
                self.minutes.setdefault(key, []).append(minutes)
            if met is not None:
                self.outcome.setdefault(key, []).append(met)

    def disposition(self, ticket: Ticket, step: str, start: datetime, minutes: float | None, decision: str):
        end = self.desk.calendar.add(start, minutes=minutes) if minutes is not None else None
        self.s.add(Disposition(ticket_id=ticket.id, step=step, token=f"{ticket.id:016x}{step:0>16}"[:32] + step,
                               message_id=f"<{ticket.code}.{step}.{start.timestamp()}@x>", requested_at=start,
                               decided_at=end, decision=decision if end else None))
        return end

    def ticket(self, created: datetime, category: str, steps: tuple[float, float, float], resolution: float | None,
               days: int = 2, rating: int | None = None, priority: str = "sedang") -> Ticket:
        self.n += 1
        cal, sla = self.desk.calendar, self.desk.sla
        t = Ticket(code=f"JIP-2026-{self.n:04d}", status="in_progress", category=category, priority=priority,
                   requester_email=REQUESTER, subject=f"Jaringan {self.n}", body="-", created_at=created,
                   updated_at=created, rating=rating)
        self.s.add(t)
        self.s.flush()
        self.note(category, "registration", 0.0, True)
        start = created
        for step, minutes in zip(("kadis", "kabid", "prakom"), steps):
            start = self.disposition(t, step, start, minutes, "approve" if step != "prakom" else "assign")
            self.note(category, step, minutes, minutes <= sla.target_minutes(cal, step))
        t.work_starts_at = start
        t.resolution_due_at = cal.add_working_days(start, sla.resolution_days(category, priority))
        end = self.disposition(t, "officer", start, resolution, "done")
        if end is not None:
            t.status, t.closed_at = "done", end
            self.note(category, "resolution", resolution, end <= t.resolution_due_at)
        else:
            t.due_at = t.resolution_due_at
            late = REPORT_AT > t.resolution_due_at
            self.note(category, "resolution", None, False if late else None)
        return t


@pytest.fixture
def month(desk, clock):
    clock.set(REPORT_AT)
    cal = desk.calendar
    with desk.transaction() as s:
        m = Month(desk, s)
        days = [d for d in range(2, 28) if cal.is_working_day(at(d, 9).date())]
        for i, day in enumerate(days):
            category = CATEGORIES[i % 4]
            steps = (10 + (i * 7) % 35, 5 + (i * 5) % 20, 4 + (i * 3) % 16)    # some over 30/15/15
            resolution = 120 + (i * 211) % 1500 if i % 9 else None             # a few still open
            m.ticket(at(day, 9), category, steps, resolution, rating=3 + i % 3 if resolution else None)
        # Read from the mailbox four working hours after it was sent: a registration breach.
        late = m.ticket(at(30, 13), "1.3", (10, 5, 5), None)
        s.add(InboundMessage(dedupe_key="late", raw_sha256="0" * 64, raw_size=1, source="imap",
                             received_at=at(30, 13), sent_date=at(27, 13), outcome="ticket", ticket_id=late.id))
        s.flush()
        late.inbound_id = s.scalar(select(InboundMessage.id).where(InboundMessage.dedupe_key == "late"))
        m.late = late.code
        for k in (("1.3", "registration"), ("semua", "registration")):
            m.minutes[k][-1], m.outcome[k][-1] = 480.0, False                # Fri 13-16 + Mon 08-13
        # A ticket still waiting for the Kadis at the end of the month: open and over its target.
        waiting = Ticket(code="JIP-2026-0099", status="awaiting_kadis", category="1.4", priority="sedang",
                         requester_email=REQUESTER, subject="Menunggu", body="-", created_at=at(30, 15),
                         updated_at=at(30, 15), due_at=cal.add(at(30, 15), minutes=30))
        s.add(waiting)
        s.flush()
        m.disposition(waiting, "kadis", at(30, 15), None, "")
        m.note("1.4", "registration", 0.0, True)
        m.note("1.4", "kadis", None, False)
        # Held at the Kabid step for a day: 5 + 5 working minutes, the hold does not count.
        held = m.ticket(at(3, 9, 30), "1.1", (10, 5, 5), 200)
        kabid = s.scalar(select(Disposition).where(Disposition.ticket_id == held.id, Disposition.step == "kabid"))
        kabid.decision = "hold"
        s.add(Disposition(ticket_id=held.id, step="kabid", token="h" * 32, message_id="<held@x>",
                          requested_at=at(4, 9), decided_at=at(4, 9, 5), decision="approve"))
        s.add(Event(ticket_id=held.id, at=kabid.decided_at, actor="kabid.aptika@lampungbaratkab.go.id",
                    action="held", detail="menunggu anggaran perangkat"))
        s.add(Event(ticket_id=held.id, at=at(4, 9), actor="kabid.aptika@lampungbaratkab.go.id", action="resumed"))
        for k in (("1.1", "kabid"), ("semua", "kabid")):
            m.minutes[k][-1] = 10.0
        # Heartbeats: all of Monday 2 November's working hours, and some night minutes that do not count.
        beats = [at(2, 8) + timedelta(minutes=k) for k in range(480)]
        beats += [at(2, 20) + timedelta(minutes=k) for k in range(30)]
        s.add_all(Heartbeat(minute=b, worker="test") for b in beats)
    return m


def read_csv(path) -> dict[tuple[str, str], dict]:
    with path.open(encoding="utf-8") as fh:
        return {(r["kategori"], r["langkah"]): r for r in csv.DictReader(fh)}


def p90(values: list[float]) -> float:
    return values[0] if len(values) == 1 else statistics.quantiles(values, n=10, method="inclusive")[8]


def test_csv_figures_match_the_known_timings(desk, month, tmp_path):
    pdf, summary, breaches = write_monthly_report(desk, "2026-11", tmp_path / "out")
    assert pdf.read_bytes().startswith(b"%PDF") and summary.suffix == ".csv"
    rows = read_csv(summary)
    checked = 0
    for key, outcomes in month.outcome.items():
        row = rows[key]
        assert int(row["dinilai"]) == len(outcomes), key
        assert int(row["tepat_waktu"]) == sum(outcomes), key
        assert float(row["persen_tepat_waktu"]) == pytest.approx(100 * sum(outcomes) / len(outcomes), abs=0.05), key
        assert row["target_persen"] == "90"
        values = month.minutes.get(key, [])
        if values:
            assert float(row["median_menit_kerja"]) == pytest.approx(statistics.median(values), abs=0.05), key
            assert float(row["p90_menit_kerja"]) == pytest.approx(p90(values), abs=0.05), key
        checked += 1
    assert checked >= 20
    assert int(rows[("semua", "registration")]["jumlah_tiket"]) == month.n + 1
    with breaches.open(encoding="utf-8") as fh:
        listed = list(csv.DictReader(fh))
    expected = sum(1 for (c, _), outs in month.outcome.items() if c == "semua" for ok in outs if not ok)
    assert len(listed) == expected
    registration = [b for b in listed if b["langkah"] == "registration"]
    assert [b["tiket"] for b in registration] == [month.late]
    assert any(b["tiket"] == "JIP-2026-0099" and "belum ada keputusan" in b["alasan"] for b in listed)


def test_holds_availability_and_ratings(desk, month):
    report = build_report(desk, "2026-11")
    [hold] = report.holds
    assert hold.reason == "menunggu anggaran perangkat" and hold.resumed_at == at(4, 9)
    cal = desk.calendar
    working_days = sum(1 for d in range(1, 31) if cal.is_working_day(at(d, 9).date()))
    assert report.working_minutes == working_days * 480
    assert report.up_minutes == 480
    assert report.availability == pytest.approx(100 / working_days)
    with desk.sessions() as s:
        expected = list(s.scalars(select(Ticket.rating).where(Ticket.rating.is_not(None),
                                                              Ticket.closed_at < at(1, 0, month=12))))
    assert sorted(report.ratings) == sorted(expected) and expected


def test_ticket_sla_per_step(desk, month):
    with desk.sessions() as s:
        held = s.scalar(select(Ticket).where(Ticket.subject == f"Jaringan {month.n}"))
        steps = {d["step"]: d for d in ticket_sla(desk, held)}
        waiting = s.scalar(select(Ticket).where(Ticket.code == "JIP-2026-0099"))
        open_steps = {d["step"]: d for d in ticket_sla(desk, waiting)}
    assert list(steps) == ["registration", "kadis", "kabid", "prakom", "resolution"]
    assert steps["kabid"]["working_minutes"] == 10 and steps["kabid"]["met"] is True
    assert steps["kabid"]["due"] == "2026-11-04T09:10:00+07:00", "the day on hold moves the deadline"
    assert steps["resolution"]["target_days"] == 5 and steps["resolution"]["met"] is True
    assert steps["kadis"]["started"] == "2026-11-03T09:30:00+07:00"
    kadis = open_steps["kadis"]
    assert kadis["met"] is None and kadis["breached"] is True and kadis["finished"] is None
    json.dumps(steps)


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_pdf_renders_to_pages(desk, month, tmp_path):
    pdf, *_ = write_monthly_report(desk, "2026-11", tmp_path)
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page*.png"))
    assert 1 <= len(pages) <= 6
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "Laporan Capaian SLA" in text and "November 2026" in text and "JIP-2026-0099" in text
