"""Backup and restore: a consistent snapshot of the database, the storage and the config, taken
while the service may be writing.

A backup is a folder::

    database.sqlite3 | database.pgdump   the database (SQLite online backup API / pg_dump -Fc)
    storage/                             raw mail, attachments, Berita Acara PDFs, ...
    config.toml                          the config file as it was
    rules/, templates/, ...              the site's local copies (``extra_dirs``), when given
    MANIFEST                             written last: a backup without it is incomplete

The database is copied first and the storage after it: files are written before the transaction
that refers to them commits, so every file the database snapshot names is on disk by the time the
storage is copied (the copy may hold a few newer files too, which is harmless).

MANIFEST is a few ``# key: value`` header lines (format, time, database kind, schema revision, the
original config and storage folders) and then a line per file: ``sha256  size  relative/path``.

``restore`` checks every sum before it writes anything, then rebuilds a self-contained tree::

    target/config.toml   the backed-up config, its paths rewritten relative to target
    target/storage/      the storage (and, for SQLite, the database as storage/mailproc.db)
    target/rules/, ...   the extra folders

Paths inside target are written relative to target/config.toml's folder (config.py resolves
relative paths against it), so the restored tree can be moved as a whole; paths that stay outside
target (rules not backed up, ca_file) are written absolute.

Files and folders created are 0640 and 0750 (set explicitly, not through the process's umask).
"""
from __future__ import annotations

import glob
import hashlib
import os
import re
import shutil
import sqlite3
import stat
import subprocess
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePosixPath

from mailproc.store.db import make_engine

FORMAT = "1"
MANIFEST = "MANIFEST"
SQLITE_NAME = "database.sqlite3"
PGDUMP_NAME = "database.pgdump"
CONFIG_NAME = "config.toml"
STORAGE = "storage"
RESTORED_DB = "mailproc.db"          # the SQLite database's name in target/storage
RESERVED = frozenset({MANIFEST, MANIFEST + ".tmp", SQLITE_NAME, PGDUMP_NAME, CONFIG_NAME, STORAGE})
FILE_MODE = 0o640
DIR_MODE = 0o750
_EXTRA_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*\Z")
_SHA256 = re.compile(r"[0-9a-f]{64}\Z")
_CHUNK = 1 << 20


class BackupError(Exception):
    """A backup or restore that cannot be done, in one line for the admin."""


@dataclass(frozen=True)
class Entry:
    sha256: str
    size: int
    path: str                 # relative, POSIX separators


@dataclass(frozen=True)
class Manifest:
    header: dict[str, str]
    entries: tuple[Entry, ...]

    @property
    def database(self) -> str:
        return self.header.get("database", "")

    @property
    def extras(self) -> tuple[str, ...]:
        return tuple(self.header.get("extra", "").split())


# -- backup -----------------------------------------------------------------------------------------

