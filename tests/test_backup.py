"""mailproc.store.backup: a consistent backup while a writer is busy, and a restore that checks
every sum, refuses to overwrite, and rewrites the config's paths into the restored tree."""
from __future__ import annotations

import os
import shutil
import socket
import sqlite3
import stat
import tomllib
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import text

from mailproc.store.backup import BackupError, backup, pg_tool_candidates, read_manifest, restore
from mailproc.store.db import make_engine

NOW = datetime(2026, 11, 27, 9, 0, tzinfo=timezone(timedelta(hours=7)))
PG_SERVER = os.environ.get("MAILPROC_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/")
DATABASES = [d.strip() for d in os.environ.get("MAILPROC_TEST_DATABASES", "sqlite,postgresql").split(",")]

CONFIG = """\
# a site's config (comments must survive the restore)

[service]
address = "aptika@lampungbaratkab.go.id"
rules_dir = "rules"                     # a local copy: backed up
templates_dir = "templates"             # not backed up: must keep pointing at the original
storage_dir = "{storage}"
socket = "{storage}/mailproc.sock"      # `run` takes piped mail from `ingest` here

[database]
url = "{url}"

[imap]
host = "127.0.0.1"
ca_file = "ca.pem"

[smtp]
transport = "directory"
directory = "{storage}/outbox"
"""

RAW = {
    "raw/ab/ab" + "1" * 62: b"From: a@b\r\nSubject: permintaan\r\n\r\njaringan mati\r\n",
    "attachments/cd/cd" + "2" * 62: bytes(range(256)) * 40,
    "berita-acara/JIP-2026-0001-v1.pdf": b"%PDF-1.7\n" + b"x" * 5000,
    "outbox/0001.eml": b"Subject: ack\r\n\r\nok\r\n",
}


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def make_site(root: Path, url_for) -> tuple[Path, Path, dict[str, Path]]:
    """/etc-like folder with config.toml, rules/, templates/; a storage folder elsewhere."""
    etc, storage = root / "etc", root / "var" / "storage"
    for folder in (etc / "rules", etc / "templates", storage):
        folder.mkdir(parents=True)
    (etc / "rules" / "categories.toml").write_text("[1.1]\nname = 'x'\n")
    (etc / "templates" / "ack.txt").write_text("Terima kasih\n")
    # the storage path is written relative to the config's folder: it resolves against etc/
    (etc / "config.toml").write_text(CONFIG.format(storage="../var/storage", url=url_for(storage)))
    for rel, data in RAW.items():
        (storage / rel).parent.mkdir(parents=True, exist_ok=True)
        (storage / rel).write_bytes(data)
    return etc / "config.toml", storage, {"rules": etc / "rules"}


def restored_path(config: Path, value: str) -> Path:
    """A path of a restored config as mailproc.config resolves it (relative: the config's folder)."""
    path = Path(value)
    return Path(os.path.normpath(path if path.is_absolute() else config.parent / path))


def backup_files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


# -- SQLite ---------------------------------------------------------------------------------------

@pytest.fixture
def sqlite_site(tmp_path):
    """A site on a WAL database whose latest committed rows are still in the WAL, with a writer
    holding an open transaction of uncommitted rows; and junk the backup must leave out."""
    config, storage, extras = make_site(tmp_path / "site", lambda s: "sqlite:///../var/storage/mailproc.db")
    db = storage / "mailproc.db"
    engine = make_engine(f"sqlite:///{db}")
    writer = engine.connect()
    writer.exec_driver_sql("PRAGMA wal_autocheckpoint=0")    # keep the committed rows in the WAL
    writer.commit()
    writer.execute(text("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)"))
    writer.execute(text("INSERT INTO alembic_version VALUES ('0002')"))
    writer.execute(text("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)"))
    writer.execute(text("INSERT INTO notes (body) VALUES (:b)"), [{"b": f"catatan {n}"} for n in range(500)])
    writer.commit()
    writer.execute(text("INSERT INTO notes (body) VALUES ('uncommitted')"))   # BEGIN IMMEDIATE, left open
    assert (storage / "mailproc.db-wal").stat().st_size > 0

    # a plain copy of the database file loses the committed rows: they are only in the WAL
    plain = tmp_path / "plain.db"
    shutil.copyfile(db, plain)
    with sqlite3.connect(plain) as conn:
        with pytest.raises(sqlite3.OperationalError, match="no such table"):
            conn.execute("SELECT count(*) FROM notes").fetchone()

    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(storage / "mailproc.sock"))
    os.mkfifo(storage / "a.fifo")
    (storage / "raw" / "ab" / ".ab11.4242.tmp").write_bytes(b"half-written")
    yield config, storage, extras, writer
    sock.close()
    writer.rollback()
    writer.close()
    engine.dispose()


