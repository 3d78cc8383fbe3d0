"""check: config, rules, templates, storage, signing key, database, IMAP and SMTP, each with a clear verdict.

A verdict is OK, FAIL (``check`` exits non-zero) or WARN (placeholder officials or PJ data, the
development secret: fine for a trial, not for production).
"""
from __future__ import annotations

import getpass
import os
import re
import tempfile
from datetime import timedelta
from pathlib import Path
from typing import Iterator

from sqlalchemy import select

from mailproc.core import defaults
from mailproc.core.errors import AdminError, describe
from mailproc.documents import berita_acara
from mailproc.sla import report
from mailproc.store.db import require_migrated, safe_url
from mailproc.mail.imap import connect
from mailproc.outbox.sender import SmtpTransport, found_in_sent_copy
from mailproc.store.models import OUT_SENT, OutboxMessage


class CheckFailed(AdminError):
    """A check's verdict, phrased for the admin."""


def run_checks(desk) -> Iterator[tuple[str, bool, str]]:
    def attempt(name: str, action) -> tuple[str, bool, str]:
        try:
            return name, True, action() or "ok"
        except Exception as exc:
            return name, False, describe(exc) or f"{type(exc).__name__}: {exc}"

    yield "config", True, f"{desk.config.path} is valid"
    if desk.config.secret_is_default:
        yield "secret", None, (f"{desk.config.service.secret_env} is not set: reply tokens and verification codes "
                                "use a development key that anyone with the source can derive; set it in production")
    else:
        yield "secret", True, f"{desk.config.service.secret_env} is set"
    yield attempt("rules", lambda: _rules(desk))
    yield from _placeholders(desk)
    yield attempt("templates", lambda: _templates(desk))
    yield attempt("storage", lambda: _storage(desk.storage))
    yield attempt("signing key", lambda: _signing_key(desk))
    database = attempt("database", lambda: _database(desk))
    yield database
    yield attempt("imap", lambda: _imap(desk))
    yield attempt("smtp", lambda: _smtp(desk))
    if desk.config.smtp.sent_copy and desk.config.smtp.transport == "smtp" and database[1]:   # it reads the outbox
        yield attempt("sent copy", lambda: _sent_copy(desk))


SENT_SAMPLE = 5   # the latest sent messages looked for in the Sent folder


def _sent_copy(desk) -> str:
    """Do the copies of what we send (smtp.sent_copy) reach imap.sent_folder? Without them, a send
    that a crash left unconfirmed cannot be settled and may go twice."""
    smtp, imap = desk.config.smtp, desk.config.imap
    settled = desk.clock.now() - timedelta(seconds=smtp.resend_grace_seconds)
    with desk.sessions() as s:
        ids = list(s.scalars(select(OutboxMessage.message_id).where(
            OutboxMessage.status == OUT_SENT, OutboxMessage.sent_at <= settled)
            .order_by(OutboxMessage.sent_at.desc()).limit(SENT_SAMPLE)))
    if not ids:
        return f"nothing sent yet: cannot tell whether copies to {smtp.sent_copy} reach {imap.sent_folder}"
    found = found_in_sent_copy(desk, ids) or set()
    if not found:
        raise CheckFailed(f"none of the last {len(ids)} sent messages is in {imap.sent_folder}: the server does not "
                          f"file copies to {smtp.sent_copy} there (Dovecot: lmtp_save_to_detail_mailbox = yes); "
                          "or set smtp.sent_copy = \"\" (then a send left unconfirmed by a crash may go twice)")
    return f"copies to {smtp.sent_copy} reach {imap.sent_folder} ({len(found)} of the last {len(ids)} sent found)"


def _rules(desk) -> str:
    folder = desk.rules_dir
    if not folder.is_dir():
        raise CheckFailed(f"rules folder {folder} does not exist")
    missing = [name for name in defaults.rules_files() if not (folder / name).is_file()]
    if missing:
        raise CheckFailed(f"{folder / missing[0]} is missing (copy it from {defaults.RULES.resolve()})")
    desk.load_rules()
    return f"{folder} loaded"


PLACEHOLDER_MARK = re.compile(r"^#\s*PLACEHOLDERS:", re.MULTILINE)   # a file's own "this is example data" line


