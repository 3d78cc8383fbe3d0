"""The pipe door's fast path: `mailproc ingest` hands the message to the running service."""
from __future__ import annotations

import socket
import subprocess
import sys

import pytest

from conftest import REQUEST_BODY, make_mail
from mailproc.intake.inbound import Inbound
from mailproc.service.pipe import PipeServer, ServiceUnavailable, hand_over


def ingest(desk, raw: bytes) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mailproc.cli", "--config", str(desk.config.path), "ingest"],
                          input=raw, capture_output=True)


def test_ingest_hands_over_to_the_service(desk):
    handled = []
    server = PipeServer(desk.config.service.socket, Inbound(desk), on_handled=lambda: handled.append(1)).start()
    try:
        raw = make_mail("umum@diskes.lampungbaratkab.go.id", "Internet mati total", REQUEST_BODY)
        first = ingest(desk, raw)
        assert first.returncode == 0 and b"ticket JIP-2026-0001" in first.stdout
        again = ingest(desk, raw)
        assert again.returncode == 0 and b"duplicate" in again.stdout
        assert handled == [1, 1]
    finally:
        server.stop()
    assert not desk.config.service.socket.exists()


def test_without_a_service_ingest_handles_it_itself(desk):
    with pytest.raises(ServiceUnavailable):
        hand_over(desk.config.service.socket, b"x")
    out = ingest(desk, make_mail("umum@diskes.lampungbaratkab.go.id", "Internet mati total", REQUEST_BODY))
    assert out.returncode == 0 and b"ticket JIP-2026-0001" in out.stdout


def test_a_stale_socket_is_replaced_and_a_live_one_refused(desk):
    path = desk.config.service.socket
    path.parent.mkdir(parents=True, exist_ok=True)
    dead = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    dead.bind(str(path))
    dead.close()   # the file stays, nobody listens: what a killed service leaves
    server = PipeServer(path, Inbound(desk)).start()
    try:
        with pytest.raises(RuntimeError, match="already listens"):
            PipeServer(path, Inbound(desk))
    finally:
        server.stop()
