"""Suite-wide set-up: Qt runs offscreen, with no display, in every test."""

import os

# Must happen before anything imports PySide6: pytest-qt creates the QApplication lazily.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_ACCESSIBILITY", "1")
