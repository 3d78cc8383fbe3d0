"""Run in a fresh process: peak RSS while handling one message with a large attachment.

    python bench/memory_probe.py CONFIG ATTACHMENT_BYTES   -> prints "idle_rss hwm size" in bytes
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def _status(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024
    raise KeyError(field)


def main() -> None:
    import os

    from bench.corpus import request
    from bench.env import make_desk
    from email import message_from_bytes, policy
    from mailproc.intake.inbound import Inbound, Origin

    config, size = Path(sys.argv[1]), int(sys.argv[2])
    desk = make_desk(config)
    inbound = Inbound(desk)
    inbound.handle(request("umum@diskes.lampungbaratkab.go.id", 0, salt="warm"), Origin("ingest"))  # load everything
    msg = message_from_bytes(request("umum@diskes.lampungbaratkab.go.id", 1, salt="big"), policy=policy.default)
    msg.add_attachment(os.urandom(size), maintype="application", subtype="pdf", filename="scan_dokumen.pdf")
    raw = bytes(msg)
    del msg
    Path("/proc/self/clear_refs").write_text("5")   # reset VmHWM to the current RSS
    idle = _status("VmRSS")
    result = inbound.handle(raw, Origin("ingest"))
    assert result.outcome == "ticket", result
    # the raw message itself (held by the caller, as the IMAP door and ingest hold it) is part of idle
    print(idle, _status("VmHWM"), len(raw))


if __name__ == "__main__":
    main()
