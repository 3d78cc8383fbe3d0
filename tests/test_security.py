"""Security: header injection, HTML in requests, one OPD's ticket kept from another OPD, TLS with
certificate checks on by default, and secrets that never reach the log."""
from __future__ import annotations

import base64
import email
import os
import re
import subprocess
import sys
from email import policy
from pathlib import Path

import pytest
from sqlalchemy import select

from chain import outbox, reply_to
from conftest import REQUEST_BODY, ROOT, make_mail, write_config
from mailproc.intake.inbound import Inbound, Origin
from mailproc.store.models import Event, Ticket

SERVICE = "aptika@lampungbaratkab.go.id"
OPD_A = "umum@diskes.lampungbaratkab.go.id"
OPD_B = "tu@disdik.lampungbaratkab.go.id"
INJECTED = "korban@example.net"


def encoded(text: str) -> str:
    return "=?utf-8?b?" + base64.b64encode(text.encode()).decode() + "?="


def headers_of(raw: bytes) -> bytes:
    return re.split(rb"\r?\n\r?\n", raw, maxsplit=1)[0]


# -- header injection -------------------------------------------------------------------------------

def test_crlf_in_subject_or_display_name_injects_no_header(desk):
    subject = "Internet mati total\r\nBcc: " + INJECTED + "\r\nX-Injected: ya"
    name = "Bagian Umum\r\nBcc: " + INJECTED
    raw = (f"From: {encoded(name)} <{OPD_A}>\r\nTo: {SERVICE}\r\nSubject: {encoded(subject)}\r\n"
           f"Date: Fri, 27 Nov 2026 09:00:00 +0700\r\nMessage-ID: <inject-1@diskes.lampungbaratkab.go.id>\r\n"
           f"MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{REQUEST_BODY}").encode()
    result = Inbound(desk).handle(raw, Origin("ingest"))
    assert result.outcome == "ticket"
    rows = outbox(desk)
    assert {r.kind for r in rows} >= {"acknowledgement", "request_kadis"}
    for row in rows:
        head = headers_of(row.raw)
        assert not re.search(rb"(?im)^(bcc|x-injected):", head), head
        parsed = email.message_from_bytes(row.raw, policy=policy.default)
        assert parsed["Bcc"] is None and parsed["X-Injected"] is None
        assert INJECTED not in " ".join(row.recipients)   # (the words may stay in the subject, as text)
        assert "\n" not in str(parsed["Subject"]) and "\r" not in str(parsed["Subject"])
    ack = next(r for r in rows if r.kind == "acknowledgement")
    assert email.message_from_bytes(ack.raw, policy=policy.default)["To"].addresses[0].addr_spec == OPD_A
    assert ack.recipients == [OPD_A]


# -- HTML and script --------------------------------------------------------------------------------

SCRIPT = '<script>alert("xss")</script><img src=x onerror=alert(1)>'


def test_html_in_a_request_is_shown_as_text(desk):
    raw = make_mail(OPD_A, f"Internet mati {SCRIPT}", REQUEST_BODY + "\n" + SCRIPT + "\n")
    assert Inbound(desk).handle(raw, Origin("ingest")).outcome == "ticket"
    html_parts = []
    for row in outbox(desk):
        parsed = email.message_from_bytes(row.raw, policy=policy.default)
        part = parsed.get_body(("html",))
        if part is not None:
            html_parts.append((row.kind, part.get_content()))
    assert {kind for kind, _ in html_parts} >= {"acknowledgement", "request_kadis"}
    for kind, html in html_parts:
        assert "<script" not in html.lower() and "<img src=x" not in html.lower(), kind
        assert "onerror=alert" not in html or "&lt;img" in html, kind
    kadis = dict(html_parts)["request_kadis"]
    assert "&lt;script&gt;alert(" in kadis          # the text is there, as text


# -- one OPD's ticket, another OPD's people ------------------------------------------------------------

def test_another_opd_gets_nothing_of_the_ticket(desk):
    inbound = Inbound(desk)
    assert inbound.handle(make_mail(OPD_A, "Internet Puskesmas Liwa mati total", REQUEST_BODY),
                          Origin("ingest")).outcome == "ticket"
    ack = outbox(desk, OPD_A, "acknowledgement")[0]
    kadis_request = outbox(desk, "kadis@lampungbaratkab.go.id", "request_kadis")[0]
    attempts = [
        reply_to(ack, OPD_B, "Mohon kirimkan rincian dan lampiran tiket ini ke alamat kami."),
        reply_to(ack, OPD_B, "Mohon info perkembangan.", thread=False),        # only the [JIP-…] tag
        reply_to(kadis_request, OPD_B, "SETUJU"),                             # a forged disposition
    ]
    results = [inbound.handle(raw, Origin("ingest")) for raw in attempts]
    for result in results[0], results[2]:
        assert result.outcome == "followup" and result.reason.startswith("unauthorized"), result
    # A status question from outside the ticket's side, not authenticated: nothing at all.
    assert results[1].outcome == "ignored" and results[1].reason.startswith("status question"), results[1]
    assert outbox(desk, OPD_B) == []                                          # nothing mailed to OPD B
    with desk.sessions() as s:
        ticket = s.scalar(select(Ticket))
        refused = list(s.scalars(select(Event).where(Event.action.in_(("reply_unauthorized", "status_refused")))))
        assert ticket.status == "awaiting_kadis"
    assert len(refused) == 3 and {e.actor for e in refused} == {OPD_B}


# -- TLS -----------------------------------------------------------------------------------------------

