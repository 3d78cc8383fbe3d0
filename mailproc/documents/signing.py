"""Sign a Berita Acara PDF as the service (pyHanko, PAdES) and check a PDF that comes back.

- :func:`sign_pdf` adds an invisible PAdES baseline signature made with the service's PKCS#12.
- :func:`signature_status` says whether a file is signed, whether the signed bytes are intact,
  whether the signature is cryptographically valid, whether the signer chains to one of the
  given trust roots, and who signed.
- :func:`read_document_id` reads which ticket/version/verification code a file claims to be
  (from the Info dictionary written by :mod:`mailproc.documents.berita_acara`).
- :func:`make_test_certificate` makes a throw-away CA + signer PKCS#12 for tests and demos.
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass
from datetime import datetime, timezone
from io import BytesIO
from pathlib import Path

from asn1crypto import pem as asn1_pem
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from mailproc.documents.certificates import make_ca, make_leaf
from mailproc.documents.identity import META_TICKET_ID, META_VERIFICATION_CODE, META_VERSION

log = logging.getLogger(__name__)

SIGNATURE_FIELD = "TandaTanganLayanan"
DEFAULT_REASON = "Pengesahan Berita Acara Penanganan Layanan Jaringan Intra Pemerintah Daerah"


@dataclass(frozen=True)
class SignatureStatus:
    """What :func:`signature_status` found. ``ok`` is the one-word answer.

    - ``signed``: the file has at least one signature.
    - ``intact``: the signed bytes hash to the digest in the signature (nothing inside changed).
    - ``valid``: the signature over that digest verifies with the signer's public key.
    - ``covers_whole_file``: nothing was appended after the signature.
    - ``trusted``: the signer chains to one of the trust roots; ``None`` when none were given.
    - ``detail``: a short English explanation for logs when something is wrong.
    """

    signed: bool
    intact: bool = False
    valid: bool = False
    covers_whole_file: bool = False
    trusted: bool | None = None
    signer: str | None = None
    signed_at: datetime | None = None
    detail: str = ""

    @property
    def ok(self) -> bool:
        return (
            self.signed
            and self.intact
            and self.valid
            and self.covers_whole_file
            and self.trusted is not False
        )


def load_signer(pkcs12_path: Path, passphrase: bytes) -> signers.SimpleSigner:
    """The key and certificate of a PKCS#12 file; ValueError when they cannot be loaded."""
    signer = signers.SimpleSigner.load_pkcs12(str(pkcs12_path), passphrase=passphrase)
    if signer is None:
        raise ValueError(f"could not load a key and certificate from {pkcs12_path}")
    return signer


def sign_pdf(
    pdf: bytes,
    pkcs12_path: Path,
    passphrase: bytes,
    *,
    reason: str = DEFAULT_REASON,
    location: str = "Liwa",
) -> bytes:
    """Return ``pdf`` with an invisible PAdES signature by the key in ``pkcs12_path`` appended."""
    signer = load_signer(pkcs12_path, passphrase)
    writer = IncrementalPdfFileWriter(BytesIO(pdf), strict=False)
    meta = signers.PdfSignatureMetadata(
        field_name=SIGNATURE_FIELD,
        reason=reason,
        location=location,
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
    )
    out = signers.sign_pdf(writer, meta, signer=signer)
    return out.getvalue()


def _load_roots(trust_roots: list[bytes]) -> list[asn1_x509.Certificate]:
    roots = []
    for blob in trust_roots:
        if asn1_pem.detect(blob):
            for _type, _headers, der in asn1_pem.unarmor(blob, multiple=True):
                roots.append(asn1_x509.Certificate.load(der))
        else:
            roots.append(asn1_x509.Certificate.load(blob))
    return roots


