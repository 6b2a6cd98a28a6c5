"""``python -m kiosk`` is the same as ``yijiantong``."""

import sys

from kiosk.cli import main

sys.exit(main())
