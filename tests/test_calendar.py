"""WorkingCalendar: working time, holidays (incl. cuti bersama), local corrections, properties."""

from __future__ import annotations

import time as wallclock
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mailproc.worktime.calendar import (
    CalendarRulesError,
    WorkingCalendar,
    load_calendar_rules,
)

RULES_DIR = Path(__file__).resolve().parent.parent / "rules"
WIB = WorkingCalendar().tz
UTC = timezone.utc


def at(y: int, mo: int, d: int, h: int = 0, mi: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=WIB)


def write_calendar(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "calendar.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def cal() -> WorkingCalendar:
    return WorkingCalendar()


@pytest.fixture(scope="module")
def split_friday(tmp_path_factory: pytest.TempPathFactory) -> WorkingCalendar:
    path = write_calendar(
        tmp_path_factory.mktemp("cal"), '[hours]\nfriday = ["13:00-16:00", "08:00-11:30"]\n'
    )
    return WorkingCalendar(load_calendar_rules(path))


# ------------------------------------------------------------------ examples


def test_shipped_rules_file_is_the_catalogue_default(cal: WorkingCalendar) -> None:
    shipped = WorkingCalendar.load(RULES_DIR)
    assert shipped.rules.hours == cal.rules.hours
    assert shipped.rules.holiday_categories == ("public", "government")
    assert shipped.tz.key == "Asia/Jakarta"


def test_friday_afternoon_request_finishes_on_monday(cal: WorkingCalendar) -> None:
    friday = at(2026, 1, 9, 15)
    assert friday.strftime("%A") == "Friday"
    assert cal.add(friday, hours=3) == at(2026, 1, 12, 10)
    assert cal.add(friday, minutes=60) == at(2026, 1, 9, 16)  # earliest instant, not Monday 08:00
    assert cal.add(friday, hours=1, minutes=1) == at(2026, 1, 12, 8, 1)
    assert cal.working_minutes_between(friday, at(2026, 1, 12, 10)) == 180


def test_request_on_a_saturday(cal: WorkingCalendar) -> None:
    saturday = at(2026, 1, 10, 9, 30)
    assert not cal.is_working_time(saturday)
    assert not cal.is_working_day(saturday.date())
    assert cal.holiday_name(saturday.date()) is None  # a weekend is not a holiday
    assert cal.next_working_instant(saturday) == at(2026, 1, 12, 8)
    assert cal.add(saturday, hours=3) == at(2026, 1, 12, 11)
    assert cal.add_working_days(saturday, 1) == at(2026, 1, 12, 16)
    assert cal.working_day_start(saturday.date()) == at(2026, 1, 12, 8)


def test_working_days_keep_the_position_in_the_day(cal: WorkingCalendar) -> None:
    assert cal.add_working_days(at(2026, 1, 6, 10), 1) == at(2026, 1, 7, 10)  # Tue -> Wed
    assert cal.add_working_days(at(2026, 1, 9, 15), 1) == at(2026, 1, 12, 15)  # Fri -> Mon
    # five working days from Fri 9 Jan: 12, 13, 14, 15 and 19 Jan (16 Jan is Isra Mikraj)
    assert cal.holiday_name(date(2026, 1, 16)) == "Isra Mikraj Nabi Muhammad"
    assert cal.add_working_days(at(2026, 1, 9, 15), 5) == at(2026, 1, 19, 15)
    assert cal.add_working_days(at(2026, 1, 9, 16), 1) == at(2026, 1, 12, 16)  # after hours
    assert cal.add_working_days(at(2026, 1, 7, 10), -1) == at(2026, 1, 6, 10)
    assert cal.add_working_days(at(2026, 1, 12, 16), -1) == at(2026, 1, 9, 16)
    assert cal.add_working_days(at(2026, 1, 10, 12), 0) == at(2026, 1, 12, 8)


def test_segment_bounds_are_half_open(cal: WorkingCalendar) -> None:
    assert cal.is_working_time(at(2026, 1, 6, 8))
    assert cal.is_working_time(at(2026, 1, 6, 15, 59))
    assert not cal.is_working_time(at(2026, 1, 6, 16))
    assert not cal.is_working_time(at(2026, 1, 6, 7, 59))
    assert cal.next_working_instant(at(2026, 1, 6, 16)) == at(2026, 1, 7, 8)
    assert cal.working_day_end(date(2026, 1, 6)) == at(2026, 1, 6, 16)


def test_christmas_and_its_cuti_bersama_2026(cal: WorkingCalendar) -> None:
    assert cal.holiday_name(date(2026, 12, 25)) == "Hari Raya Natal"
    assert cal.holiday_name(date(2026, 12, 24)) == "Cuti Bersama Hari Raya Natal"
    assert not cal.is_working_day(date(2026, 12, 24))
    assert not cal.is_working_day(date(2026, 12, 25))
    assert cal.is_working_day(date(2026, 12, 23))
    # Wed 23 Dec 15:00 + 2 h: one hour on Wednesday, then Thu/Fri holidays and the weekend.
    assert cal.add(at(2026, 12, 23, 15), hours=2) == at(2026, 12, 28, 9)
    assert cal.working_minutes_between(at(2026, 12, 24), at(2026, 12, 28)) == 0


def test_idul_fitri_2026_with_cuti_bersama(cal: WorkingCalendar) -> None:
    # holidays 0.109 for 2026: Nyepi 19 Mar (cuti 18 Mar), Idul Fitri 21-22 Mar,
    # cuti bersama Idul Fitri 20, 23 and 24 Mar.
    assert cal.holiday_name(date(2026, 3, 21)) == "Hari Raya Idul Fitri"
    assert "Idul Fitri" in (cal.holiday_name(date(2026, 3, 22)) or "")
    for day in (date(2026, 3, 20), date(2026, 3, 23), date(2026, 3, 24)):
        assert cal.holiday_name(day) == "Cuti Bersama Hari Raya Idul Fitri"
    assert cal.holiday_name(date(2026, 3, 19)) == "Hari Suci Nyepi"
    assert cal.holiday_name(date(2026, 3, 18)) == "Cuti Bersama Hari Suci Nyepi"
    closed = [date(2026, 3, d) for d in range(18, 25)]
    assert not any(cal.is_working_day(d) for d in closed)
    assert cal.is_working_day(date(2026, 3, 17)) and cal.is_working_day(date(2026, 3, 25))
    # Tue 17 Mar 15:00 + 2 h: the second hour falls after the whole break.
    assert cal.add(at(2026, 3, 17, 15), hours=2) == at(2026, 3, 25, 9)
    assert cal.add_working_days(at(2026, 3, 17, 10), 1) == at(2026, 3, 25, 10)
    assert cal.working_minutes_between(at(2026, 3, 17), at(2026, 3, 26)) == 2 * 480


def test_step_crossing_a_holiday(cal: WorkingCalendar) -> None:
    # Thu 14 May 2026 Kenaikan Yesus Kristus, Fri 15 May cuti bersama.
    assert cal.holiday_name(date(2026, 5, 14)) == "Kenaikan Yesus Kristus"
    assert cal.add(at(2026, 5, 13, 15, 45), minutes=30) == at(2026, 5, 18, 8, 15)


def test_any_timezone_in_jakarta_out(cal: WorkingCalendar) -> None:
    friday_utc = datetime(2026, 1, 9, 8, 0, tzinfo=UTC)  # 15:00 WIB
    result = cal.add(friday_utc, hours=3)
    assert result == at(2026, 1, 12, 10)
    assert result.utcoffset() == timedelta(hours=7)
    assert cal.next_working_instant(friday_utc).tzinfo == WIB
    with pytest.raises(ValueError, match="aware"):
        cal.add(datetime(2026, 1, 9, 15), hours=1)
    with pytest.raises(ValueError):
        cal.add(friday_utc, minutes=-1)
    assert cal.working_minutes_between(at(2026, 1, 9, 15), at(2026, 1, 9, 14)) == 0


def test_several_segments_per_day(split_friday: WorkingCalendar) -> None:
    cal = split_friday
    assert cal.rules.hours[4][0].start == time(8)  # sorted on load
    assert cal.is_working_time(at(2026, 1, 9, 11, 29))
    assert not cal.is_working_time(at(2026, 1, 9, 12))
    assert cal.next_working_instant(at(2026, 1, 9, 12)) == at(2026, 1, 9, 13)
    assert cal.add(at(2026, 1, 9, 11), hours=1) == at(2026, 1, 9, 13, 30)
    assert cal.day_length(date(2026, 1, 9)) == timedelta(hours=6, minutes=30)
    assert cal.full_day_minutes == 480
    # Thu 15:00 is 7 h into Thursday; Friday only has 6.5 h, so the position is capped at its end.
    assert cal.add_working_days(at(2026, 1, 8, 15), 1) == at(2026, 1, 9, 16)
    assert cal.add_working_days(at(2026, 1, 8, 10), 1) == at(2026, 1, 9, 10)


def test_local_closure_and_removed_holiday_from_file(tmp_path: Path) -> None:
    path = write_calendar(
        tmp_path,
        """
[[closed]]
date = 2026-01-13
name = "Penutupan kantor: pemeliharaan gedung"

[[closed]]
date = "2026-01-14"
name = "Rapat kerja daerah"

[[worked]]
date = 2026-12-24
reason = "Cuti bersama Natal tidak berlaku bagi layanan"
""",
    )
    cal = WorkingCalendar(load_calendar_rules(path))
    assert cal.holiday_name(date(2026, 1, 13)) == "Penutupan kantor: pemeliharaan gedung"
    assert not cal.is_working_day(date(2026, 1, 13))
    assert not cal.is_working_day(date(2026, 1, 14))
    assert cal.add(at(2026, 1, 12, 15), hours=2) == at(2026, 1, 15, 9)
    assert cal.holiday_name(date(2026, 12, 24)) is None
    assert cal.is_working_day(date(2026, 12, 24))
    assert cal.add(at(2026, 12, 23, 15), hours=2) == at(2026, 12, 24, 9)
    assert not cal.is_working_day(date(2026, 12, 25))  # the rest of the decree stands


def test_load_from_rules_dir_uses_calendar_toml(tmp_path: Path) -> None:
    write_calendar(tmp_path, '[[closed]]\ndate = 2026-01-13\nname = "Tutup"\n')
    assert not WorkingCalendar.load(tmp_path).is_working_day(date(2026, 1, 13))
    assert WorkingCalendar.load(tmp_path / "missing").is_working_day(date(2026, 1, 13))


def test_government_category_can_be_left_out(tmp_path: Path) -> None:
    path = write_calendar(tmp_path, '[holidays]\ncategories = ["public"]\n')
    cal = WorkingCalendar(load_calendar_rules(path))
    assert cal.is_working_day(date(2026, 3, 20))  # cuti bersama no longer closes the office
    assert not cal.is_working_day(date(2026, 3, 19))


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ('[hours]\nfriday = ["08:00-11:30", "13:00-1600"]\n', "hours.friday[1]"),
        ('[hours]\nfriday = ["08:00-12:00", "11:00-16:00"]\n', "hours.friday"),
        ('[hours]\nfriday = ["16:00-08:00"]\n', "hours.friday[0]"),
        ('[hours]\nfryday = ["08:00-16:00"]\n', "hours.fryday"),
        ('[hours]\nmonday = "08:00-16:00"\n', "hours.monday"),
        ("[[closed]]\ndate = 2026-01-13\n", "closed[0].name"),
        ('[[closed]]\ndate = "13-01-2026"\nname = "x"\n', "closed[0].date"),
        ('[[closed]]\nname = "x"\n', "closed[0].date"),
        ('[[worked]]\ndate = 2026-12-24\nreson = "typo"\n', "worked[0].reson"),
        (
            '[[closed]]\ndate = 2026-12-24\nname = "x"\n[[worked]]\ndate = 2026-12-24\n',
            "closed/worked",
        ),
        (
            '[[closed]]\ndate = 2026-01-13\nname = "a"\n[[closed]]\ndate = 2026-01-13\nname = "b"\n',
            "closed[1].date",
        ),
        ('timezone = "Asia/Jakartaa"\n', "timezone"),
        ('[holidays]\ncategories = ["public", "bank"]\n', "holidays.categories"),
        ('[holidays]\nlanguage = "xx"\n', "holidays.language"),
        ('holiday = ["x"]\n', "holiday"),
        (
            "[hours]\n" + "".join(f"{d} = []\n" for d in ("monday", "tuesday", "wednesday", "thursday", "friday")),
            "hours",
        ),
    ],
)
def test_invalid_calendar_file_names_the_key(tmp_path: Path, text: str, key: str) -> None:
    path = write_calendar(tmp_path, text)
    with pytest.raises(CalendarRulesError) as info:
        load_calendar_rules(path)
    message = str(info.value)
    assert str(path) in message
    assert f": {key}" in message