def signature_status(pdf: bytes, trust_roots: list[bytes] | None = None) -> SignatureStatus:
    """Check the signatures of ``pdf``; never raises for a damaged or unsigned file.

    ``trust_roots`` are PEM or DER certificates (the service's CA). Without them the chain is not
    judged (``trusted`` is ``None``) but integrity and the signature itself still are. With
    several signatures the first failing one is reported, else the last one.
    """
    try:
        reader = PdfFileReader(BytesIO(pdf), strict=False)
        embedded = reader.embedded_signatures
    except Exception as exc:  # a damaged file: pyHanko raises several kinds of errors
        return SignatureStatus(signed=False, detail=f"cannot read the PDF: {exc}")
    if not embedded:
        return SignatureStatus(signed=False, detail="the PDF has no signature")

    roots = _load_roots(trust_roots) if trust_roots is not None else []
    result = SignatureStatus(signed=True)
    for sig in embedded:
        context = ValidationContext(
            trust_roots=roots, allow_fetching=False, revocation_mode="soft-fail"
        )
        try:
            status = validate_pdf_signature(sig, context)
        except Exception as exc:  # hostile or damaged input must give an answer, not a crash
            return SignatureStatus(signed=True, detail=f"signature cannot be validated: {exc}")
        trusted = None
        if trust_roots is not None:  # judged apart from integrity, which is reported on its own
            trusted = status.validation_path is not None and status.trust_problem_indic is None
        whole = status.coverage == SignatureCoverageLevel.ENTIRE_FILE
        problems = []
        if not status.intact:
            problems.append("the signed bytes were changed")
        if not status.valid:
            problems.append("the signature does not verify")
        if not whole:
            problems.append("data was appended after the signature")
        if trusted is False:
            problems.append("the signer is not trusted")
        result = SignatureStatus(
            signed=True,
            intact=status.intact,
            valid=status.valid,
            covers_whole_file=whole,
            trusted=trusted,
            signer=_signer_name(status.signing_cert),
            signed_at=status.signer_reported_dt,
            detail="; ".join(problems),
        )
        if not result.ok:
            return result
    return result


def _signer_name(cert: asn1_x509.Certificate) -> str:
    subject = cert.subject
    common_name = subject.native.get("common_name")
    return str(common_name) if common_name else subject.human_friendly


def read_document_id(pdf: bytes) -> tuple[str, int, str] | None:
    """``(ticket_id, version, verification_code)`` written into the PDF, or ``None``.

    This is what the file *claims* to be; check :func:`signature_status` before trusting it.
    """
    try:
        reader = PdfFileReader(BytesIO(pdf), strict=False)
        info = reader.trailer_view.get("/Info")
        if info is None:
            return None
        info = info.get_object()

        def text(meta_name: str) -> str | None:
            key = "/" + "".join(ch for ch in meta_name if ch.isalnum())
            value = info.get(key)
            return None if value is None else str(value)

        ticket_id = text(META_TICKET_ID)
        version = text(META_VERSION)
        code = text(META_VERIFICATION_CODE)
        if not ticket_id or version is None:
            return None
        return ticket_id, int(version), code or ""
    except Exception as exc:  # damaged or foreign files are simply "not ours"
        log.debug("no document id readable: %s", exc)
        return None


def make_test_certificate(directory: Path) -> tuple[Path, bytes, bytes]:
    """Create a throw-away CA and signer (ECDSA P-256) for tests: ``(p12_path, passphrase, ca_pem)``.

    The certificates are valid 2000-2100 so that tests do not depend on today's date. Never use
    them for real documents.
    """
    directory.mkdir(parents=True, exist_ok=True)
    not_before = datetime(2000, 1, 1, tzinfo=timezone.utc)
    not_after = datetime(2100, 1, 1, tzinfo=timezone.utc)

    ca_name = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "ID"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "mailproc test"),
            x509.NameAttribute(NameOID.COMMON_NAME, "mailproc Test CA"),
        ]
    )
    ca_key, ca_cert = make_ca(ca_name, not_before, not_after)

    signer_name = x509.Name([
        x509.NameAttribute(NameOID.COUNTRY_NAME, "ID"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "mailproc test"),
        x509.NameAttribute(NameOID.COMMON_NAME, "Service Desk Aptika (test)"),
    ])
    signer_key, signer_cert = make_leaf(ca_key, ca_name, signer_name, not_before, not_after, signing=True)

    passphrase = secrets.token_urlsafe(16).encode("ascii")
    p12 = pkcs12.serialize_key_and_certificates(
        b"service-desk-test",
        signer_key,
        signer_cert,
        [ca_cert],
        serialization.BestAvailableEncryption(passphrase),
    )
    p12_path = directory / "service-desk-test.p12"
    p12_path.write_bytes(p12)
    ca_pem = ca_cert.public_bytes(serialization.Encoding.PEM)
    (directory / "test-ca.pem").write_bytes(ca_pem)
    return p12_path, passphrase, ca_pem
