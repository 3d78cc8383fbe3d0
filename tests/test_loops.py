"""Mail loops and floods: a robot that answers everything it receives must not get into an endless
exchange with the service, and one sender's flood is rate-limited with a single explanation while
every message of it is kept.

The responders are real mailboxes on the local stack (``autoresponder@``) that read their INBOX over
IMAP and reply by SMTP; the service side is one poll of the mailbox plus one outbox delivery a round.
"""
from __future__ import annotations

import email
import json
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

import pytest
from sqlalchemy import func, select

from chain import outbox
from conftest import REQUEST_BODY, T0, make_mail, write_config
from mailproc.core.config import load_config
from mailproc.desk import Desk
from mailproc.intake.inbound import Inbound, Origin
from mailproc.service.mailbox import MailboxDoor
from mailproc.outbox.sender import deliver_due
from mailproc.store.models import InboundMessage, OutboxMessage, Ticket

SERVICE = "aptika@lampungbaratkab.go.id"
ROBOT = "autoresponder@lampungbaratkab.go.id"
ROUNDS = 6


@dataclass
class Responder:
    """Answers every message in its INBOX once: "Re: <subject>", the original quoted below."""
    stack: object
    headers: dict[str, str] = field(default_factory=dict)   # e.g. Auto-Submitted (a well-behaved one)
    subject_prefix: str = "Re: "
    answered: set[bytes] = field(default_factory=set)
    sent: int = 0

    def request(self) -> None:
        raw = make_mail(ROBOT, "Permohonan perbaikan jaringan internet kantor", REQUEST_BODY)
        self.stack.send(raw, ROBOT, [SERVICE])
        self.sent += 1

    def answer_all(self) -> int:
        new = 0
        for raw in self.stack.fetch(ROBOT):
            original = email.message_from_bytes(raw, policy=policy.default)
            key = str(original["Message-ID"]).encode()
            if key in self.answered:
                continue
            self.answered.add(key)
            body = original.get_body(("plain",))
            quoted = "\n".join("> " + line for line in (body.get_content() if body else "").splitlines())
            reply = EmailMessage()
            reply["From"] = ROBOT
            reply["To"] = str(original["Reply-To"] or original["From"])
            reply["Subject"] = self.subject_prefix + str(original["Subject"])
            reply["Date"] = format_datetime(T0)
            reply["Message-ID"] = make_msgid(domain="lampungbaratkab.go.id")
            reply["In-Reply-To"] = str(original["Message-ID"])
            reply["References"] = str(original["Message-ID"])
            for name, value in self.headers.items():
                reply[name] = value
            reply.set_content(f"Terima kasih, pesan Anda sudah kami terima.\n\n{quoted}\n")
            self.stack.send(bytes(reply), ROBOT, [SERVICE])
            self.sent += 1
            new += 1
        return new


def exchange(desk, stack, responder: Responder) -> list[tuple[int, int]]:
    """Alternate the service (poll + deliver) and the responder; the running totals a round:
    (mail the robot sent to the service, mail the service sent to the robot)."""
    door = MailboxDoor(desk)
    totals = []
    try:
        responder.request()
        for _ in range(ROUNDS):
            waiting = responder.sent - handled(desk)
            if waiting > 0:
                stack.wait_for(SERVICE, waiting)          # the robot's mail has arrived
            door.poll_once()
            deliver_due(desk)
            stack.wait_for(ROBOT, len(outbox(desk, ROBOT)))   # ours has arrived at the robot
            responder.answer_all()
            totals.append((responder.sent, len(outbox(desk, ROBOT))))
    finally:
        door.close()
    return totals


def handled(desk) -> int:
    with desk.sessions() as s:
        return s.scalar(select(func.count()).select_from(InboundMessage))


@pytest.fixture
def live(tmp_path, db_url, clock, clean_mailstack):
    desk = Desk(load_config(write_config(tmp_path, db_url, smtp_port=clean_mailstack.smtp_port,
                                         imap_port=clean_mailstack.imap_port)), clock)
    return desk, clean_mailstack


