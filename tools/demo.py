"""demo: the local mail stack, a handful of real-looking requests, and what mailproc made of them.

Starts Dovecot and Postfix (``tools.mailstack``) on the configured ports, migrates the
database, sends requests from OPD users (plus an auto-reply, a bounce and a thank-you), runs the
poller, then walks the first ticket through the whole disposition chain by replying from each
official's own mailbox, and prints the result as tables.
"""
from __future__ import annotations

import os
import time
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

SAMPLES = [
    ("umum@diskes.lampungbaratkab.go.id", "Bagian Umum Dinkes", "Internet Puskesmas Liwa mati total",
     "Dengan hormat,\n\nJaringan internet di Puskesmas Liwa mati total sejak pukul 07.30. Pelayanan pasien dan "
     "aplikasi P-Care tidak dapat digunakan. Mohon bantuan perbaikan segera.\n\nTerima kasih."),
    ("tu@disdik.lampungbaratkab.go.id", "TU Disdik", "Permohonan pemasangan jaringan LAN ruang baru",
     "Yth. Kepala Dinas Kominfo,\n\nSehubungan dengan selesainya pembangunan ruang rapat baru di lantai 2, "
     "kami memohon pemasangan jaringan LAN dan satu access point di ruangan tersebut.\n\nHormat kami,\nSubbag TU"),
    ("pelayanan@disdukcapil.lampungbaratkab.go.id", "Pelayanan Disdukcapil", "wifi loket pelayanan lemot bgt",
     "min wifi di loket pelayanan KTP lemot bgt dari kemarin, antrian warga numpuk. tolong dicek ya"),
    ("bappeda@lampungbaratkab.go.id", "Bappeda", "Mohon rekomendasi spesifikasi switch dan router",
     "Dengan hormat,\n\nUntuk penyusunan RKA tahun 2027 kami membutuhkan rekomendasi spesifikasi teknis switch "
     "managed 24 port dan router untuk jaringan kantor Bappeda.\n\nTerima kasih."),
]


LETTER_SENDER = "sekretariat@lampungbaratkab.go.id"   # the shared domain: only the letterhead names the OPD
LETTER_HTML = """<html><head><style>@page { size: A4; margin: 2cm 2.5cm; } body { font-family: 'Liberation Serif';
font-size: 12pt; } .kop { text-align: center; border-bottom: 3px double black; }</style></head><body>
<div class="kop"><p><b>PEMERINTAH KABUPATEN LAMPUNG BARAT<br>KECAMATAN BALIK BUKIT</b></p>
<p>Jalan Raden Intan No. 1 Liwa, Kode Pos 34812</p></div>
<p style="text-align:right">Liwa, 3 Desember 2026</p>
<table><tr><td>Nomor</td><td>:</td><td>800/ 12 /KEC-BB/2026</td></tr><tr><td>Lampiran</td><td>:</td><td>-</td></tr>
<tr><td>Perihal</td><td>:</td><td>Permohonan Perbaikan Jaringan Internet</td></tr></table>
<p>Kepada Yth.<br>Kepala Dinas Komunikasi dan Informatika<br>Kabupaten Lampung Barat<br>di Liwa</p>
<p>Dengan hormat,</p><p>Kami laporkan bahwa kabel fiber optik ke kantor Kecamatan Balik Bukit putus sejak pagi ini,
sehingga jaringan internet mati total dan pelayanan administrasi kependudukan terhenti. Mohon perbaikan segera.</p>
<p>Demikian kami sampaikan, atas perhatiannya diucapkan terima kasih.</p>
<p style="margin-left:55%">Camat Balik Bukit,<br><br><br>Drs. Suparman, M.Si.<br>NIP 197005121995031002</p></body></html>"""


def _letter_pdf() -> bytes:
    import weasyprint
    return weasyprint.HTML(string=LETTER_HTML).write_pdf()


