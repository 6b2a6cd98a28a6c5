"""Start-up measurement hook used by tests/bench (not by normal operation).

With ``YIJIANTONG_EXIT_AFTER_FIRST_FRAME=1`` the kiosk prints one JSON line when the
main window has painted its first frame (with the peak memory so far) and quits, so a
benchmark can time "process start to first visible home screen" from outside. With
``YIJIANTONG_FIRST_FRAME_MODULES=FILE`` as well, the names of every module loaded by then
are written to FILE, one per line, so a test can check what the first frame costs.
"""

from __future__ import annotations

import os
import resource
import sys
from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from ui.first_paint import FirstPaint

ENV_FLAG = "YIJIANTONG_EXIT_AFTER_FIRST_FRAME"
MODULES_FILE = "YIJIANTONG_FIRST_FRAME_MODULES"


def wanted() -> bool:
    return os.environ.get(ENV_FLAG) == "1"


def report_first_frame_and_quit(window: QWidget, quit_now: Callable[[], None]) -> FirstPaint:
    """``quit_now`` must shut down at once: work queued for after the first frame (the
    services, sync, the voice engines) then finds the kiosk stopping and does not start."""

    def report() -> None:
        peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        modules_file = os.environ.get(MODULES_FILE)
        if modules_file:
            with open(modules_file, "w", encoding="utf-8") as out:
                out.write("\n".join(sorted(sys.modules)))
        # The JSON line json.dumps would write, without importing json on the timed path.
        peak_mib = round(peak_kib / 1024, 1)
        print(f'{{"event": "first_frame", "peak_rss_mib": {peak_mib!r}}}')
        sys.stdout.flush()
        quit_now()

    return FirstPaint(window, report)