def backup(database_url: str, storage_dir: Path, config_path: Path, extra_dirs: dict[str, Path],
           dest: Path, *, now: datetime) -> Path:
    """Snapshot the database, the storage, the config and ``extra_dirs`` into ``dest`` (which must
    not exist or be empty) and write ``dest/MANIFEST`` last. Returns ``dest``."""
    storage_dir = Path(storage_dir).absolute()
    config_path = Path(config_path).absolute()
    dest = Path(dest).absolute()
    extra_dirs = {name: Path(path).absolute() for name, path in (extra_dirs or {}).items()}

    if not storage_dir.is_dir():
        raise BackupError(f"the storage folder {storage_dir} does not exist")
    if not config_path.is_file():
        raise BackupError(f"the config file {config_path} does not exist")
    for name, path in extra_dirs.items():
        if not _EXTRA_NAME.match(name) or name in RESERVED:
            raise BackupError(f"{name!r} cannot name an extra folder (letters, digits, '.', '_', '-'; "
                              f"not one of {', '.join(sorted(RESERVED))})")
        if not path.is_dir():
            raise BackupError(f"the {name} folder {path} does not exist")
    for what, path in [("storage", storage_dir), *extra_dirs.items()]:
        if _is_within(dest, path):
            raise BackupError(f"the destination {dest} lies inside the {what} folder {path}: "
                              f"choose a folder outside it")
    for path in (storage_dir, config_path.parent, *extra_dirs.values()):
        if "\n" in str(path) or "\r" in str(path):
            raise BackupError(f"{path!r}: a path with a line break cannot be written in MANIFEST")
    kind = _database_kind(database_url)
    skip_inode: tuple[int, int] | None = None
    db_name = ""
    if kind == "sqlite":
        db_path = _sqlite_path(database_url, config_path.parent)
        if not db_path.is_file():
            raise BackupError(f"the SQLite database {db_path} does not exist")
        st = db_path.stat()
        skip_inode, db_name = (st.st_dev, st.st_ino), db_path.name
    _make_empty_dir(dest, "the backup destination")

    header = {"mailproc-backup": FORMAT, "created": now.isoformat(), "database": kind}
    entries: list[Entry] = []
    if kind == "sqlite":
        revision = _backup_sqlite(db_path, dest / SQLITE_NAME)
        entries.append(_entry_of(dest / SQLITE_NAME, dest))
    else:
        revision, dump_version = _backup_postgresql(database_url, dest / PGDUMP_NAME)
        header["pg-dump-version"] = dump_version
        entries.append(_entry_of(dest / PGDUMP_NAME, dest))
    header["schema-revision"] = revision or "none"
    header["config-dir"] = str(config_path.resolve().parent)   # as config.py resolves relative paths
    header["storage-dir"] = os.path.normpath(storage_dir)     # as config.py builds it: not resolved
    header["extra"] = " ".join(sorted(extra_dirs))

    def storage_skip(path: Path, st: os.stat_result) -> bool:
        name = path.name
        if skip_inode and (st.st_dev, st.st_ino) == skip_inode:
            return True
        if name.endswith(("-wal", "-shm")) or (db_name and name == db_name + "-journal"):
            return True
        # the archive's half-written files (.<sha256>.<pid>.tmp), renamed or removed in a moment
        return name.startswith(".") and name.endswith(".tmp")

    entries += _copy_tree(storage_dir, dest / STORAGE, dest, skip=storage_skip, vanishing_ok=True)
    entries.append(_copy_file(config_path, dest / CONFIG_NAME, dest))
    for name, path in sorted(extra_dirs.items()):
        entries += _copy_tree(path, dest / name, dest)
    _fsync_tree_dirs(dest)
    _write_manifest(dest, Manifest(header, tuple(sorted(entries, key=lambda e: e.path))))
    return dest


def _database_kind(url: str) -> str:
    if url.startswith("sqlite"):
        return "sqlite"
    if url.startswith("postgresql"):
        return "postgresql"
    raise BackupError(f"cannot back up the database {url.split(':')[0]!r}: only sqlite and postgresql")


def _sqlite_path(url: str, base: Path) -> Path:
    from sqlalchemy.engine import make_url
    database = make_url(url).database or ""
    if not database or database == ":memory:" or database.startswith("file:"):
        raise BackupError(f"cannot back up the SQLite database {url!r}: not a file")
    path = Path(database)
    return path if path.is_absolute() else base / path


def _backup_sqlite(db_path: Path, out: Path) -> str | None:
    """The online backup API: one step under one read transaction, so a consistent snapshot of
    the database and its WAL, whatever the writers do meanwhile."""
    if not db_path.is_file():
        raise BackupError(f"the SQLite database {db_path} does not exist")
    _create_file(out)
    try:
        source = sqlite3.connect(db_path, timeout=30)
    except sqlite3.Error as exc:
        raise BackupError(f"cannot open the SQLite database {db_path}: {exc}") from None
    try:
        source.execute("PRAGMA busy_timeout=30000")
        source.execute("SELECT count(*) FROM sqlite_master").fetchone()
        _match_owner(db_path)
        snapshot = sqlite3.connect(out)
        try:
            source.backup(snapshot)
            snapshot.execute("PRAGMA journal_mode=DELETE")    # one self-contained file, no -wal
            result = snapshot.execute("PRAGMA quick_check").fetchone()[0]
            if result != "ok":
                raise BackupError(f"the snapshot of {db_path} fails SQLite's quick_check: {result}")
            revision = _sqlite_revision(snapshot)
        finally:
            snapshot.close()
    except sqlite3.Error as exc:
        raise BackupError(f"the online backup of {db_path} failed: {exc}") from None
    finally:
        source.close()
        _match_owner(db_path)
    os.chmod(out, FILE_MODE)
    _fsync_file(out)
    return revision