def test_sqlite_backup_while_writing_and_restore(sqlite_site, tmp_path):
    config, storage, extras, writer = sqlite_site
    dest = backup("sqlite:///" + str(storage / "mailproc.db"), storage, config, extras, tmp_path / "backup", now=NOW)
    writer.commit()        # the writer goes on: its transaction was not in the snapshot

    manifest = read_manifest(dest)
    assert manifest.header["database"] == "sqlite"
    assert manifest.header["schema-revision"] == "0002"
    assert manifest.header["created"] == NOW.isoformat()
    files = backup_files(dest)
    assert files == {"MANIFEST", "database.sqlite3", "config.toml", "rules/categories.toml",
                     *(f"storage/{rel}" for rel in RAW)}
    assert {e.path for e in manifest.entries} == files - {"MANIFEST"}
    for path in dest.rglob("*"):
        assert mode(path) == (0o750 if path.is_dir() else 0o640), path
    assert not any(p.is_symlink() for p in dest.rglob("*"))
    assert (dest / "storage" / "raw" / "ab").stat().st_ino != (storage / "raw" / "ab").stat().st_ino

    target = tmp_path / "restored"
    restored = restore(dest, target)
    assert restored == target / "config.toml"
    for rel, data in RAW.items():
        assert (target / "storage" / rel).read_bytes() == data
    assert (target / "rules" / "categories.toml").exists()
    assert not (target / "templates").exists()

    cfg = tomllib.loads(restored.read_text())
    assert "# a local copy: backed up" in restored.read_text()       # comments kept
    service = cfg["service"]
    assert restored_path(restored, service["storage_dir"]) == target / "storage"
    assert restored_path(restored, service["socket"]) == target / "storage" / "mailproc.sock"
    assert restored_path(restored, service["rules_dir"]) == target / "rules"
    assert Path(service["templates_dir"]) == config.parent / "templates"      # made absolute, kept
    assert restored_path(restored, cfg["smtp"]["directory"]) == target / "storage" / "outbox"
    assert Path(cfg["imap"]["ca_file"]) == config.parent / "ca.pem"
    url = cfg["database"]["url"]
    assert url.startswith("sqlite:///") and not url.startswith("sqlite:////")   # relative to target
    db = restored_path(restored, url[len("sqlite:///"):])
    assert db == target / "storage" / "mailproc.db"

    engine = make_engine(f"sqlite:///{db}")
    with engine.connect() as conn:
        bodies = conn.execute(text("SELECT body FROM notes ORDER BY id")).scalars().all()
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0002"
    engine.dispose()
    assert bodies == [f"catatan {n}" for n in range(500)]
    for path in target.rglob("*"):
        assert mode(path) == (0o750 if path.is_dir() else 0o640), path


def test_restore_leaves_unset_rules_and_templates_unset(tmp_path):
    """A config without rules_dir/templates_dir uses the packaged defaults: so does its restore."""
    config, storage, _extras = make_site(tmp_path / "site", lambda s: f"sqlite:///{s / 'mailproc.db'}")
    text_ = config.read_text().replace('rules_dir = "rules"                     # a local copy: backed up\n', "")
    config.write_text(text_.replace('templates_dir = "templates"', "# templates: the packaged ones"))
    sqlite3.connect(storage / "mailproc.db").close()
    dest = backup(f"sqlite:///{storage / 'mailproc.db'}", storage, config, {}, tmp_path / "backup", now=NOW)
    service = tomllib.loads(restore(dest, tmp_path / "restored").read_text())["service"]
    assert "rules_dir" not in service and "templates_dir" not in service


