"""Configuration: config.toml, validated at start-up with errors that name the key.

Secrets never live in the file: it names environment variables (``password_env``).
Relative paths resolve against the folder of the config file.
"""
from __future__ import annotations

import os
import shlex
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mailproc.core import defaults
from mailproc.core.errors import AdminError

ENV_CONFIG = "MAILPROC_CONFIG"
SECURITY_CHOICES = ("none", "ssl", "starttls")
AUTH_CHOICES = ("password", "xoauth2")


class ConfigError(AdminError):
    """A configuration problem, phrased for the admin: names the key and what is wrong."""


class RulesError(AdminError):
    """A problem in a file of rules/ (each reader has its subclass); the message names the file
    and the key. The CLI shows it as one line."""

    def describe(self) -> str:
        return f"{type(self).__name__}: {self}"


@dataclass(frozen=True)
class Person:
    name: str
    nip: str
    email: str


@dataclass(frozen=True)
class Official(Person):
    role: str = ""
    delegates: tuple[str, ...] = ()   # Plt./Plh.: may decide for the holder, recorded as acting for them
    cc_delegates: bool = True         # the delegates receive each of the role's requests in Cc


@dataclass(frozen=True)
class ServiceConfig:
    address: str
    name: str
    allowed_domains: tuple[str, ...]
    rules_dir: Path
    templates_dir: Path
    storage_dir: Path
    admin_email: str
    secret_env: str
    socket: Path                  # where `run` listens for `ingest` (the pipe door's fast path)


@dataclass(frozen=True)
class ImapConfig:
    host: str
    port: int
    security: str
    username: str
    password_env: str
    folder: str
    processed_folder: str
    quarantine_folder: str
    after_handling: str
    batch_size: int
    idle: bool
    ca_file: Path | None
    verify: bool
    sent_folder: str
    auth: str = "password"        # or "xoauth2": the access token printed by token_command
    token_command: str = ""

    @property
    def password(self) -> str:
        return _secret(self.password_env, "imap.password_env")


@dataclass(frozen=True)
class SmtpConfig:
    transport: str
    host: str
    port: int
    security: str
    directory: Path
    username: str
    password_env: str
    ca_file: Path | None
    verify: bool
    admin_after_failures: int
    sent_copy: str                # extra envelope recipient whose mailbox keeps a copy of all we send
    resend_grace_seconds: int     # how long a claimed, unrecorded send may still show up in the copy
    auth: str = "password"        # or "xoauth2": the access token printed by token_command
    token_command: str = ""

    @property
    def password(self) -> str:
        return _secret(self.password_env, "smtp.password_env") if self.password_env else ""


@dataclass(frozen=True)
class Limits:
    max_attachment_bytes: int
    max_forward_bytes: int        # attachments re-attached to officials' mail, in total; larger are listed
    blocked_extensions: tuple[str, ...]
    max_requests_per_sender_per_hour: int


@dataclass(frozen=True)
class LettersConfig:
    """[letters]: reading the letter attached to a request (text layer, DOCX, ODT or OCR)."""
    max_documents: int = 3        # letter-like attachments read per message
    max_pages: int = 5            # per document
    max_bytes: int = 15_000_000   # a bigger attachment is not read
    max_pixels: int = 40_000_000  # per image or rendered page, checked before decoding
    timeout: int = 30             # seconds of wall clock per document
    ocr: bool = True              # scans and photos (Tesseract); false: text layers, DOCX and ODT only


@dataclass(frozen=True)
class BeritaAcaraConfig:
    signing_key_env: str          # names the variable holding the PKCS#12 file's path ("" = unsigned)
    signing_password_env: str
    copy_to_requester: bool       # also mail the PDF to a requester who is not the PJ
    reopen_within_days: int       # working days in which BELUM SELESAI reopens the ticket

    @property
    def signing_key(self) -> Path | None:
        value = os.environ.get(self.signing_key_env) if self.signing_key_env else None
        return Path(value) if value else None

    @property
    def signing_password(self) -> bytes:
        return os.environ.get(self.signing_password_env, "").encode() if self.signing_password_env else b""