def _sqlite_revision(conn: sqlite3.Connection) -> str | None:
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc):
            return None
        raise
    return row[0] if row else None


def _match_owner(db_path: Path) -> None:
    """Run as root, our connection may have created -wal/-shm: give them the database's owner, or
    the service (another user) could no longer write the database."""
    if os.geteuid() != 0:
        return
    st = db_path.stat()
    for suffix in ("-wal", "-shm"):
        side = db_path.with_name(db_path.name + suffix)
        try:
            sst = side.stat()
            if (sst.st_uid, sst.st_gid) != (st.st_uid, st.st_gid):
                os.chown(side, st.st_uid, st.st_gid)
        except FileNotFoundError:
            pass


def _backup_postgresql(url: str, out: Path) -> tuple[str | None, str]:
    """pg_dump --format=custom on a snapshot exported by our own REPEATABLE READ transaction, in
    which the schema revision is read too: the revision named is the dump's."""
    from sqlalchemy import text

    engine = _pg_engine(url)
    try:
        with engine.connect() as conn:
            server = int(conn.execute(text("SHOW server_version_num")).scalar())
        pg_dump, version = pg_tool("pg_dump", at_least=_major_of_num(server),
                                   why=f"the server runs PostgreSQL {_version_of_num(server)}")
        _create_file(out)
        with engine.connect() as conn:
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
                snapshot = conn.execute(text("SELECT pg_export_snapshot()")).scalar()
                revision = None
                if conn.execute(text("SELECT to_regclass('alembic_version')")).scalar() is not None:
                    revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
                conninfo, env = _libpq(url)
                _run([str(pg_dump), "--format=custom", "--no-password", f"--snapshot={snapshot}",
                      f"--file={out}", f"--dbname={conninfo}"], env, "pg_dump")
    except BackupError:
        raise
    except Exception as exc:   # sqlalchemy/psycopg: cannot connect, no permission, ...
        raise BackupError(f"PostgreSQL backup failed: {_one_line(getattr(exc, 'orig', None) or exc)}") from None
    finally:
        engine.dispose()
    os.chmod(out, FILE_MODE)
    _fsync_file(out)
    return revision, ".".join(map(str, version))


# -- PostgreSQL client tools ----------------------------------------------------------------------

def pg_tool_candidates(name: str) -> list[tuple[tuple[int, ...], Path]]:
    """Every ``name`` (pg_dump, pg_restore) found on PATH or in the usual version folders, with its
    version, newest first."""
    paths: list[str] = []
    found = shutil.which(name)
    if found:
        paths.append(found)
    for pattern in (f"/usr/lib/postgresql/*/bin/{name}", f"/usr/pgsql-*/bin/{name}",
                    f"/usr/local/pgsql/bin/{name}"):
        paths.extend(sorted(glob.glob(pattern)))
    seen: set[str] = set()
    result = []
    for path in paths:
        if path in seen or not os.access(path, os.X_OK):
            continue
        seen.add(path)
        version = _tool_version(path)
        if version:
            result.append((version, Path(path)))
    result.sort(key=lambda item: item[0], reverse=True)   # stable: PATH first among equals
    return result


def pg_tool(name: str, *, at_least: tuple[int, ...] = (0,), why: str = "") -> tuple[Path, tuple[int, ...]]:
    """The newest ``name``; BackupError when there is none or it is older than ``at_least`` (a
    major version: (15,), or (9, 6) before PostgreSQL 10)."""
    candidates = pg_tool_candidates(name)
    if not candidates:
        raise BackupError(f"{name} not found (PATH, /usr/lib/postgresql/*/bin): install the PostgreSQL "
                          f"client (Debian: apt install postgresql-client)")
    version, path = candidates[0]
    if version[:len(at_least)] < at_least:
        needed = ".".join(map(str, at_least))
        raise BackupError(f"{name} {'.'.join(map(str, version))} ({path}) is too old: {why}, which needs "
                          f"{name} {needed} or newer (Debian: apt install postgresql-client-{needed})")
    return path, version