def _placeholders(desk) -> Iterator[tuple[str, None, str]]:
    """Warnings while example officials or PJs are in use: marked by the files themselves."""
    config = desk.config
    people = [*config.roles.values(), *config.officers]
    named = [p.name for p in people if "placeholder" in f"{p.name} {p.email}".lower()]
    if named or PLACEHOLDER_MARK.search(config.path.read_text(encoding="utf-8")):
        which = f" ({', '.join(named[:3])}{', …' if len(named) > 3 else ''})" if named else ""
        yield "officials", None, (f"{config.path} still has placeholder officials{which}: put in the real "
                                  "ones and delete its '# PLACEHOLDERS:' line")
    opd = desk.rules_dir / "opd.toml"
    text = opd.read_text(encoding="utf-8") if opd.is_file() else ""
    entries = sum("placeholder" in line.lower() for line in text.splitlines() if line.lstrip().startswith("pj"))
    if entries or PLACEHOLDER_MARK.search(text):
        local = "" if desk.rules_dir != defaults.RULES else " (the shipped rules: `mailproc init --copy-rules` makes a local copy)"
        yield "opd", None, (f"{opd} has placeholder penanggung jawab data{local}: put in the real PJs "
                            "and delete its '# PLACEHOLDERS:' line")


def _templates(desk) -> str:
    folder = desk.config.service.templates_dir
    if not (folder / "email").is_dir():
        raise CheckFailed(f"templates folder {folder / 'email'} does not exist")
    env = desk.composer.env
    shipped = {p.name for p in (defaults.TEMPLATES / "email").iterdir()}
    present = set(env.list_templates())
    missing = sorted(shipped - present)
    if not present or missing:
        raise CheckFailed(f"{folder / 'email' / (missing[0] if missing else '')} is missing"
                           f" (copy it from {(defaults.TEMPLATES / 'email').resolve()})")
    names = [n for n in present if not n.startswith("_")]
    for name in names:
        env.get_template(name)
    for name in (berita_acara.TEMPLATE_NAME, berita_acara.STYLESHEET_NAME, report.TEMPLATE_NAME):
        if not (folder / name).is_file():
            raise CheckFailed(f"{folder / name} is missing (copy it from {defaults.TEMPLATES.resolve()})")
    berita_acara.BeritaAcaraRenderer(folder)   # compiles its template, reads its stylesheet
    report.template_env(folder, None).get_template(report.TEMPLATE_NAME)   # filters need no calendar to compile
    return f"{len(names)} email templates and the Berita Acara and SLA report templates in {folder} compile"


def _storage(folder: Path) -> str:
    """The storage folder exists (or can be made) and this user can write in it."""
    user = getpass.getuser()
    if not folder.exists():
        parent = next(p for p in folder.parents if p.exists())
        if parent.is_dir() and os.access(parent, os.W_OK | os.X_OK):
            return f"{folder} does not exist yet; {user} can create it"
        raise CheckFailed(f"{folder} does not exist and {user} cannot create it in {parent}")
    if not folder.is_dir():
        raise CheckFailed(f"{folder} is not a folder")
    try:
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as exc:
        raise CheckFailed(f"{folder} is not writable by {user}: {exc.strerror}") from None
    return f"{folder} is writable by {user}"


def _signing_key(desk) -> str:
    settings = desk.config.berita_acara
    path = settings.signing_key
    if path is None:
        return f"not configured ({settings.signing_key_env or 'signing_key_env'} unset): Berita Acara PDFs are not signed"
    try:
        path.read_bytes()
    except OSError as exc:
        raise CheckFailed(f"{settings.signing_key_env}={path}: cannot read it: {exc.strerror}") from None
    from mailproc.documents.signing import load_signer   # start-up: pyHanko only when a key is configured
    try:
        load_signer(path, settings.signing_password)
    except ValueError as exc:
        raise CheckFailed(f"{settings.signing_key_env}={path}: {exc} "
                           f"(is {settings.signing_password_env} right?)") from None
    return f"{path} opens with {settings.signing_password_env}"


def _database(desk) -> str:
    url = desk.config.database_url
    if url.startswith("sqlite:///") and not Path(url.split("///", 1)[1]).exists():
        raise CheckFailed(f"{url.split('///', 1)[1]} does not exist: run `mailproc db upgrade`")
    require_migrated(desk.engine)
    return f"{safe_url(desk.config.database_url)} is reachable and migrated"


def _imap(desk) -> str:
    cfg = desk.config.imap
    client = connect(cfg)
    try:
        exists = client.folder_exists(cfg.folder)
    finally:
        client.logout()
    if not exists:
        raise CheckFailed(f"folder {cfg.folder!r} does not exist for {cfg.username}")
    return f"{cfg.username} at {cfg.host}:{cfg.port} ({cfg.security}), folder {cfg.folder} present"


def _smtp(desk) -> str:
    cfg = desk.config.smtp
    if cfg.transport == "directory":
        cfg.directory.mkdir(parents=True, exist_ok=True)
        return f"directory transport writes to {cfg.directory}"
    with SmtpTransport(cfg, timeout=10) as transport:
        code, _ = transport.conn.noop()
    return f"{cfg.host}:{cfg.port} ({cfg.security}) answers NOOP with {code}"
