"""Installing and operating: `init`, `check`'s verdicts, `db current`, the tick's order and `--quiet`,
file modes, one `run` per SQLite database, log times. The wheel itself: tests/test_wheel.py."""
from __future__ import annotations

import logging
import os
import shutil
import stat
from datetime import datetime
from pathlib import Path

import pytest
import tomlkit
from sqlalchemy import select

from conftest import REQUEST_BODY, ROOT, make_mail, write_config
from mailproc.cli.main import _log_format, main
from mailproc.core import defaults
from mailproc.core.clock import WIB
from mailproc.core.config import load_config
from mailproc.desk import Desk
from mailproc.intake.inbound import Inbound, Origin
from mailproc.outbox.sender import deliver_due
from mailproc.service.runlock import AlreadyRunning, hold_run_lock
from mailproc.store.db import upgrade
from mailproc.store.models import OutboxMessage

KADIS = "kadis@lampungbaratkab.go.id"
REQUESTER = "tu@disdik.lampungbaratkab.go.id"


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# -- init and the packaged defaults ------------------------------------------------------------------

def test_the_package_carries_the_top_level_rules_and_templates():
    assert defaults.RULES.resolve() == (ROOT / "rules").resolve()
    assert defaults.TEMPLATES.resolve() == (ROOT / "templates").resolve()
    assert "opd.toml" in defaults.rules_files() and "keywords.toml" in defaults.rules_files()


def test_init_writes_a_config_that_uses_the_packaged_defaults(tmp_path, capsys):
    code, out, _ = run_cli(capsys, "init", str(tmp_path / "site"))
    assert code == 0
    config_path = tmp_path / "site" / "config.toml"
    assert "FILL IN" in out and "PLACEHOLDER" in out and f"--config {config_path} db upgrade" in out
    config = load_config(config_path)
    assert config.service.rules_dir == defaults.RULES and config.service.templates_dir == defaults.TEMPLATES
    assert config.database_url == f"sqlite:///{tmp_path / 'site' / 'storage' / 'mailproc.db'}"
    assert config.service.storage_dir == tmp_path / "site" / "storage"
    assert all("PLACEHOLDER" in official.name for official in config.roles.values())
    assert not (tmp_path / "site" / "rules").exists()
    # never over an existing config
    text = config_path.read_text()
    code, _, err = run_cli(capsys, "init", str(tmp_path / "site"))
    assert code != 0 and "exists" in err and config_path.read_text() == text


def test_init_copy_rules_makes_local_copies_that_the_config_uses(tmp_path, capsys):
    site = tmp_path / "site"
    code, _, _ = run_cli(capsys, "init", str(site), "--copy-rules")
    assert code == 0
    config = load_config(site / "config.toml")
    assert config.service.rules_dir == site / "rules" and config.service.templates_dir == site / "templates"
    assert sorted(p.name for p in (site / "rules").iterdir()) == defaults.rules_files()
    assert (site / "templates" / "email" / "acknowledgement.txt").read_bytes() == \
        (ROOT / "templates" / "email" / "acknowledgement.txt").read_bytes()
    assert (site / "templates" / "berita_acara.html").is_file()


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.strip() == "mailproc 0.1.0"


# -- check ---------------------------------------------------------------------------------------------

@pytest.fixture
def site(tmp_path, mailstack):
    """An installed site: local copies of rules and templates, a migrated SQLite database, the mail stack."""
    root = tmp_path / "site"
    root.mkdir()
    shutil.copytree(ROOT / "rules", root / "rules")
    shutil.copytree(ROOT / "templates", root / "templates")
    url = f"sqlite:///{root / 'storage' / 'mailproc.db'}"
    upgrade(url)
    path = write_config(root, url, smtp_port=mailstack.smtp_port, imap_port=mailstack.imap_port,
                        replace={f'rules_dir = "{ROOT / "rules"}"': 'rules_dir = "rules"',
                                 f'templates_dir = "{ROOT / "templates"}"': 'templates_dir = "templates"'})
    return path


def check(capsys, config: Path) -> tuple[int, list[str]]:
    code, out, _ = run_cli(capsys, "--config", str(config), "check")
    return code, out.splitlines()


def test_check_passes_on_a_complete_site_and_warns_on_placeholders(site, capsys, monkeypatch):
    monkeypatch.delenv("MAILPROC_SECRET", raising=False)
    code, lines = check(capsys, site)
    assert code == 0, lines
    assert not [line for line in lines if line.startswith("FAIL")], lines
    warnings = [line for line in lines if line.startswith("WARN")]
    assert any(line.startswith("WARN officials:") for line in warnings), lines   # config.toml's marker
    assert any(line.startswith("WARN opd:") and "placeholder" in line for line in warnings), lines
    assert any(line.startswith("WARN secret:") for line in warnings), lines
    assert any(line.startswith("OK   templates:") and "Berita Acara" in line for line in lines), lines
    # the real officials in, the marker lines gone: no warning about them
    for path in (site, site.parent / "rules" / "opd.toml"):
        text = path.read_text()
        text = "\n".join(line for line in text.splitlines() if not line.startswith("# PLACEHOLDERS:"))
        path.write_text(text.replace("(placeholder)", ""))
    monkeypatch.setenv("MAILPROC_SECRET", "a-real-secret")
    code, lines = check(capsys, site)
    assert code == 0 and not [line for line in lines if line.startswith("WARN")], lines