@dataclass(frozen=True)
class HealthConfig:
    """The thresholds of `mailproc status` (minutes; counts): at the warning one it exits 1, at the
    critical one 2. A mailbox failing or an outbox stuck for ``alert_minutes`` mails the admin."""
    mailbox_failing_warn_minutes: int = 5
    mailbox_failing_crit_minutes: int = 15
    oldest_unsent_warn_minutes: int = 10
    oldest_unsent_crit_minutes: int = 30
    failed_outbox_warn: int = 1
    heartbeat_warn_minutes: int = 5
    heartbeat_crit_minutes: int = 15
    breaches_warn: int = 1
    quarantined_warn: int = 0         # quarantined in the last 24 h; 0: only reported, never a warning
    alert_minutes: int = 15
    imap_timeout_seconds: int = 10    # `status` asks the IMAP server how much mail waits


@dataclass(frozen=True)
class IntakeConfig:
    staff: tuple[str, ...] = ()   # besides the roles, their delegates and the officers: may write ATAS NAMA


UNREGISTERED_CHOICES = ("ask", "ignore")


@dataclass(frozen=True)
class SendersConfig:
    """Senders outside the allowed domains and the registry: ``ask`` the Pranata Komputer to register
    an authenticated one, or ``ignore`` them; ``authserv_ids`` name the servers whose
    Authentication-Results header is believed (RFC 8601: the receiving server's own)."""
    unregistered: str = "ask"
    authserv_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Config:
    path: Path
    service: ServiceConfig
    database_url: str
    imap: ImapConfig
    smtp: SmtpConfig
    limits: Limits
    roles: dict[str, Official]
    officers: tuple[Person, ...]
    berita_acara: BeritaAcaraConfig
    raw: dict[str, Any] = field(repr=False, default_factory=dict)
    intake: IntakeConfig = field(default_factory=IntakeConfig)
    senders: SendersConfig = field(default_factory=SendersConfig)
    health: HealthConfig = field(default_factory=HealthConfig)
    letters: LettersConfig = field(default_factory=LettersConfig)

    @property
    def secret_is_default(self) -> bool:
        return not os.environ.get(self.service.secret_env)

    @property
    def secret(self) -> bytes:
        """HMAC key for reply tokens and verification codes."""
        value = os.environ.get(self.service.secret_env)
        if value:
            return value.encode()
        # A fixed development key keeps the embedded default usable; production sets the variable.
        return b"mailproc-development-secret:" + self.service.address.encode()


def _secret(env: str, key: str) -> str:
    value = os.environ.get(env)
    if value is None:
        raise ConfigError(f"{key}: environment variable {env} is not set")
    return value


