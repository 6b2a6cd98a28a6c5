"""The ``yijiantong`` command line (``python -m kiosk`` is the same)."""

from kiosk.cli.commands import main
from kiosk.cli.parser import build_parser

__all__ = ["build_parser", "main"]
