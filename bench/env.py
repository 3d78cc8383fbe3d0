"""The benchmark's environment: the local mail stack, throw-away databases, a config and a desk."""
from __future__ import annotations

import contextlib
import os
import shutil
import socket
import tempfile
import textwrap
import uuid
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = ROOT / ".venv" / "bin" / "python"
MAILPROC = ROOT / ".venv" / "bin" / "mailproc"
PG_SERVER = os.environ.get("MAILPROC_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/")
PASSWORD = "rahasia"
SERVICE = "aptika@lampungbaratkab.go.id"
os.environ.setdefault("MAILPROC_IMAP_PASSWORD", PASSWORD)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def mail_stack():
    """Dovecot + Postfix on free loopback ports in a throw-away workdir (as tests/conftest.py does)."""
    from tools.mailstack import MailStack
    workdir = Path(tempfile.mkdtemp(prefix="mailproc-bench-stack-"))
    workdir.chmod(0o755)   # Dovecot and Postfix run as other users
    stack = MailStack(workdir=workdir, imap_port=free_port(), smtp_port=free_port(), imaps_port=free_port())
    stack.start()
    try:
        yield stack
    finally:
        stack.stop()
        shutil.rmtree(workdir, ignore_errors=True)


# -- databases ----------------------------------------------------------------------------------

def _pg_admin():
    import psycopg
    return psycopg.connect(PG_SERVER.replace("postgresql+psycopg", "postgresql") + "postgres", autocommit=True)


@contextlib.contextmanager
def database(kind: str, directory: Path, migrate: bool = True):
    """A fresh database URL: SQLite in ``directory``, or a throw-away PostgreSQL database."""
    from mailproc.store.db import upgrade
    if kind == "sqlite":
        url = f"sqlite:///{directory / f'bench-{uuid.uuid4().hex[:8]}.db'}"
        if migrate:
            upgrade(url)
        yield url
        return
    name = f"mailproc_bench_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    with _pg_admin() as c:
        c.execute(f'CREATE DATABASE "{name}"')
    try:
        url = PG_SERVER + name
        if migrate:
            upgrade(url)
        yield url
    finally:
        with _pg_admin() as c:
            c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def dbapi_connect(url: str):
    """A plain DB-API connection to ``url`` (the baselines use no ORM)."""
    if url.startswith("sqlite"):
        import sqlite3
        conn = sqlite3.connect(url.split("///", 1)[1], isolation_level=None)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        return conn
    import psycopg
    return psycopg.connect(url.replace("postgresql+psycopg", "postgresql"))


# -- configuration --------------------------------------------------------------------------------

def write_config(directory: Path, db_url: str, *, smtp_port: int | None = None, imap_port: int | None = None,
                 extra: str = "", replace: dict[str, str] | None = None) -> Path:
    """The shipped config.toml with this run's database, storage and ports (tests/conftest.py's logic),
    and the per-sender hourly request limit lifted: a backlog holds many requests from one sender."""
    text = (ROOT / "config.toml").read_text(encoding="utf-8")
    text = text.replace('rules_dir = "rules"', f'rules_dir = "{ROOT / "rules"}"')
    text = text.replace('templates_dir = "templates"', f'templates_dir = "{ROOT / "templates"}"')
    text = text.replace('storage_dir = "storage"', f'storage_dir = "{directory / "storage"}"')
    text = text.replace('url = "sqlite:///storage/mailproc.db"', f'url = "{db_url}"')
    text = text.replace("max_requests_per_sender_per_hour = 20", "max_requests_per_sender_per_hour = 1000000")
    if smtp_port is None:
        text = text.replace('transport = "smtp"', 'transport = "directory"')
    else:
        text = text.replace("port = 2525", f"port = {smtp_port}")
    if imap_port is not None:
        text = text.replace("port = 1143", f"port = {imap_port}")
    for old, new in (replace or {}).items():
        assert old in text, old
        text = text.replace(old, new)
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "config.toml"
    path.write_text(text + "\n" + textwrap.dedent(extra), encoding="utf-8")
    return path


def make_desk(config_path: Path, clock=None):
    from mailproc.core.config import load_config
    from mailproc.desk import Desk
    return Desk(load_config(config_path), clock)


@dataclass
class Workspace:
    """A throw-away folder for one measurement (config, storage, SQLite file)."""
    path: Path

    @classmethod
    @contextlib.contextmanager
    def new(cls, prefix: str = "mailproc-bench-"):
        path = Path(tempfile.mkdtemp(prefix=prefix))
        try:
            yield cls(path)
        finally:
            shutil.rmtree(path, ignore_errors=True)


def settle(stack, timeout: float = 120.0) -> None:
    """Wait until Postfix has handed every queued message to Dovecot (so that the delivery of one
    measurement does not load the next)."""
    import time
    queue = stack.workdir / "postfix" / "queue"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        busy = sum(1 for sub in ("maildrop", "incoming", "active", "deferred")
                   for p in (queue / sub).rglob("*") if p.is_file())
        if not busy:
            return
        time.sleep(0.1)
