"""The child process that reads one attached letter; extract.py forks it (``serve``) and nothing
else should.

The request holds ``kind`` (what the name and MIME type announce: pdf, docx, odt or image) and
``limits`` (extract.Limits as a dict). The bytes themselves decide the kind when they carry a known
signature. The document is read as:

- PDF: the text layer, page by page (pypdfium2); a page with (almost) no text layer is rendered at
  ``ocr_dpi`` and OCRed. An encrypted PDF is refused.
- DOCX (python-docx): the first section's header, then paragraphs and tables in document order.
- ODT (odfpy): the first master page's header, then headings, paragraphs, lists and tables in order.
- Images (Pillow; HEIC only if the pillow_heif plugin is installed): up to ``max_pages`` frames, OCRed.

Limits, all enforced here before the work they bound: the child's address space (``memory_mb``), CPU
seconds (a little above ``timeout``; the parent kills the process group at ``timeout`` itself), no
file writes at all (RLIMIT_FSIZE 0: Tesseract reads the image on stdin and answers on stdout), no core
dumps; at most ``max_pages`` pages; every image and rendered page at most ``max_pixels``, checked from
the image header or the page size before anything is decoded; a DOCX/ODT's members at most
MAX_UNZIPPED_BYTES in all and no big member inflating more than MAX_INFLATE_RATIO times, from the zip
directory before anything is inflated.

Output, JSON lines to the parent, each sent as soon as it is known (so a timeout or a crash still
leaves the pages read before it): ``{"page": n, "text": "...", "source": "pdf_text"|"docx"|"odt"|"ocr"}``
per page, then ``{"error": null}`` or ``{"error": "one English line"}``.
"""
from __future__ import annotations

# Everything beyond these is imported where it is needed: the child pays only for its document's type.
import io
import json
import math
import os
import resource
import signal
import sys

MIN_TEXT_LAYER_CHARS = 20          # fewer non-blank characters on a PDF page: OCR the page instead
MAX_PAGE_CHARS = 100_000           # text kept per page (a letter page holds ~3,000)
MAX_UNZIPPED_BYTES = 100_000_000   # DOCX/ODT: all members inflated
MAX_INFLATE_RATIO = 100            # DOCX/ODT: for a member over BIG_MEMBER_BYTES inflated
BIG_MEMBER_BYTES = 1_000_000
IMAGE_FORMATS = ["JPEG", "PNG", "TIFF", "WEBP"]   # JPEG includes MPO, many phones' JPEGs
OCR_LONG_SIDE = 2300               # px: an A4 page at ~200 dpi, what Tesseract reads best and fast
OCR_LONG_SIDE_RANGE = (2000, 3000)  # images whose long side is outside are scaled to OCR_LONG_SIDE
MIN_LONG_SIDE = 600                # px: a smaller image is a logo or an icon, not a readable page
OCR_LANGUAGES = "ind+eng"
UNSHARP_MASK = (2, 150, 3)         # radius px, percent, threshold: measured best on blurred phone photos
OCR_CONFIDENT = 70                 # mean word confidence (0-100) of a pass that read the page upright
TEXT_LAYOUT_PSM = "3"              # Tesseract: automatic page segmentation, no orientation detection
ORIENTING_PSM = "1"                # the same with orientation detection: reads pages turned 90/180/270°


class Refused(Exception):
    """The document, or a page of it, is not read; the message says why in one line."""


class Output:
    """The JSON lines on stdout; keeps the first page-level problem for the final line."""

    def __init__(self, stream):
        self.stream = stream
        self.problem: str | None = None
        self.pages = 0

    def page(self, number: int, text: str, source: str) -> None:
        text = text.strip()
        if text:
            self.pages += 1
            self._line({"page": number, "text": text[:MAX_PAGE_CHARS], "source": source})

    def skip(self, reason: str) -> None:
        self.problem = self.problem or reason

    def done(self, error: str | None) -> None:
        self._line({"error": error or self.problem or (None if self.pages else "no text found")})

    def _line(self, record: dict) -> None:
        self.stream.write(json.dumps(record) + "\n")
        self.stream.flush()