class _Reader:
    """Reads typed values from one TOML table, collecting errors with their full key."""

    def __init__(self, table: dict[str, Any], prefix: str, errors: list[str], readers: list | None = None):
        self.table, self.prefix, self.errors = table, prefix, errors
        self.used: set[str] = set()
        self.readers = readers if readers is not None else []
        self.readers.append(self)

    def unknown_keys(self) -> list[str]:
        """Keys of every table read that no setting asked for: typos, which would fall back silently."""
        return [f"{r._key(k)}: unknown key (a typo? see config.toml for the keys)"
                for r in self.readers for k in r.table if k not in r.used]

    def _key(self, key: str) -> str:
        return f"{self.prefix}.{key}" if self.prefix else key

    def get(self, key: str, kind: type | tuple[type, ...], default: Any = ..., choices: tuple = ()) -> Any:
        self.used.add(key)
        if key not in self.table:
            if default is ...:
                self.errors.append(f"{self._key(key)}: missing")
                return None
            return default
        value = self.table[key]
        if kind is int and isinstance(value, bool) or not isinstance(value, kind):
            names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
            self.errors.append(f"{self._key(key)}: expected {names}, got {type(value).__name__} {value!r}")
            return None if default is ... else default
        if choices and value not in choices:
            self.errors.append(f"{self._key(key)}: {value!r} is not one of {', '.join(choices)}")
        return value

    def address(self, key: str, default: Any = ...) -> str | None:
        value = self.get(key, str, default)
        if value and ("@" not in value or value.count("@") != 1 or " " in value):
            self.errors.append(f"{self._key(key)}: {value!r} is not an email address")
        return value.lower() if isinstance(value, str) else value

    def strings(self, key: str, default: Any = ...) -> tuple[str, ...]:
        value = self.get(key, list, default)
        if value is None:
            return ()
        bad = [v for v in value if not isinstance(v, str)]
        if bad:
            self.errors.append(f"{self._key(key)}: every item must be a string, got {bad[0]!r}")
        return tuple(v for v in value if isinstance(v, str))

    def port(self, key: str, default: Any = ...) -> int:
        value = self.get(key, int, default)
        if isinstance(value, int) and not 0 < value < 65536:
            self.errors.append(f"{self._key(key)}: port {value} is out of range 1-65535")
        return value

    def sub(self, key: str, required: bool = True) -> "_Reader":
        self.used.add(key)
        value = self.table.get(key)
        if value is None:
            if required:
                self.errors.append(f"{self._key(key)}: missing table [{self._key(key)}]")
            value = {}
        elif not isinstance(value, dict):
            self.errors.append(f"{self._key(key)}: expected a table")
            value = {}
        return _Reader(value, self._key(key), self.errors, self.readers)


def find_config_path(explicit: str | os.PathLike | None = None) -> Path:
    if explicit:
        return Path(explicit)
    if os.environ.get(ENV_CONFIG):
        return Path(os.environ[ENV_CONFIG])
    return Path("config.toml")


def load_config(path: str | os.PathLike | None = None) -> Config:
    path = find_config_path(path).resolve()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"config file not found: {path} (use --config or {ENV_CONFIG})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    return parse_config(data, path)