def test_backup_refuses_a_non_empty_or_inner_destination(sqlite_site, tmp_path):
    config, storage, extras, _writer = sqlite_site
    url = "sqlite:///" + str(storage / "mailproc.db")
    dest = tmp_path / "busy"
    dest.mkdir()
    (dest / "something").write_text("x")
    with pytest.raises(BackupError, match="not empty"):
        backup(url, storage, config, extras, dest, now=NOW)
    with pytest.raises(BackupError, match="inside the storage folder"):
        backup(url, storage, config, extras, storage / "backups" / "today", now=NOW)
    empty = tmp_path / "empty"
    empty.mkdir()
    assert (backup(url, storage, config, extras, empty, now=NOW) / "MANIFEST").exists()


@pytest.fixture
def sqlite_backup(sqlite_site, tmp_path):
    config, storage, extras, _writer = sqlite_site
    return backup("sqlite:///" + str(storage / "mailproc.db"), storage, config, extras, tmp_path / "backup", now=NOW)


def test_restore_refuses_a_tampered_backup(sqlite_backup, tmp_path):
    victim = sqlite_backup / "storage" / "berita-acara" / "JIP-2026-0001-v1.pdf"
    data = bytearray(victim.read_bytes())
    data[100] ^= 1                       # same size, one bit
    victim.write_bytes(bytes(data))
    with pytest.raises(BackupError, match="storage/berita-acara/JIP-2026-0001-v1.pdf does not match MANIFEST"):
        restore(sqlite_backup, tmp_path / "restored")
    assert not (tmp_path / "restored").exists()


def test_restore_refuses_a_missing_file_or_a_foreign_path(sqlite_backup, tmp_path):
    (sqlite_backup / "rules" / "categories.toml").unlink()
    with pytest.raises(BackupError, match="rules/categories.toml is listed in MANIFEST but missing"):
        restore(sqlite_backup, tmp_path / "restored")
    manifest = sqlite_backup / "MANIFEST"
    manifest.write_text(manifest.read_text() + f"{'0' * 64}  1  ../../etc/passwd\n")
    with pytest.raises(BackupError, match="not a path a mailproc backup holds"):
        restore(sqlite_backup, tmp_path / "restored")


def test_restore_refuses_an_incomplete_backup(sqlite_backup, tmp_path):
    (sqlite_backup / "MANIFEST").unlink()
    with pytest.raises(BackupError, match="no MANIFEST: the backup is incomplete"):
        restore(sqlite_backup, tmp_path / "restored")


def test_restore_refuses_a_non_empty_target(sqlite_backup, tmp_path):
    target = tmp_path / "restored"
    target.mkdir()
    (target / "config.toml").write_text("# mine\n")
    with pytest.raises(BackupError, match="not empty"):
        restore(sqlite_backup, target)
    assert (target / "config.toml").read_text() == "# mine\n"


def test_restore_of_sqlite_into_postgresql_is_refused(sqlite_backup, tmp_path):
    with pytest.raises(BackupError, match="holds a SQLite database"):
        restore(sqlite_backup, tmp_path / "restored", database_url=PG_SERVER + "x")


# -- PostgreSQL -----------------------------------------------------------------------------------

def _admin():
    import psycopg
    return psycopg.connect(PG_SERVER.replace("postgresql+psycopg", "postgresql") + "postgres", autocommit=True)


@pytest.fixture
def pg_databases():
    """Two throw-away databases (mp_backup_<random>, …_r), dropped afterwards."""
    if "postgresql" not in DATABASES:
        pytest.skip("MAILPROC_TEST_DATABASES leaves PostgreSQL out")
    if not pg_tool_candidates("pg_dump") or not pg_tool_candidates("pg_restore"):
        pytest.skip("pg_dump/pg_restore not found (PATH, /usr/lib/postgresql/*/bin): apt install postgresql-client")
    try:
        admin = _admin()
    except Exception as exc:   # noqa: BLE001
        pytest.skip(f"no PostgreSQL server at {PG_SERVER}: {exc}")
    name = f"mp_backup_{uuid.uuid4().hex[:10]}"
    names = (name, name + "_r")
    with admin:
        for n in names:
            admin.execute(f'CREATE DATABASE "{n}"')
        try:
            yield tuple(PG_SERVER + n for n in names)
        finally:
            for n in names:
                admin.execute(f'DROP DATABASE IF EXISTS "{n}" WITH (FORCE)')


