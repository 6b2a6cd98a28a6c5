"""PyInstaller entry point for the ``yijiantong-hub`` executable (same as the console script)."""

import sys

from hub.cli import main

if __name__ == "__main__":
    sys.exit(main())