@pytest.mark.mailstack
@pytest.mark.parametrize("kind, headers, prefix", [
    ("rude", {}, "Re: "),
    ("rfc3834", {"Auto-Submitted": "auto-replied"}, "Re: "),
    ("indonesian", {}, "Balasan Otomatis: "),
], ids=["no-headers", "auto-submitted", "balasan-otomatis"])
def test_auto_responder_does_not_loop(live, kind, headers, prefix):
    desk, stack = live
    robot = Responder(stack, headers=headers, subject_prefix=prefix)
    totals = exchange(desk, stack, robot)
    robot_sent, service_sent = totals[-1]
    print(f"loop {kind}: {totals}")
    # The request, our acknowledgement, the robot's answer to it: then silence.
    assert robot_sent + service_sent <= 3, totals
    assert totals[-1] == totals[-2] == totals[-3], totals
    assert service_sent == 1
    with desk.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Ticket)) == 1
        outcomes = sorted(s.scalars(select(InboundMessage.outcome)))
    assert len(outcomes) == robot_sent
    if kind == "rude":
        # A robot's answer without any marker reads like the requester adding information: it is put
        # on the ticket (and passed to whoever holds it), never answered back.
        assert outcomes == ["followup", "ticket"]
    else:
        assert outcomes == ["ignored", "ticket"]


# -- floods ---------------------------------------------------------------------------------------

FLOODER = "umum@diskes.lampungbaratkab.go.id"


def test_flood_is_rate_limited_with_one_explanation(desk, clock, capsys):
    limit = desk.config.limits.max_requests_per_sender_per_hour
    inbound = Inbound(desk)
    results = []
    for n in range(40):                         # 40 requests in 40 minutes
        raw = make_mail(FLOODER, f"Jaringan internet putus di ruang {n + 1}", REQUEST_BODY, when=clock.now())
        results.append(inbound.handle(raw, Origin("ingest")))
        clock.advance(minutes=1)
    outcomes = [r.outcome for r in results]
    assert outcomes == ["ticket"] * limit + ["ignored"] * (40 - limit)
    assert all(r.reason.startswith("rate_limited") for r in results[limit:])
    explanations = outbox(desk, FLOODER, "rate_limited")
    assert len(explanations) == 1                 # one explanation, not one per message
    assert len(outbox(desk, FLOODER, "acknowledgement")) == limit
    print(f"flood: {len(outbox(desk, FLOODER))} mails to the flooder for 40 requests "
          f"({limit} acknowledgements + {len(explanations)} explanation)")

    # Every message of the flood is kept and listed.
    from mailproc.cli.main import main
    capsys.readouterr()
    assert main(["--config", str(desk.config.path), "messages", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert len(listed) == 40 - limit and all(m["reason"].startswith("rate_limited") for m in listed)
    assert main(["--config", str(desk.config.path), "messages", "--all", "--json"]) == 0
    everything = json.loads(capsys.readouterr().out)
    assert len(everything) == 40 and {m["from"] for m in everything} == {FLOODER}

    # An hour after the flood the sender is heard again; a new flood is explained once more.
    clock.advance(hours=1)
    again = inbound.handle(make_mail(FLOODER, "Jaringan putus lagi", REQUEST_BODY, when=clock.now()), Origin("ingest"))
    assert again.outcome == "ticket"
    with desk.sessions() as s:
        assert s.scalar(select(func.count()).select_from(OutboxMessage)
                        .where(OutboxMessage.kind == "rate_limited")) == 1


def test_flood_explanation_does_not_start_a_loop_with_a_robot(desk, clock):
    """The explanation is itself marked as automatic, so a robot that floods gets nothing back for
    its answer to it."""
    inbound = Inbound(desk)
    for n in range(desk.config.limits.max_requests_per_sender_per_hour + 1):
        inbound.handle(make_mail(FLOODER, f"Internet mati ruang {n}", REQUEST_BODY, when=clock.now()), Origin("ingest"))
    explanation = outbox(desk, FLOODER, "rate_limited")[0]
    parsed = email.message_from_bytes(explanation.raw, policy=policy.default)
    assert parsed["Auto-Submitted"] in ("auto-replied", "auto-generated")
    before = len(outbox(desk))
    answer = make_mail(FLOODER, "Re: " + str(parsed["Subject"]), "Terima kasih.\n\n> " + "isi", when=clock.now(),
                       in_reply_to=str(parsed["Message-ID"]), references=str(parsed["Message-ID"]))
    result = inbound.handle(answer, Origin("ingest"))
    assert result.outcome != "ticket" and len(outbox(desk)) == before
