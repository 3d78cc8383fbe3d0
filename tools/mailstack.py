"""Local mail stack for tests and demos: real Dovecot (IMAP + LMTP) and Postfix (SMTP).

Both daemons run from Debian's packages without systemd, each from a config folder
under ``workdir`` and listening on loopback ports only, so several stacks (different
workdir and ports) can run side by side.  Mail for every domain of the user list is
delivered by Postfix to Dovecot over LMTP into Maildirs under ``workdir``; mail to any
other domain is rejected at RCPT time and never leaves the machine.

Layout of ``workdir``::

    tls/        throw-away CA and server certificate (created once)
    dovecot/    dovecot.conf, passwd-file, state_dir
    run/dovecot Dovecot base_dir (sockets, master.pid, the LMTP socket)
    postfix/    main.cf, master.cf, lookup tables, queue/ and data/
    mail/       Maildirs: mail/<domain>/<local part>/Maildir (owned by the mail user)
    log/        dovecot.log, postfix.log and the daemons' start-up output
    state.json  ports of the last start (read by the command line for status/stop)

Command line: ``python -m tools.mailstack start|stop|status [--workdir DIR]
[--imap-port N] [--smtp-port N] [--imaps-port N]``.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import errno
import grp
import hashlib
import json
import os
import pwd
import signal
import smtplib
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientError

from mailproc.core.errors import AdminError

DOMAIN = "lampungbaratkab.go.id"
DEFAULT_PASSWORD = "rahasia"

_LOCAL_USERS = (
    "aptika",
    "kadis",
    "kabid.aptika",
    "prakom",
    "plt.kadis",
    "rahmat.hidayat",
    "siti.nurhaliza",
    "agus.setiawan",
    "admin",
)
DEFAULT_USERS: tuple[str, ...] = tuple(f"{name}@{DOMAIN}" for name in _LOCAL_USERS) + (
    f"umum@diskes.{DOMAIN}",
    f"kapus.liwa@diskes.{DOMAIN}",
    f"kadis@diskes.{DOMAIN}",        # penanggung jawab of Dinas Kesehatan (rules/opd.toml)
    f"it@rsud.{DOMAIN}",
    f"direktur@rsud.{DOMAIN}",
    f"tu@disdik.{DOMAIN}",
    f"kadisdik@disdik.{DOMAIN}",
    f"pelayanan@disdukcapil.{DOMAIN}",
    f"kadis@disdukcapil.{DOMAIN}",
    f"sekcam@kec-balikbukit.{DOMAIN}",
    f"camat@kec-balikbukit.{DOMAIN}",
    f"bappeda@{DOMAIN}",
    f"sekda@{DOMAIN}",
    f"autoresponder@{DOMAIN}",
    "warga@example.net",
)

PACKAGES = ("dovecot-imapd", "dovecot-lmtpd", "postfix")
_REQUIRED_BINARIES = (
    Path("/usr/sbin/dovecot"),
    Path("/usr/lib/dovecot/imap"),
    Path("/usr/lib/dovecot/lmtp"),
    Path("/usr/sbin/postfix"),
    Path("/usr/lib/postfix/sbin/master"),
)
_POSTFIX_DEBCONF = (
    "postfix postfix/main_mailer_type select No configuration\n"
    f"postfix postfix/mailname string mail.{DOMAIN}\n"
)

MAIL_UID = 8  # Debian's "mail" user owns every Maildir
MAIL_GID = 8
START_TIMEOUT = 20.0
STOP_TIMEOUT = 10.0
_STOP_GRACE = 0.5
MESSAGE_SIZE_LIMIT = (
    100 * 1024 * 1024
)  # a 30 MB attachment is ~41 MB once base64-encoded
_POLL_INTERVAL = 0.05
_TABLE_SETTLE_SECONDS = 5.0
_LOG_TAIL_LINES = 25


class MailStackError(AdminError, RuntimeError):
    """The stack could not be installed, started or stopped."""

    def describe(self) -> str:
        return f"{type(self).__name__}: {self}"


# --------------------------------------------------------------------------- helpers


def _domain_of(address: str) -> str:
    return address.rpartition("@")[2].lower()


def _local_of(address: str) -> str:
    return address.rpartition("@")[0].lower()


def _check_address(address: str) -> str:
    local, at, domain = address.rpartition("@")
    if not at or not local or not domain or any(c in address for c in ":/ \t\n"):
        raise ValueError(f"not a usable mailbox address: {address!r}")
    return address.lower()


def _port_in_use(port: int) -> bool:
    """True when something on 127.0.0.1 holds ``port`` (bound or listening)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                return True
            raise
    return False


def _port_accepts(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1.0):
            return True
    except OSError:
        return False


def _read_pid(pid_file: Path) -> int | None:
    try:
        return int(pid_file.read_text().strip())
    except (OSError, ValueError):
        return None


