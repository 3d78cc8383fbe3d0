"""Profiles (pyinstrument) of the figures that miss their target; text reports in $MAILPROC_BENCH_PROFILES
(default /tmp/mailproc-bench-profiles).

    .venv/bin/python bench/profile.py ingest|outbox|intake [--database sqlite|postgresql] [--count N]
"""
from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.env import PYTHON, ROOT, Workspace, database, make_desk, write_config  # noqa: E402
from bench.intake import PROFILE_DIR  # noqa: E402


def _save(profiler, name: str) -> None:
    PROFILE_DIR.mkdir(parents=True, exist_ok=True)
    path = PROFILE_DIR / f"{name}.txt"
    path.write_text(profiler.output_text(unicode=True, color=False))
    (PROFILE_DIR / f"{name}.html").write_text(profiler.output_html())
    print(path)


def ingest(kind: str, count: int) -> None:
    """One cold `mailproc ingest` process, profiled from its first import (pyinstrument -m style)."""
    from bench.corpus import backlog
    with Workspace.new() as ws, database(kind, ws.path) as url:
        config = write_config(ws.path, url)
        raw = ws.path / "m.eml"
        raw.write_bytes(backlog(1, seed=11, salt="prof")[0])
        out = PROFILE_DIR / f"ingest-{kind}.txt"
        PROFILE_DIR.mkdir(parents=True, exist_ok=True)
        subprocess.run([str(PYTHON), "-m", "pyinstrument", "--interval", "0.0005", "-o", str(out), "-m", "mailproc.cli",
                        "--config", str(config), "ingest", str(raw)], cwd=ROOT, check=True, capture_output=True)
        print(out)


def outbox(kind: str, count: int) -> None:
    from pyinstrument import Profiler

    from bench.env import mail_stack
    from bench.outbox import _mailproc, _queue
    with mail_stack() as stack, Workspace.new() as ws, database(kind, ws.path) as url:
        desk = make_desk(write_config(ws.path, url, imap_port=stack.imap_port, smtp_port=stack.smtp_port))
        _queue(desk, count)
        profiler = Profiler(interval=0.001)
        profiler.start()
        _mailproc(desk)
        profiler.stop()
        _save(profiler, f"outbox-{kind}")


def intake(kind: str, count: int) -> None:
    from bench.corpus import backlog
    from bench.env import mail_stack
    from bench.intake import mailproc_poll
    from bench.mailbox import refill_inbox, store_backlog
    with mail_stack() as stack:
        store_backlog(stack, backlog(count))
        refill_inbox(stack, count)
        mailproc_poll(stack, kind, profile=True)
        print(PROFILE_DIR / f"intake-{kind}.txt")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("what", choices=["ingest", "outbox", "intake"])
    p.add_argument("--database", default="sqlite")
    p.add_argument("--count", type=int, default=300)
    args = p.parse_args()
    globals()[args.what](args.database, args.count)


if __name__ == "__main__":
    main()