def parse_config(data: dict[str, Any], path: Path) -> Config:
    base = path.parent
    errors: list[str] = []
    root = _Reader(data, "", errors)

    def resolve(value: str | None) -> Path:
        p = Path(value or ".")
        return p if p.is_absolute() else (base / p)

    s = root.sub("service")
    address = s.address("address")
    service = ServiceConfig(
        address=address or "",
        name=s.get("name", str, "Service Desk"),
        allowed_domains=tuple(d.lower().lstrip("@.") for d in s.strings("allowed_domains", [])),
        # Unset: the rules and templates that ship with mailproc; set: the site's own copy.
        rules_dir=resolve(s.get("rules_dir", str)) if "rules_dir" in s.table else defaults.RULES,
        templates_dir=resolve(s.get("templates_dir", str)) if "templates_dir" in s.table else defaults.TEMPLATES,
        storage_dir=resolve(s.get("storage_dir", str, "storage")),
        admin_email=s.address("admin_email", address or ""),
        secret_env=s.get("secret_env", str, "MAILPROC_SECRET"),
        socket=resolve(s.get("socket", str, "storage/mailproc.sock")),
    )

    d = root.sub("database")
    url = d.get("url", str) or ""
    if url.startswith("sqlite:///") and not url.startswith("sqlite:////") and url != "sqlite:///:memory:":
        url = "sqlite:///" + str(resolve(url[len("sqlite:///"):]))
    if url and not url.startswith(("sqlite", "postgresql")):
        errors.append(f"database.url: {url.split(':')[0]!r} is not supported (use sqlite:/// or postgresql+psycopg://)")

    i = root.sub("imap")
    imap = ImapConfig(
        host=i.get("host", str, "127.0.0.1"),
        port=i.port("port", 1143),
        security=i.get("security", str, "none", SECURITY_CHOICES),
        username=i.get("username", str, address or ""),
        password_env=i.get("password_env", str, "MAILPROC_IMAP_PASSWORD"),
        folder=i.get("folder", str, "INBOX"),
        processed_folder=i.get("processed_folder", str, "Processed"),
        quarantine_folder=i.get("quarantine_folder", str, "Quarantine"),
        after_handling=i.get("after_handling", str, "move", ("move", "flag")),
        batch_size=i.get("batch_size", int, 200),
        idle=i.get("idle", bool, True),
        ca_file=resolve(i.get("ca_file", str)) if "ca_file" in i.table else None,
        verify=i.get("verify", bool, True),
        sent_folder=i.get("sent_folder", str, "Sent"),
        auth=i.get("auth", str, "password", AUTH_CHOICES),
        token_command=_token_command(i),
    )

    m = root.sub("smtp")
    smtp = SmtpConfig(
        transport=m.get("transport", str, "smtp", ("smtp", "directory")),
        host=m.get("host", str, "127.0.0.1"),
        port=m.port("port", 25),
        security=m.get("security", str, "none", SECURITY_CHOICES),
        directory=resolve(m.get("directory", str, "storage/outbox")),
        username=m.get("username", str, ""),
        password_env=m.get("password_env", str, ""),
        ca_file=resolve(m.get("ca_file", str)) if "ca_file" in m.table else None,
        verify=m.get("verify", bool, True),
        admin_after_failures=m.get("admin_after_failures", int, 5),
        sent_copy=m.get("sent_copy", str, ""),   # case kept: the detail names a folder
        resend_grace_seconds=m.get("resend_grace_seconds", int, 30),
        auth=m.get("auth", str, "password", AUTH_CHOICES),
        token_command=_token_command(m),
    )
    if smtp.auth == "xoauth2" and not smtp.username:
        errors.append('smtp.username: missing (auth = "xoauth2" logs in as this user)')

    lim = root.sub("limits", required=False)
    limits = Limits(
        max_attachment_bytes=lim.get("max_attachment_bytes", int, 25 * 1024 * 1024),
        max_forward_bytes=lim.get("max_forward_bytes", int, 8 * 1024 * 1024),
        blocked_extensions=tuple(e.lower().lstrip(".") for e in lim.strings("blocked_extensions", [])),
        max_requests_per_sender_per_hour=lim.get("max_requests_per_sender_per_hour", int, 20),
    )

    b = root.sub("berita_acara", required=False)
    berita_acara = BeritaAcaraConfig(
        signing_key_env=b.get("signing_key_env", str, "MAILPROC_SIGNING_KEY"),
        signing_password_env=b.get("signing_password_env", str, "MAILPROC_SIGNING_PASSWORD"),
        copy_to_requester=b.get("copy_to_requester", bool, False),
        reopen_within_days=b.get("reopen_within_days", int, 5),
    )

    health = _health(root.sub("health", required=False), errors)
    lt = root.sub("letters", required=False)
    letters = LettersConfig(**{name: lt.get(name, type(default), default)
                               for name, default in vars(LettersConfig()).items()})

    it = root.sub("intake", required=False)
    staff = it.strings("staff", [])
    for n, value in enumerate(staff):
        if value.count("@") != 1 or " " in value.strip():
            errors.append(f"intake.staff[{n}]: {value!r} is not an email address")
    intake = IntakeConfig(staff=tuple(v.strip().lower() for v in staff))
    se = root.sub("senders", required=False)
    senders = SendersConfig(
        unregistered=se.get("unregistered", str, "ask", UNREGISTERED_CHOICES),
        authserv_ids=tuple(v.strip().lower() for v in se.strings("authserv_ids", []) if v.strip()),
    )

    roles: dict[str, Official] = {}
    r = root.sub("roles")
    for role in r.table:   # which roles the chain needs is the chain's to say (``Desk`` checks)
        t = r.sub(role)
        email = t.address("email") or ""
        roles[role] = Official(
            name=t.get("name", str, ""), nip=_nip(t, errors), email=email,
            role=role, delegates=_delegates(t, email), cc_delegates=t.get("cc_delegates", bool, True),
        )

    officers = []
    root.used.add("officers")
    raw_officers = data.get("officers", [])
    if not isinstance(raw_officers, list) or not raw_officers:
        errors.append("officers: at least one [[officers]] table is required")
        raw_officers = []
    for n, table in enumerate(raw_officers):
        t = _Reader(table if isinstance(table, dict) else {}, f"officers[{n}]", errors, root.readers)
        officers.append(Person(name=t.get("name", str), nip=_nip(t, errors), email=t.address("email") or ""))

    errors.extend(root.unknown_keys())
    if errors:
        raise ConfigError(f"{path}: invalid configuration:\n  " + "\n  ".join(errors))
    return Config(path=path, service=service, database_url=url, imap=imap, smtp=smtp, limits=limits,
                  roles=roles, officers=tuple(officers), berita_acara=berita_acara, raw=data, health=health,
                  intake=intake, senders=senders, letters=letters)


