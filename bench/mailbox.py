"""The service mailbox as the benchmarks need it: a backlog kept in a side folder and copied into
the INBOX (server-side) before each run, so every run starts from the same messages."""
from __future__ import annotations

from imapclient import IMAPClient

from bench.env import PASSWORD, SERVICE

BACKLOG = "BenchBacklog"
WORK_FOLDERS = ("INBOX", "Processed", "Quarantine")


def connect(stack, address: str = SERVICE) -> IMAPClient:
    client = IMAPClient("127.0.0.1", port=stack.imap_port, ssl=False, timeout=120)
    client.login(address, PASSWORD)
    return client


def store_backlog(stack, messages: list[bytes], folder: str = BACKLOG, chunk: int = 200) -> str:
    """Put ``messages`` in ``folder`` (emptied first) with MULTIAPPEND, ``chunk`` at a time."""
    with connect(stack) as c:
        if c.folder_exists(folder):
            c.delete_folder(folder)
        c.create_folder(folder)
        for start in range(0, len(messages), chunk):
            c.multiappend(folder, messages[start:start + chunk])
    return folder


def empty(client: IMAPClient, folders=WORK_FOLDERS) -> None:
    for folder in folders:
        if not client.folder_exists(folder):
            continue
        client.select_folder(folder)
        uids = client.search(["ALL"])
        if uids:
            client.delete_messages(uids)
            client.expunge()
        client.unselect_folder()


def refill_inbox(stack, limit: int | None = None, folder: str = BACKLOG, also_empty=WORK_FOLDERS) -> int:
    """Empty the INBOX (and Processed, Quarantine), copy the backlog (its first ``limit``) into the INBOX."""
    with connect(stack) as c:
        empty(c, also_empty)
        c.select_folder(folder, readonly=True)
        uids = sorted(c.search(["ALL"]))[:limit]
        if uids:
            c.copy(uids, "INBOX")
        c.unselect_folder()
        return len(uids)


def copy_into_inbox(stack, folder: str, limit: int | None = None) -> int:
    with connect(stack) as c:
        c.select_folder(folder, readonly=True)
        uids = sorted(c.search(["ALL"]))[:limit]
        if uids:
            c.copy(uids, "INBOX")
        return len(uids)


def count(stack, folder: str = "INBOX") -> int:
    with connect(stack) as c:
        return c.folder_status(folder, ["MESSAGES"])[b"MESSAGES"]