def test_postgresql_backup_while_writing_and_restore(pg_databases, tmp_path):
    source_url, target_url = pg_databases
    config, storage, extras = make_site(tmp_path / "site", lambda s: source_url)
    engine = make_engine(source_url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)"))
        conn.execute(text("INSERT INTO alembic_version VALUES ('0002')"))
        conn.execute(text("CREATE TABLE notes (id SERIAL PRIMARY KEY, body TEXT NOT NULL, at TIMESTAMPTZ)"))
        conn.execute(text("INSERT INTO notes (body, at) VALUES (:b, now())"), [{"b": f"catatan {n}"} for n in range(300)])
    writer = engine.connect()
    writer.execute(text("INSERT INTO notes (body) VALUES ('uncommitted')"))   # open during the backup
    try:
        dest = backup(source_url, storage, config, extras, tmp_path / "backup", now=NOW)
    finally:
        writer.commit()
        writer.close()

    manifest = read_manifest(dest)
    assert manifest.header["database"] == "postgresql"
    assert manifest.header["schema-revision"] == "0002"
    assert "database.pgdump" in backup_files(dest) and "database.sqlite3" not in backup_files(dest)
    assert mode(dest / "database.pgdump") == 0o640

    with pytest.raises(BackupError, match="pass database_url="):
        restore(dest, tmp_path / "nowhere")
    with pytest.raises(BackupError, match="is not empty"):
        restore(dest, tmp_path / "nowhere", database_url=source_url)   # it has tables
    assert not (tmp_path / "nowhere").exists()

    restored = restore(dest, tmp_path / "restored", database_url=target_url)
    cfg = tomllib.loads(restored.read_text())
    assert cfg["database"]["url"] == target_url
    assert restored_path(restored, cfg["service"]["storage_dir"]) == tmp_path / "restored" / "storage"
    for rel, data in RAW.items():
        assert (tmp_path / "restored" / "storage" / rel).read_bytes() == data

    query = text("SELECT id, body, at FROM notes ORDER BY id")
    with engine.connect() as conn:
        original = conn.execute(query).all()
    restored_engine = make_engine(target_url)
    with restored_engine.connect() as conn:
        copy = conn.execute(query).all()
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0002"
        # the sequence came along: a new row does not collide
        conn.execute(text("INSERT INTO notes (body) VALUES ('after restore')"))
    restored_engine.dispose()
    engine.dispose()
    assert copy == [row for row in original if row.body != "uncommitted"]
    assert len(copy) == 300


def test_a_pg_dump_older_than_the_server_is_refused_clearly(pg_databases, tmp_path, monkeypatch):
    from mailproc.store import backup as module
    source_url, _target_url = pg_databases
    config, storage, extras = make_site(tmp_path / "site", lambda s: source_url)
    old = Path("/usr/lib/postgresql/9/bin/pg_dump")
    monkeypatch.setattr(module, "pg_tool_candidates", lambda name: [((9, 6, 24), old)])
    with pytest.raises(BackupError, match=r"pg_dump 9\.6\.24 \(/usr/lib/postgresql/9/bin/pg_dump\) is too old: "
                                          r"the server runs PostgreSQL \d+\.\d+, which needs pg_dump \d+ or newer"):
        backup(source_url, storage, config, extras, tmp_path / "backup", now=NOW)
    assert not (tmp_path / "backup" / "MANIFEST").exists()
    monkeypatch.setattr(module, "pg_tool_candidates", lambda name: [])
    with pytest.raises(BackupError, match="pg_dump not found"):
        backup(source_url, storage, config, extras, tmp_path / "backup2", now=NOW)