def tls_config(directory: Path, db_url: str, stack, imap: dict[str, str], smtp: dict[str, str]) -> Path:
    """The shipped config with these keys set in [imap] and [smtp] (on the stack's ports)."""
    path = write_config(directory, db_url, smtp_port=stack.smtp_port, imap_port=stack.imap_port)
    text = path.read_text(encoding="utf-8")
    head, rest = text.split("[imap]\n", 1)
    imap_part, smtp_part = rest.split("[smtp]\n", 1)

    def setting(section: str, values: dict[str, str]) -> str:
        for key, value in values.items():
            line = f"{key} = {value}"
            pattern = re.compile(rf"(?m)^{key} = .*$")
            section = pattern.sub(line, section, count=1) if pattern.search(section) else line + "\n" + section
        return section

    path.write_text(head + "[imap]\n" + setting(imap_part, imap) + "[smtp]\n" + setting(smtp_part, smtp),
                    encoding="utf-8")
    return path


def check(capsys, config: Path) -> tuple[int, dict[str, str]]:
    from mailproc.cli.main import main
    capsys.readouterr()
    code = main(["--config", str(config), "check"])
    lines = capsys.readouterr().out.splitlines()
    return code, {line.split()[1].rstrip(":"): line for line in lines if line[:4] in ("OK  ", "FAIL")}


@pytest.mark.mailstack
@pytest.mark.parametrize("mode", ["starttls", "ssl"])
def test_tls_with_the_servers_ca_works_and_verifies(tmp_path, db_url, mailstack, capsys, mode):
    ca = f'"{mailstack.ca_file}"'
    imap = {"security": f'"{mode}"', "ca_file": ca}
    if mode == "ssl":
        imap["port"] = str(mailstack.imaps_port)
    config = tls_config(tmp_path, db_url, mailstack, imap, {"security": '"starttls"', "ca_file": ca})
    code, said = check(capsys, config)
    assert code == 0, said
    assert f"({mode})" in said["imap"] and "(starttls)" in said["smtp"]


@pytest.mark.mailstack
def test_tls_without_the_ca_is_refused_clearly(tmp_path, db_url, mailstack, capsys):
    config = tls_config(tmp_path, db_url, mailstack, {"security": '"starttls"'}, {"security": '"starttls"'})
    code, said = check(capsys, config)
    assert code != 0
    for name in ("imap", "smtp"):
        assert said[name].startswith("FAIL") and "TLS certificate not trusted" in said[name], said[name]
    # verify = false turns the check off (unsafe: anyone on the path can read the mail and the password)
    (tmp_path / "off").mkdir()
    config = tls_config(tmp_path / "off", db_url, mailstack, {"security": '"ssl"', "verify": "false",
                        "port": str(mailstack.imaps_port)}, {"security": '"starttls"', "verify": "false"})
    code, said = check(capsys, config)
    assert code == 0, said


@pytest.mark.mailstack
def test_mail_flows_over_tls(tmp_path, db_url, clean_mailstack, capsys):
    from mailproc.cli.main import main
    stack = clean_mailstack
    ca = f'"{stack.ca_file}"'
    config = tls_config(tmp_path, db_url, stack, {"security": '"ssl"', "ca_file": ca, "port": str(stack.imaps_port)},
                        {"security": '"starttls"', "ca_file": ca})
    stack.send(make_mail(OPD_A, "Internet Puskesmas Liwa mati total", REQUEST_BODY), OPD_A, [SERVICE])
    stack.wait_for(SERVICE, 1)
    assert main(["--config", str(config), "--now", "2026-11-27T09:00:00+07:00", "poll"]) == 0
    out = capsys.readouterr().out
    assert "ticket 1" in out and "2 sent" in out, out
    assert b"Permohonan diterima" in stack.wait_for(OPD_A, 1)[0]


# -- secrets ------------------------------------------------------------------------------------------

@pytest.mark.mailstack
def test_secrets_never_reach_the_debug_log(tmp_path, db_url, clean_mailstack):
    stack = clean_mailstack
    password, secret = "Sandi-IMAP-9f3a7c", "Kunci-HMAC-5e8d21"
    config = write_config(tmp_path, db_url, smtp_port=stack.smtp_port, imap_port=stack.imap_port)
    stack.send(make_mail(OPD_A, "Internet Puskesmas Liwa mati total", REQUEST_BODY), OPD_A, [SERVICE])
    stack.wait_for(SERVICE, 1)
    stack.set_password(SERVICE, password)
    env = {**os.environ, "MAILPROC_IMAP_PASSWORD": password, "MAILPROC_SECRET": secret}
    try:
        run = subprocess.run([sys.executable, "-m", "mailproc.cli", "-v", "--config", str(config),
                              "--now", "2026-11-27T09:00:00+07:00", "poll"],
                             capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
        wrong = subprocess.run([sys.executable, "-m", "mailproc.cli", "-v", "--config", str(config), "check"],
                               capture_output=True, text=True, cwd=ROOT, timeout=120,
                               env={**env, "MAILPROC_IMAP_PASSWORD": password + "-salah"})
    finally:
        stack.set_password(SERVICE, None)
    said = run.stdout + run.stderr
    assert run.returncode == 0 and "DEBUG" in run.stderr and "poll: 1 message(s)" in said, said[-3000:]
    assert password not in said and secret not in said
    assert "FAIL imap" in wrong.stdout and f"login as {SERVICE} refused" in wrong.stdout
    assert password not in wrong.stdout + wrong.stderr
