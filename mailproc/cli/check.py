"""check: config, rules, templates, database, IMAP and SMTP, each with a clear verdict."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from mailproc.core.errors import describe
from mailproc.store.db import require_migrated, safe_url
from mailproc.mail.imap import connect
from mailproc.outbox.sender import SmtpTransport


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
    yield attempt("rules", lambda: (desk.load_rules(), f"{desk.rules_dir} loaded")[1])
    yield attempt("templates", lambda: _templates(desk))
    yield attempt("database", lambda: _database(desk))
    yield attempt("imap", lambda: _imap(desk))
    yield attempt("smtp", lambda: _smtp(desk))


def _templates(desk) -> str:
    env = desk.composer.env
    names = [n for n in env.list_templates() if not n.startswith("_")]
    for name in names:
        env.get_template(name)
    return f"{len(names)} email templates compile"


def _database(desk) -> str:
    url = desk.config.database_url
    if url.startswith("sqlite:///") and not Path(url.split("///", 1)[1]).exists():
        raise RuntimeError(f"{url.split('///', 1)[1]} does not exist: run `mailproc db upgrade`")
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
        raise RuntimeError(f"folder {cfg.folder!r} does not exist for {cfg.username}")
    return f"{cfg.username} at {cfg.host}:{cfg.port} ({cfg.security}), folder {cfg.folder} present"


def _smtp(desk) -> str:
    cfg = desk.config.smtp
    if cfg.transport == "directory":
        cfg.directory.mkdir(parents=True, exist_ok=True)
        return f"directory transport writes to {cfg.directory}"
    with SmtpTransport(cfg, timeout=10) as transport:
        code, _ = transport.conn.noop()
    return f"{cfg.host}:{cfg.port} ({cfg.security}) answers NOOP with {code}"