def _break_storage(site: Path) -> None:
    blocker = site.parent / "not-a-folder"
    blocker.write_text("a file where the storage's parent should be")
    text = site.read_text().replace('storage_dir = "storage"', f'storage_dir = "{blocker / "storage"}"')
    site.write_text(text)


BROKEN = {
    "templates folder missing": ("templates", lambda site: shutil.rmtree(site.parent / "templates")),
    "templates folder empty": ("templates", lambda site: [p.unlink() for p in (site.parent / "templates" / "email").iterdir()]),
    "email template does not compile": ("templates", lambda site: (site.parent / "templates" / "email" / "acknowledgement.txt")
                                        .write_text("{% if ticket %}never closed")),
    "Berita Acara template does not compile": ("templates", lambda site: (site.parent / "templates" / "berita_acara.html")
                                               .write_text("<p>{{ ticket.code | no_such_filter }}</p>")),
    "SLA report template missing": ("templates", lambda site: (site.parent / "templates" / "sla_report.html").unlink()),
    "rules file missing": ("rules", lambda site: (site.parent / "rules" / "keywords.toml").unlink()),
    "storage not writable": ("storage", _break_storage),
    "database behind": ("database", None),
    "signing key unreadable": ("signing key", None),
}


@pytest.mark.parametrize("what", list(BROKEN))
def test_check_fails_on_each_missing_piece(site, capsys, monkeypatch, what):
    name, breaking = BROKEN[what]
    if what == "database behind":
        (site.parent / "storage" / "mailproc.db").unlink()
        upgrade(f"sqlite:///{site.parent / 'storage' / 'mailproc.db'}", "0001")
    elif what == "signing key unreadable":
        monkeypatch.setenv("MAILPROC_SIGNING_KEY", str(site.parent / "no-such-key.p12"))
    else:
        breaking(site)
    code, lines = check(capsys, site)
    assert code != 0, lines
    failed = [line for line in lines if line.startswith("FAIL")]
    assert [line.split(":")[0] for line in failed] == [f"FAIL {name}"], lines
    assert "\n" not in failed[0] and "Traceback" not in failed[0]


def test_check_names_a_signing_key_that_opens_with_its_password(site, capsys, monkeypatch, tmp_path):
    from mailproc.documents.signing import make_test_certificate
    key, password, _ca = make_test_certificate(tmp_path / "pki")
    monkeypatch.setenv("MAILPROC_SIGNING_KEY", str(key))
    monkeypatch.setenv("MAILPROC_SIGNING_PASSWORD", password.decode())
    code, lines = check(capsys, site)
    assert code == 0 and any(line.startswith("OK   signing key:") for line in lines), lines
    monkeypatch.setenv("MAILPROC_SIGNING_PASSWORD", "wrong")
    code, lines = check(capsys, site)
    assert code != 0 and any(line.startswith("FAIL signing key:") for line in lines), lines


# -- the database's revision -----------------------------------------------------------------------

def test_db_current_and_upgrade(tmp_path, capsys):
    db = tmp_path / "storage" / "mailproc.db"
    config = write_config(tmp_path, f"sqlite:///{db}")
    code, out, _ = run_cli(capsys, "--config", str(config), "db", "current")
    assert code == 1 and "not initialised" in out
    upgrade(f"sqlite:///{db}", "0001")
    code, out, _ = run_cli(capsys, "--config", str(config), "db", "current")
    assert code == 1 and "at revision 0001, the latest is 0003" in out
    for _ in range(2):   # idempotent, quiet: one line
        code, out, err = run_cli(capsys, "--config", str(config), "db", "upgrade")
        assert code == 0 and out.count("\n") == 1 and "revision 0003" in out and "alembic" not in err, (out, err)
    code, out, _ = run_cli(capsys, "--config", str(config), "db", "current")
    assert code == 0 and "at revision 0003, the latest" in out


# -- files the service writes are not world-readable -------------------------------------------------

def test_files_the_service_creates_are_not_world_readable(tmp_path, capsys):
    db = tmp_path / "fresh" / "mailproc.db"
    config = write_config(tmp_path, f"sqlite:///{db}")
    before = os.umask(0o022)
    try:
        assert run_cli(capsys, "--config", str(config), "db", "upgrade")[0] == 0
        mail = tmp_path / "request.eml"
        mail.write_bytes(make_mail(REQUESTER, "Internet kantor mati", REQUEST_BODY))
        code, out, _ = run_cli(capsys, "--config", str(config), "ingest", str(mail))
        assert code == 0 and "ticket" in out, out
        assert os.umask(0o022) == 0o022            # main() gives the caller its umask back
    finally:
        os.umask(before)
    storage = tmp_path / "storage"
    created = [db, *db.parent.glob("mailproc.db*"), *storage.rglob("*")]
    assert any("raw" in p.parts for p in created if p.is_file()), created
    for path in created:
        assert not stat.S_IMODE(path.stat().st_mode) & 0o007, f"{path} is world-accessible"


