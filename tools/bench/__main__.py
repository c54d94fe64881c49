"""``python -m tools.bench``: see ``main``."""

import sys

from tools.bench import main

if __name__ == "__main__":
    sys.exit(main())