def test_invalid_toml_is_reported(tmp_path: Path) -> None:
    path = write_calendar(tmp_path, "[hours\n")
    with pytest.raises(CalendarRulesError, match="not valid TOML"):
        load_calendar_rules(path)


def test_thousands_of_deadlines_are_fast(cal: WorkingCalendar) -> None:
    begin = wallclock.perf_counter()
    start = at(2026, 1, 1, 7)
    for i in range(5000):
        t = start + timedelta(minutes=37 * i)
        due = cal.add(t, minutes=(i % 2400) + 1)
        cal.working_minutes_between(t, due)
    assert wallclock.perf_counter() - begin < 5.0  # walks segments, not minutes (~0.1 s here)


# ---------------------------------------------------------------- properties

instants = st.datetimes(
    min_value=datetime(2025, 1, 1),
    max_value=datetime(2027, 12, 31),
    timezones=st.sampled_from([WIB, UTC]),
)
durations = st.integers(min_value=0, max_value=6 * 480)
CALENDARS = {"default": WorkingCalendar()}


@pytest.fixture(scope="module", params=["default", "split_friday"])
def any_cal(request: pytest.FixtureRequest, split_friday: WorkingCalendar) -> WorkingCalendar:
    return CALENDARS["default"] if request.param == "default" else split_friday


