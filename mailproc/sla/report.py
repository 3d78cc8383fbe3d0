"""The monthly SLA report: a PDF (WeasyPrint, charts as inline SVG) and CSV files.

For the tickets created in the month (WIB), per category and per SOP step (registration, kadis,
kabid, prakom, resolution): the number of tickets, the share within target against the
catalogue's 90 %, median and 90th percentile of the working time; the breaches with ticket and
reason; the tickets held and why; the service's availability in working hours (heartbeat minutes
over working minutes of the month, up to now) against the promised 90 %; the requesters' ratings.
Step timings come from ``mailproc.sla.status`` (the ``Disposition`` rows and the timeline), as of
the moment the report is made.

Definitions (the CSV and the test follow them):
* a step is *evaluated* when it has finished, or is still open and already over its target;
  ``share within target`` = finished within target / evaluated;
* median and 90th percentile are over the finished steps' working minutes, with linear
  interpolation between closest ranks (``statistics.quantiles(method="inclusive")``).
"""
from __future__ import annotations

import csv
import html
import statistics
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import jinja2
from markupsafe import Markup
from sqlalchemy import func, select

from mailproc.core.catalogue import CATEGORIES as CATALOGUE
from mailproc.core.clock import WIB
from mailproc.core.dates import MONTH_NAMES, format_date, format_long_date, format_working_time
from mailproc.chain.states import SLA_STEPS as STEPS
from mailproc.sla.status import StepTiming, step_timings
from mailproc.store.models import Disposition, Event, Heartbeat, InboundMessage, Ticket

TEMPLATE_NAME = "sla_report.html"
STYLESHEET_NAME = "sla_report.css"
TARGET_SHARE = 90.0          # catalogue: SLA met for at least 90 %; availability 90 %
CATEGORIES = tuple(CATALOGUE)
ALL, TRIAGE = "semua", "triase"
STEP_NAMES = {"registration": "Pencatatan permohonan", "kadis": "Disposisi Kepala Dinas",
              "kabid": "Disposisi Kepala Bidang Aptika", "prakom": "Penugasan oleh Pranata Komputer",
              "resolution": "Penyelesaian"}
CATEGORY_NAMES = {"1.1": "Perancangan interkoneksi jaringan", "1.2": "Pembangunan/pengembangan jaringan",
                  "1.3": "Perbaikan dan/atau pemeliharaan jaringan", "1.4": "Rekomendasi kebutuhan peralatan",
                  TRIAGE: "Belum ditentukan (triase)", ALL: "Semua kebutuhan"}
SHORT_CATEGORY_NAMES = {"1.1": "1.1 Perancangan", "1.2": "1.2 Pembangunan", "1.3": "1.3 Perbaikan/pemeliharaan",
                        "1.4": "1.4 Rekomendasi peralatan", TRIAGE: "Triase"}
SUMMARY_HEADER = ["kategori", "langkah", "jumlah_tiket", "dinilai", "tepat_waktu", "persen_tepat_waktu",
                  "target_persen", "median_menit_kerja", "p90_menit_kerja"]
BREACH_HEADER = ["tiket", "kategori", "langkah", "mulai", "selesai", "batas", "menit_kerja", "standar", "alasan"]


# -- the figures ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class StepStats:
    category: str
    step: str
    tickets: int
    evaluated: int
    within: int
    median: float | None
    p90: float | None

    @property
    def share(self) -> float | None:
        return 100.0 * self.within / self.evaluated if self.evaluated else None


@dataclass(frozen=True)
class Breach:
    code: str
    category: str
    step: str
    timing: StepTiming
    target: str
    reason: str


@dataclass(frozen=True)
class HoldLine:
    code: str
    subject: str
    held_at: datetime
    held_by: str
    reason: str
    resumed_at: datetime | None


@dataclass
class MonthlyReport:
    month: str
    start: datetime
    end: datetime
    generated_at: datetime
    tickets: int = 0
    stats: list[StepStats] = field(default_factory=list)
    breaches: list[Breach] = field(default_factory=list)
    holds: list[HoldLine] = field(default_factory=list)
    up_minutes: int = 0
    working_minutes: float = 0.0
    ratings: list[int] = field(default_factory=list)
    channels: dict[str, int] = field(default_factory=dict)   # tickets per channel (email, telepon, ...)

    @property
    def availability(self) -> float | None:
        return 100.0 * self.up_minutes / self.working_minutes if self.working_minutes else None

    @property
    def month_name(self) -> str:
        return month_title(self.month)

    def stat(self, category: str, step: str) -> StepStats | None:
        return next((s for s in self.stats if s.category == category and s.step == step), None)


def month_title(month: str) -> str:
    year, number = month.split("-")
    return f"{MONTH_NAMES[int(number) - 1]} {year}"


