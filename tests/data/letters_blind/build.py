"""Build the blind letter set (tests/data/letters_blind).

48 covering mails to aptika@lampungbaratkab.go.id, each carrying an official letter (surat) of an
OPD of Kabupaten Lampung Barat as a text PDF, a DOCX, an ODT, a phone photo (JPEG), a flatbed scan
(PNG / TIFF) or an image-only scanned PDF. The covering text is mostly a generic two-liner; the
letter carries the meaning. labels.csv holds what each letter says (written here, by hand, before
any run): is_ticket, category, priority, number, subject (Perihal/Hal), date, opd, source.

Deterministic: fixed dates, Message-IDs, MIME boundaries, random seeds and zip timestamps.
Needs the project venv (weasyprint, python-docx, odfpy, Pillow, pypdfium2). Run from the repo root:

    .venv/bin/python tests/data/letters_blind/build.py

Every name, NIP, number, address and text below is invented for this set.
"""
from __future__ import annotations

import base64
import csv
import datetime as dt
import hashlib
import html
import io
import math
import random
import zipfile
from email.message import Message
from email.utils import format_datetime, formataddr
from pathlib import Path

import docx
import pypdfium2 as pdfium
import weasyprint
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from odf import table as otable
from odf import text as otext
from odf.opendocument import OpenDocumentText
from odf.style import (GraphicProperties, PageLayout, PageLayoutProperties, MasterPage,
                       ParagraphProperties, Style, TableCellProperties, TableColumnProperties,
                       TableProperties, TextProperties)
from odf.draw import Frame, Image as OdfImage
from PIL import Image, ImageChops, ImageDraw, ImageFilter

HERE = Path(__file__).resolve().parent
APTIKA = "aptika@lampungbaratkab.go.id"
ROOT = "lampungbaratkab.go.id"
WIB = dt.timezone(dt.timedelta(hours=7))
ZIP_TIME = (2026, 12, 1, 8, 0, 0)

BULAN = ["", "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
         "September", "Oktober", "November", "Desember"]


def _h(s: str, n: int = 12) -> str:
    return hashlib.sha1(s.encode()).hexdigest()[:n]


def rng_for(key: str) -> random.Random:
    return random.Random("letters_blind:" + key)


# =========================================================================== agencies (the kop)
# opd: the registry name (labels.csv); kop: lines under PEMERINTAH KABUPATEN LAMPUNG BARAT (the last
# is the largest); addr: the address line; web: an optional second small line; domain: its mail
# domain (None: the shared root domain); short: the text inside the stamp.

AG: dict[str, dict] = {
    "setda": dict(opd="Sekretariat Daerah", kop=["SEKRETARIAT DAERAH"],
                  addr="Jalan Raden Intan No. 1 Way Mengaku, Liwa, Telp. (0728) 21002, Kode Pos 34812",
                  web="Laman: setda.lampungbaratkab.go.id", domain="setda." + ROOT, short="SEKRETARIAT DAERAH"),
    "dprd": dict(opd="Sekretariat DPRD", kop=["SEKRETARIAT DEWAN PERWAKILAN RAKYAT DAERAH"],
                 addr="Jalan Raden Intan No. 4 Liwa, Telp. (0728) 21044, Kode Pos 34812",
                 web=None, domain="dprd." + ROOT, short="SEKRETARIAT DPRD"),
    "inspektorat": dict(opd="Inspektorat", kop=["INSPEKTORAT DAERAH"],
                        addr="Jalan Teratai No. 7 Way Mengaku, Liwa, Telp. (0728) 21190, Kode Pos 34812",
                        web="Laman: inspektorat.lampungbaratkab.go.id", domain="inspektorat." + ROOT,
                        short="INSPEKTORAT"),
    "bappeda": dict(opd="Badan Perencanaan Pembangunan Daerah (Bappeda)",
                    kop=["BADAN PERENCANAAN PEMBANGUNAN DAERAH"],
                    addr="Jalan Raden Intan No. 12 Liwa, Telp. (0728) 21107, Kode Pos 34812",
                    web="Laman: bappeda.lampungbaratkab.go.id", domain="bappeda." + ROOT, short="BAPPEDA"),
    "bpkd": dict(opd="Badan Pengelolaan Keuangan Daerah (BPKD)", kop=["BADAN PENGELOLAAN KEUANGAN DAERAH"],
                 addr="Jalan Lintas Liwa - Krui Km. 2 Way Mengaku, Liwa, Telp. (0728) 21216, Kode Pos 34812",
                 web=None, domain="bpkd." + ROOT, short="BPKD"),
    "bkpsdm": dict(opd="Badan Kepegawaian dan Pengembangan Sumber Daya Manusia (BKPSDM)",
                   kop=["BADAN KEPEGAWAIAN DAN PENGEMBANGAN", "SUMBER DAYA MANUSIA"],
                   addr="Jalan Raden Intan No. 9 Liwa, Telp. (0728) 21071, Kode Pos 34812",
                   web="Laman: bkpsdm.lampungbaratkab.go.id", domain="bkpsdm." + ROOT, short="BKPSDM",
                   kop_equal=True),
    "bpbd": dict(opd="Badan Penanggulangan Bencana Daerah (BPBD)", kop=["BADAN PENANGGULANGAN BENCANA DAERAH"],
                 addr="Jalan Lintas Sumatera Pasar Liwa, Telp. (0728) 21955, Kode Pos 34812",
                 web="Pusdalops 24 jam: (0728) 21956", domain="bpbd." + ROOT, short="BPBD"),
    "disdik": dict(opd="Dinas Pendidikan dan Kebudayaan", kop=["DINAS PENDIDIKAN DAN KEBUDAYAAN"],
                   addr="Jalan Sultan Haji No. 2 Liwa, Telp. (0728) 21030, Kode Pos 34812",
                   web="Laman: disdik.lampungbaratkab.go.id", domain="disdik." + ROOT,
                   short="DINAS PENDIDIKAN"),
    "diskes": dict(opd="Dinas Kesehatan", kop=["DINAS KESEHATAN"],
                   addr="Jalan Kesehatan No. 3 Way Mengaku, Liwa, Telp. (0728) 21012, Kode Pos 34812",
                   web="Laman: diskes.lampungbaratkab.go.id", domain="diskes." + ROOT, short="DINAS KESEHATAN"),
    "rsud": dict(opd="RSUD Alimuddin Umar", kop=["RUMAH SAKIT UMUM DAERAH ALIMUDDIN UMAR"],
                 addr="Jalan Lintas Liwa - Ranau Km. 3 Sebarus, Liwa, Telp. (0728) 21119, Kode Pos 34812",
                 web="Laman: rsud.lampungbaratkab.go.id  IGD 24 jam: (0728) 21120", domain="rsud." + ROOT,
                 short="RSUD ALIMUDDIN UMAR"),
    "pupr": dict(opd="Dinas Pekerjaan Umum dan Penataan Ruang (PUPR)",
                 kop=["DINAS PEKERJAAN UMUM DAN PENATAAN RUANG"],
                 addr="Jalan Raden Intan No. 21 Liwa, Telp. (0728) 21088, Kode Pos 34812",
                 web=None, domain="pupr." + ROOT, short="DINAS PUPR"),
    "disdukcapil": dict(opd="Dinas Kependudukan dan Pencatatan Sipil (Disdukcapil)",
                        kop=["DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL"],
                        addr="Jalan Ahmad Yani No. 5 Liwa, Telp. (0728) 21563, Kode Pos 34812",
                        web="Laman: disdukcapil.lampungbaratkab.go.id", domain="disdukcapil." + ROOT,
                        short="DISDUKCAPIL"),
    "dinsos": dict(opd="Dinas Sosial", kop=["DINAS SOSIAL"],
                   addr="Jalan Teratai No. 11 Way Mengaku, Liwa, Telp. (0728) 21332, Kode Pos 34812",
                   web=None, domain="dinsos." + ROOT, short="DINAS SOSIAL"),
    "dpmptsp": dict(opd="Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu (DPMPTSP)",
                    kop=["DINAS PENANAMAN MODAL DAN", "PELAYANAN TERPADU SATU PINTU"],
                    addr="Gedung Mal Pelayanan Publik, Jalan Raden Intan No. 15 Liwa, Telp. (0728) 21600, "
                         "Kode Pos 34812",
                    web=None, domain="dpmptsp." + ROOT, short="DPMPTSP", kop_equal=True),
    "pertanian": dict(opd="Dinas Pertanian", kop=["DINAS PERTANIAN"],
                      addr="Jalan Lintas Liwa - Ranau Km. 1 Liwa, Telp. (0728) 21066, Kode Pos 34812",
                      web=None, domain=None, short="DINAS PERTANIAN"),
    "dishub": dict(opd="Dinas Perhubungan", kop=["DINAS PERHUBUNGAN"],
                   addr="Jalan Lintas Sumatera Simpang Luas, Liwa, Telp. (0728) 21770, Kode Pos 34812",
                   web=None, domain=None, short="DINAS PERHUBUNGAN"),
    "pariwisata": dict(opd="Dinas Pariwisata", kop=["DINAS PARIWISATA"],
                       addr="Jalan Raden Intan No. 33 Liwa, Telp. (0728) 21804, Kode Pos 34812",
                       web=None, domain=None, short="DINAS PARIWISATA"),
    "satpolpp": dict(opd="Satuan Polisi Pamong Praja (Satpol PP)", kop=["SATUAN POLISI PAMONG PRAJA"],
                     addr="Jalan Teratai No. 2 Way Mengaku, Liwa, Telp. (0728) 21113, Kode Pos 34812",
                     web=None, domain=None, short="SATPOL PP"),
    "perpus": dict(opd="Dinas Perpustakaan dan Kearsipan", kop=["DINAS PERPUSTAKAAN DAN KEARSIPAN"],
                   addr="Jalan Sultan Haji No. 8 Liwa, Telp. (0728) 21455, Kode Pos 34812",
                   web=None, domain=None, short="DINAS PERPUSTAKAAN"),
    "kec_bb": dict(opd="Kecamatan Balik Bukit", kop=["KECAMATAN BALIK BUKIT"],
                   addr="Jalan Raden Intan No. 40 Pasar Liwa, Telp. (0728) 21021, Kode Pos 34812",
                   web=None, domain=None, short="KECAMATAN BALIK BUKIT"),
    "kec_sukau": dict(opd="Kecamatan Sukau", kop=["KECAMATAN SUKAU"],
                      addr="Jalan Raya Sukau No. 1 Pekon Buay Nyerupa, Sukau, Kode Pos 34873",
                      web=None, domain=None, short="KECAMATAN SUKAU"),
    "kec_belalau": dict(opd="Kecamatan Belalau", kop=["KECAMATAN BELALAU"],
                        addr="Jalan Raya Kenali No. 17 Belalau, Kode Pos 34872",
                        web=None, domain=None, short="KECAMATAN BELALAU"),
    "kec_waytenong": dict(opd="Kecamatan Way Tenong", kop=["KECAMATAN WAY TENONG"],
                          addr="Jalan Raya Fajar Bulan No. 2 Way Tenong, Kode Pos 34884",
                          web=None, domain=None, short="KECAMATAN WAY TENONG"),
    "kec_sekincau": dict(opd="Kecamatan Sekincau", kop=["KECAMATAN SEKINCAU"],
                         addr="Jalan Lintas Liwa - Bukit Kemuning Sekincau, Kode Pos 34885",
                         web=None, domain=None, short="KECAMATAN SEKINCAU"),
    "kec_sumberjaya": dict(opd="Kecamatan Sumber Jaya", kop=["KECAMATAN SUMBER JAYA"],
                           addr="Jalan Raya Fajar Bulan - Sumber Jaya No. 10 Sumber Jaya, Kode Pos 34871",
                           web=None, domain=None, short="KECAMATAN SUMBER JAYA"),
    "pkm_liwa": dict(opd="UPTD Puskesmas Liwa", kop=["DINAS KESEHATAN", "UPTD PUSKESMAS LIWA"],
                     addr="Jalan Kesehatan No. 1 Way Mengaku, Liwa, Telp. (0728) 21015, Kode Pos 34812",
                     web=None, domain=None, short="UPTD PUSKESMAS LIWA"),
    "pkm_fb": dict(opd="UPTD Puskesmas Fajar Bulan", kop=["DINAS KESEHATAN", "UPTD PUSKESMAS FAJAR BULAN"],
                   addr="Jalan Raya Fajar Bulan, Kecamatan Way Tenong, Kode Pos 34884",
                   web=None, domain=None, short="PUSKESMAS FAJAR BULAN"),
    "pkm_sekincau": dict(opd="UPTD Puskesmas Sekincau", kop=["DINAS KESEHATAN", "UPTD PUSKESMAS SEKINCAU"],
                         addr="Jalan Lintas Sekincau No. 5, Kecamatan Sekincau, Kode Pos 34885",
                         web=None, domain=None, short="PUSKESMAS SEKINCAU"),
    "pkm_kenali": dict(opd="UPTD Puskesmas Kenali", kop=["DINAS KESEHATAN", "UPTD PUSKESMAS KENALI"],
                       addr="Jalan Raya Kenali, Kecamatan Belalau, Kode Pos 34872",
                       web=None, domain=None, short="PUSKESMAS KENALI"),
}

KOMINFO_TO = ["Kepala Dinas Komunikasi dan Informatika", "Kabupaten Lampung Barat"]


# =========================================================================== letter HTML (WeasyPrint)

def emblem_svg(size_cm: float = 2.3) -> str:
    """A plain shield (a made-up emblem, no real coat of arms)."""
    return f"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 120" width="{size_cm}cm"
height="{size_cm * 1.2:.2f}cm"><path d="M50 3 L95 18 L92 70 Q85 100 50 117 Q15 100 8 70 L5 18 Z" fill="#2f6b3a"
stroke="#111" stroke-width="3"/><path d="M50 14 L84 25 L82 68 Q76 92 50 106 Q24 92 18 68 L16 25 Z" fill="#f2c230"
stroke="#111" stroke-width="1.5"/><polygon points="50,24 55,38 70,38 58,47 63,61 50,52 37,61 42,47 30,38 45,38"
fill="#b22222"/><path d="M26 72 Q50 62 74 72 L72 80 Q50 70 28 80 Z" fill="#1d4f91"/><path d="M30 86 Q50 78 70 86
L67 93 Q50 86 33 93 Z" fill="#1d4f91"/></svg>"""


def scribble_svg(rng: random.Random) -> str:
    pts = []
    x, y = 10.0, 40.0
    for _ in range(9):
        x += rng.uniform(12, 26)
        y = 40 + rng.uniform(-26, 22)
        pts.append((x, y))
    d = "M10 40 " + " ".join(
        f"Q{(px + rng.uniform(-14, 4)):.0f} {(py + rng.uniform(-30, 30)):.0f} {px:.0f} {py:.0f}" for px, py in pts)
    d += f" M20 {rng.uniform(48, 60):.0f} L{x - 10:.0f} {rng.uniform(28, 40):.0f}"
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 220 80" width="4.6cm" height="1.7cm">'
            f'<path d="{d}" fill="none" stroke="#1a2a7a" stroke-width="2.4" stroke-linecap="round"/></svg>')


def stamp_html(short: str, color: str = "#5b3fa0") -> str:
    """A round office stamp drawn with CSS (two rings, the office name in the middle)."""
    words = html.escape(short).split()
    mid = (len(words) + 1) // 2 if len(words) > 2 else len(words)
    l1, l2 = " ".join(words[:mid]), " ".join(words[mid:])
    return (f'<div style="width:3.0cm;height:3.0cm;border:2.5px solid {color};border-radius:50%;opacity:0.6;'
            f'color:{color};font-family:Liberation Sans;font-weight:bold;text-align:center;position:relative">'
            f'<div style="position:absolute;left:0.22cm;top:0.22cm;width:2.45cm;height:2.45cm;'
            f'border:1px solid {color};border-radius:50%"></div>'
            f'<div style="font-size:5.5pt;padding-top:0.36cm;text-indent:0">PEMKAB LAMPUNG BARAT</div>'
            f'<div style="font-size:6.5pt;line-height:1.1;padding-top:0.42cm">{l1}<br>{l2}</div>'
            f'<div style="font-size:5.5pt;position:absolute;bottom:0.32cm;width:100%">* * *</div></div>')


CSS = """
@page { size: A4; margin: %(mt)s 2.0cm 1.6cm 2.5cm; }
body { font-family: '%(font)s'; font-size: %(fs)s; line-height: 1.28; color: #111; }
table { border-collapse: collapse; }
td { vertical-align: top; padding: 0; }
.kop td.logo { width: 2.7cm; vertical-align: middle; }
.kop td.txt { text-align: center; vertical-align: middle; padding-right: 1.2cm; }
.kop .k0 { font-size: 14pt; font-weight: bold; letter-spacing: 0.3px; }
.kop .k1 { font-size: 13pt; font-weight: bold; }
.kop .k2 { font-size: 16pt; font-weight: bold; }
.kop .k2m { font-size: 14.5pt; font-weight: bold; }
.kop .k2s { font-size: 13pt; font-weight: bold; }
.kop .ad { font-size: 9pt; }
.rule { border-top: 3px solid #000; border-bottom: 1px solid #000; height: 2px; margin: 4px 0 14px 0; }
.right { text-align: right; }
.nb td { padding: 0 0 1px 0; }
.nb td.l { width: %(lw)s; }
.nb td.c { width: 0.45cm; }
.kepada { margin: 14px 0 14px 0; }
.ind { margin-left: %(ind)s; }
p.b { text-align: justify; text-indent: 1.25cm; margin: 0 0 8px 0; }
p.o { margin: 10px 0 8px 0; }
ol.items { margin: 0 0 8px 0; padding-left: 1.9cm; }
ol.items li { text-align: justify; margin-bottom: 2px; }
table.kv { margin: 0 0 8px 2.4cm; }
table.kv td { padding: 0 4px 1px 0; }
.sign { margin-left: 48%%; text-align: center; margin-top: 18px; position: relative; page-break-inside: avoid; }
.sign .sp { height: 1.9cm; position: relative; }
.sign .scr { position: absolute; left: 1.3cm; top: 0.2cm; }
.sign .stp { position: absolute; left: -0.9cm; top: -0.7cm; }
.sign .nm { font-weight: bold; text-decoration: underline; }
.temb { margin-top: 14px; font-size: 10.5pt; page-break-inside: avoid; }
.hang { padding-left: 2.0em; text-indent: -2.0em; }
.hang2 { padding-left: 2.0em; }
.temb ol { margin: 0; padding-left: 0.7cm; }
table.grid { width: 100%%; font-size: 10.5pt; margin-top: 8px; }
table.grid td, table.grid th { border: 1px solid #000; padding: 3px 5px; vertical-align: top; }
table.grid th { background: #e8e8e8; }
.lamp { font-size: 10.5pt; margin-left: 48%%; margin-bottom: 14px; }
.stampno { font-family: 'DejaVu Sans Mono'; color: #2a3f9a; }
"""


def _num_html(L: dict) -> str:
    n = html.escape(L["number"])
    if L.get("stamped_number"):
        # printed with blanks and the number stamped in by the secretariat (numbering stamp)
        head, mid, tail = L["number"].split("/", 2)[0], L["number"].split("/")[1], L["number"].split("/", 2)[2]
        return (f'{html.escape(head)}/<span class="stampno">{html.escape(mid)}</span>/'
                f'{html.escape(tail)}')
    return n


def _nomor_rows(L: dict) -> list[tuple[str, str]]:
    rows = [(L.get("nomor_label", "Nomor"), _num_html(L))]
    if L.get("sifat") is not None:
        rows.append(("Sifat", html.escape(L["sifat"])))
    if L.get("lampiran") is not None:
        rows.append(("Lampiran", html.escape(L["lampiran"])))
    per = html.escape(L["perihal"])
    if L.get("perihal_bold"):
        per = f"<b>{per}</b>"
    if L.get("perihal_underline"):
        per = f"<u>{per}</u>"
    rows.append((L.get("hal_label", "Perihal"), per))
    return rows


def _nomor_table(L: dict, date_cell: str | None = None) -> str:
    out = ['<table class="nb">']
    for i, (k, v) in enumerate(_nomor_rows(L)):
        extra = f'<td class="right" style="white-space:nowrap">{date_cell}</td>' if (date_cell and i == 0) else (
            "<td></td>" if date_cell else "")
        vstyle = ' style="width:8.4cm"' if date_cell else ""
        out.append(f'<tr><td class="l">{k}</td><td class="c">:</td><td{vstyle}>{v}</td>{extra}</tr>')
    out.append("</table>")
    return "".join(out)


def _kepada_html(L: dict) -> str:
    lines = _kepada_lines(L)
    out = []
    for ln in lines:
        if ln.startswith("Yth. "):
            out.append(f'<div class="hang">{ln}</div>')
        elif out and out[-1].startswith('<div class="hang') and not ln.startswith("di -") and "&nbsp;" not in ln:
            out.append(f'<div class="hang2">{ln}</div>')
        else:
            out.append(f"<div>{ln}</div>")
    return "".join(out)


def _kepada_lines(L: dict) -> list[str]:
    to = L.get("to", KOMINFO_TO)
    place = L.get("to_place", "Liwa")
    lines = []
    if L.get("yth_inline", True):
        lines.append("Kepada")
        lines.append("Yth. " + html.escape(to[0]))
    else:
        lines.append("Kepada Yth.")
        lines.append(html.escape(to[0]))
    lines += [html.escape(t) for t in to[1:]]
    if place == "Tempat":
        lines.append("di -")
        lines.append("&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;T e m p a t")
    elif place:
        lines.append("di -")
        lines.append("&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;" + html.escape(place))
    return lines


