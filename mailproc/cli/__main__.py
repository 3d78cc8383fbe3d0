"""``python -m mailproc.cli``."""
import sys

from mailproc.cli.main import main

sys.exit(main())
