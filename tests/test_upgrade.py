"""Upgrades: a database at the first migration, with the rows real handling makes, upgraded to the latest
revision and read back through today's models. SQLite and PostgreSQL.

The rows come from the code itself: requests (one with an attachment), an approval, a message that is
not a request, the outbox delivered; then the columns that existed at revision 0001 are copied into a
database built at 0001, which is upgraded and compared with the original row by row."""
from __future__ import annotations

from sqlalchemy import MetaData, select

from chain import KADIS, answer
from conftest import REQUEST_BODY, create_pg_database, drop_pg_database, make_mail
from mailproc.intake.inbound import Inbound, Origin
from mailproc.outbox.sender import deliver_due
from mailproc.store.db import SCHEMA_REVISION, current_revision, make_engine, make_sessionmaker, upgrade
from mailproc.store.models import Attachment, Base, Disposition, OutboxMessage, Ticket

REQUESTER = "umum@diskes.lampungbaratkab.go.id"


def _make_history(desk) -> None:
    inbound = Inbound(desk)
    inbound.handle(make_mail(REQUESTER, "Internet kantor mati total", REQUEST_BODY,
                            attachments=[("denah-ruangan.txt", "text/plain", b"Ruang server di lantai 2\n")]),
                   Origin("ingest"))
    inbound.handle(make_mail("tu@disdik.lampungbaratkab.go.id", "Mohon pemasangan access point baru",
                            "Dengan hormat, mohon dipasang access point baru di ruang guru SMPN 1 Liwa.\n"),
                   Origin("ingest"))
    inbound.handle(make_mail("warga@example.net", "Promo paket internet murah", "Beli sekarang!\n"), Origin("ingest"))
    answer(desk, KADIS, KADIS, "SETUJU")                     # the first ticket moves on: a decided disposition
    deliver_due(desk)


def _rows(engine, old: MetaData) -> dict[str, list[dict]]:
    """Every row of every table of ``old``, through today's models, limited to ``old``'s columns."""
    out = {}
    with engine.connect() as conn:
        for table in old.sorted_tables:
            if table.name == "alembic_version":
                continue
            model = Base.metadata.tables[table.name]
            columns = [model.c[c.name] for c in table.columns]
            order = [c for c in model.primary_key.columns]
            out[table.name] = [dict(r._mapping) for r in conn.execute(select(*columns).order_by(*order))]
    return out


def test_a_database_at_the_first_revision_upgrades_with_its_tickets(desk, db_url, tmp_path):
    _make_history(desk)
    if db_url.startswith("sqlite"):
        old_url, pg_name = f"sqlite:///{tmp_path / 'at-0001.db'}", None
    else:
        pg_name = create_pg_database()
        old_url = db_url.rsplit("/", 1)[0] + "/" + pg_name
    try:
        upgrade(old_url, "0001")
        old_engine = make_engine(old_url)
        assert current_revision(old_engine) == "0001"
        schema_0001 = MetaData()
        schema_0001.reflect(old_engine)
        original = _rows(desk.engine, schema_0001)
        assert all(original[name] for name in ("tickets", "events", "dispositions", "outbox", "inbound_messages",
                                               "attachments")), {k: len(v) for k, v in original.items()}
        with old_engine.begin() as conn:                    # the old database, filled as 0001's code left it
            for table in schema_0001.sorted_tables:
                if original.get(table.name):
                    conn.execute(table.insert(), original[table.name])
        old_engine.dispose()

        upgrade(old_url)
        engine = make_engine(old_url)
        assert current_revision(engine) == SCHEMA_REVISION
        assert _rows(engine, schema_0001) == original        # every old column of every row, unchanged

        # and through the models, as the desk reads them
        sessions = make_sessionmaker(engine)
        with sessions() as s, desk.sessions() as before:
            tickets = list(s.scalars(select(Ticket).order_by(Ticket.id)))
            expected = list(before.scalars(select(Ticket).order_by(Ticket.id)))
            assert [t.code for t in tickets] == [t.code for t in expected] == ["JIP-2026-0001", "JIP-2026-0002"]
            for got, want in zip(tickets, expected):
                assert (got.status, got.subject, got.requester_email, got.category, got.due_at) == \
                       (want.status, want.subject, want.requester_email, want.category, want.due_at)
                assert [(e.action, e.actor, e.detail) for e in got.events] == \
                       [(e.action, e.actor, e.detail) for e in want.events]
                assert got.channel == "email" and got.letter is None     # the columns 0003 added
            decided = s.scalars(select(Disposition).where(Disposition.decided_at.is_not(None))).all()
            assert [(d.step, d.decided_by) for d in decided] == [("kadis", KADIS)]
            assert {m.status for m in s.scalars(select(OutboxMessage))} == {"sent"}
            [attachment] = s.scalars(select(Attachment)).all()
            assert attachment.filename == "denah-ruangan.txt"
            assert attachment.message.from_addr == REQUESTER
        engine.dispose()
    finally:
        if pg_name:
            drop_pg_database(pg_name)