@settings(max_examples=200, deadline=None)
@given(t=instants, minutes=durations)
def test_add_then_measure_returns_the_duration(any_cal: WorkingCalendar, t: datetime, minutes: int) -> None:
    due = any_cal.add(t, minutes=minutes)
    assert due >= t
    assert due.tzinfo == WIB
    assert any_cal.working_minutes_between(t, due) == pytest.approx(minutes)
    if minutes:
        # the last minute counted is working time, and nothing was counted before the start
        assert any_cal.is_working_time(due - timedelta(microseconds=1))


@settings(max_examples=200, deadline=None)
@given(t1=instants, t2=instants, m1=durations, m2=durations)
def test_add_is_monotonic(any_cal: WorkingCalendar, t1: datetime, t2: datetime, m1: int, m2: int) -> None:
    t1, t2 = sorted((t1, t2))
    m1, m2 = sorted((m1, m2))
    assert any_cal.add(t1, minutes=m1) <= any_cal.add(t2, minutes=m1)
    assert any_cal.add(t1, minutes=m1) <= any_cal.add(t1, minutes=m2)


@settings(max_examples=200, deadline=None)
@given(t=instants)
def test_next_working_instant_is_idempotent_and_working(any_cal: WorkingCalendar, t: datetime) -> None:
    n = any_cal.next_working_instant(t)
    assert n >= t
    assert any_cal.is_working_time(n)
    assert any_cal.next_working_instant(n) == n
    assert any_cal.working_minutes_between(t, n) == 0
    assert any_cal.is_working_day(n.date())


