"""The pipe door: ``mailproc ingest`` started once per message, as an MTA pipe (rt-mailgate) does,
against a bare-minimum pipe (python start, mail-parser, one SQLite insert) and RT5's figure."""
from __future__ import annotations

import subprocess
import time

from bench.corpus import backlog
from bench.env import MAILPROC, PYTHON, ROOT, Workspace, database, write_config
from bench.report import Target, figure

RT5_SECONDS = 0.267    # rt-mailgate, RT5: 3.7 emails/s

BARE_PIPE = """
import sqlite3, sys, mailparser
mail = mailparser.parse_from_bytes(sys.stdin.buffer.read())
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("PRAGMA journal_mode=WAL"); c.execute("PRAGMA synchronous=NORMAL")
c.execute("CREATE TABLE IF NOT EXISTS m (id INTEGER PRIMARY KEY, message_id TEXT, subject TEXT, body TEXT)")
c.execute("BEGIN IMMEDIATE")
c.execute("INSERT INTO m (message_id, subject, body) VALUES (?, ?, ?)", (mail.message_id, mail.subject, mail.body))
c.execute("COMMIT")
"""


def _timed(cmd: list[str], stdin: bytes | None = None) -> float:
    start = time.perf_counter()
    proc = subprocess.run(cmd, input=stdin, cwd=ROOT, capture_output=True)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError(f"{cmd[:4]} exited {proc.returncode}: {proc.stderr.decode(errors='replace')[-1500:]}")
    return seconds


def startup(runs: int) -> None:
    help_s = [_timed([str(MAILPROC), "--help"]) for _ in range(runs)]
    bare = [_timed([str(PYTHON), "-c", "pass"]) for _ in range(runs)]
    figure("pipe.startup_help", help_s, "s", baseline=bare, higher_is_better=False,
           note="`mailproc --help` vs `python -c pass`")


def ingest(count: int, kinds=("sqlite", "postgresql")) -> None:
    messages = backlog(count, seed=11, salt="p")
    for kind in kinds:
        with Workspace.new() as ws, database(kind, ws.path) as url:
            config = write_config(ws.path, url)
            cmd = [str(MAILPROC), "--config", str(config), "ingest"]
            alone = [_timed(cmd, raw) for raw in messages]
            served = _with_service(config, cmd, backlog(count, seed=12, salt="q"))
            bare_db = ws.path / "bare.db"
            bare = [_timed([str(PYTHON), "-c", BARE_PIPE, str(bare_db)], raw) for raw in messages]
        figure(f"pipe.ingest.{kind}", served, "s/msg", baseline=bare, higher_is_better=False,
               target=Target(0.2, False), note=f"{count} msgs, one process each, handed to a running `mailproc run`; "
                                               "baseline = python + mail-parser + 1 SQLite insert")
        figure(f"pipe.ingest.{kind}_no_service", alone, "s/msg", baseline=bare, higher_is_better=False,
               note="no `mailproc run` up: ingest loads everything and handles the message itself")
        figure(f"pipe.ingest.{kind}_vs_rt5", served, "s/msg", baseline=RT5_SECONDS, higher_is_better=False,
               note="RT5 rt-mailgate 0.267 s/email (it too hands mail to a running server)")


def _with_service(config, cmd: list[str], messages: list[bytes]) -> list[float]:
    """Time ``ingest`` while ``mailproc run`` listens on its socket (the MTA's usual case)."""
    import os
    import signal
    env = {**os.environ, "MAILPROC_IMAP_PASSWORD": "rahasia"}
    service = subprocess.Popen([str(MAILPROC), "--config", str(config), "run"], cwd=ROOT, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    socket_path = config.parent / "storage" / "mailproc.sock"
    try:
        deadline = time.monotonic() + 30
        while not socket_path.exists():
            if time.monotonic() > deadline or service.poll() is not None:
                raise RuntimeError("mailproc run did not open its socket")
            time.sleep(0.05)
        _timed(cmd, messages[0])   # the service's first message loads its rules and templates
        return [_timed(cmd, raw) for raw in messages[1:]]
    finally:
        service.send_signal(signal.SIGTERM)
        service.wait(30)
