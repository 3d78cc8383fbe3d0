"""XOAUTH2 login (``auth = "xoauth2"``): the access token comes from the admin's ``token_command``, is
kept in memory, and is fetched once more when the server refuses it.

IMAP runs against a real Dovecot whose oauth2 passdb asks a token introspection endpoint (RFC 7662)
served on loopback by this test. SMTP's XOAUTH2 exchange runs against a minimal SMTP server in this
test (Postfix SASL through Dovecot is not set up in the local stack).
"""
from __future__ import annotations

import base64
import dataclasses
import json
import logging
import os
import shutil
import socketserver
import sys
import tempfile
import textwrap
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import REQUEST_BODY, free_port, make_mail, write_config
from mailproc.core.config import ConfigError, load_config
from mailproc.desk import Desk
from mailproc.mail import oauth
from mailproc.mail.imap import MailboxUnavailable, connect
from mailproc.outbox.sender import SmtpTransport, TemporaryFailure
from mailproc.service.mailbox import MailboxDoor

SERVICE = "aptika@lampungbaratkab.go.id"
REQUESTER = "tu@disdik.lampungbaratkab.go.id"
GOOD = "ya29.good-token-4f1c2e"
BAD = "ya29.expired-token-9d03b7"


@pytest.fixture(autouse=True)
def no_cached_tokens(monkeypatch):
    monkeypatch.setattr(oauth, "_tokens", {})


# -- the token command: prints the next line of a file (the last one for ever), counting its runs ------

TOKEN_SCRIPT = textwrap.dedent("""\
    import sys
    from pathlib import Path
    tokens = Path(sys.argv[1])
    lines = tokens.read_text().split()
    print(lines[0])
    tokens.write_text("\\n".join(lines[1:] or lines))
    with open(sys.argv[2], "a") as runs:
        runs.write("run\\n")
""")


@dataclasses.dataclass
class TokenCommand:
    directory: Path

    def __post_init__(self):
        (self.directory / "print_token.py").write_text(TOKEN_SCRIPT)

    def printing(self, *tokens: str) -> str:
        (self.directory / "tokens").write_text("\n".join(tokens))
        return f"{sys.executable} {self.directory / 'print_token.py'} {self.directory / 'tokens'} {self.directory / 'runs'}"

    @property
    def runs(self) -> int:
        path = self.directory / "runs"
        return len(path.read_text().splitlines()) if path.exists() else 0


@pytest.fixture
def token_command(tmp_path):
    return TokenCommand(tmp_path)


# -- IMAP against Dovecot's oauth2 passdb ----------------------------------------------------------

class Introspection(BaseHTTPRequestHandler):
    """RFC 7662 token introspection: active, with the user's name, for a token in ``server.valid``."""

    def do_POST(self):
        form = parse_qs(self.rfile.read(int(self.headers.get("Content-Length", 0))).decode())
        self._answer(form.get("token", [""])[0])

    def do_GET(self):
        self._answer(parse_qs(urlsplit(self.path).query).get("token", [""])[0])

    def _answer(self, token: str):
        self.server.seen.append(token)
        user = self.server.valid.get(token)
        body = json.dumps({"active": True, "username": user} if user else {"active": False}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def introspection():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Introspection)
    server.valid, server.seen = {GOOD: SERVICE}, []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def oauth_stack(introspection):
    from tools.mailstack import MailStack
    if os.geteuid() != 0:
        pytest.skip("the mail stack runs Dovecot and Postfix as root")
    workdir = Path(tempfile.mkdtemp(prefix="mailproc-oauth-stack-"))
    workdir.chmod(0o755)
    url = f"http://127.0.0.1:{introspection.server_address[1]}/introspect"
    stack = MailStack(workdir=workdir, imap_port=free_port(), smtp_port=free_port(),
                      oauth2_introspection_url=url)
    stack.start()
    yield stack
    stack.stop()
    shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture
def stack(oauth_stack, introspection):
    from conftest import empty_mailboxes
    empty_mailboxes(oauth_stack, [SERVICE])
    introspection.seen.clear()
    return oauth_stack


