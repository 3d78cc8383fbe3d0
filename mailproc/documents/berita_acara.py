"""Render the Berita Acara Penanganan Layanan Jaringan Intra Pemerintah Daerah.

``templates/berita_acara.html`` + ``templates/berita_acara.css`` are rendered with Jinja2
(autoescape always on: every field may come from an email) and WeasyPrint into an A4 PDF.
This module touches no database and sends no mail: the caller passes everything in a
:class:`BeritaAcaraData`.

WeasyPrint gets a :class:`TemplateURLFetcher`: it serves ``data:`` URIs and files inside the
templates folder and refuses everything else (no network, no ``/etc/passwd``).

The document identity (ticket ID, version, verification code) is written into the PDF's
Info dictionary twice: as custom keys (``/mailprocticketid``, ``/mailprocversion``,
``/mailprocverificationcode``, read back by :func:`mailproc.documents.signing.read_document_id`)
and as human-readable keywords shown in a viewer's document properties.
"""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import jinja2
import segno
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from mailproc.core.catalogue import CATEGORIES  # the form's "Kebutuhan" options
from mailproc.core.dates import WIB, format_date, format_long_date
from mailproc.documents.form import MAX_OFFICERS, BeritaAcaraData, Signatory, format_verification_code  # noqa: F401 (the form, rendered here)
from mailproc.documents.identity import META_TICKET_ID, META_VERIFICATION_CODE, META_VERSION

TEMPLATE_NAME = "berita_acara.html"
STYLESHEET_NAME = "berita_acara.css"




class RefusedResourceError(ValueError):
    """WeasyPrint asked for a resource outside the templates folder (or a remote one)."""


class TemplateURLFetcher(URLFetcher):
    """A WeasyPrint URL fetcher that serves only ``data:`` URIs and files inside ``root``.

    Anything else (http, https, ftp, files outside ``root``, symlinks leading out of it) raises
    :class:`RefusedResourceError`; WeasyPrint then logs a warning and leaves the resource out.
    """

    def __init__(self, root: Path) -> None:
        super().__init__(allowed_protocols=("data",), allow_redirects=False)
        self.root = root.resolve()

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        scheme = url.split(":", 1)[0].lower() if ":" in url else ""
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme == "file":
            parts = urlsplit(url)
            if parts.netloc not in ("", "localhost"):
                raise RefusedResourceError(f"refusing remote file URL {url!r}")
            path = Path(unquote(parts.path)).resolve()
            if path.is_relative_to(self.root) and path.is_file():
                content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                return URLFetcherResponse(
                    path.as_uri(), path.read_bytes(), headers={"Content-Type": content_type}
                )
            raise RefusedResourceError(f"refusing file outside the templates folder: {url!r}")
        raise RefusedResourceError(f"refusing to fetch {url!r}")


@dataclass(frozen=True)
class _CategoryLine:
    code: str
    label: str
    ticked: bool


class BeritaAcaraRenderer:
    """Renders Berita Acara documents; build one and reuse it (the set-up is done once).

    The Jinja2 environment, the parsed stylesheet and WeasyPrint's font configuration are made
    in the constructor, so a warm render only lays out and writes the PDF. ``url_fetcher``
    defaults to a :class:`TemplateURLFetcher` on ``templates_dir`` (tests pass a recording one).
    """

    def __init__(self, templates_dir: Path, *, url_fetcher: URLFetcher | None = None) -> None:
        self.templates_dir = Path(templates_dir).resolve()
        self.url_fetcher = url_fetcher or TemplateURLFetcher(self.templates_dir)
        self._base_url = self.templates_dir.as_uri() + "/"
        self._env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(self.templates_dir),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self._template = self._env.get_template(TEMPLATE_NAME)
        self._font_config = FontConfiguration()
        self._stylesheet = CSS(
            filename=str(self.templates_dir / STYLESHEET_NAME),
            base_url=self._base_url,
            url_fetcher=self.url_fetcher,
            font_config=self._font_config,
        )

    def render_html(self, data: BeritaAcaraData) -> str:
        """The filled-in HTML (every field escaped)."""
        return self._template.render(**self._context(data))

    def render_pdf(self, data: BeritaAcaraData) -> bytes:
        """The A4 PDF, with title, author, subject, keywords and the document identity set."""
        document = HTML(
            string=self.render_html(data), base_url=self._base_url, url_fetcher=self.url_fetcher
        )
        pdf = document.write_pdf(
            stylesheets=[self._stylesheet],
            font_config=self._font_config,
            custom_metadata=True,
        )
        assert pdf is not None
        return pdf

    def _context(self, data: BeritaAcaraData) -> dict[str, object]:
        issued_at = data.issued_at
        if issued_at.tzinfo is None:
            issued_at = issued_at.replace(tzinfo=WIB)
        qr_uri = ""
        if data.verification_code:
            qr = segno.make(data.qr_payload, error="m", micro=False)
            qr_uri = qr.svg_data_uri(border=0, dark="#000")
        return {
            "ba": data,
            "tanggal_panjang": format_long_date(issued_at),
            "tanggal": format_date(issued_at),
            "created_iso": issued_at.isoformat(timespec="seconds"),
            "categories": [
                _CategoryLine(code, label, code == data.category)
                for code, label in CATEGORIES.items()
            ],
            "petugas": data.officers[0],
            "qr_uri": qr_uri,
            "meta_names": {
                "ticket": META_TICKET_ID,
                "version": META_VERSION,
                "code": META_VERIFICATION_CODE,
            },
        }
