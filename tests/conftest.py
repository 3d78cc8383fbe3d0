"""Shared fixtures: a throw-away database (SQLite and PostgreSQL), a desk with a settable clock,
and the real local mail stack (Dovecot + Postfix) started once per test run.

Set MAILPROC_TEST_DATABASES=sqlite to skip PostgreSQL (default: both);
MAILPROC_TEST_PG (default postgresql+psycopg://postgres@127.0.0.1:5432/) names the server.
"""
from __future__ import annotations

import itertools
import os
import socket
import textwrap
import uuid
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path

import pytest

from mailproc.core.clock import WIB, Clock

ROOT = Path(__file__).resolve().parent.parent

# The officers of config.toml, for the reply grammar's tests.
from mailproc.core.config import Person  # noqa: E402

RAHMAT = Person("Rahmat Hidayat, A.Md.", "199205142019031007", "rahmat.hidayat@lampungbaratkab.go.id")
SITI = Person("Siti Nurhaliza, S.Kom.", "199408232020122015", "siti.nurhaliza@lampungbaratkab.go.id")
AGUS = Person("Agus Setiawan", "199011092015031002", "agus.setiawan@lampungbaratkab.go.id")
OFFICERS = (RAHMAT, SITI, AGUS)


@pytest.fixture(scope="session")
def grammar():
    from mailproc.chain.decisions import KeywordGrammar
    return KeywordGrammar.load(ROOT / "rules")


def read_typed(grammar, typed: str, step: str, on_hold: bool = False):
    """The grammar's decision on text as the person typed it (no quote to strip)."""
    return grammar.read(typed, step, officers=OFFICERS, on_hold=on_hold)
PG_SERVER = os.environ.get("MAILPROC_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/")
DATABASES = [d.strip() for d in os.environ.get("MAILPROC_TEST_DATABASES", "sqlite,postgresql").split(",") if d.strip()]
PASSWORD = "rahasia"
os.environ.setdefault("MAILPROC_IMAP_PASSWORD", PASSWORD)

# A Friday morning in working time: most tests start here and move the clock themselves.
T0 = datetime(2026, 11, 27, 9, 0, tzinfo=WIB)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# -- databases ---------------------------------------------------------------------------------

_pg_counter = itertools.count()


def create_pg_database() -> str:
    import psycopg
    name = f"mailproc_test_{os.getpid()}_{next(_pg_counter)}_{uuid.uuid4().hex[:6]}"
    with psycopg.connect(PG_SERVER.replace("postgresql+psycopg", "postgresql") + "postgres", autocommit=True) as c:
        c.execute(f'CREATE DATABASE "{name}"')
    return name


def drop_pg_database(name: str) -> None:
    import psycopg
    with psycopg.connect(PG_SERVER.replace("postgresql+psycopg", "postgresql") + "postgres", autocommit=True) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=DATABASES)
def db_url(request, tmp_path):
    """A fresh, migrated database: SQLite in tmp_path, or a throw-away PostgreSQL database."""
    from mailproc.store.db import upgrade
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'mailproc.db'}"
        upgrade(url)
        yield url
        return
    name = create_pg_database()
    url = PG_SERVER + name
    upgrade(url)
    yield url
    drop_pg_database(name)


# -- configuration and the desk ----------------------------------------------------------------

def write_config(directory: Path, db_url: str, *, smtp_port: int | None = None, imap_port: int | None = None,
                 extra: str = "", replace: dict[str, str] | None = None) -> Path:
    """A config.toml like the shipped one, with this test's database, storage and ports."""
    text = (ROOT / "config.toml").read_text(encoding="utf-8")
    text = text.replace('rules_dir = "rules"', f'rules_dir = "{ROOT / "rules"}"')
    text = text.replace('templates_dir = "templates"', f'templates_dir = "{ROOT / "templates"}"')
    text = text.replace('url = "sqlite:///storage/mailproc.db"', f'url = "{db_url}"')
    if smtp_port is None:
        text = text.replace('transport = "smtp"', 'transport = "directory"')
    else:
        text = text.replace("port = 2525", f"port = {smtp_port}")
    if imap_port is not None:
        text = text.replace("port = 1143", f"port = {imap_port}")
    for old, new in (replace or {}).items():
        assert old in text, old
        text = text.replace(old, new)
    path = directory / "config.toml"
    path.write_text(text + "\n" + textwrap.dedent(extra), encoding="utf-8")
    return path


@pytest.fixture
def clock():
    return Clock(T0)


@pytest.fixture
def desk(tmp_path, db_url, clock):
    """A desk on a fresh database, with the directory transport (no mail server)."""
    from mailproc.core.config import load_config
    from mailproc.desk import Desk
    return Desk(load_config(write_config(tmp_path, db_url)), clock)


# -- messages ----------------------------------------------------------------------------------

def make_mail(sender: str, subject: str, body: str, *, to: str = "aptika@lampungbaratkab.go.id",
              name: str = "", headers: dict[str, str] | None = None, in_reply_to: str | None = None,
              references: str | None = None, html: str | None = None, when: datetime = T0,
              attachments: list[tuple[str, str, bytes]] = ()) -> bytes:
    msg = EmailMessage()
    msg["From"] = f"{name} <{sender}>" if name else sender
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = format_datetime(when)
    msg["Message-ID"] = make_msgid(domain=sender.split("@")[-1])
    if in_reply_to:
        msg["In-Reply-To"] = in_reply_to
    if references:
        msg["References"] = references
    for key, value in (headers or {}).items():
        msg[key] = value
    msg.set_content(body)
    if html:
        msg.add_alternative(html, subtype="html")
    for filename, ctype, data in attachments:
        maintype, subtype = ctype.split("/")
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
    return bytes(msg)


REQUEST_BODY = """Dengan hormat,

Kami laporkan jaringan internet di kantor Puskesmas Liwa mati total sejak pagi ini.
Seluruh komputer pelayanan pasien tidak bisa terhubung ke internet dan aplikasi P-Care.
Mohon bantuan perbaikan secepatnya.

Terima kasih.
Bagian Umum Dinas Kesehatan
"""


# -- the mail stack ------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def mailstack():
    import shutil
    import tempfile

    from tools.mailstack import MailStack
    # Dovecot and Postfix run as other users: they must be able to traverse the folder.
    workdir = Path(tempfile.mkdtemp(prefix="mailproc-stack-"))
    workdir.chmod(0o755)
    stack = MailStack(workdir=workdir, imap_port=free_port(), smtp_port=free_port(), imaps_port=free_port())
    stack.start()
    yield stack
    stack.stop()
    shutil.rmtree(workdir, ignore_errors=True)


def empty_mailboxes(stack, addresses=None) -> None:
    """Delete every message in every folder of these users (default: all of the stack's users)."""
    from imapclient import IMAPClient
    for address in addresses or stack.users:
        with IMAPClient("127.0.0.1", port=stack.imap_port, ssl=False) as c:
            c.login(address, stack.password)
            for _flags, _delim, name in c.list_folders():
                c.select_folder(name)
                uids = c.search(["ALL"])
                if uids:
                    c.delete_messages(uids)
                    c.expunge()


@pytest.fixture
def clean_mailstack(mailstack):
    """The session's mail stack with every mailbox emptied: each test's fresh database numbers its
    tickets from JIP-…-0001 again, so old mail must not be mistaken for this test's."""
    empty_mailboxes(mailstack)
    return mailstack
