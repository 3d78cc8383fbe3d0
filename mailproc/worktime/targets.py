"""SLA targets (mutu baku) as data, and the deadlines they give on a `WorkingCalendar`.

Defaults follow the service catalogue (katalog layanan jaringan intra):

* SOP steps, in working time: ``registration`` (request registered) 3 h, ``kadis`` 30 min,
  ``kabid`` 15 min, ``prakom`` 15 min.
* Resolution (step ``resolution``), in working days, by category ("Kebutuhan"):
  1.1 and 1.2: 5; 1.3: tinggi 1, sedang 2, rendah 3; 1.4: tinggi 1, otherwise 2.
* Reminders at 50 % and 80 % of a step's target; for resolution one working day before the due
  instant and at the start of the due day.
* ``daily_capacity``: new technical jobs started per working day; beyond it, new work moves to the
  next working day ("jika permintaan layanan pada hari yang sama sudah overload maka akan
  dilakukan dihari kerja berikutnya").

``rules/sla.toml`` overrides any of these; keys left out keep the default.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping, Sequence

from mailproc.core.config import RulesError
from mailproc.worktime.calendar import WorkingCalendar

__all__ = [
    "RESOLUTION_STEP",
    "SLA_FILE",
    "ResolutionRule",
    "SlaRulesError",
    "SlaTargets",
    "UnknownTargetError",
    "deadline_with_pauses",
    "work_day",
    "work_start",
]

SLA_FILE = "sla.toml"
RESOLUTION_STEP = "resolution"

Pause = tuple[datetime, datetime | None]


class SlaRulesError(RulesError, ValueError):
    """rules/sla.toml is invalid; the message names the key."""


class UnknownTargetError(LookupError):
    """A step, category or priority that has no target."""


@dataclass(frozen=True)
class ResolutionRule:
    """Working days to resolve one category; `by_priority` overrides `days` for a known priority."""

    days: int
    by_priority: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))

    def days_for(self, priority: str | None) -> int:
        if priority is None:
            return self.days
        return self.by_priority.get(priority, self.days)


def _default_steps() -> Mapping[str, int]:
    return MappingProxyType({"registration": 180, "kadis": 30, "kabid": 15, "prakom": 15})


def _default_resolution() -> Mapping[str, ResolutionRule]:
    return MappingProxyType(
        {
            "1.1": ResolutionRule(5),
            "1.2": ResolutionRule(5),
            "1.3": ResolutionRule(2, MappingProxyType({"tinggi": 1, "sedang": 2, "rendah": 3})),
            "1.4": ResolutionRule(2, MappingProxyType({"tinggi": 1, "sedang": 2, "rendah": 2})),
        }
    )


@dataclass(frozen=True)
class SlaTargets:
    """All SLA numbers. Build with `SlaTargets()` (catalogue defaults) or `SlaTargets.load(dir)`."""

    steps: Mapping[str, int] = field(default_factory=_default_steps)  # working minutes
    resolution: Mapping[str, ResolutionRule] = field(default_factory=_default_resolution)
    priorities: tuple[str, ...] = ("tinggi", "sedang", "rendah")
    reminder_fractions: tuple[float, ...] = (0.5, 0.8)
    resolution_reminder_days_before: tuple[int, ...] = (1,)
    resolution_reminder_morning_of_due: bool = True
    daily_capacity: int = 8

    # ------------------------------------------------------------ loading

    @classmethod
    def load(cls, rules_dir: str | Path) -> "SlaTargets":
        """Targets from ``rules_dir/sla.toml`` over the catalogue defaults (defaults if absent)."""
        path = Path(rules_dir) / SLA_FILE
        if not path.exists():
            return cls()
        try:
            with path.open("rb") as fh:
                data = tomllib.load(fh)
        except tomllib.TOMLDecodeError as exc:
            raise SlaRulesError(f"{path}: not valid TOML: {exc}") from exc
        try:
            return cls.from_mapping(data)
        except SlaRulesError as exc:
            raise SlaRulesError(f"{path}: {exc}") from exc

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> "SlaTargets":
        """Validate a parsed sla.toml document; keys left out keep the catalogue default."""
        _reject_unknown(data, {"steps", "resolution", "priorities", "reminders", "daily_capacity"}, "")
        base = cls()

        steps = dict(base.steps)
        for name, value in _table(data, "steps").items():
            if name == RESOLUTION_STEP:
                raise SlaRulesError(f"steps.{name}: reserved; set [resolution.\"<category>\"] instead")
            steps[name] = _positive_int(value, f"steps.{name}")

        priorities = base.priorities
        if "priorities" in data:
            value = data["priorities"]
            if (
                not isinstance(value, list)
                or not value
                or not all(isinstance(p, str) and p.strip() for p in value)
            ):
                raise SlaRulesError("priorities: expected a non-empty list of strings")
            priorities = tuple(p.strip() for p in value)

        resolution = dict(base.resolution)
        for category, table in _table(data, "resolution").items():
            key = f'resolution."{category}"'
            if not isinstance(table, dict):
                raise SlaRulesError(f"{key}: expected a table with 'days' and optional 'by_priority'")
            _reject_unknown(table, {"days", "by_priority"}, f"{key}.")
            if "days" not in table:
                raise SlaRulesError(f"{key}.days: missing")
            days = _positive_int(table["days"], f"{key}.days")
            by_priority = _table(table, "by_priority", prefix=f"{key}.")
            for prio, n in by_priority.items():
                if prio not in priorities:
                    raise SlaRulesError(
                        f"{key}.by_priority.{prio}: unknown priority (known: {', '.join(priorities)})"
                    )
                _positive_int(n, f"{key}.by_priority.{prio}")
            resolution[category] = ResolutionRule(days, MappingProxyType(dict(by_priority)))

        reminders = _table(data, "reminders")
        _reject_unknown(reminders, {"step_fractions", "resolution_days_before", "resolution_morning_of_due"}, "reminders.")
        fractions = base.reminder_fractions
        if "step_fractions" in reminders:
            raw = reminders["step_fractions"]
            if not isinstance(raw, list) or not all(
                isinstance(f, (int, float)) and not isinstance(f, bool) and 0 < f < 1 for f in raw
            ):
                raise SlaRulesError("reminders.step_fractions: expected a list of numbers between 0 and 1")
            fractions = tuple(sorted(set(float(f) for f in raw)))
        days_before = base.resolution_reminder_days_before
        if "resolution_days_before" in reminders:
            raw = reminders["resolution_days_before"]
            if not isinstance(raw, list):
                raise SlaRulesError("reminders.resolution_days_before: expected a list of whole numbers")
            days_before = tuple(
                sorted({_positive_int(n, "reminders.resolution_days_before") for n in raw}, reverse=True)
            )
        morning = reminders.get("resolution_morning_of_due", base.resolution_reminder_morning_of_due)
        if not isinstance(morning, bool):
            raise SlaRulesError("reminders.resolution_morning_of_due: expected true or false")

        capacity = _positive_int(data.get("daily_capacity", base.daily_capacity), "daily_capacity")

        return cls(
            steps=MappingProxyType(steps),
            resolution=MappingProxyType(resolution),
            priorities=priorities,
            reminder_fractions=fractions,
            resolution_reminder_days_before=days_before,
            resolution_reminder_morning_of_due=morning,
            daily_capacity=capacity,
        )

    # ------------------------------------------------------------ lookups

    def step_target(self, step: str) -> timedelta:
        """Working time allowed for an SOP step (not ``resolution``, which is in working days)."""
        try:
            return timedelta(minutes=self.steps[step])
        except KeyError:
            raise UnknownTargetError(
                f"no target for step {step!r} (known: {', '.join(sorted(self.steps))}, {RESOLUTION_STEP})"
            ) from None

    def resolution_days(self, category: str, priority: str | None = None) -> int:
        """Working days to resolve a request of `category`; `priority` None uses the category default."""
        rule = self.resolution.get(category)
        if rule is None:
            raise UnknownTargetError(
                f"no resolution target for category {category!r} (known: {', '.join(sorted(self.resolution))})"
            )
        if priority is not None and priority not in self.priorities:
            raise UnknownTargetError(f"unknown priority {priority!r} (known: {', '.join(self.priorities)})")
        return rule.days_for(priority)

    def target_minutes(
        self,
        calendar: WorkingCalendar,
        step: str,
        category: str | None = None,
        priority: str | None = None,
    ) -> float:
        """Target of any step in working minutes; resolution days count as full working days."""
        if step == RESOLUTION_STEP:
            return self.resolution_days(_need_category(category), priority) * calendar.full_day_minutes
        return self.step_target(step) / timedelta(minutes=1)

    # ---------------------------------------------------------- deadlines

    def deadline(
        self,
        calendar: WorkingCalendar,
        step: str,
        started: datetime,
        category: str | None = None,
        priority: str | None = None,
        pauses: Sequence[Pause] = (),
    ) -> datetime | None:
        """When `step`, started at `started`, is due.

        A step that starts outside working time starts at the next working instant. Steps are
        measured in working minutes (`WorkingCalendar.add`); ``resolution`` in working days
        (`WorkingCalendar.add_working_days`). With `pauses` (holds), the target is counted in
        working minutes (resolution days x `full_day_minutes`) and time on hold does not count;
        the result is None while an open hold (end None) started before the deadline.
        """
        if pauses:
            minutes = self.target_minutes(calendar, step, category, priority)
            return deadline_with_pauses(calendar, started, minutes, pauses)
        if step == RESOLUTION_STEP:
            days = self.resolution_days(_need_category(category), priority)
            return calendar.add_working_days(started, days)
        return calendar.add(started, minutes=self.step_target(step) / timedelta(minutes=1))

    def resolution_reminder_points(self, calendar: WorkingCalendar, due: datetime) -> list[tuple[datetime, str]]:
        """Labelled reminders before a resolution deadline, sorted, each strictly before `due`:
        ``day-N`` N working days before `due`, ``morning`` at the start of the due day."""
        points = {calendar.add_working_days(due, -n): f"day-{n}" for n in self.resolution_reminder_days_before}
        if self.resolution_reminder_morning_of_due:
            due_local = due.astimezone(calendar.tz)
            if calendar.is_working_day(due_local.date()):
                points[calendar.working_day_start(due_local.date())] = "morning"
        return sorted((p, label) for p, label in points.items() if p < due)

    def resolution_reminders(self, calendar: WorkingCalendar, due: datetime) -> list[datetime]:
        """Reminders before a resolution deadline (default: one working day before `due` and the
        morning of the due day), sorted, each strictly before `due`."""
        return [p for p, _ in self.resolution_reminder_points(calendar, due)]


# ------------------------------------------------------------------- holds


def deadline_with_pauses(
    calendar: WorkingCalendar,
    start: datetime,
    target_minutes: float,
    pauses: Sequence[Pause],
) -> datetime | None:
    """Deadline after `target_minutes` of working time from `start`, not counting time on hold.

    `pauses` are ``(begin, end)`` holds (e.g. waiting for the OPD to procure equipment); ``end``
    None means the hold is still open. Holds may overlap and come in any order; the parts before
    `start` are ignored. Returns None when an open hold begins before the target is reached (no
    deadline runs while on hold).
    """
    if target_minutes < 0:
        raise ValueError("target_minutes must not be negative")
    remaining = float(target_minutes)
    cursor = start
    for begin, end in _merged(pauses):
        if end is not None and end <= cursor:
            continue
        if begin > cursor:
            available = calendar.working_minutes_between(cursor, begin)
            if available >= remaining:
                return calendar.add(cursor, minutes=remaining)
            remaining -= available
        if end is None:
            return None
        cursor = max(cursor, end)
    return calendar.add(cursor, minutes=remaining)


def _merged(pauses: Sequence[Pause]) -> list[Pause]:
    """Sort holds and merge overlapping ones; an open hold swallows everything after it."""
    merged: list[Pause] = []
    for begin, end in sorted(pauses, key=lambda p: p[0]):
        if end is not None and end < begin:
            raise ValueError(f"hold ends ({end}) before it begins ({begin})")
        if merged:
            last_begin, last_end = merged[-1]
            if last_end is None:
                break
            if begin <= last_end:
                merged[-1] = (last_begin, None if end is None else max(last_end, end))
                continue
        merged.append((begin, end))
    return merged


# ---------------------------------------------------------------- overload


def work_day(calendar: WorkingCalendar, requested_at: datetime) -> date:
    """The working day on which work requested at `requested_at` would start (before overload)."""
    return calendar.next_working_instant(requested_at).date()


def work_start(
    calendar: WorkingCalendar,
    requested_at: datetime,
    jobs_already_started_that_day: int,
    capacity: int,
) -> tuple[datetime, bool]:
    """When new technical work may start, and whether the overload rule moved it.

    Work starts at ``next_working_instant(requested_at)``; when `jobs_already_started_that_day`
    (count them on ``work_day(calendar, requested_at)``) has reached `capacity`, it moves to the
    start of the next working day ("dilakukan dihari kerja berikutnya"). The move is one day; a
    caller that finds that day full too calls again with that day's count.
    """
    if capacity < 1:
        raise ValueError("capacity must be at least 1")
    if jobs_already_started_that_day < 0:
        raise ValueError("jobs_already_started_that_day must not be negative")
    start = calendar.next_working_instant(requested_at)
    if jobs_already_started_that_day < capacity:
        return start, False
    return calendar.working_day_start(calendar.next_working_day(start.date())), True


# ------------------------------------------------------------------ helpers


def _need_category(category: str | None) -> str:
    if category is None:
        raise UnknownTargetError("the resolution target needs a category (1.1-1.4)")
    return category


def _reject_unknown(table: Mapping[str, Any], allowed: set[str], prefix: str) -> None:
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise SlaRulesError(f"{prefix}{unknown[0]}: unknown key (allowed: {', '.join(sorted(allowed))})")


def _table(data: Mapping[str, Any], key: str, prefix: str = "") -> Mapping[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise SlaRulesError(f"{prefix}{key}: expected a table")
    return value


def _positive_int(value: Any, key: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise SlaRulesError(f"{key}: expected a whole number of at least 1, got {value!r}")
    return value
