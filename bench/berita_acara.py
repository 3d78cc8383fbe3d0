"""Benchmark: Berita Acara rendering (and signing). Prints figures, not pass/fail.

    .venv/bin/python bench/berita_acara.py [--runs N]

- render_warm_median: one BeritaAcaraRenderer, N renders of a one-page document.
- render_cold_first: wall time of a fresh Python process that imports the module, builds the
  renderer and renders once (what the first document after a service start costs).
- sign_warm_median: PAdES signing of the rendered PDF with a throw-away certificate.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mailproc.documents.berita_acara import (  # noqa: E402
    BeritaAcaraData,
    BeritaAcaraRenderer,
    Signatory,
)

TEMPLATES = ROOT / "templates"


def sample() -> BeritaAcaraData:
    return BeritaAcaraData(
        ticket_id="JIP-2026-0001",
        issued_at=datetime(2026, 11, 27, 10, 30, tzinfo=timezone(timedelta(hours=7))),
        category="1.3",
        assigned_to="Petugas Service Desk Diskominfo",
        officers=[
            Signatory("Rahmat Hidayat, A.Md.", "199205142019031007"),
            Signatory("Siti Nurhaliza, S.Kom.", "199408232020122015"),
        ],
        work_summary="Mengganti patch cord yang rusak dan mengonfigurasi ulang switch akses.",
        problem_summary="Koneksi internet di ruang Sekretariat terputus sejak pagi.",
        solution="Menyiapkan patch cord cadangan di ruang server.",
        location="Dinas Pendidikan dan Kebudayaan, Jl. Raden Intan, Liwa",
        requester_pj=Signatory("Drs. Bambang Sutrisno, M.Pd.", "197503122000031004"),
        opd_name="Dinas Pendidikan dan Kebudayaan",
        verification_code="E4FZ-62FF-KK",
    )


COLD_SCRIPT = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
sys.path.insert(0, {str(ROOT / "bench")!r})
from berita_acara import sample, TEMPLATES, BeritaAcaraRenderer
pdf = BeritaAcaraRenderer(TEMPLATES).render_pdf(sample())
assert pdf.startswith(b"%PDF")
"""


def describe(samples_ms: list[float]) -> str:
    return (
        f"{statistics.median(samples_ms):.1f} ms (n={len(samples_ms)}, "
        f"spread {min(samples_ms):.1f}-{max(samples_ms):.1f} ms)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()

    renderer = BeritaAcaraRenderer(TEMPLATES)
    data = sample()
    pdf = renderer.render_pdf(data)  # warm-up: fonts loaded, caches filled
    render_ms = []
    for _ in range(args.runs):
        start = time.perf_counter()
        pdf = renderer.render_pdf(data)
        render_ms.append((time.perf_counter() - start) * 1000)
    print(f"berita_acara.render_warm_median: {describe(render_ms)}")

    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", COLD_SCRIPT], check=True, cwd=ROOT)
    cold_ms = (time.perf_counter() - start) * 1000
    print(f"berita_acara.render_cold_first: {cold_ms:.1f} ms (new process: start, import, render)")

    # imported here so that the cold-start child (which imports this file) does not pay for it
    from mailproc.documents.signing import make_test_certificate, sign_pdf

    with tempfile.TemporaryDirectory() as tmp:
        p12, passphrase, _ = make_test_certificate(Path(tmp))
        sign_pdf(pdf, p12, passphrase)
        sign_ms = []
        for _ in range(args.runs):
            start = time.perf_counter()
            sign_pdf(pdf, p12, passphrase)
            sign_ms.append((time.perf_counter() - start) * 1000)
    print(f"berita_acara.sign_warm_median: {describe(sign_ms)}")


if __name__ == "__main__":
    main()