def _para_html(p) -> str:
    if isinstance(p, str):
        return f'<p class="b">{html.escape(p)}</p>'
    kind, items = p
    if kind == "list":
        return '<ol class="items">' + "".join(f"<li>{html.escape(i)}</li>" for i in items) + "</ol>"
    if kind == "kv":
        return '<table class="kv">' + "".join(
            f"<tr><td>{html.escape(k)}</td><td>:</td><td>{html.escape(v)}</td></tr>" for k, v in items) + "</table>"
    if kind == "raw":
        return items
    raise ValueError(kind)


def _sign_html(L: dict, ag: dict, rng: random.Random) -> str:
    s = L["sign"]
    lines = []
    if L.get("date_at_sign"):
        lines.append(html.escape(L["date_line"]))
    lines += [html.escape(t) for t in s.get("pre", [])]
    lines += [html.escape(t) for t in s["title"]]
    head = "<br>".join(lines)
    scr = scribble_svg(rng) if L.get("signed", True) else ""
    stp = stamp_html(ag["short"]) if L.get("stamped", True) else ""
    nip = s["nip"]
    nip_line = f"NIP. {nip}" if s.get("nip_dot", True) else f"NIP {nip}"
    rank = f'<div>{html.escape(s["rank"])}</div>' if s.get("rank") else ""
    return (f'<div class="sign"><div>{head}</div><div class="sp"><div class="stp">{stp}</div>'
            f'<div class="scr">{scr}</div></div><div class="nm">{html.escape(s["name"])}</div>{rank}'
            f"<div>{nip_line}</div></div>")


def kop_html(ag: dict) -> str:
    lines = ['<div class="k0">PEMERINTAH KABUPATEN LAMPUNG BARAT</div>']
    kop = ag["kop"]
    for i, t in enumerate(kop):
        cls = "k2" if (i == len(kop) - 1 or ag.get("kop_equal")) else "k1"
        if cls == "k2" and len(t) > 34:
            cls = "k2s"
        elif cls == "k2" and len(t) > 27:
            cls = "k2m"
        lines.append(f'<div class="{cls}">{html.escape(t)}</div>')
    lines.append(f'<div class="ad">{html.escape(ag["addr"])}</div>')
    if ag.get("web"):
        lines.append(f'<div class="ad">{html.escape(ag["web"])}</div>')
    return (f'<table class="kop" style="width:100%"><tr><td class="logo">{emblem_svg()}</td>'
            f'<td class="txt">{"".join(lines)}</td></tr></table><div class="rule"></div>')


def letter_html(L: dict) -> str:
    ag = AG[L["ag"]]
    rng = rng_for(L["key"] + ":sig")
    layout = L.get("layout", "A")
    css = CSS % dict(font=L.get("font", "Liberation Serif"), fs=L.get("fs", "12pt"), mt=L.get("mt", "1.3cm"),
                     lw=L.get("label_w", "2.3cm"), ind=L.get("body_indent", "0cm"))
    parts = [kop_html(ag)]
    date = html.escape(L["date_line"]) if not L.get("date_at_sign") else None
    kep = _kepada_html(L)
    if layout == "A":
        # date top right; Nomor block left, Kepada block right
        parts.append('<table style="width:100%"><tr><td style="width:56%"></td>'
                     f'<td>{date or ""}</td></tr><tr><td style="padding-top:8px">{_nomor_table(L)}</td>'
                     f'<td style="padding-top:8px">{kep}</td></tr></table>')
    elif layout == "B":
        # date right above the Nomor block; Kepada below, left
        if date:
            parts.append(f'<div class="right">{date}</div>')
        parts.append(f'<div style="margin-top:6px">{_nomor_table(L)}</div><div class="kepada">{kep}</div>')
    elif layout == "C":
        # date on the Nomor row, right
        parts.append(f'<div>{_nomor_table(L, date_cell=date)}</div><div class="kepada">{kep}</div>')
    else:
        raise ValueError(layout)
    body = [f'<p class="o">{html.escape(L.get("opening", "Dengan hormat,"))}</p>']
    body += [_para_html(p) for p in L["paras"]]
    body.append(f'<p class="b">{html.escape(L["closing"])}</p>')
    ind = L.get("body_indent")
    parts.append(f'<div class="ind">{"".join(body)}</div>' if ind else "".join(body))
    parts.append(_sign_html(L, ag, rng))
    if L.get("tembusan"):
        parts.append('<div class="temb"><u>Tembusan</u>:<ol>' +
                     "".join(f"<li>{html.escape(t)}</li>" for t in L["tembusan"]) + "</ol></div>")
    if L.get("page2"):
        p2 = L["page2"](L) if callable(L["page2"]) else L["page2"]
        parts.append(f'<div style="page-break-before:always">{p2}</div>')
    return (f'<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>{html.escape(L["perihal"])}'
            f'</title><style>{css}</style></head><body>{"".join(parts)}</body></html>')


def render_pdf(L: dict) -> bytes:
    return weasyprint.HTML(string=letter_html(L)).write_pdf()


def lampiran_head(L: dict, title: str) -> str:
    return (f'<div class="lamp">Lampiran Surat {html.escape(L["sign"]["short_title"])}<br>'
            f'Nomor&nbsp;&nbsp;&nbsp;: {html.escape(L["number"])}<br>Tanggal : {html.escape(L["date_words"])}</div>'
            f'<div style="text-align:center;font-weight:bold;margin-bottom:6px">{html.escape(title)}</div>')


def grid(headers: list[str], rows: list[list[str]], widths: list[str] | None = None) -> str:
    th = "".join(f'<th{f" style=width:{widths[i]}" if widths else ""}>{html.escape(h)}</th>'
                 for i, h in enumerate(headers))
    trs = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>" for r in rows)
    return f'<table class="grid"><tr>{th}</tr>{trs}</table>'


# =========================================================================== images

def rasterise(pdf: bytes, dpi: int) -> list[Image.Image]:
    doc = pdfium.PdfDocument(pdf)
    pages = []
    for i in range(len(doc)):
        bmp = doc[i].render(scale=dpi / 72)
        pages.append(bmp.to_pil().convert("RGB"))
    doc.close()
    return pages


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(n):
            if r != c:
                f = m[r][c] / m[c][c]
                for k in range(c, n + 1):
                    m[r][k] -= f * m[c][k]
    return [m[i][n] / m[i][i] for i in range(n)]


def persp_coeffs(dst: list[tuple[float, float]], src: list[tuple[float, float]]) -> list[float]:
    """Coefficients for Image.transform(PERSPECTIVE): output point (dst) -> input point (src)."""
    a, b = [], []
    for (x, y), (u, v) in zip(dst, src):
        a.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        b.append(u)
        a.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        b.append(v)
    return _solve(a, b)


def noise_layer(rng: random.Random, size: tuple[int, int], amp: float, blur: float = 0.0) -> Image.Image:
    w, h = size
    n = Image.frombytes("L", (w, h), rng.randbytes(w * h))
    if blur:
        n = n.filter(ImageFilter.GaussianBlur(blur))
        n = n.point(lambda v: max(0, min(255, int(128 + (v - 128) * 3))))
    return n.point(lambda v: int(128 + (v - 128) * amp))


def gradient_mask(rng: random.Random, size: tuple[int, int], lo: int, hi: int, angle: float) -> Image.Image:
    """A smooth linear light falloff from lo to hi along the given direction."""
    n = 48
    dx, dy = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    span = (abs(dx) + abs(dy)) / 2
    vals = []
    for y in range(n):
        for x in range(n):
            t = ((x / (n - 1) - 0.5) * dx + (y / (n - 1) - 0.5) * dy) / span
            vals.append(int(lo + (hi - lo) * (t + 1) / 2))
    g = Image.new("L", (n, n))
    g.putdata(vals)
    return g.resize(size, Image.BICUBIC)


