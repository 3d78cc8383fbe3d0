"""The local Dovecot + Postfix stack: delivery, refusal of foreign domains, TLS, clean stop."""

from __future__ import annotations

import contextlib
import os
import shutil
import smtplib
import socket
import ssl
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path

import pytest
from imapclient import IMAPClient

from tools import mailstack
from tools.mailstack import (
    DEFAULT_PASSWORD,
    DEFAULT_USERS,
    DOMAIN,
    MailStack,
    MailStackError,
)

pytestmark = [
    pytest.mark.mailstack,
    pytest.mark.skipif(
        os.geteuid() != 0, reason="the mail stack runs Dovecot and Postfix as root"
    ),
]

SENDER = f"aptika@{DOMAIN}"
KADIS = f"kadis@{DOMAIN}"
RSUD_IT = f"it@rsud.{DOMAIN}"
REPO = Path(__file__).resolve().parent.parent


def _free_ports(count: int) -> list[int]:
    sockets = [socket.socket() for _ in range(count)]
    try:
        for sock in sockets:
            sock.bind(("127.0.0.1", 0))
        return [sock.getsockname()[1] for sock in sockets]
    finally:
        for sock in sockets:
            sock.close()


def _message(subject: str, to: list[str]) -> bytes:
    msg = EmailMessage()
    msg["From"] = SENDER
    msg["To"] = ", ".join(to)
    msg["Subject"] = subject
    msg.set_content("Mohon bantuan, jaringan intra di kantor kami terputus.")
    return bytes(msg)


@pytest.fixture(scope="module")
def stack() -> Iterator[MailStack]:
    # Not under pytest's tmp dir: that one is private to root (0700), and the mail and
    # postfix users must be able to traverse the path down to the Maildirs and queue.
    root = Path(tempfile.mkdtemp(prefix="mailstack-test-"))
    root.chmod(0o755)
    imap, smtp, imaps = _free_ports(3)
    mail = MailStack(root / "stack", imap_port=imap, smtp_port=smtp, imaps_port=imaps)
    try:
        mail.start()
        yield mail
    finally:
        mail.stop()
        shutil.rmtree(root, ignore_errors=True)


def test_default_users_cover_the_opd_subdomains_and_an_outsider() -> None:
    assert RSUD_IT in DEFAULT_USERS and "warga@example.net" in DEFAULT_USERS
    assert len(set(DEFAULT_USERS)) == len(DEFAULT_USERS) == 24


def test_status_reports_both_daemons_up(stack: MailStack) -> None:
    status = stack.status()
    assert status["dovecot"] and status["postfix"]
    assert (status["imap_port"], status["smtp_port"]) == (
        stack.imap_port,
        stack.smtp_port,
    )


def test_start_again_is_a_no_op(stack: MailStack) -> None:
    pid_files = sorted(stack.workdir.rglob("master.pid"))
    before = [p.read_text() for p in pid_files]
    stack.start()
    assert [p.read_text() for p in pid_files] == before


def test_smtp_message_reaches_both_imap_mailboxes(stack: MailStack) -> None:
    raw = _message("Gangguan jaringan intra", [KADIS, RSUD_IT])
    stack.send(raw, SENDER, [KADIS, RSUD_IT])
    for address in (KADIS, RSUD_IT):
        messages = stack.wait_for(address, 1)
        assert len(messages) == 1
        assert b"Subject: Gangguan jaringan intra" in messages[0]
        assert b"jaringan intra di kantor kami terputus" in messages[0]
    assert stack.fetch(SENDER) == []


def test_unknown_domain_is_refused_at_once_and_not_delivered(stack: MailStack) -> None:
    raw = _message("Keluar", ["someone@gmail.com"])
    with pytest.raises(smtplib.SMTPRecipientsRefused) as refused:
        stack.send(raw, SENDER, ["someone@gmail.com"])
    code, text = refused.value.recipients["someone@gmail.com"]
    assert code == 554 and b"no delivery outside the local test domains" in text
    # Nothing was queued for it: the Postfix queue holds no message.
    queue = stack.workdir / "postfix" / "queue"
    assert not [
        p
        for d in ("incoming", "active", "deferred")
        for p in (queue / d).rglob("*")
        if p.is_file()
    ]


def test_unknown_user_of_a_local_domain_is_refused(stack: MailStack) -> None:
    with pytest.raises(smtplib.SMTPRecipientsRefused) as refused:
        stack.send(
            _message("Salah alamat", [f"tidakada@{DOMAIN}"]),
            SENDER,
            [f"tidakada@{DOMAIN}"],
        )
    assert refused.value.recipients[f"tidakada@{DOMAIN}"][0] == 550


def test_add_user_at_runtime_on_a_new_subdomain(stack: MailStack) -> None:
    address = f"sekretariat@dinkominfo-baru.{DOMAIN}"
    stack.add_user(address)
    stack.send(_message("Pengguna baru", [address]), SENDER, [address])
    assert len(stack.wait_for(address, 1)) == 1


def test_wait_for_times_out_with_what_was_there(stack: MailStack) -> None:
    with pytest.raises(TimeoutError, match=r"0 message\(s\)"):
        stack.wait_for(f"sekda@{DOMAIN}", 1, timeout=0.2)