def confine(limits: dict) -> None:
    """Resource limits for this process and the Tesseract it starts."""
    cpu = math.ceil(limits["timeout"]) + 2
    lower(resource.RLIMIT_AS, limits["memory_mb"] << 20)
    lower(resource.RLIMIT_CPU, cpu, cpu + 1)      # SIGXCPU at the soft limit, SIGKILL at the hard one
    lower(resource.RLIMIT_FSIZE, 0)
    lower(resource.RLIMIT_CORE, 0)
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)   # a stray write fails with EFBIG instead of killing
    sys.dont_write_bytecode = True


def lower(limit: int, soft: int, hard: int | None = None) -> None:
    """Set ``limit``, never above the hard limit this process was given."""
    _, given = resource.getrlimit(limit)
    hard = soft if hard is None else hard
    if given != resource.RLIM_INFINITY:
        soft, hard = min(soft, given), min(hard, given)
    resource.setrlimit(limit, (soft, hard))


def sniff(data: bytes, announced: str) -> str:
    """The kind the bytes show (a PDF, a zip, a known image signature), else what was announced."""
    if data.startswith(b"PK\x03\x04"):
        is_odt = data[30:38] == b"mimetype" and data[38:].startswith(b"application/vnd.oasis.opendocument.text")
        return "odt" if is_odt else "docx"
    image_signatures = (b"\xff\xd8\xff", b"\x89PNG", b"II*\x00", b"MM\x00*")
    if data.startswith(image_signatures) or (data[:4] == b"RIFF" and data[8:12] == b"WEBP"):
        return "image"
    if b"%PDF-" in data[:1024]:      # some producers put junk before the header; readers accept it
        return "pdf"
    return announced


# PDF

def read_pdf(data: bytes, limits: dict, out: Output) -> None:
    import pypdfium2 as pdfium
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise Refused("encrypted PDF" if exc.err_code == pdfium.raw.FPDF_ERR_PASSWORD
                      else f"not a valid PDF ({exc})") from None
    for index in range(min(len(document), limits["max_pages"])):
        page = document[index]
        text = page.get_textpage().get_text_bounded()
        if len("".join(text.split())) >= MIN_TEXT_LAYER_CHARS:
            out.page(index + 1, text, "pdf_text")
        elif not limits["ocr"]:
            out.skip(f"page {index + 1} has no text layer and OCR is off")
        else:
            try:
                out.page(index + 1, ocr(render(page, index + 1, limits)), "ocr")
            except Refused as exc:
                out.skip(str(exc))


def render(page, number: int, limits: dict):
    """The page as a grayscale image at ``ocr_dpi``, refused from its size alone if too many pixels."""
    dpi = limits["ocr_dpi"]
    width, height = page.get_size()                      # points, 1/72 in
    pixels = math.ceil(width * dpi / 72) * math.ceil(height * dpi / 72)
    if pixels > limits["max_pixels"]:
        raise Refused(f"page {number} of {width / 72:.0f} × {height / 72:.0f} in would be {pixels:,} pixels "
                      f"at {dpi} dpi, over the limit of {limits['max_pixels']:,}")
    return page.render(scale=dpi / 72, grayscale=True, may_draw_forms=False).to_pil()


# DOCX and ODT

def check_zip(data: bytes, what: str) -> None:
    """Refuse a zip whose directory announces too much inflated data, before inflating any of it."""
    import zipfile
    try:
        members = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError, EOFError) as exc:
        raise Refused(f"not a valid {what} ({exc})") from None
    total = sum(member.file_size for member in members)
    if total > MAX_UNZIPPED_BYTES:
        raise Refused(f"not a valid {what}: {total:,} bytes uncompressed exceeds {MAX_UNZIPPED_BYTES:,} (zip bomb?)")
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > BIG_MEMBER_BYTES and ratio > MAX_INFLATE_RATIO:
            raise Refused(f"not a valid {what}: {member.filename} inflates {ratio:,.0f} times (zip bomb?)")


def read_docx(data: bytes, limits: dict, out: Output) -> None:
    check_zip(data, "DOCX")
    import docx
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:   # python-docx raises anything from KeyError to lxml's XMLSyntaxError
        raise Refused(f"not a valid DOCX ({type(exc).__name__}: {exc})") from None
    blocks = list(_docx_header(document)) + list(document.iter_inner_content())
    out.page(1, "\n".join(_docx_text(block) for block in blocks), "docx")