def _message(sender: str, name: str, subject: str, body: str, to: str, headers: dict | None = None,
             in_reply_to: str | None = None, attachment: tuple[str, bytes] | None = None) -> bytes:
    msg = EmailMessage()
    msg["From"] = f"{name} <{sender}>"
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = format_datetime(__import__("datetime").datetime.now().astimezone())
    msg["Message-ID"] = make_msgid(domain=sender.split("@")[1])
    if in_reply_to:
        msg["In-Reply-To"] = in_reply_to
        msg["References"] = in_reply_to
    for key, value in (headers or {}).items():
        msg[key] = value
    msg.set_content(body)
    if attachment:
        msg.add_attachment(attachment[1], maintype="application", subtype="pdf", filename=attachment[0])
    return bytes(msg)


def _print_table(title: str, head: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(str(x)) for x in col) for col in zip(head, *rows)] if rows else [len(h) for h in head]
    print(f"\n{title}")
    print("  " + "  ".join(h.ljust(w) for h, w in zip(head, widths)))
    print("  " + "  ".join("-" * w for w in widths))
    for row in rows:
        print("  " + "  ".join(str(x).ljust(w) for x, w in zip(row, widths)))


def run_demo(desk, keep: bool = False) -> int:
    from mailproc.service.mailbox import MailboxDoor
    from tools.mailstack import DEFAULT_PASSWORD, DEFAULT_USERS, MailStack, reachable_workdir
    from mailproc.outbox.sender import deliver_due
    from mailproc.store.db import upgrade

    import logging
    for name in ("alembic", "mailproc"):   # the tables below tell the story
        logging.getLogger(name).setLevel(logging.WARNING)
    cfg = desk.config
    os.environ.setdefault(cfg.imap.password_env, DEFAULT_PASSWORD)
    if cfg.imap.host not in ("127.0.0.1", "localhost", "::1"):
        print(f"demo: the configuration points at the mail server {cfg.imap.host}; the demo sends "
              "sample requests and runs only against the local mail stack (imap.host = 127.0.0.1)")
        return 78
    stack = MailStack(workdir=reachable_workdir(cfg.service.storage_dir / "mailstack"), imap_port=cfg.imap.port,
                      smtp_port=cfg.smtp.port, users=(*DEFAULT_USERS, LETTER_SENDER))
    already_up = all(stack.status().get(part) for part in ("dovecot", "postfix"))
    print(f"Starting the local mail stack (Dovecot IMAP :{cfg.imap.port}, Postfix SMTP :{cfg.smtp.port}; "
          f"every user's password: {DEFAULT_PASSWORD}) ...")
    stack.start()
    try:
        upgrade(cfg.database_url)
        service = cfg.service.address
        before = {a: len(stack.fetch(a)) for a, *_ in SAMPLES}
        waiting = len(stack.fetch(service))
        for sender, name, subject, body in SAMPLES:
            stack.send(_message(sender, name, subject, body, service), sender, [service])
        stack.send(_message("kapus.liwa@diskes.lampungbaratkab.go.id", "Kapus Liwa", "Balasan Otomatis: Di luar kantor",
                            "Saya sedang dinas luar sampai 30 November.", service,
                            {"Auto-Submitted": "auto-replied"}), "kapus.liwa@diskes.lampungbaratkab.go.id", [service])
        stack.send(_message("mailer-daemon@lampungbaratkab.go.id", "Mail Delivery System",
                            "Undelivered Mail Returned to Sender", "This is the mail system at host ...\n\n"
                            "I'm sorry to have to inform you that your message could not be delivered.", service),
                   "", [service])
        stack.send(_message("it@rsud.lampungbaratkab.go.id", "IT RSUD", "Terima kasih",
                            "Terima kasih, jaringan di IGD sudah normal kembali.", service),
                   "it@rsud.lampungbaratkab.go.id", [service])
        stack.send(_message(LETTER_SENDER, "Sekretariat", "Surat", "Bersama ini kami sampaikan surat permohonan "
                            "sebagaimana terlampir.\n\nTerima kasih.", service,
                            attachment=("Surat_Permohonan.pdf", _letter_pdf())), LETTER_SENDER, [service])
        print("Sent 4 requests, 1 letter behind a two-line mail, 1 auto-reply, 1 bounce and 1 thank-you to", service)
        stack.wait_for(service, waiting + len(SAMPLES) + 4, timeout=30)

        door = MailboxDoor(desk)
        report = door.poll_once()
        delivery = deliver_due(desk)
        print(f"Poller handled {report.fetched} message(s); {delivery.sent} mail(s) sent.")

        _walk_chain(desk, stack, door, report)
        _ask_status(desk, stack, door, report)
        door.close()
        _summarise(desk, stack, report, before)
    finally:
        if keep or already_up:
            print("The mail stack keeps running (scripts/mailstack stop stops it).")
        else:
            stack.stop()
    return 0


