"""SLA targets: catalogue defaults, rules/sla.toml, deadlines, holds and the overload rule."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mailproc.worktime.calendar import WorkingCalendar
from mailproc.worktime.targets import (
    SlaRulesError,
    SlaTargets,
    UnknownTargetError,
    deadline_with_pauses,
    work_day,
    work_start,
)

RULES_DIR = Path(__file__).resolve().parent.parent / "rules"
CAL = WorkingCalendar()
WIB = CAL.tz


def at(y: int, mo: int, d: int, h: int = 0, mi: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=WIB)


@pytest.fixture(scope="module")
def targets() -> SlaTargets:
    return SlaTargets()


def write_sla(tmp_path: Path, text: str) -> Path:
    (tmp_path / "sla.toml").write_text(text, encoding="utf-8")
    return tmp_path


# ------------------------------------------------------------------ targets


def test_catalogue_defaults(targets: SlaTargets) -> None:
    assert targets.step_target("registration") == timedelta(hours=3)
    assert targets.step_target("kadis") == timedelta(minutes=30)
    assert targets.step_target("kabid") == timedelta(minutes=15)
    assert targets.step_target("prakom") == timedelta(minutes=15)
    assert targets.reminder_fractions == (0.5, 0.8)
    assert targets.daily_capacity == 8


@pytest.mark.parametrize(
    ("category", "priority", "days"),
    [
        ("1.1", None, 5),
        ("1.1", "tinggi", 5),
        ("1.2", "rendah", 5),
        ("1.3", "tinggi", 1),
        ("1.3", "sedang", 2),
        ("1.3", "rendah", 3),
        ("1.4", "tinggi", 1),
        ("1.4", "sedang", 2),
        ("1.4", "rendah", 2),
    ],
)
def test_resolution_days(targets: SlaTargets, category: str, priority: str | None, days: int) -> None:
    assert targets.resolution_days(category, priority) == days


def test_unknown_targets_are_errors(targets: SlaTargets) -> None:
    with pytest.raises(UnknownTargetError, match="kadiss"):
        targets.step_target("kadiss")
    with pytest.raises(UnknownTargetError, match="1.9"):
        targets.resolution_days("1.9", "tinggi")
    with pytest.raises(UnknownTargetError, match="urgent"):
        targets.resolution_days("1.3", "urgent")
    with pytest.raises(UnknownTargetError, match="category"):
        targets.deadline(CAL, "resolution", at(2026, 1, 6, 10))


def test_shipped_sla_file_matches_the_catalogue() -> None:
    assert SlaTargets.load(RULES_DIR) == SlaTargets()


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    assert SlaTargets.load(tmp_path) == SlaTargets()


def test_partial_override_keeps_the_rest(tmp_path: Path) -> None:
    loaded = SlaTargets.load(
        write_sla(
            tmp_path,
            'daily_capacity = 3\n[steps]\nkadis = 45\n[resolution."1.3"]\ndays = 3\n'
            "by_priority = { tinggi = 2 }\n[reminders]\nstep_fractions = [0.75]\n",
        )
    )
    assert loaded.daily_capacity == 3
    assert loaded.step_target("kadis") == timedelta(minutes=45)
    assert loaded.step_target("kabid") == timedelta(minutes=15)
    assert loaded.resolution_days("1.3", "tinggi") == 2
    assert loaded.resolution_days("1.3", "rendah") == 3  # not listed: the category's days
    assert loaded.resolution_days("1.1") == 5
    assert loaded.reminder_fractions == (0.75,)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("[steps]\nkadis = 0\n", "steps.kadis"),
        ('[steps]\nkadis = "30"\n', "steps.kadis"),
        ("[steps]\nresolution = 5\n", "steps.resolution"),
        ('[resolution."1.3"]\nby_priority = { tinggi = 1 }\n', 'resolution."1.3".days'),
        ('[resolution."1.3"]\ndays = 2\nby_priority = { urgent = 1 }\n', 'resolution."1.3".by_priority.urgent'),
        ('[resolution."1.3"]\ndays = 2\nby_priority = { tinggi = 0 }\n', 'resolution."1.3".by_priority.tinggi'),
        ('[resolution."1.3"]\ndayz = 2\n', 'resolution."1.3".dayz'),
        ("[reminders]\nstep_fractions = [0.5, 1.5]\n", "reminders.step_fractions"),
        ('[reminders]\nresolution_morning_of_due = "ya"\n', "reminders.resolution_morning_of_due"),
        ("daily_capacity = 0\n", "daily_capacity"),
        ("daily_capasity = 8\n", "daily_capasity"),
        ("priorities = []\n", "priorities"),
    ],
)
def test_invalid_sla_file_names_the_key(tmp_path: Path, text: str, key: str) -> None:
    write_sla(tmp_path, text)
    with pytest.raises(SlaRulesError) as info:
        SlaTargets.load(tmp_path)
    assert f": {key}" in str(info.value)
    assert "sla.toml" in str(info.value)


# ---------------------------------------------------------------- deadlines


def test_step_deadlines(targets: SlaTargets) -> None:
    # registered within 3 working hours: a Friday-afternoon request is due on Monday
    assert targets.deadline(CAL, "registration", at(2026, 1, 9, 15)) == at(2026, 1, 12, 10)
    # a step that starts outside working time starts at the next working instant
    assert targets.deadline(CAL, "kadis", at(2026, 1, 10, 20)) == at(2026, 1, 12, 8, 30)
    assert targets.deadline(CAL, "kabid", at(2026, 1, 12, 7)) == at(2026, 1, 12, 8, 15)
    assert targets.deadline(CAL, "prakom", at(2026, 1, 12, 9)) == at(2026, 1, 12, 9, 15)


def test_step_crossing_a_holiday(targets: SlaTargets) -> None:
    # Wed 13 May 2026 15:45: Thu 14 May Kenaikan, Fri 15 May cuti bersama, then the weekend.
    assert targets.deadline(CAL, "kadis", at(2026, 5, 13, 15, 45)) == at(2026, 5, 18, 8, 15)


def test_resolution_deadlines(targets: SlaTargets) -> None:
    tuesday = at(2026, 1, 6, 10)
    assert targets.deadline(CAL, "resolution", tuesday, "1.3", "tinggi") == at(2026, 1, 7, 10)
    assert targets.deadline(CAL, "resolution", tuesday, "1.4", "rendah") == at(2026, 1, 8, 10)
    # 1.1 from Fri 9 Jan 15:00: 12, 13, 14, 15, (16 is Isra Mikraj) 19 Jan
    assert targets.deadline(CAL, "resolution", at(2026, 1, 9, 15), "1.1") == at(2026, 1, 19, 15)
    # 1.3 rendah across the Nyepi / Idul Fitri break (18-24 Mar 2026): 25, 26, 27 Mar
    assert targets.deadline(CAL, "resolution", at(2026, 3, 17, 10), "1.3", "rendah") == at(2026, 3, 27, 10)
    # a Saturday request: one full working day from Monday 08:00
    assert targets.deadline(CAL, "resolution", at(2026, 1, 10, 9), "1.3", "tinggi") == at(2026, 1, 12, 16)


def test_resolution_reminders(targets: SlaTargets) -> None:
    assert targets.resolution_reminders(CAL, at(2026, 1, 7, 10)) == [at(2026, 1, 6, 10), at(2026, 1, 7, 8)]
    # due Mon 16:00: the working day before is Friday (end of day), and Monday morning
    assert targets.resolution_reminders(CAL, at(2026, 1, 12, 16)) == [at(2026, 1, 9, 16), at(2026, 1, 12, 8)]
    # due Wed 25 Mar 2026 10:00, right after the Idul Fitri break: the day before is Tue 17 Mar
    assert targets.resolution_reminders(CAL, at(2026, 3, 25, 10)) == [at(2026, 3, 17, 10), at(2026, 3, 25, 8)]


# -------------------------------------------------------------------- holds


def test_hold_across_a_weekend(targets: SlaTargets) -> None:
    start = at(2026, 1, 9, 14)  # Friday
    assert deadline_with_pauses(CAL, start, 180, []) == at(2026, 1, 12, 9)
    hold = [(at(2026, 1, 9, 15), at(2026, 1, 12, 9))]  # on hold Fri 15:00 - Mon 09:00
    assert deadline_with_pauses(CAL, start, 180, hold) == at(2026, 1, 12, 11)
    assert targets.deadline(CAL, "registration", start, pauses=hold) == at(2026, 1, 12, 11)
    # a hold that only covers the weekend costs no working time
    weekend = [(at(2026, 1, 10, 9), at(2026, 1, 11, 18))]
    assert deadline_with_pauses(CAL, start, 180, weekend) == at(2026, 1, 12, 9)


def test_open_hold_means_no_deadline() -> None:
    start = at(2026, 1, 12, 9)
    assert deadline_with_pauses(CAL, start, 60, [(at(2026, 1, 12, 9, 30), None)]) is None
    # an open hold that begins after the target is reached does not matter
    assert deadline_with_pauses(CAL, start, 60, [(at(2026, 1, 12, 11), None)]) == at(2026, 1, 12, 10)


def test_overlapping_unordered_and_earlier_holds() -> None:
    start = at(2026, 1, 12, 9)
    holds = [
        (at(2026, 1, 12, 10, 30), at(2026, 1, 12, 11)),
        (at(2026, 1, 12, 10), at(2026, 1, 12, 10, 45)),
        (at(2026, 1, 5, 9), at(2026, 1, 5, 12)),  # before the start: ignored
        (at(2026, 1, 12, 8), at(2026, 1, 12, 9, 15)),  # already on hold at the start
    ]
    # counted: 09:15-10:00 (45 min), then from 11:00 another 75 min
    assert deadline_with_pauses(CAL, start, 120, holds) == at(2026, 1, 12, 12, 15)
    with pytest.raises(ValueError):
        deadline_with_pauses(CAL, start, 60, [(at(2026, 1, 12, 11), at(2026, 1, 12, 10))])


def test_resolution_with_a_hold(targets: SlaTargets) -> None:
    # 1.3 tinggi = one working day (480 min); held Tue 12:00 - Wed 12:00 (one working day)
    start = at(2026, 1, 6, 10)
    hold = [(at(2026, 1, 6, 12), at(2026, 1, 7, 12))]
    assert targets.deadline(CAL, "resolution", start, "1.3", "tinggi", pauses=hold) == at(2026, 1, 8, 10)


offsets = st.integers(min_value=0, max_value=5 * 24 * 60)


@settings(max_examples=200, deadline=None)
@given(
    start=st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2026, 12, 20), timezones=st.just(WIB)),
    target=st.integers(min_value=0, max_value=3 * 480),
    raw_holds=st.lists(st.tuples(offsets, st.integers(min_value=0, max_value=3 * 24 * 60)), max_size=4),
)
def test_time_on_hold_does_not_count(start: datetime, target: int, raw_holds: list[tuple[int, int]]) -> None:
    holds = [
        (start + timedelta(minutes=a), start + timedelta(minutes=a + length)) for a, length in raw_holds
    ]
    due = deadline_with_pauses(CAL, start, target, holds)
    assert due is not None
    assert due >= CAL.add(start, minutes=target)  # holds can only push the deadline out
    # working time from start to due, minus working time on hold within it, is the target
    on_hold = 0.0
    cursor = start
    for begin, end in sorted(holds):
        lo, hi = max(begin, cursor), min(end, due)
        if lo < hi:
            on_hold += CAL.working_minutes_between(lo, hi)
            cursor = hi
    assert CAL.working_minutes_between(start, due) - on_hold == pytest.approx(target)


# ----------------------------------------------------------------- overload


def test_overload_moves_new_work_to_the_next_working_day(targets: SlaTargets) -> None:
    monday = at(2026, 1, 12, 10)
    cap = targets.daily_capacity
    assert work_start(CAL, monday, cap - 1, cap) == (monday, False)
    assert work_start(CAL, monday, cap, cap) == (at(2026, 1, 13, 8), True)
    assert work_start(CAL, monday, cap + 3, cap) == (at(2026, 1, 13, 8), True)
    # a full Friday moves to Monday; a full Tuesday before the Idul Fitri break to 25 March
    assert work_start(CAL, at(2026, 1, 9, 14), cap, cap) == (at(2026, 1, 12, 8), True)
    assert work_start(CAL, at(2026, 3, 17, 9), cap, cap) == (at(2026, 3, 25, 8), True)


def test_overload_for_a_request_outside_working_time() -> None:
    saturday = at(2026, 1, 10, 9)
    assert work_day(CAL, saturday).isoformat() == "2026-01-12"  # count Monday's jobs
    assert work_start(CAL, saturday, 0, 8) == (at(2026, 1, 12, 8), False)
    assert work_start(CAL, saturday, 8, 8) == (at(2026, 1, 13, 8), True)
    with pytest.raises(ValueError):
        work_start(CAL, saturday, 0, 0)
    with pytest.raises(ValueError):
        work_start(CAL, saturday, -1, 8)
