"""mailproc against the bare minimum, on the same messages in the same run. Prints figures; no pass/fail.

    bench/run [--quick] [--only intake,pipe,latency,outbox,documents,sla,memory,scale,letters] [--profile]
              [--backlog N] [--runs N] ...

Every size is a flag, or an environment variable MAILPROC_BENCH_<FLAG> (e.g. MAILPROC_BENCH_BACKLOG=2000).
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.report import MISSED, say  # noqa: E402

BENCHES = ("intake", "pipe", "latency", "outbox", "documents", "sla", "memory", "scale", "letters")
# flag: (full, quick)
SIZES = {
    "backlog": (5000, 200, "messages in the backlog intake"),
    "intake_runs": (1, 3, "runs of the backlog intake (5,000 messages: ~2 min a run on SQLite, ~4 on PostgreSQL)"),
    "runs": (3, 3, "repetitions of the short measurements"),
    "pipe": (50, 10, "messages piped to `mailproc ingest`, one process each"),
    "latency": (50, 10, "requests sent one at a time for the latency"),
    "outbox": (1000, 200, "queued messages delivered"),
    "open_tickets": (100_000, 10_000, "open tickets for the SLA job"),
    "run_few": (100, 100, "messages before the first RSS reading of `mailproc run`"),
    "run_many": (10_000, 600, "messages before the second RSS reading"),
    "scale": (1000, 200, "messages shared by 1, 2, 3 workers"),
    "render_runs": (20, 5, "warm Berita Acara renders"),
    "letters": (500, 100, "requests in the intake with letters (one in ten with a text PDF)"),
}


def parse_args(argv=None) -> argparse.Namespace:
    quick = "--quick" in (argv if argv is not None else sys.argv[1:])
    p = argparse.ArgumentParser(prog="bench/run", description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true", help="small sizes: a couple of minutes")
    p.add_argument("--only", default=",".join(BENCHES), help="comma-separated subset of: " + ", ".join(BENCHES))
    p.add_argument("--profile", action="store_true", help="also profile the intake with pyinstrument")
    p.add_argument("--databases", default="sqlite,postgresql")
    for name, (full, small, text) in SIZES.items():
        default = int(os.environ.get(f"MAILPROC_BENCH_{name.upper()}", small if quick else full))
        p.add_argument(f"--{name.replace('_', '-')}", type=int, default=default, help=f"{text} (default {default})")
    return p.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    only = {b.strip() for b in args.only.split(",") if b.strip()}
    kinds = tuple(k.strip() for k in args.databases.split(",") if k.strip())
    unknown = only - set(BENCHES)
    if unknown:
        print(f"unknown benchmark(s): {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    begun = time.perf_counter()
    print(f"# mailproc bench ({'quick' if args.quick else 'full'}), {os.cpu_count()} CPUs, "
          f"{time.strftime('%Y-%m-%d %H:%M:%S')}", flush=True)

    from bench import documents, memory, pipe, sla
    from bench.env import mail_stack

    if "documents" in only:
        documents.warm_render(args.render_runs)
        documents.cold_export(args.runs)
    if "pipe" in only:
        pipe.startup(max(5, args.runs))
        pipe.ingest(args.pipe, kinds)
    if "sla" in only:
        sla.measure(args.open_tickets, args.runs, kinds)
    if "memory" in only:
        memory.big_attachment(args.runs)
    if "letters" in only:
        from bench import letters
        letters.main()
    if only & {"intake", "latency", "outbox", "memory", "scale", "letters"}:
        from bench import intake, latency, outbox
        from bench.corpus import backlog
        from bench.mailbox import store_backlog
        with mail_stack() as stack:
            say(f"mail stack up: imap {stack.imap_port}, smtp {stack.smtp_port}")
            if "latency" in only:
                latency.measure(stack, args.latency)
            if "outbox" in only:
                outbox.measure(stack, args.outbox, args.runs, kinds)
            if only & {"intake", "scale"}:
                start = time.perf_counter()
                store_backlog(stack, backlog(max(args.backlog if "intake" in only else 0, args.scale)))
                say(f"backlog stored by MULTIAPPEND in {time.perf_counter() - start:.1f} s")
            if "intake" in only:
                for kind in kinds:
                    intake.backlog_intake(stack, kind, args.backlog, args.intake_runs, args.profile)
            if "scale" in only and "postgresql" in kinds:
                intake.scale_out(stack, args.scale, 1)
            if "memory" in only:
                memory.run_growth(stack, args.run_few, args.run_many)
            if "letters" in only:
                for kind in kinds:
                    letters.intake_with_letters(stack, kind, args.letters, args.runs)
    print(f"# done in {time.perf_counter() - begun:.0f} s; figures that missed their target: "
          f"{', '.join(MISSED) or 'none'}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
