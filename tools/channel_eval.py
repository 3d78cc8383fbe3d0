"""How status questions, requests entered on behalf of an OPD and webmail senders are handled,
measured through the whole intake on a labelled set.

    python -m tools.channel_eval tests/data/channels_blind [--config config.toml]

The folder holds ``*.eml`` and ``labels.csv`` (file,kind,expect,ticket,opd,channel,note). A template
desk (SQLite, mail kept in the outbox) first gets three tickets: JIP-2026-0001 from
umum@diskes (waiting for the Kadis), JIP-2026-0002 from tu@disdik (in progress, Rahmat assigned) and
JIP-2026-0003 from perencanaan@bappeda (waiting for the Kabid); Authentication-Results of
``mail.lampungbaratkab.go.id`` are trusted. Each labelled mail is handled on a fresh copy of that
desk; a reference to ``<ack-JIP-2026-000N@lampungbaratkab.go.id>`` is rewritten to the real
acknowledgement's Message-ID, and the desk's clock stands a minute after the mail's Date. What
the desk then queued decides the observed outcome:
status_answer, status_list, status_refused, ticket (with its OPD and channel), on_behalf_refused,
awaiting_registration, followup or nothing. Besides, a case fails when anything with a ticket's data
went to a sender the label gives none, or a Kadis request was queued without a new ticket.
"""
from __future__ import annotations

import argparse
import csv
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

from sqlalchemy import func, select

from mailproc.core.clock import WIB, Clock
from mailproc.core.config import load_config, parse_config
from mailproc.desk import Desk
from mailproc.intake.inbound import Inbound, Origin
from mailproc.store.db import upgrade
from mailproc.store.models import InboundMessage, OutboxMessage, Ticket

SERVICE = "aptika@lampungbaratkab.go.id"
TRUSTED = "mail.lampungbaratkab.go.id"
START = datetime(2026, 12, 7, 8, 30, tzinfo=WIB)
CASES_AT = datetime(2026, 12, 8, 10, 0, tzinfo=WIB)
SCENARIO = (("umum@diskes.lampungbaratkab.go.id", "Internet Puskesmas Liwa mati total",
             "Jaringan internet di Puskesmas Liwa mati total sejak pagi. Mohon perbaikan segera."),
            ("tu@disdik.lampungbaratkab.go.id", "Pemasangan jaringan LAN ruang rapat baru",
             "Mohon pemasangan jaringan LAN dan satu access point di ruang rapat baru lantai 2."),
            ("perencanaan@bappeda.lampungbaratkab.go.id", "Rekomendasi spesifikasi switch",
             "Mohon rekomendasi spesifikasi switch managed 24 port untuk pengadaan tahun 2027."))
ACK_REF = re.compile(rb"<ack-(JIP-\d{4}-\d{4})@lampungbaratkab\.go\.id>")
DATA_KINDS = ("status_answer", "status_list")


@dataclass
class Case:
    label: dict
    observed: str
    detail: str
    leaked: bool

    @property
    def ok(self) -> bool:
        label = self.label
        want = label["expect"]
        if self.leaked:
            return False
        if want == "ticket":
            return self.observed == f"ticket {label['opd']} {label['channel'] or 'email'}"
        if want == "status_answer":
            return self.observed == f"status_answer {label['ticket']}"
        return self.observed.split()[0] == want


@dataclass
class Report:
    cases: list[Case] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = []
        for kind in sorted({c.label["kind"] for c in self.cases}) + ["all"]:
            chosen = [c for c in self.cases if kind in ("all", c.label["kind"])]
            ok = sum(c.ok for c in chosen)
            out.append(f"{kind:<10} {ok:>3}/{len(chosen):<3} {100 * ok / len(chosen):5.1f} %")
        leaks = [c for c in self.cases if c.leaked]
        out.append(f"data to someone the label gives none: {len(leaks)}")
        out.append("")
        out += [f"{c.label['file']}: want {c.label['expect']} {c.label['ticket'] or c.label['opd']} "
                f"{c.label['channel']}, got {c.observed} ({c.detail})" for c in self.cases if not c.ok]
        return out


