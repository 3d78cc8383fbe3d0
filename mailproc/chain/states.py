"""The chain's vocabulary, in one place: statuses, steps, roles, their ranks, and every status change.

The SOP's disposition chain: awaiting_kadis → awaiting_kabid → awaiting_prakom → in_progress → done,
with ``rejected`` (Kadis or Kabid), ``on_hold`` (from any running step; resumes to the status it
left) and the penanggung jawab's reopen (done → in_progress). Each row of ``TRANSITIONS`` names the
one step whose holder may make that change; ``chain.workflow`` is the only writer of
``Ticket.status`` and makes changes only along these rows.

Steps are who a request waits for: the three officials' roles (configured in ``[roles.*]``), the
assigned ``officer``, ``resume`` (the answer to a hold notice) and ``pj`` (the answer to a Berita
Acara). ``SLA_STEPS`` are the stretches of time the SLA measures, in SOP order.
"""
from __future__ import annotations

from dataclasses import dataclass

__all__ = ["AWAITING_KADIS", "AWAITING_KABID", "AWAITING_PRAKOM", "IN_PROGRESS", "ON_HOLD", "DONE", "REJECTED",
           "ROLES", "OFFICER", "RESUME", "PJ", "STEPS", "RANK", "STEP_OF_STATUS", "OPEN_STATUSES", "CLOSED_STATUSES",
           "SLA_STEPS", "HELD_FROM", "Transition", "TRANSITIONS", "find_transition", "running_step",
           "STATUS_NAMES", "STEP_TITLES", "DECISION_NAMES"]

AWAITING_KADIS, AWAITING_KABID, AWAITING_PRAKOM = "awaiting_kadis", "awaiting_kabid", "awaiting_prakom"
IN_PROGRESS, ON_HOLD, DONE, REJECTED = "in_progress", "on_hold", "done", "rejected"

ROLES = ("kadis", "kabid", "prakom")          # the officials, each a [roles.<name>] table of the config
OFFICER, RESUME, PJ = "officer", "resume", "pj"
STEPS = (*ROLES, OFFICER, PJ)                 # whose answer a request waits for (and RESUME, on hold)
RANK = {OFFICER: 0, "prakom": 1, "kabid": 2, "kadis": 3}   # the chain, from the bottom up

STEP_OF_STATUS = {AWAITING_KADIS: "kadis", AWAITING_KABID: "kabid", AWAITING_PRAKOM: "prakom", IN_PROGRESS: OFFICER}
OPEN_STATUSES = (*STEP_OF_STATUS, ON_HOLD)
CLOSED_STATUSES = (DONE, REJECTED)

SLA_STEPS = ("registration", "kadis", "kabid", "prakom", "resolution")

HELD_FROM = "<held_from>"   # a transition's target: the status the ticket had when it was put on hold


@dataclass(frozen=True)
class Transition:
    source: str
    decision: str
    target: str
    step: str        # whose request's answer makes the change
    action: str      # the timeline event it records


TRANSITIONS = (
    Transition(AWAITING_KADIS, "approve", AWAITING_KABID, "kadis", "forwarded"),
    Transition(AWAITING_KADIS, "reject", REJECTED, "kadis", "rejected"),
    Transition(AWAITING_KABID, "approve", AWAITING_PRAKOM, "kabid", "forwarded"),
    Transition(AWAITING_KABID, "reject", REJECTED, "kabid", "rejected"),
    Transition(AWAITING_PRAKOM, "assign", IN_PROGRESS, "prakom", "assigned"),
    Transition(IN_PROGRESS, "done", DONE, OFFICER, "completed"),
    *(Transition(status, "hold", ON_HOLD, step, "held") for status, step in STEP_OF_STATUS.items()),
    Transition(ON_HOLD, "resume", HELD_FROM, RESUME, "resumed"),
    Transition(ON_HOLD, "approve", HELD_FROM, RESUME, "resumed"),
    Transition(DONE, "reopen", IN_PROGRESS, PJ, "reopened"),
)


def find_transition(status: str, decision: str) -> Transition | None:
    return next((t for t in TRANSITIONS if t.source == status and t.decision == decision), None)


def running_step(status: str, held_from: str | None) -> str | None:
    """The step a ticket waits for (on hold: the step it was held at); None when closed."""
    return STEP_OF_STATUS.get(held_from or "" if status == ON_HOLD else status)


# -- the same vocabulary, as people read it (Indonesian) ----------------------------------------

STATUS_NAMES = {AWAITING_KADIS: "menunggu disposisi Kepala Dinas", AWAITING_KABID: "menunggu disposisi Kepala Bidang Aptika",
                AWAITING_PRAKOM: "menunggu penugasan oleh Pranata Komputer", IN_PROGRESS: "sedang dikerjakan petugas",
                ON_HOLD: "ditunda", DONE: "selesai", REJECTED: "ditolak"}
STEP_TITLES = {"kadis": "Kepala Dinas Komunikasi dan Informatika", "kabid": "Kepala Bidang Aplikasi Informatika",
               "prakom": "Pranata Komputer Fungsi Infrastruktur dan Teknologi", OFFICER: "Petugas Service Desk"}
DECISION_NAMES = {"approve": "SETUJU", "reject": "TOLAK", "hold": "TUNDA", "resume": "LANJUTKAN", "assign": "TUGASKAN",
                  "done": "SELESAI", "reopen": "BELUM SELESAI", "rate": "NILAI"}
