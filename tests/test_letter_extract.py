"""mailproc.intake.letter.extract: the attached letter's text from a text PDF, a DOCX, an ODT, a photo
or an image-only PDF (OCR), and hostile files refused within their limits, with no exception and no
process left behind. Fixtures are made on the spot (tests/letter_fixtures.py)."""
from __future__ import annotations

import os
import random
import re
import subprocess
import threading
import time

import pytest

import letter_fixtures as fx
from mailproc.intake.letter.extract import Extraction, Limits, extract, extract_all, is_letter_like

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT = "application/vnd.oasis.opendocument.text"
GRACE = 2.0          # seconds a call may take beyond its timeout
GARBAGE = random.Random(1).randbytes(4000)


@pytest.fixture(scope="module")
def letter_pdf() -> bytes:
    return fx.letter_pdf()


@pytest.fixture(scope="module")
def scan(letter_pdf):
    return fx.page_image(letter_pdf)


def normal(text: str) -> str:
    """Lower case, one space for any run of white space."""
    return " ".join(text.lower().split())


def assert_reads_letter(result: Extraction) -> None:
    """The Nomor, the Perihal and a phrase of the body, exactly (text layer, DOCX, ODT)."""
    assert result.error is None, result.error
    text = normal(result.text)
    assert "nomor" in text and fx.NOMOR.lower() in text
    assert "perihal" in text and fx.PERIHAL.lower() in text
    assert fx.BODY.lower() in text


def assert_ocr_reads_letter(result: Extraction) -> None:
    """The same from OCR, tolerating its usual slips (the III of the Nomor read as 111 or 11, a
    stray dash after a label)."""
    assert result.error is None, result.error
    assert result.source == "ocr"
    text = normal(result.text)
    assert re.search(r"nomor\W+005/217/\S{0,4}02/diskes/2026", text), text[:600]
    assert re.search(r"perihal\W+permohonan pemasangan jaringan internet", text), text[:600]
    assert "puskesmas liwa" in text


def refused(result: Extraction, timeout: float) -> None:
    assert result.error, result
    assert result.pages == () and result.source is None
    assert result.seconds < timeout + GRACE


# What counts as a letter.

@pytest.mark.parametrize("filename, content_type, expected", [
    ("Surat Permohonan.pdf", "application/octet-stream", True),
    ("surat", PDF, True),
    ("SURAT.DOCX", DOCX, True),
    ("surat.odt", ODT, True),
    ("IMG_20260303_101500.jpg", "image/jpeg", True),
    ("scan.TIFF", "image/tiff", True),
    ("IMG_4410.HEIC", "image/heic", True),
    ("foto", "image/png; name=foto", True),
    ("rekap.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", False),
    ("berkas.zip", "application/zip", False),
    ("smime.p7s", "application/pkcs7-signature", False),
    ("invite.ics", "text/calendar", False),
    ("logo.gif", "image/gif", False),
    ("surat.doc", "application/msword", False),
])
def test_is_letter_like(filename, content_type, expected):
    assert is_letter_like(filename, content_type) is expected


# Letters read.

def test_text_pdf_is_read_page_by_page_from_its_text_layer(letter_pdf):
    result = extract("surat.pdf", PDF, letter_pdf)
    assert_reads_letter(result)
    assert result.source == "pdf_text"
    assert [page.number for page in result.pages] == [1, 2]
    assert fx.SECOND_PAGE[0].lower() in normal(result.pages[1].text)
    assert result.text == result.pages[0].text + "\n\f\n" + result.pages[1].text


def test_max_pages_bounds_the_pages_read(letter_pdf):
    result = extract("surat.pdf", PDF, letter_pdf, Limits(max_pages=1))
    assert [page.number for page in result.pages] == [1]


def test_docx_reads_header_tables_and_paragraphs_in_order():
    result = extract("surat.docx", DOCX, fx.letter_docx())
    assert_reads_letter(result)
    assert result.source == "docx"
    text = normal(result.text)
    assert text.index("dinas kesehatan") < text.index("nomor") < text.index("perihal") < text.index("dengan hormat")


def test_odt_reads_tables_and_paragraphs_in_order():
    result = extract("surat.odt", ODT, fx.letter_odt())
    assert_reads_letter(result)
    assert result.source == "odt"
    text = normal(result.text)
    assert text.index("dinas kesehatan") < text.index("nomor") < text.index("perihal") < text.index("dengan hormat")


def test_the_bytes_decide_the_kind(letter_pdf):
    result = extract("surat.docx", DOCX, letter_pdf)       # a PDF mislabelled as a DOCX
    assert_reads_letter(result)
    assert result.source == "pdf_text"


def test_extract_all_takes_documents_first_and_at_most_max_documents(letter_pdf):
    attachments = [
        ("logo.png", "image/png", fx.png_header(40, 40)),
        ("rekap.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", b"PK\x03\x04"),
        ("smime.p7s", "application/pkcs7-signature", b"0\x82"),
        ("surat.pdf", PDF, letter_pdf),
        ("surat.docx", DOCX, fx.letter_docx()),
        ("surat.odt", ODT, fx.letter_odt()),
    ]
    results = extract_all(attachments, Limits(max_documents=3))
    assert [result.filename for result in results] == ["surat.pdf", "surat.docx", "surat.odt"]
    assert all(result.error is None for result in results)


def test_a_bigger_attachment_is_skipped_without_a_child(letter_pdf):
    result = extract("surat.pdf", PDF, letter_pdf, Limits(max_bytes=1000))
    assert result.error == f"{len(letter_pdf):,} bytes exceeds the limit of 1,000"
    assert result.pages == () and result.seconds < 0.05


