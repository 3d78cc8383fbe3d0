"""Latency: a request sent over SMTP until its acknowledgement, with ``mailproc run`` idling on IMAP IDLE.

Two end points, both measured per request:
* ``handed_to_smtp``: the ack's outbox row ``sent_at`` (Postfix accepted it) minus the send instant;
* ``in_requester_mailbox``: the ack's file appearing in the requester's Maildir (polled on disk
  every 2 ms, so no second IDLE delay is added), minus the send instant. This is what a person sees.
"""
from __future__ import annotations

import email
import signal
import smtplib
import subprocess
import time
from datetime import datetime, timezone

from bench.corpus import request
from bench.env import MAILPROC, ROOT, SERVICE, Workspace, database, dbapi_connect, write_config
from bench.intake import _wait_running
from bench.report import Target, figure, say

REQUESTERS = ("umum@diskes.lampungbaratkab.go.id", "kapus.liwa@diskes.lampungbaratkab.go.id",
              "it@rsud.lampungbaratkab.go.id", "tu@disdik.lampungbaratkab.go.id",
              "pelayanan@disdukcapil.lampungbaratkab.go.id", "sekcam@kec-balikbukit.lampungbaratkab.go.id",
              "bappeda@lampungbaratkab.go.id")


def _maildir_count(stack, address: str) -> int:
    local, domain = address.split("@")
    base = stack.workdir / "mail" / domain / local / "Maildir"
    return sum(len(list((base / sub).iterdir())) for sub in ("new", "cur") if (base / sub).is_dir())


def _percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def _sent_at(url: str) -> dict[str, datetime]:
    """In-Reply-To of each sent acknowledgement -> its sent_at."""
    conn = dbapi_connect(url)
    try:
        rows = conn.execute("SELECT raw, sent_at FROM outbox WHERE kind = 'acknowledgement' AND status = 'sent'").fetchall()
    finally:
        conn.close()
    out = {}
    for raw, sent_at in rows:
        reply_to = email.message_from_bytes(bytes(raw))["In-Reply-To"]
        if isinstance(sent_at, str):
            sent_at = datetime.fromisoformat(sent_at)
        out[str(reply_to).strip()] = sent_at.replace(tzinfo=timezone.utc) if sent_at.tzinfo is None else sent_at
    return out


def measure(stack, count: int, kind: str = "sqlite", timeout: float = 30.0) -> None:
    with Workspace.new() as ws, database(kind, ws.path) as url:
        config = write_config(ws.path, url, imap_port=stack.imap_port, smtp_port=stack.smtp_port)
        log = ws.path / "run.log"
        proc = subprocess.Popen([str(MAILPROC), "--config", str(config), "run"], cwd=ROOT,
                                stdout=subprocess.DEVNULL, stderr=log.open("wb"))
        seen, sends = [], {}
        try:
            _wait_running(proc, log)
            time.sleep(2.0)   # its first poll and delivery are done; it waits in IDLE
            for i in range(count):
                to = REQUESTERS[i % len(REQUESTERS)]
                raw = request(to, i, salt=f"lat{int(time.time())}-")
                mid = email.message_from_bytes(raw)["Message-ID"].strip()
                before = _maildir_count(stack, to)
                sends[mid] = datetime.now(timezone.utc)
                start = time.perf_counter()
                with smtplib.SMTP("127.0.0.1", stack.smtp_port, timeout=30) as smtp:
                    smtp.sendmail(to, [SERVICE], raw)
                deadline = start + timeout
                while _maildir_count(stack, to) <= before:
                    if time.perf_counter() > deadline:
                        raise TimeoutError(f"no acknowledgement for request {i} after {timeout} s:\n"
                                           + log.read_text()[-2000:])
                    time.sleep(0.002)
                seen.append(time.perf_counter() - start)
                time.sleep(0.3)   # let the round finish (request mail to the Kadis) before the next request
        finally:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
        sent_at = _sent_at(url)
    handed = [(sent_at[mid] - at).total_seconds() for mid, at in sends.items() if mid in sent_at]
    say(f"latency {kind}: {len(handed)}/{count} acks found in the outbox")
    for name, samples in (("handed_to_smtp", handed), ("in_requester_mailbox", seen)):
        figure(f"latency.{kind}.{name}.p50", _percentile(samples, 50), "s", target=Target(0.7, False),
               note=f"{len(samples)} requests one at a time; floor ~0.5 s (Dovecot IDLE notify delay)")
        figure(f"latency.{kind}.{name}.p95", _percentile(samples, 95), "s", target=Target(1.0, False),
               note=f"min {min(samples):.3f} s, max {max(samples):.3f} s")