def _reply(stack, desk, sender: str, to_request: bytes, text: str) -> None:
    import email
    from email import policy
    original = email.message_from_bytes(to_request, policy=policy.default)
    quoted = "\n".join("> " + line for line in original.get_body(("plain",)).get_content().splitlines())
    subject = original["Subject"]
    body = f"{text}\n\nPada {original['Date']}, {original['From']} menulis:\n{quoted}\n"
    stack.send(_message(sender, sender.split("@")[0].title(), f"Re: {subject}", body, desk.config.service.address,
                        in_reply_to=original["Message-ID"]), sender, [desk.config.service.address])


def _walk_chain(desk, stack, door, report) -> None:
    from mailproc.outbox.sender import deliver_due

    first = next((r.ticket for r in report.results if r.outcome == "ticket"), None)
    if first is None:
        return
    roles = desk.config.roles
    officer = desk.config.officers[0]
    steps = [
        (roles["kadis"].email, "SETUJU, mohon segera ditindaklanjuti."),
        (roles["kabid"].email, "Setuju, teruskan ke Prakom."),
        (roles["prakom"].email, f"TUGASKAN {officer.name.split(',')[0]}"),
        (officer.email, "SELESAI\nRingkasan Pekerjaan: Mengganti konektor RJ45 kabel uplink dan menguji koneksi\n"
                        "Ringkasan Masalah: Konektor kabel uplink ke switch rusak tergigit tikus\n"
                        "Alternatif Solusi: Memasang pelindung kabel (conduit) di jalur kabel\n"
                        "Lokasi: Ruang server Puskesmas Liwa"),
    ]
    print(f"\nWalking {first} through the chain, each official replying from their own mailbox:")
    for address, text in steps:
        request = _await_request(stack, address, first)
        if request is None:
            print(f"  (no request for {first} reached {address})")
            return
        waiting = len(stack.fetch(desk.config.service.address))
        _reply(stack, desk, address, request, text)
        stack.wait_for(desk.config.service.address, waiting + 1, timeout=30)
        result = door.poll_once()
        deliver_due(desk)
        outcome = result.results[-1] if result.results else None
        print(f"  {address:<40} {text.splitlines()[0][:40]:<40} -> {outcome.reason if outcome else '-'}")


def _ask_status(desk, stack, door, report) -> None:
    """A requester asks "STATUS <ticket>" by mail and gets the answer (status, step, deadline)."""
    from mailproc.outbox.sender import deliver_due

    tickets = [r for r in report.results if r.outcome == "ticket"]
    if len(tickets) < 2:
        return
    second = tickets[1]                  # the second sample's: TU Disdik's
    sender, *_ = SAMPLES[1]
    service = desk.config.service.address
    waiting, before = len(stack.fetch(service)), len(stack.fetch(sender))
    stack.send(_message(sender, "TU Disdik", f"STATUS {second.ticket}", "", service), sender, [service])
    stack.wait_for(service, waiting + 1, timeout=30)
    door.poll_once()
    deliver_due(desk)
    stack.wait_for(sender, before + 1, timeout=30)
    import email
    from email import policy
    answer = email.message_from_bytes(stack.fetch(sender)[-1], policy=policy.default)
    lines = [line for line in answer.get_body(("plain",)).get_content().splitlines() if line.strip()][:9]
    print(f"\n{sender} asked 'STATUS {second.ticket}' by mail; the answer ({answer['Subject']}):")
    for line in lines:
        print(f"  | {line}")


