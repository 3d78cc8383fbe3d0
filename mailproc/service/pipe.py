"""The pipe door's fast path: ``mailproc ingest`` hands each message to the running service.

An MTA starts ``mailproc ingest`` once per message. Loading the database layer, the rules and the
templates costs far more than handling one message, so when ``mailproc run`` is up, ingest only
connects to its Unix socket, sends the raw bytes and waits for the outcome (like RT's
rt-mailgate posting to the RT server). When no service listens, ingest handles the message in
its own process: slower, same result.

Wire format: 8-byte big-endian length + the raw message; the answer is one JSON line with
``outcome``, ``reason`` and ``ticket`` (or ``error`` for a temporary failure).
"""
from __future__ import annotations

import json
import logging
import os
import socket
import socketserver
import struct
import threading
from pathlib import Path

log = logging.getLogger(__name__)
_LEN = struct.Struct(">Q")
MAX_MESSAGE = 200 * 1024 * 1024


class ServiceUnavailable(Exception):
    """No service listens on the socket: handle the message in this process instead."""


def hand_over(path: Path, raw: bytes, timeout: float = 120.0) -> dict:
    """Send one message to the running service and return its answer."""
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.settimeout(timeout)
    try:
        try:
            sock.connect(str(path))
        except (FileNotFoundError, ConnectionRefusedError) as exc:
            raise ServiceUnavailable(str(exc)) from exc
        sock.sendall(_LEN.pack(len(raw)) + raw)
        sock.shutdown(socket.SHUT_WR)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    finally:
        sock.close()
    if not answer:
        return {"error": "the service closed the connection without an answer"}
    return json.loads(answer)


def _read_exact(rfile, size: int) -> bytes:
    data = rfile.read(size)
    if len(data) != size:
        raise EOFError(f"expected {size} bytes, got {len(data)}")
    return data


class PipeServer:
    """Listens on a Unix socket in a thread; each connection is one message for ``Inbound``."""

    def __init__(self, path: Path, inbound, on_handled=lambda: None):
        self.path = path
        inbound_ref, notify = inbound, on_handled

        class Handler(socketserver.StreamRequestHandler):
            def handle(self) -> None:
                from mailproc.intake.inbound import Origin   # start-up: `ingest` hands over without the intake
                try:
                    (size,) = _LEN.unpack(_read_exact(self.rfile, _LEN.size))
                    if size > MAX_MESSAGE:   # permanent: the MTA must bounce it, not retry for ever
                        self.wfile.write(json.dumps({"refused": f"message of {size} bytes is over the "
                                                                f"{MAX_MESSAGE} limit"}).encode() + b"\n")
                        return
                    raw = _read_exact(self.rfile, size)
                    result = inbound_ref.handle(raw, Origin("ingest"))
                    answer = {"outcome": result.outcome, "reason": result.reason, "ticket": result.ticket}
                    notify()
                except Exception as exc:   # reported to the client, which exits 75 so the MTA retries
                    log.exception("pipe: message not handled")
                    answer = {"error": f"{type(exc).__name__}: {exc}"}
                self.wfile.write(json.dumps(answer).encode() + b"\n")

        class Server(socketserver.UnixStreamServer):
            daemon_threads = True

        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists():
            probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            try:
                probe.connect(str(path))
            except OSError:   # a socket left by a killed service: nobody answers on it
                path.unlink()
            else:
                raise RuntimeError(f"another service already listens on {path}")
            finally:
                probe.close()
        self.server = Server(str(path), Handler)
        os.chmod(path, 0o660)
        self.thread = threading.Thread(target=self.server.serve_forever, name="pipe", daemon=True)

    def start(self) -> "PipeServer":
        self.thread.start()
        log.info("pipe door listening on %s", self.path)
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        try:
            self.path.unlink()
        except FileNotFoundError:
            pass
