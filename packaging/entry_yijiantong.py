"""PyInstaller entry point for the ``yijiantong`` executable (same as the console script)."""

import sys

from kiosk.cli import main

if __name__ == "__main__":
    sys.exit(main())
