"""A realistic backlog: the labelled request mails of tests/data/requests, re-dated and re-numbered,
with longer or shorter bodies, some HTML, some attachments, and requester follow-ups (replies) to
earlier requests of the same backlog.
"""
from __future__ import annotations

import email
import random
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "tests" / "data" / "requests"
SERVICE = "aptika@lampungbaratkab.go.id"
START = datetime(2026, 11, 27, 2, 0, tzinfo=timezone.utc)

FILLER = ("Mohon maaf sebelumnya atas keterlambatan laporan ini. Gangguan sudah berlangsung beberapa hari dan "
          "mengganggu pelayanan kepada masyarakat, terutama pada jam sibuk pagi hari. Staf kami sudah mencoba "
          "mematikan dan menyalakan kembali perangkat router, namun kondisi belum membaik. ")
FOLLOWUPS = ("Mohon informasi perkembangan permohonan kami di atas. Terima kasih.",
             "Sebagai tambahan, gangguan juga terjadi di ruang sebelah. Mohon ditindaklanjuti.",
             "Kapan petugas dapat datang ke lokasi? Kami siap mendampingi.")
ATTACHMENTS = (("foto_perangkat.jpg", "image", "jpeg"), ("surat_permohonan.pdf", "application", "pdf"),
               ("denah_ruangan.png", "image", "png"))


def _samples() -> list[tuple[str, str, str]]:
    out = []
    for path in sorted(SAMPLES.glob("*.eml")):
        msg = email.message_from_bytes(path.read_bytes(), policy=policy.default)
        body = msg.get_body(("plain", "html"))
        out.append((str(msg["From"]), str(msg["Subject"] or ""), body.get_content() if body else ""))
    return out


def backlog(count: int, seed: int = 7, salt: str = "b") -> list[bytes]:
    """``count`` raw messages: ~75 % plain requests (1-12 KB), ~8 % with HTML, ~10 % with an
    attachment (20-400 KB), ~10 % follow-ups replying to an earlier message of the backlog."""
    rng = random.Random(seed)
    samples = _samples()
    sent: list[tuple[str, str, str]] = []      # (message-id, from, subject) of earlier messages
    out = []
    for i in range(count):
        when = START + timedelta(seconds=7 * i)
        msg = EmailMessage()
        roll = rng.random()
        if sent and roll < 0.10:
            mid, sender, subject = rng.choice(sent)
            msg["From"], msg["Subject"] = sender, "Re: " + subject
            msg["In-Reply-To"], msg["References"] = mid, mid
            text = rng.choice(FOLLOWUPS) + f"\n\nPada {format_datetime(when - timedelta(hours=1))} menulis:\n> ..."
        else:
            sender, subject, text = rng.choice(samples)
            msg["From"], msg["Subject"] = sender, subject
            text = text + "\n" + FILLER * rng.choice((0, 0, 1, 3, 8, 20))
        msg["To"] = SERVICE
        msg["Date"] = format_datetime(when)
        msg["Message-ID"] = make_msgid(idstring=f"{salt}{i}", domain="bench.lampungbaratkab.go.id")
        msg.set_content(text)
        if 0.10 <= roll < 0.18:
            html = "<html><body>" + "".join(f"<p>{line}</p>" for line in text.splitlines() if line) + "</body></html>"
            msg.add_alternative(html, subtype="html")
        elif 0.18 <= roll < 0.28:
            name, maintype, subtype = rng.choice(ATTACHMENTS)
            msg.add_attachment(rng.randbytes(rng.randint(20_000, 400_000)), maintype=maintype, subtype=subtype,
                               filename=name)
        raw = bytes(msg)
        out.append(raw)
        if roll >= 0.10:
            sent.append((str(msg["Message-ID"]), str(msg["From"]), str(msg["Subject"])))
    return out


def request(sender: str, i: int, salt: str = "q") -> bytes:
    """One plain request from ``sender`` (latency, pipe door)."""
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = SERVICE
    msg["Subject"] = f"Internet kantor mati total sejak pagi ({salt}{i})"
    msg["Date"] = format_datetime(datetime.now(timezone.utc))
    msg["Message-ID"] = make_msgid(idstring=f"{salt}{i}", domain="bench.lampungbaratkab.go.id")
    msg.set_content("Dengan hormat,\n\nKami laporkan jaringan internet di kantor kami mati total sejak pagi ini. "
                    "Seluruh komputer pelayanan tidak bisa terhubung ke internet.\nMohon bantuan perbaikan "
                    "secepatnya.\n\nTerima kasih.\nBagian Umum\n")
    return bytes(msg)
