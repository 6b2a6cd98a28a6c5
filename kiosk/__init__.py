"""Yijiantong kiosk: composition root, CLI, configuration and session handling."""

# Single source of the version (pyproject reads it). A literal, not importlib.metadata:
# that import alone costs ~30 ms of every start-up.
__version__ = "0.1.0"
