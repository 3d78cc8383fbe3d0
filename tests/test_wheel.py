"""The wheel, as an administrator installs it: built from the repository, it carries the default rules,
templates and the starting config and no development tooling; installed into a fresh virtualenv,
`mailproc init` + a few edits give a working site in its own folder: `check`, `db upgrade`, and `run`
turn a request mailed to the local mail stack into a ticket and an acknowledgement.

The fresh virtualenv has only mailproc (from the wheel); its dependencies come from the development
virtualenv's site-packages through a .pth file, so the test needs no network."""
from __future__ import annotations

import os
import shutil
import signal
import site
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import tomlkit

from conftest import REQUEST_BODY, ROOT, make_mail

pytestmark = [pytest.mark.slow, pytest.mark.mailstack]

SERVICE = "aptika@lampungbaratkab.go.id"
REQUESTER = "tu@disdik.lampungbaratkab.go.id"
TOOLING = ("mailstack", "demo", "reply_eval", "accuracy", "crash")
NOT_SOURCE = (".venv", ".git", "build", "dist", "storage", "tests", "bench", "__pycache__", "*.egg-info",
              ".pytest_cache", ".hypothesis")


def build_wheel(tmp_path: Path) -> Path:
    """`pip wheel --no-deps` on a copy of the source (a build leaves build/ behind: not in the checkout)."""
    source = tmp_path / "source"
    shutil.copytree(ROOT, source, symlinks=True, ignore=shutil.ignore_patterns(*NOT_SOURCE))
    out = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(source)],
                   check=True, capture_output=True, timeout=600)
    [wheel] = out.glob("mailproc-*.whl")
    return wheel


def fresh_venv(tmp_path: Path, wheel: Path) -> Path:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    [packages] = venv.glob("lib/python3*/site-packages")
    # the dependencies (not mailproc: .pth files there, the editable install's among them, are not read)
    (packages / "dependencies.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install", "--no-deps",
                    "--no-index", "-q", str(wheel)], check=True, capture_output=True, timeout=300)
    return venv


def test_the_wheel_installs_and_runs_a_site(tmp_path, clean_mailstack):
    stack = clean_mailstack
    wheel = build_wheel(tmp_path)
    names = zipfile.ZipFile(wheel).namelist()
    for rules_file in (ROOT / "rules").glob("*.toml"):
        assert f"mailproc/defaults/rules/{rules_file.name}" in names
    for template in (ROOT / "templates").rglob("*.*"):
        assert f"mailproc/defaults/templates/{template.relative_to(ROOT / 'templates').as_posix()}" in names
    assert "mailproc/cli/config_starter.toml" in names and "mailproc/store/migrations/versions/0001_initial_schema.py" in names
    assert not [n for n in names if n.startswith("tools/") or any(t in n.rsplit("/", 1)[-1] for t in TOOLING)], names

    venv = fresh_venv(tmp_path, wheel)
    mailproc = str(venv / "bin" / "mailproc")
    workdir = tmp_path / "elsewhere"                # not the checkout: nothing to import from the cwd
    workdir.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "MAILPROC_CONFIG")}
    env["MAILPROC_IMAP_PASSWORD"] = stack.password
    env["MAILPROC_SECRET"] = "wheel-test-secret"

    def cli(*argv: str, timeout: float = 120) -> subprocess.CompletedProcess:
        return subprocess.run([mailproc, *argv], cwd=workdir, env=env, capture_output=True, text=True, timeout=timeout)

    where = subprocess.run([str(venv / "bin" / "python"), "-c", "import mailproc; print(mailproc.__file__)"],
                           cwd=workdir, env=env, capture_output=True, text=True, check=True).stdout
    assert where.startswith(str(venv)), where
    assert cli("--version").stdout.strip() == "mailproc 0.1.0"

    site_dir = tmp_path / "site"
    done = cli("init", str(site_dir))
    assert done.returncode == 0 and "FILL IN" in done.stdout, done
    config = site_dir / "config.toml"
    doc = tomlkit.parse(config.read_text())
    doc["imap"].update({"host": "127.0.0.1", "port": stack.imap_port, "security": "none"})
    doc["smtp"].update({"host": "127.0.0.1", "port": stack.smtp_port, "security": "none"})
    del doc["smtp"]["username"], doc["smtp"]["password_env"]    # the local Postfix wants no AUTH
    for role, name in (("kadis", "Kepala Dinas Uji"), ("kabid", "Kepala Bidang Uji"), ("prakom", "Prakom Uji")):
        doc["roles"][role]["name"] = name
    doc["officers"][0].update({"name": "Rahmat Hidayat", "email": "rahmat.hidayat@lampungbaratkab.go.id"})
    config.write_text(tomlkit.dumps(doc))
    c = ("--config", str(config))

    upgraded = cli(*c, "db", "upgrade")
    assert upgraded.returncode == 0 and upgraded.stdout.count("\n") == 1 and "alembic" not in upgraded.stderr, upgraded
    checked = cli(*c, "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "FAIL" not in checked.stdout and f"{venv}" in checked.stdout   # the packaged rules and templates
    assert "WARN officials" in checked.stdout                            # init's placeholder line is still there

    service = subprocess.Popen([mailproc, *c, "run"], cwd=workdir, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    try:
        stack.send(make_mail(REQUESTER, "Internet kantor mati total", REQUEST_BODY), REQUESTER, [SERVICE])
        acknowledgement = stack.wait_for(REQUESTER, 1, timeout=60)
        assert b"JIP-" in acknowledgement[0], acknowledgement[0][:500]
        stack.wait_for("kadis@lampungbaratkab.go.id", 1, timeout=30)   # and the request up the chain
        second = cli(*c, "run", timeout=60)                           # one service per SQLite database
        assert second.returncode != 0 and "already uses" in second.stderr, second
        service.send_signal(signal.SIGHUP)                            # not a reload: it says so, and runs on
        assert service.poll() is None
    finally:
        service.send_signal(signal.SIGTERM)
        try:
            _, log = service.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            service.kill()
            _, log = service.communicate()
    assert service.returncode == 0, log
    assert "+0700 INFO" in log and "Traceback" not in log, log
    assert "SIGHUP: the configuration and rules are read only at start; restart mailproc" in log, log

    tickets = cli(*c, "tickets", "--json")
    assert tickets.returncode == 0 and '"JIP-' in tickets.stdout, tickets
    database = site_dir / "storage" / "mailproc.db"
    assert database.exists() and not stat.S_IMODE(database.stat().st_mode) & 0o007
    raw = [p for p in (site_dir / "storage").rglob("*") if p.is_file() and "raw" in p.parts]
    assert raw and all(not stat.S_IMODE(p.stat().st_mode) & 0o007 for p in raw)