@settings(max_examples=200, deadline=None)
@given(day=st.dates(min_value=date(2025, 1, 1), max_value=date(2027, 12, 31)), t=instants, minutes=durations)
def test_no_working_minute_on_a_holiday_or_weekend(
    cal: WorkingCalendar, day: date, t: datetime, minutes: int
) -> None:
    day_begin = datetime.combine(day, time(0), WIB)
    day_end = day_begin + timedelta(days=1)
    closed = day.weekday() >= 5 or cal.holiday_name(day) is not None
    assert cal.is_working_day(day) is not closed
    if closed:
        assert cal.working_minutes_between(day_begin, day_end) == 0
        assert not cal.is_working_time(day_begin + timedelta(hours=10))
    else:
        assert cal.working_minutes_between(day_begin, day_end) == 480
    # whatever span `add` covers, every working day inside it contributes, every closed one does not
    due = cal.add(t, minutes=minutes)
    start = t.astimezone(WIB)
    total = 0.0
    d = start.date()
    while d <= due.date():
        lo = max(start, datetime.combine(d, time(0), WIB))
        hi = min(due, datetime.combine(d + timedelta(days=1), time(0), WIB))
        part = cal.working_minutes_between(lo, hi)
        if not cal.is_working_day(d):
            assert part == 0
        total += part
        d += timedelta(days=1)
    assert total == pytest.approx(minutes)


@settings(max_examples=200, deadline=None)
@given(t=instants, n=st.integers(min_value=-6, max_value=6))
def test_working_days_are_full_days_of_working_time(cal: WorkingCalendar, t: datetime, n: int) -> None:
    s = cal.next_working_instant(t)
    moved = cal.add_working_days(t, n)
    if n == 0:
        assert moved == s
    elif n > 0:
        assert moved == cal.add(t, minutes=n * 480)
        assert cal.working_minutes_between(s, moved) == n * 480
    else:
        assert cal.working_minutes_between(moved, s) == -n * 480


@settings(max_examples=100, deadline=None)
@given(
    t=st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2026, 12, 31), timezones=st.just(WIB)),
    span=st.integers(min_value=0, max_value=1500),
)
def test_measure_agrees_with_minute_by_minute_count(
    split_friday: WorkingCalendar, t: datetime, span: int
) -> None:
    t = t.replace(second=0, microsecond=0)
    end = t + timedelta(minutes=span)
    brute = sum(split_friday.is_working_time(t + timedelta(minutes=i)) for i in range(span))
    assert split_friday.working_minutes_between(t, end) == brute