def _docx_header(document):
    """The first section's header (the letterhead, when it is not in the body), if it has one."""
    if not document.sections:
        return ()
    section = document.sections[0]
    header = section.first_page_header if section.different_first_page_header_footer else section.header
    return () if header.is_linked_to_previous else header.iter_inner_content()


def _docx_text(block) -> str:
    """A paragraph's text; a table one line per row, cells separated by tabs (merged cells once)."""
    from docx.table import Table
    if not isinstance(block, Table):
        return block.text
    lines = []
    for row in block.rows:
        cells = list({id(cell._tc): cell for cell in row.cells}.values())
        lines.append("\t".join(" ".join(_docx_text(inner) for inner in cell.iter_inner_content())
                               for cell in cells))
    return "\n".join(lines)


def read_odt(data: bytes, limits: dict, out: Output) -> None:
    check_zip(data, "ODT")
    from odf import opendocument, style
    try:
        document = opendocument.load(io.BytesIO(data))
    except Exception as exc:   # odfpy raises anything from KeyError to SAX errors
        raise Refused(f"not a valid ODT ({type(exc).__name__}: {exc})") from None
    masters = document.masterstyles.getElementsByType(style.MasterPage)
    headers = masters[0].getElementsByType(style.Header) if masters else []
    lines = [line for node in [*headers, document.text] for line in _odt_lines(node)]
    out.page(1, "\n".join(lines), "odt")


def _odt_lines(node):
    """Headings and paragraphs in order, wherever they are (lists, sections, frames); a table row
    as one line, cells separated by tabs."""
    from odf import teletype
    from odf.namespaces import TABLENS, TEXTNS
    for child in node.childNodes:
        name = getattr(child, "qname", None)
        if name in ((TEXTNS, "p"), (TEXTNS, "h")):
            yield teletype.extractText(child)
        elif name == (TABLENS, "table-row"):
            cells = (cell for cell in child.childNodes if getattr(cell, "qname", None) == (TABLENS, "table-cell"))
            yield "\t".join(" ".join(_odt_lines(cell)) for cell in cells)
        elif name is not None:
            yield from _odt_lines(child)


# Images

def read_image(data: bytes, limits: dict, out: Output) -> None:
    if not limits["ocr"]:
        raise Refused("an image, and OCR is off")
    from PIL import Image, UnidentifiedImageError
    formats = IMAGE_FORMATS + _heif_format()
    # Pillow's own guard would judge the size before a JPEG is set to decode at a reduced scale, and
    # in its own words: prepare() checks every frame against max_pixels before it is decoded instead.
    Image.MAX_IMAGE_PIXELS = None
    try:
        image = Image.open(io.BytesIO(data), formats=formats)
    except UnidentifiedImageError:
        raise Refused("unsupported image format") from None
    frames = image.n_frames if image.format == "TIFF" else 1    # an MPO's second frame is a preview
    for frame in range(min(frames, limits["max_pages"])):
        image.seek(frame)
        out.page(frame + 1, ocr(prepare(image, limits["max_pixels"])), "ocr")


def _heif_format() -> list[str]:
    """HEIC/HEIF (iPhone photos) when the pillow_heif plugin is installed."""
    try:
        import pillow_heif
    except ImportError:
        return []
    pillow_heif.register_heif_opener()
    return ["HEIF"]


def prepare(image, max_pixels: int):
    """A photo or scan made easy for Tesseract: upright per EXIF, grey, the long side scaled to
    OCR_LONG_SIDE when far from it. The size is checked first; a JPEG is decoded straight at the
    reduced size (DCT scaling), so a big phone photo costs little."""
    from PIL import Image, ImageOps
    if max(image.size) < MIN_LONG_SIDE:
        raise Refused(f"image of {image.width} × {image.height} px is too small to be a letter")
    long_side = max(image.size)
    scale = 1 if OCR_LONG_SIDE_RANGE[0] <= long_side <= OCR_LONG_SIDE_RANGE[1] else OCR_LONG_SIDE / long_side
    image.draft("L", (math.ceil(image.width * scale), math.ceil(image.height * scale)))
    if image.width * image.height > max_pixels:
        raise Refused(f"image of {image.width * image.height:,} pixels exceeds the limit of {max_pixels:,}")
    image = ImageOps.exif_transpose(image).convert("L")
    if scale != 1:
        scale = OCR_LONG_SIDE / max(image.size)      # the JPEG decoder may have scaled already
        image = image.resize((round(image.width * scale), round(image.height * scale)), Image.Resampling.LANCZOS)
    return image


