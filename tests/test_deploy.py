"""The systemd units in deploy/: systemd-analyze verify accepts them, and they carry the settings
and the hardening the service is meant to run with."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

DEPLOY = Path(__file__).resolve().parent.parent / "deploy"
EXECUTABLE = "/opt/mailproc/.venv/bin/mailproc"
CONFIG = "/etc/mailproc/config.toml"
SERVICES = ("mailproc.service", "mailproc@.service", "mailproc-tick.service")
UNITS = (*SERVICES, "mailproc-tick.timer")
# A systemd that checks User=/Group= against the passwd database may complain about the missing
# `mailproc` user (it is created at install time): tolerated.
TOLERATED = re.compile(r"(?i)\b(user|group)\b.*\bmailproc\b.*\b(not found|does not exist|unknown|no such)")


def parse_unit(path: Path) -> dict[str, dict[str, list[str]]]:
    """A unit file as {section: {key: [values in order]}} (comments dropped, continuations joined)."""
    sections: dict[str, dict[str, list[str]]] = {}
    current: dict[str, list[str]] | None = None
    pending = ""
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = pending + raw.strip() if pending else raw.strip()
        pending = ""
        if line.endswith("\\"):
            pending = line[:-1] + " "
            continue
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], {})
            continue
        assert current is not None, f"{path.name}: {line!r} before any section"
        key, sep, value = line.partition("=")
        assert sep, f"{path.name}: {line!r} is not KEY=VALUE"
        current.setdefault(key.strip(), []).append(value.strip())
    return sections


def value(unit: dict, section: str, key: str) -> str:
    values = unit.get(section, {}).get(key)
    assert values, f"[{section}] {key} is missing"
    return values[-1]


# -- systemd-analyze verify ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def analyze() -> str:
    path = shutil.which("systemd-analyze")
    if not path:
        pytest.skip("systemd-analyze is not installed (Debian: apt install systemd)")
    return path


@pytest.mark.parametrize("unit", UNITS)
def test_systemd_analyze_verify(unit, analyze, tmp_path):
    # verify insists that ExecStart's binary exists: the copies run a stub with the same arguments.
    stub = tmp_path / "bin" / "mailproc"
    stub.parent.mkdir()
    stub.write_text("#!/bin/sh\nexit 0\n")
    stub.chmod(0o755)
    units = tmp_path / "units"
    units.mkdir()
    for name in UNITS:            # together: the timer's verify loads the service it starts
        text = (DEPLOY / name).read_text(encoding="utf-8")
        (units / name).write_text(text.replace(EXECUTABLE, str(stub)), encoding="utf-8")
    env = {**os.environ, "SYSTEMD_LOG_COLOR": "0", "SYSTEMD_PAGER": "", "SYSTEMD_LOG_LEVEL": "info"}
    result = subprocess.run([analyze, "verify", "--man=no", str(units / unit)], cwd=units, env=env,
                            capture_output=True, text=True, timeout=120)
    output = (result.stdout + result.stderr).splitlines()
    ours = [line for line in output
            if ("mailproc" in line or str(tmp_path) in line) and not TOLERATED.search(line)]
    assert result.returncode == 0 and not ours, "\n".join(output)


# -- settings and hardening ---------------------------------------------------------------------

COMMON = {
    "User": "mailproc",
    "Group": "mailproc",
    "EnvironmentFile": "/etc/mailproc/env",
    "WorkingDirectory": "/var/lib/mailproc",
    "UMask": "0027",
    "KillSignal": "SIGTERM",
    "TimeoutStopSec": "30",
    "ProtectSystem": "strict",
    "ReadWritePaths": "/var/lib/mailproc",
    "NoNewPrivileges": "yes",
    "PrivateTmp": "yes",
    "ProtectHome": "yes",
    "PrivateDevices": "yes",
    "ProtectKernelTunables": "yes",
    "ProtectKernelModules": "yes",
    "ProtectKernelLogs": "yes",
    "ProtectControlGroups": "yes",
    "RestrictAddressFamilies": "AF_UNIX AF_INET AF_INET6",
    "RestrictNamespaces": "yes",
    "RestrictRealtime": "yes",
    "RestrictSUIDSGID": "yes",
    "LockPersonality": "yes",
    "SystemCallArchitectures": "native",
    "CapabilityBoundingSet": "",
}
# Would break the service: it needs the network (IMAP, SMTP, PostgreSQL), W+X pages for libffi
# callbacks, and a writable storage.
FORBIDDEN = ("PrivateNetwork", "IPAddressDeny", "MemoryDenyWriteExecute", "DynamicUser", "ReadOnlyPaths",
             "InaccessiblePaths")


@pytest.mark.parametrize("name", SERVICES)
def test_service_settings_and_hardening(name):
    unit = parse_unit(DEPLOY / name)
    for key, expected in COMMON.items():
        assert value(unit, "Service", key) == expected, f"{name}: [Service] {key}"
    for key in FORBIDDEN:
        assert key not in unit["Service"], f"{name}: {key} would break the service"
    assert value(unit, "Service", "SystemCallFilter").startswith("@system-service")
    assert "network-online.target" in value(unit, "Unit", "After")


@pytest.mark.parametrize("name", ("mailproc.service", "mailproc@.service"))
def test_run_units(name):
    unit = parse_unit(DEPLOY / name)
    assert value(unit, "Service", "ExecStart") == f"{EXECUTABLE} --config {CONFIG} run"
    assert value(unit, "Service", "Restart") == "always"
    assert value(unit, "Service", "RestartSec") == "5"


def test_main_unit_starts_at_boot_and_workers_with_it():
    assert value(parse_unit(DEPLOY / "mailproc.service"), "Install", "WantedBy") == "multi-user.target"
    worker = parse_unit(DEPLOY / "mailproc@.service")
    assert "%i" in value(worker, "Unit", "Description")
    assert value(worker, "Unit", "PartOf") == "mailproc.service"
    assert value(worker, "Install", "WantedBy") == "mailproc.service"


def test_tick_service_and_timer():
    service = parse_unit(DEPLOY / "mailproc-tick.service")
    assert value(service, "Service", "Type") == "oneshot"
    assert value(service, "Service", "ExecStart") == f"{EXECUTABLE} --config {CONFIG} tick --quiet"
    assert "Restart" not in service["Service"]
    assert "Install" not in service          # started by the timer, not enabled itself
    timer = parse_unit(DEPLOY / "mailproc-tick.timer")
    assert value(timer, "Timer", "OnCalendar") == "*-*-* *:*:00"
    assert value(timer, "Timer", "AccuracySec") == "1s"
    assert value(timer, "Timer", "Persistent") == "true"
    assert value(timer, "Timer", "Unit") == "mailproc-tick.service"
    assert value(timer, "Install", "WantedBy") == "timers.target"


def test_env_example_names_the_secrets_and_holds_none():
    lines = (DEPLOY / "env.example").read_text(encoding="utf-8").splitlines()
    names = set()
    for line in lines:
        stripped = line.lstrip("#").strip()
        match = re.fullmatch(r"([A-Z][A-Z0-9_]*)=(.*)", stripped)
        if match:
            names.add(match[1])
            if not line.startswith("#"):
                assert match[2] == "", f"env.example gives {match[1]} a value"
    assert {"MAILPROC_IMAP_PASSWORD", "MAILPROC_SECRET", "MAILPROC_SMTP_PASSWORD",
            "MAILPROC_SIGNING_KEY", "MAILPROC_SIGNING_PASSWORD"} <= names
