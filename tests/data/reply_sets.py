"""What the blind reply sets' generators (replies_blind*/build.py) share: the people of the chain
and the status a reply leaves its ticket in, as a person would expect it. Standard library only."""
from __future__ import annotations

CHAIN = {
    "kadis": ("Hujlianto Eka Putra", "kadis@lampungbaratkab.go.id"),
    "kabid": ("Rizal Effendi", "kabid.aptika@lampungbaratkab.go.id"),
    "prakom": ("Dedi Kurniawan", "prakom@lampungbaratkab.go.id"),
    "rahmat": ("Rahmat Hidayat", "rahmat.hidayat@lampungbaratkab.go.id"),
    "siti": ("Siti Nurhaliza", "siti.nurhaliza@lampungbaratkab.go.id"),
    "agus": ("Agus Setiawan", "agus.setiawan@lampungbaratkab.go.id"),
    "pj": ("dr. Nurcahyo Wibowo, M.Kes.", "kadis@diskes.lampungbaratkab.go.id"),
    "requester": ("Bagian Umum Dinkes", "umum@diskes.lampungbaratkab.go.id"),
}
UNCHANGED = {"kadis": "awaiting_kadis", "kabid": "awaiting_kabid", "prakom": "awaiting_prakom", "officer": "in_progress",
             "resume": "on_hold", "resume_kadis": "on_hold", "pj": "done"}
AFTER = {("kadis", "approve"): "awaiting_kabid", ("kabid", "approve"): "awaiting_prakom", ("prakom", "assign"): "in_progress",
         ("officer", "done"): "done", ("resume", "resume"): "in_progress", ("resume_kadis", "resume"): "awaiting_kadis",
         ("pj", "rate"): "done", ("pj", "reopen"): "in_progress"}


def status_after(step: str, kind: str) -> str:
    """The ticket's status after a reply at ``step`` meaning ``kind`` (the first of ``a|b``)."""
    first = kind.split("|")[0]
    return AFTER.get((step, first)) or ("rejected" if first == "reject" else
                                        "on_hold" if first == "hold" else UNCHANGED[step])