class Bench:
    def __init__(self, config_path: Path | None, workdir: Path):
        base = load_config(config_path)
        raw = dict(base.raw)
        raw["database"] = {"url": f"sqlite:///{workdir}/template.db"}
        raw["service"] = {**raw["service"], "storage_dir": str(workdir / "storage"),
                          "rules_dir": str(base.service.rules_dir), "templates_dir": str(base.service.templates_dir)}
        raw["smtp"] = {**raw["smtp"], "transport": "directory", "directory": str(workdir / "outbox")}
        raw["senders"] = {**raw.get("senders", {}), "authserv_ids": [TRUSTED], "unregistered": "ask"}
        self.raw, self.path, self.workdir = raw, base.path, workdir
        self.template = parse_config(raw, base.path)
        upgrade(self.template.database_url)
        self.clock = Clock(START)
        desk = Desk(self.template, self.clock)
        self.acks = {}
        for sender, subject, body in SCENARIO:
            code = self._handle(desk, self._mail(sender, subject, body)).ticket
            self.acks[code] = self._queued(desk, code, "acknowledgement").message_id
        officials = self.template.roles
        for code, steps in (("JIP-2026-0002", (("request_kadis", officials["kadis"].email, "SETUJU"),
                                               ("request_kabid", officials["kabid"].email, "SETUJU"),
                                               ("request_prakom", officials["prakom"].email, "TUGASKAN Rahmat Hidayat"))),
                            ("JIP-2026-0003", (("request_kadis", officials["kadis"].email, "SETUJU"),))):
            for kind, sender, text in steps:
                request = self._queued(desk, code, kind)
                self._handle(desk, self._mail(sender, f"Re: {request.subject}", text, in_reply_to=request.message_id))
        with desk.sessions() as s:
            self.statuses = dict(s.execute(select(Ticket.code, Ticket.status)).all())
            self.last_outbox = s.scalar(select(func.max(OutboxMessage.id)))
        desk.engine.dispose()

    def _mail(self, sender: str, subject: str, body: str, in_reply_to: str | None = None) -> bytes:
        msg = EmailMessage()
        msg["From"], msg["To"], msg["Subject"] = sender, SERVICE, subject
        msg["Date"] = format_datetime(self.clock.now())
        msg["Message-ID"] = f"<setup-{abs(hash((sender, subject, body)))}@lampungbaratkab.go.id>"
        if in_reply_to:
            msg["In-Reply-To"] = msg["References"] = in_reply_to
        msg.set_content(body)
        return bytes(msg)

    def _handle(self, desk, raw: bytes):
        self.clock.advance(minutes=3)
        return Inbound(desk).handle(raw, Origin("ingest"))

    @staticmethod
    def _queued(desk, code: str, kind: str) -> OutboxMessage:
        with desk.sessions() as s:
            ticket_id = s.scalar(select(Ticket.id).where(Ticket.code == code))
            return s.scalars(select(OutboxMessage).where(OutboxMessage.ticket_id == ticket_id,
                                                         OutboxMessage.kind == kind)
                             .order_by(OutboxMessage.id.desc())).first()

    def run(self, label: dict, raw: bytes) -> Case:
        db = self.workdir / "run.db"
        shutil.copyfile(self.workdir / "template.db", db)
        raw = ACK_REF.sub(lambda m: self.acks.get(m[1].decode(), m[0].decode()).encode(), raw)
        config = parse_config({**self.raw, "database": {"url": f"sqlite:///{db}"}}, self.path)
        desk = Desk(config, Clock(_sent_at(raw) or CASES_AT))
        result = Inbound(desk).handle(raw, Origin("ingest"))
        sender = (result and self._sender(desk, result.inbound_id)) or ""
        with desk.sessions() as s:
            rows = list(s.scalars(select(OutboxMessage).where(OutboxMessage.id > self.last_outbox)))
            new = list(s.scalars(select(Ticket).where(Ticket.code.notin_(list(self.statuses)))))
            codes = {t.id: t.code for t in s.scalars(select(Ticket))}
        desk.engine.dispose()
        to_sender = [r for r in rows if sender in r.recipients]
        kinds = {r.kind for r in to_sender}
        kadis = any(r.kind == "request_kadis" for r in rows)
        if new:
            observed = f"ticket {new[0].opd_key} {new[0].channel}"
        elif "status_answer" in kinds:
            asked = sorted({codes.get(r.ticket_id, "?") for r in to_sender if r.kind == "status_answer"})
            observed = f"status_answer {','.join(asked)}"
        elif kinds & {"status_list", "status_refused", "on_behalf_refused"}:
            observed = sorted(kinds & {"status_list", "status_refused", "on_behalf_refused"})[0]
        elif "registration_pending" in kinds or any(r.kind == "registration_request" for r in rows):
            observed = "awaiting_registration"
        elif result.outcome == "followup":
            observed = "followup"
        elif not to_sender:
            observed = "nothing"
        else:
            observed = "other " + ",".join(sorted(kinds))
        gives_data = label["expect"] in ("status_answer", "status_list", "ticket", "followup")
        leaked = (not gives_data and bool(kinds & set(DATA_KINDS))) or (kadis and not new)
        return Case(label, observed, f"{result.outcome}: {result.reason}"[:160], leaked)

    @staticmethod
    def _sender(desk, inbound_id: int | None) -> str:
        if inbound_id is None:
            return ""
        with desk.sessions() as s:
            return s.scalar(select(InboundMessage.from_addr).where(InboundMessage.id == inbound_id)) or ""


def _sent_at(raw: bytes) -> datetime | None:
    """The mail's Date: the desk receives it a minute after it was sent."""
    from email import message_from_bytes
    from email.utils import parsedate_to_datetime
    try:
        return parsedate_to_datetime(message_from_bytes(raw)["Date"]) + timedelta(minutes=1)
    except (TypeError, ValueError):
        return None


def evaluate(folder: Path, config_path: Path | None = None) -> Report:
    labels = list(csv.DictReader((folder / "labels.csv").open(encoding="utf-8")))
    report = Report()
    with tempfile.TemporaryDirectory() as work:
        bench = Bench(config_path, Path(work))
        for label in labels:
            report.cases.append(bench.run(label, (folder / label["file"]).read_bytes()))
    return report


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m tools.channel_eval", description=__doc__.splitlines()[0])
    p.add_argument("folder", type=Path)
    p.add_argument("--config", type=Path, default=Path("config.toml"))
    args = p.parse_args(argv)
    print("\n".join(evaluate(args.folder, args.config).lines()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
