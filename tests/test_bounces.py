"""Machine mail is recognised: bounces, delays, auto-replies, feedback reports, delivery successes
and read receipts never become a ticket or get an answer; ordinary mail passes the machine check.

Data: tests/data/bounces/ (third-party DSNs and auto-replies with LABELS.csv, see SOURCES.md there).
"""
from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from sqlalchemy import func, select

from mailproc.intake.guard import Guard
from mailproc.intake.inbound import Inbound, Origin
from mailproc.mail.parse import parse_mail
from mailproc.store.models import OutboxMessage, Ticket

DATA = Path(__file__).parent / "data" / "bounces"
ROOT = Path(__file__).resolve().parent.parent
MACHINE_KINDS = {"bounce", "delay", "auto-reply", "feedback-report", "delivery-success", "read-receipt (MDN)"}


def labelled() -> dict[str, str]:
    """file -> kind (one kind per file; a file has one row per recipient)."""
    kinds: dict[str, set[str]] = {}
    with open(DATA / "LABELS.csv", newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            kinds.setdefault(row["file"], set()).add(row["kind"])
    assert all(len(k) == 1 for k in kinds.values())
    return {name: k.pop() for name, k in sorted(kinds.items())}


LABELS = labelled()
MACHINE = [name for name, kind in LABELS.items() if kind in MACHINE_KINDS]
PEOPLE = [name for name, kind in LABELS.items() if kind == "not-bounce"]


@pytest.fixture(scope="module")
def guard() -> Guard:
    return Guard.load(ROOT / "rules", {"aptika@lampungbaratkab.go.id"})


def test_labels_cover_every_file():
    files = {p.relative_to(DATA).as_posix() for p in DATA.rglob("*") if p.is_file() and p.suffix not in (".csv", ".md")}
    assert set(LABELS) == files
    assert set(LABELS.values()) == MACHINE_KINDS | {"not-bounce"}
    assert len(MACHINE) >= 55 and len(PEOPLE) >= 2


@pytest.mark.parametrize("name", MACHINE)
def test_machine_mail_is_refused(guard, name):
    refusal = guard.machine_mail(parse_mail((DATA / name).read_bytes()))
    assert refusal is not None, f"{name} ({LABELS[name]}) passed the machine check"
    if LABELS[name] == "auto-reply":
        assert refusal.code == "auto_reply"
    elif LABELS[name] == "read-receipt (MDN)":
        assert refusal.code == "read_receipt"
    else:
        assert refusal.code == "bounce"


@pytest.mark.parametrize("name", PEOPLE)
def test_people_pass_the_machine_check(guard, name):
    assert guard.machine_mail(parse_mail((DATA / name).read_bytes())) is None


def test_recognition_share(guard):
    refused = [name for name in MACHINE if guard.machine_mail(parse_mail((DATA / name).read_bytes())) is not None]
    passed = [name for name in PEOPLE if guard.machine_mail(parse_mail((DATA / name).read_bytes())) is None]
    print(f"\nmachine mail refused: {len(refused)}/{len(MACHINE)}; ordinary mail passed: {len(passed)}/{len(PEOPLE)}")
    assert len(refused) == len(MACHINE) and len(passed) == len(PEOPLE)


NEUTRAL_FROM = b"From: Petugas TI <it@rsud.lampungbaratkab.go.id>"
# Recognised by its sender alone (no-reply@sns.amazonaws.com): the JSON body and headers say nothing.
SENDER_ONLY = {"sisimai/lhost-amazonses-12.eml"}


def with_neutral_sender(raw: bytes) -> bytes:
    """The message as if a person at an allowed OPD had sent it: only the other signals remain."""
    crlf, lf = raw.find(b"\r\n\r\n"), raw.find(b"\n\n")
    head, sep, body = raw.partition(b"\r\n\r\n" if crlf >= 0 and (lf < 0 or crlf < lf) else b"\n\n")
    head, n = re.subn(rb"(?im)^From:.*(\r?\n[ \t].*)*$", NEUTRAL_FROM, head, count=1)
    if not n:
        head = NEUTRAL_FROM + b"\r\n" + head
    return head + sep + body


def test_recognised_without_the_sender(guard):
    """A forwarded or rewritten report loses its mailer-daemon sender: structure and headers still tell."""
    missed = {name for name in MACHINE if guard.machine_mail(parse_mail(with_neutral_sender((DATA / name).read_bytes()))) is None}
    print(f"\nrecognised with a neutral sender: {len(MACHINE) - len(missed)}/{len(MACHINE)}")
    assert missed <= SENDER_ONLY


def test_through_the_door_no_ticket_no_reply(desk):
    """Every machine message, even when its From: is a person at an allowed OPD: ignored, nothing sent."""
    inbound = Inbound(desk)
    for name in MACHINE:
        raw = (DATA / name).read_bytes()
        if name not in SENDER_ONLY:
            raw = with_neutral_sender(raw)
        result = inbound.handle(raw, Origin("ingest"))
        assert result.outcome in ("ignored", "duplicate"), f"{name}: {result}"
        assert result.ticket is None
    with desk.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Ticket)) == 0
        assert s.scalar(select(func.count()).select_from(OutboxMessage)) == 0
