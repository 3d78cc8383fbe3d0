"""Is this PDF a genuine, unaltered Berita Acara of this service? And: export the document of record.

A file is genuine when its SHA-256 is that of an issued ``Document`` and, when that document was
signed, its signature still validates. Anything else is not genuine, with the reason in words an
official can act on (the text is Indonesian: officials read it).
"""
from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from mailproc.core.dates import format_moment
from mailproc.core.errors import AdminError
from mailproc.store.models import Document, Ticket
from mailproc.store.tickets import find_by_code


class ExportError(AdminError):
    """The ticket has no Berita Acara, or its stored copy is missing."""

    def describe(self) -> str:
        return f"{type(self).__name__}: {self}"


@dataclass(frozen=True)
class Verdict:
    genuine: bool
    text: str
    ticket: str | None = None
    version: int | None = None
    current: bool | None = None


def trust_roots(desk) -> list[bytes] | None:
    """The certificates of the configured signing key (its CA chain), or None when none is configured."""
    settings = desk.config.berita_acara
    key = settings.signing_key
    if key is None:
        return None
    from cryptography.hazmat.primitives.serialization import Encoding, pkcs12
    try:
        _, cert, extra = pkcs12.load_key_and_certificates(key.read_bytes(), settings.signing_password or None)
    except (OSError, ValueError):
        return None
    certs = list(extra or []) or ([cert] if cert else [])
    return [c.public_bytes(Encoding.PEM) for c in certs] or None


def verify_bytes(desk, data: bytes) -> Verdict:
    from mailproc.documents.signing import read_document_id, signature_status  # pyHanko: only to verify
    digest = hashlib.sha256(data).hexdigest()
    with desk.sessions() as s:
        document = s.scalar(select(Document).where(Document.sha256 == digest))
        if document is not None:
            code = s.get(Ticket, document.ticket_id).code
            return _recorded(desk, data, document, code)
        claim = read_document_id(data)
        if claim is None:
            return Verdict(False, "TIDAK SAH: berkas ini bukan Berita Acara yang diterbitkan layanan ini "
                                  f"(tidak ada dokumen tercatat dengan sidik SHA-256 {digest[:16]}…).")
        code, version, _claimed_code = claim
        ticket = find_by_code(s, code)
        issued = ticket and s.scalar(select(Document).where(Document.ticket_id == ticket.id,
                                                            Document.version == version))
    if not issued:
        return Verdict(False, f"TIDAK SAH: berkas mengaku sebagai Berita Acara tiket {code} versi {version}, "
                              "tetapi layanan ini tidak pernah menerbitkan dokumen tersebut.", code, version)
    why = ""
    status = signature_status(data, trust_roots(desk))
    if status.signed and status.detail:
        why = f" Pemeriksaan tanda tangan: {status.detail}."
    return Verdict(False, f"TIDAK SAH: berkas mengaku sebagai Berita Acara tiket {code} versi {version}, "
                          "tetapi isinya berbeda dari dokumen yang diterbitkan (sidik SHA-256 tidak cocok): "
                          f"berkas telah diubah atau tidak diterbitkan oleh layanan ini.{why}", code, version)


def _recorded(desk, data: bytes, document: Document, code: str) -> Verdict:
    from mailproc.documents.signing import signature_status   # start-up: pyHanko / WeasyPrint, only for this step
    state = ("versi TIDAK BERLAKU LAGI (telah digantikan versi yang lebih baru)" if document.superseded
             else "versi yang berlaku")
    what = (f"Berita Acara tiket {code} versi {document.version}, kode verifikasi {document.verification_code}, "
            f"diterbitkan {format_moment(document.issued_at)}; {state}")
    if document.signed:
        status = signature_status(data, trust_roots(desk))
        if not status.ok:
            return Verdict(False, f"TIDAK SAH: {what}, tetapi tanda tangan elektroniknya tidak valid "
                                  f"({status.detail or 'tidak dapat diperiksa'}).", code, document.version,
                           not document.superseded)
        what += f". Tanda tangan elektronik sah ({status.signer})"
    else:
        what += ". Dokumen tidak ditandatangani secara elektronik; keaslian dipastikan dari catatan layanan"
    return Verdict(True, f"ASLI: {what}.", code, document.version, not document.superseded)


def verify_file(desk, path: Path) -> Verdict:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        return Verdict(False, f"TIDAK DAPAT DIPERIKSA: berkas {path} tidak dapat dibaca ({exc.strerror or exc}).")
    return verify_bytes(desk, data)


def export_berita_acara(desk, code: str, output: Path | None) -> str:
    """Copy the stored latest version (the document of record, byte for byte) to ``output``;
    without ``output`` return the stored path. Nothing is re-rendered: a new rendering would
    have other bytes, which ``verify`` would not know."""
    from mailproc.documents.issuance import current_document, stored_path   # start-up: pyHanko / WeasyPrint, only for this step
    with desk.sessions() as s:
        ticket = find_by_code(s, code)
        if ticket is None:
            raise ExportError(f"no ticket {code}")
        document = current_document(s, ticket)
        if document is None:
            raise ExportError(f"ticket {ticket.code} has no Berita Acara (status {ticket.status})")
        source = stored_path(desk, document)
        if not source.is_file() or hashlib.sha256(source.read_bytes()).hexdigest() != document.sha256:
            raise ExportError(f"the stored copy {source} of {ticket.code} v{document.version} is missing or "
                              "does not match its recorded SHA-256")
    if output is None:
        return str(source)
    output = Path(output)
    if output.is_dir():
        output = output / source.name
    shutil.copyfile(source, output)
    return str(output)