def oauth_desk(tmp_path, db_url, clock, stack, command: str) -> Desk:
    line = 'password_env = "MAILPROC_IMAP_PASSWORD"'
    path = write_config(tmp_path, db_url, imap_port=stack.imap_port,
                        replace={line: f"{line}\nauth = \"xoauth2\"\ntoken_command = '{command}'"})
    return Desk(load_config(path), clock)


@pytest.mark.mailstack
def test_a_good_token_lets_the_door_handle_a_request(tmp_path, db_url, clock, stack, token_command, introspection):
    desk = oauth_desk(tmp_path, db_url, clock, stack, token_command.printing(GOOD))
    assert desk.config.imap.auth == "xoauth2"
    stack.send(make_mail(REQUESTER, "Internet kantor mati total", REQUEST_BODY), REQUESTER, [SERVICE])
    stack.wait_for(SERVICE, 1)
    door = MailboxDoor(desk)
    try:
        report = door.poll_once()
    finally:
        door.close()
    assert report.fetched == 1 and report.outcomes == {"ticket": 1}
    assert GOOD in introspection.seen   # Dovecot asked the endpoint: the token, not a password, let us in
    # The token is kept: the next login does not run the command again.
    connect(desk.config.imap).logout()
    assert token_command.runs == 1


@pytest.mark.mailstack
def test_a_refused_token_is_fetched_once_more(tmp_path, db_url, clock, stack, token_command, introspection):
    desk = oauth_desk(tmp_path, db_url, clock, stack, token_command.printing(BAD, GOOD))
    client = connect(desk.config.imap)
    try:
        assert client.select_folder("INBOX", readonly=True)[b"EXISTS"] == 0
    finally:
        client.logout()
    assert token_command.runs == 2
    assert [t for t in introspection.seen if t in (BAD, GOOD)] == [BAD, GOOD]


@pytest.mark.mailstack
def test_a_token_always_refused_is_one_clear_line_without_the_token(tmp_path, db_url, clock, stack, token_command,
                                                                       caplog):
    caplog.set_level(logging.DEBUG)
    desk = oauth_desk(tmp_path, db_url, clock, stack, token_command.printing(BAD))
    with pytest.raises(MailboxUnavailable) as refused:
        MailboxDoor(desk).poll_once()
    line = str(refused.value)
    assert line.startswith(f"IMAP 127.0.0.1:{stack.imap_port}: XOAUTH2 login as {SERVICE} refused: ")
    assert "AUTHENTICATIONFAILED" in line or "Authentication failed" in line, line
    assert "\n" not in line
    assert token_command.runs == 2   # once, then once more after the refusal: no more
    encoded = base64.b64encode(oauth.xoauth2_string(SERVICE, BAD).encode()).decode()
    for secret in (BAD, encoded):
        assert secret not in line
        assert secret not in caplog.text


def test_a_failing_token_command_is_one_clear_line():
    command = f"{sys.executable} -c 'import sys; sys.exit(\"no refresh token\")'"
    with pytest.raises(oauth.TokenUnavailable, match=r"exited with status 1: no refresh token$"):
        oauth.access_token(command)
    with pytest.raises(oauth.TokenUnavailable, match="cannot run"):
        oauth.access_token("/nonexistent/get-token")
    with pytest.raises(oauth.TokenUnavailable, match="printed no token"):
        oauth.access_token("true")


# -- SMTP: the XOAUTH2 exchange against a minimal server -----------------------------------------------

class MiniSmtp(socketserver.StreamRequestHandler):
    """Just enough SMTP: EHLO offers AUTH XOAUTH2; the initial response must be the XOAUTH2 string of
    the good token (235) or is refused (535); then one message is accepted."""

    def reply(self, line: str):
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self):
        self.reply("220 mini ESMTP")
        authenticated = False
        while line := self.rfile.readline():
            command = line.decode().strip()
            verb = command.split(" ")[0].upper()
            if verb == "EHLO":
                self.reply("250-mini")
                self.reply("250 AUTH XOAUTH2")
            elif verb == "AUTH":
                _, mechanism, initial = command.split(" ")
                text = base64.b64decode(initial).decode()
                self.server.auths.append(text)
                if mechanism == "XOAUTH2" and text == oauth.xoauth2_string(SERVICE, GOOD):
                    authenticated = True
                    self.reply("235 2.7.0 Accepted")
                else:
                    self.reply("535 5.7.8 Username and Password not accepted")
            elif verb in ("MAIL", "RCPT"):
                self.reply("250 OK" if authenticated else "530 5.7.0 Authentication required")
            elif verb == "DATA":
                self.reply("354 go on")
                data = b""
                while (chunk := self.rfile.readline()) not in (b".\r\n", b""):
                    data += chunk
                self.server.messages.append(data)
                self.reply("250 queued")
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("250 OK")


