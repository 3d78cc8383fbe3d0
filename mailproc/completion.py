"""Completion: what follows an accepted SELESAI report (the Berita Acara and the requester's answer)."""
from __future__ import annotations


def on_completed(desk, s, ticket) -> None:
    """Issue the Berita Acara for a ticket that just became ``done`` (built in its own issue)."""


def on_requester_reply(desk, s, ticket, mail, row, typed: str) -> str | None:
    """The PJ's answer to a Berita Acara (BELUM SELESAI / NILAI); None when it is not one."""
    return None