def _pid_alive(pid: int | None, comm: str) -> bool:
    """True when ``pid`` runs a process named ``comm`` that is not a zombie."""
    if pid is None or pid <= 0:
        return False
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    name = stat[stat.index("(") + 1 : stat.rindex(")")]
    state = stat[stat.rindex(")") + 2 :].split(" ", 1)[0]
    return name == comm and state not in ("Z", "X")


def _process_tree(root: int) -> list[tuple[int, str]]:
    """``root`` and its descendants as (pid, comm) pairs, read from /proc."""
    parents: dict[int, list[tuple[int, str]]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        comm = stat[stat.index("(") + 1 : stat.rindex(")")]
        ppid = int(stat[stat.rindex(")") + 2 :].split(" ")[1])
        parents.setdefault(ppid, []).append((int(entry.name), comm))
    tree, todo = [], [root]
    while todo:
        for child in parents.get(todo.pop(), []):
            tree.append(child)
            todo.append(child[0])
    return tree


def _stop_master(name: str, pid: int | None, comm: str) -> str | None:
    """End a daemon's master process and its children; None when all of them are gone.

    SIGTERM to the master first (what ``postfix stop`` and ``dovecot stop`` do); Dovecot's
    master then lingers for seconds over idle login processes, so after a short grace the
    rest of the tree gets SIGTERM too, and SIGKILL after a bound.
    """
    if pid is None or not _pid_alive(pid, comm):
        return None
    tree = [(pid, comm), *_process_tree(pid)]

    def gone() -> bool:
        return not any(_pid_alive(p, c) for p, c in tree)

    for targets, sig, wait in (
        (tree[:1], signal.SIGTERM, _STOP_GRACE),
        (tree, signal.SIGTERM, STOP_TIMEOUT),
        (tree, signal.SIGKILL, STOP_TIMEOUT),
    ):
        for p, c in targets:
            if _pid_alive(p, c):
                with contextlib.suppress(ProcessLookupError):
                    os.kill(p, sig)
        if _wait_until(gone, wait):
            return None
    left = [p for p, c in tree if _pid_alive(p, c)]
    return f"{name} processes {left} are still running"


def _wait_until(predicate: Callable[[], bool], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while True:
        if predicate():
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(_POLL_INTERVAL)


def _tail(path: Path, lines: int = _LOG_TAIL_LINES) -> str:
    try:
        text = path.read_text(errors="replace")
    except OSError:
        return f"--- {path}: (missing)"
    return f"--- {path}:\n" + "\n".join(text.splitlines()[-lines:])


def _write(
    path: Path,
    text: str,
    mode: int = 0o644,
    group: str | None = None,
    settled: bool = False,
) -> None:
    """Write ``text`` atomically (daemons that re-read a file never see half of it).

    An unchanged file is left alone.  ``settled`` dates the file a few seconds back:
    Postfix waits about 2 s before it opens a lookup table modified within the last
    second (to not read a half-written one), which would slow every start and
    ``add_user``; writing to a temporary file and renaming it makes that safe.
    """
    with contextlib.suppress(OSError):
        if path.read_text() == text:
            return  # unchanged: keep the mtime, or running daemons would restart to re-read it
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text)
    os.chmod(tmp, mode)
    if settled:
        past = time.time() - _TABLE_SETTLE_SECONDS
        os.utime(tmp, (past, past))
    if group is not None:
        os.chown(tmp, 0, grp.getgrnam(group).gr_gid)
    os.replace(tmp, path)


def _run(argv: list[str], log: Path, env: dict[str, str] | None = None) -> int:
    """Run a command with its output appended to ``log`` (never a pipe: daemons inherit it)."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("ab") as out:
        out.write(f"$ {' '.join(argv)}\n".encode())
        out.flush()
        return subprocess.run(
            argv,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
            check=False,
        ).returncode


# --------------------------------------------------------------------------- packages


def packages_installed() -> bool:
    return all(path.exists() for path in _REQUIRED_BINARIES)


def ensure_packages() -> None:
    """Install Dovecot and Postfix from Debian's packages when they are missing."""
    if packages_installed():
        return
    if os.geteuid() != 0:
        raise MailStackError(
            f"packages {' '.join(PACKAGES)} are missing and installing them needs root"
        )
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(
        ["debconf-set-selections"],
        input=_POSTFIX_DEBCONF,
        text=True,
        env=env,
        check=True,
        capture_output=True,
    )
    install = ["apt-get", "install", "-y", *PACKAGES]
    first = subprocess.run(
        install, env=env, capture_output=True, text=True, check=False
    )
    if first.returncode == 0 and packages_installed():
        return
    update = subprocess.run(
        ["apt-get", "update"], env=env, capture_output=True, text=True, check=False
    )
    second = subprocess.run(
        install, env=env, capture_output=True, text=True, check=False
    )
    if second.returncode != 0 or not packages_installed():
        output = "\n".join(
            (
                first.stdout
                + first.stderr
                + update.stderr
                + second.stdout
                + second.stderr
            ).splitlines()[-_LOG_TAIL_LINES:]
        )
        raise MailStackError(f"could not install {' '.join(PACKAGES)}:\n{output}")


# --------------------------------------------------------------------------- TLS


def ensure_certificates(tls_dir: Path) -> None:
    """Create (once) a throw-away CA and a server certificate for 127.0.0.1/localhost."""
    ca_pem, server_pem, server_key = (
        tls_dir / "ca.pem",
        tls_dir / "server.pem",
        tls_dir / "server.key",
    )
    if ca_pem.exists() and server_pem.exists() and server_key.exists():
        return
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization
    from cryptography.x509.oid import NameOID
    from mailproc.documents.certificates import make_ca, make_leaf

    now = datetime.datetime.now(datetime.UTC)
    not_before, not_after = (
        now - datetime.timedelta(days=1),
        now + datetime.timedelta(days=3650),
    )
    ca_name = x509.Name(
        [
            x509.NameAttribute(
                NameOID.ORGANIZATION_NAME, "mailproc mailstack (test only)"
            ),
            x509.NameAttribute(
                NameOID.COMMON_NAME, f"mailstack test CA {os.urandom(4).hex()}"
            ),
        ]
    )
    ca_key, ca_cert = make_ca(ca_name, not_before, not_after)
    key, cert = make_leaf(ca_key, ca_name, x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")]),
                          not_before, not_after, server_names=("localhost", "127.0.0.1"))
    pem = serialization.Encoding.PEM
    pkcs8, plain = serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    _write(
        tls_dir / "ca.key", ca_key.private_bytes(pem, pkcs8, plain).decode(), mode=0o600
    )
    _write(server_key, key.private_bytes(pem, pkcs8, plain).decode(), mode=0o600)
    _write(server_pem, cert.public_bytes(pem).decode())
    # ca.pem is written last: its presence marks the set complete.
    _write(ca_pem, ca_cert.public_bytes(pem).decode())


# --------------------------------------------------------------------------- the stack


@dataclass
class MailStack:
    """One Dovecot + Postfix pair living entirely under ``workdir``."""

    workdir: Path
    imap_port: int = 1143
    smtp_port: int = 2525
    imaps_port: int | None = None
    users: tuple[str, ...] = DEFAULT_USERS
    password: str = DEFAULT_PASSWORD
    start_timeout: float = field(default=START_TIMEOUT, repr=False)
    # per-address passwords that differ from ``password`` (see ``set_password``)
    passwords: dict[str, str] = field(default_factory=dict, repr=False)
    # set: Dovecot also accepts OAuth2 access tokens (XOAUTH2, OAUTHBEARER), checked by POSTing them to
    # this token introspection endpoint (RFC 7662: {"active": true, "username": ...}); passwords still work
    oauth2_introspection_url: str | None = None

    def __post_init__(self) -> None:
        self.workdir = Path(self.workdir).absolute()
        self.users = tuple(dict.fromkeys(_check_address(u) for u in self.users))
        if ":" in self.password or "\n" in self.password:
            raise ValueError(
                "the password may not contain ':' or a newline (passwd-file format)"
            )
        ports = [
            p
            for p in (self.imap_port, self.smtp_port, self.imaps_port)
            if p is not None
        ]
        if len(set(ports)) != len(ports):
            raise ValueError(f"ports must differ: {ports}")

    # ---- paths

    @property
    def ca_file(self) -> Path:
        """PEM of the stack's own CA (verify STARTTLS/IMAPS against it)."""
        return self.workdir / "tls" / "ca.pem"

    @property
    def _tls(self) -> Path:
        return self.workdir / "tls"

    @property
    def _dovecot_dir(self) -> Path:
        return self.workdir / "dovecot"

    @property
    def _dovecot_conf(self) -> Path:
        return self._dovecot_dir / "dovecot.conf"

    @property
    def _passwd(self) -> Path:
        return self._dovecot_dir / "passwd"

    @property
    def _base_dir(self) -> Path:
        return self.workdir / "run" / "dovecot"

    @property
    def _lmtp_socket(self) -> Path:
        return self._base_dir / "lmtp"

    @property
    def _postfix_dir(self) -> Path:
        return self.workdir / "postfix"

    @property
    def _postfix_conf(self) -> Path:
        """Postfix's config_directory; kept apart from queue/ and data/, which postfix owns."""
        return self._postfix_dir / "conf"

    @property
    def _queue_dir(self) -> Path:
        return self._postfix_dir / "queue"

    @property
    def _mail_dir(self) -> Path:
        return self.workdir / "mail"

    @property
    def _log_dir(self) -> Path:
        return self.workdir / "log"

    @property
    def _state_file(self) -> Path:
        return self.workdir / "state.json"

    @property
    def _dovecot_pid_file(self) -> Path:
        return self._base_dir / "master.pid"

    @property
    def _postfix_pid_file(self) -> Path:
        return self._queue_dir / "pid" / "master.pid"

    @property
    def _instance(self) -> str:
        return "mailstack-" + hashlib.sha256(str(self.workdir).encode()).hexdigest()[:8]

    def _home(self, address: str) -> Path:
        return self._mail_dir / _domain_of(address) / _local_of(address)

    # ---- life cycle

    def start(self) -> None:
        """Install when missing, write the configs, start what is not running, wait for the ports."""
        if os.geteuid() != 0:
            raise MailStackError(
                "the mail stack must be started as root (Dovecot and Postfix drop privileges)"
            )
        ensure_packages()
        self._prepare_workdir()
        ensure_certificates(self._tls)
        self._write_dovecot_config()
        self._write_postfix_config()
        self._write_user_tables()
        _write(
            self._state_file,
            json.dumps(
                {
                    "imap_port": self.imap_port,
                    "smtp_port": self.smtp_port,
                    "imaps_port": self.imaps_port,
                }
            )
            + "\n",
        )
        if not self._settle("dovecot", self._dovecot_running, self.imap_port):
            self._start_dovecot()
        if not self._settle("postfix", self._postfix_running, self.smtp_port):
            self._start_postfix()
        self._wait_ready()

    def stop(self) -> None:
        """Stop both daemons and wait until their processes are gone (idempotent).

        Like ``postfix stop`` and ``dovecot stop``, this sends SIGTERM to each master
        process (read from its pid file); it then waits for the master and every child
        it had, and kills whatever of that tree is still there after a bound.
        """
        errors = [
            error
            for name, pid, comm in (
                ("postfix", self._postfix_pid(), "master"),
                ("dovecot", self._dovecot_pid(), "dovecot"),
            )
            if (error := _stop_master(name, pid, comm))
        ]
        if errors:
            raise MailStackError("; ".join(errors))
        self._postfix_pid_file.unlink(missing_ok=True)  # postfix leaves it behind

    def stop_dovecot(self) -> None:
        """Stop Dovecot only (IMAP and LMTP down; Postfix keeps mail queued); ``start()`` brings it back."""
        if error := _stop_master("dovecot", self._dovecot_pid(), "dovecot"):
            raise MailStackError(error)

    def stop_postfix(self) -> None:
        """Stop Postfix only (SMTP refused; IMAP still serves); ``start()`` brings it back."""
        if error := _stop_master("postfix", self._postfix_pid(), "master"):
            raise MailStackError(error)
        self._postfix_pid_file.unlink(missing_ok=True)

    def status(self) -> dict:
        """Whether each daemon runs (its master process lives and its port accepts) and the ports."""
        return {
            "dovecot": self._dovecot_running() and _port_accepts(self.imap_port),
            "postfix": self._postfix_running() and _port_accepts(self.smtp_port),
            "imap_port": self.imap_port,
            "smtp_port": self.smtp_port,
            "imaps_port": self.imaps_port,
            "workdir": str(self.workdir),
        }

    def _dovecot_pid(self) -> int | None:
        """Pid of this stack's Dovecot master (checked: a stale pid may be reused)."""
        pid = _read_pid(self._dovecot_pid_file)
        if not _pid_alive(pid, "dovecot"):
            return None
        try:
            argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except OSError:
            return None
        return pid if os.fsencode(self._dovecot_conf) in argv else None

    def _postfix_pid(self) -> int | None:
        """Pid of this stack's Postfix master, which runs in its queue directory.

        Postfix leaves its pid file behind when it stops, and another stack's master
        may get the same pid later, hence the check of the working directory.
        """
        pid = _read_pid(self._postfix_pid_file)
        if not _pid_alive(pid, "master"):
            return None
        try:
            cwd = os.readlink(f"/proc/{pid}/cwd")
        except OSError:
            return None
        return pid if Path(cwd) == self._queue_dir.resolve() else None

    def _dovecot_running(self) -> bool:
        return self._dovecot_pid() is not None

    def _postfix_running(self) -> bool:
        return self._postfix_pid() is not None

    def _prepare_workdir(self) -> None:
        self.workdir.mkdir(parents=True, exist_ok=True)
        os.chmod(self.workdir, 0o755)
        # Dovecot's mail processes (mail user) and Postfix (postfix user) must reach into workdir.
        for ancestor in [self.workdir, *self.workdir.parents]:
            if not ancestor.stat().st_mode & 0o001:
                raise MailStackError(
                    f"{ancestor} is not searchable by other users (mode "
                    f"{oct(ancestor.stat().st_mode & 0o777)}); the mail and postfix users need to "
                    f"traverse it to reach {self.workdir}: pick a workdir elsewhere or chmod o+x it"
                )
        for folder in (
            self._tls,
            self._dovecot_dir,
            self._dovecot_dir / "state",
            self._base_dir.parent,
            self._postfix_dir,
            self._postfix_conf,
            self._log_dir,
        ):
            folder.mkdir(parents=True, exist_ok=True)
        os.chmod(self._tls, 0o755)
        self._mail_dir.mkdir(exist_ok=True)
        os.chown(self._mail_dir, MAIL_UID, MAIL_GID)
        os.chmod(self._mail_dir, 0o750)
        data_dir = self._postfix_dir / "data"
        data_dir.mkdir(exist_ok=True)
        postfix_user = pwd.getpwnam("postfix")
        os.chown(data_dir, postfix_user.pw_uid, postfix_user.pw_gid)
        os.chmod(data_dir, 0o700)
        self._queue_dir.mkdir(exist_ok=True)
        os.chmod(self._queue_dir, 0o755)

    def _start_dovecot(self) -> None:
        self._require_free_port(self.imap_port, "IMAP")
        if self.imaps_port is not None:
            self._require_free_port(self.imaps_port, "IMAPS")
        log = self._log_dir / "dovecot-start.log"
        if _run(["dovecot", "-c", str(self._dovecot_conf)], log) != 0:
            raise MailStackError(
                "dovecot did not start:\n"
                + _tail(log)
                + "\n"
                + _tail(self._log_dir / "dovecot.log")
            )

    def _settle(self, name: str, running: Callable[[], bool], port: int) -> bool:
        """True when the daemon already serves ``port``; False when it is not running.

        A master process that runs without listening is either starting up or shutting
        down: wait (bounded) for whichever of the two it is doing.
        """
        if not _wait_until(
            lambda: not running() or _port_accepts(port), self.start_timeout
        ):
            raise MailStackError(
                f"{name} of {self.workdir} runs but does not listen on 127.0.0.1:{port}; "
                f"stop the stack first (python -m tools.mailstack stop --workdir {self.workdir})"
            )
        return running()

    def _start_postfix(self) -> None:
        self._require_free_port(self.smtp_port, "SMTP")
        log = self._log_dir / "postfix-start.log"
        if (self._queue_dir / "maildrop").is_dir() and (
            self._queue_dir / "pid"
        ).is_dir():
            # The queue was set up by an earlier start: skip postfix-script's slow checks.
            (self._queue_dir / "quick-start").touch()
        if _run(["postfix", "-c", str(self._postfix_conf), "start"], log) != 0:
            raise MailStackError(
                "postfix did not start:\n"
                + _tail(log)
                + "\n"
                + _tail(self._log_dir / "postfix.log")
            )

    def _require_free_port(self, port: int, what: str) -> None:
        if _port_in_use(port):
            raise MailStackError(
                f"{what} port {port} on 127.0.0.1 is already in use by another program "
                f"(another mail stack?); choose another port for {self.workdir}"
            )

    def _wait_ready(self) -> None:
        checks: dict[str, Callable[[], bool]] = {
            f"dovecot IMAP on 127.0.0.1:{self.imap_port}": lambda: _port_accepts(
                self.imap_port
            ),
            f"dovecot LMTP socket {self._lmtp_socket}": self._lmtp_socket.exists,
            f"postfix SMTP on 127.0.0.1:{self.smtp_port}": lambda: _port_accepts(
                self.smtp_port
            ),
        }
        if self.imaps_port is not None:
            port = self.imaps_port
            checks[f"dovecot IMAPS on 127.0.0.1:{port}"] = lambda: _port_accepts(port)
        deadline = time.monotonic() + self.start_timeout
        for what, check in checks.items():
            if not _wait_until(check, max(0.0, deadline - time.monotonic())):
                logs = "\n".join(
                    _tail(self._log_dir / name)
                    for name in (
                        "dovecot-start.log",
                        "dovecot.log",
                        "postfix-start.log",
                        "postfix.log",
                    )
                )
                raise MailStackError(
                    f"timed out after {self.start_timeout:.0f} s waiting for {what}\n{logs}"
                )

    # ---- configuration

    def _domains(self) -> list[str]:
        return sorted({_domain_of(u) for u in self.users})

    def _write_user_tables(self) -> None:
        lines = [
            f"{user}:{{PLAIN}}{self.password_of(user)}:{MAIL_UID}:{MAIL_GID}::{self._home(user)}::\n"
            for user in self.users
        ]
        _write(self._passwd, "".join(lines), mode=0o640, group="dovecot")
        _write(
            self._postfix_conf / "vmailbox",
            "".join(f"{user} OK\n" for user in self.users),
            settled=True,
        )
        _write(
            self._postfix_conf / "vdomains",
            "".join(f"{domain} OK\n" for domain in self._domains()),
            settled=True,
        )

    def _write_dovecot_config(self) -> None:
        tls, log = self._tls, self._log_dir / "dovecot.log"
        imaps = self.imaps_port if self.imaps_port is not None else 0
        text = f"""\
# Generated by tools.mailstack for {self.workdir}; rewritten at every start.
instance_name = {self._instance}
base_dir = {self._base_dir}
state_dir = {self._dovecot_dir / "state"}
protocols = imap lmtp
listen = 127.0.0.1
log_path = {log}
info_log_path = {log}
auth_verbose = yes
# a refused login answers at once (Dovecot waits 2 s, and with its auth penalty up to 15 s more for
# an address that keeps failing): tests of wrong passwords stay fast. See also service anvil below.
auth_failure_delay = 0
ssl = yes
ssl_cert = <{tls / "server.pem"}
ssl_key = <{tls / "server.key"}
ssl_min_protocol = TLSv1.2
disable_plaintext_auth = no
auth_mechanisms = {"plain login xoauth2 oauthbearer" if self.oauth2_introspection_url else "plain login"}
first_valid_uid = {MAIL_UID}
first_valid_gid = {MAIL_GID}
mail_location = maildir:~/Maildir
recipient_delimiter = +
# user+folder@domain is delivered into that folder (mailproc's sent copies go to aptika+Sent@)
lmtp_save_to_detail_mailbox = yes
lda_mailbox_autocreate = yes
postmaster_address = postmaster@{DOMAIN}
{self._oauth2_passdb()}passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%Lu {self._passwd}
}}
userdb {{
  driver = passwd-file
  args = username_format=%Lu {self._passwd}
}}
namespace inbox {{
  inbox = yes
  mailbox Drafts {{
    special_use = \\Drafts
    auto = subscribe
  }}
  mailbox Sent {{
    special_use = \\Sent
    auto = subscribe
  }}
  mailbox Junk {{
    special_use = \\Junk
    auto = subscribe
  }}
  mailbox Trash {{
    special_use = \\Trash
    auto = subscribe
  }}
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {self.imap_port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {imaps}
    ssl = yes
  }}
}}
service lmtp {{
  unix_listener lmtp {{
    mode = 0666
  }}
}}
service anvil {{
  # mode 0 turns the auth penalty off (Dovecot's documented switch)
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
"""
        _write(self._dovecot_conf, text)

    def _oauth2_passdb(self) -> str:
        """The oauth2 passdb (tried before the passwd-file) and its settings file; "" when off."""
        if not self.oauth2_introspection_url:
            return ""
        settings = self._dovecot_dir / "oauth2.conf.ext"
        _write(settings, f"""\
introspection_mode = post
introspection_url = {self.oauth2_introspection_url}
username_attribute = username
active_attribute = active
active_value = true
""")
        return f"passdb {{\n  driver = oauth2\n  args = {settings}\n}}\n"

    def _write_postfix_config(self) -> None:
        pdir, tls = self._postfix_conf, self._tls
        refusal = "mailstack: no delivery outside the local test domains"
        main_cf = f"""\
# Generated by tools.mailstack for {self.workdir}; rewritten at every start.
compatibility_level = 3.6
queue_directory = {self._queue_dir}
data_directory = {self._postfix_dir / "data"}
command_directory = /usr/sbin
daemon_directory = /usr/lib/postfix/sbin
meta_directory = /etc/postfix
shlib_directory = /usr/lib/postfix
mail_owner = postfix
setgid_group = postdrop
syslog_name = postfix/{self._instance}
maillog_file = {self._log_dir / "postfix.log"}
maillog_file_prefixes = /var, /dev/stdout, {self._log_dir}
myhostname = mail.{DOMAIN}
mydomain = {DOMAIN}
myorigin = $myhostname
mydestination =
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
relayhost =
alias_maps =
alias_database =
local_recipient_maps =
local_transport = error:5.1.1 mailstack: local delivery is disabled
default_transport = error:5.7.1 {refusal}
relay_transport = error:5.7.1 {refusal}
virtual_mailbox_domains = texthash:{pdir / "vdomains"}
virtual_mailbox_maps = texthash:{pdir / "vmailbox"}
virtual_transport = lmtp:unix:{self._lmtp_socket}
virtual_mailbox_limit = 0
mailbox_size_limit = 0
message_size_limit = {MESSAGE_SIZE_LIMIT}
recipient_delimiter = +
smtpd_relay_restrictions = permit_auth_destination, check_recipient_access regexp:{pdir / "nonlocal.regexp"}, reject
smtpd_recipient_restrictions =
smtpd_error_sleep_time = 0s
smtpd_peername_lookup = no
smtpd_banner = $myhostname ESMTP mailstack
smtp_dns_support_level = disabled
smtp_host_lookup = native
lmtp_host_lookup = native
biff = no
append_dot_mydomain = no
in_flow_delay = 0s
queue_run_delay = 1s
minimal_backoff_time = 1s
maximal_backoff_time = 5s
maximal_queue_lifetime = 1h
bounce_queue_lifetime = 1h
delay_warning_time = 0h
smtpd_tls_security_level = may
smtpd_tls_cert_file = {tls / "server.pem"}
smtpd_tls_key_file = {tls / "server.key"}
smtpd_tls_session_cache_database =
smtp_tls_security_level = none
lmtp_tls_security_level = none
"""
        master_cf = f"""\
# Generated by tools.mailstack; no chroot, SMTP on 127.0.0.1:{self.smtp_port} only.
127.0.0.1:{self.smtp_port} inet n - n - - smtpd
pickup     unix  n - n 60 1 pickup
cleanup    unix  n - n -  0 cleanup
qmgr       unix  n - n 300 1 qmgr
tlsmgr     unix  - - n 1000? 1 tlsmgr
rewrite    unix  - - n -  - trivial-rewrite
bounce     unix  - - n -  0 bounce
defer      unix  - - n -  0 bounce
trace      unix  - - n -  0 bounce
verify     unix  - - n -  1 verify
flush      unix  n - n 1000? 0 flush
proxymap   unix  - - n -  - proxymap
proxywrite unix  - - n -  1 proxymap
smtp       unix  - - n -  - smtp
relay      unix  - - n -  - smtp
showq      unix  n - n -  - showq
error      unix  - - n -  - error
retry      unix  - - n -  - error
discard    unix  - - n -  - discard
local      unix  - n n -  - local
virtual    unix  - n n -  - virtual
lmtp       unix  - - n -  - lmtp
anvil      unix  - - n -  1 anvil
scache     unix  - - n -  1 scache
postlog    unix-dgram n - n - 1 postlogd
"""
        _write(pdir / "main.cf", main_cf)
        _write(pdir / "master.cf", master_cf)
        _write(pdir / "nonlocal.regexp", f"/./ 554 5.7.1 {refusal}\n", settled=True)

    # ---- users

    def add_user(self, address: str) -> None:
        """Add a mailbox at runtime and return once both daemons know it.

        Dovecot re-reads its passwd-file when it changes (checked at most once a second);
        Postfix is reloaded to re-read its tables.
        """
        address = _check_address(address)
        if address in self.users:
            return
        self.users = (*self.users, address)
        self._write_user_tables()
        if self._postfix_running():
            _run(
                ["postfix", "-c", str(self._postfix_conf), "reload"],
                self._log_dir / "postfix-start.log",
            )
        checks = {
            "postfix": (
                self._postfix_running,
                lambda: self._smtp_accepts_recipient(address),
            ),
            "dovecot": (self._dovecot_running, lambda: self._dovecot_knows(address)),
        }
        for name, (running, knows) in checks.items():
            if running() and not _wait_until(knows, self.start_timeout):
                raise MailStackError(
                    f"{name} still does not know {address}\n"
                    + _tail(self._log_dir / f"{name}.log")
                )

    def password_of(self, address: str) -> str:
        return self.passwords.get(address.lower(), self.password)

    def set_password(self, address: str, password: str | None) -> None:
        """Change one mailbox's password (None: back to the common one); returns once Dovecot
        accepts the new one. Dovecot re-reads its passwd-file when the file changes."""
        address = _check_address(address)
        if address not in self.users:
            raise ValueError(f"{address} is not a user of this stack")
        new = self.password if password is None else password
        if ":" in new or "\n" in new:
            raise ValueError("the password may not contain ':' or a newline (passwd-file format)")
        if new == self.password:
            self.passwords.pop(address, None)
        else:
            self.passwords[address] = new
        # Dovecot notices a changed passwd-file by its mtime and size: never keep both equal.
        old_stat = self._passwd.stat() if self._passwd.exists() else None
        self._write_user_tables()
        stat = self._passwd.stat()
        if old_stat is not None and (int(stat.st_mtime), stat.st_size) == (int(old_stat.st_mtime), old_stat.st_size):
            os.utime(self._passwd, (stat.st_atime, int(old_stat.st_mtime) + 1))  # whole seconds, as Dovecot compares
        if self._dovecot_running() and not _wait_until(
            lambda: self._dovecot_accepts(address, new), self.start_timeout
        ):
            raise MailStackError(f"dovecot does not accept the new password of {address}")

    def _dovecot_accepts(self, address: str, password: str) -> bool:
        """A passdb check of ``address`` with ``password`` (``doveadm auth test``) succeeds."""
        result = subprocess.run(
            ["doveadm", "-c", str(self._dovecot_conf), "auth", "test", address, password],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            check=False,
        )
        return result.returncode == 0

    def _dovecot_knows(self, address: str) -> bool:
        """A userdb lookup (no login, so no failed-auth delay) finds ``address``."""
        result = subprocess.run(
            ["doveadm", "-c", str(self._dovecot_conf), "user", "-f", "home", address],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            check=False,
        )
        return result.returncode == 0

    def _smtp_accepts_recipient(self, address: str) -> bool:
        try:
            with smtplib.SMTP("127.0.0.1", self.smtp_port, timeout=5) as smtp:
                smtp.ehlo("mailstack.localhost")
                smtp.mail("")
                code, _ = smtp.rcpt(address)
                smtp.rset()
                return code == 250
        except (OSError, smtplib.SMTPException):
            return False

    # ---- mail

    def send(self, raw: bytes, sender: str, recipients: list[str]) -> None:
        """Submit ``raw`` over SMTP; raises smtplib errors (e.g. a refused recipient)."""
        with smtplib.SMTP("127.0.0.1", self.smtp_port, timeout=30) as smtp:
            refused = smtp.sendmail(sender, list(recipients), raw)
        if refused:
            raise smtplib.SMTPRecipientsRefused(refused)

    def imap(self, address: str) -> IMAPClient:
        """A logged-in plain IMAP connection (caller logs out)."""
        client = IMAPClient("127.0.0.1", port=self.imap_port, ssl=False, timeout=30)
        client.login(address, self.password_of(address))
        return client

    def fetch(self, address: str, folder: str = "INBOX") -> list[bytes]:
        """Every message in ``folder`` of ``address``, raw, in UID order (flags untouched)."""
        client = self.imap(address)
        try:
            return _fetch_all(client, folder)
        finally:
            client.logout()

    def wait_for(
        self, address: str, count: int, folder: str = "INBOX", timeout: float = 15.0
    ) -> list[bytes]:
        """Poll ``folder`` until it holds at least ``count`` messages and return them all."""
        deadline = time.monotonic() + timeout
        client = self.imap(address)
        try:
            while True:
                try:
                    messages = _fetch_all(client, folder)
                except IMAPClientError:  # the folder does not exist (yet)
                    messages = []
                if len(messages) >= count:
                    return messages
                if time.monotonic() >= deadline:
                    subjects = [_subject(m) for m in messages]
                    raise TimeoutError(
                        f"{address}/{folder}: {len(messages)} message(s) after {timeout:.1f} s, "
                        f"wanted {count}; subjects: {subjects}"
                    )
                time.sleep(_POLL_INTERVAL)
        finally:
            client.logout()


def _fetch_all(client: IMAPClient, folder: str) -> list[bytes]:
    client.select_folder(folder, readonly=True)
    try:
        uids = sorted(client.search(["ALL"]))
        if not uids:
            return []
        data = client.fetch(uids, [b"BODY.PEEK[]"])
        return [data[uid][b"BODY[]"] for uid in uids]
    finally:
        client.unselect_folder()


def _subject(raw: bytes) -> str:
    for line in raw.split(b"\n"):
        if not line.strip():
            break
        if line.lower().startswith(b"subject:"):
            return line[8:].strip().decode(errors="replace")
    return ""


# --------------------------------------------------------------------------- command line


def _stack_from_args(args: argparse.Namespace) -> MailStack:
    workdir = Path(args.workdir)
    saved: dict = {}
    state = workdir / "state.json"
    if state.exists():
        try:
            saved = json.loads(state.read_text())
        except ValueError:
            saved = {}

    def pick(name: str, default: int | None) -> int | None:
        given = getattr(args, name)
        return given if given is not None else saved.get(name, default)

    return MailStack(
        workdir=workdir,
        imap_port=pick("imap_port", 1143),
        smtp_port=pick("smtp_port", 2525),
        imaps_port=pick("imaps_port", None),
    )


def _status_line(status: dict) -> str:
    def word(up: bool) -> str:
        return "up" if up else "down"

    imaps = f" imaps={status['imaps_port']}" if status["imaps_port"] is not None else ""
    return (
        f"dovecot {word(status['dovecot'])} (imap={status['imap_port']}{imaps}), "
        f"postfix {word(status['postfix'])} (smtp={status['smtp_port']}), workdir={status['workdir']}"
    )


def reachable_workdir(preferred: Path) -> Path:
    """``preferred`` when the mail and postfix users can traverse every folder above it; otherwise a
    folder of its own under /var/tmp (a clone under /root or ``mktemp -d`` is private: mode 0700)."""
    preferred = preferred.resolve()
    existing = [p for p in [preferred, *preferred.parents] if p.exists()]
    if all(p.stat().st_mode & 0o001 for p in existing):
        return preferred
    import hashlib
    return Path("/var/tmp") / f"mailproc-mailstack-{hashlib.sha256(str(preferred).encode()).hexdigest()[:10]}"


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="mailstack", description="Local Dovecot + Postfix test mail stack."
    )
    parser.add_argument("command", choices=("start", "stop", "status"))
    parser.add_argument(
        "--workdir", default="storage/mailstack", help="default: %(default)s"
    )
    parser.add_argument(
        "--imap-port", type=int, default=None, help="default: last start's, else 1143"
    )
    parser.add_argument(
        "--smtp-port", type=int, default=None, help="default: last start's, else 2525"
    )
    parser.add_argument(
        "--imaps-port", type=int, default=None, help="default: last start's, else off"
    )
    args = parser.parse_args(list(argv) if argv is not None else None)
    args.workdir = str(reachable_workdir(Path(args.workdir)))
    try:
        stack = _stack_from_args(args)
        if args.command == "start":
            stack.start()
        elif args.command == "stop":
            stack.stop()
        status = stack.status()
    except (MailStackError, ValueError, OSError) as exc:
        print(f"mailstack {args.command} failed: {exc}", file=sys.stderr)
        return 1
    print(_status_line(status))
    if args.command == "start" and not (status["dovecot"] and status["postfix"]):
        return 1
    if args.command == "stop" and (status["dovecot"] or status["postfix"]):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