def _health(t: _Reader, errors: list[str]) -> HealthConfig:
    """[health]: every threshold a whole number >= 0, each warning below its critical level."""
    defaults = HealthConfig()
    values = {}
    for name in HealthConfig.__dataclass_fields__:
        value = t.get(name, int, getattr(defaults, name))
        if isinstance(value, int) and value < 0:
            errors.append(f"{t._key(name)}: {value} is negative")
        values[name] = value if isinstance(value, int) else getattr(defaults, name)
    for what in ("mailbox_failing", "oldest_unsent", "heartbeat"):
        warn, crit = values[f"{what}_warn_minutes"], values[f"{what}_crit_minutes"]
        if warn > crit:
            errors.append(f"{t._key(what + '_warn_minutes')}: {warn} is above "
                          f"{t._key(what + '_crit_minutes')} ({crit})")
    if values["imap_timeout_seconds"] < 1:
        errors.append(f"{t._key('imap_timeout_seconds')}: must be at least 1")
    return HealthConfig(**values)


def require_roles(config: Config, names: tuple[str, ...]) -> None:
    """Each of ``names`` has its ``[roles.<name>]`` table, and no other role is configured."""
    errors = [f"roles.{n}: missing table [roles.{n}]" for n in names if n not in config.roles]
    errors += [f"roles.{n}: unknown role (expected {', '.join(names)})" for n in config.roles if n not in names]
    if errors:
        raise ConfigError(f"{config.path}: invalid configuration:\n  " + "\n  ".join(errors))


def _token_command(t: _Reader) -> str:
    """``token_command``: a command line, run without a shell, that prints the access token;
    required when ``auth = "xoauth2"``."""
    command = t.get("token_command", str, "")
    if t.table.get("auth") != "xoauth2":
        return command
    try:
        argv = shlex.split(command)
    except ValueError as exc:
        t.errors.append(f"{t._key('token_command')}: not a command line: {exc}")
        return command
    if not argv:
        t.errors.append(f'{t._key("token_command")}: missing (auth = "xoauth2" needs the command '
                        "that prints the access token)")
    return command


def _delegates(t: _Reader, holder: str) -> tuple[str, ...]:
    delegates = tuple(x.lower() for x in t.strings("delegates", []))
    for address in delegates:
        if "@" not in address or address.count("@") != 1 or " " in address:
            t.errors.append(f"{t._key('delegates')}: {address!r} is not an email address")
        elif address == holder:
            t.errors.append(f"{t._key('delegates')}: {address} is the holder's own address")
    return delegates


def _nip(t: _Reader, errors: list[str]) -> str:
    nip = t.get("nip", str, "")
    if nip and not (nip.isdigit() and len(nip) == 18):
        errors.append(f"{t._key('nip')}: {nip!r} is not an 18-digit NIP")
    return nip
