"""Development tooling, never shipped or imported by mailproc: the local mail stack, the demo, evaluation and crash-test runners."""