def photo(page: Image.Image, key: str, *, angle: float, tilt: float, light: tuple[int, int], blur: float,
          noise: float, quality: int, out_w: int, quarter: int = 0, bg: tuple[int, int, int] = (92, 70, 52),
          paper: tuple[int, int, int] = (250, 246, 236), shadow: bool = False, exif_orient: bool = False,
          phone: tuple[str, str] = ("samsung", "SM-A145F"), when: dt.datetime | None = None) -> bytes:
    """A phone photo of a printed page on a desk."""
    rng = rng_for(key + ":photo")
    page = ImageChops.multiply(page, Image.new("RGB", page.size, paper))
    w, h = page.size
    mx, my = int(w * rng.uniform(0.06, 0.11)), int(h * rng.uniform(0.05, 0.09))
    W, H = w + 2 * mx, h + 2 * my
    cx, cy = W / 2 + rng.uniform(-0.02, 0.02) * w, H / 2 + rng.uniform(-0.02, 0.02) * h
    corners = [(-w / 2, -h / 2), (w / 2, -h / 2), (w / 2, h / 2), (-w / 2, h / 2)]
    ca, sa = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    shrink = 1 - tilt
    dst = []
    for i, (x, y) in enumerate(corners):
        # perspective: the top edge farther away (narrower) and a little jitter per corner
        if y < 0:
            x *= shrink
        x += rng.uniform(-1, 1) * tilt * w * 0.25
        y += rng.uniform(-1, 1) * tilt * h * 0.15
        dst.append((cx + x * ca - y * sa, cy + x * sa + y * ca))
    src = [(0, 0), (w, 0), (w, h), (0, h)]
    co = persp_coeffs(dst, src)
    rgba = page.convert("RGBA")
    warped = rgba.transform((W, H), Image.PERSPECTIVE, co, Image.BICUBIC)
    base = Image.new("RGB", (W, H), bg)
    tex = noise_layer(rng, (W // 4, H // 4), 0.5, blur=2).resize((W, H), Image.BICUBIC)
    base = ImageChops.add(base, Image.merge("RGB", (tex, tex, tex)), 1.0, -128)
    alpha = warped.getchannel("A")
    sh = alpha.filter(ImageFilter.GaussianBlur(w * 0.012)).point(lambda v: int(v * 0.45))
    sh = ImageChops.offset(sh, int(w * 0.008), int(h * 0.008))
    base.paste((20, 15, 10), (0, 0), sh)
    base.paste(warped.convert("RGB"), (0, 0), alpha)
    lo, hi = light
    g = gradient_mask(rng, (W, H), lo, hi, rng.uniform(0, 360))
    base = ImageChops.multiply(base, Image.merge("RGB", (g, g, g)))
    if shadow:
        m = Image.new("L", (W, H), 255)
        d = ImageDraw.Draw(m)
        ex, ey = rng.uniform(0.55, 0.8) * W, rng.uniform(0.6, 0.85) * H
        d.ellipse((ex - 0.45 * W, ey - 0.22 * H, ex + 0.55 * W, ey + 0.5 * H), fill=175)
        m = m.filter(ImageFilter.GaussianBlur(W * 0.05))
        base = ImageChops.multiply(base, Image.merge("RGB", (m, m, m)))
    base = base.filter(ImageFilter.GaussianBlur(blur))
    n = noise_layer(rng, (W, H), noise)
    base = ImageChops.add(base, Image.merge("RGB", (n, n, n)), 1.0, -128)
    out_h = round(H * out_w / W)
    base = base.resize((out_w, out_h), Image.LANCZOS)
    if quarter:
        base = base.rotate(quarter, expand=True)
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = phone
    if when:
        exif[0x0132] = when.strftime("%Y:%m:%d %H:%M:%S")
    if exif_orient:
        # stored sideways; the Orientation tag says "rotate 90 CW to view"
        base = base.transpose(Image.Transpose.ROTATE_90)
        exif[0x0112] = 6
    buf = io.BytesIO()
    base.save(buf, "JPEG", quality=quality, exif=exif.tobytes(), optimize=True)
    return buf.getvalue()


def _speckle(img: Image.Image, rng: random.Random, density: float, dark: tuple[int, int] = (30, 130)) -> None:
    d = ImageDraw.Draw(img)
    w, h = img.size
    for _ in range(int(w * h * density)):
        x, y = rng.randrange(w), rng.randrange(h)
        r = rng.choice((0, 0, 0, 0, 0, 0, 1, 1, 2))
        v = rng.randint(*dark)
        d.ellipse((x - r, y - r, x + r, y + r), fill=v if img.mode == "L" else 0)


def scan_gray(page: Image.Image, key: str, *, angle: float, speckle: float, levels: int = 32,
              lid: bool = False) -> Image.Image:
    """A flatbed scan in grayscale: skew, slightly grey paper, speckles, a few grey levels."""
    rng = rng_for(key + ":scan")
    g = page.convert("L").point(lambda v: int(v * 0.94 + 12))
    g = g.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=248)
    m = gradient_mask(rng, g.size, 240, 255, rng.uniform(0, 360))
    g = ImageChops.multiply(g, m)
    if lid:
        d = ImageDraw.Draw(g)
        w, h = g.size
        for i in range(14):
            d.line((0, i, w, i), fill=90 + i * 10)
    _speckle(g, rng, speckle)
    g = g.filter(ImageFilter.GaussianBlur(0.45))
    n = noise_layer(rng, g.size, 0.04)
    g = ImageChops.add(g, n, 1.0, -128)
    step = 256 // levels
    return g.point(lambda v: min(255, (v // step) * step + step // 2))


def png_scan(page: Image.Image, key: str, dpi: int, **kw) -> bytes:
    g = scan_gray(page, key, **kw)
    buf = io.BytesIO()
    g.save(buf, "PNG", optimize=True, dpi=(dpi, dpi))
    return buf.getvalue()


def tiff_scan(page: Image.Image, key: str, dpi: int, *, angle: float, speckle: float, threshold: int = 165) -> bytes:
    rng = rng_for(key + ":tiff")
    g = page.convert("L").rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
    bw = g.point(lambda v: 0 if v < threshold else 255)
    _speckle(bw, rng, speckle, dark=(0, 0))
    bw = bw.convert("1", dither=Image.Dither.NONE)
    buf = io.BytesIO()
    bw.save(buf, "TIFF", compression="group4", dpi=(dpi, dpi))
    return buf.getvalue()


PDF_TIME = dt.datetime(2026, 12, 1, 8, 0, 0)


def scanned_pdf(pages: list[Image.Image], key: str, dpi: int, *, angle: float, speckle: float, quality: int,
                producer: str, when: dt.datetime, color: bool = False) -> bytes:
    out = []
    for i, p in enumerate(pages):
        a = angle + (0.35 * i if i % 2 else -0.2 * i)
        if color:
            rng = rng_for(f"{key}:{i}:cam")
            q = ImageChops.multiply(p, Image.new("RGB", p.size, (248, 247, 241)))
            q = q.rotate(a, resample=Image.BICUBIC, expand=False, fillcolor=(238, 236, 230))
            g = gradient_mask(rng, q.size, 222, 255, rng.uniform(0, 360))
            q = ImageChops.multiply(q, Image.merge("RGB", (g, g, g))).filter(ImageFilter.GaussianBlur(0.6))
            n = noise_layer(rng, q.size, 0.05)
            out.append(ImageChops.add(q, Image.merge("RGB", (n, n, n)), 1.0, -128))
        else:
            out.append(scan_gray(p, f"{key}:{i}", angle=a, speckle=speckle, levels=64))
    buf = io.BytesIO()
    out[0].save(buf, "PDF", save_all=True, append_images=out[1:], resolution=float(dpi), quality=quality,
                producer=producer, creator=producer, creationDate=(when - dt.timedelta(hours=7)).timetuple(),
                modDate=(when - dt.timedelta(hours=7)).timetuple())
    return buf.getvalue()


def device_photo(key: str, kind: str) -> bytes:
    """A small photo of a broken device or a floor plan sketch (second attachment)."""
    rng = rng_for(key + ":dev")
    W, H = 960, 720
    if kind == "plan":
        img = Image.new("RGB", (W, H), (250, 250, 250))
        d = ImageDraw.Draw(img)
        d.rectangle((40, 40, W - 40, H - 40), outline=(0, 0, 0), width=5)
        for i in range(4):
            x0 = 80 + i * 210
            d.rectangle((x0, 80, x0 + 170, 260), outline=(0, 0, 0), width=3)
            d.text((x0 + 20, 160), f"GERAI {i + 13}", fill=(0, 0, 0))
            for j in range(2):
                d.ellipse((x0 + 30 + j * 90, 230, x0 + 44 + j * 90, 244), fill=(200, 0, 0))
        d.text((80, 320), "LOBI / RUANG TUNGGU", fill=(0, 0, 0))
        d.text((80, 640), "Titik LAN baru (merah)  -  Lantai I Gedung MPP", fill=(0, 0, 0))
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=80)
        return buf.getvalue()
    wall = (186, 178, 160) if kind == "switch" else (228, 226, 220)
    img = Image.new("RGB", (W, H), wall)
    d = ImageDraw.Draw(img)
    if kind == "switch":
        d.rectangle((110, 250, 850, 420), fill=(52, 54, 58), outline=(20, 20, 20), width=4)
        for i in range(12):
            for j in range(2):
                x, y = 170 + i * 52, 285 + j * 60
                d.rectangle((x, y, x + 40, y + 42), fill=(18, 18, 18), outline=(120, 120, 120))
        for i in range(12):
            d.ellipse((172 + i * 52, 395, 182 + i * 52, 405), fill=(70, 70, 60))
        for k in range(6):
            d.line((130 + k * 30, 420, 90 + k * 60 + rng.randint(-20, 20), H), fill=(30, 80, 170), width=9)
    else:
        d.ellipse((270, 170, 690, 590), fill=(245, 245, 245), outline=(200, 200, 200), width=3)
        d.ellipse((460, 370, 500, 410), fill=(190, 190, 190))
        d.line((480, 590, 480 + rng.randint(-40, 40), H), fill=(40, 40, 160), width=10)
    img = img.filter(ImageFilter.GaussianBlur(1.6))
    n = noise_layer(rng, (W, H), 0.12)
    img = ImageChops.add(img, Image.merge("RGB", (n, n, n)), 1.0, -128)
    g = gradient_mask(rng, (W, H), 150, 255, rng.uniform(0, 360))
    img = ImageChops.multiply(img, Image.merge("RGB", (g, g, g)))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=68)
    return buf.getvalue()


def emblem_png() -> bytes:
    img = Image.new("RGB", (200, 240), (255, 255, 255))
    d = ImageDraw.Draw(img)
    s = 2
    d.polygon([(50 * s, 3 * s), (95 * s, 18 * s), (92 * s, 70 * s), (50 * s, 117 * s), (8 * s, 70 * s),
               (5 * s, 18 * s)], fill=(47, 107, 58), outline=(17, 17, 17))
    d.polygon([(50 * s, 14 * s), (84 * s, 25 * s), (82 * s, 68 * s), (50 * s, 106 * s), (18 * s, 68 * s),
               (16 * s, 25 * s)], fill=(242, 194, 48), outline=(17, 17, 17))
    star = [(50, 24), (55, 38), (70, 38), (58, 47), (63, 61), (50, 52), (37, 61), (42, 47), (30, 38), (45, 38)]
    d.polygon([(x * s, y * s) for x, y in star], fill=(178, 34, 34))
    d.rectangle((28 * s, 72 * s, 72 * s, 78 * s), fill=(29, 79, 145))
    d.rectangle((33 * s, 86 * s, 67 * s, 91 * s), fill=(29, 79, 145))
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


# =========================================================================== zip-based documents

def fix_zip(data: bytes) -> bytes:
    """Re-zip with fixed timestamps (python-docx and odfpy stamp the current time)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            zi.compress_type = info.compress_type
            zi.external_attr = info.external_attr
            dst.writestr(zi, src.read(info.filename))
    return out.getvalue()


def xlsx(rows: list[list[object]]) -> bytes:
    """A minimal valid spreadsheet (inline strings), fixed timestamps."""
    def cell(r: int, c: int, v: object) -> str:
        ref = f"{chr(65 + c)}{r}"
        if isinstance(v, (int, float)):
            return f'<c r="{ref}"><v>{v}</v></c>'
        return f'<c r="{ref}" t="inlineStr"><is><t>{html.escape(str(v))}</t></is></c>'
    sheet = "".join(f'<row r="{i}">' + "".join(cell(i, j, v) for j, v in enumerate(r)) + "</row>"
                    for i, r in enumerate(rows, 1))
    files = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.'
        'openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.'
        'openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.'
        'org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.'
        'openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships"><sheets><sheet name="RAB" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns='
        '"http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
        'openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        '</Relationships>',
        "xl/worksheets/sheet1.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http:'
        f'//schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{sheet}</sheetData></worksheet>',
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, body in files.items():
            zi = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, body)
    return out.getvalue()


# --------------------------------------------------------------------------- DOCX

def _p_border_bottom(p) -> None:
    ppr = p._p.get_or_add_pPr()  # noqa: SLF001
    bdr = OxmlElement("w:pBdr")
    b = OxmlElement("w:bottom")
    b.set(qn("w:val"), "thickThinSmallGap")
    b.set(qn("w:sz"), "24")
    b.set(qn("w:space"), "1")
    b.set(qn("w:color"), "000000")
    bdr.append(b)
    ppr.append(bdr)


def _run(p, text: str, size: float | None = None, bold: bool = False, underline: bool = False):
    r = p.add_run(text)
    if size:
        r.font.size = Pt(size)
    r.bold = bold or None
    r.underline = underline or None
    return r


def _pfmt(p, align=None, before=0, after=0, left=None, first=None):
    f = p.paragraph_format
    if align is not None:
        p.alignment = align
    f.space_before, f.space_after = Pt(before), Pt(after)
    if left is not None:
        f.left_indent = left
    if first is not None:
        f.first_line_indent = first
    return p


def render_docx(L: dict) -> bytes:
    ag = AG[L["ag"]]
    d = docx.Document()
    sec = d.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.top_margin, sec.bottom_margin = Cm(1.5), Cm(2)
    sec.left_margin, sec.right_margin = Cm(2.5), Cm(2)
    st = d.styles["Normal"]
    st.font.name = L.get("docx_font", "Times New Roman")
    st.element.rPr.rFonts.set(qn("w:eastAsia"), st.font.name)
    st.font.size = Pt(L.get("docx_size", 12))
    cp = d.core_properties
    cp.author = L.get("author", "User")
    cp.last_modified_by = L.get("author", "User")
    cp.title = ""
    cp.comments = ""
    cp.created = cp.modified = dt.datetime(2026, 11, 2, 8, 0, 0)
    cp.revision = 3
    kop_lines = [("PEMERINTAH KABUPATEN LAMPUNG BARAT", 14, True)]
    for i, t in enumerate(ag["kop"]):
        kop_lines.append((t, 16 if (i == len(ag["kop"]) - 1 or ag.get("kop_equal")) else 13, True))
    kop_lines.append((ag["addr"], 9.5, False))
    if ag.get("web"):
        kop_lines.append((ag["web"], 9.5, False))
    if L.get("kop_table"):
        t = d.add_table(rows=1, cols=2)
        t.alignment = WD_TABLE_ALIGNMENT.CENTER
        t.autofit = False
        c0, c1 = t.rows[0].cells
        c0.width, c1.width = Cm(2.8), Cm(13.7)
        c0.paragraphs[0].add_run().add_picture(io.BytesIO(emblem_png()), width=Cm(2.2))
        first = True
        for text, size, bold in kop_lines:
            p = c1.paragraphs[0] if first else c1.add_paragraph()
            first = False
            _pfmt(p, WD_ALIGN_PARAGRAPH.CENTER)
            _run(p, text, size, bold)
        rule = _pfmt(d.add_paragraph(), after=10)
        _p_border_bottom(rule)
    else:
        for i, (text, size, bold) in enumerate(kop_lines):
            p = _pfmt(d.add_paragraph(), WD_ALIGN_PARAGRAPH.CENTER, after=10 if i == len(kop_lines) - 1 else 0)
            _run(p, text, size, bold)
            if i == len(kop_lines) - 1:
                _p_border_bottom(p)
    # date
    if not L.get("date_at_sign"):
        p = _pfmt(d.add_paragraph(), WD_ALIGN_PARAGRAPH.RIGHT if L.get("layout") != "A" else None,
                  left=Cm(9.5) if L.get("layout") == "A" else None, after=6)
        _run(p, L["date_line"])
    rows = [(L.get("nomor_label", "Nomor"), L["number"])]
    if L.get("sifat") is not None:
        rows.append(("Sifat", L["sifat"]))
    if L.get("lampiran") is not None:
        rows.append(("Lampiran", L["lampiran"]))
    rows.append((L.get("hal_label", "Perihal"), L["perihal"]))
    if L.get("nomor_table"):
        t = d.add_table(rows=len(rows), cols=3)
        t.autofit = False
        for i, (k, v) in enumerate(rows):
            cells = t.rows[i].cells
            cells[0].width, cells[1].width, cells[2].width = Cm(2.5), Cm(0.5), Cm(9.5)
            cells[0].paragraphs[0].add_run(k)
            cells[1].paragraphs[0].add_run(":")
            r = cells[2].paragraphs[0].add_run(v)
            if i == len(rows) - 1 and L.get("perihal_bold"):
                r.bold = True
    else:
        for k, v in rows:
            p = _pfmt(d.add_paragraph())
            p.paragraph_format.tab_stops.add_tab_stop(Cm(2.5))
            p.paragraph_format.tab_stops.add_tab_stop(Cm(2.9))
            p.paragraph_format.left_indent = Cm(2.9)
            p.paragraph_format.first_line_indent = Cm(-2.9)
            _run(p, f"{k}\t:\t")
            _run(p, v, bold=(k == L.get("hal_label", "Perihal") and bool(L.get("perihal_bold"))))
    _pfmt(d.add_paragraph())
    to = L.get("to", KOMINFO_TO)
    kep = ["Kepada Yth.", *to] if not L.get("yth_inline", True) else ["Kepada", "Yth. " + to[0], *to[1:]]
    place = L.get("to_place", "Liwa")
    if place:
        kep += ["di -", "      " + ("T e m p a t" if place == "Tempat" else place)]
    for line in kep:
        p = _pfmt(d.add_paragraph(), left=Cm(9.5) if L.get("layout") == "A" else None)
        _run(p, line)
    _pfmt(d.add_paragraph())
    p = _pfmt(d.add_paragraph(), after=6)
    _run(p, L.get("opening", "Dengan hormat,"))
    for para in L["paras"]:
        if isinstance(para, str):
            p = _pfmt(d.add_paragraph(), WD_ALIGN_PARAGRAPH.JUSTIFY, after=6, first=Cm(1.25))
            _run(p, para)
        elif para[0] == "list":
            for i, item in enumerate(para[1], 1):
                p = _pfmt(d.add_paragraph(), WD_ALIGN_PARAGRAPH.JUSTIFY, after=2, left=Cm(1.9), first=Cm(-0.6))
                _run(p, f"{i}.\t{item}")
                p.paragraph_format.tab_stops.add_tab_stop(Cm(1.9))
        elif para[0] == "kv":
            for k, v in para[1]:
                p = _pfmt(d.add_paragraph(), left=Cm(6.4), first=Cm(-4.0), after=0)
                p.paragraph_format.tab_stops.add_tab_stop(Cm(6.0))
                p.paragraph_format.tab_stops.add_tab_stop(Cm(6.4))
                _run(p, f"{k}\t:\t{v}")
            _pfmt(d.add_paragraph())
        else:
            raise ValueError(para[0])
    p = _pfmt(d.add_paragraph(), WD_ALIGN_PARAGRAPH.JUSTIFY, after=12, first=Cm(1.25))
    _run(p, L["closing"])
    s = L["sign"]
    head = ([L["date_line"]] if L.get("date_at_sign") else []) + s.get("pre", []) + s["title"]
    for line in head:
        _run(_pfmt(d.add_paragraph(), WD_ALIGN_PARAGRAPH.CENTER, left=Cm(8.0)), line)
    for _ in range(3):
        _pfmt(d.add_paragraph(), left=Cm(8.0))
    _run(_pfmt(d.add_paragraph(), WD_ALIGN_PARAGRAPH.CENTER, left=Cm(8.0)), s["name"], bold=True, underline=True)
    if s.get("rank"):
        _run(_pfmt(d.add_paragraph(), WD_ALIGN_PARAGRAPH.CENTER, left=Cm(8.0)), s["rank"])
    nip = ("NIP. " if s.get("nip_dot", True) else "NIP ") + s["nip"]
    _run(_pfmt(d.add_paragraph(), WD_ALIGN_PARAGRAPH.CENTER, left=Cm(8.0)), nip)
    if L.get("tembusan"):
        _pfmt(d.add_paragraph())
        _run(_pfmt(d.add_paragraph()), "Tembusan:", 10.5, underline=True)
        for i, t in enumerate(L["tembusan"], 1):
            _run(_pfmt(d.add_paragraph()), f"{i}. {t}", 10.5)
    buf = io.BytesIO()
    d.save(buf)
    return fix_zip(buf.getvalue())


# --------------------------------------------------------------------------- ODT

def render_odt(L: dict) -> bytes:
    ag = AG[L["ag"]]
    doc = OpenDocumentText()
    font = L.get("odt_font", "Liberation Serif")
    pl = PageLayout(name="A4")
    pl.addElement(PageLayoutProperties(pagewidth="21cm", pageheight="29.7cm", margintop="1.5cm",
                                       marginbottom="2cm", marginleft="2.5cm", marginright="2cm",
                                       printorientation="portrait"))
    doc.automaticstyles.addElement(pl)
    doc.masterstyles.addElement(MasterPage(name="Standard", pagelayoutname=pl))

    def pstyle(name, size="12pt", bold=False, align=None, indent=None, left=None, below="0cm", border=None):
        s = Style(name=name, family="paragraph")
        pp = dict(marginbottom=below, margintop="0cm")
        if align:
            pp["textalign"] = align
        if indent:
            pp["textindent"] = indent
        if left:
            pp["marginleft"] = left
        if border:
            pp["borderbottom"] = border
            pp["padding"] = "0.05cm"
        s.addElement(ParagraphProperties(**pp))
        tp = dict(fontsize=size, fontfamily=font)
        if bold:
            tp["fontweight"] = "bold"
        s.addElement(TextProperties(**tp))
        doc.automaticstyles.addElement(s)
        return s

    K0 = pstyle("K0", "14pt", True, "center")
    K1 = pstyle("K1", "13pt", True, "center")
    K2 = pstyle("K2", "16pt", True, "center")
    KA = pstyle("KA", "9.5pt", False, "center")
    KR = pstyle("KR", "9.5pt", False, "center", below="0.4cm", border="0.08cm double #000000")
    N = pstyle("N")
    R = pstyle("R", align="end")
    LA = pstyle("LA", left="9.5cm")
    B = pstyle("B", align="justify", indent="1.25cm", below="0.2cm")
    LI = pstyle("LI", align="justify", left="1.9cm", indent="-0.6cm", below="0.05cm")
    SG = pstyle("SG", align="center", left="8cm")
    SM = pstyle("SM", "10.5pt")
    bold = Style(name="Bold", family="text")
    bold.addElement(TextProperties(fontweight="bold"))
    doc.automaticstyles.addElement(bold)
    bu = Style(name="BoldU", family="text")
    bu.addElement(TextProperties(fontweight="bold", textunderlinestyle="solid", textunderlinewidth="auto",
                                 textunderlinecolor="font-color"))
    doc.automaticstyles.addElement(bu)

    def para(style, text="", span=None):
        p = otext.P(stylename=style)
        if text:
            if span:
                p.addElement(otext.Span(stylename=span, text=text))
            else:
                p.addText(text)
        doc.text.addElement(p)
        return p

    if L.get("odt_logo"):
        fs = Style(name="fr1", family="graphic")
        fs.addElement(GraphicProperties(anchortype="paragraph", wrap="none", horizontalpos="left",
                                        horizontalrel="paragraph", verticalpos="top", verticalrel="paragraph"))
        doc.automaticstyles.addElement(fs)
        href = doc.addPicture("Pictures/lambang.png", "image/png", emblem_png())
        p = otext.P(stylename=K0)
        fr = Frame(stylename=fs, width="2.1cm", height="2.5cm", anchortype="paragraph", x="0cm", y="0cm", name="logo")
        fr.addElement(OdfImage(href=href))
        p.addElement(fr)
        p.addText("PEMERINTAH KABUPATEN LAMPUNG BARAT")
        doc.text.addElement(p)
    else:
        para(K0, "PEMERINTAH KABUPATEN LAMPUNG BARAT")
    for i, t in enumerate(ag["kop"]):
        para(K2 if (i == len(ag["kop"]) - 1 or ag.get("kop_equal")) else K1, t)
    if ag.get("web"):
        para(KA, ag["addr"])
        para(KR, ag["web"])
    else:
        para(KR, ag["addr"])
    if not L.get("date_at_sign"):
        para(R if L.get("layout") != "A" else LA, L["date_line"])
        para(N)
    rows = [(L.get("nomor_label", "Nomor"), L["number"])]
    if L.get("sifat") is not None:
        rows.append(("Sifat", L["sifat"]))
    if L.get("lampiran") is not None:
        rows.append(("Lampiran", L["lampiran"]))
    rows.append((L.get("hal_label", "Perihal"), L["perihal"]))
    ts = Style(name="NT", family="table")
    ts.addElement(TableProperties(width="12.5cm", align="left"))
    doc.automaticstyles.addElement(ts)
    widths = ["2.5cm", "0.5cm", "9.5cm"]
    cols = []
    for i, wd in enumerate(widths):
        cs = Style(name=f"NT.C{i}", family="table-column")
        cs.addElement(TableColumnProperties(columnwidth=wd))
        doc.automaticstyles.addElement(cs)
        cols.append(cs)
    cell = Style(name="NT.cell", family="table-cell")
    cell.addElement(TableCellProperties(padding="0.02cm", border="none"))
    doc.automaticstyles.addElement(cell)
    t = otable.Table(name="Nomor", stylename=ts)
    for cs in cols:
        t.addElement(otable.TableColumn(stylename=cs))
    for k, v in rows:
        tr = otable.TableRow()
        for j, val in enumerate((k, ":", v)):
            tc = otable.TableCell(stylename=cell, valuetype="string")
            p = otext.P(stylename=N)
            if j == 2 and k == rows[-1][0] and L.get("perihal_bold"):
                p.addElement(otext.Span(stylename=bold, text=val))
            else:
                p.addText(val)
            tc.addElement(p)
            tr.addElement(tc)
        t.addElement(tr)
    doc.text.addElement(t)
    para(N)
    to = L.get("to", KOMINFO_TO)
    kep = ["Kepada Yth.", *to] if not L.get("yth_inline", True) else ["Kepada", "Yth. " + to[0], *to[1:]]
    place = L.get("to_place", "Liwa")
    if place:
        kep += ["di -", "      " + ("T e m p a t" if place == "Tempat" else place)]
    for line in kep:
        p = otext.P(stylename=LA if L.get("layout") == "A" else N)
        lead = len(line) - len(line.lstrip(" "))
        if lead:
            p.addElement(otext.S(c=lead))
        p.addText(line.lstrip(" "))
        doc.text.addElement(p)
    para(N)
    para(N, L.get("opening", "Dengan hormat,"))
    for pa in L["paras"]:
        if isinstance(pa, str):
            para(B, pa)
        elif pa[0] == "list":
            for i, item in enumerate(pa[1], 1):
                para(LI, f"{i}. {item}")
        elif pa[0] == "kv":
            for k, v in pa[1]:
                para(LI, f"{k} : {v}")
        else:
            raise ValueError(pa[0])
    para(B, L["closing"])
    para(N)
    s = L["sign"]
    head = ([L["date_line"]] if L.get("date_at_sign") else []) + s.get("pre", []) + s["title"]
    for line in head:
        para(SG, line)
    for _ in range(3):
        para(SG)
    para(SG, s["name"], span=bu)
    if s.get("rank"):
        para(SG, s["rank"])
    para(SG, ("NIP. " if s.get("nip_dot", True) else "NIP ") + s["nip"])
    if L.get("tembusan"):
        para(N)
        para(SM, "Tembusan:")
        for i, tx in enumerate(L["tembusan"], 1):
            para(SM, f"{i}. {tx}")
    buf = io.BytesIO()
    doc.write(buf)
    return fix_zip(buf.getvalue())


# =========================================================================== MIME

def text_part(body: str, sub: str = "plain") -> Message:
    part = Message()
    part["Content-Type"] = f'text/{sub}; charset="utf-8"'
    try:
        body.encode("ascii")
        part["Content-Transfer-Encoding"] = "7bit"
        part.set_payload(body)
    except UnicodeEncodeError:
        part["Content-Transfer-Encoding"] = "base64"
        part.set_payload(base64.encodebytes(body.encode("utf-8")).decode("ascii"))
    return part


def attachment(filename: str, ctype: str, data: bytes, inline: bool = False) -> Message:
    part = Message()
    part["Content-Type"] = f'{ctype}; name="{filename}"'
    part["Content-Disposition"] = f'{"inline" if inline else "attachment"}; filename="{filename}"'
    part["Content-Transfer-Encoding"] = "base64"
    part.set_payload(base64.encodebytes(data).decode("ascii"))
    return part


def multi(sub: str, parts: list[Message], seed: str) -> Message:
    part = Message()
    part["Content-Type"] = f'multipart/{sub}; boundary="----=_Part_{_h(seed + sub, 8)}_{int(_h(seed, 6), 16)}"'
    for p in parts:
        part.attach(p)
    return part


CTYPE = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
    "jpg": "image/jpeg", "png": "image/png", "tif": "image/tiff", "tiff": "image/tiff",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}

ZIMBRA = "Zimbra 8.8.15_GA_4508 (ZimbraWebClient - GC119 (Win)/8.8.15_GA_4508)"
THUNDERBIRD = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Thunderbird/128.5.0"
ANDROID = "Android"


def build_mail(L: dict, letter_bytes: bytes) -> bytes:
    m = L["mail"]
    ag = AG[L["ag"]]
    y, mo, d, hh, mi = m["when"]
    when = dt.datetime(y, mo, d, hh, mi, int(_h(L["key"], 2), 16) % 60, tzinfo=WIB)
    frm_addr = m["from"][1]
    domain = frm_addr.split("@", 1)[1]
    assert domain == (ag["domain"] or ROOT), (L["key"], domain)
    agent = m.get("agent", ZIMBRA)
    if agent == ZIMBRA:
        mid = (f"<{int(_h(L['key'], 8), 16) % 900000 + 100000}.{int(_h(L['key'] + 'x', 6), 16)}."
               f"{int(when.timestamp() * 1000)}.JavaMail.zimbra@{domain}>")
    else:
        mid = f"<{when:%Y%m%d%H%M%S}.{_h(L['key'], 10)}@{domain}>"
    parts: list[Message] = []
    body = m.get("body")
    if body is not None:
        parts.append(text_part(body))
    ext = m["att"].rsplit(".", 1)[1].lower()
    ctype = m.get("ctype", CTYPE[ext])
    parts.append(attachment(m["att"], ctype, letter_bytes))
    for fname, spec in m.get("extra", []):
        parts.append(attachment(fname, CTYPE[fname.rsplit(".", 1)[1].lower()], extra_bytes(L["key"], spec)))
    msg = multi("mixed", parts, L["key"])
    headers = [("From", formataddr(m["from"]) if m["from"][0] else frm_addr), ("To", m.get("to", APTIKA))]
    if m.get("cc"):
        headers.append(("Cc", m["cc"]))
    if m.get("subject") is not None:
        headers.append(("Subject", m["subject"]))
    headers += [("Date", format_datetime(when)), ("Message-ID", mid)]
    if agent == ZIMBRA:
        headers.append(("X-Mailer", agent))
    elif agent:
        headers.append(("User-Agent", agent))
    headers.append(("MIME-Version", "1.0"))
    msg._headers = headers + msg._headers  # noqa: SLF001 - envelope headers first
    return msg.as_bytes()


# =========================================================================== the letters

LETTERS: list[dict] = []


def letter(**kw) -> None:
    y, m, d = (int(x) for x in kw["date"].split("-"))
    kw.setdefault("date_words", f"{d} {BULAN[m]} {y}")
    kw.setdefault("closing", "Demikian permohonan ini kami sampaikan, atas perhatian dan kerja samanya "
                             "diucapkan terima kasih.")
    LETTERS.append(kw)


def nip(s: str, spaced: bool = True) -> str:
    assert len(s) == 18 and s.isdigit(), s
    return f"{s[:8]} {s[8:14]} {s[14]} {s[15:]}" if spaced else s


# --------------------------------------------------------------------------- lampiran pages (page 2)

def lamp_rsud_grit(L: dict) -> str:
    rows = [
        ["1", "Lantai I", "Nurse station, Ruang Rawat Inap Penyakit Dalam (24 TT)", "4", "2", "2"],
        ["2", "Lantai I", "Ruang Farmasi Satelit dan Gudang Alkes", "3", "2", "-"],
        ["3", "Lantai II", "Nurse station, Ruang Rawat Inap Bedah (20 TT)", "4", "1", "2"],
        ["4", "Lantai II", "Ruang Rawat Inap Anak (16 TT)", "3", "1", "1"],
        ["5", "Lantai III", "Nurse station, Ruang Rawat Inap Kelas I dan VIP (18 TT)", "4", "2", "2"],
        ["6", "Lantai III", "Ruang Kepala Instalasi Rawat Inap", "2", "1", "1"],
        ["7", "Semua lantai", "Ruang panel / rak jaringan per lantai", "-", "-", "-"],
    ]
    return (lampiran_head(L, "DAFTAR RUANGAN DAN PERKIRAAN PERANGKAT GEDUNG RAWAT INAP TERPADU") +
            grid(["No", "Lantai", "Ruangan", "Komputer", "Printer", "Access Point"], rows,
                 ["0.9cm", "2.2cm", "7.5cm", "1.9cm", "1.7cm", "2.1cm"]) +
            '<p style="font-size:10.5pt;margin-top:10px">Catatan: jarak gedung manajemen ke GRIT kurang lebih 85 '
            'meter; tersedia jalur saluran kabel bawah tanah yang dibangun bersamaan dengan selasar penghubung.</p>' +
            _sign_html(L, AG[L["ag"]], rng_for(L["key"] + ":sig2")))


def lamp_disdik_smp(L: dict) -> str:
    rows = [
        ["1", "SMP Negeri 1 Liwa", "Balik Bukit", "0,8 km", "Ada (ISP swasta 50 Mbps)"],
        ["2", "SMP Negeri 2 Liwa", "Balik Bukit", "2,1 km", "Ada (ISP swasta 30 Mbps)"],
        ["3", "SMP Negeri 1 Sukau", "Sukau", "1,2 km", "Ada (seluler)"],
        ["4", "SMP Negeri 1 Belalau", "Belalau", "0,5 km", "Ada (ISP swasta 20 Mbps)"],
        ["5", "SMP Negeri 1 Batu Brak", "Batu Brak", "1,6 km", "Belum ada"],
        ["6", "SMP Negeri 1 Way Tenong", "Way Tenong", "0,9 km", "Ada (ISP swasta 30 Mbps)"],
        ["7", "SMP Negeri 1 Sekincau", "Sekincau", "1,4 km", "Ada (seluler)"],
        ["8", "SMP Negeri 1 Sumber Jaya", "Sumber Jaya", "0,7 km", "Ada (ISP swasta 20 Mbps)"],
    ]
    return (lampiran_head(L, "DAFTAR SMP NEGERI TAHAP I") +
            grid(["No", "Nama Sekolah", "Kecamatan", "Jarak ke Jalur FO Pemda", "Akses Internet Saat Ini"], rows,
                 ["0.9cm", "5cm", "3cm", "3.4cm", "4.2cm"]) +
            _sign_html(L, AG[L["ag"]], rng_for(L["key"] + ":sig2")))


def lamp_disdik_rab(L: dict) -> str:
    def rp(v: int) -> str:
        return f"{v:,}".replace(",", ".")
    body = [[str(i), u, sp, f"{vol} {unit}", rp(price), rp(int(vol) * price)]
            for i, (u, sp, vol, price, unit) in enumerate(RAB_DISDIK, 1)]
    total = sum(int(vol) * price for _, _, vol, price, _ in RAB_DISDIK)
    return (lampiran_head(L, "DAFTAR KEBUTUHAN DAN RENCANA ANGGARAN BIAYA PERALATAN JARINGAN TAHUN 2027") +
            grid(["No", "Uraian Barang", "Spesifikasi Usulan", "Volume", "Harga Satuan (Rp)", "Jumlah (Rp)"], body,
                 ["0.8cm", "3.6cm", "5.6cm", "1.8cm", "2.5cm", "2.7cm"]) +
            f'<p style="text-align:right;font-weight:bold;font-size:10.5pt">Jumlah total: Rp {rp(total)}</p>' +
            _sign_html(L, AG[L["ag"]], rng_for(L["key"] + ":sig2")))


# (uraian, spesifikasi, volume, harga satuan, satuan)
RAB_DISDIK = [
    ("Router", "Router 8 port gigabit, dual WAN, load balance", "1", 7_850_000, "unit"),
    ("Switch managed", "24 port gigabit, 4 port SFP, L2 managed", "3", 6_400_000, "unit"),
    ("Access point", "Wi-Fi 6 dual band, PoE, ceiling mount", "6", 2_950_000, "unit"),
    ("Kabel UTP", "Cat 6, 305 meter per roll", "3", 2_100_000, "roll"),
    ("Rak jaringan", "Wall mount 12U dengan kipas", "1", 3_250_000, "unit"),
    ("UPS", "1500 VA line interactive", "2", 3_600_000, "unit"),
]


# --------------------------------------------------------------------------- 1.1 perancangan interkoneksi

letter(
    key="bappeda_gedung_b", ag="bappeda", fmt="pdf", cat="1.1", prio="sedang",
    date="2026-11-16", date_line="Liwa, 16 November 2026", number="555/ 214 /II.03/2026",
    sifat="Biasa", lampiran="1 (satu) lembar", perihal="Permohonan Perancangan Interkoneksi Jaringan Gedung B Bappeda",
    layout="A", yth_inline=True, to_place="Liwa",
    paras=[
        "Sehubungan dengan telah selesainya pembangunan Gedung B (gedung tambahan) Badan Perencanaan Pembangunan "
        "Daerah Kabupaten Lampung Barat yang berada di sisi belakang gedung utama, dan direncanakan mulai digunakan "
        "oleh Bidang Perencanaan Infrastruktur dan Kewilayahan serta Bidang Penelitian dan Pengembangan pada awal "
        "bulan Januari 2027, dengan ini kami mengajukan permohonan perancangan interkoneksi jaringan antara gedung "
        "utama dan Gedung B.",
        "Saat ini jaringan intra di gedung utama terhubung ke jaringan Pemerintah Daerah melalui kabel fiber optik "
        "dari ruang server Sekretariat Daerah, sedangkan Gedung B belum memiliki jaringan sama sekali. Jarak antara "
        "kedua gedung kurang lebih 60 (enam puluh) meter. Kami memerlukan rancangan jalur kabel, penempatan "
        "perangkat serta pembagian segmen jaringan agar pegawai di kedua gedung dapat mengakses aplikasi SIPD dan "
        "e-Musrenbang dengan baik. Denah lokasi kami sampaikan sebagaimana terlampir.",
        "Untuk koordinasi teknis dapat menghubungi Sdr. Rudi Hartawan (operator jaringan Bappeda) pada nomor "
        "0812-7345-2190.",
    ],
    sign=dict(title=["KEPALA BADAN PERENCANAAN PEMBANGUNAN DAERAH", "KABUPATEN LAMPUNG BARAT,"],
              name="Ir. HENDRA SAPUTRA, M.T.", rank="Pembina Utama Muda (IV/c)", nip=nip("197203141998031006")),
    tembusan=["Sekretaris Daerah Kabupaten Lampung Barat (sebagai laporan);", "Arsip."],
    mail=dict(**{"from": ("Sekretariat Bappeda", "sekretariat@bappeda.lampungbaratkab.go.id")},
              subject="Surat Permohonan", when=(2026, 11, 16, 10, 24), att="Surat_Permohonan.pdf",
              body="Bersama ini kami sampaikan surat permohonan sebagaimana terlampir.\nTerima kasih.\n"),
)

letter(
    key="disdukcapil_upt_sumberjaya", ag="disdukcapil", fmt="docx", cat="1.1", prio="sedang",
    date="2026-11-18", date_line="Liwa, 18 November 2026", number="470/ 1187 /IV.06/2026",
    sifat="Penting", lampiran="-", perihal="Permohonan Rancangan Interkoneksi Jaringan UPT Disdukcapil Sumber Jaya",
    layout="B", nomor_table=True, yth_inline=False, to_place="Liwa", docx_font="Arial", docx_size=11,
    author="Disdukcapil-Sekretariat",
    paras=[
        "Dalam rangka mendekatkan pelayanan administrasi kependudukan kepada masyarakat di wilayah Kecamatan Sumber "
        "Jaya, Way Tenong, Air Hitam dan Kebun Tebu, Dinas Kependudukan dan Pencatatan Sipil Kabupaten Lampung Barat "
        "akan mengoperasikan Unit Pelaksana Teknis (UPT) Disdukcapil di Komplek Kantor Camat Sumber Jaya mulai bulan "
        "Januari 2027.",
        "Perangkat perekaman KTP-el dan pencetakan dokumen di UPT tersebut harus terhubung ke server SIAK di kantor "
        "Dinas melalui jaringan yang aman. Sehubungan dengan hal tersebut, kami mohon bantuan Dinas Komunikasi dan "
        "Informatika untuk menyusun rancangan interkoneksi jaringan antara UPT Sumber Jaya dengan kantor Dinas "
        "Kependudukan dan Pencatatan Sipil, termasuk skema pengamanan jalur (VPN) dan kebutuhan bandwidth minimal.",
        "Sebagai bahan pertimbangan, di Komplek Kantor Camat Sumber Jaya saat ini sudah tersedia jaringan intra "
        "Pemerintah Daerah yang digunakan oleh kantor kecamatan.",
    ],
    closing="Demikian disampaikan, atas bantuan dan kerja samanya kami ucapkan terima kasih.",
    sign=dict(title=["Kepala Dinas Kependudukan dan Pencatatan Sipil", "Kabupaten Lampung Barat,"],
              name="RUSLAN EFENDI, S.Sos., M.M.", rank="Pembina Tk. I (IV/b)", nip=nip("197408221999031002")),
    mail=dict(**{"from": ("Sekretariat Disdukcapil", "sekretariat@disdukcapil.lampungbaratkab.go.id")},
              subject="Permohonan", when=(2026, 11, 18, 14, 2), att="surat permohonan jaringan.docx",
              body="Yth. Bapak/Ibu di Diskominfo,\nTerlampir surat kami, mohon ditindaklanjuti. Terima kasih.\n"),
)

letter(
    key="rsud_gedung_rawat_inap", ag="rsud", fmt="pdf", cat="1.1", prio="sedang",
    date="2026-11-24", date_line="Liwa, 24 November 2026", number="445/ 2318 /RSUD-AU/XI/2026",
    sifat="Penting", lampiran="1 (satu) berkas",
    perihal="Permohonan Perancangan Interkoneksi Jaringan Gedung Rawat Inap Terpadu",
    layout="A", font="Liberation Sans", fs="11pt", body_indent="2.7cm",
    paras=[
        "Menindaklanjuti hasil rapat koordinasi pemanfaatan Gedung Rawat Inap Terpadu (GRIT) RSUD Alimuddin Umar "
        "tanggal 19 November 2026, gedung tersebut direncanakan mulai beroperasi secara bertahap pada bulan Februari "
        "2027. Seluruh ruang perawatan di GRIT akan menggunakan Sistem Informasi Manajemen Rumah Sakit (SIMRS) yang "
        "servernya berada di gedung manajemen.",
        "Sehubungan dengan hal tersebut, kami mohon kiranya Dinas Komunikasi dan Informatika Kabupaten Lampung Barat "
        "dapat membantu perancangan interkoneksi jaringan antara gedung manajemen, Gedung Rawat Inap Terpadu, dan "
        "pusat data Pemerintah Kabupaten Lampung Barat yang akan digunakan sebagai lokasi cadangan (backup) data "
        "SIMRS. Rancangan yang kami harapkan meliputi topologi, jalur kabel antargedung, pembagian VLAN per instalasi "
        "serta titik-titik perangkat yang dibutuhkan.",
        "Daftar ruangan dan perkiraan jumlah perangkat pada masing-masing lantai kami sampaikan pada lampiran surat "
        "ini. Narahubung teknis: Sdr. Fajar Nugroho, S.Kom. (Unit SIMRS), telepon 0813-6677-4021.",
    ],
    sign=dict(title=["Direktur RSUD Alimuddin Umar", "Kabupaten Lampung Barat,"], name="dr. MARDIANA SARI, Sp.PD",
              rank="Pembina Utama Muda (IV/c)", nip=nip("197605182003122004"),
              short_title="Direktur RSUD Alimuddin Umar"),
    tembusan=["Bupati Lampung Barat (sebagai laporan);", "Kepala Dinas Kesehatan Kabupaten Lampung Barat;",
              "Arsip."],
    page2=lamp_rsud_grit,
    mail=dict(**{"from": ("Unit SIMRS RSUD Alimuddin Umar", "simrs@rsud.lampungbaratkab.go.id")},
              subject="Surat RSUD - perancangan jaringan GRIT", when=(2026, 11, 24, 15, 37),
              att="Surat Permohonan Perancangan GRIT.pdf", agent=THUNDERBIRD,
              body="Selamat sore,\n\nMohon izin mengirimkan surat Direktur RSUD sebagaimana terlampir. Asli surat "
                   "menyusul diantar ke kantor.\n\nSalam,\nUnit SIMRS RSUD Alimuddin Umar\n"),
)

letter(
    key="kec_sekincau_jaringan_pekon", ag="kec_sekincau", fmt="jpg", cat="1.1", prio="rendah",
    date="2026-12-09", date_line="Sekincau, 9 Desember 2026", number="555/ 41 /KEC-SKC/2026",
    sifat="Biasa", lampiran="-", perihal="Permohonan Perencanaan Jaringan Intra Kecamatan Sekincau",
    layout="B", yth_inline=False, to_place="Liwa", stamped_number=True,
    paras=[
        "Dalam rangka mendukung pelaksanaan pelayanan administrasi dan pelaporan pekon secara daring, Pemerintah "
        "Kecamatan Sekincau berencana menghubungkan jaringan Kantor Camat Sekincau dengan 5 (lima) kantor pekon "
        "terdekat, yaitu Pekon Pampangan, Pekon Giham Sukamaju, Pekon Tiga Jaya, Pekon Sidomulyo dan Pekon Waspada, "
        "yang berjarak antara 1 s.d. 4 kilometer dari kantor camat.",
        "Karena kami belum memiliki tenaga teknis di bidang jaringan, kami mohon Dinas Komunikasi dan Informatika "
        "Kabupaten Lampung Barat berkenan membuat rancangan interkoneksi yang sesuai (misalnya menggunakan radio link "
        "atau fiber optik) berikut perkiraan kebutuhannya, untuk kami usulkan pada perubahan anggaran tahun 2027.",
    ],
    closing="Demikian kami sampaikan, atas perhatian Bapak diucapkan terima kasih.",
    sign=dict(title=["CAMAT SEKINCAU,"], name="ABDUL RAHMAN HAKIM, S.STP., M.Si.", rank="Penata Tk. I (III/d)",
              nip=nip("198809122010091001")),
    img=dict(dpi=170, angle=-3.2, tilt=0.05, light=(165, 255), blur=0.8, noise=0.10, quality=62, out_w=1450,
             shadow=True, phone=("OPPO", "CPH2477")),
    mail=dict(**{"from": ("Kecamatan Sekincau", "kec.sekincau@lampungbaratkab.go.id")},
              subject="Kiriman surat", when=(2026, 12, 9, 10, 17), att="IMG_20261209_101455.jpg", agent=ANDROID,
              body="Assalamualaikum, berikut kami kirimkan foto surat dari Camat Sekincau.\nAtas perhatiannya "
                   "diucapkan terima kasih.\n"),
)

letter(
    key="bpkd_upt_pendapatan", ag="bpkd", fmt="odt", cat="1.1", prio="rendah",
    date="2026-11-20", date_line="Liwa, 20 November 2026", number="900/ 3412 /III.04/2026",
    sifat="Biasa", lampiran="-", perihal="Permohonan Perancangan Interkoneksi Jaringan UPT Pendapatan Daerah Wilayah II",
    layout="B", yth_inline=True, to_place="Tempat", odt_logo=True,
    paras=[
        "Badan Pengelolaan Keuangan Daerah Kabupaten Lampung Barat memiliki Unit Pelaksana Teknis (UPT) Pendapatan "
        "Daerah Wilayah II yang berkedudukan di Fajar Bulan, Kecamatan Way Tenong. Saat ini petugas UPT masih "
        "mengirimkan data pembayaran PBB-P2 dan BPHTB ke kantor BPKD secara manual setiap minggu.",
        "Untuk itu kami mohon bantuan Dinas Komunikasi dan Informatika untuk merancang interkoneksi jaringan antara "
        "UPT Pendapatan Daerah Wilayah II dengan server aplikasi pendapatan daerah di kantor BPKD Liwa, sehingga "
        "petugas UPT dapat mengakses aplikasi secara langsung dan aman. Rancangan tersebut akan kami gunakan sebagai "
        "dasar penganggaran pada Tahun Anggaran 2027.",
    ],
    sign=dict(title=["Kepala Badan Pengelolaan Keuangan Daerah", "Kabupaten Lampung Barat,"],
              name="Hj. NURHASANAH, S.E., M.Ak.", rank="Pembina Utama Muda (IV/c)", nip=nip("197011051995032003")),
    mail=dict(**{"from": ("Umum BPKD", "umum@bpkd.lampungbaratkab.go.id")},
              subject="Surat", when=(2026, 11, 23, 9, 5), att="surat_bpkd_upt.odt", body=""),
)

letter(
    key="disdik_jaringan_smp", ag="disdik", fmt="scanpdf", cat="1.1", prio="rendah",
    date="2026-11-26", date_line="Liwa, 26 November 2026", number="420/ 3056 /III.07/2026",
    sifat="Biasa", lampiran="1 (satu) berkas", perihal="Permohonan Perancangan Jaringan Intra Satuan Pendidikan SMP Negeri",
    layout="A", body_indent="2.6cm",
    paras=[
        "Sesuai dengan program prioritas Dinas Pendidikan dan Kebudayaan Kabupaten Lampung Barat Tahun 2027 tentang "
        "penguatan tata kelola data pendidikan, kami merencanakan agar seluruh SMP Negeri di Kabupaten Lampung Barat "
        "dapat terhubung ke server data pendidikan (Dapodik lokal dan aplikasi Rapor Digital) yang ditempatkan di "
        "kantor Dinas.",
        "Tahap pertama direncanakan mencakup 8 (delapan) SMP Negeri yang berada di sekitar jalur fiber optik "
        "Pemerintah Daerah sebagaimana daftar terlampir. Kami mohon Dinas Komunikasi dan Informatika Kabupaten "
        "Lampung Barat dapat menyusun rancangan interkoneksi jaringan untuk sekolah-sekolah tersebut, meliputi "
        "topologi, jenis koneksi yang disarankan untuk masing-masing sekolah dan pengamanan aksesnya.",
        "Rancangan tersebut akan kami jadikan bahan penyusunan usulan kegiatan pada Rencana Kerja Perangkat Daerah "
        "Tahun 2027. Mengingat penyusunan masih dalam tahap awal, rancangan dapat kami terima sampai dengan akhir "
        "bulan Januari 2027.",
        "Untuk koordinasi lebih lanjut dapat menghubungi Kepala Subbagian Program, Sdri. Lestari Wulandari, S.Kom., "
        "telepon 0812-7901-3345.",
    ],
    sign=dict(title=["KEPALA DINAS PENDIDIKAN DAN KEBUDAYAAN", "KABUPATEN LAMPUNG BARAT,"],
              name="Drs. SUHARTO WIJAYA, M.Pd.", rank="Pembina Utama Muda (IV/c)", nip=nip("196905171994031008"),
              short_title="Kepala Dinas Pendidikan dan Kebudayaan Kabupaten Lampung Barat"),
    page2=lamp_disdik_smp,
    img=dict(dpi=150, angle=0.8, speckle=0.00025, quality=55, producer="Canon iR-ADV C3525 III"),
    mail=dict(**{"from": ("Subbag Umum Disdik", "umum@disdik.lampungbaratkab.go.id")},
              subject="Surat Permohonan Disdikbud", when=(2026, 11, 27, 8, 41), att="Scan_2026-11-26.pdf",
              body="Bersama ini kami sampaikan surat sebagaimana terlampir.\nTerima kasih.\n\nSubbag Umum dan "
                   "Kepegawaian\n"),
)

letter(
    key="dprd_gedung_rehab", ag="dprd", fmt="docx", cat="1.1", prio="sedang",
    date="2026-12-02", date_line="Liwa, 2 Desember 2026", number="B-12/DPRD/XII/2026",
    sifat="Penting", lampiran="-", perihal="Permohonan Rancangan Interkoneksi Jaringan Gedung DPRD",
    layout="A", kop_table=True, nomor_table=False, perihal_bold=True, author="SETWAN-01",
    paras=[
        "Sehubungan dengan selesainya rehabilitasi Gedung Sekretariat DPRD Kabupaten Lampung Barat, ruang-ruang kerja "
        "Fraksi, Komisi dan Ruang Rapat Paripurna akan kembali difungsikan mulai pertengahan bulan Januari 2027. "
        "Selama masa rehabilitasi, perangkat jaringan lama telah dibongkar dan belum dipasang kembali.",
        "Berkenaan dengan hal tersebut, kami mohon bantuan Saudara untuk merancang ulang interkoneksi jaringan Gedung "
        "DPRD, termasuk koneksi ke jaringan Sekretariat Daerah untuk penggunaan aplikasi persuratan elektronik "
        "(e-Office) dan sistem informasi DPRD, serta pemisahan jaringan untuk tamu dan anggota dewan.",
        "Hasil rancangan tersebut akan kami gunakan sebagai acuan penataan jaringan sebelum ruangan digunakan kembali.",
    ],
    closing="Demikian kami sampaikan, atas perhatian dan kerja sama yang baik kami ucapkan terima kasih.",
    sign=dict(title=["SEKRETARIS DPRD", "KABUPATEN LAMPUNG BARAT,"], name="ZULKARNAIN, S.H., M.H.",
              rank="Pembina Utama Muda (IV/c)", nip=nip("197102101996031004")),
    mail=dict(**{"from": ("Sekretariat DPRD Kab. Lampung Barat", "sekretariat@dprd.lampungbaratkab.go.id")},
              subject="(no subject)", when=(2026, 12, 2, 13, 48), att="Surat Rancangan Jaringan DPRD.docx",
              body="Disampaikan dengan hormat surat sebagaimana terlampir.\n"),
)

letter(
    key="bpbd_pusdalops_siaga", ag="bpbd", fmt="jpg", cat="1.1", prio="tinggi",
    date="2026-12-07", date_line="Liwa, 7 Desember 2026", number="360/ 287 /BPBD/XII/2026",
    sifat="Segera", lampiran="-", perihal="Permohonan Perancangan Interkoneksi Jaringan Pusdalops BPBD",
    layout="C", yth_inline=True, to_place="Liwa", font="Liberation Sans", fs="11pt",
    paras=[
        "Memperhatikan Keputusan Bupati Lampung Barat tentang Penetapan Status Siaga Darurat Bencana Hidrometeorologi "
        "(banjir, tanah longsor dan angin kencang) yang berlaku sampai dengan 31 Januari 2027, Pusat Pengendalian "
        "Operasi (Pusdalops) BPBD Kabupaten Lampung Barat harus beroperasi 24 jam dan terhubung dengan Ruang Command "
        "Center Pemerintah Kabupaten untuk pertukaran data kejadian, CCTV pantauan sungai dan laporan kecamatan.",
        "Saat ini Pusdalops hanya terhubung menggunakan internet seluler sehingga tidak dapat mengakses sumber data di "
        "jaringan intra. Oleh karena itu kami mohon Dinas Komunikasi dan Informatika Kabupaten Lampung Barat dapat "
        "segera merancang interkoneksi jaringan antara Pusdalops BPBD dengan Command Center, agar dapat kami "
        "laksanakan dalam masa siaga darurat ini.",
    ],
    closing="Demikian permohonan ini disampaikan, atas perhatian dan kerja samanya diucapkan terima kasih.",
    sign=dict(title=["KEPALA PELAKSANA", "BADAN PENANGGULANGAN BENCANA DAERAH", "KABUPATEN LAMPUNG BARAT,"],
              name="MUHAMMAD RIDWAN, S.T.", rank="Pembina (IV/a)", nip=nip("197806252005011007")),
    tembusan=["Bupati Lampung Barat (sebagai laporan);", "Sekretaris Daerah Kabupaten Lampung Barat."],
    img=dict(dpi=160, angle=2.1, tilt=0.04, light=(170, 255), blur=1.0, noise=0.09, quality=48, out_w=1200,
             quarter=90, phone=("samsung", "SM-A057F")),
    mail=dict(**{"from": ("Pusdalops BPBD Lampung Barat", "pusdalops@bpbd.lampungbaratkab.go.id")},
              subject="Surat BPBD", when=(2026, 12, 7, 16, 5), att="IMG-20261207-WA0012.jpg", agent=ANDROID,
              body="Mohon diterima surat terlampir, asli menyusul.\n\nDikirim dari Samsung Mobile\n"),
)

letter(
    key="pkm_fajarbulan_pustu", ag="pkm_fb", fmt="png", cat="1.1", prio="rendah",
    date="2026-11-25", date_line="Fajar Bulan, 25 November 2026", number="400.7/ 318 /PKM-FB/XI/2026",
    sifat="Biasa", lampiran="-", perihal="Permohonan Rancangan Jaringan Puskesmas Pembantu", hal_label="Hal",
    layout="A", yth_inline=True, to_place="Liwa",
    paras=[
        "Dalam rangka integrasi layanan kesehatan primer, UPTD Puskesmas Fajar Bulan berencana menghubungkan 3 (tiga) "
        "Puskesmas Pembantu (Pustu) di wilayah kerja kami, yaitu Pustu Padang Tambak, Pustu Gunung Terang dan Pustu "
        "Sumber Alam, ke aplikasi SIMPUS yang servernya berada di Dinas Kesehatan Kabupaten Lampung Barat.",
        "Kami mohon Dinas Komunikasi dan Informatika dapat membuat rancangan interkoneksi jaringan untuk ketiga Pustu "
        "tersebut sebagai bahan usulan kegiatan Puskesmas Tahun 2027. Pelayanan pada Pustu saat ini tetap berjalan "
        "dengan pencatatan manual.",
    ],
    sign=dict(title=["Kepala UPTD Puskesmas Fajar Bulan,"], name="SITI AMINAH, S.Kep., Ners",
              rank="Penata Tk. I (III/d)", nip=nip("198303152006042011", spaced=False), nip_dot=False),
    img=dict(dpi=150, angle=-1.2, speckle=0.0004, levels=16),
    mail=dict(**{"from": ("Puskesmas Fajar Bulan", "pkm.fajarbulan@lampungbaratkab.go.id")},
              subject=None, when=(2026, 11, 26, 11, 12), att="scan0001.png", agent=THUNDERBIRD, body=None),
)


# --------------------------------------------------------------------------- 1.2 pembangunan / pengembangan

letter(
    key="diskes_titik_lan_p2p", ag="diskes", fmt="pdf", cat="1.2", prio="sedang",
    date="2026-11-10", date_line="Liwa, 10 November 2026", number="440/ 5012 /III.08/2026",
    sifat="Biasa", lampiran="-", perihal="Permohonan Penambahan Titik Jaringan LAN Ruang Bidang P2P",
    layout="C", yth_inline=False, to_place="Tempat", label_w="2.2cm",
    paras=[
        "Sehubungan dengan telah selesainya renovasi ruang Bidang Pencegahan dan Pengendalian Penyakit (P2P) di "
        "lantai II Gedung Dinas Kesehatan Kabupaten Lampung Barat, saat ini ruangan tersebut telah ditempati oleh "
        "12 (dua belas) orang pegawai. Namun ruangan baru tersebut hanya memiliki 2 (dua) titik jaringan, sehingga "
        "sebagian besar pegawai belum dapat mengakses aplikasi SIHA, SITB dan pelaporan surveilans yang hanya dapat "
        "diakses melalui jaringan kantor.",
        "Untuk itu kami mohon bantuan Dinas Komunikasi dan Informatika Kabupaten Lampung Barat untuk melakukan "
        "penambahan 6 (enam) titik jaringan LAN beserta perangkat pendukungnya pada ruang Bidang P2P tersebut. "
        "Sementara ini pegawai masih bergantian menggunakan komputer yang sudah terhubung.",
    ],
    closing="Demikian disampaikan, atas perhatian dan kerja samanya diucapkan terima kasih.",
    sign=dict(title=["Kepala Dinas Kesehatan", "Kabupaten Lampung Barat,"], name="dr. AGUS PRIYANTO, M.Kes.",
              rank="Pembina Utama Muda (IV/c)", nip=nip("197106031999031005")),
    tembusan=["Sekretaris Dinas Kesehatan;", "Kepala Bidang P2P;", "Arsip."],
    mail=dict(**{"from": ("Umum Dinkes Lambar", "umum@diskes.lampungbaratkab.go.id")},
              subject="Surat Dinas Kesehatan", when=(2026, 11, 10, 9, 33), att="surat dinkes.pdf",
              body="Yth. Diskominfo Kab. Lampung Barat\n\nBersama ini kami kirimkan surat sebagaimana terlampir, "
                   "mohon dapat ditindaklanjuti.\nTerima kasih.\n\nSubbag Umum dan Kepegawaian\nDinas Kesehatan\n"),
)

letter(
    key="kec_balikbukit_wifi_aula", ag="kec_bb", fmt="docx", cat="1.2", prio="sedang",
    date="2026-11-12", date_line="Balik Bukit, 12 November 2026", number="800/ 12 /KEC-BB/2026",
    sifat="Biasa", lampiran="-", perihal="Permohonan Pemasangan Jaringan Wifi Aula dan Ruang Pelayanan",
    layout="B", nomor_table=False, yth_inline=True, to_place="Liwa", docx_font="Bookman Old Style", docx_size=11,
    author="KEC BALIK BUKIT",
    paras=[
        "Dalam rangka peningkatan pelayanan kepada masyarakat, Kantor Camat Balik Bukit telah menata ulang ruang "
        "pelayanan terpadu dan aula kantor. Di kedua ruangan tersebut saat ini belum tersedia jaringan wifi, "
        "sedangkan aula sering digunakan untuk rapat koordinasi secara daring (zoom meeting) bersama Pemerintah "
        "Kabupaten dan pemerintah pekon.",
        "Berkenaan dengan hal tersebut, kami mohon kepada Bapak kiranya dapat menugaskan tim teknis untuk memasang "
        "jaringan wifi (access point) di aula dan ruang pelayanan Kantor Camat Balik Bukit yang tersambung ke jaringan "
        "intra Pemerintah Daerah yang sudah ada di ruang Sekretariat Kecamatan.",
    ],
    closing="Demikian atas perhatian dan bantuannya kami ucapkan terima kasih.",
    sign=dict(title=["CAMAT BALIK BUKIT,"], name="SYAMSUL BAHRI, S.IP.", rank="Penata Tk. I (III/d)",
              nip=nip("198105262009031002")),
    mail=dict(**{"from": ("Kecamatan Balik Bukit", "kec.balikbukit@lampungbaratkab.go.id")},
              subject="Surat", when=(2026, 11, 12, 11, 8), att="SURAT WIFI AULA.docx",
              ctype="application/octet-stream", body="Terlampir.\n"),
)

letter(
    key="inspektorat_gedung_irban", ag="inspektorat", fmt="odt", cat="1.2", prio="sedang",
    date="2026-11-17", date_line="Liwa, 17 November 2026", number="700/ 905 /IV.02/2026",
    sifat="Biasa", lampiran="-", perihal="Permohonan Penyambungan Jaringan Intra ke Gedung Ruang Irban",
    layout="A", yth_inline=True, to_place="Liwa",
    paras=[
        "Inspektorat Daerah Kabupaten Lampung Barat telah menyelesaikan pembangunan gedung tambahan untuk ruang kerja "
        "Inspektur Pembantu (Irban) I sampai dengan IV yang terletak di samping gedung utama. Gedung tersebut mulai "
        "digunakan pada tanggal 1 Desember 2026 dan akan ditempati oleh kurang lebih 24 (dua puluh empat) orang "
        "auditor dan P2UPD.",
        "Sehubungan dengan hal tersebut, kami mohon agar Dinas Komunikasi dan Informatika dapat menyambungkan jaringan "
        "intra Pemerintah Daerah ke gedung ruang Irban tersebut, sehingga para auditor dapat mengakses aplikasi SIPD, "
        "e-Audit dan aplikasi pengawasan lainnya dari ruang kerjanya masing-masing.",
    ],
    sign=dict(title=["INSPEKTUR DAERAH", "KABUPATEN LAMPUNG BARAT,"], name="DEDI KURNIAWAN, S.E., M.Si., Ak.",
              rank="Pembina Utama Muda (IV/c)", nip=nip("197209141998031003")),
    mail=dict(**{"from": ("Sekretariat Inspektorat", "sekretariat@inspektorat.lampungbaratkab.go.id")},
              subject="Kiriman surat", when=(2026, 11, 18, 8, 12), att="Surat Permohonan.odt",
              body="Selamat pagi,\nberikut surat dari Inspektorat. Terima kasih.\n"),
)

letter(
    key="pkm_liwa_ruang_pendaftaran", ag="pkm_liwa", fmt="jpg", cat="1.2", prio="tinggi",
    date="2026-12-03", date_line="Liwa, 03-12-2026", number="440/1123/PKM-LW/XII/2026",
    sifat="Segera", lampiran="-", perihal="Permohonan Pemasangan Jaringan di Ruang Pendaftaran Baru",
    layout="B", yth_inline=True, to_place="Liwa",
    paras=[
        "Sejak tanggal 1 Desember 2026 ruang pendaftaran pasien UPTD Puskesmas Liwa dipindahkan ke gedung depan yang "
        "baru selesai direhabilitasi. Ruang pendaftaran baru tersebut belum memiliki sambungan jaringan, sehingga "
        "komputer pendaftaran tidak dapat mengakses aplikasi P-Care BPJS Kesehatan dan SIMPUS.",
        "Akibatnya pendaftaran pasien, terutama peserta BPJS, saat ini dilakukan secara manual dan antrean pasien "
        "menumpuk setiap pagi (rata-rata 120 pasien per hari). Oleh karena itu kami mohon dengan sangat agar Dinas "
        "Komunikasi dan Informatika Kabupaten Lampung Barat dapat segera memasang jaringan dari ruang tata usaha ke "
        "ruang pendaftaran baru tersebut.",
    ],
    closing="Demikian kami sampaikan, atas perhatian dan bantuannya kami ucapkan terima kasih.",
    sign=dict(title=["Kepala UPTD Puskesmas Liwa,"], name="dr. RINA MARLINA", rank="Penata Tk. I (III/d)",
              nip=nip("198607192014022002")),
    img=dict(dpi=180, angle=4.6, tilt=0.07, light=(150, 255), blur=0.9, noise=0.11, quality=58, out_w=1500,
             shadow=True, bg=(120, 124, 130), phone=("Xiaomi", "Redmi Note 12")),
    mail=dict(**{"from": ("Sekretariat Puskesmas Liwa", "sekretariat.puskesmasliwa@lampungbaratkab.go.id")},
              subject="IMG_20261203_091512.jpg", when=(2026, 12, 3, 9, 18), att="IMG_20261203_091512.jpg",
              agent=ANDROID, body=None),
)

letter(
    key="bkpsdm_ruang_cat_pppk", ag="bkpsdm", fmt="pdf", cat="1.2", prio="tinggi",
    date="2026-12-01", date_line="Liwa, 1 Desember 2026", number="800/ 1544 /II.09/2026",
    sifat="Sangat Segera", lampiran="-", perihal="Permohonan Pemasangan Jaringan LAN Ruang CAT Seleksi PPPK",
    layout="B", yth_inline=False, to_place="Tempat", perihal_bold=True,
    paras=[
        "Berdasarkan jadwal dari Badan Kepegawaian Negara, pelaksanaan Seleksi Kompetensi PPPK Tahap II Kabupaten "
        "Lampung Barat menggunakan Computer Assisted Test (CAT) akan dilaksanakan pada tanggal 9 sampai dengan 11 "
        "Desember 2026 bertempat di Aula Lantai II Kantor BKPSDM Kabupaten Lampung Barat dengan 60 (enam puluh) unit "
        "komputer peserta.",
        "Sesuai ketentuan BKN, seluruh komputer peserta wajib terhubung dengan kabel LAN ke server CAT dan memiliki "
        "koneksi internet yang stabil, sedangkan Aula Lantai II saat ini hanya memiliki jaringan wifi. Untuk itu kami "
        "mohon Dinas Komunikasi dan Informatika dapat memasang jaringan LAN untuk 60 (enam puluh) titik beserta switch "
        "pendukungnya paling lambat tanggal 7 Desember 2026, mengingat pada tanggal 8 Desember 2026 akan dilaksanakan "
        "uji coba (simulasi) oleh tim BKN Regional V.",
        "Narahubung: Sdr. Yoga Pratama, S.Kom. (Pranata Komputer BKPSDM), telepon 0821-7766-1209.",
    ],
    sign=dict(pre=[], title=["KEPALA BADAN KEPEGAWAIAN DAN", "PENGEMBANGAN SUMBER DAYA MANUSIA", "KABUPATEN LAMPUNG BARAT,"],
              name="ANDI FIRMANSYAH, S.STP., M.A.P.", rank="Pembina Tk. I (IV/b)", nip=nip("198101092000121002")),
    tembusan=["Bupati Lampung Barat (sebagai laporan);", "Sekretaris Daerah Kabupaten Lampung Barat;",
              "Kepala Kantor Regional V BKN di Jakarta."],
    mail=dict(**{"from": ("Bidang Pengadaan BKPSDM", "pengadaan@bkpsdm.lampungbaratkab.go.id")},
              subject="SEGERA - surat permohonan", when=(2026, 12, 1, 10, 46),
              att="SURAT PERMOHONAN JARINGAN CAT.pdf",
              body="Yth. Kabid Aptika,\n\nMohon izin mengirimkan surat Kepala BKPSDM terlampir. Terima kasih atas "
                   "bantuannya.\n\nBidang Pengadaan, Pemberhentian dan Informasi Kepegawaian\nBKPSDM Kab. Lampung "
                   "Barat\n"),
)

letter(
    key="perpus_wifi_ruang_baca", ag="perpus", fmt="tiff", cat="1.2", prio="rendah",
    date="2026-11-19", date_line="Liwa, 19 November 2026", number="041/ 219 /III.13/2026",
    sifat="Biasa", lampiran="-", perihal="Permohonan Pemasangan Wifi Ruang Baca Umum",
    layout="A", yth_inline=True, to_place="Liwa", signed=True, stamped=False,
    paras=[
        "Dinas Perpustakaan dan Kearsipan Kabupaten Lampung Barat setiap harinya melayani rata-rata 40 (empat puluh) "
        "pengunjung ruang baca umum, sebagian besar pelajar dan mahasiswa. Banyak pengunjung menanyakan ketersediaan "
        "akses internet untuk mengakses perpustakaan digital (iPusnas dan e-resources Perpustakaan Nasional).",
        "Sehubungan dengan hal tersebut, kami mohon kiranya Dinas Komunikasi dan Informatika dapat memperluas jaringan "
        "wifi ke ruang baca umum di lantai I, dengan jaringan yang terpisah dari jaringan kerja pegawai. Pemasangan "
        "dapat disesuaikan dengan jadwal dan ketersediaan perangkat pada Dinas Komunikasi dan Informatika.",
    ],
    sign=dict(title=["KEPALA DINAS PERPUSTAKAAN DAN KEARSIPAN", "KABUPATEN LAMPUNG BARAT,"], name="Dra. ERNAWATI",
              rank="Pembina Tk. I (IV/b)", nip=nip("196812041994032006")),
    img=dict(dpi=300, angle=0.6, speckle=0.00006),
    mail=dict(**{"from": ("Dinas Perpustakaan dan Kearsipan", "perpustakaan.arsip@lampungbaratkab.go.id")},
              subject="Permohonan", when=(2026, 11, 20, 13, 25), att="scan_20261119_0001.tif",
              body="Bersama ini kami sampaikan surat permohonan sebagaimana terlampir. Terima kasih.\n"),
)

letter(
    key="dpmptsp_gerai_mpp", ag="dpmptsp", fmt="docx", cat="1.2", prio="sedang",
    date="2026-11-23", date_line="Liwa, 23 November 2026", number="503/ 677 /IV.11/2026",
    sifat="Penting", lampiran="1 (satu) lembar", perihal="Permohonan Penambahan Titik Jaringan Gerai Mal Pelayanan Publik",
    layout="A", nomor_table=True, kop_table=True, yth_inline=True, to_place="Liwa", docx_font="Arial", docx_size=11,
    author="DPMPTSP",
    paras=[
        "Mal Pelayanan Publik (MPP) Kabupaten Lampung Barat akan menambah 4 (empat) gerai layanan baru pada bulan "
        "Januari 2027, yaitu gerai Kantor Pertanahan, BPJS Ketenagakerjaan, Samsat dan Perumda Air Minum. Masing-masing "
        "gerai membutuhkan 2 (dua) titik jaringan LAN untuk komputer dan printer layanan.",
        "Berkenaan dengan hal tersebut, kami mohon bantuan Dinas Komunikasi dan Informatika Kabupaten Lampung Barat "
        "untuk menambah 8 (delapan) titik jaringan LAN pada area gerai baru di lantai I Gedung MPP sebelum gerai mulai "
        "beroperasi. Denah penempatan gerai kami sampaikan sebagaimana terlampir.",
    ],
    sign=dict(title=["Kepala Dinas Penanaman Modal dan", "Pelayanan Terpadu Satu Pintu", "Kabupaten Lampung Barat,"],
              name="FAHRUL ROZI, S.H., M.M.", rank="Pembina Tk. I (IV/b)", nip=nip("197510132002121003")),
    mail=dict(**{"from": ("Sekretariat DPMPTSP", "sekretariat@dpmptsp.lampungbaratkab.go.id")},
              subject="Permohonan titik LAN", when=(2026, 11, 23, 14, 51), att="Permohonan titik LAN MPP.docx",
              extra=[("denah gerai MPP.jpg", "@plan")],
              body="Yth. Diskominfo,\n\nKami sampaikan surat dan denah terlampir untuk dapat ditindaklanjuti.\n"
                   "Terima kasih.\n"),
)

letter(
    key="pariwisata_gedung_tic", ag="pariwisata", fmt="scanpdf", cat="1.2", prio="sedang",
    date="2026-11-27", date_line="Liwa, 27 November 2026", number="556/ 144 /III.15/2026",
    sifat="Biasa", lampiran="-", perihal="Permohonan Penyambungan Jaringan Internet Gedung Pusat Informasi Pariwisata",
    layout="B", yth_inline=False, to_place="Liwa", font="Liberation Sans", fs="11pt",
    paras=[
        "Dinas Pariwisata Kabupaten Lampung Barat telah menyelesaikan pembangunan Gedung Pusat Informasi Pariwisata "
        "(Tourism Information Center) di kawasan Tugu Kopi, Pekon Way Mengaku, yang direncanakan diresmikan pada bulan "
        "Januari 2027. Gedung tersebut berjarak kurang lebih 150 meter dari kantor Dinas Pariwisata.",
        "Gedung ini akan dilengkapi layar informasi digital, komputer layanan informasi wisata dan wifi bagi "
        "wisatawan. Untuk itu kami mohon bantuan Dinas Komunikasi dan Informatika untuk melakukan penyambungan "
        "jaringan intra Pemerintah Daerah ke Gedung Pusat Informasi Pariwisata tersebut.",
    ],
    sign=dict(title=["KEPALA DINAS PARIWISATA", "KABUPATEN LAMPUNG BARAT,"],
              name="TOMMY HERLAMBANG, S.Sos., M.Si.", rank="Pembina Tk. I (IV/b)", nip=nip("197703282003121005")),
    img=dict(dpi=150, angle=-0.9, speckle=0.00012, quality=50, producer="RICOH IM 2702"),
    mail=dict(**{"from": ("Dinas Pariwisata Lampung Barat", "pariwisata@lampungbaratkab.go.id")},
              subject="Surat Dinas Pariwisata", when=(2026, 11, 30, 8, 20), att="Scan_2026-11-27.pdf", body=""),
)

letter(
    key="dinsos_ruang_dtsen", ag="dinsos", fmt="pdf", cat="1.2", prio="sedang",
    date="2026-11-30", date_line="Liwa, 30 November 2026", number="460/ 2201 /III.05/2026",
    sifat="Penting", lampiran="-", perihal="Permohonan Pembangunan Jaringan Ruang Pelayanan Data Terpadu",
    layout="A", yth_inline=True, to_place="Liwa", nomor_label="No.", font="DejaVu Serif", fs="10.5pt",
    paras=[
        "Dalam rangka pemutakhiran Data Tunggal Sosial dan Ekonomi Nasional (DTSEN), Dinas Sosial Kabupaten Lampung "
        "Barat telah menyiapkan ruang pelayanan data terpadu di bekas ruang gudang lantai I, yang akan digunakan oleh "
        "8 (delapan) operator data dan petugas pendamping PKH.",
        "Ruangan tersebut belum memiliki jaringan. Kami mohon Dinas Komunikasi dan Informatika Kabupaten Lampung Barat "
        "dapat membangun jaringan LAN dan wifi di ruangan tersebut, agar operator dapat mengakses aplikasi SIKS-NG dan "
        "DTSEN. Sementara ini operator masih bekerja secara bergantian di ruang sekretariat.",
    ],
    closing="Demikian disampaikan, atas kerja sama yang baik diucapkan terima kasih.",
    sign=dict(title=["KEPALA DINAS SOSIAL", "KABUPATEN LAMPUNG BARAT,"], name="HERMANSYAH, S.Sos.",
              rank="Pembina (IV/a)", nip=nip("197402152001121004")),
    mail=dict(**{"from": ("Dinsos Lampung Barat", "dinsos@dinsos.lampungbaratkab.go.id")},
              subject="Surat Dinas Sosial", when=(2026, 11, 30, 15, 2), att="Surat Dinsos ke Kominfo.pdf",
              agent=THUNDERBIRD,
              body="Assalamualaikum wr. wb.\n\nBerikut kami kirimkan surat dari Kepala Dinas Sosial. Atas perhatiannya "
                   "diucapkan terima kasih.\n\nWassalam\n"),
)


# --------------------------------------------------------------------------- 1.3 perbaikan / pemeliharaan

letter(
    key="rsud_igd_switch_mati", ag="rsud", fmt="jpg", cat="1.3", prio="tinggi",
    date="2026-12-03", date_line="Liwa, 3 Desember 2026", number="445/ 2451 /RSUD-AU/XII/2026",
    sifat="Sangat Segera", lampiran="1 (satu) lembar foto", perihal="Permohonan Perbaikan Jaringan Instalasi Gawat Darurat",
    layout="B", yth_inline=True, to_place="Liwa", font="Liberation Sans", fs="11pt", stamped_number=True,
    paras=[
        "Dengan ini kami sampaikan bahwa sejak hari Kamis, 3 Desember 2026 pukul 07.30 WIB, jaringan di Instalasi "
        "Gawat Darurat (IGD) dan Instalasi Farmasi RSUD Alimuddin Umar terputus total. Berdasarkan pemeriksaan petugas "
        "IT, switch distribusi di panel IGD mati dan tidak menyala kembali setelah terjadi pemadaman listrik.",
        "Akibat gangguan tersebut, pendaftaran pasien gawat darurat, permintaan obat dan klaim BPJS melalui SIMRS tidak "
        "dapat dilakukan dan saat ini dilayani secara manual. Mengingat IGD beroperasi 24 jam, kami mohon dengan sangat "
        "agar tim teknis Dinas Komunikasi dan Informatika dapat segera datang untuk melakukan perbaikan.",
    ],
    closing="Demikian disampaikan, atas perhatian dan bantuannya diucapkan terima kasih.",
    sign=dict(pre=["a.n. Direktur RSUD Alimuddin Umar"], title=["Wakil Direktur Umum dan Keuangan,"],
              name="YUSRIZAL, S.E., M.M.", rank="Pembina (IV/a)", nip=nip("197912202005011006")),
    img=dict(dpi=170, angle=-1.8, tilt=0.06, light=(160, 255), blur=0.7, noise=0.10, quality=66, out_w=1500,
             bg=(205, 200, 190), phone=("vivo", "V2207")),
    mail=dict(**{"from": ("IT RSUD Alimuddin Umar", "it@rsud.lampungbaratkab.go.id")},
              subject="Permohonan perbaikan jaringan IGD", when=(2026, 12, 3, 8, 27), att="surat RSUD.jpg",
              extra=[("IMG_20261203_080244.jpg", "@switch")], agent=ANDROID,
              body="Mohon segera ditindaklanjuti, surat dan foto perangkat terlampir.\n\nIT RSUD\n"),
)

letter(
    key="disdukcapil_internet_putus", ag="disdukcapil", fmt="pdf", cat="1.3", prio="tinggi",
    date="2026-12-08", date_line="Liwa, 08 Desember 2026", number="470/ 1302 /IV.06/2026",
    sifat="Segera", lampiran="-", perihal="Laporan Gangguan Jaringan dan Permohonan Perbaikan",
    layout="C", yth_inline=True, to_place="Liwa",
    paras=[
        "Bersama ini kami laporkan bahwa sejak tanggal 7 Desember 2026 sore, jaringan internet dan intranet di kantor "
        "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Lampung Barat tidak dapat digunakan. Lampu indikator pada "
        "perangkat fiber optik (ONT) di ruang server berwarna merah (LOS).",
        "Gangguan ini mengakibatkan seluruh layanan administrasi kependudukan, termasuk perekaman dan pencetakan KTP-el, "
        "Kartu Identitas Anak dan akta pencatatan sipil, terhenti sama sekali, sementara setiap hari kami melayani lebih "
        "dari 150 (seratus lima puluh) pemohon. Kami mohon tim teknis Dinas Komunikasi dan Informatika dapat segera "
        "melakukan pemeriksaan dan perbaikan pada hari ini juga.",
    ],
    closing="Demikian laporan dan permohonan ini kami sampaikan, atas perhatiannya diucapkan terima kasih.",
    sign=dict(title=["Kepala Dinas Kependudukan dan Pencatatan Sipil", "Kabupaten Lampung Barat,"],
              name="RUSLAN EFENDI, S.Sos., M.M.", rank="Pembina Tk. I (IV/b)", nip=nip("197408221999031002")),
    mail=dict(**{"from": ("Sekretariat Disdukcapil", "sekretariat@disdukcapil.lampungbaratkab.go.id")},
              subject="Surat Nomor 470/ 1302 /IV.06/2026", when=(2026, 12, 8, 7, 48), att="470-1302-IV.06-2026.pdf",
              body="Kami sampaikan surat terlampir untuk dapat ditindaklanjuti. Terima kasih.\n"),
)

letter(
    key="kec_sukau_fo_putus", ag="kec_sukau", fmt="png", cat="1.3", prio="tinggi",
    date="2026-11-30", date_line="Sukau, 30 November 2026", number="555/ 087 /KEC-SKU/XI/2026",
    sifat="Segera", lampiran="-", perihal="Permohonan Perbaikan Kabel Fiber Optik yang Terputus",
    layout="B", yth_inline=True, to_place="Liwa",
    paras=[
        "Dengan ini kami sampaikan bahwa pada hari Senin tanggal 30 November 2026 sekitar pukul 09.00 WIB, kabel fiber "
        "optik jaringan intra Pemerintah Daerah yang menuju Kantor Camat Sukau terputus akibat pekerjaan pelebaran "
        "jalan dan pemasangan saluran drainase di ruas jalan Pekon Buay Nyerupa.",
        "Sejak saat itu seluruh ruangan di Kantor Camat Sukau tidak memiliki koneksi internet maupun intranet, sehingga "
        "pelayanan administrasi, pengiriman laporan dan aplikasi Srikandi tidak dapat digunakan. Kami mohon kiranya "
        "Dinas Komunikasi dan Informatika dapat segera menurunkan tim teknis untuk memperbaiki kabel yang terputus "
        "tersebut.",
    ],
    closing="Demikian kami sampaikan, atas perhatian dan kerja samanya diucapkan terima kasih.",
    sign=dict(pre=["Plt. CAMAT SUKAU,"], title=[], name="IWAN SETIAWAN, S.Sos.", rank="Penata Tk. I (III/d)",
              nip=nip("198004142008011009")),
    img=dict(dpi=200, angle=1.5, speckle=0.00008, levels=16, lid=True),
    mail=dict(**{"from": ("Kecamatan Sukau", "kec.sukau@lampungbaratkab.go.id")},
              subject="Surat Kecamatan Sukau", when=(2026, 11, 30, 13, 40), att="scan0003.png",
              body="Mohon izin pak, surat kami kirim lewat email karena jaringan kantor putus, ini dikirim dari "
                   "hotspot HP.\nTerima kasih.\n"),
)

letter(
    key="pkm_sekincau_ap_rawat_inap", ag="pkm_sekincau", fmt="docx", cat="1.3", prio="sedang",
    date="2026-12-02", date_line="Sekincau, 2 Desember 2026", number="400.7/ 221 /PKM-SKC/XII/2026",
    sifat="Biasa", lampiran="1 (satu) lembar foto", perihal="Permohonan Perbaikan Access Point Ruang Rawat Inap",
    layout="B", nomor_table=True, yth_inline=False, to_place="Liwa", author="TU PKM SEKINCAU",
    paras=[
        "Kami sampaikan bahwa access point (wifi) yang terpasang di ruang rawat inap UPTD Puskesmas Sekincau tidak "
        "berfungsi sejak tanggal 27 November 2026. Lampu indikator perangkat tidak menyala walaupun adaptor daya sudah "
        "kami ganti. Jaringan di ruang lain (pendaftaran, poli dan apotek) masih berjalan normal.",
        "Perawat jaga rawat inap saat ini menginput data pasien di ruang pendaftaran. Untuk itu kami mohon bantuan Dinas "
        "Komunikasi dan Informatika untuk memeriksa dan memperbaiki atau mengganti access point tersebut. Foto perangkat "
        "kami lampirkan.",
    ],
    sign=dict(title=["Kepala UPTD Puskesmas Sekincau,"], name="DESI RATNASARI, S.K.M.", rank="Penata (III/c)",
              nip=nip("198812302011012004")),
    mail=dict(**{"from": ("TU Puskesmas Sekincau", "puskesmas.sekincau@lampungbaratkab.go.id")},
              subject="Surat Permohonan", when=(2026, 12, 2, 10, 3), att="surat perbaikan AP.docx",
              extra=[("foto AP rusak.jpg", "@ap")], body="Terlampir surat dan foto perangkat.\nTerima kasih.\n"),
)

letter(
    key="dishub_internet_lambat", ag="dishub", fmt="odt", cat="1.3", prio="sedang",
    date="2026-11-11", date_line="Liwa, 11 November 2026", number="550/ 388 /III.12/2026",
    sifat="Biasa", lampiran="-", perihal="Permohonan Pemeriksaan Jaringan Internet yang Lambat", hal_label="Hal",
    layout="B", yth_inline=True, to_place="Tempat", odt_font="Liberation Sans",
    paras=[
        "Dalam dua minggu terakhir, koneksi internet di kantor Dinas Perhubungan Kabupaten Lampung Barat sangat lambat "
        "terutama pada pukul 10.00 s.d. 14.00 WIB. Pada jam tersebut pengunggahan data uji KIR dan pengiriman laporan "
        "melalui aplikasi sering gagal dan harus diulang berkali-kali, walaupun pada pagi hari koneksi masih normal.",
        "Kami mohon Dinas Komunikasi dan Informatika dapat melakukan pemeriksaan terhadap jaringan di kantor kami, "
        "termasuk kemungkinan adanya perangkat yang bermasalah atau penggunaan bandwidth yang berlebihan, serta "
        "melakukan perbaikan yang diperlukan.",
    ],
    sign=dict(title=["KEPALA DINAS PERHUBUNGAN", "KABUPATEN LAMPUNG BARAT,"], name="BUDI HARTONO, S.T., M.T.",
              rank="Pembina (IV/a)", nip=nip("197907112005011008")),
    mail=dict(**{"from": ("Dinas Perhubungan", "dishub@lampungbaratkab.go.id")},
              subject="Surat", when=(2026, 11, 11, 10, 55), att="surat dishub.odt", agent=THUNDERBIRD,
              body="Selamat siang,\nmohon izin mengirimkan surat sebagaimana terlampir.\n\nSalam,\nAdmin Persuratan\n"),
)

letter(
    key="setda_pemeliharaan_ruang_server", ag="setda", fmt="pdf", cat="1.3", prio="rendah",
    date="2026-12-14", date_line="Liwa, 14 Des 2026", number="000.8.3.1/ 733 /II.01/2026",
    sifat="Biasa", lampiran="-", perihal="Permohonan Pemeliharaan Jaringan dan Penataan Kabel Ruang Server Sekretariat Daerah",
    layout="A", yth_inline=True, to_place="Liwa", body_indent="2.5cm",
    paras=[
        "Dalam rangka pemeliharaan rutin akhir tahun, kami mohon bantuan Dinas Komunikasi dan Informatika Kabupaten "
        "Lampung Barat untuk melakukan pemeliharaan perangkat jaringan dan penataan ulang kabel pada ruang server "
        "Sekretariat Daerah di lantai I Gedung Setda. Kondisi kabel di rak jaringan saat ini sudah tidak tertata dan "
        "beberapa kabel tidak memiliki label, sehingga menyulitkan penelusuran apabila terjadi gangguan.",
        "Saat ini jaringan berfungsi dengan baik. Kegiatan tersebut dapat dilaksanakan pada hari kerja setelah pukul "
        "15.00 WIB atau pada tanggal 28 s.d. 30 Desember 2026, agar tidak mengganggu kegiatan pelayanan.",
    ],
    sign=dict(pre=["a.n. SEKRETARIS DAERAH", "KABUPATEN LAMPUNG BARAT"], title=["KEPALA BAGIAN UMUM,"],
              name="RIZAL FAHMI, S.E.", rank="Pembina (IV/a)", nip=nip("198002172005011004")),
    mail=dict(**{"from": ("Bagian Umum Setda", "umum@setda.lampungbaratkab.go.id")},
              subject="Surat Bagian Umum Setda", when=(2026, 12, 14, 14, 12), att="Surat_Setda_Pemeliharaan.pdf",
              body="Bersama ini disampaikan surat terlampir.\nTerima kasih.\n"),
)

letter(
    key="pertanian_switch_petir", ag="pertanian", fmt="jpg", cat="1.3", prio="sedang",
    date="2026-11-16", date_line="Liwa, 16 November 2026", number="520/ 466 /III.14/2026",
    sifat="Segera", lampiran="-", perihal="Permohonan Perbaikan Perangkat Jaringan Akibat Sambaran Petir",
    layout="A", yth_inline=True, to_place="Liwa",
    paras=[
        "Pada hari Sabtu tanggal 14 November 2026 terjadi hujan deras disertai petir di wilayah Liwa. Pada hari Senin "
        "pagi diketahui bahwa switch jaringan di ruang Bidang Tanaman Pangan dan Hortikultura serta ruang Bidang "
        "Penyuluhan tidak berfungsi, sehingga 14 (empat belas) komputer di kedua ruangan tersebut tidak dapat "
        "terhubung ke jaringan. Ruangan lain di kantor Dinas Pertanian masih dapat terhubung seperti biasa.",
        "Sehubungan dengan hal tersebut, kami mohon Dinas Komunikasi dan Informatika dapat memeriksa dan memperbaiki "
        "perangkat jaringan yang rusak, mengingat kedua bidang tersebut sedang menyelesaikan input data e-RDKK dan "
        "laporan luas tanam yang batas waktunya akhir bulan November 2026.",
    ],
    sign=dict(title=["KEPALA DINAS PERTANIAN", "KABUPATEN LAMPUNG BARAT,"], name="Ir. SUPRAPTO",
              rank="Pembina Utama Muda (IV/c)", nip=nip("196911021997031002")),
    img=dict(dpi=170, angle=1.4, tilt=0.05, light=(175, 255), blur=0.6, noise=0.08, quality=70, out_w=1400,
             quarter=180, bg=(70, 60, 50), phone=("samsung", "SM-A155F")),
    mail=dict(**{"from": ("Sekretariat Dinas Pertanian", "sekretariat.pertanian@lampungbaratkab.go.id")},
              subject="Kiriman surat", when=(2026, 11, 16, 8, 34), att="IMG_20261116_083012.jpg", agent=ANDROID,
              body="Terlampir surat Kadis Pertanian.\n"),
)

letter(
    key="pupr_wifi_ruang_rapat", ag="pupr", fmt="docx", cat="1.3", prio="rendah",
    date="2026-12-04", date_line="Liwa, 4 Desember 2026", number="600/ 1718 /III.09/2026",
    sifat="Biasa", lampiran="-", perihal="Permohonan Perbaikan Jaringan Wifi Ruang Rapat",
    layout="A", nomor_table=False, yth_inline=True, to_place="Liwa", author="Sekretariat PUPR",
    paras=[
        "Jaringan wifi di Ruang Rapat Lantai II Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Lampung Barat sering "
        "terputus-putus dan sinyalnya lemah di bagian belakang ruangan, terutama ketika rapat diikuti lebih dari 20 "
        "(dua puluh) peserta. Jaringan di ruang kerja lainnya berfungsi normal.",
        "Kami mohon kiranya Dinas Komunikasi dan Informatika dapat memeriksa dan melakukan perbaikan atau penyetelan "
        "ulang perangkat wifi di ruang rapat tersebut pada waktu yang memungkinkan.",
    ],
    closing="Demikian disampaikan, atas perhatiannya diucapkan terima kasih.",
    sign=dict(pre=["a.n. Kepala Dinas Pekerjaan Umum dan Penataan Ruang", "Kabupaten Lampung Barat"],
              title=["Sekretaris,"], name="EKO PRASETYO, S.T., M.Eng.", rank="Pembina (IV/a)",
              nip=nip("198205182006041012")),
    mail=dict(**{"from": ("Sekretariat Dinas PUPR", "sekretariat@pupr.lampungbaratkab.go.id")},
              subject="Surat PUPR", when=(2026, 12, 4, 15, 21), att="Surat PUPR.docx", body=None),
)

letter(
    key="pkm_kenali_internet_mati", ag="pkm_kenali", fmt="scanpdf", cat="1.3", prio="tinggi",
    date="2026-12-09", date_line="Kenali, 9/12/2026", number="440/ 512 /PKM-KNL/XII/2026",
    sifat="Segera", lampiran="-", perihal="Permohonan Perbaikan Jaringan Internet Puskesmas",
    layout="B", yth_inline=True, to_place="Liwa",
    paras=[
        "Kami laporkan bahwa jaringan internet di UPTD Puskesmas Kenali terputus sejak hari Senin, 7 Desember 2026 dan "
        "sampai saat surat ini dibuat belum pulih. Petugas kami telah mencoba menyalakan ulang router dan perangkat "
        "jaringan, namun tidak berhasil.",
        "Akibat gangguan tersebut, pendaftaran pasien BPJS melalui aplikasi P-Care, rujukan online dan pelaporan "
        "e-Puskesmas tidak dapat dilakukan, sedangkan Puskesmas Kenali melayani rawat inap dan persalinan 24 jam. Kami "
        "mohon Dinas Komunikasi dan Informatika dapat segera menugaskan petugas untuk melakukan perbaikan.",
    ],
    closing="Demikian kami sampaikan, atas bantuannya diucapkan terima kasih.",
    sign=dict(title=["Kepala UPTD Puskesmas Kenali,"], name="dr. FAJRI ANSORI", rank="Penata (III/c)",
              nip=nip("199002112019031006")),
    img=dict(dpi=150, angle=-1.6, speckle=0.0, quality=45, producer="CamScanner", color=True),
    mail=dict(**{"from": ("Puskesmas Kenali", "puskesmaskenali@lampungbaratkab.go.id")},
              subject="Permohonan", when=(2026, 12, 9, 10, 15), att="CamScanner 12-09-2026 10.12.pdf",
              body="Selamat pagi, mohon bantuan. Surat terlampir.\n"),
)


# --------------------------------------------------------------------------- 1.4 rekomendasi peralatan

letter(
    key="disdik_rab_peralatan_2027", ag="disdik", fmt="pdf", cat="1.4", prio="rendah",
    date="2026-12-02", date_line="Liwa, 2 Desember 2026", number="027/ 3120 /III.07/2026",
    sifat="Biasa", lampiran="1 (satu) berkas", perihal="Permohonan Rekomendasi Kebutuhan Peralatan Jaringan Tahun Anggaran 2027",
    layout="B", yth_inline=True, to_place="Liwa",
    paras=[
        "Dalam rangka penyusunan Rencana Kerja dan Anggaran (RKA) Dinas Pendidikan dan Kebudayaan Kabupaten Lampung "
        "Barat Tahun Anggaran 2027, kami merencanakan pengadaan peralatan jaringan untuk peremajaan jaringan kantor "
        "Dinas dan Ruang Operator Dapodik.",
        "Sesuai dengan ketentuan, pengadaan peralatan jaringan oleh Perangkat Daerah memerlukan rekomendasi dari Dinas "
        "Komunikasi dan Informatika. Untuk itu kami mohon Saudara berkenan menelaah daftar kebutuhan dan rencana "
        "anggaran biaya (RAB) peralatan jaringan sebagaimana terlampir, serta memberikan rekomendasi spesifikasi yang "
        "sesuai dengan standar jaringan intra Pemerintah Daerah.",
        "Rekomendasi tersebut kami harapkan dapat diterima sebelum pembahasan RKA bersama TAPD pada bulan Januari 2027.",
    ],
    sign=dict(pre=["a.n. KEPALA DINAS PENDIDIKAN DAN KEBUDAYAAN", "KABUPATEN LAMPUNG BARAT"], title=["SEKRETARIS,"],
              name="HERU SANTOSO, S.Pd., M.M.", rank="Pembina (IV/a)", nip=nip("197812062003121007"),
              short_title="Kepala Dinas Pendidikan dan Kebudayaan Kabupaten Lampung Barat"),
    page2=lamp_disdik_rab,
    mail=dict(**{"from": ("Subbag Program Disdik", "program@disdik.lampungbaratkab.go.id")},
              subject="Permohonan rekomendasi", when=(2026, 12, 2, 11, 36), att="Surat Permohonan Rekomendasi.pdf",
              extra=[("RAB Jaringan 2027.xlsx", "@rab_disdik")],
              body="Yth. Bidang Aptika,\n\nBersama ini kami sampaikan surat beserta file RAB sebagaimana terlampir.\n"
                   "Terima kasih.\n\nSubbag Program\n"),
)

letter(
    key="kec_belalau_spesifikasi_router", ag="kec_belalau", fmt="jpg", cat="1.4", prio="rendah",
    date="2026-11-23", date_line="Belalau, 23 November 2026", number="027/ 63 /KEC-BLL/2026",
    sifat="Biasa", lampiran="-", perihal="Permohonan Rekomendasi Spesifikasi Perangkat Jaringan",
    layout="B", yth_inline=True, to_place="Liwa",
    paras=[
        "Pada APBD Tahun Anggaran 2027, Kecamatan Belalau merencanakan pengadaan 1 (satu) unit router dan 3 (tiga) "
        "unit access point guna mengganti perangkat lama di Kantor Camat Belalau yang sudah tidak memadai.",
        "Agar perangkat yang dibeli sesuai dan dapat terhubung dengan jaringan intra Pemerintah Daerah, kami mohon "
        "Dinas Komunikasi dan Informatika Kabupaten Lampung Barat dapat memberikan rekomendasi spesifikasi teknis "
        "perangkat tersebut, termasuk jenis atau tipe yang disarankan.",
    ],
    closing="Demikian permohonan ini kami sampaikan, atas perhatiannya diucapkan terima kasih.",
    sign=dict(title=["CAMAT BELALAU,"], name="M. YUSUF, S.Pd., M.M.", rank="Pembina (IV/a)",
              nip=nip("197606302000031005")),
    img=dict(dpi=170, angle=-5.2, tilt=0.08, light=(150, 250), blur=1.1, noise=0.10, quality=55, out_w=1500,
             bg=(150, 110, 75), shadow=True, phone=("samsung", "SM-A245F")),
    mail=dict(**{"from": ("Kecamatan Belalau", "kec.belalau@lampungbaratkab.go.id")},
              subject="(no subject)", when=(2026, 11, 24, 10, 47), att="20261123_104533.jpg", agent=ANDROID,
              body=""),
)

letter(
    key="rsud_core_switch_ekatalog", ag="rsud", fmt="docx", cat="1.4", prio="tinggi",
    date="2026-12-07", date_line="Liwa, 7 Desember 2026", number="027/ 2466 /RSUD-AU/XII/2026",
    sifat="Sangat Segera", lampiran="1 (satu) berkas", perihal="Permohonan Rekomendasi Spesifikasi Core Switch",
    layout="B", nomor_table=True, kop_table=True, yth_inline=True, to_place="Liwa", docx_font="Arial", docx_size=11,
    author="RSUD-IT",
    paras=[
        "Core switch pada ruang server RSUD Alimuddin Umar telah berusia lebih dari 8 (delapan) tahun dan dalam sebulan "
        "terakhir beberapa kali mengalami restart dengan sendirinya. RSUD telah mengalokasikan anggaran penggantian "
        "perangkat tersebut pada DPA Perubahan Tahun Anggaran 2026.",
        "Mengingat batas akhir proses pengadaan melalui e-Katalog untuk Tahun Anggaran 2026 adalah tanggal 10 Desember "
        "2026, kami mohon dengan hormat Dinas Komunikasi dan Informatika dapat memberikan rekomendasi spesifikasi teknis "
        "core switch pengganti paling lambat tanggal 9 Desember 2026. Spesifikasi perangkat lama dan daftar perangkat "
        "yang terhubung kami sampaikan sebagaimana terlampir.",
    ],
    sign=dict(title=["Direktur RSUD Alimuddin Umar", "Kabupaten Lampung Barat,"], name="dr. MARDIANA SARI, Sp.PD",
              rank="Pembina Utama Muda (IV/c)", nip=nip("197605182003122004")),
    tembusan=["Kepala Bagian Pengadaan Barang dan Jasa Setda Kabupaten Lampung Barat;", "Arsip."],
    mail=dict(**{"from": ("IT RSUD Alimuddin Umar", "it@rsud.lampungbaratkab.go.id")},
              subject="Mohon ditindaklanjuti", when=(2026, 12, 7, 9, 2), att="Surat Rekomendasi Core Switch.docx",
              body="Yth. Diskominfo,\n\nTerlampir surat Direktur RSUD. Mohon ditindaklanjuti.\nTerima kasih.\n"),
)

letter(
    key="satpolpp_wifi_mako", ag="satpolpp", fmt="odt", cat="1.4", prio="rendah",
    date="2026-11-18", date_line="Liwa, 18 November 2026", number="300/ 254 /III.16/2026",
    sifat="Biasa", lampiran="-", perihal="Permohonan Rekomendasi Peralatan Jaringan Wifi Markas Komando",
    layout="A", yth_inline=True, to_place="Liwa", odt_logo=True,
    paras=[
        "Satuan Polisi Pamong Praja Kabupaten Lampung Barat merencanakan pengadaan perangkat wifi untuk Markas Komando "
        "(Mako) dan Pos Jaga pada Tahun Anggaran 2027, mengingat kegiatan pelaporan patroli serta ketenteraman dan "
        "ketertiban umum kini dilakukan melalui aplikasi.",
        "Sehubungan dengan hal tersebut, kami mohon rekomendasi Dinas Komunikasi dan Informatika mengenai jenis, jumlah "
        "dan spesifikasi peralatan jaringan yang dibutuhkan untuk Mako (gedung dua lantai dengan luas kurang lebih "
        "450 meter persegi) dan Pos Jaga, sebagai dasar penyusunan anggaran.",
    ],
    sign=dict(title=["KEPALA SATUAN POLISI PAMONG PRAJA", "KABUPATEN LAMPUNG BARAT,"], name="ARIFIN, S.H.",
              rank="Pembina Tk. I (IV/b)", nip=nip("197307171998031009")),
    mail=dict(**{"from": ("Satpol PP Lampung Barat", "satpolpp@lampungbaratkab.go.id")},
              subject="Surat Satpol PP", when=(2026, 11, 19, 9, 40), att="Permohonan Rekomendasi.odt",
              body="Kami sampaikan surat terlampir.\nTerima kasih.\n"),
)

letter(
    key="bpbd_telaah_hibah_bnpb", ag="bpbd", fmt="pdf", cat="1.4", prio="sedang",
    date="2026-11-25", date_line="25 Nov 2026", number="360/ 271 /BPBD/XI/2026",
    sifat="Penting", lampiran="1 (satu) berkas", perihal="Permohonan Telaahan Daftar Kebutuhan Peralatan Jaringan Pusdalops",
    layout="B", yth_inline=True, to_place="Liwa", font="Liberation Sans", fs="11pt",
    paras=[
        "BPBD Kabupaten Lampung Barat menerima tawaran hibah peralatan dari BNPB berupa perangkat radio link, UPS dan "
        "perangkat jaringan untuk penguatan Pusat Pengendalian Operasi (Pusdalops). Usulan daftar peralatan harus kami "
        "sampaikan kepada BNPB paling lambat tanggal 15 Desember 2026.",
        "Untuk itu kami mohon Dinas Komunikasi dan Informatika dapat menelaah daftar peralatan sebagaimana terlampir "
        "dan memberikan rekomendasi apakah jenis dan spesifikasinya telah sesuai dan kompatibel dengan jaringan intra "
        "Pemerintah Kabupaten Lampung Barat.",
    ],
    sign=dict(title=["KEPALA PELAKSANA BPBD", "KABUPATEN LAMPUNG BARAT,"],
              name="MUHAMMAD RIDWAN, S.T.", rank="Pembina (IV/a)", nip=nip("197806252005011007")),
    mail=dict(**{"from": ("Sekretariat BPBD", "sekretariat@bpbd.lampungbaratkab.go.id")},
              subject="surat bpbd", when=(2026, 11, 25, 15, 30), att="surat bpbd.pdf",
              body="Bersama ini kami sampaikan surat sebagaimana terlampir. Terima kasih.\n"),
)

letter(
    key="diskes_standar_perangkat_puskesmas", ag="diskes", fmt="odt", cat="1.4", prio="sedang",
    date="2026-11-30", date_line="Liwa, 30 November 2026", number="440/ 5288 /III.08/2026",
    sifat="Penting", lampiran="-", perihal="Permohonan Rekomendasi Standar Perangkat Jaringan Puskesmas",
    layout="B", yth_inline=False, to_place="Tempat",
    paras=[
        "Dinas Kesehatan Kabupaten Lampung Barat akan mengusulkan Dana Alokasi Khusus (DAK) Bidang Kesehatan Tahun 2027 "
        "yang di dalamnya memuat penguatan sistem informasi kesehatan pada 15 (lima belas) UPTD Puskesmas. Salah satu "
        "komponen usulan adalah pengadaan router, switch dan access point untuk masing-masing puskesmas.",
        "Kami mohon Dinas Komunikasi dan Informatika berkenan memberikan rekomendasi standar spesifikasi perangkat "
        "jaringan puskesmas yang sesuai dengan jaringan intra Pemerintah Daerah. Rekomendasi tersebut kami perlukan "
        "sebelum batas akhir pengisian usulan pada aplikasi KRISNA tanggal 18 Desember 2026.",
    ],
    sign=dict(title=["Kepala Dinas Kesehatan", "Kabupaten Lampung Barat,"], name="dr. AGUS PRIYANTO, M.Kes.",
              rank="Pembina Utama Muda (IV/c)", nip=nip("197106031999031005")),
    tembusan=["Kepala Bappeda Kabupaten Lampung Barat;", "Arsip."],
    mail=dict(**{"from": ("Umum Dinkes Lambar", "umum@diskes.lampungbaratkab.go.id")},
              subject="Surat Dinkes - rekomendasi perangkat", when=(2026, 12, 1, 8, 15),
              att="Surat Rekomendasi Perangkat Puskesmas.odt",
              body="Yth. Diskominfo Kab. Lampung Barat\n\nTerlampir surat kami. Terima kasih.\n"),
)

letter(
    key="bkpsdm_switch_pengganti", ag="bkpsdm", fmt="tiff", cat="1.4", prio="sedang",
    date="2026-11-12", date_line="Liwa, 12 November 2026", number="027/ 87 /II.09/2026",
    sifat="Biasa", lampiran="-", perihal="Permohonan Rekomendasi Penggantian Switch Jaringan", hal_label="Hal",
    layout="A", yth_inline=True, to_place="Liwa",
    paras=[
        "Switch jaringan di ruang Bidang Mutasi dan Promosi BKPSDM Kabupaten Lampung Barat sering mengalami gangguan "
        "(beberapa port tidak berfungsi), sehingga sementara ini kami menggunakan switch cadangan berukuran kecil. Kami "
        "berencana membeli switch pengganti menggunakan anggaran belanja pemeliharaan tahun berjalan.",
        "Sehubungan dengan hal tersebut, kami mohon rekomendasi Dinas Komunikasi dan Informatika mengenai spesifikasi "
        "switch yang sesuai (jumlah port, jenis managed atau unmanaged, dan kecepatan) agar kompatibel dengan jaringan "
        "intra Pemerintah Daerah.",
    ],
    sign=dict(pre=["a.n. Kepala BKPSDM Kabupaten Lampung Barat"], title=["Sekretaris,"],
              name="NOVITA SARI, S.E., M.M.", rank="Pembina (IV/a)", nip=nip("198011252005022003")),
    img=dict(dpi=300, angle=-0.7, speckle=0.00005, threshold=175),
    mail=dict(**{"from": ("Sekretariat BKPSDM", "sekretariat@bkpsdm.lampungbaratkab.go.id")},
              subject="Surat BKPSDM", when=(2026, 11, 12, 9, 31), att="20261112093011.tif",
              body="Yth. Bapak/Ibu,\nterlampir surat dari BKPSDM. Terima kasih.\n"),
)

letter(
    key="dprd_reviu_rab_wifi", ag="dprd", fmt="pdf", cat="1.4", prio="sedang",
    date="2026-11-27", date_line="Liwa, 27/11/2026", number="027/ 431 /DPRD/XI/2026",
    sifat="Biasa", lampiran="1 (satu) berkas", perihal="Permohonan Reviu Rencana Anggaran Biaya Pengadaan Jaringan Wifi",
    layout="C", yth_inline=True, to_place="Liwa",
    paras=[
        "Sekretariat DPRD Kabupaten Lampung Barat telah menerima penawaran dari penyedia untuk pengadaan dan pemasangan "
        "jaringan wifi di Gedung DPRD, yang terdiri atas 12 (dua belas) unit access point, 1 (satu) unit controller, "
        "2 (dua) unit switch PoE dan kelengkapannya.",
        "Sebelum proses pengadaan dilanjutkan, kami mohon Dinas Komunikasi dan Informatika dapat melakukan reviu "
        "terhadap rencana anggaran biaya dan spesifikasi teknis dalam penawaran tersebut, serta memberikan rekomendasi "
        "atas kesesuaian jumlah dan jenis peralatan dengan kebutuhan gedung.",
    ],
    sign=dict(title=["SEKRETARIS DPRD", "KABUPATEN LAMPUNG BARAT,"], name="ZULKARNAIN, S.H., M.H.",
              rank="Pembina Utama Muda (IV/c)", nip=nip("197102101996031004")),
    mail=dict(**{"from": ("Sekretariat DPRD Kab. Lampung Barat", "sekretariat@dprd.lampungbaratkab.go.id")},
              subject="Surat Sekwan", when=(2026, 11, 27, 14, 4), att="Surat Sekwan.pdf",
              extra=[("RAB wifi DPRD.xlsx", "@rab_dprd")],
              body="Bersama ini kami sampaikan surat dan RAB dari penyedia sebagaimana terlampir.\nTerima kasih.\n"),
)

letter(
    key="kec_sumberjaya_rekomendasi", ag="kec_sumberjaya", fmt="jpg", cat="1.4", prio="rendah",
    date="2026-12-10", date_line="Sumber Jaya, 10 Desember 2026", number="027/ 114 /KEC-SJ/XII/2026",
    sifat="Biasa", lampiran="-", perihal="Permohonan Rekomendasi Kebutuhan Peralatan Jaringan Kantor Camat",
    layout="B", yth_inline=False, to_place="Liwa",
    paras=[
        "Kantor Camat Sumber Jaya saat ini menggunakan 1 (satu) unit router dan 1 (satu) unit access point untuk seluruh "
        "ruangan, sehingga sinyal tidak menjangkau ruang Kasi Pemerintahan dan ruang pelayanan. Kami berencana "
        "mengusulkan pengadaan peralatan jaringan pada Tahun Anggaran 2027.",
        "Untuk itu kami mohon Dinas Komunikasi dan Informatika berkenan melakukan survei dan memberikan rekomendasi "
        "kebutuhan peralatan jaringan (jenis, jumlah dan spesifikasi) untuk Kantor Camat Sumber Jaya.",
    ],
    sign=dict(title=["CAMAT SUMBER JAYA,"], name="WAHYU HIDAYAT, S.STP.", rank="Penata Tk. I (III/d)",
              nip=nip("198707082009011002")),
    img=dict(dpi=180, angle=2.7, tilt=0.05, light=(165, 255), blur=0.8, noise=0.09, quality=60, out_w=1500,
             exif_orient=True, bg=(95, 95, 100), phone=("OPPO", "CPH2591")),
    mail=dict(**{"from": ("Kecamatan Sumber Jaya", "kec.sumberjaya@lampungbaratkab.go.id")},
              subject="Surat", when=(2026, 12, 10, 14, 33), att="IMG20261210143022.jpg", agent=ANDROID,
              body="Selamat siang, surat kami kirimkan terlampir. Terima kasih.\n"),
)


# --------------------------------------------------------------------------- not requests

letter(
    key="bappeda_undangan_rakor", ag="bappeda", fmt="pdf", cat=None, prio=None,
    date="2026-11-19", date_line="Liwa, 19 November 2026", number="005/ 298 /II.03/2026",
    sifat="Penting", lampiran="1 (satu) lembar", perihal="Undangan Rapat Koordinasi Penyusunan Rancangan Awal RKPD Tahun 2028",
    layout="A", yth_inline=True, to=["Kepala Perangkat Daerah", "se-Kabupaten Lampung Barat", "(daftar terlampir)"],
    to_place="Tempat",
    paras=[
        "Dalam rangka penyusunan Rancangan Awal Rencana Kerja Pemerintah Daerah (RKPD) Kabupaten Lampung Barat Tahun "
        "2028, bersama ini kami mengundang Bapak/Ibu untuk hadir pada rapat koordinasi yang akan dilaksanakan pada:",
        ("kv", [("Hari/Tanggal", "Kamis, 26 November 2026"), ("Waktu", "Pukul 09.00 WIB s.d. selesai"),
                ("Tempat", "Aula Bappeda Kabupaten Lampung Barat"),
                ("Acara", "Pembahasan isu strategis dan prioritas pembangunan Tahun 2028")]),
        "Mengingat pentingnya acara tersebut, diharapkan kehadiran Bapak/Ibu tepat waktu dan tidak diwakilkan, dengan "
        "membawa bahan evaluasi capaian kinerja Perangkat Daerah Tahun 2026 dalam bentuk salinan elektronik.",
    ],
    closing="Demikian undangan ini disampaikan, atas perhatian dan kehadirannya diucapkan terima kasih.",
    sign=dict(title=["KEPALA BADAN PERENCANAAN PEMBANGUNAN DAERAH", "KABUPATEN LAMPUNG BARAT,"],
              name="Ir. HENDRA SAPUTRA, M.T.", rank="Pembina Utama Muda (IV/c)", nip=nip("197203141998031006")),
    mail=dict(**{"from": ("Sekretariat Bappeda", "sekretariat@bappeda.lampungbaratkab.go.id")},
              subject="Undangan Rakor", when=(2026, 11, 19, 15, 20), att="UNDANGAN RAKOR.pdf",
              body="Berikut surat undangan, mohon kehadirannya. Terima kasih.\n"),
)

letter(
    key="setda_edaran_nataru", ag="setda", fmt="scanpdf", cat=None, prio=None,
    date="2026-12-15", date_line="Liwa, 15 Desember 2026", number="800/ 1590 /II.01/2026",
    sifat="Penting", lampiran="-", perihal="Edaran Hari Kerja Menjelang dan Setelah Libur Natal dan Tahun Baru",
    layout="B", yth_inline=True,
    to=["1. Kepala Perangkat Daerah;", "2. Camat;", "se-Kabupaten Lampung Barat"], to_place="Tempat",
    paras=[
        "Sehubungan dengan libur nasional Hari Raya Natal tanggal 25 Desember 2026, cuti bersama tanggal 24 Desember "
        "2026 dan libur Tahun Baru tanggal 1 Januari 2027, dengan ini disampaikan hal-hal sebagai berikut:",
        ("list", [
            "Hari kerja terakhir sebelum libur Natal adalah hari Rabu, 23 Desember 2026, dan pegawai kembali bekerja "
            "seperti biasa pada hari Senin, 28 Desember 2026;",
            "Pimpinan Perangkat Daerah yang memberikan pelayanan langsung kepada masyarakat (RSUD, Puskesmas, BPBD, "
            "Satpol PP dan pelayanan administrasi kependudukan) agar mengatur jadwal piket sehingga pelayanan tetap "
            "berjalan selama masa libur;",
            "Pegawai wajib melakukan presensi melalui aplikasi presensi elektronik pada hari kerja sebagaimana biasa, "
            "dan tidak diperkenankan menambah cuti sebelum maupun sesudah masa libur;",
            "Pimpinan Perangkat Daerah agar memastikan keamanan kantor, mematikan peralatan listrik yang tidak "
            "digunakan dan melaporkan pelaksanaan edaran ini kepada Bupati melalui Bagian Organisasi Setda.",
        ]),
    ],
    closing="Demikian untuk menjadi perhatian dan dilaksanakan sebagaimana mestinya.",
    sign=dict(pre=["a.n. BUPATI LAMPUNG BARAT"], title=["SEKRETARIS DAERAH,"], name="Drs. MASRUL, M.Si.",
              rank="Pembina Utama Madya (IV/d)", nip=nip("196808121993031005")),
    img=dict(dpi=150, angle=0.5, speckle=0.0001, quality=55, producer="KONICA MINOLTA bizhub C258"),
    mail=dict(**{"from": ("Bagian Umum Setda", "umum@setda.lampungbaratkab.go.id")},
              subject="Kirim surat edaran", when=(2026, 12, 15, 13, 5), att="SE Libur Nataru.pdf",
              body="Disampaikan surat edaran Sekretaris Daerah sebagaimana terlampir untuk menjadi perhatian.\n"),
)

letter(
    key="inspektorat_undangan_entry_meeting", ag="inspektorat", fmt="docx", cat=None, prio=None,
    date="2026-12-04", date_line="Liwa, 4 Desember 2026", number="005/045/IV.02/2026",
    sifat="Segera", lampiran="-", perihal="Undangan Entry Meeting Pemeriksaan Reguler",
    layout="B", nomor_table=True, yth_inline=True, to_place="Liwa", author="Irban III",
    paras=[
        "Dalam rangka pelaksanaan Program Kerja Pengawasan Tahunan (PKPT) Inspektorat Daerah Kabupaten Lampung Barat "
        "Tahun 2026, akan dilaksanakan pemeriksaan reguler pada Dinas Komunikasi dan Informatika Kabupaten Lampung "
        "Barat. Sehubungan dengan hal tersebut, kami mengundang Saudara beserta Sekretaris dan para Kepala Bidang untuk "
        "hadir pada entry meeting yang akan dilaksanakan pada:",
        ("kv", [("Hari/Tanggal", "Selasa, 8 Desember 2026"), ("Waktu", "Pukul 09.00 WIB s.d. selesai"),
                ("Tempat", "Ruang Rapat Inspektorat Daerah")]),
        "Kami mohon Saudara dapat menyiapkan dokumen pendukung, antara lain Dokumen Pelaksanaan Anggaran, laporan "
        "realisasi kegiatan dan daftar inventaris barang milik daerah termasuk peralatan jaringan.",
    ],
    closing="Demikian disampaikan, atas perhatian dan kehadirannya diucapkan terima kasih.",
    sign=dict(title=["INSPEKTUR DAERAH", "KABUPATEN LAMPUNG BARAT,"], name="DEDI KURNIAWAN, S.E., M.Si., Ak.",
              rank="Pembina Utama Muda (IV/c)", nip=nip("197209141998031003")),
    mail=dict(**{"from": ("Sekretariat Inspektorat", "sekretariat@inspektorat.lampungbaratkab.go.id")},
              subject="Undangan", when=(2026, 12, 4, 10, 10), att="Undangan Entry Meeting.docx",
              body="Yth. Kepala Diskominfo,\nbersama ini kami sampaikan undangan terlampir. Terima kasih.\n"),
)

letter(
    key="diskes_laporan_bimtek_simpus", ag="diskes", fmt="odt", cat=None, prio=None,
    date="2026-11-20", date_line="Liwa, 20 November 2026", number="440/ 5120 /III.08/2026",
    sifat="Biasa", lampiran="-", perihal="Laporan Pelaksanaan Kegiatan Bimbingan Teknis Aplikasi SIMPUS",
    layout="B", yth_inline=True, to_place="Liwa",
    paras=[
        "Dengan ini kami laporkan bahwa kegiatan Bimbingan Teknis Aplikasi SIMPUS bagi operator UPTD Puskesmas se-"
        "Kabupaten Lampung Barat telah dilaksanakan pada tanggal 17 s.d. 18 November 2026 bertempat di Aula Dinas "
        "Kesehatan, diikuti oleh 30 (tiga puluh) peserta dari 15 (lima belas) puskesmas.",
        "Selama kegiatan, jaringan internet dan akses ke server SIMPUS berjalan dengan baik berkat dukungan tim teknis "
        "Dinas Komunikasi dan Informatika. Seluruh peserta telah mampu melakukan input data kunjungan, rekam medis "
        "elektronik dan pelaporan bulanan melalui aplikasi.",
        "Tindak lanjut kegiatan ini adalah pendampingan penggunaan aplikasi oleh Dinas Kesehatan ke masing-masing "
        "puskesmas pada bulan Desember 2026.",
    ],
    closing="Demikian laporan ini kami sampaikan, atas dukungan dan kerja samanya diucapkan terima kasih.",
    sign=dict(pre=["a.n. Kepala Dinas Kesehatan", "Kabupaten Lampung Barat"], title=["Sekretaris,"],
              name="Hj. SRI WAHYUNI, S.K.M., M.Kes.", rank="Pembina (IV/a)", nip=nip("197704212002122003")),
    mail=dict(**{"from": ("Umum Dinkes Lambar", "umum@diskes.lampungbaratkab.go.id")},
              subject="Laporan kegiatan", when=(2026, 11, 20, 14, 44), att="Laporan Bimtek SIMPUS.odt",
              body="Terlampir laporan kegiatan. Terima kasih.\n"),
)

letter(
    key="pkm_liwa_terima_kasih", ag="pkm_liwa", fmt="jpg", cat=None, prio=None,
    date="2026-12-10", date_line="Liwa, 10 Desember 2026", number="440/1162/PKM-LW/XII/2026",
    sifat="Biasa", lampiran="-", perihal="Ucapan Terima Kasih",
    layout="B", yth_inline=True, to_place="Liwa",
    paras=[
        "Menindaklanjuti surat kami Nomor 440/1123/PKM-LW/XII/2026 tanggal 3 Desember 2026 perihal Permohonan "
        "Pemasangan Jaringan di Ruang Pendaftaran Baru, kami sampaikan bahwa tim teknis Dinas Komunikasi dan "
        "Informatika telah melakukan pemasangan jaringan pada tanggal 4 Desember 2026.",
        "Saat ini komputer pendaftaran telah terhubung dan pendaftaran pasien melalui aplikasi P-Care maupun SIMPUS "
        "berjalan dengan lancar. Atas bantuan dan respons yang cepat tersebut, kami mengucapkan terima kasih. Semoga "
        "kerja sama yang baik ini dapat terus terjalin.",
    ],
    closing="Demikian kami sampaikan, atas perhatiannya diucapkan terima kasih.",
    sign=dict(title=["Kepala UPTD Puskesmas Liwa,"], name="dr. RINA MARLINA", rank="Penata Tk. I (III/d)",
              nip=nip("198607192014022002")),
    img=dict(dpi=170, angle=-2.4, tilt=0.04, light=(170, 255), blur=0.7, noise=0.09, quality=64, out_w=1400,
             bg=(175, 160, 140), phone=("Xiaomi", "Redmi Note 12")),
    mail=dict(**{"from": ("Sekretariat Puskesmas Liwa", "sekretariat.puskesmasliwa@lampungbaratkab.go.id")},
              subject="Surat", when=(2026, 12, 10, 10, 8), att="IMG_20261210_100803.jpg", agent=ANDROID,
              body="Dikirim dari Xiaomi saya\n"),
)

letter(
    key="bpkd_batas_spm_spj", ag="bpkd", fmt="pdf", cat=None, prio=None,
    date="2026-12-01", date_line="Liwa, 1 Desember 2026", number="900/ 3580 /III.04/2026",
    sifat="Penting", lampiran="-", perihal="Batas Akhir Pengajuan SPM dan Penyampaian SPJ Tahun Anggaran 2026",
    layout="A", yth_inline=True, to=["Pengguna Anggaran", "Perangkat Daerah se-Kabupaten", "Lampung Barat"],
    to_place="Tempat",
    paras=[
        "Dalam rangka tertib pengelolaan keuangan daerah pada akhir Tahun Anggaran 2026, dengan ini disampaikan batas "
        "akhir pengajuan dokumen sebagai berikut:",
        ("list", [
            "Pengajuan SPM-GU dan SPM-TU paling lambat tanggal 15 Desember 2026;",
            "Pengajuan SPM-LS Barang dan Jasa serta SPM-LS Gaji paling lambat tanggal 18 Desember 2026;",
            "Penyampaian SPJ Fungsional dan pengembalian sisa Uang Persediaan ke Kas Daerah paling lambat tanggal "
            "23 Desember 2026.",
        ]),
        "Dokumen yang diajukan melewati batas waktu tersebut tidak dapat diproses pada Tahun Anggaran 2026.",
    ],
    closing="Demikian disampaikan untuk dapat dilaksanakan, atas perhatiannya diucapkan terima kasih.",
    sign=dict(title=["Kepala Badan Pengelolaan Keuangan Daerah", "Kabupaten Lampung Barat,"],
              name="Hj. NURHASANAH, S.E., M.Ak.", rank="Pembina Utama Muda (IV/c)", nip=nip("197011051995032003")),
    mail=dict(**{"from": ("Umum BPKD", "umum@bpkd.lampungbaratkab.go.id")},
              subject="Surat BPKD", when=(2026, 12, 1, 9, 50), att="Surat Batas Akhir SPM.pdf",
              body="Disampaikan dengan hormat surat sebagaimana terlampir.\n"),
)

letter(
    key="disdukcapil_data_pj_jaringan", ag="disdukcapil", fmt="docx", cat=None, prio=None,
    date="2026-11-25", date_line="Liwa, 25 November 2026", number="470/ 1240 /IV.06/2026",
    sifat="Biasa", lampiran="-", perihal="Penyampaian Data Penanggung Jawab Jaringan",
    layout="B", nomor_table=False, yth_inline=True, to_place="Liwa", docx_font="Arial", docx_size=11,
    author="Disdukcapil-Sekretariat",
    paras=[
        "Menindaklanjuti surat Kepala Dinas Komunikasi dan Informatika Kabupaten Lampung Barat Nomor 555/ 402 "
        "/III.17/2026 tanggal 16 November 2026 perihal Pendataan Penanggung Jawab dan Operator Jaringan Perangkat "
        "Daerah, bersama ini kami sampaikan data sebagai berikut:",
        ("kv", [("Penanggung Jawab", "SRI MULYANI, S.Kom. (Kepala Bidang PIAK)"), ("NIP", "19830915 200903 2 004"),
                ("Operator Jaringan", "ANDIKA PUTRA, A.Md.Kom."), ("Telepon", "0812-7711-0348")]),
        "Kami sampaikan pula bahwa jaringan di kantor kami saat ini berfungsi dengan baik.",
    ],
    closing="Demikian disampaikan, atas perhatiannya diucapkan terima kasih.",
    sign=dict(title=["Kepala Dinas Kependudukan dan Pencatatan Sipil", "Kabupaten Lampung Barat,"],
              name="RUSLAN EFENDI, S.Sos., M.M.", rank="Pembina Tk. I (IV/b)", nip=nip("197408221999031002")),
    mail=dict(**{"from": ("Sekretariat Disdukcapil", "sekretariat@disdukcapil.lampungbaratkab.go.id")},
              subject="Jawaban surat", when=(2026, 11, 25, 13, 17), att="Jawaban surat kominfo.docx",
              body="Bersama ini kami sampaikan surat sebagaimana terlampir. Terima kasih.\n"),
)

letter(
    key="kec_waytenong_undangan", ag="kec_waytenong", fmt="png", cat=None, prio=None,
    date="2026-12-02", date_line="Way Tenong, 2 Desember 2026", number="005/ 77 /KEC-WT/XII/2026",
    sifat="Penting", lampiran="-", perihal="Undangan", date_at_sign=True,
    layout="B", yth_inline=True,
    to=["Kepala Dinas Komunikasi dan Informatika", "Kabupaten Lampung Barat"], to_place="Tempat",
    paras=[
        "Dalam rangka evaluasi pelaksanaan program pembangunan pekon Tahun 2026 di wilayah Kecamatan Way Tenong, kami "
        "mengundang Bapak/Ibu untuk hadir pada Rapat Koordinasi Forum Komunikasi Pimpinan Kecamatan yang akan "
        "dilaksanakan pada:",
        ("kv", [("Hari/Tanggal", "Rabu, 9 Desember 2026"), ("Waktu", "Pukul 09.00 WIB s.d. selesai"),
                ("Tempat", "Aula Kantor Camat Way Tenong")]),
        "Mengingat pentingnya acara tersebut, kami harapkan Bapak/Ibu dapat hadir tepat waktu.",
    ],
    closing="Demikian undangan ini kami sampaikan, atas kehadirannya diucapkan terima kasih.",
    sign=dict(title=["CAMAT WAY TENONG,"], name="SAPARUDIN, S.E.", rank="Penata Tk. I (III/d)",
              nip=nip("197912172006041011")),
    img=dict(dpi=150, angle=-0.8, speckle=0.00015, levels=16),
    mail=dict(**{"from": ("Kecamatan Way Tenong", "kec.waytenong@lampungbaratkab.go.id")},
              subject="Undangan rakor", when=(2026, 12, 3, 8, 58), att="surat undangan camat.png",
              body="Disampaikan undangan terlampir.\nTerima kasih.\n"),
)

letter(
    key="dinsos_pengembalian_surat", ag="dinsos", fmt="pdf", cat=None, prio=None,
    date="2026-11-13", date_line="Liwa, 13 November 2026", number="045/123/III.05/2026",
    sifat="Biasa", lampiran="1 (satu) berkas", perihal="Pengembalian Surat Salah Alamat",
    layout="B", yth_inline=True, to_place="Liwa", font="DejaVu Serif", fs="10.5pt",
    paras=[
        "Bersama ini kami kembalikan surat Kepala Dinas Komunikasi dan Informatika Kabupaten Lampung Barat Nomor 555/ "
        "389 /III.17/2026 tanggal 9 November 2026 perihal Jadwal Pemeliharaan Jaringan Intra Pemerintah Daerah, yang "
        "ditujukan kepada Kepala Dinas Pendidikan dan Kebudayaan Kabupaten Lampung Barat namun diterima oleh Dinas "
        "Sosial Kabupaten Lampung Barat.",
        "Surat tersebut kami kembalikan dalam keadaan utuh untuk dapat disampaikan kepada alamat yang dituju.",
    ],
    closing="Demikian disampaikan, atas perhatiannya diucapkan terima kasih.",
    sign=dict(pre=["a.n. Kepala Dinas Sosial", "Kabupaten Lampung Barat"], title=["Sekretaris,"],
              name="LINDA KUSUMAWATI, S.Sos.", rank="Penata Tk. I (III/d)", nip=nip("198206092006042008")),
    mail=dict(**{"from": ("Dinsos Lampung Barat", "dinsos@dinsos.lampungbaratkab.go.id")},
              subject="Kiriman surat", when=(2026, 11, 13, 10, 36), att="pengembalian surat.pdf",
              agent=THUNDERBIRD, body="Yth. Diskominfo,\nterlampir surat kami.\n"),
)

letter(
    key="dprd_undangan_rdp_komisi1", ag="dprd", fmt="pdf", cat=None, prio=None,
    date="2026-12-03", date_line="Liwa, 3 Desember 2026", number="005/ 458 /DPRD/XII/2026",
    sifat="Penting", lampiran="-", perihal="Undangan Rapat Dengar Pendapat",
    layout="A", yth_inline=True, to_place="Liwa", body_indent="2.5cm",
    paras=[
        "Dalam rangka pelaksanaan fungsi pengawasan DPRD, Komisi I DPRD Kabupaten Lampung Barat akan menyelenggarakan "
        "Rapat Dengar Pendapat dengan agenda evaluasi pelaksanaan program kerja Tahun 2026 dan rencana program Tahun "
        "2027, termasuk kondisi jaringan intra Pemerintah Daerah dan layanan internet di kecamatan.",
        "Sehubungan dengan hal tersebut, kami mengundang Saudara untuk hadir pada:",
        ("kv", [("Hari/Tanggal", "Rabu, 9 Desember 2026"), ("Waktu", "Pukul 10.00 WIB s.d. selesai"),
                ("Tempat", "Ruang Rapat Komisi I DPRD Kabupaten Lampung Barat")]),
    ],
    closing="Demikian undangan ini disampaikan, atas kehadirannya diucapkan terima kasih.",
    sign=dict(pre=["a.n. KETUA DPRD KABUPATEN LAMPUNG BARAT"], title=["SEKRETARIS DPRD,"],
              name="ZULKARNAIN, S.H., M.H.", rank="Pembina Utama Muda (IV/c)", nip=nip("197102101996031004")),
    tembusan=["Ketua DPRD Kabupaten Lampung Barat;", "Ketua Komisi I DPRD Kabupaten Lampung Barat;", "Arsip."],
    mail=dict(**{"from": ("Sekretariat DPRD Kab. Lampung Barat", "sekretariat@dprd.lampungbaratkab.go.id")},
              subject="Undangan RDP Komisi I", when=(2026, 12, 3, 11, 25), att="Undangan RDP Komisi I.pdf",
              body="Yth. Kepala Dinas Kominfo,\nbersama ini kami sampaikan undangan sebagaimana terlampir.\n"
                   "Terima kasih.\n"),
)

letter(
    key="bkpsdm_edaran_ekinerja", ag="bkpsdm", fmt="docx", cat=None, prio=None,
    date="2026-11-24", date_line="Liwa, 24 November 2026", number="800.1.6/ 1498 /II.09/2026",
    sifat="Penting", lampiran="-", perihal="Edaran Pengisian dan Penilaian Kinerja Pegawai melalui Aplikasi e-Kinerja",
    layout="B", nomor_table=True, kop_table=True, yth_inline=True,
    to=["Kepala Perangkat Daerah", "se-Kabupaten Lampung Barat"], to_place="Tempat", author="BKPSDM",
    paras=[
        "Dalam rangka penilaian kinerja Pegawai Negeri Sipil dan PPPK periode Tahun 2026, dengan ini kami sampaikan "
        "hal-hal sebagai berikut:",
        ("list", [
            "Seluruh pegawai wajib menyelesaikan pengisian realisasi Sasaran Kinerja Pegawai (SKP) dan bukti dukung pada "
            "aplikasi e-Kinerja BKN paling lambat tanggal 31 Desember 2026;",
            "Pejabat penilai kinerja agar melakukan penilaian dan penetapan predikat kinerja paling lambat tanggal 15 "
            "Januari 2027;",
            "Kendala teknis terkait akun aplikasi e-Kinerja dapat dikonsultasikan kepada Bidang Pengembangan Kompetensi "
            "dan Penilaian Kinerja BKPSDM.",
        ]),
    ],
    closing="Demikian untuk menjadi perhatian dan dilaksanakan.",
    sign=dict(title=["Kepala Badan Kepegawaian dan", "Pengembangan Sumber Daya Manusia", "Kabupaten Lampung Barat,"],
              name="ANDI FIRMANSYAH, S.STP., M.A.P.", rank="Pembina Tk. I (IV/b)", nip=nip("198101092000121002")),
    mail=dict(**{"from": ("Sekretariat BKPSDM", "sekretariat@bkpsdm.lampungbaratkab.go.id")},
              subject="Surat edaran e-Kinerja", when=(2026, 11, 24, 15, 40), att="SE e-Kinerja.docx", body=None),
)

letter(
    key="disdik_permohonan_publikasi", ag="disdik", fmt="pdf", cat=None, prio=None,
    date="2026-12-07", date_line="Liwa, 07 Desember 2026", number="420/ 3160 /III.07/2026",
    sifat="Biasa", lampiran="1 (satu) berkas", perihal="Permohonan Publikasi Kegiatan Gebyar Budaya Pelajar Tahun 2026",
    layout="C", yth_inline=True, to_place="Liwa",
    paras=[
        "Dinas Pendidikan dan Kebudayaan Kabupaten Lampung Barat akan menyelenggarakan kegiatan Gebyar Budaya Pelajar "
        "Tahun 2026 pada tanggal 14 s.d. 15 Desember 2026 bertempat di Lapangan Merdeka Liwa, yang menampilkan lomba "
        "tari tradisional, pesagi dan festival kuliner pelajar tingkat SD dan SMP.",
        "Sehubungan dengan hal tersebut, kami mohon bantuan Dinas Komunikasi dan Informatika untuk mempublikasikan "
        "kegiatan tersebut melalui laman resmi Pemerintah Kabupaten Lampung Barat, akun media sosial resmi dan "
        "videotron di Tugu Kopi. Bahan publikasi berupa pamflet dan naskah berita kami sampaikan sebagaimana terlampir.",
    ],
    sign=dict(title=["KEPALA DINAS PENDIDIKAN DAN KEBUDAYAAN", "KABUPATEN LAMPUNG BARAT,"],
              name="Drs. SUHARTO WIJAYA, M.Pd.", rank="Pembina Utama Muda (IV/c)", nip=nip("196905171994031008")),
    mail=dict(**{"from": ("Subbag Umum Disdik", "umum@disdik.lampungbaratkab.go.id")},
              subject="Surat Permohonan", when=(2026, 12, 7, 14, 9), att="surat permohonan publikasi.pdf",
              body="Bersama ini kami sampaikan surat permohonan sebagaimana terlampir.\nTerima kasih.\n"),
)


# =========================================================================== write

def extra_bytes(key: str, spec: str) -> bytes:
    """The second, non-letter attachment of a mail."""
    if spec in ("@plan", "@switch", "@ap"):
        return device_photo(key, spec[1:])
    if spec == "@rab_disdik":
        rows: list[list[object]] = [["No", "Uraian", "Spesifikasi", "Volume", "Satuan", "Harga Satuan", "Jumlah"]]
        for i, (u, sp, vol, price, unit) in enumerate(RAB_DISDIK, 1):
            rows.append([i, u, sp, int(vol), unit, price, int(vol) * price])
        rows.append(["", "JUMLAH", "", "", "", "", sum(int(r[2]) * r[3] for r in RAB_DISDIK)])
        return xlsx(rows)
    if spec == "@rab_dprd":
        items = [("Access point indoor Wi-Fi 6", 12, "unit", 3_450_000), ("Wireless controller", 1, "unit", 18_900_000),
                 ("Switch PoE 24 port", 2, "unit", 9_750_000), ("Kabel UTP Cat 6 (roll 305 m)", 4, "roll", 2_150_000),
                 ("Jasa instalasi dan konfigurasi", 1, "paket", 12_500_000)]
        rows = [["No", "Uraian", "Volume", "Satuan", "Harga Satuan", "Jumlah"]]
        rows += [[i, u, v, s, p, v * p] for i, (u, v, s, p) in enumerate(items, 1)]
        rows.append(["", "JUMLAH", "", "", "", sum(v * p for _, v, _, p in items)])
        return xlsx(rows)
    raise ValueError(spec)


def attachment_bytes(L: dict) -> tuple[bytes, str]:
    fmt = L["fmt"]
    if fmt == "pdf":
        return render_pdf(L), "pdf_text"
    if fmt == "docx":
        return render_docx(L), "docx"
    if fmt == "odt":
        return render_odt(L), "odt"
    o = dict(L["img"])
    dpi = o.pop("dpi")
    pages = rasterise(render_pdf(L), dpi)
    if fmt == "jpg":
        y, mo, d, hh, mi = L["mail"]["when"]
        o.setdefault("when", dt.datetime(y, mo, d, hh, max(0, mi - 3)))
        return photo(pages[0], L["key"], **o), "ocr"
    if fmt == "png":
        return png_scan(pages[0], L["key"], dpi, **o), "ocr"
    if fmt == "tiff":
        return tiff_scan(pages[0], L["key"], dpi, **o), "ocr"
    if fmt == "scanpdf":
        y, mo, d, hh, mi = L["mail"]["when"]
        o.setdefault("when", dt.datetime(y, mo, d, hh, max(0, mi - 5)))
        return scanned_pdf(pages, L["key"], dpi, **o), "ocr"
    raise ValueError(fmt)


def main(only: list[str] | None = None) -> None:
    keys = [L["key"] for L in LETTERS]
    assert len(keys) == len(set(keys)), "duplicate key"
    rows = []
    out = {}
    for L in LETTERS:
        if only and L["key"] not in only:
            continue
        data, source = attachment_bytes(L)
        out[L["key"] + ".eml"] = build_mail(L, data)
        cat = L.get("cat")
        rows.append([L["key"] + ".eml", 1 if cat else 0, cat or "", L.get("prio") or "",
                     " ".join(L["number"].split()), " ".join(L["perihal"].split()), L["date"],
                     AG[L["ag"]]["opd"], source])
        assert bool(cat) == bool(L.get("prio")), L["key"]
        assert L["date_words"].split()[-1] == "2026" and L["date"][:7] in ("2026-11", "2026-12"), L["key"]
        sent = dt.date(*L["mail"]["when"][:3])
        lag = (sent - dt.date.fromisoformat(L["date"])).days
        assert 0 <= lag <= 4 and sent.weekday() < 5, (L["key"], lag, sent)
    if only:
        for name, data in out.items():
            (Path("/tmp/lb_preview") / name).write_bytes(data)
        return
    for old in HERE.glob("*.eml"):
        old.unlink()
    for name, data in out.items():
        (HERE / name).write_bytes(data)
    with open(HERE / "labels.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["file", "is_ticket", "category", "priority", "number", "subject", "date", "opd", "source"])
        for r in sorted(rows):
            w.writerow(r)
    tickets = [r for r in rows if r[1]]
    cats = {c: sum(1 for r in tickets if r[2] == c) for c in ("1.1", "1.2", "1.3", "1.4")}
    prios = {p: sum(1 for r in tickets if r[3] == p) for p in ("tinggi", "sedang", "rendah")}
    srcs = {s: sum(1 for r in rows if r[8] == s) for s in ("pdf_text", "docx", "odt", "ocr")}
    print(f"{len(rows)} mails: {len(tickets)} requests {cats} {prios}, {len(rows) - len(tickets)} non-requests; {srcs}")


if __name__ == "__main__":
    import sys
    main(sys.argv[1:] or None)