def test_imap_starttls_verifies_against_the_stack_ca(stack: MailStack) -> None:
    context = ssl.create_default_context(cafile=str(stack.ca_file))
    with IMAPClient("127.0.0.1", port=stack.imap_port, ssl=False) as client:
        assert b"STARTTLS" in client.capabilities()
        client.starttls(context)
        client.login(KADIS, DEFAULT_PASSWORD)
        assert client.select_folder("INBOX", readonly=True)[b"EXISTS"] >= 0


def test_imaps_and_smtp_starttls_verify_against_the_stack_ca(stack: MailStack) -> None:
    context = ssl.create_default_context(cafile=str(stack.ca_file))
    with IMAPClient(
        "127.0.0.1", port=stack.imaps_port, ssl=True, ssl_context=context
    ) as client:
        client.login(KADIS, DEFAULT_PASSWORD)
    with smtplib.SMTP("127.0.0.1", stack.smtp_port, timeout=10) as smtp:
        smtp.starttls(context=context)
        assert smtp.ehlo()[0] == 250


def test_tls_is_refused_without_the_stack_ca(stack: MailStack) -> None:
    client = IMAPClient("127.0.0.1", port=stack.imap_port, ssl=False)
    try:
        with pytest.raises(ssl.SSLCertVerificationError):
            client.starttls(ssl.create_default_context())  # system CAs only
    finally:
        with contextlib.suppress(Exception):
            client.shutdown()


def test_second_stack_on_the_same_ports_fails_clearly(stack: MailStack) -> None:
    other = MailStack(
        stack.workdir.parent / "other",
        imap_port=stack.imap_port,
        smtp_port=_free_ports(1)[0],
    )
    try:
        with pytest.raises(
            MailStackError, match=f"port {stack.imap_port}.*already in use"
        ):
            other.start()
    finally:
        other.stop()


def test_cli_status_reads_the_ports_of_the_last_start(stack: MailStack) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "tools.mailstack",
            "status",
            "--workdir",
            str(stack.workdir),
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=30,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert f"dovecot up (imap={stack.imap_port}" in result.stdout
    assert f"postfix up (smtp={stack.smtp_port})" in result.stdout


def test_stop_leaves_no_process_and_frees_the_ports() -> None:
    root = Path(tempfile.mkdtemp(prefix="mailstack-stop-"))
    root.chmod(0o755)
    try:
        imap, smtp = _free_ports(2)
        mail = MailStack(root / "stack", imap_port=imap, smtp_port=smtp)
        mail.start()
        pids = {
            "dovecot": int(
                (mail.workdir / "run" / "dovecot" / "master.pid").read_text()
            ),
            "master": int(
                (mail.workdir / "postfix" / "queue" / "pid" / "master.pid")
                .read_text()
                .strip()
            ),
        }
        children = [
            pid
            for pid in map(int, filter(str.isdigit, os.listdir("/proc")))
            if _ppid(pid) in pids.values()
        ]
        assert children, "the masters should have children while running"
        mail.stop()
        mail.stop()  # idempotent
        for pid in [*pids.values(), *children]:
            assert not _running(pid), f"pid {pid} survived stop()"
        for port in (imap, smtp):
            with socket.socket() as sock:
                assert sock.connect_ex(("127.0.0.1", port)) != 0, (
                    f"port {port} still accepts"
                )
        assert mail.status()["dovecot"] is False and mail.status()["postfix"] is False
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _stat_fields(pid: int) -> list[str] | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return stat[stat.rindex(")") + 2 :].split()


def _ppid(pid: int) -> int | None:
    fields = _stat_fields(pid)
    return int(fields[1]) if fields else None


def _running(pid: int) -> bool:
    fields = _stat_fields(pid)
    return fields is not None and fields[0] not in ("Z", "X")


def test_workdir_behind_a_private_folder_is_refused_with_a_clear_message(
    tmp_path: Path,
) -> None:
    private = tmp_path / "private"
    private.mkdir(mode=0o700)
    private.chmod(0o700)
    mail = MailStack(
        private / "stack", imap_port=_free_ports(1)[0], smtp_port=_free_ports(1)[0]
    )
    with pytest.raises(MailStackError, match="not searchable by other users"):
        mail.start()
    assert not (private / "stack" / "run").exists()


def test_missing_packages_are_installed_noninteractively(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[tuple[list[str], str | None]] = []
    installed = {"done": False}

    def fake_run(argv: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
        calls.append((argv, kwargs.get("input")))  # type: ignore[arg-type]
        env = kwargs.get("env") or {}
        assert env.get("DEBIAN_FRONTEND") == "noninteractive"  # type: ignore[union-attr]
        if argv[:2] == ["apt-get", "install"] and not any(
            a == ["apt-get", "update"] for a, _ in calls
        ):
            return subprocess.CompletedProcess(
                argv, 100, "", "E: Unable to locate package postfix"
            )
        if argv[:2] == ["apt-get", "install"]:
            installed["done"] = True
        return subprocess.CompletedProcess(argv, 0, "", "")

    monkeypatch.setattr(mailstack.subprocess, "run", fake_run)
    monkeypatch.setattr(mailstack, "packages_installed", lambda: installed["done"])
    monkeypatch.setattr(mailstack.os, "geteuid", lambda: 0)
    mailstack.ensure_packages()
    argvs = [argv for argv, _ in calls]
    assert argvs[0] == ["debconf-set-selections"]
    assert "postfix/main_mailer_type select No configuration" in (calls[0][1] or "")
    install = ["apt-get", "install", "-y", "dovecot-imapd", "dovecot-lmtpd", "postfix"]
    assert argvs[1:] == [install, ["apt-get", "update"], install]
