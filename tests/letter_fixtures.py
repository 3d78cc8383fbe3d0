"""Letters made on the spot for tests/test_letter_extract.py and bench/letters.py: one official request
letter (surat permohonan) as a 2-page text PDF, a DOCX, an ODT, a phone photo, an image-only PDF; and
hostile files that the extractor must refuse cheaply (a PDF flate bomb, a huge page, a huge PNG header,
an encrypted PDF, a DOCX zip bomb). Every maker is cheap: no fixture costs more than a fraction of a second."""
from __future__ import annotations

import io
import struct
import zlib

NOMOR = "005/217/III.02/DISKES/2026"
PERIHAL = "Permohonan Pemasangan Jaringan Internet"
BODY = "memohon bantuan pemasangan jaringan internet di Puskesmas Liwa"

LETTERHEAD = ("PEMERINTAH KABUPATEN LAMPUNG BARAT", "DINAS KESEHATAN",
              "Jalan Raden Intan No. 12 Liwa, Lampung Barat 34812")
HEADING = (("Nomor", NOMOR), ("Lampiran", "1 (satu) berkas"), ("Perihal", PERIHAL))
PARAGRAPHS = (
    "Dengan hormat,",
    f"Sehubungan dengan dibukanya layanan rawat inap, dengan ini kami {BODY} yang meliputi "
    "ruang pendaftaran, ruang farmasi dan ruang rawat inap.",
    "Kebutuhan sambungan diperkirakan sebanyak 12 (dua belas) titik dengan kapasitas minimal "
    "50 Mbps. Daftar ruangan beserta penanggung jawab masing-masing kami lampirkan pada surat ini.",
    "Demikian permohonan ini kami sampaikan. Atas perhatian dan kerja sama Bapak, kami ucapkan "
    "terima kasih.",
)
SECOND_PAGE = ("Lampiran: daftar ruangan yang memerlukan sambungan jaringan internet",
               "Ruang pendaftaran, ruang farmasi, ruang rawat inap, ruang tata usaha.")

_HTML = """<html><head><style>
@page {{ size: A4; margin: 2cm 2.5cm; }}
body {{ font-family: 'Liberation Serif', serif; font-size: 12pt; line-height: 1.4; }}
.kop {{ text-align: center; border-bottom: 3px double black; margin-bottom: 1em; }}
.kop p {{ margin: 0; }} .kop .big {{ font-size: 15pt; font-weight: bold; }}
td {{ padding: 0 .4em 0 0; vertical-align: top; }}
</style></head><body>
<div class="kop">{kop}</div>
<p style="text-align: right">Liwa, 3 Maret 2026</p>
<table>{heading}</table>
<p>Kepada Yth.<br>Kepala Dinas Komunikasi dan Informatika<br>Kabupaten Lampung Barat<br>di Liwa</p>
{paragraphs}
<p style="margin-left: 55%">Kepala Dinas Kesehatan,<br><br><br>dr. Hendra Gunawan, M.Kes.<br>NIP 197805122005011003</p>
<p style="page-break-before: always"><b>{second_title}</b></p><p>{second_text}</p>
</body></html>"""


def letter_html() -> str:
    kop = "".join(f'<p class="{"big" if i < 2 else ""}">{line}</p>' for i, line in enumerate(LETTERHEAD))
    heading = "".join(f"<tr><td>{label}</td><td>:</td><td>{value}</td></tr>" for label, value in HEADING)
    return _HTML.format(kop=kop, heading=heading, paragraphs="".join(f"<p>{p}</p>" for p in PARAGRAPHS),
                        second_title=SECOND_PAGE[0], second_text=SECOND_PAGE[1])


def letter_pdf() -> bytes:
    """The letter as Word would export it: two A4 pages with a text layer."""
    import weasyprint
    return weasyprint.HTML(string=letter_html()).write_pdf()


def letter_docx() -> bytes:
    """The letter in Word: letterhead in the header, the Nomor/Lampiran/Perihal block a table."""
    import docx
    document = docx.Document()
    header = document.sections[0].header
    for line in LETTERHEAD:
        header.add_paragraph(line)
    document.add_paragraph("Liwa, 3 Maret 2026")
    table = document.add_table(rows=len(HEADING), cols=3)
    for row, (label, value) in zip(table.rows, HEADING):
        for cell, text in zip(row.cells, (label, ":", value)):
            cell.text = text
    for paragraph in PARAGRAPHS:
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def letter_odt() -> bytes:
    """The letter in LibreOffice Writer, the heading block a table."""
    from odf import table, text
    from odf.opendocument import OpenDocumentText
    document = OpenDocumentText()
    for line in LETTERHEAD:
        document.text.addElement(text.H(outlinelevel=1, text=line))
    grid = table.Table(name="Kepala")
    grid.addElement(table.TableColumn(numbercolumnsrepeated=3))
    for label, value in HEADING:
        row = table.TableRow()
        for cell_text in (label, ":", value):
            cell = table.TableCell()
            cell.addElement(text.P(text=cell_text))
            row.addElement(cell)
        grid.addElement(row)
    document.text.addElement(grid)
    for paragraph in PARAGRAPHS:
        document.text.addElement(text.P(text=paragraph))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def page_image(pdf: bytes, page: int = 0, dpi: int = 200):
    """One page of a PDF as a grayscale Pillow image (a flatbed scan at ``dpi``)."""
    import pypdfium2
    document = pypdfium2.PdfDocument(pdf)
    try:
        return document[page].render(scale=dpi / 72, grayscale=True).to_pil()
    finally:
        document.close()


