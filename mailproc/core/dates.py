"""Indonesian date formatting for documents ("Jumat, 27 November 2026").

The names are spelled out here instead of relying on the system locale
(``strftime('%A')`` depends on which locales the host has installed).
Aware datetimes are shown in Western Indonesia Time (WIB, Asia/Jakarta),
the time zone of Liwa; naive datetimes are taken to be WIB already.
"""

from __future__ import annotations

from datetime import date, datetime

from mailproc.core.clock import WIB

DAY_NAMES: tuple[str, ...] = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
MONTH_NAMES: tuple[str, ...] = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)


def local_date(moment: date | datetime) -> date:
    """The calendar date of ``moment`` in WIB (aware datetimes are converted first)."""
    if isinstance(moment, datetime):
        if moment.tzinfo is not None:
            moment = moment.astimezone(WIB)
        return moment.date()
    return moment


def format_date(moment: date | datetime) -> str:
    """``27 November 2026``: the form used after a place name ("Liwa, 27 November 2026")."""
    day = local_date(moment)
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def format_iso_date(text: str) -> str:
    """``2026-12-03`` (as stored in JSON) -> ``3 Desember 2026``."""
    return format_date(date.fromisoformat(text))


def format_long_date(moment: date | datetime) -> str:
    """``Jumat, 27 November 2026``: day name, day, month name, year."""
    day = local_date(moment)
    return f"{DAY_NAMES[day.weekday()]}, {format_date(day)}"


def format_working_time(minutes: float) -> str:
    """``1 jam 20 menit``, ``2 jam``, ``15 menit``: working time in hours and minutes."""
    hours, mins = divmod(int(round(minutes)), 60)
    parts = [f"{hours} jam"] if hours else []
    if mins or not hours:
        parts.append(f"{mins} menit")
    return " ".join(parts)


def format_moment(moment: datetime) -> str:
    """``Jumat, 27 November 2026 pukul 10.15 WIB``."""
    local = moment.astimezone(WIB)
    return f"{format_long_date(local)} pukul {local:%H.%M} WIB"
