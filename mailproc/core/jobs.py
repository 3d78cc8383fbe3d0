"""What a periodic job says about its round: a line of text, marked when nothing happened or something failed.

``run`` logs an ``Idle`` line at DEBUG only (an idle service writes nothing at INFO), and
``tick --quiet`` prints only ``Trouble`` lines (cron mails only when something went wrong). Both are
plain strings for everyone else.
"""
from __future__ import annotations


class Idle(str):
    """The round did nothing worth a log line (nothing due, nothing sent)."""


class Trouble(str):
    """Something failed this round (the job itself, or mail it could not deliver)."""
