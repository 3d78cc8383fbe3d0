"""The one clock: real time by default, a fixed instant for tests and replays (`--now`)."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

WIB = ZoneInfo("Asia/Jakarta")


class Clock:
    """Returns aware datetimes. ``Clock(fixed)`` stands still until moved with ``advance``/``set``."""

    def __init__(self, fixed: datetime | None = None):
        if fixed is not None and fixed.tzinfo is None:
            fixed = fixed.replace(tzinfo=WIB)
        self._fixed = fixed

    def now(self) -> datetime:
        return self._fixed if self._fixed is not None else datetime.now(timezone.utc)

    def set(self, instant: datetime) -> None:
        self._fixed = instant if instant.tzinfo else instant.replace(tzinfo=WIB)

    def advance(self, **delta: float) -> None:
        self._fixed = self.now() + timedelta(**delta)


def parse_instant(text: str) -> datetime:
    """ISO-8601; a naive value is taken as WIB (Asia/Jakarta), the service's own time zone."""
    value = datetime.fromisoformat(text)
    return value if value.tzinfo else value.replace(tzinfo=WIB)

