"""Command line: ``mailproc [--config PATH] [--now ISO-8601] COMMAND``.

Imports are deferred to the command that needs them, so that a start (an MTA piping one
message into ``ingest``) costs little.
"""
from __future__ import annotations

import argparse
import logging
import os
import sys
import time

EX_OK, EX_USAGE, EX_DATAERR, EX_TEMPFAIL, EX_CONFIG = 0, 64, 65, 75, 78
UMASK = 0o027          # the database, raw mail and PDFs are the service's and its group's, nobody else's
WIB_SECONDS = 7 * 3600
COMMANDS_WITHOUT_CONFIG = ("init",)


class _Version(argparse.Action):
    """``--version``: read from the installed package's metadata only when asked (start-up)."""

    def __init__(self, option_strings, dest, **kwargs):
        super().__init__(option_strings, dest, nargs=0, help="print the version and exit")

    def __call__(self, parser, namespace, values, option_string=None):
        from importlib.metadata import PackageNotFoundError, version   # start-up: only for --version
        try:
            print(f"mailproc {version('mailproc')}")
        except PackageNotFoundError:   # a source tree that was never installed
            from mailproc import __version__   # start-up: only for --version
            print(f"mailproc {__version__}")
        parser.exit()


def _log_format() -> logging.Formatter:
    """Log lines carry the time in WIB (the desk's zone, UTC+7, no daylight saving), and say so."""
    formatter = logging.Formatter("%(asctime)s.%(msecs)03d+0700 %(levelname)s %(name)s: %(message)s",
                                  datefmt="%Y-%m-%d %H:%M:%S")
    formatter.converter = lambda seconds: time.gmtime(seconds + WIB_SECONDS)
    return formatter


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="mailproc", description="Email-driven service desk of Diskominfo Lampung Barat.")
    p.add_argument("--config", help="path to config.toml (default: $MAILPROC_CONFIG or ./config.toml)")
    p.add_argument("--now", help="act at this instant (ISO-8601; naive means WIB), for tests and replays")
    p.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    p.add_argument("--version", action=_Version)
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    sub.add_parser("run", help="the long-running service: mailbox (IDLE/poll), outbox, periodic jobs")
    sub.add_parser("poll", help="handle the mailbox once, deliver the outbox, and exit")
    ingest = sub.add_parser("ingest", help="read raw messages from files or standard input (MTA pipe)")
    ingest.add_argument("files", nargs="*", help="message files; none means standard input")
    tick = sub.add_parser("tick", help="run all due periodic work once (SLA reminders, then outbox delivery)")
    tick.add_argument("--quiet", action="store_true", help="print nothing unless something failed (cron)")
    init = sub.add_parser("init", help="write a commented starting config.toml into a folder")
    init.add_argument("dir", help="the folder (created if missing); the database and storage go in it too")
    init.add_argument("--copy-rules", action="store_true",
                      help="also write editable copies of the rules and templates there, and use them")
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
    resend = sub.add_parser("resend", help="send the current step's request again (fresh reply code; the old one stops counting)")
    resend.add_argument("ticket")
    sub.add_parser("check", help="check config, rules, database, IMAP and SMTP")
    db = sub.add_parser("db", help="database administration")
    db.add_argument("action", choices=["upgrade", "current"],
                    help="upgrade: migrate to the latest revision; current: the revision, and whether it is the latest")
    report = sub.add_parser("report", help="reports (the monthly SLA report)")
    report.add_argument("kind", choices=["sla"])
    report.add_argument("--month", required=True, help="YYYY-MM")
    report.add_argument("-o", "--output", default=".", help="folder for the PDF and CSV")
    ba = sub.add_parser("berita-acara", help="re-render or export a ticket's Berita Acara")
    ba.add_argument("ticket")
    ba.add_argument("-o", "--output", help="write the PDF here (default: storage copy's path is printed)")
    verify = sub.add_parser("verify", help="is this PDF a genuine, unaltered Berita Acara of this service?")
    verify.add_argument("file")
    registry = sub.add_parser("registry", help="the OPDs' addresses and domains, and the senders registered by reply")
    registry.add_argument("--json", action="store_true")
    status = sub.add_parser("status", help="is the service healthy? (exit 0 OK, 1 warning, 2 critical: a Nagios/Icinga check)")
    status.add_argument("--json", action="store_true")
    backup = sub.add_parser("backup", help="a consistent snapshot of the database, storage, config and local rules/templates")
    backup.add_argument("dest", help="a new or empty folder")
    restore = sub.add_parser("restore", help="rebuild a backup in an empty folder, with a config.toml pointing inside it")
    restore.add_argument("src", help="the backup folder (with its MANIFEST)")
    restore.add_argument("dir", help="a new or empty folder")
    restore.add_argument("--database-url", help="an empty PostgreSQL database for a PostgreSQL backup")
    return p


def main(argv: list[str] | None = None) -> int:
    previous = os.umask(UMASK)
    try:
        return _main(argv)
    finally:   # a test calling main() in its own process gets its umask back
        os.umask(previous)


def _main(argv: list[str] | None) -> int:
    args = build_parser().parse_args(argv)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_log_format())
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO, handlers=[handler])
    for noisy in ("weasyprint", "fontTools", "alembic"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    if args.command == "restore":   # a new folder, on a machine that may have no config yet
        from mailproc.cli.commands import cmd_restore   # start-up: only this command loads it
        return cmd_restore(None, args)
    if args.command in COMMANDS_WITHOUT_CONFIG:
        from mailproc.cli.init import cmd_init   # start-up: only this command loads it
        return cmd_init(args)
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
