"""Storage on SQLite and PostgreSQL: migrations match the models, ticket numbers stay gapless and
unique under concurrency, and an un-migrated database is refused."""
from __future__ import annotations

import threading

import pytest
from sqlalchemy import create_engine, select

from mailproc.store import db
from mailproc.store.models import Base, Ticket


def test_schema_revision_is_the_migrations_head():
    from alembic.config import Config
    from alembic.script import ScriptDirectory
    cfg = Config()
    cfg.set_main_option("script_location", str(db.MIGRATIONS))
    assert ScriptDirectory.from_config(cfg).get_current_head() == db.SCHEMA_REVISION


def test_migrations_match_the_models(db_url):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    engine = create_engine(db_url)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    assert diff == []
    db.upgrade(db_url)   # idempotent
    db.require_migrated(db.make_engine(db_url))


def test_unmigrated_database_is_refused(tmp_path):
    engine = db.make_engine(f"sqlite:///{tmp_path / 'empty.db'}")
    with pytest.raises(db.NotMigrated, match="mailproc db upgrade"):
        db.require_migrated(engine)


def test_ticket_codes_gapless_under_concurrency(desk):
    from conftest import REQUEST_BODY, make_mail
    from mailproc.intake.inbound import Inbound, Origin

    inbound = Inbound(desk)
    errors = []

    def worker(n: int) -> None:
        try:
            for i in range(5):
                raw = make_mail("umum@diskes.lampungbaratkab.go.id", f"Internet mati di ruang {n}-{i}", REQUEST_BODY)
                assert inbound.handle(raw, Origin("ingest")).outcome == "ticket"
        except Exception as exc:   # surfaced below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with desk.sessions() as s:
        codes = sorted(s.scalars(select(Ticket.code)))
    assert codes == [f"JIP-2026-{n:04d}" for n in range(1, 21)]
