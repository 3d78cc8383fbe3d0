"""The archive: every inbound raw message and attachment kept on disk, addressed by SHA-256.

Content addressing makes a write idempotent (the same bytes land in the same file) and keeps
names from mail out of the filesystem: an attachment called ``../../etc/passwd`` is stored as
``attachments/ab/ab12…`` like any other.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path


class Archive:
    def __init__(self, root: Path):
        self.root = root
        self._folders: set[Path] = set()   # made already: no mkdir per message

    def _path(self, kind: str, sha256: str) -> Path:
        if len(sha256) != 64 or not all(c in "0123456789abcdef" for c in sha256):
            raise ValueError(f"not a SHA-256 hex digest: {sha256!r}")
        return self.root / kind / sha256[:2] / sha256

    def put(self, kind: str, data: bytes, sha256: str | None = None, durable: bool = True) -> str:
        """Store ``data``; ``durable`` fsyncs it (skip it only when the bytes are kept elsewhere too)."""
        sha256 = sha256 or hashlib.sha256(data).hexdigest()
        path = self._path(kind, sha256)
        if not path.exists():
            if path.parent not in self._folders:
                path.parent.mkdir(parents=True, exist_ok=True)
                self._folders.add(path.parent)
            tmp = path.with_name(f".{sha256}.{os.getpid()}.tmp")
            try:
                with open(tmp, "wb") as fh:
                    fh.write(data)
                    if durable:
                        fh.flush()
                        os.fsync(fh.fileno())
                os.replace(tmp, path)
            except BaseException:
                tmp.unlink(missing_ok=True)   # a half-written file would keep a full disk full
                raise
        return sha256

    def get(self, kind: str, sha256: str) -> bytes:
        return self._path(kind, sha256).read_bytes()

    def path(self, kind: str, sha256: str) -> Path:
        return self._path(kind, sha256)
