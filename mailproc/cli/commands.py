"""The commands behind the CLI, one function each: ``cmd_<name>(desk, args) -> exit code``."""
from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

from mailproc.core.errors import describe

log = logging.getLogger("mailproc")

EX_OK, EX_DATAERR, EX_TEMPFAIL, EX_UNAVAILABLE = 0, 65, 75, 69


def _print_json(data) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def cmd_db(desk, args) -> int:
    from mailproc.store.db import SCHEMA_REVISION, current_revision, safe_url, upgrade   # start-up: only this command loads it
    where = safe_url(desk.config.database_url)
    if args.action == "upgrade":
        upgrade(desk.config.database_url)
        print(f"database at revision {SCHEMA_REVISION}, the latest ({where})")
        return EX_OK
    revision = current_revision(desk.engine)
    if revision == SCHEMA_REVISION:
        print(f"database at revision {revision}, the latest ({where})")
        return EX_OK
    found = f"at revision {revision}" if revision else "not initialised"
    print(f"database {found}, the latest is {SCHEMA_REVISION}: run `mailproc db upgrade` ({where})")
    return 1


def cmd_ingest(desk, args) -> int:
    from mailproc.mail.rawmail import looks_like_mail   # start-up: only this command loads it
    from mailproc.service.pipe import ServiceUnavailable, hand_over   # start-up: only this command loads it

    sources = [(name, Path(name).read_bytes) for name in args.files] or [("-", sys.stdin.buffer.read)]
    status = EX_OK
    inbound = None
    for name, read in sources:
        try:
            raw = read()
        except OSError as exc:
            print(f"mailproc ingest: {name}: {exc}", file=sys.stderr)
            status = max(status, EX_DATAERR)
            continue
        if not looks_like_mail(raw):
            print(f"mailproc ingest: {name}: not a mail message", file=sys.stderr)
            status = max(status, EX_DATAERR)
            continue
        try:
            try:
                answer = hand_over(desk.config.service.socket, raw)   # the running service handles it
            except ServiceUnavailable:
                from mailproc.intake.inbound import Inbound, Origin   # start-up: only this command loads it
                inbound = inbound or Inbound(desk)
                result = inbound.handle(raw, Origin("ingest"))
                answer = {"outcome": result.outcome, "reason": result.reason, "ticket": result.ticket}
            if "refused" in answer:
                print(f"mailproc ingest: {name}: {answer['refused']}", file=sys.stderr)
                status = max(status, EX_DATAERR)
                continue
            if "error" in answer:
                raise RuntimeError(answer["error"])
        except Exception as exc:
            log.exception("ingest %s: temporary failure, the MTA should retry", name)
            print(f"mailproc ingest: {name}: temporary failure: {describe(exc) or exc}", file=sys.stderr)
            return EX_TEMPFAIL
        print(f"{name}: {answer['outcome']}" + (f" {answer['ticket']}" if answer.get("ticket") else "") +
              (f" ({answer['reason']})" if answer.get("reason") and answer["outcome"] != "ticket" else ""))
    if inbound is not None:   # handled here, with no service up: send what it caused now
        try:
            from mailproc.outbox.sender import deliver_due   # start-up: only this command loads it
            deliver_due(desk)
        except Exception as exc:   # the mail is in the outbox; `tick` or `run` sends it later
            log.warning("ingest: outbox not delivered now (%s); `mailproc tick` or `run` will", exc)
    return status


def cmd_poll(desk, args) -> int:
    from mailproc.service.mailbox import MailboxDoor   # start-up: only this command loads it
    from mailproc.outbox.sender import deliver_due   # start-up: only this command loads it

    door = MailboxDoor(desk)
    try:
        report = door.poll_once()
    finally:
        door.close()
    delivery = deliver_due(desk)
    summary = ", ".join(f"{k} {v}" for k, v in sorted(report.outcomes.items())) or "nothing new"
    print(f"poll: {report.fetched} message(s): {summary}; outbox: {delivery.sent} sent, "
          f"{delivery.retried} to retry, {delivery.failed} failed")
    for error in delivery.errors:
        print(f"outbox: {error}", file=sys.stderr)
    return EX_OK


def cmd_tick(desk, args) -> int:
    from mailproc.core.jobs import Trouble   # start-up: only this command loads it
    from mailproc.service.loop import tick   # start-up: only this command loads it
    _ = desk.sessions   # an un-migrated database is one clear line, not a traceback per job
    failed = False
    for line in tick(desk):
        if not args.quiet or isinstance(line, Trouble):   # --quiet: cron mails only on trouble
            print(line)
        failed = failed or "FAILED" in line
    return EX_TEMPFAIL if failed else EX_OK   # cron sees a failed round


def cmd_run(desk, args) -> int:
    from mailproc.service.loop import Service   # start-up: only this command loads it
    Service(desk).run()
    return EX_OK


def cmd_tickets(desk, args) -> int:
    from mailproc.cli import views   # start-up: only this command loads it
    with desk.sessions() as s:
        rows = views.list_tickets(s, args.status)
        if args.json:
            _print_json([views.ticket_summary(t, desk) for t in rows])
        else:
            print(views.tickets_table(rows))
    return EX_OK


