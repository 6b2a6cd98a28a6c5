"""``python -m hub`` is the same as ``yijiantong-hub``."""

import sys

from hub.cli import main

if __name__ == "__main__":
    sys.exit(main())
