"""Figures: medians with their spread, printed one line each (`name: value unit ...`)."""
from __future__ import annotations

import statistics
import sys
from dataclasses import dataclass


@dataclass(frozen=True)
class Target:
    """What a figure should reach: ``value >= bound`` (``at_least``) or ``value <= bound``."""
    bound: float
    at_least: bool
    of: str = "value"        # "value" or "ratio"

    def met(self, value: float, ratio: float | None) -> bool:
        subject = ratio if self.of == "ratio" else value
        if subject is None:
            return False
        return subject >= self.bound if self.at_least else subject <= self.bound

    def text(self) -> str:
        return f"{'>=' if self.at_least else '<='} {self.bound:g}" + (" ratio" if self.of == "ratio" else "")


def fmt(value: float) -> str:
    if value == 0:
        return "0"
    if abs(value) >= 100:
        return f"{value:.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    if abs(value) >= 1:
        return f"{value:.2f}"
    return f"{value:.3f}"


def spread(samples: list[float]) -> str:
    if len(samples) < 2:
        return f"n={len(samples)}"
    return f"n={len(samples)}, spread {fmt(min(samples))}-{fmt(max(samples))}"


MISSED: list[str] = []


def figure(name: str, samples: list[float] | float, unit: str, *, baseline: list[float] | float | None = None,
           higher_is_better: bool = True, target: Target | None = None, note: str = "") -> float:
    """Print one figure line; returns the median. ``ratio`` is value/baseline for rates (higher is
    better) and baseline/value for times, so that a ratio above 1 always means faster than the baseline."""
    samples = samples if isinstance(samples, list) else [samples]
    value = statistics.median(samples)
    line = f"{name}: {fmt(value)} {unit} ({spread(samples)})"
    ratio = None
    if baseline is not None:
        base = baseline if isinstance(baseline, list) else [baseline]
        b = statistics.median(base)
        ratio = (value / b if higher_is_better else b / value) if b and value else None
        line += f" baseline: {fmt(b)} {unit} ({spread(base)})"
        if ratio is not None:
            line += f" ratio: {ratio:.2f}"
    if target is not None:
        ok = target.met(value, ratio)
        line += f" target: {target.text()} [{'met' if ok else 'MISSED'}]"
        if not ok:
            MISSED.append(name)
    if note:
        line += f"  # {note}"
    print(line, flush=True)
    return value


def say(text: str) -> None:
    """Progress and notes go to stderr, figures to stdout."""
    print(f"  .. {text}", file=sys.stderr, flush=True)
