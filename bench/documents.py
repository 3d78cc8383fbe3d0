"""Berita Acara: the warm render (bench/berita_acara.py's sample and renderer) and the whole
``mailproc berita-acara TICKET -o FILE`` command from a cold start, on a ticket driven to done by replies."""
from __future__ import annotations

import email
import subprocess
import time
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from bench.env import MAILPROC, ROOT, Workspace, database, make_desk, write_config
from bench.report import Target, figure

KADIS = "kadis@lampungbaratkab.go.id"
KABID = "kabid.aptika@lampungbaratkab.go.id"
PRAKOM = "prakom@lampungbaratkab.go.id"
RAHMAT = "rahmat.hidayat@lampungbaratkab.go.id"
REQUESTER = "umum@diskes.lampungbaratkab.go.id"
REPORT = ("SELESAI\nRingkasan Pekerjaan: Mengganti konektor RJ45 kabel uplink dan menguji koneksi\n"
          "Ringkasan Masalah: Konektor kabel uplink ke switch rusak\n"
          "Alternatif Solusi: Memasang pelindung kabel di jalur kabel\nLokasi: Ruang server Puskesmas Liwa")


def warm_render(runs: int) -> None:
    from bench.berita_acara import TEMPLATES, BeritaAcaraRenderer, sample
    renderer, data = BeritaAcaraRenderer(TEMPLATES), sample()
    renderer.render_pdf(data)      # warm-up: fonts loaded, caches filled
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        renderer.render_pdf(data)
        samples.append((time.perf_counter() - start) * 1000)
    figure("berita_acara.render_warm", samples, "ms", target=Target(150, False), note="bench/berita_acara.py sample")


def _reply(original: bytes, sender: str, text: str, when) -> bytes:
    msg = email.message_from_bytes(original, policy=policy.default)
    quoted = "\n".join("> " + line for line in msg.get_body(("plain",)).get_content().splitlines())
    out = EmailMessage()
    out["From"], out["To"] = sender, "aptika@lampungbaratkab.go.id"
    out["Subject"], out["Date"] = "Re: " + msg["Subject"], format_datetime(when)
    out["Message-ID"] = make_msgid(domain=sender.split("@")[1])
    out["In-Reply-To"] = out["References"] = msg["Message-ID"]
    out.set_content(f"{text}\n\nPada {msg['Date']} {msg['From']} menulis:\n{quoted}\n")
    return bytes(out)


def done_ticket(desk) -> str:
    """A request walked through Kadis, Kabid, Prakom and the officer's SELESAI (as tests/chain.py does)."""
    from sqlalchemy import select

    from bench.corpus import request
    from mailproc.intake.inbound import Inbound, Origin
    from mailproc.store.models import OutboxMessage, Ticket
    inbound = Inbound(desk)
    result = inbound.handle(request(REQUESTER, 0, salt="ba"), Origin("ingest"))
    assert result.outcome == "ticket", result
    for kind, sender, text in (("request_kadis", KADIS, "SETUJU"), ("request_kabid", KABID, "SETUJU"),
                               ("request_prakom", PRAKOM, "TUGASKAN Rahmat Hidayat"),
                               ("request_officer", RAHMAT, REPORT)):
        with desk.sessions() as s:
            raw = s.scalars(select(OutboxMessage.raw).where(OutboxMessage.kind == kind)
                            .order_by(OutboxMessage.id.desc())).first()
        desk.clock.advance(minutes=5)
        inbound.handle(_reply(raw, sender, text, desk.clock.now()), Origin("ingest"))
    with desk.sessions() as s:
        status = s.scalar(select(Ticket.status).where(Ticket.code == result.ticket))
    assert status == "done", status
    return result.ticket


def cold_export(runs: int) -> None:
    from mailproc.core.clock import WIB, Clock
    from datetime import datetime
    with Workspace.new() as ws, database("sqlite", ws.path) as url:
        config = write_config(ws.path, url)
        code = done_ticket(make_desk(config, Clock(datetime(2026, 11, 27, 9, 0, tzinfo=WIB))))
        cmd = [str(MAILPROC), "--config", str(config), "berita-acara", code, "-o", str(ws.path / "ba.pdf")]
        samples = []
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True)
            samples.append(time.perf_counter() - start)
        assert (ws.path / "ba.pdf").read_bytes().startswith(b"%PDF")
    figure("berita_acara.cli_cold", samples, "s", target=Target(1.5, False),
           note="`mailproc berita-acara TICKET -o FILE`, new process each (exports the stored document)")