def _tool_version(path: str) -> tuple[int, ...] | None:
    try:
        out = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    match = re.search(r"\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?", out)
    if not match:
        return None
    return tuple(int(g) for g in match.groups() if g is not None)


def _major_of_num(num: int) -> tuple[int, ...]:
    """server_version_num's major version: 150020 -> (15,); 90624 -> (9, 6)."""
    return (num // 10000,) if num >= 100000 else (num // 10000, num // 100 % 100)


def _major_of_version(text: str) -> tuple[int, ...]:
    """"15.20" -> (15,); "9.6.24" -> (9, 6); "" -> (0,)."""
    try:
        numbers = tuple(int(n) for n in text.split(".")) if text else (0,)
    except ValueError:
        raise BackupError(f"MANIFEST: pg-dump-version {text!r} is not a version") from None
    return numbers[:1] if numbers[0] >= 10 else numbers[:2]


def _version_of_num(num: int) -> str:
    return f"{num // 10000}.{num % 10000}" if num >= 100000 else f"{num // 10000}.{num // 100 % 100}.{num % 100}"


def _pg_engine(url: str):
    from sqlalchemy.engine import make_url

    u = make_url(url)
    if u.drivername == "postgresql":
        u = u.set(drivername="postgresql+psycopg")
    return make_engine(u.render_as_string(hide_password=False))


def _libpq(url: str) -> tuple[str, dict[str, str]]:
    """A libpq connection string for a SQLAlchemy URL, and the environment for the client tools:
    the password goes in PGPASSWORD, never on the command line (ps shows it)."""
    from sqlalchemy.engine import make_url
    u = make_url(url)
    params: dict[str, str] = {}
    if u.host:
        params["host"] = u.host
    if u.port:
        params["port"] = str(u.port)
    if u.username:
        params["user"] = u.username
    if u.database:
        params["dbname"] = u.database
    for key, value in u.query.items():
        params[key] = value if isinstance(value, str) else value[-1]
    env = dict(os.environ)
    if u.password is not None:
        env["PGPASSWORD"] = str(u.password)
    quote = lambda v: "'" + v.replace("\\", "\\\\").replace("'", "\\'") + "'"   # noqa: E731
    return " ".join(f"{k}={quote(v)}" for k, v in params.items()), env


def _run(args: list[str], env: dict[str, str], what: str) -> None:
    result = subprocess.run(args, env=env, capture_output=True, text=True, umask=0o027)
    if result.returncode != 0:
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        detail = "; ".join(lines[-3:]) or f"exit status {result.returncode}"
        raise BackupError(f"{what} failed: {detail}")


# -- restore --------------------------------------------------------------------------------------

def restore(src: Path, target: Path, *, database_url: str | None = None) -> Path:
    """Check the backup ``src`` against its MANIFEST, then rebuild it in ``target`` (which must not
    exist or be empty). A PostgreSQL backup is restored into the empty database ``database_url``;
    a SQLite one into ``target/storage/mailproc.db``. Returns ``target/config.toml``."""
    src = Path(src).absolute()
    target = Path(target).absolute()
    manifest = read_manifest(src)
    kind = manifest.database
    if kind == "postgresql" and not database_url:
        raise BackupError(f"{src} holds a PostgreSQL database: pass database_url= (an empty database "
                          f"to restore it into)")
    if kind == "sqlite" and database_url:
        raise BackupError(f"{src} holds a SQLite database: it is restored into {STORAGE}/{RESTORED_DB}, "
                          f"not into {database_url.split(':')[0]}")
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise BackupError(f"the restore target {target} is not empty: restore into a new or empty folder")
    verify(src, manifest)

    db_file = SQLITE_NAME if kind == "sqlite" else PGDUMP_NAME
    if kind == "postgresql":
        made_by = manifest.header.get("pg-dump-version", "")
        pg_restore, _ = pg_tool("pg_restore", at_least=_major_of_version(made_by),
                                why=f"the dump was made by pg_dump {made_by}")
        _require_empty_database(database_url)
    if kind == "sqlite" and any(e.path == f"{STORAGE}/{RESTORED_DB}" for e in manifest.entries):
        raise BackupError(f"{src}: storage/{RESTORED_DB} is in the backup and would be overwritten by the database")

    _make_empty_dir(target, "the restore target")
    _mkdir(target / STORAGE)
    for name in manifest.extras:
        _mkdir(target / name)
    for entry in manifest.entries:
        if entry.path in (db_file, CONFIG_NAME):
            continue
        _copy_checked(src, entry, target / entry.path, target)
    if kind == "sqlite":
        entry = next(e for e in manifest.entries if e.path == SQLITE_NAME)
        _copy_checked(src, entry, target / STORAGE / RESTORED_DB, target)
        new_url = f"sqlite:///{STORAGE}/{RESTORED_DB}"
    else:
        conninfo, env = _libpq(database_url)
        _run([str(pg_restore), "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction",
              "--no-password", f"--dbname={conninfo}", str(src / PGDUMP_NAME)], env, "pg_restore")
        new_url = database_url
    _fsync_tree_dirs(target)

    text = (src / CONFIG_NAME).read_text(encoding="utf-8")
    config = target / CONFIG_NAME
    _write_file(config, rewrite_config(text, manifest, database_url=new_url).encode("utf-8"))
    _fsync_dir(target)
    return config


def _require_empty_database(url: str) -> None:
    from sqlalchemy import text
    engine = _pg_engine(url)
    try:
        with engine.connect() as conn:
            count = conn.execute(text(
                "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') "
                "AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
                "AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'")).scalar()
    except Exception as exc:
        raise BackupError(f"cannot use the database to restore into: "
                          f"{_one_line(getattr(exc, 'orig', None) or exc)}") from None
    finally:
        engine.dispose()
    if count:
        raise BackupError(f"the database to restore into is not empty ({count} tables, sequences or views): "
                          f"create a new one (createdb -O mailproc NAME)")


def rewrite_config(text: str, manifest: Manifest, *, database_url: str) -> str:
    """The backed-up config with its paths pointing into the restored tree (relative to the restored
    config's folder), comments and layout kept. Paths that stay outside become absolute."""
    import tomlkit

    doc = tomlkit.parse(text)
    base = Path(manifest.header["config-dir"])
    old_storage = Path(manifest.header["storage-dir"])
    extras = set(manifest.extras)

    def table(name: str):
        if name not in doc:
            doc[name] = tomlkit.table()
        return doc[name]

    def original(tbl, key: str, default: str) -> Path:
        value = tbl.get(key, default)
        path = Path(str(value) or ".")
        return Path(os.path.normpath(path if path.is_absolute() else base / path))

    def in_storage(path: Path) -> str | None:
        try:
            rel = path.relative_to(Path(os.path.normpath(old_storage)))
        except ValueError:
            return None
        return (PurePosixPath(STORAGE) / rel.as_posix()).as_posix()

    service, database, smtp = table("service"), table("database"), table("smtp")
    service["storage_dir"] = STORAGE
    socket = original(service, "socket", "storage/mailproc.sock")
    service["socket"] = in_storage(socket) or f"{STORAGE}/{socket.name}"
    for key, name in (("rules_dir", "rules"), ("templates_dir", "templates")):
        if name in extras:
            service[key] = name
        elif key in service:     # unset: the packaged defaults, which stay unset
            service[key] = str(original(service, key, name))
    database["url"] = database_url
    outbox = original(smtp, "directory", "storage/outbox")
    smtp["directory"] = in_storage(outbox) or str(outbox)
    for name in ("imap", "smtp"):
        if name in doc and "ca_file" in doc[name]:
            doc[name]["ca_file"] = str(original(doc[name], "ca_file", "."))
    return tomlkit.dumps(doc)


# -- MANIFEST -------------------------------------------------------------------------------------

def _write_manifest(dest: Path, manifest: Manifest) -> None:
    lines = ["# mailproc backup: sha256, size, path of every file; written last (no MANIFEST: incomplete)"]
    lines += [f"# {key}: {value}" for key, value in manifest.header.items()]
    lines += [f"{e.sha256}  {e.size}  {e.path}" for e in manifest.entries]
    tmp = dest / (MANIFEST + ".tmp")
    _write_file(tmp, ("\n".join(lines) + "\n").encode("utf-8", "surrogateescape"))
    os.replace(tmp, dest / MANIFEST)
    _fsync_dir(dest)


def read_manifest(src: Path) -> Manifest:
    """``src``'s MANIFEST, its paths checked (relative, inside the backup, no duplicates)."""
    path = Path(src) / MANIFEST
    if not Path(src).is_dir():
        raise BackupError(f"{src} is not a folder")
    try:
        data = path.read_bytes().decode("utf-8", "surrogateescape")
    except FileNotFoundError:
        raise BackupError(f"{src} has no MANIFEST: the backup is incomplete (or not a mailproc backup)") from None
    header: dict[str, str] = {}
    entries: list[Entry] = []
    for number, line in enumerate(data.splitlines(), 1):
        if not line.strip():
            continue
        if line.startswith("#"):
            key, sep, value = line[1:].strip().partition(": ")
            if sep:
                header[key] = value
            continue
        parts = line.split("  ", 2)
        if len(parts) != 3 or not _SHA256.match(parts[0]) or not parts[1].isdigit():
            raise BackupError(f"{path}:{number}: not a MANIFEST line (sha256  size  path)")
        entries.append(Entry(parts[0], int(parts[1]), parts[2]))
    if header.get("mailproc-backup") != FORMAT:
        raise BackupError(f"{path}: not a mailproc backup of format {FORMAT}")
    if header.get("database") not in ("sqlite", "postgresql"):
        raise BackupError(f"{path}: the header names no database kind (sqlite or postgresql)")
    for key in ("config-dir", "storage-dir"):
        if not header.get(key):
            raise BackupError(f"{path}: the header lacks {key}")
    allowed_top = {STORAGE, *manifest_extras(header)}
    db_file = SQLITE_NAME if header["database"] == "sqlite" else PGDUMP_NAME
    seen: set[str] = set()
    for entry in entries:
        parts = PurePosixPath(entry.path).parts
        safe = (entry.path and not entry.path.startswith("/") and "\\" not in entry.path
                and all(p not in ("", ".", "..") for p in entry.path.split("/")))
        if not safe or not (entry.path in (db_file, CONFIG_NAME) or (len(parts) > 1 and parts[0] in allowed_top)):
            raise BackupError(f"{path}: {entry.path!r} is not a path a mailproc backup holds")
        if entry.path in seen:
            raise BackupError(f"{path}: {entry.path} is listed twice")
        seen.add(entry.path)
    for needed in (db_file, CONFIG_NAME):
        if needed not in seen:
            raise BackupError(f"{path}: {needed} is not listed: the backup is incomplete")
    return Manifest(header, tuple(entries))


def manifest_extras(header: dict[str, str]) -> tuple[str, ...]:
    names = tuple(header.get("extra", "").split())
    for name in names:
        if not _EXTRA_NAME.match(name) or name in RESERVED:
            raise BackupError(f"MANIFEST: {name!r} cannot name an extra folder")
    return names


def verify(src: Path, manifest: Manifest | None = None) -> Manifest:
    """Every file of MANIFEST present with its size and SHA-256; BackupError naming the first that is not."""
    src = Path(src)
    manifest = manifest or read_manifest(src)
    for entry in manifest.entries:
        path = src / entry.path
        try:
            size, digest = _hash_file(path)
        except FileNotFoundError:
            raise BackupError(f"{src}: {entry.path} is listed in MANIFEST but missing") from None
        if size != entry.size or digest != entry.sha256:
            raise BackupError(f"{src}: {entry.path} does not match MANIFEST (damaged or altered); nothing restored")
    return manifest


# -- files --------------------------------------------------------------------------------------

def _is_within(path: Path, folder: Path) -> bool:
    path, folder = Path(os.path.realpath(path)), Path(os.path.realpath(folder))
    return path == folder or folder in path.parents


def _make_empty_dir(path: Path, what: str) -> None:
    if path.exists() or path.is_symlink():
        if not path.is_dir():
            raise BackupError(f"{what} {path} exists and is not a folder")
        if any(path.iterdir()):
            raise BackupError(f"{what} {path} is not empty: give a new or empty folder")
        os.chmod(path, DIR_MODE)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    _mkdir(path)


def _mkdir(path: Path) -> None:
    path.mkdir(mode=DIR_MODE, exist_ok=True)
    os.chmod(path, DIR_MODE)


def _create_file(path: Path) -> None:
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, FILE_MODE))
    os.chmod(path, FILE_MODE)