def cmd_show(desk, args) -> int:
    from mailproc.cli import views   # start-up: only this command loads it
    from mailproc.store.tickets import find_by_code   # start-up: only this command loads it
    with desk.sessions() as s:
        ticket = find_by_code(s, args.ticket)
        if ticket is None:
            print(f"mailproc: no ticket {args.ticket}", file=sys.stderr)
            return EX_DATAERR
        if args.json:
            _print_json(views.ticket_detail(desk, ticket))
        else:
            print(views.ticket_text(desk, ticket))
    return EX_OK


def cmd_messages(desk, args) -> int:
    from mailproc.cli import views   # start-up: only this command loads it
    with desk.sessions() as s:
        rows = views.list_messages(s, include_all=args.all)
        if args.json:
            _print_json([views.message_summary(m) for m in rows])
        else:
            print(views.messages_table(rows))
    return EX_OK


def cmd_promote(desk, args) -> int:
    from mailproc.intake.promote import promote   # start-up: only this command loads it
    code = promote(desk, args.message)
    print(f"message {args.message} is now ticket {code}")
    return EX_OK


def cmd_check(desk, args) -> int:
    from mailproc.cli.check import run_checks   # start-up: only this command loads it
    failures = 0
    for name, ok, detail in run_checks(desk):   # ok None: a warning, not a failure
        failures += ok is False
        print(f"{'WARN' if ok is None else 'OK  ' if ok else 'FAIL'} {name}: {detail}")
    return EX_UNAVAILABLE if failures else EX_OK


def cmd_report(desk, args) -> int:
    from mailproc.sla.report import write_monthly_report   # start-up: only this command loads it
    for path in write_monthly_report(desk, args.month, Path(args.output)):
        print(path)
    return EX_OK


def cmd_berita_acara(desk, args) -> int:
    from mailproc.documents.verification import export_berita_acara   # start-up: only this command loads it
    print(export_berita_acara(desk, args.ticket, Path(args.output) if args.output else None))
    return EX_OK


def cmd_resend(desk, args) -> int:
    from mailproc.chain.officials import NothingToResend, resend   # start-up: only this command loads it
    from mailproc.outbox.sender import deliver_due   # start-up: only this command loads it
    try:
        line = resend(desk, args.ticket)
    except NothingToResend as exc:
        print(f"mailproc resend: {exc}", file=sys.stderr)
        return EX_DATAERR
    print(line)
    try:   # at once, like ingest; the request is in the outbox either way
        deliver_due(desk)
    except Exception as exc:
        log.warning("resend: outbox not delivered now (%s); `mailproc tick` or `run` will", exc)
    return EX_OK


def cmd_registry(desk, args) -> int:
    from mailproc.cli import views   # start-up: only this command loads it
    with desk.sessions() as s:
        data = views.registry_data(desk, s)
    if args.json:
        _print_json(data)
    else:
        print(views.registry_text(data))
    return EX_OK


def cmd_verify(desk, args) -> int:
    from mailproc.documents.verification import verify_file   # start-up: only this command loads it
    verdict = verify_file(desk, Path(args.file))
    print(verdict.text)
    return EX_OK if verdict.genuine else EX_DATAERR


def cmd_status(desk, args) -> int:
    from mailproc.service.health import status   # start-up: only this command loads it
    report = status(desk)
    if args.json:
        _print_json(report.as_dict())
        return report.level
    print(report.headline())
    for check in report.checks:   # Nagios shows the first line; the rest is for the admin reading it
        print(f"{check.name}: {check.text}")
    return report.level


def _local_copies(config) -> dict[str, Path]:
    """The rules and templates folders the config names, when they are the site's own copies: the
    packaged defaults (inside the installed mailproc package) come back with the package."""
    import mailproc   # start-up: only this command loads it
    package = Path(mailproc.__file__).resolve().parent
    found = {}
    for name, folder in (("rules", config.service.rules_dir), ("templates", config.service.templates_dir)):
        folder = Path(folder).absolute()   # not resolved: the packaged defaults may be symbolic links
        if folder.is_dir() and package not in folder.parents:
            found[name] = folder
    return found


def cmd_backup(desk, args) -> int:
    from mailproc.store.backup import BackupError, backup   # start-up: only this command loads it
    config = desk.config
    extra = _local_copies(config)
    try:
        dest = backup(config.database_url, config.service.storage_dir, config.path, extra, Path(args.dest),
                      now=desk.clock.now())
    except BackupError as exc:
        print(f"mailproc backup: {exc}", file=sys.stderr)
        return EX_DATAERR
    also = "".join(f", {name}" for name in sorted(extra))
    print(f"backup written to {dest}: database, storage, config{also} (MANIFEST lists every file)")
    return EX_OK


def cmd_restore(desk, args) -> int:
    from mailproc.store.backup import BackupError, restore   # start-up: only this command loads it
    try:
        config = restore(Path(args.src), Path(args.dir), database_url=args.database_url)
    except BackupError as exc:
        print(f"mailproc restore: {exc}", file=sys.stderr)
        return EX_DATAERR
    print(f"restored into {config.parent}: use it with `mailproc --config {config} ...`")
    return EX_OK
