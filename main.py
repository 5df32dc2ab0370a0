"""Run AzoDesk from a source checkout: ``python main.py assess CASE.json``."""

import sys

from azodesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
