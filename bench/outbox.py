"""Outbox delivery: N queued messages delivered to Postfix by ``deliver_due`` against bare smtplib
over one connection sending the same messages to the same envelope (recipients + the sent copy)."""
from __future__ import annotations

import smtplib
import time

from sqlalchemy import insert

from bench.env import SERVICE, Workspace, database, make_desk, settle, write_config
from bench.report import Target, figure, say

RECIPIENTS = ("kadis@lampungbaratkab.go.id", "kabid.aptika@lampungbaratkab.go.id", "prakom@lampungbaratkab.go.id",
              "rahmat.hidayat@lampungbaratkab.go.id", "umum@diskes.lampungbaratkab.go.id")


def _queue(desk, count: int) -> list[tuple[list[str], bytes]]:
    """``count`` real composed mails (the admin_alert template, text + HTML) queued as pending rows."""
    from mailproc.store.models import OUT_PENDING, OutboxMessage
    composer, now, rows = desk.composer, desk.clock.now(), []
    for i in range(count):
        to = [RECIPIENTS[i % len(RECIPIENTS)]]
        msg = composer.compose("admin_alert", to, {"problem": f"Pesan uji kinerja nomor {i}.", "detail": "bench " * 40,
                                                   "next_attempt": None}, answering=False)
        rows.append({"created_at": now, "kind": "bench", "recipients": to, "subject": str(msg["Subject"]),
                     "message_id": str(msg["Message-ID"]), "raw": msg.as_bytes(), "status": OUT_PENDING,
                     "attempts": 0, "next_attempt_at": now})
    with desk.transaction() as s:
        s.execute(insert(OutboxMessage), rows)
    return [(r["recipients"], r["raw"]) for r in rows]


def _bare(stack, messages, sent_copy: str) -> float:
    start = time.perf_counter()
    with smtplib.SMTP("127.0.0.1", stack.smtp_port, timeout=30) as smtp:
        for to, raw in messages:
            smtp.sendmail(SERVICE, to + [sent_copy], raw)
    return time.perf_counter() - start


def _mailproc(desk) -> tuple[float, int]:
    from mailproc.outbox.sender import deliver_due
    start, sent = time.perf_counter(), 0
    while True:
        report = deliver_due(desk)
        sent += report.sent
        if not (report.sent or report.retried or report.failed):
            break
        assert not report.errors, report.errors
    return time.perf_counter() - start, sent


def measure(stack, count: int, runs: int, kinds=("sqlite", "postgresql")) -> None:
    for kind in kinds:
        ours, bare = [], []
        for _ in range(runs):
            with Workspace.new() as ws, database(kind, ws.path) as url:
                desk = make_desk(write_config(ws.path, url, imap_port=stack.imap_port, smtp_port=stack.smtp_port))
                messages = _queue(desk, count)
                settle(stack)
                bare.append(count / _bare(stack, messages, desk.config.smtp.sent_copy))
                settle(stack)
                seconds, sent = _mailproc(desk)
                assert sent == count, (sent, count)
                ours.append(count / seconds)
                desk.engine.dispose()
            say(f"outbox {kind}: mailproc {ours[-1]:.0f} msgs/s, smtplib {bare[-1]:.0f} msgs/s")
        figure(f"outbox.{kind}.deliver_due", ours, "msgs/s", baseline=bare, target=Target(0.8, True, "ratio"),
               note=f"{count} msgs; baseline = smtplib, one connection, same messages and envelopes")
