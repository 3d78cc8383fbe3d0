"""Memory: peak RSS for one message with a 25 MB attachment (above the idle process, which already
holds the raw message), and the RSS of ``mailproc run`` after a few messages against after many."""
from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path

from bench.corpus import backlog
from bench.env import MAILPROC, PYTHON, ROOT, Workspace, database, write_config
from bench.intake import _count_inbound, _wait_running
from bench.mailbox import connect, empty, store_backlog
from bench.report import Target, figure, say


def big_attachment(runs: int, size: int = 25_000_000) -> None:
    ratios, peaks = [], []
    for _ in range(runs):
        with Workspace.new() as ws, database("sqlite", ws.path) as url:
            config = write_config(ws.path, url)
            out = subprocess.run([str(PYTHON), str(ROOT / "bench" / "memory_probe.py"), str(config), str(size)],
                                 cwd=ROOT, check=True, capture_output=True, text=True).stdout.split()
        idle, hwm, raw = map(int, out[-3:])
        ratios.append((hwm - idle) / raw)
        peaks.append((hwm - idle) / 1e6)
    figure("memory.attachment_25mb.peak_above_idle", peaks, "MB", note=f"message {raw / 1e6:.1f} MB on the wire")
    figure("memory.attachment_25mb.peak_over_message_size", ratios, "x", target=Target(4.0, False),
           note="(VmHWM - idle VmRSS) / raw message size")


def _rss(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return 0


def run_growth(stack, few: int, many: int) -> None:
    """RSS of one ``mailproc run`` (SQLite, directory transport) after ``few`` and after ``many`` messages."""
    folder = store_backlog(stack, backlog(many, seed=23, salt="mem"), folder="BenchMemory")
    with connect(stack) as c:
        empty(c)
    with Workspace.new() as ws, database("sqlite", ws.path) as url:
        config = write_config(ws.path, url, imap_port=stack.imap_port)
        log = ws.path / "run.log"
        proc = subprocess.Popen([str(MAILPROC), "--config", str(config), "run"], cwd=ROOT,
                                stdout=subprocess.DEVNULL, stderr=log.open("wb"))
        try:
            _wait_running(proc, log)
            readings = {}
            with connect(stack) as c:
                c.select_folder(folder, readonly=True)
                uids = sorted(c.search(["ALL"]))
                for lo, target in ((0, few), (few, many)):
                    c.copy(uids[lo:target], "INBOX")
                    while _count_inbound(url) < target:
                        if proc.poll() is not None:
                            raise RuntimeError(log.read_text()[-2000:])
                        time.sleep(0.1)
                    time.sleep(2.0)   # its outbox round after the poll
                    readings[target] = _rss(proc.pid)
                    say(f"mailproc run RSS after {target} msgs: {readings[target] / 1e6:.1f} MB")
        finally:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                proc.kill()
        with connect(stack) as c:
            empty(c)
            c.delete_folder(folder)
    figure(f"memory.run_rss.after_{many}", readings[many] / 1e6, "MB", baseline=readings[few] / 1e6,
           higher_is_better=False, note=f"baseline = RSS after {few} msgs; ratio < 1 means it grew")