def month_bounds(month: str) -> tuple[datetime, datetime]:
    try:
        first = datetime.strptime(month, "%Y-%m").replace(tzinfo=WIB)
    except ValueError:
        raise ValueError(f"month must be YYYY-MM, got {month!r}") from None
    following = (first + timedelta(days=32)).replace(day=1)
    return first, following


def percentile(values: list[float], q: float) -> float | None:
    """Linear interpolation between closest ranks (inclusive); None for no values."""
    if not values:
        return None
    xs = sorted(values)
    pos = q * (len(xs) - 1)
    low = int(pos)
    high = min(low + 1, len(xs) - 1)
    return xs[low] + (xs[high] - xs[low]) * (pos - low)


def summarize(category: str, step: str, timings: list[StepTiming]) -> StepStats:
    finished = [t.working_minutes for t in timings if t.finished is not None and t.working_minutes is not None]
    evaluated = [t for t in timings if t.met is not None or t.breached]
    return StepStats(category, step, len(timings), len(evaluated), sum(1 for t in evaluated if t.met),
                     statistics.median(finished) if finished else None, percentile(finished, 0.9))


def build_report(desk, month: str, now: datetime | None = None) -> MonthlyReport:
    cal = desk.calendar
    now = now or desk.clock.now()
    start, end = month_bounds(month)
    report = MonthlyReport(month, start, end, now)
    with desk.sessions() as s:
        tickets = list(s.scalars(select(Ticket).where(Ticket.created_at >= start, Ticket.created_at < end)
                                 .order_by(Ticket.id)))
        report.tickets = len(tickets)
        for ticket in tickets:
            report.channels[ticket.channel] = report.channels.get(ticket.channel, 0) + 1
        ids = [t.id for t in tickets]
        dispositions: dict[int, list[Disposition]] = {}
        inbound: dict[int, InboundMessage] = {}
        for chunk in _chunks(ids):
            for d in s.scalars(select(Disposition).where(Disposition.ticket_id.in_(chunk))):
                dispositions.setdefault(d.ticket_id, []).append(d)
            for row in s.scalars(select(InboundMessage).where(
                    InboundMessage.id.in_([t.inbound_id for t in tickets if t.id in set(chunk) and t.inbound_id]))):
                inbound[row.id] = row
        groups: dict[tuple[str, str], list[StepTiming]] = {}
        for ticket in tickets:
            category = ticket.category or TRIAGE
            for timing in step_timings(desk, ticket, dispositions.get(ticket.id, []),
                                       inbound.get(ticket.inbound_id), now):
                groups.setdefault((category, timing.step), []).append(timing)
                groups.setdefault((ALL, timing.step), []).append(timing)
                if timing.breached:
                    report.breaches.append(Breach(ticket.code, category, timing.step, timing,
                                                  _target_text(timing), _reason(ticket, timing, cal)))
        for category in (*CATEGORIES, TRIAGE, ALL):
            if category == TRIAGE and not any(k[0] == TRIAGE for k in groups):
                continue
            for step in STEPS:
                report.stats.append(summarize(category, step, groups.get((category, step), [])))
        report.holds = _holds(s, start, end)
        report.ratings = [r for r in s.scalars(select(Ticket.rating).where(
            Ticket.rating.is_not(None), Ticket.closed_at >= start, Ticket.closed_at < end))]
        until = min(now, end)
        # Availability counts from when the service first ran (its first heartbeat), not from before
        # it was installed.
        first = s.scalar(select(func.min(Heartbeat.minute)))
        since = max(start, first) if first is not None else until
        report.working_minutes = cal.working_minutes_between(since, until) if until > since else 0.0
        report.up_minutes = sum(1 for m in s.scalars(select(Heartbeat.minute).where(
            Heartbeat.minute >= start, Heartbeat.minute < until)) if cal.is_working_time(m))
    return report


def _chunks(ids: list[int], size: int = 500):
    for i in range(0, len(ids), size):
        yield ids[i:i + size]


def _target_text(timing: StepTiming) -> str:
    if timing.target_days is not None:
        return f"{timing.target_days} hari kerja"
    return format_working_time(timing.target_minutes or 0)


def _duration_text(timing: StepTiming, cal) -> str:
    minutes = timing.working_minutes or 0.0
    if timing.step == "resolution":
        days = minutes / cal.full_day_minutes
        return f"{days:.1f} hari kerja".replace(".", ",")
    return format_working_time(minutes)


