"""Start-up benchmark: process start to first painted home frame, against a bare
PySide6 window measured in the same run, plus peak RSS at the home screen.

Run: python tests/bench/bench_startup.py [--runs N]   (prints one JSON object)
Targets: kiosk/bare time ratio <= 2.0 (aim 1.5); peak RSS at home <= 110 MiB.

Both programs run from compiled bytecode, as an installed kiosk (pip, the bundle) does:
the untimed first launch writes the .pyc files even where PYTHONDONTWRITEBYTECODE is set
for development. Method: one untimed launch of each first (warms the OS file cache and
the bytecode cache), then N timed pairs,
interleaved so that drift on a busy machine affects both alike, with the order inside a
pair alternating so neither program always runs right after the other. The verdict uses
the ratio of the medians; the minima (least disturbed runs) and the median of the
per-pair ratios are reported alongside to show how stable the result is.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

BARE = """
import json, resource, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv)
w = QLabel("bare"); w.resize(1280, 800)
class Probe(QObject):
    done = False
    def eventFilter(self, o, e):
        if e.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            QTimer.singleShot(0, report)
        return False
def report():
    kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"event": "first_frame", "peak_rss_mib": round(kib / 1024, 1)}), flush=True)
    app.quit()
p = Probe(); w.installEventFilter(p); w.show(); app.exec()
"""


def first_frame(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    started = time.perf_counter()
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        if '"first_frame"' in line:
            elapsed = time.perf_counter() - started
            rss = json.loads(line)["peak_rss_mib"]
            break
    else:
        raise RuntimeError(f"no first frame from {cmd}")
    proc.wait(timeout=60)
    proc.stdout.close()
    return elapsed, rss


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "YIJIANTONG_EXIT_AFTER_FIRST_FRAME": "1",
    }
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    bare_cmd = [sys.executable, "-c", BARE]
    bare_times, kiosk_times, kiosk_rss, bare_rss = [], [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        kiosk_cmd = [sys.executable, "-m", "kiosk", "run", "--windowed", "--data-dir", tmp]
        first_frame(kiosk_cmd, env)  # warm the OS file cache for both, untimed
        first_frame(bare_cmd, env)
        for run in range(args.runs):  # interleaved so drift affects both alike
            for which in ("bare", "kiosk") if run % 2 == 0 else ("kiosk", "bare"):
                if which == "bare":
                    t, r = first_frame(bare_cmd, env)
                    bare_times.append(t)
                    bare_rss.append(r)
                else:
                    t, r = first_frame(kiosk_cmd, env)
                    kiosk_times.append(t)
                    kiosk_rss.append(r)
    bare, kiosk = statistics.median(bare_times), statistics.median(kiosk_times)
    ratio = kiosk / bare
    pair_ratios = [k / b for k, b in zip(kiosk_times, bare_times, strict=True)]
    peak = max(kiosk_rss)
    print(
        json.dumps(
            {
                "benchmark": "startup_first_frame",
                "platform": env["QT_QPA_PLATFORM"],
                "runs": args.runs,
                "bare_pyside6_s_median": round(bare, 3),
                "kiosk_home_s_median": round(kiosk, 3),
                "bare_pyside6_s_min": round(min(bare_times), 3),
                "kiosk_home_s_min": round(min(kiosk_times), 3),
                "ratio": round(ratio, 2),
                "ratio_of_minima": round(min(kiosk_times) / min(bare_times), 2),
                "ratio_pairwise_median": round(statistics.median(pair_ratios), 2),
                "ratio_pairwise_range": [round(min(pair_ratios), 2), round(max(pair_ratios), 2)],
                "ratio_target": 2.0,
                "ratio_ok": ratio <= 2.0,
                "bare_peak_rss_mib": max(bare_rss),
                "kiosk_home_peak_rss_mib": peak,
                "rss_target_mib": 110,
                "rss_ok": peak <= 110,
                "bytecode_cached": True,
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
