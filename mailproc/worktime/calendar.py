"""Working time: the one place that knows when Diskominfo is at work.

The service catalogue promises its time standards in working time only: working days
(Monday-Friday), 08:00-16:00 WIB (Asia/Jakarta), minus Indonesian public holidays and
cuti bersama. `WorkingCalendar` answers every working-time question the rest of mailproc asks.

Conventions (they hold for every method):

* Every instant is an aware `datetime`. Any time zone is accepted; results are returned in the
  calendar's zone (Asia/Jakarta by default). Naive datetimes are rejected with `ValueError`.
* A working segment is half-open, `[start, end)`: 16:00 itself is no longer working time.
* `add` returns the *earliest* instant by which the requested working time has elapsed, so
  Friday 15:00 + 1 hour is Friday 16:00 (not Monday 08:00), and Friday 15:00 + 3 hours is
  Monday 10:00 when Monday is a working day.
* Arithmetic walks whole segments and days, never minute by minute; the per-day segments and
  the per-year holiday tables are cached.

Holidays come from the `holidays` package (``country_holidays('ID', categories=('public',
'government'), language='id')``; cuti bersama lives in the ``government`` category). Local
closures and corrections (a holiday that is worked after all) come from ``rules/calendar.toml``,
which an admin extends each year when the government decree is published.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import holidays

from mailproc.core.config import RulesError

__all__ = [
    "CALENDAR_FILE",
    "CalendarRules",
    "CalendarRulesError",
    "TimeSegment",
    "WorkingCalendar",
    "load_calendar_rules",
]

CALENDAR_FILE = "calendar.toml"

WEEKDAYS: tuple[str, ...] = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)

_UTC = timezone.utc
# A calendar with no working time for this many consecutive days is treated as broken.
_MAX_IDLE_DAYS = 3 * 366
_SEGMENT_RE = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")


class CalendarRulesError(RulesError, ValueError):
    """The calendar rules (rules/calendar.toml) are invalid; the message names the key."""


@dataclass(frozen=True, order=True)
class TimeSegment:
    """One stretch of working hours within a day, half-open: [start, end)."""

    start: time
    end: time

    def __post_init__(self) -> None:
        if self.start >= self.end:
            raise ValueError(f"segment start {self.start} is not before its end {self.end}")

    @classmethod
    def parse(cls, text: str) -> "TimeSegment":
        """Parse ``"08:00-16:00"``; ``"24:00"`` is allowed as an end (midnight)."""
        match = _SEGMENT_RE.match(text)
        if not match:
            raise ValueError(f"expected 'HH:MM-HH:MM', got {text!r}")
        sh, sm, eh, em = (int(g) for g in match.groups())
        start = _clock(sh, sm, text)
        end = time.max if (eh, em) == (24, 0) else _clock(eh, em, text)
        return cls(start, end)


def _clock(hour: int, minute: int, text: str) -> time:
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise ValueError(f"no such time of day in {text!r}")
    return time(hour, minute)


_DEFAULT_DAY = (TimeSegment(time(8, 0), time(16, 0)),)


def _default_hours() -> Mapping[int, tuple[TimeSegment, ...]]:
    return MappingProxyType({wd: (_DEFAULT_DAY if wd < 5 else ()) for wd in range(7)})


@dataclass(frozen=True)
class CalendarRules:
    """Everything that defines working time. Defaults follow the service catalogue."""

    timezone: str = "Asia/Jakarta"
    # weekday (0 = Monday) -> sorted, non-overlapping working segments; empty = not a working day
    hours: Mapping[int, tuple[TimeSegment, ...]] = field(default_factory=_default_hours)
    country: str = "ID"
    holiday_categories: tuple[str, ...] = ("public", "government")
    holiday_language: str = "id"
    # local closures: date -> name (e.g. a regional holiday, or a decree not yet in `holidays`)
    closed: Mapping[date, str] = field(default_factory=lambda: MappingProxyType({}))
    # corrections: date -> reason; a holiday on such a date is worked after all
    worked: Mapping[date, str] = field(default_factory=lambda: MappingProxyType({}))


class WorkingCalendar:
    """Working-time arithmetic over a `CalendarRules`.

    Build it with `WorkingCalendar()` (catalogue defaults, no local file),
    `WorkingCalendar.load(rules_dir)` (reads ``rules_dir/calendar.toml`` when present) or
    `WorkingCalendar(load_calendar_rules(path))`.
    """

    def __init__(self, rules: CalendarRules | None = None) -> None:
        self.rules = rules if rules is not None else CalendarRules()
        try:
            self.tz = ZoneInfo(self.rules.timezone)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise CalendarRulesError(f"timezone: unknown time zone {self.rules.timezone!r}") from exc
        if not any(self.rules.hours.get(wd) for wd in range(7)):
            raise CalendarRulesError("hours: no weekday has any working hours")
        self._holiday_years: dict[int, Mapping[date, str]] = {}
        self._segment_cache: dict[date, tuple[tuple[datetime, datetime], ...]] = {}

    @classmethod
    def load(cls, rules_dir: str | Path) -> "WorkingCalendar":
        """Calendar from ``rules_dir/calendar.toml``; catalogue defaults if the file is absent."""
        path = Path(rules_dir) / CALENDAR_FILE
        return cls(load_calendar_rules(path) if path.exists() else CalendarRules())

    # ----------------------------------------------------------------- days

    def holiday_name(self, day: date) -> str | None:
        """Name of the holiday or local closure on `day`, or None.

        A date listed under ``[[worked]]`` in the calendar file has no holiday name. Weekends
        are not holidays (``holiday_name`` of an ordinary Saturday is None).
        """
        day = _as_date(day)
        if day in self.rules.worked:
            return None
        if day in self.rules.closed:
            return self.rules.closed[day]
        return self._holidays_of(day.year).get(day)

    def is_working_day(self, day: date) -> bool:
        """True when `day` has working hours and is neither a holiday nor a local closure."""
        day = _as_date(day)
        return bool(self.rules.hours.get(day.weekday())) and self.holiday_name(day) is None

    def next_working_day(self, day: date) -> date:
        """The first working day strictly after `day`."""
        return self._step_working_day(_as_date(day), +1)

    def previous_working_day(self, day: date) -> date:
        """The last working day strictly before `day`."""
        return self._step_working_day(_as_date(day), -1)

    def working_day_start(self, day: date) -> datetime:
        """Start of the first working segment of `day`.

        When `day` is not a working day, the start of the first working day after it.
        """
        day = _as_date(day)
        if not self.is_working_day(day):
            day = self.next_working_day(day)
        return self._to_local(self._segments(day)[0][0])

    def working_day_end(self, day: date) -> datetime:
        """End of the last working segment of `day` (`day` must be a working day)."""
        day = _as_date(day)
        segments = self._segments(day)
        if not segments:
            raise ValueError(f"{day} is not a working day")
        return self._to_local(segments[-1][1])

    def day_length(self, day: date) -> timedelta:
        """Working time on `day` (zero on a non-working day)."""
        return sum((end - start for start, end in self._segments(_as_date(day))), timedelta())

    @property
    def full_day_minutes(self) -> float:
        """Length of a full working day in minutes: the longest configured weekday (480 by default)."""
        longest = max(
            sum((_seconds(seg.end) - _seconds(seg.start) for seg in segs), 0.0)
            for segs in self.rules.hours.values()
        )
        return longest / 60

    # ------------------------------------------------------------- instants

    def is_working_time(self, t: datetime) -> bool:
        """True when `t` falls inside a working segment of a working day."""
        u = self._to_utc(t)
        return any(start <= u < end for start, end in self._segments(self._local_date(u)))

    def next_working_instant(self, t: datetime) -> datetime:
        """`t` itself when it is working time, else the start of the next working segment."""
        u = self._to_utc(t)
        day = self._local_date(u)
        for _ in range(_MAX_IDLE_DAYS):
            for start, end in self._segments(day):
                if u < end:
                    return self._to_local(max(u, start))
            day += timedelta(days=1)
        raise CalendarRulesError(f"no working time within {_MAX_IDLE_DAYS} days after {t}")

    def add(self, t: datetime, minutes: float = 0, hours: float = 0) -> datetime:
        """The earliest instant by which `hours` + `minutes` of working time have elapsed after `t`.

        Time outside working hours does not count: Friday 15:00 + 3 h is Monday 10:00 when
        Monday is a working day. Adding zero returns `t` (in the calendar's zone).
        """
        remaining = timedelta(minutes=minutes, hours=hours)
        if remaining < timedelta():
            raise ValueError("cannot add negative working time")
        u = self._to_utc(t)
        if not remaining:
            return self._to_local(u)
        day = self._local_date(u)
        idle_days = 0
        while True:
            segments = self._segments(day)
            for start, end in segments:
                if end <= u:
                    continue
                begin = max(u, start)
                available = end - begin
                if remaining <= available:
                    return self._to_local(begin + remaining)
                remaining -= available
            idle_days = 0 if segments else idle_days + 1
            if idle_days > _MAX_IDLE_DAYS:
                raise CalendarRulesError(f"no working time within {_MAX_IDLE_DAYS} days after {t}")
            day += timedelta(days=1)

    def working_minutes_between(self, a: datetime, b: datetime) -> float:
        """Working minutes in [a, b); 0 when b <= a."""
        ua, ub = self._to_utc(a), self._to_utc(b)
        if ub <= ua:
            return 0.0
        total = timedelta()
        day, last = self._local_date(ua), self._local_date(ub)
        while day <= last:
            for start, end in self._segments(day):
                lo, hi = max(start, ua), min(end, ub)
                if lo < hi:
                    total += hi - lo
            day += timedelta(days=1)
        return total / timedelta(minutes=1)

    def add_working_days(self, t: datetime, n: int) -> datetime:
        """Move `n` working days from `t` (negative `n` moves back), keeping the position in the day.

        Definition: let ``s = next_working_instant(t)`` and ``k`` the working time elapsed on
        s's working day before ``s``. The result is the earliest instant with ``k`` working time
        elapsed on the working day `n` working days later; the start of a working day counts as
        the end of the previous one (they are the same point in working time). So:

        * Tuesday 10:00 + 1 = Wednesday 10:00.
        * Saturday + 1: s = Monday 08:00, i.e. the end of Friday's working time, so the result
          is the end of Monday's working day, Monday 16:00 (one full working day of work).
        * Friday 15:00 + 1 = Monday 15:00.

        When every working day has the same length L (the default: 8 h), this equals
        ``add(t, minutes=n * L)``. When days differ (e.g. a short Friday), ``k`` is capped at the
        length of the target day. ``n == 0`` returns ``s``.
        """
        s = self.next_working_instant(t)
        if n == 0:
            return s
        day = s.date()
        elapsed = self._elapsed_on_day(day, self._to_utc(s))
        if not elapsed:
            day = self.previous_working_day(day)
            elapsed = self.day_length(day)
        step = 1 if n > 0 else -1
        for _ in range(abs(n)):
            day = self._step_working_day(day, step)
        elapsed = min(elapsed, self.day_length(day))
        start = self._segments(day)[0][0]
        return self.add(self._to_local(start), minutes=elapsed / timedelta(minutes=1))

    # --------------------------------------------------------------- helpers

    def _elapsed_on_day(self, day: date, u: datetime) -> timedelta:
        total = timedelta()
        for start, end in self._segments(day):
            if start < u:
                total += min(end, u) - start
        return total

    def _step_working_day(self, day: date, step: int) -> date:
        for _ in range(_MAX_IDLE_DAYS):
            day += timedelta(days=step)
            if self.is_working_day(day):
                return day
        raise CalendarRulesError(f"no working day within {_MAX_IDLE_DAYS} days of {day}")

    def _segments(self, day: date) -> tuple[tuple[datetime, datetime], ...]:
        """Working segments of `day` as UTC instants; empty on a non-working day."""
        cached = self._segment_cache.get(day)
        if cached is not None:
            return cached
        result: tuple[tuple[datetime, datetime], ...] = ()
        if self.is_working_day(day):
            result = tuple(
                (self._utc_at(day, seg.start), self._utc_at(day, seg.end))
                for seg in self.rules.hours[day.weekday()]
            )
        if len(self._segment_cache) > 50_000:
            self._segment_cache.clear()
        self._segment_cache[day] = result
        return result

    def _utc_at(self, day: date, clock: time) -> datetime:
        if clock == time.max:  # "24:00": midnight at the end of the day
            return datetime.combine(day + timedelta(days=1), time(0), self.tz).astimezone(_UTC)
        return datetime.combine(day, clock, self.tz).astimezone(_UTC)

    def _holidays_of(self, year: int) -> Mapping[date, str]:
        table = self._holiday_years.get(year)
        if table is None:
            try:
                source = holidays.country_holidays(
                    self.rules.country,
                    years=year,
                    categories=self.rules.holiday_categories,
                    language=self.rules.holiday_language,
                )
            except NotImplementedError as exc:
                raise CalendarRulesError(f"holidays: {exc}") from exc
            table = MappingProxyType(dict(source.items()))
            self._holiday_years[year] = table
        return table

    def _to_utc(self, t: datetime) -> datetime:
        if t.tzinfo is None or t.utcoffset() is None:
            raise ValueError(f"aware datetime required, got naive {t!r}")
        return t.astimezone(_UTC)

    def _to_local(self, u: datetime) -> datetime:
        return u.astimezone(self.tz)

    def _local_date(self, u: datetime) -> date:
        return u.astimezone(self.tz).date()


def _as_date(day: date) -> date:
    if isinstance(day, datetime):
        raise TypeError("expected a date, got a datetime; pass t.date() in the calendar's zone")
    return day


def _seconds(clock: time) -> float:
    if clock == time.max:
        return 24 * 3600.0
    return clock.hour * 3600 + clock.minute * 60 + clock.second + clock.microsecond / 1e6


# ------------------------------------------------------------------ loading


def load_calendar_rules(path: str | Path) -> CalendarRules:
    """Read and validate a calendar TOML file; errors name the file and the offending key.

    Layout (every key optional)::

        timezone = "Asia/Jakarta"
        [holidays]
        country = "ID"
        categories = ["public", "government"]
        language = "id"
        [hours]                       # missing weekdays keep the default; [] = closed
        friday = ["08:00-11:30", "13:00-16:00"]
        [[closed]]                    # a local closure
        date = 2026-09-24
        name = "..."
        [[worked]]                    # a holiday that is worked after all
        date = 2026-12-24
        reason = "..."
    """
    path = Path(path)
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise CalendarRulesError(f"{path}: not valid TOML: {exc}") from exc
    try:
        return calendar_rules_from_mapping(data)
    except CalendarRulesError as exc:
        raise CalendarRulesError(f"{path}: {exc}") from exc


def calendar_rules_from_mapping(data: Mapping[str, Any]) -> CalendarRules:
    """Validate an already-parsed calendar document (see `load_calendar_rules`)."""
    _reject_unknown(data, {"timezone", "holidays", "hours", "closed", "worked"}, "")
    defaults = CalendarRules()

    tz_name = data.get("timezone", defaults.timezone)
    if not isinstance(tz_name, str):
        raise CalendarRulesError("timezone: expected a string such as 'Asia/Jakarta'")
    try:
        ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise CalendarRulesError(f"timezone: unknown time zone {tz_name!r}") from exc

    hol = _table(data, "holidays")
    _reject_unknown(hol, {"country", "categories", "language"}, "holidays.")
    country = _string(hol, "country", defaults.country, "holidays.")
    language = _string(hol, "language", defaults.holiday_language, "holidays.")
    categories = hol.get("categories", list(defaults.holiday_categories))
    if not isinstance(categories, list) or not all(isinstance(c, str) for c in categories):
        raise CalendarRulesError("holidays.categories: expected a list of strings")
    try:
        probe = holidays.country_holidays(country)
    except NotImplementedError as exc:
        raise CalendarRulesError(f"holidays.country: unknown country {country!r}") from exc
    unknown_cats = sorted(set(categories) - set(probe.supported_categories))
    if unknown_cats:
        raise CalendarRulesError(
            f"holidays.categories: unknown {unknown_cats}; "
            f"supported: {sorted(probe.supported_categories)}"
        )
    if language not in probe.supported_languages:
        raise CalendarRulesError(
            f"holidays.language: unknown {language!r}; supported: {sorted(probe.supported_languages)}"
        )

    hours = dict(defaults.hours)
    hours_table = _table(data, "hours")
    _reject_unknown(hours_table, set(WEEKDAYS), "hours.")
    for name, value in hours_table.items():
        hours[WEEKDAYS.index(name)] = _segments_of(value, f"hours.{name}")
    if not any(hours.values()):
        raise CalendarRulesError("hours: no weekday has any working hours")

    closed = _dated_entries(data, "closed", "name", required=True)
    worked = _dated_entries(data, "worked", "reason", required=False)
    both = sorted(set(closed) & set(worked))
    if both:
        raise CalendarRulesError(
            f"closed/worked: {', '.join(d.isoformat() for d in both)} listed as both closed and worked"
        )

    return CalendarRules(
        timezone=tz_name,
        hours=MappingProxyType(hours),
        country=country,
        holiday_categories=tuple(categories),
        holiday_language=language,
        closed=MappingProxyType(closed),
        worked=MappingProxyType(worked),
    )


def _reject_unknown(table: Mapping[str, Any], allowed: set[str], prefix: str) -> None:
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise CalendarRulesError(
            f"{prefix}{unknown[0]}: unknown key (allowed: {', '.join(sorted(allowed))})"
        )


def _table(data: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise CalendarRulesError(f"{key}: expected a table")
    return value


def _string(table: Mapping[str, Any], key: str, default: str, prefix: str) -> str:
    value = table.get(key, default)
    if not isinstance(value, str) or not value.strip():
        raise CalendarRulesError(f"{prefix}{key}: expected a non-empty string")
    return value.strip()


def _segments_of(value: Any, key: str) -> tuple[TimeSegment, ...]:
    if not isinstance(value, list):
        raise CalendarRulesError(f"{key}: expected a list such as [\"08:00-16:00\"] ([] = closed)")
    segments: list[TimeSegment] = []
    for i, item in enumerate(value):
        if not isinstance(item, str):
            raise CalendarRulesError(f"{key}[{i}]: expected a string 'HH:MM-HH:MM'")
        try:
            segments.append(TimeSegment.parse(item))
        except ValueError as exc:
            raise CalendarRulesError(f"{key}[{i}]: {exc}") from exc
    segments.sort()
    for before, after in zip(segments, segments[1:]):
        if after.start < before.end:
            raise CalendarRulesError(f"{key}: segments overlap ({before.end} > {after.start})")
    return tuple(segments)


def _dated_entries(
    data: Mapping[str, Any], key: str, text_key: str, *, required: bool
) -> dict[date, str]:
    entries = data.get(key, [])
    if not isinstance(entries, list):
        raise CalendarRulesError(f"{key}: expected an array of tables ([[{key}]])")
    result: dict[date, str] = {}
    for i, entry in enumerate(entries):
        where = f"{key}[{i}]"
        if not isinstance(entry, dict):
            raise CalendarRulesError(f"{where}: expected a table with 'date' and '{text_key}'")
        _reject_unknown(entry, {"date", text_key}, f"{where}.")
        day = _date_value(entry.get("date"), f"{where}.date")
        text = entry.get(text_key, "")
        if not isinstance(text, str) or (required and not text.strip()):
            raise CalendarRulesError(f"{where}.{text_key}: expected a non-empty string")
        if day in result:
            raise CalendarRulesError(f"{where}.date: {day.isoformat()} is listed twice in [[{key}]]")
        result[day] = text.strip()
    return result


def _date_value(value: Any, key: str) -> date:
    if isinstance(value, datetime):
        raise CalendarRulesError(f"{key}: expected a date like 2026-01-02, got a date-time")
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    if value is None:
        raise CalendarRulesError(f"{key}: missing (expected a date like 2026-01-02)")
    raise CalendarRulesError(f"{key}: expected a date like 2026-01-02, got {value!r}")
