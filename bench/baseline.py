"""The bare minimum any IMAP intake must pay: fetch in batches with imapclient, parse with
mail-parser, insert one row per message in its own transaction. No ORM, no rules, no archive."""
from __future__ import annotations

import time
from dataclasses import dataclass

import mailparser

from bench.env import dbapi_connect
from bench.mailbox import connect

TABLE = ("CREATE TABLE IF NOT EXISTS bench_inbound (id {pk}, message_id TEXT, sender TEXT, subject TEXT, "
         "body TEXT, received_at TEXT)")


@dataclass
class BaselineTimes:
    fetch: float            # seconds: fetch alone
    fetch_parse: float      # seconds: fetch + mail-parser
    full: float             # seconds: fetch + parse + one insert per transaction
    count: int


def _batches(client, batch: int):
    uids = sorted(client.search(["ALL"]))
    for start in range(0, len(uids), batch):
        chunk = uids[start:start + batch]
        data = client.fetch(chunk, ["BODY.PEEK[]"])
        for uid in chunk:
            yield data[uid][b"BODY[]"]


def _pass(stack, batch: int, parse: bool, conn=None) -> tuple[float, int]:
    pg = conn is not None and not hasattr(conn, "total_changes")
    sql = ("INSERT INTO bench_inbound (message_id, sender, subject, body, received_at) VALUES "
           + ("(%s, %s, %s, %s, %s)" if pg else "(?, ?, ?, ?, ?)"))
    start = time.perf_counter()
    n = 0
    with connect(stack) as client:
        client.select_folder("INBOX", readonly=True)
        for raw in _batches(client, batch):
            n += 1
            if not parse:
                continue
            mail = mailparser.parse_from_bytes(raw)
            if conn is None:
                continue
            row = (mail.message_id, (mail.from_ or [("", "")])[0][1], mail.subject, mail.body,
                   time.strftime("%Y-%m-%d %H:%M:%S"))
            if pg:
                with conn.transaction():
                    conn.execute(sql, row)
            else:
                conn.execute("BEGIN IMMEDIATE")
                conn.execute(sql, row)
                conn.execute("COMMIT")
    return time.perf_counter() - start, n


def run(stack, url: str, batch: int = 200) -> BaselineTimes:
    """Three passes over the INBOX (read-only: the messages stay for mailproc)."""
    fetch, n = _pass(stack, batch, parse=False)
    fetch_parse, _ = _pass(stack, batch, parse=True)
    conn = dbapi_connect(url)
    try:
        pk = "INTEGER PRIMARY KEY" if url.startswith("sqlite") else "BIGSERIAL PRIMARY KEY"
        if url.startswith("sqlite"):
            conn.execute(TABLE.format(pk=pk))
        else:
            conn.autocommit = True
            conn.execute(TABLE.format(pk=pk))
            conn.autocommit = False
        full, _ = _pass(stack, batch, parse=True, conn=conn)
    finally:
        conn.close()
    return BaselineTimes(fetch, fetch_parse, full, n)
