"""What a Berita Acara says: who signs it, its fields, its verification code. No rendering here
(``berita_acara`` renders it with WeasyPrint), so the chain can prepare one without loading the
renderer."""
from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import datetime

from mailproc.core.catalogue import CATEGORIES

MAX_OFFICERS = 3


@dataclass(frozen=True)
class Signatory:
    """A person who signs or is named on the document: name and NIP (18 digits for civil servants)."""

    name: str
    nip: str


@dataclass(frozen=True)
class BeritaAcaraData:
    """Everything printed on one Berita Acara.

    ``officers`` holds 1 to 3 officers (the form has three "Nama Petugas" lines); more than
    three is refused with ``ValueError`` rather than silently dropping a name from an official
    record. The first officer signs the "Petugas" block.
    """

    ticket_id: str
    issued_at: datetime
    category: str  # "1.1" .. "1.4"
    assigned_to: str  # "Ditugaskan Kepada"
    officers: list[Signatory]
    work_summary: str
    problem_summary: str
    solution: str
    location: str
    requester_pj: Signatory  # Pemohon: the penanggung jawab of the OPD
    opd_name: str
    version: int = 1
    verification_code: str = ""
    signed: bool = False   # the issuer will sign it electronically (the footer says so only then)

    def __post_init__(self) -> None:
        if not self.ticket_id.strip():
            raise ValueError("ticket_id must not be empty")
        if "," in self.ticket_id or "|" in self.ticket_id:
            raise ValueError(f"ticket_id must not contain ',' or '|': {self.ticket_id!r}")
        if self.category not in CATEGORIES:
            raise ValueError(f"category must be one of {sorted(CATEGORIES)}, got {self.category!r}")
        if not 1 <= len(self.officers) <= MAX_OFFICERS:
            raise ValueError(
                f"a Berita Acara names 1 to {MAX_OFFICERS} officers, got {len(self.officers)}"
            )
        if self.version < 1:
            raise ValueError(f"version must be >= 1, got {self.version}")

    @property
    def qr_payload(self) -> str:
        """What the QR code encodes: ``<ticket_id>|<verification_code>``."""
        return f"{self.ticket_id}|{self.verification_code}"


def format_verification_code(mac: bytes, length: int = 10) -> str:
    """Turn an HMAC digest into a short code people can read and type: ``ABCD-EFGH-IJ``.

    Base32 (RFC 4648 alphabet: A-Z, 2-7, no 0/1/8/9 to confuse) of the digest, truncated to
    ``length`` characters and grouped by four.
    """
    if length < 1 or length * 5 > len(mac) * 8:
        raise ValueError(f"cannot take {length} base32 characters from {len(mac)} bytes")
    text = base64.b32encode(mac).decode("ascii")[:length]
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))