def test_an_image_pdf_without_ocr_says_so(scan):
    result = extract("scan.pdf", PDF, fx.image_pdf(scan), Limits(ocr=False))
    assert result.error == "page 1 has no text layer and OCR is off"
    assert result.pages == ()


# OCR.

@pytest.mark.slow
@pytest.mark.parametrize("angle", [0, 3, 90, 180])
def test_phone_photo_is_read_at_any_orientation(scan, angle):
    result = extract(f"IMG_{angle}.jpg", "image/jpeg", fx.photo(scan, angle))
    assert_ocr_reads_letter(result)


@pytest.mark.slow
def test_image_only_pdf_is_ocred(scan):
    result = extract("scan.pdf", PDF, fx.image_pdf(scan))
    assert_ocr_reads_letter(result)


# Hostile files: refused within their limits, no exception.

HOSTILE = {
    "pdf flate bomb": ("bomb.pdf", PDF, fx.pdf_flate_bomb, "reader killed by"),
    "200 x 200 in page": ("huge.pdf", PDF, fx.pdf_huge_page, "1,600,000,000 pixels at 200 dpi"),
    "20,000 x 20,000 px png": ("huge.png", "image/png", fx.png_header,
                               "image of 400,000,000 pixels exceeds the limit of 40,000,000"),
    "docx zip bomb": ("bomb.docx", DOCX, fx.docx_zip_bomb, "uncompressed exceeds"),
    "garbage as pdf": ("surat.pdf", PDF, lambda: GARBAGE, "not a valid PDF"),
    "garbage as docx": ("surat.docx", DOCX, lambda: b"PK\x03\x04" + GARBAGE, "not a valid DOCX"),
    "garbage as image": ("foto.jpg", "image/jpeg", lambda: GARBAGE, "unsupported image format"),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_file_is_refused_within_limits(name):
    filename, content_type, make, reason = HOSTILE[name]
    limits = Limits(timeout=10)
    result = extract(filename, content_type, make(), limits)
    refused(result, limits.timeout)
    assert reason in result.error


def test_a_crash_keeps_the_pages_read_before_it():
    limits = Limits(timeout=10)
    result = extract("surat.pdf", PDF, fx.pdf_text_then_bomb(), limits)
    assert result.error.startswith("reader killed by")
    assert [page.number for page in result.pages] == [1] and result.source == "pdf_text"
    assert fx.NOMOR in result.text and fx.PERIHAL in result.text
    assert result.seconds < limits.timeout + GRACE


def test_encrypted_pdf_is_refused(letter_pdf):
    result = extract("surat.pdf", PDF, fx.encrypted_pdf(letter_pdf))
    refused(result, Limits().timeout)
    assert result.error == "encrypted PDF"


def test_ocr_past_its_time_limit_is_cut_off(scan):
    limits = Limits(timeout=0.5)
    result = extract("IMG.jpg", "image/jpeg", fx.photo(scan), limits)
    refused(result, limits.timeout)
    assert result.error == "timed out after 0.5 s"


# No process outlives its call.

def our_tesseracts() -> list[int]:
    """Tesseract processes started by a reader of this process (a fork of its reader process)."""
    found = subprocess.run(["pgrep", "-x", "tesseract"], capture_output=True, text=True).stdout.split()
    return [int(pid) for pid in found if os.getpid() in ancestors(int(pid), 3)]


def ancestors(pid: int, levels: int) -> list[int]:
    out = []
    for _ in range(levels):
        pid = parent(pid)
        if not pid:
            break
        out.append(pid)
    return out


def parent(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return int(stat.read().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return None


def alive(pid: int) -> bool:
    """Running, as opposed to gone or a zombie waiting for init to reap it."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def outlives(pids: list[int], seconds: float = 1.0) -> list[int]:
    """The processes still running after ``seconds`` (a SIGKILL is delivered, not awaited)."""
    deadline = time.monotonic() + seconds
    while any(alive(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.02)
    return [pid for pid in pids if alive(pid)]


def run_while_ocr(limits: Limits, scan, on_tesseract) -> tuple[Extraction, list[int]]:
    """extract() on a 5-page scanned PDF (5 s of OCR and more); ``on_tesseract(pid)`` once its
    Tesseract runs. The result and the pids."""
    outcome: list[Extraction] = []
    scanned = fx.image_pdf(scan, pages=5)
    worker = threading.Thread(target=lambda: outcome.append(extract("scan.pdf", PDF, scanned, limits)))
    worker.start()
    seen: list[int] = []
    while worker.is_alive() and not seen:
        seen = our_tesseracts()
        time.sleep(0.02)
    if seen:
        on_tesseract(seen[0])
    worker.join()
    return outcome[0], seen


@pytest.mark.slow
def test_timed_out_child_leaves_no_tesseract_behind(scan):
    result, seen = run_while_ocr(Limits(timeout=3), scan, lambda pid: None)
    assert seen, "Tesseract never started"
    assert result.error == "timed out after 3 s"
    assert not outlives(seen)


@pytest.mark.slow
def test_killed_child_leaves_no_tesseract_behind(scan):
    result, seen = run_while_ocr(Limits(timeout=20), scan, lambda pid: os.kill(parent(pid), 9))
    assert seen, "Tesseract never started"
    assert result.error == "reader killed by SIGKILL (a crash, or out of memory)"
    assert not outlives(seen)
