"""Backup and restore end to end, as an administrator does it: `mailproc run` ingests a batch from the real
Dovecot INBOX while `mailproc backup` runs; the backup is restored into an empty folder, and that
folder's config alone gives a working desk: the same tickets as the snapshot, every Berita Acara PDF
verified, and every message handled before the backup a duplicate when it arrives again.
Runs on SQLite and PostgreSQL (restored into a new, empty database)."""
from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select

from conftest import PG_SERVER, create_pg_database, drop_pg_database, write_config
from procs import REPLACE, SERVICE, engine_for, folder_size, message_id, request_mail, start_worker, state, wait_until
from mailproc.core.config import load_config
from mailproc.desk import Desk
from mailproc.store.models import InboundMessage, Ticket
from test_completion import PJ, drive_to_done

pytestmark = pytest.mark.mailstack
REPO = Path(__file__).resolve().parent.parent
BATCH = 120


def mailproc(*args: str, config: Path | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """The command line as the admin runs it: its own process, the service's environment."""
    env = dict(os.environ, MAILPROC_IMAP_PASSWORD="rahasia",
               PYTHONPATH=os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])))
    head = ["--config", str(config)] if config else []
    return subprocess.run([sys.executable, "-m", "mailproc.cli", *head, *args], capture_output=True, text=True,
                          env=env, cwd=cwd, timeout=300)


def ticket_codes(url: str) -> list[tuple[str, str | None]]:
    engine = create_engine(url)
    try:
        with engine.connect() as c:
            return sorted(tuple(r) for r in c.execute(select(Ticket.code, Ticket.message_id)))
    finally:
        engine.dispose()


