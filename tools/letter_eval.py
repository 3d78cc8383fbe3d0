"""How well requests that arrive as letters are read, measured through the whole intake.

    python -m tools.letter_eval tests/data/letters_blind [--config config.toml]

The folder holds ``*.eml`` (a covering mail with the letter attached) and ``labels.csv`` with the
columns file,is_ticket,category,priority,number,subject,date,opd,source. Each mail goes through
``Inbound.handle`` (guard, letter reading, intent, classification, ticket) on a throw-away SQLite
desk, one message after the other, and is compared with its label: ticket or not, and for the
tickets the category, priority, the letter's number and Perihal (whitespace and case aside), date,
OPD and how it was read. Prints the accuracy of each and every miss.
"""
from __future__ import annotations

import argparse
import csv
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from mailproc.core.clock import Clock
from mailproc.core.config import load_config, parse_config
from mailproc.desk import Desk
from mailproc.intake.inbound import Inbound, Origin
from mailproc.store.db import upgrade
from mailproc.store.models import Ticket

FIELDS = ("category", "priority", "number", "number_nospace", "subject", "date", "opd", "source")


def _same(field_name: str, want: str, got: str | None) -> bool:
    if field_name == "number_nospace":   # OCR's spaces around a slash are noise: "027/63 /" for "027/ 63 /"
        return "".join(want.split()) == "".join((got or "").split())
    if field_name in ("number", "subject"):
        return " ".join(want.lower().split()) == " ".join((got or "").lower().split())
    return want == (got or "")


@dataclass
class Report:
    rows: list[dict] = field(default_factory=list)

    def accuracy(self, name: str) -> tuple[int, int]:
        if name == "ticket":
            return sum(r["ticket_ok"] for r in self.rows), len(self.rows)
        tickets = [r for r in self.rows if r["label"]["is_ticket"] == "1" and r["got"] is not None]
        key = "number" if name == "number_nospace" else name
        wanted = [r for r in tickets if r["label"][key]] if key in ("number", "subject", "date") else tickets
        return sum(_same(name, r["label"][key], r["got"].get(key)) for r in wanted), len(wanted)

    def lines(self) -> list[str]:
        out = []
        for name in ("ticket", *FIELDS):
            ok, total = self.accuracy(name)
            out.append(f"{name:<9} {ok:>3}/{total:<3} {100 * ok / total if total else 0:5.1f} %")
        out.append("")
        for r in self.rows:
            label, got = r["label"], r["got"]
            misses = [] if r["ticket_ok"] else [f"ticket: want {label['is_ticket']}, got {r['outcome']}"]
            if got is not None and label["is_ticket"] == "1":
                misses += [f"{n}: want {label[n]!r}, got {got.get(n)!r}" for n in FIELDS if n in label
                           and (label[n] or n in ("category", "priority", "opd", "source"))
                           and not _same(n, label[n], got.get(n))]
            if misses:
                out.append(f"{label['file']}: " + "; ".join(misses))
        return out


def evaluate(folder: Path, config_path: Path | None = None) -> Report:
    labels = list(csv.DictReader((folder / "labels.csv").open(encoding="utf-8")))
    report = Report()
    with tempfile.TemporaryDirectory() as work:
        base = load_config(config_path)
        raw = dict(base.raw)
        raw["database"] = {"url": f"sqlite:///{work}/letters.db"}
        raw["service"] = {**raw["service"], "storage_dir": f"{work}/storage",
                          "rules_dir": str(base.service.rules_dir), "templates_dir": str(base.service.templates_dir)}
        raw["smtp"] = {**raw["smtp"], "transport": "directory", "directory": f"{work}/outbox"}
        config = parse_config(raw, base.path)
        upgrade(config.database_url)
        desk = Desk(config, Clock())
        inbound = Inbound(desk)
        for label in labels:
            started = time.monotonic()
            result = inbound.handle((folder / label["file"]).read_bytes(), Origin("ingest"))
            got = None
            if result.ticket:
                with desk.sessions() as s:
                    t = s.scalar(select(Ticket).where(Ticket.code == result.ticket))
                    letter = t.letter or {}
                    got = {"category": t.category, "priority": t.priority, "number": letter.get("number"),
                           "subject": letter.get("subject"), "date": letter.get("date"),
                           "opd": t.opd_name, "source": letter.get("source")}
            report.rows.append({"label": label, "outcome": result.outcome, "got": got,
                                "ticket_ok": (result.outcome == "ticket") == (label["is_ticket"] == "1"),
                                "seconds": time.monotonic() - started})
    return report


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m tools.letter_eval", description=__doc__.splitlines()[0])
    p.add_argument("folder", type=Path)
    p.add_argument("--config", type=Path, default=Path("config.toml"))
    args = p.parse_args(argv)
    report = evaluate(args.folder, args.config)
    print("\n".join(report.lines()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
