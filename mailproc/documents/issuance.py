"""Issue a ticket's Berita Acara: fill it in from the ticket, render it, sign it when a key is
configured, keep the copy under ``storage/berita-acara/`` and record a ``Document`` row.

Renderers are built once per process and templates folder (a cold render costs ~600 ms, a warm
one ~55 ms). The stored copy is the document of record: its SHA-256 is what ``verify`` knows.
"""
from __future__ import annotations

import hashlib
import hmac
import logging
import os
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mailproc.core.catalogue import category_or_default
from mailproc.documents.form import MAX_OFFICERS, BeritaAcaraData, Signatory, format_verification_code
from mailproc.store.models import Document, Ticket

log = logging.getLogger(__name__)

FOLDER = "berita-acara"
ASSIGNED_TO = "Petugas Service Desk Diskominfo Kabupaten Lampung Barat"

_renderers: dict[Path, object] = {}   # templates folder -> berita_acara.BeritaAcaraRenderer
_renderers_lock = threading.Lock()


def renderer_for(templates_dir: Path):
    """The process's renderer for ``templates_dir`` (built on first use)."""
    from mailproc.documents.berita_acara import BeritaAcaraRenderer   # start-up: WeasyPrint, only to render
    key = Path(templates_dir).resolve()
    with _renderers_lock:
        renderer = _renderers.get(key)
        if renderer is None:
            renderer = _renderers[key] = BeritaAcaraRenderer(key)
        return renderer


@dataclass(frozen=True)
class Addressee:
    """Who receives the Berita Acara and signs it as "Pemohon": the OPD's PJ, or a stand-in."""
    name: str
    nip: str
    email: str
    stand_in: bool            # the requester stands in: the OPD (or the sender) has no registered PJ


def responsible_person(desk, ticket: Ticket) -> Addressee:
    opd = desk.registry.get(ticket.opd_key) if ticket.opd_key else None
    if opd is not None and opd.pj is not None:
        return Addressee(opd.pj.name, opd.pj.nip, opd.pj.email, stand_in=False)
    return Addressee(ticket.requester_name or ticket.requester_email, "-", ticket.requester_email, stand_in=True)


def verification_code(secret: bytes, code: str, version: int) -> str:
    return format_verification_code(hmac.new(secret, f"{code}|{version}".encode(), hashlib.sha256).digest())


@dataclass(frozen=True)
class Issued:
    document: Document
    pdf: bytes
    pj: Addressee
    officers_left_out: tuple[str, ...] = ()
    unsigned_reason: str = ""     # why a configured key was not used ("" when signed or no key configured)


def _officers(desk, ticket: Ticket) -> tuple[list[Signatory], tuple[str, ...]]:
    """The assigned officers, the one who reported SELESAI first (they sign the "Petugas" block)."""
    reporter = next((e.actor for e in reversed(ticket.events) if e.action == "completed"), None)
    people = sorted(ticket.assignees, key=lambda a: a.email != reporter)
    if not people:
        known = next((o for o in desk.config.officers if o.email == reporter), None)
        return [Signatory(known.name, known.nip) if known else Signatory(reporter or "-", "-")], ()
    chosen = [Signatory(a.name, a.nip or "-") for a in people[:MAX_OFFICERS]]
    return chosen, tuple(a.name for a in people[MAX_OFFICERS:])


def build_data(desk, ticket: Ticket, pj: Addressee, version: int, issued_at: datetime) -> tuple[BeritaAcaraData, tuple[str, ...]]:
    report = ticket.report or {}
    officers, left_out = _officers(desk, ticket)
    category = category_or_default(ticket.category)
    data = BeritaAcaraData(
        ticket_id=ticket.code, issued_at=issued_at, category=category, assigned_to=ASSIGNED_TO,
        officers=officers, work_summary=report.get("work_summary") or "-",
        problem_summary=report.get("problem_summary") or "-", solution=report.get("solution") or "-",
        location=report.get("location") or "-", requester_pj=Signatory(pj.name, pj.nip),
        opd_name=ticket.opd_name or "(OPD belum terdaftar)", version=version,
        verification_code=verification_code(desk.config.secret, ticket.code, version),
        signed=desk.config.berita_acara.signing_key is not None)
    return data, left_out


def _sign(desk, pdf: bytes) -> tuple[bytes, bool, str]:
    settings = desk.config.berita_acara
    key = settings.signing_key
    if key is None:
        return pdf, False, ""
    from mailproc.documents.signing import sign_pdf   # start-up: pyHanko, only to sign
    try:
        return sign_pdf(pdf, key, settings.signing_password), True, ""
    except Exception as exc:   # a broken key must not lose the officer's report: issue unsigned, alert
        log.error("cannot sign the Berita Acara with %s: %s", key, exc)
        return pdf, False, f"{type(exc).__name__}: {exc}"


def stored_path(desk, document: Document) -> Path:
    path = Path(document.path)
    return path if path.is_absolute() else desk.storage / path


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def issue(desk, s: Session, ticket: Ticket) -> Issued:
    """Render, sign and keep the next version of the ticket's Berita Acara; older ones are superseded."""
    now = desk.clock.now()
    version = (s.scalar(select(func.max(Document.version)).where(Document.ticket_id == ticket.id)) or 0) + 1
    pj = responsible_person(desk, ticket)
    data, left_out = build_data(desk, ticket, pj, version, now)
    renderer = renderer_for(desk.config.service.templates_dir)
    pdf = renderer.render_pdf(data)
    pdf, signed, unsigned_reason = _sign(desk, pdf)
    if data.signed and not signed:   # the key failed: the document must not claim a signature
        from dataclasses import replace
        data = replace(data, signed=False)
        pdf = renderer.render_pdf(data)
    relative = Path(FOLDER) / f"{ticket.code}-v{version}.pdf"
    _write(desk.storage / relative, pdf)
    for older in s.scalars(select(Document).where(Document.ticket_id == ticket.id, Document.superseded.is_(False))):
        older.superseded = True
    document = Document(ticket_id=ticket.id, version=version, sha256=hashlib.sha256(pdf).hexdigest(),
                        verification_code=data.verification_code, issued_at=now, path=relative.as_posix(),
                        signed=signed, superseded=False)
    s.add(document)
    s.flush()
    return Issued(document, pdf, pj, left_out, unsigned_reason)


def current_document(s: Session, ticket: Ticket) -> Document | None:
    return s.scalar(select(Document).where(Document.ticket_id == ticket.id)
                    .order_by(Document.version.desc()).limit(1))