def _await_request(stack, address: str, code: str, timeout: float = 15.0) -> bytes | None:
    """The newest request mail for ``code`` in ``address``'s mailbox, once Postfix has delivered it."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for raw in reversed(stack.fetch(address)):
            if code.encode() in raw and (b"] Mohon " in raw or b"Perintah kerja" in raw):
                return raw
        time.sleep(0.1)
    return None


def _summarise(desk, stack, report, before) -> None:
    from mailproc.cli import views
    with desk.sessions() as s:
        codes = {r.ticket for r in report.results if r.ticket}
        tickets = [t for t in views.list_tickets(s) if t.code in codes]
        _print_table("Tickets", ["TICKET", "OPD", "CATEGORY", "PRIORITY", "STATUS", "SUBJECT"],
                     [[t.code, (t.opd_name or "-")[:32], t.category or "triage", t.priority, t.status, t.subject[:45]]
                      for t in tickets])
    ignored = [r for r in report.results if r.outcome not in ("ticket",)]
    _print_table("Not tickets", ["OUTCOME", "WHY"], [[r.outcome, r.reason[:90]] for r in ignored])
    acks = [(a, len(stack.fetch(a)) - n) for a, n in before.items()]
    _print_table("Requesters' mailboxes (new mail: acknowledgement and progress)", ["REQUESTER", "NEW MAIL"],
                 [[a, str(n)] for a, n in acks])
    for t in tickets:
        if t.letter:
            print(f"\n{t.code} was read from the attached letter {t.letter['filename']} ({t.letter['source']}): "
                  f"Nomor {t.letter['number']}, perihal {t.letter['subject']}; OPD {t.opd_name} from the letterhead")
    _berita_acara(desk, stack, tickets)
    print("\nSee one ticket's timeline with: .venv/bin/mailproc show", tickets[0].code if tickets else "JIP-…")


def _berita_acara(desk, stack, tickets) -> None:
    """Where the Berita Acara of the finished ticket went: only to the OPD's penanggung jawab."""
    from sqlalchemy import select

    from mailproc.documents.issuance import stored_path
    from mailproc.store.models import Document
    done = [t for t in tickets if t.status == "done"]
    if not done:
        return
    with desk.sessions() as s:
        doc = s.scalar(select(Document).where(Document.ticket_id == done[0].id).order_by(Document.version.desc()))
    opd = desk.registry.get(done[0].opd_key) if done[0].opd_key else None
    if doc is None or opd is None or opd.pj is None:
        return
    print(f"\nBerita Acara {done[0].code} v{doc.version}: {stored_path(desk, doc)}")
    print(f"  mailed only to the penanggung jawab of {opd.name}: {opd.pj.name} <{opd.pj.email}>")
    print(f"  check it with: .venv/bin/mailproc verify {stored_path(desk, doc)}")


def main(argv: list[str] | None = None) -> int:
    """``python -m tools.demo [--config PATH] [--keep]``."""
    import argparse
    import logging
    import sys

    from mailproc.core.config import load_config
    from mailproc.core.errors import describe
    from mailproc.desk import Desk

    p = argparse.ArgumentParser(prog="python -m tools.demo", description=__doc__.splitlines()[0])
    p.add_argument("--config", help="path to config.toml (default: $MAILPROC_CONFIG or ./config.toml)")
    p.add_argument("--keep", action="store_true", help="leave the mail stack running afterwards")
    args = p.parse_args(argv)
    logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    for noisy in ("weasyprint", "fontTools", "alembic.runtime.plugins"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    try:
        return run_demo(Desk(load_config(args.config)), keep=args.keep)
    except Exception as exc:
        message = describe(exc)
        if message is None:
            raise
        print(f"demo: {message}", file=sys.stderr)
        return 78


if __name__ == "__main__":
    raise SystemExit(main())