@pytest.fixture
def mini_smtp():
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), MiniSmtp)
    server.daemon_threads = True
    server.auths, server.messages = [], []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def smtp_transport(tmp_path, db_url, server, command: str) -> SmtpTransport:
    config = load_config(write_config(tmp_path, db_url, smtp_port=server.server_address[1]))
    return SmtpTransport(dataclasses.replace(config.smtp, username=SERVICE, auth="xoauth2", token_command=command))


ROW = SimpleNamespace(recipients=["kadis@lampungbaratkab.go.id"], message_id="<x@test>",
                      raw=b"Subject: tes\r\n\r\nIsi surat.\r\n")


def test_smtp_sends_after_xoauth2_and_fetches_a_refused_token_once_more(tmp_path, db_url, mini_smtp, token_command):
    transport = smtp_transport(tmp_path, db_url, mini_smtp, token_command.printing(BAD, GOOD))
    with transport:
        transport.send(ROW, SERVICE)
    assert mini_smtp.auths == [oauth.xoauth2_string(SERVICE, BAD), oauth.xoauth2_string(SERVICE, GOOD)]
    assert len(mini_smtp.messages) == 1 and token_command.runs == 2
    with transport:   # the kept token: no new run
        transport.send(ROW, SERVICE)
    assert len(mini_smtp.messages) == 2 and token_command.runs == 2


def test_smtp_token_always_refused_is_one_clear_line_without_the_token(tmp_path, db_url, mini_smtp, token_command,
                                                                      caplog):
    caplog.set_level(logging.DEBUG)
    port = mini_smtp.server_address[1]
    transport = smtp_transport(tmp_path, db_url, mini_smtp, token_command.printing(BAD))
    with pytest.raises(TemporaryFailure) as refused:
        with transport:
            transport.send(ROW, SERVICE)
    line = str(refused.value)
    assert line == (f"SMTP 127.0.0.1:{port}: XOAUTH2 login as {SERVICE} refused: "
                    "535 5.7.8 Username and Password not accepted")
    assert token_command.runs == 2 and mini_smtp.messages == []
    assert BAD not in caplog.text


# -- configuration ----------------------------------------------------------------------------------

def test_auth_is_validated_with_the_key_named(tmp_path):
    line = 'password_env = "MAILPROC_IMAP_PASSWORD"'
    with pytest.raises(ConfigError) as bad:
        load_config(write_config(tmp_path, "sqlite:///x.db", replace={line: f'{line}\nauth = "oauth"'}))
    assert "imap.auth: 'oauth' is not one of password, xoauth2" in str(bad.value)
    with pytest.raises(ConfigError) as missing:
        load_config(write_config(tmp_path, "sqlite:///x.db", replace={line: f'{line}\nauth = "xoauth2"'}))
    assert 'imap.token_command: missing (auth = "xoauth2" needs the command' in str(missing.value)
    smtp = 'sent_copy = "aptika+Sent@lampungbaratkab.go.id"'
    with pytest.raises(ConfigError) as nobody:
        load_config(write_config(tmp_path, "sqlite:///x.db",
                                 replace={smtp: f'{smtp}\nauth = "xoauth2"\ntoken_command = "get-token"'}))
    assert 'smtp.username: missing (auth = "xoauth2" logs in as this user)' in str(nobody.value)
    config = load_config(write_config(tmp_path, "sqlite:///x.db"))
    assert (config.imap.auth, config.smtp.auth) == ("password", "password")