# -- one `run` per SQLite database -------------------------------------------------------------------

def test_a_second_run_on_the_same_sqlite_database_is_refused(tmp_path, capsys):
    db = tmp_path / "mailproc.db"
    config = write_config(tmp_path, f"sqlite:///{db}")
    upgrade(f"sqlite:///{db}")
    first = hold_run_lock(f"sqlite:///{db}")        # the running service
    try:
        with pytest.raises(AlreadyRunning):
            hold_run_lock(f"sqlite:///{db}")
        code, out, err = run_cli(capsys, "--config", str(config), "run")
        assert code != 0 and out == ""
        assert err.count("\n") == 1 and "already uses" in err and f"pid {os.getpid()}" in err, err
    finally:
        first.close()
    again = hold_run_lock(f"sqlite:///{db}")        # released with its process (here: its file)
    again.close()
    assert hold_run_lock("postgresql+psycopg://mailproc@db/mailproc") is None   # workers share PostgreSQL


# -- logging -----------------------------------------------------------------------------------------

def test_log_lines_carry_the_time_in_wib():
    record = logging.LogRecord("mailproc", logging.INFO, __file__, 1, "hello", None, None)
    record.created = datetime(2026, 11, 27, 2, 30, 5, tzinfo=WIB).timestamp() - 0   # 02:30:05 WIB
    record.msecs = 0
    line = _log_format().format(record)
    assert line.startswith("2026-11-27 02:30:05.000+0700 INFO mailproc: hello"), line


# -- tick ------------------------------------------------------------------------------------------------

@pytest.mark.mailstack
def test_a_reminder_due_at_0929_leaves_with_the_tick_at_0929(tmp_path, db_url, clock, clean_mailstack, capsys):
    """The Kadis's step has 30 working minutes; the first reminder is due at half of it. A request at
    09:14 has its reminder due at 09:29, and the cron tick of 09:29 both queues and sends it."""
    stack = clean_mailstack
    config = write_config(tmp_path, db_url, smtp_port=stack.smtp_port, imap_port=stack.imap_port)
    desk = Desk(load_config(config), clock)
    clock.set(datetime(2026, 11, 27, 9, 14, tzinfo=WIB))
    result = Inbound(desk).handle(make_mail(REQUESTER, "Internet kantor mati total", REQUEST_BODY), Origin("ingest"))
    assert result.outcome == "ticket"
    deliver_due(desk)

    def reminders() -> list[OutboxMessage]:
        with desk.sessions() as s:
            return list(s.scalars(select(OutboxMessage).where(OutboxMessage.kind.like("sla_remind_%"))))

    code, out, _ = run_cli(capsys, "--config", str(config), "--now", "2026-11-27T09:28", "tick", "--quiet")
    assert code == 0 and out == "" and reminders() == []          # nothing due, nothing said
    code, out, _ = run_cli(capsys, "--config", str(config), "--now", "2026-11-27T09:29", "tick")
    assert code == 0 and "sla: 1 notice(s) sent" in out, out
    [reminder] = reminders()
    assert reminder.status == "sent" and reminder.recipients == [KADIS], (reminder.status, reminder.recipients)
    stack.wait_for(KADIS, 2)                                      # the request and its reminder


def test_an_idle_round_of_the_service_logs_nothing_at_info(desk, caplog):
    from mailproc.service.loop import Service, periodic_jobs
    service = Service(desk)
    jobs = [(name, service._guarded(name, job)) for name, job in periodic_jobs(desk)]
    with caplog.at_level(logging.DEBUG, logger="mailproc"):
        for _name, run in jobs:             # the first round of the day: the digest goes out, and says so
            run()
        first = [r.getMessage() for r in caplog.records if r.levelno >= logging.INFO]
        caplog.clear()
        for _ in range(2):                 # then nothing is due: every job still runs and reports
            for _name, run in jobs:
                run()
    assert any(line.startswith("digest: sent") for line in first), first
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.INFO] == []
    said = {r.getMessage().split(":")[0] for r in caplog.records}
    assert {name for name, _ in jobs} <= said, said      # at DEBUG, for `mailproc -v run`


def test_the_berita_acara_pdf_is_not_world_readable_under_the_commands_umask(desk):
    from mailproc.cli.main import UMASK
    from test_completion import drive_to_done
    before = os.umask(UMASK)               # as every command sets it
    try:
        code = drive_to_done(desk)
    finally:
        os.umask(before)
    pdf = desk.storage / "berita-acara" / f"{code}-v1.pdf"
    assert stat.S_IMODE(pdf.stat().st_mode) == 0o640
    assert stat.S_IMODE(pdf.parent.stat().st_mode) == 0o750
