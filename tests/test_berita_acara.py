"""Berita Acara: rendering (fields, ticks, metadata, fonts, page flow), safe rendering,
Indonesian dates, PAdES signing and reading the document identity back."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from io import BytesIO
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from mailproc.documents.berita_acara import (
    CATEGORIES,
    BeritaAcaraData,
    BeritaAcaraRenderer,
    RefusedResourceError,
    Signatory,
    TemplateURLFetcher,
    format_verification_code,
)
from mailproc.core.dates import DAY_NAMES, MONTH_NAMES, format_date, format_long_date
from mailproc.documents.signing import (
    make_test_certificate,
    read_document_id,
    sign_pdf,
    signature_status,
)

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
ISSUED = datetime(2026, 11, 27, 10, 30, tzinfo=timezone(timedelta(hours=7)))
CODE = "E4FZ-62FF-KK"

OFFICERS = [
    Signatory("Rahmat Hidayat, A.Md.", "199205142019031007"),
    Signatory("Siti Nurhaliza, S.Kom.", "199408232020122015"),
    Signatory("Agus Setiawan", "199011092015031002"),
]
PJ = Signatory("Drs. Bambang Sutrisno, M.Pd.", "197503122000031004")


def make_data(**changes: object) -> BeritaAcaraData:
    data = BeritaAcaraData(
        ticket_id="JIP-2026-0001",
        issued_at=ISSUED,
        category="1.3",
        assigned_to="Petugas Service Desk Diskominfo",
        officers=OFFICERS[:1],
        work_summary="Mengganti patch cord yang rusak di ruang server.",
        problem_summary="Koneksi internet di ruang Sekretariat terputus.",
        solution="Menyiapkan patch cord cadangan.",
        location="Dinas Pendidikan dan Kebudayaan, Liwa",
        requester_pj=PJ,
        opd_name="Dinas Pendidikan dan Kebudayaan",
        version=1,
        verification_code=CODE,
    )
    return replace(data, **changes)


def page_texts(pdf: bytes) -> list[str]:
    """Text of each page with runs of whitespace collapsed to one space."""
    reader = PdfReader(BytesIO(pdf))
    return [re.sub(r"\s+", " ", page.extract_text()) for page in reader.pages]


class RecordingFetcher(TemplateURLFetcher):
    def __init__(self, root: Path) -> None:
        super().__init__(root)
        self.requested: list[str] = []

    def fetch(self, url, headers=None):
        self.requested.append(url)
        return super().fetch(url, headers)


@pytest.fixture(scope="module")
def renderer() -> BeritaAcaraRenderer:
    return BeritaAcaraRenderer(TEMPLATES)


@pytest.fixture(scope="module")
def normal_pdf(renderer: BeritaAcaraRenderer) -> bytes:
    return renderer.render_pdf(make_data())


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes, bytes]:
    return make_test_certificate(tmp_path_factory.mktemp("cert"))


# --- content ---------------------------------------------------------------------------------


def test_pdf_contains_every_field(normal_pdf: bytes) -> None:
    (text,) = page_texts(normal_pdf)
    for expected in [
        "PEMERINTAH KABUPATEN LAMPUNG BARAT",
        "DINAS KOMUNIKASI DAN INFORMATIKA",
        "Jalan Teratai No. 03 Way Mengaku, Telepon 0728 – 21345",
        "kominfo.lampungbaratkab.go.id",
        "aptika@lampungbaratkab.go.id",
        "BERITA ACARA PENANGANAN LAYANAN JARINGAN INTRA PEMERINTAH DAERAH",
        "Tiket ID : JIP-2026-0001",
        "Tanggal : Jumat, 27 November 2026",
        "Ditugaskan Kepada : Nama Petugas : Kebutuhan :",
        "Petugas Service Desk Diskominfo",
        "1. Rahmat Hidayat, A.Md. / NIP. 199205142019031007",
        "Ringkasan Pekerjaan",
        "Mengganti patch cord yang rusak di ruang server.",
        "Ringkasan Masalah",
        "Koneksi internet di ruang Sekretariat terputus.",
        "Alternatif Solusi",
        "Menyiapkan patch cord cadangan.",
        "Lokasi",
        "Dinas Pendidikan dan Kebudayaan, Liwa",
        "Liwa, 27 November 2026",
        "Pemohon,",
        "Petugas,",
        "Drs. Bambang Sutrisno, M.Pd. NIP. 197503122000031004",
        "Rahmat Hidayat, A.Md. NIP. 199205142019031007",
        f"Kode verifikasi: {CODE}",
    ]:
        assert expected in text, expected
    for label in CATEGORIES.values():
        # labels may wrap onto a second line; compare word sequences
        assert " ".join(label.split()) in text, label


@pytest.mark.parametrize("category", sorted(CATEGORIES))
def test_only_the_ticket_category_is_ticked(renderer: BeritaAcaraRenderer, category: str) -> None:
    html = renderer.render_html(make_data(category=category))
    ticked = re.findall(r"☒</span><span class=\"code\">([\d.]+)\.</span>", html)
    unticked = re.findall(r"☐</span><span class=\"code\">([\d.]+)\.</span>", html)
    assert ticked == [category]
    assert sorted(unticked) == sorted(set(CATEGORIES) - {category})


def test_claims_an_electronic_signature_only_when_signed(renderer: BeritaAcaraRenderer, normal_pdf: bytes) -> None:
    unsigned = " ".join(" ".join(page_texts(normal_pdf)).split())
    signed = " ".join(" ".join(page_texts(renderer.render_pdf(make_data(signed=True)))).split())
    assert "ditandatangani secara elektronik" not in unsigned
    assert "ditandatangani secara elektronik" in signed


def test_tick_is_visible_in_pdf_text(normal_pdf: bytes) -> None:
    (text,) = page_texts(normal_pdf)
    assert text.count("☒") == 1
    assert "☒ 1.3. Perbaikan dan atau pemeliharaan" in text
    for code in ("1.1", "1.2", "1.4"):
        assert f"☐ {code}." in text


def test_metadata_and_document_id(normal_pdf: bytes) -> None:
    meta = PdfReader(BytesIO(normal_pdf)).metadata
    assert meta.title == (
        "Berita Acara Penanganan Layanan Jaringan Intra Pemerintah Daerah - JIP-2026-0001"
    )
    assert meta.author == "Dinas Komunikasi dan Informatika Kabupaten Lampung Barat"
    assert "JIP-2026-0001" in meta.subject
    assert CODE in meta["/Keywords"]
    assert read_document_id(normal_pdf) == ("JIP-2026-0001", 1, CODE)


def test_document_id_of_foreign_or_broken_files() -> None:
    assert read_document_id(b"not a pdf") is None


def test_fonts_are_embedded_liberation(normal_pdf: bytes) -> None:
    reader = PdfReader(BytesIO(normal_pdf))
    embedded = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            name = str(font["/BaseFont"]).split("+", 1)[-1]
            embedded[name] = "/FontFile2" in descriptor
    assert embedded.get("Liberation-Serif") is True
    assert all(embedded.values()), embedded


def test_long_texts_and_three_officers_flow_onto_more_pages(
    renderer: BeritaAcaraRenderer,
) -> None:
    sentence = (
        "Tim memeriksa jalur kabel serat optik dari ruang server menuju gedung OPD, mengukur "
        "redaman, mengganti pigtail yang retak, dan mengonfigurasi ulang VLAN. "
    )
    data = make_data(
        officers=OFFICERS,
        category="1.2",
        work_summary="\n\n".join([sentence * 4] * 4) + "AKHIR-PEKERJAAN",
        problem_summary=sentence * 6 + "AKHIR-MASALAH",
        solution=sentence * 5 + "AKHIR-SOLUSI",
    )
    pages = page_texts(renderer.render_pdf(data))
    assert len(pages) >= 2
    whole = " ".join(pages)
    for officer_line in [
        "1. Rahmat Hidayat, A.Md. / NIP. 199205142019031007",
        "2. Siti Nurhaliza, S.Kom. / NIP. 199408232020122015",
        "3. Agus Setiawan / NIP. 199011092015031002",
    ]:
        assert officer_line in whole
    for marker in ("AKHIR-PEKERJAAN", "AKHIR-MASALAH", "AKHIR-SOLUSI", "Lokasi"):
        assert marker in whole
    # The signature block is kept together on one page.
    (signature_page,) = [page for page in pages if "Liwa, 27 November 2026" in page]
    for part in ("Pemohon,", "Petugas,", "NIP. 197503122000031004", "Rahmat Hidayat, A.Md. NIP."):
        assert part in signature_page
    assert f"Halaman 1 dari {len(pages)}" in pages[0]


@pytest.mark.parametrize("count", [0, 4])
def test_officer_count_outside_the_form_is_refused(count: int) -> None:
    with pytest.raises(ValueError, match="officers"):
        make_data(officers=(OFFICERS * 2)[:count])


def test_unknown_category_is_refused() -> None:
    with pytest.raises(ValueError, match="category"):
        make_data(category="2.1")


def test_without_verification_code_there_is_no_qr(renderer: BeritaAcaraRenderer) -> None:
    html = renderer.render_html(make_data(verification_code=""))
    assert "<img" not in html
    assert "Kode verifikasi" not in html


def test_qr_code_is_inline_svg(renderer: BeritaAcaraRenderer) -> None:
    data = make_data()
    assert data.qr_payload == f"JIP-2026-0001|{CODE}"
    html = renderer.render_html(data)
    assert re.search(r'<img src="data:image/svg\+xml[^"]+"', html)


def test_verification_code_format() -> None:
    assert format_verification_code(bytes(32)) == "AAAA-AAAA-AA"
    assert format_verification_code(b"\xff" * 32) == "7777-7777-77"
    assert format_verification_code(b"\xff" * 32, length=8) == "7777-7777"
    with pytest.raises(ValueError):
        format_verification_code(b"\x00", length=10)


# --- safe rendering --------------------------------------------------------------------------


def test_mail_html_is_shown_as_text_and_never_fetched() -> None:
    fetcher = RecordingFetcher(TEMPLATES)
    renderer = BeritaAcaraRenderer(TEMPLATES, url_fetcher=fetcher)
    hostile = '<img src="file:///etc/passwd"> <img src="http://example.com/x.png">'
    data = make_data(work_summary=hostile, location='<b>Liwa</b> & "Way Mengaku"')
    html = renderer.render_html(data)
    assert "<img src=\"file:///etc/passwd\">" not in html
    assert "&lt;img src=&#34;file:///etc/passwd&#34;&gt;" in html

    text = " ".join(page_texts(renderer.render_pdf(data)))
    assert hostile in text
    assert '<b>Liwa</b> & "Way Mengaku"' in text
    assert fetcher.requested, "the QR code image should have gone through the fetcher"
    assert all(url.startswith("data:") for url in fetcher.requested), fetcher.requested


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.one_of(st.sampled_from("<>&\"'/="), st.characters()), max_size=200))
def test_any_mail_text_stays_text(text: str) -> None:
    renderer = _shared_renderer()
    baseline = renderer.render_html(make_data(work_summary="", problem_summary=""))
    html = renderer.render_html(make_data(work_summary=text, problem_summary=text))
    assert html.count("<") == baseline.count("<")  # the text adds no markup at all


_RENDERER: list[BeritaAcaraRenderer] = []


def _shared_renderer() -> BeritaAcaraRenderer:
    # hypothesis does not mix with function-scoped fixtures; share one renderer instead
    if not _RENDERER:
        _RENDERER.append(BeritaAcaraRenderer(TEMPLATES))
    return _RENDERER[0]


def test_fetcher_serves_only_data_and_template_files(tmp_path: Path) -> None:
    root = tmp_path / "templates"
    (root / "img").mkdir(parents=True)
    (root / "img" / "logo.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    (tmp_path / "secret.txt").write_text("secret")
    (root / "img" / "link.txt").symlink_to(tmp_path / "secret.txt")
    fetcher = TemplateURLFetcher(root)

    assert fetcher.fetch("data:text/plain,halo").read() == b"halo"
    response = fetcher.fetch((root / "img" / "logo.svg").as_uri())
    assert response.read().startswith(b"<svg")
    assert response.content_type == "image/svg+xml"

    for url in [
        "http://example.com/x.png",
        "https://example.com/x.png",
        "ftp://example.com/x",
        "file:///etc/passwd",
        root.as_uri() + "/img/%2E%2E/%2E%2E/secret.txt",
        root.as_uri() + "/../secret.txt",
        (root / "img" / "link.txt").as_uri(),
        "file://otherhost" + (root / "img" / "logo.svg").as_posix(),
        "relative/path.png",
    ]:
        with pytest.raises(RefusedResourceError):
            fetcher.fetch(url)


# --- dates -----------------------------------------------------------------------------------


def test_indonesian_long_date() -> None:
    assert format_long_date(date(2026, 11, 27)) == "Jumat, 27 November 2026"
    assert format_date(date(2026, 11, 27)) == "27 November 2026"
    assert format_long_date(date(2025, 7, 7)) == "Senin, 7 Juli 2025"


def test_every_day_and_month_name() -> None:
    monday = date(2026, 11, 23)
    names = [format_long_date(monday + timedelta(days=i)).split(",")[0] for i in range(7)]
    assert names == ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
    assert names == list(DAY_NAMES)
    months = [format_date(date(2026, month, 1)).split()[1] for month in range(1, 13)]
    assert months == [
        "Januari", "Februari", "Maret", "April", "Mei", "Juni",
        "Juli", "Agustus", "September", "Oktober", "November", "Desember",
    ]  # fmt: skip
    assert months == list(MONTH_NAMES)


def test_aware_datetimes_are_shown_in_wib() -> None:
    late_utc = datetime(2026, 11, 27, 18, 0, tzinfo=timezone.utc)  # 01:00 WIB on the 28th
    assert format_long_date(late_utc) == "Sabtu, 28 November 2026"
    assert format_long_date(datetime(2026, 11, 27, 23, 0)) == "Jumat, 27 November 2026"


# --- signing ---------------------------------------------------------------------------------


def test_signed_pdf_validates(normal_pdf: bytes, certificate: tuple[Path, bytes, bytes]) -> None:
    p12, passphrase, ca_pem = certificate
    signed = sign_pdf(normal_pdf, p12, passphrase)
    status = signature_status(signed, [ca_pem])
    assert status.ok, status
    assert (status.signed, status.intact, status.valid, status.trusted) == (True, True, True, True)
    assert status.signer == "Service Desk Aptika (test)"
    assert read_document_id(signed) == ("JIP-2026-0001", 1, CODE)
    assert signature_status(signed).trusted is None  # no roots given: chain not judged


def test_one_changed_byte_breaks_the_signature(
    normal_pdf: bytes, certificate: tuple[Path, bytes, bytes]
) -> None:
    p12, passphrase, ca_pem = certificate
    signed = sign_pdf(normal_pdf, p12, passphrase)
    tampered = bytearray(signed)
    tampered[len(normal_pdf) // 2] ^= 0x01  # inside the signed original revision
    status = signature_status(bytes(tampered), [ca_pem])
    assert status.signed
    assert not status.intact
    assert not status.ok
    assert status.detail


def test_other_checks_fail_as_they_should(
    normal_pdf: bytes, certificate: tuple[Path, bytes, bytes], tmp_path: Path
) -> None:
    p12, passphrase, ca_pem = certificate
    signed = sign_pdf(normal_pdf, p12, passphrase)

    unsigned = signature_status(normal_pdf, [ca_pem])
    assert not unsigned.signed and not unsigned.ok

    appended = signature_status(signed + b"\n%% appended\n", [ca_pem])
    assert appended.intact and not appended.covers_whole_file and not appended.ok

    _, _, other_ca = make_test_certificate(tmp_path)
    untrusted = signature_status(signed, [other_ca])
    assert untrusted.intact and untrusted.valid and untrusted.trusted is False
    assert not untrusted.ok

    assert not signature_status(b"%PDF-1.7 garbage").ok