def _reason(ticket: Ticket, timing: StepTiming, cal) -> str:
    """Why a step is over its target, as far as the timeline tells."""
    took = _duration_text(timing, cal)
    if timing.finished is None:
        text = f"belum selesai; sudah {took} waktu kerja (standar {_target_text(timing)})"
    else:
        text = f"selesai dalam {took} waktu kerja (standar {_target_text(timing)})"
    notes = []
    end = timing.finished or datetime.max.replace(tzinfo=WIB)
    during = [e for e in ticket.events if timing.started and timing.started <= e.at <= end]
    unclear = sum(1 for e in during if e.action == "reply_unclear")
    if unclear:
        notes.append(f"{unclear} balasan tidak terbaca")
    unauthorized = sum(1 for e in during if e.action == "reply_unauthorized")
    if unauthorized:
        notes.append(f"{unauthorized} balasan dari pihak yang tidak berwenang")
    if timing.step == "resolution" and any(e.action == "work_moved" for e in ticket.events):
        notes.append("kapasitas harian penuh, pekerjaan digeser ke hari kerja berikutnya")
    escalated = [e for e in during if e.action == "sla_escalation"]
    if escalated:
        notes.append("sudah dieskalasi")
    if timing.step == "registration":
        notes.append("permohonan baru terbaca oleh sistem setelah dikirim")
    if timing.step in ("kadis", "kabid", "prakom") and timing.finished is None:
        notes.append("belum ada keputusan")
    return text + ("; " + "; ".join(notes) if notes else "")


def _holds(s, start: datetime, end: datetime) -> list[HoldLine]:
    held = list(s.execute(select(Event, Ticket).join(Ticket, Event.ticket_id == Ticket.id).where(
        Event.action == "held", Event.at < end,
        (Event.at >= start) | (Ticket.status == "on_hold")).order_by(Event.at)).all())
    lines = []
    for event, ticket in held:
        resumed = s.scalar(select(Event.at).where(Event.ticket_id == ticket.id, Event.action == "resumed",
                                                  Event.at >= event.at).order_by(Event.at).limit(1))
        if event.at < start and resumed is not None and resumed < start:
            continue
        lines.append(HoldLine(ticket.code, ticket.subject, event.at, event.actor, event.detail or "-", resumed))
    return lines


# -- the charts (inline SVG) ---------------------------------------------------------------------------