# OCR

def ocr(image) -> str:
    """The text of a grey page image, its contrast stretched and its edges sharpened first (an
    out-of-focus photo reads much better, a sharp one as well). A first pass without orientation
    detection reads an upright page (most scans and photos) fastest; when its words are mostly
    unsure, the page is probably turned, and a second pass with orientation detection reads it.
    The surer of the two wins."""
    from PIL import ImageFilter, ImageOps
    png = io.BytesIO()
    sharpened = ImageOps.autocontrast(image, cutoff=1).filter(ImageFilter.UnsharpMask(*UNSHARP_MASK))
    sharpened.save(png, "PNG", compress_level=1)
    text, confidence = tesseract(png.getvalue(), TEXT_LAYOUT_PSM)
    if confidence < OCR_CONFIDENT:
        second = tesseract(png.getvalue(), ORIENTING_PSM)
        text, confidence = max((text, confidence), second, key=lambda result: result[1])
    return text


def tesseract(image: bytes, psm: str) -> tuple[str, float]:
    """Tesseract on ``image`` (stdin to stdout, no files): the text and the words' mean confidence."""
    import subprocess
    command = ["tesseract", "stdin", "stdout", "-l", OCR_LANGUAGES, "--psm", psm, "tsv"]
    try:
        done = subprocess.run(command, input=image, capture_output=True,
                              env={**os.environ, "OMP_THREAD_LIMIT": "1"})
    except FileNotFoundError:
        raise Refused("OCR unavailable: tesseract is not installed") from None
    if done.returncode != 0:
        last = (done.stderr.decode(errors="replace").strip().splitlines() or ["no message"])[-1]
        raise Refused(f"tesseract failed (exit {done.returncode}): {last[:120]}")
    return text_from_tsv(done.stdout.decode(errors="replace"))


def text_from_tsv(tsv: str) -> tuple[str, float]:
    """Tesseract's TSV back to text (a line per line, a blank line between paragraphs) and the
    mean confidence of its words (0 when there are none)."""
    lines: list[str] = []
    confidences: list[float] = []
    where = None
    for row in tsv.splitlines()[1:]:
        fields = row.split("\t")
        if len(fields) != 12 or fields[0] != "5" or not fields[11].strip():
            continue
        block, paragraph, line = fields[2:5]
        if where is None or (block, paragraph) != where[:2]:
            lines += [""] if lines else []
        if (block, paragraph, line) != where:
            lines.append(fields[11])
        else:
            lines[-1] += " " + fields[11]
        where = (block, paragraph, line)
        confidences.append(float(fields[10]))
    return "\n".join(lines), math.fsum(confidences) / len(confidences) if confidences else 0.0


READERS = {"pdf": read_pdf, "docx": read_docx, "odt": read_odt, "image": read_image}


def serve(request: str, data: bytes, answer, environment: dict[str, str]) -> None:
    """The same, in a process forked from the warm reader process (extract.py): its own session
    (the parent kills the whole group at the timeout), the reader's environment only, stdin and
    stdout on /dev/null, the JSON lines to ``answer`` (a multiprocessing Connection)."""
    os.setsid()
    os.environ.clear()
    os.environ.update(environment)
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1):
        os.dup2(null, fd)
    read(json.loads(request), data, Output(_Answer(answer)))


class _Answer:
    """A Connection as the line stream Output writes to."""

    def __init__(self, connection):
        self.connection = connection

    def write(self, line: str) -> None:
        self.connection.send_bytes(line.rstrip("\n").encode())

    def flush(self) -> None:
        pass


def read(request: dict, data: bytes, out: Output) -> None:
    """Confine this process, read ``data`` as ``request`` says, and write the final line."""
    limits = request["limits"]
    confine(limits)
    kind = sniff(data[:limits["max_bytes"] + 1], request["kind"])
    try:
        READERS[kind](data, limits, out)
        error = None
    except Refused as exc:
        error = str(exc)
    except MemoryError:
        error = f"out of memory (limit {limits['memory_mb']} MB)"
    except Exception as exc:   # a library choking on a hostile file: reported, not a traceback
        error = f"unreadable {kind.upper()} ({type(exc).__name__}: {exc})"[:200]
    out.done(error)
