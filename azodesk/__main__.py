import sys

from azodesk.cli import main

sys.exit(main())