def _write_file(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, FILE_MODE)
    with open(fd, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fchmod(fh.fileno(), FILE_MODE)
        os.fsync(fh.fileno())


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_tree_dirs(root: Path) -> None:
    for folder, _dirs, _files in os.walk(root):
        _fsync_dir(Path(folder))


def _hash_file(path: Path) -> tuple[int, str]:
    digest, size = hashlib.sha256(), 0
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return size, digest.hexdigest()


def _entry_of(path: Path, root: Path) -> Entry:
    size, digest = _hash_file(path)
    return Entry(digest, size, path.relative_to(root).as_posix())


class _NotRegular(Exception):
    pass


def _copy_file(src: Path, dst: Path, root: Path) -> Entry:
    """A real copy (never a link) of a regular file, 0640, fsynced, its mtime kept; hashed on the way."""
    rel = dst.relative_to(root).as_posix()
    if "\n" in rel or "\r" in rel:
        raise BackupError(f"{src!r}: a file name with a line break cannot be written in MANIFEST")
    # O_NONBLOCK: a FIFO must not hang the backup; it is no regular file and is skipped.
    fd_in = os.open(src, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    with open(fd_in, "rb") as fin:
        st = os.fstat(fin.fileno())
        if not stat.S_ISREG(st.st_mode):
            raise _NotRegular(src)
        digest, size = hashlib.sha256(), 0
        fd_out = os.open(dst, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, FILE_MODE)
        with open(fd_out, "wb") as fout:
            while chunk := fin.read(_CHUNK):
                digest.update(chunk)
                fout.write(chunk)
                size += len(chunk)
            fout.flush()
            os.fchmod(fout.fileno(), FILE_MODE)
            os.fsync(fout.fileno())
    os.utime(dst, ns=(st.st_atime_ns, st.st_mtime_ns))
    return Entry(digest.hexdigest(), size, rel)


def _copy_tree(src: Path, dst: Path, root: Path, *, skip=None, vanishing_ok: bool = False) -> list[Entry]:
    """Every regular file under ``src`` (symbolic links followed, loops cut) copied under ``dst``;
    sockets, FIFOs and devices left out."""
    entries: list[Entry] = []
    _mkdir(dst)
    visited: set[tuple[int, int]] = set()
    for folder, dirs, files in os.walk(src, followlinks=True):
        here = Path(folder)
        try:
            st = here.stat()
        except FileNotFoundError:
            dirs[:] = []
            continue
        if (st.st_dev, st.st_ino) in visited:
            dirs[:] = []
            continue
        visited.add((st.st_dev, st.st_ino))
        out = dst / here.relative_to(src)
        _mkdir(out)
        dirs.sort()
        for name in sorted(files):
            path = here / name
            try:
                fst = path.stat()
                if not stat.S_ISREG(fst.st_mode) or (skip and skip(path, fst)):
                    continue
                entries.append(_copy_file(path, out / name, root))
            except _NotRegular:
                continue
            except FileNotFoundError:
                if vanishing_ok:           # removed or renamed while we walked: not part of the snapshot
                    continue
                raise BackupError(f"{path} vanished during the backup (or is a dangling link)") from None
            except PermissionError:
                raise BackupError(f"cannot read {path}: permission denied (run as the service's user "
                                  f"or root)") from None
    return entries


def _copy_checked(src: Path, entry: Entry, dst: Path, root: Path) -> None:
    dst.parent.mkdir(parents=True, exist_ok=True)
    for parent in reversed(dst.relative_to(root).parents[:-1]):
        os.chmod(root / parent, DIR_MODE)
    copied = _copy_file(src / entry.path, dst, root)
    if (copied.sha256, copied.size) != (entry.sha256, entry.size):
        raise BackupError(f"{src}: {entry.path} changed while it was restored; the restore is incomplete")


def _one_line(exc: object) -> str:
    text = " ".join(str(exc).split())
    return text or type(exc).__name__
