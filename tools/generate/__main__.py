"""``python -m tools.generate``: see ``main``."""

import sys

from tools.generate import main

if __name__ == "__main__":
    sys.exit(main())