def photo(scan, angle: float = 0.0, quality: int = 70, blur: float = 1.0) -> bytes:
    """A phone photo of ``scan``: rotated by ``angle`` degrees (counter-clockwise) on a grey table,
    unevenly lit, slightly out of focus, JPEG-compressed."""
    from PIL import Image, ImageFilter
    paper = scan.convert("RGB")
    shadow = Image.linear_gradient("L").resize(paper.size).point(lambda v: 255 - v // 5)
    lit = Image.composite(paper, Image.new("RGB", paper.size, (150, 150, 150)), shadow)
    turned = lit.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(90, 85, 80))
    out = io.BytesIO()
    turned.filter(ImageFilter.GaussianBlur(blur)).save(out, "JPEG", quality=quality)
    return out.getvalue()


def image_pdf(scan, dpi: int = 200, pages: int = 1) -> bytes:
    """A scanner's PDF: ``pages`` copies of the page, only as an image, no text layer."""
    out = io.BytesIO()
    page = scan.convert("L")
    page.save(out, "PDF", resolution=dpi, save_all=True, append_images=[page] * (pages - 1))
    return out.getvalue()


# Hostile files.

def _pdf(*pages: tuple[tuple[int, int], bytes, bytes]) -> bytes:
    """A minimal PDF of ``pages``, each (media box size, content stream, its filter entries), with a
    correct cross-reference table; text in Helvetica as /F1."""
    kids = b" ".join(b"%d 0 R" % (4 + 2 * index) for index in range(len(pages)))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(pages)),
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    for index, (size, content, filters) in enumerate(pages):
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R "
                       b"/Resources << /Font << /F1 3 0 R >> >> >>" % (*size, 5 + 2 * index))
        objects.append(b"<< /Length %d %s>>\nstream\n" % (len(content), filters) + content + b"\nendstream")
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _zeros_deflated(size_mib: int) -> bytes:
    """Raw deflate of ``size_mib`` MiB of zero bytes, in ~1/1000 of the size and no time: one
    16 MiB block compressed once and repeated (a full flush makes each block stand alone)."""
    chunk = 16
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(bytes(chunk << 20)) + compressor.flush(zlib.Z_FULL_FLUSH)
    return block * (size_mib // chunk) + b"\x03\x00"   # an empty final block ends the stream


def _bomb_page(size_mib: int) -> tuple[tuple[int, int], bytes, bytes]:
    """A letter-size page whose content stream inflates to ``size_mib`` MiB of zeros (white space
    to a PDF parser)."""
    size = (size_mib // 16 * 16) << 20
    adler = (size % 65521) << 16 | 1            # Adler-32 of ``size`` zero bytes
    stream = b"\x78\xda" + _zeros_deflated(size_mib) + struct.pack(">I", adler)
    return (612, 792), stream, b"/Filter /FlateDecode "


def pdf_flate_bomb(size_mib: int = 1024) -> bytes:
    """A one-page PDF whose page inflates to ``size_mib`` MiB: about 1 MB on disk."""
    return _pdf(_bomb_page(size_mib))


def pdf_text_then_bomb(size_mib: int = 1024) -> bytes:
    """Page 1 a short text (the Nomor and Perihal lines), page 2 a flate bomb."""
    text = b"BT /F1 12 Tf 72 720 Td (Nomor : %s) Tj 0 -16 Td (Perihal : %s) Tj ET" % (
        NOMOR.encode(), PERIHAL.encode())
    return _pdf(((612, 792), text, b""), _bomb_page(size_mib))


def pdf_huge_page(inches: int = 200) -> bytes:
    """A textless page of ``inches`` × ``inches`` (PDF's largest is 200 in): 1.6 Gpx at 200 dpi."""
    return _pdf(((inches * 72, inches * 72), b"0 0 m 100 100 l S", b""))


def png_header(width: int = 20_000, height: int = 20_000) -> bytes:
    """A PNG that announces ``width`` × ``height`` 8-bit grey pixels and holds one row of them;
    decoding it would take 400 MB."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(bytes(width + 1))) + chunk(b"IEND", b""))


def encrypted_pdf(pdf: bytes, password: str = "rahasia") -> bytes:
    """``pdf`` encrypted with a user password (nothing opens it without one)."""
    import pypdf
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password=password, owner_password=password + "-owner", algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def docx_zip_bomb(size_mib: int = 2048) -> bytes:
    """A "DOCX" whose word/document.xml inflates to ``size_mib`` MiB of zeros (~2 MB on disk).
    The CRC is left at 0: nothing should read far enough to check it."""
    name = b"word/document.xml"
    data = _zeros_deflated(size_mib)
    size = (size_mib // 16 * 16) << 20
    fields = struct.pack("<HHHHHIII", 20, 0, 8, 0, 0, 0, len(data), size)
    local = b"PK\x03\x04" + fields + struct.pack("<HH", len(name), 0) + name
    central = (b"PK\x01\x02" + struct.pack("<H", 20) + fields
               + struct.pack("<HHHHHII", len(name), 0, 0, 0, 0, 0, 0) + name)
    end = b"PK\x05\x06" + struct.pack("<HHHHIIH", 0, 0, 1, 1, len(central), len(local) + len(data), 0)
    return local + data + central + end
