"""Command line: ``mailproc [--config PATH] [--now ISO-8601] COMMAND``.

Imports are deferred to the command that needs them, so that a start (an MTA piping one
message into ``ingest``) costs little.
"""
from __future__ import annotations

import argparse
import logging
import sys

EX_OK, EX_USAGE, EX_DATAERR, EX_TEMPFAIL, EX_CONFIG = 0, 64, 65, 75, 78


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="mailproc", description="Email-driven service desk of Diskominfo Lampung Barat.")
    p.add_argument("--config", help="path to config.toml (default: $MAILPROC_CONFIG or ./config.toml)")
    p.add_argument("--now", help="act at this instant (ISO-8601; naive means WIB), for tests and replays")
    p.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    sub.add_parser("run", help="the long-running service: mailbox (IDLE/poll), outbox, periodic jobs")
    sub.add_parser("poll", help="handle the mailbox once, deliver the outbox, and exit")
    ingest = sub.add_parser("ingest", help="read raw messages from files or standard input (MTA pipe)")
    ingest.add_argument("files", nargs="*", help="message files; none means standard input")
    sub.add_parser("tick", help="run all due periodic work once (outbox delivery, SLA reminders)")
    tickets = sub.add_parser("tickets", help="list tickets")
    tickets.add_argument("--status", help="only this status")
    tickets.add_argument("--json", action="store_true")
    show = sub.add_parser("show", help="one ticket with its timeline")
    show.add_argument("ticket")
    show.add_argument("--json", action="store_true")
    messages = sub.add_parser("messages", help="inbound mail that did not become a ticket, and why")
    messages.add_argument("--all", action="store_true", help="every inbound message")
    messages.add_argument("--json", action="store_true")
    promote = sub.add_parser("promote", help="turn a misjudged message into a ticket")
    promote.add_argument("message", type=int, help="message number from `mailproc messages`")
    sub.add_parser("check", help="check config, rules, database, IMAP and SMTP")
    db = sub.add_parser("db", help="database administration")
    db.add_argument("action", choices=["upgrade"])
    report = sub.add_parser("report", help="reports (the monthly SLA report)")
    report.add_argument("kind", choices=["sla"])
    report.add_argument("--month", required=True, help="YYYY-MM")
    report.add_argument("-o", "--output", default=".", help="folder for the PDF and CSV")
    ba = sub.add_parser("berita-acara", help="re-render or export a ticket's Berita Acara")
    ba.add_argument("ticket")
    ba.add_argument("-o", "--output", help="write the PDF here (default: storage copy's path is printed)")
    verify = sub.add_parser("verify", help="is this PDF a genuine, unaltered Berita Acara of this service?")
    verify.add_argument("file")
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO, stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    for noisy in ("weasyprint", "fontTools", "alembic.runtime.plugins"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    from mailproc.core.config import ConfigError, load_config   # start-up: not for --help

    try:
        config = load_config(args.config)
    except ConfigError as exc:
        print(f"mailproc: {exc}", file=sys.stderr)
        # An MTA pipe must keep the mail and retry once the admin has fixed the configuration.
        return EX_TEMPFAIL if args.command == "ingest" else EX_CONFIG
    from mailproc.core.clock import Clock, parse_instant   # start-up: not for --help
    from mailproc.desk import Desk   # start-up: not for --help

    try:
        clock = Clock(parse_instant(args.now) if args.now else None)
    except ValueError:
        print(f"mailproc: --now {args.now!r} is not an ISO-8601 instant (e.g. 2026-11-27T09:00)", file=sys.stderr)
        return EX_USAGE
    desk = Desk(config, clock)
    from mailproc.cli import commands   # start-up: not for --help

    handler = getattr(commands, f"cmd_{args.command.replace('-', '_')}")
    try:
        return handler(desk, args) or EX_OK
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:   # `mailproc tickets | head`: the reader left, nothing to report
        sys.stderr.close()
        return EX_OK
    except Exception as exc:
        from mailproc.core.errors import describe   # start-up: not for --help
        message = describe(exc)
        if message is not None:
            print(f"mailproc: {message}", file=sys.stderr)
            return EX_CONFIG
        if isinstance(exc, (ValueError, OSError)):   # bad input or a file problem: one line, no traceback
            print(f"mailproc: {args.command}: {exc}", file=sys.stderr)
            return EX_DATAERR
        raise


if __name__ == "__main__":
    sys.exit(main())