def bar_chart(rows: list[tuple[str, float | None, str]], target: float = TARGET_SHARE, width: int = 460) -> Markup:
    """Horizontal bars of percentages with the target as a dashed line; rows: (label, value, note)."""
    label_w, bar_w, row_h, top = 170, width - 170 - 60, 22, 18
    height = top + row_h * len(rows) + 18
    x = lambda pct: label_w + bar_w * pct / 100.0  # noqa: E731
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" font-family="Liberation Sans" font-size="10">']
    for pct in (0, 50, 100):
        parts.append(f'<text x="{x(pct):.1f}" y="12" text-anchor="middle" fill="#555">{pct} %</text>')
        parts.append(f'<line x1="{x(pct):.1f}" y1="{top - 2}" x2="{x(pct):.1f}" y2="{height - 16}" stroke="#ddd"/>')
    for i, (label, value, note) in enumerate(rows):
        y = top + i * row_h
        parts.append(f'<text x="{label_w - 6}" y="{y + 14}" text-anchor="end">{html.escape(label)}</text>')
        parts.append(f'<rect x="{label_w}" y="{y + 3}" width="{bar_w}" height="{row_h - 8}" fill="#f1f1f1"/>')
        if value is None:
            parts.append(f'<text x="{label_w + 4}" y="{y + 14}" fill="#777">tidak ada data</text>')
            continue
        colour = "#2e7d32" if value >= target else "#c62828"
        parts.append(f'<rect x="{label_w}" y="{y + 3}" width="{bar_w * min(value, 100) / 100:.1f}" '
                     f'height="{row_h - 8}" fill="{colour}"/>')
        parts.append(f'<text x="{x(100) + 4:.1f}" y="{y + 14}">{value:.0f} %{html.escape(note)}</text>')
    parts.append(f'<line x1="{x(target):.1f}" y1="{top - 2}" x2="{x(target):.1f}" y2="{height - 16}" '
                 f'stroke="#1a237e" stroke-width="1.5" stroke-dasharray="4 3"/>')
    parts.append(f'<text x="{x(target):.1f}" y="{height - 4}" text-anchor="middle" fill="#1a237e">'
                 f'target {target:.0f} %</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


# -- writing ------------------------------------------------------------------------------------------

def write_monthly_report(desk, month: str, out_dir: Path) -> list[Path]:
    """Write ``laporan-sla-YYYY-MM.pdf``, ``.csv`` (per category and step) and ``-pelanggaran.csv``."""
    report = build_report(desk, month)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    base = out_dir / f"laporan-sla-{month}"
    pdf = base.with_suffix(".pdf")
    pdf.write_bytes(render_pdf(desk.config.service.templates_dir, report, desk.calendar))
    summary = base.with_suffix(".csv")
    write_summary_csv(report, summary)
    breaches = out_dir / f"laporan-sla-{month}-pelanggaran.csv"
    write_breaches_csv(report, breaches)
    return [pdf, summary, breaches]


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


CHANNEL_ROW = "saluran"
CHANNEL_NAMES = {"email": "Email dari OPD", "telepon": "Telepon", "surat": "Surat", "chat": "Chat",
                 "whatsapp": "WhatsApp", "datang_langsung": "Datang langsung", "portal": "Portal service desk"}


def write_summary_csv(report: MonthlyReport, path: Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(SUMMARY_HEADER)
        for st in report.stats:
            writer.writerow([st.category, st.step, st.tickets, st.evaluated, st.within, _num(st.share),
                             f"{TARGET_SHARE:.0f}", _num(st.median), _num(st.p90)])
        for channel, count in sorted(report.channels.items()):   # tickets per channel: "saluran", name, count
            writer.writerow([CHANNEL_ROW, channel, count, "", "", "", "", "", ""])


def write_breaches_csv(report: MonthlyReport, path: Path) -> None:
    def iso(value):
        return value.astimezone(WIB).isoformat(timespec="minutes") if value else ""
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(BREACH_HEADER)
        for b in report.breaches:
            t = b.timing
            writer.writerow([b.code, b.category, b.step, iso(t.started), iso(t.finished), iso(t.due),
                             _num(t.working_minutes), b.target, b.reason])


def _minutes_text(value: float | None, step: str, cal) -> str:
    if value is None:
        return "-"
    if step == "resolution":
        return f"{value / cal.full_day_minutes:.1f} hari".replace(".", ",")
    return format_working_time(value)


def template_env(templates_dir: Path, cal) -> jinja2.Environment:
    """The report template's environment, with its filters (`check` compiles the template in it)."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates_dir)), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["tanggal"] = format_long_date
    env.filters["waktu"] = lambda v: v.astimezone(WIB).strftime("%d-%m-%Y %H.%M") if v else "-"
    env.filters["menit"] = lambda v, step: _minutes_text(v, step, cal)
    env.filters["persen"] = lambda v: "-" if v is None else f"{v:.1f} %".replace(".", ",")
    return env


def render_html(templates_dir: Path, report: MonthlyReport, cal) -> str:
    env = template_env(templates_dir, cal)
    everyone = [report.stat(ALL, step) for step in STEPS]
    step_chart = bar_chart([(STEP_NAMES[s.step], s.share, f" ({s.within}/{s.evaluated})") for s in everyone])
    categories = [c for c in (*CATEGORIES, TRIAGE) if report.stat(c, "registration")]
    resolution_chart = bar_chart([(SHORT_CATEGORY_NAMES[c], report.stat(c, "resolution").share,
                                   f" ({report.stat(c, 'resolution').within}/{report.stat(c, 'resolution').evaluated})")
                                  for c in categories])
    availability_chart = bar_chart([("Ketersediaan jam kerja", report.availability, "")])
    ratings = {n: report.ratings.count(n) for n in range(1, 6)}
    return env.get_template(TEMPLATE_NAME).render(
        report=report, steps=STEPS, step_names=STEP_NAMES, category_names=CATEGORY_NAMES,
        channel_names=CHANNEL_NAMES,
        short_names={**SHORT_CATEGORY_NAMES, ALL: "Semua kebutuhan"},
        categories=[*categories, ALL], everyone=everyone, step_chart=step_chart,
        resolution_chart=resolution_chart, availability_chart=availability_chart, target=TARGET_SHARE,
        ratings=ratings, rating_mean=(sum(report.ratings) / len(report.ratings)) if report.ratings else None,
        period_end=min(report.generated_at, report.end), format_date=format_date,
        last_day=(report.end - timedelta(days=1)).date())


def render_pdf(templates_dir: Path, report: MonthlyReport, cal) -> bytes:
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    from mailproc.documents.berita_acara import TemplateURLFetcher   # start-up: WeasyPrint, only for the PDF

    root = Path(templates_dir).resolve()
    fetcher = TemplateURLFetcher(root)
    fonts = FontConfiguration()
    base_url = root.as_uri() + "/"
    css = CSS(filename=str(root / STYLESHEET_NAME), base_url=base_url, url_fetcher=fetcher, font_config=fonts)
    document = HTML(string=render_html(root, report, cal), base_url=base_url, url_fetcher=fetcher)
    pdf = document.write_pdf(stylesheets=[css], font_config=fonts)
    assert pdf is not None
    return pdf