def handled_raw(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        with engine.connect() as c:
            return set(c.scalars(select(InboundMessage.raw_sha256)))
    finally:
        engine.dispose()


@pytest.fixture
def restore_url(db_url):
    """Where the restored database goes: a new SQLite file (None), or a new, empty PostgreSQL database."""
    if db_url.startswith("sqlite"):
        yield None
        return
    name = create_pg_database()
    yield PG_SERVER + name
    drop_pg_database(name)


def test_backup_while_running_and_restore_elsewhere(tmp_path, db_url, clock, clean_mailstack, restore_url):
    stack = clean_mailstack
    stack.add_user(PJ)
    site = tmp_path / "site"
    site.mkdir()
    config = write_config(site, db_url, smtp_port=stack.smtp_port, imap_port=stack.imap_port, replace=REPLACE)

    # One ticket walked to done first, so that a Berita Acara PDF is in the storage.
    desk = Desk(load_config(config), clock)
    done = drive_to_done(desk)
    assert (desk.storage / "berita-acara" / f"{done}-v1.pdf").is_file()

    worker = start_worker(config, tmp_path / "worker.log")
    engine = engine_for(db_url)
    try:
        worker.wait_ready()
        raws = [request_mail(i)[1] for i in range(BATCH)]
        client = stack.imap(SERVICE)
        try:
            for raw in raws:
                client.append("INBOX", raw)
        finally:
            client.logout()
        wait_until(lambda: state(engine).tickets >= 3, 60, what="the worker ingesting")

        backup = tmp_path / "backup"
        made = mailproc("backup", str(backup), config=config, cwd=site)
        assert made.returncode == 0, made.stderr
        assert made.stdout.startswith(f"backup written to {backup}: database, storage, config"), made.stdout
        assert made.stdout.strip().endswith("(MANIFEST lists every file)") and made.stdout.count("\n") == 1
        assert (backup / "MANIFEST").is_file()

        wait_until(lambda: state(engine).tickets == BATCH + 1 and folder_size(stack, SERVICE) == 0, 240,
                   what="the batch handled")
        assert worker.terminate() == 0
        live = ticket_codes(db_url)
    finally:
        worker.kill()
        engine.dispose()

    # Restore into an empty folder; its config.toml is all the restored desk needs.
    target = tmp_path / "elsewhere" / "desk"
    args = ["restore", str(backup), str(target)] + (["--database-url", restore_url] if restore_url else [])
    restored = mailproc(*args, cwd=tmp_path)
    assert restored.returncode == 0, restored.stderr
    assert restored.stdout.strip() == (f"restored into {target}: use it with "
                                       f"`mailproc --config {target / 'config.toml'} ...`")
    assert mailproc(*args, cwd=tmp_path).returncode == 65          # never over a restored desk
    restored_config = target / "config.toml"
    restored_url = restore_url or f"sqlite:///{target / 'storage' / 'mailproc.db'}"
    assert load_config(restored_config).database_url == restored_url

    # Exactly the tickets of the snapshot: a prefix of the live ones, taken mid-batch.
    snapshot = ticket_codes(restored_url)
    if restore_url is None:     # the snapshot file itself, read directly
        with sqlite3.connect(backup / "database.sqlite3") as conn:
            assert snapshot == sorted(conn.execute("SELECT code, message_id FROM tickets").fetchall())
    listed = mailproc("tickets", "--json", config=restored_config, cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    assert sorted((t["id"], t["message_id"]) for t in json.loads(listed.stdout)) == snapshot
    assert set(snapshot) <= set(live) and done in {code for code, _ in snapshot}
    assert 3 <= len(snapshot) <= BATCH + 1
    print(f"\nbackup taken with {len(snapshot)} of {len(live)} tickets handled")

    # Every restored Berita Acara is genuine.
    pdfs = sorted((target / "storage" / "berita-acara").glob("*.pdf"))
    assert [p.name for p in pdfs] == [f"{done}-v1.pdf"]
    for pdf in pdfs:
        verdict = mailproc("verify", str(pdf), config=restored_config, cwd=tmp_path)
        assert verdict.returncode == 0, verdict.stdout + verdict.stderr

    # Nothing handled before the backup is handled again: each of its raw messages is a duplicate.
    before = handled_raw(restored_url)
    files = [p for p in (target / "storage" / "raw").rglob("*") if p.is_file() and p.name in before]
    assert len(files) == len(before) >= len(snapshot)
    again = mailproc("ingest", *map(str, files), config=restored_config, cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    outcomes = [line.split(": ", 1)[1].split()[0] for line in again.stdout.splitlines()]
    assert outcomes == ["duplicate"] * len(files), again.stdout
    # ... while a request the snapshot never saw is new to the restored desk.
    known = {mid for _, mid in snapshot}
    later = [raw for raw in raws if message_id(raw) not in known]
    if later:
        fresh = tmp_path / "later.eml"
        fresh.write_bytes(later[-1])
        result = mailproc("ingest", str(fresh), config=restored_config, cwd=tmp_path)
        assert result.returncode == 0 and result.stdout.startswith(f"{fresh}: ticket JIP-"), result.stdout


def test_the_packaged_rules_and_templates_are_not_backed_up(tmp_path):
    """rules_dir/templates_dir unset: the shipped defaults, which come back with the package, not the backup."""
    import re
    from mailproc.store.db import upgrade
    site = tmp_path / "site"
    site.mkdir()
    url = f"sqlite:///{site / 'storage' / 'mailproc.db'}"
    config = write_config(site, url)
    config.write_text(re.sub(r"(?m)^(rules|templates)_dir = .*\n", "", config.read_text()))
    upgrade(url)
    made = mailproc("backup", str(tmp_path / "backup"), config=config, cwd=site)
    assert made.returncode == 0, made.stderr
    assert made.stdout == f"backup written to {tmp_path / 'backup'}: database, storage, config (MANIFEST lists every file)\n"
    assert not (tmp_path / "backup" / "rules").exists() and not (tmp_path / "backup" / "templates").exists()
    restored = mailproc("restore", str(tmp_path / "backup"), str(tmp_path / "desk"), cwd=tmp_path)
    assert restored.returncode == 0, restored.stderr
    listed = mailproc("tickets", "--json", config=tmp_path / "desk" / "config.toml", cwd=tmp_path)
    assert listed.returncode == 0 and json.loads(listed.stdout) == [], listed.stderr
    checked = mailproc("status", "--json", config=tmp_path / "desk" / "config.toml", cwd=tmp_path)
    assert json.loads(checked.stdout)["checks"]["database"]["status"] == "OK", checked.stdout
