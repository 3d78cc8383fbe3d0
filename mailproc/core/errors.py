"""Errors an administrator can fix, and the one line the command line prints for any error.

Every such error derives from ``AdminError``: its text names what is wrong and where (a config
key, a rules file, a database revision), and ``describe`` gives that line. A bug is not one of them
and is shown with its traceback.
"""
from __future__ import annotations

import sys


class AdminError(Exception):
    """A problem in the set-up (configuration, rules, database, mail server), not a bug."""

    def describe(self) -> str:
        return str(self)


def describe(exc: BaseException) -> str | None:
    """One clear line for an error an admin can fix; None for a bug."""
    if isinstance(exc, AdminError):
        return exc.describe()
    # Third-party errors of the set-up. A module not yet imported raised nothing: it is not loaded
    # here just to recognise its classes.
    sqlalchemy_exc = sys.modules.get("sqlalchemy.exc")
    if sqlalchemy_exc is not None and isinstance(exc, sqlalchemy_exc.OperationalError):
        return f"database unavailable: {str(exc.orig).strip().splitlines()[0]}"
    jinja2 = sys.modules.get("jinja2")
    if jinja2 is not None and isinstance(exc, jinja2.TemplateSyntaxError):
        return f"TemplateSyntaxError: {exc}"
    return None
